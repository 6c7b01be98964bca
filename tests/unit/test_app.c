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
#include "fixture.h"
#include "journey.h"

static journey *start_cfg(int w, int h, const app_config *cfg);

static journey *start(int w, int h, unsigned attract_after_ms, bool loop)
{
    app_config cfg;
    app_config_defaults(&cfg);
    cfg.attract_after_ms = attract_after_ms;
    cfg.loop = loop;
    return start_cfg(w, h, &cfg);
}

static journey *start_cfg(int w, int h, const app_config *cfgp)
{
    return journey_start(w, h, cfgp, fixture_measure_bold());
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
        /* Not covered by something on top (the accessibility panel). */
        if (scene_hit_test(s, r.x + r.w / 2, r.y + r.h / 2) != c)
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
    /* Down first, then back up (a control scrolled past). */
    for (int i = 0; i < 40 && !find_hit(j, action, arg, &x, &y); i++) {
        float y0 = (float)j->h * (i < 20 ? 0.85f : 0.45f);
        float y1 = (float)j->h * (i < 20 ? 0.45f : 0.85f);
        drag(j, (float)j->w / 2, y0, (float)j->w / 2, y1, 300);
        run(j, 1500);
    }
    if (!find_hit(j, action, arg, &x, &y)) {
        const scene *s = app_scene(j->a);
        for (size_t i = 0; i < s->count; i++)
            if (s->cmds[i].kind == SCENE_HIT)
                fprintf(stderr, "hit %d %d at %.0f,%.0f %.0fx%.0f clip %d\n", s->cmds[i].action,
                        s->cmds[i].arg, (double)s->cmds[i].rect.x, (double)s->cmds[i].rect.y,
                        (double)s->cmds[i].rect.w, (double)s->cmds[i].rect.h, s->cmds[i].clip);
        fail_msg("no visible hit region for action %d arg %d", action, arg);
    }
    tap(j, x, y);
}

static void wake(journey *j)
{
    tap(j, (float)j->w / 2, (float)j->h / 2);
    expect_place(j, "home");
}

static void attract_cycles_and_wakes(void **state)
{
    (void)state;
    journey *j = start(800, 480, 90000, false);
    expect_place(j, "attract");
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
    assert_true(find_hit(j, VIEW_ACT_DEGREE, 0, &x, &y));
    assert_true(app_goto(j->a, "attract", j->now));
    run(j, 100);
    pointer(j, INPUT_DOWN, x, y);
    run(j, 300);                 /* Home has appeared under the finger */
    expect_place(j, "home");
    pointer(j, INPUT_MOVE, x + 1, y);
    pointer(j, INPUT_UP, x, y);  /* the lift must not open the card */
    run(j, 400);
    expect_place(j, "home");
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
    tap_action(j, VIEW_ACT_DEGREE, 0);
    expect_place(j, "degree:music-production");
    tap_action(j, VIEW_ACT_BACK, -1);
    expect_place(j, "home");
    tap_action(j, VIEW_ACT_DEGREE, 1);
    expect_place(j, "degree:music-technology");
    tap_action(j, VIEW_ACT_HOME, -1);
    expect_place(j, "home");
    tap_action(j, VIEW_ACT_COMPARE, -1);
    expect_place(j, "compare:music-production,music-technology");
    tap_action(j, VIEW_ACT_BACK, -1);
    tap_action(j, VIEW_ACT_CAREERS, -1);
    expect_place(j, "careers");
    size_t game = content_find_career(j->c, "game-audio-designer");
    assert_true(game != (size_t)-1);
    /* The career may be below the fold: tap_action scrolls to it. */
    tap_action(j, VIEW_ACT_CAREER, (int)game);
    expect_place(j, "career:game-audio-designer");
    tap_action(j, VIEW_ACT_DEGREE, -1);
    char name[600];
    app_place_name(j->a, name, sizeof name);
    assert_true(!strncmp(name, "degree:", 7));
    tap_action(j, VIEW_ACT_BACK, -1);
    expect_place(j, "career:game-audio-designer");
    tap_action(j, VIEW_ACT_BACK, -1);
    expect_place(j, "careers");
    tap_action(j, VIEW_ACT_HOME, -1);
    tap_action(j, VIEW_ACT_BABS, -1);
    expect_place(j, "ba-bs");
    tap_action(j, VIEW_ACT_HOME, -1);
    tap_action(j, VIEW_ACT_ABOUT, -1);
    expect_place(j, "about");
    finish(j);
}

