/* app.c - the visitor state machine. See app.h for the contract.
 *
 * Input flows pointer events -> gesture recogniser -> actions on the places;
 * time flows through app_update, which advances the transition, the scroll
 * inertia and the attract loop. Layout runs lazily in app_scene, so many
 * events inside one frame cost one layout. */
#include "app.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anim.h"
#include "dump.h"
#include "gesture.h"
#include "access.h"
#include "refused.h"
#include "narrate.h"
#include "notices.h"
#include "speechbar.h"
#include "visitor_lang.h"
#include "visitor_quiz.h"

#define HISTORY_MAX 32

typedef struct {
    view_place place;
    float scroll;
} app_hist;

struct app {
    const content *c;
    app_config cfg;
    lay_env env;
    text_cache *wrap;            /* owned; env.cache points at it */
    lay_metrics m;

    view_place place;
    anim_scroller scroll;
    app_hist hist[HISTORY_MAX];
    size_t nhist;

    /* page transition */
    bool trans;
    lay_page trans_prev;
    uint64_t trans_t0;
    int trans_dir;

    /* input */
    gesture g;
    uint32_t pressed;
    uint32_t focus;
    bool show_focus;
    uint64_t last_input;

    /* attract loop */
    size_t slide, prev_slide;
    size_t lap;               /* completed passes of the playlist, never reset:
                                 each pass shows the next pair of degrees */
    uint64_t slide_t0;

    /* visitor languages: the set as given (app_create, app_set_content)
     * and the language on screen; c is that language's model */
    visitor_lang lang;
    bool notice_open;         /* the notices read whole in the page's place */
    float notice_scroll;      /* the page's scroll while they are open */

    /* accessibility: the choices and the panel */
    visitor_access access;
    anim_scroller pscroll;    /* its rows, when they are taller than the room */
    unsigned warn_s;          /* the reset warning's countdown, 0 = hidden */
    bool swallow;             /* the finger that dismissed the warning is still
                                 down: its moves and release do nothing */

    uint64_t now;
    uint64_t last_update;

    /* wall clock (app_set_clock): minute of the day at clock_t0, -1 unknown */
    int clock_min;
    bool clock_trusted;
    uint64_t clock_t0;
    int clock_shown;          /* the minute the scene was laid out with */

    /* the quiz's answers, kept for the visit only */
    visitor_quiz quiz;

    /* the authors' banner (app_set_refused) */
    lay_refused refused;
    bool has_refused;

    scene sc;
    frame_result res;
    bool dirty;
    uint64_t layouts;

    /* Read aloud */
    reader rd;
    bool speak_screen;        /* say the screen once it has settled */
    uint32_t spoken;          /* the target a first touch spoke, 0 none */
};

static void speech_screen_opened(app *a);
static void speech_say_screen(app *a);
static bool speech_tap(app *a, const scene_cmd *h, float x, float y);
static void speech_focus(app *a);
static void speech_control(app *a, int which);

void app_config_defaults(app_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->attract_after_ms = 90000;
    cfg->reset_warning_ms = 20000;
    cfg->transition_ms = 250;
    cfg->slide_fade_ms = 700;
}

static void configure_gestures(app *a)
{
    lay_metrics_compute(&a->env, &a->m);
    float dpi = a->env.dpi > 0 ? a->env.dpi : LAY_DEFAULT_DPI;
    float mm = dpi / 25.4f;
    gesture_config gc = {
        .slop_px = fmaxf(2.5f * mm, 8.0f * a->m.unit),
        .swipe_px = fmaxf(12.0f * mm, 60.0f * a->m.unit),
        .swipe_speed = 250.0f * a->m.unit,
        .tap_ms = 900,
    };
    gesture_init(&a->g, &gc);
}

app *app_create(const content *c, const app_config *cfg, const lay_env *env,
                uint64_t now_ms)
{
    assert(c && cfg && env && env->measure.text_width && env->measure.line_height);
    app *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    visitor_lang_init(&a->lang, c);
    a->c = visitor_lang_model(&a->lang);
    a->cfg = *cfg;
    if (!a->cfg.transition_ms)
        a->cfg.transition_ms = 1;
    a->env = *env;
    /* The app's own cache of wrapped lines (none when out of memory: the
     * layout then wraps every frame). */
    a->wrap = text_cache_create();
    a->env.cache = a->wrap;
    a->env.mounted_high = a->env.mounted_high || cfg->mounted_high;
    a->clock_min = a->clock_shown = -1;
    configure_gestures(a);
    anim_scroller_init(&a->scroll);
    anim_scroller_init(&a->pscroll);
    scene_init(&a->sc);
    a->place.screen = VIEW_SCREEN_ATTRACT;
    a->now = a->last_update = a->last_input = a->slide_t0 = now_ms;
    a->dirty = true;
    reader_init(&a->rd, &a->cfg.speech);
    reader_set_lang(&a->rd, a->c->language);
    return a;
}

void app_destroy(app *a)
{
    if (!a)
        return;
    scene_deinit(&a->sc);
    text_cache_destroy(a->wrap);
    reader_deinit(&a->rd);
    free(a);
}

void app_resize(app *a, int w, int h)
{
    assert(w > 0 && h > 0);
    if (a->env.w == w && a->env.h == h)
        return;
    a->env.w = w;
    a->env.h = h;
    configure_gestures(a); /* drops any finger in progress: its geometry is gone */
    a->pressed = 0;
    a->dirty = true;
}

void app_set_physical(app *a, float dpi, float distance_cm)
{
    a->env.dpi = dpi;
    a->env.distance_cm = distance_cm;
    configure_gestures(a);
    a->pressed = 0;
    a->dirty = true;
}

/* ---- accessibility --------------------------------------------------------- */

