/* screens.h - the screens' layout functions, one per row of the screen table
 * (screen.c), implemented in layout_screens.c, layout_careers.c and
 * layout_attract.c.
 *
 * Each draws one page through the toolkit (lay.h) and nothing else: it sees
 * no other screen, no table and no dispatcher. A page body draws in page
 * coordinates (y = 0 at the top of the scrolled body, under the header) and
 * returns the height of its content including the bottom padding. A full
 * screen (the attract loop) draws the whole screen, has no header and
 * returns the screen height. Pure; nothing allocated beyond the builder's
 * scratch. Place p is valid for L->c (view_place_valid). */
#ifndef OPENDAY_SCREENS_H
#define OPENDAY_SCREENS_H

#include "lay.h"

float lay_screen_home(lay *L, const view_place *p);
float lay_screen_degree(lay *L, const view_place *p);
float lay_screen_compare(lay *L, const view_place *p);
float lay_screen_careers(lay *L, const view_place *p);
float lay_screen_career(lay *L, const view_place *p);
float lay_screen_babs(lay *L, const view_place *p);
float lay_screen_about(lay *L, const view_place *p);
/* The day's talks as a timeline (layout_today.c). */
float lay_screen_today(lay *L, const view_place *p);
/* "Next talk: 14:00, Room 2.14" for degree d when the clock is known and
 * one is on or to come (layout_today.c); returns its height, 0 for none. */
float lay_next_talk(lay *L, float x, float y, float w, size_t d, int box);

/* "Which degree suits me?" (layout_quiz.c): question p->a with its answers,
 * and the degrees ranked by the answers in L->in->quiz. */
float lay_screen_quiz(lay *L, const view_place *p);
float lay_screen_quiz_result(lay *L, const view_place *p);

/* The attract loop: full screen, its own background; reads the slides and
 * the pulse from L->in. */
float lay_screen_attract(lay *L, const view_place *p);

#endif
