/*
 * Unit tests for the stats module: every number is checked against R
 * (4.2.2) to 6 significant digits. The R command and its output sit next
 * to each expected value.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "quantile.h"
#include "resample.h"
#include "results.h"
#include "stats.h"
#include "test_rand.h"

/* R:  x <- c(1.2, 3.4, 2.2, 5.1, 4.4); y <- c(6.3, 2.8, 7.7, 5.9) */
static const double X[] = { 1.2, 3.4, 2.2, 5.1, 4.4 };
static const double Y[] = { 6.3, 2.8, 7.7, 5.9 };

#define close_to(actual, expected) close_to_(actual, expected, __FILE__, __LINE__)

/* Equal to 6 significant digits (relative error below 1e-6). */
static void close_to_(double actual, double expected, const char *file, int line)
{
	double tol = 1e-6 * fabs(expected) + 1e-12;
	if (!(fabs(actual - expected) <= tol))
		_fail(file, line), fprintf(stderr, "got %.10g, R says %.10g\n", actual, expected);
}

static int setup(void **state)
{
	(void)state;
	stats_init();
	return 0;
}

static void test_summary_matches_r(void **state)
{
	struct stats_summary s;
	(void)state;
	assert_null(stats_summary(X, 5, &s));
	/* R: c(mean(x), sd(x), median(x))  ->  3.260000000 1.586820721 3.400000000 */
	close_to(s.mean, 3.26);
	close_to(s.sd, 1.586820721);
	close_to(s.median, 3.4);
	/* R: t.test(x)$conf.int  ->  1.289701839 5.230298161 */
	close_to(s.mean_lo, 1.289701839);
	close_to(s.mean_hi, 5.230298161);
	/* R: median(y)  ->  6.1 (even count: mean of the middle two) */
	assert_null(stats_summary(Y, 4, &s));
	close_to(s.median, 6.1);
}

static void test_summary_degenerate_is_na_with_reason(void **state)
{
	struct stats_summary s;
	const double one[] = { 4.5 }, same[] = { 2, 2, 2 };
	(void)state;
	assert_string_equal(stats_summary(one, 1, &s), "one article");
	close_to(s.mean, 4.5);
	assert_true(isnan(s.sd) && isnan(s.mean_lo) && isnan(s.mean_hi));
	assert_string_equal(stats_summary(same, 3, &s), "zero variance");
	assert_true(s.sd == 0 && isnan(s.mean_lo));
	assert_string_equal(stats_summary(NULL, 0, &s), "no values");
	assert_true(isnan(s.mean) && isnan(s.median));
}

static void test_welch_matches_r(void **state)
{
	struct stats_welch w;
	(void)state;
	assert_null(stats_welch(X, 5, Y, 4, &w));
	/* R: tt <- t.test(x, y); c(tt$statistic, tt$parameter, tt$p.value)
	 *    ->  -1.9268327404  5.5690842545  0.1060338237 */
	close_to(w.t, -1.9268327404);
	close_to(w.df, 5.5690842545);
	close_to(w.p, 0.1060338237);
}

static void test_welch_one_constant_group(void **state)
{
	struct stats_welch w;
	const double z[] = { 2, 2, 2 }, q[] = { 1, 3, 5.5 };
	(void)state;
	assert_null(stats_welch(z, 3, q, 3, &w));
	/* R: t.test(c(2,2,2), c(1,3,5.5))  ->  t -0.8962581595, df 2, p 0.4646966210 */
	close_to(w.t, -0.8962581595);
	close_to(w.df, 2);
	close_to(w.p, 0.4646966210);
}

static void test_welch_degenerate(void **state)
{
	struct stats_welch w;
	const double z[] = { 2, 2, 2 }, one[] = { 1 };
	(void)state;
	/* R: t.test(c(2,2,2), c(2,2))  ->  error "data are essentially constant" */
	assert_string_equal(stats_welch(z, 3, z, 2, &w), "zero variance");
	assert_true(isnan(w.t) && isnan(w.df) && isnan(w.p));
	/* R: t.test(x, 1)  ->  error "not enough 'y' observations" */
	assert_string_equal(stats_welch(X, 5, one, 1, &w), "fewer than 2 articles");
}

static void test_mann_whitney_exact_matches_r(void **state)
{
	struct stats_mw mw;
	const double x3[] = { 0.5, 8.25, 9.5, 10.75, 11 }, y3[] = { 1, 1.5, 2.75, 3.5, 4, 12.5 };
	(void)state;
	assert_null(stats_mann_whitney(X, 5, Y, 4, &mw));
	/* R: wilcox.test(x, y, exact = TRUE)  ->  W 3, p 0.1111111111 */
	assert_int_equal(mw.exact, 1);
	close_to(mw.u, 3);
	close_to(mw.p, 0.1111111111);
	/* R: wilcox.test(c(0.5,8.25,9.5,10.75,11), c(1,1.5,2.75,3.5,4,12.5), exact = TRUE)
	 *    ->  W 20, p 0.4285714286 (upper tail) */
	assert_null(stats_mann_whitney(x3, 5, y3, 6, &mw));
	close_to(mw.u, 20);
	close_to(mw.p, 0.4285714286);
}

static void test_mann_whitney_ties_matches_r(void **state)
{
	struct stats_mw mw;
	const double x2[] = { 1, 2, 2, 3, 5 }, y2[] = { 2, 3, 4, 4, 6, 7 };
	(void)state;
	assert_null(stats_mann_whitney(x2, 5, y2, 6, &mw));
	/* R: wilcox.test(c(1,2,2,3,5), c(2,3,4,4,6,7), exact = FALSE, correct = TRUE)
	 *    ->  W 6.5, p 0.1386258799 */
	assert_int_equal(mw.exact, 0);
	close_to(mw.u, 6.5);
	close_to(mw.p, 0.1386258799);
}

static void test_mann_whitney_large_is_normal(void **state)
{
	double u[60], v[55];
	struct stats_mw mw;
	size_t i;
	(void)state;
	for (i = 0; i < 60; i++)
		u[i] = (double)(i + 1) * 0.37;
	for (i = 0; i < 55; i++)
		v[i] = (double)(i + 1) * 0.41 + 0.001;
	/* R: u <- (1:60) * 0.37; v <- (1:55) * 0.41 + 0.001; wilcox.test(u, v)
	 *    (no ties, but 50 or more: normal with continuity correction)
	 *    ->  W 1621, p 0.8732203124 */
	assert_null(stats_mann_whitney(u, 60, v, 55, &mw));
	assert_int_equal(mw.exact, 0);
	close_to(mw.u, 1621);
	close_to(mw.p, 0.8732203124);
}

static void test_cohens_d(void **state)
{
	double d;
	const double z[] = { 2, 2 }, one[] = { 1 };
	(void)state;
	/* R: (mean(x)-mean(y))/sqrt(((5-1)*var(x)+(4-1)*var(y))/(5+4-2))  ->  -1.335804464 */
	assert_null(stats_cohens_d(X, 5, Y, 4, &d));
	close_to(d, -1.335804464);
	assert_string_equal(stats_cohens_d(z, 2, z, 2, &d), "zero variance");
	assert_true(isnan(d));
	assert_string_equal(stats_cohens_d(X, 5, one, 1, &d), "fewer than 2 articles");
}

