/* tools.h - the one-shot tools that run instead of the kiosk and exit: what
 * an author asks of a content folder and a technician of a kiosk's state
 * folder, from a shell. Each returns the process's exit status.
 *
 *   tools_check   --check [DIR]: every problem in the content as
 *                 FILE:LINE:COL (content.h), a valid content read again
 *                 with the faces it asks for so that a character no
 *                 installed font can draw is a warning; then a summary
 *                 line. All on stdout; 0 when valid, 2 when not.
 *   tools_export  --export-html DIR: the content (--content) as a static web
 *                 site in DIR (export.h); the content's problems on stderr;
 *                 0 when written, 1 when writing failed, 2 when the content
 *                 is invalid.
 *   tools_health  --health [DIR]: prints STATE/health.json (health.h) and a
 *                 last line judging it; 0 when the record is fresh and says
 *                 the kiosk draws, 1 when it is stale, foreign or missing.
 *   tools_usage   --usage [DIR]: the anonymous counts in STATE/usage.tsv by
 *                 hour, as a table or, with --csv, as CSV (newer columns
 *                 last); with --usage-plot FILE.png, the newest day with
 *                 counts (else today) drawn headless by the app's renderer
 *                 at --size (1280x720 by default). 0 on success; 1 when the
 *                 counts cannot be read (a damaged file is named as
 *                 FILE:LINE, never set aside: the kiosk does that) or the
 *                 picture cannot be drawn or written.
 *
 * For --health and --usage, the state folder is DIR when given, else
 * --state-dir, else the default (store.h). --health writes everything to
 * stdout, its judgement being its result; --usage writes its results to
 * stdout and its failures to stderr, with the failing call. Neither changes
 * anything in the state folder.
 * tools_check starts and quits SDL_ttf itself, tools_usage with a picture
 * SDL and SDL_ttf; the others need neither. */
#ifndef OPENDAY_TOOLS_H
#define OPENDAY_TOOLS_H

#include "cli.h"

int tools_check(const cli_options *o);
int tools_export(const cli_options *o);
int tools_health(const cli_options *o);
int tools_usage(const cli_options *o);

#endif
