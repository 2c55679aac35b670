/* Unit tests for keyword-in-context lines: alignment in display columns. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "corpus.h"
#include "fsutil.h"
#include "kwic.h"
#include "lexicon.h"
#include "lexrun.h"
#include "match.h"
#include "text.h"

static const char patterns[] = "[p1]\ncyber*\n[p2]\nкибер*\n[p3]\n网络\n";

static char *corpus_dir(void)
{
	const char *root = getenv("ROOT");
	return path_join(root ? root : ".", "tests/corpora/multiscript");
}

static void run_kwic(struct lexicon *lx, struct kwic *k, struct corpus *c, size_t window)
{
	struct score_options opt = { .clean = 1, .negation = 1 };
	struct matcher *m;
	struct source *src;
	char *dir = corpus_dir();

	assert_int_equal(lexicon_parse(lx, "t", patterns, strlen(patterns)), 0);
	assert_int_equal(corpus_load(dir, c), 0);
	m = matcher_new(lx);
	kwic_init(k, lx, "outlet", -1, window);
	src = source_corpus(c, 0);
	assert_int_equal(lexrun_run(src, &opt, &(struct lexrun_pass){ lx, m, kwic_article, k }, 1), 0);
	source_free(src);
	kwic_sort(k);
	matcher_free(m);
	free(dir);
}

/* The first '|' of every line sits at one display column, whatever the
 * script: Chinese characters are two columns wide, Cyrillic one. The bar
 * touches a context that touches the keyword in the text (同意恢复|),
 * so the column is the bar's, not that of " | ". */
static void test_keyword_column_aligned(void **state)
{
	struct lexicon lx = LEXICON_INIT;
	struct corpus c = CORPUS_INIT;
	struct kwic k;
	struct buf out = BUF_INIT;
	const char *p, *eol;
	size_t col = 0, lines = 0;
	int han = 0, cyrillic = 0;

	(void)state;
	run_kwic(&lx, &k, &c, 4);
	kwic_format(&k, 0, &out);
	for (p = out.data; *p; p = eol + 1) {
		const char *bar;
		size_t w;
		eol = strchr(p, '\n');
		assert_non_null(eol);
		if (strncmp(p, "  ", 2))
			continue;	/* a group heading */
		bar = strchr(p, '|');
		assert_true(bar && bar < eol);
		w = text_display_width(p, (size_t)(bar - p));
		if (lines++ == 0)
			col = w;
		assert_int_equal(w, col);
		han |= strstr(p, "同意恢复") && strstr(p, "同意恢复") < bar;
		cyrillic |= strstr(p, "договорились") && strstr(p, "договорились") < bar;
	}
	assert_int_equal(lines, 6);
	/* The left contexts in other scripts are really there, so the widths
	 * were really compared across scripts. */
	assert_true(han);
	assert_true(cyrillic);
	buf_release(&out);
	kwic_release(&k);
	corpus_release(&c);
	lexicon_release(&lx);
}

static void test_tsv_fields(void **state)
{
	struct lexicon lx = LEXICON_INIT;
	struct corpus c = CORPUS_INIT;
	struct kwic k;
	size_t i;
	int found = 0;

	(void)state;
	run_kwic(&lx, &k, &c, 2);
	assert_int_equal(k.n, 6);
	for (i = 0; i < k.n; i++) {
		if (strcmp(k.l[i].id, "zh-1") || k.l[i].sentence != 2)
			continue;
		assert_string_equal(k.l[i].keyword, "网络");
		assert_string_equal(k.l[i].left, "恢复");
		assert_string_equal(k.l[i].right, "安全");
		assert_string_equal(k.l[i].entry, "网络");
		found = 1;
	}
	assert_true(found);
	kwic_release(&k);
	corpus_release(&c);
	lexicon_release(&lx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keyword_column_aligned),
		cmocka_unit_test(test_tsv_fields),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
