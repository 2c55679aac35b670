#ifndef TARGETSTATS_H
#define TARGETSTATS_H

#include <stddef.h>

#include "scoretab.h"

/*
 * targets_by_group.tsv: framing stats' summary of targets.tsv (targets.h),
 * the score run's tally of each category's matches by the actors their
 * sentence names. Per group, category and actor (the actors in lexicon
 * order, then several, then none):
 *
 *   group category actor articles matches category_articles
 *   category_matches share share_lo share_hi rate rate_lo rate_hi
 *
 * articles: of the group's articles, those with a match of the category
 * on the actor; matches: their sum; category_articles and
 * category_matches: the same for the category on any actor; share =
 * matches / category_matches with its article-level interval
 * (stats_share_hc1); rate: matches per 1,000 tokens of all the group's
 * articles with its HC1 interval (stats_rate_hc1). A (group, category)
 * is written when the category has a match in the group: then every
 * actor is, so the shares add up to 1.
 */
#define TARGETSTATS_HEADER "group\tcategory\tactor\tarticles\tmatches\tcategory_articles" \
	"\tcategory_matches\tshare\tshare_lo\tshare_hi\trate\trate_lo\trate_hi\n"

/*
 * Reads targets.tsv beside each of files (the scores files t was read
 * from, in that order) for the articles t holds (after its filters, with
 * its groups) and writes outdir/targets_by_group.tsv: the header alone
 * when a file has no targets.tsv beside it (an older score run; said in a
 * warning) or no actor. Rows of an id that t does not hold (a filter left
 * it out) are skipped. -1 after a message: a bad table (FILE:LINE) or a
 * file that cannot be written.
 */
int targetstats_write(const struct scoretab *t, char *const *files, size_t nfiles,
		      const char *outdir);

#endif
