#ifndef SCORE_H
#define SCORE_H

#include <stddef.h>

#include "buf.h"
#include "corpus.h"
#include "counts.h"
#include "lexicon.h"
#include "match.h"

/*
 * Scores one article at a time: clean, tokenise, match, and format its
 * scores.tsv row and matches.tsv rows. A scorer holds the scratch space of
 * one worker; several scorers may share one lexicon and matcher.
 */
struct scorer;

struct score_options {
	int clean;	/* drop boilerplate lines (0 = --no-clean) */
	int negation;	/* mark negated matches (0 = --no-negation) */
};

/* lx and m are borrowed and must outlive the scorer. */
struct scorer *scorer_new(const struct lexicon *lx, const struct matcher *m,
			  const struct score_options *opt);
void scorer_free(struct scorer *s);

/* The scores.tsv header line (with newline) for lx and these extra columns. */
void score_header(struct buf *out, const struct lexicon *lx, char *const *extra_names,
		  size_t nextra);
/* The matches.tsv header line. */
void score_matches_header(struct buf *out);

/*
 * Scores text[0, len) of article a: appends one row to row and one row per
 * match to matches. lang is the article's language or NULL. Warnings about
 * the article (empty, binary) name where.
 */
void scorer_article(struct scorer *s, const struct article *a, size_t nextra,
		    const char *lang, const char *where, const char *text, size_t len,
		    struct buf *row, struct buf *matches);

/*
 * Adds the term counts of every article this scorer saw to into, keyed
 * "outlet\tterm", for keyness.
 */
void scorer_merge_terms(const struct scorer *s, struct counts *into);

/*
 * Normalised tokens of the last article scored, for near-duplicate
 * detection; borrowed, valid until the next scorer_article.
 */
const char *const *scorer_words(const struct scorer *s, size_t *n);

#endif
