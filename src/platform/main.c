/* main.c - the platform boundary: command line, SDL set-up, the frame loop,
 * headless screenshots and replays. Everything that decides what the visitor
 * sees lives in the pure modules; this file wires them to SDL and the clock.
 *
 * System errors are logged here with the failing call and SDL's message. */
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "admin.h"
#include "app.h"
#include "cli.h"
#include "config.h"
#include "drm.h"
#include "export.h"
#include "content.h"
#include "font.h"
#include "input.h"
#include "reload.h"
#include "route.h"
#include "render.h"
#include "replay.h"
#include "sched.h"
#include "sdl_input.h"
#include "store.h"
#include <limits.h>
#include <sys/stat.h>
#include <systemd/sd-daemon.h>
#include <unistd.h>

#ifndef OPENDAY_VERSION
#define OPENDAY_VERSION "0.0.0"
#endif

static volatile sig_atomic_t g_quit_signal, g_reload_signal, g_stats_signal;

static void on_signal(int sig)
{
    if (sig == SIGHUP)
        g_reload_signal = 1;
    else if (sig == SIGUSR1)
        g_stats_signal = 1;
    else
        g_quit_signal = sig;
}

/* ---- graphics: a window or a headless surface, optionally rotated -------- */

typedef struct {
    SDL_Window *win;          /* NULL when headless */
    SDL_Surface *surface;     /* headless target */
    SDL_Renderer *ren;
    SDL_Texture *target;      /* logical picture when rotated, else NULL */
    int pw, ph;               /* physical output pixels */
    int lw, lh;               /* logical picture */
    int rotate;
    render *rd;
} gfx;

static bool gfx_make_target(gfx *g)
{
    if (g->target) {
        SDL_DestroyTexture(g->target);
        g->target = NULL;
    }
    input_logical_size(g->rotate, g->pw, g->ph, &g->lw, &g->lh);
    if (g->rotate == 0)
        return true;
    g->target = SDL_CreateTexture(g->ren, SDL_PIXELFORMAT_ARGB8888,
                                  SDL_TEXTUREACCESS_TARGET, g->lw, g->lh);
    if (!g->target) {
        fprintf(stderr, "openday: SDL_CreateTexture (rotation target %dx%d) failed: %s\n",
                g->lw, g->lh, SDL_GetError());
        return false;
    }
    return true;
}

static bool gfx_headless(gfx *g, int w, int h, int rotate)
{
    memset(g, 0, sizeof *g);
    g->rotate = rotate;
    g->pw = w;
    g->ph = h;
    g->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!g->surface) {
        fprintf(stderr, "openday: SDL_CreateRGBSurfaceWithFormat %dx%d failed: %s\n", w, h,
                SDL_GetError());
        return false;
    }
    g->ren = SDL_CreateSoftwareRenderer(g->surface);
    if (!g->ren) {
        fprintf(stderr, "openday: SDL_CreateSoftwareRenderer failed: %s\n", SDL_GetError());
        return false;
    }
    return gfx_make_target(g);
}

static void gfx_deinit(gfx *g)
{
    render_destroy(g->rd);
    if (g->target)
        SDL_DestroyTexture(g->target);
    if (g->ren)
        SDL_DestroyRenderer(g->ren);
    if (g->surface)
        SDL_FreeSurface(g->surface);
    if (g->win)
        SDL_DestroyWindow(g->win);
    memset(g, 0, sizeof *g);
}

static void gfx_draw(gfx *g, const scene *s, const scene *over, od_color clear)
{
    if (g->target) {
        if (SDL_SetRenderTarget(g->ren, g->target) != 0)
            fprintf(stderr, "openday: SDL_SetRenderTarget failed: %s\n", SDL_GetError());
        render_frame(g->rd, s, over, clear);
        SDL_SetRenderTarget(g->ren, NULL);
        SDL_SetRenderDrawColor(g->ren, 0, 0, 0, 255);
        SDL_RenderClear(g->ren);
        /* Rotate the logical picture about the centre of the output. */
        SDL_Rect dst = { (g->pw - g->lw) / 2, (g->ph - g->lh) / 2, g->lw, g->lh };
        if (SDL_RenderCopyEx(g->ren, g->target, NULL, &dst, (double)g->rotate, NULL,
                             SDL_FLIP_NONE) != 0)
            fprintf(stderr, "openday: SDL_RenderCopyEx failed: %s\n", SDL_GetError());
    } else {
        render_frame(g->rd, s, over, clear);
    }
}

/* After SDL_RENDER_TARGETS_RESET / SDL_RENDER_DEVICE_RESET (the display was
 * switched off and on, the GPU context lost): every texture is gone. Forget
 * them all (text, corners and images are made again on demand), make the
 * rotation target again, and draw the next frame whole. */
static void gfx_lost_textures(gfx *g)
{
    render_drop_textures(g->rd);
    gfx_make_target(g);
}

/* Damage tracking needs a target that keeps its pixels: the software
 * renderer's surface, or the rotation texture. A GPU back buffer does not. */
static void gfx_retain(gfx *g)
{
    SDL_RendererInfo info;
    bool sw = SDL_GetRendererInfo(g->ren, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE);
    render_set_retained(g->rd, sw || g->target);
}

/* ---- shared set-up ---------------------------------------------------------- */

/* Load and print the problems; rep (caller storage, initialised) receives
 * them for a caller that shows them again. */
static content *load_content(const char *dir, content_report *rep)
{
    content *c = content_load(dir, rep);
    content_report_print(rep, stderr);
    if (!c)
        fprintf(stderr,
                "openday: the content in \"%s\" has %zu problem(s), listed above; "
                "fix them and check with: openday --check %s\n",
                dir, rep->errors, dir);
    return c;
}

static content *load_content_once(const char *dir)
{
    content_report rep;
    content_report_init(&rep);
    content *c = load_content(dir, &rep);
    content_report_deinit(&rep);
    return c;
}

