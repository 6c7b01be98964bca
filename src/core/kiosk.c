/* kiosk.c - the kiosk. See kiosk.h. */
#include "kiosk.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dump.h"
#include "refused.h"
#include "route.h"
#include "screen_problems.h"
#include "vocab.h"

/* The staff screen's background while there is no content to take a
 * theme from. */
#define KIOSK_PROBLEMS_BG od_rgba(0x1C, 0x21, 0x2B, 0xFF)

struct kiosk {
    kiosk_config cfg;
    char *content_dir, *state_dir;
    FILE *log;
    reload *rl;
    app *a;
    admin adm;
    lay_measure measure;
    bool have_measure;
    kiosk_fonts open_fonts;     /* the faces whose measurer we hold */
    int dw, dh;                 /* display */
    int lw, lh;                 /* logical picture */
    scene problems, over;
    bool problems_dirty;
    bool force;                 /* the next frame must be drawn */
    unsigned actions;
    int exit_status;
    const char *exit_reason;
    uint64_t now;
    usage_picture visitors;     /* for the staff screen (kiosk_set_visitors) */
    int clock_min;              /* kiosk_set_clock, -1 unknown; kept for a new app */
    bool clock_trusted;
    lay_refused refused;     /* the authors' banner (kiosk_refused) */
    bool has_refused;
    unsigned loads_seen;        /* reload_stats.loads it was made from */
};

static void sync_refused(kiosk *k);

void kiosk_config_defaults(kiosk_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->content_dir = "content";
    cfg->live = true;
    app_config_defaults(&cfg->app);
}

static lay_env env_of(const kiosk *k)
{
    lay_env env = { .w = k->lw, .h = k->lh,
                       .dpi = k->cfg.dpi > 0 ? k->cfg.dpi : LAY_DEFAULT_DPI,
                       .measure = k->measure, .distance_cm = k->cfg.distance_cm };
    return env;
}

void kiosk_fonts_of(const content *c, kiosk_fonts *out)
{
    memset(out, 0, sizeof *out);
    snprintf(out->family, sizeof out->family, "%s", c ? c->font_family : "Inter");
    for (int i = 0; c && i < 2; i++)
        if (*c->font_file[i]) {
            snprintf(out->file[i], sizeof out->file[i], "%s/%s", c->dir, c->font_file[i]);
            out->bytes[i] = content_asset_of(c, c->font_file[i]);
            if (out->bytes[i]) {
                out->hash[i] = out->bytes[i]->hash;
                out->len[i] = out->bytes[i]->len;
            }
        }
}

/* The same faces: the same names and, for font files, the same bytes (a
 * valid save may replace a font file under its old name). Compared by
 * hash and length, not by blob: the blob of the faces open now may belong
 * to a model already freed. */
static bool same_fonts(const kiosk_fonts *a, const kiosk_fonts *b)
{
    for (int i = 0; i < 2; i++)
        if (strcmp(a->file[i], b->file[i]) || a->hash[i] != b->hash[i] || a->len[i] != b->len[i])
            return false;
    return !strcmp(a->family, b->family);
}

kiosk *kiosk_create(const kiosk_config *cfg, int display_w, int display_h, uint64_t now_ms)
{
    kiosk *k = calloc(1, sizeof *k);
    if (!k)
        return NULL;
    k->clock_min = -1;
    k->loads_seen = UINT_MAX;
    k->cfg = *cfg;
    k->log = cfg->log ? cfg->log : stderr;
    k->content_dir = strdup(cfg->content_dir ? cfg->content_dir : "content");
    k->state_dir = strdup(cfg->state_dir ? cfg->state_dir : "");
    k->cfg.content_dir = k->content_dir;
    k->cfg.state_dir = k->state_dir;
    k->cfg.log = k->log;
    k->exit_reason = "";
    k->now = now_ms;
    scene_init(&k->problems);
    scene_init(&k->over);
    k->problems_dirty = k->force = true;
    if (!k->content_dir || !k->state_dir) {
        kiosk_destroy(k);
        return NULL;
    }
    reload_config rc = { k->content_dir, k->state_dir, { 0, 0, cfg->watch_poll }, !cfg->live,
                         k->log, cfg->src };
    k->rl = reload_create_boot(&rc, cfg->boot, cfg->boot_why, now_ms);
    if (!k->rl) {
        kiosk_destroy(k);
        return NULL;
    }
    k->dw = display_w;
    k->dh = display_h;
    input_logical_size(cfg->rotate, display_w, display_h, &k->lw, &k->lh);
    /* The staff exit starts without a measurer; it gets one with the app's. */
    lay_env env = env_of(k);
    admin_init(&k->adm, &cfg->admin, &env);
    k->actions = KIOSK_ACT_FONTS | KIOSK_ACT_CONTENT;
    sync_refused(k);
    return k;
}

