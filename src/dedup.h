#ifndef DEDUP_H
#define DEDUP_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/*
 * Near-duplicate articles (syndicated wire copy): pairs whose word
 * 5-shingle Jaccard similarity is at least 0.5. Each article is reduced to
 * a MinHash signature of fixed size when it is added (one-permutation
 * hashing with optimal densification, 128 bins), so memory grows by a
 * constant per article and no text is kept. The similarity written is the
 * MinHash estimate (the share of equal bins; standard error about 0.045
 * near 0.5). Candidates come from locality-sensitive hashing (64 bands of
 * 2 bins): a pair at Jaccard 0.5 is missed with probability below 1e-8.
 */
struct dedup;

struct dedup *dedup_new(void);

/*
 * words: the article's normalised tokens in order (borrowed for the call).
 * id, outlet and date are copied. An article with fewer than 5 words is one
 * shingle; an article without words is never a duplicate.
 */
void dedup_add(struct dedup *d, const char *id, const char *outlet, const char *date,
	       const char *const *words, size_t nwords);

/*
 * The signature of an article whose words have these text_hash values (the
 * tokens' hash) as text, appended to out: 512 hex digits
 * (128 bins of 16 bits), or "-" for an article without words. Pure and
 * thread-safe: workers sign, so that shards can be paired later.
 */
void dedup_sign(const uint64_t *word_hashes, size_t nwords, struct buf *out);

/* Adds an article by a signature made by dedup_sign; -1 when malformed. */
int dedup_add_signature(struct dedup *d, const char *id, const char *outlet, const char *date,
			const char *signature);

/*
 * Writes DIR/duplicates.tsv (id_a id_b outlet_a outlet_b similarity): id_a
 * is the earlier article of the pair (by date, NA last, then id); rows are
 * sorted by id_a, then id_b. Returns -1 with a message on a write error.
 */
int dedup_write(struct dedup *d, const char *dir);

/*
 * Calls pair(id_a, id_b, ctx) for each row of a duplicates.tsv at path
 * (the one reader of what dedup_write writes). -1 after a message.
 */
int dedup_read_pairs(const char *path, void (*pair)(const char *a, const char *b, void *ctx),
		     void *ctx);

void dedup_free(struct dedup *d);

#endif
