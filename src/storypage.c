/*
 * The "Same story" section of report.html (see storypage.h): how each
 * group told the stories it shares with others, and whether the outlets
 * differ within stories as they do pooled over all their articles.
 */
#include "storypage.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fsutil.h"
#include "html.h"
#include "scoretab.h"
#include "storyset.h"
#include "text.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

/* A story's column shows this many articles of a group, an article this many matches. */
#define STORYPAGE_ARTICLES 3
#define STORYPAGE_MATCHES 10
/* A title shows this many bytes. */
#define STORYPAGE_TITLE 300
/* Rows of the effects table; effects.tsv has them all. */
#define STORYPAGE_EFFECTS 60
/* Disagreeing rows the sentence names; the table shades them all. */
#define STORYPAGE_NAMED 3

/*
 * The section's own rules: a <style> element here keeps reportpage.c's
 * sheet as it is (the page's policy allows inline style).
 */
static const char css[] =
	"<style>.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));"
	"gap:14px;margin:.4em 0 1.6em}.side{border:1px solid #e3e3e3;border-radius:4px;"
	"padding:8px 12px}.side h4{margin:.1em 0 .4em;color:#0072B2}"
	".art{border-top:1px solid #eee;padding:.4em 0}.art:first-of-type{border-top:0}"
	".art .t{font-weight:600;margin:0}.art .meta{color:#555;font-size:.85em;margin:.1em 0 .3em}"
	"ul.ctx{margin:0;padding-left:1.1em;font-size:.9em}ul.ctx li{margin:.2em 0}"
	"ul.ctx li.said-q{font-style:italic;color:#004b75;list-style:'\\201C  '}"
	"p.verdict{font-weight:600}</style>\n";

static const char *group_word(const struct report_opts *o)
{
	return strcmp(report_by_label(o), "outlet") ? "groups" : "outlets";
}

/* One match in context: left, the match marked, right, and whose voice. */
static void match_line(struct buf *h, const struct storyset_match *m)
{
	buf_addf(h, "<li class=\"%s\">", m->quoted ? "said-q" : "said-own");
	html_escape(h, m->left);
	if (*m->left && !text_context_tight_left(m->left))
		buf_adds(h, " ");
	buf_adds(h, "<mark>");
	html_escape(h, m->surface);
	buf_adds(h, "</mark>");
	if (*m->right && !text_context_tight_right(m->right))
		buf_adds(h, " ");
	html_escape(h, m->right);
	buf_adds(h, m->quoted ? " <span class=\"tag q\">quoted</span>"
			      : " <span class=\"tag own\">own voice</span>");
	buf_adds(h, " <span class=\"tag neg\">");
	html_escape(h, m->category);
	buf_adds(h, "</span></li>\n");
}

/* A title, cut at a character after STORYPAGE_TITLE bytes, with an ellipsis. */
static void title(struct buf *h, const char *t)
{
	size_t len = t ? strlen(t) : 0, cut = len;
	struct buf part = BUF_INIT;

	if (!len) {
		buf_adds(h, "(no title)");
		return;
	}
	if (len > STORYPAGE_TITLE) {
		cut = STORYPAGE_TITLE;
		while (cut && ((unsigned char)t[cut] & 0xC0) == 0x80)
			cut--;
	}
	buf_add(&part, t, cut);
	html_escape(h, part.data);
	if (cut < len)
		buf_adds(h, "&#8230;");
	buf_release(&part);
}

static void article_block(struct buf *h, const struct storyset *ss,
			  const struct storyset_article *a)
{
	size_t i;

	buf_adds(h, "<div class=\"art\"><p class=\"t\">");
	title(h, a->title);
	buf_adds(h, "</p><p class=\"meta\">");
	html_escape(h, a->date ? a->date : "NA");
	buf_adds(h, " &#183; <code>");
	html_escape(h, a->id);
	buf_adds(h, "</code>");
	for (i = 0; i < ss->nindex; i++) {
		buf_adds(h, " &#183; ");
		html_escape(h, ss->index[i]);
		buf_adds(h, " <strong>");
		html_num(h, a->index ? a->index[i] : NAN, 2);
		buf_adds(h, "</strong>");
	}
	buf_adds(h, "</p>\n");
	if (!a->nm) {
		buf_adds(h, "<p class=\"na\">No match.</p>\n");
	} else {
		buf_adds(h, "<ul class=\"ctx\">\n");
		for (i = 0; i < a->nm && i < STORYPAGE_MATCHES; i++)
			match_line(h, &a->m[i]);
		buf_adds(h, "</ul>\n");
		if (a->nm > STORYPAGE_MATCHES)
			buf_addf(h, "<p class=\"na\">and %zu more matches (matches.tsv)</p>\n",
				 a->nm - STORYPAGE_MATCHES);
	}
	buf_adds(h, "</div>\n");
}

