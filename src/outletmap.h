#ifndef OUTLETMAP_H
#define OUTLETMAP_H

#include <stddef.h>

/*
 * Which outlet a web host belongs to: a table (--outlets FILE.tsv, columns
 * "host" and "outlet") of hosts or domain suffixes, so that
 * edition.cnn.com and cnn.com can be one outlet. A host matches its own
 * row, else the row of its longest suffix at a dot ("cnn.com" matches
 * "edition.cnn.com", not "notcnn.com"). The table's other columns (say
 * "country", or a "story" when each host is one story's crawl) are extra
 * columns of every page of the host, as a manifest's are of its articles.
 */
struct outletmap;

/* Loads path; NULL after a message naming FILE:LINE. */
struct outletmap *outletmap_load(const char *path);
void outletmap_free(struct outletmap *m);

/*
 * The outlet of host (lowercase), borrowed; NULL when it is not listed.
 * With extra not NULL, *extra gets the values of the columns other than
 * host and outlet (outletmap_extra_names), borrowed; NULL when not listed.
 */
const char *outletmap_find(const struct outletmap *m, const char *host, char *const **extra);

/*
 * The names of the table's columns other than host and outlet, in their
 * order (borrowed; *n of them, maybe 0).
 */
char *const *outletmap_extra_names(const struct outletmap *m, size_t *n);

#endif
