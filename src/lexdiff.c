/*
 * "framing lexicon diff" as a function (see lexdiff.h): one reading of the
 * source, each article scored with both lexicons, then three tables.
 */
#include "lexdiff.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "lexcheck.h"
#include "lexicon.h"
#include "lexrun.h"
#include "match.h"
#include "table.h"
#include "tally.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

void lexdiff_opts_init(struct lexdiff_opts *o)
{
	memset(o, 0, sizeof(*o));
	lexrun_opts_init(&o->tool);
}

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
	struct buf one_side;	/* categories of one lexicon only, for a line of their own */
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

/* Whether both lexicons have the category: only then has it a rank on both sides. */
static int ok_both(const struct diff_state *s, const char *cat)
{
	return lexicon_category(s->a, cat) >= 0 && lexicon_category(s->b, cat) >= 0;
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
		/* A rank that is NA on one side (a category the lexicon lacks) did not change. */
		if (r1 && r2 && r1 != r2)
			buf_addf(&s->changes, "%s%s %s %zu -> %zu", s->changes.len ? "; " : "", cat,
				 s->ta->groups[g].name, r1, r2);
	}
	if (!ok_both(s, cat))
		buf_addf(&s->one_side, "%s%s (%s only)", s->one_side.len ? ", " : "", cat,
			 lexicon_category(s->a, cat) >= 0 ? "old" : "new");
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

/* Whether category name has weights other than 1 in lx (no: lx lacks it). */
static int weighted_in(const struct lexicon *lx, const char *cat)
{
	long c = lexicon_category(lx, cat);
	return c >= 0 && lx->categories[c].weighted;
}

/* The weighted rate and score of category name in group g of tally t (NaN when absent). */
static double wrate_of(const struct tally *t, const struct lexicon *lx, const char *cat,
		       size_t g, double *score)
{
	long c = lexicon_category(lx, cat);
	*score = c < 0 ? NAN : t->groups[g].score[c];
	return c < 0 ? NAN : tally_wrate(t, g, (size_t)c);
}

/*
 * The rows of one category weighted in either lexicon: its score and
 * weighted rate (C_wrate) per group under both, and the group's rank by
 * it. A weight that changes moves these, not the counts.
 */
static void wrates_for(struct diff_state *s, struct table *t, const char *cat)
{
	size_t ng = s->ta->ngroups, g;
	double *ra = xcalloc(ng ? ng : 1, sizeof(*ra)), *rb = xcalloc(ng ? ng : 1, sizeof(*rb));
	double *sa = xcalloc(ng ? ng : 1, sizeof(*sa)), *sb = xcalloc(ng ? ng : 1, sizeof(*sb));

	for (g = 0; g < ng; g++) {
		ra[g] = wrate_of(s->ta, s->a, cat, g, &sa[g]);
		rb[g] = wrate_of(s->tb, s->b, cat, g, &sb[g]);
	}
	for (g = 0; g < ng; g++) {
		size_t r1 = rank_of(ra, ng, ra[g]), r2 = rank_of(rb, ng, rb[g]);
		table_add(t, s->ta->groups[g].name);
		table_add(t, cat);
		table_addf(t, "%zu", s->ta->groups[g].tokens);
		table_add_double(t, sa[g]);
		table_add_double(t, sb[g]);
		table_add_double(t, ra[g]);
		table_add_double(t, rb[g]);
		table_add_double(t, rb[g] - ra[g]);
		add_rank(t, r1);
		add_rank(t, r2);
		if (r1 && r2 && r1 != r2)
			buf_addf(&s->changes, "%s%s_wrate %s %zu -> %zu", s->changes.len ? "; " : "",
				 cat, s->ta->groups[g].name, r1, r2);
	}
	free(ra);
	free(rb);
	free(sa);
	free(sb);
}

/* The categories weighted in either lexicon; *any says whether there was one. */
static struct table *wrates_table(struct diff_state *s, int *any)
{
	struct table *t = table_new(10, "llrrrrrrrr");
	const char *head[] = { "outlet", "category", "tokens", "old_score", "new_score",
			       "old_wrate", "new_wrate", "change", "old_rank", "new_rank" };
	size_t i;

	*any = 0;
	for (i = 0; i < 10; i++)
		table_add(t, i == 0 ? s->ta->by : head[i]);
	for (i = 0; i < s->a->ncategories; i++) {
		const char *cat = s->a->categories[i].name;
		if (s->a->categories[i].weighted || weighted_in(s->b, cat)) {
			wrates_for(s, t, cat);
			*any = 1;
		}
	}
	for (i = 0; i < s->b->ncategories; i++) {
		const char *cat = s->b->categories[i].name;
		if (s->b->categories[i].weighted && lexicon_category(s->a, cat) < 0) {
			wrates_for(s, t, cat);
			*any = 1;
		}
	}
	return t;
}

/* Index of the index named name in lx, or -1. */
static long index_of(const struct lexicon *lx, const char *name)
{
	size_t k;
	for (k = 0; k < lx->nindices; k++)
		if (!strcmp(lx->indices[k].name, name))
			return (long)k;
	return -1;
}

/* The mean of index name in group g of tally t (NaN when lx does not declare it). */
static double index_mean_of(const struct tally *t, const struct lexicon *lx, const char *name,
			    size_t g)
{
	long k = index_of(lx, name);
	return k < 0 ? NAN : tally_index_mean(t, g, (size_t)k);
}

