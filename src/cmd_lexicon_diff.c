/*
 * framing lexicon diff OLD NEW CORPUS|--jsonl FILE: what an edit of a lexicon changes,
 * from the entries to the conclusions: rates, stance and the ranking of
 * outlets.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd_lexicon.h"
#include "lexcheck.h"
#include "lexicon.h"
#include "lexrun.h"
#include "match.h"
#include "table.h"
#include "tally.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

static const char usage[] =
	"usage: framing lexicon diff [--by COLUMN] [--tsv] [--no-clean] [--no-negation]\n"
	"                            [--max-article-bytes N] OLD NEW CORPUS\n"
	"       framing lexicon diff [OPTIONS] --jsonl FILE|- OLD NEW\n"
	"\n"
	"Scores CORPUS (or JSON Lines, read once) with the lexicon OLD and with NEW\n"
	"and shows what the edit changed, to answer \"did my edit change any\n"
	"conclusion?\":\n"
	"  entries   added, removed, weight changed, and entries whose count moved\n"
	"            (a removed phrase hands its words to other entries), with their\n"
	"            counted matches (negated ones are not counted) under OLD and NEW\n"
	"  rates     per outlet and category: matches and the rate per 1,000\n"
	"            tokens under OLD and NEW, the change, and the outlet's rank\n"
	"            (1 = highest rate) under OLD and NEW\n"
	"  stance    per outlet: mean stance, log((acc + 0.5) / (conc + 0.5)) per\n"
	"            article, under OLD and NEW, with rank (1 = most accusatory)\n"
	"A last line says whether any rank changed.\n"
	"\n"
	"      --by COLUMN    compare groups of this column (manifest column or JSON\n"
	"                     field), not outlets\n"
	"      --tsv          the three tables tab-separated, a blank line apart\n"
	"      --no-clean     score boilerplate lines too\n"
	"      --no-negation  never mark matches negated\n"
	"      --jsonl FILE   read JSON Lines (- for standard input), as framing score\n"
	"      --max-article-bytes N  skip larger articles with a message (default\n"
	"                     52428800, 50 MB), as framing score\n"
	"\n"
	"example: framing lexicon diff lexicons/stance.lex my-stance.lex corpus/seeds\n";

/* Index of the entry of other equal to e (same category name and words). */
static long find_entry(const struct lexicon *other, const struct lexicon *lx,
		       const struct lex_entry *e)
{
	size_t i;
	for (i = 0; i < other->nentries; i++) {
		const struct lex_entry *f = &other->entries[i];
		if (!strcmp(other->categories[f->category].name, lx->categories[e->category].name)
		    && lexcheck_same(f, e))
			return (long)i;
	}
	return -1;
}

static void entry_row(struct table *t, const char *kind, const struct lexicon *lx,
		      const struct lex_entry *e, const char *oldv, const char *newv)
{
	table_add(t, kind);
	table_add(t, lx->categories[e->category].name);
	table_add(t, e->written);
	table_add(t, oldv);
	table_add(t, newv);
}

static struct table *entries_table(const struct lexicon *a, const struct tally *ta,
				   const struct lexicon *b, const struct tally *tb)
{
	struct table *t = table_new(5, "lllrr");
	char o[32], n[32];
	size_t i;

	table_add(t, "change");
	table_add(t, "category");
	table_add(t, "entry");
	table_add(t, "old");
	table_add(t, "new");
	for (i = 0; i < a->nentries; i++) {
		long j = find_entry(b, a, &a->entries[i]);
		snprintf(o, sizeof(o), "%zu", ta->entries[i].counted);
		if (j < 0) {
			entry_row(t, "removed", a, &a->entries[i], o, "-");
			continue;
		}
		snprintf(n, sizeof(n), "%zu", tb->entries[j].counted);
		if (a->entries[i].weight != b->entries[j].weight) {
			char w[80];
			snprintf(w, sizeof(w), "weight %g -> %g", a->entries[i].weight,
				 b->entries[j].weight);
			entry_row(t, w, a, &a->entries[i], o, n);
		} else if (ta->entries[i].counted != tb->entries[j].counted) {
			entry_row(t, "count moved", a, &a->entries[i], o, n);
		}
	}
	for (i = 0; i < b->nentries; i++) {
		if (find_entry(a, b, &b->entries[i]) >= 0)
			continue;
		snprintf(n, sizeof(n), "%zu", tb->entries[i].counted);
		entry_row(t, "added", b, &b->entries[i], "-", n);
	}
	return t;
}

