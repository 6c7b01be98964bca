/* test_hyph.c - hyphenation from a table of the content's words: the same
 * points as the dictionary, no dictionary kept once the table is made, the
 * table cached in the state folder and read back at the next start (a
 * damaged or foreign file ignored and made again), and variants of one
 * language reading their one dictionary once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file.h"
#include "hyph.h"

static const char words[] = "extraordinary\nresponsibilities\nproduction\nextraordinary\n";

static char dir[64];

static int make_dir(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/openday-test-hyph-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* The points hyph_points gives for w, from an unprepared hyph (the
 * dictionary itself). */
static bool direct(const char *lang, const char *w, unsigned char *pts)
{
    hyph *h = hyph_create(NULL);
    bool ok = hyph_points(h, lang, w, strlen(w), pts);
    hyph_destroy(h);
    return ok;
}

static void a_table_answers_as_the_dictionary_and_keeps_none(void **state)
{
    (void)state;
    hyph *h = hyph_create(NULL);
    hyph_prepare(h, "en-GB", words, strlen(words), NULL);
    hyph_wait(h);
    const char *w[] = { "extraordinary", "responsibilities", "production" };
    for (size_t i = 0; i < 3; i++) {
        unsigned char want[64], got[64];
        assert_true(direct("en-GB", w[i], want));
        assert_true(hyph_points(h, "en-GB", w[i], strlen(w[i]), got));
        assert_memory_equal(want, got, strlen(w[i]));
    }
    /* A word the content does not have: no points, and no dictionary read
     * to find them. */
    unsigned char pts[64];
    assert_false(hyph_points(h, "en-GB", "hyphenation", 11, pts));
    hyph_stats st;
    hyph_get_stats(h, &st);
    assert_int_equal(st.tables, 1);
    assert_int_equal(st.words, 3); /* repeats counted once */
    assert_int_equal(st.dictionaries, 0);
    assert_true(st.table_bytes < 1024);
    hyph_destroy(h);
}

static void wait_table(hyph *h, const char *lang)
{
    (void)lang;
    hyph_wait(h);
}

static char *cache_file(const char *lang, size_t *len)
{
    char path[128];
    snprintf(path, sizeof path, "%s/hyph-%s.table", dir, lang);
    char *text = NULL;
    return file_read(path, 1u << 20, &text, len) == 0 ? text : NULL;
}

static void the_table_is_cached_and_read_back(void **state)
{
    (void)state;
    hyph_stats st;
    hyph *h = hyph_create(NULL);
    hyph_get_stats(h, &st);
    unsigned builds = st.builds;
    hyph_prepare(h, "en-GB", words, strlen(words), dir);
    wait_table(h, "en-GB");
    hyph_destroy(h);
    size_t len = 0;
    char *first = cache_file("en-GB", &len);
    assert_non_null(first);
    /* The next start: read, not built. */
    h = hyph_create(NULL);
    hyph_prepare(h, "en-GB", words, strlen(words), dir);
    hyph_get_stats(h, &st);
    assert_int_equal(st.builds, builds + 1);
    assert_int_equal(st.tables, 1);
    unsigned char want[64], got[64];
    assert_true(direct("en-GB", "responsibilities", want));
    assert_true(hyph_points(h, "en-GB", "responsibilities", 16, got));
    assert_memory_equal(want, got, 16);
    /* Preparing the same words again does nothing. */
    hyph_prepare(h, "en-GB", words, strlen(words), dir);
    hyph_get_stats(h, &st);
    assert_int_equal(st.builds, builds + 1);
    /* Other words: another table. */
    hyph_prepare(h, "en-GB", "production\n", 11, dir);
    wait_table(h, "en-GB");
    hyph_get_stats(h, &st);
    assert_int_equal(st.builds, builds + 2);
    assert_int_equal(st.words, 1);
    hyph_destroy(h);
    free(first);
}

/* Write bytes as the cache file, prepare, and say whether a table was built
 * (the file was not taken) and whether the file is whole again after. */
static bool built_over(const char *bytes, size_t n)
{
    char path[128];
    snprintf(path, sizeof path, "%s/hyph-en-GB.table", dir);
    assert_int_equal(file_write_atomic(path, bytes, n), 0);
    hyph_stats st;
    hyph *h = hyph_create(NULL);
    hyph_get_stats(h, &st);
    unsigned before = st.builds;
    hyph_prepare(h, "en-GB", words, strlen(words), dir);
    wait_table(h, "en-GB");
    unsigned char got[64], want[64];
    assert_true(direct("en-GB", "extraordinary", want));
    assert_true(hyph_points(h, "en-GB", "extraordinary", 13, got));
    assert_memory_equal(want, got, 13);
    hyph_get_stats(h, &st);
    hyph_destroy(h);
    return st.builds == before + 1;
}

