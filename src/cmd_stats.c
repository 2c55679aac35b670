/*
 * framing stats: per-group statistics of scores.tsv (outlets.tsv),
 * pairwise comparisons (compare.tsv), omnibus tests (tests.tsv) and
 * keyness (keyness.tsv). The numbers come from the stats module; this
 * file reads, arranges and writes them.
 */
#include <getopt.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"
#include "counts.h"
#include "dedup.h"
#include "fsutil.h"
#include "keyness.h"
#include "outfile.h"
#include "parse.h"
#include "resample.h"
#include "scoretab.h"
#include "stance.h"
#include "stats.h"
#include "tsv.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

struct stats_opts {
	const char *outdir, *by;
	unsigned long seed;
	size_t boot, perms, perm_max, threads;
	int dedup;
	double alpha0;
};

/* The table reshaped for the statistics: one row of m metrics per article. */
struct run {
	const struct stats_opts *o;
	struct scoretab *t;
	size_t m;
	char **metric;		/* C_rate, C_own_rate per category, then stance */
	size_t n;		/* articles */
	double *val;		/* n x m, NAN = missing */
	size_t *start;		/* articles of group g: start[g] .. start[g+1] */
	double *work;		/* one group's values of one metric */
	/*
	 * Per group g and metric j, at [g * m + j]: the moments of its values,
	 * its pooled count and tokens, and where its values sit sorted in
	 * sorted (mom.n of them). Every pair of groups shares them, so each
	 * group is summed and sorted once, not once per pair.
	 */
	struct stats_moments *mom;
	double *pool_count, *pool_tokens;
	double *group_tokens;	/* per group */
	double *sorted;
	size_t *sorted_at;
	/* Bootstrap intervals, ngroups x m, computed before writing. */
	double *boot_lo, *boot_hi;
	const char **boot_why;
	/* Permutation p of every pair k (a < b) and metric, at [k * m + j]. */
	size_t npairs, *pair_a, *pair_b;
	double *perm_p;
	const char **perm_why;
};

static const char usage[] =
	"usage: framing stats [SCORES.tsv ...] [-o DIR] [--by COLUMN] [--seed N]\n"
	"                     [--bootstrap B] [--permutations P] [--perm-max N]\n"
	"                     [--alpha0 A] [-j N] [--dedup] [-q]\n"
	"\n"
	"Reads one or more scores.tsv files (shards of one corpus, read as one\n"
	"table; default output/scores.tsv) and writes to DIR (default output):\n"
	"  outlets.tsv   per group and metric: pooled rate with exact Poisson CI,\n"
	"                mean, sd, t-interval, median, bootstrap CI of the mean\n"
	"  compare.tsv   every pair of groups: Welch t, Mann-Whitney U, permutation\n"
	"                p, Cohen's d, rate ratio with exact CI, Holm-adjusted p\n"
	"  tests.tsv     Kruskal-Wallis per metric, chi-square groups x categories\n"
	"  keyness.tsv   log-odds with informative Dirichlet prior, per outlet vs\n"
	"                the rest, from terms.tsv and matches.tsv beside the scores\n"
	"Metrics: C_rate and C_own_rate (per 1,000 tokens) per lexicon category C,\n"
	"and stance. Values that cannot be computed are NA, with the reason in the\n"
	"note column. Articles without tokens are left out.\n"
	"\n"
	"options:\n"
	"  -o, --output DIR      output folder (default output)\n"
	"  --by COLUMN           group by this scores.tsv column (default outlet);\n"
	"                        keyness always groups by outlet\n"
	"  --seed N              seed of bootstrap and permutations (default 1)\n"
	"  --bootstrap B         bootstrap resamples, 0 = none (default 10000)\n"
	"  --permutations P      label shuffles per pair, 0 = none (default 10000);\n"
	"                        exact when there are at most P distinct splits\n"
	"  --perm-max N          skip permutations (NA) when a pair has more than N\n"
	"                        articles (default 2000): Welch and Mann-Whitney are\n"
	"                        reliable there and shuffling would take minutes\n"
	"  -j, --threads N       bootstrap groups and shuffle pairs in N threads,\n"
	"                        keyness beside them when N > 1 (default: the\n"
	"                        number of processors); the numbers do not\n"
	"                        depend on N\n"
	"  --alpha0 A            keyness prior size (default: the corpus token count)\n"
	"  --dedup               keep one article (the earliest) of each cluster of\n"
	"                        near-duplicates (written to DIR/duplicates.tsv from\n"
	"                        the signatures.tsv beside the scores)\n"
	"  -q, --quiet           no warnings\n"
	"\n"
	"example: framing stats output/scores.tsv -o output --by wire --seed 7\n";

