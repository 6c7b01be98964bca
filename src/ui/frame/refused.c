/* refused.c - the authors' banner. See refused.h.
 *
 * Three parts, top to bottom: "Save not applied: " and where (bold, one
 * line, the path elided in its middle), what is wrong (wrapped, a few
 * lines at most), and "and N more problems" when there are more. The
 * builder is the same for the app's frame and the staff screen's overlay,
 * so both show the same words in the same places. */
#include "refused.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* White on a dark red: about 9.6:1, above the 7:1 of high contrast. */
static const od_color REFUSED_BG = { 0x8A, 0x14, 0x14, 0xFF };
static const od_color REFUSED_FG = { 0xFF, 0xFF, 0xFF, 0xFF };

static const char LEAD[] = "Save not applied: ";
static const char DOTS[] = "\xe2\x80\xa6";

/* Copy src into out (n bytes), keeping its end when it is too long: the
 * end of a path names the file. */
static void copy_tail(char *out, size_t n, const char *src)
{
    size_t len = strlen(src);
    if (len < n) {
        memcpy(out, src, len + 1);
        return;
    }
    size_t keep = n - 1 - (sizeof DOTS - 1);
    const char *t = src + len - keep;
    while (((unsigned char)*t & 0xC0u) == 0x80u) {
        t++;
        keep--;
    }
    memcpy(out, DOTS, sizeof DOTS - 1);
    memcpy(out + sizeof DOTS - 1, t, keep + 1);
}

/* Drop a code point that snprintf cut short at the end of s. */
static void trim_cut(char *s)
{
    size_t len = strlen(s), i = len;
    while (i > 0 && ((unsigned char)s[i - 1] & 0xC0u) == 0x80u)
        i--;
    if (i == 0)
        return;
    unsigned char lead = (unsigned char)s[i - 1];
    size_t need = lead >= 0xF0u ? 4 : lead >= 0xE0u ? 3 : lead >= 0xC0u ? 2 : 1;
    if (len - (i - 1) < need)
        s[i - 1] = '\0';
}

bool refused_from(lay_refused *out, const content_report *rep)
{
    memset(out, 0, sizeof *out);
    const content_problem *first = NULL;
    size_t errors = 0;
    for (size_t i = 0; rep && i < rep->count; i++) {
        if (rep->items[i].warning)
            continue;
        if (!first)
            first = &rep->items[i];
        errors++;
    }
    if (!first)
        return false;
    char loc[32] = "";
    if (first->line > 0)
        snprintf(loc, sizeof loc, ":%d:%d", first->line, first->col);
    /* The path keeps its end; the line and column are never cut. */
    copy_tail(out->where, sizeof out->where - strlen(loc), first->file ? first->file : "");
    strcat(out->where, loc);
    const char *path = first->path ? first->path : "";
    snprintf(out->what, sizeof out->what, "%s%s%s", path, *path ? ": " : "",
             first->message ? first->message : "");
    trim_cut(out->what);
    out->more = errors - 1;
    return true;
}

bool refused_equal(const lay_refused *a, const lay_refused *b)
{
    return a->more == b->more && !strcmp(a->where, b->where) && !strcmp(a->what, b->what);
}

static float row_pad(const lay *L)
{
    return 0.5f * L->m.gap + 0.25f * L->m.pad;
}

static float text_px(const lay *L)
{
    return L->m.text_min;
}

/* Lines the message may take before its last one is shortened: the band
 * stays small on a short screen (the staff screen shares it with the
 * day's picture). */
static size_t what_lines(const lay *L)
{
    return L->H >= 900.0f ? 3 : L->H >= 600.0f ? 2 : 1;
}

static float inner_w(const lay *L)
{
    return fmaxf(L->W - 2 * L->m.pad, 1.0f);
}

/* Code point boundary at or before i. */
static size_t cp_floor(const char *s, size_t i)
{
    while (i > 0 && ((unsigned char)s[i] & 0xC0u) == 0x80u)
        i--;
    return i;
}

/* s[0..len) shortened in its middle to fit maxw: a head, an ellipsis and
 * a tail, the tail at least from the last '/' (the file's name and its
 * line and column) while that fits. Written to out (len + 4 bytes);
 * returns the length. */
