/*
 * framing chart: the figures of a run, drawn by gnuplot from the tables of
 * "framing score" and "framing stats". This file turns the tables into
 * gnuplot scripts; chart.c runs gnuplot. Every text that comes from the
 * data (outlet names, terms, categories, the corpus name) reaches gnuplot
 * through chart_quote only, and the data blocks hold numbers only.
 */
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chart.h"
#include "cmd.h"
#include "fsutil.h"
#include "parse.h"
#include "results.h"
#include "sort.h"
#include "stance.h"
#include "text.h"
#include "tsv.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

static const char usage[] =
	"usage: framing chart [-i DIR] [-o DIR] [--format svg,png] [--by COLUMN]\n"
	"                     [--corpus NAME]\n"
	"\n"
	"Draws the charts of a run with gnuplot, from scores.tsv, outlets.tsv and\n"
	"keyness.tsv in DIR (default output), each as SVG and PNG:\n"
	"  stance      mean stance per group with its 95% interval\n"
	"  categories  matches per 1,000 tokens per group and category\n"
	"  articles    the stance of every article, one dot each, by group\n"
	"  timeline    the stance of every article over its date\n"
	"  keyness     the 10 most distinctive words of each outlet (z)\n"
	"  voice       accusatory matches in the outlet's own voice vs quoted\n"
	"\n"
	"options:\n"
	"  -i, --input DIR    folder with the tables (default output)\n"
	"  -o, --output DIR   folder for the charts (default: the input folder)\n"
	"  --format LIST      svg, png or svg,png (default svg,png)\n"
	"  --by COLUMN        the scores.tsv column the stats were grouped by\n"
	"                     (default outlet; give the same as to framing stats)\n"
	"  --corpus NAME      the corpus name for the titles (default: the name\n"
	"                     of the input folder)\n"
	"\n"
	"Needs gnuplot (Debian/Ubuntu package gnuplot-nox).\n"
	"\n"
	"example: framing chart -i output --corpus seeds\n";

/* Okabe & Ito (2008), colour-blind safe; yellow last, it is faint on white. */
static const char *const palette[] = {
	"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442",
};
#define NPALETTE (sizeof(palette) / sizeof(palette[0]))
/* Filled point types of gnuplot, cycled with the colours beyond eight groups. */
static const int point_types[] = { 7, 5, 9, 11, 13, 15 };

struct chart_opts {
	const char *indir, *outdir, *by, *corpus;
	int formats;
};

struct keyterm {
	size_t group;
	char *term;
	double z;
	int lexicon;
};

struct chart_ctx {
	const struct chart_opts *o;
	struct res_outlets out;
	struct res_articles art;
	struct keyterm *key;
	size_t nkey;
	int have_key;
	size_t *order;		/* groups by mean stance, lowest first (drawn bottom up) */
	size_t *art_group;	/* group of each article, (size_t)-1 when not in outlets.tsv */
};

static const char *color_of(size_t g)
{
	return palette[g % NPALETTE];
}

static int point_of(size_t g)
{
	return point_types[(g / NPALETTE) % (sizeof(point_types) / sizeof(point_types[0]))];
}

/* ---- script pieces ---- */

static void add_str(struct buf *b, const char *cmd, const char *text)
{
	buf_adds(b, cmd);
	buf_addch(b, ' ');
	chart_quote(b, text);
	buf_addch(b, '\n');
}

/*
 * A title of two lines: what the chart shows, then the corpus and grouping.
 * Labels centred on the canvas, not on the plot (gnuplot's title is), so a
 * wide left margin of outlet names does not push them off the right edge.
 */
static void add_title(struct chart_ctx *c, struct buf *b, const char *what, const char *sub)
{
	struct buf line = BUF_INIT;

	buf_addf(&line, "Corpus: %s; grouped by %s", c->o->corpus, c->o->by);
	if (sub)
		buf_addf(&line, "; %s", sub);
	buf_adds(b, "set label 101 ");
	chart_quote(b, what);
	buf_adds(b, " at screen 0.5, screen 1 offset 0,-1.2 center font ',17'\n");
	buf_adds(b, "set label 102 ");
	chart_quote(b, line.data);
	buf_adds(b, " at screen 0.5, screen 1 offset 0,-2.6 center font ',13' tc rgb '#444444'\n"
		    "set tmargin 5\n");
	buf_release(&line);
}

/* The stance axis: the formula, and which side is which at its ends. */
static void add_stance_xaxis(struct buf *b)
{
	add_str(b, "set xlabel", "stance = " STANCE_FORMULA);
	buf_adds(b, "set label 103 ");
	chart_quote(b, "\xE2\x86\x90 more conciliatory");
	buf_adds(b, " at graph 0, graph 0 offset 0,-4.5 left font ',13' tc rgb '#444444'\n");
	buf_adds(b, "set label 104 ");
	chart_quote(b, "more accusatory \xE2\x86\x92");
	buf_adds(b, " at graph 1, graph 0 offset 0,-4.5 right font ',13' tc rgb '#444444'\n");
}

