/* test_dump.c - the account of a frame (dump.h) and the names of actions
 * (view_action_name): hand-made scenes with known colours, clips and
 * covers, and a real Home laid out on the fixture content with the fake
 * measurer. No SDL, no fonts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "app.h"
#include "dump.h"
#include "fixture.h"

static content *C;

static int setup(void **state)
{
    (void)state;
    C = fixture_content();
    return C ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    fixture_free(C);
    return 0;
}

static lay_env env_at(float dpi, float distance_cm)
{
    lay_env e = { .w = 800, .h = 480, .dpi = dpi, .measure = fixture_measure(),
                     .distance_cm = distance_cm };
    return e;
}

/* The account of f, parsed back (the caller deletes it). */
static cJSON *parsed(const dump_frame *f)
{
    char *json = dump_json(f);
    assert_non_null(json);
    cJSON *root = cJSON_Parse(json);
    dump_free(json);
    assert_non_null(root);
    return root;
}

/* The JSON of scene (and overlay) on a black screen, parsed. */
static cJSON *account(const scene *s, const scene *over, const lay_env *env,
                      const dump_target *extra, size_t n_extra)
{
    dump_frame f = { "home", env, C, s, over, od_rgba(0, 0, 0, 255), extra, n_extra };
    return parsed(&f);
}

static const cJSON *item(const cJSON *root, const char *list, int i)
{
    const cJSON *it = cJSON_GetArrayItem(cJSON_GetObjectItem(root, list), i);
    assert_non_null(it);
    return it;
}

static double num(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItem(o, key);
    assert_true(cJSON_IsNumber(v));
    return v->valuedouble;
}

static const char *str(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItem(o, key);
    assert_true(cJSON_IsString(v));
    return v->valuestring;
}

static bool flag(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItem(o, key);
    assert_true(cJSON_IsBool(v));
    return cJSON_IsTrue(v);
}

static void text(scene *s, float x, float y, float w, float h, od_color c, const char *t)
{
    scene_text(s, x, y, w, h, SCENE_FONT_REGULAR, 20, c, t, strlen(t));
}

static const od_color WHITE = { 255, 255, 255, 255 };

static void header_keys(void **state)
{
    (void)state;
    scene s;
    scene_init(&s);
    lay_env env = env_at(254.0f, 0); /* 10 px per mm; the default distance */
    cJSON *root = account(&s, NULL, &env, NULL, 0);
    assert_string_equal(str(root, "screen"), "home");
    const cJSON *size = cJSON_GetObjectItem(root, "size");
    assert_int_equal(cJSON_GetArraySize(size), 2);
    assert_int_equal(cJSON_GetArrayItem(size, 0)->valueint, 800);
    assert_int_equal(cJSON_GetArrayItem(size, 1)->valueint, 480);
    assert_float_equal(num(root, "px_per_mm"), 10.0, 1e-9);
    assert_float_equal(num(root, "distance_cm"), 60.0, 1e-9);
    assert_string_equal(str(root, "clear"), "#000000");
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(root, "texts")), 0);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(root, "targets")), 0);
    cJSON_Delete(root);
    scene_deinit(&s);
}

/* White on black is the largest contrast there is, 21; the cap height is
 * the measurer's (0.7 of 20 px) in millimetres. */
static void text_facts(void **state)
{
    (void)state;
    scene s;
    scene_init(&s);
    text(&s, 10, 10, 55, 24, WHITE, "Hello");
    lay_env env = env_at(254.0f, 100.0f);
    cJSON *root = account(&s, NULL, &env, NULL, 0);
    const cJSON *t = item(root, "texts", 0);
    assert_string_equal(str(t, "text"), "Hello");
    assert_float_equal(num(t, "x"), 10, 1e-9);
    assert_float_equal(num(t, "w"), 55, 1e-9);
    assert_float_equal(num(t, "px"), 20, 1e-9);
    assert_float_equal(num(t, "cap_mm"), 1.4, 1e-9);
    /* 1.4 mm at 1 m: 4.8 minutes of arc. */
    assert_float_equal(num(t, "cap_arcmin"), 4.8, 1e-9);
    assert_string_equal(str(t, "fg"), "#ffffff");
    assert_string_equal(str(t, "bg"), "#000000");
    assert_float_equal(num(t, "contrast"), 21.0, 1e-9);
    assert_true(flag(t, "visible"));
    assert_false(flag(t, "overlay"));
    cJSON_Delete(root);
    scene_deinit(&s);
}

/* bg is what the rectangles under the text's centre composite to; a
 * translucent text is blended over it before the ratio is taken. */
