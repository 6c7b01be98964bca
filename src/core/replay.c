/* replay.c - parser for scripted visitor journeys (format in replay.h).
 *
 * The parser is strict on purpose: a script is a test, and a typo that was
 * silently skipped would make a journey pass without doing what it says. So
 * the first malformed line stops everything with its number and what is
 * wrong, in words an exhibit technician can act on. */
#include "replay.h"
#include "cli.h"
#include "view.h"
#include "talks.h"
#include "file.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_EVENTS 1000000u
#define MAX_TEXT (64u << 20)      /* 64 MiB */
#define MAX_MS 86400000u          /* one day */
#define MAX_LINE 4096u            /* no event needs more; a longer line is not a script */
#define SHOW 60                   /* longest piece of a bad token to quote */

/* Every verb parse_event knows: a verb not here is refused before the
 * parse, and the messages that list the verbs are made from this, so a new
 * verb cannot be accepted yet missing from them. */
const char *const replay_verbs[] = {
    "tap", "press", "release", "drag", "swipe", "key", "wait", "shot", "dump", "expect-screen",
    "close", "expect-quit", "expect-admin", "expect-access", "expect-panel", "expect-warning",
    "expect-language", "expect-text", "clock", "reset-device", "resize", NULL,
};

void replay_verb_list(char *out, size_t n)
{
    size_t k = 0;
    if (n)
        out[0] = '\0';
    for (size_t i = 0; replay_verbs[i] && k < n; i++)
        k += (size_t)snprintf(out + k, n - k, "%s%s", i == 0 ? "" : replay_verbs[i + 1] ? ", "
                                                                                        : " or ",
                              replay_verbs[i]);
}

static bool known_verb(const char *verb)
{
    for (size_t i = 0; replay_verbs[i]; i++)
        if (!strcmp(verb, replay_verbs[i]))
            return true;
    return false;
}

typedef struct {
    replay_event *ev;
    size_t n, cap;
    char *err;
    size_t errlen;
    int line;
} parser;

/* Write "LINE: message" into the caller's buffer (if any); returns false so
 * that callers can `return fail(...)`. The attribute lets the compiler check
 * every message's arguments against its format. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static bool fail(parser *p, const char *fmt, ...)
{
    if (!p->err || !p->errlen)
        return false;
    int k = snprintf(p->err, p->errlen, "%d: ", p->line);
    if (k < 0 || (size_t)k >= p->errlen)
        return false;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err + k, p->errlen - (size_t)k, fmt, ap);
    va_end(ap);
    return false;
}

/* "..." when a quoted token was cut to SHOW characters. */
static const char *more(const char *tok)
{
    return strlen(tok) > SHOW ? "..." : "";
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* Next whitespace-separated token of a mutable line, NUL-terminated in
 * place; *cur moves past it. NULL at the end of the line. */
static char *next_token(char **cur)
{
    char *s = *cur;
    while (is_space(*s))
        s++;
    if (!*s) {
        *cur = s;
        return NULL;
    }
    char *e = s;
    while (*e && !is_space(*e))
        e++;
    if (*e)
        *e++ = '\0';
    *cur = e;
    return s;
}

/* The rest of the line with surrounding whitespace removed (may be ""). */
static char *rest_of_line(char *cur)
{
    while (is_space(*cur))
        cur++;
    size_t n = strlen(cur);
    while (n > 0 && is_space(cur[n - 1]))
        cur[--n] = '\0';
    return cur;
}

/* A whole token as a finite float: "0.5", "-3", "1e-2". Trailing junk,
 * NaN and infinity are refused. */
static bool parse_float(const char *tok, float *out)
{
    char *end;
    float v = strtof(tok, &end);
    if (end == tok || *end != '\0' || !isfinite(v))
        return false;
    *out = v;
    return true;
}

/* Whole milliseconds 0..MAX_MS, digits only (no sign, no fraction). */
static bool parse_ms(const char *tok, unsigned *out)
{
    if (!*tok)
        return false;
    unsigned long v = 0;
    for (const char *c = tok; *c; c++) {
        if (*c < '0' || *c > '9')
            return false;
        v = v * 10 + (unsigned long)(*c - '0');
        if (v > MAX_MS)
            return false;
    }
    *out = (unsigned)v;
    return true;
}

/* Could the first token be meant as a time (rather than a verb)? */
static bool looks_numeric(const char *tok)
{
    return (*tok >= '0' && *tok <= '9') || *tok == '-' || *tok == '+' || *tok == '.';
}

/* Read the coordinates named in `names` (e.g. {"X", "Y"}) for `verb`. */
static bool read_coords(parser *p, char **cur, const char *verb, const char *need,
                        const char *const *names, float *const *out, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char *tok = next_token(cur);
        if (!tok)
            return fail(p, "%s needs %s as numbers, but %s is missing", verb, need, names[i]);
        if (!parse_float(tok, out[i]))
            return fail(p, "%s needs %s as numbers, got \"%.*s%s\"", verb, need, SHOW, tok,
                        more(tok));
    }
    return true;
}