/* One story: a heading, then a column per group with its articles. */
static void story_block(struct buf *h, const struct storyset *ss, const struct storyset_story *s,
			const char *word)
{
	size_t i, j, shown, groups = 0;

	buf_adds(h, "<h3>Story ");
	html_escape(h, s->label);
	if (s->terms) {
		buf_adds(h, ": ");
		html_escape(h, s->terms);
	}
	buf_addf(h, "</h3>\n<p class=\"sub\">%zu articles, %zu %s</p>\n<div class=\"sides\">\n",
		 s->size, s->ngroups, word);
	for (i = 0; i < s->nshown; i = j) {
		const char *g = ss->a[s->art[i]].group;

		for (j = i; j < s->nshown && !strcmp(ss->a[s->art[j]].group, g); j++)
			;
		groups++;
		buf_adds(h, "<div class=\"side\"><h4>");
		html_escape(h, g);
		buf_adds(h, "</h4>\n");
		for (shown = 0; shown < j - i && shown < STORYPAGE_ARTICLES; shown++)
			article_block(h, ss, &ss->a[s->art[i + shown]]);
		if (j - i > STORYPAGE_ARTICLES)
			buf_addf(h, "<p class=\"na\">and %zu more articles of this story</p>\n",
				 j - i - STORYPAGE_ARTICLES);
		buf_adds(h, "</div>\n");
	}
	buf_adds(h, "</div>\n");
	if (s->nshown < s->nart)
		buf_addf(h, "<p class=\"na\">and %zu more %s with %zu articles of this story "
			    "(not shown)</p>\n", s->ngroups - groups, word, s->nart - s->nshown);
}

/* "accusatory_matches" as words: "accusatory matches per token". */
static void metric_words(struct buf *h, const struct storyset_effect *e)
{
	size_t len = strlen(e->metric);

	if (!storyset_effect_linear(e) && len > 8 && !strcmp(e->metric + len - 8, "_matches")) {
		struct buf cat = BUF_INIT;
		buf_add(&cat, e->metric, len - 8);
		html_escape(h, cat.data);
		buf_adds(h, " matches per token");
		buf_release(&cat);
	} else {
		html_escape(h, e->metric);
	}
}

/* "A has a lower stance": the direction of the within-story effect, in words. */
static void direction(struct buf *h, const struct storyset_effect *e)
{
	int lin = storyset_effect_linear(e), lower = e->hi < (lin ? 0 : 1);

	html_escape(h, e->outlet);
	buf_adds(h, lin ? (lower ? " has a lower " : " has a higher ")
			: (lower ? " has fewer " : " has more "));
	metric_words(h, e);
}

/* "difference -0.80, 95% CI -1.20 to -0.40" (or "rate ratio ..."). */
static void estimate(struct buf *h, const struct storyset_effect *e)
{
	buf_adds(h, storyset_effect_linear(e) ? "difference " : "rate ratio ");
	html_num(h, e->estimate, 2);
	buf_adds(h, ", 95% CI ");
	html_num(h, e->lo, 2);
	buf_adds(h, " to ");
	html_num(h, e->hi, 2);
}

/* The rows to name in the sentence: indices (linear) first, then effects.tsv's order. */
static size_t disagreeing(const struct storyset_effect *e, size_t n, size_t *pick)
{
	size_t i, k = 0;
	int pass;

	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < n; i++)
			if (storyset_effect_linear(&e[i]) == !pass && storyset_effect_disagrees(&e[i]))
				pick[k++] = i;
	return k;
}

/*
 * The one sentence saying whether within-story and pooled comparisons
 * disagree. One row: "Within stories, A has a lower stance than B
 * (difference -0.80, 95% CI -1.20 to -0.40), while pooled over all
 * articles it has a higher one (difference 0.35): the outlets cover
 * different stories." More: the count, then up to STORYPAGE_NAMED rows.
 */
