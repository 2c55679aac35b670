/*
 * Fuzz target: framing stats on an arbitrary scores.tsv (hand-edited
 * files and shards from elsewhere are input too). The first byte picks
 * the grouping column and --dedup; resampling is kept small for speed.
 * Bad input must give a message and exit status 2, never a crash or hang.
 */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "statsrun.h"
#include "util.h"

extern char fuzz_dir[256];

int fuzz_scores(const uint8_t *data, size_t size)
{
	static const char *const by[] = { "outlet", "date", "wire", "id" };
	char dir[512], path[600], out[600];
	char *files[1] = { path };
	struct stats_run_opts o;
	FILE *f;

	fuzz_setup(NULL);
	if (size < 1)
		return 0;
	snprintf(dir, sizeof(dir), "%s/stats", fuzz_dir);
	mkdir(dir, 0755);
	snprintf(path, sizeof(path), "%s/scores.tsv", dir);
	snprintf(out, sizeof(out), "%s/out", dir);
	f = fopen(path, "wb");
	if (!f || fwrite(data + 1, 1, size - 1, f) != size - 1 || fclose(f) != 0)
		die("fuzz: cannot write %s", path);
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
