/*
 * Resampling with GSL: the percentile bootstrap of means and the
 * permutation test of mean differences, for many metrics at once. The
 * random numbers are GSL's taus2, stepped inline (see stats_taus_get).
 */
#include "resample.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_combination.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_statistics_double.h>

#include "stats.h"
#include "util.h"
#include "workpool.h"
#include "xalloc.h"
#include "banned.h"

/*
 * taus2 is one of GSL's fast generators of good quality (L'Ecuyer 1996);
 * with 10,000 resamples of thousands of rows, the generator is most of the
 * running time, and mt19937 is twice as slow here.
 */
static gsl_rng *stats_rng(unsigned long seed)
{
	gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
	if (!r)
		die("out of memory allocating a random number generator");
	gsl_rng_set(r, seed);
	return r;
}

/*
 * GSL's taus2 generator stepped inline: gsl_rng_get costs a call through
 * a function pointer per draw, and the bootstrap of a million articles
 * makes a billion draws. GSL seeds it (gsl_rng_set) and the state is
 * copied out, so the numbers are the ones gsl_rng_get would give; the
 * first draws are checked against GSL's on every seeding.
 */
struct stats_taus {
	uint32_t s1, s2, s3;
};

static inline uint32_t stats_taus_get(struct stats_taus *t)
{
	t->s1 = ((t->s1 & 4294967294U) << 12) ^ (((t->s1 << 13) ^ t->s1) >> 19);
	t->s2 = ((t->s2 & 4294967288U) << 4) ^ (((t->s2 << 2) ^ t->s2) >> 25);
	t->s3 = ((t->s3 & 4294967280U) << 17) ^ (((t->s3 << 3) ^ t->s3) >> 11);
	return t->s1 ^ t->s2 ^ t->s3;
}

static void stats_taus_seed(struct stats_taus *t, unsigned long seed)
{
	gsl_rng *r = stats_rng(seed);
	const unsigned long *s = gsl_rng_state(r);	/* taus's state: s1, s2, s3 */
	struct stats_taus copy;
	int i;

	if (gsl_rng_size(r) != 3 * sizeof(unsigned long))
		die("GSL's taus2 generator is not the one framing was written for");
	*t = (struct stats_taus){ (uint32_t)s[0], (uint32_t)s[1], (uint32_t)s[2] };
	copy = *t;
	for (i = 0; i < 4; i++)
		if (gsl_rng_get(r) != stats_taus_get(&copy))
			die("GSL's taus2 generator is not the one framing was written for");
	gsl_rng_free(r);
}

/*
 * Adds the metric values of one chosen row into sum/cnt, NAN skipped.
 * cnt NULL means the caller knows there is no NAN and counts itself: the
 * adds then need no test.
 */
static inline void stats_add_row(const double *row, size_t m, double *sum, double *cnt)
{
	size_t j;

	if (!cnt) {
		for (j = 0; j < m; j++)
			sum[j] += row[j];
		return;
	}
	for (j = 0; j < m; j++)
		if (!isnan(row[j])) {
			sum[j] += row[j];
			cnt[j] += 1;
		}
}

/*
 * A uniform integer in [0, n) from taus2's full 32 bits, by Lemire's
 * multiply-and-shift with rejection (exactly uniform, and without the
 * division that gsl_rng_uniform_int pays on every call: the resampling
 * loops spend most of their time here).
 */
static inline size_t stats_below(struct stats_taus *r, size_t n)
{
	uint64_t m = (uint64_t)stats_taus_get(r) * n;
	uint32_t low = (uint32_t)m;

	if (low < n) {
		uint32_t floor = (uint32_t)(-(uint32_t)n) % (uint32_t)n;
		while (low < floor) {
			m = (uint64_t)stats_taus_get(r) * n;
			low = (uint32_t)m;
		}
	}
	return (size_t)(m >> 32);
}

static int stats_any_nan(const double *x, size_t count)
{
	size_t i;
	for (i = 0; i < count; i++)
		if (isnan(x[i]))
			return 1;
	return 0;
}

/*
 * The resampling loop. A large group does not fit in the cache, so its
 * rows come from memory in random order: row indices are drawn a batch
 * ahead and their rows fetched early (a prefetch hint where the compiler
 * has one) while the rows of the batch before are added. Rows are padded
 * to whole cache lines (stats_aligned_rows) and added 8 metrics at a
 * time, each metric's sum in a register of its own. Each metric still
 * adds its rows in the order drawn, so every sum is the same to the last
 * bit as adding row by row.
 */
