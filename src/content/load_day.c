/* load_day.c - the loaders of the optional files of the open day:
 * talks.json, quiz.json and notices.json. See load_day.h. */
#include "load_day.h"
#include "talks.h"
#include "textrule.h"
#include "wallclock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Notices stay few: each one takes a line of every screen. */
#define MAX_NOTICES 8
/* A room is a short label ("Room 2.14", "Studio B"), never a paragraph. */
#define MAX_ROOM 40

static int get_time(jfile *f, const cJSON *e, const char *key, const char *p, bool *ok)
{
    const cJSON *v = jfile_plain(f, e, key, p, true);
    if (!v) {
        *ok = false;
        return -1;
    }
    int t = talks_parse_time(v->valuestring);
    if (t < 0) {
        char q[128];
        jfile_join(q, sizeof q, p, key);
        jfile_problem(f, v, false, q, "time \"%s\" must be 24-hour HH:MM, for example \"14:00\"",
                      v->valuestring);
        *ok = false;
    }
    return t;
}

typedef enum { LOCAL_ONCE, LOCAL_NEVER, LOCAL_TWICE } local_kind;

/* Whether minute of the day happens on day (days since 1970) in the local
 * time zone (TZ): once, never (the hour the clocks skip when summer time
 * starts) or twice (the hour they repeat when it ends). mktime is asked for
 * the time as standard time and as summer time: a time that exists comes
 * back unchanged from at least one, a repeated one from both as two
 * different instants. */
static local_kind local_time_kind(int64_t day, int minute)
{
    time_t noon = (time_t)(day * 86400 + 43200);
    struct tm d;
    if (!gmtime_r(&noon, &d))
        return LOCAL_ONCE;
    time_t at[2];
    int kept = 0;
    for (int dst = 0; dst < 2; dst++) {
        struct tm t = { .tm_year = d.tm_year, .tm_mon = d.tm_mon, .tm_mday = d.tm_mday,
                        .tm_hour = minute / 60, .tm_min = minute % 60, .tm_isdst = dst };
        time_t r = mktime(&t);
        if (r != (time_t)-1 && t.tm_isdst == dst && t.tm_mday == d.tm_mday &&
            t.tm_hour == minute / 60 && t.tm_min == minute % 60)
            at[kept++] = r;
    }
    if (kept == 0)
        return LOCAL_NEVER;
    return kept == 2 && at[0] != at[1] ? LOCAL_TWICE : LOCAL_ONCE;
}

/* A time of day on a known day must be one the kiosk's clock shows that
 * day: a talk at a time the clocks skip never starts on the screen. A
 * repeated hour is shown twice by the wall clock, once for each pass: a
 * warning, since the kiosk reads the wall clock and the talk is "now" in
 * both. date: "YYYY-MM-DD" or NULL/unreal (nothing to check); next_day: the
 * time is on the day after (a talk or notice past midnight). */
static void check_local(jfile *f, const cJSON *v, const char *q, const char *date,
                        bool next_day, int minute, bool *ok)
{
    int64_t day;
    if (!v || minute < 0 || !date || !wallclock_parse_date(date, &day))
        return;
    day += next_day;
    time_t noon = (time_t)(day * 86400 + 43200);
    struct tm d;
    char when[16] = "";
    if (gmtime_r(&noon, &d))
        strftime(when, sizeof when, "%Y-%m-%d", &d);
    switch (local_time_kind(day, minute)) {
    case LOCAL_NEVER:
        jfile_problem(f, v, false, q, "%s does not happen on %s where this kiosk is: the clocks "
                      "go forward past it for summer time; choose a time outside that hour",
                      v->valuestring, when);
        *ok = false;
        break;
    case LOCAL_TWICE:
        jfile_problem(f, v, true, q, "%s happens twice on %s where this kiosk is (the clocks go "
                      "back an hour); the screen shows it at both", v->valuestring, when);
        break;
    case LOCAL_ONCE:
    default:
        break;
    }
}

static int talk_cmp(const void *pa, const void *pb)
{
    const content_talk *a = pa, *b = pb;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->end < b->end ? -1 : a->end > b->end;
}

/* A degree that degrees.json failed to define is reported there: a later
 * file naming it saying so again would bury the one line that matters. */
