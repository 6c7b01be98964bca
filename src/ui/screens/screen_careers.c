/* screen_careers.c - the career map. Draws in page coordinates through the
 * toolkit of lay.h and lay_marks.h; see screen_careers.h. The page of one
 * career is screen_career.c.
 *
 * Two questions, one page. "Which degrees lead to this career?": every
 * career is a row carrying the marks of the degrees that lead there (or
 * "All degrees", or a count where more than four do, so a row never holds a
 * cut list). "Where can this degree take me?": a row of degree keys at the
 * top picks one degree (its place is "careers:ID"); its careers then come
 * first, lit and framed, the others below under their own heading. Rows are
 * one per career whatever the number of degrees, so the map grows with the
 * careers, never with the combinations of degrees; it relies on no colour,
 * as the marks carry letters and the picked key is framed. */
#include "screen_careers.h"
#include "lay_marks.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Degrees beyond which a row says a count rather than the marks. */
#define MARKS_IN_ROW 4

/* ---- order ------------------------------------------------------------------------- */

/* The letter a visitor files character s under: ASCII folded to upper
 * case, and the accented Latin-1 letters (U+00C0-U+00FF: "Ö", "é") under
 * their base letter, so "Ökologe" sorts with the O's, not after "Z".
 * Advances *s past the character. */
static unsigned sort_letter(const unsigned char **s)
{
    static const char base[65] = "AAAAAAACEEEEIIIIDNOOOOO*OUUUUYTSAAAAAAACEEEEIIIIDNOOOOO/OUUUUYTY";
    unsigned ch = **s;
    if (ch == 0xC3 && (*s)[1] >= 0x80 && (*s)[1] <= 0xBF) {
        ch = (unsigned char)base[(*s)[1] - 0x80];
        *s += 2;
        return ch;
    }
    (*s)++;
    return ch >= 'a' && ch <= 'z' ? ch - 32 : ch;
}

static int name_cmp(const char *a, const char *b)
{
    const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
    while (*p && *q) {
        unsigned x = sort_letter(&p), y = sort_letter(&q);
        if (x != y)
            return x < y ? -1 : 1;
    }
    return (*p != 0) - (*q != 0);
}

/* qsort passes no context: the model being sorted, set just before. */
static const content *sort_c;

static int by_name(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    int s = name_cmp(sort_c->careers[a].name, sort_c->careers[b].name);
    if (!s)
        s = strcmp(sort_c->careers[a].name, sort_c->careers[b].name);
    return s ? s : (a > b) - (a < b);
}

static bool leads_to(const content *c, size_t di, size_t ci)
{
    const content_career *k = &c->careers[ci];
    for (size_t i = 0; i < k->n_degrees; i++)
        if (k->degrees[i] == di)
            return true;
    return false;
}

/* ---- one career's row ------------------------------------------------------------------ */

typedef struct {
    const char (*marks)[LAY_MARK_MAX];
    float colw;
} map_ctx;

/* What a row says of its degrees instead of their marks: "All degrees"
 * (three or more, all of them), "5 degrees" (more than MARKS_IN_ROW), else
 * NULL. Scratch memory. */
static const char *degrees_words(lay *L, const content_career *k, bool count)
{
    size_t nd = L->c->n_degrees;
    if (nd > 2 && k->n_degrees == nd)
        return lay_str(L, CONTENT_STR_ALL_DEGREES);
    if (k->n_degrees <= MARKS_IN_ROW && !count)
        return NULL;
    const char *tpl = lay_str(L, CONTENT_STR_N_DEGREES), *at = strstr(tpl, "{n}");
    char *out = lay_alloc(L, strlen(tpl) + 24);
    if (!out)
        return NULL;
    if (at)
        sprintf(out, "%.*s%zu%s", (int)(at - tpl), tpl, k->n_degrees, at + 3);
    else
        strcpy(out, tpl);
    return out;
}

/* The row of career ci at (x, y), width w; `lit` for a career of the picked
 * degree. Returns its height (dry: measures). */
