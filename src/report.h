#ifndef REPORT_H
#define REPORT_H

#include <stddef.h>

#include "buf.h"

/*
 * report.html: one self-contained page (inline CSS and SVG, no script, no
 * network) from the tables and charts of a run. Every text that comes from
 * the corpus, the lexicons or the command line passes through
 * report_html_escape.
 */

struct report_opts {
	const char *corpus;	/* the corpus folder, as given */
	const char *corpus_name;
	const char *outdir;	/* holds the tables and charts; report.html goes here */
	const char *by;		/* grouping column */
	const char **lexicons;	/* as given with -l; none: the default folder */
	size_t nlexicons;
	unsigned long seed;
	long bootstrap, permutations;
};

/*
 * Appends s as HTML text, safe in element content and in quoted attribute
 * values: & < > " ' become entities, control characters a space, invalid
 * UTF-8 U+FFFD.
 */
void report_html_escape(struct buf *b, const char *s);

/*
 * Appends the markdown subset of README.md (paragraphs, "- " lists,
 * **bold**, `code`) as HTML; all text is escaped.
 */
void report_markdown(struct buf *b, const char *md);

/*
 * Appends an SVG file made by gnuplot for inline use: the XML prolog and
 * DOCTYPE are dropped and every id (and reference to one) gets prefix, so
 * several charts on one page do not share ids. Returns -1 without
 * appending when the file holds anything active (script, foreignObject,
 * event attributes, javascript: links) or is not an <svg> document.
 */
int report_svg_inline(struct buf *b, const char *svg, size_t len, const char *prefix);

/* Writes DIR/report.html from the files of a run in DIR; -1 after a message. */
int report_write(const struct report_opts *o);

#endif
