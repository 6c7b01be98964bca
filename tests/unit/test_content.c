/* test_content.c - the loader and validator: the shipped content, then
 * hostile and broken files, each with the exact problem line expected. Each
 * case copies the shipped content to a temporary directory and replaces one
 * file, so the fixtures stay small and readable. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "content.h"
#include "scratch.h"

/* Load dir and return the printed report (heap); *ok tells whether it loaded. */
static char *load_report(const char *dir, bool *ok, content **out)
{
    content_report rep;
    content_report_init(&rep);
    content *c = content_load(dir, &rep);
    char *text = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&text, &len);
    content_report_print(&rep, m);
    fclose(m);
    content_report_deinit(&rep);
    *ok = c != NULL;
    if (out)
        *out = c;
    else
        content_destroy(c);
    return text;
}

/* Replace one file with `data`, load, and expect failure (or a warning when
 * `valid`) with a line containing "<file>:<where>: <path>: <message>". */
static void expect_problem(const char *file, const char *data, size_t len, const char *where,
                           const char *path_and_message, bool valid)
{
    char *dir = scratch_copy("test", CONTENT_NREQUIRED);
    scratch_write_n(dir, file, data, len);
    bool ok;
    char *text = load_report(dir, &ok, NULL);
    char want[1024];
    snprintf(want, sizeof want, "%s/%s:%s: %s", dir, file, where, path_and_message);
    if (!strstr(text, want))
        fail_msg("expected a line containing\n  %s\ngot:\n%s", want, text);
    if (ok != valid)
        fail_msg("load %s, expected %s:\n%s", ok ? "succeeded" : "failed",
                 valid ? "success" : "failure", text);
    free(text);
    scratch_remove(dir);
}

#define EXPECT(file, json, where, msg) expect_problem(file, json, strlen(json), where, msg, false)
#define WARN(file, json, where, msg) expect_problem(file, json, strlen(json), where, msg, true)

static void shipped_content(void **state)
{
    (void)state;
    content *c;
    bool ok;
    char *text = load_report("content", &ok, &c);
    assert_true(ok);
    assert_string_equal(text, ""); /* no errors, no warnings */
    free(text);
    assert_int_equal(c->n_degrees, 2);
    assert_int_equal(c->n_careers, 14);
    size_t shared = 0;
    for (size_t i = 0; i < c->n_careers; i++)
        shared += content_career_shared(c, i);
    assert_int_equal(shared, 3);
    size_t game = content_find_career(c, "game-audio-designer");
    size_t prog = content_find_career(c, "junior-audio-programmer");
    assert_true(content_career_shared(c, game));
    assert_false(content_career_shared(c, prog));
    assert_true(strlen(c->careers[prog].caveat) > 0);
    assert_true(strlen(c->careers[game].caveat) > 0);
    assert_string_equal(c->awards[c->degrees[0].award_index].short_name, "BA");
    assert_string_equal(c->awards[c->degrees[1].award_index].short_name, "BS");
    assert_int_equal(c->n_awards, 2);
    assert_true(c->n_slides >= 5);
    assert_true(c->slide_ms >= 2000);
    assert_non_null(strstr(c->attribution, "KAN Samples"));
    for (int i = 0; i < CONTENT_STR_COUNT; i++)
        assert_true(c->strings[i] && *c->strings[i]);
    content_destroy(c);
}

static void broken_json(void **state)
{
    (void)state;
    EXPECT("theme.json", "", "1:1", "(top level): file is empty");
    EXPECT("theme.json", "{\n  \"schema\": 1,\n  \"colors\": {\n", "4:1", "(top level): invalid JSON");
    EXPECT("theme.json", "{ \"schema\": 1 } trailing", "1:17", "(top level): invalid JSON near \"trailing\"");
    EXPECT("theme.json", "{ \"schema\": 1\n  \"font_family\": \"Inter\" }", "2:3",
           "(top level): invalid JSON near");
    EXPECT("theme.json", "[1, 2]", "1:1", "(top level): the file must hold a JSON object");
    EXPECT("theme.json", "{ \"schema\": 1, \"font_family\": \"In\xff\" }", "1:34",
           "(top level): invalid UTF-8 text");
    expect_problem("theme.json", "{ \"schema\": 1 \0 }", 17, "1:15", "(top level): file contains a NUL byte",
                   false);
    /* A byte-order mark is harmless. */
    char *dir = scratch_copy("test", CONTENT_NREQUIRED);
    size_t n;
    char *b = scratch_read("content/theme.json", &n);
    char *bom = malloc(n + 3);
    memcpy(bom, "\xEF\xBB\xBF", 3);
    memcpy(bom + 3, b, n);
    scratch_write_n(dir, "theme.json", bom, n + 3);
    bool ok;
    char *text = load_report(dir, &ok, NULL);
    assert_true(ok);
    free(text);
    free(bom);
    free(b);
    scratch_remove(dir);
}