/* No more tokens may follow on this line. */
static bool no_more(parser *p, char **cur, const char *verb, const char *takes)
{
    char *tok = next_token(cur);
    if (tok)
        return fail(p, "%s takes only %s, got extra \"%.*s%s\"", verb, takes, SHOW, tok,
                    more(tok));
    return true;
}

static bool ends_with(const char *s, const char *ext)
{
    size_t n = strlen(s), e = strlen(ext);
    return n > e && strcasecmp(s + n - e, ext) == 0;
}

/* The event keeps its own copy of its argument s. */
static bool keep_arg(parser *p, replay_event *e, const char *s)
{
    e->arg = strdup(s);
    return e->arg ? true : fail(p, "out of memory");
}

/* The rest of the line as a file name ending in ext (shot, dump). */
static bool file_arg(parser *p, char *cur, const char *verb, const char *ext, replay_event *e)
{
    char *file = rest_of_line(cur);
    if (!*file)
        return fail(p, "%s needs a file name ending in %s", verb, ext);
    if (!ends_with(file, ext))
        return fail(p, "%s needs a file name ending in %s, got \"%.*s%s\"", verb, ext, SHOW,
                    file, more(file));
    return keep_arg(p, e, file);
}

/* The next token as whole milliseconds; `missing` is the message without it. */
static bool read_ms(parser *p, char **cur, const char *verb, const char *missing, unsigned *out)
{
    char *tok = next_token(cur);
    if (!tok)
        return fail(p, "%s", missing);
    if (!parse_ms(tok, out))
        return fail(p, "%s needs MS as whole milliseconds 0..%u, got \"%.*s%s\"", verb, MAX_MS,
                    SHOW, tok, more(tok));
    return true;
}