#define STATS_BATCH 64
#define STATS_LANES 8

#if defined(__GNUC__)
#define stats_prefetch(p) __builtin_prefetch(p)
#else
#define stats_prefetch(p) ((void)(p))
#endif

/*
 * Adds 8 metrics of a row to acc and counts them in cnt, for data with
 * NANs. A NAN adds 0 and counts 0: the same as skipping it, as a sum that
 * starts at +0 never becomes -0.
 */
static inline void stats_add_lanes(double *acc, double *cnt, const double *v)
{
	int j;

	for (j = 0; j < STATS_LANES; j++) {
		int ok = v[j] == v[j];
		acc[j] += ok ? v[j] : 0;
		cnt[j] += ok ? 1 : 0;
	}
}

/*
 * The same without NANs, written out so that the eight sums live in
 * registers: through an array, each add waits for the store of the one
 * before.
 */
#define STATS_ADD8(v) do { \
		a0 += (v)[0]; a1 += (v)[1]; a2 += (v)[2]; a3 += (v)[3]; \
		a4 += (v)[4]; a5 += (v)[5]; a6 += (v)[6]; a7 += (v)[7]; \
	} while (0)

/* Draws len row offsets into idx and asks for their first lines. */
static void stats_draw_batch(struct stats_taus *r, const double *x, size_t n, size_t stride,
			     size_t *idx, size_t len)
{
	size_t k;

	for (k = 0; k < len; k++) {
		idx[k] = stats_below(r, n) * stride;
		stats_prefetch(x + idx[k]);
	}
}

/*
 * Adds the rows at x + off[0..k) into sum and, for data with NANs, cnt
 * (when not NULL): 8 metrics at a time in registers, the rows in the
 * order given. The rows are stride doubles, a multiple of 8, as
 * stats_aligned_rows makes them.
 */
static void stats_sum_rows(const double *x, const size_t *off, size_t k, size_t stride,
			   double *sum, double *cnt)
{
	double a0, a1, a2, a3, a4, a5, a6, a7;
	size_t first, i;

	for (first = 0; first < stride; first += STATS_LANES) {
		double *s = sum + first;
		if (cnt) {
			for (i = 0; i < k; i++)
				stats_add_lanes(s, cnt + first, x + off[i] + first);
			continue;
		}
		a0 = s[0], a1 = s[1], a2 = s[2], a3 = s[3], a4 = s[4], a5 = s[5], a6 = s[6], a7 = s[7];
		for (i = 0; i < k; i++)
			STATS_ADD8(x + off[i] + first);
		s[0] = a0, s[1] = a1, s[2] = a2, s[3] = a3, s[4] = a4, s[5] = a5, s[6] = a6, s[7] = a7;
	}
}

/* Draws next[k] (k < nlen) while the batch before is added. */
static inline void stats_draw_next(struct stats_taus *r, const double *x, size_t n,
				   size_t stride, size_t *next, size_t nlen, size_t k)
{
	if (next && k < nlen) {
		next[k] = stats_below(r, n) * stride;
		stats_prefetch(x + next[k]);
	}
}

/*
 * Adds the rows at x + idx[0..len) to the 8 lanes from first on, drawing
 * the next batch (nlen offsets into next) in the same loop when next is
 * not NULL, so that drawing and adding overlap.
 */
static void stats_add_batch(struct stats_taus *r, const double *x, size_t n, size_t stride,
			    const size_t *idx, size_t len, size_t *next, size_t nlen,
			    size_t first, double *sum, double *cnt)
{
	double acc[STATS_LANES], c[STATS_LANES];
	double a0, a1, a2, a3, a4, a5, a6, a7;
	double *s = sum + first;
	size_t k;

	if (cnt) {
		memcpy(acc, s, sizeof(acc));
		memcpy(c, cnt + first, sizeof(c));
		for (k = 0; k < len; k++) {
			stats_draw_next(r, x, n, stride, next, nlen, k);
			stats_add_lanes(acc, c, x + idx[k] + first);
		}
		memcpy(s, acc, sizeof(acc));
		memcpy(cnt + first, c, sizeof(c));
		return;
	}
	a0 = s[0], a1 = s[1], a2 = s[2], a3 = s[3], a4 = s[4], a5 = s[5], a6 = s[6], a7 = s[7];
	for (k = 0; k < len; k++) {
		stats_draw_next(r, x, n, stride, next, nlen, k);
		STATS_ADD8(x + idx[k] + first);
	}
	s[0] = a0, s[1] = a1, s[2] = a2, s[3] = a3, s[4] = a4, s[5] = a5, s[6] = a6, s[7] = a7;
}

