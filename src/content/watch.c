/* watch.c - directory change notification. See watch.h. */
#include "watch.h"
#include "hash.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/inotify.h>
#endif

struct watch {
    char *dir;
    watch_config cfg;
    int fd, wd;              /* inotify, -1 when not in use */
    int pwd;                 /* the parent folder's watch when dir is a symlink, else -1 */
    const char *base;        /* dir's last component (points into dir) */
    ino_t ino;               /* the directory watched, to notice it being replaced */
    uint64_t sig;            /* directory signature at the last check */
    uint64_t next_check;     /* time of the next signature comparison */
    bool pending;            /* a change has been seen and not yet reported */
    uint64_t last_change;    /* when the newest change of the burst was seen */
};

static uint64_t mix_stat(uint64_t h, const char *name, const struct stat *st)
{
    h = od_hash(h, name, strlen(name) + 1);
    h = od_hash(h, &st->st_ino, sizeof st->st_ino);
    h = od_hash(h, &st->st_size, sizeof st->st_size);
    h = od_hash(h, &st->st_mode, sizeof st->st_mode);
    h = od_hash(h, &st->st_mtim.tv_sec, sizeof st->st_mtim.tv_sec);
    h = od_hash(h, &st->st_mtim.tv_nsec, sizeof st->st_mtim.tv_nsec);
    return h;
}

/* Signature of a folder's entries; folders are entered `depth` more levels.
 * Order-independent (entries are summed), bounded to 4096 entries a level. */
static uint64_t signature(const char *dir, int depth)
{
    DIR *d = opendir(dir);
    if (!d)
        return (uint64_t)errno * 7919u + 1u; /* "missing" and "unreadable" differ */
    uint64_t sum = 0;
    unsigned n = 0;
    struct dirent *e;
    char path[PATH_MAX];
    while ((e = readdir(d)) && n++ < 4096) {
        if (e->d_name[0] == '.' && (!e->d_name[1] || (e->d_name[1] == '.' && !e->d_name[2])))
            continue;
        if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path)
            continue;
        struct stat st;
        if (stat(path, &st) != 0)
            memset(&st, 0, sizeof st); /* a dangling link still counts by name */
        uint64_t h = mix_stat(OD_HASH_SEED, e->d_name, &st);
        if (depth > 0 && S_ISDIR(st.st_mode))
            h ^= signature(path, depth - 1);
        sum += h;
    }
    closedir(d);
    struct stat st;
    if (stat(dir, &st) == 0)
        sum += od_hash(0, &st.st_ino, sizeof st.st_ino);
    return sum;
}

/* A content path that is a symlink is published by renaming a new link
 * over it (deploy/ansible): that rename happens in the link's parent folder,
 * which the watch on the target cannot see, so the parent is watched too,
 * for entries of the link's name. */
static void watch_parent(watch *w)
{
#ifdef __linux__
    struct stat st;
    if (w->fd < 0 || w->pwd >= 0 || lstat(w->dir, &st) != 0 || !S_ISLNK(st.st_mode))
        return;
    char parent[PATH_MAX];
    size_t n = (size_t)(w->base - w->dir);
    if (n == 0)
        snprintf(parent, sizeof parent, ".");
    else
        snprintf(parent, sizeof parent, "%.*s", (int)(n > 1 ? n - 1 : 1), w->dir);
    w->pwd = inotify_add_watch(w->fd, parent, IN_CREATE | IN_MOVED_TO | IN_DELETE |
                                                  IN_MOVED_FROM | IN_ONLYDIR);
#else
    (void)w;
#endif
}

static void watch_add(watch *w)
{
#ifdef __linux__
    struct stat st;
    w->ino = stat(w->dir, &st) == 0 ? st.st_ino : 0;
    if (w->fd < 0)
        return;
    watch_parent(w);
    if (w->wd >= 0)
        inotify_rm_watch(w->fd, w->wd);
    w->wd = inotify_add_watch(w->fd, w->dir,
                              IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM |
                                  IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF |
                                  IN_ONLYDIR);
#else
    (void)w;
#endif
}

