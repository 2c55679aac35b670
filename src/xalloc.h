#ifndef XALLOC_H
#define XALLOC_H

#include <stddef.h>

/*
 * Allocation wrappers that die on out-of-memory, so that call sites stay
 * clean; the caller frees what they return.
 */
void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Grows *arr so that it holds at least need elements of size elem. */
#define ALLOC_GROW(arr, need, alloc) \
	do { \
		if ((need) > (alloc)) { \
			size_t alloc_new_ = (alloc) < 16 ? 16 : (alloc) * 2; \
			while (alloc_new_ < (need)) \
				alloc_new_ *= 2; \
			(arr) = xrealloc((arr), alloc_new_ * sizeof(*(arr))); \
			(alloc) = alloc_new_; \
		} \
	} while (0)

#endif