/* ---- metrics ---- */

static void run_metric_names(struct run *r)
{
	const struct scoretab *t = r->t;
	struct buf b = BUF_INIT;
	size_t c;

	r->m = 2 * t->ncat + (t->has_stance ? 1 : 0);
	r->metric = xcalloc(r->m + 1, sizeof(char *));
	for (c = 0; c < t->ncat; c++) {
		buf_addf(&b, "%s_rate", t->cats[c]);
		r->metric[2 * c] = buf_detach(&b);
		buf_addf(&b, "%s_own_rate", t->cats[c]);
		r->metric[2 * c + 1] = buf_detach(&b);
	}
	if (t->has_stance)
		r->metric[2 * t->ncat] = xstrdup("stance");
}

/*
 * Pools the matches and tokens of each group and metric (articles with a
 * count; none for stance, which is not a count), and each group's tokens,
 * adding the articles in the table's order.
 */
static void run_pool(struct run *r)
{
	const struct scoretab *t = r->t;
	size_t cells = t->ngroups * r->m + 1, i, j;

	r->pool_count = xcalloc(cells, sizeof(double));
	r->pool_tokens = xcalloc(cells, sizeof(double));
	r->group_tokens = xcalloc(t->ngroups + 1, sizeof(double));
	for (i = 0; i < t->n; i++) {
		const struct scoretab_article *a = &t->a[i];
		size_t at = a->group * r->m;
		r->group_tokens[a->group] += a->tokens;
		for (j = 0; j < 2 * t->ncat; j++)
			if (!isnan(a->counts[j])) {
				r->pool_count[at + j] += a->counts[j];
				r->pool_tokens[at + j] += a->tokens;
			}
	}
}

/* Takes from the table all that the statistics need of its articles. */
static void run_build(struct run *r)
{
	const struct scoretab *t = r->t;
	size_t i, j, g = 0;

	run_metric_names(r);
	r->n = t->n;
	r->val = xmalloc((t->n * r->m + 1) * sizeof(double));
	for (i = 0; i < t->n; i++) {
		const struct scoretab_article *a = &t->a[i];
		double *v = r->val + i * r->m;
		for (j = 0; j < 2 * t->ncat; j++)
			v[j] = a->counts[j] * 1000 / a->tokens;	/* NAN stays NAN */
		if (t->has_stance)
			v[j] = a->stance;
	}
	r->start = xmalloc((t->ngroups + 1) * sizeof(size_t));
	for (i = 0; i < t->n; i++)
		while (g <= t->a[i].group)
			r->start[g++] = i;
	while (g <= t->ngroups)
		r->start[g++] = t->n;
	run_pool(r);
	r->work = xmalloc((t->n + 1) * sizeof(double));
}

static size_t run_size(const struct run *r, size_t g)
{
	return r->start[g + 1] - r->start[g];
}

/* Non-missing values of metric j in group g, into out; returns how many. */
static size_t run_values(const struct run *r, size_t g, size_t j, double *out)
{
	size_t i, k = 0;
	for (i = r->start[g]; i < r->start[g + 1]; i++)
		if (!isnan(r->val[i * r->m + j]))
			out[k++] = r->val[i * r->m + j];
	return k;
}

static void run_pooled(const struct run *r, size_t g, size_t j, double *count, double *tokens)
{
	*count = r->pool_count[g * r->m + j];
	*tokens = r->pool_tokens[g * r->m + j];
}

static const double *run_sorted(const struct run *r, size_t g, size_t j)
{
	return r->sorted + r->sorted_at[g * r->m + j];
}

