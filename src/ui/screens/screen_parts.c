/* layout_screens.c - the page bodies: home, degree, compare, BA/BS and
 * about (the career map and the career page are layout_careers.c). Each draws in page coordinates (y = 0 is the top of the
 * scrolled body) through the toolkit of lay.h and returns the
 * height of its content including the bottom padding. */
#include "lay_qr.h"
#include "screens.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- shared helpers ------------------------------------------------------------ */

static bool degree_ok(const content *c, int i)
{
    return i >= 0 && (size_t)i < c->n_degrees;
}

static bool any_shared(const content *c, const size_t *idx, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (content_career_shared(c, idx[i]))
            return true;
    return false;
}

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
} tap_card;

static float arrow_d(const lay *L)
{
    return 40.0f * L->m.unit;
}

static float tap_card_height(lay *L, const tap_card *t, float w)
{
    float h = lay_measure_fn(L, w - 2 * L->m.pad, t->fn, t->ctx) + 2 * L->m.pad;
    if (t->arrow.a)
        h += L->m.gap + arrow_d(L);
    return fmaxf(h, L->m.target);
}

static void tap_card_draw(lay *L, const tap_card *t, od_rect r, int parent)
{
    if (L->dry)
        return;
    const layout_metrics *m = &L->m;
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
                    lay_col(L, COLOR_ACCENT_TEXT));
    }
    lay_focus_ring(L, r, m->radius, t->action, t->arg);
    lay_hit(L, r, t->action, t->arg, true);
}

/* Lay n tappable cards in balanced rows at most `cols` wide (lay_balance),
 * every card as wide as one of the fullest row, shorter rows centred; each
 * row as tall as its tallest card. get fills card i. Returns the height used. */
typedef void (*tap_card_fn)(const lay *L, const void *ctx, size_t i, tap_card *out);

