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
#include <unistd.h>

#include "buf.h"
#include "clean.h"
#include "corpus.h"
#include "fsutil.h"
#include "htmlpage.h"
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

/* The line breaks (\n, \r\n or a lone \r) in text[start, end). */
static size_t line_breaks(const char *text, size_t start, size_t end)
{
	size_t i, n = 0;

	for (i = start; i < end; i++)
		n += text[i] == '\n' || (text[i] == '\r' && (i + 1 == end || text[i + 1] != '\n'));
	return n;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * Appends a paragraph that unwrapping joined from several lines as one
 * line: each line break, with the blanks around it, becomes one space.
 */
static void append_joined(struct buf *out, const char *text, size_t start, size_t end)
{
	size_t pos = start;

	while (pos < end) {
		size_t brk = pos, next, last;
		while (brk < end && text[brk] != '\n' && text[brk] != '\r')
			brk++;
		last = brk;
		if (brk < end)
			while (last > pos && is_blank(text[last - 1]))
				last--;
		append_shown(out, text, pos, last);
		if (brk == end)
			break;
		next = brk + 1 + (text[brk] == '\r' && brk + 1 < end && text[brk + 1] == '\n');
		while (next < end && is_blank(text[next]))
			next++;
		buf_addch(out, ' ');
		pos = next;
	}
}

/*
 * Prints every line, kept (+) or dropped (-) with its reason; a paragraph
 * joined from hard-wrapped lines is shown joined, with the lines of the
 * file it spans, so what the cleaner judged is what the user reads.
 */
static void print_lines(const char *text, const struct clean_result *r, int kept_only,
			const char *outlet)
{
	size_t i, at = 0, lineno = 1;

	for (i = 0; i < r->n; i++) {
		const struct clean_line *l = &r->lines[i];
		struct buf line = BUF_INIT, note = BUF_INIT;
		size_t inside = r->unwrap.n ? line_breaks(text, l->start, l->end) : 0;

		if (r->unwrap.n) {
			lineno += line_breaks(text, at, l->start);
			at = l->start;
		}
		if (inside) {
			append_joined(&line, text, l->start, l->end);
			buf_addf(&note, "joined lines %zu-%zu", lineno, lineno + inside);
		} else {
			append_shown(&line, text, l->start, l->end);
		}
		if (kept_only) {
			if (l->keep)
				printf("%s\n", buf_str(&line));
		} else if (l->keep) {
			printf(inside ? "+ %s  [%s]\n" : "+ %s\n", buf_str(&line), buf_str(&note));
		} else {
			struct buf reason = BUF_INIT;
			if (l->repeated && outlet) {
				buf_addf(&reason, "repeated in %lu articles of ", (unsigned long)l->repeated);
				append_shown(&reason, outlet, 0, strlen(outlet));
			} else {
				buf_adds(&reason, l->reason);
			}
			printf(inside ? "- %s  [%s; %s]\n" : "- %s  [%s]\n", buf_str(&line),
			       buf_str(&reason), buf_str(&note));
			buf_release(&reason);
		}
		buf_release(&line);
		buf_release(&note);
	}
}

/*
 * Cleans text as the scores see it (with the site templates of outlet in
 * t, when not NULL), prints the lines and a summary naming where; page:
 * what an HTML page's markup tells (NULL for text).
 */
static void show(const char *where, const char *text, size_t len, const char *title,
		 const char *lang, const char *outlet, const struct templates *t,
		 const struct htmlpage *page, int kept_only)
{
	struct clean_options opt;
	struct clean_result r = CLEAN_RESULT_INIT;
	struct templates_article ta = TEMPLATES_ARTICLE_INIT;
	size_t blanks;

	memset(&opt, 0, sizeof(opt));
	opt.enabled = 1;
	opt.title = title;
	opt.lang = lang;
	if (t) {
		templates_article_begin(&ta, t, outlet);
		opt.repeated = templates_repeated;
		opt.repeated_ctx = &ta;
	}
	if (page) {
		opt.hints = page->hints;
		opt.nhints = page->nhints;
		opt.blocks = 1;
	}
	clean_document(text, len, &opt, &r);
	templates_article_release(&ta);
	print_lines(text, &r, kept_only, outlet);
	blanks = blank_lines(text, &r);
	if (r.unwrap.n)
		inform("%s: hard-wrapped at %u columns; kept %zu of %zu paragraphs "
			"(unwrapped from %zu lines), dropped %zu characters", where,
			(unsigned)r.unwrap.width, r.n - blanks - r.dropped_lines, r.n - blanks,
			r.n - blanks + r.unwrap.n, r.dropped_chars);
	else
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
 * Whether the corpus folder dir lists file; then c holds it and *outlet is
 * the file's outlet (owned). Quiet: a folder that is not a corpus is only
 * not the file's.
 */
static int corpus_lists(const char *dir, const char *file, struct corpus *c, char **outlet)
{
	char *want = realpath(file, NULL);
	size_t i;
	int found = 0;

	util_set_quiet(1);
	util_set_message_sink(util_message_drop, NULL);
	if (want && corpus_load(dir, c) == 0) {
		for (i = 0; i < c->n && !found; i++) {
			char *have = realpath(c->articles[i].path, NULL);
			if (have && !strcmp(have, want)) {
				*outlet = xstrdup(c->articles[i].outlet);
				found = 1;
			}
			free(have);
		}
	}
	util_set_message_sink(NULL, NULL);
	util_set_quiet(0);
	free(want);
	if (!found)
		corpus_release(c);
	return found;
}

/*
 * The site templates of file's outlet: from o->templates.file, else built
 * from the articles of its outlet in the corpus that lists it (the folder
 * with a manifest beside the file, else the folder above, whose folders
 * are outlets). *t stays NULL without templates; -1 after a message.
 */
static int file_templates(const char *file, const struct clean_run_opts *o,
			  struct templates **t, char **outlet)
{
	char *copy = xstrdup(file), *dir = xstrdup(dirname(copy)), *parent, *manifest;
	struct corpus c = CORPUS_INIT;
	int found = 0;

	*t = NULL;
	free(copy);
	manifest = path_join(dir, "manifest.tsv");
	copy = xstrdup(dir);
	parent = xstrdup(dirname(copy));
	if (access(manifest, F_OK) == 0)
		found = corpus_lists(dir, file, &c, outlet);
	else if (strcmp(parent, dir))
		found = corpus_lists(parent, file, &c, outlet);
	if (!found) {
		/* A file outside a corpus: its folder's name stands for the outlet. */
		char *d = xstrdup(dir);
		*outlet = xstrdup(basename(d));
		free(d);
	}
	if (o->templates.file) {
		*t = templates_load(o->templates.file, o->templates.min);
	} else if (found) {
		struct source *src = source_corpus(&c, o->in.max_bytes);
		*t = templates_build(src, o->templates.min, *outlet, 0);
		source_free(src);
	}
	if (found)
		corpus_release(&c);
	free(copy);
	free(parent);
	free(manifest);
	free(dir);
	return o->templates.file && !*t ? -1 : 0;
}

/*
 * One article file, with the title and language of the manifest beside it
 * unless o gives them; an HTML page is read as a corpus reads it, its
 * title the page's when the manifest has none. Over --max-article-bytes it
 * is skipped, as score skips it in a folder: the size of the file (not of
 * a page's text) is looked at before the file is read.
 */
static int clean_file(const char *file, const struct clean_run_opts *o)
{
	struct article a;
	size_t len, limit = source_max_bytes(o->in.max_bytes);
	struct stat st;
	char *text, *title, *lang, *outlet = NULL;
	struct templates *t = NULL;

	if (stat(file, &st) == 0 && S_ISREG(st.st_mode) && (uint64_t)st.st_size > limit) {
		too_large(file, (size_t)st.st_size, limit);
		return EXIT_FAILED;
	}
	if (source_file(file, &a, &text, &len) < 0)
		return EXIT_USAGE;
	if (a.size > limit) {
		too_large(file, a.size, limit);
		article_release(&a, 0);
		free(text);
		return EXIT_FAILED;
	}
	if (!o->templates.off && file_templates(file, o, &t, &outlet) < 0) {
		article_release(&a, 0);
		free(text);
		free(outlet);
		return EXIT_USAGE;
	}
	title = o->title ? xstrdup(o->title) : NULL;
	lang = o->lang ? xstrdup(o->lang) : NULL;
	lookup_manifest(file, &title, &lang, o->quiet);
	if (!title || (a.page && !*title)) {
		free(title);
		title = a.page ? xstrdup(a.title) : corpus_first_line(file);
	}
	show(file, text, len, title, lang, outlet, t, a.page, o->kept_only);
	templates_free(t);
	free(outlet);
	article_release(&a, 0);
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
 * The site templates of the JSON Lines (templates_prepare), made from the
 * articles score reads: src reads every line whole (see clean_source), so
 * a file with a --max-article-bytes limit is opened again with it for the
 * table. Standard input is read once, by src. -1 after a message.
 */
static int source_templates(const struct clean_run_opts *o, struct source *src,
			    struct templates **t)
{
	struct source *limited;
	int r;

	if (!o->in.max_bytes || (o->in.jsonl && !strcmp(o->in.jsonl, "-")) || o->templates.off
	    || o->templates.file)
		return templates_prepare(&o->templates, 1, 0, src, t);
	if (!(limited = source_open(&o->in)))
		return -1;
	r = templates_prepare(&o->templates, 1, 0, limited, t);
	source_free(limited);
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
	struct templates *t = NULL;
	struct buf held = BUF_INIT;
	struct article a;
	size_t len, nextra, limit = source_max_bytes(o->in.max_bytes);
	char *text;
	int r, found = 0, status = EXIT_USAGE;

	in.max_bytes = 0;
	if (!(src = source_open(&in)))
		return EXIT_USAGE;
	if (source_templates(o, src, &t) < 0) {
		source_free(src);
		return EXIT_USAGE;
	}
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
			     o->lang ? o->lang : source_lang(src, &a), a.outlet, t, a.page,
			     o->kept_only);
			status = EXIT_OK;
		}
		article_release(&a, nextra);
		free(text);
	}
	if (!found)
		error("%s: no article with the id '%s'", source_name(src), id);
	templates_free(t);
	buf_release(&held);
	source_free(src);
	return status;
}

int clean_run(const struct clean_run_opts *o)
{
	util_set_quiet(o->quiet);
	return o->in.jsonl || o->in.warc.files.n ? clean_source(o->article, o)
						  : clean_file(o->article, o);
}
