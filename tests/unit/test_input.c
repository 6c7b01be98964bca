/* test_input.c - the rotation mapping: every corner of every rotation, the
 * centre, clamping, NaN, and a round trip through an independent model of how
 * the picture is turned on the panel. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>

#include "input.h"

#define LW 800.0f
#define LH 480.0f
#define TOL 0.01f

typedef struct {
    float fx, fy;   /* physical fractions */
    float x, y;     /* expected logical pixels (before pulling inside) */
} corner;

/* Checks one mapping and that the result lies inside the picture. */
static void check(int rot, const corner *c)
{
    float x = -1, y = -1;
    input_map_rotation(rot, c->fx, c->fy, LW, LH, &x, &y);
    if (fabsf(x - c->x) > TOL || fabsf(y - c->y) > TOL)
        fail_msg("rotate %d: physical (%g,%g) gave (%g,%g), want (%g,%g)", rot,
                 (double)c->fx, (double)c->fy, (double)x, (double)y, (double)c->x,
                 (double)c->y);
    assert_true(x >= 0 && x < LW);
    assert_true(y >= 0 && y < LH);
}

static void check_all(int rot, const corner *cs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        check(rot, &cs[i]);
}

static void rotate_0(void **state)
{
    (void)state;
    const corner cs[] = {
        { 0, 0, 0, 0 }, { 1, 0, LW, 0 }, { 0, 1, 0, LH }, { 1, 1, LW, LH },
        { 0.5f, 0.5f, LW / 2, LH / 2 }, { 0.25f, 0.1f, 0.25f * LW, 0.1f * LH },
    };
    check_all(0, cs, sizeof cs / sizeof *cs);
}

static void rotate_90(void **state)
{
    (void)state;
    /* The logical top-left corner is shown at the physical top-right. */
    const corner cs[] = {
        { 1, 0, 0, 0 }, { 1, 1, LW, 0 }, { 0, 1, LW, LH }, { 0, 0, 0, LH },
        { 0.5f, 0.5f, LW / 2, LH / 2 }, { 0.25f, 0.1f, 0.1f * LW, 0.75f * LH },
    };
    check_all(90, cs, sizeof cs / sizeof *cs);
}

static void rotate_180(void **state)
{
    (void)state;
    const corner cs[] = {
        { 1, 1, 0, 0 }, { 0, 1, LW, 0 }, { 0, 0, LW, LH }, { 1, 0, 0, LH },
        { 0.5f, 0.5f, LW / 2, LH / 2 }, { 0.25f, 0.1f, 0.75f * LW, 0.9f * LH },
    };
    check_all(180, cs, sizeof cs / sizeof *cs);
}

static void rotate_270(void **state)
{
    (void)state;
    /* The logical top-left corner is shown at the physical bottom-left. */
    const corner cs[] = {
        { 0, 1, 0, 0 }, { 0, 0, LW, 0 }, { 1, 0, LW, LH }, { 1, 1, 0, LH },
        { 0.5f, 0.5f, LW / 2, LH / 2 }, { 0.25f, 0.1f, 0.9f * LW, 0.25f * LH },
    };
    check_all(270, cs, sizeof cs / sizeof *cs);
}

/* An independent model: place the logical picture centred on the panel and
 * turn it clockwise about its centre (y points down), as the renderer does,
 * then ask the mapping to undo it for many points. */