/* The choices that change the layout go into its environment; a new text
 * size changes the gestures' thresholds too. */
static void apply_access(app *a)
{
    a->env.large_text = a->access.choices.large_text;
    a->env.high_contrast = a->access.choices.high_contrast;
    a->env.reach = a->access.choices.reach;
    configure_gestures(a);
    a->pressed = 0;
    a->dirty = true;
}

app_access app_get_access(const app *a)
{
    return a->access.choices;
}

void app_set_access(app *a, const app_access *acc)
{
    a->access.choices = *acc;
    /* Read aloud is the reader's state: the choice follows it. */
    a->access.choices.read_aloud = a->rd.on;
    app_set_read_aloud(a, acc->read_aloud);
    apply_access(a);
}

unsigned app_access_bits(const app_access *acc)
{
    return visitor_access_bits(acc);
}

app_access app_access_from_bits(unsigned bits)
{
    return visitor_access_from_bits(bits);
}

od_color app_background(const app *a)
{
    return access_background(a->c, a->access.choices.high_contrast);
}

bool app_access_open(const app *a)
{
    return a->access.open;
}

unsigned app_reset_warning(const app *a)
{
    return a->warn_s;
}

static void toggle_choice(app *a, int choice)
{
    if (choice < 0 || choice >= VIEW_ACCESS_COUNT)
        return;
    if (choice == VIEW_ACCESS_READ_ALOUD) {
        app_set_read_aloud(a, !a->access.choices.read_aloud);
        return;
    }
    app_access acc = visitor_access_toggled(&a->access.choices, choice);
    app_set_access(a, &acc);
}

/* The warning's length: as configured, but never more than half the idle
 * time, so a visitor who just touched is never warned at once. */
static uint64_t warn_ms(const app *a)
{
    uint64_t w = a->cfg.reset_warning_ms, half = a->cfg.attract_after_ms / 2;
    return w < half ? w : half;
}

/* Seconds the countdown shows now; 0 when it does not show. */
static unsigned warn_left(const app *a)
{
    if (a->place.screen == VIEW_SCREEN_ATTRACT || a->cfg.loop || !a->cfg.attract_after_ms)
        return 0;
    uint64_t w = warn_ms(a), idle = a->now - a->last_input;
    if (!w || idle >= a->cfg.attract_after_ms)
        return 0;
    uint64_t left = a->cfg.attract_after_ms - idle;
    return left <= w ? (unsigned)((left + 999) / 1000) : 0;
}

/* ---- places ------------------------------------------------------------- */

/* Show language i from now on: the same place and history (every language
 * of a set has the same items at the same indices), laid out again, and
 * Read aloud speaking it in that language's voice. */
static void use_language(app *a, size_t i)
{
    if (!visitor_lang_use(&a->lang, i))
        return;
    a->c = visitor_lang_model(&a->lang);
    reader_set_lang(&a->rd, a->c->language);
    a->spoken = 0;
    a->dirty = true;
}

static lay_page current_page(const app *a)
{
    lay_page p = { a->place, a->scroll.pos, a->pressed, a->focus };
    return p;
}

/* Move to place p. dir: +1 forward, -1 back, 0 crossfade. push: remember the
 * current place for Back. clear: forget the history (Home, wake, idle). */
static void go(app *a, view_place p, int dir, bool push, bool clear, float scroll)
{
    if (!view_place_valid(&p, a->c))
        return;
    a->trans = true;
    a->trans_prev = current_page(a);
    a->trans_prev.pressed = 0;
    a->trans_prev.focus = 0;
    a->trans_t0 = a->now;
    a->trans_dir = dir;
    if (clear) {
        a->nhist = 0;
    } else if (push) {
        if (a->nhist == HISTORY_MAX) {
            memmove(a->hist, a->hist + 1, (HISTORY_MAX - 1) * sizeof *a->hist);
            a->nhist--;
        }
        a->hist[a->nhist++] = (app_hist){ a->place, a->scroll.pos };
    }
    if (p.screen == VIEW_SCREEN_ATTRACT && a->place.screen != VIEW_SCREEN_ATTRACT) {
        a->slide = a->prev_slide = 0;
        a->slide_t0 = a->now;
        reader_reset(&a->rd); /* the visit is over: Read aloud off, volume back */
        visitor_quiz_clear(&a->quiz); /* and the quiz's answers forgotten */
        /* The visit is over: the next visitor starts with no choices made. */
        if (visitor_access_forget(&a->access))
            apply_access(a);
        /* and in the content's own language */
        use_language(a, content_default_language(a->lang.root));
    }
    a->access.open = false;
    a->lang.open = false;
    a->notice_open = false;
    a->warn_s = 0;
    if (a->access.choices.less_motion)
        a->trans = false;
    speech_screen_opened(a);
    a->place = p;
    anim_scroller_init(&a->scroll);
    anim_scroller_jump(&a->scroll, scroll);
    a->pressed = 0;
    a->focus = 0;
    gesture_reset(&a->g);
    a->dirty = true;
}

static void go_back(app *a)
{
    if (a->nhist == 0)
        return;
    app_hist h = a->hist[--a->nhist];
    go(a, h.place, -1, false, false, 0);
    /* Restore where the visitor was reading; spring-back fixes it if the page
     * is now shorter. */
    anim_scroller_jump(&a->scroll, h.scroll);
}

static void go_home(app *a)
{
    view_place home = { VIEW_SCREEN_HOME, 0, 0 };
    go(a, home, a->place.screen == VIEW_SCREEN_ATTRACT ? 0 : -1, false, true, 0);
}

