#ifndef STATS_H
#define STATS_H

#include <stddef.h>

/*
 * Statistical tests and summaries for framing, all computed with GSL
 * (resampling is in resample.h). Only stats and resample include GSL
 * headers. Bad data never makes them print or exit: functions that can
 * fail on degenerate data return NULL when the result is valid, or a
 * short reason ("one article", "zero variance") when it is not; the
 * outputs are then NAN, which the writers print as NA. The only exit is
 * xmalloc's die() when memory runs out, as everywhere in framing.
 *
 * Intervals are two-sided at 95 %. Arrays are borrowed for the call.
 */

/* Turns GSL's abort-on-error handler off; call once before anything else. */
void stats_init(void);

/* Per-article summary of one metric. */
struct stats_summary {
	size_t n;
	double mean, sd;
	double mean_lo, mean_hi;	/* t-interval: mean +- qt(.975, n-1) sd/sqrt(n) */
	double median;
};

/* Sorts x[0..n) ascending (GSL's sort), as the *_sorted functions want it. */
void stats_sort(double *x, size_t n);

/* Mean of x[0..n); NAN when n is 0. */
double stats_mean(const double *x, size_t n);

/* Fills s from x[0..n); x is not changed. Reason when sd or the interval is NA. */
const char *stats_summary(const double *x, size_t n, struct stats_summary *s);

/* The same, with sorted the values of x sorted ascending (for the median). */
const char *stats_summary_sorted(const double *x, const double *sorted, size_t n,
				 struct stats_summary *s);

/*
 * Mean and sample variance (n - 1) of one group, computed once and shared
 * by every test of the group against another: var is NAN below 2 values,
 * mean NAN for none. The *_moments functions below give the same numbers
 * as their array forms.
 */
struct stats_moments {
	size_t n;
	double mean, var;
};
void stats_moments(const double *x, size_t n, struct stats_moments *mo);

/*
 * Exact Poisson interval for a rate count/exposure (chi-square quantiles,
 * as R's poisson.test): lo = qchisq(.025, 2x)/2/T, hi = qchisq(.975, 2x+2)/2/T.
 */
const char *stats_poisson_ci(double count, double exposure, double *lo, double *hi);

/*
 * Article-level (HC1) inference on a pooled rate. Lexicon matches are
 * bursty, so the Poisson interval above, which treats every token as
 * independent, is far too narrow; these treat the article as the unit.
 * For one group's articles with matches x_i and tokens t_i (any unit),
 * X = sum x_i, T = sum t_i, R = X / T, the sums below are
 * ss = sum (x_i - R t_i)^2 and pearson = sum (x_i - R t_i)^2 / (R t_i).
 */
struct stats_rate_sums {
	size_t n;		/* articles */
	double count, tokens;	/* X and T */
	double ss, pearson;
};

/*
 * Adds one article to s, whose count and tokens must already hold the
 * group's totals (the residuals need the pooled rate): a caller that
 * streams articles pools first, then adds each article.
 */
void stats_rate_sums_add(struct stats_rate_sums *s, double x, double t);

/* The sums of n articles x[i] matches in t[i] tokens, two passes. */
void stats_rate_sums(const double *x, const double *t, size_t n, struct stats_rate_sums *s);

/*
 * Rate R = X / T with the HC1 interval R exp(+- qt(.975, n - 1) SE),
 * SE(log R) = sqrt(n / (n - 1) ss) / X, as R's
 * sqrt(sandwich::vcovHC(glm(x ~ 1, offset = log(t), family = poisson), type = "HC1")),
 * and the Pearson dispersion phi = pearson / (n - 1). With no tokens
 * everything is NAN; with no matches or one article the rate is given but
 * se, lo, hi (and phi) are NAN and the reason says why, so that a caller
 * can fall back to the exact Poisson interval.
 */
struct stats_rate {
	double rate, se, lo, hi, dispersion;
};
const char *stats_rate_hc1(const struct stats_rate_sums *s, struct stats_rate *r);

