#include "dic.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "counts.h"
#include "parse.h"
#include "text.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

static void note(struct dic_notes *n, const char *fmt, ...) FMT(2, 3);

static void note(struct dic_notes *n, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	ALLOC_GROW(n->msg, n->n + 1, n->alloc);
	n->msg[n->n++] = buf_detach(&b);
}

void dic_notes_release(struct dic_notes *n)
{
	size_t i;
	for (i = 0; i < n->n; i++)
		free(n->msg[i]);
	free(n->msg);
	n->msg = NULL;
	n->n = n->alloc = 0;
}

int dic_format_from_name(const char *name, enum dic_format *f)
{
	if (!strcmp(name, "dic"))
		*f = DIC_LIWC;
	else if (!strcmp(name, "dicx"))
		*f = DIC_LIWCX;
	else if (!strcmp(name, "yaml") || !strcmp(name, "yml"))
		*f = DIC_YAML;
	else
		return -1;
	return 0;
}

int dic_format_from_path(const char *path, enum dic_format *f)
{
	const char *dot = strrchr(path, '.');
	char ext[8];
	size_t i;

	if (!dot || strchr(dot, '/') || strlen(dot + 1) >= sizeof(ext))
		return -1;
	for (i = 0; dot[1 + i]; i++)
		ext[i] = (dot[1 + i] >= 'A' && dot[1 + i] <= 'Z') ? (char)(dot[1 + i] + 32) : dot[1 + i];
	ext[i] = '\0';
	return dic_format_from_name(ext, f);
}

const char *dic_format_name(enum dic_format f)
{
	switch (f) {
	case DIC_LIWC: return ".dic";
	case DIC_LIWCX: return ".dicx";
	default: return "YAML";
	}
}

/* ---- export ------------------------------------------------------------ */

/* One term of the output with the categories it is in, in lexicon order. */
struct term {
	char *text;		/* as written, without the quotes of a case-sensitive entry */
	size_t *cats;
	double *weights;	/* of the entry in cats[k] */
	size_t ncats, alloc, walloc;
};

struct terms {
	struct term *t;
	size_t n, alloc;
	struct counts *index;	/* text -> position + 1 */
};

static void terms_release(struct terms *ts)
{
	size_t i;
	for (i = 0; i < ts->n; i++) {
		free(ts->t[i].text);
		free(ts->t[i].cats);
		free(ts->t[i].weights);
	}
	free(ts->t);
	counts_free(ts->index);
}

/*
 * A weight as the shortest decimal that reads back as the same double, so
 * that 0.12345678 survives a conversion (%g kept 6 digits).
 */
static void add_weight(struct buf *out, double w)
{
	struct buf t = BUF_INIT;
	double back = 0;
	int prec;

	for (prec = 1; prec <= 17; prec++) {
		buf_reset(&t);
		buf_addf(&t, "%.*g", prec, w);
		if (parse_double(t.data, &back) == 0 && back == w)
			break;
	}
	buf_add(out, t.data, t.len);
	buf_release(&t);
}

/* Collects the terms, noting everything the target format loses. */
static void collect_terms(const struct lexicon *lx, enum dic_format f, struct terms *ts,
			  struct dic_notes *notes)
{
	const char *fmt = dic_format_name(f);
	size_t i, k;

