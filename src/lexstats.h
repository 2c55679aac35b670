#ifndef LEXSTATS_H
#define LEXSTATS_H

#include <stddef.h>

#include "lexrun.h"

/*
 * "framing lexicon stats" as a function: how every lexicon entry fares in
 * a corpus (the sums of tally.h), one table row per entry, sorted by
 * category and matches, entries that never matched last; then one row per
 * group: the rate of every category, the weighted rate of the weighted
 * ones and the mean of every declared index. Every string is borrowed.
 */
struct lexstats_opts {
	const char **lexicons;	/* none: every .lex file of the default folder */
	size_t nlexicons;
	struct lexrun_opts tool;	/* input, scoring, the column whose groups are counted, --tsv */
};

/* The defaults of the command line: those of lexrun_opts_init. */
void lexstats_opts_init(struct lexstats_opts *o);

/*
 * Returns an exit status: EXIT_OK, EXIT_USAGE (a bad lexicon or input;
 * nothing printed) or EXIT_FAILED (skipped articles).
 */
int lexstats_run(const struct lexstats_opts *o);

#endif
