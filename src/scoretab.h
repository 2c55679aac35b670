#ifndef SCORETAB_H
#define SCORETAB_H

#include <stddef.h>
#include <stdint.h>

#include "lexdecl.h"

/*
 * The per-article table that "framing score" writes (scores.tsv), read
 * from one or more files (shards of one corpus) as one table: the one
 * reader of scores.tsv (stats, and through results.h the charts and the
 * report). Lexicon categories are discovered from the header: every
 * column C_matches followed by C_score, C_rate and C_own.
 *
 * What the columns mean comes from categories.tsv beside each scores file
 * (lexdecl.h): which categories are actors, which are weighted, and the
 * indices, each a column named as the index. Every shard must carry the
 * same declarations. A scores.tsv without categories.tsv (made by hand or
 * by a framing older than the declarations) is read by one rule: every
 * category is a plain category (no actor, shown in the voice chart),
 * weighted when any article's C_score differs from its C_matches, and the
 * one index is a column "stance" when there is one and not every value is
 * NA (as before the declarations), with no definition (t->decl declares
 * none); any other column is no index. declared is then 0.
 */

/* Strings and counts point into the table's store, freed with the table. */
struct scoretab_article {
	const char *id, *outlet, *date;	/* date is "NA" when unknown */
	const char *gname;		/* the value of the grouping column */
	uint64_t idkey;			/* id's first 8 bytes, big-endian, for sorting */
	size_t gname_no;		/* gname's number in the store */
	size_t group;			/* index into groups, set by scoretab_finish */
	double tokens;			/* NAN when NA */
	double *counts;			/* 2 per category: matches, own; NAN when NA */
	double *score;			/* per category: the weighted score C_score; NAN when NA */
	double *index;			/* per index (t->nindex); NAN when NA */
	size_t seq;			/* order of reading, to keep the first of equal ids */
	const char *title;		/* with SCORETAB_TEXT, else NULL */
	double dropped;			/* dropped_chars with SCORETAB_TEXT, else NAN */
	double lost_words;		/* lost_words with SCORETAB_TEXT, else NAN */
	const char *within;		/* the --within column's value; NULL: none, NA or empty */
	size_t within_no;		/* its number in the store */
};

struct scoretab_store;

struct scoretab {
	size_t ncat;
	char **cats;			/* category names, in lexicon order */
	/*
	 * The declarations: decl.cat[c] is category cats[c] (same order);
	 * decl.idx are the declared indices, empty without categories.tsv.
	 * declared says whether categories.tsv was read (0: the rule above).
	 */
	struct lexdecl decl;
	int declared;
	size_t nindex;
	char **index_name;		/* the index columns, in declaration order */
	char *by;			/* the grouping column */
	char *within;			/* the column of the articles' within, NULL: none */
	unsigned flags;			/* of scoretab_read */
	size_t ngroups;
	const char **groups;		/* sorted bytewise, borrowed from the store */
	size_t n, alloc;
	struct scoretab_article *a;	/* sorted by group, then id */
	size_t nfiles;
	char **files;			/* the files read, borrowed from the caller */
	struct scoretab_store *store;	/* owns the articles' strings and counts */
};

/* Flags of scoretab_read. */
#define SCORETAB_TEXT 1	/* read the title, dropped_chars and lost_words too (charts, report) */

/*
 * Reads every file into one table grouped by the column by. Returns NULL
 * after printing "framing: FILE:LINE: ..." on unreadable files, missing
 * columns, different categories across files or numbers that are not.
 * A shard given twice is refused before anything is read: two files that
 * are one file (device and inode), or whose terms.tsv, matches.tsv or
 * signatures.tsv are, or two scores.tsv of the same content with rows.
 */
struct scoretab *scoretab_read(char **files, size_t nfiles, const char *by, unsigned flags);

/*
 * Regroups the articles by the map in path (--group-map), a TSV with a
 * header: columns 'outlet' and 'group', or any two columns, the first the
 * value of the grouping column (the outlet by default), the second the
 * larger unit it belongs to (a country, an owner). Values the map does
 * not name keep their own group, or become "NA" with unmapped_na;
 * *unmapped says how many articles had no entry. A value mapped twice to
 * different groups or an empty field is refused (FILE:LINE). -1 after a
 * message.
 */
int scoretab_map_groups(struct scoretab *t, const char *path, int unmapped_na, size_t *unmapped);

/*
 * What the groups of a map are, for titles: the name of its group column
 * ("group", or the second column's name: "country"); NULL after a message.
 */
char *scoretab_map_unit(const char *path);

/*
 * The grouping of stats, chart and report: the column --by, regrouped by
 * --group-map (NULL: none) with --unmapped-na. scoretab_read, then
 * scoretab_map_groups with a warning counting the articles the map does
 * not name; NULL after a message.
 */
struct scoretab_grouping {
	const char *by;
	const char *group_map;
	int unmapped_na;
};
struct scoretab *scoretab_read_grouped(char **files, size_t nfiles,
				       const struct scoretab_grouping *g, unsigned flags);
/*
 * The same, with each article's value of the column within (stats
 * --within: the stories) kept in a.within; a file without the column is
 * refused (FILE: ...).
 */
struct scoretab *scoretab_read_within(char **files, size_t nfiles,
				      const struct scoretab_grouping *g, const char *within,
				      unsigned flags);

/* Keeps the first of articles with the same id; returns how many were dropped. */
size_t scoretab_drop_same_ids(struct scoretab *t);

/*
 * The one clustering of near-duplicates: reads the pairs of the file pairs
 * (duplicates.tsv) and joins the articles of t they name (pairs naming
 * other articles are skipped) into clusters. root[i] (an array of t->n the
 * caller frees) gets the index in t->a of the earliest article (by date,
 * then id) of article i's cluster: i itself for that article and for an
 * article without near-duplicates. -1 after a message.
 */
int scoretab_clusters(const struct scoretab *t, const char *pairs, size_t **root);

/*
 * Keeps the earliest article of each cluster of scoretab_clusters; says
 * how many were dropped, how many clusters (of 2 or more) there were and
 * how many of them cross outlets. -1 after a message.
 */
int scoretab_dedup(struct scoretab *t, const char *pairs, size_t *dropped, size_t *clusters,
		   size_t *crossing);

/* Drops articles without tokens (NA or 0): they carry no text to measure. */
size_t scoretab_drop_empty(struct scoretab *t);

/* Sorts by group then id and (re)builds the sorted group list. */
void scoretab_finish(struct scoretab *t);

/*
 * Frees the articles (n becomes 0) with their ids and counts, keeping the
 * categories and the groups' names: for a caller that has taken what it
 * needs from them.
 */
void scoretab_drop_rows(struct scoretab *t);

/* Whether category c counts weighted matches (C_wrate is a metric of it). */
int scoretab_weighted(const struct scoretab *t, size_t c);
/* Whether category c is an actor (who is named, not how). */
int scoretab_is_actor(const struct scoretab *t, size_t c);
/* The declaration of index k, or NULL when undeclared (no categories.tsv). */
const struct lexdecl_index *scoretab_index_decl(const struct scoretab *t, size_t k);

/* The file NAME in the folder of the scores file path; the caller frees. */
char *scoretab_sibling(const char *path, const char *name);

void scoretab_free(struct scoretab *t);

#endif
