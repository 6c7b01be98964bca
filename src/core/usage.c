/* usage.c - anonymous usage counts. See usage.h. */
#include "usage.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hash.h"
#include "wallclock.h"

#define HEADER "# openday usage 1"

const char *const usage_bucket_names[USAGE_NBUCKETS] = { "under-30s", "30s-1m", "1-2m",
                                                          "2-5m",      "5-10m",  "over-10m" };

/* Counts stop at the top instead of wrapping to a small number. */
static void sat_add(uint32_t *to, uint32_t n)
{
    *to = *to > UINT32_MAX - n ? UINT32_MAX : *to + n;
}

void usage_init(usage *u, unsigned idle_s)
{
    memset(u, 0, sizeof *u);
    u->idle_s = idle_s;
    u->file_newest = -1;
    snprintf(u->place, sizeof u->place, "attract");
}

void usage_deinit(usage *u)
{
    free(u->e);
    memset(u, 0, sizeof *u);
}

static int64_t hour_of(int64_t s)
{
    return s >= 0 ? s / 3600 : (s - 3599) / 3600;
}

static void add_hour(usage *u, int64_t hour, const char *key, uint32_t n)
{
    /* The newest hours are at the end: search from there. */
    for (size_t i = u->n; i-- > 0;) {
        if (u->e[i].hour == hour && !strcmp(u->e[i].key, key)) {
            sat_add(&u->e[i].n, n);
            u->dirty = true;
            return;
        }
        if (u->e[i].hour < hour - 1)
            break;
    }
    if (u->n >= USAGE_MAX_ENTRIES)
        return; /* the file would outgrow what a start reads back */
    if (u->n == u->cap) {
        size_t cap = u->cap ? u->cap * 2 : 64;
        usage_entry *e = realloc(u->e, cap * sizeof *e);
        if (!e)
            return;
        u->e = e;
        u->cap = cap;
    }
    usage_entry *e = &u->e[u->n++];
    e->hour = hour;
    e->n = n;
    snprintf(e->key, sizeof e->key, "%s", key);
    u->dirty = true;
}

void usage_add(usage *u, int64_t now_s, const char *key, uint32_t n)
{
    add_hour(u, hour_of(now_s), key, n);
}

static int bucket_of(int64_t s)
{
    static const int64_t limit[USAGE_NBUCKETS - 1] = { 30, 60, 120, 300, 600 };
    int b = 0;
    while (b < USAGE_NBUCKETS - 1 && s >= limit[b])
        b++;
    return b;
}

static void end_visit(usage *u, int64_t now_s)
{
    int64_t len = now_s - u->visit_start - (int64_t)u->idle_s;
    char key[USAGE_KEY_MAX];
    snprintf(key, sizeof key, "len:%s", usage_bucket_names[bucket_of(len < 0 ? 0 : len)]);
    /* Counted in the hour the visit began, with its visit. */
    usage_add(u, u->visit_start, key, 1);
    u->in_visit = false;
}

void usage_observe(usage *u, const char *place, int64_t now_s)
{
    if (!place || !*place || !strcmp(place, "staff") || !strcmp(place, u->place))
        return;
    snprintf(u->place, sizeof u->place, "%s", place);
    if (!strcmp(place, "attract")) {
        if (u->in_visit)
            end_visit(u, now_s);
        return;
    }
    if (!u->in_visit) {
        u->in_visit = true;
        u->visit_start = now_s;
        usage_add(u, now_s, "visits", 1);
    }
    usage_add(u, now_s, "screens", 1);
    char key[USAGE_KEY_MAX];
    size_t kind = strcspn(place, ":");
    snprintf(key, sizeof key, "screen:%.*s", (int)(kind > 40 ? 40 : kind), place);
    usage_add(u, now_s, key, 1);
    if (!strncmp(place, "degree:", 7)) {
        snprintf(key, sizeof key, "%.*s", USAGE_KEY_MAX - 1, place);
        usage_add(u, now_s, key, 1);
    } else if (!strncmp(place, "compare", 7)) {
        usage_add(u, now_s, "compare", 1);
    } else if (kind == strlen(USAGE_QUIZ_PLACE) && !strncmp(place, USAGE_QUIZ_PLACE, kind)) {
        /* A quiz result, and the degree it ranked first when one had points. */
        usage_add(u, now_s, USAGE_KEY_QUIZ, 1);
        if (place[kind] == ':' && place[kind + 1]) {
            snprintf(key, sizeof key, "%s%.*s", USAGE_KEY_QUIZ_FIRST,
                     (int)(USAGE_KEY_MAX - 1 - strlen(USAGE_KEY_QUIZ_FIRST)), place + kind + 1);
            usage_add(u, now_s, key, 1);
        }
    }
}

