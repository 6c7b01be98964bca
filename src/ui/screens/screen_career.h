/* screen_career.h - the page of one career (p->a): what it is, the
 * degrees that lead there as tappable keys, and its QR code. A page of the screen table (screen.h says what every
 * page function promises): draws in page coordinates through the toolkit
 * and returns the height of its content with the bottom padding. */
#ifndef OPENDAY_SCREEN_CAREER_H
#define OPENDAY_SCREEN_CAREER_H

#include "lay.h"

float screen_career_draw(lay *L, const view_place *p);

#endif
