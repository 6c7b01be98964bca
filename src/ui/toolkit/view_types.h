/* view.h - the vocabulary shared by layout (which emits hit regions carrying
 * actions) and the app (which performs them): screen ids, places, actions,
 * and the rules about places (names, validity, siblings).
 *
 * Every rule here is read from the screen table (screen.h): a screen's name,
 * what its place carries and when it is valid are written in its table row
 * and nowhere else, so these functions hold no per-screen cases.
 *
 * Pure: no SDL, no allocation. Functions taking a content model only read
 * it; a place is valid only against the model it was made for. */
#ifndef OPENDAY_VIEW_H
#define OPENDAY_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include "content.h"

/* Screen ids: the rows of the screen table, in its order. */
typedef enum {
    SCREEN_ATTRACT, SCREEN_HOME, SCREEN_DEGREE, SCREEN_COMPARE, SCREEN_CAREERS,
    SCREEN_CAREER, SCREEN_BABS, SCREEN_ABOUT, SCREEN_TODAY, SCREEN_QUIZ, SCREEN_QUIZ_RESULT,
    SCREEN_COUNT
} view_screen;

typedef enum {
    ACT_NONE,
    ACT_WAKE,        /* attract loop: any touch */
    ACT_BACK, ACT_HOME,
    ACT_DEGREE,      /* arg: degree index */
    ACT_CAREER,      /* arg: career index */
    ACT_COMPARE, ACT_CAREERS, ACT_BABS, ACT_ABOUT,
    ACT_PICK_LEFT,   /* compare: arg = degree index for the left column */
    ACT_PICK_RIGHT,  /* compare: arg = degree index for the right column */
    ACT_OPEN,        /* arg: a screen id; opens that screen at its default place
                        (a new screen needs no action of its own) */
    ACT_SPEECH,      /* Read aloud's control bar: arg = a view_speech_control */
    ACT_SIBLING,     /* the next (arg +1) or previous (arg -1) degree or career:
                        the button beside the swipe, so no swipe is needed */
    ACT_SCROLL,      /* the page's body a screen down (arg +1) or up (arg -1):
                        the button beside the drag, so no drag is needed */
    ACT_ACCESS,      /* the accessibility button: opens or closes its panel */
    ACT_ACCESS_SET,  /* a row of the panel: arg = view_access_choice, toggles it */
    ACT_STAY,        /* the reset warning: any touch keeps the visit going */
    ACT_ANSWER,      /* the quiz: arg = the chosen answer of the question on
                        screen; -1 forgets every answer and starts again */
    ACT_LANGUAGE,    /* the language button: opens or closes the chooser (on
                        the attract loop: wakes the kiosk with it open) */
    ACT_LANGUAGE_SET, /* a row of the chooser: arg = the language's index
                         (content_in_language) */
    ACT_COUNT
} view_action;

/* The buttons of Read aloud's control bar (ACT_SPEECH's arg). */
typedef enum {
    SPEECH_STOP, SPEECH_REPEAT, SPEECH_QUIETER, SPEECH_LOUDER, SPEECH_CONTROL_COUNT
} view_speech_control;

/* The visitor's accessibility choices (the panel's rows, --access). */
typedef enum {
    VIEW_ACCESS_LARGE_TEXT, VIEW_ACCESS_HIGH_CONTRAST, VIEW_ACCESS_LESS_MOTION,
    VIEW_ACCESS_REACH, VIEW_ACCESS_READ_ALOUD, VIEW_ACCESS_COUNT
} view_access_choice;

/* The choice's name for people and tools ("large-text", "high-contrast",
 * "less-motion", "reach", "read-aloud"); "" for an unknown one. */
const char *view_access_name(int choice);
/* Parse a comma-separated list of those names ("" or "none": no choice)
 * into a bit set (1 << choice). False for an unknown name. */
bool view_access_parse(const char *list, unsigned *bits);

/* What a screen's place carries in view_place.a and .b. */
typedef enum {
    VIEW_PARAM_NONE,         /* nothing: "home" */
    VIEW_PARAM_DEGREE,       /* a = degree index: "degree:ID" */
    VIEW_PARAM_CAREER,       /* a = career index: "career:ID" */
    VIEW_PARAM_DEGREE_PAIR,  /* a, b = two different degree indices: "compare:ID,ID";
                                the bare name means the first two degrees */
    VIEW_PARAM_QUESTION,     /* a = quiz question index: "quiz:2" is the second
                                (counted from 1); the bare name the first */
} view_param;

/* A place: a screen plus its parameters, as its screen's view_param says. */
typedef struct {
    view_screen screen;
    int a, b;
} view_place;

/* The screen's name ("degree", "ba-bs"), "" for an unknown id. */
const char *view_screen_name(view_screen s);

/* Write the full name of a place ("degree:music-production",
 * "compare:music-production,music-technology", "home") into buf. The place
 * must be valid for c. */
void view_place_name(const view_place *p, const content *c, char *buf, size_t n);

/* Parse a name as accepted by --screen. Returns false (out untouched) for
 * unknown names or ids, or a parameter the screen does not take. */
bool view_place_parse(const char *name, const content *c, view_place *out);

/* True when `name` designates place p: either the full name, or the bare
 * screen name ("compare" matches every comparison). */
bool view_place_matches(const view_place *p, const content *c, const char *name);

/* True when p can be shown with c: its parameters name existing items and
 * the screen's table row finds what it needs in c. */
bool view_place_valid(const view_place *p, const content *c);

/* Carry p from model `from` over to model `to` by ids (a reload may reorder
 * degrees and careers). False, p unspecified, when it no longer exists. */
bool view_place_remap(const content *from, const content *to, view_place *p);

/* How many siblings a swipe moves between on p's screen (the degrees for a
 * degree, the careers for a career); 0 when the screen has none. */
size_t view_place_siblings(const view_place *p, const content *c);

/* The place a tap on (action, arg) opens, when the action opens a screen
 * (ACT_DEGREE, ACT_OPEN, ...). False for every other action. The place is
 * not checked against the content: see view_place_valid. */
bool view_place_for_action(int action, int arg, view_place *out);

/* What a tap on a hit region (action, arg) does, in words for people and
 * tools (the --dump account): "back", "home", "wake", "open degree:ID",
 * "open career:ID", "screen compare", "pick first degree:ID", "pick second
 * degree:ID", "next", "previous", "page down", "page up", "accessibility",
 * "toggle large-text" (view_access_name), "stay", "answer 2" (counted
 * from 1), "start the quiz again", "languages" (the language button),
 * "language de" (a row of the chooser, by code); an index c does not have
 * reads "open degree #7 (missing)",
 * and an action this table does not know "action 42 arg 7". c may be NULL
 * (the staff screen): items are then named by index. Writes into buf,
 * truncating to n. */
void view_action_name(int action, int arg, const content *c, char *buf, size_t n);

#endif
