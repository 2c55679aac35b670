/*
 * Fuzz target: the report's "Same story" section (storypage.h) on
 * arbitrary tables of a run, which a user may have edited or brought from
 * elsewhere. The first byte picks stories.tsv or the column story
 * (--within); the rest is scores.tsv, stories.tsv, matches.tsv,
 * effects.tsv, compare.tsv and categories.tsv, parted by form feeds (a
 * table absent when its part is). Whatever they hold, the section is
 * written (a line saying what could not be read at worst), never a crash,
 * and no text of them reaches the page unescaped.
 */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "report.h"
#include "storypage.h"
#include "util.h"

extern char fuzz_dir[256];

/* Writes [p, end) as dir/name, or removes dir/name when p is NULL. */
static void story_table(const char *dir, const char *name, const uint8_t *p, const uint8_t *end)
{
	char path[700];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (!p) {
		unlink(path);
		return;
	}
	f = fopen(path, "wb");
	if (!f || fwrite(p, 1, (size_t)(end - p), f) != (size_t)(end - p) || fclose(f) != 0)
		die("fuzz: cannot write %s", path);
}

int fuzz_storypage(const uint8_t *data, size_t size)
{
	static const char *const tables[] = { "scores.tsv", "stories.tsv", "matches.tsv",
					      "effects.tsv", "compare.tsv", "categories.tsv" };
	const size_t ntables = sizeof(tables) / sizeof(tables[0]);
	const uint8_t *p, *end = data + size;
	struct report_opts o;
	struct buf h = BUF_INIT;
	char dir[512];
	size_t i;

	fuzz_setup(NULL);
	if (size < 1)
		return 0;
	snprintf(dir, sizeof(dir), "%s/storypage", fuzz_dir);
	mkdir(dir, 0755);
	p = data + 1;
	for (i = 0; i < ntables; i++) {
		const uint8_t *ff = p ? memchr(p, '\f', (size_t)(end - p)) : NULL;
		if (i + 1 == ntables)
			ff = NULL;
		story_table(dir, tables[i], p, p ? (ff ? ff : end) : NULL);
		p = p && ff ? ff + 1 : NULL;
	}
	memset(&o, 0, sizeof(o));
	o.outdir = dir;
	o.by = "outlet";
	o.within = data[0] & 1 ? "story" : NULL;
	o.max_stories = (size_t)(data[0] >> 1 & 7) + 1;
	util_set_quiet(1);
	storypage_write(&h, &o);
	/* The section is whole HTML: no table text opened an element of its own. */
	if (!h.data || strstr(h.data, "<script") || strstr(h.data, "<img"))
		abort();
	buf_release(&h);
	return 0;
}

#ifndef FUZZ_REPLAY
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_storypage(data, size);
}
#endif
