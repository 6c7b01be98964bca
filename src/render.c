/* render.c - draws a scene with an SDL_Renderer. See render.h.
 *
 * Text is rasterised once in white and tinted per draw (colour modulation),
 * so the cache key is (font, size, string) and a colour change is free. */
#include "render.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEXT_SLOTS 2048          /* open-addressed table, power of two */
#define TEXT_MAX_ENTRIES 1024
#define TEXT_MAX_BYTES (48u << 20)
#define IMAGE_MAX 32

typedef struct {
    uint64_t hash;
    char *str;
    uint32_t len;
    scene_font font;
    int px;
    SDL_Texture *tex;
    int w, h;
    uint64_t used;               /* frame number of last use */
    bool live;
} text_entry;

typedef struct {
    char *path;
    SDL_Texture *tex;
    int w, h;
    bool failed;
} image_entry;

struct render {
    SDL_Renderer *ren;
    fontset *fonts;
    char *dir;
    text_entry *text;            /* TEXT_SLOTS */
    size_t entries, bytes;
    uint64_t frame;
    image_entry images[IMAGE_MAX];
    render_stats st;
    unsigned logged;             /* bit per kind of failure already logged */
    SDL_Vertex *verts;
    int *idx;
    size_t vcap, icap;
};

enum { LOG_GEOMETRY = 1, LOG_TEXT = 2, LOG_TEXTURE = 4, LOG_IMAGE = 8 };

static void log_once(render *r, unsigned kind, const char *call, const char *msg)
{
    if (r->logged & kind)
        return;
    r->logged |= kind;
    fprintf(stderr, "openday: %s failed: %s\n", call, msg);
}

render *render_create(SDL_Renderer *ren, fontset *fonts, const char *content_dir)
{
    render *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->text = calloc(TEXT_SLOTS, sizeof *r->text);
    r->dir = strdup(content_dir ? content_dir : ".");
    if (!r->text || !r->dir) {
        free(r->text);
        free(r->dir);
        free(r);
        return NULL;
    }
    r->ren = ren;
    r->fonts = fonts;
    SDL_SetRenderDrawBlendMode(ren, SDL_BLENDMODE_BLEND);
    return r;
}

static void drop_entry(render *r, text_entry *e)
{
    if (e->tex)
        SDL_DestroyTexture(e->tex);
    r->bytes -= (size_t)e->w * (size_t)e->h * 4;
    r->entries--;
    free(e->str);
    memset(e, 0, sizeof *e);
}

/* Re-insert every live entry after a removal: open addressing with linear
 * probing needs the probe chains kept unbroken. */
static void rehash(render *r)
{
    text_entry *old = r->text;
    text_entry *nt = calloc(TEXT_SLOTS, sizeof *nt);
    if (!nt)
        return;
    for (size_t i = 0; i < TEXT_SLOTS; i++) {
        if (!old[i].live)
            continue;
        size_t j = old[i].hash & (TEXT_SLOTS - 1);
        while (nt[j].live)
            j = (j + 1) & (TEXT_SLOTS - 1);
        nt[j] = old[i];
    }
    free(old);
    r->text = nt;
}

void render_drop_textures(render *r)
{
    for (size_t i = 0; i < TEXT_SLOTS; i++)
        if (r->text[i].live)
            drop_entry(r, &r->text[i]);
    for (int i = 0; i < IMAGE_MAX; i++) {
        if (r->images[i].tex)
            SDL_DestroyTexture(r->images[i].tex);
        free(r->images[i].path);
        memset(&r->images[i], 0, sizeof r->images[i]);
    }
}

void render_set_content_dir(render *r, const char *dir)
{
    /* Images may have changed even under the same names: reload them all.
     * Text textures do not depend on the content and stay cached. */
    for (int i = 0; i < IMAGE_MAX; i++) {
        if (r->images[i].tex)
            SDL_DestroyTexture(r->images[i].tex);
        free(r->images[i].path);
        memset(&r->images[i], 0, sizeof r->images[i]);
    }
    char *d = strdup(dir ? dir : ".");
    if (d) {
        free(r->dir);
        r->dir = d;
    }
}

