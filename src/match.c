#include "match.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"
#include "hash.h"
#include "util.h"
#include "banned.h"

/*
 * An open-addressing hash table from a word to the entries it starts. A
 * phrase whose second word is not a glob is not listed in its first word's
 * slot but in the pairs table, keyed by its second word and owned by that
 * slot: a lexicon of ten thousand phrases starting with "the" then costs a
 * "the" one more lookup, not ten thousand comparisons.
 */
struct slot {
	const char *key;	/* borrowed from the lexicon; NULL when empty */
	size_t keylen;
	uint32_t owner;		/* in pairs: the id of the first word's slot; else 0 */
	uint32_t *entries;	/* ascending */
	size_t n, alloc;
	uint32_t id;		/* the owner of its pairs, numbered from 1 */
	uint32_t npaired;	/* phrases in pairs under this slot */
};

struct table {
	struct slot *slots;
	size_t cap;	/* a power of two, at least twice the keys */
	size_t used;
};

/* Glob prefixes are looked up only at the lengths some glob has. */
#define MAX_GLOB_MASK_LEN 64

/*
 * Most tokens start no entry, and their first bytes tell: one bit per hashed
 * prefix of k bytes (shorter words padded with NUL) rules them out before
 * any hashing of the whole token. k is 3, or less when a glob is shorter.
 */
#define FILTER_BITS 4096

struct prefilter {
	size_t k;	/* 0: the filter passes every token */
	uint64_t bits[FILTER_BITS / 64];
};

struct matcher {
	const struct lexicon *lx;
	struct prefilter filter, filter_cased;
	struct table exact, exact_cased, glob, glob_cased;
	struct table pairs;	/* (owner slot, second word) to phrases */
	uint32_t nslots;
	uint64_t glob_lens, glob_cased_lens;	/* bit L-1: a prefix of L bytes */
	size_t long_glob, long_glob_cased;	/* longest prefix beyond the mask */
};

/*
 * FNV-1a (hash.h), byte by byte: the hash of a prefix is a state on the
 * way to the hash of the word, so all glob prefixes of a token cost one pass.
 */
static uint64_t hash_bytes(const char *s, size_t len)
{
	return hash_fnv(s, len);
}

/* The hash of a key of an owner's (0: none), from the FNV hash of its bytes. */
static uint64_t owned_hash(uint64_t hash, uint32_t owner)
{
	return hash ^ (uint64_t)owner * 0x9E3779B97F4A7C15ULL;
}

static struct slot *table_find_hashed(const struct table *t, const char *key, size_t len,
				      uint32_t owner, uint64_t hash)
{
	size_t i;

	if (!t->used)
		return NULL;
	for (i = hash & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
		struct slot *s = &t->slots[i];
		if (!s->key)
			return NULL;
		if (s->owner == owner && s->keylen == len && !memcmp(s->key, key, len))
			return s;
	}
}

static struct slot *table_find(const struct table *t, const char *key, size_t len,
			       uint32_t owner)
{
	return table_find_hashed(t, key, len, owner, owned_hash(hash_bytes(key, len), owner));
}

static void table_grow(struct table *t)
{
	struct table bigger = { NULL, t->cap ? t->cap * 2 : 64, 0 };
	size_t i;

	bigger.slots = xcalloc(bigger.cap, sizeof(*bigger.slots));
	for (i = 0; i < t->cap; i++) {
		struct slot *s = &t->slots[i], *d;
		size_t j;
		if (!s->key)
			continue;
		for (j = owned_hash(hash_bytes(s->key, s->keylen), s->owner) & (bigger.cap - 1);
		     bigger.slots[j].key;
		     j = (j + 1) & (bigger.cap - 1))
			;
		d = &bigger.slots[j];
		*d = *s;
		bigger.used++;
	}
	free(t->slots);
	*t = bigger;
}

