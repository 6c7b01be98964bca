/* load_site.h - the loaders of the files that set up the whole kiosk
 * (rows of content_files.h): openday.json, theme.json, strings.json.
 *
 * Each reads the jfile it is given (open, in the load's language) into the
 * model c, reporting every problem through jfile.h's checks, and returns
 * false after any error; c is then partial but safe to destroy.
 * load_manifest runs first: it fills c->language and the visitor
 * languages, and declares them to f, so that every later file's
 * translations are checked against them. load_theme and load_strings fill
 * whatever their files leave out with the built-in colours and texts, with
 * a warning each. Loader-internal (content.c calls them). */
#ifndef OPENDAY_LOAD_SITE_H
#define OPENDAY_LOAD_SITE_H

#include <stdbool.h>
#include "content.h"
#include "jfile.h"

bool load_manifest(jfile *f, content *c);
bool load_theme(jfile *f, content *c);
bool load_strings(jfile *f, content *c);

#endif
