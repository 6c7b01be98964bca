/* test_text.c - text by the rules: line breaks where the Unicode line
 * breaking algorithm (UAX #14) allows them and wherever it requires them,
 * long words hyphenated at the dictionary's points (else broken between
 * characters, never inside one), and fallback faces so that an emoji, a CJK
 * character or a math symbol is measured and drawn, not shown as a box.
 * Wrapping is tested with the fake measurer (fixture.h), fonts with the
 * installed ones. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "font.h"
#include "hyph.h"
#include "lay.h"

/* ---- helpers ------------------------------------------------------------------- */

typedef struct {
    char text[16][512];  /* each line as drawn (with its hyphen) */
    float w[16];
    size_t n;
} lines;

/* Wrap s at maxw (px size 20 with the fake measurer: 11 px per code point)
 * and collect the lines; every line must fit. */
static void wrap(const lay_measure *m, const char *lang, const char *s, float maxw,
                 lines *out)
{
    content *c = content_create();
    free(c->language);
    c->language = strdup(lang);
    lay_env env = { .w = 800, .h = 480, .dpi = 0, .measure = *m, .distance_cm = 0 };
    scene sc;
    scene_init(&sc);
    lay L;
    lay_begin(&L, &sc, c, &env, NULL);
    size_t len = strlen(s), pos = 0;
    out->n = 0;
    while (text_more(s, len, pos)) {
        assert_true(out->n < 16);
        text_span ln;
        pos = text_wrap(&L.text, SCENE_FONT_REGULAR, 20, s, len, pos, maxw, &ln);
        size_t tl;
        const char *t = text_span_text(L.s, s, &ln, false, &tl);
        assert_true(tl < sizeof out->text[0]);
        memcpy(out->text[out->n], t, tl);
        out->text[out->n][tl] = '\0';
        out->w[out->n] = ln.w;
        /* No overflow, and the width is the measurer's own for the line. */
        assert_true(ln.w <= maxw + 0.5f);
        assert_true(fabsf(ln.w - m->text_width(m->ctx, SCENE_FONT_REGULAR, 20, t, tl)) < 0.01f);
        out->n++;
    }
    lay_end(&L);
    scene_deinit(&sc);
    content_destroy(c);
}

/* The width of n code points with the fake measurer at 20 px. */
static float cps(int n)
{
    return 0.55f * 20.0f * (float)n;
}

/* ---- line breaking ---------------------------------------------------------------- */

/* Wrap s at maxw and check that it makes n lines and, line by line, the
 * texts that follow n (NULL: that line's text is not checked). */
static void expect_lines(const lay_measure *m, const char *lang, const char *s, float maxw,
                         size_t n, ...)
{
    lines l;
    wrap(m, lang, s, maxw, &l);
    assert_int_equal(l.n, n);
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++) {
        const char *want = va_arg(ap, const char *);
        if (want)
            assert_string_equal(l.text[i], want);
    }
    va_end(ap);
}

static void dashes_slashes_and_hyphens_are_break_opportunities(void **state)
{
    (void)state;
    lay_measure m = fixture_measure();
    /* "Human–computer" is 14 code points; 12 fit: the line ends after the
     * en dash instead of inside "computer". */
    expect_lines(&m, "en", "Human\xe2\x80\x93" "computer interaction", cps(12), 3,
                 "Human\xe2\x80\x93", "computer", "interaction");
    /* A hyphen (break after it) and a slash before letters. */
    expect_lines(&m, "en", "well-established", cps(12), 2, "well-", "established");
    expect_lines(&m, "en", "input/output", cps(8), 2, "input/", "output");
    /* No break before closing punctuation: "(interaction)" is one piece. */
    expect_lines(&m, "en", "a (interaction)", cps(14), 2, "a", "(interaction)");
    /* A no-break space holds its words together. */
    expect_lines(&m, "en", "up to 10\xc2\xa0km", cps(9), 2, NULL, "10\xc2\xa0km");
}

static void mandatory_breaks_are_honoured(void **state)
{
    (void)state;
    lay_measure m = fixture_measure();
    /* Line feed, a blank line, and the line separator U+2028. */
    expect_lines(&m, "en", "one\n\ntwo\xe2\x80\xa8three", cps(40), 4, "one", "", "two", "three");
    /* CR LF is one break. */
    expect_lines(&m, "en", "one\r\ntwo", cps(40), 2, "one", "two");
}

/* ---- long words ------------------------------------------------------------------ */

static const char lung[] = "pneumonoultramicroscopicsilicovolcanoconiosis";

