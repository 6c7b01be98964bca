/* reader.h - Read aloud's state and its way out: what the app asks to be
 * said, and the sink that says it.
 *
 * The app stays pure: it never synthesises speech. It hands utterance
 * requests (text, language, interrupt or queue, volume) to a sink, a small
 * table of functions injected through app_config; the platform's sink
 * (platform/speech.h) synthesises off the frame loop, a test's sink records
 * the requests. The reader keeps what Repeat says again (the last screen or
 * item spoken) and the volume, and goes back to its defaults (off, volume
 * READER_VOLUME_DEFAULT) at the end of a visit.
 *
 * Pure: no SDL, no clock. A reader lives in caller storage (reader_init /
 * reader_deinit); it copies the texts it keeps (an allocation failure only
 * forgets what Repeat would say). A sink without `say` makes every call a
 * no-op. Texts passed to the sink are borrowed for the call only. */
#ifndef OPENDAY_READER_H
#define OPENDAY_READER_H

#include <stdbool.h>
#include <stddef.h>

/* Volume in percent of the loudest the platform plays. */
#define READER_VOLUME_DEFAULT 50
#define READER_VOLUME_STEP 10
#define READER_VOLUME_MIN 10
#define READER_VOLUME_MAX 100

typedef struct {
    const char *text;      /* UTF-8 */
    const char *lang;      /* BCP 47 tag of the content ("en", "de-CH"); "" unknown */
    bool interrupt;        /* stop what is being said first (else queue after it) */
    int volume;            /* percent, READER_VOLUME_MIN..MAX */
} reader_utterance;

typedef struct {
    void *ud;
    void (*say)(void *ud, const reader_utterance *u);
    void (*stop)(void *ud);   /* silence now, drop what is queued; may be NULL */
} reader_sink;

typedef struct {
    reader_sink sink;
    bool on;
    int volume;
    char *last;            /* what Repeat says, or NULL */
    char lang[32];
} reader;

void reader_init(reader *r, const reader_sink *sink);
void reader_deinit(reader *r);

/* The content's language for what follows (NULL or "": unknown). */
void reader_set_lang(reader *r, const char *lang);
/* Turn on or off; turning off silences. */
void reader_set_on(reader *r, bool on);

/* Say text (when on): interrupting, or queued after what is being said.
 * It becomes what Repeat says. */
void reader_say(reader *r, const char *text, bool interrupt);
/* Silence now (when on). */
void reader_stop(reader *r);
/* Say the last text again, interrupting (when on and there is one). */
void reader_repeat(reader *r);
/* Volume up (step > 0) or down by READER_VOLUME_STEP, within the limits,
 * then say `fmt` with "{percent}" replaced by the new volume. */
void reader_volume(reader *r, int step, const char *fmt);
/* End of a visit: silence, off, default volume, nothing to repeat. */
void reader_reset(reader *r);

#endif