void kiosk_destroy(kiosk *k)
{
    if (!k)
        return;
    app_destroy(k->a);
    reload_destroy(k->rl);
    scene_deinit(&k->problems);
    scene_deinit(&k->over);
    free(k->content_dir);
    free(k->state_dir);
    free(k);
}

unsigned kiosk_take_actions(kiosk *k)
{
    unsigned a = k->actions;
    k->actions = 0;
    return a;
}

void kiosk_fonts_wanted(const kiosk *k, kiosk_fonts *out)
{
    kiosk_fonts_of(reload_content(k->rl), out);
}

/* The authors' banner from the latest load's problems, handed to the app
 * when staff preview (config.authors). Said in the log when it comes and
 * goes, so a preview's log tells the same story as its screen. */
static void sync_refused(kiosk *k)
{
    reload_stats st;
    reload_get_stats(k->rl, &st);
    if (st.loads != k->loads_seen) {
        k->loads_seen = st.loads;
        lay_refused r;
        bool has = reload_content(k->rl) && refused_from(&r, reload_problems(k->rl));
        if (has != k->has_refused || (has && !refused_equal(&r, &k->refused))) {
            if (k->cfg.authors && has)
                fprintf(k->log, "openday: preview banner: Save not applied: %s: %s%s\n",
                        r.where, r.what, r.more ? " (and more)" : "");
            else if (k->cfg.authors)
                fprintf(k->log, "openday: preview banner cleared: the files are valid\n");
            k->has_refused = has;
            if (has)
                k->refused = r;
            k->force = true;
        }
    }
    if (k->a)
        app_set_refused(k->a, k->cfg.authors && k->has_refused ? &k->refused : NULL);
}

/* With kiosk_config.prepare_languages: hand the measurer every language's
 * words while the kiosk loads, not when a visitor first picks one. It
 * hyphenates them once (from its cache in the state folder when the same
 * words were hyphenated before) and drops the dictionary: German's takes
 * seconds and about 40 MiB to build, which a kiosk would otherwise keep for
 * its whole run (or build mid-visit: a frozen screen). */
static void warm_languages(const kiosk *k, const content *c)
{
    if (!c || !k->have_measure || !k->measure.prepare || !k->cfg.prepare_languages)
        return;
    for (size_t i = 0; i < content_language_count(c); i++) {
        const content *v = content_in_language(c, i);
        size_t len = 0;
        char *words = vocab_of(v, &len);
        /* Out of memory: the measurer reads the whole dictionary instead. */
        k->measure.prepare(k->measure.hctx, v->language, words, len, k->state_dir);
        free(words);
    }
}

/* An app for the current content with the current measurer. */
static bool make_app(kiosk *k)
{
    const content *c = reload_content(k->rl);
    if (!c || !k->have_measure)
        return true;
    warm_languages(k, c);
    lay_env env = env_of(k);
    k->a = app_create(c, &k->cfg.app, &env, k->now);
    if (k->a)
        app_set_clock(k->a, k->clock_min, k->clock_trusted, k->now);
    sync_refused(k);
    return k->a != NULL;
}

bool kiosk_set_measure(kiosk *k, lay_measure m)
{
    /* The app and the staff exit copy the measurer: the old one's faces are
     * about to be closed, so nothing may keep it. */
    app_destroy(k->a);
    k->a = NULL;
    k->measure = m;
    k->have_measure = true;
    k->adm.env.measure = m;
    kiosk_fonts_wanted(k, &k->open_fonts);
    /* Only the hashes are compared later; the blobs may go with their model. */
    k->open_fonts.bytes[0] = k->open_fonts.bytes[1] = NULL;
    k->problems_dirty = k->force = true;
    return make_app(k);
}

void kiosk_hyphenation_ready(kiosk *k)
{
    if (k->a)
        app_forget_wraps(k->a);
    k->force = true;
}

void kiosk_resize(kiosk *k, int display_w, int display_h)
{
    k->dw = display_w;
    k->dh = display_h;
    input_logical_size(k->cfg.rotate, display_w, display_h, &k->lw, &k->lh);
    if (k->a)
        app_resize(k->a, k->lw, k->lh);
    admin_resize(&k->adm, k->lw, k->lh);
    k->problems_dirty = k->force = true;
}

void kiosk_set_physical(kiosk *k, float dpi, float distance_cm)
{
    k->cfg.dpi = dpi;
    k->cfg.distance_cm = distance_cm;
    lay_env env = env_of(k);
    k->adm.env.dpi = env.dpi;
    k->adm.env.distance_cm = env.distance_cm;
    if (k->a)
        app_set_physical(k->a, env.dpi, env.distance_cm);
    k->problems_dirty = k->force = true;
}

void kiosk_logical_size(const kiosk *k, int *w, int *h)
{
    *w = k->lw;
    *h = k->lh;
}

