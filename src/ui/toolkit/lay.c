/* lay.c - the box builder: metrics, the frame builder and its primitives
 * (measuring, text drawn through the text engine, pills, cards, panels).
 * See lay.h for the contract. */
#include "lay.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- metrics --------------------------------------------------------------- */

bool lay_reach(const lay_env *env)
{
    return env->reach || env->mounted_high || env->h > env->w;
}

float lay_cap_degrees(const lay_env *env)
{
    return env->large_text ? LAY_CAP_DEGREES_LARGE : LAY_CAP_DEGREES;
}

void lay_metrics_compute(const lay_env *env, lay_metrics *m)
{
    float dpi = env->dpi > 0 ? env->dpi : LAY_DEFAULT_DPI;
    float dist_cm = env->distance_cm > 0 ? env->distance_cm : LAY_DEFAULT_DISTANCE_CM;
    const float deg = 3.14159265f / 180.0f;
    m->px_per_mm = dpi / 25.4f;
    m->distance_mm = 10.0f * dist_cm;
    m->cap_min = m->distance_mm * tanf(lay_cap_degrees(env) * deg) * m->px_per_mm;
    /* The font size at which every face's capitals reach cap_min. Cap height
     * is proportional to the size, so one measurement at 100 px gives the
     * ratio; a measurer reporting nothing sensible falls back to 0.7. */
    float px = LAY_TEXT_MIN_PX;
    for (int f = 0; f < SCENE_FONT_COUNT; f++) {
        float ratio = measure_cap_height(&env->measure, (scene_font)f, 100.0f) / 100.0f;
        if (!(ratio > 0.2f && ratio < 1.5f))
            ratio = 0.7f;
        px = fmaxf(px, m->cap_min / ratio);
    }
    /* Whole pixels: the text cache keys on the size, and hinting likes them.
     * A real face reports its cap height in whole pixels, so the proportion
     * may fall a pixel short: step up until every face reaches cap_min. */
    px = ceilf(px);
    for (int step = 0; step < 8; step++) {
        bool ok = true;
        for (int f = 0; f < SCENE_FONT_COUNT; f++)
            ok &= measure_cap_height(&env->measure, (scene_font)f, px) >= m->cap_min - 0.01f;
        if (ok)
            break;
        px += 1.0f;
    }
    float u = px / 24.0f;
    m->unit = u;
    m->text_min = px;
    m->body = px;
    m->h3 = 28.0f * u;
    m->h2 = 34.0f * u;
    m->h1 = 44.0f * u;
    m->hero = 64.0f * u;
    m->target = fmaxf(LAY_TARGET_MM * m->px_per_mm, LAY_TARGET_MIN_PX);
    m->pad = 16.0f * u;
    m->gap = 12.0f * u;
    m->radius = 14.0f * u;
    m->header_h = m->target + 20.0f * u;
}

/* ---- the builder ------------------------------------------------------------- */

void lay_begin(lay *L, scene *s, const content *c, const lay_env *env,
               const lay_frame_in *in)
{
    L->s = s;
    L->c = c;
    L->env = env;
    lay_metrics_compute(env, &L->m);
    L->W = env->w > 0 ? (float)env->w : 1.0f;
    L->H = env->h > 0 ? (float)env->h : 1.0f;
    L->ox = L->oy = 0;
    L->alpha = 1;
    L->dry = false;
    L->hits = false;
    L->show_focus = in ? in->show_focus : false;
    L->pressed = L->focus = 0;
    L->scroll = 0;
    L->view_h = L->H;
    L->in = in;
    /* The text engine's view of this frame: the measurer, the cache, and
     * the content's language for line breaking and hyphenation. */
    L->text.measure = &env->measure;
    L->text.lang = c && c->language && c->language[0] ? c->language : NULL;
    L->text.cache = env->cache;
    L->scratch_used = 0;
    L->nheap = 0;
}

void lay_end(lay *L)
{
    for (size_t i = 0; i < L->nheap; i++)
        free(L->heap[i]);
    L->nheap = 0;
    L->scratch_used = 0;
}

void *lay_alloc(lay *L, size_t bytes)
{
    size_t a = sizeof(max_align_t);
    size_t need = (bytes + a - 1) / a * a;
    if (need <= LAY_SCRATCH_BYTES - L->scratch_used) {
        void *p = L->scratch.bytes + L->scratch_used;
        L->scratch_used += need;
        memset(p, 0, bytes);
        return p;
    }
    if (L->nheap == sizeof L->heap / sizeof *L->heap)
        return NULL;
    void *p = calloc(1, bytes ? bytes : 1);
    if (!p) {
        fprintf(stderr, "openday: out of memory (%zu bytes)\n", bytes);
        abort();
    }
    L->heap[L->nheap++] = p;
    return p;
}

