/* view.c - the rules about places, read from the screen table. See view.h. */
#include "view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screen.h"

static const screen_def *row(view_screen s)
{
    return screen_get(s);
}

const char *view_screen_name(view_screen s)
{
    const screen_def *d = row(s);
    return d ? d->name : "";
}

static bool index_ok(int i, size_t n)
{
    return i >= 0 && (size_t)i < n;
}

/* The parameters alone, without the screen's content requirement. */
static bool params_ok(const view_place *p, const content *c)
{
    const screen_def *d = row(p->screen);
    if (!d)
        return false;
    switch (d->param) {
    case VIEW_PARAM_DEGREE:
        return index_ok(p->a, c->n_degrees);
    case VIEW_PARAM_CAREER:
        return index_ok(p->a, c->n_careers);
    case VIEW_PARAM_DEGREE_PAIR:
        return c->n_degrees >= 2 && index_ok(p->a, c->n_degrees) &&
               index_ok(p->b, c->n_degrees) && p->a != p->b;
    case VIEW_PARAM_QUESTION:
        return index_ok(p->a, c->n_questions);
    case VIEW_PARAM_DEGREE_PICK:
        return index_ok(p->a, c->n_degrees + 1);
    case VIEW_PARAM_UNFOLD:
        return p->a == 0 || p->a == 1;
    case VIEW_PARAM_NONE:
    default:
        return true;
    }
}

bool view_place_valid(const view_place *p, const content *c)
{
    if (!params_ok(p, c))
        return false;
    const screen_def *d = row(p->screen);
    return !d->ready || d->ready(c);
}

void view_place_name(const view_place *p, const content *c, char *buf, size_t n)
{
    const screen_def *d = row(p->screen);
    const char *base = d ? d->name : "";
    switch (d ? d->param : VIEW_PARAM_NONE) {
    case VIEW_PARAM_DEGREE:
        snprintf(buf, n, "%s:%s", base, c->degrees[p->a].id);
        break;
    case VIEW_PARAM_CAREER:
        snprintf(buf, n, "%s:%s", base, c->careers[p->a].id);
        break;
    case VIEW_PARAM_DEGREE_PAIR:
        snprintf(buf, n, "%s:%s,%s", base, c->degrees[p->a].id, c->degrees[p->b].id);
        break;
    case VIEW_PARAM_QUESTION:
        snprintf(buf, n, "%s:%d", base, p->a + 1);
        break;
    case VIEW_PARAM_DEGREE_PICK:
        if (p->a > 0 && (size_t)p->a <= c->n_degrees)
            snprintf(buf, n, "%s:%s", base, c->degrees[p->a - 1].id);
        else
            snprintf(buf, n, "%s", base);
        break;
    case VIEW_PARAM_UNFOLD:
        snprintf(buf, n, "%s%s", base, p->a ? ":all" : "");
        break;
    case VIEW_PARAM_NONE:
    default:
        snprintf(buf, n, "%s", base);
        break;
    }
}

