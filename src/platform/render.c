/* render.c - draws a scene with an SDL_Renderer. See render.h.
 *
 * Text is rasterised in its colour and cached by (font, size, string,
 * colour); opacity (cross-fades) is applied when drawing. Drawing a texture
 * without colour modulation takes the software renderer's fast alpha-blend
 * path, several times quicker than a tinted one, and a screen uses only a
 * handful of text colours.
 *
 * Rounded rectangles are bands of plain fills (opaque ones unblended) plus
 * four corners cut from a cached antialiased disc texture; very large radii
 * draw their ends as one fill per row. */
#include "render.h"
#include "file.h"
#include "hash.h"
#include "strbuf.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEXT_SLOTS 2048          /* open-addressed table, power of two */
#define TEXT_MAX_ENTRIES 1024
#define TEXT_MAX_BYTES (48u << 20)
#define IMAGE_MAX 32
#define IMAGE_MAX_BYTES (32u << 20) /* a degree photo; far above any real one */
#define DISC_MAX 64              /* cached corner textures */
#define DISC_EXACT 128           /* radii up to this are drawn from exact textures */
#define PIXELS_MAPPED (16u << 10) /* blocks from this size up get pages of their own */

typedef struct {
    uint64_t hash;
    char *str;
    uint32_t len;
    scene_font font;
    int px;
    uint32_t rgb;                /* the colour it was rasterised in */
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

/* What a drawing command looks like (a hash of everything that affects its
 * pixels) and where it draws, to find what changed since the last frame. */
typedef struct {
    uint64_t sig;
    SDL_Rect box;
} cmd_sig;

/* A white disc (th == 0) or ring of radius r, antialiased, whose quadrants
 * are the corners of rounded rectangles and frames. */
typedef struct {
    int r, th;
    SDL_Texture *tex;
    uint64_t used;
} disc_entry;

struct render {
    SDL_Renderer *ren;
    fontset *fonts;
    text_entry *text;            /* TEXT_SLOTS */
    text_entry spill;            /* a text drawn uncached (see text_get) */
    size_t entries, bytes;
    uint64_t frame;
    image_entry images[IMAGE_MAX];
    const content *content;  /* whose snapshot images come from; NULL: files */
    render_stats st;
    unsigned logged;             /* bit per kind of failure already logged */
    SDL_Vertex *verts;
    int *idx;
    size_t vcap, icap;
    disc_entry discs[DISC_MAX];
    SDL_Rect *rects;
    size_t rcap;
    /* damage tracking (render_frame) */
    bool retained;               /* the target keeps its pixels between frames */
    bool have_prev;
    cmd_sig *prev, *cur;
    size_t prev_n, sig_cap;
    int prev_w, prev_h;
};

enum { LOG_GEOMETRY = 1, LOG_TEXT = 2, LOG_TEXTURE = 4, LOG_IMAGE = 8 };

static void log_once(render *r, unsigned kind, const char *call, const char *msg)
{
    if (r->logged & kind)
        return;
    r->logged |= kind;
    fprintf(stderr, "openday: %s failed: %s\n", call, msg);
}

/* Where text pixels live. With the software renderer a text's texture (and
 * the surface it is rasterised into) is a malloc block of w * h * 4 bytes.
 * Once the text cache is full, every new text evicts the least recently
 * used ones, of other sizes, from the middle of the heap: glibc keeps what
 * they freed and reuses it only in part, so the heap settles megabytes above
 * what it holds. A visitor who turns on larger text or high contrast brings
 * a second set of sizes and colours, and fills the cache within a day (a
 * soak of four simulated days with the panel in use: the resident set grew
 * 5.4 MiB after the cache filled while the bytes in use stayed level).
 * glibc serves a block from its own mapping above a threshold, which by
 * default starts at 128 KiB and rises to the largest block freed so far, so
 * that text pixels end up in the heap; fixed at 16 KiB (one line of a small
 * label and up), a text's pixels are mapped when created and returned to
 * the system when evicted, and the heap keeps only small blocks. The cost is
 * an mmap and a munmap per rasterised text, which is rare once cached. Other
 * C libraries: nothing to set. */
static void pixels_out_of_heap(void)
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, (int)PIXELS_MAPPED);
#endif
}

render *render_create(SDL_Renderer *ren, fontset *fonts)
{
    pixels_out_of_heap();
    render *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->text = calloc(TEXT_SLOTS, sizeof *r->text);
    if (!r->text) {
        free(r);
        return NULL;
    }
    r->ren = ren;
    r->fonts = fonts;
    SDL_SetRenderDrawBlendMode(ren, SDL_BLENDMODE_BLEND);
    return r;
}

