/* parts.c - the pieces several screens draw that are about the content:
 * tappable cards, award badges, career pills and the shared-career legend.
 * See parts.h. */
#include "parts.h"

#include <math.h>
#include <string.h>

bool parts_roomy(const lay *L)
{
    return (L->W >= 1080 && L->H >= 1080) || L->H >= 1.5f * L->W;
}

bool parts_degree_ok(const content *c, int i)
{
    return i >= 0 && (size_t)i < c->n_degrees;
}

static float arrow_d(const lay *L)
{
    return 40.0f * L->m.unit;
}

float parts_tap_card_height(lay *L, const parts_tap_card *t, float w)
{
    float h = lay_measure_fn(L, w - 2 * L->m.pad, t->fn, t->ctx) + 2 * L->m.pad;
    if (t->arrow.a)
        h += L->m.gap + arrow_d(L);
    return fmaxf(h, L->m.target);
}

void parts_tap_card_draw(lay *L, const parts_tap_card *t, od_rect r, int parent)
{
    if (L->dry)
        return;
    const lay_metrics *m = &L->m;
    bool pressed = lay_is_pressed(L, t->action, t->arg);
    od_rect b = pressed ? lay_press_shrink(L, r) : r;
    int box = lay_box(L, b, pressed ? t->bg_pressed : t->bg, m->radius, parent);
    if (t->strip.a)
        lay_rect(L, (od_rect){ b.x + m->radius, b.y, b.w - 2 * m->radius, 5.0f * m->unit },
                 t->strip, 2.5f * m->unit);
    t->fn(L, r.x + m->pad, r.y + m->pad, r.w - 2 * m->pad, box, t->ctx);
    if (t->arrow.a) {
        float d = arrow_d(L);
        float ax = r.x + r.w - m->pad - d, ay = r.y + r.h - m->pad - d;
        lay_rect(L, (od_rect){ ax, ay, d, d }, t->arrow, d / 2);
        lay_chevron(L, ax + d / 2 + 2.0f * m->unit, ay + d / 2, 0.28f * d, 0.9f * d, 1,
                    lay_col(L, CONTENT_COLOR_ACCENT_TEXT));
    }
    lay_focus_ring(L, r, m->radius, t->action, t->arg);
    lay_hit(L, r, t->action, t->arg, true);
}

float parts_tap_card_grid(lay *L, float x, float y, float w, size_t n, size_t cols,
                           parts_tap_card_fn get, const void *ctx)
{
    if (!n)
        return 0;
    const lay_metrics *m = &L->m;
    /* Balanced rows, fuller rows first, any number of cards. */
    size_t rows = lay_balance_rows(n, cols), full = lay_balance_count(n, rows, 0);
    float cw = (w - m->gap * (float)(full - 1)) / (float)full;
    float yy = y;
    size_t r0 = 0;
    for (size_t r = 0; r < rows; r++) {
        size_t k = lay_balance_count(n, rows, r);
        size_t r1 = r0 + k;
        float rh = 0;
        for (size_t i = r0; i < r1; i++) {
            parts_tap_card t;
            get(L, ctx, i, &t);
            rh = fmaxf(rh, parts_tap_card_height(L, &t, cw));
        }
        float rw = fminf(w, (float)k * cw + (float)(k - 1) * m->gap);
        float rx = x + (w - rw) / 2;
        for (size_t i = r0; i < r1 && !L->dry; i++) {
            parts_tap_card t;
            get(L, ctx, i, &t);
            parts_tap_card_draw(L, &t, (od_rect){ rx + (float)(i - r0) * (cw + m->gap), yy, cw, rh },
                                -1);
        }
        yy += rh;
        if (r1 < n)
            yy += m->gap;
        r0 = r1;
    }
    return yy - y;
}

/* The award badge at (x, y) when it fits in w, else nothing (the award's
 * name says the same in words that can wrap). Sizes through w_out, h_out. */
void parts_badge_within(lay *L, float x, float y, float w, size_t ai, od_color c,
                         float *w_out, float *h_out, int box)
{
    bool was = L->dry;
    L->dry = true;
    parts_badge(L, x, y, ai, c, w_out, h_out, box);
    L->dry = was;
    if (*w_out > w + 0.5f) {
        *w_out = *h_out = 0;
        return;
    }
    parts_badge(L, x, y, ai, c, w_out, h_out, box);
}

/* Badge, then the award's full name beside it when it fits on one line,
 * else below. */
float parts_award_line(lay *L, float x, float y, float w, size_t ai, od_color c, int box)
{
    const lay_metrics *m = &L->m;
    float bw, bh;
    parts_badge_within(L, x, y, w, ai, c, &bw, &bh, box);
    if (ai >= L->c->n_awards)
        return bh;
    const char *name = L->c->awards[ai].name;
    lay_style st = lay_style_of(L, SCENE_FONT_REGULAR, m->body, CONTENT_COLOR_MUTED, LAY_ALIGN_LEFT);
    float nw = lay_tw(L, st.font, st.size, name, strlen(name));
    float lh = lay_lh(L, st.font, st.size);
    if (!name[0])
        return bh;
    if (bw > 0 && bw + m->gap + nw <= w) {
        lay_text(L, &st, x + bw + m->gap, y + (bh - lh) / 2, w - bw - m->gap, name, box);
        return fmaxf(bh, lh);
    }
    float off = bh > 0 ? bh + 6.0f * m->unit : 0;
    return off + lay_text(L, &st, x, y + off, w, name, box);
}