static void verdict(struct buf *h, const struct storyset_effect *e, size_t n)
{
	size_t *pick = xmalloc((n + 1) * sizeof(*pick)), k = disagreeing(e, n, pick), i, est = 0, both = 0;

	buf_adds(h, "<p class=\"verdict\">");
	for (i = 0; i < n; i++) {
		if (isnan(e[i].estimate) || isnan(e[i].lo) || isnan(e[i].hi))
			continue;
		est++;
		if (!isnan(e[i].pooled))
			both++;
	}
	if (!est) {
		buf_adds(h, "No within-story effect could be estimated: the notes of effects.tsv "
			    "in the table say why.</p>\n");
	} else if (!both) {
		buf_adds(h, "No within-story effect can be set against a pooled comparison "
			    "(compare.tsv has no row of the same pair and metric).</p>\n");
	} else if (!k) {
		buf_adds(h, "Within stories and pooled over all articles agree: no outlet&#39;s "
			    "within-story effect against ");
		html_escape(h, e[0].reference);
		buf_addf(h, " (its 95%% interval) points the other way from the pooled comparison "
			    "(%zu comparison%s).</p>\n", both, both == 1 ? "" : "s");
	} else if (k == 1) {
		const struct storyset_effect *x = &e[pick[0]];
		int lin = storyset_effect_linear(x), lower = x->hi < (lin ? 0 : 1);

		buf_adds(h, "Within stories, ");
		direction(h, x);
		buf_adds(h, " than ");
		html_escape(h, x->reference);
		buf_adds(h, " (");
		estimate(h, x);
		buf_adds(h, "), while pooled over all articles it has ");
		buf_adds(h, lin ? (lower ? "a higher one" : "a lower one") : (lower ? "more" : "fewer"));
		buf_adds(h, lin ? " (difference " : " (rate ratio ");
		html_num(h, x->pooled, 2);
		buf_adds(h, "): the outlets cover different stories.</p>\n");
	} else {
		buf_addf(h, "Within stories and pooled over all articles point opposite ways in "
			    "%zu of %zu comparisons with ", k, both);
		html_escape(h, e[0].reference);
		buf_adds(h, ": ");
		for (i = 0; i < k && i < STORYPAGE_NAMED; i++) {
			const struct storyset_effect *x = &e[pick[i]];
			if (i)
				buf_adds(h, i + 1 == k ? " and " : ", ");
			direction(h, x);
			buf_adds(h, " (");
			estimate(h, x);
			buf_adds(h, "; pooled ");
			html_num(h, x->pooled, 2);
			buf_adds(h, ")");
		}
		if (k > STORYPAGE_NAMED)
			buf_addf(h, " and %zu more (shaded below)", k - STORYPAGE_NAMED);
		buf_adds(h, ": the outlets cover different stories.</p>\n");
	}
	free(pick);
}

static void effect_row(struct buf *h, const struct storyset_effect *e)
{
	int lin = storyset_effect_linear(e);

	buf_addf(h, "<tr%s><td>", storyset_effect_disagrees(e) ? " class=\"one\"" : "");
	html_escape(h, e->outlet);
	buf_adds(h, "</td><td>");
	html_escape(h, e->metric);
	buf_addf(h, "</td><td>%s</td><td class=\"n\">", lin ? "difference" : "rate ratio");
	html_num(h, e->estimate, 2);
	buf_adds(h, " ");
	html_interval(h, e->lo, e->hi, 2);
	buf_addf(h, "</td><td class=\"n\">%zu</td><td class=\"n\">", e->n_stories);
	html_num(h, e->pooled, 2);
	buf_adds(h, "</td><td class=\"note\">");
	html_escape(h, e->note);
	buf_adds(h, "</td></tr>\n");
}

