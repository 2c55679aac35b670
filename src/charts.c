/*
 * The figures of "framing chart" (see charts.h), one function each: each
 * turns the loaded tables into a gnuplot script (with gpscript) and has
 * chart.c draw it. Every text that comes from the data (outlet names,
 * terms, categories, the corpus name) reaches gnuplot through
 * gpscript_quote only, and the data blocks hold numbers only.
 */
#include "charts.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chart.h"
#include "fsutil.h"
#include "parse.h"
#include "results.h"
#include "sort.h"
#include "text.h"
#include "tsv.h"
#include "date.h"
#include "gpscript.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

/* Okabe & Ito (2008), colour-blind safe; yellow last, it is faint on white. */
static const char *const palette[] = {
	"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442",
};
#define NPALETTE (sizeof(palette) / sizeof(palette[0]))
/* Filled point types of gnuplot, cycled with the colours beyond eight groups. */
static const int point_types[] = { 7, 5, 9, 11, 13, 15 };

static const char *color_of(size_t g)
{
	return palette[g % NPALETTE];
}

static int point_of(size_t g)
{
	return point_types[(g / NPALETTE) % (sizeof(point_types) / sizeof(point_types[0]))];
}

/*
 * A title of two lines: what the chart shows, then the corpus and grouping.
 * Labels centred on the canvas, not on the plot (gnuplot's title is), so a
 * wide left margin of outlet names does not push them off the right edge.
 */
static void add_title(struct charts *c, struct buf *b, const char *what, const char *sub)
{
	struct buf line = BUF_INIT;

	buf_addf(&line, "Corpus: %s; grouped by %s", c->corpus, c->by);
	if (sub)
		buf_addf(&line, "; %s", sub);
	buf_adds(b, "set label 101 ");
	gpscript_quote(b, what);
	buf_adds(b, " at screen 0.5, screen 1 offset 0,-1.2 center font ',17'\n");
	buf_adds(b, "set label 102 ");
	gpscript_quote(b, line.data);
	buf_adds(b, " at screen 0.5, screen 1 offset 0,-2.6 center font ',13' tc rgb '#444444'\n");
	if (res_selection_partial(&c->sel)) {
		/* Which groups the chart shows, on a line of its own. */
		buf_reset(&line);
		res_selection_say(&c->out, &c->sel, &line);
		buf_adds(b, "set label 105 ");
		gpscript_quote(b, line.data);
		buf_adds(b, " at screen 0.5, screen 1 offset 0,-3.9 center font ',13' tc rgb '#444444'\n"
			    "set tmargin 6.3\n");
	} else {
		buf_adds(b, "set tmargin 5\n");
	}
	buf_release(&line);
}

/* Extra height of a chart whose title has the line of the selection. */
static int title_extra(const struct charts *c)
{
	return res_selection_partial(&c->sel) ? 24 : 0;
}

/* Group g's row of metric, or that of "all others" (res_others) in *tmp; NULL if none. */
static const struct res_stat *row_stat(struct charts *c, size_t g, const char *metric,
				       struct res_stat *tmp)
{
	if (g != CHARTS_OTHERS)
		return res_outlets_get(&c->out, g, metric);
	*tmp = res_others(&c->out, &c->sel, metric);
	return isnan(tmp->articles) ? NULL : tmp;
}

/* Grey: "all others" is not a group and takes no group's colour. */
#define OTHERS_COLOR "#8c8c8c"


/* An index's axis: its formula, and which side is which at its ends. */
static void add_index_xaxis(struct buf *b, const struct charts_index *ix)
{
	struct buf t = BUF_INIT;

	gpscript_set_text(b, "set xlabel", ix->formula);
	buf_addf(&t, "\xE2\x86\x90 %s", ix->neg);
	buf_adds(b, "set label 103 ");
	gpscript_quote(b, t.data);
	buf_adds(b, " at graph 0, graph 0 offset 0,-4.5 left font ',13' tc rgb '#444444'\n");
	buf_reset(&t);
	buf_addf(&t, "%s \xE2\x86\x92", ix->pos);
	buf_adds(b, "set label 104 ");
	gpscript_quote(b, t.data);
	buf_adds(b, " at graph 1, graph 0 offset 0,-4.5 right font ',13' tc rgb '#444444'\n");
	buf_release(&t);
}

int charts_missing(struct charts *c, const char *name, const char *why, ...)
{
	struct buf w = BUF_INIT;
	struct charts_figure *f;
	va_list ap;

	va_start(ap, why);
	buf_vaddf(&w, why, ap);
	va_end(ap);
	ALLOC_GROW(c->fig, c->nfig + 1, c->fig_alloc);
	f = &c->fig[c->nfig++];
	f->name = xstrdup(name);
	f->why = buf_detach(&w);
	return 1;
}

/* Records that figure name was drawn. */
static void drawn(struct charts *c, const char *name)
{
	ALLOC_GROW(c->fig, c->nfig + 1, c->fig_alloc);
	c->fig[c->nfig].name = xstrdup(name);
	c->fig[c->nfig++].why = NULL;
}


/* The charts with a fixed name: an index called so has files index_NAME. */
static const char *const fixed_charts[] = {
	"categories", "timeline", "keyness", "voice", "targets", "trend", NULL,
};

/* Whether outlets.tsv's metric belongs to a category: C_rate, C_own_rate, C_wrate... */
static int category_metric(const struct res_outlets *out, const char *metric)
{
	size_t k, n;

	for (k = 0; k < out->ncategories; k++) {
		n = strlen(out->categories[k]);
		if (!strncmp(metric, out->categories[k], n) && metric[n] == '_')
			return 1;
	}
	return 0;
}

/* Whether s is a name of a lexicon (a-z, 0-9, _, from a letter): it can name a file. */
static int file_name_ok(const char *s)
{
	if (!(*s >= 'a' && *s <= 'z'))
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	return 1;
}

static char *strf(const char *fmt, ...) FMT(1, 2);
static char *strf(const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	return buf_detach(&b);
}

/* Appends index name: its files, its column in art, its formula and ends (NULL: none). */
static void add_index(struct charts_indices *l, const char *name, const struct lexdecl_index *d,
		      const struct res_articles *art)
{
	struct charts_index *ix;
	struct buf f = BUF_INIT;
	const char *prefix = "";
	size_t i, n = strlen(name);

	for (i = 0; fixed_charts[i]; i++)
		if (!strcmp(name, fixed_charts[i]))
			prefix = "index_";
	if (n > 9 && !strcmp(name + n - 9, "_articles"))
		prefix = "index_";
	l->ix = xrealloc(l->ix, (l->n + 1) * sizeof(*l->ix));
	ix = &l->ix[l->n++];
	ix->name = xstrdup(name);
	ix->file = strf("%s%s", prefix, name);
	ix->articles_file = strf("%s%s_articles", prefix, name);
	if (d) {
		/* A log-ratio of A over B and a difference A - B both grow with A. */
		buf_addf(&f, "%s = ", name);
		lexdecl_index_formula(d, &f);
		ix->formula = buf_detach(&f);
		ix->neg = strf("more %s", d->b);
		ix->pos = strf("more %s", d->a);
	} else {
		ix->formula = xstrdup(name);
		ix->neg = xstrdup("lower");
		ix->pos = xstrdup("higher");
	}
	ix->column = -1;
	for (i = 0; art && i < art->nindex; i++)
		if (!strcmp(art->index_name[i], name))
			ix->column = (long)i;
}

