/* jsonpos.h - a JSON text parsed, knowing where each of its values stands.
 *
 * cJSON parses; this adds what cJSON does not keep: the byte offset in the
 * text of every value and of every object member's key, and the line and
 * column of an offset, so that a problem with any value can be reported
 * where an editor finds it. Before cJSON sees the text it is checked for
 * what no content file may be (empty, saved as UTF-16, holding a NUL byte,
 * invalid UTF-8, nested deeper than JSONPOS_MAX_DEPTH); a UTF-8 byte-order
 * mark is skipped. A key written twice in one object is kept twice, in
 * document order, each with its own offset: cJSON's lookups see only the
 * first, so jfile_open reports every later one as an error.
 *
 * Lines and columns count from 1; a column counts bytes, not characters, so
 * a column after "é" on its line is one more than the characters before it.
 *
 * Pure: cJSON and libc only. Ownership: jsonpos_create borrows the text
 * (NUL-terminated at len, unchanged until jsonpos_destroy) and owns the
 * parsed tree and the offsets. It fails (NULL) when the text is not a JSON
 * value that passes the checks above, saying where and why in *err; any
 * JSON value is accepted at the top level. Out of memory aborts: a few
 * megabytes of content that cannot be parsed for want of memory leave
 * nothing sensible to do. */
#ifndef OPENDAY_JSONPOS_H
#define OPENDAY_JSONPOS_H

#include <cJSON.h>
#include <stddef.h>

/* Objects and arrays inside one another: content is never nearly this deep. */
#define JSONPOS_MAX_DEPTH 64

typedef struct jsonpos jsonpos;

typedef struct {
    size_t off;          /* byte offset of the problem in the text */
    int line, col;       /* where that is, from 1 */
    char message[200];   /* what is wrong and what to do, one sentence */
} jsonpos_error;

jsonpos *jsonpos_create(const char *text, size_t len, jsonpos_error *err);
void jsonpos_destroy(jsonpos *j);

/* The top-level value (any JSON type). */
const cJSON *jsonpos_root(const jsonpos *j);
/* The byte offset where value n starts, or where member n's key starts;
 * 0 for a node not of this tree. */
size_t jsonpos_offset(const jsonpos *j, const cJSON *n);
size_t jsonpos_key_offset(const jsonpos *j, const cJSON *member);
/* The line and column of byte offset off (beyond the end: of the end). */
void jsonpos_line_col(const jsonpos *j, size_t off, int *line, int *col);

#endif
