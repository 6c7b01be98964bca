/* export.c - the content as a static, styled web page. See export.h.
 *
 * The page is built in memory (a growing buffer), then written next to its
 * final name and renamed into place, so a reader never sees half a page. */
#include "export.h"
#include "qr.h"
#include "file.h"
#include "strbuf.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* An image or font copied beside the page; far above any the kiosk draws. */
#define EXPORT_MAX_ASSET (64u << 20)

/* ---- escaping ------------------------------------------------------------- */

/* Text for element content or a quoted attribute: & < > " ' become entities.
 * With breaks, a newline (a line break in the kiosk too) becomes <br>. */
static void esc_x(strbuf *b, const char *s, bool breaks)
{
    const char *run = s;
    for (; *s; s++) {
        const char *rep = NULL;
        switch (*s) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        case '\n': rep = breaks ? "<br>" : " "; break;
        case '\r': case '\t': rep = " "; break;
        default: break;
        }
        if (rep) {
            strbuf_add(b, run, (size_t)(s - run));
            strbuf_str(b, rep);
            run = s + 1;
        }
    }
    strbuf_add(b, run, (size_t)(s - run));
}

static void esc(strbuf *b, const char *s)
{
    esc_x(b, s, true);
}

static void esc_attr(strbuf *b, const char *s)
{
    esc_x(b, s, false);
}

/* A relative path as a URL: unreserved characters and '/' stay, everything
 * else (spaces, '#', '?', '%', quotes, non-ASCII bytes) is percent-encoded, so
 * the result is safe inside a quoted HTML attribute and a CSS url(""). */
static void put_url_path(strbuf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
            ch == '-' || ch == '_' || ch == '.' || ch == '~' || ch == '/')
            strbuf_add(b, (const char *)&ch, 1);
        else
            strbuf_printf(b, "%%%02X", ch);
    }
}

/* A CSS string body: anything beyond plain letters, digits, space, '-' and
 * '_' is written as a hex escape, so no quote, backslash or "</style>" can
 * come through. */
static void put_css_string(strbuf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
            ch == ' ' || ch == '-' || ch == '_' || ch >= 0x80)
            strbuf_add(b, (const char *)&ch, 1);
        else
            strbuf_printf(b, "\\%x ", ch);
    }
}

/* An id fragment for anchors: the content's ids are plain already; anything
 * else becomes '-'. */
