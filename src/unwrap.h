#ifndef UNWRAP_H
#define UNWRAP_H

#include <stddef.h>
#include <stdint.h>

/*
 * Hard-wrapped text (wire copy, mail, Project Gutenberg, Reuters-21578)
 * breaks every paragraph into lines of about one width, each ending where
 * the next word would not have fitted, mostly in mid-sentence. The cleaner
 * judges lines as paragraphs, so such a text would lose every line to "no
 * sentence end". This module finds the line ends that wrapping put inside
 * a paragraph; the cleaner then treats the lines on either side as one
 * paragraph. Nothing is copied or moved: a joined paragraph is a span of
 * the original bytes, its line ends read as white space, so every offset
 * still points into the article as it is on disk.
 *
 * The test is conservative, as text written a paragraph a line must come
 * out unchanged: the document as a whole must look wrapped (a narrow,
 * shared width; at least three wrapped line ends, most of them in
 * mid-sentence; most of its text on such lines), and then a line end is
 * joined only when the next line's first word would not have fitted on
 * the line, the next line is not indented further (a paragraph start) and
 * does not start a list item. Blank lines always end a paragraph.
 */

struct unwrap {
	size_t *joins;		/* ascending: where each joined line's text ends */
	size_t n, alloc;
	uint32_t width;		/* the wrap width found (code points), 0 if none */
};

#define UNWRAP_INIT { NULL, 0, 0, 0 }

/*
 * Finds the line ends of text[0, len) to join and returns how many (0 when
 * the text is not hard-wrapped). u->joins[k] is the offset of the end of a
 * line's text, where its line break (\n, \r\n or a lone \r) starts, as the
 * cleaner's lines end.
 */
size_t unwrap_find(struct unwrap *u, const char *text, size_t len);

void unwrap_release(struct unwrap *u);

#endif
