/*
 * framing lexicon SUBCOMMAND: the tools for adjusting a lexicon. This file
 * only dispatches; each subcommand lives in its own src/cmd/lexicon_NAME.c.
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "util.h"
#include "banned.h"

struct subcommand {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
};

static const struct subcommand subcommands[] = {
	{ "check", cmd_lexicon_check, "report problems with FILE:LINE:COL; glob expansions" },
	{ "stats", cmd_lexicon_stats, "matches, articles, outlets, quoted share per entry" },
	{ "suggest", cmd_lexicon_suggest, "words and phrases that go with a category" },
	{ "diff", cmd_lexicon_diff, "what an edit changes: entries, rates, indices, ranks" },
	{ "import", cmd_lexicon_import, "convert a LIWC .dic or .dicx file to .lex" },
	{ "export", cmd_lexicon_export, "write a .lex as LIWC .dic, .dicx or quanteda YAML" },
};

#define NSUB (sizeof(subcommands) / sizeof(subcommands[0]))

static void usage(FILE *out)
{
	size_t i;

	fprintf(out, "usage: framing lexicon SUBCOMMAND [OPTIONS] [ARGS]\n"
		     "       framing lexicon SUBCOMMAND --help\n\nsubcommands:\n");
	for (i = 0; i < NSUB; i++)
		fprintf(out, "  %-8s %s\n", subcommands[i].name, subcommands[i].summary);
	fprintf(out, "\nThe loop: check the file, look at matches in context (framing kwic),\n"
		     "ask for suggestions, edit, and see what the edit changed (diff).\n"
		     "\nexamples:\n"
		     "  framing lexicon check lexicons/stance.lex\n"
		     "  framing lexicon stats corpus/seeds\n"
		     "  framing lexicon suggest corpus/seeds --category accusatory\n"
		     "  framing lexicon diff lexicons/stance.lex my-stance.lex corpus/seeds\n"
		     "  framing lexicon export lexicons/stance.lex --format dic -o stance.dic\n");
}

int cmd_lexicon(int argc, char **argv)
{
	size_t i;

	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		/* "framing lexicon help help" explains help: this usage. */
		if (argc > 2 && strcmp(argv[1], "help") == 0 && strcmp(argv[2], "help") != 0) {
			char *args[3] = { argv[2], (char *)"--help", NULL };
			for (i = 0; i < NSUB; i++)
				if (!strcmp(subcommands[i].name, argv[2]))
					return subcommands[i].fn(2, args);
			error("no such lexicon subcommand '%s'; see 'framing lexicon --help'",
			      argv[2]);
			return EXIT_USAGE;
		}
		usage(stdout);
		return EXIT_OK;
	}
	for (i = 0; i < NSUB; i++)
		if (!strcmp(subcommands[i].name, argv[1]))
			return subcommands[i].fn(argc - 1, argv + 1);
	error("no such lexicon subcommand '%s'; see 'framing lexicon --help'", argv[1]);
	return EXIT_USAGE;
}