/* The rows of one declared index: its mean per group under both, and the group's rank. */
static void index_for(struct diff_state *s, struct table *t, const char *name)
{
	size_t ng = s->ta->ngroups, g;
	double *ma = xcalloc(ng ? ng : 1, sizeof(*ma)), *mb = xcalloc(ng ? ng : 1, sizeof(*mb));

	for (g = 0; g < ng; g++) {
		ma[g] = index_mean_of(s->ta, s->a, name, g);
		mb[g] = index_mean_of(s->tb, s->b, name, g);
	}
	for (g = 0; g < ng; g++) {
		size_t r1 = rank_of(ma, ng, ma[g]), r2 = rank_of(mb, ng, mb[g]);
		table_add(t, s->ta->groups[g].name);
		table_add(t, name);
		table_add_double(t, ma[g]);
		table_add_double(t, mb[g]);
		table_add_double(t, mb[g] - ma[g]);
		add_rank(t, r1);
		add_rank(t, r2);
		if (r1 && r2 && r1 != r2)
			buf_addf(&s->changes, "%s%s %s %zu -> %zu", s->changes.len ? "; " : "", name,
				 s->ta->groups[g].name, r1, r2);
	}
	if (index_of(s->a, name) < 0 || index_of(s->b, name) < 0)
		buf_addf(&s->one_side, "%s%s (%s only)", s->one_side.len ? ", " : "", name,
			 index_of(s->a, name) >= 0 ? "old" : "new");
	free(ma);
	free(mb);
}

/* Every index declared in either lexicon, by name: the old one's order, then the new ones. */
static struct table *indices_table(struct diff_state *s)
{
	struct table *t = table_new(7, "llrrrrr");
	const char *head[] = { "outlet", "index", "old_mean", "new_mean", "change", "old_rank",
			       "new_rank" };
	size_t i;

	for (i = 0; i < 7; i++)
		table_add(t, i == 0 ? s->ta->by : head[i]);
	for (i = 0; i < s->a->nindices; i++)
		index_for(s, t, s->a->indices[i].name);
	for (i = 0; i < s->b->nindices; i++)
		if (index_of(s->a, s->b->indices[i].name) < 0)
			index_for(s, t, s->b->indices[i].name);
	return t;
}

/*
 * A table under its heading; --tsv prints every table, header only when it
 * has no rows, so scripts find the same tables a blank line apart.
 */
static void print_one(struct table *t, const char *heading, const char *none, int empty,
		      int tsv)
{
	if (tsv)
		putchar('\n');
	else if (empty)
		printf("\n%s\n", none);
	else
		printf("\n%s\n", heading);
	if (tsv || !empty)
		table_print(t, stdout, tsv);
	table_free(t);
}

/* The four tables and, as text, the line on rank changes. */
static void print_tables(const struct lexdiff_opts *o, struct diff_state *s)
{
	struct table *t;
	int any;

	if (!o->tool.tsv) {
		struct buf a = BUF_INIT, b = BUF_INIT;
		printf("entries (%s -> %s)\n", buf_shown(&a, o->old_lexicon),
		       buf_shown(&b, o->new_lexicon));
		buf_release(&a);
		buf_release(&b);
	}
	t = entries_table(s->a, s->ta, s->b, s->tb);
	table_print(t, stdout, o->tool.tsv);
	table_free(t);
	print_one(rates_table(s), "rates per 1,000 tokens", "", 0, o->tool.tsv);
	t = wrates_table(s, &any);
	print_one(t, "weighted rates: summed weights (score) per 1,000 tokens, of the "
		  "categories with weights", "no category has a weight other than 1 in either "
		  "lexicon", !any, o->tool.tsv);
	print_one(indices_table(s), "mean per article of each index (@index), rank 1 = the "
		  "highest mean", "no index (@index) in either lexicon",
		  !s->a->nindices && !s->b->nindices, o->tool.tsv);
	if (o->tool.tsv)
		return;
	printf("\n%s%s\n", s->changes.len ? "ranks changed: " : "no rank changed: the order of "
	       "outlets is the same under both lexicons", buf_str(&s->changes));
	if (s->one_side.len)
		printf("in one lexicon only, so no rank to compare: %s\n", s->one_side.data);
}

int lexdiff_run(const struct lexdiff_opts *o)
{
	struct lexicon a = LEXICON_INIT, b = LEXICON_INIT;
	struct source *src = NULL;
	struct lexrun_pass passes[2];
	struct matcher *ma = NULL, *mb = NULL;
	struct tally *ta = NULL, *tb = NULL;
	struct diff_state s;
	struct score_options use = o->tool.opt;
	int bad, status = EXIT_USAGE;

	util_set_quiet(o->tool.quiet);
	memset(&s, 0, sizeof(s));
	/* Both lexicons are loaded, so that the errors of both are reported. */
	bad = lexicon_load(&a, o->old_lexicon) < 0 || lexicon_resolve(&a) < 0;
	bad |= lexicon_load(&b, o->new_lexicon) < 0 || lexicon_resolve(&b) < 0;
	if (bad || !(src = lexrun_open(&o->tool.in, o->tool.by, &o->tool.opt, &use)))
		goto out;
	ma = matcher_new(&a);
	mb = matcher_new(&b);
	ta = tally_new(&a, o->tool.by);
	tb = tally_new(&b, o->tool.by);
	/* One reading, each article scored with both: a stream is read once. */
	passes[0] = (struct lexrun_pass){ &a, ma, tally_article, ta };
	passes[1] = (struct lexrun_pass){ &b, mb, tally_article, tb };
	status = lexrun_run(src, &use, passes, 2) ? EXIT_FAILED : EXIT_OK;
	s.ta = ta;
	s.tb = tb;
	s.a = &a;
	s.b = &b;
	print_tables(o, &s);
	buf_release(&s.changes);
	buf_release(&s.one_side);
out:
	tally_free(ta);
	tally_free(tb);
	matcher_free(ma);
	matcher_free(mb);
	lexrun_close(src, &use);
	lexicon_release(&a);
	lexicon_release(&b);
	return status;
}
