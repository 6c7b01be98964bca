/* health.h - the kiosk's health record, STATE/health.json, and the verdict
 * `openday --health` gives on it.
 *
 * The running kiosk fills a health_info from what it knows (the platform
 * adds the renderer, the display's power and the firmware's throttling
 * flags) and writes health_json's text atomically (file.h) at most every
 * HEALTH_EVERY_MS. A monitoring system runs `openday --health STATE_DIR`,
 * which reads the file back and judges it with health_judge: healthy when
 * the record is fresh (written under HEALTH_STALE_S ago: the loop that
 * writes it is alive) and the kiosk is drawing (it has put frames on the
 * screen).
 *
 * Pure: no SDL and no clock. Times are passed in: wall-clock seconds for
 * the stamps a person reads, monotonic milliseconds for the late-frame
 * window. health_json returns heap text (free with free), NULL when out of
 * memory. */
#ifndef OPENDAY_HEALTH_H
#define OPENDAY_HEALTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HEALTH_FILE "health.json"
#define HEALTH_EVERY_MS 10000u    /* at most one write per 10 s */
#define HEALTH_STALE_S 30.0       /* an older record means a dead loop */

/* The Raspberry Pi firmware's get_throttled bits (the same word vcgencmd
 * get_throttled prints): the low bits say what holds now, the same bits
 * shifted by 16 what has happened since boot. */
enum {
    HEALTH_UNDER_VOLTAGE = 1u << 0,
    HEALTH_FREQ_CAPPED = 1u << 1,
    HEALTH_THROTTLED = 1u << 2,
    HEALTH_SOFT_TEMP_LIMIT = 1u << 3,
    HEALTH_OCCURRED_SHIFT = 16,
};

typedef struct {
    const char *version;          /* the app's */
    const char *content_version;  /* the manifest's version, or NULL */
    uint64_t content_hash;        /* a signature of the content's bytes, 0 = none */
    const char *content_state;    /* "live", "last-good" or "none" */
    const char *renderer;         /* SDL's renderer name, or NULL */
    double uptime_s;
    int64_t now_s;                /* wall clock (Unix seconds) at writing */
    int64_t last_frame_s;         /* wall clock of the last frame drawn, 0 = none */
    uint64_t frames;              /* frames drawn since start */
    unsigned late_last_minute;
    const char *screen;           /* the place shown ("home", "staff", ...) */
    const char *display;          /* "on" or "off" */
    const char *display_method;   /* how it is switched: "dpms", "backlight", "black",
                                     "none" */
    const char *display_reason;   /* "schedule", "woken by touch", "always on" */
    bool throttle_known;          /* the firmware said */
    uint32_t throttled;
} health_info;

char *health_json(const health_info *h);

/* Parse the firmware's get_throttled text ("0x50005\n" or "50005"). */
bool health_parse_throttled(const char *text, uint32_t *out);

/* Judge a record read back at wall-clock now_s: 0 when fresh and drawing,
 * 1 when not (also for text that is not a health record); why says which
 * in one line either way. */
int health_judge(const char *text, int64_t now_s, char *why, size_t n);

/* Late frames in the last minute from a running total: one sample per
 * call to health_late_add (every write), kept for a minute. */
#define HEALTH_LATE_SAMPLES 16
typedef struct {
    uint64_t t_ms[HEALTH_LATE_SAMPLES], late[HEALTH_LATE_SAMPLES];
    size_t count, next;
} health_late;
void health_late_init(health_late *w);
/* Record the total late at now_ms; returns how many happened in the
 * minute before now (or since the oldest sample, when younger). */
unsigned health_late_add(health_late *w, uint64_t now_ms, uint64_t late_total);

#endif
