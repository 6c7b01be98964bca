/* fuzz_content.c - libFuzzer target over everything the kiosk reads that
 * someone else wrote: the content files (with their translations), the
 * state folder's usage.tsv and the configuration file.
 *
 * Input: the first byte is a selector, taken modulo FUZZ_TARGETS:
 *   0 .. CONTENT_NFILES-1  which content file (content_files order:
 *                          openday.json ... strings.json, talks.json,
 *                          quiz.json, notices.json) the rest replaces; the
 *                          others are the shipped content, read once at
 *                          start-up from content/ (run from the repository
 *                          root);
 *   FUZZ_USAGE             the rest is usage.tsv: parsed, written back,
 *                          read again (what is written must read back to
 *                          the same text), pruned, and drawn as a day;
 *   FUZZ_CONFIG            the rest is the configuration file, turned into
 *                          options and parsed as a command line.
 * Content files are served from memory through content_source, so no input
 * touches the disk. When content validates, every kind of screen is laid
 * out at one size with a fake text measurer in every visitor language of
 * the set, and the scene audited: content that passes validation must
 * never crash the layout. Each screen is then laid out again with the real
 * fonts and drawn through the software renderer into an 800x480 surface,
 * text cache included, so a draw that hangs or spins on valid content is a
 * finding too (run.sh gives every input a time limit).
 *
 * Built and run by `make fuzz` (clang, -fsanitize=fuzzer,address,undefined). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#include <SDL.h>
#include <SDL_ttf.h>

#include "cli.h"
#include "config.h"
#include "content.h"
#include "usage.h"
#include "font.h"
#include "frame.h"
#include "audit.h"
#include "render.h"
#include "scene.h"
#include "view.h"

enum { FUZZ_USAGE = CONTENT_NFILES, FUZZ_CONFIG, FUZZ_TARGETS };

/* FUZZ_ONLY=usage, config or a content file's name keeps every input on
 * one target (a minute's run for each, run.sh); -1: the selector decides. */
static int only = -1;

static char *shipped[CONTENT_NFILES];
/* The drawing rig, made once: the text cache lives across inputs as it
 * lives across frames in the kiosk. */
static SDL_Surface *surf;
static SDL_Renderer *ren;
static fontset *fonts;
static render *rd;
static size_t shipped_len[CONTENT_NFILES];

typedef struct {
    size_t which;
    const uint8_t *data;
    size_t size;
} fuzz_input;

static int read_mem(void *ud, const char *path, size_t max, char **text, size_t *len)
{
    const fuzz_input *in = ud;
    const char *name = strrchr(path, '/');
    name = name ? name + 1 : path;
    for (size_t i = 0; i < CONTENT_NFILES; i++) {
        if (strcmp(name, content_files[i]))
            continue;
        const char *src = i == in->which ? (const char *)in->data : shipped[i];
        size_t n = i == in->which ? in->size : shipped_len[i];
        if (n > max + 1)
            n = max + 1;
        char *buf = malloc(n + 1);
        if (!buf)
            return ENOMEM;
        if (n)
            memcpy(buf, src, n);
        *text = buf;
        *len = n;
        return 0;
    }
    return ENOENT;
}

static float fake_width(void *ctx, scene_font f, float px, const char *s, size_t len)
{
    (void)ctx;
    return px * (f == SCENE_FONT_BOLD ? 0.58f : 0.52f) * (float)len * (s ? 1.0f : 0.0f);
}

static float fake_height(void *ctx, scene_font f, float px)
{
    (void)ctx;
    (void)f;
    return px * 1.25f;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *o = getenv("FUZZ_ONLY");
    if (o && *o) {
        only = !strcmp(o, "usage") ? FUZZ_USAGE : !strcmp(o, "config") ? FUZZ_CONFIG : -1;
        for (size_t i = 0; i < CONTENT_NFILES && only < 0; i++)
            if (!strcmp(o, content_files[i]))
                only = (int)i;
        if (only < 0) {
            fprintf(stderr, "fuzz_content: FUZZ_ONLY=%s is no target\n", o);
            exit(1);
        }
    }
    for (size_t i = 0; i < CONTENT_NFILES; i++) {
        char path[256];
        snprintf(path, sizeof path, "content/%s", content_files[i]);
        FILE *f = fopen(path, "rb");
        if (!f) {
            fprintf(stderr, "fuzz_content: run from the repository root (%s missing)\n", path);
            exit(1);
        }
        shipped[i] = malloc(1u << 20);
        shipped_len[i] = fread(shipped[i], 1, 1u << 20, f);
        fclose(f);
    }
    if (TTF_Init() != 0) {
        fprintf(stderr, "fuzz_content: TTF_Init: %s\n", TTF_GetError());
        exit(1);
    }
    surf = SDL_CreateRGBSurfaceWithFormat(0, 800, 480, 32, SDL_PIXELFORMAT_ARGB8888);
    ren = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    fonts = fontset_create("Inter");
    rd = ren && fonts ? render_create(ren, fonts) : NULL;
    if (!rd) {
        fprintf(stderr, "fuzz_content: no software renderer or no font: %s\n", SDL_GetError());
        exit(1);
    }
    render_set_retained(rd, true);
    /* The hyphenation dictionaries of the languages the seeds use, read
     * now: German's takes seconds under the sanitizers, which would count
     * against the first input that draws German and fail it as a hang. */
    lay_measure ms = fontset_measure(fonts);
    static const char *const langs[] = { "en", "de", "fr" };
    unsigned char pts[16];
    for (size_t i = 0; ms.hyphenate && i < sizeof langs / sizeof *langs; i++)
        ms.hyphenate(ms.hctx, langs[i], "hyphenation", 11, pts);
    return 0;
}

