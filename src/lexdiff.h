#ifndef LEXDIFF_H
#define LEXDIFF_H

#include "lexrun.h"

/*
 * "framing lexicon diff" as a function: scores one reading of a source
 * with two lexicons and prints what the edit from the first to the second
 * changed: the entries (added, removed, reweighted, counts moved), the
 * rates per group and category with their ranks, the weighted rates of the
 * categories with weights, the mean of every declared index per group with
 * its rank, and whether any rank changed. Every string is borrowed.
 */
struct lexdiff_opts {
	const char *old_lexicon, *new_lexicon;	/* lexicon files */
	/* Input, scoring, the column whose groups are compared, and --tsv:
	 * the four tables tab-separated, a blank line apart. */
	struct lexrun_opts tool;
};

/* The defaults of the command line: those of lexrun_opts_init. */
void lexdiff_opts_init(struct lexdiff_opts *o);

/*
 * Returns an exit status: EXIT_OK, EXIT_USAGE (a bad lexicon or input;
 * nothing printed) or EXIT_FAILED (skipped articles).
 */
int lexdiff_run(const struct lexdiff_opts *o);

#endif
