#include "buf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sanitize.h"
#include "util.h"
#include "xalloc.h"
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

void buf_add_shown(struct buf *b, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	buf_grow(b, len);
	b->data[b->len] = '\0';	/* an empty field is still a string */
	while (i < len) {
		uint32_t cp;
		size_t n;
		/* Printable ASCII, most of every field, goes in runs. */
		if (u[i] >= 0x20 && u[i] < 0x7F) {
			for (n = i + 1; n < len && u[n] >= 0x20 && u[n] < 0x7F; n++)
				;
			buf_add(b, s + i, n - i);
			i = n;
		} else if ((n = sanitize_decode(s + i, len - i, &cp)) == 0) {
			/* Invalid UTF-8 (names and titles from the web). */
			buf_adds(b, SANITIZE_INVALID);
			i++;
		} else {
			/* Tabs and newlines would break a row apart: the one rule
			 * of sanitize.h keeps none of them. */
			if (sanitize_printable(cp))
				buf_add(b, s + i, n);
			else
				buf_addch(b, SANITIZE_BLANK);
			i += n;
		}
	}
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
	/*
	 * Whole numbers below 10^6 print as integers under %.6g: no printf for
	 * them. The range first: a double beyond int64_t has no (int64_t) value.
	 */
	if (v > -1e6 && v < 1e6 && v == (double)(int64_t)v) {
		if (v < 0)
			buf_addch(b, '-');
		buf_add_uint(b, (uint64_t)(v < 0 ? -v : v));
		return;
	}
	buf_addf(b, "%.6g", v);
}

const char *buf_base_name(const char *path, struct buf *tmp)
{
	size_t len = strlen(path);
	const char *slash;

	while (len > 1 && path[len - 1] == '/')
		len--;
	buf_reset(tmp);
	buf_add(tmp, path, len);
	slash = strrchr(tmp->data, '/');
	return slash && slash[1] ? slash + 1 : tmp->data;
}

const char *buf_shown(struct buf *tmp, const char *s)
{
	buf_reset(tmp);
	buf_add_shown(tmp, s, strlen(s));
	return buf_str(tmp);
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
