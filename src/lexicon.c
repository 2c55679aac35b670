#include "lexicon.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "fsutil.h"
#include "lexcat.h"
#include "parse.h"
#include "sort.h"
#include "text.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

#include "config.h"	/* FRAMING_DATADIR, from PREFIX in the Makefile */

#define STR(x) #x
#define XSTR(x) STR(x)

/* Where a parse problem is, for "FILE:LINE:COL" messages. */
struct cursor {
	const char *file;
	size_t line;
	const char *line_start;
	int in_bad_category;	/* entries under a broken header are not reported again */
	size_t actors;		/* the line of the file's last @actors line, 0 before any */
};

static size_t column_of(const struct cursor *cur, const char *p)
{
	/* Columns count characters, not bytes, so editors agree with them. */
	size_t col = 1;
	const char *q;
	for (q = cur->line_start; q < p; q++)
		col += ((unsigned char)*q & 0xC0) != 0x80;
	return col;
}

static int parse_error(const struct cursor *cur, const char *p, const char *fmt, const char *arg)
{
	struct buf msg = BUF_INIT;
	buf_addf(&msg, fmt, arg);
	error("%s:%zu:%zu: %s", cur->file, cur->line, column_of(cur, p), msg.data);
	buf_release(&msg);
	return -1;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static const char *skip_blanks(const char *p, const char *end)
{
	while (p < end && is_blank(*p))
		p++;
	return p;
}

static const char *trim_end(const char *start, const char *end)
{
	while (end > start && is_blank(end[-1]))
		end--;
	return end;
}

/* A comment starts at '#' at the line start or after a blank. */
static const char *comment_start(const char *p, const char *end)
{
	const char *q;
	for (q = p; q < end; q++)
		if (*q == '#' && (q == p || is_blank(q[-1])))
			return q;
	return end;
}

static int valid_name(const char *s, size_t len)
{
	size_t i;
	if (len == 0)
		return 0;
	for (i = 0; i < len; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
			return 0;
	}
	return !(s[0] >= '0' && s[0] <= '9');
}

static int parse_category(struct lexicon *lx, const struct cursor *cur, const char *p,
			  const char *end)
{
	const char *close = memchr(p, ']', (size_t)(end - p));
	const char *name = p + 1, *desc;
	struct lex_category *c;
	long existing;
	struct buf nm = BUF_INIT;

	if (!close)
		return parse_error(cur, p, "'[' without ']'%s", "");
	buf_add(&nm, name, (size_t)(close - name));
	if (!valid_name(name, (size_t)(close - name))) {
		parse_error(cur, name, "bad category name '%s' (use a-z, 0-9 and _, "
			    "starting with a letter)", nm.data);
		buf_release(&nm);
		return -1;
	}
	existing = lexicon_category(lx, nm.data);
	if (existing >= 0) {
		struct buf where = BUF_INIT;
		buf_addf(&where, "category '%s' is already defined at %s:%zu", nm.data,
			 lx->categories[existing].file, lx->categories[existing].line);
		parse_error(cur, p, "%s", where.data);
		buf_release(&where);
		buf_release(&nm);
		return -1;
	}
	desc = skip_blanks(close + 1, end);
	ALLOC_GROW(lx->categories, lx->ncategories + 1, lx->categories_alloc);
	c = &lx->categories[lx->ncategories++];
	c->name = buf_detach(&nm);
	c->description = xstrndup(desc, (size_t)(trim_end(desc, end) - desc));
	c->file = xstrdup(cur->file);
	c->line = cur->line;
	c->actor = cur->actors != 0;
	c->actors_line = cur->actors;
	c->weighted = 0;
	c->voice = 0;
	return 0;
}

/*
 * Whether s is a number as a person writes one: digits with an optional
 * sign, point and exponent ("2", "+0.5", ".5", "1e-3"). strtod also reads
 * hexadecimal ("0x10" was taken as 16), which no lexicon means.
 */
static int is_decimal(const char *s)
{
	int digits = 0;

	if (*s == '+' || *s == '-')
		s++;
	for (; *s >= '0' && *s <= '9'; s++)
		digits++;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++)
			digits++;
	if (!digits)
		return 0;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!(*s >= '0' && *s <= '9'))
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

