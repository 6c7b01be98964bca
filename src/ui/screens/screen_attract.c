/* screen_attract.c - the attract loop: a full-screen slide show of the
 * content's highlights over soft shapes in the slide's colours, a pulsing
 * "Touch to explore" pill and progress dots; one full-screen hit wakes it.
 *
 * The attract screen has no scrolling and no clip, so every slide must fit
 * the screen: its content is measured dry at decreasing scales, then with less
 * detail, and drawn at the first that fits, centred in the space above the
 * call to action. */
#include "screen_attract.h"
#include "parts.h"
#include "lay_marks.h"
#include "notices.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define PI_F 3.14159265f

static float sz(const lay *L, float base, float scale)
{
    return fmaxf(L->m.text_min, base * scale);
}

/* A big bold size, shrunk (not below h3, nor below `px` scaled to text_min)
 * until the widest word of s fits w: names wrap between words, not inside. */
static float fit(const lay *L, float px, const char *s, float w)
{
    return lay_fit_size(L, SCENE_FONT_BOLD, px, fminf(px, fmaxf(L->m.h3, L->m.text_min)), s, w);
}

static lay_style cstyle(scene_font f, float size, od_color c)
{
    lay_style st = { f, size, c, LAY_ALIGN_CENTER, false };
    return st;
}

static void stack(float *y, float h, float gap)
{
    if (h > 0)
        *y += h + gap;
}

/* The pass of the playlist that slide s belongs to: the slide being left
 * just before the playlist wrapped round is still in the previous pass. */
static size_t slide_lap(const lay *L, const content_slide *s)
{
    const lay_frame_in *in = L->in;
    if (!in)
        return 0;
    size_t i = (size_t)(s - L->c->slides);
    if (i != in->slide && i == in->prev_slide && in->prev_slide > in->slide && in->lap)
        return in->lap - 1;
    return in->lap;
}

/* The two degrees a compare slide shows: its "pair", else the pairs in
 * turn: every compare slide without one takes the next pair, pass after
 * pass, so with n degrees all n(n-1)/2 pairs come round. */
static bool compare_pair(const lay *L, const content_slide *s, size_t *ia, size_t *ib)
{
    const content *c = L->c;
    size_t n = c->n_degrees;
    if (n < 2)
        return false;
    if (s->has_pair && s->pair[0] < n && s->pair[1] < n) {
        *ia = s->pair[0];
        *ib = s->pair[1];
        return true;
    }
    size_t free_slides = 0, rank = 0;
    for (size_t i = 0; i < c->n_slides; i++)
        if (c->slides[i].kind == CONTENT_ATTRACT_COMPARE && !c->slides[i].has_pair) {
            if (&c->slides[i] == s)
                rank = free_slides;
            free_slides++;
        }
    size_t pairs = n * (n - 1) / 2;
    size_t k = (slide_lap(L, s) % pairs * (free_slides ? free_slides : 1) + rank) % pairs;
    for (size_t i = 0; i + 1 < n; i++) {
        if (k < n - 1 - i) {
            *ia = i;
            *ib = i + 1 + k;
            return true;
        }
        k -= n - 1 - i;
    }
    *ia = 0;
    *ib = 1;
    return true;
}

/* The colours a slide is painted in (its degree, or the two compared). */
static void slide_colors(const lay *L, const content_slide *s, od_color *a, od_color *b)
{
    const content *c = L->c;
    *a = lay_col(L, CONTENT_COLOR_ACCENT);
    *b = lay_col(L, CONTENT_COLOR_SHARED);
    switch (s->kind) {
    case CONTENT_ATTRACT_DEGREE:
        if (s->index < c->n_degrees)
            *a = *b = c->degrees[s->index].color;
        if (c->n_degrees > 1)
            *b = c->degrees[(s->index + 1) % c->n_degrees].color;
        break;
    case CONTENT_ATTRACT_COMPARE: {
        size_t ia, ib;
        if (compare_pair(L, s, &ia, &ib)) {
            *a = c->degrees[ia].color;
            *b = c->degrees[ib].color;
        }
        break;
    }
    case CONTENT_ATTRACT_AWARDS:
        /* The awards' own colours; a degree's would tie an award to it. */
        if (c->n_awards > 0 && c->awards[0].has_color)
            *a = c->awards[0].color;
        if (c->n_awards > 1 && c->awards[1].has_color)
            *b = c->awards[1].color;
        break;
    case CONTENT_ATTRACT_CAREER:
        if (s->index < c->n_careers && c->careers[s->index].n_degrees &&
            c->careers[s->index].degrees[0] < c->n_degrees)
            *a = c->degrees[c->careers[s->index].degrees[0]].color;
        break;
    case CONTENT_ATTRACT_CAREERS:
    default:
        break;
    }
}