/* The slot of key, made empty when absent; valid until the next insertion. */
static struct slot *table_slot(struct table *t, const char *key, size_t len, uint32_t owner,
			       uint32_t *nslots)
{
	struct slot *s;
	size_t i;

	if ((t->used + 1) * 2 > t->cap)
		table_grow(t);
	s = table_find(t, key, len, owner);
	if (!s) {
		for (i = owned_hash(hash_bytes(key, len), owner) & (t->cap - 1); t->slots[i].key;
		     i = (i + 1) & (t->cap - 1))
			;
		s = &t->slots[i];
		s->key = key;
		s->keylen = len;
		s->owner = owner;
		s->id = ++*nslots;
		t->used++;
	}
	return s;
}

static void slot_add(struct slot *s, uint32_t entry)
{
	ALLOC_GROW(s->entries, s->n + 1, s->alloc);
	s->entries[s->n++] = entry;
}

static void table_free(struct table *t)
{
	size_t i;
	for (i = 0; i < t->cap; i++)
		free(t->slots[i].entries);
	free(t->slots);
}

static void note_glob_len(uint64_t *mask, size_t *longest, size_t len)
{
	if (len >= 1 && len <= MAX_GLOB_MASK_LEN)
		*mask |= 1ULL << (len - 1);
	else if (len > *longest)
		*longest = len;
}

static size_t filter_bit(const char *s, size_t len, size_t k)
{
	uint32_t v = 0;
	size_t i;

	for (i = 0; i < k && i < len; i++)
		v |= (uint32_t)(unsigned char)s[i] << (8 * i);
	return (size_t)((v * 2654435761u) >> 20) & (FILTER_BITS - 1);
}

/*
 * filter_bit for a token's form, which is NUL-terminated: with three bytes
 * or more, four can be read at once and the ones past k masked off.
 */
static size_t filter_bit_of_form(const char *s, size_t len, size_t k)
{
	uint32_t v;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (len < 3)
		return filter_bit(s, len, k);
	memcpy(&v, s, 4);
	v &= k >= 4 ? 0xFFFFFFFFu : (1u << (8 * k)) - 1;
	return (size_t)((v * 2654435761u) >> 20) & (FILTER_BITS - 1);
#else
	(void)v;
	return filter_bit(s, len, k);
#endif
}

static int filter_passes(const struct prefilter *f, const char *s, size_t len)
{
	size_t bit;

	if (!f->k)
		return 1;
	bit = filter_bit_of_form(s, len, f->k);
	return (int)((f->bits[bit / 64] >> (bit % 64)) & 1);
}

/* The filter for the entries of one case: k first, then one bit per first word. */
static void filter_build(struct prefilter *f, const struct lexicon *lx, int cased)
{
	size_t i;

	f->k = 3;
	for (i = 0; i < lx->nentries; i++) {
		const struct lex_word *w = &lx->entries[i].words[0];
		if (!lx->entries[i].case_sensitive == !cased && w->glob && w->len < f->k)
			f->k = w->len;
	}
	for (i = 0; f->k && i < lx->nentries; i++) {
		const struct lex_word *w = &lx->entries[i].words[0];
		size_t bit;
		if (!lx->entries[i].case_sensitive != !cased)
			continue;
		bit = filter_bit(w->text, w->len, f->k);
		f->bits[bit / 64] |= 1ULL << (bit % 64);
	}
}

struct matcher *matcher_new(const struct lexicon *lx)
{
	struct matcher *m = xcalloc(1, sizeof(*m));
	size_t i;

