/* layout_quiz.c - "Which degree suits me?" (quiz.json): one question a
 * screen, then the degrees ranked by the answers.
 *
 * A question shows where the visitor is twice over: a row of dots (the
 * ones done filled, the rest hollow rings, the current one wider, so shape
 * carries it as well as colour) and the words "Question 2 of 4". Each
 * answer is a full-width button at least metrics.target tall (ACT_ANSWER
 * with the answer's index); the answer chosen before, when the visitor came
 * Back, carries a disc before its words and an accent outline.
 *
 * The result lists every degree, most points first, each with a button
 * that opens it (ACT_DEGREE), its points in words and the answers that
 * gave them ("Because you chose"); degrees no answer pointed to follow,
 * saying so. The answers come from L->in->quiz (the app keeps them for the
 * visit only). */
#include "quiz.h"
#include "screens.h"

#include <stdio.h>
#include <string.h>

static const signed char *answers(const lay *L)
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
    od_color on = lay_col(L, COLOR_ACCENT), off = lay_col(L, COLOR_MUTED);
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

/* "{n}" and "{total}" of STR_QUIZ_PROGRESS filled in. */
static const char *progress_words(lay *L, size_t q, size_t n)
{
    char a[24], b[24];
    snprintf(a, sizeof a, "%zu", q + 1);
    snprintf(b, sizeof b, "%zu", n);
    return lay_fill(L, lay_fill(L, lay_str(L, STR_QUIZ_PROGRESS), "{n}", a), "{total}", b);
}

/* Answer button i of question q, with the answer chosen before marked. */
static void answer_pill(const lay *L, const content_question *qu, size_t i, int before,
                        lay_pill *b)
{
    memset(b, 0, sizeof *b);
    b->text = qu->answers[i].text;
    b->font = FONT_BOLD;
    b->size = L->m.h3;
    b->bg = lay_col(L, COLOR_SURFACE);
    b->fg = lay_col(L, COLOR_TEXT);
    b->action = ACT_ANSWER;
    b->arg = (int)i;
    b->wide = true;
    if (before == (int)i + 1) {
        b->outline = lay_col(L, COLOR_ACCENT);
        b->dot = lay_col(L, COLOR_ACCENT);
    }
}

