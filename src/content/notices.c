/* notices.c - notices against the time of day. See notices.h. */
#include "notices.h"

#define DAY 1440

bool notices_active(const content *c, size_t i, int wall_minute)
{
    if (i >= c->n_notices)
        return false;
    const content_notice *n = &c->notices[i];
    if (n->start < 0 && n->end < 0)
        return true;
    if (wall_minute < 0)
        return false;
    if (n->end > DAY) /* past midnight: the evening, then the small hours */
        return wall_minute >= n->start || wall_minute < n->end - DAY;
    return (n->start < 0 || wall_minute >= n->start) && (n->end < 0 || wall_minute < n->end);
}

size_t notices_count(const content *c, int wall_minute, size_t *urgent)
{
    size_t k = 0, u = 0;
    for (size_t i = 0; i < c->n_notices; i++)
        if (notices_active(c, i, wall_minute)) {
            k++;
            u += c->notices[i].level == CONTENT_NOTICE_URGENT;
        }
    if (urgent)
        *urgent = u;
    return k;
}

int notices_next_change(const content *c, int wall_minute)
{
    if (wall_minute < 0)
        return -1;
    int best = -1;
    for (size_t i = 0; i < c->n_notices; i++) {
        int t[2] = { c->notices[i].start, c->notices[i].end };
        for (int k = 0; k < 2; k++) {
            if (t[k] < 0)
                continue;
            int d = ((t[k] - wall_minute) % DAY + DAY) % DAY;
            if (d == 0)
                d = DAY; /* this minute's change has happened: the next is tomorrow */
            if (best < 0 || d < best)
                best = d;
        }
    }
    return best;
}

bool notices_slide_shows(const content *c, size_t i, int wall_minute)
{
    if (i >= c->n_slides || c->slides[i].kind != CONTENT_ATTRACT_NOTICES)
        return true;
    return notices_count(c, wall_minute, NULL) > 0;
}
