/* Unit tests for HTML pages: blocks, dropped elements, hints, title, date, offsets, charsets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "buf.h"
#include "charset.h"
#include "htmlpage.h"
#include "offmap.h"

static void read_page(struct htmlpage *p, const char *html)
{
	htmlpage_read(p, html, strlen(html), 1, "test.html");
}

static void test_offmap(void **state)
{
	struct offmap m = OFFMAP_INIT;

	(void)state;
	assert_int_equal(offmap_lookup(&m, 7), 7);
	offmap_add(&m, 0, 10);
	offmap_add(&m, 1, 11);	/* follows: no new run */
	offmap_add(&m, 2, 12);
	assert_int_equal(m.n, 1);
	offmap_add(&m, 3, 20);	/* an entity of 5 bytes before */
	offmap_add(&m, 3, 21);	/* the same text byte again: the first stands */
	offmap_add(&m, 4, 28);
	assert_int_equal(m.n, 3);
	assert_int_equal(offmap_lookup(&m, 0), 10);
	assert_int_equal(offmap_lookup(&m, 2), 12);
	assert_int_equal(offmap_lookup(&m, 3), 20);
	assert_int_equal(offmap_lookup(&m, 4), 28);
	assert_int_equal(offmap_lookup(&m, 9), 33);
	offmap_release(&m);
}

static void test_blocks(void **state)
{
	struct htmlpage p;
	const char *html = "<html><head><title>T</title><style>p{}</style>"
			   "<script>var s = '<p>x</p>';</script></head><body>"
			   "Bare   text\n in body<div>div text<p>one <b>bold</b>\n  two</p>tail</div>"
			   "<ul><li>item a<li>item b</ul><table><tr><td>c1<td>c2</table>"
			   "<p>first<br>second<br/>third</p><pre>a  b\nc</pre>"
			   "<noscript>ns</noscript><template>tp</template><svg><text>sv</text></svg>"
			   "<blockquote>q</blockquote><dl><dt>t<dd>d</dl>"
			   "<h2>head</h2>x&amp;y&#8217;s&nbsp;z</body></html>";

	(void)state;
	read_page(&p, html);
	assert_string_equal(p.text, "Bare text in body\ndiv text\none bold two\ntail\nitem a\nitem b\n"
			    "c1\nc2\nfirst\nsecond\nthird\na  b\nc\nq\nt\nd\nhead\n"
			    "x&y\xE2\x80\x99s\xC2\xA0z\n");
	assert_int_equal(p.nhints, 18);
	assert_int_equal(p.replaced, 0);
	htmlpage_release(&p);
}

static const char *hint_of(const struct htmlpage *p, const char *line)
{
	size_t i;
	const char *at = strstr(p->text, line);

	for (i = 0; at && i < p->nhints; i++)
		if (p->hints[i].start == (size_t)(at - p->text))
			return p->hints[i].context ? p->hints[i].context : "-";
	return "?";
}

static void test_contexts(void **state)
{
	struct htmlpage p;
	const char *html = "<body><header><nav><a>Home</a></nav><p>Site banner</p></header>"
			   "<article><header><p>Standfirst of the story.</p></header>"
			   "<p>Story <a href=x>link</a> text.</p><figure><figcaption>Cap</figcaption></figure>"
			   "<footer>Tags</footer></article><aside>Related</aside>"
			   "<div role=navigation>Menu</div><form><button>Go</button>Sign up</form>"
			   "<p><a href=a>All links here</a></p><footer>Copyright</footer></body>";

	(void)state;
	read_page(&p, html);
	assert_string_equal(hint_of(&p, "Home"), "nav");
	assert_string_equal(hint_of(&p, "Site banner"), "header");
	assert_string_equal(hint_of(&p, "Standfirst"), "-");
	assert_string_equal(hint_of(&p, "Story"), "-");
	assert_string_equal(hint_of(&p, "Cap"), "figcaption");
	assert_string_equal(hint_of(&p, "Tags"), "-");
	assert_string_equal(hint_of(&p, "Related"), "aside");
	assert_string_equal(hint_of(&p, "Menu"), "role navigation");
	assert_string_equal(hint_of(&p, "Go"), "button");
	assert_string_equal(hint_of(&p, "Sign up"), "form");
	assert_string_equal(hint_of(&p, "Copyright"), "footer");
	/* Link density: "link" is 4 of 14 characters of "Story link text." */
	{
		const char *at = strstr(p.text, "Story");
		size_t i;
		for (i = 0; i < p.nhints; i++)
			if (p.hints[i].start == (size_t)(at - p.text))
				break;
		assert_true(i < p.nhints);
		assert_int_equal(p.hints[i].link_chars, 4);
		assert_int_equal(p.hints[i].chars, 14);
		assert_string_equal(p.hints[i].links_reason, "links 0.29");
	}
	htmlpage_release(&p);
}

