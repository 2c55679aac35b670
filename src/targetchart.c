/*
 * targets.svg (targetchart.h): who the matches of each category fall on,
 * per group, drawn from targets_by_group.tsv.
 */
#include "targetchart.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chart.h"
#include "fsutil.h"
#include "gpscript.h"
#include "html.h"
#include "results.h"
#include "targets.h"
#include "tsv.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

/* The actors' colours (Okabe-Ito, as the other charts); several and none in greys. */
static const char *const actor_colours[] = {
	"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000",
};
#define NCOLOURS (sizeof(actor_colours) / sizeof(actor_colours[0]))

/* Group names longer than this are cut, as on the other charts. */
#define NAME_MAX_CHARS 36

struct names {
	char **v;
	size_t n, alloc;
};

/* The table: per group, category and slot (actors, several, none). */
struct targets_table {
	struct names cats, slots;
	size_t ngroups;
	/* Grown as names come: index (g * MAXC + c) * MAXS + k. */
	double *matches;	/* per group, category, slot */
	double *cat_articles, *cat_matches;	/* per group, category */
	size_t maxc, maxs;
};

static long names_find(const struct names *n, const char *s)
{
	size_t i;

	for (i = 0; i < n->n; i++)
		if (!strcmp(n->v[i], s))
			return (long)i;
	return -1;
}

static size_t names_add(struct names *n, const char *s)
{
	long i = names_find(n, s);

	if (i >= 0)
		return (size_t)i;
	ALLOC_GROW(n->v, n->n + 1, n->alloc);
	n->v[n->n] = xstrdup(s);
	return n->n++;
}

static void names_release(struct names *n)
{
	size_t i;

	for (i = 0; i < n->n; i++)
		free(n->v[i]);
	free(n->v);
}

static void table_release(struct targets_table *t)
{
	names_release(&t->cats);
	names_release(&t->slots);
	free(t->matches);
	free(t->cat_articles);
	free(t->cat_matches);
}

/* Room for category c and slot k: the arrays are remade larger, rarely. */
static void table_fit(struct targets_table *t, size_t c, size_t k)
{
	size_t maxc = t->maxc, maxs = t->maxs, g, i, j;
	double *m, *ca, *cm;

	if (c < maxc && k < maxs)
		return;
	while (c >= maxc)
		maxc = maxc ? 2 * maxc : 4;
	while (k >= maxs)
		maxs = maxs ? 2 * maxs : 8;
	m = xcalloc(t->ngroups * maxc * maxs + 1, sizeof(*m));
	ca = xcalloc(t->ngroups * maxc + 1, sizeof(*ca));
	cm = xcalloc(t->ngroups * maxc + 1, sizeof(*cm));
	for (g = 0; g < t->ngroups; g++)
		for (i = 0; i < t->maxc; i++) {
			ca[g * maxc + i] = t->cat_articles[g * t->maxc + i];
			cm[g * maxc + i] = t->cat_matches[g * t->maxc + i];
			for (j = 0; j < t->maxs; j++)
				m[(g * maxc + i) * maxs + j] = t->matches[(g * t->maxc + i) * t->maxs + j];
		}
	free(t->matches);
	free(t->cat_articles);
	free(t->cat_matches);
	t->matches = m;
	t->cat_articles = ca;
	t->cat_matches = cm;
	t->maxc = maxc;
	t->maxs = maxs;
}

/* Loads the rows of groups that outlets.tsv has; 1 when the file is absent, -1 after a message. */
static int table_load(struct targets_table *t, const struct charts *c, const char *path)
{
	static const char *const want[] = { "group", "category", "actor", "matches",
					    "category_articles", "category_matches" };
	long col[6];
	struct tsv *tsv;
	size_t i;
	int rc;

	if (access(path, F_OK) < 0 && errno == ENOENT)
		return 1;
	if (!(tsv = tsv_open(path)))
		return -1;
	for (i = 0; i < 6; i++)
		if ((col[i] = tsv_column(tsv, want[i])) < 0) {
			error("%s: no column '%s'", path, want[i]);
			tsv_close(tsv);
			return -1;
		}
	t->ngroups = c->out.ngroups;
	while ((rc = tsv_next(tsv)) > 0) {
		long g = res_outlets_group(&c->out, tsv_field(tsv, (size_t)col[0]));
		size_t cat, k;
		double m = res_number(tsv_field(tsv, (size_t)col[3]));
		if (g < 0 || isnan(m))
			continue;
		cat = names_add(&t->cats, tsv_field(tsv, (size_t)col[1]));
		k = names_add(&t->slots, tsv_field(tsv, (size_t)col[2]));
		table_fit(t, cat, k);
		t->matches[((size_t)g * t->maxc + cat) * t->maxs + k] = m;
		t->cat_articles[(size_t)g * t->maxc + cat] = res_number(tsv_field(tsv, (size_t)col[4]));
		t->cat_matches[(size_t)g * t->maxc + cat] = res_number(tsv_field(tsv, (size_t)col[5]));
	}
	tsv_close(tsv);
	return rc < 0 ? -1 : 0;
}

