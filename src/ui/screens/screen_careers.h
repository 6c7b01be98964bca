/* screen_careers.h - the career map: the careers grouped by the set of
 * degrees that lead there, one card per set (screen_careers.c says why).
 * A page of the screen table (screen.h says what every
 * page function promises): draws in page coordinates through the toolkit
 * and returns the height of its content with the bottom padding. */
#ifndef OPENDAY_SCREEN_CAREERS_H
#define OPENDAY_SCREEN_CAREERS_H

#include "lay.h"

float screen_careers_draw(lay *L, const view_place *p);

#endif
