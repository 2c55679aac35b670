#ifndef TEST_RAND_H
#define TEST_RAND_H

#include <stddef.h>
#include <stdint.h>

/*
 * A number below n from a linear congruential generator, for the unit
 * tests that compare two implementations on random input: the same rounds
 * on every machine.
 */
static inline size_t test_rand(uint64_t *seed, size_t n)
{
	*seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (size_t)(*seed >> 33) % n;
}

#endif