/* The cleaner takes the hints: furniture and link lists go, with the reason. */
static void test_clean_hints(void **state)
{
	struct htmlpage p;
	struct clean_result r = CLEAN_RESULT_INIT;
	struct clean_options opt = { .enabled = 1, .skip_empty = 1 };
	const char *html = "<nav><p>The menu is a sentence that ends with a full stop, like prose does.</p></nav>"
			   "<p>The spokesman said on Monday that the two sides should work together and "
			   "that the talks would go on as planned.</p>"
			   "<p><a href=x>Related: the spokesman said the talks would go on as planned today.</a></p>";

	(void)state;
	read_page(&p, html);
	opt.hints = p.hints;
	opt.nhints = p.nhints;
	clean_document(p.text, p.len, &opt, &r);
	assert_int_equal(r.n, 3);
	assert_false(r.lines[0].keep);
	assert_string_equal(r.lines[0].reason, "nav");
	assert_true(r.lines[1].keep);
	assert_false(r.lines[2].keep);
	assert_string_equal(r.lines[2].reason, "links 1.00");
	/* Without the hints, the same text keeps all three. */
	opt.hints = NULL;
	opt.nhints = 0;
	clean_document(p.text, p.len, &opt, &r);
	assert_true(r.lines[0].keep && r.lines[1].keep && r.lines[2].keep);
	clean_result_release(&r);
	htmlpage_release(&p);
}

/* ARIA dialogs and modals, as Readability's UNLIKELY_ROLES and its aria-modal check. */
static void test_dialog_hints(void **state)
{
	struct htmlpage p;
	const char *html = "<div class=layer role=dialog><p>We use cookies on this site.</p></div>"
			   "<div role=AlertDialog>Your session expires soon.</div>"
			   "<div aria-modal=true><p>Subscribe to read on.</p></div>"
			   "<div aria-modal=false><p>Not modal.</p></div>"
			   "<div role=dialog aria-modal=true><nav>Inner menu</nav></div>"
			   "<p>Story text.</p>";

	(void)state;
	read_page(&p, html);
	assert_string_equal(hint_of(&p, "We use cookies"), "role dialog");
	assert_string_equal(hint_of(&p, "Your session"), "role alertdialog");
	assert_string_equal(hint_of(&p, "Subscribe"), "aria-modal");
	assert_string_equal(hint_of(&p, "Not modal"), "-");
	assert_string_equal(hint_of(&p, "Inner menu"), "nav");
	assert_string_equal(hint_of(&p, "Story"), "-");
	htmlpage_release(&p);
}

/*
 * Class and id: Readability's unlikely words (and trafilatura's cookie,
 * consent, newsletter, paywall, share) mark a block's lines; its
 * exceptions keep a block; inline elements, cells and code are not judged.
 */
