#include "unwrap.h"

#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "xalloc.h"
#include "banned.h"

/* Widths are counted up to this; wider lines are never wrapped lines. */
#define MAX_WIDTH 250
/* Narrower "wrap widths" are columns of figures or menus, not prose. */
#define MIN_WIDTH 24
/*
 * A line was full when its text, a space and the next word would have
 * passed this share of the width, not the width itself: wrapping that
 * balances lines (fmt) breaks some lines early, and wrappers that count
 * bytes (fold) make lines with accents or no-break spaces narrower.
 */
#define FULL_SHARE 0.85
/* Wrapped line ends at least, and the share of them in mid-sentence. */
#define MIN_JOINS 3
#define MID_SENTENCE_SHARE 0.6
/* The share of the text (code points of non-blank lines) on lines that wrap. */
#define WRAPPED_TEXT_SHARE 0.2

struct unwrap_line {
	size_t start, end;	/* end: where the line break starts */
	uint32_t width;		/* code points up to the last non-space, MAX_WIDTH + 1 if more */
	uint32_t indent;	/* leading spaces and tabs */
	uint32_t first_word;	/* code points of the first word */
	uint8_t blank, list_item, mid_sentence;
};

static int is_blank_byte(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

/* Code points of s[start, end) (continuation bytes are not counted). */
static uint32_t code_points(const char *s, size_t start, size_t end)
{
	uint32_t n = 0;
	size_t i;

	for (i = start; i < end; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

/* "- ", "* ", "• ", "> ", "| ": a list item, a menu entry or quoted mail starts. */
static int starts_list_item(const char *s, size_t at, size_t end)
{
	size_t next;

	if (at >= end)
		return 0;
	if (strchr("-*>|+", s[at]) && s[at])
		next = at + 1;
	else if (end - at >= 3 && !memcmp(s + at, "\xE2\x80\xA2", 3))
		next = at + 3;
	else
		return 0;
	return next == end || is_blank_byte((unsigned char)s[next]);
}

static void describe(struct unwrap_line *l, const char *s)
{
	size_t i = l->start, last;

	while (i < l->end && is_blank_byte((unsigned char)s[i]))
		i++;
	l->indent = (uint32_t)(i - l->start);
	l->blank = i == l->end;
	if (l->blank)
		return;
	last = l->end;
	while (last > i && is_blank_byte((unsigned char)s[last - 1]))
		last--;
	/* A line too long to be wrapped is not counted to its end. */
	if (last - l->start > 4 * (size_t)MAX_WIDTH) {
		l->width = MAX_WIDTH + 1;
	} else {
		l->width = code_points(s, l->start, last);
		if (l->width > MAX_WIDTH)
			l->width = MAX_WIDTH + 1;
	}
	l->list_item = (uint8_t)starts_list_item(s, i, last);
	{
		size_t w = i;
		while (w < last && !is_blank_byte((unsigned char)s[w]) && w - i < 4 * (size_t)MAX_WIDTH)
			w++;
		l->first_word = code_points(s, i, w);
	}
	l->mid_sentence = (uint8_t)!clean_ends_sentence(s, i, last);
}

/* Where the line reader is: the next line's start and the next \n at or after it. */
struct reader {
	const char *text;
	size_t len, pos, next_nl;
	int looked;
};

static void reader_start(struct reader *rd, const char *text, size_t len)
{
	rd->text = text;
	rd->len = len;
	rd->pos = 0;
	rd->next_nl = 0;
	rd->looked = 0;
}

/*
 * The next line, split as the cleaner splits (at \n, \r\n and a lone
 * \r), described; 0 at the end. The next \n is looked for once, not once
 * per lone \r before it (a file of CRs would be read to its end for every
 * line). Lines are not kept: the passes below read them again, so a file
 * of one-letter lines costs no memory per line.
 */
static int next_line(struct reader *rd, struct unwrap_line *l)
{
	size_t start = rd->pos, end;
	const char *cr;

	if (start >= rd->len)
		return 0;
	if (!rd->looked || rd->next_nl < start) {
		const char *nl = memchr(rd->text + start, '\n', rd->len - start);
		rd->next_nl = nl ? (size_t)(nl - rd->text) : rd->len;
		rd->looked = 1;
	}
	end = rd->next_nl;
	cr = memchr(rd->text + start, '\r', end - start);
	if (cr && (size_t)(cr - rd->text) + 1 < end) {
		end = (size_t)(cr - rd->text);	/* a lone CR inside */
		rd->pos = end + 1;
	} else {
		rd->pos = end + 1;
		if (cr)
			end--;			/* \r\n, or a lone CR at the end */
	}
	memset(l, 0, sizeof(*l));
	l->start = start;
	l->end = end;
	describe(l, rd->text);
	return 1;
}

/*
 * The wrap width: the width that all but the widest 5% (at least one)
 * of the lines that wrapping could have ended keep to. Those are the lines
 * that end in mid-sentence before another line; a paragraph's last line
 * and a line written whole (a headline, a copyright notice, a URL under
 * the story) do not tell the width, so a few long lines among twenty
 * wrapped ones do not set it, and are simply not joined.
 */
static uint32_t wrap_width(const size_t *hist, size_t n)
{
	size_t over = 0, allowed = n / 20 + 1;
	uint32_t w;

	for (w = MAX_WIDTH + 1; w > 0; w--) {
		if (over + hist[w] > allowed)
			return w;
		over += hist[w];
	}
	return 0;
}

/* Whether the end of line a, before line b, is one that wrapping made. */
static int wrapped_at(const struct unwrap_line *a, const struct unwrap_line *b, uint32_t width)
{
	return !a->blank && !b->blank && a->width <= width + width / 10 && b->indent <= a->indent
	       && !b->list_item
	       && (double)(a->width + 1 + b->first_word) > FULL_SHARE * (double)width;
}

size_t unwrap_find(struct unwrap *u, const char *text, size_t len)
{
	size_t hist[MAX_WIDTH + 2] = { 0 }, nonblank = 0, ends = 0, joins = 0, mid = 0;
	double chars = 0, wrapped_chars = 0, wide_chars = 0;
	struct unwrap_line a, b, c;
	struct reader rd;
	uint32_t width;

	u->n = 0;
	u->width = 0;
	/* Too short to show a width. */
	if (len < 3 * MIN_WIDTH)
		return 0;
	reader_start(&rd, text, len);
	if (!next_line(&rd, &a))
		return 0;
	for (;;) {
		int more = next_line(&rd, &b);
		if (!a.blank) {
			nonblank++;
			chars += a.width;
			if (more && !b.blank && a.mid_sentence) {
				ends++;
				hist[a.width]++;
			}
		}
		if (!more)
			break;
		a = b;
	}
	if (nonblank < MIN_JOINS + 1 || ends < MIN_JOINS)
		return 0;
	width = wrap_width(hist, ends);
	if (width < MIN_WIDTH || width > MAX_WIDTH)
		return 0;
	reader_start(&rd, text, len);
	next_line(&rd, &a);
	for (;;) {
		int more = next_line(&rd, &b);
		if (!a.blank && a.width > width + width / 10)
			wide_chars += a.width;
		if (!more)
			break;
		if (wrapped_at(&a, &b, width)) {
			joins++;
			mid += a.mid_sentence;
			wrapped_chars += a.width;
		}
		a = b;
	}
	/*
	 * Lines wider than the width are a few written whole (a footer, a
	 * URL), or the paragraphs of text written a paragraph a line, the
	 * width then being that of a menu or a list of headlines among them:
	 * they must hold less text than the lines that wrap.
	 */
	if (joins < MIN_JOINS || (double)mid < MID_SENTENCE_SHARE * (double)joins
	    || wrapped_chars < WRAPPED_TEXT_SHARE * chars || wide_chars >= wrapped_chars)
		return 0;
	/*
	 * A story's paragraph ends a sentence. A line after one that did,
	 * itself in mid-sentence and the last before a break, is a headline
	 * or a menu below the paragraph ("Related Stories"), not its end.
	 */
	reader_start(&rd, text, len);
	next_line(&rd, &a);
	memset(&c, 0, sizeof(c));
	if (next_line(&rd, &b)) {
		int more;
		do {
			more = next_line(&rd, &c);
			if (wrapped_at(&a, &b, width)
			    && (a.mid_sentence || !b.mid_sentence || (more && wrapped_at(&b, &c, width)))) {
				ALLOC_GROW(u->joins, u->n + 1, u->alloc);
				u->joins[u->n++] = a.end;
			}
			a = b;
			b = c;
		} while (more);
	}
	u->width = width;
	return u->n;
}

void unwrap_release(struct unwrap *u)
{
	free(u->joins);
	memset(u, 0, sizeof(*u));
}
