/*
 * Within-story outlet effects (see effects.h): the fits, with the story
 * fixed effects absorbed, and effects.tsv.
 *
 * Why absorbed: with S stories the full design has S dummy columns, and
 * a dense n x S matrix for 100,000 articles in 20,000 stories is 16 GB.
 * By the Frisch-Waugh-Lovell theorem the outlet and covariate
 * coefficients of the full model are those of the regression on the
 * columns demeaned within each story (weighted by the IRLS weights for
 * the Poisson model), and the rows of (Z'WZ)^-1 Z' that belong to them
 * are (X~'WX~)^-1 X~', so the cluster-robust sandwich of those
 * coefficients is the one of the demeaned regression, exactly. What the
 * dummies still change is the HC1 factor, which counts every parameter
 * of the full model: the rank is computed from the outlet-story graph.
 */
#include "effects.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_statistics_double.h>

#include "buf.h"
#include "date.h"
#include "quantile.h"
#include "sort.h"
#include "stats.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

#define EFFECTS_MAXITER 100
#define EFFECTS_EPS 1e-10	/* relative change of the deviance (R's glm: 1e-8) */
#define EFFECTS_TOL 1e-10	/* singular values below this share of the largest: singular */
#define EFFECTS_HUGE 40.0	/* a log rate ratio beyond this has not converged */

static const char effects_header[] =
	"outlet\treference\tmetric\tmodel\testimate\tse\tlo\thi\tp\tn_articles\tn_stories\tnote\n";

/* ---- the natural spline ---- */

static double effects_cube(double v)
{
	return v > 0 ? v * v * v : 0;
}

/*
 * The truncated power basis of natural cubic splines (Hastie, Tibshirani
 * and Friedman, eq. 5.4-5.5): with knots k_1 < ... < k_K, the columns x
 * and d_j(x) - d_{K-1}(x), d_j(x) = ((x - k_j)^3_+ - (x - k_K)^3_+) /
 * (k_K - k_j), j = 1 .. K - 2, span with a constant the cubic splines
 * linear beyond the boundary knots: ns's space. x is first mapped to
 * [0, 1] so the cubes stay well conditioned.
 */
size_t effects_spline(const double *x, size_t n, double *out)
{
	double *s, knot[5], lo, span;
	size_t i, j, nk = 0, ncol;

	if (n == 0)
		return 0;
	s = xmalloc(n * sizeof(double));
	memcpy(s, x, n * sizeof(double));
	stats_sort(s, n);
	lo = s[0];
	span = s[n - 1] - s[0];
	knot[nk++] = 0;
	for (j = 1; j <= 3; j++) {
		/* GSL's quantile is R's type 7, quantile()'s default, as ns() takes it. */
		double k = (gsl_stats_quantile_from_sorted_data(s, 1, n, 0.25 * (double)j) - lo)
			   / span;
		/* Coinciding knots add nothing to the space: R aliases their column. */
		if (k > knot[nk - 1] && k < 1)
			knot[nk++] = k;
	}
	knot[nk++] = 1;
	free(s);
	if (!(span > 0))
		return 0;
	ncol = nk - 1;
	for (i = 0; i < n; i++) {
		double u = (x[i] - lo) / span, dlast;
		double *row = out + i * 4;

		row[0] = u;
		dlast = (effects_cube(u - knot[nk - 2]) - effects_cube(u - 1)) / (1 - knot[nk - 2]);
		for (j = 0; j + 2 < nk; j++)
			row[j + 1] = (effects_cube(u - knot[j]) - effects_cube(u - 1)) / (1 - knot[j]) - dlast;
		for (j = ncol; j < 4; j++)
			row[j] = 0;
	}
	return ncol;
}

/* ---- the fit ---- */

/* Union-find over outlets (0 .. O-1) and stories (O .. O+S-1). */
static size_t effects_find(size_t *parent, size_t x)
{
	while (parent[x] != x) {
		parent[x] = parent[parent[x]];
		x = parent[x];
	}
	return x;
}

static void effects_union(size_t *parent, size_t a, size_t b)
{
	a = effects_find(parent, a);
	b = effects_find(parent, b);
	if (a != b)
		parent[a > b ? a : b] = a < b ? a : b;
}

/* The articles of one fit and their design. */
struct effects_work {
	const struct effects_data *d;
	enum effects_model model;
	size_t n, S, p, pcov;
	size_t *obs;		/* the articles in the fit, indices into d */
	size_t *st;		/* their stories, renumbered 0 .. S-1 */
	size_t *col;		/* per outlet: its column, SIZE_MAX: none */
	double *cov;		/* n x pcov covariates */
	/* The rows that inform the coefficients (active), and their numbers. */
	size_t na;
	size_t *act;		/* indices into obs */
	double *X, *Xt, *y, *off, *mu, *w, *z;
	double *means;		/* S x (p + 1) */
	double *sw;		/* S */
	gsl_vector *beta;
	gsl_matrix *covb;
};

/*
 * Chooses the articles and counts what is left out; renumbers the
 * stories. -1 when nothing is left.
 */
