#ifndef SWAR_H
#define SWAR_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Word-at-a-time byte tricks for the scans of text (clean, counts, text). */

/*
 * Eight bytes as an integer with the first byte lowest, whatever the
 * machine's byte order: the word-at-a-time scans of text rely on it.
 */
static inline uint64_t load_le64(const void *p, size_t n)
{
	uint64_t x = 0;
	memcpy(&x, p, n);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	x = __builtin_bswap64(x);
#endif
	return x;
}

/*
 * Eight bytes at a time (SWAR): marks are the 0x80 bit of each byte of a
 * word loaded with load_le64, so the first byte is the lowest.
 */
#define SWAR_ONES 0x0101010101010101ULL
#define SWAR_HIGHS 0x8080808080808080ULL

/* Marks the bytes b with m < b < n, exactly; never bytes of 0x80 and above (m < n <= 128). */
static inline uint64_t swar_between(uint64_t x, unsigned m, unsigned n)
{
	const uint64_t low7 = SWAR_ONES * 127;
	return ((SWAR_ONES * (127 + n) - (x & low7)) & ~x & ((x & low7) + SWAR_ONES * (127 - m)))
	       & SWAR_HIGHS;
}

/* Marks the ASCII letters. */
static inline uint64_t swar_ascii_letters(uint64_t x)
{
	return swar_between(x | SWAR_ONES * 0x20, 'a' - 1, 'z' + 1);
}

/* Marks the ASCII digits. */
static inline uint64_t swar_ascii_digits(uint64_t x)
{
	return swar_between(x, '0' - 1, '9' + 1);
}

/* How many bytes from the first are marked before one that is not (0 to 8). */
static inline size_t swar_marked_run(uint64_t marks)
{
	uint64_t stop = ~marks & SWAR_HIGHS;
	return stop ? (size_t)__builtin_ctzll(stop) / 8 : 8;
}

#endif
