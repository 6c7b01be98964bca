/* content.c - loads and validates the content directory: the set of files
 * in each visitor language, the report of its problems, and the model's
 * lifetime. See content.h.
 *
 * The files are the rows of content_files.h, loaded in that order, each by
 * its own loader (load_site.c, load_catalogue.c, load_day.c) from the
 * shared checks of jfile.c, which reads each file with the line and column
 * of every value (jsonpos.c). This file runs them, derives what spans
 * files, and repeats the load for each declared language. */
#include "content.h"
#include "file.h"
#include "hash.h"
#include "jfile.h"
#include "load_catalogue.h"
#include "load_day.h"
#include "load_site.h"

#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* ---- the whole directory ------------------------------------------------------------- */

static void derive(content *c)
{
    /* One pass over the references (a pass per career would be careers x
     * degrees): degrees in ascending order, each once per career. */
    size_t *count = jfile_calloc(c->n_careers + 1, sizeof *count);
    for (size_t d = 0; d < c->n_degrees; d++)
        for (size_t j = 0; j < c->degrees[d].n_careers; j++)
            if (c->degrees[d].careers[j] < c->n_careers)
                count[c->degrees[d].careers[j]]++;
    for (size_t k = 0; k < c->n_careers; k++)
        c->careers[k].degrees = jfile_calloc(count[k] + 1, sizeof *c->careers[k].degrees);
    free(count);
    for (size_t d = 0; d < c->n_degrees; d++)
        for (size_t j = 0; j < c->degrees[d].n_careers; j++) {
            size_t k = c->degrees[d].careers[j];
            if (k >= c->n_careers)
                continue;
            content_career *car = &c->careers[k];
            if (car->n_degrees && car->degrees[car->n_degrees - 1] == d)
                continue;
            car->degrees[car->n_degrees++] = d;
        }
    /* Notices reach the attract loop too: a slide of their own at the end
     * of the playlist unless attract.json places one (the slide list has
     * room for one more, see load_attract). */
    bool placed = false;
    for (size_t i = 0; i < c->n_slides; i++)
        placed |= c->slides[i].kind == CONTENT_ATTRACT_NOTICES;
    if (c->n_notices && !placed && c->slides) {
        content_slide *s = &c->slides[c->n_slides++];
        memset(s, 0, sizeof *s);
        s->kind = CONTENT_ATTRACT_NOTICES;
        s->headline = jfile_strdup("");
    }
}

/* ---- the table of files (content_files.h) ---------------------------------- */

/* Each file's loader (load_site.h, load_catalogue.h, load_day.h). */
static bool (*const loaders[CONTENT_NFILES])(jfile *, content *) = {
#define CONTENT_FILE(id, name, required, loader) [CONTENT_FILE_##id] = loader,
#include "content_files.h"
#undef CONTENT_FILE
};

enum {
    /* content.absent's bits that may be set: the optional files'. */
    OPTIONAL_FILES = 0
#define CONTENT_FILE(id, name, required, loader) | ((required) ? 0 : 1 << CONTENT_FILE_##id)
#include "content_files.h"
#undef CONTENT_FILE
};

/* The required files come first: whoever copies "the first
 * CONTENT_NREQUIRED files" (a minimal content folder) gets exactly them. */
_Static_assert(OPTIONAL_FILES == (1 << CONTENT_NFILES) - (1 << CONTENT_NREQUIRED),
               "content_files.h: the required files must come before the optional ones");
_Static_assert(CONTENT_NFILES <= 32, "content.absent has a bit for each file");

content *content_load(const char *dir, content_report *report)
{
    return content_load_from(dir, &fs_source, report);
}

content *content_load_from(const char *dir, const content_source *src, content_report *report)
{
    return content_load_with(dir, src, NULL, report);
}

/* ---- the snapshot ------------------------------------------------------------
 *
 * Every file is read once and parsed once, here; each language's loaders
 * then borrow the parse (jfile_borrow). Reading again per language let a
 * save that landed between two languages' reads be half accepted, and the
 * bytes kept as last-known-good be other than those validated. A file's
 * read and parse problems wait in its own report until the load reaches
 * that file, so that they come out in the order a load by file gives. */
