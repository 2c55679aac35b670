/*
 * Reads scores.tsv files into one table and applies the article filters
 * that framing stats needs (same ids, near-duplicates, empty articles).
 */
#include "scoretab.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "corpus.h"
#include "counts.h"
#include "dedup.h"
#include "fsutil.h"
#include "parse.h"
#include "sha256.h"
#include "sort.h"
#include "tsv.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

/* Column positions in one file. */
struct scoretab_cols {
	long id, outlet, date, tokens, by, within;
	long title, dropped, lost_words;	/* -1 unless SCORETAB_TEXT (and present) */
	long *matches, *own, *score;	/* per category */
	long *index;		/* per index */
};

/*
 * The articles' strings and counts, in large blocks: a million articles
 * took five allocations each (400 MB in all). Outlets, dates and group
 * values repeat, so each distinct value is kept once and numbered.
 */
#define SCORETAB_BLOCK (1 << 20)

/*
 * The one index of a scores.tsv without categories.tsv (scoretab.h): the
 * column that every framing before the declarations wrote.
 */
#define UNDECLARED_INDEX "stance"

struct scoretab_store {
	char **blocks;
	size_t nblocks, blocks_alloc;
	char *next;			/* free space in the last block */
	size_t left;
	struct counts *seen;		/* interned value -> its number + 1 */
	char **values;			/* by number; apart from the blocks */
	size_t nvalues, values_alloc;
};

static struct scoretab_store *scoretab_store_new(void)
{
	struct scoretab_store *st = xcalloc(1, sizeof(*st));
	st->seen = counts_new();
	return st;
}

static void scoretab_store_free(struct scoretab_store *st)
{
	size_t i;

	if (!st)
		return;
	for (i = 0; i < st->nblocks; i++)
		free(st->blocks[i]);
	free(st->blocks);
	counts_free(st->seen);
	for (i = 0; i < st->nvalues; i++)
		free(st->values[i]);
	free(st->values);
	free(st);
}

/* size bytes aligned for a double, valid until the store is freed. */
static void *scoretab_alloc(struct scoretab_store *st, size_t size)
{
	size_t pad = (size_t)((uintptr_t)st->next % sizeof(double));
	void *p;

	pad = pad ? sizeof(double) - pad : 0;
	if (!st->next || st->left < pad + size) {
		size_t block = size > SCORETAB_BLOCK ? size : SCORETAB_BLOCK;
		ALLOC_GROW(st->blocks, st->nblocks + 1, st->blocks_alloc);
		st->blocks[st->nblocks++] = st->next = xmalloc(block);
		st->left = block;
		pad = 0;
	}
	p = st->next + pad;
	st->next += pad + size;
	st->left -= pad + size;
	return p;
}

static const char *scoretab_strdup(struct scoretab_store *st, const char *s)
{
	size_t len = strlen(s);
	char *p = scoretab_alloc(st, len + 1);
	memcpy(p, s, len + 1);
	return p;
}

/* The one copy of s in the store; *no gets its number. */
static const char *scoretab_intern(struct scoretab_store *st, const char *s, size_t *no)
{
	uint64_t *slot = counts_slot(st->seen, s, strlen(s));

	if (!*slot) {
		ALLOC_GROW(st->values, st->nvalues + 1, st->values_alloc);
		st->values[st->nvalues++] = xstrdup(s);
		*slot = st->nvalues;
	}
	*no = (size_t)(*slot - 1);
	return st->values[*no];
}

/* The first 8 bytes of id, big-endian: compared as a number, they order as strcmp does. */
static uint64_t scoretab_idkey(const char *id)
{
	uint64_t k = 0;
	size_t i;
	int ended = 0;

	for (i = 0; i < 8; i++) {
		ended = ended || !id[i];
		k = k << 8 | (ended ? 0 : (unsigned char)id[i]);
	}
	return k;
}

static int scoretab_has_suffix(const char *s, const char *suffix, size_t *stem)
{
	size_t ls = strlen(s), lx = strlen(suffix);
	if (ls <= lx || strcmp(s + ls - lx, suffix))
		return 0;
	*stem = ls - lx;
	return 1;
}

/* Is column i+k named stem + suffix? */
static int scoretab_col_is(struct tsv *in, size_t i, const char *stem, size_t len,
			   const char *suffix)
{
	const char *name = tsv_column_name(in, i);
	return !strncmp(name, stem, len) && !strcmp(name + len, suffix);
}

/* Category names from the header, as a new array; *n gets the count. */
static char **scoretab_categories(struct tsv *in, size_t *n)
{
	char **cats = NULL;
	size_t alloc = 0, i, len;

	*n = 0;
	for (i = 0; i + 3 < tsv_columns(in); i++) {
		const char *name = tsv_column_name(in, i);
		if (!scoretab_has_suffix(name, "_matches", &len) ||
		    !scoretab_col_is(in, i + 1, name, len, "_score") ||
		    !scoretab_col_is(in, i + 2, name, len, "_rate") ||
		    !scoretab_col_is(in, i + 3, name, len, "_own"))
			continue;
		ALLOC_GROW(cats, *n + 1, alloc);
		cats[(*n)++] = xstrndup(name, len);
	}
	return cats;
}

static long scoretab_need(struct tsv *in, const char *name)
{
	long c = tsv_column(in, name);
	if (c < 0)
		error("%s:1: no column '%s'", tsv_name(in), name);
	return c;
}

static int scoretab_same_categories(struct scoretab *t, struct tsv *in, char **cats, size_t n)
{
	size_t i;

	if (n != t->ncat)
		return error("%s:1: %zu categories, but '%s' has %zu", tsv_name(in), n,
			     t->files[0], t->ncat);
	for (i = 0; i < n; i++)
		if (strcmp(cats[i], t->cats[i]))
			return error("%s:1: category '%s' where '%s' has '%s'", tsv_name(in),
				     cats[i], t->files[0], t->cats[i]);
	return 0;
}

