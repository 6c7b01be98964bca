/* hyph.c - hyphenation dictionaries, loaded once per language. See hyph.h. */
#include "hyph.h"

#include <ctype.h>
#include <dirent.h>
#include <hyphen.h>
#include <limits.h>
#include <malloc.h>
#include <pthread.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <time.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"
#include "hash.h"

#define HYPH_LANGS 8          /* languages remembered (a kiosk shows one) */
#define HYPH_WORD 256         /* longest word looked up, bytes */
#define HYPH_TABLE_MAX (16u << 20) /* a cache file larger than this is damaged */
#define HYPH_VERSION 1        /* of the table's layout, part of its key */

/* A table: the points of a set of words, compact. The blob is the cache
 * file's bytes as written: a header, then per word its length (2 bytes),
 * its bytes and a bitmap of its points (bit i: a break after byte i), then
 * a checksum of all before it. index holds each word's offset, sorted by
 * word, for a binary search. */
typedef struct {
    unsigned char *blob;
    size_t blob_len;
    uint32_t *index;
    size_t n;
    uint64_t key;
} hyph_table;

#define TABLE_MAGIC "ODHYPH1"  /* 8 bytes with its NUL */
#define TABLE_HEAD 24          /* magic, key (8), n (4), entries' bytes (4) */

/* Under build_mu: the dictionaries the builds so far have read, kept while
 * more builds are queued (variants of one language are links to one file,
 * so a content in de, de-AT and de-CH reads it once, whatever order the
 * threads take the lock in), and how many builds wait. The last build of a
 * queue frees them. */
#define HYPH_KEPT HYPH_LANGS
static pthread_mutex_t build_mu = PTHREAD_MUTEX_INITIALIZER;
/* Guards the counts alone, so that queueing a build or reading the counts
 * never waits for a build under way. */
static pthread_mutex_t count_mu = PTHREAD_MUTEX_INITIALIZER;
static struct {
    char path[PATH_MAX];
    HyphenDict *dict;
} kept[HYPH_KEPT];
static unsigned queued;
static unsigned loads;         /* dictionaries read for tables, ever */
static pthread_mutex_t sort_mu = PTHREAD_MUTEX_INITIALIZER; /* table_blob */
static unsigned builds;        /* tables built */
static unsigned ready;         /* threads done, their result there to take */

/* A dictionary being read on a thread of its own (hyph_prepare). The
 * thread and the hyph share it under the lock until one of them is done
 * with it: the hyph takes the result when it needs it, or, destroyed first,
 * leaves the job to the thread, which then frees it. */
typedef struct {
    char *dir, lang[32];
    char *words;              /* with a table to build: the words, '\n' apart */
    size_t words_len;
    char *cache;              /* where the table is written; NULL: nowhere */
    uint64_t key;
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    HyphenDict *dict;
    hyph_table *table;
    bool done, abandoned;
} hyph_job;

