/*
 * Fuzz target: the manifest reader. The bytes become manifest.tsv of a
 * scratch corpus folder (with a.txt, b.txt, sub/c.txt and a symlink loop
 * to point at); corpus_load must accept or reject them with messages, and
 * an accepted corpus must read article by article.
 */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "date.h"
#include "source.h"
#include "util.h"

extern char fuzz_dir[256];

int fuzz_manifest(const uint8_t *data, size_t size)
{
	struct corpus c = CORPUS_INIT;
	char path[512];
	FILE *f;

	fuzz_setup(NULL);
	snprintf(path, sizeof(path), "%s/manifest.tsv", fuzz_dir);
	f = fopen(path, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		die("fuzz: cannot write %s", path);
	if (corpus_load(fuzz_dir, &c) == 0) {
		struct source *s = source_corpus(&c, 40);
		struct article a;
		char *text;
		size_t len;
		int r;

		while ((r = source_next(s, &a, &text, &len)) != 0) {
			if (r > 0) {
				if (!a.id[0] || !a.outlet[0] || (a.date[0] && !date_valid(a.date)))
					abort();
				article_release(&a, c.nextra);
				free(text);
			}
		}
		source_free(s);
	}
	corpus_release(&c);
	return 0;
}

#ifndef FUZZ_REPLAY
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_manifest(data, size);
}
#endif
