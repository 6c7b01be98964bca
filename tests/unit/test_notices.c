/* test_notices.c - notices for visitors (notices.json): loading and its
 * problems (FILE:LINE:COL), which apply at a time of day, and in the pure
 * app in simulated time: a notice appears at its start and goes at its
 * end, with the app waking for both, on a page and over the attract loop;
 * urgent ones over the reset warning. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app.h"
#include "content.h"
#include "notice_band.h"
#include "notices.h"
#include "fixture.h"
#include "scratch.h"

/* The shipped content with notices.json replaced by text (NULL: removed);
 * NULL when it does not load, the first error's place in *line, *col. */
static content *load_with(const char *text, int *line, int *col, char *msg, size_t n)
{
    char *dir = scratch_copy("notices", CONTENT_NFILES);
    if (text)
        scratch_write(dir, "notices.json", text);
    else
        scratch_unlink(dir, "notices.json");
    content_report r;
    content_report_init(&r);
    content *c = content_load(dir, &r);
    for (size_t i = 0; i < r.count && line; i++)
        if (!r.items[i].warning) {
            *line = r.items[i].line;
            *col = r.items[i].col;
            snprintf(msg, n, "%s", r.items[i].message);
            break;
        }
    content_report_deinit(&r);
    scratch_remove(dir);
    return c;
}

static void expect_problem(const char *text, int line, int col, const char *what)
{
    int l = 0, k = 0;
    char msg[600] = "";
    content *c = load_with(text, &l, &k, msg, sizeof msg);
    if (c)
        fail_msg("loaded, expected an error");
    if (l != line || k != col || !strstr(msg, what))
        fail_msg("got %d:%d: %s", l, k, msg);
}

static void shipped_and_absent(void **state)
{
    (void)state;
    content *c = load_shipped();
    assert_true(c->n_notices >= 1);
    for (size_t i = 0; i < c->n_notices; i++) {
        assert_true(c->notices[i].text[0]);
        if (c->notices[i].start >= 0 && c->notices[i].end >= 0)
            assert_true(c->notices[i].end > c->notices[i].start);
    }
    assert_false(c->absent & (1u << 9));
    content_destroy(c);
    c = load_with(NULL, NULL, NULL, NULL, 0);
    assert_non_null(c);
    assert_int_equal(c->n_notices, 0);
    assert_true(c->absent & (1u << 9));
    content_destroy(c);
}

/* A notice whose end is before its start runs past midnight, as a late
 * talk does: from its start to midnight and on until its end. */
static void overnight(void **state)
{
    (void)state;
    content *c = load_with("{\"schema\": 1, \"notices\": [\n"
                           "{\"text\": \"Night tour\", \"start\": \"22:00\", \"end\": \"02:00\"}]}\n",
                           NULL, NULL, NULL, 0);
    assert_non_null(c);
    assert_false(notices_active(c, 0, 21 * 60 + 59));
    assert_true(notices_active(c, 0, 22 * 60));
    assert_true(notices_active(c, 0, 23 * 60 + 59));
    assert_true(notices_active(c, 0, 0));
    assert_true(notices_active(c, 0, 60 + 59));
    assert_false(notices_active(c, 0, 2 * 60));
    assert_false(notices_active(c, 0, 12 * 60));
    assert_false(notices_active(c, 0, -1));
    /* The next change: the end at 02:00, then the start at 22:00. */
    assert_int_equal(notices_next_change(c, 23 * 60), 180);
    assert_int_equal(notices_next_change(c, 3 * 60), 19 * 60);
    content_destroy(c);
}

static void bad_notices(void **state)
{
    (void)state;
    expect_problem("{\"schema\": 1, \"notices\": [\n"
                   "{\"text\": \"Moved\", \"start\": \"14:30\", \"end\": \"14:30\"}]}\n",
                   2, 44, "a notice must end after it starts");
    expect_problem("{\"schema\": 1, \"notices\": [\n{\"text\": \"Moved\", \"level\": \"red\"}]}\n",
                   2, 28, "must be \"info\" or \"urgent\"");
    expect_problem("{\"schema\": 1, \"notices\": [\n{\"text\": \"Moved\", \"end\": \"25:00\"}]}\n",
                   2, 26, "24-hour HH:MM");
    expect_problem("{\"schema\": 1, \"notices\": [\n{\"level\": \"info\"}]}\n", 2, 1,
                   "missing required field \"text\"");
    expect_problem("{\"schema\": 1, \"notices\": [\n{\"text\": \"One\\ntwo\"}]}\n", 2, 10,
                   "on one line");
    expect_problem("{\"schema\": 1}\n", 1, 1, "missing required list \"notices\"");
}