static void deep_and_huge(void **state)
{
    (void)state;
    size_t depth = 10000;
    char *deep = malloc(2 * depth + 32);
    size_t k = 0;
    k += (size_t)sprintf(deep, "{ \"schema\": 1, \"x\": ");
    for (size_t i = 0; i < depth; i++)
        deep[k++] = '[';
    for (size_t i = 0; i < depth; i++)
        deep[k++] = ']';
    deep[k++] = '}';
    deep[k] = '\0';
    EXPECT("theme.json", deep, "1:84", "(top level): nesting deeper than 64 levels");
    free(deep);
    size_t big = 5u << 20;
    char *huge = malloc(big + 1);
    memset(huge, ' ', big);
    huge[0] = '{';
    huge[big - 1] = '}';
    huge[big] = '\0';
    EXPECT("theme.json", huge, "1:1", "(top level): file is larger than 4 MiB");
    free(huge);
    char *longstr = malloc(60000);
    int m = sprintf(longstr, "{ \"schema\": 1, \"careers\": [ { \"id\": \"a\", \"name\": \"");
    memset(longstr + m, 'x', 50000);
    strcpy(longstr + m + 50000, "\", \"summary\": \"s\" } ] }");
    EXPECT("careers.json", longstr, "1:50", "careers[0].name: text is longer than 4000 bytes");
    free(longstr);
}

static void wrong_types_and_missing(void **state)
{
    (void)state;
    EXPECT("theme.json", "{ \"schema\": 2 }", "1:13",
           "schema: this content is for schema 2; this build reads schema 1");
    EXPECT("theme.json", "{ \"colors\": {} }", "1:1", "schema: missing \"schema\": 1");
    EXPECT("degrees.json", "{ \"schema\": 1, \"degrees\": {} }", "1:27",
           "degrees: \"degrees\" must be a list");
    EXPECT("degrees.json", "{ \"schema\": 1, \"degrees\": [] }", "1:27",
           "degrees: list at least one degree");
    EXPECT("degrees.json", "{ \"schema\": 1, \"degrees\": [ 5 ] }", "1:29",
           "degrees[0]: each degree must be an object");
    EXPECT("degrees.json",
           "{ \"schema\": 1, \"degrees\": [ { \"id\": \"d\", \"award\": \"ba\", \"focus\": 3, "
           "\"careers\": [] } ] }",
           "1:29", "degrees[0].name: missing required field \"name\"");
    EXPECT("degrees.json",
           "{ \"schema\": 1, \"degrees\": [ { \"id\": \"d\", \"name\": \"D\", \"award\": \"ba\", "
           "\"focus\": 3 } ] }",
           "1:79", "degrees[0].focus: \"focus\" must be text in quotes or a set of translations");
    EXPECT("degrees.json",
           "{ \"schema\": 1, \"degrees\": [ { \"id\": \"D 1\", \"name\": \"D\", \"award\": \"ba\", "
           "\"focus\": \"f\" } ] }",
           "1:37", "degrees[0].id: id \"D 1\" may use only a-z, 0-9 and '-'");
    EXPECT("attract.json", "{ \"schema\": 1, \"slide_seconds\": 1000, \"slides\": [] }", "1:33",
           "slide_seconds: slide_seconds must be a number from 2 to 120");
}

