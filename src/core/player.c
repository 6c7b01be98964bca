/* player.c - replay scripts against the kiosk. See player.h. */
#include "player.h"

#include <math.h>
#include <string.h>

#include "dump.h"

typedef struct {
    kiosk *k;
    const player_config *cfg;
    const player_platform *pf;
    FILE *err;
    double step_ms;
    double now;           /* simulated time, ms */
    player_result res;
    bool consumed;        /* the last event was played */
} player;

static bool quitting(const player *p)
{
    return *kiosk_exit_reason(p->k) != '\0';
}

/* One frame step: the time moves on by one period, as in the frame loop. */
static void step(player *p)
{
    if (p->pf->pace)
        p->pf->pace(p->pf->ud);
    p->now += p->step_ms;
    p->res.frames++;
    kiosk_update(p->k, (uint64_t)p->now);
    if (p->pf->frame) {
        p->pf->frame(p->pf->ud, p->k);
    } else if (kiosk_busy(p->k)) {
        kiosk_frame f;
        kiosk_get_frame(p->k, &f); /* lay out as the real loop would */
    }
}

/* Run frames until time t. Frames that could change nothing but the
 * picture (kiosk_skip_ms: idle, or the attract loop between two slides) are
 * skipped in one jump. The jump stops one step short of the next change, so
 * the change is met on the same frame as when stepping, and that frame is
 * laid out as before. Real time (pace) is never skipped. */
static void play_until(player *p, double t)
{
    while (p->now + p->step_ms <= t && !quitting(p)) {
        if (!p->pf->pace) {
            uint64_t w = kiosk_skip_ms(p->k, (uint64_t)p->now);
            double target = w == UINT64_MAX || p->now + (double)w > t ? t : p->now + (double)w;
            double n = floor((target - p->now) / p->step_ms) - 1;
            if (n >= 1) {
                p->now += n * p->step_ms;
                p->res.jumps++;
            }
        }
        step(p);
    }
    if (t > p->now && !quitting(p)) {
        p->now = t;
        kiosk_update(p->k, (uint64_t)p->now);
    }
}

static void pointer(player *p, input_kind kind, float fx, float fy)
{
    input_event ev;
    memset(&ev, 0, sizeof ev);
    ev.kind = kind;
    ev.t_ms = (uint64_t)p->now;
    ev.pointer = 1; /* a finger: calibrated like the touch panel's */
    ev.x = fx;
    ev.y = fy;
    kiosk_input(p->k, &ev);
}

static void stroke(player *p, float x1, float y1, float x2, float y2, unsigned ms)
{
    pointer(p, INPUT_DOWN, x1, y1);
    double t0 = p->now, t1 = p->now + ms;
    while (p->now + p->step_ms < t1) {
        play_until(p, p->now + p->step_ms);
        float f = (float)((p->now - t0) / (double)ms);
        pointer(p, INPUT_MOVE, x1 + (x2 - x1) * f, y1 + (y2 - y1) * f);
    }
    play_until(p, t1);
    pointer(p, INPUT_MOVE, x2, y2);
    pointer(p, INPUT_UP, x2, y2);
}

static const char *admin_phase_name(admin_phase ph)
{
    static const char *const names[] = { "idle", "armed", "keypad", "exit", "staff" };
    return (unsigned)ph < sizeof names / sizeof *names ? names[ph] : "?";
}

/* Returns 0 to go on, 1 for a failed expectation or shot, 2 for a script
 * error. */
