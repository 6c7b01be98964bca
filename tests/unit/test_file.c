/* test_file.c - file_read (file.h): a regular file is read whole, with its
 * NUL bytes and its exact length; a directory, a named pipe (without
 * blocking), a device, a missing or unreadable file and a file over the cap
 * each give their own error, and no buffer. file_write_atomic is neither
 * blocked nor redirected by what sits at a temporary name; leftovers are
 * removed by name; file_read_own refuses a symlink. */
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
#include <sys/wait.h>
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

/* A named pipe or a symlink at the name older versions wrote first
 * (PATH.tmp) neither blocks a write nor redirects it: each write creates a
 * name of its own. Run in a child, so a write that blocks fails the test
 * instead of hanging it. */
static void write_past_traps(void **state)
{
    (void)state;
    char p[128], fifo[140], link_at[140], target[140];
    snprintf(p, sizeof p, "%s/health.json", dir);
    snprintf(fifo, sizeof fifo, "%s.tmp", p);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        alarm(5);
        _exit(file_write_atomic(p, "{}", 2) == 0 ? 0 : 2);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        fail_msg("a pipe at %s.tmp %s the write", "health.json",
                 WIFSIGNALED(status) ? "blocked" : "failed");
    char *t;
    size_t n;
    assert_int_equal(file_read(p, 100, &t, &n), 0);
    assert_string_equal(t, "{}");
    free(t);
    /* A symlink at the temporary name pointing elsewhere: followed, it
     * would write there. */
    snprintf(p, sizeof p, "%s/boot", dir);
    snprintf(link_at, sizeof link_at, "%s.tmp", p);
    snprintf(target, sizeof target, "%s/elsewhere", dir);
    assert_int_equal(symlink(target, link_at), 0);
    assert_int_equal(file_write_atomic(p, "1 2\n", 4), 0);
    assert_int_not_equal(access(target, F_OK), 0);
    assert_int_equal(file_read(p, 100, &t, &n), 0);
    assert_string_equal(t, "1 2\n");
    free(t);
}

/* Leftover temporaries go, by name only (a pipe among them does not
 * block); the file itself, other files and a folder of such a name stay.
 * file_read_own refuses a symlink. */
static void leftovers_and_links(void **state)
{
    (void)state;
    char p[128], q[160];
    snprintf(p, sizeof p, "%s/usage.tsv", dir);
    put("usage.tsv", "x", 1);
    put("usage.tsv.tmp-12-ab", "y", 1);
    put("usage.tsv.other", "z", 1);
    put("other.tsv.tmp-1-1", "z", 1);
    snprintf(q, sizeof q, "%s.tmp", p);
    assert_int_equal(mkfifo(q, 0600), 0);
    snprintf(q, sizeof q, "%s.tmp-9-dir", p);
    assert_int_equal(mkdir(q, 0700), 0);
    signal(SIGALRM, on_alarm);
    alarm(10);
    file_remove_temps(p);
    alarm(0);
    assert_int_equal(access(p, F_OK), 0);
    assert_int_equal(access(q, F_OK), 0);
    snprintf(q, sizeof q, "%s.tmp", p);
    assert_int_not_equal(access(q, F_OK), 0);
    snprintf(q, sizeof q, "%s.tmp-12-ab", p);
    assert_int_not_equal(access(q, F_OK), 0);
    snprintf(q, sizeof q, "%s/usage.tsv.other", dir);
    assert_int_equal(access(q, F_OK), 0);
    snprintf(q, sizeof q, "%s/other.tsv.tmp-1-1", dir);
    assert_int_equal(access(q, F_OK), 0);

    char *t;
    size_t n;
    const char *call = NULL;
    snprintf(q, sizeof q, "%s/link", dir);
    assert_int_equal(symlink(p, q), 0);
    assert_int_equal(file_read_own(q, 100, &t, &n, &call), FILE_E_SYMLINK);
    assert_null(t);
    assert_string_equal(call, "open");
    assert_int_equal(file_read(q, 100, &t, &n), 0);
    free(t);
    assert_int_equal(file_read_own(p, 100, &t, &n, &call), 0);
    free(t);
    assert_non_null(strstr(file_error_text(FILE_E_SYMLINK), "symbolic link"));
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(regular_files),
        cmocka_unit_test(everything_else),
        cmocka_unit_test(write_past_traps),
        cmocka_unit_test(leftovers_and_links),
    };
    int rc = cmocka_run_group_tests_name("file", tests, NULL, NULL);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        rc = 1;
    return rc;
}
