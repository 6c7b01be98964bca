/* screen_quiz.h - "Which degree suits me?": question p->a with its
 * answers (the ranked degrees are screen_quiz_result.h). A page of the screen table (screen.h says what every
 * page function promises): draws in page coordinates through the toolkit
 * and returns the height of its content with the bottom padding. */
#ifndef OPENDAY_SCREEN_QUIZ_H
#define OPENDAY_SCREEN_QUIZ_H

#include "lay.h"

float screen_quiz_draw(lay *L, const view_place *p);
/* The quiz's answers so far (L->in->quiz; none without a frame input):
 * per question the chosen answer's number counted from 1, or 0. */
const signed char *screen_quiz_answers(const lay *L);

#endif
