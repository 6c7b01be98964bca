/* screen.c - the screen table. See screen.h. */
#include "screen.h"
#include "parts.h"

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

#include <math.h>

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

/* A page shorter than its view on a roomy screen (parts_roomy: the monitor,
 * the wall, a portrait panel) is moved down to the middle of the view: at
 * the top it would leave most of the screen bare below a small block, which
 * reads as something missing (and in portrait puts it out of reach); a
 * page that fills two thirds of its view or more stays at the top.
 * Measured with a dry run; other screens, and pages that fill or scroll,
 * are drawn as they are. */
static float balanced(lay *L, const view_place *p, float (*body)(lay *, const view_place *))
{
    if (!parts_roomy(L) || L->dry)
        return body(L, p);
    L->dry = true;
    float h = body(L, p);
    L->dry = false;
    /* Only a page that leaves more than a third of its view bare: a fuller
     * one reads as a page from its top. */
    float off = L->view_h - h > L->view_h / 3 ? floorf((L->view_h - h) / 2) : 0;
    L->oy += off;
    float drawn = body(L, p);
    L->oy -= off;
    return drawn + off;
}

#define BALANCED(fn)                                              \
    static float fn##_balanced(lay *L, const view_place *p)      \
    {                                                             \
        return balanced(L, p, fn);                                \
    }
BALANCED(screen_home_draw)
BALANCED(screen_degree_draw)
BALANCED(screen_compare_draw)
BALANCED(screen_careers_draw)
BALANCED(screen_career_draw)
BALANCED(screen_babs_draw)
BALANCED(screen_about_draw)
BALANCED(screen_today_draw)
BALANCED(screen_quiz_draw)
BALANCED(screen_quiz_result_draw)

static const screen_def table[VIEW_SCREEN_COUNT] = {
    [VIEW_SCREEN_ATTRACT] = { "attract", VIEW_PARAM_NONE, SCREEN_TITLE_NONE, NULL, VIEW_ACT_NONE, true,
                         screen_attract_draw },
    [VIEW_SCREEN_HOME] = { "home", VIEW_PARAM_NONE, SCREEN_TITLE_SITE, NULL, VIEW_ACT_NONE, false,
                      screen_home_draw_balanced },
    [VIEW_SCREEN_DEGREE] = { "degree", VIEW_PARAM_DEGREE, SCREEN_TITLE_SUBJECT, NULL, VIEW_ACT_DEGREE,
                        false, screen_degree_draw_balanced },
    [VIEW_SCREEN_COMPARE] = { "compare", VIEW_PARAM_DEGREE_PAIR, CONTENT_STR_COMPARE, NULL, VIEW_ACT_COMPARE,
                         false, screen_compare_draw_balanced },
    [VIEW_SCREEN_CAREERS] = { "careers", VIEW_PARAM_DEGREE_PICK, CONTENT_STR_CAREERS, has_careers, VIEW_ACT_CAREERS,
                         false, screen_careers_draw_balanced },
    [VIEW_SCREEN_CAREER] = { "career", VIEW_PARAM_CAREER, CONTENT_STR_CAREERS, NULL, VIEW_ACT_CAREER, false,
                        screen_career_draw_balanced },
    [VIEW_SCREEN_BABS] = { "ba-bs", VIEW_PARAM_NONE, CONTENT_STR_BA_BS, NULL, VIEW_ACT_BABS, false,
                      screen_babs_draw_balanced },
    [VIEW_SCREEN_ABOUT] = { "about", VIEW_PARAM_NONE, CONTENT_STR_ABOUT, NULL, VIEW_ACT_ABOUT, false,
                       screen_about_draw_balanced },
    [VIEW_SCREEN_TODAY] = { "today", VIEW_PARAM_UNFOLD, CONTENT_STR_TODAY, has_talks, VIEW_ACT_TODAY, false,
                       screen_today_draw_balanced },
    [VIEW_SCREEN_QUIZ] = { "quiz", VIEW_PARAM_QUESTION, CONTENT_STR_QUIZ, has_quiz, VIEW_ACT_NONE, false,
                      screen_quiz_draw_balanced },
    [VIEW_SCREEN_QUIZ_RESULT] = { "quiz-result", VIEW_PARAM_NONE, CONTENT_STR_QUIZ_RESULT, has_quiz,
                             VIEW_ACT_NONE, false, screen_quiz_result_draw_balanced },
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
