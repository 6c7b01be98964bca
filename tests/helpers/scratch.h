/* scratch.h - a temporary copy of the shipped content for tests that edit,
 * break or remove its files, and the loading and file helpers they share.
 *
 * Include after <cmocka.h>: a failure here fails the test (cmocka
 * assertions). Directories are made under /tmp and owned by the caller
 * (scratch_remove frees the name). */
#ifndef OPENDAY_TESTS_SCRATCH_H
#define OPENDAY_TESTS_SCRATCH_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "content.h"

/* The content in dir, or NULL when it does not load; its problems are then
 * printed to `problems` (NULL: not printed). The caller owns the content. */
static inline content *scratch_load(const char *dir, FILE *problems)
{
    content_report rep;
    content_report_init(&rep);
    content *c = content_load(dir, &rep);
    if (!c && problems)
        content_report_print(&rep, problems);
    content_report_deinit(&rep);
    return c;
}

/* The content in dir, its problems printed when it does not load, which
 * fails the test. */
static inline content *scratch_load_ok(const char *dir)
{
    content *c = scratch_load(dir, stderr);
    assert_non_null(c);
    return c;
}

/* The shipped content (content/), as scratch_load_ok. */
static inline content *load_shipped(void)
{
    return scratch_load_ok("content");
}

/* The whole of path (NUL-terminated, heap); its length in *len if given. */
static inline char *scratch_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    long n = ftell(f);
    assert_true(n >= 0);
    assert_int_equal(fseek(f, 0, SEEK_SET), 0);
    char *b = malloc((size_t)n + 1);
    assert_non_null(b);
    assert_int_equal(fread(b, 1, (size_t)n, f), (size_t)n);
    b[n] = '\0';
    fclose(f);
    if (len)
        *len = (size_t)n;
    return b;
}

/* Write len bytes of data as dir/name, replacing it. */
static inline void scratch_write_n(const char *dir, const char *name, const char *data, size_t len)
{
    char p[600];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

static inline void scratch_write(const char *dir, const char *name, const char *text)
{
    scratch_write_n(dir, name, text, strlen(text));
}

/* Remove dir/name, which must be there. */
static inline void scratch_unlink(const char *dir, const char *name)
{
    char p[600];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    assert_int_equal(unlink(p), 0);
}

/* A new directory holding the first n_files of content_files copied from
 * the shipped content/ (CONTENT_NREQUIRED: the required ones only;
 * CONTENT_NFILES: all). `tag` names it, for whoever finds it left over. */
static inline char *scratch_copy(const char *tag, size_t n_files)
{
    char name[128];
    snprintf(name, sizeof name, "/tmp/openday-%s-XXXXXX", tag);
    char *dir = strdup(name);
    assert_non_null(dir);
    assert_non_null(mkdtemp(dir));
    for (size_t i = 0; i < n_files && i < CONTENT_NFILES; i++) {
        char src[256];
        snprintf(src, sizeof src, "content/%s", content_files[i]);
        size_t n;
        char *b = scratch_read(src, &n);
        scratch_write_n(dir, content_files[i], b, n);
        free(b);
    }
    return dir;
}

/* Remove dir and everything in it; frees dir. */
static inline void scratch_remove(char *dir)
{
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    free(dir);
}

#endif