/*
 * One bootstrap resample: sums and counts of the stride (a multiple of 8)
 * columns over n rows drawn with replacement, the rows stride doubles
 * apart and 64-byte aligned. cnt counts only when nan says there are NANs.
 */
static void stats_resample(struct stats_taus *r, const double *x, size_t n, size_t stride,
			   int nan, double *sum, double *cnt)
{
	size_t buf[2][STATS_BATCH], *idx = buf[0], *next = buf[1], *tmp;
	size_t i, len, nlen, first;

	memset(sum, 0, stride * sizeof(*sum));
	memset(cnt, 0, stride * sizeof(*cnt));
	len = n < STATS_BATCH ? n : STATS_BATCH;
	stats_draw_batch(r, x, n, stride, idx, len);
	for (i = 0; i < n; i += len, len = nlen) {
		nlen = n - i - len < STATS_BATCH ? n - i - len : STATS_BATCH;
		for (first = 0; first < stride; first += STATS_LANES)
			stats_add_batch(r, x, n, stride, idx, len, first ? NULL : next, nlen,
					first, sum, nan ? cnt : NULL);
		tmp = idx;
		idx = next;
		next = tmp;
	}
}

/* Why metric j of x has no bootstrap interval, or NULL. */
static const char *stats_boot_reason(const double *x, size_t n, size_t m, size_t j)
{
	size_t i, k = 0;
	double first = NAN;
	int varies = 0;

	for (i = 0; i < n; i++) {
		double v = x[i * m + j];
		if (isnan(v))
			continue;
		if (k++ == 0)
			first = v;
		else if (v != first)
			varies = 1;
	}
	if (k < 2)
		return k ? "one article" : "no values";
	return varies ? NULL : "zero variance";
}

/* Sorts the B resampled means of one metric and takes the percentiles. */
static void stats_boot_percentiles(double *means, size_t B, double *lo, double *hi)
{
	size_t i, k = 0;

	for (i = 0; i < B; i++)
		if (!isnan(means[i]))
			means[k++] = means[i];
	if (k == 0)
		return;
	stats_sort(means, k);
	*lo = gsl_stats_quantile_from_sorted_data(means, 1, k, 0.025);
	*hi = gsl_stats_quantile_from_sorted_data(means, 1, k, 0.975);
}

/*
 * The BCa interval of a mean (Efron 1987) from the B resampled means of
 * boot, for the values x[0], x[stride], ... (n of them, NAN left out):
 * bias correction z0 = qnorm(#{boot < mean} / B) (as R's boot.ci, but a
 * resampled mean equal to the mean counts half: with few articles many
 * are, and counting them on one side would shift the interval), the
 * acceleration of the jackknife, which for the mean is
 * a = sum d^3 / (6 (sum d^2)^1.5) with d = x - mean (the jackknife's
 * influence values are exactly d), and the quantiles (R's type 7) of the
 * resampled means at pnorm(z0 + (z0 + z) / (1 - a (z0 + z))) for z =
 * qnorm(.025) and qnorm(.975). boot is sorted in place. With every
 * resampled mean on one side of the mean, z0 is infinite: then the
 * percentiles, and the reason says so.
 */
static const char *stats_bca(const double *x, size_t n, size_t stride, double *boot, size_t B,
			     double *lo, double *hi)
{
	double mean = 0, d2 = 0, d3 = 0, below = 0, z0, a, k = 0;
	const double z[2] = { -1.959963984540054, 1.959963984540054 };	/* qnorm(.025), qnorm(.975) */
	double at[2];
	size_t i, b = 0;
	int e;

	for (i = 0; i < n; i++)
		if (!isnan(x[i * stride])) {
			mean += x[i * stride];
			k += 1;
		}
	mean /= k;
	for (i = 0; i < n; i++)
		if (!isnan(x[i * stride])) {
			double d = x[i * stride] - mean;
			d2 += d * d;
			d3 += d * d * d;
		}
	for (i = 0; i < B; i++)
		if (!isnan(boot[i])) {
			below += boot[i] < mean ? 1 : boot[i] == mean ? 0.5 : 0;
			boot[b++] = boot[i];
		}
	if (b == 0)
		return NULL;
	stats_sort(boot, b);
	z0 = gsl_cdf_ugaussian_Pinv(below / (double)b);
	a = d3 / (6 * pow(d2, 1.5));
	if (!isfinite(z0)) {
		*lo = gsl_stats_quantile_from_sorted_data(boot, 1, b, 0.025);
		*hi = gsl_stats_quantile_from_sorted_data(boot, 1, b, 0.975);
		return "percentile: BCa undefined";
	}
	for (e = 0; e < 2; e++)
		at[e] = gsl_cdf_ugaussian_P(z0 + (z0 + z[e]) / (1 - a * (z0 + z[e])));
	*lo = gsl_stats_quantile_from_sorted_data(boot, 1, b, at[0]);
	*hi = gsl_stats_quantile_from_sorted_data(boot, 1, b, at[1]);
	return NULL;
}

