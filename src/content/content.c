/* content.c - loads and validates the content directory. See content.h.
 *
 * cJSON parses; this file adds what cJSON does not do: the line and column of
 * every value (a walk over the raw text in step with the parsed tree, which
 * keeps document order), translations, id references and friendly messages. */
#include "content.h"
#include "file.h"
#include "hash.h"
#include "qr.h"
#include "talks.h"

#include <assert.h>
#include <cJSON.h>
#include <ctype.h>
#include <inttypes.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_FILE (4u << 20)
#define MAX_DEPTH 64
#define MAX_STRING 4000
#define MAX_ITEMS 1000
/* A list inside one entry (a degree's topics, software, modules and careers,
 * an award's points) is drawn whole on one screen: every entry is at least
 * one text run. 100 is far beyond a readable page and keeps any one screen
 * well inside the renderer's text cache (1024 entries). */
#define MAX_LIST 100
/* Bits of content.unreadable, in content_files order. */
#define UNREADABLE_CAREERS (1u << 1)
#define UNREADABLE_AWARDS (1u << 2)
#define UNREADABLE_DEGREES (1u << 3)
/* The indices of the optional files in content_files. */
#define FILE_TALKS 7
#define FILE_QUIZ 8
#define FILE_NOTICES 9
/* Notices stay few: each one takes a line of every screen. */
#define MAX_NOTICES 8
/* A room is a short label ("Room 2.14", "Studio B"), never a paragraph. */
#define MAX_ROOM 40

const char *const content_string_keys[STR_COUNT] = {
    "touch_to_explore", "back", "home", "home_title", "home_subtitle", "compare",
    "compare_hint", "careers", "careers_hint", "ba_bs", "ba_bs_hint", "about", "focus",
    "award", "topics", "software", "modules", "hands_on", "career_paths", "leads_from",
    "check", "shared", "pick_left", "pick_right", "version", "swipe_hint",
    "admin_title", "admin_wrong", "admin_locked", "admin_clear", "admin_ok", "admin_cancel",
    "speech_button", "speech_unavailable", "speech_again", "speech_stop", "speech_repeat",
    "speech_quieter", "speech_louder", "speech_volume",
    "previous", "next", "scroll_down", "scroll_up",
    "access", "large_text", "high_contrast", "less_motion", "reach", "read_aloud", "on", "off",
    "done", "reset_warning",
    "today", "today_hint", "now", "talk_next", "next_talk", "today_done", "qr_hint",
    "quiz", "quiz_hint", "quiz_progress", "quiz_result", "quiz_result_hint", "quiz_because",
    "quiz_points", "quiz_point", "quiz_none", "quiz_again", "notice_urgent",
    "notices_title",
    "language_name", "language",
};

static const char *const default_strings[STR_COUNT] = {
    "Touch to explore", "Back", "Home", "Explore our degrees", "Tap a degree to find out more.",
    "Compare", "Side by side", "Career paths", "Where each degree leads", "Awards",
    "What the awards mean", "About", "Focus", "Award", "Topics", "Software",
    "Modules that matter", "Hands-on", "Careers", "Degrees that lead here", "Check first",
    "More than one degree", "First", "Second", "Version", "Swipe for the next one",
    "Staff: enter the PIN to exit", "Wrong PIN, try again",
    "Too many wrong PINs: wait {seconds} s", "Clear", "OK", "Cancel",
    "button", "unavailable", "Tap again to open.", "Stop", "Repeat", "Quieter", "Louder",
    "Volume {percent} percent",
    "Previous: {name}", "Next: {name}", "More below", "Scroll up",
    "Accessibility", "Larger text", "High contrast", "Less motion", "Controls within reach",
    "Read aloud", "On", "Off", "Done", "Still here? Touch anywhere to stay",
    "Today", "Talks and tours at the open day", "Now", "Next", "Next talk: {time}, {room}",
    "That's all for today", "Take it home: scan with your phone",
    "Which degree suits me?", "A few questions, then our suggestion", "Question {n} of {total}",
    "Degrees that suit you", "Ranked by your answers. Tap one to find out more.",
    "Because you chose", "{points} points", "1 point", "None of your answers pointed here",
    "Start again", "Important", "News for visitors",
    /* A language's own name has no sensible default: without one the
     * chooser shows the language's code. */
    "", "Language",
};

const char *const content_color_keys[COLOR_COUNT] = {
    "background", "surface", "surface_alt", "text", "muted", "accent", "accent_text",
    "shared", "caveat", "line",
};

static const char *const default_colors[COLOR_COUNT] = {
    "#0F1420", "#1A2233", "#243047", "#F4F6FA", "#A9B4C8", "#FFB547", "#10131A",
    "#B98CFF", "#FFD166", "#3A4760",
};

/* ---- report ------------------------------------------------------------------ */

void content_report_init(content_report *r)
{
    memset(r, 0, sizeof *r);
}

void content_report_deinit(content_report *r)
{
    for (size_t i = 0; i < r->count; i++) {
        free(r->items[i].file);
        free(r->items[i].path);
        free(r->items[i].message);
    }
    free(r->items);
    memset(r, 0, sizeof *r);
}

void content_report_print(const content_report *r, FILE *out)
{
    for (size_t i = 0; i < r->count; i++) {
        const content_problem *p = &r->items[i];
        /* A problem with the whole file points at its start. */
        fprintf(out, "%s:%d:%d: %s: %s%s\n", p->file, p->line ? p->line : 1,
                p->line ? p->col : 1, *p->path ? p->path : "(top level)",
                p->warning ? "warning: " : "", p->message);
    }
}

static char *xstrdup(const char *s)
{
    char *d = strdup(s ? s : "");
    if (!d) {
        fputs("openday: out of memory\n", stderr);
        abort();
    }
    return d;
}

/* calloc for the model and the loader's own tables: running out of memory
 * while loading a few megabytes of content is not recoverable here. */
static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n, size);
    if (!p)
        abort();
    return p;
}

void content_report_add(content_report *r, const char *file, int line, int col,
                        const char *path, bool warning, const char *msg)
{
    if (r->count == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        content_problem *n = realloc(r->items, cap * sizeof *n);
        if (!n)
            abort();
        r->items = n;
        r->cap = cap;
    }
    content_problem *p = &r->items[r->count++];
    p->file = xstrdup(file);
    p->line = line;
    p->col = col;
    p->path = xstrdup(path);
    p->message = xstrdup(msg);
    p->warning = warning;
    if (warning)
        r->warnings++;
    else
        r->errors++;
}

#define report_add content_report_add

/* ---- one file: text, positions, problems ------------------------------------- */

typedef struct {
    const cJSON *node;
    size_t off;
    bool key;            /* offset of the member's key rather than its value */
} pos_entry;

typedef struct {
    content_report *rep;
    char *file;          /* dir/name */
    const char *text;
    size_t len;
    pos_entry *pos;
    size_t npos, cappos;
    cJSON *root;
    const char *lang;
    /* The default language, tried before the first translation when `lang`
     * is missing (a visitor language's load); NULL: straight to the first. */
    const char *fallback;
    /* The declared visitor languages (openday.json "languages"); a
     * translation in any other is an error. n_declared 0: not declared. */
    char *const *declared;
    size_t n_declared;
    /* The undeclared codes reported in this file: each once, so that one
     * language left out of the list is one line per file, not one per text. */
    char undeclared[4][16];
    size_t n_undeclared;
    const content_source *src;
    const content_options *opts;     /* NULL: none */
    /* ids already seen in the array being loaded (unique_id) */
    const cJSON *ids_arr;
    const cJSON **ids;           /* open addressing by hash, capacity ids_cap */
    size_t ids_cap, ids_n;
} jfile;

static void where(const jfile *f, size_t off, int *line, int *col)
{
    int l = 1, c = 1;
    for (size_t i = 0; i < off && i < f->len; i++) {
        if (f->text[i] == '\n') {
            l++;
            c = 1;
        } else {
            c++;
        }
    }
    *line = l;
    *col = c;
}

static size_t find_off(const jfile *f, const cJSON *n, bool key)
{
    for (size_t i = 0; i < f->npos; i++)
        if (f->pos[i].node == n && f->pos[i].key == key)
            return f->pos[i].off;
    return 0;
}

static size_t node_off(const jfile *f, const cJSON *n)
{
    return find_off(f, n, false);
}

/* The one way a problem in a file is reported: at the line and column of
 * byte `off` of its text. */
__attribute__((format(printf, 5, 0)))
static void report_at(jfile *f, size_t off, bool warning, const char *path, const char *fmt,
                      va_list ap)
{
    char msg[600];
    vsnprintf(msg, sizeof msg, fmt, ap);
    int line, col;
    where(f, off, &line, &col);
    report_add(f->rep, f->file, line, col, path, warning, msg);
}

/* A problem with a value, reported where it starts (no node: the start of
 * the file). */
__attribute__((format(printf, 5, 6)))
static void problem(jfile *f, const cJSON *node, bool warning, const char *path,
                    const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report_at(f, node ? node_off(f, node) : 0, warning, path, fmt, ap);
    va_end(ap);
}

static void pos_add(jfile *f, const cJSON *n, size_t off, bool key)
{
    if (f->npos == f->cappos) {
        f->cappos = f->cappos ? f->cappos * 2 : 256;
        pos_entry *p = realloc(f->pos, f->cappos * sizeof *p);
        if (!p)
            abort();
        f->pos = p;
    }
    f->pos[f->npos++] = (pos_entry){ n, off, key };
}

static const char *skip_ws(const char *p)
{
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    return p;
}

static const char *skip_string(const char *p)
{
    p++; /* opening quote */
    while (*p && *p != '"') {
        if (*p == '\\' && p[1])
            p++;
        p++;
    }
    return *p ? p + 1 : p;
}

/* Walk the text of a value that cJSON parsed into `n`, recording offsets. */
static const char *walk(jfile *f, const char *p, const cJSON *n)
{
    p = skip_ws(p);
    pos_add(f, n, (size_t)(p - f->text), false);
    if (cJSON_IsObject(n) || cJSON_IsArray(n)) {
        bool obj = cJSON_IsObject(n);
        p++;
        for (const cJSON *c = n->child; c; c = c->next) {
            p = skip_ws(p);
            if (obj) {
                pos_add(f, c, (size_t)(p - f->text), true);
                p = skip_string(p);
                p = skip_ws(p);
                if (*p == ':')
                    p++;
            }
            p = walk(f, p, c);
            p = skip_ws(p);
            if (*p == ',')
                p++;
        }
        p = skip_ws(p);
        return *p ? p + 1 : p;
    }
    if (cJSON_IsString(n))
        return skip_string(p);
    while (*p && !strchr(",}] \t\r\n", *p))
        p++;
    return p;
}

