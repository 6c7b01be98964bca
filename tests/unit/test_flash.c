/* test_flash.c - no animation flashes more than three times in any second
 * (WCAG 2.3.1, EN 301 549 9.2.3.1 / 11.2.3.1), checked on the frames the app
 * lays out in simulated time: the attract loop through a whole playlist
 * (slide cross-fades, the call to action's pulse), then a visit (the wake
 * fade, press feedback, page slides, a swipe, Back, the idle fade back into
 * the attract loop), at 60 frames a second.
 *
 * WCAG's general flash, simplified and made stricter where it is simplified:
 * - A flash is a pair of opposing changes of relative luminance of at least
 *   0.1 (10% of the maximum) where the darker state is under 0.8.
 * - Area: WCAG counts flashes that together cover 25% of any 10-degree
 *   visual field. Here the screen is cut into squares of a quarter of that
 *   field (side = half of 2 d tan 5 degrees at the viewing distance d: 52 mm
 *   at 60 cm), every half square, overlapping; each square's luminance is the
 *   mean over a grid of points in it. A flash anywhere in one square counts,
 *   even if no larger area flashes.
 * - What a point shows is composited from the scene's filled rectangles
 *   (dump_colour_at: the same colour sums as the --dump account); text and
 *   lines are left out: they move and fade with the rectangles they sit on.
 * - Changes are found with hysteresis: a change is counted when the
 *   luminance has moved 0.1 from the last extreme in the other direction,
 *   so slow drifts and sub-threshold wobbles never count.
 * The check fails when any square has more than 6 changes (3 flashes) in any
 * window of one second. The detector itself is checked on a 5 Hz strobe
 * (must fail) and a 2 Hz one (must pass). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>

#include "dump.h"
#include "support.h"

#define STEP_MS 16u
#define MAX_CHANGES 64

/* One square's luminance over time and the changes counted in it. */
typedef struct {
    double lo, hi;            /* extremes since the start, before the first change */
    double pivot;             /* the extreme since the last change */
    int dir;                  /* +1 rising, -1 falling, 0 no change yet */
    uint64_t when[MAX_CHANGES]; /* times of the last changes, a ring */
    size_t n;                 /* changes so far */
    size_t worst;             /* most changes in one second */
} flash_track;

static void track_init(flash_track *f, double l)
{
    memset(f, 0, sizeof *f);
    f->lo = f->hi = f->pivot = l;
}

static void track_change(flash_track *f, uint64_t t)
{
    f->when[f->n % MAX_CHANGES] = t;
    f->n++;
    size_t in_window = 0;
    for (size_t k = 0; k < MAX_CHANGES && k < f->n; k++) {
        uint64_t w = f->when[(f->n - 1 - k) % MAX_CHANGES];
        if (t - w >= 1000)
            break;
        in_window++;
    }
    if (in_window > f->worst)
        f->worst = in_window;
}

static void track_feed(flash_track *f, double l, uint64_t t)
{
    const double d = 0.1, dark = 0.8;
    if (f->dir == 0) {
        if (l - f->lo >= d && f->lo < dark) {
            f->dir = 1;
            track_change(f, t);
            f->pivot = l;
        } else if (f->hi - l >= d && l < dark) {
            f->dir = -1;
            track_change(f, t);
            f->pivot = l;
        }
        f->lo = fmin(f->lo, l);
        f->hi = fmax(f->hi, l);
        return;
    }
    if (f->dir > 0) {
        if (l > f->pivot)
            f->pivot = l;
        else if (f->pivot - l >= d && l < dark) {
            f->dir = -1;
            track_change(f, t);
            f->pivot = l;
        }
    } else {
        if (l < f->pivot)
            f->pivot = l;
        else if (l - f->pivot >= d && f->pivot < dark) {
            f->dir = 1;
            track_change(f, t);
            f->pivot = l;
        }
    }
}

/* The squares of a screen and their tracks. */
typedef struct {
    float side, step;
    size_t cols, rows;
    flash_track *t;
    bool started;
    size_t worst;
    char worst_where[160];
} flash_grid;

