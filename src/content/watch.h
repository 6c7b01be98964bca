/* watch.h - notices when the files of a directory change.
 *
 * Linux inotify gives prompt notice of changes to the directory's own
 * entries; a cheap signature of the directory (names, sizes, modification
 * times and inodes of its entries and of the entries of its subfolders) is
 * also compared every poll interval, which catches what inotify cannot see
 * (a subfolder's files, the directory being replaced by a rename, a file
 * system without inotify). With inotify unavailable, polling alone does the
 * job, only less promptly. The directory may be a symlink that is swapped by
 * renaming a new link over it (how deploy/ansible publishes content): the
 * link's parent folder is watched for that name too, so the swap is seen at
 * once, and the new target is watched from then on.
 *
 * Changes are debounced: watch_poll reports a burst of changes once, after the
 * directory has been quiet for settle_ms, so a file caught half-written is
 * never read. No SDL and no clock: time is passed in.
 *
 * watch_create returns a heap object freed with watch_destroy; it fails (NULL)
 * only when out of memory. The directory need not exist (its appearance is a
 * change). */
#ifndef OPENDAY_WATCH_H
#define OPENDAY_WATCH_H

#include <stdbool.h>
#include <stdint.h>

typedef struct watch watch;

typedef struct {
    unsigned settle_ms;   /* quiet time before a change is reported; 0 = 300 */
    unsigned poll_ms;     /* signature comparison interval; 0 = 500 */
    bool no_inotify;      /* poll only (tests, odd file systems) */
} watch_config;

watch *watch_create(const char *dir, const watch_config *cfg, uint64_t now_ms);
void watch_destroy(watch *w);

/* Check for changes; true once per settled burst. Cheap: call every frame. */
bool watch_poll(watch *w, uint64_t now_ms);
/* Milliseconds until watch_poll has something to do (the next signature
 * check or the end of a settle period). */
uint64_t watch_wait_ms(const watch *w, uint64_t now_ms);
/* True while inotify is in use. */
bool watch_inotify(const watch *w);

#endif
