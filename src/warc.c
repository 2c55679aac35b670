/*
 * WARC records over stdio and zlib (see warc.h). Measured against
 * libarchive's WARC reader (README, "Input"): libarchive gives neither
 * WARC-Record-ID nor the record's Content-Type, skips request and metadata
 * records unseen, and stops at the first damaged record; this reader is
 * the WARC framing only (headers, Content-Length, gzip members).
 */
#include "warc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <zlib.h>

#include "util.h"
#include "xalloc.h"
#include "banned.h"

/* The longest WARC header block; Common Crawl's are under 1 KB. */
#define WARC_MAX_HEADER 65536
/* A record skipped while it inflates this many times its compressed size is a gzip bomb. */
#define WARC_BOMB_RATIO 100

struct warc {
	FILE *f;
	const char *name;
	size_t max_block;
	uint64_t file_size;	/* a plain regular file's size, else 0 */
	int started, gz;
	/* gzip: the compressed input */
	z_stream z;
	int zinit;
	unsigned char in[65536];
	uint64_t in_off;	/* file offset of in[0] */
	int in_eof;
	int member_open;	/* inside a member */
	int member_end;		/* a member ended: fill gives 0 until warc_advance */
	int scan;		/* look for the next member (after damage), not just the next bytes;
				   2 after a damaged member, whose loss is counted */
	uint64_t member_off;	/* file offset where the current member began */
	uint64_t member_pos;	/* stream offset where it began */
	/* the (inflated) stream */
	unsigned char out[65536];
	size_t opos, olen;
	uint64_t pos;		/* stream bytes consumed */
	int eof;
	int have_prefix;	/* resync consumed "WARC/1." of the next record */
	/*
	 * gzip damage seen between records (a member that does not inflate,
	 * bytes that are no member): each may have held a record, so
	 * warc_next reports it as a damaged one rather than reading on silently.
	 */
	uint64_t losses;
};

struct warc *warc_open(FILE *f, const char *name, size_t max_block)
{
	struct warc *w = xcalloc(1, sizeof(*w));
	struct stat st;

	w->f = f;
	w->name = name;
	w->max_block = max_block;
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode))
		w->file_size = (uint64_t)st.st_size;
	return w;
}

void warc_free(struct warc *w)
{
	if (!w)
		return;
	if (w->zinit)
		inflateEnd(&w->z);
	free(w);
}

void warc_record_release(struct warc_record *r)
{
	buf_release(&r->type);
	buf_release(&r->id);
	buf_release(&r->uri);
	buf_release(&r->date);
	buf_release(&r->content_type);
	buf_release(&r->block);
}

int warc_is_gzip(const struct warc *w)
{
	return w->gz;
}

/* The file offset of the next compressed byte. */
static uint64_t zoff(const struct warc *w)
{
	return w->in_off + (uint64_t)(w->z.next_in - w->in);
}

uint64_t warc_bytes_read(const struct warc *w)
{
	return w->gz ? zoff(w) : w->pos;
}

/* At least need compressed bytes at z.next_in when the file has them; returns how many there are. */
static size_t in_want(struct warc *w, size_t need)
{
	size_t n;

	if (w->z.avail_in >= need || w->in_eof)
		return w->z.avail_in;
	w->in_off += (uint64_t)(w->z.next_in - w->in);
	memmove(w->in, w->z.next_in, w->z.avail_in);
	w->z.next_in = w->in;
	n = fread(w->in + w->z.avail_in, 1, sizeof(w->in) - w->z.avail_in, w->f);
	if (n == 0)
		w->in_eof = 1;
	w->z.avail_in += (uInt)n;
	return w->z.avail_in;
}

static void drop_in(struct warc *w, size_t n)
{
	w->z.next_in += n;
	w->z.avail_in -= (uInt)n;
}

