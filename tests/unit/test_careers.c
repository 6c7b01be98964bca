/* test_careers.c - the career map and the career page with the fake measurer:
 * every career appears once, as a row carrying exactly the marks of the
 * degrees that lead there (or "All degrees", or a count beyond four, never a
 * cut list), and no heading joins degree names; picking a degree lights its
 * careers and brings them first; marks are short, unique and part on the
 * letters that differ; the rows use the width in columns; nothing overlaps or
 * clips at the sizes a kiosk meets, with the fixture, stress content,
 * tests/three, tests/twelve and tests/department; four degrees and 24 careers
 * fit one 1920x1080 screen at 92 dpi. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "frame.h"
#include "audit.h"
#include "lay.h"
#include "lay_marks.h"
#include "scratch.h"
#include "screen_careers.h"

static const int sizes[][2] = {
    { 800, 480 }, { 720, 1280 }, { 1280, 800 }, { 1920, 1080 }, { 3840, 2160 },
};
#define NSIZES (sizeof sizes / sizeof *sizes)

/* ---- helpers ------------------------------------------------------------------ */

static lay_frame_in settled(view_screen scr, int a)
{
    lay_frame_in in;
    memset(&in, 0, sizeof in);
    in.cur.place.screen = scr;
    in.cur.place.a = a;
    in.t = 1;
    in.slide_t = 1;
    in.can_back = true;
    return in;
}

static void frame(scene *s, const content *c, int w, int h, view_screen scr, int a,
                  frame_result *res)
{
    lay_env env = { .w = w, .h = h, .dpi = 0, .measure = fixture_measure(), .distance_cm = 0 };
    lay_frame_in in = settled(scr, a);
    frame_result r;
    frame_build(s, c, &env, &in, res ? res : &r);
}

static bool is_box(const scene_cmd *k)
{
    return k->kind == SCENE_RECT && (k->flags & SCENE_F_BOX);
}

static bool same_rect(od_rect a, od_rect b)
{
    return fabsf(a.x - b.x) < 0.01f && fabsf(a.y - b.y) < 0.01f && fabsf(a.w - b.w) < 0.01f &&
           fabsf(a.h - b.h) < 0.01f;
}

static bool same_color(od_color a, od_color b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b;
}

static size_t count_hits(const scene *s, int action, int arg)
{
    size_t n = 0;
    for (size_t i = 0; i < s->count; i++)
        if (s->cmds[i].kind == SCENE_HIT && s->cmds[i].action == action && s->cmds[i].arg == arg)
            n++;
    return n;
}

static const scene_cmd *find_hit(const scene *s, int action, int arg)
{
    for (size_t i = 0; i < s->count; i++)
        if (s->cmds[i].kind == SCENE_HIT && s->cmds[i].action == action && s->cmds[i].arg == arg)
            return &s->cmds[i];
    return NULL;
}

/* The block a tap target of (action, arg) draws: the box of its rect. -1 none. */
static int card_of(const scene *s, int action, int arg)
{
    const scene_cmd *h = find_hit(s, action, arg);
    if (!h)
        return -1;
    for (size_t i = 0; i < s->count; i++)
        if (is_box(&s->cmds[i]) && same_rect(s->cmds[i].rect, h->rect))
            return (int)i;
    return -1;
}

/* The chips drawn directly in block `card`: boxes in a degree's colour with
 * their letters inside. A chip whose letters are the mark of a degree of
 * that colour sets seen[di] (colours may repeat with many degrees, marks do
 * not); any other chip counts in *wrong. Returns the number of chips. */