static void test_class_hints(void **state)
{
	struct htmlpage p;
	const char *html = "<body class=has-sidebar>"
			   "<div class=\"x gdpr-layer\"><p>We and our partners store cookies.</p></div>"
			   "<section class=newsletter><p>Get the newsletter every morning.</p></section>"
			   "<div id=Sidebar>Most read</div>"
			   "<div class=\"side-box nl\" id=\"sponsored-links\">Partner offers</div>"
			   "<div class=cookie-notice><div><p>Nested in the notice.</p></div>"
			   "<div class=widget-content>Widget body</div></div>"
			   "<div class=\"comment-body\">Kept by the exception.</div>"
			   "<p>Lead with <span class=social-icon>an inline span</span> inside.</p>"
			   "<span class=related>Inline at the start of a line.</span>"
			   "<table><tr><td class=header>A cell</td></tr></table>"
			   "<pre><div class=comment>In code</div></pre>"
			   "<div class=\"" "share-" "0123456789012345678901234567890123456789xyz\">Long</div>"
			   "<p>Plain story text.</p></body>";

	(void)state;
	read_page(&p, html);
	assert_string_equal(hint_of(&p, "We and our"), "class gdpr-layer");
	assert_string_equal(hint_of(&p, "Get the newsletter"), "class newsletter");
	assert_string_equal(hint_of(&p, "Most read"), "id Sidebar");
	assert_string_equal(hint_of(&p, "Partner offers"), "id sponsored-links");
	assert_string_equal(hint_of(&p, "Nested in the notice"), "class cookie-notice");
	assert_string_equal(hint_of(&p, "Widget body"), "-");
	assert_string_equal(hint_of(&p, "Kept by the exception"), "-");
	assert_string_equal(hint_of(&p, "Lead with"), "-");
	assert_string_equal(hint_of(&p, "Inline at the start"), "-");
	assert_string_equal(hint_of(&p, "A cell"), "-");
	assert_string_equal(hint_of(&p, "In code"), "-");
	assert_string_equal(hint_of(&p, "Long"), "class share-0123456789012345678901234567890123");
	assert_string_equal(hint_of(&p, "Plain story"), "-");
	htmlpage_release(&p);
}

/* The article body in a wrapper: kept, with the furniture around it dropped. */
static void test_class_body_kept(void **state)
{
	struct htmlpage p;
	struct clean_result r = CLEAN_RESULT_INIT;
	struct clean_options opt = { .enabled = 1, .skip_empty = 1 };
	const char *html = "<body><div id=\"page-wrapper\">"
			   "<div class=\"header-top\"><p>Cookie Policy Update</p></div>"
			   "<div class=\"article-body main-content\">"
			   "<p>The spokesman said on Monday that the two sides should work together and "
			   "that the talks would go on as planned.</p></div>"
			   "<div class=\"layout-sidebar\"><div class=\"article-body\"><p>The minister "
			   "said the budget would be presented to parliament in the spring.</p></div>"
			   "<p>Our sidebar says you should read our other stories too.</p></div>"
			   "<div class=\"cookie-banner\"><p>We use cookies to give you the best "
			   "experience on our website, and you can change that at any time.</p></div>"
			   "</div></body>";

	(void)state;
	read_page(&p, html);
	opt.title = "Cookie Policy Update";
	opt.hints = p.hints;
	opt.nhints = p.nhints;
	clean_document(p.text, p.len, &opt, &r);
	assert_int_equal(r.n, 5);
	assert_true(r.lines[0].keep);	/* furniture by its class, but the title */
	assert_true(r.lines[1].keep);
	assert_true(r.lines[2].keep);	/* the article's, inside a sidebar's wrapper */
	assert_false(r.lines[3].keep);
	assert_string_equal(r.lines[3].reason, "class layout-sidebar");
	assert_false(r.lines[4].keep);
	assert_string_equal(r.lines[4].reason, "class cookie-banner");
	clean_result_release(&r);
	htmlpage_release(&p);
}

static void test_title_date(void **state)
{
	struct htmlpage p;

	(void)state;
	read_page(&p, "<title>Talks resume | Reuters</title><h1>The h1</h1>"
		      "<meta property=\"og:title\" content=\"The &amp; og title\">");
	assert_string_equal(p.title, "The & og title");
	htmlpage_release(&p);
	read_page(&p, "<title>Talks resume | Reuters</title><body><h1>The <b>h1</b></h1><p>x</p>");
	assert_string_equal(p.title, "The h1");
	htmlpage_release(&p);
	read_page(&p, "<title>China says talks are hard to resume - BBC News</title><p>x</p>");
	assert_string_equal(p.title, "China says talks are hard to resume");
	assert_string_equal(p.date, "");
	htmlpage_release(&p);
	read_page(&p, "<title>US-China talks</title><time datetime=\"2015-09-11T10:00Z\">x</time>"
		      "<script type=\"application/ld+json\">{\"datePublished\": \"2014-10-20T04:31:00Z\"}</script>");
	assert_string_equal(p.title, "US-China talks");
	assert_string_equal(p.date, "2014-10-20");
	htmlpage_release(&p);
	read_page(&p, "<meta property=\"article:published_time\" content=\"2013-06-04\">"
		      "<time datetime=\"2015-09-11\">x</time>");
	assert_string_equal(p.date, "2013-06-04");
	htmlpage_release(&p);
	read_page(&p, "<p><time datetime=\"2015-02-30\">bad</time><time datetime=\"2015-09-11\">x</time>");
	assert_string_equal(p.date, "2015-09-11");
	htmlpage_release(&p);
}

