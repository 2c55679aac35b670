#ifndef REPORT_H
#define REPORT_H

#include <stddef.h>

#include "buf.h"
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
	const char *group_map;	/* and its regrouping (--group-map), NULL: none */
	int unmapped_na;
	const char *by_label;	/* the word for a group in titles: the map's ("country"), NULL: by */
	const char **lexicons;	/* as given with -l; none: the default folder */
	size_t nlexicons;
	unsigned long seed;
	long bootstrap, permutations;
	size_t max_groups;	/* the groups shown one by one: as framing chart's (results.h) */
	const char *groups;	/* NULL, or as framing chart --groups */
	size_t skipped;		/* articles score skipped (bad lines): a banner says so */
	const char *within;	/* the stories: this column of scores.tsv, NULL: stories.tsv */
	size_t max_stories;	/* of the "Same story" section (storypage.h); 0: the default */
};

/* The word for a group in the report's titles. */
static inline const char *report_by_label(const struct report_opts *o)
{
	return o->by_label ? o->by_label : o->by;
}

/* Writes DIR/report.html from the files of a run in DIR; -1 after a message. */
int report_write(const struct report_opts *o);

#endif