static size_t chips_in(const scene *s, const content *c, int card,
                       const char (*marks)[LAY_MARK_MAX], bool *seen, size_t *wrong)
{
    size_t n = 0;
    memset(seen, 0, c->n_degrees * sizeof *seen);
    for (size_t i = 0; i < s->count; i++) {
        const scene_cmd *b = &s->cmds[i];
        if (!is_box(b) || b->parent != card)
            continue;
        bool chip = false;
        for (size_t di = 0; di < c->n_degrees; di++)
            chip |= same_color(b->color, c->degrees[di].color);
        if (!chip)
            continue;
        n++;
        const scene_cmd *x = NULL;
        for (size_t t = i + 1; t < s->count && !x; t++)
            if (s->cmds[t].kind == SCENE_TEXT && s->cmds[t].parent == (int32_t)i)
                x = &s->cmds[t];
        bool ok = false;
        for (size_t di = 0; x && di < c->n_degrees && !ok; di++)
            if (same_color(b->color, c->degrees[di].color) && x->len == strlen(marks[di]) &&
                !memcmp(x->text, marks[di], x->len))
                ok = seen[di] = true;
        if (!ok)
            (*wrong)++;
    }
    return n;
}

/* The marks as the toolkit makes them for c. */
static void marks_of(const content *c, char (*out)[LAY_MARK_MAX])
{
    scene s;
    scene_init(&s);
    lay_env env = { .w = 800, .h = 480, .dpi = 0, .measure = fixture_measure(),
                       .distance_cm = 0 };
    lay L;
    lay_begin(&L, &s, c, &env, NULL);
    const char(*m)[LAY_MARK_MAX] = lay_marks_of(&L);
    assert_non_null(m);
    memcpy(out, m, c->n_degrees * sizeof *out);
    lay_end(&L);
    scene_deinit(&s);
}

/* Whether some text of block `box` reads exactly `t`. */
static bool text_in(const scene *s, int box, const char *t)
{
    for (size_t i = 0; i < s->count; i++)
        if (s->cmds[i].kind == SCENE_TEXT && s->cmds[i].parent == box &&
            s->cmds[i].len == strlen(t) && !memcmp(s->cmds[i].text, t, s->cmds[i].len))
            return true;
    return false;
}

/* Every career once on the map (place a: 0, or 1 + the picked degree), in a
 * row whose chips are exactly its degrees' marks, or that says "All
 * degrees" (three or more, all of them) or "N degrees" (more than four); no
 * text joins two degree names. Returns the number of rows. */
static size_t check_map_at(const content *c, int w, int h, int a)
{
    char marks[64][LAY_MARK_MAX];
    assert_true(c->n_degrees <= 64);
    marks_of(c, marks);
    scene s;
    scene_init(&s);
    frame(&s, c, w, h, VIEW_SCREEN_CAREERS, a, NULL);
    bool seen[64];
    size_t rows = 0;
    for (size_t ci = 0; ci < c->n_careers; ci++) {
        const content_career *k = &c->careers[ci];
        assert_int_equal(count_hits(&s, VIEW_ACT_CAREER, (int)ci), 1);
        int row = card_of(&s, VIEW_ACT_CAREER, (int)ci);
        assert_true(row >= 0);
        rows++;
        size_t wrong = 0;
        size_t chips = chips_in(&s, c, row, (const char(*)[LAY_MARK_MAX])marks, seen, &wrong);
        assert_int_equal(wrong, 0);
        bool all = c->n_degrees > 2 && k->n_degrees == c->n_degrees;
        if (all || k->n_degrees > 4) {
            assert_int_equal(chips, 0);
            char want[64];
            snprintf(want, sizeof want, "%zu degrees", k->n_degrees);
            assert_true(text_in(&s, row, all ? c->strings[CONTENT_STR_ALL_DEGREES] : want));
            continue;
        }
        if (chips != k->n_degrees)
            fail_msg("career %s at %dx%d: %zu chips for %zu degrees", k->id, w, h, chips,
                     k->n_degrees);
        for (size_t j = 0; j < k->n_degrees; j++)
            assert_true(seen[k->degrees[j]]);
    }
    /* No combination heading: no line holds two degrees' names. */
    for (size_t i = 0; i < s.count; i++) {
        const scene_cmd *t = &s.cmds[i];
        if (t->kind != SCENE_TEXT)
            continue;
        size_t names = 0;
        for (size_t di = 0; di < c->n_degrees; di++) {
            const char *nm = c->degrees[di].name;
            size_t n = strlen(nm);
            for (size_t o = 0; n && o + n <= t->len && !names; o++)
                names += !memcmp(t->text + o, nm, n);
            for (size_t o = 0; n && o + n <= t->len && names == 1; o++)
                if (!memcmp(t->text + o, nm, n) && o)
                    names++;
        }
        if (names > 1)
            fail_msg("a line names more than one degree: %.*s", (int)t->len, t->text);
    }
    scene_deinit(&s);
    return rows;
}

