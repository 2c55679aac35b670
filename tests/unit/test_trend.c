/*
 * Unit tests for the trend of the timeline (trend.h): the window's width,
 * which articles a window holds, and its mean and t-interval, against R.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "stats.h"
#include "trend.h"

#define CLOSE(a, b) assert_true(fabs((a) - (b)) <= 1e-9 * (1 + fabs(b)))

/* A quarter of the span, rounded half up, at least 1; none for one date. */
static void test_trend_window(void **state)
{
	(void)state;
	assert_int_equal(trend_window(0), 0);
	assert_int_equal(trend_window(-3), 0);
	assert_int_equal(trend_window(1), 1);
	assert_int_equal(trend_window(2), 1);
	assert_int_equal(trend_window(38), 10);	/* 9.5 */
	assert_int_equal(trend_window(365), 91);	/* 91.25 */
	assert_int_equal(trend_window(730), 183);	/* 182.5 */
}

/* 20 articles two days apart (days 0, 2, ..., 38), given in reverse order. */
static const double fx_value[20] = {
	0.5, -1, 2, 0.3, 1.1, -0.4, 0.9, 1.6, -0.2, 0.7, 0, 1.2, 2.5, -0.8, 0.4, 1, 0.6, -1.5, 0.2, 1.8,
};

static void fixture(long *day, double *value)
{
	size_t i;
	for (i = 0; i < 20; i++) {
		day[19 - i] = (long)(2 * i);
		value[19 - i] = fx_value[i];
	}
}

/*
 * Expected values from R, with the articles of day t those with
 * |day - t| <= 5 (width 10 = trend_window(38)):
 *   d <- seq(0, 38, 2); v <- c(0.5,-1,2,0.3,1.1,-0.4,0.9,1.6,-0.2,0.7,0,1.2,2.5,-0.8,0.4,1,0.6,-1.5,0.2,1.8)
 *   w <- function(t) { x <- v[abs(d - t) <= 5]; m <- mean(x)
 *     h <- qt(.975, length(x) - 1) * sd(x) / sqrt(length(x)); c(length(x), m, m - h, m + h) }
 * The 50 points k * 38 / 49 rounded give every day 0..38 once, so point t is day t.
 */
static void test_trend_fixture(void **state)
{
	static const struct { long t; size_t n; double m, lo, hi; } want[] = {
		{ 4, 5, 0.58, -0.7897754497, 1.949775450 },		/* w(4) */
		{ 5, 6, 0.4166666667, -0.7007071692, 1.534040502 },	/* w(5) */
		{ 10, 5, 0.7, -0.2577729602, 1.657772960 },		/* w(10) */
		{ 11, 6, 0.55, -0.2703069938, 1.370306994 },		/* w(11) */
		{ 27, 6, 0.8166666667, -0.3183098242, 1.951643158 },	/* w(27) */
		{ 33, 6, 0.4166666667, -0.7337305343, 1.567063868 },	/* w(33) */
		{ 34, 5, 0.42, -1.1017350905, 1.941735090 },		/* w(34) */
	};
	struct trend_point p[TREND_POINTS];
	long day[20];
	double value[20];
	size_t i, n;

	(void)state;
	fixture(day, value);
	n = trend_group(day, value, 20, trend_window(38), p);
	assert_int_equal(n, 39);
	for (i = 0; i < n; i++)
		assert_int_equal(p[i].day, (long)i);
	/* Days 0 and 1 hold 3 and 4 articles, day 38 holds 3: no value. */
	assert_int_equal(p[0].n, 3);
	assert_true(isnan(p[0].value) && isnan(p[0].lo) && isnan(p[0].hi));
	assert_int_equal(p[1].n, 4);
	assert_true(isnan(p[1].value));
	assert_int_equal(p[38].n, 3);
	assert_true(isnan(p[38].value));
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const struct trend_point *q = &p[want[i].t];
		assert_int_equal(q->n, want[i].n);
		assert_true(fabs(q->value - want[i].m) < 1e-9);
		assert_true(fabs(q->lo - want[i].lo) < 1e-8);
		assert_true(fabs(q->hi - want[i].hi) < 1e-8);
	}
}

/* Below TREND_MIN_ARTICLES, on one date, or with no window: no trend. */
static void test_trend_none(void **state)
{
	struct trend_point p[TREND_POINTS];
	long day[20], same[20];
	double value[20];
	size_t i;

	(void)state;
	fixture(day, value);
	assert_int_equal(trend_group(day, value, 19, 10, p), 0);
	assert_int_equal(trend_group(day, value, 20, 0, p), 0);
	for (i = 0; i < 20; i++)
		same[i] = 100;
	assert_int_equal(trend_group(same, value, 20, 10, p), 0);
}

/* Equal values in a window: the band is the mean itself, not NA. */
static void test_trend_equal_values(void **state)
{
	struct trend_point p[TREND_POINTS];
	long day[24];
	double value[24];
	size_t i, n;

	(void)state;
	for (i = 0; i < 24; i++) {
		day[i] = (long)(i / 2) * 30;	/* two articles a month over a year */
		value[i] = 0.25;
	}
	n = trend_group(day, value, 24, trend_window(330), p);
	assert_int_equal(trend_window(330), 83);
	assert_int_equal(n, TREND_POINTS);
	for (i = 0; i < n; i++) {
		if (p[i].n < TREND_MIN_WINDOW) {
			assert_true(isnan(p[i].value));
			continue;
		}
		CLOSE(p[i].value, 0.25);
		CLOSE(p[i].lo, 0.25);
		CLOSE(p[i].hi, 0.25);
	}
	/* The first point: days 0 and 30 (|d| <= 41.5), two articles each. */
	assert_int_equal(p[0].day, 0);
	assert_int_equal(p[0].n, 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_trend_window),
		cmocka_unit_test(test_trend_fixture),
		cmocka_unit_test(test_trend_none),
		cmocka_unit_test(test_trend_equal_values),
	};
	stats_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