/* ---- colours ------------------------------------------------------------------ */

od_color lay_col(const lay *L, content_color k)
{
    return L->c ? L->c->colors[k] : content_default_color(k);
}

const char *lay_str(const lay *L, content_str k)
{
    return L->c ? L->c->strings[k] : content_default_string(k);
}

od_color lay_legible(od_color c, od_color bg, double need, od_color toward)
{
    for (int k = 0; k <= 10; k++) {
        od_color m = lay_mix(c, toward, (float)k / 10.0f);
        m.a = c.a;
        if (od_contrast(m, bg) >= need)
            return m;
    }
    toward.a = c.a;
    return toward;
}

od_color lay_content_text(const lay *L, od_color c)
{
    static const content_color grounds[] = { CONTENT_COLOR_BACKGROUND, CONTENT_COLOR_SURFACE, CONTENT_COLOR_SURFACE_ALT };
    od_color text = lay_col(L, CONTENT_COLOR_TEXT);
    for (size_t k = 0; k < sizeof grounds / sizeof *grounds; k++) {
        od_color g = lay_col(L, grounds[k]);
        g.a = 255;
        c = lay_legible(c, g, 4.5, text);
    }
    return c;
}

od_color lay_with_alpha(od_color c, float a)
{
    if (a < 0)
        a = 0;
    if (a > 1)
        a = 1;
    c.a = (uint8_t)lroundf((float)c.a * a);
    return c;
}

od_color lay_mix(od_color a, od_color b, float t)
{
    od_color r;
    r.r = (uint8_t)lroundf((float)a.r + ((float)b.r - (float)a.r) * t);
    r.g = (uint8_t)lroundf((float)a.g + ((float)b.g - (float)a.g) * t);
    r.b = (uint8_t)lroundf((float)a.b + ((float)b.b - (float)a.b) * t);
    r.a = (uint8_t)lroundf((float)a.a + ((float)b.a - (float)a.a) * t);
    return r;
}

/* ---- measuring ----------------------------------------------------------------- */

float lay_tw(const lay *L, scene_font f, float px, const char *s, size_t len)
{
    return text_width(&L->text, f, px, s, len);
}

float lay_lh(const lay *L, scene_font f, float px)
{
    return L->env->measure.line_height(L->env->measure.ctx, f, px);
}

float lay_widest_word(const lay *L, scene_font f, float px, const char *s)
{
    return text_widest_word(&L->text, f, px, s, strlen(s));
}

float lay_fit_size(const lay *L, scene_font f, float base, float min, const char *s, float w)
{
    if (base <= min)
        return min;
    /* Widths scale linearly with size for practical purposes, so one
     * measurement predicts the answer; the loop confirms it with the real
     * measurer (hinting makes small sizes slightly wider). */
    float ww = lay_widest_word(L, f, base, s);
    if (ww <= w)
        return base;
    float step = L->m.unit;
    for (float px = floorf(base * w / ww / step) * step; px > min; px -= step)
        if (lay_widest_word(L, f, px, s) <= w)
            return px;
    return min;
}

/* Height of s wrapped at w, without emitting anything. */
float lay_text_height(const lay *L, const lay_style *st, float w, const char *s, size_t len,
                      float *widest)
{
    float lh = lay_lh(L, st->font, st->size), h = 0, best = 0;
    text_lines it;
    text_lines_begin(&it, &L->text, st->font, st->size, s, len, w);
    if (it.v) {
        for (size_t i = 0; i < it.n; i++)
            best = fmaxf(best, it.v[i].w);
        h = (float)it.n * lh;
    } else {
        text_span ln;
        while (text_lines_next(&it, &ln)) {
            best = fmaxf(best, ln.w);
            h += lh;
        }
    }
    if (widest)
        *widest = best;
    return h;
}

/* ---- emitting ------------------------------------------------------------------ */

