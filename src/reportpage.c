/*
 * The page of report.html (see reportpage.h): every section, one function
 * each, from the tables report_write loaded.
 */
#include "reportpage.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "boilerplate.h"
#include "fsutil.h"
#include "html.h"
#include "score.h"
#include "sha256.h"
#include "sort.h"
#include "storypage.h"
#include "targetchart.h"
#include "text.h"
#include "tsv.h"
#include "util.h"
#include "version.h"
#include "xalloc.h"
#include "banned.h"

/* From build/methods.c, made from README.md by scripts/methods-c. */
extern const char report_methods_md[];

static const char css[] =
	"body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','DejaVu Sans',"
	"sans-serif;color:#1a1a1a;background:#fff;margin:0}"
	"main{max-width:1120px;margin:0 auto;padding:24px 32px 64px}"
	"h1{font-size:1.9em;margin:.4em 0 .1em}h2{font-size:1.4em;margin:1.8em 0 .5em;"
	"border-bottom:2px solid #0072B2;padding-bottom:.15em}h3{font-size:1.1em;margin:1.2em 0 .4em}"
	".sub{color:#555;margin:0 0 1em}"
	/* A wide table (many categories and indices) scrolls, not the page. */
	"table{border-collapse:collapse;margin:.5em 0 1em;font-size:.92em;display:block;"
	"max-width:100%;overflow-x:auto}"
	"th,td{padding:.3em .6em;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}"
	"th{background:#f3f6f9;font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}"
	"tr.one td{background:#fff8ec}"
	".flag{display:inline-block;background:#D55E00;color:#fff;border-radius:3px;padding:0 .4em;"
	"font-size:.8em;margin-left:.4em;white-space:nowrap}"
	".ci{color:#555;white-space:nowrap}.na{color:#888;font-style:italic}"
	"td.id{white-space:nowrap;font-size:.85em}"
	"figure{margin:1.2em 0 2em;border:1px solid #e3e3e3;border-radius:4px;padding:12px}"
	"figure svg{display:block;width:100%;height:auto;max-width:100%}"
	"figcaption{color:#444;font-size:.92em;margin-top:.5em}"
	"mark{background:#ffe2c6;padding:0 .15em}"
	".ctx-l{text-align:right;color:#444;padding-right:0}.ctx-r{color:#444;padding-left:0}"
	"td.kw{padding-left:0;padding-right:0}"
	".tag{font-size:.8em;border-radius:3px;padding:0 .35em;white-space:nowrap}"
	".q{background:#d8ecf8;color:#004b75}.own{background:#fde3d1;color:#8a3300}"
	".neg{background:#eee;color:#555}"
	"code{font-family:'DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:.9em;"
	"background:#f4f4f4;padding:0 .2em}"
	".warn li{margin:.3em 0}.hash{font-family:'DejaVu Sans Mono',monospace;font-size:.8em;"
	"word-break:break-all}"
	"nav a{margin-right:1em}";
/* Added when groups are pooled (results.h), so the page of a few groups stays as it was. */
static const char css_many[] =
	"tr.others td{background:#f2f2f2;font-style:italic}"
	"details{margin:.3em 0}summary{cursor:pointer;color:#0072B2}"
	"table.every{font-size:.8em}table.every td,table.every th{padding:.1em .5em}";

static void section(struct report_page *p, const char *id, const char *title)
{
	buf_addf(&p->h, "<h2 id=\"%s\">", id);
	html_escape(&p->h, title);
	buf_adds(&p->h, "</h2>\n");
}

static double group_articles(const struct report_page *p, size_t g)
{
	return res_group_articles(&p->out, g);
}

static double group_tokens(const struct report_page *p, size_t g)
{
	return res_group_tokens(&p->out, g);
}

/* The head of a table of groups: name, articles, tokens, a rate per category, each index. */
static void summary_head(struct report_page *p, const char *cls)
{
	struct buf *h = &p->h;
	size_t k;

	buf_addf(h, "<table%s><thead><tr><th>", cls);
	html_escape(h, report_by_label(p->o));
	buf_adds(h, "</th><th class=\"n\">articles</th><th class=\"n\">tokens</th>");
	for (k = 0; k < p->out.ncategories; k++) {
		buf_adds(h, "<th class=\"n\">");
		html_escape(h, p->out.categories[k]);
		buf_adds(h, "</th>");
	}
	for (k = 0; k < p->ix.n; k++) {
		buf_adds(h, "<th class=\"n\">");
		html_escape(h, p->ix.ix[k].name);
		buf_adds(h, "</th>");
	}
	buf_adds(h, "</tr></thead>\n<tbody>\n");
}

/* The row of "all others" (results.h): pooled rates, the mean of their articles, no interval. */
static void summary_others(struct report_page *p)
{
	struct buf *h = &p->h, metric = BUF_INIT;
	size_t k;

	buf_adds(h, "<tr class=\"others\"><td>" RES_OTHERS " (");
	res_add_count(h, (double)p->sel.nothers);
	buf_addf(h, " group%s)</td><td class=\"n\">", p->sel.nothers == 1 ? "" : "s");
	html_num(h, p->sel.others_articles, 0);
	buf_adds(h, "</td><td class=\"n\">");
	for (k = 0; k < p->out.ncategories; k++) {
		struct res_stat s;
		buf_reset(&metric);
		buf_addf(&metric, "%s_rate", p->out.categories[k]);
		s = res_others(&p->out, &p->sel, metric.data);
		if (!k)
			html_num(h, s.tokens, 0);
		if (!k)
			buf_adds(h, "</td>");
		buf_adds(h, "<td class=\"n\">");
		html_num(h, s.rate, 1);
		buf_adds(h, "</td>");
	}
	if (!p->out.ncategories)
		buf_adds(h, "NA</td>");
	for (k = 0; k < p->ix.n; k++) {
		struct res_stat st = res_others(&p->out, &p->sel, p->ix.ix[k].name);
		buf_adds(h, "<td class=\"n\">");
		html_num(h, st.mean, 2);
		buf_adds(h, "</td>");
	}
	buf_adds(h, "</tr>\n");
	buf_release(&metric);
}

static const struct res_outlets *every_ctx;
static double *every_key;

/* By the key (NAN last), largest first, or by name when there is no key. */
static int every_cmp(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	int c;

	if (every_key) {
		double ka = every_key[a], kb = every_key[b];
		if (isnan(ka) != isnan(kb))
			return isnan(ka) ? 1 : -1;
		if (!isnan(ka) && ka != kb)
			return ka > kb ? -1 : 1;
	}
	c = strcmp(every_ctx->groups[a], every_ctx->groups[b]);
	return c ? c : (a < b ? -1 : a > b);
}

/*
 * Every group in one compact table (values without intervals: outlets.tsv
 * has them), in a details element so the page opens short; one per order
 * a reader may want, since a static page cannot sort a table.
 */
