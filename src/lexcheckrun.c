/*
 * "framing lexicon check" as a function (see lexcheckrun.h): loads the
 * lexicons, reports their problems and a summary per file, and with a
 * corpus what every glob expands to in it.
 */
#include "lexcheckrun.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "counts.h"
#include "lexcheck.h"
#include "lexicon.h"
#include "lexrun.h"
#include "match.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

void lexcheck_run_opts_init(struct lexcheck_run_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->in.max_bytes = SOURCE_DEFAULT_MAX_BYTES;
	o->clean = 1;
}

/* What each glob entry expanded to: one category per glob in glx. */
struct expansions {
	const struct lexicon *glx;
	struct counts **seen;	/* per glob category: matched text -> count */
	struct buf key;
};

static void count_expansions(void *ctx, const struct lexrun_article *ra)
{
	struct expansions *x = ctx;
	size_t i, k;

	for (i = 0; i < ra->ml->n; i++) {
		const struct match *m = &ra->ml->m[i];
		const struct lex_entry *e = &x->glx->entries[m->entry];
		buf_reset(&x->key);
		for (k = 0; k < m->ntokens; k++) {
			if (k)
				buf_addch(&x->key, ' ');
			buf_adds(&x->key, e->case_sensitive ? text_cased(ra->tt, m->first + k)
				 : text_norm(ra->tt, m->first + k));
		}
		counts_add(x->seen[m->category], x->key.data, x->key.len, 1);
	}
}

static int cmp_count_desc(const void *a, const void *b)
{
	const struct count_item *x = a, *y = b;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->key, y->key);
}

static int is_glob(const struct lex_entry *e)
{
	size_t k;
	for (k = 0; k < e->nwords; k++)
		if (e->words[k].glob)
			return 1;
	return 0;
}

/* Matches every glob entry on its own, so competition with other entries
 * does not hide what a glob reaches. -2 when the corpus cannot be opened,
 * -1 when articles were skipped. */
static int print_expansions(const struct lexicon *lx, const struct lexcheck_run_opts *o)
{
	struct lexicon glx = LEXICON_INIT;
	struct source *src;
	struct buf text = BUF_INIT;
	struct expansions x;
	struct score_options opt, use;
	struct matcher *m;
	size_t *origin = xcalloc(lx->nentries ? lx->nentries : 1, sizeof(*origin));
	size_t i, j, n = 0, failed;

	memset(&opt, 0, sizeof(opt));
	opt.clean = o->clean;
	opt.templates = o->templates;
	if (!(src = lexrun_open(&o->in, NULL, &opt, &use))) {
		free(origin);
		return -2;
	}
	for (i = 0; i < lx->nentries; i++) {
		if (!is_glob(&lx->entries[i]))
			continue;
		buf_addf(&text, "[g%zu]\n%s\n", n, lx->entries[i].written);
		origin[n++] = i;
	}
	if (lexicon_parse(&glx, "globs", text.data ? text.data : "", text.len) < 0)
		die("cannot re-read the globs of the lexicon");
	memset(&x, 0, sizeof(x));
	x.glx = &glx;
	x.seen = xcalloc(n ? n : 1, sizeof(*x.seen));
	for (i = 0; i < n; i++)
		x.seen[i] = counts_new();
	m = matcher_new(&glx);
	failed = lexrun_run(src, &use, &(struct lexrun_pass){ &glx, m, count_expansions, &x }, 1);
	for (i = 0; i < n; i++) {
		const struct lex_entry *e = &lx->entries[origin[i]];
		size_t nitems;
		struct count_item *items = counts_sorted(x.seen[i], &nitems);

		qsort(items, nitems, sizeof(*items), cmp_count_desc);
		/*
		 * Occurrences, not counted matches: what the glob reaches is the
		 * point, also where a longer entry takes the words first or a
		 * negation keeps them out of the scores ("occurs as" says so).
		 */
		/* File names and entries pass the rule of sanitize.h, as in every listing. */
		printf("%s:%zu:%zu: ", buf_shown(&x.key, e->file), e->line, e->col);
		printf("%s occurs %s", buf_shown(&x.key, e->written), nitems ? "as" : "nowhere in");
		for (j = 0; j < nitems; j++)
			printf("%s %s %llu", j ? "," : "", buf_shown(&x.key, items[j].key),
			       (unsigned long long)items[j].n);
		if (nitems == 0)
			printf(" %s", buf_shown(&x.key, source_name(src)));
		putchar('\n');
		free(items);
		counts_free(x.seen[i]);
	}
	matcher_free(m);
	buf_release(&x.key);
	free(x.seen);
	buf_release(&text);
	lexicon_release(&glx);
	lexrun_close(src, &use);
	free(origin);
	return failed ? -1 : 0;
}

/* One line per lexicon file: its categories, entries and warnings. */
static void print_summary(const struct lexicon *lx, const struct lexcheck_list *problems)
{
	struct buf name = BUF_INIT;
	size_t i, f;

	for (f = 0; f < lx->nfiles; f++) {
		size_t ncat = 0, nent = 0, nwarn = 0;
		for (i = 0; i < lx->ncategories; i++)
			ncat += !strcmp(lx->categories[i].file, lx->files[f]);
		for (i = 0; i < lx->nentries; i++)
			nent += !strcmp(lx->entries[i].file, lx->files[f]);
		for (i = 0; i < problems->n; i++)
			nwarn += problems->p[i].file_index == f;
		printf("%s: %zu categor%s, %zu entr%s, %zu warning%s\n", buf_shown(&name, lx->files[f]), ncat,
		       ncat == 1 ? "y" : "ies", nent, nent == 1 ? "y" : "ies", nwarn,
		       nwarn == 1 ? "" : "s");
	}
	buf_release(&name);
}

int lexcheck_run(const struct lexcheck_run_opts *o)
{
	struct lexicon lx = LEXICON_INIT;
	struct lexcheck_list problems = LEXCHECK_LIST_INIT;
	int bad, status;
	size_t i;

	util_set_quiet(o->quiet);
	bad = lexicon_load_all(&lx, o->files, o->nfiles);
	lexcheck_find(&lx, &problems);
	for (i = 0; i < problems.n; i++)
		warning("%s:%zu:%zu: %s", problems.p[i].file, problems.p[i].line, problems.p[i].col,
			problems.p[i].message);
	print_summary(&lx, &problems);
	status = bad ? EXIT_USAGE : EXIT_OK;
	if (o->in.dir || o->in.jsonl) {
		/* A corpus refused as a whole (a link out of it) is an input error, as for score. */
		int r = print_expansions(&lx, o);
		if (r == -2)
			status = EXIT_USAGE;
		else if (r < 0 && !bad)
			status = EXIT_FAILED;
	}
	lexcheck_list_release(&problems);
	lexicon_release(&lx);
	return status;
}