int lay_box(lay *L, od_rect r, od_color c, float radius, int parent)
{
    if (L->dry)
        return -1;
    r.x += L->ox;
    r.y += L->oy;
    scene_cmd *cmd = scene_rect(L->s, r, lay_with_alpha(c, L->alpha), radius);
    cmd->flags |= SCENE_F_BOX;
    cmd->parent = parent;
    cmd->level = (int16_t)(parent >= 0 ? L->s->cmds[parent].level + 1 : 0);
    return (int)(L->s->count - 1);
}

void lay_rect(lay *L, od_rect r, od_color c, float radius)
{
    if (L->dry || c.a == 0)
        return;
    r.x += L->ox;
    r.y += L->oy;
    scene_rect(L->s, r, lay_with_alpha(c, L->alpha), radius);
}

void lay_frame(lay *L, od_rect r, od_color c, float radius, float thick)
{
    if (L->dry || c.a == 0)
        return;
    scene_cmd *cmd = scene_add(L->s, SCENE_FRAME);
    cmd->rect = (od_rect){ r.x + L->ox, r.y + L->oy, r.w, r.h };
    cmd->color = lay_with_alpha(c, L->alpha);
    cmd->radius = radius;
    cmd->thickness = thick;
}

void lay_line(lay *L, float x0, float y0, float x1, float y1, float thick, od_color c)
{
    if (L->dry)
        return;
    scene_line(L->s, x0 + L->ox, y0 + L->oy, x1 + L->ox, y1 + L->oy, thick,
               lay_with_alpha(c, L->alpha));
}

void lay_hit(lay *L, od_rect r, int action, int arg, bool enabled)
{
    if (L->dry || !L->hits)
        return;
    r.x += L->ox;
    r.y += L->oy;
    scene_cmd *cmd = scene_hit(L->s, r, action, arg);
    if (!enabled)
        cmd->flags |= SCENE_F_DISABLED;
}

bool lay_is_pressed(const lay *L, int action, int arg)
{
    return L->hits && L->pressed && L->pressed == scene_hit_id(action, arg);
}

void lay_focus_ring(lay *L, od_rect r, float radius, int action, int arg)
{
    if (!L->hits || !L->show_focus || !L->focus || L->focus != scene_hit_id(action, arg))
        return;
    float u = L->m.unit, o = 5.0f * u;
    lay_frame(L, (od_rect){ r.x - o, r.y - o, r.w + 2 * o, r.h + 2 * o },
              lay_col(L, CONTENT_COLOR_ACCENT), radius + o, 3.0f * u);
}

od_rect lay_press_shrink(const lay *L, od_rect r)
{
    /* About 3% in all, capped below the 8-unit inner padding of pills so
     * their label never leaves the shrunk block. */
    float cap = 4.0f * L->m.unit;
    float sx = fminf(0.015f * r.w, cap), sy = fminf(0.015f * r.h, cap);
    return (od_rect){ r.x + sx, r.y + sy, r.w - 2 * sx, r.h - 2 * sy };
}

float lay_text_n(lay *L, const lay_style *st, float x, float y, float w, const char *s,
                 size_t len, int box)
{
    if (L->dry)
        return lay_text_height(L, st, w, s, len, NULL);
    float lh = lay_lh(L, st->font, st->size);
    size_t first = L->s->count;
    od_color col = lay_with_alpha(st->color, L->alpha);
    float yy = y;
    text_lines it;
    text_lines_begin(&it, &L->text, st->font, st->size, s, len, w);
    text_span ln;
    while (text_lines_next(&it, &ln)) {
        if (ln.len) {
            float lx = x;
            if (st->align == LAY_ALIGN_CENTER)
                lx += (w - ln.w) / 2;
            else if (st->align == LAY_ALIGN_RIGHT)
                lx += w - ln.w;
            size_t tl;
            const char *t = text_span_text(L->s, s, &ln, st->copy, &tl);
            scene_cmd *cmd = scene_text(L->s, lx + L->ox, yy + L->oy, ln.w, lh, st->font,
                                        st->size, col, t, tl);
            if (box >= 0) {
                cmd->box = L->s->cmds[box].rect;
                cmd->parent = box;
            }
        }
        yy += lh;
    }
    float h = yy - y;
    if (box < 0)
        for (size_t k = first; k < L->s->count; k++)
            L->s->cmds[k].box = (od_rect){ x + L->ox, y + L->oy, w, h };
    return h;
}

float lay_text(lay *L, const lay_style *st, float x, float y, float w, const char *s, int box)
{
    return lay_text_n(L, st, x, y, w, s, strlen(s), box);
}

/* ---- pills ------------------------------------------------------------------------ */

