/*
 * outlets.tsv, compare.tsv and tests.tsv from the model of "framing stats"
 * (see stattables.h): this file arranges and formats; the numbers come
 * from the model and the stats module.
 */
#include "stattables.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fsutil.h"
#include "outfile.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

/* Appends "what: why" to a note, "; "-separated; nothing when why is NULL. */
static void note_add(struct buf *note, const char *what, const char *why)
{
	if (!why)
		return;
	if (note->len)
		buf_adds(note, "; ");
	buf_addf(note, "%s: %s", what, why);
}

static void row_num(struct buf *line, double v)
{
	buf_addch(line, '\t');
	buf_add_double(line, v);
}

static void row_str(struct buf *line, const char *s)
{
	if (line->len)
		buf_addch(line, '\t');
	buf_add_tsv_field(line, s, strlen(s));
}

static void row_end(struct buf *line, struct buf *note, FILE *f)
{
	row_str(line, note->len ? note->data : "");
	buf_addch(line, '\n');
	fwrite(line->data, 1, line->len, f);
	buf_reset(line);
	buf_reset(note);
}

typedef void (*writer_fn)(const struct statmodel *sm, FILE *f);

static int write_table(const struct statmodel *sm, const char *outdir, const char *name,
		       const char *header, writer_fn fn)
{
	char *path = path_join(outdir, name);
	struct outfile *out = outfile_open(path);
	int ret;

	free(path);
	if (!out)
		return -1;
	fputs(header, outfile_stream(out));
	fn(sm, outfile_stream(out));
	ret = outfile_commit(out);
	return ret;
}

/* ---- outlets.tsv ---- */

/*
 * The rate columns of one row: tokens count rate rate_lo rate_hi
 * rate_lo_poisson rate_hi_poisson dispersion. The headline interval is
 * the article-level (HC1) one; where it is undefined (no matches, one
 * article) it stays NA and the note says why: the exact Poisson interval
 * assumes independent matches and, on bursty text, is over-confident.
 */
static void outlets_rate(const struct statmodel *sm, size_t g, size_t j, struct buf *line, struct buf *note)
{
	double count, tokens, lo, hi;
	struct stats_rate r;
	const char *why, *pwhy;
	size_t i;

	if (statmodel_is_index(sm, j)) {
		row_num(line, sm->group_tokens[g]);
		for (i = 0; i < 7; i++)
			row_num(line, NAN);
		return;
	}
	statmodel_pooled(sm, g, j, &count, &tokens);
	if (statmodel_is_wrate(sm, j)) {
		/* Weighted matches are no Poisson count: only the article-level interval. */
		lo = hi = NAN;
		pwhy = NULL;
	} else {
		pwhy = stats_poisson_ci(count, tokens, &lo, &hi);
	}
	why = stats_rate_hc1(statmodel_rate_sums(sm, g, j), &r);
	if (why && !isnan(r.rate))
		buf_addf(note, "%srate: %s, so no article-level interval%s", note->len ? "; " : "",
			 why, statmodel_is_wrate(sm, j) ? "" : " (rate_lo_poisson and "
			 "rate_hi_poisson assume independent matches)");
	else
		note_add(note, "rate", why);
	note_add(note, "rate_poisson", why && isnan(r.rate) ? NULL : pwhy);
	row_num(line, tokens);
	row_num(line, count);
	row_num(line, r.rate * 1000);
	row_num(line, r.lo * 1000);
	row_num(line, r.hi * 1000);
	row_num(line, lo * 1000);
	row_num(line, hi * 1000);
	row_num(line, statmodel_is_wrate(sm, j) ? NAN : r.dispersion);
}

static void outlets_group(const struct statmodel *sm, size_t g, FILE *f)
{
	struct buf line = BUF_INIT, note = BUF_INIT;
	size_t n = statmodel_size(sm, g), j;
	double *lo = sm->boot_lo + g * sm->m, *hi = sm->boot_hi + g * sm->m;
	const char **why = sm->boot_why + g * sm->m;

	for (j = 0; j < sm->m; j++) {
		struct stats_summary s;
		size_t k = statmodel_values(sm, g, j, sm->work);
		const char *swhy = stats_summary_sorted(sm->work, statmodel_sorted(sm, g, j), k, &s);
		row_str(&line, sm->t->groups[g]);
		row_str(&line, sm->metric[j]);
		row_num(&line, (double)n);
		outlets_rate(sm, g, j, &line, &note);
		note_add(&note, "mean", swhy);
		note_add(&note, "boot", why[j]);
		row_num(&line, s.mean);
		row_num(&line, s.sd);
		row_num(&line, s.mean_lo);
		row_num(&line, s.mean_hi);
		row_num(&line, s.median);
		row_num(&line, lo[j]);
		row_num(&line, hi[j]);
		row_end(&line, &note, f);
	}
	buf_release(&line);
	buf_release(&note);
}

