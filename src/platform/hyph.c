/* hyph.c - hyphenation dictionaries, loaded once per language. See hyph.h. */
#include "hyph.h"

#include <ctype.h>
#include <dirent.h>
#include <hyphen.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"

#define HYPH_LANGS 8          /* languages remembered (a kiosk shows one) */
#define HYPH_WORD 256         /* longest word looked up, bytes */

/* A dictionary being read on a thread of its own (hyph_prepare). The
 * thread and the hyph share it under the lock until one of them is done
 * with it: the hyph takes the result when it needs it, or, destroyed first,
 * leaves the job to the thread, which then frees it. */
typedef struct {
    char *dir, lang[32];
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    HyphenDict *dict;
    bool done, abandoned;
} hyph_job;

typedef struct {
    char lang[32];
    HyphenDict *dict;         /* NULL: none for this language (logged) */
    hyph_job *job;            /* being read; dict comes from it */
} hyph_lang;

struct hyph {
    char *dir;
    hyph_lang langs[HYPH_LANGS];
    size_t n;
};

hyph *hyph_create(const char *dir)
{
    hyph *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    h->dir = strdup(dir ? dir : "/usr/share/hyphen");
    if (!h->dir) {
        free(h);
        return NULL;
    }
    return h;
}

static void settle(const hyph *h, hyph_lang *slot);
static void abandon(hyph_lang *slot);

void hyph_destroy(hyph *h)
{
    if (!h)
        return;
    for (size_t i = 0; i < h->n; i++) {
        abandon(&h->langs[i]);
        if (h->langs[i].dict)
            hnj_hyphen_free(h->langs[i].dict);
    }
    free(h->dir);
    free(h);
}

static HyphenDict *load(const char *dir, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/hyph_%s.dic", dir, name);
    /* hnj_hyphen_load would block on a pipe planted under that name. */
    return file_is_regular(path) ? hnj_hyphen_load(path) : NULL;
}