static void test_poisson_ci_matches_r(void **state)
{
	double lo, hi;
	(void)state;
	/* R: poisson.test(14, 1470)$conf.int * 1000  ->  5.20675529 15.97933410 */
	assert_null(stats_poisson_ci(14, 1470, &lo, &hi));
	close_to(lo * 1000, 5.20675529);
	close_to(hi * 1000, 15.97933410);
	/* R: poisson.test(0, 350)$conf.int * 1000  ->  0.00000000 10.53965558 */
	assert_null(stats_poisson_ci(0, 350, &lo, &hi));
	assert_true(lo == 0);
	close_to(hi * 1000, 10.53965558);
	assert_string_equal(stats_poisson_ci(3, 0, &lo, &hi), "no tokens");
	assert_true(isnan(lo) && isnan(hi));
}

static void test_rate_ratio_matches_r(void **state)
{
	double rr, lo, hi;
	(void)state;
	/* R: pt <- poisson.test(c(14, 10), c(1470, 740)); c(pt$estimate, pt$conf.int)
	 *    ->  0.7047619048 0.2911467929 1.7734344900
	 * R: b <- binom.test(14, 24)$conf.int; b / (1 - b) * 740 / 1470
	 *    ->  0.2911467929 1.7734344900 (the same, through the binomial) */
	assert_null(stats_rate_ratio(14, 1470, 10, 740, &rr, &lo, &hi));
	close_to(rr, 0.7047619048);
	close_to(lo, 0.2911467929);
	close_to(hi, 1.7734344900);
	/* R: poisson.test(c(0, 4), c(740, 350))  ->  0, [0, 0.7164910821] */
	assert_null(stats_rate_ratio(0, 740, 4, 350, &rr, &lo, &hi));
	assert_true(rr == 0 && lo == 0);
	close_to(hi, 0.7164910821);
	assert_string_equal(stats_rate_ratio(3, 100, 0, 100, &rr, &lo, &hi),
			    "no matches in group b");
	assert_true(isnan(rr) && isnan(lo) && isnan(hi));
	assert_string_equal(stats_rate_ratio(0, 100, 0, 100, &rr, &lo, &hi),
			    "no matches in either group");
}


/*
 * Quantiles against R for counts and sizes from 0 to 1e7: the chi-square
 * ones of the exact Poisson interval (2x and 2x + 2 df), the beta ones of
 * the Clopper-Pearson interval of a rate ratio (x, n - x + 1 and x + 1,
 * n - x), and t. GSL 2.7.1's own _Pinv gives NaN for
 * gsl_cdf_chisq_Pinv(0.975, 2 * 1159 + 2) and gsl_cdf_beta_Pinv(0.025,
 * 2184, 780) and does not return for the beta ones with a million counts.
 * Values printed by R with sprintf("%.17g").
 */
struct qcase {
	char dist;
	double p, a, b, r;
};

