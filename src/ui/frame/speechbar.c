/* speechbar.c - Read aloud's control bar. See speechbar.h. */
#include "speechbar.h"

#include <math.h>
#include <string.h>

static const content_str words[VIEW_SPEECH_CONTROL_COUNT] = {
    CONTENT_STR_SPEECH_STOP, CONTENT_STR_SPEECH_REPEAT, CONTENT_STR_SPEECH_QUIETER, CONTENT_STR_SPEECH_LOUDER
};

/* The four pills, their widths and common height; the bar's height. */
static float measure(const lay *L, lay_pill *p, float *w, float *h, float *total)
{
    const lay_metrics *m = &L->m;
    float cell = (L->W - 2 * m->pad - (VIEW_SPEECH_CONTROL_COUNT - 1) * m->gap) / VIEW_SPEECH_CONTROL_COUNT;
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
        lay_pill_size(L, &p[i], fmaxf(cell, m->target), &w[i], &ph);
        *h = fmaxf(*h, ph);
        *total += w[i];
    }
    return *h + m->gap;
}

float speechbar_height(const content *c, const lay_env *env)
{
    lay L;
    lay_begin(&L, NULL, c, env, NULL);
    lay_pill p[VIEW_SPEECH_CONTROL_COUNT];
    float w[VIEW_SPEECH_CONTROL_COUNT], h, total;
    float bar_h = measure(&L, p, w, &h, &total);
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
    float bar_h = measure(&L, p, w, &h, &total), gap = L.m.gap;
    od_rect bar = { 0, L.H - bar_h, L.W, bar_h };
    lay_rect(&L, bar, lay_col(&L, CONTENT_COLOR_SURFACE), 0);
    float x = fmaxf(L.m.pad, (L.W - total) / 2);
    for (int i = 0; i < VIEW_SPEECH_CONTROL_COUNT; i++) {
        lay_pill_draw(&L, &p[i], (od_rect){ x, bar.y + gap / 2, w[i], h }, -1);
        x += w[i] + gap;
    }
    lay_end(&L);
    return bar_h;
}