/* Row i's matches of category cat on slot k, and of the category: "all others" pooled. */
static void row_counts(const struct charts *c, const struct targets_table *t, size_t i,
		       size_t cat, double *on, double *of, double *articles)
{
	size_t g = c->order[i], k, h;

	for (k = 0; k < t->slots.n; k++)
		on[k] = 0;
	*of = *articles = 0;
	for (h = 0; h < t->ngroups; h++) {
		if (g == CHARTS_OTHERS ? c->shown[h] != 0 : h != g)
			continue;
		for (k = 0; k < t->slots.n; k++)
			on[k] += t->matches[(h * t->maxc + cat) * t->maxs + k];
		*of += t->cat_matches[h * t->maxc + cat];
		*articles += t->cat_articles[h * t->maxc + cat];
	}
}

static const char *slot_colour(const struct targets_table *t, size_t k, size_t *actor)
{
	if (!strcmp(t->slots.v[k], TARGETS_SEVERAL))
		return "#888888";
	if (!strcmp(t->slots.v[k], TARGETS_NONE))
		return "#d0d0d0";
	return actor_colours[(*actor)++ % NCOLOURS];
}

static void add_row_tics(const struct charts *c, struct buf *b)
{
	struct buf label = BUF_INIT;
	size_t i;

	buf_adds(b, "set ytics (");
	for (i = 0; i < c->nrows; i++) {
		buf_reset(&label);
		if (c->order[i] == CHARTS_OTHERS)
			buf_adds(&label, RES_OTHERS);
		else
			gpscript_shorten(c->out.groups[c->order[i]], NAME_MAX_CHARS, &label);
		if (i)
			buf_adds(b, ", ");
		gpscript_quote_tic(b, buf_str(&label));
		buf_addf(b, " %zu", i + 1);
	}
	buf_addf(b, ") nomirror\nset yrange [0.4:%zu.6]\n", c->nrows);
	buf_release(&label);
}

/* One category's panel at [bottom, bottom + height) of the screen. */
static void add_panel(const struct charts *c, const struct targets_table *t, size_t cat,
		      double bottom, double height, struct buf *b)
{
	double *on = xcalloc(t->slots.n + 1, sizeof(*on)), of, articles;
	struct buf text = BUF_INIT, labels = BUF_INIT;
	size_t i, k, actor = 0;

	buf_addf(b, "set origin 0,%.6f\nset size 1,%.6f\n", bottom, height);
	buf_addf(&text, "Matches of '%s', by the actors their sentence names", t->cats.v[cat]);
	gpscript_set_text(b, "set title", buf_str(&text));
	add_row_tics(c, b);
	buf_adds(b, "$t << EOD\n");
	for (i = 0; i < c->nrows; i++) {
		double x = 0;
		row_counts(c, t, i, cat, on, &of, &articles);
		buf_addf(b, "%zu", i + 1);
		/* x and half-width of each slot's segment; none for a share of 0 */
		for (k = 0; k < t->slots.n; k++) {
			double share = of > 0 ? on[k] / of : 0;
			buf_addch(b, ' ');
			gpscript_num(b, share > 0 ? x + share / 2 : NAN);
			buf_addch(b, ' ');
			gpscript_num(b, share / 2);
			x += share;
		}
		buf_addch(b, '\n');
		buf_reset(&text);
		if (of > 0)
			buf_addf(&text, "%.0f article%s, %.0f match%s", articles,
				 articles == 1 ? "" : "s", of, of == 1 ? "" : "es");
		else
			buf_adds(&text, "no match");
		/* Set after the data block: a line inside it would be data. */
		buf_addf(&labels, "set label %zu ", 200 + i);
		gpscript_quote(&labels, buf_str(&text));
		buf_addf(&labels, " at graph 1, first %zu offset 1,0 left font ',12' "
			 "tc rgb '#333333'\n", i + 1);
	}
	buf_adds(b, "EOD\n");
	buf_add(b, labels.data, labels.len);
	buf_adds(b, "plot ");
	for (k = 0; k < t->slots.n; k++) {
		buf_addf(b, "%s$t using %zu:1:%zu:(0.35) with boxxyerror fs solid 0.9 noborder "
			 "lc rgb '%s' title ", k ? ", " : "", 2 + 2 * k, 3 + 2 * k,
			 slot_colour(t, k, &actor));
		gpscript_quote(b, t->slots.v[k]);
	}
	/* The chart's title is drawn with the first panel only. */
	buf_adds(b, "\nunset label 101\nunset label 102\n");
	free(on);
	buf_release(&text);
	buf_release(&labels);
}