static void a_damaged_cache_is_ignored_and_made_again(void **state)
{
    (void)state;
    hyph *h = hyph_create(NULL);
    hyph_prepare(h, "en-GB", words, strlen(words), dir);
    wait_table(h, "en-GB");
    hyph_destroy(h);
    size_t len = 0;
    char *good = cache_file("en-GB", &len);
    assert_non_null(good);
    assert_true(len > 40);
    char *bad = malloc(len);
    assert_non_null(bad);
    /* One byte changed anywhere, cut short, empty, a length that lies. */
    for (size_t at = 0; at < len; at += len / 7 + 1) {
        memcpy(bad, good, len);
        bad[at] ^= 0x21;
        assert_true(built_over(bad, len));
    }
    assert_true(built_over(good, len - 9));
    assert_true(built_over("", 0));
    memcpy(bad, good, len);
    bad[16] = (char)0xFF; /* the count of words */
    assert_true(built_over(bad, len));
    /* Each time the file was made whole again. */
    size_t again_len = 0;
    char *again = cache_file("en-GB", &again_len);
    assert_non_null(again);
    assert_int_equal(again_len, len);
    assert_memory_equal(again, good, len);
    /* And the whole file is taken as it is. */
    assert_false(built_over(good, len));
    free(again);
    free(bad);
    free(good);
}

static void variants_read_their_dictionary_once(void **state)
{
    (void)state;
    hyph_stats st;
    hyph *h = hyph_create(NULL);
    hyph_get_stats(h, &st);
    unsigned loads = st.loads;
    /* en-GB, en-AU and en-ZA are links to one file, en-US another; the
     * builds take the lock in any order. */
    hyph_prepare(h, "en-GB", "production\n", 11, NULL);
    hyph_prepare(h, "en-US", "production\n", 11, NULL);
    hyph_prepare(h, "en-AU", "extraordinary\n", 14, NULL);
    hyph_prepare(h, "en-ZA", "responsibilities\n", 17, NULL);
    wait_table(h, "en-GB");
    hyph_get_stats(h, &st);
    assert_int_equal(st.tables, 4);
    assert_int_equal(st.dictionaries, 0);
    assert_int_equal(st.loads, loads + 2);
    hyph_destroy(h);
}

/* After a save with new words, the table before answers while the next one
 * is built: hyphenation never waits for the dictionary (a kiosk showing
 * that language would freeze for seconds on a Pi). The new build is made
 * long with many words, so it is still under way when asked. */
static void the_table_before_answers_while_the_next_is_built(void **state)
{
    (void)state;
    hyph *h = hyph_create(NULL);
    hyph_prepare(h, "en-GB", "extraordinary\n", 14, NULL);
    wait_table(h, "en-GB");
    enum { MANY = 300000 };
    char *many = malloc(MANY * 16 + 32);
    assert_non_null(many);
    size_t n = 0;
    for (unsigned i = 0; i < MANY; i++) {
        char w[16];
        /* distinct letters-only words: "productionabcd" ... */
        snprintf(w, sizeof w, "production%c%c%c%c", 'a' + i % 26, 'a' + i / 26 % 26,
                 'a' + i / 676 % 26, 'a' + i / 17576 % 26);
        n += (size_t)sprintf(many + n, "%s\n", w);
    }
    n += (size_t)sprintf(many + n, "responsibilities\n");
    hyph_prepare(h, "en-GB", many, n, NULL);
    unsigned char want[64], got[64];
    assert_true(direct("en-GB", "extraordinary", want));
    /* In the table before (not in the new one): answered at once. */
    assert_true(hyph_points(h, "en-GB", "extraordinary", 13, got));
    assert_memory_equal(want, got, 13);
    /* New with the save: no points yet. */
    assert_false(hyph_points(h, "en-GB", "responsibilities", 16, got));
    free(many);
    hyph_destroy(h); /* does not wait for the build */
}

/* A language without a dictionary prepares to nothing, and says so once. */
static void a_language_without_a_dictionary(void **state)
{
    (void)state;
    hyph *h = hyph_create(NULL);
    hyph_prepare(h, "zz", words, strlen(words), dir);
    hyph_prepare(h, "zz", words, strlen(words), dir);
    unsigned char pts[64];
    assert_false(hyph_points(h, "zz", "extraordinary", 13, pts));
    hyph_stats st;
    hyph_get_stats(h, &st);
    assert_int_equal(st.tables, 0);
    hyph_destroy(h);
}

/* The frame loop never waits for a table: asked before its thread is done
 * (German's dictionary takes seconds to read), hyph_points answers at once
 * with no points, and the ready count grows when the thread is done, after
 * which the points are there. */
static void asked_early_it_answers_at_once(void **state)
{
    (void)state;
    static const char de[] = "Musikproduktion\nTontechnik\n";
    hyph_stats st;
    hyph *h = hyph_create(NULL);
    hyph_get_stats(h, &st);
    unsigned ready = st.ready;
    hyph_prepare(h, "de", de, strlen(de), NULL);
    unsigned char got[64];
    assert_false(hyph_points(h, "de", "Musikproduktion", 15, got));
    hyph_wait(h);
    hyph_get_stats(h, &st);
    assert_true(st.ready > ready);
    assert_true(hyph_points(h, "de", "Musikproduktion", 15, got));
    hyph_destroy(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_table_answers_as_the_dictionary_and_keeps_none),
        cmocka_unit_test(asked_early_it_answers_at_once),
        cmocka_unit_test(the_table_is_cached_and_read_back),
        cmocka_unit_test(a_damaged_cache_is_ignored_and_made_again),
        cmocka_unit_test(variants_read_their_dictionary_once),
        cmocka_unit_test(the_table_before_answers_while_the_next_is_built),
        cmocka_unit_test(a_language_without_a_dictionary),
    };
    return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
