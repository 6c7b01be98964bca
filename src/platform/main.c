/* main.c - the entry point: options (command line over the configuration
 * file), then one of: --help, --version, the one-shot tools --check,
 * --export-html, --health and --usage (tools.h), --say (speech.h), or the
 * kiosk on SDL (platform.h) as a window, a replay or a screenshot. */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "config.h"
#include "content.h"
#include "platform.h"
#include "speech.h"
#include "tools.h"

#ifndef OPENDAY_VERSION
#define OPENDAY_VERSION "0.0.0"
#endif

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
        return tools_check(o);
    if (o->health)
        return tools_health(o);
    if (o->usage)
        return tools_usage(o);
    if (o->export_html)
        return tools_export(o);
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