/* A tic step of 1, 2 or 5 times a power of ten giving about n tics over span. */
static double nice_step(double span, int n)
{
	double raw, mag, f;

	if (!(span > 0))
		return 1;
	raw = span / n;
	mag = pow(10, floor(log10(raw)));
	f = raw / mag;
	return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * mag;
}

static void add_common(struct buf *b)
{
	buf_adds(b, "set border 3 lw 1 lc rgb '#333333'\n"
		    "set tics nomirror out scale 0.6 textcolor rgb '#222222'\n"
		    "set style fill solid 0.85 noborder\n"
		    "set pointintervalbox 0\n"
		    "set key noautotitle\n");
}

static void short_term(const char *s, size_t max, struct buf *out);

/* Group names longer than this are cut on the charts (the report has them whole). */
#define NAME_MAX_CHARS 36

/* A group name as a chart shows it: cut with an ellipsis when long. */
static void add_group_name(struct buf *b, const char *name)
{
	struct buf cut = BUF_INIT;
	short_term(name, NAME_MAX_CHARS, &cut);
	chart_quote(b, cut.data);
	buf_release(&cut);
}

/* "NAME (3 articles)", the label of a group on an axis. */
static void group_label(struct chart_ctx *c, size_t g, struct buf *out)
{
	const struct res_stat *s = res_outlets_get(&c->out, g, "stance");
	double n = NAN;
	size_t m;

	if (s)
		n = s->articles;
	for (m = 0; isnan(n) && m < c->out.nmetrics; m++)
		n = c->out.stat[g * c->out.nmetrics + m].articles;
	short_term(c->out.groups[g], NAME_MAX_CHARS, out);
	if (!isnan(n))
		buf_addf(out, " (%.0f article%s)", n, n == 1 ? "" : "s");
}

/* ytics naming the groups in drawing order at 1..n. */
static void add_group_ytics(struct chart_ctx *c, struct buf *b)
{
	struct buf label = BUF_INIT;
	size_t i;

	buf_adds(b, "set ytics (");
	for (i = 0; i < c->out.ngroups; i++) {
		group_label(c, c->order[i], &label);
		if (i)
			buf_adds(b, ", ");
		chart_quote_tic(b, label.data);
		buf_addf(b, " %zu", i + 1);
	}
	buf_adds(b, ") nomirror\n");
	buf_addf(b, "set yrange [0.4:%zu.6]\n", c->out.ngroups);
	buf_release(&label);
}

static void add_vline0(struct buf *b)
{
	buf_adds(b, "set arrow from first 0, graph 0 to first 0, graph 1 nohead "
		    "lc rgb '#777777' lw 1 dt 2 back\n");
}

static void add_hline0(struct buf *b)
{
	buf_adds(b, "set arrow from graph 0, first 0 to graph 1, first 0 nohead "
		    "lc rgb '#777777' lw 1 dt 2 back\n");
}

static int group_height(size_t n)
{
	int h = 170 + 46 * (int)n;
	return h < 360 ? 360 : h;
}

/* ---- drawing ---- */

static int draw(struct chart_ctx *c, const char *name, int width, int height, const struct buf *script)
{
	static const struct { int fmt; const char *ext; } fmts[] = {
		{ CHART_SVG, "svg" }, { CHART_PNG, "png" },
	};
	size_t i;
	int ret = 0;

	for (i = 0; i < 2; i++) {
		struct buf file = BUF_INIT;
		char *path;

		if (!(c->o->formats & fmts[i].fmt))
			continue;
		buf_addf(&file, "%s.%s", name, fmts[i].ext);
		path = path_join(c->o->outdir, file.data);
		if (chart_render(path, (enum chart_format)fmts[i].fmt, width, height, buf_str(script)) < 0)
			ret = -1;
		free(path);
		buf_release(&file);
	}
	return ret;
}

/* Range [lo, hi] widened to hold v. */
static void extend(double *lo, double *hi, double v)
{
	if (isnan(v))
		return;
	if (v < *lo)
		*lo = v;
	if (v > *hi)
		*hi = v;
}

static void add_xrange(struct buf *b, double lo, double hi, double pad_right)
{
	double span = hi - lo;
	if (!(span > 0))
		span = 1;
	buf_adds(b, "set xrange [");
	chart_num(b, lo - 0.08 * span);
	buf_addch(b, ':');
	chart_num(b, hi + pad_right * span);
	buf_adds(b, "]\n");
}

