/* screen_babs.h - "BA or BS?": what each award means, and the values
 * every degree shares. A page of the screen table (screen.h says what every
 * page function promises): draws in page coordinates through the toolkit
 * and returns the height of its content with the bottom padding. */
#ifndef OPENDAY_SCREEN_BABS_H
#define OPENDAY_SCREEN_BABS_H

#include "lay.h"

float screen_babs_draw(lay *L, const view_place *p);

#endif