/* Room for the per-group numbers that every pair shares (see struct run). */
static void run_alloc_groups(struct run *r)
{
	size_t cells = r->t->ngroups * r->m + 1;

	r->mom = xmalloc(cells * sizeof(*r->mom));
	r->sorted = xmalloc((r->n * r->m + 1) * sizeof(double));
	r->sorted_at = xmalloc(cells * sizeof(size_t));
	r->boot_lo = xmalloc(cells * sizeof(double));
	r->boot_hi = xmalloc(cells * sizeof(double));
	r->boot_why = xmalloc(cells * sizeof(char *));
}

/*
 * The numbers of group g that every pair shares. Groups are independent,
 * so workers prepare them in parallel: metric j of group g has room for
 * all the group's articles at sorted[start[g] m + j size(g)].
 */
static void run_prepare_group(struct run *r, size_t g)
{
	size_t j, size = run_size(r, g);

	for (j = 0; j < r->m; j++) {
		size_t c = g * r->m + j, at = r->start[g] * r->m + j * size;
		size_t k = run_values(r, g, j, r->sorted + at);
		stats_moments(r->sorted + at, k, &r->mom[c]);
		stats_sort(r->sorted + at, k);
		r->sorted_at[c] = at;
	}
}

static int run_is_stance(const struct run *r, size_t j)
{
	return r->t->has_stance && j == r->m - 1;
}

static void run_free(struct run *r)
{
	size_t j;
	for (j = 0; j < r->m; j++)
		free(r->metric[j]);
	free(r->metric);
	free(r->val);
	free(r->start);
	free(r->work);
	free(r->mom);
	free(r->pool_count);
	free(r->pool_tokens);
	free(r->group_tokens);
	free(r->sorted);
	free(r->sorted_at);
	free(r->pair_a);
	free(r->pair_b);
	free(r->perm_p);
	free(r->perm_why);
	free(r->boot_lo);
	free(r->boot_hi);
	free(r->boot_why);
}

/* ---- writing ---- */

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

typedef void (*writer_fn)(struct run *r, FILE *f);

static int write_table(struct run *r, const char *name, const char *header, writer_fn fn)
{
	char *path = path_join(r->o->outdir, name);
	struct outfile *out = outfile_open(path);
	int ret;

	free(path);
	if (!out)
		return -1;
	fputs(header, outfile_stream(out));
	fn(r, outfile_stream(out));
	ret = outfile_commit(out);
	return ret;
}

/* ---- outlets.tsv ---- */

static void outlets_rate(struct run *r, size_t g, size_t j, struct buf *line, struct buf *note)
{
	double count, tokens, lo, hi;
	const char *why;

	if (run_is_stance(r, j)) {
		row_num(line, r->group_tokens[g]);
		row_num(line, NAN);
		row_num(line, NAN);
		row_num(line, NAN);
		row_num(line, NAN);
		return;
	}
	run_pooled(r, g, j, &count, &tokens);
	why = stats_poisson_ci(count, tokens, &lo, &hi);
	note_add(note, "rate", why);
	row_num(line, tokens);
	row_num(line, count);
	row_num(line, tokens > 0 ? count / tokens * 1000 : NAN);
	row_num(line, lo * 1000);
	row_num(line, hi * 1000);
}