/* Large soft shapes; `rise` slides them up as the slide fades in. */
static void shapes(lay *L, const content_slide *s, float rise)
{
    od_color a, b;
    slide_colors(L, s, &a, &b);
    float W = L->W, H = L->H, M = fmaxf(W, H);
    float r1 = 0.36f * M, r2 = 0.24f * M;
    lay_rect(L, (od_rect){ 0.86f * W - r1, 0.16f * H - r1 + rise, 2 * r1, 2 * r1 },
             lay_with_alpha(a, 0.16f), r1);
    lay_rect(L, (od_rect){ 0.06f * W - r2, 0.94f * H - r2 + rise, 2 * r2, 2 * r2 },
             lay_with_alpha(b, 0.12f), r2);
    float rw = 0.42f * M, rh = 0.30f * M;
    lay_rect(L, (od_rect){ 0.58f * W, 0.70f * H + rise * 1.5f, rw, rh },
             lay_with_alpha(a, 0.07f), 0.1f * M);
}

/* ---- slide contents ------------------------------------------------------------- */

typedef struct {
    const char *const *items;
    size_t n;
} name_list;

static void topic_chip(const lay *L, const void *ctx, size_t i, lay_pill *out)
{
    const name_list *nl = ctx;
    *out = lay_chip(L, nl->items[i]);
}

typedef struct {
    const content_career *k;
    const char (*marks)[LAY_MARK_MAX];
} degree_chips;

/* A degree that leads to the spotlit career: its mark and name. */
static void degree_chip(const lay *L, const void *ctx, size_t i, lay_pill *out)
{
    const degree_chips *dc = ctx;
    size_t di = dc->k->degrees[i];
    *out = lay_chip(L, di < L->c->n_degrees ? L->c->degrees[di].name : "");
    if (di < L->c->n_degrees) {
        out->dot = L->c->degrees[di].color;
        out->mark = dc->marks ? dc->marks[di] : NULL;
    }
}

/* A career of the overview: the marks of the degrees that lead there
 * ("MP", or "MP+MT" when shared) in its degree's colour, or the shared
 * colour, so a visitor who cannot tell the colours apart reads the letters. */
static void career_chip(const lay *L, const void *ctx, size_t i, lay_pill *out)
{
    const char *const *marks = ctx;
    const content_career *k = &L->c->careers[i];
    *out = lay_chip(L, k->name);
    if (content_career_shared(L->c, i))
        out->dot = lay_col(L, CONTENT_COLOR_SHARED);
    else if (k->n_degrees && k->degrees[0] < L->c->n_degrees)
        out->dot = L->c->degrees[k->degrees[0]].color;
    if (marks && out->dot.a)
        out->mark = marks[i];
}

/* The marks of career i's degrees joined with "+", every one of them (a
 * list cut to three with a count, "1+6+11+1", read as degree 1 twice), in
 * the builder's scratch; "" when the marks or the memory are not at hand. */
static const char *career_mark(lay *L, const char (*dm)[LAY_MARK_MAX], size_t i)
{
    const content_career *k = &L->c->careers[i];
    size_t cap = k->n_degrees * (LAY_MARK_MAX + 1) + 1, used = 0;
    char *buf = dm ? lay_alloc(L, cap) : NULL;
    if (!buf)
        return "";
    for (size_t j = 0; j < k->n_degrees; j++)
        if (k->degrees[j] < L->c->n_degrees)
            used += (size_t)snprintf(buf + used, cap - used, "%s%s", used ? "+" : "",
                                     dm[k->degrees[j]]);
    return buf;
}