static void round_trip_matches_turned_picture(void **state)
{
    (void)state;
    const int rots[] = { 0, 90, 180, 270 };
    srand(7);
    for (size_t r = 0; r < 4; r++) {
        int rot = rots[r];
        int lw, lh;
        input_logical_size(rot, 1280, 800, &lw, &lh);
        double pw = 1280, ph = 800;
        double th = rot * M_PI / 180.0, c = cos(th), s = sin(th);
        for (int i = 0; i < 500; i++) {
            double x = (double)rand() / RAND_MAX * (lw - 1);
            double y = (double)rand() / RAND_MAX * (lh - 1);
            double dx = x - lw / 2.0, dy = y - lh / 2.0;
            double px = pw / 2 + dx * c - dy * s;
            double py = ph / 2 + dx * s + dy * c;
            float gx, gy;
            input_map_rotation(rot, (float)(px / pw), (float)(py / ph), (float)lw, (float)lh,
                               &gx, &gy);
            if (fabs(gx - x) > 0.05 || fabs(gy - y) > 0.05)
                fail_msg("rotate %d: (%g,%g) came back as (%g,%g)", rot, x, y, (double)gx,
                         (double)gy);
        }
    }
}

static void out_of_range_is_clamped(void **state)
{
    (void)state;
    float x, y;
    input_map_rotation(0, -0.5f, 2.0f, LW, LH, &x, &y);
    assert_true(x == 0.0f);
    assert_true(y < LH && y > LH - 0.01f);
    input_map_rotation(90, 1.5f, -3.0f, LW, LH, &x, &y);
    assert_true(x == 0.0f && y == 0.0f);
    input_map_rotation(0, INFINITY, -INFINITY, LW, LH, &x, &y);
    assert_true(x < LW && x > LW - 0.01f);
    assert_true(y == 0.0f);
    /* A huge picture still gets a point strictly inside. */
    input_map_rotation(0, 1.0f, 1.0f, 1e9f, 1e9f, &x, &y);
    assert_true(x < 1e9f && y < 1e9f);
}

static void nan_becomes_zero(void **state)
{
    (void)state;
    const int rots[] = { 0, 90, 180, 270 };
    for (size_t r = 0; r < 4; r++) {
        float x = -1, y = -1;
        input_map_rotation(rots[r], NAN, NAN, LW, LH, &x, &y);
        assert_true(x == 0.0f && y == 0.0f);
        input_map_rotation(rots[r], NAN, 0.5f, LW, LH, &x, &y);
        assert_false(isnan(x) || isnan(y));
    }
    /* A broken picture size gives 0, never NaN. */
    float x, y;
    input_map_rotation(0, 0.5f, 0.5f, NAN, 0.0f, &x, &y);
    assert_true(x == 0.0f && y == 0.0f);
}

static void odd_rotation_values(void **state)
{
    (void)state;
    float x, y;
    input_map_rotation(-90, 0, 0, LW, LH, &x, &y); /* same as 270 */
    assert_true(fabsf(x - LW) < TOL && y == 0.0f);
    input_map_rotation(450, 1, 0, LW, LH, &x, &y); /* same as 90 */
    assert_true(x == 0.0f && y == 0.0f);
    input_map_rotation(45, 0.25f, 0.5f, LW, LH, &x, &y); /* not a quarter turn: none */
    assert_true(fabsf(x - 200) < TOL && fabsf(y - 240) < TOL);
}

static void logical_size(void **state)
{
    (void)state;
    int w, h;
    input_logical_size(0, 1920, 1080, &w, &h);
    assert_int_equal(w, 1920);
    assert_int_equal(h, 1080);
    input_logical_size(90, 1920, 1080, &w, &h);
    assert_int_equal(w, 1080);
    assert_int_equal(h, 1920);
    input_logical_size(180, 1920, 1080, &w, &h);
    assert_int_equal(w, 1920);
    assert_int_equal(h, 1080);
    input_logical_size(270, 1920, 1080, &w, &h);
    assert_int_equal(w, 1080);
    assert_int_equal(h, 1920);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rotate_0),
        cmocka_unit_test(rotate_90),
        cmocka_unit_test(rotate_180),
        cmocka_unit_test(rotate_270),
        cmocka_unit_test(round_trip_matches_turned_picture),
        cmocka_unit_test(out_of_range_is_clamped),
        cmocka_unit_test(nan_becomes_zero),
        cmocka_unit_test(odd_rotation_values),
        cmocka_unit_test(logical_size),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
