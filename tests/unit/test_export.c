/* test_export.c - the static web page: the shipped content exported to a
 * temporary folder, every name on the page escaped, nothing fetched from
 * elsewhere, hostile strings made harmless, images copied beside the page, and
 * clean failures (false plus the failing call) where nothing can be written. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content.h"
#include "export.h"
#include "scratch.h"

/* ---- helpers -------------------------------------------------------------- */

/* A new empty folder (scratch_remove removes it). */
static char *temp_dir(void)
{
    return scratch_copy("export", 0);
}

/* s as it must appear in the page's text. */
static char *escaped(const char *s)
{
    char *out = malloc(strlen(s) * 6 + 1), *o = out;
    assert_non_null(out);
    for (; *s; s++) {
        const char *rep = NULL;
        switch (*s) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: break;
        }
        if (rep) {
            strcpy(o, rep);
            o += strlen(rep);
        } else {
            *o++ = *s;
        }
    }
    *o = '\0';
    return out;
}

static void assert_contains_escaped(const char *page, const char *s)
{
    char *e = escaped(s);
    if (!strstr(page, e))
        fail_msg("the page lacks \"%s\"", e);
    free(e);
}

static void replace(char **field, const char *value)
{
    free(*field);
    *field = strdup(value);
    assert_non_null(*field);
}

/* Nothing the page loads comes from elsewhere: every "http" on it is a plain
 * link (<a href="...">), never a src, a stylesheet link, an @import or a
 * url(); and nothing is protocol-relative. */
static void assert_self_contained(const char *page)
{
    for (const char *p = strstr(page, "http"); p; p = strstr(p + 1, "http")) {
        static const char link[] = "<a href=\"";
        size_t n = sizeof link - 1;
        if ((size_t)(p - page) < n || strncmp(p - n, link, n))
            fail_msg("a reference outside the page: \"%.60s\"", p);
    }
    assert_null(strstr(page, "src=\"//"));
    assert_null(strstr(page, "url(\"//"));
    assert_null(strstr(page, "@import"));
    /* The one <link> allowed: the same page in another language, beside it. */
    for (const char *l = strstr(page, "<link"); l; l = strstr(l + 1, "<link")) {
        static const char alt[] = "<link rel=\"alternate\" hreflang=\"";
        if (strncmp(l, alt, sizeof alt - 1))
            fail_msg("a <link> that is not a language alternate: \"%.60s\"", l);
        const char *href = strstr(l, "href=\"index");
        const char *end = strchr(l, '>');
        if (!href || !end || href > end)
            fail_msg("a language alternate outside the folder: \"%.60s\"", l);
    }
    assert_null(strstr(page, "<script"));
    assert_null(strstr(page, "<iframe"));
}

/* ---- tests ------------------------------------------------------------------ */

