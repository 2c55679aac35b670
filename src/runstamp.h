#ifndef RUNSTAMP_H
#define RUNSTAMP_H

#include <stddef.h>

/*
 * run.tsv, the stamp of a run's set of outputs (runset.h says what it is
 * for): a header line, then rows of four tab-separated fields, run kind
 * name value. kind is run, parameter, input or output. Read only when a
 * regular file of at most RUNSTAMP_MAX_BYTES, lines of at most 64 kB.
 */
#define RUNSTAMP_NAME "run.tsv"
#define RUNSTAMP_HEADER "run\tkind\tname\tvalue\n"
#define RUNSTAMP_MAX_BYTES ((size_t)16 << 20)

/* One row; every field owned by the table. */
struct runstamp_row {
	char *run, *kind, *name, *value;
};

/* The rows of a run.tsv, in file order; zero it (or runstamp_load) before use. */
struct runstamp {
	struct runstamp_row *r;
	size_t n, alloc;
};

/* Appends a row; name and value are stored as shown (buf_add_shown): one field each. */
void runstamp_add(struct runstamp *rs, const char *run, const char *kind, const char *name,
		  const char *value);
/* Frees the rows and zeroes rs. */
void runstamp_release(struct runstamp *rs);
/*
 * Loads dir/run.tsv into rs: 1 when there is none, -1 after a message (not
 * a regular file, too large, a bad line), else 0.
 */
int runstamp_load(const char *dir, struct runstamp *rs);
/* The output row of name, or NULL; borrowed from rs. */
const struct runstamp_row *runstamp_find_output(const struct runstamp *rs, const char *name);
/* Writes the header and the rows of a then b to path; -1 after a message. */
int runstamp_write(const char *path, const struct runstamp *a, const struct runstamp *b);

#endif
