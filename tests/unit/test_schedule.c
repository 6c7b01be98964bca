/* test_schedule.c - the display schedule (schedule.h), the panel switching
 * it drives (panel.h) on a fake sysfs folder, and the configuration lines
 * that set it.
 *
 * The timeline test runs a simulated Monday to Tuesday minute by minute
 * with an injected clock: the display goes off at display-off, a touch at
 * night wakes it for five minutes without pressing anything, and it comes
 * back at display-on. It prints the timeline it saw. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "config.h"
#include "file.h"
#include "panel.h"
#include "schedule.h"
#include "scratch.h"

enum { SUN, MON, TUE, WED, THU, FRI, SAT };
#define HM(h, m) ((h) * 60 + (m))

static void test_parse(void **st)
{
    (void)st;
    int m[7];
    char err[200];
    assert_true(schedule_parse_times("08:30", m, err, sizeof err));
    for (int d = 0; d < 7; d++)
        assert_int_equal(m[d], HM(8, 30));
    assert_true(schedule_parse_times("8:05, sat 10:00, sun none", m, err, sizeof err));
    assert_int_equal(m[MON], HM(8, 5));
    assert_int_equal(m[FRI], HM(8, 5));
    assert_int_equal(m[SAT], HM(10, 0));
    assert_int_equal(m[SUN], SCHEDULE_NONE);
    assert_true(schedule_parse_times("mon-fri 07:00, sat-sun 11:15", m, err, sizeof err));
    assert_int_equal(m[WED], HM(7, 0));
    assert_int_equal(m[SUN], HM(11, 15));
    assert_int_equal(m[SAT], HM(11, 15));
    /* A range across the week's end. */
    assert_true(schedule_parse_times("fri-mon 09:00", m, err, sizeof err));
    assert_int_equal(m[SUN], HM(9, 0));
    assert_int_equal(m[MON], HM(9, 0));
    assert_int_equal(m[TUE], SCHEDULE_NONE);

    static const char *const bad[] = { "", "8.30", "24:00", "08:60", "0830", "08:3",
                                       "funday 08:00", "mon 8", "08:00, 09:00",
                                       "mon 08:00, mon-fri 09:00", "mon-xyz 08:00", "08:30x" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        err[0] = '\0';
        assert_false(schedule_parse_times(bad[i], m, err, sizeof err));
        assert_true(strlen(err) > 0);
    }
}

static void test_on_at(void **st)
{
    (void)st;
    schedule s;
    char err[200];
    assert_true(schedule_make(&s, NULL, NULL, err, sizeof err));
    assert_false(s.active);
    assert_true(schedule_on_at(&s, SUN, HM(3, 0)));
    assert_true(schedule_make(&s, "08:30, sun none", "18:00", err, sizeof err));
    assert_false(schedule_on_at(&s, MON, HM(8, 29)));
    assert_true(schedule_on_at(&s, MON, HM(8, 30)));
    assert_true(schedule_on_at(&s, MON, HM(17, 59)));
    assert_false(schedule_on_at(&s, MON, HM(18, 0)));
    assert_false(schedule_on_at(&s, SUN, HM(12, 0)));
    assert_int_equal(schedule_minutes_to_change(&s, MON, HM(8, 0)), 30);
    /* Saturday 18:00 off, Sunday dark, Monday 08:30 on. */
    assert_int_equal(schedule_minutes_to_change(&s, SAT, HM(18, 0)), 6 * 60 + 24 * 60 + 8 * 60 + 30);
    /* Past midnight: on 20:00 to 02:00 the next day. */
    assert_true(schedule_make(&s, "20:00", "02:00", err, sizeof err));
    assert_true(schedule_on_at(&s, FRI, HM(23, 0)));
    assert_true(schedule_on_at(&s, SAT, HM(1, 59)));
    assert_false(schedule_on_at(&s, SAT, HM(2, 0)));
    assert_false(schedule_on_at(&s, SAT, HM(19, 59)));
    assert_false(schedule_make(&s, "08:30", "6pm", err, sizeof err));
    assert_non_null(strstr(err, "display-off"));
}

/* The timeline: one simulated day with a minute clock and a touch at
 * 21:00. Each change of the display is printed and checked. */
