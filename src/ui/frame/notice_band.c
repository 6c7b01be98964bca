/* notice_band.c - the notices band (notices.json): the notices that
 * apply now, one a row, across the screen under the header (above it when
 * the header sits at the bottom), or at the top of the attract loop.
 *
 * An info notice is a quiet row in the theme's colours. An urgent one is a
 * bar of fixed high contrast (black on yellow, about 15:1 whatever the
 * theme) led by the word from CONTENT_STR_NOTICE_URGENT, so urgency is in words as
 * well as colour; it is drawn after every overlay (the accessibility panel,
 * the reset warning), so nothing covers it. The rows' blocks sit on levels
 * of their own (LAY_LEVEL_NOTICE), above the page they share the screen
 * with. */
#include "notice_band.h"
#include "notices.h"

#include <math.h>
#include <string.h>

static int wall(const lay *L)
{
    return L->in && L->in->clock_known ? L->in->clock_min : -1;
}

static float row_pad(const lay *L)
{
    return 0.4f * L->m.pad;
}

/* The label before an urgent notice's text: its width, or 0 for info. */
static float label_w(const lay *L, const content_notice *n)
{
    if (n->level != CONTENT_NOTICE_URGENT)
        return 0;
    const char *s = lay_str(L, CONTENT_STR_NOTICE_URGENT);
    return lay_tw(L, SCENE_FONT_BOLD, L->m.body, s, strlen(s)) + L->m.gap;
}

static lay_style row_style(const lay *L, const content_notice *n, od_color fg)
{
    lay_style st = { n->level == CONTENT_NOTICE_URGENT ? SCENE_FONT_BOLD : SCENE_FONT_REGULAR,
                     L->m.body, fg, LAY_ALIGN_LEFT, false };
    return st;
}

/* A row `rw` wide written out whole: the text wrapped beside its label,
 * or under it when that leaves it under four body-em. */
static float row_h_at(lay *L, const content_notice *n, float rw)
{
    const lay_metrics *m = &L->m;
    float lw = label_w(L, n);
    lay_style st = row_style(L, n, lay_col(L, CONTENT_COLOR_TEXT));
    float full = rw - 2 * m->pad, w = full - lw;
    bool under = w < 4 * m->body;
    if (under)
        w = full;
    float th = lay_text_height(L, &st, w > 1 ? w : 1, n->text, strlen(n->text), NULL);
    if (under && lw > 0)
        th += lay_lh(L, SCENE_FONT_BOLD, m->body);
    return th + 2 * row_pad(L);
}

static float row_h_whole(lay *L, const content_notice *n)
{
    return row_h_at(L, n, L->W);
}

/* A row shortened to one line: tall enough to be a target. */
static float row_h_short(const lay *L)
{
    return fmaxf(lay_lh(L, SCENE_FONT_BOLD, L->m.body) + 2 * row_pad(L), L->m.target);
}

float notice_band_budget(const lay *L)
{
    /* A sixth of the height: on the 7-inch panel two lines of body text,
     * on a monitor several whole notices. */
    return L->H / 6.0f;
}

/* Are the rows shortened to a line each (the whole band over budget)? */
static bool band_short(lay *L)
{
    float h = 0;
    int now = wall(L);
    for (size_t i = 0; i < L->c->n_notices; i++)
        if (notices_active(L->c, i, now))
            h += row_h_whole(L, &L->c->notices[i]);
    return h > notice_band_budget(L) + 0.5f;
}

/* The notice a shortened band shows: the first urgent one in force, else
 * the first in force; false when none is. */
static bool band_lead(lay *L, size_t *lead, bool *any_urgent)
{
    int now = wall(L);
    bool found = false;
    *any_urgent = false;
    for (size_t i = 0; i < L->c->n_notices; i++) {
        if (!notices_active(L->c, i, now))
            continue;
        bool u = L->c->notices[i].level == CONTENT_NOTICE_URGENT;
        if (!found || (u && !*any_urgent)) {
            *lead = i;
            found = true;
        }
        *any_urgent |= u;
    }
    return found;
}

float notice_band_height(lay *L)
{
    if (!L->c)
        return 0;
    size_t lead;
    bool urgent;
    if (!band_lead(L, &lead, &urgent))
        return 0;
    if (band_short(L))
        return row_h_short(L);
    float h = 0;
    int now = wall(L);
    for (size_t i = 0; i < L->c->n_notices; i++)
        if (notices_active(L->c, i, now))
            h += row_h_whole(L, &L->c->notices[i]);
    return h;
}

static od_color row_bg(const lay *L, bool urgent)
{
    return urgent ? od_rgba(255, 221, 51, 255) : lay_col(L, CONTENT_COLOR_SURFACE_ALT);
}

static od_color row_fg(const lay *L, bool urgent)
{
    return urgent ? od_rgba(0, 0, 0, 255) : lay_col(L, CONTENT_COLOR_TEXT);
}

