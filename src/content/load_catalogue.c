/* load_catalogue.c - the loaders of the catalogue: careers.json,
 * awards.json and degrees.json, the lists of entries with ids that the
 * other files refer to, and attract.json, the playlist made of them. See
 * load_catalogue.h. */
#include "load_catalogue.h"
#include "qr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The web address of an entry as a browser sends it: its own "url", else
 * url_base (already encoded) + id (ASCII). Reported (false) when it is not
 * http(s), holds an invisible character or is too long for its QR code;
 * *out is then "". A base address too long with this id is reported at the
 * id. */
static bool entry_url(jfile *f, const content *c, const cJSON *e, const char *p,
                      const char *id, char **out)
{
    const cJSON *url = jfile_plain(f, e, "url", p, false);
    char q[128];
    snprintf(q, sizeof q, "%s.url", p);
    if (url) {
        *out = jfile_url(f, url, q, true);
        if (*out)
            return true;
        *out = jfile_strdup("");
        return false;
    }
    if (cJSON_GetObjectItemCaseSensitive(e, "url")) {
        *out = jfile_strdup("");
        return false; /* not text: jfile_plain said so */
    }
    if (!c->url_base || !*c->url_base || !*id) {
        *out = jfile_strdup("");
        return true;
    }
    size_t n = strlen(c->url_base) + strlen(id) + 1;
    *out = malloc(n);
    if (!*out)
        abort();
    snprintf(*out, n, "%s%s", c->url_base, id);
    if (qr_fits(*out))
        return true;
    snprintf(q, sizeof q, "%s.id", p);
    jfile_problem(f, cJSON_GetObjectItemCaseSensitive(e, "id"), false, q,
                  "the web address \"%s\" (url_base and this id) is too long for a QR code a phone "
                  "reads from the screen (at most %zu characters); shorten url_base or give this "
                  "entry a shorter \"url\"", *out, qr_max_bytes());
    free(*out);
    *out = jfile_strdup("");
    return false;
}

bool load_careers(jfile *f, content *c)
{
    static const char *const top[] = { "schema", "careers", NULL };
    static const char *const known[] = { "id", "name", "summary", "description", "caveat",
                                         "url", NULL };
    bool ok = jfile_begin(f, top);
    const cJSON *arr = jfile_array(f, f->root, "careers", "", true);
    if (!arr)
        c->unreadable |= CONTENT_FILE_BIT(CAREERS);
    if (!arr)
        return false;
    c->careers = jfile_calloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof *c->careers);
    size_t i = 0;
    for (const cJSON *e = arr->child; e; e = e->next, i++) {
        char p[64];
        snprintf(p, sizeof p, "careers[%zu]", i);
        content_career *k = &c->careers[c->n_careers];
        if (!jfile_entry_begin(f, arr, e, p, "career", known, &k->id, &ok))
            continue;
        JFILE_TEXT(k->name, e, "name", p, true);
        JFILE_TEXT(k->summary, e, "summary", p, true);
        JFILE_TEXT(k->description, e, "description", p, false);
        JFILE_TEXT(k->caveat, e, "caveat", p, false);
        if (!entry_url(f, c, e, p, k->id, &k->url))
            ok = false;
        c->n_careers++;
    }
    return ok;
}

