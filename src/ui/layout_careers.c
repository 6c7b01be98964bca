/* layout_careers.c - the career map: every degree and the careers it leads
 * to, drawn as a picture with links. Draws in page coordinates through the
 * toolkit of lay.h; see screens.h. */
#include "screens.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- careers: the picture ---------------------------------------------------------- */

typedef struct {
    float key;            /* mean index of the degrees leading there */
    const char *name;
    size_t ci;
} career_order;

static int career_order_cmp(const void *pa, const void *pb)
{
    const career_order *a = pa, *b = pb;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    int s = strcmp(a->name, b->name);
    if (s)
        return s;
    return a->ci < b->ci ? -1 : a->ci > b->ci;
}

static void node_pill(const lay *L, size_t di, lay_pill *out)
{
    memset(out, 0, sizeof *out);
    out->text = L->c->degrees[di].name;
    out->font = FONT_BOLD;
    out->size = L->m.body;
    out->bg = L->c->degrees[di].color;
    out->fg = lay_col(L, COLOR_ACCENT_TEXT);
    out->action = ACT_DEGREE;
    out->arg = (int)di;
    out->wide = true;
}

/* A career pill of the picture: dotted in its degree's colour (shared ones
 * in the shared colour) so the eye can follow a pill back to its node. */
static void picture_pill(const lay *L, size_t ci, lay_pill *out)
{
    const content_career *k = &L->c->careers[ci];
    od_color dot = k->n_degrees && k->degrees[0] < L->c->n_degrees
                       ? L->c->degrees[k->degrees[0]].color
                       : od_rgba(0, 0, 0, 0);
    lay_career_pill(L, ci, dot, out);
}

/* A smooth link: a cubic Bezier leaving and entering horizontally, drawn as
 * 16 straight segments. */
static void link_curve(lay *L, float x0, float y0, float x1, float y1, float thick, od_color c)
{
    enum { SEGS = 16 };
    float dx = (x1 - x0) * 0.5f;
    float px = x0, py = y0;
    for (int i = 1; i <= SEGS; i++) {
        float t = (float)i / SEGS, s = 1 - t;
        float b0 = s * s * s, b1 = 3 * s * s * t, b2 = 3 * s * t * t, b3 = t * t * t;
        float x = b0 * x0 + b1 * (x0 + dx) + b2 * (x1 - dx) + b3 * x1;
        float y = b0 * y0 + b1 * y0 + b2 * y1 + b3 * y1;
        lay_line(L, px, py, x, y, thick, c);
        px = x;
        py = y;
    }
}

