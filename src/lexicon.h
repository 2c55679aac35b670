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
	int actor;	/* after an @actors line: it names who a sentence is about */
	size_t actors_line;	/* that @actors line (for messages), else 0 */
	int voice;	/* named by an @voice line */
	int weighted;	/* some entry has a weight other than 1 */
};

/*
 * The directives: lines that start with '@' (lexicons/README.md).
 *
 *   @index NAME = KIND A B   a per-article index of categories A and B
 *   @actors                  every category after it in its file is an actor
 *   @voice A B ...           the categories the voice chart shows
 *
 * An index or @voice line may name categories of any file loaded, so the
 * names are checked by lexicon_resolve once every file is in.
 */
enum lex_index_kind {
	LEX_INDEX_LOG_RATIO,	/* log((a + 0.5) / (b + 0.5)) of the weighted scores */
	LEX_INDEX_DIFFERENCE	/* (a - b) weighted matches per 1,000 tokens */
};

/* A category name as written in a directive, with where it was written. */
struct lex_ref {
	char *name;
	const char *file;	/* borrowed from lexicon.files */
	size_t line, col;
	long category;		/* its index once resolved, else -1 */
};

struct lex_index {
	char *name;
	enum lex_index_kind kind;
	struct lex_ref a, b;
	const char *file;	/* borrowed from lexicon.files */
	size_t line, col;
};

struct lexicon {
	struct lex_category *categories;
	size_t ncategories, categories_alloc;
	struct lex_entry *entries;
	size_t nentries, entries_alloc;
	char **files;	/* every file loaded, in order */
	size_t nfiles, files_alloc;
	struct lex_index *indices;	/* in the order declared */
	size_t nindices, indices_alloc;
	struct lex_ref *voice;	/* the names of every @voice line */
	size_t nvoice, voice_alloc;
};

#define LEXICON_INIT { NULL, 0, 0, NULL, 0, 0, NULL, 0, 0, NULL, 0, 0, NULL, 0, 0 }

/* The name of a kind as written after '=' ("log-ratio", "difference"). */
const char *lexicon_index_kind_name(enum lex_index_kind kind);
/* The kind named s; -1 when s names none. */
int lexicon_index_kind(const char *s);

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

/*
 * Checks the directives against every category loaded: an index of an
 * unknown category, or of one category twice, an @voice of an unknown one
 * (FILE:LINE:COL of the name), and marks the @voice categories. Call once
 * every file is loaded; lexicon_load_all does. -1 after messages.
 */
int lexicon_resolve(struct lexicon *lx);

/*
 * Whether the voice chart shows category c: the categories named by an
 * @voice line when there is any, else every category that is not an actor.
 */
int lexicon_shows_voice(const struct lexicon *lx, size_t c);

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
 * lexicon_default_dir() when n is 0, then lexicon_resolve. -1 after
 * messages. Every command that takes -l loads through here.
 */
int lexicon_load_all(struct lexicon *lx, const char *const *files, size_t n);

#endif
