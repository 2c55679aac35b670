#include "clean.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "swar.h"
#include "text.h"
#include "xalloc.h"
#include "banned.h"

/* Lines shorter than this (in characters) follow their neighbours. */
#define SHORT_LINE_CHARS 70
/* Fewer stop words than this share marks a line of names and nouns. */
#define MIN_STOPWORD_DENSITY 0.15
/* A document with fewer stop words than this share is not English. */
#define ENGLISH_STOPWORD_DENSITY 0.20
/*
 * A block with more of its characters inside links than this is a menu or
 * a list of related stories. jusText's bad class starts at 0.2; news
 * paragraphs link phrases of their own text, so here it takes more.
 */
#define MAX_LINK_DENSITY 0.5

enum verdict { GOOD, SHORT, BAD, BLANK };
typedef unsigned char verdict_byte;	/* an enum verdict, kept per line in a byte */

/* What one pass over a line found. */
struct line_features {
	size_t chars, letters, words, stopwords;
	size_t script_letters[SCRIPT_COUNT];
	int32_t first, last;	/* first and last non-space code points */
	int list_shape;
};

/*
 * What the verdict on a line needs of its features, kept for every line
 * until the whole document has been read: 24 bytes, not the 150 of the
 * features, because an article of one-letter lines has a line every two
 * bytes. Counts fit in 32 bits: articles are under 4 GiB.
 */
struct line_summary {
	uint32_t chars, letters, words, stopwords;
	uint32_t top_letters;	/* the letters of the line's most used script */
	uint8_t top_script;	/* that script (the first such on a tie) */
	uint8_t list_shape;
};

/* English function words, sorted for bsearch (jusText's idea of text). */
static const char *const stopwords[] = {
	"a", "about", "above", "after", "again", "against", "all", "also", "am", "an",
	"and", "any", "are", "as", "at", "be", "because", "been", "before", "being",
	"below", "between", "both", "but", "by", "can", "could", "did", "do", "does",
	"doing", "down", "during", "each", "even", "few", "for", "from", "further", "had",
	"has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i",
	"if", "in", "into", "is", "it", "its", "itself", "just", "may", "me", "might",
	"more", "most", "must", "my", "no", "nor", "not", "now", "of", "off", "on",
	"once", "only", "or", "other", "our", "out", "over", "own", "same", "she",
	"should", "so", "some", "such", "than", "that", "the", "their", "them", "then",
	"there", "these", "they", "this", "those", "through", "to", "too", "under",
	"until", "up", "very", "was", "we", "were", "what", "when", "where", "which",
	"while", "who", "whom", "why", "will", "with", "would", "you", "your",
};

#define NSTOPWORDS (sizeof(stopwords) / sizeof(stopwords[0]))
#define STOP_SLOTS 512	/* a power of two, over twice NSTOPWORDS */
#define STOP_MAX_LEN 7	/* "against", "because", "between", "further", "through" */

/*
 * Stop words as keys of up to eight bytes packed in an integer (first byte
 * lowest), in an open-addressing table built once: every word of every
 * line is looked up, so a lookup is a multiply and an integer compare.
 */
static uint64_t stop_table[STOP_SLOTS];	/* 0: an empty slot */
static pthread_once_t stop_once = PTHREAD_ONCE_INIT;

static size_t stop_slot(uint64_t key)
{
	return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 55) & (STOP_SLOTS - 1);
}

/* The key of a lowercase word of at most STOP_MAX_LEN bytes. */
static uint64_t stop_key(const char *w, size_t len)
{
	uint64_t key = 0;
	size_t i;
	for (i = 0; i < len; i++)
		key |= (uint64_t)(unsigned char)w[i] << (8 * i);
	return key;
}

