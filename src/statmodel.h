#ifndef STATMODEL_H
#define STATMODEL_H

#include <stddef.h>

#include "resample.h"
#include "scoretab.h"
#include "stats.h"

/*
 * The model of "framing stats": the rows of a score table reshaped into
 * groups x metrics (C_rate and C_own_rate per category, C_wrate per
 * weighted category, then one per index, named as the index),
 * with the numbers every pair of groups shares (moments, sorted values,
 * pooled counts) and the resampling results (bootstrap per group,
 * permutation p per pair) computed once, in parallel. stattables.c writes
 * the tables from it; the statistics themselves come from the stats module.
 */

struct statmodel_params {
	unsigned long seed;	/* of the bootstrap and the permutations */
	size_t bootstrap;	/* resamples per group, 0 = none */
	size_t permutations;	/* shuffles per pair, 0 = none */
	size_t perm_max;	/* pairs with more articles get NA */
	size_t jobs;		/* threads */
	/*
	 * Which pairs (statmodel_pairs): every pair up to all_pairs_max
	 * groups; beyond, each group against the rest of the corpus and
	 * against the reference group (an index; SIZE_MAX: the group with the
	 * most articles). The user's pairs (indices, a then b, nuser of
	 * them) are added in either case when not there already.
	 */
	size_t all_pairs_max, reference;
	const size_t *user_pairs;
	size_t nuser;
	/*
	 * Work allowed to relabelling, in articles x relabellings: the
	 * groups x categories test uses fewer than permutations relabellings
	 * when the corpus is larger than perm_budget / permutations, and
	 * beyond all_pairs_max groups the pairs' permutations share it.
	 */
	double perm_budget;
};

/* pair_b of a group compared with the rest of the corpus, and its name. */
#define STATMODEL_REST ((size_t)-1)
#define STATMODEL_REST_NAME "(rest)"

struct statmodel {
	struct statmodel_params p;
	const struct scoretab *t;	/* borrowed; its rows may be dropped after the build */
	size_t m;
	char **metric;		/* C_rate, C_own_rate per category, C_wrate, the indices */
	size_t *wcat, nwrate;	/* the weighted categories, one C_wrate metric each */
	size_t first_index;	/* the first index metric: 2 ncat + nwrate */
	size_t n;		/* articles */
	double *val;		/* n x m, NAN = missing */
	size_t *start;		/* articles of group g: start[g] .. start[g+1] */
	double *work;		/* one group's values of one metric */
	/*
	 * Per group g and metric j, at [g * m + j]: the moments of its values,
	 * its pooled count and tokens, and where its values sit sorted in
	 * sorted (mom.n of them). Every pair of groups shares them, so each
	 * group is summed and sorted once, not once per pair.
	 */
	struct stats_moments *mom;
	double *pool_count, *pool_tokens;
	/* The article-level sums of the rate (HC1, dispersion), from the build. */
	struct stats_rate_sums *rate_sums;
	double *group_tokens;	/* per group */
	double *sorted;
	size_t *sorted_at;
	/* Bootstrap intervals, ngroups x m (statmodel_groups). */
	double *boot_lo, *boot_hi;
	const char **boot_why;
	/*
	 * The pairs k (pair_b[k] may be STATMODEL_REST) and the permutation p
	 * of each pair and metric, at [k * m + j] (statmodel_pairs).
	 */
	size_t npairs, *pair_a, *pair_b;
	double *perm_p;
	const char **perm_why;
	/*
	 * For tests.tsv and the notes of the rank tests: each article's
	 * matches and own matches as scores.tsv has them (n x 2 ncat, NAN =
	 * NA; the permutation chi-square relabels them), each group's article
	 * lengths (tokens) sorted, at start[g], and the two-sample
	 * Kolmogorov-Smirnov test of every pair's lengths, at [k]
	 * (statmodel_pairs).
	 */
	double *count;
	double *len_sorted;
	struct stats_ks *len_ks;
	/*
	 * For the pairs against the rest (pair_b = STATMODEL_REST): per group
	 * and metric the sums of x^2, x t and t^2 of the articles with a count
	 * (from the build), and, when there is such a pair (statmodel_pairs),
	 * the whole corpus's values of each metric sorted (all_at[j], all_n[j]
	 * of them, with their ties), its lengths sorted, and per group and
	 * metric the rest's moments, rate sums and pooled numbers and the
	 * Mann-Whitney test against it.
	 */
	double *sxx, *sxt, *stt;
	int has_rest;
	double *all_sorted, *all_ties, *len_all;
	size_t *all_at, *all_n;
	struct stats_moments *rest_mom;
	struct stats_rate_sums *rest_sums;
	struct stats_mw *rest_mw;
	const char **rest_mw_why;
	/* Shuffles per pair and relabellings of the groups x categories test. */
	size_t pair_shuffles, chisq_shuffles;
	size_t reference;	/* the reference group, STATMODEL_REST: none */
	double *ref_ties;	/* per metric, the reference's ties (stats_ties) */
};

