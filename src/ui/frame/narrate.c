/* narrate.c - a frame's account read aloud. See narrate.h for the rules. */
#include "narrate.h"
#include "strbuf.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define NONE ((size_t)-1)

/* A run of joined lines, and the target it belongs to (NONE: plain text). */
typedef struct {
    char *text;
    size_t owner;
    od_rect first;   /* the first line's box: "drawn at the same place" */
    od_rect all;     /* every line's box */
} para;

typedef struct {
    para *p;
    size_t n;
    bool bad;
} paras;

void narrate_words_default(narrate_words *w)
{
    w->button = "button";
    w->unavailable = "unavailable";
    w->again = "Tap again to open.";
}

void narrate_free(char *s)
{
    free(s);
}

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n')
            return false;
    return true;
}

static bool contains(od_rect r, float x, float y)
{
    return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

/* A target holding the centre of every line is the backdrop (a touch
 * anywhere wakes the attract loop): it names nothing. */
static bool backdrop(const dump_account *a, size_t h)
{
    size_t in = 0, all = 0;
    for (size_t i = 0; i < a->nlines; i++) {
        const dump_line *l = &a->lines[i];
        if (l->overlay != a->hits[h].overlay)
            continue;
        all++;
        in += contains(a->hits[h].rect, l->rect.x + l->rect.w / 2, l->rect.y + l->rect.h / 2);
    }
    return all > 1 && in == all;
}

/* The smallest target (of the line's layer and clip, not a backdrop)
 * holding the line's centre. The clip matters for a line scrolled out of
 * view: the controls drawn where it would be are not its targets. */
static size_t owner_of(const dump_account *a, const dump_line *l, const bool *is_backdrop)
{
    float cx = l->rect.x + l->rect.w / 2, cy = l->rect.y + l->rect.h / 2;
    size_t best = NONE;
    float area = INFINITY;
    for (size_t h = 0; h < a->nhits; h++) {
        const dump_hit *t = &a->hits[h];
        if (is_backdrop[h] || t->overlay != l->overlay || t->clip != l->clip ||
            !contains(t->rect, cx, cy))
            continue;
        if (t->rect.w * t->rect.h < area) {
            area = t->rect.w * t->rect.h;
            best = h;
        }
    }
    return best;
}

/* Does line b continue line a's paragraph? */
static bool continues(const dump_line *a, size_t oa, const dump_line *b, size_t ob)
{
    if (oa != ob || a->font != b->font || fabsf(a->px - b->px) > 0.5f)
        return false;
    float h = a->rect.h, gap = b->rect.y - (a->rect.y + a->rect.h);
    if (b->rect.y < a->rect.y + 0.5f * h || gap > h / 6.0f)
        return false;
    float tol = 0.5f * h;
    return fabsf(b->rect.x - a->rect.x) <= tol ||
           fabsf((b->rect.x + b->rect.w / 2) - (a->rect.x + a->rect.w / 2)) <= tol ||
           fabsf((b->rect.x + b->rect.w) - (a->rect.x + a->rect.w)) <= tol;
}

static bool letter_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Append line text to a paragraph, joining a word that wrapping split. */
static void join_line(strbuf *b, const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\n')) {
        s++;
        n--;
    }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n'))
        n--;
    if (b->len) {
        unsigned char first = (unsigned char)s[0];
        bool lower = (first >= 'a' && first <= 'z') || first >= 0x80;
        bool split = b->len >= 2 && b->s[b->len - 1] == '-' &&
                     letter_byte((unsigned char)b->s[b->len - 2]) && letter_byte(first);
        if (split && lower)
            b->s[--b->len] = '\0'; /* a word the wrapping hyphenated */
        else if (!split)
            strbuf_add(b, " ", 1);      /* (a compound broken at its hyphen stays one) */
    }
    strbuf_add(b, s, n);
}

static void paras_free(paras *ps)
{
    for (size_t i = 0; i < ps->n; i++)
        free(ps->p[i].text);
    free(ps->p);
}

static od_rect unite(od_rect a, od_rect b)
{
    float x0 = fminf(a.x, b.x), y0 = fminf(a.y, b.y);
    float x1 = fmaxf(a.x + a.w, b.x + b.w), y1 = fmaxf(a.y + a.h, b.y + b.h);
    return (od_rect){ x0, y0, x1 - x0, y1 - y0 };
}

/* The account's readable lines as paragraphs, in drawing order. */
static paras paragraphs(const dump_account *a)
{
    paras ps = { calloc(a->nlines ? a->nlines : 1, sizeof(para)), 0, false };
    bool *bd = calloc(a->nhits ? a->nhits : 1, sizeof *bd);
    if (!ps.p || !bd) {
        free(bd);
        ps.bad = true;
        return ps;
    }
    for (size_t h = 0; h < a->nhits; h++)
        bd[h] = backdrop(a, h);
    strbuf b = { 0 };
    const dump_line *prev = NULL;
    size_t prev_owner = NONE;
    for (size_t i = 0; i <= a->nlines; i++) {
        const dump_line *l = i < a->nlines ? &a->lines[i] : NULL;
        if (l && (!l->shown || l->overlay || blank(l->text, l->len)))
            continue;
        size_t o = l ? owner_of(a, l, bd) : NONE;
        if (l && prev && continues(prev, prev_owner, l, o)) {
            join_line(&b, l->text, l->len);
            ps.p[ps.n - 1].all = unite(ps.p[ps.n - 1].all, l->rect);
        } else {
            if (prev) {
                ps.p[ps.n - 1].text = strbuf_take(&b);
                if (!ps.p[ps.n - 1].text)
                    ps.bad = true;
                memset(&b, 0, sizeof b);
            }
            if (l) {
                ps.p[ps.n++] = (para){ NULL, o, l->rect, l->rect };
                join_line(&b, l->text, l->len);
            }
        }
        prev = l;
        prev_owner = o;
    }
    free(b.s);
    free(bd);
    return ps;
}