/* Every word's first byte maps to the byte where it starts in the page. */
static void test_offsets(void **state)
{
	struct htmlpage p;
	const char *html = "<p>AT&amp;T said <b>groundless</b>\n   accusations&#8217;re\r\n"
			   "&nbsp;caf\xC3\xA9 end</p><p>\xE4\xB8\xAD\xE5\x9B\xBD ok</p>";
	static const struct {
		const char *word, *in_html;
	} words[] = {
		{ "AT", "AT&amp;" }, { "&T", "&amp;T" }, { "T said", "T said" }, { "said", "said" },
		{ "groundless", "groundless</b>" }, { "accusations", "accusations&" },
		{ "\xE2\x80\x99re", "&#8217;re" }, { "re", "re\r" }, { "caf", "caf" },
		{ "end", "end</p>" }, { "\xE4\xB8\xAD", "\xE4\xB8\xAD" }, { "ok", "ok</p>" },
	};
	size_t i;

	(void)state;
	read_page(&p, html);
	assert_string_equal(p.text, "AT&T said groundless accusations\xE2\x80\x99re \xC2\xA0"
			    "caf\xC3\xA9 end\n\xE4\xB8\xAD\xE5\x9B\xBD ok\n");
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		const char *t = strstr(p.text, words[i].word), *h = strstr(html, words[i].in_html);
		assert_non_null(t);
		assert_non_null(h);
		assert_int_equal(htmlpage_offset(&p, (size_t)(t - p.text)), (size_t)(h - html));
	}
	assert_int_equal(p.unaligned, 0);
	htmlpage_release(&p);
}

/* A page in GBK: offsets point at the GBK bytes of the file. */
static void test_charset_offsets(void **state)
{
	struct htmlpage p;
	/* "<meta charset=gbk><p>AB 中国 said</p>" with 中国 in GBK: D6 D0 B9 FA */
	const char *html = "<meta charset=gbk><p>AB \xD6\xD0\xB9\xFA said \xFF!</p>";

	(void)state;
	read_page(&p, html);
	assert_string_equal(p.text, "AB \xE4\xB8\xAD\xE5\x9B\xBD said \xEF\xBF\xBD!\n");
	assert_int_equal(p.replaced, 1);
	assert_int_equal(htmlpage_offset(&p, 3), 24);		/* 中 */
	assert_int_equal(htmlpage_offset(&p, 6), 26);		/* 国 */
	assert_int_equal(htmlpage_offset(&p, 10), 29);		/* said */
	assert_int_equal(htmlpage_offset(&p, 15), 34);		/* U+FFFD for 0xFF */
	htmlpage_release(&p);
}

static void test_sniff(void **state)
{
	struct buf name = BUF_INIT;
	size_t bom;

	(void)state;
	assert_int_equal(charset_sniff("<META CHARSET='Big5'>", 21, &name, &bom), 0);
	assert_string_equal(name.data, "big5");
	assert_int_equal(charset_sniff("<!-- <meta charset=gbk> --><meta http-equiv=\"Content-Type\" "
				       "content=\"text/html; charset=KOI8-R\">", 95, &name, &bom), 0);
	assert_string_equal(name.data, "koi8-r");
	assert_int_equal(charset_sniff("\xEF\xBB\xBF<meta charset=gbk>", 21, &name, &bom), 0);
	assert_string_equal(name.data, "utf-8");
	assert_int_equal(bom, 3);
	assert_int_equal(charset_sniff("<meta name=x content=y><p>", 26, &name, &bom), -1);
	buf_release(&name);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_offmap),
		cmocka_unit_test(test_blocks),
		cmocka_unit_test(test_contexts),
		cmocka_unit_test(test_dialog_hints),
		cmocka_unit_test(test_class_hints),
		cmocka_unit_test(test_class_body_kept),
		cmocka_unit_test(test_clean_hints),
		cmocka_unit_test(test_title_date),
		cmocka_unit_test(test_offsets),
		cmocka_unit_test(test_charset_offsets),
		cmocka_unit_test(test_sniff),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
