/* test_replay.c - the replay script parser: every verb, times, comments,
 * CRLF, edge values, and each malformed form with its line-numbered message. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "replay.h"
#include "view.h"

/* The list of verbs in the parser's messages. */
#define VERBS                                                                            \
    "tap, press, release, drag, swipe, key, wait, shot, dump, expect-screen, close, "      \
    "expect-quit, expect-admin, expect-access, expect-panel, expect-warning, "             \
    "expect-language, expect-text, clock, reset-device or resize"

static replay_script *ok(const char *text)
{
    char err[256] = "untouched";
    replay_script *s = replay_parse(text, strlen(text), err, sizeof err);
    if (!s)
        fail_msg("parse failed: %s\n--- script:\n%s", err, text);
    return s;
}

/* The script must be refused with exactly this message. */
static void bad(const char *text, const char *want)
{
    char err[256] = "";
    replay_script *s = replay_parse(text, strlen(text), err, sizeof err);
    if (s) {
        replay_destroy(s);
        fail_msg("accepted, but want error \"%s\"\n--- script:\n%s", want, text);
    }
    if (strcmp(err, want))
        fail_msg("error \"%s\", want \"%s\"", err, want);
}

static void every_verb(void **state)
{
    (void)state;
    replay_script *s = ok("tap 0.5 0.25\n"
                          "press 0.1 0.2\n"
                          "release 0.3 0.4\n"
                          "drag 0.5 0.8 0.5 0.2 300\n"
                          "swipe left\n"
                          "swipe right\n"
                          "swipe up\n"
                          "swipe down\n"
                          "key Escape\n"
                          "key F4\n"
                          "wait 400\n"
                          "shot after.png\n"
                          "expect-screen degree:music-production\n");
    assert_int_equal(s->count, 13);
    const replay_event *e = s->events;
    assert_int_equal(e[0].kind, REPLAY_TAP);
    assert_float_equal(e[0].x1, 0.5f, 0);
    assert_float_equal(e[0].y1, 0.25f, 0);
    assert_int_equal(e[1].kind, REPLAY_PRESS);
    assert_float_equal(e[1].x1, 0.1f, 0);
    assert_float_equal(e[1].y1, 0.2f, 0);
    assert_int_equal(e[2].kind, REPLAY_RELEASE);
    assert_float_equal(e[2].x1, 0.3f, 0);
    assert_float_equal(e[2].y1, 0.4f, 0);
    assert_int_equal(e[3].kind, REPLAY_DRAG);
    assert_true(e[3].x1 == 0.5f && e[3].y1 == 0.8f && e[3].x2 == 0.5f && e[3].y2 == 0.2f);
    assert_int_equal(e[3].ms, 300);
    const int dx[] = { -1, 1, 0, 0 }, dy[] = { 0, 0, -1, 1 };
    for (int i = 0; i < 4; i++) {
        assert_int_equal(e[4 + i].kind, REPLAY_SWIPE);
        assert_int_equal(e[4 + i].dir_x, dx[i]);
        assert_int_equal(e[4 + i].dir_y, dy[i]);
    }
    assert_int_equal(e[8].kind, REPLAY_KEY);
    assert_string_equal(e[8].arg, "Escape");
    assert_string_equal(e[9].arg, "F4");
    assert_int_equal(e[10].kind, REPLAY_WAIT);
    assert_int_equal(e[10].ms, 400);
    assert_int_equal(e[11].kind, REPLAY_SHOT);
    assert_string_equal(e[11].arg, "after.png");
    assert_int_equal(e[12].kind, REPLAY_EXPECT);
    assert_string_equal(e[12].arg, "degree:music-production");
    for (size_t i = 0; i < s->count; i++) {
        assert_int_equal(e[i].line, (int)i + 1);
        assert_true(e[i].at_ms == -1);
    }
    replay_destroy(s);
}

