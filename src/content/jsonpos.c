/* jsonpos.c - a JSON text parsed, with the offset of every value. See
 * jsonpos.h.
 *
 * The offsets come from a walk over the raw text in step with the parsed
 * tree, which keeps document order: cJSON has already said the text is
 * valid, so the walk only skips what it knows is there. */
#include "jsonpos.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const cJSON *node;
    size_t off;
    bool key;            /* offset of the member's key rather than its value */
} pos_entry;

struct jsonpos {
    const char *text;    /* borrowed */
    size_t len;
    cJSON *root;
    pos_entry *pos;
    size_t npos, cappos;
};

static void where(const char *text, size_t len, size_t off, int *line, int *col)
{
    int l = 1, c = 1;
    for (size_t i = 0; i < off && i < len; i++) {
        if (text[i] == '\n') {
            l++;
            c = 1;
        } else {
            c++;
        }
    }
    *line = l;
    *col = c;
}

void jsonpos_line_col(const jsonpos *j, size_t off, int *line, int *col)
{
    where(j->text, j->len, off, line, col);
}

static size_t find_off(const jsonpos *j, const cJSON *n, bool key)
{
    for (size_t i = 0; i < j->npos; i++)
        if (j->pos[i].node == n && j->pos[i].key == key)
            return j->pos[i].off;
    return 0;
}

size_t jsonpos_offset(const jsonpos *j, const cJSON *n)
{
    return find_off(j, n, false);
}

size_t jsonpos_key_offset(const jsonpos *j, const cJSON *member)
{
    return find_off(j, member, true);
}

const cJSON *jsonpos_root(const jsonpos *j)
{
    return j->root;
}

static void pos_add(jsonpos *j, const cJSON *n, size_t off, bool key)
{
    if (j->npos == j->cappos) {
        j->cappos = j->cappos ? j->cappos * 2 : 256;
        pos_entry *p = realloc(j->pos, j->cappos * sizeof *p);
        if (!p)
            abort();
        j->pos = p;
    }
    j->pos[j->npos++] = (pos_entry){ n, off, key };
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
static const char *walk(jsonpos *j, const char *p, const cJSON *n)
{
    p = skip_ws(p);
    pos_add(j, n, (size_t)(p - j->text), false);
    if (cJSON_IsObject(n) || cJSON_IsArray(n)) {
        bool obj = cJSON_IsObject(n);
        p++;
        for (const cJSON *c = n->child; c; c = c->next) {
            p = skip_ws(p);
            if (obj) {
                pos_add(j, c, (size_t)(p - j->text), true);
                p = skip_string(p);
                p = skip_ws(p);
                if (*p == ':')
                    p++;
            }
            p = walk(j, p, c);
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

/* Fill *err for a problem at byte off; returns NULL for the caller to pass on. */
__attribute__((format(printf, 5, 6)))
static jsonpos *fail(jsonpos_error *err, const char *text, size_t len, size_t off,
                     const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    err->off = off;
    where(text, len, off, &err->line, &err->col);
    return NULL;
}

jsonpos *jsonpos_create(const char *text, size_t len, jsonpos_error *err)
{
    memset(err, 0, sizeof *err);
    const char *buf = text;
    if (len == 0)
        return fail(err, text, len, 0, "file is empty; it must hold a JSON object");
    if (len >= 2 && (((unsigned char)buf[0] == 0xFF && (unsigned char)buf[1] == 0xFE) ||
                     ((unsigned char)buf[0] == 0xFE && (unsigned char)buf[1] == 0xFF)))
        return fail(err, text, len, 0, "file is saved as UTF-16; save it as UTF-8 (in most "
                    "editors: Save As, Encoding: UTF-8)");
    const char *nul = memchr(buf, '\0', len);
    if (nul)
        return fail(err, text, len, (size_t)(nul - buf),
                    "file contains a NUL byte; save it as plain UTF-8 text");
    size_t start = 0;
    if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
        start = 3; /* a UTF-8 byte-order mark is harmless: skip it */
    size_t bad = bad_utf8((const unsigned char *)buf + start, len - start);
    if (bad != (size_t)-1)
        return fail(err, text, len, start + bad, "invalid UTF-8 text; save the file as UTF-8");
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
            if (++depth > JSONPOS_MAX_DEPTH)
                return fail(err, text, len, i, "nesting deeper than %d levels; content is "
                            "never that deep", JSONPOS_MAX_DEPTH);
        } else if (c == '}' || c == ']') {
            depth--;
        }
    }
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithOpts(buf + start, &end, 1);
    if (!root) {
        size_t off = end ? (size_t)(end - buf) : start;
        char near[24];
        size_t k = 0;
        for (size_t i = off; i < len && k < 16 && buf[i] != '\n'; i++)
            near[k++] = buf[i];
        near[k] = '\0';
        if (k)
            return fail(err, text, len, off, "invalid JSON near \"%s\": look for a missing "
                        "comma, quote or bracket just before this point", near);
        return fail(err, text, len, off, "invalid JSON: the file ends too early; is a "
                    "bracket or quote missing?");
    }
    jsonpos *j = calloc(1, sizeof *j);
    if (!j)
        abort();
    j->text = text;
    j->len = len;
    j->root = root;
    walk(j, buf + start, root);
    return j;
}

void jsonpos_destroy(jsonpos *j)
{
    if (!j)
        return;
    cJSON_Delete(j->root);
    free(j->pos);
    free(j);
}