bool load_awards(jfile *f, content *c)
{
    static const char *const top[] = { "schema", "intro", "awards", "rows", NULL };
    static const char *const known[] = { "id", "short_name", "name", "summary", "points",
                                         "color", NULL };
    bool ok = jfile_begin(f, top);
    JFILE_TEXT(c->awards_intro, f->root, "intro", "", false);
    const cJSON *arr = jfile_array(f, f->root, "awards", "", true);
    if (!arr)
        return false;
    if (cJSON_GetArraySize(arr) == 0) {
        jfile_problem(f, arr, false, "awards", "list at least one award (for example BA)");
        return false;
    }
    c->awards = jfile_calloc((size_t)cJSON_GetArraySize(arr), sizeof *c->awards);
    size_t i = 0;
    for (const cJSON *e = arr->child; e; e = e->next, i++) {
        char p[64];
        snprintf(p, sizeof p, "awards[%zu]", i);
        content_award *a = &c->awards[c->n_awards];
        if (!jfile_entry_begin(f, arr, e, p, "award", known, &a->id, &ok))
            continue;
        c->n_awards++;
        JFILE_TEXT(a->short_name, e, "short_name", p, true);
        JFILE_TEXT(a->name, e, "name", p, true);
        JFILE_TEXT(a->summary, e, "summary", p, false);
        a->points = jfile_text_list(f, e, "points", p, &a->n_points, &ok);
        if (!jfile_color(f, e, "color", p, &a->color))
            ok = false;
        a->has_color = cJSON_GetObjectItemCaseSensitive(e, "color") != NULL;
    }
    const cJSON *rows = jfile_array(f, f->root, "rows", "", false);
    if (rows) {
        c->award_rows = jfile_calloc((size_t)cJSON_GetArraySize(rows) + 1, sizeof *c->award_rows);
        i = 0;
        for (const cJSON *e = rows->child; e; e = e->next, i++) {
            char p[64];
            snprintf(p, sizeof p, "rows[%zu]", i);
            static const char *const rk[] = { "topic", "values", NULL };
            if (!jfile_entry_object(f, e, p, "row", rk, &ok))
                continue;
            content_award_row *r = &c->award_rows[c->n_award_rows++];
            r->values = jfile_calloc(c->n_awards, sizeof *r->values);
            JFILE_TEXT(r->topic, e, "topic", p, true);
            const cJSON *vals = cJSON_GetObjectItemCaseSensitive(e, "values");
            char q[80];
            snprintf(q, sizeof q, "%s.values", p);
            if (!cJSON_IsObject(vals)) {
                jfile_problem(f, vals ? vals : e, false, q,
                              "\"values\" must be an object with one entry per award id");
                ok = false;
            }
            for (size_t a = 0; a < c->n_awards; a++) {
                if (!cJSON_IsObject(vals)) {
                    r->values[a] = jfile_strdup("");
                    continue;
                }
                JFILE_TEXT(r->values[a], vals, c->awards[a].id, q, true);
            }
        }
    }
    return ok;
}


/* ---- degree marks ------------------------------------------------------------------- */

/* Length of the UTF-8 sequence that starts with byte b (1 for a stray
 * continuation byte, so a scan always advances). */
static size_t utf8_len(unsigned char b)
{
    return b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
}

/* Code points of s, or (size_t)-1 when s holds a space or control
 * character (a mark is one word). */
static size_t mark_chars(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; n++) {
        if (*p <= ' ' || *p == 0x7F)
            return (size_t)-1;
        size_t k = utf8_len(*p);
        for (size_t i = 0; i < k && *p; i++)
            p++;
    }
    return n;
}

/* A word of a name that carries meaning: it starts with a capital, a digit
 * or a letter beyond ASCII, so "and", "of", "with", "&" and "(BSc)" do not
 * (a lead byte of U+0080-U+00BF or U+2000-U+207F is punctuation). */
static bool word_counts(const unsigned char *w)
{
    if ((*w >= 'A' && *w <= 'Z') || (*w >= '0' && *w <= '9'))
        return true;
    return *w >= 0xC3 && !(*w == 0xE2 && (w[1] == 0x80 || w[1] == 0x81));
}

enum { MARK_WORDS = 4 };

/* The words of `name` a mark is made from: those that count (above), up to
 * " with ", which starts a specialism ("Applied Geoscience with Natural
 * Hazards" is marked as "Applied Geoscience"), at most MARK_WORDS. Returns
 * how many; each is a pointer into name, ended by a space or the end. */
static size_t mark_words(const char *name, const char **w)
{
    size_t n = 0, any = 0;
    const char *first = NULL;
    for (const char *p = name; *p && n < MARK_WORDS;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        if (!strncmp(p, "with ", 5) && n)
            break;
        if (!first)
            first = p;
        any++;
        if (word_counts((const unsigned char *)p))
            w[n++] = p;
        while (*p && *p != ' ')
            p++;
    }
    if (!n && first)
        w[n++] = first; /* a name of small words only: its first word */
    return n;
}

/* Append up to k code points of word w (ended by a space or NUL) to out
 * (`used` bytes so far); returns the code points appended. */
