/* test_narrate.c - what the screen reader says (narrate.h): reading order,
 * lines joined into paragraphs (hyphenated words read whole), hidden and
 * repeated text left out, targets named as buttons, the item a touch
 * speaks; on hand-made scenes and on the shipped content's real layout. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "dump.h"
#include "fixture.h"
#include "frame.h"
#include "narrate.h"

static const od_color WHITE = { 255, 255, 255, 255 };

static lay_env env_of(int w, int h)
{
    lay_env e = { .w = w, .h = h, .dpi = 0, .measure = fixture_measure(), .distance_cm = 0 };
    return e;
}

/* One line of text at (x, y), h tall, in face f at size px. */
static void line(scene *s, float x, float y, float h, scene_font f, float px, const char *t)
{
    scene_text(s, x, y, (float)strlen(t) * 0.5f * px, h, f, px, WHITE, t, strlen(t));
}

static char *screen_of(const scene *s, int w, int h, const char *const *skip)
{
    lay_env env = env_of(w, h);
    dump_frame f = { "test", &env, NULL, s, NULL, { 0, 0, 0, 255 }, NULL, 0 };
    dump_account a;
    assert_true(dump_account_init(&a, &f));
    narrate_words words;
    narrate_words_default(&words);
    char *text = narrate_screen(&a, &words, skip);
    dump_account_deinit(&a);
    assert_non_null(text);
    return text;
}

static void paragraphs_joined_in_reading_order(void **state)
{
    (void)state;
    scene s;
    scene_init(&s);
    line(&s, 10, 10, 40, SCENE_FONT_BOLD, 32, "Music Production");
    line(&s, 10, 80, 30, SCENE_FONT_REGULAR, 24, "You learn to write, record and fin-");
    line(&s, 10, 110, 30, SCENE_FONT_REGULAR, 24, "ish music, turning ideas into");
    line(&s, 10, 140, 30, SCENE_FONT_REGULAR, 24, "tracks.");
    /* A list item right below, but a gap apart: its own paragraph. */
    line(&s, 10, 190, 30, SCENE_FONT_REGULAR, 24, "Composition");
    line(&s, 10, 228, 30, SCENE_FONT_REGULAR, 24, "Recording");
    /* A heading and a centred two-line text. */
    line(&s, 10, 300, 36, SCENE_FONT_BOLD, 28, "Focus");
    line(&s, 100, 340, 30, SCENE_FONT_REGULAR, 24, "The creative side:");
    line(&s, 130, 370, 30, SCENE_FONT_REGULAR, 24, "making music");
    char *t = screen_of(&s, 800, 480, NULL);
    assert_string_equal(t, "Music Production. You learn to write, record and finish music, "
                           "turning ideas into tracks. Composition. Recording. Focus. "
                           "The creative side: making music.");
    narrate_free(t);
    scene_deinit(&s);
}

static void a_real_hyphen_before_a_capital_stays(void **state)
{
    (void)state;
    scene s;
    scene_init(&s);
    line(&s, 10, 10, 30, SCENE_FONT_REGULAR, 24, "Graduates go to Rolls-");
    line(&s, 10, 40, 30, SCENE_FONT_REGULAR, 24, "Royce and elsewhere");
    char *t = screen_of(&s, 800, 480, NULL);
    assert_string_equal(t, "Graduates go to Rolls-Royce and elsewhere.");
    narrate_free(t);
    scene_deinit(&s);
}

static void hidden_and_repeated_text_left_out(void **state)
{
    (void)state;
    scene s;
    scene_init(&s);
    line(&s, 10, 10, 40, SCENE_FONT_BOLD, 32, "Title");
    /* transparent */
    scene_text(&s, 10, 60, 100, 30, SCENE_FONT_REGULAR, 24, (od_color){ 255, 255, 255, 0 }, "Ghost", 5);
    /* under an opaque panel drawn later */
    line(&s, 10, 200, 30, SCENE_FONT_REGULAR, 24, "Hidden under the panel");
    scene_rect(&s, (od_rect){ 0, 190, 800, 60 }, (od_color){ 20, 20, 20, 255 }, 0);
    /* drawn twice at the same place */
    line(&s, 10, 300, 30, SCENE_FONT_REGULAR, 24, "Twice");
    line(&s, 10, 300, 30, SCENE_FONT_REGULAR, 24, "Twice");
    /* below the screen (a scrolled page): still read */
    line(&s, 10, 900, 30, SCENE_FONT_REGULAR, 24, "Further down");
    line(&s, 10, 960, 30, SCENE_FONT_REGULAR, 24, "   ");
    char *t = screen_of(&s, 800, 480, NULL);
    assert_string_equal(t, "Title. Twice. Further down.");
    narrate_free(t);
    scene_deinit(&s);
}

