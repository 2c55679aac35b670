/*
 * Unit tests for the within-story outlet effects (effects.c): every
 * estimate, standard error, interval and p is checked against R 4.2.2
 * with sandwich and lmtest, to 6 significant digits. The data (40
 * articles, 3 outlets, 12 stories of 2 to 6 articles, zeros, story 9
 * covered by outlet 2 only) and the R calls sit beside the values:
 *
 *   library(sandwich); library(lmtest); library(splines)
 *   d <- data.frame(y, stance, tokens, days, outlet = factor(outlet), story = factor(story))
 *   fit <- glm(y ~ outlet + story + offset(log(tokens)), family = poisson, data = d,
 *              control = glm.control(epsilon = 1e-14, maxit = 100))
 *   v <- vcovCL(fit, cluster = ~story, type = "HC1")
 *   coeftest(fit, vcov = v); coefci(fit, vcov = v)   # exp() of estimate, lo, hi
 *   fit <- lm(stance ~ outlet + story, data = d)       # the same two calls
 *
 * coeftest uses the normal distribution for a glm (z) and the t
 * distribution with the residual df (n - rank) for an lm, and so does
 * effects.c; coefci does the same for the intervals. The tighter
 * epsilon only makes R's own fit converge further than its default 1e-8.
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

#include <gsl/gsl_errno.h>
#include <gsl/gsl_multifit.h>

#include "effects.h"

#define N 40

/* story <- c(0,0,0, 1,1, 2,2,2,2,2, 3,3, 4,4,4,4, 5,5,5, 6,6, 7,7,7,7,7,7, 8,8,8, 9,9,
 *            10,10,10,10, 11,11,11,11) */
static const size_t STORY[N] = { 0, 0, 0, 1, 1, 2, 2, 2, 2, 2, 3, 3, 4, 4, 4, 4, 5, 5, 5, 6, 6,
				 7, 7, 7, 7, 7, 7, 8, 8, 8, 9, 9, 10, 10, 10, 10, 11, 11, 11, 11 };
/* outlet <- c(0,1,2, 0,1, 0,0,1,2,2, 1,2, 0,1,1,2, 0,2,2, 0,1, 0,1,1,2,2,0, 0,1,2, 2,2,
 *             0,0,1,2, 1,0,2,2) */
static const size_t OUTLET[N] = { 0, 1, 2, 0, 1, 0, 0, 1, 2, 2, 1, 2, 0, 1, 1, 2, 0, 2, 2, 0, 1,
				  0, 1, 1, 2, 2, 0, 0, 1, 2, 2, 2, 0, 0, 1, 2, 1, 0, 2, 2 };
static const double Y[N] = { 2, 3, 10, 5, 2, 2, 3, 0, 7, 3, 0, 2, 3, 1, 3, 4, 1, 0, 5, 0, 0,
			     1, 2, 5, 2, 11, 7, 4, 1, 2, 11, 6, 3, 4, 1, 5, 1, 2, 1, 3 };
static const double TOKENS[N] = { 73, 183, 152, 588, 413, 252, 253, 101, 517, 202, 132, 78, 596,
				  329, 472, 598, 78, 45, 533, 362, 402, 51, 132, 433, 99, 335,
				  448, 227, 302, 283, 248, 428, 451, 249, 460, 251, 194, 184,
				  151, 125 };
/* days: as.numeric(date), days since 1970-01-01 */
static const double DAYS[N] = { 16173, 16156, 16049, 16166, 16160, 16027, 16090, 16091, 16037,
				16061, 16020, 16047, 16101, 16005, 16013, 16020, 16101, 16080,
				16074, 16030, 16051, 16186, 16143, 16189, 16174, 16130, 16067,
				16106, 16070, 16027, 16002, 16091, 16183, 16170, 16148, 16139,
				16048, 16160, 16007, 16017 };
static const double STANCE[N] = { -1.262, -1.409, -1.326, -0.867, 1.288, -0.538, -2.034, -0.258,
				  0.396, 0.115, 2.059, 1.686, -2.842, -1.122, -1.566, -0.661,
				  0.818, 0.782, 0.918, 2.11, -1.493, 2.538, 1.538, 0.624, 3.038,
				  2.915, 1.912, 0.139, -2.514, -0.979, 0.518, 2.043, -1.685,
				  -1.119, -1.18, -0.651, -3.2, -0.728, 0.139, -1.698 };

