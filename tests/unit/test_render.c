/* test_render.c - the SDL renderer, headless: pixels read back from a
 * software renderer on a surface, and the text cache's counters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "font.h"
#include "render.h"

typedef struct {
    SDL_Surface *surf;
    SDL_Renderer *ren;
    fontset *fonts;
    render *rd;
    scene s;
} rig;

static int setup(void **state)
{
    static rig r;
    if (TTF_Init() != 0)
        return -1;
    r.surf = SDL_CreateRGBSurfaceWithFormat(0, 200, 100, 32, SDL_PIXELFORMAT_ARGB8888);
    r.ren = SDL_CreateSoftwareRenderer(r.surf);
    r.fonts = fontset_create("Inter");
    r.rd = r.ren && r.fonts ? render_create(r.ren, r.fonts) : NULL;
    scene_init(&r.s);
    *state = &r;
    return r.rd ? 0 : -1;
}

static int teardown(void **state)
{
    rig *r = *state;
    scene_deinit(&r->s);
    render_destroy(r->rd);
    fontset_destroy(r->fonts);
    SDL_DestroyRenderer(r->ren);
    SDL_FreeSurface(r->surf);
    TTF_Quit();
    return 0;
}

static Uint32 pixel(rig *r, int x, int y)
{
    SDL_RenderFlush(r->ren);
    Uint32 *px = r->surf->pixels;
    return px[y * (r->surf->pitch / 4) + x] & 0xffffffu;
}

static const od_color black = { 0, 0, 0, 255 };

static void filled_rect(void **state)
{
    rig *r = *state;
    scene_clear(&r->s);
    scene_rect(&r->s, (od_rect){ 10, 10, 50, 30 }, od_rgba(255, 0, 0, 255), 0);
    render_scene(r->rd, &r->s, black);
    assert_int_equal(pixel(r, 10, 10), 0xff0000);
    assert_int_equal(pixel(r, 59, 39), 0xff0000);
    assert_int_equal(pixel(r, 60, 40), 0x000000);
    assert_int_equal(pixel(r, 9, 10), 0x000000);
}

static void rounded_corners(void **state)
{
    rig *r = *state;
    scene_clear(&r->s);
    scene_rect(&r->s, (od_rect){ 10, 10, 80, 60 }, od_rgba(0, 255, 0, 255), 20);
    render_scene(r->rd, &r->s, black);
    assert_int_equal(pixel(r, 11, 11), 0x000000); /* the corner is cut */
    assert_int_equal(pixel(r, 50, 40), 0x00ff00); /* the middle is filled */
    assert_int_equal(pixel(r, 50, 11), 0x00ff00); /* the straight edge is filled */
}

static void thick_line_and_clip(void **state)
{
    rig *r = *state;
    scene_clear(&r->s);
    scene_line(&r->s, 10, 50, 190, 50, 6, od_rgba(0, 0, 255, 255));
    render_scene(r->rd, &r->s, black);
    assert_int_equal(pixel(r, 100, 50), 0x0000ff);
    assert_int_equal(pixel(r, 100, 58), 0x000000);
    scene_clear(&r->s);
    scene_push_clip(&r->s, (od_rect){ 0, 0, 100, 100 });
    scene_rect(&r->s, (od_rect){ 0, 0, 200, 100 }, od_rgba(255, 255, 255, 255), 0);
    scene_pop_clip(&r->s);
    render_scene(r->rd, &r->s, black);
    assert_int_equal(pixel(r, 50, 50), 0xffffff);
    assert_int_equal(pixel(r, 150, 50), 0x000000); /* outside the clip */
}

static void text_inside_its_rect_and_cached(void **state)
{
    rig *r = *state;
    lay_measure m = fontset_measure(r->fonts);
    const char *t = "Hello";
    float w = m.text_width(m.ctx, SCENE_FONT_BOLD, 24, t, 5);
    float h = m.line_height(m.ctx, SCENE_FONT_BOLD, 24);
    assert_true(w > 20 && w < 120);
    assert_true(m.text_width(m.ctx, SCENE_FONT_BOLD, 24, "Hello, world", 12) > w);
    render_stats before, after;
    render_get_stats(r->rd, &before);
    for (int pass = 0; pass < 4; pass++) {
        scene_clear(&r->s);
        od_color c = pass & 1 ? od_rgba(255, 255, 0, 255) : od_rgba(255, 255, 255, 255);
        if (pass == 3)
            c.a = 90; /* a fade draws the same texture more faintly */
        scene_text(&r->s, 20, 20, w, h, SCENE_FONT_BOLD, 24, c, t, 5);
        render_scene(r->rd, &r->s, black);
    }
    render_get_stats(r->rd, &after);
    /* Four draws in two colours (text is rasterised in its colour, opacity
     * is applied when drawing): two rasterisations, two hits. */
    assert_int_equal(after.rasterised - before.rasterised, 2);
    assert_int_equal(after.hits - before.hits, 2);
    scene_clear(&r->s);
    scene_text(&r->s, 20, 20, w, h, SCENE_FONT_BOLD, 24, od_rgba(255, 255, 255, 255), t, 5);
    render_scene(r->rd, &r->s, black);
    /* Some text pixels inside the measured rect, none outside it. */
    int inside = 0, outside = 0;
    for (int y = 0; y < 100; y++)
        for (int x = 0; x < 200; x++) {
            bool lit = pixel(r, x, y) != 0;
            bool in = x >= 20 && x < 20 + (int)w + 1 && y >= 20 && y < 20 + (int)h + 1;
            inside += lit && in;
            outside += lit && !in;
        }
    assert_true(inside > 20);
    assert_int_equal(outside, 0);
}

