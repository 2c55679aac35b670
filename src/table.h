#ifndef TABLE_H
#define TABLE_H

#include <stddef.h>
#include <stdio.h>

#include "util.h"

/*
 * A small table for command output: printed as TSV for scripts, or with
 * columns aligned in display columns (CJK characters are two wide) for a
 * terminal. Cells are copied; the table owns them.
 */
struct table;

/* ncols columns; align[i] is 'l' or 'r' (numbers), one per column. */
struct table *table_new(size_t ncols, const char *align);
void table_free(struct table *t);

/* Appends a cell to the current row; a row is complete after ncols cells. */
void table_add(struct table *t, const char *cell);
void table_addf(struct table *t, const char *fmt, ...) FMT(2, 3);
/* Appends a number as buf_add_double writes it (NA for NaN). */
void table_add_double(struct table *t, double v);

/*
 * Prints every row. tsv: tab-separated, the first row a header; otherwise
 * aligned with two spaces between columns and no trailing blanks.
 */
void table_print(const struct table *t, FILE *out, int tsv);

#endif
