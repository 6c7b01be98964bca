/* player.h - plays a replay script (replay.h) against a kiosk (kiosk.h).
 *
 * Taps, drags and swipes become raw pointer events (fractions of the
 * display) fed to kiosk_input, the same path a finger on the glass takes;
 * time advances in fixed frame steps, and jumps over stretches where the
 * frames would change nothing but the picture (kiosk_skip_ms), so a `wait`
 * of a day costs what its timed changes cost, not 5 million frames. Expectations (expect-screen, expect-admin, expect-quit) are checked
 * as they come, and the app's invariants after every event.
 *
 * Pure: no SDL and no clock. What needs the screen or a file (a screenshot, a dump, a new
 * output size, a lost device, key names, real-time pacing) is asked of the
 * platform through player_platform, so the player runs under a test with
 * fakes as well as in the real program. The player borrows the kiosk and the
 * script; it allocates nothing that outlives player_run. */
#ifndef OPENDAY_PLAYER_H
#define OPENDAY_PLAYER_H

#include <stdbool.h>
#include <stdio.h>
#include "kiosk.h"
#include "replay.h"

typedef struct {
    void *ud;
    /* Draw the kiosk's current frame and write it to path as PNG; false
     * (after logging why) when that failed. */
    bool (*shot)(void *ud, kiosk *k, const char *path);
    /* The output is now w x h physical pixels: make a new target (the
     * player then calls kiosk_resize); false when that failed. */
    bool (*resize)(void *ud, int w, int h);
    /* Every texture was lost (SDL_RENDER_DEVICE_RESET). May be NULL. */
    void (*reset_device)(void *ud);
    /* An SDL key name ("Escape", "Ctrl+Q") as the app's key; false when the
     * name is unknown. */
    bool (*key_by_name)(void *ud, const char *name, input_key *out);
    /* Real time (NULL for simulated time): called before each frame step to
     * wait for its deadline, and after it to draw and time the frame. */
    void (*pace)(void *ud);
    void (*frame)(void *ud, kiosk *k);
    /* Write len bytes of data to path (a `dump`: the player makes the JSON,
     * the platform owns files); false (after logging why) when that
     * failed. NULL: a dump fails. */
    bool (*save)(void *ud, const char *path, const char *data, size_t len);
} player_platform;

typedef struct {
    double fps;               /* simulated frame rate */
    const char *script_name;  /* for messages: NAME:LINE: ... */
    FILE *err;                /* failed expectations; NULL = stderr */
} player_config;

typedef struct {
    double now_ms;            /* simulated time at the end */
    size_t frames;            /* frame steps taken */
    size_t jumps;             /* idle stretches skipped in one step */
    bool quit;                /* the kiosk asked to exit (and the script expected it) */
} player_result;

/* Play every event of s. Returns 0 when the script ran to its end with every
 * expectation met, 1 when an expectation, a screenshot or a resize failed,
 * 2 for an error in the script itself (an unknown key name). */
int player_run(kiosk *k, const replay_script *s, const player_config *cfg,
               const player_platform *pf, player_result *out);

#endif