void charts_indices_init(struct charts_indices *l, const struct lexdecl *d, int declared,
			 const struct res_outlets *out, const struct res_articles *art)
{
	size_t i;

	memset(l, 0, sizeof(*l));
	l->declared = declared;
	if (declared) {
		for (i = 0; i < d->nidx; i++)
			add_index(l, d->idx[i].name, &d->idx[i], art);
		return;
	}
	for (i = 0; i < out->nmetrics; i++)
		if (!category_metric(out, out->metrics[i]) && file_name_ok(out->metrics[i]))
			add_index(l, out->metrics[i], NULL, art);
}

void charts_indices_release(struct charts_indices *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free((char *)l->ix[i].name);
		free((char *)l->ix[i].file);
		free((char *)l->ix[i].articles_file);
		free((char *)l->ix[i].formula);
		free((char *)l->ix[i].neg);
		free((char *)l->ix[i].pos);
	}
	free(l->ix);
	memset(l, 0, sizeof(*l));
}

/* Group names longer than this are cut on the charts (the report has them whole). */
#define NAME_MAX_CHARS 36

/* A group name as a chart shows it: cut with an ellipsis when long. */
static void add_group_name(struct buf *b, const char *name)
{
	struct buf cut = BUF_INIT;
	gpscript_shorten(name, NAME_MAX_CHARS, &cut);
	gpscript_quote(b, cut.data);
	buf_release(&cut);
}

/* "NAME (3 articles)", the label of a group on an axis. */
static void group_label(struct charts *c, size_t g, struct buf *out)
{
	const struct res_stat *s;
	double n = NAN;
	size_t m;

	if (g == CHARTS_OTHERS) {
		buf_reset(out);
		buf_adds(out, RES_OTHERS " (");
		res_add_count(out, (double)c->sel.nothers);
		buf_addf(out, " group%s, ", c->sel.nothers == 1 ? "" : "s");
		res_add_count(out, c->sel.others_articles);
		buf_adds(out, " articles)");
		return;
	}
	s = c->order_metric ? res_outlets_get(&c->out, g, c->order_metric) : NULL;
	if (s)
		n = s->articles;
	for (m = 0; isnan(n) && m < c->out.nmetrics; m++)
		n = c->out.stat[g * c->out.nmetrics + m].articles;
	gpscript_shorten(c->out.groups[g], NAME_MAX_CHARS, out);
	if (!isnan(n))
		buf_addf(out, " (%.0f article%s)", n, n == 1 ? "" : "s");
}

/* ytics naming the groups in drawing order at 1..n. */
static void add_group_ytics(struct charts *c, struct buf *b)
{
	struct buf label = BUF_INIT;
	size_t i;

	buf_adds(b, "set ytics (");
	for (i = 0; i < c->nrows; i++) {
		group_label(c, c->order[i], &label);
		if (i)
			buf_adds(b, ", ");
		gpscript_quote_tic(b, label.data);
		buf_addf(b, " %zu", i + 1);
	}
	buf_adds(b, ") nomirror\n");
	buf_addf(b, "set yrange [0.4:%zu.6]\n", c->nrows);
	buf_release(&label);
}

static int group_height(size_t n)
{
	int h = 170 + 46 * (int)n;
	return h < 360 ? 360 : h;
}

static int draw(struct charts *c, const char *name, int width, int height,
		const struct buf *script)
{
	int ret = chart_render_files(c->outdir, name, c->formats, width, height, buf_str(script));

	if (!ret)
		drawn(c, name);
	return ret;
}

/* Groups of fewer articles set the index axis with their intervals only within bounds. */
#define INDEX_AXIS_MIN_ARTICLES 5
#define INDEX_AXIS_WIDER 4

/* The widest t-interval of metric of the shown groups of INDEX_AXIS_MIN_ARTICLES or more; 0: none. */
static double index_widest(struct charts *c, const char *metric)
{
	double widest = 0;
	size_t i;

	for (i = 0; i < c->nrows; i++) {
		struct res_stat tmp;
		const struct res_stat *s = row_stat(c, c->order[i], metric, &tmp);
		if (s && c->order[i] != CHARTS_OTHERS && s->articles >= INDEX_AXIS_MIN_ARTICLES
		    && s->mean_hi - s->mean_lo > widest)
			widest = s->mean_hi - s->mean_lo;
	}
	return widest;
}

/* Article i's value of ix on the per-article charts: NAN when it is in no group or has none. */
static double article_value(const struct charts *c, size_t i, const struct charts_index *ix)
{
	if (c->art_group[i] == (size_t)-1 || ix->column < 0)
		return NAN;
	return c->art.a[i].index[ix->column];
}

/* Why an index has no chart (1 after charts_missing), or 0 when some article has a value. */
static int index_missing(struct charts *c, const struct charts_index *ix, const char *file)
{
	size_t i;

	if (ix->column < 0)
		return charts_missing(c, file, "scores.tsv has no %s column", ix->name);
	for (i = 0; i < c->art.n; i++)
		if (!isnan(article_value(c, i, ix)))
			return 0;
	return charts_missing(c, file, "no article has a %s value", ix->name);
}

