/* view.h - the rules about places and actions, shared by layout and the
 * app: names (for --screen, replays and people), validity, siblings, what
 * a tap opens, and the accessibility choices' names. The vocabulary itself
 * (screen ids, places, actions) is view_types.h, in the toolkit.
 *
 * Every rule here is read from the screen table (screen.h): a screen's name,
 * what its place carries and when it is valid are written in its table row
 * and nowhere else, so these functions hold no per-screen cases.
 *
 * Layers: in the screens layer, on top of the screen table; the frame and
 * the app call it. Pure: no SDL, no allocation. Functions taking a content
 * model only read it; a place is valid only against the model it was made
 * for. */
#ifndef OPENDAY_VIEW_H
#define OPENDAY_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include "content.h"
#include "view_types.h"

/* The choice's name for people and tools ("large-text", "high-contrast",
 * "less-motion", "reach", "read-aloud"); "" for an unknown one. */
const char *view_access_name(int choice);
/* Parse a comma-separated list of those names ("" or "none": no choice)
 * into a bit set (1 << choice). False for an unknown name. */
bool view_access_parse(const char *list, unsigned *bits);

/* The screen's name ("degree", "ba-bs"), "" for an unknown id. */
const char *view_screen_name(view_screen s);

/* Write the full name of a place ("degree:music-production",
 * "compare:music-production,music-technology", "home") into buf. The place
 * must be valid for c. */
void view_place_name(const view_place *p, const content *c, char *buf, size_t n);

/* Parse a name as accepted by --screen. Returns false (out untouched) for
 * unknown names or ids, or a parameter the screen does not take. */
bool view_place_parse(const char *name, const content *c, view_place *out);

/* True when `name` designates place p: either the full name, or the bare
 * screen name ("compare" matches every comparison). */
bool view_place_matches(const view_place *p, const content *c, const char *name);

/* True when p can be shown with c: its parameters name existing items and
 * the screen's table row finds what it needs in c. */
bool view_place_valid(const view_place *p, const content *c);

/* Carry p from model `from` over to model `to` by ids (a reload may reorder
 * degrees and careers). False, p unspecified, when it no longer exists. */
bool view_place_remap(const content *from, const content *to, view_place *p);

/* How many siblings a swipe moves between on p's screen (the degrees for a
 * degree, the careers for a career); 0 when the screen has none. */
size_t view_place_siblings(const view_place *p, const content *c);

/* The place a tap on (action, arg) opens, when the action opens a screen
 * (VIEW_ACT_DEGREE, VIEW_ACT_OPEN, ...). False for every other action. The place is
 * not checked against the content: see view_place_valid. */
bool view_place_for_action(int action, int arg, view_place *out);

/* What a tap on a hit region (action, arg) does, in words for people and
 * tools (the --dump account): "back", "home", "wake", "open degree:ID",
 * "open career:ID", "screen compare", "pick first degree:ID", "pick second
 * degree:ID", "next", "previous", "page down", "page up", "accessibility",
 * "toggle large-text" (view_access_name), "stay", "answer 2" (counted
 * from 1), "start the quiz again", "languages" (the language button),
 * "language de" (a row of the chooser, by code); an index c does not have
 * reads "open degree #7 (missing)",
 * and an action this table does not know "action 42 arg 7". c may be NULL
 * (the staff screen): items are then named by index. Writes into buf,
 * truncating to n. */
void view_action_name(int action, int arg, const content *c, char *buf, size_t n);

#endif
