/* Unit tests for tokens, normalisation, sentences, quotations, negators. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "swar.h"
#include "text.h"

/* Tokenises s as one paragraph and joins the normalised tokens with '|'. */
static void words_of(const char *s, struct text_tokens *tt, struct buf *out)
{
	size_t i;
	text_tokens_reset(tt);
	text_tokenize(tt, s, 0, strlen(s));
	buf_reset(out);
	for (i = 0; i < tt->n; i++) {
		if (i)
			buf_addch(out, '|');
		buf_adds(out, text_norm(tt, i));
	}
}

/*
 * text_append_clean as it was before its eight-byte fast path, one byte at
 * a time: the reference the fast version must equal on any input.
 */
static void append_clean_reference(struct buf *out, const char *s, size_t start, size_t end)
{
	size_t pos = start;
	int space = 0, any = 0;

	while (pos < end) {
		unsigned char b = (unsigned char)s[pos];
		size_t at = pos;
		int bad = 0;
		int32_t cp = text_decode(s, end, &pos, &bad);
		if (b < 0x80 ? b <= 0x20 || b == 0x7F : text_is_space(cp) || cp < 0xA0) {
			space = 1;
			continue;
		}
		if (space && any)
			buf_addch(out, ' ');
		space = 0;
		any = 1;
		if (bad)
			buf_adds(out, "\xEF\xBF\xBD");
		else
			buf_add(out, s + at, pos - at);
	}
}

static void test_append_clean_equals_reference(void **state)
{
	static const char *const pieces[] = {
		"a", "bc", "word", " ", " ", " ", "  ", "\t", "\n", "\r\n", "\x7F", "\x01", "!",
		"\"", "\xC2\xA0", "\xE2\x80\x99", "\xC3\xA9", "\xFF", "\xE2\x80", "\xC2\x85",
		"\xE3\x80\x80", "longerword", "x.", "~",
	};
	struct buf got = BUF_INIT, want = BUF_INIT, in = BUF_INIT;
	uint64_t seed = 42;
	int round;
	(void)state;

	for (round = 0; round < 20000; round++) {
		size_t n, k, start, end;
		buf_reset(&in);
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		n = (size_t)(seed >> 59);
		for (k = 0; k < n; k++) {
			seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
			buf_adds(&in, pieces[(seed >> 33) % (sizeof(pieces) / sizeof(pieces[0]))]);
		}
		start = in.len ? (size_t)(seed >> 40) % (in.len + 1) : 0;
		end = start + (in.len > start ? (size_t)(seed >> 20) % (in.len - start + 1) : 0);
		buf_reset(&got);
		buf_adds(&got, "prefix:");
		buf_reset(&want);
		buf_adds(&want, "prefix:");
		text_append_clean(&got, in.data ? in.data : "", start, end);
		append_clean_reference(&want, in.data ? in.data : "", start, end);
		assert_int_equal(got.len, want.len);
		assert_memory_equal(got.data, want.data, want.len);
	}
	buf_release(&got);
	buf_release(&want);
	buf_release(&in);
}

static void test_apostrophes_stay_inside_words(void **state)
{
	struct text_tokens tt = TEXT_TOKENS_INIT;
	struct buf b = BUF_INIT;
	(void)state;
	words_of("Don't touch China\xE2\x80\x99s rock 'n' roll, students' books", &tt, &b);
	assert_string_equal(b.data, "don't|touch|china's|rock|n|roll|students|books");
	text_tokens_release(&tt);
	buf_release(&b);
}

static void test_hyphens_split_numbers_join(void **state)
{
	struct text_tokens tt = TEXT_TOKENS_INIT;
	struct buf b = BUF_INIT;
	(void)state;
	words_of("cyber-spying: 62.9 percent of 144,000 attacks at 21:03 in U.S. page1", &tt, &b);
	assert_string_equal(b.data, "cyber|spying|62.9|percent|of|144,000|attacks|at|21|03|in|u.s|page1");
	text_tokens_release(&tt);
	buf_release(&b);
}

