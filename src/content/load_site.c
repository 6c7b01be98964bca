/* load_site.c - the loaders of the files that set up the whole kiosk:
 * openday.json (the manifest and the visitor languages), theme.json and
 * strings.json. See load_site.h. */
#include "load_site.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A language code as eSpeak NG and libhyphen know them: "en", "de",
 * "pt-BR", "cy". */
static bool language_code_ok(const char *s)
{
    size_t n = 0;
    while (s[n] >= 'a' && s[n] <= 'z')
        n++;
    if (n < 2 || n > 3)
        return false;
    if (!s[n])
        return true;
    if (s[n] != '-')
        return false;
    size_t m = 0;
    for (const char *t = s + n + 1; *t; t++, m++)
        if (!((*t >= 'a' && *t <= 'z') || (*t >= 'A' && *t <= 'Z') || (*t >= '0' && *t <= '9')))
            return false;
    return m >= 2 && m <= 8;
}

/* openday.json "language" (the node, or NULL) and "languages": fills
 * c->language (the load's own language when it is one of the set's
 * variants), c->languages and c->language_index, and declares the list to
 * the jfile so every later translation is checked against it. */
static bool load_languages(jfile *f, content *c, const cJSON *lang)
{
    bool ok = true;
    const char *def = lang ? lang->valuestring : NULL;
    if (def && !language_code_ok(def)) {
        jfile_problem(f, lang, false, "language", "\"%s\" is not a language code; write one such "
                      "as \"en\", \"de\" or \"pt-BR\"", def);
        ok = false;
    }
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(f->root, "languages");
    bool declared = false;
    if (list) {
        size_t n = cJSON_IsArray(list) ? (size_t)cJSON_GetArraySize(list) : 0;
        if (!cJSON_IsArray(list) || n < 1 || n > CONTENT_LANGUAGES_MAX) {
            jfile_problem(f, list, false, "languages", "\"languages\" must be a list of 1 to %d "
                          "language codes, such as [\"en\", \"de\"]", CONTENT_LANGUAGES_MAX);
            ok = false;
        } else {
            c->languages = jfile_calloc(n, sizeof *c->languages);
            size_t i = 0;
            bool good = true;
            for (const cJSON *e = list->child; e; e = e->next, i++) {
                char p[40];
                snprintf(p, sizeof p, "languages[%zu]", i);
                if (!cJSON_IsString(e) || !language_code_ok(e->valuestring)) {
                    jfile_problem(f, e, false, p, "each language must be a code in quotes, such as "
                                  "\"en\", \"de\" or \"pt-BR\"");
                    good = false;
                    continue;
                }
                for (size_t k = 0; k < c->n_languages; k++)
                    if (!strcmp(c->languages[k], e->valuestring)) {
                        jfile_problem(f, e, false, p, "\"%s\" is listed twice; keep one",
                                      e->valuestring);
                        good = false;
                    }
                c->languages[c->n_languages++] = jfile_strdup(e->valuestring);
            }
            if (!good)
                ok = false;
            declared = good;
            if (good && def && ok) {
                bool in = false;
                for (size_t k = 0; k < c->n_languages && !in; k++)
                    in = !strcmp(c->languages[k], def);
                if (!in) {
                    jfile_problem(f, lang, false, "language", "\"%s\" is not among \"languages\"; "
                                  "add it there or show one of them", def);
                    ok = false;
                }
            }
        }
    }
    if (!declared) {
        /* One language: the manifest's, as before languages were declared. */
        jfile_free_list(c->languages, c->n_languages);
        c->languages = jfile_calloc(1, sizeof *c->languages);
        c->languages[0] = jfile_strdup(def && ok ? def : "en");
        c->n_languages = 1;
    } else {
        f->declared = c->languages;
        f->n_declared = c->n_languages;
    }
    const char *mine = f->lang ? f->lang : def && ok ? def : c->languages[0];
    c->language = jfile_strdup(mine);
    c->language_index = 0;
    for (size_t k = 0; k < c->n_languages; k++)
        if (!strcmp(c->languages[k], mine))
            c->language_index = k;
    return ok;
}

