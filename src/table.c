#include "table.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"
#include "xalloc.h"
#include "banned.h"

struct table {
	size_t ncols;
	char *align;
	char **cells;
	size_t n, alloc;
};

struct table *table_new(size_t ncols, const char *align)
{
	struct table *t = xcalloc(1, sizeof(*t));
	t->ncols = ncols;
	t->align = xstrdup(align);
	return t;
}

void table_free(struct table *t)
{
	size_t i;
	if (!t)
		return;
	for (i = 0; i < t->n; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->align);
	free(t);
}

void table_add(struct table *t, const char *cell)
{
	struct buf b = BUF_INIT;
	buf_add_tsv_field(&b, cell, strlen(cell));
	ALLOC_GROW(t->cells, t->n + 1, t->alloc);
	t->cells[t->n++] = buf_detach(&b);
}

void table_addf(struct table *t, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	table_add(t, b.data ? b.data : "");
	buf_release(&b);
}

void table_add_double(struct table *t, double v)
{
	struct buf b = BUF_INIT;
	if (isnan(v))
		buf_adds(&b, "NA");
	else
		buf_add_double(&b, v);
	table_add(t, b.data);
	buf_release(&b);
}

void table_print(const struct table *t, FILE *out, int tsv)
{
	size_t *width = xcalloc(t->ncols ? t->ncols : 1, sizeof(*width));
	size_t i, c;

	for (i = 0; i < t->n; i++) {
		size_t w = text_display_width(t->cells[i], strlen(t->cells[i]));
		c = i % t->ncols;
		if (w > width[c])
			width[c] = w;
	}
	for (i = 0; i < t->n; i++) {
		const char *cell = t->cells[i];
		size_t w = text_display_width(cell, strlen(cell)), pad;
		int last = (i % t->ncols == t->ncols - 1) || i + 1 == t->n;

		c = i % t->ncols;
		if (tsv) {
			fputs(cell, out);
			fputc(last ? '\n' : '\t', out);
			continue;
		}
		pad = width[c] - w;
		if (t->align[c] == 'r')
			for (; pad; pad--)
				fputc(' ', out);
		fputs(cell, out);
		if (last) {
			fputc('\n', out);
			continue;
		}
		for (pad += 2; pad; pad--)
			fputc(' ', out);
	}
	free(width);
}
