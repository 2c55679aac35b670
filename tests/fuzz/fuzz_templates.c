/*
 * Fuzz target: the reader of template tables (framing score --templates
 * FILE; tables are passed between shard jobs, so they are input too). A
 * table it accepts must write back and read again to the same lines, and
 * its outlets must answer the cleaner's questions; anything else gives a
 * message naming FILE:LINE, never a crash or a hang. The input is also
 * a line whose key must be the same by the short ways of
 * templates_line_hash and through the Unicode tables.
 */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "templates.h"
#include "util.h"

int fuzz_templates(const uint8_t *data, size_t size)
{
	static const char text[] = "We use cookies on this site.\nA line of the story itself.\n";
	struct templates *t, *back;
	struct templates_article ta = TEMPLATES_ARTICLE_INIT;
	struct buf scratch[2] = { BUF_INIT, BUF_INIT };
	char *copy = NULL;
	size_t n = 0, outlets;
	FILE *f;

	util_set_quiet(1);
	util_set_message_sink(NULL, NULL);
	if (templates_line_hash((const char *)data, 0, size, scratch)
	    != templates_line_hash_full((const char *)data, 0, size, scratch))
		abort();
	buf_release(&scratch[0]);
	buf_release(&scratch[1]);
	if (size < 1)
		return 0;
	f = fmemopen((void *)data, size, "rb");
	if (!f)
		return 0;
	t = templates_read(f, "fuzz.tsv", 0);
	fclose(f);
	if (!t)
		return 0;
	/* Written back (without a source: no line text) and read again: the same lines. */
	f = open_memstream(&copy, &n);
	if (!f || templates_write(t, NULL, 1, f) < 0 || fclose(f) != 0)
		abort();
	f = fmemopen(copy, n, "rb");
	back = f ? templates_read(f, "copy.tsv", 0) : NULL;
	if (f)
		fclose(f);
	/* Names are written with control bytes as spaces, so two may become one. */
	if (!back || templates_count(back, &outlets) > templates_count(t, NULL))
		abort();
	templates_article_begin(&ta, t, "X");
	templates_repeated(&ta, text, 0, sizeof(text) - 1);
	templates_article_release(&ta);
	templates_free(back);
	templates_free(t);
	free(copy);
	return 0;
}

#ifndef FUZZ_REPLAY
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_templates(data, size);
}
#endif
