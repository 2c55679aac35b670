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

#include "buf.h"
#include "effects.h"
#include "keyness.h"
#include "lexdecl.h"
#include "fsutil.h"
#include "outfile.h"
#include "runset.h"
#include "scoretab.h"
#include "signatures.h"
#include "statmodel.h"
#include "stats.h"
#include "stories.h"
#include "stattables.h"
#include "targetstats.h"
#include "tsv.h"
#include "util.h"
#include "xalloc.h"
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
		warning("%zu article%s without tokens %s left out", empty, empty == 1 ? "" : "s",
			empty == 1 ? "was" : "were");
	if (!t->nindex)
		warning("no index declared (an @index line of a lexicon declares one): no index rows");
	return 0;
}

/*
 * Stories (stories.h) to stories.tsv: EXIT_OK, EXIT_USAGE after a message
 * on the signatures, EXIT_FAILED on a write error.
 */
static int stories_stage(const struct stats_run_opts *o, int have_pairs, struct stories **out)
{
	struct stories_params sp = { o->story_window, o->story_threshold };
	char *pairs = have_pairs > 0 ? path_join(o->outdir, "duplicates.tsv") : NULL;

	*out = stories_find(o->files, o->nfiles, pairs, &sp);
	free(pairs);
	if (!*out)
		return EXIT_USAGE;
	if (stories_write(*out, o->outdir) < 0) {
		stories_free(*out);
		*out = NULL;
		return EXIT_FAILED;
	}
	if (!o->quiet)
		inform("stories: %zu stories", stories_count(*out));
	return EXIT_OK;
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
	size_t top;
	struct outfile *out;	/* NULL: computed at the end, in this thread */
	pthread_t tid;
	int ret;
};

static void *keyness_worker(void *arg)
{
	struct keyness_job *k = arg;
	k->ret = keyness_write_stream(k->files, k->nfiles, outfile_stream(k->out), k->alpha0,
				      k->top);
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
		return ok ? keyness_write(k->files, k->nfiles, path, k->alpha0, k->top) : -1;
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
	struct keyness_job k = { .files = o->files, .nfiles = o->nfiles, .alpha0 = o->alpha0,
				 .top = o->keyness_top };
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
	o->all_pairs_max = 30;
	o->perm_budget = 2e8;
	o->keyness_top = 100;
	o->story_window = STORIES_WINDOW;
	o->story_threshold = STORIES_THRESHOLD;
}

