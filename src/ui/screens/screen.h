/* screen.h - the screen table: one row per screen, the single place that
 * says what a screen is called, what its place carries, its title, when the
 * content can show it, which action opens it and which function lays it out.
 *
 * Adding a screen: its id in view_types.h (view_screen), its file
 * screen_NAME.c with its header (drawn with the toolkit only; pieces other
 * screens draw too go to parts.h), its row here in screen.c, and its tests.
 * The app, the view rules (view.h), the dispatcher (frame.h) and the tests'
 * screen lists read the table; none of them names a screen except where a
 * screen has behaviour of its own (Home, the attract loop).
 *
 * What a row's function promises: it draws one page through the toolkit
 * (lay.h) and the shared parts (parts.h), and sees no table and no
 * dispatcher. A page body draws in page coordinates (y = 0 at the top of
 * the scrolled body, under the header) and returns the height of its
 * content including the bottom padding. A full screen (the attract loop)
 * draws the whole screen, has no header and returns the screen height.
 * Pure; nothing allocated beyond the builder's scratch. Place p is valid
 * for L->c (view_place_valid).
 *
 * Layers: in the screens layer (src/ui/screens), on top of the screens'
 * files, which it calls, and the toolkit; below the view rules (view.h),
 * the frame and the app. Pure, constant data; no allocation. */
#ifndef OPENDAY_SCREEN_H
#define OPENDAY_SCREEN_H

#include <stdbool.h>
#include "content.h"
#include "lay.h"
#include "view_types.h"

/* Titles that are not a fixed string (screen_def.title). */
enum {
    SCREEN_TITLE_NONE = -1,     /* no header at all */
    SCREEN_TITLE_SITE = -2,     /* the content's title (openday.json) */
    SCREEN_TITLE_SUBJECT = -3,  /* the name of the place's degree or career */
};

typedef struct {
    const char *name;           /* "ba-bs": --screen, expect-screen, replays */
    view_param param;           /* what its place carries */
    int title;                  /* a content_str key, or SCREEN_TITLE_* */
    /* NULL, or false when the content lacks what the screen shows (no
     * careers for the career paths); the place is then not valid. */
    bool (*ready)(const content *c);
    view_action opens;          /* the action of the buttons that open it;
                                   VIEW_ACT_NONE: only VIEW_ACT_OPEN (or its own logic) */
    bool full;                  /* draws the whole screen, no header, no scroll */
    float (*body)(lay *L, const view_place *p);
} screen_def;

/* Row of screen s, or NULL when s is not a screen id. */
const screen_def *screen_get(view_screen s);

/* The header title of place p ("" for none or a stale place). */
const char *screen_title(const content *c, const view_place *p);

#endif
