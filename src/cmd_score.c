/*
 * framing score CORPUS: scores every article against the lexicons and
 * writes scores.tsv, matches.tsv and terms.tsv to the output folder.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"
#include "counts.h"
#include "lexicon.h"
#include "match.h"
#include "outfile.h"
#include "pipeline.h"
#include "score.h"
#include "source.h"
#include "util.h"
#include "banned.h"

static const char usage[] =
	"usage: framing score [-l LEXICON]... [-o DIR] [-j N] [--no-clean] [--no-negation]\n"
	"                     [--max-article-bytes N] [-q] CORPUS\n"
	"       framing score --jsonl FILE|- [--stdout] [--matches FILE] [--terms FILE]\n"
	"                     [--signatures FILE] ...\n"
	"\n"
	"Scores every article of CORPUS (a folder with manifest.tsv, or with one\n"
	"folder of .txt files per outlet) or of a JSON Lines file (one article per\n"
	"line: {\"id\",\"outlet\",\"date\",\"title\",\"text\",...}; - reads stdin) and writes\n"
	"DIR/scores.tsv (one row per article), DIR/matches.tsv (one row per match),\n"
	"DIR/terms.tsv (word counts per outlet, for keyness) and DIR/signatures.tsv\n"
	"(MinHash signatures, from which framing stats finds near-duplicates).\n"
	"\n"
	"  -l, --lexicon FILE  a lexicon to use; repeat for several (default: every\n"
	"                      .lex file in lexicons/)\n"
	"  -o, --output DIR    the output folder (default: output)\n"
	"  -j, --jobs N        worker threads (default: the number of cores); the\n"
	"                      output is the same for every N\n"
	"      --jsonl FILE    read JSON Lines instead of a corpus folder\n"
	"      --stdout        write scores.tsv rows to standard output, as a filter\n"
	"                      (with --matches FILE and --terms FILE for the others)\n"
	"      --matches FILE  with --stdout: also write matches.tsv to FILE\n"
	"      --terms FILE    with --stdout: also write terms.tsv to FILE\n"
	"      --signatures FILE  with --stdout: also write signatures.tsv to FILE\n"
	"      --no-clean      score every line, boilerplate included\n"
	"      --no-negation   count negated matches like the others\n"
	"      --max-article-bytes N  skip larger articles with a message (default\n"
	"                      52428800, 50 MB; 0 for the most framing can\n"
	"                      score, 4294967295)\n"
	"  -q, --quiet         no warnings about single articles, no progress line\n"
	"\n"
	"examples: framing score corpus/seeds -o output\n"
	"          framing score --jsonl articles.jsonl --stdout > scores.tsv\n";

struct score_args {
	char **lexicons;
	size_t nlexicons;
	const char *outdir;
	struct source_options in;	/* in.dir: the corpus folder */
	const char *matches_file;
	const char *terms_file;
	const char *signatures_file;
	int to_stdout;
	int quiet;
	int jobs;
	struct score_options opt;
};

static int parse_number_option(const char *name, const char *arg, long max, long *out)
{
	if (parse_long(arg, 0, max, out) < 0)
		return error("%s needs a whole number from 0 to %ld, not '%s'", name, max, arg);
	return 0;
}

static int check_args(struct score_args *args, int argc, char **argv)
{
	int positional = argc - optind;

	if (args->in.jsonl && positional != 0)
		return error("give either a CORPUS folder or --jsonl, not both");
	if (!args->in.jsonl && positional != 1)
		return error("score needs one CORPUS folder (or --jsonl FILE)");
	if (!args->to_stdout && (args->matches_file || args->terms_file || args->signatures_file))
		return error("--matches, --terms and --signatures go with --stdout; "
			     "without it they are written to -o DIR");
	args->in.dir = args->in.jsonl ? NULL : argv[optind];
	return 0;
}

