/* screen_visitors.c - the picture of a day's visitors. See screen_visitors.h.
 *
 * For staff, like the screen of content problems: fixed calm colours, no
 * content theme. Visits by hour as bars (the open day's hours at least,
 * 08:00 to 18:00, widened to every hour that had a visit), each with its
 * count; beside them (below, on a portrait screen) the most opened degrees
 * as horizontal bars. */
#include <stdio.h>
#include <string.h>
#include "screen_visitors.h"

static const od_color BG = { 0x1C, 0x21, 0x2B, 0xFF };
static const od_color TEXT = { 0xF2, 0xF4, 0xF7, 0xFF };
static const od_color MUTED = { 0xB4, 0xBC, 0xC8, 0xFF };
static const od_color BAR = { 0x5B, 0xA8, 0xF5, 0xFF };
static const od_color BAR2 = { 0xFF, 0xC8, 0x6B, 0xFF };
static const od_color AXIS = { 0x4A, 0x55, 0x68, 0xFF };

static void bars_by_hour(lay *L, const usage_picture *p, od_rect r)
{
    const lay_metrics *m = &L->m;
    int first = 8, last = 18; /* the hours shown: [first, last) */
    for (int h = 0; h < 24; h++)
        if (p->visits[h]) {
            if (h < first)
                first = h;
            if (h + 1 > last)
                last = h + 1;
        }
    uint32_t top = 1;
    for (int h = first; h < last; h++)
        if (p->visits[h] > top)
            top = p->visits[h];
    float small = m->text_min;
    lay_style lab = { SCENE_FONT_REGULAR, small, MUTED, LAY_ALIGN_CENTER, true };
    lay_style num = { SCENE_FONT_BOLD, small, TEXT, LAY_ALIGN_CENTER, true };
    float lh = lay_text_height(L, &lab, r.w, "08", 2, NULL);
    float base = r.y + r.h - lh - m->unit * 4;
    float room = base - r.y - lh - m->unit * 4;
    int n = last - first;
    float slot = r.w / (float)n, bw = slot * 0.7f;
    /* Hour labels every second hour where a slot is narrower than "00". */
    float label_w = L->env->measure.text_width(L->env->measure.ctx, SCENE_FONT_REGULAR, small, "00", 2);
    int every = slot > label_w * 1.4f ? 1 : 2;
    lay_line(L, r.x, base, r.x + r.w, base, m->unit > 1 ? m->unit : 1, AXIS);
    char buf[16];
    for (int i = 0; i < n; i++) {
        int h = first + i;
        float cx = r.x + slot * ((float)i + 0.5f);
        float bh = room * (float)p->visits[h] / (float)top;
        if (p->visits[h]) {
            scene_rect(L->s, (od_rect){ cx - bw / 2, base - bh, bw, bh }, BAR, m->unit);
            snprintf(buf, sizeof buf, "%u", (unsigned)p->visits[h]);
            lay_text(L, &num, cx - slot / 2, base - bh - lh - m->unit, slot, buf, -1);
        }
        if (i % every == 0) {
            /* Every second hour labelled: the label has both slots' width,
             * so "08" never breaks in two. */
            float lw = slot * (float)every;
            snprintf(buf, sizeof buf, "%02d", h % 24);
            lay_text(L, &lab, cx - lw / 2, base + m->unit * 2, lw, buf, -1);
        }
    }
}

