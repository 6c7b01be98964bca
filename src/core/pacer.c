/* pacer.c - frame pacing and fixed update steps on an absolute time grid.
 *
 * Grid point n lies at origin + floor(n * freq / fps). Every deadline and
 * every update-step boundary is such a point, computed from its index rather
 * than by adding a rounded period again and again, so the rounding error never
 * accumulates: after ten hours at 60 fps on a nanosecond clock (where a frame
 * is 16666666.67 ticks) the deadline is still within one tick of exact.
 *
 * Limits: fps is 1..1000, and at most freq so that a period is at least one
 * tick (two grid points on one tick would make the step count ambiguous);
 * freq must stay below about 9e14 ticks/s (the split multiplications below
 * would overflow beyond). Real counters run at 1e6 or 1e9. */
#include "pacer.h"

#include <string.h>

#define MAX_FPS 1000u
#define DEFAULT_MAX_STEPS 5u
#define BINS_PER_SECOND 20000u /* 0.05 ms histogram bins */

/* floor(n * freq / fps) without forming n * freq, which overflows after a
 * few months of nanoseconds: n = q * fps + r, so n * freq / fps is exactly
 * q * freq + r * freq / fps, and r < fps keeps r * freq small. */
static uint64_t grid_offset(const pacer *s, uint64_t n)
{
    uint64_t q = n / s->fps, r = n % s->fps;
    return q * s->freq + r * s->freq / s->fps;
}

/* The largest n whose grid point lies at or before origin + d, i.e. the
 * largest n with floor(n * freq / fps) <= d, which is the largest n with
 * n * freq <= (d + 1) * fps - 1. Split like grid_offset to avoid overflow. */
static uint64_t grid_index(const pacer *s, uint64_t d)
{
    if (d == UINT64_MAX)
        d--; /* unreachable in practice; keeps d + 1 from wrapping */
    uint64_t e = d + 1, q = e / s->freq, r = e % s->freq;
    if (r == 0)
        return q * s->fps - 1; /* q >= 1 here since e >= 1 */
    return q * s->fps + (r * s->fps - 1) / s->freq;
}

/* The first grid point strictly after t. */
static uint64_t grid_after(const pacer *s, uint64_t t)
{
    if (t < s->origin)
        return s->origin;
    return s->origin + grid_offset(s, grid_index(s, t - s->origin) + 1);
}

void pacer_init(pacer *s, uint64_t freq, unsigned fps, uint64_t now)
{
    memset(s, 0, sizeof *s);
    s->freq = freq ? freq : 1;
    s->fps = fps < 1 ? 1 : fps > MAX_FPS ? MAX_FPS : fps;
    if (s->fps > s->freq)
        s->fps = (unsigned)s->freq;
    s->period = s->freq / s->fps;
    s->step = s->period;
    s->max_steps = DEFAULT_MAX_STEPS;
    pacer_resync(s, now);
}

void pacer_resync(pacer *s, uint64_t now)
{
    s->origin = now;
    s->acc_origin = now;
    s->next = now + grid_offset(s, 1);
}

unsigned pacer_steps(pacer *s, uint64_t now)
{
    if (now < s->acc_origin)
        return 0; /* a clock read from before the last call: nothing new */
    /* acc_origin is always a grid point, so its index is exact. */
    uint64_t done = grid_index(s, s->acc_origin - s->origin);
    uint64_t due = grid_index(s, now - s->origin);
    if (due <= done)
        return 0;
    uint64_t avail = due - done;
    unsigned run = avail > s->max_steps ? s->max_steps : (unsigned)avail;
    /* After a stall, the time beyond max_steps is dropped rather than
     * replayed as a burst; staying on the same grid keeps the phase. */
    s->dropped_steps += avail - run;
    s->steps += run;
    s->acc_origin = s->origin + grid_offset(s, due);
    return run;
}

double pacer_step_ms(const pacer *s)
{
    /* The mean step length; individual steps differ by at most one tick. */
    return 1000.0 / (double)s->fps;
}

/* Count one sample; when a bin is about to overflow (after billions of
 * frames) every bin is halved, which keeps the shape of the distribution. */
static void hist_add(pacer *s, uint64_t work)
{
    uint64_t q = work / s->freq, r = work % s->freq;
    uint64_t bin = q >= 1 ? PACER_HIST_BINS : r * BINS_PER_SECOND / s->freq;
    if (bin > PACER_HIST_BINS)
        bin = PACER_HIST_BINS;
    if (s->hist[bin] == UINT32_MAX)
        for (size_t i = 0; i <= PACER_HIST_BINS; i++)
            s->hist[i] = s->hist[i] / 2 + (s->hist[i] & 1);
    s->hist[bin]++;
}

/* The frame that began at `start` was drawn for the first grid point after
 * it: a frame that starts right on a deadline (the main loop waits for it)
 * has one whole period to finish. */
void pacer_frame_done(pacer *s, uint64_t start, uint64_t end)
{
    uint64_t work = end > start ? end - start : 0;
    s->frames++;
    s->work_total += work;
    if (work > s->work_max)
        s->work_max = work;
    hist_add(s, work);
    if (end > grid_after(s, start))
        s->late++;
    /* Skip every slot the work overran; the next frame aims at a fresh one. */
    s->next = grid_after(s, end);
}

uint64_t pacer_wait(const pacer *s, uint64_t now)
{
    return s->next > now ? s->next - now : 0;
}

static double ticks_ms(const pacer *s, double ticks)
{
    return ticks * 1000.0 / (double)s->freq;
}

/* The pct-th percentile of the work, from the histogram. */
static double percentile(const pacer *s, unsigned pct, double max_ms)
{
    uint64_t total = 0;
    for (size_t i = 0; i <= PACER_HIST_BINS; i++)
        total += s->hist[i];
    /* The smallest count that covers pct% of the samples, rounded up. */
    uint64_t need = (total * pct + 99) / 100, cum = 0;
    size_t b = 0;
    for (; b < PACER_HIST_BINS; b++) {
        cum += s->hist[b];
        if (cum >= need)
            break;
    }
    /* Upper edge of that bin; the overflow bin has none, so use the exact
     * maximum there. A percentile never exceeds the maximum either. */
    double p = b < PACER_HIST_BINS ? (double)(b + 1) * 1000.0 / BINS_PER_SECOND : max_ms;
    return p < max_ms ? p : max_ms;
}

void pacer_get_stats(const pacer *s, pacer_stats *out)
{
    memset(out, 0, sizeof *out);
    out->frames = s->frames;
    out->late = s->late;
    if (!s->frames)
        return;
    out->mean_ms = ticks_ms(s, (double)s->work_total) / (double)s->frames;
    out->max_ms = ticks_ms(s, (double)s->work_max);
    out->p50_ms = percentile(s, 50, out->max_ms);
    out->p99_ms = percentile(s, 99, out->max_ms);
}