typedef struct {
    float hpad, vpad;     /* inner padding */
    float extra;          /* width of the dot and chevron with their gaps */
    float dot, chev_w;
} pill_geom;

static void pill_geom_of(const lay *L, const lay_pill *p, pill_geom *g)
{
    float u = L->m.unit;
    g->hpad = 14.0f * u;
    g->vpad = (p->dense ? 4.0f : 8.0f) * u;
    g->dot = p->dot.a ? (p->dot_pair ? 27.0f : 12.0f) * u : 0;
    if (p->mark && p->mark[0] && p->dot.a)
        g->dot = fmaxf(lay_mark_chip_h(L), lay_tw(L, SCENE_FONT_BOLD, L->m.text_min, p->mark,
                                              strlen(p->mark)) + 12.0f * u);
    g->chev_w = p->chevron ? 0.3f * p->size : 0;
    g->extra = (g->dot ? g->dot + 10.0f * u : 0) + (g->chev_w ? g->chev_w + 10.0f * u : 0);
}

static lay_style pill_style(const lay_pill *p, od_color fg)
{
    lay_style st = { p->font, p->size, fg, LAY_ALIGN_CENTER, false };
    return st;
}

void lay_pill_size(const lay *L, const lay_pill *p, float maxw, float *w, float *h)
{
    pill_geom g;
    pill_geom_of(L, p, &g);
    size_t len = strlen(p->text);
    float tw = lay_tw(L, p->font, p->size, p->text, len);
    float lh = lay_lh(L, p->font, p->size);
    float inner = maxw - 2 * g.hpad - g.extra;
    if (tw <= inner) {
        *w = tw + 2 * g.hpad + g.extra;
        *h = lh + 2 * g.vpad;
    } else {
        lay_style st = pill_style(p, p->fg);
        *w = maxw;
        *h = lay_text_height(L, &st, inner > 1 ? inner : 1, p->text, len, NULL) + 2 * g.vpad;
    }
    if (p->wide)
        *w = maxw;
    if (p->action != VIEW_ACT_NONE) {
        *w = fmaxf(*w, L->m.target);
        *h = fmaxf(*h, L->m.target);
    }
}

void lay_chevron(lay *L, float cx, float cy, float w, float size, int dir, od_color c)
{
    float hw = w / 2, hh = 0.26f * size, t = fmaxf(2.0f, 0.09f * size);
    float tip = cx + (float)dir * hw, tail = cx - (float)dir * hw;
    lay_line(L, tail, cy - hh, tip, cy, t, c);
    lay_line(L, tip, cy, tail, cy + hh, t, c);
}

