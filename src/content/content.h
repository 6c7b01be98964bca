/* content.h - the content model, its loader and its validator.
 *
 * Pure: cJSON and libc only, no SDL. The model is read from a directory of JSON
 * files, the rows of content_files.h (what each holds: content/README.md).
 * Every file carries "schema": 1. Every visible text field accepts either a
 * string or an object of translations {"en": "...", "cy": "..."}; the loader
 * picks the manifest's "language", falling back to the first entry.
 *
 * Visitor languages: when openday.json declares "languages" (["en", "de"]),
 * the set is loaded once per declared language into models of identical
 * shape (the same degrees, careers and slides at the same indices), all
 * owned by the model content_load returns (that of the default language,
 * "language", else the first declared). Text missing in a language falls
 * back to the default language, then to the first translation given, with a
 * warning; a translation in a language not declared is an error. One load
 * validates every language: a problem in any of them fails the whole set.
 *
 * One snapshot per load: every file of the set is read once, through the
 * load's source, and parsed once; every language's model is built from
 * that one parse, and the fonts and images the set names are read in the
 * same load (content.assets), after it validated. What is shown and what
 * is kept as last-known-good (content.raw, the assets) are those bytes,
 * whatever the folder holds a moment later.
 *
 * Ownership: content_load returns a heap model the caller frees with
 * content_destroy. Every string in it is owned by the model, NUL-terminated,
 * valid UTF-8, and never NULL (absent optional text is ""). Problems are
 * appended to a content_report the caller owns (content_report_init/deinit).
 * Errors make the load fail (returns NULL, nothing leaked); warnings (unknown
 * fields, missing optional translations) do not. */
#ifndef OPENDAY_CONTENT_H
#define OPENDAY_CONTENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "content_report.h"
#include "geom.h"

#define CONTENT_SCHEMA 1

/* The files of a content directory, from the one table of them
 * (content_files.h): CONTENT_FILE_MANIFEST (openday.json) ... in load order,
 * and CONTENT_NFILES. The first CONTENT_NREQUIRED of them must exist; the
 * rest are optional (content.absent says which were not there). */
typedef enum {
#define CONTENT_FILE(id, name, required, loader) CONTENT_FILE_##id,
#include "content_files.h"
#undef CONTENT_FILE
    CONTENT_NFILES
} content_file_id;

enum {
    CONTENT_NREQUIRED = 0
#define CONTENT_FILE(id, name, required, loader) + (required)
#include "content_files.h"
#undef CONTENT_FILE
};
/* The bit of file `id` (MANIFEST, TALKS ...) in content.absent. */
#define CONTENT_FILE_BIT(id) (1u << CONTENT_FILE_##id)

/* ---- the model ---------------------------------------------------------- */

typedef struct {
    char *title, *text;
} content_module;

/* Bytes of a degree's mark, NUL included: up to CONTENT_MARK_CHARS code
 * points of up to four bytes each. */
#define CONTENT_MARK_CHARS 4
#define CONTENT_MARK_MAX (4 * CONTENT_MARK_CHARS + 1)

typedef struct {
    char *id;
    char *name;          /* "Music Production" */
    /* Its short mark, "MP": the optional "mark" field, else derived from the
     * name in the manifest's default language; at most CONTENT_MARK_CHARS
     * characters, unique within the set, the same in every language (the
     * loader copies the default's marks into each language's model). */
    char mark[CONTENT_MARK_MAX];
    char *award;         /* id into content.awards, resolved in award_index */
    size_t award_index;
    char *tagline;       /* one line for cards and the attract loop */
    char *focus;         /* a sentence or two */
    char *hands_on;
    char *careers_note;  /* a note shown under the degree's careers, may be "" */
    char *url;           /* course web address: its own "url", else the manifest's
                          * url_base + id, else ""; fits a QR code (qr.h) */
    char *image;         /* path relative to the content dir, may be "" */
    char **topics;       size_t n_topics;
    char **software;     size_t n_software;
    content_module *modules; size_t n_modules;
    size_t *careers;     size_t n_careers; /* indices into content.careers */
    od_color color;      /* accent colour of this degree */
} content_degree;