static void scoretab_free_names(char **names, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/*
 * The declarations of a scores file without categories.tsv (scoretab.h):
 * its categories, none an actor, each in the voice chart, weighted as the
 * rows will say (scoretab_guess_weights).
 */
static void scoretab_undeclared(struct lexdecl *d, char **cats, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct lexdecl_category *dc;
		ALLOC_GROW(d->cat, d->ncat + 1, d->cat_alloc);
		dc = &d->cat[d->ncat++];
		memset(dc, 0, sizeof(*dc));
		dc->name = xstrdup(cats[i]);
		dc->description = xstrdup("");
		dc->voice = 1;
	}
}

/*
 * The index of a file without categories.tsv: its column "stance", as
 * scores.tsv had it before the declarations, and no other. A new array
 * of *n names.
 */
static char **scoretab_undeclared_indices(struct tsv *in, size_t *n)
{
	char **names = xcalloc(2, sizeof(*names));

	*n = 0;
	if (tsv_column(in, UNDECLARED_INDEX) >= 0)
		names[(*n)++] = xstrdup(UNDECLARED_INDEX);
	return names;
}

/* Whether a and b declare the same (descriptions aside: they document, not declare). */
static int scoretab_same_decl(const struct lexdecl *a, const struct lexdecl *b)
{
	size_t i;

	if (a->ncat != b->ncat || a->nidx != b->nidx)
		return 0;
	for (i = 0; i < a->ncat; i++)
		if (strcmp(a->cat[i].name, b->cat[i].name) || a->cat[i].actor != b->cat[i].actor ||
		    a->cat[i].weighted != b->cat[i].weighted || a->cat[i].voice != b->cat[i].voice)
			return 0;
	for (i = 0; i < a->nidx; i++)
		if (strcmp(a->idx[i].name, b->idx[i].name) || a->idx[i].kind != b->idx[i].kind ||
		    strcmp(a->idx[i].a, b->idx[i].a) || strcmp(a->idx[i].b, b->idx[i].b))
			return 0;
	return 1;
}

/* categories.tsv's categories are the header's, in its order: -1 after a message. */
static int scoretab_decl_matches(const struct scoretab *t, struct tsv *in, const struct lexdecl *d,
				 const char *dpath)
{
	size_t i;

	for (i = 0; i < d->ncat || i < t->ncat; i++)
		if (i >= d->ncat || i >= t->ncat || strcmp(d->cat[i].name, t->cats[i]))
			return error("%s: category '%s' where %s has '%s': not the categories.tsv "
				     "of these scores", dpath, i < d->ncat ? d->cat[i].name : "(none)",
				     tsv_name(in), i < t->ncat ? t->cats[i] : "(none)");
	return 0;
}

/*
 * Reads categories.tsv beside the file (or applies the rule of scoretab.h)
 * and finds the index columns; the first file sets t's declarations and
 * every later one must declare the same. -1 after a message.
 */
static int scoretab_declarations(struct scoretab *t, struct tsv *in, struct scoretab_cols *c,
				  int first)
{
	struct lexdecl d = LEXDECL_INIT;
	char *dpath = scoretab_sibling(tsv_name(in), LEXDECL_NAME);
	char **names = NULL;
	size_t n = 0, i;
	int r = lexdecl_load(&d, dpath), ret = 0;

	if (r < 0) {
		free(dpath);
		return -1;
	}
	if (r == 0) {
		if (scoretab_decl_matches(t, in, &d, dpath) < 0)
			ret = -1;
		n = d.nidx;
		names = xcalloc(n + 1, sizeof(*names));
		for (i = 0; i < n; i++)
			names[i] = xstrdup(d.idx[i].name);
	} else {
		scoretab_undeclared(&d, t->cats, t->ncat);
		names = scoretab_undeclared_indices(in, &n);
	}
	if (ret == 0 && !first) {
		char *other = scoretab_sibling(t->files[0], LEXDECL_NAME);
		int same = (r == 0) == t->declared && n == t->nindex;
		for (i = 0; same && i < n; i++)
			same = !strcmp(names[i], t->index_name[i]);
		/* Weights of undeclared categories are known only from the rows: compared after. */
		if (same && r == 0)
			same = scoretab_same_decl(&d, &t->decl);
		if (!same)
			ret = error("%s%s declares other categories or indices than %s%s: every "
				    "shard must be scored with the same lexicons",
				    r == 0 ? dpath : tsv_name(in), r == 0 ? "" : " (no categories.tsv)",
				    t->declared ? other : t->files[0],
				    t->declared ? "" : " (no categories.tsv)");
		free(other);
	}
	if (ret == 0 && first) {
		t->decl = d;
		t->declared = r == 0;
		t->nindex = n;
		t->index_name = names;
		memset(&d, 0, sizeof(d));
		names = NULL;
	}
	c->index = xmalloc((t->nindex + 1) * sizeof(long));
	for (i = 0; ret == 0 && i < t->nindex; i++) {
		c->index[i] = tsv_column(in, t->index_name[i]);
		if (c->index[i] < 0)
			ret = error("%s:1: no column '%s', the index that %s declares", tsv_name(in),
				    t->index_name[i], dpath);
	}
	scoretab_free_names(names, names ? n : 0);
	lexdecl_release(&d);
	free(dpath);
	return ret;
}

