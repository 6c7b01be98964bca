/* store.h - the state directory and the last-known-good copy of the content.
 *
 * Every time content validates, a copy of its seven files and of the assets
 * it names (images, font files) is kept in STATE/last-good, so a typo made
 * before a restart does not blank the kiosk. The copy is written into a fresh
 * folder STATE/good-N and published by renaming a symbolic link over
 * STATE/last-good, so a power cut mid-save leaves either the old copy or the
 * new one, never half of each. Saving identical content writes nothing (SD
 * cards wear).
 *
 * The seven JSON files are written from the very bytes that were validated
 * (content.raw), never read again from the content folder, where an editor's
 * later save would slip into the copy unvalidated; images and fonts are
 * those same load's bytes (content.assets), read once with the JSON files.
 * Every file and folder is fsynced before the link is
 * renamed. The copy never lands among its own inputs: a state folder that is
 * the content folder or inside it, or content served from the state folder's
 * own copies, is refused.
 *
 * No SDL. Failures (read-only or full disk, a refused folder) are reported
 * with the failing call and the OS message in err and never touch the content
 * in use. */
#ifndef OPENDAY_STORE_H
#define OPENDAY_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include "content.h"

/* The default state directory: $XDG_STATE_HOME/openday, else
 * $HOME/.local/state/openday, else /var/lib/openday. Writes into out. */
void store_default_dir(char *out, size_t n);

/* STATE/last-good, written into out. */
void store_last_good(const char *state_dir, char *out, size_t n);

/* Keep a copy of c (whose files are in c->dir). Returns true when the copy is
 * in place (written now or already identical); false with err filled. */
bool store_save(const char *state_dir, const content *c, char *err, size_t n);

#endif