static int chart_stance(struct chart_ctx *c)
{
	struct buf b = BUF_INIT, boot = BUF_INIT, tint = BUF_INIT, one = BUF_INIT, none = BUF_INIT;
	double lo = 0, hi = 0;
	size_t i;
	int ret;
	const char *sep = "";

	for (i = 0; i < c->out.ngroups; i++) {
		const struct res_stat *s = res_outlets_get(&c->out, c->order[i], "stance");
		struct buf *to;
		double l = NAN, h = NAN;

		if (!s || isnan(s->mean)) {
			to = &none;
		} else if (!isnan(s->boot_lo) && !isnan(s->boot_hi) && s->articles > 1) {
			to = &boot;
			l = s->boot_lo;
			h = s->boot_hi;
		} else if (!isnan(s->mean_lo) && !isnan(s->mean_hi)) {
			to = &tint;
			l = s->mean_lo;
			h = s->mean_hi;
		} else {
			to = &one;
		}
		if (to == &none)
			continue;
		extend(&lo, &hi, s->mean);
		extend(&lo, &hi, l);
		extend(&lo, &hi, h);
		buf_addf(to, "%zu ", i + 1);
		chart_num(to, s->mean);
		buf_addch(to, ' ');
		chart_num(to, isnan(l) ? s->mean : l);
		buf_addch(to, ' ');
		chart_num(to, isnan(h) ? s->mean : h);
		buf_addch(to, '\n');
	}
	add_common(&b);
	add_title(c, &b, "Mean stance by outlet, with 95% intervals", NULL);
	add_stance_xaxis(&b);
	add_group_ytics(c, &b);
	add_xrange(&b, lo, hi, 0.18);
	add_vline0(&b);
	buf_adds(&b, "set grid xtics lc rgb '#e5e5e5' lw 1 dt 1\n"
		     "set key outside bottom center vertical Left reverse samplen 2 font ',13'\n"
		     "set bmargin 9.5\n");
	buf_addf(&b, "$boot << EOD\n%sEOD\n$tint << EOD\n%sEOD\n$one << EOD\n%sEOD\n",
		 buf_str(&boot), buf_str(&tint), buf_str(&one));
	buf_adds(&b, "plot ");
	if (boot.len) {
		buf_addf(&b, "%s$boot using 2:1:3:4 with xerrorbars pt 7 ps 1.3 lw 2 lc rgb '%s' "
			 "title 'mean, 95%% bootstrap interval'", sep, palette[0]);
		sep = ", ";
	}
	if (tint.len) {
		buf_addf(&b, "%s$tint using 2:1:3:4 with xerrorbars pt 5 ps 1.2 lw 2 lc rgb '%s' "
			 "title 'mean, 95%% t-interval'", sep, palette[2]);
		sep = ", ";
	}
	if (one.len) {
		buf_addf(&b, "%s$one using 2:1 with points pt 6 ps 1.6 lw 2 lc rgb '%s' "
			 "title 'one article: its value, no interval'", sep, palette[1]);
		sep = ", ";
	}
	if (!*sep)
		buf_adds(&b, "NaN notitle");
	if (boot.len)
		buf_adds(&b, ", $boot using 2:1:(sprintf('%.2f', $2)) with labels offset 0,1.1 "
			 "font ',12' tc rgb '#333333' notitle");
	if (tint.len)
		buf_adds(&b, ", $tint using 2:1:(sprintf('%.2f', $2)) with labels offset 0,1.1 "
			 "font ',12' tc rgb '#333333' notitle");
	if (one.len)
		buf_adds(&b, ", $one using 2:1:(sprintf('%.2f', $2)) with labels offset 0,1.1 "
			 "font ',12' tc rgb '#333333' notitle");
	buf_addch(&b, '\n');
	ret = draw(c, "stance", 900, group_height(c->out.ngroups) + 90, &b);
	buf_release(&b);
	buf_release(&boot);
	buf_release(&tint);
	buf_release(&one);
	buf_release(&none);
	return ret;
}

