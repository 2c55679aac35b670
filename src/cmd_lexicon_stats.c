/*
 * framing lexicon stats CORPUS|--jsonl FILE: how every lexicon entry fares in a corpus,
 * entries that never matched last.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_lexicon.h"
#include "lexicon.h"
#include "lexrun.h"
#include "match.h"
#include "table.h"
#include "tally.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

static const char usage[] =
	"usage: framing lexicon stats [-l LEXICON]... [--by COLUMN] [--tsv] [--no-clean]\n"
	"                             [--no-negation] [--max-article-bytes N]\n"
	"                             CORPUS | --jsonl FILE|-\n"
	"\n"
	"Per lexicon entry: matches (negated ones included), articles and outlets\n"
	"with a match, the share of counted matches inside quotations, how many\n"
	"were negated (and so not counted in scores.tsv), and where the entry is.\n"
	"Sorted by category, then by matches; entries that never matched come\n"
	"last, so they are easy to find and prune. The articles are read as by\n"
	"framing score: a CORPUS folder, or JSON Lines with --jsonl.\n"
	"\n"
	"  -l, --lexicon FILE  a lexicon; repeat for several (default: lexicons/*.lex)\n"
	"      --by COLUMN     count groups of this column (manifest column or JSON\n"
	"                      field) instead of outlets (e.g. wire, lang)\n"
	"      --tsv           tab-separated output for scripts\n"
	"      --no-clean      count boilerplate lines too\n"
	"      --no-negation   never mark matches negated\n"
	"      --jsonl FILE    read JSON Lines (- for standard input), as framing score\n"
	"      --max-article-bytes N  skip larger articles with a message (default\n"
	"                      52428800, 50 MB), as framing score\n"
	"\n"
	"example: framing lexicon stats corpus/seeds -l lexicons/stance.lex\n";

static const struct tally *sort_tally;

static int cmp_entry(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	const struct tally_entry *ex = &sort_tally->entries[x], *ey = &sort_tally->entries[y];
	const struct lex_entry *lx = &sort_tally->lx->entries[x], *ly = &sort_tally->lx->entries[y];

	if (!ex->matches != !ey->matches)
		return ex->matches ? -1 : 1;
	if (lx->category != ly->category)
		return lx->category < ly->category ? -1 : 1;
	if (ex->matches != ey->matches)
		return ex->matches > ey->matches ? -1 : 1;
	return x < y ? -1 : 1;
}

int cmd_lexicon_stats(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "lexicon", required_argument, NULL, 'l' },
		{ "by", required_argument, NULL, 'b' },
		{ "tsv", no_argument, NULL, 't' },
		{ "no-clean", no_argument, NULL, 'C' },
		{ "no-negation", no_argument, NULL, 'N' },
		{ "jsonl", required_argument, NULL, 'J' },
		{ "max-article-bytes", required_argument, NULL, 'B' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char **lexicons = NULL;
	size_t nlex = 0, i, *order = NULL;
	const char *by = "outlet";
	struct score_options opt = { 1, 1 };
	struct lexicon lx = LEXICON_INIT;
	struct source_options in = SOURCE_OPTIONS_INIT;
	struct source *src = NULL;
	struct matcher *m = NULL;
	struct tally *t = NULL;
	struct table *tab;
	int ch, tsv = 0, status = EXIT_USAGE;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "l:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'l':
			lexicons = xrealloc(lexicons, (nlex + 1) * sizeof(*lexicons));
			lexicons[nlex++] = optarg;
			break;
		case 'b': by = optarg; break;
		case 't': tsv = 1; break;
		case 'C': opt.clean = 0; break;
		case 'N': opt.negation = 0; break;
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
			       : "lexicon stats needs one CORPUS folder (or --jsonl FILE)");
		fputs(usage, stderr);
		free(lexicons);
		return EXIT_USAGE;
	}
	if (!in.jsonl)
		in.dir = argv[optind];
	if (lexicon_load_all(&lx, (const char *const *)lexicons, nlex) < 0 || !(src = lexrun_open(&in, by)))
		goto out;
	m = matcher_new(&lx);
	t = tally_new(&lx, by);
	status = lexrun_run(src, &opt, &(struct lexrun_pass){ &lx, m, tally_article, t }, 1)
		 ? EXIT_FAILED : EXIT_OK;
	order = xcalloc(lx.nentries ? lx.nentries : 1, sizeof(*order));
	for (i = 0; i < lx.nentries; i++)
		order[i] = i;
	sort_tally = t;
	qsort(order, lx.nentries, sizeof(*order), cmp_entry);
	sort_tally = NULL;
	tab = table_new(8, "llrrrrrl");
	table_add(tab, "category");
	table_add(tab, "entry");
	table_add(tab, "matches");
	table_add(tab, "articles");
	table_add(tab, strcmp(by, "outlet") ? by : "outlets");
	table_add(tab, "quoted");
	table_add(tab, "negated");
	table_add(tab, "where");
	for (i = 0; i < lx.nentries; i++) {
		const struct lex_entry *e = &lx.entries[order[i]];
		const struct tally_entry *te = &t->entries[order[i]];
		table_add(tab, lx.categories[e->category].name);
		table_add(tab, e->written);
		table_addf(tab, "%zu", te->matches);
		table_addf(tab, "%zu", te->articles);
		table_addf(tab, "%zu", te->groups);
		if (te->counted)
			table_addf(tab, "%.2f", tally_entry_quoted_share(te));
		else
			table_add(tab, "NA");
		table_addf(tab, "%zu", te->negated);
		table_addf(tab, "%s:%zu", e->file, e->line);
	}
	table_print(tab, stdout, tsv);
	table_free(tab);
out:
	free(order);
	tally_free(t);
	matcher_free(m);
	source_free(src);
	lexicon_release(&lx);
	free(lexicons);
	return status;
}