/* Rank of value v among vals (1 = largest); NaN ranks last as NA (0). */
static size_t rank_of(const double *vals, size_t n, double v)
{
	size_t i, r = 1;
	if (isnan(v))
		return 0;
	for (i = 0; i < n; i++)
		if (!isnan(vals[i]) && vals[i] > v)
			r++;
	return r;
}

static void add_rank(struct table *t, size_t r)
{
	if (r)
		table_addf(t, "%zu", r);
	else
		table_add(t, "NA");
}

struct diff_state {
	const struct tally *ta, *tb;
	const struct lexicon *a, *b;
	struct buf changes;	/* rank changes, for the last line */
};

/* The value of category name in group g of tally t (NaN when absent). */
static double rate_of(const struct tally *t, const struct lexicon *lx, const char *cat, size_t g)
{
	long c = lexicon_category(lx, cat);
	return c < 0 ? NAN : tally_rate(t, g, (size_t)c);
}

static size_t matches_of(const struct tally *t, const struct lexicon *lx, const char *cat,
			 size_t g, int *ok)
{
	long c = lexicon_category(lx, cat);
	*ok = c >= 0;
	return c < 0 ? 0 : t->groups[g].matches[c];
}

static void add_count(struct table *t, size_t n, int ok)
{
	if (ok)
		table_addf(t, "%zu", n);
	else
		table_add(t, "NA");
}

static void rates_for(struct diff_state *s, struct table *t, const char *cat)
{
	size_t ng = s->ta->ngroups, g;
	double *ra = xcalloc(ng ? ng : 1, sizeof(*ra)), *rb = xcalloc(ng ? ng : 1, sizeof(*rb));

	/* Both tallies saw the same articles in the same order: groups line up. */
	for (g = 0; g < ng; g++) {
		ra[g] = rate_of(s->ta, s->a, cat, g);
		rb[g] = rate_of(s->tb, s->b, cat, g);
	}
	for (g = 0; g < ng; g++) {
		size_t r1 = rank_of(ra, ng, ra[g]), r2 = rank_of(rb, ng, rb[g]);
		int ok1, ok2;
		size_t m1 = matches_of(s->ta, s->a, cat, g, &ok1), m2 = matches_of(s->tb, s->b, cat, g, &ok2);
		table_add(t, s->ta->groups[g].name);
		table_add(t, cat);
		table_addf(t, "%zu", s->ta->groups[g].tokens);
		add_count(t, m1, ok1);
		add_count(t, m2, ok2);
		table_add_double(t, ra[g]);
		table_add_double(t, rb[g]);
		table_add_double(t, rb[g] - ra[g]);
		add_rank(t, r1);
		add_rank(t, r2);
		if (r1 != r2)
			buf_addf(&s->changes, "%s%s %s %zu -> %zu", s->changes.len ? "; " : "", cat,
				 s->ta->groups[g].name, r1, r2);
	}
	free(ra);
	free(rb);
}

static struct table *rates_table(struct diff_state *s)
{
	struct table *t = table_new(10, "llrrrrrrrr");
	const char *head[] = { "outlet", "category", "tokens", "old_matches", "new_matches",
			       "old_rate", "new_rate", "change", "old_rank", "new_rank" };
	size_t i;

	for (i = 0; i < 10; i++)
		table_add(t, i == 0 ? s->ta->by : head[i]);
	for (i = 0; i < s->a->ncategories; i++)
		rates_for(s, t, s->a->categories[i].name);
	for (i = 0; i < s->b->ncategories; i++)
		if (lexicon_category(s->a, s->b->categories[i].name) < 0)
			rates_for(s, t, s->b->categories[i].name);
	return t;
}

static struct table *stance_table(struct diff_state *s)
{
	struct table *t = table_new(6, "lrrrrr");
	size_t ng = s->ta->ngroups, g;
	double *sa = xcalloc(ng ? ng : 1, sizeof(*sa)), *sb = xcalloc(ng ? ng : 1, sizeof(*sb));

