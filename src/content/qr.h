/* qr.h - QR codes for web addresses: the matrix that the screens draw as
 * rectangles and the web export writes as SVG, made by libqrencode.
 *
 * Pure: libqrencode and libc, no SDL. One code for one address everywhere
 * (the kiosk, its screenshots and the web page), so a phone reads the same
 * code from each.
 *
 * Size rule: a code is drawn at least QR_MIN_MM wide with whole-pixel
 * modules and a quiet zone of QR_QUIET modules on each side. An address is
 * accepted only when it fits in QR_MAX_VERSION (41 modules a side at error
 * correction level M): at 25 mm that keeps a module about half a millimetre,
 * which a phone resolves from 40 cm. The content check (jfile.c) refuses
 * longer ones.
 *
 * qr_make fills caller storage; qr_deinit frees what it holds. Failure
 * (address too long, out of memory inside libqrencode) returns false and
 * leaves *out empty (safe to qr_deinit). */
#ifndef OPENDAY_QR_H
#define OPENDAY_QR_H

#include <stdbool.h>
#include <stddef.h>

#define QR_QUIET 4          /* modules of light margin on every side */
#define QR_MAX_VERSION 6    /* 41 x 41 modules */
#define QR_MIN_MM 25.0f     /* printed width, quiet zone included */

typedef struct qr_code_s {
    int size;               /* modules a side, without the quiet zone; 0 = none */
    unsigned char *dark;    /* size * size, row-major, 1 = dark module */
} qr_code;

/* Encode text (byte mode, level M) into out. False when it needs a version
 * beyond QR_MAX_VERSION or cannot be encoded. */
bool qr_make(const char *text, qr_code *out);
void qr_deinit(qr_code *q);

/* True when text fits a code qr_make accepts (nothing kept). */
bool qr_fits(const char *text);
/* The longest address in bytes that always fits (any bytes). */
size_t qr_max_bytes(void);

/* Whole pixels per module for a code of `size` modules a side so that the
 * whole code, quiet zone included, is at least QR_MIN_MM wide at px_per_mm
 * (at least 1). */
int qr_module_px(int size, float px_per_mm);
/* Side of the whole code in pixels at module_px. */
int qr_side_px(int size, int module_px);

#endif
