/* test_app.c - whole visitor journeys through the pure app in simulated time:
 * attract -> wake -> every screen -> idle -> attract, the wake touch not
 * pressing through, swipes, inertial scroll, keyboard, loop mode, storms. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"

static float fake_width(void *ctx, scene_font f, float px, const char *s, size_t len)
{
    (void)ctx;
    (void)s;
    return (f == FONT_BOLD ? 0.58f : 0.55f) * px * (float)len;
}

static float fake_height(void *ctx, scene_font f, float px)
{
    (void)ctx;
    (void)f;
    return 1.2f * px;
}

typedef struct {
    content *c;
    app *a;
    uint64_t now;
    int w, h;
} journey;

static content *load_shipped(void)
{
    content_report rep;
    content_report_init(&rep);
    content *c = content_load("content", &rep);
    if (!c)
        content_report_print(&rep, stderr);
    content_report_deinit(&rep);
    return c;
}

static journey *start(int w, int h, unsigned attract_after_ms, bool loop)
{
    journey *j = calloc(1, sizeof *j);
    j->c = load_shipped();
    assert_non_null(j->c);
    app_config cfg;
    app_config_defaults(&cfg);
    cfg.attract_after_ms = attract_after_ms;
    cfg.loop = loop;
    layout_env env = { .w = w, .h = h, .dpi = 0, .measure = { .text_width = fake_width, .line_height = fake_height }, .distance_cm = 0 };
    j->w = w;
    j->h = h;
    j->a = app_create(j->c, &cfg, &env, 0);
    assert_non_null(j->a);
    return j;
}

static void finish(journey *j)
{
    app_destroy(j->a);
    content_destroy(j->c);
    free(j);
}

/* Advance simulated time at 60 Hz, laying out like the real loop. */
static void run(journey *j, uint64_t ms)
{
    uint64_t end = j->now + ms;
    while (j->now < end) {
        j->now += 16;
        app_update(j->a, j->now);
        (void)app_scene(j->a);
        char why[256] = "";
        if (!app_check(j->a, why, sizeof why))
            fail_msg("invariant broken: %s", why);
    }
}

static void pointer(journey *j, input_kind k, float x, float y)
{
    input_event ev = { .kind = k, .t_ms = j->now, .pointer = 7, .x = x, .y = y };
    app_input(j->a, &ev);
}

static void tap(journey *j, float x, float y)
{
    pointer(j, INPUT_DOWN, x, y);
    run(j, 64);
    pointer(j, INPUT_UP, x, y);
    run(j, 400); /* let the transition finish */
}

static void key(journey *j, input_key k)
{
    input_event ev = { .kind = INPUT_KEY, .t_ms = j->now, .key = k };
    app_input(j->a, &ev);
    run(j, 400);
}

static void drag(journey *j, float x0, float y0, float x1, float y1, uint64_t ms)
{
    pointer(j, INPUT_DOWN, x0, y0);
    for (uint64_t t = 16; t <= ms; t += 16) {
        run(j, 16);
        float f = (float)t / (float)ms;
        pointer(j, INPUT_MOVE, x0 + (x1 - x0) * f, y0 + (y1 - y0) * f);
    }
    pointer(j, INPUT_UP, x1, y1);
}

/* Centre of the first enabled hit region with this action (and arg >= 0). */
static bool find_hit(journey *j, int action, int arg, float *x, float *y)
{
    const scene *s = app_scene(j->a);
    for (size_t i = 0; i < s->count; i++) {
        const scene_cmd *c = &s->cmds[i];
        if (c->kind != SCENE_HIT || c->action != action || (arg >= 0 && c->arg != arg) ||
            (c->flags & SCENE_F_DISABLED))
            continue;
        od_rect r = c->rect;
        if (c->clip >= 0)
            r = od_rect_intersect(r, s->clips[c->clip]);
        if (r.w <= 0 || r.h <= 0)
            continue;
        *x = r.x + r.w / 2;
        *y = r.y + r.h / 2;
        return true;
    }
    return false;
}

