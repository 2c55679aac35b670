/*
 * The model of "framing stats" (see statmodel.h): metrics per article,
 * groups, pooled counts, and the per-group and per-pair numbers computed
 * once for every table that prints them.
 */
#include "statmodel.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "resample.h"
#include "util.h"
#include "workpool.h"
#include "xalloc.h"
#include "banned.h"

static void metric_names(struct statmodel *sm)
{
	const struct scoretab *t = sm->t;
	struct buf b = BUF_INIT;
	size_t c;

	sm->m = 2 * t->ncat + (t->has_stance ? 1 : 0);
	sm->metric = xcalloc(sm->m + 1, sizeof(char *));
	for (c = 0; c < t->ncat; c++) {
		buf_addf(&b, "%s_rate", t->cats[c]);
		sm->metric[2 * c] = buf_detach(&b);
		buf_addf(&b, "%s_own_rate", t->cats[c]);
		sm->metric[2 * c + 1] = buf_detach(&b);
	}
	if (t->has_stance)
		sm->metric[2 * t->ncat] = xstrdup("stance");
}

/*
 * Pools the matches and tokens of each group and metric (articles with a
 * count; none for stance, which is not a count), and each group's tokens,
 * adding the articles in the table's order; then, with the pooled rates
 * known, each article's residual for the article-level sums.
 */
static void pool(struct statmodel *sm)
{
	const struct scoretab *t = sm->t;
	size_t cells = t->ngroups * sm->m + 1, i, j;

	sm->pool_count = xcalloc(cells, sizeof(double));
	sm->pool_tokens = xcalloc(cells, sizeof(double));
	sm->group_tokens = xcalloc(t->ngroups + 1, sizeof(double));
	sm->rate_sums = xcalloc(cells, sizeof(*sm->rate_sums));
	for (i = 0; i < t->n; i++) {
		const struct scoretab_article *a = &t->a[i];
		size_t at = a->group * sm->m;
		sm->group_tokens[a->group] += a->tokens;
		for (j = 0; j < 2 * t->ncat; j++)
			if (!isnan(a->counts[j])) {
				sm->pool_count[at + j] += a->counts[j];
				sm->pool_tokens[at + j] += a->tokens;
			}
	}
	for (i = 0; i < cells - 1; i++) {
		sm->rate_sums[i].count = sm->pool_count[i];
		sm->rate_sums[i].tokens = sm->pool_tokens[i];
	}
	/* Tokens as they are: the residuals x - R t are counts in any unit of t. */
	for (i = 0; i < t->n; i++) {
		const struct scoretab_article *a = &t->a[i];
		for (j = 0; j < 2 * t->ncat; j++)
			if (!isnan(a->counts[j]))
				stats_rate_sums_add(&sm->rate_sums[a->group * sm->m + j], a->counts[j],
						    a->tokens);
	}
}

/*
 * What the permutation chi-square and the length check need of the
 * articles (see struct statmodel), taken before the rows are dropped.
 */
static void keep_counts(struct statmodel *sm)
{
	const struct scoretab *t = sm->t;
	size_t i, g, k = 2 * t->ncat;

	sm->count = xmalloc((t->n * k + 1) * sizeof(double));
	sm->len_sorted = xmalloc((t->n + 1) * sizeof(double));
	for (i = 0; i < t->n; i++) {
		memcpy(sm->count + i * k, t->a[i].counts, k * sizeof(double));
		sm->len_sorted[i] = t->a[i].tokens;
	}
	for (g = 0; g < t->ngroups; g++)
		stats_sort(sm->len_sorted + sm->start[g], statmodel_size(sm, g));
}

void statmodel_build(struct statmodel *sm, const struct scoretab *t,
		     const struct statmodel_params *p)
{
	size_t i, j, g = 0;

	memset(sm, 0, sizeof(*sm));
	sm->p = *p;
	sm->t = t;
	metric_names(sm);
	sm->n = t->n;
	sm->val = xmalloc((t->n * sm->m + 1) * sizeof(double));
	for (i = 0; i < t->n; i++) {
		const struct scoretab_article *a = &t->a[i];
		double *v = sm->val + i * sm->m;
		for (j = 0; j < 2 * t->ncat; j++)
			v[j] = a->counts[j] * 1000 / a->tokens;	/* NAN stays NAN */
		if (t->has_stance)
			v[j] = a->stance;
	}
	sm->start = xmalloc((t->ngroups + 1) * sizeof(size_t));
	for (i = 0; i < t->n; i++)
		while (g <= t->a[i].group)
			sm->start[g++] = i;
	while (g <= t->ngroups)
		sm->start[g++] = t->n;
	pool(sm);
	sm->work = xmalloc((t->n + 1) * sizeof(double));
	keep_counts(sm);
}