static void put_id(strbuf *b, const char *prefix, const char *id)
{
    strbuf_str(b, prefix);
    for (; *id; id++) {
        unsigned char ch = (unsigned char)*id;
        bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                  (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.';
        strbuf_add(b, ok ? (const char *)&ch : "-", 1);
    }
}

static void put_color(strbuf *b, od_color c)
{
    if (c.a == 255)
        strbuf_printf(b, "#%02X%02X%02X", c.r, c.g, c.b);
    else
        strbuf_printf(b, "#%02X%02X%02X%02X", c.r, c.g, c.b, c.a);
}

/* ---- the page --------------------------------------------------------------- */

static const char *str(const content *c, content_str k)
{
    return c->strings[k] ? c->strings[k] : "";
}

static const content_award *award_of(const content *c, const content_degree *d)
{
    return d->award_index < c->n_awards ? &c->awards[d->award_index] : NULL;
}

static bool web_address(const char *u)
{
    return !strncmp(u, "https://", 8) || !strncmp(u, "http://", 7);
}

/* The QR code of a web address as inline SVG, from the same matrix the
 * kiosk draws (qr.h): one path of unit squares, the quiet zone in the
 * viewBox, crisp edges; the address beneath it as a link. Nothing for an
 * empty address. */
static void qr_figure(strbuf *b, const content *c, const char *url)
{
    qr_code q;
    if (!url[0] || !web_address(url) || !qr_make(url, &q))
        return;
    int n = q.size + 2 * QR_QUIET;
    /* Inline SVG in HTML needs no namespace (and the page names no outside
     * address but the content's own). */
    strbuf_str(b, "<figure class=\"qr\"><svg viewBox=\"0 0 ");
    strbuf_printf(b, "%d %d\" width=\"%d\" height=\"%d\" shape-rendering=\"crispEdges\" role=\"img\" "
         "aria-label=\"", n, n, 3 * n, 3 * n);
    esc_attr(b, str(c, CONTENT_STR_QR_HINT));
    strbuf_printf(b, "\"><rect width=\"%d\" height=\"%d\" fill=\"#fff\"/><path fill=\"#000\" d=\"", n, n);
    for (int r = 0; r < q.size; r++)
        for (int k = 0; k < q.size;) {
            if (!q.dark[r * q.size + k]) {
                k++;
                continue;
            }
            int k0 = k;
            while (k < q.size && q.dark[r * q.size + k])
                k++;
            strbuf_printf(b, "M%d %dh%dv1h-%dz", k0 + QR_QUIET, r + QR_QUIET, k - k0, k - k0);
        }
    strbuf_str(b, "\"/></svg><figcaption><a href=\"");
    esc_attr(b, url);
    strbuf_str(b, "\">");
    /* Shown without its scheme, as addresses are printed: the page's only
     * "http" stays inside href (nothing it loads comes from elsewhere). */
    esc(b, url + (strncmp(url, "https://", 8) ? 7 : 8));
    strbuf_str(b, "</a></figcaption></figure>\n");
    qr_deinit(&q);
}

/* Relative luminance, 0..1 (sRGB approximated by a square). */
static double luminance(od_color c)
{
    double r = c.r / 255.0, g = c.g / 255.0, bl = c.b / 255.0;
    return 0.2126 * r * r + 0.7152 * g * g + 0.0722 * bl * bl;
}

static bool has_font_file(const content *c, int i)
{
    return c->font_file[i] && c->font_file[i][0];
}

static void style_sheet(strbuf *b, const content *c)
{
    static const char *const var[CONTENT_COLOR_COUNT] = {
        [CONTENT_COLOR_BACKGROUND] = "bg", [CONTENT_COLOR_SURFACE] = "surface",
        [CONTENT_COLOR_SURFACE_ALT] = "surface-alt", [CONTENT_COLOR_TEXT] = "text", [CONTENT_COLOR_MUTED] = "muted",
        [CONTENT_COLOR_ACCENT] = "accent", [CONTENT_COLOR_ACCENT_TEXT] = "accent-text",
        [CONTENT_COLOR_SHARED] = "shared", [CONTENT_COLOR_CAVEAT] = "caveat", [CONTENT_COLOR_LINE] = "line",
    };
    strbuf_str(b, "<style>\n");
    for (int i = 0; i < 2; i++) {
        if (!has_font_file(c, i))
            continue;
        strbuf_str(b, "@font-face{font-family:\"openday content\";src:url(\"");
        put_url_path(b, c->font_file[i]);
        strbuf_printf(b, "\");font-weight:%s;font-display:swap}\n", i ? "700" : "400");
    }
    strbuf_str(b, ":root{");
    for (int i = 0; i < CONTENT_COLOR_COUNT; i++) {
        strbuf_printf(b, "--%s:", var[i]);
        put_color(b, c->colors[i]);
        strbuf_str(b, ";");
    }
    strbuf_printf(b, "color-scheme:%s;\n", luminance(c->colors[CONTENT_COLOR_BACKGROUND]) < 0.4 ? "dark" : "light");
    strbuf_str(b, "--font:");
    if (has_font_file(c, 0))
        strbuf_str(b, "\"openday content\",");
    if (c->font_family && c->font_family[0] && strcmp(c->font_family, "Inter")) {
        strbuf_str(b, "\"");
        put_css_string(b, c->font_family);
        strbuf_str(b, "\",");
    }
    strbuf_str(b, "Inter,system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",\"DejaVu Sans\","
           "sans-serif}\n");
    strbuf_str(b,
        "*,*::before,*::after{box-sizing:border-box}\n"
        "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n"
        "body{margin:0;background:var(--bg);color:var(--text);font-family:var(--font);"
        "font-size:1.0625rem;line-height:1.55;-webkit-font-smoothing:antialiased}\n"
        "a{color:inherit;text-decoration-color:var(--accent);text-underline-offset:.2em}\n"
        "a:hover{color:var(--accent)}\n"
        ":focus-visible{outline:3px solid var(--accent);outline-offset:3px;border-radius:.25rem}\n"
        ".wrap{max-width:76rem;margin:0 auto;padding:0 clamp(1rem,4vw,2.5rem)}\n"
        ".skip{position:absolute;left:-100vw;top:0}\n"
        ".skip:focus{left:1rem;top:1rem;background:var(--accent);color:var(--accent-text);"
        "padding:.5rem 1rem;border-radius:.5rem;z-index:1}\n"
        "header.hero{padding:clamp(2.5rem,8vw,5.5rem) 0 clamp(1.5rem,4vw,2.5rem);"
        "border-bottom:1px solid var(--line);background:linear-gradient(180deg,var(--surface),"
        "var(--bg))}\n"
        "h1,h2,h3,h4{line-height:1.15;margin:0}\n"
        "h1{font-size:clamp(2rem,5.5vw,3.5rem);letter-spacing:-.02em;max-width:22ch}\n"
        ".subtitle{font-size:clamp(1.1rem,2.4vw,1.5rem);color:var(--muted);margin:.75rem 0 0}\n"
        "nav ul{display:flex;flex-wrap:wrap;gap:.6rem;list-style:none;padding:0;"
        "margin:clamp(1.5rem,4vw,2.25rem) 0 0}\n"
        "nav a{display:inline-block;padding:.6rem 1.15rem;border-radius:999px;"
        "background:var(--surface-alt);border:1px solid var(--line);text-decoration:none;"
        "font-weight:600}\n"
        "nav a:hover{background:var(--accent);color:var(--accent-text)}\n"
        "nav.langs{float:right;margin-left:1rem}\n"
        "nav.langs ul{margin:0}\n"
        "nav.langs a[aria-current]{background:var(--accent);color:var(--accent-text)}\n"
        "section{padding:clamp(2rem,6vw,3.5rem) 0 0;scroll-margin-top:1rem}\n"
        "h2{font-size:clamp(1.6rem,3.4vw,2.25rem);letter-spacing:-.01em;margin-bottom:1.25rem}\n"
        ".hint{color:var(--muted);margin:-.8rem 0 1.5rem;font-size:1.1rem}\n"
        ".grid{display:grid;gap:clamp(1rem,2.5vw,1.5rem);"
        "grid-template-columns:repeat(auto-fit,minmax(min(100%,22rem),1fr));align-items:start}\n"
        ".card{background:var(--surface);border-radius:1rem;padding:clamp(1.1rem,3vw,1.75rem);"
        "border-top:.4rem solid var(--deg,var(--accent));min-width:0}\n"
        /* A word longer than its box (a 58-letter name) must not run out of
         * it: hyphenated in the page's language (lang on <html>) where the
         * browser has a dictionary, else broken anywhere; word-break is the
         * fallback of browsers without overflow-wrap:anywhere. */
        ".card,.chips li,.careers li,.conclusion,h1,h2,td,th{overflow-wrap:break-word;"
        "word-break:break-word;overflow-wrap:anywhere;-webkit-hyphens:auto;hyphens:auto}\n"
        ".card>img{display:block;width:100%;height:auto;border-radius:.6rem;margin:0 0 1rem}\n"
        ".badge{display:inline-block;background:var(--deg,var(--accent));color:var(--accent-text);"
        "font-weight:800;letter-spacing:.04em;border-radius:.45rem;padding:.1rem .55rem;"
        "margin:0 0 .6rem}\n"
        ".badge abbr{text-decoration:none}\n"
        ".award-name{color:var(--muted);font-size:.95rem;margin-left:.4rem}\n"
        ".card h3{font-size:clamp(1.4rem,2.6vw,1.75rem);color:var(--deg,var(--text))}\n"
        ".tagline{font-size:1.15rem;margin:.35rem 0 0;font-weight:600}\n"
        "h4{font-size:.8rem;text-transform:uppercase;letter-spacing:.09em;color:var(--accent);"
        "margin:1.4rem 0 .5rem}\n"
        "p{margin:0 0 .6rem}\n"
        ".chips{display:flex;flex-wrap:wrap;gap:.45rem;list-style:none;padding:0;margin:0}\n"
        ".chips li{background:var(--surface-alt);border-radius:999px;padding:.25rem .8rem;"
        "font-size:.95rem}\n"
        ".modules{margin:0}\n"
        ".modules dt{font-weight:700}\n"
        ".modules dd{margin:0 0 .7rem;color:var(--muted)}\n"
        ".careers{list-style:none;padding:0;margin:0;display:grid;gap:.45rem}\n"
        ".careers li{background:var(--surface-alt);border-radius:.6rem;padding:.5rem .75rem;"
        "border:1px solid transparent}\n"
        ".careers li.shared{border-color:var(--shared)}\n"
        ".careers a{font-weight:600;text-decoration:none}\n"
        ".careers a:hover{text-decoration:underline}\n"
        ".tag{display:inline-block;font-size:.78rem;font-weight:700;color:var(--shared);"
        "border:1px solid var(--shared);border-radius:999px;padding:0 .5rem;margin-left:.4rem;"
        "vertical-align:.1em}\n"
        ".careers .check{display:block;font-size:.9rem;color:var(--caveat);margin-top:.15rem}\n"
        ".note{color:var(--muted);font-size:.95rem;border-left:3px solid var(--line);"
        "padding-left:.8rem;margin:.9rem 0 0}\n"
        ".dot{display:inline-block;width:.7em;height:.7em;border-radius:50%;"
        "background:var(--deg,var(--accent));margin-right:.45em;vertical-align:.02em}\n"
        ".legend{color:var(--muted);margin:-.75rem 0 1.25rem}\n"
        ".legend .dot{background:var(--shared)}\n"
        ".summary{font-weight:600;margin:.45rem 0 .5rem}\n"
        ".desc{color:var(--muted)}\n"
        ".qr{margin:.9rem 0 0;text-align:center}\n"
        ".qr svg{display:block;margin:0 auto;width:7.5rem;height:auto}\n"
        ".qr figcaption{font-size:.8rem;color:var(--muted);overflow-wrap:anywhere}\n"
        ".caveat{background:var(--surface-alt);border-left:.3rem solid var(--caveat);"
        "border-radius:.5rem;padding:.65rem .9rem;margin:.9rem 0 0}\n"
        ".caveat strong{display:block;color:var(--caveat);font-size:.85rem;"
        "text-transform:uppercase;letter-spacing:.07em}\n"
        ".from{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.3rem 1rem}\n"
        ".table-wrap{overflow-x:auto;background:var(--surface);border-radius:1rem}\n"
        "table{border-collapse:collapse;width:100%;min-width:34rem}\n"
        "th,td{text-align:left;vertical-align:top;padding:.9rem 1.1rem;"
        "border-bottom:1px solid var(--line)}\n"
        "tr:last-child>*{border-bottom:0}\n"
        "thead th{font-size:1.2rem;color:var(--deg,var(--text));border-bottom:2px solid var(--line)}\n"
        "tbody th{color:var(--accent);font-size:.8rem;text-transform:uppercase;"
        "letter-spacing:.08em;width:11rem}\n"
        "td ul{margin:0;padding-left:1.1rem}\n"
        "td .careers li{padding:.3rem .6rem}\n"
        ".conclusion{font-size:clamp(1.1rem,2.2vw,1.3rem);background:var(--surface);"
        "border-left:.4rem solid var(--accent);padding:1.1rem 1.35rem;border-radius:.75rem;"
        "margin:1.5rem 0 0;max-width:60rem}\n"
        ".points{margin:.6rem 0 0;padding-left:1.2rem}\n"
        ".points li::marker{color:var(--deg,var(--accent))}\n"
        ".about p{max-width:46rem}\n"
        ".intro{font-size:1.15rem;max-width:60rem;margin:0 0 1.5rem}\n"
        ".muted{color:var(--muted)}\n"
        "footer{color:var(--muted);border-top:1px solid var(--line);margin-top:clamp(2.5rem,6vw,4rem);"
        "padding:1.5rem 0 2.5rem;font-size:.9rem}\n"
        "@media (max-width:40rem){body{font-size:1rem}tbody th{width:auto}}\n"
        "@media print{nav,.skip{display:none}body{background:#fff;color:#000}"
        ".card,.table-wrap,.conclusion,header.hero{background:none;border-color:#999}"
        ".grid{display:block}.card{break-inside:avoid;margin-bottom:1rem}}\n"
        "</style>\n");
}

/* A paragraph of class cls (NULL: none) holding text; nothing when text is
 * empty, as every optional text of the content may be. */
static void paragraph(strbuf *b, const char *cls, const char *text)
{
    if (!text[0])
        return;
    if (cls)
        strbuf_printf(b, "<p class=\"%s\">", cls);
    else
        strbuf_str(b, "<p>");
    esc(b, text);
    strbuf_str(b, "</p>\n");
}

/* The heading of a part of a card ("Topics", "Careers"). */
static void part_heading(strbuf *b, const char *text)
{
    strbuf_str(b, "<h4>");
    esc(b, text);
    strbuf_str(b, "</h4>\n");
}

/* The items of a list of texts, each its own <li>. */
static void list_items(strbuf *b, char *const *items, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        strbuf_str(b, "<li>");
        esc(b, items[i]);
        strbuf_str(b, "</li>");
    }
}

