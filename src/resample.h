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

#endif
