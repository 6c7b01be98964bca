/* test_view.c - screen names: parsing, printing and matching. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "view.h"

static content *C;

static int setup(void **state)
{
    (void)state;
    content_report rep;
    content_report_init(&rep);
    C = content_load("content", &rep);
    content_report_deinit(&rep);
    return C ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    content_destroy(C);
    return 0;
}

static void round_trip(void **state)
{
    (void)state;
    const char *names[] = { "attract", "home", "degree:music-production", "careers",
                            "career:post-producer", "ba-bs", "about",
                            "compare:music-technology,music-production" };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        view_place p;
        assert_true(view_place_parse(names[i], C, &p));
        char buf[600];
        view_place_name(&p, C, buf, sizeof buf);
        assert_string_equal(buf, names[i]);
        assert_true(view_place_matches(&p, C, names[i]));
    }
}

static void bare_compare(void **state)
{
    (void)state;
    view_place p;
    assert_true(view_place_parse("compare", C, &p));
    assert_int_equal(p.screen, VIEW_SCREEN_COMPARE);
    assert_int_equal(p.a, 0);
    assert_int_equal(p.b, 1);
    assert_true(view_place_matches(&p, C, "compare"));
    assert_false(view_place_matches(&p, C, "compare:music-technology,music-production"));
}

static void rejects(void **state)
{
    (void)state;
    view_place p = { VIEW_SCREEN_ABOUT, 5, 6 };
    const char *bad[] = { "", "degree", "degree:", "degree:nope", "career:x", "homepage",
                          "home:1", "compare:music-production", "compare:a,b",
                          "compare:music-production,music-production" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_false(view_place_parse(bad[i], C, &p));
    assert_int_equal(p.screen, VIEW_SCREEN_ABOUT); /* untouched on failure */
    assert_int_equal(p.a, 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(round_trip),
        cmocka_unit_test(bare_compare),
        cmocka_unit_test(rejects),
    };
    return cmocka_run_group_tests_name("view", tests, setup, teardown);
}
