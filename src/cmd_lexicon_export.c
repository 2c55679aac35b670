/*
 * framing lexicon export FILE.lex... --format dic|dicx|yaml: writes the
 * lexicons for LIWC or quanteda, reporting whatever the format cannot hold.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd_lexicon.h"
#include "dic.h"
#include "lexicon.h"
#include "outfile.h"
#include "util.h"
#include "banned.h"

static const char usage[] =
	"usage: framing lexicon export [--format dic|dicx|yaml] [-o FILE] LEXICON...\n"
	"\n"
	"Writes the categories and entries of the LEXICON files (.lex) as\n"
	"  dic   LIWC's .dic: a '%' header of category ids, then TERM<tab>ID...\n"
	"  dicx  LIWC-22's .dicx: CSV with DicTerm and one column per category (X)\n"
	"  yaml  quanteda's YAML dictionary: category: [terms]; read it in R with\n"
	"        quanteda::dictionary(file = \"x.yml\") or yaml::read_yaml(\"x.yml\")\n"
	"Phrases and trailing * globs carry over as they are. What the format\n"
	"cannot hold is reported on stderr with its FILE:LINE:COL, never dropped\n"
	"silently: weights (none of the three has them), case-sensitive entries\n"
	"(LIWC and quanteda ignore case) and, in .dic/.dicx, category descriptions\n"
	"(YAML keeps them as comments).\n"
	"\n"
	"  -f, --format FORMAT  dic, dicx or yaml (default: from the -o extension)\n"
	"  -o, --output FILE    write FILE (default: standard output)\n"
	"\n"
	"example: framing lexicon export lexicons/stance.lex --format dic -o stance.dic\n";

int cmd_lexicon_export(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = NULL, *output = NULL;
	enum dic_format f;
	struct lexicon lx = LEXICON_INIT;
	struct dic_notes notes = DIC_NOTES_INIT;
	struct buf out = BUF_INIT;
	int c, bad = 0, status = EXIT_OK;
	size_t i;

	optind = 1;
	while ((c = getopt_long(argc, argv, "f:o:", longopts, NULL)) != -1) {
		switch (c) {
		case 'f': format = optarg; break;
		case 'o': output = optarg; break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: fputs(usage, stderr); return EXIT_USAGE;
		}
	}
	if (optind == argc) {
		error("lexicon export needs a LEXICON file");
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	if (format ? dic_format_from_name(format, &f) < 0
	    : !output || dic_format_from_path(output, &f) < 0) {
		error(format ? "unknown format '%s' (dic, dicx or yaml)"
		      : "say --format dic, dicx or yaml%s", format ? format : "");
		return EXIT_USAGE;
	}
	for (i = (size_t)optind; i < (size_t)argc; i++)
		if (lexicon_load(&lx, argv[i]) < 0)
			bad = -1;
	if (bad) {
		lexicon_release(&lx);
		return EXIT_USAGE;
	}
	dic_export(&lx, f, &out, &notes);
	for (i = 0; i < notes.n; i++)
		warning("%s", notes.msg[i]);
	if (output) {
		/* outfile_commit frees the file even when it fails: no abort after it. */
		if (outfile_write_all(output, buf_str(&out), out.len) < 0)
			status = EXIT_FAILED;
	} else {
		fwrite(buf_str(&out), 1, out.len, stdout);
	}
	buf_release(&out);
	dic_notes_release(&notes);
	lexicon_release(&lx);
	return status;
}
