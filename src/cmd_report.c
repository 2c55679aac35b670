/*
 * framing report: score, stats and chart in one go, then report.html. The
 * three commands run in-process with the argument vectors a user would
 * type, so the report shows exactly what those commands write.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "fsutil.h"
#include "parse.h"
#include "report.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

static const char usage[] =
	"usage: framing report [-l LEXICON]... [-o DIR] [--by COLUMN] [--seed N] [-q] CORPUS\n"
	"\n"
	"Runs framing score, framing stats and framing chart on CORPUS and writes\n"
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
	"  --by COLUMN         group by this manifest column (default outlet)\n"
	"  --seed N            seed of the bootstrap and permutations (default 1)\n"
	"  -q, --quiet         no warnings about single articles\n"
	"\n"
	"Needs gnuplot for the charts (Debian/Ubuntu package gnuplot-nox).\n"
	"\n"
	"example: framing report corpus/seeds -o output\n";

/*
 * Runs a command with a NULL-terminated argument vector we own. glibc's
 * getopt keeps permutation state between vectors unless optind is set to
 * 0 and getopt runs once; the commands set optind to 1 themselves, so the
 * state is reset here with an empty vector first.
 */
static int run(int (*fn)(int, char **), char **argv)
{
	char *empty[2] = { (char *)"framing", NULL };
	int argc = 0;

	while (argv[argc])
		argc++;
	optind = 0;
	(void)getopt(1, empty, "");
	optind = 1;
	return fn(argc, argv);
}

int cmd_report(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "lexicon", required_argument, NULL, 'l' },
		{ "output", required_argument, NULL, 'o' },
		{ "by", required_argument, NULL, 'b' },
		{ "seed", required_argument, NULL, 's' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct report_opts o;
	char **lex = NULL, **av;
	size_t nlex = 0, i, k;
	const char *outdir = "output", *by = "outlet", *seed = "1";
	char *corpus;
	struct buf name = BUF_INIT, scores = BUF_INIT;
	int ch, quiet = 0, status;
	long seedv;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "l:o:qh", longopts, NULL)) != -1) {
		switch (ch) {
		case 'l':
			lex = xrealloc(lex, (nlex + 1) * sizeof(char *));
			lex[nlex++] = optarg;
			break;
		case 'o': outdir = optarg; break;
		case 'b': by = optarg; break;
		case 's':
			if (parse_long(optarg, 0, 4294967295L, &seedv) < 0) {
				error("bad --seed '%s': give a whole number", optarg);
				free(lex);
				return EXIT_USAGE;
			}
			seed = optarg;
			break;
		case 'q': quiet = 1; break;
		case 'h': fputs(usage, stdout); free(lex); return EXIT_OK;
		default: fputs(usage, stderr); free(lex); return EXIT_USAGE;
		}
	}
	if (argc - optind != 1) {
		error(argc == optind ? "no corpus given" : "more than one corpus given");
		fputs(usage, stderr);
		free(lex);
		return EXIT_USAGE;
	}
	/* Kept now: the commands below move optind. */
	corpus = argv[optind];

	/* score [-q] [-l FILE]... -o DIR CORPUS */
	av = xcalloc(2 * nlex + 8, sizeof(char *));
	k = 0;
	av[k++] = (char *)"score";
	if (quiet)
		av[k++] = (char *)"-q";
	for (i = 0; i < nlex; i++) {
		av[k++] = (char *)"-l";
		av[k++] = lex[i];
	}
	av[k++] = (char *)"-o";
	av[k++] = (char *)outdir;
	av[k++] = (char *)"--";
	av[k++] = corpus;
	av[k] = NULL;
	status = run(cmd_score, av);
	free(av);
	if (status != EXIT_OK)
		goto out;

	{
		char *path = path_join(outdir, "scores.tsv");
		buf_adds(&scores, path);
		free(path);
	}
	{
		char *sv[12];
		k = 0;
		sv[k++] = (char *)"stats";
		if (quiet)
			sv[k++] = (char *)"-q";
		sv[k++] = (char *)"-o";
		sv[k++] = (char *)outdir;
		sv[k++] = (char *)"--by";
		sv[k++] = (char *)by;
		sv[k++] = (char *)"--seed";
		sv[k++] = (char *)seed;
		sv[k++] = (char *)"--";
		sv[k++] = scores.data;
		sv[k] = NULL;
		status = run(cmd_stats, sv);
		if (status != EXIT_OK)
			goto out;
	}
	{
		char *cv[12];
		k = 0;
		cv[k++] = (char *)"chart";
		cv[k++] = (char *)"-i";
		cv[k++] = (char *)outdir;
		cv[k++] = (char *)"-o";
		cv[k++] = (char *)outdir;
		cv[k++] = (char *)"--by";
		cv[k++] = (char *)by;
		cv[k++] = (char *)"--corpus";
		cv[k++] = (char *)buf_base_name(corpus, &name);
		cv[k] = NULL;
		status = run(cmd_chart, cv);
		if (status != EXIT_OK)
			goto out;
	}

	memset(&o, 0, sizeof(o));
	o.corpus = corpus;
	o.corpus_name = buf_base_name(corpus, &name);
	o.outdir = outdir;
	o.by = by;
	o.lexicons = lex;
	o.nlexicons = nlex;
	o.seed = strtoul(seed, NULL, 10);
	o.bootstrap = 10000;
	o.permutations = 10000;
	status = report_write(&o) < 0 ? EXIT_FAILED : EXIT_OK;
out:
	free(lex);
	buf_release(&name);
	buf_release(&scores);
	return status;
}