typedef struct {
    char *id;
    char *name;
    char *summary;       /* one line: what the job is */
    char *description;   /* a few sentences, may be "" */
    char *caveat;        /* what to check before counting on this path, may be "" */
    char *url;           /* web address for its QR code: its own "url", else the
                          * manifest's url_base + id, else "" */
    /* Derived by the loader: the degrees that lead here (indices, ascending). */
    size_t *degrees;     size_t n_degrees;
} content_career;

typedef struct {
    char *id;            /* "ba" */
    char *short_name;    /* "BA" */
    char *name;          /* "Bachelor of Arts" */
    char *summary;
    char **points;       size_t n_points;
    /* The award's own colour (awards.json "color"); without one the screens
     * use a neutral theme colour, never a degree's. */
    od_color color;
    bool has_color;
} content_award;

typedef struct {
    char *topic;         /* row heading, e.g. "Extra courses" */
    char **values;       /* one per award, in content.awards order */
} content_award_row;

typedef enum {
    CONTENT_ATTRACT_DEGREE, CONTENT_ATTRACT_COMPARE, CONTENT_ATTRACT_CAREER, CONTENT_ATTRACT_CAREERS, CONTENT_ATTRACT_AWARDS,
    /* the notices that apply now (notices.json), large; skipped while none
     * does. With notices.json and no such slide in attract.json, the loader
     * adds one at the end of the playlist. */
    CONTENT_ATTRACT_NOTICES
} content_attract_kind;

typedef struct {
    content_attract_kind kind;
    size_t index;        /* degree or career index where the kind needs one */
    char *headline;      /* optional override headline, may be "" */
    /* A compare slide's two degrees (indices, distinct) when attract.json
     * names them ("pair"); without, the loop cycles through every pair. */
    size_t pair[2];
    bool has_pair;
} content_slide;

/* A talk or tour of the day (talks.json), in the order of their start. */
typedef struct {
    int start, end;      /* minutes after the day's midnight; end > start, beyond
                          * 1440 for one that runs past midnight */
    char *title;
    char *room;          /* "Room 2.14" */
    size_t *degrees;     size_t n_degrees; /* indices into content.degrees */
} content_talk;

/* "Which degree suits me?" (quiz.json): a few questions, each with a few
 * answers that give points to degrees. */
#define CONTENT_QUIZ_MIN 3          /* questions */
#define CONTENT_QUIZ_MAX 6
#define CONTENT_ANSWERS_MIN 2       /* answers to a question */
#define CONTENT_ANSWERS_MAX 4
#define CONTENT_POINTS_MAX 3        /* points one answer gives one degree */

typedef struct {
    char *text;                     /* what the visitor taps */
    size_t *degrees;                /* indices into content.degrees, distinct */
    int *points;                    /* 1..CONTENT_POINTS_MAX for each of them */
    size_t n_degrees;               /* at least one */
} content_answer;

typedef struct {
    char *text;
    content_answer *answers;        size_t n_answers;
} content_question;

/* A notice for visitors (notices.json): shown on every screen while it
 * applies, urgent ones in a high-contrast bar over everything. */
typedef enum { CONTENT_NOTICE_INFO, CONTENT_NOTICE_URGENT } content_notice_level;
#define CONTENT_NOTICE_MAX 160      /* characters: a notice is one or two lines */

typedef struct {
    char *text;
    content_notice_level level;
    int start, end;                 /* minutes of the day, -1 when not given;
                                     * end > start when both are */
} content_notice;

/* Every fixed string of the interface and every colour of the theme, from
 * the one table of them (content_strings.h): CONTENT_STR_BACK ... with
 * CONTENT_STR_COUNT, and CONTENT_COLOR_BACKGROUND ... with
 * CONTENT_COLOR_COUNT. */
typedef enum {
#define CONTENT_STRING(id, key, text) CONTENT_STR_##id,
#include "content_strings.h"
#undef CONTENT_STRING
    CONTENT_STR_COUNT
} content_str;

/* strings.json's key of each string. */
extern const char *const content_string_keys[CONTENT_STR_COUNT];

typedef enum {
#define CONTENT_COLOR(id, key, hex) CONTENT_COLOR_##id,
#include "content_strings.h"
#undef CONTENT_COLOR
    CONTENT_COLOR_COUNT
} content_color;

extern const char *const content_color_keys[CONTENT_COLOR_COUNT];

#define CONTENT_LANGUAGES_MAX 8     /* declared visitor languages */