static void request_exit(kiosk *k, int status, const char *reason)
{
    if (k->actions & KIOSK_ACT_EXIT || *k->exit_reason)
        return;
    k->actions |= KIOSK_ACT_EXIT;
    k->exit_status = status;
    k->exit_reason = reason;
}

/* The right PIN was typed (on an event) or took effect (on an update). */
static void check_admin_exit(kiosk *k)
{
    if (admin_exit_requested(&k->adm) && !*k->exit_reason) {
        fprintf(k->log, "openday: staff exit with the admin PIN\n");
        request_exit(k, OPENDAY_EXIT_ADMIN, "admin");
    }
}

void kiosk_input(kiosk *k, const input_event *raw)
{
    input_event ev = *raw;
    input_map m = { k->cfg.rotate, k->lw, k->lh, k->cfg.touch };
    input_to_logical(&m, &ev);
    bool was_keypad = admin_get_phase(&k->adm) == ADMIN_KEYPAD;
    if (route_input(&k->adm, k->a, k->cfg.refuse_quit, &ev))
        request_exit(k, 0, "normal");
    if (was_keypad || admin_visible(&k->adm))
        k->force = true; /* the keypad's press feedback */
    check_admin_exit(k);
}

void kiosk_close_request(kiosk *k)
{
    if (!k->cfg.refuse_quit)
        request_exit(k, 0, "normal");
}

void kiosk_request_reload(kiosk *k)
{
    reload_request(k->rl);
}

/* Point the app at the reload's new content. The old model is alive until
 * this returns, so the app can carry the visitor's place over by id. */
static bool adopt(kiosk *k)
{
    const content *c = reload_content(k->rl);
    kiosk_fonts want;
    kiosk_fonts_of(c, &want);
    k->actions |= KIOSK_ACT_CONTENT;
    k->problems_dirty = k->force = true;
    if (!k->have_measure || !same_fonts(&want, &k->open_fonts)) {
        /* Other faces: the app waits for their measurer. */
        app_destroy(k->a);
        k->a = NULL;
        k->actions |= KIOSK_ACT_FONTS;
        return true;
    }
    if (k->a) {
        warm_languages(k, c);
        app_set_content(k->a, c);
        return true;
    }
    return make_app(k);
}

void kiosk_update(kiosk *k, uint64_t now_ms)
{
    if (now_ms < k->now)
        now_ms = k->now;
    k->now = now_ms;
    content *old = NULL;
    size_t before = reload_problems(k->rl)->count;
    if (reload_poll(k->rl, now_ms, &old)) {
        bool ok = adopt(k);
        content_destroy(old);
        if (!ok) {
            fprintf(k->log, "openday: out of memory while switching content\n");
            request_exit(k, 1, "error");
        }
    } else if (!k->a && reload_problems(k->rl)->count != before) {
        k->problems_dirty = k->force = true;
    }
    sync_refused(k);
    if (k->a)
        app_update(k->a, now_ms);
    admin_phase before_adm = admin_get_phase(&k->adm);
    route_update(&k->adm, k->a, now_ms);
    if (admin_get_phase(&k->adm) != before_adm)
        k->force = true; /* a staff screen or keypad closed by itself */
    check_admin_exit(k);
}

bool kiosk_wants_visitors(const kiosk *k)
{
    return admin_get_phase(&k->adm) == ADMIN_STAFF;
}

void kiosk_set_visitors(kiosk *k, const usage_picture *p)
{
    k->visitors = *p;
    k->force = true;
}

bool kiosk_busy(const kiosk *k)
{
    return k->force || (k->a && (app_animating(k->a) || app_dirty(k->a))) ||
           (admin_visible(&k->adm) && k->adm.holding);
}

/* The soonest of the app's own time (`app_ms`), the reload's and the staff
 * exit's timers. */
static uint64_t soonest(const kiosk *k, uint64_t app_ms, uint64_t now_ms)
{
    uint64_t rw = reload_wait_ms(k->rl, now_ms);
    uint64_t aw = admin_wait_ms(&k->adm, now_ms);
    if (rw < app_ms)
        app_ms = rw;
    return aw < app_ms ? aw : app_ms;
}

uint64_t kiosk_wait_ms(const kiosk *k, uint64_t now_ms)
{
    return soonest(k, k->a ? app_wait_ms(k->a, now_ms) : UINT64_MAX, now_ms);
}

uint64_t kiosk_skip_ms(const kiosk *k, uint64_t now_ms)
{
    if (k->force || (admin_visible(&k->adm) && k->adm.holding))
        return 0;
    return soonest(k, k->a ? app_skip_ms(k->a, now_ms) : UINT64_MAX, now_ms);
}

