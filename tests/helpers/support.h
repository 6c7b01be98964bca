/* support.h - shared set-up for the tests that use the real fonts: load the
 * shipped content, open the fonts, and put an app on a named screen at a size,
 * settled (transitions finished). Header-only: each test is one program. */
#ifndef OPENDAY_TEST_SUPPORT_H
#define OPENDAY_TEST_SUPPORT_H

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "content.h"
#include "font.h"
#include "screen.h"

typedef struct {
    content *c;
    fontset *fonts;
} support;

static inline void support_init_dir(support *s, const char *dir)
{
    content_report rep;
    content_report_init(&rep);
    s->c = content_load(dir, &rep);
    if (!s->c)
        content_report_print(&rep, stderr);
    content_report_deinit(&rep);
    if (TTF_Init() != 0)
        fprintf(stderr, "TTF_Init: %s\n", TTF_GetError());
    s->fonts = s->c ? fontset_create(s->c->font_family) : NULL;
}

static inline void support_init(support *s)
{
    support_init_dir(s, "content");
}

static inline void support_deinit(support *s)
{
    fontset_destroy(s->fonts);
    content_destroy(s->c);
    TTF_Quit();
}

/* cmocka group fixtures for a test file whose shared state is `support S`,
 * one per content set: setup (the shipped content), setup_three,
 * setup_twelve, setup_extreme, setup_department, and teardown. Defined static inline, so a
 * file uses the ones it needs. */
#define SUPPORT_GROUP_FIXTURES(S)                                                     \
    static inline int support_up_(const char *dir)                                    \
    {                                                                                 \
        support_init_dir(&(S), dir);                                                  \
        return (S).c && (S).fonts ? 0 : -1;                                           \
    }                                                                                 \
    static inline int setup(void **state)                                             \
    {                                                                                 \
        (void)state;                                                                  \
        return support_up_("content");                                                \
    }                                                                                 \
    static inline int setup_three(void **state)                                       \
    {                                                                                 \
        (void)state;                                                                  \
        return support_up_("tests/three");                                            \
    }                                                                                 \
    static inline int setup_twelve(void **state)                                      \
    {                                                                                 \
        (void)state;                                                                  \
        return support_up_("tests/twelve");                                           \
    }                                                                                 \
    static inline int setup_extreme(void **state)                                     \
    {                                                                                 \
        (void)state;                                                                  \
        return support_up_("tests/extreme");                                          \
    }                                                                                 \
    static inline int setup_department(void **state)                                  \
    {                                                                                 \
        (void)state;                                                                  \
        return support_up_("tests/department");                                       \
    }                                                                                 \
    static inline int teardown(void **state)                                          \
    {                                                                                 \
        (void)state;                                                                  \
        support_deinit(&(S));                                                         \
        return 0;                                                                     \
    }

/* Every screen name of the shipped content: the screens without an item,
 * each degree, each career. Returns how many were written (at most max); names are heap strings. */
static inline size_t support_screens(const content *c, char **out, size_t max)
{
    /* From the screen table: each screen reachable by its bare name (no
     * item to name), in table order; the attract loop has its own tests. */
    size_t n = 0;
    for (int s = 0; s < VIEW_SCREEN_COUNT && n < max; s++) {
        const screen_def *d = screen_get((view_screen)s);
        if (!d->full && (d->param == VIEW_PARAM_NONE || d->param == VIEW_PARAM_DEGREE_PAIR ||
                         d->param == VIEW_PARAM_DEGREE_PICK || d->param == VIEW_PARAM_UNFOLD))
            out[n++] = strdup(d->name);
    }
    char buf[600];
    for (size_t i = 0; i < c->n_degrees && n < max; i++) {
        snprintf(buf, sizeof buf, "degree:%s", c->degrees[i].id);
        out[n++] = strdup(buf);
    }
    for (size_t i = 0; i < c->n_careers && n < max; i++) {
        snprintf(buf, sizeof buf, "career:%s", c->careers[i].id);
        out[n++] = strdup(buf);
    }
    return n;
}

/* An app on `name` at w x h, for a screen of `dpi` seen from `distance_cm`
 * (0: the defaults), with every animation settled. For "attract", `slide`
 * selects which slide of the playlist is showing. `minute`: the wall clock's
 * minute of the day from the start (-1: none), so that the attract loop's
 * notices slide shows when a notice applies. */
static inline app *support_app_clock(support *s, const char *name, int w, int h, float dpi,
                                     float distance_cm, size_t slide, int minute)
{
    app_config cfg;
    app_config_defaults(&cfg);
    cfg.attract_after_ms = 0;
    lay_env env = { .w = w, .h = h, .dpi = dpi, .measure = fontset_measure(s->fonts),
                       .distance_cm = distance_cm };
    app *a = app_create(s->c, &cfg, &env, 0);
    if (a && minute >= 0)
        app_set_clock(a, minute, true, 0);
    if (!a || !app_goto(a, name, 0)) {
        app_destroy(a);
        return NULL;
    }
    uint64_t t = 0;
    uint64_t until = 1000 + (uint64_t)slide * s->c->slide_ms;
    for (; t <= until; t += 16)
        app_update(a, t);
    return a;
}

/* The same without a clock. */
static inline app *support_app_env(support *s, const char *name, int w, int h, float dpi,
                                   float distance_cm, size_t slide)
{
    return support_app_clock(s, name, w, h, dpi, distance_cm, slide, -1);
}

/* The same with the visitor's accessibility choices `bits` (a
 * view_access_choice bit set) already made. */
static inline app *support_app_access(support *s, const char *name, int w, int h, float dpi,
                                      float distance_cm, unsigned bits)
{
    app *a = support_app_env(s, name, w, h, dpi, distance_cm, 0);
    if (!a)
        return NULL;
    app_access acc = app_access_from_bits(bits);
    app_set_access(a, &acc);
    app_update(a, 0); /* the same moment: laid out again with the choices */
    return a;
}

static inline app *support_app(support *s, const char *name, int w, int h, size_t slide)
{
    return support_app_env(s, name, w, h, 0, 0, slide);
}

/* Tap the centre of a's last hit region for `action` (any argument; the
 * test fails when there is none): down at t, up 50 ms later, and the app
 * updated at t + 100. Include after <cmocka.h>. */
static inline void support_tap(app *a, int action, uint64_t t)
{
    const scene *sc = app_scene(a);
    const scene_cmd *b = NULL;
    for (size_t i = 0; i < sc->count; i++)
        if (sc->cmds[i].kind == SCENE_HIT && sc->cmds[i].action == action)
            b = &sc->cmds[i];
    assert_non_null(b);
    input_event ev = { .kind = INPUT_DOWN, .x = b->rect.x + b->rect.w / 2,
                       .y = b->rect.y + b->rect.h / 2, .t_ms = t };
    app_input(a, &ev);
    ev.kind = INPUT_UP;
    ev.t_ms = t + 50;
    app_input(a, &ev);
    app_update(a, t + 100);
}

#endif
