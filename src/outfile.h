#ifndef OUTFILE_H
#define OUTFILE_H

#include <stdio.h>

/*
 * An output file that appears whole or not at all: data goes to a
 * temporary file in the same folder, which outfile_commit renames over the
 * final name. A run that fails calls outfile_abort and the previous file,
 * if any, stays as it was.
 */
struct outfile;

/* Returns NULL after printing an error when the folder is not writable. */
struct outfile *outfile_open(const char *path);
/* The stream to write to; borrowed, valid until commit or abort. */
FILE *outfile_stream(struct outfile *o);
/* Flushes, checks for write errors, renames; frees o. Returns -1 on error. */
int outfile_commit(struct outfile *o);
/*
 * Writes len bytes to path as a whole (temporary file, then rename).
 * Returns -1 after a message.
 */
int outfile_write_all(const char *path, const char *data, size_t len);

/* Removes the temporary file; frees o. Safe with NULL. */
void outfile_abort(struct outfile *o);

#endif
