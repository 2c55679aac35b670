/*
 * Pieces of gnuplot scripts (see gpscript.h): quoting of every text that
 * comes from the data, numbers, ranges, tics and the house style.
 */
#include "gpscript.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "date.h"
#include "sanitize.h"
#include "text.h"
#include "banned.h"

/* ASCII that means nothing to gnuplot inside a double-quoted string. */
static int plain_ascii(int32_t cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
	       || cp == ' ' || cp == '-' || cp == '_' || cp == '.' || cp == ',' || cp == ':'
	       || cp == '/' || cp == '(' || cp == ')' || cp == '+' || cp == '=';
}

/*
 * A double-quoted gnuplot string in which every ASCII character that is not
 * plain is written as "\0" and three octal digits: gnuplot reads exactly
 * three digits after the zero, so no quote, backslash, backquote (command
 * substitution, which gnuplot does inside double quotes) or @ (macros)
 * ever appears as itself. Single quotes with doubled apostrophes looked
 * simpler but gnuplot 5.4 misreads '' next to the opening quote.
 * Tic labels are also printf formats, so there % is doubled; and gnuplot
 * 5.4 formats a label that holds % into 50 bytes, cutting a longer one
 * mid-word or losing it: such a label is cut here, at a character, to
 * GPSCRIPT_TIC_FORMAT_MAX bytes with an ellipsis.
 */
#define ELLIPSIS "\xE2\x80\xA6"

/* The bytes gnuplot prints for code point cp (s + start .. pos) of a label. */
static size_t shown_bytes(int bad, int32_t cp, size_t n)
{
	if (bad)
		return sizeof(SANITIZE_INVALID) - 1;
	if (!sanitize_printable((uint32_t)cp))
		return 1;
	return n;
}

/* The bytes gnuplot prints for all of s. */
static size_t label_bytes(const char *s)
{
	size_t len = strlen(s), pos = 0, n = 0;

	while (pos < len) {
		size_t start = pos;
		int bad = 0;
		int32_t cp = text_decode(s, len, &pos, &bad);
		n += shown_bytes(bad, cp, pos - start);
	}
	return n;
}

static void quote(struct buf *b, const char *s, int tic)
{
	size_t len = strlen(s), pos = 0, shown = 0, max = (size_t)-1;

	/* A label with % too long for gnuplot: cut, with room for the ellipsis. */
	if (tic && strchr(s, '%') && label_bytes(s) > GPSCRIPT_TIC_FORMAT_MAX)
		max = GPSCRIPT_TIC_FORMAT_MAX - (sizeof(ELLIPSIS) - 1);
	buf_addch(b, '"');
	while (pos < len) {
		size_t start = pos;
		int bad = 0;
		int32_t cp = text_decode(s, len, &pos, &bad);

		shown += shown_bytes(bad, cp, pos - start);
		if (shown > max) {
			buf_adds(b, ELLIPSIS);
			break;
		}
		if (bad)
			buf_adds(b, SANITIZE_INVALID);
		else if (!sanitize_printable((uint32_t)cp))
			buf_addch(b, SANITIZE_BLANK);
		else if (cp >= 0x80 || plain_ascii(cp))
			buf_add(b, s + start, pos - start);
		else {
			if (cp == '%' && tic)
				buf_adds(b, "\\0045");
			buf_addf(b, "\\0%03o", (unsigned)cp);
		}
	}
	buf_addch(b, '"');
}

void gpscript_quote(struct buf *b, const char *s)
{
	quote(b, s, 0);
}

void gpscript_quote_tic(struct buf *b, const char *s)
{
	quote(b, s, 1);
}

void gpscript_num(struct buf *b, double v)
{
	if (isnan(v))
		buf_adds(b, "NaN");
	else
		buf_addf(b, "%.10g", fmax(-GPSCRIPT_MAX_ABS, fmin(GPSCRIPT_MAX_ABS, v)));
}

void gpscript_set_text(struct buf *b, const char *cmd, const char *text)
{
	buf_adds(b, cmd);
	buf_addch(b, ' ');
	gpscript_quote(b, text);
	buf_addch(b, '\n');
}

/* A tic step of 1, 2 or 5 times a power of ten giving about n tics over span. */
double gpscript_nice_step(double span, int n)
{
	double raw, mag, f;

	if (!(span > 0))
		return 1;
	raw = span / n;
	mag = pow(10, floor(log10(raw)));
	f = raw / mag;
	return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * mag;
}

void gpscript_style(struct buf *b)
{
	buf_adds(b, "set border 3 lw 1 lc rgb '#333333'\n"
		    "set tics nomirror out scale 0.6 textcolor rgb '#222222'\n"
		    "set style fill solid 0.85 noborder\n"
		    "set pointintervalbox 0\n"
		    "set key noautotitle\n");
}

