/*
 * Unit tests for issue 16's tests of groups and lengths: the permutation
 * chi-square of groups x categories (resample.h) and the two-sample
 * Kolmogorov-Smirnov test (stats.h) and the BCa bootstrap interval,
 * checked against R 4.2.2. The R code
 * and its output sit next to each expected value.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "resample.h"
#include "stats.h"

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

/*
 * The R implementation every chi-square below is checked against: X^2 of
 * the pooled table without empty rows or columns, and every distinct
 * relabelling of the articles enumerated.
 *
 *   x2 <- function(tab) { tab <- tab[rowSums(tab) > 0, colSums(tab) > 0, drop = FALSE]
 *     E <- outer(rowSums(tab), colSums(tab)) / sum(tab); sum((tab - E)^2 / E) }
 *   permx2 <- function(X, g) {
 *     obs <- x2(rowsum(X, g)); n <- length(g); cnt <- 0; tot <- 0
 *     lv <- unique(g); sz <- table(factor(g, levels = lv))
 *     rec <- function(avail, k, lab) {
 *       if (k > length(lv)) { s <- x2(rowsum(X, lab)); tot <<- tot + 1
 *         if (s >= obs * (1 - 1e-9)) cnt <<- cnt + 1; return() }
 *       if (k == length(lv)) { lab[avail] <- lv[k]; rec(integer(0), k + 1, lab); return() }
 *       cm <- combn(length(avail), sz[[k]])
 *       for (i in seq_len(ncol(cm))) { l2 <- lab; l2[avail[cm[, i]]] <- lv[k]
 *         rec(avail[-cm[, i]], k + 1, l2) } }
 *     rec(seq_len(n), 1, character(n)); c(obs = obs, p = cnt / tot, n = tot) }
 */

/*
 * tests/e2e/stats-fixture: 3 outlets of 4, 3 and 1 articles, matches of
 * accusatory and conciliatory per article.
 * R: X <- rbind(c(6,1),c(3,2),c(1,5),c(4,0), c(3,1),c(5,0),c(2,0), c(0,4))
 *    g <- rep(c("CD","PTV","SP"), c(4,3,1))
 */
static const double FIXTURE[] = { 6, 1, 3, 2, 1, 5, 4, 0, 3, 1, 5, 0, 2, 0, 0, 4 };
static const size_t FIXTURE_SIZE[] = { 4, 3, 1 };

static void test_chisq_permutation_exact_matches_r(void **state)
{
	struct stats_chisq_perm r;
	(void)state;
	/* 8! / (4! 3! 1!) = 280 relabellings, at most 10,000: enumerated. */
	assert_null(stats_permutation_chisq(FIXTURE, FIXTURE_SIZE, 3, 2, 10000, 1, 2, &r));
	assert_int_equal(r.exact, 1);
	close_to(r.count, 280);
	/* R: permx2(X, g) -> obs 10.6730769231, p 0.1678571429, n 280 */
	close_to(r.statistic, 10.6730769231);
	close_to(r.p, 0.1678571429);
	/* R: chisq.test(rowsum(X, g))$statistic -> the same X^2, whose
	 * asymptotic p (0.0048125) the old tests.tsv gave. */
}

/*
 * Overdispersion: one article of A says "accusatory" 12 times. Pooled,
 * A looks accusatory; article by article, it is one article.
 * R: X <- rbind(c(12,0),c(0,1),c(1,1),c(0,2),c(1,0),c(0,1),
 *               c(1,1),c(0,2),c(1,1),c(0,1),c(1,2),c(0,1)); g <- rep(c("A","B"), each = 6)
 */
static void test_chisq_permutation_overdispersed_holds(void **state)
{
	static const double x[] = { 12, 0, 0, 1, 1, 1, 0, 2, 1, 0, 0, 1,
				    1, 1, 0, 2, 1, 1, 0, 1, 1, 2, 0, 1 };
	static const size_t size[] = { 6, 6 };
	struct stats_test t;
	struct stats_chisq_perm r;
	double table[4] = { 0 };
	size_t i, dropped;
	(void)state;

	for (i = 0; i < 12; i++) {
		table[(i / 6) * 2] += x[2 * i];
		table[(i / 6) * 2 + 1] += x[2 * i + 1];
	}
	/* R: chisq.test(rowsum(X, g), correct = FALSE)$p.value -> 0.0134328253: rejects */
	assert_null(stats_chisq(table, 2, 2, &t, &dropped));
	close_to(t.p, 0.0134328253);
	assert_true(t.p < 0.05);
	/* R: permx2(X, g) -> obs 6.1111953062, p 0.4653679654, n 924: does not */
	assert_null(stats_permutation_chisq(x, size, 2, 2, 10000, 1, 2, &r));
	assert_int_equal(r.exact, 1);
	close_to(r.count, 924);
	close_to(r.statistic, 6.1111953062);
	close_to(r.p, 0.4653679654);
}