static void backgrounds_and_blending(void **state)
{
    (void)state;
    scene s;
    scene_init(&s);
    scene_rect(&s, (od_rect){ 0, 0, 400, 200 }, od_rgba(255, 0, 0, 255), 0);
    scene_rect(&s, (od_rect){ 0, 100, 400, 100 }, od_rgba(255, 255, 255, 128), 0);
    text(&s, 10, 10, 50, 24, WHITE, "on red");
    text(&s, 10, 120, 50, 24, od_rgba(0, 0, 0, 255), "on pink");
    text(&s, 500, 10, 50, 24, od_rgba(255, 255, 255, 0), "faded out");
    text(&s, 500, 100, 50, 24, od_rgba(255, 255, 255, 128), "half faded");
    lay_env env = env_at(0, 0);
    cJSON *root = account(&s, NULL, &env, NULL, 0);
    const cJSON *red = item(root, "texts", 0), *pink = item(root, "texts", 1);
    assert_string_equal(str(red, "bg"), "#ff0000");
    assert_float_equal(num(red, "contrast"), 4.0, 1e-9);
    assert_string_equal(str(pink, "bg"), "#ff8080");
    assert_false(flag(item(root, "texts", 2), "visible"));
    assert_float_equal(num(item(root, "texts", 2), "contrast"), 1.0, 1e-9);
    /* White at half alpha on black is #808080 on black. */
    assert_float_equal(num(item(root, "texts", 3), "contrast"),
                       round(dump_contrast(od_rgba(128, 128, 128, 255), od_rgba(0, 0, 0, 255)) *
                             100) / 100,
                       1e-9);
    assert_true(flag(item(root, "texts", 3), "visible"));
    assert_float_equal(num(root, "px_per_mm"), round(LAY_DEFAULT_DPI / 25.4 * 1000) / 1000,
                       1e-9);
    cJSON_Delete(root);
    scene_deinit(&s);
}

/* Half off the screen, outside its clip, under a later opaque rectangle:
 * not visible. Under a translucent one, or an earlier opaque one: visible. */
static void visibility(void **state)
{
    (void)state;
    scene s;
    scene_init(&s);
    text(&s, 775, 10, 50, 24, WHITE, "half off");
    scene_push_clip(&s, (od_rect){ 0, 100, 800, 50 });
    text(&s, 10, 130, 50, 24, WHITE, "clipped");
    text(&s, 10, 110, 50, 24, WHITE, "inside the clip");
    scene_pop_clip(&s);
    text(&s, 10, 300, 50, 24, WHITE, "covered");
    text(&s, 10, 400, 50, 24, WHITE, "veiled");
    scene_rect(&s, (od_rect){ 40, 310, 100, 40 }, od_rgba(9, 9, 9, 255), 0);
    scene_rect(&s, (od_rect){ 0, 395, 100, 40 }, od_rgba(9, 9, 9, 200), 0);
    text(&s, 50, 320, 50, 24, WHITE, "on top");
    lay_env env = env_at(0, 0);
    cJSON *root = account(&s, NULL, &env, NULL, 0);
    const char *names[] = { "half off", "clipped", "inside the clip", "covered", "veiled",
                            "on top" };
    const bool want[] = { false, false, true, false, true, true };
    for (int i = 0; i < 6; i++) {
        const cJSON *t = item(root, "texts", i);
        assert_string_equal(str(t, "text"), names[i]);
        if (flag(t, "visible") != want[i])
            fail_msg("\"%s\" should%s be visible", names[i], want[i] ? "" : " not");
    }
    cJSON_Delete(root);
    scene_deinit(&s);
}

/* A page's rectangle scrolled wholly out of its clip paints nothing, so it
 * covers nothing: with the bar at the bottom (portrait) the page is drawn
 * after the bar, and the part of it below the fold lies where the bar is.
 * The account once called the bar's "Back" hidden there. */
static void clipped_away_covers_nothing(void **state)
{
    (void)state;
    scene s;
    scene_init(&s);
    text(&s, 50, 747, 65, 33, WHITE, "Back");
    scene_push_clip(&s, (od_rect){ 0, 0, 480, 532 });
    scene_rect(&s, (od_rect){ 36, 768, 40, 4.5f }, od_rgba(200, 90, 60, 255), 0);
    scene_pop_clip(&s);
    lay_env env = env_at(0, 0);
    env.w = 480;
    env.h = 800;
    cJSON *root = account(&s, NULL, &env, NULL, 0);
    assert_true(flag(item(root, "texts", 0), "visible"));
    cJSON_Delete(root);
    scene_deinit(&s);
}

/* Targets carry what a tap does; one whose centre is under a later opaque
 * rectangle is not visible; the overlay covers the scene, and the extra
 * targets (the keypad) are the overlay's. */
