/*
 * targets_by_group.tsv (targetstats.h): reads the targets.tsv tables of a
 * stats run and sums them per group, category and actor.
 */
#include "targetstats.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "counts.h"
#include "fsutil.h"
#include "outfile.h"
#include "stats.h"
#include "targets.h"
#include "tsv.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

/* One row of targets.tsv kept: an article of t, a category and an actor slot. */
struct trow {
	size_t article;
	size_t cat;	/* index into t->cats */
	size_t slot;	/* actor's category index into t->cats, or SLOT_SEVERAL/NONE */
	double n;
};

struct reading {
	const struct scoretab *t;
	struct counts *ids;	/* id -> index in t->a, plus one */
	size_t *block;		/* per article: the block of rows it took, plus one */
	size_t blocks;
	struct trow *rows;
	size_t nrows, alloc;
	unsigned char *is_cat, *is_actor;	/* per t->cats: seen as category, as actor */
};

/* Slots past the categories' indices. */
#define SLOT_SEVERAL(t) ((t)->ncat)
#define SLOT_NONE(t) ((t)->ncat + 1)

static long cat_index(const struct scoretab *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->ncat; i++)
		if (!strcmp(t->cats[i], name))
			return (long)i;
	return -1;
}

/* A count of matches: digits only, at most 2^53 (exact in a double). */
static int parse_count(const char *s, double *n)
{
	char *end;
	unsigned long long v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || *end || v > (1ULL << 53))
		return -1;
	*n = (double)v;
	return 0;
}

/* One row of tsv into r; -1 after a message. */
static int read_row(struct reading *r, struct tsv *tsv, const long col[5], const char **last_id)
{
	const struct scoretab *t = r->t;
	const char *id = tsv_field(tsv, (size_t)col[0]);
	const char *cat = tsv_field(tsv, (size_t)col[2]), *actor = tsv_field(tsv, (size_t)col[3]);
	long c = cat_index(t, cat), a;
	uint64_t *slot;
	size_t article;
	double n;

	if (c < 0)
		return error("%s:%zu: category '%s' is not a category of the scores", tsv_name(tsv),
			     tsv_line(tsv), cat);
	if (!strcmp(actor, TARGETS_SEVERAL))
		a = (long)SLOT_SEVERAL(t);
	else if (!strcmp(actor, TARGETS_NONE))
		a = (long)SLOT_NONE(t);
	else if ((a = cat_index(t, actor)) < 0 || a == c)
		return error("%s:%zu: actor '%s' is not another category of the scores, "
			     "'" TARGETS_SEVERAL "' or '" TARGETS_NONE "'", tsv_name(tsv),
			     tsv_line(tsv), actor);
	if (parse_count(tsv_field(tsv, (size_t)col[4]), &n) < 0)
		return error("%s:%zu: matches '%s' is not a count", tsv_name(tsv), tsv_line(tsv),
			     tsv_field(tsv, (size_t)col[4]));
	/* A new id starts a block: an id's rows are one block, its first. */
	if (!*last_id || strcmp(*last_id, id)) {
		r->blocks++;
		free((char *)*last_id);
		*last_id = xstrdup(id);
	}
	slot = counts_slot(r->ids, id, strlen(id));
	if (!*slot)
		return 0;	/* not an article of t: a filter left it out */
	article = (size_t)*slot - 1;
	if (r->block[article] && r->block[article] != r->blocks)
		return 0;	/* a later article of the same id: t kept the first */
	r->block[article] = r->blocks;
	ALLOC_GROW(r->rows, r->nrows + 1, r->alloc);
	r->rows[r->nrows].article = article;
	r->rows[r->nrows].cat = (size_t)c;
	r->rows[r->nrows].slot = (size_t)a;
	r->rows[r->nrows].n = n;
	r->nrows++;
	r->is_cat[c] = 1;
	if ((size_t)a < t->ncat)
		r->is_actor[a] = 1;
	return 0;
}

/* Reads one targets.tsv; 1 when absent, -1 after a message. */
static int read_table(struct reading *r, const char *path)
{
	static const char *const names[5] = { "id", "outlet", "category", "actor", "matches" };
	struct tsv *tsv;
	const char *last_id = NULL;
	long col[5];
	int k, ret = 0;

	if (access(path, F_OK) != 0)
		return 1;
	if (!(tsv = tsv_open(path)))
		return -1;
	for (k = 0; k < 5; k++)
		if ((col[k] = tsv_column(tsv, names[k])) < 0) {
			error("%s: no column '%s'", path, names[k]);
			tsv_close(tsv);
			return -1;
		}
	while (ret == 0 && (k = tsv_next(tsv)) == 1)
		ret = read_row(r, tsv, col, &last_id);
	if (k < 0)
		ret = -1;
	free((char *)last_id);
	tsv_close(tsv);
	return ret;
}

