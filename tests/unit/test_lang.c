/* test_lang.c - visitor languages: the content loaded once per declared
 * language (same items at the same indices, each language's own texts),
 * text missing in a language falling back to the default language and then
 * to the first translation, a translation in an undeclared language refused
 * at its FILE:LINE:COL; and in the pure app in simulated time: the language
 * button and the chooser's rows, the choice applying at once where the
 * visitor is, the attract loop's button, a reload keeping the language, and
 * the return to the default language when the visit ends. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "content.h"
#include "fixture.h"
#include "journey.h"
#include "language.h"
#include "scratch.h"

/* The shipped openday.json with its "language"/"languages" lines replaced
 * by `decl` (one or two lines of JSON members, each ending in a comma). */
static void write_manifest(const char *dir, const char *decl)
{
    char *text = scratch_read("content/openday.json", NULL);
    char p[600];
    snprintf(p, sizeof p, "%s/openday.json", dir);
    FILE *out = fopen(p, "wb");
    assert_non_null(out);
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        if (strstr(line, "\"language\"") || strstr(line, "\"languages\""))
            continue;
        fprintf(out, "%s\n", line);
        if (!strcmp(line, "{"))
            fprintf(out, "%s\n", decl);
    }
    fclose(out);
    free(text);
}

/* The content in dir with the manifest's declaration `decl`; NULL when it
 * does not load. Problems go to r (initialised here, deinit by the caller). */
static content *load_decl(const char *decl, content_report *r, char **dir_out)
{
    char *dir = scratch_copy("lang", CONTENT_NFILES);
    write_manifest(dir, decl);
    content_report_init(r);
    content *c = content_load(dir, r);
    if (dir_out)
        *dir_out = dir;
    else
        scratch_remove(dir);
    return c;
}

static size_t count_problems(const content_report *r, bool warning, const char *what)
{
    size_t n = 0;
    for (size_t i = 0; i < r->count; i++)
        n += r->items[i].warning == warning && strstr(r->items[i].message, what) != NULL;
    return n;
}

/* The shipped content: English and German, the same shape in both. */
static void shipped_languages(void **state)
{
    (void)state;
    content_report r;
    content_report_init(&r);
    content *c = content_load("content", &r);
    assert_non_null(c);
    assert_int_equal(r.warnings, 0);
    content_report_deinit(&r);
    assert_int_equal(content_language_count(c), 2);
    assert_int_equal(content_default_language(c), 0);
    assert_ptr_equal(content_in_language(c, 0), c);
    const content *de = content_in_language(c, 1);
    assert_ptr_equal(de->base, c);
    assert_string_equal(de->language, "de");
    assert_string_equal(content_language_name(c, 0), "English");
    assert_string_equal(content_language_name(de, 1), "Deutsch");
    assert_int_equal(content_find_language(de, "de"), 1);
    assert_int_equal(content_find_language(c, "fr"), (size_t)-1);
    /* The same items at the same indices, in each language's words. */
    assert_int_equal(de->n_degrees, c->n_degrees);
    assert_int_equal(de->n_careers, c->n_careers);
    for (size_t i = 0; i < c->n_degrees; i++) {
        assert_string_equal(de->degrees[i].id, c->degrees[i].id);
        assert_string_not_equal(de->degrees[i].name, c->degrees[i].name);
        assert_int_equal(de->degrees[i].n_careers, c->degrees[i].n_careers);
    }
    for (size_t i = 0; i < c->n_careers; i++)
        assert_string_not_equal(de->careers[i].summary, c->careers[i].summary);
    for (int k = 0; k < CONTENT_STR_COUNT; k++)
        assert_true(de->strings[k][0]);
    assert_string_equal(de->degrees[0].name, "Musikproduktion");
    assert_string_equal(de->strings[CONTENT_STR_BACK], "Zur\xc3\xbc" "ck");
    /* Text the same in every language (software names) stays plain. */
    assert_string_equal(de->degrees[0].software[0], c->degrees[0].software[0]);
    /* Only the default model keeps the validated bytes. */
    assert_null(de->raw[0]);
    content_destroy(c);
}

/* A third language the files do not carry: each text falls back to the
 * default language (here German), not to the first translation (English),
 * with a warning at each place; the default set loads without them. */
