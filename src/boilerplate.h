#ifndef BOILERPLATE_H
#define BOILERPLATE_H

#include <stddef.h>

#include "source.h"

/*
 * How much of each outlet's text cleaning dropped as boilerplate: the
 * characters scores.tsv says were dropped against the visible characters
 * (all but white space) of the articles, read again through the source,
 * so every input format, the size limit and the columns are the source's.
 */
struct boilerplate {
	char **outlets;		/* in order of first appearance in the source */
	double *visible;	/* per outlet */
	double *dropped;	/* per outlet, from boilerplate_add_dropped */
	size_t n;
};

#define BOILERPLATE_INIT { NULL, NULL, NULL, 0 }

/*
 * Counts the visible characters of every article of in, per outlet. An
 * article the source skips is not counted, as score does not score it,
 * and its message is not repeated (score printed it). -1 after a message
 * when the source cannot be opened; 1, with nothing counted, when in
 * cannot be read a second time (standard input, a pipe: score read it).
 */
int boilerplate_count(struct boilerplate *b, const struct source_options *in);

/* Adds chars dropped from an article of outlet; NAN and unknown outlets are ignored. */
void boilerplate_add_dropped(struct boilerplate *b, const char *outlet, double chars);

/* Outlet i's dropped share of its visible characters; NAN when it has none. */
double boilerplate_share(const struct boilerplate *b, size_t i);

void boilerplate_release(struct boilerplate *b);

#endif
