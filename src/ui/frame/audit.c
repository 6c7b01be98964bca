/* audit.c - proves a laid-out scene is readable and touchable: text
 * inside its block and on screen and never too small, layout blocks never
 * overlapping their siblings nor leaving their parent, touch targets big
 * enough. See audit.h for the contract.
 *
 * Overlap is judged on what is visible: a block in a clip is cut to it, so a
 * body scrolled under the fixed header is not a collision (the clip hides it),
 * while two cards on top of each other inside the body are. */
#include "audit.h"
#include "dump.h"
#include "lay.h"
#include "phys.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
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

static void audit_text(const scene *s, size_t i, const audit_ctx *a, audit_report *r)
{
    const lay_metrics *m = &a->m;
    const lay_measure *meas = &a->env->measure;
    const scene_cmd *c = &s->cmds[i];
    char sn[64];
    snippet(c, sn, sizeof sn);
    od_rect t = c->rect, b = c->box;
    if (!od_rect_inside(b, t, SLACK)) {
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
    return r.count;
}
