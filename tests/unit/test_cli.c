/* test_cli.c - command-line parsing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static bool parse(cli_options *o, char *err, int argc, ...)
{
    char *argv[32] = { "openday" };
    va_list ap;
    va_start(ap, argc);
    for (int i = 1; i <= argc; i++)
        argv[i] = va_arg(ap, char *);
    va_end(ap);
    return cli_parse(argc + 1, argv, o, err, 256);
}

static void defaults(void **state)
{
    (void)state;
    cli_options o;
    char err[256];
    assert_true(parse(&o, err, 0));
    assert_int_equal(o.mode, CLI_MODE_AUTO);
    assert_int_equal(o.fps, 60);
    assert_true(o.attract_after_s == 90.0);
    assert_string_equal(o.content_dir, "content");
    assert_int_equal(o.rotate, 0);
}

static void every_option(void **state)
{
    (void)state;
    cli_options o;
    char err[256];
    assert_true(parse(&o, err, 14, "--windowed", "1024x600", "--loop", "--rotate", "270",
                      "--content", "x", "--fps", "30", "--attract-after", "5", "--stats",
                      "--dpi", "160"));
    assert_int_equal(o.mode, CLI_MODE_WINDOWED);
    assert_int_equal(o.win_w, 1024);
    assert_int_equal(o.win_h, 600);
    assert_true(o.loop);
    assert_int_equal(o.rotate, 270);
    assert_string_equal(o.content_dir, "x");
    assert_int_equal(o.fps, 30);
    assert_true(o.attract_after_s == 5.0);
    assert_true(o.stats);
    assert_true(o.dpi == 160.0f);
    assert_true(parse(&o, err, 6, "--screenshot", "a.png", "--screen", "degree:x", "--size", "720x1280"));
    assert_string_equal(o.screenshot, "a.png");
    assert_string_equal(o.screen, "degree:x");
    assert_int_equal(o.size_w, 720);
    assert_int_equal(o.size_h, 1280);
    assert_true(parse(&o, err, 6, "--screenshot", "a.png", "--dump", "a.json", "--distance",
                      "250"));
    assert_string_equal(o.dump, "a.json");
    assert_true(o.distance_cm == 250.0f);
    /* 0 and auto both ask the display, as an absent --dpi does. */
    assert_true(parse(&o, err, 2, "--dpi", "auto"));
    assert_true(o.dpi == 0.0f);
    assert_true(parse(&o, err, 2, "--dpi", "0"));
    assert_true(o.dpi == 0.0f);
    assert_true(parse(&o, err, 0));
    assert_true(o.dpi == 0.0f && o.distance_cm == 0.0f && !o.dump);
    assert_true(parse(&o, err, 1, "--kiosk"));
    assert_int_equal(o.mode, CLI_MODE_KIOSK);
    assert_true(parse(&o, err, 1, "--fullscreen"));
    assert_int_equal(o.mode, CLI_MODE_FULLSCREEN);
}

static void check_dir(void **state)
{
    (void)state;
    cli_options o;
    char err[256];
    assert_true(parse(&o, err, 1, "--check"));
    assert_true(o.check);
    assert_string_equal(o.check_dir, "content");
    assert_true(parse(&o, err, 2, "--check", "other"));
    assert_string_equal(o.check_dir, "other");
    assert_true(parse(&o, err, 3, "--content", "c2", "--check"));
    assert_string_equal(o.check_dir, "c2");
}

static void rejects(void **state)
{
    (void)state;
    cli_options o;
    char err[256];
    assert_false(parse(&o, err, 2, "--rotate", "45"));
    assert_non_null(strstr(err, "0, 90, 180 or 270"));
    assert_false(parse(&o, err, 2, "--fps", "0"));
    assert_false(parse(&o, err, 2, "--fps", "sixty"));
    assert_false(parse(&o, err, 2, "--windowed", "big"));
    assert_false(parse(&o, err, 2, "--size", "10x10"));
    assert_false(parse(&o, err, 1, "--fps"));
    assert_non_null(strstr(err, "--fps needs"));
    assert_false(parse(&o, err, 1, "--bogus"));
    assert_non_null(strstr(err, "--bogus"));
    assert_false(parse(&o, err, 2, "--attract-after", "-1"));
    assert_false(parse(&o, err, 2, "--admin-pin", "12a4"));
    assert_false(parse(&o, err, 2, "--admin-pin", "123"));
    assert_false(parse(&o, err, 2, "--mode", "tv"));
    assert_false(parse(&o, err, 2, "--admin-hold", "0"));
    /* Out of the sane ranges: the message says the range, on one line. */
    assert_false(parse(&o, err, 2, "--dpi", "5"));
    assert_non_null(strstr(err, "from 20 to 1000"));
    assert_null(strchr(err, '\n'));
    assert_false(parse(&o, err, 2, "--dpi", "1001"));
    assert_false(parse(&o, err, 2, "--dpi", "Auto"));
    assert_false(parse(&o, err, 2, "--distance", "0"));
    assert_non_null(strstr(err, "from 20 to 2000"));
    assert_false(parse(&o, err, 2, "--distance", "100000"));
    assert_false(parse(&o, err, 2, "--distance", "auto"));
    /* The account is of a screenshot's frame; a replay has its own verb. */
    assert_false(parse(&o, err, 2, "--dump", "a.json"));
    assert_non_null(strstr(err, "--screenshot"));
    /* --screen alone starts the window on that screen. */
    assert_true(parse(&o, err, 2, "--screen", "home"));
    assert_string_equal(o.screen, "home");
}

