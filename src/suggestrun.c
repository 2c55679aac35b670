/*
 * "framing lexicon suggest" as a function (see suggestrun.h): two readings
 * of the source, then the ranked candidates with their examples.
 */
#include "suggestrun.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "lexrun.h"
#include "match.h"
#include "suggest.h"
#include "table.h"
#include "util.h"
#include "banned.h"

void suggest_run_opts_init(struct suggest_run_opts *o)
{
	memset(o, 0, sizeof(*o));
	lexrun_opts_init(&o->tool);
	o->tool.by = NULL;
	o->category = "accusatory";
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

static void print_tsv(const struct suggestion *r, size_t n, FILE *out)
{
	struct table *t = table_new(9, "lllllllll");
	size_t i;
	const char *head[] = { "rank", "term", "with", "total", "z_sentence", "z_outlet",
			       "score", "example1", "example2" };

	for (i = 0; i < 9; i++)
		table_add(t, head[i]);
	for (i = 0; i < n; i++) {
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
	table_print(t, out, 1);
	table_free(t);
}

static void print_results(const struct suggest_run_opts *o, const struct suggest *s)
{
	size_t nres;
	const struct suggestion *res = suggest_results(s, &nres);

	if (o->tool.tsv) {
		print_tsv(res, nres, stdout);
	} else {
		printf("[%s]: outlets using it most: %s\n\n", o->category,
		       *suggest_top_outlets(s) ? suggest_top_outlets(s) : "none");
		print_text(res, nres, stdout);
	}
	if (nres == 0)
		inform("no term occurs %zu times in sentences with [%s]; try --min 1",
		       o->min_with, o->category);
}

int suggest_run(const struct suggest_run_opts *o)
{
	struct lexicon lx = LEXICON_INIT;
	struct source *src = NULL;
	struct matcher *m = NULL;
	struct suggest *s = NULL;
	long cat;
	struct score_options use = o->tool.opt;
	int status = EXIT_USAGE;
	size_t failed;

	util_set_quiet(o->tool.quiet);
	if (lexicon_load_all(&lx, o->lexicons, o->nlexicons) < 0)
		goto out;
	if ((cat = lexicon_category(&lx, o->category)) < 0) {
		error("no category '%s' in the lexicons", o->category);
		goto out;
	}
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
	s = suggest_new(&lx, (size_t)cat);
	failed = lexrun_run(src, &use, &(struct lexrun_pass){ &lx, m, suggest_count, s }, 1);
	suggest_rank(s, o->n, o->min_with);
	if (source_rewind(src) < 0)
		goto out;
	/* The same articles again: their messages were printed in the first reading. */
	util_set_message_sink(util_message_drop, NULL);
	failed += lexrun_run(src, &use, &(struct lexrun_pass){ &lx, m, suggest_examples, s }, 1);
	util_set_message_sink(NULL, NULL);
	status = failed ? EXIT_FAILED : EXIT_OK;
	print_results(o, s);
out:
	suggest_free(s);
	matcher_free(m);
	lexrun_close(src, &use);
	lexicon_release(&lx);
	return status;
}
