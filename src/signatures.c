/* Near-duplicates from the signatures beside score files (see signatures.h). */
#include "signatures.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "counts.h"
#include "dedup.h"
#include "fsutil.h"
#include "scoretab.h"
#include "tsv.h"
#include "util.h"
#include "banned.h"

/* Adds the rows of one signatures.tsv, each id once; -1 after a message. */
static int read_signatures(struct dedup *d, const char *path, struct counts *seen)
{
	struct tsv *in = tsv_open(path);
	long col[4];
	const char *names[4] = { "id", "outlet", "date", "signature" };
	int r, i;

	if (!in)
		return -1;
	for (i = 0; i < 4; i++)
		if ((col[i] = tsv_column(in, names[i])) < 0) {
			tsv_close(in);
			return error("%s:1: no column '%s'", path, names[i]);
		}
	while ((r = tsv_next(in)) > 0) {
		const char *id = tsv_field(in, (size_t)col[0]);
		uint64_t *n = counts_slot(seen, id, strlen(id));
		if ((*n)++)
			continue;
		if (dedup_add_signature(d, id, tsv_field(in, (size_t)col[1]),
					tsv_field(in, (size_t)col[2]), tsv_field(in, (size_t)col[3])) < 0) {
			r = error("%s:%zu: not a signature written by framing score", path,
				  tsv_line(in));
			break;
		}
	}
	tsv_close(in);
	return r < 0 ? -1 : 0;
}

int signatures_find_duplicates(char **files, size_t nfiles, const char *outdir)
{
	struct dedup *d = dedup_new();
	struct counts *seen = counts_new(), *dirs = counts_new();
	size_t i, found = 0;
	int ret = 0;

	for (i = 0; i < nfiles && ret == 0; i++) {
		char *path = scoretab_sibling(files[i], "signatures.tsv");
		FILE *probe;
		if ((*counts_slot(dirs, path, strlen(path)))++ == 0 && (probe = fopen(path, "r"))) {
			fclose(probe);
			found++;
			ret = read_signatures(d, path, seen);
		} else if (!found && i + 1 == nfiles) {
			warning("no signatures.tsv beside %s: near-duplicates not checked", files[i]);
		}
		free(path);
	}
	if (ret == 0 && found)
		ret = ensure_dir(outdir) < 0 || dedup_write(d, outdir) < 0 ? -2 : 1;
	dedup_free(d);
	counts_free(seen);
	counts_free(dirs);
	return ret;
}
