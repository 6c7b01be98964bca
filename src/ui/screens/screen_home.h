/* screen_home.h - Home: the degrees as tappable cards (award, name, tagline and
 * as much of the rest as the first screen holds) and the entries to the
 * other screens. A page of the screen table (screen.h says what every
 * page function promises): draws in page coordinates through the toolkit
 * and returns the height of its content with the bottom padding. */
#ifndef OPENDAY_SCREEN_HOME_H
#define OPENDAY_SCREEN_HOME_H

#include "lay.h"

float screen_home_draw(lay *L, const view_place *p);

#endif
