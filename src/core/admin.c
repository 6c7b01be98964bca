/* admin.c - the staff exit: corner gesture and PIN keypad. See admin.h. */
#include "admin.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const od_color DIM = { 0x05, 0x07, 0x0C, 0xE0 };
static const od_color PANEL = { 0x1C, 0x21, 0x2B, 0xFF };
static const od_color KEY_FACE = { 0x2C, 0x35, 0x45, 0xFF };
static const od_color KEY_PRESSED = { 0x4A, 0x58, 0x70, 0xFF };
static const od_color TEXT = { 0xF2, 0xF4, 0xF7, 0xFF };
static const od_color MUTED = { 0xB4, 0xBC, 0xC8, 0xFF };
static const od_color WARN = { 0xFF, 0xC8, 0x6B, 0xFF };
static const od_color HINT = { 0xFF, 0xFF, 0xFF, 0x50 };

void admin_init(admin *a, const admin_config *cfg, const layout_env *env)
{
    memset(a, 0, sizeof *a);
    if (cfg)
        a->cfg = *cfg;
    if (!a->cfg.hold_ms)
        a->cfg.hold_ms = 3000;
    if (!a->cfg.window_ms)
        a->cfg.window_ms = 10000;
    if (!a->cfg.idle_ms)
        a->cfg.idle_ms = 30000;
    if (!a->cfg.max_attempts)
        a->cfg.max_attempts = 3;
    if (!a->cfg.lockout_ms)
        a->cfg.lockout_ms = 60000;
    a->cfg.pin[ADMIN_PIN_MAX] = '\0';
    a->env = *env;
    a->pressed_key = -1;
    a->hold_pointer = -2;
}

void admin_resize(admin *a, int w, int h)
{
    a->env.w = w;
    a->env.h = h;
}

bool admin_enabled(const admin *a)
{
    return a->cfg.pin[0] != '\0';
}

admin_phase admin_get_phase(const admin *a)
{
    return a->phase;
}

bool admin_exit_requested(const admin *a)
{
    return a->phase == ADMIN_EXIT;
}

/* ---- geometry --------------------------------------------------------------- */

od_rect admin_corner(const admin *a, int corner)
{
    layout_metrics m;
    layout_metrics_compute(&a->env, &m);
    float w = (float)a->env.w, h = (float)a->env.h;
    float c = fmaxf(0.12f * fminf(w, h), m.target);
    return (od_rect){ corner ? w - c : 0, 0, c, c };
}

typedef struct {
    od_rect panel, title, pin, grid, cancel;
    float key_w, key_h, gap;
} keypad_geom;

static void keypad(const admin *a, keypad_geom *g)
{
    layout_metrics m;
    layout_metrics_compute(&a->env, &m);
    float w = (float)a->env.w, h = (float)a->env.h;
    /* Rows: title, PIN, four rows of keys, Cancel; about 8.5 key heights. */
    float kh = fminf(h / 8.6f, w / 5.2f);
    kh = fmaxf(kh, m.target);
    float kw = kh * 1.45f, gap = kh * 0.18f;
    float gw = 3 * kw + 2 * gap, gh = 4 * kh + 3 * gap;
    float pad = gap * 1.5f;
    float pw = gw + 2 * pad;
    float ph = pad + kh * 0.9f + kh + gap + gh + gap * 2 + kh + pad;
    g->panel = (od_rect){ (w - pw) / 2, (h - ph) / 2, pw, ph };
    float x = g->panel.x + pad, y = g->panel.y + pad;
    g->title = (od_rect){ x, y, gw, kh * 0.9f };
    y += kh * 0.9f;
    g->pin = (od_rect){ x, y, gw, kh };
    y += kh + gap;
    g->grid = (od_rect){ x, y, gw, gh };
    y += gh + gap * 2;
    g->cancel = (od_rect){ x, y, gw, kh };
    g->key_w = kw;
    g->key_h = kh;
    g->gap = gap;
}

od_rect admin_key_rect(const admin *a, int key)
{
    keypad_geom g;
    keypad(a, &g);
    if (key == ADMIN_KEY_CANCEL)
        return g.cancel;
    int row = key / 3, col = key % 3;
    return (od_rect){ g.grid.x + (float)col * (g.key_w + g.gap),
                      g.grid.y + (float)row * (g.key_h + g.gap), g.key_w, g.key_h };
}

static int key_at(const admin *a, float x, float y)
{
    for (int k = 0; k < ADMIN_NKEYS; k++)
        if (od_rect_contains(admin_key_rect(a, k), x, y))
            return k;
    return -1;
}

/* ---- behaviour -------------------------------------------------------------- */

static bool locked(const admin *a)
{
    return a->locked_until > a->now;
}

