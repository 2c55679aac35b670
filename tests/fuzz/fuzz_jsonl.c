/*
 * Fuzz target: the JSON Lines source, read from memory as from a pipe,
 * every article it yields scored with the shipped lexicons. The first byte
 * picks --max-article-bytes (0: the default), so the limits are fuzzed too.
 */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "lexicon.h"
#include "match.h"
#include "score.h"
#include "source.h"
#include "util.h"
#include "xalloc.h"

extern struct lexicon fuzz_lx;
extern struct matcher *fuzz_m;

int fuzz_jsonl(const uint8_t *data, size_t size)
{
	struct score_options opt = { .clean = 1, .negation = 1 };
	struct scorer *sc;
	struct source *s;
	struct buf row = BUF_INIT, matches = BUF_INIT, sig = BUF_INIT;
	struct score_rows rows = { &row, &matches, &sig, 1, NULL };
	size_t max, nextra, len;
	struct article a;
	char *copy, *text;
	FILE *f;
	int r;

	fuzz_setup(NULL);
	if (size < 1)
		return 0;
	max = data[0] ? (size_t)data[0] * 4 : 50UL * 1024 * 1024;
	copy = xstrndup((const char *)data + 1, size - 1);
	f = fmemopen(copy, size - 1 ? size - 1 : 1, "rb");
	if (!f)
		die("fuzz: fmemopen failed");
	if (size == 1)
		fgetc(f);	/* an empty stream: skip the one byte fmemopen needs */
	s = source_jsonl(f, "fuzz.jsonl", max);
	sc = scorer_new(&fuzz_lx, fuzz_m, &opt);
	source_extra_names(s, &nextra);
	while ((r = source_next(s, &a, &text, &len)) != 0) {
		if (r < 0)
			continue;
		if (!a.id || !a.outlet || !a.date || !a.title || !a.path || !a.file)
			abort();
		buf_reset(&row);
		buf_reset(&matches);
		buf_reset(&sig);
		scorer_article(sc, &a, nextra, NULL, a.path, text, len, &rows);
		article_release(&a, nextra);
		free(text);
	}
	scorer_free(sc);
	source_free(s);
	fclose(f);
	free(copy);
	buf_release(&row);
	buf_release(&matches);
	buf_release(&sig);
	return 0;
}

#ifndef FUZZ_REPLAY
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_jsonl(data, size);
}
#endif
