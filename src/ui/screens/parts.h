/* parts.h - the pieces several screens draw that are about the content
 * rather than about boxes: tappable cards (Home's degrees and entries,
 * Compare's column heads), award badges and lines, career pills with the
 * shared-career marking and its legend.
 *
 * Layers: in the screens layer, beside the screens that use it, on top of
 * the toolkit (lay.h); it calls no screen. Pure: no SDL, nothing allocated
 * beyond the builder's scratch. Everything draws in page coordinates
 * through the builder (nothing when it is dry) and needs L->c. */
#ifndef OPENDAY_PARTS_H
#define OPENDAY_PARTS_H

#include <stdbool.h>
#include <stddef.h>
#include "lay.h"

/* Whether the screen has height to spare for a short page: a monitor or a
 * wall (1080 px or more both ways) or a portrait panel (half again as tall
 * as wide). Such a screen spreads or centres a short page rather than
 * leaving most of it bare below. */
bool parts_roomy(const lay *L);

/* Whether i indexes one of c's degrees. */
bool parts_degree_ok(const content *c, int i);

/* A tappable card: block (shrinking a little while pressed), an optional
 * coloured strip along the top edge and an optional round arrow at the
 * bottom right; its contents come from fn. */
typedef struct {
    od_color bg, bg_pressed;
    od_color strip;          /* alpha 0: none */
    od_color arrow;          /* alpha 0: none */
    int action, arg;
    lay_body_fn fn;
    const void *ctx;
} parts_tap_card;

/* Lay n tappable cards in balanced rows at most `cols` wide (lay_balance),
 * every card as wide as one of the fullest row, shorter rows centred; each
 * row as tall as its tallest card. get fills card i. Returns the height used. */
typedef void (*parts_tap_card_fn)(const lay *L, const void *ctx, size_t i, parts_tap_card *out);

float parts_tap_card_grid(lay *L, float x, float y, float w, size_t n, size_t cols,
                          parts_tap_card_fn get, const void *ctx);
/* The height card t takes at width w (at least metrics.target), and the
 * card drawn into r under block parent. */
float parts_tap_card_height(lay *L, const parts_tap_card *t, float w);
void parts_tap_card_draw(lay *L, const parts_tap_card *t, od_rect r, int parent);

/* The award badge ("BA") for award index ai in colour c. Returns its width and
 * height through w, h; draws at (x, y) unless dry. */
void parts_badge(lay *L, float x, float y, size_t ai, od_color c, float *w, float *h,
                 int parent);
/* The award badge at (x, y) when it fits in w, else nothing (the award's
 * name says the same in words that can wrap). Sizes through w_out, h_out. */
void parts_badge_within(lay *L, float x, float y, float w, size_t ai, od_color c, float *w_out,
                        float *h_out, int box);
/* Badge, then the award's full name beside it when it fits on one line,
 * else below. Returns the height used. */
float parts_award_line(lay *L, float x, float y, float w, size_t ai, od_color c, int box);

/* The tappable pill of career ci (shared careers outlined in the shared
 * colour and marked with a pair of discs, a shape as well as a colour;
 * otherwise a dot in `dot` when its alpha is non-zero). */
void parts_career_pill(const lay *L, size_t ci, od_color dot, lay_pill *out);
/* The same with the shared marking decided by the caller: Compare marks only
 * the careers both degrees on screen lead to. */
void parts_career_pill_as(const lay *L, size_t ci, od_color dot, bool shared,
                          lay_pill *out);
/* The shared marking's pair of discs and the `shared` string ("More than
 * one degree"): explains the marking. Returns its height. */
float parts_shared_legend(lay *L, float x, float y, float w);

/* A row of cells under a heading spanning them: one cell per entry of
 * ctxs (each ctx_size bytes), side by side, every cell as tall as the
 * tallest so rows align, or one under the other when stacked (Compare's
 * rows, BA or BS's values). Returns the height used. */
float parts_cell_row(lay *L, float x, float y, float w, const char *heading, od_color accent,
                     lay_body_fn fn, const void *ctxs, size_t ctx_size, size_t n, bool stacked);

#endif
