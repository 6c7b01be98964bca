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
#include "jfile.h"

#include <assert.h>
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

size_t content_find_degree(const content *c, const char *id)
{
    for (size_t i = 0; i < c->n_degrees; i++)
        if (!strcmp(c->degrees[i].id, id))
            return i;
    return (size_t)-1;
}

size_t content_find_career(const content *c, const char *id)
{
    for (size_t i = 0; i < c->n_careers; i++)
        if (!strcmp(c->careers[i].id, id))
            return i;
    return (size_t)-1;
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
