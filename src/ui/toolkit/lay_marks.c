/* lay_marks.c - degree marks, degree-set headings and degree keys; see
 * lay_marks.h. */
#include "lay_marks.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- marks ------------------------------------------------------------------------ */

/* Length of the UTF-8 sequence that starts with byte b (1 for a stray
 * continuation byte, so a scan always advances). */
static size_t seq_len(unsigned char b)
{
    if (b >= 0xF0)
        return 4;
    if (b >= 0xE0)
        return 3;
    if (b >= 0xC0)
        return 2;
    return 1;
}

/* True when the code point at s (a lead byte of 0xC0 or more) is punctuation
 * or a symbol rather than a letter: Latin-1's (U+0080-U+00BF), general
 * punctuation (U+2000-U+207F: dashes, the middle dot's cousins, quotes) and
 * CJK punctuation (U+3000-U+303F). */
static bool is_punct(const unsigned char *s)
{
    return s[0] == 0xC2 || (s[0] == 0xE2 && (s[1] == 0x80 || s[1] == 0x81)) ||
           (s[0] == 0xE3 && s[1] == 0x80);
}

/* Up to three initials of `name` into out: the first character of each word
 * that starts with a capital, a digit or a non-ASCII letter ("and", "of",
 * "with" and a lone dash give none). Returns the number of initials. */