bool view_place_parse(const char *name, const content *c, view_place *out)
{
    const char *colon = strchr(name, ':');
    size_t blen = colon ? (size_t)(colon - name) : strlen(name);
    const screen_def *d = NULL;
    view_place p = { VIEW_SCREEN_COUNT, 0, 0 };
    for (int i = 0; i < VIEW_SCREEN_COUNT; i++) {
        const screen_def *r = row((view_screen)i);
        if (strlen(r->name) == blen && !strncmp(name, r->name, blen)) {
            d = r;
            p.screen = (view_screen)i;
        }
    }
    if (!d)
        return false;
    const char *arg = colon ? colon + 1 : NULL;
    switch (d->param) {
    case VIEW_PARAM_DEGREE:
    case VIEW_PARAM_CAREER: {
        if (!arg)
            return false;
        size_t i = d->param == VIEW_PARAM_DEGREE ? content_find_degree(c, arg)
                                                 : content_find_career(c, arg);
        if (i == (size_t)-1)
            return false;
        p.a = (int)i;
        break;
    }
    case VIEW_PARAM_DEGREE_PAIR:
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
    case VIEW_PARAM_DEGREE_PICK:
        if (arg) {
            size_t i = content_find_degree(c, arg);
            if (i == (size_t)-1)
                return false;
            p.a = (int)i + 1;
        }
        break;
    case VIEW_PARAM_UNFOLD:
        if (arg && strcmp(arg, "all"))
            return false;
        p.a = arg != NULL;
        break;
    case VIEW_PARAM_QUESTION:
        if (arg) {
            char *end = NULL;
            long k = strtol(arg, &end, 10);
            if (end == arg || *end || k < 1 || (size_t)k > c->n_questions)
                return false;
            p.a = (int)k - 1;
        }
        break;
    case VIEW_PARAM_NONE:
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
        return !strcmp(name, view_screen_name(p->screen));
    char buf[600];
    view_place_name(p, c, buf, sizeof buf);
    return !strcmp(buf, name);
}

/* Index in `to` of the degree (or career) with the id it has in `from`. */
static bool remap_index(const content *from, const content *to, bool career, int *i)
{
    size_t k = career ? content_find_career(to, from->careers[*i].id)
                      : content_find_degree(to, from->degrees[*i].id);
    if (k == (size_t)-1)
        return false;
    *i = (int)k;
    return true;
}

bool view_place_remap(const content *from, const content *to, view_place *p)
{
    if (!view_place_valid(p, from))
        return false;
    switch (row(p->screen)->param) {
    case VIEW_PARAM_DEGREE:
        if (!remap_index(from, to, false, &p->a))
            return false;
        break;
    case VIEW_PARAM_CAREER:
        if (!remap_index(from, to, true, &p->a))
            return false;
        break;
    case VIEW_PARAM_DEGREE_PAIR:
        if (!remap_index(from, to, false, &p->a) || !remap_index(from, to, false, &p->b))
            return false;
        break;
    case VIEW_PARAM_DEGREE_PICK:
        if (p->a > 0) {
            int i = p->a - 1;
            if (!remap_index(from, to, false, &i))
                return false;
            p->a = i + 1;
        }
        break;
    case VIEW_PARAM_QUESTION: /* by number: checked against `to` below */
    case VIEW_PARAM_UNFOLD:
    case VIEW_PARAM_NONE:
    default:
        break;
    }
    return view_place_valid(p, to);
}

size_t view_place_siblings(const view_place *p, const content *c)
{
    const screen_def *d = row(p->screen);
    switch (d ? d->param : VIEW_PARAM_NONE) {
    case VIEW_PARAM_DEGREE:
        return c->n_degrees;
    case VIEW_PARAM_CAREER:
        return c->n_careers;
    case VIEW_PARAM_DEGREE_PAIR:
    case VIEW_PARAM_QUESTION:
    case VIEW_PARAM_NONE:
    default:
        return 0;
    }
}

bool view_place_for_action(int action, int arg, view_place *out)
{
    if (action <= VIEW_ACT_NONE || action >= VIEW_ACT_COUNT)
        return false;
    for (int i = 0; i < VIEW_SCREEN_COUNT; i++) {
        const screen_def *d = row((view_screen)i);
        bool hit = action == VIEW_ACT_OPEN ? arg == i && !d->full : d->opens == (view_action)action;
        if (!hit)
            continue;
        view_place p = { (view_screen)i, 0, 0 };
        switch (d->param) {
        case VIEW_PARAM_DEGREE:
        case VIEW_PARAM_CAREER:
            if (action == VIEW_ACT_OPEN)
                return false; /* needs an item: its own action carries it */
            p.a = arg;
            break;
        case VIEW_PARAM_DEGREE_PAIR:
            p.b = 1; /* the first two degrees, as the bare name */
            break;
        case VIEW_PARAM_DEGREE_PICK: /* arg: 1 + the degree, 0 (or less) none */
        case VIEW_PARAM_UNFOLD:      /* arg: 1 unfolded */
            p.a = action == VIEW_ACT_OPEN || arg < 0 ? 0 : arg;
            break;
        case VIEW_PARAM_QUESTION: /* the first question */
        case VIEW_PARAM_NONE:
        default:
            break;
        }
        *out = p;
        return true;
    }
    return false;
}

/* The item an action carries, by id when c has it. */
static void item_name(const char *kind, int i, const content *c, bool career, char *buf,
                      size_t n)
{
    size_t have = !c ? 0 : career ? c->n_careers : c->n_degrees;
    if (index_ok(i, have))
        snprintf(buf, n, "%s:%s", kind, career ? c->careers[i].id : c->degrees[i].id);
    else
        snprintf(buf, n, "%s #%d%s", kind, i, c ? " (missing)" : "");
}

/* The actions whose name is a word alone, whatever their argument. */
static const char *const plain_names[VIEW_ACT_COUNT] = {
    [VIEW_ACT_NONE] = "none",
    [VIEW_ACT_WAKE] = "wake",
    [VIEW_ACT_BACK] = "back",
    [VIEW_ACT_HOME] = "home",
    [VIEW_ACT_ACCESS] = "accessibility",
    [VIEW_ACT_STAY] = "stay",
    [VIEW_ACT_LANGUAGE] = "languages",
    [VIEW_ACT_NOTICE] = "notice",
};

void view_action_name(int action, int arg, const content *c, char *buf, size_t n)
{
    char item[200];
    view_place p;
    if (action >= 0 && action < VIEW_ACT_COUNT && plain_names[action]) {
        snprintf(buf, n, "%s", plain_names[action]);
        return;
    }
    switch (action) {
    case VIEW_ACT_ACCESS_SET:
        if (*view_access_name(arg))
            snprintf(buf, n, "toggle %s", view_access_name(arg));
        else
            snprintf(buf, n, "action %d arg %d", action, arg);
        return;
    case VIEW_ACT_LANGUAGE_SET:
        if (c && arg >= 0 && (size_t)arg < content_language_count(c))
            snprintf(buf, n, "language %s", content_in_language(c, (size_t)arg)->language);
        else
            snprintf(buf, n, "language #%d%s", arg, c ? " (missing)" : "");
        return;
    case VIEW_ACT_ANSWER:
        if (arg < 0)
            snprintf(buf, n, "start the quiz again");
        else
            snprintf(buf, n, "answer %d", arg + 1);
        return;
    case VIEW_ACT_PICK_LEFT:
    case VIEW_ACT_PICK_RIGHT:
        item_name("degree", arg, c, false, item, sizeof item);
        snprintf(buf, n, "pick %s %s", action == VIEW_ACT_PICK_LEFT ? "first" : "second", item);
        return;
    case VIEW_ACT_SPEECH: {
        static const char *const words[VIEW_SPEECH_CONTROL_COUNT] = { "stop", "repeat", "quieter",
                                                                 "louder" };
        if (arg >= 0 && arg < VIEW_SPEECH_CONTROL_COUNT) {
            snprintf(buf, n, "speech %s", words[arg]);
            return;
        }
        break;
    }
    case VIEW_ACT_SIBLING:
        snprintf(buf, n, "%s", arg > 0 ? "next" : "previous");
        return;
    case VIEW_ACT_SCROLL:
        snprintf(buf, n, "%s", arg > 0 ? "page down" : "page up");
        return;
    default:
        break;
    }
    /* Everything else opens a screen: an item's page by the item, any other
     * screen by its bare name (compare opens on its default pair). */
    if (!view_place_for_action(action, arg, &p)) {
        snprintf(buf, n, "action %d arg %d", action, arg);
        return;
    }
    const screen_def *d = row(p.screen);
    if (d->param == VIEW_PARAM_DEGREE || d->param == VIEW_PARAM_CAREER) {
        item_name(d->name, p.a, c, d->param == VIEW_PARAM_CAREER, item, sizeof item);
        snprintf(buf, n, "open %s", item);
    } else if (c && (d->param == VIEW_PARAM_DEGREE_PICK || d->param == VIEW_PARAM_UNFOLD) &&
               view_place_valid(&p, c)) {
        view_place_name(&p, c, item, sizeof item); /* "careers:ID", "today:all" */
        snprintf(buf, n, "screen %s", item);
    } else {
        snprintf(buf, n, "screen %s", d->name);
    }
}

static const char *const access_names[VIEW_ACCESS_COUNT] = {
    "large-text", "high-contrast", "less-motion", "reach", "read-aloud",
};

const char *view_access_name(int choice)
{
    return choice >= 0 && choice < VIEW_ACCESS_COUNT ? access_names[choice] : "";
}

bool view_access_parse(const char *list, unsigned *bits)
{
    unsigned out = 0;
    const char *p = list;
    if (!strcmp(list, "none")) {
        *bits = 0;
        return true;
    }
    while (*p) {
        size_t n = strcspn(p, ",");
        int found = -1;
        for (int i = 0; i < VIEW_ACCESS_COUNT; i++)
            if (strlen(access_names[i]) == n && !strncmp(p, access_names[i], n))
                found = i;
        if (found < 0)
            return false;
        out |= 1u << found;
        p += n;
        if (*p == ',')
            p++;
    }
    *bits = out;
    return true;
}
