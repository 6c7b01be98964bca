/* tools.c - the one-shot tools --check, --export-html, --health and
 * --usage. See tools.h. */
#include "tools.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "content.h"
#include "export.h"
#include "file.h"
#include "font.h"
#include "gfx.h"
#include "health.h"
#include "kiosk.h"
#include "screen_visitors.h"
#include "phys.h"
#include "store.h"
#include "upkeep.h"
#include "usage.h"

static uint32_t glyph_missing(void *ctx, const char *text)
{
    return fontset_missing(ctx, text, strlen(text));
}

/* The faces the content asks for (as the kiosk opens them), or NULL. */
static fontset *fonts_of(const content *c)
{
    kiosk_fonts want;
    kiosk_fonts_of(c, &want);
    const char *files[SCENE_FONT_COUNT] = { want.file[0], want.file[1] };
    return fontset_create_mem(want.family, files, want.bytes);
}

int tools_check(const cli_options *o)
{
    const char *dir = o->check_dir;
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
    int status = c ? 0 : 2;
    content_report_deinit(&rep);
    content_destroy(c);
    return status;
}

int tools_export(const cli_options *o)
{
    const char *dir = o->content_dir, *out = o->export_html;
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

/* The state folder a tool reads: DIR given to it, else --state-dir (or the
 * configuration file's state-dir), else the default. */
static void state_of(const cli_options *o, const char *given, char *out, size_t n)
{
    if (given)
        snprintf(out, n, "%s", given);
    else if (o->state_dir)
        snprintf(out, n, "%s", o->state_dir);
    else
        store_default_dir(out, n);
}

/* --health: print the record; 0 when fresh and drawing, 1 not. */
int tools_health(const cli_options *o)
{
    char dir[4096], path[4200];
    state_of(o, o->health_dir, dir, sizeof dir);
    snprintf(path, sizeof path, "%s/%s", dir, HEALTH_FILE);
    char *text = NULL, why[200];
    size_t len = 0;
    int e = file_read_own(path, 1 << 16, &text, &len, NULL);
    if (e) {
        printf("openday: %s %s: the kiosk has not written it (not running, or another "
               "state folder)\n", path, file_error_text(e));
        return 1;
    }
    int rc = health_judge(text, (int64_t)upkeep_wall_s(), why, sizeof why);
    fputs(text, stdout);
    if (len && text[len - 1] != '\n')
        fputc('\n', stdout);
    printf("openday: %s: %s\n", path, why);
    free(text);
    return rc;
}

/* --usage-plot: the newest day with counts (else today) drawn headless by
 * the app's renderer, as --screenshot draws a screen. */
static int usage_plot(const cli_options *o, const usage *u)
{
    int64_t last = usage_last_hour(u);
    time_t t = last >= 0 ? (time_t)(last * 3600) : upkeep_wall_s();
    content_report rep;
    content_report_init(&rep);
    content *c = content_load(o->content_dir, &rep); /* for the degrees' titles only */
    content_report_deinit(&rep);
    usage_picture pic;
    struct tm day;
    upkeep_usage_day(u, t, c, &pic, &day);
    strftime(pic.title, sizeof pic.title, "Visitors on %a %-d %b %Y", &day);
    int w = o->size_w ? o->size_w : 1280, h = o->size_h ? o->size_h : 720;
    int rc = 1;
    gfx g;
    fontset *f = NULL;
    if (TTF_Init() != 0) {
        fprintf(stderr, "openday: TTF_Init failed: %s\n", TTF_GetError());
    } else if (gfx_headless(&g, w, h, 0)) {
        f = fontset_create_files("Inter", "", "");
        g.rd = f ? render_create(g.ren, f) : NULL;
        if (g.rd) {
            phys_dpi d;
            phys_choose_dpi(o->dpi, 0, NULL, w, h, &d);
            lay_env env = { .w = w, .h = h, .dpi = d.dpi, .measure = fontset_measure(f),
                               .distance_cm = phys_distance_cm(o->distance_cm, false) };
            scene sc;
            scene_init(&sc);
            screen_visitors_draw(&sc, &env, &pic);
            gfx_draw(&g, &sc, NULL, od_rgba(0x1C, 0x21, 0x2B, 0xFF));
            if (gfx_save_png(&g, o->usage_plot)) {
                printf("openday: wrote %s (%s: %u visits)\n", o->usage_plot, pic.title,
                       (unsigned)pic.total_visits);
                rc = 0;
            }
            scene_deinit(&sc);
        } else {
            fprintf(stderr, "openday: no usable font found\n");
        }
        gfx_deinit(&g);
    }
    fontset_destroy(f);
    content_destroy(c);
    if (TTF_WasInit())
        TTF_Quit();
    SDL_Quit();
    return rc;
}

/* --usage: the counts by hour as a table or CSV, or the picture. */
int tools_usage(const cli_options *o)
{
    char dir[4096], why[600];
    state_of(o, o->usage_dir, dir, sizeof dir);
    usage u;
    usage_init(&u, 0);
    if (!usage_load(&u, dir, false, why, sizeof why)) {
        fprintf(stderr, "openday: %s\n", why);
        usage_deinit(&u);
        return 1;
    }
    if (o->usage_plot) {
        int rc = usage_plot(o, &u);
        usage_deinit(&u);
        return rc;
    }
    size_t n = 0;
    usage_row *rows = usage_rows(&u, &n);
    if (o->csv) {
        printf("hour,visits,screens_opened,degrees_opened,comparisons");
        for (int b = 0; b < USAGE_NBUCKETS; b++)
            printf(",visits_%s", usage_bucket_names[b]);
        /* Newer columns go last: a script reading the older ones by
         * position keeps working. */
        printf(",quiz_results,languages_chosen\n");
    } else if (n) {
        printf("%-16s %6s %7s %7s %8s %7s %9s   visit length: %s", "hour", "visits",
               "screens", "degrees", "compares", "quizzes", "languages", usage_bucket_names[0]);
        for (int b = 1; b < USAGE_NBUCKETS; b++)
            printf(" %s", usage_bucket_names[b]);
        putchar('\n');
    } else {
        printf("openday: no visits counted in %s/%s\n", dir, USAGE_FILE);
    }
    for (size_t i = 0; i < n; i++) {
        time_t t = (time_t)(rows[i].hour * 3600);
        struct tm lt;
        localtime_r(&t, &lt);
        char when[32];
        strftime(when, sizeof when, o->csv ? "%Y-%m-%dT%H:00" : "%Y-%m-%d %H:00", &lt);
        if (o->csv) {
            printf("%s,%u,%u,%u,%u", when, (unsigned)rows[i].visits,
                   (unsigned)rows[i].screens, (unsigned)rows[i].degrees,
                   (unsigned)rows[i].comparisons);
            for (int b = 0; b < USAGE_NBUCKETS; b++)
                printf(",%u", (unsigned)rows[i].len[b]);
            printf(",%u,%u", (unsigned)rows[i].quizzes, (unsigned)rows[i].languages);
        } else {
            printf("%-16s %6u %7u %7u %8u %7u %9u                %*u", when,
                   (unsigned)rows[i].visits, (unsigned)rows[i].screens,
                   (unsigned)rows[i].degrees, (unsigned)rows[i].comparisons,
                   (unsigned)rows[i].quizzes, (unsigned)rows[i].languages,
                   (int)strlen(usage_bucket_names[0]),
                   (unsigned)rows[i].len[0]);
            for (int b = 1; b < USAGE_NBUCKETS; b++)
                printf(" %*u", (int)strlen(usage_bucket_names[b]), (unsigned)rows[i].len[b]);
        }
        putchar('\n');
    }
    free(rows);
    usage_deinit(&u);
    return 0;
}