#define close_to(actual, expected) close_to_(actual, expected, __FILE__, __LINE__)

/* Equal to 6 significant digits (relative error below 1e-6). */
static void close_to_(double actual, double expected, const char *file, int line)
{
	double tol = 1e-6 * fabs(expected) + 1e-12;
	if (!(fabs(actual - expected) <= tol))
		_fail(file, line), fprintf(stderr, "got %.10g, R says %.10g\n", actual, expected);
}

/* One row of R's output: estimate, Std. Error, Pr(>|z|) or Pr(>|t|), 2.5 %, 97.5 %. */
struct r_row {
	double estimate, se, p, lo, hi;
};

static void check_row(const struct effects_est *e, const struct r_row *r)
{
	assert_null(e->why);
	close_to(e->estimate, r->estimate);
	close_to(e->se, r->se);
	close_to(e->p, r->p);
	close_to(e->lo, r->lo);
	close_to(e->hi, r->hi);
}

static void fit(const double *y, const size_t *story, unsigned adjust, enum effects_model model,
		struct effects_est *est, struct effects_fitinfo *info)
{
	struct effects_data d = { N, y, TOKENS, DAYS, OUTLET, story, 3, 12, adjust };

	effects_fit(&d, model, 0, est, info);
}

static void fit_check(const double *y, unsigned adjust, enum effects_model model,
		      const struct r_row *x, const struct r_row *yy)
{
	struct effects_est est[3];
	struct effects_fitinfo info;

	fit(y, STORY, adjust, model, est, &info);
	assert_null(info.why);
	assert_string_equal(est[0].why, "reference");
	check_row(&est[1], x);
	check_row(&est[2], yy);
}

/*
 * fit <- glm(y ~ outlet + story + offset(log(tokens)), family = poisson, ...)
 *          Estimate Std. Error    Pr(>|z|)     2.5 %   97.5 %    (exp of 1, 4, 5)
 * outlet1 0.5035238  0.2593485 0.008155374 0.3028741 0.837101
 * outlet2 1.5067787  0.1711757 0.016618188 1.0773193 2.107437
 */
static void poisson_plain(void **state)
{
	static const struct r_row x = { 0.5035238, 0.2593485, 0.008155374, 0.3028741, 0.837101 };
	static const struct r_row y = { 1.5067787, 0.1711757, 0.016618188, 1.0773193, 2.107437 };
	struct effects_est est[3];
	struct effects_fitinfo info;

	(void)state;
	fit_check(Y, 0, EFFECTS_POISSON, &x, &y);
	fit(Y, STORY, 0, EFFECTS_POISSON, est, &info);
	/* fit$rank: 14 = 3 outlets + 12 stories - 1 part; story 9 is one outlet's. */
	assert_int_equal(info.rank, 14);
	assert_int_equal(info.n, 40);
	assert_int_equal(info.stories, 12);
	assert_int_equal(info.single, 1);
	/* Outlet 1's 12 articles; its stories that another outlet covers too. */
	assert_int_equal(est[1].n_articles, 12);
	assert_int_equal(est[1].n_stories, 10);
	assert_int_equal(est[2].n_stories, 9);
}

/*
 * fit <- lm(stance ~ outlet + story, data = d)   (df.residual 26)
 *           Estimate Std. Error  Pr(>|t|)      2.5 %    97.5 %
 * outlet1 -0.4453906  0.6912367 0.5250001 -1.8662480 0.9754668
 * outlet2  0.5589809  0.4081409 0.1825325 -0.2799648 1.3979266
 */
static void linear_plain(void **state)
{
	static const struct r_row x = { -0.4453906, 0.6912367, 0.5250001, -1.8662480, 0.9754668 };
	static const struct r_row y = { 0.5589809, 0.4081409, 0.1825325, -0.2799648, 1.3979266 };

	(void)state;
	fit_check(STANCE, 0, EFFECTS_LINEAR, &x, &y);
}

/*
 * y ~ outlet + story + ns(days, df = 4) + offset(log(tokens))
 * outlet1 0.4585249  0.2854544 0.006303198 0.2620497 0.8023099
 * outlet2 1.3849489  0.2422419 0.178828180 0.8614638 2.2265398
 * stance ~ outlet + story + ns(days, df = 4)
 * outlet1 -0.5320567  0.7011380 0.4559977 -1.9861278 0.9220144
 * outlet2  0.5710462  0.5008877 0.2665182 -0.4677313 1.6098237
 */