static void drag(journey *j, float x0, float y0, float x1, float y1, uint64_t ms);

/* Tap the control for action/arg, scrolling down to it first as a visitor
 * would when it lies below the fold. */
static void tap_action(journey *j, int action, int arg)
{
    float x, y;
    for (int i = 0; i < 20 && !find_hit(j, action, arg, &x, &y); i++) {
        drag(j, (float)j->w / 2, (float)j->h * 0.85f, (float)j->w / 2, (float)j->h * 0.45f, 300);
        run(j, 1500);
    }
    if (!find_hit(j, action, arg, &x, &y))
        fail_msg("no visible hit region for action %d arg %d", action, arg);
    tap(j, x, y);
}

static void expect(journey *j, const char *name)
{
    char now[600];
    app_place_name(j->a, now, sizeof now);
    if (strcmp(now, name))
        fail_msg("expected screen %s, on %s", name, now);
}

static void wake(journey *j)
{
    tap(j, (float)j->w / 2, (float)j->h / 2);
    expect(j, "home");
}

static void attract_cycles_and_wakes(void **state)
{
    (void)state;
    journey *j = start(800, 480, 90000, false);
    expect(j, "attract");
    app_info info;
    app_get_info(j->a, &info);
    size_t first = info.slide;
    run(j, j->c->slide_ms + 100);
    app_get_info(j->a, &info);
    assert_int_equal(info.slide, (first + 1) % j->c->n_slides);
    assert_true(app_animating(j->a));
    wake(j);
    app_get_info(j->a, &info);
    assert_int_equal(info.history, 0);
    finish(j);
}

static void wake_touch_does_not_press_through(void **state)
{
    (void)state;
    journey *j = start(800, 480, 90000, false);
    /* Find where Home's first degree card will be, then wake on that spot. */
    assert_true(app_goto(j->a, "home", j->now));
    float x, y;
    assert_true(find_hit(j, ACT_DEGREE, 0, &x, &y));
    assert_true(app_goto(j->a, "attract", j->now));
    run(j, 100);
    pointer(j, INPUT_DOWN, x, y);
    run(j, 300);                 /* Home has appeared under the finger */
    expect(j, "home");
    pointer(j, INPUT_MOVE, x + 1, y);
    pointer(j, INPUT_UP, x, y);  /* the lift must not open the card */
    run(j, 400);
    expect(j, "home");
    app_info info;
    app_get_info(j->a, &info);
    assert_false(info.pressed);
    finish(j);
}

static void every_screen_and_back(void **state)
{
    (void)state;
    journey *j = start(800, 480, 90000, false);
    wake(j);
    tap_action(j, ACT_DEGREE, 0);
    expect(j, "degree:music-production");
    tap_action(j, ACT_BACK, -1);
    expect(j, "home");
    tap_action(j, ACT_DEGREE, 1);
    expect(j, "degree:music-technology");
    tap_action(j, ACT_HOME, -1);
    expect(j, "home");
    tap_action(j, ACT_COMPARE, -1);
    expect(j, "compare:music-production,music-technology");
    tap_action(j, ACT_BACK, -1);
    tap_action(j, ACT_CAREERS, -1);
    expect(j, "careers");
    size_t game = content_find_career(j->c, "game-audio-designer");
    assert_true(game != (size_t)-1);
    /* The career may be below the fold: tap_action scrolls to it. */
    tap_action(j, ACT_CAREER, (int)game);
    expect(j, "career:game-audio-designer");
    tap_action(j, ACT_DEGREE, -1);
    char name[600];
    app_place_name(j->a, name, sizeof name);
    assert_true(!strncmp(name, "degree:", 7));
    tap_action(j, ACT_BACK, -1);
    expect(j, "career:game-audio-designer");
    tap_action(j, ACT_BACK, -1);
    expect(j, "careers");
    tap_action(j, ACT_HOME, -1);
    tap_action(j, ACT_BABS, -1);
    expect(j, "ba-bs");
    tap_action(j, ACT_HOME, -1);
    tap_action(j, ACT_ABOUT, -1);
    expect(j, "about");
    finish(j);
}