static float tap_card_grid(lay *L, float x, float y, float w, size_t n, size_t cols,
                           tap_card_fn get, const void *ctx)
{
    if (!n)
        return 0;
    const layout_metrics *m = &L->m;
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
            tap_card t;
            get(L, ctx, i, &t);
            rh = fmaxf(rh, tap_card_height(L, &t, cw));
        }
        float rw = fminf(w, (float)k * cw + (float)(k - 1) * m->gap);
        float rx = x + (w - rw) / 2;
        for (size_t i = r0; i < r1 && !L->dry; i++) {
            tap_card t;
            get(L, ctx, i, &t);
            tap_card_draw(L, &t, (od_rect){ rx + (float)(i - r0) * (cw + m->gap), yy, cw, rh }, -1);
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
static void badge_within(lay *L, float x, float y, float w, size_t ai, od_color c,
                         float *w_out, float *h_out, int box)
{
    bool was = L->dry;
    L->dry = true;
    lay_badge(L, x, y, ai, c, w_out, h_out, box);
    L->dry = was;
    if (*w_out > w + 0.5f) {
        *w_out = *h_out = 0;
        return;
    }
    lay_badge(L, x, y, ai, c, w_out, h_out, box);
}

/* Badge, then the award's full name beside it when it fits on one line,
 * else below. */
static float award_line(lay *L, float x, float y, float w, size_t ai, od_color c, int box)
{
    const layout_metrics *m = &L->m;
    float bw, bh;
    badge_within(L, x, y, w, ai, c, &bw, &bh, box);
    if (ai >= L->c->n_awards)
        return bh;
    const char *name = L->c->awards[ai].name;
    lay_style st = lay_style_of(L, FONT_REGULAR, m->body, COLOR_MUTED, ALIGN_LEFT);
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

/* ---- home ------------------------------------------------------------------------- */

/* What a Home card says besides its award, name and tagline, as the room
 * allows: lay_screen_home picks the most that still keeps every card and
 * every entry on the first screen (a 24-inch monitor or a portrait panel
 * has room to say what a degree is; a 7-inch panel has not). */
enum { HOME_FOCUS = 1, HOME_TOPICS = 2, HOME_CAREERS = 3, HOME_DETAIL_MAX = HOME_CAREERS };

typedef struct {
    const content_degree *d;
    int detail;
} home_card_ctx;

/* A small heading over items joined by middle dots; as many whole items as
 * a few lines' worth of bytes hold, then an ellipsis. */
static float home_facts(lay *L, float x, float y, float w, const char *head,
                        const char *const *items, size_t n, int box)
{
    /* A no-break space before the dot: a line may end with it, never begin. */
    static const char sep[] = "\xc2\xa0\xc2\xa0\xc2\xb7  ", more[] = "\xc2\xa0\xe2\x80\xa6";
    char buf[480];
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(items[i]), need = (i ? sizeof sep - 1 : 0) + l;
        if (k + need + sizeof more > sizeof buf) {
            memcpy(buf + k, more, sizeof more - 1);
            k += sizeof more - 1;
            break;
        }
        if (i) {
            memcpy(buf + k, sep, sizeof sep - 1);
            k += sizeof sep - 1;
        }
        memcpy(buf + k, items[i], l);
        k += l;
    }
    if (!k)
        return 0;
    const layout_metrics *m = &L->m;
    lay_style hs = lay_style_of(L, FONT_BOLD, lay_small(L), COLOR_MUTED, ALIGN_LEFT);
    lay_style st = lay_style_of(L, FONT_REGULAR, lay_small(L), COLOR_TEXT, ALIGN_LEFT);
    st.copy = true; /* buf is gone when this returns */
    float yy = y;
    lay_stack(&yy, lay_text(L, &hs, x, yy, w, head, box), 2.0f * m->unit);
    lay_stack(&yy, lay_text_n(L, &st, x, yy, w, buf, k, box), 0);
    return yy - y;
}

static float home_card_body(lay *L, float x, float y, float w, int box, const void *ctx)
{
    const home_card_ctx *hc = ctx;
    const content_degree *d = hc->d;
    const layout_metrics *m = &L->m;
    float yy = y;
    float bw, bh;
    lay_badge(L, x, yy, d->award_index, d->color, &bw, &bh, box);
    lay_stack(&yy, bh, m->gap);
    lay_style name = lay_style_of(L, FONT_BOLD, lay_fit_size(L, FONT_BOLD, m->h2, m->h3, d->name, w),
                           COLOR_TEXT, ALIGN_LEFT);
    lay_stack(&yy, lay_text(L, &name, x, yy, w, d->name, box), 6.0f * m->unit);
    lay_style tag = lay_style_of(L, FONT_REGULAR, m->body, COLOR_MUTED, ALIGN_LEFT);
    lay_stack(&yy, lay_text(L, &tag, x, yy, w, d->tagline, box), 0);
    if (hc->detail >= HOME_FOCUS && d->focus[0]) {
        lay_style f = lay_style_of(L, FONT_REGULAR, lay_small(L), COLOR_TEXT, ALIGN_LEFT);
        yy += m->gap;
        lay_stack(&yy, lay_text(L, &f, x, yy, w, d->focus, box), 0);
    }
    if (hc->detail >= HOME_TOPICS && d->n_topics) {
        yy += m->gap;
        lay_stack(&yy, home_facts(L, x, yy, w, L->c->strings[STR_TOPICS],
                                  (const char *const *)d->topics, d->n_topics, box), 0);
    }
    if (hc->detail >= HOME_CAREERS && d->n_careers) {
        const char *names[12];
        size_t n = 0;
        for (size_t i = 0; i < d->n_careers && n < sizeof names / sizeof *names; i++)
            names[n++] = L->c->careers[d->careers[i]].name;
        yy += m->gap;
        lay_stack(&yy, home_facts(L, x, yy, w, L->c->strings[STR_CAREER_PATHS], names, n, box),
                  0);
    }
    return yy - y;
}

static void home_card_get(const lay *L, const void *ctx, size_t i, tap_card *out)
{
    const home_card_ctx *cards = ctx;
    const content_degree *d = cards[i].d;
    out->bg = lay_col(L, COLOR_SURFACE);
    out->bg_pressed = lay_col(L, COLOR_SURFACE_ALT);
    out->strip = d->color;
    out->arrow = d->color;
    out->action = ACT_DEGREE;
    out->arg = (int)(d - L->c->degrees);
    out->fn = home_card_body;
    out->ctx = &cards[i];
}

typedef struct {
    content_str title, hint;
    int action, arg;
} entry_ctx;

static float entry_body(lay *L, float x, float y, float w, int box, const void *ctx)
{
    const entry_ctx *e = ctx;
    const layout_metrics *m = &L->m;
    bool pressed = lay_is_pressed(L, e->action, e->arg);
    float cw = 0.3f * m->h3, tw = w - cw - m->gap;
    lay_style t = lay_style_of(L, FONT_BOLD, m->h3, pressed ? COLOR_ACCENT_TEXT : COLOR_TEXT, ALIGN_LEFT);
    lay_style h = lay_style_of(L, FONT_REGULAR, lay_small(L), pressed ? COLOR_ACCENT_TEXT : COLOR_MUTED,
                        ALIGN_LEFT);
    float yy = y;
    lay_stack(&yy, lay_text(L, &t, x, yy, tw, L->c->strings[e->title], box), 4.0f * m->unit);
    lay_stack(&yy, lay_text(L, &h, x, yy, tw, L->c->strings[e->hint], box), 0);
    float th = yy - y;
    lay_chevron(L, x + w - cw / 2, y + th / 2, cw, m->h3, 1,
                lay_col(L, pressed ? COLOR_ACCENT_TEXT : COLOR_ACCENT));
    return th;
}

static void entry_get(const lay *L, const void *ctx, size_t i, tap_card *out)
{
    const entry_ctx *e = ctx;
    memset(out, 0, sizeof *out);
    out->bg = lay_col(L, COLOR_SURFACE);
    out->bg_pressed = lay_col(L, COLOR_ACCENT);
    out->action = e[i].action;
    out->arg = e[i].arg;
    out->fn = entry_body;
    out->ctx = &e[i];
}

float lay_screen_home(lay *L, const view_place *p)
{
    (void)p;
    const content *c = L->c;
    const layout_metrics *m = &L->m;
    float u = m->unit, cx, cw;
    /* Many degrees get a wider column, so they all stay on the first screen. */
    lay_column(L, c->n_degrees > 4 ? 88 : 64, &cx, &cw);
    float y = lay_top_pad(L);

    const char *title = c->strings[STR_HOME_TITLE];
    lay_style h1 = lay_style_of(L, FONT_BOLD, lay_fit_size(L, FONT_BOLD, m->h1, m->h3, title, cw),
                         COLOR_TEXT, ALIGN_LEFT);
    lay_style sub = lay_style_of(L, FONT_REGULAR, m->body, COLOR_MUTED, ALIGN_LEFT);
    lay_stack(&y, lay_text(L, &h1, cx, y, cw, title, -1), 4.0f * u);
    lay_stack(&y, lay_text(L, &sub, cx, y, cw, c->strings[STR_HOME_SUBTITLE], -1), 0);
    y += 1.5f * m->gap;

    /* Entry tiles: three in a row when each keeps 200 units, else stacked. */
    entry_ctx e[5];
    size_t k = 0;
    if (c->n_talks)
        e[k++] = (entry_ctx){ STR_TODAY, STR_TODAY_HINT, ACT_OPEN, SCREEN_TODAY };
    if (c->n_questions)
        e[k++] = (entry_ctx){ STR_QUIZ, STR_QUIZ_HINT, ACT_OPEN, SCREEN_QUIZ };
    if (c->n_degrees >= 2)
        e[k++] = (entry_ctx){ STR_COMPARE, STR_COMPARE_HINT, ACT_COMPARE, 0 };
    if (c->n_careers)
        e[k++] = (entry_ctx){ STR_CAREERS, STR_CAREERS_HINT, ACT_CAREERS, 0 };
    if (c->n_awards)
        e[k++] = (entry_ctx){ STR_BA_BS, STR_BA_BS_HINT, ACT_BABS, 0 };
    size_t ecols = k && (cw - m->gap * (float)(k - 1)) / (float)k >= 200.0f * u ? k : 1;

    lay_pill about;
    memset(&about, 0, sizeof about);
    about.text = c->strings[STR_ABOUT];
    about.font = FONT_BOLD;
    about.size = m->body;
    about.bg = lay_col(L, COLOR_SURFACE_ALT);
    about.fg = lay_col(L, COLOR_TEXT);
    about.action = ACT_ABOUT;
    about.round = true;
    float aw, ah;
    lay_pill_size(L, &about, cw, &aw, &ah);

    /* Degree cards in balanced rows, as many a row as keep a card 12.5 body
     * widths wide (300 units); when that would push the entries below the
     * fold, more a row, down to 8 body widths each, so a screen with room
     * for them shows every degree and every entry at once. */
    size_t n = c->n_degrees;
    home_card_ctx *cards = n ? lay_alloc(L, n * sizeof *cards) : NULL;
    if (cards) {
        for (size_t i = 0; i < n; i++)
            cards[i].d = &c->degrees[i];
        size_t cols = lay_fit_cols(cw, 300.0f * u, m->gap);
        size_t most = lay_fit_cols(cw, 8.0f * m->body, m->gap);
        bool was = L->dry;
        L->dry = true;
        float rest = (k ? tap_card_grid(L, cx, 0, cw, k, ecols, entry_get, e) + 1.5f * m->gap
                        : 0) +
                     ah + lay_bottom_pad(L) + 1.5f * m->gap;
        /* Only when the most a row would fit: otherwise the page scrolls
         * anyway and the comfortable width stays (and a thousand degrees
         * cost two layouts of the grid, not one per column count). */
        /* A card is at least a touch target tall: rows of those that already
         * overflow need no measuring. */
        float least = (float)((n + most - 1) / most) * (m->target + m->gap);
        if (cols < n && cols < most && y + least + rest <= L->view_h &&
            y + tap_card_grid(L, cx, y, cw, n, most, home_card_get, cards) + rest <= L->view_h)
            while (cols < n && cols < most &&
                   y + tap_card_grid(L, cx, y, cw, n, cols, home_card_get, cards) + rest >
                       L->view_h)
                cols++;
        /* Then say as much about each degree as still fits (a few degrees
         * only: a long list is better read short). */
        /* Each level only adds to the one before, so the first that does
         * not fit ends the search: a small panel measures one level. */
        int best = 0;
        for (int lvl = 1; n <= 6 && lvl <= HOME_DETAIL_MAX; lvl++) {
            for (size_t i = 0; i < n; i++)
                cards[i].detail = lvl;
            if (y + tap_card_grid(L, cx, y, cw, n, cols, home_card_get, cards) + rest > L->view_h)
                break;
            best = lvl;
        }
        for (size_t i = 0; i < n; i++)
            cards[i].detail = best;
        L->dry = was;
        lay_stack(&y, tap_card_grid(L, cx, y, cw, n, cols, home_card_get, cards), 1.5f * m->gap);
    }
    if (k)
        lay_stack(&y, tap_card_grid(L, cx, y, cw, k, ecols, entry_get, e), 1.5f * m->gap);

    lay_pill_draw(L, &about, (od_rect){ cx + (cw - aw) / 2, y, aw, ah }, -1);
    y += ah;
    return y + lay_bottom_pad(L);
}

/* ---- degree ------------------------------------------------------------------------ */

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
        return STR_FOCUS;
    case SEC_TOPICS:
        return STR_TOPICS;
    case SEC_SOFTWARE:
        return STR_SOFTWARE;
    case SEC_MODULES:
        return STR_MODULES;
    case SEC_HANDS_ON:
        return STR_HANDS_ON;
    case SEC_CAREERS:
    default:
        return STR_CAREER_PATHS;
    }
}

