/*
 * Fuzz target: the HTML reader (charset sniffing, iconv, libxml2's parser,
 * blocks, hints, offsets, title and date) on arbitrary bytes, then the
 * page scored as framing score scores it. The first byte picks the
 * options: sniff the charset (a file) or take UTF-8 (a JSON string),
 * cleaning on or off.
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "corpus.h"
#include "date.h"
#include "htmlpage.h"
#include "lexicon.h"
#include "match.h"
#include "score.h"
#include "text.h"
#include "util.h"
#include "xalloc.h"

extern struct lexicon fuzz_lx;
extern struct matcher *fuzz_m;

int fuzz_html(const uint8_t *data, size_t size)
{
	struct htmlpage *p;
	struct score_options opt;
	struct scorer *sc;
	struct article a;
	struct buf row = BUF_INIT, matches = BUF_INIT, sig = BUF_INIT;
	struct score_rows rows = { &row, &matches, &sig, 0, NULL };
	char *copy, *text;
	size_t len, i, prev = 0;

	fuzz_setup(NULL);
	if (size < 1)
		return 0;
	len = size - 1;
	/* Not NUL-terminated on purpose: nothing may read past len. */
	copy = xmalloc(len ? len : 1);
	memcpy(copy, data + 1, len);
	util_set_quiet(1);
	p = xcalloc(1, sizeof(*p));
	htmlpage_read(p, copy, len, data[0] & 1, "fuzz.html");
	/* Lines are valid UTF-8 without NULs; hints ascend; offsets stay in the file. */
	if (memchr(p->text, '\0', p->len) || (p->len && p->text[p->len - 1] != '\n'))
		abort();
	for (i = 0; i < p->len;) {
		int bad = 0;
		text_decode(p->text, p->len, &i, &bad);
		if (bad)
			abort();
	}
	for (i = 0; i < p->nhints; i++) {
		if ((i && p->hints[i].start <= prev) || p->hints[i].start >= p->len
		    || p->hints[i].link_chars > p->hints[i].chars)
			abort();
		prev = p->hints[i].start;
	}
	/* Where a word may start (a character's first byte), the offset is in the file. */
	for (i = 0; i < p->len; i++)
		if (((unsigned char)p->text[i] & 0xC0) != 0x80 && p->text[i] != '\n'
		    && htmlpage_offset(p, i) >= len)
			abort();
	if (*p->date && !date_valid(p->date))
		abort();

	memset(&a, 0, sizeof(a));
	a.id = xstrdup("id");
	a.outlet = xstrdup("Outlet");
	a.date = xstrdup(p->date);
	a.title = xstrdup(p->title);
	a.path = xstrdup("fuzz.html");
	a.file = xstrdup("fuzz.html");
	a.extra = xcalloc(1, sizeof(*a.extra));
	text = htmlpage_take_text(p, &len);
	a.page = p;
	memset(&opt, 0, sizeof(opt));
	opt.clean = (data[0] >> 1) & 1;
	opt.negation = 1;
	sc = scorer_new(&fuzz_lx, fuzz_m, &opt);
	scorer_article(sc, &a, 0, NULL, "fuzz.html", text, len, &rows);
	scorer_free(sc);
	article_release(&a, 0);
	util_set_quiet(0);
	free(text);
	free(copy);
	buf_release(&row);
	buf_release(&matches);
	buf_release(&sig);
	return 0;
}

#ifndef FUZZ_REPLAY
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_html(data, size);
}
#endif
