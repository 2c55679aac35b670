/* Unit tests for near-duplicate detection (dedup.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dedup.h"
#include "fsutil.h"

#define NW 200

/* A deterministic text of n words drawn from a vocabulary of 500, varied by seed. */
static void make_words(char words[][16], const char **ptr, size_t n, unsigned seed)
{
	size_t i;
	unsigned x = seed * 2654435761u + 1;
	for (i = 0; i < n; i++) {
		x = x * 1103515245u + 12345u;
		snprintf(words[i], 16, "w%u", (x >> 8) % 500);
		ptr[i] = words[i];
	}
}

/* Runs dedup_write into a fresh folder and returns duplicates.tsv's text. */
static char *write_and_read(struct dedup *d)
{
	char dir[] = "/tmp/framing-dedup-XXXXXX";
	char *path, *text;
	size_t len;

	assert_non_null(mkdtemp(dir));
	assert_int_equal(dedup_write(d, dir), 0);
	path = path_join(dir, "duplicates.tsv");
	text = read_file(path, &len);
	assert_non_null(text);
	unlink(path);
	rmdir(dir);
	free(path);
	return text;
}

static void test_copies_found_unrelated_not(void **state)
{
	static char a[NW][16], b[NW][16], c[NW][16];
	const char *pa[NW], *pb[NW], *pc[NW];
	struct dedup *d = dedup_new();
	char *out;
	(void)state;
	make_words(a, pa, NW, 1);
	make_words(b, pb, NW, 1);
	make_words(c, pc, NW, 2);
	/* Edit 3 words of the copy: about 15 of 196 shingles change, Jaccard ~0.86. */
	pb[50] = "edited";
	pb[100] = "edited";
	pb[150] = "edited";
	dedup_add(d, "xinhua-1", "China Daily", "2015-09-12", pa, NW);
	dedup_add(d, "other", "Reuters", "2015-09-10", pc, NW);
	dedup_add(d, "ptv-9", "Press TV", "2015-09-11", pb, NW);
	dedup_add(d, "empty", "Sputnik", "NA", NULL, 0);
	out = write_and_read(d);
	/* The earlier article (by date) comes first; the similarity is the estimate. */
	assert_non_null(strstr(out, "id_a\tid_b\toutlet_a\toutlet_b\tsimilarity\n"
				    "ptv-9\txinhua-1\tPress TV\tChina Daily\t0."));
	assert_null(strstr(out, "other"));
	assert_null(strstr(out, "empty"));
	{
		double sim = atof(strrchr(out, '\t') + 1);
		assert_true(sim > 0.7 && sim < 1);
	}
	free(out);
	dedup_free(d);
}

static void test_short_and_identical(void **state)
{
	const char *s[] = { "china", "denies", "hacking" };
	struct dedup *d = dedup_new();
	char *out;
	(void)state;
	dedup_add(d, "b", "Press TV", "NA", s, 3);
	dedup_add(d, "a", "Sputnik", "NA", s, 3);
	out = write_and_read(d);
	/* Same date (NA): ordered by id. A short text is one shingle. */
	assert_string_equal(out, "id_a\tid_b\toutlet_a\toutlet_b\tsimilarity\n"
				 "a\tb\tSputnik\tPress TV\t1\n");
	free(out);
	dedup_free(d);
}

static void test_half_overlap_estimate(void **state)
{
	static char a[NW][16], b[NW][16];
	const char *pa[NW], *pb[NW];
	struct dedup *d = dedup_new();
	char *out;
	size_t i;
	(void)state;
	/* b shares a's first 160 words, then differs: 156 shared shingles out of
	 * 196 + 196 - 156 = 236 in the union, Jaccard 0.661. */
	make_words(a, pa, NW, 7);
	make_words(b, pb, NW, 8);
	for (i = 0; i < 160; i++)
		pb[i] = pa[i];
	dedup_add(d, "one", "A", "2020-01-01", pa, NW);
	dedup_add(d, "two", "B", "2020-01-02", pb, NW);
	out = write_and_read(d);
	{
		char *tab = strrchr(out, '\t');
		assert_non_null(tab);
		assert_true(fabs(atof(tab + 1) - 0.661) < 0.15);
	}
	free(out);
	/* Deterministic: the same input gives the same bytes. */
	out = write_and_read(d);
	assert_non_null(strstr(out, "one\ttwo\tA\tB\t"));
	free(out);
	dedup_free(d);
}

/*
 * Signatures as framing stats reads them from signatures.tsv: the same
 * 512 hex digits pair with similarity 1; anything but 512 lowercase hex
 * digits or "-" is refused.
 */
static void test_signatures_read_and_refused(void **state)
{
	static const char hex[] = "0123456789abcdef";
	char sig[4 * 128 + 2], bad[4 * 128 + 2], *text;
	struct dedup *d = dedup_new();
	unsigned x = 12345;
	size_t i;
	const size_t at[] = { 0, 1, 2, 3, 255, 508, 511 };
	(void)state;
	for (i = 0; i < 4 * 128; i++) {
		x = x * 1103515245u + 12345u;
		sig[i] = hex[(x >> 16) & 15];
	}
	sig[4 * 128] = '\0';
	assert_int_equal(dedup_add_signature(d, "x1", "A", "2015-01-01", sig), 0);
	assert_int_equal(dedup_add_signature(d, "x2", "B", "2015-01-02", sig), 0);
	assert_int_equal(dedup_add_signature(d, "x3", "B", "", "-"), 0);
	/* Every bad byte, wherever it sits in the 512 digits. */
	memcpy(bad, sig, sizeof(sig));
	for (i = 0; i < sizeof(at) / sizeof(*at); i++) {
		const char wrong[] = { 'A', 'g', ' ', '/', ':', '`', '\xc3' };
		size_t w;
		for (w = 0; w < sizeof(wrong); w++) {
			bad[at[i]] = wrong[w];
			assert_int_equal(dedup_add_signature(d, "y", "C", "", bad), -1);
		}
		bad[at[i]] = sig[at[i]];
	}
	assert_int_equal(dedup_add_signature(d, "y", "C", "", bad), 0);
	bad[511] = '\0';
	assert_int_equal(dedup_add_signature(d, "z", "C", "", bad), -1);
	assert_int_equal(dedup_add_signature(d, "z", "C", "", ""), -1);
	bad[511] = sig[511];
	bad[512] = '0';
	bad[513] = '\0';
	assert_int_equal(dedup_add_signature(d, "z", "C", "", bad), -1);
	/* x1, x2 and y have the same signature; x3 has none. */
	text = write_and_read(d);
	assert_string_equal(text, "id_a\tid_b\toutlet_a\toutlet_b\tsimilarity\n"
			    "x1\tx2\tA\tB\t1\n"
			    "x1\ty\tA\tC\t1\n"
			    "x2\ty\tB\tC\t1\n");
	free(text);
	dedup_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_copies_found_unrelated_not),
		cmocka_unit_test(test_short_and_identical),
		cmocka_unit_test(test_half_overlap_estimate),
		cmocka_unit_test(test_signatures_read_and_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
