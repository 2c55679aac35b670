/*
 * Fuzz target: the CSV source (csvin.c and the rules of source.c), every
 * article it yields scored with the shipped lexicons. The first byte picks
 * --max-article-bytes (its low 5 bits times 16; 0: the default), the
 * delimiter (bit 5: ';' instead of ','), and whether the input is a pipe
 * (fmemopen, read once) or a file (bit 6: a temporary file, so that a
 * quote left open is read again from the line after it), and bit 7 rewinds
 * once at the end, as a second pass does.
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

static void score_all(struct source *s, struct scorer *sc)
{
	struct buf row = BUF_INIT, matches = BUF_INIT, sig = BUF_INIT;
	struct score_rows rows = { &row, &matches, &sig, 1, NULL };
	size_t nextra, len;
	struct article a;
	char *text;
	int r;

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
	buf_release(&row);
	buf_release(&matches);
	buf_release(&sig);
}

int fuzz_csv(const uint8_t *data, size_t size)
{
	struct score_options opt = { .clean = 1, .negation = 1 };
	struct scorer *sc;
	struct source *s;
	size_t max;
	char *copy = NULL;
	FILE *f;

	fuzz_setup(NULL);
	if (size < 1)
		return 0;
	max = data[0] & 31 ? (size_t)(data[0] & 31) * 16 : 50UL * 1024 * 1024;
	if (data[0] & 64) {
		f = tmpfile();
		if (!f || fwrite(data + 1, 1, size - 1, f) != size - 1 || fseek(f, 0, SEEK_SET))
			die("fuzz: tmpfile failed");
	} else {
		copy = xstrndup((const char *)data + 1, size - 1);
		f = fmemopen(copy, size - 1 ? size - 1 : 1, "rb");
		if (!f)
			die("fuzz: fmemopen failed");
		if (size == 1)
			fgetc(f);	/* an empty stream: skip the one byte fmemopen needs */
	}
	s = source_csv(f, "fuzz.csv", data[0] & 32 ? ';' : ',', max);
	if (s) {
		sc = scorer_new(&fuzz_lx, fuzz_m, &opt);
		score_all(s, sc);
		if (data[0] & 128 && source_rewindable(s) && source_rewind(s) == 0)
			score_all(s, sc);
		scorer_free(sc);
		source_free(s);
	}
	fclose(f);
	free(copy);
	return 0;
}

#ifndef FUZZ_REPLAY
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_csv(data, size);
}
#endif
