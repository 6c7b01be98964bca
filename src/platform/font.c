/* font.c - fontconfig look-up and measured text. See font.h. */
#include "font.h"
#include "file.h"
#include "hash.h"
#include "hyph.h"

#include <SDL_ttf.h>
#include <fontconfig/fontconfig.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FACE_CACHE FONTSET_FACES
#define WIDTH_CACHE 4096
#define FALLBACK_MAX 8      /* fallback faces: a kiosk's text needs one or two */
#define CP_CACHE 1024       /* code points whose face is known, per role */

/* Where a code point's glyph comes from: the role's own face, a fallback
 * face (0 .. FALLBACK_MAX-1), nowhere (drawn from the own face: a box), or
 * nowhere and invisible anyway (dropped, see ignorable). */
enum { SRC_OWN = -1, SRC_NONE = -2, SRC_SKIP = -3 };

typedef struct {
    TTF_Font *font;
    int src;                 /* a scene_font role, or SCENE_FONT_COUNT + fallback index */
    int px;
    uint64_t used;
} face;

typedef struct {
    uint32_t cp;             /* 0: free */
    int8_t src;
} cp_entry;

/* A run of text set in one face (its bytes in the fontset's run buffer). */
typedef struct {
    int src;                 /* SRC_OWN or a fallback index */
    size_t off, len;
} text_run;

typedef struct {
    uint64_t hash;
    float width;
    bool used;
} width_entry;

