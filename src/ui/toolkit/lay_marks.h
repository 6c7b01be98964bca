/* lay_marks.h - degree marks: how a screen says "these degrees" without
 * relying on colour alone.
 *
 * Every degree has a mark: a small chip in the degree's colour carrying at
 * most four characters (content.h: its "mark", or made from its name in the
 * default language, "CS" for Computer Science; unique in the set and the
 * same in every language). The mark appears wherever the screen names the
 * degree, so a visitor who cannot tell the colours apart matches the letters
 * instead; a chip is as wide as its mark, so a mark is never cut.
 *
 * Pure, part of the toolkit (src/ui/toolkit; lay.h says what the layers
 * are): no screen, no allocation beyond the
 * builder's scratch. Marks depend on the content only, so every screen and
 * every frame gives a degree the same mark. */
#ifndef OPENDAY_LAY_MARKS_H
#define OPENDAY_LAY_MARKS_H

#include "lay.h"

/* Bytes of one mark, NUL included (content.h). */
#define LAY_MARK_MAX CONTENT_MARK_MAX

/* The marks of all of L->c's degrees, in degree order, in scratch memory
 * valid until lay_end; NULL when there are no degrees or no memory. */
const char (*lay_marks_of(lay *L))[LAY_MARK_MAX];

/* The chip of degree di showing `mark`, its top-left at (x, y) inside block
 * `parent`. Returns its width; its height is lay_mark_chip_h (lay.h, which
 * draws the same chip on a pill). Dry: measures. */
float lay_marks_draw(lay *L, float x, float y, size_t di, const char *mark, int parent);

/* The degrees degs[0..n) as a heading: their chips, then their names joined
 * with " + " in bold (wrapped beside the chips, or under them when the chips
 * take much of the width). Returns the height used. */
float lay_marks_set(lay *L, float x, float y, float w, const size_t *degs, size_t n,
                     const char (*marks)[LAY_MARK_MAX], int parent);

/* The degrees degs[0..n) as tappable keys (chip and name; a tap opens the
 * degree), flowed into rows of width w. Returns the height used. */
float lay_marks_keys(lay *L, float x, float y, float w, const size_t *degs, size_t n,
                      const char (*marks)[LAY_MARK_MAX], int parent);

/* A picker of degrees: a key per degree (its chip, and its name unless
 * `bare`) after an optional key of words (all_label, e.g. "All degrees");
 * a tap performs (action, 1 + the degree's index), the words' key (action,
 * 0). The key whose argument is `picked` is drawn lit and framed. */
typedef struct {
    const char (*marks)[LAY_MARK_MAX];
    const char *all_label;    /* NULL: no such key */
    int action, picked;
    bool bare;
} lay_marks_pick;

/* The picker flowed into rows of width w from (x, y). Returns the height. */
float lay_marks_picker(lay *L, float x, float y, float w, const lay_marks_pick *pk, int parent);

/* The chips of degs[0..n) in one row: its width, and the row drawn with its
 * top-left at (x, y) (its height is lay_mark_chip_h). */
float lay_marks_row_width(lay *L, const size_t *degs, size_t n, const char (*marks)[LAY_MARK_MAX]);
void lay_marks_row(lay *L, float x, float y, const size_t *degs, size_t n,
                   const char (*marks)[LAY_MARK_MAX], int parent);

#endif
