#ifndef STATSRUN_H
#define STATSRUN_H

#include <stddef.h>

/*
 * "framing stats" as a function: reads score files, leaves out repeated
 * ids, empty articles and (with dedup) near-duplicates, and writes
 * outlets.tsv, compare.tsv, tests.tsv, keyness.tsv and duplicates.tsv to
 * outdir. Called by the stats command and by "framing report" with the
 * options they parsed. (The stats module, stats.h, is the statistics
 * themselves; this is the command's run.)
 */
struct stats_run_opts {
	char **files;		/* scores.tsv files, shards of one corpus; borrowed */
	size_t nfiles;
	const char *outdir, *by;
	unsigned long seed;
	size_t bootstrap, permutations, perm_max;
	size_t jobs;
	double alpha0;		/* keyness prior size; 0: the corpus token count */
	int dedup;
	int quiet;		/* no warnings (util_set_quiet) */
	/* Which pairs (statmodel.h): all up to all_pairs_max groups, ... */
	size_t all_pairs_max;
	const char *reference;	/* NULL: the group with the most articles */
	const char **compare;	/* "A,B" each (--compare); borrowed */
	size_t ncompare;
	const char *pairs_file;	/* a TSV of pairs (--pairs), NULL: none */
	double perm_budget;	/* articles x relabellings */
	size_t keyness_top;	/* token rows per group in keyness.tsv, 0: all */
	const char *group_map;	/* --group-map FILE, NULL: none */
	int unmapped_na;	/* unmapped values become NA, not themselves */
	/* --stories: stories.tsv (stories.h), with its window (days) and threshold */
	int stories;
	long story_window;
	double story_threshold;
	const char *within;	/* --within COLUMN: effects.tsv by its stories; NULL: none */
	unsigned adjust;	/* --adjust date,length: EFFECTS_ADJUST_* */
};

/* The defaults of the command line: output/scores.tsv in, output out, ... */
void stats_run_opts_init(struct stats_run_opts *o);

/* Returns an exit status: EXIT_OK, EXIT_USAGE (bad input) or EXIT_FAILED. */
int stats_run(const struct stats_run_opts *o);

#endif
