/*
 * framing lexicon export FILE.lex... --format dic|dicx|yaml: writes the
 * lexicons for LIWC or quanteda, reporting whatever the format cannot hold.
 * This file parses the options; dic_export_run (dicrun.c) does the work.
 */
#include <stdio.h>

#include "cmd.h"
#include "dicrun.h"
#include "options.h"
#include "util.h"
#include "banned.h"

static const char usage[] =
	"usage: framing lexicon export [--format dic|dicx|yaml] [-o FILE] [-q]\n"
	"                              LEXICON...\n"
	"\n"
	"Writes the categories and entries of the LEXICON files (.lex) as\n"
	"  dic   LIWC's .dic: a '%' header of category ids, then TERM<tab>ID...\n"
	"  dicx  LIWC-22's .dicx: CSV with DicTerm and one column per category (X,\n"
	"        or the entry's weight when it is not 1)\n"
	"  yaml  quanteda's YAML dictionary: category: [terms]; read it in R with\n"
	"        quanteda::dictionary(file = \"x.yml\") or yaml::read_yaml(\"x.yml\")\n"
	"Phrases and trailing * globs carry over as they are. What the format\n"
	"cannot hold is reported on stderr with its FILE:LINE:COL, never dropped\n"
	"silently (unless -q): weights (.dic and YAML have none), case-sensitive entries\n"
	"(LIWC and quanteda ignore case), in .dic/.dicx category descriptions\n"
	"(YAML keeps them as comments), and the @index, @actors and @voice lines\n"
	"(no format has them). When nothing is lost, one line says so.\n"
	"\n"
	"  -f, --format FORMAT  dic, dicx or yaml (default: from the -o extension)\n"
	"  -o, --output FILE    write FILE (default: standard output)\n"
	"  -q, --quiet          no warnings: what the format cannot hold goes\n"
	"                       unsaid (errors are still printed)\n"
	"\n"
	"example: framing lexicon export lexicons/stance.lex --format dic -o stance.dic\n";

int cmd_lexicon_export(int argc, char **argv)
{
	struct dic_export_opts o = { NULL, 0, DIC_LIWC, NULL, 0 };
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
	if (options_want_operands(&args, 1, -1, "a LEXICON file", usage) != OPTIONS_OK)
		goto out;
	if (format && dic_format_from_name(format, &o.format) < 0) {
		error("option '--format': '%s' is not dic, dicx or yaml", format);
		fputs(usage, stderr);
	} else if (!format && (!o.output || dic_format_from_path(o.output, &o.format) < 0)) {
		error("missing --format dic, dicx or yaml (or -o FILE with one of them as extension)");
		fputs(usage, stderr);
	} else {
		o.lexicons = args.v;
		o.nlexicons = (size_t)args.n;
		status = dic_export_run(&o);
	}
out:
	options_release(specs, &args);
	return status;
}
