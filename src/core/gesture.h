/* gesture.h - turns pointer events into taps, drags, flings and swipes.
 *
 * Pure: no SDL, no clock of its own; every event carries its time. Only one
 * pointer is tracked at a time (the first one down); other fingers are ignored
 * until it lifts, so a palm or a second hand cannot confuse a journey.
 * gesture_init sets up caller storage; nothing is allocated. */
#ifndef OPENDAY_GESTURE_H
#define OPENDAY_GESTURE_H

#include <stdbool.h>
#include <stddef.h>
#include "input.h"

typedef enum {
    GESTURE_PRESS,   /* finger down at x,y: show press feedback */
    GESTURE_TAP,     /* released near where it was pressed, soon enough: x,y */
    GESTURE_CANCEL,  /* the press became a drag or was lost: drop feedback */
    GESTURE_DRAG,    /* vertical drag: dx,dy since the last DRAG event */
    GESTURE_FLING,   /* drag released: vx,vy in px/s (may be 0) */
    GESTURE_SWIPE    /* fast horizontal stroke: dir = -1 left, +1 right */
} gesture_kind;

typedef struct {
    gesture_kind kind;
    float x, y;
    float dx, dy;
    float vx, vy;
    int dir;
    uint64_t t_ms;
} gesture_event;

typedef struct {
    float slop_px;        /* movement that turns a press into a drag (~2.5 mm) */
    float swipe_px;       /* horizontal travel that makes a swipe (~12 mm) */
    float swipe_speed;    /* minimum px/s for a swipe */
    unsigned tap_ms;      /* longest press that still counts as a tap */
} gesture_config;

#define GESTURE_SAMPLES 8

typedef struct {
    gesture_config cfg;
    bool down;
    int64_t pointer;
    float x0, y0, x, y;
    uint64_t t0;
    int mode;             /* 0 pressed, 1 vertical drag, 2 horizontal stroke */
    struct { float x, y; uint64_t t; } samples[GESTURE_SAMPLES];
    size_t nsamples;
} gesture;

void gesture_init(gesture *g, const gesture_config *cfg);
/* Forget any pointer in progress (emits nothing). */
void gesture_reset(gesture *g);
/* Feed one pointer event; writes up to max gestures to out and returns how
 * many. KEY and WHEEL events are ignored (return 0). */
size_t gesture_feed(gesture *g, const input_event *ev, gesture_event *out, size_t max);
bool gesture_active(const gesture *g);

#endif
