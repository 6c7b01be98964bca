/* dump.c - the machine-readable account of a frame. See dump.h. */
#include "dump.h"

#include <cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "phys.h"
#include "view.h"

/* Edges within half a pixel count as inside: layout works in floats and
 * the renderer rounds. */
#define SLACK 0.5f

/* The frame as one sequence: the scene's commands, then the overlay's. */
typedef struct {
    const scene *layer[2];
    size_t n;
} frame_seq;

double dump_luminance(od_color c)
{
    return od_luminance(c);
}

double dump_contrast(od_color a, od_color b)
{
    return od_contrast(a, b);
}

/* top over bottom by top's alpha, as the renderer blends (in sRGB values);
 * the result is opaque. */
static od_color over(od_color top, od_color bottom)
{
    float a = (float)top.a / 255.0f;
    od_color r = {
        (uint8_t)lrintf((float)top.r * a + (float)bottom.r * (1 - a)),
        (uint8_t)lrintf((float)top.g * a + (float)bottom.g * (1 - a)),
        (uint8_t)lrintf((float)top.b * a + (float)bottom.b * (1 - a)),
        255,
    };
    return r;
}

static od_rect clip_of(const scene *s, const scene_cmd *c)
{
    return c->clip >= 0 && (size_t)c->clip < s->nclips ? s->clips[c->clip]
                                                        : (od_rect){ -1e9f, -1e9f, 2e9f, 2e9f };
}

/* Where a filled rectangle really paints: its rectangle inside its clip. */
static od_rect painted(const scene *s, const scene_cmd *c)
{
    return od_rect_intersect(c->rect, clip_of(s, c));
}

/* The colour at (x, y) just before command `upto` of layer `li`; with
 * `unclipped`, as if the clip of command `upto` were scrolled to show
 * (x, y): only what that clip holds, over the clear colour (a line scrolled
 * out of view is read against its own page, not against the bar that
 * happens to lie where it would be). */
static od_color colour_under_as(const frame_seq *q, od_color clear, size_t li, size_t upto,
                                float x, float y, bool unclipped)
{
    int want = upto < q->layer[li]->count ? q->layer[li]->cmds[upto].clip : -1;
    od_color acc = clear;
    acc.a = 255;
    for (size_t l = 0; l <= li && l < q->n; l++) {
        const scene *s = q->layer[l];
        size_t end = l == li ? upto : s->count;
        for (size_t i = 0; i < end; i++) {
            const scene_cmd *c = &s->cmds[i];
            if (unclipped && (l != li || c->clip != want))
                continue;
            if (c->kind == SCENE_RECT && c->color.a &&
                od_rect_contains(unclipped ? c->rect : painted(s, c), x, y))
                acc = over(c->color, acc);
        }
    }
    return acc;
}

static od_color colour_under(const frame_seq *q, od_color clear, size_t li, size_t upto, float x,
                             float y)
{
    return colour_under_as(q, clear, li, upto, x, y, false);
}

/* Does an opaque rectangle drawn after command `from` of layer `li`
 * overlap r (any part when `centre` is false, else r's centre)? */
static bool covered_by(const frame_seq *q, size_t li, size_t from, od_rect r, bool centre,
                       bool floats)
{
    float cx = r.x + r.w / 2, cy = r.y + r.h / 2;
    for (size_t l = li; l < q->n; l++) {
        const scene *s = q->layer[l];
        for (size_t i = l == li ? from + 1 : 0; i < s->count; i++) {
            const scene_cmd *c = &s->cmds[i];
            if (c->kind != SCENE_RECT || c->color.a != 255)
                continue;
            if (!floats && (c->flags & SCENE_F_BOX) && c->level == LAY_LEVEL_FLOAT)
                continue;
            od_rect p = painted(s, c);
            /* Scrolled wholly out of its clip it paints nothing (an empty
             * rectangle would still "overlap" what lies around its edge). */
            if (p.w <= 0 || p.h <= 0)
                continue;
            if (centre ? od_rect_contains(p, cx, cy) : od_rect_overlap(p, r, SLACK))
                return true;
        }
    }
    return false;
}

static bool covered(const frame_seq *q, size_t li, size_t from, od_rect r, bool centre)
{
    return covered_by(q, li, from, r, centre, true);
}

/* The text's colour blended over what lies under its centre, that
 * background, and their ratio. */
static double text_contrast(const frame_seq *q, od_color clear, size_t li, size_t i,
                            bool unclipped, od_color *fg, od_color *bg)
{
    const scene_cmd *c = &q->layer[li]->cmds[i];
    od_rect r = c->rect;
    *bg = colour_under_as(q, clear, li, i, r.x + r.w / 2, r.y + r.h / 2, unclipped);
    *fg = over(c->color, *bg);
    return dump_contrast(*fg, *bg);
}

double dump_text_contrast(const scene *s, od_color clear, size_t i, bool unclipped, od_color *fg,
                          od_color *bg)
{
    frame_seq q = { { s, NULL }, 1 };
    return text_contrast(&q, clear, 0, i, unclipped, fg, bg);
}