static size_t initials(const char *name, char out[LAY_MARK_MAX])
{
    const unsigned char *s = (const unsigned char *)name;
    size_t n = 0, used = 0, i = 0;
    bool start = true;
    while (s[i] && n < 3) {
        unsigned char b = s[i];
        if (b == ' ' || b == '\t' || b == '\n') {
            start = true;
            i++;
            continue;
        }
        size_t len = seq_len(b);
        if (start) {
            start = false;
            bool take = (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') ||
                        (b >= 0xC0 && s[i + 1] && !is_punct(s + i));
            if (take && used + len < LAY_MARK_MAX) {
                size_t k = 0;
                while (k < len && s[i + k])
                    k++;
                if (k == len) {
                    memcpy(out + used, s + i, len);
                    used += len;
                    n++;
                }
            }
        }
        for (size_t k = 0; k < len && s[i]; k++)
            i++;
    }
    out[used] = '\0';
    return n;
}

const char (*lay_marks_of(lay *L))[LAY_MARK_MAX]
{
    const content *c = L->c;
    if (!c || !c->n_degrees)
        return NULL;
    char (*m)[LAY_MARK_MAX] = lay_alloc(L, c->n_degrees * sizeof *m);
    if (!m)
        return NULL;
    bool numbers = false;
    for (size_t i = 0; i < c->n_degrees && !numbers; i++)
        numbers = initials(c->degrees[i].name, m[i]) == 0;
    /* Two degrees with the same initials would share a mark: number them all
     * instead, so a mark always names exactly one degree. */
    for (size_t i = 0; i < c->n_degrees && !numbers; i++)
        for (size_t j = 0; j < i && !numbers; j++)
            numbers = strcmp(m[i], m[j]) == 0;
    if (numbers)
        for (size_t i = 0; i < c->n_degrees; i++)
            snprintf(m[i], LAY_MARK_MAX, "%u", (unsigned)(i + 1));
    return (const char (*)[LAY_MARK_MAX])m;
}

static lay_style mark_style(const lay *L)
{
    lay_style st = lay_style_of(L, SCENE_FONT_BOLD, L->m.text_min, CONTENT_COLOR_ACCENT_TEXT, LAY_ALIGN_LEFT);
    st.copy = true;
    return st;
}

float lay_marks_draw(lay *L, float x, float y, size_t di, const char *mark, int parent)
{
    float u = L->m.unit, h = lay_mark_chip_h(L);
    lay_style st = mark_style(L);
    float tw = lay_tw(L, st.font, st.size, mark, strlen(mark));
    float w = fmaxf(h, tw + 12.0f * u);
    if (L->dry)
        return w;
    od_color bg = L->c && di < L->c->n_degrees ? L->c->degrees[di].color : lay_col(L, CONTENT_COLOR_ACCENT);
    int box = lay_box(L, (od_rect){ x, y, w, h }, bg, 0.3f * h, parent);
    size_t first = L->s ? L->s->count : 0;
    lay_text(L, &st, x + (w - tw) / 2, y + 2.0f * u, tw, mark, box);
    lay_flag_mark(L, first, (od_rect){ x, y, w, h });
    return w;
}

/* ---- a set of degrees as a heading ---------------------------------------------------- */

static const char *mark_of(const char (*marks)[LAY_MARK_MAX], size_t di, size_t nd)
{
    return marks && di < nd ? marks[di] : "?";
}

/* Chips of degs flowed into rows of width w from (x, y); returns the height. */
static float mark_rows(lay *L, float x, float y, float w, const size_t *degs, size_t n,
                       const char (*marks)[LAY_MARK_MAX], int parent, float *row_w)
{
    float u = L->m.unit, sp = 6.0f * u, mh = lay_mark_chip_h(L);
    size_t nd = L->c ? L->c->n_degrees : 0;
    bool dry = L->dry;
    float px = 0, yy = 0, widest = 0;
    for (size_t i = 0; i < n; i++) {
        const char *mk = mark_of(marks, degs[i], nd);
        L->dry = true;
        float mw = lay_marks_draw(L, 0, 0, degs[i], mk, parent);
        L->dry = dry;
        if (px > 0 && px + sp + mw > w) {
            px = 0;
            yy += mh + sp;
        }
        if (px > 0)
            px += sp;
        lay_marks_draw(L, x + px, y + yy, degs[i], mk, parent);
        px += mw;
        widest = fmaxf(widest, px);
    }
    if (row_w)
        *row_w = widest;
    return n ? yy + mh : 0;
}

float lay_marks_set(lay *L, float x, float y, float w, const size_t *degs, size_t n,
                     const char (*marks)[LAY_MARK_MAX], int parent)
{
    if (!n || !L->c)
        return 0;
    const content *c = L->c;
    float u = L->m.unit, mh = lay_mark_chip_h(L), gap = 10.0f * u;
    lay_style st = lay_style_of(L, SCENE_FONT_BOLD, lay_small(L), CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
    st.copy = true;
    float lh = lay_lh(L, st.font, st.size);
    bool was_dry = L->dry;
    L->dry = true;
    float chips_w = 0, chips_h = mark_rows(L, x, y, w, degs, n, marks, parent, &chips_w);
    L->dry = was_dry;
    bool beside = chips_h <= mh + 0.5f && chips_w <= 0.3f * w;
    float text_w = beside ? w - chips_w - gap : w;

    /* The names joined by " + "; when they do not fit on one line, each
     * name starts a line ("Computer Science" over "+ Software Engineering")
     * rather than the break falling in the middle of a name. */
    size_t bytes = 1;
    for (size_t i = 0; i < n; i++)
        bytes += (degs[i] < c->n_degrees ? strlen(c->degrees[degs[i]].name) : 0) + 3;
    /* Headings are measured and drawn many times a frame: a stack buffer
     * keeps them off the builder's scratch (the text is copied when drawn). */
    char local[1024];
    char *names = bytes <= sizeof local ? local : lay_alloc(L, bytes);
    if (!names)
        return 0;
    for (int pass = 0; pass < 2; pass++) {
        size_t used = 0;
        for (size_t i = 0; i < n; i++) {
            const char *nm = degs[i] < c->n_degrees ? c->degrees[degs[i]].name : "";
            if (i) {
                memcpy(names + used, pass ? "\n+ " : " + ", 3);
                used += 3;
            }
            size_t k = strlen(nm);
            memcpy(names + used, nm, k);
            used += k;
        }
        names[used] = '\0';
        if (n < 2 || lay_tw(L, st.font, st.size, names, used) <= text_w)
            break;
    }

    if (beside) {
        /* One row of chips beside the names, centred on their first line. */
        float cy = y + fmaxf(0, (lh - mh) / 2), ty = y + fmaxf(0, (mh - lh) / 2);
        mark_rows(L, x, cy, w, degs, n, marks, parent, NULL);
        float th = lay_text(L, &st, x + chips_w + gap, ty, text_w, names, parent);
        return fmaxf(cy + mh, ty + th) - y;
    }
    /* Many degrees: the chips in rows, the names under them. */
    mark_rows(L, x, y, w, degs, n, marks, parent, NULL);
    float th = lay_text(L, &st, x, y + chips_h + 6.0f * u, w, names, parent);
    return chips_h + 6.0f * u + th;
}

/* ---- tappable degree keys ------------------------------------------------------------- */

typedef struct {
    float hpad, vpad, gap;
} key_geom;

static key_geom key_geom_of(const lay *L)
{
    float u = L->m.unit;
    key_geom g = { 14.0f * u, 8.0f * u, 10.0f * u };
    return g;
}

static lay_style key_style(const lay *L)
{
    return lay_style_of(L, SCENE_FONT_BOLD, L->m.body, CONTENT_COLOR_TEXT, LAY_ALIGN_LEFT);
}

/* Natural size of degree di's key no wider than maxw. */
static void key_size(lay *L, size_t di, const char *mark, float maxw, float *w, float *h)
{
    key_geom g = key_geom_of(L);
    lay_style st = key_style(L);
    const char *name = L->c->degrees[di].name;
    bool dry = L->dry;
    L->dry = true;
    float mw = lay_marks_draw(L, 0, 0, di, mark, -1);
    L->dry = dry;
    float tw = lay_tw(L, st.font, st.size, name, strlen(name));
    float fixed = 2 * g.hpad + mw + g.gap, th = lay_lh(L, st.font, st.size);
    if (fixed + tw <= maxw) {
        *w = fixed + tw;
    } else {
        *w = maxw;
        float inner = maxw - fixed;
        th = lay_text_height(L, &st, inner > 1 ? inner : 1, name, strlen(name), NULL);
    }
    *h = fmaxf(fmaxf(th, lay_mark_chip_h(L)) + 2 * g.vpad, L->m.target);
    *w = fmaxf(*w, L->m.target);
}

static void key_draw(lay *L, size_t di, const char *mark, od_rect r, int parent)
{
    if (L->dry)
        return;
    key_geom g = key_geom_of(L);
    lay_style st = key_style(L);
    bool pressed = lay_is_pressed(L, VIEW_ACT_DEGREE, (int)di);
    od_rect b = pressed ? lay_press_shrink(L, r) : r;
    float radius = fminf(b.h / 2, 26.0f * L->m.unit);
    int box = lay_box(L, b, pressed ? lay_col(L, CONTENT_COLOR_ACCENT) : lay_col(L, CONTENT_COLOR_SURFACE_ALT),
                      radius, parent);
    if (pressed)
        st.color = lay_col(L, CONTENT_COLOR_ACCENT_TEXT);
    float mh = lay_mark_chip_h(L), cy = r.y + r.h / 2;
    float mw = lay_marks_draw(L, r.x + g.hpad, cy - mh / 2, di, mark, box);
    const char *name = L->c->degrees[di].name;
    float tx = r.x + g.hpad + mw + g.gap, tw = r.x + r.w - g.hpad - tx;
    float th = lay_text_height(L, &st, tw > 1 ? tw : 1, name, strlen(name), NULL);
    lay_text(L, &st, tx, cy - th / 2, tw > 1 ? tw : 1, name, box);
    lay_focus_ring(L, r, radius, VIEW_ACT_DEGREE, (int)di);
    lay_hit(L, r, VIEW_ACT_DEGREE, (int)di, true);
}

float lay_marks_keys(lay *L, float x, float y, float w, const size_t *degs, size_t n,
                      const char (*marks)[LAY_MARK_MAX], int parent)
{
    if (!L->c)
        return 0;
    size_t nd = L->c->n_degrees;
    float sp = 8.0f * L->m.unit, px = 0, yy = 0, rowh = 0;
    size_t row0 = 0;
    /* Two passes per row: sizes first (for the row height), then drawing
     * centred on the row. */
    for (size_t i = 0; i <= n; i++) {
        float kw = 0, kh = 0;
        bool valid = i < n && degs[i] < nd;
        if (valid)
            key_size(L, degs[i], mark_of(marks, degs[i], nd), w, &kw, &kh);
        if (i == n || (px > 0 && px + sp + kw > w)) {
            float qx = 0;
            for (size_t j = row0; j < i; j++) {
                if (degs[j] >= nd)
                    continue;
                float jw, jh;
                const char *mk = mark_of(marks, degs[j], nd);
                key_size(L, degs[j], mk, w, &jw, &jh);
                key_draw(L, degs[j], mk, (od_rect){ x + qx, y + yy + (rowh - jh) / 2, jw, jh },
                         parent);
                qx += jw + sp;
            }
            if (i == n)
                break;
            yy += rowh + sp;
            px = rowh = 0;
            row0 = i;
        }
        if (!valid)
            continue;
        px += (px > 0 ? sp : 0) + kw;
        rowh = fmaxf(rowh, kh);
    }
    return yy + rowh;
}
