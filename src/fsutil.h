#ifndef FSUTIL_H
#define FSUTIL_H

#include <stddef.h>

struct buf;

/* Files and paths: reading a whole file, joining names, making folders. */

/*
 * Reads a whole file into a NUL-terminated buffer owned by the caller.
 * Returns NULL and sets errno on failure. *len gets the size without the NUL.
 */
char *read_file(const char *path, size_t *len);

/* Joins a directory and a file name into a new string owned by the caller. */
char *path_join(const char *dir, const char *name);
/* Creates dir and its parents unless they exist; returns -1 with a message. */
int ensure_dir(const char *dir);


/*
 * The real path of path (symbolic links, "." and ".." resolved), also for
 * a path that does not exist yet: its nearest existing parent is resolved
 * and the missing rest appended, its ".." taken away by name (nothing
 * missing can be a link). Caller frees; NULL with errno when not even "/"
 * or "." resolves.
 */
char *fsutil_resolve(const char *path);
/* 1 when the resolved path child is the resolved path parent or inside it. */
int fsutil_inside(const char *child, const char *parent);
/* 1 when a and b are the same existing file (device and inode), else 0. */
int fsutil_same_file(const char *a, const char *b);

/*
 * Reads path whole, like read_file, but only when it is a regular file of
 * at most max bytes: it is opened without blocking (a FIFO named like a
 * file of framing's does not hang the run) and checked with fstat. NULL
 * with errno: EINVAL for a FIFO, device or folder, EFBIG when larger.
 */
char *fsutil_read_regular(const char *path, size_t max, size_t *len);

/*
 * The files this process reads (corpus, manifest, lexicons, --templates,
 * standard input when it is a regular file), by device and inode, so that
 * no output of the run replaces one of them under any name (issue 18):
 * fsutil_note_input records one ("-" is standard input; a path that does
 * not exist is skipped), fsutil_input_at returns the name (borrowed) of
 * the input that path is, or NULL, and fsutil_input_fd the same for an
 * open descriptor (standard output appended to the input).
 */
void fsutil_note_input(const char *path);
const char *fsutil_input_at(const char *path);
const char *fsutil_input_fd(int fd);

/*
 * Appends arg to b as one word of a POSIX shell: as it is when it holds
 * only letters, digits and _./:=,@%+-, else in single quotes (a quote
 * inside as '\''), so that a command framing prints can be pasted.
 */
void fsutil_add_quoted(struct buf *b, const char *arg);

#endif
