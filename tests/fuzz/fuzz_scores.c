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

#include "cmd.h"
#include "util.h"

extern char fuzz_dir[256];

int fuzz_scores(const uint8_t *data, size_t size)
{
	static const char *const by[] = { "outlet", "date", "wire", "id" };
	char dir[512], path[600], out[600];
	char *argv[16];
	int argc = 0;
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
	argv[argc++] = (char *)"stats";
	argv[argc++] = path;
	argv[argc++] = (char *)"-o";
	argv[argc++] = out;
	argv[argc++] = (char *)"--by";
	argv[argc++] = (char *)by[data[0] & 3];
	argv[argc++] = (char *)"--bootstrap";
	argv[argc++] = (char *)"20";
	argv[argc++] = (char *)"--permutations";
	argv[argc++] = (char *)"20";
	argv[argc++] = (char *)"-j";
	argv[argc++] = (char *)"1";
	argv[argc++] = (char *)"-q";
	if (data[0] & 4)
		argv[argc++] = (char *)"--dedup";
	argv[argc] = NULL;
	if (cmd_stats(argc, argv) > 2)
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