size_t statmodel_size(const struct statmodel *sm, size_t g)
{
	return sm->start[g + 1] - sm->start[g];
}

size_t statmodel_values(const struct statmodel *sm, size_t g, size_t j, double *out)
{
	size_t i, k = 0;
	for (i = sm->start[g]; i < sm->start[g + 1]; i++)
		if (!isnan(sm->val[i * sm->m + j]))
			out[k++] = sm->val[i * sm->m + j];
	return k;
}

void statmodel_pooled(const struct statmodel *sm, size_t g, size_t j, double *count,
		      double *tokens)
{
	*count = sm->pool_count[g * sm->m + j];
	*tokens = sm->pool_tokens[g * sm->m + j];
}

const struct stats_rate_sums *statmodel_rate_sums(const struct statmodel *sm, size_t g, size_t j)
{
	return &sm->rate_sums[g * sm->m + j];
}

const double *statmodel_sorted(const struct statmodel *sm, size_t g, size_t j)
{
	return sm->sorted + sm->sorted_at[g * sm->m + j];
}

int statmodel_is_stance(const struct statmodel *sm, size_t j)
{
	return sm->t->has_stance && j == sm->m - 1;
}

/* Room for the per-group numbers that every pair shares (see struct statmodel). */
static void alloc_groups(struct statmodel *sm)
{
	size_t cells = sm->t->ngroups * sm->m + 1;

	sm->mom = xmalloc(cells * sizeof(*sm->mom));
	sm->sorted = xmalloc((sm->n * sm->m + 1) * sizeof(double));
	sm->sorted_at = xmalloc(cells * sizeof(size_t));
	sm->boot_lo = xmalloc(cells * sizeof(double));
	sm->boot_hi = xmalloc(cells * sizeof(double));
	sm->boot_why = xmalloc(cells * sizeof(char *));
}

/*
 * The numbers of group g that every pair shares. Groups are independent,
 * so workers prepare them in parallel: metric j of group g has room for
 * all the group's articles at sorted[start[g] m + j size(g)].
 */
static void prepare_group(struct statmodel *sm, size_t g)
{
	size_t j, size = statmodel_size(sm, g);

	for (j = 0; j < sm->m; j++) {
		size_t c = g * sm->m + j, at = sm->start[g] * sm->m + j * size;
		size_t k = statmodel_values(sm, g, j, sm->sorted + at);
		stats_moments(sm->sorted + at, k, &sm->mom[c]);
		stats_sort(sm->sorted + at, k);
		sm->sorted_at[c] = at;
	}
}

/*
 * Group g's shared numbers and its bootstrap (BCa: README, Methods, says
 * why). Each group has its own seed
 * (from its name), so the numbers do not depend on the thread that ran it.
 */
static void group_task(void *arg, size_t g)
{
	struct statmodel *sm = arg;

	prepare_group(sm, g);
	stats_bootstrap_bca(sm->val + sm->start[g] * sm->m, statmodel_size(sm, g), sm->m,
			      sm->p.bootstrap, stats_seed(sm->p.seed, sm->t->groups[g], "bootstrap"),
			      sm->boot_lo + g * sm->m, sm->boot_hi + g * sm->m,
			      sm->boot_why + g * sm->m);
}

void statmodel_groups(struct statmodel *sm)
{
	alloc_groups(sm);
	workpool_run(sm->p.jobs, sm->t->ngroups, group_task, sm);
}

/*
 * Permutation p of every metric for pair k, into perm_p and perm_why;
 * NA beyond perm_max. The pairs run in parallel: with groups of a few
 * hundred articles the shuffles are most of the work. Each pair's seed
 * comes from the two names.
 */