static void back_disabled_on_home(void **state)
{
    (void)state;
    journey *j = start(800, 480, 90000, false);
    wake(j);
    float x, y;
    assert_false(find_hit(j, ACT_BACK, -1, &x, &y));
    assert_true(find_hit(j, ACT_HOME, -1, &x, &y));
    finish(j);
}

static void idle_returns_to_attract(void **state)
{
    (void)state;
    journey *j = start(800, 480, 5000, false);
    wake(j);
    tap_action(j, ACT_DEGREE, 0);
    run(j, 4000);
    expect(j, "degree:music-production");
    run(j, 1500);
    expect(j, "attract");
    app_info info;
    app_get_info(j->a, &info);
    assert_int_equal(info.history, 0);
    assert_true(app_wait_ms(j->a, j->now) == 0); /* attract animates */
    finish(j);
}

static void held_finger_is_not_idle(void **state)
{
    (void)state;
    journey *j = start(800, 480, 2000, false);
    wake(j);
    pointer(j, INPUT_DOWN, 400, 300);
    run(j, 5000);
    expect(j, "home");
    pointer(j, INPUT_UP, 400, 300);
    run(j, 2500);
    expect(j, "attract");
    finish(j);
}

static void swipe_between_siblings(void **state)
{
    (void)state;
    journey *j = start(800, 480, 90000, false);
    wake(j);
    tap_action(j, ACT_DEGREE, 0);
    drag(j, 600, 300, 150, 300, 150); /* leftward stroke: next card */
    run(j, 400);
    expect(j, "degree:music-technology");
    drag(j, 150, 300, 600, 300, 150); /* rightward: previous */
    run(j, 400);
    expect(j, "degree:music-production");
    drag(j, 600, 300, 560, 300, 150); /* too short: nothing */
    run(j, 400);
    expect(j, "degree:music-production");
    finish(j);
}

static void scroll_has_inertia(void **state)
{
    (void)state;
    journey *j = start(800, 480, 90000, false);
    assert_true(app_goto(j->a, "careers", 0));
    run(j, 100);
    app_info info;
    app_get_info(j->a, &info);
    assert_true(info.scroll_max > 100); /* 14 careers do not fit 480 px */
    drag(j, 400, 420, 400, 300, 100);   /* quick flick upwards */
    run(j, 16);
    app_get_info(j->a, &info);
    float at_release = info.scroll;
    assert_true(at_release > 50);
    run(j, 200);
    app_get_info(j->a, &info);
    assert_true(info.scroll > at_release + 10); /* keeps coasting */
    run(j, 3000);
    float settled = info.scroll;
    app_get_info(j->a, &info);
    settled = info.scroll;
    assert_true(settled >= 0 && settled <= info.scroll_max + 0.5f);
    run(j, 500);
    app_get_info(j->a, &info);
    assert_true(fabsf(info.scroll - settled) < 0.01f); /* stopped */
    assert_false(app_animating(j->a));
    /* A flick far past the top springs back to 0. */
    drag(j, 400, 100, 400, 470, 80);
    run(j, 3000);
    app_get_info(j->a, &info);
    assert_true(fabsf(info.scroll) < 0.5f);
    finish(j);
}

static void press_feedback_and_cancel(void **state)
{
    (void)state;
    journey *j = start(800, 480, 90000, false);
    wake(j);
    float x, y;
    assert_true(find_hit(j, ACT_DEGREE, 0, &x, &y));
    pointer(j, INPUT_DOWN, x, y);
    run(j, 32);
    app_info info;
    app_get_info(j->a, &info);
    assert_true(info.pressed);
    pointer(j, INPUT_MOVE, x, y - 80); /* became a drag */
    app_get_info(j->a, &info);
    assert_false(info.pressed);
    pointer(j, INPUT_UP, x, y - 80);
    run(j, 400);
    expect(j, "home");
    finish(j);
}

