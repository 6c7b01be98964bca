/* lay_qr.c - the QR code block. See lay_qr.h. */
#include "lay_qr.h"

#include <math.h>
#include <string.h>

#include "qr.h"

/* Pixels per millimetre to size the code by: the screen's, scaled up with
 * the viewing distance past arm's length, so a code on a TV across a room
 * is as large to the eye (and to a phone held there) as 25 mm at 60 cm. */
static float code_ppm(const lay *L)
{
    float k = L->m.distance_mm / 600.0f;
    return L->m.px_per_mm * (k > 1 ? k : 1);
}

/* The code of url: the cache's (made once), else made into *tmp, which the
 * caller then releases with done(). NULL when it cannot be made. */
static const qr_code *code_of(const lay *L, const char *url, qr_code *tmp)
{
    memset(tmp, 0, sizeof *tmp);
    if (L->env->cache)
        return text_cache_qr(L->env->cache, url);
    return qr_make(url, tmp) ? tmp : NULL;
}

static void done(qr_code *tmp)
{
    qr_deinit(tmp);
}

float lay_qr_side(const lay *L, const char *url)
{
    if (!url || !*url)
        return 0;
    qr_code tmp;
    const qr_code *q = code_of(L, url, &tmp);
    float side = q ? (float)qr_side_px(q->size, qr_module_px(q->size, code_ppm(L))) : 0;
    done(&tmp);
    return side;
}

float lay_qr_width(const lay *L, const char *url, float most)
{
    float side = lay_qr_side(L, url);
    if (side <= 0 || side > most)
        return 0;
    float w = fmaxf(side, lay_tw(L, SCENE_FONT_REGULAR, lay_small(L), url, strlen(url)));
    const char *hint = lay_str(L, CONTENT_STR_QR_HINT);
    w = fmaxf(w, lay_tw(L, SCENE_FONT_BOLD, L->m.body, hint, strlen(hint)));
    return ceilf(fminf(w, most));
}

/* The dark modules, one rectangle per run along a row: a few hundred
 * rectangles instead of a thousand squares. (x, y) is on whole pixels. */
static void draw_modules(lay *L, const qr_code *q, float x, float y, int mp)
{
    od_color dark = od_rgba(0, 0, 0, 255);
    for (int r = 0; r < q->size; r++) {
        int c = 0;
        while (c < q->size) {
            if (!q->dark[r * q->size + c]) {
                c++;
                continue;
            }
            int c0 = c;
            while (c < q->size && q->dark[r * q->size + c])
                c++;
            lay_rect(L,
                     (od_rect){ x + (float)((c0 + QR_QUIET) * mp),
                                y + (float)((r + QR_QUIET) * mp), (float)((c - c0) * mp),
                                (float)mp },
                     dark, 0);
        }
    }
}

float lay_qr_block(lay *L, float x, float y, float w, const char *url, int parent)
{
    if (!url || !*url)
        return 0;
    qr_code tmp;
    const qr_code *q = code_of(L, url, &tmp);
    if (!q)
        return 0;
    const lay_metrics *m = &L->m;
    int mp = qr_module_px(q->size, code_ppm(L));
    float side = (float)qr_side_px(q->size, mp);
    if (side > w) {
        done(&tmp);
        return 0;
    }
    lay_style hint = lay_style_of(L, SCENE_FONT_BOLD, m->body, CONTENT_COLOR_TEXT, LAY_ALIGN_CENTER);
    lay_style addr = lay_style_of(L, SCENE_FONT_REGULAR, lay_small(L), CONTENT_COLOR_MUTED, LAY_ALIGN_CENTER);
    float yy = y;
    lay_stack(&yy, lay_text(L, &hint, x, yy, w, lay_str(L, CONTENT_STR_QR_HINT), parent), m->gap / 2);
    /* Whole pixels on screen: the builder's translation included. */
    float qx = floorf(x + (w - side) / 2 + L->ox + 0.5f) - L->ox;
    float qy = floorf(yy + L->oy + 0.5f) - L->oy;
    od_rect box = { qx, qy, side, side };
    int b = lay_box(L, box, od_rgba(255, 255, 255, 255), 0, parent);
    (void)b;
    if (!L->dry)
        draw_modules(L, q, qx, qy, mp);
    done(&tmp);
    yy = qy + side + m->gap / 2;
    lay_stack(&yy, lay_text(L, &addr, x, yy, w, url, parent), 0);
    return yy - y;
}