static void a_long_word_is_hyphenated_at_a_dictionary_point(void **state)
{
    (void)state;
    assert_int_equal(strlen(lung), 45);
    hyph *h = hyph_create(NULL);
    assert_non_null(h);
    unsigned char pts[64];
    assert_true(hyph_points(h, "en", lung, strlen(lung), pts));
    lay_measure m = fixture_measure();
    m.hyphenate = hyph_points;
    m.hctx = h;
    lines l;
    wrap(&m, "en", lung, cps(20), &l);
    assert_true(l.n >= 3);
    size_t at = 0;
    for (size_t i = 0; i < l.n; i++) {
        size_t tl = strlen(l.text[i]);
        if (i + 1 < l.n) {
            /* Every line but the last ends in a hyphen after a point the
             * dictionary gave. */
            assert_true(tl >= 2 && l.text[i][tl - 1] == '-');
            at += tl - 1;
            assert_true(pts[at - 1] != 0);
            assert_memory_equal(l.text[i], lung + at - (tl - 1), tl - 1);
        } else {
            assert_string_equal(l.text[i], lung + at);
        }
    }
    /* Capitals are looked up in lower case: the same points. */
    char upper[64];
    for (size_t i = 0; i <= strlen(lung); i++)
        upper[i] = (char)(lung[i] >= 'a' && lung[i] <= 'z' ? lung[i] - 32 : lung[i]);
    lines u;
    wrap(&m, "en-US", upper, cps(20), &u);
    assert_int_equal(u.n, l.n);
    assert_int_equal(strlen(u.text[0]), strlen(l.text[0]));
    hyph_destroy(h);
}

/* A dictionary prepared in the background gives the same points as one read
 * on first use; preparing again, or a language without a dictionary, is
 * harmless; a hyph destroyed while its thread still reads waits for it. */
static void a_dictionary_prepared_in_the_background(void **state)
{
    (void)state;
    /* English's dictionary: German's would take seconds here. */
    const char *word = lung;
    size_t n = strlen(word);
    unsigned char direct[64], prepared[64];
    hyph *h = hyph_create(NULL);
    bool have = hyph_points(h, "en", word, n, direct);
    hyph_destroy(h);
    h = hyph_create(NULL);
    hyph_prepare(h, "en", NULL, 0, NULL);
    hyph_prepare(h, "en", NULL, 0, NULL);
    hyph_prepare(h, "zz", NULL, 0, NULL);
    hyph_wait(h); /* (asked earlier, it answers nothing rather than wait) */
    assert_int_equal(hyph_points(h, "en", word, n, prepared), have);
    if (have)
        assert_memory_equal(direct, prepared, n);
    assert_false(hyph_points(h, "zz", word, n, prepared));
    hyph_destroy(h);
    h = hyph_create(NULL);
    hyph_prepare(h, "en", NULL, 0, NULL);
    hyph_destroy(h); /* at once: joins the reading thread */
}

static void collect(void *ctx, const char *w, size_t n)
{
    char *out = ctx;
    strncat(out, w, n);
    strcat(out, "|");
}

/* The words handed to the hyphenation table are the letter runs layout asks
 * about: punctuation, digits and spaces end them, and runs under four bytes
 * are never hyphenated. */
static void text_words_are_the_runs_layout_hyphenates(void **state)
{
    (void)state;
    char out[256] = "";
    text_words("Musikproduktion, e-mail: naïve 3D-Druck (Tonstudio)!", collect, out);
    assert_string_equal(out, "Musikproduktion|mail|naïve|Druck|Tonstudio|");
}

static void a_word_without_points_breaks_between_characters(void **state)
{
    (void)state;
    hyph *h = hyph_create(NULL);
    lay_measure m = fixture_measure();
    m.hyphenate = hyph_points;
    m.hctx = h;
    /* 200 letters no pattern breaks. */
    char word[201];
    memset(word, 'x', 200);
    word[200] = '\0';
    lines l;
    wrap(&m, "en", word, cps(30), &l);
    assert_int_equal(l.n, 7);
    size_t total = 0;
    for (size_t i = 0; i < l.n; i++) {
        assert_true(strchr(l.text[i], '-') == NULL);
        total += strlen(l.text[i]);
    }
    assert_int_equal(total, 200);
    /* A language without a dictionary: the same, between characters. */
    wrap(&m, "zz", lung, cps(20), &l);
    assert_int_equal(l.n, 3);
    assert_int_equal(strlen(l.text[0]), 20);
    hyph_destroy(h);
}