static size_t check_map(const content *c, int w, int h)
{
    return check_map_at(c, w, h, 0);
}

static size_t audit(const content *c, int w, int h, view_screen scr, int a)
{
    scene s;
    scene_init(&s);
    lay_env env = { .w = w, .h = h, .dpi = 0, .measure = fixture_measure(), .distance_cm = 0 };
    frame(&s, c, w, h, scr, a, NULL);
    static char report[65536];
    size_t n = audit_layout(&s, &env, report, sizeof report);
    if (n)
        fprintf(stderr, "%s %d at %dx%d: %zu problem(s)\n%s", scr == VIEW_SCREEN_CAREERS ? "map"
                                                                                    : "career",
                a, w, h, n, report);
    scene_deinit(&s);
    return n;
}

static size_t audit_all(const content *c)
{
    size_t n = 0;
    for (size_t z = 0; z < NSIZES; z++) {
        n += audit(c, sizes[z][0], sizes[z][1], VIEW_SCREEN_CAREERS, 0);
        for (size_t ci = 0; ci < c->n_careers; ci++)
            n += audit(c, sizes[z][0], sizes[z][1], VIEW_SCREEN_CAREER, (int)ci);
    }
    return n;
}

/* ---- content of four degrees and 24 careers ------------------------------------ */

static content *four_by_24(void)
{
    content *c = fixture_many(4, 24, false);
    static const char *const degrees[4] = { "Computer Science", "Software Engineering",
                                            "Electronic Engineering", "Data Science" };
    static const char *const careers[24] = {
        "Software Developer", "Data Scientist", "Machine-Learning Engineer",
        "Security Analyst", "Research Scientist", "Game Programmer", "Robotics Engineer",
        "Technical Consultant", "DevOps Engineer", "Product Engineer", "Quality Engineer",
        "Technical Lead", "Embedded Engineer", "Hardware Designer", "Signal Processing Engineer",
        "Power Systems Engineer", "Data Analyst", "Data Engineer", "Business Analyst",
        "Statistician", "Cloud Architect", "Site Reliability Engineer", "Chip Verification Engineer",
        "Teacher",
    };
    /* Which degrees lead to career k: bit i for degree i. Own careers, pairs,
     * a triple and one career of all four. */
    static const unsigned sets[24] = { 3, 9, 9, 3, 15, 3, 5, 15, 2, 2, 2, 2,
                                       4, 4, 4, 4, 8, 9, 8, 8, 3, 2, 4, 7 };
    for (size_t i = 0; i < 4; i++) {
        fx_set(&c->degrees[i].name, degrees[i]);
        c->degrees[i].n_careers = 0;
        for (size_t k = 0; k < 24; k++)
            if (sets[k] & (1u << i))
                c->degrees[i].careers[c->degrees[i].n_careers++] = k;
    }
    for (size_t k = 0; k < 24; k++)
        fx_set(&c->careers[k].name, careers[k]);
    content_link(c);
    return c;
}

/* ---- tests ------------------------------------------------------------------------- */

static void three_every_career_once_in_its_row(void **state)
{
    (void)state;
    content *c = scratch_load("tests/three", NULL);
    assert_non_null(c);
    assert_int_equal(c->n_degrees, 3);
    assert_int_equal(c->n_careers, 17);
    char marks[3][LAY_MARK_MAX];
    marks_of(c, marks);
    assert_string_equal(marks[0], "CS");
    assert_string_equal(marks[1], "SE");
    assert_string_equal(marks[2], "EE");
    for (size_t z = 0; z < NSIZES; z++)
        assert_int_equal(check_map(c, sizes[z][0], sizes[z][1]), c->n_careers);
    content_destroy(c);
}

