/* test_anim.c - easing curves and the scroller: inertia that decays and stops,
 * bounded travel, rubber band, spring-back that ends exactly on the edge,
 * fling_to, and no NaN whatever the time steps. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>

#include "anim.h"

#define FRAME (1.0f / 60.0f)

static void assert_sane(const anim_scroller *s)
{
    if (!isfinite(s->pos) || !isfinite(s->vel))
        fail_msg("scroller not finite: pos %g vel %g", (double)s->pos, (double)s->vel);
}

/* Step at 60 Hz until it stops; returns the seconds it took (fails after 10 s). */
static float run_until_still(anim_scroller *s)
{
    float t = 0;
    while (anim_scroller_step(s, FRAME)) {
        assert_sane(s);
        t += FRAME;
        if (t > 10.0f)
            fail_msg("still moving after 10 s: pos %g vel %g", (double)s->pos, (double)s->vel);
    }
    return t;
}

static void easing_curves(void **state)
{
    (void)state;
    assert_true(anim_ease_out_cubic(0) == 0.0f && anim_ease_out_cubic(1) == 1.0f);
    assert_true(anim_ease_in_out_cubic(0) == 0.0f && anim_ease_in_out_cubic(1) == 1.0f);
    assert_float_equal(anim_ease_out_cubic(0.5f), 0.875f, 1e-6f);
    assert_float_equal(anim_ease_in_out_cubic(0.5f), 0.5f, 1e-6f);
    assert_float_equal(anim_ease_in_out_cubic(0.25f), 0.0625f, 1e-6f);
    /* Clamped outside [0, 1]; NaN shows the start. */
    assert_true(anim_ease_out_cubic(-3) == 0.0f && anim_ease_out_cubic(7) == 1.0f);
    assert_true(anim_ease_in_out_cubic(-3) == 0.0f && anim_ease_in_out_cubic(7) == 1.0f);
    assert_true(anim_ease_out_cubic(NAN) == 0.0f && anim_ease_in_out_cubic(NAN) == 0.0f);
    float po = 0, pi = 0;
    for (int i = 1; i <= 1000; i++) {
        float t = (float)i / 1000.0f;
        float o = anim_ease_out_cubic(t), io = anim_ease_in_out_cubic(t);
        assert_true(o >= po && io >= pi);             /* monotonic */
        assert_true(o >= t - 1e-6f);                  /* ease-out leads linear */
        assert_float_equal(io + anim_ease_in_out_cubic(1 - t), 1.0f, 1e-5f); /* symmetric */
        po = o;
        pi = io;
    }
}

static void lerp(void **state)
{
    (void)state;
    assert_true(anim_lerp(3, 7, 0) == 3.0f);
    assert_true(anim_lerp(3, 7, 1) == 7.0f);
    assert_float_equal(anim_lerp(3, 7, 0.25f), 4.0f, 1e-6f);
    assert_true(anim_lerp(1e8f, -0.1f, 1) == -0.1f); /* exact at the ends */
}

static void init_state(void **state)
{
    (void)state;
    anim_scroller s;
    anim_scroller_init(&s);
    assert_true(s.pos == 0 && s.vel == 0 && !s.dragging);
    assert_false(anim_scroller_moving(&s));
    assert_false(anim_scroller_step(&s, FRAME));
}

