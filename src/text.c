#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "sanitize.h"
#include "swar.h"
#include "xalloc.h"
#include "banned.h"

/* ---- decoding ---------------------------------------------------------- */

int32_t text_decode_multibyte(const char *str, size_t len, size_t *pos, int *bad)
{
	const unsigned char *s = (const unsigned char *)str + *pos;
	size_t left = len - *pos;
	unsigned char b = s[0], lo = 0x80, hi = 0xBF;
	int32_t cp;
	size_t n, i;

	if (b < 0x80) {
		*pos += 1;
		return b;
	}
	if (b >= 0xC2 && b <= 0xDF) {
		n = 2;
		cp = b & 0x1F;
	} else if (b >= 0xE0 && b <= 0xEF) {
		n = 3;
		cp = b & 0x0F;
		if (b == 0xE0)
			lo = 0xA0;	/* overlong */
		else if (b == 0xED)
			hi = 0x9F;	/* surrogates */
	} else if (b >= 0xF0 && b <= 0xF4) {
		n = 4;
		cp = b & 0x07;
		if (b == 0xF0)
			lo = 0x90;	/* overlong */
		else if (b == 0xF4)
			hi = 0x8F;	/* above U+10FFFF */
	} else {
		goto invalid;
	}
	if (left < n)
		goto invalid;
	for (i = 1; i < n; i++) {
		unsigned char c = s[i];
		if (i == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF))
			goto invalid;
		cp = (cp << 6) | (c & 0x3F);
	}
	*pos += n;
	return cp;
invalid:
	*pos += 1;
	*bad = 1;
	return 0xFFFD;
}

/* ---- character classes ------------------------------------------------- */

enum char_class {
	CH_OTHER,
	CH_LETTER,
	CH_DIGIT,
	CH_EXTEND,	/* combining marks: belong to the character before */
	CH_CONNECT,	/* underscore and friends: join any word characters */
	CH_IDEO,	/* Han and Hiragana: one character, one word */
	CH_KATAKANA,	/* joins Katakana only (UAX #29 WB13) */
	CH_MIDLETTER,	/* between letters only: middle dot */
	CH_MIDNUMLET,	/* between letters or digits: . and apostrophes */
	CH_MIDNUM,	/* between digits only: , ; */
	CH_FORMAT	/* invisible inside a word: soft hyphen, zero widths, word joiner */
};

/*
 * Invisible characters that typesetting and web pages put inside words: a
 * soft hyphen (U+00AD) marks where a word may be hyphenated, a zero width
 * space (U+200B) where it may break, the joiners U+200C, U+200D and U+2060
 * how it is drawn; a byte order mark (U+FEFF) left from a joined file,
 * variation selectors (U+FE00..U+FE0F), the grapheme joiner U+034F, the
 * Mongolian vowel separator U+180E and the direction marks and overrides
 * (U+200E, U+200F, U+202A..U+202E, U+2066..U+2069) are as invisible. The
 * one rule is Unicode's Default_Ignorable_Code_Point property (utf8proc's
 * "ignorable"), so the whole class is handled, not a list of the ones seen.
 * None of them makes two words of "ground<U+00AD>less": inside a word they
 * belong to it (UAX #29 WB4 for Format characters; the zero width space
 * too, which UAX #29 leaves out, as a page uses it as a break hint), and
 * the normalised form leaves them out, so the word matches "groundless"
 * while its offset and surface keep the bytes.
 */
static int is_invisible_in_word(int32_t cp)
{
	if (cp < 0x00AD)
		return 0;
	return cp >= 0 && cp <= 0x10FFFF && utf8proc_get_property(cp)->ignorable;
}

char *text_strip_invisible(char *s)
{
	size_t len = strlen(s), pos = 0, out = 0;

	while (pos < len) {
		size_t at = pos;
		int bad = 0;
		int32_t cp = text_decode(s, len, &pos, &bad);
		if (!bad && is_invisible_in_word(cp))
			continue;
		memmove(s + out, s + at, pos - at);
		out += pos - at;
	}
	s[out] = '\0';
	return s;
}

static int is_apostrophe(int32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0xFF07;
}

/* Classes of ASCII characters, looked up rather than computed: most text is ASCII. */
#define L CH_LETTER
#define D CH_DIGIT
#define O CH_OTHER
static const unsigned char ascii_class[128] = {
	O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O,
	O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O,
	/* space ! " # $ % & ' ( ) * + , - . / */
	O, O, O, O, O, O, O, CH_MIDNUMLET, O, O, O, O, CH_MIDNUM, O, CH_MIDNUMLET, O,
	D, D, D, D, D, D, D, D, D, D, O, CH_MIDNUM, O, O, O, O,
	O, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
	L, L, L, L, L, L, L, L, L, L, L, O, O, O, O, CH_CONNECT,
	O, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
	L, L, L, L, L, L, L, L, L, L, L, O, O, O, O, O,
};
#undef L
#undef D
#undef O

