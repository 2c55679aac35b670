#ifndef CLEANRUN_H
#define CLEANRUN_H

#include "source.h"
#include "templates.h"

/*
 * "framing clean" as a function: prints every line of one article, kept
 * ("+ ") or dropped ("- ", with the reason), or only the kept text, and a
 * summary on stderr. The article is a file (its title and language from
 * the manifest beside it, when it lists the file) or, with in.jsonl, the
 * first article with the id article in the JSON Lines. Every string is
 * borrowed.
 */
struct clean_run_opts {
	const char *article;	/* a FILE, or with in.jsonl an article id */
	struct source_options in;	/* in.jsonl and in.max_bytes; in.dir unused */
	const char *title;	/* NULL: from the manifest or the article */
	const char *lang;	/* NULL: from the manifest or the article */
	int kept_only;		/* only the kept text, as the scores see it */
	int quiet;		/* no warnings (util_set_quiet) */
	/*
	 * Site templates: from templates.file, else found among the articles
	 * of the file's outlet in the corpus folder that lists the file (the
	 * folder with manifest.tsv beside it, or the folder above its outlet's
	 * folder), or in the JSON Lines file.
	 */
	struct templates_options templates;
};

/* The defaults of the command line: every line, the 50 MB limit. */
void clean_run_opts_init(struct clean_run_opts *o);

/* Returns EXIT_OK, or EXIT_USAGE when the article cannot be read or found. */
int clean_run(const struct clean_run_opts *o);

#endif
