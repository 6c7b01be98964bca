/* test_gesture.c - the single-pointer recogniser: taps, long presses, drags
 * and flings with measured velocities, swipes, and everything it must ignore
 * (other fingers, unknown pointers, NaN, keys). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gesture.h"

static const gesture_config CFG = {
    .slop_px = 10.0f, .swipe_px = 50.0f, .swipe_speed = 200.0f, .tap_ms = 500,
};

typedef struct {
    gesture g;
    gesture_event out[64];
    size_t n;       /* events collected since the last clear */
} rig;

static void rig_init(rig *r)
{
    memset(r, 0, sizeof *r);
    gesture_init(&r->g, &CFG);
}

/* Feed one pointer event and append what it produced; returns that count. */
static size_t feed(rig *r, input_kind kind, int64_t ptr, float x, float y, uint64_t t)
{
    input_event ev = { .kind = kind, .t_ms = t, .pointer = ptr, .x = x, .y = y };
    size_t room = sizeof r->out / sizeof *r->out - r->n;
    size_t k = gesture_feed(&r->g, &ev, r->out + r->n, room);
    assert_true(k <= 3);
    for (size_t i = r->n; i < r->n + k; i++) {
        const gesture_event *e = &r->out[i];
        assert_true(isfinite(e->x) && isfinite(e->y) && isfinite(e->dx) && isfinite(e->dy) &&
                    isfinite(e->vx) && isfinite(e->vy));
    }
    r->n += k;
    return k;
}

static size_t count(const rig *r, gesture_kind kind)
{
    size_t c = 0;
    for (size_t i = 0; i < r->n; i++)
        c += r->out[i].kind == kind;
    return c;
}

static const gesture_event *last(const rig *r)
{
    assert_true(r->n > 0);
    return &r->out[r->n - 1];
}

static void tap(void **state)
{
    (void)state;
    rig r;
    rig_init(&r);
    assert_int_equal(feed(&r, INPUT_DOWN, 1, 100, 100, 1000), 1);
    assert_int_equal(r.out[0].kind, GESTURE_PRESS);
    assert_true(r.out[0].x == 100 && r.out[0].y == 100);
    assert_true(gesture_active(&r.g));
    assert_int_equal(feed(&r, INPUT_MOVE, 1, 103, 106, 1050), 0); /* inside the slop */
    assert_int_equal(feed(&r, INPUT_UP, 1, 104, 103, 1100), 1);
    assert_int_equal(last(&r)->kind, GESTURE_TAP);
    assert_true(last(&r)->x == 104 && last(&r)->y == 103);
    assert_true(last(&r)->t_ms == 1100);
    assert_false(gesture_active(&r.g));
}

static void tap_at_the_time_limit(void **state)
{
    (void)state;
    rig r;
    rig_init(&r);
    feed(&r, INPUT_DOWN, -1, 10, 10, 0);
    feed(&r, INPUT_UP, -1, 10, 10, 500); /* exactly tap_ms: still a tap */
    assert_int_equal(last(&r)->kind, GESTURE_TAP);
}

static void long_press_is_not_a_tap(void **state)
{
    (void)state;
    rig r;
    rig_init(&r);
    feed(&r, INPUT_DOWN, 1, 100, 100, 0);
    assert_int_equal(feed(&r, INPUT_UP, 1, 100, 100, 501), 1);
    assert_int_equal(last(&r)->kind, GESTURE_CANCEL);
    assert_int_equal(count(&r, GESTURE_TAP), 0);
    assert_false(gesture_active(&r.g));
}

