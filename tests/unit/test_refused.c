/* test_refused.c - the authors' banner (refused.h): a failed load's
 * report made into the banner (first error as FILE:LINE:COL, warnings
 * skipped, "and N more", a path too long kept by its end); the banner laid
 * out over the visitor screens at four sizes, audited, clear of the header's
 * buttons and inside the screen with a long path and a long message; and
 * the kiosk on real files in a scratch folder: a refused save sets the
 * banner while the last valid content stays on screen, a good save clears
 * it, and in kiosk mode visitors never see it while the staff screen after
 * the PIN does. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "command.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "dump.h"
#include "fixture.h"
#include "kiosk.h"
#include "audit.h"
#include "refused.h"
#include "support.h"

static char tmp[256];
static FILE *devnull; /* the kiosks' log */

static int setup(void **state)
{
    (void)state;
    const char *base = getenv("TMPDIR");
    snprintf(tmp, sizeof tmp, "%s/openday-refused-XXXXXX", base && *base ? base : P_tmpdir);
    if (!mkdtemp(tmp))
        return -1;
    sh("cp -r content '%s/c'", tmp);
    devnull = fopen("/dev/null", "w");
    return devnull ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    sh("rm -rf '%s'", tmp);
    fclose(devnull);
    return 0;
}

/* ---- the banner from a report ---------------------------------------------------- */

static void from_report(void **state)
{
    (void)state;
    content_report rep;
    content_report_init(&rep);
    lay_refused r;
    assert_false(refused_from(&r, &rep));
    content_report_add(&rep, "c/degrees.json", 3, 9, "degrees[0].name", true,
                       "a warning is no reason to refuse");
    assert_false(refused_from(&r, &rep));
    content_report_add(&rep, "c/degrees.json", 12, 5, "degrees[1].name", false,
                       "must not be empty");
    content_report_add(&rep, "c/careers.json", 0, 0, "", false, "cannot be read");
    content_report_add(&rep, "c/talks.json", 4, 2, "talks[0]", false, "ends before it starts");
    assert_true(refused_from(&r, &rep));
    assert_string_equal(r.where, "c/degrees.json:12:5");
    assert_string_equal(r.what, "degrees[1].name: must not be empty");
    assert_int_equal(r.more, 2);
    content_report_deinit(&rep);

    /* A whole file: no line and column; a root path: the message alone. */
    content_report_init(&rep);
    content_report_add(&rep, "c/careers.json", 0, 0, "", false, "cannot be read");
    assert_true(refused_from(&r, &rep));
    assert_string_equal(r.where, "c/careers.json");
    assert_string_equal(r.what, "cannot be read");
    assert_int_equal(r.more, 0);
    content_report_deinit(&rep);

    /* A path longer than the banner keeps its end: the file, line and column. */
    char longp[1200];
    memset(longp, 'x', sizeof longp);
    memcpy(longp, "/home/", 6);
    snprintf(longp + 900, sizeof longp - 900, "/deep/degrees.json");
    content_report_init(&rep);
    content_report_add(&rep, longp, 7, 3, "degrees", false, "is missing");
    assert_true(refused_from(&r, &rep));
    assert_true(strlen(r.where) < sizeof r.where);
    const char *end = "/deep/degrees.json:7:3";
    assert_string_equal(r.where + strlen(r.where) - strlen(end), end);
    assert_memory_equal(r.where, "\xe2\x80\xa6", 3);
    content_report_deinit(&rep);

    /* A message longer than the banner is cut on a code point boundary. */
    char msg[1200];
    size_t k = 0;
    while (k + 2 < sizeof msg - 1) {
        memcpy(msg + k, "\xc3\xa9", 2); /* e acute, two bytes */
        k += 2;
    }
    msg[k] = '\0';
    content_report_init(&rep);
    content_report_add(&rep, "c/degrees.json", 1, 1, "xy", false, msg); /* odd: a cut */
    assert_true(refused_from(&r, &rep));
    size_t wl = strlen(r.what);
    assert_true(wl < sizeof r.what);
    assert_memory_equal(r.what + wl - 2, "\xc3\xa9", 2); /* ends on a whole one */
    content_report_deinit(&rep);
}

/* ---- the banner laid out ---------------------------------------------------------- */

typedef struct {
    int w, h;
    float dpi, dist;
} size_case;

static const size_case sizes[] = {
    { 800, 480, 0, 0 }, { 720, 1280, 0, 0 }, { 1920, 1080, 92, 0 }, { 3840, 2160, 80, 250 },
};

static bool has_bytes(const char *hay, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (!memcmp(hay + i, needle, k))
            return true;
    return false;
}

