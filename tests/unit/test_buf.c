/* Unit tests for the growable buffer and the TSV reader. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "tsv.h"

static void test_buf_addf_grows(void **state)
{
	struct buf b = BUF_INIT;
	int i;
	(void)state;
	for (i = 0; i < 1000; i++)
		buf_addf(&b, "%d,", i);
	assert_int_equal(b.len, strlen(b.data));
	assert_memory_equal(b.data, "0,1,2,", 6);
	assert_string_equal(b.data + b.len - 4, "999,");
	buf_release(&b);
}

static void test_buf_tsv_field_removes_separators(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	buf_add_tsv_field(&b, "a\tb\nc\rd\0e", 9);
	assert_string_equal(b.data, "a b c d e");
	buf_release(&b);
}

/* Names and titles from the web reach every table: always valid UTF-8. */
static void test_buf_tsv_field_replaces_invalid_utf8(void **state)
{
	struct buf b = BUF_INIT;
	/* Overlong, surrogate, 0xFF, above U+10FFFF, truncated at the end. */
	static const char in[] = "a\xC0\xAF b\xED\xA0\x80 c\xFF d\xF4\x90\x80\x80 \xC3\xA9\xE2\x80";
	buf_add_tsv_field(&b, in, sizeof(in) - 1);
	(void)state;
	assert_string_equal(b.data, "a\xEF\xBF\xBD\xEF\xBF\xBD b\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD c\xEF\xBF\xBD d"
			    "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD \xC3\xA9\xEF\xBF\xBD\xEF\xBF\xBD");
	buf_release(&b);
}

static void test_buf_double_never_nan(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	buf_add_double(&b, NAN);
	buf_addch(&b, ' ');
	buf_add_double(&b, INFINITY);
	buf_addch(&b, ' ');
	buf_add_double(&b, -0.0);
	buf_addch(&b, ' ');
	buf_add_double(&b, 1.0 / 3);
	assert_string_equal(b.data, "NA NA 0 0.333333");
	buf_release(&b);
}

/* Whole numbers skip printf; every value must still print as "%.6g" does. */
static void test_buf_double_equals_printf(void **state)
{
	static const double values[] = {
		1, -1, 7, 10, 999999, -999999, 1e6, -1e6, 1234567, 123456, 100000, 0.5, -0.5,
		2.5e-5, 1e15, 9007199254740993.0, 3.0000001, 42.000001, 1e-300, 65536, -65536,
	};
	struct buf b = BUF_INIT;
	char want[64];
	size_t i;
	int k;
	(void)state;

	for (i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		buf_reset(&b);
		buf_add_double(&b, values[i]);
		snprintf(want, sizeof(want), "%.6g", values[i]);
		assert_string_equal(b.data, want);
	}
	for (k = -2000000; k <= 2000000; k += 997) {
		buf_reset(&b);
		buf_add_double(&b, (double)k);
		snprintf(want, sizeof(want), "%.6g", (double)k);
		assert_string_equal(b.data, want);
	}
	buf_release(&b);
}

static void test_tsv_reads_rows_and_reports_bad_width(void **state)
{
	char text[] = "\xEF\xBB\xBFid\tname\r\n1\tone\r\n\n2\ttwo\n3\n";
	FILE *f = fmemopen(text, strlen(text), "r");
	struct tsv *t = tsv_open_stream(f, "mem.tsv");
	(void)state;
	assert_non_null(t);
	assert_int_equal(tsv_columns(t), 2);
	assert_int_equal(tsv_column(t, "id"), 0);
	assert_int_equal(tsv_column(t, "name"), 1);
	assert_int_equal(tsv_next(t), 1);
	assert_string_equal(tsv_field(t, 1), "one");
	assert_int_equal(tsv_next(t), 1);
	assert_string_equal(tsv_field(t, 0), "2");
	assert_int_equal(tsv_line(t), 4);
	assert_int_equal(tsv_next(t), -1);	/* "3" has one field */
	tsv_close(t);
	fclose(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf_addf_grows),
		cmocka_unit_test(test_buf_tsv_field_removes_separators),
		cmocka_unit_test(test_buf_tsv_field_replaces_invalid_utf8),
		cmocka_unit_test(test_buf_double_never_nan),
		cmocka_unit_test(test_buf_double_equals_printf),
		cmocka_unit_test(test_tsv_reads_rows_and_reports_bad_width),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