static void fallback_to_the_default(void **state)
{
    (void)state;
    content_report r;
    content *c = load_decl("  \"language\": \"de\",\n  \"languages\": [\"en\", \"de\", \"cy\"],", &r,
                           NULL);
    assert_non_null(c);
    assert_int_equal(content_language_count(c), 3);
    assert_int_equal(content_default_language(c), 1);
    assert_string_equal(c->language, "de");
    const content *cy = content_in_language(c, 2);
    assert_string_equal(cy->language, "cy");
    assert_string_equal(cy->degrees[0].name, "Musikproduktion");
    assert_string_equal(cy->strings[CONTENT_STR_HOME], "Start");
    assert_string_equal(content_in_language(c, 0)->degrees[0].name, "Music Production");
    /* Without a Welsh name the chooser shows the code. */
    assert_string_equal(content_language_name(c, 2), "cy");
    assert_int_equal(r.errors, 0);
    assert_true(count_problems(&r, true, "no \"cy\" translation; showing \"de\" instead") > 50);
    assert_int_equal(count_problems(&r, true, "no \"en\""), 0);
    assert_int_equal(count_problems(&r, true, "no \"de\""), 0);
    content_report_deinit(&r);
    content_destroy(c);

    /* Without "languages": one language, today's rule (the first entry). */
    c = load_decl("  \"language\": \"cy\",", &r, NULL);
    assert_non_null(c);
    assert_int_equal(content_language_count(c), 1);
    assert_string_equal(c->degrees[0].name, "Music Production");
    assert_true(count_problems(&r, true, "no \"cy\" translation; showing \"en\" instead") > 50);
    content_report_deinit(&r);
    content_destroy(c);
}

/* The first error of r, or fail. */
static const content_problem *first_error(const content_report *r)
{
    for (size_t i = 0; i < r->count; i++)
        if (!r->items[i].warning)
            return &r->items[i];
    fail_msg("no error");
    return NULL;
}

/* Line and column (1-based) of the first `needle` after the first `after`
 * in file path. */
static void find_in_file(const char *path, const char *after, const char *needle, int *line,
                         int *col)
{
    char *text = scratch_read(path, NULL);
    const char *a = strstr(text, after);
    assert_non_null(a);
    const char *p = strstr(a, needle);
    assert_non_null(p);
    *line = 1;
    *col = 1;
    for (const char *q = text; q < p; q++) {
        if (*q == '\n') {
            (*line)++;
            *col = 1;
        } else {
            (*col)++;
        }
    }
    free(text);
}

