#ifndef TREND_H
#define TREND_H

#include <stddef.h>

/*
 * The smoothed trend of a per-article index (stance) over the date of
 * publication, one group at a time, for the timeline chart and trend.tsv:
 * a centred moving window of whole days, the mean of the articles inside
 * it and the t-interval of that mean. A number framing computes, so it is
 * tested (tests/unit/test_trend.c), not a gnuplot "smooth".
 */

/* Dated articles (with a stance) a group needs for a trend. */
#define TREND_MIN_ARTICLES 20
/* Articles a window needs for a point; fewer leave a gap. */
#define TREND_MIN_WINDOW 5
/* Points per group, evenly spaced (whole days) from its first date to its last. */
#define TREND_POINTS 50

struct trend_point {
	long day;		/* days since 1970-01-01, the centre of the window */
	double value;		/* mean of the window's articles; NAN below TREND_MIN_WINDOW */
	double lo, hi;		/* mean -+ qt(.975, n - 1) sd / sqrt(n); NAN with value */
	size_t n;		/* articles in the window */
};

/*
 * The width in days of the window for dated articles whose dates span
 * span days (last minus first, over every group, so every group is
 * smoothed alike): a quarter of the span, rounded, at least 1; 0 when the
 * span is 0 (one date: there is no trend to draw).
 */
long trend_window(long span);

/*
 * The trend of one group from its n articles (day[i], value[i]; any
 * order; no NAN values) with a window of width days: an article is in the
 * window of day t when |day - t| <= width / 2. Writes up to TREND_POINTS
 * points to out (in date order) and returns how many: 0 when the group
 * has fewer than TREND_MIN_ARTICLES articles, one date only, or width 0.
 */
size_t trend_group(const long *day, const double *value, size_t n, long width,
		   struct trend_point *out);

#endif
