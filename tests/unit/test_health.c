/* test_health.c - the health record (health.h) and the atomic write under
 * it (file.h): what the record says, how --health judges it (fresh and
 * drawing, stale, not drawing, not a record, from the future), the
 * firmware's throttling word, the late-frame minute, and a write that fails
 * leaving the old record whole. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"
#include "health.h"

static health_info sample(int64_t now, uint64_t frames)
{
    health_info h = { .version = "1.2.3", .content_version = "7", .content_hash = 0xabcdef,
                      .content_state = "live", .renderer = "opengles2", .uptime_s = 42,
                      .now_s = now, .last_frame_s = frames ? now - 3 : 0, .frames = frames,
                      .late_last_minute = 2, .screen = "degree:music-production",
                      .display = "off", .display_method = "backlight",
                      .display_reason = "scheduled off", .throttle_known = true,
                      .throttled = 0x50005 };
    return h;
}

static void test_json_fields(void **st)
{
    (void)st;
    health_info h = sample(1000000, 120);
    char *j = health_json(&h);
    assert_non_null(j);
    assert_non_null(strstr(j, "\"version\":\t\"1.2.3\""));
    assert_non_null(strstr(j, "\"content_hash\":\t\"0000000000abcdef\""));
    assert_non_null(strstr(j, "\"screen\":\t\"degree:music-production\""));
    assert_non_null(strstr(j, "\"late_frames_last_minute\":\t2"));
    assert_non_null(strstr(j, "\"power\":\t\"off\""));
    assert_non_null(strstr(j, "\"method\":\t\"backlight\""));
    assert_non_null(strstr(j, "\"raw\":\t\"0x50005\""));
    assert_non_null(strstr(j, "\"under_voltage\":\ttrue"));
    assert_non_null(strstr(j, "\"freq_capped\":\tfalse"));
    assert_non_null(strstr(j, "\"throttled\":\ttrue"));
    assert_non_null(strstr(j, "\"soft_temp_limit_occurred\":\tfalse"));
    assert_non_null(strstr(j, "\"under_voltage_occurred\":\ttrue"));
    free(j);
    h.throttle_known = false;
    h.content_version = NULL;
    j = health_json(&h);
    assert_non_null(strstr(j, "\"throttled\":\tnull"));
    assert_non_null(strstr(j, "\"content_version\":\tnull"));
    free(j);
}

static void test_judge(void **st)
{
    (void)st;
    char why[200];
    health_info h = sample(1000000, 120);
    char *j = health_json(&h);
    assert_int_equal(health_judge(j, 1000000, why, sizeof why), 0);
    assert_non_null(strstr(why, "healthy"));
    assert_int_equal(health_judge(j, 1000029, why, sizeof why), 0);
    assert_int_equal(health_judge(j, 1000030, why, sizeof why), 1);
    assert_non_null(strstr(why, "stale"));
    assert_int_equal(health_judge(j, 1000000 - 3600, why, sizeof why), 1);
    assert_non_null(strstr(why, "future"));
    free(j);
    h = sample(1000000, 0);
    j = health_json(&h);
    assert_int_equal(health_judge(j, 1000001, why, sizeof why), 1);
    assert_non_null(strstr(why, "no frame"));
    free(j);
    assert_int_equal(health_judge("{\"written_at\": \"soon\"}", 0, why, sizeof why), 1);
    assert_int_equal(health_judge("not json", 0, why, sizeof why), 1);
    assert_int_equal(health_judge(NULL, 0, why, sizeof why), 1);
    assert_non_null(strstr(why, "not a health record"));
}

static void test_throttled(void **st)
{
    (void)st;
    uint32_t t = 1;
    assert_true(health_parse_throttled("0x0\n", &t));
    assert_int_equal(t, 0);
    assert_true(health_parse_throttled("0x50005\n", &t));
    assert_int_equal(t, 0x50005);
    assert_true(health_parse_throttled("throttled=0x80008", &t));
    assert_int_equal(t, 0x80008);
    assert_true(health_parse_throttled("50000", &t));
    assert_int_equal(t, 0x50000);
    assert_false(health_parse_throttled("", &t));
    assert_false(health_parse_throttled("0x5 junk", &t));
    assert_false(health_parse_throttled("0x123456789", &t));
    assert_false(health_parse_throttled(NULL, &t));
}

static void test_late_minute(void **st)
{
    (void)st;
    health_late w;
    health_late_init(&w);
    assert_int_equal(health_late_add(&w, 0, 0), 0);
    assert_int_equal(health_late_add(&w, 10000, 4), 4);
    assert_int_equal(health_late_add(&w, 20000, 4), 4);
    assert_int_equal(health_late_add(&w, 60000, 9), 9);
    /* At 70 s the sample of 0 s is out of the minute: 9 - 4 since 10 s. */
    assert_int_equal(health_late_add(&w, 70000, 9), 5);
    for (uint64_t t = 80000; t <= 200000; t += 10000)
        health_late_add(&w, t, 9);
    assert_int_equal(health_late_add(&w, 210000, 12), 3);
    /* A long sleep between writes: the last minute holds no sample. */
    assert_int_equal(health_late_add(&w, 900000, 20), 0);
}

static void test_atomic_write(void **st)
{
    (void)st;
    char dir[] = "/tmp/openday-health-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128], tmp[140];
    snprintf(path, sizeof path, "%s/health.json", dir);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    assert_int_equal(file_write_atomic(path, "one", 3), 0);
    assert_int_equal(file_write_atomic(path, "second", 6), 0);
    char *text = NULL;
    size_t len = 0;
    assert_int_equal(file_read(path, 100, &text, &len), 0);
    assert_string_equal(text, "second");
    free(text);
    assert_int_not_equal(access(tmp, F_OK), 0);
    /* A folder that is not there: an errno, nothing left behind. */
    char missing[160];
    snprintf(missing, sizeof missing, "%s/gone/health.json", dir);
    assert_int_equal(file_write_atomic(missing, "x", 1), ENOENT);
    /* The old fixed temporary name taken by a folder no longer matters:
     * each write takes a name of its own. */
    assert_int_equal(mkdir(tmp, 0700), 0);
    assert_int_equal(file_write_atomic(path, "third", 5), 0);
    assert_int_equal(file_read(path, 100, &text, &len), 0);
    assert_string_equal(text, "third");
    free(text);
    rmdir(tmp);
    /* A folder where the record goes (rename fails): an errno, and no
     * temporary left behind. */
    unlink(path);
    assert_int_equal(mkdir(path, 0700), 0);
    assert_int_not_equal(file_write_atomic(path, "fourth", 6), 0);
    char cmd[200];
    snprintf(cmd, sizeof cmd, "test \"$(ls -A '%s')\" = health.json", dir);
    assert_int_equal(system(cmd), 0);
    rmdir(path);
    rmdir(dir);
}

/* A full disk: /dev/full fails every write with ENOSPC. Not every machine
 * has it in reach of a rename, so the write is checked directly. */
static void test_full_disk(void **st)
{
    (void)st;
    int fd = open("/dev/full", O_WRONLY);
    if (fd < 0)
        skip();
    assert_int_equal(file_write_sync_close(fd, "abc", 3), ENOSPC);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_fields), cmocka_unit_test(test_judge),
        cmocka_unit_test(test_throttled),   cmocka_unit_test(test_late_minute),
        cmocka_unit_test(test_atomic_write), cmocka_unit_test(test_full_disk),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
