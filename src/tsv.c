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
	char *rbuf;		/* what was read ahead of the lines taken */
	size_t rpos, rlen;
};

/* Bytes read from the file at a time. */
#define TSV_CHUNK 65536

/*
 * Reads one line without its newline into b: 1 with a line, 0 at EOF, -1
 * for a line longer than TSV_MAX_LINE, refused as soon as it is that long,
 * so memory stays bounded whatever the file (a 2 GB sparse file, one line
 * of NULs, took 2 GB before it was refused; /dev/zero had no end). A
 * chunk at a time and memchr for the newline: getc per byte takes the
 * stream's lock every time in a program with threads, which made reading
 * the tables of a million articles half of framing stats' time.
 */
static int read_line(struct tsv *t, struct buf *b)
{
	int any = 0;

	buf_reset(b);
	for (;;) {
		char *start, *nl;
		size_t n;

		if (t->rpos == t->rlen) {
			t->rpos = 0;
			t->rlen = fread(t->rbuf, 1, TSV_CHUNK, t->f);
			if (!t->rlen)
				break;
		}
		start = t->rbuf + t->rpos;
		nl = memchr(start, '\n', t->rlen - t->rpos);
		n = nl ? (size_t)(nl - start) : t->rlen - t->rpos;
		any = 1;
		if (b->len + n > TSV_MAX_LINE)
			return -1;
		buf_add(b, start, n);
		t->rpos += n + (nl != NULL);
		if (nl)
			break;
	}
	if (!any)
		return 0;
	if (b->len && b->data[b->len - 1] == '\r')
		b->data[--b->len] = '\0';
	return 1;
}

/*
 * Splits b in place at tabs (fields point into b) and returns the number
 * of fields, keeping at most max + 1: one more than the caller takes is
 * enough to know the row is wrong, and a line of tabs does not become
 * millions of pointers.
 */
static size_t split_tabs(struct buf *b, char ***fields, size_t *alloc, size_t max)
{
	size_t n = 0;
	char *p = b->data ? b->data : (char *)"";

	for (;;) {
		char *tab = strchr(p, '\t');
		if (n <= max) {
			ALLOC_GROW(*fields, n + 1, *alloc);
			(*fields)[n] = p;
		}
		n++;
		if (!tab)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	return n;
}

static int too_long(const struct tsv *t, size_t line)
{
	return error("%s:%zu: a line of more than %lu bytes (not a table framing wrote?)",
		     t->name, line, (unsigned long)TSV_MAX_LINE);
}

struct tsv *tsv_open_stream(FILE *f, const char *name)
{
	struct tsv *t = xcalloc(1, sizeof(*t));
	size_t alloc = 0;

	int r;

	t->f = f;
	t->name = xstrdup(name);
	t->rbuf = xmalloc(TSV_CHUNK);
	r = read_line(t, &t->header);
	if (r <= 0) {
		if (r < 0)
			too_long(t, 1);
		else if (ferror(f))
			error("%s: read error: %s", name, strerror(errno));
		else
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
	t->ncols = split_tabs(&t->header, &t->names, &alloc, TSV_MAX_COLUMNS);
	if (t->ncols > TSV_MAX_COLUMNS) {
		error("%s:1: more than %d columns (not a table framing wrote?)", name,
		      TSV_MAX_COLUMNS);
		tsv_close(t);
		return NULL;
	}
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
	free(t->rbuf);
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
		int r = read_line(t, &t->row);
		size_t n;
		if (r < 0)
			return too_long(t, t->line + 1);
		if (!r) {
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
		n = split_tabs(&t->row, &t->fields, &t->fields_alloc, t->ncols);
		/* Not all of a wrong row's fields are kept: none is handed out. */
		t->nfields = n == t->ncols ? n : 0;
		if (n != t->ncols)
			return error("%s:%zu: %zu fields, but the header has %zu",
				     t->name, t->line, n, t->ncols);
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
