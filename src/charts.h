#ifndef CHARTS_H
#define CHARTS_H

#include <stddef.h>

#include "results.h"
#include "trend.h"

/*
 * The figures of "framing chart", one function each, drawn from the tables
 * of a run loaded into struct charts (chartrun.c loads them). Each writes
 * outdir/NAME.svg and/or NAME.png and returns 0, or -1 after a message.
 */

/* A word of keyness.tsv: its group (index in out), z, and whether a lexicon has it. */
struct charts_keyterm {
	size_t group;
	char *term;
	double z;
	int lexicon;
};

struct charts {
	const char *outdir, *by, *corpus;	/* borrowed */
	int formats;			/* CHART_SVG | CHART_PNG */
	struct res_outlets out;
	struct res_articles art;
	struct charts_keyterm *key;	/* by group, then z descending */
	size_t nkey;
	int have_key;
	struct res_selection sel;	/* the groups drawn one by one, the others pooled */
	/*
	 * The rows of the charts with a row per group, drawn bottom up:
	 * CHARTS_OTHERS ("all others") first when some groups are pooled, then
	 * the groups shown by mean stance, lowest first. row_of[g] is the
	 * position (1..nrows) of group g's row, that of "all others" for the
	 * groups not shown.
	 */
	size_t *order;
	size_t nrows;
	size_t *row_of;
	char *shown;		/* shown[g]: group g has a row, a panel, a colour of its own */
	size_t *art_group;	/* group of each article, (size_t)-1 when not in outlets.tsv */
	size_t *key_start;	/* group g's words are key[key_start[g] .. key_start[g + 1]) */
	long trend_width;	/* days of the trend's window (trend.h); 0: no trend */
	struct trend_point *trend;	/* TREND_POINTS per group, trend_n[g] of them used */
	size_t *trend_n;	/* 0: group g has no trend */
};

/* The row of the groups not shown in order[]. */
#define CHARTS_OTHERS ((size_t)-2)
/* Beyond this many groups in the run, the bars of the categories chart become a ranking. */
#define CHARTS_BARS_MAX 25

/* Frees what the tables, key, order, art_group and trend hold (not the borrowed strings). */
void charts_release(struct charts *c);

int charts_stance(struct charts *c);		/* mean stance per group with its interval */
int charts_categories(struct charts *c);	/* rate per group and category: bars or a ranking */
int charts_articles(struct charts *c);		/* every article's stance, by group */
int charts_timeline(struct charts *c);		/* every article's stance over its date, trends */
int charts_keyness(struct charts *c);		/* the top words of each group */
int charts_voice(struct charts *c, const char *cat);	/* own voice vs quoted matches of cat */

#endif
