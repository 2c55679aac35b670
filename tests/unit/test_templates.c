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
	assert_int_equal(templates_write(t, NULL, f), 0);
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
		cmocka_unit_test(test_default_min),
		cmocka_unit_test(test_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
