#ifndef RESULTS_H
#define RESULTS_H

#include <stddef.h>

#include "buf.h"

/*
 * The tables of "framing score" and "framing stats" read back by column
 * name for the charts and the report. Numbers written NA read as NAN.
 */

/*
 * One row of outlets.tsv. rate_lo, rate_hi are the article-level (HC1)
 * interval, the *_poisson ones the exact Poisson interval, dispersion
 * Pearson's phi; all NAN when the file is older and lacks them.
 */
struct res_stat {
	double articles, tokens, count, rate, rate_lo, rate_hi;
	double mean, sd, mean_lo, mean_hi, median, boot_lo, boot_hi;
	double rate_lo_poisson, rate_hi_poisson, dispersion;
	char *note;
};

struct res_outlets {
	char **groups;		/* in file order (stats writes them sorted) */
	size_t ngroups;
	char **metrics;		/* in file order */
	size_t nmetrics;
	struct res_stat *stat;	/* ngroups x nmetrics; missing rows are all NAN */
	char **categories;	/* C of every C_rate metric, in order */
	size_t ncategories;
	size_t *by_name;	/* the groups sorted by name, for res_outlets_group */
};

/* Loads outlets.tsv; -1 after a message. Release with res_outlets_release. */
int res_outlets_load(struct res_outlets *r, const char *path);
void res_outlets_release(struct res_outlets *r);
/* The row of group g and metric, or NULL when there is none. Borrowed. */
const struct res_stat *res_outlets_get(const struct res_outlets *r, size_t g, const char *metric);
/* Index of the named group, or -1 (a binary search: thousands of groups are common). */
long res_outlets_group(const struct res_outlets *r, const char *name);
/* Group g's articles (or tokens): the first metric of outlets.tsv that has them; NAN if none. */
double res_group_articles(const struct res_outlets *r, size_t g);
double res_group_tokens(const struct res_outlets *r, size_t g);

/*
 * The groups the charts and the report show one by one (issue 19: a
 * crawl has thousands): every group when there are at most max and none
 * is named; else the max largest by articles (ties by name), or those
 * named; the others are pooled as one row, "all others" (res_others).
 */
#define RES_MAX_GROUPS 25	/* the default of --max-groups */
#define RES_MAX_GROUPS_LIMIT 50	/* its largest value, and the most --groups may name */
#define RES_OTHERS "all others"

struct res_selection {
	size_t *shown;		/* group indices: by articles, largest first, or as named */
	size_t nshown;
	size_t nothers;		/* groups not shown, pooled as "all others" */
	double others_articles;	/* their articles */
	int named;		/* chosen with --groups */
};

/*
 * Fills sel. names: NULL, or a comma-separated list of groups (--groups);
 * max: at most this many largest (--max-groups). -1 after a message when
 * a name is not a group of outlets.tsv or more than
 * RES_MAX_GROUPS_LIMIT are named. Release with res_selection_release.
 */
int res_select(const struct res_outlets *r, size_t max, const char *names,
	       struct res_selection *sel);
void res_selection_release(struct res_selection *sel);
/* Whether the selection leaves any group out or was named: then the charts say so. */
int res_selection_partial(const struct res_selection *sel);

/*
 * "25 largest of 3,112 groups by articles; the other 3,087 pooled as
 * 'all others'", or "2 named of 3,112 groups; ...", appended to out;
 * nothing when every group is shown unnamed.
 */
void res_selection_say(const struct res_outlets *r, const struct res_selection *sel,
		       struct buf *out);

/*
 * The "all others" row of metric: articles, tokens and count summed over
 * the groups not shown; rate = count / tokens x 1,000 (the pooled rate);
 * mean = the mean of their group means weighted by articles, which is
 * the mean over all their articles. Intervals, sd, median are NAN: their
 * articles come from many groups, so an interval that took them as one
 * sample would be too narrow. note is NULL.
 */
struct res_stat res_others(const struct res_outlets *r, const struct res_selection *sel,
			   const char *metric);
/*
 * The pooled rate of metric over every group but g, as above: the value
 * of the "(rest)" that compare.tsv pits a group against. NAN if none.
 */
double res_rest_rate(const struct res_outlets *r, size_t g, const char *metric);

/* n with a comma between thousands: 3,112. */
void res_add_count(struct buf *out, double n);

/* One article of scores.tsv: what the charts need. */
struct res_article {
	char *id, *group, *date, *title;
	double tokens, dropped;
	double *index;		/* per index of res_articles, NAN when NA */
};


struct res_articles {
	struct res_article *a;
	size_t n;
	size_t nindex;
	char **index_name;	/* the indices, in declaration order */
};

/*
 * Loads scores.tsv through scoretab.h (the one reader of scores.tsv), in
 * the order of the file; the group is column by (outlet when NULL). -1
 * after a message, e.g. when there is no such column.
 */
struct scoretab_grouping;
int res_articles_load(struct res_articles *r, const char *path, const struct scoretab_grouping *g);
void res_articles_release(struct res_articles *r);

/* A field read as a number: NA, empty or not a number give NAN. */
double res_number(const char *s);

#endif
