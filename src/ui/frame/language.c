/* language.c - the language button and the chooser (language.h). */
#include "language.h"

#include <math.h>
#include <string.h>

#include "content.h"
#include "view.h"

bool language_offered(const lay *L)
{
    return L->c && content_language_count(L->c) > 1;
}

/* A globe, the sign for languages that needs no word of any of them: its
 * outline, a meridian seen as a narrow oval, the axis, the equator and two
 * parallels, in the square of side s at (x, y). */
static void draw_globe(lay *L, float x, float y, float s, od_color fg)
{
    float cx = x + s / 2, cy = y + s / 2;
    float t = fmaxf(1.5f, 0.05f * s), R = 0.36f * s;
    lay_frame(L, (od_rect){ cx - R, cy - R, 2 * R, 2 * R }, fg, R, t);
    float mw = 0.36f * s;
    lay_frame(L, (od_rect){ cx - mw / 2, cy - R, mw, 2 * R }, fg, mw / 2, t);
    lay_line(L, cx, cy - R, cx, cy + R, t, fg);
    lay_line(L, cx - R, cy, cx + R, cy, t, fg);
    float py = 0.5f * R, pw = 0.87f * R;
    lay_line(L, cx - pw, cy - py, cx + pw, cy - py, t, fg);
    lay_line(L, cx - pw, cy + py, cx + pw, cy + py, t, fg);
}

/* The button's field, lit while the chooser is open or the button pressed;
 * returns the colour to draw on it. */
static od_color button_field(lay *L, od_rect r, int parent, od_rect *drawn)
{
    bool open = L->in && L->in->language_open;
    bool pressed = lay_is_pressed(L, VIEW_ACT_LANGUAGE, 0);
    od_rect b = pressed ? lay_press_shrink(L, r) : r;
    bool lit = open || pressed;
    int box = lay_box(L, b, lay_col(L, lit ? CONTENT_COLOR_ACCENT : CONTENT_COLOR_SURFACE_ALT), b.h / 2, parent);
    if (box >= 0 && parent < 0)
        L->s->cmds[box].level = LAY_LEVEL_FLOAT;
    *drawn = b;
    return lay_col(L, lit ? CONTENT_COLOR_ACCENT_TEXT : CONTENT_COLOR_TEXT);
}

void language_button(lay *L, od_rect r, int parent)
{
    if (L->dry || !language_offered(L))
        return;
    od_rect b;
    od_color fg = button_field(L, r, parent, &b);
    draw_globe(L, b.x, b.y, b.w, fg);
    lay_focus_ring(L, r, r.w / 2, VIEW_ACT_LANGUAGE, 0);
    lay_hit(L, r, VIEW_ACT_LANGUAGE, 0, true);
}

/* Every language's own name, " · " between them, in the scene. */
static const char *all_names(lay *L, size_t *len)
{
    size_t n = content_language_count(L->c), total = 0;
    for (size_t i = 0; i < n; i++)
        total += strlen(content_language_name(L->c, i)) + 4;
    char *buf = lay_alloc(L, total + 1);
    if (!buf) {
        *len = 0;
        return "";
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (i) {
            memcpy(buf + k, " \xc2\xb7 ", 4);
            k += 4;
        }
        const char *s = content_language_name(L->c, i);
        memcpy(buf + k, s, strlen(s));
        k += strlen(s);
    }
    buf[k] = '\0';
    *len = k;
    return buf;
}