static void inertia_decays_and_stops(void **state)
{
    (void)state;
    anim_scroller s;
    anim_scroller_init(&s);
    anim_scroller_set_max(&s, 100000);
    anim_scroller_jump(&s, 1000);
    anim_scroller_drag(&s, 10);
    assert_true(s.dragging);
    anim_scroller_release(&s, 2000);
    assert_false(s.dragging);
    assert_true(anim_scroller_moving(&s));
    float start = s.pos, pv = s.vel, pp = s.pos, t = 0;
    bool checked_tau = false;
    while (anim_scroller_step(&s, FRAME)) {
        t += FRAME;
        assert_sane(&s);
        assert_true(s.vel <= pv && s.vel >= 0); /* decays, never reverses */
        assert_true(s.pos >= pp);
        if (!checked_tau && t >= 0.325f - 1e-4f) {
            /* One time constant: velocity down to 1/e of the release. */
            assert_float_equal(s.vel, 2000.0f * expf(-t / 0.325f), 2.0f);
            checked_tau = true;
        }
        pv = s.vel;
        pp = s.pos;
        assert_true(t < 4.0f);
    }
    assert_true(checked_tau);
    assert_false(anim_scroller_moving(&s));
    assert_true(s.vel == 0.0f);
    /* An exponential coast travels v * tau in all. */
    assert_float_equal(s.pos - start, 2000.0f * 0.325f, 1.0f);
    /* Still means still. */
    float rest = s.pos;
    assert_false(anim_scroller_step(&s, FRAME));
    assert_true(s.pos == rest);
}

static void bounded_travel(void **state)
{
    (void)state;
    anim_scroller s;
    anim_scroller_init(&s);
    anim_scroller_set_max(&s, 1e9f);
    anim_scroller_release(&s, 1e12f); /* absurd: capped */
    float t = run_until_still(&s);
    assert_true(s.pos <= 30000.0f * 0.325f + 1.0f);
    assert_true(t < 4.0f);

    /* A hard fling into the bottom edge overshoots only a little, then
     * comes back to rest exactly on it. */
    anim_scroller_init(&s);
    anim_scroller_set_max(&s, 1000);
    anim_scroller_jump(&s, 500);
    anim_scroller_release(&s, 20000);
    float most = 0;
    while (anim_scroller_step(&s, FRAME)) {
        assert_sane(&s);
        if (s.pos - 1000 > most)
            most = s.pos - 1000;
    }
    assert_true(most > 0 && most < 40.0f);
    assert_true(s.pos == 1000.0f);

    /* Same at the top. */
    anim_scroller_jump(&s, 300);
    anim_scroller_release(&s, -20000);
    most = 0;
    while (anim_scroller_step(&s, FRAME))
        if (-s.pos > most)
            most = -s.pos;
    assert_true(most > 0 && most < 40.0f);
    assert_true(s.pos == 0.0f);
}

static void rubber_band(void **state)
{
    (void)state;
    anim_scroller s;
    anim_scroller_init(&s);
    anim_scroller_set_max(&s, 1000);
    anim_scroller_drag(&s, -100);
    assert_float_equal(s.pos, -50.0f, 1e-4f); /* half the finger past the edge */
    anim_scroller_drag(&s, 60);
    assert_float_equal(s.pos, -20.0f, 1e-4f);
    anim_scroller_drag(&s, 40); /* back to the edge exactly with the finger */
    assert_float_equal(s.pos, 0.0f, 1e-4f);
    anim_scroller_drag(&s, 500);
    assert_float_equal(s.pos, 500.0f, 1e-4f);
    anim_scroller_drag(&s, 520); /* 500 free, then 20 more at half */
    assert_float_equal(s.pos, 1010.0f, 1e-4f);
    anim_scroller_drag(&s, -120); /* 20 of finger to come back, then 100 free */
    assert_float_equal(s.pos, 900.0f, 1e-4f);
    anim_scroller_drag(&s, -2000); /* 900 free then 1100 at half */
    assert_float_equal(s.pos, -550.0f, 1e-3f);
    /* While held, time moves nothing. */
    assert_false(anim_scroller_moving(&s));
    assert_false(anim_scroller_step(&s, 0.05f));
    assert_true(s.pos == -550.0f);
    anim_scroller_drag(&s, NAN);
    assert_true(s.pos == -550.0f);
}

