/* health.c - the health record. See health.h. */
#include "health.h"

#include <cJSON.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void add_text(cJSON *o, const char *key, const char *v)
{
    if (v)
        cJSON_AddStringToObject(o, key, v);
    else
        cJSON_AddNullToObject(o, key);
}

/* The throttling word as named flags, so a monitoring rule needs no bit
 * arithmetic. */
static void add_throttle(cJSON *o, bool known, uint32_t t)
{
    if (!known) {
        cJSON_AddNullToObject(o, "throttled");
        return;
    }
    static const struct {
        uint32_t bit;
        const char *name;
    } flags[] = { { HEALTH_UNDER_VOLTAGE, "under_voltage" },
                  { HEALTH_FREQ_CAPPED, "freq_capped" },
                  { HEALTH_THROTTLED, "throttled" },
                  { HEALTH_SOFT_TEMP_LIMIT, "soft_temp_limit" } };
    cJSON *th = cJSON_AddObjectToObject(o, "throttled");
    if (!th)
        return;
    char raw[16];
    snprintf(raw, sizeof raw, "0x%" PRIx32, t);
    cJSON_AddStringToObject(th, "raw", raw);
    char name[48];
    for (size_t i = 0; i < sizeof flags / sizeof *flags; i++) {
        cJSON_AddBoolToObject(th, flags[i].name, (t & flags[i].bit) != 0);
        snprintf(name, sizeof name, "%s_occurred", flags[i].name);
        cJSON_AddBoolToObject(th, name, (t & (flags[i].bit << HEALTH_OCCURRED_SHIFT)) != 0);
    }
}

char *health_json(const health_info *h)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    char hash[24];
    snprintf(hash, sizeof hash, "%016" PRIx64, h->content_hash);
    add_text(o, "version", h->version);
    add_text(o, "content_version", h->content_version);
    add_text(o, "content_hash", h->content_hash ? hash : NULL);
    add_text(o, "content_state", h->content_state);
    add_text(o, "renderer", h->renderer);
    cJSON_AddNumberToObject(o, "uptime_s", (double)(int64_t)h->uptime_s);
    cJSON_AddNumberToObject(o, "written_at", (double)h->now_s);
    if (h->last_frame_s)
        cJSON_AddNumberToObject(o, "last_frame_at", (double)h->last_frame_s);
    else
        cJSON_AddNullToObject(o, "last_frame_at");
    cJSON_AddNumberToObject(o, "frames", (double)h->frames);
    cJSON_AddBoolToObject(o, "drawing", h->frames > 0);
    cJSON_AddNumberToObject(o, "late_frames_last_minute", h->late_last_minute);
    add_text(o, "screen", h->screen);
    cJSON *d = cJSON_AddObjectToObject(o, "display");
    if (d) {
        add_text(d, "power", h->display ? h->display : "on");
        add_text(d, "method", h->display_method ? h->display_method : "none");
        add_text(d, "reason", h->display_reason ? h->display_reason : "always on");
    }
    add_throttle(o, h->throttle_known, h->throttled);
    char *text = cJSON_Print(o);
    cJSON_Delete(o);
    return text;
}

bool health_parse_throttled(const char *text, uint32_t *out)
{
    if (!text)
        return false;
    while (*text == ' ' || *text == '\t')
        text++;
    if (!strncmp(text, "throttled=", 10))
        text += 10;
    char *end;
    errno = 0;
    unsigned long v = strtoul(text, &end, 16);
    if (end == text || errno || v > 0xffffffffUL)
        return false;
    while (*end == ' ' || *end == '\n' || *end == '\r' || *end == '\t')
        end++;
    if (*end)
        return false;
    *out = (uint32_t)v;
    return true;
}

int health_judge(const char *text, int64_t now_s, char *why, size_t n)
{
    cJSON *o = text ? cJSON_Parse(text) : NULL;
    const cJSON *at = cJSON_GetObjectItemCaseSensitive(o, "written_at");
    const cJSON *drawing = cJSON_GetObjectItemCaseSensitive(o, "drawing");
    int rc = 1;
    if (!cJSON_IsNumber(at) || !cJSON_IsBool(drawing)) {
        snprintf(why, n, "not a health record");
    } else {
        double age = (double)now_s - at->valuedouble;
        if (age >= HEALTH_STALE_S)
            snprintf(why, n, "stale: written %.0f s ago (the kiosk's loop is not running)",
                     age);
        else if (age < -HEALTH_STALE_S)
            snprintf(why, n, "written %.0f s in the future: the clock was set back", -age);
        else if (!cJSON_IsTrue(drawing))
            snprintf(why, n, "fresh (%.0f s old) but no frame drawn yet", age < 0 ? 0 : age);
        else {
            snprintf(why, n, "healthy: written %.0f s ago, drawing", age < 0 ? 0 : age);
            rc = 0;
        }
    }
    cJSON_Delete(o);
    return rc;
}

void health_late_init(health_late *w)
{
    memset(w, 0, sizeof *w);
}

unsigned health_late_add(health_late *w, uint64_t now_ms, uint64_t late_total)
{
    w->t_ms[w->next] = now_ms;
    w->late[w->next] = late_total;
    w->next = (w->next + 1) % HEALTH_LATE_SAMPLES;
    if (w->count < HEALTH_LATE_SAMPLES)
        w->count++;
    /* The oldest sample still inside the minute is the base. */
    uint64_t base = late_total;
    for (size_t i = 0; i < w->count; i++) {
        size_t k = (w->next + HEALTH_LATE_SAMPLES - 1 - i) % HEALTH_LATE_SAMPLES;
        if (now_ms - w->t_ms[k] > 60000)
            break;
        base = w->late[k];
    }
    return late_total >= base ? (unsigned)(late_total - base) : 0;
}
