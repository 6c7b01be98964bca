/* speechbar.c - Read aloud's control bar. See speechbar.h. */
#include "speechbar.h"

#include <math.h>
#include <string.h>

float speechbar_draw(scene *s, const content *c, const layout_env *env,
                     const layout_frame_in *in)
{
    static const content_str words[SPEECH_CONTROL_COUNT] = {
        STR_SPEECH_STOP, STR_SPEECH_REPEAT, STR_SPEECH_QUIETER, STR_SPEECH_LOUDER
    };
    lay L;
    lay_begin(&L, s, c, env, in);
    L.hits = true;
    if (in) {
        L.pressed = in->cur.pressed;
        L.focus = in->cur.focus;
    }
    const layout_metrics *m = &L.m;
    float gap = m->gap, pad = m->pad;
    float cell = (L.W - 2 * pad - (SPEECH_CONTROL_COUNT - 1) * gap) / SPEECH_CONTROL_COUNT;
    lay_pill p[SPEECH_CONTROL_COUNT];
    float w[SPEECH_CONTROL_COUNT], h = 0, total = 0;
    for (int i = 0; i < SPEECH_CONTROL_COUNT; i++) {
        memset(&p[i], 0, sizeof p[i]);
        p[i].text = lay_str(&L, words[i]);
        p[i].font = FONT_BOLD;
        p[i].size = m->body;
        p[i].bg = lay_col(&L, COLOR_SURFACE_ALT);
        p[i].fg = lay_col(&L, COLOR_TEXT);
        p[i].action = ACT_SPEECH;
        p[i].arg = i;
        p[i].round = true;
        float ph;
        lay_pill_size(&L, &p[i], fmaxf(cell, m->target), &w[i], &ph);
        h = fmaxf(h, ph);
        total += w[i];
    }
    total += (SPEECH_CONTROL_COUNT - 1) * gap;
    float bar_h = h + 2 * (gap / 2);
    od_rect bar = { 0, L.H - bar_h, L.W, bar_h };
    lay_rect(&L, bar, lay_col(&L, COLOR_SURFACE), 0);
    float x = fmaxf(pad, (L.W - total) / 2);
    for (int i = 0; i < SPEECH_CONTROL_COUNT; i++) {
        lay_pill_draw(&L, &p[i], (od_rect){ x, bar.y + gap / 2, w[i], h }, -1);
        x += w[i] + gap;
    }
    lay_end(&L);
    return bar_h;
}
