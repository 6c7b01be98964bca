/* speech.c - eSpeak NG through SDL audio, off the frame loop. See speech.h. */
#include "speech.h"
#include "file.h"

#include <SDL.h>
#include <errno.h>
#include <espeak-ng/espeak_ng.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Milliseconds of sound per callback: small, so the first samples of an
 * utterance are ready soon after it is asked for. */
#define CHUNK_MS 20
#define QUEUE_MAX 8
/* Synthesis keeps at most this much sound ahead of what is playing: a long
 * page is made as it is heard, in small bursts, not in one burst of CPU
 * that would compete with the frame loop for a core (and be thrown away by
 * Stop). */
#define AHEAD_MS 1500

typedef struct {
    char *text;
    char lang[32];
    int volume;
    uint64_t asked;            /* SDL performance counter at the request */
} job;

struct speech {
    FILE *log;
    SDL_AudioDeviceID dev;
    Uint32 ahead_bytes;        /* AHEAD_MS of samples */
    SDL_Thread *thread;
    SDL_mutex *mu;
    SDL_cond *cv;
    job q[QUEUE_MAX];
    size_t head, n;
    bool quit;
    unsigned gen;              /* bumped by every interrupt and stop */
    /* the utterance in progress (worker side; gen under mu) */
    unsigned cur_gen;
    uint64_t cur_asked;
    bool cur_started;
    char voice_lang[32];       /* the tag the current voice was chosen for */
    char warned[8][32];        /* languages already logged as missing */
    size_t nwarned;
    /* figures, under mu */
    speech_stats st;
    double first_sum;
};

static uint64_t g_freq;

static const char *status_text(espeak_ng_STATUS st, char *buf, size_t n)
{
    espeak_ng_GetStatusCodeMessage(st, buf, n);
    return buf;
}

/* eSpeak NG ready for synchronous synthesis in English; false after
 * logging the failing call. */
static bool engine_start(FILE *log, int *rate)
{
    char msg[256];
    /* OPENDAY_ESPEAK_DATA: another espeak-ng-data folder (tests point it
     * at an empty one); else eSpeak NG's own search. */
    const char *data = getenv("OPENDAY_ESPEAK_DATA");
    espeak_ng_InitializePath(data && *data ? data : NULL);
    espeak_ng_ERROR_CONTEXT ctx = NULL;
    espeak_ng_STATUS st = espeak_ng_Initialize(&ctx);
    if (st != ENS_OK) {
        fprintf(log, "openday: Read aloud unavailable: espeak_ng_Initialize: %s\n",
                status_text(st, msg, sizeof msg));
        espeak_ng_ClearErrorContext(&ctx);
        return false;
    }
    st = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, CHUNK_MS, NULL);
    if (st == ENS_OK)
        st = espeak_ng_SetVoiceByName("en");
    if (st != ENS_OK) {
        fprintf(log, "openday: Read aloud unavailable: espeak_ng_%s: %s\n",
                st == ENS_VOICE_NOT_FOUND ? "SetVoiceByName(\"en\")" : "InitializeOutput",
                status_text(st, msg, sizeof msg));
        espeak_ng_Terminate();
        return false;
    }
    *rate = espeak_ng_GetSampleRate();
    return true;
}

/* Does eSpeak NG's current voice speak `primary` (a language subtag)? */
static bool voice_speaks(const char *primary)
{
    espeak_VOICE *v = espeak_GetCurrentVoice();
    if (!v || !v->languages)
        return false;
    /* languages: (priority byte, tag, NUL) pairs, ended by a zero byte. */
    size_t n = strlen(primary);
    for (const char *p = v->languages; *p; p += strlen(p + 1) + 2) {
        const char *tag = p + 1;
        if (!strncasecmp(tag, primary, n) && (tag[n] == '\0' || tag[n] == '-'))
            return true;
    }
    return false;
}

