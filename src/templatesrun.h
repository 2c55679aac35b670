#ifndef TEMPLATESRUN_H
#define TEMPLATESRUN_H

#include "source.h"

/*
 * "framing templates" as a function: finds the site templates of a corpus
 * folder or a JSON Lines file, as score would, and writes their table
 * (templates.h) once, for score --templates FILE: shard jobs and streams
 * read from a pipe then drop the same lines as one run over the whole.
 * Every string is borrowed.
 */
struct templates_run_opts {
	struct source_options in;	/* a corpus folder or a JSON Lines file (not a pipe) */
	const char *output;	/* the table; NULL or "-": standard output */
	size_t min;		/* --template-min; 0: the default per outlet */
	int quiet;		/* no warnings, no summary on stderr */
	int jobs;		/* threads that split and hash the articles; 0: every core */
};

/* The defaults of the command line: standard output, the 50 MB limit. */
void templates_run_opts_init(struct templates_run_opts *o);

/*
 * Returns EXIT_OK, EXIT_USAGE (the input cannot be opened or read twice;
 * nothing written) or EXIT_FAILED (a write error).
 */
int templates_run(const struct templates_run_opts *o);

#endif