static void pair_task(void *arg, size_t k)
{
	struct statmodel *sm = arg;
	size_t a = sm->pair_a[k], b = sm->pair_b[k];
	size_t na = statmodel_size(sm, a), nb = statmodel_size(sm, b), j;
	double *p = sm->perm_p + k * sm->m;
	const char **why = sm->perm_why + k * sm->m;
	double *x;
	int exact;

	if (na + nb > sm->p.perm_max) {
		for (j = 0; j < sm->m; j++) {
			p[j] = NAN;
			why[j] = "more articles than --perm-max";
		}
		return;
	}
	/* The two groups' rows, a first, as one block. */
	x = xmalloc(((na + nb) * sm->m + 1) * sizeof(double));
	memcpy(x, sm->val + sm->start[a] * sm->m, na * sm->m * sizeof(double));
	memcpy(x + na * sm->m, sm->val + sm->start[b] * sm->m, nb * sm->m * sizeof(double));
	stats_permutation(x, na, nb, sm->m, sm->p.permutations,
			  stats_seed(sm->p.seed, sm->t->groups[a], sm->t->groups[b]), p, why,
			  &exact);
	free(x);
}

/* The Kolmogorov-Smirnov test of every pair's article lengths. */
static void pair_lengths(struct statmodel *sm)
{
	size_t k;

	sm->len_ks = xmalloc((sm->npairs + 1) * sizeof(*sm->len_ks));
	for (k = 0; k < sm->npairs; k++) {
		size_t a = sm->pair_a[k], b = sm->pair_b[k];
		stats_ks_sorted(sm->len_sorted + sm->start[a], statmodel_size(sm, a),
				sm->len_sorted + sm->start[b], statmodel_size(sm, b), &sm->len_ks[k]);
	}
}

void statmodel_pairs(struct statmodel *sm)
{
	size_t G = sm->t->ngroups, a, b, k = 0;

	sm->npairs = G * (G - (G > 0)) / 2;
	sm->pair_a = xmalloc((sm->npairs + 1) * sizeof(size_t));
	sm->pair_b = xmalloc((sm->npairs + 1) * sizeof(size_t));
	sm->perm_p = xmalloc((sm->npairs * sm->m + 1) * sizeof(double));
	sm->perm_why = xmalloc((sm->npairs * sm->m + 1) * sizeof(char *));
	for (a = 0; a < G; a++)
		for (b = a + 1; b < G; b++) {
			sm->pair_a[k] = a;
			sm->pair_b[k++] = b;
		}
	workpool_run(sm->p.jobs, sm->npairs, pair_task, sm);
	pair_lengths(sm);
}

void statmodel_release(struct statmodel *sm)
{
	size_t j;
	for (j = 0; j < sm->m; j++)
		free(sm->metric[j]);
	free(sm->metric);
	free(sm->val);
	free(sm->start);
	free(sm->work);
	free(sm->mom);
	free(sm->pool_count);
	free(sm->pool_tokens);
	free(sm->group_tokens);
	free(sm->rate_sums);
	free(sm->sorted);
	free(sm->sorted_at);
	free(sm->pair_a);
	free(sm->pair_b);
	free(sm->perm_p);
	free(sm->perm_why);
	free(sm->boot_lo);
	free(sm->boot_hi);
	free(sm->boot_why);
	free(sm->count);
	free(sm->len_sorted);
	free(sm->len_ks);
	memset(sm, 0, sizeof(*sm));
}

void statmodel_chisq(const struct statmodel *sm, const size_t *cats, size_t ncats,
		     struct stats_chisq_perm *out, const char **why)
{
	size_t G = sm->t->ngroups, k = 2 * sm->t->ncat, i, c, own;
	size_t *size = xmalloc((G + 1) * sizeof(*size));
	double *x = xmalloc((sm->n * 2 * ncats + 1) * sizeof(*x));

	for (i = 0; i < G; i++)
		size[i] = statmodel_size(sm, i);
	for (i = 0; i < sm->n; i++)
		for (own = 0; own < 2; own++)
			for (c = 0; c < ncats; c++)
				x[(i * 2 + own) * ncats + c] = sm->count[i * k + 2 * cats[c] + own];
	stats_permutation_chisq_tables(x, size, G, ncats, 2, sm->p.permutations,
				       stats_seed(sm->p.seed, "chisq", "categories"),
				       sm->p.jobs, out, why);
	free(size);
	free(x);
}
