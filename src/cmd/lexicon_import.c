/*
 * framing lexicon import FILE.dic|FILE.dicx: converts a LIWC dictionary to
 * a .lex file, reporting whatever could not be carried over.
 * This file parses the options; dic_import_run (dicrun.c) does the work.
 */
#include <stdio.h>

#include "cmd.h"
#include "dicrun.h"
#include "options.h"
#include "util.h"
#include "banned.h"

static const char usage[] =
	"usage: framing lexicon import [--format dic|dicx] [-o FILE.lex] [-q] FILE\n"
	"\n"
	"Converts a LIWC dictionary to a framing lexicon:\n"
	"  .dic   a line '%', one 'ID NAME' line per category, a line '%', then\n"
	"         one 'TERM ID...' line per term (tabs or spaces; a TERM may be a\n"
	"         phrase and end in *)\n"
	"  .dicx  LIWC-22's CSV: DicTerm, then one column per category with X in\n"
	"         the rows of its terms (a number instead of X becomes a weight)\n"
	"Category names become lower case a-z, 0-9 and _. Everything that cannot\n"
	"be carried over is reported on stderr with its FILE:LINE: LIWC2007\n"
	"conditional categories, unknown category ids, terms that .lex cannot\n"
	"write (a leading '[' or '@', '=', ' #', no letters at all). When nothing\n"
	"is lost, one line says so.\n"
	"\n"
	"  -f, --format FORMAT  dic or dicx (default: from the file's extension)\n"
	"  -o, --output FILE    write FILE (default: standard output)\n"
	"  -q, --quiet          no warnings: what cannot be carried over goes\n"
	"                       unsaid (errors are still printed)\n"
	"\n"
	"example: framing lexicon import moral.dic -o lexicons/moral.lex\n";

int cmd_lexicon_import(int argc, char **argv)
{
	struct dic_import_opts o = { NULL, DIC_LIWC, NULL, 0 };
	struct options_args args;
	const char *format = NULL;
	const struct option_spec specs[] = {
		OPT_STRING('f', "format", &format),
		OPT_STRING('o', "output", &o.output),
		OPT_QUIET(&o.quiet),
		OPT_HELP(),
		OPT_END(),
	};
	enum options_result r;
	int status = EXIT_USAGE;

	r = options_parse(argc, argv, specs, usage, &args);
	if (r != OPTIONS_OK)
		return options_exit_status(r);
	if (options_want_operands(&args, 1, 1, "a FILE", usage) != OPTIONS_OK)
		goto out;
	o.input = args.v[0];
	if (format && dic_format_from_name(format, &o.format) < 0) {
		error("option '--format': '%s' is not dic or dicx", format);
		fputs(usage, stderr);
	} else if (!format && dic_format_from_path(o.input, &o.format) < 0) {
		error("missing --format dic or dicx ('%s' has neither extension)", o.input);
		fputs(usage, stderr);
	} else {
		status = dic_import_run(&o);
	}
out:
	options_release(specs, &args);
	return status;
}
