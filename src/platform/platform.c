/* platform.c - the kiosk on SDL: the window loop, replays and
 * screenshots. See platform.h. */
#include <SDL.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <systemd/sd-daemon.h>
#include <time.h>
#include <unistd.h>

#include "content.h"
#include "drm_card.h"
#include "file.h"
#include "hyph.h"
#include "boot.h"
#include "font.h"
#include "gfx.h"
#include "dump.h"
#include "kiosk.h"
#include "phys.h"
#include "platform.h"
#include "player.h"
#include "replay.h"
#include "pacer.h"
#include "sdl_input.h"
#include "speech.h"
#include "store.h"
#include "upkeep.h"
#include "talks.h"
#include "screen.h"

/* After this long drawing frames, a start counts as healthy (boot.h). */
#define BOOT_HEALTHY_AFTER_MS 60000

/* ---- the pieces every runner shares ---------------------------------------- */

/* What a runner holds on the SDL side: the output, the faces, and the kiosk on them. */
typedef struct {
    gfx g;
    fontset *fonts;
    kiosk *k;
    speech *sp;       /* Read aloud's voice, NULL when it cannot speak */
} host;

static void kiosk_config_from(kiosk_config *kc, const cli_options *o, bool kiosk_mode)
{
    kiosk_config_defaults(kc);
    kc->content_dir = o->content_dir;
    kc->refuse_quit = kiosk_mode;
    kc->app.attract_after_ms = (unsigned)(o->attract_after_s * 1000.0);
    kc->app.reset_warning_ms = (unsigned)(o->reset_warning_s * 1000.0);
    kc->app.mounted_high = o->mounted_high;
    kc->app.loop = o->loop;
    if (o->admin_pin)
        snprintf(kc->admin.pin, sizeof kc->admin.pin, "%s", o->admin_pin);
    kc->admin.hold_ms = (unsigned)(o->admin_hold_s * 1000.0);
    kc->dpi = o->dpi;          /* 0 until a runner decides (host_physical) */
    kc->distance_cm = phys_distance_cm(o->distance_cm, o->loop);
    kc->rotate = o->rotate;
    kc->touch.swap_xy = o->touch_swap_xy;
    kc->touch.flip_x = o->touch_flip_x;
    kc->touch.flip_y = o->touch_flip_y;
    kc->watch_poll = o->watch_poll;
    kc->log = stderr;
}

/* Decide pixels per inch (phys.h) and log the figure with where it came
 * from, once per runner. reported: the display's figure, 0 for none. */
static float host_physical(const cli_options *o, float reported, const char *from, int w, int h,
                            float distance_cm)
{
    phys_dpi d;
    phys_choose_dpi(o->dpi, reported, from, w, h, &d);
    fprintf(stderr, "openday: %s; viewing distance %.0f cm%s\n", d.why, distance_cm,
            o->distance_cm > 0 ? " (--distance)" : o->loop ? " (the default with --loop)"
                                                           : " (the default)");
    return d.dpi;
}

/* Writes len bytes to path through the one safe writer (file.h), so a pipe
 * or a symlink at path can neither block nor redirect it; false after
 * logging why. */
static bool write_file(const char *path, const char *data, size_t len)
{
    int e = file_write_atomic(path, data, len);
    if (e)
        fprintf(stderr, "openday: cannot write %s: %s\n", path, strerror(e));
    return !e;
}

/* The dump.h account of the kiosk's current frame, written to path. */
static bool host_dump(kiosk *k, const char *path)
{
    char *json = kiosk_dump_json(k);
    if (!json) {
        fprintf(stderr, "openday: out of memory writing %s\n", path);
        return false;
    }
    bool ok = write_file(path, json, strlen(json));
    dump_free(json);
    return ok;
}

/* KIOSK_ACT_FONTS: open the faces the content asks for, make the renderer
 * for them, and hand their measurer to the kiosk; the old faces close last,
 * once nothing uses them. */
static bool host_fonts(host *s)
{
    kiosk_fonts want;
    kiosk_fonts_wanted(s->k, &want);
    const char *files[SCENE_FONT_COUNT] = { want.file[0], want.file[1] };
    fontset *f = fontset_create_mem(want.family, files, want.bytes);
    if (!f) {
        fprintf(stderr, "openday: no usable font found; install fonts-inter or "
                        "fonts-dejavu-core\n");
        return false;
    }
    render_destroy(s->g.rd);
    s->g.rd = render_create(s->g.ren, f);
    if (s->g.rd)
        render_use_content(s->g.rd, kiosk_content(s->k));
    bool ok = s->g.rd && kiosk_set_measure(s->k, fontset_measure(f));
    fontset_destroy(s->fonts);
    s->fonts = f;
    if (!ok)
        fprintf(stderr, "openday: out of memory\n");
    else
        gfx_retain(&s->g);
    return ok;
}

/* Act on what the kiosk asks; false when the host must stop (after
 * logging why). */
