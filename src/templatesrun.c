/*
 * "framing templates" as a function (see templatesrun.h): builds the table
 * of site templates and writes it whole or not at all.
 */
#include "templatesrun.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsutil.h"
#include "outfile.h"
#include "sourceopts.h"
#include "templates.h"
#include "util.h"
#include "banned.h"

void templates_run_opts_init(struct templates_run_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->in.max_bytes = SOURCE_DEFAULT_MAX_BYTES;
}

int templates_run(const struct templates_run_opts *o)
{
	struct source *src = source_open(&o->in);
	struct templates *t = NULL;
	struct outfile *out = NULL;
	size_t lines, outlets;
	int to_stdout = !o->output || !strcmp(o->output, "-");
	int status = EXIT_USAGE;
	const char *in;

	if (!src)
		return EXIT_USAGE;
	sourceopts_note_inputs(&o->in);
	if (to_stdout && (in = fsutil_input_fd(STDOUT_FILENO))) {
		error("standard output is the input '%s'; write the output elsewhere", in);
		goto out;
	}
	if (!to_stdout && outfile_check_path(o->output) < 0)
		goto out;
	if (!to_stdout && (in = fsutil_input_at(o->output))) {
		error("'%s' is the input '%s'; write the output elsewhere", o->output, in);
		goto out;
	}
	if (!source_rewindable(src)) {
		error("%s: framing templates reads the articles more than once, and a pipe "
		      "can be read once; save them to a file and give --jsonl FILE",
		      source_name(src));
		goto out;
	}
	util_set_quiet(o->quiet);
	if (!(t = templates_build(src, o->min, NULL, o->jobs)))
		goto out;
	status = EXIT_FAILED;
	if (!to_stdout && !(out = outfile_open(o->output)))
		goto out;
	if (templates_write(t, src, o->jobs, out ? outfile_stream(out) : stdout) < 0) {
		if (out)
			error("cannot write %s", o->output);
		outfile_abort(out);
		goto out;
	}
	if (out && outfile_commit(out) < 0)
		goto out;
	lines = templates_count(t, &outlets);
	if (!o->quiet)
		inform("%s: %zu template line%s in %zu outlet%s", source_name(src), lines,
		       lines == 1 ? "" : "s", outlets, outlets == 1 ? "" : "s");
	status = EXIT_OK;
out:
	templates_free(t);
	source_free(src);
	return status;
}
