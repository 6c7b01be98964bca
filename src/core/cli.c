/* cli.c - command-line parsing. See cli.h.
 *
 * Everything about an option is in its row of cli_table: the parser, the
 * --help text and the configuration file (config.c) read the table, so an
 * option cannot be accepted in one place and missing from another. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "schedule.h"
#include "view.h"

#define F(member) offsetof(cli_options, member)
#define CMD CLI_CMDLINE
#define CONF (CLI_CMDLINE | CLI_CONFIG)

static const char S_DISPLAY[] = "Display modes (default: --kiosk without a display server, else a window):";
static const char S_BEHAVIOUR[] = "Behaviour:";
static const char S_KIOSK[] = "Kiosk (Raspberry Pi):";
static const char S_TOOLS[] = "Tools:";

/* In --help order: rows of one section are together. */
const cli_option cli_table[] = {
    { .name = "kiosk", .kind = CLI_MODE_SWITCH, .where = CMD, .mode = CLI_MODE_KIOSK,
      .section = S_DISPLAY, .help = "full screen, cursor hidden, exit keys ignored" },
    { .name = "fullscreen", .kind = CLI_MODE_SWITCH, .where = CMD, .mode = CLI_MODE_FULLSCREEN,
      .section = S_DISPLAY, .help = "desktop full screen; Esc or Ctrl+Q quits" },
    { .name = "windowed", .kind = CLI_SIZE, .metavar = "WxH", .where = CMD,
      .field = F(win_w), .field2 = F(win_h), .mode = CLI_MODE_WINDOWED,
      .need = "a size such as 1280x800", .invalid = "is not a size like 1280x800",
      .section = S_DISPLAY, .help = "resizable preview window for content authors (a refused save shows its "
                                  "first problem in a banner)" },
    { .name = "loop", .kind = CLI_SWITCH, .where = CONF, .field = F(loop),
      .section = S_DISPLAY, .help = "unattended display: attract loop forever, input ignored" },
    { .name = "rotate", .kind = CLI_INT, .metavar = "DEG", .where = CONF, .field = F(rotate),
      .lo = 0, .hi = 270, .step = 90, .need = "0, 90, 180 or 270",
      .invalid = "must be 0, 90, 180 or 270", .section = S_DISPLAY,
      .help = "0, 90, 180 or 270: rotate the picture and touch input" },
    { .name = "mode", .kind = CLI_MODE, .metavar = "NAME", .where = CONF,
      .need = "a display mode", .section = S_DISPLAY,
      .help = "kiosk, fullscreen or windowed (as the three options above)" },
    { .name = "window", .kind = CLI_SIZE, .metavar = "WxH", .where = CONF,
      .field = F(win_w), .field2 = F(win_h), .need = "a size",
      .invalid = "is not a size like 1280x800", .section = S_DISPLAY,
      .help = "window size for windowed mode" },

    { .name = "content", .kind = CLI_TEXT, .metavar = "DIR", .where = CONF,
      .field = F(content_dir), .def = "content", .need = "a directory",
      .section = S_BEHAVIOUR,
      .help = "content directory; changes to it are shown within 2 s, invalid changes are "
              "logged and ignored" },
    { .name = "state-dir", .kind = CLI_TEXT, .metavar = "DIR", .where = CONF,
      .field = F(state_dir), .need = "a directory", .section = S_BEHAVIOUR,
      .help = "where the last valid content is kept (default: $XDG_STATE_HOME/openday or "
              "~/.local/state/openday)" },
    { .name = "no-state", .kind = CLI_SWITCH, .where = CONF, .field = F(no_state),
      .section = S_BEHAVIOUR, .help = "keep no copy of the last valid content" },
    { .name = "watch-poll", .kind = CLI_SWITCH, .where = CMD | CLI_HIDDEN,
      .field = F(watch_poll), .section = S_BEHAVIOUR,
      .help = "notice content changes by polling alone, without inotify" },
    { .name = "fps", .kind = CLI_INT, .metavar = "N", .where = CONF, .field = F(fps),
      .lo = 1, .hi = 1000, .step = 1, .def = "60", .need = "frames per second",
      .invalid = "must be a whole number from 1 to 1000", .section = S_BEHAVIOUR,
      .help = "frame rate" },
    { .name = "attract-after", .kind = CLI_DOUBLE, .metavar = "S", .where = CONF,
      .field = F(attract_after_s), .lo = 0, .hi = 86400, .def = "90", .need = "seconds",
      .invalid = "must be seconds from 0 (never) to 86400", .section = S_BEHAVIOUR,
      .help = "seconds without input before the attract loop, 0 = never" },
    /* Longer than ten minutes is no warning any more; the app also keeps it
     * under half the idle time. */
    { .name = "reset-warning", .kind = CLI_DOUBLE, .metavar = "S", .where = CONF,
      .field = F(reset_warning_s), .lo = 0, .hi = 600, .def = "20", .need = "seconds",
      .invalid = "must be seconds from 0 (no warning) to 600", .section = S_BEHAVIOUR,
      .help = "seconds before the attract loop that a countdown asks \"Still exploring? "
              "Touch anywhere to stay\" (at most half of --attract-after), 0 = no warning" },
    /* 0 (or "auto") is what an absent --dpi means, so a configuration file
     * can say it explicitly; the sane range is a small phone-like panel to a
     * wall of TVs. */
    { .name = "dpi", .kind = CLI_FLOAT, .metavar = "N", .where = CONF, .field = F(dpi),
      .lo = 20, .hi = 1000, .auto_word = "auto", .need = "pixels per inch or auto",
      .invalid = "must be from 20 to 1000, or auto (or 0) to ask the display",
      .section = S_BEHAVIOUR,
      .help = "panel pixels per inch, for sizes in millimetres (default auto: what the "
              "display reports, else assumed from the resolution)" },
    /* Closer than 20 cm nobody reads a screen; beyond 20 m no text is legible. */
    { .name = "distance", .kind = CLI_FLOAT, .metavar = "CM", .where = CONF,
      .field = F(distance_cm), .lo = 20, .hi = 2000, .need = "centimetres",
      .invalid = "must be centimetres from 20 to 2000", .section = S_BEHAVIOUR,
      .help = "viewing distance in cm, for text sizes (default 60, 250 with --loop)" },
    { .name = "stats", .kind = CLI_SWITCH, .where = CONF, .field = F(stats),
      .section = S_BEHAVIOUR, .help = "print frame statistics at exit (and on SIGUSR1)" },
    /* Read by config_find before parsing; a configuration file naming
     * another one would be a loop, so it is not a key. */
    { .name = "config", .kind = CLI_TEXT, .metavar = "FILE", .where = CMD, .field = F(config),
      .need = "a file", .section = S_BEHAVIOUR,
      .help = "read options from FILE (key = value lines, keys named as the long options); "
              "the command line wins" },

    { .name = "admin-pin", .kind = CLI_PIN, .metavar = "DIGITS", .where = CONF,
      .field = F(admin_pin), .need = "4 to 8 digits", .invalid = "must be 4 to 8 digits",
      .section = S_KIOSK,
      .help = "4-8 digit PIN for the staff exit: hold the top-left corner, then the "
              "top-right corner, then enter it (exit status 10)" },
    { .name = "admin-hold", .kind = CLI_DOUBLE, .metavar = "S", .where = CONF,
      .field = F(admin_hold_s), .lo = 1, .hi = 30, .def = "3", .need = "seconds",
      .invalid = "must be seconds from 1 to 30", .section = S_KIOSK,
      .help = "seconds to hold each corner" },
    { .name = "drm-device", .kind = CLI_TEXT, .metavar = "DEV", .where = CONF,
      .field = F(drm_device), .def = "auto", .need = "auto, a device path or a card number",
      .section = S_KIOSK,
      .help = "auto (the card with a connected display), /dev/dri/cardN or N" },
    { .name = "mounted-high", .kind = CLI_SWITCH, .where = CONF, .field = F(mounted_high),
      .section = S_KIOSK,
      .help = "the panel hangs high (out of reach from a wheelchair): Back, Home and the "
              "accessibility button always at the bottom of the screen" },
    { .name = "touch-swap-xy", .kind = CLI_SWITCH, .where = CONF, .field = F(touch_swap_xy),
      .section = S_KIOSK, .help = "exchange the touch panel's X and Y axes" },
    { .name = "touch-flip-x", .kind = CLI_SWITCH, .where = CONF, .field = F(touch_flip_x),
      .section = S_KIOSK, .help = "mirror touches left to right" },
    { .name = "touch-flip-y", .kind = CLI_SWITCH, .where = CONF, .field = F(touch_flip_y),
      .section = S_KIOSK,
      .help = "mirror touches top to bottom (the three touch options apply before --rotate)" },
    { .name = "display-on", .kind = CLI_TIMES, .metavar = "HH:MM", .where = CONF,
      .field = F(display_on), .need = "a time such as 08:30",
      .invalid = "is not a time such as 08:30", .section = S_KIOSK,
      .help = "switch the display on at this time; per weekday as \"08:30, sat 10:00, "
              "sun none\"; without display-off it stays on until midnight" },
    { .name = "display-off", .kind = CLI_TIMES, .metavar = "HH:MM", .where = CONF,
      .field = F(display_off), .need = "a time such as 18:00",
      .invalid = "is not a time such as 18:00", .section = S_KIOSK,
      .help = "switch the display off at this time (panel off; a touch wakes it for 5 "
              "minutes); per weekday as display-on; needs display-on (alone it is refused: "
              "the panel would never come on)" },
    { .name = "debug-stall-after", .kind = CLI_DOUBLE, .metavar = "S",
      .where = CMD | CLI_HIDDEN, .field = F(debug_stall_s), .lo = 0, .hi = 86400,
      .need = "seconds", .invalid = "must be seconds", .section = S_KIOSK,
      .help = "stop the frame loop after S seconds (watchdog tests)" },

    { .name = "check", .kind = CLI_TEXT_OPT, .metavar = "[DIR]", .where = CMD,
      .field = F(check), .field2 = F(check_dir), .section = S_TOOLS,
      .help = "validate content (DIR, else --content), print every problem; exit 0 valid, "
              "2 not" },
    { .name = "health", .kind = CLI_TEXT_OPT, .metavar = "[DIR]", .where = CMD,
      .field = F(health), .field2 = F(health_dir), .section = S_TOOLS,
      .help = "print the running kiosk's health.json from its state folder (DIR, else "
              "--state-dir); exit 0 when fresh and drawing, 1 not" },
    { .name = "usage", .kind = CLI_TEXT_OPT, .metavar = "[DIR]", .where = CMD,
      .field = F(usage), .field2 = F(usage_dir), .section = S_TOOLS,
      .help = "print the anonymous visitor counts by hour from the state folder (DIR, "
              "else --state-dir)" },
    { .name = "csv", .kind = CLI_SWITCH, .where = CMD, .field = F(csv), .section = S_TOOLS,
      .help = "with --usage, print CSV" },
    { .name = "usage-plot", .kind = CLI_TEXT, .metavar = "FILE.png", .where = CMD,
      .field = F(usage_plot), .need = "a PNG file name", .section = S_TOOLS,
      .help = "with --usage, draw today's visitors by hour and the most opened degrees" },
    { .name = "screenshot", .kind = CLI_TEXT, .metavar = "FILE.png", .where = CMD,
      .field = F(screenshot), .need = "a PNG file name", .section = S_TOOLS,
      .help = "render the screen given by --screen headless and exit" },
    { .name = "dump", .kind = CLI_TEXT, .metavar = "FILE.json", .where = CMD, .field = F(dump),
      .need = "a JSON file name", .section = S_TOOLS,
      .help = "with --screenshot, also write an account of the screen as JSON: every text "
              "with its size, colours and contrast, every touch target and its action" },
    { .name = "screen", .kind = CLI_TEXT, .metavar = "NAME", .where = CMD, .field = F(screen),
      .need = "a screen name", .section = S_TOOLS,
      .help = "the screen for --screenshot: attract, home, degree:ID, compare, "
              "compare:ID,ID, careers, career:ID, ba-bs, about; with a window, the screen it "
              "starts on instead of the attract loop" },
    { .name = "size", .kind = CLI_SIZE, .metavar = "WxH", .where = CMD, .field = F(size_w),
      .field2 = F(size_h), .need = "a size such as 800x480",
      .invalid = "is not a size like 800x480", .section = S_TOOLS,
      .help = "picture size for --screenshot and --replay" },
    { .name = "at", .kind = CLI_UINT, .metavar = "MS", .where = CMD, .field = F(at_ms),
      .lo = 0, .hi = 86400000, .need = "milliseconds", .invalid = "must be milliseconds",
      .section = S_TOOLS, .help = "time into the screen for --screenshot" },
    { .name = "access", .kind = CLI_TEXT, .metavar = "LIST", .where = CMD, .field = F(access),
      .need = "a list such as large-text,high-contrast", .section = S_TOOLS,
      .help = "for --screenshot and --replay: accessibility choices already made, "
              "comma-separated: large-text, high-contrast, less-motion, reach, read-aloud" },
    { .name = "language", .kind = CLI_TEXT, .metavar = "CODE", .where = CMD,
      .field = F(language), .need = "a language code such as de", .section = S_TOOLS,
      .help = "for --screenshot and --replay: the visitor language already chosen, one of "
              "openday.json \"languages\"" },
    { .name = "clock", .kind = CLI_TEXT, .metavar = "HH:MM", .where = CMD, .field = F(clock),
      .need = "a time of day such as 14:05", .section = S_TOOLS,
      .help = "the time of day for the day's talks (talks.json), instead of the system "
              "clock; it runs on from there" },
    { .name = "replay", .kind = CLI_TEXT, .metavar = "SCRIPT", .where = CMD, .field = F(replay),
      .need = "a script file", .section = S_TOOLS,
      .help = "play a scripted visitor journey headless in simulated time" },
    /* ---- Read aloud (speech) ---- */
    { .name = "no-speech", .kind = CLI_SWITCH, .where = CONF, .field = F(no_speech),
      .section = S_BEHAVIOUR,
      .help = "never offer Read aloud (for a kiosk without a speaker or headphones)" },
    { .name = "read-aloud", .kind = CLI_SWITCH, .where = CMD, .field = F(read_aloud),
      .section = S_TOOLS,
      .help = "start with Read aloud on, until the first return to the attract loop" },
    { .name = "say", .kind = CLI_TEXT, .metavar = "TEXT", .where = CMD, .field = F(say),
      .need = "a text to speak", .section = S_TOOLS,
      .help = "with --wav, synthesise TEXT with the speech engine into a WAV file and exit" },
    { .name = "wav", .kind = CLI_TEXT, .metavar = "FILE.wav", .where = CMD, .field = F(wav),
      .need = "a WAV file name", .section = S_TOOLS, .help = "where --say writes" },
    { .name = "say-lang", .kind = CLI_TEXT, .metavar = "TAG", .where = CMD,
      .field = F(say_lang), .need = "a language tag such as en or de", .section = S_TOOLS,
      .help = "the language --say speaks (default en)" },
    { .name = "realtime", .kind = CLI_SWITCH, .where = CMD, .field = F(realtime),
      .section = S_TOOLS,
      .help = "pace --replay by the real clock and draw every frame" },
    { .name = "export-html", .kind = CLI_TEXT, .metavar = "DIR", .where = CMD,
      .field = F(export_html), .need = "a directory", .section = S_TOOLS,
      .help = "write the content as a static web page (DIR/index.html)" },
    { .name = "version", .kind = CLI_SWITCH, .where = CMD, .field = F(version),
      .section = S_TOOLS, .help = "print the version" },
    { .name = "help", .alias = "-h", .kind = CLI_SWITCH, .where = CMD, .field = F(help),
      .section = S_TOOLS, .help = "this text" },
};
const size_t cli_table_len = sizeof cli_table / sizeof *cli_table;

