/* frame.c - the frame dispatcher: the fixed header, page transitions and
 * frame_build. Which screen draws a page, and its title, come from the
 * screen table (screen.h); the screens draw through the toolkit (lay.h).
 * See frame.h for the contract. */
#include "frame.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lay.h"
#include "access.h"
#include "language.h"
#include "notice_band.h"
#include "refused.h"
#include "screen.h"
#include "view.h"

/* ---- the header ------------------------------------------------------------------ */

typedef struct {
    float h;                  /* header height */
    od_rect back, home;       /* buttons */
    od_rect access;           /* the accessibility button, at the right end */
    od_rect lang;             /* the language button, left of it (Home only) */
    bool has_lang;
    lay_pill back_p, home_p;
    od_rect title;            /* area for the title */
    float size;               /* title size */
    size_t max_lines;         /* lines allowed before the last is shortened */
    bool wrap;                /* title needs more than one line */
    float title_h;
    bool title_in_body;       /* no room beside the buttons (large text on a
                                 small screen): the title heads the page body
                                 and scrolls with it */
} header_geom;

static void header_pill(const lay *L, lay_pill *p, const char *text, int action, int chev)
{
    memset(p, 0, sizeof *p);
    p->text = text;
    p->font = SCENE_FONT_BOLD;
    p->size = L->m.body;
    p->bg = lay_col(L, CONTENT_COLOR_SURFACE_ALT);
    p->fg = lay_col(L, CONTENT_COLOR_TEXT);
    p->chevron = chev;
    p->action = action;
}

/* Geometry of the header for a title: buttons at the left, the title in the
 * rest, shrunk from h3 to text_min to fit one line, else wrapped at text_min
 * with the header growing. Only an absurdly long title (over 45% of the
 * screen height) has its last line shortened. */