/* ---- the option table against --help, the shipped configuration file and
 *      the man page: one table, and every place that lists options agrees ---- */

/* The whole of a file, NUL-terminated, or a test failure. */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot read %s (tests run from the source tree)", path);
    char *buf = malloc(1 << 20);
    assert_non_null(buf);
    size_t n = fread(buf, 1, (1 << 20) - 1, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

/* Whether TEXT has WORD with neither a name character nor "-" right after
 * it (so "--screen" is not found inside "--screenshot"). */
static bool has_word(const char *text, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = strstr(text, word); p; p = strstr(p + 1, word)) {
        char c = p[n];
        if (!(c >= 'a' && c <= 'z') && c != '-' && c != '\\')
            return true;
    }
    return false;
}

static void table_is_sound(void **state)
{
    (void)state;
    for (size_t i = 0; i < cli_table_len; i++) {
        const cli_option *r = &cli_table[i];
        if (!r->name || !r->help || !r->section)
            fail_msg("row %zu lacks a name, help or section", i);
        for (size_t k = i + 1; k < cli_table_len; k++)
            if (!strcmp(r->name, cli_table[k].name))
                fail_msg("--%s has two rows", r->name);
        /* Every key is also an option, so that the command line can win. */
        if (!(r->where & CLI_CMDLINE))
            fail_msg("--%s is not allowed on the command line", r->name);
        bool valued = r->kind != CLI_SWITCH && r->kind != CLI_MODE_SWITCH;
        if (valued != (r->metavar != NULL))
            fail_msg("--%s: a metavar exactly when it takes a value", r->name);
        if (valued && r->kind != CLI_TEXT_OPT && !r->need)
            fail_msg("--%s: no text for a missing value", r->name);
        /* (a display mode's message is made from the mode rows) */
        if (valued && r->kind != CLI_TEXT && r->kind != CLI_TEXT_OPT && r->kind != CLI_MODE &&
            !r->invalid)
            fail_msg("--%s: no text for a bad value", r->name);
        if (r->lo > r->hi)
            fail_msg("--%s: range %g..%g", r->name, r->lo, r->hi);
        if ((r->where & CLI_CONFIG) && r->kind != CLI_SWITCH && r->kind != CLI_TEXT &&
            r->kind != CLI_SIZE && r->kind != CLI_INT && r->kind != CLI_DOUBLE &&
            r->kind != CLI_FLOAT && r->kind != CLI_MODE && r->kind != CLI_PIN &&
            r->kind != CLI_TIMES)
            fail_msg("--%s: this kind of value has no config-file form", r->name);
    }
    /* Every default parses (cli_parse applies them) and is what --help says. */
    cli_options o;
    char err[256];
    assert_true(parse(&o, err, 0));
    assert_string_equal(o.drm_device, "auto");
    assert_true(o.admin_hold_s == 3.0);
}

