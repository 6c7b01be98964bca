/* jfile.c - one content file being loaded, and the checks every loader
 * shares. See jfile.h.
 *
 * jsonpos parses and knows where each value is; this file adds what the
 * loaders have in common: translations, ids, references and friendly
 * messages, each reported at the line and column of what needs fixing. */
#include "jfile.h"
#include "file.h"
#include "hash.h"
#include "qr.h"
#include "textrule.h"
#include "wallclock.h"
#include "weburl.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_FILE (4u << 20)
#define MAX_STRING 4000
#define MAX_ITEMS 1000

char *jfile_strdup(const char *s)
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
void *jfile_calloc(size_t n, size_t size)
{
    void *p = calloc(n, size);
    if (!p)
        abort();
    return p;
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
    jsonpos_line_col(f->doc, off, &line, &col);
    content_report_add(f->rep, f->file, line, col, path, warning, msg);
}

void jfile_problem(jfile *f, const cJSON *node, bool warning, const char *path,
                   const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report_at(f, node ? jsonpos_offset(f->doc, node) : 0, warning, path, fmt, ap);
    va_end(ap);
}

typedef struct {
    const cJSON *member;
    size_t order;        /* place in the object, to tell first from second */
} member_ref;

static int member_cmp(const void *pa, const void *pb)
{
    const member_ref *a = pa, *b = pb;
    int k = strcmp(a->member->string, b->member->string);
    if (k)
        return k;
    return a->order < b->order ? -1 : a->order > b->order;
}