static float headline(lay *L, const content_slide *s, float x, float y, float w, float scale)
{
    if (!s->headline[0])
        return 0;
    lay_style st = cstyle(SCENE_FONT_BOLD, sz(L, L->m.h3, scale), lay_col(L, CONTENT_COLOR_ACCENT));
    return lay_text(L, &st, x, y, w, s->headline, -1);
}

static float badge_centered(lay *L, float x, float y, float w, size_t ai, od_color c)
{
    bool was = L->dry;
    float bw, bh;
    L->dry = true;
    parts_badge(L, 0, 0, ai, c, &bw, &bh, -1);
    L->dry = was;
    if (bw <= 0)
        return 0;
    parts_badge(L, x + (w - bw) / 2, y, ai, c, &bw, &bh, -1);
    return bh;
}

static float slide_degree(lay *L, const content_slide *s, float x, float y, float w, float scale,
                          int detail)
{
    const content *c = L->c;
    const lay_metrics *m = &L->m;
    if (s->index >= c->n_degrees)
        return 0;
    const content_degree *d = &c->degrees[s->index];
    float g = m->gap * 1.5f * scale, yy = y;
    stack(&yy, headline(L, s, x, yy, w, scale), g);
    stack(&yy, badge_centered(L, x, yy, w, d->award_index, d->color), g);
    lay_style name = cstyle(SCENE_FONT_BOLD, fit(L, sz(L, m->hero, scale), d->name, w),
                            lay_col(L, CONTENT_COLOR_TEXT));
    stack(&yy, lay_text(L, &name, x, yy, w, d->name, -1), g);
    if (detail >= 1) {
        lay_style tag = cstyle(SCENE_FONT_REGULAR, sz(L, m->h3, scale), lay_col(L, CONTENT_COLOR_MUTED));
        stack(&yy, lay_text(L, &tag, x, yy, w, d->tagline, -1), g);
    }
    if (detail >= 2 && d->n_topics) {
        name_list nl = { (const char *const *)d->topics, d->n_topics < 3 ? d->n_topics : 3 };
        stack(&yy, lay_pills(L, x, yy, w, nl.n, topic_chip, &nl, LAY_ALIGN_CENTER, 8.0f * m->unit, -1),
              g);
    }
    return yy > y ? yy - y - g : 0;
}

/* One side of the comparison: name in its colour, then its focus (or just
 * the tagline with less detail). */
static float compare_side(lay *L, const content_degree *d, float x, float y, float w, float scale,
                          int detail)
{
    const lay_metrics *m = &L->m;
    float yy = y, g = m->gap * scale;
    lay_style name = cstyle(SCENE_FONT_BOLD, fit(L, sz(L, m->h1, scale), d->name, w),
                             lay_content_text(L, d->color));
    stack(&yy, lay_text(L, &name, x, yy, w, d->name, -1), g);
    lay_style txt = cstyle(SCENE_FONT_REGULAR, sz(L, m->body, scale), lay_col(L, CONTENT_COLOR_MUTED));
    if (detail >= 2)
        stack(&yy, lay_text(L, &txt, x, yy, w, d->focus, -1), g);
    else if (detail >= 1)
        stack(&yy, lay_text(L, &txt, x, yy, w, d->tagline, -1), g);
    return yy > y ? yy - y - g : 0;
}

static float slide_compare(lay *L, const content_slide *s, float x, float y, float w, float scale,
                           int detail)
{
    const content *c = L->c;
    const lay_metrics *m = &L->m;
    size_t ia, ib;
    if (!compare_pair(L, s, &ia, &ib))
        return 0;
    const content_degree *a = &c->degrees[ia], *b = &c->degrees[ib];
    float g = m->gap * 1.5f * scale, yy = y;
    stack(&yy, headline(L, s, x, yy, w, scale), g);
    lay_style vs = cstyle(SCENE_FONT_BOLD, sz(L, m->h2, scale), lay_col(L, CONTENT_COLOR_MUTED));
    float vs_w = lay_tw(L, vs.font, vs.size, "vs", 2) + 2 * m->gap;
    bool side = L->W >= 1.2f * (L->view_h > 0 ? L->view_h : L->H);
    if (side) {
        float colw = (w - vs_w) / 2;
        bool was = L->dry;
        L->dry = true;
        float ha = compare_side(L, a, 0, 0, colw, scale, detail);
        float hb = compare_side(L, b, 0, 0, colw, scale, detail);
        L->dry = was;
        float h = fmaxf(ha, hb);
        compare_side(L, a, x, yy, colw, scale, detail);
        compare_side(L, b, x + colw + vs_w, yy, colw, scale, detail);
        float lh = lay_lh(L, vs.font, vs.size);
        float nh = lay_lh(L, SCENE_FONT_BOLD, sz(L, m->h1, scale));
        lay_text(L, &vs, x + colw, yy + (nh - lh) / 2, vs_w, "vs", -1);
        yy += h;
    } else {
        stack(&yy, compare_side(L, a, x, yy, w, scale, detail), g);
        stack(&yy, lay_text(L, &vs, x, yy, w, "vs", -1), g);
        yy += compare_side(L, b, x, yy, w, scale, detail);
    }
    return yy - y;
}

