/* test_access.c - the accessibility choices judged as a visitor's tools
 * would judge them, from the --dump account of each frame (dump.h) with the
 * real fonts: with High contrast every line of text on every screen is at
 * least 7:1 against what lies under it (degree and award colours included,
 * the panel and the reset warning too); with Larger text every line's
 * capitals subtend at least 0.7 degrees at the viewing distance. For the
 * shipped content, tests/three and tests/extreme at 800x480, 720x1280 and
 * 1920x1080 (92 dpi). Headless: fonts only, no video. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <cJSON.h>

#include "dump.h"
#include "support.h"

static const struct {
    int w, h;
    float dpi;
} sizes[] = { { 800, 480, 0 }, { 720, 1280, 0 }, { 1920, 1080, 92 } };

static support S;
static bool quiet; /* the control run expects failures: do not list them */

SUPPORT_GROUP_FIXTURES(S)

/* What an app shows now, as the account's JSON. */
static cJSON *account(app *a, const char *name, int w, int h, float dpi)
{
    lay_env env = { .w = w, .h = h, .dpi = dpi > 0 ? dpi : LAY_DEFAULT_DPI,
                       .measure = fontset_measure(S.fonts) };
    dump_frame f = { name, &env, S.c, app_scene(a), NULL, app_background(a), NULL, 0 };
    char *json = dump_json(&f);
    assert_non_null(json);
    cJSON *root = cJSON_Parse(json);
    dump_free(json);
    assert_non_null(root);
    return root;
}

static double num(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItem(o, k);
    return cJSON_IsNumber(v) ? v->valuedouble : -1;
}

/* Lines of visible text under `min` of key k; each is reported. */
static size_t count_under(const cJSON *root, const char *k, double min, const char *what)
{
    size_t bad = 0, texts = 0;
    const cJSON *t;
    cJSON_ArrayForEach(t, cJSON_GetObjectItem(root, "texts"))
    {
        if (!cJSON_IsTrue(cJSON_GetObjectItem(t, "visible")))
            continue;
        texts++;
        if (num(t, k) < min) {
            bad++;
            if (!quiet)
                fprintf(stderr, "%s %s: \"%s\" %s %.2f (fg %s on %s)\n", what,
                    cJSON_GetObjectItem(root, "screen")->valuestring,
                    cJSON_GetObjectItem(t, "text")->valuestring, k, num(t, k),
                    cJSON_GetObjectItem(t, "fg")->valuestring,
                    cJSON_GetObjectItem(t, "bg")->valuestring);
        }
    }
    assert_true(texts > 0); /* a screen says something */
    return bad;
}

/* Every screen at every size with choices `bits`: lines under min of k. */
static size_t every_screen(unsigned bits, const char *k, double min, const char *what)
{
    char *names[512];
    size_t n = support_screens(S.c, names, 512), bad = 0;
    for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
        for (size_t i = 0; i < n; i++) {
            app *a = support_app_access(&S, names[i], sizes[s].w, sizes[s].h, sizes[s].dpi, 0,
                                        bits);
            assert_non_null(a);
            cJSON *root = account(a, names[i], sizes[s].w, sizes[s].h, sizes[s].dpi);
            bad += count_under(root, k, min, what);
            cJSON_Delete(root);
            /* The panel of choices over the page. */
            if (i == 0) {
                support_tap(a, VIEW_ACT_ACCESS, 3000);
                assert_true(app_access_open(a));
                root = account(a, names[i], sizes[s].w, sizes[s].h, sizes[s].dpi);
                bad += count_under(root, k, min, what);
                cJSON_Delete(root);
            }
            app_destroy(a);
        }
        /* The reset warning over a page. */
        app_config cfg;
        app_config_defaults(&cfg);
        cfg.attract_after_ms = 60000;
        lay_env env = { .w = sizes[s].w, .h = sizes[s].h, .dpi = sizes[s].dpi,
                           .measure = fontset_measure(S.fonts) };
        app *a = app_create(S.c, &cfg, &env, 0);
        assert_non_null(a);
        assert_true(app_goto(a, names[0], 0));
        app_access acc = app_access_from_bits(bits);
        app_set_access(a, &acc);
        app_update(a, 50000);
        assert_true(app_reset_warning(a) > 0);
        cJSON *root = account(a, names[0], sizes[s].w, sizes[s].h, sizes[s].dpi);
        /* The page under the veil is not meant to be read: the warning's
         * own lines are the last two. */
        cJSON *texts = cJSON_GetObjectItem(root, "texts");
        int nt = cJSON_GetArraySize(texts);
        for (int i = 0; i < nt - 2; i++)
            cJSON_ReplaceItemInObject(cJSON_GetArrayItem(texts, i), "visible",
                                      cJSON_CreateFalse());
        bad += count_under(root, k, min, what);
        cJSON_Delete(root);
        app_destroy(a);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    return bad;
}

static void high_contrast_is_7_to_1(void **state)
{
    (void)state;
    unsigned hc = 1u << VIEW_ACCESS_HIGH_CONTRAST;
    assert_int_equal(every_screen(hc, "contrast", 7.0, "high contrast"), 0);
    /* With the other choices too (the bar at the bottom, larger text). */
    assert_int_equal(every_screen(hc | (1u << VIEW_ACCESS_LARGE_TEXT) | (1u << VIEW_ACCESS_REACH),
                                  "contrast", 7.0, "high contrast"),
                     0);
}

/* The test can fail: without the choice the shipped theme has lines under
 * 7:1 (muted text, the accent on a surface). */
static void plain_theme_is_not(void **state)
{
    (void)state;
    quiet = true;
    size_t bad = every_screen(0, "contrast", 7.0, "plain theme");
    quiet = false;
    assert_true(bad > 0);
}

static void large_text_is_0_7_degrees(void **state)
{
    (void)state;
    unsigned large = 1u << VIEW_ACCESS_LARGE_TEXT;
    /* 0.7 degrees are 42 minutes of arc. */
    assert_int_equal(every_screen(large, "cap_arcmin", 42.0 - 0.05, "large text"), 0);
    assert_int_equal(every_screen(large | (1u << VIEW_ACCESS_REACH), "cap_arcmin", 42.0 - 0.05,
                                  "large text"),
                     0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(high_contrast_is_7_to_1),
        cmocka_unit_test(large_text_is_0_7_degrees),
    };
    const struct CMUnitTest control[] = { cmocka_unit_test(plain_theme_is_not) };
    int failed = cmocka_run_group_tests_name("access", tests, setup, teardown);
    failed += cmocka_run_group_tests_name("access-three", tests, setup_three, teardown);
    failed += cmocka_run_group_tests_name("access-extreme", tests, setup_extreme, teardown);
    failed += cmocka_run_group_tests_name("access-control", control, setup, teardown);
    return failed;
}
