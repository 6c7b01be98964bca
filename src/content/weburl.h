/* weburl.h - a web address from content as a browser sends it: the one
 * form the QR code carries, the screens show and the web export links.
 *
 * Content may write an address the way people read it, with letters
 * outside ASCII. A browser given such an address turns an international
 * host name into its ASCII form (IDNA2008 with the UTS #46 mapping, done by
 * libidn2: "bücher.example" becomes "xn--bcher-kva.example"), writes the
 * host in lower case, and percent-encodes the UTF-8 bytes of everything
 * else outside ASCII in the path, query and fragment, with the few ASCII
 * characters it also encodes there (" < > ` { } in the path, " < > ' in the
 * query, " < > ` in the fragment). weburl_encode does the same, so that a
 * phone reading the code opens exactly the page the web export links.
 *
 * Refused, with a sentence saying why: anything but http:// or https://, an
 * empty host, a host libidn2 cannot convert, a port that is not a number,
 * and any space or invisible character (textrule.h) anywhere: a browser
 * would encode some of them, but an address that hides a character from
 * whoever checks it is not one to print as a code.
 *
 * Pure: libidn2, textrule (ICU) and libc. The encoded address is a heap
 * string, the caller's to free. */
#ifndef OPENDAY_WEBURL_H
#define OPENDAY_WEBURL_H

#include <stdbool.h>
#include <stddef.h>

/* The address url as a browser sends it, into *out (heap); false with the
 * reason in why (a sentence without a final full stop) and *out NULL. */
bool weburl_encode(const char *url, char **out, char *why, size_t why_len);

#endif
