/* lay.c - the layout toolkit: metrics, the frame builder and its primitives
 * (measuring, wrapping, text, pills, cards and the pieces several screens
 * share). See lay.h for the contract. */
#include "lay.h"
#include "lay_marks.h"

#include <linebreak.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "hash.h"
#include "qr.h"

/* ---- metrics --------------------------------------------------------------- */

bool layout_reach(const layout_env *env)
{
    return env->reach || env->mounted_high || env->h > env->w;
}

float layout_cap_degrees(const layout_env *env)
{
    return env->large_text ? LAYOUT_CAP_DEGREES_LARGE : LAYOUT_CAP_DEGREES;
}

void layout_metrics_compute(const layout_env *env, layout_metrics *m)
{
    float dpi = env->dpi > 0 ? env->dpi : LAYOUT_DEFAULT_DPI;
    float dist_cm = env->distance_cm > 0 ? env->distance_cm : LAYOUT_DEFAULT_DISTANCE_CM;
    const float deg = 3.14159265f / 180.0f;
    m->px_per_mm = dpi / 25.4f;
    m->distance_mm = 10.0f * dist_cm;
    m->cap_min = m->distance_mm * tanf(layout_cap_degrees(env) * deg) * m->px_per_mm;
    /* The font size at which every face's capitals reach cap_min. Cap height
     * is proportional to the size, so one measurement at 100 px gives the
     * ratio; a measurer reporting nothing sensible falls back to 0.7. */
    float px = LAYOUT_TEXT_MIN_PX;
    for (int f = 0; f < FONT_COUNT; f++) {
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
        for (int f = 0; f < FONT_COUNT; f++)
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
    m->target = fmaxf(LAYOUT_TARGET_MM * m->px_per_mm, LAYOUT_TARGET_MIN_PX);
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
    static const content_color grounds[] = { COLOR_BACKGROUND, COLOR_SURFACE, COLOR_SURFACE_ALT };
    od_color text = lay_col(L, COLOR_TEXT);
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

/* Defined with the line breaking below. */
static float widest_segment(const lay *L, scene_font f, float px, const char *s, size_t len);

float lay_widest_word(const lay *L, scene_font f, float px, const char *s)
{
    return widest_segment(L, f, px, s, strlen(s));
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

static bool cont_byte(char c)
{
    return ((unsigned char)c & 0xC0u) == 0x80u;
}

/* The code point starting at s[i] (s is valid UTF-8: the loader checks it;
 * a stray byte reads as itself). */
static uint32_t cp_at(const char *s, size_t i, size_t end)
{
    const unsigned char *u = (const unsigned char *)s + i;
    size_t n = end - i;
    if (u[0] < 0xC0 || n < 2)
        return u[0];
    if (u[0] < 0xE0)
        return (uint32_t)(u[0] & 0x1Fu) << 6 | (u[1] & 0x3Fu);
    if (u[0] < 0xF0 || n < 4)
        return n < 3 ? u[0]
                     : (uint32_t)(u[0] & 0x0Fu) << 12 | (uint32_t)(u[1] & 0x3Fu) << 6 |
                           (u[2] & 0x3Fu);
    return (uint32_t)(u[0] & 0x07u) << 18 | (uint32_t)(u[1] & 0x3Fu) << 12 |
           (uint32_t)(u[2] & 0x3Fu) << 6 | (u[3] & 0x3Fu);
}

/* Longest prefix of the word s[p..we) (on code point boundaries, at least one
 * code point) no wider than maxw; s[p..we) is known to be too wide (width
 * whi). Returns the end of the prefix; its width goes to *w.
 *
 * Callers pass as we the end of a prefix already known too wide (seg_fits),
 * not the end of a long word, so every measurement here is at most about two
 * lines of bytes. The search interpolates: text widths grow almost in
 * proportion to the bytes, so the first guess lands within a code point or two
 * of the answer; a guess that fails to halve the interval is followed by a
 * plain halving, so a measurer that is far from proportional still costs only
 * about twice log(we - p) measurements. */
static size_t fit_prefix(const lay *L, scene_font f, float px, const char *s, size_t p,
                         size_t we, float whi, float maxw, float *w)
{
    size_t lo = next_cp(s, p, we);
    float wlo = lay_tw(L, f, px, s + p, lo - p);
    if (wlo > maxw || lo >= we) {
        *w = wlo;
        return lo;
    }
    size_t hi = we;
    bool halve = false;
    for (;;) {
        size_t mid;
        if (!halve && whi > wlo) {
            float frac = (maxw - wlo) / (whi - wlo);
            mid = lo + (size_t)((float)(hi - lo) * frac);
        } else {
            mid = lo + (hi - lo) / 2;
        }
        while (mid < hi && ((unsigned char)s[mid] & 0xC0u) == 0x80u)
            mid++;
        if (mid <= lo)
            mid = next_cp(s, lo, hi);
        if (mid >= hi)
            break;
        size_t before = hi - lo;
        float wm = lay_tw(L, f, px, s + p, mid - p);
        if (wm <= maxw) {
            lo = mid;
            wlo = wm;
        } else {
            hi = mid;
            whi = wm;
        }
        halve = !halve && 2 * (hi - lo) > before;
    }
    *w = wlo;
    return lo;
}

/* ---- line breaking -----------------------------------------------------------
 *
 * Where a line may end is the Unicode line breaking algorithm's answer
 * (UAX #14), from libunibreak: after spaces, after an en dash, a hyphen or a
 * slash before a letter, between ideographs, never before a closing
 * punctuation mark; '\n' and U+2028 must end a line. libunibreak describes a
 * string at once, so a paragraph is described once for all its lines, one
 * window at a time: a window starts where a line starts and is moved on only
 * when a line runs past it, so each byte is described about once however
 * long the text, and wrapping stays linear in its length. */

#define BREAK_WINDOW 2048

typedef struct {
    const char *s;
    size_t len;
    const char *lang;        /* the content's language (libunibreak's tailoring) */
    size_t from, to;         /* brk[k - from] describes the end of byte k, from <= k < to */
    char brk[BREAK_WINDOW];
} breaks;

static void breaks_init(breaks *b, const lay *L, const char *s, size_t len)
{
    b->s = s;
    b->len = len;
    b->lang = L->c && L->c->language && L->c->language[0] ? L->c->language : NULL;
    b->from = SIZE_MAX; /* nothing described yet */
    b->to = 0;
}

/* Describe the text from byte `from`, a window's worth, ending on a code
 * point boundary. */
static void breaks_fill(breaks *b, size_t from)
{
    /* libunibreak's index of its tables: without it every look-up of a
     * large code point is a search. Calling it twice is harmless. */
    static bool ready;
    if (!ready) {
        init_linebreak();
        ready = true;
    }
    size_t to = b->len - from > BREAK_WINDOW ? from + BREAK_WINDOW : b->len;
    while (to < b->len && to > from + 4 && cont_byte(b->s[to]))
        to--;
    set_linebreaks_utf8((const utf8_t *)b->s + from, to - from, b->lang, b->brk);
    b->from = from;
    b->to = to;
}

/* What libunibreak says of a line ending after byte k (a LINEBREAK_ value),
 * for a line that starts at `line` (line <= k). */
static int break_after(breaks *b, size_t line, size_t k)
{
    /* A window that stops short of the text's end ends, for libunibreak, in
     * an end of text: its last answer is not to be trusted. */
    size_t trusted = b->to < b->len ? b->to - 1 : b->to;
    if (k < b->from || k >= trusted) {
        if (b->from != line) {
            breaks_fill(b, line);
            trusted = b->to < b->len ? b->to - 1 : b->to;
        }
        if (k < b->from || k >= trusted)
            /* A line longer than a whole window (unreachable with real
             * widths): it may end at the window's edge. */
            return k + 1 == b->to ? LINEBREAK_ALLOWBREAK : LINEBREAK_NOBREAK;
    }
    return b->brk[k - b->from];
}

/* The first position e in (k, limit] where a line that starts at `line` may
 * end, scanning from byte k; false when there is none up to limit. *must:
 * the break is mandatory (not counting the end of the text). */
static bool find_break(breaks *b, size_t line, size_t k, size_t limit, size_t *e, bool *must)
{
    for (; k < limit; k++) {
        int v = break_after(b, line, k);
        if (v == LINEBREAK_MUSTBREAK || v == LINEBREAK_ALLOWBREAK) {
            *e = k + 1;
            *must = v == LINEBREAK_MUSTBREAK && k + 1 < b->len;
            return true;
        }
    }
    return false;
}

/* The end of s[p..e) without what a line does not show at its end: trailing
 * spaces and a mandatory break's character (LF, CR, VT, FF, NEL, LS, PS). */
static size_t visible_end(const char *s, size_t p, size_t e)
{
    while (e > p) {
        unsigned char c = (unsigned char)s[e - 1];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f')
            e--;
        else if (c == 0x85 && e - p >= 2 && (unsigned char)s[e - 2] == 0xC2)
            e -= 2;
        else if ((c == 0xA8 || c == 0xA9) && e - p >= 3 && (unsigned char)s[e - 2] == 0x80 &&
                 (unsigned char)s[e - 3] == 0xE2)
            e -= 3;
        else
            break;
    }
    return e;
}

/* Whether s[pos..len) holds a character that must end a line (UAX #14's
 * BK, CR, LF and NL classes: LF, CR, VT, FF, NEL, LS, PS). */
static bool hard_break_in(const char *s, size_t pos, size_t len)
{
    for (size_t i = pos; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= '\n' && c <= '\r') || (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0x85) ||
            (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
             ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)))
            return true;
    }
    return false;
}

