/*
 * Fuzz target: framing stats on an arbitrary scores.tsv and the tables
 * beside it (hand-edited files and shards from elsewhere are input too).
 * The first byte picks the grouping column, --dedup, --group-map,
 * --pairs, --all-pairs-max 1 (each group against the rest) and --stories
 * (which reads the story columns of signatures.tsv) with --within wire
 * --adjust date --adjust length (effects.tsv); the rest
 * is scores.tsv, then signatures.tsv, terms.tsv, matches.tsv, the group
 * map, the pairs file and categories.tsv, parted by form feeds (a table
 * absent when its part is), so the near-duplicate, keyness, group map,
 * pairs, story and declarations readers are fuzzed too, and the indices and
 * weights that categories.tsv declares against the scores' columns. Resampling is kept small for speed.
 * Bad input must give a message and exit status 2, never a crash or hang.
 */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "statsrun.h"
#include "util.h"

extern char fuzz_dir[256];

/* Writes [p, end) as dir/name, or removes dir/name when p is NULL. */
static void fuzz_table(const char *dir, const char *name, const uint8_t *p, const uint8_t *end)
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

int fuzz_scores(const uint8_t *data, size_t size)
{
	static const char *const by[] = { "outlet", "date", "wire", "id" };
	static const char *const tables[] = { "scores.tsv", "signatures.tsv", "terms.tsv",
					      "matches.tsv", "map.tsv", "pairs.tsv",
					      "categories.tsv" };
	char dir[512], path[600], out[600], map[600], pairs[600];
	char *files[1] = { path };
	const uint8_t *p, *end = data + size;
	struct stats_run_opts o;
	size_t i;

	fuzz_setup(NULL);
	if (size < 1)
		return 0;
	snprintf(dir, sizeof(dir), "%s/stats", fuzz_dir);
	mkdir(dir, 0755);
	snprintf(path, sizeof(path), "%s/scores.tsv", dir);
	snprintf(out, sizeof(out), "%s/out", dir);
	snprintf(map, sizeof(map), "%s/map.tsv", dir);
	snprintf(pairs, sizeof(pairs), "%s/pairs.tsv", dir);
	p = data + 1;
	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		const uint8_t *ff = p ? memchr(p, '\f', (size_t)(end - p)) : NULL;
		/* The last table takes the rest, form feeds and all. */
		if (i + 1 == sizeof(tables) / sizeof(tables[0]))
			ff = NULL;
		fuzz_table(dir, tables[i], p, p ? (ff ? ff : end) : NULL);
		p = p && ff ? ff + 1 : NULL;
	}
	stats_run_opts_init(&o);
	o.files = files;
	o.nfiles = 1;
	o.outdir = out;
	o.by = by[data[0] & 3];
	o.bootstrap = 20;
	o.permutations = 20;
	o.jobs = 1;
	o.quiet = 1;
	o.dedup = (data[0] & 4) != 0;
	o.group_map = data[0] & 8 ? map : NULL;
	o.unmapped_na = (data[0] & 16) != 0;
	o.pairs_file = data[0] & 32 ? pairs : NULL;
	if (data[0] & 64)
		o.all_pairs_max = 1;
	o.stories = (data[0] & 128) != 0;
	/* effects.tsv, its stories the wire column, adjusted for date and length. */
	if (data[0] & 128) {
		o.within = "wire";
		o.adjust = 3;
	}
	if (stats_run(&o) > 2)
		abort();
	return 0;
}

#ifndef FUZZ_REPLAY
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_scores(data, size);
}
#endif