static layout_env make_env(int w, int h, float dpi, fontset *fonts)
{
    layout_env env = { w, h, dpi > 0 ? dpi : LAYOUT_DEFAULT_DPI, fontset_measure(fonts) };
    return env;
}

static void make_admin(admin *adm, const cli_options *o, const layout_env *env)
{
    admin_config ac;
    memset(&ac, 0, sizeof ac);
    if (o->admin_pin)
        snprintf(ac.pin, sizeof ac.pin, "%s", o->admin_pin);
    ac.hold_ms = (unsigned)(o->admin_hold_s * 1000.0);
    admin_init(adm, &ac, env);
}

static bool route(admin *adm, app *a, cli_mode mode, const input_event *ev)
{
    return route_input(adm, a, mode == MODE_KIOSK, ev);
}

/* The app as the options configure it, on the logical picture of g. */
static app *make_app(const cli_options *o, const content *c, fontset *fonts, const gfx *g)
{
    app_config cfg;
    app_config_defaults(&cfg);
    cfg.attract_after_ms = (unsigned)(o->attract_after_s * 1000.0);
    cfg.loop = o->loop;
    layout_env env = make_env(g->lw, g->lh, o->dpi, fonts);
    return app_create(c, &cfg, &env, 0);
}

static void print_stats(const sched *s, const gfx *g, const app *a)
{
    sched_stats st;
    sched_get_stats(s, &st);
    render_stats rs;
    render_get_stats(g->rd, &rs);
    app_info ai;
    app_get_info(a, &ai);
    printf("frames %llu, late %llu, work mean %.3f ms, p99 %.3f ms, max %.3f ms\n",
           (unsigned long long)st.frames, (unsigned long long)st.late, st.mean_ms, st.p99_ms,
           st.max_ms);
    printf("layouts %llu, text cache: %llu hits, %llu misses, %llu rasterised, "
           "%zu entries, %.1f MiB\n",
           (unsigned long long)ai.layouts, (unsigned long long)rs.hits,
           (unsigned long long)rs.misses, (unsigned long long)rs.rasterised, rs.entries,
           (double)rs.bytes / (1024.0 * 1024.0));
}

/* ---- headless screenshot ----------------------------------------------------- */

static int run_screenshot(const cli_options *o, const content *c, fontset *fonts)
{
    int w = o->size_w ? o->size_w : 800, h = o->size_h ? o->size_h : 480;
    gfx g;
    if (!gfx_headless(&g, w, h, o->rotate)) {
        gfx_deinit(&g);
        return 1;
    }
    g.rd = render_create(g.ren, fonts, c->dir);
    if (g.rd)
        gfx_retain(&g);
    app_config cfg;
    app_config_defaults(&cfg);
    cfg.attract_after_ms = 0;
    layout_env env = make_env(g.lw, g.lh, o->dpi, fonts);
    app *a = app_create(c, &cfg, &env, 0);
    int rc = 0;
    const char *name = o->screen ? o->screen : "home";
    if (!g.rd || !a) {
        fprintf(stderr, "openday: out of memory\n");
        rc = 1;
    } else if (!app_goto(a, name, 0)) {
        fprintf(stderr,
                "openday: unknown screen \"%s\"; use attract, home, degree:ID, compare, "
                "compare:ID,ID, careers, career:ID, ba-bs or about\n",
                name);
        rc = 2;
    } else {
        /* Settle any entrance animation, then advance to the requested time. */
        for (uint64_t t = 0; t <= o->at_ms + 1000; t += 16)
            app_update(a, t);
        gfx_draw(&g, app_scene(a), NULL, c->colors[COLOR_BACKGROUND]);
        if (!render_save_png(g.ren, g.pw, g.ph, o->screenshot))
            rc = 1;
    }
    app_destroy(a);
    gfx_deinit(&g);
    return rc;
}

/* The staff screen listing the problems in rep, written to o->screenshot. */
static void screenshot_problems(const cli_options *o, const content_report *rep)
{
    fontset *fonts = fontset_create("Inter");
    gfx g;
    int w = o->size_w ? o->size_w : 800, h = o->size_h ? o->size_h : 480;
    if (fonts && gfx_headless(&g, w, h, o->rotate)) {
        g.rd = render_create(g.ren, fonts, ".");
        scene sc;
        scene_init(&sc);
        layout_env env = make_env(g.lw, g.lh, o->dpi, fonts);
        layout_problems(&sc, &env, o->content_dir, rep);
        if (g.rd) {
            gfx_draw(&g, &sc, NULL, od_rgba(0x1C, 0x21, 0x2B, 0xFF));
            render_save_png(g.ren, g.pw, g.ph, o->screenshot);
        }
        scene_deinit(&sc);
        gfx_deinit(&g);
    }
    fontset_destroy(fonts);
}

/* ---- headless replay ------------------------------------------------------------ */

typedef struct {
    const cli_options *o;
    const content *c;
    const char *script_name;
    app *a;
    gfx *g;
    double step_ms;
    double now;          /* simulated time, ms */
    bool quit;
    sched *rt;           /* --realtime: frames paced and timed, else NULL */
    uint64_t freq;
    admin adm;
    scene over;          /* the staff-exit overlay */
    const char *quit_why; /* "normal" or "admin" once the app has quit */
    bool consumed;       /* the last event was played */
    cli_mode mode;
    fontset *fonts;
} player;

static const scene *player_overlay(player *p)
{
    if (!admin_visible(&p->adm))
        return NULL;
    scene_clear(&p->over);
    admin_draw(&p->adm, p->c, &p->over);
    return &p->over;
}

static void wait_until(uint64_t deadline, uint64_t freq);

/* Run simulated frames until time t (ms). In real time, each step waits for
 * its frame deadline and a changed picture is drawn and timed as in the
 * interactive loop. */