struct fontset {
    char *path[SCENE_FONT_COUNT];
    /* A role's font file as the content's snapshot read it (a reference
     * held while any face may open from it), or NULL: a system face, opened
     * by path. */
    content_blob *blob[SCENE_FONT_COUNT];
    char *fallback[FALLBACK_MAX]; /* files of the fallback faces found so far */
    size_t nfallback;
    face faces[FACE_CACHE];
    uint64_t clock;
    uint64_t opened, closed; /* faces, since creation */
    width_entry widths[WIDTH_CACHE];
    cp_entry cps[SCENE_FONT_COUNT][CP_CACHE];
    size_t ncps[SCENE_FONT_COUNT];
    char *scratch;           /* a NUL-terminated copy of a text to measure */
    size_t scratch_cap;
    char *runbuf;            /* run texts, each NUL-terminated */
    size_t runbuf_cap;
    text_run *runs;
    size_t runs_cap;
    hyph *hyph;              /* hyphenation dictionaries, loaded on first use */
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

/* A face of `blob`'s bytes (a content font file) or, without one, of the
 * file at path, at size; NULL with SDL_ttf's error set. From memory, the
 * face reads the bytes the content validated with, whatever the file holds
 * now. */
static TTF_Font *open_face(const char *path, const content_blob *blob, int size)
{
    if (blob) {
        if (blob->len > INT_MAX)
            return NULL;
        SDL_RWops *rw = SDL_RWFromConstMem(blob->bytes, (int)blob->len);
        return rw ? TTF_OpenFontRW(rw, 1, size) : NULL;
    }
    /* A font file may have been replaced by a pipe since it was found:
     * TTF_OpenFont would wait on it for ever. */
    return file_is_regular(path) ? TTF_OpenFont(path, size) : NULL;
}

static bool opens(const char *path, const content_blob *blob)
{
    TTF_Font *f = open_face(path, blob, 16);
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
    const char *files[SCENE_FONT_COUNT] = { regular, bold };
    content_blob *none[SCENE_FONT_COUNT] = { NULL, NULL };
    return fontset_create_mem(family, files, none);
}

fontset *fontset_create_mem(const char *family, const char *const files[SCENE_FONT_COUNT],
                            content_blob *const blobs[SCENE_FONT_COUNT])
{
    fontset *f = calloc(1, sizeof *f);
    if (!f || !FcInit()) {
        free(f);
        return NULL;
    }
    for (int role = 0; role < SCENE_FONT_COUNT; role++) {
        if (!files[role] || !*files[role])
            continue;
        if (opens(files[role], blobs[role])) {
            f->path[role] = strdup(files[role]);
            f->blob[role] = content_blob_ref(blobs[role]);
        } else {
            fprintf(stderr, "openday: font file \"%s\" cannot be used (%s); looking up \"%s\" "
                            "instead\n", files[role], TTF_GetError(), family ? family : "");
        }
    }
    const char *candidates[] = { family, "Inter", "DejaVu Sans", "sans-serif" };
    const int weights[SCENE_FONT_COUNT] = { FC_WEIGHT_REGULAR, FC_WEIGHT_BOLD };
    for (int role = 0; role < SCENE_FONT_COUNT; role++) {
        for (size_t k = 0; k < sizeof candidates / sizeof *candidates && !f->path[role]; k++) {
            if (!candidates[k] || !*candidates[k])
                continue;
            bool exact = false;
            char *path = match(candidates[k], weights[role], &exact);
            /* A generic family name ("sans-serif") never matches exactly. */
            bool acceptable = exact || !strcmp(candidates[k], "sans-serif");
            if (path && acceptable && opens(path, NULL)) {
                f->path[role] = path;
                if (k > 0 && role == SCENE_FONT_REGULAR)
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
    if (!f->path[SCENE_FONT_REGULAR]) {
        fprintf(stderr, "openday: no usable font: fontconfig found none that SDL_ttf opens "
                        "(%s)\n", TTF_GetError());
        fontset_destroy(f);
        return NULL;
    }
    if (!f->path[SCENE_FONT_BOLD]) {
        f->path[SCENE_FONT_BOLD] = strdup(f->path[SCENE_FONT_REGULAR]);
        f->blob[SCENE_FONT_BOLD] = content_blob_ref(f->blob[SCENE_FONT_REGULAR]);
    }
    /* Dictionaries are read on the first long word, not here. */
    f->hyph = hyph_create(NULL);
    return f;
}

void fontset_destroy(fontset *f)
{
    if (!f)
        return;
    for (int i = 0; i < FACE_CACHE; i++)
        if (f->faces[i].font)
            TTF_CloseFont(f->faces[i].font);
    for (int r = 0; r < SCENE_FONT_COUNT; r++) {
        free(f->path[r]);
        content_blob_unref(f->blob[r]); /* after the faces reading it closed */
    }
    for (size_t k = 0; k < f->nfallback; k++)
        free(f->fallback[k]);
    hyph_destroy(f->hyph);
    free(f->scratch);
    free(f->runbuf);
    free(f->runs);
    free(f);
}

void fontset_get_stats(const fontset *f, fontset_stats *out)
{
    *out = (fontset_stats){ 0 };
    for (int i = 0; i < FACE_CACHE; i++)
        out->faces += f->faces[i].font != NULL;
    out->opened = f->opened;
    out->closed = f->closed;
}

const char *fontset_path(const fontset *f, scene_font role)
{
    return f->path[role];
}

/* The face of a source (a role, or SCENE_FONT_COUNT + a fallback index) at a size,
 * from the bounded cache. */
static TTF_Font *face_get(fontset *f, int src, int size)
{
    face *victim = &f->faces[0];
    f->clock++;
    for (int i = 0; i < FACE_CACHE; i++) {
        face *fc = &f->faces[i];
        if (fc->font && fc->src == src && fc->px == size) {
            fc->used = f->clock;
            return fc->font;
        }
        if (!fc->font || (victim->font && fc->used < victim->used))
            victim = fc;
    }
    const char *path = src < SCENE_FONT_COUNT ? f->path[src] : f->fallback[src - SCENE_FONT_COUNT];
    TTF_Font *font = open_face(path, src < SCENE_FONT_COUNT ? f->blob[src] : NULL, size);
    if (!font) {
        fprintf(stderr, "openday: TTF_OpenFont(%s, %d) failed: %s\n", path, size,
                TTF_GetError());
        return NULL;
    }
    TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
    TTF_SetFontKerning(font, 1);
    f->opened++;
    if (victim->font) {
        TTF_CloseFont(victim->font);
        f->closed++;
    }
    *victim = (face){ font, src, size, f->clock };
    return font;
}

static int px_of(float px)
{
    int size = (int)lroundf(px);
    return size < 1 ? 1 : size;
}

TTF_Font *fontset_get(fontset *f, scene_font role, float px)
{
    return face_get(f, (int)role, px_of(px));
}

/* ---- fallback faces ----------------------------------------------------------
 *
 * A character the role's face lacks is set in another installed face that
 * has it, found through fontconfig (its best sans-serif match whose charset
 * holds the code point) and remembered: per role, each code point's face in
 * a small table; the fallback files in a list that the next misses search
 * first, so fontconfig is asked about a code point only when no face already
 * open has it. Colour fonts are passed over: SDL_ttf 2.20 draws Noto Color
 * Emoji's bitmaps at their one size (136x128 px whatever size is asked), so
 * emoji come from a monochrome face (Symbola). */

/* Characters that show nothing and are dropped when the face lacks them
 * (rather than drawn as its box): joiners, variation selectors, tags, the
 * byte order mark, soft hyphen. */
static bool ignorable(uint32_t cp)
{
    return cp == 0xAD || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2060 && cp <= 0x206F) ||
           cp == 0xFEFF || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0000 && cp <= 0xE0FFF) ||
           cp < 0x20;
}

/* The file of an installed, scalable, monochrome face that has cp, or NULL
 * (heap). Loads fontconfig's configuration for the question and drops it
 * after, as fontset_create does: misses are rare and remembered. */
static char *fc_face_for(uint32_t cp)
{
    FcConfig *cfg = FcInitLoadConfigAndFonts();
    if (!cfg)
        return NULL;
    char *out = NULL;
    FcPattern *p = FcPatternCreate();
    FcCharSet *want = FcCharSetCreate();
    if (p && want && FcCharSetAddChar(want, cp)) {
        FcPatternAddCharSet(p, FC_CHARSET, want);
        FcPatternAddString(p, FC_FAMILY, (const FcChar8 *)"sans-serif");
        FcPatternAddBool(p, FC_SCALABLE, FcTrue);
        FcConfigSubstitute(cfg, p, FcMatchPattern);
        FcDefaultSubstitute(p);
        FcResult res;
        FcFontSet *set = FcFontSort(cfg, p, FcFalse, NULL, &res);
        for (int i = 0; set && i < set->nfont && !out; i++) {
            FcPattern *m = set->fonts[i];
            FcCharSet *cs = NULL;
            FcBool scalable = FcFalse, color = FcFalse;
            FcChar8 *file = NULL;
            if (FcPatternGetCharSet(m, FC_CHARSET, 0, &cs) != FcResultMatch ||
                !FcCharSetHasChar(cs, cp) ||
                FcPatternGetString(m, FC_FILE, 0, &file) != FcResultMatch)
                continue;
            FcPatternGetBool(m, FC_SCALABLE, 0, &scalable);
            FcPatternGetBool(m, FC_COLOR, 0, &color);
            if (scalable && !color && file_is_regular((const char *)file))
                out = strdup((const char *)file);
        }
        if (set)
            FcFontSetDestroy(set);
    }
    if (want)
        FcCharSetDestroy(want);
    if (p)
        FcPatternDestroy(p);
    FcConfigDestroy(cfg);
    return out;
}

/* A new fallback face for cp: fontconfig's answer, added to the list. */
static int fallback_add(fontset *f, uint32_t cp, int size)
{
    if (f->nfallback == FALLBACK_MAX)
        return SRC_NONE;
    char *path = fc_face_for(cp);
    if (!path)
        return SRC_NONE;
    for (size_t k = 0; k < f->nfallback; k++)
        if (!strcmp(f->fallback[k], path)) {
            free(path); /* listed, yet it does not have cp after all */
            return SRC_NONE;
        }
    f->fallback[f->nfallback++] = path;
    int k = (int)f->nfallback - 1;
    TTF_Font *fb = face_get(f, SCENE_FONT_COUNT + k, size);
    return fb && TTF_GlyphIsProvided32(fb, cp) ? k : SRC_NONE;
}

/* Where role's glyph for cp comes from (see SRC_*), own being role's face at
 * `size`. */
static int source_of(fontset *f, scene_font role, TTF_Font *own, int size, uint32_t cp)
{
    cp_entry *tab = f->cps[role];
    size_t i = (cp * 2654435761u) % CP_CACHE;
    for (size_t probes = 0; tab[i].cp && probes < CP_CACHE; probes++, i = (i + 1) % CP_CACHE)
        if (tab[i].cp == cp)
            return tab[i].src;
    int src = SRC_NONE;
    if (TTF_GlyphIsProvided32(own, cp)) {
        src = SRC_OWN;
    } else if (ignorable(cp)) {
        src = SRC_SKIP;
    } else {
        for (size_t k = 0; k < f->nfallback && src == SRC_NONE; k++) {
            TTF_Font *fb = face_get(f, SCENE_FONT_COUNT + (int)k, size);
            if (fb && TTF_GlyphIsProvided32(fb, cp))
                src = (int)k;
        }
        if (src == SRC_NONE)
            src = fallback_add(f, cp, size);
    }
    /* Remember it; a full table (a text of a thousand rare characters)
     * starts again. */
    if (f->ncps[role] + 1 > CP_CACHE / 2) {
        memset(tab, 0, sizeof f->cps[role]);
        f->ncps[role] = 0;
    }
    i = (cp * 2654435761u) % CP_CACHE;
    while (tab[i].cp)
        i = (i + 1) % CP_CACHE;
    tab[i] = (cp_entry){ cp, (int8_t)src };
    f->ncps[role]++;
    return src;
}

/* The next code point of s[*i..len) (s is valid UTF-8: the loader checks
 * it; a stray byte reads as itself). */
static uint32_t next_cp(const char *s, size_t len, size_t *i)
{
    const unsigned char *u = (const unsigned char *)s + *i;
    size_t n = len - *i;
    uint32_t c = u[0];
    size_t k = 1;
    if (c >= 0xF0 && n >= 4) {
        c = (c & 0x07u) << 18 | (uint32_t)(u[1] & 0x3Fu) << 12 | (uint32_t)(u[2] & 0x3Fu) << 6 |
            (u[3] & 0x3Fu);
        k = 4;
    } else if (c >= 0xE0 && n >= 3) {
        c = (c & 0x0Fu) << 12 | (uint32_t)(u[1] & 0x3Fu) << 6 | (u[2] & 0x3Fu);
        k = 3;
    } else if (c >= 0xC0 && n >= 2) {
        c = (c & 0x1Fu) << 6 | (u[1] & 0x3Fu);
        k = 2;
    }
    *i += k;
    return c;
}

static bool grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return true;
    size_t n = need > 256 ? need : 256;
    void *q = realloc(*p, n * elem);
    if (!q)
        return false;
    *p = q;
    *cap = n;
    return true;
}

/* Split s[0..len) set in role at size into runs of one face each, their
 * texts NUL-terminated in f->runbuf. Returns the number of runs (0 when out
 * of memory). Both measuring and drawing go through here, which is what makes
 * them agree to the pixel. */
static size_t split_runs(fontset *f, scene_font role, int size, TTF_Font *own, const char *s,
                         size_t len)
{
    if (!grow((void **)&f->runbuf, &f->runbuf_cap, 2 * len + 1, 1))
        return 0;
    size_t n = 0, out = 0;
    for (size_t i = 0; i < len;) {
        size_t at = i;
        uint32_t cp = next_cp(s, len, &i);
        int src = cp < 0x80 && cp >= 0x20 ? SRC_OWN : source_of(f, role, own, size, cp);
        if (src == SRC_SKIP)
            continue;
        if (src == SRC_NONE)
            src = SRC_OWN;
        if (!n || f->runs[n - 1].src != src) {
            if (n) {
                f->runbuf[out++] = '\0';
            }
            if (!grow((void **)&f->runs, &f->runs_cap, n + 1, sizeof *f->runs))
                return 0;
            f->runs[n++] = (text_run){ src, out, 0 };
        }
        memcpy(f->runbuf + out, s + at, i - at);
        out += i - at;
        f->runs[n - 1].len += i - at;
    }
    if (n)
        f->runbuf[out] = '\0';
    return n;
}

static TTF_Font *run_face(fontset *f, int size, TTF_Font *own, const text_run *r)
{
    return r->src == SRC_OWN ? own : face_get(f, SCENE_FONT_COUNT + r->src, size);
}

/* Whether s is all printable ASCII: then it is one run in the own face
 * (every face we open has those), as fast as before fallback existed. */
static bool plain_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80 || (unsigned char)s[i] < 0x20)
            return false;
    return true;
}