/* A link to the card with anchor prefix + id, reading text. */
static void card_link(strbuf *b, const char *prefix, const char *id, const char *text)
{
    strbuf_str(b, "<a href=\"#");
    put_id(b, prefix, id);
    strbuf_str(b, "\">");
    esc(b, text);
    strbuf_str(b, "</a>");
}

static void award_badge(strbuf *b, const content *c, const content_degree *d)
{
    const content_award *aw = award_of(c, d);
    if (!aw)
        return;
    strbuf_str(b, "<p><span class=\"badge\"><abbr title=\"");
    esc_attr(b, aw->name);
    strbuf_str(b, "\">");
    esc(b, aw->short_name[0] ? aw->short_name : aw->name);
    strbuf_str(b, "</abbr></span>");
    if (aw->short_name[0] && aw->name[0]) {
        strbuf_str(b, "<span class=\"award-name\">");
        esc(b, aw->name);
        strbuf_str(b, "</span>");
    }
    strbuf_str(b, "</p>\n");
}

static void chips(strbuf *b, char *const *items, size_t n)
{
    strbuf_str(b, "<ul class=\"chips\">");
    list_items(b, items, n);
    strbuf_str(b, "</ul>\n");
}

/* A degree's careers: links to the career cards, the shared ones marked, each
 * with its caveat. */
