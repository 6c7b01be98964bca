/* admin.c - the staff exit: corner gesture and PIN keypad. See admin.h. */
#include "admin.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void admin_init(admin *a, const admin_config *cfg, const lay_env *env)
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
    lay_metrics m;
    lay_metrics_compute(&a->env, &m);
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
    lay_metrics m;
    lay_metrics_compute(&a->env, &m);
    float w = (float)a->env.w, h = (float)a->env.h;
    /* Rows: title, PIN, four rows of keys, Cancel; about 8.5 key heights.
     * Across, the panel is 5.25 key heights (three keys of 1.45, two gaps,
     * two paddings): 5.4 leaves a margin, so on a portrait screen the panel
     * stays on it (5.2 let it overhang by 1%). */
    float kh = fminf(h / 8.6f, w / 5.4f);
    kh = fmaxf(kh, m.target);
    /* Keys wide enough for a word ("Clear") at the smallest text size. */
    float kw = fmaxf(kh * 1.45f, 4.4f * m.text_min), gap = kh * 0.18f;
    float gw = 3 * kw + 2 * gap, gh = 4 * kh + 3 * gap;
    float pad = gap * 1.5f;
    /* The panel wider than the keys when the screen allows, so the title
     * (at least text_min, which follows the viewing distance) keeps to two
     * lines; the keys stay centred in it. */
    float pw = fminf(w - 2 * m.pad, fmaxf(gw + 2 * pad, 20.0f * m.text_min));
    pw = fmaxf(pw, gw + 2 * pad);
    float ph = pad + kh * 0.9f + kh + gap + gh + gap * 2 + kh + pad;
    g->panel = (od_rect){ (w - pw) / 2, (h - ph) / 2, pw, ph };
    float x = g->panel.x + (pw - gw) / 2, y = g->panel.y + pad;
    g->title = (od_rect){ g->panel.x + pad, y, pw - 2 * pad, kh * 0.9f };
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

/* The strip at the bottom of the staff screen: Back on the left, Exit on
 * the right, each at least a touch target high and wide enough for its
 * word at the smallest text size. */
float admin_staff_top(const admin *a)
{
    lay_metrics m;
    lay_metrics_compute(&a->env, &m);
    return (float)a->env.h - m.target * 1.25f - 2 * m.pad;
}

od_rect admin_staff_button(const admin *a, int i)
{
    lay_metrics m;
    lay_metrics_compute(&a->env, &m);
    float w = (float)a->env.w, h = m.target * 1.25f;
    float bw = fminf((w - 3 * m.pad) / 2, fmaxf(10.0f * m.text_min, w * 0.3f));
    float y = (float)a->env.h - m.pad - h;
    return (od_rect){ i == ADMIN_STAFF_EXIT ? w - m.pad - bw : m.pad, y, bw, h };
}

static int staff_button_at(const admin *a, float x, float y)
{
    for (int i = 0; i < ADMIN_NSTAFF; i++)
        if (od_rect_contains(admin_staff_button(a, i), x, y))
            return i;
    return -1;
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
            a->phase = ADMIN_STAFF;
            a->pressed_key = -1;
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
    if (a->phase == ADMIN_STAFF) {
        a->last_touch = ev->t_ms > a->last_touch ? ev->t_ms : a->last_touch;
        float x = isfinite(ev->x) ? ev->x : -1, y = isfinite(ev->y) ? ev->y : -1;
        if (ev->kind == INPUT_DOWN) {
            a->pressed_key = staff_button_at(a, x, y);
        } else if (ev->kind == INPUT_UP) {
            int b = staff_button_at(a, x, y);
            if (b >= 0 && b == a->pressed_key)
                a->phase = b == ADMIN_STAFF_EXIT ? ADMIN_EXIT : ADMIN_IDLE;
            a->pressed_key = -1;
        } else if (ev->kind == INPUT_CANCEL) {
            a->pressed_key = -1;
        } else if (ev->kind == INPUT_KEY && (ev->key == INPUT_KEY_BACK || ev->key == INPUT_KEY_QUIT)) {
            a->phase = ADMIN_IDLE;
        }
        return true; /* the staff screen covers the kiosk */
    }
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
            if (ev->key == INPUT_KEY_BACK || ev->key == INPUT_KEY_QUIT)
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
    if ((a->phase == ADMIN_KEYPAD || a->phase == ADMIN_STAFF) &&
        now_ms - a->last_touch > a->cfg.idle_ms)
        a->phase = ADMIN_IDLE;
}

