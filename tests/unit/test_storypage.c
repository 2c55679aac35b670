/*
 * Unit tests of the report's "Same story" section (storypage.h) on tables
 * written by hand in the formats of stories.tsv, effects.tsv, compare.tsv,
 * scores.tsv and matches.tsv: the outlets side by side, the sentence when
 * within-story and pooled comparisons disagree, the line when no story is
 * shared, and hostile titles, outlets and sentences escaped.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "fsutil.h"
#include "report.h"
#include "scoretab.h"
#include "chart.h"
#include "storychart.h"
#include "storypage.h"

static void put(const char *dir, const char *name, const char *text)
{
	char *path = path_join(dir, name);
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
	free(path);
}

static void drop(const char *dir, const char *name)
{
	char *path = path_join(dir, name);
	unlink(path);
	free(path);
}

#define SCORES_HEAD "id\toutlet\tdate\ttitle\ttokens\tstance\tstory\n"
#define MATCHES_HEAD "id\toutlet\tcategory\tentry\tsurface\tsentence\toffset\tquoted\tnegated\tleft\tright\n"
#define EFFECTS_HEAD "outlet\treference\tmetric\tmodel\testimate\tse\tlo\thi\tp\tn_articles\tn_stories\tnote\n"
#define COMPARE_HEAD "group_a\tgroup_b\tmetric\tn_a\tn_b\tmean_a\tmean_b\tdiff\twelch_t\twelch_df\twelch_p\tmw_u\tmw_p\tperm_p\tcohens_d\trate_ratio\trr_lo\trr_hi\trr_p\trr_lo_poisson\trr_hi_poisson\tp_holm\tnote\n"

static char *section(const char *dir, const char *within)
{
	struct report_opts o;
	struct buf h = BUF_INIT;

	memset(&o, 0, sizeof(o));
	o.outdir = dir;
	o.by = "outlet";
	o.within = within;
	storypage_write(&h, &o);
	return buf_detach(&h);
}

static void has(const char *html, const char *want)
{
	if (!strstr(html, want)) {
		fprintf(stderr, "missing: %s\nin:\n%s\n", want, html);
		fail();
	}
}

static size_t count(const char *html, const char *what)
{
	size_t n = 0;
	const char *p = html;

	while ((p = strstr(p, what))) {
		n++;
		p += strlen(what);
	}
	return n;
}

/*
 * Outlet A is the most accusatory pooled (it covers the heated story s1
 * more) and the less accusatory within stories: the sentence says so.
 */
