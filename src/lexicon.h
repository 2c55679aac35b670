#ifndef LEXICON_H
#define LEXICON_H

#include <stddef.h>

/*
 * Lexicons: plain-text files of categories and entries (see
 * lexicons/README.md). Entries are tokenised and normalised exactly like
 * article text, so "so-called" and "China’s" match what the reader sees.
 */

/* One word of an entry. */
struct lex_word {
	char *text;	/* normalised (case-folded unless the entry is case-sensitive) */
	size_t len;
	int glob;	/* written with a trailing '*': matches any word it starts */
};

/*
 * Words an entry may have. No real phrase comes near; the bound keeps
 * matching linear in the article (a phrase is compared word by word at
 * every token that starts it).
 */
#define LEXICON_MAX_WORDS 64

struct lex_entry {
	char *written;	/* the entry as written in the file, for reports */
	struct lex_word *words;
	size_t nwords;
	double weight;	/* default 1 */
	int case_sensitive;	/* written in double quotes */
	size_t category;	/* index into lexicon.categories */
	const char *file;	/* borrowed from the category */
	size_t line, col;
};

struct lex_category {
	char *name;
	char *description;
	char *file;	/* the lexicon file it came from */
	size_t line;
};

struct lexicon {
	struct lex_category *categories;
	size_t ncategories, categories_alloc;
	struct lex_entry *entries;
	size_t nentries, entries_alloc;
	char **files;	/* every file loaded, in order */
	size_t nfiles, files_alloc;
};

#define LEXICON_INIT { NULL, 0, 0, NULL, 0, 0, NULL, 0, 0 }

/*
 * The largest lexicon file and the largest weight framing takes: a file
 * over the first is refused before it is read whole; a weight over the
 * second is refused at load (FILE:LINE:COL), as a score sums the weights
 * of up to 2^32 matches and stats sums scores and their squares: 1.7e308
 * made a score infinite and its article silently left the mean.
 */
#define LEXICON_MAX_BYTES (64UL * 1024 * 1024)
#define LEXICON_MAX_WEIGHT 1e6	/* written out in the message of lexicon.c */

/*
 * Adds the categories and entries of path. Every problem is reported as
 * "framing: FILE:LINE:COL: ..." and the result is -1 when there was any.
 * A category name already loaded from another file is an error.
 */
int lexicon_load(struct lexicon *lx, const char *path);

/* Parses text as if it were the file name; for tests and imports. */
int lexicon_parse(struct lexicon *lx, const char *name, const char *text, size_t len);

/* Index of the named category, or -1. */
long lexicon_category(const struct lexicon *lx, const char *name);

void lexicon_release(struct lexicon *lx);

/*
 * The folder of the default lexicons: $FRAMING_LEXICONS when set, else
 * ./lexicons, else BIN/../lexicons beside the binary, else the installed
 * share folder. Borrowed string.
 */
const char *lexicon_default_dir(void);

/* Loads every *.lex file of dir in name order; -1 after messages. */
int lexicon_load_dir(struct lexicon *lx, const char *dir);

/*
 * The lexicons of a command: the n files given with -l (every one is read,
 * so the errors of all are reported), or every .lex file of
 * lexicon_default_dir() when n is 0. -1 after messages. Every command that
 * takes -l loads through here.
 */
int lexicon_load_all(struct lexicon *lx, const char *const *files, size_t n);

#endif