/*
 * Share S = Y / X of matches (count Y of tokens X in s: for each article
 * with x_i > 0 matches of a category, y_i of them of one kind; the sums
 * made with stats_rate_sums_add(s, y_i, x_i)), with an interval that
 * holds when matches cluster in articles: the ratio estimator's
 * article-level HC1 standard error SE = sqrt(n / (n - 1) ss) / X, as R's
 * sqrt(sandwich::vcovHC(lm(y ~ 0 + x, weights = 1 / x), type = "HC1")),
 * turned into an interval on the logit scale,
 * plogis(qlogis(S) +- qt(.975, n - 1) SE / (S (1 - S))), which stays in
 * (0, 1). r->rate is S, r->se the SE; dispersion is NAN. With a share
 * of 0 or 1, or one article, lo and hi are NAN and the reason says why.
 */
const char *stats_share_hc1(const struct stats_rate_sums *s, struct stats_rate *r);

/*
 * Rate ratio RR = R_a / R_b with the article-level (HC1) Wald interval and
 * test, each group with its own HC1 variance V_g = n_g / (n_g - 1) ss_g / X_g^2
 * (as sandwich::vcovHC(glm(x ~ 1, offset = log(t), family = poisson), "HC1")
 * of that group alone), Var(log RR) = V_a + V_b, and the Welch-Satterthwaite
 * df = (V_a + V_b)^2 / (V_a^2 / (n_a - 1) + V_b^2 / (n_b - 1)):
 * interval RR exp(+- qt(.975, df) SE), p = 2 P(T_df > |log RR| / SE).
 * NAN with a reason when a group has no matches or fewer than 2 articles.
 */
struct stats_rr {
	double rr, se, lo, hi, p, df;
};
const char *stats_rate_ratio_hc1(const struct stats_rate_sums *a,
				 const struct stats_rate_sums *b, struct stats_rr *r);

/* Welch's two-sample t-test, as R's t.test(a, b). */
struct stats_welch {
	double t, df, p;
};
const char *stats_welch(const double *a, size_t na, const double *b, size_t nb,
			struct stats_welch *w);
const char *stats_welch_moments(const struct stats_moments *a, const struct stats_moments *b,
				struct stats_welch *w);

/*
 * Mann-Whitney U (R's W: rank sum of a minus na(na+1)/2) and two-sided p.
 * As R's wilcox.test(a, b): exact when na < 50, nb < 50 and there are no
 * ties; otherwise the normal approximation with tie and continuity
 * correction (correct = TRUE). *exact says which was used.
 */
struct stats_mw {
	double u, p;
	int exact;
};
const char *stats_mann_whitney(const double *a, size_t na, const double *b, size_t nb,
			       struct stats_mw *mw);

/*
 * The same for a and b already sorted ascending: the ranks come from
 * merging the two, so a caller comparing many pairs sorts each group once.
 */
const char *stats_mann_whitney_sorted(const double *a, size_t na, const double *b, size_t nb,
				      struct stats_mw *mw);

/* Cohen's d with the pooled standard deviation. */
const char *stats_cohens_d(const double *a, size_t na, const double *b, size_t nb, double *d);
const char *stats_cohens_d_moments(const struct stats_moments *a,
				   const struct stats_moments *b, double *d);

/*
 * Rate ratio (xa/ta)/(xb/tb) with the exact conditional interval: given
 * xa + xb, xa is binomial with p = ra ta/(ra ta + rb tb); the Clopper-Pearson
 * interval of p is mapped by p/(1-p) tb/ta (as R's poisson.test(c(xa,xb), c(ta,tb))).
 */
const char *stats_rate_ratio(double xa, double ta, double xb, double tb,
			     double *rr, double *lo, double *hi);

/*
 * The exact conditional test of the rate ratio being 1, two-sided, as
 * R's poisson.test(c(xa, xb), c(ta, tb))$p.value (binom.test of xa in
 * xa + xb with p = ta / (ta + tb)).
 */
