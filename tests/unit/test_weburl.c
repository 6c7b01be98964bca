/* test_weburl.c - web addresses as a browser sends them (weburl.h) and the
 * character rules behind them (textrule.h): international hosts through
 * IDNA, the rest percent-encoded, invisible characters refused; character
 * counts, blank texts and line breaks for all of Unicode. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "textrule.h"
#include "weburl.h"

static void encodes(const char *in, const char *want)
{
    char why[300] = "";
    char *out = NULL;
    if (!weburl_encode(in, &out, why, sizeof why))
        fail_msg("\"%s\" refused: %s", in, why);
    if (strcmp(out, want))
        fail_msg("\"%s\" gave \"%s\", expected \"%s\"", in, out, want);
    free(out);
}

static void refuses(const char *in, const char *reason)
{
    char why[300] = "";
    char *out = NULL;
    if (weburl_encode(in, &out, why, sizeof why))
        fail_msg("\"%s\" accepted as \"%s\"", in, out);
    assert_null(out);
    if (!strstr(why, reason))
        fail_msg("\"%s\": \"%s\" does not say \"%s\"", in, why, reason);
}

static void ascii_unchanged(void **state)
{
    (void)state;
    encodes("https://openday.example.org/music-production",
            "https://openday.example.org/music-production");
    encodes("https://three.example.org/courses/cs?from=kiosk#top",
            "https://three.example.org/courses/cs?from=kiosk#top");
    encodes("http://192.168.0.10:8080/a%20b", "http://192.168.0.10:8080/a%20b");
    encodes("https://[2001:db8::1]/x", "https://[2001:db8::1]/x");
    /* A browser writes a host in lower case; the path keeps its case. */
    encodes("https://OpenDay.Example.ORG/Music", "https://openday.example.org/Music");
}

static void outside_ascii(void **state)
{
    (void)state;
    encodes("https://bücher.example/", "https://xn--bcher-kva.example/");
    encodes("https://uni.example/studium/musik-und-tontechnik-ä",
            "https://uni.example/studium/musik-und-tontechnik-%C3%A4");
    encodes("https://uni.example/s?fach=Gesang&ort=Köln#Übersicht",
            "https://uni.example/s?fach=Gesang&ort=K%C3%B6ln#%C3%9Cbersicht");
    encodes("https://université.example:8443/é", "https://xn--universit-j4a.example:8443/%C3%A9");
    /* What browsers also encode in each part. */
    encodes("https://a.example/x\"y<z>`{}?q='\"#f`", "https://a.example/x%22y%3Cz%3E%60%7B%7D?q=%27%22#f%60");
}

static void refused(void **state)
{
    (void)state;
    refuses("ftp://a.example/", "must start with https://");
    refuses("https://a.example/a b", "write a space as %20");
    refuses("https://a.example/a\xc2\xa0" "b", "U+00A0");
    refuses("https://a.example/\xe2\x80\x8b", "U+200B");
    refuses("https://a.example/\xe2\x80\xae" "gpj.exe", "U+202E");
    refuses("https://a\xef\xbb\xbf.example/", "U+FEFF");
    refuses("https://a.example/\t", "U+0009");
    refuses("https:///path", "needs a host name");
    refuses("https://a.example:80x/", "port");
    refuses("https://xn--a.example/", "not a valid domain name");
    refuses("https://[2001:db8::1/x", "ends with ']'");
}

static void character_rules(void **state)
{
    (void)state;
    assert_int_equal(textrule_chars("Straße"), 6);
    assert_int_equal(textrule_chars("日本語"), 3);
    assert_int_equal(textrule_chars("\xf0\x9f\x8e\xb5"), 1);
    assert_true(textrule_blank(""));
    assert_true(textrule_blank(" \t\n\xc2\xa0\xe2\x80\x8b\xe2\x81\xa0\xef\xbb\xbf\xe3\x80\x80"));
    assert_true(textrule_blank("\xe2\x80\xaa\xe2\x81\xa6\xe3\x85\xa4")); /* bidi, Hangul filler */
    assert_false(textrule_blank("\xe2\x80\x8b" "a"));
    size_t at = 0;
    assert_int_equal(textrule_first_invisible("ab\xe2\x80\x8f" "c", &at), 0x200F);
    assert_int_equal(at, 2);
    assert_int_equal(textrule_first_invisible("music-production", NULL), 0);
    for (uint32_t cp = 0x2060; cp <= 0x2064; cp++)
        assert_true(textrule_cp_invisible(cp));
    for (uint32_t cp = 0x2066; cp <= 0x2069; cp++)
        assert_true(textrule_cp_invisible(cp));
    assert_true(textrule_cp_invisible(0x85));
    assert_false(textrule_cp_invisible('a'));
    assert_false(textrule_cp_invisible(0xE9));
    assert_int_equal(textrule_first_break("one line"), 0);
    assert_int_equal(textrule_first_break("one\xe2\x80\xa8two"), 0x2028);
    assert_int_equal(textrule_first_break("one\rtwo"), '\r');
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ascii_unchanged),
        cmocka_unit_test(outside_ascii),
        cmocka_unit_test(refused),
        cmocka_unit_test(character_rules),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
