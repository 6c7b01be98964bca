/* test_jsonpos.c - the JSON reader with positions (jsonpos.h): every value
 * and every member's key of a valid text is found at its byte offset, and
 * its line and column, in nested objects and arrays and after strings that
 * hold escapes and multibyte characters (a column counts bytes); a text
 * that is not JSON, or not one the loader reads, fails with the line and
 * column of the fault and a message saying what to do. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "jsonpos.h"

/* The line and column of value n (key: of its key). */
static void at(const jsonpos *j, const cJSON *n, int key, int *line, int *col)
{
    size_t off = key ? jsonpos_key_offset(j, n) : jsonpos_offset(j, n);
    jsonpos_line_col(j, off, line, col);
}

static void expect_at(const jsonpos *j, const cJSON *n, int key, int line, int col)
{
    int l, c;
    assert_non_null(n);
    at(j, n, key, &l, &c);
    assert_int_equal(l, line);
    assert_int_equal(c, col);
}

static jsonpos *parse(const char *text)
{
    jsonpos_error err;
    jsonpos *j = jsonpos_create(text, strlen(text), &err);
    if (!j)
        fail_msg("%d:%d: %s", err.line, err.col, err.message);
    return j;
}

/* Fail to parse text; the fault's line and column, and its message to hold
 * `words`. */
static void expect_error(const char *text, size_t len, int line, int col, const char *words)
{
    jsonpos_error err;
    jsonpos *j = jsonpos_create(text, len, &err);
    assert_null(j);
    assert_int_equal(err.line, line);
    assert_int_equal(err.col, col);
    if (!strstr(err.message, words))
        fail_msg("\"%s\" does not say \"%s\"", err.message, words);
}

static void values_in_nested_objects_and_arrays(void **state)
{
    (void)state;
    static const char text[] =
        "{\n"
        "  \"schema\": 1,\n"
        "  \"degrees\": [\n"
        "    { \"id\": \"a\", \"topics\": [\"x\", [true, null]] },\n"
        "    {\"id\":\"b\",\"n\":-2.5e3}\n"
        "  ]\n"
        "}\n";
    jsonpos *j = parse(text);
    const cJSON *root = jsonpos_root(j);
    assert_true(cJSON_IsObject(root));
    expect_at(j, root, 0, 1, 1);
    const cJSON *schema = cJSON_GetObjectItemCaseSensitive(root, "schema");
    expect_at(j, schema, 1, 2, 3);
    expect_at(j, schema, 0, 2, 13);
    const cJSON *degrees = cJSON_GetObjectItemCaseSensitive(root, "degrees");
    expect_at(j, degrees, 1, 3, 3);
    expect_at(j, degrees, 0, 3, 14);
    const cJSON *d0 = cJSON_GetArrayItem(degrees, 0);
    expect_at(j, d0, 0, 4, 5);
    expect_at(j, cJSON_GetObjectItemCaseSensitive(d0, "id"), 1, 4, 7);
    expect_at(j, cJSON_GetObjectItemCaseSensitive(d0, "id"), 0, 4, 13);
    const cJSON *topics = cJSON_GetObjectItemCaseSensitive(d0, "topics");
    expect_at(j, topics, 0, 4, 28);
    expect_at(j, cJSON_GetArrayItem(topics, 0), 0, 4, 29);
    const cJSON *inner = cJSON_GetArrayItem(topics, 1);
    expect_at(j, inner, 0, 4, 34);
    expect_at(j, cJSON_GetArrayItem(inner, 0), 0, 4, 35);
    expect_at(j, cJSON_GetArrayItem(inner, 1), 0, 4, 41);
    /* No spaces at all between the tokens. */
    const cJSON *d1 = cJSON_GetArrayItem(degrees, 1);
    expect_at(j, d1, 0, 5, 5);
    expect_at(j, cJSON_GetObjectItemCaseSensitive(d1, "id"), 0, 5, 11);
    expect_at(j, cJSON_GetObjectItemCaseSensitive(d1, "n"), 1, 5, 15);
    expect_at(j, cJSON_GetObjectItemCaseSensitive(d1, "n"), 0, 5, 19);
    /* A node of another tree has no place here. */
    cJSON *other = cJSON_CreateNull();
    assert_int_equal(jsonpos_offset(j, other), 0);
    cJSON_Delete(other);
    jsonpos_destroy(j);
}

