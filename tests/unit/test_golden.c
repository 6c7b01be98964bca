/* test_golden.c - every screen rendered headless (software renderer, no
 * window), compared with the reviewed images in tests/golden/: the shipped
 * content at 800x480 and 720x1280 (a 7-inch panel's 133 dpi) and 1920x1080
 * (a 24-inch monitor, 92 dpi); the three-degree set of tests/three at
 * 720x1280 and 1920x1080 (files named three-*); Home and a degree with the
 * visitor's Larger text (large-*) and High contrast (contrast-*) chosen, at
 * the shipped content's three sizes; the staff preview's banner of a
 * refused save (refused-*) over Home, a degree and the attract loop; the
 * language chooser open over Home (home-languages), and Home, the chooser,
 * the attract loop and a degree in German (de-*), at the same three sizes.
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
#include "refused.h"
#include "talks.h"

#define CHANNEL_TOLERANCE 24
#define MAX_DIFF_FRACTION 0.002

typedef struct {
    int w, h;
    float dpi;   /* 0: the layout's default (a 7-inch panel) */
} golden_size;

typedef struct {
    const char *dir, *prefix;
    const char *const *screens;
    const golden_size *sizes;
    size_t n_screens, n_sizes;
    bool read_aloud;    /* with Read aloud on: its control bar at the bottom */
    unsigned access;   /* accessibility choices made (view_access_choice bits) */
    bool refused;      /* the staff preview's banner of a refused save (golden_refused) */
    const char *language; /* the visitor language chosen (its code); NULL: the default */
} golden_set;

/* The authors' banner as a refused save would set it: a path, a message of
 * two lines on most screens, and more problems. */
static const lay_refused golden_refused = {
    "content/degrees.json:48:17",
    "degrees[1].careers[3]: names the career \"sound-desginer\", which careers.json does "
    "not have; did you mean \"sound-designer\"?",
    2,
};

/* "attract@N": the attract loop showing slide N (the careers slide carries
 * the degree marks on its career chips). "quiz-result:A,B,...": the quiz's
 * result for those answers (app_goto). */
static const char *const shipped_screens[] = {
    "attract", "home", "degree:music-production", "degree:music-technology", "compare",
    "careers", "career:game-audio-designer", "career:junior-audio-programmer", "ba-bs", "about",
    "attract@4",
    "today@11:35", "degree:music-technology@11:35",
    "quiz:2", "quiz-result:2,1,2,2", "home@13:00", "degree:music-production@15:45",
    "attract@6@15:45",
};
static const golden_size shipped_sizes[] = { { 800, 480, 0 }, { 720, 1280, 0 },
                                             { 1920, 1080, 92 } };
static const char *const three_screens[] = {
    "attract", "home", "degree:software-engineering", "compare", "careers",
    "career:robotics-engineer", "ba-bs", "attract@2", "today@00:10",
    "quiz:3", "quiz-result:1,1,4", "home@11:00", "attract@6@11:00",
};
static const golden_size three_sizes[] = { { 720, 1280, 0 }, { 1920, 1080, 92 } };

/* Read aloud's control bar, and the page laid out above it. */
static const char *const read_aloud_screens[] = { "home", "degree:music-production", "careers" };
static const char *const access_screens[] = { "home", "degree:music-production" };
/* The authors' banner over a page with the bar at the top (and at the
 * bottom on the portrait screen), and over the attract loop. */
static const char *const refused_screens[] = { "home", "degree:music-production", "attract" };
/* Visitor languages: the chooser open over Home, and German on Home, a
 * degree, the attract loop and the chooser. */
static const char *const chooser_screens[] = { "home+languages" };
static const char *const german_screens[] = { "home", "home+languages", "attract",
                                              "degree:music-production" };

static const golden_set sets[] = {
    { "content", "", shipped_screens, shipped_sizes,
      sizeof shipped_screens / sizeof *shipped_screens,
      sizeof shipped_sizes / sizeof *shipped_sizes, false, 0, false, NULL },
    { "tests/three", "three-", three_screens, three_sizes,
      sizeof three_screens / sizeof *three_screens, sizeof three_sizes / sizeof *three_sizes,
      false, 0, false, NULL },
    { "content", "read-aloud-", read_aloud_screens, shipped_sizes,
      sizeof read_aloud_screens / sizeof *read_aloud_screens,
      sizeof shipped_sizes / sizeof *shipped_sizes, true, 0, false, NULL },
    { "content", "large-", access_screens, shipped_sizes,
      sizeof access_screens / sizeof *access_screens,
      sizeof shipped_sizes / sizeof *shipped_sizes, false, 1u << VIEW_ACCESS_LARGE_TEXT, false, NULL },
    { "content", "contrast-", access_screens, shipped_sizes,
      sizeof access_screens / sizeof *access_screens,
      sizeof shipped_sizes / sizeof *shipped_sizes, false, 1u << VIEW_ACCESS_HIGH_CONTRAST, false, NULL },
    { "content", "refused-", refused_screens, shipped_sizes,
      sizeof refused_screens / sizeof *refused_screens,
      sizeof shipped_sizes / sizeof *shipped_sizes, false, 0, true, NULL },
    { "content", "", chooser_screens, shipped_sizes,
      sizeof chooser_screens / sizeof *chooser_screens,
      sizeof shipped_sizes / sizeof *shipped_sizes, false, 0, false, NULL },
    { "content", "de-", german_screens, shipped_sizes,
      sizeof german_screens / sizeof *german_screens,
      sizeof shipped_sizes / sizeof *shipped_sizes, false, 0, false, "de" },
};