/* Bad declarations, each refused at its place. */
static void bad_declarations(void **state)
{
    (void)state;
    content_report r;
    char *dir = NULL;
    /* German translations, German not declared: refused at the first "de"
     * key (openday.json's title). */
    content *c = load_decl("  \"language\": \"en\",\n  \"languages\": [\"en\"],", &r, &dir);
    assert_null(c);
    const content_problem *p = first_error(&r);
    char path[600];
    snprintf(path, sizeof path, "%s/openday.json", dir);
    int line, col;
    find_in_file(path, "\"title\"", "\"de\"", &line, &col);
    assert_string_equal(p->file, path);
    assert_int_equal(p->line, line);
    assert_int_equal(p->col, col);
    assert_string_equal(p->path, "title.de");
    assert_non_null(strstr(p->message, "translation \"de\" is in no declared language"));
    /* Every file's translations are checked, each one once. */
    assert_true(count_problems(&r, false, "is in no declared language") >= 9);
    content_report_deinit(&r);
    scratch_remove(dir);

    static const struct {
        const char *decl, *what;
    } bad[] = {
        { "  \"language\": \"fr\",\n  \"languages\": [\"en\", \"de\"],",
          "\"fr\" is not among \"languages\"" },
        { "  \"languages\": [\"en\", \"de\", \"en\"],", "\"en\" is listed twice" },
        { "  \"languages\": [],", "must be a list of 1 to 8 language codes" },
        { "  \"languages\": \"en\",", "must be a list of 1 to 8 language codes" },
        { "  \"languages\": [\"en\", \"Deutsch\"],", "each language must be a code" },
        { "  \"languages\": [\"en\", \"de\", \"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\"],",
          "must be a list of 1 to 8" },
        { "  \"language\": \"english\",", "\"english\" is not a language code" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        c = load_decl(bad[i].decl, &r, NULL);
        if (c)
            fail_msg("%s: loaded", bad[i].decl);
        p = first_error(&r);
        if (!strstr(p->message, bad[i].what) || p->line < 2 || p->col < 3)
            fail_msg("%s: got %d:%d: %s", bad[i].decl, p->line, p->col, p->message);
        assert_non_null(strstr(p->file, "openday.json"));
        content_report_deinit(&r);
    }
}

/* An error in one language only (a German text over the length limit)
 * fails the whole set, so a reload keeps the last valid one: a kiosk
 * never switches into a broken language. */
static void one_broken_language_fails_the_set(void **state)
{
    (void)state;
    char *dir = scratch_copy("lang", CONTENT_NFILES);
    char p[600];
    snprintf(p, sizeof p, "%s/degrees.json", dir);
    char *text = scratch_read(p, NULL);
    const char *de = "\"de\": \"Die kreative Seite: Musik machen\"";
    char *at = strstr(text, de);
    assert_non_null(at);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    fwrite(text, 1, (size_t)(at - text), f);
    fputs("\"de\": \"", f);
    for (int i = 0; i < 5000; i++)
        fputc('x', f);
    fputs("\"", f);
    fputs(at + strlen(de), f);
    fclose(f);
    free(text);
    content_report r;
    content_report_init(&r);
    content *c = content_load(dir, &r);
    assert_null(c);
    assert_int_equal(r.errors, 1);
    const content_problem *e = first_error(&r);
    assert_string_equal(e->path, "degrees[0].tagline");
    assert_non_null(strstr(e->message, "longer than"));
    content_report_deinit(&r);
    scratch_remove(dir);
}

/* ---- the app, in simulated time ------------------------------------------------ */

static journey *start(int w, int h)
{
    return journey_start(w, h, NULL, fixture_measure());
}

/* The hit region of (action, arg), or NULL. */
static const scene_cmd *hit(journey *j, int action, int arg)
{
    const scene *s = app_scene(j->a);
    for (size_t i = 0; i < s->count; i++)
        if (s->cmds[i].kind == SCENE_HIT && s->cmds[i].action == action &&
            (arg < 0 || s->cmds[i].arg == arg))
            return &s->cmds[i];
    return NULL;
}

static void tap_hit(journey *j, int action, int arg)
{
    const scene_cmd *h = hit(j, action, arg);
    if (!h)
        fail_msg("no target for action %d arg %d", action, arg);
    tap(j, h->rect.x + h->rect.w / 2, h->rect.y + h->rect.h / 2);
}

static bool shows(journey *j, const char *text)
{
    const scene *s = app_scene(j->a);
    size_t n = strlen(text);
    for (size_t i = 0; i < s->count; i++)
        if (s->cmds[i].kind == SCENE_TEXT && s->cmds[i].len == n &&
            !memcmp(s->cmds[i].text, text, n))
            return true;
    return false;
}

/* The chooser's panel (its box on the chooser's level). */
static const scene_cmd *chooser_panel(journey *j)
{
    const scene *s = app_scene(j->a);
    for (size_t i = 0; i < s->count; i++)
        if (s->cmds[i].kind == SCENE_RECT && s->cmds[i].level == LAY_LEVEL_LANGUAGE)
            return &s->cmds[i];
    return NULL;
}

/* The chooser's rows: one per language, each at least the minimum target,
 * on screen, inside the chooser's panel; the panel never hides the button
 * that closes it (larger text on the 7-inch panel puts it over the bar); a
 * touch beside them only closes. */
static void chooser_hit_regions(void **state)
{
    (void)state;
    static const int sizes[][2] = { { 800, 480 }, { 720, 1280 }, { 1920, 1080 } };
    for (size_t v = 0; v < 6; v++) {
        size_t k = v % 3;
        bool large = v >= 3;
        journey *j = start(sizes[k][0], sizes[k][1]);
        assert_true(app_goto(j->a, "home", 0));
        app_access acc = { .large_text = large };
        app_set_access(j->a, &acc);
        run(j, 100);
        assert_null(hit(j, VIEW_ACT_LANGUAGE_SET, -1));
        tap_hit(j, VIEW_ACT_LANGUAGE, 0);
        assert_true(app_language_open(j->a));
        const scene_cmd *globe = hit(j, VIEW_ACT_LANGUAGE, -1), *panel = chooser_panel(j);
        assert_non_null(globe);
        assert_non_null(panel);
        if (!(panel->rect.x >= globe->rect.x + globe->rect.w ||
              panel->rect.x + panel->rect.w <= globe->rect.x ||
              panel->rect.y >= globe->rect.y + globe->rect.h ||
              panel->rect.y + panel->rect.h <= globe->rect.y))
            fail_msg("%dx%d%s: the chooser covers its button", sizes[k][0], sizes[k][1],
                     large ? " larger text" : "");
        lay_metrics m;
        lay_env env = { .w = sizes[k][0], .h = sizes[k][1], .measure = fixture_measure(),
                           .large_text = large };
        lay_metrics_compute(&env, &m);
        for (int i = 0; i < 2; i++) {
            const scene_cmd *h = hit(j, VIEW_ACT_LANGUAGE_SET, i);
            assert_non_null(h);
            assert_true(h->rect.w >= m.target - 0.01f && h->rect.h >= m.target - 0.01f);
            assert_true(h->rect.x >= 0 && h->rect.y >= 0 &&
                        h->rect.x + h->rect.w <= (float)sizes[k][0] &&
                        h->rect.y + h->rect.h <= (float)sizes[k][1]);
        }
        assert_true(shows(j, "English") && shows(j, "Deutsch") && shows(j, "Language"));
        /* A touch on a degree card under the chooser only closes it. */
        const scene_cmd *card = hit(j, VIEW_ACT_DEGREE, 0);
        assert_non_null(card);
        float cx = card->rect.x + 4, cy = card->rect.y + card->rect.h - 4;
        tap(j, cx, cy);
        assert_false(app_language_open(j->a));
        char name[64];
        app_place_name(j->a, name, sizeof name);
        assert_string_equal(name, "home");
        assert_int_equal(app_language(j->a), 0);
        finish(j);
    }
}

/* A visitor picks German on Home: every screen in German at once, the
 * place kept; the choice lasts through the visit, and the attract loop
 * brings English back. */
static void choice_and_reset(void **state)
{
    (void)state;
    journey *j = start(800, 480);
    tap(j, 400, 240); /* wake */
    char name[64];
    app_place_name(j->a, name, sizeof name);
    assert_string_equal(name, "home");
    assert_true(shows(j, "Back") && shows(j, "Home"));
    tap_hit(j, VIEW_ACT_LANGUAGE, 0);
    tap_hit(j, VIEW_ACT_LANGUAGE_SET, 1);
    assert_false(app_language_open(j->a));
    assert_int_equal(app_language(j->a), 1);
    assert_int_equal(app_languages_chosen(j->a), 1);
    app_place_name(j->a, name, sizeof name);
    assert_string_equal(name, "home");
    assert_true(shows(j, "Zur\xc3\xbc" "ck") && shows(j, "Start"));
    assert_false(shows(j, "Back"));
    /* Picking the language on screen again counts nothing. */
    tap_hit(j, VIEW_ACT_LANGUAGE, 0);
    tap_hit(j, VIEW_ACT_LANGUAGE_SET, 1);
    assert_int_equal(app_languages_chosen(j->a), 1);
    /* Further into the visit: still German. */
    tap_hit(j, VIEW_ACT_DEGREE, 1);
    app_place_name(j->a, name, sizeof name);
    assert_string_equal(name, "degree:music-technology");
    assert_true(shows(j, "Zur\xc3\xbc" "ck") && !shows(j, "Back"));
    /* A reload of the same content keeps the language and the place. */
    content *fresh = load_shipped();
    app_set_content(j->a, fresh);
    content_destroy(j->c);
    j->c = fresh;
    run(j, 100);
    assert_int_equal(app_language(j->a), 1);
    app_place_name(j->a, name, sizeof name);
    assert_string_equal(name, "degree:music-technology");
    /* Left alone: the warning, then the attract loop, in English again. */
    run(j, 89000);
    assert_int_equal(app_language(j->a), 1);
    run(j, 1500);
    app_place_name(j->a, name, sizeof name);
    assert_string_equal(name, "attract");
    assert_int_equal(app_language(j->a), 0);
    assert_true(shows(j, "Touch to explore"));
    finish(j);
}

/* The attract loop's button wakes the kiosk with the chooser open; any
 * other touch only wakes it. */
static void attract_button(void **state)
{
    (void)state;
    journey *j = start(1920, 1080);
    run(j, 100);
    const scene_cmd *h = hit(j, VIEW_ACT_LANGUAGE, 0);
    assert_non_null(h);
    assert_true(shows(j, "English \xc2\xb7 Deutsch"));
    tap(j, h->rect.x + h->rect.w / 2, h->rect.y + h->rect.h / 2);
    char name[64];
    app_place_name(j->a, name, sizeof name);
    assert_string_equal(name, "home");
    assert_true(app_language_open(j->a));
    tap_hit(j, VIEW_ACT_LANGUAGE_SET, 1);
    assert_int_equal(app_language(j->a), 1);
    finish(j);
}

/* Read aloud speaks in the chosen language's voice: the screen read again
 * when German is picked, in German, and in English after the visit. */
typedef struct {
    char lang[32];
    char text[256];
    size_t said;
} heard;

static void hear(void *ud, const reader_utterance *u)
{
    heard *h = ud;
    snprintf(h->lang, sizeof h->lang, "%s", u->lang);
    snprintf(h->text, sizeof h->text, "%s", u->text);
    h->said++;
}

static void speech_follows(void **state)
{
    (void)state;
    heard h = { "", "", 0 };
    content *c = load_shipped();
    app_config cfg;
    app_config_defaults(&cfg);
    cfg.speech_available = true;
    cfg.speech = (reader_sink){ &h, hear, NULL };
    lay_env env = { .w = 800, .h = 480, .measure = fixture_measure() };
    journey j = { .c = c, .a = app_create(c, &cfg, &env, 0), .w = 800, .h = 480 };
    assert_non_null(j.a);
    tap(&j, 400, 240);
    app_set_read_aloud(j.a, true);
    run(&j, 1000);
    assert_true(h.said > 0);
    assert_string_equal(h.lang, "en");
    /* Read aloud: a first touch speaks, a second activates. */
    tap_hit(&j, VIEW_ACT_LANGUAGE, 0);
    tap_hit(&j, VIEW_ACT_LANGUAGE, 0);
    assert_true(app_language_open(j.a));
    tap_hit(&j, VIEW_ACT_LANGUAGE_SET, 1);
    tap_hit(&j, VIEW_ACT_LANGUAGE_SET, 1);
    run(&j, 1000);
    assert_int_equal(app_language(j.a), 1);
    assert_string_equal(h.lang, "de");
    run(&j, 95000);
    assert_int_equal(app_language(j.a), 0);
    app_destroy(j.a);
    content_destroy(c);
}

/* Eight languages (the most): the chooser lists them all, in columns when
 * the rows would not fit under the bar, and passes the audit. */
static void eight_languages(void **state)
{
    (void)state;
    content_report r;
    char *dir = NULL;
    content *c = load_decl("  \"languages\": [\"en\", \"de\", \"cy\", \"fr\", \"es\", \"it\", "
                           "\"pl\", \"nl\"],",
                           &r, &dir);
    assert_non_null(c);
    content_report_deinit(&r);
    static const int sizes[][2] = { { 800, 480 }, { 720, 1280 }, { 1920, 1080 } };
    for (size_t k = 0; k < 3; k++) {
        app_config cfg;
        app_config_defaults(&cfg);
        lay_env env = { .w = sizes[k][0], .h = sizes[k][1], .measure = fixture_measure() };
        app *a = app_create(c, &cfg, &env, 0);
        assert_non_null(a);
        assert_true(app_goto(a, "home+languages", 0));
        const scene *s = app_scene(a);
        size_t rows = 0;
        for (size_t i = 0; i < s->count; i++)
            rows += s->cmds[i].kind == SCENE_HIT && s->cmds[i].action == VIEW_ACT_LANGUAGE_SET;
        assert_int_equal(rows, 8);
        static char report[16384];
        size_t n = audit_layout(s, &env, report, sizeof report);
        if (n)
            fail_msg("%dx%d: %s", sizes[k][0], sizes[k][1], report);
        app_destroy(a);
    }
    content_destroy(c);
    scratch_remove(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shipped_languages),
        cmocka_unit_test(fallback_to_the_default),
        cmocka_unit_test(bad_declarations),
        cmocka_unit_test(one_broken_language_fails_the_set),
        cmocka_unit_test(chooser_hit_regions),
        cmocka_unit_test(choice_and_reset),
        cmocka_unit_test(attract_button),
        cmocka_unit_test(speech_follows),
        cmocka_unit_test(eight_languages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
