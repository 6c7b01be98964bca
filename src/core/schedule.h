/* schedule.h - when the display sleeps: the display-on / display-off times
 * of openday.conf, and the panel's power as the kiosk wants it.
 *
 * A time value is "HH:MM" for every day, or a comma-separated list of
 * "[DAYS] HH:MM" items where DAYS is a weekday (mon ... sun), a range
 * (mon-fri) or nothing (every day not named elsewhere); "none" instead of a
 * time means no such switch that day (display-on = sun none: dark all
 * Sunday). Example: display-on = 08:30, sat 10:00, sun none.
 * On each day the display is on from its on-time until its off-time; an
 * off-time earlier than the on-time runs past midnight into the next day.
 * display-on alone keeps the display on from the on-time to midnight (on by
 * day, dark from midnight to the on-time). display-off alone is an error
 * (SCHEDULE_HALF_ERROR): with no on-time the display would never come on,
 * and a panel dark all day is never what it means.
 *
 * The power controller turns a schedule, the local time and touches into
 * "on" or "off": while the schedule says off, a touch wakes the display for
 * SCHEDULE_WAKE_MS and is swallowed (the finger that woke the screen
 * presses nothing), up to the finger's release.
 *
 * Pure: no SDL, no clock. Local time comes in as (weekday, minute of the
 * day), monotonic time in milliseconds. Caller storage; nothing allocated. */
#ifndef OPENDAY_SCHEDULE_H
#define OPENDAY_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SCHEDULE_NONE (-1)             /* no switch that day */
#define SCHEDULE_WAKE_MS (5u * 60u * 1000u)

typedef struct {
    int on[7], off[7];   /* minutes after midnight by weekday (0 = Sunday, as
                            struct tm's tm_wday), or SCHEDULE_NONE */
    bool active;         /* a schedule was given: else always on */
} schedule;

/* Parse one value (display-on's or display-off's) into minutes[7]. On a
 * malformed value false with why in err ("\"8.30\" is not a time such as
 * 08:30"). */
bool schedule_parse_times(const char *text, int minutes[7], char *err, size_t n);

/* Both values (either may be NULL: that switch never happens). Neither
 * given: an inactive schedule (always on). display-off without display-on:
 * false with SCHEDULE_HALF_ERROR in err. */
#define SCHEDULE_HALF_ERROR                                                                    \
    "display-off needs display-on: give the time the display comes on too (alone, "            \
    "display-off would keep the panel dark all day)"
bool schedule_make(schedule *s, const char *on_text, const char *off_text, char *err,
                   size_t n);

/* The two values as one phrase for the log, right for either or both
 * missing: "on 08:30, off 18:00", "on 08:30, on to midnight", "off 18:00",
 * "always on". */
void schedule_describe(const char *on_text, const char *off_text, char *out, size_t n);

/* Whether the schedule has the display on at local weekday wday, minute of
 * the day minute. An inactive schedule is always on. */
bool schedule_on_at(const schedule *s, int wday, int minute);

/* Minutes from (wday, minute) until schedule_on_at next changes, at most a
 * week; -1 when it never changes. */
int schedule_minutes_to_change(const schedule *s, int wday, int minute);

typedef struct {
    schedule times;
    uint64_t wake_until;   /* monotonic ms: a touch woke the display until then */
    bool on;               /* the display as last decided */
    bool swallowing;       /* the finger that woke the display is still down */
    bool by_schedule;      /* the schedule has it on (not just a wake) */
} display_power;

void display_power_init(display_power *p, const schedule *s);
/* Decide at local (wday, minute) and monotonic now_ms; returns whether the
 * display is to be on. */
bool display_power_update(display_power *p, int wday, int minute, uint64_t now_ms);
/* A pointer event (kind: 0 press, 1 move, 2 release or cancel) at now_ms:
 * true when it must not reach the app (it woke the display, or belongs to
 * the finger that did). A press while off wakes the display at once. */
bool display_power_pointer(display_power *p, int kind, uint64_t now_ms);
/* "schedule", "woken by touch", "always on", "scheduled off". */
const char *display_power_reason(const display_power *p);

#endif
