/*
 * framing clean FILE: shows every line of an article, kept or dropped, with
 * the reason, so a user can see what the scores are computed on.
 */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "clean.h"
#include "cmd.h"
#include "corpus.h"
#include "fsutil.h"
#include "text.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

static const char usage[] =
	"usage: framing clean [--kept] [--title TITLE] [--lang CODE] FILE\n"
	"\n"
	"Prints every line of FILE: kept lines start with '+ ', dropped lines with\n"
	"'- ' and end with the reason in brackets. A summary goes to stderr.\n"
	"The title and language come from manifest.tsv beside FILE when it lists\n"
	"the file; otherwise the first non-empty line is the title.\n"
	"\n"
	"  --kept          print only the kept text, as the scores see it\n"
	"  --title TITLE   a line equal to TITLE is the headline and always kept\n"
	"  --lang CODE     the article's language (ISO 639-1, e.g. en); text in\n"
	"                  another script is dropped\n"
	"\n"
	"example: framing clean corpus/seeds/2014-10-20-china-daily-hard-to-resume-talks.txt\n";

/* Finds FILE in the manifest beside it, for its title and language. */
static void lookup_manifest(const char *file, char **title, char **lang)
{
	char *copy = xstrdup(file), *copy2 = xstrdup(file);
	const char *dir = dirname(copy), *base = basename(copy2);
	struct corpus c = CORPUS_INIT;
	char *manifest = path_join(dir, "manifest.tsv");
	FILE *probe = fopen(manifest, "r");
	size_t i;

	if (probe) {
		fclose(probe);
		/* A broken manifest is reported by score; here it only helps. */
		util_set_quiet(1);
		if (corpus_load(dir, &c) == 0) {
			for (i = 0; i < c.n; i++) {
				if (strcmp(c.articles[i].file, base))
					continue;
				if (!*title)
					*title = xstrdup(c.articles[i].title);
				if (!*lang && corpus_extra(&c, &c.articles[i], "lang"))
					*lang = xstrdup(corpus_extra(&c, &c.articles[i], "lang"));
			}
		}
		util_set_quiet(0);
		corpus_release(&c);
	}
	free(manifest);
	free(copy);
	free(copy2);
}

static size_t blank_lines(const char *text, const struct clean_result *r)
{
	size_t i, j, n = 0;

	for (i = 0; i < r->n; i++) {
		for (j = r->lines[i].start; j < r->lines[i].end; j++)
			if (text[j] != ' ' && text[j] != '\t')
				break;
		n += j == r->lines[i].end;
	}
	return n;
}

/*
 * Appends text[start, end) as it is, but never its raw bytes where they
 * would harm: a NUL would cut the line, control characters from the web
 * (escape sequences) would reach the terminal, and invalid UTF-8 becomes
 * U+FFFD as everywhere else. Tabs and other white space stay as written.
 */
static void append_shown(struct buf *out, const char *text, size_t start, size_t end)
{
	size_t pos = start;

	while (pos < end) {
		size_t at = pos;
		int bad = 0;
		int32_t cp = text_decode(text, end, &pos, &bad);

		if (bad)
			buf_adds(out, "\xEF\xBF\xBD");
		else if ((cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp < 0xA0))
			buf_addch(out, ' ');
		else
			buf_add(out, text + at, pos - at);
	}
}

static void print_lines(const char *text, const struct clean_result *r, int kept_only)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		const struct clean_line *l = &r->lines[i];
		struct buf line = BUF_INIT;

		append_shown(&line, text, l->start, l->end);
		if (kept_only) {
			if (l->keep)
				printf("%s\n", buf_str(&line));
		} else if (l->keep) {
			printf("+ %s\n", buf_str(&line));
		} else {
			printf("- %s  [%s]\n", buf_str(&line), l->reason);
		}
		buf_release(&line);
	}
}

int cmd_clean(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "kept", no_argument, NULL, 'k' },
		{ "title", required_argument, NULL, 't' },
		{ "lang", required_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct clean_options opt = { NULL, NULL, 1, 0 };
	struct clean_result r = CLEAN_RESULT_INIT;
	char *title = NULL, *lang = NULL, *text;
	int kept_only = 0, c;
	size_t len, blanks;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'k': kept_only = 1; break;
		case 't': free(title); title = xstrdup(optarg); break;
		case 'L': free(lang); lang = xstrdup(optarg); break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: fputs(usage, stderr); return EXIT_USAGE;
		}
	}
	if (argc - optind != 1) {
		fputs(usage, stderr);
		free(title);
		free(lang);
		return EXIT_USAGE;
	}
	text = read_file(argv[optind], &len);
	if (!text) {
		error("%s: %s", argv[optind], strerror(errno));
		free(title);
		free(lang);
		return EXIT_USAGE;
	}
	lookup_manifest(argv[optind], &title, &lang);
	if (!title)
		title = corpus_first_line(argv[optind]);
	opt.title = title;
	opt.lang = lang;
	clean_document(text, len, &opt, &r);
	print_lines(text, &r, kept_only);
	blanks = blank_lines(text, &r);
	fprintf(stderr, "framing: %s: kept %zu of %zu lines, dropped %zu characters\n",
		argv[optind], r.n - blanks - r.dropped_lines, r.n - blanks, r.dropped_chars);
	clean_result_release(&r);
	free(text);
	free(title);
	free(lang);
	return EXIT_OK;
}
