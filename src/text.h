#ifndef TEXT_H
#define TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "hash.h"

/*
 * UTF-8 decoding, normalisation (NFKC + case fold), word tokens, sentences,
 * quotations and negators. The only module that includes utf8proc.
 *
 * Text is never rewritten: tokens keep byte offsets into the original, so
 * every match points back at the bytes a user can find in the file. Invalid
 * UTF-8 decodes as U+FFFD one byte at a time and is counted.
 */

/* Scripts that matter for telling an article's text from spam. */
enum text_script {
	SCRIPT_NONE,		/* not a letter */
	SCRIPT_LATIN,
	SCRIPT_GREEK,
	SCRIPT_CYRILLIC,
	SCRIPT_ARMENIAN,
	SCRIPT_HEBREW,
	SCRIPT_ARABIC,
	SCRIPT_DEVANAGARI,
	SCRIPT_THAI,
	SCRIPT_HAN,
	SCRIPT_KANA,
	SCRIPT_HANGUL,
	SCRIPT_OTHER,
	SCRIPT_COUNT
};

/* One word token. A small record; spans are byte offsets in the text. */
struct token {
	uint64_t hash;		/* text_hash of the normalised form */
	uint32_t start, end;	/* the surface text: [start, end) */
	uint32_t norm, norm_len;	/* NFKC + case fold, in text_tokens.norm */
	uint32_t cased, cased_len;	/* NFKC without case fold, same buffer */
	uint32_t sentence;	/* 1-based, counted over the whole article */
	uint32_t paragraph;	/* index of the span the token came from */
	uint8_t quoted;		/* inside a direct quotation or scare quotes */
	uint8_t negator;	/* not, no, never, n't, without, ... */
};

/*
 * The tokens of one article, appended paragraph by paragraph. Reuse one
 * struct across articles with text_tokens_reset to avoid reallocation.
 */
struct text_tokens {
	struct token *tok;
	size_t n, alloc;
	struct buf norm;	/* normalised forms, each NUL-terminated */
	uint32_t sentences;	/* sentences so far */
	uint32_t paragraphs;	/* paragraphs so far */
	size_t replaced;	/* invalid UTF-8 sequences seen */
	/* Scratch space, owned here so that tokenising does not allocate. */
	int32_t *cps;
	size_t cps_alloc;
	struct text_span *quotes;
	size_t nquotes, quotes_alloc;
};

/* A stretch of text as byte offsets [start, end). */
struct text_span {
	size_t start, end;
};

#define TEXT_TOKENS_INIT { NULL, 0, 0, BUF_INIT, 0, 0, 0, NULL, 0, NULL, 0, 0 }

void text_tokens_reset(struct text_tokens *tt);
void text_tokens_release(struct text_tokens *tt);

/*
 * Tokenises text[start, end) as one paragraph: sentences and quotations
 * never run across paragraphs. Appends to tt.
 */
void text_tokenize(struct text_tokens *tt, const char *text, size_t start, size_t end);

/*
 * The words text_tokenize would find in text[start, end), counted without
 * normalising them: what cleaning took from an article (dropped_words).
 */
size_t text_count_words(const char *text, size_t start, size_t end);

/*
 * The hash of a word for near-duplicate signatures and term counts:
 * FNV-1a (hash.h), computed once per token while it is normalised.
 */
static inline uint64_t text_hash(const char *s, size_t len)
{
	return hash_fnv(s, len);
}

/* The normalised and cased forms of token i; borrowed from tt. */
static inline const char *text_norm(const struct text_tokens *tt, size_t i)
{
	return tt->norm.data + tt->tok[i].norm;
}

static inline const char *text_cased(const struct text_tokens *tt, size_t i)
{
	return tt->norm.data + tt->tok[i].cased;
}

/* The multi-byte case of text_decode. */
int32_t text_decode_multibyte(const char *s, size_t len, size_t *pos, int *bad);

/*
 * Decodes one code point at s[*pos] (len bytes in all) and advances *pos.
 * Invalid or truncated sequences give 0xFFFD and advance one byte; *bad is
 * set to 1 then (it is left alone otherwise). Inline: ASCII is most text.
 */
static inline int32_t text_decode(const char *s, size_t len, size_t *pos, int *bad)
{
	unsigned char b = (unsigned char)s[*pos];
	if (b < 0x80) {
		(*pos)++;
		return b;
	}
	return text_decode_multibyte(s, len, pos, bad);
}

/*
 * Removes from s, in place, the characters text leaves out of words
 * (Default_Ignorable_Code_Point: zero widths, joiners, BOM, variation
 * selectors, direction marks): "Reuters" and "Reuters<U+200B>" are one
 * outlet. Bytes that are not UTF-8 stay. Returns s.
 */
char *text_strip_invisible(char *s);

/* The script of a code point, SCRIPT_NONE for anything not a letter. */
enum text_script text_script(int32_t cp);
/* The script of an ISO 639-1 language code, SCRIPT_NONE when unknown. */
enum text_script text_script_of_language(const char *lang);
const char *text_script_name(enum text_script s);

/* Unicode general category tests used by the cleaner; ASCII is inline. */
int text_is_letter_multibyte(int32_t cp);
int text_is_space_multibyte(int32_t cp);

static inline int text_is_letter(int32_t cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	return text_is_letter_multibyte(cp);
}

static inline int text_is_space(int32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
	return text_is_space_multibyte(cp);
}

/*
 * Normalises a whole string (NFKC + case fold, typographic quotes to ASCII)
 * into out, which is reset first. Used for lexicon entries and titles.
 */
void text_normalize(const char *s, size_t len, int casefold, struct buf *out);

/*
 * Appends s[start, end) to out as valid UTF-8 on one line: runs of white
 * space (tabs, newlines) and of what sanitize.h does not print as is
 * become one space, invalid bytes U+FFFD.
 */
void text_append_clean(struct buf *out, const char *s, size_t start, size_t end);

/*
 * How a context meets its keyword, for listings that join them. With the
 * text at hand (kwic): whether the character of s[start, pos) just before
 * pos, or the one of s[pos, end) at pos, shows as white space in a context
 * (text_append_clean makes it one). With only the contexts of matches.tsv
 * (the report), whose white space at the keyword's side is trimmed: whether
 * right starts with closing punctuation (", which", ". LINES", ")") or
 * left ends with an opening bracket or quote, so no space goes between.
 */
int text_gap_before(const char *s, size_t start, size_t pos);
int text_gap_at(const char *s, size_t pos, size_t end);
int text_context_tight_right(const char *right);
int text_context_tight_left(const char *left);

/* Display width of a UTF-8 string in terminal columns (CJK count two). */
size_t text_display_width(const char *s, size_t len);

#endif