static void play_until(player *p, double t)
{
    while (p->now + p->step_ms <= t) {
        if (p->rt)
            wait_until(p->rt->next, p->freq);
        p->now += p->step_ms;
        app_update(p->a, (uint64_t)p->now);
        route_update(&p->adm, p->a, (uint64_t)p->now);
        if (admin_exit_requested(&p->adm) && !p->quit) {
            p->quit = true;
            p->quit_why = "admin";
            return;
        }
        if (p->rt) {
            if (app_dirty(p->a) || app_animating(p->a)) {
                uint64_t start = SDL_GetPerformanceCounter();
                gfx_draw(p->g, app_scene(p->a), player_overlay(p), p->c->colors[COLOR_BACKGROUND]);
                sched_frame_done(p->rt, start, SDL_GetPerformanceCounter());
            } else {
                p->rt->next += p->rt->period; /* a still frame: nothing to draw */
            }
        } else if (app_dirty(p->a)) {
            (void)app_scene(p->a); /* lay out as the real loop would */
        }
    }
    if (t > p->now) {
        p->now = t;
        app_update(p->a, (uint64_t)p->now);
        route_update(&p->adm, p->a, (uint64_t)p->now);
        if (admin_exit_requested(&p->adm) && !p->quit) {
            p->quit = true;
            p->quit_why = "admin";
        }
    }
}

static void play_pointer(player *p, input_kind kind, float fx, float fy)
{
    input_event ev;
    memset(&ev, 0, sizeof ev);
    ev.kind = kind;
    ev.t_ms = (uint64_t)p->now;
    ev.pointer = 1;
    input_calib cal = { p->o->touch_swap_xy, p->o->touch_flip_x, p->o->touch_flip_y };
    input_calibrate(&cal, &fx, &fy);
    input_map_rotation(p->g->rotate, fx, fy, (float)p->g->lw, (float)p->g->lh, &ev.x, &ev.y);
    if (route(&p->adm, p->a, p->mode, &ev)) {
        p->quit = true;
        p->quit_why = "normal";
    }
}

static void play_stroke(player *p, float x1, float y1, float x2, float y2, unsigned ms)
{
    play_pointer(p, INPUT_DOWN, x1, y1);
    double t0 = p->now, t1 = p->now + ms;
    while (p->now + p->step_ms < t1) {
        play_until(p, p->now + p->step_ms);
        float f = (float)((p->now - t0) / (double)ms);
        play_pointer(p, INPUT_MOVE, x1 + (x2 - x1) * f, y1 + (y2 - y1) * f);
    }
    play_until(p, t1);
    play_pointer(p, INPUT_MOVE, x2, y2);
    play_pointer(p, INPUT_UP, x2, y2);
}

/* Returns 0 to go on, 1 for a failed expectation or shot. */
static int play_event(player *p, const replay_event *e)
{
    if (e->at_ms >= 0 && (double)e->at_ms > p->now)
        play_until(p, (double)e->at_ms);
    if (p->quit) {
        p->consumed = false; /* the app quit before this event could happen */
        return 0;
    }
    switch (e->kind) {
    case REPLAY_TAP:
        play_pointer(p, INPUT_DOWN, e->x1, e->y1);
        play_until(p, p->now + 60);
        play_pointer(p, INPUT_UP, e->x1, e->y1);
        break;
    case REPLAY_PRESS:
        play_pointer(p, INPUT_DOWN, e->x1, e->y1);
        break;
    case REPLAY_RELEASE:
        play_pointer(p, INPUT_UP, e->x1, e->y1);
        break;
    case REPLAY_DRAG:
        play_stroke(p, e->x1, e->y1, e->x2, e->y2, e->ms);
        break;
    case REPLAY_SWIPE: {
        float dx = 0.3f * (float)e->dir_x, dy = 0.3f * (float)e->dir_y;
        play_stroke(p, 0.5f - dx, 0.5f - dy, 0.5f + dx, 0.5f + dy, 150);
        break;
    }
    case REPLAY_KEY: {
        input_key k;
        if (!sdl_input_key_by_name(e->arg, &k)) {
            fprintf(stderr, "%s:%d: unknown key name \"%s\" (use SDL key names such as "
                            "Escape, Return, Left, F4)\n", p->script_name, e->line, e->arg);
            return 2;
        }
        input_event ev;
        memset(&ev, 0, sizeof ev);
        ev.kind = INPUT_KEY;
        ev.key = k;
        ev.t_ms = (uint64_t)p->now;
        if (route(&p->adm, p->a, p->mode, &ev)) {
            p->quit = true;
            p->quit_why = "normal";
        }
        break;
    }
    case REPLAY_RESET_DEVICE:
        gfx_lost_textures(p->g);
        gfx_retain(p->g);
        break;
    case REPLAY_RESIZE: {
        /* A new output size: a new headless surface, relaid out at once. */
        render *rd = p->g->rd;
        p->g->rd = NULL;
        gfx ng;
        if (!gfx_headless(&ng, (int)e->x1, (int)e->y1, p->g->rotate)) {
            gfx_deinit(&ng);
            p->g->rd = rd;
            return 1;
        }
        render_destroy(rd);
        gfx_deinit(p->g);
        *p->g = ng;
        p->g->rd = render_create(p->g->ren, p->fonts, p->c->dir);
        if (!p->g->rd)
            return 1;
        gfx_retain(p->g);
        app_resize(p->a, p->g->lw, p->g->lh);
        admin_resize(&p->adm, p->g->lw, p->g->lh);
        break;
    }
    case REPLAY_CLOSE:
        /* The window manager's close request: refused in kiosk mode. */
        if (p->mode != MODE_KIOSK) {
            p->quit = true;
            p->quit_why = "normal";
        }
        break;
    case REPLAY_EXPECT_QUIT:
        fprintf(stderr, "%s:%d: expected the app to have quit (%s), but it is running\n",
                p->script_name, e->line, e->arg);
        return 1;
    case REPLAY_EXPECT_ADMIN: {
        static const char *const names[] = { "idle", "armed", "keypad", "exit" };
        const char *now = names[admin_get_phase(&p->adm)];
        if (strcmp(now, e->arg)) {
            fprintf(stderr, "%s:%d: expected the staff exit to be \"%s\" but it is \"%s\" "
                            "(at %.0f ms)\n", p->script_name, e->line, e->arg, now, p->now);
            return 1;
        }
        break;
    }
    case REPLAY_WAIT:
        play_until(p, p->now + e->ms);
        break;
    case REPLAY_SHOT:
        gfx_draw(p->g, app_scene(p->a), player_overlay(p), p->c->colors[COLOR_BACKGROUND]);
        if (!render_save_png(p->g->ren, p->g->pw, p->g->ph, e->arg)) {
            fprintf(stderr, "%s:%d: could not write \"%s\"\n", p->script_name, e->line, e->arg);
            return 1;
        }
        break;
    case REPLAY_EXPECT: {
        view_place pl = app_place(p->a);
        if (!view_place_matches(&pl, p->c, e->arg)) {
            char now[600];
            app_place_name(p->a, now, sizeof now);
            fprintf(stderr, "%s:%d: expected screen \"%s\" but the visitor is on \"%s\" "
                            "(at %.0f ms)\n", p->script_name, e->line, e->arg, now, p->now);
            return 1;
        }
        break;
    }
    default:
        break;
    }
    char why[256];
    if (!app_check(p->a, why, sizeof why)) {
        fprintf(stderr, "%s:%d: internal state broken: %s\n", p->script_name, e->line, why);
        return 1;
    }
    return 0;
}