SDL_Surface *fontset_render(fontset *f, scene_font role, float px, const char *s, size_t len,
                            SDL_Color ink)
{
    int size = px_of(px);
    TTF_Font *own = face_get(f, (int)role, size);
    if (!own || len == 0)
        return NULL;
    if (!grow((void **)&f->scratch, &f->scratch_cap, len + 1, 1))
        return NULL;
    memcpy(f->scratch, s, len);
    f->scratch[len] = '\0';
    size_t n = plain_ascii(s, len) ? 0 : split_runs(f, role, size, own, s, len);
    if (n == 0 || (n == 1 && f->runs[0].src == SRC_OWN && f->runs[0].len == len))
        return TTF_RenderUTF8_Blended(own, f->scratch, ink);
    /* Each run drawn in its face, side by side on one line of the own
     * face's height, baselines aligned: widths exactly as measured. */
    int total = 0;
    for (size_t k = 0; k < n; k++) {
        int w = 0, h = 0;
        TTF_Font *ft = run_face(f, size, own, &f->runs[k]);
        if (ft && TTF_SizeUTF8(ft, f->runbuf + f->runs[k].off, &w, &h) == 0)
            total += w;
    }
    SDL_Surface *line = SDL_CreateRGBSurfaceWithFormat(0, total > 0 ? total : 1,
                                                       TTF_FontHeight(own), 32,
                                                       SDL_PIXELFORMAT_ARGB8888);
    if (!line)
        return NULL;
    SDL_FillRect(line, NULL, SDL_MapRGBA(line->format, ink.r, ink.g, ink.b, 0));
    int x = 0;
    for (size_t k = 0; k < n; k++) {
        TTF_Font *ft = run_face(f, size, own, &f->runs[k]);
        const char *t = f->runbuf + f->runs[k].off;
        int w = 0, h = 0;
        if (!ft || TTF_SizeUTF8(ft, t, &w, &h) != 0)
            continue;
        SDL_Surface *part = TTF_RenderUTF8_Blended(ft, t, ink);
        if (part) {
            SDL_SetSurfaceBlendMode(part, SDL_BLENDMODE_NONE);
            SDL_Rect dst = { x, TTF_FontAscent(own) - TTF_FontAscent(ft), part->w, part->h };
            SDL_BlitSurface(part, NULL, line, &dst);
            SDL_FreeSurface(part);
        }
        x += w;
    }
    return line;
}