static void top_degrees(lay *L, const usage_picture *p, od_rect r)
{
    const lay_metrics *m = &L->m;
    lay_style head = { SCENE_FONT_BOLD, m->body, TEXT, LAY_ALIGN_LEFT, true };
    lay_style name = { SCENE_FONT_REGULAR, m->text_min, TEXT, LAY_ALIGN_LEFT, true };
    lay_style count = { SCENE_FONT_BOLD, m->text_min, TEXT, LAY_ALIGN_RIGHT, true };
    float y = r.y;
    y += lay_text(L, &head, r.x, y, r.w, "Most opened degrees", -1) + m->gap;
    if (!p->ntop) {
        lay_style none = { SCENE_FONT_REGULAR, m->text_min, MUTED, LAY_ALIGN_LEFT, true };
        static const char none_s[] = "No degree opened yet.";
        /* Only where it fits: the staff screen may share its height. */
        if (y + lay_text_height(L, &none, r.w, none_s, sizeof none_s - 1, NULL) <= r.y + r.h)
            lay_text(L, &none, r.x, y, r.w, none_s, -1);
        return;
    }
    uint32_t most = p->top[0].opened ? p->top[0].opened : 1;
    char buf[16];
    for (int i = 0; i < p->ntop; i++) {
        float nh = lay_text_height(L, &name, r.w, p->top[i].name, strlen(p->top[i].name), NULL);
        float bar_h = m->text_min * 1.3f;
        if (y + nh + bar_h + m->gap > r.y + r.h)
            break;
        y += lay_text(L, &name, r.x, y, r.w, p->top[i].name, -1);
        snprintf(buf, sizeof buf, "%u", (unsigned)p->top[i].opened);
        float cw = L->env->measure.text_width(L->env->measure.ctx, SCENE_FONT_BOLD, m->text_min, buf,
                                              strlen(buf));
        float track = r.w - cw - m->gap;
        float bw = track * (float)p->top[i].opened / (float)most;
        scene_rect(L->s, (od_rect){ r.x, y + m->unit, bw > 2 ? bw : 2, bar_h }, BAR2, m->unit);
        lay_text(L, &count, r.x + track, y + m->unit + bar_h / 2 -
                                             lay_text_height(L, &count, cw + m->gap, buf,
                                                             strlen(buf), NULL) / 2,
                 cw + m->gap, buf, -1);
        y += bar_h + m->gap * 1.5f;
    }
}

void screen_visitors_draw(scene *out, const lay_env *env, const usage_picture *p)
{
    lay L;
    lay_staff_frame f = lay_staff_begin(&L, out, env, BG);
    const lay_metrics *m = &L.m;
    float x = f.x, w = f.w, y = f.y, bottom = f.bottom;
    lay_style h = { SCENE_FONT_BOLD, m->h2, TEXT, LAY_ALIGN_LEFT, true };
    y += lay_text(&L, &h, x, y, w, *p->title ? p->title : "Today's visitors", -1) + m->gap / 2;
    char sum[400];
    int k = snprintf(sum, sizeof sum, "%u visit%s, %u screens opened, %u comparison%s",
                     (unsigned)p->total_visits, p->total_visits == 1 ? "" : "s",
                     (unsigned)p->screens, (unsigned)p->comparisons,
                     p->comparisons == 1 ? "" : "s");
    /* The quiz's results in the same sentence, and the degree it suggested
     * most often: one clause more, not another chart. */
    if (p->quiz_results && k > 0 && (size_t)k < sizeof sum) {
        size_t at = (size_t)k;
        k = snprintf(sum + at, sizeof sum - at, ", %u quiz result%s", (unsigned)p->quiz_results,
                     p->quiz_results == 1 ? "" : "s");
        if (*p->quiz_top && k > 0 && at + (size_t)k < sizeof sum)
            snprintf(sum + at + (size_t)k, sizeof sum - at - (size_t)k,
                     " (most often first: %s, %u)", p->quiz_top, (unsigned)p->quiz_top_n);
    }
    lay_style s = { SCENE_FONT_REGULAR, m->text_min, MUTED, LAY_ALIGN_LEFT, true };
    y += lay_text(&L, &s, x, y, w, sum, -1) + m->gap * 1.5f;
    lay_style sub = { SCENE_FONT_BOLD, m->body, TEXT, LAY_ALIGN_LEFT, true };
    if (L.W >= L.H) {
        float cw = w * 0.6f, gap = m->pad * 1.5f;
        float yy = y + lay_text(&L, &sub, x, y, cw, "Visits by hour", -1) + m->gap;
        bars_by_hour(&L, p, (od_rect){ x, yy, cw, bottom - yy });
        top_degrees(&L, p, (od_rect){ x + cw + gap, y, w - cw - gap, bottom - y });
    } else {
        float half = (bottom - y) * 0.55f;
        float yy = y + lay_text(&L, &sub, x, y, w, "Visits by hour", -1) + m->gap;
        bars_by_hour(&L, p, (od_rect){ x, yy, w, y + half - yy });
        top_degrees(&L, p, (od_rect){ x, y + half + m->gap, w, bottom - y - half - m->gap });
    }
    lay_end(&L);
}