	m->lx = lx;
	for (i = 0; i < lx->nentries; i++) {
		const struct lex_entry *e = &lx->entries[i];
		const struct lex_word *w = &e->words[0];
		struct table *t;
		struct slot *s;
		if (w->glob && e->case_sensitive) {
			t = &m->glob_cased;
			note_glob_len(&m->glob_cased_lens, &m->long_glob_cased, w->len);
		} else if (w->glob) {
			t = &m->glob;
			note_glob_len(&m->glob_lens, &m->long_glob, w->len);
		} else {
			t = e->case_sensitive ? &m->exact_cased : &m->exact;
		}
		s = table_slot(t, w->text, w->len, 0, &m->nslots);
		if (e->nwords >= 2 && !e->words[1].glob) {
			const struct lex_word *second = &e->words[1];
			s->npaired++;
			slot_add(table_slot(&m->pairs, second->text, second->len, s->id, &m->nslots),
				 (uint32_t)i);
		} else {
			slot_add(s, (uint32_t)i);
		}
	}
	filter_build(&m->filter, lx, 0);
	filter_build(&m->filter_cased, lx, 1);
	return m;
}

void matcher_free(struct matcher *m)
{
	if (!m)
		return;
	table_free(&m->exact);
	table_free(&m->exact_cased);
	table_free(&m->glob);
	table_free(&m->glob_cased);
	table_free(&m->pairs);
	free(m);
}

static int word_matches(const struct lex_word *w, int cased, const struct text_tokens *tt,
			size_t i)
{
	const char *form = cased ? text_cased(tt, i) : text_norm(tt, i);
	size_t len = cased ? tt->tok[i].cased_len : tt->tok[i].norm_len;

	if (w->glob)
		return len >= w->len && !memcmp(form, w->text, w->len);
	return len == w->len && !memcmp(form, w->text, len);
}

/* Whether entry e matches at token i; phrases stay inside one sentence. */
static int entry_matches(const struct lex_entry *e, const struct text_tokens *tt, size_t i)
{
	size_t k;

	if (i + e->nwords > tt->n)
		return 0;
	for (k = 1; k < e->nwords; k++) {
		if (tt->tok[i + k].sentence != tt->tok[i].sentence)
			return 0;
		if (!word_matches(&e->words[k], e->case_sensitive, tt, i + k))
			return 0;
	}
	return 1;
}

/* The best candidate so far for one category at the current token. */
struct best {
	uint32_t category, entry, ntokens;
};

/* At most one candidate per category, so b holds ncategories. */
struct candidates {
	struct best *b;
	size_t n;
};

static void consider_entry(const struct matcher *m, const struct text_tokens *tt, size_t i,
			   uint32_t id, struct candidates *c)
{
	const struct lex_entry *e = &m->lx->entries[id];
	uint32_t cat = (uint32_t)e->category;
	size_t j;

	if (!entry_matches(e, tt, i))
		return;
	for (j = 0; j < c->n && c->b[j].category != cat; j++)
		;
	if (j == c->n) {
		c->b[c->n].category = cat;
		c->b[c->n].entry = id;
		c->b[c->n].ntokens = (uint32_t)e->nwords;
		c->n++;
	} else if (e->nwords > c->b[j].ntokens
		   || (e->nwords == c->b[j].ntokens && id < c->b[j].entry)) {
		c->b[j].entry = id;
		c->b[j].ntokens = (uint32_t)e->nwords;
	}
}

/* The phrases listed under slot s whose second word is token i + 1. */
static const struct slot *find_pair(const struct matcher *m, const struct slot *s,
				    const struct text_tokens *tt, size_t i, int cased)
{
	const char *form;
	size_t len;

	if (i + 1 >= tt->n || tt->tok[i + 1].sentence != tt->tok[i].sentence)
		return NULL;
	form = cased ? text_cased(tt, i + 1) : text_norm(tt, i + 1);
	len = cased ? tt->tok[i + 1].cased_len : tt->tok[i + 1].norm_len;
	return table_find(&m->pairs, form, len, s->id);
}

/*
 * Considers the entries of slot s (found) at token i, with its phrases listed in
 * pairs, all in ascending order as if they were one list: the order in
 * which categories are first met decides the order of their matches.
 */