static void test_nfkc_casefold_and_cased_form(void **state)
{
	struct text_tokens tt = TEXT_TOKENS_INIT;
	struct buf b = BUF_INIT;
	(void)state;
	/* fullwidth Ｕ Ｓ, the ﬁ ligature, German sharp s, e + combining acute */
	words_of("\xEF\xBC\xB5\xEF\xBC\xB3 \xEF\xAC\x81ne STRASSE Stra\xC3\x9F" "e Cafe\xCC\x81", &tt, &b);
	assert_string_equal(b.data, "us|fine|strasse|strasse|caf\xC3\xA9");
	assert_string_equal(text_cased(&tt, 0), "US");
	assert_string_equal(text_cased(&tt, 4), "Caf\xC3\xA9");
	/* Offsets point at the original bytes. */
	assert_int_equal(tt.tok[1].start, 7);
	assert_int_equal(tt.tok[1].end, 12);
	text_tokens_release(&tt);
	buf_release(&b);
}

static void test_invalid_utf8_is_counted_and_splits(void **state)
{
	struct text_tokens tt = TEXT_TOKENS_INIT;
	struct buf b = BUF_INIT;
	(void)state;
	/* 0xFF, an overlong '/', a surrogate, and a sequence cut off at the end */
	words_of("ab\xFF" "cd \xC0\xAF x \xED\xA0\x80 y \xE2\x82", &tt, &b);
	assert_string_equal(b.data, "ab|cd|x|y");
	assert_int_equal(tt.replaced, 1 + 2 + 3 + 2);
	text_tokens_release(&tt);
	buf_release(&b);
}

static void test_sentences_skip_abbreviations(void **state)
{
	struct text_tokens tt = TEXT_TOKENS_INIT;
	struct buf b = BUF_INIT;
	const char *s = "Mr. Smith met U.S. officials in Sept. last year. They left! Why? e.g. now.";
	(void)state;
	words_of(s, &tt, &b);
	/* Mr Smith met ... year | They left | Why | e.g now */
	assert_int_equal(tt.tok[0].sentence, 1);
	assert_int_equal(tt.tok[8].sentence, 1);	/* "year" */
	assert_int_equal(tt.tok[9].sentence, 2);	/* "They" */
	assert_int_equal(tt.tok[11].sentence, 3);	/* "Why" */
	assert_int_equal(tt.tok[12].sentence, 4);	/* "e.g" */
	assert_int_equal(tt.tok[13].sentence, 4);	/* "now": lowercase after e.g. */
	assert_int_equal(tt.sentences, 4);
	text_tokens_release(&tt);
	buf_release(&b);
}

static void test_quotations_and_scare_quotes(void **state)
{
	struct text_tokens tt = TEXT_TOKENS_INIT;
	struct buf b = BUF_INIT;
	size_t i;
	/* quoted: "we object", ‘liars’, 'gain momentum'; not: China's, students' */
	const char *s = "China's \"we object\" said \xE2\x80\x98liars\xE2\x80\x99 and 'gain momentum' "
			"to students' view";
	const int want[] = { 0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 0 };
	(void)state;
	words_of(s, &tt, &b);
	assert_string_equal(b.data, "china's|we|object|said|liars|and|gain|momentum|to|students|view");
	for (i = 0; i < tt.n; i++)
		assert_int_equal(tt.tok[i].quoted, want[i]);
	text_tokens_release(&tt);
	buf_release(&b);
}

/* The quoted flag of each token of s, one digit per token ("0110..."). */
static void quoted_flags(const char *s, struct text_tokens *tt, char *out, size_t outlen)
{
	size_t i;
	text_tokens_reset(tt);
	text_tokenize(tt, s, 0, strlen(s));
	for (i = 0; i < tt->n && i + 1 < outlen; i++)
		out[i] = tt->tok[i].quoted ? '1' : '0';
	out[i] = '\0';
}

