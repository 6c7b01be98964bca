/* frame.h - the frame dispatcher: turns the content model and the
 * visitor's place into a scene, the whole screen of one frame: the header,
 * the page (or two during a slide) from the screen table, and the overlays.
 *
 * Layers: the top UI layer (src/ui/frame), on top of the screen table
 * (screen.h), the view rules (view.h) and the toolkit (lay.h, which also
 * defines the measuring environment and the frame input); the overlays it
 * draws (access.h, language.h, notice_band.h,
 * refused.h) and the accounts of a frame (dump.h, narrate.h,
 * audit.h) sit beside it. The app calls it.
 *
 * Pure: no SDL. Text is measured through callbacks, so tests use a fake
 * measurer and the app uses the real fonts. Layout wraps text itself and emits
 * one TEXT command per line, each with the BOX it must stay inside, so the
 * layout audit can prove nothing is clipped or overlapping.
 *
 * Sizes are physical (lay_metrics in lay.h): text is set so its capitals
 * subtend at least LAY_CAP_DEGREES at the viewing distance and is never
 * under 20 px; touch targets are at least 9 mm and 44 px. The screens choose
 * their arrangement from how many body-text widths the screen holds. */
#ifndef OPENDAY_FRAME_H
#define OPENDAY_FRAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "content.h"
#include "lay.h"
#include "scene.h"
#include "view_types.h"

typedef struct {
    float content_h;          /* height of the current page's scrollable body */
    float view_h;             /* height of the viewport it scrolls in */
    size_t swipe_count;       /* siblings for swipe (degrees or careers), 0 none */
    float panel_h, panel_view_h; /* the accessibility panel's rows and the room
                                    they scroll in (0 when it is closed) */
} frame_result;

/* Lay out one frame into out (cleared first). The header (Back, Home, title)
 * stays still while page bodies slide; hit regions are emitted only for the
 * current page, in drawing order. */
void frame_build(scene *out, const content *c, const lay_env *env,
                 const lay_frame_in *in, frame_result *res);

#endif