static bool host_act(host *s, unsigned acts)
{
    if ((acts & KIOSK_ACT_FONTS) && !host_fonts(s))
        return false;
    if ((acts & KIOSK_ACT_CONTENT) && s->g.rd)
        render_use_content(s->g.rd, kiosk_content(s->k));
    return true;
}

static void host_deinit(host *s)
{
    kiosk_destroy(s->k);
    speech_destroy(s->sp); /* after the app: it may still be speaking */
    gfx_deinit(&s->g);   /* the renderer before the faces it borrows */
    fontset_destroy(s->fonts);
    memset(s, 0, sizeof *s);
}

static void host_draw(host *s)
{
    kiosk_frame f;
    kiosk_get_frame(s->k, &f);
    gfx_draw(&s->g, f.scene, f.overlay, f.clear);
}

static void print_stats(const pacer *sc, const host *s)
{
    pacer_stats st;
    pacer_get_stats(sc, &st);
    render_stats rs;
    render_get_stats(s->g.rd, &rs);
    app_info ai;
    memset(&ai, 0, sizeof ai);
    app *a = kiosk_app(s->k);
    if (a)
        app_get_info(a, &ai);
    printf("frames %llu, late %llu, work mean %.3f ms, p99 %.3f ms, max %.3f ms\n",
           (unsigned long long)st.frames, (unsigned long long)st.late, st.mean_ms, st.p99_ms,
           st.max_ms);
    printf("layouts %llu, text cache: %llu hits, %llu misses, %llu rasterised, "
           "%zu entries, %.1f MiB\n",
           (unsigned long long)ai.layouts, (unsigned long long)rs.hits,
           (unsigned long long)rs.misses, (unsigned long long)rs.rasterised, rs.entries,
           (double)rs.bytes / (1024.0 * 1024.0));
    if (s->sp) {
        speech_stats sp;
        speech_get_stats(s->sp, &sp);
        printf("speech %llu said, %llu started, %llu cut short, first samples mean %.1f ms, "
               "max %.1f ms\n",
               (unsigned long long)sp.said, (unsigned long long)sp.started,
               (unsigned long long)sp.cancelled, sp.first_ms_mean, sp.first_ms_max);
    }
}

/* ---- Read aloud (speech) ---- */

/* The voice for a runner that may speak: the kiosk's app offers Read aloud
 * only when it can be heard. Before kiosk_create (the app copies the sink). */
static void host_speech(host *s, const cli_options *o, kiosk_config *kc)
{
    if (o->no_speech) {
        fprintf(stderr, "openday: Read aloud not offered (no-speech)\n");
        return;
    }
    s->sp = speech_create(stderr);
    if (s->sp) {
        kc->app.speech = speech_sink(s->sp);
        kc->app.speech_available = true;
    }
}

/* --language CODE: the visitor language already chosen. False, said on
 * stderr, for a code the content does not offer. */
static bool host_language(host *s, const cli_options *o)
{
    if (!o->language)
        return true;
    const content *c = kiosk_content(s->k);
    size_t i = content_find_language(c, o->language);
    if (i == (size_t)-1) {
        fprintf(stderr, "openday: --language: the content has no language \"%s\" (it has",
                o->language);
        for (size_t k = 0; k < content_language_count(c); k++)
            fprintf(stderr, " %s", content_in_language(c, k)->language);
        fputs("; see openday.json \"languages\")\n", stderr);
        return false;
    }
    app_set_language(kiosk_app(s->k), i);
    return true;
}

/* --read-aloud: on from the start (once the app exists). Always true (so
 * it can stand in a chain of steps). */
static bool host_read_aloud(host *s, const cli_options *o)
{
    app *a = kiosk_app(s->k);
    if (o->read_aloud && a)
        app_set_read_aloud(a, true);
    return true;
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

/* A headless host of w x h on the options' content, loaded once. There is
 * no display to ask: --dpi, else the assumption for the size. */
static bool host_headless(host *s, const cli_options *o, kiosk_config *kc)
{
    memset(s, 0, sizeof *s);
    int w = o->size_w ? o->size_w : 800, h = o->size_h ? o->size_h : 480;
    if (!gfx_headless(&s->g, w, h, o->rotate))
        return false;
    kc->dpi = host_physical(o, 0, NULL, s->g.pw, s->g.ph, kc->distance_cm);
    if (o->read_aloud && o->replay)
        host_speech(s, o, kc);
    s->k = kiosk_create(kc, s->g.pw, s->g.ph, 0);
    if (!s->k) {
        fprintf(stderr, "openday: out of memory\n");
        return false;
    }
    return host_act(s, kiosk_take_actions(s->k));
}

/* ---- the wall clock for the day's talks ------------------------------------------ */

/* systemd-timesyncd (and chrony's unit for it) create this file once the
 * clock has been synchronised since boot. */
#define TIMESYNC_FLAG "/run/systemd/timesync/synchronized"

/* --clock HH:MM: the fixed time of day (then trusted), -1 when not given,
 * -2 (after saying why) when it is not a time. */
/* The names --screen takes, from the screen table, each with the form of
 * its parameter: a screen added to the table is listed without a word
 * changed here. */
static void screen_choices(char *buf, size_t n)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int s = 0; s < VIEW_SCREEN_COUNT; s++) {
        const screen_def *d = screen_get((view_screen)s);
        if (!d)
            continue;
        const char *form = "";
        switch (d->param) {
        case VIEW_PARAM_DEGREE:
        case VIEW_PARAM_CAREER:
            form = ":ID";
            break;
        case VIEW_PARAM_DEGREE_PAIR:
            form = "[:ID,ID]";
            break;
        case VIEW_PARAM_QUESTION:
            form = "[:N]";
            break;
        case VIEW_PARAM_NONE:
        default:
            break;
        }
        const char *sep = !s ? "" : s + 1 == VIEW_SCREEN_COUNT ? " or " : ", ";
        int k = snprintf(buf + used, n - used, "%s%s%s", sep, d->name, form);
        if (k < 0 || (size_t)k >= n - used)
            break;
        used += (size_t)k;
    }
}

