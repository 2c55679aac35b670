/*
 * Quantiles by root finding on GSL's distribution functions (quantile.h).
 */
#include "quantile.h"

#include <float.h>
#include <math.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>

#include "banned.h"

/* Which distribution a root is sought for; the CDF is chosen by tail. */
enum quantile_dist { Q_GAMMA, Q_BETA, Q_T };

struct quantile_fn {
	enum quantile_dist dist;
	double a, b;		/* shape a, shapes a and b, or df a */
	double target;		/* p, or 1 - p for the upper tail */
	int upper;		/* solve Q(x) = 1 - p rather than P(x) = p */
};


/*
 * GSL's incomplete gamma loses digits for large shapes: gsl_cdf_gamma_Q
 * switches to an asymptotic series beyond x = 1e6 (relative error 8e-3 at
 * a = 1e7, 2 sd above the mean) and its continued fraction is off by 6e-8
 * near a = 1e6. From GAMMA_SERIES_MIN on, P is summed here instead, as R's
 * pgamma does: P(a, x) = dpois(a; x) sum_n x^n / ((a+1)...(a+n)), with the
 * Poisson density from Loader's bd0 and Stirling's error term so that the
 * prefactor keeps its digits. Q = 1 - P only where P >= 1/2.
 */
#define GAMMA_SERIES_MIN 1000.0
#define GAMMA_WH_MIN 1e8

/* log(Gamma(n + 1)) - ((n + 0.5) log n - n + log sqrt(2 pi)), as R's stirlerr. */
static double quantile_stirlerr(double n)
{
	const double s0 = 1.0 / 12, s1 = 1.0 / 360, s2 = 1.0 / 1260, s3 = 1.0 / 1680,
		     s4 = 1.0 / 1188;
	double nn = n * n;

	if (n <= 15)
		return lgamma(n + 1) - (n + 0.5) * log(n) + n - 0.5 * log(2 * M_PI);
	if (n > 500)
		return (s0 - s1 / nn) / n;
	if (n > 80)
		return (s0 - (s1 - s2 / nn) / nn) / n;
	if (n > 35)
		return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
	return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
}

/* a log(a / m) + m - a without cancellation (Loader 2000). */
static double quantile_bd0(double a, double m)
{
	double v, s, ej, s1;
	int j;

	if (fabs(a - m) >= 0.1 * (a + m))
		return a * log(a / m) + m - a;
	v = (a - m) / (a + m);
	s = (a - m) * v;
	ej = 2 * a * v;
	v *= v;
	for (j = 1; j < 1000; j++) {
		ej *= v;
		s1 = s + ej / (2 * j + 1);
		if (s1 == s)
			break;
		s = s1;
	}
	return s;
}

/* P and Q of the gamma distribution with shape a >= GAMMA_SERIES_MIN, scale 1, at x. */
static void quantile_gamma_series(double x, double a, double *P, double *Q)
{
	double sd = sqrt(a), term = 1, sum = 1, pre;
	double n;

	if (x <= 0) {
		*P = 0;
		*Q = 1;
		return;
	}
	/* Beyond 30 sd the tail is below e^-450, and the terms would overflow. */
	if (x > a + 30 * sd) {
		*P = 1;
		*Q = 0;
		return;
	}
	pre = exp(-quantile_stirlerr(a) - quantile_bd0(a, x)) / sqrt(2 * M_PI * a);
	for (n = 1; n < 1e9; n++) {
		term *= x / (a + n);
		sum += term;
		if (term < sum * DBL_EPSILON * 0.25 && a + n > x)
			break;
	}
	*P = fmin(pre * sum, 1);
	*Q = 1 - *P;
	/* Where P < 1/2, Q = 1 - P is exact enough; the other way round it is not needed. */
}


/*
 * GSL's incomplete beta fails the same way: gsl_cdf_beta_P returns NaN
 * near the mean once the shapes pass about 1e7 (its continued fraction
 * stops after 512 terms) and is off by 1e-3 at 1e9. From BETA_SERIES_MIN
 * on (a + b), the same continued fraction (Numerical Recipes' betacf,
 * modified Lentz) runs here until it converges, about sqrt(max(a, b))
 * terms, on the side of x where it converges (x < (a + 1) / (a + b + 2),
 * else I_{1-x}(b, a)); its prefactor x^a (1-x)^b / B(a, b) =
 * (a b / n) dbinom(a; n, x), n = a + b, comes from Loader's saddle point
 * form so that it keeps its digits for large shapes.
 */
#define BETA_SERIES_MIN 1000.0

