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

static float row_h(lay *L, const content_notice *n)
{
    const lay_metrics *m = &L->m;
    float lw = label_w(L, n);
    lay_style st = { n->level == CONTENT_NOTICE_URGENT ? SCENE_FONT_BOLD : SCENE_FONT_REGULAR, m->body,
                     lay_col(L, CONTENT_COLOR_TEXT), LAY_ALIGN_LEFT, false };
    float w = L->W - 2 * m->pad - lw;
    if (w < 4 * m->body)
        w = L->W - 2 * m->pad; /* a narrow screen: the label above the text */
    float th = lay_text_height(L, &st, w, n->text, strlen(n->text), NULL);
    if (w == L->W - 2 * m->pad && lw > 0)
        th += lay_lh(L, SCENE_FONT_BOLD, m->body);
    return th + 2 * row_pad(L);
}

float notice_band_height(lay *L)
{
    if (!L->c)
        return 0;
    float h = 0;
    int now = wall(L);
    for (size_t i = 0; i < L->c->n_notices; i++)
        if (notices_active(L->c, i, now))
            h += row_h(L, &L->c->notices[i]);
    return h;
}

static float draw_row(lay *L, const content_notice *n, float y)
{
    const lay_metrics *m = &L->m;
    bool urgent = n->level == CONTENT_NOTICE_URGENT;
    float h = row_h(L, n);
    od_color bg = urgent ? od_rgba(255, 221, 51, 255) : lay_col(L, CONTENT_COLOR_SURFACE_ALT);
    od_color fg = urgent ? od_rgba(0, 0, 0, 255) : lay_col(L, CONTENT_COLOR_TEXT);
    int box = lay_box(L, (od_rect){ 0, y, L->W, h }, bg, 0, -1);
    if (box >= 0)
        L->s->cmds[box].level = (int16_t)(urgent ? LAY_LEVEL_NOTICE + 1 : LAY_LEVEL_NOTICE);
    float x = m->pad, w = L->W - 2 * m->pad, ty = y + row_pad(L);
    lay_style st = { urgent ? SCENE_FONT_BOLD : SCENE_FONT_REGULAR, m->body, fg, LAY_ALIGN_LEFT, false };
    float lw = label_w(L, n);
    if (lw > 0) {
        lay_style lab = { SCENE_FONT_BOLD, m->body, fg, LAY_ALIGN_LEFT, false };
        lay_text(L, &lab, x, ty, lw, lay_str(L, CONTENT_STR_NOTICE_URGENT), box);
        if (w - lw >= 4 * m->body) {
            x += lw;
            w -= lw;
        } else {
            ty += lay_lh(L, SCENE_FONT_BOLD, m->body);
        }
    }
    lay_text(L, &st, x, ty, w, n->text, box);
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
    /* Urgent rows first, then the rest, in the order written. */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < L->c->n_notices; i++) {
            const content_notice *n = &L->c->notices[i];
            if (!notices_active(L->c, i, now) || (n->level == CONTENT_NOTICE_URGENT) != (pass == 0))
                continue;
            float h = urgent == (pass == 0) ? draw_row(L, n, y) : row_h(L, n);
            y += h;
        }
    L->ox = ox;
    L->oy = oy;
    L->alpha = alpha;
    return y;
}