static void build_stop_table(void)
{
	size_t i, h;
	for (i = 0; i < NSTOPWORDS; i++) {
		uint64_t key = stop_key(stopwords[i], strlen(stopwords[i]));
		for (h = stop_slot(key); stop_table[h]; h = (h + 1) & (STOP_SLOTS - 1))
			;
		stop_table[h] = key;
	}
}

/* Call after pthread_once(&stop_once, build_stop_table). */
static int is_stop_key(uint64_t key)
{
	size_t h;
	for (h = stop_slot(key); stop_table[h]; h = (h + 1) & (STOP_SLOTS - 1))
		if (stop_table[h] == key)
			return 1;
	return 0;
}

static int is_stopword(const char *w, size_t len)
{
	pthread_once(&stop_once, build_stop_table);
	return len >= 1 && len <= STOP_MAX_LEN && is_stop_key(stop_key(w, len));
}

static int is_list_marker(int32_t cp)
{
	return cp == '-' || cp == '*' || cp == '|' || cp == 0x2022 || cp == 0x00B7
	       || cp == 0x25BA || cp == 0x00BB || cp == 0x2013 || cp == 0x2014 || cp == '>';
}

/* What the cleaner needs to know of an ASCII byte, looked up once per byte. */
enum { C_SPACE = 1, C_LETTER = 2, C_WORDISH = 4 };

static const unsigned char ascii_flags[128] = {
	['\t'] = C_SPACE, ['\n'] = C_SPACE, ['\v'] = C_SPACE, ['\f'] = C_SPACE, ['\r'] = C_SPACE,
	[' '] = C_SPACE, ['\''] = C_WORDISH,
	['0'] = C_WORDISH, ['1'] = C_WORDISH, ['2'] = C_WORDISH, ['3'] = C_WORDISH,
	['4'] = C_WORDISH, ['5'] = C_WORDISH, ['6'] = C_WORDISH, ['7'] = C_WORDISH,
	['8'] = C_WORDISH, ['9'] = C_WORDISH,
#define L(c) [c] = C_LETTER | C_WORDISH, [c + 32] = C_LETTER | C_WORDISH
	L('A'), L('B'), L('C'), L('D'), L('E'), L('F'), L('G'), L('H'), L('I'), L('J'), L('K'),
	L('L'), L('M'), L('N'), L('O'), L('P'), L('Q'), L('R'), L('S'), L('T'), L('U'), L('V'),
	L('W'), L('X'), L('Y'), L('Z'),
#undef L
};

static int ascii_space(unsigned char c)
{
	return c < 0x80 && (ascii_flags[c] & C_SPACE);
}

static int ascii_letter(unsigned char c)
{
	return c < 0x80 && (ascii_flags[c] & C_LETTER);
}

static int ascii_wordish(unsigned char c)
{
	return c < 0x80 && (ascii_flags[c] & C_WORDISH);
}

/*
 * Whether the ASCII word s[at, at + len) inside s[0, n) is a stop word.
 * Its key comes from one load: letters, digits and apostrophes all have
 * bit 0x20 set when lowercase, so one OR folds the case of eight bytes.
 */
static int is_ascii_stopword(const unsigned char *s, size_t at, size_t len, size_t n)
{
	uint64_t x;

	if (len > STOP_MAX_LEN)
		return 0;
	x = load_le64(s + at, at + 8 <= n ? 8 : len) | 0x2020202020202020ULL;
	return is_stop_key(x & ((1ULL << (8 * len)) - 1));
}

/*
 * What both scans of an ASCII line work out last from where its first and
 * last non-space bytes are (n when it has none) and how many pipes it has.
 */
static void finish_ascii_line(const unsigned char *s, size_t n, size_t first_at, size_t last_at,
			      size_t pipes, struct line_features *f)
{
	f->script_letters[SCRIPT_LATIN] = f->letters;
	if (first_at < n) {
		int32_t second = first_at + 1 < n ? (ascii_space(s[first_at + 1]) ? ' ' : s[first_at + 1]) : 0;
		f->first = s[first_at];
		f->last = s[last_at];
		f->list_shape = (is_list_marker(f->first) && second == ' ') || f->last == '|'
				|| pipes >= 2;
	}
}