static void shipped_content(void **state)
{
    (void)state;
    content *c = load_shipped();
    char *tmp = temp_dir();
    char out[512], index[600];
    /* Two levels that do not exist yet: both are created. */
    snprintf(out, sizeof out, "%s/site/open-day", tmp);
    char err[512] = "untouched";
    assert_true(export_html(c, out, err, sizeof err));
    assert_string_equal(err, "");
    snprintf(index, sizeof index, "%s/index.html", out);
    size_t len;
    char *page = scratch_read(index, &len);
    assert_non_null(page);
    assert_true(len > 4000);

    assert_non_null(strstr(page, "<!DOCTYPE html>"));
    assert_non_null(strstr(page, "<html lang=\"en\">"));
    assert_non_null(strstr(page, "<meta name=\"viewport\""));
    assert_non_null(strstr(page, "</html>"));
    assert_contains_escaped(page, c->title);
    assert_contains_escaped(page, c->subtitle);
    assert_contains_escaped(page, c->attribution);
    assert_contains_escaped(page, c->conclusion);
    for (size_t i = 0; i < c->n_degrees; i++) {
        const content_degree *d = &c->degrees[i];
        assert_contains_escaped(page, d->name);
        assert_contains_escaped(page, d->tagline);
        for (size_t k = 0; k < d->n_topics; k++)
            assert_contains_escaped(page, d->topics[k]);
        for (size_t k = 0; k < d->n_software; k++)
            assert_contains_escaped(page, d->software[k]);
        for (size_t k = 0; k < d->n_modules; k++)
            assert_contains_escaped(page, d->modules[k].title);
    }
    for (size_t i = 0; i < c->n_careers; i++) {
        assert_contains_escaped(page, c->careers[i].name);
        assert_contains_escaped(page, c->careers[i].caveat);
    }
    for (size_t i = 0; i < c->n_award_rows; i++) {
        assert_contains_escaped(page, c->award_rows[i].topic);
        for (size_t a = 0; a < c->n_awards; a++)
            assert_contains_escaped(page, c->award_rows[i].values[a]);
    }
    /* "Film & TV Audio Designer" is on the page only in its escaped form. */
    assert_non_null(strstr(page, "Film &amp; TV"));
    assert_null(strstr(page, "Film & TV"));
    /* Shared careers are marked with the content's own word for it. */
    assert_contains_escaped(page, c->strings[CONTENT_STR_SHARED]);
    assert_non_null(strstr(page, "class=\"shared\""));
    /* The theme's colours, as CSS hex. */
    char hex[16];
    od_color bg = c->colors[CONTENT_COLOR_BACKGROUND];
    snprintf(hex, sizeof hex, "--bg:#%02X%02X%02X;", bg.r, bg.g, bg.b);
    assert_non_null(strstr(page, hex));
    /* One h1; the font stack ends in the system's. */
    const char *h1 = strstr(page, "<h1");
    assert_non_null(h1);
    assert_null(strstr(h1 + 1, "<h1"));
    assert_non_null(strstr(page, "system-ui"));
    assert_self_contained(page);
    /* The page was renamed into place: no temporary file left. */
    char tmpname[600];
    snprintf(tmpname, sizeof tmpname, "%s/.index.html.tmp", out);
    assert_int_not_equal(access(tmpname, F_OK), 0);

    /* Exporting again over the same folder works (a website update). */
    assert_true(export_html(c, out, err, sizeof err));
    size_t len2;
    char *again = scratch_read(index, &len2);
    assert_non_null(again);
    assert_int_equal(len2, len);
    assert_memory_equal(again, page, len);
    free(again);

    /* The string form is the file's content. */
    size_t slen;
    char *s = export_html_page(c, &slen);
    assert_non_null(s);
    assert_int_equal(slen, len);
    assert_memory_equal(s, page, len);
    free(s);

    /* The shipped content is in English and German: a page each, linked
     * both ways, the German one in German and marked so. */
    assert_true(content_language_count(c) >= 2);
    assert_non_null(strstr(page, "<nav class=\"langs\""));
    for (size_t i = 0; i < content_language_count(c); i++) {
        const content *v = content_in_language(c, i);
        char name[128], path[700], want[300];
        export_page_name(c, i, name, sizeof name);
        snprintf(want, sizeof want, "<a href=\"%s\" hreflang=\"%s\"", name, v->language);
        assert_non_null(strstr(page, want));
        if (i == content_default_language(c)) {
            assert_string_equal(name, "index.html");
            continue;
        }
        snprintf(path, sizeof path, "%s/%s", out, name);
        char *other = scratch_read(path, NULL);
        assert_non_null(other);
        snprintf(want, sizeof want, "<html lang=\"%s\">", v->language);
        assert_non_null(strstr(other, want));
        assert_non_null(strstr(other, "<a href=\"index.html\""));
        assert_non_null(strstr(other, "aria-current=\"page\""));
        assert_contains_escaped(other, v->title);
        for (size_t k = 0; k < v->n_degrees; k++)
            assert_contains_escaped(other, v->degrees[k].tagline);
        assert_self_contained(other);
        free(other);
    }

    free(page);
    scratch_remove(tmp);
    content_destroy(c);
}

/* A 58-letter word as a degree's name, in a Welsh
 * content: the page says its language, and the card text wraps and
 * hyphenates, so the word cannot run out of its card. */
