/* test_snapshot.c - one snapshot per reload: every file of a content set,
 * every language, and the fonts it names, read once; what is shown and what
 * is kept as last-known-good are those bytes, and a refused save changes
 * nothing on screen. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "command.h"

#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file.h"
#include "font.h"
#include "kiosk.h"
#include "reload.h"
#include "store.h"

#define FONT "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

static char tmp[256];

static int setup(void **state)
{
    (void)state;
    snprintf(tmp, sizeof tmp, "/tmp/openday-snapshot-XXXXXX");
    if (!mkdtemp(tmp))
        return -1;
    sh("cp -r content '%s/c' && cp -r content '%s/a'", tmp, tmp);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    sh("rm -rf '%s'", tmp);
    return 0;
}

/* The file system, counting the reads of each content file, with a hook
 * run after each read: an editor saving while the load runs. */
typedef struct {
    unsigned reads[CONTENT_NFILES];
    unsigned font_reads;
    void (*after)(const char *path, unsigned nth);
    unsigned total;
} counting;

static int read_counting(void *ud, const char *path, size_t max, char **text, size_t *len)
{
    counting *s = ud;
    int e = file_read(path, max, text, len);
    if (e == FILE_E_TOO_BIG) {
        *text = strdup("");
        *len = max + 1;
        e = 0;
    }
    const char *base = strrchr(path, '/') + 1;
    for (size_t i = 0; i < CONTENT_NFILES; i++)
        if (!strcmp(base, content_files[i]))
            s->reads[i]++;
    if (strstr(path, "brand.ttf"))
        s->font_reads++;
    s->total++;
    if (s->after)
        s->after(path, s->total);
    return e;
}

static char *slurp(const char *dir, const char *name, size_t *len)
{
    char p[1024];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    char *text = NULL;
    assert_int_equal(file_read(p, 8u << 20, &text, len), 0);
    return text;
}

/* A German text of degrees.json changes: the save that lands mid-load. */
static void save_b_after_strings(const char *path, unsigned nth)
{
    (void)nth;
    static bool done;
    if (done || !strstr(path, "/strings.json"))
        return;
    done = true;
    sh("sed -i '0,/\"de\": \"/s//\"de\": \"NEU /' '%s/c/degrees.json'", tmp);
}

/* Case 4: a save landing after the first language's files were read. The
 * set shown (every language) and the last-known-good copy are the first
 * save's bytes, whole; each file is read once. */
static void save_during_load_is_not_half_accepted(void **state)
{
    (void)state;
    char dir[512], st[512], good[600];
    snprintf(dir, sizeof dir, "%s/c", tmp);
    snprintf(st, sizeof st, "%s/state", tmp);
    counting src = { .after = save_b_after_strings };
    content_source cs = { read_counting, &src };
    FILE *log = fopen("/dev/null", "w");
    reload_config cfg = { .content_dir = dir, .state_dir = st, .no_watch = true, .log = log,
                          .src = &cs };
    reload *r = reload_create(&cfg, 0);
    assert_non_null(r);
    const content *c = reload_content(r);
    assert_non_null(c);
    for (size_t i = 0; i < CONTENT_NFILES; i++)
        assert_true(src.reads[i] <= 1);
    assert_int_equal(src.reads[CONTENT_FILE_DEGREES], 1);

    /* The save did land on disk... */
    size_t nb;
    char *b = slurp(dir, "degrees.json", &nb);
    assert_non_null(strstr(b, "NEU "));
    free(b);
    /* ...yet every language is the first save's, as a load of it alone. */
    char ref_dir[512];
    snprintf(ref_dir, sizeof ref_dir, "%s/a", tmp);
    content_report rep;
    content_report_init(&rep);
    content *ref = content_load(ref_dir, &rep);
    content_report_deinit(&rep);
    assert_non_null(ref);
    assert_int_equal(content_language_count(c), content_language_count(ref));
    assert_true(content_language_count(c) >= 2);
    for (size_t l = 0; l < content_language_count(c); l++) {
        const content *m = content_in_language(c, l), *w = content_in_language(ref, l);
        assert_int_equal(m->n_degrees, w->n_degrees);
        for (size_t d = 0; d < m->n_degrees; d++) {
            const content_degree *x = &m->degrees[d], *y = &w->degrees[d];
            assert_string_equal(x->name, y->name);
            assert_string_equal(x->tagline, y->tagline);
            assert_string_equal(x->focus, y->focus);
            assert_string_equal(x->hands_on, y->hands_on);
            assert_string_equal(x->careers_note, y->careers_note);
            for (size_t t = 0; t < x->n_topics; t++)
                assert_string_equal(x->topics[t], y->topics[t]);
            for (size_t t = 0; t < x->n_modules; t++) {
                assert_string_equal(x->modules[t].title, y->modules[t].title);
                assert_string_equal(x->modules[t].text, y->modules[t].text);
            }
        }
    }
    content_destroy(ref);
    /* The last-known-good copy holds the bytes validated: the first save. */
    store_last_good(st, good, sizeof good);
    size_t na, ng;
    char *a = slurp(ref_dir, "degrees.json", &na);
    char *g = slurp(good, "degrees.json", &ng);
    assert_int_equal(na, ng);
    assert_memory_equal(a, g, na);
    free(a);
    free(g);
    reload_destroy(r);
    fclose(log);
}

