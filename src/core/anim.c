/* anim.c - easing curves and the inertial scroller.
 *
 * The scroller has three regimes, chosen afresh at every sub-step from its
 * state alone:
 *   held      - a finger owns the position (dragging); time does nothing;
 *   coasting  - inside [0, max]: velocity decays exponentially (friction);
 *   springing - outside [0, max]: a critically damped spring pulls the
 *               position back to the nearest edge.
 * Both moving regimes are integrated with their exact closed-form solutions,
 * so a sub-step of any length is stable. A coast that reaches an edge is
 * split at the exact crossing time; sub-steps (1/240 s) only bound how late
 * the reverse switch, from spring back to coast, can be noticed.
 *
 * The stop rule differs slightly from "stop below 5 px/s": a coast stops when
 * less than half a pixel of travel is left (about 1.5 px/s), so the final
 * snap to the resting point is never visible.
 *
 * Exact exponential coasting has a useful invariant: pos + vel * TAU never
 * changes, it is where the coast will come to rest. fling_to() uses it to
 * land exactly on a target with no extra state: it sets the velocity that
 * rests there, and the coast snaps to that point once the remaining distance
 * is below half a pixel. */
#include "anim.h"

#include <float.h>
#include <math.h>

#define TAU 0.325f          /* friction time constant, s */
#define SPRING_W 30.0f      /* spring angular frequency, 1/s: settles in ~0.25 s */
#define REST_PX 0.5f        /* a coast stops when it has less than this to go */
#define VSTOP (REST_PX / TAU)
#define SPRING_REST_PX 0.5f /* spring-back snaps to the edge when this close... */
#define SPRING_REST_V 20.0f /* ...and this slow (px/s) */
#define OUT_VCAP 2000.0f    /* outward speed past an edge; bounds the overshoot */
#define V_LIMIT 30000.0f    /* faster than any finger: release velocities are capped */
#define SUBSTEP (1.0f / 240.0f)
#define SETTLE_DT 1.0f      /* longer steps jump straight to the resting place */
#define POS_LIMIT 1e7f      /* keeps positions far from float overflow */

/* ---- easing ---------------------------------------------------------------- */

/* Clamp t to [0, 1]; NaN counts as 0 so a broken clock shows the start. */
static float unit(float t)
{
    if (!(t > 0.0f))
        return 0.0f;
    return t < 1.0f ? t : 1.0f;
}

float anim_ease_out_cubic(float t)
{
    float u = 1.0f - unit(t);
    return 1.0f - u * u * u;
}

float anim_ease_in_out_cubic(float t)
{
    t = unit(t);
    if (t < 0.5f)
        return 4.0f * t * t * t;
    float u = 2.0f - 2.0f * t;
    return 1.0f - u * u * u / 2.0f;
}

float anim_lerp(float a, float b, float t)
{
    /* This form returns a and b exactly at t = 0 and t = 1. */
    return (1.0f - t) * a + t * b;
}

/* ---- scroller -------------------------------------------------------------- */

