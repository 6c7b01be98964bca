/* sdl_input.h - the one module that turns SDL events into input events.
 *
 * Events come out raw (input.h): touch and mouse positions as fractions of
 * the window, wheel motion in notches. The kiosk maps them through touch
 * calibration and the display rotation (input_to_logical), the same path a
 * replay's taps take, so a finger lands on what is drawn under it whichever
 * way the panel is mounted. Times are the caller's monotonic milliseconds,
 * never SDL's 32-bit timestamps (which wrap after 49 days). Stateless. */
#ifndef OPENDAY_SDL_INPUT_H
#define OPENDAY_SDL_INPUT_H

#include <stddef.h>
#include <stdint.h>
#include "input.h"

union SDL_Event;

/* Translate one SDL event; win_w x win_h is the window's size in SDL window
 * coordinates (mouse positions are divided by it). Returns how many input
 * events were written (0..max). Synthetic mouse events made from touches are
 * dropped (a finger is not also a mouse). */
size_t sdl_input_translate(const union SDL_Event *e, int win_w, int win_h, uint64_t now_ms,
                           input_event *out, size_t max);

/* Map an SDL key name ("Escape", "Return", "Left", "F4", with an optional
 * "Ctrl+", "Alt+" or "Shift+" prefix) to an app key, as a replay script's
 * `key` line does. Returns false when SDL does not know the name. */
bool sdl_input_key_by_name(const char *name, input_key *out);

#endif