/* Finds every needed column of one file; checks its categories against t. */
static int scoretab_columns(struct scoretab *t, struct tsv *in, struct scoretab_cols *c,
			    int first)
{
	size_t n, i;
	char **cats = scoretab_categories(in, &n);
	struct buf name = BUF_INIT;
	int ret = 0;

	if (!t->cats) {
		t->cats = cats;
		t->ncat = n;
		cats = NULL;
	} else if (scoretab_same_categories(t, in, cats, n) < 0) {
		ret = -1;
	}
	scoretab_free_names(cats, cats ? n : 0);
	c->id = scoretab_need(in, "id");
	c->outlet = scoretab_need(in, "outlet");
	c->date = scoretab_need(in, "date");
	c->tokens = scoretab_need(in, "tokens");
	c->by = scoretab_need(in, t->by);
	c->within = t->within ? scoretab_need(in, t->within) : -1;
	c->title = t->flags & SCORETAB_TEXT ? tsv_column(in, "title") : -1;
	c->dropped = t->flags & SCORETAB_TEXT ? tsv_column(in, "dropped_chars") : -1;
	/*
	 * Absent from score files written before it was added: there
	 * dropped_words, all the words dropped, was the guard's count; NA
	 * when that is absent too.
	 */
	c->lost_words = t->flags & SCORETAB_TEXT ? tsv_column(in, "lost_words") : -1;
	if (c->lost_words < 0 && t->flags & SCORETAB_TEXT)
		c->lost_words = tsv_column(in, "dropped_words");
	if (ret < 0 || c->id < 0 || c->outlet < 0 || c->date < 0 || c->tokens < 0 || c->by < 0 ||
	    (t->within && c->within < 0) || scoretab_declarations(t, in, c, first) < 0)
		return -1;
	c->matches = xmalloc((t->ncat + 1) * sizeof(long));
	c->own = xmalloc((t->ncat + 1) * sizeof(long));
	c->score = xmalloc((t->ncat + 1) * sizeof(long));
	for (i = 0; i < t->ncat; i++) {
		buf_reset(&name);
		buf_addf(&name, "%s_matches", t->cats[i]);
		c->matches[i] = tsv_column(in, name.data);
		buf_reset(&name);
		buf_addf(&name, "%s_own", t->cats[i]);
		c->own[i] = tsv_column(in, name.data);
		buf_reset(&name);
		buf_addf(&name, "%s_score", t->cats[i]);
		c->score[i] = tsv_column(in, name.data);
	}
	buf_release(&name);
	return 0;
}

/*
 * Up to 15 digits and nothing else: a whole number that a double holds
 * exactly, so this is what strtod gives, without its cost (seven numbers
 * a row, millions of rows).
 */
static int scoretab_digits(const char *s, double *v)
{
	uint64_t x = 0;
	size_t i;

	for (i = 0; s[i] >= '0' && s[i] <= '9'; i++) {
		if (i == 15)
			return 0;
		x = x * 10 + (uint64_t)(s[i] - '0');
	}
	if (i == 0 || s[i])
		return 0;
	*v = (double)x;
	return 1;
}

/* A number or NA (NAN); -1 with "FILE:LINE: ..." when it is neither. */
static int scoretab_number(struct tsv *in, long col, double *v)
{
	const char *s = tsv_field(in, (size_t)col);

	if (scoretab_digits(s, v))
		return 0;
	if (!strcmp(s, "NA") || !*s) {
		*v = NAN;
		return 0;
	}
	if (parse_double(s, v) < 0)
		return error("%s:%zu: column '%s': '%s' is not a number", tsv_name(in),
			     tsv_line(in), tsv_column_name(in, (size_t)col), s);
	return 0;
}

static int scoretab_count(struct tsv *in, long col, double *v)
{
	if (scoretab_number(in, col, v) < 0)
		return -1;
	if (*v < 0)
		return error("%s:%zu: column '%s': negative count '%s'", tsv_name(in),
			     tsv_line(in), tsv_column_name(in, (size_t)col),
			     tsv_field(in, (size_t)col));
	/* Counts are whole numbers a double holds exactly (below 2^53). */
	if (!isnan(*v) && (*v != floor(*v) || *v > 9007199254740992.0))
		return error("%s:%zu: column '%s': '%s' is not a whole number up to 2^53",
			     tsv_name(in), tsv_line(in), tsv_column_name(in, (size_t)col),
			     tsv_field(in, (size_t)col));
	return 0;
}

/* An index: a number or NA (NAN); -1 after a message. */
static int scoretab_index(struct tsv *in, long col, double *v)
{
	const char *s = tsv_field(in, (size_t)col);

	*v = NAN;
	if (!strcmp(s, "NA"))
		return 0;
	if (parse_double(s, v) == 0)
		return 0;
	*v = NAN;
	return error("%s:%zu: column '%s': '%s' is not a number", tsv_name(in), tsv_line(in),
		     tsv_column_name(in, (size_t)col), s);
}

/*
 * Without categories.tsv, a "stance" column of NA only is no index, as
 * before the declarations (a lexicon without the two categories of the
 * log-ratio wrote NA): no rows of a metric without a value.
 */
static void scoretab_undeclared_keep(struct scoretab *t)
{
	size_t i;

	if (t->declared || !t->nindex)
		return;
	for (i = 0; i < t->n; i++)
		if (!isnan(t->a[i].index[0]))
			return;
	scoretab_free_names(t->index_name, t->nindex);
	t->index_name = NULL;
	t->nindex = 0;
}

static int scoretab_row(struct scoretab *t, struct tsv *in, const struct scoretab_cols *c,
			struct scoretab_article *a)
{
	size_t i, no;
	const char *group = tsv_field(in, (size_t)c->by);