/* Parses "= WEIGHT" at the end of an entry line; sets *stop where it starts. */
static int parse_weight(const struct cursor *cur, const char *p, const char *end,
			const char **stop, double *weight)
{
	const char *eq = NULL, *q;
	struct buf num = BUF_INIT;
	int r = 0;

	*weight = 1;
	*stop = end;
	for (q = p; q < end; q++)
		if (*q == '=')
			eq = q;
	if (!eq)
		return 0;
	*stop = trim_end(p, eq);
	q = skip_blanks(eq + 1, end);
	buf_add(&num, q, (size_t)(trim_end(q, end) - q));
	if (!is_decimal(buf_str(&num)) || parse_double(num.data, weight) < 0 || *weight <= 0)
		r = parse_error(cur, q, "bad weight '%s' (a positive finite number)", buf_str(&num));
	else if (*weight > LEXICON_MAX_WEIGHT)
		r = parse_error(cur, q, "weight '%s' is over 1000000 (a score sums the weights "
				"of up to 2^32 matches, and stats sums the scores)", num.data);
	buf_release(&num);
	return r;
}

/*
 * Splits an entry into words with the article tokenizer, so both sides see
 * the same words; a '*' right after a word's last character makes it a glob.
 */
static int split_entry(const struct cursor *cur, const char *p, const char *end,
		       int case_sensitive, struct lex_entry *e)
{
	struct text_tokens tt = TEXT_TOKENS_INIT;
	size_t i, alloc = 0, len = (size_t)(end - p);
	const char *q;
	int r = 0;

	for (q = p; q < end; q++) {
		if (*q != '*')
			continue;
		if (q == p || is_blank(q[-1]) || (q + 1 < end && !is_blank(q[1])))
			return parse_error(cur, q, "'*' may only end a word (as in accus*)%s", "");
	}
	text_tokenize(&tt, p, 0, len);
	if (tt.n == 0) {
		text_tokens_release(&tt);
		return parse_error(cur, p, "entry has no words%s", "");
	}
	if (tt.n > LEXICON_MAX_WORDS) {
		struct buf n = BUF_INIT;
		buf_addf(&n, "%zu", tt.n);
		text_tokens_release(&tt);
		r = parse_error(cur, p, "entry has %s words; at most " XSTR(LEXICON_MAX_WORDS)
				" (a phrase, not a text)", n.data);
		buf_release(&n);
		return r;
	}
	for (i = 0; i < tt.n; i++) {
		const struct token *t = &tt.tok[i];
		struct lex_word *w;
		const char *form = case_sensitive ? text_cased(&tt, i) : text_norm(&tt, i);
		int glob = t->end < len && p[t->end] == '*';

		/* Only the words are kept; anything else between them would be lost. */
		if (i + 1 < tt.n) {
			const char *gap;
			for (gap = p + t->end + glob; gap < p + tt.tok[i + 1].start; gap++)
				if (!is_blank(*gap) && *gap != '-') {
					char what[2] = { *gap, '\0' };
					r = parse_error(cur, gap, "'%s' cannot be matched: words are "
							"split at it; write the words with spaces", what);
					break;
				}
		}
		ALLOC_GROW(e->words, e->nwords + 1, alloc);
		w = &e->words[e->nwords++];
		w->len = strlen(form);
		w->text = xstrndup(form, w->len);
		w->glob = glob;
	}
	text_tokens_release(&tt);
	return r;
}

