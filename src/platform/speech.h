/* speech.h - the platform's voice: eSpeak NG synthesis played through SDL
 * audio, behind the app's utterance sink (reader.h).
 *
 * Synthesis never runs on the frame loop. speech_sink's `say` copies the
 * request into a small queue and wakes a worker thread, which asks eSpeak NG
 * (synchronous mode: samples handed to a callback as they are made) for the
 * samples and queues them on an SDL audio device as they come. A request
 * that interrupts, or `stop`, drops what is queued: the worker's callback
 * sees the generation change and abandons the utterance, and the samples
 * already queued on the device are cleared; so the visitor hears the new
 * thing at once. The device plays 16-bit mono at eSpeak's rate.
 *
 * The voice follows each utterance's language: the eSpeak NG voice chosen
 * for that tag (its primary language when the full tag has none); when
 * eSpeak NG has no voice for it, English, logged once per language. Volume
 * is the utterance's percent of eSpeak's loudest without clipping
 * (percent * 2 of espeakVOLUME, 50% being eSpeak's normal).
 *
 * speech_create returns NULL when there is no way to speak: eSpeak NG cannot
 * start (no voice data), has no English voice, or SDL has no audio device;
 * the reason is logged once, with the failing call and its message, and
 * the kiosk simply does not offer Read aloud. It never aborts the kiosk.
 * OPENDAY_ESPEAK_DATA in the environment names another espeak-ng-data
 * folder (the tests point it at an empty one to see the failure path).
 * speech_destroy stops the worker and closes the device (NULL is fine).
 * Only one speech object at a time (eSpeak NG is one per process); the
 * sink's functions are called from the frame loop's thread only. */
#ifndef OPENDAY_SPEECH_H
#define OPENDAY_SPEECH_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "reader.h"

typedef struct speech speech;

speech *speech_create(FILE *log);
void speech_destroy(speech *s);

/* The sink for app_config.speech; valid until speech_destroy. */
reader_sink speech_sink(speech *s);

/* Figures for --stats and the bench: utterances asked for, started (first
 * samples made) and abandoned; the time from a request to its first
 * samples being ready to play, mean and worst, in milliseconds. */
typedef struct {
    uint64_t said, started, cancelled;
    double first_ms_mean, first_ms_max;
} speech_stats;
void speech_get_stats(speech *s, speech_stats *out);

/* --say TEXT --wav FILE: synthesise text in language lang (NULL: "en")
 * into a 16-bit mono WAV file, without an audio device. Returns 0, or 1
 * after logging why (no eSpeak NG data, a write error). */
int speech_say_wav(const char *text, const char *lang, const char *path, FILE *log);

#endif
