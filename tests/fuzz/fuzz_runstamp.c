/*
 * Fuzz target: the reader of run.tsv, the run stamp (runset.h). The bytes
 * become run.tsv of the scratch corpus folder, whose a.txt, b.txt and
 * sub/c.txt stand in for tables; the checks of stats and chart must accept
 * or refuse them with a message, never crash.
 */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "runset.h"
#include "util.h"

extern char fuzz_dir[256];

int fuzz_runstamp(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "a.txt", "b.txt", "sub/c.txt", "none.tsv", NULL };
	char path[512];
	char *by;
	FILE *f;

	fuzz_setup(NULL);
	snprintf(path, sizeof(path), "%s/run.tsv", fuzz_dir);
	f = fopen(path, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		die("fuzz: cannot write %s", path);
	runset_check_same_run(fuzz_dir, names, "`framing stats ...`");
	runset_check_made_from(fuzz_dir, "a.txt", "b.txt", "framing stats");
	runset_check_made_from(fuzz_dir, "b.txt", "none.tsv", "framing stats");
	by = runset_param_of(fuzz_dir, "a.txt", "by");
	free(by);
	unlink(path);
	return 0;
}

#ifndef FUZZ_REPLAY
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_runstamp(data, size);
}
#endif
