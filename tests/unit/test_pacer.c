/* test_pacer.c - the frame scheduler in simulated time: no drift over ten
 * hours, exact grids for awkward rates, step capping after a stall, late
 * frames, statistics from known work times, and resync after idling. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "pacer.h"

/* floor(a * b / c) without overflow and without 128-bit integers (which
 * 32-bit ARM lacks): exact while (c - 1) * b fits in 64 bits. */
static uint64_t muldiv(uint64_t a, uint64_t b, uint64_t c)
{
    return a / c * b + a % c * b / c;
}

#define NS 1000000000ull
#define US 1000000ull

/* Reference grid point n, computed with 128-bit arithmetic. */
static uint64_t ref_point(uint64_t origin, uint64_t n, uint64_t freq, unsigned fps)
{
    return origin + muldiv(n, freq, fps);
}

static void init_values(void **state)
{
    (void)state;
    pacer s;
    pacer_init(&s, NS, 60, 1000);
    assert_true(s.period == 16666666 && s.step == s.period);
    assert_int_equal(s.max_steps, 5);
    assert_true(s.next == 1000 + 16666666);
    assert_true(pacer_wait(&s, 1000) == 16666666);
    assert_true(pacer_wait(&s, s.next + 5) == 0);
    assert_true(pacer_step_ms(&s) > 16.6666 && pacer_step_ms(&s) < 16.6667);
    assert_int_equal(pacer_steps(&s, 1000), 0);
    /* Out-of-range arguments are brought into range, never divide by zero. */
    pacer_init(&s, 0, 0, 0);
    assert_int_equal(s.fps, 1);
    assert_true(s.freq == 1);
    pacer_init(&s, US, 5000, 0);
    assert_int_equal(s.fps, 1000);
    assert_true(s.period == 1000);
    pacer_init(&s, 100, 1000, 0); /* a counter slower than the frame rate */
    assert_int_equal(s.fps, 100);
    assert_true(s.period == 1);
}

/* The real loop for `hours`: wait for the deadline, run the due steps, draw
 * for a few ms. Every deadline must sit exactly on origin + N * freq / 60. */
static void run_hours(uint64_t freq, double hours)
{
    const uint64_t origin = 123456789;
    pacer s;
    pacer_init(&s, freq, 60, origin);
    uint64_t frames = (uint64_t)(hours * 3600.0 * 60.0);
    uint64_t steps = 0;
    srand(5);
    for (uint64_t n = 1; n <= frames; n++) {
        uint64_t want = ref_point(origin, n, freq, 60);
        if (s.next != want)
            fail_msg("frame %llu: deadline %llu, want %llu", (unsigned long long)n,
                     (unsigned long long)s.next, (unsigned long long)want);
        uint64_t start = s.next; /* the loop waited until the deadline */
        assert_true(pacer_wait(&s, start) == 0);
        steps += pacer_steps(&s, start);
        uint64_t work = freq / 1000 * (1 + (uint64_t)(rand() % 8)); /* 1..8 ms */
        pacer_frame_done(&s, start, start + work);
    }
    assert_true(steps == frames);
    assert_true(s.steps == frames && s.dropped_steps == 0);
    assert_true(s.late == 0 && s.frames == frames);
    assert_true(s.acc_origin == ref_point(origin, frames, freq, 60));
    /* Adding the rounded period each frame would have drifted by this much. */
    uint64_t naive = origin + (frames + 1) * s.period;
    assert_true(s.next - naive == muldiv(frames + 1, freq, 60) - (frames + 1) * s.period);
    if (freq == NS)
        assert_true(s.next - naive > 1000000); /* over a millisecond after 10 h */
}

static void ten_hours_no_drift_ns(void **state)
{
    (void)state;
    run_hours(NS, 10.0);
}

static void ten_hours_no_drift_us(void **state)
{
    (void)state;
    run_hours(US, 10.0);
}

/* A year of nanoseconds at 1000 fps: n * freq no longer fits in 64 bits, the
 * grid must still be exact. */