static void outlets_write(const struct statmodel *sm, FILE *f)
{
	size_t g;

	for (g = 0; g < sm->t->ngroups; g++)
		outlets_group(sm, g, f);
}

/* ---- compare.tsv ---- */

/* One finished row of compare.tsv; p_holm is filled in at the end. */
struct cmp_row {
	struct buf text;	/* the fields before p_holm */
	struct buf tail;	/* the note */
	double p;		/* what Holm adjusts; NAN outside the family */
};

struct cmp_table {
	struct cmp_row *rows;
	size_t n, alloc;
};

/*
 * The rate-ratio columns: rate_ratio rr_lo rr_hi rr_p rr_lo_poisson
 * rr_hi_poisson. The headline interval and p are article-level (HC1 Wald,
 * Welch-Satterthwaite df). Where they are undefined (a group without
 * matches or with one article) they stay NA: the exact conditional test
 * that once stood in assumes independent matches and, on bursty text,
 * rejected a true null 25% (one article against 30) to 100% (no matches)
 * of the time. Returns the p that the Holm family adjusts, NAN if none.
 */
static double compare_rate_ratio(const struct statmodel *sm, const struct statmodel_side *sa,
				 const struct statmodel_side *sb, size_t j, struct buf *line,
				 struct buf *note)
{
	double xa, ta, xb, tb, rr = NAN, lo = NAN, hi = NAN;
	struct stats_rr r = { NAN, NAN, NAN, NAN, NAN, NAN };
	const char *why, *ewhy;

	if (!statmodel_is_index(sm, j)) {
		xa = sa->count;
		ta = sa->tokens;
		xb = sb->count;
		tb = sb->tokens;
		/* Weighted matches are no Poisson counts: no exact interval of C_wrate. */
		ewhy = statmodel_is_wrate(sm, j) ? NULL : stats_rate_ratio(xa, ta, xb, tb, &rr, &lo, &hi);
		why = stats_rate_ratio_hc1(sa->sums, sb->sums, &r);
		if (why && ta > 0 && tb > 0) {
			buf_addf(note, "%srate_ratio: %s, so no article-level interval or test%s",
				 note->len ? "; " : "", why, statmodel_is_wrate(sm, j) ? "" :
				 " (rr_lo_poisson and rr_hi_poisson assume independent matches)");
			if (ewhy && strcmp(ewhy, why))
				note_add(note, "rate_ratio_poisson", ewhy);
			r.rr = xb > 0 ? (xa / ta) / (xb / tb) : NAN;
		} else {
			note_add(note, "rate_ratio", why);
			note_add(note, "rate_ratio_poisson", ewhy);
		}
	}
	row_num(line, r.rr);
	row_num(line, r.lo);
	row_num(line, r.hi);
	row_num(line, r.p);
	row_num(line, lo);
	row_num(line, hi);
	return r.p;
}

/*
 * A group of fewer articles has no seat in the Holm family: a variance
 * from two or three articles is no guide (two articles of equal rates give
 * a variance of 0, and on outlets dealt out at random every 'significant'
 * row came from such groups), and the article-level test of 2 articles
 * against 30 rejected a true null 10.7% of the time, 3 against 30 8.1%.
 * Their tests are still written; the report cites none of them.
 */
#define FAMILY_MIN_ARTICLES 5

/*
 * The Holm family is the comparisons a user reads: every index and the
 * C_rate of every category that is not an actor (categories.tsv says
 * which are). The _own_rate rows repeat the C_rate rows, the _wrate rows
 * repeat them with the weights (the indices already carry the weights)
 * and the actors count who is named, not how: adjusting over them would
 * only make each test weaker without asking a different question.
 */
static int compare_in_family(const struct statmodel *sm, size_t j)
{
	if (statmodel_is_index(sm, j))
		return 1;
	return j < 2 * sm->t->ncat && j % 2 == 0 && !scoretab_is_actor(sm->t, j / 2);
}

