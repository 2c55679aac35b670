/*
 * framing score CORPUS: scores every article against the lexicons and
 * writes scores.tsv, matches.tsv and terms.tsv to the output folder.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "corpus.h"
#include "counts.h"
#include "lexicon.h"
#include "match.h"
#include "outfile.h"
#include "score.h"
#include "util.h"
#include "banned.h"

static const char usage[] =
	"usage: framing score [-l LEXICON]... [-o DIR] [--no-clean] [--no-negation] [-q] CORPUS\n"
	"\n"
	"Scores every article of CORPUS (a folder with manifest.tsv, or with one\n"
	"folder of .txt files per outlet) and writes DIR/scores.tsv (one row per\n"
	"article), DIR/matches.tsv (one row per match) and DIR/terms.tsv (word\n"
	"counts per outlet, for keyness).\n"
	"\n"
	"  -l, --lexicon FILE  a lexicon to use; repeat for several (default: every\n"
	"                      .lex file in lexicons/)\n"
	"  -o, --output DIR    the output folder (default: output)\n"
	"      --no-clean      score every line, boilerplate included\n"
	"      --no-negation   count negated matches like the others\n"
	"  -q, --quiet         no warnings about single articles\n"
	"\n"
	"example: framing score corpus/seeds -o output\n";

struct score_args {
	char **lexicons;
	size_t nlexicons;
	const char *outdir;
	const char *corpus;
	struct score_options opt;
};

static int parse_args(int argc, char **argv, struct score_args *args)
{
	static const struct option longopts[] = {
		{ "lexicon", required_argument, NULL, 'l' },
		{ "output", required_argument, NULL, 'o' },
		{ "no-clean", no_argument, NULL, 'C' },
		{ "no-negation", no_argument, NULL, 'N' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	args->outdir = "output";
	args->opt.clean = 1;
	args->opt.negation = 1;
	optind = 1;
	while ((c = getopt_long(argc, argv, "l:o:q", longopts, NULL)) != -1) {
		switch (c) {
		case 'l':
			args->lexicons = xrealloc(args->lexicons,
						  (args->nlexicons + 1) * sizeof(*args->lexicons));
			args->lexicons[args->nlexicons++] = optarg;
			break;
		case 'o': args->outdir = optarg; break;
		case 'C': args->opt.clean = 0; break;
		case 'N': args->opt.negation = 0; break;
		case 'q': util_set_quiet(1); break;
		case 'h': fputs(usage, stdout); return 1;
		default: fputs(usage, stderr); return -1;
		}
	}
	if (argc - optind != 1) {
		error("score needs one CORPUS folder");
		fputs(usage, stderr);
		return -1;
	}
	args->corpus = argv[optind];
	return 0;
}

static int load_lexicons(const struct score_args *args, struct lexicon *lx)
{
	size_t i;
	int bad = 0;

	if (args->nlexicons == 0)
		return lexicon_load_dir(lx, lexicon_default_dir());
	for (i = 0; i < args->nlexicons; i++)
		if (lexicon_load(lx, args->lexicons[i]) < 0)
			bad = -1;
	return bad;
}

/* The three output files, written whole or not at all. */
struct outputs {
	struct outfile *scores, *matches, *terms;
};

static int open_outputs(const char *dir, struct outputs *o)
{
	char *p;

	memset(o, 0, sizeof(*o));
	if (ensure_dir(dir) < 0)
		return -1;
	p = path_join(dir, "scores.tsv");
	o->scores = outfile_open(p);
	free(p);
	p = path_join(dir, "matches.tsv");
	o->matches = o->scores ? outfile_open(p) : NULL;
	free(p);
	p = path_join(dir, "terms.tsv");
	o->terms = o->matches ? outfile_open(p) : NULL;
	free(p);
	if (o->terms)
		return 0;
	outfile_abort(o->scores);
	outfile_abort(o->matches);
	return -1;
}

