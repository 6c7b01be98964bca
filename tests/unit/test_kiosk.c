/* test_kiosk.c - the pure parts of running as a kiosk: the staff exit
 * (corner gesture and PIN keypad), the configuration file, the choice of DRM
 * card, and touch calibration. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "admin.h"
#include "fixture.h"
#include "cli.h"
#include "config.h"
#include "drm_card.h"
#include "input.h"
#include "audit.h"


static admin A;

static void make(const char *pin)
{
    admin_config cfg;
    memset(&cfg, 0, sizeof cfg);
    snprintf(cfg.pin, sizeof cfg.pin, "%s", pin);
    lay_env env = { .w = 800, .h = 480, .dpi = 0, .measure = fixture_measure(),
                       .distance_cm = 0 };
    admin_init(&A, &cfg, &env);
}

static bool send(input_kind k, int64_t ptr, float x, float y, uint64_t t)
{
    input_event ev = { .kind = k, .t_ms = t, .pointer = ptr, .x = x, .y = y };
    bool used = admin_input(&A, &ev);
    admin_update(&A, t);
    return used;
}

/* Hold a finger at (x, y) from t for ms, updating every 50 ms. */
static uint64_t hold(float x, float y, uint64_t t, unsigned ms)
{
    send(INPUT_DOWN, 7, x, y, t);
    for (uint64_t u = t; u <= t + ms; u += 50)
        admin_update(&A, u);
    send(INPUT_UP, 7, x, y, t + ms);
    return t + ms + 100;
}

static void key(int k, uint64_t t)
{
    od_rect r = admin_key_rect(&A, k);
    assert_true(send(INPUT_DOWN, 3, r.x + r.w / 2, r.y + r.h / 2, t));
    assert_true(send(INPUT_UP, 3, r.x + r.w / 2, r.y + r.h / 2, t + 50));
}

static void pin(const char *digits, uint64_t t)
{
    for (const char *d = digits; *d; d++)
        key(*d == '0' ? ADMIN_KEY_ZERO : *d - '1', t += 100);
    key(ADMIN_KEY_OK, t + 100);
}

static void gesture_then_pin(void **state)
{
    (void)state;
    make("2468");
    assert_true(admin_enabled(&A));
    uint64_t t = hold(5, 5, 0, 3000);
    assert_int_equal(admin_get_phase(&A), ADMIN_ARMED);
    t = hold(795, 5, t, 3000);
    assert_int_equal(admin_get_phase(&A), ADMIN_KEYPAD);
    assert_true(admin_visible(&A));
    /* Every event goes to the keypad now, keys included. */
    input_event ev = { .kind = INPUT_KEY, .key = INPUT_KEY_HOME, .t_ms = t };
    assert_true(admin_input(&A, &ev));
    pin("2468", t);
    /* The staff screen first; its Exit button ends the kiosk. */
    assert_int_equal(admin_get_phase(&A), ADMIN_STAFF);
    assert_false(admin_exit_requested(&A));
    assert_true(admin_visible(&A));
    od_rect back = admin_staff_button(&A, ADMIN_STAFF_BACK);
    od_rect ex = admin_staff_button(&A, ADMIN_STAFF_EXIT);
    assert_true(back.x + back.w < ex.x);
    assert_true(back.y >= admin_staff_top(&A) && ex.y + ex.h <= 480);
    /* A press that slides off Exit does nothing. */
    assert_true(send(INPUT_DOWN, 3, ex.x + 5, ex.y + 5, t + 2000));
    assert_true(send(INPUT_UP, 3, 400, 100, t + 2100));
    assert_int_equal(admin_get_phase(&A), ADMIN_STAFF);
    assert_true(send(INPUT_DOWN, 3, ex.x + 5, ex.y + 5, t + 2200));
    assert_true(send(INPUT_UP, 3, ex.x + 5, ex.y + 5, t + 2300));
    assert_true(admin_exit_requested(&A));
}

