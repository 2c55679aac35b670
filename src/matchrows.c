/*
 * matches.tsv summed per outlet, category and entry (see matchrows.h).
 */
#include "matchrows.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "hash.h"
#include "sort.h"
#include "tsv.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

static uint64_t mhash(const char *a, const char *b, const char *c)
{
	return hash_fnv_part(hash_fnv_part(hash_fnv_part(HASH_FNV_OFFSET, a), b), c);
}

static void rehash(struct matchrows *t)
{
	size_t i, n = t->nslots ? t->nslots * 2 : 1024;

	free(t->slot);
	t->slot = xcalloc(n, sizeof(size_t));
	t->nslots = n;
	for (i = 0; i < t->n; i++) {
		size_t s = (size_t)mhash(t->rows[i].outlet, t->rows[i].category, t->rows[i].entry) & (n - 1);
		while (t->slot[s])
			s = (s + 1) & (n - 1);
		t->slot[s] = i + 1;
	}
}

static struct matchrow *get(struct matchrows *t, const char *outlet, const char *cat, const char *entry)
{
	size_t s;
	struct matchrow *r;

	if ((t->n + 1) * 2 > t->nslots)
		rehash(t);
	s = (size_t)mhash(outlet, cat, entry) & (t->nslots - 1);
	while (t->slot[s]) {
		r = &t->rows[t->slot[s] - 1];
		if (!strcmp(r->outlet, outlet) && !strcmp(r->category, cat) && !strcmp(r->entry, entry))
			return r;
		s = (s + 1) & (t->nslots - 1);
	}
	ALLOC_GROW(t->rows, t->n + 1, t->alloc);
	r = &t->rows[t->n++];
	memset(r, 0, sizeof(*r));
	r->outlet = xstrdup(outlet);
	r->category = xstrdup(cat);
	r->entry = xstrdup(entry);
	t->slot[s] = t->n;
	return r;
}

void matchrows_release(struct matchrows *t)
{
	size_t i;
	for (i = 0; i < t->n; i++) {
		struct matchrow *r = &t->rows[i];
		free(r->outlet);
		free(r->category);
		free(r->entry);
		free(r->id);
		free(r->left);
		free(r->surface);
		free(r->right);
	}
	free(t->rows);
	free(t->slot);
	memset(t, 0, sizeof(*t));
}

/* Sums matches.tsv per outlet and entry, as lexicon stats sums a corpus (tally.h). */
int matchrows_load(struct matchrows *t, const char *path)
{
	struct tsv *f = tsv_open(path);
	struct buf last_id = BUF_INIT;
	size_t article = 0;
	long c[10];
	static const char *const names[10] = {
		"id", "outlet", "category", "entry", "surface", "quoted", "negated", "left", "right", "sentence",
	};
	size_t i;
	int rc;

	if (!f)
		return -1;
	for (i = 0; i < 9; i++) {
		c[i] = tsv_column(f, names[i]);
		if (c[i] < 0) {
			error("%s: no column '%s'", path, names[i]);
			tsv_close(f);
			return -1;
		}
	}
	while ((rc = tsv_next(f)) > 0) {
		struct matchrow *r = get(t, tsv_field(f, (size_t)c[1]), tsv_field(f, (size_t)c[2]),
					  tsv_field(f, (size_t)c[3]));
		int quoted = !strcmp(tsv_field(f, (size_t)c[5]), "1");
		int negated = !strcmp(tsv_field(f, (size_t)c[6]), "1");

		/* An article's matches are one run of rows: a new id is the next article. */
		if (!article || strcmp(last_id.data, tsv_field(f, (size_t)c[0]))) {
			article++;
			buf_reset(&last_id);
			buf_adds(&last_id, tsv_field(f, (size_t)c[0]));
		}
		tally_entry_add(&r->sums, article, quoted, negated);
		/* The example: the first match that counts (not negated). */
		if (!r->id || (r->ex_negated && !negated)) {
			free(r->id);
			free(r->left);
			free(r->surface);
			free(r->right);
			r->id = xstrdup(tsv_field(f, (size_t)c[0]));
			r->surface = xstrdup(tsv_field(f, (size_t)c[4]));
			r->left = xstrdup(tsv_field(f, (size_t)c[7]));
			r->right = xstrdup(tsv_field(f, (size_t)c[8]));
			r->ex_quoted = quoted;
			r->ex_negated = negated;
		}
	}
	tsv_close(f);
	buf_release(&last_id);
	return rc < 0 ? -1 : 0;
}

static int cmp_row(const void *pa, const void *pb)
{
	const struct matchrow *a = pa, *b = pb;
	int d = strcmp(a->outlet, b->outlet);
	if (d)
		return d;
	if (a->cat_index != b->cat_index)
		return a->cat_index < b->cat_index ? -1 : 1;
	if (a->sums.counted != b->sums.counted)
		return a->sums.counted > b->sums.counted ? -1 : 1;
	return strcmp(a->entry, b->entry);
}

void matchrows_sort(struct matchrows *t, char *const *categories, size_t ncategories)
{
	size_t i, j;

	for (i = 0; i < t->n; i++) {
		struct matchrow *r = &t->rows[i];
		r->cat_index = (size_t)-1;
		for (j = 0; j < ncategories; j++)
			if (!strcmp(categories[j], r->category))
				r->cat_index = j;
	}
	sort_array(t->rows, t->n, sizeof(struct matchrow), cmp_row);
	/* The sort moved rows: the hash slots are stale from here on. */
	free(t->slot);
	t->slot = NULL;
	t->nslots = 0;
}

int matchrows_has(const struct matchrows *t, const char *category, const char *entry)
{
	size_t i;
	for (i = 0; i < t->n; i++)
		if (!strcmp(t->rows[i].category, category) && !strcmp(t->rows[i].entry, entry))
			return 1;
	return 0;
}
