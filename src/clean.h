#ifndef CLEAN_H
#define CLEAN_H

#include <stddef.h>
#include <stdint.h>

#include "unwrap.h"

/*
 * Boilerplate removal in the spirit of jusText: every line of an article
 * (a paragraph, as text saved from the web has one per line) is kept or
 * dropped by its length, stop-word density, final punctuation, list or
 * menu shape and script, and short lines follow their neighbours.
 */

struct clean_line {
	size_t start, end;	/* the line's text in the article, without line end */
	int keep;
	const char *reason;	/* why it was dropped; a static string, NULL if kept */
	uint32_t repeated;	/* a site template: in this many articles of the outlet; else 0 */
	uint8_t markup;		/* dropped for what the page's markup says (clean_hint) */
};

struct clean_result {
	struct clean_line *lines;	/* every line, blank ones included (kept) unless skip_empty */
	size_t n, alloc;
	size_t dropped_chars;	/* characters (code points) of dropped lines */
	size_t dropped_lines;
	void *scratch;		/* per-line work space, kept for the next document */
	size_t scratch_alloc;
	/*
	 * The line ends joined because the text is hard-wrapped (unwrap.h):
	 * a line then spans several lines of the file, its line breaks
	 * inside read as white space. unwrap.n is 0 for other text.
	 */
	struct unwrap unwrap;
};

#define CLEAN_RESULT_INIT { NULL, 0, 0, 0, 0, NULL, 0, UNWRAP_INIT }

/*
 * What a page's markup tells of one of its lines (HTML: a line is a block),
 * as extra evidence for the cleaner: the element it sits in, when that is
 * one of the page's furniture (nav, header, footer, aside, form,
 * figcaption, button, menu, ARIA roles), and its link density as jusText
 * counts it. Set the counts with clean_hint_links.
 */
struct clean_hint {
	size_t start;		/* the line's first byte in the text */
	const char *context;	/* "nav", "footer", ...: static, shown as the reason; NULL none */
	uint32_t link_chars, chars;	/* characters inside <a>, and all (no white space) */
	char links_reason[16];	/* "links 0.83", the reason when the links drop it */
};

/* Sets h's link counts (and the reason text they would give). */
void clean_hint_links(struct clean_hint *h, size_t link_chars, size_t chars);

struct clean_options {
	const char *title;	/* lines equal to the title are always kept */
	const char *lang;	/* ISO 639-1 code; NULL or "" to guess the script */
	int enabled;		/* 0: keep every line (--no-clean) */
	/*
	 * 1: empty lines are not listed. They never change a verdict, and
	 * framing score has no use for them; an article of line ends alone
	 * would otherwise hold a record for every two bytes of JSON.
	 */
	int skip_empty;
	/*
	 * Site templates (templates.h): the number of articles of the
	 * outlet that have the line text[start, end), 0 when it is not a
	 * template. Asked about every line that would be kept otherwise;
	 * NULL: no templates.
	 */
	uint32_t (*repeated)(void *ctx, const char *text, size_t start, size_t end);
	void *repeated_ctx;
	/*
	 * Per-line evidence from markup, ascending in start, or NULL (plain
	 * text): a line with a hint that starts where it starts takes it.
	 */
	const struct clean_hint *hints;
	size_t nhints;
	/*
	 * 1: the text is a web page's (htmlpage.h): its lines are blocks,
	 * paragraphs already (a pre block's lines are lines on purpose), so
	 * it is never unwrapped, however a long menu of short items looks.
	 */
	int blocks;
};

/*
 * Classifies every line of text[0, len); out is reset first. Hard-wrapped
 * text (not blocks) is unwrapped first (with or without enabled), so its
 * lines are paragraphs too.
 */
void clean_document(const char *text, size_t len, const struct clean_options *opt,
		    struct clean_result *out);
void clean_result_release(struct clean_result *r);

/*
 * Whether s[start, end) ends a sentence: its last character other than
 * white space, closing quotes and brackets is . ! ? or an ellipsis (or
 * their CJK forms). The cleaner's rule, shared with unwrap.c.
 */
int clean_ends_sentence(const char *s, size_t start, size_t end);

/*
 * For tests: whether the block scan of an ASCII line (SSE2, 64 bytes at a
 * time) finds the same counts as the byte-by-byte scan.
 */
int clean_ascii_scans_agree(const char *s, size_t n);

/* Whether w[0, len) (normalised) is one of the English function words
 * the cleaner counts; for tools that skip them (lexicon suggest, story
 * signatures). */
int clean_is_stopword(const char *w, size_t len);

#endif
