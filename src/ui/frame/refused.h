/* refused.h - the authors' banner: when staff save content that
 * fails validation, the kiosk keeps the last valid content on screen and,
 * in the staff's preview (a window on their laptop) and on the staff
 * screen after the PIN, shows the save's first problem in a small band:
 * "Save not applied: FILE:LINE:COL", the problem's JSON path and message,
 * and "and N more" when there are more. Visitors never see it: the caller
 * (the kiosk, core) decides where it is shown and hands it to the layout
 * in lay_frame_in.refused.
 *
 * The band is a fixed, high-contrast bar (white on dark red, 9.6:1 whatever
 * the theme) in the smallest reading size; a long path is elided in its
 * middle (the file's name at its end stays whole), a long message wraps to
 * at most one line on a screen under 600 px tall, two under 900, else
 * three, the last one ending in an ellipsis; in larger text a band that
 * would take over a quarter of the screen (the 7-inch panel) leaves out
 * "and N more". It is drawn on a level of its own (LAY_LEVEL_REFUSED), above
 * everything else, and the dispatcher (frame.c) gives it room next to the
 * header, so it never covers navigation nor the accessibility button.
 *
 * Layers: in the frame layer (src/ui/frame), drawn through the toolkit
 * (lay.h) only. Pure; nothing allocated beyond the
 * builder's scratch memory. */
#ifndef OPENDAY_LAYOUT_REFUSED_H
#define OPENDAY_LAYOUT_REFUSED_H

#include <stdbool.h>
#include "content.h"
#include "lay.h"
#include "scene.h"

#define LAY_LEVEL_REFUSED 400

/* Fill *out from a failed load's report: its first error (warnings do not
 * count), with the number of further errors. False (out cleared) when the
 * report has no error. A path too long for out keeps its end. */
bool refused_from(lay_refused *out, const content_report *rep);
bool refused_equal(const lay_refused *a, const lay_refused *b);

/* The band's height at the screen's width; 0 for r NULL. */
float refused_height(lay *L, const lay_refused *r);
/* Draw the band from y (screen coordinates) across the screen; returns its
 * bottom. */
float refused_draw(lay *L, const lay_refused *r, float y);

/* The same for a caller without a builder (the staff screen's overlay):
 * the height for env, and the band appended to out at y. */
float refused_height_for(const lay_env *env, const lay_refused *r);
void refused_append(scene *out, const lay_env *env, const lay_refused *r, float y);

#endif
