#ifndef TALLY_H
#define TALLY_H

#include <stddef.h>

#include "counts.h"
#include "lexicon.h"
#include "lexrun.h"
#include "stance.h"

/*
 * Sums the matches of a corpus per lexicon entry and per group of articles
 * (outlet, or any manifest column), counting exactly as scores.tsv does:
 * negated matches are reported but kept out of the category counts, and
 * the stance is stance.h's.
 */

struct tally_entry {
	size_t matches;		/* every match, negated ones included */
	size_t counted;		/* not negated: what the scores count */
	size_t negated;
	size_t quoted;
	size_t articles;	/* articles with a match */
	size_t groups;		/* groups with a match */
	size_t last_article;	/* index + 1 of the last article counted */
};

struct tally_group {
	char *name;
	size_t articles, tokens;
	size_t *matches;	/* per category: counted matches */
	double *score;		/* per category: summed weights */
	double stance_sum;	/* over articles, for the mean stance */
};

struct tally {
	const struct lexicon *lx;
	char *by;		/* the column that groups articles */
	struct tally_entry *entries;	/* one per lexicon entry */
	struct tally_group *groups;	/* in order of first appearance */
	size_t ngroups, groups_alloc;
	struct stance_categories cat;	/* the stance pair */
	struct counts *seen;	/* "entry\tgroup" pairs, for tally_entry.groups */
};

/* lx is borrowed and must outlive the tally; by names a column ("outlet"). */
struct tally *tally_new(const struct lexicon *lx, const char *by);
void tally_free(struct tally *t);

/* Adds one analysed article; usable as a lexrun_fn with t as the context. */
void tally_article(void *t, const struct lexrun_article *ra);

/* Rate per 1,000 tokens of category cat in group g (NAN without tokens). */
double tally_rate(const struct tally *t, size_t g, size_t cat);
/* Mean stance of the articles of group g (NAN without the categories). */
double tally_stance(const struct tally *t, size_t g);
/* Index of the named group, or -1. */
long tally_group(const struct tally *t, const char *name);

#endif
