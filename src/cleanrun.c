/*
 * "framing clean" as a function (see cleanrun.h): one article's lines, kept
 * or dropped with the reason, as the scores see them.
 */
#include "cleanrun.h"

#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "clean.h"
#include "corpus.h"
#include "fsutil.h"
#include "sanitize.h"
#include "source.h"
#include "text.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

void clean_run_opts_init(struct clean_run_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->in.max_bytes = SOURCE_DEFAULT_MAX_BYTES;
}

/*
 * Finds FILE in the manifest beside it, for its title and language; quiet
 * is the -q to return to.
 */
static void lookup_manifest(const char *file, char **title, char **lang, int quiet)
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
		util_set_quiet(quiet);
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
			buf_adds(out, SANITIZE_INVALID);
		else if (cp != '\t' && !sanitize_printable((uint32_t)cp))
			buf_addch(out, SANITIZE_BLANK);
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
	inform("%s: kept %zu of %zu lines, dropped %zu characters",
		where, r.n - blanks - r.dropped_lines, r.n - blanks, r.dropped_chars);
	clean_result_release(&r);
}

/*
 * One article file, with the title and language of the manifest beside it
 * unless o gives them.
 */
static int clean_file(const char *file, const struct clean_run_opts *o)
{
	size_t len;
	char *text = read_file(file, &len), *title, *lang;

	if (!text) {
		error("%s: %s", file, strerror(errno));
		return EXIT_USAGE;
	}
	title = o->title ? xstrdup(o->title) : NULL;
	lang = o->lang ? xstrdup(o->lang) : NULL;
	lookup_manifest(file, &title, &lang, o->quiet);
	if (!title)
		title = corpus_first_line(file);
	show(file, text, len, title, lang, o->kept_only);
	free(text);
	free(title);
	free(lang);
	return EXIT_OK;
}

/*
 * The first article with the id from a source, with its title and language
 * unless given; the rest of the input is not read.
 */
static int clean_source(const char *id, const struct clean_run_opts *o)
{
	struct source *src = source_open(&o->in);
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
			show(a.path, text, len, o->title ? o->title : a.title,
			     o->lang ? o->lang : source_lang(src, &a), o->kept_only);
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

int clean_run(const struct clean_run_opts *o)
{
	util_set_quiet(o->quiet);
	return o->in.jsonl ? clean_source(o->article, o) : clean_file(o->article, o);
}
