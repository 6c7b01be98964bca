/* test_usage.c - the anonymous usage counts (usage.h): a visitor journey
 * observed place by place with an injected clock, the hour rows and the
 * day's picture, visit-length buckets without the idle timeout, the file's
 * round trip, damaged files refused line by line, 90 days kept, writes at
 * most every 5 minutes, and the picture laid out for several screens with a
 * fake measurer and audited. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "fixture.h"
#include "audit.h"
#include "screen_visitors.h"
#include "scratch.h"
#include "upkeep.h"
#include "usage.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#define T0 ((int64_t)1796169600) /* a midnight (UTC), Wed 2 Dec 2026 */
#define AT(h, m, s) (T0 + (h) * 3600 + (m) * 60 + (s))

static void journey(usage *u)
{
    /* 09:10 a visitor: home, a degree, compare, another degree, then idle. */
    usage_observe(u, "attract", AT(9, 0, 0));
    usage_observe(u, "home", AT(9, 10, 0));
    usage_observe(u, "degree:music-production", AT(9, 10, 20));
    usage_observe(u, "compare:music-production,music-technology", AT(9, 11, 0));
    usage_observe(u, "degree:music-technology", AT(9, 12, 0));
    usage_observe(u, "degree:music-technology", AT(9, 12, 5)); /* no change */
    usage_observe(u, "staff", AT(9, 12, 30));                  /* not counted */
    usage_add(u, AT(9, 12, 40), "language:de", 1);             /* a visitor chose German */
    /* back to the loop after 90 s idle: the visit was 3 min 30 s. */
    usage_observe(u, "attract", AT(9, 15, 0));
    /* 10:59 a short one across the hour: counted in the hour it began. */
    usage_observe(u, "degree:music-production", AT(10, 59, 50));
    usage_observe(u, "attract", AT(11, 1, 35));
}

static void test_journey(void **st)
{
    (void)st;
    usage u;
    usage_init(&u, 90);
    journey(&u);
    size_t n = 0;
    usage_row *rows = usage_rows(&u, &n);
    assert_int_equal(n, 2);
    assert_true(rows[0].hour == AT(9, 0, 0) / 3600);
    assert_int_equal(rows[0].visits, 1);
    assert_int_equal(rows[0].screens, 4);
    assert_int_equal(rows[0].degrees, 2);
    assert_int_equal(rows[0].comparisons, 1);
    assert_int_equal(rows[0].languages, 1);
    assert_int_equal(rows[1].languages, 0);
    assert_int_equal(rows[0].len[3], 1); /* 2-5m */
    assert_int_equal(rows[1].visits, 1);
    assert_int_equal(rows[1].degrees, 1);
    assert_int_equal(rows[1].len[0], 1); /* 105 s less 90 s idle: under 30 s */
    free(rows);

    usage_picture p;
    usage_day(&u, T0, NULL, NULL, &p);
    assert_int_equal(p.total_visits, 2);
    assert_int_equal(p.visits[9], 1);
    assert_int_equal(p.visits[10], 1);
    assert_int_equal(p.comparisons, 1);
    assert_int_equal(p.ntop, 2);
    assert_string_equal(p.top[0].name, "music-production");
    assert_int_equal(p.top[0].opened, 2);
    /* The day before has nothing. */
    usage_day(&u, T0 - 86400, NULL, NULL, &p);
    assert_int_equal(p.total_visits, 0);
    usage_deinit(&u);
}

static void test_file_round_trip(void **st)
{
    (void)st;
    usage u, v;
    usage_init(&u, 90);
    journey(&u);
    char *text = usage_format(&u);
    assert_non_null(text);
    /* Nothing personal: only hours, keys of places, counts. */
    assert_non_null(strstr(text, "\tdegree:music-production\t1\n"));
    assert_null(strstr(text, "staff"));
    usage_init(&v, 90);
    char err[200];
    assert_true(usage_parse(&v, text, strlen(text), err, sizeof err));
    char *again = usage_format(&v);
    assert_string_equal(text, again);
    /* Parsing adds: the counts double. */
    assert_true(usage_parse(&v, text, strlen(text), err, sizeof err));
    size_t n;
    usage_row *rows = usage_rows(&v, &n);
    assert_int_equal(rows[0].visits, 2);
    free(rows);
    free(text);
    free(again);
    usage_deinit(&u);
    usage_deinit(&v);
}