	table_add(t, s->ta->by);
	table_add(t, "old_stance");
	table_add(t, "new_stance");
	table_add(t, "change");
	table_add(t, "old_rank");
	table_add(t, "new_rank");
	for (g = 0; g < ng; g++) {
		sa[g] = tally_stance(s->ta, g);
		sb[g] = tally_stance(s->tb, g);
	}
	for (g = 0; g < ng; g++) {
		size_t r1 = rank_of(sa, ng, sa[g]), r2 = rank_of(sb, ng, sb[g]);
		table_add(t, s->ta->groups[g].name);
		table_add_double(t, sa[g]);
		table_add_double(t, sb[g]);
		table_add_double(t, sb[g] - sa[g]);
		add_rank(t, r1);
		add_rank(t, r2);
		if (r1 != r2)
			buf_addf(&s->changes, "%sstance %s %zu -> %zu", s->changes.len ? "; " : "",
				 s->ta->groups[g].name, r1, r2);
	}
	free(sa);
	free(sb);
	return t;
}

int cmd_lexicon_diff(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "by", required_argument, NULL, 'b' },
		{ "tsv", no_argument, NULL, 't' },
		{ "no-clean", no_argument, NULL, 'C' },
		{ "no-negation", no_argument, NULL, 'N' },
		{ "jsonl", required_argument, NULL, 'J' },
		{ "max-article-bytes", required_argument, NULL, 'B' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct lexicon a = LEXICON_INIT, b = LEXICON_INIT;
	struct source_options in = SOURCE_OPTIONS_INIT;
	struct source *src = NULL;
	struct lexrun_pass passes[2];
	struct score_options opt = { 1, 1 };
	struct matcher *ma = NULL, *mb = NULL;
	struct tally *ta = NULL, *tb = NULL;
	struct diff_state s;
	struct table *t;
	const char *by = "outlet";
	int ch, tsv = 0, bad, status = EXIT_USAGE;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'b': by = optarg; break;
		case 't': tsv = 1; break;
		case 'C': opt.clean = 0; break;
		case 'N': opt.negation = 0; break;
		case 'J': in.jsonl = optarg; break;
		case 'B':
			if (source_parse_max_bytes(&in, optarg) < 0)
				return EXIT_USAGE;
			break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: fputs(usage, stderr); return EXIT_USAGE;
		}
	}
	if (argc - optind != (in.jsonl ? 2 : 3)) {
		error(in.jsonl ? "lexicon diff --jsonl FILE needs OLD and NEW"
			       : "lexicon diff needs OLD, NEW and CORPUS");
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	memset(&s, 0, sizeof(s));
	/* Both lexicons are loaded, so that the errors of both are reported. */
	bad = lexicon_load(&a, argv[optind]) < 0;
	bad |= lexicon_load(&b, argv[optind + 1]) < 0;
	if (!in.jsonl)
		in.dir = argv[optind + 2];
	if (bad || !(src = lexrun_open(&in, by)))
		goto out;
	ma = matcher_new(&a);
	mb = matcher_new(&b);
	ta = tally_new(&a, by);
	tb = tally_new(&b, by);
	/* One reading, each article scored with both: a stream is read once. */
	passes[0] = (struct lexrun_pass){ &a, ma, tally_article, ta };
	passes[1] = (struct lexrun_pass){ &b, mb, tally_article, tb };
	status = lexrun_run(src, &opt, passes, 2) ? EXIT_FAILED : EXIT_OK;
	s.ta = ta;
	s.tb = tb;
	s.a = &a;
	s.b = &b;

	if (!tsv)
		printf("entries (%s -> %s)\n", argv[optind], argv[optind + 1]);
	t = entries_table(&a, ta, &b, tb);
	table_print(t, stdout, tsv);
	table_free(t);
	printf(tsv ? "\n" : "\nrates per 1,000 tokens\n");
	t = rates_table(&s);
	table_print(t, stdout, tsv);
	table_free(t);
	printf(tsv ? "\n" : "\nmean stance\n");
	t = stance_table(&s);
	table_print(t, stdout, tsv);
	table_free(t);
	if (!tsv)
		printf("\n%s%s\n", s.changes.len ? "ranks changed: " : "no rank changed: the order of "
		       "outlets is the same under both lexicons", buf_str(&s.changes));
	buf_release(&s.changes);
out:
	tally_free(ta);
	tally_free(tb);
	matcher_free(ma);
	matcher_free(mb);
	source_free(src);
	lexicon_release(&a);
	lexicon_release(&b);
	return status;
}