static void every_table(struct report_page *p, const char *order, double *key, int open)
{
	struct buf *h = &p->h, metric = BUF_INIT;
	size_t i, k, *idx = xmalloc((p->out.ngroups + 1) * sizeof(size_t));
	const struct res_stat **rate = xmalloc((p->out.ncategories + 1) * sizeof(*rate));

	for (i = 0; i < p->out.ngroups; i++)
		idx[i] = i;
	every_ctx = &p->out;
	every_key = key;
	sort_array(idx, p->out.ngroups, sizeof(size_t), every_cmp);
	every_ctx = NULL;
	every_key = NULL;
	buf_addf(h, "<details%s><summary>Every group (", open ? " open" : "");
	res_add_count(h, (double)p->out.ngroups);
	buf_addf(h, "), %s</summary>\n", order);
	summary_head(p, " class=\"every\"");
	for (i = 0; i < p->out.ngroups; i++) {
		size_t g = idx[i];

		buf_adds(h, "<tr><td>");
		html_escape(h, p->out.groups[g]);
		buf_adds(h, "</td><td class=\"n\">");
		html_num(h, group_articles(p, g), 0);
		buf_adds(h, "</td><td class=\"n\">");
		html_num(h, group_tokens(p, g), 0);
		buf_adds(h, "</td>");
		for (k = 0; k < p->out.ncategories; k++) {
			buf_reset(&metric);
			buf_addf(&metric, "%s_rate", p->out.categories[k]);
			rate[k] = res_outlets_get(&p->out, g, metric.data);
			buf_adds(h, "<td class=\"n\">");
			html_num(h, rate[k] ? rate[k]->rate : NAN, 1);
			buf_adds(h, "</td>");
		}
		for (k = 0; k < p->ix.n; k++) {
			const struct res_stat *st = res_outlets_get(&p->out, g, p->ix.ix[k].name);
			buf_adds(h, "<td class=\"n\">");
			html_num(h, st ? st->mean : NAN, 2);
			buf_adds(h, "</td>");
		}
		buf_adds(h, "</tr>\n");
	}
	buf_adds(h, "</tbody></table>\n</details>\n");
	free(idx);
	free(rate);
	buf_release(&metric);
}

/* The full tables under the summary of the groups shown: by articles, by the first index, by name. */
static void summary_every(struct report_page *p)
{
	double *key = xmalloc((p->out.ngroups + 1) * sizeof(double));
	struct buf order = BUF_INIT;
	size_t g;

	buf_adds(&p->h, "<p>The table above shows the ");
	res_selection_say(&p->out, &p->sel, &p->h);
	buf_adds(&p->h, " (as the charts; <code>--max-groups</code> or <code>--groups</code> "
		      "choose others). The row '" RES_OTHERS "' pools them: each rate is their "
		      "matches over their tokens");
	if (p->ix.n)
		buf_adds(&p->h, ", an index the mean over their articles");
	buf_adds(&p->h, "; it has no "
		      "interval, as its articles come from many groups. Every group is listed "
		      "below, in three orders (a page without script cannot sort a table); "
		      "outlets.tsv has the intervals.</p>\n");
	for (g = 0; g < p->out.ngroups; g++)
		key[g] = group_articles(p, g);
	every_table(p, "largest first by articles", key, 0);
	if (p->ix.n) {
		const struct charts_index *ix = &p->ix.ix[0];
		for (g = 0; g < p->out.ngroups; g++) {
			const struct res_stat *st = res_outlets_get(&p->out, g, ix->name);
			key[g] = st ? st->mean : NAN;
		}
		buf_addf(&order, "%s first by mean %s", ix->pos, ix->name);
		every_table(p, order.data, key, 0);
	}
	every_table(p, "by name", NULL, 0);
	buf_release(&order);
	free(key);
}

/*
 * What each index is, after the rates in the summary's text: "stance is
 * the mean over articles of log((A + 0.5) / (B + 0.5)), positive when A
 * outweighs B"; or the one line that says there is none.
 */
static void summary_indices(struct report_page *p)
{
	struct buf *h = &p->h;
	size_t k;

	if (!p->ix.n) {
		buf_adds(h, p->ix.declared
			    ? " The lexicons declare no index (an <code>@index</code> line of a "
			      "lexicon declares one), so there is no index column and no index chart."
			    : " outlets.tsv has no index, so there is no index column and no index "
			      "chart.");
		return;
	}
	for (k = 0; k < p->ix.n; k++) {
		const struct lexdecl_index *d = p->ix.declared
			? lexdecl_index(&p->decl, p->ix.ix[k].name) : NULL;
		struct buf f = BUF_INIT;

		buf_adds(h, " <code>");
		html_escape(h, p->ix.ix[k].name);
		buf_adds(h, "</code> is the mean over articles of ");
		if (d) {
			lexdecl_index_formula(d, &f);
			html_escape(h, f.data);
			buf_adds(h, ", positive when ");
			html_escape(h, d->a);
			buf_adds(h, " outweighs ");
			html_escape(h, d->b);
		} else {
			buf_adds(h, "its column of scores.tsv");
		}
		buf_adds(h, ", with its 95% t-interval.");
		buf_release(&f);
	}
	buf_adds(h, " outlets.tsv also has a BCa bootstrap interval of each index, which covers "
		    "too little in small groups.");
}

static void write_summary(struct report_page *p)
{
	struct buf *h = &p->h, metric = BUF_INIT;
	size_t g, i, k, ones = 0;

	section(p, "summary", "Summary by group");
	buf_adds(h, "<p>Rates are matches per 1,000 tokens, pooled over the group's articles, "
		    "with an article-level 95% interval (from the sandwich (HC1) standard error "
		    "of the log rate, which allows for matches that come in bursts within "
		    "articles; outlets.tsv keeps the exact Poisson interval, which does not, "
		    "beside it; a group of one article or without matches has no article-level "
		    "interval).");
	summary_indices(p);
	buf_adds(h, "</p>\n");
	summary_head(p, "");
	for (i = 0; i < p->sel.nshown; i++) {
		double n;
		int one;

		g = p->sel.shown[i];
		n = group_articles(p, g);
		one = n == 1;

		ones += one;
		buf_addf(h, "<tr%s><td>", one ? " class=\"one\"" : "");
		html_escape(h, p->out.groups[g]);
		if (one)
			buf_adds(h, "<span class=\"flag\">one article</span>");
		buf_adds(h, "</td><td class=\"n\">");
		html_num(h, n, 0);
		buf_adds(h, "</td><td class=\"n\">");
		html_num(h, group_tokens(p, g), 0);
		buf_adds(h, "</td>");
		for (k = 0; k < p->out.ncategories; k++) {
			const struct res_stat *s;
			buf_reset(&metric);
			buf_addf(&metric, "%s_rate", p->out.categories[k]);
			s = res_outlets_get(&p->out, g, metric.data);
			buf_adds(h, "<td class=\"n\">");
			if (s) {
				html_num(h, s->rate, 1);
				buf_adds(h, "<br>");
				html_interval(h, s->rate_lo, s->rate_hi, 1);
			} else {
				buf_adds(h, "NA");
			}
			buf_adds(h, "</td>");
		}
		for (k = 0; k < p->ix.n; k++) {
			const struct res_stat *st = res_outlets_get(&p->out, g, p->ix.ix[k].name);
			buf_adds(h, "<td class=\"n\">");
			if (st) {
				html_num(h, st->mean, 2);
				buf_adds(h, "<br>");
				html_interval(h, st->mean_lo, st->mean_hi, 2);
			} else {
				buf_adds(h, "NA");
			}
			buf_adds(h, "</td>");
		}
		buf_adds(h, "</tr>\n");
	}
	if (p->sel.nothers)
		summary_others(p);
	buf_adds(h, "</tbody></table>\n");
	if (res_selection_partial(&p->sel))
		summary_every(p);
	for (g = 0, ones = 0; g < p->out.ngroups; g++)
		ones += group_articles(p, g) == 1;
	if (ones)
		buf_addf(h, "<p><span class=\"flag\">one article</span> %zu group%s rest%s on a single "
			 "article: the values are that article's, there is no interval, and "
			 "comparisons with %s cannot use Welch's test, Cohen's d or the "
			 "article-level rate-ratio test.</p>\n",
			 ones, ones == 1 ? "" : "s", ones == 1 ? "s" : "", ones == 1 ? "it" : "them");
	buf_release(&metric);
}