od_rect language_corner(lay *L, float right, float top, float side)
{
    od_rect r = { right - side, top, side, side };
    if (L->dry || !language_offered(L))
        return r;
    /* The names beside the globe when they fit in a third of the width: a
     * visitor looking for their language sees it written, in its own words,
     * before touching anything. */
    size_t len;
    const char *names = all_names(L, &len);
    float size = lay_small(L), pad = 0.4f * side;
    float tw = len ? lay_tw(L, SCENE_FONT_BOLD, size, names, len) : 0;
    float lh = lay_lh(L, SCENE_FONT_BOLD, size);
    bool wide = len && lh <= side && side + tw + pad <= 0.34f * L->W;
    if (wide)
        r = (od_rect){ right - side - tw - pad, top, side + tw + pad, side };
    od_rect b;
    od_color fg = button_field(L, r, -1, &b);
    draw_globe(L, b.x, b.y + (b.h - side) / 2 + (r.h - b.h) / 2, fminf(side, b.h), fg);
    if (wide) {
        int tb = lay_box(L, (od_rect){ r.x + side, r.y, tw, side }, od_rgba(0, 0, 0, 0), 0, -1);
        if (tb >= 0)
            L->s->cmds[tb].level = LAY_LEVEL_FLOAT + 1;
        scene_cmd *cmd = scene_text(L->s, r.x + side + L->ox, r.y + (side - lh) / 2 + L->oy, tw,
                                    lh, SCENE_FONT_BOLD, size, lay_with_alpha(fg, L->alpha),
                                    scene_strdup(L->s, names, len), len);
        if (tb >= 0) {
            cmd->box = L->s->cmds[tb].rect;
            cmd->parent = tb;
        }
    }
    lay_focus_ring(L, r, r.h / 2, VIEW_ACT_LANGUAGE, 0);
    lay_hit(L, r, VIEW_ACT_LANGUAGE, 0, true);
    return r;
}

typedef struct {
    float ip;      /* padding inside a row */
    float mark;    /* the round mark's diameter */
    float size;    /* text size */
} row_geom;

static float row_natural_w(const lay *L, const row_geom *g, const char *name)
{
    return lay_tw(L, SCENE_FONT_BOLD, g->size, name, strlen(name)) + 2 * g->ip + g->mark + L->m.gap;
}

/* The rows as the toolkit's panel rows see them (lay_rows): row i is
 * language i. */
typedef struct {
    row_geom g;
    size_t cur;    /* the language on screen */
} rows_ctx;

static float row_h(const lay *L, const void *ctx, size_t i, float w)
{
    const row_geom *g = &((const rows_ctx *)ctx)->g;
    const char *name = content_language_name(L->c, i);
    lay_style st = { SCENE_FONT_BOLD, g->size, lay_col(L, CONTENT_COLOR_TEXT), LAY_ALIGN_LEFT, false };
    float lw = fmaxf(w - 2 * g->ip - g->mark - L->m.gap, 1.0f);
    float th = lay_text_height(L, &st, lw, name, strlen(name), NULL);
    return fmaxf(L->m.target, fmaxf(th, g->mark) + 2 * g->ip);
}

static void draw_row(lay *L, const void *ctx, size_t i, od_rect rr, int parent)
{
    const row_geom *g = &((const rows_ctx *)ctx)->g;
    bool current = i == ((const rows_ctx *)ctx)->cur;
    const lay_metrics *m = &L->m;
    const char *name = content_language_name(L->c, i);
    bool pressed = lay_is_pressed(L, VIEW_ACT_LANGUAGE_SET, (int)i);
    od_rect b = pressed ? lay_press_shrink(L, rr) : rr;
    od_color bg = lay_col(L, pressed ? CONTENT_COLOR_ACCENT : CONTENT_COLOR_SURFACE_ALT);
    od_color fg = lay_col(L, pressed ? CONTENT_COLOR_ACCENT_TEXT : CONTENT_COLOR_TEXT);
    int box = lay_box(L, b, bg, 0.8f * m->radius, parent);
    /* A round mark, filled for the language on screen: its shape says it,
     * not its colour alone. */
    float mx = rr.x + g->ip, my = rr.y + (rr.h - g->mark) / 2, t = fmaxf(2.0f, 3.0f * m->unit);
    od_color mc = current && !pressed ? lay_col(L, CONTENT_COLOR_ACCENT) : fg;
    lay_frame(L, (od_rect){ mx, my, g->mark, g->mark }, mc, g->mark / 2, t);
    if (current) {
        float d = 0.5f * g->mark;
        lay_rect(L, (od_rect){ mx + (g->mark - d) / 2, my + (g->mark - d) / 2, d, d }, mc, d / 2);
    }
    lay_style st = { SCENE_FONT_BOLD, g->size, fg, LAY_ALIGN_LEFT, false };
    float lx = mx + g->mark + m->gap, lw = fmaxf(rr.x + rr.w - g->ip - lx, 1.0f);
    float th = lay_text_height(L, &st, lw, name, strlen(name), NULL);
    lay_text(L, &st, lx, rr.y + (rr.h - th) / 2, lw, name, box);
    lay_focus_ring(L, rr, 0.8f * m->radius, VIEW_ACT_LANGUAGE_SET, (int)i);
    lay_hit(L, rr, VIEW_ACT_LANGUAGE_SET, (int)i, true);
}