static void test_timeline(void **st)
{
    (void)st;
    schedule s;
    char err[200];
    assert_true(schedule_make(&s, "08:30", "18:00", err, sizeof err));
    display_power p;
    display_power_init(&p, &s);
    struct {
        int day, minute;
        bool on;
        const char *reason;
    } want[] = { { MON, HM(7, 0), false, "scheduled off" },
                 { MON, HM(8, 30), true, "schedule" },
                 { MON, HM(18, 0), false, "scheduled off" },
                 { MON, HM(21, 0), true, "woken by touch" },
                 /* five minutes from the second touch, 2 s after 21:00 */
                 { MON, HM(21, 6), false, "scheduled off" },
                 { TUE, HM(8, 30), true, "schedule" } };
    size_t seen = 0;
    bool was = true;
    uint64_t ms0 = 5000000; /* monotonic time at Monday 07:00 */
    for (int k = 0; k <= 25 * 60 + 30; k++) {
        int abs = HM(7, 0) + k, day = MON + abs / 1440, minute = abs % 1440;
        uint64_t now = ms0 + (uint64_t)k * 60000u;
        if (day == MON && minute == HM(21, 0)) {
            /* The finger that wakes the screen presses nothing, up to its
             * release; the next touch is the app's. */
            assert_true(display_power_pointer(&p, 0, now));
            assert_true(display_power_pointer(&p, 1, now + 50));
            assert_true(display_power_pointer(&p, 2, now + 120));
            assert_false(display_power_pointer(&p, 0, now + 2000));
            assert_false(display_power_pointer(&p, 2, now + 2100));
        }
        if (day == MON && minute == HM(19, 0)) {
            /* A stray move while dark does not wake it. */
            assert_true(display_power_pointer(&p, 1, now));
            assert_false(p.on);
        }
        bool on = display_power_update(&p, day, minute, now);
        if (k == 0 || on != was) {
            assert_true(seen < sizeof want / sizeof *want);
            printf("timeline: %s %02d:%02d display %s (%s)\n", day == MON ? "Mon" : "Tue",
                   minute / 60, minute % 60, on ? "on " : "off", display_power_reason(&p));
            assert_int_equal(want[seen].day, day);
            assert_int_equal(want[seen].minute, minute);
            assert_int_equal(want[seen].on, on);
            assert_string_equal(want[seen].reason, display_power_reason(&p));
            seen++;
        }
        was = on;
    }
    assert_int_equal(seen, sizeof want / sizeof *want);
}

static char sysfs[] = "/tmp/openday-sysfs-XXXXXX";

static void put(const char *rel, const char *text)
{
    scratch_write(sysfs, rel, text);
}

static char *get(const char *rel)
{
    char path[256], *text = NULL;
    size_t len = 0;
    snprintf(path, sizeof path, "%s/%s", sysfs, rel);
    assert_int_equal(file_read(path, 100, &text, &len), 0);
    return text;
}

static void mk(const char *rel)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", sysfs, rel);
    assert_int_equal(mkdir(path, 0755), 0);
}

static void test_panel_backlight(void **st)
{
    (void)st;
    assert_non_null(mkdtemp(sysfs));
    panel p;
    /* Nothing under sysfs: the black screen. */
    panel_open(&p, NULL, sysfs);
    assert_string_equal(panel_method_name(&p), "black");
    assert_false(panel_set(&p, false));
    /* A backlight with bl_power. */
    mk("class");
    mk("class/backlight");
    mk("class/backlight/10-0045");
    put("class/backlight/10-0045/bl_power", "0\n");
    panel_open(&p, NULL, sysfs);
    assert_string_equal(panel_method_name(&p), "backlight");
    assert_true(panel_set(&p, false));
    char *v = get("class/backlight/10-0045/bl_power");
    assert_string_equal(v, "4\n");
    free(v);
    assert_true(panel_set(&p, true));
    v = get("class/backlight/10-0045/bl_power");
    assert_string_equal(v, "0\n");
    free(v);
    /* The file goes away (the panel unplugged): logged, then black. */
    char path[256];
    snprintf(path, sizeof path, "%s/class/backlight/10-0045/bl_power", sysfs);
    unlink(path);
    mk("class/backlight/10-0045/bl_power"); /* now a folder: open fails */
    assert_false(panel_set(&p, false));
    assert_string_equal(panel_method_name(&p), "black");
    rmdir(path);
}

