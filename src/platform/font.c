/* font.c - fontconfig look-up and measured text. See font.h. */
#include "font.h"
#include "file.h"
#include "hash.h"

#include <SDL_ttf.h>
#include <fontconfig/fontconfig.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FACE_CACHE 24
#define WIDTH_CACHE 4096

typedef struct {
    TTF_Font *font;
    scene_font role;
    int px;
    uint64_t used;
} face;

typedef struct {
    uint64_t hash;
    float width;
    bool used;
} width_entry;

struct fontset {
    char *path[FONT_COUNT];
    face faces[FACE_CACHE];
    uint64_t clock;
    width_entry widths[WIDTH_CACHE];
    char *scratch;
    size_t scratch_cap;
};

/* Ask fontconfig for family at weight; returns a heap path or NULL. Sets
 * *exact when the match really is of the requested family. */
static char *match(const char *family, int weight, bool *exact)
{
    FcPattern *p = FcPatternCreate();
    if (!p)
        return NULL;
    FcPatternAddString(p, FC_FAMILY, (const FcChar8 *)family);
    FcPatternAddInteger(p, FC_WEIGHT, weight);
    FcPatternAddBool(p, FC_SCALABLE, FcTrue);
    FcConfigSubstitute(NULL, p, FcMatchPattern);
    FcDefaultSubstitute(p);
    FcResult res;
    FcPattern *m = FcFontMatch(NULL, p, &res);
    char *out = NULL;
    if (m) {
        FcChar8 *file = NULL, *fam = NULL;
        if (FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch)
            out = strdup((const char *)file);
        *exact = FcPatternGetString(m, FC_FAMILY, 0, &fam) == FcResultMatch &&
                 !strcasecmp((const char *)fam, family);
        FcPatternDestroy(m);
    }
    FcPatternDestroy(p);
    return out;
}

static bool opens(const char *path)
{
    if (!file_is_regular(path))
        return false;
    TTF_Font *f = TTF_OpenFont(path, 16);
    if (!f)
        return false;
    TTF_CloseFont(f);
    return true;
}

fontset *fontset_create(const char *family)
{
    return fontset_create_files(family, NULL, NULL);
}

fontset *fontset_create_files(const char *family, const char *regular, const char *bold)
{
    fontset *f = calloc(1, sizeof *f);
    if (!f || !FcInit()) {
        free(f);
        return NULL;
    }
    const char *files[FONT_COUNT] = { regular, bold };
    for (int role = 0; role < FONT_COUNT; role++) {
        if (!files[role] || !*files[role])
            continue;
        if (opens(files[role])) {
            f->path[role] = strdup(files[role]);
        } else {
            fprintf(stderr, "openday: font file \"%s\" cannot be used (%s); looking up \"%s\" "
                            "instead\n", files[role], TTF_GetError(), family ? family : "");
        }
    }
    const char *candidates[] = { family, "Inter", "DejaVu Sans", "sans-serif" };
    const int weights[FONT_COUNT] = { FC_WEIGHT_REGULAR, FC_WEIGHT_BOLD };
    for (int role = 0; role < FONT_COUNT; role++) {
        for (size_t k = 0; k < sizeof candidates / sizeof *candidates && !f->path[role]; k++) {
            if (!candidates[k] || !*candidates[k])
                continue;
            bool exact = false;
            char *path = match(candidates[k], weights[role], &exact);
            /* A generic family name ("sans-serif") never matches exactly. */
            bool acceptable = exact || !strcmp(candidates[k], "sans-serif");
            if (path && acceptable && opens(path)) {
                f->path[role] = path;
                if (k > 0 && role == FONT_REGULAR)
                    fprintf(stderr, "openday: font \"%s\" not found, using \"%s\" (%s)\n",
                            family ? family : "", candidates[k], path);
            } else {
                free(path);
            }
        }
    }
    /* Only the paths are kept: release fontconfig's configuration and caches
     * (a few MiB) before the frame buffers are allocated. */
    FcFini();
    if (!f->path[FONT_REGULAR]) {
        fprintf(stderr, "openday: no usable font: fontconfig found none that SDL_ttf opens "
                        "(%s)\n", TTF_GetError());
        fontset_destroy(f);
        return NULL;
    }
    if (!f->path[FONT_BOLD])
        f->path[FONT_BOLD] = strdup(f->path[FONT_REGULAR]);
    return f;
}

