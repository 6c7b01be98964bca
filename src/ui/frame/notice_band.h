/* notice_band.h - the notices band (notices.json, notice_band.c):
 * the notices that apply now by L->in's clock (notices.h), one a row across
 * the screen. The dispatcher (frame.c) gives the band its place (under the
 * header, above it when the header is at the bottom, at the top of a full
 * screen) and the page the room that is left.
 *
 * Layers: in the frame layer (src/ui/frame), drawn through the toolkit
 * (lay.h) only. Pure; nothing allocated. */
#ifndef OPENDAY_LAYOUT_NOTICES_H
#define OPENDAY_LAYOUT_NOTICES_H

#include <stdbool.h>
#include "lay.h"

/* The level of the band's blocks (urgent rows one above): over the page,
 * the accessibility panel and the reset warning (access.h). */
#define LAY_LEVEL_NOTICE 300

/* The band's height at the screen's width; 0 when no notice applies. */
float notice_band_height(lay *L);
/* Draw the band's rows from y (screen coordinates): the urgent ones
 * (urgent true) or the others, each kind in its own place in the band, so
 * the two calls together draw it whole. Returns the band's bottom. */
float notice_band_draw(lay *L, float y, bool urgent);

#endif