static float slide_career(lay *L, const content_slide *s, float x, float y, float w, float scale,
                          int detail)
{
    const content *c = L->c;
    const lay_metrics *m = &L->m;
    if (s->index >= c->n_careers)
        return 0;
    const content_career *k = &c->careers[s->index];
    float g = m->gap * 1.5f * scale, yy = y;
    lay_style lab = cstyle(SCENE_FONT_BOLD, sz(L, m->body, scale), lay_col(L, CONTENT_COLOR_ACCENT));
    const char *label = s->headline[0] ? s->headline : c->strings[CONTENT_STR_CAREER_PATHS];
    stack(&yy, lay_text(L, &lab, x, yy, w, label, -1), g);
    lay_style name = cstyle(SCENE_FONT_BOLD, fit(L, sz(L, m->h1 * 1.2f, scale), k->name, w),
                            lay_col(L, CONTENT_COLOR_TEXT));
    stack(&yy, lay_text(L, &name, x, yy, w, k->name, -1), g);
    if (detail >= 1) {
        lay_style sum = cstyle(SCENE_FONT_REGULAR, sz(L, m->h3, scale), lay_col(L, CONTENT_COLOR_MUTED));
        stack(&yy, lay_text(L, &sum, x, yy, w, k->summary, -1), g);
    }
    if (detail >= 2 && k->n_degrees) {
        lay_style from = cstyle(SCENE_FONT_REGULAR, m->text_min, lay_col(L, CONTENT_COLOR_MUTED));
        stack(&yy, lay_text(L, &from, x, yy, w, c->strings[CONTENT_STR_LEADS_FROM], -1), 6.0f * m->unit);
        degree_chips dc = { k, lay_marks_of(L) };
        stack(&yy, lay_pills(L, x, yy, w, k->n_degrees, degree_chip, &dc, LAY_ALIGN_CENTER,
                             8.0f * m->unit, -1),
              g);
    }
    return yy > y ? yy - y - g : 0;
}

static float slide_careers(lay *L, const content_slide *s, float x, float y, float w, float scale,
                           int detail)
{
    const content *c = L->c;
    const lay_metrics *m = &L->m;
    float g = m->gap * 1.5f * scale, yy = y;
    if (s->headline[0]) {
        lay_style h = cstyle(SCENE_FONT_BOLD, fit(L, sz(L, m->h1, scale), s->headline, w),
                             lay_col(L, CONTENT_COLOR_TEXT));
        stack(&yy, lay_text(L, &h, x, yy, w, s->headline, -1), g);
    } else {
        char num[32];
        snprintf(num, sizeof num, "%zu", c->n_careers);
        lay_style big = cstyle(SCENE_FONT_BOLD, sz(L, m->hero * 1.4f, scale), lay_col(L, CONTENT_COLOR_ACCENT));
        big.copy = true;
        stack(&yy, lay_text(L, &big, x, yy, w, num, -1), 4.0f * m->unit);
        lay_style lab = cstyle(SCENE_FONT_BOLD, sz(L, m->h2, scale), lay_col(L, CONTENT_COLOR_TEXT));
        stack(&yy, lay_text(L, &lab, x, yy, w, c->strings[CONTENT_STR_CAREERS], -1), g);
    }
    if (detail >= 1 && c->n_careers) {
        size_t n = c->n_careers < 6 ? c->n_careers : (detail >= 2 ? 6 : 3);
        /* In scratch: a pill copies its mark into the scene as it draws. */
        const char *marks[6];
        const char(*dm)[LAY_MARK_MAX] = lay_marks_of(L);
        for (size_t i = 0; i < n; i++)
            marks[i] = career_mark(L, dm, i);
        stack(&yy, lay_pills(L, x, yy, w, n, career_chip, dm ? marks : NULL, LAY_ALIGN_CENTER,
                             8.0f * m->unit, -1),
              g);
    }
    if (detail >= 2) {
        lay_style hint = cstyle(SCENE_FONT_REGULAR, sz(L, m->body, scale), lay_col(L, CONTENT_COLOR_MUTED));
        stack(&yy, lay_text(L, &hint, x, yy, w, c->strings[CONTENT_STR_CAREERS_HINT], -1), g);
    }
    return yy > y ? yy - y - g : 0;
}