static void breaks_between_characters_keep_characters_whole(void **state)
{
    (void)state;
    lay_measure m = fixture_measure();
    lines l;
    /* 60 two-byte letters: never split inside a UTF-8 sequence. */
    char word[121];
    for (int i = 0; i < 60; i++)
        memcpy(word + 2 * i, "\xc3\xa9", 2);
    word[120] = '\0';
    wrap(&m, "en", word, cps(25), &l);
    assert_int_equal(l.n, 3);
    for (size_t i = 0; i < l.n; i++)
        assert_int_equal(strlen(l.text[i]) % 2, 0);
    /* e + combining acute accent, 30 times: no line starts with the accent
     * (the fake measurer counts it as a code point, so 7 fit: the cut moves
     * back to 6). */
    char acc[91];
    for (int i = 0; i < 30; i++)
        memcpy(acc + 3 * i, "e\xcc\x81", 3);
    acc[90] = '\0';
    wrap(&m, "en", acc, cps(7), &l);
    for (size_t i = 0; i < l.n; i++)
        assert_memory_not_equal(l.text[i], "\xcc\x81", 2);
}

/* ---- fonts ----------------------------------------------------------------------- */

static fontset *fonts;

static int fonts_up(void **state)
{
    (void)state;
    if (TTF_Init() != 0)
        return -1;
    fonts = fontset_create("Inter");
    return fonts ? 0 : -1;
}

static int fonts_down(void **state)
{
    (void)state;
    fontset_destroy(fonts);
    TTF_Quit();
    return 0;
}

/* Pixels of s drawn white at 40 px: how many are inked. */
static size_t inked(SDL_Surface *s)
{
    size_t n = 0;
    SDL_LockSurface(s);
    for (int y = 0; y < s->h; y++) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels + y * s->pitch);
        for (int x = 0; x < s->w; x++) {
            Uint8 r, g, b, a;
            SDL_GetRGBA(row[x], s->format, &r, &g, &b, &a);
            n += a > 64;
        }
    }
    SDL_UnlockSurface(s);
    return n;
}

/* Whether two surfaces of the same size hold the same picture. */
static bool same_picture(SDL_Surface *a, SDL_Surface *b)
{
    if (a->w != b->w || a->h != b->h)
        return false;
    SDL_LockSurface(a);
    SDL_LockSurface(b);
    bool same = true;
    for (int y = 0; y < a->h && same; y++)
        same = !memcmp((const Uint8 *)a->pixels + y * a->pitch,
                       (const Uint8 *)b->pixels + y * b->pitch, (size_t)a->w * 4);
    SDL_UnlockSurface(a);
    SDL_UnlockSurface(b);
    return same;
}

static void fallback_faces_draw_what_the_face_lacks(void **state)
{
    (void)state;
    lay_measure m = fontset_measure(fonts);
    TTF_Font *own = fontset_get(fonts, SCENE_FONT_REGULAR, 40);
    SDL_Color ink = { 255, 255, 255, 255 };
    /* The face's box: what a character no face has is drawn as. */
    const char *nothing = "\xf3\xb0\x80\x80"; /* U+F0000, private use */
    assert_int_equal(fontset_missing(fonts, nothing, 4), 0xF0000);
    SDL_Surface *box = fontset_render(fonts, SCENE_FONT_REGULAR, 40, nothing, 4, ink);
    assert_non_null(box);
    static const struct {
        const char *s;
        uint32_t cp;
    } chars[] = {
        { "\xf0\x9f\xa7\xa0", 0x1F9E0 }, /* brain (emoji) */
        { "\xe4\xb8\xad", 0x4E2D },      /* CJK "middle" */
        { "\xe2\x88\x91", 0x2211 },      /* n-ary summation */
    };
    for (size_t i = 0; i < sizeof chars / sizeof *chars; i++) {
        const char *s = chars[i].s;
        size_t len = strlen(s);
        assert_int_equal(fontset_missing(fonts, s, len), 0);
        float w = m.text_width(m.ctx, SCENE_FONT_REGULAR, 40, s, len);
        assert_true(w > 0);
        SDL_Surface *pic = fontset_render(fonts, SCENE_FONT_REGULAR, 40, s, len, ink);
        assert_non_null(pic);
        /* Drawn as wide as measured, with ink, and not as the box. */
        assert_int_equal(pic->w, (int)w);
        assert_true(inked(pic) > 20);
        assert_false(same_picture(pic, box));
        /* Inter lacks the emoji and CJK: those come from a fallback. */
        if (chars[i].cp != 0x2211)
            assert_false(TTF_GlyphIsProvided32(own, chars[i].cp));
        SDL_FreeSurface(pic);
    }
    SDL_FreeSurface(box);
    /* A mixed line: measured width is drawn width, in both weights. */
    const char *line = "How computation works \xf0\x9f\xa7\xa0 and \xe4\xb8\xad\xe2\x88\x91 too";
    for (int role = 0; role < SCENE_FONT_COUNT; role++) {
        float w = m.text_width(m.ctx, (scene_font)role, 31, line, strlen(line));
        SDL_Surface *pic = fontset_render(fonts, (scene_font)role, 31, line, strlen(line), ink);
        assert_non_null(pic);
        assert_int_equal(pic->w, (int)w);
        assert_int_equal(pic->h, TTF_FontHeight(fontset_get(fonts, (scene_font)role, 31)));
        SDL_FreeSurface(pic);
    }
    /* A variation selector the faces lack is dropped, not drawn as a box:
     * the same width as without it. */
    const char *vs = "\xe2\x9c\x93\xef\xb8\x8f"; /* check mark + VS16 */
    assert_true(fabsf(m.text_width(m.ctx, SCENE_FONT_REGULAR, 40, vs, 6) -
                      m.text_width(m.ctx, SCENE_FONT_REGULAR, 40, vs, 3)) < 0.01f);
}