static enum char_class classify(int32_t cp)
{
	if (cp < 0x80)
		return (enum char_class)ascii_class[cp];
	if (is_apostrophe(cp) || cp == 0x2024 || cp == 0xFE52 || cp == 0xFF0E)
		return CH_MIDNUMLET;
	if (cp == 0x00B7 || cp == 0x0387 || cp == 0x05F4 || cp == 0x2027 || cp == 0xFE13)
		return CH_MIDLETTER;
	if (cp == 0x037E || cp == 0x0589 || cp == 0x060C || cp == 0x066C || cp == 0xFE50
	    || cp == 0xFE54 || cp == 0xFF0C || cp == 0xFF1B)
		return CH_MIDNUM;
	if (cp == 0x066B)
		return CH_DIGIT;	/* Arabic decimal separator: inside numbers (UAX #29) */
	if (is_invisible_in_word(cp))
		return CH_FORMAT;
	switch (text_script(cp)) {
	case SCRIPT_HAN:
		return CH_IDEO;
	case SCRIPT_KANA:
		if (cp >= 0x3040 && cp <= 0x309F)
			return CH_IDEO;	/* Hiragana */
		return CH_KATAKANA;
	default:
		break;
	}
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_NL:
		return CH_LETTER;
	case UTF8PROC_CATEGORY_ND:
		return CH_DIGIT;
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
		return CH_EXTEND;
	case UTF8PROC_CATEGORY_PC:
		return CH_CONNECT;
	default:
		return CH_OTHER;
	}
}

static int is_word_start(enum char_class c)
{
	return c == CH_LETTER || c == CH_DIGIT || c == CH_CONNECT || c == CH_IDEO
	       || c == CH_KATAKANA;
}

int text_is_letter_multibyte(int32_t cp)
{
	enum char_class c = classify(cp);
	return c == CH_LETTER || c == CH_IDEO || c == CH_KATAKANA;
}

int text_is_space_multibyte(int32_t cp)
{
	if (cp == 0x85 || cp == 0xA0 || cp == 0xFEFF || cp == 0x2028 || cp == 0x2029)
		return 1;
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

/* ---- scripts ----------------------------------------------------------- */

static int text_is_letter_category(int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_NL:
		return 1;
	default:
		return 0;
	}
}

enum text_script text_script(int32_t cp)
{
	if (cp < 0x80)
		return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ? SCRIPT_LATIN : SCRIPT_NONE;
	if (!text_is_letter_category(cp))
		return SCRIPT_NONE;
	if (cp <= 0x024F || (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2C60 && cp <= 0x2C7F)
	    || (cp >= 0xA720 && cp <= 0xA7FF) || (cp >= 0xFF21 && cp <= 0xFF5A))
		return SCRIPT_LATIN;
	if (cp >= 0x0370 && cp <= 0x03FF)
		return SCRIPT_GREEK;
	if ((cp >= 0x0400 && cp <= 0x052F) || (cp >= 0x2DE0 && cp <= 0x2DFF)
	    || (cp >= 0xA640 && cp <= 0xA69F))
		return SCRIPT_CYRILLIC;
	if (cp >= 0x0530 && cp <= 0x058F)
		return SCRIPT_ARMENIAN;
	if (cp >= 0x0590 && cp <= 0x05FF)
		return SCRIPT_HEBREW;
	if ((cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F)
	    || (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF))
		return SCRIPT_ARABIC;
	if (cp >= 0x0900 && cp <= 0x097F)
		return SCRIPT_DEVANAGARI;
	if (cp >= 0x0E00 && cp <= 0x0E7F)
		return SCRIPT_THAI;
	if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)
	    || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF)
	    || cp == 0x3005 || cp == 0x3007)
		return SCRIPT_HAN;
	if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF)
	    || (cp >= 0xFF66 && cp <= 0xFF9F))
		return SCRIPT_KANA;
	if ((cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1100 && cp <= 0x11FF)
	    || (cp >= 0x3130 && cp <= 0x318F))
		return SCRIPT_HANGUL;
	return SCRIPT_OTHER;
}