/* Swipe or arrow key: the next (step +1) or previous sibling card. */
static void go_sibling(app *a, int step)
{
    size_t n = view_place_siblings(&a->place, a->c);
    if (n < 2)
        return;
    view_place p = a->place;
    p.a = (int)(((size_t)p.a + n + (size_t)(step > 0 ? 1 : n - 1)) % n);
    go(a, p, step > 0 ? 1 : -1, false, false, 0);
}

/* Page Up/Down and the scroll buttons: most of a viewport, so a line at
 * the bottom edge is still in sight after the move. */
static void page_scroll(app *a, int dir)
{
    float page = a->res.view_h > 0 ? a->res.view_h * 0.85f : (float)a->env.h * 0.6f;
    /* Stop at the ends rather than spring back from beyond them: a page
     * that bounces moves its brightest blocks (a QR code's white square) to
     * and fro, which reads as flashing. */
    float max = fmaxf(0.0f, a->res.content_h - a->res.view_h);
    float to = fminf(fmaxf(a->scroll.pos + (dir > 0 ? page : -page), 0.0f), max);
    anim_scroller_fling_to(&a->scroll, to);
}

/* The quiz: answer `arg` (an index) to the question on screen, then the
 * next question or the result; -1 forgets every answer and starts again. */
static void answer(app *a, int arg)
{
    view_place p = { VIEW_SCREEN_QUIZ, 0, 0 };
    if (arg < 0) {
        visitor_quiz_clear(&a->quiz);
        go(a, p, 1, true, false, 0);
        return;
    }
    size_t q = (size_t)a->place.a;
    if (a->place.screen != VIEW_SCREEN_QUIZ || !visitor_quiz_answer(&a->quiz, a->c, q, arg))
        return;
    if (q + 1 < a->c->n_questions)
        p.a = (int)q + 1;
    else
        p.screen = VIEW_SCREEN_QUIZ_RESULT;
    go(a, p, 1, true, false, 0);
}

static void ensure_scene(app *a);

static bool in_attract(const app *a)
{
    return a->place.screen == VIEW_SCREEN_ATTRACT;
}

/* Open or close the notices read whole: they take the page's place from
 * their top, and the page comes back where it was. */
static void set_notices(app *a, bool open)
{
    if (open == a->notice_open)
        return;
    float back = a->notice_scroll;
    if (open)
        a->notice_scroll = a->scroll.pos;
    a->notice_open = open;
    anim_scroller_init(&a->scroll);
    anim_scroller_jump(&a->scroll, open ? 0 : back);
    a->dirty = true;
}

static void perform(app *a, int action, int arg)
{
    view_place p = { VIEW_SCREEN_HOME, 0, 0 };
    switch ((view_action)action) {
    case VIEW_ACT_WAKE:
        go_home(a);
        break;
    case VIEW_ACT_BACK:
        go_back(a);
        break;
    case VIEW_ACT_HOME:
        if (a->place.screen != VIEW_SCREEN_HOME)
            go_home(a);
        break;
    case VIEW_ACT_ACCESS:
        a->access.open = !a->access.open;
        a->lang.open = false;
        anim_scroller_init(&a->pscroll);
        a->dirty = true;
        break;
    case VIEW_ACT_LANGUAGE:
        if (in_attract(a)) {
            go_home(a); /* a language chosen before the visit starts */
            a->lang.open = true;
        } else {
            a->lang.open = !a->lang.open;
        }
        a->access.open = false;
        a->dirty = true;
        break;
    case VIEW_ACT_LANGUAGE_SET:
        if (visitor_lang_pick(&a->lang, arg)) {
            use_language(a, (size_t)arg);
            speech_screen_opened(a); /* the screen, read again in its new language */
        }
        a->lang.open = false;
        a->dirty = true;
        break;
    case VIEW_ACT_ACCESS_SET:
        toggle_choice(a, arg);
        break;
    case VIEW_ACT_NOTICE:
        /* The band shortened to one line: its notices read whole, as a
         * page in the page's place; the page's scroll comes back after. */
        set_notices(a, arg >= 0);
        a->access.open = a->lang.open = false;
        break;
    case VIEW_ACT_STAY:
        break;
    case VIEW_ACT_ANSWER:
        answer(a, arg);
        break;
    case VIEW_ACT_PICK_LEFT:
    case VIEW_ACT_PICK_RIGHT:
        if (a->place.screen == VIEW_SCREEN_COMPARE && arg >= 0 && (size_t)arg < a->c->n_degrees) {
            bool left = action == VIEW_ACT_PICK_LEFT;
            int *mine = left ? &a->place.a : &a->place.b;
            int *other = left ? &a->place.b : &a->place.a;
            if (*other == arg) /* picking the other column's degree swaps them */
                *other = *mine;
            *mine = arg;
            a->dirty = true;
            speech_screen_opened(a);
        }
        break;
    case VIEW_ACT_SPEECH:
        speech_control(a, arg);
        break;
    case VIEW_ACT_SIBLING:
        go_sibling(a, arg);
        break;
    case VIEW_ACT_SCROLL:
        page_scroll(a, arg);
        a->dirty = true;
        break;
    case VIEW_ACT_NONE:
    case VIEW_ACT_COUNT:
    default:
        /* Every other action opens a screen, as the screen table says. */
        if (view_place_for_action(action, arg, &p))
            go(a, p, 1, true, false, 0);
        break;
    }
}

/* ---- input ---------------------------------------------------------------- */

/* Keyboard focus: move to the next/previous enabled hit region in drawing
 * order, and scroll it into view when it lies in the scrolled body. */
