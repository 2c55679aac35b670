/*
 * framing clean FILE | --jsonl FILE ID: shows every line of an article, kept
 * or dropped, with the reason, so a user can see what the scores are
 * computed on. This file parses the options; clean_run (cleanrun.c) does
 * the work.
 */
#include <stdio.h>

#include "cleanrun.h"
#include "cmd.h"
#include "options.h"
#include "sourceopts.h"
#include "templates.h"
#include "util.h"
#include "banned.h"

static const char usage[] =
	"usage: framing clean [--kept] [--title TITLE] [--lang CODE] [--max-article-bytes N]\n"
	"                     [-q] FILE\n"
	"       framing clean [OPTIONS] [--max-article-bytes N] --jsonl FILE|- ID\n"
	"       framing clean [OPTIONS] [--max-article-bytes N] --warc FILE ID\n"
	"\n"
	"Prints every line of FILE (a text file, or a web page .html/.htm read a\n"
	"block a line): kept lines start with '+ ', dropped lines with '- ' and\n"
	"end with the reason in brackets. A summary goes to stderr.\n"
	"The title and language come from manifest.tsv beside FILE when it lists\n"
	"the file; otherwise the first non-empty line is the title. The site\n"
	"templates are those of the file's outlet in the corpus folder that lists\n"
	"it (the folder with manifest.tsv beside FILE, or the folder above).\n"
	"With --jsonl, the article is the first with the id ID in the JSON Lines,\n"
	"read as by framing score, with its title and lang fields.\n"
	"\n"
	"  --kept          print only the kept text, as the scores see it\n"
	"  --title TITLE   a line equal to TITLE is the headline and always kept\n"
	"  --lang CODE     the article's language (ISO 639-1, e.g. en); text in\n"
	"                  another script is dropped\n"
	"  --jsonl FILE    read the article ID from JSON Lines (- for standard input)\n"
	"  --warc FILE     read the article ID (its WARC-Record-ID) from a WARC file\n"
	"  --max-article-bytes N  when the article is larger, skip it with a message\n"
	"                  and exit 1 (default 52428800, 50 MB), as framing score\n"
	"  -q, --quiet     no warnings (errors are still printed)\n"
	TEMPLATES_USAGE
	"\n"
	"examples: framing clean corpus/seeds/2014-10-20-china-daily-hard-to-resume-talks.txt\n"
	"          framing clean --jsonl articles.jsonl cd-2014-10-20\n";

int cmd_clean(int argc, char **argv)
{
	struct clean_run_opts o;
	struct options_args args;
	const struct option_spec specs[] = {
		OPT_FLAG(0, "kept", &o.kept_only),
		OPT_STRING(0, "title", &o.title),
		OPT_STRING(0, "lang", &o.lang),
		OPT_SOURCE(&o.in),
		OPT_QUIET(&o.quiet),
		OPT_TEMPLATES(&o.templates),
		OPT_HELP(),
		OPT_END(),
	};
	enum options_result r;
	int status = EXIT_USAGE;

	clean_run_opts_init(&o);
	r = options_parse(argc, argv, specs, usage, &args);
	if (r != OPTIONS_OK)
		return options_exit_status(r);
	if (sourceopts_check(&o.in, usage) == OPTIONS_OK &&
	    options_want_operands(&args, 1, 1, o.in.jsonl || o.in.warc.files.n ? "an article ID" : "a FILE",
				  usage) == OPTIONS_OK) {
		o.article = args.v[0];
		status = clean_run(&o);
	}
	options_release(specs, &args);
	return status;
}