static bool scene_has(const scene *s, const char *needle, od_rect *where)
{
    for (size_t i = 0; i < s->count; i++) {
        const scene_cmd *c = &s->cmds[i];
        if (c->kind == SCENE_TEXT && c->text && has_bytes(c->text, c->len, needle)) {
            if (where)
                *where = c->rect;
            return true;
        }
    }
    return false;
}

static bool overlaps(od_rect a, od_rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* A refused save as the banner shows it: the problem `what` at a long
 * path a staff laptop might have, and `more` problems after it. */
static void refusal(lay_refused *r, const char *what, size_t more)
{
    memset(r, 0, sizeof *r);
    snprintf(r->where, sizeof r->where, "%s",
             "/home/staff/Documents/Open day 2026/the content folder we edit on the laptop/"
             "degrees.json:48:17");
    snprintf(r->what, sizeof r->what, "%s", what);
    r->more = more;
}

static void laid_out_at_every_size(void **state)
{
    (void)state;
    content *c = fixture_content();
    assert_non_null(c);
    lay_refused r;
    refusal(&r,
            "degrees[1].careers[3]: names the career \"sound-desginer\", which careers.json "
            "does not have; did you mean \"sound-designer\"? Every career a degree names must "
            "be one of the careers in careers.json, spelled as its id there.",
            4);
    const char *screens[] = { "home", "degree:music-production", "attract" };
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        for (size_t sc = 0; sc < sizeof screens / sizeof *screens; sc++) {
            app_config cfg;
            app_config_defaults(&cfg);
            cfg.attract_after_ms = 0;
            lay_env env = { .w = sizes[k].w, .h = sizes[k].h, .dpi = sizes[k].dpi,
                               .measure = fixture_measure(), .distance_cm = sizes[k].dist };
            app *a = app_create(c, &cfg, &env, 0);
            assert_non_null(a);
            assert_true(app_goto(a, screens[sc], 0));
            for (uint64_t t = 0; t <= 1000; t += 16)
                app_update(a, t);
            const scene *plain = app_scene(a);
            assert_false(scene_has(plain, "Save not applied", NULL));
            app_set_refused(a, &r);
            assert_true(app_dirty(a));
            const scene *s = app_scene(a);
            od_rect lead, more;
            assert_true(scene_has(s, "Save not applied:", &lead));
            assert_true(scene_has(s, "degrees.json:48:17", NULL)); /* the end stays whole */
            assert_true(scene_has(s, "and 4 more problems", &more));
            assert_true(more.y > lead.y);
            /* Inside the screen, clear of every button. */
            od_rect band = { 0, lead.y, (float)sizes[k].w, more.y + more.h - lead.y };
            assert_true(band.y >= 0 && band.y + band.h <= (float)sizes[k].h);
            for (size_t i = 0; i < s->count; i++) {
                const scene_cmd *h = &s->cmds[i];
                if (h->kind == SCENE_HIT && !(h->flags & SCENE_F_DISABLED) &&
                    overlaps(h->rect, band) &&
                    (h->action == VIEW_ACT_BACK || h->action == VIEW_ACT_HOME || h->action == VIEW_ACT_ACCESS))
                    fail_msg("%dx%d %s: the banner covers a button", sizes[k].w, sizes[k].h,
                             screens[sc]);
            }
            char report[4096];
            size_t bad = audit_layout(s, &env, report, sizeof report);
            if (bad)
                fail_msg("%dx%d %s: %s", sizes[k].w, sizes[k].h, screens[sc], report);
            /* Cleared: the page as before. */
            app_set_refused(a, NULL);
            assert_false(scene_has(app_scene(a), "Save not applied", NULL));
            app_destroy(a);
        }
    }
    content_destroy(c);
}

/* The same with the real fonts, with and without the visitor's larger
 * text and high contrast: the audit's sizes and contrast hold. */