/* The start of the last segment before `end` of a line that starts at pos:
 * the last break opportunity inside s(pos..end), or pos when none. */
static size_t prev_break(breaks *b, size_t pos, size_t end)
{
    for (size_t e = end - 1; e > pos; e--) {
        int v = break_after(b, pos, e - 1);
        if (v == LINEBREAK_ALLOWBREAK || v == LINEBREAK_MUSTBREAK)
            return e;
    }
    return pos;
}

/* Bytes of the first prefix seg_fits measures: longer than any ordinary
 * word, so those are measured whole, once, exactly as a plain measurement. */
#define WORD_PROBE 64

/* One segment: the text between two break opportunities. */
typedef struct {
    size_t end;      /* where the next segment starts (valid when whole) */
    size_t vis;      /* the end of its visible part (valid when whole) */
    bool must;       /* a mandatory break follows it */
    bool whole;      /* its end was found; otherwise only s[p..over) was */
    size_t over;     /* the end of the part measured: vis when whole */
    float w;         /* the width of s[p..over) */
} seg;

/* Whether the segment starting at p (in a line that starts at `line`) is no
 * wider than room, scanning for its end and measuring no more of it than it
 * takes to decide: prefixes of doubling length (64, 128, ... bytes) until
 * one is too wide or the segment has ended. True: it fits, whole, width w.
 * False: s[p..over) is already wider than room (width w), so a word
 * thousands of bytes long costs about two line-widths of bytes to scan and
 * measure instead of all of them. Widths grow with the prefix (each code
 * point adds an advance), which is what makes the early answer exact. */
