/*
 * Statistical tests and summaries with GSL. Every distribution function,
 * quantile and sort comes from GSL; what GSL lacks (ranks with ties, the
 * exact Mann-Whitney distribution, Holm) is written here following R's
 * code so that the numbers agree with R to the digits we print.
 */
#include "stats.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "quantile.h"
#include "xalloc.h"
#include "hash.h"
#include "util.h"
#include "banned.h"

void stats_init(void)
{
	/* Bad data must give NA and a message, never an abort(). */
	gsl_set_error_handler_off();
}

/* A double's bits as an unsigned key that orders as the numbers do. */
static inline uint64_t stats_sort_key(double v)
{
	uint64_t u;

	memcpy(&u, &v, sizeof(u));
	return u >> 63 ? ~u : u | (1ULL << 63);
}

static inline double stats_sort_value(uint64_t k)
{
	uint64_t u = k >> 63 ? k & ~(1ULL << 63) : ~k;
	double v;

	memcpy(&v, &u, sizeof(v));
	return v;
}

/*
 * Sorting was a sixth of framing stats on a million articles (each group
 * and metric, the corpus per metric, every bootstrap's means), and GSL's
 * is a heapsort: a radix sort of the keys, a byte at a time, skipping the
 * bytes all keys share (most: rates are small numbers alike in sign and
 * exponent). The same numbers come out in the same order (no NaN is ever
 * sorted; -0 sorts before +0, which no rate is).
 */
void stats_sort(double *x, size_t n)
{
	uint64_t *k, *tmp, *from, *to, diff = 0;
	size_t i, pass;

	if (n < 64) {
		gsl_sort(x, 1, n);
		return;
	}
	k = xmalloc(n * sizeof(*k));
	tmp = xmalloc(n * sizeof(*tmp));
	for (i = 0; i < n; i++) {
		k[i] = stats_sort_key(x[i]);
		diff |= k[i] ^ k[0];
	}
	from = k;
	to = tmp;
	for (pass = 0; pass < 8; pass++) {
		size_t count[257] = { 0 }, shift = pass * 8, b;
		uint64_t *swap;
		if (!((diff >> shift) & 0xff))
			continue;
		for (i = 0; i < n; i++)
			count[((from[i] >> shift) & 0xff) + 1]++;
		for (b = 1; b < 257; b++)
			count[b] += count[b - 1];
		for (i = 0; i < n; i++)
			to[count[(from[i] >> shift) & 0xff]++] = from[i];
		swap = from;
		from = to;
		to = swap;
	}
	for (i = 0; i < n; i++)
		x[i] = stats_sort_value(from[i]);
	free(k);
	free(tmp);
}

/* A sorted copy of x; x may be NULL when n is 0 (a group without values). */
static double *stats_sorted_copy(const double *x, size_t n)
{
	double *s = xmalloc((n + 1) * sizeof(*s));
	if (n)
		memcpy(s, x, n * sizeof(*s));
	stats_sort(s, n);
	return s;
}

/* Quantile of a t distribution (quantile.h: never NaN for df > 0). */
static double stats_qt(double p, double df)
{
	double q = quantile_t(p, df);
	return isfinite(q) ? q : NAN;
}

double stats_mean(const double *x, size_t n)
{
	return n ? gsl_stats_mean(x, 1, n) : NAN;
}

const char *stats_summary_sorted(const double *x, const double *sorted, size_t n,
				 struct stats_summary *s)
{
	double half;

	s->n = n;
	s->mean = s->sd = s->mean_lo = s->mean_hi = s->median = NAN;
	if (n == 0)
		return "no values";
	s->median = gsl_stats_median_from_sorted_data(sorted, 1, n);
	s->mean = gsl_stats_mean(x, 1, n);
	if (n < 2)
		return "one article";
	s->sd = gsl_stats_sd_m(x, 1, n, s->mean);
	if (!(s->sd > 0))
		return "zero variance";
	half = stats_qt(0.975, (double)(n - 1)) * s->sd / sqrt((double)n);
	s->mean_lo = s->mean - half;
	s->mean_hi = s->mean + half;
	return NULL;
}

const char *stats_summary(const double *x, size_t n, struct stats_summary *s)
{
	double *sorted = stats_sorted_copy(x, n);
	const char *why = stats_summary_sorted(x, sorted, n, s);

	free(sorted);
	return why;
}