static void targets_and_overlay(void **state)
{
    (void)state;
    scene s, over;
    scene_init(&s);
    scene_init(&over);
    scene_hit(&s, (od_rect){ 0, 0, 100, 50 }, VIEW_ACT_BACK, 0);
    scene_hit(&s, (od_rect){ 100, 0, 100, 50 }, VIEW_ACT_DEGREE, 1);
    scene_hit(&s, (od_rect){ 200, 0, 100, 50 }, VIEW_ACT_COMPARE, 0)->flags |= SCENE_F_DISABLED;
    scene_hit(&s, (od_rect){ 300, 0, 100, 50 }, VIEW_ACT_PICK_LEFT, 0);
    scene_hit(&s, (od_rect){ 0, 300, 100, 50 }, VIEW_ACT_HOME, 0);
    scene_rect(&s, (od_rect){ 0, 300, 100, 30 }, od_rgba(1, 2, 3, 255), 0);
    text(&s, 10, 400, 50, 24, WHITE, "under the overlay");
    scene_rect(&over, (od_rect){ 0, 380, 800, 100 }, od_rgba(20, 20, 20, 255), 0);
    text(&over, 10, 400, 50, 24, WHITE, "keypad");
    dump_target keys[1] = { { { 300, 400, 60, 60 }, "pin 1" } };
    lay_env env = env_at(0, 0);
    cJSON *root = account(&s, &over, &env, keys, 1);
    char want[80];
    assert_string_equal(str(item(root, "targets", 0), "action"), "back");
    snprintf(want, sizeof want, "open degree:%s", C->degrees[1].id);
    assert_string_equal(str(item(root, "targets", 1), "action"), want);
    assert_string_equal(str(item(root, "targets", 2), "action"), "screen compare");
    assert_false(flag(item(root, "targets", 2), "enabled"));
    snprintf(want, sizeof want, "pick first degree:%s", C->degrees[0].id);
    assert_string_equal(str(item(root, "targets", 3), "action"), want);
    assert_true(flag(item(root, "targets", 3), "visible"));
    assert_false(flag(item(root, "targets", 4), "visible"));
    const cJSON *pin = item(root, "targets", 5);
    assert_string_equal(str(pin, "action"), "pin 1");
    assert_true(flag(pin, "overlay"));
    assert_true(flag(pin, "visible"));
    assert_false(flag(item(root, "texts", 0), "visible"));
    assert_true(flag(item(root, "texts", 1), "visible"));
    assert_true(flag(item(root, "texts", 1), "overlay"));
    assert_string_equal(str(item(root, "texts", 1), "bg"), "#141414");
    cJSON_Delete(root);
    scene_deinit(&s);
    scene_deinit(&over);
}

static void action_names(void **state)
{
    (void)state;
    char buf[120], want[120];
    view_action_name(VIEW_ACT_WAKE, 0, C, buf, sizeof buf);
    assert_string_equal(buf, "wake");
    view_action_name(VIEW_ACT_CAREER, 0, C, buf, sizeof buf);
    snprintf(want, sizeof want, "open career:%s", C->careers[0].id);
    assert_string_equal(buf, want);
    view_action_name(VIEW_ACT_PICK_RIGHT, 1, C, buf, sizeof buf);
    snprintf(want, sizeof want, "pick second degree:%s", C->degrees[1].id);
    assert_string_equal(buf, want);
    view_action_name(VIEW_ACT_OPEN, VIEW_SCREEN_BABS, C, buf, sizeof buf);
    assert_string_equal(buf, "screen ba-bs");
    view_action_name(VIEW_ACT_CAREERS, 0, NULL, buf, sizeof buf);
    assert_string_equal(buf, "screen careers");
    view_action_name(VIEW_ACT_DEGREE, 99, C, buf, sizeof buf);
    assert_string_equal(buf, "open degree #99 (missing)");
    view_action_name(VIEW_ACT_DEGREE, 1, NULL, buf, sizeof buf);
    assert_string_equal(buf, "open degree #1");
    view_action_name(4242, 7, C, buf, sizeof buf);
    assert_string_equal(buf, "action 4242 arg 7");
}

/* A real screen: Home on the fixture content names the site, opens every
 * degree and Compare, and everything on it is on screen. */
static void home_account(void **state)
{
    (void)state;
    app_config cfg;
    app_config_defaults(&cfg);
    lay_env env = env_at(0, 0);
    app *a = app_create(C, &cfg, &env, 0);
    assert_non_null(a);
    assert_true(app_goto(a, "home", 0));
    app_update(a, 2000);
    const scene *s = app_scene(a);
    dump_frame f = { "home", &env, C, s, NULL, C->colors[CONTENT_COLOR_BACKGROUND], NULL, 0 };
    cJSON *root = parsed(&f);
    bool title = false, compare = false;
    size_t degrees = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, cJSON_GetObjectItem(root, "texts"))
        title = title || (!strcmp(str(it, "text"), C->title) && flag(it, "visible"));
    cJSON_ArrayForEach(it, cJSON_GetObjectItem(root, "targets")) {
        const char *act = str(it, "action");
        compare = compare || !strcmp(act, "screen compare");
        degrees += !strncmp(act, "open degree:", 12);
    }
    assert_true(title);
    assert_true(compare);
    assert_true(degrees >= C->n_degrees);
    cJSON_Delete(root);
    app_destroy(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(header_keys),
        cmocka_unit_test(text_facts),
        cmocka_unit_test(backgrounds_and_blending),
        cmocka_unit_test(visibility),
        cmocka_unit_test(clipped_away_covers_nothing),
        cmocka_unit_test(targets_and_overlay),
        cmocka_unit_test(action_names),
        cmocka_unit_test(home_account),
    };
    return cmocka_run_group_tests_name("dump", tests, setup, teardown);
}
