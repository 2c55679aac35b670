#ifndef SCORE_H
#define SCORE_H

#include <stddef.h>

#include "buf.h"
#include "corpus.h"
#include "counts.h"
#include "lexicon.h"
#include "match.h"
#include "templates.h"

/*
 * Scores one article at a time: clean, tokenise, match, and format its
 * scores.tsv row and matches.tsv rows. A scorer holds the scratch space of
 * one worker; several scorers may share one lexicon and matcher.
 */
struct scorer;

struct score_options {
	int clean;	/* drop boilerplate lines (0 = --no-clean) */
	int negation;	/* mark negated matches (0 = --no-negation) */
	/* What the command was asked about site templates; read by templates_prepare. */
	struct templates_options templates;
	/*
	 * The table the cleaner uses (NULL: none), made by templates_prepare;
	 * borrowed by the scorer, freed by whoever made it.
	 */
	struct templates *table;
};

/*
 * lx and m are borrowed and must outlive the scorer. lx must be resolved
 * (lexicon_resolve, as lexicon_load_all does): its indices' categories are
 * looked up there.
 */
struct scorer *scorer_new(const struct lexicon *lx, const struct matcher *m,
			  const struct score_options *opt);
void scorer_free(struct scorer *s);

/*
 * The scores.tsv header line (with newline) for lx and these extra
 * columns; an extra column named as a column of scores.tsv (an index,
 * tokens, a category's C_matches, or an extra before it) is written as
 * "extra_NAME", with a warning. Each index the lexicons declare is one
 * column, named as the index, in the order declared, after negated: its
 * value is lexdecl_index_value of the article's weighted scores (C_score)
 * of its two categories, NA where that is NAN.
 */
void score_header(struct buf *out, const struct lexicon *lx, char *const *extra_names,
		  size_t nextra);
/*
 * Checks before anything is written that no index of lx has the name of
 * another column of scores.tsv (id, tokens, negated, a category's
 * C_matches, ...): -1 after messages "FILE:LINE:COL: ..." of the @index
 * lines. An extra column of the input named as an index is renamed
 * instead (score_header).
 */
int score_check_indices(const struct lexicon *lx);

/*
 * Matches per 1,000 tokens, NAN without tokens: the C_rate of scores.tsv,
 * and the rates of the lexicon tools (tally.c).
 */
double score_rate(size_t matches, size_t tokens);
/*
 * Weighted matches (a C_score, or a sum of them) per 1,000 tokens, NAN
 * without tokens: C_wrate, the rate of a weighted category.
 */
double score_wrate(double score, size_t tokens);

/* The matches.tsv header line. */
void score_matches_header(struct buf *out);

/* Where the rows of one article go; NULL members are not wanted. */
struct score_rows {
	struct buf *row;	/* one scores.tsv row */
	struct buf *matches;	/* matches.tsv rows */
	struct buf *signature;	/* one signatures.tsv row (near-duplicates) */
	int terms;		/* count the words for scorer_flush_terms */
	struct buf *targets;	/* targets.tsv rows (targets.h) */
};

/*
 * Scores text[0, len) of article a and appends its rows to out. lang is
 * the article's language or NULL. Warnings about the article (empty,
 * binary) name where.
 */
void scorer_article(struct scorer *s, const struct article *a, size_t nextra,
		    const char *lang, const char *where, const char *text, size_t len,
		    const struct score_rows *out);

/*
 * Whether an article lost most of its words to cleaning: of its words
 * that could have been story (the tokens kept plus lost_words, the words
 * of lines dropped by the text rules; not those dropped for the page's
 * markup or as site templates), more than 80% were in dropped lines.
 * The one rule of score's warning and of the report's banner.
 */
#define SCORE_LOST_SHARE 0.8
int score_lost_most(double tokens, double lost_words);

/*
 * The articles of a run that lost most of their words, for the warning at
 * the end of framing score: how many, and the one that lost the most (the
 * first of those on a tie), to be shown with framing clean.
 */
struct score_loss {
	size_t articles;	/* articles scored */
	size_t lost;		/* of those, score_lost_most */
	char *worst_id, *worst_where;	/* owned; NULL when none lost */
	double worst_share;
};

#define SCORE_LOSS_INIT { 0, 0, NULL, NULL, 0 }

/* Counts one article; where is its file (folders) or FILE:LINE (JSON Lines). */
void score_loss_add(struct score_loss *l, const char *id, const char *where, size_t tokens,
		    size_t lost_words);
void score_loss_release(struct score_loss *l);

/*
 * The words kept (tokens) and lost to cleaning (lost_words: of dropped
 * lines that could have been story) of the last article scored.
 */
void scorer_words(const struct scorer *s, size_t *tokens, size_t *lost_words);

/* The signatures.tsv header line. */
void score_signatures_header(struct buf *out);

/*
 * Adds the word counts of every article scored with out->terms set to into,
 * keyed "outlet\tterm" (terms.tsv, for keyness), and forgets them. Each
 * scorer counts on its own and the tables are merged once: no lock per
 * article, however many workers.
 */
void scorer_flush_terms(struct scorer *s, struct counts *into);
/* Moves the word counts of from into into (both scorers of one lexicon). */
void scorer_merge_terms(struct scorer *into, struct scorer *from);


/*
 * Cleans, tokenises and matches text[0, len) of article a without
 * formatting any row, for tools that look at the tokens and matches
 * themselves (kwic, lexicon stats, suggest, diff): the same pipeline as
 * scorer_article, so both see the same matches.
 */
void scorer_analyze(struct scorer *s, const struct article *a, const char *lang,
		    const char *text, size_t len);

/* The tokens and matches of the last article; borrowed, valid until the next
 * scorer_article or scorer_analyze on s. */
const struct text_tokens *scorer_tokens(const struct scorer *s);
const struct match_list *scorer_matches(const struct scorer *s);

#endif