static size_t take_chars(const char *w, size_t k, char *out, size_t *used)
{
    size_t got = 0;
    const unsigned char *p = (const unsigned char *)w;
    while (*p && *p != ' ' && got < k) {
        size_t len = utf8_len(*p), avail = 0;
        while (avail < len && p[avail])
            avail++;
        if (avail < len || *used + len >= CONTENT_MARK_MAX)
            break;
        /* A hyphen or an apostrophe inside a word is no letter of a mark. */
        if (*p != '-' && *p != '\'' && *p != '.' && *p != ',') {
            memcpy(out + *used, p, len);
            *used += len;
            got++;
        }
        p += len;
    }
    out[*used] = '\0';
    return got;
}

/* Candidate `k` of a name's marks, into out; false when there is no such
 * candidate. Candidate 0 is the initials ("Music Production": "MP"; one
 * word gives its first three letters, "Geology": "Geo"); the ones after it
 * spell one word out further, the first word first ("Computer Science":
 * "CoS", then "ScS" ... "ComS"), so two names with the same initials
 * part on the first letters that differ. Every candidate has at most
 * CONTENT_MARK_CHARS characters. */
static bool mark_candidate(const char *name, size_t k, char out[CONTENT_MARK_MAX])
{
    const char *w[MARK_WORDS];
    size_t n = mark_words(name, w), used = 0;
    out[0] = '\0';
    if (!n)
        return false;
    if (n == 1) {
        /* Three letters, then two and four. */
        static const size_t lens[] = { 3, 2, 4, 1 };
        if (k >= sizeof lens / sizeof *lens)
            return false;
        take_chars(w[0], lens[k], out, &used);
        return used > 0;
    }
    if (k == 0) {
        for (size_t i = 0; i < n; i++)
            take_chars(w[i], 1, out, &used);
        return used > 0;
    }
    /* k-1 = (extra - 1) * n + word: word spelled out with `extra` more
     * letters, as long as the mark stays within its length. */
    size_t extra = (k - 1) / n + 1, word = (k - 1) % n;
    if (n + extra > CONTENT_MARK_CHARS)
        return false;
    for (size_t i = 0; i < n; i++)
        take_chars(w[i], i == word ? 1 + extra : 1, out, &used);
    return used > 0;
}

static bool mark_taken(const content *c, size_t self, const char *m)
{
    for (size_t j = 0; j < c->n_degrees; j++)
        if (j != self && c->degrees[j].mark[0] && !strcmp(c->degrees[j].mark, m))
            return true;
    return false;
}

/* Marks for the degrees that have none, from their names: each takes its
 * first candidate that no other degree's mark (given or derived) or first
 * candidate holds, so two names with the same initials both move on rather
 * than the first keeping a mark that reads as either. A name that runs out
 * of candidates gets its initial and a number ("C2"). */
void load_degree_marks(content *c)
{
    size_t nd = c->n_degrees;
    char m[CONTENT_MARK_MAX], first[CONTENT_MARK_MAX];
    for (size_t i = 0; i < nd; i++) {
        content_degree *d = &c->degrees[i];
        if (d->mark[0])
            continue;
        bool done = false;
        for (size_t k = 0; !done && mark_candidate(d->name, k, m); k++) {
            if (mark_taken(c, i, m))
                continue;
            /* Another name gives the same candidate at the same step (the
             * same initials, or the same letters spelled further): both move
             * on to a step that tells them apart. */
            bool shared = false;
            for (size_t j = 0; j < nd && !shared; j++)
                shared = j != i && mark_candidate(c->degrees[j].name, k, first) && !strcmp(first, m);
            if (shared)
                continue;
            memcpy(d->mark, m, sizeof d->mark);
            done = true;
        }
        for (unsigned num = 1; !done; num++) {
            size_t used = 0;
            m[0] = '\0';
            const char *w[MARK_WORDS];
            if (mark_words(d->name, w))
                take_chars(w[0], 1, m, &used);
            snprintf(m + used, sizeof m - used, "%u", num);
            if (mark_chars(m) <= CONTENT_MARK_CHARS && !mark_taken(c, i, m)) {
                memcpy(d->mark, m, sizeof d->mark);
                done = true;
            }
        }
    }
}

