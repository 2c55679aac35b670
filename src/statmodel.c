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

/*
 * The metrics in their order: C_rate and C_own_rate per category, C_wrate
 * per weighted category, then the indices, named as they are.
 */
static void metric_names(struct statmodel *sm)
{
	const struct scoretab *t = sm->t;
	struct buf b = BUF_INIT;
	size_t c, k;

	sm->wcat = xmalloc((t->ncat + 1) * sizeof(*sm->wcat));
	sm->nwrate = 0;
	for (c = 0; c < t->ncat; c++)
		if (scoretab_weighted(t, c))
			sm->wcat[sm->nwrate++] = c;
	sm->first_index = 2 * t->ncat + sm->nwrate;
	sm->m = sm->first_index + t->nindex;
	sm->metric = xcalloc(sm->m + 1, sizeof(char *));
	for (c = 0; c < t->ncat; c++) {
		buf_addf(&b, "%s_rate", t->cats[c]);
		sm->metric[2 * c] = buf_detach(&b);
		buf_addf(&b, "%s_own_rate", t->cats[c]);
		sm->metric[2 * c + 1] = buf_detach(&b);
	}
	for (k = 0; k < sm->nwrate; k++) {
		buf_addf(&b, "%s_wrate", t->cats[sm->wcat[k]]);
		sm->metric[2 * t->ncat + k] = buf_detach(&b);
	}
	for (k = 0; k < t->nindex; k++)
		sm->metric[sm->first_index + k] = xstrdup(t->index_name[k]);
}

/*
 * The count of rate metric j in article a: its matches, own matches or
 * (C_wrate) weighted score; NAN when NA, and for an index.
 */
static double metric_count(const struct statmodel *sm, const struct scoretab_article *a, size_t j)
{
	size_t nc = 2 * sm->t->ncat;

	if (j < nc)
		return a->counts[j];
	if (j < sm->first_index)
		return a->score[sm->wcat[j - nc]];
	return NAN;
}