static void the_shipped_comparison_and_stress_content_too(void **state)
{
    (void)state;
    content *c = fixture_content();
    assert_int_equal(check_map(c, 1280, 800), c->n_careers);
    fixture_free(c);
    c = fixture_many(12, 100, false);
    check_map(c, 1920, 1080);
    check_map(c, 720, 1280);
    fixture_free(c);
    c = four_by_24();
    check_map(c, 1920, 1080);
    fixture_free(c);
    const char *dirs[] = { "tests/twelve", "tests/department" };
    for (size_t d = 0; d < 2; d++) {
        c = scratch_load(dirs[d], NULL);
        assert_non_null(c);
        for (size_t z = 0; z < NSIZES; z++)
            for (size_t a = 0; a <= c->n_degrees; a++)
                assert_int_equal(check_map_at(c, sizes[z][0], sizes[z][1], (int)a), c->n_careers);
        content_destroy(c);
    }
}

/* careers:ID: the key of every degree picks it (and All degrees none); the
 * picked key is framed; the careers it leads to are lit (framed in the
 * accent) and come before every other one, which is not lit. */
static void picking_a_degree_lights_its_careers(void **state)
{
    (void)state;
    content *c = scratch_load("tests/twelve", NULL);
    assert_non_null(c);
    scene s;
    scene_init(&s);
    od_color accent = c->colors[CONTENT_COLOR_ACCENT];
    for (size_t z = 0; z < NSIZES; z++)
        for (size_t d = 0; d < c->n_degrees; d++) {
            frame(&s, c, sizes[z][0], sizes[z][1], VIEW_SCREEN_CAREERS, (int)d + 1, NULL);
            assert_int_equal(count_hits(&s, VIEW_ACT_CAREERS, 0), 1);
            for (size_t k = 0; k < c->n_degrees; k++)
                assert_int_equal(count_hits(&s, VIEW_ACT_CAREERS, (int)k + 1), 1);
            float last_lit = -1, first_dim = 1e9f;
            for (size_t ci = 0; ci < c->n_careers; ci++) {
                bool leads = false;
                for (size_t j = 0; j < c->careers[ci].n_degrees; j++)
                    leads |= c->careers[ci].degrees[j] == d;
                const scene_cmd *h = find_hit(&s, VIEW_ACT_CAREER, (int)ci);
                assert_non_null(h);
                bool framed = false;
                for (size_t i = 0; i < s.count; i++)
                    framed |= s.cmds[i].kind == SCENE_FRAME && same_rect(s.cmds[i].rect, h->rect) &&
                              same_color(s.cmds[i].color, accent);
                assert_int_equal(framed, leads);
                /* column-major: compare the order of drawing, not position */
                float at = (float)(h - s.cmds);
                if (leads)
                    last_lit = fmaxf(last_lit, at);
                else
                    first_dim = fminf(first_dim, at);
            }
            assert_true(last_lit < first_dim);
        }
    /* Without a pick nothing is lit. */
    frame(&s, c, 1920, 1080, VIEW_SCREEN_CAREERS, 0, NULL);
    for (size_t ci = 0; ci < c->n_careers; ci++) {
        const scene_cmd *h = find_hit(&s, VIEW_ACT_CAREER, (int)ci);
        for (size_t i = 0; i < s.count; i++)
            assert_false(s.cmds[i].kind == SCENE_FRAME && same_rect(s.cmds[i].rect, h->rect));
    }
    scene_deinit(&s);
    content_destroy(c);
}

