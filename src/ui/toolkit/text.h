/* text.h - the text engine: where lines end, how a word too long for its
 * line is hyphenated or split, how a line too long is cut with an
 * ellipsis, and the cache that keeps a paragraph's lines from frame to
 * frame.
 *
 * Layers: the lowest of the toolkit beside the scene; it knows the
 * measurer (measure.h) and the content's language, no builder (lay.h),
 * which draws its lines, and no screen.
 *
 * Pure: no SDL. Text is measured through the callbacks of a
 * lay_measure, so tests use a fake measurer and the app the real fonts.
 * Cost: wrapping and measuring grow linearly with the length of the text
 * (a long unbreakable word costs a bounded number of measurements per
 * line, each of about one line's bytes). Nothing here allocates except the
 * cache, which the caller owns; strings passed in are borrowed. */
#ifndef OPENDAY_TEXT_H
#define OPENDAY_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "measure.h"
#include "scene.h"

/* Wrapped lines kept from frame to frame (see text_cache_create below). */
typedef struct text_cache text_cache;

/* What the engine works with: the measurer, the language of the text (the
 * line breaking's tailoring and the hyphenation dictionary's; NULL for
 * none) and the cache (NULL: every text is wrapped afresh). All borrowed;
 * a builder keeps one for its frame (lay.h: lay.text). */
typedef struct {
    const lay_measure *measure;
    const char *lang;
    text_cache *cache;
} text_ctx;

/* The words layout may ask the measurer to hyphenate (measure.h): each
 * run of letters in the NUL-terminated s of TEXT_WORD_MIN to TEXT_WORD_MAX
 * bytes, in order, repeats included, handed to fn exactly as hyphenate will
 * be handed it. The kiosk collects a content's words with it so that the
 * platform can hyphenate them once, when the content loads. */
#define TEXT_WORD_MIN 4
#define TEXT_WORD_MAX 256
void text_words(const char *s, void (*fn)(void *ctx, const char *w, size_t n), void *ctx);

/* Advance width of s[0..len) (0 for no bytes). */
float text_width(const text_ctx *T, scene_font f, float px, const char *s, size_t len);

/* Width of the widest word of s[0..len): the widest run between two line
 * break opportunities (see text_wrap), trailing spaces excluded; the
 * narrowest a wrapped s can be without breaking a word. */
float text_widest_word(const text_ctx *T, scene_font f, float px, const char *s, size_t len);

typedef struct {
    size_t start, len;   /* bytes of the line, trailing spaces excluded */
    float w;             /* its measured width, with the hyphen when there is one */
    bool hyphen;         /* a word was hyphenated: draw "-" after the bytes */
} text_span;

/* Next line of s[pos..len) no wider than maxw. Lines end only where the
 * Unicode line breaking algorithm (UAX #14, libunibreak, in T's language)
 * allows: after spaces, after dashes and hyphens, between ideographs... and
 * always at a mandatory break ('\n', U+2028; an empty line for a blank
 * one). A word wider than maxw is hyphenated where the measurer's hyphenate
 * callback allows (the span then has `hyphen`), else split between
 * characters, never inside a UTF-8 sequence nor before a combining mark (at
 * least one character per line, so it always makes progress). Returns the
 * position after the line. Call only while text_more(s, len, pos). Text
 * that will be wrapped line after line should go through text_lines, which
 * finds the break opportunities once for all lines. */
size_t text_wrap(const text_ctx *T, scene_font f, float px, const char *s, size_t len,
                 size_t pos, float maxw, text_span *out);
bool text_more(const char *s, size_t len, size_t pos);
/* The text to draw for line ln of s: the bytes themselves (copied into the
 * scene when `copy`), or, for a hyphenated line, a copy in the scene with the
 * hyphen. Its length goes to *n. */
const char *text_span_text(scene *sc, const char *s, const text_span *ln, bool copy, size_t *n);
/* The longest prefix of s[0..len) (on a code point boundary) that, with an
 * ellipsis after it, is no wider than maxw; "..." alone when none is. Writes
 * it with the ellipsis into out (len + 3 bytes at least), its width to *w,
 * and returns its length. */
size_t text_ellipsize(const text_ctx *T, scene_font f, float px, const char *s, size_t len,
                      float maxw, char *out, float *w);

/* ---- a paragraph's lines, one after the other ----
 * text_lines_begin, then text_lines_next until it returns false: the lines
 * of s[0..len) wrapped at maxw, as text_wrap makes them. From the cache
 * when T has one (v then points at all n lines, valid until the next call
 * that may wrap), else wrapped one at a time, the break opportunities found
 * once for the whole paragraph. The fields are the engine's; callers read
 * only v and n. */
#define TEXT_BREAK_WINDOW 2048

/* A window of libunibreak's answers over a paragraph (text.c). */
typedef struct {
    const char *s;
    size_t len;
    const char *lang;        /* the content's language (libunibreak's tailoring) */
    size_t from, to;         /* brk[k - from] describes the end of byte k, from <= k < to */
    char brk[TEXT_BREAK_WINDOW];
} text_breaks;

typedef struct {
    const text_ctx *T;
    scene_font f;
    float px, maxw;
    const char *s;
    size_t len, pos;
    const text_span *v;      /* the cached lines, or NULL */
    size_t n, i;
    text_breaks b;
} text_lines;

void text_lines_begin(text_lines *it, const text_ctx *T, scene_font f, float px, const char *s,
                      size_t len, float maxw);
bool text_lines_next(text_lines *it, text_span *out);

/* ---- the cache of wrapped lines ----
 * Wrapping a paragraph asks the line breaking algorithm and the measurer
 * about every line, and every frame lays out the same paragraphs at the same
 * widths again (a card measures its text dry, then draws it; a screen that
 * chooses its arrangement tries several widths). The cache keeps the lines
 * of a text for a (bytes, face, size, width, language, measurer), so a frame
 * that changes nothing but a scroll offset or a fade wraps nothing.
 *
 * Owned by whoever owns the layout environment (the app): text_cache_create
 * returns a heap object freed with text_cache_destroy, or NULL when out of
 * memory (layout then works without one). The entries are keyed by a 64-bit
 * hash of all of the above plus the text's length, like the measurer's own
 * width cache. Its memory is bounded (TEXT_CACHE_BYTES of lines, then it
 * starts again empty). A new measurer whose faces differ under the same
 * context pointer must come with text_cache_clear (the app drops its cache
 * with itself when the fonts change). */
#define TEXT_CACHE_ENTRIES 4096
#define TEXT_CACHE_BYTES (2u << 20)

typedef struct {
    uint64_t hits, misses;     /* paragraphs found / wrapped and kept */
    size_t entries, bytes;     /* held now */
} text_cache_stats;

text_cache *text_cache_create(void);
void text_cache_destroy(text_cache *c);
void text_cache_clear(text_cache *c);
void text_cache_get_stats(const text_cache *c, text_cache_stats *out);

/* The cache also keeps the QR codes of the last TEXT_CACHE_QR addresses
 * (encoding one costs about as much as laying out a whole page; the QR
 * block, lay_qr.h, asks for them): the code of text, made on first use;
 * NULL when it cannot be made (qr.h). Owned by the cache, valid until the
 * next call that may make one. */
#define TEXT_CACHE_QR 16
struct qr_code_s;
const struct qr_code_s *text_cache_qr(text_cache *c, const char *text);

#endif
