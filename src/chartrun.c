/*
 * "framing chart" as a function (see chartrun.h): loads the tables of a
 * run, orders the groups, and draws the figures of charts.c.
 */
#include "chartrun.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "chart.h"
#include "charts.h"
#include "date.h"
#include "fsutil.h"
#include "lexdecl.h"
#include "outfile.h"
#include "results.h"
#include "runset.h"
#include "storychart.h"
#include "scoretab.h"
#include "sort.h"
#include "targetchart.h"
#include "trend.h"
#include "tsv.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

static int keyterm_cmp(const void *pa, const void *pb)
{
	const struct charts_keyterm *a = pa, *b = pb;
	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	if (a->z != b->z)
		return a->z > b->z ? -1 : 1;
	return strcmp(a->term, b->term);
}

/* key_start: where each group's words begin in the sorted key[], so a panel reads its own only. */
static void index_keyness(struct charts *c)
{
	size_t g, i = 0;

	free(c->key_start);
	c->key_start = xmalloc((c->nkgroups + 2) * sizeof(size_t));
	for (g = 0; g <= c->nkgroups; g++) {
		while (i < c->nkey && c->key[i].group < g)
			i++;
		c->key_start[g] = i;
	}
	c->key_start[c->nkgroups + 1] = c->nkey;
}

/* The index of keyness.tsv's group name in kgroups, added when new (rows come by group). */
static size_t keyness_group(struct charts *c, const char *name, size_t *alloc)
{
	size_t g;

	if (c->nkgroups && !strcmp(c->kgroups[c->nkgroups - 1], name))
		return c->nkgroups - 1;
	for (g = 0; g < c->nkgroups; g++)
		if (!strcmp(c->kgroups[g], name))
			return g;
	ALLOC_GROW(c->kgroups, c->nkgroups + 1, *alloc);
	c->kgroups[c->nkgroups] = xstrdup(name);
	return c->nkgroups++;
}

/*
 * The panels of the keyness chart. keyness.tsv groups by outlet whatever
 * --by is (framing stats): when its groups are those of outlets.tsv, the
 * groups the charts show; else its own groups, the first max of them.
 */
static void keyness_panels(struct charts *c, size_t max)
{
	size_t g, i;
	long *of = xmalloc((c->nkgroups + 1) * sizeof(long));
	int same = 1;

	for (g = 0; g < c->nkgroups; g++) {
		of[g] = res_outlets_group(&c->out, c->kgroups[g]);
		same &= of[g] >= 0;
	}
	c->kpanel = xmalloc((c->sel.nshown + c->nkgroups + 1) * sizeof(size_t));
	c->nkpanel = 0;
	c->key_by_outlet = !same;
	if (same) {
		for (i = 0; i < c->sel.nshown; i++)
			for (g = 0; g < c->nkgroups; g++)
				if (of[g] == (long)c->sel.shown[i]) {
					c->kpanel[c->nkpanel++] = g;
					break;
				}
	} else {
		for (g = 0; g < c->nkgroups && g < max; g++)
			c->kpanel[c->nkpanel++] = g;
	}
	free(of);
}

static int load_keyness(struct charts *c, const char *indir)
{
	char *path = path_join(indir, "keyness.tsv");
	struct tsv *t;
	long cg, ct, cz, cl, cu;
	size_t alloc = 0, galloc = 0;
	int rc;

	t = tsv_open(path);
	free(path);
	if (!t)
		return -1;
	cg = tsv_column(t, "group");
	ct = tsv_column(t, "term");
	cz = tsv_column(t, "z");
	cl = tsv_column(t, "in_lexicon");
	cu = tsv_column(t, "unit");
	if (cg < 0 || ct < 0 || cz < 0) {
		error("%s: no group, term or z column", tsv_name(t));
		tsv_close(t);
		return -1;
	}
	while ((rc = tsv_next(t)) > 0) {
		double z = res_number(tsv_field(t, (size_t)cz));
		struct charts_keyterm *k;

		/* Words only: lexicon entries are counted again as entries. */
		if (isnan(z) || (cu >= 0 && strcmp(tsv_field(t, (size_t)cu), "token")))
			continue;
		ALLOC_GROW(c->key, c->nkey + 1, alloc);
		k = &c->key[c->nkey++];
		k->group = keyness_group(c, tsv_field(t, (size_t)cg), &galloc);
		k->term = xstrdup(tsv_field(t, (size_t)ct));
		k->z = z;
		k->lexicon = cl >= 0 && !strcmp(tsv_field(t, (size_t)cl), "1");
	}
	tsv_close(t);
	if (rc < 0)
		return -1;
	sort_array(c->key, c->nkey, sizeof(*c->key), keyterm_cmp);
	index_keyness(c);
	c->have_key = 1;
	return 0;
}