/* Not a usage file (its first line) is refused whole; after the header, a
 * line that is not a count in range is skipped, counted and described,
 * and the good lines are kept. */
static void test_damaged(void **st)
{
    (void)st;
    static const char *const not_usage[] = { "", "hello\n", "# openday usage 2\n" };
    char err[200];
    for (size_t i = 0; i < sizeof not_usage / sizeof *not_usage; i++) {
        usage u;
        usage_init(&u, 0);
        assert_false(usage_parse(&u, not_usage[i], strlen(not_usage[i]), err, sizeof err));
        assert_int_equal(u.n, 0); /* nothing half-added */
        usage_deinit(&u);
    }
    static const char *const bad_line[] = {
        "1\tvisits",
        "x\tvisits\t1",
        "499000\tvisits\t-3",
        "499000\t\t3",
        "499000\tvisits\t99999999999",
        "499000\tvis its\t3",
        "499000\tvisits\t+3",
        "+499000\tvisits\t3",
        " 499000\tvisits\t3",
        "499000\tvisits\t 3",
        "-499000\tvisits\t3",
        "1\tvisits\t3",                    /* 1970 */
        "9223372036854775807\tvisits\t3", /* year 10^15 */
        "2000000\tvisits\t3",              /* 2198 */
        "499000\tvisits\t4294967296",
    };
    for (size_t i = 0; i < sizeof bad_line / sizeof *bad_line; i++) {
        char text[300];
        snprintf(text, sizeof text, "# openday usage 1\n499000\tscreens\t2\n%s\n499001\tvisits\t1\n",
                 bad_line[i]);
        usage u;
        usage_init(&u, 0);
        assert_true(usage_parse(&u, text, strlen(text), err, sizeof err));
        if (u.n != 2)
            fail_msg("\"%s\" was counted", bad_line[i]);
        assert_int_equal(u.skipped, 1);
        assert_non_null(strstr(u.skip_first, "line 3"));
        usage_deinit(&u);
    }
    usage u;
    usage_init(&u, 0);
    static const char empty[] = "# openday usage 1\n";
    assert_true(usage_parse(&u, empty, sizeof empty - 1, err, sizeof err));
    assert_true(usage_parse(&u, empty, sizeof empty - 2, err, sizeof err));
    usage_deinit(&u);
}

/* Values out of range never reach the arithmetic: no hour in year
 * -219246529 (signed overflow of hour * 3600 under the sanitizers), and
 * counts saturate at 2^32 - 1 instead of wrapping, in the file, the rows
 * and the day's picture. */
static void test_values_in_range(void **st)
{
    (void)st;
    static const char huge[] = "# openday usage 1\n"
                               "-9223372036854775807\tvisits\t3\n"
                               "9223372036854775807\tvisits\t3\n"
                               "499000\tvisits\t4294967295\n"
                               "499000\tvisits\t4294967295\n"
                               "499000\tdegree:a\t4294967295\n"
                               "499000\tdegree:b\t4294967295\n";
    usage u;
    usage_init(&u, 0);
    char err[200];
    usage_parse(&u, huge, sizeof huge - 1, err, sizeof err);
    size_t n = 0;
    usage_row *rows = usage_rows(&u, &n);
    assert_int_equal(n, 1);
    assert_int_equal(rows[0].hour, 499000);
    assert_true(rows[0].visits == UINT32_MAX);
    assert_true(rows[0].degrees == UINT32_MAX);
    free(rows);
    usage_add(&u, 499000 * (int64_t)3600, "visits", 5);
    usage_picture p;
    usage_day(&u, 499000 * (int64_t)3600, NULL, NULL, &p);
    assert_true(p.total_visits == UINT32_MAX);
    usage_deinit(&u);
}

/* 40,000 well-formed lines of one hour (the kiosk waited 9.5 s for its
 * first frame): read in well under a second. */