static void effects_select(struct effects_work *wk, struct effects_fitinfo *info)
{
	const struct effects_data *d = wk->d;
	size_t *renum = xmalloc((d->nstories + 1) * sizeof(size_t));
	size_t i;

	for (i = 0; i < d->nstories; i++)
		renum[i] = SIZE_MAX;
	wk->obs = xmalloc((d->n + 1) * sizeof(size_t));
	wk->st = xmalloc((d->n + 1) * sizeof(size_t));
	for (i = 0; i < d->n; i++) {
		int need_tokens = wk->model == EFFECTS_POISSON || d->adjust & EFFECTS_ADJUST_LENGTH;

		if (d->story[i] == EFFECTS_NONE || d->story[i] >= d->nstories) {
			info->no_story++;
		} else if (isnan(d->y[i])) {
			info->no_value++;
		} else if (need_tokens && !(d->tokens[i] > 0 && isfinite(d->tokens[i]))) {
			info->no_tokens++;
		} else if (d->adjust & EFFECTS_ADJUST_DATE && !isfinite(d->days[i])) {
			info->no_date++;
		} else {
			if (renum[d->story[i]] == SIZE_MAX)
				renum[d->story[i]] = wk->S++;
			wk->st[wk->n] = renum[d->story[i]];
			wk->obs[wk->n++] = i;
		}
	}
	free(renum);
	info->n = wk->n;
	info->stories = wk->S;
}

static int effects_cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return (x > y) - (x < y);
}

/*
 * Per outlet: its articles, and its stories that another outlet covers
 * too; the stories covered by one outlet only.
 */
static void effects_coverage(struct effects_work *wk, struct effects_est *est,
			     struct effects_fitinfo *info)
{
	const struct effects_data *d = wk->d;
	size_t O = d->noutlets, i, k = 0;
	size_t *first = xmalloc((wk->S + 1) * sizeof(size_t));
	unsigned char *multi = xcalloc(wk->S + 1, 1);
	size_t *pair = xmalloc((wk->n + 1) * sizeof(size_t));

	for (i = 0; i < wk->S; i++)
		first[i] = SIZE_MAX;
	for (i = 0; i < wk->n; i++) {
		size_t s = wk->st[i], g = d->outlet[wk->obs[i]];

		est[g].n_articles++;
		if (first[s] == SIZE_MAX)
			first[s] = g;
		else if (first[s] != g)
			multi[s] = 1;
	}
	for (i = 0; i < wk->S; i++)
		info->single += !multi[i];
	/* Distinct (story, outlet) pairs of the stories shared. */
	for (i = 0; i < wk->n; i++)
		if (multi[wk->st[i]])
			pair[k++] = wk->st[i] * O + d->outlet[wk->obs[i]];
	sort_array(pair, k, sizeof(size_t), effects_cmp_size);
	for (i = 0; i < k; i++)
		if (i == 0 || pair[i] != pair[i - 1])
			est[pair[i] % O].n_stories++;
	free(pair);
	free(multi);
	free(first);
}

/*
 * The rank of the full model (intercept, outlet and story dummies,
 * covariates) on the articles in the fit: O + S - C + pcov, C the
 * connected parts of the outlet-story graph. What R's lm and glm count
 * as parameters, and so the HC1 factor's k.
 */
static size_t effects_rank(const struct effects_work *wk)
{
	const struct effects_data *d = wk->d;
	size_t O = d->noutlets, i, parts = 0, outlets = 0;
	size_t *parent = xmalloc((O + wk->S + 1) * sizeof(size_t));
	unsigned char *seen = xcalloc(O + 1, 1);

	for (i = 0; i < O + wk->S; i++)
		parent[i] = i;
	for (i = 0; i < wk->n; i++) {
		size_t g = d->outlet[wk->obs[i]];
		outlets += !seen[g];
		seen[g] = 1;
		effects_union(parent, g, O + wk->st[i]);
	}
	for (i = 0; i < O + wk->S; i++)
		if (parent[i] == i && (i >= O || seen[i]))
			parts++;
	free(seen);
	free(parent);
	return outlets + wk->S - parts + wk->pcov;
}

/*
 * The rows that inform the coefficients: for the Poisson model, not
 * those of a story or an outlet without any match (their fixed effect
 * goes to minus infinity, their fitted values to 0: they add nothing to
 * the likelihood or the scores). The outlets of such rows are marked as
 * separated. Then the columns: within each connected part of the
 * outlet-story graph of those rows, every outlet but one (the reference
 * in its part, the first outlet in the others); outlets outside the
 * reference's part are fitted (as R fits them) but have no effect
 * against it. Returns -1 when the reference itself cannot be compared.
 */