static void grid_init(flash_grid *g, int w, int h, float dpi, float dist_cm)
{
    memset(g, 0, sizeof *g);
    float ppmm = (dpi > 0 ? dpi : LAY_DEFAULT_DPI) / 25.4f;
    float d_mm = 10.0f * (dist_cm > 0 ? dist_cm : LAY_DEFAULT_DISTANCE_CM);
    float field = 2.0f * d_mm * tanf(5.0f * (float)M_PI / 180.0f) * ppmm;
    g->side = fminf(0.5f * field, fminf((float)w, (float)h));
    g->step = g->side / 2;
    g->cols = (size_t)floorf(((float)w - g->side) / g->step) + 1;
    g->rows = (size_t)floorf(((float)h - g->side) / g->step) + 1;
    g->t = calloc(g->cols * g->rows, sizeof *g->t);
    assert_non_null(g->t);
}

static double square_luminance(const scene *s, od_color clear, float x0, float y0, float side)
{
    /* 12 x 12 samples: fine enough that a QR code's modules scrolling
     * through the square average out as the eye sees them (5 x 5 aliased
     * them into swings of the mean that are not there). */
    enum { N = 12 };
    double sum = 0;
    for (int j = 0; j < N; j++)
        for (int i = 0; i < N; i++) {
            float x = x0 + side * ((float)i + 0.5f) / N, y = y0 + side * ((float)j + 0.5f) / N;
            sum += dump_luminance(dump_colour_at(s, clear, x, y));
        }
    return sum / (N * N);
}

static void grid_feed(flash_grid *g, const scene *s, od_color clear, uint64_t t, const char *what)
{
    for (size_t r = 0; r < g->rows; r++)
        for (size_t c = 0; c < g->cols; c++) {
            flash_track *f = &g->t[r * g->cols + c];
            double l = square_luminance(s, clear, (float)c * g->step, (float)r * g->step, g->side);
            if (!g->started)
                track_init(f, l);
            else
                track_feed(f, l, t);
            if (f->worst > g->worst) {
                g->worst = f->worst;
                snprintf(g->worst_where, sizeof g->worst_where,
                         "%zu changes within a second in the square at (%.0f, %.0f), %s, t=%llu ms",
                         f->worst, (double)((float)c * g->step), (double)((float)r * g->step), what,
                         (unsigned long long)t);
            }
        }
    g->started = true;
}

/* ---- the detector on synthetic strobes ---------------------------------------------- */

static size_t strobe(double hz, double lo, double hi)
{
    flash_track f;
    track_init(&f, lo);
    for (uint64_t t = 0; t <= 3000; t += STEP_MS) {
        double phase = fmod((double)t / 1000.0 * hz, 1.0);
        track_feed(&f, phase < 0.5 ? lo : hi, t);
    }
    return f.worst;
}

static void the_detector_sees_strobes(void **state)
{
    (void)state;
    assert_true(strobe(5, 0.0, 1.0) > 6);   /* 5 flashes a second */
    assert_true(strobe(2, 0.0, 1.0) <= 6);  /* 2 a second: allowed */
    assert_true(strobe(2, 0.0, 1.0) >= 3);  /* ... and seen */
    assert_int_equal(strobe(8, 0.0, 0.08), 0); /* under the 10% change */
    assert_int_equal(strobe(8, 0.85, 1.0), 0); /* both states bright: no flash */
}

/* ---- the app's own animations ------------------------------------------------------ */

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

typedef struct {
    app *a;
    uint64_t now;
    flash_grid g;
    od_color clear;
    const char *what;
} run_ctx;

static void frames(run_ctx *r, uint64_t ms)
{
    uint64_t end = r->now + ms;
    while (r->now < end) {
        r->now += STEP_MS;
        app_update(r->a, r->now);
        grid_feed(&r->g, app_scene(r->a), r->clear, r->now, r->what);
    }
}

static void pointer(run_ctx *r, input_kind k, float x, float y)
{
    input_event ev = { .kind = k, .t_ms = r->now, .pointer = 3, .x = x, .y = y };
    app_input(r->a, &ev);
}

/* The centre of the part of (action, arg)'s target that shows (arg < -1:
 * any arg). */
static bool centre_of(run_ctx *r, int action, int arg, float *x, float *y)
{
    const scene *s = app_scene(r->a);
    for (size_t i = s->count; i-- > 0;) {
        const scene_cmd *c = &s->cmds[i];
        if (c->kind != SCENE_HIT || c->action != action || (arg >= -1 && c->arg != arg) ||
            (c->flags & SCENE_F_DISABLED))
            continue;
        od_rect v = c->clip >= 0 ? od_rect_intersect(c->rect, s->clips[c->clip]) : c->rect;
        if (v.h < 10)
            continue;
        *x = v.x + v.w / 2;
        *y = v.y + v.h / 2;
        return true;
    }
    return false;
}

