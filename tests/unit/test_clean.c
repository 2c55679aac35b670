/* Unit tests for boilerplate removal: line splitting, verdicts, context. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "clean.h"
#include "test_rand.h"

/* Cleans text and returns one character per line: '+' kept, '-' dropped. */
static void verdicts(const char *text, const char *title, const char *lang, char *out)
{
	struct clean_result r = CLEAN_RESULT_INIT;
	struct clean_options opt = { .title = title, .lang = lang, .enabled = 1 };
	size_t i;

	clean_document(text, strlen(text), &opt, &r);
	for (i = 0; i < r.n; i++)
		out[i] = r.lines[i].keep ? '+' : '-';
	out[r.n] = '\0';
	clean_result_release(&r);
}

/* A Russian sentence: "The president said this this morning in Moscow and not only there." */
#define RU "\xd0\x9f\xd1\x80\xd0\xb5\xd0\xb7\xd0\xb8\xd0\xb4\xd0\xb5\xd0\xbd\xd1\x82 " \
	"\xd1\x81\xd0\xba\xd0\xb0\xd0\xb7\xd0\xb0\xd0\xbb \xd1\x8d\xd1\x82\xd0\xbe " \
	"\xd1\x81\xd0\xb5\xd0\xb3\xd0\xbe\xd0\xb4\xd0\xbd\xd1\x8f \xd1\x83\xd1\x82" \
	"\xd1\x80\xd0\xbe\xd0\xbc \xd0\xb2 \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2" \
	"\xd0\xb5 \xd0\xb8 \xd0\xbd\xd0\xb5 \xd1\x82\xd0\xbe\xd0\xbb\xd1\x8c\xd0\xba" \
	"\xd0\xbe \xd1\x82\xd0\xb0\xd0\xbc."

#define PARA "The spokesman said on Monday that the two sides should work together and " \
	"that the talks would go on as planned."

static void test_line_ends(void **state)
{
	struct clean_result r = CLEAN_RESULT_INIT;
	struct clean_options opt = { .enabled = 0 };
	const char *text = "a\r\nbb\rccc\n\ndddd";
	(void)state;
	clean_document(text, strlen(text), &opt, &r);
	assert_int_equal(r.n, 5);
	assert_int_equal(r.lines[0].end - r.lines[0].start, 1);	/* no \r kept */
	assert_int_equal(r.lines[1].start, 3);
	assert_int_equal(r.lines[1].end, 5);
	assert_int_equal(r.lines[2].start, 6);
	assert_int_equal(r.lines[3].end - r.lines[3].start, 0);
	assert_int_equal(r.lines[4].end, strlen(text));
	clean_result_release(&r);
}

static void test_verdicts(void **state)
{
	char v[32];
	(void)state;
	/* title, menu, paragraph, short paragraph between good ones, list, paragraph, spam */
	verdicts("China  urges   US to stop\nMost Viewed\n" PARA "\nHe declined to comment.\n"
		 "- Related headline here\n" PARA "\n\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97\xe5\xb9\x95"
		 "\xe5\x9c\xa8\xe7\xba\xbf\xe8\xa7\x82\xe7\x9c\x8b\n8.03K\n",
		 "China urges US to stop", "en", v);
	assert_string_equal(v, "+-++-+--");
}

static void test_short_lines_follow_neighbours(void **state)
{
	char v[32];
	(void)state;
	/* A short sentence among menus goes; among paragraphs it stays. */
	verdicts("Home\nSign in.\nMenu\n", NULL, "en", v);
	assert_string_equal(v, "---");
	verdicts(PARA "\nSign in.\n" PARA "\n", NULL, "en", v);
	assert_string_equal(v, "+++");
}

static void test_script_from_language_or_majority(void **state)
{
	char v[32];
	char text[1024];
	(void)state;
	snprintf(text, sizeof(text), "%s\n%s %s\n", PARA, RU, RU);
	verdicts(text, NULL, "en", v);
	assert_string_equal(v, "+-");
	verdicts(text, NULL, "ru", v);
	assert_string_equal(v, "-+");
}

/*
 * A line equal to the title once normalised is kept, also when its accents
 * are written as combining marks after ASCII letters (the title has them
 * composed): its ASCII start alone must not decide that it differs.
 */
static void test_title_with_combining_marks(void **state)
{
	char v[32];
	(void)state;
	verdicts("Cafe\xcc\x81 talks resume\n" PARA "\n", "Caf\xc3\xa9 talks resume", "en", v);
	assert_string_equal(v, "++");
	verdicts("Cafe talks resume\n" PARA "\n", "Caf\xc3\xa9 talks resume", "en", v);
	assert_string_equal(v, "-+");
}

/*
 * The script rule on lines split between scripts: a line half Latin, half
 * Cyrillic in a Russian article is not mostly foreign (the cleaner reads
 * such a line again, as it keeps only each line's top script); one Latin
 * letter more and it is.
 */
static void test_lines_split_between_scripts(void **state)
{
	char v[32];
	const char *mir = "\xd0\xbc\xd0\xb8\xd1\x80\xd0\xbe\xd0\xba";	/* five Cyrillic letters */
	char text[1024];
	(void)state;
	snprintf(text, sizeof(text), "%s %s\nHello %s.\n%s %s\nHellos %s.\n%s %s\n", RU, RU, mir,
		 RU, RU, mir, RU, RU);
	verdicts(text, NULL, "ru", v);
	assert_string_equal(v, "+++-+");
}

/*
 * Random ASCII lines up to 300 bytes (stop words, long words across the
 * 64-byte blocks, apostrophes, pipes, every kind of white space, control
 * bytes and NUL): the block scan counts what the byte scan counts.
 */
static void test_ascii_scans_agree(void **state)
{
	static const char *const pieces[] = {
		"the", "The", "a", "and", "between", "against", "x", "don't", "'", "|", " ", "  ",
		"\t", "\v", "\r", "\f", "\x01", "\x7f", ".", "-", "123", "of", "through",
		"throughout", "A", "THE", "because", "b'c", "", "zz", "word", "we",
	};
	const size_t np = sizeof(pieces) / sizeof(pieces[0]);
	uint64_t seed = 42;
	char line[400];
	int round;
	(void)state;

	for (round = 0; round < 200000; round++) {
		size_t n = 0, want = test_rand(&seed, 300), k;
		while (n < want) {
			k = test_rand(&seed, np);
			if (!*pieces[k])
				line[n++] = '\0';
			for (const char *p = pieces[k]; *p && n < sizeof(line); p++)
				line[n++] = *p;
		}
		if (!clean_ascii_scans_agree(line, n))
			fail_msg("round %d: the scans differ on a line of %zu bytes", round, n);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_line_ends),
		cmocka_unit_test(test_verdicts),
		cmocka_unit_test(test_short_lines_follow_neighbours),
		cmocka_unit_test(test_script_from_language_or_majority),
		cmocka_unit_test(test_lines_split_between_scripts),
		cmocka_unit_test(test_title_with_combining_marks),
		cmocka_unit_test(test_ascii_scans_agree),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
