#ifndef SOURCEOPTS_H
#define SOURCEOPTS_H

#include <limits.h>

#include "lexrun.h"
#include "options.h"
#include "score.h"
#include "source.h"

/*
 * The input options of every command that reads articles (score, report, clean,
 * kwic, the lexicon tools), written once so that they have the same names,
 * limits and messages everywhere: two rows of an option table and the rule
 * for the CORPUS operand; and the rows the corpus tools share with score.
 */

/*
 * The rows of --jsonl FILE|-, --csv FILE|-, --delimiter C and
 * --max-article-bytes N, stored in the struct source_options *in.
 */
#define OPT_SOURCE(in) \
	OPT_STRING(0, "jsonl", &(in)->jsonl), \
	OPT_STRING(0, "csv", &(in)->csv), \
	OPT_STRING(0, "delimiter", &(in)->delimiter), \
	OPT_SIZE(0, "max-article-bytes", &(in)->max_bytes, 0, SOURCE_MAX_ARTICLE_BYTES), \
	OPT_WARC(in)

/*
 * The rows of --warc FILE (repeatable; more FILE operands follow it) and
 * the filters of a crawl but --lang (framing clean has a --lang of its
 * own): --url-pattern, --outlets, --drop-unlisted, --max-articles.
 */
#define OPT_WARC(in) \
	OPT_STRINGS(0, "warc", &(in)->warc.files), \
	OPT_STRING(0, "url-pattern", &(in)->warc.url_pattern), \
	OPT_STRING(0, "outlets", &(in)->warc.outlets), \
	OPT_FLAG(0, "drop-unlisted", &(in)->warc.drop_unlisted), \
	OPT_SIZE(0, "max-articles", &(in)->warc.max_articles, 0, LONG_MAX)

/* The row of --lang CODE, the crawl filter (warcin.h). */
#define OPT_WARC_LANG(in) OPT_STRING(0, "lang", &(in)->warc.lang)

/* The rows of --no-clean and --no-negation, stored in the struct score_options *opt. */
#define OPT_SCORING(opt) \
	OPT_CLEAR(0, "no-clean", &(opt)->clean), \
	OPT_CLEAR(0, "no-negation", &(opt)->negation)

/*
 * The rows of a corpus tool that scores a corpus as framing score does
 * (kwic, lexicon stats, lexicon diff): --by COLUMN, --tsv, OPT_SCORING,
 * OPT_SOURCE and -q, stored in the struct lexrun_opts *t.
 */
#define OPT_CORPUS_TOOL(t) \
	OPT_STRING(0, "by", &(t)->by), \
	OPT_FLAG(0, "tsv", &(t)->tsv), \
	OPT_SCORING(&(t)->opt), \
	OPT_SOURCE(&(t)->in), \
	OPT_WARC_LANG(&(t)->in), \
	OPT_QUIET(&(t)->quiet)

/*
 * A command reads either a CORPUS folder or --jsonl or --csv, not two:
 * checks that in names one of them (a folder given with an option, as
 * --corpus, counts), and reads --delimiter (one byte, or "tab"; with --csv
 * only). --csv FILE makes in->jsonl FILE too (see struct source_options).
 * Prints the message and the usage to stderr otherwise.
 */
enum options_result sourceopts_check(struct source_options *in, const char *usage);

/*
 * Takes the CORPUS operand out of args into in->dir, so that the command
 * finds the same other operands with and without --jsonl (which has no
 * CORPUS). With nother >= 0 the command takes exactly nother operands and
 * then CORPUS; missing[k] names what is missing when only k of them were
 * given ("the NEW lexicon"). With nother < 0 CORPUS comes first and any
 * number of operands follow (kwic's PATTERNs); with --jsonl, one of them
 * that is a folder is a CORPUS given as well. Prints "missing ...",
 * "unexpected argument ..." or the CORPUS-or-jsonl message and the usage
 * to stderr when the operands do not fit.
 */
enum options_result sourceopts_corpus(struct source_options *in, struct options_args *args,
				      int nother, const char *const *missing, const char *usage);

/*
 * The files whose articles in names: the JSON Lines or CSV file, each WARC
 * file, or a folder's manifest.tsv when it has one, each given to fn.
 * Returns how many; 0 for a folder without a manifest (its texts are not
 * named: they are read once, to score). The one list of what an output
 * must not replace (fsutil_note_input) and run.tsv hashes (runset_input).
 */
size_t sourceopts_each_input(const struct source_options *in,
			     void (*fn)(void *ctx, const char *path), void *ctx);
/* fsutil_note_input of each of them. */
void sourceopts_note_inputs(const struct source_options *in);

#endif