/* One award: its badge and full name, centred in w. */
static float award_block(lay *L, size_t ai, float x, float y, float w, float scale)
{
    const content *c = L->c;
    const lay_metrics *m = &L->m;
    const content_award *a = &c->awards[ai];
    float yy = y;
    od_color col = a->has_color ? a->color : lay_col(L, CONTENT_COLOR_ACCENT);
    if (a->short_name[0]) {
        lay_pill b;
        memset(&b, 0, sizeof b);
        b.text = a->short_name;
        b.font = SCENE_FONT_BOLD;
        b.size = sz(L, m->h1, scale);
        b.bg = col;
        b.fg = lay_col(L, CONTENT_COLOR_ACCENT_TEXT);
        b.action = VIEW_ACT_NONE;
        float bw, bh;
        lay_pill_size(L, &b, w, &bw, &bh);
        lay_pill_draw(L, &b, (od_rect){ x + (w - bw) / 2, yy, bw, bh }, -1);
        yy += bh + m->gap * scale;
    }
    lay_style nm = cstyle(SCENE_FONT_REGULAR, sz(L, m->h3, scale), lay_col(L, CONTENT_COLOR_TEXT));
    yy += lay_text(L, &nm, x, yy, w, a->name, -1);
    return yy - y;
}

static float slide_awards(lay *L, const content_slide *s, float x, float y, float w, float scale,
                          int detail)
{
    const content *c = L->c;
    const lay_metrics *m = &L->m;
    float g = m->gap * 1.5f * scale, yy = y;
    const char *title = s->headline[0] ? s->headline : c->strings[CONTENT_STR_BA_BS];
    lay_style h = cstyle(SCENE_FONT_BOLD, fit(L, sz(L, m->hero, scale), title, w),
                         lay_col(L, CONTENT_COLOR_TEXT));
    stack(&yy, lay_text(L, &h, x, yy, w, title, -1), g);
    /* Every award, in balanced rows of blocks at least 200 units wide. */
    size_t n = c->n_awards;
    if (detail >= 1 && n) {
        size_t counts[8];
        size_t rows = lay_balance(n, lay_fit_cols(w, 200.0f * m->unit * scale, 2 * m->gap), counts, 8);
        float colw = (w - 2 * m->gap * (float)(counts[0] - 1)) / (float)counts[0];
        size_t i0 = 0;
        for (size_t r = 0; r < rows; r++) {
            size_t k = r + 1 == rows ? n - i0 : counts[r];
            bool was = L->dry;
            L->dry = true;
            float rh = 0;
            for (size_t i = i0; i < i0 + k; i++)
                rh = fmaxf(rh, award_block(L, i, 0, 0, colw, scale));
            L->dry = was;
            float rw = (float)k * colw + 2 * m->gap * (float)(k - 1);
            float rx = x + (w - rw) / 2;
            for (size_t i = i0; i < i0 + k; i++)
                award_block(L, i, rx + (float)(i - i0) * (colw + 2 * m->gap), yy, colw, scale);
            stack(&yy, rh, g);
            i0 += k;
        }
    }
    if (detail >= 2) {
        lay_style hint = cstyle(SCENE_FONT_REGULAR, sz(L, m->body, scale), lay_col(L, CONTENT_COLOR_MUTED));
        stack(&yy, lay_text(L, &hint, x, yy, w, c->strings[CONTENT_STR_BA_BS_HINT], -1), g);
    }
    return yy > y ? yy - y - g : 0;
}