/* Bytes read once and shared: a font or image of the content's snapshot,
 * held by the model that read it and by whoever still uses it (a font face
 * opened from memory outlives the model it came with, until the faces are
 * replaced). Counted references, on one thread. */
typedef struct content_blob {
    size_t refs;
    size_t len;
    uint64_t hash;       /* FNV-1a of the bytes: "the same file" across loads */
    char bytes[];
} content_blob;
/* A new blob holding a copy of len bytes, one reference; aborts when out
 * of memory, like the loader. */
content_blob *content_blob_create(const void *bytes, size_t len);
content_blob *content_blob_ref(content_blob *b);     /* NULL passes through */
void content_blob_unref(content_blob *b);            /* NULL: nothing */

/* A file the content names (a font file, a degree's image), as read in the
 * same snapshot as its JSON files. */
typedef struct {
    char *path;          /* relative to the content dir, as written */
    content_blob *blob;
} content_asset;

/* The most a font or image file may hold, and all of them together: far
 * beyond any real photo or face, and a bound on what a load holds. */
#define CONTENT_ASSET_MAX (32u << 20)
#define CONTENT_ASSETS_TOTAL (256u << 20)

typedef struct content content;

struct content {
    char *dir;           /* the directory loaded */
    int schema;
    char *language;      /* the language of this model's texts, e.g. "de" */
    /* The declared visitor languages (openday.json "languages", in its
     * order; without it, just `language`), shared by every model of the set,
     * and each one's model: variants[i] is the model in languages[i], the
     * one for the default language being the model content_load returned.
     * Owned by that model (the others point to it through `base`); read them
     * through content_language_count and content_in_language. Models built
     * in code have none (n_languages 0): one language. */
    char **languages;    size_t n_languages;
    content **variants;
    size_t language_index;   /* this model's index in languages */
    const content *base;     /* the model owning the set; NULL for that one */
    char *title, *subtitle;
    char *version, *date;
    char *attribution;   /* who the comparison is based on */
    char *about;         /* further text for the About screen, may be "" */
    char *conclusion;    /* the take-away sentence, shown on Compare and BA/BS */

    content_degree *degrees; size_t n_degrees;
    content_career *careers; size_t n_careers;
    content_award *awards;   size_t n_awards;
    char *awards_intro;
    content_award_row *award_rows; size_t n_award_rows;
    content_slide *slides;   size_t n_slides;
    unsigned slide_ms;       /* how long each attract slide shows */
    char *careers_note;      /* general caveat for the career paths screen */
    char *url_base;          /* openday.json "url_base", may be "" */

    /* talks.json: absent, an empty day (no talks) */
    content_talk *talks;     size_t n_talks;
    char *talks_date;        /* the day, "2026-11-25"; "" without talks.json */
    bool has_talks;          /* talks.json was there */

    /* quiz.json: absent, no questions (n_questions 0) */
    content_question *questions; size_t n_questions;
    /* notices.json: absent, none */
    content_notice *notices;     size_t n_notices;

    od_color colors[CONTENT_COLOR_COUNT];
    char *font_family;       /* fontconfig family name, e.g. "Inter" */
    char *font_file[2];      /* optional font files inside the content dir (regular,
                              * bold), relative paths as written, may be "" */
    char *strings[CONTENT_STR_COUNT];
    unsigned absent;         /* bit i set when optional content_files[i] is not there */
    unsigned unreadable;     /* loader-internal: bit i set when content_files[i]
                              * could not be read or parsed */
    /* The bytes of content_files[i] exactly as read and validated (owned;
     * NULL when the model came from elsewhere). The last-known-good copy is
     * written from these, never read again from the folder, where an
     * editor's later save would slip in unvalidated (store.h). */
    char *raw[CONTENT_NFILES];
    size_t raw_len[CONTENT_NFILES];
    /* The fonts and images it names, read in the same snapshot as raw[]
     * (owned by the set's base model; content_asset_of finds them). They
     * stay when content_drop_raw drops raw[]: the screen draws from them. */
    content_asset *assets;   size_t n_assets;
    /* Loader-internal: the degrees' and careers' ids by hash, so that
     * resolving a reference does not search the list (content_find_*). A
     * table made for another count of entries is not used. */
    struct content_ids { size_t *slot, cap, n; } degree_ids, career_ids;
};