bool load_manifest(jfile *f, content *c)
{
    static const char *const known[] = { "schema", "title", "subtitle", "version", "date",
                                         "language", "attribution", "about", "conclusion",
                                         "careers_note", "url_base", "languages", NULL };
    bool ok = jfile_begin(f, known);
    const cJSON *lang = jfile_plain(f, f->root, "language", "", false);
    if (!load_languages(f, c, lang))
        ok = false;
    f->lang = c->language;
    JFILE_TEXT(c->title, f->root, "title", "", true);
    JFILE_TEXT(c->subtitle, f->root, "subtitle", "", false);
    JFILE_TEXT(c->version, f->root, "version", "", true);
    JFILE_TEXT(c->attribution, f->root, "attribution", "", true);
    JFILE_TEXT(c->about, f->root, "about", "", false);
    JFILE_TEXT(c->conclusion, f->root, "conclusion", "", false);
    JFILE_TEXT(c->careers_note, f->root, "careers_note", "", false);
    const cJSON *d = jfile_date(f);
    c->date = jfile_strdup(d ? d->valuestring : "");
    const cJSON *base = jfile_plain(f, f->root, "url_base", "", false);
    c->url_base = base ? jfile_url(f, base, "url_base", false) : jfile_strdup("");
    if (!c->url_base) {
        c->url_base = jfile_strdup("");
        ok = false;
    }
    return ok && d;
}

bool load_theme(jfile *f, content *c)
{
    static const char *const top[] = { "schema", "font_family", "font_file", "font_file_bold",
                                       "colors", NULL };
    bool ok = jfile_begin(f, top);
    const cJSON *fam = jfile_plain(f, f->root, "font_family", "", false);
    c->font_family = jfile_strdup(fam ? fam->valuestring : "Inter");
    static const char *const font_keys[2] = { "font_file", "font_file_bold" };
    for (int i = 0; i < 2; i++) {
        const cJSON *ff = jfile_plain(f, f->root, font_keys[i], "", false);
        c->font_file[i] = jfile_strdup(ff ? ff->valuestring : "");
        if (ff && *c->font_file[i] && !jfile_asset(f, ff, c->dir, font_keys[i], "font"))
            ok = false;
    }
    const cJSON *cols = cJSON_GetObjectItemCaseSensitive(f->root, "colors");
    if (cols && !cJSON_IsObject(cols)) {
        jfile_problem(f, cols, false, "colors", "\"colors\" must be an object of named colours");
        return false;
    }
    if (cols)
        jfile_unknown_fields_n(f, cols, "colors", content_color_keys, CONTENT_COLOR_COUNT);
    for (int i = 0; i < CONTENT_COLOR_COUNT; i++) {
        c->colors[i] = content_default_color((content_color)i);
        if (!cols || !cJSON_GetObjectItemCaseSensitive(cols, content_color_keys[i])) {
            char p[64], hex[8];
            snprintf(p, sizeof p, "colors.%s", content_color_keys[i]);
            /* The built-in colours are opaque, written as #RRGGBB. */
            snprintf(hex, sizeof hex, "#%02X%02X%02X", c->colors[i].r, c->colors[i].g,
                     c->colors[i].b);
            jfile_problem(f, cols ? cols : f->root, true, p, "colour \"%s\" missing; using %s",
                          content_color_keys[i], hex);
        } else if (!jfile_color(f, cols, content_color_keys[i], "colors", &c->colors[i])) {
            ok = false;
        }
    }
    return ok;
}

bool load_strings(jfile *f, content *c)
{
    static const char *const top[] = { "schema", "strings", NULL };
    bool ok = jfile_begin(f, top);
    const cJSON *s = cJSON_GetObjectItemCaseSensitive(f->root, "strings");
    if (s && !cJSON_IsObject(s)) {
        jfile_problem(f, s, false, "strings", "\"strings\" must be an object of named texts");
        return false;
    }
    if (s)
        jfile_unknown_fields_n(f, s, "strings", content_string_keys, CONTENT_STR_COUNT);
    for (int i = 0; i < CONTENT_STR_COUNT; i++) {
        if (!s || !cJSON_GetObjectItemCaseSensitive(s, content_string_keys[i])) {
            char p[64];
            snprintf(p, sizeof p, "strings.%s", content_string_keys[i]);
            /* The chooser's words matter only when there is a choice. */
            bool chooser = i == CONTENT_STR_LANGUAGE_NAME || i == CONTENT_STR_LANGUAGE;
            if (!chooser || c->n_languages > 1)
                jfile_problem(f, s ? s : f->root, true, p, "text \"%s\" missing; using \"%s\"",
                              content_string_keys[i], content_default_string((content_str)i));
            c->strings[i] = jfile_strdup(content_default_string((content_str)i));
        } else {
            JFILE_TEXT(c->strings[i], s, content_string_keys[i], "strings", true);
            /* A language's own name never falls back to another's: two rows
             * of the chooser would read "Deutsch". Without one, its code. */
            const cJSON *v = cJSON_GetObjectItemCaseSensitive(s, content_string_keys[i]);
            if (i == CONTENT_STR_LANGUAGE_NAME && cJSON_IsObject(v) &&
                !cJSON_GetObjectItemCaseSensitive(v, f->lang)) {
                free(c->strings[i]);
                c->strings[i] = jfile_strdup("");
            }
        }
    }
    return ok;
}