/* Offset of the first invalid UTF-8 sequence, or (size_t)-1. */
static size_t bad_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        size_t k = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : 9;
        if (k == 9 || (k == 1 && c < 0xc2) || (k == 3 && c > 0xf4) || i + k >= n + (k ? 0 : 1))
            if (k != 0)
                return i;
        for (size_t j = 1; j <= k; j++)
            if (i + j >= n || (s[i + j] & 0xc0) != 0x80)
                return i;
        if (k == 2 && ((c == 0xe0 && s[i + 1] < 0xa0) || (c == 0xed && s[i + 1] >= 0xa0)))
            return i;
        if (k == 3 && ((c == 0xf0 && s[i + 1] < 0x90) || (c == 0xf4 && s[i + 1] >= 0x90)))
            return i;
        i += k + 1;
    }
    return (size_t)-1;
}

__attribute__((format(printf, 3, 4)))
static void at_offset(jfile *f, size_t off, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report_at(f, off, false, "", fmt, ap);
    va_end(ap);
}

/* The file system source: file_read opens without blocking and reads only
 * regular files, so a named pipe or a device among the content files is an
 * error on that file instead of a loader (and a kiosk) stuck in read(). */
static int read_fs(void *ud, const char *path, size_t max, char **text, size_t *len)
{
    (void)ud;
    int e = file_read(path, max, text, len);
    if (e == FILE_E_TOO_BIG) {
        /* The source contract: over the limit shows as len > max. */
        *text = malloc(1);
        if (!*text)
            abort();
        **text = '\0';
        *len = max + 1;
        return 0;
    }
    return e;
}

static const content_source fs_source = { read_fs, NULL };

/* Read and parse dir/name; on any problem report it and return false. */
static bool jfile_open(jfile *f, content_report *rep, const content_source *src,
                       const char *dir, const char *name)
{
    memset(f, 0, sizeof *f);
    f->rep = rep;
    f->src = src;
    size_t n = strlen(dir) + strlen(name) + 2;
    f->file = malloc(n);
    if (!f->file)
        abort();
    snprintf(f->file, n, "%s/%s", dir, name);
    char *raw = NULL;
    size_t len = 0;
    int e = src->read(src->ud, f->file, MAX_FILE, &raw, &len);
    if (e) {
        char msg[300];
        snprintf(msg, sizeof msg, "cannot read this file: %s%s",
                 e == EISDIR ? strerror(e) : file_error_text(e),
                 e == ENOENT   ? "; every content directory needs it"
                 : e == EACCES ? "; make it readable by everyone (chmod a+r)"
                 : e == EISDIR ? "; this must be a file, not a folder"
                 : e == FILE_E_NOT_REGULAR
                     ? "; replace it with an ordinary file saved by an editor"
                     : "");
        report_add(rep, f->file, 0, 0, "", false, msg);
        return false;
    }
    /* Keep a terminating NUL after the text for cJSON and the walker. */
    char *buf = realloc(raw, len + 1);
    if (!buf)
        abort();
    f->text = buf;
    f->len = len;
    buf[len] = '\0';
    if (len > MAX_FILE) {
        report_add(rep, f->file, 0, 0, "", false,
                   "file is larger than 4 MiB; content files are small, so this is not one");
        return false;
    }
    if (len == 0) {
        report_add(rep, f->file, 1, 1, "", false, "file is empty; it must hold a JSON object");
        return false;
    }
    if (len >= 2 && (((unsigned char)buf[0] == 0xFF && (unsigned char)buf[1] == 0xFE) ||
                     ((unsigned char)buf[0] == 0xFE && (unsigned char)buf[1] == 0xFF))) {
        report_add(rep, f->file, 1, 1, "", false,
                   "file is saved as UTF-16; save it as UTF-8 (in most editors: Save As, "
                   "Encoding: UTF-8)");
        return false;
    }
    const char *nul = memchr(buf, '\0', len);
    if (nul) {
        at_offset(f, (size_t)(nul - buf), "file contains a NUL byte%s; save it as plain UTF-8 text", "");
        return false;
    }
    size_t start = 0;
    if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
        start = 3; /* a UTF-8 byte-order mark is harmless: skip it */
    size_t bad = bad_utf8((const unsigned char *)buf + start, len - start);
    if (bad != (size_t)-1) {
        at_offset(f, start + bad, "invalid UTF-8 text%s; save the file as UTF-8", "");
        return false;
    }
    /* Our own depth limit, checked before cJSON sees the text. */
    int depth = 0;
    bool in_str = false;
    for (size_t i = start; i < len; i++) {
        char c = buf[i];
        if (in_str) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_str = false;
        } else if (c == '"') {
            in_str = true;
        } else if (c == '{' || c == '[') {
            if (++depth > MAX_DEPTH) {
                at_offset(f, i, "nesting deeper than %s levels; content is never that deep", "64");
                return false;
            }
        } else if (c == '}' || c == ']') {
            depth--;
        }
    }
    const char *end = NULL;
    f->root = cJSON_ParseWithOpts(buf + start, &end, 1);
    if (!f->root) {
        size_t off = end ? (size_t)(end - buf) : start;
        char near[24];
        size_t k = 0;
        for (size_t i = off; i < len && k < 16 && buf[i] != '\n'; i++)
            near[k++] = buf[i];
        near[k] = '\0';
        if (k)
            at_offset(f, off, "invalid JSON near \"%s\": look for a missing comma, quote or "
                              "bracket just before this point", near);
        else
            at_offset(f, off, "invalid JSON: the file ends too early; is a bracket or quote "
                              "missing?");
        return false;
    }
    walk(f, buf + start, f->root);
    if (!cJSON_IsObject(f->root)) {
        problem(f, f->root, false, "", "the file must hold a JSON object { ... }");
        return false;
    }
    return true;
}

static void jfile_close(jfile *f)
{
    free(f->ids);
    cJSON_Delete(f->root);
    free((char *)f->text);
    free(f->pos);
    free(f->file);
}

/* ---- field access --------------------------------------------------------------- */

static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 30 || lb > 30)
        return 99;
    size_t d[31][31];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            d[i][j] = best;
        }
    return d[la][lb];
}

/* Like problem(), but pointing at the member's key: for a misspelt field name,
 * the name is what needs fixing. */
__attribute__((format(printf, 5, 6)))
static void key_problem(jfile *f, const cJSON *member, bool warning, const char *path,
                        const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report_at(f, find_off(f, member, true), warning, path, fmt, ap);
    va_end(ap);
}


/* Warn about fields not in `known`: n names, or up to a NULL entry. */
static void unknown_fields_n(jfile *f, const cJSON *obj, const char *path,
                             const char *const *known, size_t n)
{
    for (const cJSON *c = obj->child; c; c = c->next) {
        /* A field written twice: only the first would count, silently. */
        for (const cJSON *d = obj->child; d != c; d = d->next)
            if (!strcmp(d->string, c->string)) {
                char p[300];
                snprintf(p, sizeof p, "%s%s%s", path, *path ? "." : "", c->string);
                key_problem(f, c, false, p, "field \"%s\" appears twice in this object; keep "
                            "one", c->string);
                break;
            }
        bool ok = false;
        for (size_t i = 0; i < n && known[i] && !ok; i++)
            ok = !strcmp(c->string, known[i]);
        if (ok)
            continue;
        /* Unknown: suggest the nearest known name, if one is close. */
        const char *close = NULL;
        for (size_t i = 0; i < n && known[i] && !close; i++)
            if (edit_distance(c->string, known[i]) <= 2)
                close = known[i];
        char p[300];
        snprintf(p, sizeof p, "%s%s%s", path, *path ? "." : "", c->string);
        if (close)
            key_problem(f, c, true, p, "unknown field \"%s\" is ignored; did you mean \"%s\"?",
                        c->string, close);
        else
            key_problem(f, c, true, p, "unknown field \"%s\" is ignored", c->string);
    }
}

static void unknown_fields(jfile *f, const cJSON *obj, const char *path, const char *const *known)
{
    unknown_fields_n(f, obj, path, known, (size_t)-1);
}

static void join(char *out, size_t n, const char *path, const char *key)
{
    snprintf(out, n, "%s%s%s", path, *path ? "." : "", key);
}

static bool check_string(jfile *f, const cJSON *v, const char *p)
{
    if (strlen(v->valuestring) > MAX_STRING) {
        problem(f, v, false, p, "text is longer than %d bytes; shorten it", MAX_STRING);
        return false;
    }
    return true;
}

/* A visible text that may not draw: the options' glyph check, reported at
 * the JSON string (a warning: the rest of the text still shows). */
static void check_glyphs(jfile *f, const cJSON *v, const char *p)
{
    if (!f->opts || !f->opts->glyph_missing || !v->valuestring)
        return;
    uint32_t cp = f->opts->glyph_missing(f->opts->ctx, v->valuestring);
    if (cp)
        problem(f, v, true, p, "no installed font has the character U+%04" PRIX32 " (it would "
                "show as a box); replace it, or install a font that has it", cp);
}

/* Every translation of the set v is in a declared language (when
 * openday.json declares them); false after reporting the first that is not. */
static bool translations_declared(jfile *f, const cJSON *v, const char *p)
{
    if (!f->n_declared)
        return true;
    for (const cJSON *c = v->child; c; c = c->next) {
        bool known = false;
        for (size_t i = 0; i < f->n_declared && !known; i++)
            known = !strcmp(c->string, f->declared[i]);
        if (known)
            continue;
        for (size_t i = 0; i < f->n_undeclared; i++)
            if (!strcmp(f->undeclared[i], c->string))
                return false;
        if (f->n_undeclared < sizeof f->undeclared / sizeof *f->undeclared)
            snprintf(f->undeclared[f->n_undeclared++], sizeof *f->undeclared, "%s", c->string);
        char q[400], list[200] = "";
        join(q, sizeof q, p, c->string);
        for (size_t i = 0; i < f->n_declared; i++) {
            size_t used = strlen(list);
            snprintf(list + used, sizeof list - used, "%s\"%s\"", i ? ", " : "", f->declared[i]);
        }
        key_problem(f, c, false, q, "translation \"%s\" is in no declared language (%s, "
                    "openday.json \"languages\"); fix the code or declare the language (reported "
                    "once a file)",
                    c->string, list);
        return false;
    }
    return true;
}

/* The translation to show from the set v: the load's language, else the
 * default language, else the first given (with a warning that says which);
 * NULL when the set is empty. */
static const cJSON *pick_translation(jfile *f, const cJSON *v, const char *p)
{
    const cJSON *pick = cJSON_GetObjectItemCaseSensitive(v, f->lang);
    if (pick)
        return pick;
    if (f->fallback)
        pick = cJSON_GetObjectItemCaseSensitive(v, f->fallback);
    if (!pick)
        pick = v->child;
    if (pick)
        problem(f, v, true, p, "no \"%s\" translation; showing \"%s\" instead", f->lang,
                pick->string);
    return pick;
}

/* Visible text: a string or {"en": "...", ...}. Returns a heap string ("" when
 * absent and optional, NULL after reporting a problem). */
static bool blank(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    return !*s;
}

