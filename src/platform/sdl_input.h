/* sdl_input.h - the one module that turns SDL events into input events.
 *
 * Touch and mouse positions are taken as fractions of the window and mapped
 * through the display rotation to logical pixels (input_map_rotation), so a
 * finger lands on what is drawn under it whichever way the panel is mounted.
 * Times are the caller's monotonic milliseconds, never SDL's 32-bit
 * timestamps (which wrap after 49 days). Stateless apart from the map. */
#ifndef OPENDAY_SDL_INPUT_H
#define OPENDAY_SDL_INPUT_H

#include <stddef.h>
#include <stdint.h>
#include "input.h"

union SDL_Event;

typedef struct {
    int rotate;        /* 0, 90, 180, 270 */
    int win_w, win_h;  /* window size in SDL window coordinates */
    int log_w, log_h;  /* logical picture size */
    input_calib touch;    /* applied to finger events only */
} sdl_input_map;

/* Translate one SDL event; returns how many input events were written (0..max).
 * Synthetic mouse events made from touches are dropped (a finger is not also
 * a mouse). */
size_t sdl_input_translate(const union SDL_Event *e, const sdl_input_map *m,
                           uint64_t now_ms, input_event *out, size_t max);

/* Map an SDL key name ("Escape", "Return", "Left", "F4", with an optional
 * "Ctrl+", "Alt+" or "Shift+" prefix) to an app key, as a replay script's
 * `key` line does. Returns false when SDL does not know the name. */
bool sdl_input_key_by_name(const char *name, input_key *out);

#endif