typedef struct {
    char lang[32];
    HyphenDict *dict;         /* NULL: none for this language (logged) */
    hyph_job *job;            /* being read; dict or table comes from it */
    hyph_table *table;        /* prepared: the only answer for this language */
    hyph_table *prev;         /* the table before it, answering while it is built */
    uint64_t key;             /* of the table asked for (hyph_prepare) */
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

static void table_free(hyph_table *t)
{
    if (!t)
        return;
    free(t->blob);
    free(t->index);
    free(t);
}

static void abandon(hyph_lang *slot);

static void slot_clear(hyph_lang *slot)
{
    abandon(slot);
    if (slot->dict)
        hnj_hyphen_free(slot->dict);
    table_free(slot->table);
    table_free(slot->prev);
    memset(slot, 0, sizeof *slot);
}

void hyph_destroy(hyph *h)
{
    if (!h)
        return;
    for (size_t i = 0; i < h->n; i++)
        slot_clear(&h->langs[i]);
    free(h->dir);
    free(h);
}

static bool dic_path(const char *dir, const char *name, char *path, size_t n)
{
    snprintf(path, n, "%s/hyph_%s.dic", dir, name);
    /* hnj_hyphen_load would block on a pipe planted under that name. */
    return file_is_regular(path);
}

/* The first hyph_PREFIX_*.dic in the directory, e.g. hyph_de_DE for "de". */
static bool dic_any(const char *dir, const char *prefix, char *path, size_t n)
{
    DIR *d = opendir(dir);
    if (!d)
        return false;
    char want[64];
    snprintf(want, sizeof want, "hyph_%s_", prefix);
    size_t wl = strlen(want);
    bool found = false;
    struct dirent *e;
    while (!found && (e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l > wl + 4 && !strncmp(e->d_name, want, wl) && !strcmp(e->d_name + l - 4, ".dic")) {
            char name[256];
            snprintf(name, sizeof name, "%.*s", (int)(l - 9), e->d_name + 5);
            found = dic_path(dir, name, path, n);
        }
    }
    closedir(d);
    return found;
}

/* The dictionary file for a language tag ("en", "en-GB", "de_CH"), resolved
 * through links: the variants of a language (de, de_AT, de_CH) are links to
 * one file in Debian's packages, and name one file here. */
static bool dic_for(const char *dir, const char *lang, char *path, size_t n)
{
    char tag[32], base[32], found[PATH_MAX];
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
    bool ok = dic_path(dir, tag, found, sizeof found) ||
              (tag[b] && dic_path(dir, base, found, sizeof found)) ||
              dic_any(dir, base, found, sizeof found);
    if (!ok)
        return false;
    char real[PATH_MAX];
    snprintf(path, n, "%s", realpath(found, real) ? real : found);
    return true;
}

static HyphenDict *load_lang(const char *dir, const char *lang)
{
    char path[PATH_MAX];
    return dic_for(dir, lang, path, sizeof path) ? hnj_hyphen_load(path) : NULL;
}

static void missing(const hyph *h, const char *lang)
{
    fprintf(stderr, "openday: no hyphenation dictionary for language \"%s\" in %s "
                    "(install its hyphen-* package); long words will be broken between "
                    "letters\n", lang, h->dir);
}

/* The dictionary's points for one word (len <= HYPH_WORD): see hyph_points. */
static bool dict_points(HyphenDict *d, const char *s, size_t len, unsigned char *points)
{
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

/* ---- tables ---------------------------------------------------------------- */

static void put32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static void put64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint32_t get32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t get64(const unsigned char *p)
{
    return (uint64_t)get32(p) | (uint64_t)get32(p + 4) << 32;
}

static size_t entry_len(size_t wl)
{
    return 2 + wl + (wl + 7) / 8;
}

static const unsigned char *table_blob; /* for the sort's comparison only */

static int word_cmp(const unsigned char *a, size_t al, const unsigned char *b, size_t bl)
{
    int c = memcmp(a, b, al < bl ? al : bl);
    return c ? c : (al > bl) - (al < bl);
}

static int entry_cmp(const void *x, const void *y)
{
    const unsigned char *a = table_blob + *(const uint32_t *)x;
    const unsigned char *b = table_blob + *(const uint32_t *)y;
    return word_cmp(a + 2, (size_t)(a[0] | a[1] << 8), b + 2, (size_t)(b[0] | b[1] << 8));
}

/* Index a table's entries; false when they do not fill the blob exactly
 * (a damaged file), or a word is listed twice. */
static bool table_index(hyph_table *t)
{
    const unsigned char *end = t->blob + t->blob_len - 8;
    t->index = malloc((t->n ? t->n : 1) * sizeof *t->index);
    if (!t->index)
        return false;
    const unsigned char *p = t->blob + TABLE_HEAD;
    for (size_t i = 0; i < t->n; i++) {
        if (end - p < 2)
            return false;
        size_t wl = (size_t)(p[0] | p[1] << 8);
        if (wl == 0 || wl > HYPH_WORD || (size_t)(end - p) < entry_len(wl))
            return false;
        t->index[i] = (uint32_t)(p - t->blob);
        p += entry_len(wl);
    }
    if (p != end)
        return false;
    /* One sort at a time uses table_blob (qsort has no context argument). */
    pthread_mutex_lock(&sort_mu);
    table_blob = t->blob;
    qsort(t->index, t->n, sizeof *t->index, entry_cmp);
    table_blob = NULL;
    pthread_mutex_unlock(&sort_mu);
    for (size_t i = 1; i < t->n; i++) {
        const unsigned char *a = t->blob + t->index[i - 1], *b = t->blob + t->index[i];
        if (!word_cmp(a + 2, (size_t)(a[0] | a[1] << 8), b + 2, (size_t)(b[0] | b[1] << 8)))
            return false;
    }
    return true;
}

static const unsigned char *table_find(const hyph_table *t, const char *s, size_t len)
{
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const unsigned char *e = t->blob + t->index[mid];
        int c = word_cmp(e + 2, (size_t)(e[0] | e[1] << 8), (const unsigned char *)s, len);
        if (!c)
            return e;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* A table from a cache file's bytes (taken over), or NULL when they are not
 * one for key. */
static hyph_table *table_from(unsigned char *blob, size_t len, uint64_t key)
{
    hyph_table *t = NULL;
    if (len < TABLE_HEAD + 8 || memcmp(blob, TABLE_MAGIC, 8) || get64(blob + 8) != key ||
        (size_t)get32(blob + 20) != len - TABLE_HEAD - 8 ||
        get64(blob + len - 8) != od_hash(OD_HASH_SEED, blob, len - 8))
        goto bad;
    t = calloc(1, sizeof *t);
    if (!t)
        goto bad;
    t->blob = blob;
    t->blob_len = len;
    t->n = get32(blob + 16);
    t->key = key;
    if (t->n > len || !table_index(t)) {
        table_free(t);
        return NULL;
    }
    return t;
bad:
    free(blob);
    return NULL;
}

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Hyphenate each distinct word of words ('\n' apart) with d: the table. */
static hyph_table *table_build(HyphenDict *d, char *words, size_t len, uint64_t key)
{
    size_t n = 0, cap = 0, bytes = 0;
    char **list = NULL;
    for (char *w = words, *end = words + len; w < end;) {
        char *nl = memchr(w, '\n', (size_t)(end - w));
        if (!nl)
            nl = end;
        *nl = '\0';
        size_t wl = (size_t)(nl - w);
        if (wl > 0 && wl <= HYPH_WORD) {
            if (n == cap) {
                char **more = realloc(list, (cap = cap ? 2 * cap : 256) * sizeof *list);
                if (!more) {
                    free(list);
                    return NULL;
                }
                list = more;
            }
            list[n++] = w;
        }
        w = nl + 1;
    }
    qsort(list, n, sizeof *list, str_cmp);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (!u || strcmp(list[u - 1], list[i]))
            list[u++] = list[i];
    for (size_t i = 0; i < u; i++)
        bytes += entry_len(strlen(list[i]));
    size_t blen = TABLE_HEAD + bytes + 8;
    unsigned char *blob = calloc(1, blen);
    if (!blob) {
        free(list);
        return NULL;
    }
    memcpy(blob, TABLE_MAGIC, 8);
    put64(blob + 8, key);
    put32(blob + 16, (uint32_t)u);
    put32(blob + 20, (uint32_t)bytes);
    unsigned char *p = blob + TABLE_HEAD, pts[HYPH_WORD];
    for (size_t i = 0; i < u; i++) {
        size_t wl = strlen(list[i]);
        p[0] = (unsigned char)wl;
        p[1] = (unsigned char)(wl >> 8);
        memcpy(p + 2, list[i], wl);
        if (dict_points(d, list[i], wl, pts))
            for (size_t k = 0; k < wl; k++)
                if (pts[k])
                    p[2 + wl + k / 8] |= (unsigned char)(1u << (k % 8));
        p += entry_len(wl);
    }
    free(list);
    put64(blob + blen - 8, od_hash(OD_HASH_SEED, blob, blen - 8));
    return table_from(blob, blen, key);
}

/* The table's key: what its points depend on, the format, the dictionary
 * (which file, its size and time) and the words. */
static bool table_key(const char *dir, const char *lang, const char *words, size_t len,
                      uint64_t *key)
{
    char path[PATH_MAX];
    struct stat st;
    if (!dic_for(dir, lang, path, sizeof path) || stat(path, &st) != 0)
        return false;
    uint64_t k = od_hash(OD_HASH_SEED, "v", 1);
    unsigned v = HYPH_VERSION;
    long long size = (long long)st.st_size, mt = (long long)st.st_mtime;
    k = od_hash(k, &v, sizeof v);
    k = od_hash(k, path, strlen(path) + 1);
    k = od_hash(k, &size, sizeof size);
    k = od_hash(k, &mt, sizeof mt);
    *key = od_hash(k, words, len);
    return true;
}

/* ---- reading on a thread ------------------------------------------------------ */

static void job_free(hyph_job *j)
{
    pthread_mutex_destroy(&j->mu);
    pthread_cond_destroy(&j->cv);
    free(j->dir);
    free(j->words);
    free(j->cache);
    free(j);
}

/* Build a table from the dictionary, which is then dropped: one at a time
 * (the build lock), so variants of a language and languages prepared
 * together never hold two dictionaries at once. */
static hyph_table *job_table(hyph_job *j)
{
    char path[PATH_MAX];
    bool found = dic_for(j->dir, j->lang, path, sizeof path), read = false;
    pthread_mutex_lock(&build_mu);
    struct timespec t0, t1;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t0);
    pthread_mutex_lock(&count_mu);
    queued--;
    pthread_mutex_unlock(&count_mu);
    HyphenDict *d = NULL;
    size_t free_at = HYPH_KEPT - 1;
    for (size_t i = 0; found && i < HYPH_KEPT && !d; i++) {
        if (kept[i].dict && !strcmp(kept[i].path, path))
            d = kept[i].dict;
        else if (!kept[i].dict)
            free_at = i;
    }
    if (found && !d) {
        if (kept[free_at].dict)
            hnj_hyphen_free(kept[free_at].dict);
        d = kept[free_at].dict = hnj_hyphen_load(path);
        snprintf(kept[free_at].path, sizeof kept[free_at].path, "%s", path);
        read = true;
    }
    hyph_table *t = NULL;
    if (d)
        t = table_build(d, j->words, j->words_len, j->key);
    pthread_mutex_lock(&count_mu);
    loads += read;
    builds += d != NULL;
    bool last = queued == 0;
    pthread_mutex_unlock(&count_mu);
    for (size_t i = 0; last && i < HYPH_KEPT; i++) {
        if (kept[i].dict)
            hnj_hyphen_free(kept[i].dict);
        kept[i].dict = NULL;
    }
    pthread_mutex_unlock(&build_mu);
    /* The dictionary's tens of MiB were many small blocks: give the pages
     * back, or the kiosk keeps them for the rest of its run. */
    if (last)
        malloc_trim(0);
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t1);
    /* Said once per content and language, with its cost: the start-up work
     * a bench and a maintainer look for. */
    if (t)
        fprintf(stderr, "openday: hyphenation table for %s: %zu words, built in %.0f ms of CPU "
                        "(%s)\n", j->lang, t->n,
                (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6,
                read ? "dictionary read" : "dictionary shared with a language before");
    if (t && j->cache) {
        int e = file_write_atomic(j->cache, (const char *)t->blob, t->blob_len);
        if (e)
            fprintf(stderr, "openday: writing the hyphenation table %s failed: %s "
                            "(it is made again at the next start)\n", j->cache, strerror(e));
    }
    return t;
}

static void *load_thread(void *arg)
{
    hyph_job *j = arg;
    /* The frame loop comes first: on a Pi with a core to spare this changes
     * nothing, on a busy machine the table waits, not the visitor. Linux
     * gives each thread its own nice value; where it cannot be set, the
     * build runs as before. */
    (void)setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 10);
    HyphenDict *d = NULL;
    hyph_table *t = NULL;
    if (j->words)
        t = job_table(j);
    else
        d = load_lang(j->dir, j->lang);
    pthread_mutex_lock(&j->mu);
    j->dict = d;
    j->table = t;
    j->done = true;
    bool left = j->abandoned;
    pthread_cond_signal(&j->cv);
    pthread_mutex_unlock(&j->mu);
    /* Counted after `done`: whoever sees the count grow finds it done. */
    pthread_mutex_lock(&count_mu);
    ready++;
    pthread_mutex_unlock(&count_mu);
    if (left) {
        if (d)
            hnj_hyphen_free(d);
        table_free(t);
        job_free(j);
    }
    return NULL;
}

/* Take a slot's dictionary or table from its thread, waiting only if it is
 * still reading. */
static void settle(const hyph *h, hyph_lang *slot)
{
    hyph_job *j = slot->job;
    if (!j)
        return;
    pthread_mutex_lock(&j->mu);
    while (!j->done)
        pthread_cond_wait(&j->cv, &j->mu);
    slot->dict = j->dict;
    slot->table = j->table;
    pthread_mutex_unlock(&j->mu);
    pthread_join(j->thread, NULL);
    job_free(j);
    slot->job = NULL;
    if (!slot->dict && !slot->table)
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
        slot->table = j->table;
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
 * once): its own, emptied, or a new one, or the last when all are taken. */
static hyph_lang *new_slot(hyph *h, const char *lang)
{
    hyph_lang *slot = find(h, lang);
    if (!slot)
        slot = &h->langs[h->n < HYPH_LANGS ? h->n++ : HYPH_LANGS - 1];
    slot_clear(slot);
    snprintf(slot->lang, sizeof slot->lang, "%s", lang);
    return slot;
}

static hyph_job *job_new(const hyph *h, const char *lang)
{
    hyph_job *j = calloc(1, sizeof *j);
    if (!j)
        return NULL;
    j->dir = strdup(h->dir);
    if (!j->dir) {
        free(j);
        return NULL;
    }
    snprintf(j->lang, sizeof j->lang, "%s", lang);
    pthread_mutex_init(&j->mu, NULL);
    pthread_cond_init(&j->cv, NULL);
    return j;
}

/* Run j on a thread of its own for slot; without one, at once. */
static void job_start(const hyph *h, hyph_lang *slot, hyph_job *j)
{
    if (j->words) {
        pthread_mutex_lock(&count_mu);
        queued++;
        pthread_mutex_unlock(&count_mu);
    }
    if (pthread_create(&j->thread, NULL, load_thread, j) == 0) {
        slot->job = j;
        return;
    }
    /* No thread to spare: do it now, as hyphenation would. */
    if (j->words)
        slot->table = job_table(j);
    else
        slot->dict = load_lang(j->dir, j->lang);
    job_free(j);
    if (!slot->dict && !slot->table)
        missing(h, slot->lang);
}

static HyphenDict *dict_for(hyph *h, const char *lang, hyph_table **table)
{
    hyph_lang *slot = find(h, lang);
    if (slot) {
        /* New words after a save: the table before answers until the new
         * one is built, so a visitor in that language never waits for a
         * dictionary (a word new with the save gets no points meanwhile). */
        if (slot->prev && slot->job) {
            pthread_mutex_lock(&slot->job->mu);
            bool done = slot->job->done;
            pthread_mutex_unlock(&slot->job->mu);
            if (!done) {
                *table = slot->prev;
                return NULL;
            }
        }
        /* A table still being built answers nothing yet rather than keep
         * the frame loop waiting (a first start on a busy machine, or on a
         * Pi 3, builds for seconds): the words wrap without hyphens until
         * it is done, and the kiosk then wraps them again (hyph_stats'
         * ready count tells it when). */
        if (slot->job) {
            pthread_mutex_lock(&slot->job->mu);
            bool done = slot->job->done;
            pthread_mutex_unlock(&slot->job->mu);
            if (!done)
                return NULL;
        }
        settle(h, slot); /* done: takes the result without waiting */
        table_free(slot->prev);
        slot->prev = NULL;
        *table = slot->table;
        return slot->dict;
    }
    slot = new_slot(h, lang);
    slot->dict = load_lang(h->dir, lang);
    if (!slot->dict)
        missing(h, lang);
    *table = NULL;
    return slot->dict;
}

void hyph_prepare(void *ctx, const char *lang, const char *words, size_t len,
                  const char *cache_dir)
{
    hyph *h = ctx;
    if (!h)
        return;
    if (!lang || !*lang)
        lang = "en";
    hyph_lang *slot = find(h, lang);
    if (!words) {
        if (slot)
            return;
        slot = new_slot(h, lang);
        hyph_job *j = job_new(h, lang);
        if (j)
            job_start(h, slot, j);
        return;
    }
    uint64_t key;
    if (!table_key(h->dir, lang, words, len, &key)) {
        if (!slot || slot->key || slot->dict || slot->table || slot->job) {
            slot = new_slot(h, lang);
            missing(h, lang);
        }
        return;
    }
    if (slot && slot->key == key)
        return; /* the same words, the same dictionary: nothing to do */
    /* The table in use (or the one still answering for it) stays until the
     * new one is ready. */
    hyph_table *prev = NULL;
    if (slot && slot->prev && slot->job) {
        prev = slot->prev;
        slot->prev = NULL;
    } else if (slot && slot->table) {
        prev = slot->table;
        slot->table = NULL;
    }
    slot = new_slot(h, lang);
    slot->key = key;
    slot->prev = prev;
    char cache[PATH_MAX] = "";
    if (cache_dir && *cache_dir)
        snprintf(cache, sizeof cache, "%s/hyph-%.24s.table", cache_dir, lang);
    if (*cache) {
        char *blob = NULL;
        size_t blen = 0;
        if (file_read_own(cache, HYPH_TABLE_MAX, &blob, &blen, NULL) == 0) {
            slot->table = table_from((unsigned char *)blob, blen, key);
            if (slot->table) {
                fprintf(stderr, "openday: hyphenation table for %s: %zu words, read from %s\n",
                        lang, slot->table->n, cache);
                table_free(slot->prev);
                slot->prev = NULL;
                return;
            }
            /* Another content's table, or a damaged one: made again. */
        }
    }
    hyph_job *j = job_new(h, lang);
    if (!j)
        return;
    j->key = key;
    j->words = malloc(len + 1);
    j->cache = *cache ? strdup(cache) : NULL;
    if (!j->words || (*cache && !j->cache)) {
        job_free(j);
        return;
    }
    memcpy(j->words, words, len);
    j->words[len] = '\0';
    j->words_len = len;
    job_start(h, slot, j);
}

bool hyph_points(void *ctx, const char *lang, const char *s, size_t len, unsigned char *points)
{
    hyph *h = ctx;
    if (!h || len == 0 || len > HYPH_WORD)
        return false;
    if (!lang || !*lang)
        lang = "en";
    hyph_table *t = NULL;
    HyphenDict *d = dict_for(h, lang, &t);
    if (t) {
        const unsigned char *e = table_find(t, s, len);
        if (!e)
            return false;
        for (size_t i = 0; i < len; i++)
            points[i] = (e[2 + len + i / 8] >> (i % 8)) & 1u;
        return true;
    }
    return d && dict_points(d, s, len, points);
}

void hyph_wait(hyph *h)
{
    for (size_t i = 0; h && i < h->n; i++) {
        hyph_lang *slot = &h->langs[i];
        settle(h, slot);
        table_free(slot->prev);
        slot->prev = NULL;
    }
}

void hyph_get_stats(const hyph *h, hyph_stats *out)
{
    memset(out, 0, sizeof *out);
    pthread_mutex_lock(&count_mu);
    out->builds = builds;
    out->loads = loads;
    out->ready = ready;
    pthread_mutex_unlock(&count_mu);
    for (size_t i = 0; h && i < h->n; i++) {
        const hyph_lang *l = &h->langs[i];
        if (l->dict)
            out->dictionaries++;
        if (l->table) {
            out->tables++;
            out->words += l->table->n;
            out->table_bytes += l->table->blob_len + l->table->n * sizeof *l->table->index;
        }
    }
}
