#ifndef REPORTPAGE_H
#define REPORTPAGE_H

#include "buf.h"
#include "charts.h"
#include "lexdecl.h"
#include "lexicon.h"
#include "matchrows.h"
#include "report.h"
#include "results.h"
#include "scoretab.h"

/*
 * The HTML of report.html from the tables of a run, loaded by report_write
 * (report.c): head, navigation and each section, one function each. It
 * reads only the charts (SVG), compare.tsv, tests.tsv, duplicates.tsv, the
 * lexicon files (for their SHA-256) and the articles again (boilerplate.h).
 */
struct report_page {
	const struct report_opts *o;	/* borrowed */
	struct buf h;			/* the page, appended to */
	struct res_outlets out;		/* outlets.tsv */
	struct res_selection sel;	/* the groups the charts show, the others pooled */
	struct scoretab *scores;	/* scores.tsv, grouped as the stats */
	struct matchrows m;		/* matches.tsv; sorted by the matches section */
	struct lexicon lx;
	int lx_ok;			/* 0: the lexicons could not be read again */
	struct lexdecl decl;		/* categories.tsv of the folder, read by reportpage_write */
	struct charts_indices ix;	/* the indices, as the charts draw them */
};

/* Appends the whole page to p->h. */
void reportpage_write(struct report_page *p);

#endif
