/* content.h - the content model, its loader and its validator.
 *
 * Pure: cJSON and libc only, no SDL. The model is read from a directory of JSON
 * files (see content/README.md for the format):
 *   openday.json   manifest: schema, title, version, date, language, about
 *   degrees.json   degrees, each listing its careers by id
 *   careers.json   careers, each with a one-line summary and optional caveat
 *   awards.json    the awards (BA, BS ...) and what they differ in
 *   attract.json   the attract-loop playlist
 *   theme.json     colours and font family
 *   strings.json   every fixed string of the user interface
 *   talks.json     optional: the day's talks and tours (absent: no Today screen)
 *   quiz.json      optional: "Which degree suits me?" (absent: no quiz on Home)
 *   notices.json   optional: short messages for visitors, perhaps timed
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

/* Every fixed string of the interface. Keep in step with content_string_keys. */
typedef enum {
    CONTENT_STR_TOUCH_TO_EXPLORE, CONTENT_STR_BACK, CONTENT_STR_HOME, CONTENT_STR_HOME_TITLE, CONTENT_STR_HOME_SUBTITLE,
    CONTENT_STR_COMPARE, CONTENT_STR_COMPARE_HINT, CONTENT_STR_CAREERS, CONTENT_STR_CAREERS_HINT, CONTENT_STR_BA_BS,
    CONTENT_STR_BA_BS_HINT, CONTENT_STR_ABOUT, CONTENT_STR_FOCUS, CONTENT_STR_AWARD, CONTENT_STR_TOPICS, CONTENT_STR_SOFTWARE,
    CONTENT_STR_MODULES, CONTENT_STR_HANDS_ON, CONTENT_STR_CAREER_PATHS, CONTENT_STR_LEADS_FROM, CONTENT_STR_CHECK,
    CONTENT_STR_SHARED, CONTENT_STR_PICK_LEFT, CONTENT_STR_PICK_RIGHT, CONTENT_STR_VERSION, CONTENT_STR_SWIPE_HINT,
    /* the staff exit's keypad; CONTENT_STR_ADMIN_LOCKED has "{seconds}" where the
     * remaining lock-out time goes */
    CONTENT_STR_ADMIN_TITLE, CONTENT_STR_ADMIN_WRONG, CONTENT_STR_ADMIN_LOCKED, CONTENT_STR_ADMIN_CLEAR, CONTENT_STR_ADMIN_OK,
    CONTENT_STR_ADMIN_CANCEL,
    /* speech (Read aloud): a target's role, a disabled one, the hint after
     * an item; the control bar; CONTENT_STR_SPEECH_VOLUME has "{percent}" */
    CONTENT_STR_SPEECH_BUTTON, CONTENT_STR_SPEECH_UNAVAILABLE, CONTENT_STR_SPEECH_AGAIN, CONTENT_STR_SPEECH_STOP,
    CONTENT_STR_SPEECH_REPEAT, CONTENT_STR_SPEECH_QUIETER, CONTENT_STR_SPEECH_LOUDER, CONTENT_STR_SPEECH_VOLUME,
    /* the buttons beside the gestures: CONTENT_STR_PREVIOUS and CONTENT_STR_NEXT have
     * "{name}" where the sibling's name goes; CONTENT_STR_SCROLL_DOWN and
     * CONTENT_STR_SCROLL_UP move a long page by a screen */
    CONTENT_STR_PREVIOUS, CONTENT_STR_NEXT, CONTENT_STR_SCROLL_DOWN, CONTENT_STR_SCROLL_UP,
    /* the accessibility panel and the warning before the visit resets */
    CONTENT_STR_ACCESS, CONTENT_STR_LARGE_TEXT, CONTENT_STR_HIGH_CONTRAST, CONTENT_STR_LESS_MOTION, CONTENT_STR_REACH,
    CONTENT_STR_READ_ALOUD, CONTENT_STR_ON, CONTENT_STR_OFF, CONTENT_STR_DONE, CONTENT_STR_RESET_WARNING,
    /* the day's talks (talks.json); CONTENT_STR_NEXT_TALK has "{time}" and "{room}" */
    CONTENT_STR_TODAY, CONTENT_STR_TODAY_HINT, CONTENT_STR_NOW, CONTENT_STR_TALK_NEXT, CONTENT_STR_NEXT_TALK, CONTENT_STR_TODAY_DONE,
    CONTENT_STR_QR_HINT,
    /* the quiz (quiz.json): CONTENT_STR_QUIZ_PROGRESS has "{n}" and "{total}",
     * CONTENT_STR_QUIZ_POINTS "{points}" (CONTENT_STR_QUIZ_POINT is the one for 1) */
    CONTENT_STR_QUIZ, CONTENT_STR_QUIZ_HINT, CONTENT_STR_QUIZ_PROGRESS, CONTENT_STR_QUIZ_RESULT, CONTENT_STR_QUIZ_RESULT_HINT,
    CONTENT_STR_QUIZ_BECAUSE, CONTENT_STR_QUIZ_POINTS, CONTENT_STR_QUIZ_POINT, CONTENT_STR_QUIZ_NONE, CONTENT_STR_QUIZ_AGAIN,
    /* the label of an urgent notice (notices.json), so that urgency is in
     * words as well as in the bar's colours */
    CONTENT_STR_NOTICE_URGENT,
    /* the attract loop's notices slide, above the notices */
    CONTENT_STR_NOTICES_TITLE,
    /* visitor languages (openday.json "languages"): the language's own name
     * ("Deutsch"), listed by the chooser, and the chooser's heading */
    CONTENT_STR_LANGUAGE_NAME, CONTENT_STR_LANGUAGE,
    /* the career map's degree chips and counts (CONTENT_STR_N_DEGREES has "{n}"),
     * Today's folded talks (CONTENT_STR_EARLIER_TALKS has "{n}") */
    CONTENT_STR_ALL_DEGREES, CONTENT_STR_N_DEGREES, CONTENT_STR_OTHER_CAREERS, CONTENT_STR_EARLIER_TALKS, CONTENT_STR_EARLIER_TALK,
    CONTENT_STR_COUNT
} content_str;

extern const char *const content_string_keys[CONTENT_STR_COUNT];

typedef enum {
    CONTENT_COLOR_BACKGROUND, CONTENT_COLOR_SURFACE, CONTENT_COLOR_SURFACE_ALT, CONTENT_COLOR_TEXT, CONTENT_COLOR_MUTED,
    CONTENT_COLOR_ACCENT, CONTENT_COLOR_ACCENT_TEXT, CONTENT_COLOR_SHARED, CONTENT_COLOR_CAVEAT, CONTENT_COLOR_LINE,
    CONTENT_COLOR_COUNT
} content_color;

extern const char *const content_color_keys[CONTENT_COLOR_COUNT];

#define CONTENT_LANGUAGES_MAX 8     /* declared visitor languages */

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
};

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
 * paths (images, fonts) are still checked on the file system under dir. */
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

/* Indices by id; return (size_t)-1 when absent. */
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

/* The built-in text and colour for a key: what a model gets when its files
 * leave it out, and what a screen drawn without any model (the staff exit
 * over the staff screen) uses. Static storage; never NULL. */
const char *content_default_string(content_str k);
od_color content_default_color(content_color k);

#endif
