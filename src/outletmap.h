#ifndef OUTLETMAP_H
#define OUTLETMAP_H

/*
 * Which outlet a web host belongs to: a table (--outlets FILE.tsv, columns
 * "host" and "outlet") of hosts or domain suffixes, so that
 * edition.cnn.com and cnn.com can be one outlet. A host matches its own
 * row, else the row of its longest suffix at a dot ("cnn.com" matches
 * "edition.cnn.com", not "notcnn.com").
 */
struct outletmap;

/* Loads path; NULL after a message naming FILE:LINE. */
struct outletmap *outletmap_load(const char *path);
void outletmap_free(struct outletmap *m);

/* The outlet of host (lowercase), borrowed; NULL when it is not listed. */
const char *outletmap_find(const struct outletmap *m, const char *host);

#endif
