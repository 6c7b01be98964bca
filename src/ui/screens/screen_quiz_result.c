/* screen_quiz_result.c - the quiz's result: every degree ranked by the
 * visitor's answers (L->in->quiz, read through screen_quiz_answers), each
 * with a button that opens it, its points in words and the answers that
 * gave them. See screen_quiz_result.h and, for the rules, screen_quiz.c. */
#include "screen_quiz_result.h"

#include <stdio.h>
#include <string.h>
#include "quiz.h"
#include "screen_quiz.h"

typedef struct {
    size_t rank;          /* counted from 1 */
    quiz_place place;
    float pill_w, pill_h;
} result_ctx;

static float result_body(lay *L, float x, float y, float w, int box, const void *ctx)
{
    const result_ctx *r = ctx;
    const content *c = L->c;
    const lay_metrics *m = &L->m;
    const content_degree *d = &c->degrees[r->place.degree];
    float yy = y;
    lay_pill open;
    memset(&open, 0, sizeof open);
    /* Only degrees that scored are numbered: the rest share last place. */
    const char *label = d->name;
    if (r->place.points > 0) {
        char buf[512];
        int len = snprintf(buf, sizeof buf, "%zu. %s", r->rank, d->name);
        /* The scene borrows what it draws: keep the label in it. */
        const char *kept = len > 0 && (size_t)len < sizeof buf
                               ? scene_strdup(L->s, buf, (size_t)len) : NULL;
        if (kept)
            label = kept;
    }
    open.text = label;
    open.font = SCENE_FONT_BOLD;
    open.size = m->h3;
    open.bg = lay_col(L, CONTENT_COLOR_SURFACE_ALT);
    open.fg = lay_col(L, CONTENT_COLOR_TEXT);
    open.dot = d->color;
    open.chevron = 1;
    open.action = VIEW_ACT_DEGREE;
    open.arg = (int)r->place.degree;
    open.wide = true;
    float pw, ph;
    lay_pill_size(L, &open, w, &pw, &ph);
    lay_pill_draw(L, &open, (od_rect){ x, yy, w, ph }, box);
    yy += ph + m->unit * 8;
    lay_style pts = lay_style_of(L, SCENE_FONT_BOLD, m->body, CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
    lay_style muted = lay_style_of(L, SCENE_FONT_REGULAR, m->body, CONTENT_COLOR_MUTED, LAY_ALIGN_LEFT);
    lay_style why = lay_style_of(L, SCENE_FONT_REGULAR, m->body, CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
    pts.copy = true;
    if (r->place.points <= 0) {
        lay_stack(&yy, lay_text(L, &muted, x, yy, w, lay_str(L, CONTENT_STR_QUIZ_NONE), box), 0);
        return yy - y;
    }
    char num[24];
    snprintf(num, sizeof num, "%d", r->place.points);
    const char *tpl = lay_str(L, r->place.points == 1 ? CONTENT_STR_QUIZ_POINT : CONTENT_STR_QUIZ_POINTS);
    lay_stack(&yy, lay_text(L, &pts, x, yy, w, lay_fill(L, tpl, "{points}", num), box),
              m->unit * 4);
    lay_stack(&yy, lay_text(L, &muted, x, yy, w, lay_str(L, CONTENT_STR_QUIZ_BECAUSE), box),
              m->unit * 4);
    /* The answers that counted, each on its own line after a bullet. */
    const signed char *ans = screen_quiz_answers(L);
    float bullet = lay_tw(L, SCENE_FONT_REGULAR, m->body, "\u2022 ", strlen("\u2022 "));
    for (size_t q = 0; q < c->n_questions && q < CONTENT_QUIZ_MAX; q++) {
        if (quiz_points(c, q, ans[q], r->place.degree) <= 0)
            continue;
        lay_text(L, &why, x, yy, bullet, "\u2022", box);
        lay_stack(&yy, lay_text(L, &why, x + bullet, yy, w - bullet,
                                c->questions[q].answers[ans[q] - 1].text, box),
                  m->unit * 4);
    }
    return yy - y;
}

float screen_quiz_result_draw(lay *L, const view_place *p)
{
    (void)p;
    const content *c = L->c;
    const lay_metrics *m = &L->m;
    /* The degrees side by side where the screen is wide enough for cards
     * of at least 20 body-em (a monitor or a wall shows them all at once,
     * in the ranked order, left to right), else one under the other in a
     * reading column. Rows are balanced (lay_balance) and the cards of a
     * row share its height. */
    size_t n = c->n_degrees;
    float wx, ww;
    lay_column(L, 100, &wx, &ww);
    size_t cols = n ? lay_fit_cols(ww, 20.0f * m->body, m->gap) : 1;
    if (cols > n)
        cols = n ? n : 1;
    if (cols > 4)
        cols = 4;
    float cx, cw;
    if (cols > 1) {
        /* No wider than the cards need: 30 body-em each at most. */
        float most = (float)cols * 30.0f * m->body + m->gap * (float)(cols - 1);
        cw = ww < most ? ww : most;
        cx = (L->W - cw) / 2;
    } else {
        lay_column(L, 38, &cx, &cw);
    }
    float y = lay_top_pad(L);
    lay_style sub = lay_style_of(L, SCENE_FONT_REGULAR, m->body, CONTENT_COLOR_MUTED, LAY_ALIGN_LEFT);
    lay_stack(&y, lay_text(L, &sub, cx, y, cw, lay_str(L, CONTENT_STR_QUIZ_RESULT_HINT), -1), m->gap);
    quiz_place *rank = n ? lay_alloc(L, n * sizeof *rank) : NULL;
    if (rank) {
        quiz_rank(c, screen_quiz_answers(L), c->n_questions < CONTENT_QUIZ_MAX ? c->n_questions
                                                                     : CONTENT_QUIZ_MAX, rank);
        size_t rows = lay_balance_rows(n, cols), full = lay_balance_count(n, rows, 0);
        float cellw = (cw - m->gap * (float)(full - 1)) / (float)full;
        size_t i = 0;
        for (size_t row = 0; row < rows; row++) {
            size_t count = lay_balance_count(n, rows, row);
            float rowh = 0;
            for (size_t k = 0; k < count; k++) {
                result_ctx r = { i + k + 1, rank[i + k], 0, 0 };
                float h = lay_measure_fn(L, cellw - 2 * m->pad, result_body, &r) + 2 * m->pad;
                if (h > rowh)
                    rowh = h;
            }
            float rw = cellw * (float)count + m->gap * (float)(count - 1);
            float x = cx + (cw - rw) / 2;
            for (size_t k = 0; k < count; k++, i++) {
                result_ctx r = { i + 1, rank[i], 0, 0 };
                lay_card(L, x, y, cellw, rowh, m->pad, lay_col(L, CONTENT_COLOR_SURFACE), result_body,
                         &r, -1);
                x += cellw + m->gap;
            }
            y += rowh + m->gap;
        }
    }
    /* Start again: every answer forgotten, back to the first question. */
    lay_pill again;
    memset(&again, 0, sizeof again);
    again.text = lay_str(L, CONTENT_STR_QUIZ_AGAIN);
    again.font = SCENE_FONT_BOLD;
    again.size = m->body;
    again.bg = lay_col(L, CONTENT_COLOR_SURFACE_ALT);
    again.fg = lay_col(L, CONTENT_COLOR_TEXT);
    again.action = VIEW_ACT_ANSWER;
    again.arg = -1;
    again.round = true;
    float aw, ah;
    lay_pill_size(L, &again, cw, &aw, &ah);
    lay_pill_draw(L, &again, (od_rect){ cx, y, aw, ah }, -1);
    y += ah;
    return y + lay_bottom_pad(L);
}