/* Drag upwards at a steady 500 px/s, moves every 10 ms. */
static void vertical_drag_then_fling(void **state)
{
    (void)state;
    rig r;
    rig_init(&r);
    feed(&r, INPUT_DOWN, 3, 200, 400, 0);
    float y = 400;
    for (int i = 1; i <= 20; i++) {
        y -= 5;
        size_t k = feed(&r, INPUT_MOVE, 3, 200, y, (uint64_t)i * 10);
        if (i < 3)
            assert_int_equal(k, 0); /* 5 and 10 px: inside the slop */
        if (i == 3) {
            /* Leaving the slop: drop the press, then the travel beyond it. */
            assert_int_equal(k, 2);
            assert_int_equal(r.out[r.n - 2].kind, GESTURE_CANCEL);
            assert_int_equal(r.out[r.n - 1].kind, GESTURE_DRAG);
            assert_float_equal(r.out[r.n - 1].dy, -5.0f, 1e-4f);
        }
        if (i > 3) {
            assert_int_equal(k, 1);
            assert_int_equal(last(&r)->kind, GESTURE_DRAG);
            assert_float_equal(last(&r)->dy, -5.0f, 1e-4f);
            assert_float_equal(last(&r)->dx, 0.0f, 1e-6f);
            assert_true(last(&r)->y == y);
        }
    }
    float sum = 0;
    for (size_t i = 0; i < r.n; i++)
        if (r.out[i].kind == GESTURE_DRAG)
            sum += r.out[i].dy;
    assert_float_equal(sum, -(100.0f - 10.0f), 1e-3f); /* all but the slop */
    assert_int_equal(feed(&r, INPUT_UP, 3, 200, y, 200), 1);
    assert_int_equal(last(&r)->kind, GESTURE_FLING);
    assert_float_equal(last(&r)->vy, -500.0f, 5.0f);
    assert_float_equal(last(&r)->vx, 0.0f, 1e-3f);
    assert_int_equal(count(&r, GESTURE_TAP), 0);
    assert_int_equal(count(&r, GESTURE_CANCEL), 1);
    assert_false(gesture_active(&r.g));
}

/* Only the last ~100 ms count: fast at first, then slow until the release. */
static void fling_uses_recent_motion(void **state)
{
    (void)state;
    rig r;
    rig_init(&r);
    feed(&r, INPUT_DOWN, 1, 50, 100, 0);
    float y = 100;
    uint64_t t = 0;
    for (int i = 0; i < 10; i++) { /* 2000 px/s for 100 ms */
        t += 10;
        y += 20;
        feed(&r, INPUT_MOVE, 1, 50, y, t);
    }
    for (int i = 0; i < 15; i++) { /* then 300 px/s for 150 ms */
        t += 10;
        y += 3;
        feed(&r, INPUT_MOVE, 1, 50, y, t);
    }
    feed(&r, INPUT_UP, 1, 50, y, t);
    assert_int_equal(last(&r)->kind, GESTURE_FLING);
    assert_float_equal(last(&r)->vy, 300.0f, 10.0f);
}

static void slow_release_flings_nothing(void **state)
{
    (void)state;
    rig r;
    rig_init(&r);
    feed(&r, INPUT_DOWN, 1, 50, 400, 0);
    for (int i = 1; i <= 10; i++)
        feed(&r, INPUT_MOVE, 1, 50, 400 - 20.0f * (float)i, (uint64_t)i * 10);
    /* The finger rests 150 ms with no reports, then lifts where it rested. */
    feed(&r, INPUT_UP, 1, 50, 200, 250);
    assert_int_equal(last(&r)->kind, GESTURE_FLING);
    assert_true(last(&r)->vy == 0.0f && last(&r)->vx == 0.0f);

    /* Same, but the driver keeps repeating the resting position. */
    rig_init(&r);
    feed(&r, INPUT_DOWN, 1, 50, 400, 0);
    for (int i = 1; i <= 10; i++)
        feed(&r, INPUT_MOVE, 1, 50, 400 - 20.0f * (float)i, (uint64_t)i * 10);
    for (int i = 11; i <= 30; i++)
        feed(&r, INPUT_MOVE, 1, 50, 200, (uint64_t)i * 10);
    feed(&r, INPUT_UP, 1, 50, 200, 310);
    assert_int_equal(last(&r)->kind, GESTURE_FLING);
    assert_float_equal(last(&r)->vy, 0.0f, 1e-3f);
}