static int parse_entry(struct lexicon *lx, const struct cursor *cur, const char *p,
		       const char *end)
{
	struct lex_entry e;
	const char *stop;
	int case_sensitive = 0;

	memset(&e, 0, sizeof(e));
	if (lx->ncategories == 0)
		return parse_error(cur, p, "entry before the first [category] line%s", "");
	if (parse_weight(cur, p, end, &stop, &e.weight) < 0)
		return -1;
	if (*p == '"') {
		if (stop - p < 2 || stop[-1] != '"')
			return parse_error(cur, p, "unclosed '\"' (a case-sensitive entry is "
					   "written \"US\")%s", "");
		case_sensitive = 1;
		p++;
		stop--;
	}
	e.written = xstrndup(p - case_sensitive, (size_t)(stop - p) + 2 * (size_t)case_sensitive);
	if (split_entry(cur, p, stop, case_sensitive, &e) < 0) {
		size_t i;
		for (i = 0; i < e.nwords; i++)
			free(e.words[i].text);
		free(e.words);
		free(e.written);
		return -1;
	}
	e.case_sensitive = case_sensitive;
	e.category = lx->ncategories - 1;
	if (e.weight != 1)
		lx->categories[e.category].weighted = 1;
	e.file = lx->categories[e.category].file;
	e.line = cur->line;
	e.col = column_of(cur, p - case_sensitive);
	ALLOC_GROW(lx->entries, lx->nentries + 1, lx->entries_alloc);
	lx->entries[lx->nentries++] = e;
	return 0;
}

static const char *const index_kinds[] = { "log-ratio", "difference" };
#define NKINDS (sizeof(index_kinds) / sizeof(index_kinds[0]))

const char *lexicon_index_kind_name(enum lex_index_kind kind)
{
	return index_kinds[kind];
}

int lexicon_index_kind(const char *s)
{
	size_t i;
	for (i = 0; i < NKINDS; i++)
		if (!strcmp(s, index_kinds[i]))
			return (int)i;
	return -1;
}

/* The next word of a directive: up to a blank or '='; empty at the end. */
static const char *directive_word(const char *p, const char *end, const char **stop)
{
	const char *q = skip_blanks(p, end), *e = q;
	while (e < end && !is_blank(*e) && *e != '=')
		e++;
	*stop = e;
	return q;
}

/* Reads a category name of a directive into ref; -1 after a message. */
static int directive_ref(const struct cursor *cur, const char *file, const char **p,
			 const char *end, const char *what, struct lex_ref *ref)
{
	const char *stop, *w = directive_word(*p, end, &stop);
	struct buf nm = BUF_INIT;
	int r = 0;

	memset(ref, 0, sizeof(*ref));
	ref->category = -1;
	if (w == stop)
		return parse_error(cur, w, "%s: a category name is missing", what);
	buf_add(&nm, w, (size_t)(stop - w));
	if (!valid_name(w, (size_t)(stop - w))) {
		r = parse_error(cur, w, "bad category name '%s' (use a-z, 0-9 and _, "
				"starting with a letter)", nm.data);
		buf_release(&nm);
		return r;
	}
	ref->name = buf_detach(&nm);
	ref->file = file;
	ref->line = cur->line;
	ref->col = column_of(cur, w);
	*p = stop;
	return 0;
}