void parts_badge(lay *L, float x, float y, size_t ai, od_color c, float *w, float *h, int parent)
{
    *w = *h = 0;
    if (ai >= L->c->n_awards || !L->c->awards[ai].short_name[0])
        return;
    lay_pill p;
    memset(&p, 0, sizeof p);
    p.text = L->c->awards[ai].short_name;
    p.font = SCENE_FONT_BOLD;
    p.size = L->m.body;
    p.bg = c;
    p.fg = lay_col(L, CONTENT_COLOR_ACCENT_TEXT);
    p.action = VIEW_ACT_NONE;
    lay_pill_size(L, &p, 0.5f * L->W, w, h);
    lay_pill_draw(L, &p, (od_rect){ x, y, *w, *h }, parent);
}

void parts_career_pill(const lay *L, size_t ci, od_color dot, lay_pill *out)
{
    parts_career_pill_as(L, ci, dot, ci < L->c->n_careers && content_career_shared(L->c, ci), out);
}

void parts_career_pill_as(const lay *L, size_t ci, od_color dot, bool shared, lay_pill *out)
{
    *out = lay_round_pill(L, ci < L->c->n_careers ? L->c->careers[ci].name : "", SCENE_FONT_REGULAR);
    out->dot = dot;
    out->action = VIEW_ACT_CAREER;
    out->arg = (int)ci;
    if (shared) {
        od_color sh = lay_col(L, CONTENT_COLOR_SHARED);
        out->bg = lay_mix(lay_col(L, CONTENT_COLOR_SURFACE_ALT), sh, 0.18f);
        out->outline = sh;
        out->dot = sh;
        out->dot_pair = true;
    }
}

float parts_shared_legend(lay *L, float x, float y, float w)
{
    float u = L->m.unit, d = 12.0f * u;
    lay_style st = { SCENE_FONT_REGULAR, L->m.text_min, lay_col(L, CONTENT_COLOR_MUTED), LAY_ALIGN_LEFT, false };
    float lh = lay_lh(L, st.font, st.size);
    float pw = 2.25f * d; /* the pair's width */
    float h = lay_text(L, &st, x + pw + 10.0f * u, y, w - pw - 10.0f * u,
                       L->c->strings[CONTENT_STR_SHARED], -1);
    if (h > 0)
        lay_dot_pair(L, x, y + lh / 2, d, lay_col(L, CONTENT_COLOR_SHARED));
    return h;
}

/* A row of cells under a heading spanning them: one cell per entry of
 * ctxs, side by side, every cell as tall as the tallest so rows align. */
float parts_cell_row(lay *L, float x, float y, float w, const char *heading, od_color accent,
                     lay_body_fn fn, const void *ctxs, size_t ctx_size, size_t n, bool stacked)
{
    const lay_metrics *m = &L->m;
    float rp = m->gap, cp = m->gap;
    float iw = w - 2 * rp;
    size_t cols = stacked ? 1 : n;
    float cellw = (iw - m->gap * (float)(cols - 1)) / (float)cols;
    bool was = L->dry;
    L->dry = true;
    float head_h = lay_heading(L, 0, 0, iw, heading, accent, -1);
    L->dry = was;
    float ch = 0;
    float total_cells = 0;
    for (size_t i = 0; i < n; i++) {
        const void *ci = (const char *)ctxs + i * ctx_size;
        float h = lay_measure_fn(L, cellw - 2 * cp, fn, ci) + 2 * cp;
        ch = fmaxf(ch, h);
        total_cells += h;
    }
    float cells_h = stacked ? total_cells + m->gap * (float)(n ? n - 1 : 0) : ch;
    float total = rp + head_h + m->gap + cells_h + rp;
    if (L->dry)
        return total;
    int row = lay_box(L, (od_rect){ x, y, w, total }, lay_col(L, CONTENT_COLOR_SURFACE), m->radius, -1);
    lay_heading(L, x + rp, y + rp, iw, heading, accent, row);
    float cy = y + rp + head_h + m->gap;
    for (size_t i = 0; i < n; i++) {
        const void *ci = (const char *)ctxs + i * ctx_size;
        float h = ch;
        float cxp = x + rp + (float)i * (cellw + m->gap);
        if (stacked) {
            h = lay_measure_fn(L, cellw - 2 * cp, fn, ci) + 2 * cp;
            cxp = x + rp;
        }
        /* Cells are wells a shade darker than the row, so the chips inside
         * them (surface_alt) keep their shape. */
        od_color well = lay_mix(lay_col(L, CONTENT_COLOR_SURFACE), lay_col(L, CONTENT_COLOR_BACKGROUND), 0.6f);
        int cell = lay_box(L, (od_rect){ cxp, cy, cellw, h }, well, 0.7f * m->radius, row);
        fn(L, cxp + cp, cy + cp, cellw - 2 * cp, cell, ci);
        if (stacked)
            cy += h + m->gap;
    }
    return total;
}