int charts_index(struct charts *c, const struct charts_index *ix)
{
	struct buf b = BUF_INIT, tint = BUF_INIT, one = BUF_INIT, none = BUF_INIT;
	struct buf same = BUF_INIT;	/* many articles, one value: no interval either */
	struct buf others = BUF_INIT;	/* "all others": their mean, no interval */
	struct buf title = BUF_INIT;
	double lo = 0, hi = 0;
	size_t i;
	int ret;
	const char *sep = "";
	double widest;

	if (index_missing(c, ix, ix->file))
		return 1;
	widest = index_widest(c, ix->name);
	for (i = 0; i < c->nrows; i++) {
		struct res_stat tmp;
		const struct res_stat *s = row_stat(c, c->order[i], ix->name, &tmp);
		struct buf *to;
		double l = NAN, h = NAN;

		/*
		 * The t-interval, not the BCa bootstrap (boot_lo, boot_hi), which
		 * covered 71% with 3 articles and 84% with 5 (README, Methods).
		 */
		if (!s || isnan(s->mean)) {
			to = &none;
		} else if (c->order[i] == CHARTS_OTHERS) {
			to = &others;
		} else if (!isnan(s->mean_lo) && !isnan(s->mean_hi)) {
			to = &tint;
			l = s->mean_lo;
			h = s->mean_hi;
		} else {
			to = s->articles > 1 ? &same : &one;
		}
		if (to == &none)
			continue;
		gpscript_extend(&lo, &hi, s->mean);
		/*
		 * The interval of a group of a handful of articles can be a
		 * hundred times wider than the others' (t with 1 or 2 df) and
		 * would squash every other row to a line: when it is more than
		 * INDEX_AXIS_WIDER times the widest of the groups of 5 articles
		 * or more, it runs off the edge instead.
		 */
		if (s->articles >= INDEX_AXIS_MIN_ARTICLES || !(widest > 0)
		    || h - l <= INDEX_AXIS_WIDER * widest) {
			gpscript_extend(&lo, &hi, l);
			gpscript_extend(&lo, &hi, h);
		}
		buf_addf(to, "%zu ", i + 1);
		gpscript_num(to, s->mean);
		buf_addch(to, ' ');
		gpscript_num(to, isnan(l) ? s->mean : l);
		buf_addch(to, ' ');
		gpscript_num(to, isnan(h) ? s->mean : h);
		buf_addch(to, '\n');
	}
	gpscript_style(&b);
	/* Titled by the grouping column (--by wire: wire services, not outlets). */
	buf_addf(&title, "Mean %s by %s, with 95%% intervals", ix->name, c->by);
	add_title(c, &b, buf_str(&title), NULL);
	buf_release(&title);
	add_index_xaxis(&b, ix);
	add_group_ytics(c, &b);
	gpscript_xrange(&b, lo, hi, 0.18);
	gpscript_vline0(&b);
	buf_adds(&b, "set grid xtics lc rgb '#e5e5e5' lw 1 dt 1\n"
		     "set key outside bottom center vertical Left reverse samplen 2 font ',13'\n"
		     "set bmargin 9.5\n");
	buf_addf(&b, "$tint << EOD\n%sEOD\n$one << EOD\n%sEOD\n",
		 buf_str(&tint), buf_str(&one));
	if (same.len)
		buf_addf(&b, "$same << EOD\n%sEOD\n", buf_str(&same));
	if (others.len)
		buf_addf(&b, "$others << EOD\n%sEOD\n", buf_str(&others));
	buf_adds(&b, "plot ");
	if (tint.len) {
		buf_addf(&b, "%s$tint using 2:1:3:4 with xerrorbars pt 7 ps 1.3 lw 2 lc rgb '%s' "
			 "title 'mean, 95%% t-interval'", sep, palette[0]);
		sep = ", ";
	}
	if (one.len) {
		buf_addf(&b, "%s$one using 2:1 with points pt 6 ps 1.6 lw 2 lc rgb '%s' "
			 "title 'one article: its value, no interval'", sep, palette[1]);
		sep = ", ";
	}
	if (same.len) {
		buf_addf(&b, "%s$same using 2:1 with points pt 4 ps 1.4 lw 2 lc rgb '%s' "
			 "title 'every article the same value: no interval'", sep, palette[4]);
		sep = ", ";
	}
	if (others.len) {
		buf_addf(&b, "%s$others using 2:1 with points pt 12 ps 1.8 lw 2 lc rgb '"
			 OTHERS_COLOR "' title '" RES_OTHERS ": mean of their articles, "
			 "no interval'", sep);
		sep = ", ";
	}
	if (!*sep)
		buf_adds(&b, "NaN notitle");
	if (others.len)
		buf_adds(&b, ", $others using 2:1:(sprintf('%.2f', $2)) with labels offset 0,1.1 "
			 "font ',12' tc rgb '#333333' notitle");
	if (tint.len)
		buf_adds(&b, ", $tint using 2:1:(sprintf('%.2f', $2)) with labels offset 0,1.1 "
			 "font ',12' tc rgb '#333333' notitle");
	if (one.len)
		buf_adds(&b, ", $one using 2:1:(sprintf('%.2f', $2)) with labels offset 0,1.1 "
			 "font ',12' tc rgb '#333333' notitle");
	if (same.len)
		buf_adds(&b, ", $same using 2:1:(sprintf('%.2f', $2)) with labels offset 0,1.1 "
			 "font ',12' tc rgb '#333333' notitle");
	buf_addch(&b, '\n');
	ret = draw(c, ix->file, 900, group_height(c->nrows) + 90 + title_extra(c), &b);
	buf_release(&b);
	buf_release(&others);
	buf_release(&tint);
	buf_release(&one);
	buf_release(&same);
	buf_release(&none);
	return ret;
}

/* The data row "x rate lo hi" of a bar of the categories chart, or nothing without a rate. */
static void bar_row(struct buf *b, const struct res_stat *s, double x)
{
	if (!s || isnan(s->rate))
		return;
	gpscript_num(b, x);
	buf_addch(b, ' ');
	gpscript_num(b, s->rate);
	buf_addch(b, ' ');
	gpscript_num(b, isnan(s->rate_lo) ? s->rate : s->rate_lo);
	buf_addch(b, ' ');
	gpscript_num(b, isnan(s->rate_hi) ? s->rate : s->rate_hi);
	buf_addch(b, '\n');
}

/*
 * The top of the bars' axis when some whisker reaches past BARS_AXIS_WIDER
 * times the tallest bar (a group of 3 articles with one burst had an
 * interval to 190 over bars of 10, and every bar was a sliver): that
 * bound, the longer whiskers cut at the edge. 0: gnuplot's own range.
 */
#define BARS_AXIS_WIDER 4

static double bars_top(struct charts *c)
{
	struct buf metric = BUF_INIT;
	double bar = 0, hi = 0;
	size_t i, k;

	for (k = 0; k < c->out.ncategories; k++) {
		buf_reset(&metric);
		buf_addf(&metric, "%s_rate", c->out.categories[k]);
		for (i = 0; i < c->nrows; i++) {
			struct res_stat tmp;
			const struct res_stat *s = row_stat(c, c->order[i], metric.data, &tmp);
			if (s && s->rate > bar)
				bar = s->rate;
			if (s && s->rate_hi > hi)
				hi = s->rate_hi;
		}
	}
	buf_release(&metric);
	return bar > 0 && hi > BARS_AXIS_WIDER * bar ? BARS_AXIS_WIDER * bar : 0;
}