/* "@index NAME = KIND A B" */
static int parse_index(struct lexicon *lx, const struct cursor *cur, const char *file,
		       const char *p, const char *end)
{
	struct lex_index ix;
	const char *stop, *w = directive_word(p, end, &stop);
	struct buf word = BUF_INIT;
	int kind;
	size_t i;

	memset(&ix, 0, sizeof(ix));
	buf_add(&word, w, (size_t)(stop - w));
	if (!valid_name(w, (size_t)(stop - w))) {
		parse_error(cur, w, "bad index name '%s' (write @index NAME = log-ratio A B; "
			    "NAME uses a-z, 0-9 and _, starting with a letter)", buf_str(&word));
		buf_release(&word);
		return -1;
	}
	for (i = 0; i < lx->nindices; i++)
		if (!strcmp(lx->indices[i].name, word.data)) {
			struct buf where = BUF_INIT;
			buf_addf(&where, "index '%s' is already defined at %s:%zu", word.data,
				 lx->indices[i].file, lx->indices[i].line);
			parse_error(cur, w, "%s", where.data);
			buf_release(&where);
			buf_release(&word);
			return -1;
		}
	ix.name = buf_detach(&word);
	ix.file = file;
	ix.line = cur->line;
	ix.col = column_of(cur, w);
	p = skip_blanks(stop, end);
	if (p >= end || *p != '=') {
		free(ix.name);
		return parse_error(cur, p, "'=' expected (write @index NAME = log-ratio A B)%s", "");
	}
	w = directive_word(p + 1, end, &stop);
	buf_add(&word, w, (size_t)(stop - w));
	kind = lexicon_index_kind(word.data ? word.data : "");
	if (kind < 0) {
		parse_error(cur, w, "unknown index kind '%s' (log-ratio or difference)",
			    buf_str(&word));
		buf_release(&word);
		free(ix.name);
		return -1;
	}
	buf_release(&word);
	ix.kind = (enum lex_index_kind)kind;
	p = stop;
	if (directive_ref(cur, file, &p, end, "@index", &ix.a) < 0 ||
	    directive_ref(cur, file, &p, end, "@index", &ix.b) < 0) {
		free(ix.a.name);
		free(ix.name);
		return -1;
	}
	p = skip_blanks(p, end);
	if (p < end) {
		free(ix.a.name);
		free(ix.b.name);
		free(ix.name);
		return parse_error(cur, p, "unexpected text after the two categories of the "
				   "index%s", "");
	}
	ALLOC_GROW(lx->indices, lx->nindices + 1, lx->indices_alloc);
	lx->indices[lx->nindices++] = ix;
	return 0;
}

/* "@voice A B ..." */
static int parse_voice(struct lexicon *lx, const struct cursor *cur, const char *file,
		       const char *p, const char *end)
{
	int any = 0;

	while (skip_blanks(p, end) < end) {
		struct lex_ref ref;
		if (directive_ref(cur, file, &p, end, "@voice", &ref) < 0)
			return -1;
		ALLOC_GROW(lx->voice, lx->nvoice + 1, lx->voice_alloc);
		lx->voice[lx->nvoice++] = ref;
		any = 1;
	}
	if (!any)
		return parse_error(cur, p, "@voice: name the categories the voice chart shows%s",
				   "");
	return 0;
}

/* A line that starts with '@'; file is the owned name in lx->files. */
static int parse_directive(struct lexicon *lx, struct cursor *cur, const char *file,
			   const char *p, const char *end)
{
	const char *stop, *w = directive_word(p + 1, end, &stop);
	size_t len = (size_t)(stop - w);

	if (w != p + 1)
		return parse_error(cur, p, "'@' must be followed by a directive: @index, "
				   "@actors or @voice%s", "");
	if (len == 5 && !memcmp(w, "index", 5))
		return parse_index(lx, cur, file, stop, end);
	if (len == 5 && !memcmp(w, "voice", 5))
		return parse_voice(lx, cur, file, stop, end);
	if (len == 6 && !memcmp(w, "actors", 6)) {
		if (skip_blanks(stop, end) < end)
			return parse_error(cur, skip_blanks(stop, end), "@actors takes nothing "
					   "after it: it marks every category after it in its file%s", "");
		cur->actors = cur->line;
		return 0;
	} else {
		struct buf nm = BUF_INIT;
		int r;
		buf_add(&nm, w, len);
		r = parse_error(cur, p, "unknown directive '@%s' (known: @index, @actors, "
				"@voice)", buf_str(&nm));
		buf_release(&nm);
		return r;
	}
}

int lexicon_parse(struct lexicon *lx, const char *name, const char *text, size_t len)
{
	struct cursor cur = { name, 0, text, 0, 0 };
	const char *p = text, *end = text + len, *file;
	int bad = 0;

	if (memchr(text, '\0', len))
		return error("%s: not a text file (contains a NUL byte)", name);
	ALLOC_GROW(lx->files, lx->nfiles + 1, lx->files_alloc);
	file = lx->files[lx->nfiles++] = xstrdup(name);
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *line_end = eol ? eol : end, *s, *e;

		cur.line++;
		cur.line_start = p;
		if (cur.line == 1 && line_end - p >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
			cur.line_start = p = p + 3;
		if (line_end > p && line_end[-1] == '\r')
			line_end--;
		s = skip_blanks(p, line_end);
		e = trim_end(s, comment_start(s, line_end));
		if (s < e && *s == '[') {
			cur.in_bad_category = parse_category(lx, &cur, s, e) < 0;
			if (cur.in_bad_category)
				bad = -1;
		} else if (s < e && *s == '@') {
			if (parse_directive(lx, &cur, file, s, e) < 0)
				bad = -1;
		} else if (s < e && !cur.in_bad_category && parse_entry(lx, &cur, s, e) < 0) {
			bad = -1;
		}
		p = eol ? eol + 1 : end;
	}
	return bad;
}

