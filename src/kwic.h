#ifndef KWIC_H
#define KWIC_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "lexicon.h"
#include "lexrun.h"

/*
 * Keyword in context: every match with a few tokens on each side, grouped
 * by outlet (or any column of the source), for reading what an entry really
 * catches. The keyword column is aligned in display columns, so lines with
 * CJK (two columns a character) or accented text line up on a terminal.
 */

struct kwic_line {
	char *group, *id;
	size_t article;		/* corpus order, for sorting */
	uint32_t sentence, offset;
	int quoted, negated;
	const char *category, *entry;	/* borrowed from the lexicon */
	char *left, *keyword, *right;	/* surface text, white space collapsed */
	int gap_left, gap_right;	/* white space between context and keyword in the text */
};

struct kwic {
	const struct lexicon *lx;	/* borrowed */
	const char *by;		/* grouping column, borrowed */
	long category;		/* only this category, or -1 for all */
	size_t window;		/* tokens of context on each side */
	struct kwic_line *l;
	size_t n, alloc;
};

/* Sets up k; lx and by are borrowed and must outlive it. */
void kwic_init(struct kwic *k, const struct lexicon *lx, const char *by, long category,
	       size_t window);
void kwic_release(struct kwic *k);

/* Adds the matches of one article; a lexrun_fn with k as the context. */
void kwic_article(void *k, const struct lexrun_article *ra);

/* Sorts by group name, then corpus order and offset. */
void kwic_sort(struct kwic *k);

/*
 * Appends the lines to out. tsv: a header line, then group, id, sentence,
 * offset, quoted, negated, category, entry, left, keyword, right. Else one
 * heading per group and lines "ID:SENTENCE FLAGS  LEFT | KEYWORD | RIGHT"
 * with the first '|' at the same display column on every line; FLAGS is
 * 'q' (inside a quotation) and 'n' (negated) or '-'.
 */
void kwic_format(const struct kwic *k, int tsv, struct buf *out);

#endif
