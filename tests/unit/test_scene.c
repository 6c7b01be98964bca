/* test_scene.c - the command list: clips, hit testing, the string arena. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "scene.h"

static void clips_nest_and_pop(void **state)
{
    (void)state;
    scene s;
    scene_init(&s);
    int a = scene_push_clip(&s, (od_rect){ 0, 0, 100, 100 });
    int b = scene_push_clip(&s, (od_rect){ 50, 50, 100, 100 });
    assert_true(s.clips[b].w == 50 && s.clips[b].h == 50); /* intersected */
    scene_cmd *c = scene_rect(&s, (od_rect){ 0, 0, 10, 10 }, od_rgba(1, 2, 3, 4), 0);
    assert_int_equal(c->clip, b);
    scene_pop_clip(&s);
    assert_int_equal(s.cur_clip, a);
    scene_pop_clip(&s);
    assert_int_equal(s.cur_clip, -1);
    scene_pop_clip(&s); /* popping an empty stack is harmless */
    assert_int_equal(s.cur_clip, -1);
    scene_deinit(&s);
}

static void hit_test_rules(void **state)
{
    (void)state;
    scene s;
    scene_init(&s);
    scene_hit(&s, (od_rect){ 0, 0, 100, 100 }, 1, 0);
    scene_hit(&s, (od_rect){ 10, 10, 20, 20 }, 2, 7);             /* on top */
    scene_cmd *d = scene_hit(&s, (od_rect){ 60, 60, 20, 20 }, 3, 0);
    d->flags |= SCENE_F_DISABLED;
    scene_push_clip(&s, (od_rect){ 0, 0, 200, 50 });
    scene_hit(&s, (od_rect){ 150, 0, 50, 200 }, 4, 0);           /* half clipped */
    scene_pop_clip(&s);
    const scene_cmd *h = scene_hit_test(&s, 15, 15);
    assert_int_equal(h->action, 2);
    assert_int_equal(h->arg, 7);
    assert_int_equal(scene_hit_test(&s, 70, 70)->action, 1); /* disabled one is skipped */
    assert_int_equal(scene_hit_test(&s, 160, 20)->action, 4);
    assert_null(scene_hit_test(&s, 160, 120));                /* outside its clip */
    assert_null(scene_hit_test(&s, -1, -1));
    assert_ptr_equal(scene_find_hit(&s, scene_hit_id(2, 7)), h);
    assert_int_not_equal(scene_hit_id(2, 7), scene_hit_id(7, 2));
    assert_int_equal(scene_hit_id(2, 7), scene_hit_id(2, 7));
    scene_deinit(&s);
}

static void arena_strings_stay_put(void **state)
{
    (void)state;
    scene s;
    scene_init(&s);
    const char *first = scene_strdup(&s, "hello", 5);
    char big[20000];
    memset(big, 'x', sizeof big);
    for (int i = 0; i < 100; i++)
        scene_strdup(&s, big, sizeof big); /* forces new blocks */
    assert_string_equal(first, "hello");
    for (int round = 0; round < 3; round++) {
        scene_clear(&s);
        assert_int_equal(s.count, 0);
        for (int i = 0; i < 1000; i++) {
            char buf[32];
            int n = snprintf(buf, sizeof buf, "line %d", i);
            const char *t = scene_strdup(&s, buf, (size_t)n);
            scene_text(&s, 0, 0, 10, 10, SCENE_FONT_REGULAR, 20, od_rgba(0, 0, 0, 255), t, (size_t)n);
        }
        assert_int_equal(s.count, 1000);
        assert_string_equal(s.cmds[999].text, "line 999");
    }
    scene_deinit(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(clips_nest_and_pop),
        cmocka_unit_test(hit_test_rules),
        cmocka_unit_test(arena_strings_stay_put),
    };
    return cmocka_run_group_tests_name("scene", tests, NULL, NULL);
}
