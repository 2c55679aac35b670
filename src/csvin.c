/*
 * CSV records read with libcsv (see csvin.h). libcsv parses what it is
 * given and calls back for each field and record; it is given a line at a
 * time, so that each record knows the line it starts on, and the records a
 * line completes wait in a small queue until they are asked for.
 */
#include "csvin.h"

#include <csv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "util.h"
#include "xalloc.h"
#include "banned.h"

/*
 * libcsv's parser states (libcsv.c): before the first byte of a record
 * (ROW_NOT_BEGUN), and inside a field (FIELD_BEGUN), which with p.quoted
 * set is inside quotes. csv_fini reports a quote left open only in strict
 * mode, which refuses a quote inside an unquoted field as well (5"
 * floppy): csvin asks the state instead.
 */
#define CSV_ROW_NOT_BEGUN 0
#define CSV_FIELD_BEGUN 2

struct pending {
	struct buf fields;
	size_t line;
	size_t recno;		/* its number, the header's being 0 */
	int status;		/* 1, or -1: skipped after a message */
};

struct csvin {
	FILE *f;
	const char *name;
	unsigned char delim;
	size_t max;
	struct csv_parser p;
	char rbuf[65536];
	size_t rpos, rlen;
	off_t start;		/* where the stream began; -1: it cannot be read again */
	uint64_t off;		/* bytes given to the parser since start */
	size_t line;		/* newlines given to the parser */
	int eof, stopped, at_start;
	/* the record being read */
	struct buf cur;
	size_t ncur, rec_line;
	uint64_t rec_resync;	/* just past its first line; 0: not yet known */
	int nul, discard;
	size_t recno;		/* records done, the header being record 0 */
	size_t last;		/* the number of the record csvin_next gave last */
	/* records done, waiting */
	struct pending *q;
	size_t qhead, qn, qalloc;
	char **names;
	size_t nnames;
	int have_header;
};

/* RFC 4180 keeps the spaces around a field: libcsv would trim them. */
static int no_space(unsigned char ch)
{
	(void)ch;
	return 0;
}

static int parser_init(struct csvin *c)
{
	if (csv_init(&c->p, CSV_STRICT_FINI) != 0)
		return -1;
	csv_set_delim(&c->p, c->delim);
	csv_set_space_func(&c->p, no_space);
	return 0;
}

static void on_field(void *s, size_t len, void *data)
{
	struct csvin *c = data;

	c->ncur++;
	if (c->discard)
		return;
	if (len && memchr(s, '\0', len))
		c->nul = 1;
	buf_add(&c->cur, s, len);
	buf_addch(&c->cur, '\0');
}

static void take_header(struct csvin *c)
{
	const char *p = c->cur.data, *end = p + c->cur.len;
	size_t alloc = 0;

	c->have_header = 1;
	if (c->names)
		return;		/* read again after csvin_rewind: known already */
	while (p < end) {
		size_t len = strlen(p);
		ALLOC_GROW(c->names, c->nnames + 1, alloc);
		c->names[c->nnames++] = xstrndup(p, len);
		p += len + 1;
	}
}

static struct pending *queue_add(struct csvin *c, int status)
{
	struct pending *q;

	if (c->qhead == c->qn)
		c->qhead = c->qn = 0;
	ALLOC_GROW(c->q, c->qn + 1, c->qalloc);
	q = &c->q[c->qn++];
	memset(q, 0, sizeof(*q));
	q->line = c->rec_line;
	q->recno = c->recno + 1;
	q->status = status;
	return q;
}

static void end_record(struct csvin *c)
{
	struct pending *q;
	size_t n = c->recno + 1;
	int header = !c->have_header;

	if (header) {
		if (c->discard) {
			error("%s:1: a header of more than %zu bytes", c->name, c->max);
			c->stopped = 1;
		} else {
			take_header(c);
		}
	} else if (c->discard) {
		error("%s:%zu: record %zu: more than %zu bytes; skipped", c->name, c->rec_line, n,
		      c->max);
		queue_add(c, -1);
	} else if (c->nul) {
		error("%s:%zu: record %zu: a NUL byte, which text cannot hold; skipped", c->name,
		      c->rec_line, n);
		queue_add(c, -1);
	} else if (c->ncur != c->nnames) {
		error("%s:%zu: record %zu: %zu field%s, the header has %zu; skipped", c->name,
		      c->rec_line, n, c->ncur, c->ncur == 1 ? "" : "s", c->nnames);
		queue_add(c, -1);
	} else {
		q = queue_add(c, 1);
		q->fields = c->cur;
		memset(&c->cur, 0, sizeof(c->cur));
	}
	if (!header)
		c->recno = n;
	buf_reset(&c->cur);
	c->ncur = 0;
	c->nul = 0;
	c->discard = 0;
	c->rec_resync = 0;
}

static void on_record(int ch, void *data)
{
	(void)ch;
	end_record(data);
}

/* Refills the read buffer; returns the bytes now available (0 at the end). */
static size_t refill(struct csvin *c)
{
	if (c->rpos < c->rlen)
		return c->rlen - c->rpos;
	c->rpos = 0;
	c->rlen = fread(c->rbuf, 1, sizeof(c->rbuf), c->f);
	/* A UTF-8 byte order mark, as spreadsheets write it, is no part of the first name. */
	if (c->at_start) {
		c->at_start = 0;
		if (c->rlen >= 3 && !memcmp(c->rbuf, "\xef\xbb\xbf", 3)) {
			c->rpos = 3;
			c->off = 3;
		}
	}
	return c->rlen - c->rpos;
}