static float module_body(lay *L, float x, float y, float w, int box, const void *ctx)
{
    const content_module *md = ctx;
    lay_style t = lay_style_of(L, FONT_BOLD, L->m.body, COLOR_TEXT, ALIGN_LEFT);
    lay_style b = lay_style_of(L, FONT_REGULAR, lay_small(L), COLOR_MUTED, ALIGN_LEFT);
    float yy = y;
    lay_stack(&yy, lay_text(L, &t, x, yy, w, md->title, box), 4.0f * L->m.unit);
    lay_stack(&yy, lay_text(L, &b, x, yy, w, md->text, box), 0);
    return yy - y;
}

/* Module cards in as many columns as keep 260 units each, rows of equal
 * height. */
static float modules_grid(lay *L, float x, float y, float w, const content_degree *d, int parent)
{
    const layout_metrics *m = &L->m;
    size_t n = d->n_modules;
    size_t cols = (size_t)fmaxf(1.0f, floorf((w + m->gap) / (260.0f * m->unit + m->gap)));
    if (cols > n)
        cols = n;
    float mw = (w - m->gap * (float)(cols - 1)) / (float)cols, mp = m->gap;
    od_color bg = lay_col(L, COLOR_SURFACE_ALT);
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
    lay_career_pill(L, d->careers[i], od_rgba(0, 0, 0, 0), out);
}