/* The staff screen's Back returns to the kiosk; left alone it closes. */
static void staff_screen_back_and_timeout(void **state)
{
    (void)state;
    make("2468");
    uint64_t t = hold(5, 5, 0, 3000);
    t = hold(795, 5, t, 3000);
    pin("2468", t);
    assert_int_equal(admin_get_phase(&A), ADMIN_STAFF);
    od_rect back = admin_staff_button(&A, ADMIN_STAFF_BACK);
    t += 2000;
    assert_true(send(INPUT_DOWN, 3, back.x + 5, back.y + 5, t));
    assert_true(send(INPUT_UP, 3, back.x + 5, back.y + 5, t + 50));
    assert_int_equal(admin_get_phase(&A), ADMIN_IDLE);
    assert_false(admin_exit_requested(&A));
    t = hold(5, 5, t + 200, 3000);
    t = hold(795, 5, t, 3000);
    pin("2468", t);
    assert_int_equal(admin_get_phase(&A), ADMIN_STAFF);
    assert_true(admin_wait_ms(&A, t + 1000) <= 30001);
    /* The last touch was OK's release, at t + 550. */
    admin_update(&A, t + 550 + 29900);
    assert_int_equal(admin_get_phase(&A), ADMIN_STAFF);
    admin_update(&A, t + 550 + 30100);
    assert_int_equal(admin_get_phase(&A), ADMIN_IDLE);
}

static void nothing_for_visitors(void **state)
{
    (void)state;
    make("2468");
    /* Short holds, the wrong corner first, a finger sliding away. */
    uint64_t t = hold(5, 5, 0, 2900);
    assert_int_equal(admin_get_phase(&A), ADMIN_IDLE);
    t = hold(795, 5, t, 4000);
    assert_int_equal(admin_get_phase(&A), ADMIN_IDLE);
    send(INPUT_DOWN, 1, 5, 5, t);
    send(INPUT_MOVE, 1, 300, 300, t + 500);
    for (uint64_t u = t; u < t + 4000; u += 50)
        admin_update(&A, u);
    send(INPUT_UP, 1, 300, 300, t + 4000);
    assert_int_equal(admin_get_phase(&A), ADMIN_IDLE);
    /* Nothing is drawn for the first second of a hold. */
    t += 5000;
    send(INPUT_DOWN, 2, 5, 5, t);
    admin_update(&A, t + 900);
    assert_false(admin_visible(&A));
    admin_update(&A, t + 1100);
    assert_true(admin_visible(&A));
    /* While watching, events still reach the app. */
    assert_false(send(INPUT_MOVE, 2, 6, 6, t + 1200));
    send(INPUT_UP, 2, 6, 6, t + 3100);
    assert_int_equal(admin_get_phase(&A), ADMIN_ARMED);
    /* Armed, but the second corner never comes: idle again. */
    admin_update(&A, t + 3100 + 10001);
    assert_int_equal(admin_get_phase(&A), ADMIN_IDLE);
    /* A second finger elsewhere does not disturb the holding one. */
    send(INPUT_DOWN, 4, 5, 5, t + 20000);
    send(INPUT_DOWN, 5, 400, 300, t + 20100);
    send(INPUT_UP, 5, 400, 300, t + 20200);
    admin_update(&A, t + 23100);
    assert_int_equal(admin_get_phase(&A), ADMIN_ARMED);
}

static void no_pin_no_exit(void **state)
{
    (void)state;
    make("");
    assert_false(admin_enabled(&A));
    uint64_t t = hold(5, 5, 0, 3000);
    t = hold(795, 5, t, 3000);
    assert_int_equal(admin_get_phase(&A), ADMIN_IDLE);
}

