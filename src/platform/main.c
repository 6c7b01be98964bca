/* main.c - the entry point: options (command line over the configuration
 * file), then one of: --help, --version, --check, --export-html, the staff
 * tools --health and --usage (tools.h), or the kiosk shell on SDL
 * (platform.h) as a window, a replay or a screenshot. */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "config.h"
#include "content.h"
#include "export.h"
#include "kiosk.h"
#include "font.h"
#include "platform.h"
#include "speech.h"
#include "tools.h"

#ifndef OPENDAY_VERSION
#define OPENDAY_VERSION "0.0.0"
#endif

static uint32_t glyph_missing(void *ctx, const char *text)
{
    return fontset_missing(ctx, text, strlen(text));
}

/* The faces the content asks for (as the kiosk opens them), or NULL. */
static fontset *fonts_of(const content *c)
{
    kiosk_fonts want;
    kiosk_fonts_of(c, &want);
    return fontset_create_files(want.family, want.file[0], want.file[1]);
}

static int check(const char *dir)
{
    content_report rep;
    content_report_init(&rep);
    content *c = content_load(dir, &rep);
    /* A valid content is read again with its own faces at hand, so every
     * character no installed font can draw is a warning at its text. */
    fontset *fonts = NULL;
    if (c && TTF_Init() == 0 && (fonts = fonts_of(c))) {
        content_options opts = { glyph_missing, fonts };
        content_report_deinit(&rep);
        content_report_init(&rep);
        content_destroy(c);
        c = content_load_with(dir, NULL, &opts, &rep);
    }
    fontset_destroy(fonts);
    if (TTF_WasInit())
        TTF_Quit();
    content_report_print(&rep, stdout);
    if (c)
        printf("%s: valid: %zu degrees, %zu careers, %zu warning(s)\n", dir, c->n_degrees,
               c->n_careers, rep.warnings);
    else
        printf("%s: %zu error(s), %zu warning(s)\n", dir, rep.errors, rep.warnings);
    content_report_deinit(&rep);
    content_destroy(c);
    return c ? 0 : 2;
}

static int export(const char *dir, const char *out)
{
    content_report rep;
    content_report_init(&rep);
    content *c = content_load(dir, &rep);
    content_report_print(&rep, stderr);
    if (!c) {
        fprintf(stderr, "openday: the content in \"%s\" has %zu problem(s), listed above; "
                        "fix them and check with: openday --check %s\n", dir, rep.errors, dir);
        content_report_deinit(&rep);
        return 2;
    }
    content_report_deinit(&rep);
    char why[600];
    bool ok = export_html(c, out, why, sizeof why);
    if (ok)
        printf("openday: wrote %s/index.html\n", out);
    else
        fprintf(stderr, "openday: %s\n", why);
    content_destroy(c);
    return ok ? 0 : 1;
}

static int run(const cli_options *o)
{
    if (o->help) {
        cli_usage(stdout);
        return 0;
    }
    if (o->version) {
        printf("openday %s (SDL %d.%d.%d, SDL_ttf %d.%d.%d, content schema %d)\n",
               OPENDAY_VERSION, SDL_MAJOR_VERSION, SDL_MINOR_VERSION, SDL_PATCHLEVEL,
               SDL_TTF_MAJOR_VERSION, SDL_TTF_MINOR_VERSION, SDL_TTF_PATCHLEVEL, CONTENT_SCHEMA);
        return 0;
    }
    if (o->check)
        return check(o->check_dir);
    if (o->health)
        return tools_health(o);
    if (o->usage)
        return tools_usage(o);
    if (o->export_html)
        return export(o->content_dir, o->export_html);
    if (o->say)
        return speech_say_wav(o->say, o->say_lang, o->wav, stderr);
    if (TTF_Init() != 0) {
        fprintf(stderr, "openday: TTF_Init failed: %s\n", TTF_GetError());
        return 1;
    }
    int rc = o->screenshot ? platform_screenshot(o)
             : o->replay   ? platform_replay(o)
                           : platform_window(o);
    TTF_Quit();
    SDL_Quit();
    return rc;
}

int main(int argc, char **argv)
{
    char err[512];
    /* The configuration file's options come first, so the command line wins. */
    config_args_out conf;
    memset(&conf, 0, sizeof conf);
    const char *conf_path = config_find(argc, argv);
    if (conf_path) {
        if (!config_args(conf_path, argc, argv, &conf, err, sizeof err)) {
            fprintf(stderr, "openday: %s\n", err);
            return 2;
        }
        argc = conf.argc;
        argv = conf.argv;
    }
    cli_options o;
    int rc;
    if (!cli_parse(argc, argv, &o, err, sizeof err)) {
        fprintf(stderr, "openday: %s\nTry 'openday --help'.\n", err);
        rc = 2;
    } else {
        rc = run(&o);
    }
    config_free(&conf);
    return rc;
}