static float sec_body(lay *L, float x, float y, float w, int box, const void *ctx)
{
    const sec_ctx *s = ctx;
    const content_degree *d = s->d;
    const layout_metrics *m = &L->m;
    lay_style body = lay_style_of(L, FONT_REGULAR, m->body, COLOR_TEXT, ALIGN_LEFT);
    lay_style note = lay_style_of(L, FONT_REGULAR, lay_small(L), COLOR_MUTED, ALIGN_LEFT);
    float yy = y;
    lay_stack(&yy, lay_heading(L, x, yy, w, L->c->strings[sec_heading(s->kind)], d->color, box),
          m->gap);
    switch (s->kind) {
    case SEC_FOCUS:
        yy += lay_text(L, &body, x, yy, w, d->focus, box);
        break;
    case SEC_TOPICS:
        yy += lay_chip_list(L, x, yy, w, d->topics, d->n_topics, ALIGN_LEFT, box);
        break;
    case SEC_SOFTWARE:
        yy += lay_chip_list(L, x, yy, w, d->software, d->n_software, ALIGN_LEFT, box);
        break;
    case SEC_MODULES:
        yy += modules_grid(L, x, yy, w, d, box);
        break;
    case SEC_HANDS_ON:
        yy += lay_text(L, &body, x, yy, w, d->hands_on, box);
        break;
    case SEC_CAREERS:
    default:
        lay_stack(&yy, lay_pills(L, x, yy, w, d->n_careers, degree_career_get, d, ALIGN_LEFT,
                             8.0f * m->unit, box),
              m->gap);
        if (any_shared(L->c, d->careers, d->n_careers))
            lay_stack(&yy, lay_shared_legend(L, x, yy, w), m->gap);
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
    const layout_metrics *m = &L->m;
    float yy = y;
    if (hc->named) {
        lay_style title = lay_style_of(L, FONT_BOLD, m->h1, COLOR_TEXT, ALIGN_LEFT);
        lay_stack(&yy, lay_text(L, &title, x, yy, w, d->name, box), m->gap);
    }
    lay_stack(&yy, award_line(L, x, yy, w, d->award_index, d->color, box), m->gap);
    lay_style tag = lay_style_of(L, FONT_REGULAR, m->h3, COLOR_TEXT, ALIGN_LEFT);
    lay_stack(&yy, lay_text(L, &tag, x, yy, w, d->tagline, box), 0);
    if (yy > y && !d->tagline[0])
        yy -= m->gap;
    return yy - y;
}

/* A card with a coloured strip along its top edge. */
static float strip_card(lay *L, float x, float y, float w, od_color strip, lay_body_fn fn,
                        const void *ctx)
{
    const layout_metrics *m = &L->m;
    float h = lay_card(L, x, y, w, 0, m->pad, lay_col(L, COLOR_SURFACE), fn, ctx, -1);
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
    const layout_metrics *m = &L->m;
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
                          lay_col(L, COLOR_SURFACE), sec_body, &s, -1);
        ch[k] += m->gap;
    }
    float h = 0;
    for (size_t j = 0; j < cols; j++)
        h = fmaxf(h, ch[j]);
    return h;
}

