/* access.h - what the frame dispatcher (frame.c) draws for
 * accessibility: the accessibility button in the header, its panel of
 * choices, the warning before an idle visit resets, and the high-contrast
 * palette.
 *
 * Layers: in the frame layer (src/ui/frame), drawn through the toolkit
 * (lay.h) only; it calls no screen, and the dispatcher
 * calls it. Pure: no SDL. The overlays (panel, warning) are drawn after
 * everything else, their blocks on levels of their own so the audit judges
 * them among themselves, never against the page they cover. */
#ifndef OPENDAY_LAYOUT_ACCESS_H
#define OPENDAY_LAYOUT_ACCESS_H

#include "lay.h"

/* Block levels of the overlays (scene_cmd.level), above any page's. */
#define LAY_LEVEL_PANEL 100
#define LAY_LEVEL_WARNING 200

/* The accessibility button in square r (page coordinates, under block
 * `parent`): a universal-access figure drawn with lines and discs, its hit
 * region VIEW_ACT_ACCESS, shown pressed while the panel is open. */
void access_button(lay *L, od_rect r, int parent);

/* The panel of choices, anchored to the button at `button` (screen
 * coordinates): below it when the bar is at the top, above it when at the
 * bottom (bar_bottom), never wider than the screen. Rows sit side by side
 * only when their labels fit whole; when they are taller than the room
 * beside the bar the panel takes the whole height and its rows scroll (by
 * L->in->panel_scroll). Reads the choices' state from L->env and L->in.
 * Returns the rows' height; the room they scroll in goes to *view_h. */
float access_panel(lay *L, od_rect button, float bar_h, bool bar_bottom, float *view_h);

/* The reset warning over the whole screen: the seconds left and the
 * content's words (CONTENT_STR_RESET_WARNING), one target covering everything. */
void access_reset_warning(lay *L, unsigned seconds);

/* The colour under everything: the content's background, or with high
 * contrast the built-in palette's. */
od_color access_background(const content *c, bool high_contrast);

/* The high-contrast model: *out becomes a shallow copy of c with the
 * built-in palette and every degree and award colour lightened until text
 * on it or in it keeps 7:1. The degree and award arrays are new heap
 * copies (their strings still c's), freed with access_contrast_free. Returns
 * false (out untouched) when out of memory. */
bool access_contrast_model(const content *c, content *out);
void access_contrast_free(content *out);

#endif
