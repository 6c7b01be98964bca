/* test_reload.c - directory watching, the last-known-good store and the
 * reload policy, on real files in a temporary folder with simulated time. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "command.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "fixture.h"
#include "reload.h"
#include "scratch.h"
#include "store.h"
#include "watch.h"

static char tmp[256];

static int setup(void **state)
{
    (void)state;
    snprintf(tmp, sizeof tmp, "/tmp/openday-reload-XXXXXX");
    if (!mkdtemp(tmp))
        return -1;
    sh("cp -r content '%s/c'", tmp);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    sh("rm -rf '%s'", tmp);
    return 0;
}

static void append(const char *file, const char *text)
{
    char p[512];
    snprintf(p, sizeof p, "%s/c/%s", tmp, file);
    FILE *f = fopen(p, "ab");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* A change is reported once, only after the folder has been quiet for the
 * settle time, with inotify and with polling alone. */
static void watch_settles(bool poll_only)
{
    char dir[512];
    snprintf(dir, sizeof dir, "%s/c", tmp);
    watch_config cfg = { 300, 500, poll_only };
    watch *w = watch_create(dir, &cfg, 1000);
    assert_non_null(w);
    assert_int_equal(watch_inotify(w), !poll_only);
    assert_false(watch_poll(w, 1100));
    append("careers.json", " ");
    /* inotify sees it at once; polling at the next 500 ms tick. */
    uint64_t t = poll_only ? 1500 : 1110;
    assert_false(watch_poll(w, t));
    append("careers.json", " "); /* still being written */
    assert_false(watch_poll(w, t + 200));
    assert_false(watch_poll(w, t + 450));
    uint64_t quiet = t + 200 + 300;
    assert_true(watch_wait_ms(w, t + 450) <= quiet - (t + 450));
    assert_true(watch_poll(w, quiet + 10));
    assert_false(watch_poll(w, quiet + 20)); /* once */
    assert_false(watch_poll(w, quiet + 2000));
    /* A file in a subfolder (an image) counts too. */
    sh("mkdir -p '%s/images' && echo x > '%s/images/a.png'", dir, dir);
    bool seen = false;
    for (uint64_t s = quiet + 2100; s < quiet + 5000 && !seen; s += 100)
        seen = watch_poll(w, s);
    assert_true(seen);
    watch_destroy(w);
}

static void watch_inotify_settles(void **state)
{
    (void)state;
    watch_settles(false);
}

static void watch_polling_settles(void **state)
{
    (void)state;
    watch_settles(true);
}

/* The folder replaced by a rename (how rsync --delay-updates and careful
 * staff publish) is noticed, and watched again afterwards. */
static void watch_folder_replaced(void **state)
{
    (void)state;
    char dir[512];
    snprintf(dir, sizeof dir, "%s/c", tmp);
    watch *w = watch_create(dir, NULL, 0);
    sh("cp -r '%s' '%s/new' && mv '%s' '%s/old' && mv '%s/new' '%s'", dir, tmp, dir, tmp, tmp,
       dir);
    bool seen = false;
    uint64_t t = 0;
    for (; t < 3000 && !seen; t += 100)
        seen = watch_poll(w, t);
    assert_true(seen);
    append("degrees.json", "\n");
    seen = false;
    for (uint64_t u = t; u < t + 3000 && !seen; u += 100)
        seen = watch_poll(w, u);
    assert_true(seen);
    watch_destroy(w);
}

/* The content path is a symlink swapped by renaming a new link over it
 * (deploy/ansible): inotify sees the swap long before the next signature
 * check, a staging copy made beside the link is no change, and the new
 * target's own edits are seen afterwards. */
static void watch_symlink_swapped(void **state)
{
    (void)state;
    char link[512];
    snprintf(link, sizeof link, "%s/current", tmp);
    sh("mv '%s/c' '%s/r1' && ln -s r1 '%s'", tmp, tmp, link);
    watch_config cfg = { 300, 60000, false };
    watch *w = watch_create(link, &cfg, 0);
    assert_true(watch_inotify(w));
    /* A staging copy beside the link: not a change of the content. */
    sh("cp -r '%s/r1' '%s/r2' && printf '\\n' >> '%s/r2/degrees.json'", tmp, tmp, tmp);
    bool seen = false;
    for (uint64_t t = 100; t < 1000; t += 100)
        seen = seen || watch_poll(w, t);
    assert_false(seen);
    sh("ln -s r2 '%s.new' && mv -T '%s.new' '%s'", link, link, link);
    uint64_t t = 1000;
    for (; t < 3000 && !seen; t += 100)
        seen = watch_poll(w, t);
    assert_true(seen);
    assert_true(t < 60000); /* inotify, not the minute's poll */
    sh("printf '\\n' >> '%s/r2/degrees.json'", tmp);
    seen = false;
    for (uint64_t u = t; u < t + 3000 && !seen; u += 100)
        seen = watch_poll(w, u);
    assert_true(seen);
    watch_destroy(w);
    sh("rm '%s' && mv '%s/r1' '%s/c'", link, tmp, tmp);
}

