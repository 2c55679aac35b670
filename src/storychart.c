/*
 * The charts of the report's "Same story" section (see storychart.h):
 * per-story index values by outlet, and the within-story effects beside
 * the pooled differences. Scripts built with gpscript, drawn by chart.c.
 */
#include "storychart.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "chart.h"
#include "fsutil.h"
#include "gpscript.h"
#include "runset.h"
#include "sort.h"
#include "storyset.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

/* The palette of charts.c (Okabe & Ito), in its order, so outlets look alike. */
static const char *const palette[] = {
	"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442",
};
#define NPALETTE (sizeof(palette) / sizeof(palette[0]))

/* A story's row shows this many articles of a group as small dots, beside its mean. */
#define STORYCHART_DOTS 30

/* The effects chart is of no one outlet: greys, not the outlets' colours. */
#define EFFECT_WITHIN "#222222"
#define EFFECT_POOLED "#888888"

/* A story's tic label: "label: top terms", cut to fit the margin. */
#define STORY_LABEL_MAX 40

static void title(struct buf *b, const struct storychart_opts *o, const char *what)
{
	struct buf line = BUF_INIT;

	buf_addf(&line, "Corpus: %s; grouped by %s", o->corpus, o->by);
	buf_adds(b, "set label 101 ");
	gpscript_quote(b, what);
	buf_adds(b, " at screen 0.5, screen 1 offset 0,-1.2 center font ',17'\n"
		    "set label 102 ");
	gpscript_quote(b, line.data);
	buf_adds(b, " at screen 0.5, screen 1 offset 0,-2.6 center font ',13' tc rgb '#444444'\n"
		    "set tmargin 5\nset grid xtics lc rgb '#e5e5e5' lw 1 dt 1\n"
		    "set key outside bottom center horizontal samplen 1 font ',13'\nset bmargin 7\n");
	buf_release(&line);
}

/*
 * Draws name.svg/png; with script NULL (nothing to draw) none, and an old
 * pair goes when the run commits (set owns them).
 */
