/* Unit tests for the count tables. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "counts.h"
#include "text.h"

/* What counts_add puts in, counts_get finds, across growth of the table. */
static void test_get_finds_what_add_put(void **state)
{
	struct counts *c = counts_new();
	char key[32];
	int i;
	(void)state;

	for (i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "word%d", i);
		counts_add(c, key, strlen(key), (uint64_t)i + 1);
	}
	counts_add(c, "word7", 5, 10);
	assert_int_equal(counts_size(c), 5000);
	for (i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "word%d", i);
		assert_int_equal(counts_get(c, key, strlen(key)), (uint64_t)i + 1 + (i == 7 ? 10 : 0));
	}
	assert_int_equal(counts_get(c, "absent", 6), 0);
	counts_free(c);
}

/* Keys given with the tokens' hash are counted as one key each, and merge by key. */
static void test_hashed_keys_merge_by_key(void **state)
{
	struct counts *c = counts_new(), *all = counts_new();
	static const char *const words[] = { "china", "us", "china", "dialogue", "us", "china" };
	size_t i;
	(void)state;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		++*counts_slot_hashed(c, words[i], strlen(words[i]), text_hash(words[i], strlen(words[i])));
	assert_int_equal(counts_size(c), 3);
	counts_merge(all, c);
	assert_int_equal(counts_get(all, "china", 5), 3);
	assert_int_equal(counts_get(all, "us", 2), 2);
	assert_int_equal(counts_get(all, "dialogue", 8), 1);
	counts_free(c);
	counts_free(all);
}

/*
 * Keys that share a hash are told apart by their bytes: by the first eight
 * kept in the slot, and by the rest when the first eight are equal.
 */
static void test_keys_with_one_hash_stay_apart(void **state)
{
	struct counts *c = counts_new();
	static const char *const words[] = {
		"abcdefgh", "abcdefghx", "abcdefghy", "abcdefgi", "abc", "abcd", "a",
		"longer than eight bytes 1", "longer than eight bytes 2",
	};
	const size_t n = sizeof(words) / sizeof(words[0]);
	size_t i, k;
	(void)state;

	for (k = 1; k <= 3; k++)
		for (i = 0; i < n; i++)
			*counts_slot_hashed(c, words[i], strlen(words[i]), 42) += k * (i + 1);
	assert_int_equal(counts_size(c), n);
	for (i = 0; i < n; i++)
		assert_int_equal(*counts_slot_hashed(c, words[i], strlen(words[i]), 42), 6 * (i + 1));
	counts_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_get_finds_what_add_put),
		cmocka_unit_test(test_hashed_keys_merge_by_key),
		cmocka_unit_test(test_keys_with_one_hash_stay_apart),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