static void outlets_group(struct run *r, size_t g, FILE *f)
{
	struct buf line = BUF_INIT, note = BUF_INIT;
	size_t n = run_size(r, g), j;
	double *lo = r->boot_lo + g * r->m, *hi = r->boot_hi + g * r->m;
	const char **why = r->boot_why + g * r->m;

	for (j = 0; j < r->m; j++) {
		struct stats_summary s;
		size_t k = run_values(r, g, j, r->work);
		const char *swhy = stats_summary_sorted(r->work, run_sorted(r, g, j), k, &s);
		row_str(&line, r->t->groups[g]);
		row_str(&line, r->metric[j]);
		row_num(&line, (double)n);
		outlets_rate(r, g, j, &line, &note);
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

/*
 * Tasks 0..n-1, each run once by fn in up to -j threads (this one among
 * them), for work whose parts are independent. Each group and each pair
 * has its own seed (from its names), so the numbers do not depend on
 * which thread ran it or how many there were.
 */
struct pool {
	struct run *r;
	void (*fn)(struct run *r, size_t task);
	size_t n, next;		/* next under lock */
	pthread_mutex_t lock;
};

static void *pool_worker(void *arg)
{
	struct pool *p = arg;

	for (;;) {
		size_t k;
		pthread_mutex_lock(&p->lock);
		k = p->next++;
		pthread_mutex_unlock(&p->lock);
		if (k >= p->n)
			return NULL;
		p->fn(p->r, k);
	}
}

static void run_parallel(struct run *r, size_t n, void (*fn)(struct run *r, size_t task))
{
	struct pool p = { r, fn, n, 0, PTHREAD_MUTEX_INITIALIZER };
	size_t nthreads = r->o->threads < n ? r->o->threads : n, i, started = 0;
	pthread_t *tid = xmalloc((nthreads + 1) * sizeof(*tid));

	/* Threads that cannot start are no error: this thread does their share. */
	for (i = 1; i < nthreads; i++)
		if (pthread_create(&tid[started], NULL, pool_worker, &p) == 0)
			started++;
	pool_worker(&p);
	for (i = 0; i < started; i++)
		pthread_join(tid[i], NULL);
	pthread_mutex_destroy(&p.lock);
	free(tid);
}

/* Group g's shared numbers and its bootstrap. */
static void run_group(struct run *r, size_t g)
{
	run_prepare_group(r, g);
	stats_bootstrap_means(r->val + r->start[g] * r->m, run_size(r, g), r->m, r->o->boot,
			      stats_seed(r->o->seed, r->t->groups[g], "bootstrap"),
			      r->boot_lo + g * r->m, r->boot_hi + g * r->m, r->boot_why + g * r->m);
}

static void run_groups(struct run *r)
{
	run_alloc_groups(r);
	run_parallel(r, r->t->ngroups, run_group);
}

static void outlets_write(struct run *r, FILE *f)
{
	size_t g;

	for (g = 0; g < r->t->ngroups; g++)
		outlets_group(r, g, f);
}

/* ---- compare.tsv ---- */

/* One finished row of compare.tsv; p_holm is filled in at the end. */
struct cmp_row {
	struct buf text;	/* the fields before p_holm */
	struct buf tail;	/* the note */
	double welch_p;
};

struct cmp_table {
	struct cmp_row *rows;
	size_t n, alloc;
};

/*
 * Permutation p of every metric for pair k, into perm_p and perm_why;
 * NA beyond --perm-max. The pairs run in parallel (run_parallel): with
 * groups of a few hundred articles the shuffles are most of the work.
 */
static void compare_perm(struct run *r, size_t k)
{
	size_t a = r->pair_a[k], b = r->pair_b[k];
	size_t na = run_size(r, a), nb = run_size(r, b), j;
	double *p = r->perm_p + k * r->m;
	const char **why = r->perm_why + k * r->m;
	double *x;
	int exact;

	if (na + nb > r->o->perm_max) {
		for (j = 0; j < r->m; j++) {
			p[j] = NAN;
			why[j] = "more articles than --perm-max";
		}
		return;
	}
	/* The two groups' rows, a first, as one block. */
	x = xmalloc(((na + nb) * r->m + 1) * sizeof(double));
	memcpy(x, r->val + r->start[a] * r->m, na * r->m * sizeof(double));
	memcpy(x + na * r->m, r->val + r->start[b] * r->m, nb * r->m * sizeof(double));
	stats_permutation(x, na, nb, r->m, r->o->perms,
			  stats_seed(r->o->seed, r->t->groups[a], r->t->groups[b]), p, why, &exact);
	free(x);
}

/* Every pair's permutation p, before the rows that print them. */
static void compare_perms(struct run *r)
{
	size_t G = r->t->ngroups, a, b, k = 0;

	r->npairs = G * (G - (G > 0)) / 2;
	r->pair_a = xmalloc((r->npairs + 1) * sizeof(size_t));
	r->pair_b = xmalloc((r->npairs + 1) * sizeof(size_t));
	r->perm_p = xmalloc((r->npairs * r->m + 1) * sizeof(double));
	r->perm_why = xmalloc((r->npairs * r->m + 1) * sizeof(char *));
	for (a = 0; a < G; a++)
		for (b = a + 1; b < G; b++) {
			r->pair_a[k] = a;
			r->pair_b[k++] = b;
		}
	run_parallel(r, r->npairs, compare_perm);
}

static void compare_rate_ratio(struct run *r, size_t a, size_t b, size_t j,
			       struct buf *line, struct buf *note)
{
	double xa, ta, xb, tb, rr = NAN, lo = NAN, hi = NAN;

	if (!run_is_stance(r, j)) {
		run_pooled(r, a, j, &xa, &ta);
		run_pooled(r, b, j, &xb, &tb);
		note_add(note, "rate_ratio", stats_rate_ratio(xa, ta, xb, tb, &rr, &lo, &hi));
	}
	row_num(line, rr);
	row_num(line, lo);
	row_num(line, hi);
}

static void compare_metric(struct run *r, size_t a, size_t b, size_t j, double perm_p,
			   const char *perm_why, struct cmp_row *row)
{
	const struct stats_moments *ma = &r->mom[a * r->m + j], *mb = &r->mom[b * r->m + j];
	struct stats_welch w;
	struct stats_mw mw;
	double d;
	struct buf *line = &row->text, *note = &row->tail;

	row_str(line, r->t->groups[a]);
	row_str(line, r->t->groups[b]);
	row_str(line, r->metric[j]);
	row_num(line, (double)ma->n);
	row_num(line, (double)mb->n);
	row_num(line, ma->mean);
	row_num(line, mb->mean);
	row_num(line, ma->mean - mb->mean);
	note_add(note, "welch", stats_welch_moments(ma, mb, &w));
	row_num(line, w.t);
	row_num(line, w.df);
	row_num(line, w.p);
	note_add(note, "mw", stats_mann_whitney_sorted(run_sorted(r, a, j), ma->n,
							run_sorted(r, b, j), mb->n, &mw));
	row_num(line, mw.u);
	row_num(line, mw.p);
	note_add(note, "perm", perm_why);
	row_num(line, perm_p);
	note_add(note, "d", stats_cohens_d_moments(ma, mb, &d));
	row_num(line, d);
	compare_rate_ratio(r, a, b, j, line, note);
	row->welch_p = w.p;
}

static void compare_pair(struct run *r, size_t k, struct cmp_table *tab)
{
	size_t j;

	for (j = 0; j < r->m; j++) {
		struct cmp_row *row;
		ALLOC_GROW(tab->rows, tab->n + 1, tab->alloc);
		row = &tab->rows[tab->n++];
		row->text = (struct buf)BUF_INIT;
		row->tail = (struct buf)BUF_INIT;
		compare_metric(r, r->pair_a[k], r->pair_b[k], j, r->perm_p[k * r->m + j],
			       r->perm_why[k * r->m + j], row);
	}
}

static void compare_write(struct run *r, FILE *f)
{
	struct cmp_table tab = { NULL, 0, 0 };
	struct buf line = BUF_INIT;
	double *p, *holm;
	size_t k, i;

	compare_perms(r);
	for (k = 0; k < r->npairs; k++)
		compare_pair(r, k, &tab);
	p = xmalloc((tab.n + 1) * sizeof(double));
	holm = xmalloc((tab.n + 1) * sizeof(double));
	for (i = 0; i < tab.n; i++)
		p[i] = tab.rows[i].welch_p;
	/* The family is the whole table: every pair and metric. */
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

static void tests_kruskal(struct run *r, size_t j, FILE *f)
{
	struct buf line = BUF_INIT, note = BUF_INIT;
	size_t G = r->t->ngroups, g, n = 0, used = 0;
	const double **x = xmalloc((G + 1) * sizeof(*x));
	size_t *size = xmalloc((G + 1) * sizeof(*size));
	struct stats_test t;

	for (g = 0; g < G; g++) {
		x[g] = run_sorted(r, g, j);
		size[g] = r->mom[g * r->m + j].n;
		n += size[g];
		used += size[g] > 0;
	}
	note_add(&note, "kruskal", stats_kruskal_sorted(x, size, G, &t));
	row_str(&line, "kruskal");
	row_str(&line, r->metric[j]);
	row_num(&line, (double)used);
	row_num(&line, (double)n);
	row_num(&line, t.statistic);
	row_num(&line, t.df);
	row_num(&line, t.p);
	row_num(&line, NAN);
	row_end(&line, &note, f);
	free(x);
	free(size);
	buf_release(&line);
	buf_release(&note);
}

/* Chi-square of groups x categories on matches (own = 0) or own-voice matches (1). */
static void tests_chisq(struct run *r, int own, FILE *f)
{
	size_t G = r->t->ngroups, C = r->t->ncat, g, c, dropped = 0;
	double *table = xcalloc(G * C + 1, sizeof(double)), total = 0, tokens;
	struct buf line = BUF_INIT, note = BUF_INIT;
	struct stats_test t;

	for (g = 0; g < G; g++)
		for (c = 0; c < C; c++) {
			run_pooled(r, g, 2 * c + (size_t)own, &table[g * C + c], &tokens);
			total += table[g * C + c];
		}
	note_add(&note, "chisq", stats_chisq(table, G, C, &t, &dropped));
	if (dropped)
		buf_addf(&note, "%s%zu groups or categories without matches left out",
			 note.len ? "; " : "", dropped);
	row_str(&line, "chisq");
	row_str(&line, own ? "categories_own" : "categories");
	row_num(&line, (double)G);
	row_num(&line, total);
	row_num(&line, t.statistic);
	row_num(&line, t.df);
	row_num(&line, t.p);
	row_num(&line, t.cramers_v);
	row_end(&line, &note, f);
	free(table);
	buf_release(&line);
	buf_release(&note);
}

static void tests_write(struct run *r, FILE *f)
{
	size_t j;
	for (j = 0; j < r->m; j++)
		tests_kruskal(r, j, f);
	tests_chisq(r, 0, f);
	tests_chisq(r, 1, f);
}

/* ---- options and the run ---- */

static int parse_count(const char *opt, const char *s, long max, size_t *out)
{
	long v;
	if (parse_long(s, 0, max, &v) < 0) {
		error("%s: '%s' is not a whole number from 0 to %ld", opt, s, max);
		return -1;
	}
	*out = (size_t)v;
	return 0;
}

/* Returns the index of the first file argument, or -1 (usage error) / -2 (--help). */
static int stats_parse(int argc, char **argv, struct stats_opts *o)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "by", required_argument, NULL, 'b' },
		{ "seed", required_argument, NULL, 's' },
		{ "bootstrap", required_argument, NULL, 'B' },
		{ "permutations", required_argument, NULL, 'P' },
		{ "perm-max", required_argument, NULL, 'M' },
		{ "alpha0", required_argument, NULL, 'a' },
		{ "threads", required_argument, NULL, 'j' },
		{ "dedup", no_argument, NULL, 'd' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	size_t seed;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "o:j:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': o->outdir = optarg; break;
		case 'b': o->by = optarg; break;
		case 's':
			if (parse_count("--seed", optarg, 4294967295L, &seed) < 0)
				return -1;
			o->seed = seed;
			break;
		case 'B':
			if (parse_count("--bootstrap", optarg, 10000000, &o->boot) < 0)
				return -1;
			break;
		case 'P':
			if (parse_count("--permutations", optarg, 10000000, &o->perms) < 0)
				return -1;
			break;
		case 'M':
			if (parse_count("--perm-max", optarg, 100000000, &o->perm_max) < 0)
				return -1;
			break;
		case 'a':
			if (parse_double(optarg, &o->alpha0) < 0 || !(o->alpha0 > 0))
				return error("--alpha0: '%s' is not a positive number", optarg);
			break;
		case 'j':
			if (parse_count("--threads", optarg, 256, &o->threads) < 0 || !o->threads)
				return error("--threads: '%s' is not a number from 1 to 256", optarg);
			break;
		case 'd': o->dedup = 1; break;
		case 'q': util_set_quiet(1); break;
		case 'h': return -2;
		default: return -1;
		}
	}
	return optind;
}