/* Progress shows only after a second of holding: a visitor resting a hand on
 * the corner sees nothing. */
#define ADMIN_SHOW_AFTER_MS 1000u

bool admin_visible(const admin *a)
{
    return a->phase == ADMIN_KEYPAD || a->phase == ADMIN_ARMED || a->phase == ADMIN_STAFF ||
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
    if (a->phase == ADMIN_KEYPAD || a->phase == ADMIN_STAFF) {
        uint64_t end = a->last_touch + a->cfg.idle_ms + 1;
        if (end > now_ms && end - now_ms < t)
            t = end - now_ms;
        if (a->locked_until > now_ms && 1000 < t)
            t = 1000; /* the lock-out countdown */
    }
    return t;
}

/* ---- drawing ------------------------------------------------------------------ */

/* The lock-out message: the text with its first "{seconds}" replaced by the
 * number (lay_fill: a placeholder, never a printf format). */
static const char *locked_text(lay *L, const char *text, unsigned seconds)
{
    char num[16];
    snprintf(num, sizeof num, "%u", seconds);
    return lay_fill(L, text, "{seconds}", num);
}

/* A line of text centred in r, under block `box`. */
static void centred_text(lay *L, od_rect r, scene_font f, float px, od_color c, const char *text,
                         int box)
{
    lay_style st = { f, px, c, LAY_ALIGN_CENTER, true };
    float h = lay_text_height(L, &st, r.w, text, strlen(text), NULL);
    lay_text(L, &st, r.x, r.y + (r.h - h) / 2, r.w, text, box);
}

