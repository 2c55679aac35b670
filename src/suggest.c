#include "suggest.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "clean.h"
#include "counts.h"
#include "stats.h"
#include "text.h"
#include "xalloc.h"
#include "banned.h"

/* Tokens of context on each side of an example. */
#define EXAMPLE_WINDOW 6

struct outlet_tally {
	char *name;
	size_t tokens, matches;
};

struct suggest {
	const struct lexicon *lx;
	size_t category;
	struct counts *all, *with;	/* term -> count */
	struct counts *by_outlet;	/* "outlet\tterm" -> count */
	size_t n_all, n_with;		/* candidate terms counted */
	struct outlet_tally *outlets;
	size_t noutlets, outlets_alloc;
	struct buf top;			/* the top outlets, for messages */
	struct suggestion *res;
	size_t nres;
	struct counts *index;		/* term -> position in res + 1 */
	/* Scratch space for one article. */
	unsigned char *hit, *covered;
	size_t hit_alloc, covered_alloc;
	struct buf key;
};

double suggest_log_odds_z(double y_i, double n_i, double y_j, double n_j, double alpha_w,
			  double alpha_0)
{
	double delta, z;
	/* The same function keyness.tsv uses, so both agree by construction. */
	stats_log_odds(y_i, n_i, y_j, n_j, alpha_w, alpha_0, &delta, &z);
	return z;
}

struct suggest *suggest_new(const struct lexicon *lx, size_t category)
{
	struct suggest *s = xcalloc(1, sizeof(*s));
	s->lx = lx;
	s->category = category;
	s->all = counts_new();
	s->with = counts_new();
	s->by_outlet = counts_new();
	s->index = counts_new();
	return s;
}

void suggest_free(struct suggest *s)
{
	size_t i;
	if (!s)
		return;
	counts_free(s->all);
	counts_free(s->with);
	counts_free(s->by_outlet);
	counts_free(s->index);
	for (i = 0; i < s->noutlets; i++)
		free(s->outlets[i].name);
	free(s->outlets);
	for (i = 0; i < s->nres; i++) {
		free((char *)s->res[i].term);
		free(s->res[i].example[0]);
		free(s->res[i].example[1]);
	}
	free(s->res);
	free(s->hit);
	free(s->covered);
	buf_release(&s->key);
	buf_release(&s->top);
	free(s);
}

static struct outlet_tally *outlet_of(struct suggest *s, const char *name)
{
	size_t i;
	for (i = 0; i < s->noutlets; i++)
		if (!strcmp(s->outlets[i].name, name))
			return &s->outlets[i];
	ALLOC_GROW(s->outlets, s->noutlets + 1, s->outlets_alloc);
	memset(&s->outlets[s->noutlets], 0, sizeof(s->outlets[0]));
	s->outlets[s->noutlets].name = xstrdup(name);
	return &s->outlets[s->noutlets++];
}

/* A word worth suggesting: not in a lexicon match, not a function word,
 * with at least one letter. */
static int candidate(const struct suggest *s, const struct text_tokens *tt, size_t i)
{
	const char *w = text_norm(tt, i);
	size_t pos = 0, len = tt->tok[i].norm_len;
	int bad = 0;

	if (s->covered[i] || clean_is_stopword(w, len))
		return 0;
	while (pos < len)
		if (text_is_letter(text_decode(w, len, &pos, &bad)))
			return 1;
	return 0;
}

/* Marks the sentences with a counted match of the category and the tokens
 * inside any match; returns the number of category matches. */
static size_t mark(struct suggest *s, const struct lexrun_article *ra)
{
	const struct text_tokens *tt = ra->tt;
	size_t i, k, n = 0;

	ALLOC_GROW(s->hit, (size_t)tt->sentences + 2, s->hit_alloc);
	ALLOC_GROW(s->covered, tt->n + 1, s->covered_alloc);
	memset(s->hit, 0, (size_t)tt->sentences + 2);
	memset(s->covered, 0, tt->n + 1);
	for (i = 0; i < ra->ml->n; i++) {
		const struct match *m = &ra->ml->m[i];
		for (k = 0; k < m->ntokens; k++)
			s->covered[m->first + k] = 1;
		if (m->category == s->category && !m->negated) {
			s->hit[tt->tok[m->first].sentence] = 1;
			n++;
		}
	}
	return n;
}

