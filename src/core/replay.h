/* replay.h - parser for scripted visitor journeys.
 *
 * Pure: no SDL. A script is text, one event per line, '#' starts a comment:
 *   [T_MS] tap X Y | press X Y | release X Y | drag X1 Y1 X2 Y2 MS
 *   [T_MS] swipe left|right|up|down | key KEY | wait MS | shot FILE.png
 *   [T_MS] dump FILE.json
 *   [T_MS] expect-screen NAME | close | expect-quit normal|admin
 *   [T_MS] expect-admin idle|armed|keypad|staff|exit | reset-device | resize WxH
 *   [T_MS] expect-access LIST | expect-panel open|closed | expect-warning SECONDS
 * `expect-access` checks the visitor's accessibility choices are exactly LIST
 * (comma-separated view_access_name words, or none); `expect-panel` whether
 * the accessibility panel shows; `expect-warning` the reset warning's
 * countdown (0: not shown).
 *   [T_MS] expect-language CODE | expect-text WORDS
 * `expect-language` checks the language on screen by its code (content.h);
 * `expect-text` that a line of text on screen holds WORDS (the rest of the
 * line, exactly, case and accents included).
 *   [T_MS] clock HH:MM
 * `reset-device` is SDL_RENDER_DEVICE_RESET (the display or GPU context was
 * lost): every texture is gone. `resize` changes the output size (a window
 * resized, a display mode changed); X1 and Y1 hold the new size.
 * `clock` sets the wall clock's time of day (ms holds the minute of the
 * day), which then runs on with the simulated time.
 * `dump` writes the account of the frame on screen (dump.h) as JSON.
 * `close` is the window manager's close request. The replay stops when the
 * app quits; `expect-quit` must then be the next event, or the replay fails.
 * T_MS (optional) is the time since start at which the event happens; without
 * it the event follows the previous one. X and Y are fractions of the physical
 * screen; values outside 0..1 are allowed (they are ordinary, if odd, input).
 * replay_parse reads exactly len bytes of text (a NUL byte is an error on its
 * line, as is a line over 4096 bytes or a script over 64 MiB) and returns a
 * heap script freed with replay_destroy, or NULL with a message "LINE: what
 * is wrong" in err for the first malformed line. replay_load reads the file
 * at path first (file.h: without blocking, a regular file only) and puts
 * "PATH: why it cannot be read" or "PATH:LINE: what is wrong" in err; the
 * caller prints it as one line and exits 2. */
#ifndef OPENDAY_REPLAY_H
#define OPENDAY_REPLAY_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
    REPLAY_TAP, REPLAY_PRESS, REPLAY_RELEASE, REPLAY_DRAG, REPLAY_SWIPE,
    REPLAY_KEY, REPLAY_WAIT, REPLAY_SHOT, REPLAY_EXPECT, REPLAY_CLOSE, REPLAY_EXPECT_QUIT,
    REPLAY_EXPECT_ADMIN, REPLAY_RESET_DEVICE, REPLAY_RESIZE, REPLAY_DUMP,
    REPLAY_EXPECT_ACCESS, REPLAY_EXPECT_PANEL, REPLAY_EXPECT_WARNING, REPLAY_CLOCK,
    REPLAY_EXPECT_LANGUAGE, REPLAY_EXPECT_TEXT
} replay_kind;

typedef struct {
    replay_kind kind;
    int line;            /* 1-based line in the script */
    int64_t at_ms;       /* absolute time, or -1 for "after the previous event" */
    float x1, y1, x2, y2;
    unsigned ms;         /* DRAG duration, WAIT length; EXPECT_ACCESS the choices'
                            bits; EXPECT_PANEL 1 open; EXPECT_WARNING seconds */
    int dir_x, dir_y;    /* SWIPE: -1/0/+1 */
    char *arg;           /* KEY name, SHOT or DUMP file, EXPECT screen name,
                            EXPECT_LANGUAGE code, EXPECT_TEXT words */
} replay_event;

typedef struct {
    replay_event *events;
    size_t count;
} replay_script;

replay_script *replay_parse(const char *text, size_t len, char *err, size_t errlen);
replay_script *replay_load(const char *path, char *err, size_t errlen);

void replay_destroy(replay_script *s);

/* The verbs a script may use, NULL-terminated: the parser refuses any
 * other, and its messages list these. */
extern const char *const replay_verbs[];
/* The verbs as a phrase, "tap, press, ... or resize", into out. */
void replay_verb_list(char *out, size_t n);

#endif
