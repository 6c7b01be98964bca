/* font.h - font look-up (fontconfig) and text measurement (SDL_ttf).
 *
 * A fontset finds the regular and bold faces of a family through fontconfig,
 * falling back to any packaged sans-serif face (logged), and opens TTF_Font
 * objects per pixel size on demand (bounded cache). A character its face
 * lacks is set in another installed face that has it (fontconfig, per code
 * point, remembered): text is split into runs of one face each, measured and
 * drawn by the same code, so no character the machine can draw shows as a
 * box and measured widths are exactly the drawn ones. It also provides the
 * lay_measure callbacks, with a bounded cache of measured widths so a
 * relayout every frame does not re-shape text, and hyphenation (hyph.h).
 *
 * Needs TTF_Init() done by the caller; no video subsystem is needed.
 * fontset_create returns NULL (after logging why) only when no font at all can
 * be opened; the caller owns the result and frees it with fontset_destroy. */
#ifndef OPENDAY_FONT_H
#define OPENDAY_FONT_H

#include <stddef.h>
#include <stdint.h>
#include <SDL.h>
#include "content.h"
#include "measure.h"

typedef struct _TTF_Font TTF_Font;
typedef struct fontset fontset;

fontset *fontset_create(const char *family);
/* The same, trying font files first (full paths, NULL or "" for none); a file
 * that is missing or does not open is logged and the family used instead. */
fontset *fontset_create_files(const char *family, const char *regular, const char *bold);
/* The same with each file's bytes as the content read them (blobs[i] NULL:
 * open files[i] by path): the faces open from those bytes, at every size,
 * for as long as the fontset lives (it holds a reference), and files[i]
 * names them in messages. The content's fonts never come from the disk
 * after its load. */
fontset *fontset_create_mem(const char *family, const char *const files[SCENE_FONT_COUNT],
                            content_blob *const blobs[SCENE_FONT_COUNT]);
void fontset_destroy(fontset *f);
/* The face for a role at a pixel size (rounded to whole pixels), or NULL. */
TTF_Font *fontset_get(fontset *f, scene_font role, float px);
/* Paths of the faces in use (for logs and --version). */
const char *fontset_path(const fontset *f, scene_font role);
/* The measurer over these faces (with hyphenation); valid while f lives. */
lay_measure fontset_measure(fontset *f);
/* s[0..len) drawn in ink on a new transparent surface (the caller frees it)
 * as wide as the measurer says and one line of role's face high; NULL on
 * failure (SDL_ttf's error set). */
SDL_Surface *fontset_render(fontset *f, scene_font role, float px, const char *s, size_t len,
                            SDL_Color ink);
/* The first code point of s[0..len) that no installed face can draw (it
 * would show as a box), or 0 when there is none. May ask fontconfig. */
uint32_t fontset_missing(fontset *f, const char *s, size_t len);

/* Faces kept open at once (a role or fallback at one pixel size each); the
 * least recently used is closed to open another. */
#define FONTSET_FACES 32

/* Counters of the face cache, for tests and --stats. */
typedef struct {
    size_t faces;            /* open now: at most FONTSET_FACES */
    uint64_t opened, closed; /* since creation */
} fontset_stats;
void fontset_get_stats(const fontset *f, fontset_stats *out);

#endif