static char *read_file(const char *path, size_t limit, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "openday: cannot open \"%s\": %s\n", path, strerror(errno));
        return NULL;
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n + 1 >= cap) {
            if (cap > limit) {
                fprintf(stderr, "openday: \"%s\" is larger than %zu bytes\n", path, limit);
                free(buf);
                buf = NULL;
                break;
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t r = fread(buf + n, 1, cap - n - 1, f);
        n += r;
        if (r == 0)
            break;
    }
    if (buf && ferror(f)) {
        fprintf(stderr, "openday: reading \"%s\" failed: %s\n", path, strerror(errno));
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        if (len)
            *len = n;
    }
    return buf;
}

static int run_replay(const cli_options *o, const content *c, fontset *fonts)
{
    char *text = read_file(o->replay, 64u << 20, NULL);
    if (!text)
        return 2;
    char err[512];
    replay_script *script = replay_parse(text, err, sizeof err);
    free(text);
    if (!script) {
        fprintf(stderr, "%s:%s\n", o->replay, err);
        return 2;
    }
    int w = o->size_w ? o->size_w : 800, h = o->size_h ? o->size_h : 480;
    gfx g;
    int rc = 0;
    if (!gfx_headless(&g, w, h, o->rotate)) {
        gfx_deinit(&g);
        replay_destroy(script);
        return 1;
    }
    g.rd = render_create(g.ren, fonts, c->dir);
    if (g.rd)
        gfx_retain(&g);
    app *a = make_app(o, c, fonts, &g);
    if (!a || !g.rd) {
        fprintf(stderr, "openday: out of memory\n");
        rc = 1;
    }
    sched rt;
    uint64_t freq = SDL_GetPerformanceFrequency();
    sched_init(&rt, freq, (unsigned)o->fps, SDL_GetPerformanceCounter());
    player p;
    memset(&p, 0, sizeof p);
    p.o = o;
    p.c = c;
    p.script_name = o->replay;
    p.a = a;
    p.g = &g;
    p.step_ms = 1000.0 / o->fps;
    p.fonts = fonts;
    p.rt = o->realtime ? &rt : NULL;
    p.freq = freq;
    p.mode = o->mode == MODE_AUTO ? MODE_KIOSK : o->mode; /* headless: as on a Pi console */
    layout_env aenv = make_env(g.lw, g.lh, o->dpi, fonts);
    make_admin(&p.adm, o, &aenv);
    scene_init(&p.over);
    size_t i = 0;
    while (rc == 0 && i < script->count && !p.quit) {
        p.consumed = true;
        rc = play_event(&p, &script->events[i]);
        if (p.consumed)
            i++;
        if (!p.quit && admin_exit_requested(&p.adm)) {
            p.quit = true;
            p.quit_why = "admin";
        }
    }
    if (rc == 0 && p.quit) {
        /* The app quit: the next event must expect it, with the right reason. */
        const replay_event *next = i < script->count ? &script->events[i] : NULL;
        if (!next || next->kind != REPLAY_EXPECT_QUIT) {
            fprintf(stderr, "%s:%d: the app quit (%s) here, but the script goes on\n",
                    o->replay, script->events[i ? i - 1 : 0].line, p.quit_why);
            rc = 1;
        } else if (strcmp(next->arg, p.quit_why)) {
            fprintf(stderr, "%s:%d: expected a %s quit, but it was %s\n", o->replay, next->line,
                    next->arg, p.quit_why);
            rc = 1;
        } else if (i + 1 < script->count) {
            fprintf(stderr, "%s:%d: events after expect-quit cannot run\n", o->replay,
                    script->events[i + 1].line);
            rc = 1;
        } else {
            printf("replay %s: the app quit (%s) as expected\n", o->replay, p.quit_why);
        }
    }
    scene_deinit(&p.over);
    if (rc == 0 && o->stats && o->realtime)
        print_stats(&rt, &g, a);
    if (rc == 0)
        printf("replay %s: %zu events, %.1f s simulated, ends on ", o->replay, script->count,
               p.now / 1000.0);
    if (rc == 0) {
        char name[600];
        app_place_name(a, name, sizeof name);
        printf("%s\n", name);
    }
    app_destroy(a);
    gfx_deinit(&g);
    replay_destroy(script);
    return rc;
}

/* ---- interactive ---------------------------------------------------------------- */

static bool have_display_server(void)
{
    const char *d = getenv("DISPLAY"), *wl = getenv("WAYLAND_DISPLAY");
    return (d && *d) || (wl && *wl);
}

static uint64_t ticks_to_ms(uint64_t ticks, uint64_t freq)
{
    return (ticks / freq) * 1000 + (ticks % freq) * 1000 / freq;
}

/* Sleep until the counter reaches `deadline`: nanosleep for most of it, then
 * spin for the last fraction of a millisecond (sleep overshoots by ~0.1 ms). */
