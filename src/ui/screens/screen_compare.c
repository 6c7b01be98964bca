/* screen_compare.c - two degrees side by side, row by row. See
 * screen_compare.h. */
#include "screen_compare.h"
#include "lay_marks.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "parts.h"

typedef enum { ROW_AWARD, ROW_FOCUS, ROW_TOPICS, ROW_SOFTWARE, ROW_CAREERS, ROW_COUNT } row_kind;

typedef struct {
    const content_degree *d;
    const content_degree *other;  /* the degree in the other column */
    row_kind kind;
    bool chips;                   /* lists as one joined paragraph (wide cells), not one a line */
    bool tag;                     /* cells one under the other: each starts with
                                     its degree's mark, as position no longer says */
} cell_ctx;

static bool degree_leads_to(const content_degree *d, size_t ci)
{
    for (size_t i = 0; i < d->n_careers; i++)
        if (d->careers[i] == ci)
            return true;
    return false;
}

typedef struct {
    const size_t *idx;
    bool shared;
} career_list;

static void career_list_get(const lay *L, const void *ctx, size_t i, lay_pill *out)
{
    const career_list *cl = ctx;
    parts_career_pill_as(L, cl->idx[i], od_rgba(0, 0, 0, 0), cl->shared, out);
}

/* A degree's careers on Compare: first those the other degree on screen
 * leads to as well, one a line in the order of the career list, so both
 * columns show them on the same lines (same names in cells of the same
 * width have the same height); then its own, flowing. Only the shared ones
 * wear the shared colour: shared means these two degrees, not any two. */
static float compare_careers(lay *L, float x, float y, float w, const content_degree *d,
                             const content_degree *other, int box)
{
    const content *c = L->c;
    const lay_metrics *m = &L->m;
    size_t *both = d->n_careers ? lay_alloc(L, 2 * d->n_careers * sizeof *both) : NULL;
    if (!both)
        return 0;
    size_t *own = both + d->n_careers, nb = 0, no = 0;
    for (size_t ci = 0; ci < c->n_careers; ci++)
        if (degree_leads_to(d, ci) && degree_leads_to(other, ci))
            both[nb++] = ci;
    for (size_t i = 0; i < d->n_careers; i++)
        if (!degree_leads_to(other, d->careers[i]))
            own[no++] = d->careers[i];
    float yy = y, sp = 8.0f * m->unit;
    for (size_t i = 0; i < nb; i++) {
        /* one pill a line: lay_pills given a single item */
        career_list one = { both + i, true };
        lay_stack(&yy, lay_pills(L, x, yy, w, 1, career_list_get, &one, LAY_ALIGN_LEFT, sp, box), sp);
    }
    if (nb && no)
        yy += m->gap - sp;
    career_list ol = { own, false };
    lay_stack(&yy, lay_pills(L, x, yy, w, no, career_list_get, &ol, LAY_ALIGN_LEFT, sp, box), sp);
    return yy > y ? yy - y - sp : 0;
}

static bool cell_empty(const content *c, const content_degree *d, row_kind k)
{
    switch (k) {
    case ROW_AWARD:
        return d->award_index >= c->n_awards;
    case ROW_FOCUS:
        return !d->focus[0];
    case ROW_TOPICS:
        return !d->n_topics;
    case ROW_SOFTWARE:
        return !d->n_software;
    case ROW_CAREERS:
        return !d->n_careers;
    case ROW_COUNT:
    default:
        return true;
    }
}

