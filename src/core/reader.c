/* reader.c - Read aloud's state. See reader.h. */
#include "reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void reader_init(reader *r, const reader_sink *sink)
{
    memset(r, 0, sizeof *r);
    if (sink)
        r->sink = *sink;
    r->volume = READER_VOLUME_DEFAULT;
}

void reader_deinit(reader *r)
{
    free(r->last);
    r->last = NULL;
}

void reader_set_lang(reader *r, const char *lang)
{
    snprintf(r->lang, sizeof r->lang, "%s", lang ? lang : "");
}

static void emit(reader *r, const char *text, bool interrupt)
{
    if (!r->sink.say)
        return;
    reader_utterance u = { text, r->lang, interrupt, r->volume };
    r->sink.say(r->sink.ud, &u);
}

static void silence(reader *r)
{
    if (r->sink.stop)
        r->sink.stop(r->sink.ud);
}

void reader_set_on(reader *r, bool on)
{
    if (r->on && !on)
        silence(r);
    r->on = on;
}

void reader_say(reader *r, const char *text, bool interrupt)
{
    if (!r->on || !text)
        return;
    if (r->last != text) {
        free(r->last);
        size_t n = strlen(text) + 1;
        r->last = malloc(n);
        if (r->last)
            memcpy(r->last, text, n);
    }
    emit(r, text, interrupt);
}

void reader_stop(reader *r)
{
    if (r->on)
        silence(r);
}

void reader_repeat(reader *r)
{
    if (r->on && r->last)
        emit(r, r->last, true);
}

void reader_volume(reader *r, int step, const char *fmt)
{
    if (!r->on)
        return;
    int v = r->volume + (step > 0 ? READER_VOLUME_STEP : -READER_VOLUME_STEP);
    r->volume = v < READER_VOLUME_MIN ? READER_VOLUME_MIN : v > READER_VOLUME_MAX ? READER_VOLUME_MAX : v;
    /* The new volume in words, said at that volume; not what Repeat says. */
    char msg[160];
    const char *at = fmt ? strstr(fmt, "{percent}") : NULL;
    if (at)
        snprintf(msg, sizeof msg, "%.*s%d%s", (int)(at - fmt), fmt, r->volume, at + 9);
    else
        snprintf(msg, sizeof msg, "%d", r->volume);
    emit(r, msg, true);
}

void reader_reset(reader *r)
{
    if (r->on)
        silence(r);
    r->on = false;
    r->volume = READER_VOLUME_DEFAULT;
    free(r->last);
    r->last = NULL;
}
