/* lay.h - the box builder: what every screen draws with.
 *
 * Layers: the UI is three layers, one folder each, and the compiler keeps
 * each to its own and the lower ones' headers. This builder belongs to the
 * lowest, the toolkit (src/ui/toolkit: the builder, the text engine
 * text.h, the scene, degree marks, QR blocks, physical sizes and the view's
 * vocabulary view_types.h); it knows the content model and nothing above.
 * The screens (src/ui/screens: the screen table screen.h and one file per
 * screen) use only the toolkit; the frame (src/ui/frame: the dispatcher
 * frame.h, the overlays and the accounts of a frame) sits on top of both.
 * So nothing here can call a screen.
 *
 * Pure: no SDL. Text is measured through callbacks (lay_measure) and
 * wrapped by the text engine (text.h), so tests use a fake measurer and the
 * app the real fonts.
 *
 * A `lay` is one frame's builder: it knows the content, the metrics and the
 * scene, and carries the state that every emitted command inherits (a
 * translation for scrolling and page slides, an alpha for cross-fades, and
 * whether hit regions are wanted). Every drawing helper takes page
 * coordinates; the builder adds the translation.
 *
 * Measuring and drawing share one code path: with `dry` set, the helpers
 * compute exactly the geometry they would draw but emit nothing. A card runs
 * its contents dry to learn its height, draws its background, then runs them
 * again for real; because both runs are the same code, the heights agree to
 * the bit.
 *
 * The measuring environment (lay_env, lay_metrics) and the frame input
 * (lay_page, lay_frame_in) are defined here under their layout_ names:
 * the screens read them, and the dispatcher that takes them (frame.h) sits
 * above the screens. A builder may run without content (L->c NULL, the staff screens);
 * lay_col and lay_str then give the built-in theme and words.
 *
 * Nothing here allocates except lay_alloc's rare overflow path; strings passed
 * in are borrowed (copied into the scene only with lay_style.copy). */
#ifndef OPENDAY_LAY_H
#define OPENDAY_LAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "content.h"
#include "measure.h"
#include "scene.h"
#include "text.h"
#include "view_types.h"


/* 7" 800x480 panel: the DPI assumed when the real one is unknown. */
#define LAY_DEFAULT_DPI 133.3f
/* Arm's length at a kiosk: the viewing distance assumed when none is given. */
#define LAY_DEFAULT_DISTANCE_CM 60.0f
/* The smallest visual angle, in degrees, of a capital letter of reading text:
 * what a visitor reads comfortably at the viewing distance. */
#define LAY_CAP_DEGREES 0.35f
/* The same with Larger text chosen (EN 301 549 5.1.4 asks 0.7 degrees). */
#define LAY_CAP_DEGREES_LARGE 0.7f
/* Floors in pixels whatever the geometry says: fewer pixels than this draw
 * letters too coarse to read, and a smaller target is missed by fingers. */
#define LAY_TEXT_MIN_PX 20.0f
#define LAY_TARGET_MIN_PX 44.0f
/* The smallest touch target side in millimetres: a fingertip. */
#define LAY_TARGET_MM 9.0f

typedef struct {
    int w, h;                 /* logical pixels */
    float dpi;                /* panel pixels per inch; <= 0 means default */
    lay_measure measure;
    float distance_cm;        /* viewing distance; <= 0 means the default (60 cm) */
    text_cache *cache;        /* borrowed; NULL: every text is wrapped afresh */
    /* The visitor's accessibility choices that change the layout itself. */
    bool large_text;          /* capitals of LAY_CAP_DEGREES_LARGE */
    bool high_contrast;       /* the built-in high-contrast palette over the theme */
    bool reach;               /* navigation at the bottom of the screen */
    bool mounted_high;        /* the panel hangs high: navigation always at the bottom */
} lay_env;

/* Whether navigation sits at the bottom: chosen, mounted high, or a screen
 * taller than wide. */
bool lay_reach(const lay_env *env);
/* The cap angle in degrees the metrics are computed for. */
float lay_cap_degrees(const lay_env *env);

/* Sizes in pixels, derived from the physical screen, not from its pixel
 * count: a layout sees how much room it has in body-text widths and lays
 * itself out from that.
 *
 *   px_per_mm = dpi / 25.4
 *   cap_px    = distance_mm * tan(LAY_CAP_DEGREES) * px_per_mm
 *   text_min  = max(LAY_TEXT_MIN_PX, the font size whose capitals are
 *               cap_px tall in every face: measure_cap_height)
 *   body      = text_min; headings in fixed proportion to it
 *   unit      = body / 24: the spacing unit (the design's proportions were
 *               drawn at a 24 px body), so gaps grow with the text
 *   target    = max(LAY_TARGET_MM * px_per_mm, LAY_TARGET_MIN_PX)
 *
 * On the 7-inch 800x480 panel at 60 cm this gives a body of about 27 px
 * (the fixed design had 24). */
