/* test_speech.c - Read aloud through the pure app in simulated time, its
 * utterances caught by a fake sink that records them: the screen spoken
 * when it opens, a first touch speaking and a second activating, Stop,
 * Repeat, the volume and its reset at the end of the visit, the keyboard
 * focus, the content's language, and nothing at all while it is off or
 * cannot be heard. OPENDAY_SPEECH_PRINT=1 prints the journey's utterances. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "fixture.h"
#include "journey.h"
#include "scratch.h"

/* ---- the fake sink ------------------------------------------------------------ */

#define HEARD_MAX 64

typedef struct {
    char *text;
    char lang[32];
    bool interrupt;
    int volume;
    size_t stops_before;   /* stop calls before this utterance */
} heard;

typedef struct {
    heard h[HEARD_MAX];
    size_t n, stops;
} recorder;

static void rec_say(void *ud, const reader_utterance *u)
{
    recorder *r = ud;
    assert_true(r->n < HEARD_MAX);
    heard *h = &r->h[r->n++];
    h->text = strdup(u->text);
    snprintf(h->lang, sizeof h->lang, "%s", u->lang);
    h->interrupt = u->interrupt;
    h->volume = u->volume;
    h->stops_before = r->stops;
    if (getenv("OPENDAY_SPEECH_PRINT"))
        printf("  say%s (%s, %d%%): %s\n", u->interrupt ? "" : " after", u->lang, u->volume,
               u->text);
}

static void rec_stop(void *ud)
{
    recorder *r = ud;
    r->stops++;
    if (getenv("OPENDAY_SPEECH_PRINT"))
        printf("  stop\n");
}

/* ---- the journey --------------------------------------------------------------- */

/* What the app said in the running test: start clears it, done frees it.
 * One test runs at a time, and the app's sink holds its address. */
static recorder rec;

/* A visitor at 800x480 (journey.h) whose kiosk can speak when `available`,
 * its utterances caught in rec. */
static journey *start(bool available)
{
    memset(&rec, 0, sizeof rec);
    app_config cfg;
    app_config_defaults(&cfg);
    cfg.speech_available = available;
    cfg.speech = (reader_sink){ &rec, rec_say, rec_stop };
    return journey_start(800, 480, &cfg, fixture_measure_bold());
}

static void done(journey *j)
{
    for (size_t i = 0; i < rec.n; i++)
        free(rec.h[i].text);
    finish(j);
}

static void key(journey *j, input_key k)
{
    input_event ev = { .kind = INPUT_KEY, .t_ms = j->now, .key = k };
    app_input(j->a, &ev);
    run(j, 100);
}

/* Tap the centre of the enabled, on-screen target (action, arg). */
static void tap_target(journey *j, int action, int arg)
{
    const scene *s = app_scene(j->a);
    for (size_t i = s->count; i-- > 0;) {
        const scene_cmd *c = &s->cmds[i];
        if (c->kind != SCENE_HIT || c->action != action || c->arg != arg ||
            (c->flags & SCENE_F_DISABLED))
            continue;
        od_rect r = c->clip >= 0 ? od_rect_intersect(c->rect, s->clips[c->clip]) : c->rect;
        if (r.w <= 0 || r.h <= 0 || r.y + r.h / 2 > (float)j->h)
            continue;
        tap(j, r.x + r.w / 2, r.y + r.h / 2);
        return;
    }
    fail_msg("no target for action %d arg %d", action, arg);
}

static const heard *last(void)
{
    assert_true(rec.n > 0);
    return &rec.h[rec.n - 1];
}

static void expect_said(size_t n_before, const char *starts, const char *has)
{
    if (rec.n != n_before + 1)
        fail_msg("expected one utterance, got %zu", rec.n - n_before);
    const heard *h = last();
    if (starts && strncmp(h->text, starts, strlen(starts)))
        fail_msg("expected an utterance starting \"%s\", got \"%s\"", starts, h->text);
    if (has && !strstr(h->text, has))
        fail_msg("expected \"%s\" in \"%s\"", has, h->text);
}