	memset(a, 0, sizeof(*a));
	/* One block: the counts, then the scores, then the indices. */
	a->counts = scoretab_alloc(t->store, (3 * t->ncat + t->nindex + 1) * sizeof(double));
	a->score = a->counts + 2 * t->ncat;
	a->index = a->score + t->ncat;
	if (scoretab_count(in, c->tokens, &a->tokens) < 0)
		return -1;
	for (i = 0; i < t->ncat; i++)
		if (scoretab_count(in, c->matches[i], &a->counts[2 * i]) < 0 ||
		    scoretab_count(in, c->own[i], &a->counts[2 * i + 1]) < 0 ||
		    scoretab_number(in, c->score[i], &a->score[i]) < 0)
			return -1;
	for (i = 0; i < t->nindex; i++)
		if (scoretab_index(in, c->index[i], &a->index[i]) < 0)
			return -1;
	a->dropped = NAN;
	if (c->dropped >= 0 && scoretab_count(in, c->dropped, &a->dropped) < 0)
		return -1;
	a->lost_words = NAN;
	if (c->lost_words >= 0 && scoretab_count(in, c->lost_words, &a->lost_words) < 0)
		return -1;
	if (t->flags & SCORETAB_TEXT)
		a->title = scoretab_strdup(t->store, c->title >= 0 ? tsv_field(in, (size_t)c->title) : "");
	a->id = scoretab_strdup(t->store, tsv_field(in, (size_t)c->id));
	a->idkey = scoretab_idkey(a->id);
	a->outlet = scoretab_intern(t->store, tsv_field(in, (size_t)c->outlet), &no);
	a->date = scoretab_intern(t->store, *tsv_field(in, (size_t)c->date) ?
				  tsv_field(in, (size_t)c->date) : "NA", &no);
	a->gname = scoretab_intern(t->store, corpus_group_name(group), &a->gname_no);
	if (c->within >= 0) {
		const char *v = tsv_field(in, (size_t)c->within);
		if (*v && strcmp(v, "NA"))
			a->within = scoretab_intern(t->store, v, &a->within_no);
	}
	a->seq = t->n;
	return 0;
}

static int scoretab_read_file(struct scoretab *t, const char *path, int first)
{
	struct tsv *in = tsv_open(path);
	struct scoretab_cols c = { 0 };
	int r, ret = 0;

	if (!in)
		return -1;
	r = scoretab_columns(t, in, &c, first) < 0 ? -1 : 1;
	while (r > 0 && (r = tsv_next(in)) > 0) {
		ALLOC_GROW(t->a, t->n + 1, t->alloc);
		if (scoretab_row(t, in, &c, &t->a[t->n]) < 0) {
			ret = -1;
			break;
		}
		t->n++;
	}
	if (r < 0)
		ret = -1;
	free(c.matches);
	free(c.own);
	free(c.score);
	free(c.index);
	tsv_close(in);
	return ret;
}

/*
 * One shard's terms.tsv against its scores.tsv (trial of issue 18, finding
 * 8). score counts every normalised word of an article in terms.tsv and
 * in its tokens, so for each outlet of a shard the counts of terms.tsv add
 * up to the tokens of scores.tsv. A shard whose terms.tsv came from
 * another run (the --stdout recipe puts each task's files together by
 * hand) disagrees, and is refused naming the outlet and both sums; a
 * terms.tsv joined to itself agrees (so do its doubled scores) but names
 * an (outlet, term) twice, which score never writes, and is refused too.
 * score writes the rows sorted, so a repeat is the row before and the
 * check holds one row; a file not in that order is read again with every
 * pair in a hash table, as keyness holds them anyway.
 */
struct scoretab_terms_check {
	const char *path, *scores;
	struct counts *tokens, *words;	/* per outlet: scores.tsv, terms.tsv */
	const struct counts *other;
	int bad;
};

/* Adds up the tokens of rows first..t->n per outlet; 0 when one is not a whole number. */
static int scoretab_shard_tokens(const struct scoretab *t, size_t first, struct counts *tokens)
{
	size_t i;

	for (i = first; i < t->n; i++) {
		double n = t->a[i].tokens;
		if (isnan(n) || n < 0 || n != floor(n) || n > 1e15)
			return 0;
		counts_add(tokens, t->a[i].outlet, strlen(t->a[i].outlet), (uint64_t)n);
	}
	return 1;
}

/* Reads the rows of terms.tsv; 1 when they were not in order (and hashed is 0). */
static int scoretab_terms_rows(struct scoretab_terms_check *c, int hashed)
{
	struct tsv *in = tsv_open(c->path);
	struct buf key = BUF_INIT, prev = BUF_INIT;
	struct counts *seen = hashed ? counts_new() : NULL;
	long co, ct, cc;
	size_t prev_line = 0;	/* 0 before the first row */
	int r = -1;

	if (!in)
		return -1;
	co = tsv_column(in, "outlet");
	ct = tsv_column(in, "term");
	cc = tsv_column(in, "count");
	if (co < 0 || ct < 0 || cc < 0) {
		error("%s:1: no column '%s'", c->path, co < 0 ? "outlet" : ct < 0 ? "term" : "count");
		goto done;
	}
	while ((r = tsv_next(in)) > 0) {
		const char *outlet = tsv_field(in, (size_t)co), *s = tsv_field(in, (size_t)cc);
		double count;
		int order;

		if (parse_double(s, &count) < 0 || count < 0 || count != floor(count) || count > 1e15) {
			r = error("%s:%zu: count '%s' is not a whole number", c->path, tsv_line(in), s);
			break;
		}
		buf_reset(&key);
		buf_adds(&key, outlet);
		buf_addch(&key, '\t');
		buf_adds(&key, tsv_field(in, (size_t)ct));
		if (seen) {
			uint64_t *line = counts_slot(seen, key.data, key.len);
			if (*line) {
				r = error("%s:%zu: outlet '%s', term '%s' again (first on line %lu): "
					  "a terms.tsv names each once (joined twice?)", c->path,
					  tsv_line(in), outlet, tsv_field(in, (size_t)ct),
					  (unsigned long)*line);
				break;
			}
			*line = tsv_line(in);
		} else if (prev_line) {
			order = strcmp(key.data, prev.data);
			if (order == 0) {
				r = error("%s:%zu: outlet '%s', term '%s' again (first on line %lu): "
					  "a terms.tsv names each once (joined twice?)", c->path,
					  tsv_line(in), outlet, tsv_field(in, (size_t)ct),
					  (unsigned long)prev_line);
				break;
			}
			if (order < 0) {
				r = 1;
				break;
			}
		}
		if (!seen) {
			buf_reset(&prev);
			buf_add(&prev, key.data, key.len);
			prev_line = tsv_line(in);
		}
		counts_add(c->words, outlet, strlen(outlet), (uint64_t)count);
	}
done:
	tsv_close(in);
	buf_release(&key);
	buf_release(&prev);
	if (seen)
		counts_free(seen);
	return r < 0 ? -1 : r;
}