static bool seg_fits(const lay *L, breaks *b, size_t line, scene_font f, float px, size_t p,
                     float room, seg *g)
{
    const char *s = b->s;
    size_t n = WORD_PROBE, k = p;
    g->whole = g->must = false;
    for (;;) {
        size_t limit = b->len - p > n ? p + n : b->len;
        while (limit < b->len && cont_byte(s[limit]))
            limit++;
        size_t e;
        if (find_break(b, line, k, limit, &e, &g->must)) {
            g->whole = true;
            g->end = e;
            g->vis = g->over = visible_end(s, p, e);
            g->w = lay_tw(L, f, px, s + p, g->vis - p);
            return g->w <= room;
        }
        g->over = limit;
        g->w = lay_tw(L, f, px, s + p, limit - p);
        if (g->w > room)
            return false;
        k = limit;
        n *= 2;
    }
}

/* ---- breaking a word too long for its line --------------------------------- */

/* Whether a character continues the one before it, so a line must not start
 * with it: combining marks, joiners, variation selectors, emoji modifiers and
 * tags. Debian's libunibreak (1.1) predates its grapheme cluster breaking, so
 * this is the short list of what would otherwise split a visible character. */
static bool extends(uint32_t c)
{
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
           (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
           (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xFE20 && c <= 0xFE2F) || c == 0x200C ||
           c == 0x200D || (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F) ||
           (c >= 0xE0100 && c <= 0xE01EF);
}

/* A cut between characters moved off anything that would split a visible
 * character (see extends; a character after a zero-width joiner belongs to
 * the one before it): back when that keeps a character on the line, else
 * forward. Never inside a UTF-8 sequence (cut comes on a code point). */
static size_t cluster_cut(const char *s, size_t p, size_t cut, size_t end)
{
    size_t first = next_cp(s, p, end);
    size_t c = cut;
    while (c > first && c < end &&
           (extends(cp_at(s, c, end)) || (c >= 3 && cp_at(s, c - 3, end) == 0x200D))) {
        c--;
        while (c > first && cont_byte(s[c]))
            c--;
    }
    if (c > first || c == cut)
        return c;
    c = cut < first ? first : cut;
    while (c < end && (extends(cp_at(s, c, end)) || (c >= 3 && cp_at(s, c - 3, end) == 0x200D)))
        c = next_cp(s, c, end);
    return c;
}

/* A letter, for handing words to the hyphenation dictionary: ASCII letters
 * and any character from Latin-1's letters on, except punctuation, symbols
 * and emoji (which end a word). */
static bool letter(uint32_t c)
{
    if (c < 0x80)
        return (c | 0x20u) >= 'a' && (c | 0x20u) <= 'z';
    return c >= 0xC0 && c != 0xD7 && c != 0xF7 && !(c >= 0x2000 && c < 0x2C00) &&
           !(c >= 0x3000 && c < 0x3040) && !(c >= 0xFE30 && c < 0xFE70) && c < 0x1F000;
}

/* Bytes of a word handed to the hyphenation dictionary, and the longest line
 * that can take a hyphen (it is measured with the hyphen, in a buffer). */
#define HYPH_WORD_MAX 256
#define HYPH_LINE_MAX 512

/* The last hyphenation point that ends the line s[p..at) + "-" no wider than
 * maxw, given that s[p..cut) is the longest prefix that fits without one and
 * s[p..over) is too wide. The dictionary sees the letters around the cut:
 * back to the word's start when it is near (a line continuing a word begun
 * on the line before), forward a little past the cut. A few candidates are
 * measured at most, so a word costs about a line of bytes per line. */
static bool hyphen_point(const lay *L, const breaks *b, scene_font f, float px, size_t p,
                         size_t cut, size_t over, float maxw, size_t *at, float *w)
{
    const layout_measure *m = &L->env->measure;
    const char *s = b->s;
    size_t len = b->len;
    if (!m->hyphenate || cut - p + 1 > HYPH_LINE_MAX)
        return false;
    size_t ws = p;
    while (ws > 0 && p - ws < 32) {
        size_t q = ws - 1;
        while (q > 0 && cont_byte(s[q]))
            q--;
        if (!letter(cp_at(s, q, len)))
            break;
        ws = q;
    }
    while (ws < cut && !letter(cp_at(s, ws, len)))
        ws = next_cp(s, ws, len);
    if (ws >= cut)
        return false;
    size_t lim = over + 16 < len ? over + 16 : len;
    if (lim > ws + HYPH_WORD_MAX)
        lim = ws + HYPH_WORD_MAX;
    size_t we = ws;
    while (we < lim && letter(cp_at(s, we, len)) && next_cp(s, we, len) <= lim)
        we = next_cp(s, we, len);
    if (we - ws < 4)
        return false;
    unsigned char pts[HYPH_WORD_MAX];
    if (!m->hyphenate(m->hctx, b->lang, s + ws, we - ws, pts))
        return false;
    /* A word cut short ends, for the dictionary, where it was cut: its last
     * points are guesses. */
    size_t last = we - ws;
    if (we < len && letter(cp_at(s, we, len)))
        last = last > 8 ? last - 8 : 0;
    if (last > cut - ws)
        last = cut - ws;
    char buf[HYPH_LINE_MAX + 1];
    int tries = 0;
    for (size_t i = last; i-- > 0 && tries < 4;) {
        size_t h = ws + i + 1; /* the line ends after byte ws + i */
        if (h <= p)
            break;
        if (!pts[i] || (h < len && cont_byte(s[h])))
            continue;
        tries++;
        memcpy(buf, s + p, h - p);
        buf[h - p] = '-';
        float hw = lay_tw(L, f, px, buf, h - p + 1);
        if (hw <= maxw) {
            *at = h;
            *w = hw;
            return true;
        }
    }
    return false;
}

/* The line for a segment too wide for a line of its own, s[p..g->over) being
 * a prefix already too wide: hyphenated where the dictionary allows, else
 * cut between characters. Returns the position after the line. */
static size_t break_word(const lay *L, const breaks *b, scene_font f, float px, size_t p,
                         const seg *g, float maxw, lay_span *out)
{
    float cw;
    size_t cut = fit_prefix(L, f, px, b->s, p, g->over, g->w, maxw, &cw);
    size_t at;
    float hw;
    if (cut < g->over && hyphen_point(L, b, f, px, p, cut, g->over, maxw, &at, &hw)) {
        out->len = at - p;
        out->w = hw;
        out->hyphen = true;
        return at;
    }
    size_t c = cluster_cut(b->s, p, cut, g->over);
    if (c != cut)
        cw = lay_tw(L, f, px, b->s + p, c - p);
    out->len = c - p;
    out->w = cw;
    return c;
}

bool lay_more(const char *s, size_t len, size_t pos)
{
    for (; pos < len; pos++)
        if (s[pos] != ' ' && s[pos] != '\n')
            return true;
    return false;
}

static size_t wrap_line(const lay *L, breaks *b, scene_font f, float px, size_t pos,
                        float maxw, lay_span *out)
{
    const char *s = b->s;
    size_t len = b->len;
    while (pos < len && s[pos] == ' ')
        pos++;
    out->start = pos;
    out->len = 0;
    out->w = 0;
    out->hyphen = false;
    if (pos >= len)
        return len;
    /* A short rest that fits whole and holds no mandatory break is one line
     * whatever the break opportunities: no need to ask for them (most labels
     * and headings). Its measurement is the one the line would end with. */
    if (len - pos <= 2 * WORD_PROBE && !hard_break_in(s, pos, len)) {
        size_t ve = visible_end(s, pos, len);
        float w = lay_tw(L, f, px, s + pos, ve - pos);
        if (w <= maxw + 0.01f) {
            out->len = ve - pos;
            out->w = w;
            return len;
        }
    }
    /* Greedy fill by summing segment widths (each segment is measured once,
     * which suits the measurer's cache), then one exact measurement of the
     * line, dropping segments while kerning made the sum optimistic. */
    /* A box sized to a measured width must take that text back on one line
     * despite float rounding; the audit allows half a pixel. */
    maxw += 0.01f;
    float space = -1; /* measured on first need: one-segment lines never do */
    size_t end = pos, next = pos, p = pos;
    float sum = 0, first_w = 0;
    size_t segs = 0;
    for (;;) {
        seg g;
        if (segs == 0) {
            if (!seg_fits(L, b, pos, f, px, p, maxw, &g))
                return break_word(L, b, f, px, p, &g, maxw, out);
            sum = first_w = g.w;
        } else {
            if (space < 0)
                space = lay_tw(L, f, px, " ", 1);
            /* The spaces that ended the previous segment. */
            float gaps = (float)(p - end) * space;
            if (seg_fits(L, b, pos, f, px, p, maxw - sum - gaps, &g)) {
                sum += gaps + g.w;
            } else {
                /* A segment too wide for the room left is known after a
                 * prefix of it: when the line up to that prefix is already
                 * too wide, the line stops before it without measuring the
                 * rest. Otherwise the sum was pessimistic (pixel rounding
                 * per segment): find the segment's end against a whole line
                 * and confirm on the real line before breaking it, because a
                 * box sized to a measured string must get it on one line. */
                if (!g.whole && (lay_tw(L, f, px, s + pos, g.over - pos) > maxw ||
                                 (!seg_fits(L, b, pos, f, px, p, maxw, &g) && !g.whole)))
                    break;
                float lw = lay_tw(L, f, px, s + pos, g.vis - pos);
                if (lw > maxw)
                    break;
                sum = lw;
            }
        }
        end = g.vis;
        next = g.end;
        segs++;
        p = g.end;
        if (g.must || p >= len)
            break;
    }
    float lw = segs == 1 ? first_w : lay_tw(L, f, px, s + pos, end - pos);
    while (lw > maxw && segs > 1) {
        next = prev_break(b, pos, end);
        end = visible_end(s, pos, next);
        segs--;
        lw = lay_tw(L, f, px, s + pos, end - pos);
    }
    out->len = end - pos;
    out->w = lw;
    return next;
}

size_t lay_wrap(const lay *L, scene_font f, float px, const char *s, size_t len, size_t pos,
                float maxw, lay_span *out)
{
    breaks b;
    breaks_init(&b, L, s, len);
    return wrap_line(L, &b, f, px, pos, maxw, out);
}

/* The widest segment of s (text between break opportunities, without its
 * trailing spaces): the narrowest a wrapped s can be without breaking a
 * word. */
static float widest_segment(const lay *L, scene_font f, float px, const char *s, size_t len)
{
    breaks b;
    breaks_init(&b, L, s, len);
    float best = 0;
    size_t p = 0;
    while (p < len) {
        size_t e;
        bool must;
        if (!find_break(&b, p, p, len, &e, &must))
            e = len;
        size_t v = p;
        while (v < e && (s[v] == ' ' || s[v] == '\n'))
            v++;
        size_t ve = visible_end(s, v, e);
        if (ve > v)
            best = fmaxf(best, lay_tw(L, f, px, s + v, ve - v));
        p = e;
    }
    return best;
}

const char *lay_span_text(lay *L, const char *s, const lay_span *ln, bool copy, size_t *n)
{
    *n = ln->len;
    if (ln->hyphen && ln->len <= HYPH_LINE_MAX) {
        char buf[HYPH_LINE_MAX + 1];
        memcpy(buf, s + ln->start, ln->len);
        buf[ln->len] = '-';
        *n = ln->len + 1;
        return scene_strdup(L->s, buf, ln->len + 1);
    }
    return copy ? scene_strdup(L->s, s + ln->start, ln->len) : s + ln->start;
}

size_t lay_ellipsize(const lay *L, scene_font f, float px, const char *s, size_t len,
                     float maxw, char *out, float *w)
{
    static const char dots[] = "\xe2\x80\xa6";
    /* Binary search over code point boundaries for the longest kept prefix:
     * log(len) measurements of at most one line, where trimming one code
     * point at a time cost a measurement per code point. */
    size_t lo = 0, hi = len; /* keeping lo fits (or lo is 0); keeping more than hi does not */
    memcpy(out, dots, 3);
    float wlo = lay_tw(L, f, px, out, 3);
    memcpy(out, s, len);
    memcpy(out + len, dots, 3);
    float whi = lay_tw(L, f, px, out, len + 3);
    if (whi <= maxw) {
        *w = whi;
        return len + 3;
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo + 1) / 2;
        while (mid > lo && mid < len && ((unsigned char)s[mid] & 0xC0u) == 0x80u)
            mid--;
        if (mid <= lo)
            break;
        memcpy(out + mid, dots, 3);
        float wm = lay_tw(L, f, px, out, mid + 3);
        memcpy(out + mid, s + mid, 3 < len - mid ? 3 : len - mid);
        if (wm <= maxw) {
            lo = mid;
            wlo = wm;
        } else {
            hi = mid - 1;
        }
    }
    memcpy(out + lo, dots, 3);
    *w = wlo;
    return lo + 3;
}