static char *get_text(jfile *f, const cJSON *obj, const char *key, const char *path, bool required)
{
    char p[300];
    join(p, sizeof p, path, key);
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v || cJSON_IsNull(v)) {
        if (required) {
            problem(f, obj, false, p, "missing required field \"%s\"; add it as text", key);
            return NULL;
        }
        return xstrdup("");
    }
    if (cJSON_IsString(v)) {
        if (required && blank(v->valuestring)) {
            problem(f, v, false, p, "\"%s\" is empty; write the text between the quotes", key);
            return NULL;
        }
        if (!check_string(f, v, p))
            return NULL;
        check_glyphs(f, v, p);
        return xstrdup(v->valuestring);
    }
    if (cJSON_IsObject(v)) {
        for (const cJSON *c = v->child; c; c = c->next)
            if (!cJSON_IsString(c)) {
                char q[400];
                join(q, sizeof q, p, c->string);
                problem(f, c, false, q, "a translation must be text in quotes");
                return NULL;
            }
        if (!translations_declared(f, v, p))
            return NULL;
        const cJSON *pick = pick_translation(f, v, p);
        if (!pick) {
            problem(f, v, false, p, "no translations given; add at least \"%s\"", f->lang);
            return NULL;
        }
        if (!check_string(f, pick, p))
            return NULL;
        check_glyphs(f, pick, p);
        return xstrdup(pick->valuestring);
    }
    problem(f, v, false, p, "\"%s\" must be text in quotes or a set of translations", key);
    return NULL;
}

/* A plain (non-visible) string such as an id or a colour. */
static const cJSON *get_plain(jfile *f, const cJSON *obj, const char *key, const char *path,
                              bool required)
{
    char p[300];
    join(p, sizeof p, path, key);
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v) {
        if (required)
            problem(f, obj, false, p, "missing required field \"%s\"", key);
        return NULL;
    }
    if (!cJSON_IsString(v)) {
        problem(f, v, false, p, "\"%s\" must be text in quotes", key);
        return NULL;
    }
    if (!check_string(f, v, p))
        return NULL;
    return v;
}

static bool valid_id(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) || *s == '-'))
            return false;
    return true;
}

static char *get_id(jfile *f, const cJSON *obj, const char *path)
{
    const cJSON *v = get_plain(f, obj, "id", path, true);
    if (!v)
        return NULL;
    if (!valid_id(v->valuestring)) {
        char p[300];
        join(p, sizeof p, path, "id");
        problem(f, v, false, p, "id \"%s\" may use only a-z, 0-9 and '-'", v->valuestring);
        return NULL;
    }
    return xstrdup(v->valuestring);
}

static bool parse_color(const char *s, od_color *out)
{
    size_t n = strlen(s);
    if (s[0] != '#' || (n != 7 && n != 9))
        return false;
    unsigned v[4] = { 0, 0, 0, 255 };
    for (size_t i = 0; i < (n - 1) / 2; i++) {
        char h[3] = { s[1 + 2 * i], s[2 + 2 * i], 0 };
        if (!isxdigit((unsigned char)h[0]) || !isxdigit((unsigned char)h[1]))
            return false;
        v[i] = (unsigned)strtoul(h, NULL, 16);
    }
    *out = od_rgba((uint8_t)v[0], (uint8_t)v[1], (uint8_t)v[2], (uint8_t)v[3]);
    return true;
}

static bool get_color(jfile *f, const cJSON *obj, const char *key, const char *path, od_color *out)
{
    const cJSON *v = get_plain(f, obj, key, path, false);
    if (!v)
        return !cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!parse_color(v->valuestring, out)) {
        char p[300];
        join(p, sizeof p, path, key);
        problem(f, v, false, p, "colour \"%s\" must look like \"#1a2b3c\" or \"#1a2b3cff\"",
                v->valuestring);
        return false;
    }
    return true;
}

/* The file's required top-level "date" (openday.json, talks.json), a day
 * such as "2026-11-25"; NULL after reporting it missing or malformed. */
static const cJSON *get_date(jfile *f)
{
    const cJSON *d = get_plain(f, f->root, "date", "", true);
    int y, m, day;
    char tail;
    if (d && (sscanf(d->valuestring, "%4d-%2d-%2d%c", &y, &m, &day, &tail) != 3 || m < 1 ||
              m > 12 || day < 1 || day > 31 || strlen(d->valuestring) != 10)) {
        problem(f, d, false, "date", "date \"%s\" must look like 2026-11-25", d->valuestring);
        d = NULL;
    }
    return d;
}

static void free_list(char **l, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(l[i]);
    free(l);
}

static const cJSON *get_array_max(jfile *f, const cJSON *obj, const char *key,
                                  const char *path, bool required, int max)
{
    char p[300];
    join(p, sizeof p, path, key);
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v) {
        if (required)
            problem(f, obj, false, p, "missing required list \"%s\"", key);
        return NULL;
    }
    if (!cJSON_IsArray(v)) {
        problem(f, v, false, p, "\"%s\" must be a list [ ... ]", key);
        return NULL;
    }
    if (cJSON_GetArraySize(v) > max) {
        if (max == MAX_LIST)
            problem(f, v, false, p, "more than %d entries; a screen shows the whole list, so "
                    "keep the %d that matter most", max, max);
        else
            problem(f, v, false, p, "more than %d entries; split the content", max);
        return NULL;
    }
    return v;
}

static const cJSON *get_array(jfile *f, const cJSON *obj, const char *key, const char *path,
                              bool required)
{
    return get_array_max(f, obj, key, path, required, MAX_ITEMS);
}

/* A list of visible texts. */
static char **get_text_list(jfile *f, const cJSON *obj, const char *key, const char *path,
                            size_t *count, bool *ok)
{
    *count = 0;
    char p[300];
    join(p, sizeof p, path, key);
    const cJSON *v = get_array_max(f, obj, key, path, false, MAX_LIST);
    if (!v) {
        if (cJSON_GetObjectItemCaseSensitive(obj, key))
            *ok = false; /* there, but not a list of at most MAX_LIST: reported */
        return NULL;
    }
    size_t n = (size_t)cJSON_GetArraySize(v);
    char **out = xcalloc(n ? n : 1, sizeof *out);
    size_t i = 0;
    for (const cJSON *c = v->child; c; c = c->next, i++) {
        char q[320];
        snprintf(q, sizeof q, "%s[%zu]", p, i);
        if (cJSON_IsString(c) && check_string(f, c, q)) {
            check_glyphs(f, c, q);
            out[(*count)++] = xstrdup(c->valuestring);
        } else if (cJSON_IsObject(c)) {
            const cJSON *pick = NULL;
            if (!translations_declared(f, c, q)) {
                *ok = false;
                continue;
            }
            for (const cJSON *t = c->child; t; t = t->next)
                if (!cJSON_IsString(t))
                    pick = t; /* reported below */
            if (!pick)
                pick = pick_translation(f, c, q);
            if (pick && cJSON_IsString(pick) && check_string(f, pick, q)) {
                check_glyphs(f, pick, q);
                out[(*count)++] = xstrdup(pick->valuestring);
            } else {
                problem(f, c, false, q, "each entry must be text or a set of translations");
                *ok = false;
            }
        } else {
            if (!cJSON_IsString(c))
                problem(f, c, false, q, "each entry must be text in quotes");
            *ok = false;
        }
    }
    return out;
}

static uint64_t str_hash(const char *s)
{
    return od_hash(OD_HASH_SEED, s, strlen(s));
}

/* False (after reporting it) when an earlier element of arr has e's id.
 * Elements of one array come in order: a hash set of the ids seen so far
 * keeps the check linear in the number of elements. */
static bool unique_id(jfile *f, const cJSON *arr, const cJSON *e, const char *path)
{
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(e, "id");
    if (!cJSON_IsString(id))
        return true;
    if (f->ids_arr != arr || 2 * (f->ids_n + 1) > f->ids_cap) {
        size_t want = 64;
        size_t n = (size_t)cJSON_GetArraySize(arr);
        while (want < 2 * n + 2)
            want *= 2;
        if (f->ids_arr != arr || want > f->ids_cap) {
            free(f->ids);
            f->ids = xcalloc(want, sizeof *f->ids);
            f->ids_cap = want;
            f->ids_n = 0;
            f->ids_arr = arr;
            /* Re-add the ids of the elements before e. */
            for (const cJSON *o = arr->child; o && o != e; o = o->next) {
                const cJSON *oid = cJSON_GetObjectItemCaseSensitive(o, "id");
                if (!cJSON_IsObject(o) || !cJSON_IsString(oid))
                    continue;
                size_t j = str_hash(oid->valuestring) & (f->ids_cap - 1);
                while (f->ids[j] && strcmp(cJSON_GetObjectItemCaseSensitive(f->ids[j], "id")
                                               ->valuestring, oid->valuestring))
                    j = (j + 1) & (f->ids_cap - 1);
                if (!f->ids[j]) {
                    f->ids[j] = o;
                    f->ids_n++;
                }
            }
        }
    }
    size_t j = str_hash(id->valuestring) & (f->ids_cap - 1);
    for (; f->ids[j]; j = (j + 1) & (f->ids_cap - 1)) {
        const cJSON *o = f->ids[j];
        if (strcmp(cJSON_GetObjectItemCaseSensitive(o, "id")->valuestring, id->valuestring))
            continue;
        int line, col;
        where(f, node_off(f, o), &line, &col);
        char q[80];
        snprintf(q, sizeof q, "%s.id", path);
        problem(f, id, false, q, "duplicate id \"%s\" (first used on line %d); ids must be unique",
                id->valuestring, line);
        return false;
    }
    f->ids[j] = e;
    f->ids_n++;
    return true;
}

static bool check_schema(jfile *f)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(f->root, "schema");
    if (!v) {
        problem(f, f->root, false, "schema", "missing \"schema\": 1 at the top of the file");
        return false;
    }
    if (!cJSON_IsNumber(v) || v->valuedouble != CONTENT_SCHEMA) {
        if (cJSON_IsNumber(v))
            problem(f, v, false, "schema",
                    "this content is for schema %g; this build reads schema %d", v->valuedouble,
                    CONTENT_SCHEMA);
        else
            problem(f, v, false, "schema", "\"schema\" must be the number %d", CONTENT_SCHEMA);
        return false;
    }
    return true;
}

/* What every file checks first: its schema (false when it is not ours; the
 * rest is still read, to report every problem at once) and its top-level
 * fields against `top`. */
static bool file_begin(jfile *f, const char *const *top)
{
    bool ok = check_schema(f);
    unknown_fields(f, f->root, "", top);
    return ok;
}

#define TEXT(dst, obj, key, path, req)                  \
    do {                                                \
        char *t_ = get_text(f, obj, key, path, req);    \
        if (!t_) {                                      \
            ok = false;                                 \
            t_ = xstrdup("");                           \
        }                                               \
        dst = t_;                                       \
    } while (0)

