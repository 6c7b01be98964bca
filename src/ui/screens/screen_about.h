/* screen_about.h - About: the content's title, version, date, attribution
 * and text. A page of the screen table (screen.h says what every
 * page function promises): draws in page coordinates through the toolkit
 * and returns the height of its content with the bottom padding. */
#ifndef OPENDAY_SCREEN_ABOUT_H
#define OPENDAY_SCREEN_ABOUT_H

#include "lay.h"

float screen_about_draw(lay *L, const view_place *p);

#endif