/*
 * Mann-Whitney of pair (a, b), b possibly the rest of the corpus, whose
 * test was computed with the model (statmodel_pairs).
 */
static const char *compare_mw(const struct statmodel *sm, size_t a, size_t b, size_t j,
			      struct stats_mw *mw)
{
	if (b == STATMODEL_REST) {
		*mw = sm->rest_mw[a * sm->m + j];
		return sm->rest_mw_why[a * sm->m + j];
	}
	/* Thousands of groups against one large reference: search it, not merge. */
	if (sm->has_rest && b == sm->reference)
		return stats_mann_whitney_search(statmodel_sorted(sm, a, j), sm->mom[a * sm->m + j].n,
						 statmodel_sorted(sm, b, j), sm->mom[b * sm->m + j].n,
						 sm->ref_ties[j], mw);
	return stats_mann_whitney_sorted(statmodel_sorted(sm, a, j), sm->mom[a * sm->m + j].n,
					 statmodel_sorted(sm, b, j), sm->mom[b * sm->m + j].n, mw);
}

static void compare_metric(const struct statmodel *sm, size_t a, size_t b, size_t j, double perm_p,
			   const char *perm_why, struct cmp_row *row)
{
	struct statmodel_side sa, sb;
	const struct stats_moments *ma, *mb;
	struct stats_welch w;
	struct stats_mw mw;
	double d, rr_p;
	struct buf *line = &row->text, *note = &row->tail;

	statmodel_side(sm, a, 0, j, &sa);
	statmodel_side(sm, b == STATMODEL_REST ? a : b, b == STATMODEL_REST, j, &sb);
	ma = sa.mom;
	mb = sb.mom;
	row_str(line, sa.name);
	row_str(line, sb.name);
	row_str(line, sm->metric[j]);
	row_num(line, (double)ma->n);
	row_num(line, (double)mb->n);
	row_num(line, ma->mean);
	row_num(line, mb->mean);
	row_num(line, ma->mean - mb->mean);
	note_add(note, "welch", stats_welch_moments(ma, mb, &w));
	row_num(line, w.t);
	row_num(line, w.df);
	row_num(line, w.p);
	note_add(note, "mw", compare_mw(sm, a, b, j, &mw));
	row_num(line, mw.u);
	row_num(line, mw.p);
	note_add(note, "perm", perm_why);
	if (!perm_why && sm->pair_shuffles < sm->p.permutations)
		buf_addf(note, "%sperm: %zu shuffles (--perm-budget)", note->len ? "; " : "",
			 sm->pair_shuffles);
	row_num(line, perm_p);
	note_add(note, "d", stats_cohens_d_moments(ma, mb, &d));
	row_num(line, d);
	rr_p = compare_rate_ratio(sm, &sa, &sb, j, line, note);
	if (!compare_in_family(sm, j)) {
		row->p = NAN;
		note_add(note, "p_holm", "outside the Holm family");
	} else if (!statmodel_is_index(sm, j) && isnan(rr_p)) {
		/* No article-level test: nothing to adjust, and no seat in the family. */
		row->p = NAN;
		note_add(note, "p_holm", "outside the Holm family, no rr_p");
	} else {
		row->p = statmodel_is_index(sm, j) ? w.p : rr_p;
		if (!isnan(row->p) && (ma->n < FAMILY_MIN_ARTICLES || mb->n < FAMILY_MIN_ARTICLES)) {
			row->p = NAN;
			buf_addf(note, "%sp_holm: outside the Holm family, a group of fewer than "
				 "%d articles", note->len ? "; " : "", FAMILY_MIN_ARTICLES);
		}
	}
}

/*
 * The rank tests compare distributions of per-article values, and a
 * rate's distribution depends on the articles' lengths (a short article
 * has a coarse, often zero rate): when the lengths differ (two-sample
 * Kolmogorov-Smirnov p < 0.05) the note says so, with the words "article
 * lengths differ" that the report looks for.
 */
#define LENGTHS_ALPHA 0.05

static void lengths_note(const struct statmodel *sm, const struct stats_ks *ks, size_t j,
			 const char *test, struct buf *note)
{
	if (!(ks->p < LENGTHS_ALPHA))
		return;
	if (note->len)
		buf_adds(note, "; ");
	buf_addf(note, "%s: article lengths differ (KS p = %.2g); ", test, ks->p);
	if (statmodel_is_index(sm, j))
		buf_addf(note, "%s depends on length", sm->metric[j]);
	else
		buf_adds(note, "not a test of rates");
}