/* What every entry of a list of objects needs: to be an object (else
 * reported as "each WHAT must be an object", *ok cleared, and false: skip
 * it), and its fields not in `known` warned about. */
static bool entry_object(jfile *f, const cJSON *e, const char *p, const char *what,
                         const char *const *known, bool *ok)
{
    if (!cJSON_IsObject(e)) {
        problem(f, e, false, p, "each %s must be an object { ... }", what);
        *ok = false;
        return false;
    }
    unknown_fields(f, e, p, known);
    return true;
}

/* What every entry of a list file (careers, awards, degrees) needs, checked
 * in one place: entry_object's checks, then an id, unique in the list. *id
 * is the entry's id ("" when it has none, which clears *ok). */
static bool entry_begin(jfile *f, const cJSON *arr, const cJSON *e, const char *p,
                        const char *what, const char *const *known, char **id, bool *ok)
{
    if (!entry_object(f, e, p, what, known, ok))
        return false;
    *id = get_id(f, e, p);
    if (!*id) {
        *ok = false;
        *id = xstrdup("");
    }
    if (!unique_id(f, arr, e, p))
        *ok = false;
    return true;
}

/* A web address for a QR code: http(s), no spaces or control characters,
 * short enough for a code a phone reads at 25 mm (qr.h). `whole`: the
 * address itself; else a base that ids are appended to. */
static bool url_ok(jfile *f, const cJSON *v, const char *p, const char *url, bool whole)
{
    if (strncmp(url, "https://", 8) && strncmp(url, "http://", 7)) {
        problem(f, v, false, p, "a web address must start with https:// (or http://)");
        return false;
    }
    for (const unsigned char *u = (const unsigned char *)url; *u; u++)
        if (*u <= ' ' || *u == 0x7f) {
            problem(f, v, false, p, "a web address may not contain spaces or control "
                    "characters; write a space as %%20");
            return false;
        }
    if (whole ? !qr_fits(url) : strlen(url) >= qr_max_bytes()) {
        problem(f, v, false, p, "web address is too long for a QR code a phone reads from "
                "the screen (%zu characters, at most %zu); use a shorter link", strlen(url),
                qr_max_bytes());
        return false;
    }
    return true;
}

/* ---- the files ------------------------------------------------------------------ */

/* A language code as eSpeak NG and libhyphen know them: "en", "de",
 * "pt-BR", "cy". */
static bool language_code_ok(const char *s)
{
    size_t n = 0;
    while (s[n] >= 'a' && s[n] <= 'z')
        n++;
    if (n < 2 || n > 3)
        return false;
    if (!s[n])
        return true;
    if (s[n] != '-')
        return false;
    size_t m = 0;
    for (const char *t = s + n + 1; *t; t++, m++)
        if (!((*t >= 'a' && *t <= 'z') || (*t >= 'A' && *t <= 'Z') || (*t >= '0' && *t <= '9')))
            return false;
    return m >= 2 && m <= 8;
}

/* openday.json "language" (the node, or NULL) and "languages": fills
 * c->language (the load's own language when it is one of the set's
 * variants), c->languages and c->language_index, and declares the list to
 * the jfile so every later translation is checked against it. */
static bool load_languages(jfile *f, content *c, const cJSON *lang)
{
    bool ok = true;
    const char *def = lang ? lang->valuestring : NULL;
    if (def && !language_code_ok(def)) {
        problem(f, lang, false, "language", "\"%s\" is not a language code; write one such "
                "as \"en\", \"de\" or \"pt-BR\"", def);
        ok = false;
    }
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(f->root, "languages");
    bool declared = false;
    if (list) {
        size_t n = cJSON_IsArray(list) ? (size_t)cJSON_GetArraySize(list) : 0;
        if (!cJSON_IsArray(list) || n < 1 || n > CONTENT_LANGUAGES_MAX) {
            problem(f, list, false, "languages", "\"languages\" must be a list of 1 to %d "
                    "language codes, such as [\"en\", \"de\"]", CONTENT_LANGUAGES_MAX);
            ok = false;
        } else {
            c->languages = xcalloc(n, sizeof *c->languages);
            size_t i = 0;
            bool good = true;
            for (const cJSON *e = list->child; e; e = e->next, i++) {
                char p[40];
                snprintf(p, sizeof p, "languages[%zu]", i);
                if (!cJSON_IsString(e) || !language_code_ok(e->valuestring)) {
                    problem(f, e, false, p, "each language must be a code in quotes, such as "
                            "\"en\", \"de\" or \"pt-BR\"");
                    good = false;
                    continue;
                }
                for (size_t k = 0; k < c->n_languages; k++)
                    if (!strcmp(c->languages[k], e->valuestring)) {
                        problem(f, e, false, p, "\"%s\" is listed twice; keep one",
                                e->valuestring);
                        good = false;
                    }
                c->languages[c->n_languages++] = xstrdup(e->valuestring);
            }
            if (!good)
                ok = false;
            declared = good;
            if (good && def && ok) {
                bool in = false;
                for (size_t k = 0; k < c->n_languages && !in; k++)
                    in = !strcmp(c->languages[k], def);
                if (!in) {
                    problem(f, lang, false, "language", "\"%s\" is not among \"languages\"; "
                            "add it there or show one of them", def);
                    ok = false;
                }
            }
        }
    }
    if (!declared) {
        /* One language: the manifest's, as before languages were declared. */
        free_list(c->languages, c->n_languages);
        c->languages = xcalloc(1, sizeof *c->languages);
        c->languages[0] = xstrdup(def && ok ? def : "en");
        c->n_languages = 1;
    } else {
        f->declared = c->languages;
        f->n_declared = c->n_languages;
    }
    const char *mine = f->lang ? f->lang : def && ok ? def : c->languages[0];
    c->language = xstrdup(mine);
    c->language_index = 0;
    for (size_t k = 0; k < c->n_languages; k++)
        if (!strcmp(c->languages[k], mine))
            c->language_index = k;
    return ok;
}

static bool load_manifest(jfile *f, content *c)
{
    static const char *const known[] = { "schema", "title", "subtitle", "version", "date",
                                         "language", "attribution", "about", "conclusion",
                                         "careers_note", "url_base", "languages", NULL };
    bool ok = file_begin(f, known);
    const cJSON *lang = get_plain(f, f->root, "language", "", false);
    if (!load_languages(f, c, lang))
        ok = false;
    f->lang = c->language;
    TEXT(c->title, f->root, "title", "", true);
    TEXT(c->subtitle, f->root, "subtitle", "", false);
    TEXT(c->version, f->root, "version", "", true);
    TEXT(c->attribution, f->root, "attribution", "", true);
    TEXT(c->about, f->root, "about", "", false);
    TEXT(c->conclusion, f->root, "conclusion", "", false);
    TEXT(c->careers_note, f->root, "careers_note", "", false);
    const cJSON *d = get_date(f);
    c->date = xstrdup(d ? d->valuestring : "");
    const cJSON *base = get_plain(f, f->root, "url_base", "", false);
    c->url_base = xstrdup(base ? base->valuestring : "");
    if (base && !url_ok(f, base, "url_base", c->url_base, false)) {
        free(c->url_base);
        c->url_base = xstrdup("");
        ok = false;
    }
    return ok && d;
}

/* The web address of an entry: its own "url", else url_base + id. Reported
 * (false) when it is not http(s) or too long for its QR code; *out is then
 * "". A base address too long with this id is reported at the id. */
static bool entry_url(jfile *f, const content *c, const cJSON *e, const char *p,
                      const char *id, char **out)
{
    const cJSON *url = get_plain(f, e, "url", p, false);
    char q[128];
    snprintf(q, sizeof q, "%s.url", p);
    if (url) {
        *out = xstrdup(url->valuestring);
        if (url_ok(f, url, q, *out, true))
            return true;
        free(*out);
        *out = xstrdup("");
        return false;
    }
    if (cJSON_GetObjectItemCaseSensitive(e, "url")) {
        *out = xstrdup("");
        return false; /* not text: get_plain said so */
    }
    if (!c->url_base || !*c->url_base || !*id) {
        *out = xstrdup("");
        return true;
    }
    size_t n = strlen(c->url_base) + strlen(id) + 1;
    *out = malloc(n);
    if (!*out)
        abort();
    snprintf(*out, n, "%s%s", c->url_base, id);
    if (qr_fits(*out))
        return true;
    snprintf(q, sizeof q, "%s.id", p);
    problem(f, cJSON_GetObjectItemCaseSensitive(e, "id"), false, q,
            "the web address \"%s\" (url_base and this id) is too long for a QR code a phone "
            "reads from the screen (at most %zu characters); shorten url_base or give this "
            "entry a shorter \"url\"", *out, qr_max_bytes());
    free(*out);
    *out = xstrdup("");
    return false;
}

static bool load_careers(jfile *f, content *c)
{
    static const char *const top[] = { "schema", "careers", NULL };
    static const char *const known[] = { "id", "name", "summary", "description", "caveat",
                                         "url", NULL };
    bool ok = file_begin(f, top);
    const cJSON *arr = get_array(f, f->root, "careers", "", true);
    if (!arr)
        c->unreadable |= UNREADABLE_CAREERS;
    if (!arr)
        return false;
    c->careers = xcalloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof *c->careers);
    size_t i = 0;
    for (const cJSON *e = arr->child; e; e = e->next, i++) {
        char p[64];
        snprintf(p, sizeof p, "careers[%zu]", i);
        content_career *k = &c->careers[c->n_careers];
        if (!entry_begin(f, arr, e, p, "career", known, &k->id, &ok))
            continue;
        TEXT(k->name, e, "name", p, true);
        TEXT(k->summary, e, "summary", p, true);
        TEXT(k->description, e, "description", p, false);
        TEXT(k->caveat, e, "caveat", p, false);
        if (!entry_url(f, c, e, p, k->id, &k->url))
            ok = false;
        c->n_careers++;
    }
    return ok;
}

