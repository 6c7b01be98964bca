/* content_strings.h - the one table of the interface's fixed strings and
 * the theme's colours.
 *
 * A row CONTENT_STRING(ID, "key", "default") is one string of strings.json:
 * its enum constant CONTENT_STR_ID (content.h), its key in the file and its
 * built-in English text, used when the file leaves it out. A row
 * CONTENT_COLOR(ID, "key", "#RRGGBB") is one colour of theme.json the same
 * way (CONTENT_COLOR_ID). Placeholders in braces ("{name}") are filled by
 * the code that draws the string, never as a printf format.
 *
 * Adding a string is its row here, its text in the content sets' strings.json
 * (and content/schema.json's list of string keys), and the code that draws
 * it: the enum, the key list, the defaults and the loader follow from the
 * row. Whoever includes this file defines CONTENT_STRING and CONTENT_COLOR
 * (a macro left undefined takes no rows), and undefines them after; hence
 * no include guard. */
#ifndef CONTENT_STRING
#define CONTENT_STRING(id, key, text)
#define CONTENT_STRINGS_NONE_
#endif
#ifndef CONTENT_COLOR
#define CONTENT_COLOR(id, key, hex)
#define CONTENT_COLORS_NONE_
#endif

CONTENT_STRING(TOUCH_TO_EXPLORE, "touch_to_explore", "Touch to explore")
CONTENT_STRING(BACK, "back", "Back")
CONTENT_STRING(HOME, "home", "Home")
CONTENT_STRING(HOME_TITLE, "home_title", "Explore our degrees")
CONTENT_STRING(HOME_SUBTITLE, "home_subtitle", "Tap a degree to find out more.")
CONTENT_STRING(COMPARE, "compare", "Compare")
CONTENT_STRING(COMPARE_HINT, "compare_hint", "Side by side")
CONTENT_STRING(CAREERS, "careers", "Career paths")
CONTENT_STRING(CAREERS_HINT, "careers_hint", "Where each degree leads")
CONTENT_STRING(BA_BS, "ba_bs", "Awards")
CONTENT_STRING(BA_BS_HINT, "ba_bs_hint", "What the awards mean")
CONTENT_STRING(ABOUT, "about", "About")
CONTENT_STRING(FOCUS, "focus", "Focus")
CONTENT_STRING(AWARD, "award", "Award")
CONTENT_STRING(TOPICS, "topics", "Topics")
CONTENT_STRING(SOFTWARE, "software", "Software")
CONTENT_STRING(MODULES, "modules", "Modules that matter")
CONTENT_STRING(HANDS_ON, "hands_on", "Hands-on")
CONTENT_STRING(CAREER_PATHS, "career_paths", "Careers")
CONTENT_STRING(LEADS_FROM, "leads_from", "Degrees that lead here")
CONTENT_STRING(CHECK, "check", "Check first")
CONTENT_STRING(SHARED, "shared", "More than one degree")
CONTENT_STRING(PICK_LEFT, "pick_left", "First")
CONTENT_STRING(PICK_RIGHT, "pick_right", "Second")
CONTENT_STRING(VERSION, "version", "Version")
CONTENT_STRING(SWIPE_HINT, "swipe_hint", "Swipe for the next one")
/* the staff exit's keypad; ADMIN_LOCKED has "{seconds}" where the
 * remaining lock-out time goes */
CONTENT_STRING(ADMIN_TITLE, "admin_title", "Staff: enter the PIN to exit")
CONTENT_STRING(ADMIN_WRONG, "admin_wrong", "Wrong PIN, try again")
CONTENT_STRING(ADMIN_LOCKED, "admin_locked", "Too many wrong PINs: wait {seconds} s")
CONTENT_STRING(ADMIN_CLEAR, "admin_clear", "Clear")
CONTENT_STRING(ADMIN_OK, "admin_ok", "OK")
CONTENT_STRING(ADMIN_CANCEL, "admin_cancel", "Cancel")
/* speech (Read aloud): a target's role, a disabled one, the hint after
 * an item; the control bar; SPEECH_VOLUME has "{percent}" */
CONTENT_STRING(SPEECH_BUTTON, "speech_button", "button")
CONTENT_STRING(SPEECH_UNAVAILABLE, "speech_unavailable", "unavailable")
CONTENT_STRING(SPEECH_AGAIN, "speech_again", "Tap again to open.")
CONTENT_STRING(SPEECH_STOP, "speech_stop", "Stop")
CONTENT_STRING(SPEECH_REPEAT, "speech_repeat", "Repeat")
CONTENT_STRING(SPEECH_QUIETER, "speech_quieter", "Quieter")
CONTENT_STRING(SPEECH_LOUDER, "speech_louder", "Louder")
CONTENT_STRING(SPEECH_VOLUME, "speech_volume", "Volume {percent} percent")
/* the buttons beside the gestures: PREVIOUS and NEXT have
 * "{name}" where the sibling's name goes; SCROLL_DOWN and
 * SCROLL_UP move a long page by a screen */