static void wrong_pins_lock_out(void **state)
{
    (void)state;
    make("2468");
    uint64_t t = hold(5, 5, 0, 3000);
    t = hold(795, 5, t, 3000);
    pin("1111", t);
    assert_int_equal(admin_get_phase(&A), ADMIN_KEYPAD);
    assert_true(A.wrong);
    pin("2222", t += 1000);
    pin("3333", t += 1000);
    /* Locked: the right PIN is refused until the lock-out ends. */
    pin("2468", t += 1000);
    assert_false(admin_exit_requested(&A));
    t += 60000;
    admin_update(&A, t);
    /* 30 s without a touch closed the keypad meanwhile. */
    assert_int_equal(admin_get_phase(&A), ADMIN_IDLE);
    t = hold(5, 5, t, 3000);
    t = hold(795, 5, t, 3000);
    pin("2468", t);
    assert_int_equal(admin_get_phase(&A), ADMIN_STAFF);
}

static void keypad_cancel_and_clear(void **state)
{
    (void)state;
    make("1234");
    uint64_t t = hold(5, 5, 0, 3000);
    t = hold(795, 5, t, 3000);
    key(0, t);
    key(1, t + 100);
    assert_string_equal(A.entered, "12");
    key(ADMIN_KEY_CLEAR, t + 200);
    assert_string_equal(A.entered, "");
    /* More than eight digits are not taken. */
    for (int i = 0; i < 12; i++)
        key(0, t + 300 + 100 * (uint64_t)i);
    assert_int_equal(strlen(A.entered), ADMIN_PIN_MAX);
    key(ADMIN_KEY_CANCEL, t + 2000);
    assert_int_equal(admin_get_phase(&A), ADMIN_IDLE);
    assert_false(admin_visible(&A));
    /* NaN and off-screen touches on the keypad are harmless. */
    t = hold(5, 5, t + 3000, 3000);
    t = hold(795, 5, t, 3000);
    assert_true(send(INPUT_DOWN, 1, 0.0f / 0.0f, -5, t));
    assert_true(send(INPUT_UP, 1, 1e9f, 0.0f / 0.0f, t + 10));
    assert_string_equal(A.entered, "");
    /* The keypad fits on every screen the kiosk supports. */
    static const int sizes[][2] = { { 800, 480 }, { 480, 800 }, { 720, 1280 }, { 1920, 1080 } };
    for (size_t s = 0; s < 4; s++) {
        admin_resize(&A, sizes[s][0], sizes[s][1]);
        for (int k = 0; k < ADMIN_NKEYS; k++) {
            od_rect r = admin_key_rect(&A, k);
            assert_true(r.x >= 0 && r.y >= 0 && r.x + r.w <= (float)sizes[s][0] &&
                        r.y + r.h <= (float)sizes[s][1]);
            assert_true(r.h >= 47); /* 9 mm at the default 133 dpi */
        }
    }
}

/* ---- configuration file ---- */

/* The keypad speaks the content's words in the content's colours, falls
 * back to the built-in ones without content, and passes the layout audit
 * (text inside its key, keys apart, big enough) at small and big sizes. */
static const scene_cmd *text_of(const scene *s, const char *str)
{
    for (size_t i = 0; i < s->count; i++)
        if (s->cmds[i].kind == SCENE_TEXT && s->cmds[i].len == strlen(str) &&
            !memcmp(s->cmds[i].text, str, s->cmds[i].len))
            return &s->cmds[i];
    return NULL;
}

/* The first line of a text that may wrap. */
static const scene_cmd *text_starting(const scene *s, const char *str)
{
    for (size_t i = 0; i < s->count; i++)
        if (s->cmds[i].kind == SCENE_TEXT && s->cmds[i].len > 0 &&
            s->cmds[i].len <= strlen(str) && !memcmp(s->cmds[i].text, str, s->cmds[i].len))
            return &s->cmds[i];
    return NULL;
}