/* Calls fn for every candidate term of the article: words, then pairs of
 * adjacent candidate words in one sentence. */
static void each_term(struct suggest *s, const struct lexrun_article *ra,
		      void (*fn)(struct suggest *, const struct lexrun_article *, size_t first,
				 size_t ntokens))
{
	const struct text_tokens *tt = ra->tt;
	size_t i;

	for (i = 0; i < tt->n; i++) {
		if (!candidate(s, tt, i))
			continue;
		fn(s, ra, i, 1);
		if (i + 1 < tt->n && tt->tok[i + 1].sentence == tt->tok[i].sentence
		    && tt->tok[i + 1].paragraph == tt->tok[i].paragraph && candidate(s, tt, i + 1))
			fn(s, ra, i, 2);
	}
}

static void term_key(struct suggest *s, const struct text_tokens *tt, size_t first, size_t n)
{
	size_t k;
	buf_reset(&s->key);
	for (k = 0; k < n; k++) {
		if (k)
			buf_addch(&s->key, ' ');
		buf_add(&s->key, text_norm(tt, first + k), tt->tok[first + k].norm_len);
	}
}

static void count_term(struct suggest *s, const struct lexrun_article *ra, size_t first,
		       size_t n)
{
	const struct text_tokens *tt = ra->tt;
	int hit = s->hit[tt->tok[first].sentence];
	size_t klen;

	term_key(s, tt, first, n);
	klen = s->key.len;
	counts_add(s->all, s->key.data, klen, 1);
	s->n_all++;
	if (hit) {
		counts_add(s->with, s->key.data, klen, 1);
		s->n_with++;
	}
	buf_reset(&s->key);
	buf_add_tsv_field(&s->key, ra->article->outlet, strlen(ra->article->outlet));
	buf_addch(&s->key, '\t');
	{
		size_t k;
		for (k = 0; k < n; k++) {
			if (k)
				buf_addch(&s->key, ' ');
			buf_add(&s->key, text_norm(tt, first + k), tt->tok[first + k].norm_len);
		}
	}
	counts_add(s->by_outlet, s->key.data, s->key.len, 1);
}

void suggest_count(void *ctx, const struct lexrun_article *ra)
{
	struct suggest *s = ctx;
	struct outlet_tally *o = outlet_of(s, ra->article->outlet);

	o->matches += mark(s, ra);
	o->tokens += ra->tt->n;
	each_term(s, ra, count_term);
}

static int cmp_score(const void *a, const void *b)
{
	const struct suggestion *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return strcmp(x->term, y->term);
}

