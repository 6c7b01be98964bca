/* admin.h - the staff's only way out of kiosk mode.
 *
 * A finger held on the top-left corner for hold_ms, then (within window_ms)
 * on the top-right corner for hold_ms, opens a PIN keypad over the kiosk;
 * the configured PIN opens the staff screen (today's visitors, drawn by the
 * caller), whose "Exit the kiosk" makes admin_exit_requested() true, and the caller exits
 * cleanly (status OPENDAY_EXIT_ADMIN, which the systemd unit does not
 * restart). Visitors never see any of it: nothing shows until a corner has
 * been held for a second. Wrong PINs are counted; after max_attempts the
 * keypad refuses input for lockout_ms. The keypad closes by itself after
 * idle_ms without a touch, and with Cancel. Without a PIN configured the
 * gesture does nothing.
 *
 * Pure: no SDL and no clock; input events (logical pixels) and time are passed
 * in. Every pointer event should be offered to admin_input first: while the
 * keypad is open it consumes them all, otherwise it only watches. admin_init
 * fills caller storage; nothing is allocated. */
#ifndef OPENDAY_ADMIN_H
#define OPENDAY_ADMIN_H

#include <stdbool.h>
#include <stdint.h>
#include "geom.h"
#include "input.h"
#include "content.h"
#include "lay.h"

#define OPENDAY_EXIT_ADMIN 10   /* exit status of a staff exit */
#define ADMIN_PIN_MAX 8

typedef struct {
    char pin[ADMIN_PIN_MAX + 1];  /* 4 to 8 digits; "" disables the exit */
    unsigned hold_ms;             /* per corner; 0 = 3000 */
    unsigned window_ms;           /* from the first corner to the second; 0 = 10000 */
    unsigned idle_ms;             /* keypad closes without a touch; 0 = 30000 */
    unsigned max_attempts;        /* 0 = 3 */
    unsigned lockout_ms;          /* 0 = 60000 */
} admin_config;

typedef enum {
    ADMIN_IDLE,      /* watching for the first corner */
    ADMIN_ARMED,     /* first corner done: watching for the second */
    ADMIN_KEYPAD,    /* PIN keypad open */
    ADMIN_EXIT,      /* right PIN, then "Exit the kiosk": the caller should exit */
    ADMIN_STAFF,     /* right PIN: the staff screen ("Today's visitors", with
                        Exit and Back buttons); the caller draws the picture
                        above admin_staff_top, admin_draw the buttons */
} admin_phase;

/* The staff screen's buttons. */
enum { ADMIN_STAFF_EXIT = 0, ADMIN_STAFF_BACK = 1, ADMIN_NSTAFF = 2 };

/* The keypad's keys, in layout order: 1-9, Clear, 0, OK, then Cancel. */
enum { ADMIN_KEY_CLEAR = 9, ADMIN_KEY_ZERO = 10, ADMIN_KEY_OK = 11, ADMIN_KEY_CANCEL = 12,
       ADMIN_NKEYS = 13 };

typedef struct {
    admin_config cfg;
    lay_env env;               /* logical size, dpi and text measuring */
    admin_phase phase;
    /* corner holding */
    bool holding;
    int64_t hold_pointer;
    int hold_corner;              /* 0 top-left, 1 top-right */
    uint64_t hold_t0, armed_until;
    /* keypad */
    char entered[ADMIN_PIN_MAX + 1];
    unsigned failures;
    uint64_t locked_until, last_touch;
    int pressed_key;              /* -1 none */
    bool wrong;                   /* the last PIN was wrong */
    uint64_t now;
} admin;

void admin_init(admin *a, const admin_config *cfg, const lay_env *env);
void admin_resize(admin *a, int w, int h);
/* True when the exit is possible at all (a PIN is configured). */
bool admin_enabled(const admin *a);
/* Offer an event; true when the admin UI consumed it (the app must not see
 * it). */
bool admin_input(admin *a, const input_event *ev);
void admin_update(admin *a, uint64_t now_ms);
admin_phase admin_get_phase(const admin *a);
bool admin_exit_requested(const admin *a);
/* Something to draw over the app: keypad or corner progress. */
bool admin_visible(const admin *a);
/* Milliseconds until admin_update changes something (hold progress, timeouts). */
uint64_t admin_wait_ms(const admin *a, uint64_t now_ms);

/* Geometry shared by drawing and hit testing. */
od_rect admin_corner(const admin *a, int corner);
od_rect admin_key_rect(const admin *a, int key);
/* The staff screen's button i (ADMIN_STAFF_*), and where its button strip
 * begins: the caller's picture goes above it. */
od_rect admin_staff_button(const admin *a, int i);
float admin_staff_top(const admin *a);
/* Append the overlay (corner progress or keypad) to s, drawn with the layout
 * toolkit: its words are c's strings (CONTENT_STR_ADMIN_*) and its colours c's
 * theme; with c NULL (no valid content: over the staff screen) the built-in
 * ones. */
void admin_draw(const admin *a, const content *c, scene *s);

#endif