static void tap_at(run_ctx *r, float x, float y, const char *what)
{
    r->what = what;
    pointer(r, INPUT_DOWN, x, y);
    frames(r, 120);
    pointer(r, INPUT_UP, x, y);
    frames(r, 600);
}

/* Tap the target for action, first tapping More below until it shows. */
static void tap_action(run_ctx *r, int action, const char *what)
{
    float x, y;
    for (int k = 0; k < 30 && !centre_of(r, action, -2, &x, &y); k++) {
        assert_true(centre_of(r, VIEW_ACT_SCROLL, 1, &x, &y));
        tap_at(r, x, y, "More below");
        /* A reader takes a breath between screenfuls: one page's scroll
         * is judged on its own, not stacked on the next. */
        frames(r, 600);
    }
    assert_true(centre_of(r, action, -2, &x, &y));
    tap_at(r, x, y, what);
}

static void no_flashes_at(int w, int h, float dpi, float dist)
{
    app_config cfg;
    app_config_defaults(&cfg);
    cfg.attract_after_ms = 5000;
    lay_env env = { .w = w, .h = h, .dpi = dpi, .measure = fontset_measure(S.fonts),
                       .distance_cm = dist };
    run_ctx r;
    memset(&r, 0, sizeof r);
    r.a = app_create(S.c, &cfg, &env, 0);
    assert_non_null(r.a);
    r.clear = S.c->colors[CONTENT_COLOR_BACKGROUND];
    grid_init(&r.g, w, h, dpi, dist);

    r.what = "the attract loop";
    frames(&r, (uint64_t)S.c->n_slides * S.c->slide_ms + 1000);
    tap_action(&r, VIEW_ACT_WAKE, "the wake fade");
    tap_action(&r, VIEW_ACT_DEGREE, "opening a degree");
    tap_action(&r, VIEW_ACT_SIBLING, "the Next button");
    r.what = "a swipe";
    float y = (float)h * 0.5f;
    pointer(&r, INPUT_DOWN, (float)w * 0.8f, y);
    for (int k = 1; k <= 8; k++) {
        frames(&r, STEP_MS);
        pointer(&r, INPUT_MOVE, (float)w * (0.8f - 0.06f * (float)k), y);
    }
    pointer(&r, INPUT_UP, (float)w * 0.32f, y);
    frames(&r, 600);
    tap_action(&r, VIEW_ACT_BACK, "Back");
    /* Home, then Compare from there. */
    tap_action(&r, VIEW_ACT_HOME, "Home");
    tap_action(&r, VIEW_ACT_COMPARE, "opening Compare");
    r.what = "the idle fade into the attract loop";
    frames(&r, 7000);
    char name[64];
    app_place_name(r.a, name, sizeof name);
    assert_string_equal(name, "attract");

    printf("%dx%d: %zux%zu squares of %.0f px, at most %zu luminance changes in a second\n", w, h,
           r.g.cols, r.g.rows, (double)r.g.side, r.g.worst);
    if (r.g.worst > 6)
        fprintf(stderr, "flashing: %s\n", r.g.worst_where);
    assert_true(r.g.worst <= 6);
    free(r.g.t);
    app_destroy(r.a);
}

static void no_flashes_on_the_panel(void **state)
{
    (void)state;
    no_flashes_at(800, 480, 0, 0);
}

static void no_flashes_on_the_wall(void **state)
{
    (void)state;
    no_flashes_at(3840, 2160, 80, 250);
}

int main(void)
{
    const struct CMUnitTest unit[] = { cmocka_unit_test(the_detector_sees_strobes) };
    const struct CMUnitTest app_tests[] = {
        cmocka_unit_test(no_flashes_on_the_panel),
        cmocka_unit_test(no_flashes_on_the_wall),
    };
    int failed = cmocka_run_group_tests_name("flash-detector", unit, NULL, NULL);
    failed += cmocka_run_group_tests_name("flash", app_tests, setup, teardown);
    return failed;
}