static void compare_pair(const struct statmodel *sm, size_t k, struct cmp_table *tab)
{
	size_t j;

	for (j = 0; j < sm->m; j++) {
		struct cmp_row *row;
		ALLOC_GROW(tab->rows, tab->n + 1, tab->alloc);
		row = &tab->rows[tab->n++];
		row->text = (struct buf)BUF_INIT;
		row->tail = (struct buf)BUF_INIT;
		compare_metric(sm, sm->pair_a[k], sm->pair_b[k], j, sm->perm_p[k * sm->m + j],
			       sm->perm_why[k * sm->m + j], row);
		lengths_note(sm, &sm->len_ks[k], j, "mw", &row->tail);
	}
}

static void compare_write(const struct statmodel *sm, FILE *f)
{
	struct cmp_table tab = { NULL, 0, 0 };
	struct buf line = BUF_INIT;
	double *p, *holm;
	size_t k, i;

	for (k = 0; k < sm->npairs; k++)
		compare_pair(sm, k, &tab);
	p = xmalloc((tab.n + 1) * sizeof(double));
	holm = xmalloc((tab.n + 1) * sizeof(double));
	for (i = 0; i < tab.n; i++)
		p[i] = tab.rows[i].p;
	/* The family: see compare_in_family; NAN rows are left out of it. */
	stats_holm(p, tab.n, holm);
	for (i = 0; i < tab.n; i++) {
		buf_add(&line, tab.rows[i].text.data, tab.rows[i].text.len);
		row_num(&line, holm[i]);
		row_end(&line, &tab.rows[i].tail, f);
		buf_release(&tab.rows[i].text);
		buf_release(&tab.rows[i].tail);
	}
	buf_release(&line);
	free(tab.rows);
	free(p);
	free(holm);
}

/* ---- tests.tsv ---- */

/*
 * Kruskal-Wallis's note on lengths: the pair of groups whose lengths
 * differ most (smallest KS p), flagged when that p is below 0.05. Any pair
 * is enough, as H then mixes that pair's length difference into its
 * ranks; with many groups this flags more often than a k-sample test
 * would, the side on which a warning should err.
 */
static void kruskal_lengths(const struct statmodel *sm, size_t j, struct buf *note)
{
	size_t k, best = 0;

	if (sm->npairs == 0)
		return;
	for (k = 1; k < sm->npairs; k++)
		if (sm->len_ks[k].p < sm->len_ks[best].p)
			best = k;
	lengths_note(sm, &sm->len_ks[best], j, "kruskal", note);
}

static void tests_kruskal(const struct statmodel *sm, size_t j, FILE *f)
{
	struct buf line = BUF_INIT, note = BUF_INIT;
	size_t G = sm->t->ngroups, g, n = 0, used = 0;
	const double **x = xmalloc((G + 1) * sizeof(*x));
	size_t *size = xmalloc((G + 1) * sizeof(*size));
	struct stats_test t;

	for (g = 0; g < G; g++) {
		x[g] = statmodel_sorted(sm, g, j);
		size[g] = sm->mom[g * sm->m + j].n;
		n += size[g];
		used += size[g] > 0;
	}
	note_add(&note, "kruskal", stats_kruskal_sorted(x, size, G, &t));
	if (!isnan(t.p))	/* a test not made needs no warning about its meaning */
		kruskal_lengths(sm, j, &note);
	row_str(&line, "kruskal");
	row_str(&line, sm->metric[j]);
	row_num(&line, (double)used);
	row_num(&line, (double)n);
	row_num(&line, t.statistic);
	row_num(&line, t.df);
	row_num(&line, t.p);
	row_num(&line, NAN);
	row_num(&line, NAN);
	row_end(&line, &note, f);
	free(x);
	free(size);
	buf_release(&line);
	buf_release(&note);
}

/*
 * The categories of the groups x categories test: all but the actors,
 * which count who is named, not how (categories.tsv); into cats, returns
 * how many, and lists the ones left out in left.
 */
static size_t chisq_categories(const struct statmodel *sm, size_t *cats, struct buf *left)
{
	size_t c, k = 0;

	for (c = 0; c < sm->t->ncat; c++) {
		if (!scoretab_is_actor(sm->t, c)) {
			cats[k++] = c;
			continue;
		}
		buf_adds(left, left->len ? ", " : "");
		buf_adds(left, sm->t->cats[c]);
	}
	return k;
}

