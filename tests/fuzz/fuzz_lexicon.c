/*
 * Fuzz target: the lexicon parser. Whatever the bytes, lexicon_parse
 * either accepts them or reports FILE:LINE:COL problems; an accepted
 * lexicon must compile into a matcher and match its own text, resolve the
 * names of its @ lines (or say which it cannot, with a hint) and export
 * with a note per @ line it cannot carry.
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dic.h"
#include "lexicon.h"
#include "match.h"
#include "text.h"
#include "util.h"
#include "xalloc.h"

int fuzz_lexicon(const uint8_t *data, size_t size)
{
	struct lexicon lx = LEXICON_INIT;
	char *text = xstrndup((const char *)data, size);

	util_set_quiet(1);
	if (lexicon_parse(&lx, "fuzz.lex", text, size) == 0) {
		struct matcher *m = matcher_new(&lx);
		struct text_tokens tt = TEXT_TOKENS_INIT;
		struct match_list ml = MATCH_LIST_INIT;
		size_t i;

		text_tokenize(&tt, text, 0, size);
		matcher_run(m, &tt, 1, &ml);
		for (i = 0; i < ml.n; i++)
			if (ml.m[i].first + ml.m[i].ntokens > tt.n || ml.m[i].entry >= lx.nentries ||
			    ml.m[i].category >= lx.ncategories)
				abort();
		match_list_release(&ml);
		text_tokens_release(&tt);
		matcher_free(m);
		if (lexicon_resolve(&lx) == 0) {
			struct buf out = BUF_INIT;
			struct dic_notes notes = DIC_NOTES_INIT;
			dic_export(&lx, DIC_LIWC, &out, &notes);
			if (notes.n < lx.nindices)
				abort();
			dic_notes_release(&notes);
			buf_release(&out);
		}
	}
	lexicon_release(&lx);
	free(text);
	return 0;
}

#ifndef FUZZ_REPLAY
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_lexicon(data, size);
}
#endif
