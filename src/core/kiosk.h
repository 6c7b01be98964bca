/* kiosk.h - the kiosk: everything a running kiosk is, short of the
 * screen it draws on.
 *
 * One object owns the content (reload.h: live reload, the last-known-good
 * copy, and the staff screen listing the problems when nothing is valid),
 * the app, the staff exit (admin.h, route.h), the mapping of raw input
 * through touch calibration and display rotation (input_to_logical), and
 * the wait policy. The SDL program, the replay player, the soak and the storm
 * all drive this one object; they differ only in where events and time come
 * from and in what becomes of a frame.
 *
 * Pure: no SDL and no clock. Time (monotonic milliseconds, never decreasing)
 * and events are passed in. The platform's side, each turn of its loop:
 *   1. kiosk_update(k, now): time moves, content reloads, timers fire;
 *   2. kiosk_take_actions(k), and act on each bit (KIOSK_ACT_*);
 *   3. kiosk_input(k, ev) for each raw event (input.h: display fractions);
 *   4. kiosk_frame(k, &f): draw f when f.changed (or when the platform's own
 *      target lost its pixels);
 *   5. sleep: one frame period while kiosk_busy(k), else up to
 *      kiosk_wait_ms(k, now).
 * Layout needs the platform's text measurer: after kiosk_create and after
 * KIOSK_ACT_FONTS, open the faces kiosk_fonts_wanted names and hand their
 * measurer to kiosk_set_measure before the next kiosk_frame.
 *
 * kiosk_create returns a heap object freed with kiosk_destroy; it copies the
 * configuration (strings included) and fails (NULL) only when out of memory.
 * Content problems never fail it: they are logged and shown to staff.
 * Calling kiosk_frame before kiosk_set_measure is a programming error
 * (assert). */
#ifndef OPENDAY_KIOSK_H
#define OPENDAY_KIOSK_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "admin.h"
#include "app.h"
#include "boot.h"
#include "input.h"
#include "screen_visitors.h"
#include "reload.h"

typedef struct {
    const char *content_dir;
    const char *state_dir;   /* NULL or "": keep no last-known-good copy */
    bool live;               /* watch the folder and reload (else load once) */
    bool watch_poll;         /* poll for changes instead of inotify */
    bool refuse_quit;        /* kiosk mode: quit keys and close requests do nothing */
    /* The staff's preview (a window on their laptop): a save that fails
     * validation shows the authors' banner (refused.h) over the
     * visitor screens. Off in kiosk mode, where only the staff screen
     * after the PIN shows it: visitors never see author errors. */
    bool authors;
    /* Get the measurer ready for every content language as content loads
     * (lay_measure.prepare), for a kiosk that runs for hours; off for
     * one-shot tools (a screenshot, a replay), which would only wait for it. */
    bool prepare_languages;
    app_config app;
    admin_config admin;
    float dpi;               /* 0 = LAY_DEFAULT_DPI (phys.h decides the figure) */
    float distance_cm;       /* viewing distance; 0 = the layout's default
                                (phys_distance_cm gives the kiosk's) */
    int rotate;              /* 0, 90, 180, 270: how the picture sits on the display */
    input_calib touch;
    boot_mode boot;          /* how to start (boot.h: the restart-loop guard) */
    const char *boot_why;    /* why, when not BOOT_LIVE (shown to staff); may be NULL */
    FILE *log;               /* NULL: stderr */
    const content_source *src;   /* where content files are read (NULL: the disk) */
} kiosk_config;

void kiosk_config_defaults(kiosk_config *cfg);

typedef struct kiosk kiosk;

kiosk *kiosk_create(const kiosk_config *cfg, int display_w, int display_h, uint64_t now_ms);
void kiosk_destroy(kiosk *k);

/* What the platform must act on, as returned (and cleared) by
 * kiosk_take_actions. */
enum {
    KIOSK_ACT_FONTS = 1u << 0,    /* open kiosk_fonts_wanted, then kiosk_set_measure */
    KIOSK_ACT_CONTENT = 1u << 1,  /* new content: images may have changed; the
                                     status line (kiosk_status) changed */
    KIOSK_ACT_EXIT = 1u << 2,     /* stop with kiosk_exit_status */
};
unsigned kiosk_take_actions(kiosk *k);

/* The faces the current content asks for: its family, and font files (full
 * paths, "" for none) that take precedence over the family. A font file's
 * bytes are the content's snapshot (content_asset_of): the faces open from
 * them, never from the path, which is for messages; a file that changed
 * since, even in a save that was refused, does not reach the screen.
 * `bytes` is borrowed from the model (content_blob_ref to keep it). */
typedef struct {
    char family[128];
    char file[2][PATH_MAX];       /* regular, bold */
    content_blob *bytes[2];       /* NULL: no file, or a model without a snapshot */
    uint64_t hash[2];             /* the bytes' hash and length, 0 without */
    size_t len[2];
} kiosk_fonts;
void kiosk_fonts_wanted(const kiosk *k, kiosk_fonts *out);
/* The same for content c (NULL: the default family), for callers without a
 * kiosk (--check opens the faces the content would be shown in). */