/* The snapshot's bytes of asset `rel` (a font_file or degree image as
 * written), or NULL when the model has none for it (one built in code). */
content_blob *content_asset_of(const content *c, const char *rel);

/* The files' names ("openday.json" ...), indexed by content_file_id: the
 * required ones, then the optional ones. */
extern const char *const content_files[CONTENT_NFILES];

/* Load and validate every file in dir. Returns the model, or NULL when any
 * error was found (all problems, not just the first, are in report). */
content *content_load(const char *dir, content_report *report);

/* Where the files come from. read() fills *text with a malloc'd buffer the
 * loader frees, holding at most max + 1 bytes (so a file over the limit shows
 * as len > max), and returns 0; or returns an errno value. The default source
 * reads the file system; the fuzzer and tests serve files from memory. Asset
 * paths (images, fonts) are checked on the file system under dir, then
 * their bytes read through the source (max CONTENT_ASSET_MAX). A load reads
 * each file once. */
typedef struct {
    int (*read)(void *ud, const char *path, size_t max, char **text, size_t *len);
    void *ud;
} content_source;
content *content_load_from(const char *dir, const content_source *src,
                           content_report *report);

/* What a load may check beyond the files themselves, through callbacks, so
 * the loader stays pure (the platform answers them; NULL members: not
 * checked). */
typedef struct {
    /* The first code point of the visible text `text` that no installed font
     * can draw, or 0 when it all can. Each one found becomes a warning at
     * that text's place in its file (FILE:LINE:COL). */
    uint32_t (*glyph_missing)(void *ctx, const char *text);
    void *ctx;
} content_options;

/* content_load_from with options; src NULL reads the file system, opts NULL
 * checks nothing more (content_load_from is this with NULL opts). */
content *content_load_with(const char *dir, const content_source *src,
                           const content_options *opts, content_report *report);
void content_destroy(content *c);
/* Free the validated bytes (content.raw) once nothing will copy them again:
 * the reload keeps its last-known-good copy right after a load and then
 * drops them, so a running kiosk holds the model, not the files as well
 * (1000 degrees: 1.2 MiB). After this, store_save would read the folder. */
void content_drop_raw(content *c);

/* ---- visitor languages ----
 * Each accepts any model of a set (the default's or a variant). */
/* How many visitor languages the set has (1 when none are declared). */
size_t content_language_count(const content *c);
/* The model of the set in language i (< content_language_count); with one
 * language, the set's own model. */
const content *content_in_language(const content *c, size_t i);
/* The index of the set's default language (the model content_load returned). */
size_t content_default_language(const content *c);
/* The index of the language with code `code`, or (size_t)-1. */
size_t content_find_language(const content *c, const char *code);
/* Language i's own name for people (strings.json "language_name" in that
 * language), or its code when the content gives none. */
const char *content_language_name(const content *c, size_t i);

/* Indices by id; return (size_t)-1 when absent. Constant time on a loaded
 * model (and after content_link); a model changed since searches. */
size_t content_find_degree(const content *c, const char *id);
size_t content_find_career(const content *c, const char *id);

/* True when career ci is reached from more than one degree: the one rule for
 * "shared" careers, used by the screens and the web export alike. */
bool content_career_shared(const content *c, size_t ci);
/* The colour that stands for award ai: its own from awards.json, else the
 * theme's accent; never a degree's (an award is shared by many degrees). */
od_color content_award_color(const content *c, size_t ai);

/* ---- building a model in code (tests, tools) ----
 * content_create returns an empty model with the loader's defaults: every
 * text "" (the font family "Inter"), the built-in strings and colours, no
 * degrees, careers, awards or slides. The caller fills it following the
 * ownership rules above (every string and array its own malloc'd block,
 * which content_destroy frees), then calls content_link to derive what the
 * loader derives (careers[].degrees from degrees[].careers, a mark for each
 * degree without one; it replaces any
 * earlier derivation). Nothing is validated. Out of memory aborts, as in the
 * loader. */
content *content_create(void);
void content_link(content *c);
/* Index the degrees' and careers' ids again (content_link does). */
void content_index_ids(content *c);

/* The built-in text and colour for a key: what a model gets when its files
 * leave it out, and what a screen drawn without any model (the staff exit
 * over the staff screen) uses. Static storage; never NULL. */
const char *content_default_string(content_str k);
od_color content_default_color(content_color k);

#endif