/* Adds the rows of one signatures.tsv, each id once; -1 after a message. */
static int read_signatures(struct dedup *d, const char *path, struct counts *seen)
{
	struct tsv *in = tsv_open(path);
	long col[4];
	const char *names[4] = { "id", "outlet", "date", "signature" };
	int r, i;

	if (!in)
		return -1;
	for (i = 0; i < 4; i++)
		if ((col[i] = tsv_column(in, names[i])) < 0) {
			tsv_close(in);
			return error("%s:1: no column '%s'", path, names[i]);
		}
	while ((r = tsv_next(in)) > 0) {
		const char *id = tsv_field(in, (size_t)col[0]);
		uint64_t *n = counts_slot(seen, id, strlen(id));
		if ((*n)++)
			continue;
		if (dedup_add_signature(d, id, tsv_field(in, (size_t)col[1]),
					tsv_field(in, (size_t)col[2]), tsv_field(in, (size_t)col[3])) < 0) {
			r = error("%s:%zu: not a signature written by framing score", path,
				  tsv_line(in));
			break;
		}
	}
	tsv_close(in);
	return r < 0 ? -1 : 0;
}

/*
 * Near-duplicates are found here, at the merge step, from the signatures
 * that score wrote beside each scores file: so shards scored apart are
 * paired with each other too. Writes DIR/duplicates.tsv; returns 1 when
 * written, 0 when there were no signatures, -1 after a message about the
 * input, -2 after one about writing (a failed run, not a bad input).
 */
