/* test_storm.c - random input events through the real input path: SDL
 * events (fingers, mouse, keys) -> sdl_input_translate -> the kiosk
 * (kiosk_input: touch calibration, rotation, the staff exit, the app), in
 * kiosk mode: 200,000 events, a million in the long tier
 * (OPENDAY_TEST_LONG=1).
 * Up to ten fingers, downs and ups out of order, motion for fingers never
 * pressed, coordinates far outside the screen and NaN, mouse and touch
 * interleaved, key mashing with every exit shortcut. After every event the
 * app's invariants hold and nothing has asked to quit; afterwards, left
 * alone, the kiosk is back in the attract loop with nothing pressed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <SDL.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <stdlib.h>

#include "kiosk_support.h"
#include "sdl_input.h"

static uint64_t rng = 0x9E3779B97F4A7C15ull;

static uint32_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng >> 16);
}

static float coord(void)
{
    switch (next() % 16) {
    case 0:
        return NAN;
    case 1:
        return -5.0f + (float)(next() % 1000) / 100.0f; /* far outside 0..1 */
    case 2:
        return INFINITY;
    case 3:
        return 1e30f;
    default:
        return (float)(next() % 10001) / 10000.0f;
    }
}

static const SDL_Keycode keys[] = {
    SDLK_ESCAPE, SDLK_q, SDLK_F4, SDLK_F1, SDLK_F2, SDLK_F7, SDLK_F12, SDLK_DELETE,
    SDLK_BACKSPACE, SDLK_TAB, SDLK_RETURN, SDLK_SPACE, SDLK_LEFT, SDLK_RIGHT, SDLK_UP,
    SDLK_DOWN, SDLK_HOME, SDLK_PAGEUP, SDLK_PAGEDOWN, SDLK_a, SDLK_w, SDLK_c, SDLK_z,
    SDLK_AC_BACK, SDLK_KP_ENTER, SDLK_LGUI, SDLK_MENU, SDLK_SYSREQ,
};

static void random_event(SDL_Event *e, int win_w, int win_h)
{
    memset(e, 0, sizeof *e);
    uint32_t r = next() % 100;
    if (r < 60) {
        static const Uint32 kinds[] = { SDL_FINGERDOWN, SDL_FINGERMOTION, SDL_FINGERMOTION,
                                        SDL_FINGERUP };
        e->type = kinds[next() % 4];
        e->tfinger.touchId = 1 + next() % 2;
        /* Ten fingers, and now and then one nobody pressed. */
        e->tfinger.fingerId = next() % 13 == 0 ? 1000 + next() % 50 : next() % 10;
        e->tfinger.x = coord();
        e->tfinger.y = coord();
        e->tfinger.dx = coord() - 0.5f;
        e->tfinger.dy = coord() - 0.5f;
        e->tfinger.pressure = 1;
    } else if (r < 80) {
        static const Uint32 kinds[] = { SDL_MOUSEBUTTONDOWN, SDL_MOUSEMOTION,
                                        SDL_MOUSEBUTTONUP, SDL_MOUSEWHEEL };
        e->type = kinds[next() % 4];
        int x = (int)(next() % (unsigned)(3 * win_w)) - win_w;
        int y = (int)(next() % (unsigned)(3 * win_h)) - win_h;
        if (e->type == SDL_MOUSEMOTION) {
            e->motion.x = x;
            e->motion.y = y;
            e->motion.state = next() % 2 ? SDL_BUTTON_LMASK : 0;
            e->motion.which = next() % 8 == 0 ? SDL_TOUCH_MOUSEID : 0;
        } else if (e->type == SDL_MOUSEWHEEL) {
            e->wheel.y = (int)(next() % 21) - 10;
        } else {
            e->button.x = x;
            e->button.y = y;
            e->button.button = (Uint8)(1 + next() % 3);
            e->button.which = next() % 8 == 0 ? SDL_TOUCH_MOUSEID : 0;
        }
    } else {
        e->type = next() % 4 ? SDL_KEYDOWN : SDL_KEYUP;
        e->key.keysym.sym = keys[next() % (sizeof keys / sizeof *keys)];
        Uint16 mods[] = { 0, KMOD_LCTRL, KMOD_LALT, KMOD_LCTRL | KMOD_LALT, KMOD_LSHIFT,
                          KMOD_RALT, KMOD_LGUI };
        e->key.keysym.mod = mods[next() % 7];
        e->key.repeat = next() % 5 == 0;
    }
}

