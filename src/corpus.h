#ifndef CORPUS_H
#define CORPUS_H

#include <stddef.h>

/*
 * A corpus: a folder with manifest.tsv (id, file, outlet, date, title and
 * any further columns), or a folder of OUTLET/FILE.txt (and .html, .htm)
 * without one. Only
 * the list is loaded; article texts are read one at a time by the caller.
 */

struct article {
	char *id;
	char *outlet;
	char *date;	/* YYYY-MM-DD, or "" when unknown */
	char *title;
	char *file;	/* as written in the manifest, relative to the corpus */
	char *path;	/* the file to open */
	char **extra;	/* values of the corpus's extra columns */
	size_t line;	/* manifest line, 0 without a manifest */
	size_t size;	/* bytes of the file when the list was loaded */
	/* An HTML page: its lines' markup hints and offsets (owned), else NULL. */
	struct htmlpage *page;
	/* The text is a page's markup, kept as given (source_keep_markup, for framing import). */
	int markup;
};

/* Frees what a holds (its nextra extra values included) and zeroes it. */
void article_release(struct article *a, size_t nextra);

struct corpus {
	char *dir;
	char *root;	/* dir's real path: no article lies outside it */
	char *manifest;	/* path of manifest.tsv, NULL without one */
	struct article *articles;
	size_t n, alloc;
	char **extra_names;	/* manifest columns beyond the five required */
	size_t nextra;
};

#define CORPUS_INIT { NULL, NULL, NULL, NULL, 0, 0, NULL, 0 }

/*
 * Loads the article list of dir. Every problem is reported as
 * "framing: FILE:LINE: ..." and the result is -1 when there was any, so a
 * run never starts on a half-valid corpus.
 */
int corpus_load(const char *dir, struct corpus *c);
void corpus_release(struct corpus *c);

/*
 * The group an article falls in by a column's value: the value, or "NA"
 * when it is empty or missing (NULL), as the tables write a missing value.
 * The one rule of every command that groups (stats and chart over
 * scores.tsv, kwic and the lexicon tools over the source), so an article
 * without a wire is in the group NA everywhere.
 */
static inline const char *corpus_group_name(const char *value)
{
	return value && *value ? value : "NA";
}

/* The value of extra column name for a, or NULL when there is no such column. */
const char *corpus_extra(const struct corpus *c, const struct article *a, const char *name);

/* The first non-empty line of a file, cleaned up: the title of an article
 * without a manifest. The caller frees it. */
char *corpus_first_line(const char *path);

#endif
