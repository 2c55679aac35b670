/*
 * framing kwic CORPUS|--jsonl FILE PATTERN... | --category C: every match in context,
 * grouped by outlet, for reading what a lexicon entry or a trial pattern
 * really catches. This file parses the options; kwic_run (kwicrun.c) does
 * the work.
 */
#include <stdio.h>

#include "cmd.h"
#include "kwicrun.h"
#include "options.h"
#include "sourceopts.h"
#include "templates.h"
#include "util.h"
#include "banned.h"

static const char usage[] =
	"usage: framing kwic [-w N] [--by COLUMN] [--tsv] [--no-clean] [--no-negation]\n"
	"                    [--max-article-bytes N] [-q] CORPUS PATTERN...\n"
	"       framing kwic [-l LEXICON]... --category NAME [OPTIONS] CORPUS\n"
	"       framing kwic [OPTIONS] --jsonl FILE|- PATTERN... | --category NAME\n"
	"\n"
	"Shows every match in context, grouped by outlet: the article id and\n"
	"sentence number, flags (q: inside a quotation, n: negated, so not counted\n"
	"in the scores), and the keyword between '|' in one aligned column (widths\n"
	"in display columns: Chinese characters count two).\n"
	"A PATTERN is written like a lexicon entry: a word, a phrase, a trailing *\n"
	"glob, \"US\" in double quotes for case-sensitive; it need not be in any\n"
	"lexicon, so a term can be tried before it is added. Each PATTERN is\n"
	"matched on its own; the entry column of --tsv says which one matched.\n"
	"CORPUS is read as by framing score: a folder with manifest.tsv or with\n"
	"one folder of .txt files per outlet; --jsonl reads JSON Lines instead (and\n"
	"then every argument is a PATTERN).\n"
	"\n"
	"  -c, --category NAME  the matches of a lexicon category instead\n"
	"  -l, --lexicon FILE   with --category: a lexicon (default: lexicons/*.lex)\n"
	"  -w, --window N       tokens of context on each side (default 6)\n"
	"      --by COLUMN      group by this column (manifest column or JSON field)\n"
	"                       instead of outlet\n"
	"      --tsv            tab-separated: group, id, sentence, offset, quoted,\n"
	"                       negated, category, entry, left, keyword, right\n"
	"      --no-clean       look at boilerplate lines too\n"
	TEMPLATES_USAGE
	"      --no-negation    never mark matches negated\n"
	"      --jsonl FILE     read JSON Lines (- for standard input), as framing score\n"
	"      --max-article-bytes N  skip larger articles with a message (default\n"
	"                       52428800, 50 MB), as framing score\n"
	"  -q, --quiet          no warnings (errors are still printed)\n"
	"\n"
	"examples: framing kwic corpus/seeds 'accus*' groundless\n"
	"          framing kwic corpus/seeds --category conciliatory -w 4\n"
	"          framing kwic --jsonl articles.jsonl 'accus*'\n";

/* PATTERNs or --category, and -l only with --category; -1 after a message. */
static int check_patterns(const struct kwic_run_opts *o)
{
	if (o->npatterns && o->category)
		return error("give either PATTERNs or --category, not both");
	if (!o->npatterns && !o->category)
		return error("missing a PATTERN or --category NAME");
	if (o->nlexicons && !o->category)
		return error("-l goes with --category; PATTERNs need no lexicon");
	return 0;
}

int cmd_kwic(int argc, char **argv)
{
	struct kwic_run_opts o;
	struct options_list lex = { NULL, 0, 0 };
	struct options_args args;
	int status = EXIT_USAGE;
	const struct option_spec specs[] = {
		OPT_STRING('c', "category", &o.category),
		OPT_STRINGS('l', "lexicon", &lex),
		OPT_SIZE('w', "window", &o.window, 0, 1000),
		OPT_CORPUS_TOOL(&o.tool),
		OPT_TEMPLATES(&o.tool.opt.templates),
		OPT_HELP(),
		OPT_END(),
	};
	enum options_result r;

	kwic_run_opts_init(&o);
	r = options_parse(argc, argv, specs, usage, &args);
	if (r != OPTIONS_OK)
		return options_exit_status(r);
	/* With --jsonl there is no CORPUS argument: all are PATTERNs. */
	if (sourceopts_corpus(&o.tool.in, &args, -1, NULL, usage) != OPTIONS_OK)
		goto out;
	o.lexicons = lex.items;
	o.nlexicons = lex.n;
	o.patterns = args.v;
	o.npatterns = (size_t)args.n;
	if (check_patterns(&o) < 0)
		fputs(usage, stderr);
	else
		status = kwic_run(&o);
out:
	options_release(specs, &args);
	return status;
}
