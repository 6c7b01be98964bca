/* upkeep.h - what the window loop does besides drawing: the display
 * schedule (schedule.h) switching the panel (panel.h), and the health
 * record (health.h) in the state folder.
 *
 * The window runner calls, each turn of its loop: upkeep_display to learn
 * whether the panel is on (it switches the panel when the schedule or a wake
 * says so), upkeep_pointer for every pointer event before the kiosk sees it
 * (a touch that wakes a dark display is swallowed), upkeep_frame_drawn after
 * each presented frame, and upkeep_tick, which writes health.json at most
 * every HEALTH_EVERY_MS. Writing never stops the kiosk: a full disk or a
 * read-only state folder is logged once and tried again at the next write.
 * Reads the wall clock and local time (this is the platform); caller storage. */
#ifndef OPENDAY_UPKEEP_H
#define OPENDAY_UPKEEP_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "cli.h"
#include "health.h"
#include "input.h"
#include "kiosk.h"
#include "panel.h"
#include "schedule.h"
#include "usage.h"
#include "pacer.h"

struct SDL_Window;
struct SDL_Renderer;

typedef struct {
    char state[PATH_MAX];        /* "" = write nothing */
    display_power power;
    panel pn;
    bool lit;                    /* the display as last switched */
    health_late late;
    bool wrote_once, write_failed;
    uint64_t last_write_ms;
    time_t started;
    uint64_t frames;
    time_t last_frame;
    char renderer[64];
    const void *hashed;          /* the content whose hash is below */
    uint64_t content_hash;
    usage use;                   /* the anonymous counts, saved to STATE/usage.tsv */
    uint32_t lang_seen;          /* app_languages_chosen already counted */
    bool use_failed;
    bool visitors_given;         /* the staff screen has today's picture */
} upkeep;

/* False with a message in err when the schedule's values are malformed
 * (cli.c has checked each already; this is their combination). */
/* Wall-clock seconds (CLOCK_REALTIME): see upkeep.c for where it may be used. */
time_t upkeep_wall_s(void);

bool upkeep_init(upkeep *u, const cli_options *o, const char *state, struct SDL_Window *win,
                 struct SDL_Renderer *ren, char *err, size_t n);
bool upkeep_display(upkeep *u, uint64_t now_ms);
bool upkeep_pointer(upkeep *u, const input_event *ev, uint64_t now_ms);
void upkeep_frame_drawn(upkeep *u);
void upkeep_tick(upkeep *u, kiosk *k, const pacer *sc, uint64_t now_ms);
/* At exit: the counts written one last time; frees what upkeep holds. */
void upkeep_deinit(upkeep *u);

/* The counts of the local day that holds wall-clock second t (usage_day
 * from that day's local midnight) into out, degrees by their titles in c
 * (NULL: by id); *day gets that day's local date, for the caller to title
 * the picture with. For the staff screen's picture of today and --usage-plot. */
void upkeep_usage_day(const usage *u, time_t t, const content *c, usage_picture *out,
                      struct tm *day);

/* Add STATE/usage.tsv's counts to u. A missing file is no problem (true).
 * A file that cannot be read (a failing open or read: "is unreadable (open:
 * Permission denied)"; larger than USAGE_MAX_BYTES; a symlink, pipe or
 * folder) is never renamed nor replaced: u->file_kept is set, and with
 * set_aside (the kiosk) that is logged and the run counts in memory only
 * (true); without, false with why in err (the --usage tools). Skipped lines
 * are logged once. A file that is not a usage file (its first line): with
 * set_aside, it is renamed to usage.tsv.damaged-SECONDS and logged, and
 * counting starts again (true); without, false with why in err. With
 * set_aside, temporaries of a write cut short are removed first. */
bool usage_load(usage *u, const char *state, bool set_aside, char *err, size_t n);
/* Write u to STATE/usage.tsv atomically, older hours pruned first when the
 * clock is believed (usage_prune; a refusal logged once); 0 or the errno of
 * the failing call. Writes nothing (0) when u->file_kept. */
int usage_store(usage *u, const char *state, int64_t now_s);

#endif
