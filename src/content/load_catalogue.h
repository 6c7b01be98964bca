/* load_catalogue.h - the loaders of the catalogue (rows of
 * content_files.h): careers.json, awards.json and degrees.json, the lists
 * of entries with ids that the other files refer to, and attract.json, the
 * playlist made of them.
 *
 * Each reads the jfile it is given into the model c, reporting every
 * problem through jfile.h's checks, and returns false after any error; c
 * is then partial but safe to destroy. They run in this order, each
 * resolving ids against the lists loaded before it (a degree's careers and
 * award, a slide's degree or career); a list whose file could not be read
 * sets its bit in c->unreadable, so that the files after it do not report
 * every reference to it as unknown. Loader-internal (content.c calls
 * them). */
#ifndef OPENDAY_LOAD_CATALOGUE_H
#define OPENDAY_LOAD_CATALOGUE_H

#include <stdbool.h>
#include "content.h"
#include "jfile.h"

bool load_careers(jfile *f, content *c);
bool load_awards(jfile *f, content *c);
bool load_degrees(jfile *f, content *c);
bool load_attract(jfile *f, content *c);
/* A mark for every degree of c that has none (content.h), made from its
 * name; load_degrees runs it, and content_link for a model built in code. */
void load_degree_marks(content *c);

#endif
