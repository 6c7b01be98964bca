/* hyph.h - hyphenation points from the system's dictionaries (libhyphen), for
 * lay_measure's hyphenate and prepare callbacks (measure.h).
 *
 * Two ways to answer, per language:
 *  - prepared (hyph_prepare with the content's words, as the kiosk does): a
 *    compact table of those words' points, the only answer for that
 *    language; a word not in it gets none. The table is made once on a
 *    thread (the dictionary is read, every word hyphenated, the dictionary
 *    dropped) and written to CACHE_DIR/hyph-LANG.table, so the next start
 *    with the same words and dictionary reads a few KiB instead of building
 *    German's 40 MiB dictionary for seconds. A cache file that is damaged,
 *    too large or made for other words or another dictionary is ignored and
 *    made again (file_read_own, bounded; a checksum over all of it). When
 *    the words change (a save), the table before keeps answering until the
 *    new one is built: a word new with the save gets no points meanwhile,
 *    and nobody waits for the dictionary.
 *    Tables are built one at a time; the dictionaries read for them are
 *    kept until no build is queued, so variants of one language (de, de-AT,
 *    de-CH: links to one file in Debian's packages) read their file once
 *    when they are prepared together, and none is kept after.
 *  - not prepared (tests, screenshots): the dictionary itself, loaded on the
 *    first request from DIR/hyph_LANG.dic (Debian's hyphen-* packages put
 *    them in /usr/share/hyphen) and kept until hyph_destroy.
 * A language without a dictionary is remembered as such and logged once;
 * its words then get no points (layout breaks them between characters).
 * Not thread-safe: one hyph per thread that lays out (its reading threads
 * share only their own job, under its lock).
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

/* The prepare callback of measure.h, ctx a hyph: get ready to hyphenate
 * lang without blocking. With words (len bytes, words '\n' apart, as
 * text_words gives them): the table of those words, from cache_dir's file
 * when it is theirs (cache_dir NULL or "": no file), else built on a thread;
 * nothing when lang already has the table of the same words. Without
 * (words NULL): the dictionary, read on a thread. Until the thread is done
 * hyph_points for lang gives no points (it never waits: a word then wraps
 * without a hyphen); hyph_get_stats' `ready` grows when a thread is done,
 * so a caller can wrap its text again. hyph_destroy does not wait for a
 * thread still running (it finishes and frees its work on its own).
 * Without a thread to spare the work is done at once. */
void hyph_prepare(void *ctx, const char *lang, const char *words, size_t len,
                  const char *cache_dir);

/* Wait for every table or dictionary being made for h: for tools that
 * must see the finished tables (and tests); layout never needs to. */
void hyph_wait(hyph *h);

/* What a hyph holds now (tables and dictionaries in memory), and how many
 * tables the process has built and dictionaries it has read for them. */
typedef struct {
    unsigned tables, dictionaries, builds, loads;
    unsigned ready;   /* reading threads done so far, in the whole process */
    size_t words, table_bytes;
} hyph_stats;
void hyph_get_stats(const hyph *h, hyph_stats *out);

#endif
