#include "lexcheck.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fsutil.h"
#include "text.h"
#include "xalloc.h"
#include "banned.h"

static void add_problem(struct lexcheck_list *l, const char *file, size_t line, size_t col,
			struct buf *msg)
{
	struct lexcheck_problem *p;

	ALLOC_GROW(l->p, l->n + 1, l->alloc);
	p = &l->p[l->n++];
	p->file = file;
	p->line = line;
	p->col = col;
	p->message = buf_detach(msg);
}

void lexcheck_list_release(struct lexcheck_list *l)
{
	size_t i;
	for (i = 0; i < l->n; i++)
		free(l->p[i].message);
	free(l->p);
	l->p = NULL;
	l->n = l->alloc = 0;
}

void lexcheck_entry_words(const struct lex_entry *e, struct buf *out)
{
	size_t k;
	for (k = 0; k < e->nwords; k++) {
		if (k)
			buf_addch(out, ' ');
		buf_add(out, e->words[k].text, e->words[k].len);
		if (e->words[k].glob)
			buf_addch(out, '*');
	}
}

int lexcheck_same(const struct lex_entry *a, const struct lex_entry *b)
{
	size_t k;

	if (a->nwords != b->nwords || a->case_sensitive != b->case_sensitive)
		return 0;
	for (k = 0; k < a->nwords; k++) {
		const struct lex_word *x = &a->words[k], *y = &b->words[k];
		if (x->glob != y->glob || x->len != y->len || memcmp(x->text, y->text, x->len))
			return 0;
	}
	return 1;
}

/* Whether word f (of an entry with case sensitivity fcs) matches every token
 * word e matches. */
static int word_covers(const struct lex_word *f, int fcs, const struct lex_word *e, int ecs,
		       struct buf *scratch)
{
	const char *form = e->text;
	size_t len = e->len;

	if (fcs && !ecs)
		return 0;	/* f wants one spelling, e takes any */
	if (ecs && !fcs) {
		/* A case-sensitive word's tokens fold to its folded form. */
		text_normalize(e->text, e->len, 1, scratch);
		form = scratch->data;
		len = scratch->len;
	}
	if (f->glob)
		return len >= f->len && !memcmp(form, f->text, f->len);
	return !e->glob && len == f->len && !memcmp(form, f->text, len);
}

int lexcheck_covers(const struct lex_entry *f, const struct lex_entry *e)
{
	struct buf scratch = BUF_INIT;
	size_t k;
	int r = f->nwords == e->nwords;

	for (k = 0; r && k < e->nwords; k++)
		r = word_covers(&f->words[k], f->case_sensitive, &e->words[k], e->case_sensitive,
				&scratch);
	buf_release(&scratch);
	return r;
}

