/* talks.h - the day's talks (content.talks) against the time of day: which
 * are over, which is on now and which comes next.
 *
 * Pure: no clock is read here. The caller passes the wall clock's minute of
 * the day (0-1439) or -1 when it is unknown or cannot be trusted; then no
 * talk is "now", "next" or "past" and screens show the whole day.
 *
 * A talk that runs past midnight ends after minute 1440 (content.h); the
 * minutes after midnight until the last such talk ends count as the end of
 * the same day, not as the morning before it. Overlapping talks may all be
 * on now; every talk starting at the soonest start after now is "next".
 *
 * Whether a talk is now depends on its day: talks_clock_minute turns the
 * local date and time into the minute the functions below take, -1 (no
 * talk now, next or past) on any day but the talks' day and the night
 * after it while a late talk runs on. talks_clock_trusted is the
 * clock-trust rule (wallclock.h) for the talks: a clock that reads before
 * the talks' day is not believed unless a time service synchronised it. */
#ifndef OPENDAY_TALKS_H
#define OPENDAY_TALKS_H

#include <stdbool.h>
#include <stddef.h>
#include "content.h"

typedef enum { TALKS_LATER, TALKS_PAST, TALKS_NOW, TALKS_NEXT, TALKS_UNTIMED } talk_state;

/* The minute (0-1439) to hand to the functions below at local_date
 * ("YYYY-MM-DD") and minute of the day: minute itself on the talks' day
 * (talks.json's date, else openday.json's), and on the day after before
 * the latest talk past midnight ends; -1 on every other day, in the small
 * hours of the talks' day itself that a late talk's tail would be mistaken
 * for, for a minute out of range and for a date that is not a real one. A
 * content without a real day gives minute unchanged (the talks are every
 * day's). */
int talks_clock_minute(const content *c, const char *local_date, int minute);
/* Whether the clock at local_date may drive now and next: true when the
 * content has no real day, or the date is not before it, or synced (a time
 * service vouches for the clock); false for a date that is not real. */
bool talks_clock_trusted(const content *c, const char *local_date, bool synced);

/* The wall minute as a minute of the content's day (beyond 1439 in the
 * small hours that belong to the evening before), or -1 for -1. */
int talks_day_minute(const content *c, int wall_minute);
/* State of talk i at wall_minute; TALKS_UNTIMED when wall_minute is -1. */
talk_state talks_state(const content *c, size_t i, int wall_minute);
/* True when the clock is known and no talk is on or to come. */
bool talks_all_done(const content *c, int wall_minute);
/* The talk of degree d that starts next (the soonest start after now),
 * or (size_t)-1 when none or the clock is unknown. */
size_t talks_next_for_degree(const content *c, size_t d, int wall_minute);
/* "14:00" for a minute of the day (wrapped at 24 h) into buf (6 bytes). */
void talks_format_time(int minute, char *buf, size_t n);
/* "HH:MM" as a minute 0-1439, or -1 when it is not one. */
int talks_parse_time(const char *s);

#endif