static void test_large_file_linear(void **st)
{
    (void)st;
    enum { LINES = 40000 };
    size_t cap = 32 + (size_t)LINES * 40, k = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    k += (size_t)snprintf(text + k, cap - k, "# openday usage 1\n");
    for (int i = 0; i < LINES; i++)
        k += (size_t)snprintf(text + k, cap - k, "499000\tdegree:d%05d\t%d\n", i, i + 1);
    usage u;
    usage_init(&u, 0);
    char err[200];
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    assert_true(usage_parse(&u, text, k, err, sizeof err));
    clock_gettime(CLOCK_MONOTONIC, &b);
    double s = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
    if (s > 1.0)
        fail_msg("40,000 lines took %.2f s to read", s);
    assert_int_equal(u.n, LINES);
    /* Counting goes on in that hour without a search through all of it
     * for a key it already has. */
    usage_add(&u, 499000 * (int64_t)3600, "degree:d00000", 1);
    assert_int_equal(u.n, LINES);
    size_t n = 0;
    usage_row *rows = usage_rows(&u, &n);
    assert_int_equal(n, 1);
    free(rows);
    free(text);
    usage_deinit(&u);
}

static void test_keep_and_save(void **st)
{
    (void)st;
    usage u;
    usage_init(&u, 90);
    assert_false(usage_save_due(&u, 0));
    usage_add(&u, AT(9, 0, 0) - 91 * 86400, "visits", 1);
    usage_add(&u, AT(9, 0, 0) - 89 * 86400, "visits", 1);
    usage_add(&u, AT(9, 0, 0), "visits", 1);
    assert_true(usage_save_due(&u, 1000));
    usage_saved(&u, 1000);
    usage_add(&u, AT(9, 1, 0), "visits", 1);
    assert_false(usage_save_due(&u, 1000 + USAGE_SAVE_MS - 1));
    assert_true(usage_save_due(&u, 1000 + USAGE_SAVE_MS));
    usage_prune(&u, AT(9, 0, 0));
    size_t n;
    usage_row *rows = usage_rows(&u, &n);
    assert_int_equal(n, 2);
    assert_int_equal(rows[1].visits, 2);
    free(rows);
    usage_deinit(&u);
}

/* The picture laid out at the sizes the kiosk runs at: the audit finds no
 * text outside its box or off screen. */
static void test_picture_layout(void **st)
{
    (void)st;
    usage u;
    usage_init(&u, 90);
    journey(&u);
    for (int k = 0; k < 30; k++)
        usage_add(&u, AT(7 + k % 14, 5, 0), "visits", (uint32_t)(k * 7 % 23));
    usage_add(&u, AT(12, 0, 0), "degree:a-very-long-degree-identifier-that-wraps", 4);
    /* Quiz results: one clause more in the summary, which must still fit. */
    usage_add(&u, AT(13, 0, 0), "quiz", 12);
    usage_add(&u, AT(13, 0, 0), "quiz-first:a-very-long-degree-identifier-that-wraps", 7);
    usage_picture p;
    usage_day(&u, T0, NULL, NULL, &p);
    snprintf(p.title, sizeof p.title, "Visitors on Wed 2 Dec 2026");
    assert_int_equal(p.quiz_results, 12);
    static const int sizes[][2] = { { 800, 480 }, { 720, 1280 }, { 1920, 1080 } };
    for (size_t i = 0; i < 3; i++) {
        lay_env env = { .w = sizes[i][0], .h = sizes[i][1], .dpi = i == 2 ? 92.0f : 0.0f,
                           .measure = fixture_measure(), .distance_cm = 60.0f };
        scene s;
        scene_init(&s);
        screen_visitors_draw(&s, &env, &p);
        assert_true(s.count > 20);
        /* The lines joined again (the summary may wrap anywhere). */
        char all[8192] = "";
        size_t at = 0;
        for (size_t k = 0; k < s.count; k++)
            if (s.cmds[k].kind == SCENE_TEXT && at + s.cmds[k].len + 2 < sizeof all) {
                memcpy(all + at, s.cmds[k].text, s.cmds[k].len);
                at += s.cmds[k].len;
                all[at++] = ' ';
                all[at] = '\0';
            }
        assert_non_null(strstr(all, "12 quiz results (most often first:"));
        char report[2000];
        size_t problems = audit_layout(&s, &env, report, sizeof report);
        if (problems)
            fprintf(stderr, "%dx%d:\n%s", sizes[i][0], sizes[i][1], report);
        assert_int_equal(problems, 0);
        scene_deinit(&s);
    }
    usage_deinit(&u);
}