static void career_list(strbuf *b, const content *c, const content_degree *d, bool caveats)
{
    strbuf_str(b, "<ul class=\"careers\">\n");
    for (size_t k = 0; k < d->n_careers; k++) {
        size_t ci = d->careers[k];
        if (ci >= c->n_careers)
            continue;
        const content_career *cr = &c->careers[ci];
        bool shared = content_career_shared(c, ci);
        strbuf_str(b, shared ? "<li class=\"shared\">" : "<li>");
        card_link(b, "career-", cr->id, cr->name);
        if (shared) {
            strbuf_str(b, "<span class=\"tag\">");
            esc(b, str(c, CONTENT_STR_SHARED));
            strbuf_str(b, "</span>");
        }
        if (caveats && cr->caveat[0]) {
            strbuf_str(b, "<span class=\"check\">");
            esc(b, str(c, CONTENT_STR_CHECK));
            strbuf_str(b, ": ");
            esc(b, cr->caveat);
            strbuf_str(b, "</span>");
        }
        strbuf_str(b, "</li>\n");
    }
    strbuf_str(b, "</ul>\n");
}

static void deg_style(strbuf *b, const content_degree *d)
{
    strbuf_str(b, " style=\"--deg:");
    put_color(b, d->color);
    strbuf_str(b, "\"");
}

static void degree_card(strbuf *b, const content *c, const content_degree *d)
{
    strbuf_str(b, "<article class=\"card\" id=\"");
    put_id(b, "degree-", d->id);
    strbuf_str(b, "\"");
    deg_style(b, d);
    strbuf_str(b, ">\n");
    if (d->image[0]) {
        strbuf_str(b, "<img src=\"");
        put_url_path(b, d->image);
        strbuf_str(b, "\" alt=\"");
        esc_attr(b, d->name);
        strbuf_str(b, "\" loading=\"lazy\">\n");
    }
    award_badge(b, c, d);
    strbuf_str(b, "<h3>");
    if (d->url[0] && web_address(d->url)) {
        strbuf_str(b, "<a href=\"");
        esc_attr(b, d->url);
        strbuf_str(b, "\">");
        esc(b, d->name);
        strbuf_str(b, "</a>");
    } else {
        esc(b, d->name);
    }
    strbuf_str(b, "</h3>\n");
    paragraph(b, "tagline", d->tagline);
    if (d->focus[0]) {
        part_heading(b, str(c, CONTENT_STR_FOCUS));
        paragraph(b, NULL, d->focus);
    }
    if (d->n_topics) {
        part_heading(b, str(c, CONTENT_STR_TOPICS));
        chips(b, d->topics, d->n_topics);
    }
    if (d->n_software) {
        part_heading(b, str(c, CONTENT_STR_SOFTWARE));
        chips(b, d->software, d->n_software);
    }
    if (d->n_modules) {
        part_heading(b, str(c, CONTENT_STR_MODULES));
        strbuf_str(b, "<dl class=\"modules\">\n");
        for (size_t i = 0; i < d->n_modules; i++) {
            strbuf_str(b, "<dt>");
            esc(b, d->modules[i].title);
            strbuf_str(b, "</dt><dd>");
            esc(b, d->modules[i].text);
            strbuf_str(b, "</dd>\n");
        }
        strbuf_str(b, "</dl>\n");
    }
    if (d->hands_on[0]) {
        part_heading(b, str(c, CONTENT_STR_HANDS_ON));
        paragraph(b, NULL, d->hands_on);
    }
    if (d->n_careers) {
        part_heading(b, str(c, CONTENT_STR_CAREER_PATHS));
        career_list(b, c, d, true);
    }
    paragraph(b, "note", d->careers_note);
    qr_figure(b, c, d->url);
    strbuf_str(b, "</article>\n");
}

