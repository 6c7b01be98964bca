/* layout.c - metrics, the frame builder and its primitives (wrapping, text,
 * pills, cards), the fixed header, page transitions and layout_frame.
 * The screens live in layout_screens.c and layout_attract.c, the audit in
 * layout_audit.c. See layout.h for the contract, layout_internal.h for the
 * toolkit. */
#include "layout_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- metrics --------------------------------------------------------------- */

void layout_metrics_compute(const layout_env *env, layout_metrics *m)
{
    float w = env->w > 0 ? (float)env->w : 1.0f;
    float h = env->h > 0 ? (float)env->h : 1.0f;
    float u = fminf(w, h) / 480.0f;
    float dpi = env->dpi > 0 ? env->dpi : LAYOUT_DEFAULT_DPI;
    m->unit = u;
    m->text_min = 20.0f * u;
    m->body = 24.0f * u;
    m->h3 = 28.0f * u;
    m->h2 = 34.0f * u;
    m->h1 = 44.0f * u;
    m->hero = 64.0f * u;
    /* 9 mm is what a fingertip needs; 48 units keeps targets in proportion on
     * big screens whose DPI makes 9 mm small in pixels. */
    m->target = fmaxf(9.0f / 25.4f * dpi, 48.0f * u);
    m->pad = 16.0f * u;
    m->gap = 12.0f * u;
    m->radius = 14.0f * u;
    m->header_h = m->target + 20.0f * u;
}

/* ---- the builder ------------------------------------------------------------- */