static bool load_awards(jfile *f, content *c)
{
    static const char *const top[] = { "schema", "intro", "awards", "rows", NULL };
    static const char *const known[] = { "id", "short_name", "name", "summary", "points",
                                         "color", NULL };
    bool ok = file_begin(f, top);
    TEXT(c->awards_intro, f->root, "intro", "", false);
    const cJSON *arr = get_array(f, f->root, "awards", "", true);
    if (!arr)
        return false;
    if (cJSON_GetArraySize(arr) == 0) {
        problem(f, arr, false, "awards", "list at least one award (for example BA)");
        return false;
    }
    c->awards = xcalloc((size_t)cJSON_GetArraySize(arr), sizeof *c->awards);
    size_t i = 0;
    for (const cJSON *e = arr->child; e; e = e->next, i++) {
        char p[64];
        snprintf(p, sizeof p, "awards[%zu]", i);
        content_award *a = &c->awards[c->n_awards];
        if (!entry_begin(f, arr, e, p, "award", known, &a->id, &ok))
            continue;
        c->n_awards++;
        TEXT(a->short_name, e, "short_name", p, true);
        TEXT(a->name, e, "name", p, true);
        TEXT(a->summary, e, "summary", p, false);
        a->points = get_text_list(f, e, "points", p, &a->n_points, &ok);
        if (!get_color(f, e, "color", p, &a->color))
            ok = false;
        a->has_color = cJSON_GetObjectItemCaseSensitive(e, "color") != NULL;
    }
    const cJSON *rows = get_array(f, f->root, "rows", "", false);
    if (rows) {
        c->award_rows = xcalloc((size_t)cJSON_GetArraySize(rows) + 1, sizeof *c->award_rows);
        i = 0;
        for (const cJSON *e = rows->child; e; e = e->next, i++) {
            char p[64];
            snprintf(p, sizeof p, "rows[%zu]", i);
            static const char *const rk[] = { "topic", "values", NULL };
            if (!entry_object(f, e, p, "row", rk, &ok))
                continue;
            content_award_row *r = &c->award_rows[c->n_award_rows++];
            r->values = xcalloc(c->n_awards, sizeof *r->values);
            TEXT(r->topic, e, "topic", p, true);
            const cJSON *vals = cJSON_GetObjectItemCaseSensitive(e, "values");
            char q[80];
            snprintf(q, sizeof q, "%s.values", p);
            if (!cJSON_IsObject(vals)) {
                problem(f, vals ? vals : e, false, q,
                        "\"values\" must be an object with one entry per award id");
                ok = false;
            }
            for (size_t a = 0; a < c->n_awards; a++) {
                if (!cJSON_IsObject(vals)) {
                    r->values[a] = xstrdup("");
                    continue;
                }
                TEXT(r->values[a], vals, c->awards[a].id, q, true);
            }
        }
    }
    return ok;
}

/* An asset path (image, font) must name an existing file inside the content
 * directory: relative, no ".." component, and no symlink leading out. */
static bool check_asset(jfile *f, const cJSON *v, const char *dir, const char *path,
                        const char *what)
{
    const char *rel = v->valuestring;
    bool dotdot = false;
    for (const char *s = rel; *s;) {
        size_t n = strcspn(s, "/");
        if (n == 2 && s[0] == '.' && s[1] == '.')
            dotdot = true;
        s += n;
        s += *s == '/';
    }
    if (rel[0] == '/' || dotdot) {
        problem(f, v, false, path, "%s path must stay inside the content directory (no "
                "leading / and no ..); write it like \"%s\"", what,
                strcmp(what, "font") ? "images/photo.png" : "fonts/brand.ttf");
        return false;
    }
    char full[PATH_MAX], real[PATH_MAX], rdir[PATH_MAX];
    struct stat st;
    if (snprintf(full, sizeof full, "%s/%s", dir, rel) >= (int)sizeof full ||
        stat(full, &st) != 0 || !S_ISREG(st.st_mode)) {
        problem(f, v, false, path, "%s \"%s\" not found in the content directory", what, rel);
        return false;
    }
    size_t nd;
    if (!realpath(full, real) || !realpath(dir, rdir) || strncmp(real, rdir, nd = strlen(rdir)) ||
        (real[nd] != '/' && strcmp(rdir, "/"))) {
        problem(f, v, false, path, "%s \"%s\" is a link that points outside the content "
                "directory; copy the file in instead", what, rel);
        return false;
    }
    return true;
}

static bool load_degrees(jfile *f, content *c)
{
    static const char *const top[] = { "schema", "degrees", NULL };
    static const char *const known[] = { "id", "name", "award", "tagline", "focus",
                                         "hands_on", "topics", "software", "modules",
                                         "careers", "careers_note", "url", "image", "color",
                                         NULL };
    bool ok = file_begin(f, top);
    const cJSON *arr = get_array(f, f->root, "degrees", "", true);
    if (!arr || cJSON_GetArraySize(arr) == 0)
        c->unreadable |= UNREADABLE_DEGREES; /* its error says it all */
    if (!arr)
        return false;
    if (cJSON_GetArraySize(arr) == 0) {
        problem(f, arr, false, "degrees", "list at least one degree");
        return false;
    }
    c->degrees = xcalloc((size_t)cJSON_GetArraySize(arr), sizeof *c->degrees);
    size_t i = 0;
    for (const cJSON *e = arr->child; e; e = e->next, i++) {
        char p[64], q[128];
        snprintf(p, sizeof p, "degrees[%zu]", i);
        content_degree *d = &c->degrees[c->n_degrees];
        if (!entry_begin(f, arr, e, p, "degree", known, &d->id, &ok))
            continue;
        c->n_degrees++;
        TEXT(d->name, e, "name", p, true);
        TEXT(d->tagline, e, "tagline", p, false);
        TEXT(d->focus, e, "focus", p, true);
        TEXT(d->hands_on, e, "hands_on", p, false);
        TEXT(d->careers_note, e, "careers_note", p, false);
        d->topics = get_text_list(f, e, "topics", p, &d->n_topics, &ok);
        d->software = get_text_list(f, e, "software", p, &d->n_software, &ok);
        const cJSON *aw = get_plain(f, e, "award", p, true);
        d->award = xstrdup(aw ? aw->valuestring : "");
        d->award_index = 0;
        if (aw) {
            size_t k = 0;
            while (k < c->n_awards && strcmp(c->awards[k].id, d->award))
                k++;
            if (k == c->n_awards) {
                snprintf(q, sizeof q, "%s.award", p);
                if (!(c->unreadable & UNREADABLE_AWARDS))
                    problem(f, aw, false, q, "unknown award \"%s\"; use an id from awards.json",
                            d->award);
                ok = false;
            } else {
                d->award_index = k;
            }
        } else {
            ok = false;
        }
        if (!entry_url(f, c, e, p, d->id, &d->url))
            ok = false;
        const cJSON *img = get_plain(f, e, "image", p, false);
        d->image = xstrdup(img ? img->valuestring : "");
        if (img && *d->image) {
            snprintf(q, sizeof q, "%s.image", p);
            if (!check_asset(f, img, c->dir, q, "image"))
                ok = false;
        }
        d->color = od_rgba(0xFF, 0xB5, 0x47, 0xFF);
        if (!get_color(f, e, "color", p, &d->color))
            ok = false;
        const cJSON *mods = get_array_max(f, e, "modules", p, false, MAX_LIST);
        if (mods) {
            d->modules = xcalloc((size_t)cJSON_GetArraySize(mods) + 1, sizeof *d->modules);
            size_t m = 0;
            for (const cJSON *me = mods->child; me; me = me->next, m++) {
                snprintf(q, sizeof q, "%s.modules[%zu]", p, m);
                if (!cJSON_IsObject(me)) {
                    problem(f, me, false, q, "each module must be an object with title and text");
                    ok = false;
                    continue;
                }
                static const char *const mk[] = { "title", "text", NULL };
                unknown_fields(f, me, q, mk);
                content_module *mo = &d->modules[d->n_modules++];
                TEXT(mo->title, me, "title", q, true);
                TEXT(mo->text, me, "text", q, false);
            }
        }
        const cJSON *cars = get_array_max(f, e, "careers", p, false, MAX_LIST);
        if (cars) {
            d->careers = xcalloc((size_t)cJSON_GetArraySize(cars) + 1, sizeof *d->careers);
            size_t m = 0;
            for (const cJSON *ce = cars->child; ce; ce = ce->next, m++) {
                snprintf(q, sizeof q, "%s.careers[%zu]", p, m);
                if (!cJSON_IsString(ce)) {
                    problem(f, ce, false, q, "each career must be a career id in quotes");
                    ok = false;
                    continue;
                }
                size_t k = content_find_career(c, ce->valuestring);
                if (k == (size_t)-1) {
                    /* When careers.json itself is broken, its error says it all. */
                    if (!(c->unreadable & UNREADABLE_CAREERS))
                        problem(f, ce, false, q,
                                "unknown career \"%s\"; add it to careers.json or fix the id",
                                ce->valuestring);
                    ok = false;
                    continue;
                }
                bool dup = false;
                for (size_t j = 0; j < d->n_careers; j++)
                    dup |= d->careers[j] == k;
                if (dup) {
                    problem(f, ce, true, q, "career \"%s\" is listed twice; the repeat is ignored",
                            ce->valuestring);
                    continue;
                }
                d->careers[d->n_careers++] = k;
            }
        }
    }
    return ok;
}

/* A compare slide's "pair": two different known degree ids. */
static bool load_pair(jfile *f, const content *c, const cJSON *pair, const char *p, int kind,
                      content_slide *s)
{
    char q[128];
    snprintf(q, sizeof q, "%s.pair", p);
    if (kind != ATTRACT_COMPARE) {
        problem(f, pair, false, q, "only a compare slide takes a \"pair\" of degrees");
        return false;
    }
    if (!cJSON_IsArray(pair) || cJSON_GetArraySize(pair) != 2) {
        problem(f, pair, false, q, "\"pair\" must list two degree ids, e.g. [\"a\", \"b\"]");
        return false;
    }
    size_t k = 0;
    for (const cJSON *e = pair->child; e; e = e->next, k++) {
        char r[140];
        snprintf(r, sizeof r, "%s[%zu]", q, k);
        if (!cJSON_IsString(e)) {
            problem(f, e, false, r, "a degree id must be a string");
            return false;
        }
        size_t d = content_find_degree(c, e->valuestring);
        if (d == (size_t)-1) {
            /* Unreadable degrees were reported already; say nothing more. */
            if (!(c->unreadable & UNREADABLE_DEGREES))
                problem(f, e, false, r, "unknown degree \"%s\"", e->valuestring);
            return false;
        }
        s->pair[k] = d;
    }
    if (s->pair[0] == s->pair[1]) {
        problem(f, pair, false, q, "\"pair\" must name two different degrees");
        return false;
    }
    s->has_pair = true;
    return true;
}