static support S;
static bool update_mode;

static int setup(void **state)
{
    (void)state;
    const char *u = getenv("OPENDAY_GOLDEN_UPDATE");
    update_mode = u && *u && strcmp(u, "0");
    return 0;
}

/* File-name form of a screen name: "degree:x" -> "degree-x". */
static void file_name(char *out, size_t n, const char *prefix, const char *screen, int w, int h)
{
    char safe[256];
    size_t i = 0;
    for (; screen[i] && i + 1 < sizeof safe; i++)
        safe[i] = (screen[i] == ':' || screen[i] == ',' || screen[i] == '@' || screen[i] == '+')
                      ? '-'
                      : screen[i];
    safe[i] = '\0';
    snprintf(out, n, "%s%s_%dx%d.png", prefix, safe, w, h);
}

/* support_app_env's app with Read aloud on (nothing listens: the picture
 * is what is checked). */
static app *read_aloud_app(const char *screen, const golden_size *gs)
{
    app_config cfg;
    app_config_defaults(&cfg);
    cfg.attract_after_ms = 0;
    cfg.speech_available = true;
    lay_env env = { .w = gs->w, .h = gs->h, .dpi = gs->dpi,
                       .measure = fontset_measure(S.fonts) };
    app *a = app_create(S.c, &cfg, &env, 0);
    if (!a || !app_goto(a, screen, 0)) {
        app_destroy(a);
        return NULL;
    }
    app_set_read_aloud(a, true);
    for (uint64_t t = 0; t <= 1000; t += 16)
        app_update(a, t);
    return a;
}

/* "NAME@N": the attract loop's slide N; "NAME@HH:MM": the screen with the
 * wall clock at that time of day (the day's talks); without "@", neither;
 * "NAME@N@HH:MM": both. */
static SDL_Surface *render_screen(const char *screen, const golden_size *gs, bool read_aloud,
                                  unsigned access, bool refused, const char *language)
{
    int w = gs->w, h = gs->h;
    char place[256];
    snprintf(place, sizeof place, "%s", screen);
    char *at = strchr(place, '@');
    size_t slide = 0;
    int minute = -1;
    /* Both may be given: "attract@6@15:45" (the notices slide). */
    while (at) {
        *at = '\0';
        char *more = strchr(at + 1, '@');
        if (more)
            *more = '\0';
        if (strchr(at + 1, ':')) {
            minute = talks_parse_time(at + 1);
            assert_true(minute >= 0);
        } else {
            slide = (size_t)strtoul(at + 1, NULL, 10);
        }
        at = more;
    }
    app *a = read_aloud ? read_aloud_app(place, gs)
                        : support_app_clock(&S, place, w, h, gs->dpi, 0, slide, minute);
    if (a && access) {
        app_access acc = app_access_from_bits(access);
        app_set_access(a, &acc);
    }
    if (!a)
        return NULL;
    if (language) {
        size_t li = content_find_language(S.c, language);
        assert_true(li != (size_t)-1);
        app_set_language(a, li);
    }
    if (minute >= 0)
        app_set_clock(a, minute, true, 2000);
    if (refused)
        app_set_refused(a, &golden_refused);
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *ren = SDL_CreateSoftwareRenderer(surf);
    render *rd = render_create(ren, S.fonts);
    render_scene(rd, app_scene(a), app_background(a));
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

/* Compare (or, in update mode, write) every screen of one set at its sizes.
 * Returns the failures; *compared counts the comparisons made. */
static int check_set(const golden_set *gset, int *compared)
{
    int failures = 0;
    support_init_dir(&S, gset->dir);
    assert_non_null(S.c);
    assert_non_null(S.fonts);
    for (size_t s = 0; s < gset->n_sizes; s++) {
        for (size_t i = 0; i < gset->n_screens; i++) {
            const char *screen = gset->screens[i];
            int w = gset->sizes[s].w, h = gset->sizes[s].h;
            char name[300], ref[400];
            file_name(name, sizeof name, gset->prefix, screen, w, h);
            snprintf(ref, sizeof ref, "tests/golden/%s", name);
            SDL_Surface *actual =
                render_screen(screen, &gset->sizes[s], gset->read_aloud, gset->access,
                              gset->refused, gset->language);
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
            (*compared)++;
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
    support_deinit(&S);
    return failures;
}

static void every_screen(void **state)
{
    (void)state;
    int failures = 0, compared = 0;
    mkdir("build", 0777);
    mkdir("build/golden-fail", 0777);
    for (size_t set = 0; set < sizeof sets / sizeof *sets; set++)
        failures += check_set(&sets[set], &compared);
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
    return cmocka_run_group_tests_name("golden", tests, setup, NULL);
}
