/* tools.h - the one-shot staff tools that run instead of the kiosk and exit:
 * what a technician asks of a kiosk's state folder from a shell.
 *
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
 * The state folder is DIR when given, else --state-dir, else the default
 * (store.h). --health writes everything to stdout, its judgement being its
 * result; --usage writes its results to stdout and its failures to stderr,
 * with the failing call. Neither changes anything in the state folder.
 * tools_usage with a picture starts and quits SDL and SDL_ttf itself;
 * otherwise neither tool needs them. */
#ifndef OPENDAY_TOOLS_H
#define OPENDAY_TOOLS_H

#include "cli.h"

int tools_health(const cli_options *o);
int tools_usage(const cli_options *o);

#endif
