/*
 * "framing lexicon stats" as a function (see lexstats.h): one reading of
 * the source, tallied per entry and per group, printed as two tables.
 */
#include "lexstats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "lexicon.h"
#include "lexrun.h"
#include "match.h"
#include "table.h"
#include "tally.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

void lexstats_opts_init(struct lexstats_opts *o)
{
	memset(o, 0, sizeof(*o));
	lexrun_opts_init(&o->tool);
}

static const struct tally *sort_tally;

static int cmp_entry(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	const struct tally_entry *ex = &sort_tally->entries[x], *ey = &sort_tally->entries[y];
	const struct lex_entry *lx = &sort_tally->lx->entries[x], *ly = &sort_tally->lx->entries[y];

	if (!ex->counted != !ey->counted)
		return ex->counted ? -1 : 1;
	if (lx->category != ly->category)
		return lx->category < ly->category ? -1 : 1;
	if (ex->counted != ey->counted)
		return ex->counted > ey->counted ? -1 : 1;
	return x < y ? -1 : 1;
}

/* The entries of lx in the order of cmp_entry (owned by the caller). */
static size_t *sorted_entries(const struct lexicon *lx, const struct tally *t)
{
	size_t *order = xcalloc(lx->nentries ? lx->nentries : 1, sizeof(*order));
	size_t i;

	for (i = 0; i < lx->nentries; i++)
		order[i] = i;
	sort_tally = t;
	qsort(order, lx->nentries, sizeof(*order), cmp_entry);
	sort_tally = NULL;
	return order;
}

static void print_table(const struct lexicon *lx, const struct tally *t, const char *by, int tsv)
{
	size_t i, *order = sorted_entries(lx, t);
	struct table *tab = table_new(8, "llrrrrrl");

	table_add(tab, "category");
	table_add(tab, "entry");
	table_add(tab, "matches");
	table_add(tab, "articles");
	table_add(tab, strcmp(by, "outlet") ? by : "outlets");
	table_add(tab, "quoted");
	table_add(tab, "negated");
	table_add(tab, "where");
	for (i = 0; i < lx->nentries; i++) {
		const struct lex_entry *e = &lx->entries[order[i]];
		const struct tally_entry *te = &t->entries[order[i]];
		table_add(tab, lx->categories[e->category].name);
		table_add(tab, e->written);
		/* Counted matches, as diff, scores.tsv and the report count them (tally.h). */
		table_addf(tab, "%zu", te->counted);
		table_addf(tab, "%zu", te->articles);
		table_addf(tab, "%zu", te->groups);
		if (te->counted)
			table_addf(tab, "%.2f", tally_entry_quoted_share(te));
		else
			table_add(tab, "NA");
		table_addf(tab, "%zu", te->negated);
		table_addf(tab, "%s:%zu", e->file, e->line);
	}
	table_print(tab, stdout, tsv);
	table_free(tab);
	free(order);
}

/*
 * Per group: its articles and tokens, the rate of every category (and its
 * weighted rate beside it when the category has weights) and the mean of
 * every declared index, named as stats names them (C_rate, C_wrate, the
 * index's name).
 */
static void print_groups(const struct lexicon *lx, const struct tally *t, int tsv)
{
	size_t ncols = 3 + lx->nindices, i, g;
	struct buf align = BUF_INIT;
	struct table *tab;

	for (i = 0; i < lx->ncategories; i++)
		ncols += lx->categories[i].weighted ? 2 : 1;
	buf_adds(&align, "l");
	for (i = 1; i < ncols; i++)
		buf_addch(&align, 'r');
	tab = table_new(ncols, align.data);
	table_add(tab, t->by);
	table_add(tab, "articles");
	table_add(tab, "tokens");
	for (i = 0; i < lx->ncategories; i++) {
		table_addf(tab, "%s_rate", lx->categories[i].name);
		if (lx->categories[i].weighted)
			table_addf(tab, "%s_wrate", lx->categories[i].name);
	}
	for (i = 0; i < lx->nindices; i++)
		table_add(tab, lx->indices[i].name);
	for (g = 0; g < t->ngroups; g++) {
		table_add(tab, t->groups[g].name);
		table_addf(tab, "%zu", t->groups[g].articles);
		table_addf(tab, "%zu", t->groups[g].tokens);
		for (i = 0; i < lx->ncategories; i++) {
			table_add_double(tab, tally_rate(t, g, i));
			if (lx->categories[i].weighted)
				table_add_double(tab, tally_wrate(t, g, i));
		}
		for (i = 0; i < lx->nindices; i++)
			table_add_double(tab, tally_index_mean(t, g, i));
	}
	if (!tsv)
		printf("\nper %s: rates per 1,000 tokens, %s\n", t->by,
		       lx->nindices ? "mean per article of each index" : "no index declared");
	else
		putchar('\n');
	table_print(tab, stdout, tsv);
	table_free(tab);
	buf_release(&align);
}

int lexstats_run(const struct lexstats_opts *o)
{
	struct lexicon lx = LEXICON_INIT;
	struct source *src = NULL;
	struct matcher *m = NULL;
	struct tally *t = NULL;
	struct score_options use = o->tool.opt;
	int status = EXIT_USAGE;

	util_set_quiet(o->tool.quiet);
	if (lexicon_load_all(&lx, o->lexicons, o->nlexicons) < 0
	    || !(src = lexrun_open(&o->tool.in, o->tool.by, &o->tool.opt, &use)))
		goto out;
	m = matcher_new(&lx);
	t = tally_new(&lx, o->tool.by);
	status = lexrun_run(src, &use, &(struct lexrun_pass){ &lx, m, tally_article, t }, 1)
		 ? EXIT_FAILED : EXIT_OK;
	print_table(&lx, t, o->tool.by, o->tool.tsv);
	print_groups(&lx, t, o->tool.tsv);
out:
	tally_free(t);
	matcher_free(m);
	lexrun_close(src, &use);
	lexicon_release(&lx);
	return status;
}
