/* upkeep.c - display schedule and health record. See upkeep.h. */
#include "upkeep.h"

#include <SDL.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"
#include "hash.h"

#ifndef OPENDAY_VERSION
#define OPENDAY_VERSION "0.0.0"
#endif

/* The one reading of the wall clock for what names or counts wall-clock
 * things: health.json's stamps, the hour a visit is counted in, the local
 * time the display schedule follows. Everything that only measures time
 * passing uses the monotonic time the loop hands in. */
time_t upkeep_wall_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return ts.tv_sec;
}

/* Where the kernel's sysfs is: a test points it at a fake folder. */
static const char *sysfs_root(void)
{
    const char *s = getenv("OPENDAY_SYSFS");
    return s && *s ? s : "/sys";
}

bool upkeep_init(upkeep *u, const cli_options *o, const char *state, SDL_Window *win,
                 SDL_Renderer *ren, char *err, size_t n)
{
    memset(u, 0, sizeof *u);
    snprintf(u->state, sizeof u->state, "%s", state ? state : "");
    schedule s;
    if (!schedule_make(&s, o->display_on, o->display_off, err, n))
        return false;
    display_power_init(&u->power, &s);
    u->lit = true;
    health_late_init(&u->late);
    usage_init(&u->use, (unsigned)o->attract_after_s);
    if (*u->state) {
        char why[600];
        if (!usage_load(&u->use, u->state, true, why, sizeof why))
            fprintf(stderr, "openday: %s\n", why);
    }
    if (*u->state) {
        char path[PATH_MAX + 16];
        snprintf(path, sizeof path, "%s/%s", u->state, HEALTH_FILE);
        file_remove_temps(path);
    }
    u->started = upkeep_wall_s();
    SDL_RendererInfo ri;
    snprintf(u->renderer, sizeof u->renderer, "%s",
             ren && SDL_GetRendererInfo(ren, &ri) == 0 ? ri.name : "unknown");
    if (s.active) {
        panel_open(&u->pn, win, sysfs_root());
        char times[512];
        schedule_describe(o->display_on, o->display_off, times, sizeof times);
        fprintf(stderr, "openday: display schedule on (%s); the panel is switched by %s\n",
                times, panel_method_name(&u->pn));
    } else {
        u->pn.method = PANEL_BLACK;
        u->pn.on = true;
    }
    return true;
}

bool upkeep_display(upkeep *u, uint64_t now_ms)
{
    if (!u->power.times.active)
        return true;
    time_t t = upkeep_wall_s();
    struct tm lt;
    localtime_r(&t, &lt);
    bool on = display_power_update(&u->power, lt.tm_wday, lt.tm_hour * 60 + lt.tm_min, now_ms);
    if (on != u->lit) {
        fprintf(stderr, "openday: display %s (%s)\n", on ? "on" : "off",
                display_power_reason(&u->power));
        panel_set(&u->pn, on);
        u->lit = on;
    }
    return on;
}

bool upkeep_pointer(upkeep *u, const input_event *ev, uint64_t now_ms)
{
    if (!u->power.times.active)
        return false;
    int kind;
    switch (ev->kind) {
    case INPUT_DOWN:
        kind = 0;
        break;
    case INPUT_MOVE:
        kind = 1;
        break;
    case INPUT_UP:
    case INPUT_CANCEL:
        kind = 2;
        break;
    case INPUT_KEY:
    case INPUT_WHEEL:
        return false;
    default:
        return false;
    }
    bool swallow = display_power_pointer(&u->power, kind, now_ms);
    if (u->power.on && !u->lit) {
        fprintf(stderr, "openday: display on (woken by touch for %u minutes)\n",
                SCHEDULE_WAKE_MS / 60000u);
        panel_set(&u->pn, true);
        u->lit = true;
    }
    return swallow;
}

void upkeep_frame_drawn(upkeep *u)
{
    u->frames++;
    u->last_frame = upkeep_wall_s();
}

static uint64_t content_hash(const content *c)
{
    uint64_t h = OD_HASH_SEED;
    for (size_t i = 0; i < CONTENT_NFILES; i++) {
        h = od_hash(h, content_files[i], strlen(content_files[i]) + 1);
        if (c->raw[i])
            h = od_hash(h, c->raw[i], c->raw_len[i]);
    }
    return h;
}