static int chart_categories(struct chart_ctx *c)
{
	struct buf b = BUF_INIT;
	size_t g, k, K = c->out.ngroups, C = c->out.ncategories;
	double w = 0.8 / (double)(K ? K : 1);
	int ret;

	add_common(&b);
	add_title(c, &b, "Matches per 1,000 tokens by category and outlet",
		  "bars: pooled rate; whiskers: exact Poisson 95% interval");
	add_str(&b, "set ylabel", "matches per 1,000 tokens");
	buf_adds(&b, "set xtics (");
	for (k = 0; k < C; k++) {
		if (k)
			buf_adds(&b, ", ");
		chart_quote_tic(&b, c->out.categories[k]);
		buf_addf(&b, " %zu", k);
	}
	buf_adds(&b, ") nomirror scale 0\n");
	buf_addf(&b, "set xrange [-0.6:%f]\nset yrange [0:*]\n", (double)C - 0.4);
	buf_addf(&b, "set boxwidth %f absolute\n", w * 0.92);
	buf_adds(&b, "set grid ytics lc rgb '#e5e5e5' lw 1 dt 1\n"
		     "set key outside bottom center horizontal samplen 1.5 width 2\n");
	/* Groups alphabetically, as in outlets.tsv: colours match the other charts. */
	for (g = 0; g < K; g++) {
		buf_addf(&b, "$g%zu << EOD\n", g);
		for (k = 0; k < C; k++) {
			struct buf metric = BUF_INIT;
			const struct res_stat *s;

			buf_addf(&metric, "%s_rate", c->out.categories[k]);
			s = res_outlets_get(&c->out, g, metric.data);
			buf_release(&metric);
			if (!s || isnan(s->rate))
				continue;
			chart_num(&b, (double)k - 0.4 + w * ((double)g + 0.5));
			buf_addch(&b, ' ');
			chart_num(&b, s->rate);
			buf_addch(&b, ' ');
			chart_num(&b, isnan(s->rate_lo) ? s->rate : s->rate_lo);
			buf_addch(&b, ' ');
			chart_num(&b, isnan(s->rate_hi) ? s->rate : s->rate_hi);
			buf_addch(&b, '\n');
		}
		buf_adds(&b, "EOD\n");
	}
	buf_adds(&b, "plot ");
	for (g = 0; g < K; g++) {
		if (g)
			buf_adds(&b, ", ");
		buf_addf(&b, "$g%zu using 1:2 with boxes lc rgb '%s' title ", g, color_of(g));
		add_group_name(&b, c->out.groups[g]);
		/* Whiskers as plain segments: gnuplot's errorbars leave a gap at the point. */
		buf_addf(&b, ", $g%zu using 1:3:(0):($4 - $3) with vectors nohead lw 1.5 "
			 "lc rgb '#222222' notitle", g);
	}
	if (!K)
		buf_adds(&b, "NaN notitle");
	buf_addch(&b, '\n');
	ret = draw(c, "categories", 1000, 560, &b);
	buf_release(&b);
	return ret;
}

/* Deterministic jitter: the golden-ratio sequence spreads any number of dots. */
static double jitter(size_t k)
{
	double f = fmod((double)(k + 1) * 0.6180339887498949, 1.0);
	return (f - 0.5) * 0.5;
}

static int chart_articles(struct chart_ctx *c)
{
	struct buf b = BUF_INIT;
	size_t i, g, *seen = xcalloc(c->out.ngroups + 1, sizeof(size_t));
	double lo = 0, hi = 0;
	int ret;

	add_common(&b);
	add_title(c, &b, "Stance of every article, by outlet",
		  "one dot per article, bar: mean of the outlet");
	add_stance_xaxis(&b);
	add_group_ytics(c, &b);
	add_vline0(&b);
	buf_adds(&b, "set grid xtics lc rgb '#e5e5e5' lw 1 dt 1\n"
		     "set key outside bottom center horizontal samplen 1 font ',13'\n"
		     "set bmargin 8.5\n");
	buf_adds(&b, "$dots << EOD\n");
	for (i = 0; i < c->art.n; i++) {
		size_t pos;
		g = c->art_group[i];
		if (g == (size_t)-1 || isnan(c->art.a[i].stance))
			continue;
		for (pos = 0; c->order[pos] != g; pos++)
			;
		extend(&lo, &hi, c->art.a[i].stance);
		chart_num(&b, c->art.a[i].stance);
		buf_addch(&b, ' ');
		chart_num(&b, (double)(pos + 1) + jitter(seen[g]++));
		buf_addf(&b, " %zu\n", g);
	}
	buf_adds(&b, "EOD\n$means << EOD\n");
	for (i = 0; i < c->out.ngroups; i++) {
		const struct res_stat *s = res_outlets_get(&c->out, c->order[i], "stance");
		if (!s || isnan(s->mean))
			continue;
		chart_num(&b, s->mean);
		buf_addf(&b, " %zu\n", i + 1);
	}
	buf_adds(&b, "EOD\n");
	add_xrange(&b, lo, hi, 0.08);
	buf_adds(&b, "plot ");
	for (g = 0; g < c->out.ngroups; g++)
		buf_addf(&b, "$dots using 1:($3 == %zu ? $2 : NaN) with points pt %d ps 1.4 "
			 "lc rgb '%s' notitle, ", g, point_of(g), color_of(g));
	buf_adds(&b, "$means using 1:($2 - 0.32):(0):(0.64) with vectors nohead lw 3 "
		     "lc rgb '#000000' notitle, "
		     "keyentry with points pt 7 ps 1.4 lc rgb '#888888' title 'one article', "
		     "keyentry with lines lw 3 lc rgb '#000000' title 'mean of the outlet'\n");
	ret = draw(c, "articles", 900, group_height(c->out.ngroups) + 40, &b);
	buf_release(&b);
	free(seen);
	return ret;
}

/* Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
static long days_from_civil(long y, long m, long d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Days since 1970-01-01 of a YYYY-MM-DD date; -1 when it is not one. */
static int date_days(const char *s, double *days, long *year, long *month)
{
	long y, m, d;
	char tmp[5];

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	memcpy(tmp, s, 4);
	tmp[4] = '\0';
	if (parse_long(tmp, 1, 9999, &y) < 0)
		return -1;
	tmp[0] = s[5]; tmp[1] = s[6]; tmp[2] = '\0';
	if (parse_long(tmp, 1, 12, &m) < 0)
		return -1;
	tmp[0] = s[8]; tmp[1] = s[9];
	if (parse_long(tmp, 1, 31, &d) < 0)
		return -1;
	*days = (double)days_from_civil(y, m, d);
	*year = y;
	*month = m;
	return 0;
}

/*
 * Date tics at the first of a month or a year, at most about eight, so no
 * label repeats: "2014" when the dates span two years or more, else "2014-10".
 */
static void add_date_tics(struct buf *b, long y0, long m0, long y1, long m1)
{
	long months = (y1 - y0) * 12 + (m1 - m0) + 1, step, k, n = 0;

	buf_adds(b, "set xtics (");
	if (months > 24) {
		step = (y1 - y0 + 1 + 7) / 8;
		for (k = y0 + (m0 > 1); k <= y1 + 1; k += step, n++)
			buf_addf(b, "%s'%ld' %ld", n ? ", " : "", k, days_from_civil(k, 1, 1) * 86400);
	} else {
		step = (months + 7) / 8;
		for (k = y0 * 12 + m0 - 1; k <= y1 * 12 + m1; k += step, n++)
			buf_addf(b, "%s'%04ld-%02ld' %ld", n ? ", " : "", k / 12, k % 12 + 1,
				 days_from_civil(k / 12, k % 12 + 1, 1) * 86400);
	}
	buf_adds(b, ") nomirror\n");
}

static int chart_timeline(struct chart_ctx *c)
{
	struct buf b = BUF_INIT, sub = BUF_INIT;
	size_t i, g, undated = 0;
	double dlo = INFINITY, dhi = -INFINITY, slo = 0, shi = 0;
	long y0 = 0, m0 = 0, y1 = 0, m1 = 0;
	int ret;

	add_common(&b);
	buf_adds(&b, "$dots << EOD\n");
	for (i = 0; i < c->art.n; i++) {
		double days;
		long y, m;
		g = c->art_group[i];
		if (g == (size_t)-1 || isnan(c->art.a[i].stance))
			continue;
		if (date_days(c->art.a[i].date, &days, &y, &m) < 0) {
			undated++;
			continue;
		}
		if (days < dlo) {
			y0 = y;
			m0 = m;
		}
		if (days > dhi) {
			y1 = y;
			m1 = m;
		}
		extend(&dlo, &dhi, days);
		extend(&slo, &shi, c->art.a[i].stance);
		chart_num(&b, days * 86400);
		buf_addch(&b, ' ');
		chart_num(&b, c->art.a[i].stance);
		buf_addf(&b, " %zu\n", g);
	}
	buf_adds(&b, "EOD\n");
	if (undated)
		buf_addf(&sub, "%zu article%s without a date left out", undated, undated == 1 ? "" : "s");
	add_title(c, &b, "Stance of every article over time", undated ? sub.data : NULL);
	add_str(&b, "set ylabel", "stance (> 0: more accusatory)");
	add_str(&b, "set xlabel", "date of publication");
	buf_adds(&b, "set xdata time\nset timefmt '%s'\n");
	if (dhi >= dlo) {
		double pad = (dhi - dlo) * 0.05 + 15;
		add_date_tics(&b, y0, m0, y1, m1);
		buf_adds(&b, "set xrange [");
		chart_num(&b, (dlo - pad) * 86400);
		buf_addch(&b, ':');
		chart_num(&b, (dhi + pad) * 86400);
		buf_adds(&b, "]\n");
	}
	/* The zero line always shows; a range is never empty. */
	{
		double pad = shi > slo ? (shi - slo) * 0.1 : 0.5;
		buf_adds(&b, "set yrange [");
		chart_num(&b, slo - pad);
		buf_addch(&b, ':');
		chart_num(&b, shi + pad);
		buf_adds(&b, "]\n");
	}
	add_hline0(&b);
	buf_adds(&b, "set grid xtics ytics lc rgb '#e5e5e5' lw 1 dt 1\n"
		     "set key outside bottom center horizontal samplen 1 width 2 font ',13'\n"
		     "set bmargin 6\n");
	buf_adds(&b, "plot ");
	for (g = 0; g < c->out.ngroups; g++) {
		buf_addf(&b, "$dots using 1:($3 == %zu ? $2 : NaN) with points pt %d ps 1.5 "
			 "lc rgb '%s' title ", g, point_of(g), color_of(g));
		add_group_name(&b, c->out.groups[g]);
		buf_adds(&b, ", ");
	}
	buf_adds(&b, "NaN notitle\n");
	ret = draw(c, "timeline", 1000, 540, &b);
	buf_release(&b);
	buf_release(&sub);
	return ret;
}