static void move_focus(app *a, int step)
{
    ensure_scene(a);
    const scene *s = &a->sc;
    size_t n = 0, cur = (size_t)-1;
    for (size_t i = 0; i < s->count; i++)
        if (s->cmds[i].kind == SCENE_HIT && !(s->cmds[i].flags & SCENE_F_DISABLED)) {
            if (s->cmds[i].id == a->focus)
                cur = n;
            n++;
        }
    if (n == 0)
        return;
    size_t want = cur == (size_t)-1 ? (step > 0 ? 0 : n - 1) : (cur + n + (size_t)(step > 0 ? 1 : n - 1)) % n;
    for (size_t i = 0, k = 0; i < s->count; i++) {
        const scene_cmd *c = &s->cmds[i];
        if (c->kind != SCENE_HIT || (c->flags & SCENE_F_DISABLED))
            continue;
        if (k++ != want)
            continue;
        a->focus = c->id;
        if (c->clip >= 0) {
            od_rect clip = s->clips[c->clip];
            if (c->rect.y < clip.y)
                anim_scroller_fling_to(&a->scroll, a->scroll.pos - (clip.y - c->rect.y) - a->m.pad);
            else if (c->rect.y + c->rect.h > clip.y + clip.h)
                anim_scroller_fling_to(&a->scroll, a->scroll.pos + (c->rect.y + c->rect.h - clip.y - clip.h) + a->m.pad);
        }
        break;
    }
    a->show_focus = true;
    a->dirty = true;
    speech_focus(a);
}

static void on_key(app *a, input_key key)
{
    if (in_attract(a)) {
        if (key != INPUT_KEY_QUIT && key != INPUT_KEY_OTHER)
            perform(a, VIEW_ACT_WAKE, 0);
        return;
    }
    float page = a->res.view_h > 0 ? a->res.view_h * 0.85f : (float)a->env.h * 0.6f;
    switch (key) {
    case INPUT_KEY_BACK:
        if (a->access.open || a->lang.open || a->notice_open) {
            a->access.open = a->lang.open = false;
            set_notices(a, false);
            a->dirty = true;
        } else
            go_back(a);
        break;
    case INPUT_KEY_HOME:
        perform(a, VIEW_ACT_HOME, 0);
        break;
    case INPUT_KEY_LEFT:
        go_sibling(a, -1);
        break;
    case INPUT_KEY_RIGHT:
        go_sibling(a, 1);
        break;
    case INPUT_KEY_UP:
        anim_scroller_fling_to(&a->scroll, a->scroll.pos - page * 0.3f);
        break;
    case INPUT_KEY_DOWN:
        anim_scroller_fling_to(&a->scroll, a->scroll.pos + page * 0.3f);
        break;
    case INPUT_KEY_PAGE_UP:
        page_scroll(a, -1);
        break;
    case INPUT_KEY_PAGE_DOWN:
        page_scroll(a, 1);
        break;
    case INPUT_KEY_NEXT:
        move_focus(a, 1);
        break;
    case INPUT_KEY_PREV:
        move_focus(a, -1);
        break;
    case INPUT_KEY_ACTIVATE: {
        ensure_scene(a);
        const scene_cmd *h = a->focus ? scene_find_hit(&a->sc, a->focus) : NULL;
        if (h && !(h->flags & SCENE_F_DISABLED))
            perform(a, h->action, h->arg);
        else
            move_focus(a, 1);
        break;
    }
    case INPUT_KEY_QUIT:
    case INPUT_KEY_OTHER:
    case INPUT_KEY_COUNT:
    default:
        break;
    }
    a->dirty = true;
}

/* A target of the overlay that is open (the accessibility panel or the
 * language chooser), where a touch on anything else only closes it. */
static bool is_panel_action(const app *a, int action)
{
    if (a->notice_open)
        return action == VIEW_ACT_NOTICE || action == VIEW_ACT_SCROLL;
    if (a->lang.open)
        return action == VIEW_ACT_LANGUAGE || action == VIEW_ACT_LANGUAGE_SET;
    return action == VIEW_ACT_ACCESS || action == VIEW_ACT_ACCESS_SET;
}

static void on_gesture(app *a, const gesture_event *ge)
{
    if (in_attract(a)) {
        /* The wake touch only wakes: forget the finger so its release cannot
         * tap whatever Home shows under it. Only the language button does
         * more: it wakes the kiosk with the chooser open. */
        if (ge->kind == GESTURE_PRESS) {
            ensure_scene(a);
            const scene_cmd *h = scene_hit_test(&a->sc, ge->x, ge->y);
            perform(a, h && h->action == VIEW_ACT_LANGUAGE ? VIEW_ACT_LANGUAGE : VIEW_ACT_WAKE, 0);
            gesture_reset(&a->g);
        }
        return;
    }
    if (a->access.open) {
        /* The page under the panel does not scroll or swipe; the panel's
         * rows scroll when they are taller than the room. */
        if (ge->kind == GESTURE_DRAG) {
            a->pscroll.dragging = true;
            anim_scroller_drag(&a->pscroll, -ge->dy);
        } else if (ge->kind == GESTURE_FLING) {
            anim_scroller_release(&a->pscroll, -ge->vy);
        } else if (ge->kind == GESTURE_PRESS && anim_scroller_moving(&a->pscroll)) {
            anim_scroller_release(&a->pscroll, 0);
        }
        if (ge->kind == GESTURE_DRAG || ge->kind == GESTURE_FLING || ge->kind == GESTURE_SWIPE) {
            a->dirty = true;
            return;
        }
    }
    switch (ge->kind) {
    case GESTURE_PRESS: {
        ensure_scene(a);
        const scene_cmd *h = scene_hit_test(&a->sc, ge->x, ge->y);
        if ((a->access.open || a->lang.open || a->notice_open) && h &&
            !is_panel_action(a, h->action))
            h = NULL; /* with the panel open a touch elsewhere only closes it */
        a->pressed = h ? h->id : 0;
        /* A finger on a coasting list stops it, as on a phone. */
        if (anim_scroller_moving(&a->scroll))
            anim_scroller_release(&a->scroll, 0);
        a->show_focus = false;
        break;
    }
    case GESTURE_CANCEL:
        a->pressed = 0;
        break;
    case GESTURE_TAP: {
        ensure_scene(a);
        const scene_cmd *h = scene_hit_test(&a->sc, ge->x, ge->y);
        uint32_t was = a->pressed;
        a->pressed = 0;
        if ((a->access.open || a->lang.open || a->notice_open) &&
            (!h || !is_panel_action(a, h->action))) {
            a->access.open = a->lang.open = false;
            set_notices(a, false);
            a->dirty = true;
        }
        else if ((!h || h->id == was) && speech_tap(a, h, ge->x, ge->y))
            break; /* Read aloud: a first touch speaks */
        else if (h && h->id == was)
            perform(a, h->action, h->arg);
        break;
    }
    case GESTURE_DRAG:
        a->scroll.dragging = true;
        anim_scroller_drag(&a->scroll, -ge->dy);
        break;
    case GESTURE_FLING:
        anim_scroller_release(&a->scroll, -ge->vy);
        break;
    case GESTURE_SWIPE:
        /* A leftward stroke pulls the next card in from the right. */
        go_sibling(a, ge->dir < 0 ? 1 : -1);
        break;
    default:
        break;
    }
    a->dirty = true;
}

