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
 * on now; every talk starting at the soonest start after now is "next". */
#ifndef OPENDAY_TALKS_H
#define OPENDAY_TALKS_H

#include <stdbool.h>
#include <stddef.h>
#include "content.h"

typedef enum { TALK_LATER, TALK_PAST, TALK_NOW, TALK_NEXT, TALK_UNTIMED } talk_state;

/* The wall minute as a minute of the content's day (beyond 1439 in the
 * small hours that belong to the evening before), or -1 for -1. */
int talks_day_minute(const content *c, int wall_minute);
/* State of talk i at wall_minute; TALK_UNTIMED when wall_minute is -1. */
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
