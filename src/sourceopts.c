/*
 * The input options shared by every command that reads articles (see
 * sourceopts.h): the CORPUS-or---jsonl rule, written once.
 */
#include "sourceopts.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <unistd.h>

#include "fsutil.h"
#include "util.h"
#include "banned.h"

static enum options_result usage_error(const char *usage)
{
	fputs(usage, stderr);
	return OPTIONS_ERROR;
}

/* The byte --delimiter names: one byte, or "tab"; -1 for another. */
static int delimiter_byte(const char *d)
{
	if (!strcmp(d, "tab") || !strcmp(d, "\\t"))
		return '\t';
	if (strlen(d) != 1 || *d == '"' || *d == '\n' || *d == '\r')
		return -1;
	return (unsigned char)*d;
}

/* --csv: the stream is in->jsonl as well (see struct source_options). */
static int check_csv(struct source_options *in)
{
	int d;

	if (in->delimiter && !in->csv)
		return error("--delimiter is for --csv");
	if (!in->csv)
		return 0;
	if (in->jsonl && in->jsonl != in->csv)
		return error("give either --jsonl or --csv, not both");
	in->jsonl = in->csv;
	d = delimiter_byte(in->delimiter ? in->delimiter : ",");
	if (d < 0)
		return error("--delimiter: '%s' is not one byte (or tab) other than a quote or "
			     "a line end", in->delimiter);
	in->delim = (char)d;
	return 0;
}

/* Whether the articles come from a stream option (--jsonl, --csv, --warc), not a CORPUS folder. */
static int streamed(const struct source_options *in)
{
	return in->jsonl || in->warc.files.n;
}

enum options_result sourceopts_check(struct source_options *in, const char *usage)
{
	if (check_csv(in) < 0)
		return usage_error(usage);
	if (in->dir && streamed(in)) {
		error("give either a CORPUS folder or --jsonl, not both");
		return usage_error(usage);
	}
	if (in->jsonl && in->warc.files.n) {
		error("give one of --jsonl, --csv and --warc");
		return usage_error(usage);
	}
	if (!in->warc.files.n && (in->warc.url_pattern || in->warc.outlets ||
				  in->warc.drop_unlisted || in->warc.max_articles || in->warc.lang)) {
		error("--url-pattern, --outlets, --drop-unlisted, --max-articles and --lang "
		      "filter --warc input");
		return usage_error(usage);
	}
	if (in->warc.drop_unlisted && !in->warc.outlets) {
		error("--drop-unlisted goes with --outlets FILE.tsv");
		return usage_error(usage);
	}
	return OPTIONS_OK;
}

/* Removes operand i of args, keeping the order of the others. */
static const char *take_operand(struct options_args *args, int i)
{
	const char *v = args->v[i];

	memmove(args->v + i, args->v + i + 1, (size_t)(args->n - i) * sizeof(*args->v));
	args->n--;
	return v;
}

static int is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * With --jsonl a command that takes any number of operands (kwic's
 * PATTERNs) would read a folder given as well as a pattern: a folder is no
 * pattern, so it can only be a CORPUS given beside --jsonl.
 */
static int has_dir_operand(const struct options_args *args)
{
	int i;

	for (i = 0; i < args->n; i++)
		if (is_dir(args->v[i]))
			return 1;
	return 0;
}

enum options_result sourceopts_corpus(struct source_options *in, struct options_args *args,
				      int nother, const char *const *missing, const char *usage)
{
	int at = nother < 0 ? 0 : nother;

	if (sourceopts_check(in, usage) != OPTIONS_OK)
		return OPTIONS_ERROR;
	/* --warc FILE...: the operands beyond the command's own are more WARC files. */
	while (in->warc.files.n && nother >= 0 && args->n > nother)
		options_list_add(&in->warc.files, take_operand(args, nother));
	if (nother >= 0 && args->n < nother)
		error("missing %s", missing[args->n]);
	else if (streamed(in) && (nother >= 0 ? args->n > nother : has_dir_operand(args)))
		error("give either a CORPUS folder or --jsonl, not both");
	else if (!streamed(in) && args->n == at)
		error("missing a CORPUS folder (or --jsonl FILE)");
	else if (nother >= 0 && args->n > nother + !streamed(in))
		error("unexpected argument '%s'", args->v[nother + 1]);
	else {
		if (!streamed(in))
			in->dir = take_operand(args, at);
		return OPTIONS_OK;
	}
	return usage_error(usage);
}

size_t sourceopts_each_input(const struct source_options *in,
			     void (*fn)(void *ctx, const char *path), void *ctx)
{
	size_t i, n = 0;
	char *manifest;

	if (in->jsonl) {
		fn(ctx, in->jsonl);
		return 1;
	}
	for (i = 0; i < in->warc.files.n; i++, n++)
		fn(ctx, in->warc.files.items[i]);
	if (n || !in->dir)
		return n;
	manifest = path_join(in->dir, "manifest.tsv");
	if (access(manifest, F_OK) == 0) {
		fn(ctx, manifest);
		n = 1;
	}
	free(manifest);
	return n;
}

static void note_input(void *unused, const char *path)
{
	(void)unused;
	fsutil_note_input(path);
}

void sourceopts_note_inputs(const struct source_options *in)
{
	sourceopts_each_input(in, note_input, NULL);
}
