#ifndef FSUTIL_H
#define FSUTIL_H

#include <stddef.h>

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

#endif
