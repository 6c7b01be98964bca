/* load_day.h - the loaders of the optional files of the open day (rows of
 * content_files.h): talks.json, quiz.json and notices.json.
 *
 * Each reads the jfile it is given into the model c, reporting every
 * problem through jfile.h's checks, and returns false after any error; c
 * is then partial but safe to destroy. They run after the catalogue (the
 * talks and the quiz's answers name degrees by id) and only when their
 * file is there: a file left out is no error (content.absent). When
 * degrees.json itself failed, its error says it all: unknown degree ids
 * are not reported again here.
 *
 * Times: a talk or a notice whose end is before its start runs past
 * midnight (its end is stored beyond 1440). On a known day (talks.json's
 * date for talks, openday.json's for notices) every time must happen in
 * the kiosk's local time zone (TZ): one in the hour the clocks skip when
 * summer time starts is an error, one in the hour they repeat a warning;
 * an end past midnight is checked on the day after. Limits in characters
 * (a room, a notice) count characters, and "one line" refuses every line
 * break of Unicode (textrule.h). Loader-internal (content.c calls them). */
#ifndef OPENDAY_LOAD_DAY_H
#define OPENDAY_LOAD_DAY_H

#include <stdbool.h>
#include "content.h"
#include "jfile.h"

bool load_talks(jfile *f, content *c);
bool load_quiz(jfile *f, content *c);
bool load_notices(jfile *f, content *c);

#endif