static void targets_named_and_chrome_skipped(void **state)
{
    (void)state;
    scene s;
    scene_init(&s);
    line(&s, 20, 12, 30, SCENE_FONT_BOLD, 24, "Back");
    scene_hit(&s, (od_rect){ 10, 5, 100, 44 }, VIEW_ACT_BACK, 0);
    line(&s, 140, 10, 40, SCENE_FONT_BOLD, 32, "Careers");
    /* A card: three paragraphs in one target. */
    line(&s, 20, 80, 30, SCENE_FONT_BOLD, 24, "BA");
    line(&s, 20, 120, 40, SCENE_FONT_BOLD, 32, "Music Production");
    line(&s, 20, 170, 30, SCENE_FONT_REGULAR, 24, "The creative side");
    scene_hit(&s, (od_rect){ 10, 70, 380, 140 }, VIEW_ACT_DEGREE, 0);
    line(&s, 20, 230, 30, SCENE_FONT_REGULAR, 24, "Composer");
    scene_hit(&s, (od_rect){ 10, 222, 200, 46 }, VIEW_ACT_CAREER, 2);
    scene_cmd *off = scene_hit(&s, (od_rect){ 220, 222, 200, 46 }, VIEW_ACT_CAREER, 3);
    off->flags |= SCENE_F_DISABLED;
    line(&s, 230, 230, 30, SCENE_FONT_REGULAR, 24, "Sound Designer");
    static const char *const skip[] = { "back", NULL };
    char *t = screen_of(&s, 800, 480, skip);
    assert_string_equal(t, "Careers. BA, Music Production, The creative side, button. "
                           "Composer, button. Sound Designer, button, unavailable.");
    narrate_free(t);
    t = screen_of(&s, 800, 480, NULL);
    assert_string_equal(t, "Back, button. Careers. BA, Music Production, The creative side, "
                           "button. Composer, button. Sound Designer, button, unavailable.");
    narrate_free(t);

    /* Items: what a touch says. */
    lay_env env = env_of(800, 480);
    dump_frame f = { "test", &env, NULL, &s, NULL, { 0, 0, 0, 255 }, NULL, 0 };
    dump_account a;
    assert_true(dump_account_init(&a, &f));
    narrate_words w;
    narrate_words_default(&w);
    size_t card = narrate_find(&a, scene_hit_id(VIEW_ACT_DEGREE, 0));
    assert_int_equal(card, 1);
    t = narrate_item(&a, card, &w);
    assert_string_equal(t, "BA, Music Production, The creative side, button. Tap again to open.");
    narrate_free(t);
    t = narrate_item(&a, narrate_find(&a, scene_hit_id(VIEW_ACT_CAREER, 3)), &w);
    assert_string_equal(t, "Sound Designer, button, unavailable.");
    narrate_free(t);
    size_t at = 0;
    t = narrate_at(&a, 50, 240, &w, &at);
    assert_int_equal(at, 2);
    assert_string_equal(t, "Composer, button. Tap again to open.");
    narrate_free(t);
    /* Plain text under the finger: its paragraph. */
    t = narrate_at(&a, 200, 25, &w, &at);
    assert_int_equal(at, (size_t)-1);
    assert_string_equal(t, "Careers.");
    narrate_free(t);
    assert_null(narrate_at(&a, 700, 400, &w, &at));
    dump_account_deinit(&a);
    scene_deinit(&s);
}

static void a_backdrop_names_nothing(void **state)
{
    (void)state;
    scene s;
    scene_init(&s);
    line(&s, 100, 100, 60, SCENE_FONT_BOLD, 48, "Music Production");
    line(&s, 100, 300, 36, SCENE_FONT_BOLD, 28, "Touch to explore");
    scene_hit(&s, (od_rect){ 0, 0, 800, 480 }, VIEW_ACT_WAKE, 0);
    char *t = screen_of(&s, 800, 480, NULL);
    assert_string_equal(t, "Music Production. Touch to explore.");
    narrate_free(t);
    scene_deinit(&s);
}

/* The shipped comparison laid out for real (fake measurer): the degree page
 * read from its title down, every section in order, careers as buttons. */
static void degree_page_in_reading_order(void **state)
{
    (void)state;
    content *c = fixture_content();
    lay_env env = env_of(800, 480);
    lay_frame_in in;
    memset(&in, 0, sizeof in);
    in.cur.place = (view_place){ VIEW_SCREEN_DEGREE, 0, 0 };
    in.t = 1;
    in.can_back = true;
    scene s;
    scene_init(&s);
    frame_result res;
    frame_build(&s, c, &env, &in, &res);
    dump_frame f = { "degree", &env, c, &s, NULL, { 0, 0, 0, 255 }, NULL, 0 };
    dump_account a;
    assert_true(dump_account_init(&a, &f));
    narrate_words w;
    narrate_words_default(&w);
    static const char *const skip[] = { "back", "home", NULL };
    char *t = narrate_screen(&a, &w, skip);
    assert_non_null(t);
    char title[256];
    snprintf(title, sizeof title, "%s.", c->degrees[0].name);
    assert_memory_equal(t, title, strlen(title));
    assert_null(strstr(t, "Back"));
    /* Sections in the order they are drawn down the page. */
    const char *order[] = { c->strings[CONTENT_STR_FOCUS], c->strings[CONTENT_STR_TOPICS],
                            c->strings[CONTENT_STR_CAREER_PATHS] };
    const char *prev = t;
    for (size_t i = 0; i < 3; i++) {
        const char *at = strstr(prev, order[i]);
        if (!at)
            fail_msg("\"%s\" missing or out of order in: %s", order[i], t);
        prev = at;
    }
    /* Each career of the degree as a button, named by its title. */
    const content_career *k = &c->careers[c->degrees[0].careers[0]];
    char want[256];
    snprintf(want, sizeof want, "%s, button.", k->name);
    if (!strstr(t, want))
        fail_msg("\"%s\" missing in: %s", want, t);
    narrate_free(t);
    dump_account_deinit(&a);
    scene_deinit(&s);
    content_destroy(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(paragraphs_joined_in_reading_order),
        cmocka_unit_test(a_real_hyphen_before_a_capital_stays),
        cmocka_unit_test(hidden_and_repeated_text_left_out),
        cmocka_unit_test(targets_named_and_chrome_skipped),
        cmocka_unit_test(a_backdrop_names_nothing),
        cmocka_unit_test(degree_page_in_reading_order),
    };
    return cmocka_run_group_tests_name("narrate", tests, NULL, NULL);
}