int lay_pill_draw(lay *L, const lay_pill *p, od_rect r, int parent)
{
    if (L->dry)
        return -1;
    bool tap = p->action != VIEW_ACT_NONE;
    bool pressed = tap && !p->disabled && lay_is_pressed(L, p->action, p->arg);
    od_rect b = pressed ? lay_press_shrink(L, r) : r;
    od_color bg = pressed ? lay_col(L, CONTENT_COLOR_ACCENT) : p->bg;
    od_color fg = pressed ? lay_col(L, CONTENT_COLOR_ACCENT_TEXT) : p->fg;
    if (p->disabled) {
        bg = lay_with_alpha(bg, 0.5f);
        fg = lay_with_alpha(lay_col(L, CONTENT_COLOR_MUTED), 0.7f);
    }
    float radius = p->round ? fminf(b.h / 2, 26.0f * L->m.unit) : 0.8f * L->m.radius;
    int box = lay_box(L, b, bg, radius, parent);
    if (p->outline.a && !pressed)
        lay_frame(L, b, p->outline, radius, 2.0f * L->m.unit);

    /* Label laid out against the unshrunk rect, so pressing never rewraps. */
    pill_geom g;
    pill_geom_of(L, p, &g);
    size_t len = strlen(p->text);
    lay_style st = pill_style(p, fg);
    float inner = r.w - 2 * g.hpad - g.extra;
    if (inner < 1)
        inner = 1;
    float widest;
    float th = lay_text_height(L, &st, inner, p->text, len, &widest);
    bool multi = th > lay_lh(L, p->font, p->size) + 0.5f;
    float tw = multi ? inner : widest;
    /* A wrapped label beside a dot or chevron reads better flush left. */
    if (multi && (g.dot || p->chevron))
        st.align = LAY_ALIGN_LEFT;
    float gx = r.x + (r.w - (tw + g.extra)) / 2, cy = r.y + r.h / 2;
    if (g.dot) {
        od_color dc = pressed ? fg : p->dot;
        float u = L->m.unit, d = 12.0f * u;
        if (p->mark && p->mark[0]) {
            /* The mark's chip, as lay_marks_draw draws it. */
            float mh = lay_mark_chip_h(L);
            lay_rect(L, (od_rect){ gx, cy - mh / 2, g.dot, mh }, dc, 0.3f * mh);
            lay_style ms = { SCENE_FONT_BOLD, L->m.text_min,
                             pressed ? p->dot : lay_col(L, CONTENT_COLOR_ACCENT_TEXT), LAY_ALIGN_CENTER, true };
            size_t first = L->s->count;
            lay_text(L, &ms, gx, cy - mh / 2 + 2.0f * u, g.dot, p->mark, box);
            lay_flag_mark(L, first, (od_rect){ gx, cy - mh / 2, g.dot, mh });
        } else if (p->dot_pair) {
            lay_dot_pair(L, gx, cy, d, dc);
        } else {
            lay_rect(L, (od_rect){ gx, cy - g.dot / 2, g.dot, g.dot }, dc, g.dot / 2);
        }
        gx += g.dot + 10.0f * u;
    }
    if (p->chevron < 0) {
        lay_chevron(L, gx + g.chev_w / 2, cy, g.chev_w, p->size, -1, fg);
        gx += g.chev_w + 10.0f * L->m.unit;
    }
    lay_text_n(L, &st, gx, cy - th / 2, tw, p->text, len, box);
    if (p->chevron > 0)
        lay_chevron(L, gx + tw + 10.0f * L->m.unit + g.chev_w / 2, cy, g.chev_w, p->size, 1, fg);
    if (tap) {
        lay_focus_ring(L, r, radius, p->action, p->arg);
        lay_hit(L, r, p->action, p->arg, !p->disabled);
    }
    return box;
}

float lay_pills(lay *L, float x, float y, float w, size_t n, lay_pill_fn get, const void *ctx,
                lay_align align, float spacing, int parent)
{
    enum { ROW_MAX = 48 };
    float pw[ROW_MAX], ph[ROW_MAX];
    float yy = y;
    size_t i = 0;
    while (i < n) {
        size_t k = 0;
        float roww = 0, rowh = 0;
        while (i + k < n && k < ROW_MAX) {
            lay_pill p;
            get(L, ctx, i + k, &p);
            float cw, ch;
            lay_pill_size(L, &p, w, &cw, &ch);
            float nw = k ? roww + spacing + cw : cw;
            if (k && nw > w)
                break;
            pw[k] = cw;
            ph[k] = ch;
            roww = nw;
            rowh = fmaxf(rowh, ch);
            k++;
        }
        if (!L->dry) {
            float px = x;
            if (align == LAY_ALIGN_CENTER)
                px += (w - roww) / 2;
            else if (align == LAY_ALIGN_RIGHT)
                px += w - roww;
            for (size_t j = 0; j < k; j++) {
                lay_pill p;
                get(L, ctx, i + j, &p);
                lay_pill_draw(L, &p, (od_rect){ px, yy + (rowh - ph[j]) / 2, pw[j], ph[j] },
                              parent);
                px += pw[j] + spacing;
            }
        }
        i += k;
        yy += rowh;
        if (i < n)
            yy += spacing;
    }
    return yy - y;
}

lay_pill lay_round_pill(const lay *L, const char *text, scene_font font)
{
    lay_pill p;
    memset(&p, 0, sizeof p);
    p.text = text;
    p.font = font;
    p.size = lay_small(L);
    p.bg = lay_col(L, CONTENT_COLOR_SURFACE_ALT);
    p.fg = lay_col(L, CONTENT_COLOR_TEXT);
    p.action = VIEW_ACT_NONE;
    p.round = true;
    return p;
}

lay_pill lay_chip(const lay *L, const char *text)
{
    return lay_round_pill(L, text, SCENE_FONT_REGULAR);
}

static void chip_of_list(const lay *L, const void *ctx, size_t i, lay_pill *out)
{
    char *const *items = ctx;
    *out = lay_chip(L, items[i]);
}

float lay_chip_list(lay *L, float x, float y, float w, char *const *items, size_t n,
                    lay_align align, int parent)
{
    return lay_pills(L, x, y, w, n, chip_of_list, items, align, 8.0f * L->m.unit, parent);
}