static void references(void **state)
{
    (void)state;
    const char *dup =
        "{ \"schema\": 1, \"degrees\": [\n"
        "  { \"id\": \"music-production\", \"name\": \"A\", \"award\": \"ba\", \"focus\": \"f\",\n"
        "    \"careers\": [\"music-producer\", \"recording-engineer\", \"composer\", "
        "\"film-tv-audio-designer\", \"game-audio-designer\", \"post-producer\", "
        "\"sound-designer\", \"audio-engineer\", \"electronic-music-producer\", "
        "\"live-sound-technician\", \"junior-audio-programmer\", \"acoustic-consultant\", "
        "\"audio-plugin-designer\", \"mastering-engineer\"] },\n"
        "  { \"id\": \"music-production\", \"name\": \"B\", \"award\": \"bs\", \"focus\": \"f\" }\n"
        "] }";
    EXPECT("degrees.json", dup, "4:11",
           "degrees[1].id: duplicate id \"music-production\" (first used on line 2)");
    EXPECT("degrees.json",
           "{ \"schema\": 1, \"degrees\": [ { \"id\": \"d\", \"name\": \"D\", \"award\": \"ma\", "
           "\"focus\": \"f\" } ] }",
           "1:64", "degrees[0].award: unknown award \"ma\"; use an id from awards.json");
    EXPECT("degrees.json",
           "{ \"schema\": 1, \"degrees\": [ { \"id\": \"d\", \"name\": \"D\", \"award\": \"ba\", "
           "\"focus\": \"f\", \"careers\": [\"game-audio\"] } ] }",
           "1:96",
           "degrees[0].careers[0]: unknown career \"game-audio\"; add it to careers.json or fix "
           "the id");
    /* Mastering Engineer is linked from no degree: reported in careers.json. */
    {
        char *dir = scratch_copy("test", CONTENT_NREQUIRED);
        size_t n;
        char *b = scratch_read("content/degrees.json", &n);
        char *cut = strstr(b, ", \"mastering-engineer\"");
        assert_non_null(cut);
        memmove(cut, cut + 22, strlen(cut + 22) + 1);
        scratch_write_n(dir, "degrees.json", b, strlen(b));
        bool ok;
        char *text = load_report(dir, &ok, NULL);
        assert_false(ok);
        char want[600];
        snprintf(want, sizeof want,
                 "%s/careers.json:17:5: careers[13]: career \"mastering-engineer\" is linked to "
                 "no degree; list it in a degree's careers or remove it",
                 dir);
        if (!strstr(text, want))
            fail_msg("want %s\ngot %s", want, text);
        free(text);
        free(b);
        scratch_remove(dir);
    }
    EXPECT("attract.json",
           "{ \"schema\": 1, \"slides\": [ { \"show\": \"career\", \"id\": \"nobody\" } ] }",
           "1:54", "slides[0].id: unknown career \"nobody\"");
    EXPECT("attract.json", "{ \"schema\": 1, \"slides\": [ { \"show\": \"film\" } ] }", "1:38",
           "slides[0].show: \"show\" must be degree, compare, career, careers, awards or notices");
}

/* A compare slide's optional pair and an award's optional colour. */
static void pairs_and_award_colours(void **state)
{
    (void)state;
    EXPECT("attract.json",
           "{ \"schema\": 1, \"slides\": [ { \"show\": \"compare\", \"pair\": "
           "[\"music-production\", \"nope\"] } ] }",
           "1:78", "slides[0].pair[1]: unknown degree \"nope\"");
    EXPECT("attract.json",
           "{ \"schema\": 1, \"slides\": [ { \"show\": \"compare\", \"pair\": "
           "[\"music-production\", \"music-production\"] } ] }",
           "1:57", "slides[0].pair: \"pair\" must name two different degrees");
    EXPECT("attract.json",
           "{ \"schema\": 1, \"slides\": [ { \"show\": \"awards\", \"pair\": [\"a\", \"b\"] } ] }",
           "1:56", "slides[0].pair: only a compare slide takes a \"pair\" of degrees");
    EXPECT("attract.json",
           "{ \"schema\": 1, \"slides\": [ { \"show\": \"compare\", \"pair\": [\"a\"] } ] }",
           "1:57", "slides[0].pair: \"pair\" must list two degree ids");

    /* valid: the pair resolves to indices, the colour is kept */
    char *dir = scratch_copy("test", CONTENT_NREQUIRED);
    const char *att = "{ \"schema\": 1, \"slides\": [ { \"show\": \"compare\", \"pair\": "
                      "[\"music-technology\", \"music-production\"] } ] }";
    scratch_write_n(dir, "attract.json", att, strlen(att));
    bool ok;
    content *c = NULL;
    free(load_report(dir, &ok, &c));
    assert_true(ok);
    assert_true(c->slides[0].has_pair);
    assert_int_equal(c->slides[0].pair[0], content_find_degree(c, "music-technology"));
    assert_int_equal(c->slides[0].pair[1], content_find_degree(c, "music-production"));
    assert_false(c->awards[0].has_color);
    content_destroy(c);
    scratch_remove(dir);
    EXPECT("awards.json",
           "{ \"schema\": 1, \"awards\": [ { \"id\": \"ba\", \"short_name\": \"BA\", "
           "\"name\": \"B\", \"color\": \"blue\" } ] }",
           "1:84", "awards[0].color: colour \"blue\" must look like");
}

static void values_and_paths(void **state)
{
    (void)state;
    EXPECT("theme.json", "{ \"schema\": 1, \"colors\": { \"text\": \"white\" } }", "1:36",
           "colors.text: colour \"white\" must look like \"#1a2b3c\"");
    const char *pre = "{ \"schema\": 1, \"degrees\": [ { \"id\": \"music-production\", \"name\": "
                      "\"D\", \"award\": \"ba\", \"focus\": \"f\", ";
    char buf[1024];
    snprintf(buf, sizeof buf, "%s\"image\": \"../secret.png\" } ] }", pre);
    EXPECT("degrees.json", buf, "1:108",
           "degrees[0].image: image path must stay inside the content directory");
    snprintf(buf, sizeof buf, "%s\"image\": \"/etc/passwd\" } ] }", pre);
    EXPECT("degrees.json", buf, "1:108",
           "degrees[0].image: image path must stay inside the content directory");
    snprintf(buf, sizeof buf, "%s\"url\": \"ftp://x\" } ] }", pre);
    EXPECT("degrees.json", buf, "1:106", "degrees[0].url: a web address must start with https://");
    EXPECT("openday.json",
           "{ \"schema\": 1, \"title\": \"T\", \"version\": \"1\", \"attribution\": \"A\", "
           "\"date\": \"25/11/2026\" }",
           "1:74", "date: date \"25/11/2026\" must look like 2026-11-25");
}

