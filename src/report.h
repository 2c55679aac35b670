#ifndef REPORT_H
#define REPORT_H

#include <stddef.h>

#include "buf.h"
#include "html.h"
#include "source.h"

/*
 * report.html: one self-contained page (inline CSS and SVG, no script, no
 * network) from the tables and charts of a run. Every text that comes from
 * the corpus, the lexicons or the command line passes through
 * html_escape (html.h).
 */

struct report_opts {
	const char *corpus;	/* the corpus as given, for the methods */
	struct source_options in;	/* the articles score read, read again for the warnings */
	int clean, negation;	/* score's --no-clean and --no-negation (0), for the methods */
	const char *corpus_name;
	const char *outdir;	/* holds the tables and charts; report.html goes here */
	const char *by;		/* grouping column */
	const char **lexicons;	/* as given with -l; none: the default folder */
	size_t nlexicons;
	unsigned long seed;
	long bootstrap, permutations;
};

/*
 * The names of html.h's functions from when they were part of report.c,
 * kept for the callers that still use them (tests/unit/test_report.c);
 * new code calls html.h.
 */
static inline void report_html_escape(struct buf *b, const char *s)
{
	html_escape(b, s);
}

static inline void report_markdown(struct buf *b, const char *md)
{
	html_markdown(b, md);
}

static inline int report_svg_inline(struct buf *b, const char *svg, size_t len, const char *prefix)
{
	return html_svg_inline(b, svg, len, prefix);
}

/* Writes DIR/report.html from the files of a run in DIR; -1 after a message. */
int report_write(const struct report_opts *o);

#endif