/* The value of the first index of article i (the timeline's); NAN without. */
static double first_index(const struct charts *c, size_t i)
{
	long k = c->indices.n ? c->indices.ix[0].column : -1;
	return k < 0 ? NAN : c->art.a[i].index[k];
}

/*
 * The trend of every group (trend.h) from the articles the timeline draws:
 * those of a group in outlets.tsv, with a value of the first index and a
 * date. One window for all groups, from the span of all their dates.
 */
static void compute_trends(struct charts *c)
{
	size_t K = c->out.ngroups, i, g, *k = xcalloc(K + 1, sizeof(size_t));
	long *day = xmalloc((c->art.n + 1) * sizeof(long)), **gday;
	double **gval;
	long first = 0, last = 0;
	int dated = 0;

	for (i = 0; i < c->art.n; i++) {
		long y, m, d;
		day[i] = LONG_MIN;
		if (c->art_group[i] == (size_t)-1 || isnan(first_index(c, i)) ||
		    date_parse(c->art.a[i].date, &y, &m, &d) < 0)
			continue;
		day[i] = date_days_from_civil(y, m, d);
		if (!dated || day[i] < first)
			first = day[i];
		if (!dated || day[i] > last)
			last = day[i];
		dated = 1;
		k[c->art_group[i]]++;
	}
	c->trend_width = dated ? trend_window(last - first) : 0;
	c->trend = xmalloc((K * TREND_POINTS + 1) * sizeof(*c->trend));
	c->trend_n = xcalloc(K + 1, sizeof(size_t));
	gday = xmalloc((K + 1) * sizeof(*gday));
	gval = xmalloc((K + 1) * sizeof(*gval));
	for (g = 0; g < K; g++) {
		gday[g] = xmalloc((k[g] + 1) * sizeof(long));
		gval[g] = xmalloc((k[g] + 1) * sizeof(double));
		k[g] = 0;
	}
	for (i = 0; i < c->art.n; i++) {
		if (day[i] == LONG_MIN)
			continue;
		g = c->art_group[i];
		gday[g][k[g]] = day[i];
		gval[g][k[g]++] = first_index(c, i);
	}
	for (g = 0; g < K; g++) {
		c->trend_n[g] = trend_group(gday[g], gval[g], k[g], c->trend_width,
					    c->trend + g * TREND_POINTS);
		free(gday[g]);
		free(gval[g]);
	}
	free(gday);
	free(gval);
	free(day);
	free(k);
}

/* trend.tsv: group date value lo hi n, every point of every group's trend. */
static int write_trends(const struct charts *c)
{
	char *path = path_join(c->outdir, "trend.tsv");
	struct outfile *out = outfile_open(path);
	struct buf line = BUF_INIT;
	size_t g, i;

	free(path);
	if (!out)
		return -1;
	buf_adds(&line, "group\tdate\tvalue\tlo\thi\tn\n");
	for (g = 0; g < c->out.ngroups; g++)
		for (i = 0; i < c->trend_n[g]; i++) {
			const struct trend_point *p = &c->trend[g * TREND_POINTS + i];
			long y, m, d;

			date_civil_from_days(p->day, &y, &m, &d);
			buf_add_tsv_field(&line, c->out.groups[g], strlen(c->out.groups[g]));
			buf_addf(&line, "\t%04ld-%02ld-%02ld\t", y, m, d);
			buf_add_double(&line, p->value);
			buf_addch(&line, '\t');
			buf_add_double(&line, p->lo);
			buf_addch(&line, '\t');
			buf_add_double(&line, p->hi);
			buf_addf(&line, "\t%zu\n", p->n);
		}
	fwrite(line.data, 1, line.len, outfile_stream(out));
	buf_release(&line);
	return outfile_commit(out);
}

/* Whether outlets.tsv has rows of metric. */
static int has_metric(const struct res_outlets *out, const char *metric)
{
	size_t m;

	for (m = 0; m < out->nmetrics; m++)
		if (!strcmp(out->metrics[m], metric))
			return 1;
	return 0;
}

