#ifndef RESAMPLE_H
#define RESAMPLE_H

#include <stddef.h>

/*
 * Resampling for framing with GSL's random numbers: the bootstrap and the
 * permutation test, each over m metrics at once. The names keep the
 * stats_ prefix of the statistics family (stats.h gives stats_seed, and
 * stats_init must have been called once). The same seed always gives the
 * same numbers. Bad data never makes them print or exit: a metric without
 * a result gets NAN and a reason. They exit through die() only when memory
 * runs out, or when GSL's taus2 is not the generator the inline copy was
 * written for (checked at every seeding), rather than give other numbers.
 *
 * Arrays are borrowed for the call.
 */

/*
 * Percentile bootstrap of the means of m metrics at once: x is n rows of m
 * values (row-major; NAN = missing, left out of that metric's mean). B
 * resamples of the n rows with replacement; lo[j], hi[j] are the 2.5 % and
 * 97.5 % quantiles (R's type 7) of metric j's resampled means. reason[j]
 * is NULL or why metric j has no interval.
 */
void stats_bootstrap_means(const double *x, size_t n, size_t m, size_t B,
			   unsigned long seed, double *lo, double *hi, const char **reason);

/*
 * The same resamples (the same seed gives the same resampled means), with
 * the BCa interval (bias-corrected and accelerated, Efron 1987) in place
 * of the percentiles: with n = 30 bursty counts it covers a little better
 * where the per-article rates are skewed (README, Methods, has the
 * measured coverage). reason[j] may also be "percentile: BCa undefined"
 * (every resampled mean on one side of the mean): then lo, hi are the
 * percentiles.
 */
void stats_bootstrap_bca(const double *x, size_t n, size_t m, size_t B, unsigned long seed,
			 double *lo, double *hi, const char **reason);

/*
 * BCa of the mean of x[0..n) (NAN left out) from B resampled means in
 * boot (sorted in place): the step stats_bootstrap_bca takes per metric,
 * for checking against R. Returns NULL or the fallback's reason.
 */
const char *stats_bca_mean(const double *x, size_t n, double *boot, size_t B, double *lo,
			   double *hi);

/*
 * Two-sided permutation p of the difference in means between the first na
 * rows of x and the other nb rows, for m metrics at once (row-major, NAN =
 * missing). When the number of distinct splits C(na+nb, na) is at most
 * shuffles, every split is enumerated and p is exact; otherwise shuffles
 * random relabellings give p = (1 + extreme)/(1 + shuffles). A split is
 * extreme when |diff| >= |observed diff| (with a relative tolerance of
 * 1e-9 for rounding). *exact tells which was used.
 */
void stats_permutation(const double *x, size_t na, size_t nb, size_t m, size_t shuffles,
		       unsigned long seed, double *p, const char **reason, int *exact);

/*
 * Permutation test of independence of groups x categories that relabels
 * whole articles: x is n rows of C counts (row-major; NAN counts as 0),
 * the first size[0] rows of group 0, the next size[1] of group 1 and so
 * on (G groups). The statistic is Pearson's X^2 of the pooled G x C table
 * (cells of a group or category without matches left out, as
 * stats_chisq does). Relabelling keeps the group sizes, and each
 * article's counts travel together, so bursts of matches within an article
 * do not count as evidence. When the distinct relabellings (n! / prod
 * size[g]!) are at most shuffles, every one is enumerated and p = share
 * with X^2 >= observed; otherwise shuffles random relabellings give
 * p = (1 + extreme) / (1 + shuffles), in chunks of a fixed size with
 * streams of their own (seed, seed + 1, ...) run by up to jobs threads,
 * the same numbers for any jobs. ">=" has a relative tolerance of 1e-9
 * for rounding.
 */
struct stats_chisq_perm {
	double statistic;	/* observed X^2 */
	double p;
	double count;		/* relabellings scored (all of them when exact) */
	int exact;
};
const char *stats_permutation_chisq(const double *x, const size_t *size, size_t G, size_t C,
				    size_t shuffles, unsigned long seed, size_t jobs,
				    struct stats_chisq_perm *out);

/*
 * The same for ntab tables at once, from the same relabellings: row i of
 * x holds table 0's C counts, then table 1's, ... (ntab C values). out[t]
 * and why[t] (NULL or the reason table t has no p) per table.
 */
void stats_permutation_chisq_tables(const double *x, const size_t *size, size_t G, size_t C,
				    size_t ntab, size_t shuffles, unsigned long seed,
				    size_t jobs, struct stats_chisq_perm *out, const char **why);

#endif
