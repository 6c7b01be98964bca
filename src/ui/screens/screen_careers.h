/* screen_careers.h - the career map: a row per career carrying the marks of
 * the degrees that lead there, and degree keys that pick one degree to
 * bring its careers first (place "careers:ID"; screen_careers.c says why).
 * A page of the screen table (screen.h says what every
 * page function promises): draws in page coordinates through the toolkit
 * and returns the height of its content with the bottom padding. */
#ifndef OPENDAY_SCREEN_CAREERS_H
#define OPENDAY_SCREEN_CAREERS_H

#include "lay.h"

float screen_careers_draw(lay *L, const view_place *p);

#endif
