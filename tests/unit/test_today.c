/* test_today.c - the Today page (screen_today.c) with the fake measurer:
 * against a known clock the talks that are over fold into one line that
 * unfolds them (today:all) and folds them again, so the talk on now is on
 * the first screen of the 7-inch panel; a talk names its degrees by mark,
 * by "All degrees" or by a count, never by a list of names; without a clock
 * nothing folds. tests/department: 13 talks, four over at 11:30. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "frame.h"
#include "audit.h"
#include "scratch.h"
#include "talks.h"

static void build(scene *s, const content *c, int w, int h, int a, int minute)
{
    lay_env env = { .w = w, .h = h, .dpi = 0, .measure = fixture_measure(), .distance_cm = 0 };
    lay_frame_in in;
    memset(&in, 0, sizeof in);
    in.cur.place.screen = VIEW_SCREEN_TODAY;
    in.cur.place.a = a;
    in.t = 1;
    in.slide_t = 1;
    in.can_back = true;
    in.clock_known = minute >= 0;
    in.clock_min = minute;
    frame_result r;
    frame_build(s, c, &env, &in, &r);
}

static const scene_cmd *text_of(const scene *s, const char *t)
{
    for (size_t i = 0; i < s->count; i++)
        if (s->cmds[i].kind == SCENE_TEXT && s->cmds[i].len == strlen(t) &&
            !memcmp(s->cmds[i].text, t, s->cmds[i].len))
            return &s->cmds[i];
    return NULL;
}

/* Whether a line of text starts a talk's title (a long one wraps). */
static bool title_drawn(const scene *s, const char *title)
{
    for (size_t i = 0; i < s->count; i++)
        if (s->cmds[i].kind == SCENE_TEXT && s->cmds[i].len >= 8 &&
            !strncmp(s->cmds[i].text, title, s->cmds[i].len < 12 ? s->cmds[i].len : 12))
            return true;
    return false;
}

static size_t hits(const scene *s, int action, int arg)
{
    size_t n = 0;
    for (size_t i = 0; i < s->count; i++)
        n += s->cmds[i].kind == SCENE_HIT && s->cmds[i].action == action && s->cmds[i].arg == arg;
    return n;
}

static void past_talks_fold_and_unfold(void **state)
{
    (void)state;
    content *c = scratch_load("tests/department", NULL);
    assert_non_null(c);
    int at = 11 * 60 + 30;
    size_t past = 0;
    for (size_t i = 0; i < c->n_talks; i++)
        past += talks_state(c, i, at) == TALKS_PAST;
    assert_true(past >= 2);
    char line[64];
    snprintf(line, sizeof line, "%zu earlier talks", past);
    scene s;
    scene_init(&s);

    build(&s, c, 800, 480, 0, at);
    assert_non_null(text_of(&s, line));
    assert_int_equal(hits(&s, VIEW_ACT_TODAY, 1), 1);
    for (size_t i = 0; i < c->n_talks; i++)
        if (talks_state(c, i, at) == TALKS_PAST)
            assert_false(title_drawn(&s, c->talks[i].title));
    /* Now is on the first screen */
    const scene_cmd *now = text_of(&s, c->strings[CONTENT_STR_NOW]);
    assert_non_null(now);
    assert_true(now->rect.y + now->rect.h <= 480);

    build(&s, c, 800, 480, 1, at);
    assert_int_equal(hits(&s, VIEW_ACT_TODAY, 0), 1);
    for (size_t i = 0; i < c->n_talks; i++)
        assert_true(title_drawn(&s, c->talks[i].title));

    /* No clock: the whole day, nothing folded */
    build(&s, c, 800, 480, 0, -1);
    assert_null(text_of(&s, line));
    assert_int_equal(hits(&s, VIEW_ACT_TODAY, 1), 0);
    scene_deinit(&s);
    content_destroy(c);
}

static void talks_name_degrees_by_mark(void **state)
{
    (void)state;
    content *c = scratch_load("tests/department", NULL);
    assert_non_null(c);
    scene s;
    scene_init(&s);
    build(&s, c, 1920, 1080, 1, -1);
    size_t words = 0, chips = 0;
    for (size_t i = 0; i < s.count; i++) {
        const scene_cmd *t = &s.cmds[i];
        if (t->kind != SCENE_TEXT)
            continue;
        /* no list of degree names on Today (the marks stand for them):
         * no line that is a degree's name or joins names with a dot */
        for (size_t d = 0; d < c->n_degrees; d++)
            if (t->len == strlen(c->degrees[d].name) && !memcmp(t->text, c->degrees[d].name, t->len))
                fail_msg("Today names degree %s", c->degrees[d].name);
        for (size_t o = 0; o + 2 <= t->len; o++)
            if (!memcmp(t->text + o, "\xc2\xb7", 2))
                fail_msg("Today lists names: %.*s", (int)t->len, t->text);
        for (size_t d = 0; d < c->n_degrees; d++)
            chips += t->len == strlen(c->degrees[d].mark) &&
                     !memcmp(t->text, c->degrees[d].mark, t->len);
        words += (t->len > 8 && !memcmp(t->text + t->len - 8, " degrees", 8)) ||
                 (t->len == strlen(c->strings[CONTENT_STR_ALL_DEGREES]) &&
                  !memcmp(t->text, c->strings[CONTENT_STR_ALL_DEGREES], t->len));
    }
    size_t want_words = 0, want_chips = 0;
    for (size_t i = 0; i < c->n_talks; i++) {
        size_t n = c->talks[i].n_degrees;
        if (n == c->n_degrees || n > 4)
            want_words++;
        else
            want_chips += n;
    }
    assert_int_equal(words, want_words);
    assert_int_equal(chips, want_chips);
    char report[8192];
    lay_env env = { .w = 1920, .h = 1080, .dpi = 0, .measure = fixture_measure(), .distance_cm = 0 };
    size_t n = audit_layout(&s, &env, report, sizeof report);
    if (n)
        fail_msg("%s", report);
    scene_deinit(&s);
    content_destroy(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(past_talks_fold_and_unfold),
        cmocka_unit_test(talks_name_degrees_by_mark),
    };
    return cmocka_run_group_tests_name("today", tests, NULL, NULL);
}