/* The first hyph_PREFIX_*.dic in the directory, e.g. hyph_de_DE for "de". */
static HyphenDict *load_any(const char *dir, const char *prefix)
{
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    char want[64];
    snprintf(want, sizeof want, "hyph_%s_", prefix);
    size_t wl = strlen(want);
    HyphenDict *dict = NULL;
    struct dirent *e;
    while (!dict && (e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (n > wl + 4 && !strncmp(e->d_name, want, wl) && !strcmp(e->d_name + n - 4, ".dic")) {
            char name[256];
            snprintf(name, sizeof name, "%.*s", (int)(n - 9), e->d_name + 5);
            dict = load(dir, name);
        }
    }
    closedir(d);
    return dict;
}

/* Load the dictionary for a language tag ("en", "en-GB", "de_CH"). */
static HyphenDict *load_lang(const char *dir, const char *lang)
{
    char tag[32], base[32];
    size_t i = 0;
    for (; lang[i] && i + 1 < sizeof tag; i++)
        tag[i] = lang[i] == '-' ? '_' : lang[i];
    tag[i] = '\0';
    /* Tags are case-insensitive; file names are hyph_ll_CC. */
    size_t b = 0;
    while (tag[b] && tag[b] != '_') {
        tag[b] = (char)tolower((unsigned char)tag[b]);
        b++;
    }
    for (size_t k = b; tag[k]; k++)
        tag[k] = (char)toupper((unsigned char)tag[k]);
    memcpy(base, tag, b);
    base[b] = '\0';
    HyphenDict *d = load(dir, tag);
    if (!d && tag[b])
        d = load(dir, base);
    if (!d)
        d = load_any(dir, base);
    return d;
}

static void missing(const hyph *h, const char *lang)
{
    fprintf(stderr, "openday: no hyphenation dictionary for language \"%s\" in %s "
                    "(install its hyphen-* package); long words will be broken between "
                    "letters\n", lang, h->dir);
}

static void job_free(hyph_job *j)
{
    pthread_mutex_destroy(&j->mu);
    pthread_cond_destroy(&j->cv);
    free(j->dir);
    free(j);
}

static void *load_thread(void *arg)
{
    hyph_job *j = arg;
    HyphenDict *d = load_lang(j->dir, j->lang);
    pthread_mutex_lock(&j->mu);
    j->dict = d;
    j->done = true;
    bool left = j->abandoned;
    pthread_cond_signal(&j->cv);
    pthread_mutex_unlock(&j->mu);
    if (left) {
        if (d)
            hnj_hyphen_free(d);
        job_free(j);
    }
    return NULL;
}

/* Take a slot's dictionary from its thread, waiting only if it is still
 * reading. */
static void settle(const hyph *h, hyph_lang *slot)
{
    hyph_job *j = slot->job;
    if (!j)
        return;
    pthread_mutex_lock(&j->mu);
    while (!j->done)
        pthread_cond_wait(&j->cv, &j->mu);
    slot->dict = j->dict;
    pthread_mutex_unlock(&j->mu);
    pthread_join(j->thread, NULL);
    job_free(j);
    slot->job = NULL;
    if (!slot->dict)
        missing(h, slot->lang);
}

/* Let go of a slot's thread without waiting for it: a kiosk that stops does
 * not wait seconds for a dictionary nobody will use. */
static void abandon(hyph_lang *slot)
{
    hyph_job *j = slot->job;
    if (!j)
        return;
    slot->job = NULL;
    pthread_mutex_lock(&j->mu);
    bool done = j->done;
    if (!done)
        j->abandoned = true;
    pthread_mutex_unlock(&j->mu);
    if (done) {
        pthread_join(j->thread, NULL);
        slot->dict = j->dict;
        job_free(j);
    } else {
        pthread_detach(j->thread);
    }
}

static hyph_lang *find(hyph *h, const char *lang)
{
    for (size_t i = 0; i < h->n; i++)
        if (!strcmp(h->langs[i].lang, lang))
            return &h->langs[i];
    return NULL;
}

/* A slot for lang (remembered either way, so a missing file is looked for
 * once): a new one, or the last when all are taken. */
static hyph_lang *new_slot(hyph *h, const char *lang)
{
    hyph_lang *slot = &h->langs[h->n < HYPH_LANGS ? h->n++ : HYPH_LANGS - 1];
    abandon(slot);
    if (slot->dict)
        hnj_hyphen_free(slot->dict);
    memset(slot, 0, sizeof *slot);
    snprintf(slot->lang, sizeof slot->lang, "%s", lang);
    return slot;
}

static HyphenDict *dict_for(hyph *h, const char *lang)
{
    if (!lang || !*lang)
        lang = "en";
    hyph_lang *slot = find(h, lang);
    if (slot) {
        settle(h, slot); /* blocks only if asked for before its thread is done */
        return slot->dict;
    }
    slot = new_slot(h, lang);
    slot->dict = load_lang(h->dir, lang);
    if (!slot->dict)
        missing(h, lang);
    return slot->dict;
}

void hyph_prepare(void *ctx, const char *lang)
{
    hyph *h = ctx;
    if (!h)
        return;
    if (!lang || !*lang)
        lang = "en";
    if (find(h, lang))
        return;
    hyph_lang *slot = new_slot(h, lang);
    hyph_job *j = calloc(1, sizeof *j);
    if (j && (j->dir = strdup(h->dir)) != NULL) {
        snprintf(j->lang, sizeof j->lang, "%s", slot->lang);
        pthread_mutex_init(&j->mu, NULL);
        pthread_cond_init(&j->cv, NULL);
        if (pthread_create(&j->thread, NULL, load_thread, j) == 0) {
            slot->job = j;
            return;
        }
        job_free(j);
        j = NULL;
    }
    free(j);
    /* No thread (or memory) to spare: read it now, as hyphenation would. */
    slot->dict = load_lang(h->dir, lang);
    if (!slot->dict)
        missing(h, lang);
}

bool hyph_points(void *ctx, const char *lang, const char *s, size_t len, unsigned char *points)
{
    hyph *h = ctx;
    if (!h || len == 0 || len > HYPH_WORD)
        return false;
    HyphenDict *d = dict_for(h, lang);
    if (!d)
        return false;
    /* The patterns are written in lower case. Only ASCII is folded: byte
     * lengths stay the same, and capitals elsewhere are rare in long words. */
    char word[HYPH_WORD + 1];
    for (size_t i = 0; i < len; i++)
        word[i] = (char)tolower((unsigned char)s[i]);
    word[len] = '\0';
    char hyphens[HYPH_WORD + 5];
    char **rep = NULL;
    int *pos = NULL, *cut = NULL;
    int lh = d->lhmin > 2 ? d->lhmin : 2, rh = d->rhmin > 2 ? d->rhmin : 2;
    int rc = hnj_hyphen_hyphenate3(d, word, (int)len, hyphens, NULL, &rep, &pos, &cut, lh, rh,
                                   d->clhmin, d->crhmin);
    memset(points, 0, len);
    /* With a UTF-8 dictionary the answer is per character, not per byte:
     * hyphens[j] tells of the end of the j-th character. */
    size_t j = 0;
    for (size_t i = 0; rc == 0 && i < len; j++) {
        size_t e = i + 1;
        while (d->utf8 && e < len && ((unsigned char)s[e] & 0xC0u) == 0x80u)
            e++;
        /* A point with a spelling change (rep) cannot be drawn as a plain
         * hyphen: left out. */
        if ((hyphens[d->utf8 ? j : e - 1] & 1) && !(rep && rep[d->utf8 ? j : e - 1]))
            points[e - 1] = 1;
        i = e;
    }
    if (rep) {
        for (size_t k = 0; k < len; k++)
            free(rep[k]);
        free(rep);
    }
    free(pos);
    free(cut);
    return rc == 0;
}
