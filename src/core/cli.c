/* cli.c - command-line parsing. See cli.h. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

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

static bool parse_num(const char *s, double lo, double hi, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end || errno || !(v >= lo && v <= hi))
        return false;
    *out = v;
    return true;
}

bool cli_parse(int argc, char **argv, cli_options *o, char *err, size_t errlen)
{
    memset(o, 0, sizeof *o);
    o->content_dir = "content";
    o->fps = 60;
    o->attract_after_s = 90;
    o->admin_hold_s = 3;
    o->drm_device = "auto";
    double v;
#define NEED_ARG(what)                                                       \
    do {                                                                     \
        if (i + 1 >= argc) {                                                 \
            snprintf(err, errlen, "%s needs %s", arg, what);                 \
            return false;                                                    \
        }                                                                    \
        val = argv[++i];                                                     \
    } while (0)
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i], *val = NULL;
        if (!strcmp(arg, "--kiosk")) {
            o->mode = MODE_KIOSK;
        } else if (!strcmp(arg, "--fullscreen")) {
            o->mode = MODE_FULLSCREEN;
        } else if (!strcmp(arg, "--windowed")) {
            NEED_ARG("a size such as 1280x800");
            if (!parse_size(val, &o->win_w, &o->win_h)) {
                snprintf(err, errlen, "--windowed: \"%s\" is not a size like 1280x800", val);
                return false;
            }
            o->mode = MODE_WINDOWED;
        } else if (!strcmp(arg, "--mode")) {
            NEED_ARG("kiosk, fullscreen or windowed");
            if (!strcmp(val, "kiosk")) {
                o->mode = MODE_KIOSK;
            } else if (!strcmp(val, "fullscreen")) {
                o->mode = MODE_FULLSCREEN;
            } else if (!strcmp(val, "windowed")) {
                o->mode = MODE_WINDOWED;
            } else {
                snprintf(err, errlen, "--mode: \"%s\" must be kiosk, fullscreen or windowed", val);
                return false;
            }
        } else if (!strcmp(arg, "--window")) {
            NEED_ARG("a size");
            if (!parse_size(val, &o->win_w, &o->win_h)) {
                snprintf(err, errlen, "--window: \"%s\" is not a size like 1280x800", val);
                return false;
            }
        } else if (!strcmp(arg, "--config")) {
            NEED_ARG("a file");
            o->config = val;
        } else if (!strcmp(arg, "--admin-pin")) {
            NEED_ARG("4 to 8 digits");
            size_t n = strlen(val);
            if (n < 4 || n > 8 || strspn(val, "0123456789") != n) {
                snprintf(err, errlen, "--admin-pin: the PIN must be 4 to 8 digits");
                return false;
            }
            o->admin_pin = val;
        } else if (!strcmp(arg, "--admin-hold")) {
            NEED_ARG("seconds");
            if (!parse_num(val, 1, 30, &v)) {
                snprintf(err, errlen, "--admin-hold: \"%s\" must be seconds from 1 to 30", val);
                return false;
            }
            o->admin_hold_s = v;
        } else if (!strcmp(arg, "--drm-device")) {
            NEED_ARG("auto, a device path or a card number");
            o->drm_device = val;
        } else if (!strcmp(arg, "--touch-swap-xy")) {
            o->touch_swap_xy = true;
        } else if (!strcmp(arg, "--touch-flip-x")) {
            o->touch_flip_x = true;
        } else if (!strcmp(arg, "--touch-flip-y")) {
            o->touch_flip_y = true;
        } else if (!strcmp(arg, "--debug-stall-after")) {
            NEED_ARG("seconds");
            if (!parse_num(val, 0, 86400, &v)) {
                snprintf(err, errlen, "--debug-stall-after: \"%s\" must be seconds", val);
                return false;
            }
            o->debug_stall_s = v;
        } else if (!strcmp(arg, "--size")) {
            NEED_ARG("a size such as 800x480");
            if (!parse_size(val, &o->size_w, &o->size_h)) {
                snprintf(err, errlen, "--size: \"%s\" is not a size like 800x480", val);
                return false;
            }
        } else if (!strcmp(arg, "--loop")) {
            o->loop = true;
        } else if (!strcmp(arg, "--rotate")) {
            NEED_ARG("0, 90, 180 or 270");
            if (!parse_num(val, 0, 270, &v) || ((int)v % 90) || v != (int)v) {
                snprintf(err, errlen, "--rotate: \"%s\" must be 0, 90, 180 or 270", val);
                return false;
            }
            o->rotate = (int)v;
        } else if (!strcmp(arg, "--content")) {
            NEED_ARG("a directory");
            o->content_dir = val;
        } else if (!strcmp(arg, "--state-dir")) {
            NEED_ARG("a directory");
            o->state_dir = val;
        } else if (!strcmp(arg, "--no-state")) {
            o->no_state = true;
        } else if (!strcmp(arg, "--watch-poll")) {
            o->watch_poll = true;
        } else if (!strcmp(arg, "--fps")) {
            NEED_ARG("frames per second");
            if (!parse_num(val, 1, 1000, &v) || v != (int)v) {
                snprintf(err, errlen, "--fps: \"%s\" must be a whole number from 1 to 1000", val);
                return false;
            }
            o->fps = (int)v;
        } else if (!strcmp(arg, "--attract-after")) {
            NEED_ARG("seconds");
            if (!parse_num(val, 0, 86400, &v)) {
                snprintf(err, errlen, "--attract-after: \"%s\" must be seconds from 0 (never) to 86400", val);
                return false;
            }
            o->attract_after_s = v;
        } else if (!strcmp(arg, "--dpi")) {
            NEED_ARG("pixels per inch");
            if (!parse_num(val, 20, 1000, &v)) {
                snprintf(err, errlen, "--dpi: \"%s\" must be from 20 to 1000", val);
                return false;
            }
            o->dpi = (float)v;
        } else if (!strcmp(arg, "--stats")) {
            o->stats = true;
        } else if (!strcmp(arg, "--realtime")) {
            o->realtime = true;
        } else if (!strcmp(arg, "--version")) {
            o->version = true;
        } else if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
            o->help = true;
        } else if (!strcmp(arg, "--check")) {
            o->check = true;
            if (i + 1 < argc && strncmp(argv[i + 1], "--", 2))
                o->check_dir = argv[++i];
        } else if (!strcmp(arg, "--screenshot")) {
            NEED_ARG("a PNG file name");
            o->screenshot = val;
        } else if (!strcmp(arg, "--screen")) {
            NEED_ARG("a screen name");
            o->screen = val;
        } else if (!strcmp(arg, "--at")) {
            NEED_ARG("milliseconds");
            if (!parse_num(val, 0, 86400000, &v)) {
                snprintf(err, errlen, "--at: \"%s\" must be milliseconds", val);
                return false;
            }
            o->at_ms = (unsigned)v;
        } else if (!strcmp(arg, "--export-html")) {
            NEED_ARG("a directory");
            o->export_html = val;
        } else if (!strcmp(arg, "--replay")) {
            NEED_ARG("a script file");
            o->replay = val;
        } else {
            snprintf(err, errlen, "unknown option \"%s\"", arg);
            return false;
        }
    }
#undef NEED_ARG
    if (o->screenshot && o->replay) {
        snprintf(err, errlen, "--screenshot and --replay cannot be combined");
        return false;
    }
    if (!o->check_dir)
        o->check_dir = o->content_dir;
    return true;
}

void cli_usage(FILE *out)
{
    fputs(
        "Usage: openday [OPTION]...\n"
        "Touch kiosk for university open days: explore and compare degrees.\n"
        "\n"
        "Display modes (default: --kiosk without a display server, else a window):\n"
        "  --kiosk              full screen, cursor hidden, exit keys ignored\n"
        "  --fullscreen         desktop full screen; Esc or Ctrl+Q quits\n"
        "  --windowed WxH       resizable preview window for content authors\n"
        "  --loop               unattended display: attract loop forever, input ignored\n"
        "  --rotate DEG         0, 90, 180 or 270: rotate the picture and touch input\n"
        "  --mode NAME          kiosk, fullscreen or windowed (as the three options above)\n"
        "  --window WxH         window size for windowed mode\n"
        "\n"
        "Behaviour:\n"
        "  --content DIR        content directory (default: content); changes to it are\n"
        "                       shown within 2 s, invalid changes are logged and ignored\n"
        "  --state-dir DIR      where the last valid content is kept (default:\n"
        "                       $XDG_STATE_HOME/openday or ~/.local/state/openday)\n"
        "  --no-state           keep no copy of the last valid content\n"
        "  --fps N              frame rate (default 60)\n"
        "  --attract-after S    seconds without input before the attract loop (default 90, 0 = never)\n"
        "  --dpi N              panel pixels per inch (default: a 7\" 800x480 panel, 133)\n"
        "  --stats              print frame statistics at exit (and on SIGUSR1)\n"
        "  --config FILE        read options from FILE (key = value lines, keys named as\n"
        "                       the long options); the command line wins\n"
        "\n"
        "Kiosk (Raspberry Pi):\n"
        "  --admin-pin DIGITS   4-8 digit PIN for the staff exit: hold the top-left corner,\n"
        "                       then the top-right corner, then enter it (exit status 10)\n"
        "  --admin-hold S       seconds to hold each corner (default 3)\n"
        "  --drm-device DEV     auto (the card with a connected display), /dev/dri/cardN or N\n"
        "  --touch-swap-xy, --touch-flip-x, --touch-flip-y\n"
        "                       correct a touch panel whose axes do not match the picture\n"
        "\n"
        "Tools:\n"
        "  --check [DIR]        validate content, print every problem; exit 0 valid, 2 not\n"
        "  --screenshot FILE.png --screen NAME [--size WxH] [--at MS]\n"
        "                       render one screen headless and exit. NAME: attract, home,\n"
        "                       degree:ID, compare, compare:ID,ID, careers, career:ID,\n"
        "                       ba-bs, about\n"
        "  --replay SCRIPT [--size WxH] [--realtime]\n"
        "                       play a scripted visitor journey headless in simulated time\n"
        "                       (--realtime: paced by the real clock, every frame drawn)\n"
        "  --export-html DIR    write the content as a static web page (DIR/index.html)\n"
        "  --screen NAME        with a window: start on that screen instead of the\n"
        "                       attract loop (a still screen, for measurements)\n"
        "  --version            print the version\n"
        "  --help               this text\n"
        "\n"
        "Keys: arrows move between cards and scroll, Tab moves focus, Enter opens,\n"
        "Backspace goes back, Home goes home; Esc or Ctrl+Q quit outside kiosk mode.\n",
        out);
}
