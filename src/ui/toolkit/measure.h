/* measure.h - how layout measures text: callbacks, so the pure layers never
 * see a font. The platform's fonts (font.h) fill it; tests use a fake.
 * Pure: no SDL. */
#ifndef OPENDAY_MEASURE_H
#define OPENDAY_MEASURE_H

#include <stdbool.h>
#include <stddef.h>
#include "scene.h"

typedef struct {
    /* Advance width in pixels of s[0..len) set in font at px size. */
    float (*text_width)(void *ctx, scene_font font, float px, const char *s, size_t len);
    /* Height of one line (ascent + descent) at px size. */
    float (*line_height)(void *ctx, scene_font font, float px);
    void *ctx;
    /* Height of a capital letter above the baseline at px size: what the
     * eye reads as the size of text (sizes are set as visual angles of it).
     * May be NULL: then 0.7 of px, the usual proportion of sans faces. */
    float (*cap_height)(void *ctx, scene_font font, float px);
    /* Where the word s[0..len) may take a hyphen, in language lang (the
     * content's, e.g. "en"; may be NULL): sets points[i] non-zero when a line
     * may end after byte i with a hyphen, zero elsewhere (points has len
     * bytes). Returns false when it knows nothing (no dictionary for the
     * language, a word it cannot read); points is then unspecified. Called
     * from layout, so it must not block: whoever provides it loads its
     * dictionaries once and caches them (platform/hyph.h). May be NULL: then
     * a word too wide for its line breaks between characters. */
    bool (*hyphenate)(void *hctx, const char *lang, const char *s, size_t len,
                      unsigned char *points);
    void *hctx;
    /* Start getting ready to hyphenate lang's words, without blocking (a
     * long dictionary read begins in the background); hyphenate then waits
     * only if called before it is done. words (len bytes, '\n' apart) are
     * every word layout may ask about in lang (text_words over the
     * content's texts): the provider may then answer for these words alone,
     * and keep what it made in cache_dir (NULL or "": nowhere). words NULL:
     * any word. May be NULL. */
    void (*prepare)(void *hctx, const char *lang, const char *words, size_t len,
                    const char *cache_dir);
} lay_measure;

static inline float measure_cap_height(const lay_measure *m, scene_font font, float px)
{
    return m->cap_height ? m->cap_height(m->ctx, font, px) : 0.7f * px;
}

#endif
