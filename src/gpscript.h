#ifndef GPSCRIPT_H
#define GPSCRIPT_H

#include <stddef.h>

#include "buf.h"

/*
 * Pieces of gnuplot scripts, appended to a buffer. Every text that comes
 * from a corpus, a lexicon or a command line (outlet names, terms,
 * categories, titles, file names) enters a script through gpscript_quote
 * or gpscript_quote_tic only; data blocks hold numbers only. Nothing here
 * starts gnuplot: chart.c does.
 */

/*
 * Appends s to b as a gnuplot double-quoted string in which every ASCII
 * character but letters, digits, space and - _ . , : / ( ) + = is written
 * as an octal escape ("\0" and three digits), so no quote, backslash,
 * backquote (command substitution) or @ (macro) ever appears as itself.
 * What sanitize.h does not print as is (newline, tab, C1, U+2028/9, bidi
 * controls) becomes a space so the string stays on its line, and invalid
 * UTF-8 becomes U+FFFD so the SVG stays valid XML.
 */
void gpscript_quote(struct buf *b, const char *s);
/*
 * The same for a tic label, which gnuplot also reads as a printf format:
 * % is doubled. gnuplot 5.4 formats a label with % into 50 bytes and cut
 * or lost a longer one, so such a label is cut to GPSCRIPT_TIC_FORMAT_MAX
 * bytes as printed, at a character, ending in an ellipsis.
 */
#define GPSCRIPT_TIC_FORMAT_MAX 49
void gpscript_quote_tic(struct buf *b, const char *s);

/*
 * Appends a number gnuplot reads back exactly enough; NaN as NaN. Values
 * beyond GPSCRIPT_MAX_ABS, infinities too, are drawn at that bound: a
 * table value of 1e308 overflowed gnuplot's ranges and it drew nothing.
 * No value framing computes comes near it (counts stay below 2^53,
 * times in seconds below 10^12).
 */
#define GPSCRIPT_MAX_ABS 1e15

void gpscript_num(struct buf *b, double v);

/* "CMD TEXT\n" with TEXT quoted, as in gpscript_set_text(b, "set xlabel", label). */
void gpscript_set_text(struct buf *b, const char *cmd, const char *text);

/* The house style: borders, tics, fills, no automatic key titles. */
void gpscript_style(struct buf *b);

/* A tic step of 1, 2 or 5 times a power of ten giving about n tics over span. */
double gpscript_nice_step(double span, int n);

/* A dashed line at x = 0 (vline0) or y = 0 (hline0) behind the data. */
void gpscript_vline0(struct buf *b);
void gpscript_hline0(struct buf *b);

/* Widens the range [lo, hi] to hold v; NaN is left out. */
void gpscript_extend(double *lo, double *hi, double v);

/* "set xrange" over [lo, hi], padded 8% on the left and pad_right on the right. */
void gpscript_xrange(struct buf *b, double lo, double hi, double pad_right);

/*
 * The time x axis (seconds since 1970) of dates from day first to day last
 * (days since 1970; first <= last): its range, padded, and at most about
 * eight tics, so no label repeats, in the unit the span asks for: days
 * ("2014-10-19") up to two months, the first of a month ("2014-10") up to
 * two years, the first of a year ("2014") beyond. Only ever called with
 * dates: an axis without any would read 1970.
 */
void gpscript_date_axis(struct buf *b, long first, long last);

/* s cut to at most max code points into out, with an ellipsis when cut. */
void gpscript_shorten(const char *s, size_t max, struct buf *out);

#endif