static size_t elide_middle(const lay *L, scene_font f, float px, const char *s, size_t len,
                           float maxw, char *out)
{
    if (lay_tw(L, f, px, s, len) <= maxw) {
        memcpy(out, s, len);
        return len;
    }
    const char *slash = NULL;
    for (size_t i = len; i-- > 0;)
        if (s[i] == '/') {
            slash = s + i;
            break;
        }
    size_t tail0 = slash ? (size_t)(slash - s) : len / 2;
    /* The longest head with the whole tail; with none, the longest tail. */
    size_t tail = tail0;
    size_t lo = 0, hi = tail;
    for (;;) {
        memcpy(out, DOTS, 3);
        memcpy(out + 3, s + tail, len - tail);
        if (lay_tw(L, f, px, out, 3 + len - tail) <= maxw || tail >= len)
            break;
        /* Even the tail alone is too wide: drop its first code points. */
        size_t step = (len - tail) / 4 + 1;
        tail = tail + step >= len ? len : tail + step;
        while (tail < len && ((unsigned char)s[tail] & 0xC0u) == 0x80u)
            tail++;
        hi = 0;
    }
    while (lo < hi) {
        size_t mid = cp_floor(s, lo + (hi - lo + 1) / 2);
        if (mid <= lo)
            break;
        memcpy(out, s, mid);
        memcpy(out + mid, DOTS, 3);
        memcpy(out + mid + 3, s + tail, len - tail);
        if (lay_tw(L, f, px, out, mid + 3 + len - tail) <= maxw)
            lo = mid;
        else
            hi = cp_floor(s, mid - 1);
    }
    memcpy(out, s, lo);
    memcpy(out + lo, DOTS, 3);
    memcpy(out + lo + 3, s + tail, len - tail);
    return lo + 3 + len - tail;
}

static void more_text(const lay_refused *r, char *buf, size_t n)
{
    snprintf(buf, n, "and %zu more problem%s", r->more, r->more == 1 ? "" : "s");
}

/* Lines of the message at width w, at most what_lines. */
static size_t count_what(lay *L, float w, const char *s)
{
    size_t len = strlen(s), pos = 0, n = 0;
    while (text_more(s, len, pos) && n < what_lines(L)) {
        text_span ln;
        pos = text_wrap(&L->text, SCENE_FONT_REGULAR, text_px(L), s, len, pos, w, &ln);
        n++;
    }
    return n;
}

/* On a narrow screen (or with larger text) the lead takes a line of its
 * own, so the path keeps the width. */
static bool lead_alone(const lay *L)
{
    return lay_tw(L, SCENE_FONT_BOLD, text_px(L), LEAD, sizeof LEAD - 1) > 0.5f * inner_w(L);
}

/* The band's height, whole or tight: tight, "and N more" is left out. */
static float height_as(lay *L, const lay_refused *r, bool tight)
{
    float px = text_px(L);
    float bl = lay_lh(L, SCENE_FONT_BOLD, px), rl = lay_lh(L, SCENE_FONT_REGULAR, px);
    float h = (lead_alone(L) ? 2 : 1) * bl +
              (float)count_what(L, inner_w(L), r->what) * rl;
    if (r->more && !tight)
        h += rl;
    return ceilf(h + 2 * row_pad(L));
}

/* Over a quarter of the screen in larger text (the 7-inch panel) the band
 * gives up its last line, so the page keeps its room. */
static bool band_tight(lay *L, const lay_refused *r)
{
    return L->env->large_text && height_as(L, r, false) > 0.25f * L->H;
}

float refused_height(lay *L, const lay_refused *r)
{
    if (!r)
        return 0;
    return height_as(L, r, band_tight(L, r));
}

/* One line of text at (x, y) in block box. */
static void line(lay *L, scene_font f, float x, float y, float w, const char *t, size_t n,
                 int box)
{
    if (!t)
        return;
    float px = text_px(L);
    scene_cmd *cmd = scene_text(L->s, x, y, w, lay_lh(L, f, px), f, px, REFUSED_FG, t, n);
    if (cmd) {
        cmd->box = L->s->cmds[box].rect;
        cmd->parent = box;
    }
}

