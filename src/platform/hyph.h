/* hyph.h - hyphenation points from the system's dictionaries (libhyphen), for
 * lay_measure's hyphenate callback (measure.h).
 *
 * A hyph keeps the dictionary of each language asked for so far, loaded on
 * the first request from DIR/hyph_LANG.dic (Debian's hyphen-* packages put
 * them in /usr/share/hyphen) and kept until hyph_destroy, so layout reads
 * each file at most once. A language without a dictionary is remembered as
 * such and logged once; its words then get no points (layout breaks them
 * between characters). Not thread-safe: one hyph per thread that lays out
 * (hyph_prepare's reading threads share only their own job, under its lock).
 *
 * hyph_create copies dir (NULL: /usr/share/hyphen) and returns NULL only when
 * out of memory; the caller owns the result. */
#ifndef OPENDAY_HYPH_H
#define OPENDAY_HYPH_H

#include <stdbool.h>
#include <stddef.h>

typedef struct hyph hyph;

hyph *hyph_create(const char *dir);
void hyph_destroy(hyph *h);

/* The hyphenate callback of measure.h, ctx a hyph: points[i] non-zero when
 * a line may end after byte i of the word s[0..len) with a hyphen. Language
 * tags are matched loosely: "en-GB" tries hyph_en_GB, then hyph_en, then any
 * hyph_en_*. Only the dictionary's standard points are given (not the
 * spelling changes some languages make at a break). */
bool hyph_points(void *ctx, const char *lang, const char *s, size_t len, unsigned char *points);

/* The prepare callback of measure.h, ctx a hyph: start reading lang's
 * dictionary on a thread of its own and return at once (nothing when it is
 * already read or being read). hyph_points for that language waits for the
 * thread only if asked before it is done; hyph_destroy does not wait for one
 * still running (it finishes and frees what it read on its own). German's
 * dictionary takes libhyphen about 2 s and 40 MiB to build: a kiosk takes
 * that while it starts, not when a visitor first picks the language.
 * Without a thread to spare it reads the file at once. */
void hyph_prepare(void *ctx, const char *lang);

#endif
