#include "buf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/*
 * Length of the well-formed UTF-8 sequence at s (left bytes remain), 0 when
 * there is none: the rules of text_decode (no overlongs, no surrogates,
 * nothing above U+10FFFF), kept here so that buf stays below text.
 */
static size_t utf8_sequence(const unsigned char *s, size_t left)
{
	unsigned char b = s[0], lo = 0x80, hi = 0xBF;
	size_t n, i;

	if (b >= 0xC2 && b <= 0xDF)
		n = 2;
	else if (b >= 0xE0 && b <= 0xEF)
		n = 3;
	else if (b >= 0xF0 && b <= 0xF4)
		n = 4;
	else
		return 0;
	if (b == 0xE0)
		lo = 0xA0;
	else if (b == 0xED)
		hi = 0x9F;
	else if (b == 0xF0)
		lo = 0x90;
	else if (b == 0xF4)
		hi = 0x8F;
	if (left < n)
		return 0;
	for (i = 1; i < n; i++)
		if (i == 1 ? (s[i] < lo || s[i] > hi) : (s[i] < 0x80 || s[i] > 0xBF))
			return 0;
	return n;
}

void buf_add_tsv_field(struct buf *b, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	buf_grow(b, len);
	b->data[b->len] = '\0';	/* an empty field is still a string */
	while (i < len) {
		size_t n;
		/* Control bytes (tabs, newlines, NUL) would break a row apart. */
		if (u[i] >= 0x20 && u[i] < 0x7F) {
			for (n = i + 1; n < len && u[n] >= 0x20 && u[n] < 0x7F; n++)
				;
			buf_add(b, s + i, n - i);
			i = n;
		} else if (u[i] < 0x80) {
			buf_addch(b, ' ');
			i++;
		} else if ((n = utf8_sequence(u + i, len - i)) > 0) {
			buf_add(b, s + i, n);
			i += n;
		} else {
			/* Invalid UTF-8 (names and titles from the web): U+FFFD per
			 * byte, as in article text, so every table is valid UTF-8. */
			buf_add(b, "\xEF\xBF\xBD", 3);
			i++;
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
	/* Whole numbers below 10^6 print as integers under %.6g: no printf for them. */
	if (v == (double)(int64_t)v && v > -1e6 && v < 1e6) {
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