/*
 * README, Quotations: typographic « », 「 」 (and 『 』) open and close a
 * quotation like “ ”. Words inside are quoted, words before and after are
 * not, including when the marks touch the words or stand apart from them
 * with no-break spaces (French typography).
 */
static void test_typographic_quotations(void **state)
{
	struct text_tokens tt = TEXT_TOKENS_INIT;
	struct buf b = BUF_INIT;
	char q[64];
	(void)state;

	/* il parle de «accusations sans fondement» hier */
	words_of("il parle de \xC2\xAB" "accusations sans fondement\xC2\xBB hier", &tt, &b);
	assert_string_equal(b.data, "il|parle|de|accusations|sans|fondement|hier");
	quoted_flags("il parle de \xC2\xAB" "accusations sans fondement\xC2\xBB hier", &tt, q, sizeof(q));
	assert_string_equal(q, "0001110");
	/* «\u00A0smear\u00A0» and «\u202Fsmear\u202F», then outside */
	quoted_flags("de \xC2\xAB\xC2\xA0smear\xC2\xA0\xC2\xBB et \xC2\xAB\xE2\x80\xAFsmear\xE2\x80\xAF\xC2\xBB fin",
		     &tt, q, sizeof(q));
	assert_string_equal(q, "01010");
	/* 报道称「无端指责」然后: each Han character a word; the four inside are quoted */
	quoted_flags("\xE6\x8A\xA5\xE9\x81\x93\xE7\xA7\xB0\xE3\x80\x8C\xE6\x97\xA0\xE7\xAB\xAF"
		     "\xE6\x8C\x87\xE8\xB4\xA3\xE3\x80\x8D\xE7\x84\xB6\xE5\x90\x8E", &tt, q, sizeof(q));
	assert_string_equal(q, "000111100");
	/* Latin words in 「 」 and in 『 』 */
	quoted_flags("says \xE3\x80\x8Cgroundless claims\xE3\x80\x8D then \xE3\x80\x8Esmear\xE3\x80\x8F end",
		     &tt, q, sizeof(q));
	assert_string_equal(q, "011010");
	/* A closing mark alone opens nothing. */
	quoted_flags("x \xC2\xBB y \xE3\x80\x8D z", &tt, q, sizeof(q));
	assert_string_equal(q, "000");
	text_tokens_release(&tt);
	buf_release(&b);
}

static void test_open_quote_runs_to_paragraph_end(void **state)
{
	struct text_tokens tt = TEXT_TOKENS_INIT;
	const char *s = "as an \xE2\x80\x9C" "area that requires thought.\nNext";
	(void)state;
	text_tokenize(&tt, s, 0, strlen(s) - 5);
	text_tokenize(&tt, s, strlen(s) - 4, strlen(s));
	assert_int_equal(tt.tok[0].quoted, 0);
	assert_int_equal(tt.tok[2].quoted, 1);
	assert_int_equal(tt.tok[5].quoted, 1);
	assert_int_equal(tt.tok[6].quoted, 0);	/* the next paragraph starts afresh */
	assert_int_equal(tt.tok[6].sentence, 2);
	text_tokens_release(&tt);
}

static void test_negators(void **state)
{
	struct text_tokens tt = TEXT_TOKENS_INIT;
	struct buf b = BUF_INIT;
	const char *s = "not no never can't without nothing know";
	size_t i;
	(void)state;
	words_of(s, &tt, &b);
	for (i = 0; i < 6; i++)
		assert_int_equal(tt.tok[i].negator, 1);
	assert_int_equal(tt.tok[6].negator, 0);
	text_tokens_release(&tt);
	buf_release(&b);
}

