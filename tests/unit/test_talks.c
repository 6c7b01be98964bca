/* test_talks.c - the day's talks and the QR codes: talks.json loading and
 * its problems (FILE:LINE:COL), now and next against a simulated clock
 * (over midnight, overlaps, a finished day, a day that is not the talks'), web addresses checked for
 * their QR code, and the code's size on screen. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "content.h"
#include "qr.h"
#include "talks.h"
#include "wallclock.h"
#include "scratch.h"

/* Load dir with `name` replaced by text; expect failure with exactly one
 * error at "name:line:col" whose message contains `what`. */
static void expect_problem(const char *name, const char *text, int line, int col,
                           const char *what)
{
    char *dir = scratch_copy("talks", CONTENT_NFILES);
    scratch_write(dir, name, text);
    content_report r;
    content_report_init(&r);
    content *c = content_load(dir, &r);
    if (c || r.errors != 1) {
        content_report_print(&r, stderr);
        fail_msg("expected one error in %s", name);
    }
    const content_problem *p = NULL;
    for (size_t i = 0; i < r.count; i++)
        if (!r.items[i].warning)
            p = &r.items[i];
    assert_non_null(p);
    assert_non_null(strstr(p->file, name));
    if (p->line != line || p->col != col || !strstr(p->message, what))
        fail_msg("got %s:%d:%d: %s", p->file, p->line, p->col, p->message);
    content_report_deinit(&r);
    scratch_remove(dir);
}

static void shipped_talks(void **state)
{
    (void)state;
    content *c = load_shipped();
    assert_true(c->has_talks);
    assert_int_equal(c->n_talks, 6);
    assert_string_equal(c->talks_date, "2026-11-25");
    for (size_t i = 1; i < c->n_talks; i++)
        assert_true(c->talks[i - 1].start <= c->talks[i].start);
    assert_int_equal(c->talks[0].start, 600);
    assert_int_equal(c->talks[0].n_degrees, 2);
    assert_string_equal(c->degrees[0].url, "https://openday.example.org/music-production");
    assert_string_equal(c->careers[0].url, "https://openday.example.org/" "music-producer");
    content_destroy(c);

    /* tests/three: a degree's own url wins over url_base; a talk past midnight. */
    c = scratch_load_ok("tests/three");
    assert_string_equal(c->degrees[0].url, "https://three.example.org/courses/cs?from=kiosk");
    assert_int_equal(c->talks[c->n_talks - 1].start, 23 * 60 + 30);
    assert_int_equal(c->talks[c->n_talks - 1].end, 24 * 60 + 30);
    content_destroy(c);
}

static void no_talks_file(void **state)
{
    (void)state;
    char *dir = scratch_copy("talks", CONTENT_NFILES);
    scratch_unlink(dir, "talks.json");
    content_report r;
    content_report_init(&r);
    content *c = content_load(dir, &r);
    assert_non_null(c);
    assert_int_equal(r.errors, 0);
    assert_false(c->has_talks);
    assert_int_equal(c->n_talks, 0);
    assert_true(c->absent & (1u << 7));
    content_destroy(c);
    content_report_deinit(&r);
    scratch_remove(dir);
}

static void bad_talks(void **state)
{
    (void)state;
    expect_problem("talks.json",
                   "{\"schema\": 1, \"date\": \"2026-11-25\", \"talks\": [\n"
                   "  {\"start\": \"10:00\", \"end\": \"11:00\", \"title\": \"A\", "
                   "\"room\": \"R1\", \"degrees\": [\"music-prod\"]}]}\n",
                   2, 78, "unknown degree \"music-prod\"");
    expect_problem("talks.json",
                   "{\"schema\": 1, \"date\": \"2026-11-25\", \"talks\": [\n"
                   "  {\"start\": \"9:00\", \"end\": \"11:00\", \"title\": \"A\", \"room\": \"R1\"}]}\n",
                   2, 13, "must be 24-hour HH:MM");
    expect_problem("talks.json",
                   "{\"schema\": 1, \"date\": \"2026-11-25\", \"talks\": [\n"
                   "  {\"start\": \"10:00\", \"end\": \"10:00\", \"title\": \"A\", \"room\": \"R1\"}]}\n",
                   2, 29, "must end after it starts");
    expect_problem("talks.json",
                   "{\"schema\": 1, \"date\": \"25/11/2026\", \"talks\": []}\n", 1, 23,
                   "must look like 2026-11-25");
    expect_problem("talks.json",
                   "{\"schema\": 1, \"date\": \"2026-11-25\", \"talks\": [\n"
                   "  {\"start\": \"10:00\", \"end\": \"11:00\", \"title\": \"A\",\n"
                   "   \"room\": \"Room 2.14, second floor, turn left after the lifts\"}]}\n",
                   3, 12, "a room is a short label");
}

