/* test_cues.c - colour is never the only cue (WCAG 1.4.1, EN 301 549
 * 9.1.4.1 / 11.1.4.1): wherever a degree's, an award's or the "shared"
 * colour marks something, the screen also says it in letters or by shape.
 *
 * Each degree and award is given a colour of its own, unlike any other in
 * the theme, and the shared colour one more, so that every filled rectangle
 * drawn in one of them names what it stands for. Then on every screen (every
 * attract slide, every degree, career and comparison of shipped content,
 * tests/three and tests/twelve) at the 7-inch panel's and a 24-inch
 * monitor's size:
 * - a rectangle in a degree's or award's colour needs that degree or award
 *   labelled on the same screen: a text carrying its name (the award's short
 *   or full name), or letters drawn on a rectangle of its colour (a mark
 *   chip "MP", a badge "BA");
 * - a small disc in the shared colour (the marking of a shared career) needs
 *   a shape beside the colour: a second disc next to it (the pair) or
 *   letters on it; a larger rectangle in the shared colour (a bar, a frame's
 *   fill) needs the screen to say "shared" in words (the legend) or by marks.
 * So a dot that alone tells two degrees apart, or shared careers told from
 * the others by colour alone, fail. Tints under half opacity (the attract
 * loop's soft shapes in the slide's colours) are decoration and not
 * counted. Headless: fonts only. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "support.h"

static const struct {
    int w, h;
    float dpi;
} sizes[] = { { 800, 480, 0 }, { 720, 1280, 0 }, { 1920, 1080, 92 } };

static support S;

enum { ENT_DEGREE, ENT_AWARD, ENT_SHARED };

/* Entity colours: red 201..203 says which kind, green and blue the index. */
static od_color ent_colour(int kind, size_t i)
{
    return od_rgba((uint8_t)(201 + kind), (uint8_t)(i % 200), (uint8_t)(40 + i / 200), 255);
}

/* Tints under half opacity (the attract loop's soft background shapes)
 * are decoration, not cues: only firmer fills count. */
static bool ent_of(od_color c, int *kind, size_t *i)
{
    if (c.r < 201 || c.r > 203 || c.a < 128 || c.b < 40)
        return false;
    *kind = c.r - 201;
    *i = (size_t)c.g + 200u * (size_t)(c.b - 40);
    return true;
}

static void recolour(content *c)
{
    for (size_t i = 0; i < c->n_degrees; i++)
        c->degrees[i].color = ent_colour(ENT_DEGREE, i);
    for (size_t i = 0; i < c->n_awards; i++) {
        c->awards[i].color = ent_colour(ENT_AWARD, i);
        c->awards[i].has_color = true;
    }
    c->colors[CONTENT_COLOR_SHARED] = ent_colour(ENT_SHARED, 0);
}

static bool text_has(const scene_cmd *t, const char *what)
{
    size_t n = strlen(what);
    if (!n || t->len < n)
        return false;
    for (size_t k = 0; k + n <= t->len; k++)
        if (!memcmp(t->text + k, what, n))
            return true;
    return false;
}

/* Does some text's centre lie on a rectangle of colour (kind, i)? */
static bool letters_on(const scene *s, int kind, size_t i)
{
    for (size_t r = 0; r < s->count; r++) {
        const scene_cmd *c = &s->cmds[r];
        int k;
        size_t j;
        if (c->kind != SCENE_RECT || !ent_of(c->color, &k, &j) || k != kind || j != i)
            continue;
        for (size_t t = r + 1; t < s->count; t++) {
            const scene_cmd *x = &s->cmds[t];
            if (x->kind == SCENE_TEXT &&
                od_rect_contains(c->rect, x->rect.x + x->rect.w / 2, x->rect.y + x->rect.h / 2))
                return true;
        }
    }
    return false;
}

static bool named(const scene *s, int kind, size_t i)
{
    const content *c = S.c;
    for (size_t t = 0; t < s->count; t++) {
        const scene_cmd *x = &s->cmds[t];
        if (x->kind != SCENE_TEXT)
            continue;
        if (kind == ENT_DEGREE && text_has(x, c->degrees[i].name))
            return true;
        if (kind == ENT_AWARD &&
            (text_has(x, c->awards[i].short_name) || text_has(x, c->awards[i].name)))
            return true;
        if (kind == ENT_SHARED && text_has(x, c->strings[CONTENT_STR_SHARED]))
            return true;
    }
    return letters_on(s, kind, i);
}

/* A small disc: a square rect rounded into a circle, at most a body
 * height across. */
static bool is_disc(const scene_cmd *c, float body)
{
    return c->rect.w <= body && c->rect.w > 0 && c->rect.w == c->rect.h &&
           c->radius >= c->rect.w / 2 - 0.01f;
}

/* Another disc of the same colour and size beside this one (the pair). */
static bool paired(const scene *s, size_t r)
{
    const scene_cmd *c = &s->cmds[r];
    for (size_t k = 0; k < s->count; k++) {
        const scene_cmd *o = &s->cmds[k];
        if (k == r || o->kind != SCENE_RECT || o->color.r != c->color.r ||
            o->color.g != c->color.g || o->color.b != c->color.b)
            continue;
        if (o->rect.w == c->rect.w && o->rect.y == c->rect.y &&
            fabsf(o->rect.x - c->rect.x) <= 1.5f * c->rect.w)
            return true;
    }
    return false;
}