const char *stats_bca_mean(const double *x, size_t n, double *boot, size_t B, double *lo,
			   double *hi)
{
	*lo = *hi = NAN;
	return stats_bca(x, n, 1, boot, B, lo, hi);
}

/*
 * Rows of x copied to start on a cache line each (64 bytes, 8 doubles),
 * padded to a whole number of lines: a large group's rows come from
 * memory in random order, and a row of 7 metrics that straddles two lines
 * costs two fetches. *stride gets the padded row length. Free with free().
 */
static double *stats_aligned_rows(const double *x, size_t n, size_t m, size_t *stride)
{
	size_t i, bytes;
	double *rows;

	*stride = (m + 7) / 8 * 8;
	bytes = n * *stride * sizeof(double);
	rows = aligned_alloc(64, bytes ? bytes : 64);
	if (!rows)
		die("out of memory copying %zu rows for the bootstrap", n);
	for (i = 0; i < n; i++) {
		memcpy(rows + i * *stride, x + i * m, m * sizeof(double));
		memset(rows + i * *stride + m, 0, (*stride - m) * sizeof(double));
	}
	return rows;
}

/*
 * The resampled means of every metric, at means[j * B + b]; NULL when
 * there is nothing to resample. Free with free().
 */
static double *stats_boot_draw(const double *x, size_t n, size_t m, size_t B,
			       unsigned long seed)
{
	double *means, *sum, *cnt, *rows;
	struct stats_taus r;
	size_t b, j, stride;
	int nan;

	if (n < 2 || B == 0)
		return NULL;
	rows = stats_aligned_rows(x, n, m, &stride);
	means = xmalloc(m * B * sizeof(*means));
	sum = xmalloc(stride * sizeof(*sum));
	cnt = xmalloc(stride * sizeof(*cnt));
	stats_taus_seed(&r, seed);
	nan = stats_any_nan(x, n * m);
	/* One resample of rows serves every metric: m times fewer draws. */
	for (b = 0; b < B; b++) {
		stats_resample(&r, rows, n, stride, nan, sum, cnt);
		for (j = 0; j < m; j++) {
			double c = nan ? cnt[j] : (double)n;
			means[j * B + b] = c > 0 ? sum[j] / c : NAN;
		}
	}
	free(rows);
	free(sum);
	free(cnt);
	return means;
}

/* Both bootstraps: the same resamples, then BCa (bca) or the percentiles of the means. */
static void stats_bootstrap(const double *x, size_t n, size_t m, size_t B, unsigned long seed,
			    double *lo, double *hi, const char **reason, int bca)
{
	double *means;
	size_t j;

	for (j = 0; j < m; j++) {
		lo[j] = hi[j] = NAN;
		reason[j] = B ? stats_boot_reason(x, n, m, j) : "no resamples";
	}
	means = stats_boot_draw(x, n, m, B, seed);
	if (!means)
		return;
	for (j = 0; j < m; j++) {
		if (reason[j])
			continue;
		if (bca)
			reason[j] = stats_bca(x + j, n, m, means + j * B, B, &lo[j], &hi[j]);
		else
			stats_boot_percentiles(means + j * B, B, &lo[j], &hi[j]);
	}
	free(means);
}

void stats_bootstrap_bca(const double *x, size_t n, size_t m, size_t B, unsigned long seed,
			 double *lo, double *hi, const char **reason)
{
	stats_bootstrap(x, n, m, B, seed, lo, hi, reason, 1);
}

void stats_bootstrap_means(const double *x, size_t n, size_t m, size_t B,
			   unsigned long seed, double *lo, double *hi, const char **reason)
{
	stats_bootstrap(x, n, m, B, seed, lo, hi, reason, 0);
}