/* ---- recurring pieces --------------------------------------------------------- */

float lay_measure_fn(lay *L, float w, lay_body_fn fn, const void *ctx)
{
    bool was = L->dry;
    L->dry = true;
    float h = fn(L, 0, 0, w, -1, ctx);
    L->dry = was;
    return h;
}

float lay_card(lay *L, float x, float y, float w, float min_h, float pad, od_color bg,
               lay_body_fn fn, const void *ctx, int parent)
{
    float h = fmaxf(lay_measure_fn(L, w - 2 * pad, fn, ctx) + 2 * pad, min_h);
    if (L->dry)
        return h;
    int box = lay_box(L, (od_rect){ x, y, w, h }, bg, L->m.radius, parent);
    fn(L, x + pad, y + pad, w - 2 * pad, box, ctx);
    return h;
}

float lay_heading(lay *L, float x, float y, float w, const char *text, od_color accent, int box)
{
    float u = L->m.unit;
    lay_style st = { SCENE_FONT_BOLD, L->m.h3, lay_col(L, CONTENT_COLOR_TEXT), LAY_ALIGN_LEFT, false };
    float h = lay_text(L, &st, x, y, w, text, box);
    lay_rect(L, (od_rect){ x, y + h + 4.0f * u, 36.0f * u, 4.0f * u }, accent, 2.0f * u);
    return h + 8.0f * u;
}

/* "2 / 14  ·  Swipe for the next one" */
static void swipe_hint(const lay *L, size_t i, size_t n, char *buf, size_t len)
{
    snprintf(buf, len, "%zu / %zu  \xc2\xb7  %s", i + 1, n, lay_str(L, CONTENT_STR_SWIPE_HINT));
}

float lay_swipe_dots(lay *L, float x, float y, float w, size_t i, size_t n, od_color c)
{
    if (n < 2)
        return 0;
    float u = L->m.unit, d = 10.0f * u, sp = 10.0f * u, cur = 28.0f * u;
    float h = 0;
    if (n <= 16) {
        float total = cur + (float)(n - 1) * (d + sp);
        float px = x + (w - total) / 2;
        for (size_t k = 0; k < n; k++) {
            float dw = k == i ? cur : d;
            lay_rect(L, (od_rect){ px, y, dw, d },
                     k == i ? c : lay_with_alpha(lay_col(L, CONTENT_COLOR_MUTED), 0.45f), d / 2);
            px += dw + sp;
        }
        h = d + 10.0f * u;
    }
    char buf[512];
    swipe_hint(L, i, n, buf, sizeof buf);
    lay_style st = { SCENE_FONT_REGULAR, L->m.text_min, lay_col(L, CONTENT_COLOR_MUTED), LAY_ALIGN_CENTER, true };
    return h + lay_text(L, &st, x, y + h, w, buf, -1);
}

const char *lay_fill(lay *L, const char *text, const char *mark, const char *value)
{
    const char *at = strstr(text, mark);
    if (!at)
        return text;
    size_t head = (size_t)(at - text), ml = strlen(mark), vl = strlen(value);
    size_t n = strlen(text) - ml + vl + 1;
    char *out = lay_alloc(L, n);
    if (!out)
        return text;
    memcpy(out, text, head);
    memcpy(out + head, value, vl);
    memcpy(out + head + vl, at + ml, strlen(at + ml) + 1);
    /* The scene borrows the strings it draws: keep the result in the scene,
     * which outlives the builder's scratch memory. */
    const char *kept = scene_strdup(L->s, out, n - 1);
    return kept ? kept : text;
}

/* The Previous and Next pills (one, Next, for two siblings); returns how
 * many, with their natural sizes at width w. */
static size_t sibling_pills(lay *L, float w, size_t n, const char *prev, const char *next,
                            lay_pill p[2], float bw[2], float bh[2])
{
    size_t np = 0;
    for (int step = -1; step <= 1; step += 2) {
        if (n == 2 && step < 0)
            continue;
        const char *text = lay_fill(L, lay_str(L, step > 0 ? CONTENT_STR_NEXT : CONTENT_STR_PREVIOUS), "{name}",
                                    step > 0 ? next : prev);
        lay_pill *b = &p[np];
        *b = lay_round_pill(L, text, SCENE_FONT_BOLD);
        b->chevron = step;
        b->action = VIEW_ACT_SIBLING;
        b->arg = step;
        lay_pill_size(L, b, w, &bw[np], &bh[np]);
        np++;
    }
    return np;
}

