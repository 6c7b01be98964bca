/* view.h - the screens, the places a visitor can be, and the actions that
 * move between them. Shared by layout (which emits hit regions carrying
 * actions) and app (which performs them). Pure: no SDL. */
#ifndef OPENDAY_VIEW_H
#define OPENDAY_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include "content.h"

typedef enum {
    SCREEN_ATTRACT, SCREEN_HOME, SCREEN_DEGREE, SCREEN_COMPARE, SCREEN_CAREERS,
    SCREEN_CAREER, SCREEN_BABS, SCREEN_ABOUT, SCREEN_COUNT
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
    ACT_COUNT
} view_action;

/* A place: a screen plus its parameters. DEGREE: a = degree index;
 * CAREER: a = career index; COMPARE: a, b = left and right degree indices. */
typedef struct {
    view_screen screen;
    int a, b;
} view_place;

/* Screen names as used by --screenshot --screen and expect-screen:
 * "attract", "home", "degree", "compare", "careers", "career", "ba-bs", "about". */
extern const char *const view_screen_names[SCREEN_COUNT];

/* Write the full name of a place ("degree:music-production",
 * "compare:music-production,music-technology", "home") into buf. */
void view_place_name(const view_place *p, const content *c, char *buf, size_t n);

/* Parse a name as accepted by --screen. "compare" alone picks the first two
 * degrees. Returns false (out untouched) for unknown names or ids. */
bool view_place_parse(const char *name, const content *c, view_place *out);

/* True when `name` designates place p: either the full name, or the bare
 * screen name ("compare" matches every comparison). */
bool view_place_matches(const view_place *p, const content *c, const char *name);

#endif