/*
 * Too many relabellings to enumerate (30! / 10!^3 = 5.6e12): random ones,
 * within Monte Carlo error of R's 100,000.
 * R: i <- 0:29; X3 <- cbind((i * 7) %% 5, (i * 3) %% 4, (i * 11) %% 3 + (i >= 20) * 2)
 *    g3 <- rep(c("A","B","C"), each = 10); obs <- x2(rowsum(X3, g3)) -> 10.0148348
 *    set.seed(1); s <- replicate(100000, x2(rowsum(X3, sample(g3))))
 *    mean(s >= obs * (1 - 1e-9)) -> 0.02333 (standard error 0.00048)
 */
static void test_chisq_permutation_monte_carlo_near_r(void **state)
{
	double x[90];
	static const size_t size[] = { 10, 10, 10 };
	struct stats_chisq_perm r, again;
	double se;
	size_t i;
	(void)state;

	for (i = 0; i < 30; i++) {
		x[3 * i] = (double)((i * 7) % 5);
		x[3 * i + 1] = (double)((i * 3) % 4);
		x[3 * i + 2] = (double)((i * 11) % 3 + (i >= 20) * 2);
	}
	assert_null(stats_permutation_chisq(x, size, 3, 3, 4000, 7, 2, &r));
	assert_int_equal(r.exact, 0);
	close_to(r.count, 4000);
	close_to(r.statistic, 10.0148348);
	/* 4 standard errors of 4,000 shuffles (0.0024 each) around R's p. */
	se = sqrt(0.02333 * (1 - 0.02333) / 4000);
	if (fabs(r.p - 0.02333) > 4 * se)
		fail_msg("p %g, R says 0.02333 +- %g", r.p, 4 * se);
	/* The same seed gives the same p, with any number of threads. */
	assert_null(stats_permutation_chisq(x, size, 3, 3, 4000, 7, 1, &again));
	assert_true(again.p == r.p);
	assert_null(stats_permutation_chisq(x, size, 3, 3, 4000, 7, 5, &again));
	assert_true(again.p == r.p);
}

/*
 * Two tables from the same relabellings (the matches and the own-voice
 * matches of tests.tsv): each gets the p it gets alone. Table 1 is the
 * fixture with its columns swapped (the same X^2), table 2 has one
 * category only (no test).
 */
static void test_chisq_permutation_tables(void **state)
{
	double x[8 * 6];
	struct stats_chisq_perm r[3], alone;
	const char *why[3];
	size_t i;
	(void)state;

	for (i = 0; i < 8; i++) {
		x[6 * i] = FIXTURE[2 * i];
		x[6 * i + 1] = FIXTURE[2 * i + 1];
		x[6 * i + 2] = FIXTURE[2 * i + 1];
		x[6 * i + 3] = FIXTURE[2 * i];
		x[6 * i + 4] = (double)i;
		x[6 * i + 5] = 0;
	}
	/* Exact: R's 0.1678571 for both (permx2 as above). */
	stats_permutation_chisq_tables(x, FIXTURE_SIZE, 3, 2, 3, 10000, 1, 2, r, why);
	assert_null(why[0]);
	assert_null(why[1]);
	close_to(r[0].p, 0.1678571429);
	close_to(r[1].p, 0.1678571429);
	assert_string_equal(why[2], "fewer than 2 categories with matches");
	assert_true(isnan(r[2].p));
	/* Random: the same relabellings, so the same count of extreme ones. */
	stats_permutation_chisq_tables(x, FIXTURE_SIZE, 3, 2, 3, 100, 3, 2, r, why);
	assert_true(r[0].p == r[1].p);
	assert_null(stats_permutation_chisq(FIXTURE, FIXTURE_SIZE, 3, 2, 100, 3, 2, &alone));
	assert_true(alone.p == r[0].p);
}

