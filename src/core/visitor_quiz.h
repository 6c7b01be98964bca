/* visitor_quiz.h - the answers one visitor has given the quiz ("Which
 * degree suits me?", quiz.json), kept for the visit.
 *
 * Per question the chosen answer counted from 1, QUIZ_UNANSWERED (0) for
 * none: the form quiz.h ranks and the layout draws (lay_frame_in.quiz),
 * so zeroed storage is a quiz not yet begun. The caller owns the struct
 * (the app holds one) and the content it is checked against; nothing here
 * allocates or fails except as each function says. */
#ifndef OPENDAY_VISITOR_QUIZ_H
#define OPENDAY_VISITOR_QUIZ_H

#include <stdbool.h>
#include <stddef.h>
#include "content.h"

typedef struct {
    signed char answers[CONTENT_QUIZ_MAX];
} visitor_quiz;

/* Forget every answer: a new visit, or "start again". */
void visitor_quiz_clear(visitor_quiz *q);
/* Answer `answer` (an index from 0) to question `question`; false, and
 * nothing kept, when c has no such question or answer. */
bool visitor_quiz_answer(visitor_quiz *q, const content *c, size_t question, int answer);
/* Every answer at once from "2,1,3" (one number a question of c, counted
 * from 1: screenshots and tests); false, and q unchanged, when the text
 * does not name an answer of each question. */
bool visitor_quiz_parse(visitor_quiz *q, const content *c, const char *s);
/* The degree the answers put first (most points, ties in the order of
 * degrees.json, as quiz_rank orders them), or (size_t)-1 when no degree
 * has a point. */
size_t visitor_quiz_top(const visitor_quiz *q, const content *c);

#endif