static int wall(const lay *L)
{
    return L->in && L->in->clock_known ? L->in->clock_min : -1;
}

/* The notices that apply now, each on a card of its own, urgent ones first
 * in the same fixed black on yellow as their bar (notice_band.c) and led
 * by the word for urgent. None applies: nothing (the title card). */
static float slide_notices(lay *L, const content_slide *s, float x, float y, float w, float scale,
                           int detail)
{
    const content *c = L->c;
    const lay_metrics *m = &L->m;
    int now = wall(L);
    if (!notices_count(c, now, NULL))
        return 0;
    float g = m->gap * 1.5f * scale, yy = y;
    const char *title = s->headline[0] ? s->headline : lay_str(L, CONTENT_STR_NOTICES_TITLE);
    lay_style t = cstyle(SCENE_FONT_BOLD, sz(L, m->h3, scale), lay_col(L, CONTENT_COLOR_ACCENT));
    stack(&yy, lay_text(L, &t, x, yy, w, title, -1), g);
    float pad = fmaxf(m->pad * scale, 0.5f * m->pad);
    float inner = w - 2 * pad;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < c->n_notices; i++) {
            const content_notice *n = &c->notices[i];
            bool urgent = n->level == CONTENT_NOTICE_URGENT;
            if (!notices_active(c, i, now) || urgent != (pass == 0))
                continue;
            od_color bg = urgent ? od_rgba(255, 221, 51, 255) : lay_col(L, CONTENT_COLOR_SURFACE);
            od_color fg = urgent ? od_rgba(0, 0, 0, 255) : lay_col(L, CONTENT_COLOR_TEXT);
            lay_style lab = cstyle(SCENE_FONT_BOLD, sz(L, m->body, scale), fg);
            lay_style st = cstyle(urgent ? SCENE_FONT_BOLD : SCENE_FONT_REGULAR,
                                  sz(L, detail >= 1 ? m->h2 : m->h3, scale), fg);
            const char *word = lay_str(L, CONTENT_STR_NOTICE_URGENT);
            float lh = urgent ? lay_text_height(L, &lab, inner, word, strlen(word), NULL) : 0;
            float th = lay_text_height(L, &st, inner, n->text, strlen(n->text), NULL);
            float ch = 2 * pad + (lh > 0 ? lh + 0.5f * m->gap : 0) + th;
            int box = lay_box(L, (od_rect){ x, yy, w, ch }, bg, m->radius, -1);
            float ty = yy + pad;
            if (urgent) {
                lay_text(L, &lab, x + pad, ty, inner, word, box);
                ty += lh + 0.5f * m->gap;
            }
            lay_text(L, &st, x + pad, ty, inner, n->text, box);
            yy += ch + g;
        }
    return yy > y ? yy - y - g : 0;
}

/* No slides (or an unusable one): the kiosk's title and subtitle. */
static float slide_title(lay *L, float x, float y, float w, float scale, int detail)
{
    const lay_metrics *m = &L->m;
    float g = m->gap * 1.5f * scale, yy = y;
    lay_style t = cstyle(SCENE_FONT_BOLD, fit(L, sz(L, m->hero, scale), L->c->title, w),
                         lay_col(L, CONTENT_COLOR_TEXT));
    stack(&yy, lay_text(L, &t, x, yy, w, L->c->title, -1), g);
    if (detail >= 1) {
        lay_style st = cstyle(SCENE_FONT_REGULAR, sz(L, m->h3, scale), lay_col(L, CONTENT_COLOR_MUTED));
        stack(&yy, lay_text(L, &st, x, yy, w, L->c->subtitle, -1), g);
    }
    return yy > y ? yy - y - g : 0;
}