void fontset_destroy(fontset *f)
{
    if (!f)
        return;
    for (int i = 0; i < FACE_CACHE; i++)
        if (f->faces[i].font)
            TTF_CloseFont(f->faces[i].font);
    for (int r = 0; r < FONT_COUNT; r++)
        free(f->path[r]);
    free(f->scratch);
    free(f);
}

const char *fontset_path(const fontset *f, scene_font role)
{
    return f->path[role];
}

TTF_Font *fontset_get(fontset *f, scene_font role, float px)
{
    int size = (int)lroundf(px);
    if (size < 1)
        size = 1;
    face *victim = &f->faces[0];
    f->clock++;
    for (int i = 0; i < FACE_CACHE; i++) {
        face *fc = &f->faces[i];
        if (fc->font && fc->role == role && fc->px == size) {
            fc->used = f->clock;
            return fc->font;
        }
        if (!fc->font || (victim->font && fc->used < victim->used))
            victim = fc;
    }
    /* A font file from the content folder may have been replaced by a pipe
     * since it was validated: TTF_OpenFont would wait on it for ever. */
    TTF_Font *font = file_is_regular(f->path[role]) ? TTF_OpenFont(f->path[role], size) : NULL;
    if (!font) {
        fprintf(stderr, "openday: TTF_OpenFont(%s, %d) failed: %s\n", f->path[role], size,
                TTF_GetError());
        return NULL;
    }
    TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
    TTF_SetFontKerning(font, 1);
    if (victim->font)
        TTF_CloseFont(victim->font);
    *victim = (face){ font, role, size, f->clock };
    return font;
}

static uint64_t hash_text(scene_font role, int px, const char *s, size_t len)
{
    uint64_t h = od_hash(OD_HASH_SEED ^ ((uint64_t)role << 32) ^ (uint64_t)px, s, len);
    return h ? h : 1;
}

static float measure_width(void *ctx, scene_font role, float px, const char *s, size_t len)
{
    fontset *f = ctx;
    if (len == 0)
        return 0;
    int size = (int)lroundf(px);
    uint64_t h = hash_text(role, size, s, len);
    width_entry *e = &f->widths[h % WIDTH_CACHE];
    if (e->used && e->hash == h)
        return e->width;
    TTF_Font *font = fontset_get(f, role, px);
    if (!font)
        return 0.6f * px * (float)len;
    if (len + 1 > f->scratch_cap) {
        size_t cap = len + 1 > 256 ? len + 1 : 256;
        char *n = realloc(f->scratch, cap);
        if (!n)
            return 0.6f * px * (float)len;
        f->scratch = n;
        f->scratch_cap = cap;
    }
    memcpy(f->scratch, s, len);
    f->scratch[len] = '\0';
    int w = 0, hh = 0;
    if (TTF_SizeUTF8(font, f->scratch, &w, &hh) != 0)
        w = 0;
    *e = (width_entry){ h, (float)w, true };
    return (float)w;
}

static float measure_height(void *ctx, scene_font role, float px)
{
    TTF_Font *font = fontset_get(ctx, role, px);
    return font ? (float)TTF_FontHeight(font) : 1.2f * px;
}

/* The top of a capital H above the baseline, from the face's own glyph. */
static float measure_cap(void *ctx, scene_font role, float px)
{
    TTF_Font *font = fontset_get(ctx, role, px);
    int minx, maxx, miny, maxy, adv;
    if (font && TTF_GlyphMetrics32(font, 'H', &minx, &maxx, &miny, &maxy, &adv) == 0 && maxy > 0)
        return (float)maxy;
    return 0.7f * px;
}

layout_measure fontset_measure(fontset *f)
{
    layout_measure m = { measure_width, measure_height, f, measure_cap };
    return m;
}