#undef F
#undef CMD
#undef CONF

const cli_option *cli_find(const char *name, unsigned where)
{
    for (size_t i = 0; i < cli_table_len; i++)
        if ((cli_table[i].where & where) && !strcmp(cli_table[i].name, name))
            return &cli_table[i];
    return NULL;
}

static bool parse_size(const char *s, int *w, int *h)
{
    char *end;
    errno = 0;
    long a = strtol(s, &end, 10);
    if (end == s || (*end != 'x' && *end != 'X'))
        return false;
    const char *p = end + 1;
    long b = strtol(p, &end, 10);
    if (end == p || *end || errno || a < 64 || b < 64 || a > 16384 || b > 16384)
        return false;
    *w = (int)a;
    *h = (int)b;
    return true;
}

static bool parse_num(const char *s, double lo, double hi, double step, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end || errno || !(v >= lo && v <= hi))
        return false;
    if (step > 0 && (v != (double)(long)v || (long)v % (long)step))
        return false;
    *out = v;
    return true;
}

/* The display modes are the command line's rows that set one (--kiosk,
 * --fullscreen, --windowed): the config file's `mode = NAME` takes their
 * names, so a new mode is one row and its word appears in the message. */
static bool parse_mode(const char *s, cli_mode *m)
{
    for (size_t i = 0; i < cli_table_len; i++)
        if ((cli_table[i].where & CLI_CMDLINE) && cli_table[i].mode != CLI_MODE_AUTO &&
            !strcmp(s, cli_table[i].name)) {
            *m = cli_table[i].mode;
            return true;
        }
    return false;
}