/* Choose the voice for tag, else English (logged once per tag). */
static void choose_voice(speech *s, const char *tag)
{
    if (!tag || !*tag)
        tag = "en";
    if (!strcmp(s->voice_lang, tag))
        return;
    snprintf(s->voice_lang, sizeof s->voice_lang, "%s", tag);
    char primary[16];
    size_t n = strcspn(tag, "-_");
    snprintf(primary, sizeof primary, "%.*s", (int)(n < 15 ? n : 15), tag);
    const char *tries[2] = { tag, primary };
    for (int i = 0; i < 2; i++) {
        espeak_VOICE sel;
        memset(&sel, 0, sizeof sel);
        sel.languages = tries[i];
        if (espeak_ng_SetVoiceByProperties(&sel) == ENS_OK && voice_speaks(primary))
            return;
    }
    espeak_ng_SetVoiceByName("en");
    bool told = false;
    for (size_t i = 0; i < s->nwarned; i++)
        told = told || !strcmp(s->warned[i], tag);
    if (!told && s->log) {
        fprintf(s->log, "openday: eSpeak NG has no voice for the content's language \"%s\"; "
                        "Read aloud speaks English\n", tag);
        if (s->nwarned < 8)
            snprintf(s->warned[s->nwarned++], sizeof s->warned[0], "%s", tag);
    }
}

/* eSpeak NG's sample callback (on the worker thread): the samples go to
 * the device unless the utterance was abandoned meanwhile. Returning 1
 * stops the synthesis. */
static int on_samples(short *wav, int n, espeak_EVENT *ev)
{
    speech *s = ev ? ev->user_data : NULL;
    if (!s)
        return 1;
    SDL_LockMutex(s->mu);
    bool stale = s->quit || s->gen != s->cur_gen;
    if (!stale && wav && n > 0) {
        if (!s->cur_started) {
            s->cur_started = true;
            double ms = (double)(SDL_GetPerformanceCounter() - s->cur_asked) * 1000.0 /
                        (double)g_freq;
            s->st.started++;
            s->first_sum += ms;
            s->st.first_ms_mean = s->first_sum / (double)s->st.started;
            if (ms > s->st.first_ms_max)
                s->st.first_ms_max = ms;
        }
        /* Under the lock: an interrupt clears the device under it too, so
         * no sample of the old utterance lands after the clear. */
        if (SDL_QueueAudio(s->dev, wav, (Uint32)n * sizeof *wav) != 0 && s->log)
            fprintf(s->log, "openday: SDL_QueueAudio: %s\n", SDL_GetError());
        /* Far enough ahead: wait for playback to catch up (an interrupt or
         * Stop ends the wait). */
        while (!s->quit && s->gen == s->cur_gen &&
               SDL_GetQueuedAudioSize(s->dev) > s->ahead_bytes) {
            SDL_UnlockMutex(s->mu);
            SDL_Delay(20);
            SDL_LockMutex(s->mu);
        }
        stale = s->quit || s->gen != s->cur_gen;
    }
    if (stale)
        s->st.cancelled++;
    SDL_UnlockMutex(s->mu);
    return stale ? 1 : 0;
}

static int worker(void *ud)
{
    speech *s = ud;
    /* (Normal priority: a lower one, a nice value, makes speech wait behind
     * any other busy process, hundreds of milliseconds on a loaded machine;
     * the pacing, AHEAD_MS, keeps this thread's bursts short instead.)
     * A word made and dropped (no user data: on_samples stops it at once),
     * so that eSpeak NG has read its dictionary and phonemes before the
     * first screen is to be spoken. */
    espeak_ng_Synthesize("openday", 8, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, NULL);
    SDL_LockMutex(s->mu);
    for (;;) {
        while (!s->quit && s->n == 0)
            SDL_CondWait(s->cv, s->mu);
        if (s->quit)
            break;
        job j = s->q[s->head];
        s->head = (s->head + 1) % QUEUE_MAX;
        s->n--;
        s->cur_gen = s->gen;
        s->cur_asked = j.asked;
        s->cur_started = false;
        SDL_UnlockMutex(s->mu);

        choose_voice(s, j.lang);
        espeak_ng_SetParameter(espeakVOLUME, j.volume * 2, 0);
        espeak_ng_STATUS st = espeak_ng_Synthesize(j.text, strlen(j.text) + 1, 0, POS_CHARACTER,
                                                   0, espeakCHARS_UTF8, NULL, s);
        if (st != ENS_OK && st != ENS_SPEECH_STOPPED && s->log) {
            char msg[256];
            fprintf(s->log, "openday: espeak_ng_Synthesize: %s\n",
                    status_text(st, msg, sizeof msg));
        }
        free(j.text);
        SDL_LockMutex(s->mu);
    }
    SDL_UnlockMutex(s->mu);
    return 0;
}