static void test_scripts_and_width(void **state)
{
	(void)state;
	assert_int_equal(text_script('a'), SCRIPT_LATIN);
	assert_int_equal(text_script(0x4E2D), SCRIPT_HAN);
	assert_int_equal(text_script(0x0417), SCRIPT_CYRILLIC);
	assert_int_equal(text_script('1'), SCRIPT_NONE);
	assert_int_equal(text_script_of_language("en"), SCRIPT_LATIN);
	assert_int_equal(text_script_of_language("zh-CN"), SCRIPT_HAN);
	assert_int_equal(text_display_width("\xE4\xB8\xAD\xE6\x96\x87" "ab", 8), 6);
}

static void test_katakana_and_arabic_numbers(void **state)
{
	struct text_tokens tt = TEXT_TOKENS_INIT;
	struct buf b = BUF_INIT;
	(void)state;
	/* abcカタカナ: Katakana joins only Katakana; ٣٫٥ with the Arabic decimal separator */
	words_of("abc\xe3\x82\xab\xe3\x82\xbf\xe3\x82\xab\xe3\x83\x8a \xd9\xa3\xd9\xab\xd9\xa5", &tt, &b);
	assert_string_equal(b.data, "abc|\xe3\x82\xab\xe3\x82\xbf\xe3\x82\xab\xe3\x83\x8a|\xd9\xa3\xd9\xab\xd9\xa5");
	text_tokens_release(&tt);
	buf_release(&b);
}

static void test_han_characters_are_single_words(void **state)
{
	struct text_tokens tt = TEXT_TOKENS_INIT;
	struct buf b = BUF_INIT;
	(void)state;
	words_of("\xE4\xB8\xAD\xE6\x96\x87 ok", &tt, &b);
	assert_string_equal(b.data, "\xE4\xB8\xAD|\xE6\x96\x87|ok");
	text_tokens_release(&tt);
	buf_release(&b);
}