static void optional_times(void **state)
{
    (void)state;
    replay_script *s = ok("0     tap 0.5 0.5\n"
                          "1000  expect-screen home\n"
                          "      tap 0.25 0.5\n"
                          "86400000 wait 0\n"
                          "500 key Return\n"); /* earlier than before: allowed */
    assert_int_equal(s->count, 5);
    assert_true(s->events[0].at_ms == 0);
    assert_true(s->events[1].at_ms == 1000);
    assert_true(s->events[2].at_ms == -1);
    assert_true(s->events[3].at_ms == 86400000);
    assert_int_equal(s->events[3].ms, 0);
    assert_true(s->events[4].at_ms == 500);
    assert_string_equal(s->events[4].arg, "Return");
    replay_destroy(s);
}

static void comments_blank_lines_and_crlf(void **state)
{
    (void)state;
    replay_script *s = ok("\xEF\xBB\xBF# a journey\r\n"
                          "\r\n"
                          "   \t  \r\n"
                          "tap 0.5 0.5   # wake it\r\n"
                          "#tap 9 9\r\n"
                          "key Ctrl+Q  \r\n"
                          "shot out dir/home screen.png # with a space\r\n"
                          "100 swipe left#no space needed\r\n"
                          "expect-screen home"); /* no newline at the end */
    assert_int_equal(s->count, 5);
    assert_int_equal(s->events[0].line, 4);
    assert_int_equal(s->events[0].kind, REPLAY_TAP);
    assert_string_equal(s->events[1].arg, "Ctrl+Q");
    assert_int_equal(s->events[1].line, 6);
    assert_string_equal(s->events[2].arg, "out dir/home screen.png");
    assert_int_equal(s->events[3].kind, REPLAY_SWIPE);
    assert_true(s->events[3].at_ms == 100);
    assert_int_equal(s->events[3].dir_x, -1);
    assert_string_equal(s->events[4].arg, "home");
    assert_int_equal(s->events[4].line, 9);
    replay_destroy(s);
}

/* dump FILE.json: the rest of the line is the file, as for shot. */
static void dump_event(void **state)
{
    (void)state;
    replay_script *s = ok("tap 0.5 0.5\n"
                          "2000 dump out/home screen.JSON # the account\n"
                          "dump a.json\n");
    assert_int_equal(s->count, 3);
    assert_int_equal(s->events[1].kind, REPLAY_DUMP);
    assert_true(s->events[1].at_ms == 2000);
    assert_string_equal(s->events[1].arg, "out/home screen.JSON");
    assert_int_equal(s->events[2].kind, REPLAY_DUMP);
    assert_string_equal(s->events[2].arg, "a.json");
    replay_destroy(s);
}

static void edge_values(void **state)
{
    (void)state;
    replay_script *s = ok("tap 0 1\n"
                          "release 1.5 -0.2\n"
                          "press -0 +.5\n"
                          "drag 1e-3 2E0 0x1p-1 -7 86400000\n"
                          "wait 000\n"
                          "shot A.PNG\n");
    assert_int_equal(s->count, 6);
    assert_true(s->events[0].x1 == 0.0f && s->events[0].y1 == 1.0f);
    assert_true(s->events[1].x1 == 1.5f && s->events[1].y1 == -0.2f);
    assert_true(s->events[2].x1 == 0.0f && s->events[2].y1 == 0.5f);
    assert_true(s->events[3].x1 == 1e-3f && s->events[3].y1 == 2.0f);
    assert_true(s->events[3].x2 == 0.5f && s->events[3].y2 == -7.0f);
    assert_int_equal(s->events[3].ms, 86400000);
    assert_int_equal(s->events[4].ms, 0);
    assert_string_equal(s->events[5].arg, "A.PNG");
    replay_destroy(s);
}

static void empty_scripts(void **state)
{
    (void)state;
    const char *texts[] = { "", "\n\n", "# only comments\n   # and more\n", "\r\n" };
    for (size_t i = 0; i < 4; i++) {
        replay_script *s = ok(texts[i]);
        assert_int_equal(s->count, 0);
        replay_destroy(s);
    }
    replay_destroy(NULL);
}

