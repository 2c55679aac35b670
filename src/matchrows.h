#ifndef MATCHROWS_H
#define MATCHROWS_H

#include <stddef.h>

#include "tally.h"

/*
 * matches.tsv read back for the report: one row per outlet, category and
 * entry, its matches summed as the lexicon tools sum a corpus (tally.h,
 * one meaning of "quoted" and "negated"), with one example match.
 */

struct matchrow {
	char *outlet, *category, *entry;
	struct tally_entry sums;	/* this entry's matches in this outlet */
	/* The example: the first match that counts (not negated), else the first. */
	char *id, *left, *surface, *right;
	int ex_quoted, ex_negated;
	size_t cat_index;	/* of matchrows_sort */
};

/* Owns every string of its rows; release with matchrows_release. */
struct matchrows {
	struct matchrow *rows;
	size_t n, alloc;
	size_t *slot;	/* open addressing: row index + 1, 0 = empty; NULL after a sort */
	size_t nslots;
};

#define MATCHROWS_INIT { NULL, 0, 0, NULL, 0 }

/* Adds the rows of matches.tsv at path to t; -1 after a message. */
int matchrows_load(struct matchrows *t, const char *path);

/*
 * Sorts by outlet, then category in the order of categories (those not in
 * it last), then counted matches, most first, then entry. matchrows_load
 * cannot add to t after this.
 */
void matchrows_sort(struct matchrows *t, char *const *categories, size_t ncategories);

/* Whether entry of category matched anywhere, negated matches included. */
int matchrows_has(const struct matchrows *t, const char *category, const char *entry);

void matchrows_release(struct matchrows *t);

#endif