static int fixed_clock(const cli_options *o)
{
    if (!o->clock)
        return -1;
    int m = talks_parse_time(o->clock);
    if (m < 0) {
        fprintf(stderr, "openday: --clock: \"%s\" is not a time of day like 14:05\n",
                o->clock);
        return -2;
    }
    return m;
}

/* Hand the system clock's time of day to the kiosk. A Pi without a
 * real-time clock boots at an old date until the network sets it: when no
 * time service says the clock is synchronised and the date is before the
 * content's day, the clock is not believed (the Today screen then shows the
 * whole day without now and next). The reason is logged when the verdict
 * changes; *last holds the last one (-1 none yet, 0 untrusted, 1 trusted). */
static void system_clock(kiosk *k, int *last)
{
    /* The one wall-clock read that drives the app, and only its time of
     * day: everything that moves runs on monotonic time. */
    struct timespec ts;
    struct tm tm;
    bool read = clock_gettime(CLOCK_REALTIME, &ts) == 0;
    time_t now = read ? ts.tv_sec : 0;
    if (!read || !localtime_r(&now, &tm)) {
        if (*last != 0)
            fprintf(stderr, "openday: cannot read the system clock (clock_gettime or "
                            "localtime_r: %s); the Today screen shows the whole day\n",
                    strerror(errno));
        *last = 0;
        kiosk_set_clock(k, -1, false);
        return;
    }
    char date[16];
    strftime(date, sizeof date, "%Y-%m-%d", &tm);
    const content *c = kiosk_content(k);
    const char *day = c ? (*c->talks_date ? c->talks_date : c->date) : "";
    bool synced = access(TIMESYNC_FLAG, F_OK) == 0;
    bool trusted = talks_clock_trusted(c, date, synced);
    if ((int)trusted != *last) {
        if (!trusted)
            fprintf(stderr, "openday: the system clock says %s, before the content's day %s, "
                            "and no time service has synchronised it (no %s): the Today screen "
                            "shows the whole day without now and next\n",
                    date, day, TIMESYNC_FLAG);
        else if (*last == 0)
            fprintf(stderr, "openday: the system clock can be trusted now (%s%s): the Today "
                            "screen shows now and next\n",
                    date, synced ? ", synchronised" : "");
        *last = trusted;
    }
    /* Talks of another day are never now or next: -1 shows the whole day. */
    kiosk_set_clock(k, talks_clock_minute(c, date, tm.tm_hour * 60 + tm.tm_min), trusted);
}

/* ---- headless screenshot ----------------------------------------------------- */

int platform_screenshot(const cli_options *o)
{
    kiosk_config kc;
    kiosk_config_from(&kc, o, false);
    kc.live = false;            /* exactly the folder given, once */
    /* --windowed: the staff's preview as it would look, the last valid copy
     * (from --state-dir) with the banner of the files' first problem. */
    if (o->mode == CLI_MODE_WINDOWED) {
        kc.authors = true;
        kc.state_dir = o->state_dir;
    }
    kc.app.attract_after_ms = 0;
    /* --read-aloud: the picture with Read aloud on (its control bar); no
     * voice is needed for a picture, so nothing is spoken. */
    kc.app.speech_available = o->read_aloud;
    host s;
    int rc = 0;
    int clk = fixed_clock(o);
    if (clk == -2)
        return 2;
    if (!host_headless(&s, o, &kc)) {
        rc = 1;
    } else if (!kiosk_app(s.k)) {
        /* Broken content: the staff screen the kiosk would show; the exit
         * status still says the content is invalid. */
        host_draw(&s);
        gfx_save_png(&s.g, o->screenshot);
        rc = 2;
    } else if (!host_read_aloud(&s, o) || !kiosk_goto(s.k, o->screen ? o->screen : "home")) {
        char names[600];
        screen_choices(names, sizeof names);
        fprintf(stderr, "openday: unknown screen \"%s\"; use %s\n", o->screen, names);
        rc = 2;
    } else {
        /* Headless pictures are reproducible: no system clock, only --clock. */
        kiosk_set_clock(s.k, clk, clk >= 0);
        app_access acc = app_access_from_bits(o->access_bits);
        app_set_access(kiosk_app(s.k), &acc);
        if (!host_language(&s, o)) {
            rc = 2;
        } else {
            /* Settle any entrance animation, then advance to the requested time. */
            for (uint64_t t = 0; t <= o->at_ms + 1000; t += 16)
                kiosk_update(s.k, t);
            host_draw(&s);
            if (!gfx_save_png(&s.g, o->screenshot))
                rc = 1;
            if (o->dump && !host_dump(s.k, o->dump))
                rc = 1;
        }
    }
    host_deinit(&s);
    return rc;
}