/* ---- the cache of wrapped lines ------------------------------------------------ */

typedef struct {
    uint64_t key;        /* 0: empty */
    size_t len;          /* of the text, a second check on the key */
    lay_span *lines;     /* owned */
    size_t n;
} cache_entry;

typedef struct {
    char *text;          /* owned; NULL: empty */
    qr_code q;
    bool ok;             /* q holds the code (else text cannot be encoded) */
} qr_entry;

struct lay_cache {
    cache_entry e[LAY_CACHE_ENTRIES];
    size_t bytes, entries;
    uint64_t hits, misses;
    qr_entry qr[LAY_CACHE_QR];
    size_t qr_next;      /* the slot the next new code replaces */
};

lay_cache *lay_cache_create(void)
{
    return calloc(1, sizeof(lay_cache));
}

void lay_cache_clear(lay_cache *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < LAY_CACHE_ENTRIES; i++) {
        free(c->e[i].lines);
        c->e[i] = (cache_entry){ 0 };
    }
    c->bytes = c->entries = 0;
    for (size_t i = 0; i < LAY_CACHE_QR; i++) {
        free(c->qr[i].text);
        qr_deinit(&c->qr[i].q);
        c->qr[i] = (qr_entry){ 0 };
    }
    c->qr_next = 0;
}