static void long_words_wrap_in_their_cards(void **state)
{
    (void)state;
    content *c = load_shipped();
    static const char word[] = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch";
    assert_int_equal(strlen(word), 58);
    replace(&c->degrees[0].name, word);
    replace(&c->language, "cy");
    char *tmp = temp_dir();
    char out[512], index[600], err[512];
    snprintf(out, sizeof out, "%s/site", tmp);
    assert_true(export_html(c, out, err, sizeof err));
    snprintf(index, sizeof index, "%s/index.html", out);
    size_t len;
    char *page = scratch_read(index, &len);
    assert_non_null(page);
    assert_non_null(strstr(page, "<html lang=\"cy\">"));
    assert_non_null(strstr(page, word));
    /* The rule that covers the cards, with each of its declarations. */
    const char *rule = strstr(page, ".card,");
    assert_non_null(rule);
    const char *end = strchr(rule, '}');
    assert_non_null(end);
    size_t n = (size_t)(end - rule);
    char *decl = strndup(rule, n);
    assert_non_null(strstr(decl, "overflow-wrap:anywhere"));
    assert_non_null(strstr(decl, "hyphens:auto"));
    assert_non_null(strstr(decl, "-webkit-hyphens:auto"));
    assert_non_null(strstr(decl, "word-break:break-word"));
    /* The fallback comes first, so browsers that know "anywhere" use it. */
    assert_true(strstr(decl, "overflow-wrap:break-word") < strstr(decl, "overflow-wrap:anywhere"));
    free(decl);
    free(page);
    scratch_remove(tmp);
    content_destroy(c);
}

static void hostile_strings(void **state)
{
    (void)state;
    content *c = load_shipped();
    const char *evil = "<script>alert(\"x\")</script> & 'quoted' </style>";
    replace(&c->degrees[0].name, evil);
    replace(&c->degrees[0].tagline, "a\"><img src=x onerror=alert(1)>");
    replace(&c->careers[0].name, "Rock & <b>Roll</b>");
    replace(&c->title, "</title><script>x</script>");
    replace(&c->language, "en\" onload=\"x");
    replace(&c->font_family, "Evil\"}</style><script>x</script>");
    replace(&c->degrees[1].url, "javascript:alert(1)");
    replace(&c->degrees[0].url, "https://example.org/course?a=1&b=\"2\"");

    size_t len;
    char *page = export_html_page(c, &len);
    assert_non_null(page);
    assert_int_equal(strlen(page), len);
    assert_null(strstr(page, "<script"));
    assert_null(strstr(page, "<img src=x"));
    assert_null(strstr(page, "<b>"));
    assert_null(strstr(page, "javascript:"));
    assert_null(strstr(page, "onload=\"x"));
    /* </style> appears once: the style sheet's own end. */
    const char *st = strstr(page, "</style>");
    assert_non_null(st);
    assert_null(strstr(st + 1, "</style>"));
    assert_non_null(strstr(page, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; "
                                 "&#39;quoted&#39;"));
    assert_non_null(strstr(page, "Rock &amp; &lt;b&gt;Roll&lt;/b&gt;"));
    assert_non_null(strstr(page, "lang=\"en&quot; onload=&quot;x\""));
    /* A real web address stays a link, its ampersand and quotes escaped. */
    assert_non_null(strstr(page, "<a href=\"https://example.org/course?a=1&amp;b=&quot;2&quot;\">"));
    assert_self_contained(page);
    free(page);
    content_destroy(c);
}

static void images_copied(void **state)
{
    (void)state;
    content *c = load_shipped();
    char *src = temp_dir(), *dst = temp_dir();
    char p[600];
    snprintf(p, sizeof p, "%s/img dir", src);
    assert_int_equal(mkdir(p, 0755), 0);
    static const char bytes[] = "\x89PNG\r\n\x1a\n not really, but bytes\0 with a NUL";
    scratch_write_n(src, "img dir/photo #1.png", bytes, sizeof bytes);
    scratch_write_n(src, "top.jpg", "jpeg", 4);
    replace(&c->dir, src);
    replace(&c->degrees[0].image, "img dir/photo #1.png");
    replace(&c->degrees[1].image, "top.jpg");

    char err[512];
    assert_true(export_html(c, dst, err, sizeof err));
    snprintf(p, sizeof p, "%s/img dir/photo #1.png", dst);
    size_t n;
    char *copy = scratch_read(p, &n);
    assert_non_null(copy);
    assert_int_equal(n, sizeof bytes);
    assert_memory_equal(copy, bytes, n);
    free(copy);
    snprintf(p, sizeof p, "%s/top.jpg", dst);
    assert_int_equal(access(p, R_OK), 0);

    snprintf(p, sizeof p, "%s/index.html", dst);
    char *page = scratch_read(p, NULL);
    assert_non_null(page);
    assert_non_null(strstr(page, "<img src=\"img%20dir/photo%20%231.png\" alt=\"Music Production\""));
    assert_non_null(strstr(page, "<img src=\"top.jpg\" alt=\"Music Technology\""));
    assert_self_contained(page);
    free(page);

    /* A missing image fails with the call and the path. */
    replace(&c->degrees[1].image, "gone.png");
    assert_false(export_html(c, dst, err, sizeof err));
    assert_non_null(strstr(err, "read"));
    assert_non_null(strstr(err, "gone.png"));
    assert_non_null(strstr(err, strerror(ENOENT)));
    /* A path leaving the content folder is refused, never followed. */
    replace(&c->degrees[1].image, "../../etc/passwd");
    assert_false(export_html(c, dst, err, sizeof err));
    assert_non_null(strstr(err, "leaves the content directory"));

    scratch_remove(src);
    scratch_remove(dst);
    content_destroy(c);
}