static bool degrees_broken(const jfile *f, const content *c)
{
    bool failed = c->unreadable & CONTENT_FILE_BIT(DEGREES);
    const char *name = content_files[CONTENT_FILE_DEGREES];
    size_t k = strlen(name);
    for (size_t i = 0; i < f->rep->count && !failed; i++) {
        const char *fn = f->rep->items[i].file;
        size_t n = strlen(fn);
        failed = !f->rep->items[i].warning && n > k && fn[n - k - 1] == '/' &&
                 !strcmp(fn + n - k, name);
    }
    return failed;
}

/* talks.json: the day's date and its talks and tours. Degrees must be
 * loaded: each talk names the degrees it is for by id. */
bool load_talks(jfile *f, content *c)
{
    static const char *const top[] = { "schema", "date", "talks", NULL };
    static const char *const known[] = { "start", "end", "title", "room", "degrees", NULL };
    bool ok = jfile_begin(f, top);
    c->has_talks = true;
    bool degrees_failed = degrees_broken(f, c);
    const cJSON *d = jfile_date(f);
    if (!d)
        ok = false;
    c->talks_date = jfile_strdup(d ? d->valuestring : "");
    const cJSON *arr = jfile_array_max(f, f->root, "talks", "", true, JFILE_MAX_LIST);
    if (!arr)
        return false;
    c->talks = jfile_calloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof *c->talks);
    size_t i = 0;
    for (const cJSON *e = arr->child; e; e = e->next, i++) {
        char p[64], q[128];
        snprintf(p, sizeof p, "talks[%zu]", i);
        if (!jfile_entry_object(f, e, p, "talk", known, &ok))
            continue;
        content_talk *t = &c->talks[c->n_talks++];
        JFILE_TEXT(t->title, e, "title", p, true);
        JFILE_TEXT(t->room, e, "room", p, true);
        const cJSON *room = cJSON_GetObjectItemCaseSensitive(e, "room");
        if (t->room[0] &&
            (textrule_chars(t->room) > MAX_ROOM || textrule_first_break(t->room))) {
            snprintf(q, sizeof q, "%s.room", p);
            jfile_problem(f, room, false, q, "a room is a short label on one line such as \"Room "
                          "2.14\" (at most %d characters)", MAX_ROOM);
            ok = false;
        }
        t->start = get_time(f, e, "start", p, &ok);
        t->end = get_time(f, e, "end", p, &ok);
        if (t->start >= 0 && t->end >= 0) {
            if (t->end == t->start) {
                snprintf(q, sizeof q, "%s.end", p);
                jfile_problem(f, cJSON_GetObjectItemCaseSensitive(e, "end"), false, q,
                              "a talk must end after it starts");
                ok = false;
            } else if (t->end < t->start) {
                t->end += 24 * 60; /* runs past midnight */
            }
        }
        if (d) {
            const cJSON *sv = cJSON_GetObjectItemCaseSensitive(e, "start");
            const cJSON *ev = cJSON_GetObjectItemCaseSensitive(e, "end");
            snprintf(q, sizeof q, "%s.start", p);
            check_local(f, sv, q, d->valuestring, false, t->start, &ok);
            snprintf(q, sizeof q, "%s.end", p);
            check_local(f, ev, q, d->valuestring, t->end >= 24 * 60,
                        t->end >= 0 ? t->end % (24 * 60) : -1, &ok);
        }
        const cJSON *degs = jfile_array_max(f, e, "degrees", p, false, JFILE_MAX_LIST);
        if (cJSON_GetObjectItemCaseSensitive(e, "degrees") && !degs)
            ok = false;
        size_t nd = degs ? (size_t)cJSON_GetArraySize(degs) : 0;
        t->degrees = jfile_calloc(nd + 1, sizeof *t->degrees);
        size_t j = 0;
        for (const cJSON *g = degs ? degs->child : NULL; g; g = g->next, j++) {
            snprintf(q, sizeof q, "%s.degrees[%zu]", p, j);
            if (!cJSON_IsString(g)) {
                jfile_problem(f, g, false, q, "a degree id must be text in quotes");
                ok = false;
                continue;
            }
            size_t k = content_find_degree(c, g->valuestring);
            if (k == (size_t)-1) {
                if (!degrees_failed)
                    jfile_problem(f, g, false, q, "unknown degree \"%s\"; use an id from "
                                  "degrees.json", g->valuestring);
                ok = false;
                continue;
            }
            t->degrees[t->n_degrees++] = k;
        }
    }
    qsort(c->talks, c->n_talks, sizeof *c->talks, talk_cmp);
    return ok;
}

