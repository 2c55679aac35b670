#ifndef LEXCHECK_H
#define LEXCHECK_H

#include <stddef.h>

#include "buf.h"
#include "lexicon.h"

/*
 * Problems in a lexicon that loads but probably does not do what its author
 * meant: an entry twice in one category, an entry in two categories, an
 * entry that can never count because an earlier one always wins, globs that
 * match much of the language, characters that are not part of any word and
 * are ignored, and empty categories. Parse errors are lexicon_load's.
 */

/* A glob prefix shorter than this (in characters) is reported. */
#define LEXCHECK_MIN_GLOB 4

struct lexcheck_problem {
	const char *file;	/* borrowed from the lexicon */
	size_t line, col;	/* col counts characters, as in lexicon messages */
	char *message;		/* owned by the list */
	size_t file_index;	/* in lexicon.files, for sorting */
};

struct lexcheck_list {
	struct lexcheck_problem *p;
	size_t n, alloc;
};

#define LEXCHECK_LIST_INIT { NULL, 0, 0 }

/*
 * Appends every problem of lx to out, sorted by file (in load order), line
 * and column. Files are read again (when they can be) only to find the
 * column of category headers.
 */
void lexcheck_find(const struct lexicon *lx, struct lexcheck_list *out);
void lexcheck_list_release(struct lexcheck_list *l);

/* Whether every text entry f matches is also matched by entry e, word for
 * word (same number of words); identical entries cover each other. */
int lexcheck_covers(const struct lex_entry *f, const struct lex_entry *e);

/* Whether two entries are written the same after normalisation. */
int lexcheck_same(const struct lex_entry *a, const struct lex_entry *b);

/* Appends the entry's words as they are matched ("groundless accusation*"). */
void lexcheck_entry_words(const struct lex_entry *e, struct buf *out);

#endif