static void stroke(rig *r, float x0, float y0, float x1, float y1, uint64_t ms)
{
    feed(r, INPUT_DOWN, 5, x0, y0, 1000);
    for (uint64_t t = 16; t <= ms; t += 16) {
        float f = (float)t / (float)ms;
        feed(r, INPUT_MOVE, 5, x0 + (x1 - x0) * f, y0 + (y1 - y0) * f, 1000 + t);
    }
    feed(r, INPUT_UP, 5, x1, y1, 1000 + ms);
}

static void swipe_left_and_right(void **state)
{
    (void)state;
    rig r;
    rig_init(&r);
    stroke(&r, 600, 300, 150, 310, 150);
    assert_int_equal(last(&r)->kind, GESTURE_SWIPE);
    assert_int_equal(last(&r)->dir, -1);
    assert_int_equal(count(&r, GESTURE_DRAG), 0); /* horizontal strokes never scroll */
    assert_int_equal(count(&r, GESTURE_CANCEL), 1); /* press feedback dropped once */
    assert_int_equal(count(&r, GESTURE_TAP), 0);

    rig_init(&r);
    stroke(&r, 150, 300, 600, 290, 150);
    assert_int_equal(last(&r)->kind, GESTURE_SWIPE);
    assert_int_equal(last(&r)->dir, 1);
    assert_false(gesture_active(&r.g));
}

static void short_or_slow_stroke_cancels(void **state)
{
    (void)state;
    rig r;
    rig_init(&r);
    stroke(&r, 600, 300, 560, 300, 150); /* 40 px < swipe_px */
    assert_int_equal(last(&r)->kind, GESTURE_CANCEL);
    assert_int_equal(count(&r, GESTURE_SWIPE), 0);
    assert_int_equal(count(&r, GESTURE_TAP), 0);

    rig_init(&r);
    stroke(&r, 600, 300, 450, 300, 2000); /* far enough, but 75 px/s */
    assert_int_equal(last(&r)->kind, GESTURE_CANCEL);
    assert_int_equal(count(&r, GESTURE_SWIPE), 0);
}

/* A press, then a release far away with no moves between (a replay's
 * "press" then "release"): still a drag that ends in a fling. */
static void release_far_away_without_moves(void **state)
{
    (void)state;
    rig r;
    rig_init(&r);
    feed(&r, INPUT_DOWN, 1, 100, 300, 0);
    assert_int_equal(feed(&r, INPUT_UP, 1, 100, 200, 100), 3);
    assert_int_equal(r.out[1].kind, GESTURE_CANCEL);
    assert_int_equal(r.out[2].kind, GESTURE_DRAG);
    assert_float_equal(r.out[2].dy, -90.0f, 1e-3f);
    assert_int_equal(r.out[3].kind, GESTURE_FLING);
    assert_float_equal(r.out[3].vy, -1000.0f, 1.0f);
}

static void second_finger_ignored(void **state)
{
    (void)state;
    rig r;
    rig_init(&r);
    feed(&r, INPUT_DOWN, 1, 100, 100, 0);
    assert_int_equal(feed(&r, INPUT_DOWN, 2, 300, 300, 10), 0);
    assert_int_equal(feed(&r, INPUT_MOVE, 2, 300, 0, 20), 0);
    assert_int_equal(feed(&r, INPUT_UP, 2, 300, 0, 30), 0);
    assert_int_equal(feed(&r, INPUT_DOWN, 1, 500, 500, 35), 0); /* repeated DOWN */
    assert_true(gesture_active(&r.g));
    assert_int_equal(feed(&r, INPUT_UP, 1, 101, 101, 40), 1);
    assert_int_equal(last(&r)->kind, GESTURE_TAP);
    assert_true(last(&r)->x == 101 && last(&r)->y == 101);
    assert_int_equal(r.n, 2);
}

