#ifndef BUF_H
#define BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

/*
 * A growable byte buffer, always NUL-terminated. Initialise with BUF_INIT;
 * buf_release frees the memory, buf_detach hands it to the caller.
 */
struct buf {
	char *data;
	size_t len;
	size_t alloc;
};

#define BUF_INIT { NULL, 0, 0 }

void buf_grow(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *data, size_t len);
void buf_adds(struct buf *b, const char *s);
void buf_addch(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...) FMT(2, 3);
void buf_vaddf(struct buf *b, const char *fmt, va_list ap);
/*
 * Appends outside text (an id, an outlet name, a title) as data shows it
 * under the rule of sanitize.h: what may not be printed as is (tabs,
 * newlines, other controls, bidi controls) becomes a space, invalid UTF-8
 * U+FFFD. The result is one TSV field, one line of a listing, one cell.
 */
void buf_add_shown(struct buf *b, const char *s, size_t len);

/* A TSV field is outside text shown as data: tabs and newlines are in the rule. */
static inline void buf_add_tsv_field(struct buf *b, const char *s, size_t len)
{
	buf_add_shown(b, s, len);
}
/* Appends a whole number in decimal, without printf (it is on the hot path). */
void buf_add_uint(struct buf *b, uint64_t v);
/* Appends a number in the one format every TSV of framing uses. */
void buf_add_double(struct buf *b, double v);
/*
 * The last component of path ("corpus/seeds/" gives "seeds"), kept in tmp,
 * which is reset first; borrowed, valid until tmp changes.
 */
const char *buf_base_name(const char *path, struct buf *tmp);
/*
 * s as buf_add_shown shows it, kept in tmp, which is reset first: for a
 * file name or an entry printed with printf in a listing. Borrowed, valid
 * until tmp changes.
 */
const char *buf_shown(struct buf *tmp, const char *s);
void buf_reset(struct buf *b);
void buf_release(struct buf *b);
/* Returns the string (never NULL) and leaves b empty; the caller frees. */
char *buf_detach(struct buf *b);

/* Returns an empty string when b has never grown, so callers can print it. */
static inline const char *buf_str(const struct buf *b)
{
	return b->data ? b->data : "";
}

#endif
