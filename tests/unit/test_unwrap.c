/* Unit tests for unwrapping hard-wrapped text (unwrap.h) and its use by the cleaner. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "clean.h"
#include "unwrap.h"

static const char *const story[] = {
	"China urged the United States on Friday to stop its groundless accusations of cyber "
	"attacks, saying cyber security should be an area of cooperation rather than a source "
	"of frictions between the two countries.",
	"Foreign Ministry spokesman Hong Lei made the comment after the US Director of National "
	"Intelligence said on Thursday that China and Russia posed the most advanced cyber "
	"threats to the United States.",
	"\"The Chinese government firmly opposes and cracks down on all types of hackers,\" Hong "
	"said at a regular news briefing, adding that China is also a victim of cyber attacks.",
	"As two major powers in cyber space, China and the United States share extensive common "
	"interests while facing common challenges, he said.",
};
#define NSTORY (sizeof(story) / sizeof(story[0]))

/* Appends paragraph p wrapped greedily at width columns, each line starting with indent. */
static void wrap(struct buf *out, const char *p, size_t width, const char *first_indent,
		 const char *eol)
{
	size_t col = strlen(first_indent);
	int line_start = 1;

	buf_adds(out, first_indent);
	while (*p) {
		size_t w = strcspn(p, " ");
		if (!line_start && col + 1 + w > width) {
			buf_adds(out, eol);
			col = 0;
			line_start = 1;
		}
		if (!line_start) {
			buf_addch(out, ' ');
			col++;
		}
		buf_add(out, p, w);
		col += w;
		line_start = 0;
		p += w;
		while (*p == ' ')
			p++;
	}
	buf_adds(out, eol);
}

/* The story wrapped at width, paragraphs apart (blank: by blank lines; else by an indent). */
static void wrapped_story(struct buf *out, size_t width, int blank, const char *eol)
{
	size_t i;

	buf_adds(out, "Cyber talks: China urges US to stop accusations");
	buf_adds(out, eol);
	buf_adds(out, "Home | World | Business");
	buf_adds(out, eol);
	buf_adds(out, eol);
	for (i = 0; i < NSTORY; i++) {
		wrap(out, story[i], width, blank ? "" : "    ", eol);
		if (blank)
			buf_adds(out, eol);
	}
	buf_adds(out, "Related Stories");
	buf_adds(out, eol);
}

/* Cleans text; the kept lines in *kept, one per line, line breaks inside as spaces. */
static size_t kept_paragraphs(const char *text, size_t len, const char *title, struct buf *kept,
			      size_t *joins)
{
	struct clean_result r = CLEAN_RESULT_INIT;
	struct clean_options opt = { .title = title, .lang = "en", .enabled = 1 };
	size_t i, j, n = 0;

	clean_document(text, len, &opt, &r);
	for (i = 0; i < r.n; i++) {
		const struct clean_line *l = &r.lines[i];
		int space = 0;
		if (!l->keep || l->end == l->start)
			continue;
		for (j = l->start; j < l->end; j++) {
			int blank = text[j] == ' ' || text[j] == '\n' || text[j] == '\r';
			if (blank && !space && j > l->start)
				buf_addch(kept, ' ');
			else if (!blank)
				buf_addch(kept, text[j]);
			space = blank;
		}
		buf_addch(kept, '\n');
		n++;
	}
	*joins = r.unwrap.n;
	clean_result_release(&r);
	return n;
}

static void check_story(size_t width, int blank, const char *eol)
{
	struct buf text = BUF_INIT, kept = BUF_INIT, want = BUF_INIT;
	size_t joins, i, n;

	wrapped_story(&text, width, blank, eol);
	n = kept_paragraphs(text.data, text.len, "Cyber talks: China urges US to stop accusations",
			    &kept, &joins);
	buf_adds(&want, "Cyber talks: China urges US to stop accusations\n");
	for (i = 0; i < NSTORY; i++) {
		buf_adds(&want, story[i]);
		buf_addch(&want, '\n');
	}
	if (strcmp(buf_str(&kept), buf_str(&want)))
		fprintf(stderr, "width %zu, blank %d:\n%s\n---\n%s", width, blank, text.data,
			kept.data);
	assert_true(joins > 0);
	assert_int_equal(n, NSTORY + 1);
	assert_string_equal(buf_str(&kept), buf_str(&want));
	buf_release(&text);
	buf_release(&kept);
	buf_release(&want);
}