static void marks_part_where_initials_collide(void **state)
{
    (void)state;
    content *c = fixture_content();
    char marks[2][LAY_MARK_MAX];
    marks_of(c, marks);
    assert_string_equal(marks[0], "MP");
    assert_string_equal(marks[1], "MT");
    /* the same initials: both spell further, where they differ */
    fx_set(&c->degrees[1].name, "Music Performance");
    c->degrees[0].mark[0] = c->degrees[1].mark[0] = '\0';
    content_link(c);
    marks_of(c, marks);
    assert_string_equal(marks[0], "MPr");
    assert_string_equal(marks[1], "MPe");
    /* small words give no initial; nor does a dash or a middle dot */
    fx_set(&c->degrees[1].name, "Music and the Mind");
    c->degrees[1].mark[0] = '\0';
    content_link(c);
    marks_of(c, marks);
    assert_string_equal(marks[1], "MM");
    fx_set(&c->degrees[1].name, "Sound \xe2\x80\x94 Vision \xc2\xb7 Code");
    c->degrees[1].mark[0] = '\0';
    content_link(c);
    marks_of(c, marks);
    assert_string_equal(marks[1], "SVC");
    /* a one-word name: its first letters; the same name twice: numbered */
    fx_set(&c->degrees[1].name, "Geology");
    c->degrees[1].mark[0] = '\0';
    content_link(c);
    marks_of(c, marks);
    assert_string_equal(marks[1], "Geo");
    fx_set(&c->degrees[1].name, "Music Production");
    c->degrees[0].mark[0] = c->degrees[1].mark[0] = '\0';
    content_link(c);
    marks_of(c, marks);
    assert_string_not_equal(marks[0], marks[1]);
    assert_true(strlen(marks[0]) <= 4 && strlen(marks[1]) <= 4);
    check_map(c, 800, 480);
    fixture_free(c);
}

static void the_career_page_names_its_degrees_by_mark(void **state)
{
    (void)state;
    content *c = scratch_load("tests/three", NULL);
    assert_non_null(c);
    char marks[3][LAY_MARK_MAX];
    marks_of(c, marks);
    scene s;
    scene_init(&s);
    for (size_t ci = 0; ci < c->n_careers; ci++) {
        frame(&s, c, 720, 1280, VIEW_SCREEN_CAREER, (int)ci, NULL);
        const content_career *k = &c->careers[ci];
        for (size_t di = 0; di < c->n_degrees; di++) {
            bool leads = false;
            for (size_t j = 0; j < k->n_degrees; j++)
                leads |= k->degrees[j] == di;
            assert_int_equal(count_hits(&s, VIEW_ACT_DEGREE, (int)di), leads);
            if (!leads)
                continue;
            /* the key holds the degree's chip with its letters */
            const scene_cmd *h = find_hit(&s, VIEW_ACT_DEGREE, (int)di);
            int key = -1;
            for (size_t i = 0; i < s.count && key < 0; i++)
                if (is_box(&s.cmds[i]) && same_rect(s.cmds[i].rect, h->rect))
                    key = (int)i;
            assert_true(key >= 0);
            bool seen[3];
            size_t wrong = 0;
            assert_int_equal(chips_in(&s, c, key, (const char(*)[LAY_MARK_MAX])marks, seen,
                                      &wrong),
                             1);
            assert_int_equal(wrong, 0);
            assert_true(seen[di]);
        }
    }
    scene_deinit(&s);
    content_destroy(c);
}

static void columns_follow_the_width(void **state)
{
    (void)state;
    content *c = scratch_load("tests/three", NULL);
    assert_non_null(c);
    scene s;
    scene_init(&s);
    const int dims[3][2] = { { 720, 1280 }, { 1920, 1080 }, { 3840, 2160 } };
    size_t cols[3];
    for (size_t z = 0; z < 3; z++) {
        frame(&s, c, dims[z][0], dims[z][1], VIEW_SCREEN_CAREERS, 0, NULL);
        float xs[32];
        size_t n = 0;
        for (size_t ci = 0; ci < c->n_careers; ci++) {
            int card = card_of(&s, VIEW_ACT_CAREER, (int)ci);
            float x = s.cmds[card].rect.x;
            bool known = false;
            for (size_t i = 0; i < n; i++)
                known |= fabsf(xs[i] - x) < 0.5f;
            if (!known && n < 32)
                xs[n++] = x;
        }
        cols[z] = n;
    }
    assert_int_equal(cols[0], 1);      /* portrait: one column */
    assert_true(cols[1] >= 2);         /* wide: several */
    scene_deinit(&s);
    content_destroy(c);
}

