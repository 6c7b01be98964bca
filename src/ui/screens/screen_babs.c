/* screen_babs.c - BA or BS? what each award means. See screen_babs.h. */
#include "screen_babs.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "parts.h"

typedef struct {
    size_t ai;
} award_ctx;

static float award_body(lay *L, float x, float y, float w, int box, const void *ctx)
{
    const award_ctx *ac = ctx;
    const content_award *a = &L->c->awards[ac->ai];
    const lay_metrics *m = &L->m;
    float u = m->unit, yy = y;
    if (a->short_name[0]) {
        lay_pill badge;
        memset(&badge, 0, sizeof badge);
        badge.text = a->short_name;
        badge.font = SCENE_FONT_BOLD;
        badge.size = m->h1;
        badge.bg = content_award_color(L->c, ac->ai);
        badge.fg = lay_col(L, CONTENT_COLOR_ACCENT_TEXT);
        badge.action = VIEW_ACT_NONE;
        float bw, bh;
        lay_pill_size(L, &badge, w, &bw, &bh);
        lay_pill_draw(L, &badge, (od_rect){ x, yy, bw, bh }, box);
        yy += bh + m->gap;
    }
    lay_style name = lay_style_of(L, SCENE_FONT_BOLD, m->h3, CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
    lay_style body = lay_style_of(L, SCENE_FONT_REGULAR, m->body, CONTENT_COLOR_MUTED, LAY_ALIGN_LEFT);
    lay_style pt = lay_style_of(L, SCENE_FONT_REGULAR, lay_small(L), CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
    lay_stack(&yy, lay_text(L, &name, x, yy, w, a->name, box), 6.0f * u);
    lay_stack(&yy, lay_text(L, &body, x, yy, w, a->summary, box), m->gap);
    float d = 8.0f * u, ind = d + 12.0f * u, lh = lay_lh(L, pt.font, pt.size);
    od_color dot = content_award_color(L->c, ac->ai);
    for (size_t i = 0; i < a->n_points; i++) {
        float h = lay_text(L, &pt, x + ind, yy, w - ind, a->points[i], box);
        if (h > 0)
            lay_rect(L, (od_rect){ x + 2.0f * u, yy + (lh - d) / 2, d, d }, dot, d / 2);
        lay_stack(&yy, h, 6.0f * u);
    }
    return yy > y ? yy - y : 0;
}

typedef struct {
    size_t ai, row;
} value_ctx;

static float value_body(lay *L, float x, float y, float w, int box, const void *ctx)
{
    const value_ctx *v = ctx;
    const content *c = L->c;
    lay_style lab = lay_style_of(L, SCENE_FONT_BOLD, lay_small(L), CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
    lab.color = lay_content_text(L, content_award_color(L->c, v->ai));
    lay_style val = lay_style_of(L, SCENE_FONT_REGULAR, L->m.body, CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
    float yy = y;
    lay_stack(&yy, lay_text(L, &lab, x, yy, w, c->awards[v->ai].short_name, box), 4.0f * L->m.unit);
    yy += lay_text(L, &val, x, yy, w, c->award_rows[v->row].values[v->ai], box);
    return yy - y;
}

float screen_babs_draw(lay *L, const view_place *p)
{
    (void)p;
    const content *c = L->c;
    const lay_metrics *m = &L->m;
    float u = m->unit, cx, cw;
    size_t n = c->n_awards;
    lay_column(L, n > 1 ? 64 : 38, &cx, &cw);
    float y = lay_top_pad(L);
    lay_style intro = lay_style_of(L, SCENE_FONT_REGULAR, m->h3, CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
    lay_stack(&y, lay_text(L, &intro, cx, y, cw, c->awards_intro, -1), 1.5f * m->gap);

    /* The awards' cards in as many columns as hold 210 units each, in
     * balanced rows: side by side when all fit, else a grid (five awards on
     * a wall in rows of three and two rather than five full-width cards one
     * under another); one a row on a narrow screen. */
    size_t cols = n ? (size_t)fmaxf(1.0f, floorf((cw + m->gap) / (210.0f * u + m->gap))) : 1;
    if (cols > n)
        cols = n ? n : 1;

    award_ctx *ac = n ? lay_alloc(L, n * sizeof *ac) : NULL;
    if (n && ac) {
        for (size_t i = 0; i < n; i++)
            ac[i].ai = i;
        od_color bg = lay_col(L, CONTENT_COLOR_SURFACE);
        size_t rows = (n + cols - 1) / cols;
        for (size_t r = 0; r < rows; r++) {
            size_t first = r * n / rows, last = (r + 1) * n / rows, k = last - first;
            float aw = (cw - m->gap * (float)(cols - 1)) / (float)cols, rh = 0;
            float rx = cx + (cw - ((float)k * aw + (float)(k - 1) * m->gap)) / 2;
            for (size_t i = first; i < last; i++)
                rh = fmaxf(rh, lay_measure_fn(L, aw - 2 * m->pad, award_body, &ac[i]) + 2 * m->pad);
            for (size_t i = first; i < last; i++)
                lay_card(L, rx + (float)(i - first) * (aw + m->gap), y, aw, rh, m->pad, bg,
                         award_body, &ac[i], -1);
            y += rh + m->gap;
        }
        y += m->gap;
    }
    /* The values are short: side by side down to 160 units a cell. */
    bool cells_side = n > 0 && (cw - m->gap * (float)(n - 1)) / (float)n >= 160.0f * u;

    value_ctx *vals = n ? lay_alloc(L, n * sizeof *vals) : NULL;
    for (size_t r = 0; r < c->n_award_rows && vals; r++) {
        for (size_t i = 0; i < n; i++)
            vals[i] = (value_ctx){ i, r };
        y += parts_cell_row(L, cx, y, cw, c->award_rows[r].topic, lay_col(L, CONTENT_COLOR_ACCENT),
                            value_body, vals, sizeof *vals, n, !cells_side);
        y += m->gap;
    }
    y += m->gap;
    y += lay_conclusion(L, cx, y, cw, c->conclusion, -1);
    return y + lay_bottom_pad(L);
}
