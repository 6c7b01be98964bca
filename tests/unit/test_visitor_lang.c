/* test_visitor_lang.c - the visitor's language (visitor_lang.h), on the
 * shipped content (English and German): it starts in the default
 * language, shows another only when the set has it, counts a visitor's
 * pick only when it changes the language, and keeps the language across a
 * reload when the new content has it, closing the chooser when the new
 * content has one language. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "content.h"
#include "visitor_lang.h"

static content *shipped(void)
{
    content_report r;
    content_report_init(&r);
    content *c = content_load("content", &r);
    if (!c)
        content_report_print(&r, stderr);
    content_report_deinit(&r);
    assert_non_null(c);
    assert_int_equal(content_language_count(c), 2);
    return c;
}

static void starts_in_the_default_language(void **state)
{
    (void)state;
    content *c = shipped();
    size_t de = content_find_language(c, "de");
    assert_int_not_equal(de, (size_t)-1);
    visitor_lang l;
    /* Any model of the set will do. */
    visitor_lang_init(&l, content_in_language(c, de));
    assert_int_equal(l.index, content_default_language(c));
    assert_ptr_equal(visitor_lang_model(&l), c);
    assert_int_equal(visitor_lang_count(&l), 2);
    assert_false(l.open);
    assert_int_equal(l.chosen, 0);
    content_destroy(c);
}

static void use_and_pick(void **state)
{
    (void)state;
    content *c = shipped();
    size_t de = content_find_language(c, "de"), en = content_find_language(c, "en");
    visitor_lang l;
    visitor_lang_init(&l, c);
    assert_false(visitor_lang_use(&l, en)); /* already on screen */
    assert_false(visitor_lang_use(&l, 2));  /* no such language */
    assert_true(visitor_lang_use(&l, de));
    assert_string_equal(visitor_lang_model(&l)->language, "de");
    assert_int_equal(l.chosen, 0);          /* not a visitor's pick */
    /* A pick of the language on screen is no choice; another one is. */
    assert_true(visitor_lang_pick(&l, (int)de));
    assert_int_equal(l.chosen, 0);
    assert_true(visitor_lang_pick(&l, (int)en));
    assert_int_equal(l.chosen, 1);
    assert_int_equal(l.index, de);          /* the caller shows it */
    assert_false(visitor_lang_pick(&l, -1));
    assert_false(visitor_lang_pick(&l, 2));
    assert_int_equal(l.chosen, 1);
    content_destroy(c);
}

static void reload_keeps_the_language(void **state)
{
    (void)state;
    content *c = shipped();
    visitor_lang l;
    visitor_lang_init(&l, c);
    assert_true(visitor_lang_use(&l, content_find_language(c, "de")));
    l.open = true;
    /* The same content again: still German, the chooser still open. */
    content *again = shipped();
    visitor_lang_set_content(&l, again);
    content_destroy(c);
    assert_string_equal(visitor_lang_model(&l)->language, "de");
    assert_ptr_equal(l.root, again);
    assert_true(l.open);
    /* Content of one language: its default, the chooser closed. */
    content *one = content_create();
    visitor_lang_set_content(&l, one);
    content_destroy(again);
    assert_int_equal(l.index, 0);
    assert_ptr_equal(visitor_lang_model(&l), one);
    assert_false(l.open);
    content_destroy(one);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(starts_in_the_default_language),
        cmocka_unit_test(use_and_pick),
        cmocka_unit_test(reload_keeps_the_language),
    };
    return cmocka_run_group_tests_name("visitor_lang", tests, NULL, NULL);
}
