/*
 * framing stats: per-group statistics of scores.tsv (outlets.tsv),
 * pairwise comparisons (compare.tsv), omnibus tests (tests.tsv) and
 * keyness (keyness.tsv). This file parses the options; stats_run
 * (statsrun.c) does the work.
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "effects.h"
#include "options.h"
#include "statsrun.h"
#include "util.h"
#include "banned.h"

static const char usage[] =
	"usage: framing stats [SCORES.tsv ...] [-o DIR] [--by COLUMN] [--group-map FILE]\n"
	"                     [--all-pairs-max N] [--reference GROUP] [--compare A,B]\n"
	"                     [--pairs FILE] [--seed N] [--bootstrap B] [--permutations P]\n"
	"                     [--perm-max N] [--perm-budget W] [--keyness-top N]\n"
	"                     [--alpha0 A] [-j N] [--dedup] [--within COLUMN]\n"
	"                     [--adjust date|length] [-q]\n"
	"                     [--stories [--story-window DAYS] [--story-threshold X]]\n"
	"\n"
	"Reads one or more scores.tsv files (shards of one corpus, read as one\n"
	"table; default output/scores.tsv) and writes to DIR (default output):\n"
	"  outlets.tsv   per group and metric: pooled rate with its article-level\n"
	"                (HC1) interval and the exact Poisson one beside it,\n"
	"                dispersion, mean, sd, t-interval, median, BCa bootstrap\n"
	"                interval of the mean\n"
	"  compare.tsv   pairs of groups (every pair up to --all-pairs-max groups;\n"
	"                beyond, each group against the rest of the corpus, named\n"
	"                (rest), and against the reference group; and the pairs\n"
	"                named with --compare and --pairs): Welch t, Mann-Whitney U,\n"
	"                permutation p, Cohen's d, rate ratio with its article-level\n"
	"                (HC1) interval and p and the exact interval beside it,\n"
	"                Holm-adjusted p\n"
	"  tests.tsv     Kruskal-Wallis per metric, chi-square groups x categories\n"
	"                with p from relabelling whole articles (all groups)\n"
	"  effects.tsv   with --within: each outlet against the reference within\n"
	"                stories (Poisson model of C_matches, linear model of the\n"
	"                stance, story fixed effects, errors clustered by story)\n"
	"  keyness.tsv   log-odds with informative Dirichlet prior, per outlet vs\n"
	"                the rest: the --keyness-top terms of each outlet, the\n"
	"                lexicon's terms and entries, from terms.tsv and\n"
	"                matches.tsv beside the scores\n"
	"Metrics: C_rate and C_own_rate (per 1,000 tokens) per lexicon category C,\n"
	"and stance. Values that cannot be computed are NA, with the reason in the\n"
	"note column. Articles without tokens are left out.\n"
	"\n"
	"options:\n"
	"  -o, --output DIR      output folder (default output)\n"
	"  --by COLUMN           group by this scores.tsv column (default outlet);\n"
	"                        keyness always groups by outlet\n"
	"  --group-map FILE      regroup the --by values by a TSV with a header:\n"
	"                        columns outlet and group, or any two columns\n"
	"                        (value, then its group); values it does not name\n"
	"                        stay their own group (see --unmapped-na)\n"
	"  --unmapped-na         group values the map does not name as NA\n"
	"  --all-pairs-max N     compare every pair up to N groups (default 30)\n"
	"  --reference GROUP     beyond --all-pairs-max, the group each group is\n"
	"                        compared with (default: the one with most articles)\n"
	"  --compare A,B         compare groups A and B too (repeatable)\n"
	"  --pairs FILE          compare the pairs of a TSV with a header (columns\n"
	"                        group_a and group_b, or any two columns)\n"
	"  --seed N              seed of bootstrap and permutations (default 1)\n"
	"  --bootstrap B         bootstrap resamples, 0 = none (default 10000)\n"
	"  --permutations P      label shuffles per pair and relabellings of the\n"
	"                        groups x categories test, 0 = none (default\n"
	"                        10000); exact when there are at most P splits\n"
	"  --perm-max N          skip permutations (NA) when a pair has more than N\n"
	"                        articles (default 2000): Welch and Mann-Whitney are\n"
	"                        reliable there and shuffling would take minutes\n"
	"  --perm-budget W       articles x relabellings allowed (default 2e8): the\n"
	"                        groups x categories test uses W / articles\n"
	"                        relabellings when fewer than P (at least 99), and\n"
	"                        beyond --all-pairs-max groups the pairs share W\n"
	"  --keyness-top N       token rows per outlet in keyness.tsv, highest z\n"
	"                        first (default 100; 0 = every term)\n"
	"  -j, --jobs N          bootstrap groups and shuffle pairs in N threads,\n"
	"                        keyness beside them when N > 1 (default: the\n"
	"                        number of processors); the numbers do not\n"
	"                        depend on N (--threads N is the same)\n"
	"  --alpha0 A            keyness prior size (default: the corpus token count)\n"
	"  --dedup               keep one article (the earliest) of each cluster of\n"
	"                        near-duplicates (written to DIR/duplicates.tsv from\n"
	"                        the signatures.tsv beside the scores)\n"
	"  --stories             group the articles into stories (DIR/stories.tsv):\n"
	"                        dated at most --story-window days apart, content\n"
	"                        words alike (signatures.tsv beside the scores)\n"
	"  --story-window DAYS   the most days a story spans (default 3)\n"
	"  --story-threshold X   the least estimated Jaccard similarity of the\n"
	"                        content words of two linked articles (default 0.2)\n"
	"  --within COLUMN       write effects.tsv, the stories being the values of\n"
	"                        this scores.tsv column (e.g. story; NA or empty:\n"
	"                        no story, left out); the reference is --reference\n"
	"  --adjust date|length  with --within, adjust for the date (natural spline,\n"
	"                        4 df) or the length (log tokens); repeatable\n"
	"  -q, --quiet           no warnings (errors are still printed)\n"
	"\n"
	"example: framing stats output/scores.tsv -o output --by wire --seed 7\n";

/* --adjust date, length or both (repeated, or "date,length"); only with --within. */
static int parse_adjust(const struct options_list *l, struct stats_run_opts *o)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		const char *s = l->items[i];
		if (!strcmp(s, "date"))
			o->adjust |= EFFECTS_ADJUST_DATE;
		else if (!strcmp(s, "length"))
			o->adjust |= EFFECTS_ADJUST_LENGTH;
		else if (!strcmp(s, "date,length") || !strcmp(s, "length,date"))
			o->adjust |= EFFECTS_ADJUST_DATE | EFFECTS_ADJUST_LENGTH;
		else
			return error("--adjust: '%s' is not date or length", s);
	}
	if (o->adjust && !o->within)
		return error("--adjust goes with --within COLUMN");
	if (o->within && !*o->within)
		return error("--within: empty column name");
	return 0;
}