	memset(ts, 0, sizeof(*ts));
	ts->index = counts_new();
	for (i = 0; i < lx->nentries; i++) {
		const struct lex_entry *e = &lx->entries[i];
		size_t len = strlen(e->written) - 2 * (size_t)e->case_sensitive, at;
		const char *text = e->written + e->case_sensitive;
		struct term *t;

		/* LIWC-22 reads a number in a .dicx cell as the weight. */
		if (e->weight != 1 && f != DIC_LIWCX) {
			struct buf w = BUF_INIT;
			add_weight(&w, e->weight);
			note(notes, "%s:%zu:%zu: the weight %s of '%s' is dropped: %s has no weights",
			     e->file, e->line, e->col, buf_str(&w), e->written, fmt);
			buf_release(&w);
		}
		if (e->case_sensitive)
			note(notes, "%s:%zu:%zu: '%s' is written as %.*s without its case: %s "
			     "ignores case, so it also matches other spellings", e->file, e->line,
			     e->col, e->written, (int)len, text,
			     f == DIC_YAML ? "a quanteda lookup (by default)" : "LIWC");
		at = (size_t)counts_get(ts->index, text, len);
		if (!at) {
			ALLOC_GROW(ts->t, ts->n + 1, ts->alloc);
			t = &ts->t[ts->n];
			memset(t, 0, sizeof(*t));
			t->text = xstrndup(text, len);
			counts_add(ts->index, text, len, ++ts->n);
		} else {
			t = &ts->t[at - 1];
		}
		for (k = 0; k < t->ncats && t->cats[k] != e->category; k++)
			;
		if (k < t->ncats) {
			note(notes, "%s:%zu:%zu: '%s' is in [%s] twice (or with and without quotes); "
			     "written once", e->file, e->line, e->col, e->written,
			     lx->categories[e->category].name);
			continue;
		}
		ALLOC_GROW(t->cats, t->ncats + 1, t->alloc);
		ALLOC_GROW(t->weights, t->ncats + 1, t->walloc);
		t->weights[t->ncats] = e->weight;
		t->cats[t->ncats++] = e->category;
	}
}

static void note_descriptions(const struct lexicon *lx, enum dic_format f,
			      struct dic_notes *notes)
{
	size_t i, k;

	/* One note per file, naming the file the categories are in. */
	for (k = 0; k < lx->nfiles; k++) {
		struct buf names = BUF_INIT;
		for (i = 0; i < lx->ncategories; i++) {
			if (!*lx->categories[i].description || strcmp(lx->categories[i].file, lx->files[k]))
				continue;
			buf_addf(&names, "%s[%s]", names.len ? ", " : "", lx->categories[i].name);
		}
		if (names.len)
			note(notes, "%s: the descriptions of %s are dropped: %s has none",
			     lx->files[k], names.data, dic_format_name(f));
		buf_release(&names);
	}
}

/*
 * The directives (lines starting with '@'): none of the three formats has
 * indices, actors or a voice chart, so each line is left out with a note
 * at its place. An @voice line of several names is one note, and an
 * @actors line one that names the categories after it.
 */
static void note_directives(const struct lexicon *lx, enum dic_format f,
			    struct dic_notes *notes)
{
	const char *fmt = dic_format_name(f);
	const char *tool = f == DIC_YAML ? "quanteda" : "LIWC";
	size_t i, k;

	for (i = 0; i < lx->nindices; i++) {
		const struct lex_index *x = &lx->indices[i];
		note(notes, "%s:%zu: @index %s cannot be written to %s (%s has no indices); "
		     "it is left out", x->file, x->line, x->name, fmt, tool);
	}
	/* The categories after one @actors line are neighbours in lx. */
	for (i = 0; i < lx->ncategories; i = k) {
		const struct lex_category *c = &lx->categories[i];
		struct buf names = BUF_INIT;
		for (k = i; k < lx->ncategories && lx->categories[k].actors_line == c->actors_line
			    && !strcmp(lx->categories[k].file, c->file); k++)
			buf_addf(&names, "%s[%s]", k > i ? ", " : "", lx->categories[k].name);
		if (c->actors_line)
			note(notes, "%s:%zu: @actors cannot be written to %s (%s has no actors); it is "
			     "left out, and %s %s written as %s", c->file, c->actors_line, fmt, tool,
			     buf_str(&names), k - i > 1 ? "are" : "is",
			     k - i > 1 ? "plain categories" : "a plain category");
		buf_release(&names);
	}
	for (i = 0; i < lx->nvoice; i++) {
		const struct lex_ref *r = &lx->voice[i];
		if (i && lx->voice[i - 1].file == r->file && lx->voice[i - 1].line == r->line)
			continue;
		note(notes, "%s:%zu: @voice cannot be written to %s (%s has no voice chart); "
		     "it is left out", r->file, r->line, fmt, tool);
	}
}

static void export_dic(const struct lexicon *lx, const struct terms *ts, struct buf *out)
{
	size_t i, k;

	buf_adds(out, "%\n");
	for (i = 0; i < lx->ncategories; i++)
		buf_addf(out, "%zu\t%s\n", i + 1, lx->categories[i].name);
	buf_adds(out, "%\n");
	for (i = 0; i < ts->n; i++) {
		buf_adds(out, ts->t[i].text);
		for (k = 0; k < ts->t[i].ncats; k++)
			buf_addf(out, "\t%zu", ts->t[i].cats[k] + 1);
		buf_addch(out, '\n');
	}
}