enum text_script text_script_of_language(const char *lang)
{
	static const struct { const char *code; enum text_script script; } langs[] = {
		{ "ar", SCRIPT_ARABIC }, { "fa", SCRIPT_ARABIC }, { "ur", SCRIPT_ARABIC },
		{ "ru", SCRIPT_CYRILLIC }, { "uk", SCRIPT_CYRILLIC }, { "bg", SCRIPT_CYRILLIC },
		{ "sr", SCRIPT_CYRILLIC }, { "be", SCRIPT_CYRILLIC }, { "kk", SCRIPT_CYRILLIC },
		{ "el", SCRIPT_GREEK }, { "he", SCRIPT_HEBREW }, { "hy", SCRIPT_ARMENIAN },
		{ "hi", SCRIPT_DEVANAGARI }, { "th", SCRIPT_THAI }, { "zh", SCRIPT_HAN },
		{ "ja", SCRIPT_HAN }, { "ko", SCRIPT_HANGUL },
	};
	size_t i;

	if (!lang || strlen(lang) < 2)
		return SCRIPT_NONE;
	for (i = 0; i < sizeof(langs) / sizeof(langs[0]); i++)
		if (!strncmp(lang, langs[i].code, 2) && (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_'))
			return langs[i].script;
	/* Every other two-letter code we meet in news corpora is written in Latin. */
	if ((lang[2] == '\0' || lang[2] == '-' || lang[2] == '_')
	    && lang[0] >= 'a' && lang[0] <= 'z' && lang[1] >= 'a' && lang[1] <= 'z')
		return SCRIPT_LATIN;
	return SCRIPT_NONE;
}

const char *text_script_name(enum text_script s)
{
	static const char *const names[SCRIPT_COUNT] = {
		"none", "Latin", "Greek", "Cyrillic", "Armenian", "Hebrew", "Arabic",
		"Devanagari", "Thai", "Han", "Kana", "Hangul", "other",
	};
	return s < SCRIPT_COUNT ? names[s] : "other";
}

/* ---- normalisation ----------------------------------------------------- */

static const utf8proc_option_t NFKC = UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE;

/*
 * Normalises s[0, len) into out (appending, NUL-terminated): apostrophes and
 * typographic quotes become ASCII first, because NFKC leaves them alone and
 * "China’s" must match "China's". cps is scratch space owned by the caller.
 */
static size_t normalize_append(const char *s, size_t len, int casefold,
			       int32_t **cps, size_t *cps_alloc, struct buf *out)
{
	utf8proc_option_t opt = NFKC | (casefold ? UTF8PROC_CASEFOLD : 0);
	size_t pos = 0, n = 0, start = out->len;
	utf8proc_ssize_t got;
	int bad = 0;

	/* Pure ASCII needs no tables: NFKC is the identity and folding is tolower. */
	while (pos < len && (unsigned char)s[pos] < 0x80)
		pos++;
	if (pos == len) {
		size_t i;
		buf_grow(out, len);
		for (i = 0; i < len; i++) {
			char c = s[i];
			out->data[out->len++] = (casefold && c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
		}
		out->data[out->len] = '\0';
		return out->len - start;
	}

	pos = 0;
	while (pos < len) {
		int32_t cp = text_decode(s, len, &pos, &bad);
		int boundclass = UTF8PROC_BOUNDCLASS_START;
		if (is_invisible_in_word(cp))
			continue;
		if (is_apostrophe(cp))
			cp = '\'';
		else if (cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0xFF02)
			cp = '"';
		/* One code point decomposes into at most 18 (utf8proc's limit). */
		ALLOC_GROW(*cps, n + 32, *cps_alloc);
		got = utf8proc_decompose_char(cp, *cps + n, 32, opt, &boundclass);
		if (got < 0 || got > 32) {
			(*cps)[n] = 0xFFFD;
			got = 1;
		}
		n += (size_t)got;
	}
	if (n == 0) {	/* only invisible characters: nothing to reencode */
		buf_grow(out, 0);
		out->data[out->len] = '\0';
		return 0;
	}
	/* utf8proc_reencode writes UTF-8 over the same buffer: 4 bytes per slot. */
	got = utf8proc_reencode(*cps, (utf8proc_ssize_t)n, opt);
	if (got < 0) {
		buf_adds(out, "\xEF\xBF\xBD");
		return out->len - start;
	}
	buf_add(out, *cps, (size_t)got);
	return out->len - start;
}

void text_normalize(const char *s, size_t len, int casefold, struct buf *out)
{
	int32_t *cps = NULL;
	size_t alloc = 0;

	buf_reset(out);
	normalize_append(s, len, casefold, &cps, &alloc, out);
	free(cps);
}

#define ONES SWAR_ONES
#define HIGHS SWAR_HIGHS

/* High bit set in the bytes of x equal to c, and maybe in a few above one (a borrow). */
static uint64_t bytes_equal(uint64_t x, unsigned char c)
{
	uint64_t y = x ^ (ONES * c);
	return (y - ONES) & ~y & HIGHS;
}

/*
 * Whether 8 bytes come out of text_append_clean as they are: printable
 * ASCII with single spaces between other characters. False positives of
 * bytes_equal only send a chunk the slow way.
 */
static int plain8(const char *s)
{
	uint64_t x = load_le64(s, 8), spaces;

	if (x & HIGHS || ((x - ONES * 0x21) & HIGHS & ~(spaces = bytes_equal(x, ' ')))
	    || bytes_equal(x, 0x7F))
		return 0;
	/* No space first or last, and no two side by side. */
	return !(spaces & (0x80ULL | (0x80ULL << 56) | (spaces << 8)));
}

void text_append_clean(struct buf *out, const char *s, size_t start, size_t end)
{
	size_t pos = start;
	char *p, *begin;
	int space = 0;

	/* At most three bytes out for one in (U+FFFD for an invalid byte). */
	buf_grow(out, 3 * (end - start) + 1);
	begin = p = out->data + out->len;
	while (pos < end) {
		unsigned char b = (unsigned char)s[pos];
		size_t at = pos;
		int bad = 0;
		int32_t cp;

		/* Most of a context is words and single spaces: eight bytes at a time. */
		if (!space && pos + 8 <= end && plain8(s + pos)) {
			memcpy(p, s + pos, 8);
			p += 8;
			pos += 8;
			continue;
		}
		if (b > 0x20 && b < 0x7F) {
			if (space && p > begin)
				*p++ = ' ';
			space = 0;
			*p++ = (char)b;
			pos++;
			continue;
		}
		if (b < 0x80) {
			space = 1;	/* white space and control characters */
			pos++;
			continue;
		}
		cp = text_decode_multibyte(s, end, &pos, &bad);
		if (text_is_space(cp) || !sanitize_printable((uint32_t)cp)) {
			space = 1;
			continue;
		}
		if (space && p > begin)
			*p++ = ' ';
		space = 0;
		if (bad) {
			memcpy(p, SANITIZE_INVALID, 3);
			p += 3;
		} else {
			memcpy(p, s + at, pos - at);
			p += pos - at;
		}
	}
	out->len = (size_t)(p - out->data);
	*p = '\0';
}

size_t text_display_width(const char *s, size_t len)
{
	size_t pos = 0, width = 0;
	int bad = 0;

	while (pos < len) {
		int32_t cp = text_decode(s, len, &pos, &bad);
		int w = utf8proc_charwidth(cp);
		width += w > 0 ? (size_t)w : 0;
	}
	return width;
}

/* ---- tokens ------------------------------------------------------------ */

void text_tokens_reset(struct text_tokens *tt)
{
	tt->n = 0;
	buf_reset(&tt->norm);
	tt->sentences = 0;
	tt->paragraphs = 0;
	tt->replaced = 0;
}

void text_tokens_release(struct text_tokens *tt)
{
	free(tt->tok);
	free(tt->cps);
	free(tt->quotes);
	buf_release(&tt->norm);
	memset(tt, 0, sizeof(*tt));
}

/* A word list checked once per token: lengths are kept to skip most entries fast. */
struct word_list {
	const char *w;
	size_t len;
};
#define W(s) { s, sizeof(s) - 1 }

static int in_list(const struct word_list *list, size_t n, const char *w, size_t len)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (list[i].len == len && list[i].w[0] == w[0] && !memcmp(list[i].w, w, len))
			return 1;
	return 0;
}

/* Up to eight bytes as an integer, first byte lowest, for comparing short words at once. */
#define K2(a, b) ((uint64_t)(a) | (uint64_t)(b) << 8)
#define K4(a, b, c, d) (K2(a, b) | K2(c, d) << 16)
#define K8(a, b, c, d, e, f, g, h) (K4(a, b, c, d) | K4(e, f, g, h) << 32)

/* Words that negate what follows them (the "n't" suffix is checked apart). */
static int is_negator(const char *w, size_t len)
{
	static const uint64_t words[] = {
		K8('n', 'o', 't', 0, 0, 0, 0, 0), K8('n', 'o', 0, 0, 0, 0, 0, 0),
		K8('n', 'e', 'v', 'e', 'r', 0, 0, 0), K8('w', 'i', 't', 'h', 'o', 'u', 't', 0),
		K8('n', 'o', 'r', 0, 0, 0, 0, 0), K8('n', 'e', 'i', 't', 'h', 'e', 'r', 0),
		K8('n', 'o', 'b', 'o', 'd', 'y', 0, 0), K8('n', 'o', 'n', 'e', 0, 0, 0, 0),
		K8('n', 'o', 't', 'h', 'i', 'n', 'g', 0), K8('n', 'o', 'w', 'h', 'e', 'r', 'e', 0),
		K8('c', 'a', 'n', 'n', 'o', 't', 0, 0),
	};
	uint64_t key = 0;
	size_t i;

	if (len >= 3 && w[len - 3] == 'n' && w[len - 2] == '\'' && w[len - 1] == 't')
		return 1;
	/* Every negator starts with n, w or c and has at most seven bytes. */
	if ((w[0] != 'n' && w[0] != 'w' && w[0] != 'c') || len > 7)
		return 0;
	for (i = 0; i < len; i++)
		key |= (uint64_t)(unsigned char)w[i] << (8 * i);
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (words[i] == key)
			return 1;
	return 0;
}

/* Abbreviations whose period does not end a sentence (SPEC: U.S., Mr., Sept.). */
static int is_abbreviation(const char *w, size_t len)
{
	static const struct word_list words[] = {
		W("mr"), W("mrs"), W("ms"), W("dr"), W("prof"), W("sen"), W("rep"), W("gov"),
		W("gen"), W("col"), W("lt"), W("sgt"), W("capt"), W("cmdr"), W("adm"), W("st"),
		W("jr"), W("sr"), W("inc"), W("co"), W("corp"), W("ltd"), W("vs"), W("jan"),
		W("feb"), W("mar"), W("apr"), W("jun"), W("jul"), W("aug"), W("sep"), W("sept"),
		W("oct"), W("nov"), W("dec"), W("fig"), W("approx"), W("dept"), W("govt"),
		W("pres"), W("rev"), W("hon"), W("mt"), W("ft"), W("messrs"), W("mme"),
		W("mlle"), W("etc"), W("al"),
	};

	/* Initials (J. Smith) and dotted forms (U.S, e.g) never end a sentence. */
	if (len == 1 || memchr(w, '.', len))
		return 1;
	return len <= 6 && in_list(words, sizeof(words) / sizeof(words[0]), w, len);
}


static int32_t decode_at(const char *s, size_t len, size_t pos)
{
	int bad = 0;
	return pos < len ? text_decode(s, len, &pos, &bad) : ' ';
}

/* The code point that ends just before pos (pos is on a character start). */
static int32_t decode_before(const char *s, size_t start, size_t pos)
{
	size_t p = pos;
	if (pos <= start)
		return ' ';
	do
		p--;
	while (p > start && pos - p < 4 && ((unsigned char)s[p] & 0xC0) == 0x80);
	return decode_at(s, pos, p);
}

static int is_wordish(int32_t cp)
{
	enum char_class c = classify(cp);
	return is_word_start(c) || c == CH_EXTEND;
}

static int is_closing_punct(int32_t cp)
{
	return cp == '.' || cp == ',' || cp == '!' || cp == '?' || cp == ';' || cp == ':';
}

static size_t count_byte(const char *s, char c)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == c;
	return n;
}

static int shows_as_space(int32_t cp)
{
	return text_is_space(cp) || !sanitize_printable((uint32_t)cp);
}

int text_gap_before(const char *s, size_t start, size_t pos)
{
	return pos > start && shows_as_space(decode_before(s, start, pos));
}

int text_gap_at(const char *s, size_t pos, size_t end)
{
	return pos < end && shows_as_space(decode_at(s, end, pos));
}

int text_context_tight_right(const char *right)
{
	size_t len = strlen(right), pos = 0;
	int bad = 0;
	int32_t cp;

	if (!len)
		return 0;
	cp = text_decode(right, len, &pos, &bad);
	if (cp == '"')	/* closes a quotation when it is not the first of a pair */
		return count_byte(right, '"') % 2 == 1;
	if (cp == '\'' || cp == 0x2019) {
		/* A closing quote or 's, not a scare quote opening ('groundless'). */
		int32_t next = decode_at(right, len, pos);
		return !is_wordish(next) || ((next | 0x20) == 's' && !is_wordish(decode_at(right, len, pos + 1)));
	}
	return is_closing_punct(cp) || cp == ')' || cp == ']' || cp == '}' || cp == '%'
	       || cp == 0x201D || cp == 0x00BB || cp == 0x2026
	       || cp == 0x300D || cp == 0x300F || cp == 0x3001 || cp == 0x3002 || cp == 0xFF0C;
}

int text_context_tight_left(const char *left)
{
	size_t len = strlen(left);
	int32_t cp;

	if (!len)
		return 0;
	cp = decode_before(left, 0, len);
	if (cp == '"')	/* opens one when it is not the second of a pair */
		return count_byte(left, '"') % 2 == 1;
	if (cp == '\'') {	/* opens a scare quote after a space, a bracket or nothing */
		int32_t before = len > 1 ? decode_before(left, 0, len - 1) : ' ';
		return text_is_space(before) || before == '(' || before == '"' || before == 0x201C;
	}
	return cp == '(' || cp == '[' || cp == '{' || cp == 0x2018 || cp == 0x201C || cp == 0x00AB
	       || cp == 0x300C || cp == 0x300E;
}

static void add_span(struct text_tokens *tt, size_t start, size_t end)
{
	ALLOC_GROW(tt->quotes, tt->nquotes + 1, tt->quotes_alloc);
	tt->quotes[tt->nquotes].start = start;
	tt->quotes[tt->nquotes].end = end;
	tt->nquotes++;
}

/*
 * A single quote opens a scare quote when it stands before a word and a
 * matching closing quote follows within a short distance; otherwise it is
 * an apostrophe ("the students' books", "'tis") and quotes nothing.
 */
#define SCARE_QUOTE_MAX_BYTES 160

static size_t find_closing_single(const char *s, size_t end, size_t from)
{
	size_t pos = from, limit = from + SCARE_QUOTE_MAX_BYTES;

	while (pos < end && pos < limit) {
		size_t at = pos;
		int bad = 0;
		int32_t cp = text_decode(s, end, &pos, &bad);
		if (cp == '\'' || cp == 0x2019 || cp == 0x203A) {
			int32_t before = decode_before(s, from, at);
			int32_t after = decode_at(s, end, pos);
			if ((is_wordish(before) || is_closing_punct(before)) && !is_wordish(after))
				return at;
		}
		if (cp == '"' || cp == 0x201C || cp == 0x201D)
			return 0;	/* a double quote ends the search */
	}
	return 0;
}

/* The bytes that can start a quotation mark, looked up for every byte. */
static const unsigned char may_start_quote[256] = {
	['"'] = 1, ['\''] = 1, [0xC2] = 1, [0xE2] = 1, [0xE3] = 1, [0xEF] = 1,
};

/* Finds the quoted stretches of the paragraph s[start, end). */
static void scan_quotes(struct text_tokens *q, const char *s, size_t start, size_t end)
{
	size_t pos = start, open_double = (size_t)-1;

	q->nquotes = 0;
	while (pos < end) {
		unsigned char b = (unsigned char)s[pos];
		size_t at = pos;
		int bad = 0;
		int32_t cp;

		/* Quote marks are ASCII or start with 0xC2, 0xE2, 0xE3 or 0xEF: skip
		 * eight bytes at a time while none is a quote or non-ASCII. */
		if (pos + 8 <= end) {
			uint64_t x;
			memcpy(&x, s + pos, 8);
			if (!((x & HIGHS) | bytes_equal(x, '"') | bytes_equal(x, '\''))) {
				pos += 8;
				continue;
			}
		}
		if (!may_start_quote[b]) {
			pos++;
			continue;
		}
		cp = text_decode(s, end, &pos, &bad);
		if ((cp == '"' || cp == 0xFF02) && is_wordish(decode_before(s, start, at))
		    && is_wordish(decode_at(s, end, pos))) {
			continue;	/* year"s: an apostrophe as Reuters' wire copy writes it */
		} else if (cp == '"' || cp == 0xFF02) {
			if (open_double == (size_t)-1) {
				open_double = at;
			} else {
				add_span(q, open_double, pos);
				open_double = (size_t)-1;
			}
		} else if (cp == 0x201C || cp == 0x201E || cp == 0x00AB || cp == 0x300C || cp == 0x300E) {
			if (open_double == (size_t)-1)
				open_double = at;
		} else if (cp == 0x201D || cp == 0x00BB || cp == 0x300D || cp == 0x300F) {
			if (open_double != (size_t)-1) {
				add_span(q, open_double, pos);
				open_double = (size_t)-1;
			}
		} else if (cp == '\'' || cp == 0x2018 || cp == 0x2019 || cp == 0x2039) {
			int32_t before = decode_before(s, start, at);
			int32_t after = decode_at(s, end, pos);
			size_t close;
			if (is_wordish(before) || !is_wordish(after))
				continue;
			close = find_closing_single(s, end, pos);
			if (close) {
				add_span(q, at, close + 1);
				pos = close + 1;
			}
		}
	}
	/* A quotation left open runs to the end of its paragraph. */
	if (open_double != (size_t)-1)
		add_span(q, open_double, end);
}

static int in_spans(const struct text_tokens *q, size_t *cursor, size_t pos)
{
	size_t i;

	while (*cursor < q->nquotes && q->quotes[*cursor].end <= pos)
		(*cursor)++;
	/* Spans may nest (a scare quote inside a quotation); any cover counts. */
	for (i = *cursor; i < q->nquotes && q->quotes[i].start <= pos; i++)
		if (pos < q->quotes[i].end)
			return 1;
	return 0;
}

/* Sentence state between tokens. */
enum pending_end {
	END_NONE,
	END_WEAK,	/* a period: ends the sentence if the next word is not lowercase */
	END_STRONG	/* ! or ? */
};

/*
 * Scans one word from pos; returns its end. *ascii is cleared for other
 * bytes. *wordy tells whether it holds a letter or digit: underscores alone
 * ("_", "___") are punctuation, not words.
 */
static size_t scan_word(const char *s, size_t end, size_t pos, enum char_class first, int *bad,
			int *ascii, int *wordy)
{
	enum char_class last = first;

	*wordy = first != CH_CONNECT;
	if (first == CH_IDEO)
		return pos;
	if (first == CH_KATAKANA) {
		*ascii = 0;
		while (pos < end) {
			size_t next = pos;
			enum char_class c = classify(text_decode(s, end, &next, bad));
			if (c != CH_KATAKANA && c != CH_EXTEND && c != CH_CONNECT)
				break;
			pos = next;
		}
		return pos;
	}
	while (pos < end) {
		unsigned char b;
		/* Most words are ASCII letters and digits: up to eight at a time. */
		if (pos + 8 <= end) {
			uint64_t x = load_le64(s + pos, 8);
			size_t run = swar_marked_run(swar_ascii_letters(x) | swar_ascii_digits(x));
			if (run) {
				pos += run;
				last = (enum char_class)ascii_class[(unsigned char)s[pos - 1]];
				*wordy = 1;
				if (run == 8)
					continue;
			}
		}
		b = (unsigned char)s[pos];	/* pos < end: a run shorter than eight stops before it */
		/* The common case: ASCII letters and digits, no decoding needed. */
		if (b < 0x80 && ascii_class[b] <= CH_DIGIT && ascii_class[b] >= CH_LETTER) {
			last = (enum char_class)ascii_class[b];
			*wordy = 1;
			pos++;
			continue;
		}
		/* Spaces and most punctuation end a word: no decoding for them. */
		if (b < 0x80 && ascii_class[b] == CH_OTHER)
			break;
		if (b >= 0x80)
			*ascii = 0;
		size_t next = pos;
		int32_t cp = text_decode(s, end, &next, bad);
		enum char_class c = classify(cp);

		if (c == CH_LETTER || c == CH_DIGIT || c == CH_CONNECT) {
			*wordy |= c != CH_CONNECT;
			last = c;
			pos = next;
		} else if (c == CH_EXTEND) {
			pos = next;
		} else if (c == CH_FORMAT) {
			/* Part of the word only when the word goes on after it. */
			size_t after = next;
			enum char_class a = CH_FORMAT;
			while (after < end && a == CH_FORMAT) {
				next = after;
				a = classify(text_decode(s, end, &after, bad));
			}
			if (a != CH_LETTER && a != CH_DIGIT && a != CH_CONNECT && a != CH_EXTEND)
				break;
			pos = next;
		} else if (c == CH_MIDLETTER || c == CH_MIDNUMLET || c == CH_MIDNUM) {
			enum char_class after = next < end ? classify(decode_at(s, end, next)) : CH_OTHER;
			int letters = last == CH_LETTER && after == CH_LETTER && c != CH_MIDNUM;
			int digits = last == CH_DIGIT && after == CH_DIGIT && c != CH_MIDLETTER;
			if (!letters && !digits)
				break;
			pos = next;
		} else {
			break;
		}
	}
	return pos;
}

/* Both forms of an ASCII word at once: a copy and a lowercase copy. */
static void add_ascii_forms(struct text_tokens *tt, struct token *t, const char *w, size_t len)
{
	char *p;
	size_t i;

	uint64_t h = HASH_FNV_OFFSET;

	char *q;

	if (tt->norm.alloc - tt->norm.len < 2 * len + 3)
		buf_grow(&tt->norm, 2 * len + 2);
	p = tt->norm.data + tt->norm.len;
	q = p + len + 1;
	t->norm = (uint32_t)tt->norm.len;
	t->norm_len = (uint32_t)len;
	for (i = 0; i < len; i++) {
		p[i] = (w[i] >= 'A' && w[i] <= 'Z') ? (char)(w[i] + 32) : w[i];
		q[i] = w[i];
		h = hash_fnv_step(h, (unsigned char)p[i]);
	}
	t->hash = h;
	p[len] = '\0';
	t->cased = t->norm + (uint32_t)len + 1;
	t->cased_len = (uint32_t)len;
	q[len] = '\0';
	tt->norm.len += 2 * len + 2;
}

static void push_token(struct text_tokens *tt, const char *s, size_t start, size_t end,
		       int quoted, int ascii)
{
	struct token *t;
	size_t len;

	ALLOC_GROW(tt->tok, tt->n + 1, tt->alloc);
	t = &tt->tok[tt->n++];
	t->start = (uint32_t)start;
	t->end = (uint32_t)end;
	t->sentence = tt->sentences;
	t->paragraph = tt->paragraphs;
	t->quoted = (uint8_t)quoted;
	if (ascii) {
		add_ascii_forms(tt, t, s + start, end - start);
	} else {
		t->norm = (uint32_t)tt->norm.len;
		len = normalize_append(s + start, end - start, 1, &tt->cps, &tt->cps_alloc, &tt->norm);
		t->norm_len = (uint32_t)len;
		t->hash = text_hash(tt->norm.data + t->norm, len);
		buf_addch(&tt->norm, '\0');
		t->cased = (uint32_t)tt->norm.len;
		t->cased_len = (uint32_t)normalize_append(s + start, end - start, 0, &tt->cps,
							  &tt->cps_alloc, &tt->norm);
		buf_addch(&tt->norm, '\0');
	}
	t->negator = (uint8_t)is_negator(tt->norm.data + t->norm, t->norm_len);
}

void text_tokenize(struct text_tokens *tt, const char *s, size_t start, size_t end)
{
	enum pending_end pending = END_NONE;
	size_t pos = start, cursor = 0;
	int bad;

	scan_quotes(tt, s, start, end);
	tt->paragraphs++;
	tt->sentences++;
	while (pos < end) {
		size_t at = pos;
		int32_t cp;
		enum char_class c;

		if ((unsigned char)s[pos] < 0x80) {
			cp = (unsigned char)s[pos++];
			c = (enum char_class)ascii_class[cp];
		} else {
			bad = 0;
			cp = text_decode_multibyte(s, end, &pos, &bad);
			tt->replaced += (size_t)bad;
			c = classify(cp);
		}
		if (is_word_start(c)) {
			size_t wend;
			int ascii = cp < 0x80, wordy;
			bad = 0;
			wend = scan_word(s, end, pos, c, &bad, &ascii, &wordy);
			if (!wordy) {
				pos = wend;
				continue;
			}
			if (pending == END_STRONG
			    || (pending == END_WEAK && utf8proc_category(cp) != UTF8PROC_CATEGORY_LL))
				tt->sentences++;
			pending = END_NONE;
			push_token(tt, s, at, wend, in_spans(tt, &cursor, at), ascii);
			pos = wend;
		} else if (cp == '!' || cp == '?' || cp == 0xFF01 || cp == 0xFF1F || cp == 0x3002) {
			pending = END_STRONG;
		} else if (cp == '.' || cp == 0x2026) {
			const struct token *prev = tt->n ? &tt->tok[tt->n - 1] : NULL;
			if (prev && prev->paragraph == tt->paragraphs
			    && is_abbreviation(tt->norm.data + prev->norm, prev->norm_len)
			    && pending == END_NONE)
				continue;
			if (pending == END_NONE)
				pending = END_WEAK;
		}
	}
}

size_t text_count_words(const char *s, size_t start, size_t end)
{
	size_t pos = start, n = 0;

	while (pos < end) {
		int32_t cp;
		enum char_class c;
		int bad = 0;

		if ((unsigned char)s[pos] < 0x80) {
			cp = (unsigned char)s[pos++];
			c = (enum char_class)ascii_class[cp];
		} else {
			cp = text_decode_multibyte(s, end, &pos, &bad);
			c = classify(cp);
		}
		if (is_word_start(c)) {
			int ascii = cp < 0x80, wordy;
			pos = scan_word(s, end, pos, c, &bad, &ascii, &wordy);
			n += (size_t)wordy;
		}
	}
	return n;
}
