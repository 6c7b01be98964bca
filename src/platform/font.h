/* font.h - font look-up (fontconfig) and text measurement (SDL_ttf).
 *
 * A fontset finds the regular and bold faces of a family through fontconfig,
 * falling back to any packaged sans-serif face (logged), and opens TTF_Font
 * objects per pixel size on demand (bounded cache). It also provides the
 * layout_measure callbacks, with a bounded cache of measured widths so a
 * relayout every frame does not re-shape text.
 *
 * Needs TTF_Init() done by the caller; no video subsystem is needed.
 * fontset_create returns NULL (after logging why) only when no font at all can
 * be opened; the caller owns the result and frees it with fontset_destroy. */
#ifndef OPENDAY_FONT_H
#define OPENDAY_FONT_H

#include <stddef.h>
#include <stdint.h>
#include "measure.h"

typedef struct _TTF_Font TTF_Font;
typedef struct fontset fontset;

fontset *fontset_create(const char *family);
/* The same, trying font files first (full paths, NULL or "" for none); a file
 * that is missing or does not open is logged and the family used instead. */
fontset *fontset_create_files(const char *family, const char *regular, const char *bold);
void fontset_destroy(fontset *f);
/* The face for a role at a pixel size (rounded to whole pixels), or NULL. */
TTF_Font *fontset_get(fontset *f, scene_font role, float px);
/* Paths of the faces in use (for logs and --version). */
const char *fontset_path(const fontset *f, scene_font role);
layout_measure fontset_measure(fontset *f);

#endif