static void wait_until(uint64_t deadline, uint64_t freq)
{
    const uint64_t margin = freq / 3000; /* 0.33 ms */
    for (;;) {
        uint64_t now = SDL_GetPerformanceCounter();
        if (now >= deadline)
            return;
        uint64_t left = deadline - now;
        if (left <= margin) {
            while (SDL_GetPerformanceCounter() < deadline)
                ;
            return;
        }
        uint64_t ns = (left - margin) * 1000000000ull / freq;
        struct timespec ts = { (time_t)(ns / 1000000000ull), (long)(ns % 1000000000ull) };
        nanosleep(&ts, NULL);
    }
}

static bool gfx_window(gfx *g, const cli_options *o, cli_mode mode)
{
    memset(g, 0, sizeof *g);
    g->rotate = o->rotate;
    Uint32 flags = SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI;
    int w = 1280, h = 800;
    if (mode == MODE_WINDOWED) {
        flags |= SDL_WINDOW_RESIZABLE;
        w = o->win_w;
        h = o->win_h;
    } else {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    }
    g->win = SDL_CreateWindow("openday", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h,
                              flags);
    if (!g->win) {
        fprintf(stderr, "openday: SDL_CreateWindow failed: %s\n", SDL_GetError());
        return false;
    }
    /* On a Pi console (KMSDRM) the GPU's fast path is OpenGL ES 2: ask for
     * it unless SDL_RENDER_DRIVER says otherwise. Render-to-texture is
     * required (the rotation target). */
    const char *vd = SDL_GetCurrentVideoDriver();
    if (vd && !strcmp(vd, "kmsdrm"))
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "opengles2");
    g->ren = SDL_CreateRenderer(g->win, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_TARGETTEXTURE);
    if (!g->ren) {
        fprintf(stderr, "openday: accelerated renderer unavailable (%s); using software\n",
                SDL_GetError());
        g->ren = SDL_CreateRenderer(g->win, -1, SDL_RENDERER_SOFTWARE);
    }
    SDL_RendererInfo ri;
    if (g->ren && SDL_GetRendererInfo(g->ren, &ri) == 0)
        fprintf(stderr, "openday: renderer %s on %s\n", ri.name, vd ? vd : "?");
    if (!g->ren) {
        fprintf(stderr, "openday: SDL_CreateRenderer failed: %s\n", SDL_GetError());
        return false;
    }
    if (SDL_GetRendererOutputSize(g->ren, &g->pw, &g->ph) != 0) {
        fprintf(stderr, "openday: SDL_GetRendererOutputSize failed: %s\n", SDL_GetError());
        return false;
    }
    return gfx_make_target(g);
}

/* The fonts a content model asks for (its font files resolved against its
 * directory), or the default family when there is no content. */
static fontset *fonts_for(const content *c)
{
    char file[2][PATH_MAX] = { "", "" };
    for (int i = 0; c && i < 2; i++)
        if (*c->font_file[i])
            snprintf(file[i], sizeof file[i], "%s/%s", c->dir, c->font_file[i]);
    return fontset_create_files(c ? c->font_family : "Inter", file[0], file[1]);
}

static bool same_fonts(const content *a, const content *b)
{
    if (!a || !b)
        return false;
    for (int i = 0; i < 2; i++)
        if (strcmp(a->font_file[i], b->font_file[i]) || (*a->font_file[i] && strcmp(a->dir, b->dir)))
            return false;
    return !strcmp(a->font_family, b->font_family);
}

/* Wall-clock milliseconds since the newest content file was written: how
 * long a reload took from the staff member's point of view. */
static long long ms_since_saved(const char *dir)
{
    struct timespec now, newest = { 0, 0 };
    clock_gettime(CLOCK_REALTIME, &now);
    char path[PATH_MAX];
    for (size_t i = 0; i < CONTENT_NFILES; i++) {
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", dir, content_files[i]);
        if (stat(path, &st) == 0 &&
            (st.st_mtim.tv_sec > newest.tv_sec ||
             (st.st_mtim.tv_sec == newest.tv_sec && st.st_mtim.tv_nsec > newest.tv_nsec)))
            newest = st.st_mtim;
    }
    return (long long)(now.tv_sec - newest.tv_sec) * 1000 +
           (now.tv_nsec - newest.tv_nsec) / 1000000;
}

/* Everything the window shows: the app when there is content, else the
 * staff screen listing the problems. */
typedef struct {
    const cli_options *o;
    gfx g;
    reload *rl;
    fontset *fonts;
    app *a;
    scene problems;     /* the staff screen, when a is NULL */
    bool problems_dirty;
    admin adm;          /* the staff exit */
    scene over;         /* its overlay */
} kiosk;

static const scene *kiosk_overlay(kiosk *k)
{
    if (!admin_visible(&k->adm))
        return NULL;
    scene_clear(&k->over);
    admin_draw(&k->adm, reload_content(k->rl), &k->over);
    return &k->over;
}

/* systemd: readiness, watchdog and a status line (no-ops without systemd). */
static void notify_status(const reload *rl)
{
    const content *c = reload_content(rl);
    switch (reload_get_origin(rl)) {
    case RELOAD_LIVE:
        sd_notifyf(0, "STATUS=Showing %zu degrees from %s", c->n_degrees, c->dir);
        break;
    case RELOAD_LAST_GOOD:
        sd_notifyf(0, "STATUS=Content invalid: showing the last valid copy from %s", c->dir);
        break;
    case RELOAD_NONE:
    default:
        sd_notify(0, "STATUS=No valid content: showing the problems to staff");
        break;
    }
}

/* Pick the DRM card with a display for SDL's KMSDRM driver (Pi 5: several
 * cards, numbered differently from boot to boot). */
