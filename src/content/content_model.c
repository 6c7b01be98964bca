/* content_model.c - the model's vocabulary (the file names, the string and
 * colour keys with their built-in values) and the questions asked of a
 * loaded model: its languages, the lookups by id and the derived facts that
 * every layer above asks (all declared in content.h).
 *
 * Apart from content.c, which loads and frees models, so that the loaders
 * (load_*.c) can use the vocabulary and look up what an earlier file
 * defined without calling back into the code that runs them. Reads only;
 * allocates nothing. */
#include "content.h"
#include "hash.h"
#include "jfile.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* ---- the vocabulary ---------------------------------------------------------- */

/* The tables of content_strings.h, in the order of its rows. */
const char *const content_string_keys[CONTENT_STR_COUNT] = {
#define CONTENT_STRING(id, key, text) [CONTENT_STR_##id] = key,
#include "content_strings.h"
#undef CONTENT_STRING
};

static const char *const default_strings[CONTENT_STR_COUNT] = {
#define CONTENT_STRING(id, key, text) [CONTENT_STR_##id] = text,
#include "content_strings.h"
#undef CONTENT_STRING
};

const char *const content_color_keys[CONTENT_COLOR_COUNT] = {
#define CONTENT_COLOR(id, key, hex) [CONTENT_COLOR_##id] = key,
#include "content_strings.h"
#undef CONTENT_COLOR
};

static const char *const default_colors[CONTENT_COLOR_COUNT] = {
#define CONTENT_COLOR(id, key, hex) [CONTENT_COLOR_##id] = hex,
#include "content_strings.h"
#undef CONTENT_COLOR
};

const char *const content_files[CONTENT_NFILES] = {
#define CONTENT_FILE(id, name, required, loader) [CONTENT_FILE_##id] = name,
#include "content_files.h"
#undef CONTENT_FILE
};

const char *content_default_string(content_str k)
{
    return (int)k >= 0 && k < CONTENT_STR_COUNT ? default_strings[k] : "";
}

od_color content_default_color(content_color k)
{
    od_color c = { 0, 0, 0, 255 };
    if ((int)k >= 0 && k < CONTENT_COLOR_COUNT)
        jfile_parse_color(default_colors[k], &c);
    return c;
}

/* ---- a loaded model ---------------------------------------------------------- */

size_t content_language_count(const content *c)
{
    const content *r = c->base ? c->base : c;
    return r->n_languages && r->variants ? r->n_languages : 1;
}

const content *content_in_language(const content *c, size_t i)
{
    const content *r = c->base ? c->base : c;
    assert(i < content_language_count(c));
    if (!r->variants)
        return r;
    return r->variants[i];
}

size_t content_default_language(const content *c)
{
    const content *r = c->base ? c->base : c;
    return r->variants ? r->language_index : 0;
}

size_t content_find_language(const content *c, const char *code)
{
    size_t n = content_language_count(c);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(content_in_language(c, i)->language, code))
            return i;
    return (size_t)-1;
}

const char *content_language_name(const content *c, size_t i)
{
    const content *m = content_in_language(c, i);
    const char *s = m->strings[CONTENT_STR_LANGUAGE_NAME];
    return s && *s ? s : m->language;
}

/* The id of entry i of a degree or career list (both start with `char *id`). */
static const char *id_at(const void *list, size_t stride, size_t i)
{
    return *(char *const *)((const char *)list + i * stride);
}

/* Open addressing, slots hold index + 1; at most half full. */
static void ids_build(struct content_ids *t, const void *list, size_t stride, size_t n)
{
    free(t->slot);
    t->cap = 16;
    while (t->cap < 2 * n)
        t->cap *= 2;
    t->slot = jfile_calloc(t->cap, sizeof *t->slot);
    t->n = n;
    for (size_t i = 0; i < n; i++) {
        const char *id = id_at(list, stride, i);
        size_t h = (size_t)od_hash(OD_HASH_SEED, id, strlen(id)) & (t->cap - 1);
        while (t->slot[h])
            h = (h + 1) & (t->cap - 1);
        t->slot[h] = i + 1;
    }
}

static size_t ids_find(const struct content_ids *t, const void *list, size_t stride, size_t n,
                       const char *id)
{
    if (!t->slot || t->n != n) {
        for (size_t i = 0; i < n; i++)
            if (!strcmp(id_at(list, stride, i), id))
                return i;
        return (size_t)-1;
    }
    /* An id listed twice (reported by the loader) finds its first entry,
     * as the search did: the lowest index along the probe. */
    size_t best = (size_t)-1;
    for (size_t h = (size_t)od_hash(OD_HASH_SEED, id, strlen(id)) & (t->cap - 1); t->slot[h];
         h = (h + 1) & (t->cap - 1)) {
        size_t i = t->slot[h] - 1;
        if (i < best && !strcmp(id_at(list, stride, i), id))
            best = i;
    }
    return best;
}

void content_index_ids(content *c)
{
    ids_build(&c->degree_ids, c->degrees, sizeof *c->degrees, c->n_degrees);
    ids_build(&c->career_ids, c->careers, sizeof *c->careers, c->n_careers);
}

size_t content_find_degree(const content *c, const char *id)
{
    return ids_find(&c->degree_ids, c->degrees, sizeof *c->degrees, c->n_degrees, id);
}

size_t content_find_career(const content *c, const char *id)
{
    return ids_find(&c->career_ids, c->careers, sizeof *c->careers, c->n_careers, id);
}

od_color content_award_color(const content *c, size_t ai)
{
    if (ai < c->n_awards && c->awards[ai].has_color)
        return c->awards[ai].color;
    return c->colors[CONTENT_COLOR_ACCENT];
}

bool content_career_shared(const content *c, size_t ci)
{
    return ci < c->n_careers && c->careers[ci].n_degrees > 1;
}
