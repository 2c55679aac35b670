#ifndef SANITIZE_H
#define SANITIZE_H

#include <stddef.h>
#include <stdint.h>

/*
 * The one rule for outside text we print: article text, titles, outlet
 * names, ids, dates, file names and lexicon entries, whether they go to a
 * terminal, a table, HTML, a gnuplot script or a message. It says which
 * code points may be printed as they are and how the others are shown.
 * The lowest module of framing (util and buf use it): it allocates
 * nothing, prints nothing and never exits.
 *
 * Not printable as is:
 *   - C0 controls (U+0000-U+001F), DEL and C1 controls (U+0080-U+009F,
 *     with U+0085 and U+009B, which a terminal may take for CSI): they move
 *     the cursor, recolour or clear a terminal and break rows apart;
 *   - U+2028 and U+2029, which break a line in some readers only;
 *   - the bidi controls that reorder what a reader sees: the marks U+061C,
 *     U+200E and U+200F, the embeddings and overrides U+202A-U+202E and the
 *     isolates U+2066-U+2069.
 * Everything else that is well-formed UTF-8 is printed as it is.
 *
 * How the rest is shown:
 *   - in data (tables, HTML, listings, contexts, chart labels) an
 *     unprintable code point is one space (SANITIZE_BLANK) and a byte that
 *     is not well-formed UTF-8 is U+FFFD (SANITIZE_INVALID). A context may
 *     keep its own white space first (clean keeps tabs; TSV keeps none);
 *   - in messages, where a reader must see what is there, as an escape:
 *     "\xNN" for a single byte (a C0 control, DEL or an invalid byte) and
 *     "\uNNNN" for any other code point (sanitize_message).
 */

#define SANITIZE_BLANK ' '
#define SANITIZE_INVALID "\xEF\xBF\xBD"

/* Whether the code point cp may be printed as it is (see above). */
static inline int sanitize_printable(uint32_t cp)
{
	if (cp < 0xA0)
		return cp >= 0x20 && cp < 0x7F;
	if (cp < 0x2000)
		return cp != 0x61C;
	return !(cp == 0x200E || cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) ||
		 (cp >= 0x2066 && cp <= 0x2069));
}

/*
 * Length of the well-formed UTF-8 sequence at s (left bytes remain, at
 * least one), with its code point in *cp; 0 when the byte at s starts none.
 * The rules of text_decode: no overlongs, no surrogates, nothing above
 * U+10FFFF.
 */
size_t sanitize_decode(const char *s, size_t left, uint32_t *cp);

/*
 * Writes s into dst (size bytes, at least one) as a message shows it:
 * printable text as it is, the rest as an escape (see above). A message
 * too long for dst is cut before an escape or a character, never inside.
 * Returns the length written, without the NUL that always ends dst.
 */
size_t sanitize_message(char *dst, size_t size, const char *s);

#endif
