/*
 * "framing stats" as a function (see statsrun.h): reads the score files,
 * applies the article filters, builds the model and writes its tables,
 * with keyness.tsv computed beside them.
 */
#include "statsrun.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "keyness.h"
#include "fsutil.h"
#include "outfile.h"
#include "scoretab.h"
#include "signatures.h"
#include "stance.h"
#include "statmodel.h"
#include "stats.h"
#include "stattables.h"
#include "util.h"
#include "banned.h"

/* Applies the article filters, each reported on stderr. */
static int filter_articles(struct scoretab *t, const struct stats_run_opts *o, int have_pairs)
{
	size_t same = scoretab_drop_same_ids(t), dropped, clusters, crossing, empty;

	if (same)
		warning("%zu articles with an id seen before were left out", same);
	if (o->dedup && !have_pairs)
		warning("--dedup: no signatures.tsv beside the scores, so no article was dropped");
	if (o->dedup && have_pairs) {
		char *pairs = path_join(o->outdir, "duplicates.tsv");
		int r = scoretab_dedup(t, pairs, &dropped, &clusters, &crossing);
		free(pairs);
		if (r < 0)
			return -1;
		fprintf(stderr, "framing: dedup: dropped %zu near-duplicate articles "
			"(%zu clusters, %zu across outlets)\n", dropped, clusters, crossing);
	}
	empty = scoretab_drop_empty(t);
	if (empty)
		warning("%zu articles without tokens were left out", empty);
	if (!t->has_stance)
		warning("no stance values (the lexicon lacks " STANCE_ACCUSATORY " or "
			STANCE_CONCILIATORY "): no stance rows");
	return 0;
}

/*
 * keyness.tsv reads the largest input (matches.tsv) and needs nothing of
 * the other tables, so with two threads or more it is computed in a
 * thread of its own meanwhile. Its file is opened and committed (or
 * abandoned, when an earlier table failed) here, after the other tables
 * as before; only writing to it happens in the thread.
 */
struct keyness_job {
	char **files;
	size_t nfiles;
	double alpha0;
	struct outfile *out;	/* NULL: computed at the end, in this thread */
	pthread_t tid;
	int ret;
};

static void *keyness_worker(void *arg)
{
	struct keyness_job *k = arg;
	k->ret = keyness_write_stream(k->files, k->nfiles, outfile_stream(k->out), k->alpha0);
	return NULL;
}

/* -1 when the file cannot be opened (after a message). */
static int keyness_start(struct keyness_job *k, const struct stats_run_opts *o, char *path)
{
	if (o->jobs < 2)
		return 0;
	k->out = outfile_open(path);
	if (!k->out)
		return -1;
	if (pthread_create(&k->tid, NULL, keyness_worker, k) != 0) {
		outfile_abort(k->out);
		k->out = NULL;	/* no thread: computed at the end */
	}
	return 0;
}

/* Commits keyness.tsv when ok (the other tables were written), else abandons it. */
static int keyness_finish(struct keyness_job *k, char *path, int ok)
{
	if (!k->out)
		return ok ? keyness_write(k->files, k->nfiles, path, k->alpha0) : -1;
	pthread_join(k->tid, NULL);
	if (!ok || k->ret < 0) {
		outfile_abort(k->out);
		return -1;
	}
	return outfile_commit(k->out);
}

/* The tables of the model, keyness beside them; -1 after a message. */
static int write_all(struct statmodel *sm, const struct stats_run_opts *o)
{
	struct keyness_job k = { .files = o->files, .nfiles = o->nfiles, .alpha0 = o->alpha0 };
	char *path;
	int ok, ret;

	if (ensure_dir(o->outdir) < 0)
		return -1;
	if (strcmp(o->by, "outlet"))
		warning("keyness groups by outlet, not by '%s'", o->by);
	if (o->dedup)
		warning("keyness counts come from terms.tsv and still include the dropped duplicates");
	path = path_join(o->outdir, "keyness.tsv");
	if (keyness_start(&k, o, path) < 0) {
		free(path);
		return -1;
	}
	statmodel_groups(sm);
	statmodel_pairs(sm);
	ok = stattables_write(sm, o->outdir) == 0;
	ret = keyness_finish(&k, path, ok);
	free(path);
	return ok ? ret : -1;
}

static char default_scores[] = "output/scores.tsv";
static char *default_files[] = { default_scores };

void stats_run_opts_init(struct stats_run_opts *o)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	memset(o, 0, sizeof(*o));
	o->files = default_files;
	o->nfiles = 1;
	o->outdir = "output";
	o->by = "outlet";
	o->seed = 1;
	o->bootstrap = 10000;
	o->permutations = 10000;
	o->perm_max = 2000;
	o->jobs = cpus > 0 ? (size_t)(cpus < 64 ? cpus : 64) : 1;
}

int stats_run(const struct stats_run_opts *o)
{
	struct statmodel_params p = { o->seed, o->bootstrap, o->permutations, o->perm_max,
				      o->jobs };
	struct statmodel sm;
	struct scoretab *t;
	int ret, have_pairs;

	util_set_quiet(o->quiet);
	stats_init();
	t = scoretab_read(o->files, o->nfiles, o->by, 0);
	if (!t)
		return EXIT_USAGE;
	have_pairs = signatures_find_duplicates(o->files, o->nfiles, o->outdir);
	if (have_pairs < 0 || filter_articles(t, o, have_pairs) < 0) {
		scoretab_free(t);
		return have_pairs == -2 ? EXIT_FAILED : EXIT_USAGE;
	}
	if (t->n == 0)
		warning("no articles left to compare");
	statmodel_build(&sm, t, &p);
	/* The rows are in the model now: their memory is better spent on the statistics. */
	scoretab_drop_rows(t);
	ret = write_all(&sm, o) < 0 ? EXIT_FAILED : EXIT_OK;
	statmodel_release(&sm);
	scoretab_free(t);
	return ret;
}