static int find_duplicates(char **files, size_t nfiles, const char *outdir)
{
	struct dedup *d = dedup_new();
	struct counts *seen = counts_new(), *dirs = counts_new();
	size_t i, found = 0;
	int ret = 0;

	for (i = 0; i < nfiles && ret == 0; i++) {
		char *path = scoretab_sibling(files[i], "signatures.tsv");
		FILE *probe;
		if ((*counts_slot(dirs, path, strlen(path)))++ == 0 && (probe = fopen(path, "r"))) {
			fclose(probe);
			found++;
			ret = read_signatures(d, path, seen);
		} else if (!found && i + 1 == nfiles) {
			warning("no signatures.tsv beside %s: near-duplicates not checked", files[i]);
		}
		free(path);
	}
	if (ret == 0 && found)
		ret = ensure_dir(outdir) < 0 || dedup_write(d, outdir) < 0 ? -2 : 1;
	dedup_free(d);
	counts_free(seen);
	counts_free(dirs);
	return ret;
}

/* Applies the article filters, each reported on stderr. */
static int stats_filter(struct scoretab *t, const struct stats_opts *o, int have_pairs)
{
	size_t same = scoretab_drop_same_ids(t), dropped, clusters, crossing, empty;

	if (same)
		warning("%zu articles with an id seen before were left out", same);
	if (o->dedup && !have_pairs)
		warning("--dedup: no signatures.tsv beside the scores, so no article was dropped");
	if (o->dedup && have_pairs) {
		char *pairs = path_join(o->outdir, "duplicates.tsv");
		int r = scoretab_dedup(t, pairs, &dropped, &clusters, &crossing);
		free(pairs);
		if (r < 0)
			return -1;
		fprintf(stderr, "framing: dedup: dropped %zu near-duplicate articles "
			"(%zu clusters, %zu across outlets)\n", dropped, clusters, crossing);
	}
	empty = scoretab_drop_empty(t);
	if (empty)
		warning("%zu articles without tokens were left out", empty);
	if (!t->has_stance)
		warning("no stance values (the lexicon lacks " STANCE_ACCUSATORY " or "
			STANCE_CONCILIATORY "): no stance rows");
	return 0;
}

