/*
 * Fuzz target: the --outlets table of the WARC reader (outletmap.c), a
 * file the user writes. Whatever the bytes, the table is read or refused
 * with a message; a table read answers lookups of its own hosts, of hosts
 * under them and of odd ones, with as many extra values as it names.
 */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "outletmap.h"
#include "util.h"

/* One scratch file, rewritten for every input: the table is read by name. */
static char outlets_path[64];

static void remove_outlets_scratch(void)
{
	unlink(outlets_path);
}

static const char *outlets_scratch(void)
{
	if (!*outlets_path) {
		int fd;
		snprintf(outlets_path, sizeof(outlets_path), "/tmp/fuzz_outlets.XXXXXX");
		fd = mkstemp(outlets_path);
		if (fd < 0)
			die("fuzz: mkstemp failed");
		close(fd);
		atexit(remove_outlets_scratch);
	}
	return outlets_path;
}

int fuzz_outlets(const uint8_t *data, size_t size)
{
	static const char *const hosts[] = { "", ".", "www.", "a", "www.a.b", "x.a.b", "a.b.", "..a" };
	const char *path = outlets_scratch();
	struct outletmap *m;
	size_t i, j, n;
	FILE *f;

	fuzz_setup(NULL);
	f = fopen(path, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		die("fuzz: cannot write %s", path);
	m = outletmap_load(path);
	if (!m)
		return 0;
	outletmap_extra_names(m, &n);
	for (i = 0; i < sizeof(hosts) / sizeof(*hosts); i++) {
		char *const *x;
		const char *o = outletmap_find(m, hosts[i], &x);
		if (!o != !x)
			abort();
		for (j = 0; x && j < n; j++)
			if (!x[j])
				abort();
	}
	outletmap_free(m);
	return 0;
}

#ifndef FUZZ_REPLAY
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_outlets(data, size);
}
#endif
