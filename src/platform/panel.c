/* panel.c - display power and board health from the kernel. See panel.h. */
#include "panel.h"

#include <SDL.h>
#include <SDL_syswm.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xf86drm.h>
#include <xf86drmMode.h>

#include "file.h"
#include "health.h"

/* The connected connector's DPMS property on SDL's DRM descriptor. */
static bool find_dpms(panel *p, SDL_Window *win)
{
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!win || !SDL_GetWindowWMInfo(win, &info) || info.subsystem != SDL_SYSWM_KMSDRM)
        return false;
    int fd = info.info.kmsdrm.drm_fd;
    drmModeRes *res = fd >= 0 ? drmModeGetResources(fd) : NULL;
    if (!res) {
        fprintf(stderr, "openday: drmModeGetResources failed (%s): no DPMS\n", strerror(errno));
        return false;
    }
    bool found = false;
    for (int i = 0; i < res->count_connectors && !found; i++) {
        drmModeConnector *c = drmModeGetConnector(fd, res->connectors[i]);
        if (!c)
            continue;
        if (c->connection == DRM_MODE_CONNECTED) {
            for (int k = 0; k < c->count_props && !found; k++) {
                drmModePropertyRes *pr = drmModeGetProperty(fd, c->props[k]);
                if (pr && !strcmp(pr->name, "DPMS")) {
                    p->drm_fd = fd;
                    p->connector = c->connector_id;
                    p->dpms_prop = pr->prop_id;
                    found = true;
                }
                drmModeFreeProperty(pr);
            }
        }
        drmModeFreeConnector(c);
    }
    drmModeFreeResources(res);
    return found;
}

static bool find_backlight(panel *p, const char *sysfs)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s/class/backlight", sysfs);
    DIR *d = opendir(dir);
    if (!d)
        return false;
    struct dirent *e;
    bool found = false;
    while (!found && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[PATH_MAX];
        if (snprintf(path, sizeof path, "%s/%s/bl_power", dir, e->d_name) >= (int)sizeof path)
            continue;
        if (access(path, W_OK) == 0) {
            snprintf(p->bl_power, sizeof p->bl_power, "%s", path);
            found = true;
        } else if (access(path, F_OK) == 0) {
            fprintf(stderr, "openday: %s is not writable (%s): see deploy/README.md, "
                            "\"Display schedule\"\n", path, strerror(errno));
        }
    }
    closedir(d);
    return found;
}

void panel_open(panel *p, SDL_Window *win, const char *sysfs)
{
    memset(p, 0, sizeof *p);
    p->drm_fd = -1;
    p->on = true;
    if (find_dpms(p, win))
        p->method = PANEL_DPMS;
    else if (find_backlight(p, sysfs))
        p->method = PANEL_BACKLIGHT;
    else
        p->method = PANEL_BLACK;
}

const char *panel_method_name(const panel *p)
{
    switch (p->method) {
    case PANEL_DPMS:
        return "dpms";
    case PANEL_BACKLIGHT:
        return "backlight";
    case PANEL_BLACK:
    default:
        return "black";
    }
}

/* bl_power takes the framebuffer blanking levels: 0 unblank, 4 powerdown. */
static int write_bl_power(const char *path, bool on)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return errno;
    const char *v = on ? "0\n" : "4\n";
    int e = write(fd, v, 2) == 2 ? 0 : errno;
    if (close(fd) != 0 && !e)
        e = errno;
    return e;
}

bool panel_set(panel *p, bool on)
{
    if (p->method == PANEL_DPMS) {
        if (drmModeConnectorSetProperty(p->drm_fd, p->connector, p->dpms_prop,
                                        on ? DRM_MODE_DPMS_ON : DRM_MODE_DPMS_OFF) == 0) {
            p->on = on;
            return true;
        }
        fprintf(stderr, "openday: drmModeConnectorSetProperty(DPMS) failed (%s); blanking "
                        "the picture instead\n", strerror(errno));
        p->method = PANEL_BLACK;
    } else if (p->method == PANEL_BACKLIGHT) {
        int e = write_bl_power(p->bl_power, on);
        if (!e) {
            p->on = on;
            return true;
        }
        fprintf(stderr, "openday: cannot write %s (%s); blanking the picture instead\n",
                p->bl_power, strerror(e));
        p->method = PANEL_BLACK;
    }
    p->on = on;
    return false;
}

bool panel_read_throttled(const char *sysfs, uint32_t *out)
{
    char pat[PATH_MAX];
    snprintf(pat, sizeof pat, "%s/devices/platform/soc*/soc*:firmware/get_throttled", sysfs);
    glob_t g;
    bool ok = false;
    if (glob(pat, GLOB_NOSORT, NULL, &g) == 0) {
        for (size_t i = 0; i < g.gl_pathc && !ok; i++) {
            char *text = NULL;
            size_t len = 0;
            if (file_read(g.gl_pathv[i], 64, &text, &len) == 0)
                ok = health_parse_throttled(text, out);
            free(text);
        }
    }
    globfree(&g);
    return ok;
}