/*
 * scan_line for a line of ASCII, which most lines are: whole words at a
 * time, no decoding. Gives exactly what the general scan gives.
 */
static void scan_ascii_line_bytes(const unsigned char *s, size_t n, struct line_features *f)
{
	size_t i = 0, pipes = 0, first_at = n, last_at = n;

	memset(f, 0, sizeof(*f));
	while (i < n) {
		unsigned char c = s[i];
		if (ascii_space(c)) {
			i++;
			continue;
		}
		if (first_at == n)
			first_at = i;
		if (ascii_wordish(c)) {
			size_t ws = i;
			do
				f->letters += ascii_letter(s[i++]);
			while (i < n && ascii_wordish(s[i]));
			f->chars += i - ws;
			f->words++;
			f->stopwords += is_ascii_stopword(s, ws, i - ws, n);
			last_at = i - 1;
			continue;
		}
		f->chars++;
		pipes += c == '|';
		last_at = i++;
	}
	finish_ascii_line(s, n, first_at, last_at, pipes, f);
}

#if defined(__SSE2__)
#include <emmintrin.h>

/* The classes of 64 bytes of ASCII, a bit per byte (first byte lowest). */
struct ascii_marks {
	uint64_t space, letter, wordish, pipe;
};

static uint64_t marks16(__m128i m)
{
	return (uint64_t)(unsigned)_mm_movemask_epi8(m);
}

/* Marks of s[0, 64): every byte is ASCII (below 0x80), so signed compares work. */
static void mark_block(const unsigned char *s, struct ascii_marks *m)
{
	int k;

	memset(m, 0, sizeof(*m));
	for (k = 0; k < 4; k++) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + 16 * k));
		__m128i lower = _mm_or_si128(x, _mm_set1_epi8(0x20));
		__m128i space = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')),
					     _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(8)),
							   _mm_cmplt_epi8(x, _mm_set1_epi8(14))));
		__m128i letter = _mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)),
					       _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1)));
		__m128i digit = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
					      _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
		__m128i wordish = _mm_or_si128(_mm_or_si128(letter, digit),
					       _mm_cmpeq_epi8(x, _mm_set1_epi8('\'')));
		m->space |= marks16(space) << (16 * k);
		m->letter |= marks16(letter) << (16 * k);
		m->wordish |= marks16(wordish) << (16 * k);
		m->pipe |= marks16(_mm_cmpeq_epi8(x, _mm_set1_epi8('|'))) << (16 * k);
	}
}

/*
 * scan_ascii_line_bytes, 64 bytes at a time: the classes of the bytes come
 * from SSE2 compares as bit masks, counts from popcounts, and words from
 * the starts of runs of word bytes; only a word short enough to be a stop
 * word is looked at byte by byte. The ends of lines are copied into a
 * zeroed block (zero bytes are masked off).
 */
