/* render.h - draws a scene with an SDL_Renderer. The only module that draws.
 *
 * Text is rasterised once into textures kept in a bounded cache keyed by
 * (font, size, colour, string), with hit/miss/rasterisation counters; rounded
 * rectangles and thick lines are drawn with SDL_RenderGeometry; images are
 * loaded with SDL_image from the path their command carries (layout joins it
 * to the content folder: the renderer knows nothing of content) and cached.
 *
 * render_create borrows the SDL_Renderer and the fontset (both must outlive the
 * render object); it returns NULL only when out of memory. It also sets, for
 * the whole process, glibc's threshold above which malloc maps blocks on
 * their own (16 KiB), so evicted text pixels go back to the system instead
 * of fragmenting the heap (see render.c). Drawing failures are
 * logged once per kind with SDL's message and skipped: a frame is never aborted. */
#ifndef OPENDAY_RENDER_H
#define OPENDAY_RENDER_H

#include <stdbool.h>
#include <stdint.h>
#include "content.h"
#include "font.h"
#include "scene.h"

struct SDL_Renderer;
typedef struct render render;

render *render_create(struct SDL_Renderer *r, fontset *fonts);
void render_destroy(render *r);

/* Clear to `clear` and draw every command of s, in order, into the current
 * render target. */
void render_scene(render *r, const scene *s, od_color clear);
/* Draw s over what is already there (an overlay), without clearing. */
void render_scene_over(render *r, const scene *s);

/* The frame loop's draw: scene s, then the overlay `over` (may be NULL).
 * When the target keeps its pixels between frames (render_set_retained:
 * the software renderer, or a render-target texture), only what changed
 * since the previous render_frame is drawn: each command is reduced to a
 * signature and a box, the boxes of changed commands make one damage
 * rectangle, and only commands touching it are drawn, clipped to it. A frame
 * where nothing changed draws nothing; one that changes most of the screen
 * is drawn whole. */
void render_frame(render *r, const scene *s, const scene *over, od_color clear);
void render_set_retained(render *r, bool on);
/* The target's pixels are no longer what was drawn (window exposed, resized,
 * device lost): the next render_frame draws everything. */
void render_invalidate(render *r);

/* Forget every texture (after SDL_RENDER_TARGETS_RESET / DEVICE_RESET); they
 * are rebuilt on demand. */
void render_drop_textures(render *r);

/* The content changed (live reload): images may differ under the same
 * names, so they are loaded again; cached text stays. */
void render_forget_images(render *r);
/* Draw images from c's snapshot (content.assets; borrowed until the next
 * call, NULL: read image files by path, for callers without content), and
 * forget those loaded so far. An image path inside c->dir that c did not
 * load is not drawn. */
void render_use_content(render *r, const content *c);

typedef struct {
    uint64_t hits, misses, rasterised;   /* text cache, since creation */
    uint64_t evictions;
    uint64_t uncached;                   /* texts drawn without caching: the cache was
                                          * full of this frame's own texts */
    uint64_t full, partial, skipped;     /* render_frame: whole, damaged-only, nothing */
    uint64_t damaged_px;                 /* pixels inside damage rectangles */
    size_t entries, bytes;               /* current size */
} render_stats;
void render_get_stats(const render *r, render_stats *out);

/* Read back w x h pixels of the current target and write them as PNG.
 * Returns false (after logging the failing call) on error. */
bool render_save_png(struct SDL_Renderer *r, int w, int h, const char *path);

#endif