static int play_event(player *p, const replay_event *e)
{
    const char *name = p->cfg->script_name;
    if (e->at_ms >= 0 && (double)e->at_ms > p->now)
        play_until(p, (double)e->at_ms);
    if (quitting(p)) {
        p->consumed = false; /* the app quit before this event could happen */
        return 0;
    }
    switch (e->kind) {
    case REPLAY_TAP:
        pointer(p, INPUT_DOWN, e->x1, e->y1);
        play_until(p, p->now + 60);
        pointer(p, INPUT_UP, e->x1, e->y1);
        break;
    case REPLAY_PRESS:
        pointer(p, INPUT_DOWN, e->x1, e->y1);
        break;
    case REPLAY_RELEASE:
        pointer(p, INPUT_UP, e->x1, e->y1);
        break;
    case REPLAY_DRAG:
        stroke(p, e->x1, e->y1, e->x2, e->y2, e->ms);
        break;
    case REPLAY_SWIPE: {
        float dx = 0.3f * (float)e->dir_x, dy = 0.3f * (float)e->dir_y;
        stroke(p, 0.5f - dx, 0.5f - dy, 0.5f + dx, 0.5f + dy, 150);
        break;
    }
    case REPLAY_KEY: {
        input_key key;
        if (!p->pf->key_by_name(p->pf->ud, e->arg, &key)) {
            fprintf(p->err, "%s:%d: unknown key name \"%s\" (use SDL key names such as "
                            "Escape, Return, Left, F4)\n", name, e->line, e->arg);
            return 2;
        }
        input_event ev;
        memset(&ev, 0, sizeof ev);
        ev.kind = INPUT_KEY;
        ev.key = key;
        ev.t_ms = (uint64_t)p->now;
        kiosk_input(p->k, &ev);
        break;
    }
    case REPLAY_RESET_DEVICE:
        if (p->pf->reset_device)
            p->pf->reset_device(p->pf->ud);
        break;
    case REPLAY_RESIZE:
        if (!p->pf->resize(p->pf->ud, (int)e->x1, (int)e->y1))
            return 1;
        kiosk_resize(p->k, (int)e->x1, (int)e->y1);
        break;
    case REPLAY_CLOSE:
        kiosk_close_request(p->k);
        break;
    case REPLAY_EXPECT_QUIT:
        fprintf(p->err, "%s:%d: expected the app to have quit (%s), but it is running\n", name,
                e->line, e->arg);
        return 1;
    case REPLAY_EXPECT_ADMIN: {
        const char *now = admin_phase_name(admin_get_phase(kiosk_admin(p->k)));
        if (strcmp(now, e->arg)) {
            fprintf(p->err, "%s:%d: expected the staff exit to be \"%s\" but it is \"%s\" "
                            "(at %.0f ms)\n", name, e->line, e->arg, now, p->now);
            return 1;
        }
        break;
    }
    case REPLAY_WAIT:
        play_until(p, p->now + e->ms);
        break;
    case REPLAY_CLOCK:
        kiosk_set_clock(p->k, (int)e->ms, true);
        break;
    case REPLAY_SHOT:
        if (!p->pf->shot(p->pf->ud, p->k, e->arg)) {
            fprintf(p->err, "%s:%d: could not write \"%s\"\n", name, e->line, e->arg);
            return 1;
        }
        break;
    case REPLAY_DUMP: {
        char *json = kiosk_dump_json(p->k);
        bool made = json != NULL;
        bool ok = made && p->pf->save && p->pf->save(p->pf->ud, e->arg, json, strlen(json));
        dump_free(json);
        if (!ok) {
            fprintf(p->err, "%s:%d: could not write \"%s\"%s\n", name, e->line, e->arg,
                    made ? "" : " (out of memory)");
            return 1;
        }
        break;
    }
    case REPLAY_EXPECT_ACCESS:
    case REPLAY_EXPECT_PANEL:
    case REPLAY_EXPECT_WARNING: {
        app *a = kiosk_app(p->k);
        app_access acc = app_get_access(a);
        unsigned now = e->kind == REPLAY_EXPECT_ACCESS  ? app_access_bits(&acc)
                       : e->kind == REPLAY_EXPECT_PANEL ? (unsigned)app_access_open(a)
                                                        : app_reset_warning(a);
        if (now != e->ms) {
            fprintf(p->err, "%s:%d: expected %s %u but it is %u (at %.0f ms)\n", name, e->line,
                    e->kind == REPLAY_EXPECT_ACCESS  ? "the accessibility choices (bits)"
                    : e->kind == REPLAY_EXPECT_PANEL ? "the panel open (1) or closed (0):"
                                                     : "the reset warning at",
                    e->ms, now, p->now);
            return 1;
        }
        break;
    }
    case REPLAY_EXPECT_LANGUAGE: {
        app *a = kiosk_app(p->k);
        const char *now = content_in_language(kiosk_content(p->k), app_language(a))->language;
        if (strcmp(now, e->arg)) {
            fprintf(p->err, "%s:%d: expected the language \"%s\" but it is \"%s\" (at %.0f ms)\n",
                    name, e->line, e->arg, now, p->now);
            return 1;
        }
        break;
    }
    case REPLAY_EXPECT_TEXT: {
        const scene *sc = app_scene(kiosk_app(p->k));
        size_t want = strlen(e->arg);
        bool found = false;
        for (size_t i = 0; i < sc->count && !found; i++) {
            const scene_cmd *c = &sc->cmds[i];
            if (c->kind != SCENE_TEXT || c->len < want)
                continue;
            for (size_t k = 0; k + want <= c->len && !found; k++)
                found = !memcmp(c->text + k, e->arg, want);
        }
        if (!found) {
            fprintf(p->err, "%s:%d: expected a line holding \"%s\" on screen, but none does "
                            "(at %.0f ms)\n", name, e->line, e->arg, p->now);
            return 1;
        }
        break;
    }
    case REPLAY_EXPECT: {
        app *a = kiosk_app(p->k);
        view_place pl = app_place(a);
        if (!view_place_matches(&pl, kiosk_content(p->k), e->arg)) {
            char now[600];
            app_place_name(a, now, sizeof now);
            fprintf(p->err, "%s:%d: expected screen \"%s\" but the visitor is on \"%s\" "
                            "(at %.0f ms)\n", name, e->line, e->arg, now, p->now);
            return 1;
        }
        break;
    }
    default:
        break;
    }
    char why[256];
    if (!app_check(kiosk_app(p->k), why, sizeof why)) {
        fprintf(p->err, "%s:%d: internal state broken: %s\n", name, e->line, why);
        return 1;
    }
    return 0;
}

