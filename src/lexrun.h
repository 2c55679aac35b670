#ifndef LEXRUN_H
#define LEXRUN_H

#include <stddef.h>

#include "corpus.h"
#include "lexicon.h"
#include "match.h"
#include "score.h"
#include "source.h"
#include "text.h"

/*
 * The scoring pipeline (clean, tokenise, match) run over the articles of a
 * source for the lexicon tools (kwic, lexicon check/stats/suggest/diff),
 * through the scorer so that every tool sees exactly the matches "framing
 * score" counts. Reading is the source's job (formats, --max-article-bytes,
 * columns, language); this layer only scores and hands each article over.
 */

/*
 * What the corpus tools (kwic, lexicon stats/suggest/diff) take the way
 * "framing score" does: the input, the scoring switches, the grouping
 * column and the output form, embedded in each tool's options; their
 * command-line rows are OPT_CORPUS_TOOL (sourceopts.h). Every string is
 * borrowed.
 */
struct lexrun_opts {
	const char *by;			/* the grouping column; NULL: none */
	int tsv;			/* tab-separated output */
	struct score_options opt;	/* clean and negation */
	struct source_options in;	/* a corpus folder or JSON Lines, and the size limit */
	int quiet;			/* no warnings (util_set_quiet) */
};

/* The defaults of the command line: by outlet, clean and negation on, 50 MB. */
void lexrun_opts_init(struct lexrun_opts *o);

/* One analysed article, handed to the callback; everything is borrowed and
 * valid only during the call. */
struct lexrun_article {
	const struct source *source;
	const struct article *article;
	size_t index;			/* order in the source, from 0 */
	const char *text;		/* the whole article */
	size_t len;
	const struct text_tokens *tt;	/* tokens of the kept lines */
	const struct match_list *ml;	/* matches in token order */
};

typedef void (*lexrun_fn)(void *ctx, const struct lexrun_article *ra);

/* One scoring of every article: with lx and m (borrowed), handed to fn(ctx). */
struct lexrun_pass {
	const struct lexicon *lx;
	const struct matcher *m;
	lexrun_fn fn;
	void *ctx;
};

/*
 * Reads every article of src in order and, for each, scores it with the
 * lexicon of every pass and calls that pass's fn: several lexicons need one
 * reading, so a stream (JSON Lines from a pipe) is enough. Returns the
 * number of articles skipped (each reported by the source).
 */
size_t lexrun_run(struct source *src, const struct score_options *opt,
		  const struct lexrun_pass *passes, size_t npasses);

/*
 * Opens the input of a lexicon tool (see source_open), checks that it
 * has the column by, when by is not NULL, and makes the site templates
 * that opt asks for, as score does (templates_prepare): use becomes a copy
 * of opt with its table, to give lexrun_run. NULL after messages (use has
 * no table then). Start use as a copy of opt, so that lexrun_close is
 * safe on every path.
 */
struct source *lexrun_open(const struct source_options *o, const char *by,
			   const struct score_options *opt, struct score_options *use);

/* Frees src (NULL is fine) and the table of use. */
void lexrun_close(struct source *src, struct score_options *use);

/* The message of a grouping column src does not have: "SOURCE: no column 'by' to group by"; -1. */
int lexrun_no_column(const struct source *src, const char *by);

/*
 * The group of the article by column name: its value (source_column), "NA"
 * when empty or absent (corpus_group_name, the rule of every command).
 */
const char *lexrun_group(const struct lexrun_article *ra, const char *name);

#endif