static void adjust_date(void **state)
{
	static const struct r_row px = { 0.4585249, 0.2854544, 0.006303198, 0.2620497, 0.8023099 };
	static const struct r_row py = { 1.3849489, 0.2422419, 0.178828180, 0.8614638, 2.2265398 };
	static const struct r_row lx = { -0.5320567, 0.7011380, 0.4559977, -1.9861278, 0.9220144 };
	static const struct r_row ly = { 0.5710462, 0.5008877, 0.2665182, -0.4677313, 1.6098237 };

	(void)state;
	fit_check(Y, EFFECTS_ADJUST_DATE, EFFECTS_POISSON, &px, &py);
	fit_check(STANCE, EFFECTS_ADJUST_DATE, EFFECTS_LINEAR, &lx, &ly);
}

/*
 * y ~ outlet + story + log(tokens) + offset(log(tokens))
 * outlet1 0.5126134  0.2379917 0.004988100 0.3215223 0.8172762
 * outlet2 1.5188619  0.1616943 0.009741107 1.1063280 2.0852240
 * stance ~ outlet + story + log(tokens)
 * outlet1 -0.4134980  0.6795456 0.5483506 -1.8130483 0.9860523
 * outlet2  0.5977077  0.4269472 0.1738143 -0.2816065 1.4770219
 */
static void adjust_length(void **state)
{
	static const struct r_row px = { 0.5126134, 0.2379917, 0.004988100, 0.3215223, 0.8172762 };
	static const struct r_row py = { 1.5188619, 0.1616943, 0.009741107, 1.1063280, 2.0852240 };
	static const struct r_row lx = { -0.4134980, 0.6795456, 0.5483506, -1.8130483, 0.9860523 };
	static const struct r_row ly = { 0.5977077, 0.4269472, 0.1738143, -0.2816065, 1.4770219 };

	(void)state;
	fit_check(Y, EFFECTS_ADJUST_LENGTH, EFFECTS_POISSON, &px, &py);
	fit_check(STANCE, EFFECTS_ADJUST_LENGTH, EFFECTS_LINEAR, &lx, &ly);
}

/*
 * y ~ outlet + story + ns(days, df = 4) + log(tokens) + offset(log(tokens))
 * outlet1 0.469576  0.2807607 0.007093593 0.2708457 0.8141226
 * outlet2 1.379865  0.2432946 0.185689450 0.8565324 2.2229478
 * stance ~ outlet + story + ns(days, df = 4) + log(tokens)
 * outlet1 -0.5245726  0.7024255 0.4634630 -1.9853464 0.9362011
 * outlet2  0.5592711  0.4997925 0.2757742 -0.4801044 1.5986465
 */
static void adjust_both(void **state)
{
	static const struct r_row px = { 0.469576, 0.2807607, 0.007093593, 0.2708457, 0.8141226 };
	static const struct r_row py = { 1.379865, 0.2432946, 0.185689450, 0.8565324, 2.2229478 };
	static const struct r_row lx = { -0.5245726, 0.7024255, 0.4634630, -1.9853464, 0.9362011 };
	static const struct r_row ly = { 0.5592711, 0.4997925, 0.2757742, -0.4801044, 1.5986465 };
	unsigned both = EFFECTS_ADJUST_DATE | EFFECTS_ADJUST_LENGTH;

	(void)state;
	fit_check(Y, both, EFFECTS_POISSON, &px, &py);
	fit_check(STANCE, both, EFFECTS_LINEAR, &lx, &ly);
}

/*
 * Story 3 without matches (y[12] <- 0), article 40 without a story
 * (story[40] <- NA), article 6 without stance (stance[6] <- NA). R keeps
 * the story (its coefficient runs to -33.5) and counts it in the rank (14)
 * and the clusters; effects.c leaves its rows out of the iterations but
 * counts them alike, so the numbers agree.
 * glm: outlet1 0.5239354  0.2444966 0.008199408 0.3244605 0.8460452
 *      outlet2 1.4396363  0.1902410 0.055439584 0.9915608 2.0901923
 * lm (df.residual 24):
 *      outlet1 -0.4411357  0.7287004 0.5506133 -1.945099 1.062828
 *      outlet2  0.6336599  0.4518826 0.1736384 -0.298980 1.566300
 */
