/* screen_careers.c - the career map. Draws in page coordinates through the
 * toolkit of lay.h and lay_marks.h; see screen_careers.h. The page of one
 * career is screen_career.c.
 *
 * The map groups the careers by the set of degrees that lead there: one card
 * per set, headed by the degrees' marks and names ("CS SE  Computer Science
 * + Software Engineering"), holding that set's career pills. Every relation
 * is read from a heading rather than traced along a line, so the map stays
 * readable for any number of degrees and careers, and it does not depend on
 * colour: the marks carry letters. The cards flow into as many columns as
 * the width holds at a readable line length, balanced in height. */
#include "screen_careers.h"
#include "lay_marks.h"
#include "parts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- grouping ---------------------------------------------------------------------- */

typedef struct {
    const size_t *degs;   /* the degrees leading there, ascending (the model's) */
    size_t nd;
    const char *name;
    size_t ci;
} career_key;

/* Order of degree sets: one degree before two before three (so each
 * degree's own careers come first, in degree order), sets of the same size
 * by their degrees' order, careers no degree leads to last. */
static int degree_set_cmp(const size_t *a, size_t na, const size_t *b, size_t nb)
{
    if (!na || !nb)
        return (na == 0) - (nb == 0);
    if (na != nb)
        return na < nb ? -1 : 1;
    for (size_t i = 0; i < na; i++)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

static int career_key_cmp(const void *pa, const void *pb)
{
    const career_key *a = pa, *b = pb;
    int d = degree_set_cmp(a->degs, a->nd, b->degs, b->nd);
    if (d)
        return d;
    int s = strcmp(a->name, b->name);
    if (s)
        return s;
    return a->ci < b->ci ? -1 : a->ci > b->ci;
}

typedef struct {
    const size_t *degs;   /* the set this group stands for */
    size_t nd;
    size_t *careers;      /* its careers, by name */
    size_t n;
    const char (*marks)[LAY_MARK_MAX];
    float h;              /* card height at the column width */
    bool dense;           /* tighter pills: the map must fit one screen */
} career_group;

/* The careers of c grouped by degree set, in the order above. Returns the
 * number of groups (0 without careers or memory). */
static size_t group_careers(lay *L, career_group **out)
{
    const content *c = L->c;
    size_t nc = c->n_careers;
    *out = NULL;
    if (!nc)
        return 0;
    career_key *keys = lay_alloc(L, nc * sizeof *keys);
    size_t *order = lay_alloc(L, nc * sizeof *order);
    career_group *g = lay_alloc(L, nc * sizeof *g);
    if (!keys || !order || !g)
        return 0;
    for (size_t i = 0; i < nc; i++) {
        keys[i].degs = c->careers[i].degrees;
        keys[i].nd = c->careers[i].n_degrees;
        keys[i].name = c->careers[i].name;
        keys[i].ci = i;
    }
    qsort(keys, nc, sizeof *keys, career_key_cmp);
    size_t ng = 0;
    for (size_t i = 0; i < nc; i++) {
        order[i] = keys[i].ci;
        if (!ng || degree_set_cmp(g[ng - 1].degs, g[ng - 1].nd, keys[i].degs, keys[i].nd)) {
            g[ng].degs = keys[i].degs;
            g[ng].nd = keys[i].nd;
            g[ng].careers = &order[i];
            g[ng].n = 0;
            ng++;
        }
        g[ng - 1].n++;
    }
    *out = g;
    return ng;
}

/* ---- one group's card ------------------------------------------------------------------ */

/* A career pill of the map: a single degree's careers dotted in its colour;
 * shared ones outlined in the shared colour (parts_career_pill). */
static void group_pill(const lay *L, const void *ctx, size_t i, lay_pill *out)
{
    const career_group *g = ctx;
    od_color dot = g->nd == 1 && g->degs[0] < L->c->n_degrees ? L->c->degrees[g->degs[0]].color
                                                              : od_rgba(0, 0, 0, 0);
    parts_career_pill(L, g->careers[i], dot, out);
    out->dense = g->dense;
}

static float group_body(lay *L, float x, float y, float w, int box, const void *ctx)
{
    const career_group *g = ctx;
    float yy = y;
    if (g->nd)
        lay_stack(&yy, lay_marks_set(L, x, yy, w, g->degs, g->nd, g->marks, box), L->m.gap);
    float gap = (g->dense ? 4.0f : 8.0f) * L->m.unit;
    yy += lay_pills(L, x, yy, w, g->n, group_pill, g, LAY_ALIGN_LEFT, gap, box);
    return yy - y;
}

static float group_card(lay *L, float x, float y, float w, const career_group *g)
{
    return lay_card(L, x, y, w, 0, L->m.pad, lay_col(L, CONTENT_COLOR_SURFACE), group_body, g, -1);
}

/* ---- columns ------------------------------------------------------------------------- */

/* Columns the greedy fill uses when no column may be taller than t. */
static size_t columns_needed(const career_group *g, size_t ng, float gap, float t)
{
    size_t cols = 1;
    float cur = 0;
    for (size_t i = 0; i < ng; i++) {
        float add = cur > 0 ? cur + gap + g[i].h : g[i].h;
        if (add > t && cur > 0) {
            cols++;
            cur = g[i].h;
        } else {
            cur = add;
        }
    }
    return cols;
}

/* The smallest height t at which the groups, kept in order, fill at most
 * ncol columns: the balanced split, read down each column in turn. */
static float balanced_height(const career_group *g, size_t ng, float gap, size_t ncol)
{
    float lo = 0, hi = 0;
    for (size_t i = 0; i < ng; i++) {
        lo = fmaxf(lo, g[i].h);
        hi += g[i].h + (i ? gap : 0);
    }
    for (int k = 0; k < 40 && hi - lo > 0.5f; k++) {
        float mid = (lo + hi) / 2;
        if (columns_needed(g, ng, gap, mid) <= ncol)
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

/* Card heights at column width w (a dry run: nothing is drawn). */
static float group_card_height(lay *L, float w, career_group *g)
{
    bool dry = L->dry;
    L->dry = true;
    float h = group_card(L, 0, 0, w, g);
    L->dry = dry;
    return h;
}

/* Settle *ncol columns of the groups across avail: their width and the
 * balanced column height. Card heights depend on the width, so the count is
 * settled by measuring; it only goes down (a column that would stay empty). */
static void arrange(lay *L, career_group *g, size_t ng, const char (*marks)[LAY_MARK_MAX],
                    float avail, float hgap, float vgap, size_t *ncol, float *colw,
                    float *colh)
{
    const lay_metrics *m = &L->m;
    for (int pass = 0; pass < 4; pass++) {
        *colw = fminf((avail - (float)(*ncol - 1) * hgap) / (float)*ncol, 32.0f * m->body);
        for (size_t i = 0; i < ng; i++) {
            g[i].marks = marks;
            g[i].h = group_card_height(L, *colw, &g[i]);
        }
        *colh = balanced_height(g, ng, vgap, *ncol);
        size_t used = ng ? columns_needed(g, ng, vgap, *colh) : 1;
        if (used >= *ncol)
            break;
        *ncol = used;
    }
}

/* Whether the cards, whose heights g[].h are at the widest column, could
 * fit `room` in `most` columns at all. Narrower columns never make a card
 * shorter, and tighter pills take off less than 40% of a card, so when even
 * 60% of their stacked height spread over the most columns overflows, no
 * arrangement fits and none need be measured. */
static bool may_fit(const career_group *g, size_t ng, float vgap, size_t most, float room)
{
    float sum = 0;
    for (size_t i = 0; i < ng; i++)
        sum += g[i].h + (i ? vgap : 0);
    return 0.6f * sum / (float)most <= room;
}

/* Try ncol+1, ncol+2 ... most columns until the cards fit below `top`;
 * keep the first count that does. *measured is the width the cards'
 * heights were last measured at. */
static void more_columns(lay *L, career_group *g, size_t ng, const char (*marks)[LAY_MARK_MAX],
                         float avail, float hgap, float vgap, float top, size_t most,
                         size_t *ncol, float *colw, float *colh, float *measured)
{
    for (size_t n = *ncol + 1; top + *colh > L->view_h && n <= most && n <= ng; n++) {
        size_t k = n;
        float w = 0, h = 0;
        arrange(L, g, ng, marks, avail, hgap, vgap, &k, &w, &h);
        *measured = w;
        if (top + h <= L->view_h) {
            *ncol = k;
            *colw = w;
            *colh = h;
        }
    }
}

/* The texts above the cards, across `total` from x: the hint, the degrees
 * as keys (what each mark stands for, and a way in), the shared legend.
 * Returns where the cards start, in page coordinates. */
static float map_header(lay *L, float x, float total)
{
    const content *c = L->c;
    const lay_metrics *m = &L->m;
    float y = lay_top_pad(L);
    lay_style hint = lay_style_of(L, SCENE_FONT_REGULAR, m->body, CONTENT_COLOR_MUTED, LAY_ALIGN_LEFT);
    float tw = fminf(total, 38.0f * m->body);
    lay_stack(&y, lay_text(L, &hint, x, y, tw, c->strings[CONTENT_STR_CAREERS_HINT], -1), m->gap);
    size_t nd = c->n_degrees;
    size_t *all = nd ? lay_alloc(L, nd * sizeof *all) : NULL;
    if (all) {
        for (size_t i = 0; i < nd; i++)
            all[i] = i;
        lay_stack(&y, lay_marks_keys(L, x, y, total, all, nd, lay_marks_of(L), -1), m->gap);
    }
    bool shared = false;
    for (size_t i = 0; i < c->n_careers && !shared; i++)
        shared = content_career_shared(c, i);
    if (shared)
        lay_stack(&y, parts_shared_legend(L, x, y, tw), m->gap);
    return y + m->gap;
}

/* Where the cards start, as a dry run of map_header. */
static float cards_top(lay *L, float total)
{
    bool dry = L->dry;
    L->dry = true;
    float y = map_header(L, 0, total);
    L->dry = dry;
    return y;
}

/* ---- the map -------------------------------------------------------------------------- */

float screen_careers_draw(lay *L, const view_place *p)
{
    (void)p;
    const content *c = L->c;
    const lay_metrics *m = &L->m;
    float avail = L->W - 2 * m->pad, hgap = m->pad, vgap = m->gap;
    career_group *g;
    size_t ng = group_careers(L, &g);
    const char(*marks)[LAY_MARK_MAX] = lay_marks_of(L);

    /* Columns: as many as the width holds at 14 body-em or more (a line of
     * about 30 characters), up to 16 em when the widest career pill needs it
     * to stay on one line, no wider than 32 em; fewer when a column would
     * stay empty. Card
     * heights depend on the width, so the count is settled by measuring. */
    float widest = 0;
    for (size_t i = 0; i < c->n_careers; i++) {
        lay_pill pl;
        float pw, ph;
        parts_career_pill(L, i, lay_col(L, CONTENT_COLOR_SHARED), &pl);
        lay_pill_size(L, &pl, avail, &pw, &ph);
        widest = fmaxf(widest, pw);
    }
    float colmin = fmaxf(14.0f * m->body, fminf(widest + 2 * m->pad, 16.0f * m->body));
    size_t ncol = (size_t)fmaxf(1.0f, floorf((avail + hgap) / (colmin + hgap)));
    if (ncol > ng)
        ncol = ng ? ng : 1;
    float colw = avail, colh = 0;
    arrange(L, g, ng, marks, avail, hgap, vgap, &ncol, &colw, &colh);
    /* On a wall or a monitor the map should fit one screen: when the cards
     * would run past the bottom, take the fewest more, narrower columns (down
     * to 10 body-em, where a long career name may take two lines in its pill)
     * that make them fit; then, when no count is enough, tighter pills (half
     * the padding, still at least a touch target tall), kept only when they
     * make the map fit. A map that scrolls anyway keeps its comfortable width
     * and pills, and skips the search when it cannot fit at all. */
    float top = cards_top(L, avail), measured = colw;
    size_t most = (size_t)fmaxf(1.0f, floorf((avail + hgap) / (10.0f * m->body + hgap)));
    if (top + colh > L->view_h && may_fit(g, ng, vgap, most, L->view_h - top)) {
        size_t ncol0 = ncol;
        more_columns(L, g, ng, marks, avail, hgap, vgap, top, most, &ncol, &colw, &colh,
                     &measured);
        if (top + colh > L->view_h) {
            for (size_t i = 0; i < ng; i++)
                g[i].dense = true;
            ncol = ncol0;
            arrange(L, g, ng, marks, avail, hgap, vgap, &ncol, &colw, &colh);
            measured = colw;
            more_columns(L, g, ng, marks, avail, hgap, vgap, top, most, &ncol, &colw, &colh,
                         &measured);
        }
        if (top + colh > L->view_h) {
            for (size_t i = 0; i < ng; i++)
                g[i].dense = false;
            ncol = ncol0;
            arrange(L, g, ng, marks, avail, hgap, vgap, &ncol, &colw, &colh);
            measured = colw;
        }
    }
    /* The cards are drawn at colw: measure again only if a rejected trial
     * left their heights at another width. */
    if (measured != colw)
        for (size_t i = 0; i < ng; i++)
            g[i].h = group_card_height(L, colw, &g[i]);
    float total = (float)ncol * colw + (float)(ncol - 1) * hgap;
    float cx = (L->W - total) / 2;

    float y = map_header(L, cx, total);
    lay_style note = lay_style_of(L, SCENE_FONT_REGULAR, lay_small(L), CONTENT_COLOR_MUTED, LAY_ALIGN_LEFT);
    float tw = fminf(total, 38.0f * m->body);

    /* The cards, down each column in turn. */
    float bottom = y, cy = y, col_x = cx;
    for (size_t i = 0; i < ng; i++) {
        if (cy > y && cy - y + g[i].h > colh + 0.25f) {
            col_x += colw + hgap;
            cy = y;
        }
        float h = group_card(L, col_x, cy, colw, &g[i]);
        cy += h + vgap;
        bottom = fmaxf(bottom, cy - vgap);
    }
    y = bottom + (ng ? 2 * m->gap : 0);
    lay_stack(&y, lay_text(L, &note, cx, y, tw, c->careers_note, -1), 0);
    return y + lay_bottom_pad(L);
}
