/* test_boot.c - the restart-loop guard (boot.h) with injected time: starts
 * that never became healthy are counted per content, within a window, and
 * push the start to the last-known-good copy, then to the staff screen; a
 * healthy run, another content, time and reboots reset the count; the
 * record stays bounded; and reload starts as the guard decided. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "command.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "boot.h"
#include "reload.h"
#include "scratch.h"
#include "store.h"

static char tmp[256], dir[300], st[300];

static int setup(void **state)
{
    (void)state;
    snprintf(tmp, sizeof tmp, "/tmp/openday-boot-XXXXXX");
    if (!mkdtemp(tmp))
        return -1;
    snprintf(dir, sizeof dir, "%s/c", tmp);
    snprintf(st, sizeof st, "%s/state", tmp);
    sh("cp -r content '%s'", dir);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    sh("chmod -R u+rwX '%s'; rm -rf '%s'", tmp, tmp);
    return 0;
}

/* Keep a last-good copy of the content as it is now, then change the
 * folder so that the copy differs from it. */
static void keep_then_change(void)
{
    content *c = scratch_load(dir, NULL);
    assert_non_null(c);
    char err[600];
    assert_true(store_save(st, c, err, sizeof err));
    content_destroy(c);
    sh("printf '\\n' >> '%s/careers.json'", dir);
}

static boot_mode start(uint64_t t)
{
    char why[600];
    return boot_start(st, dir, NULL, t, why, sizeof why);
}

static void escalates_and_heals(void **state)
{
    (void)state;
    keep_then_change();
    char why[600];
    /* Three starts killed within the window: still the live content. */
    for (int i = 0; i < 3; i++)
        assert_int_equal(start(1000 + (uint64_t)i * 10), BOOT_LIVE);
    /* The fourth: the last-known-good copy, and the log line says why. */
    assert_int_equal(boot_start(st, dir, NULL, 1040, why, sizeof why), BOOT_LAST_GOOD);
    assert_non_null(strstr(why, "stopped 3 times"));
    assert_non_null(strstr(why, "last-known-good"));
    assert_int_equal(start(1050), BOOT_LAST_GOOD);
    assert_int_equal(start(1060), BOOT_LAST_GOOD);
    /* The copy is killed too: the staff screen. */
    assert_int_equal(boot_start(st, dir, NULL, 1070, why, sizeof why), BOOT_STAFF);
    assert_non_null(strstr(why, "staff screen"));
    /* A healthy run forgets it all. */
    boot_healthy(st);
    assert_int_equal(start(1080), BOOT_LIVE);
    boot_healthy(st);
    boot_healthy(st); /* twice is harmless */
}

static void window_content_and_reboot(void **state)
{
    (void)state;
    keep_then_change();
    boot_config cfg = { 2, 4, 100 };
    char why[600];
    /* Starts further apart than the window never add up. */
    for (int i = 0; i < 10; i++)
        assert_int_equal(boot_start(st, dir, &cfg, 1000 + (uint64_t)i * 101, why, sizeof why),
                         BOOT_LIVE);
    boot_healthy(st);
    assert_int_equal(boot_start(st, dir, &cfg, 5000, why, sizeof why), BOOT_LIVE);
    assert_int_equal(boot_start(st, dir, &cfg, 5001, why, sizeof why), BOOT_LIVE);
    /* The staff fixed the content: the count starts again. */
    sh("printf '\\n' >> '%s/degrees.json'", dir);
    assert_int_equal(boot_start(st, dir, &cfg, 5002, why, sizeof why), BOOT_LIVE);
    assert_int_equal(boot_start(st, dir, &cfg, 5003, why, sizeof why), BOOT_LIVE);
    assert_int_equal(boot_start(st, dir, &cfg, 5004, why, sizeof why), BOOT_LAST_GOOD);
    /* A reboot resets the clock: starts "from the future" are forgotten. */
    assert_int_equal(boot_start(st, dir, &cfg, 20, why, sizeof why), BOOT_LIVE);
}

