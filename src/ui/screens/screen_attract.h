/* screen_attract.h - the attract loop: a full screen of its own (no header,
 * no scroll) showing the content's slides (L->in->slide, slide_t and
 * pulse). A full screen of the screen table (screen.h): draws the whole
 * screen and returns its height. */
#ifndef OPENDAY_SCREEN_ATTRACT_H
#define OPENDAY_SCREEN_ATTRACT_H

#include "lay.h"

float screen_attract_draw(lay *L, const view_place *p);

#endif
