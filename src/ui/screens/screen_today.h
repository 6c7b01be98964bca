/* screen_today.h - the day's talks as a timeline (talks.json), and the
 * "next talk" line a degree page shows. A page of the screen table (screen.h says what every
 * page function promises): draws in page coordinates through the toolkit
 * and returns the height of its content with the bottom padding. */
#ifndef OPENDAY_SCREEN_TODAY_H
#define OPENDAY_SCREEN_TODAY_H

#include "lay.h"

float screen_today_draw(lay *L, const view_place *p);
/* "Next talk: 14:00, Room 2.14" for degree d when the clock is known and
 * one is on or to come; returns its height, 0 for none. */
float screen_today_next_talk(lay *L, float x, float y, float w, size_t d, int box);

#endif