/* Bars: per category, one bar per group shown (and "all others"), with whiskers. */
static int categories_bars(struct charts *c)
{
	struct buf b = BUF_INIT, metric = BUF_INIT;
	size_t g, k, K = c->out.ngroups, C = c->out.ncategories;
	size_t nbars = c->sel.nshown + (c->sel.nothers > 0), bar;
	double w = 0.8 / (double)(nbars ? nbars : 1);
	const char *sep = "";
	int ret;
	double top = bars_top(c);

	gpscript_style(&b);
	add_title(c, &b, "Matches per 1,000 tokens by category and outlet",
		  /* Short: a longer line ran off both edges of the canvas. */
		  top > 0 ? "bars: pooled rate; whiskers: 95% interval (HC1), cut at the top"
			  : "bars: pooled rate; whiskers: 95% interval (HC1)");
	gpscript_set_text(&b, "set ylabel", "matches per 1,000 tokens");
	buf_adds(&b, "set xtics (");
	for (k = 0; k < C; k++) {
		if (k)
			buf_adds(&b, ", ");
		gpscript_quote_tic(&b, c->out.categories[k]);
		buf_addf(&b, " %zu", k);
	}
	buf_adds(&b, ") nomirror scale 0\n");
	buf_addf(&b, "set xrange [-0.6:%f]\n", (double)C - 0.4);
	if (top > 0) {
		buf_adds(&b, "set yrange [0:");
		gpscript_num(&b, top);
		buf_adds(&b, "]\n");
	} else {
		buf_adds(&b, "set yrange [0:*]\n");
	}
	buf_addf(&b, "set boxwidth %f absolute\n", w * 0.92);
	buf_adds(&b, "set grid ytics lc rgb '#e5e5e5' lw 1 dt 1\n"
		     "set key outside bottom center horizontal samplen 1.5 width 2\n");
	/* Groups alphabetically, as in outlets.tsv: colours match the other charts. */
	for (g = 0, bar = 0; g < K; g++) {
		if (!c->shown[g])
			continue;
		buf_addf(&b, "$g%zu << EOD\n", g);
		for (k = 0; k < C; k++) {
			buf_reset(&metric);
			buf_addf(&metric, "%s_rate", c->out.categories[k]);
			bar_row(&b, res_outlets_get(&c->out, g, metric.data),
				(double)k - 0.4 + w * ((double)bar + 0.5));
		}
		buf_adds(&b, "EOD\n");
		bar++;
	}
	if (c->sel.nothers) {
		buf_adds(&b, "$go << EOD\n");
		for (k = 0; k < C; k++) {
			struct res_stat tmp;
			buf_reset(&metric);
			buf_addf(&metric, "%s_rate", c->out.categories[k]);
			bar_row(&b, row_stat(c, CHARTS_OTHERS, metric.data, &tmp),
				(double)k - 0.4 + w * ((double)bar + 0.5));
		}
		buf_adds(&b, "EOD\n");
	}
	buf_adds(&b, "plot ");
	for (g = 0; g < K; g++) {
		if (!c->shown[g])
			continue;
		buf_addf(&b, "%s$g%zu using 1:2 with boxes lc rgb '%s' title ", sep, g, color_of(g));
		add_group_name(&b, c->out.groups[g]);
		/* Whiskers as plain segments: gnuplot's errorbars leave a gap at the point. */
		buf_addf(&b, ", $g%zu using 1:3:(0):($4 - $3) with vectors nohead lw 1.5 "
			 "lc rgb '#222222' notitle", g);
		sep = ", ";
	}
	if (c->sel.nothers) {
		buf_addf(&b, "%s$go using 1:2 with boxes lc rgb '" OTHERS_COLOR "' title '"
			 RES_OTHERS " (pooled, no interval)'", sep);
		sep = ", ";
	}
	if (!*sep)
		buf_adds(&b, "NaN notitle");
	buf_addch(&b, '\n');
	ret = draw(c, "categories", 1000, 560 + title_extra(c), &b);
	buf_release(&b);
	buf_release(&metric);
	return ret;
}

/* A dot of the ranking: its value and interval, and whose it is. */
struct rank_dot {
	double v, lo, hi;
	size_t g;		/* a group, or CHARTS_OTHERS */
	const char *name;
};

static int rank_cmp(const void *pa, const void *pb)
{
	const struct rank_dot *a = pa, *b = pb;
	if (a->v != b->v)
		return a->v < b->v ? -1 : 1;
	return strcmp(b->name, a->name);
}

/* The rows of category k's panel, lowest rate first (drawn bottom up); returns how many. */
static size_t rank_dots(struct charts *c, size_t k, struct rank_dot *dot, double *hi)
{
	struct buf metric = BUF_INIT;
	size_t i, n = 0;

	buf_addf(&metric, "%s_rate", c->out.categories[k]);
	for (i = 0; i <= c->sel.nshown; i++) {
		struct res_stat tmp;
		size_t g = i < c->sel.nshown ? c->sel.shown[i] : CHARTS_OTHERS;
		const struct res_stat *s;

		if (g == CHARTS_OTHERS && !c->sel.nothers)
			continue;
		s = row_stat(c, g, metric.data, &tmp);
		if (!s || isnan(s->rate))
			continue;
		dot[n].v = s->rate;
		dot[n].lo = isnan(s->rate_lo) ? s->rate : s->rate_lo;
		dot[n].hi = isnan(s->rate_hi) ? s->rate : s->rate_hi;
		dot[n].g = g;
		dot[n].name = g == CHARTS_OTHERS ? RES_OTHERS : c->out.groups[g];
		if (dot[n].hi > *hi)
			*hi = dot[n].hi;
		n++;
	}
	buf_release(&metric);
	sort_array(dot, n, sizeof(*dot), rank_cmp);
	return n;
}

/* One panel of the ranking: category k, a dot per row with its interval. */
static void rank_panel(struct charts *c, struct buf *b, size_t k, struct rank_dot *dot, size_t n,
		       double hi)
{
	struct buf label = BUF_INIT;
	size_t i;
	double top = 0;

	buf_adds(b, "set title ");
	gpscript_quote(b, c->out.categories[k]);
	buf_adds(b, " font ',15'\nset ytics (");
	for (i = 0; i < n; i++) {
		gpscript_shorten(dot[i].name, 28, &label);
		if (i)
			buf_adds(b, ", ");
		gpscript_quote_tic(b, label.data);
		buf_addf(b, " %zu", i + 1);
	}
	buf_addf(b, ") nomirror font ',11'\nset yrange [0.4:%zu.6]\n", n ? n : 1);
	/*
	 * Each category its own scale: their rates differ by orders of
	 * magnitude. At most 2.5 times the largest rate, so the interval of a
	 * group of two articles does not squeeze every dot against zero; such
	 * an interval runs off the right edge.
	 */
	for (i = 0; i < n; i++)
		if (dot[i].v > top)
			top = dot[i].v;
	if (top > 0 && hi > 2.5 * top)
		hi = 2.5 * top;
	if (!(hi > 0))
		hi = 1;
	buf_adds(b, "set xrange [0:");
	gpscript_num(b, hi * 1.05);
	buf_adds(b, "]\nset xtics ");
	gpscript_num(b, gpscript_nice_step(hi, 4));
	buf_addf(b, "\n$r%zu << EOD\n", k);
	for (i = 0; i < n; i++) {
		buf_addf(b, "%zu ", i + 1);
		gpscript_num(b, dot[i].v);
		buf_addch(b, ' ');
		gpscript_num(b, dot[i].lo);
		buf_addch(b, ' ');
		gpscript_num(b, dot[i].hi);
		buf_addf(b, " %d\n", dot[i].g == CHARTS_OTHERS);
	}
	buf_addf(b, "EOD\nplot $r%zu using ($5 == 0 ? $2 : NaN):1:3:4 with xerrorbars pt 7 ps 1 "
		 "lw 1.5 lc rgb '%s' title 'pooled rate, article-level 95%% interval', "
		 "$r%zu using ($5 == 1 ? $2 : NaN):1 with points pt 12 ps 1.6 lw 2 "
		 "lc rgb '" OTHERS_COLOR "' title '" RES_OTHERS ": pooled, no interval'\n",
		 k, palette[0], k);
	/* One key, under the first panel. */
	buf_adds(b, "unset key\n");
	buf_release(&label);
}

