/* screen_degree.c - the page of one degree: its hero, its sections and its
 * QR code. See screen_degree.h. */
#include "screen_degree.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lay_qr.h"
#include "parts.h"
#include "screen_today.h"

static bool any_shared(const content *c, const size_t *idx, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (content_career_shared(c, idx[i]))
            return true;
    return false;
}

typedef enum { SEC_FOCUS, SEC_TOPICS, SEC_SOFTWARE, SEC_MODULES, SEC_HANDS_ON, SEC_CAREERS } sec_kind;

typedef struct {
    const content_degree *d;
    sec_kind kind;
} sec_ctx;

static bool sec_present(const content_degree *d, sec_kind k)
{
    switch (k) {
    case SEC_FOCUS:
        return d->focus[0] != '\0';
    case SEC_TOPICS:
        return d->n_topics > 0;
    case SEC_SOFTWARE:
        return d->n_software > 0;
    case SEC_MODULES:
        return d->n_modules > 0;
    case SEC_HANDS_ON:
        return d->hands_on[0] != '\0';
    case SEC_CAREERS:
        return d->n_careers > 0 || d->careers_note[0] != '\0';
    default:
        return false;
    }
}

static content_str sec_heading(sec_kind k)
{
    switch (k) {
    case SEC_FOCUS:
        return CONTENT_STR_FOCUS;
    case SEC_TOPICS:
        return CONTENT_STR_TOPICS;
    case SEC_SOFTWARE:
        return CONTENT_STR_SOFTWARE;
    case SEC_MODULES:
        return CONTENT_STR_MODULES;
    case SEC_HANDS_ON:
        return CONTENT_STR_HANDS_ON;
    case SEC_CAREERS:
    default:
        return CONTENT_STR_CAREER_PATHS;
    }
}

