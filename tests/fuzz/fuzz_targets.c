/*
 * Fuzz target: targets.tsv as framing stats reads it beside a scores file
 * (targetstats.c): a table a user may have edited or brought from another
 * run. The input is scores.tsv, a form feed, then targets.tsv (absent
 * without a form feed). Bad input must give a message and exit status 2,
 * never a crash or hang; resampling is kept small for speed.
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

/* Writes [p, end) as path, or removes path when p is NULL. */
static void targets_table(const char *path, const uint8_t *p, const uint8_t *end)
{
	FILE *f;

	if (!p) {
		unlink(path);
		return;
	}
	f = fopen(path, "wb");
	if (!f || fwrite(p, 1, (size_t)(end - p), f) != (size_t)(end - p) || fclose(f) != 0)
		die("fuzz: cannot write %s", path);
}

int fuzz_targets(const uint8_t *data, size_t size)
{
	char dir[512], scores[600], targets[600], out[600];
	char *files[1] = { scores };
	const uint8_t *end = data + size, *ff = size ? memchr(data, '\f', size) : NULL;
	struct stats_run_opts o;

	fuzz_setup(NULL);
	snprintf(dir, sizeof(dir), "%s/targets", fuzz_dir);
	mkdir(dir, 0755);
	snprintf(scores, sizeof(scores), "%s/scores.tsv", dir);
	snprintf(targets, sizeof(targets), "%s/targets.tsv", dir);
	snprintf(out, sizeof(out), "%s/out", dir);
	targets_table(scores, data, ff ? ff : end);
	targets_table(targets, ff ? ff + 1 : NULL, end);
	stats_run_opts_init(&o);
	o.files = files;
	o.nfiles = 1;
	o.outdir = out;
	o.bootstrap = 20;
	o.permutations = 20;
	o.jobs = 1;
	o.quiet = 1;
	if (stats_run(&o) > 2)
		abort();
	return 0;
}

#ifndef FUZZ_REPLAY
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_targets(data, size);
}
#endif
