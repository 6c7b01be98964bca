/* shell.h - a shell command from a test, for setting up scratch folders
 * (copying content, breaking files on purpose). Header-only; include after
 * cmocka.h. The command must succeed, or the test fails there. */
#ifndef OPENDAY_TEST_SHELL_H
#define OPENDAY_TEST_SHELL_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static inline void sh(const char *fmt, ...)
{
    char cmd[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    assert_int_equal(system(cmd), 0);
}

#endif
