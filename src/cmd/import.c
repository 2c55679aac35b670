/*
 * framing import INPUT... -o DIR: a corpus folder with manifest.tsv made
 * from CSV, JSON Lines and folders of XML files. This file parses the
 * options; import_run (importrun.c) does the work.
 */
#include <stdio.h>

#include "cmd.h"
#include "date.h"
#include "importrun.h"
#include "options.h"
#include "source.h"
#include "util.h"
#include "banned.h"

static const char usage[] =
	"usage: framing import [--xml-fields TITLE,BODY,DATE] [--outlet NAME]\n"
	"                      [--delimiter C] [--max-article-bytes N] [-q]\n"
	"                      -o DIR INPUT...\n"
	"\n"
	"Writes the articles of every INPUT into DIR as a corpus folder: a folder\n"
	"per outlet, a file per article (OUTLET/ID.txt, or .html for a page; names\n"
	"made safe, never overwritten), and manifest.tsv with id, file, outlet,\n"
	"date, title and the extra columns of the inputs; so that articles can be\n"
	"looked at, edited and scored one by one. DIR must be new or empty. An\n"
	"INPUT is\n"
	"  FILE.csv, FILE.tsv  CSV as framing score --csv reads it (a header\n"
	"                      naming text or html, outlet, id, date, title, ...)\n"
	"  FILE.jsonl          JSON Lines as framing score --jsonl reads it\n"
	"  FILE.warc[.gz]      a WARC as framing score --warc reads it (pages\n"
	"                      written as .html, in UTF-8)\n"
	"  FOLDER              XML files (Reuters-21578's .sgm, NewsML, NITF):\n"
	"                      each element at the top of a file is an article\n"
	"Dates are written YYYY-MM-DD; these forms are read:\n"
	"  " DATE_FORMS "\n"
	"\n"
	"  -o, --output DIR    the corpus folder to write (new or empty)\n"
	"      --xml-fields TITLE,BODY,DATE  the element names of an XML article's\n"
	"                      title, text and date, in any case (Reuters-21578:\n"
	"                      TITLE,BODY,DATE)\n"
	"      --outlet NAME   the outlet of XML articles (default: the folder's name)\n"
	"      --delimiter C   of CSV inputs: ; or tab or another byte (default: ,\n"
	"                      and tab for .tsv)\n"
	"      --max-article-bytes N  skip larger articles (and XML files), as\n"
	"                      framing score (default: 52428800, 50 MB)\n"
	"  -q, --quiet         no warnings, no summary (errors are still printed)\n"
	"\n"
	"examples: framing import articles.csv -o corpus\n"
	"          framing import --xml-fields TITLE,BODY,DATE --outlet Reuters \\\n"
	"                         reuters21578/ -o reuters\n";

int cmd_import(int argc, char **argv)
{
	struct import_opts o;
	struct options_args args;
	const struct option_spec specs[] = {
		OPT_STRING('o', "output", &o.output),
		OPT_STRING(0, "xml-fields", &o.xml_fields),
		OPT_STRING(0, "outlet", &o.outlet),
		OPT_STRING(0, "delimiter", &o.delimiter),
		OPT_SIZE(0, "max-article-bytes", &o.max_bytes, 0, SOURCE_MAX_ARTICLE_BYTES),
		OPT_QUIET(&o.quiet),
		OPT_HELP(),
		OPT_END(),
	};
	enum options_result r;
	int status = EXIT_USAGE;

	import_opts_init(&o);
	r = options_parse(argc, argv, specs, usage, &args);
	if (r != OPTIONS_OK)
		return options_exit_status(r);
	if (!o.output) {
		error("missing -o DIR");
		fputs(usage, stderr);
	} else if (options_want_operands(&args, 1, -1, "an INPUT", usage) == OPTIONS_OK) {
		util_set_quiet(o.quiet);
		status = import_run(&o, args.v, args.n);
	}
	options_release(specs, &args);
	return status;
}
