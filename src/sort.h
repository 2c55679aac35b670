#ifndef SORT_H
#define SORT_H

#include <stddef.h>
#include <stdint.h>

/* qsort that accepts an empty (NULL) array, which qsort itself must not get. */
void sort_array(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

/*
 * Sorts v[0, n) ascending: the hashes of an article's words or lines, on
 * score's path for every article, where qsort's call per comparison was
 * most of the cost (a quicksort with the comparison inline).
 */
void sort_u64(uint64_t *v, size_t n);

#endif
