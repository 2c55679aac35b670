/*
 * "framing report" as a function (see reportrun.h): the steps a user
 * would run one by one, with the same options, so the report shows
 * exactly what those commands write.
 */
#include "reportrun.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chartrun.h"
#include "fsutil.h"
#include "lexrun.h"
#include "report.h"
#include "results.h"
#include "runset.h"
#include "scoretab.h"
#include "scorerun.h"
#include "source.h"
#include "statsrun.h"
#include "util.h"
#include "banned.h"

/* The resampling of stats (its defaults), named in the report's methods. */
#define REPORT_RESAMPLES 10000

void report_run_opts_init(struct report_run_opts *o)
{
	struct source_options in = SOURCE_OPTIONS_INIT;

	memset(o, 0, sizeof(*o));
	o->in = in;
	o->opt.clean = 1;
	o->opt.negation = 1;
	o->outdir = "output";
	o->by = "outlet";
	o->seed = 1;
	o->max_groups = RES_MAX_GROUPS;
}

/*
 * The input, opened once and checked before anything is written: stats and
 * chart group scores.tsv by --by, which holds every column of the source
 * but file, so a column it lacks is refused here with the message of the
 * tools, not after score has written its tables. score reads this source
 * (a pipe cannot be opened twice). NULL after a message.
 */
static struct source *open_source(const struct report_run_opts *o)
{
	struct source *src = source_open(&o->in);

	const char *bad = NULL;

	if (src && (!source_has_column(src, o->by) || !strcmp(o->by, "file")))
		bad = o->by;
	else if (src && o->within && (!source_has_column(src, o->within) ||
				      !strcmp(o->within, "file")))
		bad = o->within;
	if (bad) {
		lexrun_no_column(src, bad);
		source_free(src);
		return NULL;
	}
	return src;
}

/* The corpus as given, for the methods: the folder, the JSON Lines file or "stdin". */
static const char *corpus_given(const struct source_options *in)
{
	if (in->warc.files.n)
		return in->warc.files.items[0];	/* --warc: the first file */
	if (!in->jsonl)
		return in->dir;
	return strcmp(in->jsonl, "-") ? in->jsonl : "stdin";
}

/*
 * The name in the report's title: the last component of what was given,
 * unless that is "." or ".." (framing report .), which name no folder a
 * reader knows: then the last component of the resolved path.
 */
static const char *title_name(const char *given, struct buf *tmp)
{
	const char *base = buf_base_name(given, tmp);
	char *real;

	if (strcmp(base, ".") && strcmp(base, ".."))
		return base;
	real = realpath(given, NULL);
	if (!real)
		return base;
	base = buf_base_name(real, tmp);
	free(real);
	return base;
}

static int run_score(const struct report_run_opts *o, struct source *src, size_t *skipped)
{
	struct score_run_opts s;

	score_run_opts_init(&s);
	s.in = o->in;
	s.src = src;
	s.opt = o->opt;
	s.lexicons = o->lexicons;
	s.nlexicons = o->nlexicons;
	s.outdir = o->outdir;
	s.quiet = o->quiet;
	s.skipped = skipped;
	if (o->jobs > 0)
		s.jobs = o->jobs;
	return score_run(&s);
}

static int run_stats(const struct report_run_opts *o)
{
	struct stats_run_opts s;
	char *scores = path_join(o->outdir, "scores.tsv");
	int status;

	stats_run_opts_init(&s);
	s.files = &scores;
	s.nfiles = 1;
	s.outdir = o->outdir;
	s.by = o->by;
	s.group_map = o->group_map;
	s.unmapped_na = o->unmapped_na;
	s.seed = o->seed;
	s.bootstrap = REPORT_RESAMPLES;
	s.permutations = REPORT_RESAMPLES;
	s.quiet = o->quiet;
	/* The 'Same story' section: the user's stories, else the ones framing finds. */
	s.within = o->within;
	s.stories = !o->within;
	if (o->jobs > 0)
		s.jobs = (size_t)o->jobs;
	status = stats_run(&s);
	free(scores);
	return status;
}