static void malformed_coordinates(void **state)
{
    (void)state;
    bad("tap 0.5 0.5\n\n# c\n\n\n\ntap abc 0.5\n", "7: tap needs X and Y as numbers, got \"abc\"");
    bad("tap 0.5\n", "1: tap needs X and Y as numbers, but Y is missing");
    bad("press\n", "1: press needs X and Y as numbers, but X is missing");
    bad("release 0.5 0.5x\n", "1: release needs X and Y as numbers, got \"0.5x\"");
    bad("tap nan 0.5\n", "1: tap needs X and Y as numbers, got \"nan\"");
    bad("tap 0.5 inf\n", "1: tap needs X and Y as numbers, got \"inf\"");
    bad("tap 0.5 -Infinity\n", "1: tap needs X and Y as numbers, got \"-Infinity\"");
    bad("tap 1e39 0\n", "1: tap needs X and Y as numbers, got \"1e39\"");
    bad("tap 0.5 0.5 0.5\n", "1: tap takes only X and Y, got extra \"0.5\"");
    bad("tap 0,5 0,5\n", "1: tap needs X and Y as numbers, got \"0,5\"");
}

static void malformed_drag(void **state)
{
    (void)state;
    bad("drag 0.5 0.8 0.5\n", "1: drag needs X1 Y1 X2 Y2 as numbers, but Y2 is missing");
    bad("drag 0.5 0.8 0.5 0.2\n",
        "1: drag needs X1 Y1 X2 Y2 MS, but MS (the duration) is missing");
    bad("drag 0.5 x 0.5 0.2 300\n", "1: drag needs X1 Y1 X2 Y2 as numbers, got \"x\"");
    bad("drag 0.5 0.8 0.5 0.2 -300\n",
        "1: drag needs MS as whole milliseconds 0..86400000, got \"-300\"");
    bad("drag 0.5 0.8 0.5 0.2 1.5\n",
        "1: drag needs MS as whole milliseconds 0..86400000, got \"1.5\"");
    bad("drag 0.5 0.8 0.5 0.2 86400001\n",
        "1: drag needs MS as whole milliseconds 0..86400000, got \"86400001\"");
    bad("drag 0 0 1 1 300 9\n", "1: drag takes only X1 Y1 X2 Y2 MS, got extra \"9\"");
}

static void malformed_other_verbs(void **state)
{
    (void)state;
    bad("swipe\n", "1: swipe needs a direction: left, right, up or down");
    bad("swipe sideways\n", "1: swipe needs left, right, up or down, got \"sideways\"");
    bad("swipe left now\n", "1: swipe takes only one direction, got extra \"now\"");
    bad("key\n", "1: key needs a key name, such as Escape, Return or F4");
    bad("key   # Escape\n", "1: key needs a key name, such as Escape, Return or F4");
    bad("wait\n", "1: wait needs MS, the milliseconds to wait");
    bad("wait soon\n", "1: wait needs MS as whole milliseconds 0..86400000, got \"soon\"");
    bad("wait 99999999999999999999\n",
        "1: wait needs MS as whole milliseconds 0..86400000, got \"99999999999999999999\"");
    bad("wait 5 6\n", "1: wait takes only MS, got extra \"6\"");
    bad("shot\n", "1: shot needs a file name ending in .png");
    bad("shot home.jpg\n", "1: shot needs a file name ending in .png, got \"home.jpg\"");
    bad("shot .png\n", "1: shot needs a file name ending in .png, got \".png\"");
    bad("dump\n", "1: dump needs a file name ending in .json");
    bad("dump home.png\n", "1: dump needs a file name ending in .json, got \"home.png\"");
    bad("dump .json\n", "1: dump needs a file name ending in .json, got \".json\"");
    bad("expect-screen\n", "1: expect-screen needs a screen name, such as home or degree:ID");
    bad("expect-screen home careers\n",
        "1: expect-screen takes only one screen name, got extra \"careers\"");
    bad("close now\n", "1: close takes only nothing, got extra \"now\"");
    bad("expect-quit\n", "1: expect-quit needs normal or admin");
    bad("expect-quit soon\n", "1: expect-quit needs normal or admin");
    bad("expect-admin open\n", "1: expect-admin needs idle, armed, keypad, staff or exit");
    bad("expect-admin keypad now\n", "1: expect-admin takes only one word, got extra \"now\"");
    bad("resize\n", "1: resize needs a size like 1280x800");
    bad("resize 10x10\n", "1: resize needs a size like 1280x800");
    bad("resize 800x480 now\n", "1: resize takes only one size, got extra \"now\"");
    bad("reset-device now\n", "1: reset-device takes only nothing, got extra \"now\"");
}