static void warnings_and_translations(void **state)
{
    (void)state;
    WARN("theme.json", "{ \"schema\": 1, \"font_familly\": \"Inter\" }", "1:16",
         "font_familly: warning: unknown field \"font_familly\" is ignored; did you mean "
         "\"font_family\"?");
    WARN("strings.json", "{ \"schema\": 1, \"strings\": { \"back\": \"Back\" } }", "1:27",
         "strings.home: warning: text \"home\" missing; using \"Home\"");
    /* The manifest's language picks the translation; a missing one falls back. */
    char *dir = scratch_copy("test", CONTENT_NREQUIRED);
    const char *manifest =
        "{ \"schema\": 1, \"title\": { \"en\": \"Music\", \"cy\": \"Cerddoriaeth\" }, "
        "\"version\": \"1\", \"attribution\": { \"en\": \"Based on KAN Samples\" }, "
        "\"date\": \"2026-11-25\", \"language\": \"cy\" }";
    scratch_write_n(dir, "openday.json", manifest, strlen(manifest));
    bool ok;
    content *c;
    char *text = load_report(dir, &ok, &c);
    assert_true(ok);
    assert_string_equal(c->title, "Cerddoriaeth");
    assert_string_equal(c->attribution, "Based on KAN Samples");
    assert_non_null(strstr(text, "attribution: warning: no \"cy\" translation; showing \"en\""));
    content_destroy(c);
    free(text);
    scratch_remove(dir);
}


/* Degree marks: made from the default language's names, at most four
 * characters, unique in the set (Computer Science and Cyber Security part on
 * their first word's letters rather than both reading "CS"), the same in
 * every language; a given "mark" is checked for length and uniqueness. */
static void degree_marks(void **state)
{
    (void)state;
    static const struct {
        const char *dir;
        const char *want[12];
    } sets[] = {
        { "content", { "MP", "MT" } },
        { "tests/twelve",
          { "CoS", "SE", "EE", "DS", "CyS", "GD", "AI", "Rob", "MC", "IS", "CN", "DMT" } },
        { "tests/department", { "Geo", "AG", "MCS", "ES", "HGSC", "AEM", "CCM" } },
    };
    for (size_t k = 0; k < sizeof sets / sizeof *sets; k++) {
        bool ok;
        content *c;
        free(load_report(sets[k].dir, &ok, &c));
        assert_true(ok);
        for (size_t l = 0; l < content_language_count(c); l++) {
            const content *v = content_in_language(c, l);
            for (size_t i = 0; i < c->n_degrees; i++) {
                if (sets[k].want[i] && strcmp(v->degrees[i].mark, sets[k].want[i]))
                    fail_msg("%s (%s) degree %zu: mark \"%s\", want \"%s\"", sets[k].dir,
                             v->language ? v->language : "?", i, v->degrees[i].mark,
                             sets[k].want[i]);
                for (size_t j = 0; j < i; j++)
                    assert_string_not_equal(v->degrees[i].mark, v->degrees[j].mark);
            }
        }
        content_destroy(c);
    }
    const char *head = "{ \"schema\": 1, \"degrees\": [\n"
                       "  { \"id\": \"music-production\", \"name\": \"A\", \"award\": \"ba\", "
                       "\"focus\": \"f\", \"mark\": ";
    const char *tail = " },\n  { \"id\": \"music-technology\", \"name\": \"B\", \"award\": \"bs\", "
                       "\"focus\": \"f\", \"mark\": \"PROD\" } ] }";
    static char json[16384];
    snprintf(json, sizeof json, "%s\"MUSIC\"%s", head, tail);
    EXPECT("degrees.json", json, "2:81",
           "degrees[0].mark: a mark is 1 to 4 characters with no space");
    snprintf(json, sizeof json, "%s\"M P\"%s", head, tail);
    EXPECT("degrees.json", json, "2:81", "degrees[0].mark: a mark is 1 to 4 characters");
    snprintf(json, sizeof json, "%s\"PROD\"%s", head, tail);
    EXPECT("degrees.json", json, "3:81",
           "degrees[1].mark: mark \"PROD\" is already degree \"music-production\"'s");
    snprintf(json, sizeof json, "%s{ \"en\": \"MP\" }%s", head, tail);
    EXPECT("degrees.json", json, "2:81", "degrees[0].mark: ");
    /* Valid: a given mark is kept, in four characters beyond ASCII too. */
    char *dir = scratch_copy("test", CONTENT_NREQUIRED);
    size_t n;
    char *b = scratch_read("content/degrees.json", &n);
    const char *at = "\"id\": \"music-production\",";
    char *cut = strstr(b, at);
    assert_non_null(cut);
    cut += strlen(at);
    snprintf(json, sizeof json, "%.*s \"mark\": \"\xC3\x84\xC3\x96\xC3\x9C\xC3\x9F\",%s",
             (int)(cut - b), b, cut);
    free(b);
    scratch_write_n(dir, "degrees.json", json, strlen(json));
    bool ok;
    content *c;
    char *text = load_report(dir, &ok, &c);
    if (!ok)
        fail_msg("%s", text);
    assert_string_equal(c->degrees[0].mark, "\xC3\x84\xC3\x96\xC3\x9C\xC3\x9F");
    assert_string_equal(c->degrees[1].mark, "MT");
    content_destroy(c);
    free(text);
    scratch_remove(dir);
}