static void spring_back_ends_exactly_at_edge(void **state)
{
    (void)state;
    anim_scroller s;
    anim_scroller_init(&s);
    anim_scroller_set_max(&s, 1000);
    anim_scroller_drag(&s, -200); /* pos -100 */
    anim_scroller_release(&s, 0);
    assert_true(anim_scroller_moving(&s));
    float prev = s.pos, t = 0;
    while (anim_scroller_step(&s, FRAME)) {
        t += FRAME;
        assert_true(s.pos >= prev);    /* straight back, */
        assert_true(s.pos <= 0.0f);    /* no overshoot into the list */
        assert_true(s.pos - prev < 30); /* and smooth: no frame jumps far */
        prev = s.pos;
    }
    assert_true(s.pos == 0.0f);
    assert_true(s.vel == 0.0f);
    assert_true(t > 0.1f && t < 0.4f); /* a quick, visible settle */

    /* Past the bottom, released moving further out. */
    anim_scroller_drag(&s, 1000);
    anim_scroller_drag(&s, 160); /* pos 1080 */
    assert_float_equal(s.pos, 1080.0f, 1e-3f);
    anim_scroller_release(&s, 3000);
    run_until_still(&s);
    assert_true(s.pos == 1000.0f);
}

static void shrinking_max_springs_back(void **state)
{
    (void)state;
    anim_scroller s;
    anim_scroller_init(&s);
    anim_scroller_set_max(&s, 2000);
    anim_scroller_jump(&s, 800);
    assert_false(anim_scroller_moving(&s));
    anim_scroller_set_max(&s, 500);
    assert_float_equal(s.pos, 800.0f, 0); /* nothing clamped at once */
    assert_true(anim_scroller_moving(&s));
    float prev = s.pos;
    while (anim_scroller_step(&s, FRAME)) {
        assert_true(s.pos <= prev && prev - s.pos < 130);
        prev = s.pos;
    }
    assert_true(s.pos == 500.0f);
    anim_scroller_set_max(&s, NAN); /* garbage range: 0 */
    assert_true(s.max == 0.0f);
    anim_scroller_set_max(&s, -5);
    assert_true(s.max == 0.0f);
}

/* A position restored right after init survives until the page is laid out
 * (set_max), and only then springs back if the page is shorter. */
static void jump_before_layout(void **state)
{
    (void)state;
    anim_scroller s;
    anim_scroller_init(&s);
    anim_scroller_jump(&s, 700);
    assert_false(anim_scroller_step(&s, FRAME));
    assert_true(s.pos == 700.0f);
    anim_scroller_set_max(&s, 1500);
    assert_false(anim_scroller_step(&s, FRAME));
    assert_true(s.pos == 700.0f);
    anim_scroller_set_max(&s, 300);
    run_until_still(&s);
    assert_true(s.pos == 300.0f);
    anim_scroller_jump(&s, NAN);
    assert_true(s.pos == 300.0f);
}

static void fling_to(void **state)
{
    (void)state;
    anim_scroller s;
    anim_scroller_init(&s);
    anim_scroller_set_max(&s, 1000);
    anim_scroller_fling_to(&s, 400);
    assert_true(anim_scroller_moving(&s));
    float prev = s.pos, t = 0;
    bool quick = false;
    while (anim_scroller_step(&s, FRAME)) {
        t += FRAME;
        assert_true(s.pos >= prev && s.pos <= 400.0f + 1e-3f); /* eases in, no overshoot */
        if (t < 0.75f && s.pos > 360)
            quick = true; /* most of the way within a few tenths of a second */
        prev = s.pos;
    }
    assert_true(quick);
    assert_float_equal(s.pos, 400.0f, 0.05f);
    anim_scroller_fling_to(&s, 5000); /* clamped to the range */
    run_until_still(&s);
    assert_float_equal(s.pos, 1000.0f, 0.05f);
    assert_true(s.pos <= 1000.0f);
    anim_scroller_fling_to(&s, -300);
    run_until_still(&s);
    assert_float_equal(s.pos, 0.0f, 0.05f);
    assert_true(s.pos >= 0.0f);
    anim_scroller_fling_to(&s, NAN); /* ignored */
    assert_false(anim_scroller_moving(&s));
    /* Retargeting mid-flight (wheel ticks) still lands on the last target. */
    anim_scroller_fling_to(&s, 600);
    for (int i = 0; i < 5; i++)
        anim_scroller_step(&s, FRAME);
    anim_scroller_fling_to(&s, 200);
    run_until_still(&s);
    assert_float_equal(s.pos, 200.0f, 0.05f);
}