static void back_disabled_on_home(void **state)
{
    (void)state;
    journey *j = start(800, 480, 90000, false);
    wake(j);
    float x, y;
    assert_false(find_hit(j, VIEW_ACT_BACK, -1, &x, &y));
    assert_true(find_hit(j, VIEW_ACT_HOME, -1, &x, &y));
    finish(j);
}

static void idle_returns_to_attract(void **state)
{
    (void)state;
    journey *j = start(800, 480, 5000, false);
    wake(j);
    tap_action(j, VIEW_ACT_DEGREE, 0);
    run(j, 4000);
    expect_place(j, "degree:music-production");
    run(j, 1500);
    expect_place(j, "attract");
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
    expect_place(j, "home");
    pointer(j, INPUT_UP, 400, 300);
    run(j, 2500);
    expect_place(j, "attract");
    finish(j);
}

static void swipe_between_siblings(void **state)
{
    (void)state;
    journey *j = start(800, 480, 90000, false);
    wake(j);
    tap_action(j, VIEW_ACT_DEGREE, 0);
    drag(j, 600, 300, 150, 300, 150); /* leftward stroke: next card */
    run(j, 400);
    expect_place(j, "degree:music-technology");
    drag(j, 150, 300, 600, 300, 150); /* rightward: previous */
    run(j, 400);
    expect_place(j, "degree:music-production");
    drag(j, 600, 300, 560, 300, 150); /* too short: nothing */
    run(j, 400);
    expect_place(j, "degree:music-production");
    finish(j);
}

/* A tap on the enabled hit region (action, arg) where it shows; false when
 * there is none. */
static bool tap_exact(journey *j, int action, int arg)
{
    const scene *s = app_scene(j->a);
    for (size_t i = 0; i < s->count; i++) {
        const scene_cmd *c = &s->cmds[i];
        if (c->kind != SCENE_HIT || c->action != action || c->arg != arg ||
            (c->flags & SCENE_F_DISABLED))
            continue;
        od_rect r = c->clip >= 0 ? od_rect_intersect(c->rect, s->clips[c->clip]) : c->rect;
        if (r.w <= 0 || r.h <= 0)
            continue;
        tap(j, r.x + r.w / 2, r.y + r.h / 2);
        return true;
    }
    return false;
}

/* A journey at 800x480 opened on Career paths, at the top of a list
 * longer than the screen (14 careers do not fit 480 px). */
static journey *start_on_careers(void)
{
    journey *j = start(800, 480, 90000, false);
    assert_true(app_goto(j->a, "careers", 0));
    run(j, 100);
    app_info info;
    app_get_info(j->a, &info);
    assert_true(info.scroll_max > 100);
    return j;
}

/* What a swipe or a drag does, a button does too (WCAG 2.5.1): Next and
 * Previous at the foot of a degree or career, More below and Scroll up on
 * a long page, and the keyboard's Page Down does what More below does. */