static void missing_file_and_empty_dir(void **state)
{
    (void)state;
    char *dir = scratch_copy("test", CONTENT_NREQUIRED);
    char p[512];
    snprintf(p, sizeof p, "%s/careers.json", dir);
    unlink(p);
    bool ok;
    char *text = load_report(dir, &ok, NULL);
    assert_false(ok);
    char want[600];
    snprintf(want, sizeof want, "%s/careers.json:1:1: (top level): cannot read this file: No such file", dir);
    assert_non_null(strstr(text, want));
    free(text);
    scratch_remove(dir);
    text = load_report("/nonexistent-openday-dir", &ok, NULL);
    assert_false(ok);
    assert_non_null(strstr(text, "nonexistent-openday-dir:1:1: (top level): no content files here"));
    free(text);
}

static void many_degrees(void **state)
{
    (void)state;
    /* 500 degrees, each linking every career: valid and loads. */
    size_t cap = 4u << 20, k = 0;
    char *b = malloc(cap);
    k += (size_t)snprintf(b, cap, "{ \"schema\": 1, \"degrees\": [\n");
    for (int i = 0; i < 500; i++)
        k += (size_t)snprintf(b + k, cap - k,
                              "%s{ \"id\": \"%s\", \"name\": \"Degree %d\", \"award\": \"%s\", "
                              "\"focus\": \"Focus %d\", \"careers\": [\"music-producer\", "
                              "\"recording-engineer\", \"composer\", \"film-tv-audio-designer\", "
                              "\"game-audio-designer\", \"post-producer\", \"sound-designer\", "
                              "\"audio-engineer\", \"electronic-music-producer\", "
                              "\"live-sound-technician\", \"junior-audio-programmer\", "
                              "\"acoustic-consultant\", \"audio-plugin-designer\", "
                              "\"mastering-engineer\"] }\n",
                              i ? "," : "",
                              i == 0 ? "music-production" : i == 1 ? "music-technology" : "",
                              i, i % 2 ? "bs" : "ba", i);
    /* ids for the rest: fill them in after, to keep the format string simple */
    strcpy(b + k, "] }");
    char *dir = scratch_copy("test", CONTENT_NREQUIRED);
    /* Give every degree past the first two a unique id. */
    char *out = malloc(cap + 20000);
    size_t o = 0;
    int n = 0;
    for (char *p = b; *p; p++) {
        if (!strncmp(p, "\"id\": \"\"", 8)) {
            o += (size_t)sprintf(out + o, "\"id\": \"d%d\"", n++);
            p += 7;
        } else {
            out[o++] = *p;
        }
    }
    out[o] = '\0';
    scratch_write_n(dir, "degrees.json", out, o);
    bool ok;
    content *c;
    char *text = load_report(dir, &ok, &c);
    if (!ok)
        fail_msg("%s", text);
    assert_int_equal(c->n_degrees, 500);
    assert_int_equal(c->careers[0].n_degrees, 500);
    content_destroy(c);
    free(text);
    free(out);
    free(b);
    scratch_remove(dir);
}

static void on_alarm(int sig)
{
    (void)sig;
    static const char msg[] = "test_content: the loader blocked on a content file\n";
    (void)!write(2, msg, sizeof msg - 1);
    _exit(1);
}

/* Issue 11, case 1: a content file that is a named pipe with no writer (or
 * any file that is not a regular file) is an error on that file; the loader
 * must not block in open or read. The alarm turns a hang into a failure. */