/*
 * The ranking that replaces the bars when the run has more than
 * CHARTS_BARS_MAX groups: a panel per category, a dot per group shown
 * (and "all others") with its interval, sorted by the rate.
 */
static int categories_ranking(struct charts *c)
{
	struct buf b = BUF_INIT, t = BUF_INIT;
	size_t k, C = c->out.ncategories, cols = C < 2 ? (C ? C : 1) : 2, prow, n, most = 1;
	struct rank_dot *dot = xmalloc((c->sel.nshown + 2) * sizeof(*dot));
	double hi;
	int ret, panel_h;

	for (k = 0; k < C; k++) {
		hi = 0;
		n = rank_dots(c, k, dot, &hi);
		if (n > most)
			most = n;
	}
	prow = (C + cols - 1) / cols;
	if (!prow)
		prow = 1;
	panel_h = 130 + 19 * (int)most;
	gpscript_style(&b);
	buf_addf(&b, "set multiplot layout %zu,%zu title ", prow, cols);
	buf_addf(&t, "Corpus: %s; grouped by %s; dot: pooled rate; bar: article-level "
		 "95%% interval, cut at 2.5 x the top rate", c->corpus, c->by);
	gpscript_quote(&b, "Matches per 1,000 tokens by category: the groups ranked");
	buf_adds(&b, ".\"\\n\".");
	gpscript_quote(&b, t.data);
	buf_reset(&t);
	res_selection_say(&c->out, &c->sel, &t);
	if (t.len) {
		buf_adds(&b, ".\"\\n\".");
		gpscript_quote(&b, t.data);
	}
	buf_adds(&b, " font ',15'\n");
	gpscript_set_text(&b, "set xlabel", "matches per 1,000 tokens");
	buf_adds(&b, "set grid xtics lc rgb '#e5e5e5' lw 1 dt 1\n"
		     "set lmargin 30\nset rmargin 3\nset tmargin 3\nset bmargin 6.5\n"
		     "set key at screen 0.5, screen 0.005 center bottom vertical samplen 1 font ',12'\n");
	for (k = 0; k < C; k++) {
		hi = 0;
		n = rank_dots(c, k, dot, &hi);
		rank_panel(c, &b, k, dot, n, hi);
	}
	if (!C)
		buf_adds(&b, "plot NaN notitle\n");
	buf_adds(&b, "unset multiplot\n");
	ret = draw(c, "categories", cols > 1 ? 640 * (int)cols : 1000, (int)prow * panel_h + 110, &b);
	buf_release(&b);
	buf_release(&t);
	free(dot);
	return ret;
}

/* Whether some group has a match of a category (count > 0 in metric "C_rate"). */
static int any_match(const struct charts *c, const char *suffix, size_t k)
{
	struct buf metric = BUF_INIT;
	size_t g;
	int any = 0;

	buf_addf(&metric, "%s%s", c->out.categories[k], suffix);
	for (g = 0; g < c->out.ngroups && !any; g++) {
		const struct res_stat *s = res_outlets_get(&c->out, g, metric.data);
		any = s && s->count > 0;
	}
	buf_release(&metric);
	return any;
}

int charts_categories(struct charts *c)
{
	size_t k;
	int any = 0;

	if (!c->out.ncategories)
		return charts_missing(c, "categories", "outlets.tsv has no category");
	for (k = 0; k < c->out.ncategories && !any; k++)
		any = any_match(c, "_rate", k);
	if (!any)
		return charts_missing(c, "categories", "no lexicon entry matched");
	if (c->out.ngroups > CHARTS_BARS_MAX)
		return categories_ranking(c);
	return categories_bars(c);
}

/* Deterministic jitter: the golden-ratio sequence spreads any number of dots. */
static double jitter(size_t k)
{
	double f = fmod((double)(k + 1) * 0.6180339887498949, 1.0);
	return (f - 0.5) * 0.5;
}

int charts_index_articles(struct charts *c, const struct charts_index *ix)
{
	struct buf b = BUF_INIT, title = BUF_INIT, sub = BUF_INIT;
	size_t i, g, *seen;
	double lo = 0, hi = 0;
	int ret;

	if (index_missing(c, ix, ix->articles_file))
		return 1;
	seen = xcalloc(c->out.ngroups + 1, sizeof(size_t));
	gpscript_style(&b);
	buf_addf(&title, "%s of every article, by %s", ix->name, c->by);
	/* A title begins with a capital, whatever the index is called. */
	if (title.data[0] >= 'a' && title.data[0] <= 'z')
		title.data[0] = (char)(title.data[0] - 'a' + 'A');
	buf_addf(&sub, "one dot per article, bar: mean of the %s", c->by);
	add_title(c, &b, buf_str(&title), buf_str(&sub));
	buf_release(&title);
	buf_release(&sub);
	add_index_xaxis(&b, ix);
	add_group_ytics(c, &b);
	gpscript_vline0(&b);
	buf_adds(&b, "set grid xtics lc rgb '#e5e5e5' lw 1 dt 1\n"
		     "set key outside bottom center horizontal samplen 1 font ',13'\n"
		     "set bmargin 8.5\n");
	buf_adds(&b, "$dots << EOD\n");
	for (i = 0; i < c->art.n; i++) {
		double v = article_value(c, i, ix);
		if (isnan(v))
			continue;
		g = c->art_group[i];
		/* The articles of the groups not shown share the row of "all others". */
		if (!c->shown[g])
			g = c->out.ngroups;
		gpscript_extend(&lo, &hi, v);
		gpscript_num(&b, v);
		buf_addch(&b, ' ');
		gpscript_num(&b, (double)c->row_of[g] + jitter(seen[g]++));
		buf_addf(&b, " %zu\n", g);
	}
	buf_adds(&b, "EOD\n$means << EOD\n");
	for (i = 0; i < c->nrows; i++) {
		struct res_stat tmp;
		const struct res_stat *s = row_stat(c, c->order[i], ix->name, &tmp);
		if (!s || isnan(s->mean))
			continue;
		gpscript_num(&b, s->mean);
		buf_addf(&b, " %zu\n", i + 1);
	}
	buf_adds(&b, "EOD\n");
	gpscript_xrange(&b, lo, hi, 0.08);
	buf_adds(&b, "plot ");
	if (c->sel.nothers)
		buf_addf(&b, "$dots using 1:($3 == %zu ? $2 : NaN) with points pt 7 ps 0.8 "
			 "lc rgb '" OTHERS_COLOR "' notitle, ", c->out.ngroups);
	for (g = 0; g < c->out.ngroups; g++)
		if (c->shown[g])
			buf_addf(&b, "$dots using 1:($3 == %zu ? $2 : NaN) with points pt %d ps 1.4 "
				 "lc rgb '%s' notitle, ", g, point_of(g), color_of(g));
	buf_adds(&b, "$means using 1:($2 - 0.32):(0):(0.64) with vectors nohead lw 3 "
		     "lc rgb '#000000' notitle, "
		     "keyentry with points pt 7 ps 1.4 lc rgb '#888888' title 'one article', "
		     "keyentry with lines lw 3 lc rgb '#000000' title ");
	/* The grouping's word (--by wire: "mean of the wire"), as in the subtitle. */
	buf_reset(&title);
	buf_addf(&title, "mean of the %s", c->by);
	gpscript_quote(&b, title.data);
	buf_addch(&b, '\n');
	ret = draw(c, ix->articles_file, 900, group_height(c->nrows) + 40 + title_extra(c), &b);
	buf_release(&b);
	buf_release(&title);
	free(seen);
	return ret;
}

