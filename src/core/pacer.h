/* pacer.h - the frame scheduler: fixed update steps and frame pacing.
 *
 * Pure: no SDL and no clock of its own. Times are integer ticks of a monotonic
 * counter (SDL_GetPerformanceCounter in the app, simulated in tests) with a
 * given frequency. Frame deadlines are kept on an absolute grid so pacing does
 * not drift over hours; after a stall the grid is re-anchored and at most
 * max_steps update steps run, so there is no burst of catch-up frames.
 * Statistics use a fixed histogram, so they cost the same after a week as after
 * a minute. pacer_init fills caller storage; nothing is allocated. */
#ifndef OPENDAY_SCHED_H
#define OPENDAY_SCHED_H

#include <stdbool.h>
#include <stdint.h>

#define PACER_HIST_BINS 2000   /* 0.05 ms bins up to 100 ms */

typedef struct {
    uint64_t freq;          /* ticks per second */
    uint64_t period;        /* ticks per frame */
    uint64_t step;          /* ticks per update step (== period) */
    uint64_t next;          /* deadline of the next frame */
    uint64_t acc_origin;    /* time up to which updates have been run */
    unsigned max_steps;
    unsigned fps;           /* frames (and update steps) per second, 1..1000 */
    uint64_t origin;        /* grid point 0: grid point n is origin + n*freq/fps */
    /* statistics */
    uint64_t frames, late, steps, dropped_steps;
    uint64_t work_total;    /* ticks */
    uint64_t work_max;
    uint32_t hist[PACER_HIST_BINS + 1];
} pacer;

void pacer_init(pacer *s, uint64_t freq, unsigned fps, uint64_t now);
/* How many fixed update steps to run now (0..max_steps), advancing the
 * internal accumulator; time beyond max_steps is dropped and counted. */
unsigned pacer_steps(pacer *s, uint64_t now);
/* Length of one update step in milliseconds (float). */
double pacer_step_ms(const pacer *s);
/* Record a drawn frame whose work ran from start to end. A frame is late when
 * its work ended after the deadline it was drawn for. Advances the deadline. */
void pacer_frame_done(pacer *s, uint64_t start, uint64_t end);
/* Ticks to wait from now until the next deadline (0 when it has passed). */
uint64_t pacer_wait(const pacer *s, uint64_t now);
/* Re-anchor the grid at now (after idling without frames). */
void pacer_resync(pacer *s, uint64_t now);

typedef struct {
    uint64_t frames, late;
    double mean_ms, p50_ms, p99_ms, max_ms;
} pacer_stats;
void pacer_get_stats(const pacer *s, pacer_stats *out);

#endif
