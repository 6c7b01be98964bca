/* app.h - the visitor-facing state machine: where the visitor is, where they
 * came from, what is animating, and what input does.
 *
 * Pure: no SDL and no clock. Input events and the current time (monotonic
 * milliseconds) are passed in, so tests drive a whole journey in simulated
 * time. The app owns its scene and lays it out again whenever something has
 * changed; hit tests use the scene the visitor is looking at.
 *
 * app_create returns a heap object freed with app_destroy; it borrows the
 * content model (which must outlive it, or be replaced with app_set_content)
 * and copies the config and the layout environment. It fails (NULL) only when
 * out of memory. Passing out-of-range values is a programming error (assert). */
#ifndef OPENDAY_APP_H
#define OPENDAY_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "content.h"
#include "input.h"
#include "frame.h"
#include "reader.h"
#include "scene.h"
#include "view.h"
#include "visitor_access.h"

typedef struct {
    unsigned attract_after_ms;   /* idle time before the attract loop; 0 = never */
    /* How long before that return a countdown warns the visitor, default
     * 20000; 0 = no warning. Never more than half the idle time, so a
     * visitor always has a quiet half after each touch. */
    unsigned reset_warning_ms;
    unsigned transition_ms;      /* page transitions, default 250 */
    unsigned slide_fade_ms;      /* attract crossfade, default 700 */
    bool loop;                   /* unattended: attract loop forever, input ignored */
    bool mounted_high;           /* the panel hangs high: navigation at the bottom */
    /* ---- Read aloud (speech) ---- */
    bool speech_available;       /* the platform can speak: the choice may be offered */
    reader_sink speech;          /* where utterances go (reader.h); zero: nowhere */
    /* ---- end Read aloud ---- */
} app_config;

void app_config_defaults(app_config *cfg);

typedef struct app app;

app *app_create(const content *c, const app_config *cfg, const lay_env *env,
                uint64_t now_ms);
void app_destroy(app *a);

/* The picture changed size (window resized, display mode changed). */
void app_resize(app *a, int w, int h);
/* The panel's pixels per inch or the viewing distance became known (the
 * display was asked once the window existed); <= 0 keeps the layout's
 * defaults. Lays out again; drops a finger in progress. */
void app_set_physical(app *a, float dpi, float distance_cm);
/* The wall clock's time of day, for the day's talks: `minute` (0-1439)
 * at now_ms, advancing with the monotonic time from there; -1, or
 * trusted false, when it is unknown or cannot be trusted (the screens then
 * show the whole day without "now" and "next"). Lays out again when the
 * minute on screen changes. */
void app_set_clock(app *a, int minute, bool trusted, uint64_t now_ms);
/* Replace the content (live reload); returns visitors to Home when their
 * place no longer exists. */
void app_set_content(app *a, const content *c);
/* The authors' banner (refused.h): the first problem of a save the
 * kiosk refused, shown over the page until cleared with NULL (copied).
 * Only for staff's eyes: the kiosk hands it over in the windowed preview,
 * never in kiosk mode. Lays out again when it changes. */
void app_set_refused(app *a, const lay_refused *r);
const lay_refused *app_refused(const app *a);

/* Feed one input event (logical pixels). */
void app_input(app *a, const input_event *ev);
/* Advance time to now_ms (monotonic, never decreasing). */
void app_update(app *a, uint64_t now_ms);

/* Something moves by itself (transition, scroll inertia, attract loop). */
bool app_animating(const app *a);
/* The picture differs from the last one returned by app_scene. */
bool app_dirty(const app *a);
/* Milliseconds from now until the next timed change when nothing animates
 * (idle timeout, next attract slide, the next wall-clock minute while the
 * day's talks or a timed notice change with it); UINT64_MAX when none. */
uint64_t app_wait_ms(const app *a, uint64_t now_ms);

/* For simulated time (replays, soak): milliseconds over which frames may be
 * skipped without changing anything but the picture in between. While
 * something moves as a pure function of the clock (the attract loop's
 * fades and pulse), that is until the next change that happens on a frame
 * (the next slide); while idle, until the idle timeout; 0 while anything is
 * integrated frame by frame (scroll inertia, a page transition) or a finger
 * is down. UINT64_MAX when nothing will ever change by itself. */
uint64_t app_skip_ms(const app *a, uint64_t now_ms);

/* The scene for the current frame, laid out again if needed. Valid until the
 * next call into the app. */
const scene *app_scene(app *a);

/* The current place, and its name as in --screen / expect-screen. The name
 * reflects the destination as soon as a transition starts. */
