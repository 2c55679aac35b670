/*
 * Unit tests for the escaping of the gnuplot scripts and the report,
 * SHA-256, and report.html on runs of many groups (issue 19).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "gpscript.h"
#include "html.h"
#include "fsutil.h"
#include "report.h"
#include "results.h"
#include "sha256.h"
#include "source.h"

static void quote_is(const char *in, const char *want)
{
	struct buf b = BUF_INIT;
	gpscript_quote(&b, in);
	assert_string_equal(b.data, want);
	buf_release(&b);
}

static void test_gpscript_quote_hostile(void **state)
{
	(void)state;
	quote_is("China Daily", "\"China Daily\"");
	/* Everything but plain ASCII is an octal escape, so nothing is special. */
	quote_is("it's", "\"it\\0047s\"");
	quote_is("'Quoted'' News", "\"\\0047Quoted\\0047\\0047 News\"");
	quote_is("\"q\"", "\"\\0042q\\0042\"");
	quote_is("`touch SENTINEL`", "\"\\0140touch SENTINEL\\0140\"");
	quote_is("a\\", "\"a\\0134\"");
	quote_is("a;b", "\"a\\0073b\"");
	quote_is("@macro", "\"\\0100macro\"");
	quote_is("system(\"x\")", "\"system(\\0042x\\0042)\"");
	quote_is("<script>", "\"\\0074script\\0076\"");
	/* A newline would end the command: it becomes a space, as do controls. */
	quote_is("a\nb\rc\td", "\"a b c d\"");
	quote_is("x\nEOD\ny", "\"x EOD y\"");
	quote_is("中国日报 Спутник", "\"中国日报 Спутник\"");
	/* Invalid UTF-8 would make the SVG invalid XML. */
	quote_is("a\xff" "b", "\"a\xEF\xBF\xBD" "b\"");
	quote_is("", "\"\"");
}

/* Tic labels are printf formats to gnuplot: % is doubled there only, and a long one cut. */
static void test_gpscript_quote_tic_percent(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	gpscript_quote_tic(&b, "50% News");
	assert_string_equal(b.data, "\"50\\0045\\0045 News\"");
	/* Cut to 49 bytes as printed (46 and the ellipsis) when it holds %; else whole. */
	buf_reset(&b);
	gpscript_quote_tic(&b, "O'Brien 50% @x \xE4\xB8\xAD\xE5\x9B\xBD\xE6\x97\xA5\xE6\x8A\xA5 (2 articles) abcdefghij");
	assert_string_equal(b.data, "\"O\\0047Brien 50\\0045\\0045 \\0100x \xE4\xB8\xAD\xE5\x9B\xBD"
			    "\xE6\x97\xA5\xE6\x8A\xA5 (2 articles) abcde\xE2\x80\xA6\"");
	buf_reset(&b);
	gpscript_quote_tic(&b, "no percent sign here but a label longer than fifty bytes");
	assert_string_equal(b.data, "\"no percent sign here but a label longer than fifty bytes\"");
	buf_reset(&b);
	gpscript_quote(&b, "50% News");
	assert_string_equal(b.data, "\"50\\0045 News\"");
	buf_release(&b);
}

/* The only double quotes of a literal are its first and last byte. */
static void test_gpscript_quote_balanced(void **state)
{
	const char *in[] = { "\"\"", "a\"b\"c", "\\\"", "x\" ; system(\"ls\") ; \"", NULL };
	size_t i, j;
	(void)state;
	for (i = 0; in[i]; i++) {
		struct buf b = BUF_INIT;
		gpscript_quote(&b, in[i]);
		assert_true(b.len >= 2);
		assert_int_equal(b.data[0], '"');
		assert_int_equal(b.data[b.len - 1], '"');
		for (j = 1; j + 1 < b.len; j++) {
			assert_int_not_equal(b.data[j], '"');
			assert_int_not_equal(b.data[j], '`');
			assert_int_not_equal(b.data[j], '@');
		}
		buf_release(&b);
	}
}

static void escape_is(const char *in, const char *want)
{
	struct buf b = BUF_INIT;
	html_escape(&b, in);
	assert_string_equal(buf_str(&b), want);
	buf_release(&b);
}

static void test_html_escape(void **state)
{
	(void)state;
	escape_is("", "");
	escape_is("plain text", "plain text");
	escape_is("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;");
	escape_is("a & b", "a &amp; b");
	escape_is("\"x\" 'y'", "&quot;x&quot; &#39;y&#39;");
	escape_is("&amp;", "&amp;amp;");
	escape_is("`touch SENTINEL` \\ ;", "`touch SENTINEL` \\ ;");
	escape_is("中国日报 Спутник", "中国日报 Спутник");
	escape_is("a\x01" "b\nc", "a b c");
	escape_is("bad \xc3(", "bad \xEF\xBF\xBD(");
}