/* Days since 1970-01-01 of a date of publication; -1 when it has none. */
static int article_day(const char *s, long *day)
{
	long y, m, d;

	if (date_parse(s, &y, &m, &d) < 0)
		return -1;
	*day = date_days_from_civil(y, m, d);
	return 0;
}

/*
 * The data block $tG of group g's trend: seconds, mean, lo, hi; a blank
 * line where a window holds too few articles, so line and band break
 * there. Widens the stance range [slo, shi] to hold the band.
 */
static void add_trend_block(struct charts *c, size_t g, struct buf *b, double *slo, double *shi)
{
	size_t i;
	int gap = 0;

	buf_addf(b, "$t%zu << EOD\n", g);
	for (i = 0; i < c->trend_n[g]; i++) {
		const struct trend_point *p = &c->trend[g * TREND_POINTS + i];
		if (isnan(p->value)) {
			gap = 1;
			continue;
		}
		if (gap)
			buf_addch(b, '\n');
		gap = 0;
		gpscript_extend(slo, shi, p->lo);
		gpscript_extend(slo, shi, p->hi);
		gpscript_num(b, (double)p->day * 86400);
		buf_addch(b, ' ');
		gpscript_num(b, p->value);
		buf_addch(b, ' ');
		gpscript_num(b, p->lo);
		buf_addch(b, ' ');
		gpscript_num(b, p->hi);
		buf_addch(b, '\n');
	}
	buf_adds(b, "EOD\n");
}

int charts_timeline(struct charts *c, const struct charts_index *ix)
{
	struct buf b = BUF_INIT, sub = BUF_INIT, label = BUF_INIT;
	size_t i, g, undated = 0, dated = 0, trends = 0;
	double slo = 0, shi = 0;
	long first = 0, last = 0;
	size_t keys = c->sel.nshown + (c->sel.nothers > 0);
	int ret, key_lines = (int)(keys + 3) / 4;

	if (index_missing(c, ix, "timeline"))
		return 1;
	gpscript_style(&b);
	buf_adds(&b, "$dots << EOD\n");
	for (i = 0; i < c->art.n; i++) {
		double v = article_value(c, i, ix);
		long day;

		if (isnan(v))
			continue;
		if (article_day(c->art.a[i].date, &day) < 0) {
			undated++;
			continue;
		}
		if (!dated || day < first)
			first = day;
		if (!dated || day > last)
			last = day;
		dated++;
		g = c->art_group[i];
		gpscript_extend(&slo, &shi, v);
		gpscript_num(&b, (double)day * 86400);
		buf_addch(&b, ' ');
		gpscript_num(&b, v);
		buf_addf(&b, " %zu\n", c->shown[g] ? g : c->out.ngroups);
	}
	/* No date, no time axis: it would read 1970. */
	if (!dated) {
		buf_release(&b);
		return charts_missing(c, "timeline", "no article with a %s value has a date",
				      ix->name);
	}
	buf_adds(&b, "EOD\n");
	for (g = 0; g < c->out.ngroups; g++)
		if (c->trend && c->trend_n[g] && c->shown[g]) {
			add_trend_block(c, g, &b, &slo, &shi);
			trends++;
		}
	if (trends)
		buf_addf(&sub, "lines: mean over a centred %ld-day window, bands: its 95%% t-interval",
			 c->trend_width);
	if (c->sel.nothers)
		buf_addf(&sub, "%sgrey: the articles of '" RES_OTHERS "', no trend",
			 trends ? "; " : "");
	if (undated)
		buf_addf(&sub, "%s%zu article%s without a date left out", sub.len ? "; " : "",
			 undated, undated == 1 ? "" : "s");
	buf_addf(&label, "%s of every article over time", ix->name);
	if (label.data[0] >= 'a' && label.data[0] <= 'z')
		label.data[0] = (char)(label.data[0] - 'a' + 'A');
	add_title(c, &b, label.data, sub.len ? sub.data : NULL);
	buf_reset(&label);
	buf_addf(&label, "%s (> 0: %s)", ix->name, ix->pos);
	gpscript_set_text(&b, "set ylabel", label.data);
	gpscript_set_text(&b, "set xlabel", "date of publication");
	gpscript_date_axis(&b, first, last);
	/* The zero line always shows; a range is never empty. */
	{
		double pad = shi > slo ? (shi - slo) * 0.1 : 0.5;
		buf_adds(&b, "set yrange [");
		gpscript_num(&b, slo - pad);
		buf_addch(&b, ':');
		gpscript_num(&b, shi + pad);
		buf_adds(&b, "]\n");
	}
	gpscript_hline0(&b);
	buf_adds(&b, "set grid xtics ytics lc rgb '#e5e5e5' lw 1 dt 1\n");
	/* The key has a line per four groups or so: the margin and the canvas grow with it. */
	if (keys > 6)
		buf_addf(&b, "set key outside bottom center horizontal samplen 1 width 1 font ',11'\n"
			 "set bmargin %d\n", key_lines + 5);
	else
		buf_adds(&b, "set key outside bottom center horizontal samplen 1 width 2 font ',13'\n"
			     "set bmargin 6\n");
	buf_adds(&b, "plot ");
	/* Bands under the dots, lines over them. */
	for (g = 0; g < c->out.ngroups; g++)
		if (c->trend && c->trend_n[g] && c->shown[g])
			buf_addf(&b, "$t%zu using 1:3:4 with filledcurves fs transparent solid 0.18 "
				 "noborder lc rgb '%s' notitle, ", g, color_of(g));
	if (c->sel.nothers)
		buf_addf(&b, "$dots using 1:($3 == %zu ? $2 : NaN) with points pt 7 ps 0.6 "
			 "lc rgb '" OTHERS_COLOR "' title '" RES_OTHERS "', ", c->out.ngroups);
	for (g = 0; g < c->out.ngroups; g++) {
		if (!c->shown[g])
			continue;
		buf_addf(&b, "$dots using 1:($3 == %zu ? $2 : NaN) with points pt %d ps %s "
			 "lc rgb '%s' title ", g, point_of(g), trends ? "1.1" : "1.5", color_of(g));
		add_group_name(&b, c->out.groups[g]);
		buf_adds(&b, ", ");
	}
	for (g = 0; g < c->out.ngroups; g++)
		if (c->trend && c->trend_n[g] && c->shown[g])
			buf_addf(&b, "$t%zu using 1:2 with lines lw 3 lc rgb '%s' notitle, ",
				 g, color_of(g));
	buf_adds(&b, "NaN notitle\n");
	ret = draw(c, "timeline", 1000, 540 + title_extra(c) + (keys > 6 ? key_lines * 18 : 0), &b);
	buf_release(&b);
	buf_release(&sub);
	buf_release(&label);
	return ret;
}

#define KEY_TOP 10