/*
 * Pools the matches and tokens of each group and metric (articles with a
 * count; none for an index, which is not a count), and each group's tokens,
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
	sm->sxx = xcalloc(cells, sizeof(double));
	sm->sxt = xcalloc(cells, sizeof(double));
	sm->stt = xcalloc(cells, sizeof(double));
	for (i = 0; i < t->n; i++) {
		const struct scoretab_article *a = &t->a[i];
		size_t at = a->group * sm->m;
		double tk = a->tokens;
		sm->group_tokens[a->group] += tk;
		for (j = 0; j < sm->first_index; j++) {
			double x = metric_count(sm, a, j);
			if (!isnan(x)) {
				sm->pool_count[at + j] += x;
				sm->pool_tokens[at + j] += tk;
				sm->sxx[at + j] += x * x;
				sm->sxt[at + j] += x * tk;
				sm->stt[at + j] += tk * tk;
			}
		}
	}
	for (i = 0; i < cells - 1; i++) {
		sm->rate_sums[i].count = sm->pool_count[i];
		sm->rate_sums[i].tokens = sm->pool_tokens[i];
	}
	/* Tokens as they are: the residuals x - R t are counts in any unit of t. */
	for (i = 0; i < t->n; i++) {
		const struct scoretab_article *a = &t->a[i];
		for (j = 0; j < sm->first_index; j++) {
			double x = metric_count(sm, a, j);
			if (!isnan(x))
				stats_rate_sums_add(&sm->rate_sums[a->group * sm->m + j], x, a->tokens);
		}
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
		for (j = 0; j < sm->first_index; j++)
			v[j] = metric_count(sm, a, j) * 1000 / a->tokens;	/* NAN stays NAN */
		for (j = 0; j < t->nindex; j++)
			v[sm->first_index + j] = a->index[j];
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

int statmodel_is_index(const struct statmodel *sm, size_t j)
{
	return j >= sm->first_index && j < sm->m;
}

int statmodel_is_wrate(const struct statmodel *sm, size_t j)
{
	return j >= 2 * sm->t->ncat && j < sm->first_index;
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

/* The rest's moments of metric j without group g: the whole corpus's minus g's. */
static void rest_moments(const struct stats_moments *all, const struct stats_moments *g,
			 struct stats_moments *r)
{
	double m2a = all->n > 1 ? all->var * (double)(all->n - 1) : 0;
	double m2g = g->n > 1 ? g->var * (double)(g->n - 1) : 0, d, m2;

	r->n = all->n - g->n;
	r->mean = r->var = NAN;
	if (r->n == 0)
		return;
	r->mean = g->n ? ((double)all->n * all->mean - (double)g->n * g->mean) / (double)r->n
		       : all->mean;
	if (r->n < 2)
		return;
	/* Chan et al.'s merge of two groups' sums of squares, taken apart. */
	d = g->n ? g->mean - r->mean : 0;
	m2 = m2a - m2g - d * d * (double)g->n * (double)r->n / (double)all->n;
	r->var = fmax(m2, 0) / (double)(r->n - 1);
}

/* The corpus's article-level sums of one metric: n, X, T, Sxx, Sxt, Stt. */
struct rest_total {
	double n, count, tokens, sxx, sxt, stt;
};

/*
 * The rest's article-level sums without the group of cell c: counts,
 * tokens and sums of squares by subtraction, then its residual sum of
 * squares about its own rate, sum (x - R t)^2 = Sxx - 2 R Sxt + R^2 Stt.
 * pearson (the dispersion) is not needed by the rate ratio: NAN.
 */
static void rest_sums(const struct statmodel *sm, const struct rest_total *tot, size_t c,
		      struct stats_rate_sums *r)
{
	const struct stats_rate_sums *g = &sm->rate_sums[c];
	double sxx = tot->sxx - sm->sxx[c], sxt = tot->sxt - sm->sxt[c], stt = tot->stt - sm->stt[c];
	double R;

	r->n = (size_t)tot->n - g->n;
	r->count = tot->count - g->count;
	r->tokens = tot->tokens - g->tokens;
	R = r->tokens > 0 ? r->count / r->tokens : 0;
	r->ss = fmax(sxx - 2 * R * sxt + R * R * stt, 0);
	r->pearson = NAN;
}

/*
 * Metric j of the whole corpus: its values sorted (for the rank tests
 * against the rest), their ties and moments, and the rest's numbers of
 * every group.
 */
static void rest_metric(struct statmodel *sm, size_t j)
{
	size_t G = sm->t->ngroups, g, i, k = 0;
	double *all = sm->all_sorted + j * sm->n;
	struct rest_total tot = { 0, 0, 0, 0, 0, 0 };
	struct stats_moments mall;

	for (i = 0; i < sm->n; i++)
		if (!isnan(sm->val[i * sm->m + j]))
			all[k++] = sm->val[i * sm->m + j];
	stats_moments(all, k, &mall);
	stats_sort(all, k);
	sm->all_n[j] = k;
	sm->all_ties[j] = stats_ties(all, k);
	for (g = 0; g < G; g++) {
		size_t c = g * sm->m + j;
		tot.n += (double)sm->rate_sums[c].n;
		tot.count += sm->rate_sums[c].count;
		tot.tokens += sm->rate_sums[c].tokens;
		tot.sxx += sm->sxx[c];
		tot.sxt += sm->sxt[c];
		tot.stt += sm->stt[c];
	}
	for (g = 0; g < G; g++) {
		size_t c = g * sm->m + j;
		rest_moments(&mall, &sm->mom[c], &sm->rest_mom[c]);
		rest_sums(sm, &tot, c, &sm->rest_sums[c]);
	}
}

/* What the pairs against the rest share, when there is one. */
static void rest_prepare(struct statmodel *sm)
{
	size_t cells = sm->t->ngroups * sm->m + 1, j;

	sm->has_rest = 1;
	sm->all_sorted = xmalloc((sm->n * sm->m + 1) * sizeof(double));
	sm->all_ties = xmalloc((sm->m + 1) * sizeof(double));
	sm->all_n = xmalloc((sm->m + 1) * sizeof(size_t));
	sm->rest_mom = xmalloc(cells * sizeof(*sm->rest_mom));
	sm->rest_sums = xmalloc(cells * sizeof(*sm->rest_sums));
	sm->rest_mw = xmalloc(cells * sizeof(*sm->rest_mw));
	sm->rest_mw_why = xmalloc(cells * sizeof(char *));
	sm->ref_ties = xmalloc((sm->m + 1) * sizeof(double));
	for (j = 0; j < sm->m; j++) {
		rest_metric(sm, j);
		if (sm->reference != STATMODEL_REST)
			sm->ref_ties[j] = stats_ties(statmodel_sorted(sm, sm->reference, j),
						     sm->mom[sm->reference * sm->m + j].n);
	}
	sm->len_all = xmalloc((sm->n + 1) * sizeof(double));
	memcpy(sm->len_all, sm->len_sorted, sm->n * sizeof(double));
	stats_sort(sm->len_all, sm->n);
}

void statmodel_side(const struct statmodel *sm, size_t g, int rest_of, size_t j,
		    struct statmodel_side *s)
{
	size_t c = g * sm->m + j;

	if (!rest_of) {
		s->name = sm->t->groups[g];
		s->mom = &sm->mom[c];
		s->sums = &sm->rate_sums[c];
		statmodel_pooled(sm, g, j, &s->count, &s->tokens);
		return;
	}
	s->name = STATMODEL_REST_NAME;
	s->mom = &sm->rest_mom[c];
	s->sums = &sm->rest_sums[c];
	s->count = sm->rest_sums[c].count;
	s->tokens = sm->rest_sums[c].tokens;
}

/* Group a against the rest: Mann-Whitney per metric; no permutation. */
static void rest_pair_task(struct statmodel *sm, size_t k)
{
	size_t a = sm->pair_a[k], j;

	for (j = 0; j < sm->m; j++) {
		size_t c = a * sm->m + j;
		sm->perm_p[k * sm->m + j] = NAN;
		sm->perm_why[k * sm->m + j] = "not permuted against the rest";
		sm->rest_mw_why[c] = stats_mann_whitney_rest(statmodel_sorted(sm, a, j),
							     sm->mom[c].n,
							     sm->all_sorted + j * sm->n,
							     sm->all_n[j], sm->all_ties[j],
							     &sm->rest_mw[c]);
	}
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
	size_t na, nb, j;
	double *p = sm->perm_p + k * sm->m;
	const char **why = sm->perm_why + k * sm->m;
	double *x;
	int exact;

	if (b == STATMODEL_REST) {
		rest_pair_task(sm, k);
		return;
	}
	na = statmodel_size(sm, a);
	nb = statmodel_size(sm, b);
	if (na + nb > sm->p.perm_max || (sm->pair_shuffles == 0 && sm->p.permutations > 0)) {
		for (j = 0; j < sm->m; j++) {
			p[j] = NAN;
			why[j] = na + nb > sm->p.perm_max ? "more articles than --perm-max"
				 : "too many pairs for --perm-budget";
		}
		return;
	}
	/* The two groups' rows, a first, as one block. */
	x = xmalloc(((na + nb) * sm->m + 1) * sizeof(double));
	memcpy(x, sm->val + sm->start[a] * sm->m, na * sm->m * sizeof(double));
	memcpy(x + na * sm->m, sm->val + sm->start[b] * sm->m, nb * sm->m * sizeof(double));
	stats_permutation(x, na, nb, sm->m, sm->pair_shuffles,
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
		if (b == STATMODEL_REST)
			stats_ks_rest(sm->len_sorted + sm->start[a], statmodel_size(sm, a),
				      sm->len_all, sm->n, &sm->len_ks[k]);
		else
			stats_ks_sorted(sm->len_sorted + sm->start[a], statmodel_size(sm, a),
					sm->len_sorted + sm->start[b], statmodel_size(sm, b),
					&sm->len_ks[k]);
	}
}

/* The pair list being built: appends (a, b) unless it is there (either way round). */
struct pair_list {
	size_t *a, *b, n, alloc, balloc;
};

static int pair_known(const struct pair_list *l, size_t a, size_t b)
{
	size_t k;
	for (k = 0; k < l->n; k++)
		if ((l->a[k] == a && l->b[k] == b) || (l->a[k] == b && l->b[k] == a))
			return 1;
	return 0;
}

static void pair_add(struct pair_list *l, size_t a, size_t b, int check)
{
	if (a == b || (check && pair_known(l, a, b)))
		return;
	ALLOC_GROW(l->a, l->n + 1, l->alloc);
	ALLOC_GROW(l->b, l->n + 1, l->balloc);
	l->a[l->n] = a;
	l->b[l->n++] = b;
}

/* The group with the most articles (the first of equals): the default reference. */
static size_t largest_group(const struct statmodel *sm)
{
	size_t g, best = 0;
	for (g = 1; g < sm->t->ngroups; g++)
		if (statmodel_size(sm, g) > statmodel_size(sm, best))
			best = g;
	return best;
}

/*
 * Which pairs (see struct statmodel_params): all of them up to
 * all_pairs_max groups, in the order of the groups; beyond, per group its
 * pair against the rest and against the reference; the user's pairs last.
 */
static void choose_pairs(struct statmodel *sm, struct pair_list *l)
{
	size_t G = sm->t->ngroups, a, b, k, ref;

	if (G <= sm->p.all_pairs_max) {
		for (a = 0; a < G; a++)
			for (b = a + 1; b < G; b++)
				pair_add(l, a, b, 0);
	} else {
		ref = sm->p.reference < G ? sm->p.reference : largest_group(sm);
		sm->reference = ref;
		for (a = 0; a < G; a++) {
			pair_add(l, a, STATMODEL_REST, 0);
			pair_add(l, a, ref, 0);
		}
	}
	/* Few, so a linear check of duplicates is cheap enough. */
	for (k = 0; k < sm->p.nuser; k++)
		pair_add(l, sm->p.user_pairs[2 * k], sm->p.user_pairs[2 * k + 1], 1);
}

/*
 * Beyond all_pairs_max groups the pairs' shuffles share perm_budget
 * (articles x shuffles over the pairs within perm_max): as many per pair
 * as fit, none when fewer than 100 would. Up to all_pairs_max groups each
 * pair gets permutations, as it always has.
 */
static size_t pair_shuffles(const struct statmodel *sm)
{
	double work = 0, fit;
	size_t k;

	if (!sm->has_rest || sm->p.permutations == 0)
		return sm->p.permutations;
	for (k = 0; k < sm->npairs; k++) {
		size_t a = sm->pair_a[k], b = sm->pair_b[k], n;
		if (b == STATMODEL_REST)
			continue;
		n = statmodel_size(sm, a) + statmodel_size(sm, b);
		if (n <= sm->p.perm_max)
			work += (double)n;
	}
	if (work * (double)sm->p.permutations <= sm->p.perm_budget)
		return sm->p.permutations;
	fit = floor(sm->p.perm_budget / work);
	return fit < 100 ? 0 : (size_t)fit;
}

/*
 * The relabellings of the groups x categories test: permutations, or as
 * many as perm_budget allows on n articles (at least 99, so that p can
 * still say 0.01).
 */
static size_t chisq_shuffles(const struct statmodel *sm)
{
	double fit;

	if ((double)sm->n * (double)sm->p.permutations <= sm->p.perm_budget)
		return sm->p.permutations;
	fit = floor(sm->p.perm_budget / (double)sm->n);
	return fit < 99 ? 99 : (size_t)fit;
}

void statmodel_pairs(struct statmodel *sm)
{
	struct pair_list l = { NULL, NULL, 0, 0, 0 };
	size_t k;

	sm->reference = STATMODEL_REST;
	choose_pairs(sm, &l);
	sm->npairs = l.n;
	sm->pair_a = xmalloc((sm->npairs + 1) * sizeof(size_t));
	sm->pair_b = xmalloc((sm->npairs + 1) * sizeof(size_t));
	if (l.n) {	/* l.a is NULL without pairs */
		memcpy(sm->pair_a, l.a, l.n * sizeof(size_t));
		memcpy(sm->pair_b, l.b, l.n * sizeof(size_t));
	}
	free(l.a);
	free(l.b);
	for (k = 0; k < sm->npairs; k++)
		if (sm->pair_b[k] == STATMODEL_REST && !sm->has_rest)
			rest_prepare(sm);
	sm->pair_shuffles = pair_shuffles(sm);
	sm->chisq_shuffles = chisq_shuffles(sm);
	sm->perm_p = xmalloc((sm->npairs * sm->m + 1) * sizeof(double));
	sm->perm_why = xmalloc((sm->npairs * sm->m + 1) * sizeof(char *));
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
	free(sm->wcat);
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
	free(sm->sxx);
	free(sm->sxt);
	free(sm->stt);
	free(sm->all_sorted);
	free(sm->all_ties);
	free(sm->all_n);
	free(sm->len_all);
	free(sm->rest_mom);
	free(sm->rest_sums);
	free(sm->rest_mw);
	free(sm->rest_mw_why);
	free(sm->ref_ties);
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
	stats_permutation_chisq_tables(x, size, G, ncats, 2, sm->chisq_shuffles,
				       stats_seed(sm->p.seed, "chisq", "categories"),
				       sm->p.jobs, out, why);
	free(size);
	free(x);
}