static void audited_with_real_fonts(void **state)
{
    (void)state;
    support S;
    support_init(&S);
    assert_non_null(S.c);
    assert_non_null(S.fonts);
    lay_refused r;
    refusal(&r,
            "degrees[1].careers[3]: names the career \"sound-desginer\", which careers.json "
            "does not have; did you mean \"sound-designer\"?",
            1);
    const char *screens[] = { "home", "degree:music-technology", "attract" };
    const unsigned access[] = { 0, 1u << VIEW_ACCESS_LARGE_TEXT,
                                1u << VIEW_ACCESS_HIGH_CONTRAST };
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++)
        for (size_t sc = 0; sc < sizeof screens / sizeof *screens; sc++)
            for (size_t ac = 0; ac < sizeof access / sizeof *access; ac++) {
                if (ac && !strcmp(screens[sc], "attract"))
                    continue; /* the loop turns the choices off */
                app *a = support_app_access(&S, screens[sc], sizes[k].w, sizes[k].h,
                                            sizes[k].dpi, sizes[k].dist, access[ac]);
                assert_non_null(a);
                app_set_refused(a, &r);
                const scene *s = app_scene(a);
                if (!scene_has(s, "Save not applied:", NULL) ||
                    !scene_has(s, "degrees.json:48:17", NULL))
                    fail_msg("%dx%d %s (choices %u): no banner", sizes[k].w, sizes[k].h,
                             screens[sc], access[ac]);
                lay_env env = { .w = sizes[k].w, .h = sizes[k].h, .dpi = sizes[k].dpi,
                                   .measure = fontset_measure(S.fonts),
                                   .distance_cm = sizes[k].dist };
                env.large_text = access[ac] & (1u << VIEW_ACCESS_LARGE_TEXT);
                env.high_contrast = access[ac] & (1u << VIEW_ACCESS_HIGH_CONTRAST);
                audit_opts opts = { 0 };
                if (env.large_text)
                    opts.cap_degrees = LAY_CAP_DEGREES_LARGE;
                if (env.high_contrast)
                    opts.contrast_body = opts.contrast_large = 7.0f;
                char report[4096];
                size_t bad = audit_layout_with(s, &env, &opts, report, sizeof report);
                if (bad)
                    fail_msg("%dx%d %s (choices %u): %s", sizes[k].w, sizes[k].h, screens[sc],
                             access[ac], report);
                app_destroy(a);
            }
    support_deinit(&S);
}

/* ---- the kiosk on real files -------------------------------------------------------- */

static kiosk *make_kiosk(bool authors, bool kiosk_mode)
{
    char dir[512], state[512];
    snprintf(dir, sizeof dir, "%s/c", tmp);
    snprintf(state, sizeof state, "%s/s", tmp);
    kiosk_config kc;
    kiosk_config_defaults(&kc);
    kc.content_dir = dir;
    kc.state_dir = state;
    kc.live = false;          /* loads at kiosk_request_reload: no watcher timing */
    kc.authors = authors;
    kc.refuse_quit = kiosk_mode;
    kc.app.attract_after_ms = 0;
    snprintf(kc.admin.pin, sizeof kc.admin.pin, "2468");
    kc.log = devnull;
    kiosk *k = kiosk_create(&kc, 800, 480, 0);
    assert_non_null(k);
    assert_true(kiosk_set_measure(k, fixture_measure()));
    kiosk_take_actions(k);
    return k;
}

static bool dump_has(kiosk *k, const char *needle)
{
    char *json = kiosk_dump_json(k);
    assert_non_null(json);
    bool has = strstr(json, needle) != NULL;
    dump_free(json);
    return has;
}

static uint64_t reload_now(kiosk *k, uint64_t t)
{
    kiosk_request_reload(k);
    kiosk_update(k, t);
    kiosk_frame f;
    kiosk_get_frame(k, &f);
    return t + 100;
}

static void break_careers(void)
{
    sh("sed -i 's/\"schema\": 1/\"schema\": 1,,/' '%s/c/careers.json'", tmp);
}

static void fix_careers(void)
{
    sh("sed -i 's/\"schema\": 1,,/\"schema\": 1/' '%s/c/careers.json'", tmp);
}

static void preview_shows_then_clears(void **state)
{
    (void)state;
    kiosk *k = make_kiosk(true, false);
    uint64_t t = 100;
    kiosk_update(k, t);
    assert_null(kiosk_refused(k));
    assert_true(kiosk_goto(k, "degree:music-production"));
    const content *before = kiosk_content(k);
    assert_non_null(before);

    break_careers();
    t = reload_now(k, t);
    const lay_refused *r = kiosk_refused(k);
    assert_non_null(r);
    /* FILE:LINE:COL of the broken line. */
    assert_non_null(strstr(r->where, "/c/careers.json:2:"));
    assert_non_null(strstr(r->what, "invalid JSON"));
    /* The last valid content stays, the visitor's place too. */
    assert_ptr_equal(kiosk_content(k), before);
    char place[128];
    app_place_name(kiosk_app(k), place, sizeof place);
    assert_string_equal(place, "degree:music-production");
    assert_non_null(app_refused(kiosk_app(k)));
    assert_true(dump_has(k, "Save not applied: "));
    assert_true(dump_has(k, "careers.json:2:"));

    fix_careers();
    t = reload_now(k, t);
    assert_null(kiosk_refused(k));
    assert_null(app_refused(kiosk_app(k)));
    assert_false(dump_has(k, "Save not applied"));
    kiosk_destroy(k);
}

