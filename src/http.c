/*
 * HTTP responses inside WARC records (see http.h): RFC 9112 message
 * framing as crawlers store it, read leniently (LF line ends, no reason
 * phrase), with chunked transfer coding and gzip/deflate content coding
 * undone over zlib.
 */
#include "http.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#include "util.h"
#include "xalloc.h"
#include "banned.h"

void http_payload_release(struct http_payload *p)
{
	buf_release(&p->mime);
	buf_release(&p->charset);
	buf_release(&p->lang);
	buf_release(&p->body);
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static const char *skip_ws(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

/* Appends [p, e) lowercased, without quotes and surrounding blanks. */
static void add_token(struct buf *b, const char *p, const char *e)
{
	p = skip_ws(p, e);
	while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	if (e - p >= 2 && *p == '"' && e[-1] == '"') {
		p++;
		e--;
	}
	for (; p < e; p++)
		buf_addch(b, lower(*p));
}

void http_content_type(struct http_payload *p, const char *v, size_t len)
{
	const char *e = v + len, *semi = memchr(v, ';', len);

	buf_reset(&p->mime);
	buf_reset(&p->charset);
	add_token(&p->mime, v, semi ? semi : e);
	while (semi) {
		const char *a = skip_ws(semi + 1, e), *next = memchr(a, ';', (size_t)(e - a));
		const char *end = next ? next : e;

		if (end - a > 8 && !strncasecmp(a, "charset=", 8)) {
			buf_reset(&p->charset);
			add_token(&p->charset, a + 8, end);
		}
		semi = next;
	}
}

/* Undoes chunked coding of [p, e) into out, at most max bytes; -1 when malformed, -2 over max. */
static int unchunk(const char *p, const char *e, size_t max, struct buf *out, const char **why)
{
	for (;;) {
		uint64_t n = 0;
		int digits = 0;

		for (; p < e; p++, digits++) {
			char c = lower(*p);
			int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
			if (d < 0)
				break;
			if (n > (UINT64_MAX >> 4)) {
				*why = "a chunk size beyond 2^64";
				return -1;
			}
			n = n << 4 | (uint64_t)d;
		}
		if (!digits) {
			*why = "a chunk without its size";
			return -1;
		}
		p = memchr(p, '\n', (size_t)(e - p));	/* chunk extensions */
		if (!p) {
			*why = "chunked body cut short";
			return -1;
		}
		p++;
		if (n == 0)
			return 0;
		if (n > (uint64_t)(e - p)) {
			*why = "chunked body cut short";
			return -1;
		}
		if (out->len + n > max) {
			*why = "body over --max-article-bytes";
			return -2;
		}
		buf_add(out, p, (size_t)n);
		p += n;
		if (p < e && *p == '\r')
			p++;
		if (p < e && *p == '\n')
			p++;
	}
}

/*
 * Inflates in[0, len) into out, at most max bytes: gzip (window 15 + 16),
 * zlib (15) or raw deflate (-15) as wbits says. -1 when damaged, -2 over max.
 */
static int inflate_body(const char *in, size_t len, int wbits, size_t max, struct buf *out,
			const char **why)
{
	z_stream z;
	unsigned char chunk[65536];
	int ret = Z_OK;

	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, wbits) != Z_OK)
		die("zlib: inflateInit2 failed");
	z.next_in = (unsigned char *)(uintptr_t)in;
	z.avail_in = (uInt)(len > UINT32_MAX ? UINT32_MAX : len);
	while (ret == Z_OK) {
		size_t got;

		z.next_out = chunk;
		z.avail_out = sizeof(chunk);
		ret = inflate(&z, Z_NO_FLUSH);
		got = sizeof(chunk) - z.avail_out;
		if (out->len + got > max) {
			inflateEnd(&z);
			*why = "a gzip or deflate body that inflates past --max-article-bytes "
			       "(a gzip bomb?); not inflated further";
			return -2;
		}
		buf_add(out, chunk, got);
		if (ret == Z_BUF_ERROR && !z.avail_in)
			break;	/* cut short: keep what was there */
	}
	inflateEnd(&z);
	if (ret != Z_STREAM_END && ret != Z_BUF_ERROR) {
		*why = "a gzip or deflate body that is damaged";
		return -1;
	}
	return 0;
}

