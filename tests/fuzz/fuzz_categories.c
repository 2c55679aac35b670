/*
 * Fuzz target: the reader of categories.tsv (lexdecl.h), which stats and
 * chart take from a folder a user may have edited. Whatever the bytes, the
 * table is read or refused with a message; what is read is written back
 * and must read again to the same table.
 */
#include "fuzz.h"

#include <string.h>

#include "buf.h"
#include "lexdecl.h"
#include "util.h"

int fuzz_categories(const uint8_t *data, size_t size)
{
	struct lexdecl d = LEXDECL_INIT, again = LEXDECL_INIT;
	struct buf out = BUF_INIT, out2 = BUF_INIT;

	fuzz_setup(NULL);
	if (lexdecl_parse(&d, "categories.tsv", (const char *)data, size) == 0) {
		lexdecl_write(&d, &out);
		if (lexdecl_parse(&again, "again", out.data, out.len) != 0)
			die("fuzz: categories.tsv written by lexdecl_write does not read back");
		lexdecl_write(&again, &out2);
		if (out.len != out2.len || memcmp(out.data, out2.data, out.len))
			die("fuzz: categories.tsv does not survive a second round");
	}
	lexdecl_release(&d);
	lexdecl_release(&again);
	buf_release(&out);
	buf_release(&out2);
	return 0;
}

#ifndef FUZZ_REPLAY
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_categories(data, size);
}
#endif