/* Hold a finger at (x, y) logical pixels of 800x480 for ms. */
static uint64_t hold(kiosk *k, float x, float y, uint64_t t, unsigned ms)
{
    input_event ev = { .kind = INPUT_DOWN, .t_ms = t, .pointer = 1, .x = x / 800,
                       .y = y / 480 };
    kiosk_input(k, &ev);
    for (uint64_t u = t; u <= t + ms; u += 50)
        kiosk_update(k, u);
    ev.kind = INPUT_UP;
    ev.t_ms = t + ms;
    kiosk_input(k, &ev);
    kiosk_update(k, t + ms + 50);
    return t + ms + 100;
}

static uint64_t tap_rect(kiosk *k, od_rect r, uint64_t t)
{
    float x = r.x + r.w / 2, y = r.y + r.h / 2;
    input_event ev = { .kind = INPUT_DOWN, .t_ms = t, .pointer = 2, .x = x / 800,
                       .y = y / 480 };
    kiosk_input(k, &ev);
    ev.kind = INPUT_UP;
    ev.t_ms = t + 50;
    kiosk_input(k, &ev);
    kiosk_update(k, t + 60);
    return t + 100;
}

static void kiosk_mode_never_shows_visitors(void **state)
{
    (void)state;
    kiosk *k = make_kiosk(false, true);
    uint64_t t = 100;
    kiosk_update(k, t);
    break_careers();
    t = reload_now(k, t);
    /* The kiosk knows (for the staff screen); the visitors' screens do not. */
    assert_non_null(kiosk_refused(k));
    assert_null(app_refused(kiosk_app(k)));
    assert_false(dump_has(k, "Save not applied"));
    const char *places[] = { "home", "degree:music-technology", "attract", "compare" };
    for (size_t i = 0; i < sizeof places / sizeof *places; i++) {
        assert_true(kiosk_goto(k, places[i]));
        kiosk_update(k, t += 1000);
        assert_false(dump_has(k, "Save not applied"));
    }

    /* The staff screen after the PIN shows it, above its buttons. */
    assert_true(kiosk_goto(k, "home"));
    t = hold(k, 5, 5, t + 1000, 3000);
    t = hold(k, 795, 5, t, 3000);
    assert_int_equal(admin_get_phase(kiosk_admin(k)), ADMIN_KEYPAD);
    const char *pin = "2468";
    for (const char *d = pin; *d; d++)
        t = tap_rect(k, admin_key_rect(kiosk_admin(k), *d == '0' ? ADMIN_KEY_ZERO : *d - '1'),
                     t);
    t = tap_rect(k, admin_key_rect(kiosk_admin(k), ADMIN_KEY_OK), t);
    assert_int_equal(admin_get_phase(kiosk_admin(k)), ADMIN_STAFF);
    assert_true(dump_has(k, "Save not applied: "));
    kiosk_frame f;
    kiosk_get_frame(k, &f);
    assert_non_null(f.overlay);
    od_rect lead;
    assert_true(scene_has(f.overlay, "Save not applied: ", &lead));
    assert_true(lead.y + lead.h <= admin_staff_top(kiosk_admin(k)) + 0.5f);
    for (int i = 0; i < ADMIN_NSTAFF; i++)
        assert_false(overlaps(lead, admin_staff_button(kiosk_admin(k), i)));
    /* The band as the staff screen draws it, audited on its own (the
     * staff screen's own buttons are audited with the real fonts). */
    lay_env env = { .w = 800, .h = 480, .measure = fixture_measure() };
    scene band;
    scene_init(&band);
    float bh = refused_height_for(&env, kiosk_refused(k));
    assert_true(bh > 0 && bh < 240);
    refused_append(&band, &env, kiosk_refused(k), 480 - bh);
    char report[4096];
    size_t bad = audit_layout(&band, &env, report, sizeof report);
    if (bad)
        fail_msg("the staff screen's banner: %s", report);
    scene_deinit(&band);

    /* Fixed: gone from the staff screen too. */
    fix_careers();
    t = reload_now(k, t);
    assert_null(kiosk_refused(k));
    assert_false(dump_has(k, "Save not applied"));
    kiosk_destroy(k);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(from_report),
        cmocka_unit_test(laid_out_at_every_size),
        cmocka_unit_test(audited_with_real_fonts),
        cmocka_unit_test(preview_shows_then_clears),
        cmocka_unit_test(kiosk_mode_never_shows_visitors),
    };
    return cmocka_run_group_tests_name("refused", tests, setup, teardown);
}