typedef struct {
    float unit;               /* spacing unit: body / 24 */
    float text_min;           /* the smallest text anywhere */
    float body, h3, h2, h1, hero;
    float target;             /* minimum touch target side in px */
    float pad, gap, radius;
    float header_h;
    float px_per_mm;          /* of the screen */
    float distance_mm;        /* the viewing distance the sizes are for */
    float cap_min;            /* smallest capital height of reading text, px */
} lay_metrics;

void lay_metrics_compute(const lay_env *env, lay_metrics *m);

typedef struct {
    view_place place;
    float scroll;             /* vertical scroll of the page body, px */
    uint32_t pressed;         /* hit id being pressed (press feedback), 0 none */
    uint32_t focus;           /* hit id with keyboard focus, 0 none */
} lay_page;

/* The authors' banner (refused.h): the first problem of a save the
 * kiosk refused, while the last valid content stays on screen. */
#define LAY_REFUSED_WHERE 320
#define LAY_REFUSED_WHAT 480
typedef struct {
    char where[LAY_REFUSED_WHERE]; /* "FILE:LINE:COL", or "FILE" for a whole file */
    char what[LAY_REFUSED_WHAT];   /* "json.path: message" */
    size_t more;                      /* further errors in the same save */
} lay_refused;

typedef struct {
    lay_page cur;
    lay_page prev;         /* the page being left while t < 1 */
    float t;                  /* eased transition progress 0..1; 1 = settled */
    int dir;                  /* +1: new page enters from the right, -1: from
                                 the left, 0: crossfade */
    bool can_back;            /* Back has somewhere to go */
    /* attract loop */
    size_t slide, prev_slide; /* indices into content.slides */
    size_t lap;               /* passes of the playlist so far: a compare slide
                                 without a "pair" shows pair number `lap` */
    float slide_t;            /* eased crossfade from prev_slide to slide, 1 = settled */
    float pulse;              /* 0..1, phase of the call-to-action pulse */
    bool show_focus;          /* draw the keyboard focus ring */
    /* accessibility: the panel (drawn over the page while open) and the
     * state of the choices that are not in lay_env */
    bool access_open;
    bool language_open;       /* the language chooser is open (language.h) */
    bool notice_open;         /* the notices read whole over the page
                                 (notice_band.h) */
    float panel_scroll;       /* the panel's rows scrolled by, px */
    bool less_motion, read_aloud;
    bool speech;              /* the Read aloud row is offered */
    unsigned warn_s;          /* the reset warning's seconds left; 0 = not shown */
    /* the wall clock for the day's talks (talks.h): minute of the day when
     * clock_known; unknown or untrusted: the whole day without now/next */
    bool clock_known;
    int clock_min;
    /* the quiz's answers so far: per question the chosen answer's number
     * counted from 1, or 0 for none (quiz.h) */
    signed char quiz[CONTENT_QUIZ_MAX];
    /* the authors' banner over the page (staff previews only), NULL none */
    const lay_refused *refused;
} lay_frame_in;

typedef enum { LAY_ALIGN_LEFT, LAY_ALIGN_CENTER, LAY_ALIGN_RIGHT } lay_align;

typedef struct {
    scene_font font;
    float size;
    od_color color;
    lay_align align;
    bool copy;          /* the string is temporary: copy each line into the scene */
} lay_style;

/* Small per-frame scratch memory: most frames fit in the inline buffer; the
 * rare bigger request (huge content) falls back to the heap and is released
 * by lay_end. */
#define LAY_SCRATCH_BYTES 16384

typedef struct lay {
    scene *s;
    const content *c;
    const lay_env *env;
    lay_metrics m;
    float W, H;               /* screen size */
    float ox, oy;             /* translation added to everything emitted */
    float alpha;              /* multiplies the alpha of every colour */
    bool dry;                 /* measure only */
    bool hits;                /* emit hit regions (current page only) */
    bool show_focus;
    uint32_t pressed, focus;  /* of the page being drawn */
    float scroll, view_h;     /* of the page being drawn */
    const lay_frame_in *in;
    text_ctx text;            /* the text engine's measurer, language and cache */
    union {
        max_align_t align_;
        unsigned char bytes[LAY_SCRATCH_BYTES];
    } scratch;
    size_t scratch_used;
    void *heap[8];            /* overflow blocks, freed by lay_end */
    size_t nheap;
} lay;

