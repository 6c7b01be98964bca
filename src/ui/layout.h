/* layout.h - turns the content model and the visitor's place into a scene.
 *
 * Pure: no SDL. Text is measured through callbacks, so tests use a fake
 * measurer and the app uses the real fonts. Layout wraps text itself and emits
 * one TEXT command per line, each with the BOX it must stay inside, so the
 * layout audit can prove nothing is clipped or overlapping.
 *
 * Sizes scale with the short side of the screen: one "unit" is min(w,h)/480,
 * so 800x480 is the reference. No text is smaller than 20 units; touch targets
 * are at least 9 mm at the panel's DPI and at least 48 units. */
#ifndef OPENDAY_LAYOUT_H
#define OPENDAY_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "content.h"
#include "scene.h"
#include "view.h"

typedef struct {
    /* Advance width in pixels of s[0..len) set in font at px size. */
    float (*text_width)(void *ctx, scene_font font, float px, const char *s, size_t len);
    /* Height of one line (ascent + descent) at px size. */
    float (*line_height)(void *ctx, scene_font font, float px);
    void *ctx;
} layout_measure;

/* 7" 800x480 panel: the DPI assumed when the real one is unknown. */
#define LAYOUT_DEFAULT_DPI 133.3f

typedef struct {
    int w, h;                 /* logical pixels */
    float dpi;                /* panel pixels per inch; <= 0 means default */
    layout_measure measure;
} layout_env;

typedef struct {
    float unit;               /* min(w,h) / 480 */
    float text_min;           /* 20 units: the smallest text anywhere */
    float body, h3, h2, h1, hero;
    float target;             /* minimum touch target side in px */
    float pad, gap, radius;
    float header_h;
} layout_metrics;

void layout_metrics_compute(const layout_env *env, layout_metrics *m);

typedef struct {
    view_place place;
    float scroll;             /* vertical scroll of the page body, px */
    uint32_t pressed;         /* hit id being pressed (press feedback), 0 none */
    uint32_t focus;           /* hit id with keyboard focus, 0 none */
} layout_page;

typedef struct {
    layout_page cur;
    layout_page prev;         /* the page being left while t < 1 */
    float t;                  /* eased transition progress 0..1; 1 = settled */
    int dir;                  /* +1: new page enters from the right, -1: from
                                 the left, 0: crossfade */
    bool can_back;            /* Back has somewhere to go */
    /* attract loop */
    size_t slide, prev_slide; /* indices into content.slides */
    float slide_t;            /* eased crossfade from prev_slide to slide, 1 = settled */
    float pulse;              /* 0..1, phase of the call-to-action pulse */
    bool show_focus;          /* draw the keyboard focus ring */
} layout_frame_in;

typedef struct {
    float content_h;          /* height of the current page's scrollable body */
    float view_h;             /* height of the viewport it scrolls in */
    size_t swipe_count;       /* siblings for swipe (degrees or careers), 0 none */
} layout_result;

/* Lay out one frame into out (cleared first). The header (Back, Home, title)
 * stays still while page bodies slide; hit regions are emitted only for the
 * current page, in drawing order. */
void layout_frame(scene *out, const content *c, const layout_env *env,
                  const layout_frame_in *in, layout_result *res);

/* The staff-facing screen shown when there is no valid content at all: what
 * is wrong (the report's errors, as many as fit) and where (dir). */
void layout_problems(scene *out, const layout_env *env, const char *dir,
                     const content_report *rep);

/* Audit a laid-out scene: every TEXT inside its box and on screen, no two BOX
 * rects with the same parent overlapping, every enabled HIT at least
 * metrics.target on both sides, no text under metrics.text_min. Appends one line
 * per problem to report (NUL-terminated, truncated to n) and returns the count. */
size_t layout_audit(const scene *s, const layout_env *env, char *report, size_t n);

#endif
