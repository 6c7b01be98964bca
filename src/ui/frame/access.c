/* access.c - the accessibility button, its panel, the reset warning
 * and the high-contrast palette. See access.h. */
#include "access.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the high-contrast palette ------------------------------------------------ */

static double channel(uint8_t v)
{
    double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(od_color c)
{
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

/* White and near-black surfaces, a yellow accent: every text colour of the
 * palette keeps 7:1 (most 15:1) on every surface colour of it. */
static const od_color hc_palette[CONTENT_COLOR_COUNT] = {
    [CONTENT_COLOR_BACKGROUND] = { 0x00, 0x00, 0x00, 255 },
    [CONTENT_COLOR_SURFACE] = { 0x12, 0x12, 0x12, 255 },
    [CONTENT_COLOR_SURFACE_ALT] = { 0x1e, 0x1e, 0x1e, 255 },
    [CONTENT_COLOR_TEXT] = { 0xff, 0xff, 0xff, 255 },
    [CONTENT_COLOR_MUTED] = { 0xe6, 0xe6, 0xe6, 255 },
    [CONTENT_COLOR_ACCENT] = { 0xff, 0xe1, 0x4d, 255 },
    [CONTENT_COLOR_ACCENT_TEXT] = { 0x00, 0x00, 0x00, 255 },
    [CONTENT_COLOR_SHARED] = { 0xe0, 0xc8, 0xff, 255 },
    [CONTENT_COLOR_CAVEAT] = { 0xff, 0xe1, 0x4d, 255 },
    [CONTENT_COLOR_LINE] = { 0xd0, 0xd0, 0xd0, 255 },
};

/* The colour mixed with white until its luminance reaches 0.45: black text
 * on it then has 10:1, and it as text on the darkest surfaces over 7.5:1,
 * while its hue still tells the degrees apart. */
static od_color lighten(od_color c)
{
    od_color out = c;
    out.a = 255;
    for (int i = 1; i <= 20 && luminance(out) < 0.45; i++) {
        float t = (float)i / 20.0f;
        out.r = (uint8_t)lroundf((float)c.r + ((float)255 - (float)c.r) * t);
        out.g = (uint8_t)lroundf((float)c.g + ((float)255 - (float)c.g) * t);
        out.b = (uint8_t)lroundf((float)c.b + ((float)255 - (float)c.b) * t);
    }
    return out;
}

od_color access_background(const content *c, bool high_contrast)
{
    return high_contrast ? hc_palette[CONTENT_COLOR_BACKGROUND] : c->colors[CONTENT_COLOR_BACKGROUND];
}

bool access_contrast_model(const content *c, content *out)
{
    content_degree *d = NULL;
    content_award *a = NULL;
    if (c->n_degrees && !(d = malloc(c->n_degrees * sizeof *d)))
        return false;
    if (c->n_awards && !(a = malloc(c->n_awards * sizeof *a))) {
        free(d);
        return false;
    }
    *out = *c;
    for (int k = 0; k < CONTENT_COLOR_COUNT; k++)
        out->colors[k] = hc_palette[k];
    for (size_t i = 0; i < c->n_degrees; i++) {
        d[i] = c->degrees[i];
        d[i].color = lighten(d[i].color);
    }
    for (size_t i = 0; i < c->n_awards; i++) {
        a[i] = c->awards[i];
        a[i].color = lighten(a[i].color);
    }
    out->degrees = d;
    out->awards = a;
    return true;
}

void access_contrast_free(content *out)
{
    free(out->degrees);
    free(out->awards);
    out->degrees = NULL;
    out->awards = NULL;
}

/* ---- the button ------------------------------------------------------------------- */

void access_button(lay *L, od_rect r, int parent)
{
    if (L->dry)
        return;
    bool open = L->in && L->in->access_open;
    bool pressed = lay_is_pressed(L, VIEW_ACT_ACCESS, 0);
    od_rect b = pressed ? lay_press_shrink(L, r) : r;
    bool lit = open || pressed;
    od_color bg = lay_col(L, lit ? CONTENT_COLOR_ACCENT : CONTENT_COLOR_SURFACE_ALT);
    od_color fg = lay_col(L, lit ? CONTENT_COLOR_ACCENT_TEXT : CONTENT_COLOR_TEXT);
    float rad = b.w / 2;
    lay_box(L, b, bg, rad, parent);
    /* The universal-access figure: a ring, a head, arms out, a body, legs
     * apart; proportions of the button so it reads at any size. */
    float s = b.w, cx = b.x + s / 2, cy = b.y + b.h / 2;
    float t = fmaxf(2.0f, 0.07f * s);
    lay_frame(L, (od_rect){ b.x + 0.12f * s, cy - 0.38f * s, 0.76f * s, 0.76f * s }, fg,
              0.38f * s, fmaxf(1.5f, 0.045f * s));
    float hd = 0.13f * s;
    lay_rect(L, (od_rect){ cx - hd / 2, cy - 0.29f * s, hd, hd }, fg, hd / 2);
    lay_line(L, cx - 0.22f * s, cy - 0.09f * s, cx + 0.22f * s, cy - 0.09f * s, t, fg);
    lay_line(L, cx, cy - 0.09f * s, cx, cy + 0.07f * s, t, fg);
    lay_line(L, cx, cy + 0.07f * s, cx - 0.12f * s, cy + 0.27f * s, t, fg);
    lay_line(L, cx, cy + 0.07f * s, cx + 0.12f * s, cy + 0.27f * s, t, fg);
    lay_focus_ring(L, r, rad, VIEW_ACT_ACCESS, 0);
    lay_hit(L, r, VIEW_ACT_ACCESS, 0, true);
}

/* ---- the panel -------------------------------------------------------------------- */

typedef struct {
    int choice;               /* view_access_choice, or -1 for Done */
    const char *label;
    bool on;
} panel_row;

/* Rows of the panel in order; returns how many. */
static size_t panel_rows(const lay *L, panel_row *rows)
{
    const lay_env *e = L->env;
    const lay_frame_in *in = L->in;
    size_t n = 0;
    rows[n++] = (panel_row){ VIEW_ACCESS_LARGE_TEXT, lay_str(L, CONTENT_STR_LARGE_TEXT), e->large_text };
    rows[n++] = (panel_row){ VIEW_ACCESS_HIGH_CONTRAST, lay_str(L, CONTENT_STR_HIGH_CONTRAST),
                             e->high_contrast };
    rows[n++] = (panel_row){ VIEW_ACCESS_LESS_MOTION, lay_str(L, CONTENT_STR_LESS_MOTION),
                             in && in->less_motion };
    /* Reach is a choice only where it is not already the rule. */
    lay_env plain = *e;
    plain.reach = false;
    if (!lay_reach(&plain))
        rows[n++] = (panel_row){ VIEW_ACCESS_REACH, lay_str(L, CONTENT_STR_REACH), e->reach };
    if (in && in->speech)
        rows[n++] = (panel_row){ VIEW_ACCESS_READ_ALOUD, lay_str(L, CONTENT_STR_READ_ALOUD),
                                 in->read_aloud };
    rows[n++] = (panel_row){ -1, lay_str(L, CONTENT_STR_DONE), false };
    return n;
}

typedef struct {
    float ip;        /* padding inside a row */
    float box;       /* the check box's side */
    float state_w;   /* the wider of On and Off */
    float size;      /* text size */
} row_geom;

static void row_geom_of(const lay *L, row_geom *g)
{
    const lay_metrics *m = &L->m;
    g->size = m->body;
    g->ip = 12.0f * m->unit;
    g->box = ceilf(0.95f * m->body);
    const char *on = lay_str(L, CONTENT_STR_ON), *off = lay_str(L, CONTENT_STR_OFF);
    g->state_w = fmaxf(lay_tw(L, SCENE_FONT_BOLD, g->size, on, strlen(on)),
                       lay_tw(L, SCENE_FONT_BOLD, g->size, off, strlen(off)));
}

/* Width of the label column in a row of width w. */
static float label_w(const lay *L, const row_geom *g, const panel_row *r, float w)
{
    if (r->choice < 0)
        return fmaxf(w - 2 * g->ip, 1.0f);
    return fmaxf(w - 2 * g->ip - g->box - g->state_w - 2 * L->m.gap, 1.0f);
}

/* The rows as the toolkit's panel rows see them (lay_rows). */
typedef struct {
    const row_geom *g;
    const panel_row *rows;
} rows_ctx;

static float row_h(const lay *L, const void *ctx, size_t i, float w)
{
    const row_geom *g = ((const rows_ctx *)ctx)->g;
    const panel_row *r = &((const rows_ctx *)ctx)->rows[i];
    lay_style st = { SCENE_FONT_BOLD, g->size, lay_col(L, CONTENT_COLOR_TEXT), LAY_ALIGN_LEFT, false };
    float th = lay_text_height(L, &st, label_w(L, g, r, w), r->label, strlen(r->label), NULL);
    return fmaxf(L->m.target, fmaxf(th, g->box) + 2 * g->ip);
}

/* The natural one-line width of a row. */
static float row_natural_w(const lay *L, const row_geom *g, const panel_row *r)
{
    float tw = lay_tw(L, SCENE_FONT_BOLD, g->size, r->label, strlen(r->label));
    if (r->choice < 0)
        return tw + 2 * g->ip;
    return tw + 2 * g->ip + g->box + g->state_w + 2 * L->m.gap;
}

static void draw_row(lay *L, const void *ctx, size_t i, od_rect rr, int parent)
{
    const row_geom *g = ((const rows_ctx *)ctx)->g;
    const panel_row *r = &((const rows_ctx *)ctx)->rows[i];
    const lay_metrics *m = &L->m;
    int action = r->choice < 0 ? VIEW_ACT_ACCESS : VIEW_ACT_ACCESS_SET;
    int arg = r->choice < 0 ? 0 : r->choice;
    bool pressed = lay_is_pressed(L, action, arg);
    od_rect b = pressed ? lay_press_shrink(L, rr) : rr;
    od_color bg = lay_col(L, pressed ? CONTENT_COLOR_ACCENT : CONTENT_COLOR_SURFACE_ALT);
    od_color fg = lay_col(L, pressed ? CONTENT_COLOR_ACCENT_TEXT : CONTENT_COLOR_TEXT);
    int box = lay_box(L, b, bg, 0.8f * m->radius, parent);
    lay_style st = { SCENE_FONT_BOLD, g->size, fg, LAY_ALIGN_LEFT, false };
    float lw = label_w(L, g, r, rr.w);
    float th = lay_text_height(L, &st, lw, r->label, strlen(r->label), NULL);
    float ty = rr.y + (rr.h - th) / 2;
    if (r->choice < 0) {
        st.align = LAY_ALIGN_CENTER;
        lay_text(L, &st, rr.x + g->ip, ty, lw, r->label, box);
    } else {
        /* A check box (empty or ticked: the shape says it, not the colour),
         * the label, and the state in words at the right. */
        float bx = rr.x + g->ip, by = rr.y + (rr.h - g->box) / 2, t = fmaxf(2.0f, 3.0f * m->unit);
        od_color mark = r->on ? lay_col(L, CONTENT_COLOR_ACCENT) : fg;
        if (r->on && !pressed) {
            lay_rect(L, (od_rect){ bx, by, g->box, g->box }, mark, 0.2f * g->box);
            od_color tick = lay_col(L, CONTENT_COLOR_ACCENT_TEXT);
            lay_line(L, bx + 0.2f * g->box, by + 0.52f * g->box, bx + 0.42f * g->box,
                     by + 0.74f * g->box, t, tick);
            lay_line(L, bx + 0.42f * g->box, by + 0.74f * g->box, bx + 0.8f * g->box,
                     by + 0.28f * g->box, t, tick);
        } else {
            lay_frame(L, (od_rect){ bx, by, g->box, g->box }, fg, 0.2f * g->box, t);
            if (r->on) {
                lay_line(L, bx + 0.2f * g->box, by + 0.52f * g->box, bx + 0.42f * g->box,
                         by + 0.74f * g->box, t, fg);
                lay_line(L, bx + 0.42f * g->box, by + 0.74f * g->box, bx + 0.8f * g->box,
                         by + 0.28f * g->box, t, fg);
            }
        }
        float lx = bx + g->box + m->gap;
        lay_text(L, &st, lx, ty, lw, r->label, box);
        const char *state = lay_str(L, r->on ? CONTENT_STR_ON : CONTENT_STR_OFF);
        lay_style ss = st;
        ss.align = LAY_ALIGN_RIGHT;
        float sh = lay_lh(L, SCENE_FONT_BOLD, g->size);
        lay_text(L, &ss, rr.x + rr.w - g->ip - g->state_w, rr.y + (rr.h - sh) / 2, g->state_w,
                 state, box);
    }
    lay_focus_ring(L, rr, 0.8f * m->radius, action, arg);
    lay_hit(L, rr, action, arg, true);
}

float access_panel(lay *L, od_rect button, float bar_h, bool bar_bottom, float *view_h)
{
    const lay_metrics *m = &L->m;
    panel_row rows[VIEW_ACCESS_COUNT + 1];
    size_t n = panel_rows(L, rows);
    row_geom g;
    row_geom_of(L, &g);
    float pad = m->gap, margin = m->pad, rgap = 0.5f * m->gap;
    float max_w = L->W - 2 * margin;
    float natural = 0;
    for (size_t i = 0; i < n; i++)
        natural = fmaxf(natural, row_natural_w(L, &g, &rows[i]));
    /* The panel's heading, the content's word for it, over all the rows. */
    const char *head = lay_str(L, CONTENT_STR_ACCESS);
    lay_style hs = { SCENE_FONT_BOLD, g.size, lay_col(L, CONTENT_COLOR_TEXT), LAY_ALIGN_LEFT, false };
    natural = fmaxf(natural, lay_tw(L, SCENE_FONT_BOLD, g.size, head, strlen(head)) + 2 * g.ip);
    float head_h = 0;
    float room_h = L->H - bar_h - 1.5f * margin;
    /* One column, or more when the rows would not fit the room's height
     * and every label still fits whole on one line. */
    size_t cols = 1;
    float col_w = fminf(natural, max_w - 2 * pad), h = 0;
    rows_ctx ctx = { &g, rows };
    lay_rows grid = { n, cols, col_w, m->gap, rgap, row_h, draw_row, &ctx };
    for (;;) {
        float inner = (float)cols * col_w + (float)(cols - 1) * m->gap;
        head_h = lay_text_height(L, &hs, fmaxf(inner - 2 * g.ip, 1.0f), head, strlen(head), NULL);
        grid.cols = cols;
        grid.col_w = col_w;
        h = lay_rows_below(L, &grid, 2 * pad + head_h + m->gap);
        size_t more = cols + 1;
        float more_w = (max_w - 2 * pad - (float)(more - 1) * m->gap) / (float)more;
        if (h <= room_h || more > n || more_w < natural)
            break;
        cols = more;
        col_w = natural;
    }
    /* Rows taller than the room beside the bar: the panel covers the bar
     * too (Done closes it), and scrolls only if even that is not enough. */
    bool cover = h > room_h;
    if (cover)
        room_h = L->H - margin;
    float w = (float)cols * col_w + (float)(cols - 1) * m->gap + 2 * pad;
    float ph = fminf(h, room_h);
    float x = fminf(fmaxf(button.x + button.w - w, margin), L->W - margin - w);
    float y = cover ? 0.5f * margin
              : bar_bottom ? L->H - bar_h - 0.5f * margin - ph
                           : bar_h + 0.5f * margin;
    float save_ox = L->ox, save_oy = L->oy;
    L->ox = 0;
    L->oy = 0;
    int panel = lay_panel(L, (od_rect){ x, y, w, ph }, LAY_LEVEL_PANEL);
    bool scrolls = h > ph + 0.5f;
    float scroll = 0;
    int parent = panel;
    if (scrolls) {
        scroll = L->in && isfinite(L->in->panel_scroll) ? L->in->panel_scroll : 0;
        scroll = fminf(fmaxf(scroll, 0), h - ph);
        scene_push_clip(L->s, (od_rect){ x, y + 0.5f * pad, w, ph - pad });
        L->oy = -scroll;
        /* The rows' own block, scrolled: their parent, so the audit holds
         * them inside it, not inside the panel they scroll through. */
        parent = lay_box(L, (od_rect){ x, y + pad, w, h - 2 * pad }, od_rgba(0, 0, 0, 0), 0, -1);
        if (parent >= 0)
            L->s->cmds[parent].level = LAY_LEVEL_PANEL + 1;
    }
    float yy = y + pad;
    if (head_h > 0) {
        lay_panel_head(L, &hs, (od_rect){ x + pad, yy, w - 2 * pad, head_h }, g.ip, head, parent);
        yy += head_h + m->gap;
    }
    lay_rows_draw(L, &grid, x + pad, yy, parent);
    if (scrolls) {
        scene_pop_clip(L->s);
        /* More below: a chevron at the panel's lower edge, as on the pages. */
        L->oy = 0;
        if (scroll < h - ph - 1.0f) {
            float cw = 1.2f * m->body, ch = 0.45f * m->body, t = fmaxf(2.5f, 0.15f * m->body);
            float cx = x + w / 2, cy = y + ph - ch - 2.0f * m->unit;
            od_color bg = lay_col(L, CONTENT_COLOR_SURFACE);
            lay_rect(L, (od_rect){ x + pad, cy - ch, w - 2 * pad, 2 * ch }, bg, ch);
            od_color c = lay_col(L, CONTENT_COLOR_TEXT);
            lay_line(L, cx - cw / 2, cy - ch / 2, cx, cy + ch / 2, t, c);
            lay_line(L, cx, cy + ch / 2, cx + cw / 2, cy - ch / 2, t, c);
        }
    }
    L->ox = save_ox;
    L->oy = save_oy;
    *view_h = ph;
    return h;
}

/* ---- the reset warning ------------------------------------------------------------ */

/* The warning's words centred in lines of width w from (x, y), at most
 * max_lines, the last shortened with an ellipsis when more would follow. */
static void warning_lines(lay *L, const lay_style *st, float x, float y, float w, const char *msg,
                          size_t max_lines, int box)
{
    if (box < 0)
        return;
    size_t len = strlen(msg), pos = 0, n = 0;
    float lh = lay_lh(L, st->font, st->size);
    od_rect bx = L->s->cmds[box].rect;
    while (text_more(msg, len, pos) && n < max_lines) {
        text_span ln;
        pos = text_wrap(&L->text, st->font, st->size, msg, len, pos, w, &ln);
        size_t tl;
        const char *t = text_span_text(L->s, msg, &ln, false, &tl);
        float tw = ln.w;
        if (n + 1 == max_lines && text_more(msg, len, pos)) {
            char *buf = lay_alloc(L, ln.len + 4);
            if (buf) {
                tl = text_ellipsize(&L->text, st->font, st->size, msg + ln.start, ln.len, w, buf, &tw);
                t = scene_strdup(L->s, buf, tl);
            }
        }
        if (tl) {
            scene_cmd *cmd = scene_text(L->s, x + (w - tw) / 2 + L->ox, y + L->oy, tw, lh,
                                        st->font, st->size, lay_with_alpha(st->color, L->alpha),
                                        t, tl);
            cmd->box = bx;
            cmd->parent = box;
        }
        y += lh;
        n++;
    }
}

void access_reset_warning(lay *L, unsigned seconds)
{
    const lay_metrics *m = &L->m;
    L->ox = L->oy = 0;
    L->alpha = 1;
    lay_rect(L, (od_rect){ 0, 0, L->W, L->H }, lay_with_alpha(lay_col(L, CONTENT_COLOR_BACKGROUND), 0.9f),
             0);
    const char *msg = lay_str(L, CONTENT_STR_RESET_WARNING);
    char num[16];
    snprintf(num, sizeof num, "%u", seconds);
    float w = fminf(L->W - 2 * m->pad, 28.0f * m->body);
    float pad = fminf(1.5f * m->pad, 0.06f * L->H);
    float inner = w - 2 * pad;
    float room = L->H - 2 * m->pad - 2 * pad - m->gap;
    /* The words from h3 down to the body size, the number from hero down:
     * the largest that fit the card's width and, together, the screen's
     * height (large text on a small panel). */
    lay_style ts = { SCENE_FONT_BOLD, lay_fit_size(L, SCENE_FONT_BOLD, m->h3, m->body, msg, inner),
                     lay_col(L, CONTENT_COLOR_TEXT), LAY_ALIGN_CENTER, false };
    float th = lay_text_height(L, &ts, inner, msg, strlen(msg), NULL);
    while (ts.size > m->text_min + 0.01f && th + lay_lh(L, SCENE_FONT_BOLD, m->text_min) > room) {
        ts.size = fmaxf(m->text_min, ts.size - m->unit);
        th = lay_text_height(L, &ts, inner, msg, strlen(msg), NULL);
    }
    /* The number stays at least h2 while a line of words fits beside it. */
    float floor_n = lay_lh(L, SCENE_FONT_BOLD, m->h2) + lay_lh(L, SCENE_FONT_BOLD, ts.size) <= room
                        ? m->h2
                        : m->text_min;
    float nsize = m->hero;
    while (nsize > floor_n + 0.01f &&
           (lay_tw(L, SCENE_FONT_BOLD, nsize, num, strlen(num)) > inner ||
            th + lay_lh(L, SCENE_FONT_BOLD, nsize) > room))
        nsize = fmaxf(floor_n, nsize - m->unit);
    lay_style ns = { SCENE_FONT_BOLD, nsize, lay_col(L, CONTENT_COLOR_ACCENT), LAY_ALIGN_CENTER, true };
    float nh = lay_lh(L, SCENE_FONT_BOLD, nsize);
    /* Words too many for the screen even at the smallest size: as many
     * lines as fit, the last ending in an ellipsis; the number always. */
    float lh = lay_lh(L, SCENE_FONT_BOLD, ts.size);
    size_t max_lines = lh > 0 ? (size_t)fmaxf(1.0f, floorf((room - nh) / lh)) : 1;
    if (th > (float)max_lines * lh + 0.5f)
        th = (float)max_lines * lh;
    float h = 2 * pad + nh + m->gap + th;
    float x = (L->W - w) / 2, y = (L->H - h) / 2;
    int card = lay_box(L, (od_rect){ x, y, w, h }, lay_col(L, CONTENT_COLOR_SURFACE), m->radius, -1);
    if (card >= 0)
        L->s->cmds[card].level = LAY_LEVEL_WARNING;
    lay_frame(L, (od_rect){ x, y, w, h }, lay_col(L, CONTENT_COLOR_ACCENT), m->radius,
              fmaxf(2.0f, 3.0f * m->unit));
    warning_lines(L, &ts, x + pad, y + pad, inner, msg, max_lines, card);
    lay_text(L, &ns, x + pad, y + pad + th + m->gap, inner, num, card);
    bool hits = L->hits;
    L->hits = true;
    lay_hit(L, (od_rect){ 0, 0, L->W, L->H }, VIEW_ACT_STAY, 0, true);
    L->hits = hits;
}