void lay_begin(lay *L, scene *s, const content *c, const lay_env *env,
               const lay_frame_in *in);
void lay_end(lay *L);
/* Zeroed scratch memory valid until lay_end; NULL only when the overflow
 * table is full (callers then degrade gracefully). */
void *lay_alloc(lay *L, size_t bytes);

/* ---- colours and strings ----
 * The theme's colour and the interface's text for a key; a builder begun
 * without content (L->c NULL: the staff screens) gets the built-in ones. */
od_color lay_col(const lay *L, content_color k);
const char *lay_str(const lay *L, content_str k);
od_color lay_with_alpha(od_color c, float a);
/* c, or c mixed toward `toward` in tenths until it reaches a contrast of
 * `need` against the opaque bg (toward itself when nothing less does): for
 * text drawn in a content colour (a degree's, an award's), which the
 * content may make too faint on the theme's surfaces. */
od_color lay_legible(od_color c, od_color bg, double need, od_color toward);
/* A content colour made legible as body text (4.5:1) on each of the theme's
 * grounds (background, surface, surface_alt), mixed toward the text colour
 * as far as that needs: for names drawn in their degree's or award's
 * colour. */
od_color lay_content_text(const lay *L, od_color c);
od_color lay_mix(od_color a, od_color b, float t);

/* ---- measuring ---- */
float lay_tw(const lay *L, scene_font f, float px, const char *s, size_t len);
float lay_lh(const lay *L, scene_font f, float px);
/* Width of the widest word of s: the widest run between two line break
 * opportunities (text.h: text_widest_word), trailing spaces excluded. */
float lay_widest_word(const lay *L, scene_font f, float px, const char *s);

/* The largest size from `base` down to `min` (in unit steps) at which the
 * widest word of s fits in w, so big names shrink before a word has to be
 * broken; `min` when none does. */
float lay_fit_size(const lay *L, scene_font f, float base, float min, const char *s, float w);

/* Height of s[0..len) wrapped at w by the text engine (text.h; lines times
 * line height), emitting nothing; the widest line's width goes to *widest
 * when not NULL. */
float lay_text_height(const lay *L, const lay_style *st, float w, const char *s, size_t len,
                      float *widest);

/* ---- emitting (page coordinates; translated and faded by the builder) ---- */

/* A layout block: a filled rounded rect flagged SCENE_F_BOX under `parent`
 * (-1: top level). Returns its command index, or -1 when dry. A colour with
 * alpha 0 makes an invisible block that only structures the audit. */
int lay_box(lay *L, od_rect r, od_color c, float radius, int parent);
void lay_rect(lay *L, od_rect r, od_color c, float radius);
void lay_frame(lay *L, od_rect r, od_color c, float radius, float thick);
void lay_line(lay *L, float x0, float y0, float x1, float y1, float thick, od_color c);
void lay_hit(lay *L, od_rect r, int action, int arg, bool enabled);
bool lay_is_pressed(const lay *L, int action, int arg);
/* The accent focus ring around r when (action, arg) has the keyboard focus. */
void lay_focus_ring(lay *L, od_rect r, float radius, int action, int arg);
/* r shrunk around its centre for press feedback (about 3%, never more than
 * the padding a pill keeps around its label). */
od_rect lay_press_shrink(const lay *L, od_rect r);

/* Wrap s into lines of width w starting at (x, y) and emit one TEXT per line.
 * Each line's box is block `box` (a lay_box index) or, with box < 0, the
 * paragraph's own extent {x, y, w, height}. Returns the height used (0 for an
 * empty string). */
float lay_text(lay *L, const lay_style *st, float x, float y, float w, const char *s, int box);
float lay_text_n(lay *L, const lay_style *st, float x, float y, float w, const char *s,
                 size_t len, int box);

/* ---- pills: buttons, chips and career pills ---- */
typedef struct {
    const char *text;
    scene_font font;
    float size;
    od_color bg, fg;
    od_color outline;     /* alpha 0: none */
    od_color dot;         /* alpha 0: none; a small disc before the label */
    bool dot_pair;        /* two overlapping discs instead of one: the shape
                             that marks a career shared by several degrees */
    const char *mark;     /* NULL: none; else a chip in `dot`'s colour carrying
                             these letters (degree marks, lay_marks.h) instead
                             of the disc, so colour is not the only cue; it is
                             lay_mark_chip_h tall */
    int chevron;          /* -1: "back" chevron before the label, +1: after, 0 none */
    int action, arg;      /* VIEW_ACT_NONE: not tappable */
    bool disabled;
    bool round;           /* stadium shape instead of the card radius */
    bool wide;            /* fill the given width when sizing */
    bool dense;           /* half the vertical padding (lists that must fit one
                             screen); never below metrics.target when tappable */
} lay_pill;

