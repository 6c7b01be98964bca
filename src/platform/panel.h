/* panel.h - the display's power and the board's health, as the kernel
 * exposes them: the DRM connector's DPMS property (through libdrm on SDL's
 * own DRM file descriptor, on KMSDRM), a backlight's bl_power in sysfs, and
 * the Raspberry Pi firmware's throttling word in sysfs.
 *
 * panel_open picks the first way that exists: DPMS when SDL draws through
 * KMSDRM and the connector has the property, else the first
 * SYSFS/class/backlight/NAME/bl_power that can be opened for writing, else
 * "black" (the kiosk draws one black frame and then nothing: the panel stays
 * lit but shows nothing). Every failing call is logged once, with the OS's
 * message, and the panel falls back to the next way; nothing here stops the
 * kiosk. sysfs is "/sys" on a kiosk, a fake folder in tests. Caller storage. */
#ifndef OPENDAY_PANEL_H
#define OPENDAY_PANEL_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>

struct SDL_Window;

typedef enum { PANEL_BLACK, PANEL_DPMS, PANEL_BACKLIGHT } panel_method;

typedef struct {
    panel_method method;
    int drm_fd;                  /* SDL's, borrowed; -1 when not KMSDRM */
    uint32_t connector, dpms_prop;
    char bl_power[PATH_MAX];     /* the backlight's power file */
    bool on;
} panel;

/* win may be NULL (tests: backlight or black only). */
void panel_open(panel *p, struct SDL_Window *win, const char *sysfs);
/* Switch the panel; returns false when the panel cannot (black: the caller
 * blanks the picture itself). Logs a failing call and falls back to black. */
bool panel_set(panel *p, bool on);
/* "dpms", "backlight", "black" */
const char *panel_method_name(const panel *p);

/* The throttling word of the Raspberry Pi firmware under sysfs
 * (devices/platform/soc/soc:firmware/get_throttled, or the same file of a
 * Pi 5's differently named SoC node); false when no such file exists (not a
 * Pi, or an old kernel). */
bool panel_read_throttled(const char *sysfs, uint32_t *out);

#endif
