/* notices.h - which notices (content.notices) apply at a time of day.
 *
 * Pure: no clock is read here. The caller passes the wall clock's minute of
 * the day (0-1439) or -1 when it is unknown or cannot be trusted. A notice
 * without start and end always applies; one with a start applies from that
 * minute, one with an end until that minute (the end itself is over). One
 * whose end is before its start runs past midnight (the loader stores its
 * end beyond 1440, as a late talk's): it applies from the start until
 * midnight and from midnight until the end, every night. When
 * the clock is unknown, a timed notice is not shown: nobody can say whether
 * it has begun or is already over. */
#ifndef OPENDAY_NOTICES_H
#define OPENDAY_NOTICES_H

#include <stdbool.h>
#include <stddef.h>
#include "content.h"

/* Whether notice i applies at wall_minute. */
bool notices_active(const content *c, size_t i, int wall_minute);
/* How many apply at wall_minute, and of those how many are urgent. */
size_t notices_count(const content *c, int wall_minute, size_t *urgent);
/* Minutes from wall_minute until the next start or end of a notice (within
 * the next day), or -1 when none is to come or the clock is unknown. */
int notices_next_change(const content *c, int wall_minute);
/* Whether attract slide i is shown at wall_minute: every slide is, but the
 * notices slide only while a notice applies. */
bool notices_slide_shows(const content *c, size_t i, int wall_minute);

#endif