static void cache_is_bounded_and_survives_reset(void **state)
{
    rig *r = *state;
    char buf[32];
    for (int i = 0; i < 3000; i++) {
        scene_clear(&r->s);
        int n = snprintf(buf, sizeof buf, "item %d", i);
        scene_text(&r->s, 0, 0, 100, 30, SCENE_FONT_REGULAR, 20, od_rgba(255, 255, 255, 255), buf,
                   (size_t)n);
        render_scene(r->rd, &r->s, black);
    }
    render_stats st;
    render_get_stats(r->rd, &st);
    assert_true(st.entries <= 1024);
    assert_true(st.evictions >= 3000 - 1024);
    render_drop_textures(r->rd);
    render_get_stats(r->rd, &st);
    assert_int_equal(st.entries, 0);
    scene_clear(&r->s);
    scene_text(&r->s, 0, 0, 100, 30, SCENE_FONT_REGULAR, 20, od_rgba(255, 255, 255, 255), "again", 5);
    render_scene(r->rd, &r->s, black);
    render_get_stats(r->rd, &st);
    assert_int_equal(st.entries, 1);
}

static void on_alarm(int sig)
{
    (void)sig;
    static const char msg[] = "test_render: one draw took over 20 s: it spins or waits\n";
    (void)!write(2, msg, sizeof msg - 1);
    _exit(1);
}

/* Issue 11, case 2: more distinct texts in one frame than the cache has
 * slots (2,048). Nothing drawn in the current frame may be evicted, so the
 * cache must draw the overflow uncached instead of probing a full table for
 * ever. Two frames, so that the second finds a full cache too; every run is
 * drawn and the cache stays under its cap. */
static void one_frame_beyond_the_cache(void **state)
{
    rig *r = *state;
    signal(SIGALRM, on_alarm);
    alarm(20);
    char buf[32];
    for (int frame = 0; frame < 2; frame++) {
        scene_clear(&r->s);
        for (int i = 0; i < 2500; i++) {
            int n = snprintf(buf, sizeof buf, "w%d", i + frame * 7);
            const char *t = scene_strdup(&r->s, buf, (size_t)n);
            scene_text(&r->s, (float)(i % 10) * 20, (float)(i % 5) * 20, 20, 20, SCENE_FONT_REGULAR,
                       12, od_rgba(255, 255, 255, 255), t, (size_t)n);
        }
        render_scene(r->rd, &r->s, black);
    }
    alarm(0);
    render_stats st;
    render_get_stats(r->rd, &st);
    assert_true(st.entries <= 1024);
    assert_true(st.uncached >= 2500 - 1024);
    render_drop_textures(r->rd);
}

/* An image replaced by a named pipe after validation: nothing is drawn and
 * nothing waits on it (the alarm turns a hang into a failure). */
static void image_that_is_a_pipe(void **state)
{
    rig *r = *state;
    char dir[] = "/tmp/openday-render-XXXXXX", p[128];
    assert_non_null(mkdtemp(dir));
    snprintf(p, sizeof p, "%s/photo.png", dir);
    assert_int_equal(mkfifo(p, 0600), 0);
    signal(SIGALRM, on_alarm);
    alarm(10);
    scene_clear(&r->s);
    scene_cmd *c = scene_add(&r->s, SCENE_IMAGE);
    c->rect = (od_rect){ 0, 0, 50, 50 };
    c->color = od_rgba(255, 255, 255, 255);
    c->path = p;
    render_scene(r->rd, &r->s, black);
    alarm(0);
    unlink(p);
    rmdir(dir);
    render_forget_images(r->rd);
}

static void png_round_trip(void **state)
{
    rig *r = *state;
    scene_clear(&r->s);
    scene_rect(&r->s, (od_rect){ 0, 0, 200, 100 }, od_rgba(12, 34, 56, 255), 0);
    render_scene(r->rd, &r->s, black);
    SDL_RenderFlush(r->ren);
    char path[] = "/tmp/openday-render-XXXXXX.png";
    int fd = mkstemps(path, 4);
    assert_true(fd >= 0);
    close(fd);
    assert_true(render_save_png(r->ren, 200, 100, path));
    SDL_Surface *back = IMG_Load(path);
    assert_non_null(back);
    assert_int_equal(back->w, 200);
    assert_int_equal(back->h, 100);
    SDL_Surface *conv = SDL_ConvertSurfaceFormat(back, SDL_PIXELFORMAT_ARGB8888, 0);
    assert_int_equal(((Uint32 *)conv->pixels)[0] & 0xffffffu, 0x0c2238);
    SDL_FreeSurface(conv);
    SDL_FreeSurface(back);
    unlink(path);
    assert_false(render_save_png(r->ren, 200, 100, "/nonexistent-dir/x.png"));
}

