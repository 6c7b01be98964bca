/* screen_career.c - the page of one career: what it is, the degrees that
 * lead there (as tappable keys) and its QR code. Draws in page coordinates
 * through the toolkit; see screen_career.h. */
#include "screen_career.h"

#include <math.h>
#include <stdio.h>
#include "lay_marks.h"
#include "lay_qr.h"
#include "parts.h"

static float caveat_body(lay *L, float x, float y, float w, int box, const void *ctx)
{
    const content_career *k = ctx;
    const lay_metrics *m = &L->m;
    lay_style h = lay_style_of(L, SCENE_FONT_BOLD, m->h3, CONTENT_COLOR_CAVEAT, LAY_ALIGN_LEFT);
    lay_style b = lay_style_of(L, SCENE_FONT_REGULAR, m->body, CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
    float yy = y;
    lay_stack(&yy, lay_text(L, &h, x, yy, w, L->c->strings[CONTENT_STR_CHECK], box), 6.0f * m->unit);
    yy += lay_text(L, &b, x, yy, w, k->caveat, box);
    return yy - y;
}

float screen_career_draw(lay *L, const view_place *p)
{
    const content *c = L->c;
    const lay_metrics *m = &L->m;
    if (p->a < 0 || (size_t)p->a >= c->n_careers)
        return 0;
    const content_career *k = &c->careers[p->a];
    bool shared = content_career_shared(c, (size_t)p->a);
    float cx, cw;
    lay_column(L, 38, &cx, &cw);
    float y = lay_top_pad(L);
    od_color accent = k->n_degrees && k->degrees[0] < c->n_degrees
                          ? c->degrees[k->degrees[0]].color
                          : lay_col(L, CONTENT_COLOR_ACCENT);

    lay_style h1 = lay_style_of(L, SCENE_FONT_BOLD, lay_fit_size(L, SCENE_FONT_BOLD, m->h1, m->h3, k->name, cw),
                                CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
    lay_style sum = lay_style_of(L, SCENE_FONT_REGULAR, m->h3, CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
    lay_style body = lay_style_of(L, SCENE_FONT_REGULAR, m->body, CONTENT_COLOR_MUTED, LAY_ALIGN_LEFT);
    lay_style note = lay_style_of(L, SCENE_FONT_REGULAR, lay_small(L), CONTENT_COLOR_MUTED, LAY_ALIGN_LEFT);
    float nh = lay_text(L, &h1, cx, y, cw, k->name, -1);
    if (nh > 0) {
        lay_rect(L, (od_rect){ cx, y + nh + 4.0f * m->unit, 48.0f * m->unit, 5.0f * m->unit },
                 shared ? lay_col(L, CONTENT_COLOR_SHARED) : accent, 2.5f * m->unit);
        y += nh + 9.0f * m->unit + m->gap;
    }
    lay_stack(&y, lay_text(L, &sum, cx, y, cw, k->summary, -1), m->gap);
    lay_stack(&y, lay_text(L, &body, cx, y, cw, k->description, -1), m->gap);
    y += m->gap;

    /* The degrees that lead here, as on the map: mark and name, tappable. */
    if (k->n_degrees) {
        lay_stack(&y, lay_heading(L, cx, y, cw, c->strings[CONTENT_STR_LEADS_FROM], accent, -1), m->gap);
        lay_stack(&y, lay_marks_keys(L, cx, y, cw, k->degrees, k->n_degrees,
                                      lay_marks_of(L), -1),
                  m->gap);
        if (shared)
            lay_stack(&y, parts_shared_legend(L, cx, y, cw), m->gap);
        y += m->gap;
    }
    if (k->caveat[0]) {
        od_color bg = lay_mix(lay_col(L, CONTENT_COLOR_SURFACE), lay_col(L, CONTENT_COLOR_CAVEAT), 0.08f);
        float h = lay_card(L, cx, y, cw, 0, m->pad, bg, caveat_body, k, -1);
        lay_frame(L, (od_rect){ cx, y, cw, h }, lay_col(L, CONTENT_COLOR_CAVEAT), m->radius,
                  2.0f * m->unit);
        y += h + 1.5f * m->gap;
    }
    lay_stack(&y, lay_text(L, &note, cx, y, cw, c->careers_note, -1), m->gap);
    lay_stack(&y, lay_qr_block(L, cx, y + m->gap, cw, k->url, -1), 2 * m->gap);
    if (c->n_careers > 1) {
        size_t n = c->n_careers, i = (size_t)p->a;
        y += lay_sibling_nav(L, cx, y, cw, i, n, accent, c->careers[(i + n - 1) % n].name,
                             c->careers[(i + 1) % n].name);
    }
    return y + lay_bottom_pad(L);
}