/* ---- the cache of wrapped lines -------------------------------------------------- */

static int metered_calls;
static float metered_width(void *ctx, scene_font f, float px, const char *s, size_t len)
{
    metered_calls++;
    return fixture_text_width(ctx, f, px, s, len);
}

/* The lines lay_text_n emits for s at width w, as "x y w text|" records. */
static void emitted(const lay_env *env, const content *c, scene_font f, float px,
                    const char *s, float w, char *out, size_t n)
{
    scene sc;
    scene_init(&sc);
    lay L;
    lay_begin(&L, &sc, c, env, NULL);
    lay_style st = { f, px, (od_color){ 255, 255, 255, 255 }, LAY_ALIGN_CENTER, false };
    float h = lay_text_n(&L, &st, 10, 20, w, s, strlen(s), -1);
    float hd = lay_text_height(&L, &st, w, s, strlen(s), NULL);
    assert_true(fabsf(h - hd) < 0.001f);
    size_t k = (size_t)snprintf(out, n, "h=%.3f|", (double)h);
    for (size_t i = 0; i < sc.count && k < n; i++) {
        const scene_cmd *cmd = &sc.cmds[i];
        if (cmd->kind != SCENE_TEXT)
            continue;
        k += (size_t)snprintf(out + k, n - k, "%.3f %.3f %.3f %.*s|", (double)cmd->rect.x,
                              (double)cmd->rect.y, (double)cmd->rect.w, (int)cmd->len,
                              cmd->text);
    }
    lay_end(&L);
    scene_deinit(&sc);
}

