/*
 * Unit tests for chart_render (chart.h): gnuplot's warnings never reach
 * stderr, and an error is reported with the script line it stopped at and
 * a failure. Skipped without gnuplot.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "chart.h"
#include "fsutil.h"

static char dir[] = "/tmp/framing-test-chart.XXXXXX";

/* Runs chart_render into dir/name.svg with stderr caught in *err; its return value. */
static int render(const char *name, const char *script, struct buf *err)
{
	struct buf path = BUF_INIT;
	FILE *cap = tmpfile();
	int saved, r;
	char chunk[4096];
	size_t n;

	assert_non_null(cap);
	buf_addf(&path, "%s/%s.svg", dir, name);
	fflush(stderr);
	saved = dup(STDERR_FILENO);
	dup2(fileno(cap), STDERR_FILENO);
	r = chart_render(path.data, CHART_SVG, 400, 300, script);
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	rewind(cap);
	while ((n = fread(chunk, 1, sizeof(chunk), cap)) > 0)
		buf_add(err, chunk, n);
	fclose(cap);
	buf_release(&path);
	return r;
}

static int exists(const char *name)
{
	struct buf path = BUF_INIT;
	int r;
	buf_addf(&path, "%s/%s.svg", dir, name);
	r = access(path.data, F_OK) == 0;
	buf_release(&path);
	return r;
}

/* An empty data block makes gnuplot warn "Skipping data file with no valid points": not shown. */
static void test_chart_warning_dropped(void **state)
{
	struct buf err = BUF_INIT;
	(void)state;
	assert_int_equal(render("warn", "$d << EOD\nEOD\nset xrange [0:1]\nset yrange [0:1]\n"
				"plot $d using 1:2 with points, x notitle\n", &err), 0);
	assert_true(exists("warn"));
	assert_string_equal(buf_str(&err), "");
	buf_release(&err);
}

/* A plot style gnuplot lacks: the error, the line of the script, a failure, no file. */
static void test_chart_error_with_line(void **state)
{
	struct buf err = BUF_INIT;
	(void)state;
	assert_int_equal(render("bad", "set xrange [0:1]\n$d << EOD\n1 2\nEOD\n"
				"plot $d using 1:2 with pointz\n", &err), -1);
	assert_false(exists("bad"));
	assert_non_null(strstr(buf_str(&err), "gnuplot cannot draw '"));
	assert_non_null(strstr(buf_str(&err), "bad.svg': unrecognized plot type\n"));
	assert_non_null(strstr(buf_str(&err),
			       "framing:   at line 5 of its script: plot $d using 1:2 with pointz\n"));
	assert_null(strstr(buf_str(&err), "gnuplot>"));
	buf_release(&err);
}

/* Warnings before an error stay out; the error is still told. */
static void test_chart_error_after_warning(void **state)
{
	struct buf err = BUF_INIT;
	(void)state;
	assert_int_equal(render("both", "$e << EOD\nEOD\nset xrange [0:1]\nset yrange [0:1]\n"
				"plot $e using 1:2 with points, x notitle\nset nosuchthing\n",
				&err), -1);
	assert_null(strstr(buf_str(&err), "warning"));
	assert_non_null(strstr(buf_str(&err), "at line 6 of its script: set nosuchthing\n"));
	buf_release(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chart_warning_dropped),
		cmocka_unit_test(test_chart_error_with_line),
		cmocka_unit_test(test_chart_error_after_warning),
	};
	int r;

	if (!chart_available()) {
		printf("gnuplot is not installed\n");
		return 77;
	}
	if (!mkdtemp(dir))
		return 1;
	r = cmocka_run_group_tests(tests, NULL, NULL);
	{
		struct buf cmd = BUF_INIT;
		buf_addf(&cmd, "%s/warn.svg", dir);
		unlink(cmd.data);
		buf_release(&cmd);
	}
	rmdir(dir);
	return r;
}