/* Number of characters (code points) in s[0, len). */
static size_t chars(const char *s, size_t len)
{
	size_t i, n = 0;
	for (i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

static void check_pairs(const struct lexicon *lx, struct lexcheck_list *out)
{
	size_t i, j;

	for (i = 0; i < lx->nentries; i++) {
		const struct lex_entry *e = &lx->entries[i];
		const struct lex_entry *dup = NULL, *other = NULL, *shadow = NULL;
		struct buf msg = BUF_INIT;

		for (j = 0; j < i; j++) {
			const struct lex_entry *f = &lx->entries[j];
			int same = lexcheck_same(f, e);
			if (same && f->category == e->category && !dup)
				dup = f;
			else if (same && f->category != e->category && !other)
				other = f;
			else if (!same && f->category == e->category && !shadow
				 && lexcheck_covers(f, e))
				shadow = f;
		}
		if (dup) {
			buf_addf(&msg, "'%s' is already in [%s] at %s:%zu:%zu; this copy never counts",
				 e->written, lx->categories[e->category].name, dup->file, dup->line,
				 dup->col);
			if (dup->weight != e->weight)
				buf_adds(&msg, " and its weight is ignored");
			add_problem(out, e->file, e->line, e->col, &msg);
		} else if (shadow) {
			buf_addf(&msg, "'%s' never counts: '%s' at %s:%zu:%zu matches everything it "
				 "matches and, being earlier in [%s], wins every tie",
				 e->written, shadow->written, shadow->file, shadow->line, shadow->col,
				 lx->categories[e->category].name);
			add_problem(out, e->file, e->line, e->col, &msg);
		}
		if (other) {
			buf_addf(&msg, "'%s' is in [%s] and also in [%s] at %s:%zu:%zu; longest match "
				 "is decided within each category, so neither wins: every match "
				 "counts in both", e->written, lx->categories[e->category].name,
				 lx->categories[other->category].name, other->file, other->line,
				 other->col);
			add_problem(out, e->file, e->line, e->col, &msg);
		}
		buf_release(&msg);
	}
}

static void check_globs(const struct lexicon *lx, struct lexcheck_list *out)
{
	size_t i, k;

	for (i = 0; i < lx->nentries; i++) {
		const struct lex_entry *e = &lx->entries[i];
		for (k = 0; k < e->nwords; k++) {
			const struct lex_word *w = &e->words[k];
			size_t n = chars(w->text, w->len);
			struct buf msg = BUF_INIT;
			if (!w->glob || n >= LEXCHECK_MIN_GLOB)
				continue;
			buf_addf(&msg, "glob '%s*' in '%s' has a prefix of only %zu character%s and "
				 "matches much of the language; give it at least %d", w->text,
				 e->written, n, n == 1 ? "" : "s", LEXCHECK_MIN_GLOB);
			add_problem(out, e->file, e->line, e->col, &msg);
		}
	}
}

/*
 * Characters the tokenizer leaves out of every word are ignored when the
 * entry is matched ("smear!" matches "smear"); the parser already rejects
 * them between words, so this finds them at either end.
 */
static void check_characters(const struct lexicon *lx, struct lexcheck_list *out)
{
	struct text_tokens tt = TEXT_TOKENS_INIT;
	size_t i;

	for (i = 0; i < lx->nentries; i++) {
		const struct lex_entry *e = &lx->entries[i];
		const char *s = e->written + e->case_sensitive;
		size_t len = strlen(e->written) - 2 * (size_t)e->case_sensitive, pos = 0, t = 0;

		text_tokens_reset(&tt);
		text_tokenize(&tt, s, 0, len);
		while (pos < len) {
			size_t at = pos;
			int bad = 0, ok;
			int32_t cp = text_decode(s, len, &pos, &bad);

			while (t < tt.n && tt.tok[t].end <= at)
				t++;
			if (t < tt.n && tt.tok[t].start <= at)
				continue;	/* inside a word */
			ok = cp == ' ' || cp == '\t'
			     || (cp == '-' && t > 0 && t < tt.n)
			     || (cp == '*' && t > 0 && tt.tok[t - 1].end == at);
			if (!ok) {
				struct buf msg = BUF_INIT;
				buf_addf(&msg, "'%.*s' in '%s' is not part of any word and is ignored: "
					 "the entry matches '", (int)(pos - at), s + at, e->written);
				lexcheck_entry_words(e, &msg);
				buf_addch(&msg, '\'');
				add_problem(out, e->file, e->line,
					    e->col + (size_t)e->case_sensitive + chars(s, at), &msg);
				break;
			}
		}
	}
	text_tokens_release(&tt);
}

/* The column of the '[' of a category header, 1 when the file is gone. */
static size_t header_column(const struct lex_category *c)
{
	size_t len, line = 1, col = 1;
	char *text = read_file(c->file, &len);
	const char *p;

	if (!text)
		return 1;
	for (p = text; p < text + len && line < c->line; p++)
		line += *p == '\n';
	while (p < text + len && (*p == ' ' || *p == '\t')) {
		p++;
		col++;
	}
	free(text);
	return col;
}

static void check_empty(const struct lexicon *lx, struct lexcheck_list *out)
{
	size_t *n = xcalloc(lx->ncategories ? lx->ncategories : 1, sizeof(*n));
	size_t i;

	for (i = 0; i < lx->nentries; i++)
		n[lx->entries[i].category]++;
	for (i = 0; i < lx->ncategories; i++) {
		const struct lex_category *c = &lx->categories[i];
		struct buf msg = BUF_INIT;
		if (n[i])
			continue;
		buf_addf(&msg, "category [%s] has no entries: its columns will always be 0",
			 c->name);
		add_problem(out, c->file, c->line, header_column(c), &msg);
	}
	free(n);
}

static size_t file_index(const struct lexicon *lx, const char *file)
{
	size_t i;
	for (i = 0; i < lx->nfiles; i++)
		if (!strcmp(lx->files[i], file))
			return i;
	return lx->nfiles;
}

static int cmp_problem(const void *a, const void *b)
{
	const struct lexcheck_problem *x = a, *y = b;
	if (x->file_index != y->file_index)
		return x->file_index < y->file_index ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return strcmp(x->message, y->message);
}

void lexcheck_find(const struct lexicon *lx, struct lexcheck_list *out)
{
	size_t i;

	check_pairs(lx, out);
	check_globs(lx, out);
	check_characters(lx, out);
	check_empty(lx, out);
	for (i = 0; i < out->n; i++)
		out->p[i].file_index = file_index(lx, out->p[i].file);
	if (out->n)
		qsort(out->p, out->n, sizeof(*out->p), cmp_problem);
}
