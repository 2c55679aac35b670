#include "lexrun.h"

#include <stdlib.h>
#include <string.h>

#include "fsutil.h"
#include "templates.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

void lexrun_opts_init(struct lexrun_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->by = "outlet";
	o->opt.clean = 1;
	o->opt.negation = 1;
	o->in.max_bytes = SOURCE_DEFAULT_MAX_BYTES;
}

size_t lexrun_run(struct source *src, const struct score_options *opt,
		  const struct lexrun_pass *passes, size_t npasses)
{
	struct scorer **sc = xcalloc(npasses ? npasses : 1, sizeof(*sc));
	struct article a;
	size_t i, skipped = 0, index = 0, len;
	char *text;
	int r;

	for (i = 0; i < npasses; i++)
		sc[i] = scorer_new(passes[i].lx, passes[i].m, opt);
	while ((r = source_next(src, &a, &text, &len)) != 0) {
		size_t nextra;

		if (r < 0) {
			skipped++;
			continue;
		}
		for (i = 0; i < npasses; i++) {
			struct lexrun_article ra;

			scorer_analyze(sc[i], &a, source_lang(src, &a), text, len);
			ra.source = src;
			ra.article = &a;
			ra.index = index;
			ra.text = text;
			ra.len = len;
			ra.tt = scorer_tokens(sc[i]);
			ra.ml = scorer_matches(sc[i]);
			passes[i].fn(passes[i].ctx, &ra);
		}
		index++;
		source_extra_names(src, &nextra);
		article_release(&a, nextra);
		free(text);
	}
	for (i = 0; i < npasses; i++)
		scorer_free(sc[i]);
	free(sc);
	return skipped;
}

struct source *lexrun_open(const struct source_options *o, const char *by,
			   const struct score_options *opt, struct score_options *use)
{
	struct source *src = source_open(o);

	*use = *opt;
	use->table = NULL;
	if (src && by && !source_has_column(src, by)) {
		lexrun_no_column(src, by);
		source_free(src);
		return NULL;
	}
	if (src && templates_prepare(&opt->templates, opt->clean, 0, src, &use->table) < 0) {
		source_free(src);
		return NULL;
	}
	return src;
}

void lexrun_close(struct source *src, struct score_options *use)
{
	source_free(src);
	templates_free(use->table);
	use->table = NULL;
}

int lexrun_no_column(const struct source *src, const char *by)
{
	return error("%s: no column '%s' to group by", source_name(src), by);
}

const char *lexrun_group(const struct lexrun_article *ra, const char *name)
{
	return corpus_group_name(source_column(ra->source, ra->article, name));
}