const char *stats_poisson_ci(double count, double exposure, double *lo, double *hi)
{
	*lo = *hi = NAN;
	if (!(exposure > 0))
		return "no tokens";
	*lo = count > 0 ? quantile_chisq(0.025, 2 * count) / 2 / exposure : 0;
	*hi = quantile_chisq(0.975, 2 * count + 2) / 2 / exposure;
	if (!isfinite(*lo) || !isfinite(*hi)) {
		*lo = *hi = NAN;
		return "poisson quantile failed";
	}
	return NULL;
}

void stats_rate_sums_add(struct stats_rate_sums *s, double x, double t)
{
	double e = s->tokens > 0 ? s->count / s->tokens * t : NAN, r = x - e;

	s->n++;
	s->ss += r * r;
	/* With no matches the dispersion is undefined; pearson stays NAN. */
	s->pearson += e > 0 ? r * r / e : NAN;
}

void stats_rate_sums(const double *x, const double *t, size_t n, struct stats_rate_sums *s)
{
	size_t i;

	memset(s, 0, sizeof(*s));
	for (i = 0; i < n; i++) {
		s->count += x[i];
		s->tokens += t[i];
	}
	for (i = 0; i < n; i++)
		stats_rate_sums_add(s, x[i], t[i]);
}

const char *stats_rate_hc1(const struct stats_rate_sums *s, struct stats_rate *r)
{
	double n = (double)s->n, half;

	r->rate = r->se = r->lo = r->hi = r->dispersion = NAN;
	if (!(s->tokens > 0))
		return "no tokens";
	r->rate = s->count / s->tokens;
	if (s->n < 2)
		return "one article";
	if (!(s->count > 0))
		return "no matches";
	r->dispersion = s->pearson / (n - 1);
	r->se = sqrt(n / (n - 1) * s->ss) / s->count;
	half = stats_qt(0.975, n - 1) * r->se;
	r->lo = r->rate * exp(-half);
	r->hi = r->rate * exp(half);
	return NULL;
}

const char *stats_share_hc1(const struct stats_rate_sums *s, struct stats_rate *r)
{
	double n = (double)s->n, share, half, logit;

	r->rate = r->se = r->lo = r->hi = r->dispersion = NAN;
	if (!(s->tokens > 0))
		return "no matches";
	share = r->rate = s->count / s->tokens;
	if (s->n < 2)
		return "one article";
	r->se = sqrt(n / (n - 1) * s->ss) / s->tokens;
	if (!(share > 0 && share < 1))
		return share > 0 ? "share 1" : "share 0";
	logit = log(share / (1 - share));
	half = stats_qt(0.975, n - 1) * r->se / (share * (1 - share));
	r->lo = 1 / (1 + exp(-(logit - half)));
	r->hi = 1 / (1 + exp(-(logit + half)));
	return NULL;
}

/* Group g's HC1 variance of log R_g: n / (n - 1) ss / X^2. */
static double rate_var_hc1(const struct stats_rate_sums *s)
{
	double n = (double)s->n;

	return n / (n - 1) * s->ss / (s->count * s->count);
}

const char *stats_rate_ratio_hc1(const struct stats_rate_sums *a,
				 const struct stats_rate_sums *b, struct stats_rr *r)
{
	double va, vb, df, q, lrr;

	r->rr = r->se = r->lo = r->hi = r->p = r->df = NAN;
	if (!(a->tokens > 0) || !(b->tokens > 0))
		return "no tokens";
	if (!(a->count > 0) || !(b->count > 0))
		return a->count > 0 ? "no matches in group b" : "no matches in group a";
	r->rr = (a->count / a->tokens) / (b->count / b->tokens);
	/* One article says nothing about the spread between articles. */
	if (a->n < 2 || b->n < 2)
		return "one article in a group";
	/*
	 * Each group its own HC1 variance and Welch-Satterthwaite df: the
	 * pooled N / (N - 2) with t(N - 2) let a group of 300 articles lend
	 * its df to a group of 5 and rejected a true null 19% of the time.
	 */
	va = rate_var_hc1(a);
	vb = rate_var_hc1(b);
	r->se = sqrt(va + vb);
	df = (va + vb) * (va + vb) /
	     (va * va / (double)(a->n - 1) + vb * vb / (double)(b->n - 1));
	/* Both variances 0 (every article at its group's rate): no spread. */
	if (!(df > 0))
		df = (double)(a->n + b->n - 2);
	r->df = df;
	lrr = log(r->rr);
	q = stats_qt(0.975, df);
	r->lo = r->rr * exp(-q * r->se);
	r->hi = r->rr * exp(q * r->se);
	if (r->se > 0)
		r->p = fmin(1, 2 * gsl_cdf_tdist_Q(fabs(lrr) / r->se, df));
	else
		r->p = lrr == 0 ? 1 : 0;
	return NULL;
}