/* Forgets the parser's state and every record under way: reading starts at byte off. */
static int restart_at(struct csvin *c, uint64_t off, size_t line)
{
	csv_free(&c->p);
	if (parser_init(c) < 0 || c->start < 0 || fseeko(c->f, c->start + (off_t)off, SEEK_SET) != 0)
		return -1;
	c->rpos = c->rlen = 0;
	c->off = off;
	c->line = line;
	c->eof = 0;
	c->at_start = off == 0;
	buf_reset(&c->cur);
	c->ncur = 0;
	c->nul = 0;
	c->discard = 0;
	c->rec_resync = 0;
	return 0;
}

/*
 * The end of the input inside a quoted field: a quote was left open at
 * c->rec_line. The records after it are read again from the line after,
 * when the input can be read again.
 */
static void open_quote(struct csvin *c)
{
	size_t n = c->recno + 1;

	if (!c->have_header) {
		error("%s:1: the header has a quote that is not closed", c->name);
		c->stopped = 1;
		return;
	}
	if (c->rec_resync && c->start >= 0) {
		error("%s:%zu: record %zu: a quote opened in it is not closed before the end of "
		      "the input; skipped, reading on at line %zu", c->name, c->rec_line, n,
		      c->rec_line + 1);
		queue_add(c, -1);
		c->recno = n;
		if (restart_at(c, c->rec_resync, c->rec_line) < 0) {
			error("%s: cannot be read again: %s", c->name, "seek failed");
			c->stopped = 1;
		}
		return;
	}
	error("%s:%zu: record %zu: a quote opened in it is not closed before the end of the "
	      "input; skipped%s", c->name, c->rec_line, n,
	      c->rec_resync ? " with the rest of the input, which cannot be read again" : "");
	queue_add(c, -1);
	c->stopped = 1;
}

/* Gives the parser the rest of a line (or of the buffer); 0 at the end of the input. */
static int feed(struct csvin *c)
{
	char *start, *nl;
	size_t n;
	int began;

	if (!refill(c)) {
		if (c->eof)
			return 0;
		c->eof = 1;
		if (c->discard || (c->p.quoted && c->p.pstate == CSV_FIELD_BEGUN) ||
		    csv_fini(&c->p, on_field, on_record, c) != 0)
			open_quote(c);
		return 1;
	}
	start = c->rbuf + c->rpos;
	nl = memchr(start, '\n', c->rlen - c->rpos);
	n = nl ? (size_t)(nl - start) + 1 : c->rlen - c->rpos;
	began = c->p.pstate == CSV_ROW_NOT_BEGUN;
	if (began)
		c->rec_line = c->line + 1;
	if (csv_parse(&c->p, start, n, on_field, on_record, c) != n) {
		error("%s:%zu: %s", c->name, c->line + 1, csv_strerror(csv_error(&c->p)));
		c->stopped = 1;
		return 0;
	}
	c->rpos += n;
	c->off += n;
	if (nl) {
		c->line++;
		if (c->p.pstate != CSV_ROW_NOT_BEGUN && !c->rec_resync)
			c->rec_resync = c->off;
	}
	/*
	 * A record past the limit is read on to its end without being kept:
	 * its fields are dropped, and libcsv's field buffer is emptied as it
	 * fills (entry_pos and spaces are its public fill and its count of
	 * trailing spaces, which no_space keeps at 0).
	 */
	if (!c->discard && c->cur.len + c->p.entry_pos > c->max) {
		c->discard = 1;
		buf_release(&c->cur);
	}
	if (c->discard) {
		c->p.entry_pos = 0;
		c->p.spaces = 0;
	}
	return 1;
}

static int next_pending(struct csvin *c)
{
	while (c->qhead == c->qn) {
		if (c->stopped || !feed(c))
			return 0;
	}
	return 1;
}

struct csvin *csvin_open(FILE *f, const char *name, unsigned char delim, size_t max_record)
{
	struct csvin *c = xcalloc(1, sizeof(*c));
	struct stat st;

	c->f = f;
	c->name = name;
	c->delim = delim;
	c->max = max_record;
	c->start = -1;
	c->at_start = 1;
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode))
		c->start = ftello(f);
	if (parser_init(c) < 0)
		die("out of memory");
	while (!c->have_header && !c->stopped && feed(c))
		;
	return c;
}

void csvin_free(struct csvin *c)
{
	size_t i;

	if (!c)
		return;
	csv_free(&c->p);
	for (i = 0; i < c->nnames; i++)
		free(c->names[i]);
	free(c->names);
	for (i = c->qhead; i < c->qn; i++)
		buf_release(&c->q[i].fields);
	free(c->q);
	buf_release(&c->cur);
	free(c);
}

char *const *csvin_names(const struct csvin *c, size_t *n)
{
	*n = c->nnames;
	return c->names;
}

int csvin_next(struct csvin *c, struct buf *out, size_t *line)
{
	struct pending *q;
	struct buf swap;

	if (!next_pending(c))
		return 0;
	q = &c->q[c->qhead++];
	*line = q->line;
	c->last = q->recno;
	swap = *out;
	*out = q->fields;
	q->fields = swap;
	buf_release(&q->fields);
	return q->status;
}

size_t csvin_record(const struct csvin *c)
{
	return c->last;
}

int csvin_rewind(struct csvin *c)
{
	size_t i;

	for (i = c->qhead; i < c->qn; i++)
		buf_release(&c->q[i].fields);
	c->qhead = c->qn = 0;
	if (restart_at(c, 0, 0) < 0)
		return -1;
	c->have_header = 0;
	c->stopped = 0;
	c->recno = 0;
	while (!c->have_header && !c->stopped && feed(c))
		;
	return 0;
}

unsigned long long csvin_bytes_read(const struct csvin *c)
{
	return c->off;
}
