/*
 * "framing lexicon import" and "export" as functions (see dicrun.h): read
 * the input, convert it with dic.c, report the notes, write the output.
 */
#include "dicrun.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fsutil.h"
#include "lexicon.h"
#include "outfile.h"
#include "util.h"
#include "banned.h"

/*
 * The notes as warnings, or, when there is none, a line that says nothing
 * was lost (what: "2 categories and 5 entries"), so that silence is never
 * left to mean either; then out to the file or standard output.
 */
static int finish(const struct dic_notes *notes, const struct buf *out, const char *output,
		  const char *what, int quiet)
{
	size_t i;

	for (i = 0; i < notes->n; i++)
		warning("%s", notes->msg[i]);
	if (!notes->n && !quiet)
		inform("nothing lost: %s carried over", what);
	/* outfile_commit frees the file even when it fails: no abort after it. */
	if (output)
		return outfile_write_all(output, buf_str(out), out->len) < 0 ? EXIT_FAILED : EXIT_OK;
	fwrite(buf_str(out), 1, out->len, stdout);
	return EXIT_OK;
}

/* "2 categories and 5 entries" of lx, for finish. */
static void count_lexicon(struct buf *what, const struct lexicon *lx)
{
	buf_addf(what, "%zu categor%s and %zu entr%s", lx->ncategories,
		 lx->ncategories == 1 ? "y" : "ies", lx->nentries, lx->nentries == 1 ? "y" : "ies");
}

/* An output that is one of the inputs would destroy it: refused (a usage error). */
static int output_is_input(const char *output, const char *input)
{
	if (output && outfile_check_path(output) < 0)
		return 1;
	if (!output || !fsutil_same_file(output, input))
		return 0;
	error("'%s' is the input '%s'; write the output elsewhere", output, input);
	return 1;
}

int dic_import_run(const struct dic_import_opts *o)
{
	struct dic_notes notes = DIC_NOTES_INIT;
	struct buf out = BUF_INIT;
	size_t len, i;
	char *text = read_file(o->input, &len);
	int status;

	util_set_quiet(o->quiet);
	if (output_is_input(o->output, o->input)) {
		free(text);
		return EXIT_USAGE;
	}
	if (!text) {
		error("%s: %s", o->input, strerror(errno));
		return EXIT_USAGE;
	}
	if (dic_import(o->input, text, len, o->format, &out, &notes) < 0) {
		for (i = 0; i < notes.n; i++)
			warning("%s", notes.msg[i]);
		status = EXIT_USAGE;
	} else {
		/* dic_import checked that its output loads; this counts it. */
		struct lexicon lx = LEXICON_INIT;
		struct buf what = BUF_INIT;
		if (!notes.n && lexicon_parse(&lx, o->input, buf_str(&out), out.len) == 0)
			count_lexicon(&what, &lx);
		status = finish(&notes, &out, o->output, buf_str(&what), o->quiet);
		buf_release(&what);
		lexicon_release(&lx);
	}
	free(text);
	buf_release(&out);
	dic_notes_release(&notes);
	return status;
}

int dic_export_run(const struct dic_export_opts *o)
{
	struct lexicon lx = LEXICON_INIT;
	struct dic_notes notes = DIC_NOTES_INIT;
	struct buf out = BUF_INIT;
	int bad = 0, status = EXIT_USAGE;
	size_t i;

	util_set_quiet(o->quiet);
	/* Every file is read, so that the errors of all are reported. */
	for (i = 0; i < o->nlexicons; i++)
		if (output_is_input(o->output, o->lexicons[i]) || lexicon_load(&lx, o->lexicons[i]) < 0)
			bad = 1;
	if (!bad && lexicon_resolve(&lx) < 0)
		bad = 1;
	if (!bad) {
		struct buf what = BUF_INIT;
		dic_export(&lx, o->format, &out, &notes);
		count_lexicon(&what, &lx);
		status = finish(&notes, &out, o->output, buf_str(&what), o->quiet);
		buf_release(&what);
	}
	buf_release(&out);
	dic_notes_release(&notes);
	lexicon_release(&lx);
	return status;
}
