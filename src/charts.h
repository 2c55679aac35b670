#ifndef CHARTS_H
#define CHARTS_H

#include <stddef.h>

#include "lexdecl.h"
#include "results.h"
#include "trend.h"
#include "util.h"

/*
 * The figures of "framing chart", one function each, drawn from the tables
 * of a run loaded into struct charts (chartrun.c loads them). Each writes
 * outdir/NAME.svg and/or NAME.png and returns 0, or -1 after a message.
 */

/* A word of keyness.tsv: its group (index in kgroups), z, and whether a lexicon has it. */
struct charts_keyterm {
	size_t group;
	char *term;
	double z;
	int lexicon;
};

/* A figure the run considered: drawn, or not and why (charts_missing). */
struct charts_figure {
	char *name;		/* its files are NAME.svg and NAME.png */
	char *why;		/* NULL when drawn, else "no article has a date" */
};

/*
 * A per-article index as its charts show it. Every string is borrowed.
 * The ends say which way the index leans: for a log-ratio of A over B,
 * neg "more B" and pos "more A".
 */
struct charts_index {
	const char *name;	/* its metric in outlets.tsv and column of scores.tsv */
	const char *file;	/* the chart of its means per group: NAME */
	const char *articles_file;	/* the chart of every article's value: NAME_articles */
	const char *formula;	/* the axis: "stance = log((A + 0.5) / (B + 0.5))" */
	const char *neg, *pos;	/* the ends of the axis */
	long column;		/* its place in res_article.index; -1: scores.tsv lacks it */
};

/*
 * The indices of a run, as the charts and the report show them: those
 * categories.tsv declares (in the stats folder), in its order; without
 * categories.tsv (a run of an older framing), the metrics of outlets.tsv
 * that are not a category's, with no formula. Their strings are owned.
 */
struct charts_indices {
	struct charts_index *ix;
	size_t n;
	int declared;		/* from categories.tsv */
};

/*
 * Fills l from d (NULL or empty without categories.tsv), out and art
 * (NULL: every column -1). An index's files are NAME and NAME_articles,
 * index_NAME... when NAME is the name of another chart.
 */
void charts_indices_init(struct charts_indices *l, const struct lexdecl *d, int declared,
			 const struct res_outlets *out, const struct res_articles *art);
void charts_indices_release(struct charts_indices *l);

struct charts {
	const char *outdir, *by, *corpus;	/* borrowed */
	const char *order_metric;	/* the rows are ordered by its mean; NULL: by name */
	int formats;			/* CHART_SVG | CHART_PNG */
	struct res_outlets out;
	struct res_articles art;
	struct lexdecl decl;	/* categories.tsv of the stats folder, empty without one */
	int declared;		/* 1 when it was read */
	struct charts_indices indices;
	struct charts_keyterm *key;	/* by group, then z descending */
	size_t nkey;
	int have_key;
	char **kgroups;		/* keyness.tsv's groups (outlets), in its order */
	size_t nkgroups;
	size_t *kpanel;		/* the kgroups with a panel, if they have words */
	size_t nkpanel;
	int key_by_outlet;	/* kgroups are not the groups of outlets.tsv (--by) */
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
	size_t *key_start;	/* kgroup g's words are key[key_start[g] .. key_start[g + 1]) */
	long trend_width;	/* days of the trend's window (trend.h); 0: no trend */
	struct trend_point *trend;	/* TREND_POINTS per group, trend_n[g] of them used */
	size_t *trend_n;	/* 0: group g has no trend */
	struct charts_figure *fig;	/* every figure considered, in order */
	size_t nfig, fig_alloc;
};

/* The row of the groups not shown in order[]. */
#define CHARTS_OTHERS ((size_t)-2)
/* Beyond this many groups in the run, the bars of the categories chart become a ranking. */
#define CHARTS_BARS_MAX 25

/* Frees what the tables, key, order, art_group and trend hold (not the borrowed strings). */
void charts_release(struct charts *c);

/*
 * Each figure function returns 0 when it drew its files, 1 when there was
 * nothing to draw (no chart is drawn from no data: charts_missing
 * recorded why), or -1 after a message when gnuplot failed.
 */
int charts_index(struct charts *c, const struct charts_index *ix);	/* mean per group, interval */
int charts_index_articles(struct charts *c, const struct charts_index *ix);	/* every article */
int charts_timeline(struct charts *c, const struct charts_index *ix);	/* over the dates, trends */
int charts_categories(struct charts *c);	/* rate per group and category: bars or a ranking */
int charts_keyness(struct charts *c);		/* the top words of each group */
/* Own voice vs quoted, a panel per category categories.tsv marks voice (each without it). */
int charts_voice(struct charts *c);

/* Records that figure name was not drawn and why (a clause: "no article has a date"); 1. */
int charts_missing(struct charts *c, const char *name, const char *why, ...) FMT(3, 4);

#endif