/* The optional "mark" of degree d: a plain string of 1 to
 * CONTENT_MARK_CHARS characters with no space, not another degree's. */
static bool load_mark(jfile *f, const content *c, const cJSON *e, const char *p,
                      content_degree *d)
{
    const cJSON *mk = jfile_plain(f, e, "mark", p, false);
    if (!mk)
        return !cJSON_GetObjectItemCaseSensitive(e, "mark");
    char q[128];
    snprintf(q, sizeof q, "%s.mark", p);
    size_t n = mark_chars(mk->valuestring);
    if (n == 0 || n == (size_t)-1 || n > CONTENT_MARK_CHARS) {
        jfile_problem(f, mk, false, q,
                      "a mark is 1 to %d characters with no space (the chip beside the degree's "
                      "name on the career map), e.g. \"GEO\"; \"%s\" is not",
                      CONTENT_MARK_CHARS, mk->valuestring);
        return false;
    }
    for (size_t j = 0; j < c->n_degrees; j++)
        if (&c->degrees[j] != d && !strcmp(c->degrees[j].mark, mk->valuestring)) {
            jfile_problem(f, mk, false, q,
                          "mark \"%s\" is already degree \"%s\"'s; each degree needs its own",
                          mk->valuestring, c->degrees[j].id);
            return false;
        }
    memcpy(d->mark, mk->valuestring, strlen(mk->valuestring) + 1);
    return true;
}