static void key_problem(jfile *f, const cJSON *member, bool warning, const char *path,
                        const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* A key written twice in one object, anywhere in the file: cJSON keeps
 * both and every lookup sees only the first, so the second (a quiz answer's
 * points, a translation) would vanish without a word. Reported at the
 * second and later ones. Sorting the members keeps this O(n log n) in an
 * object of n members. */
static void report_duplicates(jfile *f, const cJSON *n, const char *path)
{
    if (cJSON_IsArray(n)) {
        size_t i = 0;
        for (const cJSON *c = n->child; c; c = c->next, i++) {
            if (!cJSON_IsArray(c) && !cJSON_IsObject(c))
                continue;
            char p[300];
            snprintf(p, sizeof p, "%s[%zu]", path, i);
            report_duplicates(f, c, p);
        }
        return;
    }
    if (!cJSON_IsObject(n) || !n->child)
        return;
    size_t count = (size_t)cJSON_GetArraySize(n);
    member_ref *m = jfile_calloc(count, sizeof *m);
    size_t i = 0;
    for (const cJSON *c = n->child; c; c = c->next, i++)
        m[i] = (member_ref){ c, i };
    qsort(m, count, sizeof *m, member_cmp);
    for (i = 1; i < count; i++)
        if (!strcmp(m[i].member->string, m[i - 1].member->string)) {
            char p[300];
            jfile_join(p, sizeof p, path, m[i].member->string);
            key_problem(f, m[i].member, false, p, "field \"%s\" appears twice in this object; "
                        "keep one", m[i].member->string);
        }
    free(m);
    for (const cJSON *c = n->child; c; c = c->next) {
        if (!cJSON_IsArray(c) && !cJSON_IsObject(c))
            continue;
        char p[300];
        jfile_join(p, sizeof p, path, c->string);
        report_duplicates(f, c, p);
    }
}

bool jfile_open(jfile *f, content_report *rep, const content_source *src, const char *dir,
                const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *path = malloc(n);
    if (!path)
        abort();
    snprintf(path, n, "%s/%s", dir, name);
    char *raw = NULL;
    size_t len = 0;
    int e = src->read(src->ud, path, MAX_FILE, &raw, &len);
    free(path);
    return jfile_parse(f, rep, src, dir, name, e, raw, len);
}

size_t jfile_max_file(void)
{
    return MAX_FILE;
}

bool jfile_parse(jfile *f, content_report *rep, const content_source *src, const char *dir,
                 const char *name, int e, char *raw, size_t len)
{
    memset(f, 0, sizeof *f);
    f->rep = rep;
    f->src = src;
    size_t n = strlen(dir) + strlen(name) + 2;
    f->file = malloc(n);
    if (!f->file)
        abort();
    snprintf(f->file, n, "%s/%s", dir, name);
    if (e) {
        free(raw);
        char msg[300];
        snprintf(msg, sizeof msg, "cannot read this file: %s%s",
                 e == EISDIR ? strerror(e) : file_error_text(e),
                 e == ENOENT   ? "; every content directory needs it"
                 : e == EACCES ? "; make it readable by everyone (chmod a+r)"
                 : e == EISDIR ? "; this must be a file, not a folder"
                 : e == FILE_E_NOT_REGULAR
                     ? "; replace it with an ordinary file saved by an editor"
                     : "");
        content_report_add(rep, f->file, 0, 0, "", false, msg);
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
        content_report_add(rep, f->file, 0, 0, "", false,
                           "file is larger than 4 MiB; content files are small, so this is "
                           "not one");
        return false;
    }
    jsonpos_error err;
    f->doc = jsonpos_create(buf, len, &err);
    if (!f->doc) {
        content_report_add(rep, f->file, err.line, err.col, "", false, err.message);
        return false;
    }
    f->root = jsonpos_root(f->doc);
    report_duplicates(f, f->root, "");
    if (!cJSON_IsObject(f->root)) {
        jfile_problem(f, f->root, false, "", "the file must hold a JSON object { ... }");
        return false;
    }
    return true;
}

void jfile_borrow(jfile *f, const jfile *parsed, content_report *rep)
{
    memset(f, 0, sizeof *f);
    f->rep = rep;
    f->src = parsed->src;
    f->file = parsed->file;
    f->text = parsed->text;
    f->len = parsed->len;
    f->doc = parsed->doc;
    f->root = parsed->root;
    f->borrowed = true;
}

void jfile_close(jfile *f)
{
    free(f->ids);
    if (f->borrowed)
        return;
    jsonpos_destroy(f->doc);
    free((char *)f->text);
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

/* Like jfile_problem(), but pointing at the member's key: for a misspelt field name,
 * the name is what needs fixing. */
static void key_problem(jfile *f, const cJSON *member, bool warning, const char *path,
                        const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report_at(f, jsonpos_key_offset(f->doc, member), warning, path, fmt, ap);
    va_end(ap);
}


/* Warn about fields not in `known`: n names, or up to a NULL entry. */
void jfile_unknown_fields_n(jfile *f, const cJSON *obj, const char *path,
                            const char *const *known, size_t n)
{
    for (const cJSON *c = obj->child; c; c = c->next) {
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

void jfile_unknown_fields(jfile *f, const cJSON *obj, const char *path, const char *const *known)
{
    jfile_unknown_fields_n(f, obj, path, known, (size_t)-1);
}

void jfile_join(char *out, size_t n, const char *path, const char *key)
{
    snprintf(out, n, "%s%s%s", path, *path ? "." : "", key);
}

static bool check_string(jfile *f, const cJSON *v, const char *p)
{
    if (strlen(v->valuestring) > MAX_STRING) {
        jfile_problem(f, v, false, p, "text is longer than %d bytes; shorten it", MAX_STRING);
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
        jfile_problem(f, v, true, p, "no installed font has the character U+%04" PRIX32 " (it would "
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
        jfile_join(q, sizeof q, p, c->string);
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
        jfile_problem(f, v, true, p, "no \"%s\" translation; showing \"%s\" instead", f->lang,
                      pick->string);
    return pick;
}

/* A required text shows something in every language it is given in: a
 * translation of spaces or invisible characters alone would leave a
 * visitor of that language a card without a name. False after reporting
 * each blank one. */
static bool translations_filled(jfile *f, const cJSON *v, const char *p, const char *key)
{
    bool ok = true;
    for (const cJSON *c = v->child; c; c = c->next)
        if (cJSON_IsString(c) && textrule_blank(c->valuestring)) {
            char q[400];
            jfile_join(q, sizeof q, p, c->string);
            jfile_problem(f, c, false, q, "the \"%s\" translation of \"%s\" is empty; write "
                          "the text between the quotes or remove the translation", c->string,
                          key);
            ok = false;
        }
    return ok;
}

char *jfile_text(jfile *f, const cJSON *obj, const char *key, const char *path, bool required)
{
    char p[300];
    jfile_join(p, sizeof p, path, key);
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v || cJSON_IsNull(v)) {
        if (required) {
            jfile_problem(f, obj, false, p, "missing required field \"%s\"; add it as text", key);
            return NULL;
        }
        return jfile_strdup("");
    }
    if (cJSON_IsString(v)) {
        if (required && textrule_blank(v->valuestring)) {
            jfile_problem(f, v, false, p, "\"%s\" is empty; write the text between the quotes", key);
            return NULL;
        }
        if (!check_string(f, v, p))
            return NULL;
        check_glyphs(f, v, p);
        return jfile_strdup(v->valuestring);
    }
    if (cJSON_IsObject(v)) {
        for (const cJSON *c = v->child; c; c = c->next)
            if (!cJSON_IsString(c)) {
                char q[400];
                jfile_join(q, sizeof q, p, c->string);
                jfile_problem(f, c, false, q, "a translation must be text in quotes");
                return NULL;
            }
        if (!translations_declared(f, v, p))
            return NULL;
        if (required && !translations_filled(f, v, p, key))
            return NULL;
        const cJSON *pick = pick_translation(f, v, p);
        if (!pick) {
            jfile_problem(f, v, false, p, "no translations given; add at least \"%s\"", f->lang);
            return NULL;
        }
        if (!check_string(f, pick, p))
            return NULL;
        check_glyphs(f, pick, p);
        return jfile_strdup(pick->valuestring);
    }
    jfile_problem(f, v, false, p, "\"%s\" must be text in quotes or a set of translations", key);
    return NULL;
}

/* A plain (non-visible) string such as an id or a colour. */
const cJSON *jfile_plain(jfile *f, const cJSON *obj, const char *key, const char *path,
                         bool required)
{
    char p[300];
    jfile_join(p, sizeof p, path, key);
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v) {
        if (required)
            jfile_problem(f, obj, false, p, "missing required field \"%s\"", key);
        return NULL;
    }
    if (!cJSON_IsString(v)) {
        jfile_problem(f, v, false, p, "\"%s\" must be text in quotes", key);
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
    const cJSON *v = jfile_plain(f, obj, "id", path, true);
    if (!v)
        return NULL;
    if (!valid_id(v->valuestring)) {
        char p[300];
        jfile_join(p, sizeof p, path, "id");
        size_t at;
        uint32_t cp = textrule_first_invisible(v->valuestring, &at);
        if (cp > 0x7f)
            /* Shown in quotes, the id would look right: name what hides in it. */
            jfile_problem(f, v, false, p, "id \"%s\" holds a space or invisible character "
                          "(U+%04" PRIX32 " at byte %zu); an id may use only a-z, 0-9 and '-'",
                          v->valuestring, cp, at + 1);
        else
            jfile_problem(f, v, false, p, "id \"%s\" may use only a-z, 0-9 and '-'",
                          v->valuestring);
        return NULL;
    }
    return jfile_strdup(v->valuestring);
}

bool jfile_parse_color(const char *s, od_color *out)
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

bool jfile_color(jfile *f, const cJSON *obj, const char *key, const char *path, od_color *out)
{
    const cJSON *v = jfile_plain(f, obj, key, path, false);
    if (!v)
        return !cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!jfile_parse_color(v->valuestring, out)) {
        char p[300];
        jfile_join(p, sizeof p, path, key);
        jfile_problem(f, v, false, p, "colour \"%s\" must look like \"#1a2b3c\" or \"#1a2b3cff\"",
                      v->valuestring);
        return false;
    }
    return true;
}

/* The file's required top-level "date" (openday.json, talks.json), a day
 * such as "2026-11-25"; NULL after reporting it missing or malformed. */
const cJSON *jfile_date(jfile *f)
{
    const cJSON *d = jfile_plain(f, f->root, "date", "", true);
    int64_t days;
    int y, m, day;
    char tail;
    if (!d || wallclock_parse_date(d->valuestring, &days))
        return d;
    if (strlen(d->valuestring) == 10 &&
        sscanf(d->valuestring, "%4d-%2d-%2d%c", &y, &m, &day, &tail) == 3)
        /* The right shape, but no such day: 2026-02-31, 2026-13-01. */
        jfile_problem(f, d, false, "date", "date \"%s\" is not a day of the calendar; check "
                      "the month and the number of days in it", d->valuestring);
    else
        jfile_problem(f, d, false, "date", "date \"%s\" must look like 2026-11-25",
                      d->valuestring);
    return NULL;
}

void jfile_free_list(char **l, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(l[i]);
    free(l);
}

const cJSON *jfile_array_max(jfile *f, const cJSON *obj, const char *key,
                             const char *path, bool required, int max)
{
    char p[300];
    jfile_join(p, sizeof p, path, key);
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v) {
        if (required)
            jfile_problem(f, obj, false, p, "missing required list \"%s\"", key);
        return NULL;
    }
    if (!cJSON_IsArray(v)) {
        jfile_problem(f, v, false, p, "\"%s\" must be a list [ ... ]", key);
        return NULL;
    }
    if (cJSON_GetArraySize(v) > max) {
        if (max == JFILE_MAX_LIST)
            jfile_problem(f, v, false, p, "more than %d entries; a screen shows the whole list, so "
                          "keep the %d that matter most", max, max);
        else
            jfile_problem(f, v, false, p, "more than %d entries; split the content", max);
        return NULL;
    }
    return v;
}

const cJSON *jfile_array(jfile *f, const cJSON *obj, const char *key, const char *path,
                         bool required)
{
    return jfile_array_max(f, obj, key, path, required, MAX_ITEMS);
}

/* A list of visible texts. */
char **jfile_text_list(jfile *f, const cJSON *obj, const char *key, const char *path,
                       size_t *count, bool *ok)
{
    *count = 0;
    char p[300];
    jfile_join(p, sizeof p, path, key);
    const cJSON *v = jfile_array_max(f, obj, key, path, false, JFILE_MAX_LIST);
    if (!v) {
        if (cJSON_GetObjectItemCaseSensitive(obj, key))
            *ok = false; /* there, but not a list of at most JFILE_MAX_LIST: reported */
        return NULL;
    }
    size_t n = (size_t)cJSON_GetArraySize(v);
    char **out = jfile_calloc(n ? n : 1, sizeof *out);
    size_t i = 0;
    for (const cJSON *c = v->child; c; c = c->next, i++) {
        char q[320];
        snprintf(q, sizeof q, "%s[%zu]", p, i);
        if (cJSON_IsString(c) && check_string(f, c, q)) {
            check_glyphs(f, c, q);
            out[(*count)++] = jfile_strdup(c->valuestring);
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
                out[(*count)++] = jfile_strdup(pick->valuestring);
            } else {
                jfile_problem(f, c, false, q, "each entry must be text or a set of translations");
                *ok = false;
            }
        } else {
            if (!cJSON_IsString(c))
                jfile_problem(f, c, false, q, "each entry must be text in quotes");
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
            f->ids = jfile_calloc(want, sizeof *f->ids);
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
        jsonpos_line_col(f->doc, jsonpos_offset(f->doc, o), &line, &col);
        char q[80];
        snprintf(q, sizeof q, "%s.id", path);
        jfile_problem(f, id, false, q, "duplicate id \"%s\" (first used on line %d); ids must be unique",
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
        jfile_problem(f, f->root, false, "schema", "missing \"schema\": 1 at the top of the file");
        return false;
    }
    if (!cJSON_IsNumber(v) || v->valuedouble != CONTENT_SCHEMA) {
        if (cJSON_IsNumber(v))
            jfile_problem(f, v, false, "schema",
                          "this content is for schema %g; this build reads schema %d", v->valuedouble,
                          CONTENT_SCHEMA);
        else
            jfile_problem(f, v, false, "schema", "\"schema\" must be the number %d", CONTENT_SCHEMA);
        return false;
    }
    return true;
}

/* What every file checks first: its schema (false when it is not ours; the
 * rest is still read, to report every problem at once) and its top-level
 * fields against `top`. */
bool jfile_begin(jfile *f, const char *const *top)
{
    bool ok = check_schema(f);
    jfile_unknown_fields(f, f->root, "", top);
    return ok;
}

/* What every entry of a list of objects needs: to be an object (else
 * reported as "each WHAT must be an object", *ok cleared, and false: skip
 * it), and its fields not in `known` warned about. */
bool jfile_entry_object(jfile *f, const cJSON *e, const char *p, const char *what,
                        const char *const *known, bool *ok)
{
    if (!cJSON_IsObject(e)) {
        jfile_problem(f, e, false, p, "each %s must be an object { ... }", what);
        *ok = false;
        return false;
    }
    jfile_unknown_fields(f, e, p, known);
    return true;
}

/* What every entry of a list file (careers, awards, degrees) needs, checked
 * in one place: jfile_entry_object's checks, then an id, unique in the list. *id
 * is the entry's id ("" when it has none, which clears *ok). */
bool jfile_entry_begin(jfile *f, const cJSON *arr, const cJSON *e, const char *p,
                       const char *what, const char *const *known, char **id, bool *ok)
{
    if (!jfile_entry_object(f, e, p, what, known, ok))
        return false;
    *id = get_id(f, e, p);
    if (!*id) {
        *ok = false;
        *id = jfile_strdup("");
    }
    if (!unique_id(f, arr, e, p))
        *ok = false;
    return true;
}

/* A web address for a QR code, as a browser sends it (weburl.h), short
 * enough for a code a phone reads at 25 mm (qr.h). `whole`: the address
 * itself; else a base that ids are appended to. */
char *jfile_url(jfile *f, const cJSON *v, const char *p, bool whole)
{
    char why[300];
    char *url;
    if (!weburl_encode(v->valuestring, &url, why, sizeof why)) {
        jfile_problem(f, v, false, p, "%s", why);
        return NULL;
    }
    if (whole ? !qr_fits(url) : strlen(url) >= qr_max_bytes()) {
        /* The code carries the encoded form: each letter outside ASCII is
         * several characters there, which is what the limit counts. */
        bool grew = strcmp(url, v->valuestring) != 0;
        jfile_problem(f, v, false, p, "web address is too long for a QR code a phone reads from "
                      "the screen (%zu characters%s, at most %zu); use a shorter link",
                      strlen(url), grew ? " as a browser sends it" : "", qr_max_bytes());
        free(url);
        return NULL;
    }
    return url;
}


/* An asset path (image, font) must name an existing file inside the content
 * directory: relative, no ".." component, and no symlink leading out. */
bool jfile_asset(jfile *f, const cJSON *v, const char *dir, const char *path,
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
        jfile_problem(f, v, false, path, "%s path must stay inside the content directory (no "
                      "leading / and no ..); write it like \"%s\"", what,
                      strcmp(what, "font") ? "images/photo.png" : "fonts/brand.ttf");
        return false;
    }
    char full[PATH_MAX], real[PATH_MAX], rdir[PATH_MAX];
    struct stat st;
    if (snprintf(full, sizeof full, "%s/%s", dir, rel) >= (int)sizeof full ||
        stat(full, &st) != 0 || !S_ISREG(st.st_mode)) {
        jfile_problem(f, v, false, path, "%s \"%s\" not found in the content directory", what, rel);
        return false;
    }
    size_t nd;
    if (!realpath(full, real) || !realpath(dir, rdir) || strncmp(real, rdir, nd = strlen(rdir)) ||
        (real[nd] != '/' && strcmp(rdir, "/"))) {
        jfile_problem(f, v, false, path, "%s \"%s\" is a link that points outside the content "
                      "directory; copy the file in instead", what, rel);
        return false;
    }
    return true;
}