static void header_measure_as(const lay *L, const char *title, bool can_back, bool lang,
                              bool force_body, header_geom *g)
{
    const lay_metrics *m = &L->m;
    float u = m->unit, top = 10.0f * u;
    header_pill(L, &g->back_p, L->c->strings[CONTENT_STR_BACK], VIEW_ACT_BACK, -1);
    g->back_p.disabled = !can_back;
    header_pill(L, &g->home_p, L->c->strings[CONTENT_STR_HOME], VIEW_ACT_HOME, 0);
    float bw, bh, hw, hh, nw, nh;
    (void)nw;
    /* A short screen in Larger text (the 7-inch panel): the bar's pills
     * keep half their padding, so the bar leaves the page its room. */
    lay_pill_size(L, &g->back_p, L->W, &nw, &nh);
    if (nh + 2 * top > 0.2f * L->H) {
        g->back_p.dense = g->home_p.dense = true;
        top *= 0.5f;
    }
    /* Each button takes at most a quarter of the width, so the title keeps
     * half the bar even with long labels (they wrap instead). When that
     * leaves the title less than four body-em, or a label would have to wrap,
     * the title moves into the page and the buttons share the bar. */
    float as0 = m->target;
    lay_pill_size(L, &g->back_p, 0.25f * L->W, &bw, &bh);
    lay_pill_size(L, &g->home_p, 0.25f * L->W, &hw, &hh);
    lay_pill_size(L, &g->back_p, L->W, &nw, &nh);
    float pill_1 = nh; /* a one-line label's height */
    /* The language button's room, when the bar has one. */
    float extra = lang && language_offered(L) ? fmaxf(as0, pill_1) + m->gap : 0;
    g->title_in_body = force_body || bh > pill_1 + 0.5f || hh > pill_1 + 0.5f ||
                       L->W - 2 * m->pad - bw - hw - fmaxf(as0, fmaxf(bh, hh)) - extra -
                               4 * m->gap <
                           4.0f * m->body;
    if (g->title_in_body) {
        /* Back, a gap, Home, a gap, then the round buttons (extra holds the
         * language button with its gap). */
        float room = L->W - 2 * m->pad - fmaxf(as0, pill_1) - extra - 2 * m->gap;
        float free_w = room / 2;
        /* Each label whole on one line when both fit, however unevenly they
         * share the room (a long Back beside a short Home). */
        float bn, hn, bnh, hnh;
        lay_pill_size(L, &g->back_p, L->W, &bn, &bnh);
        lay_pill_size(L, &g->home_p, L->W, &hn, &hnh);
        float bmax = fmaxf(free_w, m->target), hmax = bmax;
        /* Too tight for both whole (larger text on a small panel, with the
         * language button): Back's chevron goes before any word breaks. */
        if (bn + hn > room && g->back_p.chevron) {
            g->back_p.chevron = 0;
            lay_pill_size(L, &g->back_p, L->W, &bn, &bnh);
        }
        if (bn + hn <= room) {
            bmax = bn;
            hmax = hn;
        }
        lay_pill_size(L, &g->back_p, bmax, &bw, &bh);
        lay_pill_size(L, &g->home_p, hmax, &hw, &hh);
    }
    float btn_h = fmaxf(bh, hh);
    g->back = (od_rect){ m->pad, top, bw, btn_h };
    g->home = (od_rect){ m->pad + bw + m->gap, top, hw, btn_h };
    /* The accessibility button: a round button as tall as the others, in
     * the same corner on every screen. */
    float as = fmaxf(pill_1, m->target);
    g->access = (od_rect){ L->W - m->pad - as, top, as, as };
    /* The language button, the same size, beside it where the content has
     * more than one language (on Home, where a visit starts). */
    g->has_lang = lang && language_offered(L);
    float right = g->access.x;
    if (g->has_lang) {
        g->lang = (od_rect){ g->access.x - m->gap - as, top, as, as };
        right = g->lang.x;
    }
    float tx = g->home.x + hw + 1.5f * m->gap;
    float tw = fmaxf(right - 1.5f * m->gap - tx, 1.0f);

    size_t len = strlen(title);
    g->size = m->text_min;
    g->wrap = true;
    for (float s = m->h3; s >= m->text_min - 0.01f; s -= u) {
        if (lay_tw(L, SCENE_FONT_BOLD, s, title, len) <= tw) {
            g->size = s;
            g->wrap = false;
            break;
        }
    }
    float lh = lay_lh(L, SCENE_FONT_BOLD, g->size);
    size_t lines = 1;
    if (g->wrap) {
        lay_style st = { SCENE_FONT_BOLD, g->size, lay_col(L, CONTENT_COLOR_TEXT), LAY_ALIGN_LEFT, false };
        lines = (size_t)lroundf(lay_text_height(L, &st, tw, title, len, NULL) / lh);
    }
    if (!len)
        lines = 0;
    float cap = 0.45f * L->H - 2 * top;
    g->max_lines = lh > 0 ? (size_t)fmaxf(1.0f, floorf(cap / lh)) : 1;
    if (lines > g->max_lines)
        lines = g->max_lines;
    g->title_h = (float)lines * lh;
    if (g->title_in_body)
        g->title_h = 0;
    g->h = fmaxf(m->header_h, fmaxf(fmaxf(as, btn_h), g->title_h) + 2 * top);
    g->title = (od_rect){ tx, 0, tw, g->h };
    /* With the bar at the bottom the buttons keep to its lower edge, so they
     * stay in one place on every screen however tall the title makes it. */
    if (lay_reach(L->env)) {
        g->back.y = g->home.y = g->h - top - btn_h;
        g->access.y = g->h - top - as;
        g->lang.y = g->access.y;
    }
}

/* The header for a title; a title that would wrap the bar past a fifth of
 * the screen (Larger text on a small screen, a long name beside the
 * buttons) heads the page instead, so the bar stays one row of buttons. */
static void header_measure(const lay *L, const char *title, bool can_back, bool lang,
                           header_geom *g)
{
    header_measure_as(L, title, can_back, lang, false, g);
    float one_row = fmaxf(g->access.h, g->back.h) + 20.0f * L->m.unit;
    if (!g->title_in_body && g->h > fmaxf(0.2f * L->H, one_row) + 0.5f)
        header_measure_as(L, title, can_back, lang, true, g);
}

