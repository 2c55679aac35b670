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
	size_t *order;		/* groups by mean stance, lowest first (drawn bottom up) */
	size_t *art_group;	/* group of each article, (size_t)-1 when not in outlets.tsv */
	long trend_width;	/* days of the trend's window (trend.h); 0: no trend */
	struct trend_point *trend;	/* TREND_POINTS per group, trend_n[g] of them used */
	size_t *trend_n;	/* 0: group g has no trend */
};

/* Frees what the tables, key, order, art_group and trend hold (not the borrowed strings). */
void charts_release(struct charts *c);

int charts_stance(struct charts *c);		/* mean stance per group with its interval */
int charts_categories(struct charts *c);	/* rate per group and category */
int charts_articles(struct charts *c);		/* every article's stance, by group */
int charts_timeline(struct charts *c);		/* every article's stance over its date, trends */
int charts_keyness(struct charts *c);		/* the top words of each group */
int charts_voice(struct charts *c, const char *cat);	/* own voice vs quoted matches of cat */

#endif
