#include "counts.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "sort.h"
#include "swar.h"
#include "text.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

/*
 * Keys live one after another in an arena, each NUL-terminated, and slots
 * hold their offset: no allocation per key, because a newsroom archive has
 * hundreds of thousands of distinct words per outlet. A slot holds the
 * key's first eight bytes instead of its hash, so that most words are found
 * without reading the arena (at 1 GB the tables outgrow the caches, and that
 * second miss made counting grow faster than the corpus) in 24 bytes. The
 * hash is computed again from the key when the table grows.
 */
struct entry {
	uint64_t head;	/* the key's first eight bytes, zero-padded */
	uint64_t n;
	uint32_t off;	/* of the key in keys */
	uint32_t len1;	/* key length + 1; 0 marks an empty slot */
};

enum key_hash { HASH_UNSET, HASH_OWN, HASH_TEXT };

struct counts {
	struct entry *slots;
	size_t cap, used;
	struct buf keys;
	enum key_hash hashed;	/* hash_key or the callers' text_hash, fixed by the first key */
};

/* Small: a table per outlet per worker, and an archive may have thousands of outlets. */
#define INITIAL_SLOTS 16

/*
 * Eight bytes at a time, then a final mix: every word of every article is
 * hashed, and FNV's byte-by-byte multiply chain was a tenth of scoring.
 */
static uint64_t hash_key(const char *s, size_t len)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ len, w;
	size_t i;

	for (; len >= 8; s += 8, len -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
		h ^= h >> 32;
	}
	for (w = 0, i = 0; i < len; i++)
		w |= (uint64_t)(unsigned char)s[i] << (8 * i);
	h = (h ^ w) * 0xC4CEB9FE1A85EC53ULL;
	return h ^ (h >> 29);
}

/*
 * Empty slots, zeroed by writing: calloc's fresh pages map the zero page
 * when first read, and the write after that costs every other core of a
 * threaded run a TLB flush (a twentieth of framing score -j 2).
 */
static struct entry *new_slots(size_t cap)
{
	struct entry *slots = xmalloc(cap * sizeof(*slots));
	memset(slots, 0, cap * sizeof(*slots));
	return slots;
}

struct counts *counts_new(void)
{
	struct counts *c = xcalloc(1, sizeof(*c));
	c->cap = INITIAL_SLOTS;
	c->slots = new_slots(c->cap);
	return c;
}

void counts_free(struct counts *c)
{
	if (!c)
		return;
	free(c->slots);
	buf_release(&c->keys);
	free(c);
}

static const char *key_of(const struct counts *c, const struct entry *e)
{
	return c->keys.data + e->off;
}

/* Up to eight bytes of s without reading past its end. */
static uint64_t head_of(const char *s, size_t len)
{
	return load_le64(s, len < 8 ? len : 8);
}

static int same_key(const struct counts *c, const struct entry *e, const char *key, size_t len,
		    uint64_t head)
{
	return e->len1 == len + 1 && e->head == head
	       && (len <= 8 || !memcmp(key_of(c, e) + 8, key + 8, len - 8));
}

static struct entry *find_slot(const struct counts *c, struct entry *slots, size_t cap,
			       const char *key, size_t len, uint64_t h)
{
	uint64_t head = head_of(key, len);
	size_t i;

	for (i = h & (cap - 1);; i = (i + 1) & (cap - 1)) {
		struct entry *e = &slots[i];
		if (!e->len1 || same_key(c, e, key, len, head))
			return e;
	}
}

/*
 * Slots are taken by the low bits: mix the high ones in (FNV's low bits
 * are weak, and the low bits of hash_key's last multiply depend on a short
 * key's first bytes only), by a shift other than hash_key's own final 29:
 * x ^ x >> 29 twice is x ^ x >> 58, which undid that mix, so that every
 * word under eight bytes starting with the same two letters probed one run
 * of slots (scale19 measured it on keyness's terms t00001 ... t19999).
 */
static uint64_t slot_hash(uint64_t hash)
{
	return hash ^ (hash >> 31);
}

