/* dump.h - a machine-readable account of one frame: what it says, where,
 * how large and how legible, and what each touch target does.
 *
 * For tools and checks that judge a screen without looking at pixels (is
 * every line at least N mm tall at the viewing distance, does every text
 * reach a contrast of 4.5, is anything cut off or hidden, is every target
 * 9 mm). The account is of the scene, the same commands the renderer draws,
 * so it cannot disagree with the picture.
 *
 * JSON (keys in this order):
 *   screen       the place's name, as --screen takes it ("degree:ID")
 *   size         [w, h] logical pixels
 *   dpi, px_per_mm, distance_cm
 *   clear        the colour under everything, "#rrggbb"
 *   texts        one object per line of text, in drawing order:
 *                text, x, y, w, h (the measured box, pixels), px (font
 *                size), font ("regular"/"bold"), cap_mm (cap height in mm),
 *                cap_arcmin (its visual angle at distance_cm), fg, bg
 *                ("#rrggbb"; bg is what the rectangles under the text's
 *                centre composite to over the clear colour), alpha (of fg,
 *                0..1), contrast (WCAG 2 ratio of fg, blended over bg when
 *                translucent, to bg), visible (see below), overlay (true for
 *                the staff overlay's texts);
 *   targets      one object per touch target: x, y, w, h, action (view.h:
 *                view_action_name, or the caller's words for extra
 *                targets), enabled, visible, overlay.
 * A text is visible when it is not transparent, wholly on the screen and
 * inside its clip, and no later opaque rectangle overlaps it; a target when
 * it is wholly on the screen and inside its clip and no later opaque
 * rectangle covers its centre. The overlay is drawn after the whole scene,
 * so its rectangles cover the scene's texts and targets.
 *
 * Pure: no SDL, no I/O (the caller writes the text where it wants). Uses
 * cJSON. dump_json returns heap text freed with dump_free, or NULL when out
 * of memory; everything passed in is borrowed. */
#ifndef OPENDAY_DUMP_H
#define OPENDAY_DUMP_H

#include <stddef.h>
#include "content.h"
#include "geom.h"
#include "lay.h"
#include "scene.h"

/* A target that is no scene's hit region (the staff keypad, hit-tested by
 * geometry): drawn on top of everything. */
typedef struct {
    od_rect rect;
    char action[48];
} dump_target;

typedef struct {
    const char *screen;          /* the place's name; NULL: "" */
    const lay_env *env;       /* size, dpi, distance and the measurer (for cap
                                    heights) */
    const content *c;            /* names the actions' items; may be NULL */
    const scene *scene;          /* the picture */
    const scene *overlay;        /* drawn over it, or NULL */
    od_color clear;
    const dump_target *extra;    /* n_extra targets of the overlay, or NULL */
    size_t n_extra;
} dump_frame;

char *dump_json(const dump_frame *f);
void dump_free(char *json);

/* ---- the account as C structures (for the screen reader, narrate.h) ----
 * The same walk as dump_json, without the JSON: every line of text and
 * every hit region of the scene and overlay, in drawing order, with the same
 * visibility rules. `shown` is weaker than `visible`: not transparent and no
 * later opaque rectangle over the middle of the part of it on screen inside
 * its clip (the page's floating buttons, LAY_LEVEL_FLOAT, hide nothing), and
 * allowed outside the screen or its clip, so the part of a page
 * scrolled out of view still counts (a screen reader reads the whole page,
 * not the first screenful). Text
 * pointers borrow the scene's strings (valid while the scene is). */
typedef struct {
    const char *text;            /* not NUL-terminated: len bytes */
    size_t len;
    od_rect rect;
    float px;
    scene_font font;
    int clip;                    /* the scene's clip index, -1 none */
    bool visible, shown, overlay;
} dump_line;

typedef struct {
    od_rect rect;
    int action, arg;             /* -1, -1 for the frame's extra targets */
    uint32_t id;
    char name[64];               /* view_action_name, or the extra's words */
    int clip;                    /* the scene's clip index, -1 none */
    bool enabled, visible, overlay;
} dump_hit;

typedef struct {
    dump_line *lines;
    size_t nlines;
    dump_hit *hits;
    size_t nhits;
} dump_account;

/* Fills *out (heap arrays freed with dump_account_deinit); false, *out
 * empty, when out of memory. */
bool dump_account_init(dump_account *out, const dump_frame *f);
void dump_account_deinit(dump_account *a);

/* WCAG 2 contrast ratio of two opaque colours, 1 to 21. */
double dump_contrast(od_color a, od_color b);

/* The legibility of text command i of s, as the account states it: *bg is
 * what the filled rectangles drawn before it (inside their clips) composite
 * to under its centre over `clear`, *fg its colour blended over that by its
 * alpha; returns their WCAG 2 contrast ratio. The one implementation behind
 * the account's "contrast" and the layout audit's contrast check. With
 * `unclipped`, rectangles count wherever they lie, not only inside their
 * clip: the text as it reads once scrolled into view (the audit judges a
 * whole page, the account the frame on screen). */
double dump_text_contrast(const scene *s, od_color clear, size_t i, bool unclipped, od_color *fg,
                          od_color *bg);

/* WCAG 2 relative luminance of an opaque colour, 0 (black) to 1 (white). */
double dump_luminance(od_color c);

/* The colour the filled rectangles of s paint at (x, y) over `clear`
 * (texts and lines are not counted), for checks that sample a frame. */
od_color dump_colour_at(const scene *s, od_color clear, float x, float y);

#endif