/* The accessibility expectations: a list of choices, open or closed, the
 * seconds of the warning. */
static void access_expectations(void **state)
{
    (void)state;
    char err[256];
    const char *text = "expect-access large-text,reach\nexpect-access none\n"
                       "expect-panel open\nexpect-panel closed\nexpect-warning 0\n"
                       "expect-warning 17\n";
    replay_script *s = replay_parse(text, strlen(text), err, sizeof err);
    assert_non_null(s);
    assert_int_equal(s->count, 6);
    assert_int_equal(s->events[0].kind, REPLAY_EXPECT_ACCESS);
    assert_int_equal(s->events[0].ms, (1u << VIEW_ACCESS_LARGE_TEXT) | (1u << VIEW_ACCESS_REACH));
    assert_int_equal(s->events[1].ms, 0);
    assert_int_equal(s->events[2].kind, REPLAY_EXPECT_PANEL);
    assert_int_equal(s->events[2].ms, 1);
    assert_int_equal(s->events[3].ms, 0);
    assert_int_equal(s->events[5].kind, REPLAY_EXPECT_WARNING);
    assert_int_equal(s->events[5].ms, 17);
    replay_destroy(s);
    bad("expect-access bigger\n", "1: expect-access needs none or a comma-separated list of "
                                   "large-text, high-contrast, less-motion, reach, read-aloud");
    bad("expect-access\n", "1: expect-access needs none or a comma-separated list of "
                          "large-text, high-contrast, less-motion, reach, read-aloud");
    bad("expect-panel ajar\n", "1: expect-panel needs open or closed");
    bad("expect-warning -1\n", "1: expect-warning needs the seconds shown, 0 for no warning");
    bad("expect-warning 3 4\n", "1: expect-warning takes only one number, got extra \"4\"");
}

/* The language expectations: a code, and words a line on screen holds
 * (the rest of the line, spaces and all). */
static void language_expectations(void **state)
{
    (void)state;
    char err[256];
    const char *text = "expect-language de\nexpect-text Finden Sie Ihr Musikstudium\n";
    replay_script *s = replay_parse(text, strlen(text), err, sizeof err);
    assert_non_null(s);
    assert_int_equal(s->count, 2);
    assert_int_equal(s->events[0].kind, REPLAY_EXPECT_LANGUAGE);
    assert_string_equal(s->events[0].arg, "de");
    assert_int_equal(s->events[1].kind, REPLAY_EXPECT_TEXT);
    assert_string_equal(s->events[1].arg, "Finden Sie Ihr Musikstudium");
    replay_destroy(s);
    bad("expect-language\n", "1: expect-language needs a language code, such as en or de");
    bad("expect-language en de\n", "1: expect-language takes only one code, got extra \"de\"");
    bad("expect-text\n", "1: expect-text needs the words a line on screen holds");
}

static void unknown_verbs_and_times(void **state)
{
    (void)state;
    bad("tap 0 0\njump 0.5\n", "2: unknown event \"jump\" (expected " VERBS ")");
    bad("Tap 0 0\n", "1: unknown event \"Tap\" (expected " VERBS ")");
    bad("-5 tap 0 0\n", "1: time must be whole milliseconds 0..86400000, got \"-5\"");
    bad("1.5 tap 0 0\n", "1: time must be whole milliseconds 0..86400000, got \"1.5\"");
    bad("12x tap 0 0\n", "1: time must be whole milliseconds 0..86400000, got \"12x\"");
    bad("86400001 tap 0 0\n",
        "1: time must be whole milliseconds 0..86400000, got \"86400001\"");
    bad("500\n", "1: time 500 needs an event after it (" VERBS ")");
    bad("500 # just a time\n", "1: time 500 needs an event after it (" VERBS ")");
    bad("100 200 tap 0 0\n", "1: unknown event \"200\" (expected " VERBS ")");
}