static void scan_ascii_line(const unsigned char *s, size_t n, struct line_features *f)
{
	size_t at, pipes = 0, first_at = n, last_at = n;
	uint64_t carry = 0;	/* the last byte of the block before was a word byte */

	/* Short lines (menus, bylines) are done sooner a byte at a time. */
	if (n < 32) {
		scan_ascii_line_bytes(s, n, f);
		return;
	}
	memset(f, 0, sizeof(*f));
	for (at = 0; at < n; at += 64) {
		struct ascii_marks m;
		unsigned char tail[64];
		size_t in = n - at < 64 ? n - at : 64;
		uint64_t valid = in == 64 ? ~0ULL : (1ULL << in) - 1, nonspace, starts;

		if (in == 64) {
			mark_block(s + at, &m);
		} else {
			memset(tail, 0, sizeof(tail));
			memcpy(tail, s + at, in);
			mark_block(tail, &m);
		}
		nonspace = ~m.space & valid;
		f->chars += (size_t)__builtin_popcountll(nonspace);
		f->letters += (size_t)__builtin_popcountll(m.letter);
		pipes += (size_t)__builtin_popcountll(m.pipe);
		if (nonspace) {
			if (first_at == n)
				first_at = at + (size_t)__builtin_ctzll(nonspace);
			last_at = at + 63 - (size_t)__builtin_clzll(nonspace);
		}
		starts = m.wordish & ~((m.wordish << 1) | carry);
		carry = m.wordish >> 63;
		f->words += (size_t)__builtin_popcountll(starts);
		while (starts) {
			size_t p = (size_t)__builtin_ctzll(starts), len;
			uint64_t rest = ~(m.wordish >> p);
			starts &= starts - 1;
			/* The word's length, when it ends in this block; else count on. */
			if (rest)
				len = (size_t)__builtin_ctzll(rest);
			else
				len = 64 - p;
			if (p + len == 64)
				while (at + p + len < n && len <= STOP_MAX_LEN
				       && ascii_wordish(s[at + p + len]))
					len++;
			f->stopwords += is_ascii_stopword(s, at + p, len, n);
		}
	}
	finish_ascii_line(s, n, first_at, last_at, pipes, f);
}
#else
#define scan_ascii_line scan_ascii_line_bytes
#endif

int clean_ascii_scans_agree(const char *s, size_t n)
{
	struct line_features a, b;

	pthread_once(&stop_once, build_stop_table);
	/* Both scans start from a zeroed struct, padding included. */
	scan_ascii_line((const unsigned char *)s, n, &a);
	scan_ascii_line_bytes((const unsigned char *)s, n, &b);
	return !memcmp(&a, &b, sizeof(a));
}

static int is_ascii(const char *s, size_t start, size_t end)
{
	size_t i = start;
	uint64_t high = 0, w;

	for (; i + 8 <= end; i += 8) {
		memcpy(&w, s + i, 8);
		high |= w;
	}
	for (; i < end; i++)
		high |= (unsigned char)s[i];
	return !(high & 0x8080808080808080ULL);
}

/* Adds the word s[at, to) to f; ascii: it has no other bytes. */
static void end_word(struct line_features *f, const char *s, size_t at, size_t to, size_t end,
		     int ascii)
{
	f->words++;
	f->stopwords += ascii && is_ascii_stopword((const unsigned char *)s, at, to - at, end);
}

/*
 * Takes the ASCII letters, digits and apostrophes that continue a word at
 * s[pos] in one tight loop, once the line's first two characters are known
 * (then each only counts, and is the last so far); returns where they end.
 */
static size_t scan_ascii_word_rest(const char *s, size_t pos, size_t end,
				   struct line_features *f)
{
	size_t from = pos, letters = 0;

	while (pos < end && ascii_wordish((unsigned char)s[pos]))
		letters += ascii_letter((unsigned char)s[pos++]);
	if (pos > from) {
		f->chars += pos - from;
		f->letters += letters;
		f->script_letters[SCRIPT_LATIN] += letters;
		f->last = (unsigned char)s[pos - 1];
	}
	return pos;
}