static struct charts *sort_ctx;

static int order_cmp(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	const char *m = sort_ctx->order_metric;
	const struct res_stat *sa = m ? res_outlets_get(&sort_ctx->out, a, m) : NULL;
	const struct res_stat *sb = m ? res_outlets_get(&sort_ctx->out, b, m) : NULL;
	double ma = sa ? sa->mean : NAN, mb = sb ? sb->mean : NAN;

	/* Groups without a value go to the bottom; ties by name. */
	if (isnan(ma) != isnan(mb))
		return isnan(ma) ? -1 : 1;
	if (!isnan(ma) && ma != mb)
		return ma < mb ? -1 : 1;
	return strcmp(sort_ctx->out.groups[b], sort_ctx->out.groups[a]);
}

/*
 * The rows of the charts with a row per group (charts.h): "all others"
 * at the bottom when groups are pooled, then the groups shown by the mean
 * of the first index (by name without one).
 */
static void order_rows(struct charts *c)
{
	size_t i, K = c->out.ngroups, first = c->sel.nothers ? 1 : 0;

	c->nrows = c->sel.nshown + first;
	c->order = xmalloc((c->nrows + 1) * sizeof(size_t));
	c->shown = xcalloc(K + 1, 1);
	c->row_of = xmalloc((K + 1) * sizeof(size_t));
	if (first)
		c->order[0] = CHARTS_OTHERS;
	for (i = 0; i < c->sel.nshown; i++) {
		c->order[first + i] = c->sel.shown[i];
		c->shown[c->sel.shown[i]] = 1;
	}
	sort_ctx = c;
	sort_array(c->order + first, c->sel.nshown, sizeof(size_t), order_cmp);
	sort_ctx = NULL;
	for (i = 0; i <= K; i++)
		c->row_of[i] = 1;	/* the row of "all others" */
	for (i = first; i < c->nrows; i++)
		c->row_of[c->order[i]] = i + 1;
}

static int load(struct charts *c, const char *indir, const struct chart_run_opts *o)
{
	struct scoretab_grouping grouping;
	char *path;
	size_t i;
	int r;

	path = path_join(indir, "outlets.tsv");
	r = res_outlets_load(&c->out, path);
	free(path);
	if (r < 0)
		return -1;
	path = path_join(indir, "scores.tsv");
	grouping.by = o->by;
	grouping.group_map = o->group_map;
	grouping.unmapped_na = o->unmapped_na;
	r = res_articles_load(&c->art, path, &grouping);
	free(path);
	if (r < 0)
		return -1;
	if (res_select(&c->out, o->max_groups, o->groups, &c->sel) < 0)
		return -1;
	path = path_join(indir, LEXDECL_NAME);
	r = lexdecl_load(&c->decl, path);
	free(path);
	if (r < 0)
		return -1;
	c->declared = r == 0;
	charts_indices_init(&c->indices, &c->decl, c->declared, &c->out, &c->art);
	/* The rows go by the mean of the first index, by name without one. */
	c->order_metric = c->indices.n && has_metric(&c->out, c->indices.ix[0].name)
			  ? c->indices.ix[0].name : NULL;
	order_rows(c);
	c->art_group = xmalloc((c->art.n + 1) * sizeof(size_t));
	for (i = 0; i < c->art.n; i++) {
		long g = res_outlets_group(&c->out, c->art.a[i].group);
		c->art_group[i] = g < 0 ? (size_t)-1 : (size_t)g;
	}
	compute_trends(c);
	return 0;
}

void chart_run_opts_init(struct chart_run_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->indir = "output";
	o->outdir = NULL;
	o->by = "outlet";
	o->corpus = NULL;
	o->formats = CHART_SVG | CHART_PNG;
	o->quiet = 0;
	o->max_groups = RES_MAX_GROUPS;
	o->groups = NULL;
}

/*
 * Draws every figure, or records why it has none; -1 after the first that
 * failed. Each index has its two charts; the timeline shows the first.
 */
