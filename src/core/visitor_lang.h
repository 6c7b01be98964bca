/* visitor_lang.h - which of the content's visitor languages is on screen
 * (content.h: a set of models, one a language), whether the language
 * chooser is open, and how many times visitors have chosen another.
 *
 * The caller owns the struct (the app holds one) and the content set it
 * points into, which must outlive it or be replaced with
 * visitor_lang_set_content. The choice lasts for the visit; the count
 * lasts as long as the struct (the usage counts read it). Nothing here
 * allocates or fails; an index out of range is refused, as each function
 * says. */
#ifndef OPENDAY_VISITOR_LANG_H
#define OPENDAY_VISITOR_LANG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "content.h"

typedef struct {
    const content *root;  /* the set's model as given (any model of the set) */
    size_t index;         /* the language on screen (content_in_language) */
    bool open;            /* the chooser shows */
    uint32_t chosen;      /* languages picked by visitors, ever */
} visitor_lang;

/* The set `root` in its default language, the chooser closed, none chosen. */
void visitor_lang_init(visitor_lang *l, const content *root);
/* The model of the language on screen. */
const content *visitor_lang_model(const visitor_lang *l);
/* How many languages the set has (1 when none are declared). */
size_t visitor_lang_count(const visitor_lang *l);
/* Show language i from now on; false (nothing changes) when i is the one
 * on screen or no language of the set. Not counted as a visitor's choice. */
bool visitor_lang_use(visitor_lang *l, size_t i);
/* A visitor picked row i of the chooser: false when the set has no
 * language i; else true, counted when it is not the language on screen.
 * The caller then shows it with visitor_lang_use. */
bool visitor_lang_pick(visitor_lang *l, int i);
/* New content (a reload): the language on screen stays when the new set
 * has it (by its code), else the default; the chooser closes when the new
 * set has one language. */
void visitor_lang_set_content(visitor_lang *l, const content *root);

#endif