static void choose_drm_device(const cli_options *o)
{
    const char *drv = getenv("SDL_VIDEODRIVER");
    if (!drv || strcmp(drv, "kmsdrm"))
        return;
    char why[300];
    int card = drm_pick_card("/sys/class/drm", o->drm_device, why, sizeof why);
    fprintf(stderr, "openday: %s\n", why);
    if (card >= 0) {
        char idx[16];
        snprintf(idx, sizeof idx, "%d", card);
        SDL_SetHint(SDL_HINT_KMSDRM_DEVICE_INDEX, idx);
    }
}

static od_color kiosk_clear(const kiosk *k)
{
    const content *c = reload_content(k->rl);
    return c ? c->colors[COLOR_BACKGROUND] : od_rgba(0x1C, 0x21, 0x2B, 0xFF);
}

/* Point fonts, renderer and app at the reload's current content. The old
 * model is still alive, so the app can carry the visitor's place over. */
static bool kiosk_adopt(kiosk *k, const content *old)
{
    const content *c = reload_content(k->rl);
    if (!same_fonts(old, c)) {
        fontset *f = fonts_for(c);
        if (!f)
            return false;
        app_destroy(k->a);
        k->a = NULL;
        render_destroy(k->g.rd);
        fontset_destroy(k->fonts);
        k->fonts = f;
        k->g.rd = render_create(k->g.ren, f, c ? c->dir : ".");
        if (!k->g.rd)
            return false;
        gfx_retain(&k->g);
    } else {
        render_set_content_dir(k->g.rd, c->dir);
    }
    if (!c) {
        app_destroy(k->a);
        k->a = NULL;
        k->problems_dirty = true;
        return true;
    }
    if (k->a) {
        app_set_content(k->a, c);
    } else {
        k->a = make_app(k->o, c, k->fonts, &k->g);
        if (!k->a)
            return false;
    }
    return true;
}

static const scene *kiosk_scene(kiosk *k)
{
    if (k->a)
        return app_scene(k->a);
    if (k->problems_dirty) {
        layout_env env = make_env(k->g.lw, k->g.lh, k->o->dpi, k->fonts);
        layout_problems(&k->problems, &env, k->o->content_dir, reload_problems(k->rl));
        k->problems_dirty = false;
    }
    return &k->problems;
}