void language_chooser(lay *L, od_rect button, bool bar_bottom)
{
    if (!language_offered(L))
        return;
    const lay_metrics *m = &L->m;
    size_t n = content_language_count(L->c);
    if (n > CONTENT_LANGUAGES_MAX)
        n = CONTENT_LANGUAGES_MAX;
    row_geom g = { 12.0f * m->unit, ceilf(0.95f * m->body), m->body };
    rows_ctx ctx = { g, L->c->language_index };
    float pad = m->gap, margin = m->pad, rgap = 0.5f * m->gap;
    float save_ox = L->ox, save_oy = L->oy;
    L->ox = L->oy = 0;
    float natural = 0;
    for (size_t i = 0; i < n; i++)
        natural = fmaxf(natural, row_natural_w(L, &g, content_language_name(L->c, i)));
    const char *head = lay_str(L, CONTENT_STR_LANGUAGE);
    lay_style hs = { SCENE_FONT_REGULAR, lay_small(L), lay_col(L, CONTENT_COLOR_MUTED), LAY_ALIGN_LEFT, false };
    natural = fmaxf(natural, lay_tw(L, hs.font, hs.size, head, strlen(head)) + 2 * g.ip);
    /* The room beside the button, from the bar to the far edge. */
    float room = bar_bottom ? button.y - margin : L->H - (button.y + button.h) - margin;
    room = fmaxf(room - m->gap, 2 * m->target);
    float max_w = L->W - 2 * margin;
    /* As many columns as the rows need to fit the room, as wide as fits. */
    size_t cols = 1;
    float col_w = fminf(natural, max_w - 2 * pad), h = 0, head_h = 0;
    lay_rows grid = { n, cols, col_w, m->gap, rgap, row_h, draw_row, &ctx };
    for (;;) {
        col_w = fminf(natural, (max_w - 2 * pad - (float)(cols - 1) * m->gap) / (float)cols);
        head_h = *head ? lay_text_height(L, &hs, (float)cols * col_w +
                                                     (float)(cols - 1) * m->gap - 2 * g.ip,
                                         head, strlen(head), NULL) : 0;
        grid.cols = cols;
        grid.col_w = col_w;
        h = lay_rows_below(L, &grid, 2 * pad + (head_h > 0 ? head_h + m->gap : 0));
        /* Another column only while every name still fits on one line. */
        if (h <= room || cols >= n ||
            (float)(cols + 1) * natural + (float)cols * m->gap + 2 * pad > max_w)
            break;
        cols++;
    }
    float w = (float)cols * col_w + (float)(cols - 1) * m->gap + 2 * pad;
    float x = fminf(button.x + button.w - w, L->W - margin - w);
    x = fmaxf(x, margin);
    float y = bar_bottom ? button.y - m->gap - h : button.y + button.h + m->gap;
    /* Taller than the room beside the bar (many languages, large text on a
     * small screen): over the bar, whole on the screen. */
    if (y + h > L->H - margin)
        y = L->H - margin - h;
    if (y < margin)
        y = margin;
    /* Over the bar, it must not hide its own button, the way to close it:
     * beside the button instead, on whichever side has the room. */
    if (y < button.y + button.h && y + h > button.y) {
        if (button.x - m->gap - w >= margin)
            x = button.x - m->gap - w;
        else if (button.x + button.w + m->gap + w <= L->W - margin)
            x = button.x + button.w + m->gap;
    }
    int panel = lay_panel(L, (od_rect){ x, y, w, h }, LAY_LEVEL_LANGUAGE);
    float yy = y + pad;
    if (head_h > 0) {
        lay_panel_head(L, &hs, (od_rect){ x + pad, yy, w - 2 * pad, head_h }, g.ip, head, panel);
        yy += head_h + m->gap;
    }
    lay_rows_draw(L, &grid, x + pad, yy, panel);
    L->ox = save_ox;
    L->oy = save_oy;
}