void admin_draw(const admin *a, const content *c, scene *s)
{
    lay L;
    lay_begin(&L, s, c, &a->env, NULL);
    const lay_metrics *m = &L.m;
    od_color warn = lay_col(&L, CONTENT_COLOR_CAVEAT);
    if (a->phase == ADMIN_STAFF) {
        /* Staff-facing, like the screen of content problems: fixed words.
         * The strip under the caller's picture, then the two buttons. */
        float top = floorf(admin_staff_top(a));
        lay_rect(&L, (od_rect){ 0, top, L.W, L.H - top }, od_rgba(0x1C, 0x21, 0x2B, 0xFF), 0);
        static const char *const words[ADMIN_NSTAFF] = { "Exit the kiosk", "Back to the kiosk" };
        for (int i = 0; i < ADMIN_NSTAFF; i++) {
            bool pressed = i == a->pressed_key;
            lay_pill p;
            memset(&p, 0, sizeof p);
            p.text = words[i];
            p.font = SCENE_FONT_BOLD;
            p.size = m->text_min;
            p.bg = pressed ? lay_col(&L, CONTENT_COLOR_ACCENT)
                   : i == ADMIN_STAFF_EXIT ? od_rgba(0x8A, 0x3B, 0x2E, 0xFF)
                                           : od_rgba(0x33, 0x3C, 0x4D, 0xFF);
            p.fg = pressed ? lay_col(&L, CONTENT_COLOR_ACCENT_TEXT) : od_rgba(0xF2, 0xF4, 0xF7, 0xFF);
            p.action = VIEW_ACT_NONE;
            lay_pill_draw(&L, &p, admin_staff_button(a, i), -1);
        }
        lay_end(&L);
        return;
    }
    if (a->phase != ADMIN_KEYPAD) {
        if (a->holding && a->now - a->hold_t0 >= ADMIN_SHOW_AFTER_MS) {
            od_rect r = admin_corner(a, a->hold_corner);
            float f = (float)(a->now - a->hold_t0) / (float)a->cfg.hold_ms;
            if (f > 1)
                f = 1;
            float bar = m->unit * 6;
            lay_rect(&L, (od_rect){ r.x, r.y, r.w, bar },
                     lay_with_alpha(lay_col(&L, CONTENT_COLOR_TEXT), 0.31f), 0);
            lay_rect(&L, (od_rect){ r.x, r.y, r.w * f, bar }, warn, 0);
        }
        if (a->phase == ADMIN_ARMED && !a->holding) {
            od_rect r = admin_corner(a, 1);
            float d = m->unit * 14;
            lay_rect(&L, (od_rect){ r.x + r.w - d * 1.6f, r.y + d * 0.6f, d, d }, warn, d / 2);
        }
        lay_end(&L);
        return;
    }
    keypad_geom g;
    keypad(a, &g);
    /* The kiosk stays faintly visible behind the keypad, dimmed by the
     * theme's own background. */
    lay_rect(&L, (od_rect){ 0, 0, L.W, L.H },
             lay_with_alpha(lay_col(&L, CONTENT_COLOR_BACKGROUND), 0.88f), 0);
    int panel = lay_box(&L, g.panel, lay_col(&L, CONTENT_COLOR_SURFACE), m->radius, -1);
    float px = fmaxf(m->text_min, g.key_h * 0.42f);
    float title_px = fmaxf(m->text_min, px * 0.75f);
    int tb = lay_box(&L, g.title, od_rgba(0, 0, 0, 0), 0, panel);
    if (locked(a)) {
        unsigned left = (unsigned)((a->locked_until - a->now + 999) / 1000);
        centred_text(&L, g.title, SCENE_FONT_BOLD, title_px, warn,
                     locked_text(&L, lay_str(&L, CONTENT_STR_ADMIN_LOCKED), left), tb);
    } else if (a->wrong) {
        centred_text(&L, g.title, SCENE_FONT_BOLD, title_px, warn, lay_str(&L, CONTENT_STR_ADMIN_WRONG), tb);
    } else {
        centred_text(&L, g.title, SCENE_FONT_BOLD, title_px, lay_col(&L, CONTENT_COLOR_TEXT),
                     lay_str(&L, CONTENT_STR_ADMIN_TITLE), tb);
    }
    /* The PIN as dots, never digits. */
    size_t n = strlen(a->entered);
    float d = g.key_h * 0.28f, step = d * 1.8f;
    float x0 = g.pin.x + (g.pin.w - (float)(n ? n : 1) * step + (step - d)) / 2;
    if (n == 0)
        lay_rect(&L, (od_rect){ g.pin.x + g.pin.w / 2 - d * 2, g.pin.y + g.pin.h / 2 - 1, d * 4,
                                2 * m->unit }, lay_col(&L, CONTENT_COLOR_MUTED), 0);
    for (size_t i = 0; i < n; i++)
        lay_rect(&L, (od_rect){ x0 + (float)i * step, g.pin.y + (g.pin.h - d) / 2, d, d },
                 lay_col(&L, CONTENT_COLOR_TEXT), d / 2);
    static const char *const digits[] = { "1", "2", "3", "4", "5", "6", "7", "8", "9" };
    for (int k = 0; k < ADMIN_NKEYS; k++) {
        bool word = k == ADMIN_KEY_CLEAR || k == ADMIN_KEY_CANCEL || k == ADMIN_KEY_OK;
        bool pressed = k == a->pressed_key;
        lay_pill p;
        memset(&p, 0, sizeof p);
        p.text = k == ADMIN_KEY_CLEAR    ? lay_str(&L, CONTENT_STR_ADMIN_CLEAR)
                 : k == ADMIN_KEY_OK     ? lay_str(&L, CONTENT_STR_ADMIN_OK)
                 : k == ADMIN_KEY_CANCEL ? lay_str(&L, CONTENT_STR_ADMIN_CANCEL)
                 : k == ADMIN_KEY_ZERO   ? "0"
                                         : digits[k];
        p.font = word ? SCENE_FONT_BOLD : SCENE_FONT_REGULAR;
        p.size = word ? fmaxf(m->text_min, px * 0.7f) : px;
        /* Pressed as the kiosk's own buttons are: the accent. No hit region:
         * admin_input hit-tests the keys itself (admin_key_rect). */
        p.bg = lay_col(&L, pressed ? CONTENT_COLOR_ACCENT : CONTENT_COLOR_SURFACE_ALT);
        p.fg = pressed                                 ? lay_col(&L, CONTENT_COLOR_ACCENT_TEXT)
               : locked(a) && k != ADMIN_KEY_CANCEL ? lay_col(&L, CONTENT_COLOR_MUTED)
                                                     : lay_col(&L, CONTENT_COLOR_TEXT);
        p.action = VIEW_ACT_NONE;
        lay_pill_draw(&L, &p, admin_key_rect(a, k), panel);
    }
    lay_end(&L);
}
