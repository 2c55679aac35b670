#ifndef WARCIN_H
#define WARCIN_H

#include <stddef.h>
#include <stdint.h>

#include "corpus.h"
#include "options.h"

/*
 * WARC files as a source of articles (source.c's --warc input): the
 * records of each file in turn (warc.c), their HTTP payload (http.c)
 * decoded to UTF-8 (charset.c), and the filters for a crawl: record type,
 * HTTP status, media type, --url-pattern, --outlets, --lang and
 * --max-articles. What each filter dropped is counted and said in one line
 * at the end.
 */
struct warcin_options {
	struct options_list files;	/* --warc FILE, repeatable (and FILE operands) */
	const char *lang;		/* --lang CODE */
	const char *url_pattern;	/* --url-pattern GLOB (fnmatch) */
	const char *outlets;		/* --outlets FILE.tsv */
	int drop_unlisted;		/* --drop-unlisted: hosts not in --outlets are dropped */
	size_t max_articles;		/* --max-articles N; 0: all */
};

#define WARCIN_OPTIONS_INIT { { NULL, 0, 0 }, NULL, NULL, NULL, 0, 0 }

struct warcin;

/* NULL after a message (a file that cannot be opened, a bad --outlets table). */
struct warcin *warcin_open(const struct warcin_options *o, size_t max_bytes);
void warcin_free(struct warcin *in);

/*
 * The extra columns of every WARC article: "url", then the --outlets
 * table's columns other than host and outlet (borrowed).
 */
char *const *warcin_extra_names(const struct warcin *in, size_t *n);

/*
 * The next article: a filled (id WARC-Record-ID, outlet, date WARC-Date or
 * "", title "", file and path FILE:BYTE, extra url; owned), *text the
 * payload in UTF-8 (owned), *html set when it is an HTML page (for
 * htmlpage.c). 1, 0 at the end, -1 when a record was skipped after a
 * message.
 */
int warcin_read(struct warcin *in, struct article *a, char **text, size_t *len, int *html);

/* Starts again at the first file; -1 after a message. */
int warcin_rewind(struct warcin *in);

uint64_t warcin_total_bytes(const struct warcin *in);
uint64_t warcin_bytes_read(const struct warcin *in);

#endif
