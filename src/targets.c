/*
 * targets.tsv rows of one article (targets.h): which actors each sentence
 * names, and the matches of every other category tallied by them.
 */
#include "targets.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"
#include "banned.h"

/* A sentence's actors as one number: NONE, an actor's ordinal, or SEVERAL. */
#define WHO_NONE (-1)

struct targets {
	const struct lexicon *lx;
	long *ordinal;		/* per category: its ordinal among the actors, or -1 */
	size_t nactors;
	size_t *actor_category;	/* per actor ordinal: its category */
	long *who;		/* per sentence (1-based): WHO_NONE, ordinal, or nactors */
	size_t who_alloc;
	size_t *count;		/* per category: nactors + 2 columns (several, none) */
};


struct targets *targets_new(const struct lexicon *lx)
{
	struct targets *t = xcalloc(1, sizeof(*t));
	size_t i, n = lx->ncategories ? lx->ncategories : 1;

	t->lx = lx;
	t->ordinal = xcalloc(n, sizeof(*t->ordinal));
	t->actor_category = xcalloc(n, sizeof(*t->actor_category));
	for (i = 0; i < lx->ncategories; i++) {
		t->ordinal[i] = -1;
		if (lx->categories[i].actor) {
			t->actor_category[t->nactors] = i;
			t->ordinal[i] = (long)t->nactors++;
		}
	}
	t->count = xcalloc(n * (t->nactors + 2), sizeof(*t->count));
	return t;
}

void targets_free(struct targets *t)
{
	if (!t)
		return;
	free(t->ordinal);
	free(t->actor_category);
	free(t->who);
	free(t->count);
	free(t);
}

void targets_header(struct buf *out)
{
	buf_adds(out, "id\toutlet\tcategory\tactor\tmatches\n");
}

/* Marks which actors each sentence names. */
static void mark_sentences(struct targets *t, const struct text_tokens *tt,
			   const struct match_list *ml)
{
	size_t i, need = (size_t)tt->sentences + 1;

	ALLOC_GROW(t->who, need, t->who_alloc);
	for (i = 0; i < need; i++)
		t->who[i] = WHO_NONE;
	for (i = 0; i < ml->n; i++) {
		long k = t->ordinal[ml->m[i].category];
		long *w = &t->who[tt->tok[ml->m[i].first].sentence];
		if (k < 0)
			continue;
		if (*w == WHO_NONE)
			*w = k;
		else if (*w != k)
			*w = (long)t->nactors;
	}
}

static void add_row(struct buf *out, const char *id, const char *outlet, const char *category,
		    const char *actor, size_t n)
{
	buf_add_tsv_field(out, id, strlen(id));
	buf_addch(out, '\t');
	buf_add_tsv_field(out, outlet, strlen(outlet));
	buf_addch(out, '\t');
	buf_add_tsv_field(out, category, strlen(category));
	buf_addch(out, '\t');
	buf_add_tsv_field(out, actor, strlen(actor));
	buf_addch(out, '\t');
	buf_add_uint(out, n);
	buf_addch(out, '\n');
}

void targets_article(struct targets *t, const struct text_tokens *tt,
		     const struct match_list *ml, const char *id, const char *outlet,
		     struct buf *out)
{
	const struct lexicon *lx = t->lx;
	size_t cols = t->nactors + 2, i, k;

	if (!t->nactors)
		return;
	mark_sentences(t, tt, ml);
	memset(t->count, 0, lx->ncategories * cols * sizeof(*t->count));
	for (i = 0; i < ml->n; i++) {
		const struct match *m = &ml->m[i];
		long w;
		if (m->negated || t->ordinal[m->category] >= 0)
			continue;
		w = t->who[tt->tok[m->first].sentence];
		t->count[m->category * cols + (w == WHO_NONE ? t->nactors + 1 : (size_t)w)]++;
	}
	for (i = 0; i < lx->ncategories; i++) {
		const size_t *c = t->count + i * cols;
		if (t->ordinal[i] >= 0)
			continue;
		for (k = 0; k < cols; k++) {
			const char *actor = k < t->nactors
				? lx->categories[t->actor_category[k]].name
				: k == t->nactors ? TARGETS_SEVERAL : TARGETS_NONE;
			if (c[k])
				add_row(out, id, outlet, lx->categories[i].name, actor, c[k]);
		}
	}
}