/* The within-story effects beside the pooled ones, and the sentences where they disagree. */
static void write_effects(struct buf *h, const struct report_opts *o)
{
	struct storyset_effect *e;
	size_t n, i;
	int r = storyset_effects(o->outdir, &e, &n);

	if (r < 0) {
		buf_adds(h, "<p class=\"na\">effects.tsv could not be read.</p>\n");
		return;
	}
	if (r > 0 || !n) {
		buf_adds(h, "<p class=\"na\">No within-story effects in this run (no effects.tsv "
			    "rows).</p>\n");
		storyset_effects_free(e, n);
		return;
	}
	verdict(h, e, n);
	buf_adds(h, "<p>Each outlet against the reference outlet ");
	html_escape(h, e[0].reference);
	buf_adds(h, " (effects.tsv): within stories (story fixed effects, 95% intervals "
		    "robust to clustering by story), and pooled over all articles (compare.tsv: "
		    "the difference of the mean index, or the ratio of the rates). Rows where "
		    "the two point opposite ways are shaded.</p>\n<table><thead><tr><th>outlet</th>"
		    "<th>metric</th><th>effect</th><th class=\"n\">within stories</th>"
		    "<th class=\"n\">shared stories</th><th class=\"n\">pooled</th><th>note</th></tr>"
		    "</thead>"
		    "<tbody>\n");
	for (i = 0; i < n && i < STORYPAGE_EFFECTS; i++)
		effect_row(h, &e[i]);
	buf_adds(h, "</tbody></table>\n");
	if (n > STORYPAGE_EFFECTS)
		buf_addf(h, "<p>The first %d of %zu rows; effects.tsv has them all.</p>\n",
			 STORYPAGE_EFFECTS, n);
	storyset_effects_free(e, n);
}

/* stories.svg and effects.svg (storychart.c), inline, when they were drawn. */
static void write_figures(struct buf *h, const struct report_opts *o)
{
	static const char *const names[] = { "stories", "effects" };
	static const char *const captions[] = {
		"The index of each article of the stories below, one row per story, one "
		"colour per outlet; the last row, each outlet&#39;s mean over all its articles "
		"(open diamond, outlets.tsv).",
		"Each outlet against the reference: within stories (dot, with its 95% "
		"interval) and pooled over all articles (open diamond).",
	};
	size_t i;

	for (i = 0; i < 2; i++)
		if (html_chart_figure(h, o->outdir, names[i]) == 0)
			buf_addf(h, "\n<figcaption><strong>%s.svg</strong> (also %s.png). %s"
				 "</figcaption>\n</figure>\n", names[i], names[i], captions[i]);
}

static void intro(struct buf *h, const struct report_opts *o, const struct storyset *ss)
{
	buf_adds(h, "<p>The stories are ");
	if (ss->within) {
		buf_adds(h, "the values of the column <code>");
		html_escape(h, ss->within);
		buf_adds(h, "</code>");
	} else {
		buf_adds(h, "those framing found (stories.tsv: articles a few days apart whose "
			    "content words are alike)");
	}
	buf_addf(h, ": %zu stor%s, %zu of them covered by two or more %s. ", ss->nstories,
		 ss->nstories == 1 ? "y" : "ies", ss->nshared, group_word(o));
	if (ss->ns == 1 && ss->nshared > 1)
		buf_adds(h, "The largest is shown");
	else if (ss->ns < ss->nshared)
		buf_addf(h, "The %zu largest are shown", ss->ns);
	else
		buf_adds(h, ss->ns == 1 ? "It is shown" : "All are shown");
	buf_adds(h, ", each outlet's articles side by side: title, date, the index, and the "
		    "matches in context, in the outlet's own voice or <span class=\"tag q\">"
		    "quoted</span> (in italics).</p>\n");
}

void storypage_write(struct buf *h, const struct report_opts *o)
{
	struct storyset ss = STORYSET_INIT;
	struct scoretab_grouping g = { o->by, o->group_map, o->unmapped_na };
	size_t i;

	buf_adds(h, "<h2 id=\"stories\">Same story</h2>\n");
	if (storyset_load(&ss, o->outdir, &g, o->within,
			  o->max_stories ? o->max_stories : STORYSET_MAX) < 0) {
		buf_adds(h, "<p class=\"na\">The stories could not be read.</p>\n");
		storyset_release(&ss);
		return;
	}
	if (!ss.have_stories || !ss.nshared) {
		buf_addf(h, "<p class=\"na\">No story in this corpus is covered by two or more "
			    "%s.</p>\n", group_word(o));
		storyset_release(&ss);
		return;
	}
	buf_adds(h, css);
	intro(h, o, &ss);
	write_effects(h, o);
	write_figures(h, o);
	for (i = 0; i < ss.ns; i++)
		story_block(h, &ss, &ss.s[i], group_word(o));
	storyset_release(&ss);
}
