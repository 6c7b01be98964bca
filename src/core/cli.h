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

typedef enum { CLI_MODE_AUTO, CLI_MODE_KIOSK, CLI_MODE_FULLSCREEN, CLI_MODE_WINDOWED } cli_mode;

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
    double reset_warning_s;    /* --reset-warning: countdown before that, 0 = none */
    bool mounted_high;         /* --mounted-high: navigation at the bottom */
    const char *access;        /* --access LIST: choices made for --screenshot / --replay */
    unsigned access_bits;      /* the same parsed (view_access_parse) */
    const char *language;      /* --language CODE: the visitor language for
                                  --screenshot / --replay (content.h) */
    float dpi;                 /* --dpi; 0 = not given: ask the display, else assume
                                  from the resolution (phys.h) */
    float distance_cm;         /* --distance; 0 = not given: 60, or 250 with --loop */
    bool stats;
    bool realtime;             /* --realtime: pace --replay to the real clock and draw */
    bool version, help;
    bool check;
    const char *check_dir;     /* --check [DIR] */
    const char *screenshot;    /* --screenshot FILE.png */
    const char *dump;          /* --dump FILE.json: with --screenshot, the screen's account */
    const char *screen;        /* --screen NAME: for --screenshot, or where the app starts */
    const char *export_html;   /* --export-html DIR */
    const char *clock;         /* --clock HH:MM: a fixed time of day for the day's talks */
    unsigned at_ms;            /* --at MS: time into the screen for --screenshot */
    const char *replay;        /* --replay SCRIPT */
    const char *config;        /* --config FILE (read by config_apply before parsing) */
    const char *admin_pin;     /* --admin-pin DIGITS: enables the staff exit */
    double admin_hold_s;       /* --admin-hold S: per corner, default 3 */
    const char *drm_device;    /* --drm-device auto|/dev/dri/cardN|N */
    bool touch_swap_xy, touch_flip_x, touch_flip_y;
    const char *display_on;    /* display-on / display-off: schedule.h's times */
    const char *display_off;
    bool health;               /* --health [STATE_DIR] */
    const char *health_dir;
    bool usage;                /* --usage [STATE_DIR] */
    const char *usage_dir;
    bool csv;                  /* --csv: --usage as CSV */
    const char *usage_plot;    /* --usage-plot FILE.png */
    double debug_stall_s;      /* hidden: stop the loop after S seconds (watchdog tests) */
    /* ---- Read aloud (speech) ---- */
    bool no_speech;            /* --no-speech: never offer Read aloud */
    bool read_aloud;           /* --read-aloud: start with it on (tests, the bench) */
    const char *say;           /* --say TEXT: synthesise TEXT ... */
    const char *wav;           /* --wav FILE: ... into this WAV file, and exit */
    const char *say_lang;      /* --say-lang TAG: its language (default en) */
} cli_options;

/* ---- the option table ----
 *
 * One row per option drives the command line (cli_parse), the --help text
 * (cli_usage) and the configuration file's keys (config.c): adding an option
 * is adding a row. What a row's value is and where it is stored: */
typedef enum {
    CLI_SWITCH,      /* no value: the bool at field becomes true; in the config
                      * file, yes or no */
    CLI_MODE_SWITCH, /* no value: only sets the display mode (row's mode) */
    CLI_TEXT,        /* any text: the const char * at field (points into argv) */
    CLI_TEXT_OPT,    /* --check [DIR]: the bool at field becomes true, and a next
                      * argument not starting with "--" goes to field2 */
    CLI_SIZE,        /* WxH, each 64 to 16384: the ints at field and field2 */
    CLI_INT,         /* a whole number from lo to hi, a multiple of step: int */
    CLI_UINT,        /* a number from lo to hi: unsigned (fraction dropped) */
    CLI_DOUBLE,      /* a number from lo to hi: double */
    CLI_FLOAT,       /* a number from lo to hi: float */
    CLI_MODE,        /* kiosk, fullscreen or windowed: the display mode */
    CLI_PIN,         /* 4 to 8 digits: const char *, never echoed in errors */
    CLI_TIMES,       /* schedule.h's times ("08:30, sun none"): const char * */
} cli_kind;

/* Where an option may appear (bits). */
enum {
    CLI_CMDLINE = 1,     /* on the command line */
    CLI_CONFIG = 2,      /* as a key of the configuration file */
    CLI_HIDDEN = 4,      /* left out of --help (test and debugging aids) */
};

typedef struct {
    const char *name;    /* the long option without "--"; also the config key */
    const char *alias;   /* another spelling on the command line ("-h"), or NULL */
    cli_kind kind;
    const char *metavar; /* the value's name in --help ("WxH"), NULL for switches */
    unsigned where;      /* CLI_CMDLINE, CLI_CONFIG, CLI_HIDDEN */
    size_t field, field2; /* offsetof(cli_options, ...) of what it sets */
    cli_mode mode;       /* a mode it also sets (--windowed), else CLI_MODE_AUTO */
    double lo, hi, step; /* numbers: the accepted range; step 0 = any, 1 = whole */
    const char *def;     /* the default, set through the same parsing, or NULL */
    const char *need;    /* what a missing value is ("a size such as 1280x800") */
    const char *invalid; /* after "--name: \"value\" ", why it is refused */
    const char *auto_word; /* numbers: this word, or 0, stores 0 ("auto": ask the
                            * display), whatever the range; NULL = no such word */
    const char *section; /* the --help heading it is listed under */
    const char *help;    /* one sentence for --help (wrapped there) */
} cli_option;

extern const cli_option cli_table[];
extern const size_t cli_table_len;

/* The row for NAME (without dashes) allowed in WHERE, or NULL. */
const cli_option *cli_find(const char *name, unsigned where);
/* Parses VAL for row R into O, as the command line would; on a bad value
 * false with "--name: ..." in err. */
bool cli_set(const cli_option *r, const char *val, cli_options *o, char *err, size_t errlen);

bool cli_parse(int argc, char **argv, cli_options *o, char *err, size_t errlen);
void cli_usage(FILE *out);
/* The accessibility choices' names from view.h's table, "large-text,
 * high-contrast, ..." into out: the messages that list them use this. */
void cli_access_names(char *out, size_t n);

#endif