static void test_storypage_disagree(void **state)
{
	char dir[] = "/tmp/framing-storypage.XXXXXX";
	char *html;
	(void)state;

	assert_non_null(mkdtemp(dir));
	put(dir, "scores.tsv", SCORES_HEAD
	    "a1\tA\t2020-01-01\tHeated row over tariffs\t100\t1.5\ts1\n"
	    "a2\tA\t2020-01-02\tTariff row deepens\t100\t1.1\ts1\n"
	    "b1\tB\t2020-01-01\tTariff dispute\t100\t2.0\ts1\n"
	    "a3\tA\t2020-02-01\tSummit ends\t100\t-0.5\ts2\n"
	    "b2\tB\t2020-02-01\tSummit communique\t100\t0.1\ts2\n"
	    "b3\tB\t2020-02-02\tSummit closes\t100\t0.0\ts2\n"
	    "b4\tB\t2020-03-01\tAlone\t100\t0.0\ts3\n");
	put(dir, "stories.tsv", "id\tstory\tsize\toutlets\tfirst_date\tlast_date\ttop_terms\n"
	    "a1\t1\t3\t2\t2020-01-01\t2020-01-02\ttariff row\n"
	    "a2\t1\t3\t2\t2020-01-01\t2020-01-02\ttariff row\n"
	    "b1\t1\t3\t2\t2020-01-01\t2020-01-02\ttariff row\n"
	    "a3\t2\t3\t2\t2020-02-01\t2020-02-02\tsummit\n"
	    "b2\t2\t3\t2\t2020-02-01\t2020-02-02\tsummit\n"
	    "b3\t2\t3\t2\t2020-02-01\t2020-02-02\tsummit\n"
	    "b4\t3\t1\t1\t2020-03-01\t2020-03-01\talone\n");
	put(dir, "matches.tsv", MATCHES_HEAD
	    "a1\tA\taccusatory\trow\trow\t1\t10\t0\t0\tHeated\tover tariffs\n"
	    "b1\tB\taccusatory\tdispute\tdispute\t1\t8\t1\t0\tthe\tis real\n"
	    "b1\tB\taccusatory\tdispute\tdisputes\t2\t30\t0\t1\tno\there\n"
	    "b1\tB\tus\tus\tUS\t2\t40\t0\t0\tthe\tsaid\n");
	put(dir, "effects.tsv", EFFECTS_HEAD
	    "A\tB\taccusatory_matches\tpoisson\t0.5\t0.2\t0.3\t0.8\t0.001\t3\t2\t\n"
	    "A\tB\tstance\tlinear\t-0.8\t0.2\t-1.2\t-0.4\t0.001\t3\t2\t1 story covered by one outlet only\n");
	put(dir, "compare.tsv", COMPARE_HEAD
	    "A\tB\tstance\t3\t4\t0.7\t0.35\t0.35\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA\t\n"
	    "B\tA\taccusatory_rate\t4\t3\t1\t1\t-1\tNA\tNA\tNA\tNA\tNA\tNA\tNA\t0.8\tNA\tNA\tNA\tNA\tNA\tNA\t\n");
	html = section(dir, NULL);
	has(html, "<h2 id=\"stories\">Same story</h2>");
	has(html, ": 3 stories, 2 of them covered by two or more outlets. All are shown, each");
	/* Two comparisons point opposite ways: one sentence names both, the index first. */
	has(html, "<p class=\"verdict\">Within stories and pooled over all articles point "
		  "opposite ways in 2 of 2 comparisons with B: A has a lower stance (difference "
		  "-0.80, 95% CI -1.20 to -0.40; pooled 0.35) and A has fewer accusatory matches "
		  "per token (rate ratio 0.50, 95% CI 0.30 to 0.80; pooled 1.25): the outlets cover "
		  "different stories.</p>");
	assert_int_equal(count(html, "<p class=\"verdict\">"), 1);
	assert_int_equal(count(html, "<tr class=\"one\">"), 2);
	/* Largest story first; the outlets side by side, each with its articles and indices. */
	has(html, "<h3>Story 1: tariff row</h3>\n<p class=\"sub\">3 articles, 2 outlets</p>\n"
		  "<div class=\"sides\">\n<div class=\"side\"><h4>A</h4>\n<div class=\"art\"><p "
		  "class=\"t\">Heated row over tariffs</p><p class=\"meta\">2020-01-01 &#183; <code>a1"
		  "</code> &#183; stance <strong>1.50</strong></p>\n<ul class=\"ctx\">\n<li class="
		  "\"said-own\">Heated <mark>row</mark> over tariffs <span class=\"tag own\">own voice"
		  "</span> <span class=\"tag neg\">accusatory</span></li>\n</ul>\n</div>\n<div class="
		  "\"art\"><p class=\"t\">Tariff row deepens</p>");
	/* Quoted in its own style; negated and actor matches are not shown. */
	has(html, "<div class=\"side\"><h4>B</h4>\n<div class=\"art\"><p class=\"t\">Tariff "
		  "dispute</p><p class=\"meta\">2020-01-01 &#183; <code>b1</code> &#183; stance "
		  "<strong>2.00</strong></p>\n<ul class=\"ctx\">\n<li class=\"said-q\">the <mark>"
		  "dispute</mark> is real <span class=\"tag q\">quoted</span> <span class=\"tag neg\">"
		  "accusatory</span></li>\n</ul>");
	assert_null(strstr(html, "disputes"));
	assert_null(strstr(html, "<mark>US</mark>"));
	has(html, "<h3>Story 2: summit</h3>");
	assert_null(strstr(html, "Story 3"));
	assert_true(strstr(html, "Story 1:") < strstr(html, "Story 2:"));
	free(html);

	/* The charts, drawn from the same tables and inlined in the section. */
	if (chart_available()) {
		struct scoretab_grouping g = { "outlet", NULL, 0 };
		struct storychart_opts co = { dir, dir, CHART_SVG, "fixture", "outlet", &g, NULL, 0 };
		/* The pooled means of the chart's last row: outlets.tsv's mean of stance. */
		put(dir, "outlets.tsv", "group\tmetric\tarticles\tmean\n"
		    "A\tstance\t3\t0.7\nB\tstance\t4\t0.35\nA\taccusatory_rate\t3\t9\n");
		assert_int_equal(storychart_draw(&co, NULL), 0);
		html = section(dir, NULL);
		has(html, "all articles (mean)");
		has(html, "mean over all articles");
		has(html, "<figure id=\"chart-stories\">");
		has(html, "<figure id=\"chart-effects\">");
		has(html, "stance of each article, by story and outlet");
		has(html, "stance against B: within stories and pooled");
		if (getenv("STORYPAGE_DUMP")) {
			FILE *f = fopen(getenv("STORYPAGE_DUMP"), "w");
			assert_non_null(f);
			fputs(html, f);
			fclose(f);
		}
		free(html);
		drop(dir, "stories.svg");
		drop(dir, "effects.svg");
	}

	/* --within story: the column's values, the same stories. */
	html = section(dir, "story");
	has(html, "The stories are the values of the column <code>story</code>: 3 stories, 2 of");
	has(html, "<h3>Story s1</h3>\n<p class=\"sub\">3 articles, 2 outlets</p>");
	free(html);

	/*
	 * compare.tsv has B against A with the rate ratio 2: A has fewer pooled too
	 * (1 / 2 = 0.5). One comparison left that points the other way: its sentence.
	 */
	put(dir, "compare.tsv", COMPARE_HEAD
	    "A\tB\tstance\t3\t4\t0.7\t0.35\t0.35\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA\t\n"
	    "B\tA\taccusatory_rate\t4\t3\t1\t1\t-1\tNA\tNA\tNA\tNA\tNA\tNA\tNA\t2\tNA\tNA\tNA\tNA\tNA\tNA\t\n");
	html = section(dir, NULL);
	has(html, "<p class=\"verdict\">Within stories, A has a lower stance than B (difference "
		  "-0.80, 95% CI -1.20 to -0.40), while pooled over all articles it has a higher one "
		  "(difference 0.35): the outlets cover different stories.</p>");
	assert_int_equal(count(html, "<p class=\"verdict\">"), 1);
	assert_int_equal(count(html, "<tr class=\"one\">"), 1);
	free(html);
	/* Pooled stance -0.35 as well: they agree, and one sentence says so. */
	put(dir, "compare.tsv", COMPARE_HEAD
	    "B\tA\tstance\t4\t3\t0.7\t0.35\t0.35\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA\t\n"
	    "B\tA\taccusatory_rate\t4\t3\t1\t1\t-1\tNA\tNA\tNA\tNA\tNA\tNA\tNA\t2\tNA\tNA\tNA\tNA\tNA\tNA\t\n");
	html = section(dir, NULL);
	has(html, "<p class=\"verdict\">Within stories and pooled over all articles agree: no "
		  "outlet&#39;s within-story effect against B (its 95% interval) points the other "
		  "way from the pooled comparison (2 comparisons).</p>");
	assert_int_equal(count(html, "<p class=\"verdict\">"), 1);
	assert_null(strstr(html, "<tr class=\"one\">"));
	free(html);

	/* No story shared by two outlets: one line. */
	put(dir, "stories.tsv", "id\tstory\tsize\toutlets\tfirst_date\tlast_date\ttop_terms\n"
	    "a1\t1\t1\t1\t2020-01-01\t2020-01-01\tx\n");
	html = section(dir, NULL);
	has(html, "<h2 id=\"stories\">Same story</h2>\n<p class=\"na\">No story in this corpus is "
		  "covered by two or more outlets.</p>\n");
	assert_null(strstr(html, "<h3>"));
	free(html);
	/* Nor a chart: with effects.tsv and outlets.tsv still there, neither is drawn. */
	if (chart_available()) {
		struct scoretab_grouping g = { "outlet", NULL, 0 };
		struct storychart_opts co = { dir, dir, CHART_SVG, "fixture", "outlet", &g, NULL, 0 };
		char *svg = path_join(dir, "effects.svg");
		assert_int_equal(storychart_draw(&co, NULL), 0);
		assert_int_equal(access(svg, F_OK), -1);
		free(svg);
		svg = path_join(dir, "stories.svg");
		assert_int_equal(access(svg, F_OK), -1);
		free(svg);
	}
	/* Nor without stories.tsv. */
	drop(dir, "stories.tsv");
	html = section(dir, NULL);
	has(html, "<p class=\"na\">No story in this corpus is covered by two or more outlets.</p>");
	free(html);
	{
		static const char *const files[] = { "scores.tsv", "matches.tsv", "effects.tsv",
						     "compare.tsv", "outlets.tsv" };
		size_t i;
		for (i = 0; i < 5; i++)
			drop(dir, files[i]);
	}
	assert_int_equal(rmdir(dir), 0);
}