static void values_after_multibyte_strings_and_escapes(void **state)
{
    (void)state;
    /* "é" and "–" are 2 and 3 bytes, "🎵" 4: a column counts bytes. An
     * escaped quote and backslash do not end a string. */
    static const char text[] =
        "{\"name\": \"Café – 🎵\", \"next\": 1,\n"
        " \"q\": \"say \\\"hi\\\" \\\\\", \"after\": [\"ü\", 2]}";
    jsonpos *j = parse(text);
    const cJSON *root = jsonpos_root(j);
    expect_at(j, cJSON_GetObjectItemCaseSensitive(root, "name"), 0, 1, 10);
    /* "Café – 🎵" is 8 characters but 14 bytes. */
    expect_at(j, cJSON_GetObjectItemCaseSensitive(root, "next"), 1, 1, 28);
    expect_at(j, cJSON_GetObjectItemCaseSensitive(root, "next"), 0, 1, 36);
    expect_at(j, cJSON_GetObjectItemCaseSensitive(root, "q"), 0, 2, 7);
    const cJSON *after = cJSON_GetObjectItemCaseSensitive(root, "after");
    expect_at(j, after, 1, 2, 24);
    expect_at(j, cJSON_GetArrayItem(after, 1), 0, 2, 40);
    jsonpos_destroy(j);
}

static void byte_order_mark_is_skipped(void **state)
{
    (void)state;
    static const char text[] = "\xEF\xBB\xBF{\"a\": [1]}";
    jsonpos *j = parse(text);
    const cJSON *root = jsonpos_root(j);
    /* Offsets count from the text's first byte, the mark included. */
    expect_at(j, root, 0, 1, 4);
    expect_at(j, cJSON_GetObjectItemCaseSensitive(root, "a"), 0, 1, 10);
    jsonpos_destroy(j);
}

static void errors_in_nested_values(void **state)
{
    (void)state;
    /* A missing comma deep inside: reported where cJSON stopped, with the
     * text from there. */
    static const char missing_comma[] = "{\n  \"a\": [\n    {\"b\": [1, 2 3]}\n  ]\n}\n";
    expect_error(missing_comma, strlen(missing_comma), 3, 17, "near \"3]}\"");
    /* A line of multibyte text before the fault: the column counts its bytes. */
    static const char after_text[] = "{\"a\": {\"b\": \"ääh\" \"c\": 1}}";
    expect_error(after_text, strlen(after_text), 1, 21, "near \"\"c\": 1}}\"");
    /* A nested string never closed: reported at its first character. */
    static const char open_string[] = "{\"a\": [{\"b\": \"é";
    expect_error(open_string, strlen(open_string), 1, 15, "near \"é\"");
    /* Cut short after a nested value: at the end. */
    static const char cut[] = "{\"a\": [{\"b\": 1}";
    expect_error(cut, strlen(cut), 1, 16, "ends too early");
}

static void errors_before_parsing(void **state)
{
    (void)state;
    expect_error("", 0, 1, 1, "file is empty");
    expect_error("\xFF\xFE{\0}\0", 6, 1, 1, "UTF-16");
    expect_error("{\"a\":\n \"x\0y\"}", 13, 2, 4, "NUL byte");
    /* A lone continuation byte after multibyte text, and an overlong form. */
    expect_error("{\"a\": \"é\x80\"}", 11, 1, 10, "invalid UTF-8");
    expect_error("{\n\"a\": \"\xC0\xAF\"}", 12, 2, 7, "invalid UTF-8");
    /* Brackets inside strings do not count towards the depth. */
    char deep[200];
    size_t n = 0;
    deep[n++] = '"';
    for (int i = 0; i < 80; i++)
        deep[n++] = '[';
    deep[n++] = '"';
    deep[n] = '\0';
    jsonpos_error err;
    jsonpos *j = jsonpos_create(deep, n, &err);
    assert_non_null(j);
    jsonpos_destroy(j);
    n = 0;
    for (int i = 0; i < JSONPOS_MAX_DEPTH + 1; i++)
        deep[n++] = i % 2 ? '{' : '[';
    deep[n] = '\0';
    expect_error(deep, n, 1, JSONPOS_MAX_DEPTH + 1, "nesting deeper than 64 levels");
}

static void any_value_at_the_top(void **state)
{
    (void)state;
    jsonpos *j = parse("  [1, \"two\"]");
    assert_true(cJSON_IsArray(jsonpos_root(j)));
    expect_at(j, jsonpos_root(j), 0, 1, 3);
    jsonpos_destroy(j);
    j = parse("\n\n  42");
    assert_true(cJSON_IsNumber(jsonpos_root(j)));
    expect_at(j, jsonpos_root(j), 0, 3, 3);
    jsonpos_destroy(j);
    static const char trailing[] = "{}\n{}";
    expect_error(trailing, strlen(trailing), 2, 1, "near \"{}\"");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(values_in_nested_objects_and_arrays),
        cmocka_unit_test(values_after_multibyte_strings_and_escapes),
        cmocka_unit_test(byte_order_mark_is_skipped),
        cmocka_unit_test(errors_in_nested_values),
        cmocka_unit_test(errors_before_parsing),
        cmocka_unit_test(any_value_at_the_top),
    };
    return cmocka_run_group_tests_name("jsonpos", tests, NULL, NULL);
}
