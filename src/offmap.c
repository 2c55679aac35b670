#include "offmap.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"
#include "banned.h"

void offmap_add(struct offmap *m, size_t t, size_t s)
{
	if (m->n) {
		const struct offmap_run *last = &m->runs[m->n - 1];
		/* The same text byte again: the first word stands. */
		if (t == last->text)
			return;
		if (t >= last->text && s >= last->src && t - last->text == s - last->src)
			return;
	}
	ALLOC_GROW(m->runs, m->n + 1, m->alloc);
	m->runs[m->n].text = (uint32_t)t;
	m->runs[m->n].src = (uint32_t)s;
	m->n++;
}

size_t offmap_lookup(const struct offmap *m, size_t t)
{
	size_t lo = 0, hi = m->n;

	if (!m->n)
		return t;
	/* The last run that starts at or before t. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->runs[mid].text <= t)
			lo = mid;
		else
			hi = mid;
	}
	if (m->runs[lo].text > t)
		return m->runs[lo].src;
	return m->runs[lo].src + (t - m->runs[lo].text);
}

void offmap_release(struct offmap *m)
{
	free(m->runs);
	memset(m, 0, sizeof(*m));
}
