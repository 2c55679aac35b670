/*
 * Unit tests for the one rule of outside text we print (sanitize.h) and
 * for the five places that print such text through it: TSV fields, HTML,
 * gnuplot strings, one-line contexts and messages.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "buf.h"
#include "gpscript.h"
#include "html.h"
#include "sanitize.h"
#include "text.h"

/* Every class the rule knows, each with its first and last code point. */
static void test_sanitize_printable_classes(void **state)
{
	static const uint32_t hidden[] = {
		0x00, 0x07, 0x09, 0x0A, 0x0D, 0x1B, 0x1F,	/* C0, tab, newline */
		0x7F,						/* DEL */
		0x80, 0x85, 0x9B, 0x9F,				/* C1, NEL, CSI */
		0x2028, 0x2029,					/* line, paragraph separator */
		0x202A, 0x202B, 0x202C, 0x202D, 0x202E,		/* embeddings, overrides */
		0x2066, 0x2067, 0x2068, 0x2069,			/* isolates */
		0x200E, 0x200F, 0x061C,				/* LRM, RLM, ALM */
	};
	static const uint32_t shown[] = {
		0x20, 'a', '~', 0xA0, 0xE9, 0x4E2D, 0x05D0, 0x0627,	/* é 中 א ا */
		0x061B, 0x061D, 0x200D, 0x2027, 0x202F, 0x2065, 0x206A,	/* neighbours */
		0xFFFD, 0x1F600, 0x10FFFF,
	};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(hidden) / sizeof(*hidden); i++)
		if (sanitize_printable(hidden[i]))
			fail_msg("U+%04X is printable", (unsigned)hidden[i]);
	for (i = 0; i < sizeof(shown) / sizeof(*shown); i++)
		if (!sanitize_printable(shown[i]))
			fail_msg("U+%04X is not printable", (unsigned)shown[i]);
}

static void test_sanitize_decode(void **state)
{
	uint32_t cp = 0;
	(void)state;
	assert_int_equal(sanitize_decode("\xC3\xA9", 2, &cp), 2);
	assert_int_equal(cp, 0xE9);
	assert_int_equal(sanitize_decode("\xE2\x80\xAE", 3, &cp), 3);
	assert_int_equal(cp, 0x202E);
	assert_int_equal(sanitize_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1F600);
	assert_int_equal(sanitize_decode("\xFF", 1, &cp), 0);
	assert_int_equal(sanitize_decode("\xC0\xAF", 2, &cp), 0);	/* overlong */
	assert_int_equal(sanitize_decode("\xED\xA0\x80", 3, &cp), 0);	/* surrogate */
	assert_int_equal(sanitize_decode("\xF4\x90\x80\x80", 4, &cp), 0);	/* > U+10FFFF */
	assert_int_equal(sanitize_decode("\xE2\x80", 2, &cp), 0);	/* truncated */
}

/* The hostile string of these tests: every class once, between letters. */
#define HOSTILE "a\x1b[31mb\x07" "c\t\nd\x7f" "e\xC2\x85" "f\xC2\x9B" "g\xE2\x80\xA8h\xE2\x80\xA9" \
	"i\xE2\x80\xAEj\xE2\x81\xA6k\xE2\x80\x8Fl\xFFm \xC3\xA9\xE4\xB8\xAD"

static void test_sanitize_message_escapes(void **state)
{
	char out[256];
	(void)state;
	sanitize_message(out, sizeof(out), HOSTILE);
	assert_string_equal(out, "a\\x1b[31mb\\x07c\\x09\\x0ad\\x7fe\\u0085f\\u009bg\\u2028h\\u2029"
			    "i\\u202ej\\u2066k\\u200fl\\xffm \xC3\xA9\xE4\xB8\xAD");
	/* Cut before an escape or a character, never inside one. */
	assert_int_equal(sanitize_message(out, 5, "ab\x1b"), 2);
	assert_string_equal(out, "ab");
	assert_int_equal(sanitize_message(out, 4, "a\xE4\xB8\xAD"), 1);
	assert_string_equal(out, "a");
}

/* What each data context makes of HOSTILE: its own whitespace aside, the same. */
#define BLANKED "a [31mb c  d e f g h i j k l\xEF\xBF\xBDm \xC3\xA9\xE4\xB8\xAD"

static void test_sanitize_tsv_field(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	buf_add_tsv_field(&b, HOSTILE, strlen(HOSTILE));
	assert_string_equal(b.data, BLANKED);
	buf_release(&b);
}

static void test_sanitize_html(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	html_escape(&b, HOSTILE);
	assert_string_equal(b.data, BLANKED);
	buf_reset(&b);
	html_escape(&b, "<a href=\"x\">&'\xE2\x80\xAE");
	assert_string_equal(b.data, "&lt;a href=&quot;x&quot;&gt;&amp;&#39; ");
	buf_release(&b);
}

static void test_sanitize_gnuplot(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	gpscript_quote(&b, "x\xC2\x9B\xE2\x80\xAE\xE2\x81\xA9\x1b\xC3\xA9\"");
	assert_string_equal(b.data, "\"x    \xC3\xA9\\0042\"");
	buf_release(&b);
}

/* kwic and suggest contexts: the same rule, then runs of blanks collapsed. */
static void test_sanitize_context(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	text_append_clean(&b, HOSTILE, 0, strlen(HOSTILE));
	assert_string_equal(b.data, "a [31mb c d e f g h i j k l\xEF\xBF\xBDm \xC3\xA9\xE4\xB8\xAD");
	buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sanitize_printable_classes),
		cmocka_unit_test(test_sanitize_decode),
		cmocka_unit_test(test_sanitize_message_escapes),
		cmocka_unit_test(test_sanitize_tsv_field),
		cmocka_unit_test(test_sanitize_html),
		cmocka_unit_test(test_sanitize_gnuplot),
		cmocka_unit_test(test_sanitize_context),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
