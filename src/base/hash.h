/* hash.h - FNV-1a, the one byte hash behind every cache key and signature
 * here (text widths and textures, draw-command signatures, directory
 * signatures, id sets). Pure: header only. */
#ifndef OPENDAY_HASH_H
#define OPENDAY_HASH_H

#include <stddef.h>
#include <stdint.h>

#define OD_HASH_SEED 0xcbf29ce484222325ull

/* Fold n bytes at p into h. */
static inline uint64_t od_hash(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

#endif