static void test_chisq_permutation_degenerate(void **state)
{
	static const double one_group[] = { 1, 2, 0, 0, 0, 0 };
	static const double one_cat[] = { 1, 0, 2, 0, 3, 0 };
	static const size_t size[] = { 1, 2 };
	struct stats_chisq_perm r;
	(void)state;

	assert_string_equal(stats_permutation_chisq(one_group, size, 2, 2, 100, 1, 2, &r),
			    "fewer than 2 groups with matches");
	assert_true(isnan(r.p));
	assert_string_equal(stats_permutation_chisq(one_cat, size, 2, 2, 100, 1, 2, &r),
			    "fewer than 2 categories with matches");
	/* No shuffles and too many relabellings for none: no p. */
	assert_string_equal(stats_permutation_chisq(FIXTURE, FIXTURE_SIZE, 3, 2, 0, 1, 2, &r),
			    "no shuffles");
	assert_true(isnan(r.p));
}

/* ---- Kolmogorov-Smirnov on article lengths, as R's ks.test ---- */

static void test_ks_exact_matches_r(void **state)
{
	static const double a[] = { 210, 340, 415, 522, 610, 780, 905 };
	static const double b[] = { 350, 660, 990, 1200, 1320, 1450, 1800, 1990 };
	/* With ties, within and across the samples. */
	static const double a2[] = { 200, 300, 300, 400, 500, 500, 800 };
	static const double b2[] = { 300, 400, 500, 500, 900, 1000, 1000, 1200 };
	static const double same[] = { 1, 2, 3 };
	struct stats_ks ks;
	(void)state;

	/* R: ks.test(c(210,340,415,522,610,780,905), c(1200,350,1450,990,1800,660,1320,1990))
	 *    -> D = 0.75, p = 0.01305361305 (exact) */
	assert_null(stats_ks_sorted(a, 7, b, 8, &ks));
	assert_int_equal(ks.exact, 1);
	close_to(ks.d, 0.75);
	close_to(ks.p, 0.01305361305);
	/* R: ks.test(c(200,300,300,400,500,500,800), c(300,500,500,900,1000,1000,1200,400))
	 *    -> D = 0.5, p = 0.15897435897436 ("Exact", R 4.2's psmirnov with ties) */
	assert_null(stats_ks_sorted(a2, 7, b2, 8, &ks));
	assert_int_equal(ks.exact, 1);
	close_to(ks.d, 0.5);
	close_to(ks.p, 0.15897435897436);
	/* R: ks.test(c(1,2,3), c(1,2,3)) -> D = 0, p = 1 */
	assert_null(stats_ks_sorted(same, 3, same, 3, &ks));
	close_to(ks.d, 0);
	close_to(ks.p, 1);
	assert_string_equal(stats_ks_sorted(same, 3, same, 0, &ks), "empty group");
}

static int by_value(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return (a > b) - (a < b);
}

static void test_ks_asymptotic_matches_r(void **state)
{
	double a[150], b[200];
	struct stats_ks ks;
	size_t i;
	(void)state;

	/* R: a3 <- (0:119 * 37) %% 101 * 10 + 200; b3 <- (0:99 * 53) %% 97 * 12 + 260
	 *    ks.test(a3, b3) -> D = 0.185, p = 0.0478108420086281 (asymptotic:
	 *    120 x 100 >= 10,000; sqrt(n) D = 1.37, the alternating series) */
	for (i = 0; i < 120; i++)
		a[i] = (double)((i * 37) % 101 * 10 + 200);
	for (i = 0; i < 100; i++)
		b[i] = (double)((i * 53) % 97 * 12 + 260);
	qsort(a, 120, sizeof(double), by_value);
	qsort(b, 100, sizeof(double), by_value);
	assert_null(stats_ks_sorted(a, 120, b, 100, &ks));
	assert_int_equal(ks.exact, 0);
	close_to(ks.d, 0.185);
	close_to(ks.p, 0.0478108420086281);
	/* R: a4 <- (0:149 * 37) %% 101 * 10 + 200; b4 <- (0:199 * 53) %% 97 * 10 + 200
	 *    ks.test(a4, b4) -> D = 0.04, p = 0.999161107990461 (sqrt(n) D = 0.37:
	 *    the theta-function series) */
	for (i = 0; i < 150; i++)
		a[i] = (double)((i * 37) % 101 * 10 + 200);
	for (i = 0; i < 200; i++)
		b[i] = (double)((i * 53) % 97 * 10 + 200);
	qsort(a, 150, sizeof(double), by_value);
	qsort(b, 200, sizeof(double), by_value);
	assert_null(stats_ks_sorted(a, 150, b, 200, &ks));
	close_to(ks.d, 0.04);
	close_to(ks.p, 0.999161107990461);
}

