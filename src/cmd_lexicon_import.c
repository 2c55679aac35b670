/*
 * framing lexicon import FILE.dic|FILE.dicx: converts a LIWC dictionary to
 * a .lex file, reporting whatever could not be carried over.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd_lexicon.h"
#include "dic.h"
#include "fsutil.h"
#include "outfile.h"
#include "util.h"
#include "banned.h"

static const char usage[] =
	"usage: framing lexicon import [--format dic|dicx] [-o FILE.lex] FILE\n"
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
	"write (a leading '[', '=', ' #', no letters at all).\n"
	"\n"
	"  -f, --format FORMAT  dic or dicx (default: from the file's extension)\n"
	"  -o, --output FILE    write FILE (default: standard output)\n"
	"\n"
	"example: framing lexicon import moral.dic -o lexicons/moral.lex\n";

int cmd_lexicon_import(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = NULL, *output = NULL, *input;
	enum dic_format f;
	struct dic_notes notes = DIC_NOTES_INIT;
	struct buf out = BUF_INIT;
	char *text;
	size_t len, i;
	int c, status = EXIT_OK;

	optind = 1;
	while ((c = getopt_long(argc, argv, "f:o:", longopts, NULL)) != -1) {
		switch (c) {
		case 'f': format = optarg; break;
		case 'o': output = optarg; break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: fputs(usage, stderr); return EXIT_USAGE;
		}
	}
	if (argc - optind != 1) {
		error("lexicon import needs one FILE");
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	input = argv[optind];
	if (format ? dic_format_from_name(format, &f) < 0 : dic_format_from_path(input, &f) < 0) {
		error("%s: say --format dic or dicx", format ? format : input);
		return EXIT_USAGE;
	}
	text = read_file(input, &len);
	if (!text) {
		error("%s: %s", input, strerror(errno));
		return EXIT_USAGE;
	}
	if (dic_import(input, text, len, f, &out, &notes) < 0)
		status = EXIT_USAGE;
	for (i = 0; i < notes.n; i++)
		warning("%s", notes.msg[i]);
	if (status == EXIT_OK && output) {
		/* outfile_commit frees the file even when it fails: no abort after it. */
		if (outfile_write_all(output, buf_str(&out), out.len) < 0)
			status = EXIT_FAILED;
	} else if (status == EXIT_OK) {
		fwrite(buf_str(&out), 1, out.len, stdout);
	}
	free(text);
	buf_release(&out);
	dic_notes_release(&notes);
	return status;
}