static void bad_urls(void **state)
{
    (void)state;
    char buf[4000];
    expect_problem("openday.json",
                   "{\"schema\": 1, \"title\": \"T\", \"version\": \"1\", \"date\": "
                   "\"2026-11-25\",\n \"attribution\": \"A\", \"url_base\": \"ftp://x.org/\"}\n",
                   2, 34, "must start with https://");
    char longurl[300];
    strcpy(longurl, "https://example.org/");
    while (strlen(longurl) < 150)
        strcat(longurl, "abcdefghij");
    snprintf(buf, sizeof buf,
             "{\"schema\": 1, \"title\": \"T\", \"version\": \"1\", \"date\": \"2026-11-25\",\n"
             " \"attribution\": \"A\",\n \"url_base\": \"%s\"}\n", longurl);
    expect_problem("openday.json", buf, 3, 14, "too long for a QR code");
}

static content *day(void)
{
    content *c = content_create();
    c->degrees = calloc(2, sizeof *c->degrees);
    c->n_degrees = 2;
    struct { int s, e; int deg; } t[] = {
        { 600, 660, 0 },          /* 10:00-11:00 */
        { 630, 700, 1 },          /* 10:30-11:40, overlaps */
        { 780, 810, 0 },          /* 13:00-13:30 */
        { 780, 840, 1 },          /* 13:00-14:00, same start */
        { 1410, 1470, 0 },        /* 23:30-00:30 */
    };
    c->n_talks = sizeof t / sizeof *t;
    c->talks = calloc(c->n_talks, sizeof *c->talks);
    for (size_t i = 0; i < c->n_talks; i++) {
        c->talks[i].start = t[i].s;
        c->talks[i].end = t[i].e;
        c->talks[i].title = strdup("t");
        c->talks[i].room = strdup("r");
        c->talks[i].degrees = malloc(sizeof(size_t));
        c->talks[i].degrees[0] = (size_t)t[i].deg;
        c->talks[i].n_degrees = 1;
    }
    return c;
}

