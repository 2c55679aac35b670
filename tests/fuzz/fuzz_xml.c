/*
 * Fuzz target: the XML reader of framing import (xmlin.c), on a file of
 * the fuzzed bytes with Reuters-21578's fields, each article's date given
 * to date_normalise as import does.
 */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "util.h"
#include "xmlin.h"

static int fuzz_xml_article(void *ctx, const struct xmlin_article *a)
{
	char iso[11];
	(void)ctx;
	if (!a->title || !a->text || !a->date || a->index >= a->count)
		abort();
	if (date_normalise(a->date, iso) == 0 && strlen(iso) != 10)
		abort();
	return 0;
}

int fuzz_xml(const uint8_t *data, size_t size)
{
	struct xmlin_fields f;
	char path[] = "/tmp/framing-fuzz-xml.XXXXXX";
	int fd = mkstemp(path);
	FILE *out;

	if (fd < 0 || !(out = fdopen(fd, "wb")))
		die("fuzz: mkstemp failed");
	if (fwrite(data, 1, size, out) != size || fclose(out) != 0)
		die("fuzz: write failed");
	if (xmlin_fields_parse("TITLE,BODY,DATE", &f) < 0)
		abort();
	xmlin_read(path, &f, 1 << 20, fuzz_xml_article, NULL);
	xmlin_fields_release(&f);
	unlink(path);
	return 0;
}

#ifndef FUZZ_REPLAY
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_xml(data, size);
}
#endif