static void unknown_pointer_ignored(void **state)
{
    (void)state;
    rig r;
    rig_init(&r);
    assert_int_equal(feed(&r, INPUT_MOVE, -1, 10, 10, 0), 0); /* mouse hover */
    assert_int_equal(feed(&r, INPUT_UP, 4, 10, 10, 5), 0);    /* never went down */
    assert_int_equal(feed(&r, INPUT_CANCEL, 0, 0, 0, 6), 0);  /* nothing to cancel */
    assert_false(gesture_active(&r.g));
    feed(&r, INPUT_DOWN, 9, 10, 10, 10);
    assert_int_equal(feed(&r, INPUT_MOVE, 8, 400, 400, 20), 0);
    assert_int_equal(feed(&r, INPUT_UP, 8, 400, 400, 30), 0);
    assert_true(gesture_active(&r.g));
}

static void nan_and_infinity_ignored(void **state)
{
    (void)state;
    rig r;
    rig_init(&r);
    assert_int_equal(feed(&r, INPUT_DOWN, 1, NAN, 10, 0), 0);
    assert_false(gesture_active(&r.g));
    assert_int_equal(feed(&r, INPUT_DOWN, 1, 10, INFINITY, 0), 0);
    assert_false(gesture_active(&r.g));
    feed(&r, INPUT_DOWN, 1, 10, 10, 0);
    assert_int_equal(feed(&r, INPUT_MOVE, 1, NAN, NAN, 10), 0);
    assert_int_equal(feed(&r, INPUT_MOVE, 1, -INFINITY, 10, 20), 0);
    assert_int_equal(feed(&r, INPUT_UP, 1, 12, 12, 30), 1);
    assert_int_equal(last(&r)->kind, GESTURE_TAP); /* the garbage moved nothing */

    /* A garbage release must not tap, nor leave the finger stuck down. */
    rig_init(&r);
    feed(&r, INPUT_DOWN, 1, 10, 10, 0);
    assert_int_equal(feed(&r, INPUT_UP, 1, NAN, 10, 30), 1);
    assert_int_equal(last(&r)->kind, GESTURE_CANCEL);
    assert_false(gesture_active(&r.g));

    /* Huge but finite coordinates never overflow into inf or NaN. */
    rig_init(&r);
    feed(&r, INPUT_DOWN, 1, -3e38f, 3e38f, 0);
    feed(&r, INPUT_MOVE, 1, 3e38f, -3e38f, 1);
    feed(&r, INPUT_MOVE, 1, -3e38f, 3e38f, 2);
    feed(&r, INPUT_UP, 1, 3e38f, -3e38f, 2);
    assert_false(gesture_active(&r.g));
}

static void cancel(void **state)
{
    (void)state;
    rig r;
    rig_init(&r);
    feed(&r, INPUT_DOWN, 1, 10, 10, 0);
    assert_int_equal(feed(&r, INPUT_CANCEL, 0, 0, 0, 10), 1);
    assert_int_equal(last(&r)->kind, GESTURE_CANCEL);
    assert_false(gesture_active(&r.g));
    assert_int_equal(feed(&r, INPUT_UP, 1, 10, 10, 20), 0); /* already forgotten */

    /* Cancelling a drag also lets the scroller go (a zero fling). */
    rig_init(&r);
    feed(&r, INPUT_DOWN, 1, 10, 100, 0);
    feed(&r, INPUT_MOVE, 1, 10, 150, 10);
    r.n = 0;
    assert_int_equal(feed(&r, INPUT_CANCEL, 0, 0, 0, 20), 2);
    assert_int_equal(r.out[0].kind, GESTURE_CANCEL);
    assert_int_equal(r.out[1].kind, GESTURE_FLING);
    assert_true(r.out[1].vy == 0.0f);
    assert_false(gesture_active(&r.g));

    /* gesture_reset forgets silently. */
    rig_init(&r);
    feed(&r, INPUT_DOWN, 1, 10, 100, 0);
    gesture_reset(&r.g);
    assert_false(gesture_active(&r.g));
    assert_int_equal(feed(&r, INPUT_UP, 1, 10, 100, 5), 0);
}