float lay_sibling_nav(lay *L, float x, float y, float w, size_t i, size_t n, od_color c,
                      const char *prev, const char *next)
{
    if (n < 2 || i >= n)
        return 0;
    const lay_metrics *m = &L->m;
    lay_pill p[2];
    float bw[2] = { 0, 0 }, bh[2] = { 0, 0 };
    size_t np = sibling_pills(L, w, n, prev, next, p, bw, bh);
    float widest = np == 2 ? fmaxf(bw[0], bw[1]) : bw[0];
    float tall = np == 2 ? fmaxf(bh[0], bh[1]) : bh[0];
    bool was = L->dry;
    L->dry = true;
    float dots_h = lay_swipe_dots(L, x, y, w, i, n, c);
    L->dry = was;
    char buf[512];
    swipe_hint(L, i, n, buf, sizeof buf);
    float hint_w = lay_tw(L, SCENE_FONT_REGULAR, m->text_min, buf, strlen(buf));

    /* One row when the buttons fit either side of the centred dots and hint:
     * the wide screens keep their height. */
    if (hint_w + 2 * (widest + m->gap) <= w) {
        float row = fmaxf(tall, dots_h);
        lay_swipe_dots(L, x, y + (row - dots_h) / 2, w, i, n, c);
        for (size_t k = 0; k < np; k++) {
            float bx = p[k].arg < 0 ? x : x + w - bw[k];
            lay_pill_draw(L, &p[k], (od_rect){ bx, y + (row - tall) / 2, bw[k], tall }, -1);
        }
        return row;
    }
    /* Else the dots, then the buttons: side by side when both labels stay on
     * one line in half the width, else each on its own row (wrapping only
     * when the full width is too narrow). */
    float yy = y + lay_swipe_dots(L, x, y, w, i, n, c) + m->gap;
    bool side = np == 1 || (bw[0] <= (w - m->gap) / 2 && bw[1] <= (w - m->gap) / 2);
    if (side) {
        for (size_t k = 0; k < np; k++) {
            float bx = p[k].arg < 0 ? x : x + w - bw[k];
            lay_pill_draw(L, &p[k], (od_rect){ bx, yy, bw[k], tall }, -1);
        }
        return yy + tall - y;
    }
    for (size_t k = 0; k < np; k++) {
        float bx = p[k].arg < 0 ? x : x + w - bw[k];
        lay_pill_draw(L, &p[k], (od_rect){ bx, yy, bw[k], bh[k] }, -1);
        yy += bh[k] + (k + 1 < np ? m->gap : 0);
    }
    return yy - y;
}

typedef struct {
    const char *text;
} concl_ctx;

static float conclusion_body(lay *L, float x, float y, float w, int box, const void *ctx)
{
    const concl_ctx *cc = ctx;
    lay_style st = { SCENE_FONT_BOLD, L->m.h3, lay_col(L, CONTENT_COLOR_TEXT), LAY_ALIGN_LEFT, false };
    return lay_text(L, &st, x, y, w, cc->text, box);
}

float lay_conclusion(lay *L, float x, float y, float w, const char *text, int parent)
{
    if (!text[0])
        return 0;
    concl_ctx cc = { text };
    od_color bg = lay_mix(lay_col(L, CONTENT_COLOR_SURFACE), lay_col(L, CONTENT_COLOR_ACCENT), 0.10f);
    float h = lay_card(L, x, y, w, 0, 1.25f * L->m.pad, bg, conclusion_body, &cc, parent);
    lay_frame(L, (od_rect){ x, y, w, h }, lay_col(L, CONTENT_COLOR_ACCENT), L->m.radius,
              2.0f * L->m.unit);
    return h;
}

size_t lay_balance_rows(size_t n, size_t max_cols)
{
    if (max_cols < 1)
        max_cols = 1;
    return (n + max_cols - 1) / max_cols;
}

size_t lay_balance_count(size_t n, size_t rows, size_t r)
{
    return rows ? n / rows + (r < n % rows ? 1 : 0) : 0;
}

size_t lay_balance(size_t n, size_t max_cols, size_t *counts, size_t max_rows)
{
    if (!n || !max_rows)
        return 0;
    size_t rows = lay_balance_rows(n, max_cols);
    if (rows > max_rows)
        rows = max_rows;
    for (size_t r = 0; r < rows; r++)
        counts[r] = lay_balance_count(n, rows, r);
    return rows;
}