float lay_screen_careers(lay *L, const view_place *p)
{
    (void)p;
    const content *c = L->c;
    const layout_metrics *m = &L->m;
    float u = m->unit, cx, cw;
    lay_column(L, 64, &cx, &cw);
    float y = lay_top_pad(L);
    lay_style hint = lay_style_of(L, FONT_REGULAR, m->body, COLOR_MUTED, ALIGN_LEFT);
    lay_style note = lay_style_of(L, FONT_REGULAR, lay_small(L), COLOR_MUTED, ALIGN_LEFT);
    lay_stack(&y, lay_text(L, &hint, cx, y, cw, c->strings[STR_CAREERS_HINT], -1), m->gap);

    size_t nc = c->n_careers, nd = c->n_degrees;
    bool shared = false;
    for (size_t i = 0; i < nc && !shared; i++)
        shared = content_career_shared(c, i);
    if (shared)
        lay_stack(&y, lay_shared_legend(L, cx, y, cw), m->gap);
    y += m->gap;

    career_order *ord = nc ? lay_alloc(L, nc * sizeof *ord) : NULL;
    od_rect *prect = nc ? lay_alloc(L, nc * sizeof *prect) : NULL;
    od_rect *nrect = nd ? lay_alloc(L, nd * sizeof *nrect) : NULL;
    if (nc && nd && ord && prect && nrect) {
        /* Order careers by the mean index of their degrees: the first
         * degree's own careers, then the shared ones, then the next
         * degree's, so links fan out instead of crossing. */
        for (size_t i = 0; i < nc; i++) {
            const content_career *k = &c->careers[i];
            float sum = 0;
            for (size_t j = 0; j < k->n_degrees; j++)
                sum += (float)k->degrees[j];
            ord[i].key = k->n_degrees ? sum / (float)k->n_degrees : (float)nd;
            ord[i].name = k->name;
            ord[i].ci = i;
        }
        qsort(ord, nc, sizeof *ord, career_order_cmp);

        /* Columns: degree nodes as wide as their longest word needs (within
         * 22-40% of the width), a band for the links, the pills. */
        float npad = 14.0f * u;
        float lw = 0;
        for (size_t i = 0; i < nd; i++)
            lw = fmaxf(lw, lay_widest_word(L, FONT_BOLD, m->body, c->degrees[i].name));
        lw = fminf(fmaxf(lw + 2 * npad + 2.0f * u, 0.22f * cw), 0.4f * cw);
        float ls = fmaxf(0.12f * cw, 48.0f * u);
        float rx = cx + lw + ls, rw = cw - lw - ls;
        float sp = 8.0f * u;

        float py = 0, maxpw = 0;
        for (size_t k = 0; k < nc; k++) {
            lay_pill pl;
            picture_pill(L, ord[k].ci, &pl);
            float pw, ph;
            lay_pill_size(L, &pl, rw, &pw, &ph);
            prect[ord[k].ci] = (od_rect){ 0, py, pw, ph };
            maxpw = fmaxf(maxpw, pw);
            py += ph + (k + 1 < nc ? sp : 0);
        }
        float pills_h = py;
        /* Room the pills do not need goes half to longer, calmer links and
         * half to centring the whole picture (landscape screens). */
        float spare = fmaxf(rw - maxpw, 0);
        float x0 = cx + spare / 4;
        ls += spare / 2;
        rx = x0 + lw + ls;
        for (size_t i = 0; i < nc; i++)
            prect[i].x = rx;
        float ngap = 2.0f * m->gap, nodes_h = 0;
        for (size_t i = 0; i < nd; i++) {
            lay_pill pl;
            node_pill(L, i, &pl);
            float nw, nh;
            lay_pill_size(L, &pl, lw, &nw, &nh);
            nrect[i] = (od_rect){ x0, nodes_h, lw, nh };
            nodes_h += nh + (i + 1 < nd ? ngap : 0);
        }
        float pic_h = fmaxf(pills_h, nodes_h);
        float pic0 = y, pic1 = y + pic_h;
        float poff = pic0 + (pic_h - pills_h) / 2;
        for (size_t i = 0; i < nc; i++)
            prect[i].y += poff;
        /* Sticky nodes: centred in the visible part of the picture, so the
         * links stay in view while the pills scroll. */
        float vis0 = fmaxf(L->scroll, pic0), vis1 = fminf(L->scroll + L->view_h, pic1);
        float ny = vis1 > vis0 ? (vis0 + vis1) / 2 - nodes_h / 2 : pic0;
        ny = fminf(fmaxf(ny, pic0), pic1 - nodes_h);
        for (size_t i = 0; i < nd; i++)
            nrect[i].y += ny;

        if (!L->dry) {
            float thick = 3.0f * u;
            for (size_t i = 0; i < nd; i++) {
                const content_degree *d = &c->degrees[i];
                od_rect nr = nrect[i];
                /* Links leave the node fanned out in the order of their
                 * targets (a monotonic map of the target's height onto the
                 * node's edge), so they never cross where they start. */
                float lo = 1e30f, hi = -1e30f;
                for (size_t j = 0; j < d->n_careers; j++)
                    if (d->careers[j] < nc) {
                        od_rect pr = prect[d->careers[j]];
                        lo = fminf(lo, pr.y + pr.h / 2);
                        hi = fmaxf(hi, pr.y + pr.h / 2);
                    }
                float half = fminf(0.3f * nr.h, 3.0f * u * (float)d->n_careers);
                float mid = (lo + hi) / 2, range = (hi - lo) / 2;
                for (size_t j = 0; j < d->n_careers; j++) {
                    size_t ci = d->careers[j];
                    if (ci >= nc)
                        continue;
                    od_rect pr = prect[ci];
                    float ty = pr.y + pr.h / 2;
                    float y0 = nr.y + nr.h / 2 + (range > 0 ? (ty - mid) / range * half : 0);
                    link_curve(L, nr.x + nr.w, y0, pr.x, ty, thick, lay_with_alpha(d->color, 0.7f));
                }
            }
            for (size_t i = 0; i < nd; i++) {
                lay_pill pl;
                node_pill(L, i, &pl);
                lay_pill_draw(L, &pl, nrect[i], -1);
            }
            for (size_t k = 0; k < nc; k++) {
                lay_pill pl;
                picture_pill(L, ord[k].ci, &pl);
                lay_pill_draw(L, &pl, prect[ord[k].ci], -1);
            }
        }
        y = pic1 + 2 * m->gap;
    }
    lay_stack(&y, lay_text(L, &note, cx, y, cw, c->careers_note, -1), 0);
    return y + lay_bottom_pad(L);
}