/* The eight-byte marks agree with a byte-by-byte test for every byte value at every position. */
static void test_swar_marks_equal_bytewise(void **state)
{
	unsigned pos, c, other, i;
	(void)state;

	for (pos = 0; pos < 8; pos++)
		for (c = 0; c < 256; c++)
			for (other = 0; other < 256; other += 5) {
				uint64_t x = 0, marks;
				size_t run = 8;
				for (i = 0; i < 8; i++)
					x |= (uint64_t)(i == pos ? c : other) << (8 * i);
				marks = swar_ascii_letters(x) | swar_ascii_digits(x);
				for (i = 0; i < 8; i++) {
					unsigned b = (unsigned)(x >> (8 * i)) & 0xFF;
					int alnum = (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
					assert_int_equal((marks >> (8 * i + 7)) & 1, alnum);
					if (!alnum && run == 8)
						run = i;
				}
				assert_int_equal(swar_marked_run(marks), run);
			}
}

/* Words scanned eight bytes at a time end where the byte-by-byte scan ended them. */
static void test_long_words_end_in_place(void **state)
{
	struct text_tokens tt = TEXT_TOKENS_INIT;
	struct buf out = BUF_INIT;
	(void)state;

	words_of("abcdefgh abcdefghijklmnop abcdefghi.", &tt, &out);
	assert_string_equal(out.data, "abcdefgh|abcdefghijklmnop|abcdefghi");
	words_of("Internationally-recognised 12345678,90 ABCDEFGH\xC3\xA9t\xC3\xA9 "
		 "government's 0123456789abcdef_x", &tt, &out);
	assert_string_equal(out.data, "internationally|recognised|12345678,90|abcdefgh\xC3\xA9t\xC3\xA9|"
			    "government's|0123456789abcdef_x");
	words_of("sixteen-letters! abcdefghabcdefgh", &tt, &out);
	assert_string_equal(out.data, "sixteen|letters|abcdefghabcdefgh");
	assert_int_equal(tt.tok[2].start, 17);
	assert_int_equal(tt.tok[2].end, 33);
	text_tokens_release(&tt);
	buf_release(&out);
}

/*
 * Issue 18: a soft hyphen (U+00AD), a zero width space (U+200B), ZWNJ and
 * ZWJ (U+200C, U+200D) or a word joiner (U+2060) inside "groundless" leave
 * one word, normalised as "groundless", whose span is the original bytes;
 * at a word's end they are not part of it, and between words (or with a
 * space) they split nothing new.
 */
/*
 * Trial of issue 18, finding 14: outlets "Reuters" followed by U+200B,
 * U+FEFF, U+2060 or U+034F were four more groups; text_strip_invisible
 * leaves those characters out, and keeps what is not UTF-8.
 */
static void test_strip_invisible(void **state)
{
	char a[] = "Reuters\xE2\x80\x8B", b[] = "\xEF\xBB\xBFReu\xE2\x81\xA0ters\xCD\x8F";
	char c[] = "Caf\xC3\xA9 \xFF\xE2\x80", d[] = "\xE2\x80\x8B\xE2\x80\x8D", e[] = "";
	(void)state;

	assert_string_equal(text_strip_invisible(a), "Reuters");
	assert_string_equal(text_strip_invisible(b), "Reuters");
	assert_string_equal(text_strip_invisible(c), "Caf\xC3\xA9 \xFF\xE2\x80");
	assert_string_equal(text_strip_invisible(d), "");
	assert_string_equal(text_strip_invisible(e), "");
}

static void test_invisible_characters_inside_words(void **state)
{
	static const char *const marks[] = {
		"\xC2\xAD", "\xE2\x80\x8B", "\xE2\x80\x8C", "\xE2\x80\x8D", "\xE2\x81\xA0",
		/*
		 * Trial of issue 18, finding 13: these split the word until the
		 * rule became Default_Ignorable_Code_Point: U+FEFF, U+180E, U+034F,
		 * U+FE0F, U+FE00, U+200E, U+200F, U+202A, U+202E, U+2066, U+2069,
		 * U+E0001 (a language tag).
		 */
		"\xEF\xBB\xBF", "\xE1\xA0\x8E", "\xCD\x8F", "\xEF\xB8\x8F", "\xEF\xB8\x80",
		"\xE2\x80\x8E", "\xE2\x80\x8F", "\xE2\x80\xAA", "\xE2\x80\xAE",
		"\xE2\x81\xA6", "\xE2\x81\xA9", "\xF3\xA0\x80\x81",
	};
	struct text_tokens tt = TEXT_TOKENS_INIT;
	struct buf out = BUF_INIT, s = BUF_INIT;
	size_t i;
	(void)state;

	for (i = 0; i < sizeof(marks) / sizeof(marks[0]); i++) {
		size_t m = strlen(marks[i]);
		buf_reset(&s);
		buf_addf(&s, "the ground%sless%s claims", marks[i], marks[i]);
		words_of(s.data, &tt, &out);
		assert_string_equal(out.data, "the|groundless|claims");
		assert_int_equal(tt.tok[1].start, 4);
		assert_int_equal(tt.tok[1].end, 4 + 10 + m);	/* the trailing mark is not in it */
		assert_string_equal(text_cased(&tt, 1), "groundless");
	}
	/* Two of them, and one beside a digit: still one word each. */
	words_of("GROUND\xC2\xAD\xE2\x80\x8BLESS 12\xE2\x81\xA0" "000", &tt, &out);
	assert_string_equal(out.data, "groundless|12000");
	/* Alone or after a space they start nothing. */
	words_of("a \xE2\x80\x8B b\xC2\xAD", &tt, &out);
	assert_string_equal(out.data, "a|b");
	/* A lexicon entry written with one normalises the same way. */
	text_normalize("ground\xC2\xADless", strlen("ground\xC2\xADless"), 1, &out);
	assert_string_equal(out.data, "groundless");
	/* Nothing but one: an empty string (the template key of such a line). */
	text_normalize("\xE2\x80\x8B", 3, 1, &out);
	assert_string_equal(out.data, "");
	text_tokens_release(&tt);
	buf_release(&out);
	buf_release(&s);
}

/*
 * Issue 18: Reuters' wire copy writes an apostrophe as a straight double
 * quote (year"s). One between two letters opens no quotation, so the rest
 * of the paragraph is not quoted; a quotation after it still is.
 */
static void test_double_quote_inside_a_word(void **state)
{
	struct text_tokens tt = TEXT_TOKENS_INIT;
	char q[64];
	(void)state;

	/* the | year | s | talks | were | groundless */
	quoted_flags("the year\"s talks were groundless", &tt, q, sizeof(q));
	assert_string_equal(q, "000000");
	/* last year"s claims , he said "groundless smear" today */
	quoted_flags("last year\"s claims, he said \"groundless smear\" today", &tt, q, sizeof(q));
	assert_string_equal(q, "000000110");
	/* Fullwidth too. */
	quoted_flags("the year\xEF\xBC\x82s talks", &tt, q, sizeof(q));
	assert_string_equal(q, "0000");
	/* A quotation that touches letters on one side only still opens. */
	quoted_flags("said \"no\" then", &tt, q, sizeof(q));
	assert_string_equal(q, "010");
	text_tokens_release(&tt);
}

/*
 * Issue 18: the report joins left, keyword and right of matches.tsv, whose
 * white space beside the keyword is gone; no space goes before closing or
 * after opening punctuation ("the U.S. LINES", "stop 'groundless'").
 */
static void test_context_joins(void **state)
{
	(void)state;
	assert_true(text_context_tight_right(". LINES were drawn"));
	assert_true(text_context_tight_right(", which officials"));
	assert_true(text_context_tight_right(") made by"));
	assert_true(text_context_tight_right("' about cyber attacks"));	/* closes 'groundless accusations' */
	assert_true(text_context_tight_right("'s top diplomat"));
	assert_true(text_context_tight_right("\xE2\x80\x9D of cyber"));	/* ” */
	assert_true(text_context_tight_right("\" of cyber attacks"));	/* one ": it closes */
	assert_false(text_context_tight_right("\"groundless\" claims"));	/* a pair: it opens */
	assert_false(text_context_tight_right("'groundless' claims"));
	assert_false(text_context_tight_right("was drawn"));
	assert_false(text_context_tight_right(""));
	assert_true(text_context_tight_left("China urges US to stop '"));
	assert_true(text_context_tight_left("the ministry denied the ("));
	assert_true(text_context_tight_left("to stop its \""));
	assert_true(text_context_tight_left("called it \xE2\x80\x9C"));	/* “ */
	assert_false(text_context_tight_left("the \"smear\""));	/* the second of a pair closes */
	assert_false(text_context_tight_left("the students'"));
	assert_false(text_context_tight_left("collapsed last"));
	assert_false(text_context_tight_left(""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_apostrophes_stay_inside_words),
		cmocka_unit_test(test_swar_marks_equal_bytewise),
		cmocka_unit_test(test_long_words_end_in_place),
		cmocka_unit_test(test_append_clean_equals_reference),
		cmocka_unit_test(test_hyphens_split_numbers_join),
		cmocka_unit_test(test_nfkc_casefold_and_cased_form),
		cmocka_unit_test(test_invalid_utf8_is_counted_and_splits),
		cmocka_unit_test(test_sentences_skip_abbreviations),
		cmocka_unit_test(test_quotations_and_scare_quotes),
		cmocka_unit_test(test_typographic_quotations),
		cmocka_unit_test(test_open_quote_runs_to_paragraph_end),
		cmocka_unit_test(test_negators),
		cmocka_unit_test(test_scripts_and_width),
		cmocka_unit_test(test_han_characters_are_single_words),
		cmocka_unit_test(test_katakana_and_arabic_numbers),
		cmocka_unit_test(test_invisible_characters_inside_words),
		cmocka_unit_test(test_strip_invisible),
		cmocka_unit_test(test_double_quote_inside_a_word),
		cmocka_unit_test(test_context_joins),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
