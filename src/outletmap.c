/* Host -> outlet table of --outlets (see outletmap.h): a sorted array searched by suffix. */
#include "outletmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "sort.h"
#include "tsv.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

struct outletmap_row {
	char *host;
	char *outlet;
};

struct outletmap {
	struct outletmap_row *rows;
	size_t n, alloc;
};

static int cmp_row(const void *x, const void *y)
{
	return strcmp(((const struct outletmap_row *)x)->host,
		      ((const struct outletmap_row *)y)->host);
}

void outletmap_free(struct outletmap *m)
{
	size_t i;

	if (!m)
		return;
	for (i = 0; i < m->n; i++) {
		free(m->rows[i].host);
		free(m->rows[i].outlet);
	}
	free(m->rows);
	free(m);
}

/* A host as looked up: lowercase, without a leading "www." or "." and a trailing dot. */
static char *norm_host(const char *s)
{
	struct buf b = BUF_INIT;
	size_t i;

	if (!strncmp(s, "www.", 4))
		s += 4;
	while (*s == '.' || *s == '*')
		s++;
	for (i = 0; s[i]; i++)
		buf_addch(&b, s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i]);
	while (b.len && b.data[b.len - 1] == '.')
		b.data[--b.len] = '\0';
	return buf_detach(&b);
}

struct outletmap *outletmap_load(const char *path)
{
	struct outletmap *m;
	struct tsv *t = tsv_open(path);
	long hc, oc;
	int r;

	if (!t)
		return NULL;
	hc = tsv_column(t, "host");
	oc = tsv_column(t, "outlet");
	if (hc < 0 || oc < 0) {
		error("%s: the header must name the columns 'host' and 'outlet'", path);
		tsv_close(t);
		return NULL;
	}
	m = xcalloc(1, sizeof(*m));
	while ((r = tsv_next(t)) == 1) {
		const char *h = tsv_field(t, (size_t)hc), *o = tsv_field(t, (size_t)oc);
		if (!*h || !*o) {
			error("%s:%zu: an empty host or outlet", path, tsv_line(t));
			r = -1;
			break;
		}
		ALLOC_GROW(m->rows, m->n + 1, m->alloc);
		m->rows[m->n].host = norm_host(h);
		m->rows[m->n++].outlet = xstrdup(o);
	}
	tsv_close(t);
	if (r < 0) {
		outletmap_free(m);
		return NULL;
	}
	sort_array(m->rows, m->n, sizeof(*m->rows), cmp_row);
	return m;
}

const char *outletmap_find(const struct outletmap *m, const char *host)
{
	const char *h = host;

	if (!strncmp(h, "www.", 4))
		h += 4;
	while (h && *h) {
		struct outletmap_row key = { (char *)(uintptr_t)h, NULL }, *r;
		r = bsearch(&key, m->rows, m->n, sizeof(*m->rows), cmp_row);
		if (r)
			return r->outlet;
		h = strchr(h, '.');
		if (h)
			h++;
	}
	return NULL;
}