void stats_moments(const double *x, size_t n, struct stats_moments *mo)
{
	mo->n = n;
	mo->mean = n ? gsl_stats_mean(x, 1, n) : NAN;
	mo->var = n > 1 ? gsl_stats_variance_m(x, 1, n, mo->mean) : NAN;
}

const char *stats_welch_moments(const struct stats_moments *a, const struct stats_moments *b,
				struct stats_welch *w)
{
	double sa, sb, se;

	w->t = w->df = w->p = NAN;
	if (a->n < 2 || b->n < 2)
		return "fewer than 2 articles";
	sa = a->var / (double)a->n;
	sb = b->var / (double)b->n;
	se = sqrt(sa + sb);
	/* R's t.test stops with "data are essentially constant" here. */
	if (!(se > 10 * DBL_EPSILON * fmax(fabs(a->mean), fabs(b->mean))))
		return "zero variance";
	w->t = (a->mean - b->mean) / se;
	w->df = (sa + sb) * (sa + sb) /
		(sa * sa / (double)(a->n - 1) + sb * sb / (double)(b->n - 1));
	w->p = 2 * gsl_cdf_tdist_Q(fabs(w->t), w->df);
	return NULL;
}

const char *stats_welch(const double *a, size_t na, const double *b, size_t nb,
			struct stats_welch *w)
{
	struct stats_moments ma, mb;

	stats_moments(a, na, &ma);
	stats_moments(b, nb, &mb);
	return stats_welch_moments(&ma, &mb, w);
}

/*
 * A k-way merge of sorted groups: a binary heap of group numbers keyed by
 * each group's next value, so that ranking n values of k groups costs
 * n log k, and a caller that compares many pairs sorts each group once.
 */
struct stats_merge {
	const double *const *x;
	const size_t *n;
	size_t *pos;		/* next value of each group */
	size_t *heap;		/* groups with values left */
	size_t len;
};

static double stats_merge_key(const struct stats_merge *h, size_t i)
{
	size_t g = h->heap[i];
	return h->x[g][h->pos[g]];
}

static void stats_merge_down(struct stats_merge *h, size_t i)
{
	for (;;) {
		size_t c = 2 * i + 1, tmp;
		if (c >= h->len)
			return;
		if (c + 1 < h->len && stats_merge_key(h, c + 1) < stats_merge_key(h, c))
			c++;
		if (!(stats_merge_key(h, c) < stats_merge_key(h, i)))
			return;
		tmp = h->heap[i];
		h->heap[i] = h->heap[c];
		h->heap[c] = tmp;
		i = c;
	}
}

/*
 * Takes every value equal to v off the front of the groups: cnt[k] of
 * group grp[k] for the returned number of groups that had v.
 */
static size_t stats_merge_take(struct stats_merge *h, double v, size_t *grp, size_t *cnt)
{
	size_t used = 0;

	while (h->len && stats_merge_key(h, 0) == v) {
		size_t g = h->heap[0], c = 0;
		while (h->pos[g] < h->n[g] && h->x[g][h->pos[g]] == v) {
			h->pos[g]++;
			c++;
		}
		grp[used] = g;
		cnt[used++] = c;
		if (h->pos[g] == h->n[g])
			h->heap[0] = h->heap[--h->len];
		stats_merge_down(h, 0);
	}
	return used;
}

/*
 * Sums of the mid-ranks (R's rank(ties.method = "average")) of each of k
 * groups, x[g][0..n[g]) sorted ascending, in rsum[g]. Returns the sum over
 * tie groups of t^3 - t, in ascending order of value, for the tie
 * corrections. Mid-ranks are halves, so the sums are exact (as adding
 * rank by rank is) while they stay below 2^52: up to 67 million values.
 */
static double stats_rank_sums(const double *const *x, const size_t *n, size_t k, double *rsum)
{
	struct stats_merge h = { x, n, xcalloc(k + 1, sizeof(size_t)),
				 xmalloc((k + 1) * sizeof(size_t)), 0 };
	size_t *grp = xmalloc((k + 1) * sizeof(size_t)), *cnt = xmalloc((k + 1) * sizeof(size_t));
	size_t g, i, done = 0;
	double ties = 0;

	for (g = 0; g < k; g++) {
		rsum[g] = 0;
		if (n[g])
			h.heap[h.len++] = g;
	}
	for (i = h.len; i-- > 0;)
		stats_merge_down(&h, i);
	while (h.len) {
		size_t used = stats_merge_take(&h, stats_merge_key(&h, 0), grp, cnt), t = 0;
		double mid, tt;
		for (i = 0; i < used; i++)
			t += cnt[i];
		mid = (double)(done + (done + t) + 1) / 2;
		for (i = 0; i < used; i++)
			rsum[grp[i]] += (double)cnt[i] * mid;
		tt = (double)t;
		ties += tt * tt * tt - tt;
		done += t;
	}
	free(h.pos);
	free(h.heap);
	free(grp);
	free(cnt);
	return ties;
}