/* Items one per line with a small dot in the degree colour. */
static float compact_list(lay *L, float x, float y, float w, char *const *items, size_t n,
                          od_color dot, int box)
{
    float u = L->m.unit, d = 8.0f * u, ind = d + 10.0f * u;
    lay_style st = lay_style_of(L, SCENE_FONT_REGULAR, lay_small(L), CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
    float lh = lay_lh(L, st.font, st.size), yy = y;
    for (size_t i = 0; i < n; i++) {
        float h = lay_text(L, &st, x + ind, yy, w - ind, items[i], box);
        if (h > 0)
            lay_rect(L, (od_rect){ x, yy + (lh - d) / 2, d, d }, dot, d / 2);
        yy += h;
        if (i + 1 < n)
            yy += 4.0f * u;
    }
    return yy - y;
}

/* Items as one paragraph joined by middle dots: the densest way to show a
 * list in a wide cell (chips spend half their height on padding). */
static float joined_list(lay *L, float x, float y, float w, char *const *items, size_t n,
                         int box)
{
    /* A no-break space before the dot: a line may end with it, never begin. */
    static const char sep[] = "\xc2\xa0\xc2\xa0\xc2\xb7  ";
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len += strlen(items[i]) + sizeof sep;
    char *buf = len ? lay_alloc(L, len + 1) : NULL;
    if (!buf)
        return 0;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (i) {
            memcpy(buf + k, sep, sizeof sep - 1);
            k += sizeof sep - 1;
        }
        size_t l = strlen(items[i]);
        memcpy(buf + k, items[i], l);
        k += l;
    }
    buf[k] = '\0';
    lay_style st = lay_style_of(L, SCENE_FONT_REGULAR, lay_small(L), CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
    st.copy = true;  /* the buffer is scratch, gone at lay_end */
    return lay_text(L, &st, x, y, w, buf, box);
}

static float cell_facts(lay *L, float x, float y, float w, int box, const cell_ctx *cc)
{
    const content_degree *d = cc->d;
    lay_style body = lay_style_of(L, SCENE_FONT_REGULAR, lay_small(L), CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
    switch (cc->kind) {
    case ROW_AWARD:
        return parts_award_line(L, x, y, w, d->award_index, d->color, box);
    case ROW_FOCUS:
        return lay_text(L, &body, x, y, w, d->focus, box);
    case ROW_TOPICS:
        if (cc->chips)
            return joined_list(L, x, y, w, d->topics, d->n_topics, box);
        return compact_list(L, x, y, w, d->topics, d->n_topics, d->color, box);
    case ROW_SOFTWARE:
        if (cc->chips)
            return joined_list(L, x, y, w, d->software, d->n_software, box);
        return compact_list(L, x, y, w, d->software, d->n_software, d->color, box);
    case ROW_CAREERS:
        return compare_careers(L, x, y, w, d, cc->other, box);
    case ROW_COUNT:
    default:
        return 0;
    }
}

static float cell_body(lay *L, float x, float y, float w, int box, const void *ctx)
{
    const cell_ctx *cc = ctx;
    float top = 0;
    if (cc->tag) {
        lay_marks_draw(L, x, y, (size_t)(cc->d - L->c->degrees), cc->d->mark, box);
        top = lay_mark_chip_h(L) + L->m.gap / 2;
    }
    return top + cell_facts(L, x, y + top, w, box, cc);
}

typedef struct {
    const content_degree *d;
    size_t di;
    bool badge;               /* the award badge over the name (the table has
                                 an award row and leaves it out) */
} col_head_ctx;

static float col_head_body(lay *L, float x, float y, float w, int box, const void *ctx)
{
    const col_head_ctx *h = ctx;
    const lay_metrics *m = &L->m;
    float bw, bh;
    float yy = y;
    if (h->badge) {
        parts_badge_within(L, x, yy, w, h->d->award_index, h->d->color, &bw, &bh, box);
        lay_stack(&yy, bh, m->gap);
    }
    lay_style name = lay_style_of(L, SCENE_FONT_BOLD,
                           lay_fit_size(L, SCENE_FONT_BOLD, m->h2, m->text_min, h->d->name, w),
                           CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
    name.color = lay_content_text(L, h->d->color);
    yy += lay_text(L, &name, x, yy, w, h->d->name, box);
    return yy - y;
}

static void col_head_get(const lay *L, const void *ctx, size_t i, parts_tap_card *out)
{
    const col_head_ctx *h = ctx;
    memset(out, 0, sizeof *out);
    out->bg = lay_col(L, CONTENT_COLOR_SURFACE);
    out->bg_pressed = lay_col(L, CONTENT_COLOR_SURFACE_ALT);
    out->strip = h[i].d->color;
    out->action = VIEW_ACT_DEGREE;
    out->arg = (int)h[i].di;
    out->fn = col_head_body;
    out->ctx = &h[i];
}

typedef struct {
    int action;
    int selected;
} pick_ctx;

static void pick_get(const lay *L, const void *ctx, size_t i, lay_pill *out)
{
    const pick_ctx *pk = ctx;
    const content_degree *d = &L->c->degrees[i];
    memset(out, 0, sizeof *out);
    out->text = d->name;
    out->font = SCENE_FONT_BOLD;
    out->size = lay_small(L);
    out->round = true;
    out->action = pk->action;
    out->arg = (int)i;
    if ((int)i == pk->selected) {
        out->bg = d->color;
        out->fg = lay_col(L, CONTENT_COLOR_ACCENT_TEXT);
    } else {
        out->bg = lay_col(L, CONTENT_COLOR_SURFACE_ALT);
        out->fg = lay_col(L, CONTENT_COLOR_TEXT);
        out->dot = d->color;
    }
}

/* The wide Compare: a table. A column of row headings at the left, then
 * one column per degree; the column heads (and the pickers, with more than
 * two degrees) sit over their columns, every row's cells are as tall as the
 * taller one, so the eye runs straight across. */
typedef struct {
    float x, w;               /* the table */
    float rp;                 /* padding inside a row */
    float head_w;             /* the headings column */
    float cell_x[2], cell_w;  /* the two degree columns */
} cmp_table;

static float cmp_row(lay *L, const cmp_table *t, float y, const char *heading,
                     const cell_ctx cells[2])
{
    const lay_metrics *m = &L->m;
    float cp = m->gap;
    bool was = L->dry;
    L->dry = true;
    float head_h = lay_heading(L, 0, 0, t->head_w, heading, lay_col(L, CONTENT_COLOR_ACCENT), -1);
    L->dry = was;
    float ch = 0;
    for (int i = 0; i < 2; i++)
        ch = fmaxf(ch, lay_measure_fn(L, t->cell_w - 2 * cp, cell_body, &cells[i]) + 2 * cp);
    float h = fmaxf(head_h, ch) + 2 * t->rp;
    if (L->dry)
        return h;
    int row = lay_box(L, (od_rect){ t->x, y, t->w, h }, lay_col(L, CONTENT_COLOR_SURFACE), m->radius, -1);
    lay_heading(L, t->x + t->rp, y + t->rp, t->head_w, heading, lay_col(L, CONTENT_COLOR_ACCENT), row);
    od_color well = lay_mix(lay_col(L, CONTENT_COLOR_SURFACE), lay_col(L, CONTENT_COLOR_BACKGROUND), 0.6f);
    for (int i = 0; i < 2; i++) {
        int cell = lay_box(L, (od_rect){ t->cell_x[i], y + t->rp, t->cell_w, ch }, well,
                           0.7f * m->radius, row);
        cell_body(L, t->cell_x[i] + cp, y + t->rp + cp, t->cell_w - 2 * cp, cell, &cells[i]);
    }
    return h;
}

static const content_str cmp_heading[ROW_COUNT] = { CONTENT_STR_AWARD, CONTENT_STR_FOCUS, CONTENT_STR_TOPICS,
                                                    CONTENT_STR_SOFTWARE, CONTENT_STR_CAREER_PATHS };

/* "First" and its degrees, then "Second" and its degrees, from y; returns
 * the y after them. */
static float compare_pickers(lay *L, float cx, float y, float cw, const lay_style *lab,
                             const content_str label[2], const pick_ctx picks[2])
{
    const lay_metrics *m = &L->m;
    for (int i = 0; i < 2; i++) {
        lay_stack(&y, lay_text(L, lab, cx, y, cw, L->c->strings[label[i]], -1), 6.0f * m->unit);
        lay_stack(&y, lay_pills(L, cx, y, cw, L->c->n_degrees, pick_get, &picks[i], LAY_ALIGN_LEFT,
                                8.0f * m->unit, -1),
                  i ? 1.5f * m->gap : m->gap);
    }
    return y;
}

float screen_compare_draw(lay *L, const view_place *p)
{
    const content *c = L->c;
    const lay_metrics *m = &L->m;
    if (!parts_degree_ok(c, p->a) || !parts_degree_ok(c, p->b))
        return 0;
    float cx, cw;
    lay_column(L, 72, &cx, &cw);
    float y = lay_top_pad(L);
    const content_degree *a = &c->degrees[p->a], *b = &c->degrees[p->b];
    col_head_ctx heads[2] = { { a, (size_t)p->a, true }, { b, (size_t)p->b, true } };
    pick_ctx picks[2] = { { VIEW_ACT_PICK_LEFT, p->a }, { VIEW_ACT_PICK_RIGHT, p->b } };
    content_str pick_label[2] = { CONTENT_STR_PICK_LEFT, CONTENT_STR_PICK_RIGHT };
    lay_style lab = lay_style_of(L, SCENE_FONT_BOLD, m->body, CONTENT_COLOR_MUTED, LAY_ALIGN_LEFT);

    /* A table when a headings column of 9 body widths leaves each degree 14. */
    cmp_table t;
    t.x = cx;
    t.w = cw;
    /* Rows close together (half the usual padding and gap): a table reads
     * as one piece, and more of it fits the first screen. */
    t.rp = 0.5f * m->gap;
    t.head_w = 9.0f * m->body;
    t.cell_w = (cw - 2 * t.rp - t.head_w - 2 * m->gap) / 2;
    bool table = t.cell_w >= 14.0f * m->body;

    if (table) {
        heads[0].badge = heads[1].badge = false;
        t.cell_x[0] = cx + t.rp + t.head_w + m->gap;
        t.cell_x[1] = t.cell_x[0] + t.cell_w + m->gap;
        /* With more than two degrees, each column's picker stands over it
         * (same names at the same width, so both are equally tall) and its
         * chosen degree, filled in the degree's colour, heads the column:
         * placed so, the pickers need no "First"/"Second" label. With two
         * degrees a card naming the degree heads each column. */
        if (c->n_degrees > 2) {
            float ph = 0;
            for (int i = 0; i < 2; i++)
                ph = fmaxf(ph, lay_pills(L, t.cell_x[i], y, t.cell_w, c->n_degrees, pick_get,
                                         &picks[i], LAY_ALIGN_LEFT, 8.0f * m->unit, -1));
            y += ph + m->gap;
        } else {
            float hh = 0;
            for (int i = 0; i < 2; i++) {
                parts_tap_card tc;
                col_head_get(L, heads, (size_t)i, &tc);
                hh = fmaxf(hh, parts_tap_card_height(L, &tc, t.cell_w));
            }
            for (int i = 0; i < 2 && !L->dry; i++) {
                parts_tap_card tc;
                col_head_get(L, heads, (size_t)i, &tc);
                parts_tap_card_draw(L, &tc, (od_rect){ t.cell_x[i], y, t.cell_w, hh }, -1);
            }
            y += hh + m->gap;
        }
        for (int k = 0; k < ROW_COUNT; k++) {
            if (cell_empty(c, a, (row_kind)k) && cell_empty(c, b, (row_kind)k))
                continue;
            /* Wide cells hold lists as one paragraph: several items a line
             * keep all five rows on the first screen. */
            cell_ctx cells[2] = { { a, b, (row_kind)k, true, false }, { b, a, (row_kind)k, true, false } };
            y += cmp_row(L, &t, y, c->strings[cmp_heading[k]], cells) + 0.5f * m->gap;
        }
    } else {
        /* The pickers lead when they are short; when they would fill much
         * of the first screen (three or more degrees on a small panel) the
         * comparison leads and they follow it, so what a visitor sees first
         * is two degrees side by side, not a wall of buttons. */
        bool pick_first = false;
        if (c->n_degrees > 2) {
            bool was = L->dry;
            L->dry = true;
            float ph = 0;
            for (int i = 0; i < 2; i++)
                ph += lay_text(L, &lab, cx, 0, cw, c->strings[pick_label[i]], -1) +
                      lay_pills(L, cx, 0, cw, c->n_degrees, pick_get, &picks[i], LAY_ALIGN_LEFT,
                                8.0f * m->unit, -1);
            L->dry = was;
            pick_first = ph <= 0.3f * L->view_h;
        }
        if (pick_first)
            y = compare_pickers(L, cx, y, cw, &lab, pick_label, picks);
        /* Two cells side by side while each keeps room for a word of 7
         * body widths (what parts_cell_row leaves inside a cell); narrower
         * (Larger text on a portrait panel), words would break letter by
         * letter, so the degrees' cells stand one under the other, each
         * headed by its degree's mark. */
        float two_w = (cw - 3.0f * m->gap) / 2 - 2.0f * m->gap;
        bool stacked = two_w < 7.0f * m->body;
        /* The column headers sit over the cells: same inner inset as the rows. */
        lay_stack(&y, parts_tap_card_grid(L, cx + m->gap, y, cw - 2 * m->gap, 2, stacked ? 1 : 2,
                                          col_head_get, heads),
                  m->gap);
        for (int k = 0; k < ROW_COUNT; k++) {
            if (cell_empty(c, a, (row_kind)k) && cell_empty(c, b, (row_kind)k))
                continue;
            cell_ctx cells[2] = { { a, b, (row_kind)k, false, stacked },
                                  { b, a, (row_kind)k, false, stacked } };
            y += parts_cell_row(L, cx, y, cw, c->strings[cmp_heading[k]], lay_col(L, CONTENT_COLOR_ACCENT),
                                cell_body, cells, sizeof *cells, 2, stacked);
            y += m->gap;
        }
        if (c->n_degrees > 2 && !pick_first)
            y = compare_pickers(L, cx, y + m->gap, cw, &lab, pick_label, picks);
    }
    bool shared = false;
    for (size_t i = 0; i < a->n_careers; i++)
        shared |= degree_leads_to(b, a->careers[i]);
    if (shared)
        lay_stack(&y, parts_shared_legend(L, cx, y, cw), m->gap);
    y += m->gap;
    y += lay_conclusion(L, cx, y, cw, c->conclusion, -1);
    return y + lay_bottom_pad(L);
}
