/* screen_problems.h - the staff screen shown when there is no valid content
 * at all: what is wrong (the report's errors, as many as fit) and where
 * (dir). Not a row of the screen table: it needs no content model. Clears
 * out and lays the screen out for env. Pure: no SDL; nothing allocated
 * beyond the builder's scratch. */
#ifndef OPENDAY_SCREEN_PROBLEMS_H
#define OPENDAY_SCREEN_PROBLEMS_H

#include "content.h"
#include "lay.h"
#include "scene.h"

void screen_problems_draw(scene *out, const lay_env *env, const char *dir,
                          const content_report *rep);

#endif