static bool key_ok(const char *k, size_t len)
{
    if (len == 0 || len >= USAGE_KEY_MAX)
        return false;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)k[i] < 0x21 || k[i] == 0x7f)
            return false;
    return true;
}

/* Digits only (no sign, no space: strtoll would take both), at most max;
 * false for anything else. */
static bool parse_digits(const char *s, size_t len, uint64_t max, uint64_t *out)
{
    if (len == 0 || len > 20)
        return false;
    uint64_t v = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        unsigned d = (unsigned)(s[i] - '0');
        if (v > (max - d) / 10)
            return false;
        v = v * 10 + d;
    }
    *out = v;
    return true;
}

/* One line into e, or false with why (a phrase) when it is not a count. */
static bool parse_line(const char *p, size_t l, usage_entry *e, const char **why)
{
    const char *t1 = memchr(p, '\t', l);
    const char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(p + l - t1 - 1)) : NULL;
    uint64_t h, c;
    if (!t2) {
        *why = "is not HOUR<TAB>KEY<TAB>COUNT";
        return false;
    }
    if (!parse_digits(p, (size_t)(t1 - p), UINT64_MAX, &h) || h < USAGE_HOUR_MIN ||
        h > USAGE_HOUR_MAX) {
        *why = "has an HOUR that is not a whole hour from 2000 to 2100";
        return false;
    }
    if (!key_ok(t1 + 1, (size_t)(t2 - t1 - 1))) {
        *why = "has a KEY that is empty, too long or holds a space or control character";
        return false;
    }
    if (!parse_digits(t2 + 1, (size_t)(p + l - t2 - 1), UINT32_MAX, &c)) {
        *why = "has a COUNT that is not a whole number from 0 to 4294967295";
        return false;
    }
    e->hour = (int64_t)h;
    e->n = (uint32_t)c;
    memcpy(e->key, t1 + 1, (size_t)(t2 - t1 - 1));
    e->key[t2 - t1 - 1] = '\0';
    return true;
}

static uint64_t entry_hash(const usage_entry *e)
{
    return od_hash(od_hash(OD_HASH_SEED, &e->hour, sizeof e->hour), e->key, strlen(e->key));
}

/* Merge the entries from `first` on into the earlier ones with the same
 * hour and key, keeping the order of first appearance (so a file read and
 * written again is the same bytes). A hash table, not a search per line:
 * a file of many lines in one hour costs linear time, not quadratic. Out
 * of memory leaves duplicates, which later reads merge. */
static void merge_from(usage *u, size_t first)
{
    if (u->n == first)
        return;
    size_t slots = 16;
    while (slots < 2 * u->n)
        slots *= 2;
    size_t *table = calloc(slots, sizeof *table); /* index + 1, 0 = empty */
    if (!table)
        return;
    size_t k = 0;
    for (size_t i = 0; i < u->n; i++) {
        size_t at = (size_t)entry_hash(&u->e[i]) & (slots - 1);
        for (;; at = (at + 1) & (slots - 1)) {
            size_t j = table[at];
            if (!j) {
                u->e[k] = u->e[i];
                table[at] = ++k;
                break;
            }
            if (u->e[j - 1].hour == u->e[i].hour && !strcmp(u->e[j - 1].key, u->e[i].key)) {
                sat_add(&u->e[j - 1].n, u->e[i].n);
                break;
            }
        }
    }
    u->n = k;
    free(table);
}