/* Titles, outlets, story labels and sentences from the corpus are text, never markup. */
static void test_storypage_hostile(void **state)
{
	char dir[] = "/tmp/framing-storypage.XXXXXX";
	char *html;
	(void)state;

	assert_non_null(mkdtemp(dir));
	put(dir, "scores.tsv", SCORES_HEAD
	    "x1\t<b>A&amp;</b>\t2020-01-01\t<script>alert(1)</script>\t100\t0.5\t\"><img src=x onerror=alert(2)>\n"
	    "x2\tB'\t2020-01-01\tplain\t100\tNA\t\"><img src=x onerror=alert(2)>\n");
	put(dir, "matches.tsv", MATCHES_HEAD
	    "x1\t<b>A&amp;</b>\taccusatory\trow\t<i>row</i>\t1\t10\t0\t0\t</li><li>\t\" onmouseover=\"x\n");
	put(dir, "effects.tsv", EFFECTS_HEAD
	    "<b>A&amp;</b>\tB'\tstance\tlinear\t0.5\t0.1\t0.3\t0.7\t0.01\t1\t1\t\n");
	html = section(dir, "story");
	assert_null(strstr(html, "<script"));
	assert_null(strstr(html, "<img"));
	assert_null(strstr(html, "<b>"));
	assert_null(strstr(html, "<i>"));
	assert_null(strstr(html, "</li><li>"));
	has(html, "<h3>Story &quot;&gt;&lt;img src=x onerror=alert(2)&gt;</h3>");
	has(html, "<h4>&lt;b&gt;A&amp;amp;&lt;/b&gt;</h4>");
	has(html, "<p class=\"t\">&lt;script&gt;alert(1)&lt;/script&gt;</p>");
	has(html, "<li class=\"said-own\">&lt;/li&gt;&lt;li&gt; <mark>&lt;i&gt;row&lt;/i&gt;</mark> "
		  "&quot; onmouseover=&quot;x <span");
	has(html, "<h4>B&#39;</h4>");
	/* No pooled comparison: no sentence of disagreement. */
	has(html, "<p class=\"verdict\">No within-story effect can be set against a pooled "
		  "comparison (compare.tsv has no row of the same pair and metric).</p>");
	free(html);
	/* No effect estimated (one shared story): the sentence says so, the note why. */
	put(dir, "effects.tsv", EFFECTS_HEAD
	    "<b>A&amp;</b>\tB'\tstance\tlinear\tNA\tNA\tNA\tNA\tNA\t1\t1\tno residual <i>df</i>\n");
	html = section(dir, "story");
	has(html, "<p class=\"verdict\">No within-story effect could be estimated: the notes of "
		  "effects.tsv in the table say why.</p>");
	has(html, "<td class=\"note\">no residual &lt;i&gt;df&lt;/i&gt;</td></tr>");
	assert_null(strstr(html, "<i>"));
	free(html);
	drop(dir, "scores.tsv");
	drop(dir, "matches.tsv");
	drop(dir, "effects.tsv");
	assert_int_equal(rmdir(dir), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_storypage_disagree),
		cmocka_unit_test(test_storypage_hostile),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