static void big_dt_settles(void **state)
{
    (void)state;
    anim_scroller s;
    anim_scroller_init(&s);
    anim_scroller_set_max(&s, 5000);
    anim_scroller_jump(&s, 1000);
    anim_scroller_release(&s, 3000);
    assert_true(anim_scroller_step(&s, 30.0f)); /* it moved, so draw it */
    assert_false(anim_scroller_moving(&s));
    assert_float_equal(s.pos, 1000.0f + 3000.0f * 0.325f, 0.5f);

    anim_scroller_drag(&s, -20000);
    anim_scroller_release(&s, -5000);
    anim_scroller_step(&s, 5.0f);
    assert_true(s.pos == 0.0f && !anim_scroller_moving(&s));

    /* One 0.1 s step lands where six 1/60 s steps do. */
    anim_scroller a, b;
    anim_scroller_init(&a);
    anim_scroller_set_max(&a, 5000);
    anim_scroller_jump(&a, 100);
    anim_scroller_release(&a, 2500);
    b = a;
    anim_scroller_step(&a, 0.1f);
    for (int i = 0; i < 6; i++)
        anim_scroller_step(&b, 0.1f / 6.0f);
    assert_float_equal(a.pos, b.pos, 0.5f);
    assert_float_equal(a.vel, b.vel, 1.0f);
}

static void bad_dt_does_nothing(void **state)
{
    (void)state;
    anim_scroller s;
    anim_scroller_init(&s);
    anim_scroller_set_max(&s, 5000);
    anim_scroller_release(&s, 1000);
    anim_scroller_step(&s, 0);
    anim_scroller_step(&s, -1);
    anim_scroller_step(&s, NAN);
    assert_true(s.pos == 0.0f && s.vel == 1000.0f);
    anim_scroller_step(&s, INFINITY); /* an endless stall: settle */
    assert_false(anim_scroller_moving(&s));
    assert_sane(&s);
}

/* Random drags, releases, jumps, flings, range changes and time steps of
 * 0..0.1 s (with some garbage mixed in) never produce NaN, and once left
 * alone the scroller always ends inside its range. */
static void no_nan_over_random_dt(void **state)
{
    (void)state;
    srand(99);
    anim_scroller s;
    anim_scroller_init(&s);
    anim_scroller_set_max(&s, 3000);
    for (int i = 0; i < 300000; i++) {
        float r = (float)rand() / (float)RAND_MAX;
        float v = (r - 0.5f) * 20000.0f;
        switch (rand() % 12) {
        case 0: anim_scroller_drag(&s, v / 10); break;
        case 1: anim_scroller_release(&s, v); break;
        case 2: anim_scroller_fling_to(&s, v); break;
        case 3: anim_scroller_set_max(&s, fabsf(v) / 2); break;
        case 4: anim_scroller_jump(&s, v / 4); break;
        case 5: anim_scroller_drag(&s, rand() % 2 ? NAN : INFINITY); break;
        case 6: anim_scroller_release(&s, rand() % 2 ? NAN : -INFINITY); break;
        case 7: anim_scroller_drag(&s, 1e30f); break;
        default: anim_scroller_step(&s, r * 0.1f); break;
        }
        assert_sane(&s);
    }
    anim_scroller_release(&s, 0);
    run_until_still(&s);
    assert_true(s.pos >= 0.0f && s.pos <= s.max);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(easing_curves),
        cmocka_unit_test(lerp),
        cmocka_unit_test(init_state),
        cmocka_unit_test(inertia_decays_and_stops),
        cmocka_unit_test(bounded_travel),
        cmocka_unit_test(rubber_band),
        cmocka_unit_test(spring_back_ends_exactly_at_edge),
        cmocka_unit_test(shrinking_max_springs_back),
        cmocka_unit_test(jump_before_layout),
        cmocka_unit_test(fling_to),
        cmocka_unit_test(big_dt_settles),
        cmocka_unit_test(bad_dt_does_nothing),
        cmocka_unit_test(no_nan_over_random_dt),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
