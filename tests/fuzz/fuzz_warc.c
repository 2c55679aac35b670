/*
 * Fuzz target: the WARC source (warc.c, http.c, warcin.c) on a file of
 * the fuzzed bytes, every article it yields scored. The first byte picks
 * --max-article-bytes (0: the default) and, by its low bit, --lang en, so
 * the limits, the gzip bomb checks and the language guess are fuzzed too.
 */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "lexicon.h"
#include "match.h"
#include "score.h"
#include "source.h"
#include "util.h"
#include "xalloc.h"

extern struct lexicon fuzz_lx;
extern struct matcher *fuzz_m;

/* One scratch file, rewritten for every input: the source reads WARC files by name. */
static char warc_path[64];

static void remove_scratch(void)
{
	unlink(warc_path);
}

static const char *scratch(void)
{
	if (!*warc_path) {
		int fd;
		snprintf(warc_path, sizeof(warc_path), "/tmp/fuzz_warc.XXXXXX");
		fd = mkstemp(warc_path);
		if (fd < 0)
			die("fuzz: mkstemp failed");
		close(fd);
		atexit(remove_scratch);
	}
	return warc_path;
}

int fuzz_warc(const uint8_t *data, size_t size)
{
	struct score_options opt = { .clean = 1, .negation = 1 };
	struct source_options in = SOURCE_OPTIONS_INIT;
	struct buf row = BUF_INIT, matches = BUF_INIT, sig = BUF_INIT;
	struct score_rows rows = { &row, &matches, &sig, 1, NULL };
	const char *path = scratch();
	struct scorer *sc;
	struct source *s;
	size_t nextra, len;
	struct article a;
	char *text;
	FILE *f;
	int r;

	fuzz_setup(NULL);
	if (size < 1)
		return 0;
	f = fopen(path, "wb");
	if (!f || fwrite(data + 1, 1, size - 1, f) != size - 1 || fclose(f) != 0)
		die("fuzz: cannot write %s", path);
	in.max_bytes = data[0] >> 1 ? (size_t)(data[0] >> 1) * 8 : 50UL * 1024 * 1024;
	in.warc.lang = data[0] & 1 ? "en" : NULL;
	options_list_add(&in.warc.files, path);
	s = source_open(&in);
	if (!s)
		die("fuzz: cannot open %s", path);
	sc = scorer_new(&fuzz_lx, fuzz_m, &opt);
	source_extra_names(s, &nextra);
	while ((r = source_next(s, &a, &text, &len)) != 0) {
		if (r < 0)
			continue;
		if (!a.id || !a.outlet || !a.date || !a.title || !a.path || !a.file || !a.extra[0])
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
	options_list_release(&in.warc.files);
	buf_release(&row);
	buf_release(&matches);
	buf_release(&sig);
	return 0;
}

#ifndef FUZZ_REPLAY
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_warc(data, size);
}
#endif