/*
 * keyness.tsv reads the largest input (matches.tsv) and needs nothing of
 * the other tables, so with two threads or more it is computed in a
 * thread of its own meanwhile. Its file is opened and committed (or
 * abandoned, when an earlier table failed) here, after the other tables
 * as before; only writing to it happens in the thread.
 */
struct keyness_job {
	char **files;
	size_t nfiles;
	double alpha0;
	struct outfile *out;	/* NULL: computed at the end, in this thread */
	pthread_t tid;
	int ret;
};

static void *keyness_worker(void *arg)
{
	struct keyness_job *k = arg;
	k->ret = keyness_write_stream(k->files, k->nfiles, outfile_stream(k->out), k->alpha0);
	return NULL;
}

/* -1 when the file cannot be opened (after a message). */
static int keyness_start(struct keyness_job *k, const struct run *r, char *path)
{
	if (r->o->threads < 2)
		return 0;
	k->out = outfile_open(path);
	if (!k->out)
		return -1;
	if (pthread_create(&k->tid, NULL, keyness_worker, k) != 0) {
		outfile_abort(k->out);
		k->out = NULL;	/* no thread: computed at the end */
	}
	return 0;
}

/* Commits keyness.tsv when ok (the other tables were written), else abandons it. */
static int keyness_finish(struct keyness_job *k, char *path, int ok)
{
	if (!k->out)
		return ok ? keyness_write(k->files, k->nfiles, path, k->alpha0) : -1;
	pthread_join(k->tid, NULL);
	if (!ok || k->ret < 0) {
		outfile_abort(k->out);
		return -1;
	}
	return outfile_commit(k->out);
}