const char *stats_rate_ratio_exact_p(double xa, double ta, double xb, double tb, double *p);

/*
 * Kruskal-Wallis over k groups: x[i] belongs to group g[i] (< k). Groups
 * without values are left out; df is the number of groups with values - 1.
 */
struct stats_test {
	double statistic, df, p;
	double cramers_v;	/* chi-square only */
};
const char *stats_kruskal(const double *x, const size_t *g, size_t n, size_t k,
			  struct stats_test *t);

/* The same with the values of group g in x[g][0..n[g]), sorted ascending. */
const char *stats_kruskal_sorted(const double *const *x, const size_t *n, size_t k,
				 struct stats_test *t);

/*
 * Pearson's chi-square test of independence on a rows x cols table of
 * counts (row-major), as R's chisq.test(m) for tables larger than 2x2
 * (no continuity correction is applied to any size here). Rows and columns
 * with a zero total are left out first; *dropped counts them.
 */
const char *stats_chisq(const double *table, size_t rows, size_t cols,
			struct stats_test *t, size_t *dropped);

/* Holm's step-down adjustment, as R's p.adjust(p, "holm"); NAN stays NAN and is not counted. */
void stats_holm(const double *p, size_t n, double *adj);

/*
 * Seed for one named computation (a bootstrap or permutation of
 * resample.h): the same seed and names always give the same stream,
 * whatever else is in the table, so adding a group or a metric does not
 * change the numbers of the others.
 */
unsigned long stats_seed(unsigned long seed, const char *name_a, const char *name_b);

/*
 * Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi &
 * Quinn 2008, eq. 22 and 24) for one term: y_i of n_i tokens in the group,
 * y_j of n_j in the rest, prior alpha_w = alpha0 * corpus share of the
 * term. delta = log((y_i+a_w)/(n_i+a_0-y_i-a_w)) - log((y_j+a_w)/(n_j+a_0-y_j-a_w)),
 * var = 1/(y_i+a_w) + 1/(y_j+a_w), z = delta/sqrt(var).
 */
const char *stats_log_odds(double y_i, double n_i, double y_j, double n_j,
			   double alpha_w, double alpha0, double *delta, double *z);

/*
 * Two-sample Kolmogorov-Smirnov test, as R's ks.test(a, b) (two-sided),
 * a and b sorted ascending: D = max |F_a - F_b| over the values of both.
 * p is exact when na nb < 10000, counting the monotone lattice paths
 * that stay below D (R's psmirnov, which handles ties by checking only
 * between distinct values); otherwise the limiting Kolmogorov
 * distribution of sqrt(na nb / (na + nb)) D (R's pkstwo, tolerance 1e-6).
 */
struct stats_ks {
	double d, p;
	int exact;
};
const char *stats_ks_sorted(const double *a, size_t na, const double *b, size_t nb,
			    struct stats_ks *ks);

/*
 * A group against the rest of the sample without building the rest:
 * a (na values, sorted) is part of all (n values, sorted, the whole
 * sample), and the rest is all minus a. The results are those of
 * stats_mann_whitney_sorted and stats_ks_sorted on a and the rest; the
 * cost is na log n, not n. ties is stats_ties(all, n), the same for
 * every group of the sample.
 */
double stats_ties(const double *all, size_t n);
const char *stats_mann_whitney_rest(const double *a, size_t na, const double *all, size_t n,
				    double ties, struct stats_mw *mw);
const char *stats_ks_rest(const double *a, size_t na, const double *all, size_t n,
			  struct stats_ks *ks);

/*
 * stats_mann_whitney_sorted of a and b by searching b for a's values:
 * na log nb rather than na + nb, for a small group against a large one
 * compared many times (the reference group). ties_b is stats_ties(b, nb).
 */
const char *stats_mann_whitney_search(const double *a, size_t na, const double *b, size_t nb,
				      double ties_b, struct stats_mw *mw);

#endif
