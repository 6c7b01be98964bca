/* fixture.h - content models built in C for the layout tests, and a fake
 * text measurer, so layout is tested without the loader, JSON or fonts.
 *
 * fixture_content() is the shipped comparison in miniature: Music Production
 * (BA) and Music Technology (BS) with their 14 careers, three of them shared.
 * fixture_many() generates stress content: any number of degrees and careers
 * (every career on the first degree), optionally with very long titles, long
 * unbreakable words, accented and non-Latin text. Both start from the
 * library's content_create, fill it by the model's ownership rules (every
 * string and array its own malloc'd block), derive with content_link and are
 * released with content_destroy: the tests never carry a copy of the
 * library's constructor, derivation or destructor.
 *
 * The fake measurer: every code point is 0.55 px wide per px of font size,
 * a line is 1.2 px per px. Header-only: each test is one program. */
#ifndef OPENDAY_TEST_FIXTURE_H
#define OPENDAY_TEST_FIXTURE_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "frame.h"
#include "audit.h"

/* ---- the fake measurer ---------------------------------------------------- */

static inline float fixture_text_width(void *ctx, scene_font font, float px, const char *s,
                                       size_t len)
{
    (void)ctx;
    (void)font;
    size_t cps = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0u) != 0x80u)
            cps++;
    return 0.55f * px * (float)cps;
}

static inline float fixture_line_height(void *ctx, scene_font font, float px)
{
    (void)ctx;
    (void)font;
    return 1.2f * px;
}

static inline float fixture_cap_height(void *ctx, scene_font font, float px)
{
    (void)ctx;
    (void)font;
    return 0.7f * px;
}

static inline lay_measure fixture_measure(void)
{
    lay_measure m = { .text_width = fixture_text_width, .line_height = fixture_line_height,
                         .cap_height = fixture_cap_height };
    return m;
}

/* The same with bold text a little wider (0.58 em a character), for tests
 * whose labels must not fit the same room in both faces. */
static inline float fixture_text_width_bold(void *ctx, scene_font font, float px, const char *s,
                                            size_t len)
{
    float w = fixture_text_width(ctx, font, px, s, len);
    return font == SCENE_FONT_BOLD ? w * (0.58f / 0.55f) : w;
}

static inline lay_measure fixture_measure_bold(void)
{
    lay_measure m = fixture_measure();
    m.text_width = fixture_text_width_bold;
    return m;
}

/* Whether any text run of s contains needle (runs are not NUL-terminated:
 * it looks inside each one's len bytes). */
static inline bool fixture_scene_shows(const scene *s, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i < s->count; i++) {
        const scene_cmd *c = &s->cmds[i];
        if (c->kind != SCENE_TEXT || !c->text)
            continue;
        for (size_t k = 0; k + n <= c->len; k++)
            if (!memcmp(c->text + k, needle, n))
                return true;
    }
    return false;
}

/* ---- building blocks --------------------------------------------------------- */

static inline void *fx_alloc(size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (!p) {
        fprintf(stderr, "fixture: out of memory\n");
        abort();
    }
    return p;
}

static inline char *fx_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = fx_alloc(n);
    memcpy(p, s, n);
    return p;
}

/* Replace a text the model already owns. */
static inline void fx_set(char **field, const char *s)
{
    free(*field);
    *field = fx_str(s);
}

static inline char **fx_list(const char *const *items, size_t n)
{
    char **l = fx_alloc(n * sizeof *l);
    for (size_t i = 0; i < n; i++)
        l[i] = fx_str(items[i]);
    return l;
}

