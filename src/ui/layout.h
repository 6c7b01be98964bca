/* layout.h - turns the content model and the visitor's place into a scene:
 * the entry points on top of the screen table (screen.h) and the toolkit
 * (lay.h, which also defines the measuring environment and the frame input).
 *
 * Pure: no SDL. Text is measured through callbacks, so tests use a fake
 * measurer and the app uses the real fonts. Layout wraps text itself and emits
 * one TEXT command per line, each with the BOX it must stay inside, so the
 * layout audit can prove nothing is clipped or overlapping.
 *
 * Sizes are physical (layout_metrics in lay.h): text is set so its capitals
 * subtend at least LAYOUT_CAP_DEGREES at the viewing distance and is never
 * under 20 px; touch targets are at least 9 mm and 44 px. The screens choose
 * their arrangement from how many body-text widths the screen holds. */
#ifndef OPENDAY_LAYOUT_H
#define OPENDAY_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "content.h"
#include "lay.h"
#include "scene.h"
#include "view.h"

typedef struct {
    float content_h;          /* height of the current page's scrollable body */
    float view_h;             /* height of the viewport it scrolls in */
    size_t swipe_count;       /* siblings for swipe (degrees or careers), 0 none */
    float panel_h, panel_view_h; /* the accessibility panel's rows and the room
                                    they scroll in (0 when it is closed) */
} layout_result;

/* Lay out one frame into out (cleared first). The header (Back, Home, title)
 * stays still while page bodies slide; hit regions are emitted only for the
 * current page, in drawing order. */
void layout_frame(scene *out, const content *c, const layout_env *env,
                  const layout_frame_in *in, layout_result *res);

/* The colour under everything: the content's background, or with high
 * contrast the built-in palette's. */
od_color layout_background(const content *c, bool high_contrast);

/* The staff-facing screen shown when there is no valid content at all: what
 * is wrong (the report's errors, as many as fit) and where (dir). */
void layout_problems(scene *out, const layout_env *env, const char *dir,
                     const content_report *rep);

/* Audit a laid-out scene: every TEXT inside its box and on screen, no two BOX
 * rects with the same parent overlapping, every enabled HIT at least
 * metrics.target on both sides (9 mm and 44 px), no text under
 * metrics.text_min (20 px at least) nor with capitals under metrics.cap_min
 * (the visual angle at the viewing distance, measured in the text's face). Appends one line
 * per problem to report (NUL-terminated, truncated to n) and returns the count. */
size_t layout_audit(const scene *s, const layout_env *env, char *report, size_t n);

#endif
