/* store.c - the last-known-good copy of the content. See store.h. */
#include "store.h"
#include "file.h"

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

/* The largest image or font kept; the loader caps its JSON files at 4 MiB. */
#define STORE_MAX_ASSET (64u << 20)

/* True when the file at path holds exactly len bytes equal to data. */
static bool file_holds(const char *path, const char *data, size_t len)
{
    char *text = NULL;
    size_t n = 0;
    bool same = file_read(path, len, &text, &n) == 0 && n == len && !memcmp(text, data, len);
    free(text);
    return same;
}

/* Write data to a new file `to` and sync it: the folder it goes into is new,
 * so O_EXCL also proves nothing else is written there. */
static int write_new(const char *to, const char *data, size_t len)
{
    int out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (out < 0)
        return errno;
    return file_write_sync_close(out, data, len);
}

static void sync_dir(const char *path)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

/* True when folder a (resolved) is b or lies inside it. a may not exist yet
 * (the state folder is made on the first save): its nearest existing
 * ancestor decides. */
static bool folder_within(const char *a, const char *b)
{
    char ra[PATH_MAX], rb[PATH_MAX], up[PATH_MAX];
    if (!realpath(b, rb) || snprintf(up, sizeof up, "%s", a) >= (int)sizeof up)
        return false;
    while (!realpath(up, ra)) {
        char *slash = strrchr(up, '/');
        if (!slash || slash == up)
            return false;
        *slash = '\0';
    }
    size_t n = strlen(rb);
    return !strncmp(ra, rb, n) && (ra[n] == '\0' || ra[n] == '/' || !strcmp(rb, "/"));
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
        if (!(c->absent & (1u << i)))   /* an optional file left out */
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

/* The bytes to keep for files[i]: the validated bytes for the JSON files,
 * and an asset's bytes from the same load (content.assets). Only a model
 * without them (not from content_load) has its assets read now, as
 * regular files without blocking. *owned tells the caller what to free. */
static int bytes_of(const content *c, const char *rel, const char **data, size_t *len,
                    char **owned)
{
    *owned = NULL;
    *data = NULL;
    *len = 0;
    /* By name: the list skips the optional files left out, so its index is
     * not the file's. */
    for (size_t k = 0; k < CONTENT_NFILES; k++)
        if (!strcmp(rel, content_files[k]) && c->raw[k]) {
            *data = c->raw[k];
            *len = c->raw_len[k];
            return 0;
        }
    const content_blob *b = content_asset_of(c, rel);
    if (b) {
        *data = b->bytes;
        *len = b->len;
        return 0;
    }
    char from[PATH_MAX];
    if (snprintf(from, sizeof from, "%s/%s", c->dir, rel) >= (int)sizeof from)
        return ENAMETOOLONG;
    int e = file_read(from, STORE_MAX_ASSET, owned, len);
    *data = *owned;
    return e;
}

bool store_save(const char *state_dir, const content *c, char *err, size_t n)
{
    enum { MAXF = CONTENT_NFILES + 1002 }; /* 1000 degree images and two fonts */
    const char *files[MAXF];
    size_t nf = list_files(c, files, MAXF);
    char good[PATH_MAX], to[PATH_MAX];
    store_last_good(state_dir, good, sizeof good);

    /* The copy is never written where the content is read from: not into a
     * state folder inside the content folder, and not while the content is
     * served from the state folder's own copies (publishing would delete
     * the folder being read). */
    if (folder_within(state_dir, c->dir))
        return fail(err, n, "the state folder \"%s\" is the content folder or inside it; "
                    "choose a --state-dir outside \"%s\"", state_dir, c->dir);
    char real_state[PATH_MAX], real_dir[PATH_MAX];
    if (realpath(state_dir, real_state) && realpath(c->dir, real_dir)) {
        size_t k = strlen(real_state);
        const char *below = real_dir + k;
        if (!strncmp(real_dir, real_state, k) && *below == '/' &&
            (!strncmp(below + 1, "good-", 5) || !strncmp(below + 1, "last-good", 9)))
            return fail(err, n, "the content \"%s\" is one of the state folder's own "
                        "copies; point --content at the real content folder", c->dir);
    }

    /* Identical to the copy already kept: nothing to write. */
    bool same = true;
    for (size_t i = 0; i < nf && same; i++) {
        const char *data;
        size_t len;
        char *owned;
        same = bytes_of(c, files[i], &data, &len, &owned) == 0 &&
               snprintf(to, sizeof to, "%s/%s", good, files[i]) < (int)sizeof to &&
               file_holds(to, data, len);
        free(owned);
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
        if (snprintf(to, sizeof to, "%s/%s", dir, files[i]) >= (int)sizeof to) {
            remove_tree(dir);
            return fail(err, n, "path too long for \"%s\"", files[i]);
        }
        char *slash = strrchr(to, '/');
        *slash = '\0';
        e = make_dirs(to);
        if (!e && strcmp(to, dir))
            sync_dir(to);
        *slash = '/';
        if (e) {
            remove_tree(dir);
            return fail(err, n, "mkdir for \"%s\": %s", to, strerror(e));
        }
        const char *data;
        size_t len;
        char *owned;
        e = bytes_of(c, files[i], &data, &len, &owned);
        if (e) {
            free(owned);
            remove_tree(dir);
            return fail(err, n, "reading \"%s/%s\": %s", c->dir, files[i], file_error_text(e));
        }
        e = write_new(to, data, len);
        free(owned);
        if (e) {
            remove_tree(dir);
            return fail(err, n, "writing \"%s\": %s", to, strerror(e));
        }
    }
    /* The new folder's entries reach the disk before the link names it. */
    sync_dir(dir);
    /* Publish: a new link renamed over the old one is atomic. The link is
     * made at a name of its own (symlink() never opens or follows what it
     * finds, and refuses a name taken: whatever sits at a name tried, a
     * pipe, a folder, another run's link, is left alone and the next name
     * tried). */
    char tmp[PATH_MAX];
    for (unsigned k = 0;; k++) {
        snprintf(tmp, sizeof tmp, "%s/last-good.%ld.%u.new", state_dir, (long)getpid(), k);
        if (symlink(name, tmp) == 0)
            break;
        if (errno != EEXIST || k > 1000) {
            e = errno;
            remove_tree(dir);
            return fail(err, n, "symlink \"%s\": %s", tmp, strerror(e));
        }
    }
    if (rename(tmp, good) != 0) {
        e = errno;
        unlink(tmp);
        remove_tree(dir);
        return fail(err, n, "publishing \"%s\": %s", good, strerror(e));
    }
    sync_dir(state_dir);
    /* Older copies are no longer referenced. */
    DIR *d = opendir(state_dir);
    if (d) {
        struct dirent *de;
        while ((de = readdir(d))) {
            size_t dl = strlen(de->d_name);
            /* A link a killed run made and never published: by name only. */
            if (!strncmp(de->d_name, "last-good.", 10) && dl > 14 &&
                !strcmp(de->d_name + dl - 4, ".new")) {
                snprintf(to, sizeof to, "%s/%s", state_dir, de->d_name);
                unlink(to);
                continue;
            }
            if (strncmp(de->d_name, "good-", 5) || !strcmp(de->d_name, name))
                continue;
            snprintf(to, sizeof to, "%s/%s", state_dir, de->d_name);
            remove_tree(to);
        }
        closedir(d);
    }
    return true;
}
