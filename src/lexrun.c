#include "lexrun.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "banned.h"

size_t lexrun_corpus(const struct corpus *c, const struct lexicon *lx, const struct matcher *m,
		     const struct score_options *opt, lexrun_fn fn, void *ctx)
{
	struct scorer *sc = scorer_new(lx, m, opt);
	size_t i, failed = 0;

	for (i = 0; i < c->n; i++) {
		const struct article *a = &c->articles[i];
		struct lexrun_article ra;
		size_t len;
		char *text = read_file(a->path, &len);

		if (!text) {
			error("%s: %s", a->path, strerror(errno));
			failed++;
			continue;
		}
		scorer_analyze(sc, a, corpus_extra(c, a, "lang"), text, len);
		ra.corpus = c;
		ra.article = a;
		ra.index = i;
		ra.text = text;
		ra.len = len;
		ra.tt = scorer_tokens(sc);
		ra.ml = scorer_matches(sc);
		fn(ctx, &ra);
		free(text);
	}
	scorer_free(sc);
	return failed;
}

const char *lexrun_column(const struct corpus *c, const struct article *a, const char *name)
{
	if (!strcmp(name, "id"))
		return a->id;
	if (!strcmp(name, "outlet"))
		return a->outlet;
	if (!strcmp(name, "date"))
		return *a->date ? a->date : "NA";
	if (!strcmp(name, "title"))
		return a->title;
	if (!strcmp(name, "file"))
		return a->file;
	return corpus_extra(c, a, name);
}