void kiosk_fonts_of(const content *c, kiosk_fonts *out);
/* The measurer of the faces just opened (borrowed: it must stay valid until
 * the next kiosk_set_measure or kiosk_destroy). Returns false when out of
 * memory (the app could not be made). */
bool kiosk_set_measure(kiosk *k, lay_measure m);

/* Hyphenation for a language became ready after the text was first laid
 * out without it (the measurer's tables are built on a thread and answer
 * nothing meanwhile): wrap every paragraph again from the next frame. */
void kiosk_hyphenation_ready(kiosk *k);

/* The display changed size (physical pixels). */
void kiosk_resize(kiosk *k, int display_w, int display_h);
/* The physical facts became known after kiosk_create (the window runner
 * asks the display once it has one): as kiosk_config's dpi and
 * distance_cm. Lays out again. */
void kiosk_set_physical(kiosk *k, float dpi, float distance_cm);
/* Size of the logical picture (the display's size, turned by the rotation). */
void kiosk_logical_size(const kiosk *k, int *w, int *h);

/* Feed one raw event (input.h): positions as fractions of the display,
 * wheel in notches. A quit key outside kiosk mode sets KIOSK_ACT_EXIT. */
void kiosk_input(kiosk *k, const input_event *raw);
/* The window manager asks to close: honoured unless refuse_quit. */
void kiosk_close_request(kiosk *k);
/* Load the content again at the next update (SIGHUP). */
void kiosk_request_reload(kiosk *k);

/* Advance to now_ms (monotonic, never decreasing). */
void kiosk_update(kiosk *k, uint64_t now_ms);
/* Something moves or is pending a draw: run frames at the frame rate. */
bool kiosk_busy(const kiosk *k);
/* When not busy: milliseconds until something can change by itself (a
 * timeout, the next attract slide, a reload check); UINT64_MAX for never. */
uint64_t kiosk_wait_ms(const kiosk *k, uint64_t now_ms);

/* For simulated time: milliseconds that may pass in one jump, every frame
 * in between changing nothing but the picture (app_skip_ms, and the reload
 * and staff-exit timers); 0 when every frame counts. */
uint64_t kiosk_skip_ms(const kiosk *k, uint64_t now_ms);

typedef struct {
    const scene *scene;      /* the app, or the staff screen of problems */
    const scene *overlay;    /* the staff exit's corner progress or keypad, or NULL */
    od_color clear;
    bool changed;            /* differs from the previous frame given */
} kiosk_frame;
/* The frame to show now; laid out again when needed. Valid until the next
 * call into the kiosk. */
void kiosk_get_frame(kiosk *k, kiosk_frame *f);

/* The dump.h account of the frame kiosk_get_frame gives now (laid out if
 * needed): the place's name ("staff" for the screen of content problems),
 * the layout environment, and the staff keypad's keys as targets while it
 * is open. Heap text freed with dump_free, or NULL when out of memory. Same
 * precondition as kiosk_get_frame. */
char *kiosk_dump_json(kiosk *k);

/* Exit status once KIOSK_ACT_EXIT was raised: 0 for a quit, OPENDAY_EXIT_ADMIN
 * for the staff exit; and the reason as a word ("normal", "admin"). */
int kiosk_exit_status(const kiosk *k);
const char *kiosk_exit_reason(const kiosk *k);

/* One line for a service manager's status. */
void kiosk_status(const kiosk *k, char *buf, size_t n);

/* Jump to a named place (--screen, screenshots); false when unknown or when
 * there is no content. */
bool kiosk_goto(kiosk *k, const char *name);

/* The staff screen (admin.h's ADMIN_STAFF, after the right PIN) shows
 * today's visitors: the platform, which keeps the counts (usage.h), hands
 * the picture over while kiosk_wants_visitors is true; it is copied. */
bool kiosk_wants_visitors(const kiosk *k);
void kiosk_set_visitors(kiosk *k, const usage_picture *p);
/* The wall clock's time of day for the day's talks (app_set_clock): kept
 * and handed to every app the kiosk makes. minute -1: unknown. */
void kiosk_set_clock(kiosk *k, int minute, bool trusted);

/* The authors' banner of the latest load: its first error while the last
 * valid content stays on screen, NULL when the files are valid (or when
 * there is no content at all: the staff screen lists the problems). It
 * shows over the visitor screens only with config.authors, and on the
 * staff screen after the PIN always. */
const lay_refused *kiosk_refused(const kiosk *k);

/* Read access for players, tests and --stats; NULL when absent. */
app *kiosk_app(kiosk *k);
const admin *kiosk_admin(const kiosk *k);
const content *kiosk_content(const kiosk *k);
const reload *kiosk_reload(const kiosk *k);

#endif
