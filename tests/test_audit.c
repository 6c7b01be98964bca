/* test_audit.c - the layout audit with the real fonts: every screen of the
 * shipped content (every attract slide, every degree and career) at sizes from
 * 800x480 to 3840x2160, landscape and portrait, must have no text outside its
 * box, no overlapping blocks, no touch target under 9 mm and no text under the
 * minimum size. Headless: fonts only, no video. */
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
    layout_env env = { w, h, 0, fontset_measure(S.fonts) };
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_screen_every_size),
    };
    return cmocka_run_group_tests_name("audit", tests, setup, teardown);
}