static size_t check_scene(const scene *s, const char *name, int w, int h, float body)
{
    size_t problems = 0;
    bool told[3][256] = { { false } };
    for (size_t r = 0; r < s->count; r++) {
        const scene_cmd *c = &s->cmds[r];
        int kind;
        size_t i;
        if (c->kind != SCENE_RECT || !ent_of(c->color, &kind, &i) || i >= 256 || told[kind][i])
            continue;
        const char *why = NULL;
        if (kind == ENT_SHARED && is_disc(c, body)) {
            if (!paired(s, r) && !letters_on(s, kind, i))
                why = "a shared-colour disc with no second disc and no letters";
        } else if (!named(s, kind, i)) {
            why = kind == ENT_DEGREE ? "a degree's colour with the degree named nowhere"
                  : kind == ENT_AWARD ? "an award's colour with the award named nowhere"
                                      : "the shared colour with \"shared\" said nowhere";
        }
        if (why) {
            fprintf(stderr, "%s at %dx%d: %s (rect %zu at %.0f,%.0f %.0fx%.0f, item %zu)\n", name,
                    w, h, why, r, (double)c->rect.x, (double)c->rect.y, (double)c->rect.w,
                    (double)c->rect.h, i);
            problems++;
            told[kind][i] = true; /* once per screen and item */
        }
    }
    return problems;
}

static size_t check_one(const char *name, size_t si, size_t slide)
{
    app *a = support_app_env(&S, name, sizes[si].w, sizes[si].h, sizes[si].dpi, 0, slide);
    if (!a) {
        fprintf(stderr, "cannot open %s\n", name);
        return 1;
    }
    lay_env env = { .w = sizes[si].w, .h = sizes[si].h, .dpi = sizes[si].dpi,
                       .measure = fontset_measure(S.fonts), .distance_cm = 0 };
    lay_metrics m;
    lay_metrics_compute(&env, &m);
    char label[600];
    snprintf(label, sizeof label, "%s (slide %zu)", name, slide);
    size_t n = check_scene(app_scene(a), label, sizes[si].w, sizes[si].h, m.body);
    app_destroy(a);
    return n;
}

static void every_colour_is_named(void **state)
{
    (void)state;
    recolour(S.c);
    char *names[600];
    size_t n = support_screens(S.c, names, 512);
    char buf[600];
    for (size_t a = 0; a < S.c->n_degrees && n < 600; a++)
        for (size_t b = 0; b < S.c->n_degrees && n < 600; b++)
            if (a != b && (a < 3 && b < 3)) {
                snprintf(buf, sizeof buf, "compare:%s,%s", S.c->degrees[a].id,
                         S.c->degrees[b].id);
                names[n++] = strdup(buf);
            }
    size_t problems = 0, checked = 0;
    for (size_t si = 0; si < sizeof sizes / sizeof *sizes; si++) {
        for (size_t i = 0; i < n; i++, checked++)
            problems += check_one(names[i], si, 0);
        for (size_t k = 0; k < S.c->n_slides; k++, checked++)
            problems += check_one("attract", si, k);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    printf("checked %zu screens for colour-only cues, %zu problems\n", checked, problems);
    assert_int_equal(problems, 0);
}

/* The check itself: a lone dot in a degree's colour on a screen that
 * names no degree, and a lone shared-colour disc, are caught. */
static void the_check_catches_colour_alone(void **state)
{
    (void)state;
    recolour(S.c);
    scene s;
    scene_init(&s);
    scene_rect(&s, (od_rect){ 0, 0, 800, 480 }, od_rgba(0, 0, 0, 255), 0);
    scene_rect(&s, (od_rect){ 10, 10, 12, 12 }, ent_colour(ENT_DEGREE, 0), 6);
    scene_text(&s, 30, 8, 100, 20, SCENE_FONT_REGULAR, 20, od_rgba(255, 255, 255, 255), "Composer", 8);
    scene_rect(&s, (od_rect){ 10, 50, 12, 12 }, ent_colour(ENT_SHARED, 0), 6);
    assert_int_equal(check_scene(&s, "synthetic", 800, 480, 27), 2);
    /* named, and paired: fine */
    const char *nm = S.c->degrees[0].name;
    scene_text(&s, 30, 100, 100, 20, SCENE_FONT_REGULAR, 20, od_rgba(255, 255, 255, 255), nm,
               strlen(nm));
    scene_rect(&s, (od_rect){ 25, 50, 12, 12 }, ent_colour(ENT_SHARED, 0), 6);
    assert_int_equal(check_scene(&s, "synthetic", 800, 480, 27), 0);
    scene_deinit(&s);
}

SUPPORT_GROUP_FIXTURES(S)

int main(void)
{
    const struct CMUnitTest unit[] = { cmocka_unit_test(the_check_catches_colour_alone) };
    const struct CMUnitTest tests[] = { cmocka_unit_test(every_colour_is_named) };
    int failed = cmocka_run_group_tests_name("cues-check", unit, setup, teardown);
    failed += cmocka_run_group_tests_name("cues", tests, setup, teardown);
    failed += cmocka_run_group_tests_name("cues-three", tests, setup_three, teardown);
    failed += cmocka_run_group_tests_name("cues-twelve", tests, setup_twelve, teardown);
    return failed;
}