/*
 * Frequencies of the Mann-Whitney U (0..m n) for sample sizes m and n
 * without ties: counts the m-subsets of the ranks 1..m+n by their rank sum,
 * which is what R's cwilcox does. The caller frees.
 */
static double *stats_wilcox_counts(size_t m, size_t n)
{
	size_t N = m + n, maxs = m * N, i, j, s, u;
	double *dp = xcalloc((m + 1) * (maxs + 1), sizeof(*dp));
	double *count = xcalloc(m * n + 1, sizeof(*count));
	size_t base = m * (m + 1) / 2;

	dp[0] = 1;
	for (i = 1; i <= N; i++)
		for (j = (i < m ? i : m); j >= 1; j--)
			for (s = (j * i < maxs ? j * i : maxs); s >= i; s--)
				dp[j * (maxs + 1) + s] += dp[(j - 1) * (maxs + 1) + s - i];
	for (u = 0; u <= m * n; u++)
		count[u] = dp[m * (maxs + 1) + base + u];
	free(dp);
	return count;
}

static void stats_mw_exact(double u, size_t na, size_t nb, struct stats_mw *mw)
{
	double *count = stats_wilcox_counts(na, nb), total = 0, tail = 0;
	size_t k, q = (size_t)u;

	for (k = 0; k <= na * nb; k++)
		total += count[k];
	/* R: the tail on the side of the observed U, summed directly, doubled. */
	if (u > (double)(na * nb) / 2)
		for (k = q; k <= na * nb; k++)
			tail += count[k];
	else
		for (k = 0; k <= q; k++)
			tail += count[k];
	free(count);
	mw->p = fmin(2 * tail / total, 1);
	mw->exact = 1;
}

static const char *stats_mw_normal(double u, size_t na, size_t nb, double ties,
				   struct stats_mw *mw)
{
	double N = (double)(na + nb), z, sigma;

	sigma = sqrt((double)na * (double)nb / 12 * ((N + 1) - ties / (N * (N - 1))));
	if (!(sigma > 0))
		return "all values tied";
	z = u - (double)na * (double)nb / 2;
	z = (z - (z > 0 ? 0.5 : z < 0 ? -0.5 : 0)) / sigma;
	mw->p = fmin(2 * fmin(gsl_cdf_ugaussian_P(z), gsl_cdf_ugaussian_Q(z)), 1);
	mw->exact = 0;
	return NULL;
}

const char *stats_mann_whitney_sorted(const double *a, size_t na, const double *b, size_t nb,
				      struct stats_mw *mw)
{
	const double *x[2] = { a, b };
	size_t n[2] = { na, nb };
	double rsum[2], ties;

	mw->u = mw->p = NAN;
	mw->exact = 0;
	if (na == 0 || nb == 0)
		return "empty group";
	ties = stats_rank_sums(x, n, 2, rsum);
	mw->u = rsum[0] - (double)na * (double)(na + 1) / 2;
	if (na < 50 && nb < 50 && ties == 0) {
		stats_mw_exact(mw->u, na, nb, mw);
		return NULL;
	}
	return stats_mw_normal(mw->u, na, nb, ties, mw);
}

const char *stats_mann_whitney(const double *a, size_t na, const double *b, size_t nb,
			       struct stats_mw *mw)
{
	double *sa = stats_sorted_copy(a, na), *sb = stats_sorted_copy(b, nb);
	const char *why = stats_mann_whitney_sorted(sa, na, sb, nb, mw);

	free(sa);
	free(sb);
	return why;
}

const char *stats_cohens_d_moments(const struct stats_moments *a,
				   const struct stats_moments *b, double *d)
{
	double pooled;

	*d = NAN;
	/* Like Welch: a group of one says nothing about its own spread. */
	if (a->n < 2 || b->n < 2)
		return "fewer than 2 articles";
	/* Sums of squared deviations from the mean, (n - 1) var, pooled. */
	pooled = sqrt((a->var * (double)(a->n - 1) + b->var * (double)(b->n - 1)) /
		      (double)(a->n + b->n - 2));
	if (!(pooled > 0))
		return "zero variance";
	*d = (a->mean - b->mean) / pooled;
	return NULL;
}

