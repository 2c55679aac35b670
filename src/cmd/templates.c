/*
 * framing templates CORPUS | --jsonl FILE: writes the table of site
 * templates (lines repeated across an outlet's articles) once, for
 * "framing score --templates FILE" on shards or a stream. This file parses
 * the options; templates_run (templatesrun.c) does the work.
 */
#include <stdio.h>

#include "cmd.h"
#include "options.h"
#include "sourceopts.h"
#include "templates.h"
#include "templatesrun.h"
#include "util.h"
#include "banned.h"

static const char usage[] =
	"usage: framing templates [-o FILE] [--template-min N] [--max-article-bytes N]\n"
	"                         [-j N] [-q] CORPUS | --jsonl FILE\n"
	"\n"
	"Finds the site templates of CORPUS (a folder) or of a JSON Lines file, as\n"
	"framing score does: the lines (white space, case and digits aside) that\n"
	"are in at least N distinct articles of one outlet, such as cookie notices,\n"
	"newsletter sign-ups and copyright lines. Writes them as TSV (outlet,\n"
	"count, hash, line) for framing score --templates FILE, so that shards of\n"
	"one corpus, or a stream read from a pipe, drop the same lines as one run.\n"
	"The articles are read two or three times: --jsonl takes a file, not -.\n"
	"\n"
	"  -o, --output FILE   where the table goes (default: standard output)\n"
	"      --template-min N  a line in N articles of its outlet is a site template\n"
	"                      (default: 5, or the square root of the outlet's\n"
	"                      articles when larger)\n"
	"      --jsonl FILE    read JSON Lines instead of a corpus folder\n"
	"      --max-article-bytes N  skip larger articles, as framing score\n"
	"  -j, --jobs N        threads that read the articles (default: the number\n"
	"                      of cores); the table is the same at any N\n"
	"  -q, --quiet         no warnings, no summary (errors are still printed)\n"
	"\n"
	"examples: framing templates --jsonl archive.jsonl -o templates.tsv\n"
	"          framing score --templates templates.tsv --jsonl - --stdout < part1.jsonl\n";

int cmd_templates(int argc, char **argv)
{
	struct templates_run_opts o;
	struct options_args args;
	long jobs = 0;
	const struct option_spec specs[] = {
		OPT_STRING('o', "output", &o.output),
		OPT_SIZE(0, "template-min", &o.min, TEMPLATES_MIN_MIN, TEMPLATES_MIN_MAX),
		OPT_SOURCE(&o.in),
		OPT_LONG('j', "jobs", &jobs, 1, 256),
		OPT_QUIET(&o.quiet),
		OPT_HELP(),
		OPT_END(),
	};
	enum options_result r;
	int status = EXIT_USAGE;

	templates_run_opts_init(&o);
	r = options_parse(argc, argv, specs, usage, &args);
	if (r != OPTIONS_OK)
		return options_exit_status(r);
	o.jobs = (int)jobs;
	if (sourceopts_corpus(&o.in, &args, 0, NULL, usage) == OPTIONS_OK)
		status = templates_run(&o);
	options_release(specs, &args);
	return status;
}
