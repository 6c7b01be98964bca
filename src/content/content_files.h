/* content_files.h - the one table of the files of a content directory.
 *
 * How to add a file type, say events.json:
 *   1. Add its row below. Required files come first, then the optional
 *      ones; a file comes after every file it names ids from, because the
 *      loaders run in the order of the rows.
 *   2. Give it its struct and its fields in struct content (content.h),
 *      freed in content_destroy and compared in the languages' shape check
 *      of content_load_with (content.c) when it makes a list.
 *   3. Write its loader, `bool load_events(jfile *f, content *c)`, in the
 *      load_*.c file of its group (declared in that file's header), from
 *      the shared checks of jfile.h. It reports every problem through them
 *      and returns false after any error.
 *   4. Test it: a tests/unit/test_<feature>.c for what it loads, and cases
 *      under tests/data/hostile/ for what it refuses.
 *   5. Describe it for the authors: its definition in content/schema.json
 *      ($defs, named after the file; tests/helpers/check_schema.py checks
 *      every row has one) and its section in content/README.md.
 * Everything else follows from the row: its index CONTENT_FILE_EVENTS,
 * CONTENT_NFILES, its name in content_files[], its bit in content.absent
 * when it is optional and not there, and the call to its loader.
 *
 * A row is CONTENT_FILE(id, name, required, loader): `required` 1 makes a
 * missing file an error, 0 makes it optional. Whoever includes this file
 * defines CONTENT_FILE to take what it needs from each row, and undefines
 * it after; hence no include guard. */
CONTENT_FILE(MANIFEST, "openday.json", 1, load_manifest)
CONTENT_FILE(CAREERS,  "careers.json", 1, load_careers)
CONTENT_FILE(AWARDS,   "awards.json",  1, load_awards)
CONTENT_FILE(DEGREES,  "degrees.json", 1, load_degrees)
CONTENT_FILE(ATTRACT,  "attract.json", 1, load_attract)
CONTENT_FILE(THEME,    "theme.json",   1, load_theme)
CONTENT_FILE(STRINGS,  "strings.json", 1, load_strings)
CONTENT_FILE(TALKS,    "talks.json",   0, load_talks)
CONTENT_FILE(QUIZ,     "quiz.json",    0, load_quiz)
CONTENT_FILE(NOTICES,  "notices.json", 0, load_notices)
