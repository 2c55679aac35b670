/*
 * framing lexicon check [--corpus DIR | --jsonl FILE] FILE...: every problem
 * of the lexicon files with FILE:LINE:COL, and with a corpus what each glob
 * expands to in it. This file parses the options; lexcheck_run
 * (lexcheckrun.c) does the work.
 */
#include <stdio.h>

#include "cmd.h"
#include "lexcheckrun.h"
#include "options.h"
#include "sourceopts.h"
#include "templates.h"
#include "util.h"
#include "banned.h"

static const char usage[] =
	"usage: framing lexicon check [--corpus CORPUS | --jsonl FILE|-] [--no-clean]\n"
	"                             [--max-article-bytes N] [-q] [FILE...]\n"
	"\n"
	"Reads the lexicon FILEs (default: every .lex file in lexicons/) and reports\n"
	"on stderr, as FILE:LINE:COL:\n"
	"  errors    what stops the lexicon from loading (syntax, a bad weight, a\n"
	"            misplaced '*', a category defined twice; in @ lines an unknown\n"
	"            directive, index kind or category, an index of one category\n"
	"            twice); exit status 2\n"
	"  warnings  an entry twice in one category, an entry in two categories,\n"
	"            an entry that never counts because an earlier one in its\n"
	"            category matches everything it does, globs with a prefix\n"
	"            shorter than 4 characters, characters that are not part of any\n"
	"            word and are ignored, empty categories; exit status 0\n"
	"A summary per file goes to stdout.\n"
	"\n"
	"  --corpus CORPUS  also print the words every glob reaches in CORPUS and\n"
	"                   how often each occurs: accus* occurs as accusations 4,\n"
	"                   accused 3, ... (every occurrence, matched by the glob\n"
	"                   alone: the scores count fewer where a longer entry\n"
	"                   takes the words or a negation keeps them out; lexicon\n"
	"                   stats has the counted matches)\n"
	"  --jsonl FILE     the same in JSON Lines (- for standard input), read as\n"
	"                   by framing score\n"
	"  --no-clean       with a corpus, look at boilerplate lines too\n"
	TEMPLATES_USAGE
	"  --max-article-bytes N  with a corpus, skip larger articles with a message\n"
	"                   (default 52428800, 50 MB), as framing score\n"
	"  -q, --quiet      no warnings: only errors and the summary\n"
	"\n"
	"example: framing lexicon check --corpus corpus/seeds lexicons/stance.lex\n";

int cmd_lexicon_check(int argc, char **argv)
{
	struct lexcheck_run_opts o;
	struct options_list files = { NULL, 0, 0 };
	struct options_args args;
	const struct option_spec specs[] = {
		OPT_STRING(0, "corpus", &o.in.dir),
		OPT_CLEAR(0, "no-clean", &o.clean),
		OPT_SOURCE(&o.in),
		OPT_QUIET(&o.quiet),
		OPT_TEMPLATES(&o.templates),
		OPT_HELP(),
		OPT_END(),
	};
	enum options_result r;
	int i, status = EXIT_USAGE;

	lexcheck_run_opts_init(&o);
	r = options_parse(argc, argv, specs, usage, &args);
	if (r != OPTIONS_OK)
		return options_exit_status(r);
	if (sourceopts_check(&o.in, usage) == OPTIONS_OK) {
		for (i = 0; i < args.n; i++)
			options_list_add(&files, args.v[i]);
		o.files = files.items;
		o.nfiles = files.n;
		status = lexcheck_run(&o);
	}
	options_list_release(&files);
	options_release(specs, &args);
	return status;
}
