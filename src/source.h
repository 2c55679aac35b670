#ifndef SOURCE_H
#define SOURCE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "corpus.h"
#include "warcin.h"

/*
 * Where articles come from, one at a time: the files of a corpus folder, or
 * a JSON Lines stream ({"id","outlet","date","title","text",...} per line,
 * or "html" in place of "text") read with constant memory. HTML pages
 * (.html and .htm files, "html" fields) are read by htmlpage.c into their
 * text a block a line. The only module that includes cJSON. Every
 * command that reads articles (score, clean, kwic, the lexicon tools) takes
 * them from here, so an input format, the size limit and the rules for
 * columns and language are written once.
 */
struct source;

/*
 * The longest id, outlet, title and extra field (manifest column or JSON
 * field) an article may have, in bytes; longer ones are refused with the
 * article (a message names it), as every table, chart and page repeats
 * them: a 1 MB outlet name made a report of 2 GB. Also the bound that
 * lets every table framing writes be read back line by line (tsv.h).
 */
#define SOURCE_MAX_ID_BYTES 1024
#define SOURCE_MAX_OUTLET_BYTES 1024
#define SOURCE_MAX_FIELD_BYTES 65536

/*
 * Ids of JSON Lines articles without an "id": this prefix and the first
 * 16 hex digits of the SHA-256 of outlet, date, title and text (see
 * source.c), the same in every shard and every run.
 */
#define SOURCE_DEFAULT_ID_PREFIX "sha256:"

/* The default of --max-article-bytes: 50 MB. */
#define SOURCE_DEFAULT_MAX_BYTES (50UL * 1024 * 1024)

/*
 * The most framing can score in one article, and so the most
 * --max-article-bytes takes (0 stands for it): token offsets are 32 bits.
 * Written as digits, once, so that the option's range, its help text
 * (SOURCE_STR) and the reader's limit are this one number.
 */
#define SOURCE_MAX_ARTICLE_BYTES 4294967295
_Static_assert(SOURCE_MAX_ARTICLE_BYTES == UINT32_MAX, "token offsets are 32 bits");
#define SOURCE_STR_(x) #x
#define SOURCE_STR(x) SOURCE_STR_(x)

/* The limit a --max-article-bytes value stands for: 0 is SOURCE_MAX_ARTICLE_BYTES. */
static inline size_t source_max_bytes(size_t max_bytes)
{
	return max_bytes ? max_bytes : (size_t)SOURCE_MAX_ARTICLE_BYTES;
}

/*
 * What a command was asked to read: a corpus folder (dir) or JSON Lines
 * (jsonl: a file, or "-" for standard input), skipping articles of more
 * than max_bytes (0: the most framing can score, SOURCE_MAX_ARTICLE_BYTES).
 */
struct source_options {
	const char *dir;
	const char *jsonl;
	size_t max_bytes;
	/*
	 * CSV (--csv FILE|-, --delimiter C): csv names the file, and
	 * sourceopts_check makes jsonl the same, since every command asks
	 * jsonl whether it reads a stream rather than a folder. delim is the
	 * delimiter byte (',' when 0).
	 */
	const char *csv;
	const char *delimiter;
	char delim;
	/* WARC files (--warc) and the filters of a crawl: warcin.h. */
	struct warcin_options warc;
};

#define SOURCE_OPTIONS_INIT { NULL, NULL, SOURCE_DEFAULT_MAX_BYTES, NULL, NULL, 0, WARCIN_OPTIONS_INIT }

/* The option that names o's stream, for the commands framing suggests: "--csv" or "--jsonl". */
static inline const char *source_stream_option(const struct source_options *o)
{
	return o->csv ? "--csv" : "--jsonl";
}

/*
 * Opens what o names: a folder's article list is loaded and checked whole
 * first (two articles whose ids are one id as scores.tsv writes them, such
 * as folders "Tab<TAB>Out" and "Tab Out" or a folder's x.txt and x.html,
 * are refused, naming both), a JSON Lines file is opened. NULL after messages. The source owns the
 * corpus and the file it opened (source_free releases them).
 */
struct source *source_open(const struct source_options *o);

/* Articles of a loaded corpus (borrowed; must outlive the source). */
struct source *source_corpus(const struct corpus *c, size_t max_article_bytes);