static int draw(const struct storychart_opts *o, struct runset *set, const char *name,
		int height, const struct buf *script)
{
	struct buf file = BUF_INIT;

	if (set) {
		buf_addf(&file, "%s.svg", name);
		runset_owns(set, file.data);
		buf_reset(&file);
		buf_addf(&file, "%s.png", name);
		runset_owns(set, file.data);
	}
	buf_release(&file);
	return script ? chart_render_files(o->outdir, name, o->formats, 900, height,
					   buf_str(script)) : 0;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The groups shown of the shown stories (storyset.h), sorted, each once. */
static char **story_groups(const struct storyset *ss, size_t *n)
{
	char **v = xmalloc((ss->na + 1) * sizeof(*v));
	size_t i, j, k = 0, m = 0;

	for (i = 0; i < ss->ns; i++)
		for (j = 0; j < ss->s[i].nshown; j++)
			v[m++] = ss->a[ss->s[i].art[j]].group;
	sort_array(v, m, sizeof(*v), name_cmp);
	for (i = 0; i < m; i++)
		if (!k || strcmp(v[k - 1], v[i]))
			v[k++] = v[i];
	*n = k;
	return v;
}

/*
 * The data of group g: its mean on each shown story ($mN: value, row),
 * and up to STORYCHART_DOTS of its articles there ($aN). 1 when it has a
 * value.
 */
static int group_data(struct buf *b, const struct storyset *ss, const char *group, size_t g,
		      double *lo, double *hi)
{
	struct buf dots = BUF_INIT;
	size_t k, i;
	int any = 0;

	buf_addf(b, "$m%zu << EOD\n", g);
	for (k = 0; k < ss->ns; k++) {
		double sum = 0;
		size_t n = 0;

		for (i = 0; i < ss->s[k].nshown; i++) {
			const struct storyset_article *a = &ss->a[ss->s[k].art[i]];
			if (strcmp(a->group, group) || !a->index || isnan(a->index[0]))
				continue;
			sum += a->index[0];
			if (n++ < STORYCHART_DOTS) {
				gpscript_num(&dots, a->index[0]);
				buf_addf(&dots, " %zu\n", ss->ns - k);
				gpscript_extend(lo, hi, a->index[0]);
			}
		}
		if (!n)
			continue;
		gpscript_num(b, sum / (double)n);
		buf_addf(b, " %zu\n", ss->ns - k);
		any = 1;
	}
	buf_addf(b, "EOD\n$a%zu << EOD\n%sEOD\n", g, buf_str(&dots));
	buf_release(&dots);
	return any;
}

/* stories.svg: the first index of every shown article, a row per story, a colour per group. */
static int stories_chart(const struct storychart_opts *o, struct runset *set,
			 const struct storyset *ss)
{
	struct buf b = BUF_INIT, label = BUF_INIT, what = BUF_INIT;
	size_t ng, g, k;
	char **groups;
	double lo = 0, hi = 0, *mean;
	int ret = 0, any = 0, pooled = 0;

	if (!ss->ns || !ss->nindex)
		return draw(o, set, "stories", 0, NULL);
	groups = story_groups(ss, &ng);
	mean = xmalloc((ng + 1) * sizeof(*mean));
	gpscript_style(&b);
	buf_addf(&what, "%s of each article, by story and %s", ss->index[0], o->by);
	title(&b, o, what.data);
	buf_adds(&b, "set ytics (");
	for (k = 0; k < ss->ns; k++) {
		buf_reset(&label);
		buf_addf(&label, "%s%s%s", ss->s[k].label, ss->s[k].terms ? ": " : "",
			 ss->s[k].terms ? ss->s[k].terms : "");
		buf_reset(&what);
		gpscript_shorten(label.data, STORY_LABEL_MAX, &what);
		if (k)
			buf_adds(&b, ", ");
		gpscript_quote_tic(&b, what.data);
		buf_addf(&b, " %zu", ss->ns - k);
	}
	buf_addf(&b, ", 'all articles (mean)' 0) nomirror\nset yrange [-0.6:%zu.6]\n", ss->ns);
	gpscript_set_text(&b, "set xlabel", ss->index[0]);
	for (g = 0; g < ng; g++)
		if (group_data(&b, ss, groups[g], g, &lo, &hi))
			any = 1;
	/* Row 0, under a line: each group's mean over all its articles (outlets.tsv), in its colour. */
	if (storyset_pooled_means(o->indir, ss->index[0], groups, ng, mean) < 0)
		ret = -1;
	buf_adds(&b, "$pooled << EOD\n");
	for (g = 0; g < ng; g++)
		if (!isnan(mean[g])) {
			gpscript_num(&b, mean[g]);
			buf_addf(&b, " 0 %ld\n", strtol(palette[g % NPALETTE] + 1, NULL, 16));
			gpscript_extend(&lo, &hi, mean[g]);
			pooled = 1;
		}
	buf_adds(&b, "EOD\n");
	if (pooled)
		buf_adds(&b, "set arrow 1 from graph 0, first 0.5 to graph 1, first 0.5 nohead "
			    "lc rgb '#999999' lw 1 back\n");
	gpscript_xrange(&b, lo, hi, 0.08);
	gpscript_vline0(&b);
	buf_adds(&b, "plot ");
	for (g = 0; g < ng; g++) {
		if (g)
			buf_adds(&b, ", ");
		buf_addf(&b, "$a%zu using 1:2 with points pt 7 ps 0.5 lc rgb '%s' notitle, ", g,
			 palette[g % NPALETTE]);
		buf_addf(&b, "$m%zu using 1:2 with points pt 7 ps 1.6 lc rgb '%s' title ", g,
			 palette[g % NPALETTE]);
		gpscript_quote(&b, groups[g]);
	}
	if (pooled) {
		buf_adds(&b, ", $pooled using 1:2:3 with points pt 12 ps 2.2 lw 2 lc rgb variable notitle");
		buf_adds(&b, ", NaN with points pt 12 ps 2.2 lw 2 lc rgb '#444444' "
			    "title 'mean over all articles'");
	}
	buf_adds(&b, "\n");
	if (draw(o, set, "stories", any ? 260 + 50 * (int)(ss->ns + 1) + 22 * (int)(ng / 4) : 0,
		 any ? &b : NULL) < 0)
		ret = -1;
	free(mean);
	free(groups);
	buf_release(&b);
	buf_release(&label);
	buf_release(&what);
	return ret;
}

/* effects.svg: the effects on the first index, within stories and pooled. */
static int effects_chart(const struct storychart_opts *o, struct runset *set,
			 const struct storyset *ss)
{
	struct storyset_effect *e = NULL;
	struct buf b = BUF_INIT, within = BUF_INIT, pooled = BUF_INIT, what = BUF_INIT;
	size_t n = 0, i, rows = 0;
	double lo = 0, hi = 0;
	int r = ss->nindex && ss->ns ? storyset_effects(o->indir, &e, &n) : 1, ret;

	if (r < 0)
		return -1;
	gpscript_style(&b);
	buf_adds(&b, "set ytics (");
	for (i = 0; i < n; i++) {
		if (!storyset_effect_linear(&e[i]) || strcmp(e[i].metric, ss->index[0]) ||
		    isnan(e[i].estimate))
			continue;
		rows++;
		if (rows > 1)
			buf_adds(&b, ", ");
		gpscript_quote_tic(&b, e[i].outlet);
		buf_addf(&b, " %zu", rows);
		buf_addf(&within, "%zu ", rows);
		gpscript_num(&within, e[i].estimate);
		buf_addch(&within, ' ');
		gpscript_num(&within, isnan(e[i].lo) ? e[i].estimate : e[i].lo);
		buf_addch(&within, ' ');
		gpscript_num(&within, isnan(e[i].hi) ? e[i].estimate : e[i].hi);
		buf_addch(&within, '\n');
		gpscript_extend(&lo, &hi, e[i].estimate);
		gpscript_extend(&lo, &hi, e[i].lo);
		gpscript_extend(&lo, &hi, e[i].hi);
		if (!isnan(e[i].pooled)) {
			buf_addf(&pooled, "%zu ", rows);
			gpscript_num(&pooled, e[i].pooled);
			buf_addch(&pooled, '\n');
			gpscript_extend(&lo, &hi, e[i].pooled);
		}
	}
	if (!rows) {
		storyset_effects_free(e, n);
		buf_release(&b);
		return draw(o, set, "effects", 0, NULL);
	}
	buf_addf(&b, ") nomirror\nset yrange [0.4:%zu.6]\n", rows);
	buf_addf(&what, "%s against %s: within stories and pooled", ss->index[0], e[0].reference);
	title(&b, o, what.data);
	buf_reset(&what);
	buf_addf(&what, "difference in %s", ss->index[0]);
	gpscript_set_text(&b, "set xlabel", what.data);
	gpscript_xrange(&b, lo, hi, 0.08);
	gpscript_vline0(&b);
	buf_addf(&b, "$within << EOD\n%sEOD\n$pooled << EOD\n%sEOD\n", buf_str(&within),
		 buf_str(&pooled));
	buf_addf(&b, "plot $within using 2:1:3:4 with xerrorbars pt 7 ps 1.4 lw 2 lc rgb '%s' "
		 "title 'within stories, 95%% interval'", EFFECT_WITHIN);
	if (pooled.len)
		buf_addf(&b, ", $pooled using 2:1 with points pt 12 ps 1.8 lw 2 lc rgb '%s' "
			 "title 'pooled over all articles'", EFFECT_POOLED);
	buf_adds(&b, "\n");
	ret = draw(o, set, "effects", 260 + 60 * (int)rows, &b);
	storyset_effects_free(e, n);
	buf_release(&b);
	buf_release(&within);
	buf_release(&pooled);
	buf_release(&what);
	return ret;
}

int storychart_draw(const struct storychart_opts *o, struct runset *set)
{
	struct storyset ss = STORYSET_INIT;
	int ret;

	if (storyset_load(&ss, o->indir, o->grouping, o->within,
			  o->max_stories ? o->max_stories : STORYSET_MAX) < 0) {
		storyset_release(&ss);
		return -1;
	}
	ret = stories_chart(o, set, &ss);
	if (effects_chart(o, set, &ss) < 0)
		ret = -1;
	storyset_release(&ss);
	return ret;
}
