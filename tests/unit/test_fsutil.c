/*
 * Unit tests for the path checks of fsutil.h that keep outputs out of the
 * corpus (issue 18): resolving a path that does not exist yet, and
 * "inside" by whole components. Expected values follow from realpath(3) of
 * the scratch folder and the path's text; GNU `realpath -m` agrees on each
 * (e.g. realpath -m "$T/c/y/.." prints $T/c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsutil.h"

static char scratch[PATH_MAX], real[PATH_MAX];

static int setup(void **state)
{
	char p[PATH_MAX + 32], *r;
	(void)state;
	snprintf(scratch, sizeof(scratch), "%s/framing-fsutil.XXXXXX",
		 getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(scratch))
		return -1;
	r = realpath(scratch, NULL);
	snprintf(real, sizeof(real), "%s", r);
	free(r);
	snprintf(p, sizeof(p), "%s/c", scratch);
	mkdir(p, 0755);
	snprintf(p, sizeof(p), "%s/c/x", scratch);
	mkdir(p, 0755);
	snprintf(p, sizeof(p), "%s/link", scratch);
	return symlink("c", p);
}

static int teardown(void **state)
{
	char p[PATH_MAX + 32];
	(void)state;
	snprintf(p, sizeof(p), "%s/link", scratch);
	unlink(p);
	snprintf(p, sizeof(p), "%s/c/x", scratch);
	rmdir(p);
	snprintf(p, sizeof(p), "%s/c", scratch);
	rmdir(p);
	rmdir(scratch);
	return 0;
}

/* fsutil_resolve of scratch/rel must be real/want. */
static void check(const char *rel, const char *want)
{
	char path[PATH_MAX + 64], expect[PATH_MAX + 64], *got;

	snprintf(path, sizeof(path), "%s/%s", scratch, rel);
	snprintf(expect, sizeof(expect), "%s%s%s", real, *want ? "/" : "", want);
	got = fsutil_resolve(path);
	assert_non_null(got);
	assert_string_equal(got, expect);
	free(got);
}

static void test_resolve_existing(void **state)
{
	(void)state;
	check("c", "c");
	check("c/x/..", "c");
	check("c/./x/", "c/x");
	check("link", "c");
	check("link/x/..", "c");
}

static void test_resolve_missing(void **state)
{
	(void)state;
	check("c/y/..", "c");
	check("c/new/deeper/../..", "c");
	check("c/new/deeper/../out", "c/new/out");
	check("link/new", "c/new");
	check("link/new/..//", "c");
	check("new/../", "");
	check("c/new/../../c", "c");
}

static void test_resolve_relative(void **state)
{
	char cwd[PATH_MAX], *got;
	(void)state;
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(scratch), 0);
	got = fsutil_resolve("nothere/x/..");
	assert_non_null(got);
	{
		char want[PATH_MAX + 16];
		snprintf(want, sizeof(want), "%s/nothere", real);
		assert_string_equal(got, want);
	}
	free(got);
	got = fsutil_resolve("");
	assert_string_equal(got, real);
	free(got);
	assert_int_equal(chdir(cwd), 0);
}

static void test_inside(void **state)
{
	(void)state;
	assert_true(fsutil_inside("/a/b", "/a/b"));
	assert_true(fsutil_inside("/a/b/c", "/a/b"));
	assert_false(fsutil_inside("/a/bc", "/a/b"));
	assert_false(fsutil_inside("/a", "/a/b"));
	assert_true(fsutil_inside("/etc/passwd", "/"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_resolve_existing),
		cmocka_unit_test(test_resolve_missing),
		cmocka_unit_test(test_resolve_relative),
		cmocka_unit_test(test_inside),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