/* ---- headless replay ------------------------------------------------------------ */

/* Frame work by the kind of screen drawn (--realtime --stats): where a tail
 * comes from. A kind is the screen's name without its argument ("degree"),
 * with " moving" while a transition, a scroll or a pulse animates. */
#define REPLAY_KINDS 24
typedef struct {
    char name[40];
    pacer p;              /* wall time, as the frame's deadline sees it */
    pacer cpu;            /* this thread's CPU time: the work without the
                           * time the system gave other processes */
} frame_kind;

typedef struct {
    host *s;
    const cli_options *o;
    pacer rt;             /* --realtime: frames paced and timed */
    uint64_t freq;
    frame_kind *kinds;    /* REPLAY_KINDS, or NULL: not counted */
    size_t nkinds;
} replay_host;

static uint64_t thread_cpu_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static frame_kind *kind_of(replay_host *h, kiosk *k)
{
    app *a = kiosk_app(k);
    if (!h->kinds || !a)
        return NULL;
    char name[600], kind[40];
    app_place_name(a, name, sizeof name);
    size_t n = strcspn(name, ":");
    snprintf(kind, sizeof kind, "%.*s%s", (int)(n < 30 ? n : 30), name,
             app_animating(a) ? " moving" : "");
    for (size_t i = 0; i < h->nkinds; i++)
        if (!strcmp(h->kinds[i].name, kind))
            return &h->kinds[i];
    if (h->nkinds == REPLAY_KINDS)
        return NULL;
    frame_kind *f = &h->kinds[h->nkinds++];
    snprintf(f->name, sizeof f->name, "%s", kind);
    pacer_init(&f->p, h->freq, 60, 0);
    pacer_init(&f->cpu, 1000000000u, 60, 0);
    return f;
}

static void print_kinds(const replay_host *h)
{
    for (size_t i = 0; h->kinds && i < h->nkinds; i++) {
        pacer_stats st, cpu;
        pacer_get_stats(&h->kinds[i].p, &st);
        pacer_get_stats(&h->kinds[i].cpu, &cpu);
        printf("screen %s: frames %llu, work p50 %.3f ms, p99 %.3f ms, max %.3f ms; "
               "cpu p50 %.3f ms, p99 %.3f ms, max %.3f ms\n",
               h->kinds[i].name, (unsigned long long)st.frames, st.p50_ms, st.p99_ms, st.max_ms,
               cpu.p50_ms, cpu.p99_ms, cpu.max_ms);
    }
}

static bool host_shot(void *ud, kiosk *k, const char *path)
{
    replay_host *h = ud;
    (void)k;
    host_draw(h->s);
    return gfx_save_png(&h->s->g, path);
}

/* A new output size: a new headless surface, its renderer on the same faces. */
static bool host_resize(void *ud, int w, int h)
{
    replay_host *rh = ud;
    gfx ng;
    if (!gfx_headless(&ng, w, h, rh->s->g.rotate)) {
        gfx_deinit(&ng);
        return false;
    }
    gfx_deinit(&rh->s->g);
    rh->s->g = ng;
    rh->s->g.rd = render_create(rh->s->g.ren, rh->s->fonts);
    if (!rh->s->g.rd)
        return false;
    render_use_content(rh->s->g.rd, kiosk_content(rh->s->k));
    gfx_retain(&rh->s->g);
    return true;
}

static void host_reset(void *ud)
{
    replay_host *h = ud;
    gfx_lost_textures(&h->s->g);
    gfx_retain(&h->s->g);
}

static bool host_save(void *ud, const char *path, const char *data, size_t len)
{
    (void)ud;
    return write_file(path, data, len);
}

static bool host_key(void *ud, const char *name, input_key *out)
{
    (void)ud;
    return sdl_input_key_by_name(name, out);
}

static void host_pace(void *ud)
{
    replay_host *h = ud;
    wait_until(h->rt.next, h->freq);
}

