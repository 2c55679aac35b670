#ifndef TARGETCHART_H
#define TARGETCHART_H

#include "buf.h"
#include "charts.h"

/*
 * The chart "who is the target of each category" (targets.svg and .png),
 * from the targets_by_group.tsv of a stats run (targetstats.h): a panel
 * per category that is not an actor, a bar per group (the groups and
 * rows of the other charts, "all others" pooled), its segments the share
 * of the category's matches in sentences naming only one actor, several
 * or none, with the group's articles and matches of the category beside
 * it (the shares' intervals are in the table).
 */

/*
 * Draws the chart into c->outdir from indir/targets_by_group.tsv. Without
 * the file (a stats run before framing wrote it) or without rows (no
 * actor, or no match of another category) nothing is drawn, quietly: the
 * report's "why missing" line for charts is not on main yet. -1 after a
 * message.
 */
int targetchart_draw(struct charts *c, const char *indir);

/*
 * The report's section on the chart (outdir holds targets.svg): the chart
 * and a sentence on what it shows; no section when it was not drawn.
 */
void targetchart_report(struct buf *h, const char *outdir);

#endif
