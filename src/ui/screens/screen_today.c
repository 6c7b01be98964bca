/* screen_today.c - the day's talks as a timeline (talks.json), and the
 * "next talk" line of a degree page.
 *
 * Each talk is a card in order of start: its time, title, room and
 * degrees (by mark). Against a known clock (lay_frame_in.clock_*), talks
 * that are over fold into one line that unfolds them (dimmed) on a tap, and
 * the ones on now and next are framed in the accent colour and labelled
 * "Now" / "Next" in words, so the highlight does not rest on colour alone.
 * Without a trusted clock the whole day shows plain. */
#include "screen_today.h"
#include "lay_marks.h"
#include "talks.h"

#include <stdio.h>
#include <string.h>

static int wall(const lay *L)
{
    return L->in && L->in->clock_known ? L->in->clock_min : -1;
}

typedef struct {
    size_t i;
    talk_state st;
    float time_w;   /* width of the time column */
} talk_ctx;

static void talk_times(const content_talk *k, char *buf, size_t n)
{
    char a[8], b[8];
    talks_format_time(k->start, a, sizeof a);
    talks_format_time(k->end, b, sizeof b);
    snprintf(buf, n, "%s\u2013%s", a, b);
}

/* The label pill ("Now", "Next") of a state, or NULL. */
static const char *state_label(const lay *L, talk_state st)
{
    return st == TALKS_NOW ? lay_str(L, CONTENT_STR_NOW) : st == TALKS_NEXT ? lay_str(L, CONTENT_STR_TALK_NEXT) : NULL;
}

/* "{n}" of tpl replaced by n, in scratch memory (tpl when there is none). */
static const char *with_count(lay *L, const char *tpl, size_t n)
{
    const char *at = strstr(tpl, "{n}");
    char *out = at ? lay_alloc(L, strlen(tpl) + 24) : NULL;
    if (!out)
        return tpl;
    sprintf(out, "%.*s%zu%s", (int)(at - tpl), tpl, n, at + 3);
    return out;
}

/* Whom a talk is for: its degrees' marks, or "All degrees" when it is for
 * every one of several, or "6 degrees" when the marks would not fit one
 * line or are more than four, rather than a list of names that runs over
 * lines. Returns the height used. */
static float talk_degrees(lay *L, float x, float y, float w, const content_talk *k, int box)
{
    const content *c = L->c;
    size_t nd = c->n_degrees;
    const char(*marks)[LAY_MARK_MAX] = lay_marks_of(L);
    const char *words = NULL;
    if (nd > 1 && k->n_degrees == nd)
        words = lay_str(L, CONTENT_STR_ALL_DEGREES);
    else if (k->n_degrees > 4 || !marks || lay_marks_row_width(L, k->degrees, k->n_degrees, marks) > w)
        words = with_count(L, lay_str(L, CONTENT_STR_N_DEGREES), k->n_degrees);
    if (words) {
        lay_style st = lay_style_of(L, SCENE_FONT_BOLD, lay_small(L), CONTENT_COLOR_MUTED, LAY_ALIGN_LEFT);
        st.copy = true;
        return lay_text(L, &st, x, y, w, words, box);
    }
    if (!L->dry)
        lay_marks_row(L, x, y, k->degrees, k->n_degrees, marks, box);
    return lay_mark_chip_h(L);
}