static int effects_columns(struct effects_work *wk, size_t ref, struct effects_est *est,
			   const char **why)
{
	const struct effects_data *d = wk->d;
	size_t O = d->noutlets, i, g;
	double *ysum_s = xcalloc(wk->S + 1, sizeof(double));
	double *ysum_o = xcalloc(O + 1, sizeof(double));
	size_t *parent = xmalloc((O + wk->S + 1) * sizeof(size_t));
	size_t *base = xmalloc((O + wk->S + 1) * sizeof(size_t));
	unsigned char *in = xcalloc(O + 1, 1);
	int ret = 0;

	for (i = 0; i < wk->n; i++) {
		ysum_s[wk->st[i]] += d->y[wk->obs[i]];
		ysum_o[d->outlet[wk->obs[i]]] += d->y[wk->obs[i]];
	}
	wk->act = xmalloc((wk->n + 1) * sizeof(size_t));
	for (i = 0; i < O + wk->S; i++) {
		parent[i] = i;
		base[i] = SIZE_MAX;
	}
	for (i = 0; i < wk->n; i++) {
		size_t o = d->outlet[wk->obs[i]];

		if (wk->model == EFFECTS_POISSON && (ysum_s[wk->st[i]] <= 0 || ysum_o[o] <= 0))
			continue;
		wk->act[wk->na++] = i;
		in[o] = 1;
		effects_union(parent, o, O + wk->st[i]);
	}
	if (!in[ref]) {
		*why = wk->na == 0 && wk->n ? "no matches in any story" :
			wk->model == EFFECTS_POISSON && est[ref].n_articles ?
			"the reference has no matches in any of its stories" :
			"the reference has no article in a story";
		ret = -1;
		goto out;
	}
	for (g = 0; g < O; g++)
		if (wk->model == EFFECTS_POISSON && est[g].n_articles && ysum_o[g] <= 0)
			est[g].why = "separation: no matches in any of its stories, so the rate ratio is 0";
	base[effects_find(parent, ref)] = ref;
	wk->col = xmalloc((O + 1) * sizeof(size_t));
	for (g = 0; g < O; g++) {
		size_t r;

		wk->col[g] = SIZE_MAX;
		if (!in[g])
			continue;
		r = effects_find(parent, g);
		if (base[r] == SIZE_MAX)
			base[r] = g;
		if (base[r] != g)
			wk->col[g] = wk->p++;
		if (r != effects_find(parent, ref) && !est[g].why)
			est[g].why = "no story links it to the reference";
	}
out:
	free(in);
	free(base);
	free(parent);
	free(ysum_o);
	free(ysum_s);
	return ret;
}

/* The covariates of --adjust, for every row in the fit. */
static void effects_covariates(struct effects_work *wk)
{
	const struct effects_data *d = wk->d;
	size_t i, j, nspl = 0, pc;
	double *spl = NULL;

	if (d->adjust & EFFECTS_ADJUST_DATE) {
		double *x = xmalloc((wk->n + 1) * sizeof(double));
		for (i = 0; i < wk->n; i++)
			x[i] = d->days[wk->obs[i]];
		spl = xmalloc((wk->n + 1) * 4 * sizeof(double));
		nspl = effects_spline(x, wk->n, spl);
		free(x);
	}
	pc = nspl + !!(d->adjust & EFFECTS_ADJUST_LENGTH);
	wk->pcov = pc;
	wk->cov = xmalloc((wk->n * pc + 1) * sizeof(double));
	for (i = 0; i < wk->n; i++) {
		for (j = 0; j < nspl; j++)
			wk->cov[i * pc + j] = spl[i * 4 + j];
		if (d->adjust & EFFECTS_ADJUST_LENGTH)
			wk->cov[i * pc + nspl] = log(d->tokens[wk->obs[i]]);
	}
	free(spl);
}

/* The active rows' design: outlet dummies, then the covariates. */
static void effects_design(struct effects_work *wk)
{
	const struct effects_data *d = wk->d;
	size_t p = wk->p + wk->pcov, i, j;

	wk->X = xcalloc(wk->na * p + 1, sizeof(double));
	wk->Xt = xmalloc((wk->na * p + 1) * sizeof(double));
	wk->y = xmalloc((wk->na + 1) * sizeof(double));
	wk->off = xmalloc((wk->na + 1) * sizeof(double));
	wk->mu = xmalloc((wk->na + 1) * sizeof(double));
	wk->w = xmalloc((wk->na + 1) * sizeof(double));
	wk->z = xmalloc((wk->na + 1) * sizeof(double));
	wk->means = xmalloc((wk->S * (p + 1) + 1) * sizeof(double));
	wk->sw = xmalloc((wk->S + 1) * sizeof(double));
	for (i = 0; i < wk->na; i++) {
		size_t r = wk->act[i], a = wk->obs[r], c = wk->col[d->outlet[a]];

		if (c != SIZE_MAX)
			wk->X[i * p + c] = 1;
		for (j = 0; j < wk->pcov; j++)
			wk->X[i * p + wk->p + j] = wk->cov[r * wk->pcov + j];
		wk->y[i] = d->y[a];
		wk->off[i] = wk->model == EFFECTS_POISSON ? log(d->tokens[a]) : 0;
	}
}

/*
 * Demeans X (into Xt) and z (in place) within stories, weighted by w:
 * the story fixed effects absorbed.
 */
