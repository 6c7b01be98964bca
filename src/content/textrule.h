/* textrule.h - the rules about text that content states in characters,
 * held for all of Unicode: how many characters a text has, whether it is
 * blank, whether it holds a space or an invisible character, whether it is
 * one line.
 *
 * A "character" is a Unicode code point, what an editor's cursor steps
 * over in almost every text a university writes; a limit stated in
 * characters counts these, never bytes. "Invisible" is every character a
 * reader cannot see or tell from a space: White_Space (the ASCII spaces and
 * NO-BREAK SPACE, the en and em spaces, IDEOGRAPHIC SPACE...), the controls
 * (Cc), the format characters (Cf: ZERO WIDTH SPACE U+200B..U+200F, WORD
 * JOINER and the invisible operators U+2060..U+2064, U+FEFF, the
 * bidirectional controls U+202A..U+202E and U+2066..U+2069, SOFT HYPHEN)
 * and every other Default_Ignorable_Code_Point (variation selectors, the
 * Hangul fillers). The properties come from ICU's character database.
 *
 * Pure: ICU (common library) and libc. Every function takes valid UTF-8
 * (jsonpos.h refuses anything else before a loader sees a text); a byte
 * that does not decode counts as one character and as invisible. */
#ifndef OPENDAY_TEXTRULE_H
#define OPENDAY_TEXTRULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Code points in s. */
size_t textrule_chars(const char *s);
/* Whether code point cp is a space or invisible (above). */
bool textrule_cp_invisible(uint32_t cp);
/* The first space or invisible character of s, 0 when none; its byte
 * offset into *at when at is not NULL. */
uint32_t textrule_first_invisible(const char *s, size_t *at);
/* True when s shows nothing: empty, or only spaces and invisible
 * characters. */
bool textrule_blank(const char *s);
/* The first character of s that breaks or ends a line (a control such as
 * LF, CR or TAB, LINE SEPARATOR U+2028, PARAGRAPH SEPARATOR U+2029,
 * NEXT LINE U+0085), 0 when s is one line. */
uint32_t textrule_first_break(const char *s);

#endif
