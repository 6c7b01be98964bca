/* wallclock.c - see wallclock.h. */
#include "wallclock.h"

#include <string.h>

wallclock_verdict wallclock_judge(int64_t now_s, int64_t known_s, int64_t ahead_s,
                                  bool synced)
{
    if (known_s == WALLCLOCK_NONE)
        return WALLCLOCK_OK;
    if (now_s < known_s)
        return synced ? WALLCLOCK_OK : WALLCLOCK_BEHIND;
    if (ahead_s != WALLCLOCK_NONE && now_s - known_s > ahead_s)
        return WALLCLOCK_AHEAD;
    return WALLCLOCK_OK;
}

int64_t wallclock_days(int y, int m, int d)
{
    /* Counting years from March puts the leap day last. */
    int64_t yy = (int64_t)y - (m <= 2);
    int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
    int64_t yoe = yy - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int month_days(int y, int m)
{
    static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

bool wallclock_parse_date(const char *s, int64_t *days)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    int v[3] = { 0, 0, 0 };
    static const int at[3] = { 0, 5, 8 }, len[3] = { 4, 2, 2 };
    for (int f = 0; f < 3; f++)
        for (int i = 0; i < len[f]; i++) {
            char c = s[at[f] + i];
            if (c < '0' || c > '9')
                return false;
            v[f] = v[f] * 10 + (c - '0');
        }
    if (v[0] < 1970 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > month_days(v[0], v[1]))
        return false;
    *days = wallclock_days(v[0], v[1], v[2]);
    return true;
}