static void named_pipe_is_an_error(void **state)
{
    (void)state;
    char *dir = scratch_copy("test", CONTENT_NREQUIRED);
    char p[512];
    snprintf(p, sizeof p, "%s/careers.json", dir);
    unlink(p);
    assert_int_equal(mkfifo(p, 0644), 0);
    signal(SIGALRM, on_alarm);
    alarm(10);
    bool ok;
    char *text = load_report(dir, &ok, NULL);
    alarm(0);
    assert_false(ok);
    char want[600];
    snprintf(want, sizeof want, "%s:1:1: (top level): cannot read this file: is not a regular file", p);
    if (!strstr(text, want))
        fail_msg("expected\n  %s\ngot:\n%s", want, text);
    free(text);
    scratch_remove(dir);
}

/* Lists drawn whole on one screen have a limit (case 2's class): 100 topics
 * load, 101 do not, and the message names the list. */
static void list_limits(void **state)
{
    (void)state;
    for (int n = 100; n <= 101; n++) {
        char *dir = scratch_copy("test", CONTENT_NREQUIRED);
        char p[512];
        snprintf(p, sizeof p, "%s/degrees.json", dir);
        size_t len;
        char *doc = scratch_read(p, &len);
        const char *at = strstr(doc, "\"topics\": [");
        assert_non_null(at);
        const char *end = strchr(at, ']');
        char *out = malloc(len + (size_t)n * 16 + 64);
        size_t o = (size_t)(at - doc);
        memcpy(out, doc, o);
        o += (size_t)sprintf(out + o, "\"topics\": [");
        for (int i = 0; i < n; i++)
            o += (size_t)sprintf(out + o, "%s\"t%d\"", i ? ", " : "", i);
        size_t rest = len - (size_t)(end - doc);
        memcpy(out + o, end, rest);
        o += rest;
        scratch_write_n(dir, "degrees.json", out, o);
        bool ok;
        char *text = load_report(dir, &ok, NULL);
        assert_int_equal(ok, n == 100);
        if (n == 101)
            assert_non_null(strstr(text, "degrees[0].topics: more than 100 entries"));
        free(text);
        free(out);
        free(doc);
        scratch_remove(dir);
    }
}

/* Replace the first `from` in dir/file (a copy of the shipped file) by `to`. */
static void apply_edit(const char *dir, const char *file, const char *from, const char *to)
{
    char src[256];
    snprintf(src, sizeof src, "content/%s", file);
    size_t n;
    char *text = scratch_read(src, &n);
    char *at = strstr(text, from);
    if (!at)
        fail_msg("%s has no \"%s\"", file, from);
    size_t lf = strlen(from), lt = strlen(to);
    char *edited = malloc(n - lf + lt + 1);
    assert_non_null(edited);
    memcpy(edited, text, (size_t)(at - text));
    memcpy(edited + (at - text), to, lt);
    memcpy(edited + (at - text) + lt, at + lf, n - (size_t)(at - text) - lf);
    scratch_write_n(dir, file, edited, n - lf + lt);
    free(edited);
    free(text);
}

/* The shipped content (every file) with the first `from` in `file` replaced
 * by `to`, and as much in file2 when it is not NULL; loaded, its report
 * must contain `want` (the directory's name before it), and it must load or
 * not as `valid` says. The model is handed back through *out when out is
 * not NULL (the caller destroys it). */
static void edit_expect2(const char *file, const char *from, const char *to, const char *file2,
                         const char *from2, const char *to2, const char *want, bool valid,
                         content **out)
{
    char *dir = scratch_copy("strict", CONTENT_NFILES);
    apply_edit(dir, file, from, to);
    if (file2)
        apply_edit(dir, file2, from2, to2);
    bool ok;
    char *report = load_report(dir, &ok, out);
    char line[1200];
    snprintf(line, sizeof line, "%s/%s", dir, want);
    if (*want && !strstr(report, line))
        fail_msg("expected a line containing\n  %s\ngot:\n%s", line, report);
    if (ok != valid)
        fail_msg("load %s, expected %s:\n%s", ok ? "succeeded" : "failed",
                 valid ? "success" : "failure", report);
    free(report);
    scratch_remove(dir);
}

static void edit_expect(const char *file, const char *from, const char *to, const char *want,
                        bool valid, content **out)
{
    edit_expect2(file, from, to, NULL, NULL, NULL, want, valid, out);
}

/* Issue 21, case 9 and its class: a key written twice in any object of any
 * file is an error at the second one, with its JSON path. */