static void keypad_uses_content_words_and_theme(void **state)
{
    (void)state;
    content *c = fixture_content();
    free(c->strings[CONTENT_STR_ADMIN_CANCEL]);
    c->strings[CONTENT_STR_ADMIN_CANCEL] = strdup("Abbrechen");
    free(c->strings[CONTENT_STR_ADMIN_LOCKED]);
    c->strings[CONTENT_STR_ADMIN_LOCKED] = strdup("%s%n wait {seconds}s");
    c->colors[CONTENT_COLOR_SURFACE] = od_rgba(1, 2, 3, 255);
    scene s;
    scene_init(&s);
    const int sizes[][2] = { { 800, 480 }, { 480, 800 }, { 720, 1280 }, { 1920, 1080 } };
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        make("2468");
        admin_resize(&A, sizes[k][0], sizes[k][1]);
        uint64_t t = hold(5, 5, 0, 3000);
        t = hold((float)sizes[k][0] - 5, 5, t, 3000);
        assert_int_equal(admin_get_phase(&A), ADMIN_KEYPAD);
        scene_clear(&s);
        admin_draw(&A, c, &s);
        assert_non_null(text_of(&s, "Abbrechen"));
        assert_non_null(text_starting(&s, c->strings[CONTENT_STR_ADMIN_TITLE]));
        bool panel = false;
        for (size_t i = 0; i < s.count; i++)
            panel |= s.cmds[i].kind == SCENE_RECT && s.cmds[i].color.r == 1 &&
                     s.cmds[i].color.g == 2 && s.cmds[i].color.b == 3;
        assert_true(panel);
        char report[2048];
        size_t problems = audit_layout(&s, &A.env, report, sizeof report);
        if (problems)
            printf("%dx%d keypad:\n%s", sizes[k][0], sizes[k][1], report);
        assert_int_equal(problems, 0);
        /* Without content: the built-in words. */
        scene_clear(&s);
        admin_draw(&A, NULL, &s);
        assert_non_null(text_of(&s, content_default_string(CONTENT_STR_ADMIN_CANCEL)));
        /* Locked out: the placeholder is filled, the rest taken as text. */
        pin("1111", t);
        pin("2222", t += 1000);
        pin("3333", t += 1000);
        scene_clear(&s);
        admin_draw(&A, c, &s);
        assert_non_null(text_starting(&s, "%s%n wait 60s"));
    }
    scene_deinit(&s);
    fixture_free(c);
}

static void config_becomes_options(void **state)
{
    (void)state;
    const char *text = "# a comment\n\n"
                       "content = /srv/kiosk content\n"
                       "rotate = 90\n"
                       "loop = yes\n"
                       "touch-flip-x = no\n"
                       "  admin-pin = \"2468\"  \n"
                       "mode = kiosk\n"
                       "dpi = auto\n"
                       "distance = 250\n"
                       "fps = 30\n";
    char *argv[] = { "openday", "--config", "x.conf", "--fps", "50", NULL };
    config_args_out out;
    char err[300];
    assert_true(config_args_text("x.conf", text, strlen(text), 5, argv, &out, err, sizeof err));
    cli_options o;
    assert_true(cli_parse(out.argc, out.argv, &o, err, sizeof err));
    assert_string_equal(o.content_dir, "/srv/kiosk content");
    assert_int_equal(o.rotate, 90);
    assert_true(o.loop);
    assert_false(o.touch_flip_x);
    assert_string_equal(o.admin_pin, "2468");
    assert_int_equal(o.mode, CLI_MODE_KIOSK);
    assert_int_equal(o.fps, 50); /* the command line wins */
    assert_true(o.dpi == 0.0f);  /* auto: ask the display */
    assert_true(o.distance_cm == 250.0f);
    config_free(&out);
}