static int resolve_ref(const struct lexicon *lx, struct lex_ref *ref)
{
	struct buf hint = BUF_INIT;

	ref->category = lexicon_category(lx, ref->name);
	if (ref->category >= 0)
		return 0;
	/* A typo gets the hint the category options get (lexcat.h). */
	lexcat_hint(lx, ref->name, &hint);
	error("%s:%zu:%zu: no category '%s'%s", ref->file, ref->line, ref->col, ref->name,
	      buf_str(&hint));
	buf_release(&hint);
	return -1;
}

int lexicon_resolve(struct lexicon *lx)
{
	size_t i;
	int bad = 0;

	for (i = 0; i < lx->nindices; i++) {
		struct lex_index *ix = &lx->indices[i];
		int a = resolve_ref(lx, &ix->a), b = resolve_ref(lx, &ix->b);
		if (a < 0 || b < 0)
			bad = -1;
		else if (ix->a.category == ix->b.category)
			bad = error("%s:%zu:%zu: index '%s' uses category '%s' twice", ix->file,
				    ix->b.line, ix->b.col, ix->name, ix->b.name);
		else if (lexicon_category(lx, ix->name) >= 0)
			bad = error("%s:%zu:%zu: index '%s' has the name of a category; name it "
				    "apart (its column in scores.tsv would be ambiguous)",
				    ix->file, ix->line, ix->col, ix->name);
	}
	for (i = 0; i < lx->nvoice; i++) {
		if (resolve_ref(lx, &lx->voice[i]) < 0)
			bad = -1;
		else
			lx->categories[lx->voice[i].category].voice = 1;
	}
	return bad;
}

int lexicon_shows_voice(const struct lexicon *lx, size_t c)
{
	return lx->nvoice ? lx->categories[c].voice : !lx->categories[c].actor;
}

/*
 * The text of the lexicon file path, refused when over LEXICON_MAX_BYTES
 * before it is read whole (a 2 GB sparse file took 2 GB, /dev/zero had no
 * end); NULL after a message.
 */
static char *lexicon_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	char *text;
	size_t got = 0;
	int bad = 0;

	if (!f) {
		error("%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
	    (uintmax_t)st.st_size > LEXICON_MAX_BYTES) {
		error("%s: %ju bytes, more than a lexicon's %lu (not a lexicon?)", path,
		      (uintmax_t)st.st_size, (unsigned long)LEXICON_MAX_BYTES);
		fclose(f);
		return NULL;
	}
	text = NULL;
	for (;;) {
		size_t n;
		text = xrealloc(text, got + 65536 + 1);
		n = fread(text + got, 1, 65536, f);
		got += n;
		if (got > LEXICON_MAX_BYTES) {
			bad = error("%s: more than a lexicon's %lu bytes (not a lexicon?)", path,
				    (unsigned long)LEXICON_MAX_BYTES);
			break;
		}
		if (n == 0) {
			if (ferror(f))
				bad = error("%s: %s", path, strerror(errno ? errno : EIO));
			break;
		}
	}
	fclose(f);
	if (bad) {
		free(text);
		return NULL;
	}
	*len = got;
	text[got] = '\0';
	return text;
}

int lexicon_load(struct lexicon *lx, const char *path)
{
	size_t len = 0;
	char *text = lexicon_read(path, &len);
	int r;

	if (!text)
		return -1;
	r = lexicon_parse(lx, path, text, len);
	free(text);
	return r;
}

