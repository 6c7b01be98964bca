/* reload.c - start-up fallback and live reload of the content. See reload.h. */
#include "reload.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "store.h"

struct reload {
    reload_config cfg;
    char *content_dir, *state_dir;
    FILE *log;
    watch *w;
    content *cur;
    reload_origin origin;
    content_report problems;
    bool requested;
    reload_stats st;
    char last_save_error[600];
};

/* Save c as the last-known-good copy (live content only), then let go of
 * its file bytes: they were kept for this copy alone. */
static void keep(reload *r, content *c)
{
    if (!r->state_dir || r->origin != RELOAD_LIVE) {
        content_drop_raw(c);
        return;
    }
    char err[600];
    if (store_save(r->state_dir, c, err, sizeof err)) {
        r->st.saves++;
        r->last_save_error[0] = '\0';
    } else {
        r->st.save_failures++;
        /* Say it once per distinct failure: a read-only disk stays read-only. */
        if (strncmp(err, r->last_save_error, sizeof r->last_save_error - 1)) {
            fprintf(r->log, "openday: could not keep a last-known-good copy of the content "
                            "(%s); carrying on without one\n", err);
            snprintf(r->last_save_error, sizeof r->last_save_error, "%s", err);
        }
    }
    content_drop_raw(c);
}

/* Load dir; on failure print the problems (and keep them) and return NULL. */
static content *try_load(reload *r, const char *dir, bool keep_problems)
{
    content_report rep;
    content_report_init(&rep);
    content *c = content_load_with(dir, r->cfg.src, NULL, &rep);
    r->st.loads++;
    content_report_print(&rep, r->log);
    if (keep_problems) {
        content_report_deinit(&r->problems);
        r->problems = rep;
    } else {
        content_report_deinit(&rep);
    }
    return c;
}

/* Start on the saved copy; false (after saying so) when there is none. */
static bool start_last_good(reload *r)
{
    if (!r->state_dir)
        return false;
    char good[PATH_MAX];
    store_last_good(r->state_dir, good, sizeof good);
    r->cur = try_load(r, good, false);
    if (r->cur) {
        r->origin = RELOAD_LAST_GOOD;
        content_drop_raw(r->cur);
        fprintf(r->log, "openday: showing the last valid content (saved in \"%s\") until "
                        "the problems above are fixed\n", good);
        return true;
    }
    fprintf(r->log, "openday: no valid last-known-good copy in \"%s\" either\n", good);
    return false;
}

reload *reload_create(const reload_config *cfg, uint64_t now_ms)
{
    return reload_create_boot(cfg, BOOT_LIVE, NULL, now_ms);
}

reload *reload_create_boot(const reload_config *cfg, boot_mode mode, const char *why,
                           uint64_t now_ms)
{
    reload *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->cfg = *cfg;
    r->log = cfg->log ? cfg->log : stderr;
    r->content_dir = strdup(cfg->content_dir);
    r->state_dir = cfg->state_dir && *cfg->state_dir ? strdup(cfg->state_dir) : NULL;
    content_report_init(&r->problems);
    if (!r->content_dir || (cfg->state_dir && *cfg->state_dir && !r->state_dir)) {
        reload_destroy(r);
        return NULL;
    }
    if (!cfg->no_watch) {
        r->w = watch_create(r->content_dir, &cfg->watch, now_ms);
        if (!r->w) {
            reload_destroy(r);
            return NULL;
        }
    }
    if (mode != BOOT_LIVE) {
        if (!why || !*why)
            why = "openday: the kiosk keeps being restarted on this content";
        fprintf(r->log, "%s\n", why);
        /* The staff screen says the same, without the program's name. */
        const char *msg = strncmp(why, "openday: ", 9) ? why : why + 9;
        content_report_add(&r->problems, r->content_dir, 0, 0, "", false, msg);
        if (mode == BOOT_LAST_GOOD && start_last_good(r))
            return r;
        r->origin = RELOAD_NONE;
        return r;
    }
    r->cur = try_load(r, r->content_dir, true);
    if (r->cur) {
        r->origin = RELOAD_LIVE;
        keep(r, r->cur);
        return r;
    }
    fprintf(r->log, "openday: the content in \"%s\" has %zu problem(s), listed above; fix "
                    "them and check with: openday --check %s\n",
            r->content_dir, r->problems.errors, r->content_dir);
    if (r->state_dir && start_last_good(r))
        return r;
    r->origin = RELOAD_NONE;
    fprintf(r->log, "openday: no valid content to show; showing the problems on screen "
                    "until the files are fixed\n");
    return r;
}

void reload_destroy(reload *r)
{
    if (!r)
        return;
    watch_destroy(r->w);
    content_destroy(r->cur);
    content_report_deinit(&r->problems);
    free(r->content_dir);
    free(r->state_dir);
    free(r);
}

const content *reload_content(const reload *r)
{
    return r->cur;
}

reload_origin reload_get_origin(const reload *r)
{
    return r->origin;
}

const content_report *reload_problems(const reload *r)
{
    return &r->problems;
}

void reload_request(reload *r)
{
    r->requested = true;
}

bool reload_poll(reload *r, uint64_t now_ms, content **old)
{
    *old = NULL;
    bool changed = r->w && watch_poll(r->w, now_ms);
    if (!changed && !r->requested)
        return false;
    r->requested = false;
    content *c = try_load(r, r->content_dir, true);
    if (!c) {
        r->st.rejected++;
        fprintf(r->log, "openday: the changed content in \"%s\" has %zu problem(s), listed "
                        "above; %s until a file changes again\n",
                r->content_dir, r->problems.errors,
                r->cur ? "still showing the previous content" : "still showing the problems");
        return false;
    }
    fprintf(r->log, "openday: content reloaded from \"%s\": %zu degrees, %zu careers\n",
            r->content_dir, c->n_degrees, c->n_careers);
    r->st.reloads++;
    *old = r->cur;
    r->cur = c;
    r->origin = RELOAD_LIVE;
    keep(r, c);
    return true;
}

uint64_t reload_wait_ms(const reload *r, uint64_t now_ms)
{
    if (r->requested)
        return 0;
    return r->w ? watch_wait_ms(r->w, now_ms) : UINT64_MAX;
}

void reload_get_stats(const reload *r, reload_stats *out)
{
    *out = r->st;
}