/* ---- BCa of the mean ---- */

/*
 * The BCa step against a hand-written R BCa (the boot package is not
 * installed here; boot.ci(type = "bca") interpolates its quantiles on the
 * normal scale, framing takes R's type 7 as the percentile bootstrap did).
 * The resampled means come from a Park-Miller generator that both sides
 * can run, so only the interval's formula is compared.
 * R: y <- c(0,0,2.5,4,0,10,1.2,0,7.5,3); s <- 1; bm <- numeric(400)
 *    for (b in 1:400) { k <- integer(10); for (i in 1:10) {
 *      s <- (s * 16807) %% 2147483647; k[i] <- s %% 10 + 1 }; bm[b] <- sum(y[k]) / 10 }
 *    m <- sum(y) / 10; c(sum(bm < m), sum(bm == m))           # 198 3
 *    z0 <- qnorm((sum(bm < m) + sum(bm == m) / 2) / 400)      # -0.00313329047
 *    d <- y - m; a <- sum(d^3) / (6 * sum(d^2)^1.5)          # 0.05538170731
 *    z <- qnorm(c(.025, .975)); adj <- pnorm(z0 + (z0 + z) / (1 - a * (z0 + z)))
 *    quantile(bm, adj, type = 7)  ->  1.132841852 5.263266288
 *    (R's boot.ci counts only bm < m: z0 -0.01253346951, 1.108876228 5.250740253;
 *    percentiles: quantile(bm, c(.025, .975), type = 7) -> 1.03875 4.90175)
 */
static void test_bca_matches_hand_written_r(void **state)
{
	static const double y[] = { 0, 0, 2.5, 4, 0, 10, 1.2, 0, 7.5, 3, NAN };
	double boot[400], lo, hi;
	uint64_t s = 1;
	size_t b, i;
	(void)state;

	for (b = 0; b < 400; b++) {
		double sum = 0;
		for (i = 0; i < 10; i++) {
			s = s * 16807 % 2147483647;
			sum += y[s % 10];
		}
		boot[b] = sum / 10;
	}
	/* The NAN at the end is left out of the mean and the jackknife. */
	assert_null(stats_bca_mean(y, 11, boot, 400, &lo, &hi));
	close_to(lo, 1.132841852);
	close_to(hi, 5.263266288);
}

static void test_bootstrap_bca_same_resamples(void **state)
{
	double x[60], lo[2], hi[2], plo[2], phi[2];
	const char *why[2], *pwhy[2];
	size_t i;
	(void)state;

	/* Skewed counts: BCa moves the interval up from the percentiles. */
	for (i = 0; i < 30; i++) {
		x[2 * i] = (double)(i % 7 == 0 ? 12 : i % 3);
		x[2 * i + 1] = 5;	/* no variance: no interval */
	}
	stats_bootstrap_bca(x, 30, 2, 2000, 11, lo, hi, why);
	stats_bootstrap_means(x, 30, 2, 2000, 11, plo, phi, pwhy);
	assert_null(why[0]);
	assert_true(lo[0] > plo[0] && hi[0] > phi[0]);
	assert_string_equal(why[1], "zero variance");
	assert_true(isnan(lo[1]) && isnan(hi[1]));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chisq_permutation_exact_matches_r),
		cmocka_unit_test(test_chisq_permutation_overdispersed_holds),
		cmocka_unit_test(test_chisq_permutation_monte_carlo_near_r),
		cmocka_unit_test(test_chisq_permutation_tables),
		cmocka_unit_test(test_chisq_permutation_degenerate),
		cmocka_unit_test(test_ks_exact_matches_r),
		cmocka_unit_test(test_ks_asymptotic_matches_r),
		cmocka_unit_test(test_bca_matches_hand_written_r),
		cmocka_unit_test(test_bootstrap_bca_same_resamples),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