/*
 * Articles of a JSON Lines stream f (borrowed; name is for messages). The
 * extra columns are the string and number fields of the first article
 * beyond id, outlet, date, title and text, in their order. Numbers keep
 * their digits as written (9007199254740993 stays itself); one beyond a
 * double's range (1e400) refuses its line, and so does an id that
 * scores.tsv cannot write as it is (a control character, a byte that is
 * not UTF-8: "a\u000bb" would be "a b"). An article without an id gets
 * SOURCE_DEFAULT_ID_PREFIX and a hash of what it holds.
 */
struct source *source_jsonl(FILE *f, const char *name, size_t max_article_bytes);

/*
 * Articles of a CSV stream f (borrowed; name for messages; delim its
 * delimiter byte): a header naming the fields as JSON Lines does (text or
 * html, outlet, id, date, title, the others extra columns in their order),
 * then one article a record, read by the rules of JSON Lines: an empty id
 * gets the default id, an empty date or title is unknown, an empty outlet
 * refuses the record. NULL after a message when the header lacks text or
 * html or outlet, or names a field twice or not at all.
 */
struct source *source_csv(FILE *f, const char *name, char delim, size_t max_article_bytes);

/*
 * An "html" field of a stream is given as it is, markup and all, with
 * a->markup set, not read as a page: framing import writes it as a .html
 * file, which a corpus folder then reads as a page.
 */
void source_keep_markup(struct source *s);

void source_free(struct source *s);

/*
 * One file read as an article of its own (framing clean FILE): its text,
 * an HTML page's read as a corpus reads it (a->page, and its title and
 * date). id, file and path are path. Returns 0, or -1 after a message.
 */
int source_file(const char *path, struct article *a, char **text, size_t *len);

/* The input's name for messages: the folder, the JSON Lines file or "stdin". */
const char *source_name(const struct source *s);

/*
 * The value of column name for article a of s: id, outlet, date ("NA" when
 * unknown), title, file (a folder's file, or FILE:LINE for JSON Lines) or an
 * extra column (manifest column or JSON field); NULL when s has no such
 * column. Borrowed from a.
 */
const char *source_column(const struct source *s, const struct article *a, const char *name);

/* Whether s has the column name (see source_column). */
int source_has_column(const struct source *s, const char *name);

/* The article's language: its "lang" column, NULL without one. */
const char *source_lang(const struct source *s, const struct article *a);

/*
 * Whether source_rewind can start s again: a folder can, JSON Lines only
 * from a regular file (not a pipe, so not "-" from a pipe).
 */
int source_rewindable(const struct source *s);

/* Starts again at the first article, for a second pass; -1 when it cannot. */
int source_rewind(struct source *s);

/* Extra column names; borrowed, valid for the source's life. */
char *const *source_extra_names(const struct source *s, size_t *n);

/* Total input bytes when known (for progress), else 0. */
uint64_t source_total_bytes(const struct source *s);

/*
 * The next article: fills a (owned by the caller: article_release) and
 * *text (owned: free). Returns 1 with an article, 0 at the end, -1 when an
 * article was skipped after a message (unreadable, too large, bad JSON):
 * call again for the next one.
 */
int source_next(struct source *s, struct article *a, char **text, size_t *len);

/*
 * The same in two steps, so that decoding (parsing JSON) can run in worker
 * threads while one thread reads: source_read takes the next record in
 * order (0 at the end, -1 when it was skipped after a message), and
 * source_decode, safe to call from any thread, turns it into an article
 * (1) or reports why it is skipped (-1), naming its line: among the
 * reasons, an id, outlet, title or extra field over SOURCE_MAX_*_BYTES.
 */
struct source_record {
	struct buf raw;		/* JSON Lines: the line as read */
	size_t line;		/* its line number */
	size_t recno;		/* CSV: its record number, for messages; else 0 */
	int status;		/* -1: over --max-article-bytes, not kept */
	size_t id_first;	/* JSON Lines, CSV: the line that gave its id first, 0: none */
	int id_lone;		/* JSON Lines: its id holds a lone surrogate escape */
	struct article a;	/* corpus folder: the article, read whole */
	char *text;
	size_t len;
	int html;		/* WARC: text is an HTML page in UTF-8 */
};

int source_read(struct source *s, struct source_record *r);
int source_decode(const struct source *s, struct source_record *r, struct article *a,
		  char **text, size_t *len);
/* Frees what a record holds; it can be reused after source_read only. */
void source_record_release(struct source_record *r);

/* Bytes consumed so far, for progress. */
uint64_t source_bytes_read(const struct source *s);

#endif
