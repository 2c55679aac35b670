/*
 * framing: compare how news outlets frame the same story.
 * This file only dispatches: one table row per command.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "util.h"
#include "version.h"
#include "banned.h"

struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
	int subcommands;	/* "framing help NAME SUB" is "framing NAME help SUB" */
};

static int run_help(int argc, char **argv);

static const struct command commands[] = {
	{ "clean", cmd_clean, "show which lines of an article are kept and why", 0 },
	{ "score", cmd_score, "score a corpus against lexicons (scores.tsv, matches.tsv)", 0 },
	{ "stats", cmd_stats, "per-outlet statistics, tests and keyness of scores.tsv", 0 },
	{ "chart", cmd_chart, "draw the charts of a run with gnuplot (SVG and PNG)", 0 },
	{ "report", cmd_report, "score, stats and charts in one go, then report.html", 0 },
	{ "import", cmd_import, "turn CSV, JSON Lines or XML files into a corpus folder", 0 },
	{ "templates", cmd_templates, "find the lines an outlet repeats across articles", 0 },
	{ "kwic", cmd_kwic, "keyword in context for any pattern or a category", 0 },
	{ "lexicon", cmd_lexicon, "check, stats, suggest, diff, import, export lexicons", 1 },
	{ "help", run_help, "explain a command: framing help score", 0 },
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static const struct command *find_command(const char *name)
{
	size_t i;
	for (i = 0; i < NCOMMANDS; i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

static void print_usage(FILE *out)
{
	size_t i;

	fprintf(out, "usage: framing COMMAND [OPTIONS] [ARGS]\n"
		     "       framing help COMMAND\n"
		     "       framing --version\n\ncommands:\n");
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fprintf(out, "\nexample: framing score corpus/seeds -o output\n");
}

/*
 * "framing help [COMMAND [SUBCOMMAND]]": the usage of framing, of a
 * command (run with --help) or of a subcommand (as "framing lexicon help
 * diff"). "framing help help" is framing's usage, which explains help.
 * Further arguments ("framing help score --help") are ignored.
 */
static int run_help(int argc, char **argv)
{
	const struct command *c;
	char *args[4];

	if (argc < 2 || !strcmp(argv[1], "help") || !strcmp(argv[1], "--help")
	    || !strcmp(argv[1], "-h")) {
		print_usage(stdout);
		return EXIT_OK;
	}
	c = find_command(argv[1]);
	if (!c) {
		error("no such command '%s'; see 'framing help'", argv[1]);
		return EXIT_USAGE;
	}
	args[0] = (char *)c->name;
	if (c->subcommands && argc > 2) {
		args[1] = (char *)"help";
		args[2] = argv[2];
		args[3] = NULL;
		return c->fn(3, args);
	}
	args[1] = (char *)"--help";
	args[2] = NULL;
	return c->fn(2, args);
}

/*
 * Flushes stdout and reports a failed write (a full disk, a closed pipe) as
 * a failed run, so a truncated table never comes with exit status 0.
 */
static int finish_stdout(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		error("write error on standard output: %s", strerror(errno));
		return status ? status : EXIT_FAILED;
	}
	return status;
}

int main(int argc, char **argv)
{
	const struct command *c;

	if (argc < 2) {
		print_usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version")) {
		printf("framing %s\n", FRAMING_VERSION);
		return finish_stdout(EXIT_OK);
	}
	if (!strcmp(argv[1], "help") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return finish_stdout(run_help(argc - 1, argv + 1));
	c = find_command(argv[1]);
	if (!c) {
		error("no such command '%s'; see 'framing help'", argv[1]);
		return EXIT_USAGE;
	}
	return finish_stdout(c->fn(argc - 1, argv + 1));
}