void app_input(app *a, const input_event *ev)
{
    if (a->cfg.loop)
        return;
    if (ev->t_ms > a->now)
        a->now = ev->t_ms;
    a->last_input = a->now;
    if (a->warn_s) {
        /* The warning shows: whatever this is, it only keeps the visit
         * going. A finger that touched stays ignored until it lifts, so it
         * presses nothing under the warning. */
        a->warn_s = 0;
        a->dirty = true;
        if (ev->kind == INPUT_DOWN)
            a->swallow = true;
        return;
    }
    if (a->swallow) {
        if (ev->kind == INPUT_UP || ev->kind == INPUT_CANCEL)
            a->swallow = false;
        if (ev->kind != INPUT_KEY && ev->kind != INPUT_WHEEL)
            return;
    }
    switch (ev->kind) {
    case INPUT_KEY:
        on_key(a, ev->key);
        return;
    case INPUT_WHEEL:
        if (!in_attract(a))
            anim_scroller_fling_to(&a->scroll, a->scroll.pos + ev->dy);
        else
            perform(a, VIEW_ACT_WAKE, 0);
        a->dirty = true;
        return;
    case INPUT_DOWN:
    case INPUT_MOVE:
    case INPUT_UP:
    case INPUT_CANCEL:
    default: {
        gesture_event out[8];
        size_t n = gesture_feed(&a->g, ev, out, 8);
        for (size_t i = 0; i < n; i++)
            on_gesture(a, &out[i]);
        if (ev->kind == INPUT_CANCEL)
            a->pressed = 0;
        return;
    }
    }
}

/* ---- time ------------------------------------------------------------------ */

/* The minute of the day now, or -1. */
static int clock_now(const app *a)
{
    if (a->clock_min < 0 || !a->clock_trusted)
        return -1;
    uint64_t since = a->now > a->clock_t0 ? a->now - a->clock_t0 : 0;
    return (int)(((uint64_t)a->clock_min + since / 60000u) % 1440u);
}

void app_set_clock(app *a, int minute, bool trusted, uint64_t now_ms)
{
    assert(minute >= -1 && minute < 1440);
    a->clock_min = minute;
    a->clock_trusted = trusted;
    a->clock_t0 = now_ms > a->now ? now_ms : a->now;
    if (clock_now(a) != a->clock_shown)
        a->dirty = true;
}

void app_update(app *a, uint64_t now_ms)
{
    if (now_ms < a->now)
        now_ms = a->now; /* time never runs backwards here */
    float dt = (float)(now_ms - a->last_update) / 1000.0f;
    a->now = a->last_update = now_ms;

    if (anim_scroller_step(&a->scroll, dt))
        a->dirty = true;
    if (anim_scroller_step(&a->pscroll, dt))
        a->dirty = true;
    /* A finger held on the glass or dragging is someone using the kiosk. */
    if (!in_attract(a) && (gesture_active(&a->g) || a->swallow))
        a->last_input = a->now;
    if (clock_now(a) != a->clock_shown)
        a->dirty = true;
    if (a->trans) {
        a->dirty = true;
        if (a->now - a->trans_t0 >= a->cfg.transition_ms)
            a->trans = false;
    }
    if (in_attract(a)) {
        if (!a->access.choices.less_motion)
            a->dirty = true; /* the call to action pulses */
        /* A slide that does not show now (the notices slide when none
         * applies: at the start, or when the last one ends) gives way at
         * once, without a fade. */
        bool hidden = a->c->n_slides > 1 && !notices_slide_shows(a->c, a->slide, clock_now(a));
        if (a->c->n_slides > 0 && (hidden || a->now - a->slide_t0 >= a->c->slide_ms)) {
            a->prev_slide = a->slide;
            /* The next slide that shows (the notices slide only while a
             * notice applies); at worst round to this one again. */
            size_t n = a->c->n_slides;
            for (size_t k = 0; k < n; k++) {
                a->slide = (a->slide + 1) % n;
                if (a->slide == 0)
                    a->lap++;
                if (notices_slide_shows(a->c, a->slide, clock_now(a)))
                    break;
            }
            if (hidden)
                a->prev_slide = a->slide;
            a->slide_t0 = a->now;
            a->dirty = true;
        }
    } else if (a->cfg.loop ||
               (a->cfg.attract_after_ms && !gesture_active(&a->g) &&
                a->now - a->last_input >= a->cfg.attract_after_ms)) {
        view_place p = { VIEW_SCREEN_ATTRACT, 0, 0 };
        go(a, p, 0, false, true, 0);
    }
    if (a->speak_screen && !a->trans)
        speech_say_screen(a);
    unsigned w = warn_left(a);
    if (w != a->warn_s) {
        /* With Read aloud on, the warning is said as it appears: a visitor
         * who cannot see it would otherwise lose the visit unwarned. */
        if (w && !a->warn_s && a->rd.on && a->c)
            reader_say(&a->rd, a->c->strings[CONTENT_STR_RESET_WARNING], true);
        a->warn_s = w;
        a->dirty = true;
    }
}

