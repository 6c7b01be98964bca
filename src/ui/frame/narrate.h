/* narrate.h - what a screen reader says: a frame's account (dump.h) turned
 * into utterances, in the order the screen is read.
 *
 * The words come from the same account that --dump writes, so what is
 * spoken is what is drawn, in drawing order, which the layouts keep in
 * visual reading order (header, then the body top to bottom, row by row).
 *
 * The rules:
 *   - a line is read when it is `shown` (dump.h: not transparent, not under
 *     a later opaque rectangle; a line scrolled out of view still counts)
 *     and not part of the overlay;
 *   - lines of one paragraph are joined: a line continues the previous one
 *     when it has the same face and size, starts right below it (a gap of
 *     at most a sixth of a line) with the same left, centre or right edge,
 *     and belongs to the same target. A hyphen that wrapping put at the end
 *     of a line before a lower-case letter is dropped, so the word is read
 *     whole; before a capital the hyphen stays and the halves are joined
 *     ("Rolls-" "Royce": "Rolls-Royce"). A compound broken at its own hyphen
 *     before a lower-case letter loses it ("well-" "known": "wellknown"):
 *     the account cannot tell it from a hyphenated word, and both sound
 *     the same;
 *   - a line belongs to a target when its centre lies in the target's box
 *     (the smallest such, in the same clip); a target holding every line (the attract loop's
 *     "touch anywhere") is a backdrop and names nothing;
 *   - a target's paragraphs are read as one item, joined by commas and
 *     followed by the word for a button ("Music Producer, button"), and
 *     "unavailable" when disabled;
 *   - a paragraph identical to one drawn at the same place is said once,
 *     and so is the same text twice in a row;
 *   - each paragraph or item ends with a full stop when it has no closing
 *     punctuation, so the voice pauses between them.
 * The screen utterance leaves out the targets whose action name (dump.h,
 * view_action_name) is in `skip` (the chrome on every screen: Back, Home,
 * the speech controls), which the visitor finds by touch.
 *
 * Pure: no SDL, no I/O. Results are heap strings freed with narrate_free;
 * NULL when out of memory, or from narrate_at when nothing is there. The
 * account and words are borrowed. */
#ifndef OPENDAY_NARRATE_H
#define OPENDAY_NARRATE_H

#include <stddef.h>
#include "dump.h"

typedef struct {
    const char *button;        /* the role of a target: "button" */
    const char *unavailable;   /* a disabled target: "unavailable" */
    const char *again;         /* said after an item: "Tap again to open." */
} narrate_words;

/* The words in English, for callers without content. */
void narrate_words_default(narrate_words *w);

/* The whole screen, title first (the header is drawn first). skip: a
 * NULL-terminated list of action names left out, or NULL. */
char *narrate_screen(const dump_account *a, const narrate_words *w, const char *const *skip);

/* What target `hit` (an index into a->hits) says when touched: its text,
 * its role, and words->again when it is enabled. */
char *narrate_item(const dump_account *a, size_t hit, const narrate_words *w);

/* What is under the point: the topmost enabled target holding it (as
 * narrate_item), else the paragraph one of whose lines holds it; NULL when
 * neither. *hit is the target's index, or (size_t)-1 for a paragraph. */
char *narrate_at(const dump_account *a, float x, float y, const narrate_words *w, size_t *hit);

/* The index of the target with scene id `id`, or (size_t)-1. */
size_t narrate_find(const dump_account *a, uint32_t id);

void narrate_free(char *s);

#endif
