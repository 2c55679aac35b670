/*
 * Unit tests for site templates: the line key (what counts as the same
 * line), the cleaner's question, and the table file read back.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "clean.h"
#include "templates.h"

static uint64_t key(const char *s)
{
	struct buf scratch[2] = { BUF_INIT, BUF_INIT };
	uint64_t h = templates_line_hash(s, 0, strlen(s), scratch);

	buf_release(&scratch[0]);
	buf_release(&scratch[1]);
	return h;
}

static void test_same_line(void **state)
{
	(void)state;
	/* Case, white space and numbers aside: the copyright line of every year. */
	assert_int_equal(key("\xC2\xA9 2024 Reuters. All rights reserved."),
			 key("  \xC2\xA9 2025  REUTERS. All\trights reserved. "));
	assert_int_equal(key("Shares fell 1,234.5 points."), key("Shares fell 7 points."));
	/* Typographic quotes as the words see them, the quick way and the NFKC way alike. */
	assert_int_equal(key("China\xE2\x80\x99s \xE2\x80\x9C" "deal\xE2\x80\x9D\xE2\x80\xA6"),
			 key("china's \"deal\"..."));
	assert_int_equal(key("\xEF\xBC\xA3hina\xE2\x80\x99s deal"), key("China's deal"));
	assert_int_equal(key("A\xC2\xA0" "b"), key("a b"));
	/* Other text is another line, and nothing is no line. */
	assert_int_not_equal(key("Sign up for our newsletter."), key("Sign up for our newsletters."));
	assert_int_not_equal(key("1 2"), key("12"));
	assert_int_equal(key(" \t "), 0);
	assert_int_equal(key(""), 0);
}

/*
 * The short ways of templates_line_hash (eight bytes at a time, byte by
 * byte, typographic characters without the Unicode tables) against the
 * definition, the Unicode tables on every line: random lines of pieces
 * that the key treats each its own way, at every alignment, with bytes
 * past the line's end that must not count.
 */
static void test_fast_is_full(void **state)
{
	static const char *const pieces[] = {
		"a", "b", "z", "Q", "Z", "A", "word", "Reuters", "cookie", " ", "@", "[", "`", "{", "~",
		" ", " ", " ", "  ", "\t", "\r", "\n", "\x01", "\x1F", "\x7F",
		"0", "7", "9", "2024", ",", ".", "1,234.5", "1.", ",5", ".,", "..",
		"\xE2\x80\x99", "\xE2\x80\x98", "\xCA\xBC", "\xE2\x80\x9C", "\xE2\x80\x9D",
		"\xE2\x80\x9E", "\xC2\xA0", "\xE2\x80\xA6", "\xE2\x80\x93", "\xE2\x80\x94",
		"\xC2\xA9",
		"\xC3\xA9", "\xC3\x89", "\xCC\x81", "\xC3\x9F", "\xEF\xBC\x91", "\xEF\xBC\xA3",
		"\xE2\x80\x8B", "\xE3\x80\x80", "\xD0\x9C", "\xE4\xB8\xAD", "\xC2\xB2",
		"\xFF", "\xC3", "\xE2\x80", "\xED\xA0\x80",
	};
	const size_t npieces = sizeof(pieces) / sizeof(pieces[0]);
	struct buf scratch[2] = { BUF_INIT, BUF_INIT }, line = BUF_INIT;
	uint64_t rng = 0x9E3779B97F4A7C15ULL;
	size_t round, k, n, lead, checked = 0;

	(void)state;
	for (round = 0; round < 200000; round++) {
		buf_reset(&line);
		rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
		lead = (size_t)(rng >> 60) % 8;
		for (k = 0; k < lead; k++)
			buf_addch(&line, 'X');
		n = (size_t)(rng >> 33) % (round % 10 == 0 ? 120 : 24);
		for (k = 0; k < n; k++) {
			/* Words most of the time, so the eight-byte way is taken. */
			rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
			size_t pick = (size_t)(rng >> 33);
			buf_adds(&line, pick % 3 ? pieces[pick % 10] : pieces[pick % npieces]);
		}
		buf_adds(&line, "Tail 12 bytes");	/* past the end: not the line's */
		assert_int_equal(templates_line_hash(line.data, lead, line.len - 13, scratch),
				 templates_line_hash_full(line.data, lead, line.len - 13, scratch));
		checked++;
	}
	assert_int_equal(checked, 200000);
	buf_release(&line);
	buf_release(&scratch[0]);
	buf_release(&scratch[1]);
}

static void test_default_min(void **state)
{
	(void)state;
	assert_int_equal(templates_default_min(0), 5);
	assert_int_equal(templates_default_min(25), 5);
	assert_int_equal(templates_default_min(70), 9);
	assert_int_equal(templates_default_min(10000), 100);
	assert_int_equal(templates_default_min(1000000), 1000);
}

static struct templates *read_string(const char *s, size_t min)
{
	FILE *f = fmemopen((void *)s, strlen(s), "rb");
	struct templates *t;

	assert_non_null(f);
	t = templates_read(f, "t.tsv", min);
	fclose(f);
	return t;
}

static void test_table(void **state)
{
	static const char cookie[] = "We use cookies on this site.";
	char file[512], *copy = NULL;
	struct templates *t, *back;
	struct templates_article ta = TEMPLATES_ARTICLE_INIT;
	size_t n = 0, outlets;
	FILE *f;

	(void)state;
	snprintf(file, sizeof(file), "outlet\tcount\thash\tline\nX\t12\t%016llx\t%s\n"
		 "Y\t3\t%016llx\tx\n", (unsigned long long)key(cookie), cookie,
		 (unsigned long long)key(cookie));
	t = read_string(file, 0);
	assert_non_null(t);
	assert_int_equal(templates_count(t, &outlets), 2);
	assert_int_equal(outlets, 2);
	/* The cleaner asks per outlet. */
	templates_article_begin(&ta, t, "X");
	assert_int_equal(templates_repeated(&ta, cookie, 0, strlen(cookie)), 12);
	assert_int_equal(templates_repeated(&ta, "Another line.", 0, 13), 0);
	templates_article_begin(&ta, t, "Z");
	assert_int_equal(templates_repeated(&ta, cookie, 0, strlen(cookie)), 0);
	templates_article_release(&ta);
	/* Written and read back: the same lines, in a fixed order. */
	f = open_memstream(&copy, &n);
	assert_int_equal(templates_write(t, NULL, 1, f), 0);
	fclose(f);
	assert_true(strstr(copy, "outlet\tcount\thash\tline\nX\t12\t") == copy);
	back = read_string(copy, 4);
	assert_non_null(back);
	assert_int_equal(templates_count(back, NULL), 1);	/* --template-min 4 */
	templates_free(back);
	templates_free(t);
	free(copy);
	assert_null(read_string("outlet\tcount\n", 0));
	assert_null(read_string("outlet\tcount\thash\tline\nX\t0\t00000000000000ff\tx\n", 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_line),
		cmocka_unit_test(test_fast_is_full),
		cmocka_unit_test(test_default_min),
		cmocka_unit_test(test_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
