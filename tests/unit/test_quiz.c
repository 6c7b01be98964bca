/* test_quiz.c - "Which degree suits me?": quiz.json loading and its
 * problems (FILE:LINE:COL), the ranking of the degrees, and the visitor's
 * way through it in the pure app in simulated time (answers, Back, the
 * result, opening a degree, the attract loop forgetting the answers). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app.h"
#include "content.h"
#include "quiz.h"
#include "view.h"
#include "fixture.h"
#include "scratch.h"

/* Load the shipped content with quiz.json replaced by text; expect exactly
 * one error, at line:col, whose message contains `what`. */
static void expect_problem(const char *text, int line, int col, const char *what)
{
    char *dir = scratch_copy("quiz", CONTENT_NFILES);
    scratch_write(dir, "quiz.json", text);
    content_report r;
    content_report_init(&r);
    content *c = content_load(dir, &r);
    if (c || r.errors != 1) {
        content_report_print(&r, stderr);
        fail_msg("expected one error in quiz.json");
    }
    const content_problem *p = NULL;
    for (size_t i = 0; i < r.count; i++)
        if (!r.items[i].warning)
            p = &r.items[i];
    assert_non_null(p);
    assert_non_null(strstr(p->file, "quiz.json"));
    if (p->line != line || p->col != col || !strstr(p->message, what))
        fail_msg("got %s:%d:%d: %s", p->file, p->line, p->col, p->message);
    content_report_deinit(&r);
    scratch_remove(dir);
}

/* Three questions of two answers; `q2` replaces the second question. */
static char *quiz_with(const char *q2)
{
    static char buf[2048];
    snprintf(buf, sizeof buf,
             "{\"schema\": 1, \"questions\": [\n"
             "{\"question\": \"A?\", \"answers\": [{\"answer\": \"x\", \"points\": "
             "{\"music-production\": 1}}, {\"answer\": \"y\", \"points\": "
             "{\"music-technology\": 1}}]},\n"
             "%s,\n"
             "{\"question\": \"C?\", \"answers\": [{\"answer\": \"x\", \"points\": "
             "{\"music-production\": 1}}, {\"answer\": \"y\", \"points\": "
             "{\"music-technology\": 1}}]}\n"
             "]}\n",
             q2);
    return buf;
}

static void shipped_quiz(void **state)
{
    (void)state;
    content *c = load_shipped();
    assert_true(c->n_questions >= CONTENT_QUIZ_MIN && c->n_questions <= CONTENT_QUIZ_MAX);
    for (size_t q = 0; q < c->n_questions; q++) {
        const content_question *qu = &c->questions[q];
        assert_true(qu->text[0]);
        assert_true(qu->n_answers >= CONTENT_ANSWERS_MIN && qu->n_answers <= CONTENT_ANSWERS_MAX);
        for (size_t a = 0; a < qu->n_answers; a++) {
            assert_true(qu->answers[a].n_degrees >= 1);
            for (size_t k = 0; k < qu->answers[a].n_degrees; k++) {
                assert_true(qu->answers[a].degrees[k] < c->n_degrees);
                assert_in_range(qu->answers[a].points[k], 1, CONTENT_POINTS_MAX);
            }
        }
    }
    assert_false(c->absent & (1u << 8));
    view_place p = { VIEW_SCREEN_QUIZ, (int)c->n_questions - 1, 0 };
    assert_true(view_place_valid(&p, c));
    p.a = (int)c->n_questions;
    assert_false(view_place_valid(&p, c));
    char name[64];
    p.a = 1;
    view_place_name(&p, c, name, sizeof name);
    assert_string_equal(name, "quiz:2");
    view_place back;
    assert_true(view_place_parse("quiz:2", c, &back));
    assert_int_equal(back.screen, VIEW_SCREEN_QUIZ);
    assert_int_equal(back.a, 1);
    assert_true(view_place_parse("quiz", c, &back));
    assert_int_equal(back.a, 0);
    assert_false(view_place_parse("quiz:0", c, &back));
    assert_false(view_place_parse("quiz:9", c, &back));
    assert_false(view_place_parse("quiz:1x", c, &back));
    content_destroy(c);
}

