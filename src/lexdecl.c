/*
 * categories.tsv: the lexicons' declarations that travel with the scores
 * (lexdecl.h).
 */
#include "lexdecl.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "tsv.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

#define HEADER "name\trole\tweighted\tvoice\tdefinition\tdescription\n"

static const char *yes_no(int v)
{
	return v ? "yes" : "no";
}

void lexdecl_from_lexicon(struct lexdecl *d, const struct lexicon *lx)
{
	size_t i;

	for (i = 0; i < lx->ncategories; i++) {
		const struct lex_category *c = &lx->categories[i];
		struct lexdecl_category *dc;
		ALLOC_GROW(d->cat, d->ncat + 1, d->cat_alloc);
		dc = &d->cat[d->ncat++];
		dc->name = xstrdup(c->name);
		dc->description = xstrdup(c->description);
		dc->actor = c->actor;
		dc->weighted = c->weighted;
		dc->voice = lexicon_shows_voice(lx, i);
	}
	for (i = 0; i < lx->nindices; i++) {
		const struct lex_index *ix = &lx->indices[i];
		struct lexdecl_index *di;
		ALLOC_GROW(d->idx, d->nidx + 1, d->idx_alloc);
		di = &d->idx[d->nidx++];
		di->name = xstrdup(ix->name);
		di->kind = ix->kind;
		di->a = xstrdup(ix->a.name);
		di->b = xstrdup(ix->b.name);
	}
}

void lexdecl_write(const struct lexdecl *d, struct buf *out)
{
	size_t i;

	buf_adds(out, HEADER);
	for (i = 0; i < d->ncat; i++) {
		const struct lexdecl_category *c = &d->cat[i];
		buf_addf(out, "%s\t%s\t%s\t%s\t-\t", c->name, c->actor ? "actor" : "category",
			 yes_no(c->weighted), yes_no(c->voice));
		if (*c->description)
			buf_add_tsv_field(out, c->description, strlen(c->description));
		else
			buf_addch(out, '-');
		buf_addch(out, '\n');
	}
	for (i = 0; i < d->nidx; i++) {
		const struct lexdecl_index *ix = &d->idx[i];
		buf_addf(out, "%s\tindex\t-\t-\t%s %s %s\t-\n", ix->name,
			 lexicon_index_kind_name(ix->kind), ix->a, ix->b);
	}
}

/* A field that must be "yes" or "no". */
static int parse_yes_no(const char *s, int *v)
{
	if (!strcmp(s, "yes"))
		*v = 1;
	else if (!strcmp(s, "no"))
		*v = 0;
	else
		return -1;
	return 0;
}

/* A name as the lexicon format allows it: a-z, 0-9 and _, starting with a letter. */
static int valid_name(const char *s)
{
	const char *p;
	if (!(*s >= 'a' && *s <= 'z'))
		return 0;
	for (p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
			return 0;
	return 1;
}

static int name_taken(const struct lexdecl *d, const char *name)
{
	return lexdecl_category(d, name) || lexdecl_index(d, name);
}

/* "KIND A B" of an index row; -1 when it is not. */
static int parse_definition(const char *s, struct lexdecl_index *ix)
{
	const char *sp1 = strchr(s, ' '), *sp2;
	char *kind;
	int k;

	if (!sp1 || !(sp2 = strchr(sp1 + 1, ' ')) || strchr(sp2 + 1, ' ') || sp1 == s ||
	    sp2 == sp1 + 1 || !sp2[1])
		return -1;
	kind = xstrndup(s, (size_t)(sp1 - s));
	k = lexicon_index_kind(kind);
	free(kind);
	if (k < 0)
		return -1;
	ix->kind = (enum lex_index_kind)k;
	ix->a = xstrndup(sp1 + 1, (size_t)(sp2 - sp1 - 1));
	ix->b = xstrdup(sp2 + 1);
	if (!valid_name(ix->a) || !valid_name(ix->b) || !strcmp(ix->a, ix->b)) {
		free(ix->a);
		free(ix->b);
		return -1;
	}
	return 0;
}

/* One row of the table; -1 after a message. */
static int add_row(struct lexdecl *d, struct tsv *t)
{
	const char *name = tsv_field(t, 0), *role = tsv_field(t, 1);

	if (!valid_name(name))
		return error("%s:%zu: bad name (a-z, 0-9 and _, starting with a letter)",
			     tsv_name(t), tsv_line(t));
	if (name_taken(d, name))
		return error("%s:%zu: '%s' is declared twice", tsv_name(t), tsv_line(t), name);
	if (!strcmp(role, "index")) {
		struct lexdecl_index ix;
		memset(&ix, 0, sizeof(ix));
		if (parse_definition(tsv_field(t, 4), &ix) < 0)
			return error("%s:%zu: index '%s': its definition is not KIND A B "
				     "(log-ratio or difference, then two categories)", tsv_name(t),
				     tsv_line(t), name);
		ix.name = xstrdup(name);
		ALLOC_GROW(d->idx, d->nidx + 1, d->idx_alloc);
		d->idx[d->nidx++] = ix;
	} else if (!strcmp(role, "category") || !strcmp(role, "actor")) {
		struct lexdecl_category c;
		const char *desc = tsv_field(t, 5);
		memset(&c, 0, sizeof(c));
		if (parse_yes_no(tsv_field(t, 2), &c.weighted) < 0 ||
		    parse_yes_no(tsv_field(t, 3), &c.voice) < 0)
			return error("%s:%zu: category '%s': weighted and voice are yes or no",
				     tsv_name(t), tsv_line(t), name);
		c.actor = !strcmp(role, "actor");
		c.name = xstrdup(name);
		c.description = xstrdup(strcmp(desc, "-") ? desc : "");
		ALLOC_GROW(d->cat, d->ncat + 1, d->cat_alloc);
		d->cat[d->ncat++] = c;
	} else {
		return error("%s:%zu: '%s': the role is category, actor or index", tsv_name(t),
			     tsv_line(t), name);
	}
	return 0;
}

static int check_header(struct tsv *t)
{
	static const char *const names[] = { "name", "role", "weighted", "voice", "definition",
					     "description" };
	size_t i;

	if (tsv_columns(t) != sizeof(names) / sizeof(names[0]))
		goto bad;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(tsv_column_name(t, i), names[i]))
			goto bad;
	return 0;
bad:
	return error("%s: not a categories table (its header is not: %s)", tsv_name(t),
		     "name role weighted voice definition description");
}