bool app_animating(const app *a)
{
    return a->trans || (in_attract(a) && !a->access.choices.less_motion) ||
           anim_scroller_moving(&a->scroll) ||
           anim_scroller_moving(&a->pscroll);
}

bool app_dirty(const app *a)
{
    return a->dirty;
}

/* Milliseconds to the next wall-clock minute when something on screen
 * changes with it (the day's talks, a notice's start or end), else
 * UINT64_MAX. */
static uint64_t clock_tick(const app *a, uint64_t now_ms)
{
    if (clock_now(a) < 0 || (!a->c->n_talks && notices_next_change(a->c, clock_now(a)) < 0))
        return UINT64_MAX;
    uint64_t since = now_ms > a->clock_t0 ? now_ms - a->clock_t0 : 0;
    return 60000u - since % 60000u;
}

uint64_t app_wait_ms(const app *a, uint64_t now_ms)
{
    if (app_animating(a))
        return 0;
    /* The day's talks and the notices change on the minute. */
    uint64_t tick = clock_tick(a, now_ms);
    if (in_attract(a)) {
        /* Still slides (less motion): only the next slide changes anything,
         * and a notice starting or ending. */
        if (a->c->n_slides == 0)
            return tick;
        uint64_t due = a->slide_t0 + a->c->slide_ms;
        due = due > now_ms ? due - now_ms : 0;
        return due < tick ? due : tick;
    }
    if (a->cfg.loop)
        return 0;
    if (!a->cfg.attract_after_ms)
        return tick;
    uint64_t due = a->last_input + a->cfg.attract_after_ms;
    if (due <= now_ms)
        return 0;
    /* Wake for the warning, then for each second of its countdown. */
    uint64_t left = due - now_ms, w = warn_ms(a), wake = left;
    if (w && left > w) {
        wake = left - w;
    } else if (w) {
        uint64_t secs = (left + 999) / 1000;
        wake = left - (secs - 1) * 1000;
    }
    return wake < tick ? wake : tick;
}

uint64_t app_skip_ms(const app *a, uint64_t now_ms)
{
    if (a->trans || anim_scroller_moving(&a->scroll) || anim_scroller_moving(&a->pscroll) ||
        gesture_active(&a->g) || a->swallow)
        return 0;
    if (in_attract(a)) {
        uint64_t tick = clock_tick(a, now_ms);
        if (a->c->n_slides == 0)
            return tick;
        uint64_t due = a->slide_t0 + a->c->slide_ms;
        due = due > now_ms ? due - now_ms : 0;
        return due < tick ? due : tick;
    }
    return app_wait_ms(a, now_ms);
}

/* ---- layout ---------------------------------------------------------------- */

static void ensure_scene(app *a)
{
    if (!a->dirty && a->sc.count)
        return;
    lay_frame_in in;
    memset(&in, 0, sizeof in);
    in.cur = current_page(a);
    in.t = 1.0f;
    if (a->trans) {
        float t = (float)(a->now - a->trans_t0) / (float)a->cfg.transition_ms;
        in.t = anim_ease_out_cubic(t);
        in.prev = a->trans_prev;
        in.dir = a->trans_dir;
    }
    in.can_back = a->nhist > 0;
    in.slide = a->slide;
    in.prev_slide = a->prev_slide;
    in.lap = a->lap;
    uint64_t since = a->now - a->slide_t0;
    in.slide_t = since >= a->cfg.slide_fade_ms || a->slide == a->prev_slide
                     ? 1.0f
                     : anim_ease_in_out_cubic((float)since / (float)a->cfg.slide_fade_ms);
    in.pulse = (float)(a->now % 2000) / 2000.0f;
    if (a->access.choices.less_motion) {
        in.pulse = 0;
        in.slide_t = 1;
    }
    in.show_focus = a->show_focus;
    in.access_open = a->access.open;
    in.language_open = a->lang.open;
    in.notice_open = a->notice_open;
    in.panel_scroll = a->pscroll.pos;
    in.less_motion = a->access.choices.less_motion;
    in.read_aloud = a->access.choices.read_aloud;
    in.speech = a->cfg.speech_available;
    in.warn_s = a->warn_s;
    a->clock_shown = clock_now(a);
    in.clock_known = a->clock_shown >= 0;
    in.clock_min = a->clock_shown;
    memcpy(in.quiz, a->quiz.answers, sizeof in.quiz);
    in.refused = a->has_refused ? &a->refused : NULL;
    /* Read aloud's control bar takes the bottom strip: the page is laid out
     * above it, so it hides nothing. */
    bool bar = a->rd.on && !in_attract(a);
    lay_env env = a->env;
    if (bar)
        env.h = (int)fmaxf(1.0f, floorf((float)env.h - speechbar_height(a->c, &a->env)));
    frame_build(&a->sc, a->c, &env, &in, &a->res);
    if (bar)
        speechbar_draw(&a->sc, a->c, &a->env, &in);
    float max = a->res.content_h - a->res.view_h;
    anim_scroller_set_max(&a->scroll, max > 0 ? max : 0);
    float pmax = a->res.panel_h - a->res.panel_view_h;
    anim_scroller_set_max(&a->pscroll, a->access.open && pmax > 0 ? pmax : 0);
    a->dirty = false;
    a->layouts++;
}

