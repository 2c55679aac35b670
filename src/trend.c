/*
 * The moving-window trend of the timeline (see trend.h). Every window's
 * interval is stats_summary's t-interval, the same formula as mean_lo and
 * mean_hi of outlets.tsv.
 */
#include "trend.h"

#include <math.h>
#include <stdlib.h>

#include "stats.h"
#include "xalloc.h"
#include "banned.h"

long trend_window(long span)
{
	long w;

	if (span <= 0)
		return 0;
	w = (span + 2) / 4;
	return w < 1 ? 1 : w;
}

/* The point of day t: the articles within half a window of it. */
static void window_point(const long *day, const double *value, size_t n, long width, long t,
			 double *work, struct trend_point *p)
{
	struct stats_summary s;
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		/* 2|d - t| <= width: whole numbers, so an odd width is exact too. */
		if (2 * labs(day[i] - t) <= width)
			work[k++] = value[i];
	p->day = t;
	p->n = k;
	p->value = p->lo = p->hi = NAN;
	if (k < TREND_MIN_WINDOW)
		return;
	stats_summary(work, k, &s);
	p->value = s.mean;
	/* Equal values: the t-interval shrinks to the mean (stats leaves it NA). */
	p->lo = s.sd == 0 ? s.mean : s.mean_lo;
	p->hi = s.sd == 0 ? s.mean : s.mean_hi;
}

size_t trend_group(const long *day, const double *value, size_t n, long width,
		   struct trend_point *out)
{
	long first, last, prev = 0;
	double *work;
	size_t i, k, np = 0;

	if (n < TREND_MIN_ARTICLES || width <= 0)
		return 0;
	first = last = day[0];
	for (i = 1; i < n; i++) {
		if (day[i] < first)
			first = day[i];
		if (day[i] > last)
			last = day[i];
	}
	if (first == last)
		return 0;
	work = xmalloc(n * sizeof(*work));
	for (k = 0; k < TREND_POINTS; k++) {
		/* Rounded to whole days; a short span repeats days, kept once. */
		long t = first + lround((double)k * (double)(last - first) / (TREND_POINTS - 1));
		if (np && t == prev)
			continue;
		window_point(day, value, n, width, t, work, &out[np++]);
		prev = t;
	}
	free(work);
	return np;
}
