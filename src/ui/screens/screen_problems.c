/* screen_problems.c - the staff screen shown when there is no valid
 * content at all.
 *
 * It speaks to staff, not visitors: calm colours, what is wrong, where, and
 * that the screen goes away by itself once the files are fixed. It needs no
 * content model, so its colours are fixed here. */
#include <stdio.h>
#include <string.h>
#include "screen_problems.h"

static const od_color BG = { 0x1C, 0x21, 0x2B, 0xFF };
static const od_color CARD = { 0x27, 0x2E, 0x3B, 0xFF };
static const od_color TEXT = { 0xF2, 0xF4, 0xF7, 0xFF };
static const od_color MUTED = { 0xB4, 0xBC, 0xC8, 0xFF };
static const od_color WHERE = { 0xFF, 0xC8, 0x6B, 0xFF };

/* The file's name without its folder: staff know which folder they edit. */
static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

void screen_problems_draw(scene *out, const lay_env *env, const char *dir,
                          const content_report *rep)
{
    lay L;
    lay_staff_frame f = lay_staff_begin(&L, out, env, BG);
    const lay_metrics *m = &L.m;
    float x = f.x, w = f.w, y = f.y, bottom = f.bottom;
    float body = m->text_min;

    lay_style h = { SCENE_FONT_BOLD, m->h2, TEXT, LAY_ALIGN_LEFT, false };
    y += lay_text(&L, &h, x, y, w, "This kiosk's content needs attention", -1) + m->gap;
    char intro[700];
    snprintf(intro, sizeof intro,
             "There is no valid content to show yet. Fix the problems below in the folder "
             "\"%s\"; "
             "this screen gives way to the kiosk by itself as soon as the files are valid.",
             dir);
    lay_style p = { SCENE_FONT_REGULAR, body, MUTED, LAY_ALIGN_LEFT, true };
    y += lay_text(&L, &p, x, y, w, intro, -1) + m->gap * 1.5f;

    /* Errors first, one card each, as many as fit; then how many are left. */
    size_t shown = 0, errors = 0;
    bool full = false;
    char line[1200];
    /* Room for the closing line, measured as its longest form. */
    char probe[700];
    snprintf(probe, sizeof probe, "%zu more problems not shown. To list them all, run: "
             "openday --check %s", rep->count, dir);
    L.dry = true;
    float footer = lay_text(&L, &p, 0, 0, w, probe, -1) + m->gap;
    L.dry = false;
    for (size_t i = 0; i < rep->count; i++) {
        const content_problem *pr = &rep->items[i];
        if (pr->warning)
            continue;
        errors++;
        if (full)
            continue;
        char where[400];
        if (pr->line)
            snprintf(where, sizeof where, "%s, line %d, column %d", base_name(pr->file),
                     pr->line, pr->col);
        else
            snprintf(where, sizeof where, "%s", base_name(pr->file));
        snprintf(line, sizeof line, "%s%s%s", *pr->path ? pr->path : "", *pr->path ? ": " : "",
                 pr->message);
        lay_style ws = { SCENE_FONT_BOLD, body, WHERE, LAY_ALIGN_LEFT, true };
        lay_style ms = { SCENE_FONT_REGULAR, body, TEXT, LAY_ALIGN_LEFT, true };
        float pad = m->gap;
        L.dry = true;
        float hh = lay_text(&L, &ws, 0, 0, w - 2 * pad, where, -1) +
                   lay_text(&L, &ms, 0, 0, w - 2 * pad, line, -1) + 2 * pad;
        L.dry = false;
        /* Keep room for the closing line unless this is the last error. */
        if (y + hh > bottom - footer) {
            full = true;
            continue;
        }
        int box = lay_box(&L, (od_rect){ x, y, w, hh }, CARD, m->radius, -1);
        float yy = y + pad;
        yy += lay_text(&L, &ws, x + pad, yy, w - 2 * pad, where, box);
        lay_text(&L, &ms, x + pad, yy, w - 2 * pad, line, box);
        y += hh + m->gap;
        shown++;
    }
    char tail[700];
    if (errors > shown)
        snprintf(tail, sizeof tail, "%zu more problem%s not shown. To list them all, run: "
                 "openday --check %s", errors - shown, errors - shown == 1 ? "" : "s", dir);
    else
        snprintf(tail, sizeof tail, "To check the files while editing, run: openday --check %s",
                 dir);
    lay_text(&L, &p, x, y, w, tail, -1);
    lay_end(&L);
}