static void explore_by_touch_journey(void **state)
{
    (void)state;
    journey *j = start(true);
    tap(j, 400, 240); /* wake */
    expect_place(j, "home");
    assert_int_equal(rec.n, 0); /* off until chosen */

    /* Read aloud on: the screen, from its title. */
    app_set_read_aloud(j->a, true);
    assert_true(app_read_aloud(j->a));
    run(j, 50);
    char title[600];
    snprintf(title, sizeof title, "%s", j->c->title);
    expect_said(0, NULL, j->c->strings[CONTENT_STR_HOME_TITLE]);
    const char *home = last()->text;
    assert_true(last()->interrupt);
    assert_int_equal(last()->volume, READER_VOLUME_DEFAULT);
    assert_string_equal(last()->lang, j->c->language);
    /* The degree cards are buttons; Back and Home are left out. */
    char card[300];
    snprintf(card, sizeof card, "%s, ", j->c->degrees[0].name);
    assert_non_null(strstr(home, card));
    assert_null(strstr(home, "Back, button"));
    assert_null(strstr(home, j->c->strings[CONTENT_STR_SPEECH_STOP]));

    /* First touch on a card: spoken, not opened. */
    size_t n = rec.n;
    tap_target(j, VIEW_ACT_DEGREE, 0);
    expect_place(j, "home");
    expect_said(n, NULL, j->c->degrees[0].name);
    assert_non_null(strstr(last()->text, j->c->strings[CONTENT_STR_SPEECH_AGAIN]));
    /* A touch on another card speaks that one. */
    n = rec.n;
    tap_target(j, VIEW_ACT_DEGREE, 1);
    expect_place(j, "home");
    expect_said(n, NULL, j->c->degrees[1].name);
    /* Back to the first: spoken again; the second touch opens it. */
    tap_target(j, VIEW_ACT_DEGREE, 0);
    n = rec.n;
    tap_target(j, VIEW_ACT_DEGREE, 0);
    expect_place(j, "degree:music-production");
    /* Spoken once the transition has settled, title first. */
    run(j, 400);
    char deg[300];
    snprintf(deg, sizeof deg, "%s.", j->c->degrees[0].name);
    expect_said(n, deg, j->c->strings[CONTENT_STR_FOCUS]);
    char *page = strdup(last()->text);

    /* Stop, then Repeat: the page again, interrupting. */
    size_t stops = rec.stops;
    n = rec.n;
    tap_target(j, VIEW_ACT_SPEECH, VIEW_SPEECH_STOP);
    assert_int_equal(rec.stops, stops + 1);
    assert_int_equal(rec.n, n);
    tap_target(j, VIEW_ACT_SPEECH, VIEW_SPEECH_REPEAT);
    expect_said(n, page, NULL);
    assert_string_equal(last()->text, page);
    assert_true(last()->interrupt);

    /* Louder twice, quieter once: the volume said at the new volume. */
    n = rec.n;
    tap_target(j, VIEW_ACT_SPEECH, VIEW_SPEECH_LOUDER);
    expect_said(n, "Volume 60 percent", NULL);
    assert_int_equal(last()->volume, 60);
    tap_target(j, VIEW_ACT_SPEECH, VIEW_SPEECH_LOUDER);
    tap_target(j, VIEW_ACT_SPEECH, VIEW_SPEECH_QUIETER);
    assert_int_equal(last()->volume, 60);
    assert_int_equal(app_speech_volume(j->a), 60);
    /* Repeat says the page, not the volume. */
    tap_target(j, VIEW_ACT_SPEECH, VIEW_SPEECH_REPEAT);
    assert_string_equal(last()->text, page);
    assert_int_equal(last()->volume, 60);

    /* The keyboard focus speaks what it lands on (without the touch hint);
     * Return opens it. */
    n = rec.n;
    key(j, INPUT_KEY_NEXT);
    expect_said(n, j->c->strings[CONTENT_STR_BACK], NULL);
    assert_null(strstr(last()->text, j->c->strings[CONTENT_STR_SPEECH_AGAIN]));

    /* The end of the visit: idle to the attract loop. */
    stops = rec.stops;
    n = rec.n;
    run(j, 91000);
    expect_place(j, "attract");
    assert_int_equal(rec.stops, stops + 1);
    /* The reset warning was said on its way; the attract loop is not read. */
    expect_said(n, j->c->strings[CONTENT_STR_RESET_WARNING], NULL);
    n = rec.n;
    assert_false(app_read_aloud(j->a));
    assert_int_equal(app_speech_volume(j->a), READER_VOLUME_DEFAULT);

    /* The next visitor: touches act at once, nothing is said. */
    tap(j, 400, 240);
    expect_place(j, "home");
    tap_target(j, VIEW_ACT_DEGREE, 1);
    expect_place(j, "degree:music-technology");
    run(j, 400);
    assert_int_equal(rec.n, n);
    /* Chosen again: at the default volume. */
    app_set_read_aloud(j->a, true);
    run(j, 50);
    expect_said(n, NULL, j->c->degrees[1].name);
    assert_int_equal(last()->volume, READER_VOLUME_DEFAULT);
    free(page);
    done(j);
}

/* A visitor woke the kiosk, opened the first degree and has just chosen
 * Read aloud there. */
static journey *start_reading_degree(void)
{
    journey *j = start(true);
    tap(j, 400, 240);
    tap_target(j, VIEW_ACT_DEGREE, 0);
    run(j, 400);
    app_set_read_aloud(j->a, true);
    return j;
}

static void plain_text_touch_speaks_its_paragraph(void **state)
{
    (void)state;
    journey *j = start_reading_degree();
    run(j, 50);
    /* The degree's one-line summary, found in the scene by its text. */
    const scene *s = app_scene(j->a);
    const char *want = j->c->strings[CONTENT_STR_FOCUS];
    for (size_t i = 0; i < s->count; i++) {
        const scene_cmd *c = &s->cmds[i];
        if (c->kind == SCENE_TEXT && c->len == strlen(want) && !memcmp(c->text, want, c->len)) {
            size_t n = rec.n;
            tap(j, c->rect.x + c->rect.w / 2, c->rect.y + c->rect.h / 2);
            expect_said(n, want, NULL);
            expect_place(j, "degree:music-production");
            done(j);
            return;
        }
    }
    fail_msg("no \"%s\" on the degree page", want);
}

