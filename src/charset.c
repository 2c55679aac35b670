/* memmem is a GNU and BSD extension, also in POSIX 2024. */
#define _GNU_SOURCE
#include "charset.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <string.h>

#include "text.h"
#include "banned.h"

/* The HTML standard looks for a <meta> charset in the first 1024 bytes. */
#define PRESCAN_BYTES 1024

static unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static int is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Whether s[0, n) starts with the lowercase word w, in any case. */
static int starts_with_ci(const char *s, size_t n, const char *w)
{
	size_t i, wl = strlen(w);

	if (n < wl)
		return 0;
	for (i = 0; i < wl; i++)
		if (lower((unsigned char)s[i]) != (unsigned char)w[i])
			return 0;
	return 1;
}

/*
 * One attribute of a tag at s[*pos], as the standard's "get an attribute":
 * name and value lowercase-compared by the caller. Returns 0 at the tag's
 * end.
 */
static int get_attribute(const char *s, size_t n, size_t *pos, struct buf *name, struct buf *value)
{
	size_t p = *pos;

	buf_reset(name);
	buf_reset(value);
	while (p < n && (is_ws((unsigned char)s[p]) || s[p] == '/'))
		p++;
	if (p >= n || s[p] == '>')
		return 0;
	while (p < n && !is_ws((unsigned char)s[p]) && s[p] != '=' && s[p] != '>'
	       && (s[p] != '/' || !name->len))
		buf_addch(name, (char)lower((unsigned char)s[p++]));
	while (p < n && is_ws((unsigned char)s[p]))
		p++;
	if (p < n && s[p] == '=') {
		p++;
		while (p < n && is_ws((unsigned char)s[p]))
			p++;
		if (p < n && (s[p] == '"' || s[p] == '\'')) {
			char q = s[p++];
			while (p < n && s[p] != q)
				buf_addch(value, (char)lower((unsigned char)s[p++]));
			p++;
		} else {
			while (p < n && !is_ws((unsigned char)s[p]) && s[p] != '>')
				buf_addch(value, (char)lower((unsigned char)s[p++]));
		}
	}
	*pos = p;
	return 1;
}

/* The charset=... of a Content-Type value, into name. */
static int charset_from_content(const char *v, struct buf *name)
{
	const char *p = strstr(v, "charset");
	size_t n;

	if (!p)
		return -1;
	p += 7;
	while (is_ws((unsigned char)*p))
		p++;
	if (*p++ != '=')
		return -1;
	while (is_ws((unsigned char)*p))
		p++;
	if (*p == '"' || *p == '\'')
		p++;
	n = strcspn(p, "\"'; \t\n\r\f");
	if (!n)
		return -1;
	buf_reset(name);
	buf_add(name, p, n);
	return 0;
}

/* A <meta> tag whose attributes start at s[*pos]: its charset, if it gives one. */
static int meta_charset(const char *s, size_t n, size_t *pos, struct buf *name)
{
	struct buf an = BUF_INIT, av = BUF_INIT, content = BUF_INIT, got = BUF_INIT;
	int http_equiv = 0, have_charset = 0, have_content = 0, found = -1;

	while (get_attribute(s, n, pos, &an, &av)) {
		if (!strcmp(buf_str(&an), "http-equiv") && !strcmp(buf_str(&av), "content-type"))
			http_equiv = 1;
		else if (!strcmp(buf_str(&an), "content") && !have_content) {
			buf_add(&content, buf_str(&av), av.len);
			have_content = 1;
		} else if (!strcmp(buf_str(&an), "charset") && !have_charset && av.len) {
			buf_add(&got, av.data, av.len);
			have_charset = 1;
		}
	}
	if (have_charset) {
		buf_reset(name);
		buf_add(name, got.data, got.len);
		found = 0;
	} else if (http_equiv && have_content) {
		found = charset_from_content(buf_str(&content), name);
	}
	buf_release(&an);
	buf_release(&av);
	buf_release(&content);
	buf_release(&got);
	return found;
}

