/* test_phys.c - which pixels-per-inch figure counts and why (phys.h), the
 * viewing distance, and the EDID millimetres the console reads (drm_card.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "drm_card.h"
#include "lay.h"
#include "phys.h"

static void assumed_from_the_resolution(void **state)
{
    (void)state;
    const char *panel;
    /* The Pi touchscreen, either way up: the layout's own default. */
    assert_float_equal(phys_assumed_dpi(800, 480, &panel), LAY_DEFAULT_DPI, 0.1);
    assert_non_null(strstr(panel, "7\""));
    assert_float_equal(phys_assumed_dpi(480, 800, NULL), LAY_DEFAULT_DPI, 0.1);
    assert_float_equal(phys_assumed_dpi(1024, 600, NULL), 169.5, 0.1);
    assert_float_equal(phys_assumed_dpi(1920, 1080, &panel), 91.8, 0.1);
    assert_non_null(strstr(panel, "24\""));
    assert_float_equal(phys_assumed_dpi(1080, 1920, NULL), 91.8, 0.1);
    assert_float_equal(phys_assumed_dpi(3840, 2160, &panel), 80.1, 0.1);
    assert_non_null(strstr(panel, "55\""));
    /* Unlisted sizes by their longer side. */
    assert_float_equal(phys_assumed_dpi(1000, 1000, NULL), LAY_DEFAULT_DPI, 0.01);
    assert_float_equal(phys_assumed_dpi(2000, 1000, NULL), 92, 0.01);
    assert_float_equal(phys_assumed_dpi(5120, 2880, NULL), 80, 0.01);
    assert_float_equal(phys_assumed_dpi(0, 0, NULL), LAY_DEFAULT_DPI, 0.01);
}

static void the_option_wins(void **state)
{
    (void)state;
    phys_dpi d;
    phys_choose_dpi(160, 110, "SDL_GetDisplayDPI", 800, 480, &d);
    assert_float_equal(d.dpi, 160, 0);
    assert_int_equal(d.source, PHYS_FROM_OPTION);
    assert_non_null(strstr(d.why, "--dpi"));
}

static void a_sane_report_is_used(void **state)
{
    (void)state;
    phys_dpi d;
    phys_choose_dpi(0, 110.5f, "SDL_GetDisplayDPI", 1920, 1080, &d);
    assert_float_equal(d.dpi, 110.5, 1e-4);
    assert_int_equal(d.source, PHYS_FROM_DISPLAY);
    assert_non_null(strstr(d.why, "SDL_GetDisplayDPI"));
}

/* Nonsense and placeholders are ignored, with a word in the log; no
 * report at all is no news. */
static void nonsense_is_ignored(void **state)
{
    (void)state;
    const float bad[] = { 0.5f, 39.9f, 600.1f, 5000, 96, 72 };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        phys_dpi d;
        phys_choose_dpi(0, bad[i], "the EDID of HDMI-A-1", 1920, 1080, &d);
        assert_int_equal(d.source, PHYS_FROM_ASSUMPTION);
        assert_float_equal(d.dpi, 91.8, 0.1);
        assert_non_null(strstr(d.why, "ignored"));
        assert_non_null(strstr(d.why, "HDMI-A-1"));
        assert_non_null(strstr(d.why, "1920x1080"));
    }
    phys_dpi d;
    phys_choose_dpi(0, 0, NULL, 800, 480, &d);
    assert_int_equal(d.source, PHYS_FROM_ASSUMPTION);
    assert_null(strstr(d.why, "ignored"));
    phys_choose_dpi(0, NAN, NULL, 800, 480, &d);
    assert_int_equal(d.source, PHYS_FROM_ASSUMPTION);
    assert_null(strstr(d.why, "ignored"));
    phys_choose_dpi(0, 40, NULL, 800, 480, &d);
    assert_int_equal(d.source, PHYS_FROM_DISPLAY);
}

static void distance_and_millimetres(void **state)
{
    (void)state;
    assert_float_equal(phys_distance_cm(0, false), 60, 0);
    assert_float_equal(phys_distance_cm(0, true), 250, 0);
    assert_float_equal(phys_distance_cm(120, true), 120, 0);
    assert_float_equal(phys_px_per_mm(254), 10, 1e-5);
    assert_float_equal(phys_px_per_mm(0), LAY_DEFAULT_DPI / 25.4, 1e-5);
    /* The Pi touchscreen's visible area, 155 x 86 mm. */
    assert_float_equal(phys_dpi_from_mm(800, 480, 155, 86), 133.7, 0.1);
    assert_float_equal(phys_dpi_from_mm(800, 480, 0, 86), 0, 0);
}

static void edid_sizes(void **state)
{
    (void)state;
    unsigned char e[128] = { 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0 };
    int w = 0, h = 0;
    assert_false(drm_card_edid_size_mm(e, sizeof e, &w, &h)); /* says nothing */
    e[21] = 53;                                            /* basic block, cm */
    e[22] = 30;
    assert_true(drm_card_edid_size_mm(e, sizeof e, &w, &h));
    assert_int_equal(w, 530);
    assert_int_equal(h, 300);
    e[54] = 0x02;                                          /* a detailed timing */
    e[55] = 0x3A;
    e[66] = 0x0F;                                          /* 527 x 296 mm */
    e[67] = 0x28;
    e[68] = 0x21;
    assert_true(drm_card_edid_size_mm(e, sizeof e, &w, &h));
    assert_int_equal(w, 527);
    assert_int_equal(h, 296);
    assert_false(drm_card_edid_size_mm(e, 127, &w, &h));
    e[0] = 1;
    assert_false(drm_card_edid_size_mm(e, sizeof e, &w, &h));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(assumed_from_the_resolution),
        cmocka_unit_test(the_option_wins),
        cmocka_unit_test(a_sane_report_is_used),
        cmocka_unit_test(nonsense_is_ignored),
        cmocka_unit_test(distance_and_millimetres),
        cmocka_unit_test(edid_sizes),
    };
    return cmocka_run_group_tests_name("phys", tests, NULL, NULL);
}
