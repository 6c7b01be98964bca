/* screen_home.c - Home: the degrees as cards and the entries to the other
 * screens. See screen_home.h. */
#include "screen_home.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "parts.h"

/* What a Home card says besides its award, name and tagline, as the room
 * allows: screen_home_draw picks the most that still keeps every card and
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
    const lay_metrics *m = &L->m;
    lay_style hs = lay_style_of(L, SCENE_FONT_BOLD, lay_small(L), CONTENT_COLOR_MUTED, LAY_ALIGN_LEFT);
    lay_style st = lay_style_of(L, SCENE_FONT_REGULAR, lay_small(L), CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
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
    const lay_metrics *m = &L->m;
    float yy = y;
    float bw, bh;
    parts_badge(L, x, yy, d->award_index, d->color, &bw, &bh, box);
    lay_stack(&yy, bh, m->gap);
    lay_style name = lay_style_of(L, SCENE_FONT_BOLD, lay_fit_size(L, SCENE_FONT_BOLD, m->h2, m->h3, d->name, w),
                           CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
    lay_stack(&yy, lay_text(L, &name, x, yy, w, d->name, box), 6.0f * m->unit);
    lay_style tag = lay_style_of(L, SCENE_FONT_REGULAR, m->body, CONTENT_COLOR_MUTED, LAY_ALIGN_LEFT);
    lay_stack(&yy, lay_text(L, &tag, x, yy, w, d->tagline, box), 0);
    if (hc->detail >= HOME_FOCUS && d->focus[0]) {
        lay_style f = lay_style_of(L, SCENE_FONT_REGULAR, lay_small(L), CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
        yy += m->gap;
        lay_stack(&yy, lay_text(L, &f, x, yy, w, d->focus, box), 0);
    }
    if (hc->detail >= HOME_TOPICS && d->n_topics) {
        yy += m->gap;
        lay_stack(&yy, home_facts(L, x, yy, w, L->c->strings[CONTENT_STR_TOPICS],
                                  (const char *const *)d->topics, d->n_topics, box), 0);
    }
    if (hc->detail >= HOME_CAREERS && d->n_careers) {
        const char *names[12];
        size_t n = 0;
        for (size_t i = 0; i < d->n_careers && n < sizeof names / sizeof *names; i++)
            names[n++] = L->c->careers[d->careers[i]].name;
        yy += m->gap;
        lay_stack(&yy, home_facts(L, x, yy, w, L->c->strings[CONTENT_STR_CAREER_PATHS], names, n, box),
                  0);
    }
    return yy - y;
}

static void home_card_get(const lay *L, const void *ctx, size_t i, parts_tap_card *out)
{
    const home_card_ctx *cards = ctx;
    const content_degree *d = cards[i].d;
    out->bg = lay_col(L, CONTENT_COLOR_SURFACE);
    out->bg_pressed = lay_col(L, CONTENT_COLOR_SURFACE_ALT);
    out->strip = d->color;
    out->arrow = d->color;
    out->action = VIEW_ACT_DEGREE;
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
    const lay_metrics *m = &L->m;
    bool pressed = lay_is_pressed(L, e->action, e->arg);
    float cw = 0.3f * m->h3, tw = w - cw - m->gap;
    lay_style t = lay_style_of(L, SCENE_FONT_BOLD, m->h3, pressed ? CONTENT_COLOR_ACCENT_TEXT : CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
    lay_style h = lay_style_of(L, SCENE_FONT_REGULAR, lay_small(L), pressed ? CONTENT_COLOR_ACCENT_TEXT : CONTENT_COLOR_MUTED,
                        LAY_ALIGN_LEFT);
    float yy = y;
    lay_stack(&yy, lay_text(L, &t, x, yy, tw, L->c->strings[e->title], box), 4.0f * m->unit);
    lay_stack(&yy, lay_text(L, &h, x, yy, tw, L->c->strings[e->hint], box), 0);
    float th = yy - y;
    lay_chevron(L, x + w - cw / 2, y + th / 2, cw, m->h3, 1,
                lay_col(L, pressed ? CONTENT_COLOR_ACCENT_TEXT : CONTENT_COLOR_ACCENT));
    return th;
}

static void entry_get(const lay *L, const void *ctx, size_t i, parts_tap_card *out)
{
    const entry_ctx *e = ctx;
    memset(out, 0, sizeof *out);
    out->bg = lay_col(L, CONTENT_COLOR_SURFACE);
    out->bg_pressed = lay_col(L, CONTENT_COLOR_ACCENT);
    out->action = e[i].action;
    out->arg = e[i].arg;
    out->fn = entry_body;
    out->ctx = &e[i];
}

float screen_home_draw(lay *L, const view_place *p)
{
    (void)p;
    const content *c = L->c;
    const lay_metrics *m = &L->m;
    float u = m->unit, cx, cw;
    /* Many degrees get a wider column, so they all stay on the first screen. */
    lay_column(L, c->n_degrees > 4 ? 88 : 64, &cx, &cw);
    float y = lay_top_pad(L);

    const char *title = c->strings[CONTENT_STR_HOME_TITLE];
    lay_style h1 = lay_style_of(L, SCENE_FONT_BOLD, lay_fit_size(L, SCENE_FONT_BOLD, m->h1, m->h3, title, cw),
                         CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
    lay_style sub = lay_style_of(L, SCENE_FONT_REGULAR, m->body, CONTENT_COLOR_MUTED, LAY_ALIGN_LEFT);
    lay_stack(&y, lay_text(L, &h1, cx, y, cw, title, -1), 4.0f * u);
    lay_stack(&y, lay_text(L, &sub, cx, y, cw, c->strings[CONTENT_STR_HOME_SUBTITLE], -1), 0);
    y += 1.5f * m->gap;

    /* Entry tiles: three in a row when each keeps 200 units, else stacked. */
    entry_ctx e[5];
    size_t k = 0;
    if (c->n_talks)
        e[k++] = (entry_ctx){ CONTENT_STR_TODAY, CONTENT_STR_TODAY_HINT, VIEW_ACT_OPEN, VIEW_SCREEN_TODAY };
    if (c->n_questions)
        e[k++] = (entry_ctx){ CONTENT_STR_QUIZ, CONTENT_STR_QUIZ_HINT, VIEW_ACT_OPEN, VIEW_SCREEN_QUIZ };
    if (c->n_degrees >= 2)
        e[k++] = (entry_ctx){ CONTENT_STR_COMPARE, CONTENT_STR_COMPARE_HINT, VIEW_ACT_COMPARE, 0 };
    if (c->n_careers)
        e[k++] = (entry_ctx){ CONTENT_STR_CAREERS, CONTENT_STR_CAREERS_HINT, VIEW_ACT_CAREERS, 0 };
    if (c->n_awards)
        e[k++] = (entry_ctx){ CONTENT_STR_BA_BS, CONTENT_STR_BA_BS_HINT, VIEW_ACT_BABS, 0 };
    size_t ecols = k && (cw - m->gap * (float)(k - 1)) / (float)k >= 200.0f * u ? k : 1;

    lay_pill about;
    memset(&about, 0, sizeof about);
    about.text = c->strings[CONTENT_STR_ABOUT];
    about.font = SCENE_FONT_BOLD;
    about.size = m->body;
    about.bg = lay_col(L, CONTENT_COLOR_SURFACE_ALT);
    about.fg = lay_col(L, CONTENT_COLOR_TEXT);
    about.action = VIEW_ACT_ABOUT;
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
        float rest = (k ? parts_tap_card_grid(L, cx, 0, cw, k, ecols, entry_get, e) + 1.5f * m->gap
                        : 0) +
                     ah + lay_bottom_pad(L) + 1.5f * m->gap;
        /* Only when the most a row would fit: otherwise the page scrolls
         * anyway and the comfortable width stays (and a thousand degrees
         * cost two layouts of the grid, not one per column count). */
        /* A card is at least a touch target tall: rows of those that already
         * overflow need no measuring. */
        float least = (float)((n + most - 1) / most) * (m->target + m->gap);
        if (cols < n && cols < most && y + least + rest <= L->view_h &&
            y + parts_tap_card_grid(L, cx, y, cw, n, most, home_card_get, cards) + rest <= L->view_h)
            while (cols < n && cols < most &&
                   y + parts_tap_card_grid(L, cx, y, cw, n, cols, home_card_get, cards) + rest >
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
            if (y + parts_tap_card_grid(L, cx, y, cw, n, cols, home_card_get, cards) + rest > L->view_h)
                break;
            best = lvl;
        }
        for (size_t i = 0; i < n; i++)
            cards[i].detail = best;
        L->dry = was;
        lay_stack(&y, parts_tap_card_grid(L, cx, y, cw, n, cols, home_card_get, cards), 1.5f * m->gap);
    }
    if (k)
        lay_stack(&y, parts_tap_card_grid(L, cx, y, cw, k, ecols, entry_get, e), 1.5f * m->gap);

    lay_pill_draw(L, &about, (od_rect){ cx + (cw - aw) / 2, y, aw, ah }, -1);
    y += ah;
    return y + lay_bottom_pad(L);
}