static void storm(void **state)
{
    (void)state;
    const char *long_tier = getenv("OPENDAY_TEST_LONG");
    size_t events = long_tier && *long_tier == '1' ? 1000000 : 200000;
    kiosk_config cfg;
    kiosk_config_defaults(&cfg);
    cfg.live = false;
    cfg.refuse_quit = true;
    cfg.app.attract_after_ms = 90000;
    strcpy(cfg.admin.pin, "97531864"); /* eight digits: a storm will not guess them */
    /* A rotated, calibrated panel, as on a Pi mounted sideways. */
    cfg.rotate = 90;
    cfg.touch.swap_xy = true;
    cfg.touch.flip_y = true;
    ktest T = { 0 };
    assert_true(ktest_init(&T, &cfg, 800, 480));
    int lw, lh;
    kiosk_logical_size(T.k, &lw, &lh);
    assert_int_equal(lw, 480);
    assert_int_equal(lh, 800);
    const int win_w = 800, win_h = 480;

    uint64_t now = 0;
    size_t translated = 0, keypads = 0;
    char why[256];
    for (size_t i = 0; i < events; i++) {
        SDL_Event e;
        random_event(&e, win_w, win_h);
        now += next() % 25; /* bursts and pauses */
        input_event ev[4];
        size_t n = sdl_input_translate(&e, win_w, win_h, now, ev, 4);
        translated += n;
        for (size_t k = 0; k < n; k++)
            kiosk_input(T.k, &ev[k]);
        kiosk_update(T.k, now);
        if (kiosk_take_actions(T.k) & KIOSK_ACT_EXIT)
            fail_msg("event %zu asked a kiosk to quit (%s)", i, kiosk_exit_reason(T.k));
        keypads += admin_get_phase(kiosk_admin(T.k)) == ADMIN_KEYPAD;
        if (i % 16 == 0) {
            kiosk_frame f;
            kiosk_get_frame(T.k, &f); /* draw-time layout, as the loop does */
        }
        if (!app_check(kiosk_app(T.k), why, sizeof why))
            fail_msg("event %zu (SDL type 0x%x): %s", i, e.type, why);
    }
    /* Every finger lifted by the window going away, then nobody for two
     * minutes: the attract loop, nothing pressed, no finger held. */
    input_event cancel = { .kind = INPUT_CANCEL, .t_ms = now };
    kiosk_input(T.k, &cancel);
    for (uint64_t t = now; t <= now + 121000; t += 16)
        kiosk_update(T.k, t);
    kiosk_frame f;
    kiosk_get_frame(T.k, &f);
    app *a = kiosk_app(T.k);
    app_info info;
    app_get_info(a, &info);
    view_place pl = app_place(a);
    assert_int_equal(pl.screen, VIEW_SCREEN_ATTRACT);
    assert_false(info.pressed);
    assert_int_equal(admin_get_phase(kiosk_admin(T.k)), ADMIN_IDLE);
    assert_true(app_check(a, why, sizeof why));
    assert_int_equal(kiosk_take_actions(T.k) & KIOSK_ACT_EXIT, 0);
    printf("storm: %zu SDL events -> %zu input events, %.0f s simulated, keypad open in "
           "%zu steps; ends in the attract loop\n",
           events, translated, (double)now / 1000.0, keypads);
    ktest_deinit(&T);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(storm),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