static void test_markdown(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	html_markdown(&b, "**Stance** is `log(a < b)`.\n\n- one\n  more\n- two <i>\n\nend\n");
	assert_string_equal(b.data,
			    "<p><strong>Stance</strong> is <code>log(a &lt; b)</code>.</p>\n"
			    "<ul>\n<li>one more</li>\n<li>two &lt;i&gt;</li>\n</ul>\n<p>end</p>\n");
	buf_release(&b);
}

static void test_svg_inline(void **state)
{
	const char ok[] = "<?xml version=\"1.0\"?>\n<!-- c -->\n<svg width=\"1\">"
			  "<g id=\"gnuplot_canvas\"><use xlink:href='#gpPt1'/>"
			  "<text>&lt;script&gt; onload=x</text></g></svg>\n";
	const char *bad[] = {
		"<svg><script>alert(1)</script></svg>",
		"<svg><SCRIPT>x</SCRIPT></svg>",
		"<svg><g onload=\"x()\"></g></svg>",
		"<svg><foreignObject></foreignObject></svg>",
		"<svg><a href=\"javascript:x\"></a></svg>",
		"no svg here",
		NULL,
	};
	struct buf b = BUF_INIT;
	size_t i;
	(void)state;
	assert_int_equal(html_svg_inline(&b, ok, strlen(ok), "c1-"), 0);
	assert_string_equal(b.data, "<svg width=\"1\"><g id=\"c1-gnuplot_canvas\">"
			    "<use xlink:href='#c1-gpPt1'/><text>&lt;script&gt; onload=x</text></g></svg>\n");
	for (i = 0; bad[i]; i++) {
		buf_reset(&b);
		assert_int_equal(html_svg_inline(&b, bad[i], strlen(bad[i]), "p-"), -1);
		assert_int_equal(b.len, 0);
	}
	buf_release(&b);
}

static void sha_is(const char *in, size_t len, const char *want)
{
	char hex[65];
	sha256_hex(in, len, hex);
	assert_string_equal(hex, want);
}

