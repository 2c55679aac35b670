#ifndef HTTP_H
#define HTTP_H

#include <stddef.h>

#include "buf.h"

/*
 * The payload of a WARC record: an HTTP response (status line, headers,
 * body) or, for a resource record, the body itself. The body is taken out
 * of chunked transfer coding and gzip or deflate content coding, never
 * inflated past a limit. The only module that reads HTTP.
 */
struct http_payload {
	int status;		/* 200; 0 for a resource record */
	struct buf mime;	/* "text/html", lowercase, "" when not given */
	struct buf charset;	/* from Content-Type, lowercase, "" when not given */
	struct buf lang;	/* Content-Language, its first tag, "" when not given */
	struct buf body;	/* decoded */
};

/*
 * Reads block[0, len) into p (reset first): an HTTP response when
 * response is set, else a body whose Content-Type is content_type (the
 * WARC header's). The body is kept to max bytes. Returns 0, -1 for a
 * message that is not HTTP or a coding that cannot be undone, -2 for a
 * body of more than max bytes once decoded (a gzip body is not inflated
 * further); why says what.
 */
int http_read(struct http_payload *p, const char *block, size_t len, int response,
	      const char *content_type, size_t max, const char **why);

/* Fills mime and charset from a Content-Type value ("text/html; charset=GBK"). */
void http_content_type(struct http_payload *p, const char *value, size_t len);

void http_payload_release(struct http_payload *p);

#endif