static void section_head(strbuf *b, const char *id, const char *title, const char *hint)
{
    strbuf_printf(b, "<section id=\"%s\" aria-labelledby=\"%s-h\">\n<h2 id=\"%s-h\">", id, id, id);
    esc(b, title);
    strbuf_str(b, "</h2>\n");
    if (hint)
        paragraph(b, "hint", hint);
}

static void conclusion(strbuf *b, const content *c)
{
    paragraph(b, "conclusion", c->conclusion);
}

/* The degrees side by side, in the rows of the kiosk's Compare screen. */
static void compare_section(strbuf *b, const content *c)
{
    section_head(b, "compare", str(c, CONTENT_STR_COMPARE), str(c, CONTENT_STR_COMPARE_HINT));
    strbuf_str(b, "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"compare-h\" "
           "tabindex=\"0\">\n<table>\n<thead><tr><td></td>");
    for (size_t i = 0; i < c->n_degrees; i++) {
        strbuf_str(b, "<th scope=\"col\"");
        deg_style(b, &c->degrees[i]);
        strbuf_str(b, ">");
        card_link(b, "degree-", c->degrees[i].id, c->degrees[i].name);
        strbuf_str(b, "</th>");
    }
    strbuf_str(b, "</tr></thead>\n<tbody>\n");
    for (int row = 0; row < 5; row++) {
        static const content_str head[5] = { CONTENT_STR_AWARD, CONTENT_STR_FOCUS, CONTENT_STR_TOPICS, CONTENT_STR_SOFTWARE,
                                             CONTENT_STR_CAREER_PATHS };
        strbuf_str(b, "<tr><th scope=\"row\">");
        esc(b, str(c, head[row]));
        strbuf_str(b, "</th>");
        for (size_t i = 0; i < c->n_degrees; i++) {
            const content_degree *d = &c->degrees[i];
            const content_award *aw = award_of(c, d);
            strbuf_str(b, "<td");
            deg_style(b, d);
            strbuf_str(b, ">");
            switch (row) {
            case 0:
                if (aw) {
                    strbuf_str(b, "<span class=\"badge\">");
                    esc(b, aw->short_name[0] ? aw->short_name : aw->name);
                    strbuf_str(b, "</span> ");
                    esc(b, aw->name);
                }
                break;
            case 1:
                esc(b, d->focus);
                break;
            case 2:
            case 3: {
                char *const *it = row == 2 ? d->topics : d->software;
                size_t n = row == 2 ? d->n_topics : d->n_software;
                if (n) {
                    strbuf_str(b, "<ul>");
                    list_items(b, it, n);
                    strbuf_str(b, "</ul>");
                }
                break;
            }
            default:
                if (d->n_careers)
                    career_list(b, c, d, false);
                break;
            }
            strbuf_str(b, "</td>");
        }
        strbuf_str(b, "</tr>\n");
    }
    strbuf_str(b, "</tbody>\n</table>\n</div>\n");
    conclusion(b, c);
    strbuf_str(b, "</section>\n");
}

static void careers_section(strbuf *b, const content *c)
{
    section_head(b, "careers", str(c, CONTENT_STR_CAREERS), str(c, CONTENT_STR_CAREERS_HINT));
    bool any_shared = false;
    for (size_t i = 0; i < c->n_careers; i++)
        any_shared |= content_career_shared(c, i);
    if (any_shared) {
        strbuf_str(b, "<p class=\"legend\"><span class=\"dot\" aria-hidden=\"true\"></span>");
        esc(b, str(c, CONTENT_STR_SHARED));
        strbuf_str(b, "</p>\n");
    }
    strbuf_str(b, "<div class=\"grid\">\n");
    for (size_t i = 0; i < c->n_careers; i++) {
        const content_career *cr = &c->careers[i];
        bool shared = content_career_shared(c, i);
        strbuf_str(b, "<article class=\"card\" id=\"");
        put_id(b, "career-", cr->id);
        strbuf_str(b, "\"");
        if (shared)
            strbuf_str(b, " style=\"--deg:var(--shared)\"");
        else if (cr->n_degrees && cr->degrees[0] < c->n_degrees)
            deg_style(b, &c->degrees[cr->degrees[0]]);
        strbuf_str(b, ">\n<h3>");
        esc(b, cr->name);
        strbuf_str(b, "</h3>\n");
        if (shared) {
            strbuf_str(b, "<p><span class=\"tag\">");
            esc(b, str(c, CONTENT_STR_SHARED));
            strbuf_str(b, "</span></p>\n");
        }
        paragraph(b, "summary", cr->summary);
        paragraph(b, "desc", cr->description);
        if (cr->n_degrees) {
            part_heading(b, str(c, CONTENT_STR_LEADS_FROM));
            strbuf_str(b, "<ul class=\"from\">");
            for (size_t k = 0; k < cr->n_degrees; k++) {
                if (cr->degrees[k] >= c->n_degrees)
                    continue;
                const content_degree *d = &c->degrees[cr->degrees[k]];
                strbuf_str(b, "<li");
                deg_style(b, d);
                strbuf_str(b, "><span class=\"dot\" aria-hidden=\"true\"></span>");
                card_link(b, "degree-", d->id, d->name);
                strbuf_str(b, "</li>");
            }
            strbuf_str(b, "</ul>\n");
        }
        if (cr->caveat[0]) {
            strbuf_str(b, "<p class=\"caveat\"><strong>");
            esc(b, str(c, CONTENT_STR_CHECK));
            strbuf_str(b, "</strong>");
            esc(b, cr->caveat);
            strbuf_str(b, "</p>\n");
        }
        qr_figure(b, c, cr->url);
        strbuf_str(b, "</article>\n");
    }
    strbuf_str(b, "</div>\n");
    paragraph(b, "note", c->careers_note);
    strbuf_str(b, "</section>\n");
}