void suggest_rank(struct suggest *s, size_t n, size_t min_with)
{
	size_t nitems, i, o, matches = 0, tokens = 0, n_top = 0, alloc = 0;
	struct count_item *items = counts_sorted(s->all, &nitems);
	unsigned char *top = xcalloc(s->noutlets ? s->noutlets : 1, 1);
	double overall;

	/* The outlets that use the category most: rate at or above the corpus's. */
	for (o = 0; o < s->noutlets; o++) {
		matches += s->outlets[o].matches;
		tokens += s->outlets[o].tokens;
	}
	overall = tokens ? (double)matches / (double)tokens : 0;
	for (o = 0; o < s->noutlets; o++) {
		const struct outlet_tally *ot = &s->outlets[o];
		if (ot->tokens && ot->matches && (double)ot->matches / (double)ot->tokens >= overall) {
			top[o] = 1;
			if (s->top.len)
				buf_adds(&s->top, ", ");
			buf_add_shown(&s->top, ot->name, strlen(ot->name));
		}
	}
	for (i = 0; i < nitems; i++) {
		struct suggestion *r;
		size_t with = (size_t)counts_get(s->with, items[i].key, strlen(items[i].key));
		double y_top = 0, n_top_tokens = 0, y_rest, n_rest;

		if (with < min_with)
			continue;
		for (o = 0; o < s->noutlets; o++) {
			/* Candidate terms per outlet are what the log-odds compares. */
			struct buf k = BUF_INIT;
			buf_add_tsv_field(&k, s->outlets[o].name, strlen(s->outlets[o].name));
			buf_addch(&k, '\t');
			buf_adds(&k, items[i].key);
			if (top[o])
				y_top += (double)counts_get(s->by_outlet, k.data, k.len);
			buf_release(&k);
		}
		for (o = 0, n_top = 0; o < s->noutlets; o++)
			if (top[o]) {
				n_top_tokens += (double)s->outlets[o].tokens;
				n_top++;
			}
		y_rest = (double)items[i].n - y_top;
		n_rest = (double)tokens - n_top_tokens;
		ALLOC_GROW(s->res, s->nres + 1, alloc);
		r = &s->res[s->nres++];
		memset(r, 0, sizeof(*r));
		r->term = xstrdup(items[i].key);
		r->with = with;
		r->total = (size_t)items[i].n;
		r->z_sentence = suggest_log_odds_z((double)with, (double)s->n_with,
						   (double)(items[i].n - with),
						   (double)(s->n_all - s->n_with), (double)items[i].n,
						   (double)s->n_all);
		r->z_outlet = n_top == 0 || n_top == s->noutlets ? NAN
			      : suggest_log_odds_z(y_top, n_top_tokens, y_rest, n_rest,
						   (double)items[i].n, (double)tokens);
		r->score = (isnan(r->z_sentence) ? 0 : r->z_sentence)
			   + (isnan(r->z_outlet) ? 0 : r->z_outlet);
	}
	if (s->nres)
		qsort(s->res, s->nres, sizeof(*s->res), cmp_score);
	for (i = n; i < s->nres; i++)
		free((char *)s->res[i].term);
	if (s->nres > n)
		s->nres = n;
	for (i = 0; i < s->nres; i++)
		counts_add(s->index, s->res[i].term, strlen(s->res[i].term), i + 1);
	free(items);
	free(top);
}

static void take_example(struct suggest *s, const struct lexrun_article *ra, size_t first,
			 size_t n)
{
	const struct text_tokens *tt = ra->tt;
	size_t at, last = first + n - 1, l = first, r = last;
	uint32_t para = tt->tok[first].paragraph;
	struct suggestion *res;
	struct buf b = BUF_INIT;
	int slot;

	if (!s->hit[tt->tok[first].sentence])
		return;
	term_key(s, tt, first, n);
	at = (size_t)counts_get(s->index, s->key.data, s->key.len);
	if (!at)
		return;
	res = &s->res[at - 1];
	slot = res->example[0] ? (res->example[1] ? -1 : 1) : 0;
	if (slot < 0)
		return;
	while (l > 0 && first - l < EXAMPLE_WINDOW && tt->tok[l - 1].paragraph == para)
		l--;
	while (r + 1 < tt->n && r - last < EXAMPLE_WINDOW && tt->tok[r + 1].paragraph == para)
		r++;
	buf_add_shown(&b, ra->article->id, strlen(ra->article->id));
	buf_addf(&b, ":%u  ", tt->tok[first].sentence);
	text_append_clean(&b, ra->text, tt->tok[l].start, tt->tok[first].start);
	/* Keep the spacing of the text around the brackets. */
	if (l < first && tt->tok[first].start > tt->tok[first - 1].end)
		buf_addch(&b, ' ');
	buf_addch(&b, '[');
	text_append_clean(&b, ra->text, tt->tok[first].start, tt->tok[last].end);
	buf_addch(&b, ']');
	if (r > last && (ra->text[tt->tok[last].end] == ' ' || ra->text[tt->tok[last].end] == '\t'))
		buf_addch(&b, ' ');
	text_append_clean(&b, ra->text, tt->tok[last].end, tt->tok[r].end);
	res->example[slot] = buf_detach(&b);
}

void suggest_examples(void *ctx, const struct lexrun_article *ra)
{
	struct suggest *s = ctx;
	mark(s, ra);
	each_term(s, ra, take_example);
}

const struct suggestion *suggest_results(const struct suggest *s, size_t *n)
{
	*n = s->nres;
	return s->res;
}

const char *suggest_top_outlets(const struct suggest *s)
{
	return buf_str(&s->top);
}
