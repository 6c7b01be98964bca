/* usage.c - anonymous usage counts. See usage.h. */
#include "usage.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEADER "# openday usage 1"

const char *const usage_bucket_names[USAGE_NBUCKETS] = { "under-30s", "30s-1m", "1-2m",
                                                          "2-5m",      "5-10m",  "over-10m" };

void usage_init(usage *u, unsigned idle_s)
{
    memset(u, 0, sizeof *u);
    u->idle_s = idle_s;
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
            u->e[i].n += n;
            u->dirty = true;
            return;
        }
        if (u->e[i].hour < hour - 1)
            break;
    }
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

bool usage_parse(usage *u, const char *text, size_t len, char *err, size_t n)
{
    size_t hl = strlen(HEADER);
    if (len < hl || strncmp(text, HEADER, hl) || (len > hl && text[hl] != '\n')) {
        snprintf(err, n, "1: not an openday usage file (its first line is not \"%s\")", HEADER);
        return false;
    }
    usage tmp;
    usage_init(&tmp, 0);
    const char *p = text + hl + (len > hl ? 1 : 0), *end = text + len;
    int line = 1;
    while (p < end) {
        line++;
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        char buf[200];
        size_t l = (size_t)(le - p);
        if (l >= sizeof buf || memchr(p, '\0', l)) {
            snprintf(err, n, "%d: a line that is not HOUR KEY COUNT", line);
            usage_deinit(&tmp);
            return false;
        }
        memcpy(buf, p, l);
        buf[l] = '\0';
        char *t1 = strchr(buf, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
        char *e1, *e2;
        errno = 0;
        long long h = t1 ? strtoll(buf, &e1, 10) : 0;
        /* strtoull takes "-3" as a huge count: no sign is allowed (on a
         * 32-bit unsigned long it would even fit). */
        unsigned long long c = t2 && t2[1] != '-' && t2[1] != '+' ? strtoull(t2 + 1, &e2, 10) : 0;
        if (t2 && (t2[1] == '-' || t2[1] == '+'))
            e2 = t2 + 1;
        if (!t1 || !t2 || e1 != t1 || e1 == buf || *e2 || e2 == t2 + 1 || errno ||
            c > UINT32_MAX || !key_ok(t1 + 1, (size_t)(t2 - t1 - 1))) {
            snprintf(err, n, "%d: \"%.60s\" is not HOUR<TAB>KEY<TAB>COUNT", line, buf);
            usage_deinit(&tmp);
            return false;
        }
        *t2 = '\0';
        add_hour(&tmp, (int64_t)h, t1 + 1, (uint32_t)c);
        p = nl ? nl + 1 : end;
    }
    for (size_t i = 0; i < tmp.n; i++)
        add_hour(u, tmp.e[i].hour, tmp.e[i].key, tmp.e[i].n);
    usage_deinit(&tmp);
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

void usage_prune(usage *u, int64_t now_s)
{
    int64_t oldest = hour_of(now_s) - (int64_t)USAGE_KEEP_DAYS * 24;
    size_t k = 0;
    for (size_t i = 0; i < u->n; i++)
        if (u->e[i].hour >= oldest)
            u->e[k++] = u->e[i];
    if (k != u->n)
        u->dirty = true;
    u->n = k;
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

static int cmp_row(const void *a, const void *b)
{
    const usage_row *x = a, *y = b;
    return (x->hour > y->hour) - (x->hour < y->hour);
}

usage_row *usage_rows(const usage *u, size_t *count)
{
    *count = 0;
    usage_row *rows = u->n ? calloc(u->n, sizeof *rows) : NULL;
    if (!rows)
        return NULL;
    size_t nr = 0;
    for (size_t i = 0; i < u->n; i++) {
        const usage_entry *e = &u->e[i];
        usage_row *r = NULL;
        for (size_t k = 0; k < nr && !r; k++)
            if (rows[k].hour == e->hour)
                r = &rows[k];
        if (!r) {
            r = &rows[nr++];
            r->hour = e->hour;
        }
        if (!strcmp(e->key, "visits"))
            r->visits += e->n;
        else if (!strcmp(e->key, "screens"))
            r->screens += e->n;
        else if (!strcmp(e->key, "compare"))
            r->comparisons += e->n;
        else if (!strcmp(e->key, USAGE_KEY_QUIZ))
            r->quizzes += e->n;
        else if (!strncmp(e->key, "degree:", 7))
            r->degrees += e->n;
        else if (!strncmp(e->key, "language:", 9))
            r->languages += e->n;
        else if (!strncmp(e->key, "len:", 4))
            for (int b = 0; b < USAGE_NBUCKETS; b++)
                if (!strcmp(e->key + 4, usage_bucket_names[b]))
                    r->len[b] += e->n;
    }
    qsort(rows, nr, sizeof *rows, cmp_row);
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
    int64_t h0 = hour_of(day_start);
    /* Degree counts of the day, merged by id. */
    struct {
        const char *id;
        uint32_t n;
    } deg[64], first[64];
    int nd = 0, nf = 0;
    size_t qfl = strlen(USAGE_KEY_QUIZ_FIRST);
    for (size_t i = 0; i < u->n; i++) {
        const usage_entry *e = &u->e[i];
        int64_t h = e->hour - h0;
        if (h < 0 || h >= 24)
            continue;
        if (!strcmp(e->key, "visits")) {
            out->visits[h] += e->n;
            out->total_visits += e->n;
        } else if (!strcmp(e->key, "screens")) {
            out->screens += e->n;
        } else if (!strcmp(e->key, "compare")) {
            out->comparisons += e->n;
        } else if (!strcmp(e->key, USAGE_KEY_QUIZ)) {
            out->quiz_results += e->n;
        } else if (!strncmp(e->key, USAGE_KEY_QUIZ_FIRST, qfl)) {
            int k = 0;
            while (k < nf && strcmp(first[k].id, e->key + qfl))
                k++;
            if (k == nf && nf < 64) {
                first[nf].id = e->key + qfl;
                first[nf++].n = 0;
            }
            if (k < nf)
                first[k].n += e->n;
        } else if (!strncmp(e->key, "degree:", 7)) {
            int k = 0;
            while (k < nd && strcmp(deg[k].id, e->key + 7))
                k++;
            if (k == nd && nd < 64) {
                deg[nd].id = e->key + 7;
                deg[nd++].n = 0;
            }
            if (k < nd)
                deg[k].n += e->n;
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