static int parse_args(int argc, char **argv, struct score_args *args)
{
	static const struct option longopts[] = {
		{ "lexicon", required_argument, NULL, 'l' },
		{ "output", required_argument, NULL, 'o' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "jsonl", required_argument, NULL, 'J' },
		{ "stdout", no_argument, NULL, 'S' },
		{ "matches", required_argument, NULL, 'M' },
		{ "terms", required_argument, NULL, 'T' },
		{ "signatures", required_argument, NULL, 'G' },
		{ "no-clean", no_argument, NULL, 'C' },
		{ "no-negation", no_argument, NULL, 'N' },
		{ "max-article-bytes", required_argument, NULL, 'B' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	long v;
	int c;

	args->outdir = "output";
	args->opt.clean = 1;
	args->opt.negation = 1;
	args->jobs = pipeline_default_jobs();
	args->in.max_bytes = SOURCE_DEFAULT_MAX_BYTES;
	optind = 1;
	while ((c = getopt_long(argc, argv, "l:o:j:q", longopts, NULL)) != -1) {
		switch (c) {
		case 'l':
			args->lexicons = xrealloc(args->lexicons,
						  (args->nlexicons + 1) * sizeof(*args->lexicons));
			args->lexicons[args->nlexicons++] = optarg;
			break;
		case 'o': args->outdir = optarg; break;
		case 'j':
			if (parse_number_option("-j", optarg, 256, &v) < 0 || v < 1)
				return v < 1 ? error("-j needs at least 1") : -1;
			args->jobs = (int)v;
			break;
		case 'J': args->in.jsonl = optarg; break;
		case 'S': args->to_stdout = 1; break;
		case 'M': args->matches_file = optarg; break;
		case 'T': args->terms_file = optarg; break;
		case 'G': args->signatures_file = optarg; break;
		case 'C': args->opt.clean = 0; break;
		case 'N': args->opt.negation = 0; break;
		case 'B':
			if (source_parse_max_bytes(&args->in, optarg) < 0)
				return -1;
			break;
		case 'q': args->quiet = 1; util_set_quiet(1); break;
		case 'h': fputs(usage, stdout); return 1;
		default: fputs(usage, stderr); return -1;
		}
	}
	if (check_args(args, argc, argv) < 0) {
		fputs(usage, stderr);
		return -1;
	}
	return 0;
}

/* Standard output's buffer with --stdout; static, as stdout outlives run(). */
static char stdout_buf[1 << 20];

/* The output files, written whole or not at all; NULL ones are not wanted. */
enum { OUT_SCORES, OUT_MATCHES, OUT_TERMS, OUT_SIGNATURES, NOUTPUTS };

static const char *const output_names[NOUTPUTS] = {
	"scores.tsv", "matches.tsv", "terms.tsv", "signatures.tsv",
};

struct outputs {
	struct outfile *f[NOUTPUTS];
};

static void abort_outputs(struct outputs *o)
{
	int i;
	for (i = 0; i < NOUTPUTS; i++)
		outfile_abort(o->f[i]);
	memset(o, 0, sizeof(*o));
}

static int open_outputs(const struct score_args *args, struct outputs *o)
{
	const char *files[NOUTPUTS] = { NULL, args->matches_file, args->terms_file,
					args->signatures_file };
	int i;

	memset(o, 0, sizeof(*o));
	if (!args->to_stdout && ensure_dir(args->outdir) < 0)
		return -1;
	for (i = 0; i < NOUTPUTS; i++) {
		char *path = args->to_stdout ? (files[i] ? xstrdup(files[i]) : NULL)
					     : path_join(args->outdir, output_names[i]);
		if (!path)
			continue;
		o->f[i] = outfile_open(path);
		free(path);
		if (!o->f[i]) {
			abort_outputs(o);
			return -1;
		}
	}
	return 0;
}

static FILE *stream(const struct outputs *o, int which)
{
	return o->f[which] ? outfile_stream(o->f[which]) : NULL;
}

/* Commits every file only when all were written without error. */
static int commit_outputs(struct outputs *o)
{
	int i, j;

	for (i = 0; i < NOUTPUTS; i++) {
		FILE *f = stream(o, i);
		if (f && (fflush(f) != 0 || ferror(f))) {
			error("cannot write %s: %s", output_names[i], strerror(errno ? errno : EIO));
			abort_outputs(o);
			return -1;
		}
	}
	for (i = 0; i < NOUTPUTS; i++) {
		if (o->f[i] && outfile_commit(o->f[i]) < 0) {
			for (j = i + 1; j < NOUTPUTS; j++)
				outfile_abort(o->f[j]);
			return -1;
		}
	}
	return 0;
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

static void write_headers(const struct lexicon *lx, const struct source *src,
			  const struct pipeline_output *out)
{
	struct buf header = BUF_INIT;
	size_t nextra;
	char *const *names = source_extra_names(src, &nextra);

	score_header(&header, lx, names, nextra);
	fputs(header.data, out->scores);
	if (out->matches) {
		buf_reset(&header);
		score_matches_header(&header);
		fputs(header.data, out->matches);
	}
	if (out->signatures) {
		buf_reset(&header);
		score_signatures_header(&header);
		fputs(header.data, out->signatures);
	}
	buf_release(&header);
}

/*
 * Outputs written into the corpus folder would mix with the articles (and
 * replace one that happened to be called scores.tsv): refused, exit 2.
 */
static int output_is_corpus(const struct score_args *args)
{
	struct stat a, b;

	if (args->to_stdout || !args->in.dir || stat(args->outdir, &a) < 0
	    || stat(args->in.dir, &b) < 0 || a.st_dev != b.st_dev || a.st_ino != b.st_ino)
		return 0;
	error("the output folder '%s' is the corpus folder; give another with -o DIR",
	      args->outdir);
	return 1;
}

static int run(const struct score_args *args)
{
	struct lexicon lx = LEXICON_INIT;
	struct matcher *m = NULL;
	struct source *src = NULL;
	struct counts *terms = NULL;
	struct outputs o;
	struct pipeline_options popt;
	struct pipeline_output pout;
	size_t skipped;
	int status = EXIT_USAGE;

	memset(&o, 0, sizeof(o));
	/* Everything is checked before anything is written. */
	if (lexicon_load_all(&lx, args->lexicons, args->nlexicons) < 0 || !(src = source_open(&args->in))
	    || output_is_corpus(args))
		goto out;
	status = EXIT_FAILED;
	if (open_outputs(args, &o) < 0)
		goto out;
	m = matcher_new(&lx);
	terms = o.f[OUT_TERMS] ? counts_new() : NULL;
	pout.scores = o.f[OUT_SCORES] ? stream(&o, OUT_SCORES) : stdout;
	/* A filter's rows go out a megabyte at a time, unless someone watches. */
	if (!o.f[OUT_SCORES] && !isatty(STDOUT_FILENO))
		setvbuf(stdout, stdout_buf, _IOFBF, sizeof(stdout_buf));
	pout.matches = stream(&o, OUT_MATCHES);
	pout.signatures = stream(&o, OUT_SIGNATURES);
	pout.terms = terms;
	write_headers(&lx, src, &pout);
	popt.jobs = args->jobs;
	popt.progress = !args->quiet && isatty(STDERR_FILENO);
	skipped = pipeline_run(src, &lx, m, &args->opt, &popt, &pout);
	if (terms)
		write_terms(terms, stream(&o, OUT_TERMS));
	if (commit_outputs(&o) == 0)
		status = skipped ? EXIT_FAILED : EXIT_OK;
	if (skipped)
		error("%zu article%s skipped", skipped, skipped == 1 ? "" : "s");
out:
	counts_free(terms);
	source_free(src);
	matcher_free(m);
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
