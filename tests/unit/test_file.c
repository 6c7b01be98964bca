/* test_file.c - file_read (file.h): a regular file is read whole, with its
 * NUL bytes and its exact length; a directory, a named pipe (without
 * blocking), a device, a missing or unreadable file and a file over the cap
 * each give their own error, and no buffer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"

static char dir[] = "/tmp/openday-file-XXXXXX";

static void on_alarm(int sig)
{
    (void)sig;
    static const char msg[] = "test_file: file_read blocked\n";
    (void)!write(2, msg, sizeof msg - 1);
    _exit(1);
}

static void put(const char *name, const char *data, size_t len)
{
    char p[128];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

static int read_at(const char *name, size_t max, char **text, size_t *len)
{
    char p[128];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    return file_read(p, max, text, len);
}

static void regular_files(void **state)
{
    (void)state;
    char *t;
    size_t n;
    put("a", "ab\0cd", 5);
    assert_int_equal(read_at("a", 5, &t, &n), 0);
    assert_int_equal(n, 5);
    assert_memory_equal(t, "ab\0cd", 5);
    assert_int_equal(t[5], '\0');
    free(t);
    put("empty", "", 0);
    assert_int_equal(read_at("empty", 0, &t, &n), 0);
    assert_int_equal(n, 0);
    free(t);
    /* One byte over the cap. */
    assert_int_equal(read_at("a", 4, &t, &n), FILE_E_TOO_BIG);
    assert_null(t);
    char p[128];
    snprintf(p, sizeof p, "%s/a", dir);
    assert_true(file_is_regular(p));
    assert_false(file_is_regular(dir));
}

static void everything_else(void **state)
{
    (void)state;
    char *t = (char *)1;
    size_t n = 7;
    signal(SIGALRM, on_alarm);
    alarm(10);
    assert_int_equal(file_read(dir, 100, &t, &n), EISDIR);
    assert_null(t);
    assert_int_equal(n, 0);
    char p[128];
    snprintf(p, sizeof p, "%s/pipe", dir);
    assert_int_equal(mkfifo(p, 0600), 0);
    assert_int_equal(file_read(p, 100, &t, &n), FILE_E_NOT_REGULAR);
    assert_false(file_is_regular(p));
    unlink(p);
    assert_int_equal(file_read("/dev/zero", 100, &t, &n), FILE_E_NOT_REGULAR);
    alarm(0);
    assert_int_equal(read_at("missing", 100, &t, &n), ENOENT);
    if (geteuid() != 0) {
        put("secret", "x", 1);
        snprintf(p, sizeof p, "%s/secret", dir);
        chmod(p, 0);
        assert_int_equal(file_read(p, 100, &t, &n), EACCES);
    }
    assert_string_equal(file_error_text(EISDIR), "is a directory, not a file");
    assert_non_null(strstr(file_error_text(FILE_E_NOT_REGULAR), "not a regular file"));
    assert_string_equal(file_error_text(FILE_E_TOO_BIG), "is larger than the limit");
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(regular_files),
        cmocka_unit_test(everything_else),
    };
    int rc = cmocka_run_group_tests_name("file", tests, NULL, NULL);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        rc = 1;
    return rc;
}