static int by_article(const void *pa, const void *pb)
{
	const struct trow *a = pa, *b = pb;

	if (a->article != b->article)
		return a->article < b->article ? -1 : 1;
	if (a->cat != b->cat)
		return a->cat < b->cat ? -1 : 1;
	return (a->slot > b->slot) - (a->slot < b->slot);
}

/* The sums of one group, category and slot: for the share and for the rate. */
struct cell {
	struct stats_rate_sums share, rate;
	size_t articles, cat_articles;
};

struct summary {
	size_t ncat, nslot;
	size_t *cats, *slots;	/* the categories and slots written, as indices */
	long *slot_of;		/* per slot index (ncat + 2): its place in slots, or -1 */
	long *cat_of;
	struct cell *cells;	/* group, category, slot */
	double *x, *y;		/* one article's matches: per category; per category and slot */
};

static struct cell *cell_at(const struct summary *s, size_t g, size_t c, size_t k)
{
	return &s->cells[(g * s->ncat + c) * s->nslot + k];
}

/*
 * One pass over the articles: with pass 0 the totals of every cell, with
 * pass 1 the residuals (which need the totals).
 */
static void sum_pass(const struct reading *r, struct summary *s, int pass)
{
	const struct scoretab *t = r->t;
	size_t i, j = 0, c, k;

	for (i = 0; i < t->n; i++) {
		const struct scoretab_article *a = &t->a[i];
		memset(s->x, 0, s->ncat * sizeof(*s->x));
		memset(s->y, 0, s->ncat * s->nslot * sizeof(*s->y));
		for (; j < r->nrows && r->rows[j].article == i; j++) {
			const struct trow *row = &r->rows[j];
			c = (size_t)s->cat_of[row->cat];
			k = (size_t)s->slot_of[row->slot];
			s->x[c] += row->n;
			s->y[c * s->nslot + k] += row->n;
		}
		for (c = 0; c < s->ncat; c++)
			for (k = 0; k < s->nslot; k++) {
				struct cell *e = cell_at(s, a->group, c, k);
				double y = s->y[c * s->nslot + k];
				/* tokens NA (a hand-made table): the article has no rate. */
				int rated = !isnan(a->tokens);
				if (pass == 0) {
					e->rate.count += rated ? y : 0;
					e->rate.tokens += rated ? a->tokens : 0;
					e->share.count += y;
					e->share.tokens += s->x[c];
					e->articles += y > 0;
					e->cat_articles += s->x[c] > 0;
					continue;
				}
				if (rated)
					stats_rate_sums_add(&e->rate, y, a->tokens);
				if (s->x[c] > 0)
					stats_rate_sums_add(&e->share, y, s->x[c]);
			}
	}
}

/* share share_lo share_hi rate rate_lo rate_hi, the rate per 1,000 tokens, and the newline. */
static void add_values(struct buf *out, const struct stats_rate *share,
		       const struct stats_rate *rate)
{
	const double v[6] = { share->rate, share->lo, share->hi, 1000 * rate->rate,
			      1000 * rate->lo, 1000 * rate->hi };
	size_t i;

	for (i = 0; i < 6; i++) {
		buf_addch(out, '\t');
		buf_add_double(out, v[i]);
	}
	buf_addch(out, '\n');
}

static void write_rows(const struct reading *r, const struct summary *s, struct buf *out)
{
	const struct scoretab *t = r->t;
	struct stats_rate share, rate;
	size_t g, c, k;

	for (g = 0; g < t->ngroups; g++)
		for (c = 0; c < s->ncat; c++) {
			if (!(cell_at(s, g, c, 0)->share.tokens > 0))
				continue;
			for (k = 0; k < s->nslot; k++) {
				const struct cell *e = cell_at(s, g, c, k);
				size_t slot = s->slots[k];
				const char *actor = slot == SLOT_SEVERAL(t) ? TARGETS_SEVERAL
						  : slot == SLOT_NONE(t) ? TARGETS_NONE : t->cats[slot];
				stats_share_hc1(&e->share, &share);
				stats_rate_hc1(&e->rate, &rate);
				buf_add_tsv_field(out, t->groups[g], strlen(t->groups[g]));
				buf_addf(out, "\t%s\t%s\t%zu\t", t->cats[s->cats[c]], actor, e->articles);
				buf_add_double(out, e->share.count);
				buf_addf(out, "\t%zu\t", e->cat_articles);
				buf_add_double(out, e->share.tokens);
				add_values(out, &share, &rate);
			}
		}
}