static bool load_attract(jfile *f, content *c)
{
    static const char *const top[] = { "schema", "slide_seconds", "slides", NULL };
    static const char *const known[] = { "show", "id", "headline", "pair", NULL };
    bool ok = file_begin(f, top);
    c->slide_ms = 7000;
    const cJSON *ss = cJSON_GetObjectItemCaseSensitive(f->root, "slide_seconds");
    if (ss) {
        if (!cJSON_IsNumber(ss) || ss->valuedouble < 2 || ss->valuedouble > 120) {
            problem(f, ss, false, "slide_seconds", "slide_seconds must be a number from 2 to 120");
            ok = false;
        } else {
            c->slide_ms = (unsigned)(ss->valuedouble * 1000.0);
        }
    }
    const cJSON *arr = get_array(f, f->root, "slides", "", true);
    if (!arr)
        return false;
    /* One more than listed: room for the notices slide derive() may add. */
    c->slides = xcalloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof *c->slides);
    size_t i = 0;
    for (const cJSON *e = arr->child; e; e = e->next, i++) {
        char p[64], q[128];
        snprintf(p, sizeof p, "slides[%zu]", i);
        if (!entry_object(f, e, p, "slide", known, &ok))
            continue;
        const cJSON *show = get_plain(f, e, "show", p, true);
        if (!show) {
            ok = false;
            continue;
        }
        static const char *const kinds[] = { "degree",  "compare", "career",
                                             "careers", "awards",  "notices" };
        int kind = -1;
        for (int k = 0; k < (int)(sizeof kinds / sizeof *kinds); k++)
            if (!strcmp(show->valuestring, kinds[k]))
                kind = k;
        snprintf(q, sizeof q, "%s.show", p);
        if (kind < 0) {
            problem(f, show, false, q, "\"show\" must be degree, compare, career, careers, awards or "
                    "notices");
            ok = false;
            continue;
        }
        content_slide *s = &c->slides[c->n_slides];
        s->kind = (content_attract_kind)kind;
        if (kind == ATTRACT_DEGREE || kind == ATTRACT_CAREER) {
            const cJSON *id = get_plain(f, e, "id", p, true);
            size_t k = id ? (kind == ATTRACT_DEGREE ? content_find_degree(c, id->valuestring)
                                                    : content_find_career(c, id->valuestring))
                          : (size_t)-1;
            unsigned from = kind == ATTRACT_DEGREE ? UNREADABLE_DEGREES : UNREADABLE_CAREERS;
            if (id && k == (size_t)-1 && !(c->unreadable & from)) {
                snprintf(q, sizeof q, "%s.id", p);
                problem(f, id, false, q, "unknown %s \"%s\"",
                        kind == ATTRACT_DEGREE ? "degree" : "career", id->valuestring);
            }
            if (k == (size_t)-1) {
                ok = false;
                continue;
            }
            s->index = k;
        }
        if (kind == ATTRACT_COMPARE && c->n_degrees < 2 && !(c->unreadable & UNREADABLE_DEGREES)) {
            problem(f, show, false, q, "a comparison slide needs at least two degrees");
            ok = false;
            continue;
        }
        const cJSON *pair = cJSON_GetObjectItemCaseSensitive(e, "pair");
        if (pair && !load_pair(f, c, pair, p, kind, s)) {
            ok = false;
            continue;
        }
        char *h = get_text(f, e, "headline", p, false);
        if (!h) {
            ok = false;
            continue;
        }
        s->headline = h;
        c->n_slides++;
    }
    if (c->n_slides == 0 && ok) {
        problem(f, arr, false, "slides", "list at least one slide for the attract loop");
        ok = false;
    }
    return ok;
}

static bool load_theme(jfile *f, content *c)
{
    static const char *const top[] = { "schema", "font_family", "font_file", "font_file_bold",
                                       "colors", NULL };
    bool ok = file_begin(f, top);
    const cJSON *fam = get_plain(f, f->root, "font_family", "", false);
    c->font_family = xstrdup(fam ? fam->valuestring : "Inter");
    static const char *const font_keys[2] = { "font_file", "font_file_bold" };
    for (int i = 0; i < 2; i++) {
        const cJSON *ff = get_plain(f, f->root, font_keys[i], "", false);
        c->font_file[i] = xstrdup(ff ? ff->valuestring : "");
        if (ff && *c->font_file[i] && !check_asset(f, ff, c->dir, font_keys[i], "font"))
            ok = false;
    }
    const cJSON *cols = cJSON_GetObjectItemCaseSensitive(f->root, "colors");
    if (cols && !cJSON_IsObject(cols)) {
        problem(f, cols, false, "colors", "\"colors\" must be an object of named colours");
        return false;
    }
    if (cols)
        unknown_fields_n(f, cols, "colors", content_color_keys, COLOR_COUNT);
    for (int i = 0; i < COLOR_COUNT; i++) {
        parse_color(default_colors[i], &c->colors[i]);
        if (!cols || !cJSON_GetObjectItemCaseSensitive(cols, content_color_keys[i])) {
            char p[64];
            snprintf(p, sizeof p, "colors.%s", content_color_keys[i]);
            problem(f, cols ? cols : f->root, true, p, "colour \"%s\" missing; using %s",
                    content_color_keys[i], default_colors[i]);
        } else if (!get_color(f, cols, content_color_keys[i], "colors", &c->colors[i])) {
            ok = false;
        }
    }
    return ok;
}

static bool load_strings(jfile *f, content *c)
{
    static const char *const top[] = { "schema", "strings", NULL };
    bool ok = file_begin(f, top);
    const cJSON *s = cJSON_GetObjectItemCaseSensitive(f->root, "strings");
    if (s && !cJSON_IsObject(s)) {
        problem(f, s, false, "strings", "\"strings\" must be an object of named texts");
        return false;
    }
    if (s)
        unknown_fields_n(f, s, "strings", content_string_keys, STR_COUNT);
    for (int i = 0; i < STR_COUNT; i++) {
        if (!s || !cJSON_GetObjectItemCaseSensitive(s, content_string_keys[i])) {
            char p[64];
            snprintf(p, sizeof p, "strings.%s", content_string_keys[i]);
            /* The chooser's words matter only when there is a choice. */
            bool chooser = i == STR_LANGUAGE_NAME || i == STR_LANGUAGE;
            if (!chooser || c->n_languages > 1)
                problem(f, s ? s : f->root, true, p, "text \"%s\" missing; using \"%s\"",
                        content_string_keys[i], default_strings[i]);
            c->strings[i] = xstrdup(default_strings[i]);
        } else {
            TEXT(c->strings[i], s, content_string_keys[i], "strings", true);
            /* A language's own name never falls back to another's: two rows
             * of the chooser would read "Deutsch". Without one, its code. */
            const cJSON *v = cJSON_GetObjectItemCaseSensitive(s, content_string_keys[i]);
            if (i == STR_LANGUAGE_NAME && cJSON_IsObject(v) &&
                !cJSON_GetObjectItemCaseSensitive(v, f->lang)) {
                free(c->strings[i]);
                c->strings[i] = xstrdup("");
            }
        }
    }
    return ok;
}

static int get_time(jfile *f, const cJSON *e, const char *key, const char *p, bool *ok)
{
    const cJSON *v = get_plain(f, e, key, p, true);
    if (!v) {
        *ok = false;
        return -1;
    }
    int t = talks_parse_time(v->valuestring);
    if (t < 0) {
        char q[128];
        join(q, sizeof q, p, key);
        problem(f, v, false, q, "time \"%s\" must be 24-hour HH:MM, for example \"14:00\"",
                v->valuestring);
        *ok = false;
    }
    return t;
}

static int talk_cmp(const void *pa, const void *pb)
{
    const content_talk *a = pa, *b = pb;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->end < b->end ? -1 : a->end > b->end;
}

/* A degree that degrees.json failed to define is reported there: a later
 * file naming it saying so again would bury the one line that matters. */
static bool degrees_broken(const jfile *f, const content *c)
{
    bool failed = c->unreadable & UNREADABLE_DEGREES;
    for (size_t i = 0; i < f->rep->count && !failed; i++) {
        const char *fn = f->rep->items[i].file;
        size_t n = strlen(fn);
        failed = !f->rep->items[i].warning && n >= 13 && !strcmp(fn + n - 13, "/degrees.json");
    }
    return failed;
}

/* talks.json: the day's date and its talks and tours. Degrees must be
 * loaded: each talk names the degrees it is for by id. */
static bool load_talks(jfile *f, content *c)
{
    static const char *const top[] = { "schema", "date", "talks", NULL };
    static const char *const known[] = { "start", "end", "title", "room", "degrees", NULL };
    bool ok = file_begin(f, top);
    c->has_talks = true;
    bool degrees_failed = degrees_broken(f, c);
    const cJSON *d = get_date(f);
    if (!d)
        ok = false;
    c->talks_date = xstrdup(d ? d->valuestring : "");
    const cJSON *arr = get_array_max(f, f->root, "talks", "", true, MAX_LIST);
    if (!arr)
        return false;
    c->talks = xcalloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof *c->talks);
    size_t i = 0;
    for (const cJSON *e = arr->child; e; e = e->next, i++) {
        char p[64], q[128];
        snprintf(p, sizeof p, "talks[%zu]", i);
        if (!entry_object(f, e, p, "talk", known, &ok))
            continue;
        content_talk *t = &c->talks[c->n_talks++];
        TEXT(t->title, e, "title", p, true);
        TEXT(t->room, e, "room", p, true);
        const cJSON *room = cJSON_GetObjectItemCaseSensitive(e, "room");
        if (t->room[0] && (strlen(t->room) > MAX_ROOM || strchr(t->room, '\n'))) {
            snprintf(q, sizeof q, "%s.room", p);
            problem(f, room, false, q, "a room is a short label on one line such as \"Room "
                    "2.14\" (at most %d characters)", MAX_ROOM);
            ok = false;
        }
        t->start = get_time(f, e, "start", p, &ok);
        t->end = get_time(f, e, "end", p, &ok);
        if (t->start >= 0 && t->end >= 0) {
            if (t->end == t->start) {
                snprintf(q, sizeof q, "%s.end", p);
                problem(f, cJSON_GetObjectItemCaseSensitive(e, "end"), false, q,
                        "a talk must end after it starts");
                ok = false;
            } else if (t->end < t->start) {
                t->end += 24 * 60; /* runs past midnight */
            }
        }
        const cJSON *degs = get_array_max(f, e, "degrees", p, false, MAX_LIST);
        if (cJSON_GetObjectItemCaseSensitive(e, "degrees") && !degs)
            ok = false;
        size_t nd = degs ? (size_t)cJSON_GetArraySize(degs) : 0;
        t->degrees = xcalloc(nd + 1, sizeof *t->degrees);
        size_t j = 0;
        for (const cJSON *g = degs ? degs->child : NULL; g; g = g->next, j++) {
            snprintf(q, sizeof q, "%s.degrees[%zu]", p, j);
            if (!cJSON_IsString(g)) {
                problem(f, g, false, q, "a degree id must be text in quotes");
                ok = false;
                continue;
            }
            size_t k = content_find_degree(c, g->valuestring);
            if (k == (size_t)-1) {
                if (!degrees_failed)
                    problem(f, g, false, q, "unknown degree \"%s\"; use an id from "
                            "degrees.json", g->valuestring);
                ok = false;
                continue;
            }
            t->degrees[t->n_degrees++] = k;
        }
    }
    qsort(c->talks, c->n_talks, sizeof *c->talks, talk_cmp);
    return ok;
}

/* How many entries list `arr` (at `path`) has, checked against lo..hi with
 * the words for them; false (reported at the list) when out of range. */
static bool count_between(jfile *f, const cJSON *arr, const char *path, int lo, int hi,
                          const char *what)
{
    int n = cJSON_GetArraySize(arr);
    if (n >= lo && n <= hi)
        return true;
    problem(f, arr, false, path, "give between %d and %d %s; this has %d", lo, hi, what, n);
    return false;
}