static void font_fallback(void **state)
{
    (void)state;
    fontset *f = fontset_create("No Such Font Family 123");
    assert_non_null(f);
    lay_measure m = fontset_measure(f);
    float a = m.text_width(m.ctx, SCENE_FONT_REGULAR, 20, "abc", 3);
    assert_true(a > 0);
    assert_true(m.text_width(m.ctx, SCENE_FONT_REGULAR, 20, "abcabc", 6) > a);
    assert_true(m.text_width(m.ctx, SCENE_FONT_REGULAR, 20, "abc", 3) == a);
    fontset_destroy(f);
}

/* A scene of cards, text and a translucent overlay, varied by `step`. */
static void busy_scene(scene *s, int step)
{
    scene_clear(s);
    scene_rect(s, (od_rect){ 0, 0, 200, 100 }, od_rgba(20, 30, 40, 255), 0);
    for (int i = 0; i < 4; i++) {
        float x = 8 + 48.0f * (float)i + (i == 0 ? (float)step : 0);
        scene_rect(s, (od_rect){ x, 10, 40, 50 }, od_rgba(200, 100, (uint8_t)(60 * i), 255), 8);
        scene_text(s, x + 4, 20, 30, 16, SCENE_FONT_REGULAR, 12,
                   od_rgba(255, 255, 255, (uint8_t)(step == i ? 128 : 255)), "Ab", 2);
    }
    scene_rect(s, (od_rect){ 30, 40 + (float)(step % 2) * 3, 100, 30 }, od_rgba(255, 200, 0, 100),
               12);
    scene_line(s, 150, 95, 190, (float)(70 + step * 4), 3, od_rgba(0, 255, 255, 200));
}

/* Drawing only what changed gives exactly the picture a full redraw gives,
 * frame after frame; an unchanged frame draws nothing. */
static void damage_tracking_matches_full_redraw(void **state)
{
    rig *r = *state;
    SDL_Surface *ref = SDL_CreateRGBSurfaceWithFormat(0, 200, 100, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *rr = SDL_CreateSoftwareRenderer(ref);
    render *full = render_create(rr, r->fonts);
    assert_non_null(full);
    render_set_retained(r->rd, true);
    scene ov;
    scene_init(&ov);
    render_stats before, after;
    render_get_stats(r->rd, &before);
    for (int step = 0; step < 12; step++) {
        busy_scene(&r->s, step / 2); /* every scene twice: the second is free */
        scene_clear(&ov);
        if (step >= 8)
            scene_rect(&ov, (od_rect){ 150, 0, 50, 20 }, od_rgba(255, 0, 0, 200), 4);
        render_frame(r->rd, &r->s, step >= 8 ? &ov : NULL, black);
        render_scene(full, &r->s, black);
        if (step >= 8)
            render_scene_over(full, &ov);
        SDL_RenderFlush(r->ren);
        SDL_RenderFlush(rr);
        int diff = 0;
        for (int y = 0; y < 100; y++)
            for (int x = 0; x < 200; x++) {
                Uint32 a = ((Uint32 *)r->surf->pixels)[y * r->surf->pitch / 4 + x];
                Uint32 b = ((Uint32 *)ref->pixels)[y * ref->pitch / 4 + x];
                diff += (a & 0xffffff) != (b & 0xffffff);
            }
        if (diff)
            fail_msg("step %d: %d pixels differ from a full redraw", step, diff);
    }
    render_get_stats(r->rd, &after);
    assert_true(after.skipped - before.skipped >= 5);
    assert_true(after.partial - before.partial >= 3);
    render_set_retained(r->rd, false);
    scene_deinit(&ov);
    render_destroy(full);
    SDL_DestroyRenderer(rr);
    SDL_FreeSurface(ref);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(filled_rect),
        cmocka_unit_test(rounded_corners),
        cmocka_unit_test(thick_line_and_clip),
        cmocka_unit_test(text_inside_its_rect_and_cached),
        cmocka_unit_test(cache_is_bounded_and_survives_reset),
        cmocka_unit_test(one_frame_beyond_the_cache),
        cmocka_unit_test(image_that_is_a_pipe),
        cmocka_unit_test(png_round_trip),
        cmocka_unit_test(damage_tracking_matches_full_redraw),
        cmocka_unit_test(font_fallback),
    };
    return cmocka_run_group_tests_name("render", tests, setup, teardown);
}
