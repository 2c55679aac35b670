#ifndef LEXCHECKRUN_H
#define LEXCHECKRUN_H

#include <stddef.h>

#include "source.h"
#include "templates.h"

/*
 * "framing lexicon check" as a function: loads the lexicon files, reports
 * every load error and every problem lexcheck_find sees on stderr as
 * FILE:LINE:COL, prints a summary per file and, with a corpus folder or
 * JSON Lines, what every glob entry matched in it. Every string is borrowed.
 */
struct lexcheck_run_opts {
	const char **files;	/* none: every .lex file of the default folder */
	size_t nfiles;
	struct source_options in;	/* in.dir or in.jsonl: where to expand the globs; neither: nowhere */
	int clean;		/* 0: look at boilerplate lines too */
	int quiet;		/* no warnings: only errors and the summary */
	struct templates_options templates;	/* the site templates, as score takes them */
};

/* The defaults of the command line: no corpus, the 50 MB limit, clean on. */
void lexcheck_run_opts_init(struct lexcheck_run_opts *o);

/*
 * Returns an exit status: EXIT_OK (warnings allowed), EXIT_USAGE (a lexicon
 * that does not load) or EXIT_FAILED (the corpus could not be read whole).
 */
int lexcheck_run(const struct lexcheck_run_opts *o);

#endif
