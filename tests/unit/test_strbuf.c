/* test_strbuf.c - the growing text buffer of the export and of Read aloud. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

/* Appends of every kind, across many growths, give the same text as one
 * snprintf would, always terminated. */
static void appends_and_grows(void **state)
{
    (void)state;
    strbuf b = { 0 };
    char want[20000] = "";
    size_t n = 0;
    for (int i = 0; i < 600; i++) {
        strbuf_str(&b, "ab");
        strbuf_add(&b, "cdef", 2);
        strbuf_printf(&b, "[%d]", i);
        n += (size_t)snprintf(want + n, sizeof want - n, "abcd[%d]", i);
        assert_int_equal(b.len, n);
        assert_int_equal(b.s[b.len], '\0');
    }
    /* One formatted piece longer than any small stack buffer. */
    char wide[1000];
    memset(wide, 'x', sizeof wide - 1);
    wide[sizeof wide - 1] = '\0';
    strbuf_printf(&b, "<%s>", wide);
    n += (size_t)snprintf(want + n, sizeof want - n, "<%s>", wide);
    char *s = strbuf_take(&b);
    assert_non_null(s);
    assert_string_equal(s, want);
    assert_null(b.s);
    assert_int_equal(b.len, 0);
    free(s);
}

/* Nothing added: an empty string, never NULL; NUL bytes inside an add are
 * counted, the text stays terminated after them. */
static void empty_and_embedded(void **state)
{
    (void)state;
    strbuf b = { 0 };
    char *s = strbuf_take(&b);
    assert_non_null(s);
    assert_string_equal(s, "");
    free(s);
    strbuf_add(&b, "a\0b", 3);
    assert_int_equal(b.len, 3);
    assert_memory_equal(b.s, "a\0b", 4);
    strbuf_deinit(&b);
    assert_null(b.s);
}

/* A failed append is sticky: later appends do nothing and the result is
 * NULL, so a writer checks once at the end. */
static void failure_is_sticky(void **state)
{
    (void)state;
    strbuf b = { 0 };
    strbuf_str(&b, "kept so far");
    b.failed = true; /* as realloc failing would leave it */
    strbuf_str(&b, " lost");
    strbuf_printf(&b, "%d", 42);
    assert_int_equal(b.len, strlen("kept so far"));
    assert_null(strbuf_take(&b));
    assert_false(b.failed);
    assert_null(b.s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(appends_and_grows),
        cmocka_unit_test(empty_and_embedded),
        cmocka_unit_test(failure_is_sticky),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