static int keyterm_cmp(const void *pa, const void *pb)
{
	const struct keyterm *a = pa, *b = pb;
	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	if (a->z != b->z)
		return a->z > b->z ? -1 : 1;
	return strcmp(a->term, b->term);
}

static int load_keyness(struct chart_ctx *c)
{
	char *path = path_join(c->o->indir, "keyness.tsv");
	struct tsv *t;
	long cg, ct, cz, cl, cu;
	size_t alloc = 0;
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
		long g = res_outlets_group(&c->out, tsv_field(t, (size_t)cg));
		double z = res_number(tsv_field(t, (size_t)cz));
		struct keyterm *k;

		/* Words only: lexicon entries are counted again as entries. */
		if (g < 0 || isnan(z) || (cu >= 0 && strcmp(tsv_field(t, (size_t)cu), "token")))
			continue;
		ALLOC_GROW(c->key, c->nkey + 1, alloc);
		k = &c->key[c->nkey++];
		k->group = (size_t)g;
		k->term = xstrdup(tsv_field(t, (size_t)ct));
		k->z = z;
		k->lexicon = cl >= 0 && !strcmp(tsv_field(t, (size_t)cl), "1");
	}
	tsv_close(t);
	if (rc < 0)
		return -1;
	sort_array(c->key, c->nkey, sizeof(*c->key), keyterm_cmp);
	c->have_key = 1;
	return 0;
}

/* A term cut to at most max code points, with an ellipsis when cut. */
static void short_term(const char *s, size_t max, struct buf *out)
{
	size_t len = strlen(s), pos = 0, n = 0;
	int bad = 0;

	buf_reset(out);
	while (pos < len && n < max) {
		text_decode(s, len, &pos, &bad);
		n++;
	}
	buf_add(out, s, pos);
	if (pos < len)
		buf_adds(out, "\xE2\x80\xA6");
}

#define KEY_TOP 10

static int chart_keyness(struct chart_ctx *c)
{
	struct buf b = BUF_INIT, label = BUF_INIT;
	size_t g, i, K = c->out.ngroups, cols, rows, panel = 0, rank;
	double lo = 0, hi = 0;
	int ret, width, height;

	if (!K)
		return 0;
	cols = K < 3 ? K : 3;
	rows = (K + cols - 1) / cols;
	/* One x range for every panel, so the bars compare across outlets. */
	for (i = 0, rank = 0; i < c->nkey; i++) {
		rank = i > 0 && c->key[i - 1].group == c->key[i].group ? rank + 1 : 0;
		if (rank < KEY_TOP)
			extend(&lo, &hi, c->key[i].z);
	}
	add_common(&b);
	buf_adds(&b, "set multiplot layout ");
	buf_addf(&b, "%zu,%zu title ", rows, cols);
	{
		struct buf t = BUF_INIT;
		buf_addf(&t, "Corpus: %s; each outlet against all the others; "
			 "log-odds with informative Dirichlet prior", c->o->corpus);
		chart_quote(&b, "Words that set each outlet apart (top 10 by z)");
		buf_adds(&b, ".\"\\n\".");
		chart_quote(&b, t.data);
		buf_release(&t);
	}
	buf_adds(&b, " font ',16'\n");
	add_xrange(&b, lo, hi, 0.08);
	buf_adds(&b, "set xtics ");
	chart_num(&b, nice_step(hi - lo, 4));
	buf_addch(&b, '\n');
	add_vline0(&b);
	add_str(&b, "set xlabel", "z of the log-odds ratio");
	buf_addf(&b, "set yrange [0.4:%d.6]\n", KEY_TOP);
	buf_adds(&b, "set grid xtics lc rgb '#e5e5e5' lw 1 dt 1\n"
		     "set lmargin 17\nset rmargin 2\n");
	for (g = 0; g < K; g++, panel++) {
		size_t n = 0;

		buf_addf(&b, "unset key\n$k%zu << EOD\n", g);
		buf_adds(&label, "");
		for (i = 0; i < c->nkey; i++) {
			if (c->key[i].group != g || n >= KEY_TOP)
				continue;
			/* Rank 1 at the top: y = KEY_TOP - rank. */
			chart_num(&b, c->key[i].z / 2);
			buf_addf(&b, " %zu ", KEY_TOP - n);
			chart_num(&b, fabs(c->key[i].z) / 2);
			buf_addf(&b, " %d\n", c->key[i].lexicon);
			n++;
		}
		buf_adds(&b, "EOD\nset ytics (");
		for (i = 0, n = 0; i < c->nkey; i++) {
			if (c->key[i].group != g || n >= KEY_TOP)
				continue;
			short_term(c->key[i].term, 16, &label);
			if (n)
				buf_adds(&b, ", ");
			chart_quote_tic(&b, label.data);
			buf_addf(&b, " %zu", KEY_TOP - n);
			n++;
		}
		buf_adds(&b, ") scale 0 nomirror\n");
		buf_adds(&b, "set title ");
		add_group_name(&b, c->out.groups[g]);
		buf_adds(&b, " font ',15'\n");
		if (panel == 0)
			buf_adds(&b, "set key at screen 0.995, screen 0.995 right top vertical samplen 1 "
				     "font ',12'\n");
		buf_addf(&b, "plot $k%zu using 1:($4 == 1 ? $2 : NaN):3:(0.36) with boxxyerror "
			 "fs solid 0.9 noborder lc rgb '%s' title 'in a lexicon', "
			 "$k%zu using 1:($4 == 0 ? $2 : NaN):3:(0.36) with boxxyerror "
			 "fs solid 0.9 noborder lc rgb '%s' title 'not in a lexicon'\n",
			 g, palette[1], g, palette[5]);
	}
	buf_adds(&b, "unset multiplot\n");
	width = (int)cols * 440;
	height = (int)rows * 470 + 60;
	ret = draw(c, "keyness", width, height, &b);
	buf_release(&b);
	buf_release(&label);
	return ret;
}

