/* drm.h - which DRM card the console kiosk draws on.
 *
 * A Raspberry Pi 5 exposes several DRM cards (the display controller, the
 * GPU, ...) and their numbering can change between boots, so "auto" picks the
 * card that has a connector whose status is "connected", as the kernel
 * reports under /sys/class/drm. A path (/dev/dri/card1) or a number (1)
 * overrides. No SDL: the caller hands the number to SDL's KMSDRM driver.
 *
 * drm_pick_card returns the card number, or -1 when there is nothing to
 * choose (no connected display found, or not Linux); `why` always says what
 * was decided, for the log. */
#ifndef OPENDAY_DRM_H
#define OPENDAY_DRM_H

#include <stddef.h>

int drm_pick_card(const char *sysfs_drm, const char *setting, char *why, size_t n);

#endif
