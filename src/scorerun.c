/*
 * "framing score" as a function (see scorerun.h): loads the lexicons,
 * opens the input and the outputs, runs the scoring pipeline and commits
 * the files whole or not at all.
 */
#include "scorerun.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "corpus.h"
#include "counts.h"
#include "fsutil.h"
#include "lexdecl.h"
#include "lexicon.h"
#include "match.h"
#include "outfile.h"
#include "pipeline.h"
#include "runset.h"
#include "score.h"
#include "source.h"
#include "sourceopts.h"
#include "targets.h"
#include "templates.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"


void score_run_opts_init(struct score_run_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->outdir = "output";
	o->opt.clean = 1;
	o->opt.negation = 1;
	o->jobs = pipeline_default_jobs();
	o->in.max_bytes = SOURCE_DEFAULT_MAX_BYTES;
}

/* Standard output's buffer with --stdout; static, as stdout outlives score_run(). */
static char stdout_buf[1 << 20];

/* The output files, written whole or not at all; NULL ones are not wanted. */
enum { OUT_SCORES, OUT_MATCHES, OUT_TERMS, OUT_SIGNATURES, OUT_CATEGORIES, OUT_TARGETS,
       NOUTPUTS };

/* NULL-terminated for runset_check_writes. */
static const char *const output_names[NOUTPUTS + 1] = {
	"scores.tsv", "matches.tsv", "terms.tsv", "signatures.tsv", LEXDECL_NAME,
	"targets.tsv", NULL
};

struct outputs {
	struct outfile *f[NOUTPUTS];
	struct runset *set;	/* -o DIR: the files are one set (runset.h) */
};

static void abort_outputs(struct outputs *o)
{
	int i;
	for (i = 0; i < NOUTPUTS; i++)
		outfile_abort(o->f[i]);
	runset_abort(o->set);
	memset(o, 0, sizeof(*o));
}

/* What run.tsv records of a score run: its parameters and inputs. */
static void stamp_input(void *set, const char *path)
{
	runset_input(set, path);
}

static void stamp_run(struct runset *set, const struct score_run_opts *args,
		      const struct lexicon *lx)
{
	size_t i;

	runset_param(set, "clean", args->opt.clean ? "yes" : "no");
	runset_param(set, "negation", args->opt.negation ? "yes" : "no");
	for (i = 0; i < lx->nfiles; i++)
		runset_input(set, lx->files[i]);
	if (args->opt.templates.file)
		runset_input(set, args->opt.templates.file);
	if (!sourceopts_each_input(&args->in, stamp_input, set) && args->in.dir)
		runset_param(set, "corpus", args->in.dir);
}

/* With --stdout: the files named for the outputs other than scores.tsv. */
static void stdout_files(const struct score_run_opts *args, const char *files[NOUTPUTS])
{
	files[OUT_SCORES] = NULL;
	files[OUT_MATCHES] = args->matches_file;
	files[OUT_TERMS] = args->terms_file;
	files[OUT_SIGNATURES] = args->signatures_file;
	files[OUT_CATEGORIES] = args->categories_file;
	files[OUT_TARGETS] = args->targets_file;
}

static int open_outputs(const struct score_run_opts *args, const struct lexicon *lx,
			struct outputs *o)
{
	const char *files[NOUTPUTS];
	int i;

	stdout_files(args, files);
	memset(o, 0, sizeof(*o));
	if (!args->to_stdout) {
		if (!(o->set = runset_begin(args->outdir, "score")))
			return -1;
		stamp_run(o->set, args, lx);
		if (runset_check_writes(o->set, output_names) < 0) {
			abort_outputs(o);
			return -2;
		}
	}
	for (i = 0; i < NOUTPUTS; i++) {
		char *path = args->to_stdout ? (files[i] ? xstrdup(files[i]) : NULL)
					     : path_join(runset_dir(o->set), output_names[i]);
		if (!path)
			continue;
		o->f[i] = outfile_open(path);
		free(path);
		if (!o->f[i]) {
			abort_outputs(o);
			return -1;
		}
	}
	return 0;
}

static FILE *stream(const struct outputs *o, int which)
{
	return o->f[which] ? outfile_stream(o->f[which]) : NULL;
}

