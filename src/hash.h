#ifndef HASH_H
#define HASH_H

#include <stddef.h>
#include <stdint.h>

/*
 * FNV-1a, the one string hash of framing: word hashes (signatures.tsv,
 * term counts), the matcher's tables, the report's tables and the seeds of
 * the resampling. Byte by byte, so that the hash of a prefix is a state on
 * the way to the hash of the whole (the matcher probes every prefix of a
 * token in one pass).
 */
#define HASH_FNV_OFFSET 14695981039346656037ULL
#define HASH_FNV_PRIME 1099511628211ULL

/* The state h after one more byte c. */
static inline uint64_t hash_fnv_step(uint64_t h, unsigned char c)
{
	return (h ^ c) * HASH_FNV_PRIME;
}

/* FNV-1a of s[0, len). */
static inline uint64_t hash_fnv(const char *s, size_t len)
{
	uint64_t h = HASH_FNV_OFFSET;
	size_t i;
	for (i = 0; i < len; i++)
		h = hash_fnv_step(h, (unsigned char)s[i]);
	return h;
}

/*
 * The state h after the string s (NULL as empty) and a 0xff byte, a byte
 * that UTF-8 never holds: hashing the parts of a key one after the other
 * this way, ("ab", "c") and ("a", "bc") hash apart. Start with
 * HASH_FNV_OFFSET.
 */
static inline uint64_t hash_fnv_part(uint64_t h, const char *s)
{
	for (; s && *s; s++)
		h = hash_fnv_step(h, (unsigned char)*s);
	return hash_fnv_step(h, 0xff);
}

/*
 * splitmix64's finaliser: a fixed, well-mixing hash of 64 bits (MinHash
 * bins of near-duplicates and stories, the seeds of the resampling).
 */
static inline uint64_t hash_mix64(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

#endif