/* The slot hash of a key already in c, computed as its first insertion did. */
static uint64_t rehash(const struct counts *c, const char *key, size_t len)
{
	return slot_hash(c->hashed == HASH_TEXT ? text_hash(key, len) : hash_key(key, len));
}

static void grow(struct counts *c)
{
	size_t cap = c->cap * 2, i;
	struct entry *slots = new_slots(cap);

	for (i = 0; i < c->cap; i++) {
		struct entry *e = &c->slots[i];
		size_t j;
		if (!e->len1)
			continue;
		for (j = rehash(c, key_of(c, e), e->len1 - 1) & (cap - 1); slots[j].len1;
		     j = (j + 1) & (cap - 1))
			;
		slots[j] = *e;
	}
	free(c->slots);
	c->slots = slots;
	c->cap = cap;
}

static uint64_t *slot_of(struct counts *c, const char *key, size_t len, uint64_t hash,
			 enum key_hash kind)
{
	uint64_t h = slot_hash(hash);
	struct entry *e;

	if (c->hashed == HASH_UNSET)
		c->hashed = kind;
	else if (c->hashed != kind)
		die("internal error: a count table given keys hashed two ways");
	e = find_slot(c, c->slots, c->cap, key, len, h);
	if (!e->len1) {
		if (len >= UINT32_MAX || c->keys.len + len + 1 >= UINT32_MAX)
			die("more distinct terms than a count table can hold");
		if ((c->used + 1) * 4 > c->cap * 3) {
			grow(c);
			e = find_slot(c, c->slots, c->cap, key, len, h);
		}
		e->off = (uint32_t)c->keys.len;
		buf_add(&c->keys, key, len);
		buf_addch(&c->keys, '\0');
		e->len1 = (uint32_t)len + 1;
		e->head = head_of(key, len);
		e->n = 0;
		c->used++;
	}
	return &e->n;
}

uint64_t *counts_slot(struct counts *c, const char *key, size_t len)
{
	return slot_of(c, key, len, hash_key(key, len), HASH_OWN);
}

uint64_t *counts_slot_hashed(struct counts *c, const char *key, size_t len, uint64_t hash)
{
	return slot_of(c, key, len, hash, HASH_TEXT);
}

void counts_prefetch(const struct counts *c, uint64_t hash)
{
	__builtin_prefetch(&c->slots[slot_hash(hash) & (c->cap - 1)]);
}

void counts_add(struct counts *c, const char *key, size_t len, uint64_t n)
{
	*counts_slot(c, key, len) += n;
}

uint64_t counts_get(const struct counts *c, const char *key, size_t len)
{
	const struct entry *e = find_slot(c, c->slots, c->cap, key, len, rehash(c, key, len));
	return e->len1 ? e->n : 0;
}

void counts_merge(struct counts *into, const struct counts *from)
{
	size_t i;
	for (i = 0; i < from->cap; i++) {
		const struct entry *e = &from->slots[i];
		if (e->len1)
			counts_add(into, key_of(from, e), e->len1 - 1, e->n);
	}
}

size_t counts_size(const struct counts *c)
{
	return c->used;
}

void counts_each(const struct counts *c, void (*fn)(void *ctx, const char *key, size_t len,
						    uint64_t n), void *ctx)
{
	size_t i;
	for (i = 0; i < c->cap; i++) {
		const struct entry *e = &c->slots[i];
		if (e->len1)
			fn(ctx, key_of(c, e), e->len1 - 1, e->n);
	}
}

static int cmp_item(const void *a, const void *b)
{
	return strcmp(((const struct count_item *)a)->key, ((const struct count_item *)b)->key);
}

struct count_item *counts_sorted(const struct counts *c, size_t *n)
{
	struct count_item *items = xmalloc((c->used ? c->used : 1) * sizeof(*items));
	size_t i, k = 0;

	for (i = 0; i < c->cap; i++)
		if (c->slots[i].len1) {
			items[k].key = key_of(c, &c->slots[i]);
			items[k].n = c->slots[i].n;
			k++;
		}
	sort_array(items, k, sizeof(*items), cmp_item);
	*n = k;
	return items;
}
