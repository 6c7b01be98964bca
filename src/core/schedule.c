/* schedule.c - the display schedule. See schedule.h. */
#include "schedule.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static const char *const day_names[7] = { "sun", "mon", "tue", "wed", "thu", "fri", "sat" };

static int day_of(const char *s, size_t len)
{
    if (len != 3)
        return -1;
    for (int d = 0; d < 7; d++)
        if (!strncmp(s, day_names[d], 3))
            return d;
    return -1;
}

/* "HH:MM" (one or two hour digits) or "none"; len bytes at s. */
static bool parse_hm(const char *s, size_t len, int *out)
{
    if (len == 4 && !strncmp(s, "none", 4)) {
        *out = SCHEDULE_NONE;
        return true;
    }
    size_t i = 0;
    int h = 0, m = 0;
    while (i < len && i < 2 && isdigit((unsigned char)s[i]))
        h = h * 10 + (s[i++] - '0');
    if (i == 0 || i >= len || s[i] != ':' || len - i != 3 || !isdigit((unsigned char)s[i + 1]) ||
        !isdigit((unsigned char)s[i + 2]))
        return false;
    m = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
    if (h > 23 || m > 59)
        return false;
    *out = h * 60 + m;
    return true;
}

/* Days of "mon", "mon-fri" or "sat-sun" into a bit set; 0 when malformed. */
static unsigned parse_days(const char *s, size_t len)
{
    const char *dash = memchr(s, '-', len);
    int a = day_of(s, dash ? (size_t)(dash - s) : len);
    int b = dash ? day_of(dash + 1, len - (size_t)(dash - s) - 1) : a;
    if (a < 0 || b < 0)
        return 0;
    unsigned set = 0;
    /* Monday-first order, so mon-sun and fri-mon read as people mean. */
    int ia = (a + 6) % 7, ib = (b + 6) % 7;
    for (int i = ia;; i = (i + 1) % 7) {
        set |= 1u << ((i + 1) % 7);
        if (i == ib)
            break;
    }
    return set;
}

bool schedule_parse_times(const char *text, int minutes[7], char *err, size_t n)
{
    int every = SCHEDULE_NONE;
    bool have_every = false;
    int by_day[7];
    unsigned named = 0;
    const char *p = text;
    if (!*text) {
        snprintf(err, n, "is empty; give a time such as 08:30");
        return false;
    }
    while (*p) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        const char *a = p, *b = p + len;
        while (a < b && isspace((unsigned char)*a))
            a++;
        while (b > a && isspace((unsigned char)b[-1]))
            b--;
        const char *sp = a;
        while (sp < b && !isspace((unsigned char)*sp))
            sp++;
        const char *t = sp;
        while (t < b && isspace((unsigned char)*t))
            t++;
        int m;
        if (sp == b) { /* "HH:MM" alone */
            if (!parse_hm(a, (size_t)(b - a), &m)) {
                snprintf(err, n, "\"%.*s\" is not a time such as 08:30 (or none)",
                         (int)(b - a > 40 ? 40 : b - a), a);
                return false;
            }
            if (have_every) {
                snprintf(err, n, "has two times for every day; name the days of one, "
                                 "such as sat 10:00");
                return false;
            }
            every = m;
            have_every = true;
        } else {
            unsigned days = parse_days(a, (size_t)(sp - a));
            if (!days) {
                snprintf(err, n, "\"%.*s\" is not a weekday or range such as mon-fri",
                         (int)(sp - a > 20 ? 20 : sp - a), a);
                return false;
            }
            if (!parse_hm(t, (size_t)(b - t), &m)) {
                snprintf(err, n, "\"%.*s\" is not a time such as 08:30 (or none)",
                         (int)(b - t > 40 ? 40 : b - t), t);
                return false;
            }
            if (days & named) {
                snprintf(err, n, "names a weekday twice");
                return false;
            }
            named |= days;
            for (int d = 0; d < 7; d++)
                if (days & (1u << d))
                    by_day[d] = m;
        }
        p = end ? end + 1 : p + len;
    }
    for (int d = 0; d < 7; d++)
        minutes[d] = (named & (1u << d)) ? by_day[d] : every;
    return true;
}

