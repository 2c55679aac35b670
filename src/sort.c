#include "sort.h"

#include <stdlib.h>

#include "banned.h"

void sort_array(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}
