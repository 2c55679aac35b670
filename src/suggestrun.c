/*
 * "framing lexicon suggest" as a function (see suggestrun.h): two readings
 * of the source, then the ranked candidates with their examples.
 */
#include "suggestrun.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexcat.h"
#include "lexicon.h"
#include "lexrun.h"
#include "match.h"
#include "suggest.h"
#include "table.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

void suggest_run_opts_init(struct suggest_run_opts *o)
{
	memset(o, 0, sizeof(*o));
	lexrun_opts_init(&o->tool);
	o->tool.by = NULL;
	o->n = 15;
	o->min_with = 2;
}

static void print_text(const struct suggestion *r, size_t n, FILE *out)
{
	struct table *t = table_new(7, "rlrrrrr");
	size_t i, j;

	table_add(t, "#");
	table_add(t, "term");
	table_add(t, "with");
	table_add(t, "total");
	table_add(t, "z_sent");
	table_add(t, "z_outlet");
	table_add(t, "score");
	for (i = 0; i < n; i++) {
		table_addf(t, "%zu", i + 1);
		table_add(t, r[i].term);
		table_addf(t, "%zu", r[i].with);
		table_addf(t, "%zu", r[i].total);
		table_addf(t, "%.2f", r[i].z_sentence);
		if (isnan(r[i].z_outlet))
			table_add(t, "NA");
		else
			table_addf(t, "%.2f", r[i].z_outlet);
		table_addf(t, "%.2f", r[i].score);
	}
	table_print(t, out, 0);
	table_free(t);
	fputs("\nexamples\n", out);
	for (i = 0; i < n; i++)
		for (j = 0; j < 2; j++)
			if (r[i].example[j])
				fprintf(out, "%3zu  %s\n", i + 1, r[i].example[j]);
}

/* The rows of one category; cat NULL: no category column. */
static void add_tsv_rows(struct table *t, const char *cat, const struct suggestion *r, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (cat)
			table_add(t, cat);
		table_addf(t, "%zu", i + 1);
		table_add(t, r[i].term);
		table_addf(t, "%zu", r[i].with);
		table_addf(t, "%zu", r[i].total);
		table_add_double(t, r[i].z_sentence);
		table_add_double(t, r[i].z_outlet);
		table_add_double(t, r[i].score);
		table_add(t, r[i].example[0] ? r[i].example[0] : "");
		table_add(t, r[i].example[1] ? r[i].example[1] : "");
	}
}

/* The categories a run covers, as indices of the lexicons, in order. */
struct cat_list {
	size_t *at;
	size_t n, alloc;
	int several;	/* none named or more than one: the output names each */
};

static void print_tsv(const struct lexicon *lx, const struct cat_list *cl,
		      struct suggest *const *s, FILE *out)
{
	struct table *t = table_new(9 + (cl->several != 0), "llllllllll");
	size_t i, nres;
	const char *head[] = { "category", "rank", "term", "with", "total", "z_sentence",
			       "z_outlet", "score", "example1", "example2" };

	for (i = !cl->several; i < 10; i++)
		table_add(t, head[i]);
	for (i = 0; i < cl->n; i++) {
		const struct suggestion *res = suggest_results(s[i], &nres);
		add_tsv_rows(t, cl->several ? lx->categories[cl->at[i]].name : NULL, res, nres);
	}
	table_print(t, out, 1);
	table_free(t);
}

static void print_results(const struct suggest_run_opts *o, const struct lexicon *lx,
			  const struct cat_list *cl, struct suggest *const *s)
{
	size_t i, nres;

	if (o->tool.tsv)
		print_tsv(lx, cl, s, stdout);
	for (i = 0; i < cl->n; i++) {
		const struct suggestion *res = suggest_results(s[i], &nres);
		const char *name = lx->categories[cl->at[i]].name;
		if (!o->tool.tsv) {
			printf("%s[%s]: outlets using it most: %s\n\n", i ? "\n" : "", name,
			       *suggest_top_outlets(s[i]) ? suggest_top_outlets(s[i]) : "none");
			print_text(res, nres, stdout);
		}
		if (nres == 0)
			inform("no term occurs %zu times in sentences with [%s]; try --min 1",
			       o->min_with, name);
	}
}