static void which_apply(void **state)
{
    (void)state;
    content *c = content_create();
    c->n_notices = 3;
    c->notices = calloc(3, sizeof *c->notices);
    assert_non_null(c->notices);
    const struct { const char *t; int s, e; content_notice_level l; } n[] = {
        { "always", -1, -1, CONTENT_NOTICE_INFO },
        { "lunch", 12 * 60, 14 * 60, CONTENT_NOTICE_INFO },
        { "from four", 16 * 60, -1, CONTENT_NOTICE_URGENT },
    };
    for (size_t i = 0; i < 3; i++) {
        c->notices[i].text = strdup(n[i].t);
        c->notices[i].start = n[i].s;
        c->notices[i].end = n[i].e;
        c->notices[i].level = n[i].l;
    }
    size_t urgent = 9;
    /* No clock: only the untimed one. */
    assert_int_equal(notices_count(c, -1, &urgent), 1);
    assert_int_equal(urgent, 0);
    assert_int_equal(notices_next_change(c, -1), -1);
    assert_false(notices_active(c, 1, 11 * 60 + 59));
    assert_true(notices_active(c, 1, 12 * 60));
    assert_true(notices_active(c, 1, 14 * 60 - 1));
    assert_false(notices_active(c, 1, 14 * 60)); /* the end itself is over */
    assert_int_equal(notices_count(c, 16 * 60, &urgent), 2);
    assert_int_equal(urgent, 1);
    /* Next change: 11:30 -> 12:00 is 30 min; 12:00 -> 14:00; 14:00 -> 16:00;
     * 23:00 -> tomorrow's 12:00. */
    assert_int_equal(notices_next_change(c, 11 * 60 + 30), 30);
    assert_int_equal(notices_next_change(c, 12 * 60), 120);
    assert_int_equal(notices_next_change(c, 14 * 60), 120);
    assert_int_equal(notices_next_change(c, 23 * 60), 13 * 60);
    assert_false(notices_active(c, 7, 12 * 60));
    content_destroy(c);
}

/* ---- in the app ---- */

static bool shows(app *a, const char *needle)
{
    return fixture_scene_shows(app_scene(a), needle);
}

/* The index of the last command drawing text with needle, or -1. */
static long last_text(app *a, const char *needle)
{
    const scene *s = app_scene(a);
    size_t n = strlen(needle);
    long at = -1;
    for (size_t i = 0; i < s->count; i++) {
        const scene_cmd *c = &s->cmds[i];
        if (c->kind == SCENE_TEXT && c->text && c->len >= n && !memcmp(c->text, needle, n))
            at = (long)i;
    }
    return at;
}

/* Run to `until` the way the real loop sleeps: jump to each wake-up
 * app_wait_ms asks for (at most 10 s apart). Counts the wake-ups. */
static size_t idle_until(app *a, uint64_t *now, uint64_t until)
{
    size_t wakes = 0;
    while (*now < until) {
        uint64_t w = app_wait_ms(a, *now);
        if (w > 10000)
            w = 10000;
        if (w == 0)
            w = 16;
        *now += w;
        if (*now > until)
            *now = until;
        app_update(a, *now);
        (void)app_scene(a);
        wakes++;
    }
    return wakes;
}

static void appear_and_expire(void **state)
{
    (void)state;
    content *c = load_shipped();
    app_config cfg;
    app_config_defaults(&cfg);
    cfg.attract_after_ms = 0; /* stay on the page */
    lay_env env = { .w = 800, .h = 480,
                       .measure = fixture_measure_bold() };
    app *a = app_create(c, &cfg, &env, 0);
    assert_non_null(a);
    uint64_t now = 0;
    assert_true(app_goto(a, "home", now));
    /* No clock: the shipped notices are timed, so none shows. */
    app_update(a, now);
    assert_false(shows(a, "The 14:00 talk"));
    /* 11:58: not yet; the app sleeps no further than the next minute. */
    app_set_clock(a, 11 * 60 + 58, true, now);
    app_update(a, now);
    assert_false(shows(a, "The 14:00 talk"));
    assert_true(app_wait_ms(a, now) <= 60000);
    idle_until(a, &now, 2 * 60000 + 100); /* 12:00 */
    assert_true(shows(a, "The 14:00 talk"));
    /* It lasts until 14:30 and goes on time. */
    idle_until(a, &now, now + (2 * 60 + 29) * 60000);
    assert_true(shows(a, "The 14:00 talk"));
    idle_until(a, &now, now + 60000);
    assert_false(shows(a, "The 14:00 talk"));
    /* 15:30: the urgent one, with its label in words. */
    idle_until(a, &now, now + 60 * 60000);
    assert_true(shows(a, "The recording studios"));
    assert_true(shows(a, "Important"));
    /* Over the attract loop as well, and gone at 16:00 there too. */
    assert_true(app_goto(a, "attract", now));
    app_update(a, now);
    assert_true(shows(a, "The recording studios"));
    idle_until(a, &now, now + 31 * 60000);
    assert_false(shows(a, "The recording studios"));
    app_destroy(a);

    /* The reset warning covers the page but not an urgent notice. */
    cfg.attract_after_ms = 90000;
    a = app_create(c, &cfg, &env, 0);
    now = 0;
    app_set_clock(a, 15 * 60 + 40, true, now);
    assert_true(app_goto(a, "home", now));
    for (; now < 80000; now += 250)
        app_update(a, now);
    assert_true(app_reset_warning(a) > 0);
    long notice = last_text(a, "Important");
    assert_true(notice >= 0);
    const scene *s = app_scene(a);
    for (size_t i = (size_t)notice + 1; i < s->count; i++)
        if (s->cmds[i].kind == SCENE_RECT && (s->cmds[i].flags & SCENE_F_BOX))
            assert_true(s->cmds[i].level >= LAY_LEVEL_NOTICE);
    app_destroy(a);
    content_destroy(c);
}

