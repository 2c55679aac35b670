/*
 * framing lexicon diff OLD NEW CORPUS|--jsonl FILE: what an edit of a lexicon changes,
 * from the entries to the conclusions: rates, weighted rates, the declared
 * indices and the ranking of outlets. This file parses the options;
 * lexdiff_run (lexdiff.c) does the work.
 */
#include <stdio.h>

#include "cmd.h"
#include "lexdiff.h"
#include "options.h"
#include "sourceopts.h"
#include "templates.h"
#include "util.h"
#include "banned.h"

static const char usage[] =
	"usage: framing lexicon diff [--by COLUMN] [--tsv] [--no-clean] [--no-negation]\n"
	"                            [--max-article-bytes N] [-q] OLD NEW CORPUS\n"
	"       framing lexicon diff [OPTIONS] --jsonl FILE|- OLD NEW\n"
	"\n"
	"Scores CORPUS (or JSON Lines, read once) with the lexicon OLD and with NEW\n"
	"and shows what the edit changed, to answer \"did my edit change any\n"
	"conclusion?\":\n"
	"  entries   added, removed, weight changed, and entries whose count moved\n"
	"            (a removed phrase hands its words to other entries), with their\n"
	"            counted matches (negated ones are not counted) under OLD and NEW\n"
	"  rates     per outlet and category: matches and the rate per 1,000\n"
	"            tokens under OLD and NEW, the change, and the outlet's rank\n"
	"            (1 = highest rate) under OLD and NEW\n"
	"  weighted  per outlet and category with weights (in OLD or NEW): the\n"
	"            summed weights (score) and weighted rate per 1,000 tokens\n"
	"            (C_wrate) under OLD and NEW, with rank (1 = highest): where\n"
	"            a change of weight shows\n"
	"  indices   per outlet and index the lexicons declare (@index): its mean\n"
	"            per article under OLD and NEW, with rank (1 = highest mean)\n"
	"A last line says whether any rank changed; a category or index in one\n"
	"lexicon only (renamed or removed) has no rank on the other side (NA) and\n"
	"is named on a line of its own instead.\n"
	"\n"
	"      --by COLUMN    compare groups of this column (manifest column or JSON\n"
	"                     field), not outlets\n"
	"      --tsv          the four tables tab-separated, a blank line apart\n"
	"      --no-clean     score boilerplate lines too\n"
	TEMPLATES_USAGE
	"      --no-negation  never mark matches negated\n"
	"      --jsonl FILE   read JSON Lines (- for standard input), as framing score\n"
	"      --max-article-bytes N  skip larger articles with a message (default\n"
	"                     52428800, 50 MB), as framing score\n"
	"  -q, --quiet        no warnings (errors are still printed)\n"
	"\n"
	"example: framing lexicon diff lexicons/stance.lex my-stance.lex corpus/seeds\n";

int cmd_lexicon_diff(int argc, char **argv)
{
	struct lexdiff_opts o;
	struct options_args args;
	const struct option_spec specs[] = {
		OPT_CORPUS_TOOL(&o.tool),
		OPT_TEMPLATES(&o.tool.opt.templates),
		OPT_HELP(),
		OPT_END(),
	};
	static const char *const missing[] = { "the OLD and NEW lexicons", "the NEW lexicon" };
	enum options_result r;
	int status = EXIT_USAGE;

	lexdiff_opts_init(&o);
	r = options_parse(argc, argv, specs, usage, &args);
	if (r != OPTIONS_OK)
		return options_exit_status(r);
	if (sourceopts_corpus(&o.tool.in, &args, 2, missing, usage) == OPTIONS_OK) {
		o.old_lexicon = args.v[0];
		o.new_lexicon = args.v[1];
		status = lexdiff_run(&o);
	}
	options_release(specs, &args);
	return status;
}