static void keys_and_wheel_ignored(void **state)
{
    (void)state;
    rig r;
    rig_init(&r);
    feed(&r, INPUT_DOWN, 1, 10, 10, 0);
    assert_int_equal(feed(&r, INPUT_KEY, 1, 10, 10, 5), 0);
    assert_int_equal(feed(&r, INPUT_WHEEL, 1, 10, 10, 6), 0);
    assert_true(gesture_active(&r.g));
}

static void output_capacity_respected(void **state)
{
    (void)state;
    gesture g;
    gesture_init(&g, &CFG);
    gesture_event out[2];
    memset(out, 0x5a, sizeof out);
    input_event ev = { .kind = INPUT_DOWN, .pointer = 1, .x = 0, .y = 0, .t_ms = 0 };
    assert_int_equal(gesture_feed(&g, &ev, NULL, 0), 0); /* no room: state still moves */
    assert_true(gesture_active(&g));
    ev.kind = INPUT_UP;
    ev.y = 100;
    ev.t_ms = 50;
    assert_int_equal(gesture_feed(&g, &ev, out, 1), 1); /* CANCEL, DRAG, FLING: first only */
    assert_int_equal(out[0].kind, GESTURE_CANCEL);
    assert_false(gesture_active(&g));
    /* out[1] untouched */
    unsigned char probe[sizeof out[1]];
    memset(probe, 0x5a, sizeof probe);
    assert_memory_equal(&out[1], probe, sizeof probe);
}

static void time_running_backwards(void **state)
{
    (void)state;
    rig r;
    rig_init(&r);
    feed(&r, INPUT_DOWN, 1, 10, 100, 1000);
    feed(&r, INPUT_MOVE, 1, 10, 150, 900);
    feed(&r, INPUT_MOVE, 1, 10, 200, 1100);
    feed(&r, INPUT_UP, 1, 10, 250, 10);
    assert_int_equal(last(&r)->kind, GESTURE_FLING);
    assert_false(gesture_active(&r.g));
}

/* Random events from several pointers: outputs stay finite (checked in
 * feed), no call writes more than three events, and PRESS/ends pair up. */
static void storm(void **state)
{
    (void)state;
    rig r;
    rig_init(&r);
    srand(1234);
    uint64_t t = 0;
    int open = 0;
    for (int i = 0; i < 200000; i++) {
        input_kind kind = (input_kind)(rand() % 6);
        float x = (float)(rand() % 1200) - 100, y = (float)(rand() % 900) - 100;
        if (rand() % 40 == 0)
            x = NAN;
        t += (uint64_t)(rand() % 40);
        r.n = 0;
        feed(&r, kind, rand() % 3 - 1, x, y, t);
        for (size_t k = 0; k < r.n; k++) {
            if (r.out[k].kind == GESTURE_PRESS)
                open++;
            if (r.out[k].kind == GESTURE_TAP || r.out[k].kind == GESTURE_SWIPE)
                open = 0;
        }
        if (!gesture_active(&r.g))
            open = 0;
        assert_true(open <= 1);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tap),
        cmocka_unit_test(tap_at_the_time_limit),
        cmocka_unit_test(long_press_is_not_a_tap),
        cmocka_unit_test(vertical_drag_then_fling),
        cmocka_unit_test(fling_uses_recent_motion),
        cmocka_unit_test(slow_release_flings_nothing),
        cmocka_unit_test(swipe_left_and_right),
        cmocka_unit_test(short_or_slow_stroke_cancels),
        cmocka_unit_test(release_far_away_without_moves),
        cmocka_unit_test(second_finger_ignored),
        cmocka_unit_test(unknown_pointer_ignored),
        cmocka_unit_test(nan_and_infinity_ignored),
        cmocka_unit_test(cancel),
        cmocka_unit_test(keys_and_wheel_ignored),
        cmocka_unit_test(output_capacity_respected),
        cmocka_unit_test(time_running_backwards),
        cmocka_unit_test(storm),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