int cmd_stats(int argc, char **argv)
{
	struct stats_run_opts o;
	struct options_args args;
	struct options_list compare = { NULL, 0, 0 }, adjust = { NULL, 0, 0 };
	long seed = 1, jobs;
	const struct option_spec specs[] = {
		OPT_STRING('o', "output", &o.outdir),
		OPT_STRING(0, "by", &o.by),
		OPT_LONG(0, "seed", &seed, 0, 4294967295L),
		OPT_SIZE(0, "bootstrap", &o.bootstrap, 0, 10000000),
		OPT_SIZE(0, "permutations", &o.permutations, 0, 10000000),
		OPT_SIZE(0, "perm-max", &o.perm_max, 0, 100000000),
		OPT_DOUBLE(0, "perm-budget", &o.perm_budget, 0, 0),
		OPT_STRING(0, "group-map", &o.group_map),
		OPT_FLAG(0, "unmapped-na", &o.unmapped_na),
		OPT_SIZE(0, "all-pairs-max", &o.all_pairs_max, 0, 100000000),
		OPT_STRING(0, "reference", &o.reference),
		OPT_STRINGS(0, "compare", &compare),
		OPT_STRING(0, "pairs", &o.pairs_file),
		OPT_SIZE(0, "keyness-top", &o.keyness_top, 0, 100000000),
		OPT_DOUBLE(0, "alpha0", &o.alpha0, 0, 0),
		/* Documented as --threads before the commands agreed on --jobs. */
		OPT_LONG_ALIAS('j', "jobs", "threads", &jobs, 1, 256),
		OPT_FLAG(0, "dedup", &o.dedup),
		OPT_FLAG(0, "stories", &o.stories),
		OPT_LONG(0, "story-window", &o.story_window, 0, 36500),
		OPT_DOUBLE(0, "story-threshold", &o.story_threshold, 0, 0),
		OPT_STRING(0, "within", &o.within),
		OPT_STRINGS(0, "adjust", &adjust),
		OPT_QUIET(&o.quiet),
		OPT_HELP(),
		OPT_END(),
	};
	enum options_result r;
	int status;

	stats_run_opts_init(&o);
	jobs = (long)o.jobs;
	r = options_parse(argc, argv, specs, usage, &args);
	if (r != OPTIONS_OK)
		return options_exit_status(r);
	if (args.n > 0) {
		o.files = args.v;
		o.nfiles = (size_t)args.n;
	}
	o.seed = (unsigned long)seed;
	o.compare = compare.items;
	o.ncompare = compare.n;
	o.jobs = (size_t)jobs;
	if (parse_adjust(&adjust, &o) < 0) {
		options_release(specs, &args);
		return EXIT_USAGE;
	}
	/* A share of bins: options.h bounds doubles from below only. */
	if (o.story_threshold > 1) {
		error("option '--story-threshold': '%g' is above 1", o.story_threshold);
		status = EXIT_USAGE;
	} else {
		status = stats_run(&o);
	}
	options_release(specs, &args);
	return status;
}
