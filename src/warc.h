#ifndef WARC_H
#define WARC_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "buf.h"

/*
 * WARC records (ISO 28500, WARC/1.0 and 1.1) read one at a time from a
 * .warc or .warc.gz stream in constant memory. A .warc.gz is read over
 * zlib, gzip member after gzip member, so both layouts are one code path:
 * a member per record (Common Crawl, Heritrix, wget) and one member for
 * the whole file. The only module that reads the WARC framing; the HTTP
 * message inside a record is http.c's.
 *
 * Damage is reported and stepped over: a record cut short (its gzip
 * member or the file ends first), a header that is not WARC, a
 * Content-Length that is not a number, beyond 2^63 or past the end of a
 * plain file. Reading goes on at the next gzip member, or at the next line
 * that starts "WARC/1." in a plain file, so nothing after the damage is
 * lost. A member that inflates far past the limit while being skipped (a
 * gzip bomb) is not inflated further.
 */
struct warc;

/* One record's WARC headers (owned; valid until the next warc_next) and its block. */
struct warc_record {
	struct buf type, id, uri, date, content_type;
	uint64_t length;	/* Content-Length of the block */
	uint64_t offset;	/* where the record starts: see warc_next */
	struct buf block;	/* the block, when kept */
	int kept;		/* 1: block holds it; 0: skipped (not wanted, or over the limit) */
	int too_large;		/* wanted but over the limit: skipped */
};

/*
 * Reads f (borrowed; name is for messages). A block is kept when want says
 * so and it has at most max_block bytes; others are skipped unread (plain)
 * or inflated and dropped (gzip).
 */
struct warc *warc_open(FILE *f, const char *name, size_t max_block);
void warc_free(struct warc *w);

/*
 * The next record: 1 with one, 0 at the end, -1 after a message about a
 * damaged record (call again: reading has gone on past it). want is asked
 * once the headers are read. offset is the file offset of the gzip member
 * the record starts, or of the record in a plain file; in a whole-file
 * gzip, the offset in the inflated stream (the messages say which).
 */
int warc_next(struct warc *w, struct warc_record *r,
	      int (*want)(const struct warc_record *r, void *ctx), void *ctx);

void warc_record_release(struct warc_record *r);

/* Bytes of the file read so far (compressed bytes for a .warc.gz). */
uint64_t warc_bytes_read(const struct warc *w);

/* Whether the stream is gzip (known after the first warc_next). */
int warc_is_gzip(const struct warc *w);

#endif
