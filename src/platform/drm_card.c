/* drm_card.c - picking the DRM card with a display. See drm_card.h. */
#include "drm_card.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "card1-HDMI-A-1" -> 1 and the connector name; -1 for anything else
 * ("card1" itself, "renderD128", "version"). */
static int connector_card(const char *name, const char **connector)
{
    if (strncmp(name, "card", 4))
        return -1;
    char *end;
    errno = 0;
    long n = strtol(name + 4, &end, 10);
    if (end == name + 4 || *end != '-' || errno || n < 0 || n > 255)
        return -1;
    *connector = end + 1;
    return (int)n;
}

/* True when the connector sysfs_drm/name reports a display plugged in. */
static bool connector_connected(const char *sysfs_drm, const char *name)
{
    char path[512], status[32];
    snprintf(path, sizeof path, "%s/%s/status", sysfs_drm, name);
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    size_t k = fread(status, 1, sizeof status - 1, f);
    fclose(f);
    status[k] = '\0';
    return !strncmp(status, "connected", 9);
}

int drm_card_pick(const char *sysfs_drm, const char *setting, char *why, size_t n)
{
    const char *bad = "";
    if (setting && *setting && strcmp(setting, "auto")) {
        const char *s = setting;
        if (!strncmp(s, "/dev/dri/card", 13))
            s += 13;
        char *end;
        errno = 0;
        long v = strtol(s, &end, 10);
        if (end == s || *end || errno || v < 0 || v > 255) {
            bad = "drm-device is not /dev/dri/cardN or a number, so: ";
        } else {
            snprintf(why, n, "DRM device card%ld, as configured", v);
            return (int)v;
        }
    }
    DIR *d = opendir(sysfs_drm);
    if (!d) {
        snprintf(why, n, "%scannot list %s (%s); SDL picks the DRM device", bad, sysfs_drm,
                 strerror(errno));
        return -1;
    }
    int best = -1;
    char best_conn[64] = "";
    struct dirent *e;
    while ((e = readdir(d))) {
        const char *conn;
        int card = connector_card(e->d_name, &conn);
        if (card < 0 || (best >= 0 && card >= best))
            continue;
        if (connector_connected(sysfs_drm, e->d_name)) {
            best = card;
            snprintf(best_conn, sizeof best_conn, "%s", conn);
        }
    }
    closedir(d);
    if (best >= 0)
        snprintf(why, n, "%sDRM device card%d, whose %s has a display connected", bad, best,
                 best_conn);
    else
        snprintf(why, n, "%sno DRM connector reports a connected display; SDL picks the device",
                 bad);
    return best;
}

bool drm_card_edid_size_mm(const unsigned char *e, size_t len, int *w_mm, int *h_mm)
{
    static const unsigned char header[8] = { 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0 };
    if (len < 128 || memcmp(e, header, sizeof header))
        return false;
    /* The first detailed timing (bytes 54-71) is the preferred mode; its
     * image size is in millimetres, 12 bits each. A zero pixel clock means
     * the slot holds a text descriptor instead. */
    if (e[54] || e[55]) {
        int w = e[66] | ((e[68] & 0xF0) << 4), h = e[67] | ((e[68] & 0x0F) << 8);
        if (w > 0 && h > 0) {
            *w_mm = w;
            *h_mm = h;
            return true;
        }
    }
    if (e[21] && e[22]) {
        *w_mm = e[21] * 10;
        *h_mm = e[22] * 10;
        return true;
    }
    return false;
}

bool drm_card_connector_mm(const char *sysfs_drm, int card, int *w_mm, int *h_mm, char *name,
                      size_t n)
{
    DIR *d = opendir(sysfs_drm);
    if (!d)
        return false;
    bool found = false;
    struct dirent *e;
    char path[512];
    unsigned char edid[256];
    while (!found && (e = readdir(d))) {
        const char *conn;
        int c = connector_card(e->d_name, &conn);
        if (c < 0 || (card >= 0 && c != card))
            continue;
        if (!connector_connected(sysfs_drm, e->d_name))
            continue;
        snprintf(path, sizeof path, "%s/%s/edid", sysfs_drm, e->d_name);
        FILE *f = fopen(path, "rb");
        if (!f)
            continue;
        size_t k = fread(edid, 1, sizeof edid, f);
        fclose(f);
        if (drm_card_edid_size_mm(edid, k, w_mm, h_mm)) {
            snprintf(name, n, "%s", conn);
            found = true;
        }
    }
    closedir(d);
    return found;
}
