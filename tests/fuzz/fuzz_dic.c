/*
 * Fuzz target: lexicon import from LIWC .dic and .dicx (the first byte
 * picks the format). What dic_import accepts must be a .lex that loads,
 * and a loaded lexicon must export to every format.
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dic.h"
#include "lexicon.h"
#include "util.h"
#include "xalloc.h"

int fuzz_dic(const uint8_t *data, size_t size)
{
	struct buf out = BUF_INIT, back = BUF_INIT;
	struct dic_notes notes = DIC_NOTES_INIT;
	struct lexicon lx = LEXICON_INIT;
	enum dic_format f;
	char *text;

	util_set_quiet(1);
	if (size < 1)
		return 0;
	f = (data[0] & 1) ? DIC_LIWCX : DIC_LIWC;
	text = xstrndup((const char *)data + 1, size - 1);
	if (dic_import("fuzz.dic", text, size - 1, f, &out, &notes) == 0) {
		/* The promise of import: a .lex file that loads as it is. */
		if (lexicon_parse(&lx, "imported.lex", buf_str(&out), out.len) < 0)
			abort();
		dic_notes_release(&notes);
		dic_export(&lx, DIC_LIWC, &back, &notes);
		dic_export(&lx, DIC_LIWCX, &back, &notes);
		dic_export(&lx, DIC_YAML, &back, &notes);
	}
	lexicon_release(&lx);
	dic_notes_release(&notes);
	buf_release(&out);
	buf_release(&back);
	free(text);
	return 0;
}

#ifndef FUZZ_REPLAY
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_dic(data, size);
}
#endif