static void duplicate_keys_anywhere(void **state)
{
    (void)state;
    /* A quiz answer's points: both values within the limit. */
    edit_expect("quiz.json", "\"points\": { \"music-production\": 2 } }",
                "\"points\": { \"music-production\": 2, \"music-production\": 3 } }",
                "quiz.json:7:140: questions[0].answers[0].points.music-production: field "
                "\"music-production\" appears twice in this object; keep one", false, NULL);
    /* A translation given twice. */
    edit_expect("degrees.json", "\"de\": \"Musikproduktion\" }",
                "\"de\": \"Musikproduktion\", \"de\": \"Produktion\" }",
                "degrees.json:6:68: degrees[0].name.de: field \"de\" appears twice", false, NULL);
    /* In the talks, the notices and the manifest's language list. */
    edit_expect("talks.json", "\"start\": \"10:00\",", "\"start\": \"10:00\", \"start\": \"09:00\",",
                "talks.json:6:25: talks[0].start: field \"start\" appears twice", false, NULL);
    edit_expect("notices.json", "\"start\": \"12:00\",", "\"start\": \"12:00\", \"start\": \"11:00\",",
                "notices.json:6:25: notices[0].start: field \"start\" appears twice", false, NULL);
    edit_expect("openday.json", "\"schema\": 1,", "\"schema\": 1, \"schema\": 1,",
                "openday.json:2:16: schema: field \"schema\" appears twice", false, NULL);
}

/* Case 8: a required text is not blank in any of its languages; blank is
 * also a text of invisible characters alone. */
static void required_text_in_every_language(void **state)
{
    (void)state;
    edit_expect("degrees.json", "\"de\": \"Musikproduktion\" }", "\"de\": \"\" }",
                "degrees.json:6:49: degrees[0].name.de: the \"de\" translation of \"name\" is "
                "empty", false, NULL);
    edit_expect("degrees.json", "\"de\": \"Musikproduktion\" }", "\"de\": \"\u200b\u00a0\" }",
                "degrees.json:6:49: degrees[0].name.de: the \"de\" translation", false, NULL);
    edit_expect("degrees.json", "\"name\": { \"en\": \"Music Production\", \"de\": \"Musikproduktion\" }",
                "\"name\": \"\xe2\x80\x8b\"", "degrees.json:6:15: degrees[0].name: \"name\" is empty",
                false, NULL);
    edit_expect("quiz.json", "\"de\": \"Einen Song schreiben und aufnehmen\"", "\"de\": \" \"",
                "quiz.json:7:65: questions[0].answers[0].answer.de: the \"de\" translation",
                false, NULL);
}

/* Dates are real calendar days. */
static void real_dates(void **state)
{
    (void)state;
    edit_expect("openday.json", "2026-11-25", "2026-02-31",
                "openday.json:6:11: date: date \"2026-02-31\" is not a day of the calendar", false,
                NULL);
    edit_expect("talks.json", "2026-11-25", "2026-11-31",
                "talks.json:3:11: date: date \"2026-11-31\" is not a day of the calendar", false,
                NULL);
    edit_expect("talks.json", "2026-11-25", "2028-02-29", "", true, NULL);
}

/* Every rule for all of Unicode: invisible characters in ids are named;
 * limits in characters count characters; one line means no line break of
 * any kind. */
static void unicode_rules(void **state)
{
    (void)state;
    edit_expect("careers.json", "\"id\": \"music-producer\"", "\"id\": \"music\u2060-producer\"",
                "careers.json:4:13: careers[0].id: id \"music\xe2\x81\xa0-producer\" holds a space or "
                "invisible character (U+2060 at byte 6)", false, NULL);
    edit_expect("careers.json", "\"id\": \"music-producer\"", "\"id\": \"music-producer\u202e\"",
                "careers.json:4:13: careers[0].id: id", false, NULL);
    /* 40 characters of two bytes each: a room of 40 characters is allowed. */
    char to[300] = "\"room\": \"";
    for (int i = 0; i < 40; i++)
        strcat(to, "\xc3\xa9");
    strcat(to, "\"");
    edit_expect("talks.json", "\"room\": \"Studio 1\"", to, "", true, NULL);
    to[strlen(to) - 1] = '\0';
    strcat(to, "e\"");
    edit_expect("talks.json", "\"room\": \"Studio 1\"", to, "talks.json:", false, NULL);
    edit_expect("talks.json", "\"room\": \"Studio 1\"", "\"room\": \"Studio\u20281\"",
                "talks.json:16:15: talks[1].room: a room is a short label on one line", false, NULL);
    edit_expect("notices.json", "moved to Room 1.02.\"", "moved to\u2029Room 1.02.\"",
                "notices.json:5:15: notices[0].text: a notice is a short message on one line",
                false, NULL);
}

/* Addresses outside ASCII are encoded as a browser sends them; one that
 * hides an invisible character is refused. */