static const struct qcase QCASES[] = {
	{ 'c', 0.975, 2, 0, 7.3777589082278707 },	/* qchisq(0.975, 2*0+2) */
	{ 'c', 0.025, 2, 0, 0.050635615968579753 },	/* qchisq(0.025, 2*1) */
	{ 'c', 0.975, 4, 0, 11.143286781877798 },	/* qchisq(0.975, 2*1+2) */
	{ 'c', 0.025, 4, 0, 0.48441855708792975 },	/* qchisq(0.025, 2*2) */
	{ 'c', 0.975, 6, 0, 14.449375335447916 },	/* qchisq(0.975, 2*2+2) */
	{ 'c', 0.025, 20, 0, 9.5907773922648669 },	/* qchisq(0.025, 2*10) */
	{ 'c', 0.975, 22, 0, 36.780712084035557 },	/* qchisq(0.975, 2*10+2) */
	{ 'c', 0.025, 200, 0, 162.7279825018463 },	/* qchisq(0.025, 2*100) */
	{ 'c', 0.975, 202, 0, 243.25358758485274 },	/* qchisq(0.975, 2*100+2) */
	{ 'c', 0.025, 2316, 0, 2184.5115000199698 },	/* qchisq(0.025, 2*1158) */
	{ 'c', 0.975, 2318, 0, 2453.3344646652317 },	/* qchisq(0.975, 2*1158+2) */
	{ 'c', 0.025, 2318, 0, 2186.4539119944257 },	/* qchisq(0.025, 2*1159) */
	{ 'c', 0.975, 2320, 0, 2455.3920280514003 },	/* qchisq(0.975, 2*1159+2) */
	{ 'c', 0.025, 2320, 0, 2188.396348810993 },	/* qchisq(0.025, 2*1160) */
	{ 'c', 0.975, 2322, 0, 2457.4495666272287 },	/* qchisq(0.975, 2*1160+2) */
	{ 'c', 0.025, 10000, 0, 9724.7183773897978 },	/* qchisq(0.025, 2*5000) */
	{ 'c', 0.975, 10002, 0, 10281.097897070009 },	/* qchisq(0.975, 2*5000+2) */
	{ 'c', 0.025, 24690, 0, 24256.361815798158 },	/* qchisq(0.025, 2*12345) */
	{ 'c', 0.975, 24692, 0, 25129.444413826666 },	/* qchisq(0.975, 2*12345+2) */
	{ 'c', 0.025, 200000, 0, 198762.30532748945 },	/* qchisq(0.025, 2*100000) */
	{ 'c', 0.975, 200002, 0, 201243.48947948776 },	/* qchisq(0.975, 2*100000+2) */
	{ 'c', 0.025, 2000000, 0, 1996081.9666805877 },	/* qchisq(0.025, 2*1000000) */
	{ 'c', 0.975, 2000002, 0, 2003923.8238908644 },	/* qchisq(0.975, 2*1000000+2) */
	{ 'c', 0.025, 6000000, 0, 5993212.3800999429 },	/* qchisq(0.025, 2*3000000) */
	{ 'c', 0.975, 6000002, 0, 6006793.4096433129 },	/* qchisq(0.975, 2*3000000+2) */
	{ 'c', 0.025, 20000000, 0, 19987605.993768536 },	/* qchisq(0.025, 2*10000000) */
	{ 'c', 0.975, 20000002, 0, 20012399.795462996 },	/* qchisq(0.975, 2*10000000+2) */
	{ 'b', 0.975, 1, 5, 0.52182375010498139 },	/* qbeta(0.975, 1, 5) */
	{ 'b', 0.025, 1, 1, 0.025000000000000001 },	/* qbeta(0.025, 1, 1) */
	{ 'b', 0.025, 3, 8, 0.066739511177734467 },	/* qbeta(0.025, 3, 8) */
	{ 'b', 0.975, 4, 7, 0.65245285005999731 },	/* qbeta(0.975, 4, 7) */
	{ 'b', 0.025, 2184, 781, 0.72059189857322425 },	/* qbeta(0.025, 2184, 781) */
	{ 'b', 0.975, 2185, 780, 0.75262349954968621 },	/* qbeta(0.975, 2185, 780) */
	{ 'b', 0.025, 1159, 10001, 0.098260962221136602 },	/* qbeta(0.025, 1159, 10001) */
	{ 'b', 0.975, 1160, 10000, 0.10967135909597336 },	/* qbeta(0.975, 1160, 10000) */
	{ 'b', 0.025, 100000, 100001, 0.49780620694608491 },	/* qbeta(0.025, 100000, 100001) */
	{ 'b', 0.975, 100001, 100000, 0.50219379305391509 },	/* qbeta(0.975, 100001, 100000) */
	{ 'b', 0.025, 1000000, 3000001, 0.24957571142002871 },	/* qbeta(0.025, 1000000, 3000001) */
	{ 'b', 0.975, 1000001, 3000000, 0.25042465050950258 },	/* qbeta(0.975, 1000001, 3000000) */
	{ 'b', 0.025, 10000000, 1000001, 0.90892086938113315 },	/* qbeta(0.025, 10000000, 1000001) */
	{ 'b', 0.975, 10000001, 1000000, 0.90926073344532543 },	/* qbeta(0.975, 10000001, 1000000) */
	{ 'b', 0.025, 10000000, 10000001, 0.49978084437812087 },	/* qbeta(0.025, 10000000, 10000001) */
	{ 'b', 0.975, 10000001, 10000000, 0.50021915562187913 },	/* qbeta(0.975, 10000001, 10000000) */
	{ 'b', 0.025, 5, 10000001, 1.6234857712873532e-07 },	/* qbeta(0.025, 5, 10000001) */
	{ 'b', 0.975, 6, 10000000, 1.166832235474821e-06 },	/* qbeta(0.975, 6, 10000000) */
	{ 'b', 0.025, 10000000, 4, 0.99999912327320883 },	/* qbeta(0.025, 10000000, 4) */
	{ 'b', 0.975, 10000001, 3, 0.99999993813280197 },	/* qbeta(0.975, 10000001, 3) */
	{ 'b', 0.025, 2184, 780, 0.72084233882605897 },	/* qbeta(0.025, 2184, 780) */
	{ 't', 0.025, 1, 0, -12.706204736174707 },	/* qt(0.025, 1) */
	{ 't', 0.975, 1, 0, 12.706204736174694 },	/* qt(0.975, 1) */
	{ 't', 0.025, 2, 0, -4.3026527297494637 },	/* qt(0.025, 2) */
	{ 't', 0.975, 2, 0, 4.3026527297494619 },	/* qt(0.975, 2) */
	{ 't', 0.025, 3, 0, -3.1824463052837091 },	/* qt(0.025, 3) */
	{ 't', 0.975, 3, 0, 3.1824463052837078 },	/* qt(0.975, 3) */
	{ 't', 0.025, 7, 0, -2.3646242515927844 },	/* qt(0.025, 7) */
	{ 't', 0.975, 7, 0, 2.3646242515927844 },	/* qt(0.975, 7) */
	{ 't', 0.025, 29, 0, -2.0452296421327039 },	/* qt(0.025, 29) */
	{ 't', 0.975, 29, 0, 2.0452296421327034 },	/* qt(0.975, 29) */
	{ 't', 0.025, 100, 0, -1.983971518523552 },	/* qt(0.025, 100) */
	{ 't', 0.975, 100, 0, 1.9839715185235516 },	/* qt(0.975, 100) */
	{ 't', 0.025, 1000, 0, -1.9623390808264078 },	/* qt(0.025, 1000) */
	{ 't', 0.975, 1000, 0, 1.9623390808264076 },	/* qt(0.975, 1000) */
	{ 't', 0.025, 100000, 0, -1.959987707534609 },	/* qt(0.025, 100000) */
	{ 't', 0.975, 100000, 0, 1.9599877075346088 },	/* qt(0.975, 100000) */
	{ 't', 0.025, 10000000, 0, -1.9599642217672053 },	/* qt(0.025, 10000000) */
	{ 't', 0.975, 10000000, 0, 1.9599642217672049 },	/* qt(0.975, 10000000) */

};