static void now_and_next(void **state)
{
    (void)state;
    content *c = day();
    /* Unknown clock: nothing timed. */
    for (size_t i = 0; i < c->n_talks; i++)
        assert_int_equal(talks_state(c, i, -1), TALKS_UNTIMED);
    assert_false(talks_all_done(c, -1));
    assert_int_equal(talks_next_for_degree(c, 0, -1), (size_t)-1);
    /* 08:00: the first is next, the rest later. */
    assert_int_equal(talks_state(c, 0, 480), TALKS_NEXT);
    assert_int_equal(talks_state(c, 1, 480), TALKS_LATER);
    /* 10:45: two overlapping talks on; the two 13:00 talks both next. */
    assert_int_equal(talks_state(c, 0, 645), TALKS_NOW);
    assert_int_equal(talks_state(c, 1, 645), TALKS_NOW);
    assert_int_equal(talks_state(c, 2, 645), TALKS_NEXT);
    assert_int_equal(talks_state(c, 3, 645), TALKS_NEXT);
    assert_int_equal(talks_next_for_degree(c, 0, 645), 2);
    assert_int_equal(talks_next_for_degree(c, 1, 645), 3);
    /* 11:00 sharp: the first is over (end is exclusive). */
    assert_int_equal(talks_state(c, 0, 660), TALKS_PAST);
    /* 23:45 and 00:15: the late talk is on, past midnight too. */
    assert_int_equal(talks_state(c, 4, 1425), TALKS_NOW);
    assert_int_equal(talks_state(c, 4, 15), TALKS_NOW);
    assert_int_equal(talks_state(c, 0, 15), TALKS_PAST);
    assert_false(talks_all_done(c, 15));
    assert_int_equal(talks_next_for_degree(c, 0, 15), (size_t)-1);
    /* A morning is not the evening's tail: the day lies ahead. */
    assert_false(talks_all_done(c, 420));
    assert_int_equal(talks_state(c, 0, 420), TALKS_NEXT);
    /* Without the late talk, the day is done at 14:00. */
    c->n_talks--;
    free(c->talks[c->n_talks].title);
    free(c->talks[c->n_talks].room);
    free(c->talks[c->n_talks].degrees);
    assert_false(talks_all_done(c, 839));
    assert_true(talks_all_done(c, 840));
    assert_int_equal(talks_state(c, 3, 840), TALKS_PAST);
    char b[8];
    talks_format_time(1470, b, sizeof b);
    assert_string_equal(b, "00:30");
    assert_int_equal(talks_parse_time("14:05"), 845);
    assert_int_equal(talks_parse_time("24:00"), -1);
    assert_int_equal(talks_parse_time("1:05"), -1);
    content_destroy(c);
}

/* Talks of another day are never now or next: the local date must be the
 * talks' day (or the night after, while the late talk runs on). */
static void talks_of_their_day(void **state)
{
    (void)state;
    content *c = day();
    /* No day in the content: the talks are every day's, as before. */
    assert_int_equal(talks_clock_minute(c, "2026-11-24", 645), 645);
    assert_true(talks_clock_trusted(c, "2020-01-01", false));
    free(c->talks_date);
    c->talks_date = strdup("2026-11-25");
    assert_int_equal(talks_clock_minute(c, "2026-11-25", 645), 645);
    assert_int_equal(talks_state(c, 0, talks_clock_minute(c, "2026-11-25", 645)), TALKS_NOW);
    /* The day before, the week after, a year later: nothing now or next. */
    static const char *const other[] = { "2026-11-24", "2026-12-02", "2027-11-25",
                                         "1970-01-01" };
    for (size_t k = 0; k < sizeof other / sizeof *other; k++) {
        int m = talks_clock_minute(c, other[k], 645);
        assert_int_equal(m, -1);
        for (size_t i = 0; i < c->n_talks; i++)
            assert_int_equal(talks_state(c, i, m), TALKS_UNTIMED);
        assert_int_equal(talks_next_for_degree(c, 0, m), (size_t)-1);
    }
    /* 00:15 the night after: the late talk still on; 09:00 the day after:
     * over, nothing now. */
    int m = talks_clock_minute(c, "2026-11-26", 15);
    assert_int_equal(talks_state(c, 4, m), TALKS_NOW);
    assert_int_equal(talks_clock_minute(c, "2026-11-26", 540), -1);
    /* 00:15 on the day itself is not the late talk of the night after. */
    assert_int_not_equal(talks_state(c, 4, talks_clock_minute(c, "2026-11-25", 15)), TALKS_NOW);
    /* Dates that are not real, minutes out of range. */
    assert_int_equal(talks_clock_minute(c, "2026-11-31", 645), -1);
    assert_int_equal(talks_clock_minute(c, "2026-11-25", 1440), -1);
    assert_int_equal(talks_clock_minute(c, "2026-11-25x", 645), -1);
    /* The trust rule: before the day only a synchronised clock is believed. */
    assert_false(talks_clock_trusted(c, "2020-01-01", false));
    assert_true(talks_clock_trusted(c, "2020-01-01", true));
    assert_true(talks_clock_trusted(c, "2026-11-25", false));
    assert_true(talks_clock_trusted(c, "2027-01-01", false));
    assert_false(talks_clock_trusted(c, "2026-02-29", true));
    /* The manifest's day counts when talks.json has none. */
    c->talks_date[0] = '\0';
    free(c->date);
    c->date = strdup("2026-11-25");
    assert_int_equal(talks_clock_minute(c, "2026-11-24", 645), -1);
    content_destroy(c);

    int64_t d;
    assert_true(wallclock_parse_date("2028-02-29", &d));
    assert_int_equal(d, wallclock_days(2028, 2, 29));
    assert_true(wallclock_parse_date("1970-01-01", &d));
    assert_int_equal(d, 0);
    assert_true(wallclock_parse_date("2026-11-25", &d));
    assert_int_equal(d, 20782);
    static const char *const unreal[] = { "2026-02-29", "2100-02-29", "2026-04-31", "2026-13-01",
                                          "2026-00-10", "2026-1-05",  "+026-01-05", "" };
    for (size_t k = 0; k < sizeof unreal / sizeof *unreal; k++)
        assert_false(wallclock_parse_date(unreal[k], &d));
    assert_int_equal(wallclock_judge(10, 20, WALLCLOCK_NONE, false), WALLCLOCK_BEHIND);
    assert_int_equal(wallclock_judge(10, 20, WALLCLOCK_NONE, true), WALLCLOCK_OK);
    assert_int_equal(wallclock_judge(31, 20, 10, true), WALLCLOCK_AHEAD);
    assert_int_equal(wallclock_judge(30, 20, 10, false), WALLCLOCK_OK);
    assert_int_equal(wallclock_judge(-5, WALLCLOCK_NONE, 10, false), WALLCLOCK_OK);
}

