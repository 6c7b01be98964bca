/* file.c - see file.h. */
#include "file.h"

#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int read_file(const char *path, int flags, size_t max, char **text, size_t *len,
                     const char **call)
{
    *text = NULL;
    *len = 0;
    *call = "open";
    /* O_NONBLOCK: opening a FIFO for reading would otherwise wait for a
     * writer; O_NOCTTY: a terminal must never become ours. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | flags);
    if (fd < 0)
        return errno == ELOOP && (flags & O_NOFOLLOW) ? FILE_E_SYMLINK : errno;
    struct stat st;
    *call = "fstat";
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        return e;
    }
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        return EISDIR;
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return FILE_E_NOT_REGULAR;
    }
    if (st.st_size > 0 && (unsigned long long)st.st_size > max) {
        close(fd);
        return FILE_E_TOO_BIG;
    }
    *call = "read";
    /* The size is a hint: the file may grow or shrink while we read. */
    size_t cap = (size_t)st.st_size + 1, n = 0;
    if (cap > max + 1)
        cap = max + 1;
    char *buf = malloc(cap + 1);
    if (!buf)
        abort();
    for (;;) {
        if (n == cap) {
            if (cap > max) {
                free(buf);
                close(fd);
                return FILE_E_TOO_BIG;
            }
            size_t ncap = cap * 2 > max + 1 ? max + 1 : cap * 2;
            char *nb = realloc(buf, ncap + 1);
            if (!nb)
                abort();
            buf = nb;
            cap = ncap;
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int e = errno;
            free(buf);
            close(fd);
            return e;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    if (n > max) {
        free(buf);
        return FILE_E_TOO_BIG;
    }
    buf[n] = '\0';
    *text = buf;
    *len = n;
    return 0;
}

int file_read(const char *path, size_t max, char **text, size_t *len)
{
    const char *call;
    return read_file(path, 0, max, text, len, &call);
}

int file_read_own(const char *path, size_t max, char **text, size_t *len, const char **call)
{
    const char *c;
    return read_file(path, O_NOFOLLOW, max, text, len, call ? call : &c);
}

const char *file_error_text(int e)
{
    switch (e) {
    case 0:
        return "was read";
    case EISDIR:
        return "is a directory, not a file";
    case FILE_E_NOT_REGULAR:
        return "is not a regular file (a pipe, socket or device)";
    case FILE_E_TOO_BIG:
        return "is larger than the limit";
    case FILE_E_SYMLINK:
        return "is a symbolic link, not a file";
    default:
        return e > 0 ? strerror(e) : "could not be read";
    }
}

int file_write_sync_close(int fd, const char *data, size_t len)
{
    int e = 0;
    for (size_t off = 0; off < len && !e;) {
        ssize_t w = write(fd, data + off, len - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            e = errno;
        else
            off += (size_t)w;
    }
    if (!e && fsync(fd) != 0)
        e = errno;
    if (close(fd) != 0 && !e)
        e = errno;
    return e;
}

int file_is_regular(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The folder part of path ("." for a bare name) into out. */
static int dir_of(const char *path, char *out, size_t n)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return snprintf(out, n, ".") < (int)n ? 0 : ENAMETOOLONG;
    size_t len = slash == path ? 1 : (size_t)(slash - path);
    if (len >= n)
        return ENAMETOOLONG;
    memcpy(out, path, len);
    out[len] = '\0';
    return 0;
}

/* A name nobody else has picked: O_CREAT | O_EXCL makes the kernel refuse
 * anything already there (a pipe, a symlink, a leftover), so the open can
 * neither block nor follow a link; a clash just draws another name. */
static int open_unique(const char *path, char *tmp, size_t n)
{
    static unsigned counter;
    for (int attempt = 0; attempt < 100; attempt++) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        unsigned long salt = (unsigned long)ts.tv_nsec ^ ((unsigned long)counter++ << 20);
        if (snprintf(tmp, n, "%s" FILE_TMP_MARK "%ld-%lx", path, (long)getpid(), salt) >=
            (int)n)
            return -ENAMETOOLONG;
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC |
                               O_NOCTTY, 0644);
        if (fd >= 0)
            return fd;
        if (errno != EEXIST)
            return -errno;
    }
    return -EEXIST;
}

int file_write_atomic(const char *path, const char *data, size_t len)
{
    char tmp[4096], dir[4096];
    int e = dir_of(path, dir, sizeof dir);
    if (e)
        return e;
    int fd = open_unique(path, tmp, sizeof tmp);
    if (fd < 0)
        return -fd;
    e = file_write_sync_close(fd, data, len);
    if (!e && rename(tmp, path) != 0)
        e = errno;
    if (e) {
        unlink(tmp);
        return e;
    }
    /* The rename is only durable once the folder's entry is on the disk. */
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_NONBLOCK | O_CLOEXEC);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    return 0;
}

void file_remove_temps(const char *path)
{
    char dir[4096];
    if (dir_of(path, dir, sizeof dir))
        return;
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    size_t bl = strlen(base), ml = strlen(FILE_TMP_MARK);
    DIR *d = opendir(dir);
    if (!d)
        return;
    /* Only names and unlink: neither waits on what a name is (a pipe, a
     * device), and a directory of that name is left alone (unlink fails). */
    for (struct dirent *ent; (ent = readdir(d));) {
        const char *name = ent->d_name;
        bool ours = !strncmp(name, base, bl) &&
                    (!strcmp(name + bl, ".tmp") || !strncmp(name + bl, FILE_TMP_MARK, ml));
        if (!ours)
            continue;
        char p[4096 + 256];
        if (snprintf(p, sizeof p, "%s/%s", dir, name) < (int)sizeof p)
            unlink(p);
    }
    closedir(d);
}