static void effects_demean(struct effects_work *wk, double *zt)
{
	size_t p = wk->p + wk->pcov, q = p + 1, i, j;

	memset(wk->means, 0, wk->S * q * sizeof(double));
	memset(wk->sw, 0, wk->S * sizeof(double));
	for (i = 0; i < wk->na; i++) {
		size_t s = wk->st[wk->act[i]];
		double *m = wk->means + s * q, w = wk->w[i];

		wk->sw[s] += w;
		for (j = 0; j < p; j++)
			m[j] += w * wk->X[i * p + j];
		m[p] += w * wk->z[i];
	}
	for (i = 0; i < wk->S; i++)
		for (j = 0; j < q && wk->sw[i] > 0; j++)
			wk->means[i * q + j] /= wk->sw[i];
	for (i = 0; i < wk->na; i++) {
		const double *m = wk->means + wk->st[wk->act[i]] * q;

		for (j = 0; j < p; j++)
			wk->Xt[i * p + j] = wk->X[i * p + j] - m[j];
		zt[i] = wk->z[i] - m[p];
	}
}

/*
 * sqrt(W) [X~ z~] compressed to p rows by a QR decomposition in blocks
 * of rows (TSQR): R and the first p entries of Q'sqrt(W)z~, with which
 * the least squares problem has the same solution and the same
 * (X~'WX~)^-1 = (R'R)^-1, accurate as the QR of the whole (the normal
 * equations would square its condition). GSL's SVD of a 100,000 x 50
 * matrix takes seconds; this, a fraction of one.
 */
#define EFFECTS_BLOCK 2048

static void effects_compress(const struct effects_work *wk, const double *zt, gsl_matrix *R,
			     gsl_vector *qz)
{
	size_t p = wk->p + wk->pcov, i = 0, j, l, top = 0;
	gsl_matrix *blk = gsl_matrix_alloc(p + EFFECTS_BLOCK, p);
	gsl_vector *v = gsl_vector_alloc(p + EFFECTS_BLOCK);
	gsl_vector *tau = gsl_vector_alloc(p);

	while (i < wk->na) {
		size_t m = top;
		gsl_matrix_view b;
		gsl_vector_view bv;

		for (; i < wk->na && m < top + EFFECTS_BLOCK; i++, m++) {
			double sw = sqrt(wk->w[i]);
			for (j = 0; j < p; j++)
				gsl_matrix_set(blk, m, j, sw * wk->Xt[i * p + j]);
			gsl_vector_set(v, m, sw * zt[i]);
		}
		/* A last block shorter than p rows waits for none: pad with zero rows. */
		for (; m < p; m++) {
			for (j = 0; j < p; j++)
				gsl_matrix_set(blk, m, j, 0);
			gsl_vector_set(v, m, 0);
		}
		b = gsl_matrix_submatrix(blk, 0, 0, m, p);
		bv = gsl_vector_subvector(v, 0, m);
		gsl_linalg_QR_decomp(&b.matrix, tau);
		gsl_linalg_QR_QTvec(&b.matrix, tau, &bv.vector);
		/* R and Q'z become the first p rows of the next block. */
		for (j = 0; j < p; j++)
			for (l = 0; l < p; l++)
				if (l < j)
					gsl_matrix_set(blk, j, l, 0);
		top = p;
	}
	for (j = 0; j < p; j++) {
		for (l = 0; l < p; l++)
			gsl_matrix_set(R, j, l, l < j ? 0 : gsl_matrix_get(blk, j, l));
		gsl_vector_set(qz, j, gsl_vector_get(v, j));
	}
	gsl_vector_free(tau);
	gsl_vector_free(v);
	gsl_matrix_free(blk);
}

/*
 * One weighted least squares of the demeaned z on the demeaned X by GSL
 * (gsl_multifit_wlinear's truncated-SVD form, which reports the rank) on
 * the compressed system; beta and (X~'WX~)^-1 in wk. -1 when the design
 * is singular.
 */
static int effects_wls(struct effects_work *wk, gsl_multifit_linear_workspace *ws, double *zt)
{
	size_t p = wk->p + wk->pcov, rank;
	double chisq;
	gsl_matrix *R = gsl_matrix_alloc(p, p);
	gsl_vector *qz = gsl_vector_alloc(p), *ones = gsl_vector_alloc(p);
	int ret = 0;

	effects_compress(wk, zt, R, qz);
	gsl_vector_set_all(ones, 1);
	if (gsl_multifit_wlinear_tsvd(R, ones, qz, EFFECTS_TOL, wk->beta, wk->covb, &chisq, &rank,
				      ws) != GSL_SUCCESS || rank < p)
		ret = -1;
	gsl_vector_free(ones);
	gsl_vector_free(qz);
	gsl_matrix_free(R);
	return ret;
}

/* Xb for active row i. */
static double effects_xb(const struct effects_work *wk, size_t i)
{
	size_t p = wk->p + wk->pcov, j;
	double s = 0;

	for (j = 0; j < p; j++)
		s += wk->X[i * p + j] * gsl_vector_get(wk->beta, j);
	return s;
}

