/* textrule.c - character rules for all of Unicode. See textrule.h.
 *
 * ICU decodes and classifies: a hand-kept list of invisible characters is
 * out of date with the next Unicode version, ICU's database is not. */
#include "textrule.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

/* Decode the code point at s[*i] (advancing *i); an ill-formed byte gives
 * U+FFFD's stand-in (a negative value). */
static UChar32 next_cp(const char *s, int32_t *i, int32_t len)
{
    UChar32 c;
    U8_NEXT((const uint8_t *)s, *i, len, c);
    return c;
}

static int32_t len32(const char *s)
{
    size_t n = strlen(s);
    return n > INT32_MAX ? INT32_MAX : (int32_t)n;
}

size_t textrule_chars(const char *s)
{
    size_t n = 0;
    int32_t len = len32(s);
    for (int32_t i = 0; i < len; n++)
        next_cp(s, &i, len);
    return n;
}

bool textrule_cp_invisible(uint32_t cp)
{
    if (cp > 0x10FFFF)
        return true;
    UChar32 c = (UChar32)cp;
    int8_t t = u_charType(c);
    return t == U_CONTROL_CHAR || t == U_FORMAT_CHAR || t == U_SPACE_SEPARATOR ||
           t == U_LINE_SEPARATOR || t == U_PARAGRAPH_SEPARATOR ||
           u_hasBinaryProperty(c, UCHAR_WHITE_SPACE) ||
           u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

uint32_t textrule_first_invisible(const char *s, size_t *at)
{
    int32_t len = len32(s);
    for (int32_t i = 0; i < len;) {
        int32_t start = i;
        UChar32 c = next_cp(s, &i, len);
        uint32_t cp = c < 0 ? 0xFFFD : (uint32_t)c;
        if (c < 0 || textrule_cp_invisible(cp)) {
            if (at)
                *at = (size_t)start;
            return cp;
        }
    }
    return 0;
}

bool textrule_blank(const char *s)
{
    int32_t len = len32(s);
    for (int32_t i = 0; i < len;) {
        UChar32 c = next_cp(s, &i, len);
        if (c >= 0 && !textrule_cp_invisible((uint32_t)c))
            return false;
    }
    return true;
}

uint32_t textrule_first_break(const char *s)
{
    int32_t len = len32(s);
    for (int32_t i = 0; i < len;) {
        UChar32 c = next_cp(s, &i, len);
        if (c < 0)
            return 0xFFFD;
        int8_t t = u_charType(c);
        if (t == U_CONTROL_CHAR || t == U_LINE_SEPARATOR || t == U_PARAGRAPH_SEPARATOR)
            return (uint32_t)c;
    }
    return 0;
}
