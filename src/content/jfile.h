/* jfile.h - one content file being loaded, and the checks every loader
 * shares (content.c runs the loaders; content_files.h lists them).
 *
 * jfile_open reads a file through the load's content_source and parses it
 * (jsonpos.h), so that each value keeps its line and column; the checks
 * below read fields from it, each reporting what is wrong, at the value's
 * place, to the load's content_report in the editor's terms ("FILE:LINE:COL:
 * json.path: message"), and the loaders build the model from what they
 * return. A check that fails reports and returns NULL or false (or clears
 * the caller's *ok); one that passes reports nothing, except warnings (an
 * unknown field, a missing translation, a character no font has).
 *
 * Loader-internal: only content.c and the load_*.c files include this.
 * Pure: cJSON and libc, plus stat and realpath for asset paths. Ownership:
 * a jfile lives on its loader's stack from jfile_open to jfile_close, which
 * frees all it holds except `text` once handed on (content.c keeps the
 * bytes a model was validated from). Every heap string returned is the
 * caller's. Out of memory aborts, as everywhere in the loader. */
#ifndef OPENDAY_JFILE_H
#define OPENDAY_JFILE_H

#include <cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include "content.h"
#include "jsonpos.h"

/* A list inside one entry (a degree's topics, software, modules and careers,
 * an award's points) is drawn whole on one screen: every entry is at least
 * one text run. 100 is far beyond a readable page and keeps any one screen
 * well inside the renderer's text cache (1024 entries). */
#define JFILE_MAX_LIST 100

typedef struct {
    content_report *rep;
    char *file;          /* dir/name */
    const char *text;    /* the bytes read, NUL-terminated at len; NULL if none */
    size_t len;
    jsonpos *doc;        /* the parsed text; NULL when it did not parse */
    const cJSON *root;   /* its top-level object */
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
    /* ids already seen in the array being loaded (jfile_entry_begin) */
    const cJSON *ids_arr;
    const cJSON **ids;           /* open addressing by hash, capacity ids_cap */
    size_t ids_cap, ids_n;
    bool borrowed;               /* file, text and doc are another jfile's */
} jfile;

/* Read and parse dir/name; on any problem report it and return false (the
 * jfile must still be closed). A key written twice in any object of the
 * file is reported as an error at the second one (true is still returned:
 * the rest is read, to report every problem at once). */
bool jfile_open(jfile *f, content_report *rep, const content_source *src, const char *dir,
                const char *name);
/* jfile_open's second half, for bytes already read (the load's snapshot):
 * `e` is the read's errno value (0: raw holds len bytes, malloc'd, which
 * the jfile takes over). The reports are jfile_open's. */
bool jfile_parse(jfile *f, content_report *rep, const content_source *src, const char *dir,
                 const char *name, int e, char *raw, size_t len);
/* The largest content file read (4 MiB): a source's `max`. */
size_t jfile_max_file(void);
/* A jfile over the text and parse of `parsed` (an open jfile that outlives
 * it), reporting to rep: one parse serves every language's loaders.
 * jfile_close frees only what the borrower added. */
void jfile_borrow(jfile *f, const jfile *parsed, content_report *rep);
void jfile_close(jfile *f);

/* strdup (NULL gives "") and calloc that abort when out of memory. */
char *jfile_strdup(const char *s);
void *jfile_calloc(size_t n, size_t size);
/* Free n strings and the list holding them. */
void jfile_free_list(char **l, size_t n);

/* ---- problems ---- */

/* A problem with a value, reported where it starts (no node: the start of
 * the file). */
__attribute__((format(printf, 5, 6)))
void jfile_problem(jfile *f, const cJSON *node, bool warning, const char *path,
                   const char *fmt, ...);
/* "path.key" (just "key" at the top level) into out. */
void jfile_join(char *out, size_t n, const char *path, const char *key);

/* ---- the file and its entries ---- */

/* What every file checks first: its schema (false when it is not ours; the
 * rest is still read, to report every problem at once) and its top-level
 * fields against `top`. */