float lay_screen_degree(lay *L, const view_place *p)
{
    const content *c = L->c;
    if (!degree_ok(c, p->a))
        return 0;
    const content_degree *d = &c->degrees[p->a];
    const layout_metrics *m = &L->m;
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
    lay_stack(&y, lay_next_talk(L, cx, y, cw, (size_t)p->a, -1), m->gap);

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

/* ---- compare ------------------------------------------------------------------------ */

typedef enum { ROW_AWARD, ROW_FOCUS, ROW_TOPICS, ROW_SOFTWARE, ROW_CAREERS, ROW_COUNT } row_kind;

typedef struct {
    const content_degree *d;
    const content_degree *other;  /* the degree in the other column */
    row_kind kind;
    bool chips;                   /* lists as one joined paragraph (wide cells), not one a line */
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
    lay_career_pill_as(L, cl->idx[i], od_rgba(0, 0, 0, 0), cl->shared, out);
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
    const layout_metrics *m = &L->m;
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
        lay_stack(&yy, lay_pills(L, x, yy, w, 1, career_list_get, &one, ALIGN_LEFT, sp, box), sp);
    }
    if (nb && no)
        yy += m->gap - sp;
    career_list ol = { own, false };
    lay_stack(&yy, lay_pills(L, x, yy, w, no, career_list_get, &ol, ALIGN_LEFT, sp, box), sp);
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
    lay_style st = lay_style_of(L, FONT_REGULAR, lay_small(L), COLOR_TEXT, ALIGN_LEFT);
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
    lay_style st = lay_style_of(L, FONT_REGULAR, lay_small(L), COLOR_TEXT, ALIGN_LEFT);
    st.copy = true;  /* the buffer is scratch, gone at lay_end */
    return lay_text(L, &st, x, y, w, buf, box);
}