static void buttons_beside_gestures(void **state)
{
    (void)state;
    journey *j = start_on_careers();
    app_info info;
    assert_false(tap_exact(j, VIEW_ACT_SCROLL, -1)); /* at the top: no Scroll up */
    assert_true(tap_exact(j, VIEW_ACT_SCROLL, 1));
    run(j, 1500);
    app_get_info(j->a, &info);
    float one = info.scroll;
    assert_true(one > 100);
    assert_true(tap_exact(j, VIEW_ACT_SCROLL, -1));
    run(j, 1500);
    app_get_info(j->a, &info);
    assert_true(info.scroll < one - 100);
    key(j, INPUT_KEY_PAGE_DOWN);
    run(j, 1500);
    app_get_info(j->a, &info);
    assert_true(fabsf(info.scroll - one) < 1.0f);
    /* More below, again and again, reaches the end, where it goes away. */
    for (int k = 0; k < 50 && tap_exact(j, VIEW_ACT_SCROLL, 1); k++)
        run(j, 1500);
    app_get_info(j->a, &info);
    assert_true(fabsf(info.scroll - info.scroll_max) < 1.0f);

    /* Two degrees: one Next button, which goes round. */
    assert_true(app_goto(j->a, "degree:music-production", j->now));
    run(j, 100);
    for (int k = 0; k < 50 && tap_exact(j, VIEW_ACT_SCROLL, 1); k++)
        run(j, 1500);
    assert_false(tap_exact(j, VIEW_ACT_SIBLING, -1));
    /* The button names where it goes, in the content's words. */
    const scene *sc = app_scene(j->a);
    bool labelled = false;
    for (size_t i = 0; i < sc->count; i++)
        labelled |= sc->cmds[i].kind == SCENE_TEXT && sc->cmds[i].len == 22 &&
                    !memcmp(sc->cmds[i].text, "Next: Music Technology", 22);
    assert_true(labelled);
    assert_true(tap_exact(j, VIEW_ACT_SIBLING, 1));
    expect_place(j, "degree:music-technology");
    app_get_info(j->a, &info);
    assert_true(info.scroll < 1.0f); /* the next page opens at its top */
    /* Careers: Previous and Next. */
    assert_true(app_goto(j->a, "career:composer", j->now));
    run(j, 100);
    for (int k = 0; k < 50 && !tap_exact(j, VIEW_ACT_SIBLING, 1); k++)
        assert_true(tap_exact(j, VIEW_ACT_SCROLL, 1));
    expect_place(j, "career:film-tv-audio-designer");
    for (int k = 0; k < 50 && !tap_exact(j, VIEW_ACT_SIBLING, -1); k++)
        assert_true(tap_exact(j, VIEW_ACT_SCROLL, 1));
    expect_place(j, "career:composer");
    finish(j);
}

static void scroll_has_inertia(void **state)
{
    (void)state;
    journey *j = start_on_careers();
    app_info info;
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
    assert_true(find_hit(j, VIEW_ACT_DEGREE, 0, &x, &y));
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
    expect_place(j, "home");
    finish(j);
}

static void keyboard_journey(void **state)
{
    (void)state;
    journey *j = start(800, 480, 90000, false);
    key(j, INPUT_KEY_ACTIVATE); /* wakes */
    expect_place(j, "home");
    /* Tab to the first focusable thing that opens a degree, then Enter. */
    for (int i = 0; i < 12; i++) {
        key(j, INPUT_KEY_NEXT);
        key(j, INPUT_KEY_ACTIVATE);
        char name[600];
        app_place_name(j->a, name, sizeof name);
        if (strcmp(name, "home"))
            break;
    }
    char name[600];
    app_place_name(j->a, name, sizeof name);
    assert_string_not_equal(name, "home");
    key(j, INPUT_KEY_BACK);
    expect_place(j, "home");
    assert_true(app_goto(j->a, "degree:music-production", j->now));
    key(j, INPUT_KEY_RIGHT);
    expect_place(j, "degree:music-technology");
    key(j, INPUT_KEY_LEFT);
    expect_place(j, "degree:music-production");
    key(j, INPUT_KEY_HOME);
    expect_place(j, "home");
    finish(j);
}