static void awards_section(strbuf *b, const content *c)
{
    section_head(b, "ba-bs", str(c, CONTENT_STR_BA_BS), str(c, CONTENT_STR_BA_BS_HINT));
    paragraph(b, "intro", c->awards_intro);
    strbuf_str(b, "<div class=\"grid\">\n");
    for (size_t i = 0; i < c->n_awards; i++) {
        const content_award *aw = &c->awards[i];
        strbuf_str(b, "<article class=\"card\" style=\"--deg:");
        put_color(b, content_award_color(c, i));
        strbuf_str(b, "\">\n");
        if (aw->short_name[0]) {
            strbuf_str(b, "<p><span class=\"badge\">");
            esc(b, aw->short_name);
            strbuf_str(b, "</span></p>\n");
        }
        strbuf_str(b, "<h3>");
        esc(b, aw->name);
        strbuf_str(b, "</h3>\n");
        paragraph(b, "summary", aw->summary);
        if (aw->n_points) {
            strbuf_str(b, "<ul class=\"points\">");
            list_items(b, aw->points, aw->n_points);
            strbuf_str(b, "</ul>\n");
        }
        strbuf_str(b, "</article>\n");
    }
    strbuf_str(b, "</div>\n");
    if (c->n_award_rows) {
        strbuf_str(b, "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"ba-bs-h\" "
               "tabindex=\"0\" style=\"margin-top:1.5rem\">\n<table>\n<thead><tr><td></td>");
        for (size_t i = 0; i < c->n_awards; i++) {
            strbuf_str(b, "<th scope=\"col\" style=\"--deg:");
            put_color(b, content_award_color(c, i));
            strbuf_str(b, "\"><abbr title=\"");
            esc_attr(b, c->awards[i].name);
            strbuf_str(b, "\">");
            esc(b, c->awards[i].short_name[0] ? c->awards[i].short_name : c->awards[i].name);
            strbuf_str(b, "</abbr></th>");
        }
        strbuf_str(b, "</tr></thead>\n<tbody>\n");
        for (size_t r = 0; r < c->n_award_rows; r++) {
            strbuf_str(b, "<tr><th scope=\"row\">");
            esc(b, c->award_rows[r].topic);
            strbuf_str(b, "</th>");
            for (size_t i = 0; i < c->n_awards; i++) {
                strbuf_str(b, "<td>");
                if (c->award_rows[r].values && c->award_rows[r].values[i])
                    esc(b, c->award_rows[r].values[i]);
                strbuf_str(b, "</td>");
            }
            strbuf_str(b, "</tr>\n");
        }
        strbuf_str(b, "</tbody>\n</table>\n</div>\n");
    }
    conclusion(b, c);
    strbuf_str(b, "</section>\n");
}

static void about_section(strbuf *b, const content *c)
{
    section_head(b, "about", str(c, CONTENT_STR_ABOUT), NULL);
    strbuf_str(b, "<div class=\"about\">\n");
    paragraph(b, NULL, c->about);
    paragraph(b, "muted", c->attribution);
    strbuf_str(b, "</div>\n</section>\n");
}

void export_page_name(const content *c, size_t i, char *out, size_t n)
{
    const content *base = content_in_language(c, content_default_language(c));
    if (i == content_default_language(c) || i >= content_language_count(c))
        snprintf(out, n, "index.html");
    else
        snprintf(out, n, "index.%s.html", content_in_language(base, i)->language);
}

/* With more than one language: a link to the page in each, named in its own
 * words and marked up in its own language, the current one marked. */
static void language_links(strbuf *b, const content *c)
{
    size_t n = content_language_count(c);
    if (n < 2)
        return;
    strbuf_str(b, "<nav class=\"langs\" aria-label=\"");
    esc_attr(b, str(c, CONTENT_STR_LANGUAGE));
    strbuf_str(b, "\"><ul>\n");
    for (size_t i = 0; i < n; i++) {
        const content *v = content_in_language(c, i);
        char page[128];
        export_page_name(c, i, page, sizeof page);
        strbuf_str(b, "<li><a href=\"");
        esc_attr(b, page);
        strbuf_str(b, "\" hreflang=\"");
        esc_attr(b, v->language);
        strbuf_str(b, "\" lang=\"");
        esc_attr(b, v->language);
        strbuf_str(b, "\"");
        if (i == c->language_index)
            strbuf_str(b, " aria-current=\"page\"");
        strbuf_str(b, ">");
        const char *name = content_language_name(c, i);
        esc(b, name && name[0] ? name : v->language);
        strbuf_str(b, "</a></li>\n");
    }
    strbuf_str(b, "</ul></nav>\n");
}