/* The shipped content with one file replaced by text. */
static content *load_replacing(const char *file, const char *text)
{
    char *dir = scratch_copy("notices", CONTENT_NFILES);
    scratch_write(dir, file, text);
    content *c = scratch_load(dir, stderr);
    scratch_remove(dir);
    return c;
}

static size_t notices_slides(const content *c, size_t *at)
{
    size_t n = 0;
    for (size_t i = 0; i < c->n_slides; i++)
        if (c->slides[i].kind == CONTENT_ATTRACT_NOTICES) {
            n++;
            *at = i;
        }
    return n;
}

/* The notices reach the attract loop as a slide of their own: added at the
 * end unless attract.json places it, shown only while a notice applies. */
static void attract_slide(void **state)
{
    (void)state;
    size_t at = 0;
    content *c = load_with(NULL, NULL, NULL, NULL, 0);
    assert_non_null(c);
    assert_int_equal(notices_slides(c, &at), 0); /* no notices.json, no slide */
    size_t listed = c->n_slides;
    content_destroy(c);
    c = load_shipped();
    assert_int_equal(notices_slides(c, &at), 1);
    assert_int_equal(c->n_slides, listed + 1);
    assert_int_equal(at, listed);
    content_destroy(c);
    c = load_replacing("attract.json",
                       "{\"schema\": 1, \"slides\": [{\"show\": \"notices\", "
                       "\"headline\": \"Latest\"}, {\"show\": \"awards\"}]}\n");
    assert_non_null(c);
    assert_int_equal(c->n_slides, 2);
    assert_int_equal(notices_slides(c, &at), 1);
    assert_int_equal(at, 0);
    assert_string_equal(c->slides[0].headline, "Latest");
    /* Placed first with nothing applying (no clock): the loop starts on
     * the next slide and never shows it. */
    app_config cfg;
    app_config_defaults(&cfg);
    lay_env env = { .w = 800, .h = 480,
                       .measure = fixture_measure_bold() };
    app *a = app_create(c, &cfg, &env, 0);
    assert_non_null(a);
    uint64_t now = 0;
    app_update(a, now);
    app_info info;
    for (; now < 5 * (uint64_t)c->slide_ms; now += 100) {
        app_update(a, now);
        app_get_info(a, &info);
        assert_int_equal(info.slide, 1);
    }
    assert_false(shows(a, "Latest"));
    app_destroy(a);
    content_destroy(c);

    /* The shipped loop at 13:00: one pass shows every slide, the notices
     * slide last with the notice large and no band over it; at 15:00, when
     * nothing applies, a pass skips it. */
    c = load_shipped();
    a = app_create(c, &cfg, &env, 0);
    now = 0;
    app_set_clock(a, 13 * 60, true, now);
    app_update(a, now);
    size_t seen = 0, band = 0;
    for (; now < (uint64_t)c->n_slides * c->slide_ms; now += 100) {
        app_update(a, now);
        app_get_info(a, &info);
        seen |= (size_t)1 << info.slide;
        if (info.slide == c->n_slides - 1) {
            assert_true(shows(a, c->strings[CONTENT_STR_NOTICES_TITLE]));
            /* Once, on the slide: no band repeats it above. */
            const scene *sc = app_scene(a);
            size_t times = 0;
            for (size_t i = 0; i < sc->count; i++)
                times += sc->cmds[i].kind == SCENE_TEXT && sc->cmds[i].len >= 14 &&
                         !memcmp(sc->cmds[i].text, "The 14:00 talk", 14);
            assert_int_equal(times, 1);
            band++;
        }
    }
    assert_int_equal(seen, ((size_t)1 << c->n_slides) - 1);
    assert_true(band > 0);
    app_set_clock(a, 15 * 60, true, now);
    seen = 0;
    uint64_t end = now + 2 * (uint64_t)c->n_slides * c->slide_ms;
    for (; now < end; now += 100) {
        app_update(a, now);
        app_get_info(a, &info);
        seen |= (size_t)1 << info.slide;
        assert_false(shows(a, c->strings[CONTENT_STR_NOTICES_TITLE]));
    }
    assert_int_equal(seen, ((size_t)1 << (c->n_slides - 1)) - 1);
    app_destroy(a);
    content_destroy(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shipped_and_absent),
        cmocka_unit_test(bad_notices),
        cmocka_unit_test(overnight),
        cmocka_unit_test(which_apply),
        cmocka_unit_test(appear_and_expire),
        cmocka_unit_test(attract_slide),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