static void zero_story_and_missing(void **state)
{
	static const struct r_row px = { 0.5239354, 0.2444966, 0.008199408, 0.3244605, 0.8460452 };
	static const struct r_row py = { 1.4396363, 0.1902410, 0.055439584, 0.9915608, 2.0901923 };
	static const struct r_row lx = { -0.4411357, 0.7287004, 0.5506133, -1.945099, 1.062828 };
	static const struct r_row ly = { 0.6336599, 0.4518826, 0.1736384, -0.298980, 1.566300 };
	double y[N], stance[N];
	size_t story[N];
	struct effects_est est[3];
	struct effects_fitinfo info;

	(void)state;
	memcpy(y, Y, sizeof(y));
	memcpy(stance, STANCE, sizeof(stance));
	memcpy(story, STORY, sizeof(story));
	y[11] = 0;
	story[39] = EFFECTS_NONE;
	stance[5] = NAN;
	fit(y, story, 0, EFFECTS_POISSON, est, &info);
	assert_null(info.why);
	assert_int_equal(info.n, 39);
	assert_int_equal(info.no_story, 1);
	assert_int_equal(info.rank, 14);
	check_row(&est[1], &px);
	check_row(&est[2], &py);
	fit(stance, story, 0, EFFECTS_LINEAR, est, &info);
	assert_int_equal(info.no_value, 1);
	assert_int_equal(info.n, 38);
	check_row(&est[1], &lx);
	check_row(&est[2], &ly);
}

/* Every article in one story: no cluster-robust error (G - 1 = 0). */
static void one_story(void **state)
{
	size_t story[N] = { 0 };
	struct effects_est est[3];
	struct effects_fitinfo info;

	(void)state;
	fit(Y, story, 0, EFFECTS_POISSON, est, &info);
	assert_string_equal(info.why, "fewer than 2 stories");
	assert_true(isnan(est[1].estimate) && isnan(est[2].p));
	assert_string_equal(est[1].why, "fewer than 2 stories");
}

/*
 * Outlet 2 without a match anywhere: its rate ratio is 0 (R's estimate
 * runs off to about -30 with a warning); NA with the reason, and outlet 1
 * is still estimated.
 */
static void separation(void **state)
{
	double y[N];
	size_t i;
	struct effects_est est[3];
	struct effects_fitinfo info;

	(void)state;
	memcpy(y, Y, sizeof(y));
	for (i = 0; i < N; i++)
		if (OUTLET[i] == 2)
			y[i] = 0;
	fit(y, STORY, 0, EFFECTS_POISSON, est, &info);
	assert_null(info.why);
	assert_true(isnan(est[2].estimate));
	assert_non_null(strstr(est[2].why, "separation"));
	assert_null(est[1].why);
	assert_true(est[1].estimate > 0 && est[1].lo < est[1].estimate && est[1].hi > est[1].estimate);
}

/*
 * Outlet 2 only in stories of its own and of no other outlet: it shares
 * nothing with the reference, so no effect (R would alias a story dummy
 * and report a number that only compares stories).
 */
static void not_connected(void **state)
{
	size_t story[N], i;
	struct effects_est est[3];
	struct effects_fitinfo info;

	(void)state;
	for (i = 0; i < N; i++)
		story[i] = OUTLET[i] == 2 ? 10 + STORY[i] % 2 : STORY[i] % 10;
	fit(STANCE, story, 0, EFFECTS_LINEAR, est, &info);
	assert_null(info.why);
	assert_string_equal(est[2].why, "no story links it to the reference");
	assert_null(est[1].why);
	assert_true(isfinite(est[1].se));
}

/* Log tokens constant within every story: absorbed by the story effects, a singular design. */
static void singular(void **state)
{
	double tokens[N];
	size_t i;
	struct effects_est est[3];
	struct effects_fitinfo info;
	struct effects_data d = { N, STANCE, tokens, DAYS, OUTLET, STORY, 3, 12, EFFECTS_ADJUST_LENGTH };

	(void)state;
	for (i = 0; i < N; i++)
		tokens[i] = 100 + 10 * (double)STORY[i];
	effects_fit(&d, EFFECTS_LINEAR, 0, est, &info);
	assert_string_equal(info.why, "singular design");
	assert_true(isnan(est[1].estimate));
	assert_string_equal(est[2].why, "singular design");
}