static const struct {
	const char *name, *caption;
} charts[] = {
	{ "categories", "Matches per 1,000 tokens per group and category, pooled, with "
			"article-level 95% intervals (HC1, as in the summary; none for a "
			"group of one article or without matches)." },
	/* A format (the first index, twice): its percent sign is doubled. */
	{ "timeline", "The %s of every article over its date of publication. A group "
		      "with 20 dated articles or more has a trend: the mean %s over a "
		      "centred window of a quarter of the corpus's date span, where the window "
		      "holds 5 articles or more, with the 95%% t-interval of that mean as a band "
		      "(trend.tsv has the numbers)." },
	{ "keyness", "The ten words that most set each outlet apart from all the others "
		     "(z of the log-odds ratio with an informative Dirichlet prior); words "
		     "written exactly as a lexicon entry that matched are marked." },
	{ "voice", "Matches per 1,000 tokens of each category that matched, split into the "
		   "group's own voice and quotations, with the counts: a panel per category." },
};

/* The caption of chart name into out; empty for a chart this page does not know. */
static void chart_caption(const struct report_page *p, const char *name, struct buf *out)
{
	size_t i;

	for (i = 0; i < p->ix.n; i++) {
		const struct charts_index *ix = &p->ix.ix[i];
		if (!strcmp(name, ix->file)) {
			buf_addf(out, "Mean %s per group with its 95%% t-interval (%s). Open "
				 "circles: groups of one article, no interval.", ix->name,
				 ix->formula);
			return;
		}
		if (!strcmp(name, ix->articles_file)) {
			buf_addf(out, "The %s of every article (one dot each, jittered "
				 "vertically) and the group mean (bar).", ix->name);
			return;
		}
	}
	for (i = 0; i < sizeof(charts) / sizeof(charts[0]); i++)
		if (!strcmp(charts[i].name, name)) {
			/* The timeline shows the first index. */
			const char *first = p->ix.n ? p->ix.ix[0].name : "index";
			if (strstr(charts[i].caption, "%s"))
				buf_addf(out, charts[i].caption, first, first);
			else
				buf_adds(out, charts[i].caption);
			return;
		}
}

/* Chart name's figure: its SVG inline, or a line saying it is missing. */
static void chart_figure(struct report_page *p, const char *name)
{
	struct buf caption = BUF_INIT;

	if (html_chart_figure(&p->h, p->o->outdir, name) > 0) {
		buf_adds(&p->h, "<figure id=\"chart-");
		html_escape(&p->h, name);
		buf_adds(&p->h, "\">\n<p class=\"na\">This chart was not drawn.</p>\n");
	}
	buf_adds(&p->h, "\n<figcaption><strong>");
	html_escape(&p->h, name);
	buf_adds(&p->h, ".svg</strong> (also ");
	html_escape(&p->h, name);
	buf_adds(&p->h, ".png). ");
	chart_caption(p, name, &caption);
	html_escape(&p->h, buf_str(&caption));
	buf_adds(&p->h, "</figcaption>\n</figure>\n");
	buf_release(&caption);
}

/*
 * The charts chart wrote, as its charts.tsv lists them in order; one not
 * drawn has a line saying why ("No timeline chart: no article has a
 * date."). -1 when there is no charts.tsv (a run of an older framing).
 */
static int charts_listed(struct report_page *p)
{
	char *path = path_join(p->o->outdir, "charts.tsv");
	struct tsv *t = access(path, F_OK) == 0 ? tsv_open(path) : NULL;
	long cc, cd, cn;
	int rc;

	free(path);
	if (!t)
		return -1;
	cc = tsv_column(t, "chart");
	cd = tsv_column(t, "drawn");
	cn = tsv_column(t, "note");
	if (cc < 0 || cd < 0 || cn < 0) {
		tsv_close(t);
		return -1;
	}
	while ((rc = tsv_next(t)) > 0) {
		const char *name = tsv_field(t, (size_t)cc), *note = tsv_field(t, (size_t)cn);

		if (!strcmp(tsv_field(t, (size_t)cd), "1")) {
			chart_figure(p, name);
			continue;
		}
		buf_adds(&p->h, "<p class=\"na missing\" id=\"chart-");
		html_escape(&p->h, name);
		buf_adds(&p->h, "\">No ");
		html_escape(&p->h, name);
		buf_adds(&p->h, " chart: ");
		html_escape(&p->h, note);
		buf_adds(&p->h, ".</p>\n");
	}
	tsv_close(t);
	return rc < 0 ? -1 : 0;
}

/* As CHARTS_BARS_MAX (charts.h): beyond it the categories chart is a ranking. */
#define CHARTS_BARS_MAX_REPORT 25

static void write_charts(struct report_page *p)
{
	size_t i;

	section(p, "charts", "Charts");
	if (res_selection_partial(&p->sel)) {
		buf_adds(&p->h, "<p>The charts show the ");
		res_selection_say(&p->out, &p->sel, &p->h);
		buf_adds(&p->h, ", as their subtitles say: a chart of thousands of groups "
			    "cannot be read. 'All others' is drawn in grey, without an interval; "
			    "the keyness chart has a panel for each group shown only.");
		if (p->out.ngroups > CHARTS_BARS_MAX_REPORT)
			buf_addf(&p->h, " With more than %d groups, categories.svg ranks the groups "
				 "(a dot per group with its interval, sorted by the rate) instead of "
				 "drawing bars.", CHARTS_BARS_MAX_REPORT);
		buf_adds(&p->h, "</p>\n");
	}
	if (charts_listed(p) == 0)
		return;
	/* A chart run of an older framing: the charts it drew, in their order. */
	for (i = 0; i < p->ix.n; i++)
		chart_figure(p, p->ix.ix[i].file);
	chart_figure(p, "categories");
	for (i = 0; i < p->ix.n; i++)
		chart_figure(p, p->ix.ix[i].articles_file);
	for (i = 1; i < sizeof(charts) / sizeof(charts[0]); i++)
		chart_figure(p, charts[i].name);
}

/*
 * The note words framing stats writes when a rank test's groups differ in
 * article length (two-sample KS on tokens): Mann-Whitney and
 * Kruskal-Wallis then compare length as much as rates or stance, and the
 * report does not cite them.
 */