static int draw_all(struct charts *c)
{
	size_t k;

	if (!c->indices.n)
		charts_missing(c, "index", "%s", c->declared
			       ? "the lexicons declare no index (an @index line declares one)"
			       : "outlets.tsv has no index");
	for (k = 0; k < c->indices.n; k++)
		if (charts_index(c, &c->indices.ix[k]) < 0)
			return -1;
	if (charts_categories(c) < 0)
		return -1;
	for (k = 0; k < c->indices.n; k++)
		if (charts_index_articles(c, &c->indices.ix[k]) < 0)
			return -1;
	if (c->indices.n ? charts_timeline(c, &c->indices.ix[0]) < 0
			 : charts_missing(c, "timeline", "it shows an index, and there is none") < 0)
		return -1;
	if (charts_keyness(c) < 0 || charts_voice(c) < 0)
		return -1;
	return 0;
}

/*
 * charts.tsv: chart drawn note, a row per figure considered; a figure not
 * drawn has 0 and why (the report prints it in the chart's place), and
 * each is told on stderr as a warning.
 */
static int write_figures(const struct charts *c)
{
	char *path = path_join(c->outdir, "charts.tsv");
	struct outfile *out = outfile_open(path);
	struct buf line = BUF_INIT;
	size_t i;

	free(path);
	if (!out)
		return -1;
	buf_adds(&line, "chart\tdrawn\tnote\n");
	for (i = 0; i < c->nfig; i++) {
		const struct charts_figure *f = &c->fig[i];
		buf_add_tsv_field(&line, f->name, strlen(f->name));
		buf_addf(&line, "\t%d\t", !f->why);
		if (f->why) {
			buf_add_tsv_field(&line, f->why, strlen(f->why));
			warning("no %s chart: %s", f->name, f->why);
		}
		buf_addch(&line, '\n');
	}
	fwrite(line.data, 1, line.len, outfile_stream(out));
	buf_release(&line);
	return outfile_commit(out);
}

/*
 * The tables were grouped by the column that stats was given with --by
 * (run.tsv records it): drawn and titled by another, groups of wire
 * services would be called outlets. -1 after a message.
 */
static int check_by(const char *indir, const char *by)
{
	struct buf shown = BUF_INIT, was_q = BUF_INIT, by_q = BUF_INIT;
	char *was = runset_param_of(indir, "outlets.tsv", "by");
	int bad = 0;

	buf_add_shown(&shown, by, strlen(by));
	if (was && strcmp(was, buf_str(&shown))) {
		/* Both quoted for the shell: was is read from run.tsv, data. */
		fsutil_add_quoted(&was_q, was);
		fsutil_add_quoted(&by_q, by);
		bad = error("%s/outlets.tsv groups the articles by %s (its stats run's --by, in "
			    "%s/run.tsv), not by %s: give chart --by %s, or run framing stats "
			    "--by %s again", indir, buf_str(&was_q), indir, buf_str(&by_q),
			    buf_str(&was_q), buf_str(&by_q));
	}
	free(was);
	buf_release(&shown);
	buf_release(&was_q);
	buf_release(&by_q);
	return bad;
}

/*
 * The same for --group-map: outlets.tsv grouped by a map, the per-article
 * charts drawn without it (or the other way round), would give rows of
 * countries without their articles' dots. -1 after a message.
 */
static int check_group_map(const char *indir, const char *group_map)
{
	char *was = runset_param_of(indir, "outlets.tsv", "group-map");
	int bad = 0;

	if (was && !strcmp(was, "-") && group_map)
		bad = error("%s/outlets.tsv was grouped without --group-map (its stats run, in "
			    "%s/run.tsv): give chart none, or run framing stats with the map",
			    indir, indir);
	else if (was && strcmp(was, "-") && !group_map)
		bad = error("%s/outlets.tsv was grouped with --group-map (its stats run, in "
			    "%s/run.tsv): give chart the same --group-map", indir, indir);
	free(was);
	return bad;
}

/*
 * The tables must exist and belong together: outlets.tsv beside, stats'
 * other tables of the same run, and computed from the scores.tsv beside
 * them (run.tsv of the folder). -1 after a message.
 */