/* Errors after events with strings must not leak them (run under valgrind). */
/* Every verb the messages list is one the parser knows (and the parser
 * knows no other: an unknown one is refused with the list). */
static void verb_table(void **state)
{
    (void)state;
    char err[1024], line[64];
    size_t n = 0;
    for (; replay_verbs[n]; n++) {
        snprintf(line, sizeof line, "%s\n", replay_verbs[n]);
        err[0] = '\0';
        replay_script *s = replay_parse(line, strlen(line), err, sizeof err);
        replay_destroy(s);
        if (strstr(err, "unknown event") || strstr(err, "not handled"))
            fail_msg("%s: %s", replay_verbs[n], err);
    }
    assert_true(n >= 21);
    char list[512];
    replay_verb_list(list, sizeof list);
    assert_string_equal(list, VERBS);
    bad("expect-access loud\n", "1: expect-access needs none or a comma-separated list of "
                                 "large-text, high-contrast, less-motion, reach, read-aloud");
}

static void error_after_allocations(void **state)
{
    (void)state;
    bad("key Escape\nshot a.png\nexpect-screen home\nkey F4\nwait x\n",
        "5: wait needs MS as whole milliseconds 0..86400000, got \"x\"");
    bad("shot a.png\nexpect-screen home extra\n",
        "2: expect-screen takes only one screen name, got extra \"extra\"");
}

static void long_tokens_are_cut_in_messages(void **state)
{
    (void)state;
    char text[400];
    memset(text, 0, sizeof text);
    strcpy(text, "tap ");
    memset(text + 4, 'z', 200);
    strcat(text, " 0\n");
    char err[512];
    assert_null(replay_parse(text, strlen(text), err, sizeof err));
    char want[200];
    snprintf(want, sizeof want, "1: tap needs X and Y as numbers, got \"%.60s...\"", text + 4);
    assert_string_equal(err, want);
    /* A tiny or missing error buffer is never overrun. */
    char small[8];
    memset(small, 'q', sizeof small);
    assert_null(replay_parse(text, strlen(text), small, 5));
    assert_string_equal(small, "1: t");
    assert_true(small[5] == 'q');
    assert_null(replay_parse(text, strlen(text), NULL, 0));
    assert_null(replay_parse(NULL, 0, err, sizeof err));
}

static void event_cap(void **state)
{
    (void)state;
    size_t n = 1000000;
    size_t len = (n + 1) * 7;
    char *text = malloc(len + 1);
    assert_non_null(text);
    for (size_t i = 0; i < n; i++)
        memcpy(text + i * 7, "wait 1\n", 7);
    text[n * 7] = '\0';
    replay_script *s = ok(text);
    assert_int_equal(s->count, n);
    assert_int_equal(s->events[n - 1].line, (int)n);
    replay_destroy(s);
    memcpy(text + n * 7, "wait 1\n", 8);
    bad(text, "1000001: more than 1000000 events; split the script");
    free(text);
}

static void text_cap(void **state)
{
    (void)state;
    size_t cap = 64u << 20;
    char *text = malloc(cap + 2);
    assert_non_null(text);
    /* Exactly 64 MiB of comment lines is fine... */
    memset(text, ' ', cap);
    for (size_t i = 1023; i < cap; i += 1024)
        text[i] = '\n';
    text[0] = '#';
    text[cap] = '\0';
    replay_script *s = ok(text);
    assert_int_equal(s->count, 0);
    replay_destroy(s);
    /* ...one byte more is refused, naming the line the limit falls on. */
    text[cap] = 'x';
    text[cap + 1] = '\0';
    char want[64];
    snprintf(want, sizeof want, "%zu: the script is longer than 64 MiB", cap / 1024 + 1);
    bad(text, want);
    free(text);
}

