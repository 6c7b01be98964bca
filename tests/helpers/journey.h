/* journey.h - a visitor's journey through the pure app in simulated time,
 * for the C tests that drive it: an app on the shipped content at w x h,
 * a 60 Hz clock that lays out every frame as the real loop does and checks
 * the app's invariants, a finger, and a check of where the app is.
 *
 * Include after <cmocka.h> (failures are cmocka failures). journey_start's
 * result is the caller's, freed with finish. */
#ifndef OPENDAY_TESTS_JOURNEY_H
#define OPENDAY_TESTS_JOURNEY_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "content.h"
#include "scratch.h"

typedef struct {
    content *c;
    app *a;
    uint64_t now;
    int w, h;
} journey;

/* cfg NULL: app_config_defaults. */
static inline journey *journey_start(int w, int h, const app_config *cfg, lay_measure m)
{
    journey *j = calloc(1, sizeof *j);
    assert_non_null(j);
    j->c = load_shipped();
    assert_non_null(j->c);
    app_config defaults;
    if (!cfg) {
        app_config_defaults(&defaults);
        cfg = &defaults;
    }
    lay_env env = { .w = w, .h = h, .measure = m };
    j->w = w;
    j->h = h;
    j->a = app_create(j->c, cfg, &env, 0);
    assert_non_null(j->a);
    return j;
}

static inline void finish(journey *j)
{
    app_destroy(j->a);
    content_destroy(j->c);
    free(j);
}

/* Advance simulated time at 60 Hz, laying out like the real loop. */
static inline void run(journey *j, uint64_t ms)
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

static inline void pointer(journey *j, input_kind k, float x, float y)
{
    input_event ev = { .kind = k, .t_ms = j->now, .pointer = 7, .x = x, .y = y };
    app_input(j->a, &ev);
}

/* Fail unless the app is on the place called name (app_place_name). */
static inline void expect_place(journey *j, const char *name)
{
    char now[600];
    app_place_name(j->a, now, sizeof now);
    if (strcmp(now, name))
        fail_msg("expected screen %s, on %s", name, now);
}

/* A tap, then time for the transition it starts to finish. */
static inline void tap(journey *j, float x, float y)
{
    pointer(j, INPUT_DOWN, x, y);
    run(j, 64);
    pointer(j, INPUT_UP, x, y);
    run(j, 400);
}

#endif