static float module_body(lay *L, float x, float y, float w, int box, const void *ctx)
{
    const content_module *md = ctx;
    lay_style t = lay_style_of(L, SCENE_FONT_BOLD, L->m.body, CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
    lay_style b = lay_style_of(L, SCENE_FONT_REGULAR, lay_small(L), CONTENT_COLOR_MUTED, LAY_ALIGN_LEFT);
    float yy = y;
    lay_stack(&yy, lay_text(L, &t, x, yy, w, md->title, box), 4.0f * L->m.unit);
    lay_stack(&yy, lay_text(L, &b, x, yy, w, md->text, box), 0);
    return yy - y;
}

/* Module cards in as many columns as keep 260 units each, rows of equal
 * height. */
static float modules_grid(lay *L, float x, float y, float w, const content_degree *d, int parent)
{
    const lay_metrics *m = &L->m;
    size_t n = d->n_modules;
    size_t cols = (size_t)fmaxf(1.0f, floorf((w + m->gap) / (260.0f * m->unit + m->gap)));
    if (cols > n)
        cols = n;
    float mw = (w - m->gap * (float)(cols - 1)) / (float)cols, mp = m->gap;
    od_color bg = lay_col(L, CONTENT_COLOR_SURFACE_ALT);
    float yy = y;
    for (size_t r0 = 0; r0 < n; r0 += cols) {
        size_t r1 = r0 + cols < n ? r0 + cols : n;
        float rh = 0;
        for (size_t i = r0; i < r1; i++)
            rh = fmaxf(rh, lay_measure_fn(L, mw - 2 * mp, module_body, &d->modules[i]) + 2 * mp);
        for (size_t i = r0; i < r1 && !L->dry; i++)
            lay_card(L, x + (float)(i - r0) * (mw + m->gap), yy, mw, rh, mp, bg, module_body,
                     &d->modules[i], parent);
        yy += rh;
        if (r1 < n)
            yy += m->gap;
    }
    return yy - y;
}

static void degree_career_get(const lay *L, const void *ctx, size_t i, lay_pill *out)
{
    const content_degree *d = ctx;
    parts_career_pill(L, d->careers[i], od_rgba(0, 0, 0, 0), out);
}

static float sec_body(lay *L, float x, float y, float w, int box, const void *ctx)
{
    const sec_ctx *s = ctx;
    const content_degree *d = s->d;
    const lay_metrics *m = &L->m;
    lay_style body = lay_style_of(L, SCENE_FONT_REGULAR, m->body, CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
    lay_style note = lay_style_of(L, SCENE_FONT_REGULAR, lay_small(L), CONTENT_COLOR_MUTED, LAY_ALIGN_LEFT);
    float yy = y;
    lay_stack(&yy, lay_heading(L, x, yy, w, L->c->strings[sec_heading(s->kind)], d->color, box),
          m->gap);
    switch (s->kind) {
    case SEC_FOCUS:
        yy += lay_text(L, &body, x, yy, w, d->focus, box);
        break;
    case SEC_TOPICS:
        yy += lay_chip_list(L, x, yy, w, d->topics, d->n_topics, LAY_ALIGN_LEFT, box);
        break;
    case SEC_SOFTWARE:
        yy += lay_chip_list(L, x, yy, w, d->software, d->n_software, LAY_ALIGN_LEFT, box);
        break;
    case SEC_MODULES:
        yy += modules_grid(L, x, yy, w, d, box);
        break;
    case SEC_HANDS_ON:
        yy += lay_text(L, &body, x, yy, w, d->hands_on, box);
        break;
    case SEC_CAREERS:
    default:
        lay_stack(&yy, lay_pills(L, x, yy, w, d->n_careers, degree_career_get, d, LAY_ALIGN_LEFT,
                             8.0f * m->unit, box),
              m->gap);
        if (any_shared(L->c, d->careers, d->n_careers))
            lay_stack(&yy, parts_shared_legend(L, x, yy, w), m->gap);
        lay_stack(&yy, lay_text(L, &note, x, yy, w, d->careers_note, box), 0);
        /* lay_stack() leaves a trailing gap after the last block that drew. */
        if (yy > y && !d->careers_note[0])
            yy -= m->gap;
        break;
    }
    return yy - y;
}

typedef struct {
    const content_degree *d;
    bool named; /* the degree's name as the page's headline */
} hero_ctx;

static float degree_hero(lay *L, float x, float y, float w, int box, const void *ctx)
{
    const hero_ctx *hc = ctx;
    const content_degree *d = hc->d;
    const lay_metrics *m = &L->m;
    float yy = y;
    if (hc->named) {
        lay_style title = lay_style_of(L, SCENE_FONT_BOLD, m->h1, CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
        lay_stack(&yy, lay_text(L, &title, x, yy, w, d->name, box), m->gap);
    }
    lay_stack(&yy, parts_award_line(L, x, yy, w, d->award_index, d->color, box), m->gap);
    lay_style tag = lay_style_of(L, SCENE_FONT_REGULAR, m->h3, CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
    lay_stack(&yy, lay_text(L, &tag, x, yy, w, d->tagline, box), 0);
    if (yy > y && !d->tagline[0])
        yy -= m->gap;
    return yy - y;
}

/* A card with a coloured strip along its top edge. */
static float strip_card(lay *L, float x, float y, float w, od_color strip, lay_body_fn fn,
                        const void *ctx)
{
    const lay_metrics *m = &L->m;
    float h = lay_card(L, x, y, w, 0, m->pad, lay_col(L, CONTENT_COLOR_SURFACE), fn, ctx, -1);
    lay_rect(L, (od_rect){ x + m->radius, y, w - 2 * m->radius, 5.0f * m->unit }, strip,
             2.5f * m->unit);
    return h;
}

/* The sections in reading order, each into the column that is shortest so
 * far (a masonry), so no column runs far below the others. One column: a
 * plain stack. Returns the height of the tallest column. */
static float degree_sections(lay *L, float x, float y, float w, size_t cols,
                             const content_degree *d, const sec_kind *kinds, size_t nk)
{
    enum { COLS_MAX = 4 };
    const lay_metrics *m = &L->m;
    if (cols < 1)
        cols = 1;
    if (cols > COLS_MAX)
        cols = COLS_MAX;
    float colw = (w - m->gap * (float)(cols - 1)) / (float)cols;
    float ch[COLS_MAX] = { 0 };
    for (size_t i = 0; i < nk; i++) {
        if (!sec_present(d, kinds[i]))
            continue;
        size_t k = 0;
        for (size_t j = 1; j < cols; j++)
            if (ch[j] < ch[k] - 0.5f)
                k = j;
        sec_ctx s = { d, kinds[i] };
        ch[k] += lay_card(L, x + (float)k * (colw + m->gap), y + ch[k], colw, 0, m->pad,
                          lay_col(L, CONTENT_COLOR_SURFACE), sec_body, &s, -1);
        ch[k] += m->gap;
    }
    float h = 0;
    for (size_t j = 0; j < cols; j++)
        h = fmaxf(h, ch[j]);
    return h;
}

float screen_degree_draw(lay *L, const view_place *p)
{
    const content *c = L->c;
    if (!parts_degree_ok(c, p->a))
        return 0;
    const content_degree *d = &c->degrees[p->a];
    const lay_metrics *m = &L->m;
    /* Columns of at least 22 body widths (a comfortable line of prose), at
     * most three; the page no wider than three columns of 32. */
    float avail = L->W - 2 * m->pad;
    size_t cols = lay_fit_cols(avail, 22.0f * m->body, m->gap);
    if (cols > 3)
        cols = 3;
    float cx, cw;
    lay_column(L, cols > 1 ? 32.0f * (float)cols : 38, &cx, &cw);
    float y = lay_top_pad(L);
    /* The QR code: beside the hero on a page of columns (on the first
     * screen), else at the end of the page. */
    float qw = lay_qr_width(L, d->url, cw / 3);
    bool qr_beside = cols > 1 && qw > 0 && cw - qw - m->gap >= 22.0f * m->body;
    float hero_w = qr_beside ? cw - qw - m->gap : cw;
    /* Beside the code the hero has the room of the code's height: the
     * degree's name heads the page there, where the bar's title is small
     * for the screen. */
    hero_ctx hc = { d, qr_beside };
    float hh = strip_card(L, cx, y, hero_w, d->color, degree_hero, &hc);
    if (qr_beside)
        hh = fmaxf(hh, lay_qr_block(L, cx + hero_w + m->gap, y, qw, d->url, -1));
    y += hh + m->gap;
    lay_stack(&y, screen_today_next_talk(L, cx, y, cw, (size_t)p->a, -1), m->gap);

    static const sec_kind all[] = { SEC_FOCUS, SEC_TOPICS, SEC_SOFTWARE, SEC_MODULES,
                                    SEC_HANDS_ON, SEC_CAREERS };
    y += degree_sections(L, cx, y, cw, cols, d, all, 6);
    if (!qr_beside)
        lay_stack(&y, lay_qr_block(L, cx, y + m->gap, cw, d->url, -1), 2 * m->gap);
    if (c->n_degrees > 1) {
        y += m->gap;
        size_t n = c->n_degrees, i = (size_t)p->a;
        y += lay_sibling_nav(L, cx, y, cw, i, n, d->color, c->degrees[(i + n - 1) % n].name,
                             c->degrees[(i + 1) % n].name);
    }
    return y + lay_bottom_pad(L);
}
