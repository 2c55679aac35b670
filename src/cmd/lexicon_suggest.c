/*
 * framing lexicon suggest CORPUS|--jsonl FILE [--category C]: words and two-word
 * phrases that are not in the lexicon yet but go with a category. This file
 * parses the options; suggest_run (suggestrun.c) does the work.
 */
#include <stdio.h>

#include "cmd.h"
#include "options.h"
#include "sourceopts.h"
#include "suggestrun.h"
#include "templates.h"
#include "util.h"
#include "banned.h"

static const char usage[] =
	"usage: framing lexicon suggest [-l LEXICON]... [--category NAME[,NAME...]]...\n"
	"                               [-n N] [--min N] [--tsv] [--no-clean]\n"
	"                               [--max-article-bytes N] [-q]\n"
	"                               CORPUS | --jsonl FILE\n"
	"\n"
	"Lists words and two-word phrases of CORPUS that no lexicon entry covers\n"
	"(function words left out), ranked by how strongly they go with each\n"
	"category, with two example contexts each:\n"
	"  with       occurrences in sentences with a counted match of the category\n"
	"  total      occurrences in the corpus\n"
	"  z_sent     log-odds z-score, those sentences against the others\n"
	"             (Monroe, Colaresi & Quinn 2008, corpus counts as the prior)\n"
	"  z_outlet   the same for the outlets that use the category most (rate at\n"
	"             or above the corpus rate) against the other outlets; NA with\n"
	"             one outlet\n"
	"  score      z_sent + z_outlet, the rank order\n"
	"Read the examples before adding a term: a strong z on a small corpus can\n"
	"be one article's topic. The articles are read as by framing score, twice\n"
	"(counts, then examples): a CORPUS folder, or a JSON Lines file with --jsonl\n"
	"(a file, not a pipe). Without --category, every category but the actors\n"
	"(those after an @actors line: who a sentence is about, not how it is\n"
	"phrased) gets a list of its own, in lexicon order; the TSV of several\n"
	"categories starts with a column category.\n"
	"\n"
	"  -c, --category NAME  a category; repeat or separate with commas for\n"
	"                       several (default: every category but the actors)\n"
	"  -l, --lexicon FILE   a lexicon; repeat for several (default: lexicons/*.lex)\n"
	"  -n N                 how many suggestions (default 15)\n"
	"      --min N          least occurrences with the category (default 2)\n"
	"      --tsv            tab-separated output for scripts\n"
	"      --no-clean       count boilerplate lines too\n"
	TEMPLATES_USAGE
	"      --jsonl FILE     read JSON Lines, as framing score\n"
	"      --max-article-bytes N  skip larger articles with a message (default\n"
	"                       52428800, 50 MB), as framing score\n"
	"  -q, --quiet          no warnings (errors are still printed)\n"
	"\n"
	"example: framing lexicon suggest corpus/seeds --category accusatory -n 10\n";

int cmd_lexicon_suggest(int argc, char **argv)
{
	struct suggest_run_opts o;
	struct options_list lex = { NULL, 0, 0 }, cats = { NULL, 0, 0 };
	struct options_args args;
	const struct option_spec specs[] = {
		OPT_STRINGS('c', "category", &cats),
		OPT_STRINGS('l', "lexicon", &lex),
		OPT_SIZE('n', NULL, &o.n, 1, 100000),
		OPT_SIZE(0, "min", &o.min_with, 0, 100000),
		/* The rows of OPT_CORPUS_TOOL but --by and --no-negation. */
		OPT_FLAG(0, "tsv", &o.tool.tsv),
		OPT_CLEAR(0, "no-clean", &o.tool.opt.clean),
		OPT_SOURCE(&o.tool.in),
		OPT_QUIET(&o.tool.quiet),
		OPT_TEMPLATES(&o.tool.opt.templates),
		OPT_HELP(),
		OPT_END(),
	};
	enum options_result r;
	int status = EXIT_USAGE;

	suggest_run_opts_init(&o);
	r = options_parse(argc, argv, specs, usage, &args);
	if (r != OPTIONS_OK)
		return options_exit_status(r);
	if (sourceopts_corpus(&o.tool.in, &args, 0, NULL, usage) == OPTIONS_OK) {
		o.lexicons = lex.items;
		o.nlexicons = lex.n;
		o.categories = cats.items;
		o.ncategories = cats.n;
		status = suggest_run(&o);
	}
	options_release(specs, &args);
	return status;
}