/* One answer's "points": { "degree-id": 1..CONTENT_POINTS_MAX, ... }. */
static bool load_points(jfile *f, content *c, const cJSON *e, const char *p, content_answer *a,
                        bool quiet)
{
    char q[300];
    join(q, sizeof q, p, "points");
    const cJSON *pts = cJSON_GetObjectItemCaseSensitive(e, "points");
    if (!pts) {
        problem(f, e, false, q, "missing required field \"points\"");
        return false;
    }
    if (!cJSON_IsObject(pts) || !pts->child) {
        problem(f, pts, false, q, "\"points\" must be an object naming at least one degree, "
                "such as { \"%s\": 2 }", c->n_degrees ? c->degrees[0].id : "music-production");
        return false;
    }
    size_t n = (size_t)cJSON_GetArraySize(pts);
    a->degrees = xcalloc(n + 1, sizeof *a->degrees);
    a->points = xcalloc(n + 1, sizeof *a->points);
    bool ok = true;
    for (const cJSON *g = pts->child; g; g = g->next) {
        char r[400];
        snprintf(r, sizeof r, "%s.%s", q, g->string);
        size_t k = content_find_degree(c, g->string);
        if (k == (size_t)-1) {
            if (!quiet)
                problem(f, g, false, r, "unknown degree \"%s\"; use an id from degrees.json",
                        g->string);
            ok = false;
            continue;
        }
        if (!cJSON_IsNumber(g) || g->valuedouble != (double)(int)g->valuedouble ||
            g->valuedouble < 1 || g->valuedouble > CONTENT_POINTS_MAX) {
            problem(f, g, false, r, "points must be a whole number from 1 to %d",
                    CONTENT_POINTS_MAX);
            ok = false;
            continue;
        }
        a->degrees[a->n_degrees] = k;
        a->points[a->n_degrees++] = (int)g->valuedouble;
    }
    return ok;
}

/* quiz.json: "Which degree suits me?". Degrees must be loaded: answers give
 * their points to degrees by id. */
static bool load_quiz(jfile *f, content *c)
{
    static const char *const top[] = { "schema", "questions", NULL };
    static const char *const qknown[] = { "question", "answers", NULL };
    static const char *const aknown[] = { "answer", "points", NULL };
    bool ok = file_begin(f, top);
    bool quiet = degrees_broken(f, c);
    const cJSON *arr = get_array_max(f, f->root, "questions", "", true, MAX_LIST);
    if (!arr)
        return false;
    if (!count_between(f, arr, "questions", CONTENT_QUIZ_MIN, CONTENT_QUIZ_MAX, "questions"))
        return false;
    c->questions = xcalloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof *c->questions);
    size_t i = 0;
    for (const cJSON *e = arr->child; e; e = e->next, i++) {
        char p[64];
        snprintf(p, sizeof p, "questions[%zu]", i);
        if (!entry_object(f, e, p, "question", qknown, &ok))
            continue;
        content_question *qu = &c->questions[c->n_questions++];
        TEXT(qu->text, e, "question", p, true);
        const cJSON *ans = get_array_max(f, e, "answers", p, true, MAX_LIST);
        char ap[96];
        snprintf(ap, sizeof ap, "%s.answers", p);
        if (!ans || !count_between(f, ans, ap, CONTENT_ANSWERS_MIN, CONTENT_ANSWERS_MAX,
                                   "answers")) {
            ok = false;
            continue;
        }
        qu->answers = xcalloc((size_t)cJSON_GetArraySize(ans) + 1, sizeof *qu->answers);
        size_t j = 0;
        for (const cJSON *g = ans->child; g; g = g->next, j++) {
            char q[128];
            snprintf(q, sizeof q, "%s[%zu]", ap, j);
            if (!entry_object(f, g, q, "answer", aknown, &ok))
                continue;
            content_answer *a = &qu->answers[qu->n_answers++];
            TEXT(a->text, g, "answer", q, true);
            if (!load_points(f, c, g, q, a, quiet))
                ok = false;
        }
    }
    return ok;
}

/* Code points in valid UTF-8 text (what a visitor counts as characters). */
static size_t utf8_count(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* notices.json: short messages for visitors, each perhaps with the time of
 * day it starts and ends, and a level. */
static bool load_notices(jfile *f, content *c)
{
    static const char *const top[] = { "schema", "notices", NULL };
    static const char *const known[] = { "text", "level", "start", "end", NULL };
    bool ok = file_begin(f, top);
    const cJSON *arr = get_array_max(f, f->root, "notices", "", true, MAX_NOTICES);
    if (!arr)
        return false;
    c->notices = xcalloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof *c->notices);
    size_t i = 0;
    for (const cJSON *e = arr->child; e; e = e->next, i++) {
        char p[64], q[128];
        snprintf(p, sizeof p, "notices[%zu]", i);
        if (!entry_object(f, e, p, "notice", known, &ok))
            continue;
        content_notice *n = &c->notices[c->n_notices++];
        n->start = n->end = -1;
        TEXT(n->text, e, "text", p, true);
        if (utf8_count(n->text) > CONTENT_NOTICE_MAX || strchr(n->text, '\n')) {
            snprintf(q, sizeof q, "%s.text", p);
            problem(f, cJSON_GetObjectItemCaseSensitive(e, "text"), false, q,
                    "a notice is a short message on one line (at most %d characters)",
                    CONTENT_NOTICE_MAX);
            ok = false;
        }
        const cJSON *lv = get_plain(f, e, "level", p, false);
        if (cJSON_GetObjectItemCaseSensitive(e, "level") && !lv) {
            ok = false;
        } else if (lv && !strcmp(lv->valuestring, "urgent")) {
            n->level = NOTICE_URGENT;
        } else if (lv && strcmp(lv->valuestring, "info")) {
            snprintf(q, sizeof q, "%s.level", p);
            problem(f, lv, false, q, "level \"%s\" must be \"info\" or \"urgent\"",
                    lv->valuestring);
            ok = false;
        }
        if (cJSON_GetObjectItemCaseSensitive(e, "start"))
            n->start = get_time(f, e, "start", p, &ok);
        if (cJSON_GetObjectItemCaseSensitive(e, "end"))
            n->end = get_time(f, e, "end", p, &ok);
        if (n->start >= 0 && n->end >= 0 && n->end <= n->start) {
            snprintf(q, sizeof q, "%s.end", p);
            problem(f, cJSON_GetObjectItemCaseSensitive(e, "end"), false, q,
                    "a notice must end after it starts (end %02d:%02d, start %02d:%02d)",
                    n->end / 60, n->end % 60, n->start / 60, n->start % 60);
            ok = false;
        }
    }
    return ok;
}

/* ---- the whole directory ------------------------------------------------------------- */

static void derive(content *c)
{
    for (size_t k = 0; k < c->n_careers; k++) {
        content_career *car = &c->careers[k];
        car->degrees = xcalloc(c->n_degrees + 1, sizeof *car->degrees);
        for (size_t d = 0; d < c->n_degrees; d++)
            for (size_t j = 0; j < c->degrees[d].n_careers; j++)
                if (c->degrees[d].careers[j] == k) {
                    car->degrees[car->n_degrees++] = d;
                    break;
                }
    }
    /* Notices reach the attract loop too: a slide of their own at the end
     * of the playlist unless attract.json places one (the slide list has
     * room for one more, see load_attract). */
    bool placed = false;
    for (size_t i = 0; i < c->n_slides; i++)
        placed |= c->slides[i].kind == ATTRACT_NOTICES;
    if (c->n_notices && !placed && c->slides) {
        content_slide *s = &c->slides[c->n_slides++];
        memset(s, 0, sizeof *s);
        s->kind = ATTRACT_NOTICES;
        s->headline = xstrdup("");
    }
}

const char *const content_files[CONTENT_NFILES] = {
    "openday.json", "careers.json", "awards.json", "degrees.json",
    "attract.json", "theme.json", "strings.json", "talks.json",
    "quiz.json", "notices.json",
};

content *content_load(const char *dir, content_report *report)
{
    return content_load_from(dir, &fs_source, report);
}

/* False when dir/name does not exist (an optional file left out); any other
 * answer, readable or not, is the loader's to report. */
static bool file_there(const char *dir, const content_source *src, const char *name)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    char *text = NULL;
    size_t len = 0;
    int e = src->read(src->ud, path, 0, &text, &len);
    free(text);
    return e != ENOENT;
}

/* True when not one of the content files can be found in dir: then one
 * message says so, instead of seven. */
static bool no_content_here(const char *dir, const content_source *src)
{
    for (size_t i = 0; i < CONTENT_NFILES; i++)
        if (file_there(dir, src, content_files[i]))
            return false;
    return true;
}

/* Hand the bytes f was validated from to the model (content_files[k]). */
static void keep_raw(content *c, size_t k, jfile *f)
{
    c->raw[k] = (char *)f->text;
    c->raw_len[k] = f->text ? f->len : 0;
    f->text = NULL;
}

content *content_load_from(const char *dir, const content_source *src, content_report *report)
{
    return content_load_with(dir, src, NULL, report);
}

/* Load the set in one language: `lang` (NULL: the manifest's default) with
 * `fallback` tried before the first translation (NULL: none). */
