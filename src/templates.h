#ifndef TEMPLATES_H
#define TEMPLATES_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "options.h"
#include "source.h"

/*
 * Site templates: lines an outlet repeats across its articles (cookie
 * notices, newsletter sign-ups, copyright lines, market-data disclaimers)
 * are boilerplate even when they are good sentences. A line is a template
 * of its outlet when, normalised (templates_line_hash), it occurs in at
 * least K distinct articles of that outlet; K is templates_default_min of
 * the outlet's article count, or --template-min. The table is built from
 * the articles in passes over the source, in bounded memory whatever the
 * corpus size, or read from a file written by "framing templates", so
 * that shards of one corpus share one table. The cleaner asks it about
 * every line it would keep (clean_options.repeated).
 */
struct templates;

/* The template options of every command that cleans. */
struct templates_options {
	const char *file;	/* --templates FILE: a table of framing templates */
	size_t min;		/* --template-min N; 0: templates_default_min */
	int off;		/* --no-templates */
};

/* The smallest --template-min: a line in one article is never a template. */
#define TEMPLATES_MIN_MIN 2
#define TEMPLATES_MIN_MAX 1000000000L

/* The rows of --templates FILE, --template-min N and --no-templates, stored in *(t). */
#define OPT_TEMPLATES(t) \
	OPT_STRING(0, "templates", &(t)->file), \
	OPT_SIZE(0, "template-min", &(t)->min, TEMPLATES_MIN_MIN, TEMPLATES_MIN_MAX), \
	OPT_FLAG(0, "no-templates", &(t)->off)

/* The lines of a command's usage that describe OPT_TEMPLATES. */
#define TEMPLATES_USAGE \
	"      --templates FILE  drop the site templates of FILE (written by framing\n" \
	"                      templates) rather than find them in the articles\n" \
	"      --template-min N  a line in N articles of its outlet is a site template\n" \
	"                      (default: 5, or the square root of the outlet's\n" \
	"                      articles when larger)\n" \
	"      --no-templates  keep lines repeated across an outlet's articles\n"

/*
 * K for an outlet of n articles: a line is a template when it is in K
 * distinct articles. max(5, ceil(sqrt(n))) (README, Methods: why).
 */
size_t templates_default_min(size_t n);

/*
 * The line key of text[start, end): FNV-1a of the line normalised (NFKC and
 * case fold as the text module does, white space collapsed and trimmed,
 * every run of digits, with the , and . inside it, as one "0", so that
 * "(c) 2024" and "(c) 2025" are one line). 0 for a line with nothing left.
 * scratch is work space (released by the caller with buf_release).
 */
uint64_t templates_line_hash(const char *text, size_t start, size_t end, struct buf scratch[2]);

/*
 * The same key, always through the Unicode tables (text_append_clean,
 * then text_normalize): the definition. templates_line_hash takes a short
 * way on lines of ASCII and typographic quotes and dashes (most lines),
 * tested to give this on every line.
 */
uint64_t templates_line_hash_full(const char *text, size_t start, size_t end,
				  struct buf scratch[2]);

/*
 * The table that a command applies to the articles of src, as o asks:
 * *out is NULL with --no-templates or when the command does not clean;
 * the file o->file when given (then --template-min keeps only its lines in
 * that many articles or more); else built from src in two or three passes,
 * and src is rewound for the command, the articles split and hashed in
 * jobs threads (0: every core; the table is the same at any jobs). A
 * source that cannot be read twice
 * (a pipe) gets no table and a warning that says how to give one.
 * Returns 0, or -1 after a message (a bad file, a source that fails to
 * rewind). *out is owned by the caller: templates_free.
 */
int templates_prepare(const struct templates_options *o, int cleaning, int jobs,
		      struct source *src, struct templates **out);

/*
 * Builds the table from every article of src (only those of outlet, when
 * not NULL) in jobs threads (0: every core) and rewinds src; min is
 * --template-min (0: the default).
 * NULL after a message when src cannot be rewound.
 */
struct templates *templates_build(struct source *src, size_t min, const char *outlet, int jobs);

/*
 * Reads a table written by templates_write; NULL after a message naming
 * FILE:LINE. With min > 0, only lines in min articles or more are kept.
 * A line listed twice for one outlet (tables joined) keeps its larger count.
 */
struct templates *templates_load(const char *path, size_t min);
/* The same from a stream that stays the caller's; name is for messages. */
struct templates *templates_read(FILE *f, const char *name, size_t min);

/*
 * Writes the table as TSV: outlet, count (articles of the outlet with the
 * line), hash (16 hex digits of templates_line_hash) and line (its first
 * occurrence, for reading), sorted by outlet, then count (highest first),
 * then hash. With src, the lines' text is looked up in one more pass over
 * src (rewound after; jobs as templates_build); without, the line column
 * is empty. Returns -1 on
 * a write error (no message: the caller's outfile reports it).
 */
int templates_write(struct templates *t, struct source *src, int jobs, FILE *f);

/* Template lines in the table, and outlets that have any. */
size_t templates_count(const struct templates *t, size_t *outlets);

void templates_free(struct templates *t);

/*
 * One article's view of a table, for the cleaner: templates_article_begin
 * looks the outlet up once, templates_repeated answers for each line (it
 * has the signature of clean_options.repeated, with the struct as ctx).
 */
struct templates_article {
	const struct templates *t;
	long outlet;		/* index in the table, -1: no template of this outlet */
	struct buf scratch[2];
};

#define TEMPLATES_ARTICLE_INIT { NULL, -1, { BUF_INIT, BUF_INIT } }

void templates_article_begin(struct templates_article *ta, const struct templates *t,
			     const char *outlet);
/* The number of articles of the outlet with the line text[start, end); 0: not a template. */
uint32_t templates_repeated(void *ta, const char *text, size_t start, size_t end);
void templates_article_release(struct templates_article *ta);

#endif