void render_destroy(render *r)
{
    if (!r)
        return;
    render_drop_textures(r);
    free(r->text);
    free(r->dir);
    free(r->verts);
    free(r->idx);
    free(r);
}

void render_get_stats(const render *r, render_stats *out)
{
    *out = r->st;
    out->entries = r->entries;
    out->bytes = r->bytes;
}

/* Evict least recently used entries not drawn in this frame until there is
 * room for `need` more bytes and one more entry. */
static void make_room(render *r, size_t need)
{
    bool removed = false;
    while (r->entries + 1 > TEXT_MAX_ENTRIES || r->bytes + need > TEXT_MAX_BYTES) {
        text_entry *victim = NULL;
        for (size_t i = 0; i < TEXT_SLOTS; i++) {
            text_entry *e = &r->text[i];
            if (e->live && e->used < r->frame && (!victim || e->used < victim->used))
                victim = e;
        }
        if (!victim)
            break;
        drop_entry(r, victim);
        r->st.evictions++;
        removed = true;
    }
    if (removed)
        rehash(r);
}

static uint64_t text_hash(scene_font f, int px, const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ull ^ ((uint64_t)f << 40) ^ ((uint64_t)px << 8);
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static text_entry *text_get(render *r, scene_font font, float size, const char *s, size_t len)
{
    int px = (int)lroundf(size);
    uint64_t h = text_hash(font, px, s, len);
    size_t j = h & (TEXT_SLOTS - 1);
    for (; r->text[j].live; j = (j + 1) & (TEXT_SLOTS - 1)) {
        text_entry *e = &r->text[j];
        if (e->hash == h && e->font == font && e->px == px && e->len == len &&
            !memcmp(e->str, s, len)) {
            r->st.hits++;
            e->used = r->frame;
            return e;
        }
    }
    r->st.misses++;
    TTF_Font *ttf = fontset_get(r->fonts, font, size);
    if (!ttf)
        return NULL;
    char *copy = malloc(len + 1);
    if (!copy)
        return NULL;
    memcpy(copy, s, len);
    copy[len] = '\0';
    SDL_Color white = { 255, 255, 255, 255 };
    SDL_Surface *surf = TTF_RenderUTF8_Blended(ttf, copy, white);
    if (!surf) {
        log_once(r, LOG_TEXT, "TTF_RenderUTF8_Blended", TTF_GetError());
        free(copy);
        return NULL;
    }
    r->st.rasterised++;
    SDL_Texture *tex = SDL_CreateTextureFromSurface(r->ren, surf);
    int w = surf->w, hh = surf->h;
    SDL_FreeSurface(surf);
    if (!tex) {
        log_once(r, LOG_TEXTURE, "SDL_CreateTextureFromSurface", SDL_GetError());
        free(copy);
        return NULL;
    }
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    make_room(r, (size_t)w * (size_t)hh * 4);
    j = h & (TEXT_SLOTS - 1);
    while (r->text[j].live)
        j = (j + 1) & (TEXT_SLOTS - 1);
    text_entry *e = &r->text[j];
    *e = (text_entry){ h, copy, (uint32_t)len, font, px, tex, w, hh, r->frame, true };
    r->entries++;
    r->bytes += (size_t)w * (size_t)hh * 4;
    return e;
}

static bool reserve(render *r, size_t nv, size_t ni)
{
    if (nv > r->vcap) {
        SDL_Vertex *v = realloc(r->verts, nv * sizeof *v);
        if (!v)
            return false;
        r->verts = v;
        r->vcap = nv;
    }
    if (ni > r->icap) {
        int *i = realloc(r->idx, ni * sizeof *i);
        if (!i)
            return false;
        r->idx = i;
        r->icap = ni;
    }
    return true;
}

static SDL_Color sdl_color(od_color c)
{
    SDL_Color s = { c.r, c.g, c.b, c.a };
    return s;
}

/* Outline points of a rounded rectangle (clockwise), `segs` per corner. */
static size_t rounded_points(od_rect rc, float rad, int segs, float *xy)
{
    static const float base[4] = { (float)M_PI, 1.5f * (float)M_PI, 0.0f, 0.5f * (float)M_PI };
    float cx[4] = { rc.x + rad, rc.x + rc.w - rad, rc.x + rc.w - rad, rc.x + rad };
    float cy[4] = { rc.y + rad, rc.y + rad, rc.y + rc.h - rad, rc.y + rc.h - rad };
    size_t n = 0;
    for (int k = 0; k < 4; k++)
        for (int i = 0; i <= segs; i++) {
            float a = base[k] + (float)i / (float)segs * 0.5f * (float)M_PI;
            xy[2 * n] = cx[k] + cosf(a) * rad;
            xy[2 * n + 1] = cy[k] + sinf(a) * rad;
            n++;
        }
    return n;
}

static int corner_segments(float rad)
{
    int s = (int)(rad / 2.0f);
    return s < 4 ? 4 : s > 24 ? 24 : s;
}

static void draw_geometry(render *r, size_t nv, size_t ni)
{
    if (SDL_RenderGeometry(r->ren, NULL, r->verts, (int)nv, r->idx, (int)ni) != 0)
        log_once(r, LOG_GEOMETRY, "SDL_RenderGeometry", SDL_GetError());
}

static void fill_rect(render *r, od_rect rc, od_color c, float rad)
{
    float maxr = (rc.w < rc.h ? rc.w : rc.h) / 2.0f;
    if (rad > maxr)
        rad = maxr;
    SDL_SetRenderDrawColor(r->ren, c.r, c.g, c.b, c.a);
    if (rad < 0.5f) {
        SDL_FRect f = { rc.x, rc.y, rc.w, rc.h };
        SDL_RenderFillRectF(r->ren, &f);
        return;
    }
    int segs = corner_segments(rad);
    size_t np = 4 * (size_t)(segs + 1);
    float xy[2 * 4 * 25];
    rounded_points(rc, rad, segs, xy);
    if (!reserve(r, np + 1, np * 3))
        return;
    SDL_Color col = sdl_color(c);
    r->verts[0] = (SDL_Vertex){ { rc.x + rc.w / 2, rc.y + rc.h / 2 }, col, { 0, 0 } };
    for (size_t i = 0; i < np; i++) {
        r->verts[i + 1] = (SDL_Vertex){ { xy[2 * i], xy[2 * i + 1] }, col, { 0, 0 } };
        r->idx[3 * i] = 0;
        r->idx[3 * i + 1] = (int)(i + 1);
        r->idx[3 * i + 2] = (int)((i + 1) % np + 1);
    }
    draw_geometry(r, np + 1, np * 3);
}

static void frame_rect(render *r, od_rect rc, od_color c, float rad, float th)
{
    if (th <= 0)
        th = 1;
    float maxr = (rc.w < rc.h ? rc.w : rc.h) / 2.0f;
    if (rad > maxr)
        rad = maxr;
    int segs = corner_segments(rad < 1 ? 1 : rad);
    size_t np = 4 * (size_t)(segs + 1);
    float outer[2 * 4 * 25], inner[2 * 4 * 25];
    od_rect in = { rc.x + th, rc.y + th, rc.w - 2 * th, rc.h - 2 * th };
    if (in.w <= 0 || in.h <= 0) {
        fill_rect(r, rc, c, rad);
        return;
    }
    float rin = rad - th > 0 ? rad - th : 0;
    rounded_points(rc, rad, segs, outer);
    rounded_points(in, rin, segs, inner);
    if (!reserve(r, 2 * np, 6 * np))
        return;
    SDL_Color col = sdl_color(c);
    for (size_t i = 0; i < np; i++) {
        r->verts[2 * i] = (SDL_Vertex){ { outer[2 * i], outer[2 * i + 1] }, col, { 0, 0 } };
        r->verts[2 * i + 1] = (SDL_Vertex){ { inner[2 * i], inner[2 * i + 1] }, col, { 0, 0 } };
        int a = (int)(2 * i), b = (int)(2 * i + 1);
        int c2 = (int)(2 * ((i + 1) % np)), d = c2 + 1;
        int *ix = &r->idx[6 * i];
        ix[0] = a; ix[1] = b; ix[2] = c2;
        ix[3] = b; ix[4] = d; ix[5] = c2;
    }
    draw_geometry(r, 2 * np, 6 * np);
}

static void draw_line(render *r, const scene_cmd *c)
{
    float dx = c->x1 - c->x0, dy = c->y1 - c->y0;
    float len = sqrtf(dx * dx + dy * dy);
    float th = c->thickness > 0 ? c->thickness : 1;
    if (len < 0.001f)
        return;
    float nx = -dy / len * th / 2, ny = dx / len * th / 2;
    /* Extend each end by half the width so joined segments of a curve
     * overlap instead of leaving notches. */
    float ex = dx / len * th / 2, ey = dy / len * th / 2;
    if (!reserve(r, 4, 6))
        return;
    SDL_Color col = sdl_color(c->color);
    r->verts[0] = (SDL_Vertex){ { c->x0 - ex + nx, c->y0 - ey + ny }, col, { 0, 0 } };
    r->verts[1] = (SDL_Vertex){ { c->x1 + ex + nx, c->y1 + ey + ny }, col, { 0, 0 } };
    r->verts[2] = (SDL_Vertex){ { c->x1 + ex - nx, c->y1 + ey - ny }, col, { 0, 0 } };
    r->verts[3] = (SDL_Vertex){ { c->x0 - ex - nx, c->y0 - ey - ny }, col, { 0, 0 } };
    int idx[6] = { 0, 1, 2, 0, 2, 3 };
    memcpy(r->idx, idx, sizeof idx);
    draw_geometry(r, 4, 6);
}

static void draw_text(render *r, const scene_cmd *c)
{
    if (c->len == 0 || !c->text)
        return;
    text_entry *e = text_get(r, c->font, c->size, c->text, c->len);
    if (!e)
        return;
    SDL_SetTextureColorMod(e->tex, c->color.r, c->color.g, c->color.b);
    SDL_SetTextureAlphaMod(e->tex, c->color.a);
    SDL_Rect dst = { (int)lroundf(c->rect.x), (int)lroundf(c->rect.y), e->w, e->h };
    if (SDL_RenderCopy(r->ren, e->tex, NULL, &dst) != 0)
        log_once(r, LOG_TEXTURE, "SDL_RenderCopy", SDL_GetError());
}

static image_entry *image_get(render *r, const char *path)
{
    image_entry *slot = NULL;
    for (int i = 0; i < IMAGE_MAX; i++) {
        if (r->images[i].path && !strcmp(r->images[i].path, path))
            return &r->images[i];
        if (!r->images[i].path && !slot)
            slot = &r->images[i];
    }
    if (!slot) {
        slot = &r->images[0];
        if (slot->tex)
            SDL_DestroyTexture(slot->tex);
        free(slot->path);
        memset(slot, 0, sizeof *slot);
    }
    slot->path = strdup(path);
    size_t n = strlen(r->dir) + strlen(path) + 2;
    char *full = malloc(n);
    if (!full || !slot->path) {
        free(full);
        slot->failed = true;
        return slot;
    }
    snprintf(full, n, "%s/%s", r->dir, path);
    SDL_Surface *s = IMG_Load(full);
    if (!s) {
        fprintf(stderr, "openday: IMG_Load(%s) failed: %s\n", full, IMG_GetError());
        slot->failed = true;
    } else {
        slot->tex = SDL_CreateTextureFromSurface(r->ren, s);
        slot->w = s->w;
        slot->h = s->h;
        if (!slot->tex) {
            log_once(r, LOG_IMAGE, "SDL_CreateTextureFromSurface", SDL_GetError());
            slot->failed = true;
        }
        SDL_FreeSurface(s);
    }
    free(full);
    return slot;
}

static void draw_image(render *r, const scene_cmd *c)
{
    image_entry *e = c->path ? image_get(r, c->path) : NULL;
    if (!e || e->failed || !e->tex) {
        fill_rect(r, c->rect, od_rgba(128, 128, 128, 64), c->radius);
        return;
    }
    float s = fminf(c->rect.w / (float)e->w, c->rect.h / (float)e->h);
    SDL_FRect dst = { c->rect.x + (c->rect.w - (float)e->w * s) / 2,
                      c->rect.y + (c->rect.h - (float)e->h * s) / 2, (float)e->w * s,
                      (float)e->h * s };
    SDL_RenderCopyF(r->ren, e->tex, NULL, &dst);
}

void render_scene(render *r, const scene *s, od_color clear)
{
    r->frame++;
    SDL_RenderSetClipRect(r->ren, NULL);
    SDL_SetRenderDrawColor(r->ren, clear.r, clear.g, clear.b, 255);
    SDL_RenderClear(r->ren);
    render_scene_over(r, s);
}

void render_scene_over(render *r, const scene *s)
{
    SDL_RenderSetClipRect(r->ren, NULL);
    SDL_SetRenderDrawBlendMode(r->ren, SDL_BLENDMODE_BLEND);
    int clip = -1;
    for (size_t i = 0; i < s->count; i++) {
        const scene_cmd *c = &s->cmds[i];
        if (c->kind == SCENE_HIT)
            continue;
        if (c->clip != clip) {
            clip = c->clip;
            if (clip < 0) {
                SDL_RenderSetClipRect(r->ren, NULL);
            } else {
                od_rect k = s->clips[clip];
                int x0 = (int)floorf(k.x), y0 = (int)floorf(k.y);
                int x1 = (int)ceilf(k.x + k.w), y1 = (int)ceilf(k.y + k.h);
                SDL_Rect rc = { x0, y0, x1 - x0 > 0 ? x1 - x0 : 0, y1 - y0 > 0 ? y1 - y0 : 0 };
                if (rc.w == 0 || rc.h == 0) {
                    /* SDL treats an empty clip as "no clip": skip instead. */
                    continue;
                }
                SDL_RenderSetClipRect(r->ren, &rc);
            }
        }
        if (clip >= 0 && (s->clips[clip].w <= 0 || s->clips[clip].h <= 0))
            continue;
        switch (c->kind) {
        case SCENE_RECT:
            fill_rect(r, c->rect, c->color, c->radius);
            break;
        case SCENE_FRAME:
            frame_rect(r, c->rect, c->color, c->radius, c->thickness);
            break;
        case SCENE_LINE:
            draw_line(r, c);
            break;
        case SCENE_TEXT:
            draw_text(r, c);
            break;
        case SCENE_IMAGE:
            draw_image(r, c);
            break;
        case SCENE_HIT:
        default:
            break;
        }
    }
    SDL_RenderSetClipRect(r->ren, NULL);
}

bool render_save_png(SDL_Renderer *ren, int w, int h, const char *path)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s) {
        fprintf(stderr, "openday: SDL_CreateRGBSurfaceWithFormat failed: %s\n", SDL_GetError());
        return false;
    }
    bool ok = true;
    if (SDL_RenderReadPixels(ren, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch) != 0) {
        fprintf(stderr, "openday: SDL_RenderReadPixels failed: %s\n", SDL_GetError());
        ok = false;
    } else {
        /* The picture is opaque; make sure the PNG says so. */
        SDL_SetSurfaceBlendMode(s, SDL_BLENDMODE_NONE);
        Uint32 *px = s->pixels;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                px[y * (s->pitch / 4) + x] |= 0xff000000u;
        if (IMG_SavePNG(s, path) != 0) {
            fprintf(stderr, "openday: IMG_SavePNG(%s) failed: %s\n", path, IMG_GetError());
            ok = false;
        }
    }
    SDL_FreeSurface(s);
    return ok;
}
