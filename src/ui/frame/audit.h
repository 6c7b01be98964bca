/* audit.h - the layout audit: proves a laid-out scene legible and
 * usable (every text inside its box and on screen, no overlapping blocks,
 * targets of at least 9 mm, text large enough and in enough contrast).
 * Tests and the app's --check run it on every screen.
 *
 * Layers: in the frame layer (src/ui/frame), beside the account of a frame
 * (dump.h) whose contrast rule it shares; it reads a scene only, whoever
 * built it. Pure: no SDL, no allocation; the report is the caller's
 * buffer. */
#ifndef OPENDAY_LAYOUT_AUDIT_H
#define OPENDAY_LAYOUT_AUDIT_H

#include <stdbool.h>
#include <stddef.h>
#include "lay.h"
#include "scene.h"

/* Audit a laid-out scene: every TEXT inside its box and on screen, no two BOX
 * rects with the same parent overlapping, every enabled HIT at least
 * metrics.target on both sides (9 mm and 44 px), no text under
 * metrics.text_min (20 px at least) nor with capitals under metrics.cap_min
 * (the visual angle at the viewing distance, measured in the text's face),
 * and every text's contrast at least 4.5:1, or 3:1 when large (see
 * audit_opts). The frame is held to its regions: no text wholly on the
 * screen hidden (in the --dump account, dump.h) under a bar, a band, a
 * button or a scroll cue (modal layers, the panel, the language chooser and
 * the reset warning, cover on purpose); the first screen shows a target of
 * the page (what lies in a clip) below the bars and bands, or a line of a
 * page without targets; and no degree mark (SCENE_F_MARK) leaves its chip,
 * wrapped or cut. Appends one line per problem to report (NUL-terminated,
 * truncated to n) and returns the count. */
size_t audit_layout(const scene *s, const lay_env *env, char *report, size_t n);

/* What the audit holds a screen to beyond geometry. Zero fields take the
 * defaults in brackets, so `{0}` is audit_layout's own standard.
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
 * Text size: capitals of at least cap_degrees [LAY_CAP_DEGREES] at the
 * viewing distance, measured in the text's face, and never under
 * LAY_TEXT_MIN_PX; "larger text" audits at 0.7 (EN 301 549 5.1.4). */
typedef struct {
    float contrast_body;      /* [4.5] */
    float contrast_large;     /* [3.0] */
    float cap_degrees;        /* [LAY_CAP_DEGREES] */
    bool no_contrast;         /* skip the contrast check (geometry only) */
    bool space;               /* also audit_space: no big screen half empty */
} audit_opts;

/* Font sizes (em, in degrees of visual angle) from which WCAG counts text
 * as large: 18 pt regular, 14 pt bold. */
#define LAYOUT_LARGE_DEGREES 0.5114f
#define LAYOUT_LARGE_BOLD_DEGREES 0.3978f

/* Is text of font size px in face f large in WCAG's sense on this screen? */
bool audit_text_large(const lay_env *env, scene_font f, float px);

/* On a big screen (both sides at least 1080 px: the 24-inch monitor, the
 * wall, either way up), a page whose body does not scroll (no More below
 * button, VIEW_ACT_SCROLL) must not leave more than half the screen's
 * height empty below its content: the lowest text, block, image or target
 * drawn in the body's clip (the widest top-level clip). A screen without
 * such a clip (the attract loop) or smaller passes. Appends one line per
 * problem to r (as audit_layout) and returns the count; audit_layout_with
 * runs it when opts.space is set. */
size_t audit_space(const scene *s, const lay_env *env, char *report, size_t n);

/* audit_layout with the standard in opts (NULL: the defaults). */
size_t audit_layout_with(const scene *s, const lay_env *env, const audit_opts *opts,
                         char *report, size_t n);

#endif