/* The features of a line with some non-ASCII text: ASCII bytes are not decoded. */
static void scan_line(const char *s, size_t start, size_t end, struct line_features *f)
{
	size_t pos = start, pipes = 0, word_at = start;
	int in_word = 0, ascii_word = 1;
	int32_t second = 0;

	if (is_ascii(s, start, end)) {
		scan_ascii_line((const unsigned char *)s + start, end - start, f);
		return;
	}
	memset(f, 0, sizeof(*f));
	while (pos < end) {
		unsigned char b = (unsigned char)s[pos];
		size_t at = pos;
		int32_t cp;
		int letter, space, wordish;

		if (b < 0x80) {
			unsigned char flags = ascii_flags[b];
			cp = b;
			pos++;
			space = flags & C_SPACE;
			letter = flags & C_LETTER;
			wordish = flags & C_WORDISH;
		} else {
			int bad = 0;
			cp = text_decode_multibyte(s, end, &pos, &bad);
			space = text_is_space_multibyte(cp);
			wordish = letter = text_is_letter_multibyte(cp);
		}
		if (!space) {
			f->chars++;
			if (!f->first)
				f->first = cp;
			else if (!second)
				second = cp;
			f->last = cp;
			if (letter) {
				f->letters++;
				f->script_letters[b < 0x80 ? SCRIPT_LATIN : text_script(cp)]++;
			}
			pipes += cp == '|';
		} else if (f->first && !second) {
			second = ' ';
		}
		if (wordish) {
			if (!in_word) {
				in_word = 1;
				word_at = at;
				ascii_word = 1;
			}
			ascii_word &= b < 0x80;
			if (second)
				pos = scan_ascii_word_rest(s, pos, end, f);
		} else if (in_word) {
			in_word = 0;
			end_word(f, s, word_at, at, end, ascii_word);
		}
	}
	if (in_word)
		end_word(f, s, word_at, end, end, ascii_word);
	/* "- Headline", "| Menu |", "A | B | C": lists and menus, not prose. */
	f->list_shape = (is_list_marker(f->first) && second == ' ') || f->last == '|' || pipes >= 2;
}

/* The last code point that is not a closing quote or bracket. */
static int ends_sentence(const char *s, size_t start, size_t end)
{
	size_t pos = end;

	while (pos > start) {
		size_t p = pos, q;
		int bad = 0;
		int32_t cp;
		do
			p--;
		while (p > start && ((unsigned char)s[p] & 0xC0) == 0x80);
		q = p;
		cp = text_decode(s, end, &q, &bad);
		pos = p;
		if (text_is_space(cp) || cp == '"' || cp == '\'' || cp == ')' || cp == ']'
		    || cp == 0x201D || cp == 0x2019 || cp == 0x00BB || cp == 0x300D)
			continue;
		return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x3002
		       || cp == 0xFF01 || cp == 0xFF1F;
	}
	return 0;
}

int clean_ends_sentence(const char *s, size_t start, size_t end)
{
	return ends_sentence(s, start, end);
}

/*
 * Compares an ASCII line with the normalised title: case-folded, runs of
 * white space as one space, no normalisation tables needed. -1 when the
 * line is not ASCII and the full comparison must decide.
 */
static int ascii_equals_title(const char *s, size_t start, size_t end, const char *title)
{
	size_t i = start;
	const char *t = title;

	while (i < end && ascii_space((unsigned char)s[i]))
		i++;
	while (i < end) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80 || c < 0x20 || c == 0x7F)
			return -1;
		if (ascii_space(c)) {
			while (i < end && ascii_space((unsigned char)s[i]))
				i++;
			if (i == end)
				break;
			if (*t++ != ' ')
				return 0;
			continue;
		}
		if (*t++ != ((c >= 'A' && c <= 'Z') ? c + 32 : c))
			/* A combining mark next could make c another letter ("e" + U+0301). */
			return i + 1 < end && (unsigned char)s[i + 1] >= 0x80 ? -1 : 0;
		i++;
	}
	return *t == '\0';
}

static int matches_title(const char *s, size_t start, size_t end, const char *title_norm,
			 struct buf *scratch)
{
	struct buf raw = BUF_INIT;
	int same;

	size_t title_len = title_norm ? strlen(title_norm) : 0, len = end - start;

	/* Normalising every line would cost more than the rest of cleaning. */
	if (!title_len || len + 8 < title_len / 2 || len > 2 * title_len + 8)
		return 0;
	same = ascii_equals_title(s, start, end, title_norm);
	if (same >= 0)
		return same;
	text_append_clean(&raw, s, start, end);
	text_normalize(buf_str(&raw), raw.len, 1, scratch);
	same = !strcmp(buf_str(scratch), title_norm);
	buf_release(&raw);
	return same;
}