/* How many entries list `arr` (at `path`) has, checked against lo..hi with
 * the words for them; false (reported at the list) when out of range. */
static bool count_between(jfile *f, const cJSON *arr, const char *path, int lo, int hi,
                          const char *what)
{
    int n = cJSON_GetArraySize(arr);
    if (n >= lo && n <= hi)
        return true;
    jfile_problem(f, arr, false, path, "give between %d and %d %s; this has %d", lo, hi, what, n);
    return false;
}

/* One answer's "points": { "degree-id": 1..CONTENT_POINTS_MAX, ... }. */
static bool load_points(jfile *f, content *c, const cJSON *e, const char *p, content_answer *a,
                        bool quiet)
{
    char q[300];
    jfile_join(q, sizeof q, p, "points");
    const cJSON *pts = cJSON_GetObjectItemCaseSensitive(e, "points");
    if (!pts) {
        jfile_problem(f, e, false, q, "missing required field \"points\"");
        return false;
    }
    if (!cJSON_IsObject(pts) || !pts->child) {
        jfile_problem(f, pts, false, q, "\"points\" must be an object naming at least one degree, "
                      "such as { \"%s\": 2 }", c->n_degrees ? c->degrees[0].id : "music-production");
        return false;
    }
    size_t n = (size_t)cJSON_GetArraySize(pts);
    a->degrees = jfile_calloc(n + 1, sizeof *a->degrees);
    a->points = jfile_calloc(n + 1, sizeof *a->points);
    bool ok = true;
    for (const cJSON *g = pts->child; g; g = g->next) {
        char r[400];
        snprintf(r, sizeof r, "%s.%s", q, g->string);
        size_t k = content_find_degree(c, g->string);
        if (k == (size_t)-1) {
            if (!quiet)
                jfile_problem(f, g, false, r, "unknown degree \"%s\"; use an id from degrees.json",
                              g->string);
            ok = false;
            continue;
        }
        if (!cJSON_IsNumber(g) || g->valuedouble != (double)(int)g->valuedouble ||
            g->valuedouble < 1 || g->valuedouble > CONTENT_POINTS_MAX) {
            jfile_problem(f, g, false, r, "points must be a whole number from 1 to %d",
                          CONTENT_POINTS_MAX);
            ok = false;
            continue;
        }
        a->degrees[a->n_degrees] = k;
        a->points[a->n_degrees++] = (int)g->valuedouble;
    }
    return ok;
}

/* quiz.json: "Which degree suits me?". Degrees must be loaded: answers give
 * their points to degrees by id. */
bool load_quiz(jfile *f, content *c)
{
    static const char *const top[] = { "schema", "questions", NULL };
    static const char *const qknown[] = { "question", "answers", NULL };
    static const char *const aknown[] = { "answer", "points", NULL };
    bool ok = jfile_begin(f, top);
    bool quiet = degrees_broken(f, c);
    const cJSON *arr = jfile_array_max(f, f->root, "questions", "", true, JFILE_MAX_LIST);
    if (!arr)
        return false;
    if (!count_between(f, arr, "questions", CONTENT_QUIZ_MIN, CONTENT_QUIZ_MAX, "questions"))
        return false;
    c->questions = jfile_calloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof *c->questions);
    size_t i = 0;
    for (const cJSON *e = arr->child; e; e = e->next, i++) {
        char p[64];
        snprintf(p, sizeof p, "questions[%zu]", i);
        if (!jfile_entry_object(f, e, p, "question", qknown, &ok))
            continue;
        content_question *qu = &c->questions[c->n_questions++];
        JFILE_TEXT(qu->text, e, "question", p, true);
        const cJSON *ans = jfile_array_max(f, e, "answers", p, true, JFILE_MAX_LIST);
        char ap[96];
        snprintf(ap, sizeof ap, "%s.answers", p);
        if (!ans || !count_between(f, ans, ap, CONTENT_ANSWERS_MIN, CONTENT_ANSWERS_MAX,
                                   "answers")) {
            ok = false;
            continue;
        }
        qu->answers = jfile_calloc((size_t)cJSON_GetArraySize(ans) + 1, sizeof *qu->answers);
        size_t j = 0;
        for (const cJSON *g = ans->child; g; g = g->next, j++) {
            char q[128];
            snprintf(q, sizeof q, "%s[%zu]", ap, j);
            if (!jfile_entry_object(f, g, q, "answer", aknown, &ok))
                continue;
            content_answer *a = &qu->answers[qu->n_answers++];
            JFILE_TEXT(a->text, g, "answer", q, true);
            if (!load_points(f, c, g, q, a, quiet))
                ok = false;
        }
    }
    return ok;
}

