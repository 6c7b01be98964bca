/* visitor_access.h - the visitor's choices from the accessibility panel,
 * and whether the panel is open.
 *
 * The choices apply at once and last until the visit ends; the return to
 * the attract loop turns them all off (visitor_access_forget). As a bit set
 * they are view_access_choice bits (view.h): what --access, the replays'
 * expect-access and the golden images name. Read aloud is one of the
 * choices, but its state is the reader's (reader.h): the app keeps
 * `read_aloud` in step with it. The caller owns the struct (the app holds
 * one); nothing here allocates or fails. */
#ifndef OPENDAY_VISITOR_ACCESS_H
#define OPENDAY_VISITOR_ACCESS_H

#include <stdbool.h>

typedef struct {
    bool large_text, high_contrast, less_motion, reach, read_aloud;
} visitor_access_choices;

typedef struct {
    visitor_access_choices choices;
    bool open;                  /* the panel of choices shows */
} visitor_access;

/* The choices as a view_access_choice bit set, and back. */
unsigned visitor_access_bits(const visitor_access_choices *c);
visitor_access_choices visitor_access_from_bits(unsigned bits);
/* c with choice `choice` (a view_access_choice) turned over; c itself for
 * a choice out of range. */
visitor_access_choices visitor_access_toggled(const visitor_access_choices *c, int choice);
/* The visit is over: every choice off. True when any was on (the caller
 * then lays out again without them). The panel is left as it is. */
bool visitor_access_forget(visitor_access *v);

#endif