static void cat_add(struct cat_list *cl, size_t c)
{
	size_t i;
	for (i = 0; i < cl->n; i++)
		if (cl->at[i] == c)
			return;
	ALLOC_GROW(cl->at, cl->n + 1, cl->alloc);
	cl->at[cl->n++] = c;
}

/* The categories of the options (each may list several, comma-separated);
 * -1 after a message for every unknown one. */
static int cat_list_make(struct cat_list *cl, const struct suggest_run_opts *o,
			 const struct lexicon *lx)
{
	size_t i, named = 0;
	int bad = 0;

	for (i = 0; i < o->ncategories; i++) {
		const char *p = o->categories[i];
		for (;;) {
			size_t len = strcspn(p, ",");
			char *name = xstrndup(p, len);
			long c = lexcat_find(lx, name);
			free(name);
			if (c < 0)
				bad = 1;
			else
				cat_add(cl, (size_t)c);
			named++;
			if (!p[len])
				break;
			p += len + 1;
		}
	}
	if (bad)
		return -1;
	if (!o->ncategories) {
		/* An actor (@actors) says who a sentence is about, not how it is
		 * phrased: its terms are suggested only when it is named. */
		for (i = 0; i < lx->ncategories; i++)
			if (!lx->categories[i].actor)
				cat_add(cl, i);
		if (!cl->n)
			return error("the lexicons have no category to suggest terms for (the "
				     "actors, after an @actors line, only when named: give "
				     "--category NAME)");
	}
	cl->several = named != 1;
	return 0;
}

/* lexrun_fn over every suggest of a NULL-terminated array: one scoring for all. */
static void count_all(void *ctx, const struct lexrun_article *ra)
{
	struct suggest **s;
	for (s = ctx; *s; s++)
		suggest_count(*s, ra);
}

static void examples_all(void *ctx, const struct lexrun_article *ra)
{
	struct suggest **s;
	for (s = ctx; *s; s++)
		suggest_examples(*s, ra);
}

int suggest_run(const struct suggest_run_opts *o)
{
	struct lexicon lx = LEXICON_INIT;
	struct source *src = NULL;
	struct matcher *m = NULL;
	struct suggest **s = NULL;
	struct cat_list cl = { NULL, 0, 0, 0 };
	size_t i;
	struct score_options use = o->tool.opt;
	int status = EXIT_USAGE;
	size_t failed;

	util_set_quiet(o->tool.quiet);
	if (lexicon_load_all(&lx, o->lexicons, o->nlexicons) < 0)
		goto out;
	if (cat_list_make(&cl, o, &lx) < 0)
		goto out;
	if (!(src = lexrun_open(&o->tool.in, NULL, &o->tool.opt, &use)))
		goto out;
	/* The examples are taken in a second reading, once the terms are ranked. */
	if (!source_rewindable(src)) {
		error("%s: cannot be read twice (not a regular file), and lexicon suggest reads "
		      "the articles twice; save them to a file and give --jsonl FILE",
		      source_name(src));
		goto out;
	}
	m = matcher_new(&lx);
	s = xcalloc(cl.n + 1, sizeof(*s));
	for (i = 0; i < cl.n; i++)
		s[i] = suggest_new(&lx, cl.at[i]);
	failed = lexrun_run(src, &use, &(struct lexrun_pass){ &lx, m, count_all, s }, 1);
	for (i = 0; i < cl.n; i++)
		suggest_rank(s[i], o->n, o->min_with);
	if (source_rewind(src) < 0)
		goto out;
	/* The same articles again: their messages were printed in the first reading. */
	util_set_message_sink(util_message_drop, NULL);
	failed += lexrun_run(src, &use, &(struct lexrun_pass){ &lx, m, examples_all, s }, 1);
	util_set_message_sink(NULL, NULL);
	status = failed ? EXIT_FAILED : EXIT_OK;
	print_results(o, &lx, &cl, s);
out:
	for (i = 0; s && s[i]; i++)
		suggest_free(s[i]);
	free(s);
	free(cl.at);
	matcher_free(m);
	lexrun_close(src, &use);
	lexicon_release(&lx);
	return status;
}