const scene *app_scene(app *a)
{
    ensure_scene(a);
    return &a->sc;
}

/* ---- names, jumps, checks ---------------------------------------------------- */

view_place app_place(const app *a)
{
    return a->place;
}

void app_usage_place(const app *a, char *buf, size_t n)
{
    app_place_name(a, buf, n);
    if (a->place.screen != VIEW_SCREEN_QUIZ_RESULT)
        return;
    /* The degree the result puts first; none when no degree has a point. */
    size_t best = visitor_quiz_top(&a->quiz, a->c);
    size_t len = strlen(buf);
    if (best != (size_t)-1 && len < n)
        snprintf(buf + len, n - len, ":%s", a->c->degrees[best].id);
}

void app_set_refused(app *a, const lay_refused *r)
{
    if (!r ? !a->has_refused : a->has_refused && refused_equal(r, &a->refused))
        return;
    a->has_refused = r != NULL;
    if (r)
        a->refused = *r;
    a->dirty = true;
}

const lay_refused *app_refused(const app *a)
{
    return a->has_refused ? &a->refused : NULL;
}

void app_place_name(const app *a, char *buf, size_t n)
{
    view_place_name(&a->place, a->c, buf, n);
}

/* "quiz-result:2,1,3": the result of those answers (numbers counted from
 * 1, one a question), for screenshots and tests. */
static bool goto_result(app *a, const char *name, view_place *p)
{
    static const char head[] = "quiz-result:";
    if (strncmp(name, head, sizeof head - 1) || !view_place_parse("quiz-result", a->c, p))
        return false;
    return visitor_quiz_parse(&a->quiz, a->c, name + sizeof head - 1);
}

bool app_goto(app *a, const char *name, uint64_t now_ms)
{
    /* "home+languages": the place with the language chooser open. */
    static const char tail[] = "+languages";
    size_t n = strlen(name), t = sizeof tail - 1;
    if (n > t && !strcmp(name + n - t, tail)) {
        char head[256];
        if (n - t >= sizeof head || visitor_lang_count(&a->lang) < 2)
            return false;
        memcpy(head, name, n - t);
        head[n - t] = '\0';
        if (!app_goto(a, head, now_ms) || in_attract(a))
            return false;
        a->lang.open = true;
        a->dirty = true;
        return true;
    }
    view_place p;
    if (!goto_result(a, name, &p) && !view_place_parse(name, a->c, &p))
        return false;
    if (now_ms > a->now)
        a->now = a->last_update = now_ms;
    go(a, p, 0, false, true, 0);
    a->trans = false;
    if (p.screen != VIEW_SCREEN_HOME && p.screen != VIEW_SCREEN_ATTRACT) {
        /* Give Back somewhere to go, as if the visitor came from Home. */
        a->hist[0] = (app_hist){ { VIEW_SCREEN_HOME, 0, 0 }, 0 };
        a->nhist = 1;
    }
    a->last_input = a->now;
    return true;
}

void app_set_content(app *a, const content *root)
{
    const content *old = a->c;
    /* The visitor keeps their language when the new content still has it. */
    visitor_lang_set_content(&a->lang, root);
    const content *c = visitor_lang_model(&a->lang);
    view_place here = a->place;
    bool kept = view_place_remap(old, c, &here);
    size_t n = 0;
    for (size_t i = 0; kept && i < a->nhist; i++) {
        view_place h = a->hist[i].place;
        if (!view_place_remap(old, c, &h)) {
            n = 0; /* a gap in the history would make Back surprising */
            break;
        }
        a->hist[n] = a->hist[i];
        a->hist[n++].place = h;
    }
    a->c = c;
    text_cache_clear(a->wrap); /* the old model's paragraphs: not shown again */
    reader_set_lang(&a->rd, c->language);
    a->spoken = 0;
    /* Whatever was moving or pressed refers to the old layout: settle it. */
    a->trans = false;
    a->pressed = 0;
    a->focus = 0;
    configure_gestures(a);
    if (kept) {
        a->place = here;
        a->nhist = n;
    } else {
        view_place home = { VIEW_SCREEN_HOME, 0, 0 };
        a->place = home;
        a->nhist = 0;
        anim_scroller_jump(&a->scroll, 0);
    }
    if (a->slide >= c->n_slides || a->prev_slide >= c->n_slides)
        a->slide = a->prev_slide = 0;
    a->dirty = true;
}

bool app_check(const app *a, char *why, size_t n)
{
#define FAIL(...) do { snprintf(why, n, __VA_ARGS__); return false; } while (0)
    if (!view_place_valid(&a->place, a->c))
        FAIL("current place is invalid (screen %d)", (int)a->place.screen);
    if (a->nhist > HISTORY_MAX)
        FAIL("history overflow");
    for (size_t i = 0; i < a->nhist; i++)
        if (!view_place_valid(&a->hist[i].place, a->c))
            FAIL("history entry %zu invalid", i);
    if (a->pressed && !gesture_active(&a->g))
        FAIL("press feedback stuck with no finger down");
    if (!isfinite(a->scroll.pos) || !isfinite(a->scroll.vel))
        FAIL("scroll not finite");
    if (a->c->n_slides && (a->slide >= a->c->n_slides || a->prev_slide >= a->c->n_slides))
        FAIL("slide index out of range");
    if (a->place.screen == VIEW_SCREEN_ATTRACT && a->nhist)
        FAIL("attract loop with history");
    if (a->place.screen == VIEW_SCREEN_ATTRACT && (a->warn_s || a->access.open || a->lang.open))
        FAIL("reset warning, accessibility panel or language chooser over the attract loop");
    if (a->lang.index >= visitor_lang_count(&a->lang) || a->c != visitor_lang_model(&a->lang))
        FAIL("language %zu is not the model on screen", a->lang.index);
    if (a->access.open && a->lang.open)
        FAIL("accessibility panel and language chooser open at once");
    return true;
#undef FAIL
}