static void test_throttled_sysfs(void **st)
{
    (void)st;
    uint32_t t = 0;
    assert_false(panel_read_throttled(sysfs, &t));
    mk("devices");
    mk("devices/platform");
    mk("devices/platform/soc");
    mk("devices/platform/soc/soc:firmware");
    put("devices/platform/soc/soc:firmware/get_throttled", "50005\n");
    assert_true(panel_read_throttled(sysfs, &t));
    assert_int_equal(t, 0x50005);
    put("devices/platform/soc/soc:firmware/get_throttled", "garbage\n");
    assert_false(panel_read_throttled(sysfs, &t));
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", sysfs);
    assert_int_equal(system(cmd), 0);
}

/* A malformed schedule line names FILE:LINE; a good one passes. */
static void test_config_lines(void **st)
{
    (void)st;
    char *argv[] = { "openday", NULL };
    config_args_out out;
    char err[400];
    static const char good[] = "# the stand\ndisplay-on = 08:30, sun none\n"
                               "display-off = mon-fri 18:00, sat 16:00\n";
    assert_true(config_args_text("openday.conf", good, sizeof good - 1, 1, argv, &out, err,
                                 sizeof err));
    config_free(&out);
    static const char bad[] = "content = /srv/openday/current\n\ndisplay-off = 6pm\n";
    assert_false(config_args_text("openday.conf", bad, sizeof bad - 1, 1, argv, &out, err,
                                  sizeof err));
    assert_non_null(strstr(err, "openday.conf:3: --display-off: \"6pm\" is not a time"));
}

/* A schedule given by half: display-off alone is refused with a clear
 * message (it used to turn the panel off at noon and all day), on the
 * command line and in the configuration file; display-on alone keeps the
 * panel on by day, from the on-time to midnight. */
static void test_half_schedule(void **st)
{
    (void)st;
    schedule s;
    char err[400];
    assert_false(schedule_make(&s, NULL, "18:00", err, sizeof err));
    assert_non_null(strstr(err, "display-off needs display-on"));
    cli_options o;
    char *alone[] = { "openday", "--display-off", "18:00", NULL };
    assert_false(cli_parse(3, alone, &o, err, sizeof err));
    assert_non_null(strstr(err, "display-off needs display-on"));
    char *argv[] = { "openday", NULL };
    config_args_out out;
    static const char conf[] = "display-off = 23:59\n";
    assert_true(config_args_text("openday.conf", conf, sizeof conf - 1, 1, argv, &out, err,
                                 sizeof err));
    assert_false(cli_parse(out.argc, out.argv, &o, err, sizeof err));
    assert_non_null(strstr(err, "display-off needs display-on"));
    config_free(&out);
    char *both[] = { "openday", "--display-on", "08:00", "--display-off", "18:00", NULL };
    assert_true(cli_parse(5, both, &o, err, sizeof err));
    assert_true(schedule_make(&s, "08:00", NULL, err, sizeof err));
    for (int d = 0; d < 7; d++) {
        assert_true(schedule_on_at(&s, d, HM(12, 0)));
        assert_true(schedule_on_at(&s, d, HM(23, 59)));
        assert_false(schedule_on_at(&s, d, HM(3, 0)));
        assert_false(schedule_on_at(&s, d, HM(7, 59)));
    }
    /* The option's help says what a half means. */
    char *help = NULL;
    size_t hl = 0;
    FILE *f = open_memstream(&help, &hl);
    assert_non_null(f);
    cli_usage(f);
    fclose(f);
    assert_non_null(strstr(help, "needs display-on"));
    assert_non_null(strstr(help, "stays on until midnight"));
    free(help);
}

/* The log line of the schedule reads right for every combination. */
static void test_describe(void **st)
{
    (void)st;
    char b[200];
    schedule_describe("08:30", "18:00", b, sizeof b);
    assert_string_equal(b, "on 08:30, off 18:00");
    schedule_describe("08:30", NULL, b, sizeof b);
    assert_string_equal(b, "on 08:30, on to midnight");
    schedule_describe(NULL, "23:59", b, sizeof b);
    assert_string_equal(b, "off 23:59");
    schedule_describe(NULL, NULL, b, sizeof b);
    assert_string_equal(b, "always on");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse),           cmocka_unit_test(test_on_at),
        cmocka_unit_test(test_timeline),        cmocka_unit_test(test_panel_backlight),
        cmocka_unit_test(test_throttled_sysfs), cmocka_unit_test(test_config_lines),
        cmocka_unit_test(test_half_schedule),   cmocka_unit_test(test_describe),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