void lay_begin(lay *L, scene *s, const content *c, const layout_env *env,
               const layout_frame_in *in)
{
    L->s = s;
    L->c = c;
    L->env = env;
    layout_metrics_compute(env, &L->m);
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
    return L->c->colors[k];
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

bool lay_career_shared(const content *c, size_t ci)
{
    return ci < c->n_careers && c->careers[ci].n_degrees > 1;
}

/* ---- measuring and wrapping ----------------------------------------------------- */

float lay_tw(const lay *L, scene_font f, float px, const char *s, size_t len)
{
    if (!len)
        return 0;
    return L->env->measure.text_width(L->env->measure.ctx, f, px, s, len);
}

float lay_lh(const lay *L, scene_font f, float px)
{
    return L->env->measure.line_height(L->env->measure.ctx, f, px);
}

float lay_widest_word(const lay *L, scene_font f, float px, const char *s)
{
    float best = 0;
    size_t len = strlen(s), i = 0;
    while (i < len) {
        while (i < len && (s[i] == ' ' || s[i] == '\n'))
            i++;
        size_t j = i;
        while (j < len && s[j] != ' ' && s[j] != '\n')
            j++;
        if (j > i)
            best = fmaxf(best, lay_tw(L, f, px, s + i, j - i));
        i = j;
    }
    return best;
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

/* Index just after the code point starting at i (never past end). */
static size_t next_cp(const char *s, size_t i, size_t end)
{
    i++;
    while (i < end && ((unsigned char)s[i] & 0xC0u) == 0x80u)
        i++;
    return i;
}

/* Longest prefix of the word s[p..we) (on code point boundaries, at least one
 * code point) no wider than maxw; s[p..we) as a whole is known not to fit.
 * Returns the end of the prefix; its width goes to *w. Binary search, so a
 * long unbreakable word costs log(n) measurements. */
static size_t fit_prefix(const lay *L, scene_font f, float px, const char *s, size_t p,
                         size_t we, float maxw, float *w)
{
    size_t lo = next_cp(s, p, we);
    float wlo = lay_tw(L, f, px, s + p, lo - p);
    if (wlo > maxw || lo >= we) {
        *w = wlo;
        return lo;
    }
    size_t hi = we;
    for (;;) {
        size_t mid = lo + (hi - lo) / 2;
        while (mid < hi && ((unsigned char)s[mid] & 0xC0u) == 0x80u)
            mid++;
        if (mid <= lo)
            mid = next_cp(s, lo, hi);
        if (mid >= hi)
            break;
        float wm = lay_tw(L, f, px, s + p, mid - p);
        if (wm <= maxw) {
            lo = mid;
            wlo = wm;
        } else {
            hi = mid;
        }
    }
    *w = wlo;
    return lo;
}

bool lay_more(const char *s, size_t len, size_t pos)
{
    for (; pos < len; pos++)
        if (s[pos] != ' ' && s[pos] != '\n')
            return true;
    return false;
}

size_t lay_wrap(const lay *L, scene_font f, float px, const char *s, size_t len, size_t pos,
                float maxw, lay_span *out)
{
    while (pos < len && s[pos] == ' ')
        pos++;
    out->start = pos;
    out->len = 0;
    out->w = 0;
    if (pos >= len)
        return len;
    if (s[pos] == '\n')
        return pos + 1;
    /* Greedy fill by summing word widths (each word is measured once, which
     * suits the measurer's cache), then one exact measurement of the line,
     * dropping words while kerning made the sum optimistic. */
    /* A box sized to a measured width must take that text back on one line
     * despite float rounding; the audit allows half a pixel. */
    maxw += 0.01f;
    float space = -1; /* measured on first need: one-word lines never do */
    size_t end = pos, p = pos;
    float sum = 0, first_w = 0;
    size_t words = 0;
    for (;;) {
        size_t we = p;
        while (we < len && s[we] != ' ' && s[we] != '\n')
            we++;
        float ww = lay_tw(L, f, px, s + p, we - p);
        if (words == 0) {
            if (ww > maxw) {
                float cw;
                size_t cut = fit_prefix(L, f, px, s, p, we, maxw, &cw);
                out->len = cut - pos;
                out->w = cw;
                return cut;
            }
            sum = first_w = ww;
        } else {
            if (space < 0)
                space = lay_tw(L, f, px, " ", 1);
            float nsum = sum + (float)(p - end) * space + ww;
            if (nsum > maxw) {
                /* The sum can also be pessimistic (pixel rounding per word),
                 * so confirm on the real line before breaking it: a box sized
                 * to a measured string must get that string on one line. */
                nsum = lay_tw(L, f, px, s + pos, we - pos);
                if (nsum > maxw)
                    break;
            }
            sum = nsum;
        }
        end = we;
        words++;
        p = we;
        while (p < len && s[p] == ' ')
            p++;
        if (p >= len || s[p] == '\n')
            break;
    }
    float lw = words == 1 ? first_w : lay_tw(L, f, px, s + pos, end - pos);
    while (lw > maxw && words > 1) {
        size_t e = end;
        while (e > pos && s[e - 1] != ' ')
            e--;
        while (e > pos && s[e - 1] == ' ')
            e--;
        end = e;
        words--;
        lw = lay_tw(L, f, px, s + pos, end - pos);
    }
    out->len = end - pos;
    out->w = lw;
    size_t q = end;
    while (q < len && s[q] == ' ')
        q++;
    if (q < len && s[q] == '\n')
        return q + 1;
    return end;
}

/* Height of s wrapped at w, without emitting anything. */
static float text_height(const lay *L, const lay_style *st, float w, const char *s, size_t len,
                         float *widest)
{
    float lh = lay_lh(L, st->font, st->size), h = 0, best = 0;
    size_t pos = 0;
    while (lay_more(s, len, pos)) {
        lay_span ln;
        pos = lay_wrap(L, st->font, st->size, s, len, pos, w, &ln);
        best = fmaxf(best, ln.w);
        h += lh;
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
              lay_col(L, COLOR_ACCENT), radius + o, 3.0f * u);
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
        return text_height(L, st, w, s, len, NULL);
    float lh = lay_lh(L, st->font, st->size);
    size_t first = L->s->count;
    od_color col = lay_with_alpha(st->color, L->alpha);
    float yy = y;
    size_t pos = 0;
    while (lay_more(s, len, pos)) {
        lay_span ln;
        pos = lay_wrap(L, st->font, st->size, s, len, pos, w, &ln);
        if (ln.len) {
            float lx = x;
            if (st->align == ALIGN_CENTER)
                lx += (w - ln.w) / 2;
            else if (st->align == ALIGN_RIGHT)
                lx += w - ln.w;
            const char *t = st->copy ? scene_strdup(L->s, s + ln.start, ln.len) : s + ln.start;
            scene_cmd *cmd = scene_text(L->s, lx + L->ox, yy + L->oy, ln.w, lh, st->font,
                                        st->size, col, t, ln.len);
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
    g->vpad = 8.0f * u;
    g->dot = p->dot.a ? 12.0f * u : 0;
    g->chev_w = p->chevron ? 0.3f * p->size : 0;
    g->extra = (g->dot ? g->dot + 10.0f * u : 0) + (g->chev_w ? g->chev_w + 10.0f * u : 0);
}

static lay_style pill_style(const lay_pill *p, od_color fg)
{
    lay_style st = { p->font, p->size, fg, ALIGN_CENTER, false };
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
        *h = text_height(L, &st, inner > 1 ? inner : 1, p->text, len, NULL) + 2 * g.vpad;
    }
    if (p->wide)
        *w = maxw;
    if (p->action != ACT_NONE) {
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
    bool tap = p->action != ACT_NONE;
    bool pressed = tap && !p->disabled && lay_is_pressed(L, p->action, p->arg);
    od_rect b = pressed ? lay_press_shrink(L, r) : r;
    od_color bg = pressed ? lay_col(L, COLOR_ACCENT) : p->bg;
    od_color fg = pressed ? lay_col(L, COLOR_ACCENT_TEXT) : p->fg;
    if (p->disabled) {
        bg = lay_with_alpha(bg, 0.5f);
        fg = lay_with_alpha(lay_col(L, COLOR_MUTED), 0.7f);
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
    float th = text_height(L, &st, inner, p->text, len, &widest);
    bool multi = th > lay_lh(L, p->font, p->size) + 0.5f;
    float tw = multi ? inner : widest;
    /* A wrapped label beside a dot or chevron reads better flush left. */
    if (multi && (g.dot || p->chevron))
        st.align = ALIGN_LEFT;
    float gx = r.x + (r.w - (tw + g.extra)) / 2, cy = r.y + r.h / 2;
    if (g.dot) {
        lay_rect(L, (od_rect){ gx, cy - g.dot / 2, g.dot, g.dot }, pressed ? fg : p->dot, g.dot / 2);
        gx += g.dot + 10.0f * L->m.unit;
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
            if (align == ALIGN_CENTER)
                px += (w - roww) / 2;
            else if (align == ALIGN_RIGHT)
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

lay_pill lay_chip(const lay *L, const char *text)
{
    lay_pill p;
    memset(&p, 0, sizeof p);
    p.text = text;
    p.font = FONT_REGULAR;
    p.size = fmaxf(L->m.text_min, 22.0f * L->m.unit);
    p.bg = lay_col(L, COLOR_SURFACE_ALT);
    p.fg = lay_col(L, COLOR_TEXT);
    p.action = ACT_NONE;
    p.round = true;
    return p;
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
    lay_style st = { FONT_BOLD, L->m.h3, lay_col(L, COLOR_TEXT), ALIGN_LEFT, false };
    float h = lay_text(L, &st, x, y, w, text, box);
    lay_rect(L, (od_rect){ x, y + h + 4.0f * u, 36.0f * u, 4.0f * u }, accent, 2.0f * u);
    return h + 8.0f * u;
}

void lay_badge(lay *L, float x, float y, size_t ai, od_color c, float *w, float *h, int parent)
{
    *w = *h = 0;
    if (ai >= L->c->n_awards || !L->c->awards[ai].short_name[0])
        return;
    lay_pill p;
    memset(&p, 0, sizeof p);
    p.text = L->c->awards[ai].short_name;
    p.font = FONT_BOLD;
    p.size = L->m.body;
    p.bg = c;
    p.fg = lay_col(L, COLOR_ACCENT_TEXT);
    p.action = ACT_NONE;
    lay_pill_size(L, &p, 0.5f * L->W, w, h);
    lay_pill_draw(L, &p, (od_rect){ x, y, *w, *h }, parent);
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
                     k == i ? c : lay_with_alpha(lay_col(L, COLOR_MUTED), 0.45f), d / 2);
            px += dw + sp;
        }
        h = d + 10.0f * u;
    }
    char buf[512];
    snprintf(buf, sizeof buf, "%zu / %zu  \xc2\xb7  %s", i + 1, n,
             L->c->strings[STR_SWIPE_HINT]);
    lay_style st = { FONT_REGULAR, L->m.text_min, lay_col(L, COLOR_MUTED), ALIGN_CENTER, true };
    return h + lay_text(L, &st, x, y + h, w, buf, -1);
}

typedef struct {
    const char *text;
} concl_ctx;

static float conclusion_body(lay *L, float x, float y, float w, int box, const void *ctx)
{
    const concl_ctx *cc = ctx;
    lay_style st = { FONT_BOLD, L->m.h3, lay_col(L, COLOR_TEXT), ALIGN_LEFT, false };
    return lay_text(L, &st, x, y, w, cc->text, box);
}

float lay_conclusion(lay *L, float x, float y, float w, const char *text, int parent)
{
    if (!text[0])
        return 0;
    concl_ctx cc = { text };
    od_color bg = lay_mix(lay_col(L, COLOR_SURFACE), lay_col(L, COLOR_ACCENT), 0.10f);
    float h = lay_card(L, x, y, w, 0, 1.25f * L->m.pad, bg, conclusion_body, &cc, parent);
    lay_frame(L, (od_rect){ x, y, w, h }, lay_col(L, COLOR_ACCENT), L->m.radius,
              2.0f * L->m.unit);
    return h;
}

void lay_column(const lay *L, float max_em, float *x, float *w)
{
    float cw = fminf(L->W - 2 * L->m.pad, max_em * L->m.body);
    *w = cw;
    *x = (L->W - cw) / 2;
}

/* ---- the header ------------------------------------------------------------------ */

typedef struct {
    float h;                  /* header height */
    od_rect back, home;       /* buttons */
    lay_pill back_p, home_p;
    od_rect title;            /* area for the title */
    float size;               /* title size */
    size_t max_lines;         /* lines allowed before the last is shortened */
    bool wrap;                /* title needs more than one line */
    float title_h;
} header_geom;

static const char *page_title(const content *c, const view_place *p)
{
    switch (p->screen) {
    case SCREEN_HOME:
        return c->title;
    case SCREEN_DEGREE:
        return p->a >= 0 && (size_t)p->a < c->n_degrees ? c->degrees[p->a].name : "";
    case SCREEN_COMPARE:
        return c->strings[STR_COMPARE];
    case SCREEN_CAREERS:
    case SCREEN_CAREER:
        return c->strings[STR_CAREERS];
    case SCREEN_BABS:
        return c->strings[STR_BA_BS];
    case SCREEN_ABOUT:
        return c->strings[STR_ABOUT];
    case SCREEN_ATTRACT:
    case SCREEN_COUNT:
    default:
        return "";
    }
}

static void header_pill(const lay *L, lay_pill *p, const char *text, int action, int chev)
{
    memset(p, 0, sizeof *p);
    p->text = text;
    p->font = FONT_BOLD;
    p->size = L->m.body;
    p->bg = lay_col(L, COLOR_SURFACE_ALT);
    p->fg = lay_col(L, COLOR_TEXT);
    p->chevron = chev;
    p->action = action;
}

/* Geometry of the header for a title: buttons at the left, the title in the
 * rest, shrunk from h3 to text_min to fit one line, else wrapped at text_min
 * with the header growing. Only an absurdly long title (over 45% of the
 * screen height) has its last line shortened. */
static void header_measure(const lay *L, const char *title, bool can_back, header_geom *g)
{
    const layout_metrics *m = &L->m;
    float u = m->unit, top = 10.0f * u;
    header_pill(L, &g->back_p, L->c->strings[STR_BACK], ACT_BACK, -1);
    g->back_p.disabled = !can_back;
    header_pill(L, &g->home_p, L->c->strings[STR_HOME], ACT_HOME, 0);
    float bw, bh, hw, hh;
    /* Each button takes at most a quarter of the width, so the title keeps
     * half the bar even with long labels (they wrap instead). */
    lay_pill_size(L, &g->back_p, 0.25f * L->W, &bw, &bh);
    lay_pill_size(L, &g->home_p, 0.25f * L->W, &hw, &hh);
    float btn_h = fmaxf(bh, hh);
    g->back = (od_rect){ m->pad, top, bw, btn_h };
    g->home = (od_rect){ m->pad + bw + m->gap, top, hw, btn_h };
    float tx = g->home.x + hw + 1.5f * m->gap;
    float tw = fmaxf(L->W - m->pad - tx, 1.0f);

    size_t len = strlen(title);
    g->size = m->text_min;
    g->wrap = true;
    for (float s = m->h3; s >= m->text_min - 0.01f; s -= u) {
        if (lay_tw(L, FONT_BOLD, s, title, len) <= tw) {
            g->size = s;
            g->wrap = false;
            break;
        }
    }
    float lh = lay_lh(L, FONT_BOLD, g->size);
    size_t lines = 1;
    if (g->wrap) {
        lay_style st = { FONT_BOLD, g->size, lay_col(L, COLOR_TEXT), ALIGN_LEFT, false };
        lines = (size_t)lroundf(text_height(L, &st, tw, title, len, NULL) / lh);
    }
    if (!len)
        lines = 0;
    float cap = 0.45f * L->H - 2 * top;
    g->max_lines = lh > 0 ? (size_t)fmaxf(1.0f, floorf(cap / lh)) : 1;
    if (lines > g->max_lines)
        lines = g->max_lines;
    g->title_h = (float)lines * lh;
    g->h = fmaxf(m->header_h, fmaxf(btn_h, g->title_h) + 2 * top);
    g->title = (od_rect){ tx, 0, tw, g->h };
}

/* Emit the title lines; past max_lines the last line ends in an ellipsis
 * (only reachable with absurd content: the audit still holds). */
static void header_title(lay *L, const header_geom *g, const char *title, int box)
{
    lay_style st = { FONT_BOLD, g->size, lay_col(L, COLOR_TEXT), ALIGN_LEFT, false };
    float lh = lay_lh(L, FONT_BOLD, g->size);
    float y = (g->h - g->title_h) / 2;
    size_t len = strlen(title), pos = 0, n = 0;
    od_rect bx = L->s->cmds[box].rect;
    while (lay_more(title, len, pos) && n < g->max_lines) {
        lay_span ln;
        pos = lay_wrap(L, FONT_BOLD, g->size, title, len, pos, g->title.w, &ln);
        const char *t = title + ln.start;
        size_t tl = ln.len;
        float w = ln.w;
        if (n + 1 == g->max_lines && lay_more(title, len, pos)) {
            char buf[1024];
            size_t keep = tl < sizeof buf - 4 ? tl : sizeof buf - 4;
            for (;;) {
                memcpy(buf, t, keep);
                memcpy(buf + keep, "\xe2\x80\xa6", 3);
                w = lay_tw(L, FONT_BOLD, g->size, buf, keep + 3);
                if (w <= g->title.w || keep == 0)
                    break;
                do
                    keep--;
                while (keep > 0 && ((unsigned char)t[keep] & 0xC0u) == 0x80u);
            }
            tl = keep + 3;
            t = scene_strdup(L->s, buf, tl);
        }
        if (tl) {
            scene_cmd *cmd = scene_text(L->s, g->title.x + L->ox, y + L->oy, w, lh, FONT_BOLD,
                                        g->size, lay_with_alpha(st.color, L->alpha), t, tl);
            cmd->box = bx;
            cmd->parent = box;
        }
        y += lh;
        n++;
    }
}

static void header_draw(lay *L, const header_geom *g, const char *title)
{
    float u = L->m.unit;
    int hb = lay_box(L, (od_rect){ 0, 0, L->W, g->h }, lay_col(L, COLOR_SURFACE), 0, -1);
    lay_rect(L, (od_rect){ 0, g->h - fmaxf(1.0f, u), L->W, fmaxf(1.0f, u) }, lay_col(L, COLOR_LINE),
             0);
    lay_pill_draw(L, &g->back_p, g->back, hb);
    lay_pill_draw(L, &g->home_p, g->home, hb);
    /* An invisible block for the title, so the audit proves it never runs
     * under the buttons. */
    int tb = lay_box(L, g->title, od_rgba(0, 0, 0, 0), 0, hb);
    header_title(L, g, title, tb);
}

/* ---- pages and transitions ---------------------------------------------------------- */

static float screen_body(lay *L, const view_place *p)
{
    switch (p->screen) {
    case SCREEN_HOME:
        return lay_screen_home(L, p);
    case SCREEN_DEGREE:
        return lay_screen_degree(L, p);
    case SCREEN_COMPARE:
        return lay_screen_compare(L, p);
    case SCREEN_CAREERS:
        return lay_screen_careers(L, p);
    case SCREEN_CAREER:
        return lay_screen_career(L, p);
    case SCREEN_BABS:
        return lay_screen_babs(L, p);
    case SCREEN_ABOUT:
        return lay_screen_about(L, p);
    case SCREEN_ATTRACT:
    case SCREEN_COUNT:
    default:
        return 0;
    }
}

/* Draw one page body (not the header) shifted by dx with the given alpha.
 * Page bodies share the viewport under the header (of height hh). */
static void page_body(lay *L, const layout_page *pg, float hh, float dx, float alpha, bool hits,
                      layout_result *res)
{
    L->alpha = alpha;
    L->hits = hits;
    L->pressed = hits ? pg->pressed : 0;
    L->focus = hits ? pg->focus : 0;
    L->ox = dx;
    float scroll = isfinite(pg->scroll) ? pg->scroll : 0;
    if (pg->place.screen == SCREEN_ATTRACT) {
        L->oy = 0;
        L->scroll = 0;
        L->view_h = L->H;
        lay_screen_attract(L);
        if (res) {
            res->content_h = res->view_h = L->H;
            res->swipe_count = 0;
        }
        return;
    }
    float view_h = L->H - hh;
    scene_push_clip(L->s, (od_rect){ 0, hh, L->W, view_h });
    L->oy = hh - scroll;
    L->scroll = scroll;
    L->view_h = view_h;
    float ch = screen_body(L, &pg->place);
    scene_pop_clip(L->s);
    if (res) {
        res->content_h = ch;
        res->view_h = view_h;
        res->swipe_count = pg->place.screen == SCREEN_DEGREE   ? L->c->n_degrees
                           : pg->place.screen == SCREEN_CAREER ? L->c->n_careers
                                                               : 0;
    }
}

void layout_frame(scene *out, const content *c, const layout_env *env,
                  const layout_frame_in *in, layout_result *res)
{
    scene_clear(out);
    lay L;
    lay_begin(&L, out, c, env, in);
    layout_result dummy;
    if (!res)
        res = &dummy;
    memset(res, 0, sizeof *res);
    scene_rect(out, (od_rect){ 0, 0, L.W, L.H }, lay_col(&L, COLOR_BACKGROUND), 0);

    float t = in->t;
    if (!(t >= 0))
        t = 0;
    if (t > 1)
        t = 1;
    bool trans = t < 1;
    int dir = in->dir > 0 ? 1 : in->dir < 0 ? -1 : 0;
    const layout_page *cur = &in->cur, *prev = trans ? &in->prev : NULL;
    bool cur_hdr = cur->place.screen != SCREEN_ATTRACT;
    bool prev_hdr = prev && prev->place.screen != SCREEN_ATTRACT;

    /* One fixed header: the current page's, or while fading into the attract
     * loop the previous page's, fading out. */
    const layout_page *hp = cur_hdr ? cur : prev_hdr ? prev : NULL;
    header_geom g;
    float hh = 0;
    const char *title = "";
    if (hp) {
        title = page_title(c, &hp->place);
        header_measure(&L, title, in->can_back, &g);
        hh = g.h;
    }

    /* A cross-fade goes through the background: the old page fades out in the
     * first half, the new one in during the second. Never two translucent
     * pages at once, which halves the pixels blended per frame (the software
     * renderer's dearest work) and reads as calmly. */
    float out_a = fmaxf(0.0f, 1.0f - 2.0f * t), in_a = fmaxf(0.0f, 2.0f * t - 1.0f);
    if (prev && (dir || out_a > 0))
        page_body(&L, prev, hh, -(float)dir * t * L.W, dir ? 1.0f : out_a, false, NULL);
    if (hp) {
        L.ox = L.oy = 0;
        L.alpha = cur_hdr ? (prev && !prev_hdr ? in_a : 1.0f) : out_a;
        L.hits = hp == cur;
        L.pressed = L.hits ? cur->pressed : 0;
        L.focus = L.hits ? cur->focus : 0;
        header_draw(&L, &g, title);
    }
    page_body(&L, cur, hh, trans ? (float)dir * (1.0f - t) * L.W : 0,
              trans && !dir ? in_a : 1.0f, true, res);
    lay_end(&L);
}