bool load_degrees(jfile *f, content *c)
{
    static const char *const top[] = { "schema", "degrees", NULL };
    static const char *const known[] = { "id", "name", "award", "tagline", "focus",
                                         "hands_on", "topics", "software", "modules",
                                         "careers", "careers_note", "url", "image", "color",
                                         "mark", NULL };
    bool ok = jfile_begin(f, top);
    const cJSON *arr = jfile_array(f, f->root, "degrees", "", true);
    if (!arr || cJSON_GetArraySize(arr) == 0)
        c->unreadable |= CONTENT_FILE_BIT(DEGREES); /* its error says it all */
    if (!arr)
        return false;
    if (cJSON_GetArraySize(arr) == 0) {
        jfile_problem(f, arr, false, "degrees", "list at least one degree");
        return false;
    }
    c->degrees = jfile_calloc((size_t)cJSON_GetArraySize(arr), sizeof *c->degrees);
    size_t i = 0;
    for (const cJSON *e = arr->child; e; e = e->next, i++) {
        char p[64], q[128];
        snprintf(p, sizeof p, "degrees[%zu]", i);
        content_degree *d = &c->degrees[c->n_degrees];
        if (!jfile_entry_begin(f, arr, e, p, "degree", known, &d->id, &ok))
            continue;
        c->n_degrees++;
        JFILE_TEXT(d->name, e, "name", p, true);
        if (!load_mark(f, c, e, p, d))
            ok = false;
        JFILE_TEXT(d->tagline, e, "tagline", p, false);
        JFILE_TEXT(d->focus, e, "focus", p, true);
        JFILE_TEXT(d->hands_on, e, "hands_on", p, false);
        JFILE_TEXT(d->careers_note, e, "careers_note", p, false);
        d->topics = jfile_text_list(f, e, "topics", p, &d->n_topics, &ok);
        d->software = jfile_text_list(f, e, "software", p, &d->n_software, &ok);
        const cJSON *aw = jfile_plain(f, e, "award", p, true);
        d->award = jfile_strdup(aw ? aw->valuestring : "");
        d->award_index = 0;
        if (aw) {
            size_t k = 0;
            while (k < c->n_awards && strcmp(c->awards[k].id, d->award))
                k++;
            if (k == c->n_awards) {
                snprintf(q, sizeof q, "%s.award", p);
                if (!(c->unreadable & CONTENT_FILE_BIT(AWARDS)))
                    jfile_problem(f, aw, false, q, "unknown award \"%s\"; use an id from awards.json",
                                  d->award);
                ok = false;
            } else {
                d->award_index = k;
            }
        } else {
            ok = false;
        }
        if (!entry_url(f, c, e, p, d->id, &d->url))
            ok = false;
        const cJSON *img = jfile_plain(f, e, "image", p, false);
        d->image = jfile_strdup(img ? img->valuestring : "");
        if (img && *d->image) {
            snprintf(q, sizeof q, "%s.image", p);
            if (!jfile_asset(f, img, c->dir, q, "image"))
                ok = false;
        }
        d->color = od_rgba(0xFF, 0xB5, 0x47, 0xFF);
        if (!jfile_color(f, e, "color", p, &d->color))
            ok = false;
        const cJSON *mods = jfile_array_max(f, e, "modules", p, false, JFILE_MAX_LIST);
        if (mods) {
            d->modules = jfile_calloc((size_t)cJSON_GetArraySize(mods) + 1, sizeof *d->modules);
            size_t m = 0;
            for (const cJSON *me = mods->child; me; me = me->next, m++) {
                snprintf(q, sizeof q, "%s.modules[%zu]", p, m);
                if (!cJSON_IsObject(me)) {
                    jfile_problem(f, me, false, q, "each module must be an object with title and text");
                    ok = false;
                    continue;
                }
                static const char *const mk[] = { "title", "text", NULL };
                jfile_unknown_fields(f, me, q, mk);
                content_module *mo = &d->modules[d->n_modules++];
                JFILE_TEXT(mo->title, me, "title", q, true);
                JFILE_TEXT(mo->text, me, "text", q, false);
            }
        }
        const cJSON *cars = jfile_array_max(f, e, "careers", p, false, JFILE_MAX_LIST);
        if (cars) {
            d->careers = jfile_calloc((size_t)cJSON_GetArraySize(cars) + 1, sizeof *d->careers);
            size_t m = 0;
            for (const cJSON *ce = cars->child; ce; ce = ce->next, m++) {
                snprintf(q, sizeof q, "%s.careers[%zu]", p, m);
                if (!cJSON_IsString(ce)) {
                    jfile_problem(f, ce, false, q, "each career must be a career id in quotes");
                    ok = false;
                    continue;
                }
                size_t k = content_find_career(c, ce->valuestring);
                if (k == (size_t)-1) {
                    /* When careers.json itself is broken, its error says it all. */
                    if (!(c->unreadable & CONTENT_FILE_BIT(CAREERS)))
                        jfile_problem(f, ce, false, q,
                                      "unknown career \"%s\"; add it to careers.json or fix the id",
                                      ce->valuestring);
                    ok = false;
                    continue;
                }
                bool dup = false;
                for (size_t j = 0; j < d->n_careers; j++)
                    dup |= d->careers[j] == k;
                if (dup) {
                    jfile_problem(f, ce, true, q, "career \"%s\" is listed twice; the repeat is ignored",
                                  ce->valuestring);
                    continue;
                }
                d->careers[d->n_careers++] = k;
            }
        }
    }
    /* Derived in every language's load; content.c keeps the default's. */
    load_degree_marks(c);
    return ok;
}

/* A compare slide's "pair": two different known degree ids. */
static bool load_pair(jfile *f, const content *c, const cJSON *pair, const char *p, int kind,
                      content_slide *s)
{
    char q[128];
    snprintf(q, sizeof q, "%s.pair", p);
    if (kind != CONTENT_ATTRACT_COMPARE) {
        jfile_problem(f, pair, false, q, "only a compare slide takes a \"pair\" of degrees");
        return false;
    }
    if (!cJSON_IsArray(pair) || cJSON_GetArraySize(pair) != 2) {
        jfile_problem(f, pair, false, q, "\"pair\" must list two degree ids, e.g. [\"a\", \"b\"]");
        return false;
    }
    size_t k = 0;
    for (const cJSON *e = pair->child; e; e = e->next, k++) {
        char r[140];
        snprintf(r, sizeof r, "%s[%zu]", q, k);
        if (!cJSON_IsString(e)) {
            jfile_problem(f, e, false, r, "a degree id must be a string");
            return false;
        }
        size_t d = content_find_degree(c, e->valuestring);
        if (d == (size_t)-1) {
            /* Unreadable degrees were reported already; say nothing more. */
            if (!(c->unreadable & CONTENT_FILE_BIT(DEGREES)))
                jfile_problem(f, e, false, r, "unknown degree \"%s\"", e->valuestring);
            return false;
        }
        s->pair[k] = d;
    }
    if (s->pair[0] == s->pair[1]) {
        jfile_problem(f, pair, false, q, "\"pair\" must name two different degrees");
        return false;
    }
    s->has_pair = true;
    return true;
}