/* Natural size of a pill no wider than maxw (its label wraps when needed);
 * tappable pills are at least metrics.target on both sides. */
void lay_pill_size(const lay *L, const lay_pill *p, float maxw, float *w, float *h);
/* Draw a pill into r (sized by lay_pill_size or larger): block, label, press
 * and focus feedback, hit region. Returns the block index (-1 when dry). */
int lay_pill_draw(lay *L, const lay_pill *p, od_rect r, int parent);

typedef void (*lay_pill_fn)(const lay *L, const void *ctx, size_t i, lay_pill *out);
/* Flow n pills (from get) into rows of width w starting at (x, y), aligned
 * left or centred, `spacing` apart. Returns the height used. */
float lay_pills(lay *L, float x, float y, float w, size_t n, lay_pill_fn get, const void *ctx,
                lay_align align, float spacing, int parent);

/* What the small round pills share (chips, career pills, Previous and
 * Next, Today's Now and Next): `text` at the small size in `font`, the text
 * colour on the alternate surface, a stadium shape, not tappable
 * (VIEW_ACT_NONE); the caller then sets what differs. */
lay_pill lay_round_pill(const lay *L, const char *text, scene_font font);
/* A plain chip for a list of strings (topics, software). */
lay_pill lay_chip(const lay *L, const char *text);
float lay_chip_list(lay *L, float x, float y, float w, char *const *items, size_t n,
                    lay_align align, int parent);

/* ---- recurring pieces ---- */

/* Height of a block's contents at width w, drawing them at (x, y) inside
 * block `box` unless the builder is dry. */
typedef float (*lay_body_fn)(lay *L, float x, float y, float w, int box, const void *ctx);
/* A card: runs fn dry for the height (at least min_h), draws the block with
 * `pad` inside, then fn for real. Returns the card's height. */
float lay_card(lay *L, float x, float y, float w, float min_h, float pad, od_color bg,
               lay_body_fn fn, const void *ctx, int parent);
/* Run fn dry and return the height it would take. */
float lay_measure_fn(lay *L, float w, lay_body_fn fn, const void *ctx);

/* A section heading: bold h3 in the text colour over a short bar of `accent`. */
float lay_heading(lay *L, float x, float y, float w, const char *text, od_color accent,
                  int box);
/* Page dots and "i / n" plus the swipe hint, centred in w. */
float lay_swipe_dots(lay *L, float x, float y, float w, size_t i, size_t n, od_color c);
/* The page dots and hint of sibling i of n (lay_swipe_dots) with the
 * buttons that do what a swipe does: "Previous: NAME" at the left and "Next:
 * NAME" at the right of w (VIEW_ACT_SIBLING -1 and +1, the words from
 * CONTENT_STR_PREVIOUS and CONTENT_STR_NEXT), each at least metrics.target; with only two
 * siblings (n == 2), one button, Next (both would name the same page). prev
 * and next are the names of the siblings before and after. The buttons sit
 * either side of the dots when they fit there, else under them, side by
 * side or one under the other. Returns the height used (0 for n < 2). */
float lay_sibling_nav(lay *L, float x, float y, float w, size_t i, size_t n, od_color c,
                      const char *prev, const char *next);
/* text with its first occurrence of mark replaced by value (a placeholder,
 * never a printf format: the text comes from content files), kept in the
 * scene; text itself when it has no mark or memory is short. */
const char *lay_fill(lay *L, const char *text, const char *mark, const char *value);
/* The highlighted conclusion box. */
float lay_conclusion(lay *L, float x, float y, float w, const char *text, int parent);

/* A "back" (dir -1) or "forward" (+1) chevron of a label of size `size`,
 * w wide, centred on (cx, cy). */
void lay_chevron(lay *L, float cx, float cy, float w, float size, int dir, od_color c);

/* Two discs of diameter d in colour c, side by side from x, centred on cy
 * (2.25 d wide): the shape a pill's dot_pair draws, which the screens use
 * to mark a career shared by several degrees. */
void lay_dot_pair(lay *L, float x, float cy, float d, od_color c);
/* The height of a chip of letters (a degree mark, lay_marks.h; a pill's
 * mark): a line of bold text_min with a little room. */
