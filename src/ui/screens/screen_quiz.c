/* screen_quiz.c - "Which degree suits me?" (quiz.json): one question a
 * screen; the degrees ranked by the answers are screen_quiz_result.c.
 *
 * A question shows where the visitor is twice over: a row of dots (the
 * ones done filled, the rest hollow rings, the current one wider, so shape
 * carries it as well as colour) and the words "Question 2 of 4". Each
 * answer is a full-width button at least metrics.target tall (VIEW_ACT_ANSWER
 * with the answer's index); the answer chosen before, when the visitor came
 * Back, carries a disc before its words and an accent outline.
 *
 * The result lists every degree, most points first, each with a button
 * that opens it (VIEW_ACT_DEGREE), its points in words and the answers that
 * gave them ("Because you chose"); degrees no answer pointed to follow,
 * saying so. The answers come from L->in->quiz (the app keeps them for the
 * visit only). */
#include "screen_quiz.h"

#include "parts.h"
#include "quiz.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const signed char *screen_quiz_answers(const lay *L)
{
    static const signed char none[CONTENT_QUIZ_MAX];
    return L->in ? L->in->quiz : none;
}

/* The progress dots of question q of n from x (40 + 28 (n - 1) units
 * wide); returns the height. */
static float progress_dots(lay *L, float x, float y, size_t q, size_t n)
{
    float u = L->m.unit, d = 16.0f * u, sp = 12.0f * u, cur = 40.0f * u;
    float px = x;
    od_color on = lay_col(L, CONTENT_COLOR_ACCENT), off = lay_col(L, CONTENT_COLOR_MUTED);
    for (size_t k = 0; k < n; k++) {
        float dw = k == q ? cur : d;
        od_rect r = { px, y, dw, d };
        if (k <= q)
            lay_rect(L, r, on, d / 2);
        else
            lay_frame(L, r, off, d / 2, 2.5f * u);
        px += dw + sp;
    }
    return d;
}

/* "{n}" and "{total}" of CONTENT_STR_QUIZ_PROGRESS filled in. */
static const char *progress_words(lay *L, size_t q, size_t n)
{
    char a[24], b[24];
    snprintf(a, sizeof a, "%zu", q + 1);
    snprintf(b, sizeof b, "%zu", n);
    return lay_fill(L, lay_fill(L, lay_str(L, CONTENT_STR_QUIZ_PROGRESS), "{n}", a), "{total}", b);
}

/* Answer button i of question q, with the answer chosen before marked. */
static void answer_pill(const lay *L, const content_question *qu, size_t i, int before,
                        lay_pill *b)
{
    memset(b, 0, sizeof *b);
    b->text = qu->answers[i].text;
    b->font = SCENE_FONT_BOLD;
    b->size = L->m.h3;
    b->bg = lay_col(L, CONTENT_COLOR_SURFACE);
    b->fg = lay_col(L, CONTENT_COLOR_TEXT);
    b->action = VIEW_ACT_ANSWER;
    b->arg = (int)i;
    b->wide = true;
    if (before == (int)i + 1) {
        b->outline = lay_col(L, CONTENT_COLOR_ACCENT);
        b->dot = lay_col(L, CONTENT_COLOR_ACCENT);
    }
}

float screen_quiz_draw(lay *L, const view_place *p)
{
    const content *c = L->c;
    const lay_metrics *m = &L->m;
    size_t q = (size_t)p->a, n = c->n_questions;
    const content_question *qu = &c->questions[q];
    float cx, cw;
    /* A monitor, a wall or a portrait panel: a wider column and taller
     * answers that share the view's height, so the question fills the
     * screen rather than a quarter of it. */
    bool big = parts_roomy(L);
    lay_column(L, big ? 56 : 40, &cx, &cw);
    float y = lay_top_pad(L);
    /* The dots with the words beside them, or under them when narrow. */
    const char *words = progress_words(L, q, n);
    lay_style prog = lay_style_of(L, SCENE_FONT_REGULAR, m->body, CONTENT_COLOR_MUTED, LAY_ALIGN_LEFT);
    float u = m->unit, dots_w = 40.0f * u + (float)(n - 1) * 28.0f * u;
    float tw = lay_tw(L, SCENE_FONT_REGULAR, m->body, words, strlen(words));
    float lh = lay_lh(L, SCENE_FONT_REGULAR, m->body);
    if (dots_w + m->gap + tw <= cw) {
        progress_dots(L, cx, y + (lh - 16.0f * u) / 2, q, n);
        lay_text(L, &prog, cx + dots_w + m->gap, y, cw - dots_w - m->gap, words, -1);
        y += lh + m->gap;
    } else {
        lay_stack(&y, progress_dots(L, cx, y, q, n), 8.0f * u);
        lay_stack(&y, lay_text(L, &prog, cx, y, cw, words, -1), m->gap);
    }
    lay_style ask = lay_style_of(L, SCENE_FONT_BOLD, lay_fit_size(L, SCENE_FONT_BOLD, m->h2, m->h3,
                                                            qu->text, cw),
                                 CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
    lay_stack(&y, lay_text(L, &ask, cx, y, cw, qu->text, -1), m->gap);
    int before = screen_quiz_answers(L)[q];
    /* Two answers a row on a landscape screen, so a short one shows them
     * all; one a row when tall. Each row as tall as its taller button and
     * never under one and a half targets: big enough to hit without aiming. */
    size_t cols = L->W > L->H && qu->n_answers > 2 ? 2 : 1;
    float bw = (cw - m->gap * (float)(cols - 1)) / (float)cols;
    size_t rows = (qu->n_answers + cols - 1) / cols;
    float least = 1.5f * m->target;
    if (big && rows)
        least = fminf(fmaxf(least, (0.85f * L->view_h - y) / (float)rows - m->gap), 6.0f * m->target);
    for (size_t r = 0; r < qu->n_answers; r += cols) {
        float rh = least;
        lay_pill b;
        for (size_t i = r; i < r + cols && i < qu->n_answers; i++) {
            float w, h;
            answer_pill(L, qu, i, before, &b);
            lay_pill_size(L, &b, bw, &w, &h);
            if (h > rh)
                rh = h;
        }
        for (size_t i = r; i < r + cols && i < qu->n_answers; i++) {
            answer_pill(L, qu, i, before, &b);
            lay_pill_draw(L, &b, (od_rect){ cx + (float)(i - r) * (bw + m->gap), y, bw, rh }, -1);
        }
        y += rh + m->gap;
    }
    return y + lay_bottom_pad(L);
}
