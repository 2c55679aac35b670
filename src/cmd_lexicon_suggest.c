/*
 * framing lexicon suggest CORPUS --category C: words and two-word phrases
 * that are not in the lexicon yet but go with the category.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_lexicon.h"
#include "corpus.h"
#include "lexicon.h"
#include "lexrun.h"
#include "match.h"
#include "suggest.h"
#include "table.h"
#include "util.h"
#include "banned.h"

static const char usage[] =
	"usage: framing lexicon suggest [-l LEXICON]... [--category NAME] [-n N]\n"
	"                               [--min N] [--tsv] [--no-clean] CORPUS\n"
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
	"be one article's topic.\n"
	"\n"
	"  -c, --category NAME  the category (default: accusatory)\n"
	"  -l, --lexicon FILE   a lexicon; repeat for several (default: lexicons/*.lex)\n"
	"  -n N                 how many suggestions (default 15)\n"
	"      --min N          least occurrences with the category (default 2)\n"
	"      --tsv            tab-separated output for scripts\n"
	"      --no-clean       count boilerplate lines too\n"
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
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char **lexicons = NULL;
	size_t nlex = 0, nres;
	const char *category = "accusatory";
	long n = 15, min_with = 2, cat;
	struct score_options opt = { 1, 1 };
	struct lexicon lx = LEXICON_INIT;
	struct corpus c = CORPUS_INIT;
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
		case 'h': fputs(usage, stdout); free(lexicons); return EXIT_OK;
		default: fputs(usage, stderr); free(lexicons); return EXIT_USAGE;
		}
	}
	if (argc - optind != 1) {
		error("lexicon suggest needs one CORPUS folder");
		fputs(usage, stderr);
		free(lexicons);
		return EXIT_USAGE;
	}
	if (lexicon_load_all(&lx, lexicons, nlex) < 0)
		goto out;
	if ((cat = lexicon_category(&lx, category)) < 0) {
		error("no category '%s' in the lexicons", category);
		goto out;
	}
	if (corpus_load(argv[optind], &c) < 0)
		goto out;
	m = matcher_new(&lx);
	s = suggest_new(&lx, (size_t)cat);
	failed = lexrun_corpus(&c, &lx, m, &opt, suggest_count, s);
	suggest_rank(s, (size_t)n, (size_t)min_with);
	failed += lexrun_corpus(&c, &lx, m, &opt, suggest_examples, s);
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
	corpus_release(&c);
	lexicon_release(&lx);
	free(lexicons);
	return status;
}
