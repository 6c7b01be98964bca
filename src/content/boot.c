/* boot.c - the restart-loop guard. See boot.h. */
#include "boot.h"
#include "content.h"
#include "file.h"
#include "hash.h"
#include "store.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define RECORD "boot"
#define RECORD_MAX 4096   /* BOOT_MAX_LINES lines of "TIME SIGNATURE" */
#define SIG_FILE_MAX (4u << 20)

uint64_t boot_now_s(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_BOOTTIME, &ts) != 0)
        clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec;
}

/* A signature of the seven files of a folder: their bytes, or why each
 * could not be read. Two folders with the same bytes sign the same. */
static uint64_t folder_signature(const char *dir)
{
    uint64_t h = OD_HASH_SEED;
    char path[PATH_MAX];
    for (size_t i = 0; i < CONTENT_NFILES; i++) {
        char *text = NULL;
        size_t len = 0;
        int e = snprintf(path, sizeof path, "%s/%s", dir, content_files[i]) < (int)sizeof path
                    ? file_read(path, SIG_FILE_MAX, &text, &len)
                    : ENAMETOOLONG;
        h = od_hash(h, &e, sizeof e);
        h = od_hash(h, &len, sizeof len);
        if (text)
            h = od_hash(h, text, len);
        free(text);
    }
    return h;
}

static void record_path(const char *state_dir, char *out, size_t n)
{
    snprintf(out, n, "%s/" RECORD, state_dir);
}

/* Replace the record with the given text (file_write_atomic: temporary
 * file, fsync, rename), creating the state folder first. */
static int write_record(const char *state_dir, const char *text, size_t len)
{
    char path[PATH_MAX];
    record_path(state_dir, path, sizeof path);
    if (mkdir(state_dir, 0755) != 0 && errno != EEXIST)
        return errno;
    return file_write_atomic(path, text, len);
}

boot_mode boot_start(const char *state_dir, const char *content_dir, const boot_config *cfg,
                     uint64_t now_s, char *why, size_t n)
{
    if (why && n)
        why[0] = '\0';
    if (!state_dir || !*state_dir)
        return BOOT_LIVE;
    unsigned lg = cfg && cfg->last_good_after ? cfg->last_good_after : 3;
    unsigned staff = cfg && cfg->staff_after ? cfg->staff_after : 6;
    unsigned window = cfg && cfg->window_s ? cfg->window_s : 600;
    uint64_t sig = folder_signature(content_dir);

    /* The starts already on record that count: same content, in the window. */
    char path[PATH_MAX];
    record_path(state_dir, path, sizeof path);
    char *old = NULL;
    size_t len = 0;
    file_remove_temps(path); /* a write of the record cut short by a kill */
    if (file_read_own(path, RECORD_MAX, &old, &len, NULL) != 0)
        len = 0; /* missing, odd or too big: start a new record */
    uint64_t times[BOOT_MAX_LINES];
    size_t count = 0;
    for (char *line = old, *next; line && line < old + len; line = next) {
        next = memchr(line, '\n', (size_t)(old + len - line));
        if (next)
            *next++ = '\0';
        uint64_t t, s;
        if (sscanf(line, "%" SCNu64 " %" SCNx64, &t, &s) != 2 || s != sig || t > now_s ||
            now_s - t > window)
            continue;
        if (count == BOOT_MAX_LINES - 1) { /* keep the newest */
            memmove(times, times + 1, (count - 1) * sizeof *times);
            count--;
        }
        times[count++] = t;
    }
    free(old);
    times[count++] = now_s;

    char text[RECORD_MAX];
    size_t tl = 0;
    for (size_t i = 0; i < count; i++)
        tl += (size_t)snprintf(text + tl, sizeof text - tl, "%" PRIu64 " %016" PRIx64 "\n",
                               times[i], sig);
    int e = write_record(state_dir, text, tl);
    if (e) {
        /* Without a record the guard cannot count: start as usual, say so. */
        if (why && n)
            snprintf(why, n, "openday: cannot keep the start record in \"%s\" (%s); the "
                     "restart-loop guard is off", state_dir, strerror(e));
        return BOOT_LIVE;
    }
    unsigned earlier = (unsigned)count - 1; /* starts before this one that never got healthy */
    if (earlier < lg)
        return BOOT_LIVE;
    char good[PATH_MAX];
    store_last_good(state_dir, good, sizeof good);
    struct stat st;
    bool have_good = stat(good, &st) == 0 && S_ISDIR(st.st_mode);
    bool good_differs = have_good && folder_signature(good) != sig;
    if (earlier < staff && good_differs) {
        if (why && n)
            snprintf(why, n, "openday: the kiosk was stopped %u times in %u s on the content "
                     "in \"%s\" before running cleanly; starting on the last-known-good copy "
                     "instead", earlier, window, content_dir);
        return BOOT_LAST_GOOD;
    }
    if (why && n)
        snprintf(why, n, "openday: the kiosk was stopped %u times in %u s on the content in "
                 "\"%s\" before running cleanly%s; showing the staff screen until a content "
                 "file changes", earlier, window, content_dir,
                 !have_good ? " and there is no last-known-good copy"
                 : !good_differs ? " (the last-known-good copy is the same content)"
                                 : " (the last-known-good copy too)");
    return BOOT_STAFF;
}

void boot_healthy(const char *state_dir)
{
    if (!state_dir || !*state_dir)
        return;
    char path[PATH_MAX];
    record_path(state_dir, path, sizeof path);
    unlink(path);
}