/* Quiz results: each arrival at the result counts, with the degree it
 * ranked first; a result where no degree had a point counts alone. */
static void quiz_journey(usage *u)
{
    usage_observe(u, "home", AT(14, 0, 0));
    usage_observe(u, "quiz", AT(14, 0, 10));
    usage_observe(u, "quiz:2", AT(14, 0, 20));
    usage_observe(u, "quiz-result:music-technology", AT(14, 0, 40));
    usage_observe(u, "quiz-result:music-technology", AT(14, 0, 45)); /* no change */
    /* Back to the last question, another answer, the result again. */
    usage_observe(u, "quiz:2", AT(14, 1, 0));
    usage_observe(u, "quiz-result:music-production", AT(14, 1, 10));
    usage_observe(u, "attract", AT(14, 4, 0));
    usage_observe(u, "quiz-result:music-technology", AT(15, 10, 0));
    usage_observe(u, "quiz-result", AT(15, 11, 0)); /* no points: no degree first */
    usage_observe(u, "attract", AT(15, 14, 0));
}

static void test_quiz_results(void **st)
{
    (void)st;
    usage u;
    usage_init(&u, 90);
    journey(&u);
    quiz_journey(&u);
    size_t n = 0;
    usage_row *rows = usage_rows(&u, &n);
    assert_int_equal(n, 4);
    assert_int_equal(rows[0].quizzes, 0); /* 09:00 */
    assert_int_equal(rows[2].quizzes, 2); /* 14:00 */
    assert_int_equal(rows[3].quizzes, 2); /* 15:00 */
    assert_int_equal(rows[2].screens, 6);
    assert_int_equal(rows[2].degrees, 0); /* a result opens no degree */
    free(rows);
    char *text = usage_format(&u);
    assert_non_null(text);
    char line[128];
    snprintf(line, sizeof line, "%lld\tquiz-first:music-technology\t1\n",
             (long long)(AT(14, 0, 0) / 3600));
    assert_non_null(strstr(text, line));
    snprintf(line, sizeof line, "%lld\tquiz\t2\n", (long long)(AT(15, 0, 0) / 3600));
    assert_non_null(strstr(text, line));
    free(text);
    usage_picture p;
    usage_day(&u, T0, NULL, NULL, &p);
    assert_int_equal(p.quiz_results, 4);
    assert_string_equal(p.quiz_top, "music-technology");
    assert_int_equal(p.quiz_top_n, 2);
    assert_int_equal(p.total_visits, 4);
    /* A tie goes to the smaller id; none: empty. */
    usage v;
    usage_init(&v, 90);
    usage_observe(&v, "quiz-result:b-degree", AT(10, 0, 0));
    usage_observe(&v, "quiz", AT(10, 0, 5));
    usage_observe(&v, "quiz-result:a-degree", AT(10, 0, 9));
    usage_day(&v, T0, NULL, NULL, &p);
    assert_int_equal(p.quiz_results, 2);
    assert_string_equal(p.quiz_top, "a-degree");
    usage_deinit(&v);
    usage_init(&v, 90);
    journey(&v);
    usage_day(&v, T0, NULL, NULL, &p);
    assert_int_equal(p.quiz_results, 0);
    assert_string_equal(p.quiz_top, "");
    usage_deinit(&v);
    usage_deinit(&u);
}

/* A usage.tsv written by the version before quiz results (no quiz keys)
 * still loads, reads as no quiz results, and new counts join it. */
