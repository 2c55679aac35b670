#ifndef CHARTRUN_H
#define CHARTRUN_H

#include <stddef.h>

/*
 * "framing chart" as a function: loads outlets.tsv, scores.tsv and
 * keyness.tsv of a run and draws every figure (charts.h) with gnuplot.
 * Called by the chart command and by "framing report" with the options
 * they parsed. Every string is borrowed.
 */
struct chart_run_opts {
	const char *indir;	/* the tables */
	const char *outdir;	/* the charts; NULL: indir */
	const char *by;		/* the column the stats were grouped by */
	const char *group_map;	/* and the map that regrouped it (--group-map), NULL: none */
	int unmapped_na;
	const char *corpus;	/* for the titles; NULL: the name of indir */
	int formats;		/* CHART_SVG | CHART_PNG */
	int quiet;		/* no warnings (util_set_quiet) */
	size_t max_groups;	/* show at most this many largest groups (results.h) */
	const char *groups;	/* NULL, or the groups to show, comma-separated */
	const char *within;	/* the stories of storychart.h: a column, NULL: stories.tsv */
	size_t max_stories;	/* of storychart.h; 0: its default */
};

/* The defaults of the command line: output in and out, by outlet, SVG and PNG, 25 groups. */
void chart_run_opts_init(struct chart_run_opts *o);

/*
 * Returns an exit status: EXIT_OK, EXIT_USAGE (missing or bad tables,
 * nothing drawn) or EXIT_FAILED (no gnuplot, a chart that failed).
 */
int chart_run(const struct chart_run_opts *o);

#endif