static void abort_outputs(struct outputs *o)
{
	outfile_abort(o->scores);
	outfile_abort(o->matches);
	outfile_abort(o->terms);
}

/* Commits all three only when all were written without error. */
static int commit_outputs(struct outputs *o)
{
	FILE *f[3] = { outfile_stream(o->scores), outfile_stream(o->matches),
		       outfile_stream(o->terms) };
	int i;

	for (i = 0; i < 3; i++)
		if (fflush(f[i]) != 0 || ferror(f[i])) {
			error("cannot write to the output folder: %s", strerror(errno));
			abort_outputs(o);
			return -1;
		}
	if (outfile_commit(o->scores) < 0) {
		outfile_abort(o->matches);
		outfile_abort(o->terms);
		return -1;
	}
	if (outfile_commit(o->matches) < 0) {
		outfile_abort(o->terms);
		return -1;
	}
	return outfile_commit(o->terms);
}

static void write_terms(const struct counts *terms, FILE *f)
{
	size_t n, i;
	struct count_item *items = counts_sorted(terms, &n);

	fputs("outlet\tterm\tcount\n", f);
	for (i = 0; i < n; i++)
		fprintf(f, "%s\t%llu\n", items[i].key, (unsigned long long)items[i].n);
	free(items);
}

/* Scores every article in order; returns the number that could not be read. */
static size_t score_corpus(const struct corpus *c, struct scorer *sc, struct outputs *o)
{
	struct buf row = BUF_INIT, matches = BUF_INIT;
	FILE *fs = outfile_stream(o->scores), *fm = outfile_stream(o->matches);
	size_t i, failed = 0;

	for (i = 0; i < c->n; i++) {
		const struct article *a = &c->articles[i];
		size_t len;
		char *text = read_file(a->path, &len);
		if (!text) {
			error("%s: %s", a->path, strerror(errno));
			failed++;
			continue;
		}
		buf_reset(&row);
		buf_reset(&matches);
		scorer_article(sc, a, c->nextra, corpus_extra(c, a, "lang"), a->path, text, len,
			       &row, &matches);
		fwrite(row.data, 1, row.len, fs);
		fwrite(matches.data, 1, matches.len, fm);
		free(text);
	}
	buf_release(&row);
	buf_release(&matches);
	return failed;
}

static int run(const struct score_args *args)
{
	struct corpus c = CORPUS_INIT;
	struct lexicon lx = LEXICON_INIT;
	struct matcher *m = NULL;
	struct scorer *sc = NULL;
	struct outputs o;
	struct buf header = BUF_INIT;
	size_t failed;
	int status = EXIT_USAGE;

	/* Everything is checked before anything is written. */
	if (load_lexicons(args, &lx) < 0 || corpus_load(args->corpus, &c) < 0)
		goto out;
	status = EXIT_FAILED;
	if (open_outputs(args->outdir, &o) < 0)
		goto out;
	m = matcher_new(&lx);
	sc = scorer_new(&lx, m, &args->opt);
	score_header(&header, &lx, c.extra_names, c.nextra);
	fputs(header.data, outfile_stream(o.scores));
	buf_reset(&header);
	score_matches_header(&header);
	fputs(header.data, outfile_stream(o.matches));
	failed = score_corpus(&c, sc, &o);
	write_terms(scorer_terms(sc), outfile_stream(o.terms));
	if (commit_outputs(&o) == 0)
		status = failed ? EXIT_FAILED : EXIT_OK;
out:
	buf_release(&header);
	scorer_free(sc);
	matcher_free(m);
	corpus_release(&c);
	lexicon_release(&lx);
	return status;
}

int cmd_score(int argc, char **argv)
{
	struct score_args args;
	int r, status;

	memset(&args, 0, sizeof(args));
	r = parse_args(argc, argv, &args);
	if (r != 0) {
		free(args.lexicons);
		return r > 0 ? EXIT_OK : EXIT_USAGE;
	}
	status = run(&args);
	free(args.lexicons);
	return status;
}