/* Every index names two categories of the table. */
static int check_indices(const struct lexdecl *d, const char *name)
{
	size_t i;
	for (i = 0; i < d->nidx; i++)
		if (!lexdecl_category(d, d->idx[i].a) || !lexdecl_category(d, d->idx[i].b))
			return error("%s: index '%s' uses a category the table lacks", name,
				     d->idx[i].name);
	return 0;
}

static int read_table(struct lexdecl *d, struct tsv *t)
{
	int r;

	if (check_header(t) < 0)
		return -1;
	while ((r = tsv_next(t)) > 0)
		if (add_row(d, t) < 0)
			return -1;
	if (r < 0)
		return -1;
	return check_indices(d, tsv_name(t));
}

int lexdecl_load(struct lexdecl *d, const char *path)
{
	struct tsv *t;
	int r;

	if (access(path, F_OK) < 0 && errno == ENOENT)
		return 1;
	if (!(t = tsv_open(path)))
		return -1;
	r = read_table(d, t);
	tsv_close(t);
	if (r < 0)
		lexdecl_release(d);
	return r;
}

int lexdecl_parse(struct lexdecl *d, const char *name, const char *text, size_t len)
{
	FILE *f = fmemopen((void *)text, len, "r");
	struct tsv *t;
	int r = -1;

	if (!f)
		return error("%s: cannot read", name);
	if ((t = tsv_open_stream(f, name)) != NULL) {
		r = read_table(d, t);
		tsv_close(t);
	}
	fclose(f);
	if (r < 0)
		lexdecl_release(d);
	return r;
}

const struct lexdecl_category *lexdecl_category(const struct lexdecl *d, const char *name)
{
	size_t i;
	for (i = 0; i < d->ncat; i++)
		if (!strcmp(d->cat[i].name, name))
			return &d->cat[i];
	return NULL;
}

const struct lexdecl_index *lexdecl_index(const struct lexdecl *d, const char *name)
{
	size_t i;
	for (i = 0; i < d->nidx; i++)
		if (!strcmp(d->idx[i].name, name))
			return &d->idx[i];
	return NULL;
}

int lexdecl_is_actor(const struct lexdecl *d, const char *name)
{
	const struct lexdecl_category *c = lexdecl_category(d, name);
	return c && c->actor;
}

double lexdecl_index_value(enum lex_index_kind kind, double a_score, double b_score,
			   size_t tokens)
{
	if (kind == LEX_INDEX_LOG_RATIO)
		return log((a_score + 0.5) / (b_score + 0.5));
	if (!tokens)
		return NAN;
	return (a_score - b_score) * 1000.0 / (double)tokens;
}

void lexdecl_index_formula(const struct lexdecl_index *ix, struct buf *out)
{
	if (ix->kind == LEX_INDEX_LOG_RATIO)
		buf_addf(out, "log((%s + 0.5) / (%s + 0.5))", ix->a, ix->b);
	else
		buf_addf(out, "%s - %s per 1,000 tokens", ix->a, ix->b);
}

void lexdecl_release(struct lexdecl *d)
{
	size_t i;

	for (i = 0; i < d->ncat; i++) {
		free(d->cat[i].name);
		free(d->cat[i].description);
	}
	for (i = 0; i < d->nidx; i++) {
		free(d->idx[i].name);
		free(d->idx[i].a);
		free(d->idx[i].b);
	}
	free(d->cat);
	free(d->idx);
	memset(d, 0, sizeof(*d));
}