/* Parse the verb and arguments of one line into e (kind, fields, arg). */
static bool parse_event(parser *p, char *verb, char **cur, replay_event *e)
{
    if (!known_verb(verb)) {
        char verbs[512];
        replay_verb_list(verbs, sizeof verbs);
        return fail(p, "unknown event \"%.*s%s\" (expected %s)", SHOW, verb, more(verb), verbs);
    }
    if (!strcmp(verb, "tap") || !strcmp(verb, "press") || !strcmp(verb, "release")) {
        e->kind = verb[0] == 't' ? REPLAY_TAP : verb[0] == 'p' ? REPLAY_PRESS : REPLAY_RELEASE;
        static const char *const names[] = { "X", "Y" };
        float *out[] = { &e->x1, &e->y1 };
        if (!read_coords(p, cur, verb, "X and Y", names, out, 2))
            return false;
        e->x2 = e->x1;
        e->y2 = e->y1;
        return no_more(p, cur, verb, "X and Y");
    }
    if (!strcmp(verb, "drag")) {
        e->kind = REPLAY_DRAG;
        static const char *const names[] = { "X1", "Y1", "X2", "Y2" };
        float *out[] = { &e->x1, &e->y1, &e->x2, &e->y2 };
        if (!read_coords(p, cur, verb, "X1 Y1 X2 Y2", names, out, 4))
            return false;
        if (!read_ms(p, cur, verb, "drag needs X1 Y1 X2 Y2 MS, but MS (the duration) is missing",
                     &e->ms))
            return false;
        return no_more(p, cur, verb, "X1 Y1 X2 Y2 MS");
    }
    if (!strcmp(verb, "swipe")) {
        e->kind = REPLAY_SWIPE;
        char *tok = next_token(cur);
        if (!tok)
            return fail(p, "swipe needs a direction: left, right, up or down");
        if (!strcmp(tok, "left"))
            e->dir_x = -1;
        else if (!strcmp(tok, "right"))
            e->dir_x = 1;
        else if (!strcmp(tok, "up"))
            e->dir_y = -1;
        else if (!strcmp(tok, "down"))
            e->dir_y = 1;
        else
            return fail(p, "swipe needs left, right, up or down, got \"%.*s%s\"", SHOW, tok,
                        more(tok));
        return no_more(p, cur, verb, "one direction");
    }
    if (!strcmp(verb, "wait")) {
        e->kind = REPLAY_WAIT;
        if (!read_ms(p, cur, verb, "wait needs MS, the milliseconds to wait", &e->ms))
            return false;
        return no_more(p, cur, verb, "MS");
    }
    if (!strcmp(verb, "key")) {
        e->kind = REPLAY_KEY;
        /* Key names are passed on whole ("Ctrl+Q", "Keypad Enter"); whether
         * the name is known is the player's business. */
        char *name = rest_of_line(*cur);
        if (!*name)
            return fail(p, "key needs a key name, such as Escape, Return or F4");
        return keep_arg(p, e, name);
    }
    if (!strcmp(verb, "shot")) {
        e->kind = REPLAY_SHOT;
        return file_arg(p, *cur, verb, ".png", e);
    }
    if (!strcmp(verb, "dump")) {
        e->kind = REPLAY_DUMP;
        return file_arg(p, *cur, verb, ".json", e);
    }
    if (!strcmp(verb, "expect-screen")) {
        e->kind = REPLAY_EXPECT;
        char *name = next_token(cur);
        if (!name)
            return fail(p, "expect-screen needs a screen name, such as home or degree:ID");
        if (!no_more(p, cur, verb, "one screen name"))
            return false;
        return keep_arg(p, e, name);
    }
    if (!strcmp(verb, "clock")) {
        /* The wall clock's time of day from here on (the day's talks). */
        e->kind = REPLAY_CLOCK;
        char *tok = next_token(cur);
        int m = talks_parse_time(tok);
        if (m < 0)
            return fail(p, "clock needs a time of day like 14:05");
        e->ms = (unsigned)m;
        return no_more(p, cur, verb, "one time");
    }
    if (!strcmp(verb, "reset-device")) {
        e->kind = REPLAY_RESET_DEVICE;
        return no_more(p, cur, verb, "nothing");
    }
    if (!strcmp(verb, "resize")) {
        e->kind = REPLAY_RESIZE;
        char *tok = next_token(cur);
        char *end;
        long w = tok ? strtol(tok, &end, 10) : 0, h = 0;
        if (tok && (*end == 'x' || *end == 'X'))
            h = strtol(end + 1, &end, 10);
        if (!tok || *end || w < 64 || h < 64 || w > 16384 || h > 16384)
            return fail(p, "resize needs a size like 1280x800");
        e->x1 = (float)w;
        e->y1 = (float)h;
        return no_more(p, cur, verb, "one size");
    }
    if (!strcmp(verb, "close")) {
        e->kind = REPLAY_CLOSE;
        return no_more(p, cur, verb, "nothing");
    }
    if (!strcmp(verb, "expect-quit") || !strcmp(verb, "expect-admin")) {
        bool quit = verb[7] == 'q';
        e->kind = quit ? REPLAY_EXPECT_QUIT : REPLAY_EXPECT_ADMIN;
        char *what = next_token(cur);
        static const char *const quits[] = { "normal", "admin", NULL };
        static const char *const phases[] = { "idle", "armed", "keypad", "exit", "staff", NULL };
        const char *const *ok = quit ? quits : phases;
        bool known = false;
        for (size_t i = 0; what && ok[i]; i++)
            known |= !strcmp(what, ok[i]);
        if (!known)
            return fail(p, "%s needs %s", verb,
                        quit ? "normal or admin" : "idle, armed, keypad, staff or exit");
        if (!no_more(p, cur, verb, "one word"))
            return false;
        return keep_arg(p, e, what);
    }
    if (!strcmp(verb, "expect-access")) {
        e->kind = REPLAY_EXPECT_ACCESS;
        char *list = next_token(cur);
        if (!list || !view_access_parse(list, &e->ms)) {
            char names[200];
            cli_access_names(names, sizeof names);
            return fail(p, "expect-access needs none or a comma-separated list of %s", names);
        }
        return no_more(p, cur, verb, "one list");
    }
    if (!strcmp(verb, "expect-panel")) {
        e->kind = REPLAY_EXPECT_PANEL;
        char *what = next_token(cur);
        if (!what || (strcmp(what, "open") && strcmp(what, "closed")))
            return fail(p, "expect-panel needs open or closed");
        e->ms = !strcmp(what, "open");
        return no_more(p, cur, verb, "one word");
    }
    if (!strcmp(verb, "expect-language")) {
        e->kind = REPLAY_EXPECT_LANGUAGE;
        char *code = next_token(cur);
        if (!code)
            return fail(p, "expect-language needs a language code, such as en or de");
        if (!no_more(p, cur, verb, "one code"))
            return false;
        return keep_arg(p, e, code);
    }
    if (!strcmp(verb, "expect-text")) {
        e->kind = REPLAY_EXPECT_TEXT;
        char *text = rest_of_line(*cur);
        if (!*text)
            return fail(p, "expect-text needs the words a line on screen holds");
        return keep_arg(p, e, text);
    }
    if (!strcmp(verb, "expect-warning")) {
        e->kind = REPLAY_EXPECT_WARNING;
        char *tok = next_token(cur);
        char *end = NULL;
        long v = tok ? strtol(tok, &end, 10) : -1;
        if (!tok || *end || v < 0 || v > 86400)
            return fail(p, "expect-warning needs the seconds shown, 0 for no warning");
        e->ms = (unsigned)v;
        return no_more(p, cur, verb, "one number");
    }
    /* Listed but not parsed above: the table and the parser disagree. */
    return fail(p, "the event \"%s\" is not handled by this version", verb);
}