static void nothing_overlaps_or_clips(void **state)
{
    (void)state;
    content *three = scratch_load("tests/three", NULL);
    content *extreme = scratch_load("tests/extreme", NULL);
    assert_non_null(three);
    assert_non_null(extreme);
    content *fix = fixture_content();
    content *many = fixture_many(12, 100, true);
    content *four = four_by_24();
    size_t n = audit_all(three) + audit_all(extreme) + audit_all(fix) + audit_all(four);
    for (size_t z = 0; z < NSIZES; z++)
        n += audit(many, sizes[z][0], sizes[z][1], VIEW_SCREEN_CAREERS, 0);
    assert_int_equal(n, 0);
    fixture_free(four);
    fixture_free(many);
    fixture_free(fix);
    content_destroy(extreme);
    content_destroy(three);
}

/* Four degrees and 24 careers on a 1920x1080 screen of 92 dpi: with the
 * physical sizes such a screen gets at arm's length (reading text of 20 px,
 * 9 mm targets, no smaller than 44 px), the whole map fits under the header
 * without scrolling. */
static void four_degrees_24_careers_fit_one_wide_screen(void **state)
{
    (void)state;
    content *c = four_by_24();
    scene s;
    scene_init(&s);
    lay_env env = { .w = 1920, .h = 1080, .dpi = 92, .measure = fixture_measure(),
                       .distance_cm = 60 };
    lay_frame_in in = settled(VIEW_SCREEN_CAREERS, 0);
    lay L;
    lay_begin(&L, &s, c, &env, &in);
    float u = 20.0f / 24.0f;
    L.m.unit = u;
    L.m.text_min = L.m.body = 20.0f;
    L.m.h3 = 28 * u;
    L.m.h2 = 34 * u;
    L.m.h1 = 44 * u;
    L.m.hero = 64 * u;
    L.m.target = fmaxf(9.0f / 25.4f * 92.0f, 44.0f);
    L.m.pad = 16 * u;
    L.m.gap = 12 * u;
    L.m.radius = 14 * u;
    L.m.header_h = L.m.target + 20 * u;
    L.hits = true;
    L.view_h = L.H - L.m.header_h;
    view_place p = in.cur.place;
    float h = screen_careers_draw(&L, &p);
    printf("4 degrees x 24 careers at 1920x1080, 92 dpi: %.0f of %.0f px\n", (double)h,
           (double)L.view_h);
    assert_true(h <= L.view_h);
    for (size_t ci = 0; ci < 24; ci++) {
        const scene_cmd *hit = find_hit(&s, VIEW_ACT_CAREER, (int)ci);
        assert_non_null(hit);
        assert_true(hit->rect.x >= 0 && hit->rect.x + hit->rect.w <= 1920.5f);
        assert_true(hit->rect.y + hit->rect.h <= L.view_h + 0.5f);
        assert_true(hit->rect.h >= L.m.target - 0.01f);
    }
    lay_end(&L);
    scene_deinit(&s);
    fixture_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(three_every_career_once_in_its_row),
        cmocka_unit_test(the_shipped_comparison_and_stress_content_too),
        cmocka_unit_test(picking_a_degree_lights_its_careers),
        cmocka_unit_test(marks_part_where_initials_collide),
        cmocka_unit_test(the_career_page_names_its_degrees_by_mark),
        cmocka_unit_test(columns_follow_the_width),
        cmocka_unit_test(nothing_overlaps_or_clips),
        cmocka_unit_test(four_degrees_24_careers_fit_one_wide_screen),
    };
    return cmocka_run_group_tests_name("careers", tests, NULL, NULL);
}