bool usage_load(usage *u, const char *state, bool set_aside, char *err, size_t n)
{
    char path[PATH_MAX + 32];
    snprintf(path, sizeof path, "%s/%s", state, USAGE_FILE);
    if (set_aside)
        file_remove_temps(path); /* a write cut short by a kill or a power cut */
    char *text = NULL, why[300];
    size_t len = 0;
    const char *call = "open";
    int e = file_read_own(path, USAGE_MAX_BYTES, &text, &len, &call);
    if (e == ENOENT)
        return true;
    if (e) {
        /* Not read is not damaged: the counts may all be there (a wrong
         * owner, a disk error, more than the limit). Nothing renames or
         * replaces such a file; counting goes on in memory only. */
        if (e > 0 && e != EISDIR)
            snprintf(why, sizeof why, "is unreadable (%s: %s)", call, strerror(e));
        else if (e == FILE_E_TOO_BIG)
            snprintf(why, sizeof why, "is larger than the limit of %u MiB, so it is not read",
                     USAGE_MAX_BYTES >> 20);
        else
            snprintf(why, sizeof why, "%s", file_error_text(e));
        u->file_kept = true;
        if (!set_aside) {
            snprintf(err, n, "%s %s", path, why);
            return false;
        }
        fprintf(stderr, "openday: %s %s; it is left as it is, and this run's counts are kept "
                        "in memory only (not written)\n", path, why);
        return true;
    }
    bool ok = usage_parse(u, text, len, why, sizeof why);
    free(text);
    if (ok) {
        if (u->skipped)
            fprintf(stderr, "openday: %s: %zu line(s) are not counts and were skipped (%s)%s\n",
                    path, u->skipped, u->skip_first,
                    set_aside ? "; the next write leaves them out" : "");
        return true;
    }
    if (!set_aside) {
        snprintf(err, n, "%s:%s", path, why);
        return false;
    }
    char aside[PATH_MAX + 64];
    snprintf(aside, sizeof aside, "%s.damaged-%lld", path, (long long)upkeep_wall_s());
    if (rename(path, aside) == 0)
        fprintf(stderr, "openday: %s:%s; set aside as %s, counting starts again\n", path, why,
                aside);
    else
        fprintf(stderr, "openday: %s:%s; could not set it aside (rename: %s), counting starts "
                        "again and will replace it\n", path, why, strerror(errno));
    return true;
}

int usage_store(usage *u, const char *state, int64_t now_s)
{
    if (u->file_kept)
        return 0;
    if (!usage_prune(u, now_s) && !u->kept_told) {
        fprintf(stderr, "openday: %s/%s: old hours kept: %s\n", state, USAGE_FILE,
                u->prune_why);
        u->kept_told = true;
    }
    char *text = usage_format(u);
    if (!text)
        return ENOMEM;
    char path[PATH_MAX + 32];
    snprintf(path, sizeof path, "%s/%s", state, USAGE_FILE);
    int e = file_write_atomic(path, text, strlen(text));
    free(text);
    return e;
}

static void save_usage(upkeep *u, uint64_t now_ms, bool force)
{
    if (!*u->state || !(usage_save_due(&u->use, now_ms) || (force && u->use.dirty)))
        return;
    int e = usage_store(&u->use, u->state, (int64_t)upkeep_wall_s());
    if (e && !u->use_failed)
        fprintf(stderr, "openday: cannot write %s/%s (%s); the counts stay in memory and "
                        "are written again in 5 minutes\n", u->state, USAGE_FILE, strerror(e));
    u->use_failed = e != 0;
    /* A failure waits for the next turn too: no write storm on a full disk. */
    usage_saved(&u->use, now_ms);
    if (e)
        u->use.dirty = true;
}

void upkeep_deinit(upkeep *u)
{
    if (u->use.in_visit)
        usage_observe(&u->use, "attract", (int64_t)upkeep_wall_s());
    save_usage(u, UINT64_MAX, true);
    usage_deinit(&u->use);
}

static const char *degree_title(void *ctx, const char *id)
{
    const content *c = ctx;
    size_t i = c ? content_find_degree(c, id) : (size_t)-1;
    return i != (size_t)-1 ? c->degrees[i].name : NULL;
}