long lexicon_category(const struct lexicon *lx, const char *name)
{
	size_t i;
	for (i = 0; i < lx->ncategories; i++)
		if (!strcmp(lx->categories[i].name, name))
			return (long)i;
	return -1;
}

void lexicon_release(struct lexicon *lx)
{
	size_t i, j;

	for (i = 0; i < lx->nentries; i++) {
		for (j = 0; j < lx->entries[i].nwords; j++)
			free(lx->entries[i].words[j].text);
		free(lx->entries[i].words);
		free(lx->entries[i].written);
	}
	for (i = 0; i < lx->ncategories; i++) {
		free(lx->categories[i].name);
		free(lx->categories[i].description);
		free(lx->categories[i].file);
	}
	for (i = 0; i < lx->nindices; i++) {
		free(lx->indices[i].name);
		free(lx->indices[i].a.name);
		free(lx->indices[i].b.name);
	}
	for (i = 0; i < lx->nvoice; i++)
		free(lx->voice[i].name);
	free(lx->indices);
	free(lx->voice);
	for (i = 0; i < lx->nfiles; i++)
		free(lx->files[i]);
	free(lx->files);
	free(lx->entries);
	free(lx->categories);
	memset(lx, 0, sizeof(*lx));
}

static int is_dir(const char *p)
{
	struct stat st;
	return p && *p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * Lexicons near the binary: BIN/../lexicons in a build tree, and
 * BIN/../share/framing in an installation moved from its PREFIX (or staged
 * with DESTDIR). Returns the first that is a folder, or NULL.
 */
static const char *beside_binary(void)
{
	static char path[4096];
	static const char *const tails[] = { "/lexicons", "/share/framing" };
	ssize_t n = readlink("/proc/self/exe", path, sizeof(path) - 32);
	char *slash;
	size_t i;

	if (n <= 0)
		return NULL;
	path[n] = '\0';
	for (i = 0; i < 2; i++) {
		slash = strrchr(path, '/');
		if (!slash)
			return NULL;
		*slash = '\0';
	}
	n = (ssize_t)strlen(path);
	for (i = 0; i < sizeof(tails) / sizeof(tails[0]); i++) {
		memcpy(path + n, tails[i], strlen(tails[i]) + 1);
		if (is_dir(path))
			return path;
	}
	return NULL;
}

const char *lexicon_default_dir(void)
{
	const char *env = getenv("FRAMING_LEXICONS"), *near;

	/* An explicit setting wins over the folder the user happens to be in. */
	if (is_dir(env))
		return env;
	if (is_dir("lexicons"))
		return "lexicons";
	near = beside_binary();
	if (near)
		return near;
	return FRAMING_DATADIR;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int lexicon_load_dir(struct lexicon *lx, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *ent;
	char **names = NULL;
	size_t n = 0, alloc = 0, i;
	int bad = 0;

	if (!d)
		return error("%s: %s (no lexicons; give one with -l FILE)", dir, strerror(errno));
	while ((ent = readdir(d)) != NULL) {
		size_t len = strlen(ent->d_name);
		if (ent->d_name[0] == '.' || len < 5 || strcmp(ent->d_name + len - 4, ".lex"))
			continue;
		ALLOC_GROW(names, n + 1, alloc);
		names[n++] = xstrdup(ent->d_name);
	}
	closedir(d);
	sort_array(names, n, sizeof(*names), cmp_name);
	for (i = 0; i < n; i++) {
		char *p = path_join(dir, names[i]);
		if (lexicon_load(lx, p) < 0)
			bad = -1;
		free(p);
		free(names[i]);
	}
	free(names);
	if (n == 0)
		bad = error("%s: no .lex files", dir);
	return bad;
}

int lexicon_load_all(struct lexicon *lx, const char *const *files, size_t n)
{
	size_t i;
	int bad = 0;

	if (n == 0)
		bad = lexicon_load_dir(lx, lexicon_default_dir());
	for (i = 0; i < n; i++)
		if (lexicon_load(lx, files[i]) < 0)
			bad = -1;
	/* Names in directives of a broken file would only be reported again. */
	if (!bad && lexicon_resolve(lx) < 0)
		bad = -1;
	return bad;
}
