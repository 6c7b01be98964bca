/* store.c - the last-known-good copy of the content. See store.h. */
#include "store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

void store_default_dir(char *out, size_t n)
{
    const char *x = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
    if (x && *x == '/')
        snprintf(out, n, "%s/openday", x);
    else if (home && *home == '/')
        snprintf(out, n, "%s/.local/state/openday", home);
    else
        snprintf(out, n, "/var/lib/openday");
}

void store_last_good(const char *state_dir, char *out, size_t n)
{
    snprintf(out, n, "%s/last-good", state_dir);
}

__attribute__((format(printf, 3, 4)))
static bool fail(char *err, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, n, fmt, ap);
    va_end(ap);
    return false;
}

/* mkdir -p for path (its last component included). */
static int make_dirs(const char *path)
{
    char p[PATH_MAX];
    if (snprintf(p, sizeof p, "%s", path) >= (int)sizeof p)
        return ENAMETOOLONG;
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0755) != 0 && errno != EEXIST)
            return errno;
        *s = '/';
    }
    if (mkdir(p, 0755) != 0 && errno != EEXIST)
        return errno;
    return 0;
}

/* Compare two files byte for byte; true when both exist and are equal. */
static bool same_file(const char *a, const char *b)
{
    FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
    bool same = fa && fb;
    char ba[8192], bb[8192];
    while (same) {
        size_t na = fread(ba, 1, sizeof ba, fa), nb = fread(bb, 1, sizeof bb, fb);
        if (na != nb || memcmp(ba, bb, na))
            same = false;
        if (na < sizeof ba)
            break;
    }
    if (fa)
        fclose(fa);
    if (fb)
        fclose(fb);
    return same;
}

static int copy_file(const char *from, const char *to)
{
    int in = open(from, O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return errno;
    int out = open(to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (out < 0) {
        int e = errno;
        close(in);
        return e;
    }
    char buf[65536];
    int e = 0;
    for (;;) {
        ssize_t r = read(in, buf, sizeof buf);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            e = r < 0 ? errno : 0;
            break;
        }
        for (ssize_t off = 0; off < r;) {
            ssize_t w = write(out, buf + off, (size_t)(r - off));
            if (w < 0 && errno == EINTR)
                continue;
            if (w < 0) {
                e = errno;
                break;
            }
            off += w;
        }
        if (e)
            break;
    }
    if (!e && fsync(out) != 0)
        e = errno;
    if (close(out) != 0 && !e)
        e = errno;
    close(in);
    return e;
}

/* rm -r for the folders this module creates (files and one level of
 * subfolders of any depth; symbolic links are removed, never followed). */
static void remove_tree(const char *path)
{
    DIR *d = opendir(path);
    if (d) {
        struct dirent *e;
        char p[PATH_MAX];
        while ((e = readdir(d))) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                continue;
            if (snprintf(p, sizeof p, "%s/%s", path, e->d_name) >= (int)sizeof p)
                continue;
            struct stat st;
            if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
                remove_tree(p);
            else
                unlink(p);
        }
        closedir(d);
    }
    rmdir(path);
}

/* The relative paths of everything the content needs, without repeats. */
static size_t list_files(const content *c, const char **out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < CONTENT_NFILES && n < max; i++)
        out[n++] = content_files[i];
    const char *extra[2] = { c->font_file[0], c->font_file[1] };
    for (size_t i = 0; i < c->n_degrees + 2 && n < max; i++) {
        const char *p = i < c->n_degrees ? c->degrees[i].image : extra[i - c->n_degrees];
        if (!p || !*p)
            continue;
        bool seen = false;
        for (size_t k = 0; k < n && !seen; k++)
            seen = !strcmp(out[k], p);
        if (!seen)
            out[n++] = p;
    }
    return n;
}

bool store_save(const char *state_dir, const content *c, char *err, size_t n)
{
    enum { MAXF = CONTENT_NFILES + 1002 }; /* 1000 degree images and two fonts */
    const char *files[MAXF];
    size_t nf = list_files(c, files, MAXF);
    char good[PATH_MAX], from[PATH_MAX], to[PATH_MAX];
    store_last_good(state_dir, good, sizeof good);

    /* Identical to the copy already kept: nothing to write. */
    bool same = true;
    for (size_t i = 0; i < nf && same; i++) {
        same = snprintf(from, sizeof from, "%s/%s", c->dir, files[i]) < (int)sizeof from &&
               snprintf(to, sizeof to, "%s/%s", good, files[i]) < (int)sizeof to &&
               same_file(from, to);
    }
    if (same)
        return true;

    int e = make_dirs(state_dir);
    if (e)
        return fail(err, n, "mkdir \"%s\": %s", state_dir, strerror(e));
    char name[64], dir[PATH_MAX];
    for (unsigned k = 0;; k++) {
        snprintf(name, sizeof name, "good-%lld-%u", (long long)time(NULL), k);
        snprintf(dir, sizeof dir, "%s/%s", state_dir, name);
        if (mkdir(dir, 0755) == 0)
            break;
        if (errno != EEXIST || k > 1000)
            return fail(err, n, "mkdir \"%s\": %s", dir, strerror(errno));
    }
    for (size_t i = 0; i < nf; i++) {
        if (snprintf(from, sizeof from, "%s/%s", c->dir, files[i]) >= (int)sizeof from ||
            snprintf(to, sizeof to, "%s/%s", dir, files[i]) >= (int)sizeof to) {
            remove_tree(dir);
            return fail(err, n, "path too long for \"%s\"", files[i]);
        }
        char *slash = strrchr(to, '/');
        *slash = '\0';
        e = make_dirs(to);
        *slash = '/';
        if (!e)
            e = copy_file(from, to);
        if (e) {
            remove_tree(dir);
            return fail(err, n, "copying \"%s\" to \"%s\": %s", from, to, strerror(e));
        }
    }
    /* Publish: a new link renamed over the old one is atomic. */
    char tmp[PATH_MAX];
    snprintf(tmp, sizeof tmp, "%s/last-good.new", state_dir);
    unlink(tmp);
    if (symlink(name, tmp) != 0 || rename(tmp, good) != 0) {
        e = errno;
        unlink(tmp);
        remove_tree(dir);
        return fail(err, n, "publishing \"%s\": %s", good, strerror(e));
    }
    int dfd = open(state_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    /* Older copies are no longer referenced. */
    DIR *d = opendir(state_dir);
    if (d) {
        struct dirent *de;
        while ((de = readdir(d))) {
            if (strncmp(de->d_name, "good-", 5) || !strcmp(de->d_name, name))
                continue;
            snprintf(to, sizeof to, "%s/%s", state_dir, de->d_name);
            remove_tree(to);
        }
        closedir(d);
    }
    return true;
}
