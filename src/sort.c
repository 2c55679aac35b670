#include "sort.h"

#include <stdlib.h>

#include "banned.h"

void sort_array(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

static void swap_u64(uint64_t *a, uint64_t *b)
{
	uint64_t t = *a;
	*a = *b;
	*b = t;
}

/* Below this many, insertion sort. */
#define SORT_SMALL 16

void sort_u64(uint64_t *v, size_t n)
{
	size_t i, j;

	/* Recursing into the smaller side, looping on the larger: depth below log2(n). */
	while (n > SORT_SMALL) {
		size_t mid = n / 2;
		uint64_t pivot;

		/* Median of three as the pivot, so sorted input is not the worst case. */
		if (v[mid] < v[0])
			swap_u64(&v[mid], &v[0]);
		if (v[n - 1] < v[0])
			swap_u64(&v[n - 1], &v[0]);
		if (v[n - 1] < v[mid])
			swap_u64(&v[n - 1], &v[mid]);
		pivot = v[mid];
		i = 0;
		j = n - 1;
		/* Hoare's partition: v[0, j] <= pivot <= v[j + 1, n). */
		for (;;) {
			while (v[i] < pivot)
				i++;
			while (v[j] > pivot)
				j--;
			if (i >= j)
				break;
			swap_u64(&v[i++], &v[j--]);
		}
		if (j + 1 < n - j - 1) {
			sort_u64(v, j + 1);
			v += j + 1;
			n -= j + 1;
		} else {
			sort_u64(v + j + 1, n - j - 1);
			n = j + 1;
		}
	}
	for (i = 1; i < n; i++) {
		uint64_t x = v[i];
		for (j = i; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}
