/* vocab.c - a content model's words. See vocab.h. */
#include "vocab.h"

#include "strbuf.h"
#include "text.h"

static void add_word(void *ctx, const char *w, size_t n)
{
    strbuf *b = ctx;
    strbuf_add(b, w, n);
    strbuf_add(b, "\n", 1);
}

static void add(strbuf *b, const char *s)
{
    if (s)
        text_words(s, add_word, b);
}

static void add_all(strbuf *b, char *const *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        add(b, v[i]);
}

char *vocab_of(const content *c, size_t *len)
{
    strbuf b = { 0 };
    add(&b, c->title);
    add(&b, c->subtitle);
    add(&b, c->attribution);
    add(&b, c->about);
    add(&b, c->conclusion);
    add(&b, c->awards_intro);
    add(&b, c->careers_note);
    for (size_t i = 0; i < c->n_degrees; i++) {
        const content_degree *d = &c->degrees[i];
        add(&b, d->name);
        add(&b, d->tagline);
        add(&b, d->focus);
        add(&b, d->hands_on);
        add(&b, d->careers_note);
        add_all(&b, d->topics, d->n_topics);
        add_all(&b, d->software, d->n_software);
        for (size_t m = 0; m < d->n_modules; m++) {
            add(&b, d->modules[m].title);
            add(&b, d->modules[m].text);
        }
    }
    for (size_t i = 0; i < c->n_careers; i++) {
        const content_career *r = &c->careers[i];
        add(&b, r->name);
        add(&b, r->summary);
        add(&b, r->description);
        add(&b, r->caveat);
    }
    for (size_t i = 0; i < c->n_awards; i++) {
        const content_award *a = &c->awards[i];
        add(&b, a->short_name);
        add(&b, a->name);
        add(&b, a->summary);
        add_all(&b, a->points, a->n_points);
    }
    for (size_t i = 0; i < c->n_award_rows; i++) {
        add(&b, c->award_rows[i].topic);
        add_all(&b, c->award_rows[i].values, c->n_awards);
    }
    for (size_t i = 0; i < c->n_slides; i++)
        add(&b, c->slides[i].headline);
    for (size_t i = 0; i < c->n_talks; i++) {
        add(&b, c->talks[i].title);
        add(&b, c->talks[i].room);
    }
    for (size_t i = 0; i < c->n_questions; i++) {
        add(&b, c->questions[i].text);
        for (size_t k = 0; k < c->questions[i].n_answers; k++)
            add(&b, c->questions[i].answers[k].text);
    }
    for (size_t i = 0; i < c->n_notices; i++)
        add(&b, c->notices[i].text);
    for (size_t i = 0; i < CONTENT_STR_COUNT; i++)
        add(&b, c->strings[i]);
    /* The other languages' names, as the language picker shows them. */
    for (size_t i = 0; i < content_language_count(c); i++)
        add(&b, content_language_name(c, i));
    *len = b.len;
    return strbuf_take(&b);
}