static int run_interactive(const cli_options *o)
{
    cli_mode mode = o->mode;
    if (mode == MODE_AUTO)
        mode = have_display_server() ? MODE_WINDOWED : MODE_KIOSK;
    cli_options eff = *o;
    if (mode == MODE_WINDOWED && !eff.win_w) {
        eff.win_w = 1280;
        eff.win_h = 800;
    }

    /* Our own handlers: SIGTERM from systemd must quit even in kiosk mode,
     * where SDL's quit event (the window's close button) is ignored; SIGHUP
     * reloads the content. */
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    if (mode == MODE_KIOSK)
        SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGUSR1, &sa, NULL);
    /* A full disk (or a file size limit) must be an error to log, not a
     * signal that kills the kiosk. */
    signal(SIGXFSZ, SIG_IGN);
    signal(SIGPIPE, SIG_IGN);
    choose_drm_device(o);

    kiosk k;
    memset(&k, 0, sizeof k);
    k.o = &eff;
    scene_init(&k.problems);
    scene_init(&k.over);
    k.problems_dirty = true;
    char state[PATH_MAX] = "";
    if (!o->no_state) {
        if (o->state_dir)
            snprintf(state, sizeof state, "%s", o->state_dir);
        else
            store_default_dir(state, sizeof state);
    }
    reload_config rc = { o->content_dir, state, { 0, 0, o->watch_poll }, false, stderr };
    k.rl = reload_create(&rc, 0);
    if (!k.rl) {
        fprintf(stderr, "openday: out of memory\n");
        return 1;
    }
    const content *c = reload_content(k.rl);
    k.fonts = fonts_for(c);
    if (!k.fonts) {
        fprintf(stderr, "openday: no usable font found; install fonts-inter or "
                        "fonts-dejavu-core\n");
        reload_destroy(k.rl);
        return 1;
    }

    int status = 0;
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr,
                "openday: no display to show the kiosk on (SDL_Init: %s).\n"
                "  On a desktop, start it inside the desktop session; on a Raspberry Pi\n"
                "  console, run it as a user in the video, render and input groups\n"
                "  (SDL_VIDEODRIVER=kmsdrm). Without any display, use --screenshot or\n"
                "  --replay, or --check to validate content.\n",
                SDL_GetError());
        status = 1;
        goto out_fonts;
    }
    if (!gfx_window(&k.g, &eff, mode)) {
        fprintf(stderr, "openday: could not open the display; see the message above. "
                        "Without a display, use --screenshot, --replay or --check.\n");
        status = 1;
        goto out_gfx;
    }
    if (mode != MODE_WINDOWED)
        SDL_ShowCursor(SDL_DISABLE);
    /* Video drivers whose event wait really blocks. */
    const char *vd = SDL_GetCurrentVideoDriver();
    bool real_wait = vd && (!strcmp(vd, "x11") || !strcmp(vd, "wayland") ||
                            !strcmp(vd, "windows") || !strcmp(vd, "cocoa"));
    k.g.rd = render_create(k.g.ren, k.fonts, c ? c->dir : ".");
    if (k.g.rd)
        gfx_retain(&k.g);
    if (!k.g.rd || (c && !(k.a = make_app(&eff, c, k.fonts, &k.g)))) {
        fprintf(stderr, "openday: out of memory\n");
        status = 1;
        goto out_gfx;
    }
    if (k.a && o->screen && !app_goto(k.a, o->screen, 0))
        fprintf(stderr, "openday: unknown screen \"%s\"; starting with the attract loop\n",
                o->screen);
    layout_env aenv = make_env(k.g.lw, k.g.lh, o->dpi, k.fonts);
    make_admin(&k.adm, o, &aenv);
    if (mode == MODE_KIOSK && !admin_enabled(&k.adm))
        fprintf(stderr, "openday: no admin-pin configured: the staff exit gesture is off; stop "
                        "the kiosk with systemctl\n");
    /* The watchdog wants a sign of life at least every WATCHDOG_USEC; the loop
     * gives one every half of it and never sleeps longer than a quarter. */
    uint64_t wd_usec = 0;
    bool watchdog = sd_watchdog_enabled(0, &wd_usec) > 0 && wd_usec > 0;
    uint64_t wd_every_ms = watchdog ? wd_usec / 2000 : 0, wd_last = 0;
    bool ready_sent = false;

    uint64_t freq = SDL_GetPerformanceFrequency();
    sched s;
    sched_init(&s, freq, (unsigned)o->fps, SDL_GetPerformanceCounter());
    double step_ms = sched_step_ms(&s);
    double sim = 0; /* app time, ms: advances by fixed steps while animating */
    uint64_t t0 = SDL_GetPerformanceCounter();
    bool running = true, force = true, announce = false;
    sdl_input_map map = { k.g.rotate, 0, 0, k.g.lw, k.g.lh,
                          { o->touch_swap_xy, o->touch_flip_x, o->touch_flip_y } };
    SDL_GetWindowSize(k.g.win, &map.win_w, &map.win_h);

    while (running && !g_quit_signal) {
        /* Content first: a settled change is swapped in before this frame. */
        if (g_stats_signal) {
            g_stats_signal = 0;
            if (o->stats && k.a)
                print_stats(&s, &k.g, k.a);
            fflush(stdout);
        }
        if (g_reload_signal) {
            g_reload_signal = 0;
            fprintf(stderr, "openday: SIGHUP: reloading the content\n");
            reload_request(k.rl);
        }
        uint64_t wall = ticks_to_ms(SDL_GetPerformanceCounter() - t0, freq);
        if (o->debug_stall_s > 0 && (double)wall >= o->debug_stall_s * 1000.0) {
            /* A hung loop on purpose: the watchdog must kill and restart us. */
            fprintf(stderr, "openday: --debug-stall-after: the loop stops here\n");
            for (;;)
                pause();
        }
        if (watchdog && wall - wd_last >= wd_every_ms) {
            sd_notify(0, "WATCHDOG=1");
            wd_last = wall;
        }
        content *old = NULL;
        size_t before = reload_problems(k.rl)->count;
        if (reload_poll(k.rl, wall, &old)) {
            notify_status(k.rl);
            if (!kiosk_adopt(&k, old)) {
                fprintf(stderr, "openday: out of memory while switching content\n");
                content_destroy(old);
                status = 1;
                break;
            }
            content_destroy(old);
            force = announce = true;
        } else if (!k.a && reload_problems(k.rl)->count != before) {
            k.problems_dirty = force = true;
        }

        bool busy = force || (k.a && (app_animating(k.a) || app_dirty(k.a))) ||
                    (admin_visible(&k.adm) && k.adm.holding);
        SDL_Event e;
        bool have = false;
        if (busy) {
            wait_until(s.next, freq);
            have = SDL_PollEvent(&e);
        } else {
            /* Nothing moves: sleep in the event queue until input or the next
             * timed change; wake at least every 250 ms to notice signals. */
            uint64_t wait = k.a ? app_wait_ms(k.a, (uint64_t)sim) : UINT64_MAX;
            uint64_t rw = reload_wait_ms(k.rl, wall);
            if (rw < wait)
                wait = rw;
            uint64_t aw = admin_wait_ms(&k.adm, (uint64_t)sim);
            if (aw < wait)
                wait = aw;
            if (watchdog && wd_every_ms / 2 < wait)
                wait = wd_every_ms / 2;
            int timeout = wait > 250 ? 250 : (int)(wait ? wait : 1);
            uint64_t t_before = SDL_GetPerformanceCounter();
            if (real_wait) {
                have = SDL_WaitEventTimeout(&e, timeout);
            } else {
                /* SDL waits by polling every millisecond where the video
                 * driver cannot block (KMSDRM on a Pi console, dummy): a
                 * thousand wake-ups a second for a still screen. Sleep a
                 * frame at a time instead; a touch is seen within 16 ms. */
                have = SDL_PollEvent(&e);
                if (!have) {
                    unsigned ms = timeout < 16 ? (unsigned)timeout : 16;
                    struct timespec ts = { 0, (long)ms * 1000000L };
                    nanosleep(&ts, NULL);
                    have = SDL_PollEvent(&e);
                }
            }
            uint64_t after = SDL_GetPerformanceCounter();
            sim += (double)ticks_to_ms(after - t_before, freq);
            if (k.a)
                app_update(k.a, (uint64_t)sim);
            route_update(&k.adm, k.a, (uint64_t)sim);
            sched_resync(&s, after);
        }
        while (have) {
            input_event ev[4];
            switch (e.type) {
            case SDL_QUIT:
                if (mode != MODE_KIOSK)
                    running = false;
                break;
            case SDL_WINDOWEVENT:
                if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
                    int pw, ph;
                    SDL_GetRendererOutputSize(k.g.ren, &pw, &ph);
                    k.g.pw = pw;
                    k.g.ph = ph;
                    gfx_make_target(&k.g);
                    gfx_retain(&k.g);
                    SDL_GetWindowSize(k.g.win, &map.win_w, &map.win_h);
                    map.log_w = k.g.lw;
                    map.log_h = k.g.lh;
                    if (k.a)
                        app_resize(k.a, k.g.lw, k.g.lh);
                    admin_resize(&k.adm, k.g.lw, k.g.lh);
                    k.problems_dirty = force = true;
                } else if (e.window.event == SDL_WINDOWEVENT_EXPOSED) {
                    render_invalidate(k.g.rd);
                    force = true;
                }
                break;
            case SDL_RENDER_TARGETS_RESET:
            case SDL_RENDER_DEVICE_RESET:
                fprintf(stderr, "openday: %s: making every texture again\n",
                        e.type == SDL_RENDER_DEVICE_RESET ? "render device reset"
                                                          : "render targets reset");
                gfx_lost_textures(&k.g);
                gfx_retain(&k.g);
                force = true;
                break;
            default:
                break;
            }
            size_t n = sdl_input_translate(&e, &map, (uint64_t)sim, ev, 4);
            for (size_t i = 0; i < n; i++) {
                bool was_keypad = admin_get_phase(&k.adm) == ADMIN_KEYPAD;
                if (route(&k.adm, k.a, mode, &ev[i]))
                    running = false;
                if (was_keypad || admin_visible(&k.adm))
                    force = true; /* keypad feedback */
            }
            have = SDL_PollEvent(&e);
        }
        if (busy) {
            unsigned steps = sched_steps(&s, SDL_GetPerformanceCounter());
            for (unsigned i = 0; i < steps; i++) {
                sim += step_ms;
                if (k.a)
                    app_update(k.a, (uint64_t)sim);
                route_update(&k.adm, k.a, (uint64_t)sim);
            }
        }
        if (force || (k.a && app_dirty(k.a))) {
            uint64_t start = SDL_GetPerformanceCounter();
            gfx_draw(&k.g, kiosk_scene(&k), kiosk_overlay(&k), kiosk_clear(&k));
            SDL_RenderPresent(k.g.ren);
            sched_frame_done(&s, start, SDL_GetPerformanceCounter());
            force = false;
            if (!ready_sent) {
                notify_status(k.rl);
                sd_notify(0, "READY=1");
                ready_sent = true;
            }
            if (announce) {
                fprintf(stderr, "openday: new content on screen %lld ms after the last file "
                                "was saved\n", ms_since_saved(o->content_dir));
                announce = false;
            }
        }
        if (admin_exit_requested(&k.adm)) {
            fprintf(stderr, "openday: staff exit with the admin PIN\n");
            status = OPENDAY_EXIT_ADMIN;
            running = false;
        }
    }
    sd_notify(0, "STOPPING=1");
    if (o->stats && k.a)
        print_stats(&s, &k.g, k.a);