static void csv_field(struct buf *out, const char *s)
{
	size_t len = strlen(s);

	if (!strpbrk(s, ",\"\r\n") && !(len && (s[0] == ' ' || s[len - 1] == ' '))) {
		buf_adds(out, s);
		return;
	}
	buf_addch(out, '"');
	for (; *s; s++) {
		if (*s == '"')
			buf_addch(out, '"');
		buf_addch(out, *s);
	}
	buf_addch(out, '"');
}

static void export_dicx(const struct lexicon *lx, const struct terms *ts, struct buf *out)
{
	size_t i, k, c;

	buf_adds(out, "DicTerm");
	for (i = 0; i < lx->ncategories; i++) {
		buf_addch(out, ',');
		csv_field(out, lx->categories[i].name);
	}
	buf_adds(out, "\r\n");
	for (i = 0; i < ts->n; i++) {
		csv_field(out, ts->t[i].text);
		for (c = 0; c < lx->ncategories; c++) {
			buf_addch(out, ',');
			for (k = 0; k < ts->t[i].ncats; k++) {
				if (ts->t[i].cats[k] != c)
					continue;
				if (ts->t[i].weights[k] == 1)
					buf_addch(out, 'X');
				else
					add_weight(out, ts->t[i].weights[k]);
			}
		}
		buf_adds(out, "\r\n");
	}
}

/* Every string double-quoted, so that YAML never reads "no" or "on" as a
 * boolean, "1e3" as a number or "#x" as a comment. */
static void yaml_string(struct buf *out, const char *s)
{
	buf_addch(out, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			buf_addf(out, "\\%c", c);
		else if (c < 0x20 || c == 0x7F)
			buf_addf(out, "\\x%02X", c);
		else
			buf_addch(out, (char)c);
	}
	buf_addch(out, '"');
}

static void export_yaml(const struct lexicon *lx, struct buf *out)
{
	size_t c, i;

	for (c = 0; c < lx->ncategories; c++) {
		const struct lex_category *cat = &lx->categories[c];
		size_t n = 0;
		if (*cat->description) {
			struct buf d = BUF_INIT;
			text_append_clean(&d, cat->description, 0, strlen(cat->description));
			buf_addf(out, "# %s\n", buf_str(&d));
			buf_release(&d);
		}
		yaml_string(out, cat->name);
		buf_adds(out, ":");
		for (i = 0; i < lx->nentries; i++) {
			const struct lex_entry *e = &lx->entries[i];
			struct buf t = BUF_INIT;
			if (e->category != c)
				continue;
			buf_add(&t, e->written + e->case_sensitive,
				strlen(e->written) - 2 * (size_t)e->case_sensitive);
			buf_adds(out, "\n  - ");
			yaml_string(out, t.data);
			buf_release(&t);
			n++;
		}
		/* An empty category is an empty list, not null. */
		buf_adds(out, n ? "\n" : " []\n");
	}
}

void dic_export(const struct lexicon *lx, enum dic_format f, struct buf *out,
		struct dic_notes *notes)
{
	struct terms ts;
	struct dic_notes dup = DIC_NOTES_INIT;

	note_directives(lx, f, notes);
	collect_terms(lx, f, &ts, f == DIC_YAML ? &dup : notes);
	if (f == DIC_YAML) {
		/* YAML keeps duplicates and descriptions (as comments); only weights
		 * and case are lost, which collect_terms noted. */
		size_t i;
		for (i = 0; i < dup.n; i++)
			if (!strstr(dup.msg[i], "twice"))
				note(notes, "%s", dup.msg[i]);
		export_yaml(lx, out);
	} else {
		note_descriptions(lx, f, notes);
		if (f == DIC_LIWC)
			export_dic(lx, &ts, out);
		else
			export_dicx(lx, &ts, out);
	}
	dic_notes_release(&dup);
	terms_release(&ts);
}

/* ---- import ------------------------------------------------------------ */

struct import_cat {
	char *id;		/* as in the .dic header; the column name in a .dicx */
	char *name;		/* a valid .lex category name */
	char *description;
	struct buf entries;	/* lines of the .lex section */
	size_t nentries;
};

