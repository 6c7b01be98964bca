/* screen_compare.h - two degrees side by side (p->a, p->b): their heads,
 * then one row per kind of fact, and the pickers that change either side.
 * A page of the screen table (screen.h says what every
 * page function promises): draws in page coordinates through the toolkit
 * and returns the height of its content with the bottom padding. */
#ifndef OPENDAY_SCREEN_COMPARE_H
#define OPENDAY_SCREEN_COMPARE_H

#include "lay.h"

float screen_compare_draw(lay *L, const view_place *p);

#endif
