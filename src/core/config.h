/* config.h - the configuration file (/etc/openday/openday.conf).
 *
 * Pure: libc only, no SDL. The file holds `key = value` lines; `#` starts a
 * comment line; blank lines are ignored. Every key is a long command-line
 * option without its dashes (content, state-dir, rotate, fps, mode, window,
 * admin-pin ...); switches (loop, touch-swap-xy ...) take yes or no. The file
 * turns into options placed before the command line's own, so the command
 * line wins.
 *
 * config_args reads FILE and builds a new argument vector (argv[0], the
 * file's options, then argv[1..]); the caller frees it with config_free. On a
 * problem it returns false with "FILE:LINE: what is wrong" in err, or with
 * "FILE: cannot read the configuration: why" when FILE is a directory, a pipe
 * or a device, unreadable, missing or over 64 KiB (it is opened without
 * blocking, see file.h); the caller prints err as one line and exits 2. A
 * NUL byte or a line over 1024 bytes is an error on its line. */
#ifndef OPENDAY_CONFIG_H
#define OPENDAY_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    int argc;
    char **argv;       /* argv[argc] == NULL */
    char *text;        /* the file's text, cut into keys and values */
    char **opts;       /* the "--key" strings made here */
    int nopts;
} config_args_out;

/* The path given with --config in argv, or NULL. */
const char *config_find(int argc, char **argv);
bool config_args(const char *path, int argc, char **argv, config_args_out *out, char *err,
                 size_t errlen);
/* The same from text already read (tests). */
bool config_args_text(const char *name, const char *text, size_t len, int argc,
                      char **argv, config_args_out *out, char *err, size_t errlen);
void config_free(config_args_out *out);

#endif