static void press_key(admin *a, int k)
{
    size_t n = strlen(a->entered);
    if (k == ADMIN_KEY_CANCEL) {
        a->phase = ADMIN_IDLE;
        memset(a->entered, 0, sizeof a->entered);
        return;
    }
    if (locked(a))
        return;
    if (k == ADMIN_KEY_CLEAR) {
        memset(a->entered, 0, sizeof a->entered);
    } else if (k == ADMIN_KEY_OK) {
        if (n && !strcmp(a->entered, a->cfg.pin)) {
            a->phase = ADMIN_EXIT;
        } else {
            a->wrong = true;
            if (++a->failures >= a->cfg.max_attempts) {
                a->failures = 0;
                a->locked_until = a->now + a->cfg.lockout_ms;
            }
        }
        memset(a->entered, 0, sizeof a->entered);
    } else if (n < ADMIN_PIN_MAX) {
        a->entered[n] = (char)('0' + (k == ADMIN_KEY_ZERO ? 0 : k + 1));
        a->wrong = false;
    }
}

/* A corner has been held long enough. */
static void corner_done(admin *a, uint64_t now_ms)
{
    a->holding = false;
    if (a->hold_corner == 0) {
        a->phase = ADMIN_ARMED;
        a->armed_until = now_ms + a->cfg.window_ms;
    } else if (a->phase == ADMIN_ARMED) {
        a->phase = ADMIN_KEYPAD;
        a->last_touch = now_ms;
        a->pressed_key = -1;
        a->wrong = false;
        memset(a->entered, 0, sizeof a->entered);
    }
}

bool admin_input(admin *a, const input_event *ev)
{
    if (a->phase == ADMIN_EXIT)
        return true;
    if (a->phase == ADMIN_KEYPAD) {
        a->last_touch = ev->t_ms > a->last_touch ? ev->t_ms : a->last_touch;
        float x = isfinite(ev->x) ? ev->x : -1, y = isfinite(ev->y) ? ev->y : -1;
        switch (ev->kind) {
        case INPUT_DOWN:
            a->pressed_key = key_at(a, x, y);
            break;
        case INPUT_UP: {
            int k = key_at(a, x, y);
            if (k >= 0 && k == a->pressed_key)
                press_key(a, k);
            a->pressed_key = -1;
            break;
        }
        case INPUT_CANCEL:
            a->pressed_key = -1;
            break;
        case INPUT_KEY:
            if (ev->key == KEY_BACK || ev->key == KEY_QUIT)
                press_key(a, ADMIN_KEY_CANCEL);
            break;
        default:
            break;
        }
        return true; /* nothing reaches the kiosk behind the keypad */
    }
    if (!admin_enabled(a))
        return false;
    /* Watching: a finger held on the expected corner. */
    int want = a->phase == ADMIN_ARMED ? 1 : 0;
    switch (ev->kind) {
    case INPUT_DOWN:
        if (!a->holding && od_rect_contains(admin_corner(a, want), ev->x, ev->y)) {
            a->holding = true;
            a->hold_pointer = ev->pointer;
            a->hold_corner = want;
            a->hold_t0 = ev->t_ms;
        }
        break;
    case INPUT_MOVE:
        if (a->holding && ev->pointer == a->hold_pointer &&
            !od_rect_contains(admin_corner(a, a->hold_corner), ev->x, ev->y))
            a->holding = false;
        break;
    case INPUT_UP:
        /* Let go after the full time, before an update noticed: it counts. */
        if (a->holding && ev->pointer == a->hold_pointer) {
            if (ev->t_ms >= a->hold_t0 + a->cfg.hold_ms)
                corner_done(a, ev->t_ms);
            a->holding = false;
        }
        break;
    case INPUT_CANCEL:
        a->holding = false;
        break;
    default:
        break;
    }
    return false;
}

void admin_update(admin *a, uint64_t now_ms)
{
    if (now_ms < a->now)
        now_ms = a->now;
    a->now = now_ms;
    if (a->holding && now_ms - a->hold_t0 >= a->cfg.hold_ms)
        corner_done(a, now_ms);
    if (a->phase == ADMIN_ARMED && now_ms > a->armed_until && !a->holding)
        a->phase = ADMIN_IDLE;
    if (a->phase == ADMIN_KEYPAD && now_ms - a->last_touch > a->cfg.idle_ms)
        a->phase = ADMIN_IDLE;
}

/* Progress shows only after a second of holding: a visitor resting a hand on
 * the corner sees nothing. */
#define ADMIN_SHOW_AFTER_MS 1000u

bool admin_visible(const admin *a)
{
    return a->phase == ADMIN_KEYPAD || a->phase == ADMIN_ARMED ||
           (a->holding && a->now - a->hold_t0 >= ADMIN_SHOW_AFTER_MS);
}

