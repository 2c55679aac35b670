/*
 * Fuzz target: cleaner + tokenizer + matcher on arbitrary bytes, through
 * scorer_article as framing score runs them, with the shipped lexicons.
 * The first byte picks the options: cleaning, negation and the language.
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "clean.h"
#include "corpus.h"
#include "lexicon.h"
#include "match.h"
#include "score.h"
#include "text.h"
#include "xalloc.h"

extern struct lexicon fuzz_lx;
extern struct matcher *fuzz_m;

/* targets.tsv rows are lines of five fields each (targets.h). */
static void check_targets(const struct buf *t)
{
	size_t i, tabs = 0;

	for (i = 0; i < t->len; i++) {
		if (t->data[i] == '\t') {
			tabs++;
		} else if (t->data[i] == '\n') {
			if (tabs != 4)
				abort();
			tabs = 0;
		}
	}
	if (tabs)
		abort();
}

int fuzz_text(const uint8_t *data, size_t size)
{
	static const char *const langs[] = { NULL, "en", "zh", "xx" };
	struct score_options opt;
	struct scorer *sc;
	struct article a;
	struct buf row = BUF_INIT, matches = BUF_INIT, sig = BUF_INIT, b = BUF_INIT;
	struct buf targets = BUF_INIT;
	struct score_rows rows = { &row, &matches, &sig, 1, &targets };
	const char *text;
	char *copy;
	size_t len, i;

	fuzz_setup(NULL);
	if (size < 1)
		return 0;
	memset(&opt, 0, sizeof(opt));
	opt.clean = data[0] & 1;
	opt.negation = (data[0] >> 1) & 1;
	/* Not NUL-terminated on purpose: nothing may read past len. */
	len = size - 1;
	copy = xmalloc(len ? len : 1);
	memcpy(copy, data + 1, len);
	text = copy;

	memset(&a, 0, sizeof(a));
	a.id = (char *)"id";
	a.outlet = (char *)"Outlet";
	a.date = (char *)"";
	a.title = (char *)"Groundless accusations";
	a.path = a.file = (char *)"fuzz.txt";
	sc = scorer_new(&fuzz_lx, fuzz_m, &opt);
	scorer_article(sc, &a, 0, langs[(data[0] >> 2) & 3], "fuzz.txt", text, len, &rows);
	/* Row and match lines are one line each of valid TSV. */
	for (i = 0; i + 1 < row.len; i++)
		if (row.data[i] == '\n' || row.data[i] == '\r')
			abort();
	check_targets(&targets);
	scorer_free(sc);

	text_append_clean(&b, text, 0, len);
	text_display_width(b.data ? b.data : "", b.len);
	text_normalize(text, len, 1, &b);
	free(copy);
	buf_release(&row);
	buf_release(&matches);
	buf_release(&sig);
	buf_release(&targets);
	buf_release(&b);
	return 0;
}

#ifndef FUZZ_REPLAY
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_text(data, size);
}
#endif
