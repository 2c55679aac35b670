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
 * Keys are told apart by all their bytes, though a slot keeps only the
 * first eight: many keys of one length sharing their first eight bytes
 * (long ones) or differing only there (short ones) crowd the same probe
 * runs, and each keeps its own count through every growth of the table.
 */
static void check_similar_keys(int hashed)
{
	struct counts *c = counts_new();
	char key[32];
	size_t i, k, len;

	for (k = 1; k <= 2; k++)
		for (i = 0; i < 3000; i++) {
			len = (size_t)snprintf(key, sizeof(key), i % 2 ? "w%05zu" : "abcdefgh%05zu", i);
			if (hashed)
				*counts_slot_hashed(c, key, len, text_hash(key, len)) += i + k;
			else
				*counts_slot(c, key, len) += i + k;
		}
	assert_int_equal(counts_size(c), 3000);
	for (i = 0; i < 3000; i++) {
		len = (size_t)snprintf(key, sizeof(key), i % 2 ? "w%05zu" : "abcdefgh%05zu", i);
		if (hashed)
			assert_int_equal(*counts_slot_hashed(c, key, len, text_hash(key, len)), 2 * i + 3);
		else
			assert_int_equal(counts_get(c, key, len), 2 * i + 3);
	}
	counts_free(c);
}

static void test_similar_keys_stay_apart(void **state)
{
	(void)state;
	check_similar_keys(0);
	check_similar_keys(1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_get_finds_what_add_put),
		cmocka_unit_test(test_hashed_keys_merge_by_key),
		cmocka_unit_test(test_similar_keys_stay_apart),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
