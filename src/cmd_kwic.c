/*
 * framing kwic CORPUS|--jsonl FILE PATTERN... | --category C: every match in context,
 * grouped by outlet, for reading what a lexicon entry or a trial pattern
 * really catches.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "kwic.h"
#include "lexicon.h"
#include "lexrun.h"
#include "match.h"
#include "parse.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

static const char usage[] =
	"usage: framing kwic [-w N] [--by COLUMN] [--tsv] [--no-clean] [--no-negation]\n"
	"                    [--max-article-bytes N] CORPUS PATTERN...\n"
	"       framing kwic [-l LEXICON]... --category NAME [OPTIONS] CORPUS\n"
	"       framing kwic [OPTIONS] --jsonl FILE|- PATTERN... | --category NAME\n"
	"\n"
	"Shows every match in context, grouped by outlet: the article id and\n"
	"sentence number, flags (q: inside a quotation, n: negated, so not counted\n"
	"in the scores), and the keyword between '|' in one aligned column (widths\n"
	"in display columns: Chinese characters count two).\n"
	"A PATTERN is written like a lexicon entry: a word, a phrase, a trailing *\n"
	"glob, \"US\" in double quotes for case-sensitive; it need not be in any\n"
	"lexicon, so a term can be tried before it is added. Each PATTERN is\n"
	"matched on its own; the entry column of --tsv says which one matched.\n"
	"CORPUS is read as by framing score: a folder with manifest.tsv or with\n"
	"one folder of .txt files per outlet; --jsonl reads JSON Lines instead (and\n"
	"then every argument is a PATTERN).\n"
	"\n"
	"  -c, --category NAME  the matches of a lexicon category instead\n"
	"  -l, --lexicon FILE   with --category: a lexicon (default: lexicons/*.lex)\n"
	"  -w, --window N       tokens of context on each side (default 6)\n"
	"      --by COLUMN      group by this column (manifest column or JSON field)\n"
	"                       instead of outlet\n"
	"      --tsv            tab-separated: group, id, sentence, offset, quoted,\n"
	"                       negated, category, entry, left, keyword, right\n"
	"      --no-clean       look at boilerplate lines too\n"
	"      --no-negation    never mark matches negated\n"
	"      --jsonl FILE     read JSON Lines (- for standard input), as framing score\n"
	"      --max-article-bytes N  skip larger articles with a message (default\n"
	"                       52428800, 50 MB), as framing score\n"
	"\n"
	"examples: framing kwic corpus/seeds 'accus*' groundless\n"
	"          framing kwic corpus/seeds --category conciliatory -w 4\n"
	"          framing kwic --jsonl articles.jsonl 'accus*'\n";

struct kwic_args {
	char **lexicons;
	size_t nlexicons;
	const char *category, *by;
	struct source_options in;
	char **patterns;
	size_t npatterns;
	size_t window;
	int tsv;
	struct score_options opt;
};

static int parse_args(int argc, char **argv, struct kwic_args *a)
{
	static const struct option longopts[] = {
		{ "category", required_argument, NULL, 'c' },
		{ "lexicon", required_argument, NULL, 'l' },
		{ "window", required_argument, NULL, 'w' },
		{ "by", required_argument, NULL, 'b' },
		{ "tsv", no_argument, NULL, 't' },
		{ "no-clean", no_argument, NULL, 'C' },
		{ "no-negation", no_argument, NULL, 'N' },
		{ "jsonl", required_argument, NULL, 'J' },
		{ "max-article-bytes", required_argument, NULL, 'B' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	long n;

	a->by = "outlet";
	a->window = 6;
	a->in.max_bytes = SOURCE_DEFAULT_MAX_BYTES;
	a->opt.clean = 1;
	a->opt.negation = 1;
	optind = 1;
	while ((c = getopt_long(argc, argv, "c:l:w:", longopts, NULL)) != -1) {
		switch (c) {
		case 'c': a->category = optarg; break;
		case 'l':
			a->lexicons = xrealloc(a->lexicons, (a->nlexicons + 1) * sizeof(*a->lexicons));
			a->lexicons[a->nlexicons++] = optarg;
			break;
		case 'w':
			if (parse_long(optarg, 0, 1000, &n) < 0)
				return error("-w wants a number of tokens from 0 to 1000, not '%s'",
					     optarg);
			a->window = (size_t)n;
			break;
		case 'b': a->by = optarg; break;
		case 't': a->tsv = 1; break;
		case 'C': a->opt.clean = 0; break;
		case 'N': a->opt.negation = 0; break;
		case 'J': a->in.jsonl = optarg; break;
		case 'B':
			if (source_parse_max_bytes(&a->in, optarg) < 0)
				return -1;
			break;
		case 'h': fputs(usage, stdout); return 1;
		default: fputs(usage, stderr); return -1;
		}
	}
	if (!a->in.jsonl && optind >= argc) {
		error("kwic needs a CORPUS folder");
		fputs(usage, stderr);
		return -1;
	}
	/* With --jsonl there is no CORPUS argument: all are PATTERNs. */
	if (!a->in.jsonl)
		a->in.dir = argv[optind++];
	a->patterns = argv + optind;
	a->npatterns = (size_t)(argc - optind);
	if (!a->npatterns == !a->category) {
		error(a->category ? "give either PATTERNs or --category, not both"
				  : "kwic needs a PATTERN or --category NAME");
		fputs(usage, stderr);
		return -1;
	}
	if (a->nlexicons && !a->category)
		return error("-l goes with --category; PATTERNs need no lexicon");
	return 0;
}

