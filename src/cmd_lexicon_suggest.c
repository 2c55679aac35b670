/*
 * framing lexicon suggest CORPUS|--jsonl FILE --category C: words and two-word phrases
 * that are not in the lexicon yet but go with the category.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_lexicon.h"
#include "lexicon.h"
#include "lexrun.h"
#include "match.h"
#include "parse.h"
#include "suggest.h"
#include "table.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

static const char usage[] =
	"usage: framing lexicon suggest [-l LEXICON]... [--category NAME] [-n N]\n"
	"                               [--min N] [--tsv] [--no-clean]\n"
	"                               [--max-article-bytes N] CORPUS | --jsonl FILE\n"
	"\n"
	"Lists words and two-word phrases of CORPUS that no lexicon entry covers\n"
	"(function words left out), ranked by how strongly they go with the\n"
	"category, with two example contexts each:\n"
	"  with       occurrences in sentences with a counted match of the category\n"
	"  total      occurrences in the corpus\n"
	"  z_sent     log-odds z-score, those sentences against the others\n"
	"             (Monroe, Colaresi & Quinn 2008, corpus counts as the prior)\n"
	"  z_outlet   the same for the outlets that use the category most (rate at\n"
	"             or above the corpus rate) against the other outlets; NA with\n"
	"             one outlet\n"
	"  score      z_sent + z_outlet, the rank order\n"
	"Read the examples before adding a term: a strong z on a small corpus can\n"
	"be one article's topic. The articles are read as by framing score, twice\n"
	"(counts, then examples): a CORPUS folder, or a JSON Lines file with --jsonl\n"
	"(a file, not a pipe).\n"
	"\n"
	"  -c, --category NAME  the category (default: accusatory)\n"
	"  -l, --lexicon FILE   a lexicon; repeat for several (default: lexicons/*.lex)\n"
	"  -n N                 how many suggestions (default 15)\n"
	"      --min N          least occurrences with the category (default 2)\n"
	"      --tsv            tab-separated output for scripts\n"
	"      --no-clean       count boilerplate lines too\n"
	"      --jsonl FILE     read JSON Lines, as framing score\n"
	"      --max-article-bytes N  skip larger articles with a message (default\n"
	"                       52428800, 50 MB), as framing score\n"
	"\n"
	"example: framing lexicon suggest corpus/seeds --category accusatory -n 10\n";

static void print_text(const struct suggestion *r, size_t n, FILE *out)
{
	struct table *t = table_new(7, "rlrrrrr");
	size_t i, j;

	table_add(t, "#");
	table_add(t, "term");
	table_add(t, "with");
	table_add(t, "total");
	table_add(t, "z_sent");
	table_add(t, "z_outlet");
	table_add(t, "score");
	for (i = 0; i < n; i++) {
		table_addf(t, "%zu", i + 1);
		table_add(t, r[i].term);
		table_addf(t, "%zu", r[i].with);
		table_addf(t, "%zu", r[i].total);
		table_addf(t, "%.2f", r[i].z_sentence);
		if (isnan(r[i].z_outlet))
			table_add(t, "NA");
		else
			table_addf(t, "%.2f", r[i].z_outlet);
		table_addf(t, "%.2f", r[i].score);
	}
	table_print(t, out, 0);
	table_free(t);
	fputs("\nexamples\n", out);
	for (i = 0; i < n; i++)
		for (j = 0; j < 2; j++)
			if (r[i].example[j])
				fprintf(out, "%3zu  %s\n", i + 1, r[i].example[j]);
}

static void print_tsv(const struct suggestion *r, size_t n, FILE *out)
{
	struct table *t = table_new(9, "lllllllll");
	size_t i;
	const char *head[] = { "rank", "term", "with", "total", "z_sentence", "z_outlet",
			       "score", "example1", "example2" };

	for (i = 0; i < 9; i++)
		table_add(t, head[i]);
	for (i = 0; i < n; i++) {
		table_addf(t, "%zu", i + 1);
		table_add(t, r[i].term);
		table_addf(t, "%zu", r[i].with);
		table_addf(t, "%zu", r[i].total);
		table_add_double(t, r[i].z_sentence);
		table_add_double(t, r[i].z_outlet);
		table_add_double(t, r[i].score);
		table_add(t, r[i].example[0] ? r[i].example[0] : "");
		table_add(t, r[i].example[1] ? r[i].example[1] : "");
	}
	table_print(t, out, 1);
	table_free(t);
}

int cmd_lexicon_suggest(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "category", required_argument, NULL, 'c' },
		{ "lexicon", required_argument, NULL, 'l' },
		{ "min", required_argument, NULL, 'm' },
		{ "tsv", no_argument, NULL, 't' },
		{ "no-clean", no_argument, NULL, 'C' },
		{ "jsonl", required_argument, NULL, 'J' },
		{ "max-article-bytes", required_argument, NULL, 'B' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char **lexicons = NULL;
	size_t nlex = 0, nres;
	const char *category = "accusatory";
	long n = 15, min_with = 2, cat;
	struct score_options opt = { 1, 1 };
	struct lexicon lx = LEXICON_INIT;
	struct source_options in = SOURCE_OPTIONS_INIT;
	struct source *src = NULL;
	struct matcher *m = NULL;
	struct suggest *s = NULL;
	const struct suggestion *res;
	int ch, tsv = 0, status = EXIT_USAGE;
	size_t failed;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "c:l:n:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c': category = optarg; break;
		case 'l':
			lexicons = xrealloc(lexicons, (nlex + 1) * sizeof(*lexicons));
			lexicons[nlex++] = optarg;
			break;
		case 'n':
		case 'm':
			if (parse_long(optarg, ch == 'n' ? 1 : 0, 100000, ch == 'n' ? &n : &min_with) < 0) {
				error("-%s wants a whole number, not '%s'", ch == 'n' ? "n" : "-min", optarg);
				free(lexicons);
				return EXIT_USAGE;
			}
			break;
		case 't': tsv = 1; break;
		case 'C': opt.clean = 0; break;
		case 'J': in.jsonl = optarg; break;
		case 'B':
			if (source_parse_max_bytes(&in, optarg) < 0) {
				free(lexicons);
				return EXIT_USAGE;
			}
			break;
		case 'h': fputs(usage, stdout); free(lexicons); return EXIT_OK;
		default: fputs(usage, stderr); free(lexicons); return EXIT_USAGE;
		}
	}
	if (argc - optind != !in.jsonl) {
		error(in.jsonl ? "give either a CORPUS folder or --jsonl, not both"
			       : "lexicon suggest needs one CORPUS folder (or --jsonl FILE)");
		fputs(usage, stderr);
		free(lexicons);
		return EXIT_USAGE;
	}
	if (!in.jsonl)
		in.dir = argv[optind];
	if (lexicon_load_all(&lx, (const char *const *)lexicons, nlex) < 0)
		goto out;
	if ((cat = lexicon_category(&lx, category)) < 0) {
		error("no category '%s' in the lexicons", category);
		goto out;
	}
	if (!(src = lexrun_open(&in, NULL)))
		goto out;
	/* The examples are taken in a second reading, once the terms are ranked. */
	if (!source_rewindable(src)) {
		error("%s: lexicon suggest reads the articles twice, and a pipe can be read "
		      "once; save them to a file and give --jsonl FILE", source_name(src));
		goto out;
	}
	m = matcher_new(&lx);
	s = suggest_new(&lx, (size_t)cat);
	failed = lexrun_run(src, &opt, &(struct lexrun_pass){ &lx, m, suggest_count, s }, 1);
	suggest_rank(s, (size_t)n, (size_t)min_with);
	if (source_rewind(src) < 0)
		goto out;
	failed += lexrun_run(src, &opt, &(struct lexrun_pass){ &lx, m, suggest_examples, s }, 1);
	status = failed ? EXIT_FAILED : EXIT_OK;
	res = suggest_results(s, &nres);
	if (tsv) {
		print_tsv(res, nres, stdout);
	} else {
		printf("[%s]: outlets using it most: %s\n\n", category,
		       *suggest_top_outlets(s) ? suggest_top_outlets(s) : "none");
		print_text(res, nres, stdout);
	}
	if (nres == 0)
		fprintf(stderr, "framing: no term occurs %ld times in sentences with [%s]; try --min 1\n",
			min_with, category);
out:
	suggest_free(s);
	matcher_free(m);
	source_free(src);
	lexicon_release(&lx);
	free(lexicons);
	return status;
}