/* The examples of FIPS 180-2 (appendix B) and NIST's one-million-a test. */
static void test_sha256_fips(void **state)
{
	char *million = malloc(1000000);
	struct sha256 s;
	unsigned char d[32];
	size_t i;
	(void)state;
	sha_is("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sha_is("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	sha_is("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
	       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	sha_is("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
	       112, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
	assert_non_null(million);
	memset(million, 'a', 1000000);
	sha_is(million, 1000000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	/* Fed in odd pieces, the same digest. */
	sha256_init(&s);
	for (i = 0; i < 1000000; i += 777)
		sha256_update(&s, million + i, 1000000 - i < 777 ? 1000000 - i : 777);
	sha256_final(&s, d);
	assert_int_equal(d[0], 0xcd);
	assert_int_equal(d[31], 0xd0);
	free(million);
}

/*
 * A run of k groups made by tests/e2e/many_groups.lib (awk, without
 * framing stats, which takes minutes on a thousand groups) in a new
 * folder; report_write on it. Returns report.html (free it) or NULL when
 * report_write failed; dir receives the folder.
 */
static char *many_report(size_t k, const char *groups, size_t max, char *dir)
{
	struct report_opts o;
	struct source_options in = SOURCE_OPTIONS_INIT;
	struct buf cmd = BUF_INIT;
	const char *root = getenv("ROOT");
	char *path, *html;
	size_t len;

	strcpy(dir, "/tmp/framing-many.XXXXXX");
	assert_non_null(mkdtemp(dir));
	buf_addf(&cmd, "cd '%s' && . '%s/tests/e2e/many_groups.lib' && many_scores %zu '%s' && "
		 "many_tables '%s'", dir, root ? root : ".", k, dir, dir);
	assert_int_equal(system(cmd.data), 0);
	buf_release(&cmd);
	memset(&o, 0, sizeof(o));
	in.jsonl = "-";		/* not read again: the boilerplate is "not measured" */
	o.corpus = dir;
	o.in = in;
	o.clean = o.negation = 1;
	o.corpus_name = "many";
	o.outdir = dir;
	o.by = "outlet";
	o.seed = 1;
	o.max_groups = max;
	o.groups = groups;
	if (report_write(&o) < 0)
		return NULL;
	path = path_join(dir, "report.html");
	html = read_file(path, &len);
	free(path);
	return html;
}

static void many_cleanup(const char *dir)
{
	struct buf cmd = BUF_INIT;
	buf_addf(&cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd.data), 0);
	buf_release(&cmd);
}

static size_t count_of(const char *s, const char *what)
{
	size_t n = 0;
	while ((s = strstr(s, what))) {
		n++;
		s += strlen(what);
	}
	return n;
}

/* 1, 2 groups: one table of every group as before, nothing pooled, nothing said. */
static void test_report_few_groups(void **state)
{
	size_t k;
	(void)state;
	for (k = 1; k <= 2; k++) {
		char dir[64], *html = many_report(k, NULL, RES_MAX_GROUPS, dir);
		assert_non_null(html);
		assert_non_null(strstr(html, "O&#39;Brien &quot;News&quot; `id` 50% @x 中国日报"));
		if (k == 2)
			assert_non_null(strstr(html, "<td>outlet-00002<"));
		assert_null(strstr(html, "all others"));
		assert_null(strstr(html, "<details"));
		assert_null(strstr(html, "largest of"));
		free(html);
		many_cleanup(dir);
	}
}

/*
 * 30, 31 and 1,000 groups: the first table has the 25 largest and "all
 * others", said so; every group is in each of the three full tables; the
 * pairwise section prints "(rest)" with the pooled rate of the others.
 */
static void test_report_many_groups(void **state)
{
	static const size_t ks[] = { 30, 31, 1000 };
	size_t i, g;
	(void)state;
	for (i = 0; i < 3; i++) {
		char dir[64], say[160], name[64], *html = many_report(ks[i], NULL, RES_MAX_GROUPS, dir);
		struct buf others = BUF_INIT;

		assert_non_null(html);
		res_add_count(&others, (double)(ks[i] - 25));
		snprintf(say, sizeof(say), "25 largest of %s groups by articles; the other %s pooled "
			 "as 'all others'", ks[i] == 1000 ? "1,000" : ks[i] == 30 ? "30" : "31", others.data);
		assert_non_null(strstr(html, say));
		assert_non_null(strstr(html, "<tr class=\"others\"><td>all others ("));
		assert_int_equal(count_of(html, "<details>"), 3);
		/* Every group in each full table; the 25 largest once more above them. */
		for (g = 2; g <= ks[i]; g++) {
			snprintf(name, sizeof(name), "<tr><td>outlet-%05zu</td><td class=\"n\">", g);
			assert_true(count_of(html, name) == 3 || count_of(html, name) == 4);
			if (ks[i] > 100)
				g += 97;	/* a sample: strstr over megabytes */
		}
		assert_true(count_of(html, "<tr><td>O&#39;Brien &quot;News&quot; `id` 50% @x 中国日报</td>") >= 3);
		assert_non_null(strstr(html, "<td>(rest)</td>"));
		assert_non_null(strstr(html, "<code>(rest)</code> in group b"));
		if (ks[i] == 1000)
			assert_non_null(strstr(html, "The table lists the first 200 of them"));
		buf_release(&others);
		free(html);
		many_cleanup(dir);
	}
}

/* --groups: those named, in their order, the others pooled; a name not in the run fails. */
static void test_report_named_groups(void **state)
{
	char dir[64], *html;
	(void)state;
	html = many_report(31, "outlet-00003,outlet-00002,outlet-00003", RES_MAX_GROUPS, dir);
	assert_non_null(html);
	assert_non_null(strstr(html, "2 named of 31 groups; the other 29 pooled as 'all others'"));
	/* Both rows present (strstr's NULL would compare below any row), 3 before 2. */
	assert_non_null(strstr(html, "<td>outlet-00003<"));
	assert_non_null(strstr(html, "<td>outlet-00002<"));
	assert_true(strstr(html, "<td>outlet-00003<") < strstr(html, "<td>outlet-00002<"));
	free(html);
	many_cleanup(dir);
	assert_null(many_report(31, "outlet-00002,no such outlet", RES_MAX_GROUPS, dir));
	many_cleanup(dir);
	/* --max-groups 40 on 31 groups: all shown, as with a few. */
	html = many_report(31, NULL, 40, dir);
	assert_non_null(html);
	assert_null(strstr(html, "<details"));
	free(html);
	many_cleanup(dir);
}

/* p-values never round across 0.05, the report's threshold. */
static void pval_is(double p, const char *want)
{
	struct buf b = BUF_INIT;
	html_pval(&b, p);
	assert_string_equal(buf_str(&b), want);
	buf_release(&b);
}

static void test_html_pval(void **state)
{
	(void)state;
	pval_is(0.0498, "0.0498");	/* once "0.050" under "p (Holm) < 0.05" */
	pval_is(0.049996, "0.049996");	/* "0.0500" at 3 digits */
	pval_is(0.05, "0.05");
	pval_is(0.0012345, "0.00123");
	pval_is(0.0999, "0.0999");
	pval_is(0.1, "0.100");
	pval_is(0.53317, "0.533");
	pval_is(0.0009, "&lt; 0.001");
	pval_is(NAN, "NA");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gpscript_quote_hostile),
		cmocka_unit_test(test_gpscript_quote_balanced),
		cmocka_unit_test(test_gpscript_quote_tic_percent),
		cmocka_unit_test(test_html_escape),
		cmocka_unit_test(test_html_pval),
		cmocka_unit_test(test_markdown),
		cmocka_unit_test(test_svg_inline),
		cmocka_unit_test(test_sha256_fips),
		cmocka_unit_test(test_report_few_groups),
		cmocka_unit_test(test_report_many_groups),
		cmocka_unit_test(test_report_named_groups),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
