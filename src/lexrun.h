#ifndef LEXRUN_H
#define LEXRUN_H

#include <stddef.h>

#include "corpus.h"
#include "lexicon.h"
#include "match.h"
#include "score.h"
#include "text.h"

/*
 * The scoring pipeline (clean, tokenise, match) run over a whole corpus for
 * the lexicon tools (kwic, lexicon check/stats/suggest/diff), through the
 * scorer so that every tool sees exactly the matches "framing score" counts.
 */

/* One analysed article, handed to the callback; everything is borrowed and
 * valid only during the call. */
struct lexrun_article {
	const struct corpus *corpus;
	const struct article *article;
	size_t index;			/* in corpus->articles */
	const char *text;		/* the whole file */
	size_t len;
	const struct text_tokens *tt;	/* tokens of the kept lines */
	const struct match_list *ml;	/* matches in token order */
};

typedef void (*lexrun_fn)(void *ctx, const struct lexrun_article *ra);

/*
 * Calls fn for every article of c in manifest order. lx and m are borrowed.
 * Returns the number of articles that could not be read (each reported).
 */
size_t lexrun_corpus(const struct corpus *c, const struct lexicon *lx, const struct matcher *m,
		     const struct score_options *opt, lexrun_fn fn, void *ctx);

/* The value of column name for article a: id, outlet, date, title, file or
 * an extra manifest column; NULL when the corpus has no such column. */
const char *lexrun_column(const struct corpus *c, const struct article *a, const char *name);

#endif
