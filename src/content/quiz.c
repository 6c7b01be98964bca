/* quiz.c - adding up the quiz. See quiz.h. */
#include "quiz.h"

#include <stdlib.h>

static const content_answer *chosen(const content *c, size_t q, int answer)
{
    if (q >= c->n_questions || answer < 1 || (size_t)answer > c->questions[q].n_answers)
        return NULL;
    return &c->questions[q].answers[answer - 1];
}

int quiz_points(const content *c, size_t q, int answer, size_t d)
{
    const content_answer *a = chosen(c, q, answer);
    int sum = 0;
    for (size_t i = 0; a && i < a->n_degrees; i++)
        if (a->degrees[i] == d)
            sum += a->points[i];
    return sum;
}

size_t quiz_answered(const content *c, const signed char *answers, size_t n)
{
    size_t k = 0;
    for (size_t q = 0; q < n; q++)
        k += chosen(c, q, answers[q]) != NULL;
    return k;
}

size_t quiz_rank(const content *c, const signed char *answers, size_t n, quiz_place *out)
{
    size_t scored = 0;
    for (size_t d = 0; d < c->n_degrees; d++) {
        int sum = 0;
        for (size_t q = 0; q < n; q++)
            sum += quiz_points(c, q, answers[q], d);
        out[d] = (quiz_place){ d, sum };
        scored += sum > 0;
    }
    /* Insertion sort: stable (ties keep the order of degrees.json) and the
     * lists are short (one screen of degrees). */
    for (size_t i = 1; i < c->n_degrees; i++) {
        quiz_place x = out[i];
        size_t j = i;
        for (; j > 0 && out[j - 1].points < x.points; j--)
            out[j] = out[j - 1];
        out[j] = x;
    }
    return scored;
}
