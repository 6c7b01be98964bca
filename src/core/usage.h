/* usage.h - anonymous usage counts: how many visits, which screens and
 * degrees were opened, how many comparisons were made, how many quiz
 * results were reached and which degree each ranked first, and how long
 * visits lasted, per hour. Never a personal datum: only counters keyed by the hour
 * and by what was opened.
 *
 * A visitor choosing a language counts under "language:CODE" (usage_add;
 * the platform reads app_languages_chosen).
 *
 * The kiosk feeds usage_observe with the place on screen (app.h's place
 * names: "attract", "home", "degree:ID", "compare:A,B", ...) as it changes;
 * a visit starts when the attract loop gives way to a place and ends when
 * the loop comes back. Counts live in memory; the platform writes
 * usage_format's text to STATE/usage.tsv atomically when usage_save_due says
 * (at most every USAGE_SAVE_MS, SD cards wear out) and drops hours older
 * than USAGE_KEEP_DAYS first (usage_prune).
 *
 * The file: a first line "# openday usage 1", then one "HOUR<TAB>KEY<TAB>N"
 * line per counter, HOUR in Unix hours (seconds / 3600, UTC). usage_parse
 * refuses a file whose first line is not that (the caller sets it aside);
 * after it, a line that is not a count in range (an HOUR outside
 * USAGE_HOUR_MIN..USAGE_HOUR_MAX, a COUNT over 2^32 - 1, a signed or spaced
 * number, a bad KEY) is skipped and counted in `skipped`, the first one
 * described in skip_first, for the caller to report once. The file is
 * bounded: at most USAGE_MAX_BYTES (the caller reads no more; 90 days of a
 * busy kiosk are some 2 MB) and USAGE_MAX_ENTRIES counters, in memory too
 * (usage_add drops a new counter beyond it, so what is written can be read
 * back). Parsing costs n log n in the lines, however they are spread over
 * hours. Counts saturate at 2^32 - 1 instead of wrapping.
 *
 * Pruning trusts no clock by itself (wallclock.h): usage_prune drops old
 * hours only when now is at or after the newest hour known to be real (the
 * newest in the file read, then each believed now) and at most
 * USAGE_KEEP_DAYS after it; otherwise it keeps everything and says why.
 *
 * Pure: no SDL, no clock: wall-clock seconds and monotonic milliseconds are
 * passed in. usage_init fills caller storage; usage_deinit frees what it
 * grew. Out of memory drops the count (a counter is not worth a crash). */
#ifndef OPENDAY_USAGE_H
#define OPENDAY_USAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "screen_visitors.h"

#define USAGE_FILE "usage.tsv"
#define USAGE_SAVE_MS (5u * 60u * 1000u)
#define USAGE_KEEP_DAYS 90
#define USAGE_KEY_MAX 72
#define USAGE_NBUCKETS 6
#define USAGE_MAX_BYTES (16u << 20)
#define USAGE_MAX_ENTRIES (USAGE_MAX_BYTES / 128u) /* a line is at most ~100 bytes */
#define USAGE_HOUR_MIN 262968   /* 2000-01-01 00:00 UTC, in Unix hours */
#define USAGE_HOUR_MAX 1139568  /* 2100-01-01 00:00 UTC */

/* Quiz results: the place of the quiz's result as usage_observe takes it,
 * "quiz-result" or "quiz-result:ID" with the id of the degree the result
 * ranked first (app_usage_place), counted as USAGE_KEY_QUIZ and
 * USAGE_KEY_QUIZ_FIRST "ID". Each arrival at the result counts (a visitor
 * who changes an answer and comes back counts again). A file written before
 * these keys existed has none of them and reads as no quiz results. */
#define USAGE_QUIZ_PLACE "quiz-result"
#define USAGE_KEY_QUIZ "quiz"
#define USAGE_KEY_QUIZ_FIRST "quiz-first:"

/* Visit length buckets, as keys "len:NAME". */
extern const char *const usage_bucket_names[USAGE_NBUCKETS];

typedef struct {
    int64_t hour;
    uint32_t n;
    char key[USAGE_KEY_MAX];
} usage_entry;

typedef struct {
    usage_entry *e;
    size_t n, cap;
    bool dirty, saved_once;
    uint64_t last_save_ms;
    unsigned idle_s;          /* the attract-after timeout: not part of a visit */
    bool in_visit;
    int64_t visit_start;      /* wall-clock seconds */
    char place[128];          /* the place last observed */
    int64_t file_newest;      /* the newest hour known real (see usage_prune), -1 none */
    size_t skipped;           /* lines usage_parse skipped */
    char skip_first[160];     /* the first of them: "line 7, \"...\", has a COUNT ..." */
    bool file_kept;           /* the file could not be read: never replace it */
    bool kept_told;           /* usage_prune's refusal has been logged */
    char prune_why[200];      /* why usage_prune last kept everything, "" */
} usage;

void usage_init(usage *u, unsigned idle_s);
void usage_deinit(usage *u);

/* Count n of key in the hour of now_s. */
void usage_add(usage *u, int64_t now_s, const char *key, uint32_t n);
/* The place on screen at now_s ("staff" and "" are not counted). */
void usage_observe(usage *u, const char *place, int64_t now_s);

/* Add the counts of a file's text; false with "LINE: why" in err when it is
 * not a usage file (nothing is added then). Lines out of range are skipped
 * (skipped, skip_first); the newest hour read raises file_newest. */
bool usage_parse(usage *u, const char *text, size_t len, char *err, size_t n);
/* The file's text (heap, free with free), or NULL when out of memory. */
char *usage_format(const usage *u);
/* Forget hours more than USAGE_KEEP_DAYS before now_s, when the clock is
 * believed (see above); then now_s becomes the newest hour known real.
 * Otherwise false with why in prune_why (one line for the log): nothing
 * is dropped. */
bool usage_prune(usage *u, int64_t now_s);
/* Something new to write and the last write USAGE_SAVE_MS ago (or none). */
bool usage_save_due(const usage *u, uint64_t now_ms);
void usage_saved(usage *u, uint64_t now_ms);

/* One hour's figures, for the table and the CSV. */
typedef struct {
    int64_t hour;
    uint32_t visits, screens, degrees, comparisons;
    uint32_t quizzes;         /* quiz results reached */
    uint32_t languages;       /* visitor languages chosen ("language:CODE") */
    uint32_t len[USAGE_NBUCKETS];
} usage_row;
/* The hours with any count, oldest first, into a new array (free with
 * free); *count rows. NULL with *count 0 when there are none. */
usage_row *usage_rows(const usage *u, size_t *count);

/* The local day from day_start (wall-clock seconds of a local midnight) to
 * the next local midnight (23 or 25 hours where summer time changes; each
 * hour on the bar of its local hour) as a picture; titles of degrees by id through name_of (may be
 * NULL: the ids). The title is left for the caller. */
typedef const char *(*usage_name_fn)(void *ctx, const char *id);
void usage_day(const usage *u, int64_t day_start, usage_name_fn name_of, void *ctx,
               usage_picture *out);
/* The newest hour with a count, or -1. */
int64_t usage_last_hour(const usage *u);

#endif
