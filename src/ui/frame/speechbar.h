/* speechbar.h - Read aloud's control bar: Stop, Repeat, Quieter, Louder,
 * drawn over the bottom of the screen while Read aloud is on.
 *
 * The bar takes the bottom strip of the screen: the page is laid out in the
 * height above it (speechbar_height), so the bar hides nothing, then the
 * bar is drawn with the layout toolkit (lay.h) into the strip. Its commands
 * are appended to the scene after everything else, so its hit regions come
 * last in the focus order and the page's own order is unchanged. Each button is a pill of at least the target size (9 mm); the
 * words are the content's strings (speech_stop ...), with the built-in
 * defaults without content.
 *
 * Pure: no SDL. Appends to `s` (never clears it); `in` gives the pressed and
 * focused hit ids (in->cur) and whether the focus ring shows; may be NULL. */
#ifndef OPENDAY_SPEECHBAR_H
#define OPENDAY_SPEECHBAR_H

#include "lay.h"
#include "scene.h"

/* The bar's height on env's screen (at least a target and a gap). */
float speechbar_height(const content *c, const lay_env *env);
/* Draws the bar at the bottom of env's screen; returns its height. */
float speechbar_draw(scene *s, const content *c, const lay_env *env,
                     const lay_frame_in *in);

#endif