float lay_mark_chip_h(const lay *L);
/* Marks the texts emitted since command `first` as a degree mark's letters
 * (SCENE_F_MARK) that must stay on their chip (layout coordinates): the
 * audit reports a mark that wraps or outgrows it as cut. */
void lay_flag_mark(lay *L, size_t first, od_rect chip);
/* Text sizes used for secondary text and chips. */
float lay_small(const lay *L);

/* Balanced rows for a grid of n items at most max_cols wide: the row count
 * is the fewest that fit, and the items spread over the rows so their counts
 * differ by at most one, fuller rows first (3 in two columns: 2 + 1; 7 in
 * four: 4 + 3). Writes each row's count into counts (at most max_rows) and
 * returns the number of rows (0 for n == 0). The widest row's count is
 * counts[0]; callers size every cell by it and centre the shorter rows, so
 * no row dangles half empty. */
size_t lay_balance(size_t n, size_t max_cols, size_t *counts, size_t max_rows);
/* The same rule for any n, row by row without an array: the number of rows
 * for n items at most max_cols a row, and how many go in row r of them. */
size_t lay_balance_rows(size_t n, size_t max_cols);
size_t lay_balance_count(size_t n, size_t rows, size_t r);
/* How many cells of at least min_w, `gap` apart, fit in w (at least 1). */
size_t lay_fit_cols(float w, float min_w, float gap);

/* ---- the staff pages (no content model: the content problems, the day's
 * visitors) ----
 * Where a staff page writes: from x, w wide, from y down to bottom, a
 * margin of 1.5 pad all round. */
typedef struct {
    float x, w, y, bottom;
} lay_staff_frame;
/* Clears out, begins L on it without content (finish with lay_end), fills
 * the whole screen with bg, and returns the page's frame. */
lay_staff_frame lay_staff_begin(lay *L, scene *out, const lay_env *env, od_color bg);

/* ---- a panel of rows over the page (the accessibility panel, the language
 * chooser) ----
 * The panel's surface: a filled, outlined block at top level on nesting
 * level `level` (the audit compares it only with blocks of its level).
 * Returns its block index, -1 when dry. */
int lay_panel(lay *L, od_rect r, int16_t level);
/* The panel's heading in an invisible block r under `parent`: the text in
 * style st, ip in from each side, wrapped at that width. */
void lay_panel_head(lay *L, const lay_style *st, od_rect r, float ip, const char *text,
                    int parent);

/* Row i's height at width w, and drawing row i into r under block parent. */
typedef float (*lay_row_h_fn)(const lay *L, const void *ctx, size_t i, float w);
typedef void (*lay_row_draw_fn)(lay *L, const void *ctx, size_t i, od_rect r, int parent);
/* n rows in `cols` columns of width col_w, `gap` apart across and `rgap`
 * down; every line of columns is as tall as its tallest row. */
typedef struct {
    size_t n, cols;
    float col_w, gap, rgap;
    lay_row_h_fn row_h;
    lay_row_draw_fn draw;
    const void *ctx;          /* passed to both */
} lay_rows;
/* y plus the rows' height, added line by line (what a panel measures its
 * height with, starting from its padding and heading). */
float lay_rows_below(const lay *L, const lay_rows *r, float y);
/* Draw the rows from (x, y) under block parent; returns the y under the
 * last line. */
float lay_rows_draw(lay *L, const lay_rows *r, float x, float y, int parent);

/* The nesting level of blocks that float over the page (the scroll
 * buttons): the audit compares blocks of equal level, so the page's own
 * blocks never count as overlapping them. */
#define LAY_LEVEL_FLOAT 1000

/* Usual page column: centred, no wider than about 38 body-em. */
void lay_column(const lay *L, float max_em, float *x, float *w);

/* ---- small page helpers shared by the screens ---------------------------- */

/* A text style from a theme colour. */
static inline lay_style lay_style_of(const lay *L, scene_font f, float size, content_color col,
                                     lay_align a)
{
    lay_style st = { f, size, lay_col(L, col), a, false };
    return st;
}

/* Space above a page's first block and below its last. */
static inline float lay_top_pad(const lay *L)
{
    return 1.25f * L->m.pad;
}

static inline float lay_bottom_pad(const lay *L)
{
    return 2.0f * L->m.pad;
}

/* Vertical stacking: adds a block's height and a gap only when it drew. */
static inline void lay_stack(float *y, float h, float gap)
{
    if (h > 0)
        *y += h + gap;
}

#endif