int charset_sniff(const char *s, size_t len, struct buf *name, size_t *bom)
{
	size_t n = len < PRESCAN_BYTES ? len : PRESCAN_BYTES, p = 0;
	const unsigned char *u = (const unsigned char *)s;

	buf_reset(name);
	*bom = 0;
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		*bom = 3;
		buf_adds(name, "utf-8");
		return 0;
	}
	if (len >= 2 && ((u[0] == 0xFE && u[1] == 0xFF) || (u[0] == 0xFF && u[1] == 0xFE))) {
		*bom = 2;
		buf_adds(name, u[0] == 0xFE ? "utf-16be" : "utf-16le");
		return 0;
	}
	while (p < n) {
		const char *lt = memchr(s + p, '<', n - p);
		if (!lt)
			break;
		p = (size_t)(lt - s);
		if (starts_with_ci(s + p, n - p, "<!--")) {
			const char *end = memmem(s + p + 4, n - p - 4, "-->", 3);
			if (!end)
				break;
			p = (size_t)(end - s) + 3;
		} else if (starts_with_ci(s + p, n - p, "<meta") && p + 5 < n
			   && (is_ws((unsigned char)s[p + 5]) || s[p + 5] == '/')) {
			p += 5;
			if (meta_charset(s, n, &p, name) == 0)
				return 0;
		} else {
			p++;
		}
	}
	buf_reset(name);
	return -1;
}

/*
 * The iconv name of an encoding label, as the HTML standard reads labels:
 * latin1 and ascii are windows-1252, gb2312 is GBK, Shift_JIS is
 * Microsoft's (CP932); "" for UTF-8, which needs no iconv. Other labels
 * go to iconv as they are.
 */
static const char *iconv_name(const char *label)
{
	static const struct {
		const char *label, *name;
	} names[] = {
		{ "utf-8", "" }, { "utf8", "" }, { "unicode-1-1-utf-8", "" },
		/* A page that declares UTF-16 in ASCII bytes is not UTF-16. */
		{ "utf-16", "" }, { "unicode", "" },
		{ "us-ascii", "CP1252" }, { "ascii", "CP1252" }, { "iso-8859-1", "CP1252" },
		{ "iso8859-1", "CP1252" }, { "latin1", "CP1252" }, { "l1", "CP1252" },
		{ "windows-1252", "CP1252" }, { "cp1252", "CP1252" }, { "x-cp1252", "CP1252" },
		{ "gb2312", "GBK" }, { "gbk", "GBK" }, { "x-gbk", "GBK" }, { "cp936", "GBK" },
		{ "chinese", "GBK" }, { "csgb2312", "GBK" }, { "gb18030", "GB18030" },
		{ "big5", "BIG5-HKSCS" }, { "big5-hkscs", "BIG5-HKSCS" }, { "x-x-big5", "BIG5-HKSCS" },
		{ "cn-big5", "BIG5-HKSCS" },
		{ "shift_jis", "CP932" }, { "shift-jis", "CP932" }, { "sjis", "CP932" },
		{ "x-sjis", "CP932" }, { "ms_kanji", "CP932" }, { "windows-31j", "CP932" },
		{ "csshiftjis", "CP932" },
		{ "windows-1251", "CP1251" }, { "cp1251", "CP1251" }, { "x-cp1251", "CP1251" },
		{ "koi8-r", "KOI8-R" }, { "koi8", "KOI8-R" }, { "koi", "KOI8-R" },
		{ "koi8-u", "KOI8-U" },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(label, names[i].label))
			return names[i].name;
	return label;
}

static void add_replacement(struct buf *out, struct offmap *map, size_t at, size_t *replaced)
{
	offmap_add(map, out->len, at);
	buf_adds(out, "\xEF\xBF\xBD");
	(*replaced)++;
}