static int count_good_dirs(const char *state)
{
    DIR *d = opendir(state);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)))
        n += !strncmp(e->d_name, "good-", 5);
    if (d)
        closedir(d);
    return n;
}

static void store_keeps_one_copy(void **state)
{
    (void)state;
    char dir[512], st[512], good[600], err[600];
    snprintf(dir, sizeof dir, "%s/c", tmp);
    snprintf(st, sizeof st, "%s/state/deeper", tmp);
    content *c = scratch_load(dir, NULL);
    assert_non_null(c);
    assert_true(store_save(st, c, err, sizeof err));
    store_last_good(st, good, sizeof good);
    sh("cmp '%s/degrees.json' '%s/degrees.json'", dir, good);
    struct stat s1, s2;
    assert_int_equal(stat(good, &s1), 0);
    /* Identical content writes nothing. */
    assert_true(store_save(st, c, err, sizeof err));
    assert_int_equal(stat(good, &s2), 0);
    assert_true(s1.st_ino == s2.st_ino);
    assert_int_equal(count_good_dirs(st), 1);
    content_destroy(c);
    /* Changed content replaces the copy; the old folder goes. */
    append("careers.json", "\n");
    c = scratch_load(dir, NULL);
    assert_true(store_save(st, c, err, sizeof err));
    sh("cmp '%s/careers.json' '%s/careers.json'", dir, good);
    assert_int_equal(count_good_dirs(st), 1);
    content *g = scratch_load(good, NULL);
    assert_non_null(g);
    content_destroy(g);
    /* A state directory that cannot be created: false and the OS reason. */
    char bad[600];
    sh("touch '%s/plain-file'", tmp);
    snprintf(bad, sizeof bad, "%s/plain-file/state", tmp);
    assert_false(store_save(bad, c, err, sizeof err));
    assert_non_null(strstr(err, "Not a directory"));
    content_destroy(c);
}

/* Issue 21, the class of case 1: publishing the copy makes its link at a
 * name of its own. Whatever sits at the fixed name older versions used (a
 * folder, which unlink cannot remove, or a named pipe) or at a leftover of
 * a killed run no longer stops the copy from being kept; leftovers go. */
static void store_publishes_past_traps(void **state)
{
    (void)state;
    char dir[512], st[512], good[600], err[600];
    snprintf(dir, sizeof dir, "%s/c", tmp);
    snprintf(st, sizeof st, "%s/state", tmp);
    sh("mkdir -p '%s/last-good.new/inside' && mkfifo '%s/last-good.1.0.new'", st, st);
    sh("ln -s nowhere '%s/last-good.99999.0.new'", st);
    content *c = scratch_load(dir, NULL);
    assert_non_null(c);
    assert_true(store_save(st, c, err, sizeof err));
    store_last_good(st, good, sizeof good);
    sh("cmp '%s/degrees.json' '%s/degrees.json'", dir, good);
    /* The leftovers of killed runs are gone; a folder is left alone. */
    sh("! test -e '%s/last-good.1.0.new' && ! test -L '%s/last-good.99999.0.new'", st, st);
    sh("test -d '%s/last-good.new/inside'", st);
    content_destroy(c);
}

/* Issue 11, case 5: an editor's save that lands between validation and the
 * copy must not reach last-good. The copy is written from the bytes that
 * were validated; a later start on the broken folder finds a valid copy. */
