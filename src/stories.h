#ifndef STORIES_H
#define STORIES_H

#include <stddef.h>

#include "buf.h"
#include "scoretab.h"
#include "text.h"

/*
 * Stories found by framing ("framing stats --stories"): articles close in
 * time whose content words are alike, grouped across outlets.
 *
 * "framing score" writes each article's content-word signature into
 * signatures.tsv (stories_sign), so that shards scored apart are grouped
 * together; "framing stats" reads the signatures back, never the text.
 * Content words are the normalised tokens of three bytes or more that are
 * not function words (clean_is_stopword, and a few reporting words such
 * as "said") and hold a letter. The signature is a MinHash of the set of
 * content words (64 bins of 16 bits, one-permutation hashing with
 * rotation densification), the set's size, and the article's most
 * frequent content words.
 *
 * Grouping: candidates are articles whose signatures agree in a bin (LSH,
 * 64 bands of one bin), whose dates are at most window days apart
 * (undated articles only with each other), each compared with the next
 * STORIES_BUCKET_CAP of its bucket in date order, so the work grows with
 * the articles, never with their pairs. A candidate pair is linked when
 * its estimated Jaccard similarity of content words is at least the
 * threshold (each pair once, whichever bands find it). Links are taken
 * strongest first and join two stories only when the joined story still
 * spans at most window days and the two stories are alike as wholes (the
 * mean similarity of their articles' pairs reaches the threshold), which
 * keeps a chain of links from growing a topic into one giant story. Wire
 * copies (the pairs of duplicates.tsv) are joined first, whatever their
 * dates.
 */

#define STORIES_WINDOW 3		/* days, --story-window */
#define STORIES_THRESHOLD 0.2		/* estimated Jaccard, --story-threshold */
#define STORIES_BUCKET_CAP 16		/* later articles of a bucket compared with each */

/* The columns stories_sign appends, after signatures.tsv's own (with a tab before each). */
#define STORIES_SIGNATURE_COLUMNS "content_words\tstory_signature\ttop_terms"

/*
 * Appends "\tN\tSIG\tTERMS" for the tokens tt of one article: N distinct
 * content words, SIG the MinHash (256 hex digits, "-" without content
 * words), TERMS the 8 most frequent content words (among equally
 * frequent ones, those of the smaller hash), the most frequent first,
 * then in order of first use, separated by spaces ("-" when none). Costs
 * 8 bytes per content word while it runs. Pure and thread-safe.
 */
void stories_sign(const struct text_tokens *tt, struct buf *out);

struct stories_params {
	long window;		/* days */
	double threshold;	/* estimated Jaccard of content words, 0..1 */
};

struct stories;

/*
 * Reads the signatures.tsv beside each scores file (each folder once,
 * each id once) and groups the articles; duplicates (NULL: none) is a
 * duplicates.tsv whose pairs are joined. NULL after a message (a bad
 * signatures.tsv, or none at all). The caller frees with stories_free.
 */
struct stories *stories_find(char **files, size_t nfiles, const char *duplicates,
			     const struct stories_params *p);

/* Number of stories found (each article is in exactly one). */
size_t stories_count(const struct stories *s);

/*
 * Writes DIR/stories.tsv: id story size outlets first_date last_date
 * top_terms, one row per article, by story, then date, then id. Stories
 * are numbered from 1 by their first date (undated last), then their
 * smallest id. -1 after a message on a write error.
 */
int stories_write(const struct stories *s, const char *dir);

/*
 * For the within-story models: an array of t->n (the caller frees) with
 * the story of each article of t, a number in [0, stories_count) (the
 * label of stories.tsv minus one), or SIZE_MAX for an article without a
 * signature.
 */
size_t *stories_index(const struct stories *s, const struct scoretab *t);

void stories_free(struct stories *s);

#endif
