/* view.c - screen names and their parsing. See view.h. */
#include "view.h"

#include <stdio.h>
#include <string.h>

const char *const view_screen_names[SCREEN_COUNT] = {
    [SCREEN_ATTRACT] = "attract", [SCREEN_HOME] = "home",
    [SCREEN_DEGREE] = "degree",   [SCREEN_COMPARE] = "compare",
    [SCREEN_CAREERS] = "careers", [SCREEN_CAREER] = "career",
    [SCREEN_BABS] = "ba-bs",      [SCREEN_ABOUT] = "about",
};

void view_place_name(const view_place *p, const content *c, char *buf, size_t n)
{
    const char *base = view_screen_names[p->screen];
    switch (p->screen) {
    case SCREEN_DEGREE:
        snprintf(buf, n, "%s:%s", base, c->degrees[p->a].id);
        break;
    case SCREEN_CAREER:
        snprintf(buf, n, "%s:%s", base, c->careers[p->a].id);
        break;
    case SCREEN_COMPARE:
        snprintf(buf, n, "%s:%s,%s", base, c->degrees[p->a].id, c->degrees[p->b].id);
        break;
    default:
        snprintf(buf, n, "%s", base);
        break;
    }
}

bool view_place_parse(const char *name, const content *c, view_place *out)
{
    const char *colon = strchr(name, ':');
    size_t blen = colon ? (size_t)(colon - name) : strlen(name);
    int screen = -1;
    for (int i = 0; i < SCREEN_COUNT; i++)
        if (strlen(view_screen_names[i]) == blen && !strncmp(name, view_screen_names[i], blen))
            screen = i;
    if (screen < 0)
        return false;
    view_place p = { (view_screen)screen, 0, 0 };
    const char *arg = colon ? colon + 1 : NULL;
    switch (p.screen) {
    case SCREEN_DEGREE:
    case SCREEN_CAREER: {
        if (!arg)
            return false;
        size_t i = p.screen == SCREEN_DEGREE ? content_find_degree(c, arg)
                                             : content_find_career(c, arg);
        if (i == (size_t)-1)
            return false;
        p.a = (int)i;
        break;
    }
    case SCREEN_COMPARE:
        if (c->n_degrees < 2)
            return false;
        p.a = 0;
        p.b = 1;
        if (arg) {
            const char *comma = strchr(arg, ',');
            char left[256];
            if (!comma || (size_t)(comma - arg) >= sizeof left)
                return false;
            memcpy(left, arg, (size_t)(comma - arg));
            left[comma - arg] = '\0';
            size_t l = content_find_degree(c, left), r = content_find_degree(c, comma + 1);
            if (l == (size_t)-1 || r == (size_t)-1 || l == r)
                return false;
            p.a = (int)l;
            p.b = (int)r;
        }
        break;
    default:
        if (arg)
            return false;
        break;
    }
    *out = p;
    return true;
}

bool view_place_matches(const view_place *p, const content *c, const char *name)
{
    if (!strchr(name, ':'))
        return !strcmp(name, view_screen_names[p->screen]);
    char buf[600];
    view_place_name(p, c, buf, sizeof buf);
    return !strcmp(buf, name);
}