static int panel_height(const struct charts *c)
{
	return 120 + 34 * (int)c->nrows;
}

int targetchart_draw(struct charts *c, const char *indir)
{
	struct targets_table t;
	struct buf b = BUF_INIT, line = BUF_INIT;
	char *path = path_join(indir, "targets_by_group.tsv");
	int r, ret = 0, height, title = 70;
	size_t cat, i;
	double y;

	memset(&t, 0, sizeof(t));
	r = table_load(&t, c, path);
	free(path);
	/* Nothing to draw is not an error: no chart (and no section in the report). */
	if (r != 0 || !t.cats.n || !c->nrows) {
		table_release(&t);
		return r < 0 ? -1 : 0;
	}
	height = title + (int)t.cats.n * panel_height(c);
	gpscript_style(&b);
	buf_adds(&b, "set multiplot\nset key outside bottom center horizontal samplen 1.5 "
		     "font ',12'\nset lmargin at screen 0.31\nset rmargin at screen 0.79\n"
		     "set xrange [0:1]\nset xtics (");
	for (i = 0; i <= 4; i++) {
		buf_reset(&line);
		buf_addf(&line, "%zu%%", 25 * i);
		if (i)
			buf_adds(&b, ", ");
		gpscript_quote_tic(&b, buf_str(&line));
		buf_addf(&b, " %.2f", 0.25 * (double)i);
	}
	buf_adds(&b, ")\nset grid xtics lc rgb '#e5e5e5' lw 1 dt 1\n");
	buf_reset(&line);
	buf_addf(&line, "Who is the target of each category: corpus %s; grouped by %s",
		 c->corpus, c->by);
	buf_adds(&b, "set label 101 ");
	gpscript_quote(&b, buf_str(&line));
	buf_adds(&b, " at screen 0.5, screen 1 offset 0,-1.2 center font ',15'\n");
	buf_adds(&b, "set label 102 ");
	gpscript_quote(&b, "share of each category's matches by the actors their sentence names "
		       "(targets_by_group.tsv has the intervals)");
	buf_adds(&b, " at screen 0.5, screen 1 offset 0,-2.5 center font ',12' tc rgb '#444444'\n");
	y = 1 - (double)title / height;
	for (cat = 0; cat < t.cats.n; cat++) {
		double h = (double)panel_height(c) / height;
		y -= h;
		add_panel(c, &t, cat, y, h, &b);
	}
	buf_adds(&b, "unset multiplot\n");
	ret = chart_render_files(c->outdir, "targets", c->formats, 1100, height, buf_str(&b));
	buf_release(&b);
	buf_release(&line);
	table_release(&t);
	return ret;
}

void targetchart_report(struct buf *h, const char *outdir)
{
	struct buf fig = BUF_INIT;

	/* Not drawn (no actor, no match): no section, as the table has no row. */
	if (html_chart_figure(&fig, outdir, "targets") > 0) {
		buf_release(&fig);
		return;
	}
	buf_adds(h, "<h2 id=\"targets\">Who is the target of each category</h2>\n");
	buf_add(h, fig.data, fig.len);
	buf_release(&fig);
	buf_adds(h, "\n<figcaption><strong>targets.svg</strong> (also targets.png). For each "
		    "category that is not an actor, the share of its counted matches that fall "
		    "in sentences naming only one actor, several actors, or none, per group, "
		    "with the group's articles and matches of the category; "
		    "targets_by_group.tsv has each share with its article-level 95% "
		    "interval.</figcaption>\n</figure>\n");
}
