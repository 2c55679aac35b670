#ifndef STORYSET_H
#define STORYSET_H

#include <stddef.h>

/*
 * The stories of the report's "Same story" section and of its chart
 * (storypage.h, storychart.h), read from the tables of a run: the stories
 * of stories.tsv (framing stats --stories), or the values of a column of
 * scores.tsv (--within COLUMN); of them, those covered by two or more
 * groups, largest first, up to a limit; their articles (title, date, the
 * value of every index) and their matches (matches.tsv). The indices are
 * the rows of categories.tsv with role index, else the linear metrics of
 * effects.tsv, else a stance column; the matches shown are those of
 * the categories the indices are made of, else of the Poisson metrics of
 * effects.tsv, else of every category. Everything is owned by the set.
 */

/* The default of --max-stories. */
#define STORYSET_MAX 10
/* A story's groups shown side by side and drawn: the first, by name. */
#define STORYSET_GROUPS 6

struct storyset_match {
	char *category, *left, *surface, *right;
	int quoted;
};

struct storyset_article {
	char *id, *group, *date, *title;
	double *index;			/* nindex values, NAN when NA */
	struct storyset_match *m;	/* in the order of matches.tsv */
	size_t nm, m_alloc;
};

struct storyset_story {
	char *label, *terms;		/* terms: top_terms of stories.tsv, NULL: none */
	size_t size, ngroups;		/* articles, groups covering it */
	size_t *art;			/* indices into a, by group, then date, then id */
	size_t nart;
	size_t nshown;			/* art[0 .. nshown): of the first STORYSET_GROUPS groups */
};

struct storyset {
	int have_stories;		/* 0: no stories.tsv and no column to group by */
	const char *within;		/* the column, NULL: stories.tsv (borrowed) */
	size_t nstories;		/* stories in the run */
	size_t nshared;			/* of them, covered by two or more groups */
	struct storyset_story *s;	/* the shown ones, largest first, then by label */
	size_t ns;
	struct storyset_article *a;
	size_t na;
	char **index;			/* names of the indices */
	size_t nindex;
};

#define STORYSET_INIT { 0, NULL, 0, 0, NULL, 0, NULL, 0, NULL, 0 }

/*
 * Loads the set from the tables in dir: groups are those of the grouping
 * g of scores.tsv (its column, regrouped by a group map as stats does),
 * stories the values of the column within (NULL: stories.tsv). Without stories (no stories.tsv, or no such column) it
 * returns 0 with have_stories 0. -1 after a message on a table it cannot
 * read.
 */
struct scoretab_grouping;
int storyset_load(struct storyset *ss, const char *dir, const struct scoretab_grouping *g,
		  const char *within, size_t max);

void storyset_release(struct storyset *ss);

/*
 * The pooled mean of metric for each of the n groups from dir/outlets.tsv
 * (the column mean of its rows group, metric): mean[i] for groups[i], NAN
 * where it has none (or there is no outlets.tsv). 0, or -1 after a message.
 */
int storyset_pooled_means(const char *dir, const char *metric, char *const *groups, size_t n,
			  double *mean);

/* An effects.tsv row, with the pooled comparison of the same pair from compare.tsv. */
struct storyset_effect {
	char *outlet, *reference, *metric, *model;
	char *note;		/* why a number is NA, what was left out; "" without the column */
	double estimate, lo, hi;
	size_t n_stories;
	double pooled;		/* compare.tsv's diff or rate ratio, outlet against reference */
};

/*
 * Reads dir/effects.tsv and joins compare.tsv: *out gets the rows (the
 * caller frees with storyset_effects_free). 1 when there is no
 * effects.tsv, 0 when read, -1 after a message.
 */
int storyset_effects(const char *dir, struct storyset_effect **out, size_t *n);
void storyset_effects_free(struct storyset_effect *e, size_t n);

/* Whether a row's model is the linear one (an index; else a rate ratio). */
int storyset_effect_linear(const struct storyset_effect *e);

/*
 * Whether the within-story effect and the pooled comparison point opposite
 * ways: the interval excludes no difference and the pooled estimate lies
 * on its other side.
 */
int storyset_effect_disagrees(const struct storyset_effect *e);

#endif
