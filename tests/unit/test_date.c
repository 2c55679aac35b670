/* Unit tests for the date module: one reading of YYYY-MM-DD for the corpus and the charts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "date.h"

static void test_date_parse(void **state)
{
	long y = 0, m = 0, d = 0;
	(void)state;
	assert_int_equal(date_parse("2014-10-19", &y, &m, &d), 0);
	assert_int_equal(y, 2014);
	assert_int_equal(m, 10);
	assert_int_equal(d, 19);
	assert_int_equal(date_parse("2016-02-29", NULL, NULL, NULL), 0);
	assert_int_equal(date_parse("2000-02-29", NULL, NULL, NULL), 0);
	assert_int_equal(date_parse("1000-01-01", NULL, NULL, NULL), 0);
}

static void test_date_not_dates(void **state)
{
	static const char *const bad[] = {
		"", "2014-1-19", "2014-10-19 ", "2014/10/19", "2014-13-01", "2014-00-10",
		"2014-10-00", "2014-02-30", "2015-02-29", "1900-02-29", "2014-04-31", "+014-10-19",
		"20141019", "2014-10-1x",
		/* Years before 1000: score took 0000-02-29, the timeline did not (issue 18). */
		"0000-02-29", "0999-12-31", "0000-01-01",
	};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		long y = -1;
		assert_int_equal(date_parse(bad[i], &y, NULL, NULL), -1);
		assert_int_equal(y, -1);	/* untouched */
		assert_false(date_valid(bad[i]));
	}
}

static void test_date_days(void **state)
{
	(void)state;
	assert_int_equal(date_days_from_civil(1970, 1, 1), 0);
	assert_int_equal(date_days_from_civil(1970, 1, 2), 1);
	assert_int_equal(date_days_from_civil(1969, 12, 31), -1);
	assert_int_equal(date_days_from_civil(2000, 3, 1), 11017);
	assert_int_equal(date_days_from_civil(2014, 10, 19), 16362);
	assert_int_equal(date_days_from_civil(2016, 3, 1) - date_days_from_civil(2016, 2, 28), 2);
	assert_int_equal(date_days_from_civil(2015, 3, 1) - date_days_from_civil(2015, 2, 28), 1);
}

/* The inverse of date_days_from_civil, over leap days and before 1970. */
static void test_date_civil_from_days(void **state)
{
	static const long days[] = { 0, -1, 11016, 11017, 16362, -719468, 2932896 };
	long k, y, m, d;
	size_t i;
	(void)state;
	date_civil_from_days(11016, &y, &m, &d);	/* 2000-02-29 */
	assert_int_equal(y, 2000);
	assert_int_equal(m, 2);
	assert_int_equal(d, 29);
	date_civil_from_days(-1, &y, &m, &d);
	assert_int_equal(y * 10000 + m * 100 + d, 19691231);
	for (i = 0; i < sizeof(days) / sizeof(days[0]); i++) {
		date_civil_from_days(days[i], &y, &m, &d);
		assert_int_equal(date_days_from_civil(y, m, d), days[i]);
	}
	for (k = -800000; k < 3000000; k += 997) {
		date_civil_from_days(k, &y, &m, &d);
		assert_true(m >= 1 && m <= 12 && d >= 1 && d <= 31);
		assert_int_equal(date_days_from_civil(y, m, d), k);
	}
}

/* The forms framing import reads, each written out as R's as.Date reads it. */
static void test_date_normalise(void **state)
{
	static const char *const good[][2] = {
		/* as.Date("2014-10-20") */
		{ "2014-10-20", "2014-10-20" },
		{ " 2014-10-20T08:00:00Z ", "2014-10-20" },
		{ "2014-10-20 23:59:59+08:00", "2014-10-20" },
		/* as.Date("20010101T000000+0000", "%Y%m%d") */
		{ "20010101T000000+0000", "2001-01-01" },
		{ "20160229", "2016-02-29" },
		/* as.Date("Thu, 26 Feb 1987 17:00:56 GMT", "%a, %d %b %Y") */
		{ "Thu, 26 Feb 1987 17:00:56 GMT", "1987-02-26" },
		{ "26 Feb 1987 17:00:56 +0000", "1987-02-26" },
		{ "Sun, 1 Mar 2015 00:00:00 -0500", "2015-03-01" },
		/* as.Date("26-FEB-1987", "%d-%b-%Y") */
		{ " 26-FEB-1987 17:00:56.04", "1987-02-26" },
		{ "5-MAR-1987 09:00:00.00", "1987-03-05" },
		/* as.Date("February 26, 1987", "%B %d, %Y") */
		{ "February 26, 1987", "1987-02-26" },
		{ "Feb 26, 1987", "1987-02-26" },
		{ "Sept. 3, 2001", "2001-09-03" },
		{ "february 29 2016", "2016-02-29" },
		{ "Monday, September 11, 2001", "2001-09-11" },
	};
	static const char *const bad[] = {
		"", "26 February", "Feb 30, 1987", "29-FEB-1987 10:00:00.00", "1987-02-26x",
		"26/02/1987", "Thu, 26 Fbr 1987", "26 Feb 87", "26-Feb 1987", "Foo 26, 1987",
		"123 Feb 1987", "February 26, 19870", "0999-01-01", "2014-1-20",
		"20150229", "201601011",
	};
	char out[11];
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		assert_int_equal(date_normalise(good[i][0], out), 0);
		assert_string_equal(out, good[i][1]);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (date_normalise(bad[i], out) == 0)
			fail_msg("'%s' read as %s", bad[i], out);
}

/*
 * A short string that starts like an ISO date, in a block of its own size:
 * date_normalise copied 10 bytes of it before looking at its length (a
 * heap overflow under ASan, found by fuzz_manifest once manifest dates were
 * read through it).
 */
static void test_date_normalise_short(void **state)
{
	static const char *const shorts[] = { "1007-0", "2014-", "2014-10-2" };
	char out[11];
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(shorts) / sizeof(shorts[0]); i++) {
		size_t n = strlen(shorts[i]) + 1;
		char *s = malloc(n);
		assert_non_null(s);
		memcpy(s, shorts[i], n);
		assert_int_equal(date_normalise(s, out), -1);
		free(s);
	}
}

/* Why a date is refused: a spreadsheet's order of day and month, or none of the forms. */
static void test_date_refusal(void **state)
{
	(void)state;
	assert_non_null(strstr(date_refusal("26/02/1987"), "either order"));
	assert_non_null(strstr(date_refusal("2/26/1987"), "either order"));
	assert_non_null(strstr(date_refusal("26.02.1987"), "either order"));
	assert_non_null(strstr(date_refusal("2014-10"), "framing import --help"));
	assert_non_null(strstr(date_refusal("26/02/1987x"), "framing import --help"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_parse),
		cmocka_unit_test(test_date_not_dates),
		cmocka_unit_test(test_date_days),
		cmocka_unit_test(test_date_civil_from_days),
		cmocka_unit_test(test_date_normalise),
		cmocka_unit_test(test_date_normalise_short),
		cmocka_unit_test(test_date_refusal),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
