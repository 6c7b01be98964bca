/* anim.h - easing curves and the inertial scroller.
 *
 * Pure: no SDL; time steps are passed in (seconds as float). Storage is the
 * caller's; nothing is allocated. */
#ifndef OPENDAY_ANIM_H
#define OPENDAY_ANIM_H

#include <stdbool.h>

/* Easing curves over t in [0,1] (t is clamped). */
float anim_ease_out_cubic(float t);
float anim_ease_in_out_cubic(float t);
/* Linear interpolation. */
float anim_lerp(float a, float b, float t);

/* A one-dimensional scroller with drag, inertia and spring-back at the ends.
 * pos is the scroll offset in px (0 = top); the valid range is [0, max]. */
typedef struct {
    float pos, vel;        /* px, px/s */
    float max;             /* content height minus viewport height, >= 0 */
    bool dragging;
} anim_scroller;

void anim_scroller_init(anim_scroller *s);
/* Set the scrollable range; clamps nothing (spring-back does it smoothly). */
void anim_scroller_set_max(anim_scroller *s, float max);
/* Finger moved the content by dy (positive = finger moved up = content up). */
void anim_scroller_drag(anim_scroller *s, float dy);
/* Finger lifted with velocity v px/s (positive = content moving up). */
void anim_scroller_release(anim_scroller *s, float v);
/* Jump without animation (keyboard paging uses anim_scroller_fling_to). */
void anim_scroller_jump(anim_scroller *s, float pos);
/* Start an animated move towards pos. */
void anim_scroller_fling_to(anim_scroller *s, float pos);
/* Advance by dt seconds. Returns true while still moving. */
bool anim_scroller_step(anim_scroller *s, float dt);
bool anim_scroller_moving(const anim_scroller *s);

#endif
