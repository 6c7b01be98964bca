/* lay_marks.c - degree marks, degree-set headings and degree keys; see
 * lay_marks.h. */
#include "lay_marks.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- marks ------------------------------------------------------------------------ */

const char (*lay_marks_of(lay *L))[LAY_MARK_MAX]
{
    const content *c = L->c;
    if (!c || !c->n_degrees)
        return NULL;
    char (*m)[LAY_MARK_MAX] = lay_alloc(L, c->n_degrees * sizeof *m);
    if (!m)
        return NULL;
    for (size_t i = 0; i < c->n_degrees; i++)
        memcpy(m[i], c->degrees[i].mark, LAY_MARK_MAX);
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

/* One key: degree di (its chip, and its name unless `bare`), or with di
 * (size_t)-1 the words `label` alone; a tap performs (action, arg). */
typedef struct {
    size_t di;
    const char *mark, *label;
    int action, arg;
    bool selected, bare;
} key_spec;

static const char *key_text(const lay *L, const key_spec *k)
{
    if (k->di == (size_t)-1)
        return k->label;
    return k->bare ? "" : L->c->degrees[k->di].name;
}

/* Natural size of a key no wider than maxw. */
static void key_size(lay *L, const key_spec *k, float maxw, float *w, float *h)
{
    key_geom g = key_geom_of(L);
    lay_style st = key_style(L);
    const char *name = key_text(L, k);
    float mw = 0;
    if (k->di != (size_t)-1) {
        bool dry = L->dry;
        L->dry = true;
        mw = lay_marks_draw(L, 0, 0, k->di, k->mark, -1);
        L->dry = dry;
    }
    float tw = *name ? lay_tw(L, st.font, st.size, name, strlen(name)) : 0;
    float fixed = 2 * g.hpad + mw + (mw > 0 && *name ? g.gap : 0), th = lay_lh(L, st.font, st.size);
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

static void key_draw(lay *L, const key_spec *k, od_rect r, int parent)
{
    if (L->dry)
        return;
    key_geom g = key_geom_of(L);
    lay_style st = key_style(L);
    bool pressed = lay_is_pressed(L, k->action, k->arg);
    bool lit = pressed || k->selected;
    od_rect b = pressed ? lay_press_shrink(L, r) : r;
    float radius = fminf(b.h / 2, 26.0f * L->m.unit);
    int box = lay_box(L, b, lit ? lay_col(L, CONTENT_COLOR_ACCENT) : lay_col(L, CONTENT_COLOR_SURFACE_ALT),
                      radius, parent);
    if (lit)
        st.color = lay_col(L, CONTENT_COLOR_ACCENT_TEXT);
    /* The picked key is also framed: its state is not only a colour. */
    if (k->selected)
        lay_frame(L, b, lay_col(L, CONTENT_COLOR_TEXT), radius, 3.0f * L->m.unit);
    float mh = lay_mark_chip_h(L), cy = r.y + r.h / 2, tx = r.x + g.hpad;
    if (k->di != (size_t)-1)
        tx += lay_marks_draw(L, tx, cy - mh / 2, k->di, k->mark, box) + g.gap;
    const char *name = key_text(L, k);
    float tw = r.x + r.w - g.hpad - tx;
    if (*name) {
        float th = lay_text_height(L, &st, tw > 1 ? tw : 1, name, strlen(name), NULL);
        lay_text(L, &st, tx, cy - th / 2, tw > 1 ? tw : 1, name, box);
    }
    lay_focus_ring(L, r, radius, k->action, k->arg);
    lay_hit(L, r, k->action, k->arg, true);
}

/* The keys ks[0..n) flowed into rows of width w, each row's keys centred
 * on the row. Returns the height used. */
static float keys_flow(lay *L, float x, float y, float w, const key_spec *ks, size_t n, int parent)
{
    float sp = 8.0f * L->m.unit, px = 0, yy = 0, rowh = 0;
    size_t row0 = 0;
    /* Two passes per row: sizes first (for the row height), then drawing
     * centred on the row. */
    for (size_t i = 0; i <= n; i++) {
        float kw = 0, kh = 0;
        if (i < n)
            key_size(L, &ks[i], w, &kw, &kh);
        if (i == n || (px > 0 && px + sp + kw > w)) {
            float qx = 0;
            for (size_t j = row0; j < i; j++) {
                float jw, jh;
                key_size(L, &ks[j], w, &jw, &jh);
                key_draw(L, &ks[j], (od_rect){ x + qx, y + yy + (rowh - jh) / 2, jw, jh }, parent);
                qx += jw + sp;
            }
            if (i == n)
                break;
            yy += rowh + sp;
            px = rowh = 0;
            row0 = i;
        }
        px += (px > 0 ? sp : 0) + kw;
        rowh = fmaxf(rowh, kh);
    }
    return n ? yy + rowh : 0;
}

float lay_marks_keys(lay *L, float x, float y, float w, const size_t *degs, size_t n,
                      const char (*marks)[LAY_MARK_MAX], int parent)
{
    if (!L->c)
        return 0;
    size_t nd = L->c->n_degrees, k = 0;
    key_spec *ks = n ? lay_alloc(L, n * sizeof *ks) : NULL;
    if (!ks)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (degs[i] < nd)
            ks[k++] = (key_spec){ degs[i], mark_of(marks, degs[i], nd), NULL, VIEW_ACT_DEGREE,
                                  (int)degs[i], false, false };
    return keys_flow(L, x, y, w, ks, k, parent);
}

float lay_marks_picker(lay *L, float x, float y, float w, const lay_marks_pick *pk, int parent)
{
    if (!L->c)
        return 0;
    size_t nd = L->c->n_degrees, k = 0;
    key_spec *ks = lay_alloc(L, (nd + 1) * sizeof *ks);
    if (!ks)
        return 0;
    if (pk->all_label)
        ks[k++] = (key_spec){ (size_t)-1, NULL, pk->all_label, pk->action, 0, pk->picked == 0,
                              false };
    for (size_t i = 0; i < nd; i++)
        ks[k++] = (key_spec){ i, mark_of(pk->marks, i, nd), NULL, pk->action, (int)i + 1,
                              pk->picked == (int)i + 1, pk->bare };
    return keys_flow(L, x, y, w, ks, k, parent);
}

float lay_marks_row_width(lay *L, const size_t *degs, size_t n, const char (*marks)[LAY_MARK_MAX])
{
    size_t nd = L->c ? L->c->n_degrees : 0;
    float sp = 6.0f * L->m.unit, w = 0;
    bool dry = L->dry;
    L->dry = true;
    for (size_t i = 0; i < n; i++)
        w += (i ? sp : 0) + lay_marks_draw(L, 0, 0, degs[i], mark_of(marks, degs[i], nd), -1);
    L->dry = dry;
    return w;
}

void lay_marks_row(lay *L, float x, float y, const size_t *degs, size_t n,
                   const char (*marks)[LAY_MARK_MAX], int parent)
{
    size_t nd = L->c ? L->c->n_degrees : 0;
    float sp = 6.0f * L->m.unit, px = x;
    for (size_t i = 0; i < n; i++)
        px += lay_marks_draw(L, px, y, degs[i], mark_of(marks, degs[i], nd), parent) + sp;
}
