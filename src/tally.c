#include "tally.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "lexdecl.h"
#include "xalloc.h"
#include "score.h"
#include "util.h"
#include "banned.h"

struct tally *tally_new(const struct lexicon *lx, const char *by)
{
	struct tally *t = xcalloc(1, sizeof(*t));

	t->lx = lx;
	t->by = xstrdup(by);
	t->entries = xcalloc(lx->nentries ? lx->nentries : 1, sizeof(*t->entries));
	t->article_score = xcalloc(lx->ncategories ? lx->ncategories : 1,
				   sizeof(*t->article_score));
	t->seen = counts_new();
	return t;
}

void tally_free(struct tally *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->ngroups; i++) {
		free(t->groups[i].name);
		free(t->groups[i].matches);
		free(t->groups[i].score);
		free(t->groups[i].index_sum);
		free(t->groups[i].index_n);
	}
	free(t->groups);
	free(t->entries);
	free(t->article_score);
	free(t->by);
	counts_free(t->seen);
	free(t);
}

void tally_entry_add(struct tally_entry *e, size_t article, int quoted, int negated)
{
	e->matches++;
	if (negated) {
		e->negated++;
		return;
	}
	/* A negated match counts nowhere but in negated: not for articles either. */
	if (e->last_article != article) {
		e->last_article = article;
		e->articles++;
	}
	e->counted++;
	e->quoted += quoted != 0;
}

size_t tally_entry_own(const struct tally_entry *e)
{
	return e->counted - e->quoted;
}

double tally_entry_quoted_share(const struct tally_entry *e)
{
	return e->counted ? (double)e->quoted / (double)e->counted : NAN;
}

long tally_group(const struct tally *t, const char *name)
{
	size_t i;
	for (i = 0; i < t->ngroups; i++)
		if (!strcmp(t->groups[i].name, name))
			return (long)i;
	return -1;
}

static size_t group_of(struct tally *t, const char *name)
{
	long g = tally_group(t, name);
	struct tally_group *grp;
	size_t ncat = t->lx->ncategories ? t->lx->ncategories : 1;

	if (g >= 0)
		return (size_t)g;
	ALLOC_GROW(t->groups, t->ngroups + 1, t->groups_alloc);
	grp = &t->groups[t->ngroups];
	memset(grp, 0, sizeof(*grp));
	grp->name = xstrdup(name);
	grp->matches = xcalloc(ncat, sizeof(*grp->matches));
	grp->score = xcalloc(ncat, sizeof(*grp->score));
	grp->index_sum = xcalloc(t->lx->nindices + 1, sizeof(*grp->index_sum));
	grp->index_n = xcalloc(t->lx->nindices + 1, sizeof(*grp->index_n));
	return t->ngroups++;
}

/* The article's value of every index, added to its group's sums. */
static void add_indices(struct tally *t, struct tally_group *grp, size_t tokens)
{
	size_t k;

	for (k = 0; k < t->lx->nindices; k++) {
		const struct lex_index *ix = &t->lx->indices[k];
		double v = lexdecl_index_value(ix->kind, t->article_score[(size_t)ix->a.category],
					       t->article_score[(size_t)ix->b.category], tokens);
		if (isnan(v))
			continue;
		grp->index_sum[k] += v;
		grp->index_n[k]++;
	}
}

void tally_article(void *ctx, const struct lexrun_article *ra)
{
	struct tally *t = ctx;
	size_t g = group_of(t, lexrun_group(ra, t->by)), i;
	struct tally_group *grp = &t->groups[g];
	struct buf key = BUF_INIT;

	memset(t->article_score, 0, t->lx->ncategories * sizeof(*t->article_score));
	grp->articles++;
	grp->tokens += ra->tt->n;
	for (i = 0; i < ra->ml->n; i++) {
		const struct match *m = &ra->ml->m[i];
		struct tally_entry *e = &t->entries[m->entry];
		double w = t->lx->entries[m->entry].weight;

		tally_entry_add(e, ra->index + 1, m->quoted, m->negated);
		if (m->negated)
			continue;	/* in negated only; the lines below count for the group */
		buf_reset(&key);
		buf_addf(&key, "%u\t%zu", m->entry, g);
		if (!counts_get(t->seen, key.data, key.len))
			e->groups++;
		counts_add(t->seen, key.data, key.len, 1);
		grp->matches[m->category]++;
		grp->score[m->category] += w;
		t->article_score[m->category] += w;
	}
	add_indices(t, grp, ra->tt->n);
	buf_release(&key);
}

double tally_rate(const struct tally *t, size_t g, size_t cat)
{
	const struct tally_group *grp = &t->groups[g];
	return score_rate(grp->matches[cat], grp->tokens);
}

double tally_wrate(const struct tally *t, size_t g, size_t cat)
{
	const struct tally_group *grp = &t->groups[g];
	return score_wrate(grp->score[cat], grp->tokens);
}

double tally_index_mean(const struct tally *t, size_t g, size_t k)
{
	const struct tally_group *grp = &t->groups[g];
	if (!grp->index_n[k])
		return NAN;
	return grp->index_sum[k] / (double)grp->index_n[k];
}