const qr_code *lay_cache_qr(lay_cache *c, const char *text)
{
    for (size_t i = 0; i < LAY_CACHE_QR; i++)
        if (c->qr[i].text && !strcmp(c->qr[i].text, text))
            return c->qr[i].ok ? &c->qr[i].q : NULL;
    qr_entry *e = &c->qr[c->qr_next];
    c->qr_next = (c->qr_next + 1) % LAY_CACHE_QR;
    free(e->text);
    qr_deinit(&e->q);
    *e = (qr_entry){ 0 };
    size_t n = strlen(text) + 1;
    e->text = malloc(n);
    if (!e->text)
        return NULL;
    memcpy(e->text, text, n);
    e->ok = qr_make(text, &e->q);
    return e->ok ? &e->q : NULL;
}

void lay_cache_destroy(lay_cache *c)
{
    lay_cache_clear(c);
    free(c);
}

void lay_cache_get_stats(const lay_cache *c, lay_cache_stats *out)
{
    *out = (lay_cache_stats){ 0 };
    if (c)
        *out = (lay_cache_stats){ c->hits, c->misses, c->entries, c->bytes };
}

/* Everything the lines of s depend on: its bytes, the face and size, the
 * width, the language (libunibreak's tailoring and the hyphenation
 * dictionary) and the measurer. */
