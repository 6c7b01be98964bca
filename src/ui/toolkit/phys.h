/* phys.h - the physical facts layout needs: how many pixels make a
 * millimetre, and how far away the reader stands.
 *
 * The platform finds candidate figures (the --dpi option, what the display
 * reports through SDL or the DRM connector's EDID); this module decides
 * which one counts, and says why in one line for the log, so the decision is
 * the same in every runner and is unit-tested. Detection order:
 *   1. --dpi (or the dpi key), when given (> 0);
 *   2. the display's own report, when it is in PHYS_DPI_MIN..PHYS_DPI_MAX
 *      and is not a placeholder (exactly 96 or 72: what X servers and
 *      drivers return when they know nothing); otherwise ignored, and the
 *      line says so;
 *   3. an assumption from the resolution (phys_assumed_dpi).
 * Headless runners have no display: they pass no report.
 *
 * Pure: no SDL, no allocation, no I/O. */
#ifndef OPENDAY_PHYS_H
#define OPENDAY_PHYS_H

#include <stdbool.h>
#include <stddef.h>

/* A reported figure outside this range is nonsense (0, a 1 mm "panel"). */
#define PHYS_DPI_MIN 40.0f
#define PHYS_DPI_MAX 600.0f
/* Viewing distances when none is given: arm's length at a touch kiosk; a
 * screen on a wall (--loop) is read from across a room. */
#define PHYS_DISTANCE_CM 60.0f
#define PHYS_DISTANCE_LOOP_CM 250.0f

typedef enum {
    PHYS_FROM_OPTION,     /* --dpi */
    PHYS_FROM_DISPLAY,    /* the display's report */
    PHYS_FROM_ASSUMPTION  /* the resolution */
} phys_source;

typedef struct {
    float dpi;            /* always > 0 */
    phys_source source;
    char why[240];        /* one line for the log, without a trailing newline */
} phys_dpi;

/* Pixels per inch assumed for a display of w x h pixels (either orientation)
 * that says nothing about itself, and the panel that figure supposes
 * ("a 7\" panel"): the common resolutions each stand for their usual panel
 * (800x480 and 1024x600: 7"; 1280x800: 10.1"; 1280x720 and 1366x768: a 32"
 * TV; 1920x1080 and 1920x1200: a 24" monitor; 2560x1440: 27"; 3840x2160: a
 * 55" TV); anything else is judged by its longer side (up to 1280: a small
 * panel at LAYOUT's 133 dpi; up to 2560: a 24" monitor, 92; beyond: a 55"
 * TV, 80). Sizes <= 0 give the small panel. */
float phys_assumed_dpi(int w, int h, const char **panel);

/* Pixels per inch from a size in pixels and in millimetres (the DRM
 * connector's, an EDID's), along the diagonal; 0 when either size is
 * missing (<= 0). */
float phys_dpi_from_mm(int px_w, int px_h, int mm_w, int mm_h);

/* Decide the figure, as in the order above. given: --dpi (<= 0: not given);
 * reported: the display's figure (<= 0 or not a number: none), and
 * reported_from what ("SDL_GetDisplayDPI", "the EDID of HDMI-A-1"; may be
 * NULL); w x h: the display's pixels. */
void phys_choose_dpi(float given, float reported, const char *reported_from, int w, int h,
                     phys_dpi *out);

/* The viewing distance: given when > 0, else the default for the mode. */
float phys_distance_cm(float given, bool loop);

/* Pixels per millimetre of dpi (LAY_DEFAULT_DPI when dpi <= 0). */
float phys_px_per_mm(float dpi);

#endif