uint64_t admin_wait_ms(const admin *a, uint64_t now_ms)
{
    uint64_t t = UINT64_MAX;
    if (a->holding) {
        uint64_t shown = a->hold_t0 + ADMIN_SHOW_AFTER_MS;
        t = now_ms < shown ? shown - now_ms : 16; /* progress animates */
    }
    if (a->phase == ADMIN_ARMED && a->armed_until >= now_ms && a->armed_until - now_ms < t)
        t = a->armed_until - now_ms + 1;
    if (a->phase == ADMIN_KEYPAD) {
        uint64_t end = a->last_touch + a->cfg.idle_ms + 1;
        if (end > now_ms && end - now_ms < t)
            t = end - now_ms;
        if (a->locked_until > now_ms && 1000 < t)
            t = 1000; /* the lock-out countdown */
    }
    return t;
}

/* ---- drawing ------------------------------------------------------------------ */

static void text_centered(const admin *a, scene *s, od_rect r, scene_font f, float px,
                          od_color c, const char *str)
{
    size_t n = strlen(str);
    float tw = a->env.measure.text_width(a->env.measure.ctx, f, px, str, n);
    float lh = a->env.measure.line_height(a->env.measure.ctx, f, px);
    if (tw > r.w)
        tw = r.w;
    const char *copy = scene_strdup(s, str, n);
    scene_cmd *t = scene_text(s, r.x + (r.w - tw) / 2, r.y + (r.h - lh) / 2, tw, lh, f, px, c,
                              copy, n);
    if (t)
        t->box = r;
}

void admin_draw(const admin *a, scene *s)
{
    layout_metrics m;
    layout_metrics_compute(&a->env, &m);
    if (a->phase != ADMIN_KEYPAD) {
        if (a->holding && a->now - a->hold_t0 >= ADMIN_SHOW_AFTER_MS) {
            od_rect c = admin_corner(a, a->hold_corner);
            float f = (float)(a->now - a->hold_t0) / (float)a->cfg.hold_ms;
            if (f > 1)
                f = 1;
            float bar = m.unit * 6;
            scene_rect(s, (od_rect){ c.x, c.y, c.w, bar }, HINT, 0);
            scene_rect(s, (od_rect){ c.x, c.y, c.w * f, bar }, WARN, 0);
        }
        if (a->phase == ADMIN_ARMED && !a->holding) {
            od_rect c = admin_corner(a, 1);
            float d = m.unit * 14;
            scene_rect(s, (od_rect){ c.x + c.w - d * 1.6f, c.y + d * 0.6f, d, d }, WARN, d / 2);
        }
        return;
    }
    keypad_geom g;
    keypad(a, &g);
    scene_rect(s, (od_rect){ 0, 0, (float)a->env.w, (float)a->env.h }, DIM, 0);
    scene_rect(s, g.panel, PANEL, m.radius);
    float px = fmaxf(m.text_min, g.key_h * 0.42f);
    char line[96];
    if (locked(a)) {
        snprintf(line, sizeof line, "Too many wrong PINs: wait %u s",
                 (unsigned)((a->locked_until - a->now + 999) / 1000));
        text_centered(a, s, g.title, FONT_BOLD, fmaxf(m.text_min, px * 0.75f), WARN, line);
    } else if (a->wrong) {
        text_centered(a, s, g.title, FONT_BOLD, fmaxf(m.text_min, px * 0.75f), WARN,
                      "Wrong PIN, try again");
    } else {
        text_centered(a, s, g.title, FONT_BOLD, fmaxf(m.text_min, px * 0.75f), TEXT,
                      "Staff: enter the PIN to exit");
    }
    /* The PIN as dots, never digits. */
    size_t n = strlen(a->entered);
    float d = g.key_h * 0.28f, step = d * 1.8f;
    float x0 = g.pin.x + (g.pin.w - (float)(n ? n : 1) * step + (step - d)) / 2;
    if (n == 0) {
        scene_rect(s, (od_rect){ g.pin.x + g.pin.w / 2 - d * 2, g.pin.y + g.pin.h / 2 - 1,
                                 d * 4, 2 * m.unit }, MUTED, 0);
    }
    for (size_t i = 0; i < n; i++)
        scene_rect(s, (od_rect){ x0 + (float)i * step, g.pin.y + (g.pin.h - d) / 2, d, d }, TEXT,
                   d / 2);
    static const char *const labels[ADMIN_NKEYS] = { "1", "2", "3", "4",     "5",  "6",     "7",
                                                     "8", "9", "Clear", "0", "OK", "Cancel" };
    for (int k = 0; k < ADMIN_NKEYS; k++) {
        od_rect r = admin_key_rect(a, k);
        od_color bg = k == a->pressed_key ? KEY_PRESSED : KEY_FACE;
        scene_rect(s, r, bg, m.radius * 0.6f);
        bool small = k == ADMIN_KEY_CLEAR || k == ADMIN_KEY_CANCEL || k == ADMIN_KEY_OK;
        text_centered(a, s, r, small ? FONT_BOLD : FONT_REGULAR,
                      small ? fmaxf(m.text_min, px * 0.7f) : px,
                      locked(a) && k != ADMIN_KEY_CANCEL ? MUTED : TEXT, labels[k]);
    }
}
