#ifndef TALLY_H
#define TALLY_H

#include <stddef.h>

#include "counts.h"
#include "lexicon.h"
#include "lexrun.h"

/*
 * Sums the matches of a corpus per lexicon entry and per group of articles
 * (outlet, or any manifest column), counting exactly as scores.tsv does:
 * negated matches are reported but kept out of the category counts, and
 * every index the lexicon declares is lexdecl_index_value of each
 * article's weighted scores, as in scores.tsv.
 */

/*
 * The sums of one lexicon entry's matches: over a corpus for lexicon stats
 * and diff, per outlet for the report (from matches.tsv). Only
 * tally_entry_add adds to them, so every tool counts alike:
 *   matches   every match, negated ones included (for checks, never printed)
 *   negated   matches in a negation window: reported, never counted
 *   counted   matches - negated: what scores.tsv's C_matches and C_score
 *             sum and what every tool prints as "matches"
 *   quoted    counted matches inside a quotation
 *   own       counted - quoted: the outlet's own voice (scores.tsv's C_own)
 * A negated match adds to negated only: not to articles or groups either.
 */
struct tally_entry {
	size_t matches;
	size_t counted;
	size_t negated;
	size_t quoted;
	size_t articles;	/* articles with a counted match */
	size_t groups;		/* groups with a counted match (tally only) */
	size_t last_article;	/* the article of the last match added */
};

/*
 * Adds one match of article (any number that differs between articles,
 * 0 excepted, e.g. index + 1) to e.
 */
void tally_entry_add(struct tally_entry *e, size_t article, int quoted, int negated);
/* Counted matches in the outlet's own voice. */
size_t tally_entry_own(const struct tally_entry *e);
/* The share of counted matches inside quotations; NAN when none counted. */
double tally_entry_quoted_share(const struct tally_entry *e);

struct tally_group {
	char *name;
	size_t articles, tokens;
	size_t *matches;	/* per category: counted matches */
	double *score;		/* per category: summed weights */
	double *index_sum;	/* per declared index: the sum over articles with a value */
	size_t *index_n;	/* per declared index: those articles (a difference is NA
				   for an article without tokens) */
};

struct tally {
	const struct lexicon *lx;
	char *by;		/* the column that groups articles */
	struct tally_entry *entries;	/* one per lexicon entry */
	struct tally_group *groups;	/* in order of first appearance */
	size_t ngroups, groups_alloc;
	double *article_score;	/* per category: the weighted score of the article in hand */
	struct counts *seen;	/* "entry\tgroup" pairs, for tally_entry.groups */
};

/*
 * lx is borrowed, must outlive the tally and be resolved (lexicon_resolve:
 * the indices' categories are looked up there); by names a column
 * ("outlet").
 */
struct tally *tally_new(const struct lexicon *lx, const char *by);
void tally_free(struct tally *t);

/* Adds one analysed article; usable as a lexrun_fn with t as the context. */
void tally_article(void *t, const struct lexrun_article *ra);

/* Rate per 1,000 tokens of category cat in group g (NAN without tokens). */
double tally_rate(const struct tally *t, size_t g, size_t cat);
/*
 * The weighted rate (C_wrate) of category cat in group g: the summed
 * weights of its counted matches per 1,000 tokens (NAN without tokens).
 */
double tally_wrate(const struct tally *t, size_t g, size_t cat);
/*
 * The mean over the articles of group g of the lexicon's index k
 * (lx->indices[k]), leaving out articles where it is NA (NAN when all are).
 */
double tally_index_mean(const struct tally *t, size_t g, size_t k);
/* Index of the named group, or -1. */
long tally_group(const struct tally *t, const char *name);

#endif
