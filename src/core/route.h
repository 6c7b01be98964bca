/* route.h - the one path every input event takes, from a window or a replay.
 *
 * The staff exit (admin.h) sees each event first and keeps it while its
 * keypad is open; quit keys end the app only outside kiosk mode; everything
 * else goes to the app. Pure: no SDL. */
#ifndef OPENDAY_ROUTE_H
#define OPENDAY_ROUTE_H

#include <stdbool.h>
#include <stdint.h>
#include "admin.h"
#include "app.h"

/* Feed one event; returns true when it asks the app to quit (never in kiosk
 * mode). a may be NULL (no content yet). */
bool route_input(admin *adm, app *a, bool kiosk, const input_event *ev);
/* Advance the staff exit to now_ms; when its keypad has just opened, the app
 * loses the finger that opened it (INPUT_CANCEL). */
void route_update(admin *adm, app *a, uint64_t now_ms);

#endif