static float talk_body(lay *L, float x, float y, float w, int box, const void *ctx)
{
    const talk_ctx *t = ctx;
    const content *c = L->c;
    const content_talk *k = &c->talks[t->i];
    const lay_metrics *m = &L->m;
    char times[32];
    talk_times(k, times, sizeof times);
    lay_style tm = lay_style_of(L, SCENE_FONT_BOLD, m->body, CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
    lay_style title = lay_style_of(L, SCENE_FONT_BOLD, m->h3, CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
    lay_style room = lay_style_of(L, SCENE_FONT_REGULAR, m->body, CONTENT_COLOR_MUTED, LAY_ALIGN_LEFT);
    tm.copy = true;
    /* Narrow cards put the time above the title instead of beside it. */
    bool beside = w - t->time_w - m->gap >= 14.0f * m->body;
    float tx = beside ? x + t->time_w + m->gap : x, tw = beside ? w - t->time_w - m->gap : w;
    float yy = y;
    float th = lay_text(L, &tm, x, yy, beside ? t->time_w : w, times, box);
    if (!beside)
        yy += th + m->unit * 4;
    const char *label = state_label(L, t->st);
    float lw = 0, lh = 0;
    if (label) {
        /* A pill borrows its label: the scene keeps its own copy. */
        label = L->dry ? label : scene_strdup(L->s, label, strlen(label));
        lay_pill pill = lay_round_pill(L, label, SCENE_FONT_BOLD);
        pill.bg = lay_col(L, CONTENT_COLOR_ACCENT);
        pill.fg = lay_col(L, CONTENT_COLOR_ACCENT_TEXT);
        pill.dense = true;
        lay_pill_size(L, &pill, tw, &lw, &lh);
        lay_pill_draw(L, &pill, (od_rect){ tx, yy, lw, lh }, box);
        yy += lh + m->unit * 4;
    }
    /* A talk that is over keeps its time and title only, so what is on now
     * and next comes up the screen. */
    bool past = t->st == TALKS_PAST;
    if (past)
        title = lay_style_of(L, SCENE_FONT_BOLD, m->body, CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
    lay_stack(&yy, lay_text(L, &title, tx, yy, tw, k->title, box), past ? 0 : m->unit * 4);
    if (!past)
        lay_stack(&yy, lay_text(L, &room, tx, yy, tw, k->room, box), m->unit * 2);
    if (!past && k->n_degrees)
        lay_stack(&yy, talk_degrees(L, tx, yy, tw, k, box), 0);
    float h = yy - y;
    if (beside && th > h)
        h = th;
    return h;
}

float screen_today_draw(lay *L, const view_place *p)
{
    const content *c = L->c;
    const lay_metrics *m = &L->m;
    float cx, cw;
    lay_column(L, 38, &cx, &cw);
    float y = lay_top_pad(L);
    int now = wall(L);
    lay_style sub = lay_style_of(L, SCENE_FONT_REGULAR, m->body, CONTENT_COLOR_MUTED, LAY_ALIGN_LEFT);
    lay_stack(&y, lay_text(L, &sub, cx, y, cw, lay_str(L, CONTENT_STR_TODAY_HINT), -1), m->gap);
    if (talks_all_done(c, now)) {
        lay_style done = lay_style_of(L, SCENE_FONT_BOLD, m->h2, CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
        lay_stack(&y, lay_text(L, &done, cx, y, cw, lay_str(L, CONTENT_STR_TODAY_DONE), -1), m->gap);
    }
    float time_w = lay_tw(L, SCENE_FONT_BOLD, m->body, "00:00\u201300:00",
                          strlen("00:00\u201300:00"));
    od_color accent = lay_col(L, CONTENT_COLOR_ACCENT);
    /* The talks that are over fold into one line at the top ("3 earlier
     * talks"), so the page opens at what is on now and next; a tap unfolds
     * them (place today:all) and the line, now above them, folds them again. */
    size_t past = 0;
    for (size_t i = 0; i < c->n_talks; i++)
        past += talks_state(c, i, now) == TALKS_PAST;
    bool unfolded = p && p->a == 1;
    if (past) {
        const char *label = past == 1 ? lay_str(L, CONTENT_STR_EARLIER_TALK)
                                      : with_count(L, lay_str(L, CONTENT_STR_EARLIER_TALKS), past);
        /* A pill borrows its label: the scene keeps its own copy. */
        label = L->dry ? label : scene_strdup(L->s, label, strlen(label));
        lay_pill pill = lay_round_pill(L, label, SCENE_FONT_BOLD);
        pill.action = VIEW_ACT_TODAY;
        pill.arg = unfolded ? 0 : 1;
        pill.chevron = unfolded ? -1 : 1;
        float pw, ph;
        lay_pill_size(L, &pill, cw, &pw, &ph);
        lay_pill_draw(L, &pill, (od_rect){ cx, y, pw, ph }, -1);
        y += ph + m->gap;
    }
    for (size_t i = 0; i < c->n_talks; i++) {
        talk_ctx t = { i, talks_state(c, i, now), time_w };
        if (t.st == TALKS_PAST && !unfolded)
            continue;
        bool lit = t.st == TALKS_NOW || t.st == TALKS_NEXT;
        float keep = L->alpha;
        if (t.st == TALKS_PAST)
            L->alpha *= 0.6f; /* over: set back, still readable (titles about 6:1) */
        od_color bg = t.st == TALKS_NOW ? lay_mix(lay_col(L, CONTENT_COLOR_SURFACE), accent, 0.12f)
                                       : lay_col(L, CONTENT_COLOR_SURFACE);
        float h = lay_card(L, cx, y, cw, 0, t.st == TALKS_PAST ? m->pad / 2 : m->pad, bg,
                           talk_body, &t, -1);
        if (lit)
            lay_frame(L, (od_rect){ cx, y, cw, h }, accent, m->radius, 3.0f * m->unit);
        L->alpha = keep;
        y += h + m->gap;
    }
    return y + lay_bottom_pad(L);
}

float screen_today_next_talk(lay *L, float x, float y, float w, size_t d, int box)
{
    const content *c = L->c;
    size_t i = talks_next_for_degree(c, d, wall(L));
    if (i == (size_t)-1)
        return 0;
    const content_talk *k = &c->talks[i];
    char when[8];
    talks_format_time(k->start, when, sizeof when);
    /* "Next talk: {time}, {room}" with the two filled in. */
    const char *tpl = lay_str(L, CONTENT_STR_NEXT_TALK);
    char *out = lay_alloc(L, 512);
    if (!out)
        return 0;
    size_t used = 0;
    for (const char *s = tpl; *s && used + 1 < 512;) {
        const char *put = NULL;
        size_t skip = 1;
        if (!strncmp(s, "{time}", 6)) {
            put = when;
            skip = 6;
        } else if (!strncmp(s, "{room}", 6)) {
            put = k->room;
            skip = 6;
        }
        if (put) {
            size_t n = strlen(put);
            if (used + n >= 512)
                break;
            memcpy(out + used, put, n);
            used += n;
        } else {
            out[used++] = *s;
        }
        s += skip;
    }
    out[used] = '\0';
    lay_style st = lay_style_of(L, SCENE_FONT_BOLD, L->m.body, CONTENT_COLOR_ACCENT, LAY_ALIGN_LEFT);
    st.copy = true;
    return lay_text(L, &st, x, y, w, out, box);
}