static void a_year_later(void **state)
{
    (void)state;
    const uint64_t origin = 777;
    pacer s;
    pacer_init(&s, NS, 1000, origin);
    uint64_t year = 365ull * 24 * 3600 * NS;
    uint64_t end = origin + year + 123456;
    pacer_frame_done(&s, end - 1000, end);
    uint64_t n = muldiv(end - origin, 1000, NS) + 1;
    assert_true(s.next == ref_point(origin, n, NS, 1000));
    assert_true(s.next > end && s.next - end <= 1000000);

    pacer_init(&s, NS, 7, origin);
    unsigned k = pacer_steps(&s, origin + year);
    assert_int_equal(k, 5);
    uint64_t due = muldiv(year, 7, NS);
    assert_true(s.dropped_steps == due - 5);
    assert_true(s.acc_origin == ref_point(origin, due, NS, 7));
}

/* Awkward rates against a brute-force grid: for every tick t, the deadline
 * after a frame ending at t is the first grid point strictly after t, and
 * the steps run so far are the grid points at or before t. */
static void exact_grid_brute_force(void **state)
{
    (void)state;
    const struct { uint64_t freq; unsigned fps; } cases[] = {
        { 1000, 7 }, { 10, 3 }, { 100, 100 }, { 997, 60 }, { 1000, 1000 }, { 3, 1 }, { 7, 5 },
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        uint64_t f = cases[c].freq;
        unsigned fps = cases[c].fps;
        const uint64_t origin = 50;
        pacer s;
        pacer_init(&s, f, fps, origin);
        s.max_steps = 1000000; /* count every step, drop none */
        uint64_t total = 0;
        for (uint64_t t = origin; t < origin + 20 * f; t++) {
            total += pacer_steps(&s, t);
            uint64_t n = 0;
            while (ref_point(origin, n + 1, f, fps) <= t)
                n++;
            if (total != n)
                fail_msg("freq %llu fps %u t %llu: %llu steps, want %llu",
                         (unsigned long long)f, fps, (unsigned long long)t,
                         (unsigned long long)total, (unsigned long long)n);
            pacer frame = s;
            pacer_frame_done(&frame, t, t);
            uint64_t m = 0;
            while (ref_point(origin, m, f, fps) <= t)
                m++;
            assert_true(frame.next == ref_point(origin, m, f, fps));
        }
    }
}

static void stall_caps_steps(void **state)
{
    (void)state;
    const uint64_t origin = 5 * NS;
    pacer s;
    pacer_init(&s, NS, 60, origin);
    uint64_t t = origin;
    for (int i = 0; i < 10; i++) {
        t = s.next;
        assert_int_equal(pacer_steps(&s, t), 1);
        pacer_frame_done(&s, t, t + 2 * US);
    }
    /* 30 s with no frame at all (a debugger, a suspended VM, a slow disk). */
    uint64_t after = t + 30 * NS;
    assert_int_equal(pacer_steps(&s, after), 5);
    assert_true(s.dropped_steps == 30 * 60 - 5);
    assert_true(s.steps == 10 + 5);
    /* No burst: the next call only sees what is newly due. */
    assert_int_equal(pacer_steps(&s, after + 1000), 0);
    assert_int_equal(pacer_steps(&s, after + s.period + 1), 1);
    /* The frame drawn after the stall is not late, and the next deadline
     * lies ahead of it, still on the original grid. */
    uint64_t start = after + s.period + 1;
    pacer_frame_done(&s, start, start + 3 * US);
    assert_true(s.late == 0);
    assert_true(s.next > start + 3 * US);
    uint64_t n = muldiv(s.next - origin, 60, NS);
    assert_true(s.next == ref_point(origin, n, NS, 60));
}

