/* sort_u64 against qsort: random, few distinct, sorted, reversed, constant. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "sort.h"

static int cmp_u64(const void *pa, const void *pb)
{
	uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;
	return a < b ? -1 : a > b;
}

/* xorshift64: the same arrays on every machine. */
static uint64_t next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static void test_sort_u64_equals_qsort(void **state)
{
	enum { MAX = 600 };
	uint64_t a[MAX], b[MAX], seed = 88172645463325252ULL;
	size_t t, i;
	(void)state;

	for (t = 0; t < 20000; t++) {
		size_t n = (size_t)(next(&seed) % MAX);
		unsigned shape = (unsigned)(t % 5);
		for (i = 0; i < n; i++) {
			uint64_t v = next(&seed);
			a[i] = b[i] = shape == 0 ? v : shape == 1 ? v % 3 : shape == 2 ? i
				      : shape == 3 ? n - i : 7;
		}
		sort_u64(a, n);
		qsort(b, n, sizeof(*b), cmp_u64);
		if (n)
			assert_memory_equal(a, b, n * sizeof(*a));
	}
	sort_u64(NULL, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sort_u64_equals_qsort),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