static void unavailable_is_silent(void **state)
{
    (void)state;
    journey *j = start(false);
    tap(j, 400, 240);
    app_set_read_aloud(j->a, true);
    assert_false(app_read_aloud(j->a));
    run(j, 50);
    tap_target(j, VIEW_ACT_DEGREE, 0);
    expect_place(j, "degree:music-production"); /* one touch opens */
    run(j, 400);
    assert_int_equal(rec.n, 0);
    /* No control bar either. */
    const scene *s = app_scene(j->a);
    for (size_t i = 0; i < s->count; i++)
        assert_false(s->cmds[i].kind == SCENE_HIT && s->cmds[i].action == VIEW_ACT_SPEECH);
    done(j);
}

/* The reset warning is said when it appears, once, not at each second of
 * its countdown; a touch keeps the visit and nothing more is said. */
static void reset_warning_is_spoken(void **state)
{
    (void)state;
    journey *j = start_reading_degree();
    run(j, 1000);
    size_t n = rec.n;
    while (!app_reset_warning(j->a) && j->now < 600000)
        run(j, 16);
    assert_true(app_reset_warning(j->a) > 0);
    expect_said(n, j->c->strings[CONTENT_STR_RESET_WARNING], NULL);
    run(j, 3000); /* three more seconds counted down: still one utterance */
    assert_int_equal(rec.n, n + 1);
    tap(j, 400, 240);
    assert_int_equal(app_reset_warning(j->a), 0);
    expect_place(j, "degree:music-production");
    done(j);
}

static void language_follows_the_content(void **state)
{
    (void)state;
    journey *j = start(true);
    free(j->c->language);
    j->c->language = strdup("de");
    app_set_content(j->a, j->c);
    tap(j, 400, 240);
    app_set_read_aloud(j->a, true);
    run(j, 50);
    assert_string_equal(last()->lang, "de");
    done(j);
}

/* The control bar passes the layout audit (targets of 9 mm, text inside
 * its boxes, no overlapping blocks) on every screen at three sizes, and
 * the page above it is laid out in the height left. */
static void control_bar_passes_the_audit(void **state)
{
    (void)state;
    static const int sizes[][2] = { { 800, 480 }, { 720, 1280 }, { 1920, 1080 } };
    static const char *const places[] = { "home", "degree:music-production", "compare",
                                          "careers", "career:composer", "ba-bs", "about" };
    content *c = load_shipped();
    assert_non_null(c);
    for (size_t z = 0; z < 3; z++) {
        for (size_t p = 0; p < sizeof places / sizeof *places; p++) {
            app_config cfg;
            app_config_defaults(&cfg);
            cfg.speech_available = true;
            lay_env env = { .w = sizes[z][0], .h = sizes[z][1], .dpi = 0,
                               .measure = fixture_measure_bold(),
                               .distance_cm = 0 };
            app *a = app_create(c, &cfg, &env, 0);
            assert_true(app_goto(a, places[p], 0));
            app_set_read_aloud(a, true);
            for (uint64_t t = 16; t < 600; t += 16)
                app_update(a, t);
            const scene *s = app_scene(a);
            char report[2000] = "";
            size_t bad = audit_layout(s, &env, report, sizeof report);
            if (bad)
                fail_msg("%s at %dx%d with the bar: %s", places[p], sizes[z][0], sizes[z][1],
                         report);
            /* Four controls, the last commands' targets, all on screen. */
            size_t n = 0;
            float top = (float)sizes[z][1];
            for (size_t i = 0; i < s->count; i++)
                if (s->cmds[i].kind == SCENE_HIT && s->cmds[i].action == VIEW_ACT_SPEECH) {
                    n++;
                    top = s->cmds[i].rect.y < top ? s->cmds[i].rect.y : top;
                    assert_true(s->cmds[i].rect.y + s->cmds[i].rect.h <= (float)sizes[z][1]);
                }
            assert_int_equal(n, VIEW_SPEECH_CONTROL_COUNT);
            /* Nothing of the page's targets under the bar's controls. */
            for (size_t i = 0; i < s->count; i++) {
                const scene_cmd *h = &s->cmds[i];
                if (h->kind != SCENE_HIT || h->action == VIEW_ACT_SPEECH)
                    continue;
                od_rect r = h->clip >= 0 ? od_rect_intersect(h->rect, s->clips[h->clip]) : h->rect;
                if (r.w > 0 && r.h > 0)
                    assert_true(r.y + r.h <= top + 0.5f);
            }
            app_destroy(a);
        }
    }
    content_destroy(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(explore_by_touch_journey),
        cmocka_unit_test(plain_text_touch_speaks_its_paragraph),
        cmocka_unit_test(unavailable_is_silent),
        cmocka_unit_test(reset_warning_is_spoken),
        cmocka_unit_test(language_follows_the_content),
        cmocka_unit_test(control_bar_passes_the_audit),
    };
    return cmocka_run_group_tests_name("speech", tests, NULL, NULL);
}