/* The continued fraction of I_x(a, b) = x^a (1-x)^b / (a B(a, b)) cf. */
static double quantile_betacf(double x, double a, double b)
{
	const double tiny = 1e-300;
	double c = 1, d = 1 - (a + b) * x / (a + 1), h, m, aa, del;

	d = 1 / (fabs(d) < tiny ? tiny : d);
	h = d;
	for (m = 1; m < 1e8; m++) {
		aa = m * (b - m) * x / ((a - 1 + 2 * m) * (a + 2 * m));
		d = 1 + aa * d;
		c = 1 + aa / c;
		d = 1 / (fabs(d) < tiny ? tiny : d);
		c = fabs(c) < tiny ? tiny : c;
		h *= d * c;
		aa = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 1 + 2 * m));
		d = 1 + aa * d;
		c = 1 + aa / c;
		d = 1 / (fabs(d) < tiny ? tiny : d);
		c = fabs(c) < tiny ? tiny : c;
		del = d * c;
		h *= del;
		if (fabs(del - 1) < DBL_EPSILON)
			return h;
	}
	return NAN;
}

/* log(x^a (1-x)^b / B(a, b)) for 0 < x < 1. */
static double quantile_beta_logdens(double x, double a, double b)
{
	double n = a + b;
	double lc = quantile_stirlerr(n) - quantile_stirlerr(a) - quantile_stirlerr(b) -
		    quantile_bd0(a, n * x) - quantile_bd0(b, n * (1 - x));

	return lc - 0.5 * (log(2 * M_PI) + log(a) + log1p(-a / n)) + log(a * b / n);
}

/* P and Q of the beta distribution at x, for a + b >= BETA_SERIES_MIN. */
static void quantile_beta_series(double x, double a, double b, double *P, double *Q)
{
	double dens;

	if (x <= 0 || x >= 1) {
		*P = x >= 1;
		*Q = 1 - *P;
		return;
	}
	dens = exp(quantile_beta_logdens(x, a, b));
	if (x < (a + 1) / (a + b + 2)) {
		*P = fmin(dens / a * quantile_betacf(x, a, b), 1);
		*Q = 1 - *P;
	} else {
		*Q = fmin(dens / b * quantile_betacf(1 - x, b, a), 1);
		*P = 1 - *Q;
	}
}

static double quantile_cdf(const struct quantile_fn *q, double x)
{
	switch (q->dist) {
	case Q_GAMMA:
		if (q->a >= GAMMA_SERIES_MIN) {
			double P, Q;
			quantile_gamma_series(x, q->a, &P, &Q);
			return q->upper ? Q : P;
		}
		return q->upper ? gsl_cdf_gamma_Q(x, q->a, 1) : gsl_cdf_gamma_P(x, q->a, 1);
	case Q_BETA:
		if (q->a + q->b >= BETA_SERIES_MIN) {
			double P, Q;
			quantile_beta_series(x, q->a, q->b, &P, &Q);
			return q->upper ? Q : P;
		}
		return q->upper ? gsl_cdf_beta_Q(x, q->a, q->b) : gsl_cdf_beta_P(x, q->a, q->b);
	case Q_T:
		return q->upper ? gsl_cdf_tdist_Q(x, q->a) : gsl_cdf_tdist_P(x, q->a);
	}
	return NAN;
}

/* Increasing in x and zero at the quantile, for either tail. */
static double quantile_f(double x, void *arg)
{
	const struct quantile_fn *q = arg;
	double c = quantile_cdf(q, x);

	return q->upper ? q->target - c : c - q->target;
}

/*
 * Widens [*lo, *hi] until f changes sign on it, within [min, max]: lo
 * moves toward min by halving the distance, hi doubles its distance from
 * the guess. Returns 0 on success, -1 when no bracket was found.
 */
static int quantile_bracket(struct quantile_fn *q, double guess, double min, double max,
			    double *lo, double *hi)
{
	double step = fmax(fabs(guess) * 1e-3, 1e-3);
	int i;

	*lo = fmax(guess - step, min);
	*hi = fmin(guess + step, max);
	for (i = 0; i < 2000 && quantile_f(*lo, q) > 0; i++) {
		if (*lo == min)
			return -1;
		*hi = *lo;
		step *= 2;
		*lo = fmax(guess - step, min);
	}
	for (step = *hi - guess, i = 0; i < 2000 && quantile_f(*hi, q) < 0; i++) {
		if (*hi == max)
			return -1;
		*lo = *hi;
		step = fmax(step * 2, 1e-3);
		*hi = fmin(guess + step, max);
	}
	return isfinite(quantile_f(*lo, q)) && isfinite(quantile_f(*hi, q)) &&
	       quantile_f(*lo, q) <= 0 && quantile_f(*hi, q) >= 0 ? 0 : -1;
}