/*
 * The legend of the keyness chart, on the title's blank last line (lines
 * of about 27 pixels at font 16): a key of gnuplot's stacks its entries
 * in a narrow panel, and at the top right it ran into the title.
 */
static void keyness_legend(struct buf *b, int width, int height, int title_lines)
{
	double y = 1 - (title_lines * 27.0 + 14) / height, x[2];
	static const char *const what[] = { "in a lexicon", "not in a lexicon" };
	int i;

	x[0] = 0.5 - 150.0 / width;
	x[1] = 0.5 + 10.0 / width;
	for (i = 0; i < 2; i++) {
		/* A filled square, U+25A0, in the colour of the bars. */
		buf_addf(b, "set label %d ", 120 + 2 * i);
		gpscript_quote(b, "\xE2\x96\xA0");
		buf_addf(b, " at screen %f, screen %f center tc rgb '%s' font ',16'\n", x[i], y,
			 palette[i ? 5 : 1]);
		buf_addf(b, "set label %d ", 121 + 2 * i);
		gpscript_quote(b, what[i]);
		buf_addf(b, " at screen %f, screen %f left font ',12'\n", x[i] + 12.0 / width, y);
	}
}

int charts_keyness(struct charts *c)
{
	struct buf b = BUF_INIT, label = BUF_INIT;
	size_t g, i, j, K = 0, cols, rows, panel = 0, n, *with = NULL;
	double lo = 0, hi = 0;
	int ret, width, height, title_lines = 2;

	if (!c->have_key)
		return charts_missing(c, "keyness", "keyness.tsv is missing or unreadable");
	/* A panel for each group shown that has words: an empty panel tells nothing. */
	with = xmalloc((c->nkpanel + 1) * sizeof(size_t));
	for (j = 0; j < c->nkpanel; j++)
		if (c->key_start[c->kpanel[j]] < c->key_start[c->kpanel[j] + 1])
			with[K++] = c->kpanel[j];
	if (!K) {
		free(with);
		return charts_missing(c, "keyness", "keyness.tsv has no word");
	}
	cols = K < 3 ? K : 3;
	rows = (K + cols - 1) / cols;
	width = (int)cols * 440;
	height = (int)rows * 470 + 84 + (title_extra(c) || c->key_by_outlet || K < c->nkpanel ? 24 : 0);
	/* One x range for every panel, so the bars compare across outlets. */
	for (j = 0; j < K; j++) {
		g = with[j];
		for (i = c->key_start[g]; i < c->key_start[g + 1] && i - c->key_start[g] < KEY_TOP; i++)
			gpscript_extend(&lo, &hi, c->key[i].z);
	}
	gpscript_style(&b);
	buf_adds(&b, "set multiplot layout ");
	buf_addf(&b, "%zu,%zu title ", rows, cols);
	{
		struct buf t = BUF_INIT;
		buf_addf(&t, "Corpus: %s; each outlet against all the others; "
			 "log-odds with informative Dirichlet prior", c->corpus);
		gpscript_quote(&b, "Words that set each outlet apart (top 10 by z)");
		buf_adds(&b, ".\"\\n\".");
		gpscript_quote(&b, t.data);
		buf_reset(&t);
		/* The groups pooled as "all others" have no panel: their words are their own. */
		if (c->key_by_outlet) {
			buf_addf(&t, "by outlet, not by %s: keyness is always by outlet", c->by);
			if (c->nkpanel < c->nkgroups)
				buf_addf(&t, "; the first %zu of %zu", c->nkpanel, c->nkgroups);
		} else {
			res_selection_say(&c->out, &c->sel, &t);
			if (t.len)
				buf_adds(&t, "; a panel each for those shown only");
		}
		if (K < c->nkpanel)
			buf_addf(&t, "%s%zu without a panel: no word in keyness.tsv",
				 t.len ? "; " : "", c->nkpanel - K);
		if (t.len) {
			buf_adds(&b, ".\"\\n\".");
			gpscript_quote(&b, t.data);
			title_lines++;
		}
		buf_release(&t);
	}
	/* A last line of the title left blank for the key, which overlapped the title's end. */
	buf_adds(&b, ".\"\\n \" font ',16'\n");
	gpscript_xrange(&b, lo, hi, 0.08);
	buf_adds(&b, "set xtics ");
	gpscript_num(&b, gpscript_nice_step(hi - lo, 4));
	buf_addch(&b, '\n');
	gpscript_vline0(&b);
	gpscript_set_text(&b, "set xlabel", "z of the log-odds ratio");
	buf_addf(&b, "set yrange [0.4:%d.6]\n", KEY_TOP);
	buf_adds(&b, "set grid xtics lc rgb '#e5e5e5' lw 1 dt 1\n"
		     "set lmargin 17\nset rmargin 2\n");
	for (j = 0; j < K; j++, panel++) {
		size_t first;

		g = with[j];
		first = c->key_start[g];
		buf_addf(&b, "unset key\n$k%zu << EOD\n", g);
		buf_adds(&label, "");
		for (i = first, n = 0; i < c->key_start[g + 1] && n < KEY_TOP; i++, n++) {
			/* Rank 1 at the top: y = KEY_TOP - rank. */
			gpscript_num(&b, c->key[i].z / 2);
			buf_addf(&b, " %zu ", KEY_TOP - n);
			gpscript_num(&b, fabs(c->key[i].z) / 2);
			buf_addf(&b, " %d\n", c->key[i].lexicon);
		}
		buf_adds(&b, "EOD\nset ytics (");
		for (i = first, n = 0; i < c->key_start[g + 1] && n < KEY_TOP; i++, n++) {
			gpscript_shorten(c->key[i].term, 16, &label);
			if (n)
				buf_adds(&b, ", ");
			gpscript_quote_tic(&b, label.data);
			buf_addf(&b, " %zu", KEY_TOP - n);
		}
		buf_adds(&b, ") scale 0 nomirror\n");
		buf_adds(&b, "set title ");
		add_group_name(&b, c->kgroups[g]);
		buf_adds(&b, " font ',15'\n");
		if (panel == 0)
			keyness_legend(&b, width, height, title_lines);
		buf_addf(&b, "plot $k%zu using 1:($4 == 1 ? $2 : NaN):3:(0.36) with boxxyerror "
			 "fs solid 0.9 noborder lc rgb '%s' notitle, "
			 "$k%zu using 1:($4 == 0 ? $2 : NaN):3:(0.36) with boxxyerror "
			 "fs solid 0.9 noborder lc rgb '%s' notitle\n",
			 g, palette[1], g, palette[5]);
		if (panel == 0)
			buf_adds(&b, "unset label 120\nunset label 121\nunset label 122\n"
				     "unset label 123\n");
	}
	buf_adds(&b, "unset multiplot\n");
	ret = draw(c, "keyness", width, height, &b);
	buf_release(&b);
	buf_release(&label);
	free(with);
	return ret;
}

/*
 * Whether the voice chart has a panel of category k: outlets.tsv splits it
 * into own voice and quoted (C_own_rate), and categories.tsv, when there
 * is one, marks it voice (every category, or those of the @voice lines).
 */