/* Sums r into rows of out (the header is the caller's). */
static void summarise(const struct reading *r, struct buf *out)
{
	const struct scoretab *t = r->t;
	struct summary s;
	size_t i;

	memset(&s, 0, sizeof(s));
	s.cats = xcalloc(t->ncat + 1, sizeof(*s.cats));
	s.slots = xcalloc(t->ncat + 2, sizeof(*s.slots));
	s.cat_of = xcalloc(t->ncat + 1, sizeof(*s.cat_of));
	s.slot_of = xcalloc(t->ncat + 2, sizeof(*s.slot_of));
	for (i = 0; i < t->ncat + 2; i++)
		s.slot_of[i] = -1;
	for (i = 0; i < t->ncat; i++) {
		s.cat_of[i] = -1;
		if (r->is_cat[i]) {
			s.cat_of[i] = (long)s.ncat;
			s.cats[s.ncat++] = i;
		}
		if (r->is_actor[i]) {
			s.slot_of[i] = (long)s.nslot;
			s.slots[s.nslot++] = i;
		}
	}
	s.slot_of[SLOT_SEVERAL(t)] = (long)s.nslot;
	s.slots[s.nslot++] = SLOT_SEVERAL(t);
	s.slot_of[SLOT_NONE(t)] = (long)s.nslot;
	s.slots[s.nslot++] = SLOT_NONE(t);
	if (s.ncat) {
		s.cells = xcalloc(t->ngroups * s.ncat * s.nslot, sizeof(*s.cells));
		s.x = xcalloc(s.ncat, sizeof(*s.x));
		s.y = xcalloc(s.ncat * s.nslot, sizeof(*s.y));
		sum_pass(r, &s, 0);
		sum_pass(r, &s, 1);
		write_rows(r, &s, out);
	}
	free(s.cats);
	free(s.slots);
	free(s.cat_of);
	free(s.slot_of);
	free(s.cells);
	free(s.x);
	free(s.y);
}

/* Reads every targets.tsv into r; 1 when one is missing, -1 after a message. */
static int read_all(struct reading *r, char *const *files, size_t nfiles)
{
	size_t i, missing = 0;
	int ret = 0;

	for (i = 0; i < nfiles && ret >= 0; i++) {
		char *path = scoretab_sibling(files[i], "targets.tsv");
		ret = read_table(r, path);
		if (ret == 1 && !missing++)
			warning("no targets.tsv beside %s (a score run before framing wrote it): "
				"targets_by_group.tsv has no rows", files[i]);
		free(path);
	}
	return ret < 0 ? -1 : missing ? 1 : 0;
}

int targetstats_write(const struct scoretab *t, char *const *files, size_t nfiles,
		      const char *outdir)
{
	struct reading r;
	struct buf out = BUF_INIT;
	char *path;
	size_t i;
	int ret;

	memset(&r, 0, sizeof(r));
	r.t = t;
	r.ids = counts_new();
	r.block = xcalloc(t->n + 1, sizeof(*r.block));
	r.is_cat = xcalloc(t->ncat + 1, 1);
	r.is_actor = xcalloc(t->ncat + 1, 1);
	for (i = 0; i < t->n; i++)
		*counts_slot(r.ids, t->a[i].id, strlen(t->a[i].id)) = i + 1;
	buf_adds(&out, TARGETSTATS_HEADER);
	ret = read_all(&r, files, nfiles);
	if (ret == 0) {
		/* No row (no actor): rows is NULL, which qsort may not be given. */
		if (r.nrows)
			qsort(r.rows, r.nrows, sizeof(*r.rows), by_article);
		summarise(&r, &out);
	}
	counts_free(r.ids);
	free(r.block);
	free(r.rows);
	free(r.is_cat);
	free(r.is_actor);
	if (ret < 0) {
		buf_release(&out);
		return -1;
	}
	path = path_join(outdir, "targets_by_group.tsv");
	ret = outfile_write_all(path, buf_str(&out), out.len);
	free(path);
	buf_release(&out);
	return ret;
}
