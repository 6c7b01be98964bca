/* strbuf.h - a growing, always NUL-terminated text buffer, for the writers
 * that build a whole text before handing it on (the web page export, the
 * words Read aloud says).
 *
 * The caller's storage: start from `strbuf b = { 0 }`, end with strbuf_take
 * (the text is then the caller's, freed with free) or strbuf_deinit. Out of
 * memory is sticky: once an append fails, `failed` is set, later appends do
 * nothing and strbuf_take returns NULL, so a writer checks once at the end. */
#ifndef OPENDAY_STRBUF_H
#define OPENDAY_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char *s;      /* NULL until the first append; else NUL-terminated */
    size_t len;   /* bytes of text, without the NUL */
    size_t cap;
    bool failed;  /* an append ran out of memory */
} strbuf;

void strbuf_add(strbuf *b, const char *s, size_t n);
void strbuf_str(strbuf *b, const char *s);
void strbuf_printf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The text (an empty string when nothing was added), or NULL when an append
 * failed; either way b is empty again. */
char *strbuf_take(strbuf *b);
void strbuf_deinit(strbuf *b);

#endif