/*
 * Given beta, each story's intercept in closed form, alpha_s =
 * log(sum_s y / sum_s tokens exp(x b)), and the fitted means. Returns
 * the deviance.
 */
static double effects_poisson_mu(struct effects_work *wk)
{
	double *num = xcalloc(wk->S + 1, sizeof(double));
	double *den = xcalloc(wk->S + 1, sizeof(double));
	double dev = 0;
	size_t i;

	for (i = 0; i < wk->na; i++) {
		size_t s = wk->st[wk->act[i]];
		wk->mu[i] = exp(wk->off[i] + effects_xb(wk, i));
		num[s] += wk->y[i];
		den[s] += wk->mu[i];
	}
	for (i = 0; i < wk->na; i++) {
		size_t s = wk->st[wk->act[i]];
		double y = wk->y[i];

		wk->mu[i] *= num[s] / den[s];
		dev += 2 * ((y > 0 ? y * log(y / wk->mu[i]) : 0) - (y - wk->mu[i]));
	}
	free(den);
	free(num);
	return dev;
}

/*
 * The same step by the normal equations (X~'WX~ b = X~'Wz~, Cholesky):
 * a tenth of the SVD's time on 100,000 articles, for the iterations
 * before the last. -1 when X~'WX~ is not positive definite.
 */
static int effects_wls_normal(struct effects_work *wk, const double *zt)
{
	size_t p = wk->p + wk->pcov, i, j, l;
	gsl_matrix *A = gsl_matrix_calloc(p, p);
	gsl_vector *b = gsl_vector_calloc(p);
	int ret = 0;

	for (i = 0; i < wk->na; i++) {
		const double *row = wk->Xt + i * p;
		for (j = 0; j < p; j++) {
			double wj = wk->w[i] * row[j], *a = A->data + j * A->tda;
			b->data[j] += wj * zt[i];
			for (l = 0; l <= j; l++)
				a[l] += wj * row[l];
		}
	}
	for (j = 0; j < p; j++)
		for (l = 0; l < j; l++)
			gsl_matrix_set(A, l, j, gsl_matrix_get(A, j, l));
	if (gsl_linalg_cholesky_decomp1(A) != GSL_SUCCESS ||
	    gsl_linalg_cholesky_solve(A, b, wk->beta) != GSL_SUCCESS)
		ret = -1;
	gsl_vector_free(b);
	gsl_matrix_free(A);
	return ret;
}

/* One IRLS step from the current mu: weights, working response, the fit. */
static int effects_irls_step(struct effects_work *wk, gsl_multifit_linear_workspace *ws,
			     double *zt, int last)
{
	size_t i;

	for (i = 0; i < wk->na; i++) {
		wk->w[i] = wk->mu[i];
		wk->z[i] = log(wk->mu[i]) - wk->off[i] + (wk->y[i] - wk->mu[i]) / wk->mu[i];
	}
	effects_demean(wk, zt);
	if (!last && effects_wls_normal(wk, zt) == 0)
		return 0;
	return effects_wls(wk, ws, zt);
}

/*
 * IRLS for the Poisson model: a weighted least squares step for beta
 * with the story intercepts absorbed, then the intercepts in closed form,
 * until the deviance stops changing. R starts from mu = y + 0.1 and so
 * do we. Once converged, one more step by GSL's SVD solver
 * (gsl_multifit_wlinear), which checks the rank and gives the bread
 * (X~'WX~)^-1 with the weights of the step's start, as R's glm does, and
 * then mu at its beta: the residuals of the scores.
 */
static const char *effects_poisson(struct effects_work *wk, gsl_multifit_linear_workspace *ws)
{
	double *zt = xmalloc((wk->na + 1) * sizeof(double));
	double dev = INFINITY, old;
	const char *why = "no convergence in 100 iterations";
	size_t i, j;
	int it;

	for (i = 0; i < wk->na; i++)
		wk->mu[i] = wk->y[i] + 0.1;
	for (it = 1; it <= EFFECTS_MAXITER; it++) {
		if (effects_irls_step(wk, ws, zt, 0) < 0) {
			why = "singular design";
			break;
		}
		/* An outlet's log rate ratio running off: separation that is not plain. */
		for (j = 0; j < wk->p; j++)
			if (!(fabs(gsl_vector_get(wk->beta, j)) < EFFECTS_HUGE))
				break;
		if (j < wk->p)
			break;
		old = dev;
		dev = effects_poisson_mu(wk);
		if (!isfinite(dev))
			break;
		if (fabs(dev - old) / (fabs(dev) + 0.1) < EFFECTS_EPS) {
			why = NULL;
			break;
		}
	}
	if (!why) {
		if (effects_irls_step(wk, ws, zt, 1) < 0)
			why = "singular design";
		else if (!isfinite(effects_poisson_mu(wk)))
			why = "no convergence in 100 iterations";
	}
	free(zt);
	return why;
}