/*
 * Chi-square of groups x categories on matches (own = 0) or own-voice
 * matches (1) of the C categories cats: X^2, df and Cramer's V of the
 * pooled table (stats_chisq), p from relabelling whole articles (perm,
 * pwhy: statmodel_chisq), and the asymptotic p, which assumes independent
 * matches, beside it. left names the actor categories left out.
 */
static void tests_chisq(const struct statmodel *sm, int own, const size_t *cats, size_t C,
			const struct stats_chisq_perm *perm, const char *pwhy,
			const struct buf *left, FILE *f)
{
	size_t G = sm->t->ngroups, g, c, dropped = 0;
	struct buf line = BUF_INIT, note = BUF_INIT;
	double *table = xcalloc(G * C + 1, sizeof(double)), total = 0, tokens;
	struct stats_test t;
	const char *why;

	for (g = 0; g < G; g++)
		for (c = 0; c < C; c++) {
			statmodel_pooled(sm, g, 2 * cats[c] + (size_t)own, &table[g * C + c], &tokens);
			total += table[g * C + c];
		}
	why = stats_chisq(table, G, C, &t, &dropped);
	note_add(&note, "chisq", why);
	if (!why) {
		note_add(&note, "p", pwhy);
		if (perm->count > 0)
			buf_addf(&note, "%sp: %s %.0f relabellings of articles", note.len ? "; " : "",
				 perm->exact ? "exact, all" : "random,", perm->count);
		if (perm->count > 0 && !perm->exact && sm->chisq_shuffles < sm->p.permutations)
			buf_addf(&note, " (--perm-budget on %zu articles; p resolves to %.2g)",
				 sm->n, 1 / (perm->count + 1));
	}
	if (dropped)
		buf_addf(&note, "%s%zu groups or categories without matches left out",
			 note.len ? "; " : "", dropped);
	if (left->len)
		buf_addf(&note, "%sactors left out: %s", note.len ? "; " : "", left->data);
	row_str(&line, "chisq");
	row_str(&line, own ? "categories_own" : "categories");
	row_num(&line, (double)G);
	row_num(&line, total);
	row_num(&line, t.statistic);
	row_num(&line, t.df);
	row_num(&line, why ? NAN : perm->p);
	row_num(&line, t.cramers_v);
	row_num(&line, t.p);
	row_end(&line, &note, f);
	free(table);
	buf_release(&line);
	buf_release(&note);
}

static void tests_write(const struct statmodel *sm, FILE *f)
{
	size_t *cats = xmalloc((sm->t->ncat + 1) * sizeof(*cats)), C, j;
	struct stats_chisq_perm perm[2];
	struct buf left = BUF_INIT;
	const char *why[2];

	for (j = 0; j < sm->m; j++)
		tests_kruskal(sm, j, f);
	C = chisq_categories(sm, cats, &left);
	statmodel_chisq(sm, cats, C, perm, why);
	tests_chisq(sm, 0, cats, C, &perm[0], why[0], &left, f);
	tests_chisq(sm, 1, cats, C, &perm[1], why[1], &left, f);
	free(cats);
	buf_release(&left);
}

int stattables_write(const struct statmodel *sm, const char *outdir)
{
	int ok = write_table(sm, outdir, "outlets.tsv", "group\tmetric\tarticles\ttokens\tcount\t"
			     "rate\trate_lo\trate_hi\trate_lo_poisson\trate_hi_poisson\t"
			     "dispersion\tmean\tsd\tmean_lo\tmean_hi\tmedian\t"
			     "boot_lo\tboot_hi\tnote\n", outlets_write) == 0 &&
		 write_table(sm, outdir, "compare.tsv", "group_a\tgroup_b\tmetric\tn_a\tn_b\t"
			     "mean_a\tmean_b\tdiff\twelch_t\twelch_df\twelch_p\tmw_u\tmw_p\t"
			     "perm_p\tcohens_d\trate_ratio\trr_lo\trr_hi\trr_p\t"
			     "rr_lo_poisson\trr_hi_poisson\tp_holm\tnote\n",
			     compare_write) == 0 &&
		 write_table(sm, outdir, "tests.tsv", "test\tmetric\tgroups\tn\tstatistic\tdf\t"
			     "p\tcramers_v\tp_asymptotic\tnote\n", tests_write) == 0;

	return ok ? 0 : -1;
}
