#ifndef TARGETS_H
#define TARGETS_H

#include <stddef.h>

#include "buf.h"
#include "lexicon.h"
#include "match.h"
#include "text.h"

/*
 * targets.tsv: who the matches of each category fall on. The actors are
 * the categories an @actors line marks (lexicon.h); a sentence names the
 * actors that have a match in it, negated or not ("not Acme" still names
 * Acme). For every other category C, the counted (not negated) matches
 * of C are tallied by the actors their sentence names: only actor A
 * (column actor = A's name), two or more (`several`), or none (`none`).
 *
 * A match that shares its words with an actor's entry counts like any
 * other: the sentence names that actor, so the match falls on it (the
 * scores.tsv columns this table replaced counted so, and an entry such as
 * "acme's aggression" is about Acme).
 *
 * One struct targets per scorer (worker): it holds scratch space only.
 */
struct targets;

/* The actor names of the rows that are not actors of the lexicon. */
#define TARGETS_SEVERAL "several"
#define TARGETS_NONE "none"

/* lx is borrowed and must outlive the result. */
struct targets *targets_new(const struct lexicon *lx);
void targets_free(struct targets *t);

/* The targets.tsv header line, with its newline. */
void targets_header(struct buf *out);

/*
 * Tallies the matches of one article (tt and ml as matcher_run left them)
 * and appends its rows to out: category order, then actors in lexicon
 * order, then several, then none; rows of 0 matches are left out. id and
 * outlet are written as TSV fields.
 */
void targets_article(struct targets *t, const struct text_tokens *tt,
		     const struct match_list *ml, const char *id, const char *outlet,
		     struct buf *out);

#endif
