/* view_types.h - the vocabulary shared by layout (which emits hit regions
 * carrying actions) and the app (which performs them): screen ids, places,
 * actions, the speech controls and the accessibility choices.
 *
 * Types only, so the toolkit, the lowest UI layer, can name a place or an
 * action without seeing the screen table. The rules about places (names,
 * validity, siblings) read that table, so they live above it: view.h in the
 * screens layer. Pure: no SDL, no code. */
#ifndef OPENDAY_VIEW_TYPES_H
#define OPENDAY_VIEW_TYPES_H

/* Screen ids: the rows of the screen table, in its order. */
typedef enum {
    VIEW_SCREEN_ATTRACT, VIEW_SCREEN_HOME, VIEW_SCREEN_DEGREE, VIEW_SCREEN_COMPARE, VIEW_SCREEN_CAREERS,
    VIEW_SCREEN_CAREER, VIEW_SCREEN_BABS, VIEW_SCREEN_ABOUT, VIEW_SCREEN_TODAY, VIEW_SCREEN_QUIZ, VIEW_SCREEN_QUIZ_RESULT,
    VIEW_SCREEN_COUNT
} view_screen;

typedef enum {
    VIEW_ACT_NONE,
    VIEW_ACT_WAKE,        /* attract loop: any touch */
    VIEW_ACT_BACK, VIEW_ACT_HOME,
    VIEW_ACT_DEGREE,      /* arg: degree index */
    VIEW_ACT_CAREER,      /* arg: career index */
    VIEW_ACT_COMPARE, VIEW_ACT_CAREERS, VIEW_ACT_BABS, VIEW_ACT_ABOUT,
    VIEW_ACT_PICK_LEFT,   /* compare: arg = degree index for the left column */
    VIEW_ACT_PICK_RIGHT,  /* compare: arg = degree index for the right column */
    VIEW_ACT_OPEN,        /* arg: a screen id; opens that screen at its default place
                        (a new screen needs no action of its own) */
    VIEW_ACT_SPEECH,      /* Read aloud's control bar: arg = a view_speech_control */
    VIEW_ACT_SIBLING,     /* the next (arg +1) or previous (arg -1) degree or career:
                        the button beside the swipe, so no swipe is needed */
    VIEW_ACT_SCROLL,      /* the page's body a screen down (arg +1) or up (arg -1):
                        the button beside the drag, so no drag is needed */
    VIEW_ACT_ACCESS,      /* the accessibility button: opens or closes its panel */
    VIEW_ACT_ACCESS_SET,  /* a row of the panel: arg = view_access_choice, toggles it */
    VIEW_ACT_STAY,        /* the reset warning: any touch keeps the visit going */
    VIEW_ACT_ANSWER,      /* the quiz: arg = the chosen answer of the question on
                        screen; -1 forgets every answer and starts again */
    VIEW_ACT_LANGUAGE,    /* the language button: opens or closes the chooser (on
                        the attract loop: wakes the kiosk with it open) */
    VIEW_ACT_LANGUAGE_SET, /* a row of the chooser: arg = the language's index
                         (content_in_language) */
    VIEW_ACT_TODAY,       /* Today: arg 1 with the talks that are over unfolded, 0 folded */
    VIEW_ACT_NOTICE,      /* the notices band shortened to one line: arg 0 opens
                         every notice whole over the page, -1 closes them */
    VIEW_ACT_COUNT
} view_action;

/* The buttons of Read aloud's control bar (VIEW_ACT_SPEECH's arg). */
typedef enum {
    VIEW_SPEECH_STOP, VIEW_SPEECH_REPEAT, VIEW_SPEECH_QUIETER, VIEW_SPEECH_LOUDER, VIEW_SPEECH_CONTROL_COUNT
} view_speech_control;

/* The visitor's accessibility choices (the panel's rows, --access). */
typedef enum {
    VIEW_ACCESS_LARGE_TEXT, VIEW_ACCESS_HIGH_CONTRAST, VIEW_ACCESS_LESS_MOTION,
    VIEW_ACCESS_REACH, VIEW_ACCESS_READ_ALOUD, VIEW_ACCESS_COUNT
} view_access_choice;


/* What a screen's place carries in view_place.a and .b. */
typedef enum {
    VIEW_PARAM_NONE,         /* nothing: "home" */
    VIEW_PARAM_DEGREE,       /* a = degree index: "degree:ID" */
    VIEW_PARAM_CAREER,       /* a = career index: "career:ID" */
    VIEW_PARAM_DEGREE_PAIR,  /* a, b = two different degree indices: "compare:ID,ID";
                                the bare name means the first two degrees */
    VIEW_PARAM_QUESTION,     /* a = quiz question index: "quiz:2" is the second
                                (counted from 1); the bare name the first */
    VIEW_PARAM_DEGREE_PICK,  /* a = 0 (the bare name) or 1 + the index of the degree
                                picked on the screen: "careers:ID" */
    VIEW_PARAM_UNFOLD,       /* a = 1 when folded items are shown: "today:all";
                                the bare name folds them */
} view_param;

/* A place: a screen plus its parameters, as its screen's view_param says. */
typedef struct {
    view_screen screen;
    int a, b;
} view_place;

#endif