/* Under mu: drop every queued request and abandon the current one. */
static void drop_all(speech *s)
{
    while (s->n) {
        free(s->q[s->head].text);
        s->head = (s->head + 1) % QUEUE_MAX;
        s->n--;
    }
    s->gen++;
    SDL_ClearQueuedAudio(s->dev);
}

static void sink_say(void *ud, const reader_utterance *u)
{
    speech *s = ud;
    size_t len = strlen(u->text);
    char *text = malloc(len + 1);
    if (!text)
        return; /* out of memory: this one is not said */
    memcpy(text, u->text, len + 1);
    SDL_LockMutex(s->mu);
    if (u->interrupt)
        drop_all(s);
    if (s->n == QUEUE_MAX) { /* full: the oldest waiting request gives way */
        free(s->q[s->head].text);
        s->head = (s->head + 1) % QUEUE_MAX;
        s->n--;
    }
    job *j = &s->q[(s->head + s->n) % QUEUE_MAX];
    j->text = text;
    snprintf(j->lang, sizeof j->lang, "%s", u->lang ? u->lang : "");
    j->volume = u->volume;
    j->asked = SDL_GetPerformanceCounter();
    s->n++;
    s->st.said++;
    SDL_CondSignal(s->cv);
    SDL_UnlockMutex(s->mu);
}

static void sink_stop(void *ud)
{
    speech *s = ud;
    SDL_LockMutex(s->mu);
    drop_all(s);
    SDL_UnlockMutex(s->mu);
}

reader_sink speech_sink(speech *s)
{
    reader_sink k = { s, sink_say, sink_stop };
    return k;
}

speech *speech_create(FILE *log)
{
    if (!log)
        log = stderr;
    g_freq = SDL_GetPerformanceFrequency();
    int rate = 0;
    if (!engine_start(log, &rate))
        return NULL;
    espeak_SetSynthCallback(on_samples);
    speech *s = calloc(1, sizeof *s);
    if (!s) {
        espeak_ng_Terminate();
        return NULL;
    }
    s->log = log;
    snprintf(s->voice_lang, sizeof s->voice_lang, "en");
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        fprintf(log, "openday: Read aloud unavailable: SDL_InitSubSystem(SDL_INIT_AUDIO): %s\n",
                SDL_GetError());
        goto fail;
    }
    SDL_AudioSpec want, have;
    SDL_zero(want);
    want.freq = rate;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 1024;
    s->dev = SDL_OpenAudioDevice(NULL, 0, &want, &have, 0);
    if (!s->dev) {
        fprintf(log, "openday: Read aloud unavailable: SDL_OpenAudioDevice: %s\n",
                SDL_GetError());
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        goto fail;
    }
    s->ahead_bytes = (Uint32)have.freq * 2u * AHEAD_MS / 1000u;
    s->mu = SDL_CreateMutex();
    s->cv = SDL_CreateCond();
    if (!s->mu || !s->cv) {
        fprintf(log, "openday: Read aloud unavailable: SDL_CreateMutex: %s\n", SDL_GetError());
        goto fail_dev;
    }
    s->thread = SDL_CreateThread(worker, "openday-speech", s);
    if (!s->thread) {
        fprintf(log, "openday: Read aloud unavailable: SDL_CreateThread: %s\n", SDL_GetError());
        goto fail_dev;
    }
    SDL_PauseAudioDevice(s->dev, 0);
    fprintf(log, "openday: Read aloud available (eSpeak NG at %d Hz, audio through %s)\n", rate,
            SDL_GetCurrentAudioDriver() ? SDL_GetCurrentAudioDriver() : "SDL");
    return s;
fail_dev:
    if (s->cv)
        SDL_DestroyCond(s->cv);
    if (s->mu)
        SDL_DestroyMutex(s->mu);
    SDL_CloseAudioDevice(s->dev);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
fail:
    free(s);
    espeak_ng_Terminate();
    return NULL;
}

