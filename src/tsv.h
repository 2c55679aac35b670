#ifndef TSV_H
#define TSV_H

#include <stddef.h>
#include <stdio.h>

/*
 * Reads tab-separated tables with a header line, one row at a time, so
 * memory does not grow with the number of rows. Fields cannot hold tabs
 * or newlines (the writers replace them with spaces); a trailing CR is
 * dropped so files edited on Windows read the same.
 */
struct tsv;

/*
 * The longest line and the most columns a table may have: a line over
 * the limit is refused as it is read (FILE:LINE), so no file makes the
 * reader hold more than this. Every table framing writes fits: an id,
 * an outlet, a title and each extra field are bounded (source.h).
 */
#define TSV_MAX_LINE (16UL * 1024 * 1024)
#define TSV_MAX_COLUMNS 10000

/*
 * Returns NULL after printing "framing: PATH: ..." when unreadable or
 * empty, or its header is over the limits. The file is read ahead a chunk
 * at a time: a stream given to tsv_open_stream is the table's to its end.
 */
struct tsv *tsv_open(const char *path);
/* Reads from a stream that stays the caller's; name is used in messages. */
struct tsv *tsv_open_stream(FILE *f, const char *name);
void tsv_close(struct tsv *t);

size_t tsv_columns(const struct tsv *t);
const char *tsv_column_name(const struct tsv *t, size_t i);
/* Index of the named column, or -1. */
long tsv_column(const struct tsv *t, const char *name);

/*
 * Reads the next row. Returns 1 with a row, 0 at the end, -1 on a read
 * error, a line over TSV_MAX_LINE or a row whose field count differs from
 * the header (message printed with file and line). Blank lines are skipped.
 */
int tsv_next(struct tsv *t);
/* Field i of the current row; borrowed, valid until the next tsv_next. */
const char *tsv_field(const struct tsv *t, size_t i);
/* Line number of the current row (the header is line 1). */
size_t tsv_line(const struct tsv *t);
const char *tsv_name(const struct tsv *t);

#endif