static void cached_lines_are_the_lines_wrapped_afresh(void **state)
{
    (void)state;
    content *c = content_create();
    lay_measure m = fixture_measure();
    m.text_width = metered_width;
    text_cache *cache = text_cache_create();
    assert_non_null(cache);
    lay_env plain = { .w = 800, .h = 480, .measure = m }, cached = plain;
    cached.cache = cache;
    const char *texts[] = {
        "Studio recording, mixing and mastering for records, film and games",
        "One\nTwo lines\n\nand a blank one",
        "Pneumonoultramicroscopicsilicovolcanoconiosis is a long word indeed",
        "Human\xe2\x80\x93" "computer interaction \xf0\x9f\xa7\xa0 and more",
        "",
        "short",
    };
    const float widths[] = { 60, 150, 333.5f, 900 };
    static char want[8192], got[8192];
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        for (size_t j = 0; j < sizeof widths / sizeof *widths; j++) {
            for (int f = 0; f < SCENE_FONT_COUNT; f++) {
                emitted(&plain, c, (scene_font)f, 20, texts[i], widths[j], want, sizeof want);
                /* The first time wraps and keeps, the second only finds. */
                emitted(&cached, c, (scene_font)f, 20, texts[i], widths[j], got, sizeof got);
                assert_string_equal(want, got);
                metered_calls = 0;
                emitted(&cached, c, (scene_font)f, 20, texts[i], widths[j], got, sizeof got);
                assert_string_equal(want, got);
                assert_int_equal(metered_calls, 0);
            }
        }
    }
    text_cache_stats st;
    text_cache_get_stats(cache, &st);
    assert_true(st.hits > 0 && st.misses > 0 && st.entries > 0);
    /* Same length, one byte different: other lines, never the cached ones. */
    emitted(&cached, c, SCENE_FONT_REGULAR, 20, "aaaa aaaa aaaa aaaa", 60, got, sizeof got);
    emitted(&plain, c, SCENE_FONT_REGULAR, 20, "aaaa aaaaaaaaa aaaa", 60, want, sizeof want);
    emitted(&cached, c, SCENE_FONT_REGULAR, 20, "aaaa aaaaaaaaa aaaa", 60, got, sizeof got);
    assert_string_equal(want, got);
    /* Another size is another entry. */
    emitted(&plain, c, SCENE_FONT_REGULAR, 31, texts[0], 150, want, sizeof want);
    emitted(&cached, c, SCENE_FONT_REGULAR, 31, texts[0], 150, got, sizeof got);
    assert_string_equal(want, got);
    /* QR codes are made once per address and kept. */
    const struct qr_code_s *q1 = text_cache_qr(cache, "https://openday.example.org/a");
    assert_non_null(q1);
    assert_ptr_equal(text_cache_qr(cache, "https://openday.example.org/a"), q1);
    assert_true(text_cache_qr(cache, "https://openday.example.org/b") != q1);
    static char huge[400];
    memset(huge, 'x', sizeof huge - 1);
    assert_null(text_cache_qr(cache, huge));
    assert_null(text_cache_qr(cache, huge)); /* remembered as impossible */
    text_cache_clear(cache);
    text_cache_get_stats(cache, &st);
    assert_int_equal(st.entries, 0);
    assert_int_equal(st.bytes, 0);
    text_cache_destroy(cache);
    content_destroy(c);
}

static void the_cache_stays_within_its_bounds(void **state)
{
    (void)state;
    content *c = content_create();
    text_cache *cache = text_cache_create();
    lay_env env = { .w = 800, .h = 480, .measure = fixture_measure(), .cache = cache };
    scene sc;
    scene_init(&sc);
    lay L;
    lay_begin(&L, &sc, c, &env, NULL);
    lay_style st = { SCENE_FONT_REGULAR, 20, (od_color){ 0, 0, 0, 255 }, LAY_ALIGN_LEFT, false };
    /* Many different paragraphs of a few hundred lines each at a narrow
     * width: far more than the cache may hold. */
    static char text[4000];
    size_t most = 0;
    for (int i = 0; i < 3000; i++) {
        int n = snprintf(text, sizeof text, "%d ", i);
        while ((size_t)n + 8 < sizeof text)
            n += snprintf(text + n, sizeof text - (size_t)n, "word%d ", n % 10);
        lay_text_height(&L, &st, 40, text, (size_t)n, NULL);
        text_cache_stats s;
        text_cache_get_stats(cache, &s);
        assert_true(s.bytes <= TEXT_CACHE_BYTES);
        assert_true(s.entries <= TEXT_CACHE_ENTRIES);
        most = s.bytes > most ? s.bytes : most;
    }
    assert_true(most > TEXT_CACHE_BYTES / 2); /* it did fill up */
    lay_end(&L);
    scene_deinit(&sc);
    text_cache_destroy(cache);
    text_cache_destroy(NULL);
    content_destroy(c);
}

int main(void)
{
    const struct CMUnitTest wrapping[] = {
        cmocka_unit_test(dashes_slashes_and_hyphens_are_break_opportunities),
        cmocka_unit_test(mandatory_breaks_are_honoured),
        cmocka_unit_test(a_long_word_is_hyphenated_at_a_dictionary_point),
        cmocka_unit_test(a_dictionary_prepared_in_the_background),
        cmocka_unit_test(text_words_are_the_runs_layout_hyphenates),
        cmocka_unit_test(a_word_without_points_breaks_between_characters),
        cmocka_unit_test(breaks_between_characters_keep_characters_whole),
        cmocka_unit_test(cached_lines_are_the_lines_wrapped_afresh),
        cmocka_unit_test(the_cache_stays_within_its_bounds),
    };
    const struct CMUnitTest faces[] = {
        cmocka_unit_test(fallback_faces_draw_what_the_face_lacks),
    };
    int rc = cmocka_run_group_tests_name("text: wrapping", wrapping, NULL, NULL);
    return rc | cmocka_run_group_tests_name("text: faces", faces, fonts_up, fonts_down);
}
