/* geom.h - plain geometry and colour types shared by every module.
 * Pure: no SDL. All coordinates are logical pixels as floats, origin top-left,
 * so animation can move things by fractions of a pixel. */
#ifndef OPENDAY_GEOM_H
#define OPENDAY_GEOM_H

#include <math.h>
#include <stdbool.h>
#include <stdint.h>

typedef struct { float x, y, w, h; } od_rect;
typedef struct { uint8_t r, g, b, a; } od_color;

static inline bool od_rect_contains(od_rect r, float x, float y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

/* True when b lies entirely inside a, allowing `slack` pixels of rounding. */
static inline bool od_rect_inside(od_rect a, od_rect b, float slack)
{
    return b.x >= a.x - slack && b.y >= a.y - slack &&
           b.x + b.w <= a.x + a.w + slack && b.y + b.h <= a.y + a.h + slack;
}

/* True when a and b share more than `slack` pixels in both axes. */
static inline bool od_rect_overlap(od_rect a, od_rect b, float slack)
{
    return a.x + slack < b.x + b.w && b.x + slack < a.x + a.w &&
           a.y + slack < b.y + b.h && b.y + slack < a.y + a.h;
}

static inline od_rect od_rect_intersect(od_rect a, od_rect b)
{
    float x0 = a.x > b.x ? a.x : b.x, y0 = a.y > b.y ? a.y : b.y;
    float x1 = (a.x + a.w < b.x + b.w) ? a.x + a.w : b.x + b.w;
    float y1 = (a.y + a.h < b.y + b.h) ? a.y + a.h : b.y + b.h;
    od_rect r = { x0, y0, x1 > x0 ? x1 - x0 : 0, y1 > y0 ? y1 - y0 : 0 };
    return r;
}

static inline od_color od_rgba(uint8_t r, uint8_t g, uint8_t b, uint8_t a)
{
    od_color c = { r, g, b, a };
    return c;
}

/* WCAG 2 relative luminance of a colour's sRGB values (alpha ignored), 0 to 1. */
static inline double od_luminance(od_color c)
{
    const uint8_t v[3] = { c.r, c.g, c.b };
    double l[3];
    for (int i = 0; i < 3; i++) {
        double x = v[i] / 255.0;
        l[i] = x <= 0.04045 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
}

/* WCAG 2 contrast ratio of two opaque colours, 1 to 21. */
static inline double od_contrast(od_color a, od_color b)
{
    double la = od_luminance(a), lb = od_luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

#endif