/* Lay out p with the real fonts and draw it, as a frame of the kiosk. */
static void draw(scene *s, const content *c, lay_frame_in *fin)
{
    lay_env env = { .w = 800, .h = 480, .dpi = 0, .measure = fontset_measure(fonts),
                       .distance_cm = 0 };
    frame_result res;
    frame_build(s, c, &env, fin, &res);
    render_frame(rd, s, NULL, od_rgba(0, 0, 0, 255));
}

/* usage.tsv: whatever parses must write out text that parses to the same
 * text (the kiosk writes it back every few minutes), and pruning and the
 * day's picture must hold for any hours and counts in range. */
static void fuzz_usage(const uint8_t *data, size_t size)
{
    usage u;
    usage_init(&u, 60);
    char err[200];
    if (usage_parse(&u, (const char *)data, size, err, sizeof err)) {
        char *out = usage_format(&u);
        if (out) {
            usage v;
            usage_init(&v, 60);
            if (!usage_parse(&v, out, strlen(out), err, sizeof err))
                abort(); /* our own file did not read back */
            char *again = usage_format(&v);
            if (again && strcmp(again, out))
                abort(); /* and not to the same counts */
            free(again);
            usage_deinit(&v);
            free(out);
        }
        size_t n = 0;
        free(usage_rows(&u, &n));
        int64_t last = usage_last_hour(&u);
        usage_picture pic;
        usage_day(&u, last > 0 ? last * 3600 - 3600 * 12 : 0, NULL, NULL, &pic);
        usage_prune(&u, last > 0 ? last * 3600 + 86400 : 1700000000);
        usage_add(&u, 1700000000, "visits", 4294967295u);
        usage_add(&u, 1700000000, "visits", 7);
    }
    usage_deinit(&u);
}

/* The configuration file: its options, then the command line they make. */
static void fuzz_config(const uint8_t *data, size_t size)
{
    char *argv[] = { "openday", "--check", "content", NULL };
    config_args_out out;
    char err[300];
    if (config_args_text("fuzz.conf", (const char *)data, size, 3, argv, &out, err,
                         sizeof err)) {
        cli_options o;
        char cerr[300];
        (void)cli_parse(out.argc, out.argv, &o, cerr, sizeof cerr);
        config_free(&out);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    size_t which = only >= 0 ? (size_t)only : data[0] % FUZZ_TARGETS;
    if (which == FUZZ_USAGE) {
        fuzz_usage(data + 1, size - 1);
        return 0;
    }
    if (which == FUZZ_CONFIG) {
        fuzz_config(data + 1, size - 1);
        return 0;
    }
    fuzz_input in = { which, data + 1, size - 1 };
    content_source src = { read_mem, &in };
    content_report rep;
    content_report_init(&rep);
    content *c = content_load_from("fuzz", &src, &rep);
    /* Printing exercises every message; into a memory stream, not stdout. */
    char *text = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&text, &len);
    if (m) {
        content_report_print(&rep, m);
        fclose(m);
    }
    free(text);
    content_report_deinit(&rep);
    if (c) {
        static const char *const screens[] = { "attract", "home", "compare", "careers",
                                               "ba-bs", "about" };
        lay_env env = { .w = 800, .h = 480, .dpi = 0,
                           .measure = { fake_width, fake_height, NULL, NULL }, .distance_cm = 0 };
        scene s;
        scene_init(&s);
        lay_frame_in fin;
        memset(&fin, 0, sizeof fin);
        fin.t = 1;
        fin.slide_t = 1;
        /* Every visitor language: each is a model of its own translations. */
        size_t nl = content_language_count(c);
        size_t nscreens = sizeof screens / sizeof *screens + 2;
        for (size_t i = 0; i < nscreens * (nl ? nl : 1); i++) {
            const content *lc = nl ? content_in_language(c, i / nscreens) : c;
            if (!lc)
                lc = c;
            size_t si = i % nscreens;
            view_place p;
            if (si < sizeof screens / sizeof *screens) {
                if (!view_place_parse(screens[si], lc, &p))
                    continue;
            } else if (si == sizeof screens / sizeof *screens) {
                p = (view_place){ VIEW_SCREEN_DEGREE, (int)(lc->n_degrees - 1), 0 };
            } else {
                if (!lc->n_careers)
                    continue;
                p = (view_place){ VIEW_SCREEN_CAREER, (int)(lc->n_careers - 1), 0 };
            }
            fin.cur.place = p;
            for (size_t k = 0; k < lc->n_slides && k < 8; k++) {
                fin.slide = fin.prev_slide = k;
                frame_result res;
                frame_build(&s, lc, &env, &fin, &res);
                char audit[256];
                (void)audit_layout(&s, &env, audit, sizeof audit);
                draw(&s, lc, &fin);
                if (p.screen != VIEW_SCREEN_ATTRACT)
                    break;
            }
        }
        scene_deinit(&s);
        content_destroy(c);
    }
    return 0;
}