static void test_quantiles_match_r(void **state)
{
	size_t i, bad = 0;
	(void)state;
	for (i = 0; i < sizeof(QCASES) / sizeof(QCASES[0]); i++) {
		const struct qcase *c = &QCASES[i];
		double q = c->dist == 'c' ? quantile_chisq(c->p, c->a)
			 : c->dist == 'b' ? quantile_beta(c->p, c->a, c->b, NULL)
			 : quantile_t(c->p, c->a);
		/* 2e-10: qbeta(0.975, 1, 1e7) is off by 1.05e-10, the rest by < 1e-10. */
		if (!(fabs(q - c->r) <= 2e-10 * fabs(c->r))) {
			fprintf(stderr, "%c(%g, %g, %g): got %.17g, R says %.17g\n", c->dist, c->p,
				c->a, c->b, q, c->r);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

static void test_quantile_edges(void **state)
{
	double xc;
	(void)state;
	assert_true(quantile_chisq(0, 4) == 0);
	assert_true(isinf(quantile_chisq(1, 4)));
	assert_true(isnan(quantile_chisq(0.5, 0)));
	assert_true(isnan(quantile_chisq(-0.1, 4)));
	assert_true(isnan(quantile_beta(0.5, 0, 3, NULL)));
	assert_true(isnan(quantile_t(0.5, 0)));
	assert_true(quantile_t(0.5, 3) == 0);
	/* 1 - x keeps its digits near 1: R: qbeta(0.975, 1e7, 7) -> 0.99999971856381886,
	 * and 1 - x is qbeta(0.025, 7, 1e7) -> 2.8143618111795884e-07 */
	assert_true(fabs(quantile_beta(0.975, 1e7, 7, &xc) - 0.99999971856381886) < 1e-15);
	assert_true(fabs(xc - 2.8143618111795884e-07) <= 2e-10 * 2.8143618111795884e-07);
	/* Beyond the series, Wilson-Hilferty. R: qchisq(0.975, 2e12) -> 2000003919929.8633 */
	assert_true(fabs(quantile_chisq(0.975, 2e12) / 2000003919929.8633 - 1) < 1e-14);
}

/*
 * Article-level (HC1) rate and rate ratio on data with zeros. R:
 *   xa <- c(0,3,0,7,1,0,12,2); ta <- c(.35,.8,.2,1.9,.5,.3,1.2,.6)
 *   xb <- c(1,0,0,4,2,0); tb <- c(.4,.9,.3,1.1,.7,.25)
 */
static const double XA[] = { 0, 3, 0, 7, 1, 0, 12, 2 }, TA[] = { .35, .8, .2, 1.9, .5, .3, 1.2, .6 };
static const double XB[] = { 1, 0, 0, 4, 2, 0 }, TB[] = { .4, .9, .3, 1.1, .7, .25 };

static void test_rate_hc1_matches_r(void **state)
{
	struct stats_rate_sums s;
	struct stats_rate r;
	(void)state;
	stats_rate_sums(XA, TA, 8, &s);
	assert_null(stats_rate_hc1(&s, &r));
	/* R: m <- glm(xa ~ 1, offset = log(ta), family = poisson)
	 *    se <- sqrt(sandwich::vcovHC(m, type = "HC1"))[1]  ->  0.3167618427
	 *    R <- sum(xa)/sum(ta); R * exp(c(-1,1) * qt(.975, 7) * se)  ->  2.020634212 9.038171613
	 *    sum((xa - R*ta)^2 / (R*ta)) / 7  ->  1.967890977 */
	close_to(r.rate, 4.273504274);
	close_to(r.se, 0.3167618427);
	close_to(r.lo, 2.020634212);
	close_to(r.hi, 9.038171613);
	close_to(r.dispersion, 1.967890977);
	stats_rate_sums(XB, TB, 6, &s);
	assert_null(stats_rate_hc1(&s, &r));
	/* R: the same for xb, tb with qt(.975, 5)  ->  se 0.4314276323, 0.632650556 5.813617534,
	 *    dispersion 0.9735157699 */
	close_to(r.se, 0.4314276323);
	close_to(r.lo, 0.632650556);
	close_to(r.hi, 5.813617534);
	close_to(r.dispersion, 0.9735157699);
}

static void test_rate_hc1_degenerate(void **state)
{
	static const double zero[] = { 0, 0, 0 }, t3[] = { 1, 2, 3 }, one[] = { 5 }, t1[] = { 2 };
	struct stats_rate_sums s;
	struct stats_rate r;
	(void)state;
	/* No matches: the rate is 0, the interval is left to the exact one. */
	stats_rate_sums(zero, t3, 3, &s);
	assert_string_equal(stats_rate_hc1(&s, &r), "no matches");
	assert_true(r.rate == 0 && isnan(r.lo) && isnan(r.hi) && isnan(r.dispersion));
	stats_rate_sums(one, t1, 1, &s);
	assert_string_equal(stats_rate_hc1(&s, &r), "one article");
	assert_true(r.rate == 2.5 && isnan(r.lo));
	stats_rate_sums(one, t1, 0, &s);
	assert_string_equal(stats_rate_hc1(&s, &r), "no tokens");
	assert_true(isnan(r.rate));
}

/*
 * The share of a category's matches on one actor (targets_by_group.tsv),
 * with clustered matches: y of x matches per article. R:
 *   x <- c(3, 5, 2, 4, 1); y <- c(1, 4, 0, 2, 1)
 *   fit <- lm(y ~ 0 + x, weights = 1 / x); S <- coef(fit)        ->  0.5333333333
 *   se <- sqrt(sandwich::vcovHC(fit, type = "HC1"))[1]           ->  0.139664501
 *   plogis(qlogis(S) + c(-1, 1) * qt(.975, 4) * se / (S * (1 - S)))
 *                                                   ->  0.1939607895 0.8444264661
 */
static void test_share_hc1_matches_r(void **state)
{
	static const double x[] = { 3, 5, 2, 4, 1 }, y[] = { 1, 4, 0, 2, 1 };
	static const double none[] = { 0, 0, 0 }, all[] = { 3, 5, 2 };
	struct stats_rate_sums s;
	struct stats_rate r;
	(void)state;
	stats_rate_sums(y, x, 5, &s);
	assert_null(stats_share_hc1(&s, &r));
	close_to(r.rate, 0.5333333333);
	close_to(r.se, 0.139664501);
	close_to(r.lo, 0.1939607895);
	close_to(r.hi, 0.8444264661);
	assert_true(isnan(r.dispersion));
	/* A share of 0 or 1 has no logit: the share is given, the interval NA. */
	stats_rate_sums(none, x, 3, &s);
	assert_string_equal(stats_share_hc1(&s, &r), "share 0");
	assert_true(r.rate == 0 && isnan(r.lo) && isnan(r.hi));
	stats_rate_sums(all, all, 3, &s);
	assert_string_equal(stats_share_hc1(&s, &r), "share 1");
	assert_true(r.rate == 1 && isnan(r.lo));
	stats_rate_sums(y, x, 1, &s);
	assert_string_equal(stats_share_hc1(&s, &r), "one article");
	stats_rate_sums(y, x, 0, &s);
	assert_string_equal(stats_share_hc1(&s, &r), "no matches");
	assert_true(isnan(r.rate));
}

static void test_rate_ratio_hc1_matches_r(void **state)
{
	struct stats_rate_sums a, b, z;
	struct stats_rr r;
	static const double zero[] = { 0, 0 }, t2[] = { 1, 1 };
	(void)state;
	stats_rate_sums(XA, TA, 8, &a);
	stats_rate_sums(XB, TB, 6, &b);
	assert_null(stats_rate_ratio_hc1(&a, &b, &r));
	/* Each group its own HC1 variance, Welch-Satterthwaite df. R:
	 *    va <- sandwich::vcovHC(glm(xa ~ 1, offset = log(ta), family = poisson), type = "HC1")[1]
	 *    vb <- sandwich::vcovHC(glm(xb ~ 1, offset = log(tb), family = poisson), type = "HC1")[1]
	 *    df <- (va + vb)^2 / (va^2/7 + vb^2/5)
	 *    b <- log((sum(xa)/sum(ta))/(sum(xb)/sum(tb))); se <- sqrt(va + vb)
	 *    exp(b); se; df; exp(b + c(-1,1) * qt(.975, df) * se); 2 * pt(-abs(b/se), df)
	 *    ->  2.2283272283 0.5352269303 9.8079103051 0.6740289146 7.3668089434 0.1658560371
	 * (The pooled N/(N-2) with t(12) gave se 0.532341968, p 0.158146709.) */
	close_to(r.rr, 2.2283272283);
	close_to(r.se, 0.5352269303);
	close_to(r.df, 9.8079103051);
	close_to(r.lo, 0.6740289146);
	close_to(r.hi, 7.3668089434);
	close_to(r.p, 0.1658560371);
	stats_rate_sums(zero, t2, 2, &z);
	assert_string_equal(stats_rate_ratio_hc1(&a, &z, &r), "no matches in group b");
	assert_string_equal(stats_rate_ratio_hc1(&z, &a, &r), "no matches in group a");
	stats_rate_sums(XB, TB, 1, &z);
	assert_string_equal(stats_rate_ratio_hc1(&a, &z, &r), "one article in a group");
	assert_true(isnan(r.lo) && isnan(r.p));
}

static void test_rate_ratio_exact_p_matches_r(void **state)
{
	double p;
	(void)state;
	/* R: poisson.test(c(sum(xa), sum(xb)), c(sum(ta), sum(tb)))$p.value, that is
	 *    poisson.test(c(25, 7), c(5.85, 3.65))$p.value  ->  0.06793652766 */
	assert_null(stats_rate_ratio_exact_p(25, 5.85, 7, 3.65, &p));
	close_to(p, 0.06793652766);
	/* R: poisson.test(c(0, 9), c(2.1, 3.3))$p.value  ->  0.01496787265 */
	assert_null(stats_rate_ratio_exact_p(0, 2.1, 9, 3.3, &p));
	close_to(p, 0.01496787265);
	/* R: poisson.test(c(25, 0), c(5.85, 3.65))$p.value  ->  9.299320993e-06 */
	assert_null(stats_rate_ratio_exact_p(25, 5.85, 0, 3.65, &p));
	close_to(p, 9.299320993e-06);
	/* R: poisson.test(c(7, 7), c(1, 1))$p.value  ->  1 */
	assert_null(stats_rate_ratio_exact_p(7, 1, 7, 1, &p));
	close_to(p, 1);
	assert_string_equal(stats_rate_ratio_exact_p(0, 1, 0, 1, &p), "no matches in either group");
}

/* Writes text to a temporary file; returns its path (static buffer). */
static const char *temp_file(const char *text)
{
	static char path[] = "/tmp/test_stats_XXXXXX";
	FILE *f;
	int fd;

	memcpy(path + strlen(path) - 6, "XXXXXX", 6);
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
	return path;
}

/* results.c reads the new columns of outlets.tsv, and NAN from an older file. */
static void test_results_read_new_outlets_columns(void **state)
{
	struct res_outlets r;
	const struct res_stat *s;
	const char *path = temp_file(
		"group\tmetric\tarticles\ttokens\tcount\trate\trate_lo\trate_hi\trate_lo_poisson\t"
		"rate_hi_poisson\tdispersion\tmean\tsd\tmean_lo\tmean_hi\tmedian\tboot_lo\tboot_hi\tnote\n"
		"A\tx_rate\t4\t1470\t14\t9.5\t2.9\t31\t5.2\t15.9\t1.56\t10\t5.7\t1.2\t19.5\t12\t4.6\t14.4\t\n");
	(void)state;
	assert_int_equal(res_outlets_load(&r, path), 0);
	s = res_outlets_get(&r, 0, "x_rate");
	assert_non_null(s);
	assert_true(s->rate_lo == 2.9 && s->rate_hi == 31);
	assert_true(s->rate_lo_poisson == 5.2 && s->rate_hi_poisson == 15.9 && s->dispersion == 1.56);
	assert_true(s->mean == 10 && s->boot_hi == 14.4);
	res_outlets_release(&r);
	unlink(path);
	path = temp_file("group\tmetric\tarticles\trate\trate_lo\trate_hi\tmean\tnote\n"
			 "A\tx_rate\t4\t9.5\t5.2\t15.9\t10\t\n");
	assert_int_equal(res_outlets_load(&r, path), 0);
	s = res_outlets_get(&r, 0, "x_rate");
	assert_true(s->rate_lo == 5.2 && isnan(s->rate_lo_poisson) && isnan(s->dispersion));
	res_outlets_release(&r);
	unlink(path);
}

static void test_kruskal_matches_r(void **state)
{
	const double x[] = { 2.1, 3.3, 3.3, 4.0, 5.5, 6.1, 3.3, 1.0, 2.1 };
	const size_t g[] = { 0, 0, 0, 0, 1, 1, 1, 3, 3 };	/* group 2 is empty */
	struct stats_test t;
	(void)state;
	/* R: kruskal.test(list(c(2.1,3.3,3.3,4.0), c(5.5,6.1,3.3), c(1.0,2.1)))
	 *    ->  5.22028985507, df 2, p 0.07352388736 */
	assert_null(stats_kruskal(x, g, 9, 4, &t));
	close_to(t.statistic, 5.22028985507);
	close_to(t.df, 2);
	close_to(t.p, 0.07352388736);
	assert_string_equal(stats_kruskal(x, g, 4, 4, &t), "fewer than 2 groups");
	assert_true(isnan(t.p));
}

static void test_chisq_matches_r(void **state)
{
	/* R: m <- matrix(c(14, 8, 10, 1, 0, 4), nrow = 3) (column-major: rows are
	 * groups 14 1 / 8 0 / 10 4), plus a group without matches, left out. */
	const double m[] = { 14, 1, 8, 0, 0, 0, 10, 4 };
	const double m2[] = { 12, 7, 5, 9 };
	struct stats_test t;
	size_t dropped;
	(void)state;
	/* R: cs <- chisq.test(m, correct = FALSE)
	 *    c(cs$statistic, cs$parameter, cs$p.value, sqrt(cs$statistic/(sum(m)*(min(dim(m))-1))))
	 *    ->  4.5677380952 2 0.1018892288 0.3513579100 */
	assert_null(stats_chisq(m, 4, 2, &t, &dropped));
	assert_int_equal(dropped, 1);
	close_to(t.statistic, 4.5677380952);
	close_to(t.df, 2);
	close_to(t.p, 0.1018892288);
	close_to(t.cramers_v, 0.3513579100);
	/* R: m2 <- matrix(c(12, 5, 7, 9), nrow = 2); chisq.test(m2, correct = FALSE)
	 *    ->  2.4305755197 1 0.1189892055, V 0.2713923426 */
	assert_null(stats_chisq(m2, 2, 2, &t, &dropped));
	close_to(t.statistic, 2.4305755197);
	close_to(t.p, 0.1189892055);
	close_to(t.cramers_v, 0.2713923426);
	assert_string_equal(stats_chisq(m, 1, 2, &t, &dropped), "fewer than 2 groups with matches");
}

static void test_holm_matches_r(void **state)
{
	const double p[] = { 0.01, 0.04, 0.03, NAN, 0.2 };
	double adj[5];
	(void)state;
	/* R: p.adjust(c(0.01, 0.04, 0.03, NA, 0.2), "holm")  ->  0.04 0.09 0.09 NA 0.20 */
	stats_holm(p, 5, adj);
	close_to(adj[0], 0.04);
	close_to(adj[1], 0.09);
	close_to(adj[2], 0.09);
	assert_true(isnan(adj[3]));
	close_to(adj[4], 0.2);
}

/* x and y as one block of rows with 2 metrics: the values and their negation. */
static void perm_block(const double *a, size_t na, const double *b, size_t nb, double *rows)
{
	size_t i;
	for (i = 0; i < na + nb; i++) {
		rows[2 * i] = i < na ? a[i] : b[i - na];
		rows[2 * i + 1] = -rows[2 * i];
	}
}

static void test_permutation_exact_matches_r(void **state)
{
	double rows[18], p[2];
	const char *why[2];
	int exact;
	(void)state;
	perm_block(X, 5, Y, 4, rows);
	/* R: pool <- c(x, y); obs <- abs(mean(x)-mean(y)); cmb <- combn(9, 5)
	 *    st <- apply(cmb, 2, function(i) abs(mean(pool[i]) - mean(pool[-i])))
	 *    mean(st >= obs - 1e-9*obs)  ->  0.09523809524 */
	stats_permutation(rows, 5, 4, 2, 10000, 1, p, why, &exact);
	assert_int_equal(exact, 1);
	assert_null(why[0]);
	close_to(p[0], 0.09523809524);
	close_to(p[1], 0.09523809524);
}

static void test_permutation_monte_carlo_near_exact(void **state)
{
	const double a[] = { 3.1, 4.7, 2.2, 5.9, 4.4, 3.8, 6.0, 2.9 };
	const double b[] = { 4.9, 6.6, 5.2, 7.1, 3.9, 6.8, 5.5, 6.2 };
	double rows[32], p[2], p2[2];
	const char *why[2];
	int exact;
	(void)state;
	perm_block(a, 8, b, 8, rows);
	/* C(16, 8) = 12870 splits > 10000 shuffles: Monte Carlo.
	 * R (exact, all splits with combn(16, 8) as above)  ->  0.02253302253;
	 * 10,000 shuffles have a standard error of 0.0015 there. */
	stats_permutation(rows, 8, 8, 2, 10000, 1, p, why, &exact);
	assert_int_equal(exact, 0);
	assert_true(fabs(p[0] - 0.02253302253) < 0.006);
	assert_true(p[0] == p[1]);	/* one shuffle serves every metric */
	stats_permutation(rows, 8, 8, 2, 10000, 1, p2, why, &exact);
	assert_true(p2[0] == p[0]);	/* same seed, same p */
	stats_permutation(rows, 8, 8, 2, 10000, 2, p2, why, &exact);
	assert_true(p2[0] != p[0]);
}

static void test_permutation_missing_values(void **state)
{
	const double rows[] = { 1, NAN, 2, NAN, 3, 7, 4, 8 };
	double p[2];
	const char *why[2];
	int exact;
	(void)state;
	stats_permutation(rows, 2, 2, 2, 100, 1, p, why, &exact);
	assert_null(why[0]);
	assert_string_equal(why[1], "no values in a group");
	assert_true(isnan(p[1]));
	stats_permutation(rows, 0, 4, 2, 100, 1, p, why, &exact);
	assert_string_equal(why[0], "empty group");
}

static void test_bootstrap_deterministic_and_degenerate(void **state)
{
	/* metric 0: X; metric 1: constant; metric 2: one value */
	double rows[15], lo[3], hi[3], lo2[3], hi2[3];
	const char *why[3];
	size_t i;
	(void)state;
	for (i = 0; i < 5; i++) {
		rows[3 * i] = X[i];
		rows[3 * i + 1] = 7;
		rows[3 * i + 2] = i == 2 ? 1 : NAN;
	}
	stats_bootstrap_means(rows, 5, 3, 2000, 42, lo, hi, why);
	assert_null(why[0]);
	/* The percentile interval lies inside the range of x around the mean 3.26. */
	assert_true(lo[0] > 1.2 && lo[0] < 3.26 && hi[0] > 3.26 && hi[0] < 5.1);
	assert_string_equal(why[1], "zero variance");
	assert_string_equal(why[2], "one article");
	assert_true(isnan(lo[1]) && isnan(hi[2]));
	stats_bootstrap_means(rows, 5, 3, 2000, 42, lo2, hi2, why);
	assert_true(lo2[0] == lo[0] && hi2[0] == hi[0]);
}

static void test_bootstrap_seed_changes_interval(void **state)
{
	double rows[40], lo, hi, lo2, hi2;
	const char *why;
	size_t i;
	(void)state;
	for (i = 0; i < 40; i++)
		rows[i] = fmod((double)i * 7.31, 11.0);
	stats_bootstrap_means(rows, 40, 1, 2000, 42, &lo, &hi, &why);
	stats_bootstrap_means(rows, 40, 1, 2000, 43, &lo2, &hi2, &why);
	assert_null(why);
	assert_true(lo2 != lo || hi2 != hi);
	/* Both near the t-interval of the mean; they differ by Monte Carlo error only. */
	assert_true(fabs(lo2 - lo) < 0.3 && fabs(hi2 - hi) < 0.3);
}

static void test_seed_depends_on_names(void **state)
{
	(void)state;
	assert_true(stats_seed(1, "a", "b") == stats_seed(1, "a", "b"));
	assert_true(stats_seed(1, "a", "b") != stats_seed(2, "a", "b"));
	assert_true(stats_seed(1, "ab", "") != stats_seed(1, "a", "b"));
	assert_true(stats_seed(1, "a", "b") != 0);
}

/*
 * Monroe, Colaresi & Quinn (2008), eq. 22 and 24, by hand. A term occurs
 * y_i = 20 times in a group of n_i = 1000 tokens and y_j = 5 times in the
 * rest, n_j = 3000 tokens. With alpha_0 = 4000 (the corpus size, our
 * default) the prior of the term is alpha_w = 4000 * 25 / 4000 = 25.
 *   delta = log((20 + 25) / (1000 + 4000 - 20 - 25))
 *         - log((5 + 25) / (3000 + 4000 - 5 - 25))
 *         = log(45 / 4955) - log(30 / 6970)
 *         = -4.701500 - (-5.448183) = 0.7466832
 *   var   = 1/45 + 1/30 = 0.0555556;  z = 0.7466832 / 0.2357023 = 3.167908
 * R: yi <- 20; ni <- 1000; yj <- 5; nj <- 3000; a0 <- 4000; aw <- 25
 *    delta <- log((yi+aw)/(ni+a0-yi-aw)) - log((yj+aw)/(nj+a0-yj-aw))
 *    c(delta, delta/sqrt(1/(yi+aw)+1/(yj+aw)))  ->  0.7466831651 3.1679083766
 */
static void test_log_odds_hand_computed(void **state)
{
	double delta, z;
	(void)state;
	assert_null(stats_log_odds(20, 1000, 5, 3000, 25, 4000, &delta, &z));
	close_to(delta, 0.7466831651);
	close_to(z, 3.1679083766);
	/* A term of the rest only has a negative log-odds for the group. */
	assert_null(stats_log_odds(0, 1000, 25, 3000, 25, 4000, &delta, &z));
	assert_true(delta < 0 && z < 0);
	assert_non_null(stats_log_odds(1, 10, 0, 0, 0, 0, &delta, &z));
	assert_true(isnan(delta) && isnan(z));
}

/*
 * The bootstrap as it was first written, one row at a time with
 * gsl_rng_get: the fast loop (inline taus2, batches, padded rows) must
 * give the same bits. Lemire's reduction as in stats.c.
 */
static void reference_bootstrap(const double *x, size_t n, size_t m, size_t B,
				unsigned long seed, double *lo, double *hi)
{
	gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
	double *means = malloc(m * B * sizeof(double)), sum[16], cnt[16];
	size_t b, i, j, k;

	gsl_rng_set(r, seed);
	for (b = 0; b < B; b++) {
		for (j = 0; j < m; j++)
			sum[j] = cnt[j] = 0;
		for (i = 0; i < n; i++) {
			uint64_t p = (uint64_t)gsl_rng_get(r) * n;
			if ((uint32_t)p < n) {
				uint32_t floor = (uint32_t)(-(uint32_t)n) % (uint32_t)n;
				while ((uint32_t)p < floor)
					p = (uint64_t)gsl_rng_get(r) * n;
			}
			for (j = 0; j < m; j++)
				if (!isnan(x[(p >> 32) * m + j])) {
					sum[j] += x[(p >> 32) * m + j];
					cnt[j] += 1;
				}
		}
		for (j = 0; j < m; j++)
			means[j * B + b] = cnt[j] > 0 ? sum[j] / cnt[j] : NAN;
	}
	for (j = 0; j < m; j++) {
		double *v = means + j * B;
		for (i = k = 0; i < B; i++)
			if (!isnan(v[i]))
				v[k++] = v[i];
		gsl_sort(v, 1, k);
		lo[j] = gsl_stats_quantile_from_sorted_data(v, 1, k, 0.025);
		hi[j] = gsl_stats_quantile_from_sorted_data(v, 1, k, 0.975);
	}
	free(means);
	gsl_rng_free(r);
}

static void test_bootstrap_same_bits_as_gsl_row_by_row(void **state)
{
	/* n around the batch size of 64, and 9 metrics: two blocks of 8 lanes. */
	const size_t sizes[] = { 2, 63, 64, 65, 200, 1000 };
	double x[1000 * 9], lo[9], hi[9], rlo[9], rhi[9];
	const char *why[9];
	size_t s, i, j;
	(void)state;
	for (i = 0; i < 1000 * 9; i++)
		x[i] = fmod((double)i * 7.31, 11.0) - 3.3;
	for (s = 0; s < sizeof(sizes) / sizeof(*sizes); s++) {
		stats_bootstrap_means(x, sizes[s], 9, 301, 7, lo, hi, why);
		reference_bootstrap(x, sizes[s], 9, 301, 7, rlo, rhi);
		for (j = 0; j < 9; j++)
			assert_true(lo[j] == rlo[j] && hi[j] == rhi[j]);
	}
	/* Missing values take the other path: skipped in sums and counts. */
	for (i = 0; i < 1000 * 9; i += 5)
		x[i] = NAN;
	stats_bootstrap_means(x, 1000, 9, 301, 8, lo, hi, why);
	reference_bootstrap(x, 1000, 9, 301, 8, rlo, rhi);
	for (j = 0; j < 9; j++)
		assert_true(lo[j] == rlo[j] && hi[j] == rhi[j]);
}

/*
 * Monte Carlo permutations as first written: the chosen rows added as
 * each is picked by the partial Fisher-Yates shuffle, drawn with
 * gsl_rng_get. The fast loop (padded rows summed after the shuffle) must
 * give the same p to the last bit.
 */
static void reference_permutation(const double *x, size_t na, size_t nb, size_t m,
				  size_t shuffles, unsigned long seed, double *p)
{
	gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
	size_t n = na + nb, k = na < nb ? na : nb, idx[2000], i, j, t;
	double tot[16] = { 0 }, tcnt[16] = { 0 }, sum[16], cnt[16], obs[16], ext[16] = { 0 },
	       val[16] = { 0 };

	gsl_rng_set(r, seed);
	for (i = 0; i < m; i++)
		sum[i] = cnt[i] = 0;
	for (i = 0; i < n; i++)
		for (j = 0; j < m; j++)
			if (!isnan(x[i * m + j])) {
				tot[j] += x[i * m + j];
				tcnt[j] += 1;
				if (i < na) {
					sum[j] += x[i * m + j];
					cnt[j] += 1;
				}
			}
	for (j = 0; j < m; j++)
		obs[j] = fabs(sum[j] / cnt[j] - (tot[j] - sum[j]) / (tcnt[j] - cnt[j]));
	for (i = 0; i < n; i++)
		idx[i] = i;
	for (t = 0; t < shuffles; t++) {
		for (j = 0; j < m; j++)
			sum[j] = cnt[j] = 0;
		for (i = 0; i < k; i++) {
			uint64_t q = (uint64_t)gsl_rng_get(r) * (n - i);
			size_t tmp = idx[i], pick;
			if ((uint32_t)q < n - i) {
				uint32_t floor = (uint32_t)(-(uint32_t)(n - i)) % (uint32_t)(n - i);
				while ((uint32_t)q < floor)
					q = (uint64_t)gsl_rng_get(r) * (n - i);
			}
			pick = i + (size_t)(q >> 32);
			idx[i] = idx[pick];
			idx[pick] = tmp;
			for (j = 0; j < m; j++)
				if (!isnan(x[idx[i] * m + j])) {
					sum[j] += x[idx[i] * m + j];
					cnt[j] += 1;
				}
		}
		for (j = 0; j < m; j++) {
			double rest = tcnt[j] - cnt[j];
			if (cnt[j] == 0 || rest == 0)
				continue;
			val[j] += 1;
			if (fabs(sum[j] / cnt[j] - (tot[j] - sum[j]) / rest) >= obs[j] - 1e-9 * obs[j])
				ext[j] += 1;
		}
	}
	for (j = 0; j < m; j++)
		p[j] = (1 + ext[j]) / (1 + val[j]);
	gsl_rng_free(r);
}

static void test_permutation_same_bits_as_row_by_row(void **state)
{
	static double x[2000 * 9];
	double p[9], rp[9];
	const char *why[9];
	size_t i, j;
	int exact;
	(void)state;
	for (i = 0; i < 2000 * 9; i++)
		x[i] = fmod((double)i * 3.77, 13.0) + (i % 9 == 2 && i < 900 * 9 ? 0.8 : 0);
	stats_permutation(x, 900, 1100, 9, 200, 11, p, why, &exact);
	reference_permutation(x, 900, 1100, 9, 200, 11, rp);
	assert_int_equal(exact, 0);
	for (j = 0; j < 9; j++)
		assert_true(p[j] == rp[j]);
	/* With missing values, and the smaller group second. */
	for (i = 3; i < 2000 * 9; i += 7)
		x[i] = NAN;
	stats_permutation(x, 1500, 60, 9, 300, 12, p, why, &exact);
	reference_permutation(x, 1500, 60, 9, 300, 12, rp);
	for (j = 0; j < 9; j++)
		assert_true(p[j] == rp[j]);
}

/* A small deterministic generator for test data with many ties. */
static double tie_value(uint32_t *s, int levels)
{
	*s = *s * 1664525u + 1013904223u;
	return (double)((*s >> 8) % (uint32_t)levels) / 4;
}

static void test_mann_whitney_sorted_same_as_unsorted(void **state)
{
	double a[300], b[200], sa[300], sb[200];
	struct stats_mw mw, mws;
	uint32_t seed = 5;
	size_t na, nb, i;
	(void)state;
	for (na = 1; na <= 300; na += 37)
		for (nb = 1; nb <= 200; nb += 29) {
			for (i = 0; i < na; i++)
				sa[i] = a[i] = tie_value(&seed, 40);
			for (i = 0; i < nb; i++)
				sb[i] = b[i] = tie_value(&seed, 40) + 1;
			stats_sort(sa, na);
			stats_sort(sb, nb);
			stats_mann_whitney(a, na, b, nb, &mw);
			stats_mann_whitney_sorted(sa, na, sb, nb, &mws);
			assert_true(mw.u == mws.u && mw.p == mws.p && mw.exact == mws.exact);
		}
}

/*
 * Kruskal-Wallis over 40 groups (some empty) against mid-ranks counted
 * the slow way: rank = values below + (values equal + 1) / 2.
 */
static void test_kruskal_many_groups_by_counting(void **state)
{
	enum { N = 600, K = 40 };
	double x[N], rsum[K] = { 0 }, size[K] = { 0 }, ties = 0, h = 0, n = N;
	size_t g[N], i, j, used = 0;
	struct stats_test t;
	uint32_t seed = 9;
	(void)state;
	for (i = 0; i < N; i++) {
		x[i] = tie_value(&seed, 50);
		g[i] = (i * 7) % K;
		if (g[i] % 9 == 4)
			g[i] = 3;	/* groups 4, 13, 22, 31 stay empty */
	}
	for (i = 0; i < N; i++) {
		double below = 0, equal = 0;
		for (j = 0; j < N; j++) {
			below += x[j] < x[i];
			equal += x[j] == x[i];
		}
		rsum[g[i]] += below + (equal + 1) / 2;
		size[g[i]] += 1;
		ties += (equal * equal * equal - equal) / equal;	/* once per member */
	}
	for (i = 0; i < K; i++)
		if (size[i] > 0) {
			h += rsum[i] * rsum[i] / size[i];
			used++;
		}
	h = (12 / (n * (n + 1)) * h - 3 * (n + 1)) / (1 - ties / (n * n * n - n));
	assert_null(stats_kruskal(x, g, N, K, &t));
	close_to(t.statistic, h);
	close_to(t.df, (double)(used - 1));
}

/*
 * Issue 19: a group against the rest of the sample (stats_*_rest) and
 * against a large group by searching it (stats_mann_whitney_search) give
 * the numbers of the merging tests on the rest built out: random groups
 * with many ties (values in 0..k) and without, small (exact p) and large.
 */
static void test_rest_and_search_same_as_merge(void **state)
{
	uint64_t seed = 19;
	size_t round;

	(void)state;
	for (round = 0; round < 300; round++) {
		size_t na = 1 + test_rand(&seed, round % 3 ? 40 : 400);
		size_t nb = 1 + test_rand(&seed, round % 2 ? 45 : 900), i, k = 0, ia = 0;
		size_t levels = round % 4 ? 1 + test_rand(&seed, 12) : 1000000;
		double *a = malloc(na * sizeof(double)), *b = malloc(nb * sizeof(double));
		double *all = malloc((na + nb) * sizeof(double));
		struct stats_mw m1, m2, m3;
		struct stats_ks k1, k2;
		const char *w1, *w2, *w3;
		for (i = 0; i < na; i++)
			a[i] = (double)test_rand(&seed, levels) / 7;
		for (i = 0; i < nb; i++)
			b[i] = (double)test_rand(&seed, levels) / 7;
		stats_sort(a, na);
		stats_sort(b, nb);
		for (i = 0; i < nb; i++) {
			while (ia < na && a[ia] <= b[i])
				all[k++] = a[ia++];
			all[k++] = b[i];
		}
		while (ia < na)
			all[k++] = a[ia++];
		w1 = stats_mann_whitney_sorted(a, na, b, nb, &m1);
		w2 = stats_mann_whitney_rest(a, na, all, na + nb, stats_ties(all, na + nb), &m2);
		w3 = stats_mann_whitney_search(a, na, b, nb, stats_ties(b, nb), &m3);
		/* All tied (one level) has no p: the same reason from each. */
		assert_true((!w1 && !w2 && !w3) || (w1 && w2 && w3 && !strcmp(w1, w2) && !strcmp(w1, w3)));
		assert_true(m1.u == m2.u && m1.u == m3.u);
		assert_true(m1.exact == m2.exact && m1.exact == m3.exact);
		assert_true((isnan(m1.p) && isnan(m2.p) && isnan(m3.p)) ||
			    (m1.p == m2.p && m1.p == m3.p));
		assert_null(stats_ks_sorted(a, na, b, nb, &k1));
		assert_null(stats_ks_rest(a, na, all, na + nb, &k2));
		assert_true(k1.d == k2.d && k1.p == k2.p && k1.exact == k2.exact);
		free(a);
		free(b);
		free(all);
	}
}

/* stats_sort (a radix sort) orders as GSL's heapsort does, negatives and ties too. */
static void test_sort_same_as_gsl(void **state)
{
	uint64_t seed = 7;
	size_t round;

	(void)state;
	for (round = 0; round < 50; round++) {
		size_t n = test_rand(&seed, round % 2 ? 50 : 5000), i;
		double *x = malloc((n + 1) * sizeof(double)), *y = malloc((n + 1) * sizeof(double));
		for (i = 0; i < n; i++) {
			double v = (double)test_rand(&seed, 1000) / 3 - (round % 3 ? 0 : 150);
			x[i] = y[i] = round % 5 ? v : v * 1e-300;
		}
		stats_sort(x, n);
		gsl_sort(y, 1, n);
		for (i = 0; i < n; i++)
			assert_true(x[i] == y[i]);
		free(x);
		free(y);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_summary_matches_r),
		cmocka_unit_test(test_summary_degenerate_is_na_with_reason),
		cmocka_unit_test(test_welch_matches_r),
		cmocka_unit_test(test_welch_one_constant_group),
		cmocka_unit_test(test_welch_degenerate),
		cmocka_unit_test(test_mann_whitney_exact_matches_r),
		cmocka_unit_test(test_mann_whitney_ties_matches_r),
		cmocka_unit_test(test_mann_whitney_large_is_normal),
		cmocka_unit_test(test_cohens_d),
		cmocka_unit_test(test_poisson_ci_matches_r),
		cmocka_unit_test(test_rate_ratio_matches_r),
		cmocka_unit_test(test_quantiles_match_r),
		cmocka_unit_test(test_quantile_edges),
		cmocka_unit_test(test_rate_hc1_matches_r),
		cmocka_unit_test(test_rate_hc1_degenerate),
		cmocka_unit_test(test_share_hc1_matches_r),
		cmocka_unit_test(test_rate_ratio_hc1_matches_r),
		cmocka_unit_test(test_rate_ratio_exact_p_matches_r),
		cmocka_unit_test(test_results_read_new_outlets_columns),
		cmocka_unit_test(test_kruskal_matches_r),
		cmocka_unit_test(test_chisq_matches_r),
		cmocka_unit_test(test_holm_matches_r),
		cmocka_unit_test(test_permutation_exact_matches_r),
		cmocka_unit_test(test_permutation_monte_carlo_near_exact),
		cmocka_unit_test(test_permutation_missing_values),
		cmocka_unit_test(test_permutation_same_bits_as_row_by_row),
		cmocka_unit_test(test_bootstrap_deterministic_and_degenerate),
		cmocka_unit_test(test_bootstrap_seed_changes_interval),
		cmocka_unit_test(test_bootstrap_same_bits_as_gsl_row_by_row),
		cmocka_unit_test(test_mann_whitney_sorted_same_as_unsorted),
		cmocka_unit_test(test_kruskal_many_groups_by_counting),
		cmocka_unit_test(test_seed_depends_on_names),
		cmocka_unit_test(test_log_odds_hand_computed),
		cmocka_unit_test(test_rest_and_search_same_as_merge),
		cmocka_unit_test(test_sort_same_as_gsl),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
