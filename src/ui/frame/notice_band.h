/* notice_band.h - the notices band (notices.json, notice_band.c):
 * the notices that apply now by L->in's clock (notices.h), one a row across
 * the screen. The dispatcher (frame.c) gives the band its place (under the
 * header, above it when the header is at the bottom, at the top of a full
 * screen) and the page the room that is left.
 *
 * The band has a budget (notice_band_budget): when its rows written out
 * whole would take more (a long notice on the 7-inch panel, Larger text),
 * the band shrinks to one row: the first notice in force (urgent first) on
 * one line, ending in an ellipsis and a chevron, a target (VIEW_ACT_NOTICE,
 * arg 0) that opens every notice whole as a page of their own
 * (notice_band_page), so the first screen still shows the page.
 *
 * Layers: in the frame layer (src/ui/frame), drawn through the toolkit
 * (lay.h) only. Pure; nothing allocated beyond the builder's scratch. */
#ifndef OPENDAY_LAYOUT_NOTICES_H
#define OPENDAY_LAYOUT_NOTICES_H

#include <stdbool.h>
#include <stddef.h>
#include "lay.h"

/* The level of the band's blocks (urgent rows one above): over the page,
 * the accessibility panel and the reset warning (access.h). */
#define LAY_LEVEL_NOTICE 300

/* The most of the screen's height the band may take before its rows are
 * shortened to a line each. */
float notice_band_budget(const lay *L);
/* The band's height at the screen's width; 0 when no notice applies. */
float notice_band_height(lay *L);
/* Draw the band's rows from y (screen coordinates): the urgent ones
 * (urgent true) or the others, each kind in its own place in the band, so
 * the two calls together draw it whole. Returns the band's bottom. */
float notice_band_draw(lay *L, float y, bool urgent);
/* The notices read whole: a page body (drawn by the frame in the page's
 * rectangle, so it scrolls like any page) with a heading, every notice in
 * force, urgent ones first, in its band's colours, and a Done button
 * (VIEW_ACT_NOTICE, -1) at its end. Returns its height. */
float notice_band_page(lay *L);

#endif