out_gfx:
    app_destroy(k.a);
    gfx_deinit(&k.g);
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
out_fonts:
    scene_deinit(&k.problems);
    scene_deinit(&k.over);
    fontset_destroy(k.fonts);
    reload_destroy(k.rl);
    return status;
}

static int run_main(int argc, char **argv, cli_options *op, char *err, size_t errlen);

/* ---- entry ------------------------------------------------------------------------ */

int main(int argc, char **argv)
{
    cli_options o;
    char err[512];
    /* The configuration file's options come first, so the command line wins. */
    config_args_out conf;
    memset(&conf, 0, sizeof conf);
    const char *conf_path = config_find(argc, argv);
    if (conf_path) {
        if (!config_args(conf_path, argc, argv, &conf, err, sizeof err)) {
            fprintf(stderr, "openday: %s\n", err);
            return 2;
        }
        argc = conf.argc;
        argv = conf.argv;
    }
    int rc = run_main(argc, argv, &o, err, sizeof err);
    config_free(&conf);
    return rc;
}

static int run_main(int argc, char **argv, cli_options *op, char *err, size_t errlen)
{
    cli_options o;
    (void)op;
    if (!cli_parse(argc, argv, &o, err, errlen)) {
        fprintf(stderr, "openday: %s\nTry 'openday --help'.\n", err);
        return 2;
    }
    if (o.help) {
        cli_usage(stdout);
        return 0;
    }
    if (o.version) {
        printf("openday %s (SDL %d.%d.%d, SDL_ttf %d.%d.%d, content schema %d)\n",
               OPENDAY_VERSION, SDL_MAJOR_VERSION, SDL_MINOR_VERSION, SDL_PATCHLEVEL,
               SDL_TTF_MAJOR_VERSION, SDL_TTF_MINOR_VERSION, SDL_TTF_PATCHLEVEL, CONTENT_SCHEMA);
        return 0;
    }
    if (o.check) {
        content_report rep;
        content_report_init(&rep);
        content *c = content_load(o.check_dir, &rep);
        content_report_print(&rep, stdout);
        if (c)
            printf("%s: valid: %zu degrees, %zu careers, %zu warning(s)\n", o.check_dir,
                   c->n_degrees, c->n_careers, rep.warnings);
        else
            printf("%s: %zu error(s), %zu warning(s)\n", o.check_dir, rep.errors, rep.warnings);
        content_report_deinit(&rep);
        int rc = c ? 0 : 2;
        content_destroy(c);
        return rc;
    }

    if (o.export_html) {
        content *c = load_content_once(o.content_dir);
        if (!c)
            return 2;
        char why[600];
        bool ok = export_html(c, o.export_html, why, sizeof why);
        if (ok)
            printf("openday: wrote %s/index.html\n", o.export_html);
        else
            fprintf(stderr, "openday: %s\n", why);
        content_destroy(c);
        return ok ? 0 : 1;
    }
    if (TTF_Init() != 0) {
        fprintf(stderr, "openday: TTF_Init failed: %s\n", TTF_GetError());
        return 1;
    }
    if (!o.screenshot && !o.replay) {
        int rc = run_interactive(&o);
        TTF_Quit();
        SDL_Quit();
        return rc;
    }
    /* Screenshots and replays show exactly the directory given, once. */
    content_report rep;
    content_report_init(&rep);
    content *c = load_content(o.content_dir, &rep);
    if (!c) {
        /* A screenshot of broken content shows the staff screen the kiosk
         * would show; the exit status still says the content is invalid. */
        if (o.screenshot)
            screenshot_problems(&o, &rep);
        content_report_deinit(&rep);
        TTF_Quit();
        return 2;
    }
    content_report_deinit(&rep);
    fontset *fonts = fonts_for(c);
    if (!fonts) {
        fprintf(stderr, "openday: no usable font found; install fonts-inter or "
                        "fonts-dejavu-core\n");
        TTF_Quit();
        content_destroy(c);
        return 1;
    }
    int rc;
    if (o.screenshot)
        rc = run_screenshot(&o, c, fonts);
    else
        rc = run_replay(&o, c, fonts);
    fontset_destroy(fonts);
    TTF_Quit();
    SDL_Quit();
    content_destroy(c);
    return rc;
}