/* Takes from t all that the statistics need of its articles. */
void statmodel_build(struct statmodel *sm, const struct scoretab *t,
		     const struct statmodel_params *p);

/* Each group's shared numbers and its bootstrap, groups in parallel. */
void statmodel_groups(struct statmodel *sm);

/*
 * Chooses the pairs (struct statmodel_params), prepares what the pairs
 * against the rest share, and computes every pair's permutation p, pairs
 * in parallel (NA beyond perm_max and against the rest), and the
 * Kolmogorov-Smirnov test of its lengths.
 */
void statmodel_pairs(struct statmodel *sm);

void statmodel_release(struct statmodel *sm);

/* Articles in group g. */
size_t statmodel_size(const struct statmodel *sm, size_t g);

/* Non-missing values of metric j in group g, into out; returns how many. */
size_t statmodel_values(const struct statmodel *sm, size_t g, size_t j, double *out);

/* Group g's pooled count and tokens of metric j (after the build). */
void statmodel_pooled(const struct statmodel *sm, size_t g, size_t j, double *count,
		      double *tokens);

/*
 * Group g's article-level sums of metric j (articles with a count): what
 * the HC1 interval, the dispersion and the rate ratio's test need. Kept
 * from the build, so the rows may be dropped. Borrowed.
 */
const struct stats_rate_sums *statmodel_rate_sums(const struct statmodel *sm, size_t g, size_t j);

/* Group g's values of metric j, sorted (after statmodel_groups). */
const double *statmodel_sorted(const struct statmodel *sm, size_t g, size_t j);

/*
 * The permutation chi-square of groups x categories (resample.h) of the
 * ncats categories cats[] (indices into the table's categories), on the
 * matches (out[0], why[0]) and the own-voice matches (out[1], why[1]),
 * from the same relabellings, with the model's seed and permutations.
 */
void statmodel_chisq(const struct statmodel *sm, const size_t *cats, size_t ncats,
		     struct stats_chisq_perm *out, const char **why);

/*
 * The numbers of one side of a pair for metric j: group g, or with
 * rest_of set, the rest of the corpus without group g.
 */
struct statmodel_side {
	const char *name;
	const struct stats_moments *mom;
	const struct stats_rate_sums *sums;
	double count, tokens;	/* pooled */
};
void statmodel_side(const struct statmodel *sm, size_t g, int rest_of, size_t j,
		    struct statmodel_side *s);

/* Whether metric j is an index (not a count: no rate, no pooled numbers). */
int statmodel_is_index(const struct statmodel *sm, size_t j);
/*
 * Whether metric j is a C_wrate: weighted matches per 1,000 tokens, a
 * rate whose "count" is the weighted score, not a count of matches.
 */
int statmodel_is_wrate(const struct statmodel *sm, size_t j);

#endif
