#ifndef CHARTRUN_H
#define CHARTRUN_H

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
	const char *corpus;	/* for the titles; NULL: the name of indir */
	int formats;		/* CHART_SVG | CHART_PNG */
	int quiet;		/* no warnings (util_set_quiet) */
};

/* The defaults of the command line: output in and out, by outlet, SVG and PNG. */
void chart_run_opts_init(struct chart_run_opts *o);

/*
 * Returns an exit status: EXIT_OK, EXIT_USAGE (missing or bad tables,
 * nothing drawn) or EXIT_FAILED (no gnuplot, a chart that failed).
 */
int chart_run(const struct chart_run_opts *o);

#endif