static void test_wrapped_paragraphs_are_joined(void **state)
{
	size_t w;
	(void)state;
	for (w = 60; w <= 80; w += 4) {
		check_story(w, 1, "\n");
		check_story(w, 0, "\n");
		check_story(w, 1, "\r\n");
		check_story(w, 0, "\r\n");
	}
}

/* A joined paragraph is a span of the original bytes: offsets are those of the file. */
static void test_offsets_unchanged(void **state)
{
	struct buf text = BUF_INIT;
	struct clean_result r = CLEAN_RESULT_INIT;
	struct clean_options opt = { .enabled = 1 };
	struct unwrap u = UNWRAP_INIT;
	size_t i, k;
	(void)state;

	wrapped_story(&text, 70, 1, "\r\n");
	clean_document(text.data, text.len, &opt, &r);
	assert_int_equal(unwrap_find(&u, text.data, text.len), r.unwrap.n);
	for (k = 0; k < u.n; k++)	/* each join is where a line break starts */
		assert_memory_equal(text.data + u.joins[k], "\r\n", 2);
	for (i = 0; i < r.n; i++) {
		const struct clean_line *l = &r.lines[i];
		if (!memcmp(text.data + l->start, "China urged", 11)) {
			/* The whole first paragraph, over its lines, the \r\n between them in it. */
			assert_int_equal(l->start, strstr(text.data, "China urged") - text.data);
			assert_int_equal(l->end, strstr(text.data, "countries.") + 10 - text.data);
			assert_non_null(memchr(text.data + l->start, '\r', l->end - l->start));
			k = SIZE_MAX;
		}
	}
	assert_int_equal(k, SIZE_MAX);	/* the paragraph was found */
	clean_result_release(&r);
	unwrap_release(&u);
	buf_release(&text);
}

/* Text written a paragraph a line, blank lines or not, menus and all, stays as it is. */
static void test_paragraph_a_line_untouched(void **state)
{
	struct buf text = BUF_INIT;
	struct unwrap u = UNWRAP_INIT;
	size_t i, pass;
	(void)state;

	for (pass = 0; pass < 2; pass++) {
		buf_reset(&text);
		buf_adds(&text, "Cyber talks: China urges US to stop accusations\nHome\nWorld\n");
		for (i = 0; i < NSTORY; i++) {
			buf_adds(&text, story[i]);
			buf_adds(&text, pass ? "\n\n" : "\n");
		}
		assert_int_equal(unwrap_find(&u, text.data, text.len), 0);
	}
	/* Short paragraphs, each a sentence, of about one width. */
	buf_reset(&text);
	for (i = 0; i < 20; i++)
		buf_adds(&text, i % 2 ? "The minister said the talks would resume next week.\n"
				      : "Officials on both sides declined to comment further.\n");
	assert_int_equal(unwrap_find(&u, text.data, text.len), 0);
	unwrap_release(&u);
	buf_release(&text);
}

/* A headline above a dateline and a menu below a paragraph are not part of it. */
static void test_headlines_not_joined(void **state)
{
	struct buf text = BUF_INIT, kept = BUF_INIT;
	size_t joins;
	const char *title = "China says it is hard to resume cyber security talks with US";
	(void)state;

	buf_adds(&text, title);
	buf_adds(&text, "\nUpdated: 2014-10-20\n");
	wrap(&text, story[0], 70, "", "\n");
	wrap(&text, story[1], 70, "", "\n");
	buf_adds(&text, "Related Stories on the cyber security dispute\nMore\n");
	kept_paragraphs(text.data, text.len, title, &kept, &joins);
	assert_true(joins > 0);
	assert_non_null(strstr(buf_str(&kept), "with US\n"));
	assert_non_null(strstr(buf_str(&kept), "two countries.\n"));
	assert_non_null(strstr(buf_str(&kept), "United States.\n"));
	assert_null(strstr(buf_str(&kept), "Related"));
	buf_release(&text);
	buf_release(&kept);
}

