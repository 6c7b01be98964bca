/* config.c - the configuration file. See config.h. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "file.h"

#define CONFIG_MAX_FILE (64u << 10)
#define CONFIG_MAX_LINE 1024  /* the longest value (a path) is far shorter */

/* The keys are the rows of cli_table marked CLI_CONFIG: a switch takes yes
 * (adds the option) or no (leaves it out), any other row a value. */

static bool in(const char *const *list, const char *k)
{
    for (; *list; list++)
        if (!strcmp(*list, k))
            return true;
    return false;
}

/* "FILE:LINE: unknown key" and the keys there are, from the table. */
static void unknown_key(const char *name, int lineno, const char *key, char *err, size_t errlen)
{
    int n = snprintf(err, errlen, "%s:%d: unknown key \"%.40s\" (keys:", name, lineno, key);
    for (size_t i = 0; i < cli_table_len && n >= 0 && (size_t)n < errlen; i++)
        if (cli_table[i].where & CLI_CONFIG)
            n += snprintf(err + n, errlen - (size_t)n, " %s,", cli_table[i].name);
    if (n > 0 && (size_t)n < errlen && err[n - 1] == ',')
        err[n - 1] = ')';
}

const char *config_find(int argc, char **argv)
{
    for (int i = 1; i + 1 < argc; i++)
        if (!strcmp(argv[i], "--config"))
            return argv[i + 1];
    return NULL;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    char *e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        *--e = '\0';
    return s;
}

/* "--key", kept in out->opts so config_free can release it. */
static char *option(config_args_out *out, const char *key)
{
    size_t n = strlen(key) + 3;
    char *o = malloc(n);
    if (o) {
        snprintf(o, n, "--%s", key);
        out->opts[out->nopts++] = o;
    }
    return o;
}

static bool yes_no(const char *v, bool *out)
{
    static const char *const yes[] = { "yes", "true", "on", "1", NULL };
    static const char *const no[] = { "no", "false", "off", "0", NULL };
    *out = in(yes, v);
    return *out || in(no, v);
}

/* Line by line, before anything is cut: a NUL byte (which would silently
 * end the text) and a line longer than any option are errors naming their
 * line. */
static bool plain_lines(const char *name, const char *text, size_t len, size_t *lines,
                        char *err, size_t errlen)
{
    *lines = 1;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && text[i] == '\0') {
            snprintf(err, errlen, "%s:%zu: a NUL byte at column %zu; save the file as plain "
                     "text", name, *lines, i - start + 1);
            return false;
        }
        if (i == len || text[i] == '\n') {
            if (i - start > CONFIG_MAX_LINE) {
                snprintf(err, errlen, "%s:%zu: the line is %zu bytes long; lines are at most "
                         "%d", name, *lines, i - start, CONFIG_MAX_LINE);
                return false;
            }
            if (i < len)
                ++*lines;
            start = i + 1;
        }
    }
    return true;
}

bool config_args_text(const char *name, const char *text, size_t len, int argc, char **argv,
                      config_args_out *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    size_t lines;
    if (!plain_lines(name, text, len, &lines, err, errlen))
        return false;
    out->text = malloc(len + 1);
    out->opts = calloc(lines, sizeof *out->opts);
    /* At most two arguments per line, then the command line's. */
    out->argv = calloc(2 * lines + (size_t)(argc > 0 ? argc : 1) + 1, sizeof *out->argv);
    if (!out->text || !out->opts || !out->argv) {
        config_free(out);
        snprintf(err, errlen, "%s: out of memory", name);
        return false;
    }
    memcpy(out->text, text, len);
    out->text[len] = '\0';
    char **av = out->argv;
    int n = 0;
    av[n++] = argc > 0 ? argv[0] : "openday";
    int lineno = 0;
    for (char *line = out->text, *next; line; line = next) {
        char *nl = strchr(line, '\n');
        next = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        lineno++;
        char *l = trim(line);
        if (!*l || *l == '#')
            continue;
        char *eq = strchr(l, '=');
        if (!eq) {
            snprintf(err, errlen, "%s:%d: expected \"key = value\", got \"%.60s\"", name,
                     lineno, l);
            config_free(out);
            return false;
        }
        *eq = '\0';
        char *key = trim(l), *val = trim(eq + 1);
        size_t vl = strlen(val);
        if (vl >= 2 && val[0] == '"' && val[vl - 1] == '"') {
            val[vl - 1] = '\0';
            val++;
        }
        bool yes;
        const cli_option *row = cli_find(key, CLI_CONFIG);
        if (row && row->kind == CLI_SWITCH) {
            if (!yes_no(val, &yes)) {
                snprintf(err, errlen, "%s:%d: %s: \"%.40s\" must be yes or no", name, lineno,
                         key, val);
                config_free(out);
                return false;
            }
            if (yes && !(av[n++] = option(out, key)))
                goto oom;
            continue;
        }
        if (!row) {
            unknown_key(name, lineno, key, err, errlen);
            config_free(out);
            return false;
        }
        char *o = option(out, key);
        if (!o)
            goto oom;
        /* Check the value on its own, so the error names this line. */
        cli_options scratch;
        char why[300];
        if (!cli_set(row, val, &scratch, why, sizeof why)) {
            snprintf(err, errlen, "%s:%d: %s", name, lineno, why);
            config_free(out);
            return false;
        }
        av[n++] = o;
        av[n++] = val;
    }
    for (int i = 1; i < argc; i++)
        av[n++] = argv[i];
    av[n] = NULL;
    out->argc = n;
    return true;
oom:
    config_free(out);
    snprintf(err, errlen, "%s: out of memory", name);
    return false;
}

bool config_args(const char *path, int argc, char **argv, config_args_out *out, char *err,
                 size_t errlen)
{
    memset(out, 0, sizeof *out);
    char *buf = NULL;
    size_t n = 0;
    int e = file_read(path, CONFIG_MAX_FILE, &buf, &n);
    if (e) {
        snprintf(err, errlen, "%s: cannot read the configuration: %s", path,
                 e == FILE_E_TOO_BIG ? "it is larger than 64 KiB" : file_error_text(e));
        return false;
    }
    bool ok = config_args_text(path, buf, n, argc, argv, out, err, errlen);
    free(buf);
    return ok;
}

void config_free(config_args_out *out)
{
    for (int i = 0; i < out->nopts; i++)
        free(out->opts[i]);
    free(out->opts);
    free(out->argv);
    free(out->text);
    memset(out, 0, sizeof *out);
}