static void config_errors_name_the_line(void **state)
{
    (void)state;
    static const struct {
        const char *text, *want;
    } cases[] = {
        { "rotate = 45\n", "x.conf:1: --rotate: \"45\" must be 0, 90, 180 or 270" },
        { "\n\nrotation = 90\n", "x.conf:3: unknown key \"rotation\"" },
        { "loop = maybe\n", "x.conf:1: loop: \"maybe\" must be yes or no" },
        { "just words\n", "x.conf:1: expected \"key = value\"" },
        { "admin-pin = 12\n", "x.conf:1: --admin-pin: the PIN must be 4 to 8 digits" },
        { "config = other.conf\n", "x.conf:1: unknown key \"config\"" },
        { "fps =\n", "x.conf:1: --fps: \"\" must be a whole number" },
        { "distance = 0\n", "x.conf:1: --distance: \"0\" must be centimetres from 20 to 2000" },
    };
    char *argv[] = { "openday", NULL };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        config_args_out out;
        char err[400] = "";
        assert_false(config_args_text("x.conf", cases[i].text, strlen(cases[i].text), 1, argv, &out, err, sizeof err));
        if (strncmp(err, cases[i].want, strlen(cases[i].want)))
            fail_msg("case %zu: got \"%s\", want \"%s...\"", i, err, cases[i].want);
    }
    config_args_out out;
    char err[400];
    assert_false(config_args("/nonexistent/openday.conf", 1, argv, &out, err, sizeof err));
    assert_non_null(strstr(err, "No such file"));
    /* A NUL byte and an overlong line are errors on their line, not an end. */
    static const char nul[] = "fps = 30\nloop = yes\n\0rotate = 45\n";
    assert_false(config_args_text("x.conf", nul, sizeof nul - 1, 1, argv, &out, err, sizeof err));
    assert_string_equal(err, "x.conf:3: a NUL byte at column 1; save the file as plain text");
    char lng[1200];
    memset(lng, ' ', sizeof lng);
    memcpy(lng, "fps = 30\n#", 10);
    assert_false(config_args_text("x.conf", lng, sizeof lng, 1, argv, &out, err, sizeof err));
    assert_string_equal(err, "x.conf:2: the line is 1191 bytes long; lines are at most 1024");
}

/* Issue 11, case 6: --config naming a directory, a named pipe or an
 * unreadable file is an error (one line; the driver exits 2), never an
 * empty configuration, and the pipe is not waited on. */
static void config_file_must_be_a_readable_file(void **state)
{
    (void)state;
    char dir[] = "/tmp/openday-conf-XXXXXX", p[128], err[400];
    assert_non_null(mkdtemp(dir));
    char *argv[] = { "openday", NULL };
    config_args_out out;
    assert_false(config_args(dir, 1, argv, &out, err, sizeof err));
    snprintf(p, sizeof p, "%s: cannot read the configuration: is a directory, not a file", dir);
    assert_string_equal(err, p);
    snprintf(p, sizeof p, "%s/fifo.conf", dir);
    assert_int_equal(mkfifo(p, 0600), 0);
    assert_false(config_args(p, 1, argv, &out, err, sizeof err));
    assert_non_null(strstr(err, "is not a regular file"));
    unlink(p);
    snprintf(p, sizeof p, "%s/secret.conf", dir);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs("fps = 30\n", f);
    fclose(f);
    if (geteuid() != 0) {
        chmod(p, 0);
        assert_false(config_args(p, 1, argv, &out, err, sizeof err));
        assert_non_null(strstr(err, "Permission denied"));
    }
    unlink(p);
    rmdir(dir);
    assert_null(strchr(err, '\n'));
}

/* The shipped configuration file parses and only sets what it says. */
static void shipped_config_parses(void **state)
{
    (void)state;
    char *argv[] = { "openday", NULL };
    config_args_out out;
    char err[400];
    if (!config_args("deploy/openday.conf", 1, argv, &out, err, sizeof err))
        fail_msg("%s", err);
    cli_options o;
    assert_true(cli_parse(out.argc, out.argv, &o, err, sizeof err));
    assert_string_equal(o.content_dir, "/usr/share/openday/content");
    assert_string_equal(o.state_dir, "/var/lib/openday");
    config_free(&out);
}