static void late_frames(void **state)
{
    (void)state;
    pacer s;
    pacer_init(&s, US, 60, 0); /* grid: 0, 16666, 33333, 50000, 66666, ... */
    uint64_t t = s.next;
    assert_true(t == 16666);
    pacer_frame_done(&s, t, t + 10000); /* 10 ms of a 16.7 ms budget */
    assert_true(s.late == 0 && s.next == 33333);
    pacer_frame_done(&s, 33333, 33333 + 20000); /* 20 ms: misses its slot */
    assert_true(s.late == 1);
    assert_true(s.next == 66666); /* the missed slot (50000) is skipped */
    pacer_frame_done(&s, 66666, 83333); /* ends exactly on its deadline: on time */
    assert_true(s.late == 1 && s.next == 100000);
    /* A frame drawn mid-slot (on input) must finish by the slot's end. */
    pacer_frame_done(&s, 105000, 115000);
    assert_true(s.late == 1 && s.next == 116666);
    pacer_frame_done(&s, 120000, 134000);
    assert_true(s.late == 2 && s.next == 150000);
    /* A frame that ran 100 ms skips six slots at once and counts once. */
    pacer_frame_done(&s, 150000, 250000);
    assert_true(s.late == 3 && s.next == 266666);
    assert_true(s.frames == 6);
    assert_true(pacer_wait(&s, 250000) == 16666);
}

static void add_frames(pacer *s, int count, uint64_t work)
{
    for (int i = 0; i < count; i++) {
        uint64_t start = s->next;
        pacer_frame_done(s, start, start + work);
    }
}

static void stats_from_known_work(void **state)
{
    (void)state;
    pacer s;
    pacer_stats st;
    pacer_init(&s, NS, 60, 0);
    pacer_get_stats(&s, &st);
    assert_true(st.frames == 0 && st.mean_ms == 0 && st.p99_ms == 0 && st.max_ms == 0);

    add_frames(&s, 985, 2 * US);        /* 2.00 ms */
    add_frames(&s, 10, 7300 * 1000);    /* 7.30 ms */
    add_frames(&s, 5, 40 * US);         /* 40 ms: late */
    pacer_get_stats(&s, &st);
    assert_true(st.frames == 1000 && st.late == 5);
    assert_float_equal(st.mean_ms, (985 * 2.0 + 10 * 7.3 + 5 * 40.0) / 1000.0, 1e-9);
    assert_float_equal(st.p99_ms, 7.35, 1e-9); /* upper edge of [7.30, 7.35) */
    assert_float_equal(st.p50_ms, 2.05, 1e-9);
    assert_float_equal(st.max_ms, 40.0, 1e-9);

    /* Work beyond the histogram (>= 100 ms) lands in the overflow bin; the
     * maximum stays exact. */
    pacer_init(&s, US, 60, 0);
    add_frames(&s, 990, 2000);
    add_frames(&s, 9, 10000);
    add_frames(&s, 1, 150123);
    pacer_get_stats(&s, &st);
    assert_float_equal(st.p99_ms, 2.05, 1e-9);
    assert_float_equal(st.max_ms, 150.123, 1e-9);
    assert_float_equal(st.mean_ms, (990 * 2.0 + 9 * 10.0 + 150.123) / 1000.0, 1e-9);
    assert_true(s.hist[PACER_HIST_BINS] == 1);

    /* When the 99% point is in the overflow bin, p99 is the exact maximum;
     * the median here is the 50th sample, in the first bin. */
    pacer_init(&s, US, 60, 0);
    add_frames(&s, 50, 1000);
    add_frames(&s, 50, 250000);
    pacer_get_stats(&s, &st);
    assert_float_equal(st.p99_ms, 250.0, 1e-9);
    assert_float_equal(st.p50_ms, 1.05, 1e-9);
    add_frames(&s, 1, 250000);      /* now the 51st: the overflow bin */
    pacer_get_stats(&s, &st);
    assert_float_equal(st.p50_ms, 250.0, 1e-9);

    /* A percentile never exceeds the maximum, even at a bin's upper edge. */
    pacer_init(&s, US, 60, 0);
    add_frames(&s, 100, 2000);
    pacer_get_stats(&s, &st);
    assert_float_equal(st.p99_ms, 2.0, 1e-9);
    assert_float_equal(st.mean_ms, 2.0, 1e-9);

    /* 99% of 150 is 148.5: the 149th smallest sample decides. */
    pacer_init(&s, US, 60, 0);
    add_frames(&s, 148, 1000);
    add_frames(&s, 2, 5020);
    pacer_get_stats(&s, &st);
    assert_float_equal(st.p99_ms, 5.02, 1e-9); /* bin [5.00, 5.05), capped by the max */

    /* Exactly 100 ms is the first value past the histogram. */
    pacer_init(&s, NS, 60, 0);
    add_frames(&s, 1, 100 * US);
    assert_true(s.hist[PACER_HIST_BINS] == 1);
    add_frames(&s, 1, 100 * US - 1);
    assert_true(s.hist[PACER_HIST_BINS - 1] == 1);
}

