/*
 * framing score CORPUS: scores every article against the lexicons and
 * writes scores.tsv, matches.tsv, terms.tsv, signatures.tsv and
 * categories.tsv to the output folder. This
 * file parses the options; score_run (scorerun.c) does the work.
 */
#include <stdio.h>

#include "cmd.h"
#include "options.h"
#include "scorerun.h"
#include "sourceopts.h"
#include "templates.h"
#include "util.h"
#include "banned.h"

static const char usage[] =
	"usage: framing score [-l LEXICON]... [-o DIR] [-j N] [--no-clean] [--no-negation]\n"
	"                     [--max-article-bytes N] [-q] CORPUS\n"
	"       framing score --jsonl FILE|- [--stdout] [--matches FILE] [--terms FILE]\n"
	"                     [--signatures FILE] [--categories FILE] [--targets FILE] ...\n"
	"       framing score --warc FILE... [--lang CODE] [--url-pattern GLOB]\n"
	"                     [--outlets FILE.tsv [--drop-unlisted]] [--max-articles N] ...\n"
	"\n"
	"Scores every article of CORPUS (a folder with manifest.tsv, or with one\n"
	"folder of .txt files per outlet) or of a JSON Lines file (one article per\n"
	"line: {\"id\",\"outlet\",\"date\",\"title\",\"text\",...}; - reads stdin) and writes\n"
	"DIR/scores.tsv (one row per article), DIR/matches.tsv (one row per match),\n"
	"DIR/terms.tsv (word counts per outlet, for keyness), DIR/signatures.tsv\n"
	"(MinHash signatures, from which framing stats finds near-duplicates),\n"
	"DIR/categories.tsv (the lexicons' categories and indices, for stats) and\n"
	"DIR/targets.tsv (the matches of each category by the actors their\n"
	"sentence names: an actor, several or none).\n"
	"\n"
	"  -l, --lexicon FILE  a lexicon to use; repeat for several (default: every\n"
	"                      .lex file in lexicons/)\n"
	"  -o, --output DIR    the output folder (default: output)\n"
	"  -j, --jobs N        worker threads (default: the number of cores); the\n"
	"                      output is the same for every N\n"
	"      --jsonl FILE    read JSON Lines instead of a corpus folder\n"
	"      --csv FILE      read CSV instead (a header naming text or html,\n"
	"                      outlet, id, date, title; --delimiter ; or tab)\n"
	"      --warc FILE...  read WARC files (.warc, .warc.gz): HTML and text pages\n"
	"                      of response and resource records; id WARC-Record-ID,\n"
	"                      outlet the host, a url column\n"
	"      --lang CODE     with --warc: keep pages in that language (<html lang>,\n"
	"                      Content-Language, or the script of the text)\n"
	"      --url-pattern GLOB  with --warc: keep pages whose URI matches\n"
	"      --outlets FILE.tsv  with --warc: host (or domain) -> outlet table\n"
	"      --drop-unlisted with --outlets: drop hosts it does not list\n"
	"      --max-articles N  with --warc: stop after N articles\n"
	"      --stdout        write scores.tsv rows to standard output, as a filter\n"
	"                      (with --matches FILE and --terms FILE for the others)\n"
	"      --matches FILE  with --stdout: also write matches.tsv to FILE\n"
	"      --terms FILE    with --stdout: also write terms.tsv to FILE\n"
	"      --signatures FILE  with --stdout: also write signatures.tsv to FILE\n"
	"      --categories FILE  with --stdout: also write categories.tsv to FILE\n"
	"      --targets FILE  with --stdout: also write targets.tsv to FILE\n"
	"      --no-clean      score every line, boilerplate included\n"
	TEMPLATES_USAGE
	"      --no-negation   count negated matches like the others\n"
	"      --max-article-bytes N  skip larger articles with a message (default\n"
	"                      52428800, 50 MB; 0 for the most framing can\n"
	"                      score, " SOURCE_STR(SOURCE_MAX_ARTICLE_BYTES) ")\n"
	"  -q, --quiet         no warnings, no progress line (errors are still\n"
	"                      printed)\n"
	"\n"
	"examples: framing score corpus/seeds -o output\n"
	"          framing score --jsonl articles.jsonl --stdout > scores.tsv\n"
	"          framing score --warc CC-NEWS-*.warc.gz --lang en -o output\n";

/* The operands and the options that only go together; -1 after a message. */
static int check_args(struct score_run_opts *o, struct options_args *args)
{
	if (sourceopts_corpus(&o->in, args, 0, NULL, usage) != OPTIONS_OK)
		return -1;
	if (!o->to_stdout && (o->matches_file || o->terms_file || o->signatures_file
			      || o->categories_file || o->targets_file)) {
		error("--matches, --terms, --signatures, --categories and --targets go with --stdout; "
		      "without it they are written to -o DIR");
		fputs(usage, stderr);
		return -1;
	}
	return 0;
}

int cmd_score(int argc, char **argv)
{
	struct score_run_opts o;
	struct options_list lex = { NULL, 0, 0 };
	struct options_args args;
	long jobs;
	int status;
	const struct option_spec specs[] = {
		OPT_STRINGS('l', "lexicon", &lex),
		OPT_STRING('o', "output", &o.outdir),
		OPT_LONG('j', "jobs", &jobs, 1, 256),
		OPT_FLAG(0, "stdout", &o.to_stdout),
		OPT_STRING(0, "matches", &o.matches_file),
		OPT_STRING(0, "terms", &o.terms_file),
		OPT_STRING(0, "signatures", &o.signatures_file),
		OPT_STRING(0, "categories", &o.categories_file),
		OPT_STRING(0, "targets", &o.targets_file),
		OPT_SCORING(&o.opt),
		OPT_SOURCE(&o.in),
		OPT_WARC_LANG(&o.in),
		OPT_TEMPLATES(&o.opt.templates),
		OPT_QUIET(&o.quiet),
		OPT_HELP(),
		OPT_END(),
	};
	enum options_result r;

	score_run_opts_init(&o);
	jobs = o.jobs;
	r = options_parse(argc, argv, specs, usage, &args);
	if (r != OPTIONS_OK)
		return options_exit_status(r);
	if (check_args(&o, &args) < 0) {
		status = EXIT_USAGE;
		goto out;
	}
	o.lexicons = lex.items;
	o.nlexicons = lex.n;
	o.jobs = (int)jobs;
	status = score_run(&o);
out:
	options_release(specs, &args);
	return status;
}
