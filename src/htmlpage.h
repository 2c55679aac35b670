#ifndef HTMLPAGE_H
#define HTMLPAGE_H

#include <stddef.h>

#include "clean.h"
#include "offmap.h"

/*
 * A web page read as an article: its text a block a line (paragraphs,
 * headings, list items, table cells, runs split by <br>), with what the
 * markup tells the cleaner of each line (clean_hint), where every byte of
 * the text came from in the file, and the title and date the page gives.
 * Parsed with libxml2's HTML parser (SAX: no tree is built); the only
 * module that includes libxml2.
 */
struct htmlpage {
	char *text;		/* the lines, each ended by '\n'; owned (htmlpage_take_text) */
	size_t len;
	struct clean_hint *hints;	/* one per line, ascending */
	size_t nhints, hints_alloc;
	char **reasons;		/* owned texts the hints' contexts point at ("class sidebar") */
	size_t nreasons, reasons_alloc;
	char *title;		/* og:title, else the first h1, else <title> without " | Site"; "" none */
	char *date;		/* article:published_time, JSON-LD datePublished, <time datetime>: YYYY-MM-DD or "" */
	size_t replaced;	/* bytes that could not be decoded, and NULs: U+FFFD in the text */
	struct offmap text_map;	/* text byte -> byte of the UTF-8 page */
	struct offmap byte_map;	/* byte of the UTF-8 page -> byte of the file (empty: the same) */
	size_t unaligned;	/* text pieces whose place in the file was guessed (for tests) */
};

/* Whether path names an HTML page: it ends in .html or .htm, in any case. */
int htmlpage_is_html_name(const char *path);

/*
 * Reads the page src[0, len) into p (zeroed first). sniff: find the charset
 * as a browser does (BOM, <meta>), else src is UTF-8 (a JSON string).
 * Messages (an unknown charset, markup too deep to read whole) name where;
 * they are warnings: the page always gives a result, perhaps empty.
 */
void htmlpage_read(struct htmlpage *p, const char *src, size_t len, int sniff, const char *where);

/* The offset in the file of text byte t. */
size_t htmlpage_offset(const struct htmlpage *p, size_t t);

/* Hands the text over to the caller, who frees it. */
char *htmlpage_take_text(struct htmlpage *p, size_t *len);

/* Frees what p holds (not p). */
void htmlpage_release(struct htmlpage *p);

#endif