/* Emit the title lines; past max_lines the last line ends in an ellipsis
 * (only reachable with absurd content: the audit still holds). */
static void header_title(lay *L, const header_geom *g, const char *title, int box)
{
    lay_style st = { SCENE_FONT_BOLD, g->size, lay_col(L, CONTENT_COLOR_TEXT), LAY_ALIGN_LEFT, false };
    float lh = lay_lh(L, SCENE_FONT_BOLD, g->size);
    float y = (g->h - g->title_h) / 2;
    size_t len = strlen(title), pos = 0, n = 0;
    od_rect bx = L->s->cmds[box].rect;
    while (text_more(title, len, pos) && n < g->max_lines) {
        text_span ln;
        pos = text_wrap(&L->text, SCENE_FONT_BOLD, g->size, title, len, pos, g->title.w, &ln);
        size_t tl;
        const char *t = text_span_text(L->s, title, &ln, false, &tl);
        float w = ln.w;
        if (n + 1 == g->max_lines && text_more(title, len, pos)) {
            t = title + ln.start;
            tl = ln.len;
            char *buf = lay_alloc(L, tl + 4);
            if (buf) {
                tl = text_ellipsize(&L->text, SCENE_FONT_BOLD, g->size, t, tl, g->title.w, buf, &w);
                t = scene_strdup(L->s, buf, tl);
            }
        }
        if (tl) {
            scene_cmd *cmd = scene_text(L->s, g->title.x + L->ox, y + L->oy, w, lh, SCENE_FONT_BOLD,
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
    int hb = lay_box(L, (od_rect){ 0, 0, L->W, g->h }, lay_col(L, CONTENT_COLOR_SURFACE), 0, -1);
    /* The rule between the bar and the page: under a bar at the top, over
     * one at the bottom (controls within reach). */
    float rule = fmaxf(1.0f, u);
    lay_rect(L, (od_rect){ 0, lay_reach(L->env) ? 0 : g->h - rule, L->W, rule },
             lay_col(L, CONTENT_COLOR_LINE), 0);
    lay_pill_draw(L, &g->back_p, g->back, hb);
    lay_pill_draw(L, &g->home_p, g->home, hb);
    access_button(L, g->access, hb);
    if (g->has_lang)
        language_button(L, g->lang, hb);
    /* An invisible block for the title, so the audit proves it never runs
     * under the buttons. */
    if (g->title_in_body)
        return;
    int tb = lay_box(L, g->title, od_rgba(0, 0, 0, 0), 0, hb);
    header_title(L, g, title, tb);
}

/* ---- pages and transitions ---------------------------------------------------------- */

/* The cue that a page goes on below the fold: the last stretch of the
 * viewport fades into the background. Plain rects, no blocks: it lies over
 * the content as a veil, so it neither moves nor collides with anything the
 * audit checks. */
static void more_fade(lay *L, float view_top, float view_h)
{
    const lay_metrics *m = &L->m;
    float fh = fminf(2.0f * m->body, 0.25f * view_h);
    float y0 = view_top + view_h - fh;
    od_color bg = lay_col(L, CONTENT_COLOR_BACKGROUND);
    enum { STEPS = 12 };
    float sh = fh / STEPS;
    for (int i = 0; i < STEPS; i++) {
        float a = (float)(i + 1) / STEPS;
        lay_rect(L, (od_rect){ 0, y0 + (float)i * sh, L->W, sh + 0.5f },
                 lay_with_alpha(bg, 0.92f * a * a), 0);
    }
}

/* The scroll buttons of a long page, so that reading it never needs a drag:
 * "More below" (a screen down) while the page goes on below the viewport,
 * "Scroll up" once it is scrolled (VIEW_ACT_SCROLL +1 / -1). They stand in
 * a strip of their own under the page's viewport, the cue strip, so they
 * never lie on a line of text or a button: a page that scrolls is laid out
 * in the height that is left above it. */
typedef struct {
    lay_pill p[2];            /* Scroll up, More below */
    float w[2], h;            /* their widths and common height */
    bool compact;             /* one line each, at the right edge */
    bool icons;               /* round buttons with an arrow alone */
} cue_geom;

static void cue_measure(const lay *L, float view_h, cue_geom *g)
{
    memset(g, 0, sizeof *g);
    for (int k = 0; k < 2; k++) {
        lay_pill *b = &g->p[k];
        b->text = lay_str(L, k == 0 ? CONTENT_STR_SCROLL_UP : CONTENT_STR_SCROLL_DOWN);
        b->font = SCENE_FONT_BOLD;
        b->size = lay_small(L);
        b->bg = lay_col(L, CONTENT_COLOR_SURFACE_ALT);
        b->fg = lay_col(L, CONTENT_COLOR_TEXT);
        b->outline = lay_col(L, CONTENT_COLOR_LINE);
        b->action = VIEW_ACT_SCROLL;
        b->arg = k == 0 ? -1 : 1;
        b->round = true;
        float h;
        lay_pill_size(L, b, 0.45f * L->W, &g->w[k], &h);
        g->h = fmaxf(g->h, h);
    }
    /* A short viewport with large text (the 7-inch panel in Larger text):
     * pills wrapped to two lines would take the room of the only lines on
     * screen. Each label on one line, with half the padding. */
    g->compact = g->h > 0.15f * view_h;
    if (g->compact) {
        g->h = 0;
        for (int k = 0; k < 2; k++) {
            float h;
            g->p[k].dense = true;
            lay_pill_size(L, &g->p[k], 0.9f * L->W, &g->w[k], &h);
            g->h = fmaxf(g->h, h);
        }
    }
    /* Still too tall (Larger text on the 7-inch panel, where every line
     * counts): round buttons a target wide with an arrow; their actions
     * keep the words for Read aloud and the account. */
    if (g->compact && g->h > 0.15f * view_h) {
        g->icons = true;
        g->h = g->w[0] = g->w[1] = L->m.target;
    }
}

/* A round scroll button with an arrow up (dir -1) or down (+1). */
static void cue_icon(lay *L, const lay_pill *p, od_rect r)
{
    bool pressed = lay_is_pressed(L, p->action, p->arg);
    od_rect b = pressed ? lay_press_shrink(L, r) : r;
    od_color fg = pressed ? lay_col(L, CONTENT_COLOR_ACCENT_TEXT) : p->fg;
    lay_box(L, b, pressed ? lay_col(L, CONTENT_COLOR_ACCENT) : p->bg, b.h / 2, -1);
    if (!pressed)
        lay_frame(L, b, p->outline, b.h / 2, 2.0f * L->m.unit);
    float cx = b.x + b.w / 2, cy = b.y + b.h / 2, a = 0.2f * b.w, t = fmaxf(2.0f, 0.07f * b.w);
    float d = (float)p->arg * 0.5f * a;
    lay_line(L, cx - a, cy - d, cx, cy + d, t, fg);
    lay_line(L, cx, cy + d, cx + a, cy - d, t, fg);
    lay_focus_ring(L, r, r.h / 2, p->action, p->arg);
    lay_hit(L, r, p->action, p->arg, true);
}

/* The strip's height: the pills and a little air above and below. */
static float cue_strip_h(const cue_geom *g, const lay *L)
{
    return g->h + 0.5f * L->m.pad;
}

static void scroll_buttons(lay *L, const cue_geom *g, float strip_y, bool down, bool up)
{
    const lay_metrics *m = &L->m;
    int show[2];
    size_t n = 0;
    if (up)
        show[n++] = 0;
    if (down)
        show[n++] = 1;
    if (!n)
        return;
    float total = g->w[show[0]] + (n == 2 ? m->gap + g->w[show[1]] : 0);
    float x = g->compact ? L->W - m->pad - total : (L->W - total) / 2;
    float y = strip_y + 0.25f * m->pad;
    for (size_t k = 0; k < n; k++) {
        float w = g->w[show[k]];
        if (g->icons)
            cue_icon(L, &g->p[show[k]], (od_rect){ x, y, w, g->h });
        else
            lay_pill_draw(L, &g->p[show[k]], (od_rect){ x, y, w, g->h }, -1);
        x += w + m->gap;
    }
}

/* The page's title at the top of its body (when the bar has no room for
 * it): bold, from h3 down to the body size to keep words whole, wrapped.
 * Returns the height it takes, 0 for no title. */
static float body_title(lay *L, const char *title)
{
    if (!*title)
        return 0;
    const lay_metrics *m = &L->m;
    float w = L->W - 2 * m->pad, y = lay_top_pad(L);
    float size = lay_fit_size(L, SCENE_FONT_BOLD, m->h3, m->text_min, title, w);
    /* A viewport of a few lines (Larger text on the 7-inch panel, with the
     * bands and Read aloud's bar): the title in the body size, close to
     * the top, so the page's first line shows under it. */
    if (y + lay_lh(L, SCENE_FONT_BOLD, size) + lay_lh(L, SCENE_FONT_REGULAR, m->body) >
        L->view_h) {
        size = m->body;
        y = 0.5f * m->gap;
    }
    lay_style st = { SCENE_FONT_BOLD, size, lay_col(L, CONTENT_COLOR_TEXT), LAY_ALIGN_LEFT, false };
    float th = lay_text_height(L, &st, w, title, strlen(title), NULL);
    int box = lay_box(L, (od_rect){ m->pad, y, w, th }, od_rgba(0, 0, 0, 0), 0, -1);
    lay_text(L, &st, m->pad, y, w, title, box);
    return y + th;
}

/* The notices read whole, in place of the page's body (notice_band.h). */
static float notices_body(lay *L, const view_place *p)
{
    (void)p;
    return notice_band_page(L);
}

static const screen_def notices_screen = { .body = notices_body };

/* The page's body laid out once into the viewport from `top`, view_h tall
 * (title_in_body: the page's title heads it); returns its height. */
static float body_once(lay *L, const lay_page *pg, const screen_def *d, float top, float view_h,
                       float scroll, bool title_in_body)
{
    scene_push_clip(L->s, (od_rect){ 0, top, L->W, view_h });
    L->oy = top - scroll;
    L->scroll = scroll;
    L->view_h = view_h;
    float th = title_in_body ? body_title(L, screen_title(L->c, &pg->place)) : 0;
    L->oy += th;
    L->view_h -= th;
    float ch = d->body(L, &pg->place) + th;
    L->view_h = view_h;
    scene_pop_clip(L->s);
    return ch;
}

/* Draw one page body (not the header) shifted by dx with the given alpha,
 * in the rectangle the frame leaves it: from `top`, view_h tall. A page that
 * scrolls gives up the foot of that rectangle to the cue strip. */
static void page_body(lay *L, const lay_page *pg, float top, float view_h, float dx, float alpha,
                      bool hits, frame_result *res, bool title_in_body)
{
    L->alpha = alpha;
    L->hits = hits;
    L->pressed = hits ? pg->pressed : 0;
    L->focus = hits ? pg->focus : 0;
    L->ox = dx;
    float scroll = isfinite(pg->scroll) ? pg->scroll : 0;
    const screen_def *d = screen_get(pg->place.screen);
    /* The notices opened from the band take the page's place (its bar
     * stays: Back, or any target but the page's, closes them). */
    if (hits && L->in && L->in->notice_open && notice_band_height(L) > 0 && d && !d->full) {
        d = &notices_screen;
        title_in_body = false;
    }
    if (!d || !d->body)
        return;
    if (d->full) {
        /* A full screen (the attract loop) owns no bar, but not the whole
         * screen either: it is laid out below the bands. */
        L->oy = top;
        L->scroll = 0;
        L->view_h = view_h;
        d->body(L, &pg->place);
        L->oy = 0;
        if (res) {
            res->content_h = res->view_h = view_h;
            res->swipe_count = 0;
        }
        return;
    }
    size_t k0 = L->s->nclips;
    float ch = body_once(L, pg, d, top, view_h, scroll, title_in_body);
    cue_geom cg;
    bool scrolls = ch > view_h + 1.0f;
    if (scrolls) {
        /* It scrolls: its viewport ends above the cue strip. The page keeps
         * the arrangement it chose for the whole rectangle (it scrolls
         * anyway); only its clip, and the clips inside it, get shorter. */
        cue_measure(L, view_h, &cg);
        view_h = fmaxf(0.0f, view_h - cue_strip_h(&cg, L));
        od_rect vp = { 0, top, L->W, view_h };
        for (size_t k = k0; k < L->s->nclips; k++)
            L->s->clips[k] = od_rect_intersect(L->s->clips[k], vp);
    }
    L->oy = 0;
    /* A viewport of a few lines (Larger text on the 7-inch panel) keeps
     * them clear: the cue alone says there is more. */
    if (ch - scroll > view_h + 1.0f && view_h >= 6.0f * L->m.body)
        more_fade(L, top, view_h);
    if (scrolls)
        scroll_buttons(L, &cg, top + view_h, ch - scroll > view_h + 1.0f, scroll > 1.0f);
    if (res) {
        res->content_h = ch;
        res->view_h = view_h;
        res->swipe_count = view_place_siblings(&pg->place, L->c);
    }
}

/* Whether a page has the fixed header: every screen but a full-screen one. */
static bool has_header(const lay_page *pg)
{
    const screen_def *d = screen_get(pg->place.screen);
    return d && !d->full;
}

void frame_build(scene *out, const content *c, const lay_env *env,
                 const lay_frame_in *in, frame_result *res)
{
    scene_clear(out);
    /* High contrast: the same model under the built-in palette. */
    content hc;
    bool own_hc = env->high_contrast && c && access_contrast_model(c, &hc);
    if (own_hc)
        c = &hc;
    lay L;
    lay_begin(&L, out, c, env, in);
    frame_result dummy;
    if (!res)
        res = &dummy;
    memset(res, 0, sizeof *res);
    scene_rect(out, (od_rect){ 0, 0, L.W, L.H }, lay_col(&L, CONTENT_COLOR_BACKGROUND), 0);

    float t = in->t;
    if (!(t >= 0))
        t = 0;
    if (t > 1)
        t = 1;
    bool trans = t < 1;
    int dir = in->dir > 0 ? 1 : in->dir < 0 ? -1 : 0;
    const lay_page *cur = &in->cur, *prev = trans ? &in->prev : NULL;
    bool cur_hdr = has_header(cur);
    bool prev_hdr = prev && has_header(prev);

    /* One fixed header: the current page's, or while fading into the attract
     * loop the previous page's, fading out. */
    const lay_page *hp = cur_hdr ? cur : prev_hdr ? prev : NULL;
    header_geom g;
    memset(&g, 0, sizeof g);
    float hh = 0;
    const char *title = "";
    if (hp) {
        title = screen_title(c, &hp->place);
        if (in->notice_open && hp == cur)
            title = ""; /* the notices page heads itself */
        header_measure(&L, title, in->can_back, hp->place.screen == VIEW_SCREEN_HOME, &g);
        hh = g.h;
    }

    /* The notices' band: under the header (over it when the header is at
     * the bottom), or at the top of a full screen; the page gets the rest. */
    float nh = notice_band_height(&L);
    /* The attract loop's notices slide shows them large: no band over it. */
    if (!hp && cur->place.screen == VIEW_SCREEN_ATTRACT && c && in->slide < c->n_slides &&
        c->slides[in->slide].kind == CONTENT_ATTRACT_NOTICES)
        nh = 0;
    bool bottom = lay_reach(env);
    float band_y = !hp ? 0 : bottom ? L.H - hh - nh : hh;
    /* The authors' banner (staff previews): against the header, the notices
     * beyond it; at the top of a full screen. */
    const lay_refused *refused = in->refused;
    float rh = refused_height(&L, refused);
    float refused_y = !hp ? 0 : bottom ? L.H - hh - rh : hh;
    if (!hp || !bottom)
        band_y += rh;
    else
        band_y -= rh;
    float room = nh + rh; /* the page makes room for both */

    /* The attract loop's language button, in the corner where every other
     * screen has its accessibility button, just under the bands. */
    bool attract_lang = cur->place.screen == VIEW_SCREEN_ATTRACT && language_offered(&L);
    float lang_as = 0;
    if (attract_lang) {
        lay_pill p;
        header_pill(&L, &p, lay_str(&L, CONTENT_STR_BACK), VIEW_ACT_BACK, -1);
        float pw, ph;
        lay_pill_size(&L, &p, L.W, &pw, &ph);
        lang_as = fmaxf(ph, L.m.target);
    }
    /* Each page's rectangle: under (or above) the bar and the bands; a full
     * screen's below the bands and below the language button, so no
     * headline runs under them. */
    float page_top = bottom ? 0 : hh + room, page_h = L.H - hh - room;
    float full_top = room + (attract_lang ? 10.0f * L.m.unit + lang_as : 0);
    float full_h = L.H - full_top;

    /* A cross-fade goes through the background: the old page fades out in the
     * first half, the new one in during the second. Never two translucent
     * pages at once, which halves the pixels blended per frame (the software
     * renderer's dearest work) and reads as calmly. */
    float out_a = fmaxf(0.0f, 1.0f - 2.0f * t), in_a = fmaxf(0.0f, 2.0f * t - 1.0f);
    if (prev && (dir || out_a > 0))
        page_body(&L, prev, has_header(prev) ? page_top : full_top,
                  has_header(prev) ? page_h : full_h, -(float)dir * t * L.W, dir ? 1.0f : out_a, false, NULL,
                  hp && g.title_in_body);
    float bar_y = bottom ? L.H - hh : 0;
    if (hp) {
        L.ox = 0;
        L.oy = bar_y;
        L.alpha = cur_hdr ? (prev && !prev_hdr ? in_a : 1.0f) : out_a;
        L.hits = hp == cur;
        L.pressed = L.hits ? cur->pressed : 0;
        L.focus = L.hits ? cur->focus : 0;
        header_draw(&L, &g, title);
    }
    page_body(&L, cur, cur_hdr ? page_top : full_top, cur_hdr ? page_h : full_h, trans ? (float)dir * (1.0f - t) * L.W : 0,
              trans && !dir ? in_a : 1.0f, true, res, hp && g.title_in_body);
    if (nh > 0)
        notice_band_draw(&L, band_y, false);
    /* The authors' banner is part of the frame, not an overlay: a panel
     * that has to cover the bar covers it too. */
    if (rh > 0)
        refused_draw(&L, refused, refused_y);
    /* The overlays, over everything: the panel of choices (on a page with
     * the bar), then the warning before the visit resets; then the urgent
     * notices, which nothing covers. */
    L.alpha = 1;
    L.hits = true;
    L.pressed = cur->pressed;
    L.focus = cur->focus;
    if (in->access_open && cur_hdr) {
        od_rect b = g.access;
        b.y += bar_y;
        res->panel_h = access_panel(&L, b, hh + rh, bottom, &res->panel_view_h);
    }
    /* The attract loop's language button, in the corner where every other
     * screen has its accessibility button: a visitor may choose a language
     * before the visit starts (the touch wakes the kiosk with the chooser
     * open). Not while the loop fades in or out. */
    od_rect lang_btn = g.lang;
    lang_btn.y += bar_y;
    if (attract_lang && !trans) {
        L.ox = L.oy = 0;
        lang_btn = language_corner(&L, L.W - L.m.pad, 10.0f * L.m.unit + room, lang_as);
    }
    if (in->language_open && cur_hdr && g.has_lang)
        language_chooser(&L, lang_btn, bottom);
    if (in->warn_s && cur_hdr)
        access_reset_warning(&L, in->warn_s);
    if (nh > 0)
        notice_band_draw(&L, band_y, true);
    lay_end(&L);
    if (own_hc)
        access_contrast_free(&hc);
}