static float cell_body(lay *L, float x, float y, float w, int box, const void *ctx)
{
    const cell_ctx *cc = ctx;
    const content_degree *d = cc->d;
    lay_style body = lay_style_of(L, FONT_REGULAR, lay_small(L), COLOR_TEXT, ALIGN_LEFT);
    switch (cc->kind) {
    case ROW_AWARD:
        return award_line(L, x, y, w, d->award_index, d->color, box);
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

/* A row of cells under a heading spanning them: one cell per entry of
 * ctxs, side by side, every cell as tall as the tallest so rows align. */
static float cell_row(lay *L, float x, float y, float w, const char *heading, od_color accent,
                      lay_body_fn fn, const void *ctxs, size_t ctx_size, size_t n, bool stacked)
{
    const layout_metrics *m = &L->m;
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
    int row = lay_box(L, (od_rect){ x, y, w, total }, lay_col(L, COLOR_SURFACE), m->radius, -1);
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
        od_color well = lay_mix(lay_col(L, COLOR_SURFACE), lay_col(L, COLOR_BACKGROUND), 0.6f);
        int cell = lay_box(L, (od_rect){ cxp, cy, cellw, h }, well, 0.7f * m->radius, row);
        fn(L, cxp + cp, cy + cp, cellw - 2 * cp, cell, ci);
        if (stacked)
            cy += h + m->gap;
    }
    return total;
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
    const layout_metrics *m = &L->m;
    float bw, bh;
    float yy = y;
    if (h->badge) {
        badge_within(L, x, yy, w, h->d->award_index, h->d->color, &bw, &bh, box);
        lay_stack(&yy, bh, m->gap);
    }
    lay_style name = lay_style_of(L, FONT_BOLD,
                           lay_fit_size(L, FONT_BOLD, m->h2, m->text_min, h->d->name, w),
                           COLOR_TEXT, ALIGN_LEFT);
    name.color = lay_content_text(L, h->d->color);
    yy += lay_text(L, &name, x, yy, w, h->d->name, box);
    return yy - y;
}

static void col_head_get(const lay *L, const void *ctx, size_t i, tap_card *out)
{
    const col_head_ctx *h = ctx;
    memset(out, 0, sizeof *out);
    out->bg = lay_col(L, COLOR_SURFACE);
    out->bg_pressed = lay_col(L, COLOR_SURFACE_ALT);
    out->strip = h[i].d->color;
    out->action = ACT_DEGREE;
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
    out->font = FONT_BOLD;
    out->size = lay_small(L);
    out->round = true;
    out->action = pk->action;
    out->arg = (int)i;
    if ((int)i == pk->selected) {
        out->bg = d->color;
        out->fg = lay_col(L, COLOR_ACCENT_TEXT);
    } else {
        out->bg = lay_col(L, COLOR_SURFACE_ALT);
        out->fg = lay_col(L, COLOR_TEXT);
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
    const layout_metrics *m = &L->m;
    float cp = m->gap;
    bool was = L->dry;
    L->dry = true;
    float head_h = lay_heading(L, 0, 0, t->head_w, heading, lay_col(L, COLOR_ACCENT), -1);
    L->dry = was;
    float ch = 0;
    for (int i = 0; i < 2; i++)
        ch = fmaxf(ch, lay_measure_fn(L, t->cell_w - 2 * cp, cell_body, &cells[i]) + 2 * cp);
    float h = fmaxf(head_h, ch) + 2 * t->rp;
    if (L->dry)
        return h;
    int row = lay_box(L, (od_rect){ t->x, y, t->w, h }, lay_col(L, COLOR_SURFACE), m->radius, -1);
    lay_heading(L, t->x + t->rp, y + t->rp, t->head_w, heading, lay_col(L, COLOR_ACCENT), row);
    od_color well = lay_mix(lay_col(L, COLOR_SURFACE), lay_col(L, COLOR_BACKGROUND), 0.6f);
    for (int i = 0; i < 2; i++) {
        int cell = lay_box(L, (od_rect){ t->cell_x[i], y + t->rp, t->cell_w, ch }, well,
                           0.7f * m->radius, row);
        cell_body(L, t->cell_x[i] + cp, y + t->rp + cp, t->cell_w - 2 * cp, cell, &cells[i]);
    }
    return h;
}

static const content_str cmp_heading[ROW_COUNT] = { STR_AWARD, STR_FOCUS, STR_TOPICS,
                                                    STR_SOFTWARE, STR_CAREER_PATHS };

/* "First" and its degrees, then "Second" and its degrees, from y; returns
 * the y after them. */
static float compare_pickers(lay *L, float cx, float y, float cw, const lay_style *lab,
                             const content_str label[2], const pick_ctx picks[2])
{
    const layout_metrics *m = &L->m;
    for (int i = 0; i < 2; i++) {
        lay_stack(&y, lay_text(L, lab, cx, y, cw, L->c->strings[label[i]], -1), 6.0f * m->unit);
        lay_stack(&y, lay_pills(L, cx, y, cw, L->c->n_degrees, pick_get, &picks[i], ALIGN_LEFT,
                                8.0f * m->unit, -1),
                  i ? 1.5f * m->gap : m->gap);
    }
    return y;
}

float lay_screen_compare(lay *L, const view_place *p)
{
    const content *c = L->c;
    const layout_metrics *m = &L->m;
    if (!degree_ok(c, p->a) || !degree_ok(c, p->b))
        return 0;
    float cx, cw;
    lay_column(L, 72, &cx, &cw);
    float y = lay_top_pad(L);
    const content_degree *a = &c->degrees[p->a], *b = &c->degrees[p->b];
    col_head_ctx heads[2] = { { a, (size_t)p->a, true }, { b, (size_t)p->b, true } };
    pick_ctx picks[2] = { { ACT_PICK_LEFT, p->a }, { ACT_PICK_RIGHT, p->b } };
    content_str pick_label[2] = { STR_PICK_LEFT, STR_PICK_RIGHT };
    lay_style lab = lay_style_of(L, FONT_BOLD, m->body, COLOR_MUTED, ALIGN_LEFT);

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
                                         &picks[i], ALIGN_LEFT, 8.0f * m->unit, -1));
            y += ph + m->gap;
        } else {
            float hh = 0;
            for (int i = 0; i < 2; i++) {
                tap_card tc;
                col_head_get(L, heads, (size_t)i, &tc);
                hh = fmaxf(hh, tap_card_height(L, &tc, t.cell_w));
            }
            for (int i = 0; i < 2 && !L->dry; i++) {
                tap_card tc;
                col_head_get(L, heads, (size_t)i, &tc);
                tap_card_draw(L, &tc, (od_rect){ t.cell_x[i], y, t.cell_w, hh }, -1);
            }
            y += hh + m->gap;
        }
        for (int k = 0; k < ROW_COUNT; k++) {
            if (cell_empty(c, a, (row_kind)k) && cell_empty(c, b, (row_kind)k))
                continue;
            /* Wide cells hold lists as one paragraph: several items a line
             * keep all five rows on the first screen. */
            cell_ctx cells[2] = { { a, b, (row_kind)k, true }, { b, a, (row_kind)k, true } };
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
                      lay_pills(L, cx, 0, cw, c->n_degrees, pick_get, &picks[i], ALIGN_LEFT,
                                8.0f * m->unit, -1);
            L->dry = was;
            pick_first = ph <= 0.3f * L->view_h;
        }
        if (pick_first)
            y = compare_pickers(L, cx, y, cw, &lab, pick_label, picks);
        /* The column headers sit over the cells: same inner inset as the rows. */
        lay_stack(&y, tap_card_grid(L, cx + m->gap, y, cw - 2 * m->gap, 2, 2, col_head_get, heads),
                  m->gap);
        for (int k = 0; k < ROW_COUNT; k++) {
            if (cell_empty(c, a, (row_kind)k) && cell_empty(c, b, (row_kind)k))
                continue;
            cell_ctx cells[2] = { { a, b, (row_kind)k, false }, { b, a, (row_kind)k, false } };
            y += cell_row(L, cx, y, cw, c->strings[cmp_heading[k]], lay_col(L, COLOR_ACCENT),
                          cell_body, cells, sizeof *cells, 2, false);
            y += m->gap;
        }
        if (c->n_degrees > 2 && !pick_first)
            y = compare_pickers(L, cx, y + m->gap, cw, &lab, pick_label, picks);
    }
    bool shared = false;
    for (size_t i = 0; i < a->n_careers; i++)
        shared |= degree_leads_to(b, a->careers[i]);
    if (shared)
        lay_stack(&y, lay_shared_legend(L, cx, y, cw), m->gap);
    y += m->gap;
    y += lay_conclusion(L, cx, y, cw, c->conclusion, -1);
    return y + lay_bottom_pad(L);
}