static void scoretab_terms_compare(void *ctx, const char *outlet, size_t len, uint64_t n)
{
	struct scoretab_terms_check *c = ctx;
	uint64_t m = counts_get(c->other, outlet, len);
	int words_first = c->other == c->tokens;
	char *name;

	if (c->bad || m == n)
		return;
	name = xstrndup(outlet, len);
	error("%s: outlet '%s': %llu words, but %llu tokens in %s: "
	      "not the terms of these scores (another run's, or rows repeated?)",
	      c->path, name, (unsigned long long)(words_first ? n : m),
	      (unsigned long long)(words_first ? m : n), c->scores);
	free(name);
	c->bad = 1;
}

static int scoretab_check_terms(const struct scoretab *t, const char *scores, size_t first)
{
	struct scoretab_terms_check c = { NULL, scores, counts_new(), counts_new(), NULL, 0 };
	char *path = scoretab_sibling(scores, "terms.tsv");
	int r = 0;

	c.path = path;
	if (access(path, F_OK) == 0) {
		/* Tokens NA or not whole (a hand-made table): the rows are checked, not the sums. */
		int sums = scoretab_shard_tokens(t, first, c.tokens);
		r = scoretab_terms_rows(&c, 0);
		if (r == 1) {
			counts_free(c.words);
			c.words = counts_new();
			r = scoretab_terms_rows(&c, 1);
		}
		if (r == 0 && sums) {
			c.other = c.tokens;
			counts_each(c.words, scoretab_terms_compare, &c);
			c.other = c.words;
			counts_each(c.tokens, scoretab_terms_compare, &c);
			r = c.bad ? -1 : 0;
		}
	}
	counts_free(c.tokens);
	counts_free(c.words);
	free(path);
	return r;
}

/*
 * Without categories.tsv, a category is weighted when any article's
 * weighted score differs from its count of matches.
 */
static void scoretab_guess_weights(struct scoretab *t)
{
	size_t i, c;

	if (t->declared)
		return;
	for (c = 0; c < t->ncat; c++)
		for (i = 0; i < t->n && !t->decl.cat[c].weighted; i++)
			if (!isnan(t->a[i].score[c]) && !isnan(t->a[i].counts[2 * c]) &&
			    t->a[i].score[c] != t->a[i].counts[2 * c])
				t->decl.cat[c].weighted = 1;
}

int scoretab_weighted(const struct scoretab *t, size_t c)
{
	return c < t->decl.ncat && t->decl.cat[c].weighted;
}

int scoretab_is_actor(const struct scoretab *t, size_t c)
{
	return c < t->decl.ncat && t->decl.cat[c].actor;
}

const struct lexdecl_index *scoretab_index_decl(const struct scoretab *t, size_t k)
{
	return t->declared && k < t->decl.nidx ? &t->decl.idx[k] : NULL;
}

/*
 * Repeated shards. framing stats a/scores.tsv a/scores.tsv dropped the
 * repeated ids but added a's terms.tsv twice; a shard given twice, by
 * another path or as a copy, is refused before anything is read, so
 * scores, terms, matches and signatures all count each shard once.
 */
static const char *const scoretab_shard_files[] = { "terms.tsv", "matches.tsv", "signatures.tsv" };
#define NSHARD_FILES (1 + sizeof(scoretab_shard_files) / sizeof(scoretab_shard_files[0]))

struct scoretab_shard {
	char *path[NSHARD_FILES];	/* scores.tsv, then its siblings */
	struct stat st[NSHARD_FILES];
	int exists[NSHARD_FILES];
	int hashed, rows;		/* the content of scores.tsv, once hashed */
	unsigned char sha[32];
};

/* SHA-256 of the file, and whether it holds more than a header line. */
static int scoretab_hash(struct scoretab_shard *sh)
{
	FILE *f = fopen(sh->path[0], "rb");
	struct sha256 h;
	char chunk[65536];
	size_t n, lines = 0;

	if (!f)
		return error("%s: %s", sh->path[0], strerror(errno));
	sha256_init(&h);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		const char *p = chunk, *end = chunk + n;
		sha256_update(&h, chunk, n);
		while (lines < 2 && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
			lines++;
			p++;
		}
	}
	sha256_final(&h, sh->sha);
	sh->hashed = 1;
	sh->rows = lines >= 2;
	n = (size_t)ferror(f);
	fclose(f);
	return n ? error("%s: read error", sh->path[0]) : 0;
}

