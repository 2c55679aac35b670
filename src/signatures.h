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

#endif