bool usage_parse(usage *u, const char *text, size_t len, char *err, size_t n)
{
    size_t hl = strlen(HEADER);
    if (len < hl || strncmp(text, HEADER, hl) || (len > hl && text[hl] != '\n')) {
        snprintf(err, n, "1: not an openday usage file (its first line is not \"%s\")", HEADER);
        return false;
    }
    const char *p = text + hl + (len > hl ? 1 : 0), *end = text + len;
    size_t lines = 0;
    for (const char *q = p; q < end; q++)
        lines += *q == '\n';
    lines++;
    if (lines > USAGE_MAX_ENTRIES)
        lines = USAGE_MAX_ENTRIES;
    size_t room = u->n + lines;
    if (room > u->cap) {
        usage_entry *e = realloc(u->e, room * sizeof *e);
        if (!e) {
            snprintf(err, n, "1: out of memory for %zu counts", lines);
            return false;
        }
        u->e = e;
        u->cap = room;
    }
    size_t first = u->n;
    int line = 1;
    while (p < end) {
        line++;
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        size_t l = (size_t)(le - p);
        const char *why = NULL;
        usage_entry e;
        if (memchr(p, '\0', l))
            why = "holds a NUL byte";
        else if (u->n - first >= lines)
            why = "is beyond the most counts a file holds";
        else if (parse_line(p, l, &e, &why))
            u->e[u->n++] = e;
        if (why && !u->skipped++)
            snprintf(u->skip_first, sizeof u->skip_first, "line %d, \"%.*s%s\", %s", line,
                     memchr(p, '\0', l) ? 0 : (int)(l > 40 ? 40 : l), p, l > 40 ? "..." : "",
                     why);
        p = nl ? nl + 1 : end;
    }
    for (size_t i = first; i < u->n; i++)
        if (u->e[i].hour > u->file_newest)
            u->file_newest = u->e[i].hour;
    merge_from(u, first);
    u->dirty = u->dirty || u->n > first;
    return true;
}

char *usage_format(const usage *u)
{
    size_t cap = strlen(HEADER) + 2 + u->n * (USAGE_KEY_MAX + 40);
    char *out = malloc(cap);
    if (!out)
        return NULL;
    size_t k = (size_t)snprintf(out, cap, "%s\n", HEADER);
    for (size_t i = 0; i < u->n; i++)
        k += (size_t)snprintf(out + k, cap - k, "%" PRId64 "\t%s\t%" PRIu32 "\n", u->e[i].hour,
                              u->e[i].key, u->e[i].n);
    return out;
}

bool usage_prune(usage *u, int64_t now_s)
{
    char *why = u->prune_why;
    size_t n = sizeof u->prune_why;
    int64_t now_h = hour_of(now_s);
    if (u->file_newest >= 0) {
        /* Pruning destroys counts: a time service is no proof here (a date
         * set by hand keeps its "synchronised" flag), only the counts are. */
        wallclock_verdict v = wallclock_judge(now_h * 3600, u->file_newest * 3600,
                                              (int64_t)USAGE_KEEP_DAYS * 86400, false);
        if (v != WALLCLOCK_OK) {
            time_t t = (time_t)(u->file_newest * 3600);
            struct tm tm;
            char last[32] = "?";
            if (gmtime_r(&t, &tm))
                strftime(last, sizeof last, "%Y-%m-%d %H:00 UTC", &tm);
            snprintf(why, n, "the clock is %s the newest count kept (%s)%s; no hour is "
                     "dropped until it is within %d days after it",
                     v == WALLCLOCK_BEHIND ? "before" : "far beyond", last,
                     v == WALLCLOCK_BEHIND ? " (set back?)" : " (ahead, or a long pause)",
                     USAGE_KEEP_DAYS);
            return false;
        }
    }
    int64_t oldest = now_h - (int64_t)USAGE_KEEP_DAYS * 24;
    size_t k = 0;
    for (size_t i = 0; i < u->n; i++)
        if (u->e[i].hour >= oldest)
            u->e[k++] = u->e[i];
    if (k != u->n)
        u->dirty = true;
    u->n = k;
    /* The clock was believed: it is the reference from here on, so a kiosk
     * that runs for months keeps pruning, and a later jump is measured from
     * the last time that was believed. */
    if (now_h > u->file_newest)
        u->file_newest = now_h;
    why[0] = '\0';
    return true;
}

