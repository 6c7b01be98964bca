/* test_cli.c - command-line parsing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "cli.h"

static bool parse(cli_options *o, char *err, int argc, ...)
{
    char *argv[32] = { "openday" };
    va_list ap;
    va_start(ap, argc);
    for (int i = 1; i <= argc; i++)
        argv[i] = va_arg(ap, char *);
    va_end(ap);
    return cli_parse(argc + 1, argv, o, err, 256);
}

static void defaults(void **state)
{
    (void)state;
    cli_options o;
    char err[256];
    assert_true(parse(&o, err, 0));
    assert_int_equal(o.mode, MODE_AUTO);
    assert_int_equal(o.fps, 60);
    assert_true(o.attract_after_s == 90.0);
    assert_string_equal(o.content_dir, "content");
    assert_int_equal(o.rotate, 0);
}

static void every_option(void **state)
{
    (void)state;
    cli_options o;
    char err[256];
    assert_true(parse(&o, err, 14, "--windowed", "1024x600", "--loop", "--rotate", "270",
                      "--content", "x", "--fps", "30", "--attract-after", "5", "--stats",
                      "--dpi", "160"));
    assert_int_equal(o.mode, MODE_WINDOWED);
    assert_int_equal(o.win_w, 1024);
    assert_int_equal(o.win_h, 600);
    assert_true(o.loop);
    assert_int_equal(o.rotate, 270);
    assert_string_equal(o.content_dir, "x");
    assert_int_equal(o.fps, 30);
    assert_true(o.attract_after_s == 5.0);
    assert_true(o.stats);
    assert_true(o.dpi == 160.0f);
    assert_true(parse(&o, err, 6, "--screenshot", "a.png", "--screen", "degree:x", "--size", "720x1280"));
    assert_string_equal(o.screenshot, "a.png");
    assert_string_equal(o.screen, "degree:x");
    assert_int_equal(o.size_w, 720);
    assert_int_equal(o.size_h, 1280);
    assert_true(parse(&o, err, 1, "--kiosk"));
    assert_int_equal(o.mode, MODE_KIOSK);
    assert_true(parse(&o, err, 1, "--fullscreen"));
    assert_int_equal(o.mode, MODE_FULLSCREEN);
}

static void check_dir(void **state)
{
    (void)state;
    cli_options o;
    char err[256];
    assert_true(parse(&o, err, 1, "--check"));
    assert_true(o.check);
    assert_string_equal(o.check_dir, "content");
    assert_true(parse(&o, err, 2, "--check", "other"));
    assert_string_equal(o.check_dir, "other");
    assert_true(parse(&o, err, 3, "--content", "c2", "--check"));
    assert_string_equal(o.check_dir, "c2");
}

static void rejects(void **state)
{
    (void)state;
    cli_options o;
    char err[256];
    assert_false(parse(&o, err, 2, "--rotate", "45"));
    assert_non_null(strstr(err, "0, 90, 180 or 270"));
    assert_false(parse(&o, err, 2, "--fps", "0"));
    assert_false(parse(&o, err, 2, "--fps", "sixty"));
    assert_false(parse(&o, err, 2, "--windowed", "big"));
    assert_false(parse(&o, err, 2, "--size", "10x10"));
    assert_false(parse(&o, err, 1, "--fps"));
    assert_non_null(strstr(err, "--fps needs"));
    assert_false(parse(&o, err, 1, "--bogus"));
    assert_non_null(strstr(err, "--bogus"));
    assert_false(parse(&o, err, 2, "--attract-after", "-1"));
    assert_false(parse(&o, err, 2, "--admin-pin", "12a4"));
    assert_false(parse(&o, err, 2, "--admin-pin", "123"));
    assert_false(parse(&o, err, 2, "--mode", "tv"));
    assert_false(parse(&o, err, 2, "--admin-hold", "0"));
    /* --screen alone starts the window on that screen. */
    assert_true(parse(&o, err, 2, "--screen", "home"));
    assert_string_equal(o.screen, "home");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(defaults),
        cmocka_unit_test(every_option),
        cmocka_unit_test(check_dir),
        cmocka_unit_test(rejects),
    };
    return cmocka_run_group_tests_name("cli", tests, NULL, NULL);
}