static float clampf(float v, float lo, float hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

static float finite_or(float v, float fallback)
{
    return isfinite(v) ? v : fallback;
}

static bool outside(const anim_scroller *s)
{
    return s->pos < 0.0f || s->pos > s->max;
}

void anim_scroller_init(anim_scroller *s)
{
    s->pos = 0.0f;
    s->vel = 0.0f;
    /* The range is unknown until the first set_max: a position restored with
     * jump() right after init must survive until the page is laid out, and
     * only then spring back if the page turned out shorter. */
    s->max = FLT_MAX;
    s->dragging = false;
}

void anim_scroller_set_max(anim_scroller *s, float max)
{
    if (isnan(max) || max < 0.0f)
        max = 0.0f;
    s->max = isinf(max) ? FLT_MAX : max;
}

/* Move by a finger delta: full speed inside the range, half speed for the
 * part that lies beyond an edge (rubber band). Moving back from outside is
 * halved too, so the content returns with the finger. */
void anim_scroller_drag(anim_scroller *s, float dy)
{
    s->dragging = true;
    s->vel = 0.0f;
    if (!isfinite(dy))
        return;
    dy = clampf(dy, -POS_LIMIT, POS_LIMIT);
    float pos = finite_or(s->pos, 0.0f), max = s->max;
    if (pos < 0.0f) {
        if (dy <= 0.0f || dy <= -2.0f * pos) {
            s->pos = pos + dy / 2.0f;
            return;
        }
        dy -= -2.0f * pos; /* finger travel spent getting back to the edge */
        pos = 0.0f;
    } else if (pos > max) {
        if (dy >= 0.0f || -dy <= 2.0f * (pos - max)) {
            s->pos = pos + dy / 2.0f;
            return;
        }
        dy += 2.0f * (pos - max);
        pos = max;
    }
    /* Inside the range now: free travel up to the edge, halved beyond it. */
    float target = pos + dy;
    if (target < 0.0f)
        target = target / 2.0f;
    else if (target > max)
        target = max + (target - max) / 2.0f;
    s->pos = clampf(target, -POS_LIMIT, max + POS_LIMIT);
}

void anim_scroller_release(anim_scroller *s, float v)
{
    s->dragging = false;
    v = clampf(finite_or(v, 0.0f), -V_LIMIT, V_LIMIT);
    /* Too slow to coast anywhere: stay put rather than creep. */
    if (!outside(s) && fabsf(v) < VSTOP)
        v = 0.0f;
    s->vel = v;
}

void anim_scroller_jump(anim_scroller *s, float pos)
{
    if (!isfinite(pos))
        return;
    s->pos = clampf(pos, -POS_LIMIT, POS_LIMIT);
    s->vel = 0.0f;
}

void anim_scroller_fling_to(anim_scroller *s, float pos)
{
    if (!isfinite(pos))
        return;
    s->dragging = false;
    float target = clampf(pos, 0.0f, s->max);
    /* The velocity whose coast comes to rest exactly on target. */
    s->vel = (target - s->pos) / TAU;
    if (fabsf(s->vel) < VSTOP && !outside(s)) {
        s->pos = target; /* under half a pixel away: just be there */
        s->vel = 0.0f;
    }
}

bool anim_scroller_moving(const anim_scroller *s)
{
    return !s->dragging && (s->vel != 0.0f || outside(s));
}

/* Where the scroller would come to rest if left alone (for long steps). */
static float resting_place(const anim_scroller *s)
{
    if (outside(s))
        return clampf(s->pos, 0.0f, s->max);
    return clampf(s->pos + s->vel * TAU, 0.0f, s->max);
}

/* Spring towards `edge` for h seconds from the current state. `out` is the
 * direction that leads away from the range: -1 past the top, +1 past the
 * bottom (the position alone cannot tell when it sits exactly on the edge). */
static void spring(anim_scroller *s, float edge, float out, float h)
{
    float x = s->pos - edge, v = s->vel;
    /* Moving further out: the spring absorbs it, but start it no faster than
     * OUT_VCAP so the overshoot stays small (at most OUT_VCAP / (W e)). */
    if (v * out > OUT_VCAP)
        v = out * OUT_VCAP;
    /* x(t) = (x0 + (v0 + W x0) t) e^{-Wt}, critically damped. */
    float e = expf(-SPRING_W * h), c = v + SPRING_W * x;
    float nx = (x + c * h) * e;
    float nv = (v - SPRING_W * c * h) * e;
    if (fabsf(nx) < SPRING_REST_PX && fabsf(nv) < SPRING_REST_V) {
        s->pos = edge; /* end exactly on the edge */
        s->vel = 0.0f;
    } else {
        s->pos = edge + nx;
        s->vel = nv;
    }
}

/* Advance by h seconds with the exact solution of the current regime. A
 * coast that reaches an edge within the sub-step stops there at the exact
 * crossing time and springs for the rest, so even a very fast fling only
 * overshoots by what the spring allows. */
static void substep(anim_scroller *s, float h)
{
    if (outside(s)) {
        bool top = s->pos < 0.0f;
        spring(s, top ? 0.0f : s->max, top ? -1.0f : 1.0f, h);
        return;
    }
    float e = expf(-h / TAU);
    float np = s->pos + s->vel * TAU * (1.0f - e);
    if ((np < 0.0f || np > s->max) && s->vel != 0.0f) {
        bool top = np < 0.0f;
        float edge = top ? 0.0f : s->max;
        /* Solve pos + vel tau (1 - e^{-t/tau}) = edge for t; the ratio is in
         * [0, 1) because the edge lies short of the resting point. */
        float ratio = (edge - s->pos) / (s->vel * TAU);
        float tc = -TAU * logf(1.0f - clampf(ratio, 0.0f, 0.999999f));
        if (!(tc < h))
            tc = h;
        s->vel *= expf(-tc / TAU);
        s->pos = edge;
        spring(s, edge, top ? -1.0f : 1.0f, h - tc);
        return;
    }
    s->pos = np;
    s->vel *= e;
    if (fabsf(s->vel) < VSTOP) {
        /* Snap to the invariant resting point (under half a pixel away),
         * which is exactly where fling_to aimed. */
        s->pos = clampf(s->pos + s->vel * TAU, 0.0f, s->max);
        s->vel = 0.0f;
    }
}

bool anim_scroller_step(anim_scroller *s, float dt)
{
    /* Repair anything a caller may have poked in directly. */
    s->pos = finite_or(s->pos, 0.0f);
    s->vel = finite_or(s->vel, 0.0f);
    if (!(s->max >= 0.0f))
        s->max = 0.0f;
    if (!(dt > 0.0f) || !anim_scroller_moving(s))
        return anim_scroller_moving(s);
    float before = s->pos;
    if (dt > SETTLE_DT) {
        /* After a long stall nobody saw the motion: just be where it ends. */
        s->pos = resting_place(s);
        s->vel = 0.0f;
    } else {
        int n = (int)ceilf(dt / SUBSTEP);
        float h = dt / (float)n;
        for (int i = 0; i < n && anim_scroller_moving(s); i++)
            substep(s, h);
    }
    /* A step that lands the final snap still moved, and must be drawn. */
    return s->pos != before || anim_scroller_moving(s);
}