static void unwritable(void **state)
{
    (void)state;
    content *c = load_shipped();
    char *tmp = temp_dir();
    char file[600], dir[700];
    snprintf(file, sizeof file, "%s/plain-file", tmp);
    scratch_write_n(tmp, "plain-file", "x", 1);

    /* Under a regular file: mkdir fails with ENOTDIR. */
    snprintf(dir, sizeof dir, "%s/site", file);
    char err[512] = "";
    assert_false(export_html(c, dir, err, sizeof err));
    assert_non_null(strstr(err, "mkdir"));
    assert_non_null(strstr(err, "plain-file"));
    assert_non_null(strstr(err, strerror(ENOTDIR)));

    /* The regular file itself as the folder. */
    err[0] = '\0';
    assert_false(export_html(c, file, err, sizeof err));
    assert_non_null(strstr(err, strerror(ENOTDIR)));

    /* A read-only folder (root ignores the mode, so only checked otherwise). */
    snprintf(dir, sizeof dir, "%s/read-only", tmp);
    assert_int_equal(mkdir(dir, 0555), 0);
    if (geteuid() != 0) {
        err[0] = '\0';
        assert_false(export_html(c, dir, err, sizeof err));
        assert_non_null(strstr(err, "open"));
        assert_non_null(strstr(err, strerror(EACCES)));
    }
    chmod(dir, 0755);

    /* No folder at all, and a tiny error buffer: still false, no overflow. */
    assert_false(export_html(c, "", err, sizeof err));
    char small[8];
    assert_false(export_html(c, file, small, sizeof small));
    assert_int_equal(strlen(small), sizeof small - 1);

    scratch_remove(tmp);
    content_destroy(c);
}

/* The size of the file at path, or -1. */
static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

/* Issue 11, case 4: exporting into the content folder (or a folder inside
 * it, or through a link to it) is refused before anything is written, and
 * every image keeps its bytes. Exporting beside it still works. */
static void never_over_its_inputs(void **state)
{
    (void)state;
    content *c = load_shipped();
    char *src = temp_dir();
    char p[600], err[512];
    snprintf(p, sizeof p, "%s/images", src);
    assert_int_equal(mkdir(p, 0755), 0);
    snprintf(p, sizeof p, "%s/images/a.png", src);
    scratch_write_n(src, "images/a.png", "0123456789", 10);
    replace(&c->dir, src);
    replace(&c->degrees[0].image, "images/a.png");
    assert_false(export_html(c, src, err, sizeof err));
    assert_non_null(strstr(err, "content folder"));
    assert_int_equal(file_size(p), 10);
    snprintf(p, sizeof p, "%s/.", src);
    assert_false(export_html(c, p, err, sizeof err));
    snprintf(p, sizeof p, "%s/images", src);
    assert_false(export_html(c, p, err, sizeof err));
    char link[600];
    snprintf(link, sizeof link, "%s-link", src);
    assert_int_equal(symlink(src, link), 0);
    assert_false(export_html(c, link, err, sizeof err));
    unlink(link);
    snprintf(p, sizeof p, "%s/images/a.png", src);
    assert_int_equal(file_size(p), 10);
    snprintf(p, sizeof p, "%s/index.html", src);
    assert_int_equal(file_size(p), -1);
    /* A sibling folder is fine. */
    snprintf(p, sizeof p, "%s-site", src);
    assert_true(export_html(c, p, err, sizeof err));
    char q[700];
    snprintf(q, sizeof q, "%s/images/a.png", p);
    assert_int_equal(file_size(q), 10);
    char *site = strdup(p);
    scratch_remove(site);
    scratch_remove(src);
    content_destroy(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shipped_content),
        cmocka_unit_test(long_words_wrap_in_their_cards),
        cmocka_unit_test(hostile_strings),
        cmocka_unit_test(images_copied),
        cmocka_unit_test(unwritable),
        cmocka_unit_test(never_over_its_inputs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