watch *watch_create(const char *dir, const watch_config *cfg, uint64_t now_ms)
{
    watch *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->dir = strdup(dir);
    if (!w->dir) {
        free(w);
        return NULL;
    }
    if (cfg)
        w->cfg = *cfg;
    if (!w->cfg.settle_ms)
        w->cfg.settle_ms = 300;
    if (!w->cfg.poll_ms)
        w->cfg.poll_ms = 500;
    w->fd = w->wd = w->pwd = -1;
    const char *slash = strrchr(w->dir, '/');
    w->base = slash ? slash + 1 : w->dir;
#ifdef __linux__
    if (!w->cfg.no_inotify) {
        w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        if (w->fd < 0)
            fprintf(stderr, "openday: inotify_init1 failed (%s); polling \"%s\" for changes\n",
                    strerror(errno), dir);
        watch_add(w);
    }
#endif
    w->sig = signature(w->dir, 1);
    w->next_check = now_ms + w->cfg.poll_ms;
    return w;
}

void watch_destroy(watch *w)
{
    if (!w)
        return;
    if (w->fd >= 0)
        close(w->fd);
    free(w->dir);
    free(w);
}

bool watch_inotify(const watch *w)
{
    return w->wd >= 0;
}

/* Drain the inotify queue; true when it held anything. */
static bool drain(watch *w)
{
    bool any = false;
#ifdef __linux__
    if (w->fd < 0)
        return false;
    union {
        struct inotify_event ev;
        char bytes[4096];
    } buf;
    for (;;) {
        ssize_t n = read(w->fd, buf.bytes, sizeof buf.bytes);
        if (n <= 0)
            break;
        for (ssize_t off = 0; off < n;) {
            const struct inotify_event *ev = (const struct inotify_event *)(buf.bytes + off);
            /* In the parent, only the link itself matters (a staging copy
             * beside it is not a change yet). */
            if (ev->wd != w->pwd || (ev->len && !strcmp(ev->name, w->base)))
                any = true;
            if ((ev->mask & IN_IGNORED) && ev->wd == w->pwd)
                w->pwd = -1;
            /* The directory itself went away or was renamed: the watch is
             * gone; the signature check notices when a new one appears. */
            if ((ev->mask & IN_IGNORED) && ev->wd == w->wd)
                w->wd = -1;
            off += (ssize_t)sizeof *ev + ev->len;
        }
    }
#else
    (void)w;
#endif
    return any;
}

bool watch_poll(watch *w, uint64_t now_ms)
{
    if (drain(w)) {
        w->pending = true;
        w->last_change = now_ms;
    }
    if (now_ms >= w->next_check || w->pending) {
        uint64_t sig = signature(w->dir, 1);
        if (sig != w->sig) {
            w->sig = sig;
            w->pending = true;
            w->last_change = now_ms;
            /* A directory that was replaced or re-created needs a new watch. */
            struct stat st;
            ino_t ino = stat(w->dir, &st) == 0 ? st.st_ino : 0;
            if (ino != w->ino || (w->fd >= 0 && w->wd < 0))
                watch_add(w);
        }
        if (now_ms >= w->next_check)
            w->next_check = now_ms + w->cfg.poll_ms;
    }
    if (w->pending && now_ms - w->last_change >= w->cfg.settle_ms) {
        w->pending = false;
        return true;
    }
    return false;
}

uint64_t watch_wait_ms(const watch *w, uint64_t now_ms)
{
    uint64_t t = w->next_check > now_ms ? w->next_check - now_ms : 0;
    if (w->pending) {
        uint64_t due = w->last_change + w->cfg.settle_ms;
        uint64_t s = due > now_ms ? due - now_ms : 0;
        if (s < t)
            t = s;
    }
    return t;
}
