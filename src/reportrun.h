#ifndef REPORTRUN_H
#define REPORTRUN_H

#include <stddef.h>

#include "score.h"
#include "source.h"

/*
 * "framing report" as a function: score_run, stats_run and chart_run on a
 * corpus, called directly with option structs, then report.html
 * (report_write) from what they wrote. Every string is borrowed.
 */
struct report_run_opts {
	struct source_options in;	/* a corpus folder or JSON Lines, and the size limit */
	struct score_options opt;	/* clean, negation and site templates, as framing score's */
	const char **lexicons;	/* none: every .lex file of the default folder */
	size_t nlexicons;
	const char *outdir;
	const char *by;		/* the grouping column of stats, charts and report */
	const char *group_map;	/* regrouping it (--group-map), NULL: none */
	int unmapped_na;
	unsigned long seed;	/* of the bootstrap and the permutations */
	int jobs;		/* threads of score and stats; 0: their defaults */
	int quiet;
	size_t max_groups;	/* of the charts and the report's tables (results.h) */
	const char *groups;	/* NULL, or the groups to show, comma-separated */
	const char *within;	/* the stories: this column, NULL: found by stats (stories.tsv) */
	size_t max_stories;	/* of the "Same story" section; 0: STORYSET_MAX */
};

/* The defaults of the command line: output, by outlet, seed 1, 50 MB, clean and negation on. */
void report_run_opts_init(struct report_run_opts *o);

/* Returns an exit status: that of the first step that failed, or EXIT_OK. */
int report_run(const struct report_run_opts *o);

#endif