/* State shared by the exact and the Monte Carlo permutation loops. */
struct stats_perm {
	const double *x;
	size_t n, m;
	double *tot_sum, *tot_cnt;	/* over all rows */
	double *obs;			/* |observed difference| */
	double *sum, *cnt;		/* of the chosen rows */
	double *extreme, *valid;	/* per metric */
	int nan;			/* any missing value in x */
};

/* Scores one split: the chosen rows (in sum/cnt) against all the others. */
static void stats_perm_count(struct stats_perm *s)
{
	size_t j;

	for (j = 0; j < s->m; j++) {
		double rest = s->tot_cnt[j] - s->cnt[j], d;
		if (s->cnt[j] == 0 || rest == 0 || isnan(s->obs[j]))
			continue;
		d = fabs(s->sum[j] / s->cnt[j] - (s->tot_sum[j] - s->sum[j]) / rest);
		s->valid[j] += 1;
		if (d >= s->obs[j] - 1e-9 * s->obs[j])
			s->extreme[j] += 1;
	}
}

static void stats_perm_clear(struct stats_perm *s)
{
	memset(s->sum, 0, s->m * sizeof(*s->sum));
	memset(s->cnt, 0, s->m * sizeof(*s->cnt));
}

static void stats_perm_exact(struct stats_perm *s, size_t na)
{
	gsl_combination *c = gsl_combination_calloc(s->n, na);
	size_t i;

	if (!c)
		die("out of memory allocating a combination");
	do {
		stats_perm_clear(s);
		for (i = 0; i < na; i++)
			stats_add_row(s->x + gsl_combination_get(c, i) * s->m, s->m, s->sum, s->cnt);
		stats_perm_count(s);
	} while (gsl_combination_next(c) == GSL_SUCCESS);
	gsl_combination_free(c);
}

/*
 * A partial Fisher-Yates shuffle of k steps leaves a uniform random
 * k-subset at the front whatever the array's order was, so the index
 * array never needs resetting between shuffles. The chosen rows are
 * summed after the shuffle, in the order chosen, from padded rows as in
 * the bootstrap (the same sums as adding each as it is chosen).
 */
static void stats_perm_random(struct stats_perm *s, size_t k, size_t shuffles,
			      unsigned long seed)
{
	size_t stride, *idx = xmalloc(s->n * sizeof(*idx)), i, t;
	double *rows = stats_aligned_rows(s->x, s->n, s->m, &stride);
	double *sum = xmalloc(stride * sizeof(*sum)), *cnt = xmalloc(stride * sizeof(*cnt));
	struct stats_taus r;

	stats_taus_seed(&r, seed);
	for (i = 0; i < s->n; i++)
		idx[i] = i * stride;
	for (t = 0; t < shuffles; t++) {
		for (i = 0; i < k; i++) {
			size_t j = i + stats_below(&r, s->n - i), tmp = idx[i];
			idx[i] = idx[j];
			idx[j] = tmp;
		}
		memset(sum, 0, stride * sizeof(*sum));
		memset(cnt, 0, stride * sizeof(*cnt));
		stats_sum_rows(rows, idx, k, stride, sum, s->nan ? cnt : NULL);
		for (i = 0; i < s->m; i++) {
			s->sum[i] = sum[i];
			s->cnt[i] = s->nan ? cnt[i] : (double)k;
		}
		stats_perm_count(s);
	}
	free(rows);
	free(sum);
	free(cnt);
	free(idx);
}

/* Observed |mean difference| per metric; NAN when a side has no values. */
static void stats_perm_observed(struct stats_perm *s, size_t na)
{
	size_t i, j;

	stats_perm_clear(s);
	for (i = 0; i < na; i++)
		stats_add_row(s->x + i * s->m, s->m, s->sum, s->cnt);
	memset(s->tot_sum, 0, s->m * sizeof(*s->tot_sum));
	memset(s->tot_cnt, 0, s->m * sizeof(*s->tot_cnt));
	for (i = 0; i < s->n; i++)
		stats_add_row(s->x + i * s->m, s->m, s->tot_sum, s->tot_cnt);
	for (j = 0; j < s->m; j++) {
		double rest = s->tot_cnt[j] - s->cnt[j];
		s->obs[j] = s->cnt[j] > 0 && rest > 0 ?
			fabs(s->sum[j] / s->cnt[j] - (s->tot_sum[j] - s->sum[j]) / rest) : NAN;
	}
}

/* C(n, k) as a double, or HUGE_VAL when GSL cannot represent it. */
static double stats_choose(size_t n, size_t k)
{
	gsl_sf_result res;
	if (gsl_sf_choose_e((unsigned int)n, (unsigned int)k, &res) != GSL_SUCCESS)
		return HUGE_VAL;
	return res.val;
}

