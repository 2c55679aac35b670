#ifndef STATTABLES_H
#define STATTABLES_H

#include "statmodel.h"

/*
 * The tables of "framing stats" written from its model: outlets.tsv (per
 * group and metric), compare.tsv (the model's pairs of groups, a group
 * against the rest of the corpus among them, Holm-adjusted over the whole
 * table) and tests.tsv (Kruskal-Wallis per metric, chi-square
 * groups x categories). sm must have been through statmodel_groups and
 * statmodel_pairs. Each file is written whole or not at all (outfile);
 * writing stops at the first that fails. Returns 0, or -1 after a message.
 */
int stattables_write(const struct statmodel *sm, const char *outdir);

#endif