struct import {
	const char *name;
	struct import_cat *c;
	size_t n, alloc;
	struct dic_notes *notes;
};

static void import_release(struct import *im)
{
	size_t i;
	for (i = 0; i < im->n; i++) {
		free(im->c[i].id);
		free(im->c[i].name);
		free(im->c[i].description);
		buf_release(&im->c[i].entries);
	}
	free(im->c);
}

/* Lower case a-z, 0-9 and _, starting with a letter, unique in im. */
static char *category_name(struct import *im, const char *orig, const char *where)
{
	struct buf b = BUF_INIT;
	const char *p;
	size_t i, suffix = 1, base;

	for (p = orig; *p; p++) {
		char c = *p;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			buf_addch(&b, c);
		else if (b.len && b.data[b.len - 1] != '_')
			buf_addch(&b, '_');
	}
	while (b.len && b.data[b.len - 1] == '_')
		b.data[--b.len] = '\0';
	if (!b.len || (b.data[0] >= '0' && b.data[0] <= '9')) {
		struct buf c = BUF_INIT;
		buf_addf(&c, "c%s%s", b.len ? "_" : "", buf_str(&b));
		buf_release(&b);
		b = c;
	}
	base = b.len;
	for (i = 0; i < im->n; i++) {
		if (strcmp(im->c[i].name, b.data))
			continue;
		b.len = base;
		b.data[base] = '\0';
		buf_addf(&b, "_%zu", ++suffix);
		i = (size_t)-1;
	}
	if (strcmp(b.data, orig))
		note(im->notes, "%s: category '%s' is named [%s] (.lex names use a-z, 0-9 and _)",
		     where, orig, b.data);
	return buf_detach(&b);
}

static struct import_cat *add_category(struct import *im, const char *id, const char *orig,
				       const char *description, const char *where)
{
	struct import_cat *c;
	char *name = category_name(im, orig, where);

	ALLOC_GROW(im->c, im->n + 1, im->alloc);
	c = &im->c[im->n++];
	memset(c, 0, sizeof(*c));
	c->id = xstrdup(id);
	c->name = name;
	c->description = xstrdup(description);
	return c;
}

/*
 * Why term cannot be an entry line of a .lex file, or NULL when it can.
 * Characters at either end that no word contains are only noted: the entry
 * loads and matches its words.
 */
static const char *term_problem(const char *term, struct buf *why)
{
	struct text_tokens tt = TEXT_TOKENS_INIT;
	size_t len = strlen(term), pos = 0, t = 0;
	const char *p;

	buf_reset(why);
	if (term[0] == '[' || term[0] == '"' || term[0] == '@')
		buf_addf(why, "it starts with '%c', which .lex reads as syntax", term[0]);
	else if (strchr(term, '='))
		buf_adds(why, "'=' starts a weight in .lex");
	for (p = term; !why->len && *p; p++)
		if (*p == '#' && (p == term || p[-1] == ' ' || p[-1] == '\t'))
			buf_adds(why, "'#' starts a comment in .lex");
	if (why->len)
		return why->data;
	text_tokenize(&tt, term, 0, len);
	if (tt.n == 0)
		buf_adds(why, "it has no words (only punctuation or symbols)");
	else if (tt.n > LEXICON_MAX_WORDS)
		buf_addf(why, "it has %zu words; a .lex entry has at most %d", tt.n,
			 LEXICON_MAX_WORDS);
	while (!why->len && pos < len) {
		size_t at = pos;
		int bad = 0;
		int32_t cp = text_decode(term, len, &pos, &bad);
		while (t < tt.n && tt.tok[t].end <= at)
			t++;
		if ((t < tt.n && tt.tok[t].start <= at) || cp == ' ' || cp == '\t')
			continue;
		if (cp == '*' && t > 0 && tt.tok[t - 1].end == at
		    && (pos == len || term[pos] == ' ' || term[pos] == '\t'))
			continue;
		if (cp == '*')
			buf_adds(why, "'*' is not at the end of a word");
		else if (t > 0 && t < tt.n && cp != '-')
			buf_addf(why, "'%.*s' between words cannot be matched", (int)(pos - at),
				 term + at);
	}
	text_tokens_release(&tt);
	return why->len ? why->data : NULL;
}