static void no_quiz_file(void **state)
{
    (void)state;
    char *dir = scratch_copy("quiz", CONTENT_NFILES);
    scratch_unlink(dir, "quiz.json");
    content *c = scratch_load_ok(dir);
    assert_int_equal(c->n_questions, 0);
    assert_true(c->absent & (1u << 8));
    view_place q = { VIEW_SCREEN_QUIZ, 0, 0 }, r = { VIEW_SCREEN_QUIZ_RESULT, 0, 0 };
    assert_false(view_place_valid(&q, c));
    assert_false(view_place_valid(&r, c));
    content_destroy(c);
    scratch_remove(dir);
    /* A model built in code has no quiz either. */
    c = content_create();
    assert_true(c->absent & (1u << 8));
    assert_int_equal(c->n_questions, 0);
    content_destroy(c);
}

static void bad_quiz(void **state)
{
    (void)state;
    expect_problem(quiz_with("{\"question\": \"B?\", \"answers\": [{\"answer\": \"x\", "
                             "\"points\": {\"music-prod\": 1}}, {\"answer\": \"y\", "
                             "\"points\": {\"music-technology\": 1}}]}"),
                   3, 73, "unknown degree \"music-prod\"");
    expect_problem(quiz_with("{\"question\": \"B?\", \"answers\": [{\"answer\": \"x\", "
                             "\"points\": {\"music-production\": 4}}, {\"answer\": \"y\", "
                             "\"points\": {\"music-technology\": 1}}]}"),
                   3, 79, "whole number from 1 to 3");
    expect_problem(quiz_with("{\"question\": \"B?\", \"answers\": [{\"answer\": \"x\", "
                             "\"points\": {\"music-production\": 1.5}}, {\"answer\": \"y\", "
                             "\"points\": {\"music-technology\": 1}}]}"),
                   3, 79, "whole number");
    expect_problem(quiz_with("{\"question\": \"B?\", \"answers\": [{\"answer\": \"x\", "
                             "\"points\": {\"music-production\": 1}}]}"),
                   3, 31, "between 2 and 4 answers; this has 1");
    expect_problem(quiz_with("{\"question\": \"B?\", \"answers\": [{\"answer\": \"x\", "
                             "\"points\": []}, {\"answer\": \"y\", "
                             "\"points\": {\"music-technology\": 1}}]}"),
                   3, 58, "must be an object naming at least one degree");
    expect_problem(quiz_with("{\"answers\": [{\"answer\": \"x\", \"points\": "
                             "{\"music-production\": 1}}, {\"answer\": \"y\", "
                             "\"points\": {\"music-technology\": 1}}]}"),
                   3, 1, "missing required field \"question\"");
    expect_problem("{\"schema\": 1, \"questions\": []}\n", 1, 28,
                   "between 3 and 6 questions; this has 0");
    expect_problem("{\"schema\": 1}\n", 1, 1, "missing required list \"questions\"");
}