/* UTF-8 in, UTF-8 out: invalid bytes and NULs become U+FFFD. */
static void from_utf8(const char *s, size_t len, struct buf *out, struct offmap *map,
		      size_t *replaced)
{
	size_t pos = 0, copied = 0;

	buf_grow(out, len);
	while (pos < len) {
		size_t at = pos;
		int bad = 0;
		int32_t cp = text_decode(s, len, &pos, &bad);

		if (!bad && cp != 0)
			continue;
		/* Verbatim bytes before it keep their offsets (one run each). */
		offmap_add(map, out->len, copied);
		buf_add(out, s + copied, at - copied);
		add_replacement(out, map, at, replaced);
		copied = pos;
		offmap_add(map, out->len, pos);
	}
	if (map->n)
		offmap_add(map, out->len, copied);
	buf_add(out, s + copied, len - copied);
}

/* Whether the encoding of cd passes ASCII through unchanged (not UTF-16, ISO-2022, ...). */
static int ascii_compatible(iconv_t cd)
{
	static const char probe[] = "az AZ09<>&\"'=;:/\n";
	char in[sizeof(probe)], outb[4 * sizeof(probe)], *ip = in, *op = outb;
	size_t il = sizeof(probe) - 1, ol = sizeof(outb);

	memcpy(in, probe, sizeof(probe));
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1)
		return 0;
	iconv(cd, NULL, NULL, NULL, NULL);
	return il == 0 && (size_t)(op - outb) == sizeof(probe) - 1
	       && !memcmp(outb, probe, sizeof(probe) - 1);
}

/*
 * One character at a time through iconv, so every character's offset is
 * known: up to 4 bytes are offered until iconv takes a whole character.
 * ASCII bytes, when the encoding keeps them, are copied without iconv.
 */
static void through_iconv(iconv_t cd, const char *s, size_t len, struct buf *out,
			  struct offmap *map, size_t *replaced)
{
	int ascii = ascii_compatible(cd);
	size_t pos = 0;

	buf_grow(out, len + len / 2);
	while (pos < len) {
		unsigned char b = (unsigned char)s[pos];
		char tmp[32], *ip, *op;
		size_t il, ol, k, took = 0;

		if (ascii && b < 0x80 && b != 0) {
			offmap_add(map, out->len, pos);
			buf_addch(out, (char)b);
			pos++;
			continue;
		}
		for (k = 1; k <= 4 && pos + k <= len; k++) {
			ip = (char *)(uintptr_t)(s + pos);
			il = k;
			op = tmp;
			ol = sizeof(tmp);
			if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1 || (errno == E2BIG && il < k)) {
				took = k - il;
				break;
			}
			if (errno != EINVAL)
				break;
		}
		if (!took) {
			iconv(cd, NULL, NULL, NULL, NULL);
			add_replacement(out, map, pos, replaced);
			pos++;
			continue;
		}
		if (op - tmp == 1 && tmp[0] == 0) {
			add_replacement(out, map, pos, replaced);
		} else {
			offmap_add(map, out->len, pos);
			buf_add(out, tmp, (size_t)(op - tmp));
		}
		pos += took;
	}
}

static int valid_utf8(const char *s, size_t len)
{
	size_t pos = 0;

	while (pos < len) {
		int bad = 0;
		text_decode(s, len, &pos, &bad);
		if (bad)
			return 0;
	}
	return 1;
}

int charset_to_utf8(const char *s, size_t len, const char *label, struct buf *out,
		    struct offmap *map, size_t *replaced)
{
	iconv_t cd = (iconv_t)-1;
	int status = 0;

	if (label) {
		const char *name = iconv_name(label);
		if (!*name) {
			from_utf8(s, len, out, map, replaced);
			return 0;
		}
		cd = iconv_open("UTF-8", name);
		if (cd == (iconv_t)-1)
			status = -1;
	}
	/*
	 * No label, or one iconv does not know: UTF-8 when the bytes are valid
	 * UTF-8, else windows-1252, as browsers read legacy pages.
	 */
	if (cd == (iconv_t)-1
	    && (valid_utf8(s, len) || (cd = iconv_open("UTF-8", "CP1252")) == (iconv_t)-1)) {
		from_utf8(s, len, out, map, replaced);
		return status;
	}
	through_iconv(cd, s, len, out, map, replaced);
	iconv_close(cd);
	return status;
}
