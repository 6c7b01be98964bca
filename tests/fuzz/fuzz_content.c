/* fuzz_content.c - libFuzzer target over the content loader, its validator,
 * and the layout of whatever content passes.
 *
 * Input: the first byte picks which of the seven content files the rest of
 * the input replaces; the other six are the shipped content, read once at
 * start-up from content/ (run from the repository root). Files are served
 * from memory through content_source, so no input touches the disk. When the
 * result validates, every kind of screen is laid out at one size with a fake
 * text measurer, and the scene audited: content that passes validation must
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

#include "content.h"
#include "font.h"
#include "frame.h"
#include "audit.h"
#include "render.h"
#include "scene.h"
#include "view.h"

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    fuzz_input in = { data[0] % CONTENT_NFILES, data + 1, size - 1 };
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
        for (size_t i = 0; i < sizeof screens / sizeof *screens + 2; i++) {
            view_place p;
            if (i < sizeof screens / sizeof *screens) {
                if (!view_place_parse(screens[i], c, &p))
                    continue;
            } else if (i == sizeof screens / sizeof *screens) {
                p = (view_place){ VIEW_SCREEN_DEGREE, (int)(c->n_degrees - 1), 0 };
            } else {
                if (!c->n_careers)
                    continue;
                p = (view_place){ VIEW_SCREEN_CAREER, (int)(c->n_careers - 1), 0 };
            }
            fin.cur.place = p;
            for (size_t k = 0; k < c->n_slides && k < 8; k++) {
                fin.slide = fin.prev_slide = k;
                frame_result res;
                frame_build(&s, c, &env, &fin, &res);
                char audit[256];
                (void)audit_layout(&s, &env, audit, sizeof audit);
                draw(&s, c, &fin);
                if (p.screen != VIEW_SCREEN_ATTRACT)
                    break;
            }
        }
        scene_deinit(&s);
        content_destroy(c);
    }
    return 0;
}