static uint64_t wrap_key(const lay *L, scene_font f, float px, const char *s, size_t len,
                         float maxw, const char *lang)
{
    const layout_measure *m = &L->env->measure;
    struct {
        int font;
        float px, maxw;
        const void *ctx, *hctx;
        float (*tw)(void *, scene_font, float, const char *, size_t);
        bool (*hy)(void *, const char *, const char *, size_t, unsigned char *);
    } k;
    memset(&k, 0, sizeof k); /* padding too: it is hashed */
    k.font = (int)f;
    k.px = px;
    k.maxw = maxw;
    k.ctx = m->ctx;
    k.hctx = m->hctx;
    k.tw = m->text_width;
    k.hy = m->hyphenate;
    uint64_t h = od_hash(OD_HASH_SEED, &k, sizeof k);
    if (lang)
        h = od_hash(h, lang, strlen(lang) + 1);
    h = od_hash(h, s, len);
    return h ? h : 1;
}

/* The lines of s wrapped at maxw, from the cache or wrapped now and kept;
 * NULL when there is no cache (or no memory for the entry): the caller then
 * wraps line by line itself. Valid until the next call that may wrap. */
static const lay_span *wrap_cached(const lay *L, scene_font f, float px, const char *s,
                                   size_t len, float maxw, size_t *n)
{
    lay_cache *c = L->env->cache;
    if (!c)
        return NULL;
    breaks b;
    breaks_init(&b, L, s, len);
    uint64_t key = wrap_key(L, f, px, s, len, maxw, b.lang);
    cache_entry *e = &c->e[key % LAY_CACHE_ENTRIES];
    if (e->key == key && e->len == len) {
        c->hits++;
        *n = e->n;
        return e->lines;
    }
    /* Wrap into a growing array, then keep it in the slot. */
    size_t cap = 4, cnt = 0, pos = 0;
    lay_span *v = malloc(cap * sizeof *v);
    if (!v)
        return NULL;
    while (lay_more(s, len, pos)) {
        if (cnt == cap) {
            lay_span *g = realloc(v, 2 * cap * sizeof *v);
            if (!g) {
                free(v);
                return NULL;
            }
            v = g;
            cap *= 2;
        }
        pos = wrap_line(L, &b, f, px, pos, maxw, &v[cnt++]);
    }
    size_t bytes = cap * sizeof *v;
    if (c->bytes + bytes > LAY_CACHE_BYTES)
        lay_cache_clear(c); /* bounded: start again rather than track ages */
    if (e->key) {
        free(e->lines);
        c->bytes -= e->n ? e->n * sizeof *v : 0;
        c->entries--;
    }
    /* Trim the array to what it holds, so the bound counts what is kept. */
    if (cnt && cnt < cap) {
        lay_span *t = realloc(v, cnt * sizeof *v);
        if (t) /* on failure the larger block stays: still valid */
            v = t;
    }
    *e = (cache_entry){ key, len, v, cnt };
    c->bytes += cnt * sizeof *v;
    c->entries++;
    c->misses++;
    *n = cnt;
    return v;
}

