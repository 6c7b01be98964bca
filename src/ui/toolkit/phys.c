/* phys.c - pixels per millimetre and viewing distance. See phys.h. */
#include "phys.h"

#include <math.h>
#include <stdio.h>

#include "lay.h"

/* Common panels by resolution (landscape), and what each usually is. The
 * figures are the diagonal in pixels over the diagonal in inches. */
static const struct {
    int w, h;
    float inches;
    const char *panel;
} panels[] = {
    { 800, 480, 7.0f, "a 7\" panel (the Raspberry Pi touchscreen)" },
    { 1024, 600, 7.0f, "a 7\" panel" },
    { 1280, 800, 10.1f, "a 10.1\" panel" },
    { 1280, 720, 32.0f, "a 32\" TV" },
    { 1366, 768, 32.0f, "a 32\" TV" },
    { 1920, 1080, 24.0f, "a 24\" monitor" },
    { 1920, 1200, 24.0f, "a 24\" monitor" },
    { 2560, 1440, 27.0f, "a 27\" monitor" },
    { 3840, 2160, 55.0f, "a 55\" TV" },
};

float phys_assumed_dpi(int w, int h, const char **panel)
{
    int lo = w < h ? w : h, hi = w < h ? h : w;
    const char *unused;
    if (!panel)
        panel = &unused;
    for (size_t i = 0; i < sizeof panels / sizeof *panels; i++)
        if (panels[i].w == hi && panels[i].h == lo) {
            *panel = panels[i].panel;
            return (float)(hypot(hi, lo) / panels[i].inches);
        }
    if (hi > 2560) {
        *panel = "a 55\" TV (judged by its width)";
        return 80.0f;
    }
    if (hi > 1280) {
        *panel = "a 24\" monitor (judged by its width)";
        return 92.0f;
    }
    *panel = "a small panel (judged by its width)";
    return LAY_DEFAULT_DPI;
}

float phys_dpi_from_mm(int px_w, int px_h, int mm_w, int mm_h)
{
    if (px_w <= 0 || px_h <= 0 || mm_w <= 0 || mm_h <= 0)
        return 0;
    return (float)(hypot(px_w, px_h) / (hypot(mm_w, mm_h) / 25.4));
}

/* Exactly 96 or 72: the "I do not know" of X servers and many drivers. */
static bool placeholder(float dpi)
{
    return fabsf(dpi - 96.0f) < 0.01f || fabsf(dpi - 72.0f) < 0.01f;
}

void phys_choose_dpi(float given, float reported, const char *reported_from, int w, int h,
                     phys_dpi *out)
{
    if (given > 0) {
        out->dpi = given;
        out->source = PHYS_FROM_OPTION;
        snprintf(out->why, sizeof out->why, "%.1f dpi, as configured (--dpi)", given);
        return;
    }
    const char *from = reported_from ? reported_from : "the display";
    char ignored[140] = "";
    if (reported > 0 && reported >= PHYS_DPI_MIN && reported <= PHYS_DPI_MAX &&
        !placeholder(reported)) {
        out->dpi = reported;
        out->source = PHYS_FROM_DISPLAY;
        snprintf(out->why, sizeof out->why, "%.1f dpi, as reported by %s", reported, from);
        return;
    }
    if (reported > 0 && !isnan(reported))
        snprintf(ignored, sizeof ignored, "%s reports %.1f dpi, %s, ignored; ", from, reported,
                 placeholder(reported) ? "a placeholder value" : "outside 40 to 600");
    const char *panel;
    out->dpi = phys_assumed_dpi(w, h, &panel);
    out->source = PHYS_FROM_ASSUMPTION;
    snprintf(out->why, sizeof out->why, "%s%.1f dpi, assumed for %dx%d: %s (set --dpi to say)",
             ignored, out->dpi, w, h, panel);
}

float phys_distance_cm(float given, bool loop)
{
    if (given > 0)
        return given;
    return loop ? PHYS_DISTANCE_LOOP_CM : PHYS_DISTANCE_CM;
}

float phys_px_per_mm(float dpi)
{
    return (dpi > 0 ? dpi : LAY_DEFAULT_DPI) / 25.4f;
}