static void add_term(struct import *im, struct import_cat *c, const char *term, double weight,
		     const char *where)
{
	struct buf why = BUF_INIT;

	if (term_problem(term, &why)) {
		note(im->notes, "%s: '%s' is left out: %s", where, term, why.data);
	} else {
		buf_adds(&c->entries, term);
		if (weight != 1) {
			buf_adds(&c->entries, " = ");
			add_weight(&c->entries, weight);
		}
		buf_addch(&c->entries, '\n');
		c->nentries++;
	}
	buf_release(&why);
}

/* Splits a line into fields at runs of blanks; fields point into line. */
static size_t split_blanks(char *line, char **fields, size_t max)
{
	size_t n = 0;
	char *p = line;

	while (*p && n < max) {
		while (*p == ' ' || *p == '\t')
			*p++ = '\0';
		if (!*p)
			break;
		fields[n++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
	}
	return n;
}

static int is_number(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

static struct import_cat *find_id(struct import *im, const char *id)
{
	size_t i;
	/* LIWC ids are numbers: 01 and 1 are the same category. */
	long want = atol(id);
	for (i = 0; i < im->n; i++)
		if (atol(im->c[i].id) == want)
			return &im->c[i];
	return NULL;
}

/* One term line of a .dic: TERM ID... (TERM may be a phrase with spaces). */
static void dic_term_line(struct import *im, char *line, const char *where)
{
	char *tab = strchr(line, '\t'), *rest, *fields[256], *term;
	size_t n, i, first;

	if (tab) {
		*tab = '\0';
		term = line;
		rest = tab + 1;
	} else {
		/* Without tabs the ids are the numbers at the end of the line. */
		n = split_blanks(line, fields, 256);
		for (first = n; first > 0 && (is_number(fields[first - 1])
					      || fields[first - 1][0] == '('); first--)
			;
		if (first == 0) {
			note(im->notes, "%s: a line without a term is left out", where);
			return;
		}
		for (i = 1; i < first; i++)
			fields[i][-1] = ' ';	/* rejoin the phrase */
		term = fields[0];
		rest = first < n ? fields[first] : (char *)"";
		if (first < n)
			for (i = first + 1; i < n; i++)
				fields[i][-1] = ' ';
	}
	while (*term == ' ')
		term++;
	for (i = strlen(term); i > 0 && term[i - 1] == ' '; i--)
		term[i - 1] = '\0';
	n = split_blanks(rest, fields, 256);
	/* "(02 134)125/464" was split at its blank: join it again. */
	for (i = 0; i + 1 < n; i++)
		if (fields[i][0] == '(' && !strchr(fields[i], ')')) {
			size_t k;
			fields[i][strlen(fields[i])] = ' ';
			for (k = i + 1; k + 1 < n; k++)
				fields[k] = fields[k + 1];
			n--;
			i--;
		}
	if (n == 0)
		note(im->notes, "%s: '%s' has no category and is left out", where, term);
	for (i = 0; i < n; i++) {
		struct import_cat *c;
		if (fields[i][0] == '(' || strchr(fields[i], '/') || strchr(fields[i], ')')) {
			/* LIWC2007's "(02 134)125/464": the category depends on the
			 * word before, which a .lex entry cannot say. */
			note(im->notes, "%s: the conditional category '%s' of '%s' is dropped "
			     "(.lex has no conditions)", where, fields[i], term);
			continue;
		}
		c = is_number(fields[i]) ? find_id(im, fields[i]) : NULL;
		if (!c) {
			note(im->notes, "%s: '%s' names category '%s', which the header does "
			     "not define; left out there", where, term, fields[i]);
			continue;
		}
		add_term(im, c, term, 1, where);
	}
}

/*
 * One category line of a .dic header: ID NAME [DESCRIPTION]. With tabs the
 * fields are split at tabs (so a name may hold spaces), else at blanks.
 */
static int dic_header_line(struct import *im, char *line, const char *where)
{
	char sep = strchr(line, '\t') ? '\t' : ' ';
	char *id = line, *name, *desc, *p;
	struct buf d = BUF_INIT;

	p = strchr(id, sep);
	if (!p)
		return error("%s: a category line is 'ID NAME', not '%s'", where, line);
	*p++ = '\0';
	while (*p == sep || *p == ' ')
		p++;
	name = p;
	p = strchr(name, sep);
	desc = p ? p + 1 : name + strlen(name);
	if (p)
		*p = '\0';
	while (*desc == ' ' || *desc == '\t')
		desc++;
	if (!is_number(id) || !*name)
		return error("%s: a category line is 'ID NAME', not '%s'", where, line);
	if (find_id(im, id))
		return error("%s: category id %s is defined twice", where, id);
	if (*desc)
		buf_adds(&d, desc);
	else
		buf_addf(&d, "LIWC category %s '%s' of %s", id, name, im->name);
	add_category(im, id, name, d.data, where);
	buf_release(&d);
	return 0;
}

static int import_dic(struct import *im, const char *text, size_t len)
{
	size_t lineno = 0, pos = 0;
	int part = 0;	/* 0 before the first %, 1 in the header, 2 in the terms */
	struct buf line = BUF_INIT, where = BUF_INIT;
	int r = 0;

	while (pos < len) {
		const char *eol = memchr(text + pos, '\n', len - pos);
		size_t end = eol ? (size_t)(eol - text) : len;
		lineno++;
		buf_reset(&line);
		buf_add(&line, text + pos, end - pos);
		pos = end + 1;
		if (lineno == 1 && line.len >= 3 && !memcmp(line.data, "\xEF\xBB\xBF", 3)) {
			memmove(line.data, line.data + 3, line.len - 2);
			line.len -= 3;
		}
		while (line.len && (line.data[line.len - 1] == '\r' || line.data[line.len - 1] == ' '
				    || line.data[line.len - 1] == '\t'))
			line.data[--line.len] = '\0';
		buf_reset(&where);
		buf_addf(&where, "%s:%zu", im->name, lineno);
		if (!line.len)
			continue;
		if (part < 2 && !strcmp(line.data, "%")) {
			part++;
			continue;
		}
		if (part == 0) {
			r = error("%s: a LIWC .dic starts with a line '%%' before the categories",
				  where.data);
			break;
		}
		if (part == 2) {
			dic_term_line(im, line.data, where.data);
			continue;
		}
		if (dic_header_line(im, line.data, where.data) < 0) {
			r = -1;
			break;
		}
	}
	if (!r && part < 2)
		r = error("%s: no '%%' line after the categories: not a LIWC .dic", im->name);
	buf_release(&line);
	buf_release(&where);
	return r;
}

/* Field i of a record, growing the array with empty buffers. */
static struct buf *csv_field_at(struct buf **f, size_t *falloc, size_t i)
{
	if (i >= *falloc) {
		size_t old = *falloc, n = old ? old * 2 : 16;
		while (n <= i)
			n *= 2;
		*f = xrealloc(*f, n * sizeof(**f));
		memset(*f + old, 0, (n - old) * sizeof(**f));
		*falloc = n;
	}
	return &(*f)[i];
}

/*
 * Reads one CSV record (RFC 4180: quoted fields may hold commas, doubled
 * quotes and line breaks) at text[*pos] into fields f; returns how many.
 * *lines counts the line breaks inside quoted fields.
 */
static size_t csv_record(const char *text, size_t len, size_t *pos, size_t *lines,
			 struct buf **f, size_t *falloc)
{
	size_t n = 0, p = *pos;
	int quoted = 0;
	struct buf *cur = csv_field_at(f, falloc, 0);

	buf_reset(cur);
	while (p < len) {
		char c = text[p++];
		if (quoted) {
			if (c == '"' && p < len && text[p] == '"') {
				buf_addch(cur, '"');
				p++;
			} else if (c == '"') {
				quoted = 0;
			} else {
				*lines += c == '\n';
				buf_addch(cur, c);
			}
		} else if (c == '"') {
			quoted = 1;
		} else if (c == ',') {
			cur = csv_field_at(f, falloc, ++n);
			buf_reset(cur);
		} else if (c == '\n') {
			break;
		} else if (c != '\r') {
			buf_addch(cur, c);
		}
	}
	*pos = p;
	return n + 1;
}

static int import_dicx(struct import *im, const char *text, size_t len)
{
	struct buf *f = NULL;
	size_t falloc = 0, pos = 0, lines = 0, ncols, n, i, row;
	struct buf where = BUF_INIT;
	size_t *cols;	/* indexes into im->c, which moves as it grows */
	int r = 0;

	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		pos = 3;
	ncols = csv_record(text, len, &pos, &lines, &f, &falloc);
	lines++;
	if (ncols < 2 || strcasecmp(buf_str(&f[0]), "DicTerm")) {
		for (i = 0; i < falloc; i++)
			buf_release(&f[i]);
		free(f);
		return error("%s:1: a LIWC-22 .dicx starts with the columns DicTerm,CATEGORY,...",
			     im->name);
	}
	cols = xcalloc(ncols, sizeof(*cols));
	for (i = 1; i < ncols; i++) {
		struct buf d = BUF_INIT;
		buf_addf(&d, "LIWC-22 category '%s' of %s", buf_str(&f[i]), im->name);
		buf_reset(&where);
		buf_addf(&where, "%s:1", im->name);
		add_category(im, buf_str(&f[i]), buf_str(&f[i]), d.data, where.data);
		cols[i] = im->n - 1;
		buf_release(&d);
	}
	for (row = 2; pos < len; row++) {
		size_t at = lines + 1;
		n = csv_record(text, len, &pos, &lines, &f, &falloc);
		lines++;
		buf_reset(&where);
		buf_addf(&where, "%s:%zu", im->name, at);
		if (n == 1 && f[0].len == 0)
			continue;
		if (n > ncols)
			note(im->notes, "%s: %zu cells beyond the %zu columns are ignored", where.data,
			     n - ncols, ncols);
		for (i = 1; i < n && i < ncols; i++) {
			const char *cell = buf_str(&f[i]);
			double w;
			while (*cell == ' ')
				cell++;
			if (!*cell)
				continue;
			if (!strcmp(cell, "X") || !strcmp(cell, "x"))
				add_term(im, &im->c[cols[i]], buf_str(&f[0]), 1, where.data);
			else if (parse_double(cell, &w) == 0 && w > 0 && w <= LEXICON_MAX_WEIGHT)
				add_term(im, &im->c[cols[i]], buf_str(&f[0]), w, where.data);
			else if (parse_double(cell, &w) == 0 && w > LEXICON_MAX_WEIGHT)
				note(im->notes, "%s: the weight %s of '%s' in column '%s' is over "
				     "1000000, the most .lex takes; left out", where.data, cell,
				     buf_str(&f[0]), im->c[cols[i]].id);
			else
				note(im->notes, "%s: cell '%s' of '%s' in column '%s' is neither X nor "
				     "a positive weight; left out", where.data, cell, buf_str(&f[0]),
				     im->c[cols[i]].id);
		}
	}
	for (i = 0; i < falloc; i++)
		buf_release(&f[i]);
	free(f);
	free(cols);
	buf_release(&where);
	return r;
}

int dic_import(const char *name, const char *text, size_t len, enum dic_format f,
	       struct buf *out, struct dic_notes *notes)
{
	struct import im;
	struct lexicon check = LEXICON_INIT;
	size_t i, start = out->len;
	int r;

	memset(&im, 0, sizeof(im));
	im.name = name;
	im.notes = notes;
	if (memchr(text, '\0', len))
		return error("%s: not a text file (contains a NUL byte)", name);
	if (f == DIC_YAML)
		return error("%s: importing YAML is not supported; import a .dic or .dicx", name);
	r = f == DIC_LIWC ? import_dic(&im, text, len) : import_dicx(&im, text, len);
	if (r < 0) {
		import_release(&im);
		return -1;
	}
	buf_addf(out, "# Converted from %s by framing lexicon import.\n"
		      "# %s has no weights%s and ignores case, so neither do these entries.\n",
		 name, dic_format_name(f), f == DIC_LIWCX ? " (unless a cell gives one)" : "");
	for (i = 0; i < im.n; i++) {
		struct buf d = BUF_INIT;
		text_append_clean(&d, im.c[i].description, 0, strlen(im.c[i].description));
		buf_addf(out, "\n[%s] %s\n", im.c[i].name, buf_str(&d));
		buf_add(out, buf_str(&im.c[i].entries), im.c[i].entries.len);
		buf_release(&d);
	}
	import_release(&im);
	/* What we wrote must load; a failure here is a bug, reported as one. */
	if (lexicon_parse(&check, name, out->data + start, out->len - start) < 0)
		r = error("%s: the converted lexicon does not load (a bug: please report it)", name);
	lexicon_release(&check);
	return r;
}