static int run_chart(const struct report_run_opts *o, const char *corpus_name)
{
	struct chart_run_opts c;

	chart_run_opts_init(&c);
	c.indir = o->outdir;
	c.outdir = o->outdir;
	c.by = o->by;
	c.group_map = o->group_map;
	c.unmapped_na = o->unmapped_na;
	c.corpus = corpus_name;
	c.quiet = o->quiet;
	c.max_groups = o->max_groups;
	c.groups = o->groups;
	c.within = o->within;
	c.max_stories = o->max_stories;
	return chart_run(&c);
}

static int write_report(const struct report_run_opts *o, const char *corpus_name,
			size_t skipped)
{
	char *unit;
	int status;
	struct report_opts r;

	memset(&r, 0, sizeof(r));
	r.corpus = corpus_given(&o->in);
	r.in = o->in;
	r.clean = o->opt.clean;
	r.negation = o->opt.negation;
	r.corpus_name = corpus_name;
	r.outdir = o->outdir;
	r.by = o->by;
	r.group_map = o->group_map;
	r.unmapped_na = o->unmapped_na;
	/* report.h keeps argv's type; report_write only reads them. */
	r.lexicons = o->lexicons;
	r.nlexicons = o->nlexicons;
	r.seed = o->seed;
	r.bootstrap = REPORT_RESAMPLES;
	r.permutations = REPORT_RESAMPLES;
	r.max_groups = o->max_groups;
	r.groups = o->groups;
	r.skipped = skipped;
	r.within = o->within;
	r.max_stories = o->max_stories;
	unit = o->group_map ? scoretab_map_unit(o->group_map) : NULL;
	r.by_label = unit;
	status = report_write(&r) < 0 ? EXIT_FAILED : EXIT_OK;
	free(unit);
	return status;
}

int report_run(const struct report_run_opts *args)
{
	struct buf name = BUF_INIT;
	/* The title's name: the folder's or the JSON Lines file's, or "stdin". */
	const char *corpus_name = title_name(corpus_given(&args->in), &name);
	struct report_run_opts staged = *args;
	const struct report_run_opts *o = &staged;
	struct runset *set;
	struct source *src;
	size_t skipped = 0;
	int status;

	util_set_quiet(args->quiet);
	if (!(src = open_source(args)) || runset_check_outdir(args->outdir, args->in.dir) < 0) {
		source_free(src);
		buf_release(&name);
		return EXIT_USAGE;
	}
	/*
	 * Every step writes into the run's staging folder and reads what the
	 * step before wrote there; the tables, charts and report.html are
	 * moved into -o together, only when report.html was written too.
	 */
	if (!(set = runset_begin(args->outdir, "report"))) {
		source_free(src);
		buf_release(&name);
		return EXIT_FAILED;
	}
	staged.outdir = runset_dir(set);
	runset_param(set, "by", o->by);
	status = run_score(o, src, &skipped);
	source_free(src);
	/*
	 * Articles skipped (bad lines): as score does, the set is written
	 * (report.html says how many at its top) and the exit status is 1.
	 * Any other failure writes nothing: the previous set stays whole.
	 */
	if (status == EXIT_FAILED && skipped)
		status = EXIT_OK;
	if (status == EXIT_OK)
		status = run_stats(o);
	if (status == EXIT_OK)
		status = run_chart(o, corpus_name);
	if (status == EXIT_OK)
		status = write_report(o, corpus_name, skipped);
	buf_release(&name);
	status = runset_finish(set, status);
	if (status == EXIT_OK && skipped) {
		error("%s/report.html was written without the %zu skipped article%s (its top "
		      "says so)", args->outdir, skipped, skipped == 1 ? "" : "s");
		status = EXIT_FAILED;
	}
	return status;
}