/* Commits every file only when all were written without error. */
static int commit_outputs(struct outputs *o)
{
	int i, j;

	for (i = 0; i < NOUTPUTS; i++) {
		FILE *f = stream(o, i);
		if (f && (fflush(f) != 0 || ferror(f))) {
			error("cannot write %s: %s", output_names[i], strerror(errno ? errno : EIO));
			abort_outputs(o);
			return -1;
		}
	}
	for (i = 0; i < NOUTPUTS; i++) {
		if (o->f[i] && outfile_commit(o->f[i]) < 0) {
			for (j = i + 1; j < NOUTPUTS; j++)
				outfile_abort(o->f[j]);
			runset_abort(o->set);
			return -1;
		}
	}
	return o->set ? runset_commit(o->set) : 0;
}

static void write_terms(const struct counts *terms, FILE *f)
{
	size_t n, i;
	struct count_item *items = counts_sorted(terms, &n);

	fputs("outlet\tterm\tcount\n", f);
	for (i = 0; i < n; i++)
		fprintf(f, "%s\t%llu\n", items[i].key, (unsigned long long)items[i].n);
	free(items);
}

/* categories.tsv: what the lexicons declare, for stats, chart and report (lexdecl.h). */
static void write_categories(const struct lexicon *lx, FILE *f)
{
	struct lexdecl d = LEXDECL_INIT;
	struct buf out = BUF_INIT;

	lexdecl_from_lexicon(&d, lx);
	lexdecl_write(&d, &out);
	fwrite(out.data, 1, out.len, f);
	buf_release(&out);
	lexdecl_release(&d);
}

static void write_headers(const struct lexicon *lx, const struct source *src,
			  const struct pipeline_output *out)
{
	struct buf header = BUF_INIT;
	size_t nextra;
	char *const *names = source_extra_names(src, &nextra);

	score_header(&header, lx, names, nextra);
	fputs(header.data, out->scores);
	if (out->matches) {
		buf_reset(&header);
		score_matches_header(&header);
		fputs(header.data, out->matches);
	}
	if (out->signatures) {
		buf_reset(&header);
		score_signatures_header(&header);
		fputs(header.data, out->signatures);
	}
	/* Without an actor, the header alone: every run has the same files. */
	if (out->targets) {
		buf_reset(&header);
		targets_header(&header);
		fputs(header.data, out->targets);
	}
	buf_release(&header);
}

/*
 * The loud end of a run in which cleaning took most of the words of some
 * articles (hard-wrapped text it could not unwrap, a page of menus, a
 * language it misjudged): their scores rest on what little is left. Said
 * even with -q, which silences only the per-article warnings.
 */
static void warn_lost(const struct score_loss *l, const struct score_run_opts *args)
{
	struct buf cmd = BUF_INIT;

	if (!l->lost)
		return;
	if (args->in.jsonl && !strcmp(args->in.jsonl, "-"))
		/* Standard input is gone by now: the hint cannot replay it. */
		buf_addf(&cmd, "framing clean %s FILE %s", source_stream_option(&args->in),
			 l->worst_id);
	else if (args->in.jsonl)
		buf_addf(&cmd, "framing clean %s %s %s", source_stream_option(&args->in),
			 args->in.jsonl, l->worst_id);
	else if (args->in.warc.files.n) {
		/* worst_where is FILE:BYTE */
		const char *colon = strrchr(l->worst_where, ':');
		int n = (int)(colon ? (size_t)(colon - l->worst_where) : strlen(l->worst_where));
		buf_addf(&cmd, "framing clean --warc %.*s %s", n, l->worst_where, l->worst_id);
	}
	else
		buf_addf(&cmd, "framing clean %s", l->worst_where);
	/* inform, not fprintf: the command quotes a file name or an id (sanitize.h). */
	inform("%zu of %zu article%s lost more than %.0f%% of their words to cleaning; `%s` "
	       "shows why%s", l->lost, l->articles, l->articles == 1 ? "" : "s",
	       100 * SCORE_LOST_SHARE, buf_str(&cmd),
	       args->in.jsonl && !strcmp(args->in.jsonl, "-")
	       ? ", with the input saved as FILE first (standard input cannot be read again)" : "");
	buf_release(&cmd);
}

/*
 * Outputs written into the corpus folder would mix with the articles (and
 * replace one that happened to be called scores.tsv), by any name
 * (C/x/..); an output that is one of the inputs (--matches in.jsonl)
 * would destroy it: both refused, exit 2.
 */