static int has_voice(const struct charts *c, size_t k)
{
	struct buf metric = BUF_INIT;
	size_t m;
	int has = 0;

	if (c->declared) {
		const struct lexdecl_category *d = lexdecl_category(&c->decl, c->out.categories[k]);
		if (!d || !d->voice)
			return 0;
	}

	buf_addf(&metric, "%s_own_rate", c->out.categories[k]);
	for (m = 0; m < c->out.nmetrics && !has; m++)
		has = !strcmp(c->out.metrics[m], metric.data);
	buf_release(&metric);
	return has;
}

/*
 * The data block $vK of category k's panel: a row per row of the chart,
 * "y own_x own_half quoted_x quoted_half own_count quoted_count total";
 * its largest rate in *hi.
 */
static void voice_block(struct charts *c, size_t k, struct buf *b, double *hi)
{
	struct buf m_all = BUF_INIT, m_own = BUF_INIT;
	size_t i;
	double lo = 0;

	buf_addf(&m_all, "%s_rate", c->out.categories[k]);
	buf_addf(&m_own, "%s_own_rate", c->out.categories[k]);
	buf_addf(b, "$v%zu << EOD\n", k);
	*hi = 0;
	for (i = 0; i < c->nrows; i++) {
		struct res_stat tall, town;
		const struct res_stat *all = row_stat(c, c->order[i], m_all.data, &tall);
		const struct res_stat *own = row_stat(c, c->order[i], m_own.data, &town);
		double q;

		if (!all || !own || isnan(all->rate) || isnan(own->rate))
			continue;
		q = all->rate - own->rate;
		gpscript_extend(&lo, hi, all->rate);
		buf_addf(b, "%zu ", i + 1);
		gpscript_num(b, own->rate / 2);
		buf_addch(b, ' ');
		gpscript_num(b, own->rate / 2);
		buf_addch(b, ' ');
		gpscript_num(b, own->rate + q / 2);
		buf_addch(b, ' ');
		gpscript_num(b, q / 2);
		buf_addch(b, ' ');
		gpscript_num(b, own->count);
		buf_addch(b, ' ');
		gpscript_num(b, all->count - own->count);
		buf_addch(b, ' ');
		gpscript_num(b, all->rate);
		buf_addch(b, '\n');
	}
	buf_adds(b, "EOD\n");
	buf_release(&m_all);
	buf_release(&m_own);
}

/* Heights in pixels of the voice chart: title, key, and a panel per category. */
#define VOICE_TOP 86
#define VOICE_BOTTOM 56

static int voice_panel_height(const struct charts *c)
{
	int h = 96 + 40 * (int)c->nrows;
	return h < 190 ? 190 : h;
}

int charts_voice(struct charts *c)
{
	struct buf b = BUF_INIT, sub = BUF_INIT;
	size_t k, P = 0, p, *cat = xmalloc((c->out.ncategories + 1) * sizeof(size_t));
	size_t split = 0, silent = 0;
	int ret, panel_h = voice_panel_height(c), height;

	/* A panel for each category split by voice that matched somewhere. */
	for (k = 0; k < c->out.ncategories; k++) {
		if (!has_voice(c, k))
			continue;
		split++;
		if (any_match(c, "_rate", k))
			cat[P++] = k;
		else
			silent++;
	}
	if (!P) {
		free(cat);
		if (split)
			return charts_missing(c, "voice", "no lexicon entry matched");
		if (c->declared && c->out.ncategories)
			return charts_missing(c, "voice", "no category of categories.tsv has "
					      "voice yes (an @voice line names them)");
		return charts_missing(c, "voice", "outlets.tsv splits no category by voice");
	}
	height = VOICE_TOP + (int)P * panel_h + VOICE_BOTTOM + title_extra(c);
	buf_adds(&sub, "a panel per category, pooled over the articles of each group");
	if (silent)
		buf_addf(&sub, "; %zu categor%s without a match left out", silent,
			 silent == 1 ? "y" : "ies");
	gpscript_style(&b);
	add_title(c, &b, "Matches in the group's own voice or quoted", sub.data);
	add_group_ytics(c, &b);
	buf_adds(&b, "set grid xtics lc rgb '#e5e5e5' lw 1 dt 1\n"
		     "set tmargin 2.2\nset bmargin 2.4\nset rmargin 3\n");
	for (p = 0; p < P; p++) {
		double hi;
		voice_block(c, cat[p], &b, &hi);
		if (p == 0)
			buf_adds(&b, "set multiplot\n");
		/* Panels top down, the key under the last. */
		buf_addf(&b, "set origin 0, %f\nset size 1, %f\n",
			 (double)(VOICE_BOTTOM + (int)(P - 1 - p) * panel_h) / height,
			 (double)panel_h / height);
		buf_adds(&b, "set title ");
		gpscript_quote(&b, c->out.categories[cat[p]]);
		buf_adds(&b, " font ',14'\n");
		if (p == P - 1) {
			gpscript_set_text(&b, "set xlabel", "matches per 1,000 tokens");
			buf_adds(&b, "set bmargin 3.2\nset key at screen 0.5, screen 0.004 center bottom "
				     "horizontal samplen 1.5 width 2 font ',13'\n");
		} else {
			buf_adds(&b, "unset key\n");
		}
		buf_adds(&b, "set xrange [0:");
		gpscript_num(&b, hi > 0 ? hi * 1.45 : 1);
		buf_addf(&b, "]\nplot $v%zu using 2:1:3:(0.3) with boxxyerror fs solid 0.9 noborder "
			 "lc rgb '%s' title 'own voice', "
			 "$v%zu using 4:1:5:(0.3) with boxxyerror fs pattern 4 border lc rgb '%s' "
			 "lc rgb '%s' title 'in quotations', "
			 "$v%zu using ($8):1:(sprintf('  %%d own, %%d quoted', $6, $7)) with labels "
			 "left font ',12' tc rgb '#333333' notitle\n",
			 cat[p], palette[1], cat[p], palette[0], palette[0], cat[p]);
		/* The title's labels are drawn once, with the first panel. */
		if (p == 0)
			buf_adds(&b, "unset label 101\nunset label 102\nunset label 105\n");
	}
	buf_adds(&b, "unset multiplot\n");
	ret = draw(c, "voice", 900, height, &b);
	buf_release(&b);
	buf_release(&sub);
	free(cat);
	return ret;
}

void charts_release(struct charts *c)
{
	size_t i;
	res_outlets_release(&c->out);
	res_articles_release(&c->art);
	lexdecl_release(&c->decl);
	charts_indices_release(&c->indices);
	for (i = 0; i < c->nkey; i++)
		free(c->key[i].term);
	free(c->key);
	free(c->order);
	free(c->row_of);
	free(c->shown);
	free(c->key_start);
	for (i = 0; i < c->nkgroups; i++)
		free(c->kgroups[i]);
	free(c->kgroups);
	free(c->kpanel);
	res_selection_release(&c->sel);
	free(c->art_group);
	free(c->trend);
	free(c->trend_n);
	for (i = 0; i < c->nfig; i++) {
		free(c->fig[i].name);
		free(c->fig[i].why);
	}
	free(c->fig);
}
