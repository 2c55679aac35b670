#ifndef CSVIN_H
#define CSVIN_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"

/*
 * CSV records (RFC 4180: quoted fields, doubled quotes, newlines inside
 * quotes, a UTF-8 byte order mark; ',' or another one-byte delimiter) read
 * one at a time with libcsv, in memory bounded by a record limit whatever
 * the input. The only module that includes csv.h; source.c turns the
 * records into articles. Messages name the file, the line a record starts
 * on and its number (the header is record 0).
 */
struct csvin;

/*
 * Reads CSV from f (borrowed; name for messages), records of at most
 * max_record bytes. The header (the first record) is read at once:
 * csvin_names gives it.
 */
struct csvin *csvin_open(FILE *f, const char *name, unsigned char delim, size_t max_record);
void csvin_free(struct csvin *c);

/* The header's fields, borrowed (NULL when the input is empty). */
char *const *csvin_names(const struct csvin *c, size_t *n);

/*
 * The next record: its fields, each followed by a NUL byte, into out
 * (replaced), *line the line it starts on. Returns 1, 0 at the end, -1
 * after a message when a record is skipped: fields not as many as the
 * header's, a NUL byte, more than max_record bytes (whose end is then
 * looked for without keeping it; when the end of the input comes first, a
 * quote was left open: reading starts again at the line after the one
 * the record began on when the input can be read again, else stops).
 */
int csvin_next(struct csvin *c, struct buf *out, size_t *line);

/* The number of the record csvin_next gave last (the first after the header is 1). */
size_t csvin_record(const struct csvin *c);

/* Starts again at the first record after the header (a regular file only); -1 when it cannot. */
int csvin_rewind(struct csvin *c);

/* Bytes read so far. */
unsigned long long csvin_bytes_read(const struct csvin *c);

#endif