static int scoretab_same_inode(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* -1 (after a message) when shards a and b (a before b) are one shard. */
static int scoretab_two_shards(struct scoretab_shard *a, struct scoretab_shard *b)
{
	size_t k;

	for (k = 0; k < NSHARD_FILES; k++)
		if (a->exists[k] && b->exists[k] && scoretab_same_inode(&a->st[k], &b->st[k]))
			return error("%s: the same file as %s: each shard may be given once",
				     b->path[k], a->path[k]);
	if (!a->exists[0] || !b->exists[0] || a->st[0].st_size != b->st[0].st_size ||
	    !S_ISREG(a->st[0].st_mode) || !S_ISREG(b->st[0].st_mode))
		return 0;
	if ((!a->hashed && scoretab_hash(a) < 0) || (!b->hashed && scoretab_hash(b) < 0))
		return -1;
	/* Shards without articles may well be alike, and add nothing. */
	if (a->rows && !memcmp(a->sha, b->sha, sizeof(a->sha)))
		return error("%s: the same content as %s: each shard may be given once",
			     b->path[0], a->path[0]);
	return 0;
}

/*
 * A terms.tsv, matches.tsv or signatures.tsv beside scores.tsv is read by
 * stats, and hashed whole for run.tsv: one that is /dev/zero, a FIFO or a
 * device (through a link) had no end, and a 2 GB sparse one was hashed
 * before its first line was refused. Each must be a regular file whose
 * header reads within the line bound of tsv.h, checked before anything
 * else reads it.
 */
static int scoretab_check_sibling(const char *path, const struct stat *st)
{
	struct tsv *in;

	if (!S_ISREG(st->st_mode))
		return error("%s: not a regular file (a device, FIFO or folder?): "
			     "stats reads only files framing score wrote", path);
	in = tsv_open(path);
	if (!in)
		return -1;
	tsv_close(in);
	return 0;
}

static int scoretab_check_shards(char **files, size_t nfiles)
{
	struct scoretab_shard *sh = xcalloc(nfiles ? nfiles : 1, sizeof(*sh));
	size_t i, j, k;
	int ret = 0;

	for (i = 0; i < nfiles; i++) {
		sh[i].path[0] = xstrdup(files[i]);
		for (k = 1; k < NSHARD_FILES; k++)
			sh[i].path[k] = scoretab_sibling(files[i], scoretab_shard_files[k - 1]);
		for (k = 0; k < NSHARD_FILES; k++)
			sh[i].exists[k] = stat(sh[i].path[k], &sh[i].st[k]) == 0;
		for (k = 1; k < NSHARD_FILES && !ret; k++)
			if (sh[i].exists[k])
				ret = scoretab_check_sibling(sh[i].path[k], &sh[i].st[k]);
	}
	for (i = 0; i < nfiles && !ret; i++)
		for (j = i + 1; j < nfiles && !ret; j++)
			ret = scoretab_two_shards(&sh[i], &sh[j]);
	for (i = 0; i < nfiles; i++)
		for (k = 0; k < NSHARD_FILES; k++)
			free(sh[i].path[k]);
	free(sh);
	return ret;
}

static struct scoretab *scoretab_read_cols(char **files, size_t nfiles, const char *by,
					   const char *within, unsigned flags)
{
	struct scoretab *t = xcalloc(1, sizeof(*t));
	size_t i;

	t->within = within ? xstrdup(within) : NULL;
	t->flags = flags;
	t->files = files;
	t->nfiles = nfiles;
	t->by = xstrdup(by);
	t->store = scoretab_store_new();
	if (scoretab_check_shards(files, nfiles) < 0) {
		scoretab_free(t);
		return NULL;
	}
	for (i = 0; i < nfiles; i++) {
		size_t first = t->n;
		if (scoretab_read_file(t, files[i], i == 0) < 0 ||
		    (!(flags & SCORETAB_TEXT) && scoretab_check_terms(t, files[i], first) < 0)) {
			scoretab_free(t);
			return NULL;
		}
	}
	scoretab_guess_weights(t);
	scoretab_undeclared_keep(t);
	/* Growing by doubling may have left up to half the array unused. */
	t->a = xrealloc(t->a, (t->n + 1) * sizeof(*t->a));
	t->alloc = t->n + 1;
	scoretab_finish(t);
	return t;
}

struct scoretab *scoretab_read(char **files, size_t nfiles, const char *by, unsigned flags)
{
	return scoretab_read_cols(files, nfiles, by, NULL, flags);
}

/*
 * Removes the articles marked by a NULL id. The rest keep their order,
 * which stays sorted by group and id: only the group numbers are redone.
 */
static void scoretab_number_groups(struct scoretab *t);

static void scoretab_compact(struct scoretab *t)
{
	size_t i, k = 0;

	for (i = 0; i < t->n; i++)
		if (t->a[i].id)
			t->a[k++] = t->a[i];
	t->n = k;
	scoretab_number_groups(t);
}

static void scoretab_drop(struct scoretab_article *a)
{
	a->id = NULL;
}

/* Orders ids as strcmp does, mostly from the 8-byte keys alone. */
static int scoretab_cmp_ids(const struct scoretab_article *a, const struct scoretab_article *b)
{
	if (a->idkey != b->idkey)
		return a->idkey < b->idkey ? -1 : 1;
	/* The same first 8 bytes: equal if the ids ended there, else the rest decides. */
	if (!(a->idkey & 0xff))
		return 0;
	return strcmp(a->id + 8, b->id + 8);
}

static int scoretab_cmp_id(const struct scoretab_article *a, const struct scoretab_article *b)
{
	int c = scoretab_cmp_ids(a, b);
	if (c)
		return c;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int scoretab_cmp_id_ptr(const void *pa, const void *pb)
{
	return scoretab_cmp_id(*(struct scoretab_article *const *)pa,
			       *(struct scoretab_article *const *)pb);
}

/*
 * The articles in order of id (then of reading), as pointers into t->a:
 * the filters look ids up there and leave t->a in its order by group.
 * The caller frees the array.
 */
static struct scoretab_article **scoretab_by_id(const struct scoretab *t)
{
	struct scoretab_article **p = xmalloc((t->n + 1) * sizeof(*p));
	size_t i;

	for (i = 0; i < t->n; i++)
		p[i] = &t->a[i];
	sort_array(p, t->n, sizeof(*p), scoretab_cmp_id_ptr);
	return p;
}

size_t scoretab_drop_same_ids(struct scoretab *t)
{
	struct scoretab_article **p = scoretab_by_id(t), *first = NULL;
	size_t i, dropped = 0;

	/* Each run of equal ids keeps only its first, the one read first. */
	for (i = 0; i < t->n; i++) {
		if (first && !scoretab_cmp_ids(first, p[i])) {
			scoretab_drop(p[i]);
			dropped++;
			continue;
		}
		first = p[i];
	}
	free(p);
	scoretab_compact(t);
	return dropped;
}

size_t scoretab_drop_empty(struct scoretab *t)
{
	size_t i, dropped = 0;

	for (i = 0; i < t->n; i++)
		if (!(t->a[i].tokens > 0)) {
			scoretab_drop(&t->a[i]);
			dropped++;
		}
	scoretab_compact(t);
	return dropped;
}

/* Union-find with path halving over article indices. */
static size_t scoretab_find(size_t *parent, size_t i)
{
	while (parent[i] != i) {
		parent[i] = parent[parent[i]];
		i = parent[i];
	}
	return i;
}

/* Is article a earlier than b: by date (NA last), then id. */
static int scoretab_earlier(const struct scoretab_article *a, const struct scoretab_article *b)
{
	int na = !strcmp(a->date, "NA"), nb = !strcmp(b->date, "NA"), c;

	if (na != nb)
		return nb;
	c = strcmp(a->date, b->date);
	if (c)
		return c < 0;
	return strcmp(a->id, b->id) < 0;
}

/* Joins the sets of p[x] and p[y]; the root is always the earliest article, the one to keep. */
static void scoretab_union(struct scoretab_article **p, size_t *parent, size_t x, size_t y)
{
	x = scoretab_find(parent, x);
	y = scoretab_find(parent, y);
	if (x == y)
		return;
	if (scoretab_earlier(p[y], p[x]))
		parent[x] = y;
	else
		parent[y] = x;
}

/* Index in p (sorted by id, ids unique) of the article with this id, or -1. */
static long scoretab_lookup(struct scoretab_article **p, size_t n, const char *id)
{
	struct scoretab_article key;
	size_t lo = 0, hi = n;

	key.id = id;
	key.idkey = scoretab_idkey(id);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = scoretab_cmp_ids(p[mid], &key);
		if (!c)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

struct scoretab_pairs {
	struct scoretab_article **p;
	size_t n, *parent;
};

static void scoretab_join_pair(const char *a, const char *b, void *ctx)
{
	struct scoretab_pairs *c = ctx;
	long x = scoretab_lookup(c->p, c->n, a), y = scoretab_lookup(c->p, c->n, b);

	/* Articles dropped earlier or in other shards are not ours to join. */
	if (x >= 0 && y >= 0)
		scoretab_union(c->p, c->parent, (size_t)x, (size_t)y);
}

int scoretab_clusters(const struct scoretab *t, const char *pairs, size_t **root)
{
	struct scoretab_article **p = scoretab_by_id(t);
	size_t *parent, i;

	*root = NULL;
	parent = xmalloc((t->n ? t->n : 1) * sizeof(*parent));
	for (i = 0; i < t->n; i++)
		parent[i] = i;
	if (dedup_read_pairs(pairs, scoretab_join_pair,
			     &(struct scoretab_pairs){ p, t->n, parent }) < 0) {
		free(parent);
		free(p);
		return -1;
	}
	/* From places in p (by id) to places in t->a. */
	*root = xmalloc((t->n ? t->n : 1) * sizeof(**root));
	for (i = 0; i < t->n; i++)
		(*root)[p[i] - t->a] = (size_t)(p[scoretab_find(parent, i)] - t->a);
	free(parent);
	free(p);
	return 0;
}

/* Counts clusters (of 2 or more) and those whose articles come from several outlets. */
static void scoretab_count_clusters(const struct scoretab *t, const size_t *root,
				    size_t *clusters, size_t *crossing)
{
	char *mark = xcalloc(t->n + 1, 1);	/* 1: in a cluster, 2: crossing */
	size_t i;

	for (i = 0; i < t->n; i++) {
		size_t r = root[i];
		if (r == i)
			continue;
		if (!mark[r])
			++*clusters;
		if (mark[r] < 2 && strcmp(t->a[i].outlet, t->a[r].outlet)) {
			++*crossing;
			mark[r] = 2;
		} else if (!mark[r]) {
			mark[r] = 1;
		}
	}
	free(mark);
}

int scoretab_dedup(struct scoretab *t, const char *pairs, size_t *dropped, size_t *clusters,
		   size_t *crossing)
{
	size_t *root, i;

	*dropped = *clusters = *crossing = 0;
	if (scoretab_clusters(t, pairs, &root) < 0)
		return -1;
	scoretab_count_clusters(t, root, clusters, crossing);
	for (i = 0; i < t->n; i++)
		if (root[i] != i) {
			scoretab_drop(&t->a[i]);
			(*dropped)++;
		}
	free(root);
	scoretab_compact(t);
	return 0;
}

static int scoretab_cmp_group(const void *pa, const void *pb)
{
	const struct scoretab_article *a = pa, *b = pb;

	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	return scoretab_cmp_id(a, b);
}

static int scoretab_cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * Numbers the groups that have articles in the bytewise order of their
 * names (t->groups) and sets each article's group. Group values are
 * interned, so a value's number in the store stands for the string.
 */
static void scoretab_number_groups(struct scoretab *t)
{
	size_t nv = t->store->nvalues, i, g;
	size_t *rank = xmalloc((nv + 1) * sizeof(*rank));
	char *used = xcalloc(nv + 1, 1);

	for (i = 0; i < t->n; i++)
		used[t->a[i].gname_no] = 1;
	free(t->groups);
	t->groups = xmalloc((nv + 1) * sizeof(*t->groups));
	t->ngroups = 0;
	for (i = 0; i < nv; i++)
		if (used[i])
			t->groups[t->ngroups++] = t->store->values[i];
	sort_array(t->groups, t->ngroups, sizeof(*t->groups), scoretab_cmp_str);
	for (g = 0; g < t->ngroups; g++)
		rank[counts_get(t->store->seen, t->groups[g], strlen(t->groups[g])) - 1] = g;
	for (i = 0; i < t->n; i++)
		t->a[i].group = rank[t->a[i].gname_no];
	free(rank);
	free(used);
}

void scoretab_finish(struct scoretab *t)
{
	scoretab_number_groups(t);
	sort_array(t->a, t->n, sizeof(*t->a), scoretab_cmp_group);
}

void scoretab_drop_rows(struct scoretab *t)
{
	struct scoretab_store *st = t->store;
	size_t i;

	free(t->a);
	t->a = NULL;
	t->n = t->alloc = 0;
	for (i = 0; i < st->nblocks; i++)
		free(st->blocks[i]);
	st->nblocks = 0;
	st->next = NULL;
	st->left = 0;
}

char *scoretab_sibling(const char *path, const char *name)
{
	const char *slash = strrchr(path, '/');
	char *dir, *p;

	if (!slash)
		return xstrdup(name);
	dir = xstrndup(path, (size_t)(slash - path + 1));
	p = path_join(dir, name);
	free(dir);
	return p;
}

void scoretab_free(struct scoretab *t)
{
	if (!t)
		return;
	free(t->a);
	scoretab_free_names(t->cats, t->ncat);
	scoretab_free_names(t->index_name, t->nindex);
	lexdecl_release(&t->decl);
	free(t->groups);
	free(t->by);
	free(t->within);
	scoretab_store_free(t->store);
	free(t);
}

/*
 * The map's columns: outlet and group when the header names them, else
 * the two columns of a two-column file. -1 after a message.
 */
static int scoretab_map_columns(struct tsv *in, long *from, long *to)
{
	*from = tsv_column(in, "outlet");
	*to = tsv_column(in, "group");
	if (*from >= 0 && *to >= 0)
		return 0;
	if (tsv_columns(in) != 2)
		return error("%s:1: a group map needs columns 'outlet' and 'group', or two columns",
			     tsv_name(in));
	*from = 0;
	*to = 1;
	return 0;
}

/* Reads the map into seen (value -> number + 1 in names); -1 after a message. */
static int scoretab_map_read(const char *path, struct counts *seen, char ***names, size_t *n)
{
	struct tsv *in = tsv_open(path);
	size_t alloc = 0;
	long from, to;
	int r;

	if (!in)
		return -1;
	if (scoretab_map_columns(in, &from, &to) < 0) {
		tsv_close(in);
		return -1;
	}
	while ((r = tsv_next(in)) > 0) {
		const char *k = tsv_field(in, (size_t)from), *v = tsv_field(in, (size_t)to);
		uint64_t *slot;
		if (!*k || !*v) {
			r = error("%s:%zu: empty %s", tsv_name(in), tsv_line(in),
				  *k ? "group" : "outlet");
			break;
		}
		slot = counts_slot(seen, k, strlen(k));
		if (*slot && strcmp((*names)[*slot - 1], v)) {
			r = error("%s:%zu: '%s' is mapped twice ('%s' and '%s')", tsv_name(in),
				  tsv_line(in), k, (*names)[*slot - 1], v);
			break;
		}
		if (*slot)
			continue;
		ALLOC_GROW(*names, *n + 1, alloc);
		(*names)[(*n)++] = xstrdup(v);
		*slot = *n;
	}
	tsv_close(in);
	return r < 0 ? -1 : 0;
}

char *scoretab_map_unit(const char *path)
{
	struct tsv *in = tsv_open(path);
	long from, to;
	char *unit = NULL;

	if (in && scoretab_map_columns(in, &from, &to) == 0)
		unit = xstrdup(tsv_column_name(in, (size_t)to));
	if (in)
		tsv_close(in);
	return unit;
}

int scoretab_map_groups(struct scoretab *t, const char *path, int unmapped_na, size_t *unmapped)
{
	struct counts *seen = counts_new();
	char **names = NULL;
	size_t n = 0, i;
	int ret = scoretab_map_read(path, seen, &names, &n);

	*unmapped = 0;
	for (i = 0; ret == 0 && i < t->n; i++) {
		struct scoretab_article *a = &t->a[i];
		uint64_t k = counts_get(seen, a->gname, strlen(a->gname));
		if (!k)
			(*unmapped)++;
		if (k || unmapped_na)
			a->gname = scoretab_intern(t->store, k ? names[k - 1] : "NA", &a->gname_no);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	counts_free(seen);
	if (ret == 0)
		scoretab_finish(t);
	return ret;
}

struct scoretab *scoretab_read_grouped(char **files, size_t nfiles,
				       const struct scoretab_grouping *g, unsigned flags)
{
	return scoretab_read_within(files, nfiles, g, NULL, flags);
}

struct scoretab *scoretab_read_within(char **files, size_t nfiles,
				      const struct scoretab_grouping *g, const char *within,
				      unsigned flags)
{
	struct scoretab *t;
	size_t unmapped;

	if (g->unmapped_na && !g->group_map) {
		error("--unmapped-na goes with --group-map FILE");
		return NULL;
	}
	t = scoretab_read_cols(files, nfiles, g->by ? g->by : "outlet", within, flags);
	if (!t || !g->group_map)
		return t;
	if (scoretab_map_groups(t, g->group_map, g->unmapped_na, &unmapped) < 0) {
		scoretab_free(t);
		return NULL;
	}
	if (unmapped)
		warning("--group-map: %zu articles of values the map does not name, %s", unmapped,
			g->unmapped_na ? "grouped as NA" : "kept as their own groups");
	return t;
}