typedef struct {
    jfile f[CONTENT_NFILES];
    content_report parse[CONTENT_NFILES];
    bool parsed[CONTENT_NFILES];   /* f[i] holds a JSON object */
    bool there[CONTENT_NFILES];    /* anything at that name (not ENOENT) */
} snapshot;

static void snapshot_read(snapshot *s, const char *dir, const content_source *src)
{
    for (size_t i = 0; i < CONTENT_NFILES; i++) {
        content_report_init(&s->parse[i]);
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/%s", dir, content_files[i]);
        char *text = NULL;
        size_t len = 0;
        int e = src->read(src->ud, path, jfile_max_file(), &text, &len);
        s->there[i] = e != ENOENT;
        if (e)
            text = NULL;
        s->parsed[i] = jfile_parse(&s->f[i], &s->parse[i], src, dir, content_files[i], e, text,
                                   len);
    }
}

static void snapshot_free(snapshot *s)
{
    for (size_t i = 0; i < CONTENT_NFILES; i++) {
        jfile_close(&s->f[i]);
        content_report_deinit(&s->parse[i]);
    }
}

static void add_problems(content_report *to, const content_report *from)
{
    for (size_t k = 0; k < from->count; k++) {
        const content_problem *p = &from->items[k];
        content_report_add(to, p->file, p->line, p->col, p->path, p->warning, p->message);
    }
}

/* Build the set in one language from the snapshot: `lang` (NULL: the
 * manifest's default) with `fallback` tried before the first translation
 * (NULL: none). */
static content *load_one(const char *dir, const snapshot *snap, const content_options *opts,
                         content_report *report, const char *lang, const char *fallback)
{
    content *c = jfile_calloc(1, sizeof *c);
    c->dir = jfile_strdup(dir);
    c->schema = CONTENT_SCHEMA;
    size_t errors_before = report->errors;
    bool any = false;
    for (size_t i = 0; i < CONTENT_NFILES; i++)
        any |= snap->there[i];
    if (!any) {
        content_report_add(report, dir, 0, 0, "", false,
                           "no content files here (openday.json, degrees.json, careers.json "
                           "...); is this the content directory?");
        content_destroy(c);
        return NULL;
    }
    /* In the table's order: the manifest first, as it names the language
     * every other file is read in and declares the visitor languages. */
    bool declared = false;
    for (size_t i = 0; i < CONTENT_NFILES; i++) {
        bool required = !(OPTIONAL_FILES & (1 << i));
        if (!required && !snap->there[i]) {
            c->absent |= 1u << i;
            continue;
        }
        add_problems(report, &snap->parse[i]);
        jfile f;
        jfile_borrow(&f, &snap->f[i], report);
        if (snap->parsed[i]) {
            f.opts = opts;
            f.fallback = fallback;
            if (i == CONTENT_FILE_MANIFEST) {
                f.lang = lang;
            } else {
                f.lang = c->language;
                if (declared) {
                    f.declared = c->languages;
                    f.n_declared = c->n_languages;
                }
            }
            loaders[i](&f, c);
            /* Later files resolve ids against these lists. */
            if (i == CONTENT_FILE_CAREERS || i == CONTENT_FILE_DEGREES)
                content_index_ids(c);
        } else {
            c->unreadable |= 1u << i;
        }
        if (i == CONTENT_FILE_MANIFEST) {
            declared = f.n_declared > 0;
            if (!c->language)
                c->language = jfile_strdup("en");
        }
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
            if (!opened) {
                jfile_borrow(&cf, &snap->f[CONTENT_FILE_CAREERS], report);
                opened = true;
            }
            char p[64];
            snprintf(p, sizeof p, "careers[%zu]", k);
            const cJSON *arr = cJSON_GetObjectItemCaseSensitive(cf.root, "careers");
            const cJSON *node = cJSON_GetArrayItem(arr, (int)k);
            jfile_problem(&cf, node, false, p,
                          "career \"%s\" is linked to no degree; list it in a degree's careers "
                          "or remove it",
                          c->careers[k].id);
        }
        if (opened)
            jfile_close(&cf);
    }
    /* Fill any gaps so a partial model is still safe to free. */
    for (int i = 0; i < CONTENT_STR_COUNT; i++)
        if (!c->strings[i])
            c->strings[i] = jfile_strdup(content_default_string((content_str)i));
    const char **fields[] = { (const char **)&c->title, (const char **)&c->subtitle,
                              (const char **)&c->version, (const char **)&c->date,
                              (const char **)&c->attribution, (const char **)&c->about,
                              (const char **)&c->conclusion, (const char **)&c->awards_intro,
                              (const char **)&c->careers_note, (const char **)&c->font_family,
                              (const char **)&c->font_file[0], (const char **)&c->font_file[1],
                              (const char **)&c->url_base, (const char **)&c->talks_date };
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (!*fields[i])
            *fields[i] = jfile_strdup(i == 9 ? "Inter" : "");
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

