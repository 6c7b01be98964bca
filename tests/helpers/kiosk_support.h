/* kiosk_support.h - a kiosk (kiosk.h) for tests, on the real fonts,
 * with the platform's side of KIOSK_ACT_FONTS done as the SDL shell does
 * it. Header-only: each test is one program. */
#ifndef OPENDAY_TEST_KIOSK_SUPPORT_H
#define OPENDAY_TEST_KIOSK_SUPPORT_H

#include <SDL_ttf.h>
#include <stdbool.h>
#include <stdlib.h>

#include "font.h"
#include "kiosk.h"

typedef struct {
    kiosk *k;
    fontset *fonts;
} ktest;

/* Open the faces the kiosk asks for when it asks; false when none open. */
static inline bool ktest_act(ktest *t, unsigned acts)
{
    if (!(acts & KIOSK_ACT_FONTS))
        return true;
    kiosk_fonts want;
    kiosk_fonts_wanted(t->k, &want);
    fontset *f = fontset_create_files(want.family, want.file[0], want.file[1]);
    if (!f)
        return false;
    bool ok = kiosk_set_measure(t->k, fontset_measure(f));
    fontset_destroy(t->fonts);
    t->fonts = f;
    return ok;
}

static inline bool ktest_init(ktest *t, const kiosk_config *cfg, int w, int h)
{
    t->fonts = NULL;
    if (TTF_WasInit() == 0 && TTF_Init() != 0)
        return false;
    t->k = kiosk_create(cfg, w, h, 0);
    return t->k && ktest_act(t, kiosk_take_actions(t->k));
}

static inline void ktest_deinit(ktest *t)
{
    kiosk_destroy(t->k);
    fontset_destroy(t->fonts);
    t->k = NULL;
    t->fonts = NULL;
    TTF_Quit();
}

#endif
