/* weburl.c - web addresses as browsers send them. See weburl.h. */
#include "weburl.h"
#include "strbuf.h"
#include "textrule.h"

#include <ctype.h>
#include <idn2.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((format(printf, 3, 4)))
static bool refuse(char *why, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (why && n)
        vsnprintf(why, n, fmt, ap);
    va_end(ap);
    return false;
}

/* Append s[0..n) to b, percent-encoding every byte outside ASCII and the
 * ASCII characters in `also` (what the browser encodes in this part). */
static void put_encoded(strbuf *b, const char *s, size_t n, const char *also)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 || strchr(also, c))
            strbuf_printf(b, "%%%02X", c);
        else
            strbuf_add(b, (const char *)&c, 1);
    }
}

bool weburl_encode(const char *url, char **out, char *why, size_t why_len)
{
    *out = NULL;
    size_t scheme = !strncmp(url, "https://", 8) ? 8 : !strncmp(url, "http://", 7) ? 7 : 0;
    if (!scheme)
        return refuse(why, why_len, "a web address must start with https:// (or http://)");
    size_t at;
    uint32_t cp = textrule_first_invisible(url, &at);
    if (cp) {
        if (cp == ' ')
            return refuse(why, why_len, "a web address may not contain spaces; write a space as "
                          "%%20");
        return refuse(why, why_len, "a web address may not contain spaces, control or invisible "
                      "characters; this one has U+%04X at byte %zu", (unsigned)cp, at + 1);
    }
    const char *auth = url + scheme;
    size_t alen = strcspn(auth, "/?#");
    const char *rest = auth + alen;
    /* user:password@ comes before the host; a port after its last ':'. */
    const char *hostp = auth;
    for (size_t i = 0; i < alen; i++)
        if (auth[i] == '@')
            hostp = auth + i + 1;
    size_t hlen = (size_t)(auth + alen - hostp);
    size_t portlen = 0;
    for (size_t i = hlen; i-- > 0;) {
        if (hostp[i] == ':') {
            portlen = hlen - i;
            break;
        }
        if (!isdigit((unsigned char)hostp[i]))
            break;
    }
    /* Any other ':' is a port that is not a number (an IPv6 literal keeps
     * its colons inside its brackets). */
    size_t from = 0;
    if (hostp[0] == '[') {
        const char *close = memchr(hostp, ']', hlen);
        from = close ? (size_t)(close - hostp) : hlen;
    }
    if (!portlen)
        for (size_t i = from; i < hlen; i++)
            if (hostp[i] == ':')
                return refuse(why, why_len, "the port after ':' must be a number");
    hlen -= portlen;
    if (!hlen)
        return refuse(why, why_len, "a web address needs a host name after %.*s",
                      (int)scheme, url);
    char *host = strndup(hostp, hlen);
    if (!host)
        abort();
    char *ahost = NULL;
    if (host[0] == '[' && host[hlen - 1] != ']') {
        free(host);
        return refuse(why, why_len, "an IPv6 address in a web address ends with ']'");
    }
    if (host[0] == '[') {
        /* An IPv6 literal: no name to convert. */
        ahost = host;
        host = NULL;
    } else {
        /* Every host, ASCII too: a browser checks an "xn--" label and
         * lowers the case of any name, and so does libidn2. */
        int rc = idn2_to_ascii_8z(host, &ahost, IDN2_NONTRANSITIONAL | IDN2_NFC_INPUT);
        if (rc != IDN2_OK) {
            refuse(why, why_len, "the host name \"%s\" is not a valid domain name (%s); check "
                   "its spelling", host, idn2_strerror(rc));
            free(host);
            return false;
        }
    }
    free(host);
    strbuf b = { 0 };
    /* The scheme, and the user name before the host encoded as a path is. */
    strbuf_add(&b, url, scheme);
    put_encoded(&b, url + scheme, (size_t)(hostp - url) - scheme, "\"<>`{}");
    strbuf_str(&b, ahost);
    free(ahost); /* libidn2's is malloc'd too, documented as freed with free */
    strbuf_add(&b, hostp + hlen, portlen);
    size_t plen = strcspn(rest, "?#");
    put_encoded(&b, rest, plen, "\"<>`{}");
    rest += plen;
    if (*rest == '?') {
        size_t qlen = strcspn(rest, "#");
        put_encoded(&b, rest, qlen, "\"<>'");
        rest += qlen;
    }
    put_encoded(&b, rest, strlen(rest), "\"<>`");
    *out = strbuf_take(&b);
    if (!*out)
        abort();
    return true;
}