static int check_tables(const char *indir, const char *by, const char *group_map)
{
	static const char *const stats_tables[] = { "outlets.tsv", "compare.tsv", "tests.tsv",
						    "keyness.tsv", NULL };
	char *path = path_join(indir, "outlets.tsv");
	int missing = access(path, F_OK) < 0 && errno == ENOENT;
	char *rerun;
	int bad;

	free(path);
	if (missing)
		return error("no outlets.tsv in %s: run framing stats first", indir);
	rerun = runset_rerun("stats", indir, "scores.tsv");
	bad = runset_check_same_run(indir, stats_tables, rerun) < 0
	      || runset_check_made_from(indir, "outlets.tsv", "scores.tsv", rerun) < 0
	      || check_by(indir, by) < 0 || check_group_map(indir, group_map) < 0;
	free(rerun);
	return bad ? -1 : 0;
}

/* Both files of figure name, owned by the run (runset_owns). */
static void owns_figure(struct runset *set, const char *name)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, "%s.svg", name);
	runset_owns(set, b.data);
	buf_reset(&b);
	buf_addf(&b, "%s.png", name);
	runset_owns(set, b.data);
	buf_release(&b);
}

/*
 * What run.tsv records of a chart run; every figure's files are the run's,
 * those of each index too ("articles" is the name an older framing gave
 * the chart of every article's stance: gone, not left stale).
 */
static void stamp_run(struct runset *set, const struct chart_run_opts *o, const struct charts *c)
{
	static const char *const figures[] = { "categories", "articles", "timeline", "keyness",
					       "voice", "targets" };
	static const char *const tables[] = { "outlets.tsv", "scores.tsv", "keyness.tsv",
					      LEXDECL_NAME, "targets_by_group.tsv" };
	size_t i;

	runset_owns(set, "charts.tsv");
	runset_param(set, "by", o->by);
	runset_param(set, "group-map", o->group_map ? o->group_map : "-");
	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		char *p = path_join(o->indir, tables[i]);
		if (access(p, F_OK) == 0)
			runset_input(set, p);
		free(p);
	}
	for (i = 0; i < sizeof(figures) / sizeof(figures[0]); i++)
		owns_figure(set, figures[i]);
	for (i = 0; i < c->indices.n; i++) {
		owns_figure(set, c->indices.ix[i].file);
		owns_figure(set, c->indices.ix[i].articles_file);
	}
}

int chart_run(const struct chart_run_opts *o)
{
	char *unit;
	struct charts c;
	struct buf base = BUF_INIT;
	struct runset *set = NULL;
	int status = EXIT_USAGE;

	util_set_quiet(o->quiet);
	memset(&c, 0, sizeof(c));
	c.outdir = o->outdir ? o->outdir : o->indir;
	/* The titles' word for a group: the column, or what the map makes of it ("country"). */
	unit = o->group_map ? scoretab_map_unit(o->group_map) : NULL;
	c.by = unit ? unit : o->by;
	c.corpus = o->corpus ? o->corpus : buf_base_name(o->indir, &base);
	c.formats = o->formats;
	if (runset_check_outdir(c.outdir, NULL) < 0 || check_tables(o->indir, o->by, o->group_map) < 0
	    || load(&c, o->indir, o) < 0)
		goto out;
	status = EXIT_FAILED;
	/* Checked after the tables, before any file is written. */
	if (!chart_available()) {
		error("gnuplot not found: install the package gnuplot-nox "
		      "(apt-get install gnuplot-nox); no chart was drawn");
		goto out;
	}
	if (!(set = runset_begin(c.outdir, "chart")))
		goto out;
	stamp_run(set, o, &c);
	c.outdir = runset_dir(set);
	if (write_trends(&c) < 0) {
		status = runset_finish(set, EXIT_FAILED);
		goto out;
	}
	/* Without it, the keyness chart is missing (charts_keyness says so). */
	if (load_keyness(&c, o->indir) < 0 || !c.key_start)
		index_keyness(&c);
	keyness_panels(&c, o->max_groups);
	status = draw_all(&c) < 0 || write_figures(&c) < 0 ? EXIT_FAILED : EXIT_OK;
	if (status == EXIT_OK && targetchart_draw(&c, o->indir) < 0)
		status = EXIT_FAILED;
	if (status == EXIT_OK) {
		struct scoretab_grouping g = { o->by, o->group_map, o->unmapped_na };
		struct storychart_opts so = { o->indir, c.outdir, c.formats, c.corpus, c.by, &g,
					      o->within, o->max_stories };
		if (storychart_draw(&so, set) < 0)
			status = EXIT_FAILED;
	}
	status = runset_finish(set, status);
out:
	charts_release(&c);
	free(unit);
	buf_release(&base);
	return status;
}