/* Real time: a changed picture is drawn and timed as in the window loop; a
 * still frame draws nothing. */
static void host_frame(void *ud, kiosk *k)
{
    replay_host *h = ud;
    if (kiosk_busy(k)) {
        frame_kind *kp = kind_of(h, k);
        uint64_t c0 = kp ? thread_cpu_ns() : 0;
        uint64_t start = SDL_GetPerformanceCounter();
        host_draw(h->s);
        uint64_t end = SDL_GetPerformanceCounter();
        pacer_frame_done(&h->rt, start, end);
        if (kp) {
            pacer_frame_done(&kp->p, start, end);
            pacer_frame_done(&kp->cpu, c0, thread_cpu_ns());
        }
    } else {
        h->rt.next += h->rt.period;
    }
}

int platform_replay(const cli_options *o)
{
    char err[600];
    replay_script *script = replay_load(o->replay, err, sizeof err);
    if (!script) {
        fprintf(stderr, "openday: %s\n", err);
        return 2;
    }
    kiosk_config kc;
    /* Headless replays play as on a Pi console: kiosk mode unless told. */
    kiosk_config_from(&kc, o, o->mode == CLI_MODE_AUTO || o->mode == CLI_MODE_KIOSK);
    kc.authors = o->mode == CLI_MODE_WINDOWED;
    kc.live = false;
    /* With --state-dir, a replay on invalid content starts on the last valid
     * copy, as the kiosk would (the authors' banner and the staff screen). */
    if (o->state_dir)
        kc.state_dir = o->state_dir;
    host s;
    int rc = 0;
    int clk = fixed_clock(o);
    if (clk == -2) {
        replay_destroy(script);
        return 2;
    }
    if (!host_headless(&s, o, &kc)) {
        rc = 1;
    } else if (!kiosk_app(s.k)) {
        rc = 2; /* the problems are listed above */
    } else if (kiosk_set_clock(s.k, clk, clk >= 0), !host_language(&s, o)) {
        rc = 2;
    } else {
        app_access acc = app_access_from_bits(o->access_bits);
        app_set_access(kiosk_app(s.k), &acc);
        host_read_aloud(&s, o);
        replay_host h = { &s, o, { 0 }, SDL_GetPerformanceFrequency(), NULL, 0 };
        if (o->stats && o->realtime)
            h.kinds = calloc(REPLAY_KINDS, sizeof *h.kinds); /* NULL: not counted */
        pacer_init(&h.rt, h.freq, (unsigned)o->fps, SDL_GetPerformanceCounter());
        player_platform pf = { &h, host_shot, host_resize, host_reset, host_key,
                               o->realtime ? host_pace : NULL,
                               o->realtime ? host_frame : NULL, host_save };
        player_config pc = { (double)o->fps, o->replay, stderr };
        player_result res;
        rc = player_run(s.k, script, &pc, &pf, &res);
        if (rc == 0 && res.quit)
            printf("replay %s: the app quit (%s) as expected\n", o->replay,
                   kiosk_exit_reason(s.k));
        if (rc == 0 && o->stats && o->realtime) {
            print_stats(&h.rt, &s);
            print_kinds(&h);
        }
        free(h.kinds);
        if (rc == 0) {
            char name[600];
            app_place_name(kiosk_app(s.k), name, sizeof name);
            printf("replay %s: %zu events, %.1f s simulated (%zu frames, %zu idle jumps), "
                   "ends on %s\n",
                   o->replay, script->count, res.now_ms / 1000.0, res.frames, res.jumps, name);
        }
    }
    host_deinit(&s);
    replay_destroy(script);
    return rc;
}

/* ---- the window ------------------------------------------------------------------ */

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