/* Group name's index in t (sorted bytewise), or -1. */
static long group_find(const struct scoretab *t, const char *name)
{
	size_t lo = 0, hi = t->ngroups;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(t->groups[mid], name);
		if (!c)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* The same, or -1 after a message naming opt. */
static long group_index(const struct scoretab *t, const char *name, const char *opt)
{
	long g = group_find(t, name);

	if (g < 0)
		error("%s: no group '%s' (after the filters)", opt, name);
	return g;
}

struct pairs {
	size_t *v, n, alloc;
};

static int pairs_add(struct pairs *p, const struct scoretab *t, const char *a, const char *b,
		     const char *where)
{
	long ia = group_index(t, a, where), ib = ia < 0 ? -1 : group_index(t, b, where);

	if (ib < 0)
		return -1;
	if (ia == ib)
		return error("%s: '%s' compared with itself", where, a);
	ALLOC_GROW(p->v, 2 * p->n + 2, p->alloc);
	p->v[2 * p->n] = (size_t)ia;
	p->v[2 * p->n + 1] = (size_t)ib;
	p->n++;
	return 0;
}

/* The --compare A,B pairs: the comma splits, the first comma only. */
static int pairs_from_options(struct pairs *p, const struct scoretab *t,
			      const struct stats_run_opts *o)
{
	size_t i;

	for (i = 0; i < o->ncompare; i++) {
		const char *comma = strchr(o->compare[i], ',');
		char *a;
		int r;
		if (!comma || comma == o->compare[i] || !comma[1])
			return error("--compare '%s': expected GROUP,GROUP", o->compare[i]);
		a = xstrndup(o->compare[i], (size_t)(comma - o->compare[i]));
		r = pairs_add(p, t, a, comma + 1, "--compare");
		free(a);
		if (r < 0)
			return -1;
	}
	return 0;
}

/*
 * The --pairs file: a TSV with a header, columns group_a and group_b or
 * any two columns. A pair naming a group that is not there is refused
 * with FILE:LINE.
 */
static int pairs_from_file(struct pairs *p, const struct scoretab *t, const char *path)
{
	struct tsv *in = tsv_open(path);
	long ca, cb;
	int r = 0;
	struct buf where = BUF_INIT;

	if (!in)
		return -1;
	ca = tsv_column(in, "group_a");
	cb = tsv_column(in, "group_b");
	if (ca < 0 || cb < 0) {
		if (tsv_columns(in) != 2) {
			error("%s:1: a pairs file needs columns 'group_a' and 'group_b', or two columns",
			      path);
			tsv_close(in);
			return -1;
		}
		ca = 0;
		cb = 1;
	}
	while (r == 0 && (r = tsv_next(in)) > 0) {
		buf_reset(&where);
		buf_addf(&where, "%s:%zu", path, tsv_line(in));
		r = pairs_add(p, t, tsv_field(in, (size_t)ca), tsv_field(in, (size_t)cb),
			      where.data) < 0 ? -1 : 0;
	}
	tsv_close(in);
	buf_release(&where);
	return r < 0 ? -1 : 0;
}

/* Fills the pair choices of p from the options; -1 after a message. */
static int choose_pairs(const struct scoretab *t, const struct stats_run_opts *o,
			struct statmodel_params *p, struct pairs *user)
{
	long ref;

	p->all_pairs_max = o->all_pairs_max;
	p->perm_budget = o->perm_budget;
	p->reference = (size_t)-1;
	if (o->reference) {
		if ((ref = group_index(t, o->reference, "--reference")) < 0)
			return -1;
		p->reference = (size_t)ref;
	}
	if (pairs_from_options(user, t, o) < 0 ||
	    (o->pairs_file && pairs_from_file(user, t, o->pairs_file) < 0))
		return -1;
	p->user_pairs = user->v;
	p->nuser = user->n;
	if (t->ngroups > o->all_pairs_max && group_find(t, STATMODEL_REST_NAME) >= 0)
		warning("a group is named '" STATMODEL_REST_NAME "', as the rest of the corpus is "
			"in compare.tsv: rename it to tell them apart");
	return 0;
}

/* The tables stats reads beside each score file. */
static const char *const companions[] = { "signatures.tsv", "terms.tsv", "matches.tsv",
					  LEXDECL_NAME, "targets.tsv" };
#define NCOMPANIONS (sizeof(companions) / sizeof(companions[0]))

/*
 * Each score file and the tables beside it must come from one score run
 * (run.tsv of their folder); with a set, they are its inputs.
 */
static int check_inputs(const struct stats_run_opts *o, struct runset *set)
{
	size_t i, j;

	for (i = 0; i < o->nfiles; i++) {
		const char *slash = strrchr(o->files[i], '/');
		char *dir = slash ? xstrndup(o->files[i], (size_t)(slash - o->files[i]) + 1)
				  : xstrdup(".");
		const char *names[NCOMPANIONS + 2] = { slash ? slash + 1 : o->files[i] };
		char *rerun;
		int bad;

		for (j = 0; j < NCOMPANIONS; j++)
			names[j + 1] = companions[j];
		names[NCOMPANIONS + 1] = NULL;
		rerun = runset_rerun("score", dir, NULL);
		bad = runset_check_same_run(dir, names, rerun);
		free(rerun);
		free(dir);
		if (bad < 0)
			return -1;
		if (!set)
			continue;
		runset_input(set, o->files[i]);
		for (j = 0; j < NCOMPANIONS; j++) {
			char *p = scoretab_sibling(o->files[i], companions[j]);
			if (access(p, F_OK) == 0)
				runset_input(set, p);
			free(p);
		}
	}
	return 0;
}

/*
 * effects.tsv (effects.h) by the stories of the column --within, else by
 * the stories --stories found; neither: no effects.tsv.
 */
static int effects_write(const struct scoretab *t, const struct stats_run_opts *o,
			 const struct stories *stories, size_t reference)
{
	struct effects_opts eo = { reference, o->adjust, o->within ? o->within : "story" };
	char *path;
	struct outfile *out;
	size_t nstories, *story;
	int ret;

	if (!o->within && !stories)
		return 0;
	path = path_join(o->outdir, "effects.tsv");
	if (ensure_dir(o->outdir) < 0 || !(out = outfile_open(path))) {
		free(path);
		return -1;
	}
	free(path);
	if (o->within) {
		story = effects_stories_from_column(t, &nstories);
	} else {
		story = stories_index(stories, t);
		nstories = stories_count(stories);
	}
	ret = effects_run(t, story, nstories, &eo, outfile_stream(out));
	free(story);
	if (ret < 0) {
		outfile_abort(out);
		return -1;
	}
	return outfile_commit(out);
}

static void stamp_run(struct runset *set, const struct stats_run_opts *o)
{
	struct buf v = BUF_INIT;

	runset_param(set, "by", o->by);
	buf_addf(&v, "%lu", (unsigned long)o->seed);
	runset_param(set, "seed", v.data);
	buf_reset(&v);
	buf_addf(&v, "%lu", (unsigned long)o->bootstrap);
	runset_param(set, "bootstrap", v.data);
	buf_reset(&v);
	buf_addf(&v, "%lu", (unsigned long)o->permutations);
	runset_param(set, "permutations", v.data);
	buf_reset(&v);
	buf_addf(&v, "%g", o->alpha0);
	runset_param(set, "alpha0", v.data);
	runset_param(set, "dedup", o->dedup ? "yes" : "no");
	buf_reset(&v);
	buf_addf(&v, "%zu", o->all_pairs_max);
	runset_param(set, "all-pairs-max", v.data);
	if (o->reference)
		runset_param(set, "reference", o->reference);
	if (o->within)
		runset_param(set, "within", o->within);
	if (o->within && o->adjust)
		runset_param(set, "adjust", o->adjust == (EFFECTS_ADJUST_DATE | EFFECTS_ADJUST_LENGTH) ?
			     "date,length" : o->adjust & EFFECTS_ADJUST_DATE ? "date" : "length");
	buf_reset(&v);
	buf_addf(&v, "%g", o->perm_budget);
	runset_param(set, "perm-budget", v.data);
	buf_reset(&v);
	buf_addf(&v, "%zu", o->keyness_top);
	runset_param(set, "keyness-top", v.data);
	/* chart groups its per-article charts alike: it checks these two. */
	runset_param(set, "group-map", o->group_map ? o->group_map : "-");
	runset_param(set, "unmapped-na", o->unmapped_na ? "yes" : "no");
	/* The files that chose the groups and pairs are inputs of the tables. */
	if (o->group_map)
		runset_input(set, o->group_map);
	if (o->pairs_file)
		runset_input(set, o->pairs_file);
	/* Written only when there are signatures: never an old one beside new tables. */
	runset_owns(set, "duplicates.tsv");
	runset_owns(set, "stories.tsv");
	runset_owns(set, "effects.tsv");
	if (o->stories) {
		buf_reset(&v);
		buf_addf(&v, "%ld", o->story_window);
		runset_param(set, "story-window", v.data);
		buf_reset(&v);
		buf_addf(&v, "%g", o->story_threshold);
		runset_param(set, "story-threshold", v.data);
	}
	buf_release(&v);
}

/*
 * categories.tsv beside the tables, so that chart and report read the
 * declarations from the stats folder (lexdecl.h): written into the
 * staging folder dir, unless -o's categories.tsv is the very file read
 * beside a scores file (stats out/scores.tsv -o out; report, whose score
 * step wrote it there), which stays as it is. Without declarations (scores
 * without categories.tsv) none is written, and an old one in -o goes at
 * commit. -1 after a message.
 */
static int write_declarations(const struct scoretab *t, const struct stats_run_opts *args,
			      const char *dir, struct runset *set)
{
	char *dest, *path;
	struct buf b = BUF_INIT;
	size_t i;
	int same = 0, ret;

	if (!t->declared) {
		runset_owns(set, LEXDECL_NAME);
		return 0;
	}
	dest = path_join(args->outdir, LEXDECL_NAME);
	for (i = 0; i < args->nfiles && !same; i++) {
		char *p = scoretab_sibling(args->files[i], LEXDECL_NAME);
		same = fsutil_same_file(p, dest);
		free(p);
	}
	free(dest);
	if (same)
		return 0;
	path = path_join(dir, LEXDECL_NAME);
	lexdecl_write(&t->decl, &b);
	ret = outfile_write_all(path, buf_str(&b), b.len);
	free(path);
	buf_release(&b);
	return ret;
}

int stats_run(const struct stats_run_opts *args)
{
	struct statmodel_params p = { args->seed, args->bootstrap, args->permutations,
				      args->perm_max, args->jobs, 0, 0, NULL, 0, 0 };
	struct pairs user = { NULL, 0, 0 };
	struct stats_run_opts staged = *args;
	const struct stats_run_opts *o = &staged;
	struct scoretab_grouping grouping;
	struct statmodel sm;
	struct scoretab *t;
	struct runset *set;
	struct stories *stories = NULL;
	int ret, have_pairs;

	util_set_quiet(args->quiet);
	stats_init();
	if (runset_check_outdir(args->outdir, NULL) < 0 || check_inputs(args, NULL) < 0)
		return EXIT_USAGE;
	grouping.by = args->by;
	grouping.group_map = args->group_map;
	grouping.unmapped_na = args->unmapped_na;
	t = scoretab_read_within(args->files, args->nfiles, &grouping, args->within, 0);
	if (!t)
		return EXIT_USAGE;
	/* Every table goes to the run's staging folder, moved into -o as one set. */
	if (!(set = runset_begin(args->outdir, "stats"))) {
		scoretab_free(t);
		return EXIT_FAILED;
	}
	staged.outdir = runset_dir(set);
	stamp_run(set, args);
	check_inputs(args, set);
	have_pairs = signatures_find_duplicates(o->files, o->nfiles, o->outdir);
	if (have_pairs < 0 || filter_articles(t, o, have_pairs) < 0) {
		scoretab_free(t);
		runset_abort(set);
		return have_pairs == -2 ? EXIT_FAILED : EXIT_USAGE;
	}
	if (o->stories && (ret = stories_stage(o, have_pairs, &stories)) != EXIT_OK) {
		scoretab_free(t);
		runset_abort(set);
		return ret;
	}
	if (t->n == 0)
		warning("no articles left to compare");
	if (choose_pairs(t, o, &p, &user) < 0) {
		stories_free(stories);
		free(user.v);
		scoretab_free(t);
		runset_abort(set);
		return EXIT_USAGE;
	}
	if (effects_write(t, o, stories, p.reference) < 0) {
		stories_free(stories);
		free(user.v);
		scoretab_free(t);
		return runset_finish(set, EXIT_FAILED);
	}
	statmodel_build(&sm, t, &p);
	/* targets_by_group.tsv needs the articles' groups and tokens: before they go. */
	ret = targetstats_write(t, o->files, o->nfiles, o->outdir) < 0 ? EXIT_USAGE : EXIT_OK;
	/* The rows are in the model now: their memory is better spent on the statistics. */
	scoretab_drop_rows(t);
	if (ret == EXIT_OK)
		ret = write_declarations(t, args, o->outdir, set) < 0 || write_all(&sm, o) < 0 ?
		      EXIT_FAILED : EXIT_OK;
	statmodel_release(&sm);
	stories_free(stories);
	scoretab_free(t);
	free(user.v);
	return runset_finish(set, ret);
}