/* ---- BA or BS? ------------------------------------------------------------------------ */

typedef struct {
    size_t ai;
} award_ctx;

static float award_body(lay *L, float x, float y, float w, int box, const void *ctx)
{
    const award_ctx *ac = ctx;
    const content_award *a = &L->c->awards[ac->ai];
    const layout_metrics *m = &L->m;
    float u = m->unit, yy = y;
    if (a->short_name[0]) {
        lay_pill badge;
        memset(&badge, 0, sizeof badge);
        badge.text = a->short_name;
        badge.font = FONT_BOLD;
        badge.size = m->h1;
        badge.bg = content_award_color(L->c, ac->ai);
        badge.fg = lay_col(L, COLOR_ACCENT_TEXT);
        badge.action = ACT_NONE;
        float bw, bh;
        lay_pill_size(L, &badge, w, &bw, &bh);
        lay_pill_draw(L, &badge, (od_rect){ x, yy, bw, bh }, box);
        yy += bh + m->gap;
    }
    lay_style name = lay_style_of(L, FONT_BOLD, m->h3, COLOR_TEXT, ALIGN_LEFT);
    lay_style body = lay_style_of(L, FONT_REGULAR, m->body, COLOR_MUTED, ALIGN_LEFT);
    lay_style pt = lay_style_of(L, FONT_REGULAR, lay_small(L), COLOR_TEXT, ALIGN_LEFT);
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
    lay_style lab = lay_style_of(L, FONT_BOLD, lay_small(L), COLOR_TEXT, ALIGN_LEFT);
    lab.color = lay_content_text(L, content_award_color(L->c, v->ai));
    lay_style val = lay_style_of(L, FONT_REGULAR, L->m.body, COLOR_TEXT, ALIGN_LEFT);
    float yy = y;
    lay_stack(&yy, lay_text(L, &lab, x, yy, w, c->awards[v->ai].short_name, box), 4.0f * L->m.unit);
    yy += lay_text(L, &val, x, yy, w, c->award_rows[v->row].values[v->ai], box);
    return yy - y;
}

