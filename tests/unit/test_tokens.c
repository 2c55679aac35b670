/*
 * Unit tests for word tokens: the cases where framing must count words the
 * way ICU word boundaries do (tidytext, quanteda), checked by
 * scripts/check-tidytext on the Austen novels.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "text.h"

/* The normalised tokens of s, space-separated, into out. */
static void tokens_of(const char *s, struct buf *out)
{
	struct text_tokens tt = TEXT_TOKENS_INIT;
	size_t i;

	text_tokenize(&tt, s, 0, strlen(s));
	buf_reset(out);
	for (i = 0; i < tt.n; i++) {
		if (i)
			buf_addch(out, ' ');
		buf_adds(out, text_norm(&tt, i));
	}
	text_tokens_release(&tt);
}

static void test_underscores_alone_are_not_words(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	/* Austen's italics: "A _Mrs._ _Elton_" left a lone "_" after "Mrs.". */
	tokens_of("A _Mrs._ _Elton_ would", &b);
	assert_string_equal(b.data, "a _mrs _elton_ would");
	tokens_of("fill in ____ here _ x_y", &b);
	assert_string_equal(b.data, "fill in here x_y");
	buf_release(&b);
}

static void test_apostrophes_hyphens_numbers(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	tokens_of("China\xE2\x80\x99s don't students' 'tis cyber-spying 1,000.50 3.5% U.S. 9/11", &b);
	assert_string_equal(b.data, "china's don't students tis cyber spying 1,000.50 3.5 u.s 9 11");
	buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_underscores_alone_are_not_words),
		cmocka_unit_test(test_apostrophes_hyphens_numbers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