static void web_addresses(void **state)
{
    (void)state;
    content *c;
    edit_expect("openday.json", "\"url_base\": \"https://openday.example.org/\"",
                "\"url_base\": \"https://Bücher.Example/studium/ä/\"", "", true, &c);
    assert_string_equal(c->url_base, "https://xn--bcher-kva.example/studium/%C3%A4/");
    assert_string_equal(c->degrees[0].url,
                        "https://xn--bcher-kva.example/studium/%C3%A4/music-production");
    content_destroy(c);
    edit_expect("openday.json", "\"url_base\": \"https://openday.example.org/\"",
                "\"url_base\": \"https://openday.example.org/\u200b\"",
                "openday.json:", false, NULL);
    edit_expect("openday.json", "\"url_base\": \"https://openday.example.org/\"",
                "\"url_base\": \"https://openday.example.org/a\u00a0b/\"",
                "openday.json:", false, NULL);
    edit_expect("openday.json", "\"url_base\": \"https://openday.example.org/\"",
                "\"url_base\": \"https://xn--a.example/\"",
                "openday.json:", false, NULL);
}

/* Times of talks and notices exist on their day where the kiosk is: the
 * hour the clocks skip is refused, the hour they repeat warned about, a
 * talk past midnight checked on the day after. */
static void local_times(void **state)
{
    (void)state;
    const char *tz = getenv("TZ");
    char *old = tz ? strdup(tz) : NULL;
    setenv("TZ", "Europe/London", 1);
    tzset();
    /* 2027-03-28: the clocks go forward at 01:00 to 02:00. */
    edit_expect("talks.json", "\"date\": \"2026-11-25\"", "\"date\": \"2027-03-28\"", "", true, NULL);
    char from[] = "\"start\": \"10:00\",\n      \"end\": \"10:45\"";
    char buf[200];
    snprintf(buf, sizeof buf, "\"start\": \"01:30\",\n      \"end\": \"02:45\"");
    char *dir_from = "\"date\": \"2026-11-25\",\n  \"talks\": [\n    {\n      ";
    char a[400], b[400];
    snprintf(a, sizeof a, "%s%s", dir_from, from);
    snprintf(b, sizeof b, "\"date\": \"2027-03-28\",\n  \"talks\": [\n    {\n      %s", buf);
    edit_expect("talks.json", a, b, "talks.json:6:16: talks[0].start: 01:30 does not happen on "
                "2027-03-28 where this kiosk is", false, NULL);
    /* The night before, a talk to 01:30 ends on the day of the change. */
    snprintf(b, sizeof b, "\"date\": \"2027-03-27\",\n  \"talks\": [\n    {\n      "
             "\"start\": \"23:00\",\n      \"end\": \"01:30\"");
    edit_expect("talks.json", a, b, "talks.json:7:14: talks[0].end: 01:30 does not happen on "
                "2027-03-28", false, NULL);
    /* 2027-10-31: 01:00-01:59 happens twice: a warning. */
    snprintf(b, sizeof b, "\"date\": \"2027-10-31\",\n  \"talks\": [\n    {\n      %s", buf);
    edit_expect("talks.json", a, b, "talks.json:6:16: talks[0].start: warning: 01:30 happens "
                "twice on 2027-10-31", true, NULL);
    /* A notice on the open day's date (openday.json): in the skipped hour,
     * and past midnight into it. */
    edit_expect("openday.json", "2026-11-25", "2027-03-28", "", true, NULL);
    edit_expect2("openday.json", "2026-11-25", "2027-03-28", "notices.json",
                 "\"start\": \"12:00\"", "\"start\": \"01:15\"",
                 "notices.json:6:16: notices[0].start: 01:15 does not happen on 2027-03-28",
                 false, NULL);
    edit_expect2("openday.json", "2026-11-25", "2027-03-27", "notices.json",
                 "\"start\": \"12:00\",\n      \"end\": \"14:30\"",
                 "\"start\": \"22:00\",\n      \"end\": \"01:45\"",
                 "notices.json:7:14: notices[0].end: 01:45 does not happen on 2027-03-28",
                 false, NULL);
    if (old)
        setenv("TZ", old, 1);
    else
        unsetenv("TZ");
    free(old);
    tzset();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shipped_content),
        cmocka_unit_test(broken_json),
        cmocka_unit_test(deep_and_huge),
        cmocka_unit_test(wrong_types_and_missing),
        cmocka_unit_test(references),
        cmocka_unit_test(pairs_and_award_colours),
        cmocka_unit_test(values_and_paths),
        cmocka_unit_test(warnings_and_translations),
        cmocka_unit_test(degree_marks),
        cmocka_unit_test(missing_file_and_empty_dir),
        cmocka_unit_test(many_degrees),
        cmocka_unit_test(named_pipe_is_an_error),
        cmocka_unit_test(list_limits),
        cmocka_unit_test(duplicate_keys_anywhere),
        cmocka_unit_test(required_text_in_every_language),
        cmocka_unit_test(real_dates),
        cmocka_unit_test(unicode_rules),
        cmocka_unit_test(web_addresses),
        cmocka_unit_test(local_times),
    };
    return cmocka_run_group_tests_name("content", tests, NULL, NULL);
}
