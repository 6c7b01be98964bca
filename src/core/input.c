/* input.c - the display-rotation mapping shared by real touches and replays.
 *
 * The logical picture (lw x lh) is drawn onto the physical panel turned
 * clockwise by `rotate` degrees. A finger reports where it is on the panel as
 * fractions (fx, fy); we undo the rotation to find the logical pixel under it.
 * Turning the picture clockwise by 90 degrees sends logical (x, y) to physical
 * (lh - y, x) on a panel lh wide and lw tall, so the inverse, in fractions, is
 * x = fy * lw, y = (1 - fx) * lh. The other angles follow the same way. */
#include "input.h"

#include <math.h>

/* Keep one coordinate inside [0, extent): a point exactly on the far edge
 * would belong to no pixel, so it is pulled just inside. NaN becomes 0 so a
 * broken driver value can never travel further into the app. */
static float clamp_coord(float v, float extent)
{
    if (!(extent > 0.0f) || !isfinite(extent))
        return 0.0f;
    if (isnan(v) || v < 0.0f)
        return 0.0f;
    float hi = extent - 0.001f;
    /* For very large extents the subtraction is lost to rounding; the next
     * float below is then the closest point that is still inside. */
    if (!(hi < extent))
        hi = nextafterf(extent, 0.0f);
    return v > hi ? hi : v;
}

/* Reduce any multiple of 90 to 0, 90, 180 or 270; anything else means "no
 * rotation", which is the least surprising reading of a bad value. */
static int normal_rotation(int rotate)
{
    int r = rotate % 360;
    if (r < 0)
        r += 360;
    return (r % 90 == 0) ? r : 0;
}

void input_map_rotation(int rotate, float fx, float fy, float lw, float lh,
                        float *x, float *y)
{
    float lx, ly;
    switch (normal_rotation(rotate)) {
    case 90:
        lx = fy * lw;
        ly = (1.0f - fx) * lh;
        break;
    case 180:
        lx = (1.0f - fx) * lw;
        ly = (1.0f - fy) * lh;
        break;
    case 270:
        lx = (1.0f - fy) * lw;
        ly = fx * lh;
        break;
    case 0:
    default:
        lx = fx * lw;
        ly = fy * lh;
        break;
    }
    *x = clamp_coord(lx, lw);
    *y = clamp_coord(ly, lh);
}

void input_logical_size(int rotate, int pw, int ph, int *lw, int *lh)
{
    int r = normal_rotation(rotate);
    /* A quarter turn swaps the sides: a landscape panel shows a portrait picture. */
    if (r == 90 || r == 270) {
        *lw = ph;
        *lh = pw;
    } else {
        *lw = pw;
        *lh = ph;
    }
}

void input_calibrate(const input_calib *c, float *fx, float *fy)
{
    if (!c)
        return;
    if (c->swap_xy) {
        float t = *fx;
        *fx = *fy;
        *fy = t;
    }
    if (c->flip_x)
        *fx = 1.0f - *fx;
    if (c->flip_y)
        *fy = 1.0f - *fy;
}

void input_to_logical(const input_map *m, input_event *ev)
{
    switch (ev->kind) {
    case INPUT_DOWN:
    case INPUT_MOVE:
    case INPUT_UP: {
        float fx = ev->x, fy = ev->y;
        if (ev->pointer >= 0)
            input_calibrate(&m->touch, &fx, &fy);
        input_map_rotation(m->rotate, fx, fy, (float)m->log_w, (float)m->log_h, &ev->x, &ev->y);
        break;
    }
    case INPUT_WHEEL: {
        int side = m->log_h < m->log_w ? m->log_h : m->log_w;
        ev->dy *= 0.12f * (float)side;
        break;
    }
    case INPUT_CANCEL:
    case INPUT_KEY:
    default:
        break;
    }
}