bool usage_save_due(const usage *u, uint64_t now_ms)
{
    return u->dirty && (!u->saved_once || now_ms - u->last_save_ms >= USAGE_SAVE_MS);
}

void usage_saved(usage *u, uint64_t now_ms)
{
    u->dirty = false;
    u->saved_once = true;
    u->last_save_ms = now_ms;
}

/* Indices of u's entries by hour, ties in their order (a merge sort: qsort
 * is not stable, and the order within an hour does not matter for rows but
 * a stable order keeps the output reproducible). */
static bool sort_by_hour(const usage *u, size_t *idx, size_t n)
{
    if (n < 2)
        return true;
    size_t *tmp = malloc(n * sizeof *tmp);
    if (!tmp)
        return false;
    for (size_t w = 1; w < n; w *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * w) {
            size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            size_t a = lo, b = mid, k = lo;
            while (a < mid && b < hi)
                tmp[k++] = u->e[idx[b]].hour < u->e[idx[a]].hour ? idx[b++] : idx[a++];
            while (a < mid)
                tmp[k++] = idx[a++];
            while (b < hi)
                tmp[k++] = idx[b++];
        }
        memcpy(idx, tmp, n * sizeof *idx);
    }
    free(tmp);
    return true;
}

usage_row *usage_rows(const usage *u, size_t *count)
{
    *count = 0;
    usage_row *rows = u->n ? calloc(u->n, sizeof *rows) : NULL;
    size_t *order = u->n ? malloc(u->n * sizeof *order) : NULL;
    for (size_t i = 0; i < u->n && order; i++)
        order[i] = i;
    if (!rows || !order || !sort_by_hour(u, order, u->n)) {
        free(rows);
        free(order);
        return NULL;
    }
    /* Entries by hour, so each hour is one run: grouping is linear. */
    size_t nr = 0;
    for (size_t j = 0; j < u->n; j++) {
        const usage_entry *e = &u->e[order[j]];
        if (!nr || rows[nr - 1].hour != e->hour)
            rows[nr++].hour = e->hour;
        usage_row *r = &rows[nr - 1];
        if (!strcmp(e->key, "visits"))
            sat_add(&r->visits, e->n);
        else if (!strcmp(e->key, "screens"))
            sat_add(&r->screens, e->n);
        else if (!strcmp(e->key, "compare"))
            sat_add(&r->comparisons, e->n);
        else if (!strcmp(e->key, USAGE_KEY_QUIZ))
            sat_add(&r->quizzes, e->n);
        else if (!strncmp(e->key, "degree:", 7))
            sat_add(&r->degrees, e->n);
        else if (!strncmp(e->key, "language:", 9))
            sat_add(&r->languages, e->n);
        else if (!strncmp(e->key, "len:", 4))
            for (int b = 0; b < USAGE_NBUCKETS; b++)
                if (!strcmp(e->key + 4, usage_bucket_names[b]))
                    sat_add(&r->len[b], e->n);
    }
    free(order);
    *count = nr;
    return rows;
}

int64_t usage_last_hour(const usage *u)
{
    int64_t h = -1;
    for (size_t i = 0; i < u->n; i++)
        if (u->e[i].hour > h)
            h = u->e[i].hour;
    return h;
}

