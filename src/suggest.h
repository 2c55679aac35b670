#ifndef SUGGEST_H
#define SUGGEST_H

#include <stddef.h>

#include "lexicon.h"
#include "lexrun.h"

/*
 * Candidate words and two-word phrases for a lexicon category: terms not
 * covered by any lexicon entry, ranked by how strongly they go with the
 * category. Two log-odds z-scores (Monroe, Colaresi & Quinn 2008, with the
 * corpus counts as the informative Dirichlet prior) measure it:
 *   z_sentence  sentences with a counted match of the category against the
 *               other sentences (co-occurrence)
 *   z_outlet    the outlets that use the category most (rate at or above
 *               the corpus rate) against the other outlets (keyness)
 * and the rank is by their sum. Two passes over the corpus: counts first,
 * then two example contexts for the terms that made the list.
 */
struct suggest;

struct suggestion {
	const char *term;	/* normalised; owned by the suggest */
	size_t with;		/* occurrences in the category's sentences */
	size_t total;		/* occurrences in the corpus */
	double z_sentence, z_outlet, score;	/* z_outlet NAN with one outlet */
	char *example[2];	/* "ID:SENTENCE  left [term] right", or NULL */
};

/* lx is borrowed; category indexes lx->categories. */
struct suggest *suggest_new(const struct lexicon *lx, size_t category);
void suggest_free(struct suggest *s);

/* Pass 1: counts one article (a lexrun_fn with the suggest as context). */
void suggest_count(void *s, const struct lexrun_article *ra);
/* Ranks the terms seen at least min_with times in the category's sentences
 * and keeps the best n. */
void suggest_rank(struct suggest *s, size_t n, size_t min_with);
/* Pass 2: takes example contexts from one article (a lexrun_fn). */
void suggest_examples(void *s, const struct lexrun_article *ra);

/* The ranked list; borrowed, valid until suggest_free. */
const struct suggestion *suggest_results(const struct suggest *s, size_t *n);
/* The outlets counted as using the category most, comma-separated. */
const char *suggest_top_outlets(const struct suggest *s);

/*
 * Log-odds ratio z-score of a term counted y_i of n_i in one set and y_j of
 * n_j in the other, with prior counts alpha_w of alpha_0 (Monroe et al.
 * 2008, eq. 22): stats_log_odds, as keyness.tsv computes it; NAN when
 * there is no prior.
 */
double suggest_log_odds_z(double y_i, double n_i, double y_j, double n_j, double alpha_w,
			  double alpha_0);

#endif