char *export_html_page(const content *c, size_t *len)
{
    strbuf b = { 0 };
    const char *lang = c->language && c->language[0] ? c->language : "en";
    strbuf_str(&b, "<!DOCTYPE html>\n<html lang=\"");
    esc_attr(&b, lang);
    strbuf_str(&b, "\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    esc(&b, c->title);
    strbuf_str(&b, "</title>\n");
    if (c->subtitle[0]) {
        strbuf_str(&b, "<meta name=\"description\" content=\"");
        esc_attr(&b, c->subtitle);
        strbuf_str(&b, "\">\n");
    }
    strbuf_str(&b, "<meta name=\"theme-color\" content=\"");
    put_color(&b, c->colors[CONTENT_COLOR_BACKGROUND]);
    strbuf_str(&b, "\">\n");
    for (size_t i = 0; content_language_count(c) > 1 && i < content_language_count(c); i++) {
        char page[128];
        export_page_name(c, i, page, sizeof page);
        strbuf_str(&b, "<link rel=\"alternate\" hreflang=\"");
        esc_attr(&b, content_in_language(c, i)->language);
        strbuf_str(&b, "\" href=\"");
        esc_attr(&b, page);
        strbuf_str(&b, "\">\n");
    }
    style_sheet(&b, c);
    strbuf_str(&b, "</head>\n<body>\n<a class=\"skip\" href=\"#degrees\">");
    esc(&b, str(c, CONTENT_STR_HOME_TITLE));
    strbuf_str(&b, "</a>\n<header class=\"hero\">\n<div class=\"wrap\">\n");
    language_links(&b, c);
    strbuf_str(&b, "<h1>");
    esc(&b, c->title);
    strbuf_str(&b, "</h1>\n");
    paragraph(&b, "subtitle", c->subtitle);

    bool compare = c->n_degrees >= 2, careers = c->n_careers > 0, awards = c->n_awards > 0;
    strbuf_str(&b, "<nav><ul>\n");
    struct {
        bool on;
        const char *id;
        content_str label;
    } links[] = { { compare, "compare", CONTENT_STR_COMPARE }, { careers, "careers", CONTENT_STR_CAREERS },
                  { awards, "ba-bs", CONTENT_STR_BA_BS }, { true, "about", CONTENT_STR_ABOUT } };
    for (size_t i = 0; i < sizeof links / sizeof *links; i++) {
        if (!links[i].on)
            continue;
        strbuf_printf(&b, "<li><a href=\"#%s\">", links[i].id);
        esc(&b, str(c, links[i].label));
        strbuf_str(&b, "</a></li>\n");
    }
    strbuf_str(&b, "</ul></nav>\n</div>\n</header>\n<main class=\"wrap\">\n");

    section_head(&b, "degrees", str(c, CONTENT_STR_HOME_TITLE), NULL);
    strbuf_str(&b, "<div class=\"grid\">\n");
    for (size_t i = 0; i < c->n_degrees; i++)
        degree_card(&b, c, &c->degrees[i]);
    strbuf_str(&b, "</div>\n</section>\n");
    if (compare)
        compare_section(&b, c);
    if (careers)
        careers_section(&b, c);
    if (awards)
        awards_section(&b, c);
    about_section(&b, c);

    strbuf_str(&b, "</main>\n<footer>\n<div class=\"wrap\">\n<p>");
    esc(&b, c->title);
    if (c->version[0] || c->date[0]) {
        strbuf_str(&b, " &middot; ");
        esc(&b, str(c, CONTENT_STR_VERSION));
        strbuf_str(&b, " ");
        esc(&b, c->version);
        if (c->date[0]) {
            strbuf_str(&b, " &middot; <time>");
            esc(&b, c->date);
            strbuf_str(&b, "</time>");
        }
    }
    strbuf_str(&b, "</p>\n</div>\n</footer>\n</body>\n</html>\n");
    size_t n = b.len;
    char *page = strbuf_take(&b);
    if (page && len)
        *len = n;
    return page;
}

/* ---- files ------------------------------------------------------------------- */

static void fail(char *err, size_t errlen, const char *call, const char *path, int e)
{
    if (err && errlen)
        snprintf(err, errlen, "%s \"%s\": %s", call, path, strerror(e));
}

/* mkdir -p: create path and every missing parent. */
static bool make_dirs(const char *path, char *err, size_t errlen)
{
    size_t n = strlen(path);
    char *p = malloc(n + 1);
    if (!p) {
        fail(err, errlen, "malloc for", path, ENOMEM);
        return false;
    }
    memcpy(p, path, n + 1);
    bool ok = true;
    for (size_t i = 1; ok && i <= n; i++) {
        if (p[i] != '/' && p[i] != '\0')
            continue;
        if (p[i - 1] == '/')
            continue; /* "a//b" */
        char keep = p[i];
        p[i] = '\0';
        if (mkdir(p, 0755) != 0) {
            int e = errno;
            struct stat st;
            if (e != EEXIST) {
                fail(err, errlen, "mkdir", p, e);
                ok = false;
            } else if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode)) {
                fail(err, errlen, "mkdir", p, ENOTDIR);
                ok = false;
            }
        }
        p[i] = keep;
    }
    free(p);
    return ok;
}