static void consider(const struct matcher *m, const struct text_tokens *tt, size_t i,
		     const struct slot *s, int cased, struct candidates *c)
{
	const struct slot *p;
	size_t a = 0, b = 0;

	p = s->npaired ? find_pair(m, s, tt, i, cased) : NULL;
	if (!p) {
		for (a = 0; a < s->n; a++)
			consider_entry(m, tt, i, s->entries[a], c);
		return;
	}
	while (a < s->n || b < p->n) {
		if (b == p->n || (a < s->n && s->entries[a] < p->entries[b]))
			consider_entry(m, tt, i, s->entries[a++], c);
		else
			consider_entry(m, tt, i, p->entries[b++], c);
	}
}

/*
 * Looks a token up in an exact table and a glob table at once: one pass
 * computes the hash of every prefix, and the glob table is probed only at
 * the prefix lengths some glob has; the full hash then serves the exact one.
 */
static void lookup(const struct matcher *m, const struct table *exact, const struct table *glob,
		   uint64_t lens, size_t longest, int cased, const char *form, size_t len,
		   const struct text_tokens *tt, size_t i, struct candidates *c)
{
	const struct slot *s;
	uint64_t h = HASH_FNV_OFFSET;
	size_t l;

	/* Most lookups find nothing: consider only what they find. */
	for (l = 1; l <= len; l++) {
		h = hash_fnv_step(h, (unsigned char)form[l - 1]);
		if ((l <= MAX_GLOB_MASK_LEN ? (lens >> (l - 1)) & 1 : l <= longest)
		    && (s = table_find_hashed(glob, form, l, 0, h)))
			consider(m, tt, i, s, cased, c);
	}
	if (exact->used && (s = table_find_hashed(exact, form, len, 0, h)))
		consider(m, tt, i, s, cased, c);
}

static int is_negated(const struct text_tokens *tt, size_t i)
{
	size_t j;
	for (j = 1; j <= MATCH_NEGATION_WINDOW && j <= i; j++) {
		const struct token *t = &tt->tok[i - j];
		if (t->sentence != tt->tok[i].sentence)
			break;
		if (t->negator)
			return 1;
	}
	return 0;
}

void matcher_run(const struct matcher *m, const struct text_tokens *tt, int negation,
		 struct match_list *out)
{
	size_t ncat = m->lx->ncategories, i, k;
	size_t *covered = xcalloc(ncat ? ncat : 1, sizeof(*covered));
	struct candidates c;

	c.b = xcalloc(ncat ? ncat : 1, sizeof(*c.b));
	out->n = 0;
	for (i = 0; i < tt->n; i++) {
		const struct token *t = &tt->tok[i];

		c.n = 0;
		if (filter_passes(&m->filter, text_norm(tt, i), t->norm_len))
			lookup(m, &m->exact, &m->glob, m->glob_lens, m->long_glob, 0, text_norm(tt, i),
			       t->norm_len, tt, i, &c);
		if ((m->exact_cased.used || m->glob_cased.used)
		    && filter_passes(&m->filter_cased, text_cased(tt, i), t->cased_len))
			lookup(m, &m->exact_cased, &m->glob_cased, m->glob_cased_lens,
			       m->long_glob_cased, 1, text_cased(tt, i), t->cased_len, tt, i, &c);
		for (k = 0; k < c.n; k++) {
			struct match *mt;
			if (i < covered[c.b[k].category])
				continue;
			covered[c.b[k].category] = i + c.b[k].ntokens;
			ALLOC_GROW(out->m, out->n + 1, out->alloc);
			mt = &out->m[out->n++];
			mt->first = (uint32_t)i;
			mt->ntokens = c.b[k].ntokens;
			mt->entry = c.b[k].entry;
			mt->category = c.b[k].category;
			mt->quoted = t->quoted;
			mt->negated = (uint8_t)(negation && is_negated(tt, i));
		}
	}
	free(c.b);
	free(covered);
}

void match_list_release(struct match_list *l)
{
	free(l->m);
	l->m = NULL;
	l->n = l->alloc = 0;
}
