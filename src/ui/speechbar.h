/* speechbar.h - Read aloud's control bar: Stop, Repeat, Quieter, Louder,
 * drawn over the bottom of the screen while Read aloud is on.
 *
 * Drawn with the layout toolkit (lay.h) on top of a laid-out frame: its
 * commands are appended to the scene, after everything else, so its hit
 * regions come last in the focus order and the page's own order is
 * unchanged. Each button is a pill of at least the target size (9 mm); the
 * words are the content's strings (speech_stop ...), with the built-in
 * defaults without content.
 *
 * Pure: no SDL. Appends to `s` (never clears it); `in` gives the pressed and
 * focused hit ids (in->cur) and whether the focus ring shows; may be NULL. */
#ifndef OPENDAY_SPEECHBAR_H
#define OPENDAY_SPEECHBAR_H

#include "lay.h"
#include "scene.h"

/* Draws the bar at the bottom of env's screen; returns its height, the
 * room a scrolled page needs below its end to be read above the bar. */
float speechbar_draw(scene *s, const content *c, const layout_env *env,
                     const layout_frame_in *in);

#endif