/* The linear model: least squares of the demeaned index on the demeaned design. */
static const char *effects_linear(struct effects_work *wk, gsl_multifit_linear_workspace *ws,
				  double *resid)
{
	size_t p = wk->p + wk->pcov, i, j;

	for (i = 0; i < wk->na; i++) {
		wk->w[i] = 1;
		wk->z[i] = wk->y[i];
	}
	effects_demean(wk, resid);
	if (effects_wls(wk, ws, resid) < 0)
		return "singular design";
	for (i = 0; i < wk->na; i++)
		for (j = 0; j < p; j++)
			resid[i] -= wk->Xt[i * p + j] * gsl_vector_get(wk->beta, j);
	return NULL;
}

/*
 * The cluster-robust variance of the coefficients, as sandwich::vcovCL
 * (type "HC1", cadjust): B M B with B = (X~'WX~)^-1, M the sum over
 * stories of u_s u_s', u_s = sum of x~_i r_i over the story's articles
 * (r the residual y - mu, or y - fitted), times G / (G - 1) (n - 1) /
 * (n - k), G stories, n articles and k parameters of the full model, the
 * story fixed effects included. The diagonal goes to var.
 */
static void effects_sandwich(const struct effects_work *wk, const double *r, size_t k,
			     double *var)
{
	size_t p = wk->p + wk->pcov, i, j, l, s;
	double *u = xcalloc(wk->S * p + 1, sizeof(double));
	double *m = xcalloc(p * p + 1, sizeof(double));
	double *bm = xcalloc(p * p + 1, sizeof(double));
	double G = (double)wk->S, n = (double)wk->n;
	double adj = G / (G - 1) * (n - 1) / (n - (double)k);

	for (i = 0; i < wk->na; i++) {
		double *us = u + wk->st[wk->act[i]] * p;
		for (j = 0; j < p; j++)
			us[j] += wk->Xt[i * p + j] * r[i];
	}
	for (s = 0; s < wk->S; s++) {
		const double *us = u + s * p;
		for (j = 0; j < p; j++)
			for (l = 0; l < p; l++)
				m[j * p + l] += us[j] * us[l];
	}
	for (j = 0; j < p; j++)
		for (l = 0; l < p; l++) {
			double v = 0;
			for (s = 0; s < p; s++)
				v += gsl_matrix_get(wk->covb, j, s) * m[s * p + l];
			bm[j * p + l] = v;
		}
	for (j = 0; j < p; j++) {
		double v = 0;
		for (s = 0; s < p; s++)
			v += bm[j * p + s] * gsl_matrix_get(wk->covb, s, j);
		var[j] = adj * v;
	}
	free(bm);
	free(m);
	free(u);
}

static void effects_work_free(struct effects_work *wk)
{
	free(wk->obs);
	free(wk->st);
	free(wk->col);
	free(wk->cov);
	free(wk->act);
	free(wk->X);
	free(wk->Xt);
	free(wk->y);
	free(wk->off);
	free(wk->mu);
	free(wk->w);
	free(wk->z);
	free(wk->means);
	free(wk->sw);
	if (wk->beta)
		gsl_vector_free(wk->beta);
	if (wk->covb)
		gsl_matrix_free(wk->covb);
}

/* Estimate, interval and p of each outlet with a column. */
static void effects_report(const struct effects_work *wk, size_t ref, const double *var,
			   double df, struct effects_est *est)
{
	size_t g;
	double q = wk->model == EFFECTS_POISSON ? gsl_cdf_ugaussian_Pinv(0.975) :
		quantile_t(0.975, df);

	for (g = 0; g < wk->d->noutlets; g++) {
		size_t c = wk->col ? wk->col[g] : SIZE_MAX;
		double b, se, stat;

		if (g == ref || c == SIZE_MAX || est[g].why)
			continue;
		/*
		 * Clustered by story, an outlet seen in one shared story has one
		 * cluster: its residuals there sum to zero, so its interval would
		 * have no width (an estimate that looks exact, from one story).
		 */
		if (est[g].n_stories < 2) {
			est[g].why = "in fewer than 2 shared stories: no cluster-robust interval";
			continue;
		}
		b = gsl_vector_get(wk->beta, c);
		se = sqrt(var[c]);
		if (!isfinite(b) || !(se > 0) || !isfinite(se)) {
			est[g].why = "no variation left to estimate it";
			continue;
		}
		stat = fabs(b / se);
		est[g].se = se;
		if (wk->model == EFFECTS_POISSON) {
			est[g].estimate = exp(b);
			est[g].lo = exp(b - q * se);
			est[g].hi = exp(b + q * se);
			est[g].p = 2 * gsl_cdf_ugaussian_Q(stat);
		} else {
			est[g].estimate = b;
			est[g].lo = b - q * se;
			est[g].hi = b + q * se;
			est[g].p = 2 * gsl_cdf_tdist_Q(stat, df);
		}
	}
}

static void effects_est_init(struct effects_est *est, size_t n)
{
	size_t g;

	for (g = 0; g < n; g++) {
		est[g].estimate = est[g].se = est[g].lo = est[g].hi = est[g].p = NAN;
		est[g].n_articles = est[g].n_stories = 0;
		est[g].why = NULL;
	}
}