static int output_is_input(const struct score_run_opts *args, const struct lexicon *lx)
{
	const char *files[NOUTPUTS];
	const char *in;
	int i;
	size_t j;

	stdout_files(args, files);
	if (!args->to_stdout)
		return runset_check_outdir(args->outdir, args->in.dir) < 0;
	/* What -o DIR's run notes in runset_input, noted here for --stdout's files. */
	for (j = 0; j < lx->nfiles; j++)
		fsutil_note_input(lx->files[j]);
	if (args->opt.templates.file)
		fsutil_note_input(args->opt.templates.file);
	sourceopts_note_inputs(&args->in);
	if ((in = fsutil_input_fd(STDOUT_FILENO)))
		return error("standard output is the input '%s'; write the output elsewhere", in),
		       1;
	for (i = 0; i < NOUTPUTS; i++) {
		if (!files[i])
			continue;
		if (outfile_check_path(files[i]) < 0)
			return 1;
		for (j = 0; j < lx->nfiles; j++)
			if (fsutil_same_file(files[i], lx->files[j]))
				return error("'%s' is the lexicon '%s'; write the output elsewhere",
					     files[i], lx->files[j]), 1;
		if ((in = fsutil_input_at(files[i])))
			return error("'%s' is the input '%s'; write the output elsewhere",
				     files[i], in), 1;
	}
	return 0;
}

int score_run(const struct score_run_opts *args)
{
	struct lexicon lx = LEXICON_INIT;
	struct matcher *m = NULL;
	struct source *src = NULL;
	struct counts *terms = NULL;
	struct outputs o;
	struct pipeline_options popt;
	struct pipeline_output pout;
	struct score_options opt = args->opt;
	struct templates *tmpl = NULL;
	struct score_loss loss = SCORE_LOSS_INIT;
	size_t skipped;
	int status = EXIT_USAGE;

	util_set_quiet(args->quiet);
	memset(&o, 0, sizeof(o));
	/* Everything is checked before anything is written. */
	if (lexicon_load_all(&lx, args->lexicons, args->nlexicons) < 0
	    || score_check_indices(&lx) < 0
	    || !(src = args->src ? args->src : source_open(&args->in))
	    || output_is_input(args, &lx)
	    || templates_prepare(&args->opt.templates, args->opt.clean, args->jobs, src, &tmpl) < 0)
		goto out;
	opt.table = tmpl;
	status = EXIT_FAILED;
	switch (open_outputs(args, &lx, &o)) {
	case -2:
		status = EXIT_USAGE;
		/* fall through */
	case -1:
		goto out;
	}
	m = matcher_new(&lx);
	terms = o.f[OUT_TERMS] ? counts_new() : NULL;
	pout.scores = o.f[OUT_SCORES] ? stream(&o, OUT_SCORES) : stdout;
	/* A filter's rows go out a megabyte at a time, unless someone watches. */
	if (!o.f[OUT_SCORES] && !isatty(STDOUT_FILENO))
		setvbuf(stdout, stdout_buf, _IOFBF, sizeof(stdout_buf));
	pout.matches = stream(&o, OUT_MATCHES);
	pout.signatures = stream(&o, OUT_SIGNATURES);
	pout.targets = stream(&o, OUT_TARGETS);
	pout.terms = terms;
	pout.loss = &loss;
	write_headers(&lx, src, &pout);
	if (o.f[OUT_CATEGORIES])
		write_categories(&lx, stream(&o, OUT_CATEGORIES));
	popt.jobs = args->jobs;
	popt.progress = !args->quiet && isatty(STDERR_FILENO);
	skipped = pipeline_run(src, &lx, m, &opt, &popt, &pout);
	if (terms)
		write_terms(terms, stream(&o, OUT_TERMS));
	switch (commit_outputs(&o)) {
	case 0:
		status = skipped ? EXIT_FAILED : EXIT_OK;
		if (args->skipped)
			*args->skipped = skipped;
		break;
	case -2:
		status = EXIT_USAGE;
		break;
	}
	if (skipped)
		error("%zu article%s skipped", skipped, skipped == 1 ? "" : "s");
	warn_lost(&loss, args);
out:
	score_loss_release(&loss);
	counts_free(terms);
	templates_free(tmpl);
	if (src != args->src)
		source_free(src);
	matcher_free(m);
	lexicon_release(&lx);
	return status;
}
