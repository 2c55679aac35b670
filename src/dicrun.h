#ifndef DICRUN_H
#define DICRUN_H

#include <stddef.h>

#include "dic.h"

/*
 * "framing lexicon import" and "framing lexicon export" as functions: the
 * files around the conversions of dic.h. What a conversion cannot carry
 * over is reported on stderr, one warning per note. The output is written
 * whole or not at all (outfile.h), or to standard output. Every string is
 * borrowed.
 */
struct dic_import_opts {
	const char *input;	/* a LIWC .dic or .dicx file */
	enum dic_format format;	/* of input */
	const char *output;	/* the .lex file; NULL: standard output */
	int quiet;		/* no warnings: what could not be carried over goes unsaid */
};

struct dic_export_opts {
	char *const *lexicons;	/* .lex files, all written as one dictionary */
	size_t nlexicons;
	enum dic_format format;
	const char *output;	/* NULL: standard output */
	int quiet;		/* no warnings (util_set_quiet) */
};

/*
 * Each returns an exit status: EXIT_OK, EXIT_USAGE (an input that cannot
 * be read or converted; nothing written) or EXIT_FAILED (a write error).
 */
int dic_import_run(const struct dic_import_opts *o);
int dic_export_run(const struct dic_export_opts *o);

#endif