static bool have_display_server(void)
{
    const char *d = getenv("DISPLAY"), *wl = getenv("WAYLAND_DISPLAY");
    return (d && *d) || (wl && *wl);
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

/* Pick the DRM card with a display for SDL's KMSDRM driver (Pi 5: several
 * cards, numbered differently from boot to boot). */
static int choose_drm_device(const cli_options *o)
{
    const char *drv = getenv("SDL_VIDEODRIVER");
    if (!drv || strcmp(drv, "kmsdrm"))
        return -1;
    char why[300];
    int card = drm_card_pick("/sys/class/drm", o->drm_device, why, sizeof why);
    fprintf(stderr, "openday: %s\n", why);
    if (card >= 0) {
        char idx[16];
        snprintf(idx, sizeof idx, "%d", card);
        SDL_SetHint(SDL_HINT_KMSDRM_DEVICE_INDEX, idx);
    }
    return card;
}

/* What the display says about its size, in pixels per inch (0 for
 * nothing), and which report that was; the display's own resolution in
 * *w, *h. SDL's figure first; on the console (KMSDRM), where SDL may have
 * none, the DRM connector's EDID millimetres. */
static float display_dpi(SDL_Window *win, int card, int *w, int *h, char *from, size_t n)
{
    int idx = SDL_GetWindowDisplayIndex(win);
    SDL_DisplayMode dm;
    if (idx < 0 || SDL_GetCurrentDisplayMode(idx, &dm) != 0) {
        SDL_GetWindowSize(win, w, h);
    } else {
        *w = dm.w;
        *h = dm.h;
    }
    float ddpi = 0;
    snprintf(from, n, "SDL_GetDisplayDPI");
    if (idx < 0 || SDL_GetDisplayDPI(idx, &ddpi, NULL, NULL) != 0)
        ddpi = 0;
    const char *vd = SDL_GetCurrentVideoDriver();
    bool sane = ddpi >= PHYS_DPI_MIN && ddpi <= PHYS_DPI_MAX;
    int wmm, hmm;
    char conn[64];
    if (!sane && vd && !strcmp(vd, "kmsdrm") &&
        drm_card_connector_mm("/sys/class/drm", card, &wmm, &hmm, conn, sizeof conn)) {
        if (ddpi > 0)
            fprintf(stderr, "openday: SDL_GetDisplayDPI reports %.1f dpi, ignored; asking "
                            "the DRM connector\n", ddpi);
        ddpi = phys_dpi_from_mm(*w, *h, wmm, hmm);
        snprintf(from, n, "the EDID of %s (%dx%d mm)", conn, wmm, hmm);
    }
    return ddpi;
}

/* systemd: a status line (a no-op without systemd). */
static void notify_status(const kiosk *k)
{
    char line[PATH_MAX + 80];
    kiosk_status(k, line, sizeof line);
    sd_notifyf(0, "STATUS=%s", line);
}

static void install_signals(void)
{
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
}

/* Wait for input or the next timed change without spinning. Returns whether
 * an event arrived (in *e). */
static bool idle_wait(bool real_wait, uint64_t wait, SDL_Event *e)
{
    int timeout = wait > 250 ? 250 : (int)(wait ? wait : 1);
    if (real_wait)
        return SDL_WaitEventTimeout(e, timeout);
    /* SDL waits by polling every millisecond where the video driver cannot
     * block (KMSDRM on a Pi console, dummy): a thousand wake-ups a second for
     * a still screen. Sleep a frame at a time instead; a touch is seen within
     * 16 ms. */
    if (SDL_PollEvent(e))
        return true;
    unsigned ms = timeout < 16 ? (unsigned)timeout : 16;
    struct timespec ts = { 0, (long)ms * 1000000L };
    nanosleep(&ts, NULL);
    return SDL_PollEvent(e);
}

int platform_window(const cli_options *o)
{
    cli_mode mode = o->mode;
    if (mode == CLI_MODE_AUTO)
        mode = have_display_server() ? CLI_MODE_WINDOWED : CLI_MODE_KIOSK;

    /* Our own handlers: SIGTERM from systemd must quit even in kiosk mode,
     * where SDL's quit event (the window's close button) is ignored; SIGHUP
     * reloads the content. */
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    if (mode == CLI_MODE_KIOSK)
        SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
    install_signals();
    int drm_card = choose_drm_device(o);

    char state[PATH_MAX] = "";
    if (!o->no_state) {
        if (o->state_dir)
            snprintf(state, sizeof state, "%s", o->state_dir);
        else
            store_default_dir(state, sizeof state);
    }
    kiosk_config kc;
    kiosk_config_from(&kc, o, mode == CLI_MODE_KIOSK);
    /* A refused save shows its first problem in the staff's preview window;
     * never on a kiosk's screen for visitors. */
    kc.authors = mode == CLI_MODE_WINDOWED;
    kc.prepare_languages = true;
    kc.state_dir = state;
    /* The restart-loop guard: a kiosk killed again and again on the same
     * content (the watchdog, a crash) starts on the last-known-good copy,
     * then on the staff screen. */
    char boot_why[600] = "";
    if (*state) {
        kc.boot = boot_start(state, o->content_dir, NULL, boot_now_s(), boot_why,
                             sizeof boot_why);
        if (kc.boot == BOOT_LIVE && *boot_why)
            fprintf(stderr, "%s\n", boot_why);
        kc.boot_why = boot_why;
    }
    host s;
    memset(&s, 0, sizeof s);
    host_speech(&s, o, &kc);
    /* The content first: its problems are in the log before any window. */
    s.k = kiosk_create(&kc, 0, 0, 0);
    if (!s.k) {
        fprintf(stderr, "openday: out of memory\n");
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
        host_deinit(&s);
        return 1;
    }
    int ww = o->win_w ? o->win_w : 1280, wh = o->win_h ? o->win_h : 800;
    if (!gfx_window(&s.g, mode == CLI_MODE_WINDOWED ? GFX_WINDOWED : GFX_FULLSCREEN, ww, wh,
                    o->rotate)) {
        fprintf(stderr, "openday: could not open the display; see the message above. "
                        "Without a display, use --screenshot, --replay or --check.\n");
        status = 1;
        goto out;
    }
    if (mode != CLI_MODE_WINDOWED)
        SDL_ShowCursor(SDL_DISABLE);
    kiosk_resize(s.k, s.g.pw, s.g.ph);
    {
        char from[128];
        int dw = 0, dh = 0;
        float reported =
            o->dpi > 0 ? 0 : display_dpi(s.g.win, drm_card, &dw, &dh, from, sizeof from);
        kiosk_set_physical(s.k, host_physical(o, reported, from, dw, dh, kc.distance_cm),
                           kc.distance_cm);
    }
    if (!host_act(&s, kiosk_take_actions(s.k))) {
        status = 1;
        goto out;
    }
    host_read_aloud(&s, o);
    /* The display schedule and the health record (upkeep.h). */
    upkeep up;
    {
        char why[300];
        if (!upkeep_init(&up, o, state, s.g.win, s.g.ren, why, sizeof why)) {
            fprintf(stderr, "openday: %s\n", why);
            status = 2;
            goto out;
        }
    }
    bool black_shown = false;
    if (o->screen && !kiosk_goto(s.k, o->screen))
    {
        char names[600];
        screen_choices(names, sizeof names);
        fprintf(stderr, "openday: unknown screen \"%s\" (use %s); starting with the attract "
                "loop\n", o->screen, names);
    }
    int clk = fixed_clock(o), clk_verdict = -1;
    uint64_t clk_read = UINT64_MAX;
    if (clk == -2) {
        status = 2;
        goto out;
    }
    if (clk >= 0)
        kiosk_set_clock(s.k, clk, true);
    if (mode == CLI_MODE_KIOSK && !*kc.admin.pin)
        fprintf(stderr, "openday: no admin-pin configured: the staff exit gesture is off; stop "
                        "the kiosk with systemctl\n");
    /* Video drivers whose event wait really blocks. */
    const char *vd = SDL_GetCurrentVideoDriver();
    bool real_wait = vd && (!strcmp(vd, "x11") || !strcmp(vd, "wayland") ||
                            !strcmp(vd, "windows") || !strcmp(vd, "cocoa"));
    /* The watchdog wants a sign of life at least every WATCHDOG_USEC; the loop
     * gives one every half of it and never sleeps longer than a quarter. */
    uint64_t wd_usec = 0;
    bool watchdog = sd_watchdog_enabled(0, &wd_usec) > 0 && wd_usec > 0;
    uint64_t wd_every_ms = watchdog ? wd_usec / 2000 : 0, wd_last = 0;
    bool ready_sent = false, announce = false, healthy = false;

    uint64_t freq = SDL_GetPerformanceFrequency();
    pacer sc;
    pacer_init(&sc, freq, (unsigned)o->fps, SDL_GetPerformanceCounter());
    double step_ms = pacer_step_ms(&sc);
    double sim = 0; /* kiosk time, ms: fixed steps while busy, the real gap while idle */
    uint64_t t0 = SDL_GetPerformanceCounter();
    bool running = true, force = true;
    unsigned hyph_ready = 0;
    int win_w = 0, win_h = 0;
    SDL_GetWindowSize(s.g.win, &win_w, &win_h);

    while (running && !g_quit_signal) {
        if (g_stats_signal) {
            g_stats_signal = 0;
            if (o->stats)
                print_stats(&sc, &s);
            fflush(stdout);
        }
        if (g_reload_signal) {
            g_reload_signal = 0;
            fprintf(stderr, "openday: SIGHUP: reloading the content\n");
            kiosk_request_reload(s.k);
        }
        uint64_t wall = ticks_to_ms(SDL_GetPerformanceCounter() - t0, freq);
        if (clk < 0 && (clk_read == UINT64_MAX || wall - clk_read >= 1000)) {
            clk_read = wall; /* once a second is enough for minutes */
            system_clock(s.k, &clk_verdict);
        }
        if (o->debug_stall_s > 0 && (double)wall >= o->debug_stall_s * 1000.0) {
            /* A hung loop on purpose: the watchdog must kill and restart us. */
            fprintf(stderr, "openday: --debug-stall-after: the loop stops here\n");
            for (;;)
                pause();
        }
        /* A hyphenation table built since the last turn: text laid out
         * without it is wrapped again (hyph.h never makes the loop wait). */
        hyph_stats hs;
        hyph_get_stats(NULL, &hs);
        if (hs.ready != hyph_ready) {
            hyph_ready = hs.ready;
            kiosk_hyphenation_ready(s.k);
            force = true;
        }
        if (watchdog && wall - wd_last >= wd_every_ms) {
            sd_notify(0, "WATCHDOG=1");
            wd_last = wall;
        }
        if (!healthy && ready_sent && wall >= BOOT_HEALTHY_AFTER_MS && *state) {
            boot_healthy(state); /* a minute of frames: not a restart loop */
            healthy = true;
        }

        /* The first frame is drawn whatever the hour: it tells systemd the
         * kiosk is ready. */
        bool lit = upkeep_display(&up, (uint64_t)sim) || !ready_sent;
        if (lit && black_shown) {
            black_shown = false;
            force = true;
        }
        bool busy = lit && (force || kiosk_busy(s.k));
        SDL_Event e;
        bool have;
        if (busy) {
            wait_until(sc.next, freq);
            have = SDL_PollEvent(&e);
        } else {
            /* Nothing moves: sleep in the event queue until input or the next
             * timed change; wake at least every 250 ms to notice signals. */
            uint64_t wait = lit ? kiosk_wait_ms(s.k, (uint64_t)sim) : 250;
            if (watchdog && wd_every_ms / 2 < wait)
                wait = wd_every_ms / 2;
            uint64_t before = SDL_GetPerformanceCounter();
            have = idle_wait(real_wait, wait, &e);
            uint64_t after = SDL_GetPerformanceCounter();
            sim += (double)ticks_to_ms(after - before, freq);
            kiosk_update(s.k, (uint64_t)sim);
            pacer_resync(&sc, after);
        }
        while (have) {
            switch (e.type) {
            case SDL_QUIT:
                kiosk_close_request(s.k);
                break;
            case SDL_WINDOWEVENT:
                if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
                    gfx_output_resized(&s.g);
                    SDL_GetWindowSize(s.g.win, &win_w, &win_h);
                    kiosk_resize(s.k, s.g.pw, s.g.ph);
                    force = true;
                } else if (e.window.event == SDL_WINDOWEVENT_EXPOSED) {
                    render_invalidate(s.g.rd);
                    force = true;
                }
                break;
            case SDL_RENDER_TARGETS_RESET:
            case SDL_RENDER_DEVICE_RESET:
                fprintf(stderr, "openday: %s: making every texture again\n",
                        e.type == SDL_RENDER_DEVICE_RESET ? "render device reset"
                                                          : "render targets reset");
                gfx_lost_textures(&s.g);
                gfx_retain(&s.g);
                force = true;
                break;
            default:
                break;
            }
            input_event ev[4];
            size_t n = sdl_input_translate(&e, win_w, win_h, (uint64_t)sim, ev, 4);
            for (size_t i = 0; i < n; i++)
                if (!upkeep_pointer(&up, &ev[i], (uint64_t)sim))
                    kiosk_input(s.k, &ev[i]);
            have = SDL_PollEvent(&e);
        }
        if (busy) {
            unsigned steps = pacer_steps(&sc, SDL_GetPerformanceCounter());
            for (unsigned i = 0; i < steps; i++) {
                sim += step_ms;
                kiosk_update(s.k, (uint64_t)sim);
            }
        }
        unsigned acts = kiosk_take_actions(s.k);
        if (!host_act(&s, acts)) {
            status = 1;
            break;
        }
        if (acts & KIOSK_ACT_CONTENT) {
            notify_status(s.k);
            announce = true;
            force = true;
        }
        if (acts & KIOSK_ACT_EXIT) {
            status = kiosk_exit_status(s.k);
            break;
        }
        upkeep_tick(&up, s.k, &sc, (uint64_t)sim);
        if (!lit) {
            /* Off by the schedule: where the panel itself cannot be switched
             * off, one black frame, then nothing is drawn. */
            if (!black_shown && up.pn.method == PANEL_BLACK) {
                SDL_SetRenderTarget(s.g.ren, NULL);
                SDL_SetRenderDrawColor(s.g.ren, 0, 0, 0, 255);
                SDL_RenderClear(s.g.ren);
                SDL_RenderPresent(s.g.ren);
                render_invalidate(s.g.rd);
            }
            black_shown = true;
            continue;
        }
        kiosk_frame f;
        kiosk_get_frame(s.k, &f);
        if (force || f.changed) {
            uint64_t start = SDL_GetPerformanceCounter();
            gfx_draw(&s.g, f.scene, f.overlay, f.clear);
            SDL_RenderPresent(s.g.ren);
            pacer_frame_done(&sc, start, SDL_GetPerformanceCounter());
            upkeep_frame_drawn(&up);
            force = false;
            if (!ready_sent) {
                notify_status(s.k);
                sd_notify(0, "READY=1");
                ready_sent = true;
            } else if (announce) {
                fprintf(stderr, "openday: new content on screen %lld ms after the last file "
                                "was saved\n", ms_since_saved(o->content_dir));
            }
            announce = false;
        }
    }
    sd_notify(0, "STOPPING=1");
    upkeep_deinit(&up);
    if (*state && (status == 0 || status == OPENDAY_EXIT_ADMIN))
        boot_healthy(state); /* a clean exit is not a crash */
    if (o->stats)
        print_stats(&sc, &s);
out:
    host_deinit(&s);
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
    return status;
}
