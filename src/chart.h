#ifndef CHART_H
#define CHART_H

#include "buf.h"

/*
 * Drawing through gnuplot, the only module that starts a process. The
 * command is fixed ("gnuplot --default-settings"); data travels as numbers
 * in inline data blocks, and every piece of text (titles, labels, tic
 * names, the output file name) is quoted by gpscript_quote (gpscript.h),
 * which leaves gnuplot nothing to expand. Nothing a corpus, a lexicon or
 * a command line holds is ever spliced into a command otherwise.
 */

enum chart_format {
	CHART_SVG = 1,
	CHART_PNG = 2
};

/* Whether a gnuplot executable is on PATH. */
int chart_available(void);

/*
 * Draws script (gnuplot commands without "set terminal" or "set output")
 * into path as SVG or PNG. width and height are the SVG size in pixels;
 * the PNG is drawn at twice the size with fonts and lines scaled alike,
 * so both look the same. The file is written under a temporary name and
 * renamed when gnuplot succeeded. gnuplot's own messages never reach
 * stderr as it prints them: when it succeeds they are dropped (warnings
 * about empty data and the like), when it fails each error is reported
 * with the script line it stopped at ("at line 12 of its script: plot
 * ..."). Returns 0, or -1 after a message.
 */
int chart_render(const char *path, enum chart_format fmt, int width, int height,
		 const char *script);

/*
 * chart_render into dir/name.svg and dir/name.png, those of formats
 * (CHART_SVG | CHART_PNG) only: every figure's pair of files. 0, or -1
 * after a message (the other format is still tried).
 */
int chart_render_files(const char *dir, const char *name, int formats, int width, int height,
		       const char *script);

#endif
