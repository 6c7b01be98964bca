/* text.c - the text engine: line breaking (UAX #14, libunibreak),
 * hyphenation, ellipsis and the cache of wrapped lines. See text.h for the
 * contract. It measures through the callbacks of measure.h only, so it knows
 * no builder, no screen and no font. */
#include "text.h"

#include <linebreak.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "hash.h"
#include "qr.h"

float text_width(const text_ctx *T, scene_font f, float px, const char *s, size_t len)
{
    if (!len)
        return 0;
    return T->measure->text_width(T->measure->ctx, f, px, s, len);
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
static size_t fit_prefix(const text_ctx *T, scene_font f, float px, const char *s, size_t p,
                         size_t we, float whi, float maxw, float *w)
{
    size_t lo = next_cp(s, p, we);
    float wlo = text_width(T, f, px, s + p, lo - p);
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
        float wm = text_width(T, f, px, s + p, mid - p);
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

/* The window (text_breaks) is declared in text.h, for text_lines. */

static void breaks_init(text_breaks *b, const text_ctx *T, const char *s, size_t len)
{
    b->s = s;
    b->len = len;
    b->lang = T->lang;
    b->from = SIZE_MAX; /* nothing described yet */
    b->to = 0;
}

/* Describe the text from byte `from`, a window's worth, ending on a code
 * point boundary. */
static void breaks_fill(text_breaks *b, size_t from)
{
    /* libunibreak's index of its tables: without it every look-up of a
     * large code point is a search. Calling it twice is harmless. */
    static bool ready;
    if (!ready) {
        init_linebreak();
        ready = true;
    }
    size_t to = b->len - from > TEXT_BREAK_WINDOW ? from + TEXT_BREAK_WINDOW : b->len;
    while (to < b->len && to > from + 4 && cont_byte(b->s[to]))
        to--;
    set_linebreaks_utf8((const utf8_t *)b->s + from, to - from, b->lang, b->brk);
    b->from = from;
    b->to = to;
}

/* What libunibreak says of a line ending after byte k (a LINEBREAK_ value),
 * for a line that starts at `line` (line <= k). */
static int break_after(text_breaks *b, size_t line, size_t k)
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
static bool find_break(text_breaks *b, size_t line, size_t k, size_t limit, size_t *e, bool *must)
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
static size_t prev_break(text_breaks *b, size_t pos, size_t end)
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
static bool seg_fits(const text_ctx *T, text_breaks *b, size_t line, scene_font f, float px, size_t p,
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
            g->w = text_width(T, f, px, s + p, g->vis - p);
            return g->w <= room;
        }
        g->over = limit;
        g->w = text_width(T, f, px, s + p, limit - p);
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

void text_words(const char *s, void (*fn)(void *ctx, const char *w, size_t n), void *ctx)
{
    size_t len = strlen(s), i = 0;
    while (i < len) {
        while (i < len && !letter(cp_at(s, i, len)))
            i = next_cp(s, i, len);
        size_t ws = i;
        while (i < len && letter(cp_at(s, i, len)))
            i = next_cp(s, i, len);
        /* hyphen_point asks about at most TEXT_WORD_MAX bytes of a word, from
         * its start; a longer one is asked about from other starts too, never
         * whole: such a word gets no points from a table (it breaks between
         * characters). */
        if (i - ws >= TEXT_WORD_MIN && i - ws <= TEXT_WORD_MAX)
            fn(ctx, s + ws, i - ws);
    }
}

/* Bytes of a word handed to the hyphenation dictionary, and the longest line
 * that can take a hyphen (it is measured with the hyphen, in a buffer). */
#define HYPH_WORD_MAX TEXT_WORD_MAX
#define HYPH_LINE_MAX 512

/* The last hyphenation point that ends the line s[p..at) + "-" no wider than
 * maxw, given that s[p..cut) is the longest prefix that fits without one.
 * The dictionary sees the whole word around the cut (a line may continue a
 * word begun on the line before). A few candidates are measured at most, so
 * a word costs about a line of bytes per line. */
static bool hyphen_point(const text_ctx *T, const text_breaks *b, scene_font f, float px, size_t p,
                         size_t cut, float maxw, size_t *at, float *w)
{
    const lay_measure *m = T->measure;
    const char *s = b->s;
    size_t len = b->len;
    if (!m->hyphenate || cut - p + 1 > HYPH_LINE_MAX)
        return false;
    /* The dictionary is asked about whole words (the letters around the
     * cut, back to the word's start and on to its end), never a window
     * of one: the platform answers from a table of the content's words,
     * made once when it loads (measure.h). */
    size_t ws = p;
    while (ws > 0 && p - ws < HYPH_WORD_MAX) {
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
    size_t lim = len < ws + HYPH_WORD_MAX ? len : ws + HYPH_WORD_MAX;
    size_t we = ws;
    while (we < lim && letter(cp_at(s, we, len)) && next_cp(s, we, len) <= lim)
        we = next_cp(s, we, len);
    if (we - ws < TEXT_WORD_MIN)
        return false;
    unsigned char pts[HYPH_WORD_MAX];
    if (!m->hyphenate(m->hctx, b->lang, s + ws, we - ws, pts))
        return false;
    /* A word longer than the dictionary is asked about ends, for it, where
     * it was cut: its last points are guesses. */
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
        float hw = text_width(T, f, px, buf, h - p + 1);
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
static size_t break_word(const text_ctx *T, const text_breaks *b, scene_font f, float px, size_t p,
                         const seg *g, float maxw, text_span *out)
{
    float cw;
    size_t cut = fit_prefix(T, f, px, b->s, p, g->over, g->w, maxw, &cw);
    size_t at;
    float hw;
    if (cut < g->over && hyphen_point(T, b, f, px, p, cut, maxw, &at, &hw)) {
        out->len = at - p;
        out->w = hw;
        out->hyphen = true;
        return at;
    }
    size_t c = cluster_cut(b->s, p, cut, g->over);
    if (c != cut)
        cw = text_width(T, f, px, b->s + p, c - p);
    out->len = c - p;
    out->w = cw;
    return c;
}

bool text_more(const char *s, size_t len, size_t pos)
{
    for (; pos < len; pos++)
        if (s[pos] != ' ' && s[pos] != '\n')
            return true;
    return false;
}

static size_t wrap_line(const text_ctx *T, text_breaks *b, scene_font f, float px, size_t pos,
                        float maxw, text_span *out)
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
        float w = text_width(T, f, px, s + pos, ve - pos);
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
            if (!seg_fits(T, b, pos, f, px, p, maxw, &g))
                return break_word(T, b, f, px, p, &g, maxw, out);
            sum = first_w = g.w;
        } else {
            if (space < 0)
                space = text_width(T, f, px, " ", 1);
            /* The spaces that ended the previous segment. */
            float gaps = (float)(p - end) * space;
            if (seg_fits(T, b, pos, f, px, p, maxw - sum - gaps, &g)) {
                sum += gaps + g.w;
            } else {
                /* A segment too wide for the room left is known after a
                 * prefix of it: when the line up to that prefix is already
                 * too wide, the line stops before it without measuring the
                 * rest. Otherwise the sum was pessimistic (pixel rounding
                 * per segment): find the segment's end against a whole line
                 * and confirm on the real line before breaking it, because a
                 * box sized to a measured string must get it on one line. */
                if (!g.whole && (text_width(T, f, px, s + pos, g.over - pos) > maxw ||
                                 (!seg_fits(T, b, pos, f, px, p, maxw, &g) && !g.whole)))
                    break;
                float lw = text_width(T, f, px, s + pos, g.vis - pos);
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
    float lw = segs == 1 ? first_w : text_width(T, f, px, s + pos, end - pos);
    while (lw > maxw && segs > 1) {
        next = prev_break(b, pos, end);
        end = visible_end(s, pos, next);
        segs--;
        lw = text_width(T, f, px, s + pos, end - pos);
    }
    out->len = end - pos;
    out->w = lw;
    return next;
}

size_t text_wrap(const text_ctx *T, scene_font f, float px, const char *s, size_t len, size_t pos,
                float maxw, text_span *out)
{
    text_breaks b;
    breaks_init(&b, T, s, len);
    return wrap_line(T, &b, f, px, pos, maxw, out);
}

/* The widest segment of s (text between break opportunities, without its
 * trailing spaces): the narrowest a wrapped s can be without breaking a
 * word. */
float text_widest_word(const text_ctx *T, scene_font f, float px, const char *s, size_t len)
{
    text_breaks b;
    breaks_init(&b, T, s, len);
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
            best = fmaxf(best, text_width(T, f, px, s + v, ve - v));
        p = e;
    }
    return best;
}

const char *text_span_text(scene *sc, const char *s, const text_span *ln, bool copy, size_t *n)
{
    *n = ln->len;
    if (ln->hyphen && ln->len <= HYPH_LINE_MAX) {
        char buf[HYPH_LINE_MAX + 1];
        memcpy(buf, s + ln->start, ln->len);
        buf[ln->len] = '-';
        *n = ln->len + 1;
        return scene_strdup(sc, buf, ln->len + 1);
    }
    return copy ? scene_strdup(sc, s + ln->start, ln->len) : s + ln->start;
}

size_t text_ellipsize(const text_ctx *T, scene_font f, float px, const char *s, size_t len,
                     float maxw, char *out, float *w)
{
    static const char dots[] = "\xe2\x80\xa6";
    /* Binary search over code point boundaries for the longest kept prefix:
     * log(len) measurements of at most one line, where trimming one code
     * point at a time cost a measurement per code point. */
    size_t lo = 0, hi = len; /* keeping lo fits (or lo is 0); keeping more than hi does not */
    memcpy(out, dots, 3);
    float wlo = text_width(T, f, px, out, 3);
    memcpy(out, s, len);
    memcpy(out + len, dots, 3);
    float whi = text_width(T, f, px, out, len + 3);
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
        float wm = text_width(T, f, px, out, mid + 3);
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
    text_span *lines;    /* owned */
    size_t n;
} cache_entry;

typedef struct {
    char *text;          /* owned; NULL: empty */
    qr_code q;
    bool ok;             /* q holds the code (else text cannot be encoded) */
} qr_entry;

struct text_cache {
    cache_entry e[TEXT_CACHE_ENTRIES];
    size_t bytes, entries;
    uint64_t hits, misses;
    qr_entry qr[TEXT_CACHE_QR];
    size_t qr_next;      /* the slot the next new code replaces */
};

text_cache *text_cache_create(void)
{
    return calloc(1, sizeof(text_cache));
}

void text_cache_clear(text_cache *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < TEXT_CACHE_ENTRIES; i++) {
        free(c->e[i].lines);
        c->e[i] = (cache_entry){ 0 };
    }
    c->bytes = c->entries = 0;
    for (size_t i = 0; i < TEXT_CACHE_QR; i++) {
        free(c->qr[i].text);
        qr_deinit(&c->qr[i].q);
        c->qr[i] = (qr_entry){ 0 };
    }
    c->qr_next = 0;
}

const qr_code *text_cache_qr(text_cache *c, const char *text)
{
    for (size_t i = 0; i < TEXT_CACHE_QR; i++)
        if (c->qr[i].text && !strcmp(c->qr[i].text, text))
            return c->qr[i].ok ? &c->qr[i].q : NULL;
    qr_entry *e = &c->qr[c->qr_next];
    c->qr_next = (c->qr_next + 1) % TEXT_CACHE_QR;
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

void text_cache_destroy(text_cache *c)
{
    text_cache_clear(c);
    free(c);
}

void text_cache_get_stats(const text_cache *c, text_cache_stats *out)
{
    *out = (text_cache_stats){ 0 };
    if (c)
        *out = (text_cache_stats){ c->hits, c->misses, c->entries, c->bytes };
}

/* Everything the lines of s depend on: its bytes, the face and size, the
 * width, the language (libunibreak's tailoring and the hyphenation
 * dictionary) and the measurer. */
static uint64_t wrap_key(const text_ctx *T, scene_font f, float px, const char *s, size_t len,
                         float maxw, const char *lang)
{
    const lay_measure *m = T->measure;
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
static const text_span *wrap_cached(const text_ctx *T, scene_font f, float px, const char *s,
                                   size_t len, float maxw, size_t *n)
{
    text_cache *c = T->cache;
    if (!c)
        return NULL;
    text_breaks b;
    breaks_init(&b, T, s, len);
    uint64_t key = wrap_key(T, f, px, s, len, maxw, b.lang);
    cache_entry *e = &c->e[key % TEXT_CACHE_ENTRIES];
    if (e->key == key && e->len == len) {
        c->hits++;
        *n = e->n;
        return e->lines;
    }
    /* Wrap into a growing array, then keep it in the slot. */
    size_t cap = 4, cnt = 0, pos = 0;
    text_span *v = malloc(cap * sizeof *v);
    if (!v)
        return NULL;
    while (text_more(s, len, pos)) {
        if (cnt == cap) {
            text_span *g = realloc(v, 2 * cap * sizeof *v);
            if (!g) {
                free(v);
                return NULL;
            }
            v = g;
            cap *= 2;
        }
        pos = wrap_line(T, &b, f, px, pos, maxw, &v[cnt++]);
    }
    size_t bytes = cap * sizeof *v;
    if (c->bytes + bytes > TEXT_CACHE_BYTES)
        text_cache_clear(c); /* bounded: start again rather than track ages */
    if (e->key) {
        free(e->lines);
        c->bytes -= e->n ? e->n * sizeof *v : 0;
        c->entries--;
    }
    /* Trim the array to what it holds, so the bound counts what is kept. */
    if (cnt && cnt < cap) {
        text_span *t = realloc(v, cnt * sizeof *v);
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

/* ---- a paragraph's lines, one after the other ----------------------------------- */

void text_lines_begin(text_lines *it, const text_ctx *T, scene_font f, float px, const char *s,
                      size_t len, float maxw)
{
    it->T = T;
    it->f = f;
    it->px = px;
    it->maxw = maxw;
    it->s = s;
    it->len = len;
    it->pos = 0;
    it->i = 0;
    it->n = 0;
    it->v = wrap_cached(T, f, px, s, len, maxw, &it->n);
    /* Describing the text waits for the first line wrap_line asks about, so
     * a paragraph found in the cache costs nothing here. */
    breaks_init(&it->b, T, s, len);
}

bool text_lines_next(text_lines *it, text_span *out)
{
    if (it->v) {
        if (it->i >= it->n)
            return false;
        *out = it->v[it->i++];
        return true;
    }
    if (!text_more(it->s, it->len, it->pos))
        return false;
    it->pos = wrap_line(it->T, &it->b, it->f, it->px, it->pos, it->maxw, out);
    return true;
}
