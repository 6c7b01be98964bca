/* drm_card.h - which DRM card the console kiosk draws on.
 *
 * A Raspberry Pi 5 exposes several DRM cards (the display controller, the
 * GPU, ...) and their numbering can change between boots, so "auto" picks the
 * card that has a connector whose status is "connected", as the kernel
 * reports under /sys/class/drm. A path (/dev/dri/card1) or a number (1)
 * overrides. No SDL: the caller hands the number to SDL's KMSDRM driver.
 *
 * drm_card_pick returns the card number, or -1 when there is nothing to
 * choose (no connected display found, or not Linux); `why` always says what
 * was decided, for the log. */
#ifndef OPENDAY_DRM_CARD_H
#define OPENDAY_DRM_CARD_H

#include <stdbool.h>
#include <stddef.h>

int drm_card_pick(const char *sysfs_drm, const char *setting, char *why, size_t n);

/* The size in millimetres of the picture an EDID block describes: its
 * first detailed timing's image size, else the basic block's size in
 * centimetres. False for a block too short or without the EDID header, and
 * when both sizes are 0 (projectors, and panels that do not say). Pure. */
bool drm_card_edid_size_mm(const unsigned char *edid, size_t len, int *w_mm, int *h_mm);

/* The millimetres the kernel's EDID gives for a connected connector of
 * card (any card when card < 0) under sysfs_drm; its name ("HDMI-A-1") in
 * name. False when no connected connector has a usable EDID (DSI panels
 * such as the Raspberry Pi touchscreen have none). */
bool drm_card_connector_mm(const char *sysfs_drm, int card, int *w_mm, int *h_mm, char *name,
                      size_t n);

#endif
