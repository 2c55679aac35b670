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

#endif