/* ---- DRM card ---- */

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void drm_picks_the_connected_card(void **state)
{
    (void)state;
    char root[] = "/tmp/openday-drm-XXXXXX";
    assert_non_null(mkdtemp(root));
    char p[256];
    /* A Pi 5: card0 is the GPU (no connectors); card1 has HDMI-A-1
     * disconnected and HDMI-A-2 connected; card2 a disconnected DSI. */
    const char *dirs[] = { "card0", "card1", "card1-HDMI-A-1", "card1-HDMI-A-2", "card2",
                           "card2-DSI-1", "renderD128" };
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
        snprintf(p, sizeof p, "%s/%s", root, dirs[i]);
        assert_int_equal(mkdir(p, 0755), 0);
    }
    snprintf(p, sizeof p, "%s/card1-HDMI-A-1/status", root);
    write_file(p, "disconnected\n");
    snprintf(p, sizeof p, "%s/card1-HDMI-A-2/status", root);
    write_file(p, "connected\n");
    snprintf(p, sizeof p, "%s/card2-DSI-1/status", root);
    write_file(p, "disconnected\n");
    char why[300];
    assert_int_equal(drm_card_pick(root, "auto", why, sizeof why), 1);
    assert_non_null(strstr(why, "HDMI-A-2"));
    assert_int_equal(drm_card_pick(root, "/dev/dri/card2", why, sizeof why), 2);
    assert_int_equal(drm_card_pick(root, "0", why, sizeof why), 0);
    /* Nonsense falls back to looking. */
    assert_int_equal(drm_card_pick(root, "hdmi", why, sizeof why), 1);
    assert_non_null(strstr(why, "not /dev/dri/cardN"));
    /* Nothing connected: SDL decides. */
    snprintf(p, sizeof p, "%s/card1-HDMI-A-2/status", root);
    write_file(p, "disconnected\n");
    assert_int_equal(drm_card_pick(root, "auto", why, sizeof why), -1);
    assert_int_equal(drm_card_pick("/nonexistent-drm", "auto", why, sizeof why), -1);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    assert_int_equal(system(cmd), 0);
}

/* ---- touch calibration ---- */

static void touch_calibration(void **state)
{
    (void)state;
    float x = 0.2f, y = 0.7f;
    input_calib none = { false, false, false };
    input_calibrate(&none, &x, &y);
    assert_true(x == 0.2f && y == 0.7f);
    input_calib swap = { true, false, false };
    input_calibrate(&swap, &x, &y);
    assert_true(x == 0.7f && y == 0.2f);
    input_calib flip = { false, true, true };
    x = 0.2f;
    y = 0.7f;
    input_calibrate(&flip, &x, &y);
    assert_float_equal(x, 0.8f, 1e-6);
    assert_float_equal(y, 0.3f, 1e-6);
    /* Swap happens before the flips. */
    input_calib both = { true, true, false };
    x = 0.2f;
    y = 0.7f;
    input_calibrate(&both, &x, &y);
    assert_float_equal(x, 0.3f, 1e-6);
    assert_float_equal(y, 0.2f, 1e-6);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gesture_then_pin),
        cmocka_unit_test(staff_screen_back_and_timeout),
        cmocka_unit_test(nothing_for_visitors),
        cmocka_unit_test(no_pin_no_exit),
        cmocka_unit_test(wrong_pins_lock_out),
        cmocka_unit_test(keypad_cancel_and_clear),
        cmocka_unit_test(keypad_uses_content_words_and_theme),
        cmocka_unit_test(config_becomes_options),
        cmocka_unit_test(config_errors_name_the_line),
        cmocka_unit_test(config_file_must_be_a_readable_file),
        cmocka_unit_test(shipped_config_parses),
        cmocka_unit_test(drm_picks_the_connected_card),
        cmocka_unit_test(touch_calibration),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