static enum text_script main_script(const size_t *letters)
{
	enum text_script best = SCRIPT_LATIN;
	int s;

	for (s = SCRIPT_LATIN; s < SCRIPT_COUNT; s++)
		if (letters[s] > letters[best])
			best = (enum text_script)s;
	return best;
}

static void add_line(struct clean_result *r, size_t start, size_t end, int skip_empty)
{
	struct clean_line *l;

	if (skip_empty && start == end)
		return;
	ALLOC_GROW(r->lines, r->n + 1, r->alloc);
	l = &r->lines[r->n++];
	l->start = start;
	l->end = end;
	l->keep = 1;
	l->reason = NULL;
	l->repeated = 0;
	l->markup = 0;
}

/* Where split_lines is in the joins of the unwrapping (unwrap.h). */
struct join_state {
	size_t next;		/* the first join not passed yet */
	size_t para;		/* where the paragraph being joined starts, or (size_t)-1 */
	const char *title;	/* the normalised title, or NULL */
	struct buf *scratch;
};

/*
 * Adds the line text[start, end) unless the unwrapping joins it to the
 * next; a joined paragraph is one line from its first line's start to its
 * last line's end. A line equal to the title starts no paragraph: it is
 * the headline, however wide, not the first line of the story.
 */
static void add_wrapped_line(struct clean_result *r, const char *text, size_t start, size_t end,
			     int skip_empty, struct join_state *js)
{
	const struct unwrap *u = &r->unwrap;

	while (js->next < u->n && u->joins[js->next] < end)
		js->next++;
	if (js->next < u->n && u->joins[js->next] == end
	    && (js->para != (size_t)-1 || !matches_title(text, start, end, js->title, js->scratch))) {
		if (js->para == (size_t)-1)
			js->para = start;
		return;
	}
	add_line(r, js->para == (size_t)-1 ? start : js->para, end, skip_empty);
	js->para = (size_t)-1;
}

/*
 * Splits at \n, \r\n and lone \r, so old Mac files split into lines too.
 * The next \n is looked for once, not once per lone \r before it: a file
 * of CRs alone would otherwise be read to its end for every line.
 */
static void split_lines(const char *text, size_t len, int skip_empty, struct clean_result *r,
			struct join_state *js)
{
	size_t start = 0, next_nl = 0;
	int looked = 0;

	while (start < len) {
		size_t end;
		const char *cr;

		if (!looked || next_nl < start) {
			const char *nl = memchr(text + start, '\n', len - start);
			next_nl = nl ? (size_t)(nl - text) : len;
			looked = 1;
		}
		end = next_nl;
		cr = memchr(text + start, '\r', end - start);

		if (cr && (size_t)(cr - text) + 1 < end) {
			/* A lone CR inside: the line ends there. */
			end = (size_t)(cr - text);
			add_wrapped_line(r, text, start, end, skip_empty, js);
			start = end + 1;
			continue;
		}
		add_wrapped_line(r, text, start, cr ? end - 1 : end, skip_empty, js);
		start = end + 1;
	}
}

static void summarize(const struct line_features *f, struct line_summary *sum)
{
	int s, top = SCRIPT_LATIN;

	for (s = SCRIPT_LATIN; s < SCRIPT_COUNT; s++)
		if (f->script_letters[s] > f->script_letters[top])
			top = s;
	sum->chars = (uint32_t)f->chars;
	sum->letters = (uint32_t)f->letters;
	sum->words = (uint32_t)f->words;
	sum->stopwords = (uint32_t)f->stopwords;
	sum->top_letters = (uint32_t)f->script_letters[top];
	sum->top_script = (uint8_t)top;
	sum->list_shape = (uint8_t)f->list_shape;
}