int player_run(kiosk *k, const replay_script *s, const player_config *cfg,
               const player_platform *pf, player_result *out)
{
    player p;
    memset(&p, 0, sizeof p);
    p.k = k;
    p.cfg = cfg;
    p.pf = pf;
    p.err = cfg->err ? cfg->err : stderr;
    p.step_ms = 1000.0 / (cfg->fps > 0 ? cfg->fps : 60.0);
    const char *name = cfg->script_name;
    int rc = 0;
    if (!kiosk_app(k)) {
        fprintf(p.err, "%s: there is no valid content to play the script on\n", name);
        rc = 1;
    }
    size_t i = 0;
    while (rc == 0 && i < s->count && !quitting(&p)) {
        p.consumed = true;
        rc = play_event(&p, &s->events[i]);
        if (p.consumed)
            i++;
    }
    if (rc == 0 && quitting(&p)) {
        /* The app quit: the next event must expect it, with the right reason. */
        const char *why = kiosk_exit_reason(k);
        const replay_event *next = i < s->count ? &s->events[i] : NULL;
        if (!next || next->kind != REPLAY_EXPECT_QUIT) {
            fprintf(p.err, "%s:%d: the app quit (%s) here, but the script goes on\n", name,
                    s->events[i ? i - 1 : 0].line, why);
            rc = 1;
        } else if (strcmp(next->arg, why)) {
            fprintf(p.err, "%s:%d: expected a %s quit, but it was %s\n", name, next->line,
                    next->arg, why);
            rc = 1;
        } else if (i + 1 < s->count) {
            fprintf(p.err, "%s:%d: events after expect-quit cannot run\n", name,
                    s->events[i + 1].line);
            rc = 1;
        } else {
            p.res.quit = true;
        }
    }
    p.res.now_ms = p.now;
    if (out)
        *out = p.res;
    return rc;
}
