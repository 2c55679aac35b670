/* Unit tests for the log-odds z-score behind lexicon suggest. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "suggest.h"

/* Monroe et al. (2008) eq. 22 by hand: delta = log(25/375) - log(20/480)
 * = 0.4700036, sigma^2 = 1/25 + 1/20 = 0.09, z = 0.4700036 / 0.3. */
static void test_log_odds_by_hand(void **state)
{
	(void)state;
	assert_true(fabs(suggest_log_odds_z(10, 100, 5, 200, 15, 300) - 1.566679) < 1e-6);
	/* Symmetric: swapping the sets flips the sign. */
	assert_true(fabs(suggest_log_odds_z(5, 200, 10, 100, 15, 300) + 1.566679) < 1e-6);
	/* Same share in both sets: no association. */
	assert_true(fabs(suggest_log_odds_z(10, 100, 20, 200, 30, 300)) < 1e-12);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_log_odds_by_hand),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
