/* talks.c - now and next. See talks.h. */
#include "talks.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "wallclock.h"

#define DAY 1440

/* The talks' day as days since 1970, false when the content has none that
 * is a real date (talks.json's, else the manifest's). */
static bool content_day(const content *c, int64_t *days)
{
    const char *d = c->talks_date && *c->talks_date ? c->talks_date : c->date;
    return d && wallclock_parse_date(d, days);
}

static int tail_minutes(const content *c)
{
    int tail = 0; /* how far past midnight the latest talk runs */
    for (size_t i = 0; i < c->n_talks; i++)
        if (c->talks[i].end - DAY > tail)
            tail = c->talks[i].end - DAY;
    return tail;
}

bool talks_clock_trusted(const content *c, const char *local_date, bool synced)
{
    int64_t day, today;
    if (!c || !content_day(c, &day))
        return true; /* no day to hold the clock against */
    if (!wallclock_parse_date(local_date, &today))
        return false;
    /* The event's day has not come while the clock reads before it: a Pi
     * without a clock battery boots at an old date until the network sets
     * it; the day itself is the evidence. */
    return wallclock_judge(today * 86400, day * 86400, WALLCLOCK_NONE, synced) ==
           WALLCLOCK_OK;
}

int talks_clock_minute(const content *c, const char *local_date, int minute)
{
    int64_t day, today;
    if (minute < 0 || minute >= DAY)
        return -1;
    if (!c || !content_day(c, &day))
        return minute;
    if (!wallclock_parse_date(local_date, &today))
        return -1;
    int tail = tail_minutes(c);
    if (today == day)
        /* The small hours of the day itself are before every talk, but
         * talks_day_minute would read them as the night after: plain. */
        return minute < tail ? -1 : minute;
    if (today == day + 1 && minute < tail)
        return minute; /* the night after, while the last talk runs on */
    return -1;
}

int talks_day_minute(const content *c, int wall_minute)
{
    if (wall_minute < 0)
        return -1;
    int tail = tail_minutes(c);
    return wall_minute < tail ? wall_minute + DAY : wall_minute;
}

static int soonest_after(const content *c, int t)
{
    int best = -1;
    for (size_t i = 0; i < c->n_talks; i++)
        if (c->talks[i].start > t && (best < 0 || c->talks[i].start < best))
            best = c->talks[i].start;
    return best;
}

talk_state talks_state(const content *c, size_t i, int wall_minute)
{
    int t = talks_day_minute(c, wall_minute);
    if (t < 0 || i >= c->n_talks)
        return TALKS_UNTIMED;
    const content_talk *k = &c->talks[i];
    if (k->end <= t)
        return TALKS_PAST;
    if (k->start <= t)
        return TALKS_NOW;
    return k->start == soonest_after(c, t) ? TALKS_NEXT : TALKS_LATER;
}

bool talks_all_done(const content *c, int wall_minute)
{
    int t = talks_day_minute(c, wall_minute);
    if (t < 0)
        return false;
    for (size_t i = 0; i < c->n_talks; i++)
        if (c->talks[i].end > t)
            return false;
    return true;
}

size_t talks_next_for_degree(const content *c, size_t d, int wall_minute)
{
    int t = talks_day_minute(c, wall_minute);
    if (t < 0)
        return (size_t)-1;
    size_t best = (size_t)-1;
    for (size_t i = 0; i < c->n_talks; i++) {
        const content_talk *k = &c->talks[i];
        if (k->start <= t)
            continue; /* on now or over: not what comes next */
        bool mine = false;
        for (size_t j = 0; j < k->n_degrees && !mine; j++)
            mine = k->degrees[j] == d;
        /* Talks are in order of start: the first that is not over wins. */
        if (mine && best == (size_t)-1)
            best = i;
    }
    return best;
}

void talks_format_time(int minute, char *buf, size_t n)
{
    int m = ((minute % DAY) + DAY) % DAY;
    snprintf(buf, n, "%02d:%02d", m / 60, m % 60);
}

int talks_parse_time(const char *s)
{
    if (!s || strlen(s) != 5 || !isdigit((unsigned char)s[0]) ||
        !isdigit((unsigned char)s[1]) || s[2] != ':' || !isdigit((unsigned char)s[3]) ||
        !isdigit((unsigned char)s[4]))
        return -1;
    int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
    return h < 24 && m < 60 ? h * 60 + m : -1;
}
