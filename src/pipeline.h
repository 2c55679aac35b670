#ifndef PIPELINE_H
#define PIPELINE_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"
#include "counts.h"
#include "lexicon.h"
#include "match.h"
#include "score.h"
#include "source.h"

/*
 * Scores every article of a source with several worker threads and writes
 * the rows in input order, so the output of -j N is byte-identical to -j 1.
 * Memory is bounded by the articles in flight, not by the corpus.
 */
struct pipeline_options {
	int jobs;		/* worker threads; 1 scores in the calling thread */
	int progress;		/* show a progress line on stderr */
};

struct pipeline_output {
	FILE *scores;		/* rows of scores.tsv (no header) */
	FILE *matches;		/* rows of matches.tsv, or NULL to skip them */
	FILE *signatures;	/* rows of signatures.tsv, or NULL to skip them */
	FILE *targets;		/* rows of targets.tsv, or NULL to skip them */
	struct counts *terms;	/* term counts are added here, or NULL */
	struct score_loss *loss;	/* articles that lost most words to cleaning, or NULL */
};

/*
 * Returns the number of articles skipped with a message (unreadable, too
 * large, bad JSON). lx, m and the streams are borrowed.
 */
size_t pipeline_run(struct source *src, const struct lexicon *lx, const struct matcher *m,
		    const struct score_options *opt, const struct pipeline_options *popt,
		    const struct pipeline_output *out);

/*
 * Another pass over a source with the same reader and workers: work runs
 * in jobs threads (0: every core) on each article, with the state that
 * begin made for its thread, and writes what it found into out (emptied
 * first); done then gets it in the calling thread, in input order, so
 * that what done builds does not depend on jobs. Messages about records
 * that cannot be read are dropped (the command's own pass shows them).
 * Returns the number of records skipped.
 */
struct pipeline_pass {
	void *(*begin)(void *ctx);
	void (*work)(void *state, const struct article *a, const char *text, size_t len,
		     struct buf *out);
	void (*done)(void *ctx, const struct article *a, const struct buf *out);
	void (*end)(void *state);
	void *ctx;
};

size_t pipeline_pass(struct source *src, int jobs, const struct pipeline_pass *pass);

/* The number of online processors, at least 1. */
int pipeline_default_jobs(void);

#endif