const char *stats_cohens_d(const double *a, size_t na, const double *b, size_t nb, double *d)
{
	struct stats_moments ma, mb;

	stats_moments(a, na, &ma);
	stats_moments(b, nb, &mb);
	return stats_cohens_d_moments(&ma, &mb, d);
}

const char *stats_rate_ratio(double xa, double ta, double xb, double tb,
			     double *rr, double *lo, double *hi)
{
	double n = xa + xb, plo, phi, clo = 1, chi;

	*rr = *lo = *hi = NAN;
	if (!(ta > 0) || !(tb > 0))
		return "no tokens";
	if (n == 0)
		return "no matches in either group";
	if (xb == 0)
		return "no matches in group b";
	/* Beyond this the binomial counts are not exact in a double. */
	if (n > 1e15)
		return "counts too large for an exact interval";
	/*
	 * Clopper-Pearson interval of the conditional binomial proportion; the
	 * odds p / (1 - p) take 1 - p from the quantile, which keeps its digits
	 * when p is near 1.
	 */
	plo = xa > 0 ? quantile_beta(0.025, xa, n - xa + 1, &clo) : 0;
	phi = quantile_beta(0.975, xa + 1, n - xa, &chi);
	if (!isfinite(plo) || !isfinite(phi) || !(chi > 0) || !(clo > 0))
		return "beta quantile failed";
	*rr = (xa / ta) / (xb / tb);
	*lo = plo / clo * tb / ta;
	*hi = phi / chi * tb / ta;
	return NULL;
}

/*
 * binom.test's two-sided p: the probability of every count no more likely
 * than x (within R's relative error 1 + 1e-7). The binomial probabilities
 * fall away from the mode, so the first count on the other side that is
 * no more likely is found by bisection.
 */