static void ranking(void **state)
{
    (void)state;
    content *c = scratch_load_ok("tests/three");
    assert_int_equal(c->n_degrees, 3);
    assert_int_equal(c->n_questions, 3);
    size_t cs = content_find_degree(c, "computer-science");
    size_t se = content_find_degree(c, "software-engineering");
    size_t ee = content_find_degree(c, "electronic-engineering");
    quiz_place r[3];
    /* Nothing answered: every degree at 0, in the order of degrees.json. */
    signed char none[CONTENT_QUIZ_MAX] = { 0 };
    assert_int_equal(quiz_rank(c, none, CONTENT_QUIZ_MAX, r), 0);
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(r[i].degree, i);
        assert_int_equal(r[i].points, 0);
    }
    assert_int_equal(quiz_answered(c, none, CONTENT_QUIZ_MAX), 0);
    /* Circuits (EE 2), Physics (EE 2), soldering (EE 2): EE alone. */
    signed char ee_all[CONTENT_QUIZ_MAX] = { 2, 2, 2 };
    assert_int_equal(quiz_rank(c, ee_all, 3, r), 1);
    assert_int_equal(r[0].degree, ee);
    assert_int_equal(r[0].points, 6);
    assert_int_equal(r[1].points, 0);
    /* Programs (SE 2, CS 1), Mathematics (CS 2, EE 1), don't know (1 each):
     * CS 4, SE 3, EE 2. */
    signed char mixed[CONTENT_QUIZ_MAX] = { 1, 1, 4 };
    assert_int_equal(quiz_rank(c, mixed, 3, r), 3);
    assert_int_equal(r[0].degree, cs);
    assert_int_equal(r[0].points, 4);
    assert_int_equal(r[1].degree, se);
    assert_int_equal(r[1].points, 3);
    assert_int_equal(r[2].degree, ee);
    assert_int_equal(r[2].points, 2);
    assert_int_equal(quiz_points(c, 0, 1, se), 2);
    assert_int_equal(quiz_points(c, 0, 1, ee), 0);
    /* Answers the content does not have (a reload shortened the quiz)
     * count for nothing; the first question's still counts. */
    signed char stale[CONTENT_QUIZ_MAX] = { 1, 9, -3, 2 };
    assert_int_equal(quiz_answered(c, stale, CONTENT_QUIZ_MAX), 1);
    quiz_rank(c, stale, CONTENT_QUIZ_MAX, r);
    assert_int_equal(r[0].degree, se);
    assert_int_equal(r[0].points, 2);
    /* A tie keeps the order of degrees.json: "don't know" alone. */
    signed char tie[CONTENT_QUIZ_MAX] = { 0, 0, 4 };
    assert_int_equal(quiz_rank(c, tie, 3, r), 3);
    for (size_t i = 0; i < 3; i++)
        assert_int_equal(r[i].degree, i);
    content_destroy(c);
}

/* ---- the visitor's way through, in the pure app ---- */

typedef struct {
    app *a;
    uint64_t now;
} visit;

static void run(visit *v, uint64_t ms)
{
    for (uint64_t end = v->now + ms; v->now < end;) {
        v->now += 16;
        app_update(v->a, v->now);
        (void)app_scene(v->a);
    }
}

static void tap_at(visit *v, float x, float y)
{
    input_event ev = { .kind = INPUT_DOWN, .t_ms = v->now, .pointer = 1, .x = x, .y = y };
    app_input(v->a, &ev);
    run(v, 64);
    ev.kind = INPUT_UP;
    ev.t_ms = v->now;
    app_input(v->a, &ev);
    run(v, 500);
}

/* Tap the visible control for (action, arg); false when there is none. */
static bool tap(visit *v, int action, int arg)
{
    const scene *s = app_scene(v->a);
    for (size_t i = 0; i < s->count; i++) {
        const scene_cmd *c = &s->cmds[i];
        if (c->kind != SCENE_HIT || c->action != action || c->arg != arg ||
            (c->flags & SCENE_F_DISABLED))
            continue;
        float x = c->rect.x + c->rect.w / 2, y = c->rect.y + c->rect.h / 2;
        if (y < 0 || y > 1280 || scene_hit_test(s, x, y) != c)
            continue;
        tap_at(v, x, y);
        return true;
    }
    return false;
}

static bool shows(visit *v, const char *needle)
{
    return fixture_scene_shows(app_scene(v->a), needle);
}

static void expect_place(visit *v, const char *name)
{
    char buf[128];
    app_place_name(v->a, buf, sizeof buf);
    if (strcmp(buf, name))
        fail_msg("on %s, expected %s", buf, name);
}