/* ---- assets ------------------------------------------------------------------ */

content_blob *content_blob_create(const void *bytes, size_t len)
{
    content_blob *b = malloc(sizeof *b + len + 1);
    if (!b)
        abort();
    b->refs = 1;
    b->len = len;
    if (len)
        memcpy(b->bytes, bytes, len);
    b->bytes[len] = '\0';
    b->hash = od_hash(OD_HASH_SEED, b->bytes, len);
    return b;
}

content_blob *content_blob_ref(content_blob *b)
{
    if (b)
        b->refs++;
    return b;
}

void content_blob_unref(content_blob *b)
{
    if (b && --b->refs == 0)
        free(b);
}

content_blob *content_asset_of(const content *c, const char *rel)
{
    const content *r = c->base ? c->base : c;
    if (!rel || !*rel)
        return NULL;
    for (size_t i = 0; i < r->n_assets; i++)
        if (!strcmp(r->assets[i].path, rel))
            return r->assets[i].blob;
    return NULL;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Read the fonts and images that the validated set c names, each once,
 * into c->assets: what the screen draws and the last-known-good copy keeps
 * comes from this load, never from the folder later. False after reporting
 * one that cannot be read now. */
static bool read_assets(content *c, const content_source *src, content_report *report)
{
    size_t nl = content_language_count(c), cap = 0, n = 0;
    for (size_t l = 0; l < nl; l++)
        cap += 2 + content_in_language(c, l)->n_degrees;
    const char **rel = jfile_calloc(cap + 1, sizeof *rel);
    for (size_t l = 0; l < nl; l++) {
        const content *m = content_in_language(c, l);
        for (size_t i = 0; i < 2; i++)
            if (*m->font_file[i])
                rel[n++] = m->font_file[i];
        for (size_t d = 0; d < m->n_degrees; d++)
            if (*m->degrees[d].image)
                rel[n++] = m->degrees[d].image;
    }
    qsort(rel, n, sizeof *rel, cmp_str);
    c->assets = jfile_calloc(n + 1, sizeof *c->assets);
    bool ok = true;
    size_t total = 0;
    for (size_t i = 0; i < n && ok; i++) {
        if (i && !strcmp(rel[i], rel[i - 1]))
            continue;
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/%s", c->dir, rel[i]);
        char *bytes = NULL;
        size_t len = 0;
        int e = src->read(src->ud, path, CONTENT_ASSET_MAX, &bytes, &len);
        if (e) {
            char msg[300];
            snprintf(msg, sizeof msg, "cannot read this file: %s; it changed while the content "
                     "was loading, or cannot be read: save it again", file_error_text(e));
            content_report_add(report, path, 0, 0, "", false, msg);
            ok = false;
        } else if (len > CONTENT_ASSET_MAX || (total += len) > CONTENT_ASSETS_TOTAL) {
            content_report_add(report, path, 0, 0, "", false,
                               len > CONTENT_ASSET_MAX
                                   ? "file is larger than 32 MiB; no font or photo needs that"
                                   : "the fonts and images together are larger than 256 MiB; "
                                     "use smaller images");
            ok = false;
        } else {
            content_asset *a = &c->assets[c->n_assets++];
            a->path = jfile_strdup(rel[i]);
            a->blob = content_blob_create(bytes, len);
        }
        free(bytes);
    }
    free(rel);
    return ok;
}

content *content_load_with(const char *dir, const content_source *src,
                           const content_options *opts, content_report *report)
{
    if (!src)
        src = &fs_source;
    snapshot *snap = jfile_calloc(1, sizeof *snap);
    snapshot_read(snap, dir, src);
    content *c = load_one(dir, snap, opts, report, NULL, NULL);
    if (!c) {
        snapshot_free(snap);
        free(snap);
        return NULL;
    }
    c->variants = jfile_calloc(c->n_languages, sizeof *c->variants);
    c->variants[c->language_index] = c;
    /* Every other declared language: built from the same parse, its
     * problems reported once (what the default's load already said is not
     * repeated), and any error fails the set, so a kiosk never switches
     * into a broken language. */
    bool ok = true;
    for (size_t i = 0; i < c->n_languages; i++) {
        if (i == c->language_index)
            continue;
        content_report r;
        content_report_init(&r);
        content *v = load_one(dir, snap, opts, &r, c->languages[i], c->language);
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
        /* A degree's mark reads the same in every language: the one made
         * from its name in the default language. */
        for (size_t k = 0; k < c->n_degrees; k++)
            memcpy(v->degrees[k].mark, c->degrees[k].mark, sizeof v->degrees[k].mark);
        jfile_free_list(v->languages, v->n_languages);
        v->languages = NULL;
        v->n_languages = 0;
        v->language_index = i;
        v->base = c;
        c->variants[i] = v;
    }
    if (ok)
        ok = read_assets(c, src, report);
    if (!ok) {
        snapshot_free(snap);
        free(snap);
        content_destroy(c);
        return NULL;
    }
    /* The model keeps the bytes it was validated from (store.h). */
    for (size_t i = 0; i < CONTENT_NFILES; i++) {
        if (c->absent & (1u << i) || !snap->f[i].text)
            continue;
        c->raw[i] = (char *)snap->f[i].text;
        c->raw_len[i] = snap->f[i].len;
        snap->f[i].text = NULL;
    }
    snapshot_free(snap);
    free(snap);
    return c;
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
    for (size_t i = 0; i < c->n_assets; i++) {
        free(c->assets[i].path);
        content_blob_unref(c->assets[i].blob);
    }
    free(c->assets);
    free(c->degree_ids.slot);
    free(c->career_ids.slot);
    if (c->variants)
        for (size_t i = 0; i < c->n_languages; i++)
            if (c->variants[i] != c)
                content_destroy(c->variants[i]);
    free(c->variants);
    jfile_free_list(c->languages, c->n_languages);
    for (size_t i = 0; i < c->n_degrees; i++) {
        content_degree *d = &c->degrees[i];
        free(d->id); free(d->name); free(d->award); free(d->tagline); free(d->focus);
        free(d->hands_on); free(d->careers_note); free(d->url); free(d->image);
        jfile_free_list(d->topics, d->n_topics);
        jfile_free_list(d->software, d->n_software);
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
        jfile_free_list(a->points, a->n_points);
    }
    free(c->awards);
    for (size_t i = 0; i < c->n_slides; i++)
        free(c->slides[i].headline);
    free(c->slides);
    for (int i = 0; i < CONTENT_STR_COUNT; i++)
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
    for (int i = 0; i < CONTENT_COLOR_COUNT; i++)
        c->colors[i] = content_default_color((content_color)i);
    for (int i = 0; i < CONTENT_STR_COUNT; i++)
        c->strings[i] = jfile_strdup(content_default_string((content_str)i));
    char **fields[] = { &c->dir,          &c->language,     &c->title,       &c->subtitle,
                        &c->version,      &c->date,         &c->attribution, &c->about,
                        &c->conclusion,   &c->awards_intro, &c->careers_note,
                        &c->font_file[0], &c->font_file[1], &c->url_base, &c->talks_date };
    c->absent = OPTIONAL_FILES;
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        *fields[i] = jfile_strdup("");
    c->font_family = jfile_strdup("Inter");
    return c;
}

void content_link(content *c)
{
    for (size_t k = 0; k < c->n_careers; k++) {
        free(c->careers[k].degrees);
        c->careers[k].degrees = NULL;
        c->careers[k].n_degrees = 0;
    }
    load_degree_marks(c);
    derive(c);
    content_index_ids(c);
}
