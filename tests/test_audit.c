/* test_audit.c - the layout audit with the real fonts: every screen of the
 * shipped content (every attract slide, every degree and career) at sizes from
 * 800x480 to 3840x2160, landscape and portrait, must have no text outside its
 * box, no overlapping blocks, no touch target under 9 mm and no text under the
 * minimum size. The same for tests/extreme: valid content at the limits (titles
 * of 100 characters, 40 careers on one degree, a 45-letter word, accented,
 * Cyrillic, Greek and Vietnamese text), and for tests/three (three degrees
 * sharing careers, so the map has cards of one, two and three degrees and
 * Compare has six pairs). Headless: fonts only, no video. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "support.h"

static const int sizes[][2] = {
    { 800, 480 },   { 480, 800 },   { 1024, 600 },  { 600, 1024 },  { 1280, 720 },
    { 720, 1280 },  { 1280, 800 },  { 1366, 768 },  { 1920, 1080 }, { 1080, 1920 },
    { 2560, 1440 }, { 3840, 2160 }, { 2160, 3840 },
};

static support S;

static int setup(void **state)
{
    (void)state;
    support_init(&S);
    return S.c && S.fonts ? 0 : -1;
}

static int setup_extreme(void **state)
{
    (void)state;
    support_init_dir(&S, "tests/extreme");
    return S.c && S.fonts ? 0 : -1;
}

static int setup_three(void **state)
{
    (void)state;
    support_init_dir(&S, "tests/three");
    return S.c && S.fonts ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    support_deinit(&S);
    return 0;
}

static size_t audit_one(const char *name, int w, int h, size_t slide)
{
    app *a = support_app(&S, name, w, h, slide);
    if (!a) {
        fprintf(stderr, "cannot open screen %s\n", name);
        return 1;
    }
    layout_env env = { w, h, 0, fontset_measure(S.fonts), 0 };
    static char report[16384];
    report[0] = '\0';
    size_t n = layout_audit(app_scene(a), &env, report, sizeof report);
    if (n)
        fprintf(stderr, "%s at %dx%d (slide %zu): %zu problem(s)\n%s\n", name, w, h, slide, n,
                report);
    app_destroy(a);
    return n;
}

static void every_screen_every_size(void **state)
{
    (void)state;
    char *names[512];
    size_t n = support_screens(S.c, names, 512);
    size_t problems = 0, audited = 0;
    for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
        for (size_t i = 0; i < n; i++, audited++)
            problems += audit_one(names[i], sizes[s][0], sizes[s][1], 0);
        for (size_t k = 0; k < S.c->n_slides; k++, audited++)
            problems += audit_one("attract", sizes[s][0], sizes[s][1], k);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    printf("audited %zu screens, %zu problems\n", audited, problems);
    assert_int_equal(problems, 0);
}

/* Every pair of degrees on Compare, too: with three degrees there are six. */
static void every_comparison(void **state)
{
    (void)state;
    size_t problems = 0;
    char name[600];
    for (size_t a = 0; a < S.c->n_degrees; a++)
        for (size_t b = 0; b < S.c->n_degrees; b++) {
            if (a == b)
                continue;
            snprintf(name, sizeof name, "compare:%s,%s", S.c->degrees[a].id, S.c->degrees[b].id);
            for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++)
                problems += audit_one(name, sizes[s][0], sizes[s][1], 0);
        }
    assert_int_equal(problems, 0);
}

/* The staff screen (no valid content): a single problem and many. */
static void staff_screen(void **state)
{
    (void)state;
    const char *dirs[] = { "tests/hostile/lib", "tests/hostile/wrong-type-degrees" };
    size_t problems = 0;
    for (size_t d = 0; d < 2; d++) {
        content_report rep;
        content_report_init(&rep);
        content *c = content_load(dirs[d], &rep);
        assert_null(c);
        assert_true(rep.errors >= 1);
        for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
            layout_env env = { sizes[s][0], sizes[s][1], 0, fontset_measure(S.fonts), 0 };
            scene sc;
            scene_init(&sc);
            layout_problems(&sc, &env, dirs[d], &rep);
            static char report[8192];
            size_t n = layout_audit(&sc, &env, report, sizeof report);
            if (n)
                fprintf(stderr, "staff screen %s at %dx%d: %s\n", dirs[d], sizes[s][0],
                        sizes[s][1], report);
            problems += n;
            scene_deinit(&sc);
        }
        content_report_deinit(&rep);
    }
    assert_int_equal(problems, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_screen_every_size),
        cmocka_unit_test(every_comparison),
    };
    int failed = cmocka_run_group_tests_name("audit", tests, setup, teardown);
    const struct CMUnitTest staff[] = { cmocka_unit_test(staff_screen) };
    failed += cmocka_run_group_tests_name("audit-staff", staff, setup, teardown);
    failed += cmocka_run_group_tests_name("audit-extreme", tests, setup_extreme, teardown);
    failed += cmocka_run_group_tests_name("audit-three", tests, setup_three, teardown);
    return failed;
}
