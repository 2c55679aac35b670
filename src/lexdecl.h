#ifndef LEXDECL_H
#define LEXDECL_H

#include <stddef.h>

#include "lexicon.h"

struct buf;

/*
 * What the columns of scores.tsv mean, as the lexicons declared it:
 * categories.tsv, which framing score writes beside scores.tsv and framing
 * stats copies beside its tables, so that stats, chart and report know the
 * actors, the weighted categories, the voice chart's categories and the
 * indices without the lexicon files. One row per category, then one per
 * index, under the header
 *
 *   name  role  weighted  voice  definition  description
 *
 * role is "category", "actor" or "index"; weighted and voice are "yes" or
 * "no" ("-" for an index); definition is "KIND A B" for an index
 * ("log-ratio accusatory conciliatory"), "-" for a category; description
 * is the category's text from the lexicon ("-" for an index).
 */
#define LEXDECL_NAME "categories.tsv"

struct lexdecl_category {
	char *name, *description;
	int actor, weighted, voice;
};

struct lexdecl_index {
	char *name;
	enum lex_index_kind kind;
	char *a, *b;	/* category names */
};

struct lexdecl {
	struct lexdecl_category *cat;
	size_t ncat, cat_alloc;
	struct lexdecl_index *idx;
	size_t nidx, idx_alloc;
};

#define LEXDECL_INIT { NULL, 0, 0, NULL, 0, 0 }

/* The declarations of a resolved lexicon (lexicon_resolve). */
void lexdecl_from_lexicon(struct lexdecl *d, const struct lexicon *lx);

/* Appends categories.tsv, header included. */
void lexdecl_write(const struct lexdecl *d, struct buf *out);

/*
 * Reads path: 0 when read, 1 when there is no such file (d stays empty),
 * -1 after a message "framing: FILE:LINE: ..." (a bad role, kind or
 * yes/no, an index of a category the table lacks, a name twice).
 */
int lexdecl_load(struct lexdecl *d, const char *path);
/* The same from text; name is used in messages. For tests and fuzzing. */
int lexdecl_parse(struct lexdecl *d, const char *name, const char *text, size_t len);

/* The named category or index, or NULL. */
const struct lexdecl_category *lexdecl_category(const struct lexdecl *d, const char *name);
const struct lexdecl_index *lexdecl_index(const struct lexdecl *d, const char *name);

/* Whether the named category is an actor (no: when d does not know it). */
int lexdecl_is_actor(const struct lexdecl *d, const char *name);

/*
 * The value of an index for one article, from the weighted scores of its
 * two categories and the article's tokens: NAN for a difference of an
 * article without tokens. The one definition of every index formula.
 */
double lexdecl_index_value(enum lex_index_kind kind, double a_score, double b_score,
			   size_t tokens);

/*
 * The formula as charts and the report print it:
 * "log((accusatory + 0.5) / (conciliatory + 0.5))" or
 * "bullish - bearish per 1,000 tokens".
 */
void lexdecl_index_formula(const struct lexdecl_index *ix, struct buf *out);

void lexdecl_release(struct lexdecl *d);

#endif