float lay_screen_quiz(lay *L, const view_place *p)
{
    const content *c = L->c;
    const layout_metrics *m = &L->m;
    size_t q = (size_t)p->a, n = c->n_questions;
    const content_question *qu = &c->questions[q];
    float cx, cw;
    lay_column(L, 40, &cx, &cw);
    float y = lay_top_pad(L);
    /* The dots with the words beside them, or under them when narrow. */
    const char *words = progress_words(L, q, n);
    lay_style prog = lay_style_of(L, FONT_REGULAR, m->body, COLOR_MUTED, ALIGN_LEFT);
    float u = m->unit, dots_w = 40.0f * u + (float)(n - 1) * 28.0f * u;
    float tw = lay_tw(L, FONT_REGULAR, m->body, words, strlen(words));
    float lh = lay_lh(L, FONT_REGULAR, m->body);
    if (dots_w + m->gap + tw <= cw) {
        progress_dots(L, cx, y + (lh - 16.0f * u) / 2, q, n);
        lay_text(L, &prog, cx + dots_w + m->gap, y, cw - dots_w - m->gap, words, -1);
        y += lh + m->gap;
    } else {
        lay_stack(&y, progress_dots(L, cx, y, q, n), 8.0f * u);
        lay_stack(&y, lay_text(L, &prog, cx, y, cw, words, -1), m->gap);
    }
    lay_style ask = lay_style_of(L, FONT_BOLD, lay_fit_size(L, FONT_BOLD, m->h2, m->h3,
                                                            qu->text, cw),
                                 COLOR_TEXT, ALIGN_LEFT);
    lay_stack(&y, lay_text(L, &ask, cx, y, cw, qu->text, -1), m->gap);
    int before = answers(L)[q];
    /* Two answers a row on a landscape screen, so a short one shows them
     * all; one a row when tall. Each row as tall as its taller button and
     * never under one and a half targets: big enough to hit without aiming. */
    size_t cols = L->W > L->H && qu->n_answers > 2 ? 2 : 1;
    float bw = (cw - m->gap * (float)(cols - 1)) / (float)cols;
    for (size_t r = 0; r < qu->n_answers; r += cols) {
        float rh = 1.5f * m->target;
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

typedef struct {
    size_t rank;          /* counted from 1 */
    quiz_place place;
    float pill_w, pill_h;
} result_ctx;

static float result_body(lay *L, float x, float y, float w, int box, const void *ctx)
{
    const result_ctx *r = ctx;
    const content *c = L->c;
    const layout_metrics *m = &L->m;
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
    open.font = FONT_BOLD;
    open.size = m->h3;
    open.bg = lay_col(L, COLOR_SURFACE_ALT);
    open.fg = lay_col(L, COLOR_TEXT);
    open.dot = d->color;
    open.chevron = 1;
    open.action = ACT_DEGREE;
    open.arg = (int)r->place.degree;
    open.wide = true;
    float pw, ph;
    lay_pill_size(L, &open, w, &pw, &ph);
    lay_pill_draw(L, &open, (od_rect){ x, yy, w, ph }, box);
    yy += ph + m->unit * 8;
    lay_style pts = lay_style_of(L, FONT_BOLD, m->body, COLOR_TEXT, ALIGN_LEFT);
    lay_style muted = lay_style_of(L, FONT_REGULAR, m->body, COLOR_MUTED, ALIGN_LEFT);
    lay_style why = lay_style_of(L, FONT_REGULAR, m->body, COLOR_TEXT, ALIGN_LEFT);
    pts.copy = true;
    if (r->place.points <= 0) {
        lay_stack(&yy, lay_text(L, &muted, x, yy, w, lay_str(L, STR_QUIZ_NONE), box), 0);
        return yy - y;
    }
    char num[24];
    snprintf(num, sizeof num, "%d", r->place.points);
    const char *tpl = lay_str(L, r->place.points == 1 ? STR_QUIZ_POINT : STR_QUIZ_POINTS);
    lay_stack(&yy, lay_text(L, &pts, x, yy, w, lay_fill(L, tpl, "{points}", num), box),
              m->unit * 4);
    lay_stack(&yy, lay_text(L, &muted, x, yy, w, lay_str(L, STR_QUIZ_BECAUSE), box),
              m->unit * 4);
    /* The answers that counted, each on its own line after a bullet. */
    const signed char *ans = answers(L);
    float bullet = lay_tw(L, FONT_REGULAR, m->body, "\u2022 ", strlen("\u2022 "));
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

float lay_screen_quiz_result(lay *L, const view_place *p)
{
    (void)p;
    const content *c = L->c;
    const layout_metrics *m = &L->m;
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
    lay_style sub = lay_style_of(L, FONT_REGULAR, m->body, COLOR_MUTED, ALIGN_LEFT);
    lay_stack(&y, lay_text(L, &sub, cx, y, cw, lay_str(L, STR_QUIZ_RESULT_HINT), -1), m->gap);
    quiz_place *rank = n ? lay_alloc(L, n * sizeof *rank) : NULL;
    if (rank) {
        quiz_rank(c, answers(L), c->n_questions < CONTENT_QUIZ_MAX ? c->n_questions
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
                lay_card(L, x, y, cellw, rowh, m->pad, lay_col(L, COLOR_SURFACE), result_body,
                         &r, -1);
                x += cellw + m->gap;
            }
            y += rowh + m->gap;
        }
    }
    /* Start again: every answer forgotten, back to the first question. */
    lay_pill again;
    memset(&again, 0, sizeof again);
    again.text = lay_str(L, STR_QUIZ_AGAIN);
    again.font = FONT_BOLD;
    again.size = m->body;
    again.bg = lay_col(L, COLOR_SURFACE_ALT);
    again.fg = lay_col(L, COLOR_TEXT);
    again.action = ACT_ANSWER;
    again.arg = -1;
    again.round = true;
    float aw, ah;
    lay_pill_size(L, &again, cw, &aw, &ah);
    lay_pill_draw(L, &again, (od_rect){ cx, y, aw, ah }, -1);
    y += ah;
    return y + lay_bottom_pad(L);
}
