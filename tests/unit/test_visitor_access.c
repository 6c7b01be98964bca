/* test_visitor_access.c - the visitor's accessibility choices
 * (visitor_access.h): the bit set is view.h's, one bit a choice, and
 * converts both ways; a toggle turns over one choice and ignores a choice
 * out of range; forgetting turns every choice off and says whether any was
 * on, leaving the panel as it is. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "view.h"
#include "visitor_access.h"

static void bits_both_ways(void **state)
{
    (void)state;
    visitor_access_choices none = { 0 };
    assert_int_equal(visitor_access_bits(&none), 0);
    visitor_access_choices large = { .large_text = true };
    assert_int_equal(visitor_access_bits(&large), 1u << VIEW_ACCESS_LARGE_TEXT);
    visitor_access_choices aloud = { .read_aloud = true };
    assert_int_equal(visitor_access_bits(&aloud), 1u << VIEW_ACCESS_READ_ALOUD);
    for (unsigned bits = 0; bits < 1u << VIEW_ACCESS_COUNT; bits++) {
        visitor_access_choices c = visitor_access_from_bits(bits);
        assert_int_equal(visitor_access_bits(&c), bits);
    }
    /* Bits beyond the choices are no choice. */
    visitor_access_choices c = visitor_access_from_bits(1u << VIEW_ACCESS_COUNT);
    assert_int_equal(visitor_access_bits(&c), 0);
}

static void toggle_one_choice(void **state)
{
    (void)state;
    visitor_access_choices c = { .reach = true };
    visitor_access_choices t = visitor_access_toggled(&c, VIEW_ACCESS_HIGH_CONTRAST);
    assert_true(t.high_contrast);
    assert_true(t.reach);
    t = visitor_access_toggled(&t, VIEW_ACCESS_REACH);
    assert_false(t.reach);
    assert_int_equal(visitor_access_bits(&t), 1u << VIEW_ACCESS_HIGH_CONTRAST);
    visitor_access_choices same = visitor_access_toggled(&c, VIEW_ACCESS_COUNT);
    assert_int_equal(visitor_access_bits(&same), visitor_access_bits(&c));
    same = visitor_access_toggled(&c, -1);
    assert_int_equal(visitor_access_bits(&same), visitor_access_bits(&c));
}

static void forget_at_the_end_of_a_visit(void **state)
{
    (void)state;
    visitor_access v;
    memset(&v, 0, sizeof v);
    assert_false(visitor_access_forget(&v));
    v.choices.less_motion = true;
    v.choices.read_aloud = true;
    v.open = true;
    assert_true(visitor_access_forget(&v));
    assert_int_equal(visitor_access_bits(&v.choices), 0);
    assert_true(v.open);
    assert_false(visitor_access_forget(&v));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bits_both_ways),
        cmocka_unit_test(toggle_one_choice),
        cmocka_unit_test(forget_at_the_end_of_a_visit),
    };
    return cmocka_run_group_tests_name("visitor_access", tests, NULL, NULL);
}
