/* screen_quiz_result.h - the quiz's result: the degrees ranked by the
 * answers in L->in->quiz. A page of the screen table (screen.h says what every
 * page function promises): draws in page coordinates through the toolkit
 * and returns the height of its content with the bottom padding. */
#ifndef OPENDAY_SCREEN_QUIZ_RESULT_H
#define OPENDAY_SCREEN_QUIZ_RESULT_H

#include "lay.h"

float screen_quiz_result_draw(lay *L, const view_place *p);

#endif
