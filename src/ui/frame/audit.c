/* audit.c - proves a laid-out scene is readable and touchable: text
 * inside its block and on screen and never too small, layout blocks never
 * overlapping their siblings nor leaving their parent, touch targets big
 * enough. See audit.h for the contract.
 *
 * Overlap is judged on what is visible: a block in a clip is cut to it, so a
 * body scrolled under the fixed header is not a collision (the clip hides it),
 * while two cards on top of each other inside the body are. */
#include "audit.h"
#include "access.h"
#include "dump.h"
#include "notice_band.h"
#include "refused.h"
#include "lay.h"
#include "phys.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLACK 0.5f

typedef struct {
    char *out;
    size_t n, used;
    size_t count;
} audit_report;

/* Append one formatted line; the report stays NUL-terminated and simply
 * stops growing when full (the count keeps going). */
static void report_line(audit_report *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void report_line(audit_report *r, const char *fmt, ...)
{
    r->count++;
    if (!r->out || r->n == 0 || r->used + 1 >= r->n)
        return;
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(r->out + r->used, r->n - r->used, fmt, ap);
    va_end(ap);
    if (k < 0)
        return;
    r->used += (size_t)k;
    if (r->used >= r->n)
        r->used = r->n - 1;
    if (r->used + 1 < r->n) {
        r->out[r->used++] = '\n';
        r->out[r->used] = '\0';
    }
}

/* A printable snippet of a text command: at most 40 bytes, cut on a code
 * point boundary, with an ellipsis when cut. */
static void snippet(const scene_cmd *c, char *buf, size_t n)
{
    if (!c || !c->text) {
        snprintf(buf, n, "%s", "");
        return;
    }
    size_t len = c->len, max = 40;
    if (max > n - 4)
        max = n - 4;
    size_t k = len < max ? len : max;
    while (k > 0 && k < len && ((unsigned char)c->text[k] & 0xC0u) == 0x80u)
        k--;
    memcpy(buf, c->text, k);
    if (k < len) {
        memcpy(buf + k, "\xe2\x80\xa6", 3);
        k += 3;
    }
    buf[k] = '\0';
    for (size_t i = 0; i < k; i++)
        if (buf[i] == '\n' || buf[i] == '"')
            buf[i] = ' ';
}

/* The first text drawn inside block i, to name the block in the report. */
static const scene_cmd *first_text_in(const scene *s, size_t i)
{
    for (size_t k = i + 1; k < s->count; k++)
        if (s->cmds[k].kind == SCENE_TEXT && s->cmds[k].parent == (int32_t)i)
            return &s->cmds[k];
    return NULL;
}

static od_rect visible(const scene *s, const scene_cmd *c)
{
    if (c->clip >= 0 && (size_t)c->clip < s->nclips)
        return od_rect_intersect(c->rect, s->clips[c->clip]);
    return c->rect;
}

static bool is_box(const scene_cmd *c)
{
    return c->kind == SCENE_RECT && (c->flags & SCENE_F_BOX);
}

typedef struct {
    float W, H;
    lay_metrics m;
    float cap_min;            /* px, from opts.cap_degrees */
    float cap_degrees;
    float contrast_body, contrast_large;
    bool contrast;
    const lay_env *env;
} audit_ctx;

bool audit_text_large(const lay_env *env, scene_font f, float px)
{
    float ppmm = phys_px_per_mm(env->dpi);
    float dist = env->distance_cm > 0 ? env->distance_cm : LAY_DEFAULT_DISTANCE_CM;
    float deg = f == SCENE_FONT_BOLD ? LAYOUT_LARGE_BOLD_DEGREES : LAYOUT_LARGE_DEGREES;
    float em_mm = 2.0f * dist * 10.0f * tanf(deg * (float)M_PI / 360.0f);
    return px / ppmm >= em_mm - 0.01f;
}

/* Is the centre of r inside a disabled hit region? Its label is then an
 * inactive control's, which WCAG 1.4.3 does not hold to a contrast. */
static bool in_disabled(const scene *s, od_rect r)
{
    float cx = r.x + r.w / 2, cy = r.y + r.h / 2;
    for (size_t k = 0; k < s->count; k++) {
        const scene_cmd *h = &s->cmds[k];
        if (h->kind == SCENE_HIT && (h->flags & SCENE_F_DISABLED) &&
            od_rect_contains(h->rect, cx, cy))
            return true;
    }
    return false;
}

static void audit_contrast(const scene *s, size_t i, const audit_ctx *a, audit_report *r)
{
    const scene_cmd *c = &s->cmds[i];
    if (c->color.a == 0 || in_disabled(s, c->rect))
        return;
    od_color fg, bg;
    /* Below the fold the screen-sized background rectangle ends: the page
     * lies on the same colour, which the first rectangle gives. */
    od_color clear = s->count && s->cmds[0].kind == SCENE_RECT ? s->cmds[0].color
                                                                : od_rgba(0, 0, 0, 255);
    clear.a = 255;
    double ratio = dump_text_contrast(s, clear, i, true, &fg, &bg);
    bool large = audit_text_large(a->env, c->font, c->size);
    float need = large ? a->contrast_large : a->contrast_body;
    if (ratio + 0.005 < (double)need) {
        char sn[64];
        snippet(c, sn, sizeof sn);
        report_line(r, "text %zu: contrast %.2f:1 under the %.1f:1 %s text needs (#%02x%02x%02x "
                       "on #%02x%02x%02x): \"%s\"",
                    i, ratio, (double)need, large ? "large" : "body", fg.r, fg.g, fg.b, bg.r,
                    bg.g, bg.b, sn);
    }
}

/* Command i (a "text" or a "box", as `kind` names it) on the screen: across
 * always, down unless it is clipped (a scrolled page runs past the screen). */
static void audit_on_screen(const scene_cmd *c, size_t i, const char *kind, const audit_ctx *a,
                            const char *sn, audit_report *r)
{
    od_rect t = c->rect;
    if (t.x < -SLACK || t.x + t.w > a->W + SLACK)
        report_line(r, "%s %zu: off screen horizontally (x %.1f..%.1f of %.0f): \"%s\"", kind, i,
                    (double)t.x, (double)(t.x + t.w), (double)a->W, sn);
    if (c->clip < 0 && (t.y < -SLACK || t.y + t.h > a->H + SLACK))
        report_line(r, "%s %zu: off screen vertically (y %.1f..%.1f of %.0f): \"%s\"", kind, i,
                    (double)t.y, (double)(t.y + t.h), (double)a->H, sn);
}

/* Does a mark of several degrees ("1+6+11") name one of them twice? */
static bool mark_repeats(const char *t, size_t len)
{
    size_t start[16], n = 0, pos = 0;
    size_t end[16];
    while (pos <= len && n < 16) {
        size_t e = pos;
        while (e < len && t[e] != '+')
            e++;
        start[n] = pos;
        end[n++] = e;
        pos = e + 1;
    }
    for (size_t i = 0; i < n; i++)
        for (size_t k = i + 1; k < n; k++)
            if (end[i] - start[i] == end[k] - start[k] && end[i] > start[i] &&
                !memcmp(t + start[i], t + start[k], end[i] - start[i]))
                return true;
    return false;
}

static void audit_text(const scene *s, size_t i, const audit_ctx *a, audit_report *r)
{
    const lay_metrics *m = &a->m;
    const lay_measure *meas = &a->env->measure;
    const scene_cmd *c = &s->cmds[i];
    char sn[64];
    snippet(c, sn, sizeof sn);
    od_rect t = c->rect, b = c->box;
    if ((c->flags & SCENE_F_MARK) && !od_rect_inside(b, t, SLACK)) {
        /* A degree mark wrapped or wider than its chip: what shows is
         * another mark ("1+6+11+1" for "1+6+11+12"). */
        report_line(r, "text %zu: degree mark cut (text %.1f,%.1f %.1fx%.1f, chip %.1f,%.1f "
                       "%.1fx%.1f): \"%s\"",
                    i, (double)t.x, (double)t.y, (double)t.w, (double)t.h, (double)b.x,
                    (double)b.y, (double)b.w, (double)b.h, sn);
    } else if ((c->flags & SCENE_F_MARK) && mark_repeats(c->text, c->len)) {
        /* Several degrees' marks joined with "+", one of them twice: a
         * list cut short with a count ("+1") that reads as a degree. */
        report_line(r, "text %zu: degree mark cut (a degree twice): \"%s\"", i, sn);
    } else if (!od_rect_inside(b, t, SLACK)) {
        float over = fmaxf(fmaxf(b.x - t.x, t.x + t.w - (b.x + b.w)),
                           fmaxf(b.y - t.y, t.y + t.h - (b.y + b.h)));
        report_line(r, "text %zu: outside its box by %.1f px (text %.1f,%.1f %.1fx%.1f, box "
                       "%.1f,%.1f %.1fx%.1f): \"%s\"",
                    i, (double)over, (double)t.x, (double)t.y, (double)t.w, (double)t.h,
                    (double)b.x, (double)b.y, (double)b.w, (double)b.h, sn);
    }
    audit_on_screen(c, i, "text", a, sn, r);
    if (c->size < m->text_min - 0.01f)
        report_line(r, "text %zu: size %.1f px under the minimum %.1f: \"%s\"", i, (double)c->size,
                    (double)m->text_min, sn);
    /* What the eye reads is the capitals' height: at least the visual angle
     * of LAY_CAP_DEGREES at the viewing distance, in this very face. */
    float cap = measure_cap_height(meas, c->font, c->size);
    if (cap < a->cap_min - 0.05f)
        report_line(r, "text %zu: capitals %.1f px tall, under the %.1f px that %.2f degrees at "
                       "%.0f cm need: \"%s\"",
                    i, (double)cap, (double)a->cap_min, (double)a->cap_degrees,
                    (double)(m->distance_mm / 10.0f), sn);
    if (a->contrast)
        audit_contrast(s, i, a, r);
}

static void audit_box(const scene *s, size_t i, const audit_ctx *a, audit_report *r)
{
    const scene_cmd *c = &s->cmds[i];
    char sn[64];
    snippet(first_text_in(s, i), sn, sizeof sn);
    od_rect b = c->rect;
    audit_on_screen(c, i, "box", a, sn, r);
    if (c->parent >= 0) {
        if ((size_t)c->parent >= i || !is_box(&s->cmds[c->parent]))
            report_line(r, "box %zu: parent %d is not an earlier block: \"%s\"", i,
                        (int)c->parent, sn);
        else if (!od_rect_inside(s->cmds[c->parent].rect, b, SLACK))
            report_line(r, "box %zu: outside its parent box %d: \"%s\"", i, (int)c->parent, sn);
    }
    /* Siblings drawn earlier. Quadratic in the worst case, but the audit runs
     * in tests and checks, never per frame. */
    od_rect vb = visible(s, c);
    if (vb.w <= 0 || vb.h <= 0)
        return;
    for (size_t k = 0; k < i; k++) {
        const scene_cmd *o = &s->cmds[k];
        if (!is_box(o) || o->parent != c->parent || o->level != c->level)
            continue;
        od_rect vo = visible(s, o);
        if (vo.w <= 0 || vo.h <= 0)
            continue;
        if (od_rect_overlap(vb, vo, SLACK)) {
            char so[64];
            snippet(first_text_in(s, k), so, sizeof so);
            report_line(r, "box %zu: overlaps box %zu (\"%s\"): \"%s\"", i, k, so, sn);
        }
    }
}

/* Whether clip k is clip `top` or nested in it. */
static bool clip_within(const scene *s, int k, int top)
{
    for (int depth = 0; k >= 0 && depth < 64; depth++) {
        if (k == top)
            return true;
        k = s->clip_parent[k];
    }
    return false;
}

/* Why a separate pass: the other checks judge one command at a time, while
 * empty room is a property of the page as a whole. */
static void space_check(const scene *s, const lay_env *env, audit_report *r)
{
    float W = (float)env->w, H = (float)env->h;
    if (W < 1080 || H < 1080)
        return;
    int body = -1;
    float area = 0;
    for (size_t k = 0; k < s->nclips; k++) {
        od_rect c = s->clips[k];
        if (s->clip_parent[k] < 0 && c.w >= W - SLACK && c.w * c.h > area) {
            body = (int)k;
            area = c.w * c.h;
        }
    }
    if (body < 0)
        return;
    od_rect view = s->clips[body];
    float bottom = view.y;
    for (size_t i = 0; i < s->count; i++) {
        const scene_cmd *c = &s->cmds[i];
        if (c->kind == SCENE_HIT && c->action == VIEW_ACT_SCROLL && !(c->flags & SCENE_F_DISABLED))
            return; /* it scrolls: the rest is below */
        bool drawn = c->kind == SCENE_TEXT || c->kind == SCENE_IMAGE || is_box(c) ||
                       (c->kind == SCENE_HIT && !(c->flags & SCENE_F_DISABLED));
        if (!drawn || !clip_within(s, c->clip, body))
            continue;
        bottom = fmaxf(bottom, fminf(c->rect.y + c->rect.h, view.y + view.h));
    }
    float empty = view.y + view.h - bottom;
    if (empty > 0.5f * H + SLACK)
        report_line(r, "space: the page ends at y %.0f, leaving %.0f of %.0f px empty below it "
                       "(more than half the screen) and it does not scroll",
                    (double)bottom, (double)empty, (double)H);
}

size_t audit_space(const scene *s, const lay_env *env, char *report, size_t n)
{
    audit_report r = { report, n, 0, 0 };
    if (report && n)
        report[0] = '\0';
    space_check(s, env, &r);
    return r.count;
}

/* The first command of a modal layer (a block of the accessibility panel,
 * the language chooser or the reset warning), or the scene's end: what lies
 * under a modal layer is covered on purpose. */
static size_t modal_start(const scene *s)
{
    for (size_t i = 0; i < s->count; i++) {
        const scene_cmd *c = &s->cmds[i];
        if (is_box(c) && c->level >= LAY_LEVEL_PANEL && c->level < LAY_LEVEL_NOTICE)
            return i;
    }
    return s->count;
}

static bool wholly_placed(const scene *s, const scene_cmd *c, float W, float H)
{
    od_rect screen = { 0, 0, W, H };
    if (!od_rect_inside(screen, c->rect, SLACK))
        return false;
    return c->clip < 0 || (size_t)c->clip >= s->nclips ||
           od_rect_inside(s->clips[c->clip], c->rect, SLACK);
}

/* The page's outermost clip (the viewport the frame gives it), -1 none. */
static int page_clip(const scene *s)
{
    for (size_t i = 0; i < s->count; i++) {
        int k = s->cmds[i].clip;
        while (k >= 0 && (size_t)k < s->nclips && s->clip_parent[k] >= 0)
            k = s->clip_parent[k];
        if (k >= 0 && (size_t)k < s->nclips)
            return k;
    }
    return -1;
}

/* The frame's own regions (the bars, the bands, the language and
 * accessibility buttons, the scroll cues, the speech bar) hide nothing:
 * every text wholly on the screen and drawn must be visible in the --dump
 * account (no later opaque rectangle over it), modal layers aside. And they
 * leave the page its first screen: a page (what lies in a clip: the frame's
 * regions are drawn unclipped) shows one of its lines, and every target in
 * the first half screen of the page's top shows whole (the frame may take
 * at most half of the screen from the page). */
static void audit_frame(const scene *s, const audit_ctx *a, audit_report *r)
{
    scene under = *s;
    under.count = modal_start(s);
    dump_frame f;
    memset(&f, 0, sizeof f);
    f.env = a->env;
    f.scene = &under;
    f.clear = s->count && s->cmds[0].kind == SCENE_RECT ? s->cmds[0].color : od_rgba(0, 0, 0, 255);
    dump_account acc;
    if (!dump_account_init(&acc, &f)) {
        report_line(r, "frame: out of memory for the account");
        return;
    }
    /* The authors' banner (a staff preview) is never before a visitor: the
     * first screen is judged on the frames visitors see. */
    bool staff = false;
    for (size_t i = 0; i < under.count; i++)
        staff |= is_box(&under.cmds[i]) && under.cmds[i].level == LAY_LEVEL_REFUSED;
    int pc = under.count < s->count || staff ? -1 : page_clip(&under);
    float page_y = pc >= 0 ? under.clips[pc].y : 0;
    size_t li = 0, hi = 0;
    bool page_texts = false, text_seen = false;
    for (size_t i = 0; i < under.count; i++) {
        const scene_cmd *c = &under.cmds[i];
        if (c->kind == SCENE_TEXT) {
            const dump_line *ln = &acc.lines[li++];
            bool placed = c->color.a > 0 && wholly_placed(&under, c, a->W, a->H);
            if (placed && !ln->visible) {
                char sn[64];
                snippet(c, sn, sizeof sn);
                report_line(r, "text %zu: hidden under a bar, band, button or cue (%.1f,%.1f "
                               "%.1fx%.1f): \"%s\"",
                            i, (double)c->rect.x, (double)c->rect.y, (double)c->rect.w,
                            (double)c->rect.h, sn);
            }
            if (pc >= 0 && c->clip >= 0 && c->color.a > 0) {
                page_texts = true;
                text_seen |= ln->visible;
            }
        } else if (c->kind == SCENE_HIT) {
            const dump_hit *h = &acc.hits[hi++];
            /* A target within half a screen of the page's top (the page
             * unscrolled, as the audit sees it) shows whole. */
            /* A card taller than the room left still shows when a
             * target's worth of it does. */
            od_rect part = od_rect_intersect(c->rect, (od_rect){ 0, 0, a->W, a->H });
            if (c->clip >= 0 && (size_t)c->clip < under.nclips)
                part = od_rect_intersect(part, under.clips[c->clip]);
            bool shows = h->visible || (part.w >= a->m.target - SLACK &&
                                        part.h >= a->m.target - SLACK);
            if (pc >= 0 && c->clip >= 0 && h->enabled && !shows &&
                c->rect.y + c->rect.h - page_y <= 0.5f * a->H && c->rect.x >= -SLACK &&
                c->rect.x + c->rect.w <= a->W + SLACK)
                report_line(r, "hit %zu: in the page's first half screen (%.0f px down) but "
                               "only %.0fx%.0f px of it shows below the frame's bars and bands "
                               "(action %d, arg %d)",
                            i, (double)(c->rect.y - page_y), (double)part.w, (double)part.h,
                            c->action, c->arg);
        }
    }
    dump_account_deinit(&acc);
    if (page_texts && !text_seen)
        report_line(r, "frame: the first screen shows none of the page below the frame's bars "
                       "and bands");
}

size_t audit_layout(const scene *s, const lay_env *env, char *report, size_t n)
{
    return audit_layout_with(s, env, NULL, report, n);
}

size_t audit_layout_with(const scene *s, const lay_env *env, const audit_opts *opts,
                         char *report, size_t n)
{
    audit_opts o = { 0 };
    if (opts)
        o = *opts;
    audit_ctx a;
    memset(&a, 0, sizeof a);
    a.env = env;
    lay_metrics_compute(env, &a.m);
    a.W = (float)env->w;
    a.H = (float)env->h;
    a.contrast = !o.no_contrast;
    a.contrast_body = o.contrast_body > 0 ? o.contrast_body : 4.5f;
    a.contrast_large = o.contrast_large > 0 ? o.contrast_large : 3.0f;
    a.cap_degrees = o.cap_degrees > 0 ? o.cap_degrees : LAY_CAP_DEGREES;
    /* The same geometry as lay_metrics' cap_min, at the asked angle. */
    a.cap_min = a.m.distance_mm * tanf(a.cap_degrees * (float)M_PI / 180.0f) * a.m.px_per_mm;
    const lay_metrics m = a.m;
    audit_report r = { report, n, 0, 0 };
    if (report && n)
        report[0] = '\0';
    for (size_t i = 0; i < s->count; i++) {
        const scene_cmd *c = &s->cmds[i];
        if (c->kind == SCENE_TEXT)
            audit_text(s, i, &a, &r);
        else if (is_box(c))
            audit_box(s, i, &a, &r);
        else if (c->kind == SCENE_HIT && !(c->flags & SCENE_F_DISABLED) &&
                 (c->rect.w < m.target - SLACK || c->rect.h < m.target - SLACK))
            report_line(&r, "hit %zu: %.1fx%.1f px under the %.1f px touch target (action %d, "
                            "arg %d)",
                        i, (double)c->rect.w, (double)c->rect.h, (double)m.target, c->action,
                        c->arg);
    }
    if (o.space)
        space_check(s, env, &r);
    audit_frame(s, &a, &r);
    return r.count;
}