static void last_good_is_what_was_validated(void **state)
{
    (void)state;
    char dir[512], st[512], good[600], err[600], p[700];
    snprintf(dir, sizeof dir, "%s/c", tmp);
    snprintf(st, sizeof st, "%s/state", tmp);
    content *c = scratch_load(dir, NULL);
    assert_non_null(c);
    /* The save lands now: after validation, before the copy. */
    sh("printf '{ \"schema\": 1, \"degrees\": [' > '%s/degrees.json'", dir);
    assert_true(store_save(st, c, err, sizeof err));
    store_last_good(st, good, sizeof good);
    snprintf(p, sizeof p, "%s/degrees.json", good);
    FILE *f = fopen(p, "rb");
    assert_non_null(f);
    char *back = malloc(c->raw_len[3] + 1);
    assert_int_equal(fread(back, 1, c->raw_len[3] + 1, f), c->raw_len[3]);
    fclose(f);
    assert_memory_equal(back, c->raw[3], c->raw_len[3]);
    free(back);
    content_destroy(c);
    content *g = scratch_load(good, NULL);
    assert_non_null(g);
    content_destroy(g);
    FILE *log = fopen("/dev/null", "w");
    reload_config cfg = { dir, st, { 300, 500, true }, true, log, NULL };
    reload *r = reload_create(&cfg, 0);
    assert_non_null(r);
    assert_int_equal(reload_get_origin(r), RELOAD_LAST_GOOD);
    reload_destroy(r);
    fclose(log);
}

/* Nothing the store writes may land among its own inputs: a state folder
 * inside the content folder, or content served from the state's copies. */
static void store_never_writes_into_its_inputs(void **state)
{
    (void)state;
    char dir[512], st[600], good[700], err[600];
    snprintf(dir, sizeof dir, "%s/c", tmp);
    content *c = scratch_load(dir, NULL);
    assert_non_null(c);
    assert_false(store_save(dir, c, err, sizeof err));
    assert_non_null(strstr(err, "inside it"));
    snprintf(st, sizeof st, "%s/c/state", tmp);
    assert_false(store_save(st, c, err, sizeof err));
    assert_int_equal(count_good_dirs(dir), 0);
    snprintf(st, sizeof st, "%s/state", tmp);
    assert_true(store_save(st, c, err, sizeof err));
    content_destroy(c);
    store_last_good(st, good, sizeof good);
    c = scratch_load(good, NULL);
    assert_non_null(c);
    assert_false(store_save(st, c, err, sizeof err));
    assert_non_null(strstr(err, "own copies"));
    content_destroy(c);
}

static void reload_keeps_good_content(void **state)
{
    (void)state;
    char dir[512], st[512];
    snprintf(dir, sizeof dir, "%s/c", tmp);
    snprintf(st, sizeof st, "%s/state", tmp);
    FILE *log = fopen("/dev/null", "w");
    reload_config cfg = { dir, st, { 300, 500, false }, false, log, NULL };
    reload *r = reload_create(&cfg, 0);
    assert_non_null(r);
    assert_int_equal(reload_get_origin(r), RELOAD_LIVE);
    const content *first = reload_content(r);
    assert_non_null(first);
    content *old = NULL;

    /* A broken edit: rejected, the current content stays, problems kept. */
    sh("sed -i 's/\"schema\": 1/\"schema\": 1,,/' '%s/careers.json'", dir);
    bool changed = false;
    uint64_t t = 0;
    for (; t < 3000 && !changed; t += 50)
        changed = reload_poll(r, t, &old);
    assert_false(changed);
    assert_true(reload_content(r) == first);
    assert_true(reload_problems(r)->errors >= 1);
    reload_stats rs;
    reload_get_stats(r, &rs);
    assert_int_equal(rs.rejected, 1);
    /* Not retried while nothing changes. */
    for (; t < 6000; t += 50)
        assert_false(reload_poll(r, t, &old));
    reload_get_stats(r, &rs);
    assert_int_equal(rs.rejected, 1);

    /* SIGHUP: a forced load, still rejected. */
    reload_request(r);
    assert_false(reload_poll(r, t, &old));
    reload_get_stats(r, &rs);
    assert_int_equal(rs.rejected, 2);

    /* The fix: swapped in, the old model handed back. */
    sh("sed -i 's/\"schema\": 1,,/\"schema\": 1/' '%s/careers.json'", dir);
    changed = false;
    for (t += 50; t < 9000 && !changed; t += 50)
        changed = reload_poll(r, t, &old);
    assert_true(changed);
    assert_true(old == first);
    content_destroy(old);
    assert_true(reload_content(r) != first);
    assert_int_equal(reload_problems(r)->count, 0);
    reload_destroy(r);

    /* Start-up with a broken folder: the last-known-good copy is used. */
    sh("sed -i 's/\"degrees\"/\"degreez\"/' '%s/degrees.json'", dir);
    r = reload_create(&cfg, 0);
    assert_int_equal(reload_get_origin(r), RELOAD_LAST_GOOD);
    assert_non_null(reload_content(r));
    assert_int_equal(reload_content(r)->n_degrees, 2);
    assert_true(reload_problems(r)->errors >= 1);
    reload_destroy(r);

    /* ... and without one, nothing: the caller shows the problems, and the
     * fix brings the content in. */
    reload_config none = { dir, NULL, { 300, 500, false }, false, log, NULL };
    r = reload_create(&none, 0);
    assert_int_equal(reload_get_origin(r), RELOAD_NONE);
    assert_null(reload_content(r));
    sh("sed -i 's/\"degreez\"/\"degrees\"/' '%s/degrees.json'", dir);
    changed = false;
    for (t = 0; t < 3000 && !changed; t += 50)
        changed = reload_poll(r, t, &old);
    assert_true(changed);
    assert_null(old);
    assert_int_equal(reload_get_origin(r), RELOAD_LIVE);
    reload_destroy(r);

    /* The folder vanishing: rejected, what is shown stays. */
    r = reload_create(&cfg, 0);
    first = reload_content(r);
    sh("mv '%s' '%s/gone'", dir, tmp);
    for (t = 0; t < 3000; t += 50)
        assert_false(reload_poll(r, t, &old));
    assert_true(reload_content(r) == first);
    reload_get_stats(r, &rs);
    assert_true(rs.rejected >= 1);
    sh("mv '%s/gone' '%s'", tmp, dir);
    reload_destroy(r);
    fclose(log);
}