/* "must be kiosk, fullscreen or windowed", from the same rows. */
static void mode_choices(char *out, size_t n)
{
    size_t k = 0, count = 0, len = 0;
    for (size_t i = 0; i < cli_table_len; i++)
        if ((cli_table[i].where & CLI_CMDLINE) && cli_table[i].mode != CLI_MODE_AUTO)
            count++;
    len = (size_t)snprintf(out, n, "must be");
    for (size_t i = 0; i < cli_table_len && len < n; i++) {
        const cli_option *r = &cli_table[i];
        if (!(r->where & CLI_CMDLINE) || r->mode == CLI_MODE_AUTO)
            continue;
        k++;
        len += (size_t)snprintf(out + len, n - len, "%s%s", k == 1 ? " " : k == count ? " or " : ", ",
                                r->name);
    }
}

static bool is_pin(const char *s)
{
    size_t n = strlen(s);
    return n >= 4 && n <= 8 && strspn(s, "0123456789") == n;
}

bool cli_set(const cli_option *r, const char *val, cli_options *o, char *err, size_t errlen)
{
    char *base = (char *)o;
    double v;
    bool ok = true;
    switch (r->kind) {
    case CLI_SWITCH:
        *(bool *)(base + r->field) = true;
        break;
    case CLI_MODE_SWITCH:
        break;
    case CLI_TEXT:
        *(const char **)(base + r->field) = val;
        break;
    case CLI_TEXT_OPT:
        *(bool *)(base + r->field) = true;
        if (val)
            *(const char **)(base + r->field2) = val;
        break;
    case CLI_SIZE:
        ok = parse_size(val, (int *)(base + r->field), (int *)(base + r->field2));
        break;
    case CLI_INT:
    case CLI_UINT:
    case CLI_DOUBLE:
    case CLI_FLOAT:
        if (r->auto_word && (!strcmp(val, r->auto_word) || !strcmp(val, "0"))) {
            v = 0;
            ok = true;
        } else {
            ok = parse_num(val, r->lo, r->hi, r->step, &v);
        }
        if (ok && r->kind == CLI_INT)
            *(int *)(base + r->field) = (int)v;
        else if (ok && r->kind == CLI_UINT)
            *(unsigned *)(base + r->field) = (unsigned)v;
        else if (ok && r->kind == CLI_DOUBLE)
            *(double *)(base + r->field) = v;
        else if (ok)
            *(float *)(base + r->field) = (float)v;
        break;
    case CLI_MODE:
        if (!parse_mode(val, &o->mode)) {
            char choices[160];
            mode_choices(choices, sizeof choices);
            snprintf(err, errlen, "--%s: \"%s\" %s", r->name, val, choices);
            return false;
        }
        break;
    case CLI_PIN:
        /* The PIN is a secret: a wrong one is not repeated into the log. */
        if (!is_pin(val)) {
            snprintf(err, errlen, "--%s: the PIN %s", r->name, r->invalid);
            return false;
        }
        *(const char **)(base + r->field) = val;
        break;
    case CLI_TIMES: {
        int minutes[7];
        char why[200];
        if (!schedule_parse_times(val, minutes, why, sizeof why)) {
            snprintf(err, errlen, "--%s: %s", r->name, why);
            return false;
        }
        *(const char **)(base + r->field) = val;
        break;
    }
    default:
        ok = false;
        break;
    }
    if (!ok) {
        snprintf(err, errlen, "--%s: \"%s\" %s", r->name, val, r->invalid);
        return false;
    }
    if (r->mode != CLI_MODE_AUTO)
        o->mode = r->mode;
    return true;
}

