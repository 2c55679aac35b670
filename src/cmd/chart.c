/*
 * framing chart: the figures of a run, drawn by gnuplot from the tables of
 * "framing score" and "framing stats". This file parses the options;
 * chart_run (chartrun.c) does the work.
 */
#include <stdio.h>
#include <string.h>

#include "chart.h"
#include "chartrun.h"
#include "cmd.h"
#include "options.h"
#include "results.h"
#include "util.h"
#include "banned.h"

static const char usage[] =
	"usage: framing chart [-i DIR] [-o DIR] [--format svg,png] [--by COLUMN]\n"
	"                     [--corpus NAME] [--max-groups N | --groups A,B,...] [-q]\n"
	"\n"
	"Draws the charts of a run with gnuplot, from scores.tsv, outlets.tsv,\n"
	"keyness.tsv and categories.tsv in DIR (default output), each as SVG\n"
	"and PNG:\n"
	"  INDEX           mean of each index the lexicons declare (@index),\n"
	"                  per group with its 95% interval (e.g. stance.svg)\n"
	"  categories      matches per 1,000 tokens per group and category\n"
	"  INDEX_articles  the index of every article, one dot each, by group\n"
	"  timeline        the first index of every article over its date\n"
	"  keyness         the 10 most distinctive words of each outlet (z)\n"
	"  voice           each category's matches in the group's own voice vs\n"
	"                  quoted (those of the @voice lines, if any)\n"
	"A chart with no data is not drawn; a line says why, and charts.tsv\n"
	"lists every chart, drawn or not, with the reason.\n"
	"With more groups than --max-groups, the charts show the largest by\n"
	"articles and pool the others as one row, 'all others'; with more than\n"
	"25 groups, categories is a ranking (a dot per group) instead of bars.\n"
	"\n"
	"options:\n"
	"  -i, --input DIR    folder with the tables (default output)\n"
	"  -o, --output DIR   folder for the charts (default: the input folder)\n"
	"  --format LIST      svg, png or svg,png (default svg,png)\n"
	"  --by COLUMN        the scores.tsv column the stats were grouped by\n"
	"                     (default outlet; give the same as to framing stats)\n"
	"  --group-map FILE   the map framing stats regrouped --by with (and\n"
	"  --unmapped-na      its --unmapped-na): give the same as to stats\n"
	"  --corpus NAME      the corpus name for the titles (default: the name\n"
	"                     of the input folder)\n"
	"  --max-groups N     show at most the N largest groups by articles\n"
	"                     (1 to 50, default 25), the others pooled\n"
	"  --groups A,B,...   show these groups (at most 50), the others pooled\n"
	"  -q, --quiet        no warnings (errors are still printed)\n"
	"\n"
	"Needs gnuplot (Debian/Ubuntu package gnuplot-nox).\n"
	"\n"
	"example: framing chart -i output --corpus seeds\n";

static int parse_formats(const char *s, int *formats)
{
	*formats = 0;
	while (*s) {
		size_t n = strcspn(s, ",");
		if (n == 3 && !strncmp(s, "svg", 3))
			*formats |= CHART_SVG;
		else if (n == 3 && !strncmp(s, "png", 3))
			*formats |= CHART_PNG;
		else
			return -1;
		s += n;
		if (*s == ',')
			s++;
	}
	return *formats ? 0 : -1;
}

int cmd_chart(int argc, char **argv)
{
	struct chart_run_opts o;
	struct options_args args;
	const char *formats = NULL;
	long max_groups = RES_MAX_GROUPS;
	const struct option_spec specs[] = {
		OPT_STRING('i', "input", &o.indir),
		OPT_STRING('o', "output", &o.outdir),
		OPT_STRING(0, "format", &formats),
		OPT_STRING(0, "by", &o.by),
		OPT_STRING(0, "group-map", &o.group_map),
		OPT_FLAG(0, "unmapped-na", &o.unmapped_na),
		OPT_STRING(0, "corpus", &o.corpus),
		OPT_LONG(0, "max-groups", &max_groups, 1, RES_MAX_GROUPS_LIMIT),
		OPT_STRING(0, "groups", &o.groups),
		OPT_QUIET(&o.quiet),
		OPT_HELP(),
		OPT_END(),
	};
	enum options_result r;
	int status = EXIT_USAGE;

	chart_run_opts_init(&o);
	r = options_parse(argc, argv, specs, usage, &args);
	if (r != OPTIONS_OK)
		return options_exit_status(r);
	if (options_want_operands(&args, 0, 0, "", usage) != OPTIONS_OK)
		goto out;
	if (formats && parse_formats(formats, &o.formats) < 0) {
		error("option '--format': '%s' is not svg, png or svg,png", formats);
		fputs(usage, stderr);
		goto out;
	}
	o.max_groups = (size_t)max_groups;
	status = chart_run(&o);
out:
	options_release(specs, &args);
	return status;
}
