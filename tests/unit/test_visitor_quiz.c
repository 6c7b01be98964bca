/* test_visitor_quiz.c - the visitor's quiz answers (visitor_quiz.h): an
 * answer is kept only when the content has it, "2,1,3" sets them all or
 * none, clearing forgets them, and the degree ranked first is the one with
 * the most points, the earlier degree on a tie, none without points. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "quiz.h"
#include "visitor_quiz.h"

static void *alloc(size_t n)
{
    void *p = calloc(1, n);
    assert_non_null(p);
    return p;
}

/* Degrees "a", "b", "c"; three questions of two answers each, answer j of
 * question q giving `points` to degree (q + j) % 3. */
static content *three_questions(int points)
{
    content *c = content_create();
    static const char *const ids[] = { "a", "b", "c" };
    c->degrees = alloc(3 * sizeof *c->degrees);
    for (size_t d = 0; d < 3; d++) {
        content_degree *g = &c->degrees[d];
        g->id = strdup(ids[d]);
        g->name = strdup(ids[d]);
        g->award = strdup("");
        g->tagline = strdup("");
        g->focus = strdup("");
        g->hands_on = strdup("");
        g->careers_note = strdup("");
        g->url = strdup("");
        g->image = strdup("");
        c->n_degrees++;
    }
    c->questions = alloc(3 * sizeof *c->questions);
    for (size_t q = 0; q < 3; q++) {
        content_question *qu = &c->questions[q];
        qu->text = strdup("?");
        qu->answers = alloc(2 * sizeof *qu->answers);
        for (size_t j = 0; j < 2; j++) {
            content_answer *an = &qu->answers[j];
            an->text = strdup("!");
            an->degrees = alloc(sizeof *an->degrees);
            an->points = alloc(sizeof *an->points);
            an->degrees[0] = (q + j) % 3;
            an->points[0] = points;
            an->n_degrees = 1;
            qu->n_answers++;
        }
        c->n_questions++;
    }
    content_link(c);
    return c;
}

static void answers_kept_only_when_the_content_has_them(void **state)
{
    (void)state;
    content *c = three_questions(2);
    visitor_quiz q;
    visitor_quiz_clear(&q);
    for (size_t i = 0; i < CONTENT_QUIZ_MAX; i++)
        assert_int_equal(q.answers[i], QUIZ_UNANSWERED);
    assert_true(visitor_quiz_answer(&q, c, 0, 1));
    assert_int_equal(q.answers[0], 2); /* counted from 1 */
    assert_true(visitor_quiz_answer(&q, c, 2, 0));
    assert_int_equal(q.answers[2], 1);
    /* No such answer, no such question: nothing kept. */
    assert_false(visitor_quiz_answer(&q, c, 1, 2));
    assert_false(visitor_quiz_answer(&q, c, 1, -1));
    assert_false(visitor_quiz_answer(&q, c, 3, 0));
    assert_false(visitor_quiz_answer(&q, c, CONTENT_QUIZ_MAX, 0));
    assert_int_equal(q.answers[1], QUIZ_UNANSWERED);
    assert_int_equal(quiz_answered(c, q.answers, CONTENT_QUIZ_MAX), 2);
    visitor_quiz_clear(&q);
    assert_int_equal(quiz_answered(c, q.answers, CONTENT_QUIZ_MAX), 0);
    content_destroy(c);
}

static void parse_sets_all_or_nothing(void **state)
{
    (void)state;
    content *c = three_questions(1);
    visitor_quiz q;
    visitor_quiz_clear(&q);
    assert_true(visitor_quiz_parse(&q, c, "2,1,2"));
    assert_int_equal(q.answers[0], 2);
    assert_int_equal(q.answers[1], 1);
    assert_int_equal(q.answers[2], 2);
    static const char *const bad[] = { "", "1,1", "1,1,1,1", "1,3,1", "0,1,1", "1,1,x",
                                       "1;1;1", "1,1,1," };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_false(visitor_quiz_parse(&q, c, bad[i]));
        /* Unchanged. */
        assert_int_equal(q.answers[0], 2);
        assert_int_equal(q.answers[1], 1);
        assert_int_equal(q.answers[2], 2);
    }
    content_destroy(c);
}

static void top_degree_by_points_then_order(void **state)
{
    (void)state;
    content *c = three_questions(3);
    visitor_quiz q;
    visitor_quiz_clear(&q);
    assert_int_equal(visitor_quiz_top(&q, c), (size_t)-1);
    /* Question 0 answer 1 gives b, question 1 answer 1 gives c: a tie, b
     * comes first in the list. */
    assert_true(visitor_quiz_answer(&q, c, 0, 1));
    assert_true(visitor_quiz_answer(&q, c, 1, 1));
    assert_int_equal(visitor_quiz_top(&q, c), 1);
    /* Question 2 answer 0 gives c: c leads. */
    assert_true(visitor_quiz_answer(&q, c, 2, 0));
    assert_int_equal(visitor_quiz_top(&q, c), 2);
    /* The same as quiz_rank's first place. */
    quiz_place rank[3];
    assert_int_equal(quiz_rank(c, q.answers, CONTENT_QUIZ_MAX, rank), 2);
    assert_int_equal(rank[0].degree, 2);
    content_destroy(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(answers_kept_only_when_the_content_has_them),
        cmocka_unit_test(parse_sets_all_or_nothing),
        cmocka_unit_test(top_degree_by_points_then_order),
    };
    return cmocka_run_group_tests_name("visitor_quiz", tests, NULL, NULL);
}
