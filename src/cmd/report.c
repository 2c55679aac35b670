/*
 * framing report: score, stats and chart in one go, then report.html. This
 * file parses the options; report_run (reportrun.c) does the work.
 */
#include <stdio.h>

#include "cmd.h"
#include "options.h"
#include "reportrun.h"
#include "results.h"
#include "sourceopts.h"
#include "storyset.h"
#include "templates.h"
#include "util.h"
#include "banned.h"

static const char usage[] =
	"usage: framing report [-l LEXICON]... [-o DIR] [--by COLUMN] [--seed N] [-j N]\n"
	"                      [--no-clean] [--no-negation] [--max-article-bytes N] [-q]\n"
	"                      [--max-groups N | --groups A,B,...]\n"
	"                      [--within COLUMN] [--max-stories N]\n"
	"                      CORPUS | --jsonl FILE|-\n"
	"\n"
	"Runs framing score, framing stats and framing chart on CORPUS (or on\n"
	"JSON Lines with --jsonl, read as by framing score) and writes\n"
	"DIR/report.html: one self-contained page (no script, no network) with\n"
	"the summary per group, every chart, the pairwise differences worth\n"
	"noting, the top matches in context, lexicon coverage, warnings and the\n"
	"methods (formulas, lexicon files with their SHA-256, parameters).\n"
	"The tables and charts stay in DIR beside it.\n"
	"\n"
	"options:\n"
	"  -l, --lexicon FILE  a lexicon; repeat for several (default: every .lex\n"
	"                      file in lexicons/)\n"
	"  -o, --output DIR    output folder (default output)\n"
	"  --by COLUMN         group by this manifest column or JSON field (default\n"
	"                      outlet); checked before anything is written\n"
	"  --group-map FILE    regroup the --by values by a TSV (as framing stats)\n"
	"  --unmapped-na       group values the map does not name as NA\n"
	"  --seed N            seed of the bootstrap and permutations (default 1)\n"
	"  -j, --jobs N        threads of score and stats (default: the number of\n"
	"                      processors); the output is the same for every N\n"
	"  --no-clean          score every line, boilerplate included\n"
	TEMPLATES_USAGE
	"  --no-negation       count negated matches like the others\n"
	"  --jsonl FILE        read JSON Lines instead of a corpus folder (- for\n"
	"                      standard input: then the boilerplate share is not\n"
	"                      measured, as a pipe cannot be read again)\n"
	"  --max-article-bytes N  skip larger articles with a message (default\n"
	"                      52428800, 50 MB), as framing score\n"
	"  --max-groups N      charts and the report's first table show the N\n"
	"                      largest groups by articles (1 to 50, default 25),\n"
	"                      the others pooled as 'all others'; the report\n"
	"                      still lists every group in a full table\n"
	"  --groups A,B,...    show these groups instead (at most 50)\n"
	"  --within COLUMN     the stories of the 'Same story' section are the\n"
	"                      values of this column (e.g. story); default: the\n"
	"                      stories framing stats --stories finds\n"
	"  --max-stories N     that section shows the N largest stories covered by\n"
	"                      two or more groups (default 10)\n"
	"  -q, --quiet         no warnings, no progress line (errors are still\n"
	"                      printed)\n"
	"\n"
	"Needs gnuplot for the charts (Debian/Ubuntu package gnuplot-nox).\n"
	"\n"
	"example: framing report corpus/seeds -o output\n";

int cmd_report(int argc, char **argv)
{
	struct report_run_opts o;
	struct options_list lex = { NULL, 0, 0 };
	struct options_args args;
	long seed = 1, jobs = 0, max_groups = RES_MAX_GROUPS, max_stories = STORYSET_MAX;
	const struct option_spec specs[] = {
		OPT_STRINGS('l', "lexicon", &lex),
		OPT_STRING('o', "output", &o.outdir),
		OPT_STRING(0, "by", &o.by),
		OPT_STRING(0, "group-map", &o.group_map),
		OPT_FLAG(0, "unmapped-na", &o.unmapped_na),
		OPT_LONG(0, "seed", &seed, 0, 4294967295L),
		OPT_LONG('j', "jobs", &jobs, 1, 256),
		OPT_SCORING(&o.opt),
		OPT_SOURCE(&o.in),
		OPT_WARC_LANG(&o.in),
		OPT_LONG(0, "max-groups", &max_groups, 1, RES_MAX_GROUPS_LIMIT),
		OPT_STRING(0, "groups", &o.groups),
		OPT_STRING(0, "within", &o.within),
		OPT_LONG(0, "max-stories", &max_stories, 1, 1000),
		OPT_QUIET(&o.quiet),
		OPT_TEMPLATES(&o.opt.templates),
		OPT_HELP(),
		OPT_END(),
	};
	enum options_result r;
	int status = EXIT_USAGE;

	report_run_opts_init(&o);
	r = options_parse(argc, argv, specs, usage, &args);
	if (r != OPTIONS_OK)
		return options_exit_status(r);
	if (sourceopts_corpus(&o.in, &args, 0, NULL, usage) == OPTIONS_OK) {
		o.lexicons = lex.items;
		o.nlexicons = lex.n;
		o.seed = (unsigned long)seed;
		o.jobs = (int)jobs;
		o.max_groups = (size_t)max_groups;
		o.max_stories = (size_t)max_stories;
		status = report_run(&o);
	}
	options_release(specs, &args);
	return status;
}