static bool push(parser *p, const replay_event *e)
{
    if (p->n == MAX_EVENTS)
        return fail(p, "more than %u events; split the script", MAX_EVENTS);
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        replay_event *ev = realloc(p->ev, cap * sizeof *ev);
        if (!ev)
            return fail(p, "out of memory");
        p->ev = ev;
        p->cap = cap;
    }
    p->ev[p->n++] = *e;
    return true;
}

/* One line (already without its newline and comment); blank lines add
 * nothing. On failure the event's own allocation is released here. */
static bool parse_line(parser *p, char *line)
{
    char *cur = line;
    char *tok = next_token(&cur);
    if (!tok)
        return true;
    replay_event e;
    memset(&e, 0, sizeof e);
    e.line = p->line;
    e.at_ms = -1;
    if (looks_numeric(tok)) {
        unsigned at;
        if (!parse_ms(tok, &at))
            return fail(p, "time must be whole milliseconds 0..%u, got \"%.*s%s\"", MAX_MS,
                        SHOW, tok, more(tok));
        e.at_ms = at;
        tok = next_token(&cur);
        if (!tok) {
            char verbs[512];
            replay_verb_list(verbs, sizeof verbs);
            return fail(p, "time %u needs an event after it (%s)", at, verbs);
        }
    }
    if (!parse_event(p, tok, &cur, &e) || !push(p, &e)) {
        free(e.arg);
        return false;
    }
    return true;
}

void replay_destroy(replay_script *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->count; i++)
        free(s->events[i].arg);
    free(s->events);
    free(s);
}

replay_script *replay_parse(const char *text, size_t len, char *err, size_t errlen)
{
    parser p = { NULL, 0, 0, err, errlen, 0 };
    if (err && errlen)
        err[0] = '\0';
    if (!text) {
        p.line = 0;
        fail(&p, "no script text");
        return NULL;
    }
    if (len > MAX_TEXT) {
        /* Name the line the limit falls on, so the message points somewhere. */
        p.line = 1;
        for (size_t i = 0; i < MAX_TEXT; i++)
            p.line += text[i] == '\n';
        fail(&p, "the script is longer than 64 MiB");
        return NULL;
    }
    /* Editors on some systems start UTF-8 files with a byte-order mark. */
    if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) {
        text += 3;
        len -= 3;
    }
    char *buf = NULL;
    size_t bufcap = 0;
    bool ok = true;
    const char *s = text, *end = text + len;
    /* The length, not a NUL, ends the script: a NUL byte inside it is an
     * error on its line, never a silent end that skips what follows. */
    while (ok && s < end) {
        p.line++;
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
        const char *nul = memchr(s, '\0', n);
        if (nul) {
            ok = fail(&p, "a NUL byte at column %zu; a script is plain text (save it as "
                          "UTF-8)", (size_t)(nul - s) + 1);
            break;
        }
        if (n > MAX_LINE) {
            ok = fail(&p, "the line is %zu bytes long; lines are at most %u", n, MAX_LINE);
            break;
        }
        if (n + 1 > bufcap) {
            char *nb = realloc(buf, n + 1);
            if (!nb) {
                ok = fail(&p, "out of memory");
                break;
            }
            buf = nb;
            bufcap = n + 1;
        }
        memcpy(buf, s, n);
        buf[n] = '\0';
        char *hash = strchr(buf, '#');
        if (hash)
            *hash = '\0';
        ok = parse_line(&p, buf);
        s = nl ? nl + 1 : end;
    }
    free(buf);
    replay_script *out = ok ? malloc(sizeof *out) : NULL;
    if (ok && !out)
        fail(&p, "out of memory");
    if (!out) {
        replay_script tmp = { p.ev, p.n };
        for (size_t i = 0; i < tmp.count; i++)
            free(tmp.events[i].arg);
        free(tmp.events);
        return NULL;
    }
    out->events = p.ev;
    out->count = p.n;
    return out;
}

replay_script *replay_load(const char *path, char *err, size_t errlen)
{
    char *text = NULL;
    size_t len = 0;
    int e = file_read(path, MAX_TEXT, &text, &len);
    if (e) {
        if (err && errlen)
            snprintf(err, errlen, "%s: %s", path,
                     e == FILE_E_TOO_BIG ? "the script is longer than 64 MiB"
                                         : file_error_text(e));
        return NULL;
    }
    char why[512];
    replay_script *s = replay_parse(text, len, why, sizeof why);
    free(text);
    if (!s && err && errlen)
        snprintf(err, errlen, "%s:%s", path, why);
    return s;
}