/* Height of s wrapped at w, without emitting anything. */
float lay_text_height(const lay *L, const lay_style *st, float w, const char *s, size_t len,
                         float *widest)
{
    float lh = lay_lh(L, st->font, st->size), h = 0, best = 0;
    size_t n;
    const lay_span *v = wrap_cached(L, st->font, st->size, s, len, w, &n);
    if (v) {
        for (size_t i = 0; i < n; i++)
            best = fmaxf(best, v[i].w);
        h = (float)n * lh;
    } else {
        size_t pos = 0;
        breaks b;
        breaks_init(&b, L, s, len);
        while (lay_more(s, len, pos)) {
            lay_span ln;
            pos = wrap_line(L, &b, st->font, st->size, pos, w, &ln);
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
        return lay_text_height(L, st, w, s, len, NULL);
    float lh = lay_lh(L, st->font, st->size);
    size_t first = L->s->count;
    od_color col = lay_with_alpha(st->color, L->alpha);
    float yy = y;
    size_t pos = 0, n = 0, i = 0;
    const lay_span *v = wrap_cached(L, st->font, st->size, s, len, w, &n);
    breaks b;
    breaks_init(&b, L, s, len);
    while (v ? i < n : lay_more(s, len, pos)) {
        lay_span ln;
        if (v)
            ln = v[i++];
        else
            pos = wrap_line(L, &b, st->font, st->size, pos, w, &ln);
        if (ln.len) {
            float lx = x;
            if (st->align == ALIGN_CENTER)
                lx += (w - ln.w) / 2;
            else if (st->align == ALIGN_RIGHT)
                lx += w - ln.w;
            size_t tl;
            const char *t = lay_span_text(L, s, &ln, st->copy, &tl);
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
        g->dot = fmaxf(lay_mark_h(L), lay_tw(L, FONT_BOLD, L->m.text_min, p->mark,
                                              strlen(p->mark)) + 12.0f * u);
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
        *h = lay_text_height(L, &st, inner > 1 ? inner : 1, p->text, len, NULL) + 2 * g.vpad;
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
    float th = lay_text_height(L, &st, inner, p->text, len, &widest);
    bool multi = th > lay_lh(L, p->font, p->size) + 0.5f;
    float tw = multi ? inner : widest;
    /* A wrapped label beside a dot or chevron reads better flush left. */
    if (multi && (g.dot || p->chevron))
        st.align = ALIGN_LEFT;
    float gx = r.x + (r.w - (tw + g.extra)) / 2, cy = r.y + r.h / 2;
    if (g.dot) {
        od_color dc = pressed ? fg : p->dot;
        float u = L->m.unit, d = 12.0f * u;
        if (p->mark && p->mark[0]) {
            /* The mark's chip, as lay_mark draws it. */
            float mh = lay_mark_h(L);
            lay_rect(L, (od_rect){ gx, cy - mh / 2, g.dot, mh }, dc, 0.3f * mh);
            lay_style ms = { FONT_BOLD, L->m.text_min,
                             pressed ? p->dot : lay_col(L, COLOR_ACCENT_TEXT), ALIGN_CENTER, true };
            lay_text(L, &ms, gx, cy - mh / 2 + 2.0f * u, g.dot, p->mark, box);
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

lay_pill lay_round_pill(const lay *L, const char *text, scene_font font)
{
    lay_pill p;
    memset(&p, 0, sizeof p);
    p.text = text;
    p.font = font;
    p.size = lay_small(L);
    p.bg = lay_col(L, COLOR_SURFACE_ALT);
    p.fg = lay_col(L, COLOR_TEXT);
    p.action = ACT_NONE;
    p.round = true;
    return p;
}

lay_pill lay_chip(const lay *L, const char *text)
{
    return lay_round_pill(L, text, FONT_REGULAR);
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

/* "2 / 14  ·  Swipe for the next one" */
static void swipe_hint(const lay *L, size_t i, size_t n, char *buf, size_t len)
{
    snprintf(buf, len, "%zu / %zu  \xc2\xb7  %s", i + 1, n, lay_str(L, STR_SWIPE_HINT));
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
    swipe_hint(L, i, n, buf, sizeof buf);
    lay_style st = { FONT_REGULAR, L->m.text_min, lay_col(L, COLOR_MUTED), ALIGN_CENTER, true };
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
        const char *text = lay_fill(L, lay_str(L, step > 0 ? STR_NEXT : STR_PREVIOUS), "{name}",
                                    step > 0 ? next : prev);
        lay_pill *b = &p[np];
        *b = lay_round_pill(L, text, FONT_BOLD);
        b->chevron = step;
        b->action = ACT_SIBLING;
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
    const layout_metrics *m = &L->m;
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
    float hint_w = lay_tw(L, FONT_REGULAR, m->text_min, buf, strlen(buf));

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

lay_staff_frame lay_staff_begin(lay *L, scene *out, const layout_env *env, od_color bg)
{
    scene_clear(out);
    lay_begin(L, out, NULL, env, NULL);
    const layout_metrics *m = &L->m;
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
    const layout_metrics *m = &L->m;
    int panel = lay_box(L, r, lay_col(L, COLOR_SURFACE), m->radius, -1);
    if (panel >= 0)
        L->s->cmds[panel].level = level;
    lay_frame(L, r, lay_col(L, COLOR_LINE), m->radius, fmaxf(1.0f, 2.0f * m->unit));
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

/* ---- pieces several screens share ------------------------------------------ */

float lay_small(const lay *L)
{
    return fmaxf(L->m.text_min, 22.0f * L->m.unit);
}

void lay_career_pill(const lay *L, size_t ci, od_color dot, lay_pill *out)
{
    lay_career_pill_as(L, ci, dot, ci < L->c->n_careers && content_career_shared(L->c, ci), out);
}

void lay_career_pill_as(const lay *L, size_t ci, od_color dot, bool shared, lay_pill *out)
{
    *out = lay_round_pill(L, ci < L->c->n_careers ? L->c->careers[ci].name : "", FONT_REGULAR);
    out->dot = dot;
    out->action = ACT_CAREER;
    out->arg = (int)ci;
    if (shared) {
        od_color sh = lay_col(L, COLOR_SHARED);
        out->bg = lay_mix(lay_col(L, COLOR_SURFACE_ALT), sh, 0.18f);
        out->outline = sh;
        out->dot = sh;
        out->dot_pair = true;
    }
}

float lay_shared_legend(lay *L, float x, float y, float w)
{
    float u = L->m.unit, d = 12.0f * u;
    lay_style st = { FONT_REGULAR, L->m.text_min, lay_col(L, COLOR_MUTED), ALIGN_LEFT, false };
    float lh = lay_lh(L, st.font, st.size);
    float pw = 2.25f * d; /* the pair's width */
    float h = lay_text(L, &st, x + pw + 10.0f * u, y, w - pw - 10.0f * u,
                       L->c->strings[STR_SHARED], -1);
    if (h > 0)
        lay_dot_pair(L, x, y + lh / 2, d, lay_col(L, COLOR_SHARED));
    return h;
}

void lay_dot_pair(lay *L, float x, float cy, float d, od_color c)
{
    lay_rect(L, (od_rect){ x, cy - d / 2, d, d }, c, d / 2);
    lay_rect(L, (od_rect){ x + 1.25f * d, cy - d / 2, d, d }, c, d / 2);
}