od_color dump_colour_at(const scene *s, od_color clear, float x, float y)
{
    frame_seq q = { { s, NULL }, 1 };
    return colour_under(&q, clear, 0, s->count, x, y);
}

static bool placed(const scene *s, const scene_cmd *c, od_rect r, float w, float h)
{
    od_rect screen = { 0, 0, w, h };
    return od_rect_inside(screen, r, SLACK) && (c->clip < 0 || od_rect_inside(clip_of(s, c), r, SLACK));
}

static double round_to(double v, double step)
{
    return round(v / step) * step;
}

static void hex(od_color c, char out[8])
{
    snprintf(out, 8, "#%02x%02x%02x", c.r, c.g, c.b);
}

/* Adds the numbers of a rectangle; false when out of memory. */
static bool add_rect(cJSON *o, od_rect r)
{
    return cJSON_AddNumberToObject(o, "x", round_to(r.x, 0.1)) &&
           cJSON_AddNumberToObject(o, "y", round_to(r.y, 0.1)) &&
           cJSON_AddNumberToObject(o, "w", round_to(r.w, 0.1)) &&
           cJSON_AddNumberToObject(o, "h", round_to(r.h, 0.1));
}

static bool add_text(cJSON *arr, const dump_frame *f, const frame_seq *q, size_t li, size_t i,
                     float ppmm, float dist_cm)
{
    const scene *s = q->layer[li];
    const scene_cmd *c = &s->cmds[i];
    cJSON *o = cJSON_CreateObject();
    if (!o || !cJSON_AddItemToArray(arr, o))
        return (cJSON_Delete(o), false);
    char *text = malloc((size_t)c->len + 1);
    if (!text)
        return false;
    memcpy(text, c->text, c->len);
    text[c->len] = '\0';
    bool ok = cJSON_AddStringToObject(o, "text", text) != NULL;
    free(text);
    od_rect r = c->rect;
    od_color fg = c->color, blended, bg;
    double contrast = text_contrast(q, f->clear, li, i, false, &blended, &bg);
    double cap_mm = measure_cap_height(&f->env->measure, c->font, c->size) / ppmm;
    /* The angle a capital subtends at the reader's eye, in minutes of arc:
     * what legibility guidance is written in. */
    double arcmin = 2.0 * atan(cap_mm / 2.0 / (dist_cm * 10.0)) * (180.0 / M_PI) * 60.0;
    char fgs[8], bgs[8];
    hex(fg, fgs);
    hex(bg, bgs);
    bool vis = c->color.a > 0 && placed(s, c, r, (float)f->env->w, (float)f->env->h) &&
               !covered(q, li, i, r, false);
    ok = ok && add_rect(o, r) && cJSON_AddNumberToObject(o, "px", round_to(c->size, 0.1)) &&
         cJSON_AddStringToObject(o, "font", c->font == SCENE_FONT_BOLD ? "bold" : "regular") &&
         cJSON_AddNumberToObject(o, "cap_mm", round_to(cap_mm, 0.01)) &&
         cJSON_AddNumberToObject(o, "cap_arcmin", round_to(arcmin, 0.1)) &&
         cJSON_AddStringToObject(o, "fg", fgs) && cJSON_AddStringToObject(o, "bg", bgs) &&
         cJSON_AddNumberToObject(o, "alpha", round_to(fg.a / 255.0, 0.01)) &&
         cJSON_AddNumberToObject(o, "contrast", round_to(contrast, 0.01)) &&
         cJSON_AddBoolToObject(o, "visible", vis) &&
         cJSON_AddBoolToObject(o, "overlay", li == 1);
    return ok;
}

static bool add_target(cJSON *arr, od_rect r, const char *action, bool enabled, bool visible,
                       bool overlay)
{
    cJSON *o = cJSON_CreateObject();
    if (!o || !cJSON_AddItemToArray(arr, o))
        return (cJSON_Delete(o), false);
    return add_rect(o, r) && cJSON_AddStringToObject(o, "action", action) &&
           cJSON_AddBoolToObject(o, "enabled", enabled) &&
           cJSON_AddBoolToObject(o, "visible", visible) &&
           cJSON_AddBoolToObject(o, "overlay", overlay);
}

