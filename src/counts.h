#ifndef COUNTS_H
#define COUNTS_H

#include <stddef.h>
#include <stdint.h>

/*
 * Counts of strings (term frequencies per outlet): a hash table that owns
 * copies of its keys. Memory grows with the vocabulary, not the corpus.
 * Keys borrowed from a table stay valid until its next insertion.
 */
struct counts;

struct counts *counts_new(void);
void counts_free(struct counts *c);
void counts_add(struct counts *c, const char *key, size_t len, uint64_t n);
/* The count of key, created as 0 when absent; valid until the next insertion. */
uint64_t *counts_slot(struct counts *c, const char *key, size_t len);
/*
 * counts_slot with the key's hash given, so words hashed once are not
 * hashed again. The hash must be text_hash(key, len), as the tokens carry
 * it: the table computes it again when it grows. A table takes keys either
 * always with a hash or never (mixing the two is an internal error).
 */
uint64_t *counts_slot_hashed(struct counts *c, const char *key, size_t len, uint64_t hash);
/*
 * Starts loading the slot of a key with this hash (as counts_slot_hashed
 * takes it), so that a later lookup does not wait on memory.
 */
void counts_prefetch(const struct counts *c, uint64_t hash);
/* Adds every count of from into into. */
void counts_merge(struct counts *into, const struct counts *from);
size_t counts_size(const struct counts *c);
/* Calls fn for every key in table order (not sorted). */
void counts_each(const struct counts *c, void (*fn)(void *ctx, const char *key, size_t len,
						    uint64_t n), void *ctx);
/* The count of key, 0 when it was never added. */
uint64_t counts_get(const struct counts *c, const char *key, size_t len);

struct count_item {
	const char *key;	/* borrowed from the table */
	uint64_t n;
};

/* Every item sorted by key (bytewise); the caller frees the array only. */
struct count_item *counts_sorted(const struct counts *c, size_t *n);

#endif