float lay_screen_babs(lay *L, const view_place *p)
{
    (void)p;
    const content *c = L->c;
    const layout_metrics *m = &L->m;
    float u = m->unit, cx, cw;
    size_t n = c->n_awards;
    lay_column(L, n > 1 ? 64 : 38, &cx, &cw);
    float y = lay_top_pad(L);
    lay_style intro = lay_style_of(L, FONT_REGULAR, m->h3, COLOR_TEXT, ALIGN_LEFT);
    lay_stack(&y, lay_text(L, &intro, cx, y, cw, c->awards_intro, -1), 1.5f * m->gap);

    bool side = n > 0 && (cw - m->gap * (float)(n - 1)) / (float)n >= 260.0f * u;
    award_ctx *ac = n ? lay_alloc(L, n * sizeof *ac) : NULL;
    if (n && ac) {
        for (size_t i = 0; i < n; i++)
            ac[i].ai = i;
        od_color bg = lay_col(L, COLOR_SURFACE);
        if (side) {
            float aw = (cw - m->gap * (float)(n - 1)) / (float)n, rh = 0;
            for (size_t i = 0; i < n; i++)
                rh = fmaxf(rh, lay_measure_fn(L, aw - 2 * m->pad, award_body, &ac[i]) + 2 * m->pad);
            for (size_t i = 0; i < n; i++)
                lay_card(L, cx + (float)i * (aw + m->gap), y, aw, rh, m->pad, bg, award_body,
                         &ac[i], -1);
            y += rh + m->gap;
        } else {
            for (size_t i = 0; i < n; i++)
                y += lay_card(L, cx, y, cw, 0, m->pad, bg, award_body, &ac[i], -1) + m->gap;
        }
        y += m->gap;
    }

    value_ctx *vals = n ? lay_alloc(L, n * sizeof *vals) : NULL;
    for (size_t r = 0; r < c->n_award_rows && vals; r++) {
        for (size_t i = 0; i < n; i++)
            vals[i] = (value_ctx){ i, r };
        y += cell_row(L, cx, y, cw, c->award_rows[r].topic, lay_col(L, COLOR_ACCENT), value_body,
                      vals, sizeof *vals, n, !side);
        y += m->gap;
    }
    y += m->gap;
    y += lay_conclusion(L, cx, y, cw, c->conclusion, -1);
    return y + lay_bottom_pad(L);
}

/* ---- about ---------------------------------------------------------------------------- */

float lay_screen_about(lay *L, const view_place *p)
{
    (void)p;
    const content *c = L->c;
    const layout_metrics *m = &L->m;
    float cx, cw;
    lay_column(L, 38, &cx, &cw);
    float y = lay_top_pad(L);
    lay_style h1 = lay_style_of(L, FONT_BOLD, lay_fit_size(L, FONT_BOLD, m->h1, m->h3, c->title, cw),
                         COLOR_TEXT, ALIGN_LEFT);
    lay_style ver = lay_style_of(L, FONT_REGULAR, lay_small(L), COLOR_MUTED, ALIGN_LEFT);
    lay_style body = lay_style_of(L, FONT_REGULAR, m->body, COLOR_TEXT, ALIGN_LEFT);
    lay_style att = lay_style_of(L, FONT_REGULAR, m->body, COLOR_MUTED, ALIGN_LEFT);
    lay_stack(&y, lay_text(L, &h1, cx, y, cw, c->title, -1), 6.0f * m->unit);
    if (c->version[0] || c->date[0]) {
        char buf[512];
        snprintf(buf, sizeof buf, "%s %s%s%s", c->strings[STR_VERSION], c->version,
                 c->date[0] ? "  \xc2\xb7  " : "", c->date);
        ver.copy = true;
        lay_stack(&y, lay_text(L, &ver, cx, y, cw, buf, -1), m->gap);
    }
    y += m->gap;
    lay_stack(&y, lay_text(L, &att, cx, y, cw, c->attribution, -1), 1.5f * m->gap);
    lay_stack(&y, lay_text(L, &body, cx, y, cw, c->about, -1), 0);
    return y + lay_bottom_pad(L);
}
