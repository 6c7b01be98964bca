/* visitor_lang.c - the visitor's language. See visitor_lang.h. */
#include "visitor_lang.h"

void visitor_lang_init(visitor_lang *l, const content *root)
{
    l->root = root;
    l->index = content_default_language(root);
    l->open = false;
    l->chosen = 0;
}

const content *visitor_lang_model(const visitor_lang *l)
{
    return content_in_language(l->root, l->index);
}

size_t visitor_lang_count(const visitor_lang *l)
{
    return content_language_count(l->root);
}

bool visitor_lang_use(visitor_lang *l, size_t i)
{
    if (i >= content_language_count(l->root) || i == l->index)
        return false;
    l->index = i;
    return true;
}

bool visitor_lang_pick(visitor_lang *l, int i)
{
    if (i < 0 || (size_t)i >= content_language_count(l->root))
        return false;
    if ((size_t)i != l->index)
        l->chosen++;
    return true;
}

void visitor_lang_set_content(visitor_lang *l, const content *root)
{
    /* By code, not index: the new content may declare its languages in
     * another order, or drop the one on screen. */
    size_t i = content_find_language(root, visitor_lang_model(l)->language);
    if (i == (size_t)-1)
        i = content_default_language(root);
    l->root = root;
    l->index = i;
    if (l->open && content_language_count(root) < 2)
        l->open = false;
}