static int stats_write_all(struct run *r, char **files, size_t nfiles)
{
	struct keyness_job k = { .files = files, .nfiles = nfiles, .alpha0 = r->o->alpha0 };
	char *path;
	int ok, ret;

	if (ensure_dir(r->o->outdir) < 0)
		return -1;
	if (strcmp(r->o->by, "outlet"))
		warning("keyness groups by outlet, not by '%s'", r->o->by);
	if (r->o->dedup)
		warning("keyness counts come from terms.tsv and still include the dropped duplicates");
	path = path_join(r->o->outdir, "keyness.tsv");
	if (keyness_start(&k, r, path) < 0) {
		free(path);
		return -1;
	}
	run_groups(r);
	ok = write_table(r, "outlets.tsv", "group\tmetric\tarticles\ttokens\tcount\trate\t"
			 "rate_lo\trate_hi\tmean\tsd\tmean_lo\tmean_hi\tmedian\tboot_lo\t"
			 "boot_hi\tnote\n", outlets_write) == 0 &&
	     write_table(r, "compare.tsv", "group_a\tgroup_b\tmetric\tn_a\tn_b\tmean_a\t"
			 "mean_b\tdiff\twelch_t\twelch_df\twelch_p\tmw_u\tmw_p\tperm_p\t"
			 "cohens_d\trate_ratio\trr_lo\trr_hi\tp_holm\tnote\n", compare_write) == 0 &&
	     write_table(r, "tests.tsv", "test\tmetric\tgroups\tn\tstatistic\tdf\tp\t"
			 "cramers_v\tnote\n", tests_write) == 0;
	ret = keyness_finish(&k, path, ok);
	free(path);
	return ok ? ret : -1;
}

int cmd_stats(int argc, char **argv)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	struct stats_opts o = { "output", "outlet", 1, 10000, 10000, 2000,
				cpus > 0 ? (size_t)(cpus < 64 ? cpus : 64) : 1, 0, 0 };
	char *deflt[] = { (char *)"output/scores.tsv" };
	char **files;
	size_t nfiles;
	struct run r;
	int first = stats_parse(argc, argv, &o), ret, have_pairs;

	if (first == -2) {
		fputs(usage, stdout);
		return EXIT_OK;
	}
	if (first < 0) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	stats_init();
	files = first < argc ? argv + first : deflt;
	nfiles = first < argc ? (size_t)(argc - first) : 1;
	memset(&r, 0, sizeof(r));
	r.o = &o;
	r.t = scoretab_read(files, nfiles, o.by, 0);
	if (!r.t)
		return EXIT_USAGE;
	have_pairs = find_duplicates(files, nfiles, o.outdir);
	if (have_pairs < 0 || stats_filter(r.t, &o, have_pairs) < 0) {
		scoretab_free(r.t);
		return have_pairs == -2 ? EXIT_FAILED : EXIT_USAGE;
	}
	if (r.t->n == 0)
		warning("no articles left to compare");
	run_build(&r);
	/* The rows are in r now: their memory is better spent on the statistics. */
	scoretab_drop_rows(r.t);
	ret = stats_write_all(&r, files, nfiles) < 0 ? EXIT_FAILED : EXIT_OK;
	run_free(&r);
	scoretab_free(r.t);
	return ret;
}