static void every_option_in_help(void **state)
{
    (void)state;
    FILE *f = tmpfile();
    assert_non_null(f);
    cli_usage(f);
    long n = ftell(f);
    rewind(f);
    char *help = calloc(1, (size_t)n + 1);
    assert_non_null(help);
    assert_int_equal(fread(help, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    for (size_t i = 0; i < cli_table_len; i++) {
        const cli_option *r = &cli_table[i];
        char opt[64];
        snprintf(opt, sizeof opt, "--%s", r->name);
        bool shown = has_word(help, opt);
        if (shown == !!(r->where & CLI_HIDDEN))
            fail_msg("%s is %s --help", opt, shown ? "hidden but in" : "missing from");
        /* And the configuration keys are listed as such. */
        snprintf(opt, sizeof opt, " %s,", r->name);
        char last[64];
        snprintf(last, sizeof last, " %s\n", r->name);
        if ((r->where & CLI_CONFIG) && !strstr(help, opt) && !strstr(help, last))
            fail_msg("the key %s is not in the list of --help", r->name);
    }
    free(help);
}

/* deploy/openday.conf shows every key (set, or "# key = default") and no
 * key that the table does not accept. */
static void shipped_config_lists_every_key(void **state)
{
    (void)state;
    char *text = slurp("deploy/openday.conf");
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        char *k = line;
        if (!strncmp(k, "# ", 2))
            k += 2;
        size_t n = strspn(k, "abcdefghijklmnopqrstuvwxyz-");
        if (n == 0 || strncmp(k + n, " = ", 3))
            continue;
        k[n] = '\0';
        if (!cli_find(k, CLI_CONFIG))
            fail_msg("deploy/openday.conf shows \"%s\", which is not a key", k);
    }
    free(text);
    text = slurp("deploy/openday.conf");
    for (size_t i = 0; i < cli_table_len; i++) {
        if (!(cli_table[i].where & CLI_CONFIG))
            continue;
        char a[64], b[64];
        snprintf(a, sizeof a, "\n%s = ", cli_table[i].name);
        snprintf(b, sizeof b, "\n# %s = ", cli_table[i].name);
        if (!strstr(text, a) && !strstr(text, b))
            fail_msg("deploy/openday.conf does not show the key %s", cli_table[i].name);
    }
    free(text);
}

/* The man page documents every option that --help shows, and every key in
 * its CONFIGURATION FILE section (roff writes "-" as "\-"). */
static void man_page_lists_every_option(void **state)
{
    (void)state;
    char *man = slurp("deploy/deb/openday.1");
    char *conf = strstr(man, ".SH CONFIGURATION FILE");
    assert_non_null(conf);
    char *conf_end = strstr(conf + 1, "\n.SH ");
    if (conf_end)
        *conf_end = '\0';
    for (size_t i = 0; i < cli_table_len; i++) {
        const cli_option *r = &cli_table[i];
        char roff[64] = "", *w = roff;
        for (const char *p = r->name; *p && w < roff + sizeof roff - 3; p++) {
            if (*p == '-')
                *w++ = '\\';
            *w++ = *p;
        }
        *w = '\0';
        char opt[80];
        snprintf(opt, sizeof opt, "\\-\\-%s", roff);
        if (!(r->where & CLI_HIDDEN) && !has_word(man, opt))
            fail_msg("the man page does not document --%s", r->name);
        /* A key is the word a .B or .BR line starts with, or one of a
         * ".BR a \", \" b" list. */
        char b[80], br[80], list[80];
        snprintf(b, sizeof b, "\n.B %s", roff);
        snprintf(br, sizeof br, "\n.BR %s", roff);
        snprintf(list, sizeof list, "\" %s", roff);
        if ((r->where & CLI_CONFIG) && !has_word(conf, b) && !has_word(conf, br) &&
            !has_word(conf, list))
            fail_msg("the man page's CONFIGURATION FILE section lacks the key %s", r->name);
    }
    free(man);
}

/* The accessibility options: the warning's range, the mounting, the
 * choices for screenshots and replays. */
static void access_options(void **state)
{
    (void)state;
    cli_options o;
    char err[256];
    assert_true(parse(&o, err, 0));
    assert_true(o.reset_warning_s == 20.0);
    assert_false(o.mounted_high);
    assert_int_equal(o.access_bits, 0);
    assert_true(parse(&o, err, 5, "--reset-warning", "0", "--mounted-high", "--access",
                      "large-text,high-contrast"));
    assert_true(o.reset_warning_s == 0.0);
    assert_true(o.mounted_high);
    assert_int_equal(o.access_bits, 3);
    assert_false(parse(&o, err, 2, "--reset-warning", "601"));
    assert_string_equal(err, "--reset-warning: \"601\" must be seconds from 0 (no warning) to 600");
    assert_false(parse(&o, err, 2, "--reset-warning", "-1"));
    assert_false(parse(&o, err, 2, "--access", "large-text,huge"));
    assert_non_null(strstr(err, "--access: \"large-text,huge\""));
}

/* Issue 21, case 12's class: a message that lists choices is generated
 * from the table it lists. A wrong `mode` names every row that sets a
 * display mode, and the words it accepts are exactly those rows' names. */
static void mode_choices_from_the_table(void **state)
{
    (void)state;
    const cli_option *mode = cli_find("mode", CLI_CONFIG);
    assert_non_null(mode);
    cli_options o;
    char err[512];
    memset(&o, 0, sizeof o);
    assert_false(cli_set(mode, "tv", &o, err, sizeof err));
    size_t modes = 0;
    for (size_t i = 0; i < cli_table_len; i++) {
        const cli_option *r = &cli_table[i];
        if (!(r->where & CLI_CMDLINE) || r->mode == CLI_MODE_AUTO)
            continue;
        modes++;
        assert_non_null(strstr(err, r->name));
        memset(&o, 0, sizeof o);
        assert_true(cli_set(mode, r->name, &o, err, sizeof err));
        assert_int_equal(o.mode, r->mode);
    }
    assert_true(modes >= 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(defaults),
        cmocka_unit_test(every_option),
        cmocka_unit_test(check_dir),
        cmocka_unit_test(rejects),
        cmocka_unit_test(table_is_sound),
        cmocka_unit_test(every_option_in_help),
        cmocka_unit_test(shipped_config_lists_every_key),
        cmocka_unit_test(man_page_lists_every_option),
        cmocka_unit_test(access_options),
        cmocka_unit_test(mode_choices_from_the_table),
    };
    return cmocka_run_group_tests_name("cli", tests, NULL, NULL);
}
