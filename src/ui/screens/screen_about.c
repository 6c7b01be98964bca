/* screen_about.c - About: the content's title, version, attribution and
 * text. See screen_about.h. */
#include "screen_about.h"

#include <stdio.h>

float screen_about_draw(lay *L, const view_place *p)
{
    (void)p;
    const content *c = L->c;
    const lay_metrics *m = &L->m;
    float cx, cw;
    lay_column(L, 38, &cx, &cw);
    float y = lay_top_pad(L);
    lay_style h1 = lay_style_of(L, SCENE_FONT_BOLD, lay_fit_size(L, SCENE_FONT_BOLD, m->h1, m->h3, c->title, cw),
                         CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
    lay_style ver = lay_style_of(L, SCENE_FONT_REGULAR, lay_small(L), CONTENT_COLOR_MUTED, LAY_ALIGN_LEFT);
    lay_style body = lay_style_of(L, SCENE_FONT_REGULAR, m->body, CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
    lay_style att = lay_style_of(L, SCENE_FONT_REGULAR, m->body, CONTENT_COLOR_MUTED, LAY_ALIGN_LEFT);
    lay_stack(&y, lay_text(L, &h1, cx, y, cw, c->title, -1), 6.0f * m->unit);
    if (c->version[0] || c->date[0]) {
        char buf[512];
        snprintf(buf, sizeof buf, "%s %s%s%s", c->strings[CONTENT_STR_VERSION], c->version,
                 c->date[0] ? "  \xc2\xb7  " : "", c->date);
        ver.copy = true;
        lay_stack(&y, lay_text(L, &ver, cx, y, cw, buf, -1), m->gap);
    }
    y += m->gap;
    lay_stack(&y, lay_text(L, &att, cx, y, cw, c->attribution, -1), 1.5f * m->gap);
    lay_stack(&y, lay_text(L, &body, cx, y, cw, c->about, -1), 0);
    return y + lay_bottom_pad(L);
}