bool schedule_make(schedule *s, const char *on_text, const char *off_text, char *err, size_t n)
{
    memset(s, 0, sizeof *s);
    for (int d = 0; d < 7; d++)
        s->on[d] = s->off[d] = SCHEDULE_NONE;
    char why[200];
    if (on_text && !schedule_parse_times(on_text, s->on, why, sizeof why)) {
        snprintf(err, n, "display-on: %s", why);
        return false;
    }
    if (off_text && !schedule_parse_times(off_text, s->off, why, sizeof why)) {
        snprintf(err, n, "display-off: %s", why);
        return false;
    }
    if (off_text && !on_text) {
        snprintf(err, n, "%s", SCHEDULE_HALF_ERROR);
        return false;
    }
    s->active = on_text || off_text;
    return true;
}

void schedule_describe(const char *on_text, const char *off_text, char *out, size_t n)
{
    if (!on_text && !off_text)
        snprintf(out, n, "always on");
    else if (!off_text)
        snprintf(out, n, "on %s, on to midnight", on_text);
    else if (!on_text)
        snprintf(out, n, "off %s", off_text);
    else
        snprintf(out, n, "on %s, off %s", on_text, off_text);
}

/* Whether day d's own window covers minute m (0..1439) of day d, and
 * whether it spills past midnight. With an on-time and no off-time the
 * display stays on to midnight; an off-time alone switches off a display
 * left on from the day before. */
static bool own_window(const schedule *s, int d, int m)
{
    int on = s->on[d], off = s->off[d];
    if (on == SCHEDULE_NONE)
        return false;
    if (off == SCHEDULE_NONE || off <= on)
        return m >= on;
    return m >= on && m < off;
}

static bool spills(const schedule *s, int d)
{
    return s->on[d] != SCHEDULE_NONE && s->off[d] != SCHEDULE_NONE && s->off[d] <= s->on[d];
}

bool schedule_on_at(const schedule *s, int wday, int minute)
{
    if (!s->active)
        return true;
    int d = ((wday % 7) + 7) % 7;
    if (own_window(s, d, minute))
        return true;
    int prev = (d + 6) % 7;
    /* Yesterday's window ran past midnight: on until yesterday's off-time. */
    if (spills(s, prev) && minute < s->off[prev])
        return true;
    /* Yesterday stayed on to midnight with no off-time: on until today's
     * off-time (an off-time alone), else off at midnight. */
    if (s->on[prev] != SCHEDULE_NONE && s->off[prev] == SCHEDULE_NONE &&
        s->on[d] == SCHEDULE_NONE && s->off[d] != SCHEDULE_NONE)
        return minute < s->off[d];
    return false;
}

int schedule_minutes_to_change(const schedule *s, int wday, int minute)
{
    bool now = schedule_on_at(s, wday, minute);
    for (int k = 1; k <= 7 * 1440; k++) {
        int m = minute + k;
        if (schedule_on_at(s, wday + m / 1440, m % 1440) != now)
            return k;
    }
    return -1;
}

void display_power_init(display_power *p, const schedule *s)
{
    memset(p, 0, sizeof *p);
    if (s)
        p->times = *s;
    p->on = p->by_schedule = true;
}

bool display_power_update(display_power *p, int wday, int minute, uint64_t now_ms)
{
    p->by_schedule = schedule_on_at(&p->times, wday, minute);
    if (p->by_schedule)
        p->wake_until = 0; /* the schedule took over: a later night starts dark */
    p->on = p->by_schedule || now_ms < p->wake_until;
    return p->on;
}

bool display_power_pointer(display_power *p, int kind, uint64_t now_ms)
{
    if (p->swallowing) {
        if (kind == 2)
            p->swallowing = false;
        if (!p->by_schedule && now_ms + SCHEDULE_WAKE_MS > p->wake_until)
            p->wake_until = now_ms + SCHEDULE_WAKE_MS;
        return true;
    }
    if (p->by_schedule)
        return false;
    if (p->on) {
        /* Awake at night: each touch keeps it awake for another while. */
        p->wake_until = now_ms + SCHEDULE_WAKE_MS;
        return false;
    }
    if (kind != 0)
        return true; /* a stray move or release while dark */
    p->wake_until = now_ms + SCHEDULE_WAKE_MS;
    p->on = true;
    p->swallowing = true;
    return true;
}

const char *display_power_reason(const display_power *p)
{
    if (!p->times.active)
        return "always on";
    if (p->by_schedule)
        return "schedule";
    return p->on ? "woken by touch" : "scheduled off";
}
