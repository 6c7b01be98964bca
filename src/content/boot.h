/* boot.h - the restart-loop guard: a kiosk that keeps being killed on the
 * same content (the watchdog, a crash) stops starting on that content.
 *
 * A small record, STATE/boot, lists the recent starts that did not end well:
 * each start appends one line (its time and a signature of the content
 * folder's files); boot_healthy, called once the kiosk has drawn healthy
 * frames for a while or is exiting cleanly, deletes it. So the lines in the
 * record are starts that were killed before they proved healthy. Lines older
 * than the window, from the future (a reboot resets the clock), or for other
 * content are dropped: only a loop on the same content counts.
 *
 *   fewer than `last_good_after` such starts  -> BOOT_LIVE (the usual start)
 *   from `last_good_after`                     -> BOOT_LAST_GOOD (the saved
 *       copy; straight to BOOT_STAFF when it is the same bytes as the folder
 *       or there is none)
 *   from `staff_after`                         -> BOOT_STAFF (the staff
 *       screen, saying why, until a file of the content changes)
 *
 * Time is passed in (seconds of a clock that keeps running across restarts
 * of the process: boot_now_s reads CLOCK_BOOTTIME), so tests inject it.
 *
 * No SDL. Nothing here can stop a start: a state folder that cannot be read
 * or written gives BOOT_LIVE (and says so in why); every file is read with
 * file_read (no blocking, size-capped) and the record is bounded (at most
 * BOOT_MAX_LINES lines are kept). The record is replaced by a renamed
 * temporary file, so a kill mid-write leaves the old or the new record. */
#ifndef OPENDAY_BOOT_H
#define OPENDAY_BOOT_H

#include <stddef.h>
#include <stdint.h>

#define BOOT_MAX_LINES 64

typedef enum {
    BOOT_LIVE = 0,      /* start on the content folder, as usual */
    BOOT_LAST_GOOD,     /* start on the last-known-good copy */
    BOOT_STAFF,         /* start on the staff screen, showing why */
} boot_mode;

typedef struct {
    unsigned last_good_after;  /* unhealthy starts in the window; 0 = 3 */
    unsigned staff_after;      /* 0 = 6 */
    unsigned window_s;         /* 0 = 600 */
} boot_config;

/* Record this start and decide how to start. cfg may be NULL (defaults).
 * why receives one line for the log when the mode is not BOOT_LIVE (or when
 * the record could not be kept), else "". */
boot_mode boot_start(const char *state_dir, const char *content_dir, const boot_config *cfg,
                     uint64_t now_s, char *why, size_t n);

/* The kiosk has run cleanly (healthy frames for a while) or is exiting
 * cleanly: forget the recorded starts. Cheap; safe to call more than once. */
void boot_healthy(const char *state_dir);

/* Seconds of CLOCK_BOOTTIME: keeps counting across restarts of the process
 * and through suspend, unmoved by changes of the wall clock. */
uint64_t boot_now_s(void);

#endif