/* Whether a gzip member starts at z.next_in: its magic and the deflate method. */
static int at_magic(struct warc *w)
{
	return in_want(w, 3) >= 3 && w->z.next_in[0] == 0x1f && w->z.next_in[1] == 0x8b &&
	       w->z.next_in[2] == 8;
}

/*
 * Starts the member at z.next_in; with w->scan, looks for one that
 * inflates to a WARC record first. Returns 1, or 0 when none is left.
 */
static int start_member(struct warc *w)
{
	uint64_t from = zoff(w);

	for (;;) {
		int ret;

		while (!at_magic(w)) {
			if (in_want(w, 3) < 3) {
				if (w->z.avail_in) {
					error("%s: byte %llu: %llu bytes after the last gzip member "
					      "skipped", w->name, (unsigned long long)from,
					      (unsigned long long)(zoff(w) - from + w->z.avail_in));
					w->losses++;
				}
				drop_in(w, w->z.avail_in);
				return 0;
			}
			if (!w->scan) {
				w->scan = 1;
				from = zoff(w);
			}
			drop_in(w, 1);
		}
		if (w->scan == 2 && zoff(w) != from) {
			/* The rest of a damaged member, whose loss is counted. */
			warning("%s: byte %llu: %llu bytes that are not a gzip member of a WARC "
				"record skipped", w->name, (unsigned long long)from,
				(unsigned long long)(zoff(w) - from));
		} else if (w->scan && zoff(w) != from) {
			error("%s: byte %llu: %llu bytes that are not a gzip member of a WARC "
			      "record skipped", w->name, (unsigned long long)from,
			      (unsigned long long)(zoff(w) - from));
			w->losses++;
		}
		w->member_off = zoff(w);
		w->member_pos = w->pos;
		inflateReset(&w->z);
		w->member_open = 1;
		if (!w->scan)
			return 1;
		/* After damage a member is trusted once it begins a WARC record. */
		w->z.next_out = w->out;
		w->z.avail_out = 5;
		do {
			in_want(w, 1);
			ret = inflate(&w->z, Z_NO_FLUSH);
		} while (ret == Z_OK && w->z.avail_out && w->z.avail_in);
		if ((ret == Z_OK || ret == Z_STREAM_END || ret == Z_BUF_ERROR) && !w->z.avail_out &&
		    !memcmp(w->out, "WARC/", 5)) {
			w->scan = 0;
			w->olen = 5;
			w->opos = 0;
			if (ret == Z_STREAM_END) {
				w->member_open = 0;
				w->member_end = 1;
			}
			return 2;
		}
		/* Not one: look again one byte past this magic. */
		w->in_off = w->member_off + 1;
		if (fseeko(w->f, (off_t)w->in_off, SEEK_SET) != 0)
			return 0;
		w->z.next_in = w->in;
		w->z.avail_in = 0;
		w->in_eof = 0;
		from = w->member_off;
	}
}

/* Inflates the next piece of the current member into out; sets member_end at its end. */
static void inflate_some(struct warc *w)
{
	int ret;

	w->opos = w->olen = 0;
	while (!w->olen && w->member_open) {
		if (!w->z.avail_in && !in_want(w, 1)) {
			/* The file ends inside a member: what it held is all there is. */
			error("%s: byte %llu: the gzip member that starts here is cut short",
			      w->name, (unsigned long long)w->member_off);
			w->losses++;
			w->member_open = 0;
			w->member_end = 1;
			break;
		}
		w->z.next_out = w->out;
		w->z.avail_out = sizeof(w->out);
		ret = inflate(&w->z, Z_NO_FLUSH);
		w->olen = sizeof(w->out) - w->z.avail_out;
		if (ret == Z_STREAM_END) {
			w->member_open = 0;
			w->member_end = 1;
		} else if (ret != Z_OK && ret != Z_BUF_ERROR) {
			error("%s: byte %llu: the gzip member that starts here is damaged (%s)",
			      w->name, (unsigned long long)w->member_off,
			      w->z.msg ? w->z.msg : "inflate failed");
			w->losses++;
			w->member_open = 0;
			w->member_end = 1;
			w->scan = 2;	/* 2: what follows up to the next member is part of this loss */
		}
	}
}