/* Each pattern in a category of its own, so they never compete. */
static int load_patterns(const struct kwic_args *a, struct lexicon *lx)
{
	struct buf text = BUF_INIT;
	size_t i;
	int r;

	for (i = 0; i < a->npatterns; i++) {
		if (strchr(a->patterns[i], '\n')) {
			buf_release(&text);
			return error("a PATTERN is one line");
		}
		buf_addf(&text, "[pattern_%zu]\n%s\n", i + 1, a->patterns[i]);
	}
	r = lexicon_parse(lx, "PATTERN", text.data, text.len);
	buf_release(&text);
	return r;
}

int cmd_kwic(int argc, char **argv)
{
	struct kwic_args a;
	struct lexicon lx = LEXICON_INIT;
	struct source *src = NULL;
	struct matcher *m = NULL;
	struct kwic k;
	struct buf out = BUF_INIT;
	long category = -1;
	int r, status = EXIT_USAGE;

	memset(&a, 0, sizeof(a));
	memset(&k, 0, sizeof(k));
	r = parse_args(argc, argv, &a);
	if (r != 0) {
		free(a.lexicons);
		return r > 0 ? EXIT_OK : EXIT_USAGE;
	}
	if (a.category ? lexicon_load_all(&lx, (const char *const *)a.lexicons, a.nlexicons) < 0
	    : load_patterns(&a, &lx) < 0)
		goto out;
	if (a.category && (category = lexicon_category(&lx, a.category)) < 0) {
		error("no category '%s' in the lexicons", a.category);
		goto out;
	}
	if (!(src = lexrun_open(&a.in, a.by)))
		goto out;
	m = matcher_new(&lx);
	kwic_init(&k, &lx, a.by, category, a.window);
	status = lexrun_run(src, &a.opt, &(struct lexrun_pass){ &lx, m, kwic_article, &k }, 1)
		 ? EXIT_FAILED : EXIT_OK;
	kwic_sort(&k);
	kwic_format(&k, a.tsv, &out);
	fwrite(buf_str(&out), 1, out.len, stdout);
	if (!a.tsv && k.n == 0)
		fprintf(stderr, "framing: no match in %s\n", source_name(src));
out:
	buf_release(&out);
	kwic_release(&k);
	matcher_free(m);
	source_free(src);
	lexicon_release(&lx);
	free(a.lexicons);
	return status;
}