void upkeep_usage_day(const usage *u, time_t t, const content *c, usage_picture *out,
                      struct tm *day)
{
    localtime_r(&t, day);
    day->tm_hour = day->tm_min = day->tm_sec = 0;
    day->tm_isdst = -1; /* mktime finds whether summer time is on at midnight */
    time_t midnight = mktime(day);
    usage_day(u, (int64_t)midnight, degree_title, (void *)c, out);
}

/* The staff screen asks for today's visitors: the counts so far, today from
 * local midnight. */
static void give_visitors(upkeep *u, kiosk *k)
{
    usage_picture pic;
    struct tm day;
    upkeep_usage_day(&u->use, upkeep_wall_s(), kiosk_content(k), &pic, &day);
    strftime(pic.title, sizeof pic.title, "Today's visitors, %a %-d %b", &day);
    kiosk_set_visitors(k, &pic);
}

void upkeep_tick(upkeep *u, kiosk *k, const pacer *sc, uint64_t now_ms)
{
    app *ua = kiosk_app(k);
    if (ua) {
        char where[256];
        app_usage_place(ua, where, sizeof where);
        usage_observe(&u->use, where, (int64_t)upkeep_wall_s());
        /* Languages chosen since the last tick, counted under the one on
         * screen (a tick comes every frame: one choice at a time). */
        uint32_t chosen = app_languages_chosen(ua);
        if (chosen > u->lang_seen) {
            const content *c = content_in_language(kiosk_content(k), app_language(ua));
            char key[USAGE_KEY_MAX];
            snprintf(key, sizeof key, "language:%s", c->language);
            usage_add(&u->use, (int64_t)upkeep_wall_s(), key, chosen - u->lang_seen);
        }
        u->lang_seen = chosen;
    }
    bool want = kiosk_wants_visitors(k);
    if (want && !u->visitors_given)
        give_visitors(u, k);
    u->visitors_given = want;
    save_usage(u, now_ms, false);
    if (!*u->state || (u->wrote_once && now_ms - u->last_write_ms < HEALTH_EVERY_MS))
        return;
    if (!u->frames)
        return; /* the first record says the kiosk draws */
    u->wrote_once = true;
    u->last_write_ms = now_ms;
    const content *c = kiosk_content(k);
    if (c && c != u->hashed) {
        u->content_hash = content_hash(c);
        u->hashed = c;
    }
    char place[256] = "staff";
    app *a = kiosk_app(k);
    if (a)
        app_place_name(a, place, sizeof place);
    static const char *const origin[] = { "none", "live", "last-good" };
    reload_origin ro = reload_get_origin(kiosk_reload(k));
    health_info h = {
        .version = OPENDAY_VERSION,
        .content_version = c ? c->version : NULL,
        .content_hash = c ? u->content_hash : 0,
        .content_state = ro == RELOAD_LIVE        ? origin[1]
                         : ro == RELOAD_LAST_GOOD ? origin[2]
                                                  : origin[0],
        .renderer = u->renderer,
        .uptime_s = difftime(upkeep_wall_s(), u->started),
        .now_s = (int64_t)upkeep_wall_s(),
        .last_frame_s = (int64_t)u->last_frame,
        .frames = u->frames,
        .late_last_minute = health_late_add(&u->late, now_ms, sc->late),
        .screen = place,
        .display = u->lit ? "on" : "off",
        .display_method = u->power.times.active ? panel_method_name(&u->pn) : "none",
        .display_reason = display_power_reason(&u->power),
    };
    h.throttle_known = panel_read_throttled(sysfs_root(), &h.throttled);
    char *json = health_json(&h);
    if (!json)
        return;
    char path[PATH_MAX + 16];
    snprintf(path, sizeof path, "%s/%s", u->state, HEALTH_FILE);
    int e = file_write_atomic(path, json, strlen(json));
    free(json);
    if (e && !u->write_failed)
        fprintf(stderr, "openday: cannot write %s (%s); the kiosk goes on without it and "
                        "tries again every %u s\n", path, strerror(e), HEALTH_EVERY_MS / 1000u);
    else if (!e && u->write_failed)
        fprintf(stderr, "openday: %s written again\n", path);
    u->write_failed = e != 0;
}