void usage_day(const usage *u, int64_t day_start, usage_name_fn name_of, void *ctx,
               usage_picture *out)
{
    memset(out, 0, sizeof *out);
    /* A local day is 23 or 25 hours long where summer time begins or ends:
     * it runs to the next local midnight, and each hour goes to the bar of
     * its local hour (both 01:00s of an autumn night on one bar). */
    time_t t0 = (time_t)day_start;
    struct tm day;
    int64_t h0 = hour_of(day_start), h1 = h0 + 24;
    if (localtime_r(&t0, &day)) {
        day.tm_mday++;
        day.tm_hour = day.tm_min = day.tm_sec = 0;
        day.tm_isdst = -1;
        time_t t1 = mktime(&day);
        if (t1 != (time_t)-1 && t1 > t0 && t1 - t0 <= 26 * 3600)
            h1 = hour_of((int64_t)t1);
    }
    /* Degree counts of the day, merged by id. */
    struct {
        const char *id;
        uint32_t n;
    } deg[64], first[64];
    int nd = 0, nf = 0;
    size_t qfl = strlen(USAGE_KEY_QUIZ_FIRST);
    for (size_t i = 0; i < u->n; i++) {
        const usage_entry *e = &u->e[i];
        if (e->hour < h0 || e->hour >= h1)
            continue;
        if (!strcmp(e->key, "visits")) {
            /* The middle of the hour: in a zone half an hour off, the
             * local hour that holds most of it. */
            time_t t = (time_t)(e->hour * 3600 + 1800);
            struct tm lt;
            int64_t h = localtime_r(&t, &lt) ? lt.tm_hour : e->hour - h0;
            if (h >= 0 && h < 24)
                sat_add(&out->visits[h], e->n);
            sat_add(&out->total_visits, e->n);
        } else if (!strcmp(e->key, "screens")) {
            sat_add(&out->screens, e->n);
        } else if (!strcmp(e->key, "compare")) {
            sat_add(&out->comparisons, e->n);
        } else if (!strcmp(e->key, USAGE_KEY_QUIZ)) {
            sat_add(&out->quiz_results, e->n);
        } else if (!strncmp(e->key, USAGE_KEY_QUIZ_FIRST, qfl)) {
            int k = 0;
            while (k < nf && strcmp(first[k].id, e->key + qfl))
                k++;
            if (k == nf && nf < 64) {
                first[nf].id = e->key + qfl;
                first[nf++].n = 0;
            }
            if (k < nf)
                sat_add(&first[k].n, e->n);
        } else if (!strncmp(e->key, "degree:", 7)) {
            int k = 0;
            while (k < nd && strcmp(deg[k].id, e->key + 7))
                k++;
            if (k == nd && nd < 64) {
                deg[nd].id = e->key + 7;
                deg[nd++].n = 0;
            }
            if (k < nd)
                sat_add(&deg[k].n, e->n);
        }
    }
    for (int t = 0; t < USAGE_TOP_DEGREES; t++) {
        int best = -1;
        for (int k = 0; k < nd; k++)
            if (deg[k].n && (best < 0 || deg[k].n > deg[best].n ||
                             (deg[k].n == deg[best].n && strcmp(deg[k].id, deg[best].id) < 0)))
                best = k;
        if (best < 0)
            break;
        const char *name = name_of ? name_of(ctx, deg[best].id) : NULL;
        snprintf(out->top[t].name, sizeof out->top[t].name, "%s", name ? name : deg[best].id);
        out->top[t].opened = deg[best].n;
        out->ntop++;
        deg[best].n = 0;
    }
    /* The degree the quiz put first most often (ties: the smaller id). */
    int best = -1;
    for (int k = 0; k < nf; k++)
        if (first[k].n && (best < 0 || first[k].n > first[best].n ||
                           (first[k].n == first[best].n && strcmp(first[k].id, first[best].id) < 0)))
            best = k;
    if (best >= 0) {
        const char *name = name_of ? name_of(ctx, first[best].id) : NULL;
        snprintf(out->quiz_top, sizeof out->quiz_top, "%s", name ? name : first[best].id);
        out->quiz_top_n = first[best].n;
    }
}