bool jfile_begin(jfile *f, const char *const *top);
/* Warn about fields not in `known` (up to a NULL entry), suggesting the
 * nearest known name. The _n form stops after n names. (A field written
 * twice is an error in any object of any file: jfile_open reports it.) */
void jfile_unknown_fields(jfile *f, const cJSON *obj, const char *path,
                          const char *const *known);
void jfile_unknown_fields_n(jfile *f, const cJSON *obj, const char *path,
                            const char *const *known, size_t n);
/* What every entry of a list of objects needs: to be an object (else
 * reported as "each WHAT must be an object", *ok cleared, and false: skip
 * it), and its fields not in `known` warned about. */
bool jfile_entry_object(jfile *f, const cJSON *e, const char *p, const char *what,
                        const char *const *known, bool *ok);
/* What every entry of a list file (careers, awards, degrees) needs, checked
 * in one place: jfile_entry_object's checks, then an id, unique in the list
 * arr. *id is the entry's id ("" when it has none, which clears *ok). */
bool jfile_entry_begin(jfile *f, const cJSON *arr, const cJSON *e, const char *p,
                       const char *what, const char *const *known, char **id, bool *ok);

/* ---- fields ---- */

/* Visible text: a string or a set of translations {"en": "...", ...}, in the
 * file's language. A heap string ("" when absent and optional), or NULL
 * after reporting a problem. */
char *jfile_text(jfile *f, const cJSON *obj, const char *key, const char *path, bool required);
/* jfile_text into dst, which gets "" after a problem, clearing the caller's
 * `ok`; the caller's jfile is `f`. */
#define JFILE_TEXT(dst, obj, key, path, req)            \
    do {                                                \
        char *t_ = jfile_text(f, obj, key, path, req);  \
        if (!t_) {                                      \
            ok = false;                                 \
            t_ = jfile_strdup("");                      \
        }                                               \
        dst = t_;                                       \
    } while (0)
/* A list of visible texts (at most JFILE_MAX_LIST); NULL when absent.
 * Clears *ok after reporting a problem. */
char **jfile_text_list(jfile *f, const cJSON *obj, const char *key, const char *path,
                       size_t *count, bool *ok);
/* A plain (non-visible) string such as an id or a colour; NULL when absent
 * or after reporting it. */
const cJSON *jfile_plain(jfile *f, const cJSON *obj, const char *key, const char *path,
                         bool required);
/* A list [ ... ] of at most max (jfile_array: 1000) entries; NULL when
 * absent or after reporting it. */
const cJSON *jfile_array_max(jfile *f, const cJSON *obj, const char *key, const char *path,
                             bool required, int max);
const cJSON *jfile_array(jfile *f, const cJSON *obj, const char *key, const char *path,
                         bool required);
/* "#1a2b3c" or "#1a2b3cff" into *out; false when s is not one. */
bool jfile_parse_color(const char *s, od_color *out);
/* An optional colour field into *out (left alone when absent); false after
 * reporting it malformed. */
bool jfile_color(jfile *f, const cJSON *obj, const char *key, const char *path, od_color *out);
/* The file's required top-level "date" (openday.json, talks.json), a day
 * such as "2026-11-25"; NULL after reporting it missing or malformed. */
const cJSON *jfile_date(jfile *f);
/* The web address v (a string) as a browser sends it (weburl.h: an
 * international host in its ASCII form, other letters outside ASCII
 * percent-encoded), a heap string; NULL after reporting one that is not
 * http(s), holds a space or invisible character, or once encoded is too
 * long for a code a phone reads at 25 mm (qr.h). `whole`: the address
 * itself; else a base that ids are appended to. */
char *jfile_url(jfile *f, const cJSON *v, const char *p, bool whole);
/* An asset path (image, font; `what` says which) must name an existing file
 * inside the content directory dir: relative, no ".." component, and no
 * symlink leading out. */
bool jfile_asset(jfile *f, const cJSON *v, const char *dir, const char *path, const char *what);

#endif
