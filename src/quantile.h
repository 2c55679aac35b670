#ifndef QUANTILE_H
#define QUANTILE_H

/*
 * Quantiles of the chi-square, gamma, beta and t distributions that never
 * fail on valid arguments. GSL 2.7.1's gsl_cdf_chisq_Pinv returns NaN for
 * many counts (the first at qchisq(0.975, 2 * 1159 + 2)) and its
 * gsl_cdf_beta_Pinv returns NaN for qbeta(0.025, 2184, 780) and does not
 * return for minutes with a million counts. Here every quantile is the
 * root of CDF(x) - p (of the upper tail Q(x) - (1 - p) when p > 0.5, which
 * keeps its digits), found with GSL's Brent solver on a bracket that is
 * widened until it holds the root. Agrees with R's qchisq, qgamma, qbeta
 * and qt to about 1e-10 relative for shapes and sizes up to 1e7 (see
 * tests/unit/test_stats.c). Only stats code calls these.
 *
 * Arguments out of range (p outside [0, 1], a shape or df not positive)
 * give NAN, as does a CDF that itself fails; p = 0 and 1 give the ends of
 * the support.
 */

/* Quantile of the gamma distribution with shape a and scale 1 (R's qgamma(p, a)). */
double quantile_gamma(double p, double a);

/* Quantile of the chi-square distribution with df degrees of freedom (R's qchisq). */
double quantile_chisq(double p, double df);

/*
 * Quantile x of the beta distribution (R's qbeta(p, a, b)), and 1 - x
 * computed without cancellation in *xc (may be NULL): the Clopper-Pearson
 * odds x / (1 - x) need both when x is near 1.
 */
double quantile_beta(double p, double a, double b, double *xc);

/* Quantile of Student's t with df degrees of freedom (R's qt(p, df)). */
double quantile_t(double p, double df);

#endif