void gpscript_vline0(struct buf *b)
{
	buf_adds(b, "set arrow from first 0, graph 0 to first 0, graph 1 nohead "
		    "lc rgb '#777777' lw 1 dt 2 back\n");
}

void gpscript_hline0(struct buf *b)
{
	buf_adds(b, "set arrow from graph 0, first 0 to graph 1, first 0 nohead "
		    "lc rgb '#777777' lw 1 dt 2 back\n");
}

/* Range [lo, hi] widened to hold v. */
void gpscript_extend(double *lo, double *hi, double v)
{
	if (isnan(v))
		return;
	if (v < *lo)
		*lo = v;
	if (v > *hi)
		*hi = v;
}

void gpscript_xrange(struct buf *b, double lo, double hi, double pad_right)
{
	double span = hi - lo;
	if (!(span > 0))
		span = 1;
	buf_adds(b, "set xrange [");
	gpscript_num(b, lo - 0.08 * span);
	buf_addch(b, ':');
	gpscript_num(b, hi + pad_right * span);
	buf_adds(b, "]\n");
}

/* Steps of day tics, in days: the first that gives at most eight tics is taken. */
static const long day_steps[] = { 1, 2, 3, 7, 14 };
/* Up to this many days, the tics are days; up to 24 months, months; beyond, years. */
#define DAY_TICS_MAX_SPAN 62

/* Tics at days first, first + step, ... up to last: "2014-10-19". */
static void day_tics(struct buf *b, long first, long last)
{
	long span = last - first, step = day_steps[sizeof(day_steps) / sizeof(day_steps[0]) - 1], k;
	size_t i;

	for (i = 0; i < sizeof(day_steps) / sizeof(day_steps[0]); i++)
		if (span / day_steps[i] + 1 <= 8) {
			step = day_steps[i];
			break;
		}
	for (k = first; k <= last; k += step) {
		long y, m, d;
		date_civil_from_days(k, &y, &m, &d);
		buf_addf(b, "%s'%04ld-%02ld-%02ld' %ld", k > first ? ", " : "", y, m, d, k * 86400);
	}
}

/* Tics at the first of a month ("2014-10") or of a year ("2014"), at most about eight. */
static void month_year_tics(struct buf *b, long y0, long m0, long y1, long m1)
{
	long months = (y1 - y0) * 12 + (m1 - m0) + 1, step, k, n = 0;

	if (months > 24) {
		step = (y1 - y0 + 1 + 7) / 8;
		for (k = y0 + (m0 > 1); k <= y1 + 1; k += step, n++)
			buf_addf(b, "%s'%ld' %ld", n ? ", " : "", k, date_days_from_civil(k, 1, 1) * 86400);
	} else {
		step = (months + 7) / 8;
		for (k = y0 * 12 + m0 - 1; k <= y1 * 12 + m1; k += step, n++)
			buf_addf(b, "%s'%04ld-%02ld' %ld", n ? ", " : "", k / 12, k % 12 + 1,
				 date_days_from_civil(k / 12, k % 12 + 1, 1) * 86400);
	}
}

void gpscript_date_axis(struct buf *b, long first, long last)
{
	long y0, m0, y1, m1, d;
	double pad;

	buf_adds(b, "set xdata time\nset timefmt '%s'\nset xtics (");
	if (last - first <= DAY_TICS_MAX_SPAN) {
		day_tics(b, first, last);
		/* Half a day beyond the ends, so a corpus of one date has an axis around it. */
		pad = (double)(last - first) * 0.05 + 0.5;
	} else {
		date_civil_from_days(first, &y0, &m0, &d);
		date_civil_from_days(last, &y1, &m1, &d);
		month_year_tics(b, y0, m0, y1, m1);
		pad = (double)(last - first) * 0.05 + 15;
	}
	buf_adds(b, ") nomirror\nset xrange [");
	gpscript_num(b, ((double)first - pad) * 86400);
	buf_addch(b, ':');
	gpscript_num(b, ((double)last + pad) * 86400);
	buf_adds(b, "]\n");
}

/* A term cut to at most max code points, with an ellipsis when cut. */
void gpscript_shorten(const char *s, size_t max, struct buf *out)
{
	size_t len = strlen(s), pos = 0, n = 0;
	int bad = 0;

	buf_reset(out);
	while (pos < len && n < max) {
		text_decode(s, len, &pos, &bad);
		n++;
	}
	buf_add(out, s, pos);
	if (pos < len)
		buf_adds(out, "\xE2\x80\xA6");
}