size_t lay_fit_cols(float w, float min_w, float gap)
{
    if (!(min_w > 0) || !(w > min_w))
        return 1;
    return (size_t)fmaxf(1.0f, floorf((w + gap) / (min_w + gap)));
}

void lay_column(const lay *L, float max_em, float *x, float *w)
{
    float cw = fminf(L->W - 2 * L->m.pad, max_em * L->m.body);
    *w = cw;
    *x = (L->W - cw) / 2;
}

/* ---- the staff pages ------------------------------------------------------------ */

lay_staff_frame lay_staff_begin(lay *L, scene *out, const lay_env *env, od_color bg)
{
    scene_clear(out);
    lay_begin(L, out, NULL, env, NULL);
    const lay_metrics *m = &L->m;
    scene_rect(out, (od_rect){ 0, 0, L->W, L->H }, bg, 0);
    lay_staff_frame f;
    f.x = m->pad * 1.5f;
    f.w = L->W - 2 * f.x;
    f.y = m->pad * 1.5f;
    f.bottom = L->H - m->pad * 1.5f;
    return f;
}

/* ---- a panel of rows ---------------------------------------------------------- */

int lay_panel(lay *L, od_rect r, int16_t level)
{
    const lay_metrics *m = &L->m;
    int panel = lay_box(L, r, lay_col(L, CONTENT_COLOR_SURFACE), m->radius, -1);
    if (panel >= 0)
        L->s->cmds[panel].level = level;
    lay_frame(L, r, lay_col(L, CONTENT_COLOR_LINE), m->radius, fmaxf(1.0f, 2.0f * m->unit));
    return panel;
}

void lay_panel_head(lay *L, const lay_style *st, od_rect r, float ip, const char *text,
                    int parent)
{
    int hb = lay_box(L, r, od_rgba(0, 0, 0, 0), 0, parent);
    lay_text(L, st, r.x + ip, r.y, r.w - 2 * ip, text, hb);
}

/* The height of the line of rows that starts at row r0. */
static float rows_line_h(const lay *L, const lay_rows *r, size_t r0)
{
    float rh = 0;
    for (size_t k = r0; k < r0 + r->cols && k < r->n; k++)
        rh = fmaxf(rh, r->row_h(L, r->ctx, k, r->col_w));
    return rh;
}

float lay_rows_below(const lay *L, const lay_rows *r, float y)
{
    for (size_t r0 = 0; r0 < r->n; r0 += r->cols)
        y += rows_line_h(L, r, r0) + (r0 ? r->rgap : 0);
    return y;
}

float lay_rows_draw(lay *L, const lay_rows *r, float x, float y, int parent)
{
    for (size_t r0 = 0; r0 < r->n; r0 += r->cols) {
        float rh = rows_line_h(L, r, r0);
        if (r0)
            y += r->rgap;
        for (size_t k = r0; k < r0 + r->cols && k < r->n; k++)
            r->draw(L, r->ctx, k,
                    (od_rect){ x + (float)(k - r0) * (r->col_w + r->gap), y, r->col_w, rh },
                    parent);
        y += rh;
    }
    return y;
}

/* ---- small shapes and sizes ---------------------------------------------------- */

void lay_flag_mark(lay *L, size_t first, od_rect chip)
{
    if (!L->s)
        return;
    /* The chip is the mark's block: a mark wrapped or wider than its chip
     * leaves it, and the audit names that a cut mark. */
    od_rect b = { chip.x + L->ox, chip.y + L->oy, chip.w, chip.h };
    for (size_t i = first; i < L->s->count; i++)
        if (L->s->cmds[i].kind == SCENE_TEXT) {
            L->s->cmds[i].flags |= SCENE_F_MARK;
            L->s->cmds[i].box = b;
        }
}

float lay_mark_chip_h(const lay *L)
{
    return lay_lh(L, SCENE_FONT_BOLD, L->m.text_min) + 4.0f * L->m.unit;
}

float lay_small(const lay *L)
{
    return fmaxf(L->m.text_min, 22.0f * L->m.unit);
}

void lay_dot_pair(lay *L, float x, float cy, float d, od_color c)
{
    lay_rect(L, (od_rect){ x, cy - d / 2, d, d }, c, d / 2);
    lay_rect(L, (od_rect){ x + 1.25f * d, cy - d / 2, d, d }, c, d / 2);
}