static void loop_mode_ignores_input(void **state)
{
    (void)state;
    journey *j = start(800, 480, 1000, true);
    tap(j, 400, 240);
    key(j, INPUT_KEY_ACTIVATE);
    run(j, 60000);
    expect_place(j, "attract");
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
        ev.key = (input_key)(rand() % INPUT_KEY_COUNT);
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
    expect_place(j, "attract");
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

/* ---- the warning before the visit resets ------------------------------------ */

static journey *start_warned(unsigned attract_after_ms, unsigned warning_ms)
{
    app_config cfg;
    app_config_defaults(&cfg);
    cfg.attract_after_ms = attract_after_ms;
    cfg.reset_warning_ms = warning_ms;
    return start_cfg(800, 480, &cfg);
}

/* Run until the warning shows (at most ms), returning the time it took. */
static uint64_t run_until_warning(journey *j, uint64_t ms)
{
    uint64_t t0 = j->now;
    while (!app_reset_warning(j->a) && j->now - t0 < ms)
        run(j, 16);
    return j->now - t0;
}

static void warning_counts_down_each_second(void **state)
{
    (void)state;
    journey *j = start_warned(60000, 20000);
    wake(j);
    tap_action(j, VIEW_ACT_DEGREE, 0);
    /* The idle time left when it shows is the warning's length. */
    uint64_t took = run_until_warning(j, 70000);
    assert_true(took >= 39000 && took <= 40100);
    assert_int_equal(app_reset_warning(j->a), 20);
    /* Each second the number changes, and the app asks to be woken for
     * it (the real loop sleeps, simulated time jumps): never later. */
    for (unsigned want = 19; want >= 1; want--) {
        uint64_t wait = app_wait_ms(j->a, j->now);
        assert_true(wait > 0 && wait <= 1000);
        assert_true(app_skip_ms(j->a, j->now) == wait);
        run(j, wait + 16);
        assert_int_equal(app_reset_warning(j->a), want);
        expect_place(j, "degree:music-production");
    }
    run(j, 1100);
    expect_place(j, "attract");
    assert_int_equal(app_reset_warning(j->a), 0);
    finish(j);
}

static void warning_touch_only_extends(void **state)
{
    (void)state;
    journey *j = start_warned(60000, 20000);
    wake(j);
    tap_action(j, VIEW_ACT_DEGREE, 0);
    float bx, by;
    assert_true(find_hit(j, VIEW_ACT_BACK, -1, &bx, &by));
    for (int round = 0; round < 3; round++) {
        run_until_warning(j, 70000);
        assert_true(app_reset_warning(j->a) > 0);
        /* A stay target covers the screen: the visitor's touch lands on it. */
        float sx, sy;
        assert_true(find_hit(j, VIEW_ACT_STAY, 0, &sx, &sy));
        tap(j, bx, by); /* on Back: it must not go back */
        assert_int_equal(app_reset_warning(j->a), 0);
        expect_place(j, "degree:music-production");
        app_info info;
        app_get_info(j->a, &info);
        assert_false(info.pressed);
        /* The full idle time is there again. */
        assert_true(app_wait_ms(j->a, j->now) >= 39000);
    }
    /* A drag that began on the warning scrolls nothing either. */
    run_until_warning(j, 70000);
    drag(j, 400, 400, 400, 100, 200);
    run(j, 1000);
    app_info info;
    app_get_info(j->a, &info);
    assert_true(info.scroll == 0);
    expect_place(j, "degree:music-production");
    /* Afterwards taps work as before. */
    tap(j, bx, by);
    expect_place(j, "home");
    finish(j);
}

static void warning_shorter_idle_and_off(void **state)
{
    (void)state;
    /* 10 s of idle time and a 20 s warning: it warns for the second half. */
    journey *j = start_warned(10000, 20000);
    wake(j);
    uint64_t took = run_until_warning(j, 20000);
    assert_true(took >= 4500 && took <= 5100);
    assert_int_equal(app_reset_warning(j->a), 5);
    finish(j);
    /* 0: no warning, the reset on time. */
    j = start_warned(10000, 0);
    wake(j);
    run_until_warning(j, 9500);
    assert_int_equal(app_reset_warning(j->a), 0);
    expect_place(j, "home");
    run(j, 1000);
    expect_place(j, "attract");
    finish(j);
}

static void held_finger_is_never_warned(void **state)
{
    (void)state;
    journey *j = start_warned(20000, 5000);
    wake(j);
    pointer(j, INPUT_DOWN, 400, 300);
    run(j, 120000);
    assert_int_equal(app_reset_warning(j->a), 0);
    expect_place(j, "home");
    /* A drag in progress neither. */
    for (int i = 0; i < 100; i++) {
        pointer(j, INPUT_MOVE, 400, 300 - (float)(i % 10));
        run(j, 500);
    }
    assert_int_equal(app_reset_warning(j->a), 0);
    pointer(j, INPUT_UP, 400, 300);
    run(j, 14000);
    assert_int_equal(app_reset_warning(j->a), 0);
    run(j, 1100);
    assert_int_equal(app_reset_warning(j->a), 5);
    /* A finger put down on the warning and held is not idle either. */
    pointer(j, INPUT_DOWN, 400, 300);
    run(j, 60000);
    assert_int_equal(app_reset_warning(j->a), 0);
    expect_place(j, "home");
    pointer(j, INPUT_UP, 400, 300);
    run(j, 21000);
    expect_place(j, "attract");
    finish(j);
}

/* ---- the accessibility panel ------------------------------------------------------- */

static float smallest_text(journey *j)
{
    const scene *s = app_scene(j->a);
    float m = 1e9f;
    for (size_t i = 0; i < s->count; i++)
        if (s->cmds[i].kind == SCENE_TEXT && s->cmds[i].size < m)
            m = s->cmds[i].size;
    return m;
}

static void access_choices_apply_and_reset(void **state)
{
    (void)state;
    journey *j = start(800, 480, 30000, false);
    wake(j);
    float before = smallest_text(j);
    tap_action(j, VIEW_ACT_ACCESS, -1);
    assert_true(app_access_open(j->a));
    tap_action(j, VIEW_ACT_ACCESS_SET, VIEW_ACCESS_LARGE_TEXT);
    /* At once, and the panel stays open for more. */
    assert_true(app_get_access(j->a).large_text);
    assert_true(app_access_open(j->a));
    assert_true(smallest_text(j) >= 1.9f * before);
    tap_action(j, VIEW_ACT_ACCESS_SET, VIEW_ACCESS_HIGH_CONTRAST);
    tap_action(j, VIEW_ACT_ACCESS_SET, VIEW_ACCESS_LESS_MOTION);
    tap_action(j, VIEW_ACT_ACCESS_SET, VIEW_ACCESS_REACH);
    app_access acc = app_get_access(j->a);
    assert_true(acc.large_text && acc.high_contrast && acc.less_motion && acc.reach);
    assert_false(acc.read_aloud);
    /* Off again, on again: a toggle. */
    tap_action(j, VIEW_ACT_ACCESS_SET, VIEW_ACCESS_HIGH_CONTRAST);
    assert_false(app_get_access(j->a).high_contrast);
    tap_action(j, VIEW_ACT_ACCESS_SET, VIEW_ACCESS_HIGH_CONTRAST);
    tap_action(j, VIEW_ACT_ACCESS, -1); /* the button or Done closes it */
    assert_false(app_access_open(j->a));
    /* They last through the visit... */
    tap_action(j, VIEW_ACT_DEGREE, 0);
    tap_action(j, VIEW_ACT_HOME, -1);
    app_access now = app_get_access(j->a);
    assert_int_equal(app_access_bits(&acc), app_access_bits(&now));
    /* ...and end with it. */
    run(j, 31000);
    expect_place(j, "attract");
    acc = app_get_access(j->a);
    assert_int_equal(app_access_bits(&acc), 0);
    assert_false(app_access_open(j->a));
    wake(j);
    assert_true(smallest_text(j) <= before + 0.01f);
    finish(j);
}

static void panel_touch_outside_only_closes(void **state)
{
    (void)state;
    journey *j = start(800, 480, 90000, false);
    wake(j);
    float x, y;
    assert_true(find_hit(j, VIEW_ACT_DEGREE, 0, &x, &y));
    tap_action(j, VIEW_ACT_ACCESS, -1);
    assert_true(app_access_open(j->a));
    /* The page does not scroll under the panel. */
    drag(j, 100, 400, 100, 150, 200);
    run(j, 1000);
    app_info info;
    app_get_info(j->a, &info);
    assert_true(info.scroll == 0);
    tap(j, x, y);
    assert_false(app_access_open(j->a));
    expect_place(j, "home");
    tap(j, x, y);
    expect_place(j, "degree:music-production");
    /* Back (the key) closes the panel before it goes back. */
    tap_action(j, VIEW_ACT_ACCESS, -1);
    key(j, INPUT_KEY_BACK);
    assert_false(app_access_open(j->a));
    expect_place(j, "degree:music-production");
    finish(j);
}

static void less_motion_has_no_transitions(void **state)
{
    (void)state;
    journey *j = start(800, 480, 90000, false);
    wake(j);
    app_access acc = { .less_motion = true };
    app_set_access(j->a, &acc);
    float x, y;
    assert_true(find_hit(j, VIEW_ACT_DEGREE, 0, &x, &y));
    pointer(j, INPUT_DOWN, x, y);
    run(j, 64);
    pointer(j, INPUT_UP, x, y);
    app_update(j->a, j->now + 1);
    app_info info;
    app_get_info(j->a, &info);
    assert_false(info.transitioning);
    assert_false(app_animating(j->a));
    expect_place(j, "degree:music-production");
    drag(j, 600, 300, 150, 300, 150);
    app_update(j->a, j->now + 1);
    app_get_info(j->a, &info);
    assert_false(info.transitioning);
    expect_place(j, "degree:music-technology");
    finish(j);
}

/* The attract loop with less motion (a screenshot or a replay asking for
 * it): no pulse, no fade, nothing to draw between slides. */
static void less_motion_stills_the_attract_loop(void **state)
{
    (void)state;
    journey *j = start(800, 480, 90000, false);
    app_access acc = { .less_motion = true };
    app_set_access(j->a, &acc);
    run(j, 100);
    assert_false(app_animating(j->a));
    uint64_t wait = app_wait_ms(j->a, j->now);
    assert_true(wait > 0 && wait <= j->c->slide_ms);
    app_info info;
    app_get_info(j->a, &info);
    size_t first = info.slide;
    /* Frames go by and nothing is laid out again. */
    uint64_t layouts = info.layouts;
    run(j, wait > 600 ? 500 : 0);
    app_get_info(j->a, &info);
    assert_int_equal(info.layouts, layouts);
    run(j, app_wait_ms(j->a, j->now) + 16);
    app_get_info(j->a, &info);
    assert_int_equal(info.slide, (first + 1) % j->c->n_slides);
    finish(j);
}

/* Where Home's button is: bottom half or top half. */
static bool home_at_bottom(journey *j)
{
    float x, y;
    assert_true(find_hit(j, VIEW_ACT_HOME, -1, &x, &y));
    return y > (float)j->h / 2;
}

static bool panel_offers(journey *j, int choice)
{
    float x, y;
    tap_action(j, VIEW_ACT_ACCESS, -1);
    bool has = find_hit(j, VIEW_ACT_ACCESS_SET, choice, &x, &y);
    tap_action(j, VIEW_ACT_ACCESS, -1);
    return has;
}

static void reach_where_needed(void **state)
{
    (void)state;
    journey *j = start(800, 480, 90000, false);
    wake(j);
    assert_false(home_at_bottom(j));
    assert_true(panel_offers(j, VIEW_ACCESS_REACH));
    app_access acc = { .reach = true };
    app_set_access(j->a, &acc);
    assert_true(home_at_bottom(j));
    finish(j);
    /* Taller than wide: always at the bottom, so no choice to offer. */
    j = start(480, 800, 90000, false);
    wake(j);
    assert_true(home_at_bottom(j));
    assert_false(panel_offers(j, VIEW_ACCESS_REACH));
    finish(j);
    /* Mounted high: the same on a landscape panel. */
    app_config cfg;
    app_config_defaults(&cfg);
    cfg.mounted_high = true;
    j = start_cfg(800, 480, &cfg);
    wake(j);
    assert_true(home_at_bottom(j));
    assert_false(panel_offers(j, VIEW_ACCESS_REACH));
    tap_action(j, VIEW_ACT_DEGREE, 0);
    tap_action(j, VIEW_ACT_BACK, -1);
    expect_place(j, "home");
    finish(j);
}

static void read_aloud_only_with_speech(void **state)
{
    (void)state;
    journey *j = start(800, 480, 20000, false);
    wake(j);
    assert_false(panel_offers(j, VIEW_ACCESS_READ_ALOUD));
    app_set_read_aloud(j->a, true);
    assert_false(app_read_aloud(j->a));
    finish(j);
    app_config cfg;
    app_config_defaults(&cfg);
    cfg.attract_after_ms = 20000;
    cfg.speech_available = true;
    j = start_cfg(800, 480, &cfg);
    wake(j);
    assert_true(panel_offers(j, VIEW_ACCESS_READ_ALOUD));
    tap_action(j, VIEW_ACT_ACCESS, -1);
    tap_action(j, VIEW_ACT_ACCESS_SET, VIEW_ACCESS_READ_ALOUD);
    assert_true(app_read_aloud(j->a));
    /* Now reading aloud, a first touch on the row says it, the second
     * switches it off (explore by touch). */
    tap_action(j, VIEW_ACT_ACCESS_SET, VIEW_ACCESS_READ_ALOUD);
    assert_true(app_read_aloud(j->a));
    tap_action(j, VIEW_ACT_ACCESS_SET, VIEW_ACCESS_READ_ALOUD);
    assert_false(app_read_aloud(j->a));
    app_set_read_aloud(j->a, true);
    assert_true(app_read_aloud(j->a));
    run(j, 21000);
    expect_place(j, "attract");
    assert_false(app_read_aloud(j->a));
    finish(j);
}

static void access_names_parse(void **state)
{
    (void)state;
    unsigned bits = 99;
    assert_true(view_access_parse("large-text,reach", &bits));
    assert_int_equal(bits, (1u << VIEW_ACCESS_LARGE_TEXT) | (1u << VIEW_ACCESS_REACH));
    assert_true(view_access_parse("none", &bits));
    assert_int_equal(bits, 0);
    assert_false(view_access_parse("large-text,bigger", &bits));
    assert_false(view_access_parse("large", &bits));
    for (int c = 0; c < VIEW_ACCESS_COUNT; c++) {
        assert_true(view_access_parse(view_access_name(c), &bits));
        assert_int_equal(bits, 1u << c);
        app_access acc = app_access_from_bits(bits);
        assert_int_equal(app_access_bits(&acc), bits);
    }
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
        cmocka_unit_test(buttons_beside_gestures),
        cmocka_unit_test(scroll_has_inertia),
        cmocka_unit_test(press_feedback_and_cancel),
        cmocka_unit_test(keyboard_journey),
        cmocka_unit_test(loop_mode_ignores_input),
        cmocka_unit_test(storm_keeps_invariants),
        cmocka_unit_test(resize_relayouts),
        cmocka_unit_test(warning_counts_down_each_second),
        cmocka_unit_test(warning_touch_only_extends),
        cmocka_unit_test(warning_shorter_idle_and_off),
        cmocka_unit_test(held_finger_is_never_warned),
        cmocka_unit_test(access_choices_apply_and_reset),
        cmocka_unit_test(panel_touch_outside_only_closes),
        cmocka_unit_test(less_motion_has_no_transitions),
        cmocka_unit_test(less_motion_stills_the_attract_loop),
        cmocka_unit_test(reach_where_needed),
        cmocka_unit_test(read_aloud_only_with_speech),
        cmocka_unit_test(access_names_parse),
    };
    return cmocka_run_group_tests_name("app", tests, NULL, NULL);
}
