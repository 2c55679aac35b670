/*
 * framing clean FILE | --jsonl FILE ID: shows every line of an article, kept
 * or dropped, with the reason, so a user can see what the scores are
 * computed on.
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
#include "source.h"
#include "text.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

static const char usage[] =
	"usage: framing clean [--kept] [--title TITLE] [--lang CODE] FILE\n"
	"       framing clean [OPTIONS] [--max-article-bytes N] --jsonl FILE|- ID\n"
	"\n"
	"Prints every line of FILE: kept lines start with '+ ', dropped lines with\n"
	"'- ' and end with the reason in brackets. A summary goes to stderr.\n"
	"The title and language come from manifest.tsv beside FILE when it lists\n"
	"the file; otherwise the first non-empty line is the title.\n"
	"With --jsonl, the article is the first with the id ID in the JSON Lines,\n"
	"read as by framing score, with its title and lang fields.\n"
	"\n"
	"  --kept          print only the kept text, as the scores see it\n"
	"  --title TITLE   a line equal to TITLE is the headline and always kept\n"
	"  --lang CODE     the article's language (ISO 639-1, e.g. en); text in\n"
	"                  another script is dropped\n"
	"  --jsonl FILE    read the article ID from JSON Lines (- for standard input)\n"
	"  --max-article-bytes N  with --jsonl, skip larger articles with a message\n"
	"                  (default 52428800, 50 MB), as framing score\n"
	"\n"
	"examples: framing clean corpus/seeds/2014-10-20-china-daily-hard-to-resume-talks.txt\n"
	"          framing clean --jsonl articles.jsonl cd-2014-10-20\n";

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

/* Cleans text as the scores see it, prints the lines and a summary naming where. */
static void show(const char *where, const char *text, size_t len, const char *title,
		 const char *lang, int kept_only)
{
	struct clean_options opt = { NULL, NULL, 1, 0 };
	struct clean_result r = CLEAN_RESULT_INIT;
	size_t blanks;

	opt.title = title;
	opt.lang = lang;
	clean_document(text, len, &opt, &r);
	print_lines(text, &r, kept_only);
	blanks = blank_lines(text, &r);
	fprintf(stderr, "framing: %s: kept %zu of %zu lines, dropped %zu characters\n",
		where, r.n - blanks - r.dropped_lines, r.n - blanks, r.dropped_chars);
	clean_result_release(&r);
}

/*
 * One article file, with the title and language of the manifest beside it
 * unless given; title and lang are the caller's, freed here.
 */
static int clean_file(const char *file, char *title, char *lang, int kept_only)
{
	size_t len;
	char *text = read_file(file, &len);

	if (!text) {
		error("%s: %s", file, strerror(errno));
		free(title);
		free(lang);
		return EXIT_USAGE;
	}
	lookup_manifest(file, &title, &lang);
	if (!title)
		title = corpus_first_line(file);
	show(file, text, len, title, lang, kept_only);
	free(text);
	free(title);
	free(lang);
	return EXIT_OK;
}

/*
 * The first article with the id from a source, with its title and language
 * unless given; the rest of the input is not read.
 */
static int clean_source(const struct source_options *in, const char *id, const char *title,
			const char *lang, int kept_only)
{
	struct source *src = source_open(in);
	struct article a;
	size_t len, nextra;
	char *text;
	int r, status = EXIT_USAGE;

	if (!src)
		return EXIT_USAGE;
	source_extra_names(src, &nextra);
	while ((r = source_next(src, &a, &text, &len)) != 0) {
		if (r < 0)
			continue;
		if (!strcmp(a.id, id)) {
			show(a.path, text, len, title ? title : a.title,
			     lang ? lang : source_lang(src, &a), kept_only);
			status = EXIT_OK;
		}
		article_release(&a, nextra);
		free(text);
		if (status == EXIT_OK)
			break;
	}
	if (status != EXIT_OK)
		error("%s: no article with the id '%s'", source_name(src), id);
	source_free(src);
	return status;
}

int cmd_clean(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "kept", no_argument, NULL, 'k' },
		{ "title", required_argument, NULL, 't' },
		{ "lang", required_argument, NULL, 'L' },
		{ "jsonl", required_argument, NULL, 'J' },
		{ "max-article-bytes", required_argument, NULL, 'B' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct source_options in = SOURCE_OPTIONS_INIT;
	char *title = NULL, *lang = NULL;
	int kept_only = 0, c, status;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'k': kept_only = 1; break;
		case 't': free(title); title = xstrdup(optarg); break;
		case 'L': free(lang); lang = xstrdup(optarg); break;
		case 'J': in.jsonl = optarg; break;
		case 'B':
			if (source_parse_max_bytes(&in, optarg) < 0)
				goto usage;
			break;
		case 'h': fputs(usage, stdout); free(title); free(lang); return EXIT_OK;
		default: goto usage;
		}
	}
	if (argc - optind != 1)
		goto usage;
	if (!in.jsonl)
		return clean_file(argv[optind], title, lang, kept_only);
	status = clean_source(&in, argv[optind], title, lang, kept_only);
	free(title);
	free(lang);
	return status;
usage:
	fputs(usage, stderr);
	free(title);
	free(lang);
	return EXIT_USAGE;
}
