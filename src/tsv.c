#include "tsv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

struct tsv {
	FILE *f;
	int owns_file;
	char *name;
	size_t line;
	struct buf header;
	char **names;
	size_t ncols;
	struct buf row;
	char **fields;
	size_t nfields, fields_alloc;
};

/*
 * Reads one line without its newline into b; returns 0 at EOF. getline
 * finds the newline in stdio's buffer with one scan: getc per byte takes
 * the stream's lock every time in a program with threads, which made
 * reading the tables of a million articles half of framing stats' time.
 * getline grows b->data with realloc, as buf does.
 */
static int read_line(FILE *f, struct buf *b)
{
	ssize_t n = getline(&b->data, &b->alloc, f);

	if (n < 0) {
		buf_reset(b);
		return 0;
	}
	b->len = (size_t)n;
	if (b->len && b->data[b->len - 1] == '\n')
		b->data[--b->len] = '\0';
	if (b->len && b->data[b->len - 1] == '\r')
		b->data[--b->len] = '\0';
	return 1;
}

/* Splits b in place at tabs; fields point into b. */
static size_t split_tabs(struct buf *b, char ***fields, size_t *alloc)
{
	size_t n = 0;
	char *p = b->data ? b->data : (char *)"";

	for (;;) {
		char *tab = strchr(p, '\t');
		ALLOC_GROW(*fields, n + 1, *alloc);
		(*fields)[n++] = p;
		if (!tab)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	return n;
}

struct tsv *tsv_open_stream(FILE *f, const char *name)
{
	struct tsv *t = xcalloc(1, sizeof(*t));
	size_t alloc = 0;

	t->f = f;
	t->name = xstrdup(name);
	if (!read_line(f, &t->header)) {
		error("%s: empty file, expected a header line", name);
		tsv_close(t);
		return NULL;
	}
	t->line = 1;
	if (t->header.len && memchr(t->header.data, '\0', t->header.len)) {
		error("%s:1: a NUL byte (not a text file?)", name);
		tsv_close(t);
		return NULL;
	}
	/* A UTF-8 byte order mark would otherwise stick to the first name. */
	if (t->header.len >= 3 && !memcmp(t->header.data, "\xEF\xBB\xBF", 3))
		memmove(t->header.data, t->header.data + 3, (t->header.len -= 3) + 1);
	t->ncols = split_tabs(&t->header, &t->names, &alloc);
	return t;
}

struct tsv *tsv_open(const char *path)
{
	FILE *f = fopen(path, "r");
	struct tsv *t;

	if (!f) {
		error("%s: %s", path, strerror(errno));
		return NULL;
	}
	t = tsv_open_stream(f, path);
	if (!t) {
		fclose(f);
		return NULL;
	}
	t->owns_file = 1;
	return t;
}

void tsv_close(struct tsv *t)
{
	if (!t)
		return;
	if (t->owns_file)
		fclose(t->f);
	free(t->name);
	free(t->names);
	free(t->fields);
	buf_release(&t->header);
	buf_release(&t->row);
	free(t);
}

size_t tsv_columns(const struct tsv *t)
{
	return t->ncols;
}

const char *tsv_column_name(const struct tsv *t, size_t i)
{
	return i < t->ncols ? t->names[i] : "";
}

long tsv_column(const struct tsv *t, const char *name)
{
	size_t i;
	for (i = 0; i < t->ncols; i++)
		if (!strcmp(t->names[i], name))
			return (long)i;
	return -1;
}

int tsv_next(struct tsv *t)
{
	for (;;) {
		if (!read_line(t->f, &t->row)) {
			if (ferror(t->f))
				return error("%s:%zu: read error: %s", t->name,
					     t->line + 1, strerror(errno));
			return 0;
		}
		t->line++;
		if (t->row.len == 0)
			continue;
		/* Fields are C strings: a NUL would cut a row silently. */
		if (memchr(t->row.data, '\0', t->row.len))
			return error("%s:%zu: a NUL byte (not a text file?)", t->name, t->line);
		t->nfields = split_tabs(&t->row, &t->fields, &t->fields_alloc);
		if (t->nfields != t->ncols)
			return error("%s:%zu: %zu fields, but the header has %zu",
				     t->name, t->line, t->nfields, t->ncols);
		return 1;
	}
}

const char *tsv_field(const struct tsv *t, size_t i)
{
	return i < t->nfields ? t->fields[i] : "";
}

size_t tsv_line(const struct tsv *t)
{
	return t->line;
}

const char *tsv_name(const struct tsv *t)
{
	return t->name;
}