static void test_old_file(void **st)
{
    (void)st;
    static const char old[] = "# openday usage 1\n"
                              "499001\tvisits\t3\n"
                              "499001\tscreens\t11\n"
                              "499001\tscreen:home\t3\n"
                              "499001\tscreen:degree\t5\n"
                              "499001\tdegree:music-production\t4\n"
                              "499001\tdegree:music-technology\t1\n"
                              "499001\tscreen:compare\t2\n"
                              "499001\tcompare\t2\n"
                              "499001\tlen:1-2m\t2\n"
                              "499001\tlen:over-10m\t1\n"
                              "499002\tvisits\t1\n";
    usage u;
    usage_init(&u, 90);
    char err[200];
    assert_true(usage_parse(&u, old, sizeof old - 1, err, sizeof err));
    size_t n = 0;
    usage_row *rows = usage_rows(&u, &n);
    assert_int_equal(n, 2);
    assert_int_equal(rows[0].visits, 3);
    assert_int_equal(rows[0].degrees, 5);
    assert_int_equal(rows[0].comparisons, 2);
    assert_int_equal(rows[0].quizzes, 0);
    assert_int_equal(rows[0].len[2], 2); /* 1-2m */
    assert_int_equal(rows[0].len[5], 1);
    free(rows);
    usage_picture p;
    usage_day(&u, 499001 * 3600 - 3600, NULL, NULL, &p);
    assert_int_equal(p.total_visits, 4);
    assert_int_equal(p.quiz_results, 0);
    /* New counts in the next hour join the old ones; the file says both. */
    usage_observe(&u, "quiz-result:music-production", 499002 * 3600 + 60);
    char *text = usage_format(&u);
    assert_non_null(text);
    assert_non_null(strstr(text, "499001\tdegree:music-production\t4\n"));
    assert_non_null(strstr(text, "499002\tquiz\t1\n"));
    assert_non_null(strstr(text, "499002\tquiz-first:music-production\t1\n"));
    usage w;
    usage_init(&w, 90);
    assert_true(usage_parse(&w, text, strlen(text), err, sizeof err));
    rows = usage_rows(&w, &n);
    assert_int_equal(n, 2);
    assert_int_equal(rows[1].quizzes, 1);
    assert_int_equal(rows[1].visits, 2);
    free(rows);
    free(text);
    usage_deinit(&w);
    usage_deinit(&u);
}

/* The app names the result's first degree for the counts, and only there. */
static void test_app_usage_place(void **st)
{
    (void)st;
    content *c = load_shipped();
    assert_true(c->n_questions > 0);
    app_config cfg;
    app_config_defaults(&cfg);
    lay_env env = { .w = 800, .h = 480, .measure = fixture_measure() };
    app *a = app_create(c, &cfg, &env, 0);
    assert_non_null(a);
    char name[128];
    assert_true(app_goto(a, "quiz:2", 0));
    app_usage_place(a, name, sizeof name);
    assert_string_equal(name, "quiz:2");
    /* Every answer for Music Technology, then every one for Production. */
    assert_true(app_goto(a, "quiz-result:2,2,2,2", 0));
    app_usage_place(a, name, sizeof name);
    assert_string_equal(name, "quiz-result:music-technology");
    app_place_name(a, name, sizeof name);
    assert_string_equal(name, "quiz-result"); /* replays and --dump: unchanged */
    assert_true(app_goto(a, "quiz-result:1,1,1,1", 0));
    app_usage_place(a, name, sizeof name);
    assert_string_equal(name, "quiz-result:music-production");
    app_destroy(a);
    content_destroy(c);
}