#define LENGTHS_DIFFER "article lengths differ"

static const char *const cmp_names[] = {
	"group_a", "group_b", "metric", "n_a", "n_b", "mean_a", "mean_b", "diff", "welch_p",
	"cohens_d", "rate_ratio", "rr_lo", "rr_hi", "rr_p", "p_holm", "note",
};
enum { GA, GB, MET, NA_, NB, MA, MB, DIFF, WP, D, RR, RRLO, RRHI, RRP, PH, NOTE, NCOL };

/* Whether compare.tsv's metric is a rate (rate-ratio test) or an index (Welch). */
static int is_rate_metric(const char *metric)
{
	size_t n = strlen(metric);
	return n > 5 && !strcmp(metric + n - 5, "_rate");
}

/*
 * The group compare.tsv pits a group against when there are too many for
 * every pair (framing stats): the rest of the corpus.
 */
#define REST_GROUP "(rest)"

/*
 * A's or b's pooled rate of metric from outlets.tsv, NAN when there is
 * none; for b = "(rest)", the pooled rate of every group but a.
 */
static double pooled_rate(const struct report_page *p, const char *group, const char *metric,
			  const char *other)
{
	long g;

	if (!strcmp(group, REST_GROUP) && res_outlets_group(&p->out, REST_GROUP) < 0) {
		g = res_outlets_group(&p->out, other);
		return g < 0 ? NAN : res_rest_rate(&p->out, (size_t)g, metric);
	}
	g = res_outlets_group(&p->out, group);
	const struct res_stat *s = g < 0 ? NULL : res_outlets_get(&p->out, (size_t)g, metric);
	return s ? s->rate : NAN;
}

static double cmp_num(struct tsv *t, const long *c, int k)
{
	return res_number(tsv_field(t, (size_t)c[k]));
}

/*
 * One row of the table: rates by the article-level rate ratio with its
 * interval and rr_p, an index by the difference of means, Cohen's
 * d and Welch's p; p (Holm) in both.
 */
static void comparison_row(struct report_page *p, struct tsv *t, const long *c)
{
	struct buf *h = &p->h;
	const char *metric = tsv_field(t, (size_t)c[MET]);
	int rate = is_rate_metric(metric);

	buf_adds(h, "<tr><td>");
	html_escape(h, tsv_field(t, (size_t)c[GA]));
	buf_adds(h, "</td><td>");
	html_escape(h, tsv_field(t, (size_t)c[GB]));
	buf_adds(h, "</td><td>");
	html_escape(h, metric);
	buf_adds(h, "</td><td class=\"n\">");
	html_escape(h, tsv_field(t, (size_t)c[NA_]));
	buf_adds(h, " / ");
	html_escape(h, tsv_field(t, (size_t)c[NB]));
	buf_adds(h, "</td><td class=\"n\">");
	if (rate) {
		html_num(h, pooled_rate(p, tsv_field(t, (size_t)c[GA]), metric, NULL), 2);
		buf_adds(h, " / ");
		html_num(h, pooled_rate(p, tsv_field(t, (size_t)c[GB]), metric,
					tsv_field(t, (size_t)c[GA])), 2);
		buf_adds(h, "</td><td>rate ratio ");
		html_num(h, cmp_num(t, c, RR), 2);
		buf_addch(h, ' ');
		html_interval(h, cmp_num(t, c, RRLO), cmp_num(t, c, RRHI), 2);
		buf_adds(h, "</td><td>article-level rate ratio (HC1)</td><td class=\"n\">");
		html_pval(h, cmp_num(t, c, RRP));
	} else {
		html_num(h, cmp_num(t, c, MA), 2);
		buf_adds(h, " / ");
		html_num(h, cmp_num(t, c, MB), 2);
		buf_adds(h, "</td><td>difference ");
		html_num(h, cmp_num(t, c, DIFF), 2);
		buf_adds(h, ", d = ");
		html_num(h, cmp_num(t, c, D), 2);
		buf_adds(h, "</td><td>Welch's t</td><td class=\"n\">");
		html_pval(h, cmp_num(t, c, WP));
	}
	buf_adds(h, "</td><td class=\"n\">");
	html_pval(h, cmp_num(t, c, PH));
	buf_adds(h, "</td></tr>\n");
}

/* Rows of the pairwise table at most: thousands of groups give thousands of rows. */
#define PAIRS_LISTED 200

static void write_pairs(struct report_page *p)
{
	struct buf *h = &p->h;
	char *path = path_join(p->o->outdir, "compare.tsv");
	struct tsv *t = tsv_open(path);
	long c[NCOL];
	size_t i, rows = 0, family = 0, shown = 0, lengths = 0, rest = 0;
	int rc;

	free(path);
	if (!t) {
		buf_adds(h, "<p class=\"na\">compare.tsv could not be read.</p>\n");
		return;
	}
	for (i = 0; i < NCOL; i++)
		c[i] = tsv_column(t, cmp_names[i]);
	for (i = 0; i < NCOL; i++)
		if (c[i] < 0) {
			buf_adds(h, "<p class=\"na\">compare.tsv lacks columns.</p>\n");
			tsv_close(t);
			return;
		}
	buf_adds(h, "<p>Rates (matches per 1,000 tokens) are compared by the rate ratio of the "
		    "pooled rates with its article-level 95% interval and test (<code>rr_lo</code>, "
		    "<code>rr_hi</code>, <code>rr_p</code>: the sandwich (HC1) standard error of the "
		    "log ratio, which holds when matches come in bursts within articles)");
	if (p->ix.n)
		buf_addf(h, "; %s compared by Welch's t-test of the per-article means "
			 "(<code>welch_p</code>)", p->ix.n == 1 ? "the index is" : "each index is");
	buf_adds(h, ". <code>p (Holm)</code> is Holm's adjustment of those "
		    "p-values over one family of comparisons (the rows of compare.tsv with a "
		    "<code>p_holm</code>; README, Methods, says which). A pair in which a group "
		    "has one article or no matches has no article-level rate test and is left "
		    "out of the family (compare.tsv keeps the exact Poisson interval, which "
		    "assumes independent matches). Rows with "
		    "p (Holm) &lt; 0.05:</p>\n");
	while ((rc = tsv_next(t)) > 0) {
		double ph = cmp_num(t, c, PH);
		rows++;
		rest += !strcmp(tsv_field(t, (size_t)c[GB]), REST_GROUP);
		if (strstr(tsv_field(t, (size_t)c[NOTE]), LENGTHS_DIFFER))
			lengths++;
		if (isnan(ph))
			continue;
		/* A rate row is shown only with its article-level ratio and test. */
		if (is_rate_metric(tsv_field(t, (size_t)c[MET])) &&
		    (isnan(cmp_num(t, c, RR)) || isnan(cmp_num(t, c, RRP))))
			continue;
		family++;
		if (!(ph < 0.05))
			continue;
		if (shown++ >= PAIRS_LISTED)
			continue;
		if (shown == 1)
			buf_adds(h, "<table><thead><tr><th>group a</th><th>group b</th><th>metric</th>"
				    "<th class=\"n\">n a / b</th><th class=\"n\">a / b</th>"
				    "<th>effect [95%]</th><th>test</th><th class=\"n\">p</th>"
				    "<th class=\"n\">p (Holm)</th></tr></thead><tbody>\n");
		comparison_row(p, t, c);
	}
	tsv_close(t);
	if (!shown)
		buf_addf(h, "<p>None: no pairwise difference reaches p &lt; 0.05 after Holm's "
			 "adjustment. Of %zu rows of compare.tsv (pairs of groups &times; metrics), "
			 "%zu are in the family and could be tested; the note column says why the "
			 "others are not.</p>\n", rows, family);
	else
		buf_addf(h, "</tbody></table>\n<p>%zu of the %zu comparisons in the family reach "
			 "p &lt; 0.05 after Holm's adjustment (%zu rows in compare.tsv). The 'a / b' "
			 "column holds the pooled rates or the mean index of the two groups.</p>\n",
			 shown, family, rows);
	if (shown > PAIRS_LISTED)
		buf_addf(h, "<p>The table lists the first %d of them, in the order of "
			 "compare.tsv; compare.tsv has them all.</p>\n", PAIRS_LISTED);
	if (rest)
		buf_adds(h, "<p>With many groups framing stats compares each group with the "
			    "rest of the corpus, <code>" REST_GROUP "</code> in group b, whose "
			    "pooled rate here is that of every other group together.</p>\n");
	buf_addf(h, "<p>Mann-Whitney's test (<code>mw_p</code>) compares the distributions of "
		 "per-article values, not rates, and is not cited here%s",
		 lengths ? "" : ".</p>\n");
	if (lengths)
		buf_addf(h, ": in %zu row%s of compare.tsv the two groups' article lengths "
			 "differ, so its p-value there says as much about length as about "
			 "the metric (the note says so).</p>\n", lengths, lengths == 1 ? "" : "s");
}

