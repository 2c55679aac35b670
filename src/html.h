#ifndef HTML_H
#define HTML_H

#include <stddef.h>

#include "buf.h"

/*
 * HTML pieces of report.html, appended to a buffer: the one escaper of
 * every text that comes from the corpus, the lexicons or the command line,
 * the markdown subset of README, inline SVG from gnuplot, and numbers as
 * the report's tables show them. Nothing here reads a file.
 */

/*
 * Appends s as HTML text, safe in element content and in quoted attribute
 * values: & < > " ' become entities; the rest follows sanitize.h (what may
 * not be printed as is a space, invalid UTF-8 U+FFFD).
 */
void html_escape(struct buf *b, const char *s);

/*
 * Appends the markdown subset of README.md (paragraphs, "- " lists,
 * **bold**, `code`) as HTML; all text is escaped.
 */
void html_markdown(struct buf *b, const char *md);

/*
 * Appends an SVG file made by gnuplot for inline use: the XML prolog and
 * DOCTYPE are dropped and every id (and reference to one) gets prefix, so
 * several charts on one page do not share ids. Returns -1 without
 * appending when the file holds anything active (script, foreignObject,
 * event attributes, javascript: links) or is not an <svg> document.
 */
int html_svg_inline(struct buf *b, const char *svg, size_t len, const char *prefix);

/*
 * A chart of the report: opens <figure id="chart-NAME"> and inlines
 * dir/NAME.svg (ids prefixed "NAME-"), or says in a line, with a warning,
 * that it was left out when the file is not a plain gnuplot SVG. The
 * caller writes the figcaption and closes the figure. Returns 1 without
 * writing anything when there is no such file, else 0.
 */
int html_chart_figure(struct buf *b, const char *dir, const char *name);

/* A number with digits decimals; NA for NAN. */
void html_num(struct buf *b, double v, int digits);

/*
 * A p-value with three decimals from 0.1 up, three significant digits below
 * (more if they would round across 0.05), "< 0.001" below 0.001; NA for NAN.
 */
void html_pval(struct buf *b, double p);

/* "[lo, hi]" with digits decimals, or "no interval" when either is NAN. */
void html_interval(struct buf *b, double lo, double hi, int digits);

#endif
