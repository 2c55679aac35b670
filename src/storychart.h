#ifndef STORYCHART_H
#define STORYCHART_H

#include <stddef.h>

struct runset;

/*
 * The charts of the report's "Same story" section, drawn with gnuplot
 * (chart.h) from the tables of a run: stories.svg/png, the first index of
 * every article of the shown stories (storyset.h), one row per story and
 * one colour per group; effects.svg/png, each outlet's within-story effect
 * on that index against the reference (effects.tsv, with its 95%
 * interval) beside the pooled difference (compare.tsv). A chart without
 * data is not drawn, nor are both when no story is shared by two groups
 * (an old chart is removed: set owns the files).
 * Every text reaches gnuplot through gpscript_quote.
 */
struct scoretab_grouping;
struct storychart_opts {
	const char *indir, *outdir;	/* the tables; where the charts go */
	int formats;			/* CHART_SVG | CHART_PNG */
	const char *corpus, *by;	/* for the titles; the grouping column */
	const struct scoretab_grouping *grouping;	/* the groups, as stats made them */
	const char *within;		/* the stories' column, NULL: stories.tsv */
	size_t max_stories;		/* 0: STORYSET_MAX */
};

/* 0, or -1 after a message (a table that cannot be read, gnuplot failed). */
int storychart_draw(const struct storychart_opts *o, struct runset *set);

#endif
