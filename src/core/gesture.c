/* gesture.c - single-pointer recogniser: press, tap, vertical drag + fling,
 * horizontal swipe.
 *
 * A press stays a press until the finger leaves a small circle (the slop)
 * around where it landed. The direction it leaves in decides, once and for
 * all, what the stroke is: mostly vertical scrolls the page (DRAG events, then
 * a FLING on release), mostly horizontal is a candidate swipe that is judged
 * only on release. Either way the press feedback is dropped with CANCEL the
 * moment the finger leaves the circle, so a button never looks pressed under
 * a scrolling finger. */
#include "gesture.h"

#include <math.h>
#include <string.h>

enum { GESTURE_MODE_PRESSED = 0, GESTURE_MODE_VERTICAL = 1, GESTURE_MODE_HORIZONTAL = 2 };

/* Only samples this recent shape the release velocity: a finger that stopped
 * before lifting should not fling. */
#define VELOCITY_WINDOW_MS 100u

/* Coordinates beyond this are not a screen; they are clamped so that
 * differences of huge finite values can never overflow to infinity. */
#define COORD_LIMIT 1e6f

typedef struct {
    gesture_event *out;
    size_t max, n;
} sink;

/* Append one event at the current position and return it for the caller to
 * fill in, or NULL when there is no room: events beyond `max` are dropped,
 * while the recogniser's own state still advances. */
static gesture_event *emit(sink *k, gesture_kind kind, const gesture *g, uint64_t t)
{
    if (k->n >= k->max)
        return NULL;
    gesture_event *e = &k->out[k->n++];
    memset(e, 0, sizeof *e);
    e->kind = kind;
    e->x = g->x;
    e->y = g->y;
    e->t_ms = t;
    return e;
}

static float clamp_coord(float v)
{
    return v > COORD_LIMIT ? COORD_LIMIT : v < -COORD_LIMIT ? -COORD_LIMIT : v;
}

void gesture_init(gesture *g, const gesture_config *cfg)
{
    memset(g, 0, sizeof *g);
    g->cfg = *cfg;
    gesture_reset(g);
}

void gesture_reset(gesture *g)
{
    g->down = false;
    g->pointer = 0;
    g->mode = GESTURE_MODE_PRESSED;
    g->nsamples = 0;
}

bool gesture_active(const gesture *g)
{
    return g->down;
}

/* Time of the newest sample; events are never allowed to run backwards
 * within one stroke, so velocities and durations stay non-negative. */
static uint64_t last_time(const gesture *g)
{
    return g->nsamples ? g->samples[g->nsamples - 1].t : g->t0;
}

/* Remember a sample, dropping the oldest when the ring is full. The ring is
 * tiny, so shifting it is cheaper to reason about than a head index. */
static void add_sample(gesture *g, float x, float y, uint64_t t)
{
    if (g->nsamples == GESTURE_SAMPLES) {
        memmove(g->samples, g->samples + 1, (GESTURE_SAMPLES - 1) * sizeof g->samples[0]);
        g->nsamples--;
    }
    g->samples[g->nsamples].x = x;
    g->samples[g->nsamples].y = y;
    g->samples[g->nsamples].t = t;
    g->nsamples++;
}

/* Least-squares slope of position against time over the samples of the last
 * VELOCITY_WINDOW_MS before `t_end`, in px/s. Zero when fewer than two
 * distinct times fall in the window (the finger rested before lifting). */
static void velocity(const gesture *g, uint64_t t_end, float *vx, float *vy)
{
    *vx = *vy = 0.0f;
    uint64_t from = t_end > VELOCITY_WINDOW_MS ? t_end - VELOCITY_WINDOW_MS : 0;
    double n = 0, st = 0, sx = 0, sy = 0;
    size_t first = g->nsamples;
    for (size_t i = 0; i < g->nsamples; i++) {
        if (g->samples[i].t >= from) {
            if (first == g->nsamples)
                first = i;
            n++;
            /* Times relative to the window start keep the sums small. */
            st += (double)(g->samples[i].t - from);
            sx += g->samples[i].x;
            sy += g->samples[i].y;
        }
    }
    if (n < 2)
        return;
    double mt = st / n, mx = sx / n, my = sy / n;
    double stt = 0, stx = 0, sty = 0;
    for (size_t i = first; i < g->nsamples; i++) {
        double dt = (double)(g->samples[i].t - from) - mt;
        stt += dt * dt;
        stx += dt * (g->samples[i].x - mx);
        sty += dt * (g->samples[i].y - my);
    }
    if (stt <= 0)
        return;
    *vx = (float)(stx / stt * 1000.0);
    *vy = (float)(sty / stt * 1000.0);
}

/* The finger is at (x, y) at time t: decide the stroke when it first leaves
 * the slop circle and report scrolling movement. Shared by MOVE and UP, since
 * a release may be the first report from far away (a press then a release
 * elsewhere, with no moves in between). */