static void keyboard_journey(void **state)
{
    (void)state;
    journey *j = start(800, 480, 90000, false);
    key(j, KEY_ACTIVATE); /* wakes */
    expect(j, "home");
    /* Tab to the first focusable thing that opens a degree, then Enter. */
    for (int i = 0; i < 12; i++) {
        key(j, KEY_NEXT);
        key(j, KEY_ACTIVATE);
        char name[600];
        app_place_name(j->a, name, sizeof name);
        if (strcmp(name, "home"))
            break;
    }
    char name[600];
    app_place_name(j->a, name, sizeof name);
    assert_string_not_equal(name, "home");
    key(j, KEY_BACK);
    expect(j, "home");
    assert_true(app_goto(j->a, "degree:music-production", j->now));
    key(j, KEY_RIGHT);
    expect(j, "degree:music-technology");
    key(j, KEY_LEFT);
    expect(j, "degree:music-production");
    key(j, KEY_HOME);
    expect(j, "home");
    finish(j);
}

static void loop_mode_ignores_input(void **state)
{
    (void)state;
    journey *j = start(800, 480, 1000, true);
    tap(j, 400, 240);
    key(j, KEY_ACTIVATE);
    run(j, 60000);
    expect(j, "attract");
    finish(j);
}

static void storm_keeps_invariants(void **state)
{
    (void)state;
    journey *j = start(800, 480, 3000, false);
    srand(42);
    for (int i = 0; i < 20000; i++) {
        input_event ev;
        memset(&ev, 0, sizeof ev);
        ev.kind = (input_kind)(rand() % 6);
        ev.t_ms = j->now;
        ev.pointer = rand() % 4 - 1;
        ev.x = (float)(rand() % 1000) - 100.0f;
        ev.y = (float)(rand() % 700) - 100.0f;
        if (rand() % 50 == 0)
            ev.x = NAN;
        ev.key = (input_key)(rand() % KEY_COUNT);
        ev.dy = (float)(rand() % 200) - 100.0f;
        app_input(j->a, &ev);
        if (i % 7 == 0)
            run(j, 16);
        char why[256];
        if (!app_check(j->a, why, sizeof why))
            fail_msg("after event %d: %s", i, why);
    }
    input_event cancel = { .kind = INPUT_CANCEL, .t_ms = j->now };
    app_input(j->a, &cancel);
    run(j, 4000);
    expect(j, "attract");
    finish(j);
}

static void resize_relayouts(void **state)
{
    (void)state;
    journey *j = start(800, 480, 90000, false);
    wake(j);
    app_resize(j->a, 720, 1280);
    assert_true(app_dirty(j->a));
    const scene *s = app_scene(j->a);
    bool wide = false;
    for (size_t i = 0; i < s->count; i++)
        if (s->cmds[i].rect.x + s->cmds[i].rect.w > 721)
            wide = true;
    assert_false(wide);
    finish(j);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(attract_cycles_and_wakes),
        cmocka_unit_test(wake_touch_does_not_press_through),
        cmocka_unit_test(every_screen_and_back),
        cmocka_unit_test(back_disabled_on_home),
        cmocka_unit_test(idle_returns_to_attract),
        cmocka_unit_test(held_finger_is_not_idle),
        cmocka_unit_test(swipe_between_siblings),
        cmocka_unit_test(scroll_has_inertia),
        cmocka_unit_test(press_feedback_and_cancel),
        cmocka_unit_test(keyboard_journey),
        cmocka_unit_test(loop_mode_ignores_input),
        cmocka_unit_test(storm_keeps_invariants),
        cmocka_unit_test(resize_relayouts),
    };
    return cmocka_run_group_tests_name("app", tests, NULL, NULL);
}