static double stats_binom_p(unsigned x, unsigned n, double p)
{
	double d = gsl_ran_binomial_pdf(x, p, n) * (1 + 1e-7), m = (double)n * p;
	unsigned lo, hi;

	if ((double)x == m)
		return 1;
	if ((double)x < m) {
		/* First i >= ceil(m) with pdf(i) <= d; n + 1 when there is none. */
		lo = (unsigned)ceil(m);
		hi = n + 1;
		while (lo < hi) {
			unsigned mid = lo + (hi - lo) / 2;
			if (gsl_ran_binomial_pdf(mid, p, n) <= d)
				hi = mid;
			else
				lo = mid + 1;
		}
		return fmin(1, gsl_cdf_binomial_P(x, p, n) +
			       (lo <= n ? gsl_cdf_binomial_Q(lo - 1, p, n) : 0));
	}
	/* Last i <= floor(m) with pdf(i) <= d, as lo - 1; none when lo is 0. */
	lo = 0;
	hi = (unsigned)floor(m) + 1;
	while (lo < hi) {
		unsigned mid = lo + (hi - lo) / 2;
		if (gsl_ran_binomial_pdf(mid, p, n) <= d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return fmin(1, (lo > 0 ? gsl_cdf_binomial_P(lo - 1, p, n) : 0) +
		       (x > 0 ? gsl_cdf_binomial_Q(x - 1, p, n) : 1));
}

const char *stats_rate_ratio_exact_p(double xa, double ta, double xb, double tb, double *p)
{
	*p = NAN;
	if (!(ta > 0) || !(tb > 0))
		return "no tokens";
	if (xa + xb == 0)
		return "no matches in either group";
	if (xa + xb > UINT_MAX || xa != floor(xa) || xb != floor(xb))
		return "counts not whole or too large for an exact test";
	*p = stats_binom_p((unsigned)xa, (unsigned)(xa + xb), ta / (ta + tb));
	return NULL;
}

const char *stats_kruskal_sorted(const double *const *x, const size_t *n, size_t k,
				 struct stats_test *t)
{
	double *rsum, ties, N = 0, h = 0;
	size_t g, used = 0;

	t->statistic = t->df = t->p = t->cramers_v = NAN;
	for (g = 0; g < k; g++) {
		used += n[g] > 0;
		N += (double)n[g];
	}
	if (used < 2)
		return "fewer than 2 groups";
	rsum = xmalloc(k * sizeof(*rsum));
	ties = stats_rank_sums(x, n, k, rsum);
	for (g = 0; g < k; g++)
		if (n[g] > 0)
			h += rsum[g] * rsum[g] / (double)n[g];
	free(rsum);
	if (!(N * N * N - N - ties > 0))
		return "all values tied";
	h = (12 / (N * (N + 1)) * h - 3 * (N + 1)) / (1 - ties / (N * N * N - N));
	t->statistic = h;
	t->df = (double)(used - 1);
	t->p = gsl_cdf_chisq_Q(h, t->df);
	return NULL;
}

const char *stats_kruskal(const double *x, const size_t *g, size_t n, size_t k,
			  struct stats_test *t)
{
	double *vals = xmalloc((n + 1) * sizeof(*vals));
	double **part = xmalloc((k + 1) * sizeof(*part));
	size_t *size = xcalloc(k + 1, sizeof(*size)), *fill = xcalloc(k + 1, sizeof(*fill));
	size_t i, at = 0;
	const char *why;

	/* Each group's values together, then sorted: what the merge needs. */
	for (i = 0; i < n; i++)
		size[g[i]]++;
	for (i = 0; i < k; i++) {
		part[i] = vals + at;
		at += size[i];
	}
	for (i = 0; i < n; i++)
		part[g[i]][fill[g[i]]++] = x[i];
	for (i = 0; i < k; i++)
		stats_sort(part[i], size[i]);
	why = stats_kruskal_sorted((const double *const *)part, size, k, t);
	free(vals);
	free(part);
	free(size);
	free(fill);
	return why;
}

/* Marks rows (or columns) with a zero total; returns how many are kept. */
static size_t stats_margins(const double *table, size_t rows, size_t cols,
			    double *rsum, double *csum)
{
	size_t i, j, kept = 0;

	for (i = 0; i < rows; i++)
		rsum[i] = 0;
	for (j = 0; j < cols; j++)
		csum[j] = 0;
	for (i = 0; i < rows; i++)
		for (j = 0; j < cols; j++) {
			rsum[i] += table[i * cols + j];
			csum[j] += table[i * cols + j];
		}
	for (i = 0; i < rows; i++)
		kept += rsum[i] > 0;
	return kept;
}

const char *stats_chisq(const double *table, size_t rows, size_t cols,
			struct stats_test *t, size_t *dropped)
{
	double *rsum = xmalloc((rows + 1) * sizeof(*rsum));
	double *csum = xmalloc((cols + 1) * sizeof(*csum));
	double total = 0, x2 = 0;
	size_t i, j, r, c = 0;

	t->statistic = t->df = t->p = t->cramers_v = NAN;
	r = stats_margins(table, rows, cols, rsum, csum);
	for (j = 0; j < cols; j++) {
		c += csum[j] > 0;
		total += csum[j];
	}
	*dropped = (rows - r) + (cols - c);
	for (i = 0; i < rows && r >= 2 && c >= 2; i++)
		for (j = 0; j < cols; j++) {
			double e;
			if (rsum[i] == 0 || csum[j] == 0)
				continue;
			e = rsum[i] * csum[j] / total;
			x2 += (table[i * cols + j] - e) * (table[i * cols + j] - e) / e;
		}
	free(rsum);
	free(csum);
	if (r < 2 || c < 2)
		return r < 2 ? "fewer than 2 groups with matches" : "fewer than 2 categories with matches";
	t->statistic = x2;
	t->df = (double)((r - 1) * (c - 1));
	t->p = gsl_cdf_chisq_Q(x2, t->df);
	t->cramers_v = sqrt(x2 / (total * (double)((r < c ? r : c) - 1)));
	return NULL;
}

void stats_holm(const double *p, size_t n, double *adj)
{
	size_t *order = xmalloc((n ? n : 1) * sizeof(*order));
	double *valid = xmalloc((n ? n : 1) * sizeof(*valid));
	size_t *where = xmalloc((n ? n : 1) * sizeof(*where));
	size_t i, m = 0;
	double run = 0;

	for (i = 0; i < n; i++) {
		adj[i] = NAN;
		if (isfinite(p[i])) {
			valid[m] = p[i];
			where[m++] = i;
		}
	}
	gsl_sort_index(order, valid, 1, m);
	/* Step-down: p_(i) (m - i + 1), made monotone, capped at 1. */
	for (i = 0; i < m; i++) {
		double v = fmin(1, (double)(m - i) * valid[order[i]]);
		run = fmax(run, v);
		adj[where[order[i]]] = run;
	}
	free(order);
	free(valid);
	free(where);
}

unsigned long stats_seed(unsigned long seed, const char *name_a, const char *name_b)
{
	uint64_t h = hash_fnv_part(hash_fnv_part(HASH_FNV_OFFSET, name_a), name_b);
	/* taus2 takes 32 bits of seed; 0 would mean "GSL's default seed". */
	uint32_t s = (uint32_t)(hash_mix64(h ^ hash_mix64((uint64_t)seed)) >> 32);
	return s ? s : 1;
}

const char *stats_log_odds(double y_i, double n_i, double y_j, double n_j,
			   double alpha_w, double alpha0, double *delta, double *z)
{
	double oi = n_i + alpha0 - y_i - alpha_w, oj = n_j + alpha0 - y_j - alpha_w;

	*delta = *z = NAN;
	if (!(alpha_w > 0) || !(oi > 0) || !(oj > 0))
		return "no prior or only one term";
	*delta = log((y_i + alpha_w) / oi) - log((y_j + alpha_w) / oj);
	*z = *delta / sqrt(1 / (y_i + alpha_w) + 1 / (y_j + alpha_w));
	return NULL;
}

/* ---- two-sample Kolmogorov-Smirnov ---- */

/*
 * D of two sorted samples, and into tie[k] (k = 1 .. na+nb) whether the
 * k-th smallest of the pooled values differs from the next (the last
 * always does): only there can the two empirical CDFs be compared.
 */
static double stats_ks_d(const double *a, size_t na, const double *b, size_t nb,
			 unsigned char *tie)
{
	size_t i = 0, j = 0, k = 0;
	double d = 0;

	while (i < na || j < nb) {
		double v = j >= nb || (i < na && a[i] <= b[j]) ? a[i] : b[j];
		/* Every value equal to v, from both samples, before comparing. */
		while ((i < na && a[i] == v) || (j < nb && b[j] == v)) {
			if (i < na && a[i] == v)
				i++;
			else
				j++;
			tie[++k] = 0;
		}
		tie[k] = 1;
		d = fmax(d, fabs((double)i / (double)na - (double)j / (double)nb));
	}
	return d;
}

/*
 * P(D < q) under the null, exactly, as R 4.2's psmirnov: paths from
 * (0, 0) to (na, nb) by unit steps, with |u/na - v/nb| < q at every step
 * k that ends a run of equal values; q is first moved to the midpoint
 * between attainable values (R: (0.5 + floor(q na nb - 1e-7)) / (na nb)).
 */
static double stats_psmirnov(double q, size_t na, size_t nb, const unsigned char *tie)
{
	double *f = xcalloc(na + 2, sizeof(*f)), nd = (double)na * (double)nb, res, logdenom;
	size_t N = na + nb, k, u;

	q = (0.5 + floor(q * nd - 1e-7)) / nd;
	f[0] = 1;
	for (k = 1; k <= N; k++) {
		size_t lo = k > nb ? k - nb : 0, hi = k < na ? k : na;
		for (u = hi; u > 0; u--)
			f[u] += f[u - 1];
		if (lo > 0)
			for (u = 0; u < lo; u++)
				f[u] = 0;
		if (!tie[k])
			continue;
		for (u = lo; u <= hi; u++)
			if (!(q > fabs((double)u / (double)na - (double)(k - u) / (double)nb)))
				f[u] = 0;
	}
	res = f[na];
	free(f);
	logdenom = lgamma((double)N + 1) - lgamma((double)na + 1) - lgamma((double)nb + 1);
	return res / exp(logdenom);
}

/* The limiting Kolmogorov distribution P(K <= x), as R's pkstwo with tol. */
static double stats_pkstwo(double x, double tol)
{
	double s, z, w, old, cur, sign;
	int k, kmax = (int)sqrt(2 - log(tol));

	if (x <= 0)
		return 0;
	if (x < 1) {
		z = -(M_PI_2 * M_PI_4) / (x * x);
		w = log(x);
		s = 0;
		for (k = 1; k < kmax; k += 2)
			s += exp(k * k * z - w);
		return s / 0.398942280401432677939946059934;	/* 1 / sqrt(2 pi) */
	}
	z = -2 * x * x;
	sign = -1;
	old = 0;
	cur = 1;
	for (k = 1; fabs(old - cur) > tol; k++) {
		old = cur;
		cur += 2 * sign * exp(z * k * k);
		sign = -sign;
	}
	return cur;
}

const char *stats_ks_sorted(const double *a, size_t na, const double *b, size_t nb,
			    struct stats_ks *ks)
{
	unsigned char *tie;

	ks->d = ks->p = NAN;
	ks->exact = 0;
	if (na == 0 || nb == 0)
		return "empty group";
	tie = xcalloc(na + nb + 2, 1);
	ks->d = stats_ks_d(a, na, b, nb, tie);
	if ((double)na * (double)nb < 10000) {
		ks->exact = 1;
		ks->p = 1 - stats_psmirnov(ks->d, na, nb, tie);
	} else {
		double n = (double)na * (double)nb / (double)(na + nb);
		ks->p = ks->d < DBL_EPSILON ? 1 : 1 - stats_pkstwo(sqrt(n) * ks->d, 1e-6);
	}
	free(tie);
	return NULL;
}

/* Values of sorted x[0..n) below v (lt) or at most v (!lt): binary search. */
static size_t stats_count_below(const double *x, size_t n, double v, int lt)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (lt ? x[mid] < v : x[mid] <= v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

double stats_ties(const double *all, size_t n)
{
	double ties = 0, t;
	size_t i = 0, k;

	while (i < n) {
		for (k = i + 1; k < n && all[k] == all[i]; k++)
			;
		t = (double)(k - i);
		ties += t * t * t - t;
		i = k;
	}
	return ties;
}

const char *stats_mann_whitney_rest(const double *a, size_t na, const double *all, size_t n,
				    double ties, struct stats_mw *mw)
{
	size_t nb = n - na, i = 0, k;
	double rsum = 0;

	mw->u = mw->p = NAN;
	mw->exact = 0;
	if (na == 0 || nb == 0 || na > n)
		return "empty group";
	/* a's midranks in the whole sample, one search per distinct value. */
	while (i < na) {
		size_t lt = stats_count_below(all, n, a[i], 1), le = stats_count_below(all, n, a[i], 0);
		for (k = i + 1; k < na && a[k] == a[i]; k++)
			;
		rsum += (double)(k - i) * (double)(lt + le + 1) / 2;
		i = k;
	}
	mw->u = rsum - (double)na * (double)(na + 1) / 2;
	if (na < 50 && nb < 50 && ties == 0) {
		stats_mw_exact(mw->u, na, nb, mw);
		return NULL;
	}
	return stats_mw_normal(mw->u, na, nb, ties, mw);
}

const char *stats_ks_rest(const double *a, size_t na, const double *all, size_t n,
			  struct stats_ks *ks)
{
	size_t nb = n - na, i = 0, k;
	double d = 0;

	ks->d = ks->p = NAN;
	ks->exact = 0;
	if (na == 0 || nb == 0 || na > n)
		return "empty group";
	/*
	 * Between two of a's values F_a is flat and F_rest rises, so the
	 * largest gap is just before or at one of a's values: both are read
	 * from counts in the whole sample (the rest = whole minus a).
	 */
	while (i < na) {
		size_t lt = stats_count_below(all, n, a[i], 1), le = stats_count_below(all, n, a[i], 0);
		for (k = i + 1; k < na && a[k] == a[i]; k++)
			;
		d = fmax(d, fabs((double)i / (double)na - (double)(lt - i) / (double)nb));
		d = fmax(d, fabs((double)k / (double)na - (double)(le - k) / (double)nb));
		i = k;
	}
	ks->d = d;
	if ((double)na * (double)nb < 10000) {
		/* The runs of equal values are the whole sample's. */
		unsigned char *tie = xcalloc(n + 2, 1);
		for (k = 1; k <= n; k++)
			tie[k] = k == n || all[k] != all[k - 1];
		ks->exact = 1;
		ks->p = 1 - stats_psmirnov(d, na, nb, tie);
		free(tie);
	} else {
		double m = (double)na * (double)nb / (double)n;
		ks->p = d < DBL_EPSILON ? 1 : 1 - stats_pkstwo(sqrt(m) * d, 1e-6);
	}
	return NULL;
}

const char *stats_mann_whitney_search(const double *a, size_t na, const double *b, size_t nb,
				      double ties_b, struct stats_mw *mw)
{
	size_t i = 0, k;
	double rsum = 0, ties = ties_b;

	mw->u = mw->p = NAN;
	mw->exact = 0;
	if (na == 0 || nb == 0)
		return "empty group";
	/*
	 * a's distinct values in order, as the merge of stats_rank_sums meets
	 * them, so the rank sum is added up in the same order; the ties are
	 * b's with each run that a joins made longer (whole numbers, exact).
	 */
	while (i < na) {
		size_t lt = stats_count_below(b, nb, a[i], 1), le = stats_count_below(b, nb, a[i], 0);
		double t, tb = (double)(le - lt);
		for (k = i + 1; k < na && a[k] == a[i]; k++)
			;
		t = (double)(k - i) + tb;
		rsum += (double)(k - i) * (double)((i + lt) + (k + le) + 1) / 2;
		ties += t * t * t - t - (tb * tb * tb - tb);
		i = k;
	}
	mw->u = rsum - (double)na * (double)(na + 1) / 2;
	if (na < 50 && nb < 50 && ties == 0) {
		stats_mw_exact(mw->u, na, nb, mw);
		return NULL;
	}
	return stats_mw_normal(mw->u, na, nb, ties, mw);
}