static void track(gesture *g, float x, float y, uint64_t t, sink *k)
{
    add_sample(g, x, y, t);
    if (g->mode == GESTURE_MODE_PRESSED) {
        float dx = x - g->x0, dy = y - g->y0;
        float dist = hypotf(dx, dy);
        if (!(dist > g->cfg.slop_px))
            return;
        g->x = x;
        g->y = y;
        emit(k, GESTURE_CANCEL, g, t);
        if (fabsf(dy) >= fabsf(dx)) {
            g->mode = GESTURE_MODE_VERTICAL;
            /* The first DRAG carries only the travel beyond the slop circle,
             * so the page does not jump by the slop when scrolling starts. */
            float beyond = 1.0f - (g->cfg.slop_px > 0 ? g->cfg.slop_px / dist : 0.0f);
            gesture_event *e = emit(k, GESTURE_DRAG, g, t);
            if (e) {
                e->dx = dx * beyond;
                e->dy = dy * beyond;
            }
        } else {
            g->mode = GESTURE_MODE_HORIZONTAL;
        }
        return;
    }
    float dx = x - g->x, dy = y - g->y;
    g->x = x;
    g->y = y;
    if (g->mode == GESTURE_MODE_VERTICAL && (dx != 0.0f || dy != 0.0f)) {
        gesture_event *e = emit(k, GESTURE_DRAG, g, t);
        if (e) {
            e->dx = dx;
            e->dy = dy;
        }
    }
}

/* The pointer was lost (INPUT_CANCEL, or a release we cannot trust): drop the
 * feedback, and end a drag with a zero fling so a scroller that was being
 * held is let go and can spring back. */
static void lose(gesture *g, uint64_t t, sink *k)
{
    emit(k, GESTURE_CANCEL, g, t);
    if (g->mode == GESTURE_MODE_VERTICAL)
        emit(k, GESTURE_FLING, g, t);
    gesture_reset(g);
}

static void release(gesture *g, uint64_t t, sink *k)
{
    switch (g->mode) {
    case GESTURE_MODE_PRESSED:
        if (t - g->t0 <= g->cfg.tap_ms)
            emit(k, GESTURE_TAP, g, t);
        else
            emit(k, GESTURE_CANCEL, g, t); /* a long hold is not a tap */
        break;
    case GESTURE_MODE_VERTICAL: {
        gesture_event *e = emit(k, GESTURE_FLING, g, t);
        if (e)
            velocity(g, t, &e->vx, &e->vy);
        break;
    }
    case GESTURE_MODE_HORIZONTAL: {
        float dx = g->x - g->x0;
        double secs = (double)(t - g->t0) / 1000.0;
        /* An instant stroke (same timestamp) counts as infinitely fast. */
        bool fast = secs <= 0 || fabs(dx) / secs >= g->cfg.swipe_speed;
        if (fabsf(dx) >= g->cfg.swipe_px && fast) {
            gesture_event *e = emit(k, GESTURE_SWIPE, g, t);
            if (e)
                e->dir = dx < 0 ? -1 : 1;
        } else {
            emit(k, GESTURE_CANCEL, g, t);
        }
        break;
    }
    default:
        emit(k, GESTURE_CANCEL, g, t);
        break;
    }
    gesture_reset(g);
}

size_t gesture_feed(gesture *g, const input_event *ev, gesture_event *out, size_t max)
{
    sink k = { out, out ? max : 0, 0 };
    bool finite = isfinite(ev->x) && isfinite(ev->y);
    float x = clamp_coord(ev->x), y = clamp_coord(ev->y);
    switch (ev->kind) {
    case INPUT_DOWN:
        if (g->down || !finite)
            return 0; /* a second finger, or garbage: not ours */
        g->down = true;
        g->pointer = ev->pointer;
        g->x0 = g->x = x;
        g->y0 = g->y = y;
        g->t0 = ev->t_ms;
        g->mode = GESTURE_MODE_PRESSED;
        g->nsamples = 0;
        add_sample(g, x, y, ev->t_ms);
        emit(&k, GESTURE_PRESS, g, ev->t_ms);
        return k.n;
    case INPUT_MOVE:
        if (!g->down || ev->pointer != g->pointer || !finite)
            return 0;
        {
            uint64_t t = ev->t_ms < last_time(g) ? last_time(g) : ev->t_ms;
            track(g, x, y, t, &k);
        }
        return k.n;
    case INPUT_UP:
        if (!g->down || ev->pointer != g->pointer)
            return 0;
        {
            uint64_t t = ev->t_ms < last_time(g) ? last_time(g) : ev->t_ms;
            /* Ignoring a garbage release would leave the finger "down" for
             * ever (and the kiosk would never go idle); treat it as lost. */
            if (!finite) {
                lose(g, t, &k);
                return k.n;
            }
            track(g, x, y, t, &k);
            /* TAP and friends report the release point. */
            g->x = x;
            g->y = y;
            release(g, t, &k);
        }
        return k.n;
    case INPUT_CANCEL:
        if (g->down)
            lose(g, ev->t_ms < last_time(g) ? last_time(g) : ev->t_ms, &k);
        return k.n;
    case INPUT_KEY:
    case INPUT_WHEEL:
    default:
        return 0;
    }
}
