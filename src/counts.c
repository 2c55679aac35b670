#include "counts.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "banned.h"

struct entry {
	char *key;
	size_t len;
	uint64_t hash;
	uint64_t n;
};

struct counts {
	struct entry *slots;
	size_t cap, used;
};

static uint64_t hash_key(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a */
	size_t i;
	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

struct counts *counts_new(void)
{
	struct counts *c = xcalloc(1, sizeof(*c));
	c->cap = 1024;
	c->slots = xcalloc(c->cap, sizeof(*c->slots));
	return c;
}

void counts_free(struct counts *c)
{
	size_t i;
	if (!c)
		return;
	for (i = 0; i < c->cap; i++)
		free(c->slots[i].key);
	free(c->slots);
	free(c);
}

static struct entry *find_slot(struct entry *slots, size_t cap, const char *key, size_t len,
			       uint64_t h)
{
	size_t i;
	for (i = h & (cap - 1);; i = (i + 1) & (cap - 1)) {
		struct entry *e = &slots[i];
		if (!e->key || (e->hash == h && e->len == len && !memcmp(e->key, key, len)))
			return e;
	}
}

static void grow(struct counts *c)
{
	size_t cap = c->cap * 2, i;
	struct entry *slots = xcalloc(cap, sizeof(*slots));

	for (i = 0; i < c->cap; i++) {
		struct entry *e = &c->slots[i];
		if (e->key)
			*find_slot(slots, cap, e->key, e->len, e->hash) = *e;
	}
	free(c->slots);
	c->slots = slots;
	c->cap = cap;
}

uint64_t *counts_slot(struct counts *c, const char *key, size_t len)
{
	uint64_t h = hash_key(key, len);
	struct entry *e = find_slot(c->slots, c->cap, key, len, h);

	if (!e->key) {
		if ((c->used + 1) * 4 > c->cap * 3) {
			grow(c);
			e = find_slot(c->slots, c->cap, key, len, h);
		}
		e->key = xstrndup(key, len);
		e->len = len;
		e->hash = h;
		c->used++;
	}
	return &e->n;
}

void counts_add(struct counts *c, const char *key, size_t len, uint64_t n)
{
	*counts_slot(c, key, len) += n;
}

void counts_merge(struct counts *into, const struct counts *from)
{
	size_t i;
	for (i = 0; i < from->cap; i++)
		if (from->slots[i].key)
			counts_add(into, from->slots[i].key, from->slots[i].len, from->slots[i].n);
}

size_t counts_size(const struct counts *c)
{
	return c->used;
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
		if (c->slots[i].key) {
			items[k].key = c->slots[i].key;
			items[k].n = c->slots[i].n;
			k++;
		}
	sort_array(items, k, sizeof(*items), cmp_item);
	*n = k;
	return items;
}

uint64_t counts_get(const struct counts *c, const char *key, size_t len)
{
	const struct entry *e = find_slot(c->slots, c->cap, key, len, hash_key(key, len));
	return e->key ? e->n : 0;
}