static void journey(void **state)
{
    (void)state;
    content *c = load_shipped();
    app_config cfg;
    app_config_defaults(&cfg);
    cfg.attract_after_ms = 60000;
    lay_env env = { .w = 720, .h = 1280,
                       .measure = fixture_measure_bold() };
    visit v = { app_create(c, &cfg, &env, 0), 0 };
    assert_non_null(v.a);
    tap_at(&v, 360, 640); /* wake */
    expect_place(&v, "home");
    assert_true(tap(&v, VIEW_ACT_OPEN, VIEW_SCREEN_QUIZ));
    expect_place(&v, "quiz:1");
    assert_true(shows(&v, "Question 1 of 4"));
    /* Every answer is a big button. */
    lay_metrics m;
    lay_metrics_compute(&env, &m);
    const scene *s = app_scene(v.a);
    size_t buttons = 0;
    for (size_t i = 0; i < s->count; i++)
        if (s->cmds[i].kind == SCENE_HIT && s->cmds[i].action == VIEW_ACT_ANSWER) {
            buttons++;
            assert_true(s->cmds[i].rect.h >= m.target && s->cmds[i].rect.w >= m.target);
        }
    assert_int_equal(buttons, c->questions[0].n_answers);
    /* Acoustics (question 2, answer 2) and the rest for Technology. */
    assert_true(tap(&v, VIEW_ACT_ANSWER, 1));
    expect_place(&v, "quiz:2");
    assert_true(shows(&v, "Question 2 of 4"));
    /* Back to question 1: the answer given is kept; answer it again. */
    assert_true(tap(&v, VIEW_ACT_BACK, 0));
    expect_place(&v, "quiz:1");
    assert_true(tap(&v, VIEW_ACT_ANSWER, 0));
    assert_true(tap(&v, VIEW_ACT_ANSWER, 1));
    expect_place(&v, "quiz:3");
    assert_true(tap(&v, VIEW_ACT_ANSWER, 1));
    expect_place(&v, "quiz:4");
    assert_true(tap(&v, VIEW_ACT_ANSWER, 1));
    expect_place(&v, "quiz-result");
    /* Production 2 (write a song); Technology 2 + 1 + 2 = 5: first. */
    assert_true(shows(&v, "1. Music Technology"));
    assert_true(shows(&v, "2. Music Production"));
    assert_true(shows(&v, "5 points"));
    assert_true(shows(&v, "Acoustics:"));
    assert_true(shows(&v, "Write a song"));
    assert_false(shows(&v, "Build a new")); /* answer changed */
    /* Open the top degree, and come Back to the result. */
    size_t mt = content_find_degree(c, "music-technology");
    assert_true(tap(&v, VIEW_ACT_DEGREE, (int)mt));
    expect_place(&v, "degree:music-technology");
    assert_true(tap(&v, VIEW_ACT_BACK, 0));
    expect_place(&v, "quiz-result");
    assert_true(shows(&v, "1. Music Technology"));
    /* The visit ends: the answers go with it. */
    run(&v, 61000);
    expect_place(&v, "attract");
    assert_true(app_goto(v.a, "quiz-result", v.now));
    run(&v, 500);
    assert_false(shows(&v, "points"));
    assert_true(shows(&v, "None of your answers pointed here"));
    /* "quiz-result:..." sets answers for screenshots; Start again clears them. */
    assert_true(app_goto(v.a, "quiz-result:1,1,1,1", v.now));
    run(&v, 500);
    assert_true(shows(&v, "1. Music Production"));
    /* One point, in the singular: Production's only point is Ableton
     * (question 3, answer 1). */
    assert_true(app_goto(v.a, "quiz-result:3,2,1,2", v.now));
    run(&v, 500);
    assert_true(shows(&v, "1 point"));
    assert_false(shows(&v, "1 points"));
    assert_false(app_goto(v.a, "quiz-result:1,1,1", v.now));
    assert_false(app_goto(v.a, "quiz-result:1,1,1,9", v.now));
    assert_true(tap(&v, VIEW_ACT_ANSWER, -1));
    expect_place(&v, "quiz:1");
    assert_true(app_goto(v.a, "quiz-result", v.now));
    run(&v, 500);
    assert_false(shows(&v, "1. Music Production"));
    app_destroy(v.a);
    content_destroy(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shipped_quiz),
        cmocka_unit_test(no_quiz_file),
        cmocka_unit_test(bad_quiz),
        cmocka_unit_test(ranking),
        cmocka_unit_test(journey),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
