/* visitor_access.c - the visitor's accessibility choices. See
 * visitor_access.h. */
#include "visitor_access.h"

#include <string.h>

#include "view.h"

unsigned visitor_access_bits(const visitor_access_choices *c)
{
    return (c->large_text ? 1u << VIEW_ACCESS_LARGE_TEXT : 0) |
           (c->high_contrast ? 1u << VIEW_ACCESS_HIGH_CONTRAST : 0) |
           (c->less_motion ? 1u << VIEW_ACCESS_LESS_MOTION : 0) |
           (c->reach ? 1u << VIEW_ACCESS_REACH : 0) |
           (c->read_aloud ? 1u << VIEW_ACCESS_READ_ALOUD : 0);
}

visitor_access_choices visitor_access_from_bits(unsigned bits)
{
    visitor_access_choices c = {
        .large_text = bits & (1u << VIEW_ACCESS_LARGE_TEXT),
        .high_contrast = bits & (1u << VIEW_ACCESS_HIGH_CONTRAST),
        .less_motion = bits & (1u << VIEW_ACCESS_LESS_MOTION),
        .reach = bits & (1u << VIEW_ACCESS_REACH),
        .read_aloud = bits & (1u << VIEW_ACCESS_READ_ALOUD),
    };
    return c;
}

visitor_access_choices visitor_access_toggled(const visitor_access_choices *c, int choice)
{
    if (choice < 0 || choice >= VIEW_ACCESS_COUNT)
        return *c;
    return visitor_access_from_bits(visitor_access_bits(c) ^ (1u << choice));
}

bool visitor_access_forget(visitor_access *v)
{
    if (!visitor_access_bits(&v->choices))
        return false;
    memset(&v->choices, 0, sizeof v->choices);
    return true;
}