/*
 * Whether most letters of line l are not in the article's script. From the
 * summary alone unless the line is split exactly half and half between its
 * top script and others: then the line is read again.
 */
static int mostly_foreign(const struct line_summary *sum, const char *text,
			  const struct clean_line *l, enum text_script script)
{
	struct line_features f;
	size_t in_script;

	if (sum->letters == 0)
		return 0;
	if (sum->top_script == script) {
		in_script = sum->top_letters;
	} else if ((size_t)sum->top_letters * 2 != sum->letters) {
		/* At most min(top, letters - top) letters are in script: under half. */
		return 1;
	} else {
		scan_line(text, l->start, l->end, &f);
		in_script = f.script_letters[script];
	}
	return (sum->letters - in_script) * 2 > sum->letters;
}

static enum verdict judge(const struct line_summary *f, const char *text,
			  const struct clean_line *l, enum text_script script,
			  int english, const char **reason)
{
	if (f->chars == 0)
		return BLANK;
	if (mostly_foreign(f, text, l, script)) {
		*reason = "other script than the article";
		return BAD;
	}
	if (f->words == 0 || (size_t)f->letters * 2 < f->chars) {
		*reason = "few letters";
		return BAD;
	}
	if (f->list_shape) {
		*reason = "list or menu";
		return BAD;
	}
	if (!ends_sentence(text, l->start, l->end)) {
		*reason = "no sentence end (headline, menu, caption or byline)";
		return BAD;
	}
	if (english && f->words >= 5
	    && (double)f->stopwords < MIN_STOPWORD_DENSITY * (double)f->words) {
		*reason = "few stop words";
		return BAD;
	}
	if (f->chars < SHORT_LINE_CHARS || f->words < 4)
		return SHORT;
	return GOOD;
}

void clean_hint_links(struct clean_hint *h, size_t link_chars, size_t chars)
{
	double d = chars ? (double)link_chars / (double)chars : 0;

	h->link_chars = (uint32_t)link_chars;
	h->chars = (uint32_t)chars;
	snprintf(h->links_reason, sizeof(h->links_reason), "links %.2f", d);
}

/*
 * What markup adds to the verdict on a line that has words: inside the
 * page's furniture, or mostly links, it is boilerplate.
 */
static enum verdict judge_markup(const struct clean_hint *h, enum verdict v, const char **reason)
{
	if (h->context) {
		*reason = h->context;
		return BAD;
	}
	if (h->chars && (double)h->link_chars > MAX_LINK_DENSITY * (double)h->chars) {
		*reason = h->links_reason;
		return BAD;
	}
	return v;
}

void clean_document(const char *text, size_t len, const struct clean_options *opt,
		    struct clean_result *r)
{
	size_t hint = 0;
	struct line_summary *sum;
	verdict_byte *v, *next;
	enum verdict before;
	size_t letters[SCRIPT_COUNT] = { 0 }, words = 0, stops = 0, i;
	struct buf title_norm = BUF_INIT, scratch = BUF_INIT;
	struct join_state js = { 0, (size_t)-1, NULL, &scratch };
	enum text_script script;
	int english;

	r->n = 0;
	r->dropped_chars = 0;
	r->dropped_lines = 0;
	if (opt->title) {
		/* Runs of white space count as one, as they do for the lines. */
		text_append_clean(&scratch, opt->title, 0, strlen(opt->title));
		text_normalize(buf_str(&scratch), scratch.len, 1, &title_norm);
		js.title = title_norm.data;
	}
	if (opt->blocks)
		r->unwrap.n = 0, r->unwrap.width = 0;
	else
		unwrap_find(&r->unwrap, text, len);
	split_lines(text, len, opt->skip_empty, r, &js);
	if (!opt->enabled) {
		buf_release(&title_norm);
		buf_release(&scratch);
		return;
	}