CONTENT_STRING(PREVIOUS, "previous", "Previous: {name}")
CONTENT_STRING(NEXT, "next", "Next: {name}")
CONTENT_STRING(SCROLL_DOWN, "scroll_down", "More below")
CONTENT_STRING(SCROLL_UP, "scroll_up", "Scroll up")
/* the accessibility panel and the warning before the visit resets */
CONTENT_STRING(ACCESS, "access", "Accessibility")
CONTENT_STRING(LARGE_TEXT, "large_text", "Larger text")
CONTENT_STRING(HIGH_CONTRAST, "high_contrast", "High contrast")
CONTENT_STRING(LESS_MOTION, "less_motion", "Less motion")
CONTENT_STRING(REACH, "reach", "Controls within reach")
CONTENT_STRING(READ_ALOUD, "read_aloud", "Read aloud")
CONTENT_STRING(ON, "on", "On")
CONTENT_STRING(OFF, "off", "Off")
CONTENT_STRING(DONE, "done", "Done")
CONTENT_STRING(RESET_WARNING, "reset_warning", "Still here? Touch anywhere to stay")
/* the day's talks (talks.json); NEXT_TALK has "{time}" and "{room}" */
CONTENT_STRING(TODAY, "today", "Today")
CONTENT_STRING(TODAY_HINT, "today_hint", "Talks and tours at the open day")
CONTENT_STRING(NOW, "now", "Now")
CONTENT_STRING(TALK_NEXT, "talk_next", "Next")
CONTENT_STRING(NEXT_TALK, "next_talk", "Next talk: {time}, {room}")
CONTENT_STRING(TODAY_DONE, "today_done", "That's all for today")
CONTENT_STRING(QR_HINT, "qr_hint", "Take it home: scan with your phone")
/* the quiz (quiz.json): QUIZ_PROGRESS has "{n}" and "{total}",
 * QUIZ_POINTS "{points}" (QUIZ_POINT is the one for 1) */
CONTENT_STRING(QUIZ, "quiz", "Which degree suits me?")
CONTENT_STRING(QUIZ_HINT, "quiz_hint", "A few questions, then our suggestion")
CONTENT_STRING(QUIZ_PROGRESS, "quiz_progress", "Question {n} of {total}")
CONTENT_STRING(QUIZ_RESULT, "quiz_result", "Degrees that suit you")
CONTENT_STRING(QUIZ_RESULT_HINT, "quiz_result_hint", "Ranked by your answers. Tap one to find out more.")
CONTENT_STRING(QUIZ_BECAUSE, "quiz_because", "Because you chose")
CONTENT_STRING(QUIZ_POINTS, "quiz_points", "{points} points")
CONTENT_STRING(QUIZ_POINT, "quiz_point", "1 point")
CONTENT_STRING(QUIZ_NONE, "quiz_none", "None of your answers pointed here")
CONTENT_STRING(QUIZ_AGAIN, "quiz_again", "Start again")
/* the label of an urgent notice (notices.json), so that urgency is in
 * words as well as in the bar's colours */
CONTENT_STRING(NOTICE_URGENT, "notice_urgent", "Important")
/* the attract loop's notices slide, above the notices */
CONTENT_STRING(NOTICES_TITLE, "notices_title", "News for visitors")
/* visitor languages (openday.json "languages"): the language's own name
 * ("Deutsch"), listed by the chooser, and the chooser's heading */
/* (a language's own name has no sensible default: without one the
 * chooser shows the language's code) */
CONTENT_STRING(LANGUAGE_NAME, "language_name", "")
CONTENT_STRING(LANGUAGE, "language", "Language")
/* the career map's degree chips and counts (N_DEGREES has "{n}"), Today's
 * folded talks (EARLIER_TALKS has "{n}") */
CONTENT_STRING(ALL_DEGREES, "all_degrees", "All degrees")
CONTENT_STRING(N_DEGREES, "n_degrees", "{n} degrees")
CONTENT_STRING(OTHER_CAREERS, "other_careers", "Other careers")
CONTENT_STRING(EARLIER_TALKS, "earlier_talks", "{n} earlier talks")
CONTENT_STRING(EARLIER_TALK, "earlier_talk", "1 earlier talk")

CONTENT_COLOR(BACKGROUND,  "background",  "#0F1420")
CONTENT_COLOR(SURFACE,     "surface",     "#1A2233")
CONTENT_COLOR(SURFACE_ALT, "surface_alt", "#243047")
CONTENT_COLOR(TEXT,        "text",        "#F4F6FA")
CONTENT_COLOR(MUTED,       "muted",       "#A9B4C8")
CONTENT_COLOR(ACCENT,      "accent",      "#FFB547")
CONTENT_COLOR(ACCENT_TEXT, "accent_text", "#10131A")
CONTENT_COLOR(SHARED,      "shared",      "#B98CFF")
CONTENT_COLOR(CAVEAT,      "caveat",      "#FFD166")
CONTENT_COLOR(LINE,        "line",        "#3A4760")

#ifdef CONTENT_STRINGS_NONE_
#undef CONTENT_STRING
#undef CONTENT_STRINGS_NONE_
#endif
#ifdef CONTENT_COLORS_NONE_
#undef CONTENT_COLOR
#undef CONTENT_COLORS_NONE_
#endif