/* Case 5: a refused save that also replaces the content's font file. The
 * faces keep drawing from the bytes the shown content was loaded with, at
 * every size, and the new font file is not even opened. */
static void refused_save_with_a_new_font_changes_nothing(void **state)
{
    (void)state;
    if (access(FONT, R_OK) != 0)
        skip();
    char dir[512];
    snprintf(dir, sizeof dir, "%s/c", tmp);
    sh("mkdir -p '%s/fonts' && cp '" FONT "' '%s/fonts/brand.ttf'", dir, dir);
    sh("sed -i 's|\"schema\": 1,|\"schema\": 1, \"font_file\": \"fonts/brand.ttf\",|' "
       "'%s/theme.json'", dir);
    counting src = { 0 };
    content_source cs = { read_counting, &src };
    FILE *log = fopen("/dev/null", "w");
    reload_config cfg = { .content_dir = dir, .no_watch = true, .log = log, .src = &cs };
    reload *r = reload_create(&cfg, 0);
    assert_non_null(r);
    const content *c = reload_content(r);
    assert_non_null(c);
    assert_int_equal(src.font_reads, 1);
    assert_int_equal(TTF_Init(), 0);
    kiosk_fonts want;
    kiosk_fonts_of(c, &want);
    assert_non_null(want.bytes[0]);
    const char *files[SCENE_FONT_COUNT] = { want.file[0], want.file[1] };
    fontset *f = fontset_create_mem(want.family, files, want.bytes);
    assert_non_null(f);
    lay_measure m = fontset_measure(f);
    float w30 = m.text_width(m.ctx, SCENE_FONT_REGULAR, 30, "Open day", 8);
    assert_true(w30 > 0);

    /* The refused save: degrees.json broken, the font file replaced. */
    sh("printf 'not a font at all' > '%s/fonts/brand.ttf' && printf '{' >> '%s/degrees.json'",
       dir, dir);
    src.font_reads = 0;
    reload_request(r);
    content *old = NULL;
    assert_false(reload_poll(r, 10, &old));
    assert_null(old);
    assert_ptr_equal(reload_content(r), c);
    assert_int_equal(src.font_reads, 0);

    /* Sizes never opened before open from the snapshot's bytes. */
    for (float px = 41; px < 41 + 2 * FONTSET_FACES; px += 1) {
        assert_non_null(fontset_get(f, SCENE_FONT_REGULAR, px));
        assert_non_null(fontset_get(f, SCENE_FONT_BOLD, px));
    }
    assert_true(m.text_width(m.ctx, SCENE_FONT_REGULAR, 30, "Open day", 8) == w30);
    assert_true(m.text_width(m.ctx, SCENE_FONT_REGULAR, 77, "Open day", 8) > w30);
    /* The kiosk would keep these faces: the content asks for the same bytes. */
    kiosk_fonts now;
    kiosk_fonts_of(reload_content(r), &now);
    assert_true(now.hash[0] == want.hash[0] && now.len[0] == want.len[0]);

    /* The faces outlive the model they came with (a valid save replaces it). */
    reload_destroy(r);
    assert_non_null(fontset_get(f, SCENE_FONT_REGULAR, 99));
    fontset_destroy(f);
    TTF_Quit();
    fclose(log);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(save_during_load_is_not_half_accepted, setup, teardown),
        cmocka_unit_test_setup_teardown(refused_save_with_a_new_font_changes_nothing, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