static void staff_when_no_copy_or_the_same(void **state)
{
    (void)state;
    char why[600];
    for (int i = 0; i < 3; i++)
        assert_int_equal(start(100 + (uint64_t)i), BOOT_LIVE);
    /* No copy at all: nothing else to start on. */
    assert_int_equal(boot_start(st, dir, NULL, 110, why, sizeof why), BOOT_STAFF);
    assert_non_null(strstr(why, "no last-known-good copy"));
    /* A copy with the very same bytes would crash the same way. */
    content *c = scratch_load(dir, NULL);
    char err[600];
    assert_true(store_save(st, c, err, sizeof err));
    content_destroy(c);
    assert_int_equal(boot_start(st, dir, NULL, 111, why, sizeof why), BOOT_STAFF);
    assert_non_null(strstr(why, "same content"));
}

static void record_is_bounded_and_failures_are_harmless(void **state)
{
    (void)state;
    for (uint64_t t = 0; t < 1000; t++)
        start(10000 + t / 4);
    char p[400];
    snprintf(p, sizeof p, "%s/boot", st);
    struct stat s;
    assert_int_equal(stat(p, &s), 0);
    assert_true(s.st_size <= 64 * 40);
    /* Garbage in the record is ignored. */
    sh("head -c 3000 /dev/urandom > '%s/boot'", st);
    assert_int_not_equal(start(20000), BOOT_LAST_GOOD);
    /* A record that is a folder or a pipe does not block or stop a start. */
    sh("rm -f '%s/boot' && mkfifo '%s/boot'", st, st);
    char why[600];
    boot_start(st, dir, NULL, 20001, why, sizeof why);
    sh("rm -f '%s/boot'", st);
    /* A state folder that cannot be written: the usual start, and a reason. */
    if (geteuid() != 0) {
        sh("chmod 555 '%s'", st);
        assert_int_equal(boot_start(st, dir, NULL, 20002, why, sizeof why), BOOT_LIVE);
        assert_non_null(strstr(why, "guard is off"));
    }
    assert_int_equal(boot_start(NULL, dir, NULL, 1, why, sizeof why), BOOT_LIVE);
    assert_string_equal(why, "");
}

/* reload starts as the guard says: the copy without touching the folder,
 * or the staff screen with the reason as its one problem; a change to the
 * folder brings the live content back. */
static void reload_follows_the_guard(void **state)
{
    (void)state;
    keep_then_change();
    FILE *log = fopen("/dev/null", "w");
    reload_config cfg = { dir, st, { 50, 100, true }, false, log, NULL };
    reload *r = reload_create_boot(&cfg, BOOT_LAST_GOOD, "openday: why", 0);
    assert_non_null(r);
    assert_int_equal(reload_get_origin(r), RELOAD_LAST_GOOD);
    reload_destroy(r);
    r = reload_create_boot(&cfg, BOOT_STAFF, "openday: the kiosk was stopped 6 times", 0);
    assert_non_null(r);
    assert_int_equal(reload_get_origin(r), RELOAD_NONE);
    assert_null(reload_content(r));
    const content_report *rep = reload_problems(r);
    assert_int_equal(rep->count, 1);
    assert_string_equal(rep->items[0].message, "the kiosk was stopped 6 times");
    /* A file changes: the folder is loaded again. */
    content *old = NULL;
    assert_false(reload_poll(r, 10, &old));
    sh("printf '\\n' >> '%s/careers.json'", dir);
    bool changed = false;
    for (uint64_t t = 200; t < 2000 && !changed; t += 50)
        changed = reload_poll(r, t, &old);
    assert_true(changed);
    assert_int_equal(reload_get_origin(r), RELOAD_LIVE);
    content_destroy(old);
    reload_destroy(r);
    fclose(log);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(escalates_and_heals, setup, teardown),
        cmocka_unit_test_setup_teardown(window_content_and_reboot, setup, teardown),
        cmocka_unit_test_setup_teardown(staff_when_no_copy_or_the_same, setup, teardown),
        cmocka_unit_test_setup_teardown(record_is_bounded_and_failures_are_harmless, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(reload_follows_the_guard, setup, teardown),
    };
    return cmocka_run_group_tests_name("boot", tests, NULL, NULL);
}