/* Stream bytes available at opos; 0 at the end of the file or of a gzip member. */
static size_t fill(struct warc *w)
{
	if (w->opos < w->olen)
		return w->olen - w->opos;
	if (w->eof)
		return 0;
	if (!w->started) {
		w->started = 1;
		w->gz = 0;
		size_t n = fread(w->in, 1, 2, w->f);

		if (n == 2 && w->in[0] == 0x1f && w->in[1] == 0x8b) {
			w->gz = 1;
			if (inflateInit2(&w->z, 15 + 16) != Z_OK)
				die("zlib: inflateInit2 failed");
			w->zinit = 1;
			w->z.next_in = w->in;
			w->z.avail_in = 2;
		} else {
			/* Plain: the bytes read are the stream's first. */
			memcpy(w->out, w->in, n);
			w->olen = n + fread(w->out + n, 1, sizeof(w->out) - n, w->f);
			w->opos = 0;
			if (!w->olen)
				w->eof = 1;
			return w->olen;
		}
	}
	if (!w->gz) {
		w->opos = 0;
		w->olen = fread(w->out, 1, sizeof(w->out), w->f);
		if (!w->olen)
			w->eof = 1;
		return w->olen;
	}
	if (w->member_end)
		return 0;
	if (!w->member_open && !start_member(w)) {
		w->eof = 1;
		return 0;
	}
	if (w->opos < w->olen)
		return w->olen - w->opos;
	inflate_some(w);
	return w->olen;
}

/* Past the end of a gzip member: the next bytes are the next member's. */
static void advance(struct warc *w)
{
	w->member_end = 0;
}

static int getb(struct warc *w)
{
	if (!fill(w))
		return -1;
	w->pos++;
	return w->out[w->opos++];
}

/*
 * Takes up to n stream bytes, into b when not NULL, stopping at the end of
 * a gzip member. bomb: the record's start (stream and file offset) for the
 * gzip bomb check of a skipped block, NULL to take without it. Returns the
 * bytes taken; *bombed is set when it stopped a bomb.
 */
static uint64_t take(struct warc *w, uint64_t n, struct buf *b, const uint64_t *bomb, int *bombed)
{
	uint64_t got = 0;

	while (got < n) {
		size_t avail = fill(w), k;

		if (!avail)
			break;
		k = avail < n - got ? avail : (size_t)(n - got);
		if (b)
			buf_add(b, w->out + w->opos, k);
		w->opos += k;
		w->pos += k;
		got += k;
		if (bomb && w->gz && w->pos - bomb[0] > w->max_block &&
		    w->pos - bomb[0] > WARC_BOMB_RATIO * (zoff(w) - bomb[1] + 1)) {
			*bombed = 1;
			break;
		}
	}
	return got;
}

/* Stops inflating the current member and looks for the next one that begins a record. */
static void abandon_member(struct warc *w)
{
	w->member_open = 0;
	w->member_end = 1;
	w->scan = 2;	/* its record is counted as damaged already */
	w->opos = w->olen = 0;
}

/*
 * Goes on after damage: in a gzip member per record, at the next member;
 * else at the next line that starts "WARC/1.".
 */
static void resync(struct warc *w, uint64_t rec_pos, uint64_t rec_z)
{
	static const char pat[] = "\nWARC/1.";
	const uint64_t bomb[2] = { rec_pos, rec_z };
	size_t matched = 1;	/* as if after a newline */
	int c, bombed = 0;

	if (w->gz && rec_pos == w->member_pos) {
		take(w, UINT64_MAX, NULL, bomb, &bombed);
		if (bombed)
			abandon_member(w);
		return;
	}
	while ((c = getb(w)) >= 0) {
		if (c == pat[matched]) {
			if (++matched == sizeof(pat) - 1) {
				w->have_prefix = 1;
				return;
			}
		} else {
			matched = c == '\n' ? 1 : 0;
		}
	}
}

