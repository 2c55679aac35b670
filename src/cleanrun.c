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
#include <sys/stat.h>

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

/* The message of an article over --max-article-bytes, in score's words; -1. */
static int too_large(const char *where, size_t len, size_t limit)
{
	return error("%s: %zu bytes, more than --max-article-bytes %zu; skipped", where, len, limit);
}

/*
 * One article file, with the title and language of the manifest beside it
 * unless o gives them. Over --max-article-bytes it is skipped, as score
 * skips it in a folder: the size is looked at before the file is read.
 */
static int clean_file(const char *file, const struct clean_run_opts *o)
{
	size_t len, limit = source_max_bytes(o->in.max_bytes);
	struct stat st;
	char *text, *title, *lang;

	if (stat(file, &st) == 0 && S_ISREG(st.st_mode) && (uint64_t)st.st_size > limit) {
		too_large(file, (size_t)st.st_size, limit);
		return EXIT_FAILED;
	}
	text = read_file(file, &len);
	if (!text) {
		error("%s: %s", file, strerror(errno));
		return EXIT_USAGE;
	}
	if (len > limit) {
		too_large(file, len, limit);
		free(text);
		return EXIT_FAILED;
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

static void hold_message(void *ctx, const char *line)
{
	buf_adds(ctx, line);
}

/*
 * The next article of src, with the messages reading it gave held in held
 * (util_set_message_sink): they are about an article the user may not have
 * asked for.
 */
static int next_held(struct source *src, struct article *a, char **text, size_t *len,
		     struct buf *held)
{
	int r;

	buf_reset(held);
	util_set_message_sink(hold_message, held);
	r = source_next(src, a, text, len);
	util_set_message_sink(NULL, NULL);
	return r;
}

/*
 * The first article with the id from a source, with its title and language
 * unless given; the rest of the input is not read. Only the messages of
 * that article are printed, and of lines that could not be read (one may
 * have been it). --max-article-bytes applies to that article alone: the id
 * of a line is known only once the line is read, so the source reads every
 * line whole (up to the most framing can score) and the limit is applied
 * here, with the article's id in the message.
 */
static int clean_source(const char *id, const struct clean_run_opts *o)
{
	struct source_options in = o->in;
	struct source *src;
	struct buf held = BUF_INIT;
	struct article a;
	size_t len, nextra, limit = source_max_bytes(o->in.max_bytes);
	char *text;
	int r, found = 0, status = EXIT_USAGE;

	in.max_bytes = 0;
	if (!(src = source_open(&in)))
		return EXIT_USAGE;
	source_extra_names(src, &nextra);
	while (!found && (r = next_held(src, &a, &text, &len, &held)) != 0) {
		if (r < 0) {
			fputs(buf_str(&held), stderr);
			continue;
		}
		found = !strcmp(a.id, id);
		if (found)
			fputs(buf_str(&held), stderr);
		if (found && len > limit) {
			error("%s: '%s': %zu bytes of text, more than --max-article-bytes %zu; skipped",
			      a.path, id, len, limit);
			status = EXIT_FAILED;
		} else if (found) {
			show(a.path, text, len, o->title ? o->title : a.title,
			     o->lang ? o->lang : source_lang(src, &a), o->kept_only);
			status = EXIT_OK;
		}
		article_release(&a, nextra);
		free(text);
	}
	if (!found)
		error("%s: no article with the id '%s'", source_name(src), id);
	buf_release(&held);
	source_free(src);
	return status;
}

int clean_run(const struct clean_run_opts *o)
{
	util_set_quiet(o->quiet);
	return o->in.jsonl ? clean_source(o->article, o) : clean_file(o->article, o);
}