void stats_permutation(const double *x, size_t na, size_t nb, size_t m, size_t shuffles,
		       unsigned long seed, double *p, const char **reason, int *exact)
{
	struct stats_perm s;
	double *mem, splits;
	size_t j;

	*exact = 0;
	for (j = 0; j < m; j++) {
		p[j] = NAN;
		reason[j] = na && nb ? NULL : "empty group";
	}
	if (!na || !nb || !m)
		return;
	mem = xcalloc(8 * m, sizeof(*mem));
	s = (struct stats_perm){ x, na + nb, m, mem, mem + m, mem + 2 * m, mem + 3 * m,
				 mem + 4 * m, mem + 5 * m, mem + 6 * m, 0 };
	s.nan = stats_any_nan(x, (na + nb) * m);
	stats_perm_observed(&s, na);
	splits = stats_choose(na + nb, na);
	if (splits <= (double)shuffles) {
		*exact = 1;
		stats_perm_exact(&s, na);
	} else if (shuffles > 0) {
		stats_perm_random(&s, na < nb ? na : nb, shuffles, seed);
	}
	for (j = 0; j < m; j++) {
		if (isnan(s.obs[j]) || s.valid[j] == 0)
			reason[j] = shuffles || *exact ? "no values in a group" : "no shuffles";
		else if (*exact)
			p[j] = s.extreme[j] / s.valid[j];
		else
			p[j] = (1 + s.extreme[j]) / (1 + s.valid[j]);
	}
	free(mem);
}

/* ---- permutation chi-square of groups x categories ---- */

/*
 * The data of one permutation chi-square, read by every chunk of
 * shuffles. Rows hold ntab tables' C counts side by side (width W =
 * ntab C), so one relabelling serves every table.
 */
struct stats_chisq {
	const double *x;	/* n x W counts, NAN already 0 */
	size_t n, G, C, ntab, W;
	size_t nz;		/* rows with a match (random relabellings put them first) */
	const size_t *size;
	double *col;		/* W category totals, fixed under relabelling */
	double *total;		/* per table */
	double *obs;		/* observed X^2 per table, NAN = no test */
};

/*
 * Pearson's X^2 of table t of the G x W sums tab, cells of an empty group
 * or category left out; the same sum, term for term, as stats_chisq.
 */
static double stats_chisq_x2(const struct stats_chisq *s, const double *tab, size_t t)
{
	const double *col = s->col + t * s->C;
	double x2 = 0;
	size_t g, c;

	for (g = 0; g < s->G; g++) {
		const double *row = tab + g * s->W + t * s->C;
		double r = 0;
		for (c = 0; c < s->C; c++)
			r += row[c];
		if (r == 0)
			continue;
		for (c = 0; c < s->C; c++) {
			double e;
			if (col[c] == 0)
				continue;
			e = r * col[c] / s->total[t];
			x2 += (row[c] - e) * (row[c] - e) / e;
		}
	}
	return x2;
}

/* Adds 1 to extreme[t] for each table at least as far from independence as observed. */
static void stats_chisq_score(const struct stats_chisq *s, const double *tab, double *extreme)
{
	size_t t;

	for (t = 0; t < s->ntab; t++)
		if (!isnan(s->obs[t]) &&
		    stats_chisq_x2(s, tab, t) >= s->obs[t] - 1e-9 * s->obs[t])
			extreme[t] += 1;
}

/*
 * The sums of the labelling label[i] (the group of row i): the rows are
 * read in order, so a large table streams from memory.
 */
static void stats_chisq_table(const struct stats_chisq *s, const uint32_t *label, double *tab)
{
	size_t i;

	memset(tab, 0, s->G * s->W * sizeof(*tab));
	for (i = 0; i < s->n; i++)
		stats_add_row(s->x + i * s->W, s->W, tab + label[i] * s->W, NULL);
}

/*
 * The next arrangement of the multiset label[0..n) in lexicographic
 * order; 0 after the last. Starting from the sorted labels, it visits
 * every distinct relabelling once.
 */
static int stats_next_labels(uint32_t *label, size_t n)
{
	size_t i, j;
	uint32_t tmp;

	if (n < 2)
		return 0;
	i = n - 1;
	while (i > 0 && label[i - 1] >= label[i])
		i--;
	if (i == 0)
		return 0;
	j = n - 1;
	while (label[j] <= label[i - 1])
		j--;
	tmp = label[i - 1];
	label[i - 1] = label[j];
	label[j] = tmp;
	for (j = n - 1; i < j; i++, j--) {
		tmp = label[i];
		label[i] = label[j];
		label[j] = tmp;
	}
	return 1;
}