/* What the pixels of a w x h text take: a block of PIXELS_MAPPED and up is
 * a mapping of its own (see above), whole pages with its header; a smaller
 * one a heap chunk, rounded to 16 bytes. The cache counts this, not w * h *
 * 4, so that its bound is the memory it really holds: many small textures
 * of odd sizes waste up to a page each, which the bound did not see. */
static size_t tex_bytes(int w, int h)
{
    size_t n = (size_t)w * (size_t)h * 4;
    if (n >= PIXELS_MAPPED)
        return (n + 16 + 4095) & ~(size_t)4095;
    return (n + 15) & ~(size_t)15;
}

static void drop_entry(render *r, text_entry *e)
{
    if (e->tex)
        SDL_DestroyTexture(e->tex);
    r->bytes -= tex_bytes(e->w, e->h);
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

static void drop_discs(render *r)
{
    for (int i = 0; i < DISC_MAX; i++) {
        if (r->discs[i].tex)
            SDL_DestroyTexture(r->discs[i].tex);
        memset(&r->discs[i], 0, sizeof r->discs[i]);
    }
}

void render_invalidate(render *r)
{
    r->have_prev = false;
}

void render_set_retained(render *r, bool on)
{
    r->retained = on;
    r->have_prev = false;
}

/* Every image cached, texture and name: the next draw loads it again. */
static void drop_images(render *r)
{
    for (int i = 0; i < IMAGE_MAX; i++) {
        if (r->images[i].tex)
            SDL_DestroyTexture(r->images[i].tex);
        free(r->images[i].path);
        memset(&r->images[i], 0, sizeof r->images[i]);
    }
}

void render_drop_textures(render *r)
{
    r->have_prev = false;
    drop_discs(r);
    for (size_t i = 0; i < TEXT_SLOTS; i++)
        if (r->text[i].live)
            drop_entry(r, &r->text[i]);
    if (r->spill.tex)
        SDL_DestroyTexture(r->spill.tex);
    free(r->spill.str);
    memset(&r->spill, 0, sizeof r->spill);
    drop_images(r);
}

void render_use_content(render *r, const content *c)
{
    r->content = c;
    drop_images(r);
    r->have_prev = false;
}

void render_forget_images(render *r)
{
    /* Images may have changed even under the same names: reload them all.
     * Text textures do not depend on the content and stay cached. */
    drop_images(r);
    r->have_prev = false;
}

void render_destroy(render *r)
{
    if (!r)
        return;
    render_drop_textures(r);
    free(r->text);
    free(r->verts);
    free(r->idx);
    free(r->rects);
    free(r->prev);
    free(r->cur);
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
static bool make_room(render *r, size_t need)
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
    return r->entries + 1 <= TEXT_MAX_ENTRIES && r->bytes + need <= TEXT_MAX_BYTES;
}

static uint64_t text_hash(scene_font f, int px, uint32_t rgb, const char *s, size_t len)
{
    return od_hash(OD_HASH_SEED ^ ((uint64_t)f << 40) ^ ((uint64_t)px << 8) ^
                       ((uint64_t)rgb << 44) ^ rgb,
                   s, len);
}

static text_entry *text_get(render *r, scene_font font, float size, od_color col,
                            const char *s, size_t len)
{
    int px = (int)lroundf(size);
    uint32_t rgb = (uint32_t)col.r << 16 | (uint32_t)col.g << 8 | col.b;
    uint64_t h = text_hash(font, px, rgb, s, len);
    size_t j = h & (TEXT_SLOTS - 1);
    /* At most TEXT_MAX_ENTRIES (half the slots) are live, so a probe ends
     * at a free slot; the count bounds it whatever happens. */
    for (size_t probes = 0; r->text[j].live && probes < TEXT_SLOTS;
         j = (j + 1) & (TEXT_SLOTS - 1), probes++) {
        text_entry *e = &r->text[j];
        if (e->hash == h && e->font == font && e->px == px && e->rgb == rgb && e->len == len &&
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
    SDL_Color ink = { col.r, col.g, col.b, 255 };
    /* Through the fontset, which sets each character in a face that has it,
     * exactly as it measured the line. */
    SDL_Surface *surf = fontset_render(r->fonts, font, size, copy, len, ink);
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
    if (!make_room(r, tex_bytes(w, hh))) {
        /* Every entry was drawn in this frame (a screen with more distinct
         * texts than the cache holds): evicting one would only rasterise it
         * again later in the frame, and growing would be unbounded. This
         * text is drawn once from a texture kept until the next one like
         * it; the caller draws it before asking for another. */
        if (r->spill.tex)
            SDL_DestroyTexture(r->spill.tex);
        free(r->spill.str);
        r->spill = (text_entry){ h, copy, (uint32_t)len, font, px, rgb, tex, w, hh, r->frame,
                                 false };
        r->st.uncached++;
        return &r->spill;
    }
    j = h & (TEXT_SLOTS - 1);
    while (r->text[j].live)
        j = (j + 1) & (TEXT_SLOTS - 1);
    text_entry *e = &r->text[j];
    *e = (text_entry){ h, copy, (uint32_t)len, font, px, rgb, tex, w, hh, r->frame, true };
    r->entries++;
    r->bytes += tex_bytes(w, hh);
    return e;
}

/* Room for n (> 0) elements of `size` bytes in buf, an array of *cap: buf
 * itself when it is large enough, else buf grown to n and *cap set to n;
 * NULL when memory runs out, with buf and *cap as they were. */
static void *room_for(void *buf, size_t *cap, size_t n, size_t size)
{
    assert(n > 0);
    if (n <= *cap)
        return buf;
    void *p = realloc(buf, n * size);
    if (p)
        *cap = n;
    return p;
}

static bool reserve(render *r, size_t nv, size_t ni)
{
    SDL_Vertex *v = room_for(r->verts, &r->vcap, nv, sizeof *v);
    if (!v)
        return false;
    r->verts = v;
    int *i = room_for(r->idx, &r->icap, ni, sizeof *i);
    if (!i)
        return false;
    r->idx = i;
    return true;
}

/* The size of the current render target (a texture when rotating). */
static void target_size(SDL_Renderer *ren, int *w, int *h)
{
    SDL_Texture *t = SDL_GetRenderTarget(ren);
    if (t)
        SDL_QueryTexture(t, NULL, NULL, w, h);
    else
        SDL_GetRendererOutputSize(ren, w, h);
}

static bool reserve_rects(render *r, size_t n)
{
    SDL_Rect *p = room_for(r->rects, &r->rcap, n, sizeof *p);
    if (p)
        r->rects = p;
    return p != NULL;
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

/* The disc or ring texture of radius rad and thickness th (0: filled). */
static disc_entry *disc_get(render *r, int rad, int th)
{
    disc_entry *free_slot = NULL, *oldest = NULL;
    for (int i = 0; i < DISC_MAX; i++) {
        disc_entry *d = &r->discs[i];
        if (d->tex && d->r == rad && d->th == th) {
            d->used = r->frame;
            return d;
        }
        if (!d->tex && !free_slot)
            free_slot = d;
        if (d->tex && (!oldest || d->used < oldest->used))
            oldest = d;
    }
    disc_entry *d = free_slot ? free_slot : oldest;
    if (d->tex)
        SDL_DestroyTexture(d->tex);
    memset(d, 0, sizeof *d);
    int size = 2 * rad;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, size, size, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s) {
        log_once(r, LOG_GEOMETRY, "SDL_CreateRGBSurfaceWithFormat", SDL_GetError());
        return NULL;
    }
    /* Coverage by 4x4 supersampling of the distance to the centre. */
    float R = (float)rad, inner = th > 0 ? R - (float)th : -1.0f;
    for (int y = 0; y < size; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        for (int x = 0; x < size; x++) {
            int hits = 0;
            for (int sy = 0; sy < 4; sy++)
                for (int sx = 0; sx < 4; sx++) {
                    float px = (float)x + ((float)sx + 0.5f) / 4.0f - R;
                    float py = (float)y + ((float)sy + 0.5f) / 4.0f - R;
                    float d2 = px * px + py * py;
                    hits += d2 <= R * R && (inner < 0 || d2 >= inner * inner);
                }
            Uint32 a = (Uint32)(hits * 255 / 16);
            row[x] = (a << 24) | 0xFFFFFFu;
        }
    }
    d->tex = SDL_CreateTextureFromSurface(r->ren, s);
    SDL_FreeSurface(s);
    if (!d->tex) {
        log_once(r, LOG_TEXTURE, "SDL_CreateTextureFromSurface", SDL_GetError());
        return NULL;
    }
    SDL_SetTextureBlendMode(d->tex, SDL_BLENDMODE_BLEND);
    d->r = rad;
    d->th = th;
    d->used = r->frame;
    return d;
}

/* Draw the four corners of a rounded box (X0,Y0)-(X1,Y1) with radius R from
 * the quadrants of an antialiased disc or ring texture. */
static bool corners(render *r, int X0, int Y0, int X1, int Y1, int R, int th, od_color c)
{
    disc_entry *d = disc_get(r, R, th);
    if (!d)
        return false;
    SDL_SetTextureColorMod(d->tex, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(d->tex, c.a);
    const SDL_Rect src[4] = { { 0, 0, R, R }, { R, 0, R, R }, { 0, R, R, R }, { R, R, R, R } };
    const SDL_Rect dst[4] = { { X0, Y0, R, R }, { X1 - R, Y0, R, R },
                              { X0, Y1 - R, R, R }, { X1 - R, Y1 - R, R, R } };
    for (int i = 0; i < 4; i++)
        SDL_RenderCopy(r->ren, d->tex, &src[i], &dst[i]);
    return true;
}

/* Big radii (the attract loop's soft circles): the rounded ends as one fill
 * per pixel row, in a single call. No texture, so no memory for it and no
 * scaling; the edge is not antialiased, which at that size does not show. */
static void big_ends(render *r, int X0, int Y0, int X1, int Y1, int R)
{
    size_t n = 2 * (size_t)R;
    if (!reserve_rects(r, n))
        return;
    float rr = (float)R;
    size_t k = 0;
    for (int i = 0; i < R; i++) {
        float dy = rr - ((float)i + 0.5f);
        int dx = (int)lroundf(rr - sqrtf(rr * rr - dy * dy));
        int w = (X1 - X0) - 2 * dx;
        if (w <= 0)
            continue;
        r->rects[k++] = (SDL_Rect){ X0 + dx, Y0 + i, w, 1 };
        r->rects[k++] = (SDL_Rect){ X0 + dx, Y1 - 1 - i, w, 1 };
    }
    SDL_RenderFillRects(r->ren, r->rects, (int)k);
}

/* Solid fills skip blending: in the software renderer an opaque fill is a
 * plain store, a blended one a read-modify-write of every pixel. */
static void fill_px(render *r, int x, int y, int w, int h)
{
    if (w <= 0 || h <= 0)
        return;
    SDL_Rect rc = { x, y, w, h };
    SDL_RenderFillRect(r->ren, &rc);
}

static void set_fill(render *r, od_color c)
{
    SDL_SetRenderDrawColor(r->ren, c.r, c.g, c.b, c.a);
    SDL_SetRenderDrawBlendMode(r->ren, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
}

/* A corner radius in whole pixels for a box of w x h pixels: at most half
 * of either side, so that opposite corners never overlap. */
static int radius_px(float rad, int w, int h)
{
    int R = (int)lroundf(rad);
    if (R > w / 2)
        R = w / 2;
    if (R > h / 2)
        R = h / 2;
    return R;
}

static void fill_rect(render *r, od_rect rc, od_color c, float rad)
{
    if (c.a == 0)
        return;
    int X0 = (int)lroundf(rc.x), Y0 = (int)lroundf(rc.y);
    int X1 = (int)lroundf(rc.x + rc.w), Y1 = (int)lroundf(rc.y + rc.h);
    int W = X1 - X0, H = Y1 - Y0;
    if (W <= 0 || H <= 0)
        return;
    int R = radius_px(rad, W, H);
    set_fill(r, c);
    if (R < 1) {
        fill_px(r, X0, Y0, W, H);
        return;
    }
    /* Bands that do not overlap (translucent colours stay even), and the
     * corners. */
    fill_px(r, X0, Y0 + R, W, H - 2 * R);
    if (R > DISC_EXACT) {
        big_ends(r, X0, Y0, X1, Y1, R);
        return;
    }
    fill_px(r, X0 + R, Y0, W - 2 * R, R);
    fill_px(r, X0 + R, Y1 - R, W - 2 * R, R);
    corners(r, X0, Y0, X1, Y1, R, 0, c);
}

static void frame_geometry(render *r, od_rect rc, od_color c, float rad, float th)
{
    int segs = corner_segments(rad < 1 ? 1 : rad);
    size_t np = 4 * (size_t)(segs + 1);
    float outer[2 * 4 * 25], inner[2 * 4 * 25];
    od_rect in = { rc.x + th, rc.y + th, rc.w - 2 * th, rc.h - 2 * th };
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
    SDL_SetRenderDrawBlendMode(r->ren, SDL_BLENDMODE_BLEND);
    draw_geometry(r, 2 * np, 6 * np);
}

static void frame_rect(render *r, od_rect rc, od_color c, float rad, float th)
{
    if (c.a == 0)
        return;
    if (th <= 0)
        th = 1;
    int X0 = (int)lroundf(rc.x), Y0 = (int)lroundf(rc.y);
    int X1 = (int)lroundf(rc.x + rc.w), Y1 = (int)lroundf(rc.y + rc.h);
    int W = X1 - X0, H = Y1 - Y0, T = (int)lroundf(th);
    if (T < 1)
        T = 1;
    if (W <= 2 * T || H <= 2 * T) {
        fill_rect(r, rc, c, rad);
        return;
    }
    int R = radius_px(rad, W, H);
    if (R > DISC_EXACT) {
        /* A scaled ring would scale its thickness too. */
        frame_geometry(r, rc, c, rad, th);
        return;
    }
    set_fill(r, c);
    if (R < T) {
        /* Square-ish corners: four bands. */
        fill_px(r, X0, Y0, W, T);
        fill_px(r, X0, Y1 - T, W, T);
        fill_px(r, X0, Y0 + T, T, H - 2 * T);
        fill_px(r, X1 - T, Y0 + T, T, H - 2 * T);
        return;
    }
    fill_px(r, X0 + R, Y0, W - 2 * R, T);
    fill_px(r, X0 + R, Y1 - T, W - 2 * R, T);
    fill_px(r, X0, Y0 + R, T, H - 2 * R);
    fill_px(r, X1 - T, Y0 + R, T, H - 2 * R);
    corners(r, X0, Y0, X1, Y1, R, T, c);
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
    SDL_SetRenderDrawBlendMode(r->ren, SDL_BLENDMODE_BLEND);
    draw_geometry(r, 4, 6);
}

static void draw_text(render *r, const scene_cmd *c)
{
    if (c->len == 0 || !c->text || c->color.a == 0)
        return;
    text_entry *e = text_get(r, c->font, c->size, c->color, c->text, c->len);
    if (!e)
        return;
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
    if (!slot->path) {
        slot->failed = true;
        return slot;
    }
    const char *full = path;
    char *bytes = NULL;
    const char *data = NULL;
    size_t len = 0;
    int e = 0;
    if (r->content) {
        /* The content's own image: the bytes its load read and validated
         * with (content.assets), never the folder, where a later save (even
         * a refused one) may have replaced the file. */
        size_t nd = strlen(r->content->dir);
        const content_blob *b = !strncmp(path, r->content->dir, nd) && path[nd] == '/'
                                    ? content_asset_of(r->content, path + nd + 1)
                                    : NULL;
        if (b) {
            data = b->bytes;
            len = b->len;
        } else {
            e = ENOENT;
        }
    } else {
        /* Through file_read, not IMG_Load(path): the image may have been
         * replaced by a pipe, and drawing must never wait on one. */
        e = file_read(full, IMAGE_MAX_BYTES, &bytes, &len);
        data = bytes;
    }
    SDL_RWops *rw = e || len > INT_MAX ? NULL : SDL_RWFromConstMem(data, (int)len);
    SDL_Surface *s = rw ? IMG_Load_RW(rw, 1) : NULL;
    free(bytes);
    if (!s) {
        fprintf(stderr, "openday: image %s: %s\n", full,
                e == ENOENT && r->content ? "not among the files the content was loaded with"
                : e                       ? file_error_text(e)
                                          : IMG_GetError());
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

static bool rect_meet(SDL_Rect a, SDL_Rect b, SDL_Rect *out)
{
    int x0 = a.x > b.x ? a.x : b.x, y0 = a.y > b.y ? a.y : b.y;
    int x1 = a.x + a.w < b.x + b.w ? a.x + a.w : b.x + b.w;
    int y1 = a.y + a.h < b.y + b.h ? a.y + a.h : b.y + b.h;
    if (x1 <= x0 || y1 <= y0)
        return false;
    *out = (SDL_Rect){ x0, y0, x1 - x0, y1 - y0 };
    return true;
}

static SDL_Rect clip_px(const scene *s, int clip)
{
    od_rect k = s->clips[clip];
    int x0 = (int)floorf(k.x), y0 = (int)floorf(k.y);
    int x1 = (int)ceilf(k.x + k.w), y1 = (int)ceilf(k.y + k.h);
    return (SDL_Rect){ x0, y0, x1 - x0 > 0 ? x1 - x0 : 0, y1 - y0 > 0 ? y1 - y0 : 0 };
}

/* Draw every command of s; with damage, only those touching it, clipped to it. */
static void draw_cmds(render *r, const scene *s, const cmd_sig *sigs, const SDL_Rect *damage)
{
    SDL_RenderSetClipRect(r->ren, damage);
    int clip = -1;
    bool clip_empty = false;
    for (size_t i = 0; i < s->count; i++) {
        const scene_cmd *c = &s->cmds[i];
        if (c->kind == SCENE_HIT)
            continue;
        if (damage && sigs) {
            SDL_Rect dummy;
            if (!rect_meet(sigs[i].box, *damage, &dummy))
                continue;
        }
        if (c->clip != clip) {
            clip = c->clip;
            clip_empty = false;
            if (clip < 0) {
                SDL_RenderSetClipRect(r->ren, damage);
            } else {
                SDL_Rect rc = clip_px(s, clip), both = rc;
                /* SDL treats an empty clip as "no clip": skip instead. */
                if (rc.w == 0 || rc.h == 0 || (damage && !rect_meet(rc, *damage, &both)))
                    clip_empty = true;
                else
                    SDL_RenderSetClipRect(r->ren, &both);
            }
        }
        if (clip_empty)
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

/* Layout starts every frame with an opaque background covering the target:
 * then clearing first would only write every pixel twice. */
static bool covers(const scene *s, int w, int h)
{
    const scene_cmd *c0 = s->count ? &s->cmds[0] : NULL;
    return c0 && c0->kind == SCENE_RECT && c0->clip < 0 && c0->color.a == 255 &&
           c0->radius < 0.5f && c0->rect.x <= 0 && c0->rect.y <= 0 &&
           c0->rect.x + c0->rect.w >= (float)w && c0->rect.y + c0->rect.h >= (float)h;
}

void render_scene(render *r, const scene *s, od_color clear)
{
    r->frame++;
    r->have_prev = false;
    SDL_RenderSetClipRect(r->ren, NULL);
    int w = 0, h = 0;
    target_size(r->ren, &w, &h);
    if (!covers(s, w, h)) {
        SDL_SetRenderDrawColor(r->ren, clear.r, clear.g, clear.b, 255);
        SDL_RenderClear(r->ren);
    }
    draw_cmds(r, s, NULL, NULL);
}

void render_scene_over(render *r, const scene *s)
{
    r->have_prev = false;
    draw_cmds(r, s, NULL, NULL);
}

static void sign(const scene *s, const scene_cmd *c, cmd_sig *out)
{
    uint64_t h = OD_HASH_SEED;
    h = od_hash(h, &c->kind, sizeof c->kind);
    h = od_hash(h, &c->rect, sizeof c->rect);
    h = od_hash(h, &c->color, sizeof c->color);
    h = od_hash(h, &c->radius, sizeof c->radius);
    h = od_hash(h, &c->thickness, sizeof c->thickness);
    float ends[4] = { c->x0, c->y0, c->x1, c->y1 };
    h = od_hash(h, ends, sizeof ends);
    h = od_hash(h, &c->font, sizeof c->font);
    h = od_hash(h, &c->size, sizeof c->size);
    if (c->kind == SCENE_TEXT && c->text)
        h = od_hash(h, c->text, c->len);
    if (c->kind == SCENE_IMAGE && c->path)
        h = od_hash(h, c->path, strlen(c->path));
    SDL_Rect box;
    if (c->kind == SCENE_LINE) {
        float t = c->thickness + 2;
        float x0 = fminf(c->x0, c->x1) - t, x1 = fmaxf(c->x0, c->x1) + t;
        float y0 = fminf(c->y0, c->y1) - t, y1 = fmaxf(c->y0, c->y1) + t;
        box = (SDL_Rect){ (int)floorf(x0), (int)floorf(y0), (int)ceilf(x1 - x0) + 1,
                          (int)ceilf(y1 - y0) + 1 };
    } else {
        /* Text may overhang its measured box by a pixel or two (italic
         * overhang, rounding of its position): pad generously. */
        int pad = c->kind == SCENE_TEXT ? 4 : 2;
        box = (SDL_Rect){ (int)floorf(c->rect.x) - pad, (int)floorf(c->rect.y) - pad,
                          (int)ceilf(c->rect.w) + 2 * pad + 1, (int)ceilf(c->rect.h) + 2 * pad + 1 };
    }
    if (c->clip >= 0) {
        SDL_Rect k = clip_px(s, c->clip), both;
        h = od_hash(h, &k, sizeof k);
        if (!rect_meet(box, k, &both))
            both = (SDL_Rect){ 0, 0, 0, 0 };
        box = both;
    }
    out->sig = h;
    out->box = box;
}

static SDL_Rect rect_union(SDL_Rect a, SDL_Rect b)
{
    if (a.w <= 0 || a.h <= 0)
        return b;
    if (b.w <= 0 || b.h <= 0)
        return a;
    int x0 = a.x < b.x ? a.x : b.x, y0 = a.y < b.y ? a.y : b.y;
    int x1 = a.x + a.w > b.x + b.w ? a.x + a.w : b.x + b.w;
    int y1 = a.y + a.h > b.y + b.h ? a.y + a.h : b.y + b.h;
    return (SDL_Rect){ x0, y0, x1 - x0, y1 - y0 };
}

#define DAMAGE_MAX 4

/* Merge the two rectangles whose union grows the covered area least; the
 * rectangles may overlap afterwards, which only redraws some pixels twice. */
static int merge_closest(SDL_Rect *d, int n)
{
    int bi = 0, bj = 1;
    int64_t best = INT64_MAX;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) {
            SDL_Rect u = rect_union(d[i], d[j]);
            int64_t grow = (int64_t)u.w * u.h - (int64_t)d[i].w * d[i].h -
                           (int64_t)d[j].w * d[j].h;
            if (grow < best) {
                best = grow;
                bi = i;
                bj = j;
            }
        }
    d[bi] = rect_union(d[bi], d[bj]);
    d[bj] = d[n - 1];
    return n - 1;
}

void render_frame(render *r, const scene *s, const scene *over, od_color clear)
{
    r->frame++;
    int w = 0, h = 0;
    target_size(r->ren, &w, &h);
    size_t n = s->count + (over ? over->count : 0);
    if (n > r->sig_cap) {
        size_t cap = n + n / 2 + 64;
        cmd_sig *a = realloc(r->prev, cap * sizeof *a), *b;
        if (a)
            r->prev = a;
        b = a ? realloc(r->cur, cap * sizeof *b) : NULL;
        if (!a || !b) {
            /* No memory for tracking: draw everything, every time. */
            r->have_prev = false;
            render_scene(r, s, clear);
            if (over)
                draw_cmds(r, over, NULL, NULL);
            return;
        }
        r->cur = b;
        r->sig_cap = cap;
    }
    for (size_t i = 0; i < s->count; i++)
        sign(s, &s->cmds[i], &r->cur[i]);
    for (size_t i = 0; over && i < over->count; i++)
        sign(over, &over->cmds[i], &r->cur[s->count + i]);

    bool full = !r->retained || !r->have_prev || n != r->prev_n || w != r->prev_w ||
                h != r->prev_h;
    /* Damage: up to DAMAGE_MAX rectangles; a new box joins the rectangle it
     * overlaps, and when there are too many the pair whose union adds the
     * least area merges. */
    SDL_Rect dmg[DAMAGE_MAX + 1];
    int nd = 0;
    SDL_Rect screen = { 0, 0, w, h };
    for (size_t i = 0; !full && i < n; i++) {
        if (r->cur[i].sig == r->prev[i].sig)
            continue;
        const SDL_Rect both[2] = { r->prev[i].box, r->cur[i].box };
        for (int k = 0; k < 2; k++) {
            SDL_Rect b;
            if (!rect_meet(both[k], screen, &b))
                continue;
            int j = 0;
            SDL_Rect tmp;
            while (j < nd && !rect_meet(dmg[j], b, &tmp))
                j++;
            if (j < nd) {
                dmg[j] = rect_union(dmg[j], b);
            } else {
                dmg[nd++] = b;
                if (nd > DAMAGE_MAX)
                    nd = merge_closest(dmg, nd);
            }
        }
    }
    int64_t area = 0;
    for (int j = 0; j < nd; j++)
        area += (int64_t)dmg[j].w * dmg[j].h;
    if (!full && nd == 0) {
        r->st.skipped++;              /* nothing changed: the pixels are right */
        goto done;
    }
    if (!full)
        full = area > (int64_t)w * h * 6 / 10;
    if (full) {
        SDL_RenderSetClipRect(r->ren, NULL);
        if (!covers(s, w, h)) {
            SDL_SetRenderDrawColor(r->ren, clear.r, clear.g, clear.b, 255);
            SDL_RenderClear(r->ren);
        }
        draw_cmds(r, s, NULL, NULL);
        if (over)
            draw_cmds(r, over, NULL, NULL);
        r->st.full++;
    } else {
        for (int j = 0; j < nd; j++) {
            if (!covers(s, w, h)) {
                SDL_RenderSetClipRect(r->ren, &dmg[j]);
                SDL_SetRenderDrawColor(r->ren, clear.r, clear.g, clear.b, 255);
                SDL_SetRenderDrawBlendMode(r->ren, SDL_BLENDMODE_NONE);
                SDL_RenderFillRect(r->ren, &dmg[j]);
            }
            draw_cmds(r, s, r->cur, &dmg[j]);
            if (over)
                draw_cmds(r, over, r->cur + s->count, &dmg[j]);
        }
        r->st.partial++;
        r->st.damaged_px += (uint64_t)area;
    }
done:;
    cmd_sig *t = r->prev;
    r->prev = r->cur;
    r->cur = t;
    r->prev_n = n;
    r->prev_w = w;
    r->prev_h = h;
    r->have_prev = true;
}

/* libpng reports errors through a longjmp; keep the message for the log. */
static void png_fail(png_structp png, png_const_charp msg)
{
    char *out = png_get_error_ptr(png);
    snprintf(out, 256, "%s", msg);
    png_longjmp(png, 1);
}

/* The PNG as it is made, in memory: the file is written in one step once
 * the picture is whole (file_write_atomic), never opened in place. */
static void png_mem_write(png_structp png, png_bytep data, png_size_t n)
{
    strbuf_add(png_get_io_ptr(png), (const char *)data, n);
}

static void png_mem_flush(png_structp png)
{
    (void)png;
}

/* Written with libpng at its fastest setting (zlib level 1, no row filter):
 * a screenshot is taken on the critical path of a cold start, and a few
 * percent of file size matter less than tens of milliseconds. The picture is
 * read back in bands of 64 rows, so a screenshot needs no second full-size
 * copy of the frame. The file goes through file_write_atomic: whatever sits
 * at the path (a symlink, a named pipe, an old screenshot being read) is
 * replaced, never followed, blocked on or seen half written. */
bool render_save_png(SDL_Renderer *ren, int w, int h, const char *path)
{
    enum { BAND = 64 };
    char msg[256] = "";
    strbuf mem = { 0 };
    Uint32 *band = malloc((size_t)w * BAND * 4);
    png_bytep row = malloc((size_t)w * 3);
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, msg, png_fail, NULL);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    volatile bool ok = band && row && png && info;
    if (ok && setjmp(png_jmpbuf(png))) {
        fprintf(stderr, "openday: writing \"%s\" failed: %s\n", path, msg);
        ok = false;
    } else if (ok) {
        png_set_write_fn(png, &mem, png_mem_write, png_mem_flush);
        png_set_compression_level(png, 1);
        png_set_filter(png, 0, PNG_FILTER_NONE);
        png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGB,
                     PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
        png_write_info(png, info);
        for (int y0 = 0; y0 < h && ok; y0 += BAND) {
            int n = h - y0 < BAND ? h - y0 : BAND;
            SDL_Rect rc = { 0, y0, w, n };
            if (SDL_RenderReadPixels(ren, &rc, SDL_PIXELFORMAT_ARGB8888, band, w * 4) != 0) {
                fprintf(stderr, "openday: SDL_RenderReadPixels failed: %s\n", SDL_GetError());
                ok = false;
                break;
            }
            for (int y = 0; y < n; y++) {
                const Uint32 *src = band + (size_t)y * (size_t)w;
                for (int x = 0; x < w; x++) {
                    row[3 * x] = (png_byte)(src[x] >> 16);
                    row[3 * x + 1] = (png_byte)(src[x] >> 8);
                    row[3 * x + 2] = (png_byte)src[x];
                }
                png_write_row(png, row);
            }
        }
        if (ok)
            png_write_end(png, NULL);
    } else {
        fprintf(stderr, "openday: out of memory writing \"%s\"\n", path);
    }
    png_destroy_write_struct(png ? &png : NULL, info ? &info : NULL);
    free(band);
    free(row);
    size_t len = mem.len;
    char *bytes = strbuf_take(&mem);
    if (ok && !bytes) {
        fprintf(stderr, "openday: out of memory writing \"%s\"\n", path);
        ok = false;
    }
    if (ok) {
        int e = file_write_atomic(path, bytes, len);
        if (e) {
            fprintf(stderr, "openday: cannot write \"%s\": %s\n", path, strerror(e));
            ok = false;
        }
    }
    free(bytes);
    return ok;
}