	pthread_once(&stop_once, build_stop_table);
	/* One block for the features and verdicts of every line, reused. */
	if (r->scratch_alloc < r->n + 1) {
		free(r->scratch);
		r->scratch_alloc = r->n + 1 > 2 * r->scratch_alloc ? r->n + 1 : 2 * r->scratch_alloc;
		r->scratch = xmalloc(r->scratch_alloc * (sizeof(*sum) + 2 * sizeof(*v)));
	}
	sum = r->scratch;
	v = (verdict_byte *)(sum + r->scratch_alloc);
	next = v + r->scratch_alloc;
	for (i = 0; i < r->n; i++) {
		struct line_features f;
		int s;
		scan_line(text, r->lines[i].start, r->lines[i].end, &f);
		for (s = 0; s < SCRIPT_COUNT; s++)
			letters[s] += f.script_letters[s];
		words += f.words;
		stops += f.stopwords;
		summarize(&f, &sum[i]);
	}
	script = text_script_of_language(opt->lang);
	if (script == SCRIPT_NONE)
		script = main_script(letters);
	/* The stop-word rule knows English only: a declared language decides, else a guess. */
	if (opt->lang && *opt->lang)
		english = !strncmp(opt->lang, "en", 2) && (opt->lang[2] == '\0' || opt->lang[2] == '-'
							   || opt->lang[2] == '_');
	else
		english = words > 0 && (double)stops >= ENGLISH_STOPWORD_DENSITY * (double)words;
	for (i = 0; i < r->n; i++) {
		struct clean_line *l = &r->lines[i];
		v[i] = (verdict_byte)judge(&sum[i], text, l, script, english, &l->reason);
		while (hint < opt->nhints && opt->hints[hint].start < l->start)
			hint++;
		if (v[i] != BLANK && hint < opt->nhints && opt->hints[hint].start == l->start) {
			const char *was = l->reason;
			v[i] = (verdict_byte)judge_markup(&opt->hints[hint], (enum verdict)v[i],
							  &l->reason);
			l->markup = l->reason != was;
		}
		if (v[i] != BLANK && v[i] != GOOD
		    && matches_title(text, l->start, l->end, title_norm.data, &scratch)) {
			v[i] = GOOD;
			l->reason = NULL;
			l->markup = 0;
		} else if ((v[i] == GOOD || v[i] == SHORT) && opt->repeated
			   && (l->repeated = opt->repeated(opt->repeated_ctx, text, l->start, l->end))) {
			v[i] = BAD;
			l->reason = "repeated in many articles of the outlet";
		}
	}
	/*
	 * A short line follows the nearest line on either side that is not
	 * short (BAD at the ends). Those verdicts are carried along, before
	 * (as this pass leaves them) and after (as judged), rather than looked
	 * for from every line: that was quadratic in a run of short lines.
	 */
	for (i = r->n; i-- > 0;)
		next[i] = i + 1 == r->n ? BAD
			: v[i + 1] == GOOD || v[i + 1] == BAD ? v[i + 1] : next[i + 1];
	before = BAD;
	for (i = 0; i < r->n; i++) {
		struct clean_line *l = &r->lines[i];
		if (v[i] == SHORT && before != GOOD && next[i] != GOOD) {
			v[i] = BAD;
			l->reason = "short, among boilerplate";
		}
		if (v[i] == GOOD || v[i] == BAD)
			before = v[i];
		if (v[i] == BAD) {
			l->keep = 0;
			r->dropped_chars += sum[i].chars;
			r->dropped_lines++;
		} else {
			l->reason = NULL;
		}
	}
	buf_release(&title_norm);
	buf_release(&scratch);
}

void clean_result_release(struct clean_result *r)
{
	free(r->scratch);
	free(r->lines);
	unwrap_release(&r->unwrap);
	memset(r, 0, sizeof(*r));
}

int clean_is_stopword(const char *w, size_t len)
{
	return is_stopword(w, len);
}
