/*
 * "framing kwic" as a function (see kwicrun.h): builds the lexicon of the
 * patterns or loads the lexicons, scores every article of the source and
 * prints the matches in context.
 */
#include "kwicrun.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "kwic.h"
#include "lexcat.h"
#include "lexicon.h"
#include "lexrun.h"
#include "match.h"
#include "util.h"
#include "banned.h"

void kwic_run_opts_init(struct kwic_run_opts *o)
{
	memset(o, 0, sizeof(*o));
	lexrun_opts_init(&o->tool);
	o->window = 6;
}

/* Each pattern in a category of its own, so they never compete. */
static int load_patterns(const struct kwic_run_opts *o, struct lexicon *lx)
{
	struct buf text = BUF_INIT;
	size_t i;
	int r;

	for (i = 0; i < o->npatterns; i++) {
		if (strchr(o->patterns[i], '\n')) {
			buf_release(&text);
			return error("a PATTERN is one line");
		}
		buf_addf(&text, "[pattern_%zu]\n%s\n", i + 1, o->patterns[i]);
	}
	r = lexicon_parse(lx, "PATTERN", text.data, text.len);
	buf_release(&text);
	return r;
}

int kwic_run(const struct kwic_run_opts *o)
{
	struct lexicon lx = LEXICON_INIT;
	struct source *src = NULL;
	struct matcher *m = NULL;
	struct kwic k;
	struct buf out = BUF_INIT;
	long category = -1;
	struct score_options use = o->tool.opt;
	int status = EXIT_USAGE;

	util_set_quiet(o->tool.quiet);
	memset(&k, 0, sizeof(k));
	if (o->category ? lexicon_load_all(&lx, o->lexicons, o->nlexicons) < 0
	    : load_patterns(o, &lx) < 0)
		goto out;
	if (o->category && (category = lexcat_find(&lx, o->category)) < 0)
		goto out;
	if (!(src = lexrun_open(&o->tool.in, o->tool.by, &o->tool.opt, &use)))
		goto out;
	m = matcher_new(&lx);
	kwic_init(&k, &lx, o->tool.by, category, o->window);
	status = lexrun_run(src, &use, &(struct lexrun_pass){ &lx, m, kwic_article, &k }, 1)
		 ? EXIT_FAILED : EXIT_OK;
	kwic_sort(&k);
	kwic_format(&k, o->tool.tsv, &out);
	fwrite(buf_str(&out), 1, out.len, stdout);
	if (!o->tool.tsv && k.n == 0)
		inform("no match in %s", source_name(src));
out:
	buf_release(&out);
	kwic_release(&k);
	matcher_free(m);
	lexrun_close(src, &use);
	lexicon_release(&lx);
	return status;
}