static float slide_content(lay *L, const content_slide *s, float x, float y, float w, float scale,
                           int detail)
{
    /* Each kind's slide, by kind: a new kind is one row. */
    typedef float (*slide_fn)(lay *, const content_slide *, float, float, float, float, int);
    static const slide_fn by_kind[] = {
        [CONTENT_ATTRACT_DEGREE] = slide_degree,
        [CONTENT_ATTRACT_COMPARE] = slide_compare,
        [CONTENT_ATTRACT_CAREER] = slide_career,
        [CONTENT_ATTRACT_CAREERS] = slide_careers,
        [CONTENT_ATTRACT_AWARDS] = slide_awards,
        [CONTENT_ATTRACT_NOTICES] = slide_notices,
    };
    float h = 0;
    if (s && (size_t)s->kind < sizeof by_kind / sizeof *by_kind && by_kind[s->kind])
        h = by_kind[s->kind](L, s, x, y, w, scale, detail);
    if (h <= 0)
        h = slide_title(L, x, y, w, scale, detail);
    return h;
}

/* A slide's measure: lines of at most 40 body widths at its scale. */
static float slide_width(const lay *L, od_rect region, float scale)
{
    return fminf(region.w, 40.0f * L->m.body * scale);
}

/* Draw slide s (NULL: the title card) centred in region at the largest
 * scale and detail that fit. Only absurd content fails to fit at the
 * smallest; it is then clipped to the region rather than spilling. */
static void slide(lay *L, const content_slide *s, od_rect region)
{
    static const float scales[] = { 1.0f, 0.9f, 0.8f, 0.7f, 0.6f, 0.5f, 0.4f, 0.32f };
    /* Above 1: a poster for passers-by where the screen has room (a monitor
     * or a wall shows the slide's words larger, not a small slide in the
     * middle). Chips and badges keep their size: they are read up close.
     * Tried only when the natural scale fits with room to spare for it,
     * judged from its height, so a screen without the room (the 7-inch
     * panel) measures no more than before, every frame of the loop. */
    static const float grow[] = { 1.8f, 1.5f, 1.25f };
    enum { NSCALES = sizeof scales / sizeof *scales, NGROW = sizeof grow / sizeof *grow };
    float scale = scales[NSCALES - 1], h = 0;
    int detail = 0;
    bool fits = false, was = L->dry;
    L->dry = true;
    for (int d = 2; d >= 0 && !fits; d--)
        for (int i = 0; i < NSCALES && !fits; i++) {
            h = slide_content(L, s, 0, 0, slide_width(L, region, scales[i]), scales[i], d);
            if (h <= region.h) {
                fits = true;
                scale = scales[i];
                detail = d;
            }
        }
    if (fits && scale == 1.0f) {
        float h1 = h;
        for (int i = 0; i < NGROW; i++) {
            if (h1 * grow[i] > region.h)
                continue;
            float hg = slide_content(L, s, 0, 0, slide_width(L, region, grow[i]), grow[i],
                                     detail);
            if (hg <= region.h) {
                scale = grow[i];
                h = hg;
                break;
            }
        }
    }
    L->dry = was;
    if (L->dry)
        return;
    if (!fits)
        scene_push_clip(L->s, (od_rect){ region.x + L->ox, region.y + L->oy, region.w, region.h });
    float y = region.y + (fits ? (region.h - h) / 2 : 0);
    float w = slide_width(L, region, scale);
    slide_content(L, s, region.x + (region.w - w) / 2, y, w, scale, detail);
    if (!fits)
        scene_pop_clip(L->s);
}

/* ---- the screen -------------------------------------------------------------------- */

