#ifndef SORT_H
#define SORT_H

#include <stddef.h>

/* qsort that accepts an empty (NULL) array, which qsort itself must not get. */
void sort_array(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

#endif