/* "p = 0.123", or "p < 0.001" (html_pval's form) without the "=". */
static void p_is(struct buf *h, double pv)
{
	buf_adds(h, pv < 0.001 ? "p " : "p = ");
	html_pval(h, pv);
}

/* One chi-square row of tests.tsv: X^2, df, p by relabelling articles, Cramer's V. */
static void overall_chisq(struct buf *h, struct tsv *t, const long *c)
{
	buf_adds(h, "<li>Chi-square, groups &times; categories (");
	html_escape(h, tsv_field(t, (size_t)c[1]));
	buf_adds(h, ", ");
	html_escape(h, tsv_field(t, (size_t)c[6]));
	buf_adds(h, " matches): X&sup2; = ");
	html_num(h, res_number(tsv_field(t, (size_t)c[2])), 2);
	buf_adds(h, ", df = ");
	html_escape(h, tsv_field(t, (size_t)c[3]));
	buf_adds(h, ", ");
	p_is(h, res_number(tsv_field(t, (size_t)c[4])));
	if (c[7] >= 0)
		buf_adds(h, " (from relabelling whole articles between the groups; the "
			    "chi-square distribution would assume independent matches)");
	buf_adds(h, ", Cram&eacute;r's V = ");
	html_num(h, res_number(tsv_field(t, (size_t)c[5])), 3);
	buf_adds(h, "</li>\n");
}

/* The Kruskal-Wallis row on an index, or why it is not cited. */
static void overall_kruskal(struct buf *h, struct tsv *t, const long *c)
{
	const char *metric = tsv_field(t, (size_t)c[1]);

	buf_adds(h, "<li>Kruskal-Wallis on ");
	html_escape(h, metric);
	buf_adds(h, " (");
	html_escape(h, tsv_field(t, (size_t)c[6]));
	buf_adds(h, " articles): ");
	if (c[8] >= 0 && strstr(tsv_field(t, (size_t)c[8]), LENGTHS_DIFFER)) {
		buf_adds(h, "not cited, as the groups' article lengths differ and ");
		html_escape(h, metric);
		buf_adds(h, " depends on length (the note of tests.tsv says so).</li>\n");
		return;
	}
	buf_adds(h, "H = ");
	html_num(h, res_number(tsv_field(t, (size_t)c[2])), 2);
	buf_adds(h, ", df = ");
	html_escape(h, tsv_field(t, (size_t)c[3]));
	buf_adds(h, ", ");
	p_is(h, res_number(tsv_field(t, (size_t)c[4])));
	buf_adds(h, "</li>\n");
}

/* Whether metric is one of the indices. */
static int is_index(const struct report_page *p, const char *metric)
{
	size_t k;

	for (k = 0; k < p->ix.n; k++)
		if (!strcmp(p->ix.ix[k].name, metric))
			return 1;
	return 0;
}

/* The overall tests of tests.tsv: the chi-square rows and Kruskal-Wallis on each index. */
static void write_overall(struct report_page *p)
{
	static const char *const names[] = {
		"test", "metric", "statistic", "df", "p", "cramers_v", "n", "p_asymptotic", "note",
	};
	struct buf *h = &p->h;
	char *path = path_join(p->o->outdir, "tests.tsv");
	struct tsv *t = tsv_open(path);
	long c[9];
	size_t i;

	free(path);
	if (!t)
		return;
	for (i = 0; i < 9; i++)
		c[i] = tsv_column(t, names[i]);
	for (i = 0; i < 7; i++)
		if (c[i] < 0) {
			tsv_close(t);
			return;
		}
	buf_adds(h, "<h3>Overall</h3>\n<ul>\n");
	while (tsv_next(t) > 0) {
		const char *test = tsv_field(t, (size_t)c[0]);
		if (!strcmp(test, "chisq"))
			overall_chisq(h, t, c);
		else if (!strcmp(test, "kruskal") && is_index(p, tsv_field(t, (size_t)c[1])))
			overall_kruskal(h, t, c);
	}
	buf_adds(h, "</ul>\n");
	tsv_close(t);
}

static void write_comparisons(struct report_page *p)
{
	section(p, "comparisons", "Pairwise differences");
	write_pairs(p);
	write_overall(p);
}

#define TOP_ENTRIES 5

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * The outlets the matches section lists when the groups are pooled,
 * sorted: those of the groups shown (by outlet: the groups themselves;
 * by another column: the outlets of their articles). Borrowed strings.
 */
static const char **shown_outlets(struct report_page *p, size_t *n)
{
	char *shown = xcalloc(p->out.ngroups + 1, 1);
	const char **names = xmalloc((p->scores->n + p->sel.nshown + 1) * sizeof(char *));
	size_t i;

	*n = 0;
	for (i = 0; i < p->sel.nshown; i++)
		shown[p->sel.shown[i]] = 1;
	if (!strcmp(p->o->by, "outlet")) {
		for (i = 0; i < p->sel.nshown; i++)
			names[(*n)++] = p->out.groups[p->sel.shown[i]];
	} else {
		for (i = 0; i < p->scores->n; i++) {
			long g = res_outlets_group(&p->out, p->scores->a[i].gname);
			if (g >= 0 && shown[g])
				names[(*n)++] = p->scores->a[i].outlet;
		}
	}
	sort_array(names, *n, sizeof(char *), str_cmp);
	free(shown);
	return names;
}

