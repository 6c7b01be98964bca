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
 * (the visual angle at the viewing distance, measured in the text's face),
 * and every text's contrast at least 4.5:1, or 3:1 when large (see
 * layout_audit_opts). Appends one line per problem to report (NUL-terminated,
 * truncated to n) and returns the count. */
size_t layout_audit(const scene *s, const layout_env *env, char *report, size_t n);

/* What the audit holds a screen to beyond geometry. Zero fields take the
 * defaults in brackets, so `{0}` is layout_audit's own standard.
 *
 * Contrast (WCAG 2 1.4.3, 1.4.6): every text that is drawn (alpha > 0) and
 * not the label of a disabled control (1.4.3 exempts inactive components)
 * must reach contrast_body [4.5] against what is under it, computed as the
 * --dump account computes it (dump_text_contrast), or contrast_large [3.0]
 * when it is large. WCAG's large is 18 pt, or 14 pt bold: 24 and 18.67 CSS
 * px, and a CSS px is the visual angle of 1/96 inch at 28 inches (0.0213
 * degrees, CSS Values 3), so large means a font size (em) of at least 0.511
 * degrees (bold 0.398) at the viewing distance: 5.4 mm regular at 60 cm,
 * 22 mm at 2.5 m. The high-contrast theme asks 7 of every text
 * (contrast_body = contrast_large = 7, WCAG 1.4.6 for body text).
 *
 * Text size: capitals of at least cap_degrees [LAYOUT_CAP_DEGREES] at the
 * viewing distance, measured in the text's face, and never under
 * LAYOUT_TEXT_MIN_PX; "larger text" audits at 0.7 (EN 301 549 5.1.4). */
typedef struct {
    float contrast_body;      /* [4.5] */
    float contrast_large;     /* [3.0] */
    float cap_degrees;        /* [LAYOUT_CAP_DEGREES] */
    bool no_contrast;         /* skip the contrast check (geometry only) */
} layout_audit_opts;

/* Font sizes (em, in degrees of visual angle) from which WCAG counts text
 * as large: 18 pt regular, 14 pt bold. */
#define LAYOUT_LARGE_DEGREES 0.5114f
#define LAYOUT_LARGE_BOLD_DEGREES 0.3978f

/* Is text of font size px in face f large in WCAG's sense on this screen? */
bool layout_text_large(const layout_env *env, scene_font f, float px);

/* layout_audit with the standard in opts (NULL: the defaults). */
size_t layout_audit_with(const scene *s, const layout_env *env, const layout_audit_opts *opts,
                         char *report, size_t n);

#endif
