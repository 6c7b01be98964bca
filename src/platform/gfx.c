/* gfx.c - the output: window or headless surface, rotation. See gfx.h. */
#include "gfx.h"

#include <SDL.h>
#include <stdio.h>
#include <string.h>

#include "input.h"

static bool gfx_make_target(gfx *g)
{
    if (g->target) {
        SDL_DestroyTexture(g->target);
        g->target = NULL;
    }
    input_logical_size(g->rotate, g->pw, g->ph, &g->lw, &g->lh);
    if (g->rotate == 0)
        return true;
    g->target = SDL_CreateTexture(g->ren, SDL_PIXELFORMAT_ARGB8888,
                                  SDL_TEXTUREACCESS_TARGET, g->lw, g->lh);
    if (!g->target) {
        fprintf(stderr, "openday: SDL_CreateTexture (rotation target %dx%d) failed: %s\n",
                g->lw, g->lh, SDL_GetError());
        return false;
    }
    return true;
}

bool gfx_headless(gfx *g, int w, int h, int rotate)
{
    memset(g, 0, sizeof *g);
    g->rotate = rotate;
    g->pw = w;
    g->ph = h;
    g->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!g->surface) {
        fprintf(stderr, "openday: SDL_CreateRGBSurfaceWithFormat %dx%d failed: %s\n", w, h,
                SDL_GetError());
        return false;
    }
    g->ren = SDL_CreateSoftwareRenderer(g->surface);
    if (!g->ren) {
        fprintf(stderr, "openday: SDL_CreateSoftwareRenderer failed: %s\n", SDL_GetError());
        return false;
    }
    return gfx_make_target(g);
}

void gfx_deinit(gfx *g)
{
    render_destroy(g->rd);
    if (g->target)
        SDL_DestroyTexture(g->target);
    if (g->ren)
        SDL_DestroyRenderer(g->ren);
    if (g->surface)
        SDL_FreeSurface(g->surface);
    if (g->win)
        SDL_DestroyWindow(g->win);
    memset(g, 0, sizeof *g);
}

void gfx_draw(gfx *g, const scene *s, const scene *over, od_color clear)
{
    if (g->target) {
        if (SDL_SetRenderTarget(g->ren, g->target) != 0)
            fprintf(stderr, "openday: SDL_SetRenderTarget failed: %s\n", SDL_GetError());
        render_frame(g->rd, s, over, clear);
        SDL_SetRenderTarget(g->ren, NULL);
        SDL_SetRenderDrawColor(g->ren, 0, 0, 0, 255);
        SDL_RenderClear(g->ren);
        /* Rotate the logical picture about the centre of the output. */
        SDL_Rect dst = { (g->pw - g->lw) / 2, (g->ph - g->lh) / 2, g->lw, g->lh };
        if (SDL_RenderCopyEx(g->ren, g->target, NULL, &dst, (double)g->rotate, NULL,
                             SDL_FLIP_NONE) != 0)
            fprintf(stderr, "openday: SDL_RenderCopyEx failed: %s\n", SDL_GetError());
    } else {
        render_frame(g->rd, s, over, clear);
    }
}

/* After SDL_RENDER_TARGETS_RESET / SDL_RENDER_DEVICE_RESET (the display was
 * switched off and on, the GPU context lost): every texture is gone. Forget
 * them all (text, corners and images are made again on demand), make the
 * rotation target again, and draw the next frame whole. */
void gfx_lost_textures(gfx *g)
{
    render_drop_textures(g->rd);
    gfx_make_target(g);
}

/* Damage tracking needs a target that keeps its pixels: the software
 * renderer's surface, or the rotation texture. A GPU back buffer does not. */
void gfx_retain(gfx *g)
{
    SDL_RendererInfo info;
    bool sw = SDL_GetRendererInfo(g->ren, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE);
    render_set_retained(g->rd, sw || g->target);
}

bool gfx_window(gfx *g, gfx_mode mode, int w, int h, int rotate)
{
    memset(g, 0, sizeof *g);
    g->rotate = rotate;
    Uint32 flags = SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI;
    if (mode == GFX_WINDOWED) {
        flags |= SDL_WINDOW_RESIZABLE;
    } else {
        w = 1280;
        h = 800;
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    }
    g->win = SDL_CreateWindow("openday", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h,
                              flags);
    if (!g->win) {
        fprintf(stderr, "openday: SDL_CreateWindow failed: %s\n", SDL_GetError());
        return false;
    }
    /* On a Pi console (KMSDRM) the GPU's fast path is OpenGL ES 2: ask for
     * it unless SDL_RENDER_DRIVER says otherwise. Render-to-texture is
     * required (the rotation target). */
    const char *vd = SDL_GetCurrentVideoDriver();
    if (vd && !strcmp(vd, "kmsdrm"))
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "opengles2");
    g->ren = SDL_CreateRenderer(g->win, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_TARGETTEXTURE);
    if (!g->ren) {
        fprintf(stderr, "openday: accelerated renderer unavailable (%s); using software\n",
                SDL_GetError());
        g->ren = SDL_CreateRenderer(g->win, -1, SDL_RENDERER_SOFTWARE);
    }
    SDL_RendererInfo ri;
    if (g->ren && SDL_GetRendererInfo(g->ren, &ri) == 0)
        fprintf(stderr, "openday: renderer %s on %s\n", ri.name, vd ? vd : "?");
    if (!g->ren) {
        fprintf(stderr, "openday: SDL_CreateRenderer failed: %s\n", SDL_GetError());
        return false;
    }
    if (SDL_GetRendererOutputSize(g->ren, &g->pw, &g->ph) != 0) {
        fprintf(stderr, "openday: SDL_GetRendererOutputSize failed: %s\n", SDL_GetError());
        return false;
    }
    return gfx_make_target(g);
}

bool gfx_output_resized(gfx *g)
{
    if (SDL_GetRendererOutputSize(g->ren, &g->pw, &g->ph) != 0) {
        fprintf(stderr, "openday: SDL_GetRendererOutputSize failed: %s\n", SDL_GetError());
        return false;
    }
    bool ok = gfx_make_target(g);
    gfx_retain(g);
    return ok;
}

bool gfx_save_png(gfx *g, const char *path)
{
    return render_save_png(g->ren, g->pw, g->ph, path);
}