/* Every relabelling from the sorted labels on; returns how many. */
static double stats_chisq_exact(const struct stats_chisq *s, uint32_t *label, double *tab,
				double *extreme)
{
	double count = 0;

	do {
		stats_chisq_table(s, label, tab);
		stats_chisq_score(s, tab, extreme);
		count += 1;
	} while (stats_next_labels(label, s->n));
	return count;
}

/* The observed labels: size[0] zeros, then size[1] ones, ... */
static void stats_chisq_labels(const struct stats_chisq *s, uint32_t *label)
{
	size_t g, k, i = 0;

	for (g = 0; g < s->G; g++)
		for (k = 0; k < s->size[g]; k++)
			label[i++] = (uint32_t)g;
}

/*
 * shuffles random relabellings from the stream of seed, adding the
 * extreme ones of each table to extreme[]. The rows with a match come
 * first (s->nz of them; the others add nothing to any sum), so only their
 * labels are drawn: nz steps of a Fisher-Yates shuffle leave at the front
 * of the labels a uniform draw without replacement, whatever order the
 * shuffle before left them in. The labels (4 bytes an article) stay in
 * the cache while they are shuffled, and the counts are read in order.
 */
static void stats_chisq_random(const struct stats_chisq *s, size_t shuffles,
			       unsigned long seed, double *extreme)
{
	uint32_t *label = xmalloc((s->n + 1) * sizeof(*label)), tmp;
	double *tab = xmalloc((s->G * s->W + 1) * sizeof(*tab));
	struct stats_taus r;
	size_t i, j, t;

	stats_chisq_labels(s, label);
	stats_taus_seed(&r, seed);
	for (t = 0; t < shuffles; t++) {
		for (i = 0; i < s->nz; i++) {
			j = i + stats_below(&r, s->n - i);
			tmp = label[i];
			label[i] = label[j];
			label[j] = tmp;
		}
		memset(tab, 0, s->G * s->W * sizeof(*tab));
		for (i = 0; i < s->nz; i++)
			stats_add_row(s->x + i * s->W, s->W, tab + label[i] * s->W, NULL);
		stats_chisq_score(s, tab, extreme);
	}
	free(label);
	free(tab);
}

/*
 * The rows of s->x with a match moved to the front of a copy, for the
 * random relabellings (which do not need to know whose row is whose).
 * Free with free().
 */
static double *stats_chisq_matched_first(struct stats_chisq *s)
{
	double *rows = xmalloc((s->n * s->W + 1) * sizeof(*rows));
	size_t i, c, k = 0;

	for (i = 0; i < s->n; i++) {
		const double *row = s->x + i * s->W;
		for (c = 0; c < s->W && row[c] == 0; c++)
			;
		if (c < s->W)
			memcpy(rows + k++ * s->W, row, s->W * sizeof(*row));
	}
	s->nz = k;
	s->x = rows;
	return rows;
}

/*
 * The random relabellings run in chunks of a fixed size, each with a
 * stream of its own (the seed plus the chunk's number), in parallel: a
 * corpus of a million articles takes seconds per thousand shuffles. The
 * chunks, not the threads, fix the numbers, so -j does not change them.
 */
#define STATS_CHISQ_CHUNK 500

struct stats_chisq_chunks {
	const struct stats_chisq *s;
	size_t shuffles;
	unsigned long seed;
	double *extreme;	/* ntab per chunk */
};

static void stats_chisq_chunk(void *arg, size_t chunk)
{
	struct stats_chisq_chunks *w = arg;
	size_t first = chunk * STATS_CHISQ_CHUNK, len = w->shuffles - first;

	if (len > STATS_CHISQ_CHUNK)
		len = STATS_CHISQ_CHUNK;
	stats_chisq_random(w->s, len, w->seed + chunk, w->extreme + chunk * w->s->ntab);
}

static void stats_chisq_chunks(const struct stats_chisq *s, size_t shuffles,
			       unsigned long seed, size_t jobs, double *extreme)
{
	size_t n = (shuffles + STATS_CHISQ_CHUNK - 1) / STATS_CHISQ_CHUNK, c, t;
	struct stats_chisq_chunks w = { s, shuffles, seed,
					xcalloc(n * s->ntab + 1, sizeof(double)) };

	workpool_run(jobs, n, stats_chisq_chunk, &w);
	for (c = 0; c < n; c++)
		for (t = 0; t < s->ntab; t++)
			extreme[t] += w.extreme[c * s->ntab + t];
	free(w.extreme);
}