static bool same_place(od_rect a, od_rect b)
{
    return fabsf(a.x - b.x) < 2 && fabsf(a.y - b.y) < 2;
}

/* Said already: the same text drawn at the same place, or just before. */
static bool repeated(const paras *ps, size_t i, size_t last_said)
{
    const para *p = &ps->p[i];
    if (last_said != NONE && !strcmp(ps->p[last_said].text, p->text))
        return true;
    for (size_t k = 0; k < i; k++)
        if (same_place(ps->p[k].first, p->first) && !strcmp(ps->p[k].text, p->text))
            return true;
    return false;
}

/* A full stop unless the text already closes. */
static void close_sentence(strbuf *b)
{
    if (b->failed || !b->len)
        return;
    char c = b->s[b->len - 1];
    if (c != '.' && c != '!' && c != '?' && c != ':' && c != ';')
        strbuf_add(b, ".", 1);
}

static void role(strbuf *b, const dump_hit *h, const narrate_words *w)
{
    if (b->len)
        strbuf_str(b, ", ");
    strbuf_str(b, w->button);
    if (!h->enabled) {
        strbuf_str(b, ", ");
        strbuf_str(b, w->unavailable);
    }
}

static bool skipped(const char *name, const char *const *skip)
{
    for (size_t i = 0; skip && skip[i]; i++)
        if (!strcmp(skip[i], name))
            return true;
    return false;
}

char *narrate_screen(const dump_account *a, const narrate_words *w, const char *const *skip)
{
    paras ps = paragraphs(a);
    strbuf b = { 0 };
    size_t last = NONE;
    for (size_t i = 0; !ps.bad && i < ps.n; i++) {
        para *p = &ps.p[i];
        if (p->owner != NONE && skipped(a->hits[p->owner].name, skip))
            continue;
        if (repeated(&ps, i, last))
            continue;
        if (b.len)
            strbuf_add(&b, " ", 1);
        strbuf_str(&b, p->text);
        last = i;
        if (p->owner != NONE) {
            /* The target's further paragraphs, then its role. */
            while (i + 1 < ps.n && ps.p[i + 1].owner == p->owner) {
                i++;
                if (!repeated(&ps, i, last)) {
                    strbuf_str(&b, ", ");
                    strbuf_str(&b, ps.p[i].text);
                    last = i;
                }
            }
            role(&b, &a->hits[p->owner], w);
        }
        close_sentence(&b);
    }
    bool bad = ps.bad;
    paras_free(&ps);
    if (bad) {
        strbuf_deinit(&b);
        return NULL;
    }
    return strbuf_take(&b);
}

/* The item of target h from the paragraphs. */
static char *item_of(const dump_account *a, const paras *ps, size_t h, const narrate_words *w)
{
    strbuf b = { 0 };
    size_t last = NONE;
    for (size_t i = 0; i < ps->n; i++) {
        if (ps->p[i].owner != h || repeated(ps, i, last))
            continue;
        if (b.len)
            strbuf_str(&b, ", ");
        strbuf_str(&b, ps->p[i].text);
        last = i;
    }
    role(&b, &a->hits[h], w);
    close_sentence(&b);
    if (a->hits[h].enabled && w->again && *w->again) {
        strbuf_add(&b, " ", 1);
        strbuf_str(&b, w->again);
    }
    if (!b.len) { /* nothing to say: no words at all, as no text */
        strbuf_deinit(&b);
        return NULL;
    }
    return strbuf_take(&b);
}

char *narrate_item(const dump_account *a, size_t hit, const narrate_words *w)
{
    if (hit >= a->nhits)
        return NULL;
    paras ps = paragraphs(a);
    char *s = ps.bad ? NULL : item_of(a, &ps, hit, w);
    paras_free(&ps);
    return s;
}

char *narrate_at(const dump_account *a, float x, float y, const narrate_words *w, size_t *hit)
{
    *hit = NONE;
    for (size_t h = a->nhits; h-- > 0;)
        if (a->hits[h].enabled && contains(a->hits[h].rect, x, y)) {
            *hit = h;
            return narrate_item(a, h, w);
        }
    paras ps = paragraphs(a);
    char *s = NULL;
    for (size_t i = 0; !ps.bad && i < ps.n && !s; i++)
        if (contains(ps.p[i].all, x, y)) {
            strbuf b = { 0 };
            strbuf_str(&b, ps.p[i].text);
            close_sentence(&b);
            s = strbuf_take(&b);
        }
    paras_free(&ps);
    return s;
}

size_t narrate_find(const dump_account *a, uint32_t id)
{
    for (size_t h = 0; h < a->nhits; h++)
        if (a->hits[h].id == id && a->hits[h].action >= 0)
            return h;
    return NONE;
}
