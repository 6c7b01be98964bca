/* vocab.h - the words of a content model that layout may hyphenate.
 *
 * The kiosk hands them to the measurer's prepare callback (measure.h) when
 * content loads, so the platform hyphenates a finite set of words once
 * instead of keeping a dictionary for the whole run. Every text of the
 * model a screen can show is visited (degrees, careers, awards, slides,
 * talks, quiz, notices, the interface strings) and split by text_words, as
 * layout splits it.
 *
 * vocab_of returns a malloc'd buffer of the words of c's own language, each
 * followed by '\n' (repeats kept; the caller frees it), its length in *len;
 * NULL when out of memory. */
#ifndef OPENDAY_VOCAB_H
#define OPENDAY_VOCAB_H

#include <stddef.h>
#include "content.h"

char *vocab_of(const content *c, size_t *len);

#endif
