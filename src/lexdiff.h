#ifndef LEXDIFF_H
#define LEXDIFF_H

#include "score.h"
#include "source.h"

/*
 * "framing lexicon diff" as a function: scores one reading of a source
 * with two lexicons and prints what the edit from the first to the second
 * changed: the entries (added, removed, reweighted, counts moved), the
 * rates per group and category with their ranks, the mean stance per group
 * with its rank, and whether any rank changed. Every string is borrowed.
 */
struct lexdiff_opts {
	const char *old_lexicon, *new_lexicon;	/* lexicon files */
	const char *by;		/* the column whose groups are compared */
	struct source_options in;	/* a corpus folder or JSON Lines, and the size limit */
	int tsv;		/* the three tables tab-separated, a blank line apart */
	struct score_options opt;
};

/* The defaults of the command line: by outlet, clean and negation on, 50 MB. */
void lexdiff_opts_init(struct lexdiff_opts *o);

/*
 * Returns an exit status: EXIT_OK, EXIT_USAGE (a bad lexicon or input;
 * nothing printed) or EXIT_FAILED (skipped articles).
 */
int lexdiff_run(const struct lexdiff_opts *o);

#endif