static float career_row(lay *L, float x, float y, float w, size_t ci, bool lit, const map_ctx *mc)
{
    const content *c = L->c;
    const content_career *k = &c->careers[ci];
    const lay_metrics *m = &L->m;
    float u = m->unit, hpad = 14.0f * u, vpad = 8.0f * u, gap = 10.0f * u;
    lay_style name = lay_style_of(L, SCENE_FONT_BOLD, m->body, CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
    lay_style tag = lay_style_of(L, SCENE_FONT_BOLD, lay_small(L), CONTENT_COLOR_MUTED, LAY_ALIGN_LEFT);
    tag.copy = true;
    const char *words = degrees_words(L, k, false);
    float mh = lay_mark_chip_h(L);
    float inner = w - 2 * hpad;
    /* Marks wider than the row even on a line of their own (Larger text on
     * a narrow panel) give way to the count: a mark is never cut, and the
     * career's page names its degrees. */
    if (!words && lay_marks_row_width(L, k->degrees, k->n_degrees, mc->marks) > inner)
        words = degrees_words(L, k, true);
    float tag_w = words ? lay_tw(L, tag.font, tag.size, words, strlen(words))
                        : lay_marks_row_width(L, k->degrees, k->n_degrees, mc->marks);
    float tag_h = words ? lay_lh(L, tag.font, tag.size) : (k->n_degrees ? mh : 0);
    /* The marks beside the name while the name keeps 8 body-em; under it
     * on a narrow column. */
    bool beside = inner - tag_w - gap >= 8.0f * m->body;
    float name_w = beside ? inner - tag_w - gap : inner;
    float nh = lay_text_height(L, &name, name_w, k->name, strlen(k->name), NULL);
    float h = beside ? fmaxf(nh, tag_h) : nh + (tag_h > 0 ? 6.0f * u + tag_h : 0);
    h = fmaxf(h + 2 * vpad, m->target);
    if (L->dry)
        return h;

    od_rect r = { x, y, w, h };
    bool pressed = lay_is_pressed(L, VIEW_ACT_CAREER, (int)ci);
    od_rect b = pressed ? lay_press_shrink(L, r) : r;
    od_color surface = lay_col(L, CONTENT_COLOR_SURFACE), accent = lay_col(L, CONTENT_COLOR_ACCENT);
    od_color bg = pressed ? accent : lit ? lay_mix(surface, accent, 0.14f) : surface;
    float radius = 0.8f * m->radius;
    int box = lay_box(L, b, bg, radius, -1);
    lay_hit(L, r, VIEW_ACT_CAREER, (int)ci, true); /* the row's, before its chips */
    if (lit && !pressed)
        lay_frame(L, b, accent, radius, 3.0f * u);
    if (pressed) {
        name.color = lay_col(L, CONTENT_COLOR_ACCENT_TEXT);
        tag.color = name.color;
    }
    float ny = beside ? y + (h - nh) / 2 : y + vpad;
    lay_text(L, &name, x + hpad, ny, name_w, k->name, box);
    float tx = beside ? x + w - hpad - tag_w : x + hpad;
    float ty = beside ? y + (h - tag_h) / 2 : ny + nh + 6.0f * u;
    if (words)
        lay_text(L, &tag, tx, ty, tag_w + 1, words, box);
    else
        lay_marks_row(L, tx, ty, k->degrees, k->n_degrees, mc->marks, box);
    lay_focus_ring(L, r, radius, VIEW_ACT_CAREER, (int)ci);
    return h;
}

/* ---- columns of rows ------------------------------------------------------------------- */

/* Rows ci[0..n) in ncol columns of width colw from (x, y), read down each
 * column in turn, as many rows in each (the last may have fewer). Returns
 * the height of the tallest column. */
static float rows_in_columns(lay *L, float x, float y, const size_t *ci, size_t n, size_t ncol,
                             bool lit, const map_ctx *mc)
{
    const lay_metrics *m = &L->m;
    float vgap = 8.0f * m->unit, tallest = 0;
    size_t per = ncol ? (n + ncol - 1) / ncol : n;
    for (size_t col = 0; col < ncol && per; col++) {
        float cy = y;
        for (size_t i = col * per; i < n && i < (col + 1) * per; i++)
            cy += career_row(L, x + (float)col * (mc->colw + m->pad), cy, mc->colw, ci[i], lit, mc) +
                  vgap;
        tallest = fmaxf(tallest, cy - y - vgap);
    }
    return tallest;
}

static float rows_height(lay *L, const size_t *ci, size_t n, size_t ncol, bool lit,
                         const map_ctx *mc)
{
    bool dry = L->dry;
    L->dry = true;
    float h = rows_in_columns(L, 0, 0, ci, n, ncol, lit, mc);
    L->dry = dry;
    return h;
}

/* ---- the map -------------------------------------------------------------------------- */

/* The picker at the top: keys with the degrees' names while they take at
 * most a quarter of the view (else its chips alone, and the names as keys
 * at the foot of the page). */
static float picker(lay *L, float x, float y, float w, int picked, const map_ctx *mc, bool *bare)
{
    lay_marks_pick pk = { mc->marks, lay_str(L, CONTENT_STR_ALL_DEGREES), VIEW_ACT_CAREERS, picked,
                          false };
    bool dry = L->dry;
    L->dry = true;
    float h = lay_marks_picker(L, x, y, w, &pk, -1);
    L->dry = dry;
    pk.bare = *bare = h > 0.25f * L->view_h && L->c->n_degrees > 2;
    return lay_marks_picker(L, x, y, w, &pk, -1);
}

/* The texts above the rows across w from x: the hint, the picker, and the
 * picked degree's name when the picker shows chips alone. Returns where the
 * rows start. */
static float map_header(lay *L, float x, float y, float w, int picked, const map_ctx *mc, bool *bare)
{
    const lay_metrics *m = &L->m;
    lay_style hint = lay_style_of(L, SCENE_FONT_REGULAR, m->body, CONTENT_COLOR_MUTED, LAY_ALIGN_LEFT);
    float tw = fminf(w, 38.0f * m->body);
    lay_stack(&y, lay_text(L, &hint, x, y, tw, L->c->strings[CONTENT_STR_CAREERS_HINT], -1), m->gap);
    lay_stack(&y, picker(L, x, y, w, picked, mc, bare), m->gap);
    if (picked && *bare) { /* the picked chip's name, which the chips alone do not say */
        size_t d = (size_t)picked - 1;
        lay_stack(&y, lay_marks_set(L, x, y, tw, &d, 1, mc->marks, -1), m->gap);
    }
    return y;
}

float screen_careers_draw(lay *L, const view_place *p)
{
    const content *c = L->c;
    const lay_metrics *m = &L->m;
    size_t nd = c->n_degrees, nc = c->n_careers;
    int picked = p->a > 0 && (size_t)p->a <= nd ? p->a : 0;
    map_ctx mc = { lay_marks_of(L), 0 };
    float avail = L->W - 2 * m->pad;
    float x = m->pad;
    float top = lay_top_pad(L);
    /* The header's height across the whole width, to settle the columns;
     * it is then drawn across the columns, so the page has one left edge. */
    bool bare = false, dry = L->dry;
    L->dry = true;
    float y = map_header(L, x, top, avail, picked, &mc, &bare);
    L->dry = dry;

    /* The careers by name; with a degree picked, its own first. */
    size_t *order = nc ? lay_alloc(L, nc * sizeof *order) : NULL;
    if (!order)
        return y + lay_bottom_pad(L);
    for (size_t i = 0; i < nc; i++)
        order[i] = i;
    sort_c = c;
    qsort(order, nc, sizeof *order, by_name);
    size_t nlit = 0;
    if (picked) {
        size_t *tmp = lay_alloc(L, nc * sizeof *tmp);
        if (tmp) {
            size_t k = 0;
            for (int pass = 0; pass < 2; pass++)
                for (size_t i = 0; i < nc; i++)
                    if (leads_to(c, (size_t)picked - 1, order[i]) == (pass == 0))
                        tmp[k++] = order[i];
            for (size_t i = 0; i < nc; i++) {
                order[i] = tmp[i];
                nlit += leads_to(c, (size_t)picked - 1, tmp[i]);
            }
        }
    }

    lay_style head = lay_style_of(L, SCENE_FONT_BOLD, m->h3, CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
    float other_h = picked && nlit < nc ? lay_text_height(L, &head, avail, lay_str(L, CONTENT_STR_OTHER_CAREERS),
                                                          strlen(lay_str(L, CONTENT_STR_OTHER_CAREERS)), NULL) +
                                              m->gap
                                        : 0;

    /* Columns of 15 to 30 body-em: the fewest that let the rows fit the
     * view, so a monitor's map fills its height instead of leaving the
     * lower half bare; as many as the width holds when none fits. */
    float hgap = m->pad, colmin = 15.0f * m->body;
    size_t most = (size_t)fmaxf(1.0f, floorf((avail + hgap) / (colmin + hgap)));
    if (most > nc)
        most = nc ? nc : 1;
    size_t ncol = 1;
    float lit_h = 0, rest_h = 0;
    for (ncol = 1; ncol <= most; ncol++) {
        mc.colw = fminf((avail - (float)(ncol - 1) * hgap) / (float)ncol, 30.0f * m->body);
        lit_h = rows_height(L, order, nlit, ncol, true, &mc);
        rest_h = rows_height(L, order + nlit, nc - nlit, ncol, false, &mc);
        float total = y + lit_h + (nlit ? m->gap : 0) + other_h + rest_h;
        if (total <= 0.92f * L->view_h || ncol == most)
            break;
    }
    if (ncol > most)
        ncol = most;
    float total_w = (float)ncol * mc.colw + (float)(ncol - 1) * hgap;
    float cx = (L->W - total_w) / 2;
    y = map_header(L, cx, top, total_w, picked, &mc, &bare);
    if (nlit)
        lay_stack(&y, rows_in_columns(L, cx, y, order, nlit, ncol, true, &mc), 2 * m->gap);
    if (nc > nlit) {
        if (picked)
            lay_stack(&y, lay_text(L, &head, cx, y, total_w, lay_str(L, CONTENT_STR_OTHER_CAREERS), -1),
                      m->gap);
        lay_stack(&y, rows_in_columns(L, cx, y, order + nlit, nc - nlit, ncol, false, &mc), m->gap);
    }
    /* Chips alone at the top: what each stands for, as keys to the degrees. */
    if (bare) {
        size_t *all = lay_alloc(L, nd * sizeof *all);
        if (all) {
            for (size_t i = 0; i < nd; i++)
                all[i] = i;
            y += m->gap;
            lay_stack(&y, lay_marks_keys(L, cx, y, total_w, all, nd, mc.marks, -1), m->gap);
        }
    }
    lay_style note = lay_style_of(L, SCENE_FONT_REGULAR, lay_small(L), CONTENT_COLOR_MUTED, LAY_ALIGN_LEFT);
    y += m->gap;
    lay_stack(&y, lay_text(L, &note, cx, y, fminf(total_w, 38.0f * m->body), c->careers_note, -1), 0);
    return y + lay_bottom_pad(L);
}
