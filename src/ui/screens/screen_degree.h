/* screen_degree.h - the page of one degree (p->a): its hero with the QR
 * code of its web page, the next talk, and its sections in as many columns
 * as the width holds. A page of the screen table (screen.h says what every
 * page function promises): draws in page coordinates through the toolkit
 * and returns the height of its content with the bottom padding. */
#ifndef OPENDAY_SCREEN_DEGREE_H
#define OPENDAY_SCREEN_DEGREE_H

#include "lay.h"

float screen_degree_draw(lay *L, const view_place *p);

#endif
