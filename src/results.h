#ifndef RESULTS_H
#define RESULTS_H

#include <stddef.h>

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
};

/* Loads outlets.tsv; -1 after a message. Release with res_outlets_release. */
int res_outlets_load(struct res_outlets *r, const char *path);
void res_outlets_release(struct res_outlets *r);
/* The row of group g and metric, or NULL when there is none. Borrowed. */
const struct res_stat *res_outlets_get(const struct res_outlets *r, size_t g, const char *metric);
/* Index of the named group, or -1. */
long res_outlets_group(const struct res_outlets *r, const char *name);

/* One article of scores.tsv: what the charts need. */
struct res_article {
	char *id, *group, *date, *title;
	double tokens, dropped, stance;
};

struct res_articles {
	struct res_article *a;
	size_t n;
};

/*
 * Loads scores.tsv through scoretab.h (the one reader of scores.tsv), in
 * the order of the file; the group is column by (outlet when NULL). -1
 * after a message, e.g. when there is no such column.
 */
int res_articles_load(struct res_articles *r, const char *path, const char *by);
void res_articles_release(struct res_articles *r);

/* A field read as a number: NA, empty or not a number give NAN. */
double res_number(const char *s);

#endif
