#ifndef LEXSTATS_H
#define LEXSTATS_H

#include <stddef.h>

#include "score.h"
#include "source.h"

/*
 * "framing lexicon stats" as a function: how every lexicon entry fares in
 * a corpus (the sums of tally.h), one table row per entry, sorted by
 * category and matches, entries that never matched last. Every string is
 * borrowed.
 */
struct lexstats_opts {
	const char **lexicons;	/* none: every .lex file of the default folder */
	size_t nlexicons;
	const char *by;		/* the column whose groups are counted */
	struct source_options in;	/* a corpus folder or JSON Lines, and the size limit */
	int tsv;
	struct score_options opt;
};

/* The defaults of the command line: by outlet, clean and negation on, 50 MB. */
void lexstats_opts_init(struct lexstats_opts *o);

/*
 * Returns an exit status: EXIT_OK, EXIT_USAGE (a bad lexicon or input;
 * nothing printed) or EXIT_FAILED (skipped articles).
 */
int lexstats_run(const struct lexstats_opts *o);

#endif
