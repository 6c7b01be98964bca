/* gfx.h - where frames go: a window, or a headless surface for screenshots
 * and replays, optionally rotated (a panel mounted sideways or upside down),
 * with the one renderer (render.h) that draws scenes into it.
 *
 * When rotated, frames are drawn into a texture the size of the logical
 * picture, which is then copied turned onto the output. Every failing SDL
 * call is logged with SDL's message. gfx_window and gfx_headless fill
 * caller storage (zeroed first) and return false after logging; gfx_deinit
 * frees whatever was made, including after a failure. The render object is
 * the caller's to make (gfx.rd) once the fonts are known; gfx_deinit frees it. */
#ifndef OPENDAY_GFX_H
#define OPENDAY_GFX_H

#include <stdbool.h>
#include "render.h"
#include "scene.h"

struct SDL_Window;
struct SDL_Surface;
struct SDL_Renderer;
struct SDL_Texture;

typedef struct {
    struct SDL_Window *win;       /* NULL when headless */
    struct SDL_Surface *surface;  /* the headless target */
    struct SDL_Renderer *ren;
    struct SDL_Texture *target;   /* the logical picture when rotated, else NULL */
    int pw, ph;                   /* physical output pixels */
    int lw, lh;                   /* logical picture */
    int rotate;
    render *rd;
} gfx;

typedef enum { GFX_FULLSCREEN, GFX_WINDOWED } gfx_mode;

bool gfx_headless(gfx *g, int w, int h, int rotate);
bool gfx_window(gfx *g, gfx_mode mode, int w, int h, int rotate);
void gfx_deinit(gfx *g);
/* The output changed size: read it again and remake the rotation target. */
bool gfx_output_resized(gfx *g);
/* Draw a frame (scene, then overlay, which may be NULL) onto the output. */
void gfx_draw(gfx *g, const scene *s, const scene *over, od_color clear);
/* Every texture was lost (SDL_RENDER_TARGETS_RESET / DEVICE_RESET): forget
 * them all (made again on demand) and draw the next frame whole. */
void gfx_lost_textures(gfx *g);
/* Tell the renderer whether the target keeps its pixels between frames
 * (damage tracking); after making g->rd and after a reset or resize. */
void gfx_retain(gfx *g);
/* Write the output as PNG; false after logging. */
bool gfx_save_png(gfx *g, const char *path);

#endif
