#ifndef SUGGESTRUN_H
#define SUGGESTRUN_H

#include <stddef.h>

#include "lexrun.h"

/*
 * "framing lexicon suggest" as a function: reads the source twice (counts,
 * then examples; suggest.h ranks) and prints the candidates for each
 * category as a table with examples, or as TSV. Every string is borrowed.
 */
struct suggest_run_opts {
	const char **lexicons;	/* none: every .lex file of the default folder */
	size_t nlexicons;
	/* The categories named, each one name or several comma-separated; none:
	 * every category of the lexicons but the actors (who, not how). */
	const char **categories;
	size_t ncategories;
	size_t n;		/* how many suggestions */
	size_t min_with;	/* least occurrences with the category */
	/* Input (a corpus folder or a JSON Lines file, not a pipe), scoring and
	 * --tsv; tool.by is NULL: the outlets are compared, no other column. */
	struct lexrun_opts tool;
};

/* The defaults of the command line: those of lexrun_opts_init but by, and
 * every category, 15 terms seen twice. */
void suggest_run_opts_init(struct suggest_run_opts *o);

/*
 * Returns an exit status: EXIT_OK, EXIT_USAGE (a bad lexicon, category or
 * input, or a pipe; nothing printed) or EXIT_FAILED (skipped articles).
 * With several categories (none named, or more than one) the sections
 * follow in the order named, else in lexicon order, and the TSV starts
 * with a column category.
 */
int suggest_run(const struct suggest_run_opts *o);

#endif
