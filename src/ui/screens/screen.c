/* screen.c - the screen table. See screen.h. */
#include "screen.h"

#include "screen_about.h"
#include "screen_attract.h"
#include "screen_babs.h"
#include "screen_career.h"
#include "screen_careers.h"
#include "screen_compare.h"
#include "screen_degree.h"
#include "screen_home.h"
#include "screen_quiz.h"
#include "screen_quiz_result.h"
#include "screen_today.h"

static bool has_careers(const content *c)
{
    return c->n_careers > 0;
}

static bool has_talks(const content *c)
{
    return c->n_talks > 0;
}

static bool has_quiz(const content *c)
{
    return c->n_questions > 0;
}

static const screen_def table[VIEW_SCREEN_COUNT] = {
    [VIEW_SCREEN_ATTRACT] = { "attract", VIEW_PARAM_NONE, SCREEN_TITLE_NONE, NULL, VIEW_ACT_NONE, true,
                         screen_attract_draw },
    [VIEW_SCREEN_HOME] = { "home", VIEW_PARAM_NONE, SCREEN_TITLE_SITE, NULL, VIEW_ACT_NONE, false,
                      screen_home_draw },
    [VIEW_SCREEN_DEGREE] = { "degree", VIEW_PARAM_DEGREE, SCREEN_TITLE_SUBJECT, NULL, VIEW_ACT_DEGREE,
                        false, screen_degree_draw },
    [VIEW_SCREEN_COMPARE] = { "compare", VIEW_PARAM_DEGREE_PAIR, CONTENT_STR_COMPARE, NULL, VIEW_ACT_COMPARE,
                         false, screen_compare_draw },
    [VIEW_SCREEN_CAREERS] = { "careers", VIEW_PARAM_DEGREE_PICK, CONTENT_STR_CAREERS, has_careers, VIEW_ACT_CAREERS,
                         false, screen_careers_draw },
    [VIEW_SCREEN_CAREER] = { "career", VIEW_PARAM_CAREER, CONTENT_STR_CAREERS, NULL, VIEW_ACT_CAREER, false,
                        screen_career_draw },
    [VIEW_SCREEN_BABS] = { "ba-bs", VIEW_PARAM_NONE, CONTENT_STR_BA_BS, NULL, VIEW_ACT_BABS, false,
                      screen_babs_draw },
    [VIEW_SCREEN_ABOUT] = { "about", VIEW_PARAM_NONE, CONTENT_STR_ABOUT, NULL, VIEW_ACT_ABOUT, false,
                       screen_about_draw },
    [VIEW_SCREEN_TODAY] = { "today", VIEW_PARAM_UNFOLD, CONTENT_STR_TODAY, has_talks, VIEW_ACT_TODAY, false,
                       screen_today_draw },
    [VIEW_SCREEN_QUIZ] = { "quiz", VIEW_PARAM_QUESTION, CONTENT_STR_QUIZ, has_quiz, VIEW_ACT_NONE, false,
                      screen_quiz_draw },
    [VIEW_SCREEN_QUIZ_RESULT] = { "quiz-result", VIEW_PARAM_NONE, CONTENT_STR_QUIZ_RESULT, has_quiz,
                             VIEW_ACT_NONE, false, screen_quiz_result_draw },
};

const screen_def *screen_get(view_screen s)
{
    return (int)s >= 0 && s < VIEW_SCREEN_COUNT ? &table[s] : NULL;
}

const char *screen_title(const content *c, const view_place *p)
{
    const screen_def *d = screen_get(p->screen);
    if (!d)
        return "";
    switch (d->title) {
    case SCREEN_TITLE_NONE:
        return "";
    case SCREEN_TITLE_SITE:
        return c->title;
    case SCREEN_TITLE_SUBJECT:
        /* Checked here too: the header may show a page being left. */
        if (d->param == VIEW_PARAM_DEGREE)
            return p->a >= 0 && (size_t)p->a < c->n_degrees ? c->degrees[p->a].name : "";
        if (d->param == VIEW_PARAM_CAREER)
            return p->a >= 0 && (size_t)p->a < c->n_careers ? c->careers[p->a].name : "";
        return "";
    default:
        return d->title >= 0 && d->title < CONTENT_STR_COUNT ? c->strings[d->title] : "";
    }
}