static inline od_color fx_hex(const char *hex)
{
    unsigned v = (unsigned)strtoul(hex + 1, NULL, 16);
    return od_rgba((uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v, 255);
}

static inline void fx_theme(content *c)
{
    static const char *const hex[CONTENT_COLOR_COUNT] = {
        [CONTENT_COLOR_BACKGROUND] = "#0F1420", [CONTENT_COLOR_SURFACE] = "#1A2233",
        [CONTENT_COLOR_SURFACE_ALT] = "#243047", [CONTENT_COLOR_TEXT] = "#F4F6FA",
        [CONTENT_COLOR_MUTED] = "#A9B4C8", [CONTENT_COLOR_ACCENT] = "#FFB547",
        [CONTENT_COLOR_ACCENT_TEXT] = "#10131A", [CONTENT_COLOR_SHARED] = "#B98CFF",
        [CONTENT_COLOR_CAVEAT] = "#FFD166", [CONTENT_COLOR_LINE] = "#3A4760",
    };
    for (int i = 0; i < CONTENT_COLOR_COUNT; i++)
        c->colors[i] = fx_hex(hex[i]);
}

static inline void fx_strings(content *c, const char *suffix)
{
    static const char *const s[CONTENT_STR_COUNT] = {
        [CONTENT_STR_TOUCH_TO_EXPLORE] = "Touch to explore",
        [CONTENT_STR_BACK] = "Back",
        [CONTENT_STR_HOME] = "Home",
        [CONTENT_STR_HOME_TITLE] = "Which music degree is for you?",
        [CONTENT_STR_HOME_SUBTITLE] = "Tap a degree to explore it, or compare them side by side.",
        [CONTENT_STR_COMPARE] = "Compare",
        [CONTENT_STR_COMPARE_HINT] = "Both degrees side by side",
        [CONTENT_STR_CAREERS] = "Career paths",
        [CONTENT_STR_CAREERS_HINT] = "Where each degree can lead. Tap a career to read more.",
        [CONTENT_STR_BA_BS] = "BA or BS?",
        [CONTENT_STR_BA_BS_HINT] = "What the letters mean for you",
        [CONTENT_STR_ABOUT] = "About",
        [CONTENT_STR_FOCUS] = "Focus",
        [CONTENT_STR_AWARD] = "Award",
        [CONTENT_STR_TOPICS] = "Topics",
        [CONTENT_STR_SOFTWARE] = "Software",
        [CONTENT_STR_MODULES] = "Modules",
        [CONTENT_STR_HANDS_ON] = "Hands-on",
        [CONTENT_STR_CAREER_PATHS] = "Career paths",
        [CONTENT_STR_LEADS_FROM] = "Leads from",
        [CONTENT_STR_CHECK] = "Check first",
        [CONTENT_STR_SHARED] = "Both degrees",
        [CONTENT_STR_PICK_LEFT] = "Left column",
        [CONTENT_STR_PICK_RIGHT] = "Right column",
        [CONTENT_STR_VERSION] = "Version",
        [CONTENT_STR_SWIPE_HINT] = "Swipe for the next one",
    };
    char buf[512];
    for (int i = 0; i < CONTENT_STR_COUNT; i++) {
        if (!s[i])
            continue; /* not set here: the library's default stays */
        snprintf(buf, sizeof buf, "%s%s", s[i], suffix);
        fx_set(&c->strings[i], buf);
    }
}

static inline void fx_career(content_career *k, const char *id, const char *name,
                             const char *summary, const char *description, const char *caveat)
{
    k->id = fx_str(id);
    k->name = fx_str(name);
    k->summary = fx_str(summary);
    k->description = fx_str(description);
    k->caveat = fx_str(caveat);
}

static inline void fx_award(content_award *a, const char *id, const char *sn, const char *name,
                            const char *summary, const char *const *points, size_t n)
{
    a->id = fx_str(id);
    a->short_name = fx_str(sn);
    a->name = fx_str(name);
    a->summary = fx_str(summary);
    a->points = fx_list(points, n);
    a->n_points = n;
}

static inline void fx_manifest(content *c, const char *title)
{
    fx_set(&c->dir, "fixture");
    c->schema = CONTENT_SCHEMA;
    fx_set(&c->language, "en");
    fx_set(&c->title, title);
    fx_set(&c->subtitle, "Explore and compare two music degrees");
    fx_set(&c->version, "1.0.0");
    fx_set(&c->date, "2025-06-01");
    fx_set(&c->attribution, "Based on the course pages of the School of Music, 2025 entry.");
    fx_set(&c->about, "This kiosk compares two degrees.\n\nAsk a member of staff for the "
                      "full course handbook, or visit the course pages.");
    fx_set(&c->conclusion, "Production if you want to make records; Technology if you want "
                           "to build the tools behind them.");
    fx_set(&c->careers_note, "Careers are examples, not promises: most need a portfolio and "
                             "experience as well as the degree.");
    fx_set(&c->awards_intro, "The letters after the degree tell you how it is taught and "
                             "assessed, not how good it is.");
    fx_set(&c->font_family, "Inter");
    c->slide_ms = 6000;
}

/* One degree of the fixture, written as data: fx_degree copies it into the
 * model, every string and array its own block. */
typedef struct {
    const char *id, *name, *award;
    size_t award_index;
    const char *tagline, *focus, *hands_on, *careers_note;
    const char *topics[8];
    size_t n_topics;
    const char *software[4];
    size_t n_software;
    const char *modules[4][2]; /* title, text */
    size_t n_modules;
    size_t careers[16];
    size_t n_careers;
    const char *color;         /* #RRGGBB */
} fx_degree_spec;

static inline void fx_degree(content_degree *d, const fx_degree_spec *spec)
{
    d->id = fx_str(spec->id);
    d->name = fx_str(spec->name);
    d->award = fx_str(spec->award);
    d->award_index = spec->award_index;
    d->tagline = fx_str(spec->tagline);
    d->focus = fx_str(spec->focus);
    d->hands_on = fx_str(spec->hands_on);
    d->careers_note = fx_str(spec->careers_note);
    d->url = fx_str("");
    d->image = fx_str("");
    d->topics = fx_list(spec->topics, spec->n_topics);
    d->n_topics = spec->n_topics;
    d->software = fx_list(spec->software, spec->n_software);
    d->n_software = spec->n_software;
    d->n_modules = spec->n_modules;
    d->modules = fx_alloc(d->n_modules * sizeof *d->modules);
    for (size_t i = 0; i < d->n_modules; i++) {
        d->modules[i].title = fx_str(spec->modules[i][0]);
        d->modules[i].text = fx_str(spec->modules[i][1]);
    }
    d->n_careers = spec->n_careers;
    d->careers = fx_alloc(d->n_careers * sizeof *d->careers);
    memcpy(d->careers, spec->careers, d->n_careers * sizeof *d->careers);
    d->color = fx_hex(spec->color);
}

/* ---- the shipped comparison in miniature ------------------------------------- */

static inline content *fixture_content(void)
{
    content *c = content_create();
    fx_manifest(c, "Music at the Open Day");
    fx_theme(c);
    fx_strings(c, "");

    c->n_careers = 14;
    c->careers = fx_alloc(c->n_careers * sizeof *c->careers);
    /* id, name, summary, description, caveat */
    static const char *const careers[14][5] = {
        { "music-producer", "Music Producer",
          "Shapes recordings from first idea to finished track.",
          "Producers guide artists through writing, arranging, recording and mixing, "
          "and often engineer their own sessions.", "" },
        { "recording-engineer", "Recording Engineer",
          "Captures performances in the studio.",
          "Engineers choose and place microphones, run sessions and keep takes clean.", "" },
        { "composer", "Composer", "Writes music for artists, media and stage.",
          "Composers write, arrange and deliver music to a brief and a deadline.", "" },
        { "film-tv-audio", "Film & TV Audio Designer",
          "Builds the sound of moving pictures.",
          "Dialogue, effects and ambience edited and mixed to picture.", "" },
        { "game-audio", "Game Audio Designer",
          "Makes sounds that react to the player.",
          "Game audio designers create assets and wire them into the game engine.", "" },
        { "post-producer", "Post Producer", "Finishes sound for broadcast and film.",
          "Post producers manage the edit, the mix and delivery to specification.", "" },
        { "sound-designer", "Sound Designer", "Invents new sounds from scratch.",
          "Sound designers synthesise and process audio for instruments, media and "
          "installations.", "" },
        { "audio-engineer", "Audio Engineer", "Designs and runs audio systems.",
          "Audio engineers specify, install and maintain equipment and signal chains.", "" },
        { "electronic-music-producer", "Electronic Music Producer",
          "Makes electronic music with synths and code.",
          "From modular patches to live coding, for release and performance.", "" },
        { "live-sound", "Live Sound Technician", "Makes concerts sound right.",
          "Live technicians rig, tune and mix systems for venues and tours.", "" },
        { "junior-audio-programmer", "Junior Audio Programmer",
          "Writes the code that makes sound.",
          "Audio programmers build DSP, plug-ins and game audio engines in C++.",
          "Most employers expect a portfolio of code as well as the degree; take the "
          "programming options." },
        { "acoustic-consultant", "Acoustic Consultant",
          "Designs how rooms and buildings sound.",
          "Consultants measure, model and advise on noise and room acoustics.",
          "Usually needs a further qualification in acoustics after the degree." },
        { "plugin-designer", "Audio Plugin Designer",
          "Designs effects and instruments for DAWs.",
          "Plug-in designers prototype in Max/MSP or Reaktor and ship in C++.", "" },
        { "mastering-engineer", "Mastering Engineer",
          "Gives a record its final polish.",
          "Mastering engineers balance tone and loudness across a release.", "" },
    };
    for (size_t i = 0; i < c->n_careers; i++)
        fx_career(&c->careers[i], careers[i][0], careers[i][1], careers[i][2], careers[i][3],
                  careers[i][4]);

    c->n_awards = 2;
    c->awards = fx_alloc(c->n_awards * sizeof *c->awards);
    static const char *const ba_pts[] = { "Broad choice of options outside music",
                                          "Assessed mostly by portfolio and projects" };
    static const char *const bs_pts[] = { "Maths and physics of sound in year one",
                                          "Assessed by projects, code and exams",
                                          "Lab-based modules in acoustics" };
    fx_award(&c->awards[0], "ba", "BA", "Bachelor of Arts",
             "Creative practice at the centre, with room for other subjects.", ba_pts, 2);
    fx_award(&c->awards[1], "bs", "BS", "Bachelor of Science",
             "Science and engineering at the centre, with creative projects.", bs_pts, 3);

    c->n_award_rows = 3;
    c->award_rows = fx_alloc(c->n_award_rows * sizeof *c->award_rows);
    static const char *const rows[3][3] = {
        { "Extra courses", "Humanities and languages", "Maths and physics" },
        { "Assessment", "Portfolios and performances", "Projects, code and exams" },
        { "Typical first job", "Studio and media roles", "Technical and engineering roles" },
    };
    for (size_t r = 0; r < 3; r++) {
        c->award_rows[r].topic = fx_str(rows[r][0]);
        c->award_rows[r].values = fx_list(&rows[r][1], 2);
    }

    static const fx_degree_spec degrees[2] = {
        {
            .id = "music-production",
            .name = "Music Production",
            .award = "ba",
            .award_index = 0,
            .tagline = "Write, record, produce and mix music that people want to hear.",
            .focus = "Creative studio practice: songwriting, arranging and producing records, "
                     "with the business know-how to release them.",
            .hands_on = "Every week in the studios, from the first term; a released EP by "
                        "the end of year two.",
            .careers_note = "Most producers build a portfolio of released work.",
            .topics = { "Songwriting", "Recording", "Mixing", "Arranging", "Music business",
                        "Sound for picture" },
            .n_topics = 6,
            .software = { "Ableton Live", "Pro Tools", "Logic Pro X" },
            .n_software = 3,
            .modules = {
                { "Studio Techniques", "Microphones, signal flow and session skills." },
                { "Production Project", "Produce a three-track EP for a real artist." },
                { "Songwriting", "Structure, harmony and lyric writing." },
                { "Music Industry", "Publishing, contracts and releasing your music." },
            },
            .n_modules = 4,
            .careers = { 0, 1, 2, 3, 4, 5 },
            .n_careers = 6,
            .color = "#FF7A59",
        },
        {
            .id = "music-technology",
            .name = "Music Technology",
            .award = "bs",
            .award_index = 1,
            .tagline = "Build the tools: audio programming, synthesis and acoustics.",
            .focus = "The science and engineering of sound: signal processing, synthesis, "
                     "acoustics and programming for music.",
            .hands_on = "Labs every week: build a synthesiser, measure a concert hall, write "
                        "your own plug-in.",
            .careers_note = "Programming roles expect code you can show.",
            .topics = { "Digital signal processing", "Synthesis", "Acoustics",
                        "Audio programming", "Interactive systems" },
            .n_topics = 5,
            .software = { "Max/MSP", "Reaktor", "SuperCollider" },
            .n_software = 3,
            .modules = {
                { "Audio Programming", "C++ and real-time audio from first principles." },
                { "Acoustics", "How sound behaves in rooms, and how to measure it." },
                { "Synthesis", "Oscillators, filters and modulation, in Max/MSP and "
                               "SuperCollider." },
            },
            .n_modules = 3,
            .careers = { 6, 7, 8, 9, 10, 4, 3, 5, 11, 12, 13 },
            .n_careers = 11,
            .color = "#2EC4B6",
        },
    };
    c->n_degrees = 2;
    c->degrees = fx_alloc(c->n_degrees * sizeof *c->degrees);
    for (size_t i = 0; i < c->n_degrees; i++)
        fx_degree(&c->degrees[i], &degrees[i]);

    c->n_slides = 6;
    c->slides = fx_alloc(c->n_slides * sizeof *c->slides);
    const content_attract_kind kinds[6] = { CONTENT_ATTRACT_DEGREE, CONTENT_ATTRACT_DEGREE, CONTENT_ATTRACT_COMPARE,
                                            CONTENT_ATTRACT_CAREER, CONTENT_ATTRACT_CAREERS, CONTENT_ATTRACT_AWARDS };
    const size_t idx[6] = { 0, 1, 0, 10, 0, 0 };
    const char *const heads[6] = { "", "Code meets music", "", "", "", "" };
    for (size_t i = 0; i < 6; i++) {
        c->slides[i].kind = kinds[i];
        c->slides[i].index = idx[i];
        c->slides[i].headline = fx_str(heads[i]);
    }
    content_link(c);
    return c;
}

/* ---- generated stress content --------------------------------------------------- */

static inline const char *fx_long_name(size_t k)
{
    static const char *const names[] = {
        "Interdisciplinary Electroacoustic Composition and Spatial Audio Engineering with a "
        "Professional Placement Year",
        "Musique \xc3\xa9lectroacoustique et cr\xc3\xa9" "ation sonore \xc3\xa0 l'\xc3\x89" "cole "
        "sup\xc3\xa9rieure",
        "\xe9\x9f\xb3\xe6\xa5\xbd\xe5\x88\xb6\xe4\xbd\x9c\xe3\x81\xa8\xe3\x82\xb5\xe3\x82\xa6\xe3"
        "\x83\xb3\xe3\x83\x89\xe3\x83\x87\xe3\x82\xb6\xe3\x82\xa4\xe3\x83\xb3\xe3\x81\xae\xe5\xad"
        "\xa6\xe5\xa3\xab\xe8\xaa\xb2\xe7\xa8\x8b\xe3\x83\x97\xe3\x83\xad\xe3\x82\xb0\xe3\x83\xa9"
        "\xe3\x83\xa0",
        "Supercalifragilisticexpialidociousunbreakablewordthatgoesonandonforever Studies",
        "\xd0\x97\xd0\xb2\xd1\x83\xd0\xba\xd0\xbe\xd1\x80\xd0\xb5\xd0\xb6\xd0\xb8\xd1\x81\xd1\x81"
        "\xd1\x91\xd1\x80-\xd0\xbf\xd0\xbe\xd1\x81\xd1\x82\xd0\xb0\xd0\xbd\xd0\xbe\xd0\xb2\xd1\x89"
        "\xd0\xb8\xd0\xba \xce\x97\xcf\x87\xce\xbf\xce\xbb\xce\xae\xcf\x80\xcf\x84\xce\xb7\xcf\x82",
    };
    return names[k % (sizeof names / sizeof *names)];
}

/* n_degrees >= 1 degrees and n_careers careers; every career is on degree 0,
 * and career k is also on degree k % n_degrees, so some are shared. */
static inline content *fixture_many(size_t n_degrees, size_t n_careers, bool long_text)
{
    static const char *const pal[] = { "#FF7A59", "#2EC4B6", "#5B8CFF", "#F25F9C",
                                       "#9BD35A", "#FFC857" };
    char buf[1024];
    if (n_degrees < 1)
        n_degrees = 1;
    content *c = content_create();
    fx_manifest(c, long_text ? fx_long_name(0) : "Stress test open day");
    fx_theme(c);
    fx_strings(c, long_text ? " \xe2\x80\x94 mit ausf\xc3\xbchrlicher Erkl\xc3\xa4rung" : "");

    c->n_awards = 2;
    c->awards = fx_alloc(2 * sizeof *c->awards);
    static const char *const pts[] = {
        "A point about the award that is long enough to wrap over more than one line",
        "Short point",
        "Averyveryverylongunbreakablepointwordthatmustbebrokenbycharacterssomewhere",
    };
    fx_award(&c->awards[0], "ba", "BA", long_text ? fx_long_name(1) : "Bachelor of Arts",
             "Summary of the arts award.", pts, long_text ? 3 : 2);
    fx_award(&c->awards[1], "bs", long_text ? "B.Sc.(Hons)" : "BS",
             long_text ? fx_long_name(2) : "Bachelor of Science", "Summary of the science award.",
             pts, long_text ? 3 : 1);
    c->n_award_rows = 2;
    c->award_rows = fx_alloc(2 * sizeof *c->award_rows);
    for (size_t r = 0; r < 2; r++) {
        const char *vals[2] = { long_text ? fx_long_name(r + 3) : "Value A",
                                long_text ? fx_long_name(r) : "Value B" };
        c->award_rows[r].topic = fx_str(long_text ? fx_long_name(r + 2) : "Row topic");
        c->award_rows[r].values = fx_list(vals, 2);
    }

    c->n_careers = n_careers;
    c->careers = fx_alloc((n_careers ? n_careers : 1) * sizeof *c->careers);
    for (size_t k = 0; k < n_careers; k++) {
        char id[64], name[512];
        snprintf(id, sizeof id, "career-%zu", k);
        if (long_text)
            snprintf(name, sizeof name, "%s %zu", fx_long_name(k + 1), k);
        else
            snprintf(name, sizeof name, "Career number %zu", k);
        fx_career(&c->careers[k], id, name, long_text ? fx_long_name(k + 2) : "A summary.",
                  long_text ? fx_long_name(k + 3) : "A description of the career.",
                  k % 3 == 0 ? (long_text ? fx_long_name(k) : "A caveat.") : "");
    }

    c->n_degrees = n_degrees;
    c->degrees = fx_alloc(n_degrees * sizeof *c->degrees);
    for (size_t i = 0; i < n_degrees; i++) {
        content_degree *d = &c->degrees[i];
        snprintf(buf, sizeof buf, "degree-%zu", i);
        d->id = fx_str(buf);
        if (long_text)
            snprintf(buf, sizeof buf, "%s", fx_long_name(i));
        else
            snprintf(buf, sizeof buf, "Degree %zu", i);
        d->name = fx_str(buf);
        d->award = fx_str(i % 2 ? "bs" : "ba");
        d->award_index = i % 2;
        d->tagline = fx_str(long_text ? fx_long_name(i + 1) : "A tagline.");
        d->focus = fx_str(long_text ? fx_long_name(i + 2) : "A focus sentence.");
        d->hands_on = fx_str(long_text ? fx_long_name(i + 3) : "Hands-on work.");
        d->careers_note = fx_str(long_text ? fx_long_name(i + 4) : "");
        d->url = fx_str("");
        d->image = fx_str("");
        const char *topics[8];
        for (size_t t = 0; t < 8; t++)
            topics[t] = long_text ? fx_long_name(t + i) : "Topic";
        d->topics = fx_list(topics, 8);
        d->n_topics = 8;
        d->software = fx_list(topics, 5);
        d->n_software = 5;
        d->n_modules = 5;
        d->modules = fx_alloc(5 * sizeof *d->modules);
        for (size_t m = 0; m < 5; m++) {
            d->modules[m].title = fx_str(long_text ? fx_long_name(m) : "Module");
            d->modules[m].text = fx_str(long_text ? fx_long_name(m + 1) : "What it covers.");
        }
        d->careers = fx_alloc((n_careers ? n_careers : 1) * sizeof *d->careers);
        for (size_t k = 0; k < n_careers; k++)
            if (i == 0 || k % n_degrees == i)
                d->careers[d->n_careers++] = k;
        d->color = fx_hex(pal[i % (sizeof pal / sizeof *pal)]);
    }

    const content_attract_kind kinds[] = { CONTENT_ATTRACT_DEGREE, CONTENT_ATTRACT_DEGREE, CONTENT_ATTRACT_COMPARE,
                                           CONTENT_ATTRACT_CAREER, CONTENT_ATTRACT_CAREERS, CONTENT_ATTRACT_AWARDS,
                                           CONTENT_ATTRACT_CAREERS };
    c->n_slides = sizeof kinds / sizeof *kinds;
    c->slides = fx_alloc(c->n_slides * sizeof *c->slides);
    for (size_t i = 0; i < c->n_slides; i++) {
        c->slides[i].kind = kinds[i];
        c->slides[i].index = i == 1 ? n_degrees - 1 : 0;
        c->slides[i].headline = fx_str(long_text && i % 2 ? fx_long_name(i) : "");
    }
    content_link(c);
    return c;
}

/* ---- freeing ------------------------------------------------------------------------ */

/* The library's own destructor: whatever the model holds, it frees. */
static inline void fixture_free(content *c)
{
    content_destroy(c);
}

/* A quiz of n_questions (clamped to CONTENT_QUIZ_MIN..MAX) of four answers
 * (two for every other question), each giving points to one or two of c's
 * degrees, for the quiz screens at any number of degrees. */
static inline void fixture_add_quiz(content *c, size_t n_questions, bool long_text)
{
    if (n_questions < CONTENT_QUIZ_MIN)
        n_questions = CONTENT_QUIZ_MIN;
    if (n_questions > CONTENT_QUIZ_MAX)
        n_questions = CONTENT_QUIZ_MAX;
    char buf[1024];
    c->n_questions = n_questions;
    c->questions = fx_alloc(n_questions * sizeof *c->questions);
    for (size_t q = 0; q < n_questions; q++) {
        content_question *qu = &c->questions[q];
        snprintf(buf, sizeof buf, "%s %zu?", long_text ? fx_long_name(q) : "Question", q + 1);
        qu->text = fx_str(buf);
        qu->n_answers = q % 2 ? CONTENT_ANSWERS_MIN : CONTENT_ANSWERS_MAX;
        qu->answers = fx_alloc(qu->n_answers * sizeof *qu->answers);
        for (size_t a = 0; a < qu->n_answers; a++) {
            content_answer *an = &qu->answers[a];
            snprintf(buf, sizeof buf, "%s %zu", long_text ? fx_long_name(q + a + 1) : "Answer",
                     a + 1);
            an->text = fx_str(buf);
            an->n_degrees = c->n_degrees > 1 ? 2 : 1;
            an->degrees = fx_alloc(an->n_degrees * sizeof *an->degrees);
            an->points = fx_alloc(an->n_degrees * sizeof *an->points);
            for (size_t k = 0; k < an->n_degrees; k++) {
                an->degrees[k] = (q + a + k) % c->n_degrees;
                an->points[k] = (int)(1 + (a + k) % CONTENT_POINTS_MAX);
            }
        }
    }
    c->absent &= ~(1u << 8);
}

#endif
