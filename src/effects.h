#ifndef EFFECTS_H
#define EFFECTS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "scoretab.h"

/*
 * Within-story outlet effects (effects.tsv): each outlet against a
 * reference outlet, on the stories both cover. Counts (C_matches) get a
 * Poisson model with outlet and story fixed effects and the offset
 * log(tokens), an index (stance) a linear model with story fixed effects;
 * both with standard errors robust to clustering by story (HC1, as R's
 * sandwich::vcovCL). The story fixed effects are absorbed, never dummy
 * columns, so thousands of stories cost no more than a few. Stories come
 * in as a per-article index (a column of scores.tsv with --within, or the
 * automatic grouping of stats --stories), SIZE_MAX for an article that
 * belongs to none.
 */

/* No story: the article is left out (and counted in the note). */
#define EFFECTS_NONE SIZE_MAX

/* Covariates added to both models. */
#define EFFECTS_ADJUST_DATE 1	/* natural cubic spline of the date, 4 df (R's ns) */
#define EFFECTS_ADJUST_LENGTH 2	/* log(tokens) */

enum effects_model { EFFECTS_POISSON, EFFECTS_LINEAR };

/*
 * One outcome's data, n articles: what the fit needs and nothing of the
 * table. Borrowed arrays. y is the count (Poisson) or the index (linear),
 * NAN when missing; tokens the article's tokens (the offset of the
 * Poisson model, the covariate of EFFECTS_ADJUST_LENGTH); days the date
 * as days since 1970-01-01, NAN when unknown (read only with
 * EFFECTS_ADJUST_DATE); outlet in 0 .. noutlets - 1; story in 0 ..
 * nstories - 1 or EFFECTS_NONE.
 */
struct effects_data {
	size_t n;
	const double *y, *tokens, *days;
	const size_t *outlet, *story;
	size_t noutlets, nstories;
	unsigned adjust;	/* EFFECTS_ADJUST_* */
};

/* The effect of one outlet against the reference; NAN where undefined. */
struct effects_est {
	double estimate;	/* rate ratio (Poisson) or difference (linear) */
	double se;		/* of the coefficient (log rate ratio, or difference) */
	double lo, hi;		/* 95% interval, on the scale of estimate */
	double p;		/* two-sided: normal (Poisson), t with n - rank df (linear) */
	size_t n_articles;	/* the outlet's articles in the fit */
	size_t n_stories;	/* its stories that another outlet covers too */
	const char *why;	/* a static reason when estimate is NAN, else NULL */
};

/*
 * What one fit left out and why, for the note (every outlet's row of the
 * metric carries it).
 */
struct effects_fitinfo {
	size_t n;		/* articles in the fit */
	size_t stories;		/* stories (clusters) in the fit */
	size_t single;		/* of them covered by one outlet only */
	size_t no_story, no_value, no_tokens, no_date;	/* articles left out */
	size_t rank;		/* parameters of the full model, fixed effects included */
	const char *why;	/* a static reason when the whole fit failed, else NULL */
};

/*
 * Fits one outcome: est[g] for every outlet g (est[ref] is left NAN with
 * why "reference"). Never fails: what cannot be estimated is NAN with a
 * reason (fewer than 2 stories, a singular design, no convergence,
 * separation, an outlet sharing no story with the reference's).
 */
void effects_fit(const struct effects_data *d, enum effects_model model, size_t ref,
		 struct effects_est *est, struct effects_fitinfo *info);

/*
 * The natural cubic spline basis of x with 4 degrees of freedom, as
 * R's splines::ns(x, df = 4) spans it: boundary knots at the range of
 * x, interior knots at its 25%, 50% and 75% quantiles (type 7). Writes
 * n x 4 values (row-major) to out; a basis of the same space together
 * with a constant, not ns's own columns (the models have an intercept or
 * fixed effects, so the outlet effects are the same). Returns the number
 * of columns (4), fewer when knots coincide.
 */
size_t effects_spline(const double *x, size_t n, double *out);

/* The options of effects_run. */
struct effects_opts {
	size_t reference;	/* a group of t; SIZE_MAX: the one with most articles */
	unsigned adjust;	/* EFFECTS_ADJUST_* */
	const char *within;	/* what the stories are, for the notes ("story") */
};

/*
 * Writes effects.tsv to out: one row per group of t other than the
 * reference and per metric (every C_matches of a category that is not an
 * actor, then each index). story[i] is article i's story (index into
 * t->a, EFFECTS_NONE: none) among nstories. Returns -1 on a write error.
 */
int effects_run(const struct scoretab *t, const size_t *story, size_t nstories,
		const struct effects_opts *o, FILE *out);

/*
 * The per-article story index from the column of --within (the
 * articles' within values; NULL, "NA" or empty: none). The caller frees
 * the array; *nstories gets the number of stories.
 */
size_t *effects_stories_from_column(const struct scoretab *t, size_t *nstories);


#endif
