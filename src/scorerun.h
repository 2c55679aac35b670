#ifndef SCORERUN_H
#define SCORERUN_H

#include <stddef.h>

#include "score.h"
#include "source.h"

/*
 * "framing score" as a function: scores every article of a corpus folder
 * or a JSON Lines stream and writes scores.tsv, matches.tsv, terms.tsv,
 * signatures.tsv and categories.tsv (lexdecl.h) (to outdir, or with
 * to_stdout the scores to standard output and the others to the files
 * named). Called by the score command
 * and by "framing report" with the options they parsed. Every string is
 * borrowed.
 */
struct score_run_opts {
	const char **lexicons;	/* none: every .lex file of the default folder */
	size_t nlexicons;
	const char *outdir;
	struct source_options in;	/* a corpus folder or JSON Lines, and the size limit */
	struct source *src;	/* NULL: open in; else in opened already (borrowed) */
	const char *matches_file;	/* with to_stdout: where the others go, NULL: nowhere */
	const char *terms_file;
	const char *signatures_file;
	const char *categories_file;
	const char *targets_file;	/* targets.tsv (targets.h) */
	int to_stdout;
	int quiet;		/* no per-article warnings, no progress line */
	int jobs;
	struct score_options opt;
	/*
	 * Not NULL: gets the number of articles skipped (bad lines) when the
	 * outputs were written, so report can tell a run that wrote its set
	 * and skipped some (EXIT_FAILED, like score) from one that failed.
	 */
	size_t *skipped;
};

/* The defaults of the command line: output, every core, 50 MB, clean and negation on. */
void score_run_opts_init(struct score_run_opts *o);

/*
 * Returns an exit status: EXIT_OK, EXIT_USAGE (nothing written: a bad
 * lexicon or corpus) or EXIT_FAILED (skipped articles, a write error).
 */
int score_run(const struct score_run_opts *o);

#endif
