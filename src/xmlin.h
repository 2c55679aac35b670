#ifndef XMLIN_H
#define XMLIN_H

#include <stddef.h>

/*
 * News articles in XML files, for framing import: Reuters-21578's SGML
 * (many <REUTERS> elements to a file, no root), NewsML and NITF, or any
 * XML whose articles hold their title, text and date in elements of known
 * names (--xml-fields TITLE,BODY,DATE; matched in any case, as Reuters
 * writes TITLE and NewsML-G2 headline). Each element at the top of a file
 * is an article: a NewsML file's one root, each of Reuters' <REUTERS>.
 * Reuters' SGML is not XML: a bare & (AT&T) is read as written, and a file
 * without an encoding declaration that is not UTF-8 is read as
 * windows-1252 (charset.c's rule for unlabelled pages).
 *
 * libxml2 is included here and in htmlpage.c, each for its own parser:
 * htmlpage.c drives the HTML parser through SAX callbacks, in bounded
 * memory and with byte offsets for matches, over pages of any size; this
 * module builds a tree with the XML parser (in recovery mode, without the
 * network or external entities), as the fields of an article are looked
 * for anywhere inside it. The two share nothing but the library.
 */

/* The element names of an article's title, text and date (owned by the struct). */
struct xmlin_fields {
	char *title, *body, *date;
};

/* Reads "TITLE,BODY,DATE" into f; -1 after a message when it is not three non-empty names. */
int xmlin_fields_parse(const char *spec, struct xmlin_fields *f);
void xmlin_fields_release(struct xmlin_fields *f);

/*
 * One article of a file: index among the file's count articles; its
 * title, text and date as written (the text of the body element with a
 * line end after each paragraph, the others with white space collapsed;
 * "" when the element is missing). Borrowed for the call.
 */
struct xmlin_article {
	size_t index, count;
	const char *title, *text, *date;
	int has_title, has_body, has_date;	/* whether the element is there (it may be empty) */
};

/*
 * Reads the XML file path (at most max_bytes) and calls fn for each
 * article, in order; fn returns 0 to go on. Returns the number of
 * articles, or -1 after a message (unreadable, too large, not XML).
 */
long xmlin_read(const char *path, const struct xmlin_fields *f, size_t max_bytes,
		int (*fn)(void *ctx, const struct xmlin_article *a), void *ctx);

#endif
