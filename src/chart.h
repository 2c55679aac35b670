#ifndef CHART_H
#define CHART_H

#include "buf.h"

/*
 * Drawing through gnuplot, the only module that starts a process. The
 * command is fixed ("gnuplot --default-settings"); data travels as numbers
 * in inline data blocks, and every piece of text (titles, labels, tic
 * names, the output file name) goes through chart_quote. Nothing a corpus,
 * a lexicon or a command line holds is ever spliced into a command
 * otherwise.
 */

enum chart_format {
	CHART_SVG = 1,
	CHART_PNG = 2
};

/*
 * Appends s to b as a gnuplot single-quoted string literal. Inside single
 * quotes gnuplot expands nothing (no backslash escapes, no `command`
 * substitution, no @macros); a quote is written doubled. Control
 * characters (newline, tab, ...) become spaces so the literal stays on
 * its line, and invalid UTF-8 becomes U+FFFD so the SVG stays valid XML.
 */
void chart_quote(struct buf *b, const char *s);
/* The same for a tic label, which gnuplot also reads as a printf format. */
void chart_quote_tic(struct buf *b, const char *s);

/* Appends a number gnuplot reads back exactly enough; NaN as NaN. */
void chart_num(struct buf *b, double v);

/* Whether a gnuplot executable is on PATH. */
int chart_available(void);

/*
 * Draws script (gnuplot commands without "set terminal" or "set output")
 * into path as SVG or PNG. width and height are the SVG size in pixels;
 * the PNG is drawn at twice the size with fonts and lines scaled alike,
 * so both look the same. The file is written under a temporary name and
 * renamed when gnuplot succeeded. gnuplot's own messages reach stderr as
 * it prints them. Returns 0, or -1 after a message.
 */
int chart_render(const char *path, enum chart_format fmt, int width, int height,
		 const char *script);

#endif