static int outlet_listed(const char **names, size_t n, const char *outlet)
{
	size_t lo = 0, hi = n;

	if (!names)
		return 1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(names[mid], outlet);
		if (!c)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static void write_matches(struct report_page *p)
{
	struct buf *h = &p->h;
	size_t i, shown = 0, nlisted = 0;
	const char *outlet = NULL, **listed = NULL;

	section(p, "matches", "Top matches in context");
	buf_adds(h, "<p>Per outlet and category, the entries that matched most often (negated "
		    "matches are not counted), each with its first match in context. "
		    "<span class=\"tag own\">own voice</span> marks text in the outlet's own voice, "
		    "<span class=\"tag q\">quoted</span> text inside a quotation. Every match is "
		    "in matches.tsv with its article and byte offset.</p>\n");
	if (res_selection_partial(&p->sel)) {
		buf_adds(h, "<p>Only the outlets of the groups the charts show are listed here; "
			    "matches.tsv has them all.</p>\n");
		listed = shown_outlets(p, &nlisted);
	}
	matchrows_sort(&p->m, p->out.categories, p->out.ncategories);
	for (i = 0; i < p->m.n; i++) {
		struct matchrow *r = &p->m.rows[i];
		int new_cat = i == 0 || strcmp(r->outlet, p->m.rows[i - 1].outlet) ||
			      strcmp(r->category, p->m.rows[i - 1].category);

		if (!outlet_listed(listed, nlisted, r->outlet))
			continue;
		if (!outlet || strcmp(outlet, r->outlet)) {
			if (outlet)
				buf_adds(h, "</tbody></table>\n");
			outlet = r->outlet;
			buf_adds(h, "<h3>");
			html_escape(h, outlet);
			buf_adds(h, "</h3>\n<table><thead><tr><th>category</th><th>entry</th>"
				    "<th class=\"n\">matches</th><th class=\"n\">quoted</th>"
				    "<th colspan=\"3\">first match in context</th><th></th><th>article</th>"
				    "</tr></thead><tbody>\n");
		}
		if (new_cat)
			shown = 0;
		if (r->sums.counted == 0 || shown >= TOP_ENTRIES)
			continue;
		shown++;
		buf_adds(h, "<tr><td>");
		html_escape(h, r->category);
		buf_adds(h, "</td><td>");
		html_escape(h, r->entry);
		buf_addf(h, "</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td><td class=\"ctx-l\">",
			 r->sums.counted, r->sums.quoted);
		/* The three cells read as one line: spaces only where the text
		 * would have one ("the U.S. LINES", not "the U.S . LINES"). */
		html_escape(h, r->left);
		if (*r->left && !text_context_tight_left(r->left))
			buf_adds(h, "&#160;");
		buf_adds(h, "</td><td class=\"kw\"><mark>");
		html_escape(h, r->surface);
		buf_adds(h, "</mark></td><td class=\"ctx-r\">");
		if (*r->right && !text_context_tight_right(r->right))
			buf_adds(h, "&#160;");
		html_escape(h, r->right);
		buf_adds(h, "</td><td>");
		buf_adds(h, r->ex_quoted ? "<span class=\"tag q\">quoted</span>"
					 : "<span class=\"tag own\">own voice</span>");
		buf_adds(h, "</td><td class=\"id\">");
		html_escape(h, r->id);
		buf_adds(h, "</td></tr>\n");
	}
	if (outlet)
		buf_adds(h, "</tbody></table>\n");
	else
		buf_adds(h, "<p class=\"na\">No lexicon entry matched.</p>\n");
	free(listed);
}

static void write_coverage(struct report_page *p)
{
	struct buf *h = &p->h;
	size_t c, i;
	char *used;

	section(p, "coverage", "Lexicon coverage");
	if (!p->lx_ok) {
		buf_adds(h, "<p class=\"na\">The lexicons could not be read again.</p>\n");
		return;
	}
	used = xcalloc(p->lx.nentries + 1, 1);
	for (i = 0; i < p->lx.nentries; i++)
		used[i] = (char)matchrows_has(&p->m, p->lx.categories[p->lx.entries[i].category].name,
					p->lx.entries[i].written);
	buf_adds(h, "<p>Entries that never matched in this corpus (negated matches count as "
		    "matches here): candidates to check with <code>framing lexicon check "
		    "--corpus</code>, or simply words this corpus does not use.</p>\n"
		    "<table><thead><tr><th>category</th><th class=\"n\">entries</th>"
		    "<th class=\"n\">matched</th><th>never matched</th></tr></thead><tbody>\n");
	for (c = 0; c < p->lx.ncategories; c++) {
		size_t n = 0, u = 0, listed = 0;
		for (i = 0; i < p->lx.nentries; i++)
			if (p->lx.entries[i].category == c) {
				n++;
				u += (size_t)used[i];
			}
		buf_adds(h, "<tr><td>");
		html_escape(h, p->lx.categories[c].name);
		buf_addf(h, "</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td><td>", n, u);
		for (i = 0; i < p->lx.nentries; i++) {
			if (p->lx.entries[i].category != c || used[i])
				continue;
			if (listed++)
				buf_adds(h, ", ");
			buf_adds(h, "<code>");
			html_escape(h, p->lx.entries[i].written);
			buf_adds(h, "</code>");
		}
		if (!listed)
			buf_adds(h, "<span class=\"na\">every entry matched</span>");
		buf_adds(h, "</td></tr>\n");
	}
	buf_adds(h, "</tbody></table>\n");
	free(used);
}

/* Per article: 1 when it is the root of a cluster whose articles come from several outlets. */
static char *crossing_roots(const struct scoretab *t, const size_t *root)
{
	char *cross = xcalloc(t->n + 1, 1);
	size_t i;

	for (i = 0; i < t->n; i++)
		if (root[i] != i && strcmp(t->a[i].outlet, t->a[root[i]].outlet))
			cross[root[i]] = 1;
	return cross;
}

static void dup_member(struct buf *h, const struct scoretab_article *a, int first)
{
	if (!first)
		buf_adds(h, "; ");
	html_escape(h, a->id);
	buf_adds(h, " (");
	html_escape(h, a->outlet);
	buf_adds(h, ")");
}

/* The clusters of framing stats --dedup (scoretab.h) whose articles come from several outlets. */
static void write_duplicates(struct report_page *p)
{
	struct buf *h = &p->h;
	char *path = path_join(p->o->outdir, "duplicates.tsv");
	const struct scoretab *t = p->scores;
	size_t *root, i, j, clusters = 0;
	char *cross;
	int r = scoretab_clusters(t, path, &root);

	free(path);
	buf_adds(h, "<li><strong>Near-duplicates across outlets</strong> (wire copy: word "
		    "5-shingle Jaccard similarity of 0.5 or more, from duplicates.tsv): ");
	if (r < 0) {
		buf_adds(h, "duplicates.tsv could not be read.</li>\n");
		return;
	}
	cross = crossing_roots(t, root);
	for (i = 0; i < t->n; i++) {
		if (!cross[i] || ++clusters > 30)
			continue;
		buf_adds(h, clusters == 1 ? "<ul>\n<li>" : "<li>");
		/* The earliest article first: the one framing stats --dedup keeps. */
		dup_member(h, &t->a[i], 1);
		for (j = 0; j < t->n; j++)
			if (j != i && root[j] == i)
				dup_member(h, &t->a[j], 0);
		buf_adds(h, "</li>\n");
	}
	if (!clusters)
		buf_adds(h, "none.</li>\n");
	else if (clusters > 30)
		buf_addf(h, "<li>... and %zu more clusters</li>\n", clusters - 30);
	if (clusters)
		buf_addf(h, "</ul>%zu cluster%s across outlets; framing stats --dedup keeps one "
			 "article of each.</li>\n", clusters, clusters == 1 ? "" : "s");
	free(cross);
	free(root);
}

/* Articles listed under the banner at most; the rest are counted. */
#define LOST_LISTED 100

/*
 * At the top of the page, before any number: the articles that lost more
 * than 80% of their words to cleaning, when they are 5% of the corpus or
 * more (score warns of any). Their scores are about a headline or a
 * caption. Styled inline, so pages without it are as they were.
 */
static void write_lost_banner(struct report_page *p)
{
	struct buf *h = &p->h;
	size_t i, lost = 0, listed = 0;

	for (i = 0; i < p->scores->n; i++)
		lost += score_lost_most(p->scores->a[i].tokens, p->scores->a[i].lost_words);
	if (!lost || lost * 20 < p->scores->n)
		return;
	buf_addf(h, "<div id=\"lost\" style=\"border:2px solid #D55E00;background:#fff3ea;"
		    "padding:.6em 1em;margin:1em 0\">\n<p><strong>Cleaning took most of the text "
		    "of %zu of %zu articles (%.0f%%)</strong>: each lost more than %.0f%% of its "
		    "words (what its markup marks as menus and site templates aside), so its scores rest on what is left (a headline, a caption). The cause is "
		    "often text the cleaner cannot read as paragraphs. <code>", lost, p->scores->n,
		 100.0 * (double)lost / (double)p->scores->n, 100 * SCORE_LOST_SHARE);
	if (p->o->in.jsonl) {
		buf_addf(h, "framing clean %s ", source_stream_option(&p->o->in));
		html_escape(h, p->o->in.jsonl);
		buf_adds(h, " ID");
	} else {
		buf_adds(h, "framing clean FILE");
	}
	buf_adds(h, "</code> shows what was dropped and why.</p>\n<table>\n<tr><th>id</th>"
		    "<th>outlet</th><th>title</th><th class=\"n\">words kept</th>"
		    "<th class=\"n\">words lost</th></tr>\n");
	for (i = 0; i < p->scores->n && listed < LOST_LISTED; i++) {
		const struct scoretab_article *a = &p->scores->a[i];
		if (!score_lost_most(a->tokens, a->lost_words))
			continue;
		listed++;
		buf_adds(h, "<tr><td class=\"id\">");
		html_escape(h, a->id);
		buf_adds(h, "</td><td>");
		html_escape(h, a->outlet);
		buf_adds(h, "</td><td>");
		html_escape(h, a->title ? a->title : "");
		buf_addf(h, "</td><td class=\"n\">%.0f</td><td class=\"n\">%.0f</td></tr>\n",
			 a->tokens, a->lost_words);
	}
	buf_adds(h, "</table>\n");
	if (lost > listed)
		buf_addf(h, "<p>and %zu more.</p>\n", lost - listed);
	buf_adds(h, "</div>\n");
}

/* Groups named in a sentence of the warnings at most; the summary lists them all. */
#define GROUPS_LISTED 30
/*
 * Groups without a single match of a category: their rate of it has no
 * article-level interval and no rate test against another group (the
 * exact Poisson ones in the tables assume independent matches).
 */
static void warn_no_matches(struct report_page *p)
{
	struct buf *h = &p->h, metric = BUF_INIT;
	size_t g, k, groups = 0;

	for (g = 0; g < p->out.ngroups; g++) {
		size_t in_group = 0;
		for (k = 0; k < p->out.ncategories; k++) {
			const struct res_stat *s;
			buf_reset(&metric);
			buf_addf(&metric, "%s_rate", p->out.categories[k]);
			s = res_outlets_get(&p->out, g, metric.data);
			if (!s || !(s->count == 0) || !(s->tokens > 0))
				continue;
			if (!in_group++ && ++groups > GROUPS_LISTED)
				break;	/* counted, not named */
			if (groups == 1 && in_group == 1)
				buf_adds(h, "<li><strong>No matches</strong> of a category in a group "
					    "(no article-level interval of that rate, no rate test "
					    "against another group): ");
			buf_adds(h, in_group > 1 ? ", " : groups > 1 ? "; " : "");
			if (in_group == 1) {
				html_escape(h, p->out.groups[g]);
				buf_adds(h, ": ");
			}
			html_escape(h, p->out.categories[k]);
		}
	}
	if (groups > GROUPS_LISTED) {
		buf_adds(h, "; and ");
		res_add_count(h, (double)(groups - GROUPS_LISTED));
		buf_adds(h, " more groups");
	}
	if (groups)
		buf_adds(h, ".</li>\n");
	buf_release(&metric);
}

/*
 * At the top of the page: the articles score skipped (a line that is not
 * JSON, a bad date), which no number below includes. Their reasons went
 * to standard error, one message each.
 */
static void write_skipped_banner(struct report_page *p)
{
	size_t n = p->o->skipped;

	if (!n)
		return;
	buf_addf(&p->h, "<div id=\"skipped\" style=\"border:2px solid #D55E00;background:#fff3ea;"
		 "padding:.6em 1em;margin:1em 0\">\n<p><strong>%zu article%s of the corpus "
		 "%s skipped</strong> and %s in no table or chart of this report. framing "
		 "report printed why on standard error, one message per article (run it again "
		 "without -q to see them); fix %s and run the report again.</p>\n</div>\n", n,
		 n == 1 ? "" : "s", n == 1 ? "was" : "were", n == 1 ? "is" : "are",
		 n == 1 ? "it" : "them");
}

static void write_warnings(struct report_page *p)
{
	struct buf *h = &p->h;
	struct boilerplate bp = BOILERPLATE_INIT;
	size_t g, i, small = 0, zero = 0;
	int counted;

	section(p, "warnings", "Warnings");
	buf_adds(h, "<ul class=\"warn\">\n");
	for (g = 0; g < p->out.ngroups; g++) {
		double n = group_articles(p, g);
		if (!(n < 5))
			continue;
		if (!small++)
			buf_adds(h, "<li><strong>Small groups</strong>: ");
		else if (small <= GROUPS_LISTED)
			buf_adds(h, "; ");
		if (small > GROUPS_LISTED)
			continue;
		html_escape(h, p->out.groups[g]);
		buf_addf(h, " (%.0f article%s%s)", n, n == 1 ? "" : "s",
			 n == 1 ? ": no interval, no Welch test" : ": wide intervals");
	}
	if (small > GROUPS_LISTED) {
		buf_adds(h, "; and ");
		res_add_count(h, (double)(small - GROUPS_LISTED));
		buf_adds(h, " more groups of fewer than 5 articles (the summary lists every group)");
	}
	if (small)
		buf_adds(h, ".</li>\n");
	else
		buf_adds(h, "<li>Every group has at least 5 articles.</li>\n");
	warn_no_matches(p);
	for (i = 0; i < p->scores->n; i++)
		zero += p->scores->a[i].tokens == 0;
	if (zero)
		buf_addf(h, "<li><strong>Articles without words</strong>: %zu article%s kept no "
			 "text after cleaning and %s left out of the statistics.</li>\n",
			 zero, zero == 1 ? "" : "s", zero == 1 ? "is" : "are");

	/* Boilerplate: dropped characters against the visible characters of the articles. */
	counted = boilerplate_count(&bp, &p->o->in);
	if (counted > 0)
		buf_adds(h, "<li><strong>Boilerplate dropped</strong> before scoring: not measured, "
			    "as the articles came from standard input or a pipe, which cannot be "
			    "read a second time; <code>dropped_chars</code> in scores.tsv has the "
			    "characters dropped from each article.</li>\n");
	if (counted == 0) {
		for (i = 0; i < p->scores->n; i++)
			boilerplate_add_dropped(&bp, p->scores->a[i].outlet, p->scores->a[i].dropped);
		buf_adds(h, "<li><strong>Boilerplate dropped</strong> before scoring (navigation, "
			    "related headlines, captions; share of the visible characters of the "
			    "article files): ");
		for (i = 0; i < bp.n && i < GROUPS_LISTED; i++) {
			double share = boilerplate_share(&bp, i);
			if (i)
				buf_adds(h, "; ");
			html_escape(h, bp.outlets[i]);
			buf_adds(h, " ");
			if (isnan(share))
				buf_adds(h, "NA");
			else
				buf_addf(h, "%.0f%%%s", 100 * share,
					 share > 0.5 ? " <span class=\"flag\">over half</span>" : "");
		}
		if (bp.n > GROUPS_LISTED)
			buf_addf(h, "; and %zu more outlets", bp.n - GROUPS_LISTED);
		buf_adds(h, ". Check what was dropped with <code>framing clean FILE</code>.</li>\n");
	}
	boilerplate_release(&bp);
	write_duplicates(p);
	if (strcmp(p->o->by, "outlet"))
		buf_adds(h, "<li>Keyness is always computed by outlet, whatever the grouping.</li>\n");
	buf_adds(h, "</ul>\n");
}

static void write_methods(struct report_page *p)
{
	struct buf *h = &p->h;
	size_t i;

	section(p, "methods", "Methods");
	buf_adds(h, "<table><tbody>\n<tr><th>framing</th><td>version ");
	html_escape(h, FRAMING_VERSION);
	buf_adds(h, "</td></tr>\n<tr><th>corpus</th><td><code>");
	html_escape(h, p->o->corpus);
	buf_addf(h, "</code> (%zu articles)</td></tr>\n<tr><th>grouping</th><td>", p->scores->n);
	html_escape(h, p->o->by);
	if (p->o->group_map) {
		buf_adds(h, ", regrouped by --group-map <code>");
		html_escape(h, p->o->group_map);
		buf_adds(h, "</code>");
	}
	/* Said only when they differ from score's defaults, which the methods describe. */
	if (!p->o->clean || !p->o->negation)
		buf_addf(h, "</td></tr>\n<tr><th>scoring</th><td>%s%s%s",
			 p->o->clean ? "" : "--no-clean: every line scored, boilerplate included",
			 !p->o->clean && !p->o->negation ? "; " : "",
			 p->o->negation ? "" : "--no-negation: negated matches counted like the others");
	buf_addf(h, "</td></tr>\n<tr><th>statistics</th><td>seed %lu, %ld bootstrap resamples, "
		 "%ld permutations</td></tr>\n", p->o->seed, p->o->bootstrap, p->o->permutations);
	if (p->lx_ok) {
		for (i = 0; i < p->lx.nfiles; i++) {
			size_t len, c, n = 0;
			char *text = read_file(p->lx.files[i], &len);
			char hex[65];

			buf_adds(h, "<tr><th>lexicon</th><td><code>");
			html_escape(h, p->lx.files[i]);
			buf_adds(h, "</code>: ");
			for (c = 0; c < p->lx.ncategories; c++) {
				if (strcmp(p->lx.categories[c].file, p->lx.files[i]))
					continue;
				if (n++)
					buf_adds(h, ", ");
				html_escape(h, p->lx.categories[c].name);
			}
			buf_adds(h, "<br>SHA-256 <span class=\"hash\">");
			if (text) {
				sha256_hex(text, len, hex);
				buf_adds(h, hex);
			} else {
				buf_adds(h, "unreadable");
			}
			buf_adds(h, "</span></td></tr>\n");
			free(text);
		}
	}
	buf_adds(h, "</tbody></table>\n");
	html_markdown(h, report_methods_md);
}

void reportpage_write(struct report_page *p)
{
	struct buf *h = &p->h;
	struct buf title = BUF_INIT;

	char *path = path_join(p->o->outdir, LEXDECL_NAME);
	int r = lexdecl_load(&p->decl, path), declared = r == 0;

	/* A bad categories.tsv was told by chart, which read it first: no index then. */
	free(path);
	if (r == 1 && p->lx_ok) {
		/* A run of an older score: the lexicons this report read declare them. */
		lexdecl_from_lexicon(&p->decl, &p->lx);
		declared = 1;
	}
	charts_indices_init(&p->ix, &p->decl, declared, &p->out, NULL);
	buf_addf(&title, "Framing report: %s", p->o->corpus_name);
	buf_adds(h, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
		    "style-src 'unsafe-inline'; img-src data:\">\n"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	html_escape(h, title.data);
	buf_addf(h, "</title>\n<style>%s%s</style>\n</head>\n<body>\n<main>\n<h1>", css,
		 res_selection_partial(&p->sel) ? css_many : "");
	html_escape(h, title.data);
	buf_addf(h, "</h1>\n<p class=\"sub\">%zu articles in %zu groups (grouped by ",
		 p->scores->n, p->out.ngroups);
	html_escape(h, report_by_label(p->o));
	buf_adds(h, "); framing ");
	html_escape(h, FRAMING_VERSION);
	buf_adds(h, "</p>\n<nav><a href=\"#summary\">Summary</a><a href=\"#charts\">Charts</a>"
		    "<a href=\"#comparisons\">Comparisons</a><a href=\"#stories\">Same story</a>"
		    "<a href=\"#matches\">Matches</a>"
		    "<a href=\"#coverage\">Lexicon coverage</a><a href=\"#warnings\">Warnings</a>"
		    "<a href=\"#methods\">Methods</a></nav>\n");
	write_skipped_banner(p);
	write_lost_banner(p);
	write_summary(p);
	write_charts(p);
	targetchart_report(h, p->o->outdir);
	write_comparisons(p);
	storypage_write(h, p->o);
	write_matches(p);
	write_coverage(p);
	write_warnings(p);
	write_methods(p);
	buf_adds(h, "</main>\n</body>\n</html>\n");
	buf_release(&title);
	charts_indices_release(&p->ix);
	lexdecl_release(&p->decl);
}
