/* Unit tests for the category names of lexcat.h: the edit distance and
 * when a name is close enough to be taken for a typo. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "lexcat.h"

/* Distances by hand (R: adist("bearsh", "bearish") is 1; adist has no swap,
 * so "baerish" is 2 there and 1 here). */
static void test_distance(void **state)
{
	(void)state;
	assert_int_equal(lexcat_distance("bearsh", "bearish"), 1);
	assert_int_equal(lexcat_distance("baerish", "bearish"), 1);
	assert_int_equal(lexcat_distance("Bearish", "bearish"), 0);
	assert_int_equal(lexcat_distance("", "us"), 2);
	assert_int_equal(lexcat_distance("kitten", "sitting"), 3);
	assert_int_equal(lexcat_distance("ca", "abc"), 3);	/* OSA, not Damerau: no edit of a swapped pair */
}

static void test_closest(void **state)
{
	struct lexicon lx = LEXICON_INIT;
	const char text[] = "[bullish]\nrally\n[bearish]\nslump\n[us]\nwashington\n";

	(void)state;
	assert_int_equal(lexicon_parse(&lx, "t.lex", text, strlen(text)), 0);
	assert_int_equal(lexcat_closest(&lx, "bearsh"), 1);
	assert_int_equal(lexcat_closest(&lx, "bulish"), 0);
	/* Equally close to both: the first in lexicon order. */
	assert_int_equal(lexcat_closest(&lx, "b_llish"), 0);
	assert_int_equal(lexcat_closest(&lx, "uk"), -1);	/* one edit, but half the name */
	assert_int_equal(lexcat_closest(&lx, "bish"), -1);	/* three edits */
	assert_int_equal(lexcat_find(&lx, "us"), 2);
	lexicon_release(&lx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_distance),
		cmocka_unit_test(test_closest),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
