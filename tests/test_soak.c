/* test_soak.c - a week unattended, in simulated time.
 *
 * The kiosk runs its attract loop for seven simulated days; every few
 * minutes a visitor wakes it and taps through a dozen screens, then walks
 * away; every six hours the content is reloaded (a fresh model swapped in,
 * as live reload does). Frames are laid out at 4 Hz and drawn to a software
 * renderer once a simulated minute and during every visit. Memory is sampled
 * every simulated hour: after the first day (warm-up) the resident set may
 * not grow by 1 MiB or more, and the caches must stay within their caps.
 * Prints the simulated duration, the wall time and the speed-up. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "render.h"
#include "support.h"

#define DAY_MS (24ull * 3600 * 1000)

static uint64_t rng = 12345;

static uint32_t next(void)
{
    rng = rng * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(rng >> 33);
}

static long rss_kib(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long pages = 0, res = 0;
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &res) != 2)
            res = 0;
        fclose(f);
    }
    return res * (sysconf(_SC_PAGESIZE) / 1024);
}

static void tap(app *a, float x, float y, uint64_t t)
{
    input_event ev = { .kind = INPUT_DOWN, .t_ms = t, .pointer = 1, .x = x, .y = y };
    app_input(a, &ev);
    ev.kind = INPUT_UP;
    ev.t_ms = t + 80;
    app_input(a, &ev);
}

/* A tap on a random live hit region of what the visitor sees. */
static void tap_something(app *a, uint64_t t)
{
    const scene *s = app_scene(a);
    size_t hits = 0;
    for (size_t i = 0; i < s->count; i++)
        hits += s->cmds[i].kind == SCENE_HIT && !(s->cmds[i].flags & SCENE_F_DISABLED);
    if (!hits) {
        tap(a, 400, 240, t);
        return;
    }
    size_t pick = next() % hits;
    for (size_t i = 0; i < s->count; i++) {
        const scene_cmd *c = &s->cmds[i];
        if (c->kind != SCENE_HIT || (c->flags & SCENE_F_DISABLED))
            continue;
        if (pick-- == 0) {
            tap(a, c->rect.x + c->rect.w / 2, c->rect.y + c->rect.h / 2, t);
            return;
        }
    }
}

static void week(void **state)
{
    (void)state;
    support S;
    support_init(&S);
    assert_non_null(S.c);
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 800, 480, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *ren = SDL_CreateSoftwareRenderer(surf);
    render *rd = render_create(ren, S.fonts, "content");
    assert_non_null(rd);
    render_set_retained(rd, true);
    app_config cfg;
    app_config_defaults(&cfg);
    layout_env env = { 800, 480, 0, fontset_measure(S.fonts) };
    app *a = app_create(S.c, &cfg, &env, 0);
    content *cur = S.c;

    /* A week in the plain run; shorter where every instruction costs more
     * (sanitizers, emulation), where the point is the same code under
     * different checks. */
    uint64_t days = getenv("OPENDAY_EXEC") && *getenv("OPENDAY_EXEC") ? 2
                    : getenv("OPENDAY_SAN")                            ? 2
                                                                       : 7;
    uint64_t t = 0, end = days * DAY_MS;
    uint64_t next_visit = 3 * 60000, next_reload = 6 * 3600000ull, next_sample = 3600000;
    uint64_t next_draw = 0;
    long warm = 0, lo = 0, hi = 0;
    size_t visits = 0, draws = 0, reloads = 0, samples = 0;
    render_stats rs;
    char why[256];
    clock_t c0 = clock();
    while (t < end) {
        bool visiting = false;
        if (t >= next_visit) {
            /* A visitor: wake, then 5 to 15 taps or swipes, 2-8 s apart. */
            visits++;
            tap(a, 400, 240, t);
            unsigned n = 5 + next() % 11;
            for (unsigned i = 0; i < n; i++) {
                uint64_t gap = 2000 + next() % 6000;
                for (uint64_t u = t; u < t + gap; u += 16) {
                    app_update(a, u);
                    if (app_dirty(a)) {
                        render_frame(rd, app_scene(a), NULL, cur->colors[COLOR_BACKGROUND]);
                        draws++;
                    }
                }
                t += gap;
                if (next() % 4 == 0) {
                    input_event ev = { .kind = INPUT_DOWN, .t_ms = t, .pointer = 2, .x = 600,
                                       .y = 300 };
                    app_input(a, &ev);
                    ev.kind = INPUT_MOVE;
                    ev.x = 150;
                    ev.t_ms = t + 120;
                    app_input(a, &ev);
                    ev.kind = INPUT_UP;
                    ev.t_ms = t + 150;
                    app_input(a, &ev);
                } else {
                    tap_something(a, t);
                }
            }
            next_visit = t + 120000 + next() % 300000; /* every 2 to 7 minutes */
            visiting = true;
        }
        if (t >= next_reload) {
            content_report rep;
            content_report_init(&rep);
            content *fresh = content_load("content", &rep);
            content_report_deinit(&rep);
            assert_non_null(fresh);
            app_set_content(a, fresh);
            render_set_content_dir(rd, fresh->dir);
            if (cur != S.c)
                content_destroy(cur);
            cur = fresh;
            reloads++;
            next_reload += 6 * 3600000ull;
        }
        app_update(a, t);
        (void)app_scene(a);
        if (t >= next_draw || visiting) {
            render_frame(rd, app_scene(a), NULL, cur->colors[COLOR_BACKGROUND]);
            draws++;
            next_draw = t + 60000;
        }
        if (t >= next_sample) {
            if (!app_check(a, why, sizeof why))
                fail_msg("day %.2f: %s", (double)t / DAY_MS, why);
            long r = rss_kib();
            render_get_stats(rd, &rs);
            assert_true(rs.entries <= 1024);
            assert_true(rs.bytes <= (48u << 20));
            if (t >= DAY_MS) {
                if (!warm)
                    warm = lo = hi = r;
                lo = r < lo ? r : lo;
                hi = r > hi ? r : hi;
                samples++;
            }
            next_sample += 3600000;
        }
        t += 250;
    }
    double wall = (double)(clock() - c0) / CLOCKS_PER_SEC;
    render_get_stats(rd, &rs);
    printf("soak: %.0f days simulated in %.1f s of CPU (%.0fx real time): %zu visits, "
           "%zu reloads, %zu frames drawn; resident after day 1: %ld KiB, range over %zu "
           "hourly samples %ld..%ld KiB (growth %ld KiB); text cache %zu entries, %.1f MiB\n",
           (double)end / DAY_MS, wall, (double)end / 1000.0 / wall, visits, reloads, draws, warm,
           samples, lo, hi, hi - lo, rs.entries, (double)rs.bytes / (1 << 20));
    /* Under AddressSanitizer freed memory waits in a quarantine and the
     * resident set means nothing; LeakSanitizer checks for leaks there. */
    if (!getenv("OPENDAY_SAN"))
        assert_true(hi - warm < 1024);
    view_place pl = app_place(a);
    app_update(a, t + 200000);
    pl = app_place(a);
    assert_int_equal(pl.screen, SCREEN_ATTRACT);
    app_destroy(a);
    if (cur != S.c)
        content_destroy(cur);
    render_destroy(rd);
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
    support_deinit(&S);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(week),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
