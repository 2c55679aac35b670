/*
 * Category names as a user types them, with a hint for a typo (lexcat.h).
 */
#include "lexcat.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

/* Categories named in the list of an unknown name's message; the rest are counted. */
#define LEXCAT_LIST_MAX 30

static char fold(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static size_t min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;
	return m < c ? m : c;
}

/* Optimal string alignment distance over bytes: three rows of the table. */
size_t lexcat_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, d;
	size_t *prev2 = xcalloc(lb + 1, sizeof(*prev2));
	size_t *prev = xcalloc(lb + 1, sizeof(*prev));
	size_t *cur = xcalloc(lb + 1, sizeof(*cur));

	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		size_t *t;
		cur[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t cost = fold(a[i - 1]) != fold(b[j - 1]);
			cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
			if (i > 1 && j > 1 && fold(a[i - 1]) == fold(b[j - 2])
			    && fold(a[i - 2]) == fold(b[j - 1]) && prev2[j - 2] + 1 < cur[j])
				cur[j] = prev2[j - 2] + 1;
		}
		t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	d = prev[lb];
	free(prev2);
	free(prev);
	free(cur);
	return d;
}

/*
 * A typo, not another word: "bearsh" is one edit from "bearish"; "uk" is
 * one from "us" too, but a third of a two-letter name is no room for a typo.
 */
static int close_enough(size_t d, const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), longer = la > lb ? la : lb;
	return d <= 2 && 3 * d <= longer;
}

long lexcat_closest(const struct lexicon *lx, const char *name)
{
	long best = -1;
	size_t best_d = 0, c;

	/* A name longer than any category by more than 2 bytes cannot be close. */
	for (c = 0; c < lx->ncategories; c++) {
		const char *cat = lx->categories[c].name;
		size_t d, ln = strlen(name), lc = strlen(cat);
		if (ln > lc + 2 || lc > ln + 2)
			continue;
		d = lexcat_distance(name, cat);
		if (close_enough(d, name, cat) && (best < 0 || d < best_d)) {
			best = (long)c;
			best_d = d;
		}
	}
	return best;
}

void lexcat_hint(const struct lexicon *lx, const char *name, struct buf *out)
{
	long c = lexcat_closest(lx, name);
	size_t i;

	if (c >= 0) {
		buf_addf(out, "; did you mean '%s'?", lx->categories[c].name);
		return;
	}
	if (lx->ncategories == 0) {
		buf_adds(out, ": the lexicons have no category");
		return;
	}
	buf_adds(out, "; the categories are ");
	for (i = 0; i < lx->ncategories && i < LEXCAT_LIST_MAX; i++)
		buf_addf(out, "%s%s", i ? ", " : "", lx->categories[i].name);
	if (lx->ncategories > LEXCAT_LIST_MAX)
		buf_addf(out, " and %zu more", lx->ncategories - LEXCAT_LIST_MAX);
}

long lexcat_find(const struct lexicon *lx, const char *name)
{
	long c = lexicon_category(lx, name);
	struct buf shown = BUF_INIT, hint = BUF_INIT;

	if (c >= 0)
		return c;
	buf_shown(&shown, name);
	lexcat_hint(lx, name, &hint);
	error("no category '%s'%s", buf_str(&shown), buf_str(&hint));
	buf_release(&shown);
	buf_release(&hint);
	return -1;
}
