/* wallclock.h - when the wall clock is believed: the one rule behind every
 * use of the date and time of day that could do harm when the clock is
 * wrong (a Raspberry Pi without a battery-backed clock boots at an old
 * date; a clock set by hand to try a schedule can be a year ahead).
 *
 * The clock is judged against evidence, never by itself: the latest moment
 * known to have passed (the newest usage count on file, the first day of
 * the content's event once its day has come) and how far beyond that the
 * clock may plausibly be. A clock behind the evidence is believed only when
 * a time service has synchronised it and the caller accepts that proof
 * (showing talks does; destroying data does not).
 *
 * The dates parsed here are real calendar dates (2026-02-30 is refused).
 * Pure: no clock is read, no state. */
#ifndef OPENDAY_WALLCLOCK_H
#define OPENDAY_WALLCLOCK_H

#include <stdbool.h>
#include <stdint.h>

#define WALLCLOCK_NONE INT64_MIN    /* no evidence / no limit */

typedef enum {
    WALLCLOCK_OK,        /* believed */
    WALLCLOCK_BEHIND,    /* before a moment known to have passed */
    WALLCLOCK_AHEAD,     /* further beyond that moment than plausible */
} wallclock_verdict;

/* now_s: the clock's reading; known_s: the latest moment known to have
 * passed, WALLCLOCK_NONE for none (then always OK); ahead_s: how far past
 * known_s the clock is believed, WALLCLOCK_NONE for any distance; synced: a
 * time service vouches for the clock (overrides BEHIND only). Any unit, as
 * long as all three share it (seconds, or days * 86400 for dates). */
wallclock_verdict wallclock_judge(int64_t now_s, int64_t known_s, int64_t ahead_s,
                                  bool synced);

/* "YYYY-MM-DD" exactly, a real date of years 1970-9999, as days since
 * 1970-01-01; false (leaving *days) for anything else. */
bool wallclock_parse_date(const char *s, int64_t *days);

/* Days since 1970-01-01 of a proleptic Gregorian date (month 1-12). */
int64_t wallclock_days(int y, int m, int d);

#endif
