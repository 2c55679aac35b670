/* The one rule for outside text we print (see sanitize.h). */
#include "sanitize.h"

#include <stdio.h>
#include <string.h>

#include "banned.h"

size_t sanitize_decode(const char *str, size_t left, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char b = s[0], lo = 0x80, hi = 0xBF;
	uint32_t c;
	size_t n, i;

	if (b < 0x80) {
		*cp = b;
		return 1;
	}
	if (b >= 0xC2 && b <= 0xDF) {
		n = 2;
		c = b & 0x1F;
	} else if (b >= 0xE0 && b <= 0xEF) {
		n = 3;
		c = b & 0x0F;
	} else if (b >= 0xF0 && b <= 0xF4) {
		n = 4;
		c = b & 0x07;
	} else {
		return 0;
	}
	if (b == 0xE0)
		lo = 0xA0;	/* overlong */
	else if (b == 0xED)
		hi = 0x9F;	/* surrogates */
	else if (b == 0xF0)
		lo = 0x90;	/* overlong */
	else if (b == 0xF4)
		hi = 0x8F;	/* above U+10FFFF */
	if (left < n)
		return 0;
	for (i = 1; i < n; i++) {
		if (i == 1 ? (s[i] < lo || s[i] > hi) : (s[i] < 0x80 || s[i] > 0xBF))
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	*cp = c;
	return n;
}

size_t sanitize_message(char *dst, size_t size, const char *s)
{
	size_t len = strlen(s), pos = 0, out = 0;

	while (pos < len) {
		char esc[16];
		const char *piece = esc;
		uint32_t cp = 0;
		size_t n = sanitize_decode(s + pos, len - pos, &cp), plen;

		if (n == 0 || (n == 1 && !sanitize_printable(cp)))
			plen = (size_t)snprintf(esc, sizeof(esc), "\\x%02x", (unsigned char)s[pos]);
		else if (!sanitize_printable(cp))
			plen = (size_t)snprintf(esc, sizeof(esc), "\\u%04x", (unsigned)cp);
		else {
			piece = s + pos;
			plen = n;
		}
		if (out + plen >= size)
			break;
		memcpy(dst + out, piece, plen);
		out += plen;
		pos += n ? n : 1;
	}
	dst[out] = '\0';
	return out;
}
