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
 * a label, -1 without one (then charset_to_utf8 takes NULL). *bom is the
 * length of a byte order mark, 0 without one.
 */
int charset_sniff(const char *s, size_t len, struct buf *name, size_t *bom);

/*
 * Converts s[0, len) from the encoding label to UTF-8, appended to out.
 * Bytes that cannot be decoded, and NUL bytes, become U+FFFD and are
 * counted in *replaced. map gets where each character came from (its
 * first byte's offset in s), and stays empty when out is s byte for byte.
 * label NULL (a page without one) and a label iconv does not know are
 * read alike, as browsers read legacy pages: as UTF-8 when s is valid
 * UTF-8, else as windows-1252. Returns 0, or -1 for the unknown label,
 * which the caller reports.
 */
int charset_to_utf8(const char *s, size_t len, const char *label, struct buf *out,
		    struct offmap *map, size_t *replaced);

#endif
