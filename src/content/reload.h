/* reload.h - keeps the content on screen current and safe.
 *
 * At start the content directory is loaded; when it is invalid, the last
 * content that validated (the last-known-good copy in the state directory,
 * see store.h) is used instead and the reason logged; when there is none, no
 * content is available and the caller shows the staff screen listing the
 * problems. While running, the directory is watched (watch.h): once changes
 * settle, the whole set is loaded and validated again, each file read once
 * (content.h: one snapshot per load, fonts and images included). Valid
 * content replaces
 * the current model and becomes the new last-known-good; invalid content is
 * logged as FILE:LINE:COL: path: message and ignored until a file changes
 * again. reload_request (SIGHUP) forces a load.
 *
 * No SDL; time is passed in. reload_create returns a heap object freed with
 * reload_destroy (which frees the current model); NULL only when out of
 * memory. Models handed out stay owned by the reload object, except the
 * previous model returned by reload_poll, which the caller frees once the app
 * no longer uses it. */
#ifndef OPENDAY_RELOAD_H
#define OPENDAY_RELOAD_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "boot.h"
#include "content.h"
#include "watch.h"

typedef enum {
    RELOAD_NONE,        /* nothing valid yet: show the problems */
    RELOAD_LIVE,        /* the content directory */
    RELOAD_LAST_GOOD,   /* the saved copy, while the directory is invalid */
} reload_origin;

typedef struct {
    const char *content_dir;
    const char *state_dir;   /* NULL or "": keep no last-known-good copy */
    watch_config watch;
    bool no_watch;           /* load once; no live reload (screenshots) */
    FILE *log;               /* NULL: stderr */
    /* Where the folder's files are read from (content.h; NULL: the file
     * system): tests change a file between two reads of one load. */
    const content_source *src;
} reload_config;

typedef struct reload reload;

reload *reload_create(const reload_config *cfg, uint64_t now_ms);
/* The same, starting as the restart-loop guard decided (boot.h): BOOT_LIVE
 * is reload_create; BOOT_LAST_GOOD starts on the saved copy without loading
 * the folder (with none valid, as BOOT_STAFF); BOOT_STAFF starts with no
 * content and `why` as the one problem on the staff screen. `why` (may be
 * NULL) is logged. Either way the folder is loaded again as soon as a file
 * in it changes, or at reload_request. */
reload *reload_create_boot(const reload_config *cfg, boot_mode mode, const char *why,
                           uint64_t now_ms);
void reload_destroy(reload *r);

/* The model to show, or NULL when there has never been valid content. */
const content *reload_content(const reload *r);
reload_origin reload_get_origin(const reload *r);
/* The problems of the latest failed load (empty after a good one). */
const content_report *reload_problems(const reload *r);

/* Load at the next reload_poll whatever the files look like (SIGHUP). */
void reload_request(reload *r);
/* Notice changes and reload. Returns true when the model changed; *old then
 * receives the previous model (possibly NULL), which the caller destroys with
 * content_destroy after handing the new one to the app. */
bool reload_poll(reload *r, uint64_t now_ms, content **old);
/* Milliseconds until reload_poll has something to do. */
uint64_t reload_wait_ms(const reload *r, uint64_t now_ms);

typedef struct {
    unsigned loads, reloads, rejected, saves, save_failures;
} reload_stats;
void reload_get_stats(const reload *r, reload_stats *out);

#endif