/* n! / prod size[g]!, the distinct relabellings, as a double (may be HUGE_VAL). */
static double stats_relabellings(const size_t *size, size_t G, size_t n)
{
	double lg = lgamma((double)n + 1);
	size_t g;

	for (g = 0; g < G; g++)
		lg -= lgamma((double)size[g] + 1);
	return lg > 700 ? HUGE_VAL : floor(exp(lg) + 0.5);
}

/* Why table t of the observed sums has no test, or NULL. */
static const char *stats_chisq_degenerate(const struct stats_chisq *s, const double *tab,
					  size_t t)
{
	size_t g, c, r = 0, k = 0;

	for (c = 0; c < s->C; c++)
		k += s->col[t * s->C + c] > 0;
	for (g = 0; g < s->G; g++) {
		double sum = 0;
		for (c = 0; c < s->C; c++)
			sum += tab[g * s->W + t * s->C + c];
		r += sum > 0;
	}
	if (r < 2)
		return "fewer than 2 groups with matches";
	return k < 2 ? "fewer than 2 categories with matches" : NULL;
}

/* The observed sums into tab, the totals and each table's X^2 or reason. */
static void stats_chisq_observed(struct stats_chisq *s, uint32_t *label, double *tab,
				 const char **why)
{
	size_t g, c, t;

	stats_chisq_labels(s, label);
	stats_chisq_table(s, label, tab);
	for (g = 0; g < s->G; g++)
		for (c = 0; c < s->W; c++)
			s->col[c] += tab[g * s->W + c];
	for (t = 0; t < s->ntab; t++) {
		for (c = 0; c < s->C; c++)
			s->total[t] += s->col[t * s->C + c];
		why[t] = stats_chisq_degenerate(s, tab, t);
		s->obs[t] = why[t] ? NAN : stats_chisq_x2(s, tab, t);
	}
}

void stats_permutation_chisq_tables(const double *x, const size_t *size, size_t G, size_t C,
				    size_t ntab, size_t shuffles, unsigned long seed,
				    size_t jobs, struct stats_chisq_perm *out, const char **why)
{
	struct stats_chisq s;
	size_t i, g, t, n = 0, W = ntab * C;
	double *clean, *mem, *tab, *extreme, count = 0;
	uint32_t *label;
	int exact = 0, any = 0;

	for (g = 0; g < G; g++)
		n += size[g];
	clean = xmalloc((n * W + 1) * sizeof(*clean));
	for (i = 0; i < n * W; i++)
		clean[i] = isnan(x[i]) ? 0 : x[i];
	mem = xcalloc(W + 3 * ntab + 1, sizeof(*mem));
	tab = xcalloc(G * W + 1, sizeof(*tab));
	label = xmalloc((n + 1) * sizeof(*label));
	s = (struct stats_chisq){ clean, n, G, C, ntab, W, n, size, mem, mem + W, mem + W + ntab };
	extreme = mem + W + 2 * ntab;
	stats_chisq_observed(&s, label, tab, why);
	for (t = 0; t < ntab; t++)
		any |= !why[t];
	if (any && stats_relabellings(size, G, n) <= (double)shuffles) {
		exact = 1;
		count = stats_chisq_exact(&s, label, tab, extreme);
	} else if (any && shuffles > 0) {
		double *rows = stats_chisq_matched_first(&s);
		count = (double)shuffles;
		stats_chisq_chunks(&s, shuffles, seed, jobs, extreme);
		free(rows);
	}
	for (t = 0; t < ntab; t++) {
		out[t] = (struct stats_chisq_perm){ s.obs[t], NAN, 0, 0 };
		if (why[t])
			continue;
		if (count == 0) {
			why[t] = "no shuffles";
			continue;
		}
		out[t].count = count;
		out[t].exact = exact;
		out[t].p = exact ? extreme[t] / count : (1 + extreme[t]) / (1 + count);
	}
	free(clean);
	free(mem);
	free(tab);
	free(label);
}

const char *stats_permutation_chisq(const double *x, const size_t *size, size_t G, size_t C,
				    size_t shuffles, unsigned long seed, size_t jobs,
				    struct stats_chisq_perm *out)
{
	const char *why;

	stats_permutation_chisq_tables(x, size, G, C, 1, shuffles, seed, jobs, out, &why);
	return why;
}