static int chart_voice(struct chart_ctx *c, const char *cat)
{
	struct buf b = BUF_INIT, m_all = BUF_INIT, m_own = BUF_INIT, what = BUF_INIT;
	size_t i;
	double hi = 0, lo = 0;
	int ret;

	buf_addf(&m_all, "%s_rate", cat);
	buf_addf(&m_own, "%s_own_rate", cat);
	add_common(&b);
	buf_addf(&what, "Matches of '%s': in the outlet's own voice or quoted", cat);
	add_title(c, &b, what.data, "pooled over the articles of each outlet");
	buf_reset(&what);
	buf_addf(&what, "%s matches per 1,000 tokens", cat);
	add_str(&b, "set xlabel", what.data);
	add_group_ytics(c, &b);
	buf_adds(&b, "set grid xtics lc rgb '#e5e5e5' lw 1 dt 1\n"
		     "set key outside bottom center horizontal samplen 1.5 width 2 font ',13'\n"
		     "set bmargin 7\n$v << EOD\n");
	for (i = 0; i < c->out.ngroups; i++) {
		const struct res_stat *all = res_outlets_get(&c->out, c->order[i], m_all.data);
		const struct res_stat *own = res_outlets_get(&c->out, c->order[i], m_own.data);
		double q;

		if (!all || !own || isnan(all->rate) || isnan(own->rate))
			continue;
		q = all->rate - own->rate;
		extend(&lo, &hi, all->rate);
		/* y own_x own_half quoted_x quoted_half own_count quoted_count total */
		buf_addf(&b, "%zu ", i + 1);
		chart_num(&b, own->rate / 2);
		buf_addch(&b, ' ');
		chart_num(&b, own->rate / 2);
		buf_addch(&b, ' ');
		chart_num(&b, own->rate + q / 2);
		buf_addch(&b, ' ');
		chart_num(&b, q / 2);
		buf_addch(&b, ' ');
		chart_num(&b, own->count);
		buf_addch(&b, ' ');
		chart_num(&b, all->count - own->count);
		buf_addch(&b, ' ');
		chart_num(&b, all->rate);
		buf_addch(&b, '\n');
	}
	buf_adds(&b, "EOD\n");
	buf_adds(&b, "set xrange [0:");
	chart_num(&b, hi > 0 ? hi * 1.45 : 1);
	buf_adds(&b, "]\n");
	buf_addf(&b, "plot $v using 2:1:3:(0.3) with boxxyerror fs solid 0.9 noborder lc rgb '%s' "
		 "title 'own voice', "
		 "$v using 4:1:5:(0.3) with boxxyerror fs pattern 4 border lc rgb '%s' lc rgb '%s' "
		 "title 'in quotations', "
		 "$v using ($8):1:(sprintf('  %%d own, %%d quoted', $6, $7)) with labels left "
		 "font ',12' tc rgb '#333333' notitle\n", palette[1], palette[0], palette[0]);
	ret = draw(c, "voice", 900, group_height(c->out.ngroups) + 40, &b);
	buf_release(&b);
	buf_release(&m_all);
	buf_release(&m_own);
	buf_release(&what);
	return ret;
}

/* ---- setup ---- */

static struct chart_ctx *sort_ctx;

