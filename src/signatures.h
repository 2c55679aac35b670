#ifndef SIGNATURES_H
#define SIGNATURES_H

#include <stddef.h>

/*
 * Near-duplicates of "framing stats", found at the merge step from the
 * signatures.tsv that "framing score" wrote beside each scores file, so
 * that shards scored apart are paired with each other too. Reads each
 * folder's signatures.tsv once (each id once) and writes
 * OUTDIR/duplicates.tsv. Returns 1 when written, 0 when there were no
 * signatures (after a warning), -1 after a message about the input, -2
 * after one about writing (a failed run, not a bad input). files are the
 * scores files, borrowed.
 */
int signatures_find_duplicates(char **files, size_t nfiles, const char *outdir);

/*
 * One pass over the signatures.tsv beside each scores file of files: each
 * folder's file once, each id once (the first of columns is "id"). row
 * gets a row's fields in the order of columns and returns -1 for one it
 * cannot take, reported as FILE:LINE: bad_row; a missing column as
 * "FILE:1: no column 'x'" and hint. Near-duplicates and stories read the
 * signatures through it.
 */
#define SIGNATURES_MAX_COLUMNS 8
struct signatures_pass {
	const char *const *columns;
	int ncolumns;			/* at most SIGNATURES_MAX_COLUMNS */
	const char *hint;
	const char *bad_row;
	int (*row)(const char *const *field, void *ctx);
	void *ctx;
};

/* The number of files read (0: none beside any scores file), or -1 after a message. */
long signatures_each(char **files, size_t nfiles, const struct signatures_pass *pass);

#endif
