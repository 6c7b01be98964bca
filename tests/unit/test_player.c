/* test_player.c - the replay player (player.h) on the kiosk with a
 * fake platform and the fake measurer: no SDL, no fonts. Long idle waits
 * cost their timed changes, not their frames; expectations and quits are
 * judged as in a real replay. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "fixture.h"
#include "kiosk.h"
#include "player.h"

typedef struct {
    int shots, resizes, resets, saves;
    char path[64];
    char *data;          /* the last file saved (heap), or NULL */
} fake;

static bool fake_shot(void *ud, kiosk *k, const char *path)
{
    (void)path;
    fake *f = ud;
    kiosk_frame fr;
    kiosk_get_frame(k, &fr);
    assert_non_null(fr.scene);
    f->shots++;
    return true;
}

static bool fake_resize(void *ud, int w, int h)
{
    (void)w;
    (void)h;
    ((fake *)ud)->resizes++;
    return true;
}

static void fake_reset(void *ud)
{
    ((fake *)ud)->resets++;
}

static bool fake_key(void *ud, const char *name, input_key *out)
{
    (void)ud;
    if (!strcmp(name, "Escape"))
        *out = INPUT_KEY_QUIT;
    else if (!strcmp(name, "Return"))
        *out = INPUT_KEY_ACTIVATE;
    else
        return false;
    return true;
}

static bool fake_save(void *ud, const char *path, const char *data, size_t len)
{
    fake *f = ud;
    f->saves++;
    snprintf(f->path, sizeof f->path, "%s", path);
    free(f->data);
    f->data = malloc(len + 1);
    assert_non_null(f->data);
    memcpy(f->data, data, len);
    f->data[len] = '\0';
    return !strstr(path, "unwritable");
}

static FILE *null_log;

static kiosk *make(bool refuse_quit)
{
    kiosk_config cfg;
    kiosk_config_defaults(&cfg);
    cfg.live = false;
    cfg.refuse_quit = refuse_quit;
    cfg.log = null_log;
    kiosk *k = kiosk_create(&cfg, 800, 480, 0);
    assert_non_null(k);
    assert_true(kiosk_take_actions(k) & KIOSK_ACT_FONTS);
    assert_true(kiosk_set_measure(k, fixture_measure()));
    assert_non_null(kiosk_app(k));
    return k;
}

/* What the kiosk handed the measurer's prepare callback. */
typedef struct {
    int calls;
    char langs[4][8];
    char *words[4];
    char cache[64];
} prepared;

static void fake_prepare(void *hctx, const char *lang, const char *words, size_t len,
                         const char *cache_dir)
{
    prepared *p = hctx;
    if (p->calls < 4) {
        snprintf(p->langs[p->calls], sizeof p->langs[0], "%s", lang);
        p->words[p->calls] = strndup(words, len);
    }
    snprintf(p->cache, sizeof p->cache, "%s", cache_dir);
    p->calls++;
}

static bool has_word(const char *words, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = words; (p = strstr(p, w)) != NULL; p += n)
        if ((p == words || p[-1] == '\n') && p[n] == '\n')
            return true;
    return false;
}

/* A kiosk that prepares its languages hands the measurer, for each, the
 * words of that language's texts (degrees, careers, the interface strings)
 * and its state folder for the table, once per content: at its first app. */
static void the_kiosk_hands_each_language_its_words(void **state)
{
    (void)state;
    kiosk_config cfg;
    kiosk_config_defaults(&cfg);
    cfg.live = false;
    cfg.log = null_log;
    cfg.prepare_languages = true;
    cfg.state_dir = "/nonexistent-state";
    kiosk *k = kiosk_create(&cfg, 800, 480, 0);
    assert_non_null(k);
    prepared p = { 0 };
    lay_measure m = fixture_measure();
    m.prepare = fake_prepare;
    m.hctx = &p;
    assert_true(kiosk_set_measure(k, m));
    assert_int_equal(p.calls, 2);
    assert_string_equal(p.langs[0], "en");
    assert_string_equal(p.langs[1], "de");
    assert_string_equal(p.cache, "/nonexistent-state");
    assert_true(has_word(p.words[0], "Production"));
    assert_false(has_word(p.words[0], "Musikproduktion"));
    assert_true(has_word(p.words[1], "Musikproduktion"));
    assert_true(has_word(p.words[1], "Klang"));
    kiosk_destroy(k);
    for (int i = 0; i < 2; i++)
        free(p.words[i]);
}