static void histogram_never_overflows(void **state)
{
    (void)state;
    pacer s;
    pacer_stats st;
    pacer_init(&s, US, 60, 0);
    add_frames(&s, 3, 7000);
    s.hist[40] = UINT32_MAX - 1; /* as if billions of 2 ms frames had been drawn */
    add_frames(&s, 2, 2000);
    assert_true(s.hist[40] < UINT32_MAX && s.hist[40] > UINT32_MAX / 2 - 2);
    assert_true(s.hist[140] == 2); /* halved, rounding up */
    pacer_get_stats(&s, &st);
    assert_float_equal(st.p99_ms, 2.05, 1e-9);
}

static void resync_after_idle(void **state)
{
    (void)state;
    pacer s;
    pacer_init(&s, NS, 60, 0);
    for (int i = 0; i < 3; i++) {
        uint64_t t = s.next;
        pacer_steps(&s, t);
        pacer_frame_done(&s, t, t + US);
    }
    /* Ten seconds without frames, then a touch. */
    uint64_t now = 10 * NS + 12345;
    pacer copy = s;
    assert_int_equal(pacer_steps(&copy, now), 5); /* without resync: a stall */
    pacer_resync(&s, now);
    assert_int_equal(pacer_steps(&s, now), 0);
    assert_true(s.dropped_steps == 0);
    assert_true(s.next == now + 16666666);
    assert_true(pacer_wait(&s, now) == 16666666);
    pacer_frame_done(&s, now, now + 4 * US);
    assert_true(s.late == 0);
    assert_true(s.next == now + 16666666);
    assert_int_equal(pacer_steps(&s, now + 16666665), 0);
    assert_int_equal(pacer_steps(&s, now + 16666666), 1);
    assert_int_equal(pacer_steps(&s, now + 33333333), 1);
    /* The new grid is as exact as the first one. */
    for (uint64_t n = 3; n < 100000; n++) {
        uint64_t t = ref_point(now, n, NS, 60);
        assert_int_equal(pacer_steps(&s, t), 1);
    }
    assert_true(s.acc_origin == ref_point(now, 99999, NS, 60));
}

static void clock_going_backwards(void **state)
{
    (void)state;
    pacer s;
    pacer_init(&s, NS, 60, 10 * NS);
    assert_int_equal(pacer_steps(&s, 10 * NS + 40 * 1000000), 2);
    assert_int_equal(pacer_steps(&s, 5 * NS), 0);
    pacer_frame_done(&s, 9 * NS, 8 * NS); /* end before start: zero work */
    assert_true(s.work_max == 0 && s.frames == 1);
    assert_true(s.next == 10 * NS); /* before the grid: its first point */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(init_values),
        cmocka_unit_test(ten_hours_no_drift_ns),
        cmocka_unit_test(ten_hours_no_drift_us),
        cmocka_unit_test(a_year_later),
        cmocka_unit_test(exact_grid_brute_force),
        cmocka_unit_test(stall_caps_steps),
        cmocka_unit_test(late_frames),
        cmocka_unit_test(stats_from_known_work),
        cmocka_unit_test(histogram_never_overflows),
        cmocka_unit_test(resync_after_idle),
        cmocka_unit_test(clock_going_backwards),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