char *dump_json(const dump_frame *f)
{
    const lay_env *env = f->env;
    frame_seq q = { { f->scene, f->overlay }, f->overlay ? 2 : 1 };
    float ppmm = phys_px_per_mm(env->dpi);
    float dist = env->distance_cm > 0 ? env->distance_cm : PHYS_DISTANCE_CM;
    char clear[8];
    hex(f->clear, clear);
    cJSON *root = cJSON_CreateObject(), *size = cJSON_CreateArray();
    bool ok = root && size && cJSON_AddItemToObject(root, "screen", cJSON_CreateString(f->screen ? f->screen : ""));
    if (size && !(ok && cJSON_AddItemToObject(root, "size", size))) {
        cJSON_Delete(size);
        ok = false;
    }
    ok = ok && cJSON_AddItemToArray(size, cJSON_CreateNumber(env->w)) &&
         cJSON_AddItemToArray(size, cJSON_CreateNumber(env->h)) &&
         cJSON_AddNumberToObject(root, "dpi", round_to(ppmm * 25.4, 0.1)) &&
         cJSON_AddNumberToObject(root, "px_per_mm", round_to(ppmm, 0.001)) &&
         cJSON_AddNumberToObject(root, "distance_cm", round_to(dist, 0.1)) &&
         cJSON_AddStringToObject(root, "clear", clear);
    cJSON *texts = ok ? cJSON_AddArrayToObject(root, "texts") : NULL;
    cJSON *targets = texts ? cJSON_AddArrayToObject(root, "targets") : NULL;
    ok = ok && texts && targets;
    char action[200];
    for (size_t l = 0; ok && l < q.n; l++) {
        const scene *s = q.layer[l];
        for (size_t i = 0; ok && i < s->count; i++) {
            const scene_cmd *c = &s->cmds[i];
            if (c->kind == SCENE_TEXT) {
                ok = add_text(texts, f, &q, l, i, ppmm, dist);
            } else if (c->kind == SCENE_HIT) {
                view_action_name(c->action, c->arg, f->c, action, sizeof action);
                bool vis = placed(s, c, c->rect, (float)env->w, (float)env->h) &&
                           !covered(&q, l, i, c->rect, true);
                ok = add_target(targets, c->rect, action, !(c->flags & SCENE_F_DISABLED), vis,
                                l == 1);
            }
        }
    }
    od_rect screen = { 0, 0, (float)env->w, (float)env->h };
    for (size_t i = 0; ok && i < f->n_extra; i++)
        ok = add_target(targets, f->extra[i].rect, f->extra[i].action, true,
                        od_rect_inside(screen, f->extra[i].rect, SLACK), true);
    char *out = ok ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    return out;
}

void dump_free(char *json)
{
    cJSON_free(json);
}

bool dump_account_init(dump_account *out, const dump_frame *f)
{
    memset(out, 0, sizeof *out);
    const lay_env *env = f->env;
    frame_seq q = { { f->scene, f->overlay }, f->overlay ? 2 : 1 };
    size_t nt = 0, nh = f->n_extra;
    for (size_t l = 0; l < q.n; l++)
        for (size_t i = 0; i < q.layer[l]->count; i++) {
            scene_kind k = q.layer[l]->cmds[i].kind;
            nt += k == SCENE_TEXT;
            nh += k == SCENE_HIT;
        }
    out->lines = calloc(nt ? nt : 1, sizeof *out->lines);
    out->hits = calloc(nh ? nh : 1, sizeof *out->hits);
    if (!out->lines || !out->hits) {
        dump_account_deinit(out);
        return false;
    }
    float W = (float)env->w, H = (float)env->h;
    for (size_t l = 0; l < q.n; l++) {
        const scene *s = q.layer[l];
        for (size_t i = 0; i < s->count; i++) {
            const scene_cmd *c = &s->cmds[i];
            if (c->kind == SCENE_TEXT) {
                dump_line *o = &out->lines[out->nlines++];
                /* Covered or not where it shows: a line scrolled out of its
                 * clip is under nothing, whatever is drawn where it would be. */
                od_rect part = od_rect_intersect(od_rect_intersect(c->rect, clip_of(s, c)),
                                                 (od_rect){ 0, 0, W, H });
                bool gone = part.w <= SLACK || part.h <= SLACK;
                bool open = c->color.a > 0 && (gone || !covered(&q, l, i, part, false));
                /* For a reader, a line is hidden only when something covers
                 * its middle, and the page's floating buttons ("More below")
                 * hide nothing: what they cover is read, as the part of the
                 * page scrolled out of view is. */
                bool read = c->color.a > 0 && (gone || !covered_by(&q, l, i, part, true, false));
                *o = (dump_line){ c->text, c->len, c->rect, c->size, c->font, c->clip,
                                  open && placed(s, c, c->rect, W, H), read, l == 1 };
            } else if (c->kind == SCENE_HIT) {
                dump_hit *o = &out->hits[out->nhits++];
                o->rect = c->rect;
                o->action = c->action;
                o->arg = c->arg;
                o->id = c->id;
                o->clip = c->clip;
                view_action_name(c->action, c->arg, f->c, o->name, sizeof o->name);
                o->enabled = !(c->flags & SCENE_F_DISABLED);
                o->visible = placed(s, c, c->rect, W, H) && !covered(&q, l, i, c->rect, true);
                o->overlay = l == 1;
            }
        }
    }
    od_rect screen = { 0, 0, W, H };
    for (size_t i = 0; i < f->n_extra; i++) {
        dump_hit *o = &out->hits[out->nhits++];
        o->rect = f->extra[i].rect;
        o->action = o->arg = o->clip = -1;
        snprintf(o->name, sizeof o->name, "%s", f->extra[i].action);
        o->enabled = o->overlay = true;
        o->visible = od_rect_inside(screen, o->rect, SLACK);
    }
    return true;
}

void dump_account_deinit(dump_account *a)
{
    free(a->lines);
    free(a->hits);
    memset(a, 0, sizeof *a);
}