/* A state folder with usage.tsv holding text, for usage_load/usage_store. */
static void state_with(char *dir, const char *text)
{
    strcpy(dir, "/tmp/openday-usage-XXXXXX");
    assert_non_null(mkdtemp(dir));
    if (!text)
        return;
    char p[128];
    snprintf(p, sizeof p, "%s/" USAGE_FILE, dir);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static char *slurp(const char *dir, const char *name)
{
    char p[160];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "rb");
    if (!f)
        return NULL;
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static void remove_state(const char *dir)
{
    char cmd[160];
    snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s'; rm -rf '%s'", dir, dir);
    assert_int_equal(system(cmd), 0);
}

static const char counts[] = "# openday usage 1\n"
                             "498900\tvisits\t3\n"
                             "498936\tvisits\t2\n"
                             "498945\tscreens\t7\n";

/* A run with the clock 400 days ahead (an RTC that came up wrong) keeps
 * every count: the file is written with the old hours and the new one. So
 * does a run with the clock before the newest count. A clock within the
 * 90 days after the newest count prunes as before. */
static void test_clock_jumps_keep_counts(void **st)
{
    (void)st;
    static const int64_t offsets[] = { 400 * 86400, -30 * 86400, -400 * 86400 };
    for (size_t i = 0; i < sizeof offsets / sizeof *offsets; i++) {
        char dir[64], err[300];
        state_with(dir, counts);
        usage u;
        usage_init(&u, 0);
        assert_true(usage_load(&u, dir, true, err, sizeof err));
        int64_t now = 498945 * (int64_t)3600 + offsets[i];
        usage_add(&u, now, "visits", 1);
        assert_int_equal(usage_store(&u, dir, now), 0);
        const char *text = slurp(dir, USAGE_FILE);
        assert_non_null(text);
        if (!strstr(text, "498900\tvisits\t3\n") || !strstr(text, "498945\tscreens\t7\n"))
            fail_msg("a clock %+lld days off lost counts:\n%s", (long long)offsets[i] / 86400,
                     text);
        usage_deinit(&u);
        remove_state(dir);
    }
    /* 91 days after the newest count but only 89 after the first: the
     * first is dropped, as it always was. */
    char dir[64], err[300];
    state_with(dir, counts);
    usage u;
    usage_init(&u, 0);
    assert_true(usage_load(&u, dir, true, err, sizeof err));
    assert_int_equal(usage_store(&u, dir, 498900 * (int64_t)3600 + 91 * 86400), 0);
    const char *text = slurp(dir, USAGE_FILE);
    assert_null(strstr(text, "498900\t"));
    assert_non_null(strstr(text, "498945\tscreens\t7\n"));
    usage_deinit(&u);
    remove_state(dir);
}

/* Why the counts were kept, once; a long run keeps pruning (each believed
 * now becomes the reference). */
static void test_prune_reference(void **st)
{
    (void)st;
    usage u;
    usage_init(&u, 0);
    char err[200];
    assert_true(usage_parse(&u, counts, sizeof counts - 1, err, sizeof err));
    assert_false(usage_prune(&u, 498945 * (int64_t)3600 + 400 * 86400));
    assert_non_null(strstr(u.prune_why, "far beyond"));
    assert_int_equal(u.n, 3);
    assert_false(usage_prune(&u, 498900 * (int64_t)3600));
    assert_non_null(strstr(u.prune_why, "before"));
    /* A kiosk that runs for 200 days, saving every day. */
    int64_t t = 498945 * (int64_t)3600;
    for (int d = 0; d < 200; d++, t += 86400) {
        usage_add(&u, t, "visits", 1);
        assert_true(usage_prune(&u, t));
    }
    assert_int_equal(u.n, 91);
    usage_deinit(&u);
}

/* A file that cannot be read is not damaged: never renamed, never
 * replaced; --usage says why, with the failing call. */
static void test_unreadable_kept(void **st)
{
    (void)st;
    char dir[64], err[300], p[128];
    /* A folder, a pipe and a symlink where the file should be. */
    for (int kind = 0; kind < 3; kind++) {
        state_with(dir, NULL);
        snprintf(p, sizeof p, "%s/" USAGE_FILE, dir);
        if (kind == 0)
            assert_int_equal(mkdir(p, 0700), 0);
        else if (kind == 1)
            assert_int_equal(mkfifo(p, 0600), 0);
        else
            assert_int_equal(symlink("/etc/hostname", p), 0);
        usage u;
        usage_init(&u, 0);
        alarm(10);
        assert_true(usage_load(&u, dir, true, err, sizeof err));
        usage_add(&u, 498945 * (int64_t)3600, "visits", 1);
        assert_int_equal(usage_store(&u, dir, 498945 * (int64_t)3600), 0);
        alarm(0);
        struct stat sb;
        assert_int_equal(lstat(p, &sb), 0);
        assert_true(kind == 0 ? S_ISDIR(sb.st_mode)
                    : kind == 1 ? S_ISFIFO(sb.st_mode) : S_ISLNK(sb.st_mode));
        usage_deinit(&u);
        usage_init(&u, 0);
        assert_false(usage_load(&u, dir, false, err, sizeof err));
        assert_null(strstr(err, "no visits"));
        usage_deinit(&u);
        remove_state(dir);
    }
    if (geteuid() != 0) {
        state_with(dir, counts);
        snprintf(p, sizeof p, "%s/" USAGE_FILE, dir);
        chmod(p, 0);
        usage u;
        usage_init(&u, 0);
        assert_false(usage_load(&u, dir, false, err, sizeof err));
        assert_non_null(strstr(err, "unreadable (open: Permission denied)"));
        usage_deinit(&u);
        usage_init(&u, 0);
        assert_true(usage_load(&u, dir, true, err, sizeof err));
        assert_int_equal(usage_store(&u, dir, 498945 * (int64_t)3600), 0);
        usage_deinit(&u);
        chmod(p, 0644);
        assert_string_equal(slurp(dir, USAGE_FILE), counts);
        remove_state(dir);
    }
}

/* A file over the limit is reported and left whole; nothing replaces it. */
static void test_too_big_kept(void **st)
{
    (void)st;
    char dir[64], err[300], p[128];
    state_with(dir, NULL);
    snprintf(p, sizeof p, "%s/" USAGE_FILE, dir);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    fputs("# openday usage 1\n", f);
    for (unsigned k = 0; k <= USAGE_MAX_BYTES / 16; k++)
        fprintf(f, "498945\tk%08u\t1\n", k);
    fclose(f);
    struct stat before, after;
    assert_int_equal(stat(p, &before), 0);
    usage u;
    usage_init(&u, 0);
    assert_false(usage_load(&u, dir, false, err, sizeof err));
    assert_non_null(strstr(err, "larger than the limit"));
    usage_deinit(&u);
    usage_init(&u, 0);
    assert_true(usage_load(&u, dir, true, err, sizeof err));
    usage_add(&u, 498946 * (int64_t)3600, "visits", 1);
    assert_int_equal(usage_store(&u, dir, 498946 * (int64_t)3600), 0);
    usage_deinit(&u);
    assert_int_equal(stat(p, &after), 0);
    assert_int_equal(before.st_size, after.st_size);
    assert_int_equal(before.st_ino, after.st_ino);
    remove_state(dir);
}

/* The day summer time ends in London has 25 hours: the visits of both
 * 01:00s go on the 01:00 bar and those of 23:00 are still the day's; on
 * the day it begins (23 hours) the next day's first hour is not. */
static void test_summer_time(void **st)
{
    (void)st;
    const char *old_tz = getenv("TZ");
    char saved[64] = "";
    if (old_tz)
        snprintf(saved, sizeof saved, "%s", old_tz);
    setenv("TZ", "Europe/London", 1);
    tzset();
    struct tm day = { .tm_year = 2026 - 1900, .tm_mon = 9, .tm_mday = 25, .tm_isdst = -1 };
    time_t midnight = mktime(&day); /* Sun 25 Oct 2026, 00:00 BST */
    usage u;
    usage_init(&u, 0);
    for (int h = 0; h < 26; h++)
        usage_add(&u, (int64_t)midnight + h * 3600 + 60, "visits", 1);
    usage_picture p;
    usage_day(&u, (int64_t)midnight, NULL, NULL, &p);
    assert_int_equal(p.total_visits, 25);
    assert_int_equal(p.visits[1], 2);
    assert_int_equal(p.visits[23], 1);
    usage_deinit(&u);
    struct tm spring = { .tm_year = 2026 - 1900, .tm_mon = 2, .tm_mday = 29, .tm_isdst = -1 };
    midnight = mktime(&spring); /* Sun 29 Mar 2026, 00:00 GMT */
    usage_init(&u, 0);
    for (int h = 0; h < 26; h++)
        usage_add(&u, (int64_t)midnight + h * 3600 + 60, "visits", 1);
    usage_day(&u, (int64_t)midnight, NULL, NULL, &p);
    assert_int_equal(p.total_visits, 23);
    assert_int_equal(p.visits[1], 0); /* 01:00-02:00 does not exist that night */
    assert_int_equal(p.visits[2], 1);
    assert_int_equal(p.visits[23], 1);
    usage_deinit(&u);
    if (*saved)
        setenv("TZ", saved, 1);
    else
        unsetenv("TZ");
    tzset();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_journey),       cmocka_unit_test(test_file_round_trip),
        cmocka_unit_test(test_damaged),       cmocka_unit_test(test_keep_and_save),
        cmocka_unit_test(test_picture_layout), cmocka_unit_test(test_quiz_results),
        cmocka_unit_test(test_old_file),      cmocka_unit_test(test_app_usage_place),
        cmocka_unit_test(test_values_in_range), cmocka_unit_test(test_large_file_linear),
        cmocka_unit_test(test_clock_jumps_keep_counts), cmocka_unit_test(test_prune_reference),
        cmocka_unit_test(test_unreadable_kept), cmocka_unit_test(test_too_big_kept),
        cmocka_unit_test(test_summer_time),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
