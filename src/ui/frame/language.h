/* language.h - what the frame dispatcher (frame.c) draws for visitor
 * languages: the language button (on Home's bar and over the attract loop)
 * and the chooser it opens, which lists every language of the content by
 * its own name (content_language_name).
 *
 * Layers: in the frame layer (src/ui/frame), drawn through the toolkit
 * (lay.h) only; it calls no screen and no dispatcher. Pure: no SDL. Both
 * draw nothing when the content has a single language. The chooser is an
 * overlay on a level of its own (LAY_LEVEL_LANGUAGE), judged by the audit
 * among its own blocks, never against the page it covers. */
#ifndef OPENDAY_LAYOUT_LANG_H
#define OPENDAY_LAYOUT_LANG_H

#include <stdbool.h>
#include "lay.h"

#define LAY_LEVEL_LANGUAGE 150

/* The content offers more than one language: the button is shown. */
bool language_offered(const lay *L);

/* The language button in square r (page coordinates, under block
 * `parent`, -1 for none): a globe drawn with rings and lines, its hit
 * region VIEW_ACT_LANGUAGE, lit while the chooser is open. */
void language_button(lay *L, od_rect r, int parent);

/* The attract loop's language button, its top right corner at (right,
 * top) (screen coordinates), side tall: the globe, and the names of every
 * language beside it when they fit in a third of the screen's width.
 * Returns the button's rect. */
od_rect language_corner(lay *L, float right, float top, float side);

/* The chooser, anchored to the button at `button` (screen coordinates):
 * below it, or above it when the bar is at the bottom (bar_bottom); its
 * heading (CONTENT_STR_LANGUAGE) and one row per language (VIEW_ACT_LANGUAGE_SET with
 * the language's index), the language on screen marked, in as many
 * columns as the room needs. */
void language_chooser(lay *L, od_rect button, bool bar_bottom);

#endif
