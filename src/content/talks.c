/* talks.c - now and next. See talks.h. */
#include "talks.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define DAY 1440

int talks_day_minute(const content *c, int wall_minute)
{
    if (wall_minute < 0)
        return -1;
    int tail = 0; /* how far past midnight the latest talk runs */
    for (size_t i = 0; i < c->n_talks; i++)
        if (c->talks[i].end - DAY > tail)
            tail = c->talks[i].end - DAY;
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
        return TALK_UNTIMED;
    const content_talk *k = &c->talks[i];
    if (k->end <= t)
        return TALK_PAST;
    if (k->start <= t)
        return TALK_NOW;
    return k->start == soonest_after(c, t) ? TALK_NEXT : TALK_LATER;
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
