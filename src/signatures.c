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

/* The rows of one signatures.tsv, each id once (seen); -1 after a message. */
static int read_pass_file(const char *path, const struct signatures_pass *pass, struct counts *seen)
{
	struct tsv *in = tsv_open(path);
	long col[SIGNATURES_MAX_COLUMNS];
	const char *field[SIGNATURES_MAX_COLUMNS];
	int r, i;

	if (!in)
		return -1;
	for (i = 0; i < pass->ncolumns; i++)
		if ((col[i] = tsv_column(in, pass->columns[i])) < 0) {
			tsv_close(in);
			return error("%s:1: no column '%s'%s", path, pass->columns[i], pass->hint);
		}
	while ((r = tsv_next(in)) > 0) {
		for (i = 0; i < pass->ncolumns; i++)
			field[i] = tsv_field(in, (size_t)col[i]);
		if ((*counts_slot(seen, field[0], strlen(field[0])))++)
			continue;
		if (pass->row(field, pass->ctx) < 0) {
			r = error("%s:%zu: %s", path, tsv_line(in), pass->bad_row);
			break;
		}
	}
	tsv_close(in);
	return r < 0 ? -1 : 0;
}

long signatures_each(char **files, size_t nfiles, const struct signatures_pass *pass)
{
	struct counts *seen = counts_new(), *dirs = counts_new();
	size_t i;
	long found = 0;
	int ret = 0;

	for (i = 0; i < nfiles && ret == 0; i++) {
		char *path = scoretab_sibling(files[i], "signatures.tsv");
		FILE *probe;
		if ((*counts_slot(dirs, path, strlen(path)))++ == 0 && (probe = fopen(path, "r"))) {
			fclose(probe);
			found++;
			ret = read_pass_file(path, pass, seen);
		}
		free(path);
	}
	counts_free(seen);
	counts_free(dirs);
	return ret < 0 ? -1 : found;
}

static int add_signature(const char *const *field, void *d)
{
	return dedup_add_signature(d, field[0], field[1], field[2], field[3]);
}

int signatures_find_duplicates(char **files, size_t nfiles, const char *outdir)
{
	static const char *const columns[] = { "id", "outlet", "date", "signature" };
	struct dedup *d = dedup_new();
	const struct signatures_pass pass = { columns, 4, "",
		"not a signature written by framing score", add_signature, d };
	long found = signatures_each(files, nfiles, &pass);
	int ret = found < 0 ? -1 : 0;

	if (found == 0 && nfiles)
		warning("no signatures.tsv beside %s: near-duplicates not checked",
			files[nfiles - 1]);
	if (found > 0)
		ret = ensure_dir(outdir) < 0 || dedup_write(d, outdir) < 0 ? -2 : 1;
	dedup_free(d);
	return ret;
}