static float draw_row(lay *L, size_t idx, float y, bool sh)
{
    const content_notice *n = &L->c->notices[idx];
    const lay_metrics *m = &L->m;
    bool urgent = n->level == CONTENT_NOTICE_URGENT;
    float h = sh ? row_h_short(L) : row_h_whole(L, n);
    od_color fg = row_fg(L, urgent);
    int box = lay_box(L, (od_rect){ 0, y, L->W, h }, row_bg(L, urgent), 0, -1);
    if (box >= 0)
        L->s->cmds[box].level = (int16_t)(urgent ? LAY_LEVEL_NOTICE + 1 : LAY_LEVEL_NOTICE);
    float x = m->pad, w = L->W - 2 * m->pad;
    float lh = lay_lh(L, SCENE_FONT_BOLD, m->body);
    float ty = sh ? y + (h - lh) / 2 : y + row_pad(L);
    lay_style st = row_style(L, n, fg);
    /* Shortened: a chevron at the end says the row opens. */
    float chev = sh ? 0.3f * m->body : 0;
    if (sh)
        w -= chev + m->gap;
    float lw = label_w(L, n);
    if (lw > 0) {
        lay_style lab = { SCENE_FONT_BOLD, m->body, fg, LAY_ALIGN_LEFT, false };
        lay_text(L, &lab, x, ty, lw, lay_str(L, CONTENT_STR_NOTICE_URGENT), box);
        if (w - lw >= 4 * m->body) {
            x += lw;
            w -= lw;
        } else if (!sh) {
            ty += lh;
        }
    }
    if (sh) {
        size_t len = strlen(n->text);
        char *buf = lay_alloc(L, len + 4);
        if (buf && !L->dry && w >= m->body) {
            float tw;
            size_t k = text_ellipsize(&L->text, st.font, st.size, n->text, len, w, buf, &tw);
            /* buf is scratch: the line keeps a copy in the scene. */
            lay_text_n(L, &st, x, ty, w, scene_strdup(L->s, buf, k), k, box);
        }
        lay_chevron(L, L->W - m->pad - chev / 2, y + h / 2, chev, m->body, 1, fg);
        lay_hit(L, (od_rect){ 0, y, L->W, h }, VIEW_ACT_NOTICE, 0, true);
    } else {
        lay_text(L, &st, x, ty, w, n->text, box);
    }
    return h;
}

float notice_band_draw(lay *L, float y, bool urgent)
{
    if (!L->c)
        return 0;
    int now = wall(L);
    float ox = L->ox, oy = L->oy, alpha = L->alpha;
    L->ox = L->oy = 0;
    L->alpha = 1;
    size_t lead;
    bool any_urgent;
    if (!band_lead(L, &lead, &any_urgent)) {
        /* nothing in force */
    } else if (band_short(L)) {
        /* Over budget: one row, the lead notice on one line; a touch opens
         * them all whole. Drawn with the urgent rows when it is one. */
        if (urgent == any_urgent)
            draw_row(L, lead, y, true);
        y += row_h_short(L);
    } else {
        /* Urgent rows first, then the rest, in the order written. */
        for (int pass = 0; pass < 2; pass++)
            for (size_t i = 0; i < L->c->n_notices; i++) {
                const content_notice *n = &L->c->notices[i];
                if (!notices_active(L->c, i, now) ||
                    (n->level == CONTENT_NOTICE_URGENT) != (pass == 0))
                    continue;
                y += urgent == (pass == 0) ? draw_row(L, i, y, false) : row_h_whole(L, n);
            }
    }
    L->ox = ox;
    L->oy = oy;
    L->alpha = alpha;
    return y;
}

float notice_band_page(lay *L)
{
    if (!L->c)
        return 0;
    const lay_metrics *m = &L->m;
    int now = wall(L);
    float x = m->pad, w = L->W - 2 * m->pad, y = lay_top_pad(L);
    const char *title = lay_str(L, CONTENT_STR_NOTICES_TITLE);
    lay_style head = { SCENE_FONT_BOLD, lay_fit_size(L, SCENE_FONT_BOLD, m->h3, m->body, title, w),
                       lay_col(L, CONTENT_COLOR_TEXT), LAY_ALIGN_LEFT, false };
    y += lay_text(L, &head, x, y, w, title, -1) + m->gap;
    /* Every notice in force, urgent ones first, each whole in its band's
     * colours. */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < L->c->n_notices; i++) {
            const content_notice *n = &L->c->notices[i];
            if (!notices_active(L->c, i, now) || (n->level == CONTENT_NOTICE_URGENT) != (pass == 0))
                continue;
            bool urgent = pass == 0;
            float rh = row_h_at(L, n, w);
            int row = lay_box(L, (od_rect){ x, y, w, rh }, row_bg(L, urgent), 6.0f * m->unit, -1);
            float tx = x + m->pad, tw = w - 2 * m->pad, ty = y + row_pad(L);
            od_color fg = row_fg(L, urgent);
            float lw = label_w(L, n);
            if (lw > 0) {
                lay_style lab = { SCENE_FONT_BOLD, m->body, fg, LAY_ALIGN_LEFT, false };
                lay_text(L, &lab, tx, ty, lw, lay_str(L, CONTENT_STR_NOTICE_URGENT), row);
                if (tw - lw >= 4 * m->body) {
                    tx += lw;
                    tw -= lw;
                } else {
                    ty += lay_lh(L, SCENE_FONT_BOLD, m->body);
                }
            }
            lay_style st = row_style(L, n, fg);
            lay_text(L, &st, tx, ty, tw, n->text, row);
            y += rh + m->gap;
        }
    lay_pill done;
    memset(&done, 0, sizeof done);
    done.text = lay_str(L, CONTENT_STR_DONE);
    done.font = SCENE_FONT_BOLD;
    done.size = m->body;
    done.bg = lay_col(L, CONTENT_COLOR_ACCENT);
    done.fg = lay_col(L, CONTENT_COLOR_ACCENT_TEXT);
    done.action = VIEW_ACT_NOTICE;
    done.arg = -1;
    done.round = true;
    float dw, dh;
    lay_pill_size(L, &done, w, &dw, &dh);
    lay_pill_draw(L, &done, (od_rect){ x + w - dw, y, dw, dh }, -1);
    return y + dh + lay_bottom_pad(L);
}