float refused_draw(lay *L, const lay_refused *r, float y)
{
    if (!r)
        return y;
    float h = refused_height(L, r);
    float ox = L->ox, oy = L->oy, alpha = L->alpha;
    L->ox = L->oy = 0;
    L->alpha = 1;
    int box = lay_box(L, (od_rect){ 0, y, L->W, h }, REFUSED_BG, 0, -1);
    if (box < 0)
        goto done;
    L->s->cmds[box].level = LAY_LEVEL_REFUSED;
    float px = text_px(L), x = L->m.pad, w = inner_w(L), ty = y + row_pad(L);
    float bl = lay_lh(L, SCENE_FONT_BOLD, px), rl = lay_lh(L, SCENE_FONT_REGULAR, px);

    /* Where: the lead and the path on one line, the path elided; on a
     * narrow screen the lead on a line of its own, the path under it. */
    bool tight = band_tight(L, r), alone = lead_alone(L);
    size_t wl = strlen(r->where), ll = sizeof LEAD - 1;
    char *buf = lay_alloc(L, ll + wl + 8);
    if (buf) {
        memcpy(buf, LEAD, ll);
        float lw = lay_tw(L, SCENE_FONT_BOLD, px, LEAD, ll);
        size_t n = ll;
        if (alone) {
            size_t k = ll - 1; /* without its trailing space */
            line(L, SCENE_FONT_BOLD, x, ty, fminf(lay_tw(L, SCENE_FONT_BOLD, px, buf, k), w),
                 scene_strdup(L->s, buf, k), k, box);
            ty += bl;
            n = elide_middle(L, SCENE_FONT_BOLD, px, r->where, wl, w, buf);
        } else {
            n += elide_middle(L, SCENE_FONT_BOLD, px, r->where, wl, w - lw, buf + ll);
        }
        float tw = lay_tw(L, SCENE_FONT_BOLD, px, buf, n);
        line(L, SCENE_FONT_BOLD, x, ty, fminf(tw, w), scene_strdup(L->s, buf, n), n, box);
    } else if (alone) {
        ty += bl;
    }
    ty += bl;

    /* What: wrapped, the last allowed line shortened. */
    const char *s = r->what;
    size_t len = strlen(s), pos = 0, k = 0, max = what_lines(L);
    while (text_more(s, len, pos) && k < max) {
        text_span ln;
        pos = text_wrap(&L->text, SCENE_FONT_REGULAR, px, s, len, pos, w, &ln);
        size_t tl;
        const char *t = text_span_text(L->s, s, &ln, true, &tl);
        float lw = ln.w;
        if (k + 1 == max && text_more(s, len, pos)) {
            char *e = lay_alloc(L, len - ln.start + 4);
            if (e) {
                tl = text_ellipsize(&L->text, SCENE_FONT_REGULAR, px, s + ln.start, len - ln.start, w, e,
                                   &lw);
                t = scene_strdup(L->s, e, tl);
            }
        }
        if (tl && t)
            line(L, SCENE_FONT_REGULAR, x, ty, fminf(lw, w), t, tl, box);
        ty += rl;
        k++;
    }
    if (r->more && !tight) {
        char more[64];
        more_text(r, more, sizeof more);
        size_t n = strlen(more);
        float mw = lay_tw(L, SCENE_FONT_REGULAR, px, more, n);
        if (mw > w) {
            char *e = lay_alloc(L, n + 4);
            if (e) {
                n = text_ellipsize(&L->text, SCENE_FONT_REGULAR, px, more, n, w, e, &mw);
                line(L, SCENE_FONT_REGULAR, x, ty, fminf(mw, w), scene_strdup(L->s, e, n), n, box);
            }
        } else {
            line(L, SCENE_FONT_REGULAR, x, ty, mw, scene_strdup(L->s, more, n), n, box);
        }
    }
done:
    L->ox = ox;
    L->oy = oy;
    L->alpha = alpha;
    return y + h;
}

float refused_height_for(const lay_env *env, const lay_refused *r)
{
    if (!r)
        return 0;
    scene none;
    scene_init(&none);
    lay L;
    lay_begin(&L, &none, NULL, env, NULL);
    float h = refused_height(&L, r);
    lay_end(&L);
    scene_deinit(&none);
    return h;
}

void refused_append(scene *out, const lay_env *env, const lay_refused *r, float y)
{
    if (!r)
        return;
    lay L;
    lay_begin(&L, out, NULL, env, NULL);
    refused_draw(&L, r, y);
    lay_end(&L);
}
