/* test_golden.c - every screen rendered headless (software renderer, no
 * window) at 800x480, 720x1280 and 1920x1080, compared with the reviewed
 * images in tests/golden/.
 *
 * Tolerance: a pixel differs when any channel differs by more than 24 (of
 * 255); a screen fails when more than 0.2% of its pixels differ. That absorbs
 * anti-aliasing noise from a different FreeType build but catches any moved,
 * missing or recoloured element. On failure the actual image and a diff image
 * (differing pixels in magenta) go to build/golden-fail/.
 * `make golden` (OPENDAY_GOLDEN_UPDATE=1) rewrites the references instead. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <SDL_image.h>
#include <sys/stat.h>

#include "render.h"
#include "support.h"

#define CHANNEL_TOLERANCE 24
#define MAX_DIFF_FRACTION 0.002

static const int sizes[][2] = { { 800, 480 }, { 720, 1280 }, { 1920, 1080 } };

static support S;
static bool update_mode;

static int setup(void **state)
{
    (void)state;
    support_init(&S);
    const char *u = getenv("OPENDAY_GOLDEN_UPDATE");
    update_mode = u && *u && strcmp(u, "0");
    return S.c && S.fonts ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    support_deinit(&S);
    return 0;
}

/* File-name form of a screen name: "degree:x" -> "degree-x". */
static void file_name(char *out, size_t n, const char *screen, int w, int h)
{
    char safe[256];
    size_t i = 0;
    for (; screen[i] && i + 1 < sizeof safe; i++)
        safe[i] = (screen[i] == ':' || screen[i] == ',') ? '-' : screen[i];
    safe[i] = '\0';
    snprintf(out, n, "%s_%dx%d.png", safe, w, h);
}

static SDL_Surface *render_screen(const char *screen, int w, int h)
{
    app *a = support_app(&S, screen, w, h, 0);
    if (!a)
        return NULL;
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *ren = SDL_CreateSoftwareRenderer(surf);
    render *rd = render_create(ren, S.fonts);
    render_scene(rd, app_scene(a), S.c->colors[COLOR_BACKGROUND]);
    SDL_RenderFlush(ren);
    render_destroy(rd);
    SDL_DestroyRenderer(ren);
    app_destroy(a);
    return surf;
}

/* Count differing pixels; paint them magenta into diff (same size). */
static size_t compare(SDL_Surface *a, SDL_Surface *b, SDL_Surface *diff)
{
    size_t bad = 0;
    SDL_LockSurface(a);
    SDL_LockSurface(b);
    SDL_LockSurface(diff);
    for (int y = 0; y < a->h; y++) {
        const Uint32 *pa = (const Uint32 *)((const Uint8 *)a->pixels + y * a->pitch);
        const Uint32 *pb = (const Uint32 *)((const Uint8 *)b->pixels + y * b->pitch);
        Uint32 *pd = (Uint32 *)((Uint8 *)diff->pixels + y * diff->pitch);
        for (int x = 0; x < a->w; x++) {
            int worst = 0;
            for (int k = 0; k < 24; k += 8) {
                int d = (int)((pa[x] >> k) & 0xff) - (int)((pb[x] >> k) & 0xff);
                if (d < 0)
                    d = -d;
                if (d > worst)
                    worst = d;
            }
            if (worst > CHANNEL_TOLERANCE) {
                bad++;
                pd[x] = 0xffff00ffu;
            } else {
                pd[x] = 0xff000000u | ((pa[x] >> 2) & 0x3f3f3fu);
            }
        }
    }
    SDL_UnlockSurface(diff);
    SDL_UnlockSurface(b);
    SDL_UnlockSurface(a);
    return bad;
}

static void every_screen(void **state)
{
    (void)state;
    const char *screens[] = {
        "attract", "home", "degree:music-production", "degree:music-technology", "compare",
        "careers", "career:game-audio-designer", "career:junior-audio-programmer", "ba-bs",
        "about",
    };
    int failures = 0, compared = 0;
    mkdir("build", 0777);
    mkdir("build/golden-fail", 0777);
    for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
        for (size_t i = 0; i < sizeof screens / sizeof *screens; i++) {
            int w = sizes[s][0], h = sizes[s][1];
            char name[300], ref[400];
            file_name(name, sizeof name, screens[i], w, h);
            snprintf(ref, sizeof ref, "tests/golden/%s", name);
            SDL_Surface *actual = render_screen(screens[i], w, h);
            if (!actual) {
                fprintf(stderr, "%s: could not render\n", name);
                failures++;
                continue;
            }
            if (update_mode) {
                if (IMG_SavePNG(actual, ref) != 0) {
                    fprintf(stderr, "%s: IMG_SavePNG failed: %s\n", ref, IMG_GetError());
                    failures++;
                }
                SDL_FreeSurface(actual);
                continue;
            }
            SDL_Surface *loaded = IMG_Load(ref);
            SDL_Surface *expected =
                loaded ? SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_ARGB8888, 0) : NULL;
            SDL_FreeSurface(loaded);
            compared++;
            if (!expected) {
                fprintf(stderr, "%s: no reference image (%s); run `make golden` and review\n",
                        ref, IMG_GetError());
                failures++;
            } else if (expected->w != w || expected->h != h) {
                fprintf(stderr, "%s: reference is %dx%d, expected %dx%d\n", ref, expected->w,
                        expected->h, w, h);
                failures++;
            } else {
                SDL_Surface *diff = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32,
                                                                   SDL_PIXELFORMAT_ARGB8888);
                size_t bad = compare(actual, expected, diff);
                double frac = (double)bad / ((double)w * h);
                if (frac > MAX_DIFF_FRACTION) {
                    char out[512];
                    snprintf(out, sizeof out, "build/golden-fail/%.*s_actual.png",
                             (int)(strlen(name) - 4), name);
                    IMG_SavePNG(actual, out);
                    snprintf(out, sizeof out, "build/golden-fail/%.*s_diff.png",
                             (int)(strlen(name) - 4), name);
                    IMG_SavePNG(diff, out);
                    fprintf(stderr, "%s: %zu pixels (%.3f%%) differ beyond tolerance; see %s\n",
                            ref, bad, frac * 100.0, out);
                    failures++;
                }
                SDL_FreeSurface(diff);
            }
            SDL_FreeSurface(expected);
            SDL_FreeSurface(actual);
        }
    }
    if (update_mode)
        printf("golden images written under tests/golden/; review them before committing\n");
    else
        printf("compared %d screens, %d failed\n", compared, failures);
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_screen),
    };
    return cmocka_run_group_tests_name("golden", tests, setup, teardown);
}