/* Play text on a new kiosk; returns player_run's status. */
static int play(const char *text, double fps, bool refuse_quit, player_result *res, fake *f)
{
    char err[256];
    replay_script *s = replay_parse(text, strlen(text), err, sizeof err);
    assert_non_null(s);
    kiosk *k = make(refuse_quit);
    memset(f, 0, sizeof *f);
    player_platform pf = { f, fake_shot, fake_resize, fake_reset, fake_key, NULL, NULL, fake_save };
    player_config pc = { fps, "test.replay", null_log };
    int rc = player_run(k, s, &pc, &pf, res);
    kiosk_destroy(k);
    replay_destroy(s);
    return rc;
}

/* A day's wait (the documented maximum) steps only where something can
 * change: a few hundred frames, not 5 million (60 fps) or 86 million
 * (1000 fps). */
static void a_day_of_waiting_is_cheap(void **state)
{
    (void)state;
    static const double rates[] = { 60, 1000 };
    for (size_t i = 0; i < 2; i++) {
        player_result res;
        fake f;
        int rc = play("0 tap 0.5 0.5\nexpect-screen home\nwait 86400000\n"
                      "expect-screen attract\n", rates[i], true, &res, &f);
        assert_int_equal(rc, 0);
        assert_true(res.now_ms >= 86400000.0);
        assert_true(res.jumps > 0);
        printf("wait 86400000 at %.0f fps: %zu frames, %zu jumps\n", rates[i], res.frames,
               res.jumps);
        /* The attract loop changes slide every few seconds and each slide
         * fades: the frames are those of the fades, not of the day. */
        assert_true(res.frames < 86400000.0 / (1000.0 / rates[i]) / 20);
    }
}

/* The idle timeout falls on the same frame as when stepping: just before it
 * the visitor is still on Home, just after it in the attract loop. */
static void jumps_keep_the_timeline(void **state)
{
    (void)state;
    player_result res;
    fake f;
    assert_int_equal(play("0 tap 0.5 0.5\nexpect-screen home\nwait 89800\nexpect-screen home\n"
                          "wait 400\nexpect-screen attract\n", 60, true, &res, &f), 0);
    assert_int_equal(play("0 tap 0.5 0.5\nwait 89800\nexpect-screen attract\n", 60, true, &res,
                          &f), 1);
}

static void platform_calls_and_quits(void **state)
{
    (void)state;
    player_result res;
    fake f;
    assert_int_equal(play("shot a.png\nreset-device\nresize 720x1280\nshot b.png\n", 60, true,
                          &res, &f), 0);
    assert_int_equal(f.shots, 2);
    assert_int_equal(f.resizes, 1);
    assert_int_equal(f.resets, 1);
    /* Escape quits a window but not a kiosk. */
    assert_int_equal(play("key Escape\nexpect-quit normal\n", 60, false, &res, &f), 0);
    assert_true(res.quit);
    assert_int_equal(play("key Escape\nexpect-quit normal\n", 60, true, &res, &f), 1);
    assert_int_equal(play("key Escape\nwait 10\n", 60, false, &res, &f), 1);
    assert_int_equal(play("key Escape\nexpect-quit admin\n", 60, false, &res, &f), 1);
    assert_int_equal(play("key Nonsense\n", 60, false, &res, &f), 2);
    assert_int_equal(play("close\nexpect-quit normal\n", 60, false, &res, &f), 0);
}

/* `dump` hands the platform the account of the frame on screen: JSON
 * naming the place the visitor is on, its targets among them. */
static void dump_writes_the_frame_on_screen(void **state)
{
    (void)state;
    player_result res;
    fake f;
    assert_int_equal(play("tap 0.5 0.5\nwait 500\ndump home.json\n", 60, true, &res, &f), 0);
    assert_int_equal(f.saves, 1);
    assert_string_equal(f.path, "home.json");
    cJSON *root = cJSON_Parse(f.data);
    assert_non_null(root);
    assert_string_equal(cJSON_GetObjectItem(root, "screen")->valuestring, "home");
    const cJSON *targets = cJSON_GetObjectItem(root, "targets"), *t;
    bool degree = false;
    cJSON_ArrayForEach(t, targets)
        degree = degree || !strncmp(cJSON_GetObjectItem(t, "action")->valuestring,
                                    "open degree:", 12);
    assert_true(degree);
    cJSON_Delete(root);
    free(f.data);
    /* A file the platform cannot write fails the replay, as a shot does. */
    assert_int_equal(play("dump unwritable.json\n", 60, true, &res, &f), 1);
    free(f.data);
}

int main(void)
{
    null_log = fopen("/dev/null", "w");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dump_writes_the_frame_on_screen),
        cmocka_unit_test(the_kiosk_hands_each_language_its_words),
        cmocka_unit_test(a_day_of_waiting_is_cheap),
        cmocka_unit_test(jumps_keep_the_timeline),
        cmocka_unit_test(platform_calls_and_quits),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    fclose(null_log);
    return rc;
}