/* Reads the header block (to its empty line) into h; -1 when cut short or too long. */
static int read_header(struct warc *w, struct buf *h)
{
	int c;

	while ((c = getb(w)) >= 0) {
		buf_addch(h, (char)c);
		if (c == '\n' && (h->len >= 2 && h->data[h->len - 2] == '\n'))
			return 0;
		if (c == '\n' && h->len >= 4 && !memcmp(h->data + h->len - 4, "\r\n\r\n", 4))
			return 0;
		if (h->len > WARC_MAX_HEADER)
			return -1;
	}
	return -1;
}

/* Copies the value of header line [p, e) into v, trimmed. */
static void set_value(struct buf *v, const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	buf_reset(v);
	buf_add(v, p, (size_t)(e - p));
}

/*
 * WARC-Target-URI without the angle brackets that WARC 1.0's grammar put
 * around it and that wget still writes (<http://...>): the URI is what is
 * inside, for the url column, --url-pattern and the host.
 */
static void set_uri(struct buf *v, const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	if (e - p >= 2 && *p == '<' && e[-1] == '>') {
		p++;
		e--;
	}
	set_value(v, p, e);
}

/* Parses Content-Length: digits only, below 2^63. */
static int parse_length(const char *s, uint64_t *v)
{
	*v = 0;
	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || *v > (UINT64_C(1) << 63) / 10)
			return -1;
		*v = *v * 10 + (uint64_t)(*s - '0');
	}
	return *v >= UINT64_C(1) << 63 ? -1 : 0;
}

/* Fills r's fields from the header block h; -1 with what is wrong in why. */
static int parse_header(struct warc_record *r, const struct buf *h, const char **why)
{
	const char *p = h->data, *end = h->data + h->len;
	struct buf len = BUF_INIT;
	int have_len = 0, ok;

	if (h->len < 8 || memcmp(p, "WARC/", 5)) {
		*why = "not a WARC record";
		return -1;
	}
	p = (const char *)memchr(p, '\n', (size_t)(end - p)) + 1;
	while (p < end) {
		const char *e = memchr(p, '\n', (size_t)(end - p)), *colon;
		size_t n;

		if (!e)
			e = end;
		colon = memchr(p, ':', (size_t)(e - p));
		if (colon) {
			n = (size_t)(colon - p);
#define IS(name) (n == sizeof(name) - 1 && !strncasecmp(p, name, n))
			if (IS("WARC-Type"))
				set_value(&r->type, colon + 1, e);
			else if (IS("WARC-Record-ID"))
				set_value(&r->id, colon + 1, e);
			else if (IS("WARC-Target-URI"))
				set_uri(&r->uri, colon + 1, e);
			else if (IS("WARC-Date"))
				set_value(&r->date, colon + 1, e);
			else if (IS("Content-Type"))
				set_value(&r->content_type, colon + 1, e);
			else if (IS("Content-Length")) {
				set_value(&len, colon + 1, e);
				have_len = 1;
			}
#undef IS
		}
		p = e + 1;
	}
	ok = have_len && parse_length(buf_str(&len), &r->length) == 0;
	buf_release(&len);
	if (!ok) {
		*why = have_len ? "Content-Length is not a number below 2^63" : "no Content-Length";
		return -1;
	}
	return 0;
}

static void reset_record(struct warc_record *r)
{
	buf_reset(&r->type);
	buf_reset(&r->id);
	buf_reset(&r->uri);
	buf_reset(&r->date);
	buf_reset(&r->content_type);
	buf_reset(&r->block);
	r->length = 0;
	r->offset = 0;
	r->kept = r->too_large = 0;
}