void cli_access_names(char *out, size_t n)
{
    size_t k = 0;
    if (n)
        out[0] = '\0';
    for (int c = 0; c < VIEW_ACCESS_COUNT && k < n; c++)
        k += (size_t)snprintf(out + k, n - k, "%s%s", c ? ", " : "", view_access_name(c));
}

static bool takes_value(const cli_option *r)
{
    return r->kind != CLI_SWITCH && r->kind != CLI_MODE_SWITCH && r->kind != CLI_TEXT_OPT;
}

bool cli_parse(int argc, char **argv, cli_options *o, char *err, size_t errlen)
{
    memset(o, 0, sizeof *o);
    for (size_t i = 0; i < cli_table_len; i++)
        if (cli_table[i].def && !cli_set(&cli_table[i], cli_table[i].def, o, err, errlen))
            return false;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i], *val = NULL;
        const cli_option *r = NULL;
        if (!strncmp(arg, "--", 2))
            r = cli_find(arg + 2, CLI_CMDLINE);
        for (size_t k = 0; !r && k < cli_table_len; k++)
            if (cli_table[k].alias && !strcmp(arg, cli_table[k].alias))
                r = &cli_table[k];
        if (!r) {
            snprintf(err, errlen, "unknown option \"%s\"", arg);
            return false;
        }
        if (takes_value(r)) {
            if (i + 1 >= argc) {
                if (r->kind == CLI_MODE) {
                    char choices[160];
                    mode_choices(choices, sizeof choices);
                    snprintf(err, errlen, "%s needs a value: it %s", arg, choices);
                } else {
                    snprintf(err, errlen, "%s needs %s", arg, r->need);
                }
                return false;
            }
            val = argv[++i];
        } else if (r->kind == CLI_TEXT_OPT && i + 1 < argc && strncmp(argv[i + 1], "--", 2)) {
            val = argv[++i];
        }
        if (!cli_set(r, val, o, err, errlen))
            return false;
    }
    if (o->screenshot && o->replay) {
        snprintf(err, errlen, "--screenshot and --replay cannot be combined");
        return false;
    }
    if (o->dump && !o->screenshot) {
        snprintf(err, errlen, "--dump goes with --screenshot (in a replay script, use the "
                              "dump command)");
        return false;
    }
    if (!o->say != !o->wav) {
        snprintf(err, errlen, "--say and --wav go together");
        return false;
    }
    if (o->display_off && !o->display_on) {
        snprintf(err, errlen, "--%s", SCHEDULE_HALF_ERROR);
        return false;
    }
    if ((o->csv || o->usage_plot) && !o->usage) {
        snprintf(err, errlen, "--csv and --usage-plot go with --usage");
        return false;
    }
    if (o->access && !view_access_parse(o->access, &o->access_bits)) {
        char names[200];
        cli_access_names(names, sizeof names);
        snprintf(err, errlen, "--access: \"%s\" must be a comma-separated list of %s", o->access,
                 names);
        return false;
    }
    if (!o->check_dir)
        o->check_dir = o->content_dir;
    return true;
}