/* notices.json: short messages for visitors, each perhaps with the time of
 * day it starts and ends, and a level. */
bool load_notices(jfile *f, content *c)
{
    static const char *const top[] = { "schema", "notices", NULL };
    static const char *const known[] = { "text", "level", "start", "end", NULL };
    bool ok = jfile_begin(f, top);
    const cJSON *arr = jfile_array_max(f, f->root, "notices", "", true, MAX_NOTICES);
    if (!arr)
        return false;
    c->notices = jfile_calloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof *c->notices);
    size_t i = 0;
    for (const cJSON *e = arr->child; e; e = e->next, i++) {
        char p[64], q[128];
        snprintf(p, sizeof p, "notices[%zu]", i);
        if (!jfile_entry_object(f, e, p, "notice", known, &ok))
            continue;
        content_notice *n = &c->notices[c->n_notices++];
        n->start = n->end = -1;
        JFILE_TEXT(n->text, e, "text", p, true);
        if (textrule_chars(n->text) > CONTENT_NOTICE_MAX || textrule_first_break(n->text)) {
            snprintf(q, sizeof q, "%s.text", p);
            jfile_problem(f, cJSON_GetObjectItemCaseSensitive(e, "text"), false, q,
                          "a notice is a short message on one line (at most %d characters)",
                          CONTENT_NOTICE_MAX);
            ok = false;
        }
        const cJSON *lv = jfile_plain(f, e, "level", p, false);
        if (cJSON_GetObjectItemCaseSensitive(e, "level") && !lv) {
            ok = false;
        } else if (lv && !strcmp(lv->valuestring, "urgent")) {
            n->level = CONTENT_NOTICE_URGENT;
        } else if (lv && strcmp(lv->valuestring, "info")) {
            snprintf(q, sizeof q, "%s.level", p);
            jfile_problem(f, lv, false, q, "level \"%s\" must be \"info\" or \"urgent\"",
                          lv->valuestring);
            ok = false;
        }
        if (cJSON_GetObjectItemCaseSensitive(e, "start"))
            n->start = get_time(f, e, "start", p, &ok);
        if (cJSON_GetObjectItemCaseSensitive(e, "end"))
            n->end = get_time(f, e, "end", p, &ok);
        if (n->start >= 0 && n->end >= 0 && n->end == n->start) {
            snprintf(q, sizeof q, "%s.end", p);
            jfile_problem(f, cJSON_GetObjectItemCaseSensitive(e, "end"), false, q,
                          "a notice must end after it starts (end %02d:%02d, start %02d:%02d)",
                          n->end / 60, n->end % 60, n->start / 60, n->start % 60);
            ok = false;
        } else if (n->start >= 0 && n->end >= 0 && n->end < n->start) {
            n->end += 24 * 60; /* runs past midnight, like a late talk */
        }
        /* Notices are for the open day (openday.json's date). */
        snprintf(q, sizeof q, "%s.start", p);
        check_local(f, cJSON_GetObjectItemCaseSensitive(e, "start"), q, c->date, false,
                    n->start, &ok);
        snprintf(q, sizeof q, "%s.end", p);
        check_local(f, cJSON_GetObjectItemCaseSensitive(e, "end"), q, c->date,
                    n->end >= 24 * 60, n->end >= 0 ? n->end % (24 * 60) : -1, &ok);
    }
    return ok;
}