/*
 * Wire copy folded at 70 columns (fold -s -w 70) above footer lines that
 * were not folded: a republication notice, a newsletter line, a copyright
 * line, each longer than the fold. They must not set the width.
 */
static const char *const footer[] = {
	"This article was first published by the wire service and is republished here under "
	"an agreement with its editors; it may not be reproduced without their permission.",
	"Sign up for our daily newsletter to get the most important stories of the day in "
	"your inbox every morning",	/* no full stop: in mid-sentence */
	"Copyright 2014 The Wire Service. All rights reserved. This material may not be "
	"published, broadcast, rewritten or redistributed in whole or in part.",
	"https://www.example.org/news/2014/10/20/china-urges-us-to-stop-cyber-accusations-"
	"hong-lei-briefing",
};

static void check_footer(const char *const *lines, size_t nlines)
{
	struct buf text = BUF_INIT, kept = BUF_INIT;
	size_t joins, i;

	buf_adds(&text, "Cyber talks: China urges US to stop accusations\n\n");
	for (i = 0; i < NSTORY; i++)
		wrap(&text, story[i], 70, "", "\n");
	buf_addch(&text, '\n');
	for (i = 0; i < nlines; i++) {
		buf_adds(&text, lines[i]);
		buf_addch(&text, '\n');
	}
	kept_paragraphs(text.data, text.len, NULL, &kept, &joins);
	assert_true(joins > 0);
	for (i = 0; i < NSTORY; i++)
		if (!strstr(buf_str(&kept), story[i]))
			fail_msg("%zu footer lines: story paragraph %zu lost:\n%s", nlines, i,
				 buf_str(&kept));
	buf_release(&text);
	buf_release(&kept);
}

static void test_long_footer_lines(void **state)
{
	(void)state;
	check_footer(footer, 2);
	check_footer(footer, 3);
	check_footer(footer + 1, 3);	/* the last one a URL, in mid-sentence */
	check_footer(footer + 3, 1);	/* one long URL line */
}

/*
 * A story a paragraph a line above a list of dated headlines: the
 * headlines end in mid-sentence before another line and share a width,
 * but the wider paragraphs hold more text, so nothing is joined.
 */
static void test_headline_list_untouched(void **state)
{
	struct buf text = BUF_INIT;
	struct unwrap u = UNWRAP_INIT;
	size_t i;
	(void)state;

	buf_adds(&text, "Cyber talks: China urges US to stop accusations\nUpdated: 2014-01-13 08:41\n\n");
	for (i = 0; i < NSTORY; i++) {
		buf_adds(&text, story[i]);
		buf_adds(&text, "\n\n");
	}
	buf_adds(&text, "Related Stories\n"
		 "The South China Sea talks resume in Zurich 2014-01-13 07:04\n"
		 "The working group talks resume in Beijing 2014-01-13 05:03\n"
		 "Cyber security: the economic rest of it 2014-01-13 10:52\n"
		 "The South China Sea talks resume in Brussels 2014-01-13 14:00\n"
		 "Editor's Picks\n"
		 "To participate in the discussion log in or register\n"
		 "Copyright 2014 The Wire Service. All rights reserved.\n");
	assert_int_equal(unwrap_find(&u, text.data, text.len), 0);
	unwrap_release(&u);
	buf_release(&text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wrapped_paragraphs_are_joined),
		cmocka_unit_test(test_offsets_unchanged),
		cmocka_unit_test(test_paragraph_a_line_untouched),
		cmocka_unit_test(test_headlines_not_joined),
		cmocka_unit_test(test_long_footer_lines),
		cmocka_unit_test(test_headline_list_untouched),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