/* The fit after the articles and columns are chosen; a reason when it fails. */
static const char *effects_solve(struct effects_work *wk, size_t ref, struct effects_est *est,
				 struct effects_fitinfo *info)
{
	size_t p = wk->p + wk->pcov;
	gsl_multifit_linear_workspace *ws;
	double *r, *var, df = (double)wk->n - (double)info->rank;
	const char *why;
	size_t i;

	if (wk->na <= p)
		return "fewer articles than parameters";
	if (wk->model == EFFECTS_LINEAR && !(df > 0))
		return "no residual degrees of freedom";
	if ((double)wk->n - (double)info->rank <= 0)
		return "fewer articles than parameters";
	effects_design(wk);
	wk->beta = gsl_vector_alloc(p);
	wk->covb = gsl_matrix_alloc(p, p);
	ws = gsl_multifit_linear_alloc(p, p);
	r = xmalloc((wk->na + 1) * sizeof(double));
	var = xmalloc((p + 1) * sizeof(double));
	if (wk->model == EFFECTS_POISSON) {
		why = effects_poisson(wk, ws);
		for (i = 0; i < wk->na && !why; i++)
			r[i] = wk->y[i] - wk->mu[i];
	} else {
		why = effects_linear(wk, ws, r);
	}
	if (!why) {
		effects_sandwich(wk, r, info->rank, var);
		effects_report(wk, ref, var, df, est);
	}
	gsl_multifit_linear_free(ws);
	free(var);
	free(r);
	return why;
}

void effects_fit(const struct effects_data *d, enum effects_model model, size_t ref,
		 struct effects_est *est, struct effects_fitinfo *info)
{
	struct effects_work wk;
	const char *why = NULL;
	size_t g;

	memset(&wk, 0, sizeof(wk));
	memset(info, 0, sizeof(*info));
	wk.d = d;
	wk.model = model;
	effects_est_init(est, d->noutlets);
	effects_select(&wk, info);
	effects_coverage(&wk, est, info);
	effects_covariates(&wk);
	info->rank = effects_rank(&wk);
	if (wk.S < 2)
		why = "fewer than 2 stories";
	else if (effects_columns(&wk, ref, est, &why) == 0 && wk.p == 0)
		why = "no other outlet shares a story with the reference";
	if (!why)
		why = effects_solve(&wk, ref, est, info);
	info->why = why;
	for (g = 0; g < d->noutlets; g++)
		if (why && !est[g].why)
			est[g].why = why;
	if (ref < d->noutlets) {
		est[ref].estimate = est[ref].se = est[ref].lo = est[ref].hi = est[ref].p = NAN;
		est[ref].why = "reference";
	}
	for (g = 0; g < d->noutlets; g++)
		if (!est[g].why && isnan(est[g].estimate))
			est[g].why = est[g].n_articles ? "not estimated" : "no article in a story";
	effects_work_free(&wk);
}

/* ---- effects.tsv ---- */

size_t *effects_stories_from_column(const struct scoretab *t, size_t *nstories)
{
	size_t *story = xmalloc((t->n + 1) * sizeof(size_t));
	size_t i, max = 0, s = 0, *renum;

	/*
	 * The values are interned, so their numbers name them; stories are
	 * numbered in order of first appearance in the table (sorted by group
	 * and id, so not by the order of the rows in the files).
	 */
	for (i = 0; i < t->n; i++)
		if (t->a[i].within && t->a[i].within_no > max)
			max = t->a[i].within_no;
	renum = xmalloc((max + 1) * sizeof(size_t));
	for (i = 0; i <= max; i++)
		renum[i] = SIZE_MAX;
	for (i = 0; i < t->n; i++) {
		const struct scoretab_article *a = &t->a[i];
		story[i] = EFFECTS_NONE;
		if (!a->within)
			continue;
		if (renum[a->within_no] == SIZE_MAX)
			renum[a->within_no] = s++;
		story[i] = renum[a->within_no];
	}
	free(renum);
	*nstories = s;
	return story;
}

/*
 * The metrics of effects.tsv: the matches of every category that is not
 * an actor (Poisson), then every index categories.tsv declares (linear),
 * in the order declared.
 */
struct effects_metric {
	char *name;
	enum effects_model model;
	long cat;		/* category of C_matches, -1 for an index */
	size_t index;		/* the index (scoretab's t->index_name) */
};

static size_t effects_metrics(const struct scoretab *t, struct effects_metric **out)
{
	size_t n = 0, i;
	struct effects_metric *m = xcalloc(t->ncat + t->nindex + 1, sizeof(*m));
	struct buf b = BUF_INIT;

	for (i = 0; i < t->ncat; i++) {
		if (scoretab_is_actor(t, i))
			continue;
		buf_reset(&b);
		buf_addf(&b, "%s_matches", t->cats[i]);
		m[n].name = xstrdup(b.data);
		m[n].model = EFFECTS_POISSON;
		m[n++].cat = (long)i;
	}
	for (i = 0; i < t->nindex; i++) {
		m[n].name = xstrdup(t->index_name[i]);
		m[n].model = EFFECTS_LINEAR;
		m[n].cat = -1;
		m[n++].index = i;
	}
	buf_release(&b);
	*out = m;
	return n;
}