void speech_destroy(speech *s)
{
    if (!s)
        return;
    SDL_LockMutex(s->mu);
    s->quit = true;
    drop_all(s);
    SDL_CondBroadcast(s->cv);
    SDL_UnlockMutex(s->mu);
    SDL_WaitThread(s->thread, NULL);
    SDL_CloseAudioDevice(s->dev);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    SDL_DestroyCond(s->cv);
    SDL_DestroyMutex(s->mu);
    espeak_ng_Terminate();
    free(s);
}

void speech_get_stats(speech *s, speech_stats *out)
{
    SDL_LockMutex(s->mu);
    *out = s->st;
    SDL_UnlockMutex(s->mu);
}

/* ---- --say TEXT --wav FILE ------------------------------------------------------ */

typedef struct {
    int16_t *pcm;
    size_t n, cap;
    bool bad;
} pcm_buf;

static int on_wav_samples(short *wav, int n, espeak_EVENT *ev)
{
    pcm_buf *b = ev ? ev->user_data : NULL;
    if (!b || !wav || n <= 0)
        return 0;
    if (b->n + (size_t)n > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 65536;
        while (cap < b->n + (size_t)n)
            cap *= 2;
        int16_t *p = realloc(b->pcm, cap * sizeof *p);
        if (!p) {
            b->bad = true;
            return 1;
        }
        b->pcm = p;
        b->cap = cap;
    }
    memcpy(b->pcm + b->n, wav, (size_t)n * sizeof *wav);
    b->n += (size_t)n;
    return 0;
}

static void put_le(unsigned char *p, uint32_t v, int bytes)
{
    for (int i = 0; i < bytes; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

int speech_say_wav(const char *text, const char *lang, const char *path, FILE *log)
{
    if (!log)
        log = stderr;
    int rate = 0;
    if (!engine_start(log, &rate))
        return 1;
    speech tmp; /* only for choose_voice's memory of what it chose and logged */
    memset(&tmp, 0, sizeof tmp);
    tmp.log = log;
    snprintf(tmp.voice_lang, sizeof tmp.voice_lang, "en");
    choose_voice(&tmp, lang ? lang : "en");
    espeak_SetSynthCallback(on_wav_samples);
    pcm_buf b = { NULL, 0, 0, false };
    char msg[256];
    espeak_ng_STATUS st = espeak_ng_Synthesize(text, strlen(text) + 1, 0, POS_CHARACTER, 0,
                                               espeakCHARS_UTF8, NULL, &b);
    espeak_ng_Terminate();
    if (st != ENS_OK || b.bad) {
        fprintf(log, "openday: espeak_ng_Synthesize: %s\n",
                b.bad ? "out of memory" : status_text(st, msg, sizeof msg));
        free(b.pcm);
        return 1;
    }
    unsigned char h[44];
    uint32_t data = (uint32_t)(b.n * 2);
    memcpy(h, "RIFF", 4);
    put_le(h + 4, 36 + data, 4);
    memcpy(h + 8, "WAVEfmt ", 8);
    put_le(h + 16, 16, 4);
    put_le(h + 20, 1, 2);                  /* PCM */
    put_le(h + 22, 1, 2);                  /* mono */
    put_le(h + 24, (uint32_t)rate, 4);
    put_le(h + 28, (uint32_t)rate * 2, 4); /* bytes per second */
    put_le(h + 32, 2, 2);                  /* bytes per frame */
    put_le(h + 34, 16, 2);                 /* bits per sample */
    memcpy(h + 36, "data", 4);
    put_le(h + 40, data, 4);
    /* Header and samples in one buffer, written in one step through the
     * safe writer (file.h): a symlink or named pipe at the path is
     * replaced, never followed or blocked on. */
    unsigned char *le = malloc(sizeof h + (size_t)data);
    if (le)
        memcpy(le, h, sizeof h);
    for (size_t i = 0; le && i < b.n; i++)
        put_le(le + sizeof h + 2 * i, (uint16_t)b.pcm[i], 2);
    int e = le ? file_write_atomic(path, (const char *)le, sizeof h + (size_t)data) : ENOMEM;
    bool ok = e == 0;
    if (!ok)
        fprintf(log, "openday: cannot write %s: %s\n", path, strerror(e));
    else
        fprintf(log, "openday: wrote %s: %.2f s of speech at %d Hz\n", path,
                (double)b.n / rate, rate);
    free(le);
    free(b.pcm);
    return ok ? 0 : 1;
}
