/* quiz.h - "Which degree suits me?": the visitor's answers (content.questions)
 * added up into a ranking of the degrees.
 *
 * Pure: nothing is kept here. The caller holds the answers (the app, for
 * the length of one visit) as one entry per question: the number of the
 * chosen answer counted from 1, or QUIZ_UNANSWERED (0, so zeroed storage
 * is a quiz not yet begun). Entries that do not name an answer of
 * the content (a reload changed the quiz) count as unanswered. */
#ifndef OPENDAY_QUIZ_H
#define OPENDAY_QUIZ_H

#include <stddef.h>
#include "content.h"

#define QUIZ_UNANSWERED 0

typedef struct {
    size_t degree;   /* index into content.degrees */
    int points;      /* the sum of the points the chosen answers gave it */
} quiz_place;

/* Points the chosen answer number `answer` (from 1) of question q gives degree d (0 for
 * none, or an answer the content does not have). */
int quiz_points(const content *c, size_t q, int answer, size_t d);

/* Rank every degree by its points from answers[0..n) (n at most
 * CONTENT_QUIZ_MAX; questions beyond the content's are ignored): most
 * points first, ties in the order of degrees.json. Writes c->n_degrees
 * entries into out (room for that many) and returns how many have points. */
size_t quiz_rank(const content *c, const signed char *answers, size_t n, quiz_place *out);

/* How many of answers[0..n) choose an answer the content has. */
size_t quiz_answered(const content *c, const signed char *answers, size_t n);

#endif
