/* content_report.h - the problems found in a content set, each with its
 * FILE:LINE:COL, JSON path and one sentence saying what to fix.
 *
 * A report is caller storage: content_report_init before use,
 * content_report_deinit to free what it holds. content_report_add copies its
 * strings and aborts when memory runs out (a report that silently lost a
 * problem would tell staff their content is fine). */
#ifndef OPENDAY_CONTENT_REPORT_H
#define OPENDAY_CONTENT_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct {
    char *file;      /* path as given to content_load joined with the file name */
    int line, col;   /* 1-based; 0 when the problem concerns the whole file */
    char *path;      /* JSON path, e.g. "degrees[1].careers[3]"; "" for the root */
    char *message;   /* what is wrong and what to do, one sentence */
    bool warning;
} content_problem;

typedef struct {
    content_problem *items;
    size_t count, cap;
    size_t errors, warnings;
} content_report;

void content_report_init(content_report *r);
void content_report_deinit(content_report *r);
/* Print every problem as "FILE:LINE:COL: json.path: message" (warnings get
 * "warning: " before the message), one per line. */
void content_report_print(const content_report *r, FILE *out);
/* Append one problem (strings are copied); line and col 0 for a whole file
 * or folder. Used by the loader and by whoever explains why content is not
 * shown (the restart-loop guard). */
void content_report_add(content_report *r, const char *file, int line, int col,
                        const char *path, bool warning, const char *msg);

#endif
