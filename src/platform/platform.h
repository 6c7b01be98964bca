/* platform.h - the SDL side of openday, behind one contract.
 *
 * Three ways to run the kiosk (kiosk.h) on SDL, each returning the
 * process's exit status:
 *   platform_window      the kiosk on a display: a window, full screen, or
 *                        the console (KMSDRM); signals, systemd readiness,
 *                        watchdog and status, the frame loop, the sleep
 *                        policy; 0, OPENDAY_EXIT_ADMIN, or 1 when the
 *                        display or fonts cannot be had;
 *   platform_replay      a replay script (player.h) on a headless surface,
 *                        in simulated time or paced to the real clock;
 *                        0, 1 (an expectation failed), 2 (bad script or
 *                        content);
 *   platform_screenshot  one screen, settled, written as PNG; 2 when the
 *                        content is invalid (the staff screen is written).
 * Everything these decide about what the visitor sees is the kiosk's; this
 * layer turns SDL events into raw input, time into kiosk_update calls and
 * frames into pixels. System errors are logged here with the failing call
 * and SDL's message. TTF_Init must have been done by the caller. */
#ifndef OPENDAY_PLATFORM_H
#define OPENDAY_PLATFORM_H

#include "cli.h"

int platform_window(const cli_options *o);
int platform_replay(const cli_options *o);
int platform_screenshot(const cli_options *o);

#endif
