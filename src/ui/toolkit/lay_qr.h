/* lay_qr.h - a QR code for a web address, with the address printed beneath
 * it for people without a camera (the screens' "take it home").
 *
 * Part of the toolkit (src/ui/toolkit; lay.h says what the layers are):
 * pure, draws through the builder. The code is
 * drawn as plain rectangles, dark on white, with its quiet zone, whole
 * pixels a module and at least QR_MIN_MM wide at the screen's px_per_mm
 * (qr.h), larger in proportion beyond 60 cm of viewing distance (a TV read
 * from across a room), so screenshots, the dump and the audit see it like anything else.
 * When even that does not fit in w (never at a supported size), nothing is
 * drawn and 0 returned. */
#ifndef OPENDAY_LAY_QR_H
#define OPENDAY_LAY_QR_H

#include "lay.h"

/* Side in pixels of the code for url on this screen (quiet zone included),
 * 0 when url is empty or cannot be encoded. */
float lay_qr_side(const lay *L, const char *url);
/* The width the block wants: the code, or the address on one line (and
 * the hint) when wider, but no more than most; 0 when there is no code. */
float lay_qr_width(const lay *L, const char *url, float most);
/* Draw the code centred in [x, x + w) from y, the hint line (CONTENT_STR_QR_HINT)
 * above it and url beneath it; returns the height used (0: nothing). */
float lay_qr_block(lay *L, float x, float y, float w, const char *url, int parent);

#endif