/* The note of one row: its own reason, then what the fit left out. */
static void effects_note(struct buf *note, const struct effects_est *e,
			 const struct effects_fitinfo *fi, const struct effects_opts *o)
{
	const char *within = o->within ? o->within : "story";

	buf_reset(note);
	if (e->why)
		buf_adds(note, e->why);
#define EFFECTS_PART(cond, ...) do { if (cond) { if (note->len) buf_adds(note, "; "); \
	buf_addf(note, __VA_ARGS__); } } while (0)
	EFFECTS_PART(fi->single, "%zu of %zu stories covered by one outlet only add nothing",
		     fi->single, fi->stories);
	EFFECTS_PART(fi->no_story, "%zu articles without a %s left out", fi->no_story, within);
	EFFECTS_PART(fi->no_value, "%zu articles without a value left out", fi->no_value);
	EFFECTS_PART(fi->no_tokens, "%zu articles without tokens left out", fi->no_tokens);
	EFFECTS_PART(fi->no_date, "%zu articles without a date left out", fi->no_date);
#undef EFFECTS_PART
}

static void effects_num(struct buf *line, double v)
{
	buf_addch(line, '\t');
	buf_add_double(line, v);
}

static void effects_str(struct buf *line, const char *s)
{
	buf_add_tsv_field(line, s, strlen(s));
}

/* The reference: the group asked for, else the one with most articles (ties: by name). */
static size_t effects_reference(const struct scoretab *t, size_t asked)
{
	size_t *n, g, best = 0, i;

	if (asked < t->ngroups)
		return asked;
	n = xcalloc(t->ngroups + 1, sizeof(size_t));
	for (i = 0; i < t->n; i++)
		n[t->a[i].group]++;
	for (g = 1; g < t->ngroups; g++)
		if (n[g] > n[best])
			best = g;
	free(n);
	return best;
}

int effects_run(const struct scoretab *t, const size_t *story, size_t nstories,
		const struct effects_opts *o, FILE *out)
{
	struct effects_metric *m;
	size_t nm = effects_metrics(t, &m), G = t->ngroups, i, j, g;
	size_t ref = G ? effects_reference(t, o->reference) : 0;
	struct effects_est *est = xmalloc((nm * G + 1) * sizeof(*est));
	struct effects_fitinfo *fi = xmalloc((nm + 1) * sizeof(*fi));
	double *y = xmalloc((t->n + 1) * sizeof(double));
	double *tokens = xmalloc((t->n + 1) * sizeof(double));
	double *days = xmalloc((t->n + 1) * sizeof(double));
	size_t *outlet = xmalloc((t->n + 1) * sizeof(size_t));
	struct effects_data d = { t->n, y, tokens, days, outlet, story, G, nstories, o->adjust };
	struct buf line = BUF_INIT, note = BUF_INIT;

	for (i = 0; i < t->n; i++) {
		long yy, mm, dd;
		tokens[i] = t->a[i].tokens;
		outlet[i] = t->a[i].group;
		days[i] = date_parse(t->a[i].date, &yy, &mm, &dd) < 0 ? NAN :
			(double)date_days_from_civil(yy, mm, dd);
	}
	for (j = 0; j < nm; j++) {
		for (i = 0; i < t->n; i++)
			y[i] = m[j].cat >= 0 ? t->a[i].counts[2 * m[j].cat] :
				t->a[i].index[m[j].index];
		effects_fit(&d, m[j].model, ref, est + j * G, &fi[j]);
	}
	fputs(effects_header, out);
	for (g = 0; g < G; g++) {
		if (g == ref)
			continue;
		for (j = 0; j < nm; j++) {
			const struct effects_est *e = &est[j * G + g];

			buf_reset(&line);
			effects_str(&line, t->groups[g]);
			buf_addch(&line, '\t');
			effects_str(&line, t->groups[ref]);
			buf_addch(&line, '\t');
			effects_str(&line, m[j].name);
			buf_adds(&line, m[j].model == EFFECTS_POISSON ? "\tpoisson" : "\tlinear");
			effects_num(&line, e->estimate);
			effects_num(&line, e->se);
			effects_num(&line, e->lo);
			effects_num(&line, e->hi);
			effects_num(&line, e->p);
			buf_addf(&line, "\t%zu\t%zu\t", e->n_articles, e->n_stories);
			effects_note(&note, e, &fi[j], o);
			effects_str(&line, note.data ? note.data : "");
			buf_addch(&line, '\n');
			fwrite(line.data, 1, line.len, out);
		}
	}
	buf_release(&line);
	buf_release(&note);
	for (j = 0; j < nm; j++)
		free(m[j].name);
	free(m);
	free(est);
	free(fi);
	free(y);
	free(tokens);
	free(days);
	free(outlet);
	return ferror(out) ? -1 : 0;
}
