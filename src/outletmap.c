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
	char **extra;		/* nextra values */
};

struct outletmap {
	struct outletmap_row *rows;
	size_t n, alloc;
	char **extra_names;
	long *extra_cols;
	size_t nextra;
};

static int cmp_row(const void *x, const void *y)
{
	return strcmp(((const struct outletmap_row *)x)->host,
		      ((const struct outletmap_row *)y)->host);
}

void outletmap_free(struct outletmap *m)
{
	size_t i, j;

	if (!m)
		return;
	for (i = 0; i < m->n; i++) {
		free(m->rows[i].host);
		free(m->rows[i].outlet);
		for (j = 0; j < m->nextra; j++)
			free(m->rows[i].extra[j]);
		free(m->rows[i].extra);
	}
	for (j = 0; j < m->nextra; j++)
		free(m->extra_names[j]);
	free(m->extra_names);
	free(m->extra_cols);
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

/*
 * The columns besides host and outlet become extra columns of the pages;
 * "url" is the WARC reader's own, so the table may not have one.
 */
static int extra_columns(struct outletmap *m, struct tsv *t, const char *path)
{
	size_t i, j, n = tsv_columns(t);
	int bad = 0;

	m->extra_names = xcalloc(n ? n : 1, sizeof(*m->extra_names));
	m->extra_cols = xcalloc(n ? n : 1, sizeof(*m->extra_cols));
	for (i = 0; i < n; i++) {
		const char *name = tsv_column_name(t, i);
		if (!strcmp(name, "host") || !strcmp(name, "outlet"))
			continue;
		if (!*name)
			bad = error("%s:1: column %zu has no name", path, i + 1);
		else if (!strcmp(name, "url"))
			bad = error("%s:1: a column 'url' would repeat the page's own url column", path);
		for (j = 0; j < i; j++)
			if (!strcmp(name, tsv_column_name(t, j)))
				bad = error("%s:1: column '%s' appears twice", path, name);
		m->extra_cols[m->nextra] = (long)i;
		m->extra_names[m->nextra++] = xstrdup(name);
	}
	return bad;
}

struct outletmap *outletmap_load(const char *path)
{
	struct outletmap *m;
	struct tsv *t = tsv_open(path);
	long hc, oc;
	size_t j;
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
	r = extra_columns(m, t, path);
	while (r == 0 && (r = tsv_next(t)) == 1) {
		const char *h = tsv_field(t, (size_t)hc), *o = tsv_field(t, (size_t)oc);
		if (!*h || !*o) {
			error("%s:%zu: an empty host or outlet", path, tsv_line(t));
			r = -1;
			break;
		}
		ALLOC_GROW(m->rows, m->n + 1, m->alloc);
		m->rows[m->n].host = norm_host(h);
		m->rows[m->n].outlet = xstrdup(o);
		m->rows[m->n].extra = xcalloc(m->nextra ? m->nextra : 1, sizeof(char *));
		for (j = 0; j < m->nextra; j++)
			m->rows[m->n].extra[j] = xstrdup(tsv_field(t, (size_t)m->extra_cols[j]));
		m->n++;
		r = 0;
	}
	tsv_close(t);
	if (r < 0) {
		outletmap_free(m);
		return NULL;
	}
	sort_array(m->rows, m->n, sizeof(*m->rows), cmp_row);
	return m;
}

/* The row of host or of its longest listed suffix at a dot, or NULL. */
static const struct outletmap_row *find_row(const struct outletmap *m, const char *host)
{
	const char *h = host;

	/* bsearch must not see the NULL array of a table without rows. */
	if (!m->n)
		return NULL;
	if (!strncmp(h, "www.", 4))
		h += 4;
	while (h && *h) {
		struct outletmap_row key = { (char *)(uintptr_t)h, NULL, NULL }, *r;
		r = bsearch(&key, m->rows, m->n, sizeof(*m->rows), cmp_row);
		if (r)
			return r;
		h = strchr(h, '.');
		if (h)
			h++;
	}
	return NULL;
}

const char *outletmap_find(const struct outletmap *m, const char *host, char *const **extra)
{
	const struct outletmap_row *r = find_row(m, host);

	if (extra)
		*extra = r ? r->extra : NULL;
	return r ? r->outlet : NULL;
}

char *const *outletmap_extra_names(const struct outletmap *m, size_t *n)
{
	*n = m->nextra;
	return m->extra_names;
}