uint32_t fontset_missing(fontset *f, const char *s, size_t len)
{
    int size = 16;
    TTF_Font *own = face_get(f, SCENE_FONT_REGULAR, size);
    if (!own)
        return 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp = next_cp(s, len, &i);
        if (cp >= 0x20 && source_of(f, SCENE_FONT_REGULAR, own, size, cp) == SRC_NONE)
            return cp;
    }
    return 0;
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
    int size = px_of(px);
    uint64_t h = hash_text(role, size, s, len);
    /* Two ways a set, the one used last first: two texts on screen whose
     * hashes share a set no longer evict each other every frame. */
    width_entry *set = &f->widths[(h % (WIDTH_CACHE / 2)) * 2];
    if (set[0].used && set[0].hash == h)
        return set[0].width;
    if (set[1].used && set[1].hash == h) {
        width_entry hit = set[1];
        set[1] = set[0];
        set[0] = hit;
        return hit.width;
    }
    TTF_Font *font = face_get(f, (int)role, size);
    if (!font || !grow((void **)&f->scratch, &f->scratch_cap, len + 1, 1))
        return 0.6f * px * (float)len;
    /* The sum of the runs' widths, as fontset_render lays them side by side. */
    size_t n = plain_ascii(s, len) ? 0 : split_runs(f, role, size, font, s, len);
    int w = 0;
    if (n == 0 || (n == 1 && f->runs[0].src == SRC_OWN && f->runs[0].len == len)) {
        memcpy(f->scratch, s, len);
        f->scratch[len] = '\0';
        int hh = 0;
        if (TTF_SizeUTF8(font, f->scratch, &w, &hh) != 0)
            w = 0;
    } else {
        for (size_t k = 0; k < n; k++) {
            int rw = 0, rh = 0;
            TTF_Font *ft = run_face(f, size, font, &f->runs[k]);
            if (ft && TTF_SizeUTF8(ft, f->runbuf + f->runs[k].off, &rw, &rh) == 0)
                w += rw;
        }
    }
    set[1] = set[0];
    set[0] = (width_entry){ h, (float)w, true };
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

lay_measure fontset_measure(fontset *f)
{
    lay_measure m = { measure_width, measure_height, f, measure_cap, hyph_points, f->hyph,
                         hyph_prepare };
    return m;
}
