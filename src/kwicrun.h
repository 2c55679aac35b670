#ifndef KWICRUN_H
#define KWICRUN_H

#include <stddef.h>

#include "lexrun.h"

/*
 * "framing kwic" as a function: every match of the patterns (each a
 * lexicon entry of its own) or of a lexicon category, in context, grouped
 * by a column, printed as text or TSV (kwic.h). Every string is borrowed.
 */
struct kwic_run_opts {
	const char **lexicons;	/* with category; none: every .lex file of the default folder */
	size_t nlexicons;
	const char *category;	/* NULL: the patterns */
	char *const *patterns;	/* written as lexicon entries */
	size_t npatterns;
	size_t window;		/* tokens of context on each side */
	struct lexrun_opts tool;	/* input, scoring, the grouping column, --tsv */
};

/* The defaults of the command line: those of lexrun_opts_init, and 6 tokens. */
void kwic_run_opts_init(struct kwic_run_opts *o);

/*
 * Returns an exit status: EXIT_OK, EXIT_USAGE (a bad pattern, lexicon,
 * category or input; nothing printed) or EXIT_FAILED (skipped articles).
 */
int kwic_run(const struct kwic_run_opts *o);

#endif
