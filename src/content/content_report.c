/* content_report.c - the list of problems found in a content set. See
 * content_report.h.
 *
 * Below every loader (jfile.c and the load_*.c files append to it) and
 * calling none of them, so the report is the bottom of the content layer. */
#include "content_report.h"

#include <stdlib.h>
#include <string.h>

/* Out of memory while reporting: nothing sensible is left to do. */
static char *dup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (!d)
        abort();
    return memcpy(d, s, n);
}

void content_report_init(content_report *r)
{
    memset(r, 0, sizeof *r);
}

void content_report_deinit(content_report *r)
{
    for (size_t i = 0; i < r->count; i++) {
        free(r->items[i].file);
        free(r->items[i].path);
        free(r->items[i].message);
    }
    free(r->items);
    memset(r, 0, sizeof *r);
}

void content_report_print(const content_report *r, FILE *out)
{
    for (size_t i = 0; i < r->count; i++) {
        const content_problem *p = &r->items[i];
        /* A problem with the whole file points at its start. */
        fprintf(out, "%s:%d:%d: %s: %s%s\n", p->file, p->line ? p->line : 1,
                p->line ? p->col : 1, *p->path ? p->path : "(top level)",
                p->warning ? "warning: " : "", p->message);
    }
}

void content_report_add(content_report *r, const char *file, int line, int col,
                        const char *path, bool warning, const char *msg)
{
    if (r->count == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        content_problem *n = realloc(r->items, cap * sizeof *n);
        if (!n)
            abort();
        r->items = n;
        r->cap = cap;
    }
    content_problem *p = &r->items[r->count++];
    p->file = dup(file);
    p->line = line;
    p->col = col;
    p->path = dup(path);
    p->message = dup(msg);
    p->warning = warning;
    if (warning)
        r->warnings++;
    else
        r->errors++;
}
