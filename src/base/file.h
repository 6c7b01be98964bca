/* file.h - reading a whole file without trusting what a path names.
 *
 * Every file the app reads on a user's say-so (content, configuration,
 * replay scripts) goes through file_read: the path is opened without
 * blocking (a named pipe or a device would otherwise hang the reader
 * forever), only a regular file is read, and never more than `max` bytes.
 * A directory, a pipe, a socket, a device, an unreadable file and a file
 * over the cap each give their own error.
 *
 * No SDL; plain POSIX. Thread-safe (no shared state). */
#ifndef OPENDAY_FILE_H
#define OPENDAY_FILE_H

#include <stddef.h>

/* Errors besides errno values (which are positive). */
enum {
    FILE_E_NOT_REGULAR = -1,   /* a pipe, socket or device */
    FILE_E_TOO_BIG = -2,       /* more than `max` bytes */
    FILE_E_SYMLINK = -3,       /* file_read_own: the name is a symbolic link */
};

/* What a temporary file's name adds to the name it replaces:
 * "usage.tsv.tmp-PID-SALT". */
#define FILE_TMP_MARK ".tmp-"

/* Read all of path into a new buffer with a NUL after the last byte (the
 * file itself may contain NULs: *len says how many bytes it had). Returns 0
 * and sets *text (caller frees with free) and *len; or an errno value
 * (ENOENT, EACCES, EISDIR, ...) or a FILE_E_* code, leaving *text NULL.
 * Out of memory aborts: it is not a condition a kiosk can act on. */
int file_read(const char *path, size_t max, char **text, size_t *len);

/* file_read for a file the app wrote itself (the state folder's): a
 * symbolic link is refused too (FILE_E_SYMLINK), since nothing of ours
 * makes one there. *call (may be NULL) names the call that failed ("open",
 * "fstat", "read"), for a message that says what went wrong where. */
int file_read_own(const char *path, size_t max, char **text, size_t *len, const char **call);

/* What a return value of file_read means, as a phrase that follows the
 * file's name ("is a directory", "is not a regular file (a pipe, socket or
 * device)", "is larger than the limit", "No such file or directory"). */
const char *file_error_text(int e);

/* Write all of data to the open descriptor fd (retrying short writes and
 * EINTR), sync it to the disk, and close it. Returns 0, or the first errno;
 * fd is closed either way. Data that must survive a power cut is written
 * this way before the file is renamed into place. */
int file_write_sync_close(int fd, const char *data, size_t len);

/* Replace path with data as one step: write a temporary file of a new,
 * unique name beside it (PATH FILE_TMP_MARK ..., mode 0644 before the
 * umask), sync it, rename it over path, sync the folder. The temporary is
 * created with O_EXCL and O_NOFOLLOW, so whatever already sits at any name
 * (a named pipe, a symlink, a leftover of a killed run) can neither block
 * the write nor redirect it. A reader sees the old file or the new one,
 * never half of either; after a power cut, one of the two. Returns 0, or
 * the failing call's errno (ENOSPC on a full disk, EROFS, EACCES), having
 * removed the temporary file and left path as it was. Logs nothing: the
 * caller decides how loudly a failure is reported. */
int file_write_atomic(const char *path, const char *data, size_t len);

/* Remove the temporaries file_write_atomic leaves for path when a run is
 * killed mid-write (and PATH.tmp, the fixed name older versions used).
 * Looks at names only and unlinks, so it cannot block on what a name is;
 * a directory of such a name stays. Call it once at start, before another
 * run of the app can be writing the same file. Fails silently: a leftover
 * is only clutter. */
void file_remove_temps(const char *path);

/* True when path names a regular file now (stat follows symlinks). Used to
 * refuse, before opening anything, an option that names a directory or a
 * pipe. */
int file_is_regular(const char *path);

#endif
