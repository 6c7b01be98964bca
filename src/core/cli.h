/* cli.h - command-line parsing. Pure: no SDL.
 *
 * cli_parse fills caller storage; strings point into argv. On a usage error it
 * returns false with a one-line message in err (the caller prints it with a
 * hint to run --help and exits 2). */
#ifndef OPENDAY_CLI_H
#define OPENDAY_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum { MODE_AUTO, MODE_KIOSK, MODE_FULLSCREEN, MODE_WINDOWED } cli_mode;

typedef struct {
    cli_mode mode;
    int win_w, win_h;          /* --windowed WxH */
    int size_w, size_h;        /* --size WxH (screenshot, replay) */
    bool loop;
    int rotate;                /* 0, 90, 180, 270 */
    const char *content_dir;
    const char *state_dir;     /* --state-dir DIR; NULL = the default */
    bool no_state;             /* --no-state: keep no last-known-good copy */
    bool watch_poll;           /* --watch-poll: poll for content changes, no inotify */
    int fps;
    double attract_after_s;
    float dpi;                 /* 0 = unknown */
    bool stats;
    bool realtime;             /* --realtime: pace --replay to the real clock and draw */
    bool version, help;
    bool check;
    const char *check_dir;     /* --check [DIR] */
    const char *screenshot;    /* --screenshot FILE.png */
    const char *screen;        /* --screen NAME: for --screenshot, or where the app starts */
    const char *export_html;   /* --export-html DIR */
    unsigned at_ms;            /* --at MS: time into the screen for --screenshot */
    const char *replay;        /* --replay SCRIPT */
    const char *config;        /* --config FILE (read by config_apply before parsing) */
    const char *admin_pin;     /* --admin-pin DIGITS: enables the staff exit */
    double admin_hold_s;       /* --admin-hold S: per corner, default 3 */
    const char *drm_device;    /* --drm-device auto|/dev/dri/cardN|N */
    bool touch_swap_xy, touch_flip_x, touch_flip_y;
    double debug_stall_s;      /* hidden: stop the loop after S seconds (watchdog tests) */
} cli_options;

bool cli_parse(int argc, char **argv, cli_options *o, char *err, size_t errlen);
void cli_usage(FILE *out);

#endif