static void qr_matrix_and_size(void **state)
{
    (void)state;
    qr_code q;
    assert_true(qr_make("https://openday.example.org/music-production", &q));
    assert_true(q.size >= 21 && q.size <= 17 + 4 * QR_MAX_VERSION);
    /* The finder pattern's corner modules are dark, the separator light. */
    assert_int_equal(q.dark[0], 1);
    assert_int_equal(q.dark[7], 0);
    assert_int_equal(q.dark[q.size - 1], 1);
    qr_deinit(&q);
    /* Too long for the largest version allowed. */
    char big[200];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    assert_false(qr_make(big, &q));
    assert_null(q.dark);
    assert_false(qr_fits(""));
    /* Any address up to qr_max_bytes fits. */
    char edge[200];
    memset(edge, 'z', qr_max_bytes());
    edge[qr_max_bytes()] = '\0';
    assert_true(qr_fits(edge));
    /* qr_fits answers from the length alone: it must agree with encoding,
     * for every length around the limit and for bytes of every kind. */
    char probe[160];
    for (size_t n = 1; n < sizeof probe; n++) {
        for (size_t k = 0; k < n; k++)
            probe[k] = (char)(k % 3 == 0 ? 'a' + k % 26 : k % 3 == 1 ? '0' + k % 10 : 0xC3);
        probe[n] = '\0';
        qr_code z;
        bool made = qr_make(probe, &z);
        qr_deinit(&z);
        assert_int_equal(qr_fits(probe), made);
    }
    /* At least 25 mm on every supported screen, whole pixels a module. */
    const float ppm[] = { 133.3f / 25.4f, 45.9f / 25.4f, 92.0f / 25.4f, 80.0f / 25.4f,
                          300.0f / 25.4f };
    for (size_t i = 0; i < sizeof ppm / sizeof *ppm; i++)
        for (int size = 21; size <= 41; size += 4) {
            int mp = qr_module_px(size, ppm[i]);
            assert_true(mp >= 1);
            float mm = (float)qr_side_px(size, mp) / ppm[i];
            assert_true(mm >= QR_MIN_MM - 0.01f);
            /* ... and not a module more than needed. */
            if (mp > 1)
                assert_true((float)qr_side_px(size, mp - 1) / ppm[i] < QR_MIN_MM);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shipped_talks),
        cmocka_unit_test(no_talks_file),
        cmocka_unit_test(bad_talks),
        cmocka_unit_test(bad_urls),
        cmocka_unit_test(now_and_next),
        cmocka_unit_test(talks_of_their_day),
        cmocka_unit_test(qr_matrix_and_size),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