/* After a reload that reorders the degrees, the visitor stays on the same
 * degree (by id), with a working Back; a degree that disappears sends them
 * Home. */
static void app_keeps_place_by_id(void **state)
{
    (void)state;
    char dir[512];
    snprintf(dir, sizeof dir, "%s/c", tmp);
    content *c1 = scratch_load(dir, NULL);
    assert_non_null(c1);
    lay_env env = { .w = 800, .h = 480, .dpi = 0, .measure = fixture_measure(),
                       .distance_cm = 0 };
    app_config cfg;
    app_config_defaults(&cfg);
    app *a = app_create(c1, &cfg, &env, 0);
    assert_true(app_goto(a, "degree:music-technology", 0));
    char name[600];

    /* Swap the two degrees in the file. */
    sh("python3 -c \"import json,sys; p=sys.argv[1]; d=json.load(open(p)); "
       "d['degrees'].reverse(); json.dump(d, open(p,'w'), indent=1)\" '%s/degrees.json'",
       dir);
    content *c2 = scratch_load(dir, NULL);
    assert_non_null(c2);
    assert_string_equal(c2->degrees[0].id, "music-technology");
    app_set_content(a, c2);
    content_destroy(c1);
    app_place_name(a, name, sizeof name);
    assert_string_equal(name, "degree:music-technology");
    char why[256];
    assert_true(app_check(a, why, sizeof why));

    /* The degree renamed away: Home. */
    sh("sed -i 's/\"id\": \"music-technology\"/\"id\": \"music-tech\"/; "
       "s/\"music-technology\"/\"music-tech\"/g' '%s/degrees.json' '%s/attract.json' "
       "'%s/talks.json' '%s/quiz.json'", dir, dir, dir, dir);
    content *c3 = scratch_load(dir, NULL);
    assert_non_null(c3);
    app_set_content(a, c3);
    content_destroy(c2);
    app_place_name(a, name, sizeof name);
    assert_string_equal(name, "home");
    assert_true(app_check(a, why, sizeof why));
    app_destroy(a);
    content_destroy(c3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(watch_inotify_settles, setup, teardown),
        cmocka_unit_test_setup_teardown(watch_polling_settles, setup, teardown),
        cmocka_unit_test_setup_teardown(watch_folder_replaced, setup, teardown),
        cmocka_unit_test_setup_teardown(watch_symlink_swapped, setup, teardown),
        cmocka_unit_test_setup_teardown(store_keeps_one_copy, setup, teardown),
        cmocka_unit_test_setup_teardown(last_good_is_what_was_validated, setup, teardown),
        cmocka_unit_test_setup_teardown(store_publishes_past_traps, setup, teardown),
        cmocka_unit_test_setup_teardown(store_never_writes_into_its_inputs, setup, teardown),
        cmocka_unit_test_setup_teardown(reload_keeps_good_content, setup, teardown),
        cmocka_unit_test_setup_teardown(app_keeps_place_by_id, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