static int order_cmp(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	const struct res_stat *sa = res_outlets_get(&sort_ctx->out, a, "stance");
	const struct res_stat *sb = res_outlets_get(&sort_ctx->out, b, "stance");
	double ma = sa ? sa->mean : NAN, mb = sb ? sb->mean : NAN;

	/* Groups without a stance go to the bottom; ties by name. */
	if (isnan(ma) != isnan(mb))
		return isnan(ma) ? -1 : 1;
	if (!isnan(ma) && ma != mb)
		return ma < mb ? -1 : 1;
	return strcmp(sort_ctx->out.groups[b], sort_ctx->out.groups[a]);
}

static int load(struct chart_ctx *c)
{
	char *path;
	size_t i;
	int r;

	path = path_join(c->o->indir, "outlets.tsv");
	r = res_outlets_load(&c->out, path);
	free(path);
	if (r < 0)
		return -1;
	path = path_join(c->o->indir, "scores.tsv");
	r = res_articles_load(&c->art, path, c->o->by);
	free(path);
	if (r < 0)
		return -1;
	c->order = xmalloc((c->out.ngroups + 1) * sizeof(size_t));
	for (i = 0; i < c->out.ngroups; i++)
		c->order[i] = i;
	sort_ctx = c;
	sort_array(c->order, c->out.ngroups, sizeof(size_t), order_cmp);
	sort_ctx = NULL;
	c->art_group = xmalloc((c->art.n + 1) * sizeof(size_t));
	for (i = 0; i < c->art.n; i++) {
		long g = res_outlets_group(&c->out, c->art.a[i].group);
		c->art_group[i] = g < 0 ? (size_t)-1 : (size_t)g;
	}
	return 0;
}

static void ctx_release(struct chart_ctx *c)
{
	size_t i;
	res_outlets_release(&c->out);
	res_articles_release(&c->art);
	for (i = 0; i < c->nkey; i++)
		free(c->key[i].term);
	free(c->key);
	free(c->order);
	free(c->art_group);
}

static int parse_formats(const char *s, int *formats)
{
	*formats = 0;
	while (*s) {
		size_t n = strcspn(s, ",");
		if (n == 3 && !strncmp(s, "svg", 3))
			*formats |= CHART_SVG;
		else if (n == 3 && !strncmp(s, "png", 3))
			*formats |= CHART_PNG;
		else
			return -1;
		s += n;
		if (*s == ',')
			s++;
	}
	return *formats ? 0 : -1;
}

int cmd_chart(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "input", required_argument, NULL, 'i' },
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "by", required_argument, NULL, 'b' },
		{ "corpus", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct chart_opts o = { "output", NULL, "outlet", NULL, CHART_SVG | CHART_PNG };
	struct chart_ctx c;
	struct buf base = BUF_INIT;
	int ch, bad = 0;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "i:o:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'i': o.indir = optarg; break;
		case 'o': o.outdir = optarg; break;
		case 'b': o.by = optarg; break;
		case 'c': o.corpus = optarg; break;
		case 'f':
			if (parse_formats(optarg, &o.formats) < 0) {
				error("bad --format '%s': give svg, png or svg,png", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: fputs(usage, stderr); return EXIT_USAGE;
		}
	}
	if (optind != argc) {
		error("unexpected argument '%s'", argv[optind]);
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	if (!o.outdir)
		o.outdir = o.indir;
	if (!o.corpus)
		o.corpus = buf_base_name(o.indir, &base);

	memset(&c, 0, sizeof(c));
	c.o = &o;
	if (load(&c) < 0) {
		ctx_release(&c);
		buf_release(&base);
		return EXIT_USAGE;
	}
	/* Checked after the tables, before any file is written. */
	if (!chart_available()) {
		error("gnuplot not found: install the package gnuplot-nox "
		      "(apt-get install gnuplot-nox); no chart was drawn");
		ctx_release(&c);
		buf_release(&base);
		return EXIT_FAILED;
	}
	if (ensure_dir(o.outdir) < 0) {
		ctx_release(&c);
		buf_release(&base);
		return EXIT_FAILED;
	}
	if (load_keyness(&c) < 0)
		warning("no keyness chart: %s/keyness.tsv is missing or unreadable", o.indir);
	if (chart_stance(&c) < 0 || chart_categories(&c) < 0 || chart_articles(&c) < 0 ||
	    chart_timeline(&c) < 0)
		bad = 1;
	if (!bad && c.have_key && chart_keyness(&c) < 0)
		bad = 1;
	if (!bad) {
		if (res_outlets_get(&c.out, 0, STANCE_ACCUSATORY "_own_rate")) {
			if (chart_voice(&c, STANCE_ACCUSATORY) < 0)
				bad = 1;
		} else {
			warning("no voice chart: the lexicons have no category '" STANCE_ACCUSATORY "'");
		}
	}
	ctx_release(&c);
	buf_release(&base);
	return bad ? EXIT_FAILED : EXIT_OK;
}
