#include "kwic.h"

#include <stdlib.h>
#include <string.h>

#include "htmlpage.h"
#include "text.h"
#include "xalloc.h"
#include "banned.h"

void kwic_init(struct kwic *k, const struct lexicon *lx, const char *by, long category,
	       size_t window)
{
	memset(k, 0, sizeof(*k));
	k->lx = lx;
	k->by = by;
	k->category = category;
	k->window = window;
}

void kwic_release(struct kwic *k)
{
	size_t i;
	for (i = 0; i < k->n; i++) {
		free(k->l[i].group);
		free(k->l[i].id);
		free(k->l[i].left);
		free(k->l[i].keyword);
		free(k->l[i].right);
	}
	free(k->l);
	k->l = NULL;
	k->n = k->alloc = 0;
}

/* An outlet name or an id as the listing prints it (sanitize.h). */
static char *shown(const char *s)
{
	struct buf b = BUF_INIT;
	buf_add_shown(&b, s, strlen(s));
	return buf_detach(&b);
}

static char *surface(const char *text, size_t start, size_t end)
{
	struct buf b = BUF_INIT;
	text_append_clean(&b, text, start, end);
	return buf_detach(&b);
}

void kwic_article(void *ctx, const struct lexrun_article *ra)
{
	struct kwic *k = ctx;
	const struct text_tokens *tt = ra->tt;
	const char *group = lexrun_group(ra, k->by);
	size_t i;

	for (i = 0; i < ra->ml->n; i++) {
		const struct match *m = &ra->ml->m[i];
		size_t first = m->first, last = m->first + m->ntokens - 1, l = first, r = last;
		uint32_t para = tt->tok[first].paragraph;
		struct kwic_line *line;

		if (k->category >= 0 && (long)m->category != k->category)
			continue;
		while (l > 0 && first - l < k->window && tt->tok[l - 1].paragraph == para)
			l--;
		while (r + 1 < tt->n && r - last < k->window && tt->tok[r + 1].paragraph == para)
			r++;
		ALLOC_GROW(k->l, k->n + 1, k->alloc);
		line = &k->l[k->n++];
		line->group = shown(group);
		line->id = shown(ra->article->id);
		line->article = ra->index;
		line->sentence = tt->tok[first].sentence;
		line->offset = (uint32_t)(ra->article->page
					  ? htmlpage_offset(ra->article->page, tt->tok[first].start)
					  : tt->tok[first].start);
		line->quoted = m->quoted;
		line->negated = m->negated;
		line->category = k->lx->categories[m->category].name;
		line->entry = k->lx->entries[m->entry].written;
		line->left = l < first ? surface(ra->text, tt->tok[l].start, tt->tok[first].start)
				       : xstrdup("");
		line->keyword = surface(ra->text, tt->tok[first].start, tt->tok[last].end);
		line->right = r > last ? surface(ra->text, tt->tok[last].end, tt->tok[r].end)
				       : xstrdup("");
		/* "last May, which": no space before the comma (nor after a "("). */
		line->gap_left = l == first || text_gap_before(ra->text, tt->tok[l].start,
							       tt->tok[first].start);
		line->gap_right = r == last || text_gap_at(ra->text, tt->tok[last].end, tt->tok[r].end);
	}
}

static int cmp_line(const void *a, const void *b)
{
	const struct kwic_line *x = a, *y = b;
	int c = strcmp(x->group, y->group);

	if (c)
		return c;
	if (x->article != y->article)
		return x->article < y->article ? -1 : 1;
	if (x->offset != y->offset)
		return x->offset < y->offset ? -1 : 1;
	return strcmp(x->category, y->category);
}

void kwic_sort(struct kwic *k)
{
	if (k->n)
		qsort(k->l, k->n, sizeof(*k->l), cmp_line);
}

static size_t width(const char *s)
{
	return text_display_width(s, strlen(s));
}

static void pad(struct buf *out, size_t n)
{
	while (n--)
		buf_addch(out, ' ');
}

static void format_tsv(const struct kwic *k, struct buf *out)
{
	size_t i;

	buf_add_tsv_field(out, k->by, strlen(k->by));
	buf_adds(out, "\tid\tsentence\toffset\tquoted\tnegated\tcategory\tentry\tleft\tkeyword\tright\n");
	for (i = 0; i < k->n; i++) {
		const struct kwic_line *l = &k->l[i];
		const char *f[] = { l->group, l->id };
		const char *g[] = { l->category, l->entry, l->left, l->keyword, l->right };
		size_t j;
		for (j = 0; j < 2; j++) {
			buf_add_tsv_field(out, f[j], strlen(f[j]));
			buf_addch(out, '\t');
		}
		buf_addf(out, "%u\t%u\t%d\t%d", l->sentence, l->offset, l->quoted, l->negated);
		for (j = 0; j < 5; j++) {
			buf_addch(out, '\t');
			buf_add_tsv_field(out, g[j], strlen(g[j]));
		}
		buf_addch(out, '\n');
	}
}

void kwic_format(const struct kwic *k, int tsv, struct buf *out)
{
	size_t i, wid = 0, wleft = 0, wkey = 0, start = 0;
	struct buf where = BUF_INIT;

	if (tsv) {
		format_tsv(k, out);
		return;
	}
	/* One width for every group, so the whole output shares one column. */
	for (i = 0; i < k->n; i++) {
		const struct kwic_line *l = &k->l[i];
		size_t w;
		buf_reset(&where);
		buf_addf(&where, "%s:%u", l->id, l->sentence);
		if ((w = width(where.data)) > wid)
			wid = w;
		if ((w = width(l->left)) > wleft)
			wleft = w;
		if ((w = width(l->keyword)) > wkey)
			wkey = w;
	}
	for (i = 0; i < k->n; i++) {
		const struct kwic_line *l = &k->l[i];
		if (i == 0 || strcmp(l->group, k->l[i - 1].group)) {
			size_t n;
			for (n = 0, start = i; start + n < k->n && !strcmp(k->l[start + n].group, l->group); n++)
				;
			buf_addf(out, "%s%s (%zu match%s)\n", i ? "\n" : "", l->group, n,
				 n == 1 ? "" : "es");
		}
		buf_reset(&where);
		buf_addf(&where, "%s:%u", l->id, l->sentence);
		buf_adds(out, "  ");
		buf_adds(out, where.data);
		pad(out, wid - width(where.data));
		buf_addf(out, "  %c%c  ", l->quoted ? 'q' : '-', l->negated ? 'n' : '-');
		/*
		 * The bars stay in their columns; on the context's side of a
		 * bar a space stands only where the text has one, so
		 * "last | May |, which" keeps the comma on its word.
		 */
		pad(out, wleft - width(l->left) + !l->gap_left);
		buf_adds(out, l->left);
		buf_adds(out, l->gap_left ? " | " : "| ");
		buf_adds(out, l->keyword);
		if (*l->right) {
			pad(out, wkey - width(l->keyword));
			buf_adds(out, l->gap_right ? " | " : " |");
			buf_adds(out, l->right);
		}
		buf_addch(out, '\n');
	}
	buf_release(&where);
}
