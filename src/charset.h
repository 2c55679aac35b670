#ifndef CHARSET_H
#define CHARSET_H

#include <stddef.h>

#include "buf.h"
#include "offmap.h"

/*
 * The character encoding of a web page and its conversion to UTF-8 with
 * glibc's iconv, keeping where each character came from. The only module
 * that includes iconv.
 */

/*
 * The encoding a page declares, as the HTML standard finds it before
 * parsing: a byte order mark, else a <meta charset=...> or <meta
 * http-equiv=Content-Type content="...; charset=..."> in its first 1024
 * bytes. The label is put in name (reset first), lowercase; returns 0 with
 * a label, -1 without one (then the page is read as UTF-8). *bom is the
 * length of a byte order mark, 0 without one.
 */
int charset_sniff(const char *s, size_t len, struct buf *name, size_t *bom);

/*
 * Converts s[0, len) from the encoding label to UTF-8, appended to out.
 * Bytes that cannot be decoded, and NUL bytes, become U+FFFD and are
 * counted in *replaced. map gets where each character came from (its
 * first byte's offset in s), and stays empty when out is s byte for byte.
 * Returns 0, or -1 when iconv does not know label: then s is read as
 * UTF-8, or as windows-1252 when it is not valid UTF-8, and the caller
 * says so.
 */
int charset_to_utf8(const char *s, size_t len, const char *label, struct buf *out,
		    struct offmap *map, size_t *replaced);

#endif
