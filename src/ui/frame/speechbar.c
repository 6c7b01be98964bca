/* speechbar.c - Read aloud's control bar. See speechbar.h. */
#include "speechbar.h"

#include <math.h>
#include <string.h>

static const content_str words[VIEW_SPEECH_CONTROL_COUNT] = {
    CONTENT_STR_SPEECH_STOP, CONTENT_STR_SPEECH_REPEAT, CONTENT_STR_SPEECH_QUIETER, CONTENT_STR_SPEECH_LOUDER
};

/* The four pills, their widths and common height; the bar's height. Each
 * label keeps to one line: when the four do not fit side by side (Larger
 * text on the 7-inch panel), or would make the bar tall, the buttons are
 * round, a target and a quarter wide, and carry a sign instead (a square, an arrow round, minus, plus),
 * so the bar stays one row and a word never breaks letter by letter. */
static float measure(const lay *L, lay_pill *p, float *w, float *h, float *total, bool *icons)
{
    const lay_metrics *m = &L->m;
    *h = 0;
    *total = (VIEW_SPEECH_CONTROL_COUNT - 1) * m->gap;
    for (int i = 0; i < VIEW_SPEECH_CONTROL_COUNT; i++) {
        memset(&p[i], 0, sizeof p[i]);
        p[i].text = lay_str(L, words[i]);
        p[i].font = SCENE_FONT_BOLD;
        p[i].size = m->body;
        p[i].bg = lay_col(L, CONTENT_COLOR_SURFACE_ALT);
        p[i].fg = lay_col(L, CONTENT_COLOR_TEXT);
        p[i].action = VIEW_ACT_SPEECH;
        p[i].arg = i;
        p[i].round = true;
        float ph;
        lay_pill_size(L, &p[i], L->W, &w[i], &ph);
        w[i] = fmaxf(w[i], m->target);
        *h = fmaxf(*h, ph);
        *total += w[i];
    }
    /* Signs too where the words would make the bar take over an eighth of
     * the height (Larger text on a small screen). */
    *icons = *total > L->W - 2 * m->pad || *h > L->H / 8.0f;
    if (*icons) {
        float s = 1.25f * m->target;
        *h = s;
        *total = (VIEW_SPEECH_CONTROL_COUNT - 1) * 2 * m->gap;
        for (int i = 0; i < VIEW_SPEECH_CONTROL_COUNT; i++) {
            w[i] = s;
            *total += s;
        }
    }
    return *h + m->gap;
}

/* A round button with the sign of control i. */
static void icon_button(lay *L, const lay_pill *p, od_rect r)
{
    bool pressed = lay_is_pressed(L, p->action, p->arg);
    od_rect b = pressed ? lay_press_shrink(L, r) : r;
    od_color fg = pressed ? lay_col(L, CONTENT_COLOR_ACCENT_TEXT) : p->fg;
    lay_box(L, b, pressed ? lay_col(L, CONTENT_COLOR_ACCENT) : p->bg, b.h / 2, -1);
    float cx = b.x + b.w / 2, cy = b.y + b.h / 2, a = 0.22f * b.w, t = fmaxf(2.0f, 0.08f * b.w);
    switch (p->arg) {
    case VIEW_SPEECH_STOP:
        lay_rect(L, (od_rect){ cx - 0.8f * a, cy - 0.8f * a, 1.6f * a, 1.6f * a }, fg, 0);
        break;
    case VIEW_SPEECH_REPEAT: {
        /* Three quarters of a circle and the arrow's head at its end. */
        enum { SEG = 12 };
        float px = cx + a, py = cy;
        for (int k = 1; k <= SEG; k++) {
            float ang = 1.5f * (float)M_PI * (float)k / SEG;
            float nx = cx + a * cosf(ang), ny = cy - a * sinf(ang);
            lay_line(L, px, py, nx, ny, t, fg);
            px = nx;
            py = ny;
        }
        lay_line(L, px, py, px - 0.5f * a, py - 0.45f * a, t, fg);
        lay_line(L, px, py, px - 0.5f * a, py + 0.45f * a, t, fg);
        break;
    }
    case VIEW_SPEECH_LOUDER:
        lay_line(L, cx, cy - a, cx, cy + a, t, fg);
        lay_line(L, cx - a, cy, cx + a, cy, t, fg);
        break;
    default:
        lay_line(L, cx - a, cy, cx + a, cy, t, fg);
        break;
    }
    lay_focus_ring(L, r, r.h / 2, p->action, p->arg);
    lay_hit(L, r, p->action, p->arg, true);
}

float speechbar_height(const content *c, const lay_env *env)
{
    lay L;
    lay_begin(&L, NULL, c, env, NULL);
    lay_pill p[VIEW_SPEECH_CONTROL_COUNT];
    float w[VIEW_SPEECH_CONTROL_COUNT], h, total;
    bool icons;
    float bar_h = measure(&L, p, w, &h, &total, &icons);
    lay_end(&L);
    return bar_h;
}

float speechbar_draw(scene *s, const content *c, const lay_env *env,
                     const lay_frame_in *in)
{
    lay L;
    lay_begin(&L, s, c, env, in);
    L.hits = true;
    if (in) {
        L.pressed = in->cur.pressed;
        L.focus = in->cur.focus;
    }
    lay_pill p[VIEW_SPEECH_CONTROL_COUNT];
    float w[VIEW_SPEECH_CONTROL_COUNT], h, total;
    bool icons;
    float bar_h = measure(&L, p, w, &h, &total, &icons), gap = L.m.gap;
    od_rect bar = { 0, L.H - bar_h, L.W, bar_h };
    lay_rect(&L, bar, lay_col(&L, CONTENT_COLOR_SURFACE), 0);
    float x = fmaxf(L.m.pad, (L.W - total) / 2);
    for (int i = 0; i < VIEW_SPEECH_CONTROL_COUNT; i++) {
        od_rect r = { x, bar.y + gap / 2, w[i], h };
        if (icons)
            icon_button(&L, &p[i], r);
        else
            lay_pill_draw(&L, &p[i], r, -1);
        x += w[i] + (icons ? 2 * gap : gap);
    }
    lay_end(&L);
    return bar_h;
}
