/* content_model.c - the model's vocabulary (the file names, the string and
 * colour keys with their built-in values) and the questions asked of a
 * loaded model: its languages, the lookups by id and the derived facts that
 * every layer above asks (all declared in content.h).
 *
 * Apart from content.c, which loads and frees models, so that the loaders
 * (load_*.c) can use the vocabulary and look up what an earlier file
 * defined without calling back into the code that runs them. Reads only;
 * allocates nothing. */
#include "content.h"
#include "jfile.h"

#include <assert.h>
#include <string.h>

/* ---- the vocabulary ---------------------------------------------------------- */

const char *const content_string_keys[CONTENT_STR_COUNT] = {
    "touch_to_explore", "back", "home", "home_title", "home_subtitle", "compare",
    "compare_hint", "careers", "careers_hint", "ba_bs", "ba_bs_hint", "about", "focus",
    "award", "topics", "software", "modules", "hands_on", "career_paths", "leads_from",
    "check", "shared", "pick_left", "pick_right", "version", "swipe_hint",
    "admin_title", "admin_wrong", "admin_locked", "admin_clear", "admin_ok", "admin_cancel",
    "speech_button", "speech_unavailable", "speech_again", "speech_stop", "speech_repeat",
    "speech_quieter", "speech_louder", "speech_volume",
    "previous", "next", "scroll_down", "scroll_up",
    "access", "large_text", "high_contrast", "less_motion", "reach", "read_aloud", "on", "off",
    "done", "reset_warning",
    "today", "today_hint", "now", "talk_next", "next_talk", "today_done", "qr_hint",
    "quiz", "quiz_hint", "quiz_progress", "quiz_result", "quiz_result_hint", "quiz_because",
    "quiz_points", "quiz_point", "quiz_none", "quiz_again", "notice_urgent",
    "notices_title",
    "language_name", "language",
    "all_degrees", "n_degrees", "other_careers", "earlier_talks", "earlier_talk",
};

static const char *const default_strings[CONTENT_STR_COUNT] = {
    "Touch to explore", "Back", "Home", "Explore our degrees", "Tap a degree to find out more.",
    "Compare", "Side by side", "Career paths", "Where each degree leads", "Awards",
    "What the awards mean", "About", "Focus", "Award", "Topics", "Software",
    "Modules that matter", "Hands-on", "Careers", "Degrees that lead here", "Check first",
    "More than one degree", "First", "Second", "Version", "Swipe for the next one",
    "Staff: enter the PIN to exit", "Wrong PIN, try again",
    "Too many wrong PINs: wait {seconds} s", "Clear", "OK", "Cancel",
    "button", "unavailable", "Tap again to open.", "Stop", "Repeat", "Quieter", "Louder",
    "Volume {percent} percent",
    "Previous: {name}", "Next: {name}", "More below", "Scroll up",
    "Accessibility", "Larger text", "High contrast", "Less motion", "Controls within reach",
    "Read aloud", "On", "Off", "Done", "Still here? Touch anywhere to stay",
    "Today", "Talks and tours at the open day", "Now", "Next", "Next talk: {time}, {room}",
    "That's all for today", "Take it home: scan with your phone",
    "Which degree suits me?", "A few questions, then our suggestion", "Question {n} of {total}",
    "Degrees that suit you", "Ranked by your answers. Tap one to find out more.",
    "Because you chose", "{points} points", "1 point", "None of your answers pointed here",
    "Start again", "Important", "News for visitors",
    /* A language's own name has no sensible default: without one the
     * chooser shows the language's code. */
    "", "Language",
    "All degrees", "{n} degrees", "Other careers", "{n} earlier talks", "1 earlier talk",
};

const char *const content_color_keys[CONTENT_COLOR_COUNT] = {
    "background", "surface", "surface_alt", "text", "muted", "accent", "accent_text",
    "shared", "caveat", "line",
};

static const char *const default_colors[CONTENT_COLOR_COUNT] = {
    "#0F1420", "#1A2233", "#243047", "#F4F6FA", "#A9B4C8", "#FFB547", "#10131A",
    "#B98CFF", "#FFD166", "#3A4760",
};

const char *const content_files[CONTENT_NFILES] = {
#define CONTENT_FILE(id, name, required, loader) [CONTENT_FILE_##id] = name,
#include "content_files.h"
#undef CONTENT_FILE
};

const char *content_default_string(content_str k)
{
    return (int)k >= 0 && k < CONTENT_STR_COUNT ? default_strings[k] : "";
}

od_color content_default_color(content_color k)
{
    od_color c = { 0, 0, 0, 255 };
    if ((int)k >= 0 && k < CONTENT_COLOR_COUNT)
        jfile_parse_color(default_colors[k], &c);
    return c;
}

/* ---- a loaded model ---------------------------------------------------------- */

size_t content_language_count(const content *c)
{
    const content *r = c->base ? c->base : c;
    return r->n_languages && r->variants ? r->n_languages : 1;
}

const content *content_in_language(const content *c, size_t i)
{
    const content *r = c->base ? c->base : c;
    assert(i < content_language_count(c));
    if (!r->variants)
        return r;
    return r->variants[i];
}

size_t content_default_language(const content *c)
{
    const content *r = c->base ? c->base : c;
    return r->variants ? r->language_index : 0;
}

size_t content_find_language(const content *c, const char *code)
{
    size_t n = content_language_count(c);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(content_in_language(c, i)->language, code))
            return i;
    return (size_t)-1;
}

const char *content_language_name(const content *c, size_t i)
{
    const content *m = content_in_language(c, i);
    const char *s = m->strings[CONTENT_STR_LANGUAGE_NAME];
    return s && *s ? s : m->language;
}

size_t content_find_degree(const content *c, const char *id)
{
    for (size_t i = 0; i < c->n_degrees; i++)
        if (!strcmp(c->degrees[i].id, id))
            return i;
    return (size_t)-1;
}

size_t content_find_career(const content *c, const char *id)
{
    for (size_t i = 0; i < c->n_careers; i++)
        if (!strcmp(c->careers[i].id, id))
            return i;
    return (size_t)-1;
}

od_color content_award_color(const content *c, size_t ai)
{
    if (ai < c->n_awards && c->awards[ai].has_color)
        return c->awards[ai].color;
    return c->colors[CONTENT_COLOR_ACCENT];
}

bool content_career_shared(const content *c, size_t ci)
{
    return ci < c->n_careers && c->careers[ci].n_degrees > 1;
}
