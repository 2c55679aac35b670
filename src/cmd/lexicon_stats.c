/*
 * framing lexicon stats CORPUS|--jsonl FILE: how every lexicon entry fares in a corpus,
 * entries that never matched last, and the rates and indices per group.
 * This file parses the options; lexstats_run (lexstats.c) does the work.
 */
#include <stdio.h>

#include "cmd.h"
#include "lexstats.h"
#include "options.h"
#include "sourceopts.h"
#include "templates.h"
#include "util.h"
#include "banned.h"

static const char usage[] =
	"usage: framing lexicon stats [-l LEXICON]... [--by COLUMN] [--tsv] [--no-clean]\n"
	"                             [--no-negation] [--max-article-bytes N] [-q]\n"
	"                             CORPUS | --jsonl FILE|-\n"
	"\n"
	"Per lexicon entry: matches (counted as in scores.tsv: negated ones are\n"
	"not), articles and outlets with one, the share of them inside quotations,\n"
	"how many more were negated (counted nowhere else), and where the entry is.\n"
	"Sorted by category, then by matches; entries that never matched come\n"
	"last, so they are easy to find and prune. Then per outlet: articles,\n"
	"tokens, the rate per 1,000 tokens of every category (C_rate), beside it\n"
	"the weighted rate (C_wrate, summed weights per 1,000 tokens) of a\n"
	"category with weights, and the mean per article of every index the\n"
	"lexicons declare (@index). The articles are read as by framing score: a\n"
	"CORPUS folder, or JSON Lines with --jsonl.\n"
	"\n"
	"  -l, --lexicon FILE  a lexicon; repeat for several (default: lexicons/*.lex)\n"
	"      --by COLUMN     count groups of this column (manifest column or JSON\n"
	"                      field) instead of outlets (e.g. wire, lang)\n"
	"      --tsv           tab-separated output for scripts: the two tables a\n"
	"                      blank line apart\n"
	"      --no-clean      count boilerplate lines too\n"
	TEMPLATES_USAGE
	"      --no-negation   never mark matches negated\n"
	"      --jsonl FILE    read JSON Lines (- for standard input), as framing score\n"
	"      --max-article-bytes N  skip larger articles with a message (default\n"
	"                      52428800, 50 MB), as framing score\n"
	"  -q, --quiet         no warnings (errors are still printed)\n"
	"\n"
	"example: framing lexicon stats corpus/seeds -l lexicons/stance.lex\n";

int cmd_lexicon_stats(int argc, char **argv)
{
	struct lexstats_opts o;
	struct options_list lex = { NULL, 0, 0 };
	struct options_args args;
	const struct option_spec specs[] = {
		OPT_STRINGS('l', "lexicon", &lex),
		OPT_CORPUS_TOOL(&o.tool),
		OPT_TEMPLATES(&o.tool.opt.templates),
		OPT_HELP(),
		OPT_END(),
	};
	enum options_result r;
	int status = EXIT_USAGE;

	lexstats_opts_init(&o);
	r = options_parse(argc, argv, specs, usage, &args);
	if (r != OPTIONS_OK)
		return options_exit_status(r);
	if (sourceopts_corpus(&o.tool.in, &args, 0, NULL, usage) == OPTIONS_OK) {
		o.lexicons = lex.items;
		o.nlexicons = lex.n;
		status = lexstats_run(&o);
	}
	options_release(specs, &args);
	return status;
}