static double quantile_solve(struct quantile_fn *q, double guess, double min, double max)
{
	gsl_function F = { quantile_f, q };
	gsl_root_fsolver *s;
	double lo, hi, r = NAN;
	int i, status;

	if (!isfinite(guess))
		guess = 0;
	guess = fmin(fmax(guess, min), max);
	if (quantile_bracket(q, guess, min, max, &lo, &hi) < 0)
		return NAN;
	if (quantile_f(lo, q) == 0)
		return lo;
	if (quantile_f(hi, q) == 0)
		return hi;
	s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
	if (!s)
		return NAN;
	if (gsl_root_fsolver_set(s, &F, lo, hi) == GSL_SUCCESS)
		for (i = 0; i < 500; i++) {
			if (gsl_root_fsolver_iterate(s) != GSL_SUCCESS)
				break;
			r = gsl_root_fsolver_root(s);
			lo = gsl_root_fsolver_x_lower(s);
			hi = gsl_root_fsolver_x_upper(s);
			status = gsl_root_test_interval(lo, hi, DBL_MIN, 4 * DBL_EPSILON);
			if (status == GSL_SUCCESS || lo == hi)
				break;
		}
	gsl_root_fsolver_free(s);
	return r;
}

/* Normal quantile, for the first guesses. */
static double quantile_z(double p)
{
	return gsl_cdf_ugaussian_Pinv(p);
}

double quantile_gamma(double p, double a)
{
	struct quantile_fn q = { Q_GAMMA, a, 0, 0, 0 };
	double z, w;

	if (!(p >= 0 && p <= 1) || !(a > 0) || !isfinite(a))
		return NAN;
	if (p == 0)
		return 0;
	if (p == 1)
		return INFINITY;
	q.upper = p > 0.5;
	q.target = q.upper ? 1 - p : p;
	/*
	 * Wilson-Hilferty: a start for small a; from GAMMA_WH_MIN on it is the
	 * answer (R: qgamma(.975, 1e9) differs from it by 4e-16, and its error
	 * falls as a^-3/2), where summing the series would take minutes.
	 */
	z = quantile_z(p);
	w = 1 - 1 / (9 * a) + z / (3 * sqrt(a));
	if (a >= GAMMA_WH_MIN)
		return a * w * w * w;
	return quantile_solve(&q, w > 0 ? a * w * w * w : a * 1e-3, 0, DBL_MAX);
}

double quantile_chisq(double p, double df)
{
	return 2 * quantile_gamma(p, df / 2);
}

double quantile_beta(double p, double a, double b, double *xc)
{
	struct quantile_fn q = { Q_BETA, a, b, 0, 0 };
	double x, mean, sd;

	if (xc)
		*xc = NAN;
	if (!(p >= 0 && p <= 1) || !(a > 0) || !(b > 0) || !isfinite(a) || !isfinite(b))
		return NAN;
	/*
	 * Solved on the side of the smaller mean, where x has its digits: for
	 * a > b the quantile is 1 - qbeta(1 - p, b, a).
	 */
	if (a > b) {
		double y = quantile_beta(1 - p, b, a, NULL);
		if (xc)
			*xc = y;
		return 1 - y;
	}
	if (p == 0 || p == 1)
		x = p;
	else {
		q.upper = p > 0.5;
		q.target = q.upper ? 1 - p : p;
		mean = a / (a + b);
		sd = sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)));
		x = quantile_solve(&q, fmin(fmax(mean + quantile_z(p) * sd, 0), 1), 0, 1);
	}
	if (xc)
		*xc = 1 - x;
	return x;
}

double quantile_t(double p, double df)
{
	struct quantile_fn q = { Q_T, df, 0, 0, 0 };
	double guess;

	if (!(p >= 0 && p <= 1) || !(df > 0))
		return NAN;
	if (p == 0)
		return -INFINITY;
	if (p == 1)
		return INFINITY;
	if (p == 0.5)
		return 0;
	/*
	 * Not gsl_cdf_tdist_Pinv: its Newton refinement loops until it
	 * converges, which nothing bounds. The normal quantile is the start
	 * (the bracket widens to the t's heavier tails).
	 */
	guess = quantile_z(p);
	q.upper = p > 0.5;
	q.target = q.upper ? 1 - p : p;
	return quantile_solve(&q, guess, -DBL_MAX, DBL_MAX);
}
