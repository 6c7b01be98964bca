/* input.h - platform-neutral input events and the display-rotation mapping.
 *
 * Pure: no SDL. The SDL input module (sdl_input.c) and the replay player both
 * produce these events, so a scripted journey goes through exactly the same
 * path as a finger on the glass. Times are milliseconds on a monotonic clock
 * supplied by the caller. */
#ifndef OPENDAY_INPUT_H
#define OPENDAY_INPUT_H

#include <stdbool.h>
#include <stdint.h>

typedef enum {
    INPUT_DOWN,    /* pointer pressed at x,y */
    INPUT_MOVE,    /* pointer moved to x,y (may arrive without a DOWN) */
    INPUT_UP,      /* pointer released at x,y (may arrive without a DOWN) */
    INPUT_CANCEL,  /* all pointers lost (window lost focus, touch cancelled) */
    INPUT_KEY,     /* key pressed: key */
    INPUT_WHEEL    /* scroll wheel: dy in logical pixels, positive = content up */
} input_kind;

/* Keys the app understands; everything else arrives as INPUT_KEY_OTHER. */
typedef enum {
    INPUT_KEY_OTHER, INPUT_KEY_BACK, INPUT_KEY_HOME, INPUT_KEY_LEFT, INPUT_KEY_RIGHT, INPUT_KEY_UP, INPUT_KEY_DOWN,
    INPUT_KEY_NEXT, INPUT_KEY_PREV, INPUT_KEY_ACTIVATE, INPUT_KEY_PAGE_UP, INPUT_KEY_PAGE_DOWN,
    INPUT_KEY_QUIT,      /* Escape or Ctrl+Q: quits outside kiosk mode */
    INPUT_KEY_COUNT
} input_key;

typedef struct {
    input_kind kind;
    uint64_t t_ms;
    int64_t pointer;   /* finger id; -1 for the mouse */
    float x, y;        /* logical pixels */
    float dy;          /* WHEEL */
    input_key key;
} input_event;

/* Map a point given as fractions (0..1) of the physical display to logical
 * pixels of a picture of size lw x lh that is shown rotated clockwise by
 * `rotate` degrees (0, 90, 180 or 270). Out-of-range and NaN input is clamped
 * to the picture (NaN becomes 0). */
void input_map_rotation(int rotate, float fx, float fy, float lw, float lh,
                        float *x, float *y);

/* Touch panels whose axes do not match the picture: swap x and y first,
 * then mirror either axis. Applied to fractions of the physical display,
 * before the rotation mapping. */
typedef struct {
    bool swap_xy, flip_x, flip_y;
} input_calib;
void input_calibrate(const input_calib *c, float *fx, float *fy);

/* Size of the logical picture for a physical display of pw x ph. */
void input_logical_size(int rotate, int pw, int ph, int *lw, int *lh);

/* Platforms deliver raw events: pointer positions as fractions (0..1) of
 * the physical display, WHEEL dy in notches (positive = content up). One
 * mapping turns them into logical pixels for every source alike (a window,
 * a replay, a test): touch calibration for fingers (pointer >= 0; the mouse
 * is -1 and is not a touch panel), then the display rotation; a wheel notch
 * scrolls 12% of the picture's shorter side. Keys and CANCEL pass as they are. */
typedef struct {
    int rotate;          /* 0, 90, 180, 270 */
    int log_w, log_h;    /* logical picture */
    input_calib touch;
} input_map;
void input_to_logical(const input_map *m, input_event *ev);

#endif
