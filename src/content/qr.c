/* qr.c - QR codes through libqrencode. See qr.h. */
#include "qr.h"

#include <math.h>
#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

/* Byte-mode capacity of QR_MAX_VERSION at level M (ISO/IEC 18004 table 7):
 * what any text of that many bytes is sure to fit in. */
#define QR_MAX_BYTES 106

bool qr_make(const char *text, qr_code *out)
{
    memset(out, 0, sizeof *out);
    if (!text || !*text)
        return false;
    /* Case-sensitive byte mode: an address is encoded exactly as written. */
    QRcode *q = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M);
    if (!q)
        return false;
    if (q->version > QR_MAX_VERSION || q->width <= 0) {
        QRcode_free(q);
        return false;
    }
    size_t n = (size_t)q->width * (size_t)q->width;
    out->dark = malloc(n);
    if (!out->dark) {
        QRcode_free(q);
        return false;
    }
    /* Bit 0 of each libqrencode byte is the module's colour. */
    for (size_t i = 0; i < n; i++)
        out->dark[i] = q->data[i] & 1u;
    out->size = q->width;
    QRcode_free(q);
    return true;
}

void qr_deinit(qr_code *q)
{
    free(q->dark);
    memset(q, 0, sizeof *q);
}

/* qr_make encodes in byte mode alone, where the version a text needs
 * depends on its length only: it fits exactly when it is at most the
 * version's byte capacity. Encoding it (masks and all) to find out cost a
 * load of 1000 degrees three quarters of its time. */
bool qr_fits(const char *text)
{
    return text && *text && strlen(text) <= QR_MAX_BYTES;
}

size_t qr_max_bytes(void)
{
    return QR_MAX_BYTES;
}

int qr_module_px(int size, float px_per_mm)
{
    int total = size + 2 * QR_QUIET;
    if (total <= 0 || !(px_per_mm > 0))
        return 1;
    int m = (int)ceilf(QR_MIN_MM * px_per_mm / (float)total - 1e-4f);
    return m < 1 ? 1 : m;
}

int qr_side_px(int size, int module_px)
{
    return (size + 2 * QR_QUIET) * module_px;
}