/* Undoes the content coding named in coding (gzip, x-gzip, deflate; identity). */
static int decode_content(const struct buf *coding, struct buf *body, size_t max, const char **why)
{
	struct buf out = BUF_INIT;
	const char *c = buf_str(coding);
	int st;

	if (!*c || !strcmp(c, "identity"))
		return 0;
	if (!strcmp(c, "gzip") || !strcmp(c, "x-gzip")) {
		/* Crawlers that stored the body decoded may keep the header: look first. */
		if (body->len < 2 || (unsigned char)body->data[0] != 0x1f ||
		    (unsigned char)body->data[1] != 0x8b)
			return 0;
		st = inflate_body(body->data, body->len, 15 + 16, max, &out, why);
	} else if (!strcmp(c, "deflate")) {
		/* RFC 9110 says zlib; servers send raw deflate as well. */
		st = inflate_body(body->data, body->len, 15, max, &out, why);
		if (st == -1) {
			buf_reset(&out);
			st = inflate_body(body->data, body->len, -15, max, &out, why);
		}
	} else {
		*why = "a Content-Encoding other than gzip and deflate";
		return -1;
	}
	if (st == 0) {
		buf_release(body);
		*body = out;
	} else {
		buf_release(&out);
	}
	return st;
}

int http_read(struct http_payload *p, const char *block, size_t len, int response,
	      const char *content_type, size_t max, const char **why)
{
	const char *s = block, *e = block + len, *line;
	struct buf te = BUF_INIT, ce = BUF_INIT;
	int chunked = 0, st = 0;

	p->status = 0;
	buf_reset(&p->mime);
	buf_reset(&p->charset);
	buf_reset(&p->lang);
	buf_reset(&p->body);
	if (!response) {
		http_content_type(p, content_type, strlen(content_type));
		if (len > max) {
			*why = "body over --max-article-bytes";
			return -2;
		}
		buf_add(&p->body, block, len);
		return 0;
	}
	if (len < 12 || memcmp(s, "HTTP/", 5)) {
		*why = "a response record that does not hold an HTTP response";
		return -1;
	}
	line = memchr(s, ' ', (size_t)(e - s));
	if (!line || e - line < 4) {
		*why = "an HTTP status line without a status";
		return -1;
	}
	p->status = atoi(line + 1);
	s = memchr(s, '\n', (size_t)(e - s));
	while (s && ++s < e && *s != '\r' && *s != '\n') {
		const char *le = memchr(s, '\n', (size_t)(e - s)), *colon;
		size_t n;

		if (!le)
			le = e;
		colon = memchr(s, ':', (size_t)(le - s));
		if (colon) {
			n = (size_t)(colon - s);
#define IS(name) (n == sizeof(name) - 1 && !strncasecmp(s, name, n))
			if (IS("Content-Type"))
				http_content_type(p, colon + 1, (size_t)(le - colon - 1));
			else if (IS("Content-Language")) {
				const char *comma = memchr(colon + 1, ',', (size_t)(le - colon - 1));
				buf_reset(&p->lang);
				add_token(&p->lang, colon + 1, comma ? comma : le);
			} else if (IS("Transfer-Encoding")) {
				buf_reset(&te);
				add_token(&te, colon + 1, le);
			} else if (IS("Content-Encoding")) {
				buf_reset(&ce);
				add_token(&ce, colon + 1, le);
			}
#undef IS
		}
		s = le < e ? le : NULL;
	}
	if (!s || s >= e) {
		s = e;	/* headers without a body */
	} else {
		if (*s == '\r')
			s++;
		if (s < e && *s == '\n')
			s++;
	}
	chunked = strstr(buf_str(&te), "chunked") != NULL;
	if (chunked) {
		st = unchunk(s, e, max, &p->body, why);
	} else if ((size_t)(e - s) > max) {
		*why = "body over --max-article-bytes";
		st = -2;
	} else {
		buf_add(&p->body, s, (size_t)(e - s));
	}
	if (st == 0)
		st = decode_content(&ce, &p->body, max, why);
	buf_release(&te);
	buf_release(&ce);
	return st;
}