float screen_attract_draw(lay *L, const view_place *p)
{
    (void)p;
    const content *c = L->c;
    const lay_frame_in *in = L->in;
    const lay_metrics *m = &L->m;
    /* The frame gives the loop the rectangle under its bands and language
     * button (from L->oy, L->view_h tall): the slides keep to it. */
    float u = m->unit, W = L->W, H = L->view_h > 0 ? L->view_h : L->H, base = L->alpha;
    size_t n = c->n_slides;
    size_t cur = in && in->slide < n ? in->slide : 0;
    size_t prev = in && in->prev_slide < n ? in->prev_slide : cur;
    float st = in ? in->slide_t : 1;
    if (!(st >= 0))
        st = 0;
    if (st > 1 || prev == cur)
        st = 1;
    const content_slide *cs = n ? &c->slides[cur] : NULL;
    const content_slide *ps = n ? &c->slides[prev] : NULL;

    /* Call to action and progress dots at the bottom. */
    lay_pill cta;
    memset(&cta, 0, sizeof cta);
    cta.text = c->strings[CONTENT_STR_TOUCH_TO_EXPLORE];
    cta.font = SCENE_FONT_BOLD;
    cta.size = m->h3;
    cta.action = VIEW_ACT_NONE;
    float side = 2 * m->pad;
    float pw, ph;
    lay_pill_size(L, &cta, W - 2 * side - 2 * m->pad, &pw, &ph);
    pw += 2 * m->pad;
    ph = fmaxf(ph + 8.0f * u, 1.25f * m->target);
    float dot = 10.0f * u;
    float dots_y = H - 1.5f * m->pad - dot;
    /* One dot a slide that shows now (the notices slide only while a
     * notice applies). */
    size_t shown = 0;
    for (size_t i = 0; i < n; i++)
        shown += notices_slide_shows(c, i, wall(L));
    float pill_y = (shown > 1 ? dots_y - 1.5f * m->gap : H - 2 * m->pad) - ph;
    od_rect pill = { (W - pw) / 2, pill_y, pw, ph };
    /* Under the frame's bands or button the slide needs less air above. */
    float top = L->oy > 0.5f ? m->gap : 2 * m->pad;
    od_rect region = { side, top, W - 2 * side, pill_y - 2 * m->gap - top };

    /* Slides change through the background, one translucent slide at a time
     * (see frame_build). */
    if (st < 0.5f) {
        L->alpha = base * (1 - 2 * st);
        shapes(L, ps, 0);
        slide(L, ps, region);
    }
    L->alpha = base * fmaxf(0.0f, 2 * st - 1);
    if (cs)
        shapes(L, cs, (1 - st) * 30.0f * u);
    slide(L, cs, region);
    L->alpha = base;

    /* The pill breathes: up to 3% smaller and a little fainter, with a soft
     * halo growing out of it. */
    float pulse = in ? in->pulse : 0;
    float k = 0.5f - 0.5f * cosf(2 * PI_F * pulse);
    float s = 0.97f + 0.03f * k;
    od_color acc = lay_col(L, CONTENT_COLOR_ACCENT);
    float grow = (1 - k) * 10.0f * u;
    lay_rect(L, (od_rect){ pill.x - grow, pill.y - grow, pill.w + 2 * grow, pill.h + 2 * grow },
             lay_with_alpha(acc, 0.18f * k), pill.h / 2 + grow);
    od_rect b = { pill.x + pill.w * (1 - s) / 2, pill.y + pill.h * (1 - s) / 2, pill.w * s,
                  pill.h * s };
    int box = lay_box(L, b, lay_with_alpha(acc, 0.88f + 0.12f * k), b.h / 2, -1);
    lay_style ts = cstyle(SCENE_FONT_BOLD, cta.size, lay_col(L, CONTENT_COLOR_ACCENT_TEXT));
    float inner = pill.w - 2 * m->pad - 28.0f * u;
    bool was = L->dry;
    L->dry = true;
    float th = lay_text(L, &ts, 0, 0, inner, cta.text, -1);
    L->dry = was;
    lay_text(L, &ts, pill.x + (pill.w - inner) / 2, pill.y + (pill.h - th) / 2, inner, cta.text,
             box);

    if (shown > 1 && shown <= 40) {
        float sp = fminf(10.0f * u, (W - 4 * m->pad) / (float)shown - dot);
        float wide = 28.0f * u;
        float total = wide + (float)(shown - 1) * (dot + sp);
        float x = (W - total) / 2;
        for (size_t i = 0; i < n; i++) {
            if (!notices_slide_shows(c, i, wall(L)))
                continue;
            float dw = i == cur ? wide : dot;
            lay_rect(L, (od_rect){ x, dots_y, dw, dot },
                     i == cur ? acc : lay_with_alpha(lay_col(L, CONTENT_COLOR_MUTED), 0.4f), dot / 2);
            x += dw + sp;
        }
    }
    /* A touch anywhere wakes the kiosk, on the bands too. */
    lay_hit(L, (od_rect){ 0, -L->oy, W, L->H }, VIEW_ACT_WAKE, 0, true);
    return H;
}