void kiosk_get_frame(kiosk *k, kiosk_frame *f)
{
    assert(k->have_measure && "kiosk_set_measure before the first frame");
    const content *c = reload_content(k->rl);
    f->changed = k->force;
    if (k->a) {
        f->changed = f->changed || app_dirty(k->a);
        f->scene = app_scene(k->a);
    } else {
        if (k->problems_dirty) {
            lay_env env = env_of(k);
            screen_problems_draw(&k->problems, &env, k->content_dir, reload_problems(k->rl));
            k->problems_dirty = false;
        }
        f->scene = &k->problems;
    }
    f->clear = c && k->a ? app_background(k->a) : KIOSK_PROBLEMS_BG;
    f->overlay = NULL;
    if (admin_visible(&k->adm)) {
        scene_clear(&k->over);
        if (admin_get_phase(&k->adm) == ADMIN_STAFF) {
            /* Today's visitors above the staff screen's buttons. */
            lay_env env = env_of(k);
            float top = ceilf(admin_staff_top(&k->adm)); /* no seam above the strip */
            /* A refused save's banner just above the buttons. */
            float rh = k->has_refused ? refused_height_for(&env, &k->refused) : 0;
            lay_env uenv = env;
            uenv.h = (int)fmaxf(1.0f, top - rh);
            screen_visitors_draw(&k->over, &uenv, &k->visitors);
            if (rh > 0)
                refused_append(&k->over, &env, &k->refused, top - rh);
        }
        admin_draw(&k->adm, reload_content(k->rl), &k->over);
        f->overlay = &k->over;
    }
    k->force = false;
}

/* The keypad's keys in admin.h's order, as a tap on each reads. */
static const char *const keypad_actions[ADMIN_NKEYS] = {
    "pin 1", "pin 2", "pin 3", "pin 4", "pin 5", "pin 6", "pin 7", "pin 8", "pin 9",
    "pin clear", "pin 0", "pin ok", "cancel",
};

char *kiosk_dump_json(kiosk *k)
{
    kiosk_frame f;
    kiosk_get_frame(k, &f);
    /* A dump is no draw: the next frame must still be drawn if it was due. */
    k->force = k->force || f.changed;
    char name[600] = "staff";
    if (k->a)
        app_place_name(k->a, name, sizeof name);
    dump_target keys[ADMIN_NKEYS];
    size_t nkeys = 0;
    if (admin_get_phase(&k->adm) == ADMIN_KEYPAD)
        for (int i = 0; i < ADMIN_NKEYS; i++) {
            keys[nkeys].rect = admin_key_rect(&k->adm, i);
            snprintf(keys[nkeys].action, sizeof keys[nkeys].action, "%s", keypad_actions[i]);
            nkeys++;
        }
    if (admin_get_phase(&k->adm) == ADMIN_STAFF)
        for (int i = 0; i < ADMIN_NSTAFF; i++) {
            keys[nkeys].rect = admin_staff_button(&k->adm, i);
            snprintf(keys[nkeys].action, sizeof keys[nkeys].action, "%s",
                     i == ADMIN_STAFF_EXIT ? "staff exit" : "staff back");
            nkeys++;
        }
    lay_env env = env_of(k);
    dump_frame df = { name, &env, k->a ? reload_content(k->rl) : NULL, f.scene, f.overlay,
                      f.clear, keys, nkeys };
    return dump_json(&df);
}

int kiosk_exit_status(const kiosk *k)
{
    return k->exit_status;
}

const char *kiosk_exit_reason(const kiosk *k)
{
    return k->exit_reason;
}

void kiosk_status(const kiosk *k, char *buf, size_t n)
{
    const content *c = reload_content(k->rl);
    switch (reload_get_origin(k->rl)) {
    case RELOAD_LIVE:
        snprintf(buf, n, "Showing %zu degrees from %s", c->n_degrees, c->dir);
        break;
    case RELOAD_LAST_GOOD:
        snprintf(buf, n, "Content invalid: showing the last valid copy from %s", c->dir);
        break;
    case RELOAD_NONE:
    default:
        snprintf(buf, n, "No valid content: showing the problems to staff");
        break;
    }
}

bool kiosk_goto(kiosk *k, const char *name)
{
    return k->a && app_goto(k->a, name, k->now);
}

void kiosk_set_clock(kiosk *k, int minute, bool trusted)
{
    k->clock_min = minute;
    k->clock_trusted = trusted;
    if (k->a)
        app_set_clock(k->a, minute, trusted, k->now);
}

const lay_refused *kiosk_refused(const kiosk *k)
{
    return k->has_refused ? &k->refused : NULL;
}

app *kiosk_app(kiosk *k)
{
    return k->a;
}

const admin *kiosk_admin(const kiosk *k)
{
    return &k->adm;
}

const content *kiosk_content(const kiosk *k)
{
    return reload_content(k->rl);
}

const reload *kiosk_reload(const kiosk *k)
{
    return k->rl;
}