static content *load_one(const char *dir, const content_source *src,
                         const content_options *opts, content_report *report,
                         const char *lang, const char *fallback)
{
    content *c = xcalloc(1, sizeof *c);
    c->dir = xstrdup(dir);
    c->schema = CONTENT_SCHEMA;
    size_t errors_before = report->errors;
    jfile f;
    bool manifest = false;
    if (no_content_here(dir, src)) {
        report_add(report, dir, 0, 0, "", false,
                   "no content files here (openday.json, degrees.json, careers.json ...); "
                   "is this the content directory?");
        content_destroy(c);
        return NULL;
    }
    /* The manifest first: it names the language every other file is read in. */
    if (jfile_open(&f, report, src, dir, "openday.json")) {
        f.opts = opts;
        f.lang = lang;
        f.fallback = fallback;
        manifest = load_manifest(&f, c);
    }
    bool declared = f.n_declared > 0;
    keep_raw(c, 0, &f);
    jfile_close(&f);
    (void)manifest;
    if (!c->language)
        c->language = xstrdup("en");
    struct {
        const char *name;
        bool (*load)(jfile *, content *);
    } files[] = {
        { "careers.json", load_careers }, { "awards.json", load_awards },
        { "degrees.json", load_degrees }, { "attract.json", load_attract },
        { "theme.json", load_theme },     { "strings.json", load_strings },
        { "talks.json", load_talks },     { "quiz.json", load_quiz },
        { "notices.json", load_notices },
    };
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        if (i + 1 >= CONTENT_NREQUIRED && !file_there(dir, src, files[i].name)) {
            c->absent |= 1u << (i + 1);
            memset(&f, 0, sizeof f);
            continue;
        }
        if (jfile_open(&f, report, src, dir, files[i].name)) {
            f.lang = c->language;
            f.fallback = fallback;
            if (declared) {
                f.declared = c->languages;
                f.n_declared = c->n_languages;
            }
            f.opts = opts;
            files[i].load(&f, c);
        } else {
            c->unreadable |= 1u << (i + 1);
        }
        keep_raw(c, i + 1, &f);
        jfile_close(&f);
    }
    if (report->errors == errors_before) {
        derive(c);
        /* A career no degree leads to would be an island on the career map. */
        jfile cf;
        bool opened = false;
        for (size_t k = 0; k < c->n_careers; k++) {
            if (c->careers[k].n_degrees)
                continue;
            if (!opened)
                opened = jfile_open(&cf, report, src, dir, "careers.json");
            char p[64];
            snprintf(p, sizeof p, "careers[%zu]", k);
            const cJSON *node = NULL;
            if (opened) {
                const cJSON *arr = cJSON_GetObjectItemCaseSensitive(cf.root, "careers");
                node = cJSON_GetArrayItem(arr, (int)k);
                problem(&cf, node, false, p,
                        "career \"%s\" is linked to no degree; list it in a degree's careers "
                        "or remove it",
                        c->careers[k].id);
            }
        }
        if (opened)
            jfile_close(&cf);
    }
    /* Fill any gaps so a partial model is still safe to free. */
    for (int i = 0; i < STR_COUNT; i++)
        if (!c->strings[i])
            c->strings[i] = xstrdup(default_strings[i]);
    const char **fields[] = { (const char **)&c->title, (const char **)&c->subtitle,
                              (const char **)&c->version, (const char **)&c->date,
                              (const char **)&c->attribution, (const char **)&c->about,
                              (const char **)&c->conclusion, (const char **)&c->awards_intro,
                              (const char **)&c->careers_note, (const char **)&c->font_family,
                              (const char **)&c->font_file[0], (const char **)&c->font_file[1],
                              (const char **)&c->url_base, (const char **)&c->talks_date };
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (!*fields[i])
            *fields[i] = xstrdup(i == 9 ? "Inter" : "");
    if (report->errors != errors_before) {
        content_destroy(c);
        return NULL;
    }
    return c;
}

static bool same_problem(const content_problem *a, const content_problem *b)
{
    return a->line == b->line && a->col == b->col && a->warning == b->warning &&
           !strcmp(a->file, b->file) && !strcmp(a->path, b->path) &&
           !strcmp(a->message, b->message);
}

content *content_load_with(const char *dir, const content_source *src,
                           const content_options *opts, content_report *report)
{
    if (!src)
        src = &fs_source;
    content *c = load_one(dir, src, opts, report, NULL, NULL);
    if (!c)
        return NULL;
    c->variants = xcalloc(c->n_languages, sizeof *c->variants);
    c->variants[c->language_index] = c;
    /* Every other declared language: the whole set again, its problems
     * reported once (what the default's load already said is not repeated),
     * and any error fails the set, so a kiosk never switches into a broken
     * language. */
    bool ok = true;
    for (size_t i = 0; i < c->n_languages; i++) {
        if (i == c->language_index)
            continue;
        content_report r;
        content_report_init(&r);
        content *v = load_one(dir, src, opts, &r, c->languages[i], c->language);
        for (size_t k = 0; k < r.count; k++) {
            const content_problem *p = &r.items[k];
            bool seen = false;
            for (size_t j = 0; j < report->count && !seen; j++)
                seen = same_problem(&report->items[j], p);
            if (!seen)
                content_report_add(report, p->file, p->line, p->col, p->path, p->warning,
                                   p->message);
        }
        content_report_deinit(&r);
        /* The same files give the same shape; anything else is a broken
         * promise of this loader, not of the content. */
        if (v && (v->n_degrees != c->n_degrees || v->n_careers != c->n_careers ||
                  v->n_slides != c->n_slides || v->n_awards != c->n_awards ||
                  v->n_questions != c->n_questions || v->n_talks != c->n_talks ||
                  v->n_notices != c->n_notices)) {
            content_destroy(v);
            v = NULL;
            content_report_add(report, c->dir, 0, 0, "", false,
                               "the languages of this content differ in shape; report this");
        }
        if (!v) {
            ok = false;
            continue;
        }
        content_drop_raw(v);
        free_list(v->languages, v->n_languages);
        v->languages = NULL;
        v->n_languages = 0;
        v->language_index = i;
        v->base = c;
        c->variants[i] = v;
    }
    if (!ok) {
        content_destroy(c);
        return NULL;
    }
    return c;
}

size_t content_language_count(const content *c)
{
    const content *r = c->base ? c->base : c;
    return r->n_languages && r->variants ? r->n_languages : 1;
}

const content *content_in_language(const content *c, size_t i)
{
    const content *r = c->base ? c->base : c;
    assert(i < content_language_count(c));
    if (!r->variants)
        return r;
    return r->variants[i];
}

size_t content_default_language(const content *c)
{
    const content *r = c->base ? c->base : c;
    return r->variants ? r->language_index : 0;
}

size_t content_find_language(const content *c, const char *code)
{
    size_t n = content_language_count(c);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(content_in_language(c, i)->language, code))
            return i;
    return (size_t)-1;
}

const char *content_language_name(const content *c, size_t i)
{
    const content *m = content_in_language(c, i);
    const char *s = m->strings[STR_LANGUAGE_NAME];
    return s && *s ? s : m->language;
}

void content_drop_raw(content *c)
{
    for (size_t i = 0; i < CONTENT_NFILES; i++) {
        free(c->raw[i]);
        c->raw[i] = NULL;
        c->raw_len[i] = 0;
    }
}

void content_destroy(content *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < CONTENT_NFILES; i++)
        free(c->raw[i]);
    if (c->variants)
        for (size_t i = 0; i < c->n_languages; i++)
            if (c->variants[i] != c)
                content_destroy(c->variants[i]);
    free(c->variants);
    free_list(c->languages, c->n_languages);
    for (size_t i = 0; i < c->n_degrees; i++) {
        content_degree *d = &c->degrees[i];
        free(d->id); free(d->name); free(d->award); free(d->tagline); free(d->focus);
        free(d->hands_on); free(d->careers_note); free(d->url); free(d->image);
        free_list(d->topics, d->n_topics);
        free_list(d->software, d->n_software);
        for (size_t m = 0; m < d->n_modules; m++) {
            free(d->modules[m].title);
            free(d->modules[m].text);
        }
        free(d->modules);
        free(d->careers);
    }
    free(c->degrees);
    for (size_t i = 0; i < c->n_careers; i++) {
        content_career *k = &c->careers[i];
        free(k->id); free(k->name); free(k->summary); free(k->description); free(k->caveat);
        free(k->url); free(k->degrees);
    }
    free(c->careers);
    for (size_t i = 0; i < c->n_award_rows; i++) {
        free(c->award_rows[i].topic);
        for (size_t a = 0; a < c->n_awards; a++)
            free(c->award_rows[i].values ? c->award_rows[i].values[a] : NULL);
        free(c->award_rows[i].values);
    }
    free(c->award_rows);
    for (size_t i = 0; i < c->n_awards; i++) {
        content_award *a = &c->awards[i];
        free(a->id); free(a->short_name); free(a->name); free(a->summary);
        free_list(a->points, a->n_points);
    }
    free(c->awards);
    for (size_t i = 0; i < c->n_slides; i++)
        free(c->slides[i].headline);
    free(c->slides);
    for (int i = 0; i < STR_COUNT; i++)
        free(c->strings[i]);
    free(c->dir); free(c->language); free(c->title); free(c->subtitle); free(c->version);
    free(c->date); free(c->attribution); free(c->about); free(c->conclusion);
    free(c->awards_intro); free(c->careers_note); free(c->font_family);
    free(c->font_file[0]); free(c->font_file[1]);
    free(c->url_base); free(c->talks_date);
    for (size_t i = 0; i < c->n_talks; i++) {
        free(c->talks[i].title); free(c->talks[i].room); free(c->talks[i].degrees);
    }
    free(c->talks);
    for (size_t i = 0; i < c->n_questions; i++) {
        content_question *q = &c->questions[i];
        for (size_t j = 0; j < q->n_answers; j++) {
            free(q->answers[j].text); free(q->answers[j].degrees); free(q->answers[j].points);
        }
        free(q->text); free(q->answers);
    }
    free(c->questions);
    for (size_t i = 0; i < c->n_notices; i++)
        free(c->notices[i].text);
    free(c->notices);
    free(c);
}

size_t content_find_degree(const content *c, const char *id)
{
    for (size_t i = 0; i < c->n_degrees; i++)
        if (!strcmp(c->degrees[i].id, id))
            return i;
    return (size_t)-1;
}

size_t content_find_career(const content *c, const char *id)
{
    for (size_t i = 0; i < c->n_careers; i++)
        if (!strcmp(c->careers[i].id, id))
            return i;
    return (size_t)-1;
}

od_color content_award_color(const content *c, size_t ai)
{
    if (ai < c->n_awards && c->awards[ai].has_color)
        return c->awards[ai].color;
    return c->colors[COLOR_ACCENT];
}

bool content_career_shared(const content *c, size_t ci)
{
    return ci < c->n_careers && c->careers[ci].n_degrees > 1;
}

/* ---- building a model in code --------------------------------------------------- */

content *content_create(void)
{
    content *c = calloc(1, sizeof *c);
    if (!c) {
        fputs("openday: out of memory\n", stderr);
        abort();
    }
    c->schema = CONTENT_SCHEMA;
    c->slide_ms = 7000;
    for (int i = 0; i < COLOR_COUNT; i++)
        parse_color(default_colors[i], &c->colors[i]);
    for (int i = 0; i < STR_COUNT; i++)
        c->strings[i] = xstrdup(default_strings[i]);
    char **fields[] = { &c->dir,          &c->language,     &c->title,       &c->subtitle,
                        &c->version,      &c->date,         &c->attribution, &c->about,
                        &c->conclusion,   &c->awards_intro, &c->careers_note,
                        &c->font_file[0], &c->font_file[1], &c->url_base, &c->talks_date };
    c->absent = 1u << FILE_TALKS | 1u << FILE_QUIZ | 1u << FILE_NOTICES;
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        *fields[i] = xstrdup("");
    c->font_family = xstrdup("Inter");
    return c;
}

void content_link(content *c)
{
    for (size_t k = 0; k < c->n_careers; k++) {
        free(c->careers[k].degrees);
        c->careers[k].degrees = NULL;
        c->careers[k].n_degrees = 0;
    }
    derive(c);
}

const char *content_default_string(content_str k)
{
    return (int)k >= 0 && k < STR_COUNT ? default_strings[k] : "";
}

od_color content_default_color(content_color k)
{
    od_color c = { 0, 0, 0, 255 };
    if ((int)k >= 0 && k < COLOR_COUNT)
        parse_color(default_colors[k], &c);
    return c;
}