/* Writes TEXT from column COL, wrapped at 79 columns with later lines
 * indented to COL; words longer than a line are not split. */
static void wrap(FILE *out, const char *text, int col)
{
    int at = col;
    const char *p = text;
    while (*p) {
        size_t n = strcspn(p, " ");
        if (at > col && at + 1 + (int)n > 79) {
            fprintf(out, "\n%*s", col, "");
            at = col;
        } else if (at > col) {
            fputc(' ', out);
            at++;
        }
        fwrite(p, 1, n, out);
        at += (int)n;
        p += n;
        while (*p == ' ')
            p++;
    }
    fputc('\n', out);
}

void cli_usage(FILE *out)
{
    enum { COL = 23 };
    fputs("Usage: openday [OPTION]...\n"
          "Touch kiosk for university open days: explore and compare degrees.\n",
          out);
    const char *section = NULL;
    for (size_t i = 0; i < cli_table_len; i++) {
        const cli_option *r = &cli_table[i];
        if (r->where & CLI_HIDDEN)
            continue;
        if (r->section != section) {
            fprintf(out, "\n%s\n", r->section);
            section = r->section;
        }
        char left[64], help[400];
        int n = snprintf(left, sizeof left, "  --%s%s%s", r->name, r->metavar ? " " : "",
                         r->metavar ? r->metavar : "");
        if (r->alias)
            n += snprintf(left + n, sizeof left - (size_t)n, ", %s", r->alias);
        snprintf(help, sizeof help, "%s%s%s%s", r->help, r->def ? " (default " : "",
                 r->def ? r->def : "", r->def ? ")" : "");
        if (n + 1 > COL) {
            fprintf(out, "%s\n%*s", left, COL, "");
        } else {
            fprintf(out, "%-*s", COL, left);
        }
        wrap(out, help, COL);
    }
    /* The keys, from the same rows, so this list cannot go stale. */
    char keys[800] = "";
    size_t k = 0;
    for (size_t i = 0; i < cli_table_len && k < sizeof keys; i++)
        if (cli_table[i].where & CLI_CONFIG)
            k += (size_t)snprintf(keys + k, sizeof keys - k, "%s%s", k ? ", " : "",
                                  cli_table[i].name);
    fputs("\nConfiguration file (--config), key = value lines; switches take yes or no:\n  ",
          out);
    wrap(out, keys, 2);
    fputs("\n"
          "Keys: arrows move between cards and scroll, Tab moves focus, Enter opens,\n"
          "Backspace goes back, Home goes home; Esc or Ctrl+Q quit outside kiosk mode.\n",
          out);
}
