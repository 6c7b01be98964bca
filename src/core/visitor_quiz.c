/* visitor_quiz.c - the visitor's quiz answers. See visitor_quiz.h. */
#include "visitor_quiz.h"

#include <stdlib.h>
#include <string.h>

#include "quiz.h"

void visitor_quiz_clear(visitor_quiz *q)
{
    memset(q->answers, 0, sizeof q->answers);
}

bool visitor_quiz_answer(visitor_quiz *q, const content *c, size_t question, int answer)
{
    if (question >= c->n_questions || question >= CONTENT_QUIZ_MAX || answer < 0 ||
        (size_t)answer >= c->questions[question].n_answers)
        return false;
    q->answers[question] = (signed char)(answer + 1);
    return true;
}

bool visitor_quiz_parse(visitor_quiz *q, const content *c, const char *s)
{
    signed char a[CONTENT_QUIZ_MAX] = { 0 };
    for (size_t i = 0; i < c->n_questions; i++) {
        char *end;
        long k = strtol(s, &end, 10);
        if (end == s || k < 1 || (size_t)k > c->questions[i].n_answers ||
            (*end != (i + 1 < c->n_questions ? ',' : '\0')))
            return false;
        a[i] = (signed char)k;
        s = end + 1;
    }
    memcpy(q->answers, a, sizeof a);
    return true;
}

size_t visitor_quiz_top(const visitor_quiz *q, const content *c)
{
    /* The first of the most points: a later degree must do better, not as
     * well, to take the place (quiz_rank's order). */
    size_t best = (size_t)-1;
    int best_points = 0;
    for (size_t d = 0; d < c->n_degrees; d++) {
        int p = 0;
        for (size_t i = 0; i < c->n_questions && i < CONTENT_QUIZ_MAX; i++)
            p += quiz_points(c, i, q->answers[i], d);
        if (p > best_points) {
            best_points = p;
            best = d;
        }
    }
    return best;
}
