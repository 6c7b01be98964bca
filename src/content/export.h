/* export.h - the content as a static web page, for the university's website
 * (and for the benchmark's Chromium peer).
 *
 * Pure: libc only, no SDL. The page shows what the kiosk shows: the title, a
 * card per degree (award, tagline, focus, topics, software, modules, hands-on,
 * careers with the shared ones marked and their caveats), the degrees side by
 * side, the career paths, BA or BS with the award rows, and About. It is one
 * self-contained file: the style sheet is inline, there is no script and no
 * address outside the folder (course links, when the content gives them, are
 * plain links a reader may follow). Colours come from the content's theme;
 * every string is HTML-escaped. */
#ifndef OPENDAY_EXPORT_H
#define OPENDAY_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include "content.h"

/* Write dir/index.html (and, when the content carries more than one
 * language, one page for each other language, see export_page_name, every
 * page linking to the others) and copy every image the content uses (degree images,
 * and the theme's font files for the page's @font-face) from c->dir to the
 * same relative path under dir. dir and missing parents are created. Each
 * file is written beside its final name and renamed into place, never opened
 * for writing where it lands; sources are read with file_read (regular files
 * only, without blocking). Writing into the content folder (dir is c->dir,
 * inside it, or a file would land in it) is refused before anything is
 * written there: the export never replaces its own inputs. On failure returns
 * false with the failing call, the path and the reason in err (one line,
 * truncated to errlen); files written before the failure stay. */
bool export_html(const content *c, const char *dir, char *err, size_t errlen);

/* The file name of the page in language i (content_language_count):
 * "index.html" for the default language, "index.CODE.html" for the others. */
void export_page_name(const content *c, size_t i, char *out, size_t n);

/* The page alone (in c's language), as a malloc'd NUL-terminated string (length in *len when
 * len is not NULL); NULL when out of memory. */
char *export_html_page(const content *c, size_t *len);

#endif