view_place app_place(const app *a);
void app_place_name(const app *a, char *buf, size_t n);
/* Jump to a named place without animation (screenshots, tests). Besides
 * the place names, "quiz-result:2,1,3" shows the quiz's result for those
 * answers (one a question, counted from 1), and a name followed by
 * "+languages" ("home+languages") shows that place with the language
 * chooser open (false when the content has one language).
 *
 * The quiz (VIEW_ACT_ANSWER) keeps the visitor's answers in the app for the
 * visit: each answer opens the next question or the result (Back returns
 * to the question before, its answer marked); the attract loop forgets
 * them. */
bool app_goto(app *a, const char *name, uint64_t now_ms);
/* The place as the usage counts take it (usage.h): app_place_name's, but
 * the quiz's result carries the id of the degree it ranks first
 * ("quiz-result:ID"; bare when no degree has a point). Nothing else about
 * the answers leaves the app. */
void app_usage_place(const app *a, char *buf, size_t n);

/* ---- Read aloud (speech) --------------------------------------------------
 * With Read aloud on, the app speaks through app_config.speech (reader.h):
 *   - each screen in reading order once it has opened (its transition
 *     settled), from the same account of the frame that --dump writes
 *     (narrate.h), leaving out Back, Home and the control bar;
 *   - explore by touch: a first tap on a target speaks it and puts the focus
 *     ring on it, a second tap on the same target activates it; a tap on
 *     another target speaks that one; a tap on plain text speaks its
 *     paragraph; moving the keyboard focus speaks the focused target;
 *   - a control bar at the bottom of every screen (speechbar.h): Stop,
 *     Repeat, Quieter, Louder, which act on the first tap;
 *   - the attract loop (the end of a visit) turns it off and puts the volume
 *     back to its default.
 * app_set_read_aloud(a, true) does nothing unless speech_available. */
void app_set_read_aloud(app *a, bool on);
bool app_read_aloud(const app *a);
/* The volume utterances carry now (percent, reader.h). */
int app_speech_volume(const app *a);
/* ---- end Read aloud ---- */
/* ---- accessibility ----
 * The visitor's choices from the accessibility panel (visitor_access.h).
 * They apply at once and last until the visit ends: the return to the
 * attract loop turns them all off and closes the panel. */
typedef visitor_access_choices app_access;

app_access app_get_access(const app *a);
/* Set every choice at once (screenshots, replays, tests): lays out again.
 * read_aloud is kept off unless config.speech_available. */
void app_set_access(app *a, const app_access *acc);
/* The choices as a view_access_choice bit set, and back
 * (visitor_access_bits, visitor_access_from_bits). */
unsigned app_access_bits(const app_access *acc);
app_access app_access_from_bits(unsigned bits);
/* The colour under the picture (high contrast has its own). */
od_color app_background(const app *a);
/* The accessibility panel is open. */
bool app_access_open(const app *a);
/* Seconds shown by the reset warning's countdown; 0 when it is not shown. */
unsigned app_reset_warning(const app *a);

/* ---- visitor languages ----
 * When the content has more than one language (content.h), the language
 * button (Home's bar, the attract loop's corner) opens a chooser; the
 * choice applies at once (every screen laid out again in it, the visitor
 * staying where they are, Read aloud in its voice) and lasts until the visit
 * ends: the return to the attract loop goes back to the content's default
 * language. A reload keeps the language when the new content has it.
 * app_scene and the place names read the model of the language on screen;
 * app_create and app_set_content take any model of the set. */
/* The index of the language on screen (content_in_language). */
size_t app_language(const app *a);
/* Show language i (< content_language_count) without a visitor choosing it
 * (screenshots, replays, tests); not counted by app_languages_chosen. */
void app_set_language(app *a, size_t i);
/* The language chooser is open. */
bool app_language_open(const app *a);
/* How many times a visitor has picked another language, ever (the usage
 * counts read it). */
uint32_t app_languages_chosen(const app *a);

/* Check internal invariants; on failure writes why and returns false. */
bool app_check(const app *a, char *why, size_t n);

/* Read-only view for tests and --stats. */
typedef struct {
    bool pressed;         /* a press-feedback highlight is showing */
    bool transitioning;
    float scroll, scroll_max;
    size_t history;
    size_t slide;
    uint64_t layouts;     /* number of layouts done */
    size_t wrap_entries, wrap_bytes; /* the cache of wrapped lines (lay.h) */
} app_info;
void app_get_info(const app *a, app_info *out);

/* Drop the wrapped lines kept from frame to frame, so the next frame wraps
 * every paragraph again (the measurer's hyphenation changed). */
void app_forget_wraps(app *a);

#endif