/* Articles without tokens have no offset: left out of the Poisson fit and counted. */
static void zero_tokens(void **state)
{
	double tokens[N];
	struct effects_est est[3];
	struct effects_fitinfo info;
	struct effects_data d = { N, Y, tokens, DAYS, OUTLET, STORY, 3, 12, 0 };

	(void)state;
	memcpy(tokens, TOKENS, sizeof(tokens));
	tokens[3] = 0;
	tokens[7] = NAN;
	effects_fit(&d, EFFECTS_POISSON, 0, est, &info);
	assert_int_equal(info.no_tokens, 2);
	assert_int_equal(info.n, 38);
	assert_null(est[1].why);
}

/*
 * The spline space: with a constant, our 4 columns span R's
 * ns(1:12, df = 4) (knots 3.75 6.5 9.25, boundary 1 and 12), so each of
 * ns's columns is fitted on ours without residual. R:
 *   cat(sprintf("%.9f", t(ns(1:12, df = 4))), sep = ", ")
 */
static void spline_span(void **state)
{
	static const double ns[12 * 4] = {
		0.000000000, 0.000000000, 0.000000000, 0.000000000, 0.008014025, -0.088134794,
		0.264404381, -0.176269588, 0.064112196, -0.151886475, 0.455659424,
		-0.303772949, 0.215877786, -0.166914399, 0.501118854, -0.334079236,
		0.450288004, -0.114016710, 0.389007305, -0.259338203, 0.636614075, 0.016028160,
		0.225769766, -0.150513177, 0.636614075, 0.228447164, 0.127956781, -0.084302767,
		0.450288004, 0.462964599, 0.132143018, -0.061048012, 0.215877786, 0.593802103,
		0.194927274, -0.004732383, 0.064112196, 0.508139244, 0.272727273, 0.155021287,
		0.008014025, 0.230725198, 0.350649351, 0.410611427, 0.000000000, -0.142857143,
		0.428571429, 0.714285714 };
	double x[12], b[12 * 4], chisq;
	size_t i, j, k;
	gsl_matrix *X = gsl_matrix_alloc(12, 5), *cov = gsl_matrix_alloc(5, 5);
	gsl_vector *y = gsl_vector_alloc(12), *c = gsl_vector_alloc(5);
	gsl_multifit_linear_workspace *w = gsl_multifit_linear_alloc(12, 5);

	(void)state;
	for (i = 0; i < 12; i++)
		x[i] = (double)i + 1;
	assert_int_equal(effects_spline(x, 12, b), 4);
	for (i = 0; i < 12; i++) {
		gsl_matrix_set(X, i, 0, 1);
		for (k = 0; k < 4; k++)
			gsl_matrix_set(X, i, k + 1, b[i * 4 + k]);
	}
	for (j = 0; j < 4; j++) {
		for (i = 0; i < 12; i++)
			gsl_vector_set(y, i, ns[i * 4 + j]);
		assert_int_equal(gsl_multifit_linear(X, y, c, cov, &chisq, w), GSL_SUCCESS);
		/* R printed 9 decimals: residuals of that size, not of a wrong space. */
		assert_true(chisq < 1e-15);
	}
	/* And not any function fits: x^3 is not linear beyond the boundary knots' curvature. */
	for (i = 0; i < 12; i++)
		gsl_vector_set(y, i, x[i] * x[i] * x[i]);
	gsl_multifit_linear(X, y, c, cov, &chisq, w);
	assert_true(chisq > 1);
	gsl_multifit_linear_free(w);
	gsl_vector_free(c);
	gsl_vector_free(y);
	gsl_matrix_free(cov);
	gsl_matrix_free(X);
	/* Coinciding quantiles drop a column: x = 1 1 1 1 1 1 1 2 3 4 5 6. */
	for (i = 0; i < 12; i++)
		x[i] = i < 7 ? 1 : (double)i - 5;
	assert_int_equal(effects_spline(x, 12, b), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(poisson_plain),
		cmocka_unit_test(linear_plain),
		cmocka_unit_test(adjust_date),
		cmocka_unit_test(adjust_length),
		cmocka_unit_test(adjust_both),
		cmocka_unit_test(zero_story_and_missing),
		cmocka_unit_test(one_story),
		cmocka_unit_test(separation),
		cmocka_unit_test(not_connected),
		cmocka_unit_test(singular),
		cmocka_unit_test(zero_tokens),
		cmocka_unit_test(spline_span),
	};

	gsl_set_error_handler_off();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
