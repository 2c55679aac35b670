#include "buf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

void buf_grow(struct buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need < b->len)
		die("buffer size overflow");
	ALLOC_GROW(b->data, need, b->alloc);
}

void buf_add(struct buf *b, const void *data, size_t len)
{
	buf_grow(b, len);
	memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_addch(struct buf *b, char c)
{
	buf_grow(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	buf_grow(b, 64);
	va_copy(cp, ap);
	n = vsnprintf(b->data + b->len, b->alloc - b->len, fmt, cp);
	va_end(cp);
	if (n < 0)
		die("formatting failed");
	if ((size_t)n >= b->alloc - b->len) {
		buf_grow(b, (size_t)n);
		n = vsnprintf(b->data + b->len, b->alloc - b->len, fmt, ap);
	}
	b->len += (size_t)n;
}

void buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(b, fmt, ap);
	va_end(ap);
}

void buf_add_tsv_field(struct buf *b, const char *s, size_t len)
{
	size_t i;

	buf_grow(b, len);
	for (i = 0; i < len; i++) {
		char c = s[i];
		/* Control bytes (tabs, newlines, NUL) would break a row apart. */
		b->data[b->len++] = ((unsigned char)c < 0x20 || c == 0x7F) ? ' ' : c;
	}
	b->data[b->len] = '\0';
}

void buf_add_uint(struct buf *b, uint64_t v)
{
	char digits[20];
	size_t n = 0;

	do {
		digits[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	buf_grow(b, n);
	while (n)
		b->data[b->len++] = digits[--n];
	b->data[b->len] = '\0';
}

void buf_add_double(struct buf *b, double v)
{
	/*
	 * Six significant digits are enough to compare with R and keep the
	 * tables short; NA (never nan or inf) keeps R and pandas reading them.
	 */
	if (!isfinite(v)) {
		buf_adds(b, "NA");
		return;
	}
	if (v == 0)
		v = 0;	/* no "-0" */
	buf_addf(b, "%.6g", v);
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void buf_release(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->alloc = 0;
}

char *buf_detach(struct buf *b)
{
	char *s = b->data ? b->data : xstrdup("");
	b->data = NULL;
	b->len = b->alloc = 0;
	return s;
}