static char *join(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    char *p = malloc(na + nb + 2);
    if (p) {
        memcpy(p, a, na);
        p[na] = '/';
        memcpy(p + na + 1, b, nb + 1);
    }
    return p;
}

/* A content-relative path that stays inside the folder (the loader checks
 * this too; the export does not rely on it). */
static bool safe_relative(const char *rel)
{
    if (!rel[0] || rel[0] == '/')
        return false;
    for (const char *s = rel; *s;) {
        size_t n = strcspn(s, "/");
        if (n == 2 && s[0] == '.' && s[1] == '.')
            return false;
        s += n;
        s += *s == '/';
    }
    return true;
}

/* True when the folder `real` (a resolved path) is `top` or inside it. */
static bool within(const char *real, const char *top)
{
    size_t n = strlen(top);
    return !strncmp(real, top, n) && (real[n] == '\0' || real[n] == '/' || !strcmp(top, "/"));
}

/* True when a file written at `path` would land inside the content folder:
 * its folder, resolved (symlinks included), is the content folder or below
 * it. The export then refuses: nothing the app writes may replace one of
 * its own inputs. */
static bool lands_in_content(const content *c, const char *path)
{
    char top[PATH_MAX], real[PATH_MAX];
    if (!realpath(c->dir ? c->dir : ".", top))
        return false; /* no content folder left to harm */
    size_t n = strlen(path);
    char *folder = malloc(n + 2);
    if (!folder)
        abort();
    memcpy(folder, path, n + 1);
    char *slash = strrchr(folder, '/');
    if (slash)
        *slash = '\0';
    else
        strcpy(folder, ".");
    bool in = realpath(folder[0] ? folder : "/", real) && within(real, top);
    free(folder);
    return in;
}

/* Write len bytes to `to` through the safe writer (file.h): a temporary of
 * a unique name renamed into place. The destination is never opened, so a
 * destination that is the source (a link, a folder exported onto itself)
 * is never truncated, and a symlink or named pipe left at its name is
 * replaced, never followed or blocked on. */
static bool write_replace(const char *to, const char *data, size_t len, char *err,
                          size_t errlen)
{
    int e = file_write_atomic(to, data, len);
    if (e)
        fail(err, errlen, "write", to, e);
    return e == 0;
}

static bool copy_file(const char *from, const char *to, char *err, size_t errlen)
{
    char *data = NULL;
    size_t len = 0;
    int e = file_read(from, EXPORT_MAX_ASSET, &data, &len);
    if (e) {
        if (err && errlen)
            snprintf(err, errlen, "read \"%s\": %s", from, file_error_text(e));
        return false;
    }
    bool ok = write_replace(to, data, len, err, errlen);
    free(data);
    return ok;
}

/* Copy c->dir/rel to dir/rel, creating the folders between. */
static bool copy_asset(const content *c, const char *dir, const char *rel, char *err,
                       size_t errlen)
{
    if (!safe_relative(rel)) {
        if (err && errlen)
            snprintf(err, errlen, "asset \"%s\": path leaves the content directory", rel);
        return false;
    }
    char *from = join(c->dir ? c->dir : ".", rel), *to = join(dir, rel);
    bool ok = from && to;
    if (!ok)
        fail(err, errlen, "malloc for", rel, ENOMEM);
    char *slash = ok ? strrchr(to, '/') : NULL;
    if (ok && slash && slash > to + strlen(dir)) {
        *slash = '\0';
        ok = make_dirs(to, err, errlen);
        *slash = '/';
    }
    if (ok && lands_in_content(c, to)) {
        if (err && errlen)
            snprintf(err, errlen, "export: \"%s\" would be written inside the content folder "
                     "\"%s\"; choose an output folder outside it", to, c->dir);
        ok = false;
    }
    if (ok)
        ok = copy_file(from, to, err, errlen);
    free(from);
    free(to);
    return ok;
}

bool export_html(const content *c, const char *dir, char *err, size_t errlen)
{
    if (err && errlen)
        err[0] = '\0';
    if (!dir || !dir[0]) {
        if (err && errlen)
            snprintf(err, errlen, "export: no output directory given");
        return false;
    }
    if (!make_dirs(dir, err, errlen))
        return false;
    /* The common mistake, refused before anything is written. */
    char *probe = join(dir, "index.html");
    if (!probe)
        abort();
    bool inside = lands_in_content(c, probe);
    free(probe);
    if (inside) {
        if (err && errlen)
            snprintf(err, errlen, "export: \"%s\" is the content folder or inside it; the "
                     "export would write over its own inputs, so choose another folder", dir);
        return false;
    }
    for (size_t i = 0; i < c->n_degrees; i++)
        if (c->degrees[i].image[0] && !copy_asset(c, dir, c->degrees[i].image, err, errlen))
            return false;
    for (int i = 0; i < 2; i++)
        if (has_font_file(c, i) && !copy_asset(c, dir, c->font_file[i], err, errlen))
            return false;

    /* One page a language, each linking to the others. */
    bool ok = true;
    for (size_t i = 0; ok && i < content_language_count(c); i++) {
        const content *v = content_in_language(c, i);
        char name[128];
        export_page_name(c, i, name, sizeof name);
        size_t len = 0;
        char *page = export_html_page(v, &len);
        if (!page) {
            fail(err, errlen, "malloc for", name, ENOMEM);
            return false;
        }
        char *final = join(dir, name);
        if (!final)
            abort();
        ok = write_replace(final, page, len, err, errlen);
        free(page);
        free(final);
    }
    return ok;
}