void app_get_info(const app *a, app_info *out)
{
    out->pressed = a->pressed != 0;
    out->transitioning = a->trans;
    out->scroll = a->scroll.pos;
    out->scroll_max = a->scroll.max;
    out->history = a->nhist;
    out->slide = a->slide;
    out->layouts = a->layouts;
    text_cache_stats ws;
    text_cache_get_stats(a->wrap, &ws);
    out->wrap_entries = ws.entries;
    out->wrap_bytes = ws.bytes;
}

/* ---- Read aloud (speech) ------------------------------------------------------ */

/* Said in no screen utterance: on every screen, found by touch. */
static const char *const speech_chrome[] = {
    "back", "home", "speech stop", "speech repeat", "speech quieter", "speech louder", NULL
};

static void speech_words(const app *a, narrate_words *w)
{
    w->button = a->c->strings[CONTENT_STR_SPEECH_BUTTON];
    w->unavailable = a->c->strings[CONTENT_STR_SPEECH_UNAVAILABLE];
    w->again = a->c->strings[CONTENT_STR_SPEECH_AGAIN];
}

/* The account of the current frame, as --dump gives it. */
static bool speech_account(app *a, dump_account *out)
{
    ensure_scene(a);
    char name[256];
    app_place_name(a, name, sizeof name);
    dump_frame f = { name, &a->env, a->c, &a->sc, NULL, { 0, 0, 0, 255 }, NULL, 0 };
    return dump_account_init(out, &f);
}

static void speech_screen_opened(app *a)
{
    a->spoken = 0;
    a->speak_screen = a->rd.on;
}

static void speech_say_screen(app *a)
{
    a->speak_screen = false;
    if (!a->rd.on || in_attract(a))
        return;
    dump_account acc;
    if (!speech_account(a, &acc))
        return;
    narrate_words w;
    speech_words(a, &w);
    char *text = narrate_screen(&acc, &w, speech_chrome);
    if (text && *text)
        reader_say(&a->rd, text, true);
    narrate_free(text);
    dump_account_deinit(&acc);
}

/* A tap with Read aloud on, on target h (NULL: none) at (x, y): true when
 * it was spoken and must not act. The control bar acts at once; a second
 * tap on the target just spoken acts. */
static bool speech_tap(app *a, const scene_cmd *h, float x, float y)
{
    if (!a->rd.on || (h && (h->action == VIEW_ACT_SPEECH || h->id == a->spoken)))
        return false;
    dump_account acc;
    if (!speech_account(a, &acc))
        return false;
    narrate_words w;
    speech_words(a, &w);
    size_t at = (size_t)-1;
    char *text = NULL;
    if (h) {
        at = narrate_find(&acc, h->id);
        text = at != (size_t)-1 ? narrate_item(&acc, at, &w) : NULL;
    } else {
        text = narrate_at(&acc, x, y, &w, &at);
    }
    if (text && *text)
        reader_say(&a->rd, text, true);
    narrate_free(text);
    dump_account_deinit(&acc);
    a->spoken = h ? h->id : 0;
    if (h) {
        a->focus = h->id;
        a->show_focus = true; /* the keyboard's focus ring marks what was spoken */
    }
    a->dirty = true;
    return h != NULL || text != NULL;
}

/* The keyboard focus moved: say the focused target; Return activates it. */
static void speech_focus(app *a)
{
    if (!a->rd.on || !a->focus)
        return;
    dump_account acc;
    if (!speech_account(a, &acc))
        return;
    narrate_words w;
    speech_words(a, &w);
    w.again = NULL;
    size_t at = narrate_find(&acc, a->focus);
    char *text = at != (size_t)-1 ? narrate_item(&acc, at, &w) : NULL;
    if (text && *text)
        reader_say(&a->rd, text, true);
    narrate_free(text);
    dump_account_deinit(&acc);
    a->spoken = a->focus;
}

static void speech_control(app *a, int which)
{
    switch (which) {
    case VIEW_SPEECH_STOP:
        reader_stop(&a->rd);
        break;
    case VIEW_SPEECH_REPEAT:
        reader_repeat(&a->rd);
        break;
    case VIEW_SPEECH_QUIETER:
    case VIEW_SPEECH_LOUDER:
        reader_volume(&a->rd, which == VIEW_SPEECH_LOUDER ? 1 : -1, a->c->strings[CONTENT_STR_SPEECH_VOLUME]);
        break;
    default:
        break;
    }
}

void app_set_read_aloud(app *a, bool on)
{
    if (on && !a->cfg.speech_available)
        return;
    if (on == a->rd.on)
        return;
    reader_set_on(&a->rd, on);
    a->access.choices.read_aloud = on; /* the panel's row shows the reader's state */
    a->spoken = 0;
    a->speak_screen = on;
    a->dirty = true;
}

bool app_read_aloud(const app *a)
{
    return a->rd.on;
}

int app_speech_volume(const app *a)
{
    return a->rd.volume;
}

/* ---- visitor languages --------------------------------------------------- */

size_t app_language(const app *a)
{
    return a->lang.index;
}

void app_set_language(app *a, size_t i)
{
    assert(i < visitor_lang_count(&a->lang));
    use_language(a, i);
}

bool app_language_open(const app *a)
{
    return a->lang.open;
}

uint32_t app_languages_chosen(const app *a)
{
    return a->lang.chosen;
}

void app_forget_wraps(app *a)
{
    text_cache_clear(a->wrap);
}