bool load_attract(jfile *f, content *c)
{
    static const char *const top[] = { "schema", "slide_seconds", "slides", NULL };
    static const char *const known[] = { "show", "id", "headline", "pair", NULL };
    bool ok = jfile_begin(f, top);
    c->slide_ms = 7000;
    const cJSON *ss = cJSON_GetObjectItemCaseSensitive(f->root, "slide_seconds");
    if (ss) {
        if (!cJSON_IsNumber(ss) || ss->valuedouble < 2 || ss->valuedouble > 120) {
            jfile_problem(f, ss, false, "slide_seconds", "slide_seconds must be a number from 2 to 120");
            ok = false;
        } else {
            c->slide_ms = (unsigned)(ss->valuedouble * 1000.0);
        }
    }
    const cJSON *arr = jfile_array(f, f->root, "slides", "", true);
    if (!arr)
        return false;
    /* One more than listed: room for the notices slide derive() (content.c) may add. */
    c->slides = jfile_calloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof *c->slides);
    size_t i = 0;
    for (const cJSON *e = arr->child; e; e = e->next, i++) {
        char p[64], q[128];
        snprintf(p, sizeof p, "slides[%zu]", i);
        if (!jfile_entry_object(f, e, p, "slide", known, &ok))
            continue;
        const cJSON *show = jfile_plain(f, e, "show", p, true);
        if (!show) {
            ok = false;
            continue;
        }
        static const char *const kinds[] = { "degree",  "compare", "career",
                                             "careers", "awards",  "notices" };
        int kind = -1;
        for (int k = 0; k < (int)(sizeof kinds / sizeof *kinds); k++)
            if (!strcmp(show->valuestring, kinds[k]))
                kind = k;
        snprintf(q, sizeof q, "%s.show", p);
        if (kind < 0) {
            jfile_problem(f, show, false, q, "\"show\" must be degree, compare, career, careers, awards or "
                          "notices");
            ok = false;
            continue;
        }
        content_slide *s = &c->slides[c->n_slides];
        s->kind = (content_attract_kind)kind;
        if (kind == CONTENT_ATTRACT_DEGREE || kind == CONTENT_ATTRACT_CAREER) {
            const cJSON *id = jfile_plain(f, e, "id", p, true);
            size_t k = id ? (kind == CONTENT_ATTRACT_DEGREE ? content_find_degree(c, id->valuestring)
                                                    : content_find_career(c, id->valuestring))
                          : (size_t)-1;
            unsigned from = kind == CONTENT_ATTRACT_DEGREE ? CONTENT_FILE_BIT(DEGREES) : CONTENT_FILE_BIT(CAREERS);
            if (id && k == (size_t)-1 && !(c->unreadable & from)) {
                snprintf(q, sizeof q, "%s.id", p);
                jfile_problem(f, id, false, q, "unknown %s \"%s\"",
                              kind == CONTENT_ATTRACT_DEGREE ? "degree" : "career", id->valuestring);
            }
            if (k == (size_t)-1) {
                ok = false;
                continue;
            }
            s->index = k;
        }
        if (kind == CONTENT_ATTRACT_COMPARE && c->n_degrees < 2 && !(c->unreadable & CONTENT_FILE_BIT(DEGREES))) {
            jfile_problem(f, show, false, q, "a comparison slide needs at least two degrees");
            ok = false;
            continue;
        }
        const cJSON *pair = cJSON_GetObjectItemCaseSensitive(e, "pair");
        if (pair && !load_pair(f, c, pair, p, kind, s)) {
            ok = false;
            continue;
        }
        char *h = jfile_text(f, e, "headline", p, false);
        if (!h) {
            ok = false;
            continue;
        }
        s->headline = h;
        c->n_slides++;
    }
    if (c->n_slides == 0 && ok) {
        jfile_problem(f, arr, false, "slides", "list at least one slide for the attract loop");
        ok = false;
    }
    return ok;
}