/* "byte N" of a record, for messages: the file offset, or the inflated one in a whole-file gzip. */
static void where(const struct warc *w, const struct warc_record *r, struct buf *b)
{
	buf_addf(b, "%s: byte %llu%s", w->name, (unsigned long long)r->offset,
		 w->gz && r->offset != w->member_off ? " (of the inflated stream)" : "");
}

static int damaged(struct warc *w, struct warc_record *r, const char *why, uint64_t rec_pos,
		   uint64_t rec_z)
{
	struct buf b = BUF_INIT;

	where(w, r, &b);
	error("%s: %s; skipped", b.data, why);
	buf_release(&b);
	resync(w, rec_pos, rec_z);
	return -1;
}

int warc_next(struct warc *w, struct warc_record *r,
	      int (*want)(const struct warc_record *r, void *ctx), void *ctx)
{
	struct buf h = BUF_INIT, msg = BUF_INIT;
	uint64_t rec_pos, rec_z, bomb[2], losses = w->losses;
	int c, bombed = 0, status;
	size_t n;
	const char *why = NULL;

	reset_record(r);
	/* Blank lines between records, and the ends of gzip members. */
	for (;;) {
		if (w->have_prefix)
			break;
		n = fill(w);
		/* Damage said so already: here it counts, once, as a lost record. */
		if (w->losses != losses) {
			r->offset = w->member_off;
			return -1;
		}
		if (!n) {
			if (w->gz && w->member_end) {
				advance(w);
				continue;
			}
			return 0;
		}
		if (w->out[w->opos] != '\r' && w->out[w->opos] != '\n')
			break;
		getb(w);
	}
	if (w->have_prefix) {
		w->have_prefix = 0;
		buf_adds(&h, "WARC/1.");
	}
	rec_pos = w->pos - h.len;
	rec_z = w->gz ? zoff(w) : rec_pos;
	r->offset = w->gz && rec_pos == w->member_pos ? w->member_off : rec_pos;
	if (read_header(w, &h) < 0) {
		int big = h.len > WARC_MAX_HEADER;

		buf_release(&h);
		return damaged(w, r, big ? "a header of more than 64 KB"
			       : "the record is cut short in its header", rec_pos, rec_z);
	}
	status = parse_header(r, &h, &why);
	buf_release(&h);
	if (status < 0)
		return damaged(w, r, why, rec_pos, rec_z);
	if (!w->gz && w->file_size && r->length > w->file_size - w->pos) {
		buf_addf(&msg, "Content-Length %llu runs past the end of the file (%llu bytes "
			 "left)", (unsigned long long)r->length,
			 (unsigned long long)(w->file_size - w->pos));
		damaged(w, r, msg.data, rec_pos, rec_z);
		buf_release(&msg);
		return -1;
	}
	r->kept = want(r, ctx);
	if (r->kept && r->length > w->max_block) {
		r->kept = 0;
		r->too_large = 1;
	}
	bomb[0] = rec_pos;
	bomb[1] = rec_z;
	if (take(w, r->length, r->kept ? &r->block : NULL, r->kept ? NULL : bomb, &bombed)
	    < r->length) {
		buf_reset(&r->block);
		r->kept = 0;
		if (bombed) {
			struct buf b = BUF_INIT;
			where(w, r, &b);
			error("%s: the gzip member inflates past %zu bytes, more than %d times its "
			      "size (a gzip bomb?); not inflated further, skipped", b.data,
			      w->max_block, WARC_BOMB_RATIO);
			buf_release(&b);
			abandon_member(w);
			return -1;
		}
		where(w, r, &msg);
		error("%s: the record is cut short before its Content-Length %llu ends; skipped",
		      msg.data, (unsigned long long)r->length);
		buf_release(&msg);
		return -1;
	}
	/* The record's closing CRLF CRLF, within its member. */
	for (c = 0; c < 4 && fill(w) && (w->out[w->opos] == '\r' || w->out[w->opos] == '\n'); c++)
		getb(w);
	return 1;
}