/* Issue 11, case 7: a NUL byte no longer ends the script silently; it is an
 * error on its line, and so is a line too long to be an event. */
static void nul_and_long_lines(void **state)
{
    (void)state;
    static const char text[] = "tap 0.5 0.5\nwait 100\nwa\0it 1\nexpect-screen nowhere\n";
    char err[256];
    assert_null(replay_parse(text, sizeof text - 1, err, sizeof err));
    assert_string_equal(err, "3: a NUL byte at column 3; a script is plain text (save it as "
                             "UTF-8)");
    /* A NUL as the very last byte is refused too. */
    static const char tail[] = "wait 1\n\0";
    assert_null(replay_parse(tail, sizeof tail - 1, err, sizeof err));
    assert_string_equal(err, "2: a NUL byte at column 1; a script is plain text (save it as "
                             "UTF-8)");
    char *lng = malloc(5000);
    assert_non_null(lng);
    memcpy(lng, "wait 1\n# ", 9);
    memset(lng + 9, 'x', 4200);
    lng[4209] = '\n';
    assert_null(replay_parse(lng, 4210, err, sizeof err));
    assert_string_equal(err, "2: the line is 4202 bytes long; lines are at most 4096");
    free(lng);
}

/* replay_load: the file is read without blocking and only when regular;
 * every refusal names the path, parse errors the path and the line. */
static void load_from_files(void **state)
{
    (void)state;
    char dir[] = "/tmp/openday-replay-XXXXXX", p[128], err[512];
    assert_non_null(mkdtemp(dir));
    assert_null(replay_load(dir, err, sizeof err));
    snprintf(p, sizeof p, "%s: is a directory, not a file", dir);
    assert_string_equal(err, p);
    snprintf(p, sizeof p, "%s/pipe", dir);
    assert_int_equal(mkfifo(p, 0600), 0);
    assert_null(replay_load(p, err, sizeof err));
    assert_non_null(strstr(err, "is not a regular file"));
    unlink(p);
    snprintf(p, sizeof p, "%s/nul.replay", dir);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    fwrite("wait 1\n\0wait 2\n", 1, 16, f);
    fclose(f);
    assert_null(replay_load(p, err, sizeof err));
    char want[256];
    snprintf(want, sizeof want, "%s:2: a NUL byte at column 1", p);
    assert_non_null(strstr(err, want));
    f = fopen(p, "wb");
    fputs("wait 1\nwait 2\n", f);
    fclose(f);
    replay_script *s = replay_load(p, err, sizeof err);
    assert_non_null(s);
    assert_int_equal(s->count, 2);
    replay_destroy(s);
    if (geteuid() != 0) {
        chmod(p, 0);
        assert_null(replay_load(p, err, sizeof err));
        assert_non_null(strstr(err, "Permission denied"));
    }
    unlink(p);
    assert_null(replay_load(p, err, sizeof err));
    assert_non_null(strstr(err, "No such file"));
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_verb),
        cmocka_unit_test(optional_times),
        cmocka_unit_test(comments_blank_lines_and_crlf),
        cmocka_unit_test(edge_values),
        cmocka_unit_test(dump_event),
        cmocka_unit_test(empty_scripts),
        cmocka_unit_test(malformed_coordinates),
        cmocka_unit_test(malformed_drag),
        cmocka_unit_test(malformed_other_verbs),
        cmocka_unit_test(unknown_verbs_and_times),
        cmocka_unit_test(access_expectations),
        cmocka_unit_test(language_expectations),
        cmocka_unit_test(error_after_allocations),
        cmocka_unit_test(long_tokens_are_cut_in_messages),
        cmocka_unit_test(event_cap),
        cmocka_unit_test(text_cap),
        cmocka_unit_test(nul_and_long_lines),
        cmocka_unit_test(load_from_files),
        cmocka_unit_test(verb_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
