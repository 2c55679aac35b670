/* memmem is a GNU and BSD extension, also in POSIX 2024. */
#define _GNU_SOURCE
#include "source.h"

#include <errno.h>
#include <cJSON.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "csvin.h"
#include "hash.h"
#include "text.h"
#include "fsutil.h"
#include "htmlpage.h"
#include "date.h"
#include "sanitize.h"
#include "sha256.h"
#include "sort.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"


struct source {
	/* corpus folder */
	const struct corpus *corpus;
	size_t next;
	/* JSON Lines */
	FILE *f;
	const char *name;
	size_t line;
	struct buf linebuf;
	char rbuf[65536];
	size_t rpos, rlen;
	int have_first;	/* the first line was read ahead to learn the columns */
	int first_status;
	char **extra_names;
	long lang_col;		/* the extra column "lang", -1: none (set once the names are known) */
	size_t nextra;
	off_t start;	/* where the stream began, for source_rewind; -1: a pipe */
	int keep_markup;	/* framing import: an html field stays markup */
	/* CSV: records read by csvin.c, each decoded as the JSON object of its fields */
	struct csvin *csv;
	char *const *csv_names;
	size_t ncsv;
	/* WARC files (warcin.c) */
	struct warcin *warc;
	/* all */
	const char *label;	/* for messages */
	struct buf own_label;	/* the label of several WARC files */
	struct corpus *own_corpus;	/* opened by source_open */
	FILE *own_file;
	struct source_record record;	/* of source_next */
	size_t max_bytes;
	uint64_t total, consumed;
	struct source_ids *ids;	/* JSON Lines, CSV: the ids given so far */
};

static struct source *source_new(size_t max_bytes)
{
	struct source *s = xcalloc(1, sizeof(*s));
	s->max_bytes = source_max_bytes(max_bytes);
	return s;
}

static long extra_index(const struct source *s, const char *name);
static int check_corpus_ids(const struct source *s);
static void ids_free(struct source_ids *t);

struct source *source_corpus(const struct corpus *c, size_t max_article_bytes)
{
	struct source *s = source_new(max_article_bytes);
	size_t i;

	s->corpus = c;
	s->label = c->dir;
	for (i = 0; i < c->n; i++)
		s->total += c->articles[i].size;
	s->lang_col = extra_index(s, "lang");
	return s;
}

static void copy_article(struct article *to, const struct article *from, size_t nextra)
{
	size_t i;

	to->id = xstrdup(from->id);
	to->outlet = xstrdup(from->outlet);
	to->date = xstrdup(from->date);
	to->title = xstrdup(from->title);
	to->file = xstrdup(from->file);
	to->path = xstrdup(from->path);
	to->line = from->line;
	to->size = from->size;
	to->extra = xcalloc(nextra ? nextra : 1, sizeof(*to->extra));
	for (i = 0; i < nextra; i++)
		to->extra[i] = xstrdup(from->extra[i]);
}

/*
 * An HTML page becomes its text a block a line; the page keeps the markup's
 * hints and the offsets into the file (a->page). Its title and date fill
 * those the manifest or JSON left empty. sniff: the charset is the page's
 * own (a file), not UTF-8 (a JSON string).
 */
static void decode_page(struct article *a, char **text, size_t *len, int sniff)
{
	struct htmlpage *p = xcalloc(1, sizeof(*p));

	htmlpage_read(p, *text, *len, sniff, a->path);
	free(*text);
	*text = htmlpage_take_text(p, len);
	if (!*a->title && *p->title) {
		free(a->title);
		a->title = xstrdup(p->title);
	}
	if (!*a->date && *p->date) {
		free(a->date);
		a->date = xstrdup(p->date);
	}
	a->page = p;
}

static int next_from_corpus(struct source *s, struct article *a, char **text, size_t *len)
{
	const struct article *src;

	if (s->next >= s->corpus->n)
		return 0;
	src = &s->corpus->articles[s->next++];
	s->consumed += src->size;
	/* The size can change after the list was loaded; read_file tells the truth. */
	if (s->max_bytes && src->size > s->max_bytes) {
		error("%s: %zu bytes, more than --max-article-bytes %zu; skipped", src->path,
		      src->size, s->max_bytes);
		return -1;
	}
	*text = read_file(src->path, len);
	if (!*text) {
		error("%s: %s", src->path, strerror(errno));
		return -1;
	}
	if (s->max_bytes && *len > s->max_bytes) {
		error("%s: %zu bytes, more than --max-article-bytes %zu; skipped", src->path,
		      *len, s->max_bytes);
		free(*text);
		return -1;
	}
	copy_article(a, src, s->corpus->nextra);
	return 1;
}

/* Refills the read buffer; returns the bytes now available (0 at EOF). */
static size_t refill(struct source *s)
{
	if (s->rpos < s->rlen)
		return s->rlen - s->rpos;
	s->rpos = 0;
	s->rlen = fread(s->rbuf, 1, sizeof(s->rbuf), s->f);
	return s->rlen;
}

/*
 * Reads one line into s->linebuf, NUL bytes and all. Returns 1 with a line,
 * 0 at EOF, -1 for a line over the limit, which is consumed but not kept, so
 * memory stays bounded whatever the input.
 */
static int read_line(struct source *s)
{
	int too_long = 0, any = 0;

	buf_reset(&s->linebuf);
	while (refill(s)) {
		char *start = s->rbuf + s->rpos;
		size_t avail = s->rlen - s->rpos;
		char *nl = memchr(start, '\n', avail);
		size_t n = nl ? (size_t)(nl - start) + 1 : avail;

		any = 1;
		s->rpos += n;
		s->consumed += n;
		if (!too_long) {
			buf_add(&s->linebuf, start, n);
			if (s->max_bytes && s->linebuf.len > s->max_bytes + 4096) {
				too_long = 1;
				buf_release(&s->linebuf);
			}
		}
		if (nl)
			break;
	}
	if (!any)
		return 0;
	s->line++;
	return too_long ? -1 : 1;
}

static int is_known_field(const char *key)
{
	static const char *const known[] = { "id", "outlet", "date", "title", "text", "html" };
	size_t i;
	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (!strcmp(key, known[i]))
			return 1;
	return 0;
}

/* A number as text when its digits cannot be found: whole numbers without a decimal point. */
static void add_number(struct buf *b, double v)
{
	if (isfinite(v) && v == floor(v) && fabs(v) < 9007199254740992.0)
		buf_addf(b, "%.0f", v);
	else
		buf_addf(b, "%.17g", v);
}

/*
 * What cJSON does not keep, found in the line itself: where the value of
 * a top-level member is written. A number keeps its digits as written
 * (cJSON holds a double, and 9007199254740993 and 9007199254740992 are one
 * double), and the reading thread finds an id before the line is parsed.
 * The line may not be JSON at all: the walk gives up (0) where it is not
 * an object it can follow. Keys written with escapes are not recognised.
 */
static const char *json_skip_ws(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	return p;
}

/* p at a '"': just past the closing quote, or NULL. */
static const char *json_skip_string(const char *p, const char *end)
{
	for (p++; p < end; p++) {
		if (*p == '\\')
			p++;
		else if (*p == '"')
			return p + 1;
	}
	return NULL;
}

static int json_token_end(char c)
{
	return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\r' ||
	       c == '\n';
}

/* Just past the value at p (a string, an object or array, a number or a literal), or NULL. */
static const char *json_skip_value(const char *p, const char *end)
{
	size_t depth = 0;

	if (p >= end)
		return NULL;
	if (*p == '"')
		return json_skip_string(p, end);
	if (*p != '{' && *p != '[') {
		while (p < end && !json_token_end(*p))
			p++;
		return p;
	}
	while (p < end) {
		if (*p == '"') {
			if (!(p = json_skip_string(p, end)))
				return NULL;
			continue;
		}
		if (*p == '{' || *p == '[')
			depth++;
		else if ((*p == '}' || *p == ']') && --depth == 0)
			return p + 1;
		p++;
	}
	return NULL;
}

/*
 * The value of the first top-level member named key (the one cJSON
 * returns) in [*vs, *ve); 0 when there is none or the walk gave up.
 */
static int json_member(const char *p, const char *end, const char *key, const char **vs,
		       const char **ve)
{
	size_t klen = strlen(key);

	p = json_skip_ws(p, end);
	if (p >= end || *p != '{')
		return 0;
	p = json_skip_ws(p + 1, end);
	while (p < end && *p == '"') {
		const char *k = p + 1, *kend = json_skip_string(p, end), *v;
		if (!kend)
			return 0;
		p = json_skip_ws(kend, end);
		if (p >= end || *p != ':')
			return 0;
		v = json_skip_ws(p + 1, end);
		if (!(p = json_skip_value(v, end)))
			return 0;
		if ((size_t)(kend - 1 - k) == klen && !memcmp(k, key, klen)) {
			*vs = v;
			*ve = p;
			return 1;
		}
		p = json_skip_ws(p, end);
		if (p >= end || *p != ',')
			return 0;
		p = json_skip_ws(p + 1, end);
	}
	return 0;
}

/* A JSON number as written; NULL when the line does not hold it where expected. */
static char *json_number_text(const struct buf *raw, const char *key)
{
	const char *vs, *ve;

	if (!raw || !json_member(raw->data, raw->data + raw->len, key, &vs, &ve) ||
	    vs == ve || !(*vs == '-' || (*vs >= '0' && *vs <= '9')))
		return NULL;
	return xstrndup(vs, (size_t)(ve - vs));
}

/*
 * A string or number field as text, as scores.tsv writes it; NULL when
 * absent. *bad is -1 when of another type, -2 for a number beyond a
 * double's range (1e400, which cJSON reads as infinity; after a message).
 */
static char *field_text(const struct source *s, size_t line, const struct buf *raw,
			const cJSON *obj, const char *key, int *bad)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	struct buf b = BUF_INIT;
	char *digits;

	if (!v || cJSON_IsNull(v))
		return NULL;
	if (cJSON_IsString(v) && !strcmp(key, "outlet")) {
		/* Before escaping, which shows a direction mark as a space (strip_outlet). */
		char *name = text_strip_invisible(xstrdup(v->valuestring));
		buf_add_tsv_field(&b, name, strlen(name));
		free(name);
		return buf_detach(&b);
	}
	if (cJSON_IsString(v)) {
		buf_add_tsv_field(&b, v->valuestring, strlen(v->valuestring));
		return buf_detach(&b);
	}
	if (!cJSON_IsNumber(v)) {
		*bad = *bad ? *bad : -1;
		return NULL;
	}
	digits = json_number_text(raw, key);
	if (!isfinite(v->valuedouble)) {
		error("%s:%zu: \"%s\": the number %s is beyond the range of a double; skipped",
		      s->name, line, key, digits ? digits : "");
		free(digits);
		*bad = -2;
		return NULL;
	}
	if (digits)
		return digits;
	add_number(&b, v->valuedouble);
	return buf_detach(&b);
}

static void learn_columns(struct source *s, const cJSON *obj)
{
	const cJSON *v;
	size_t alloc = 0;

	cJSON_ArrayForEach(v, obj) {
		/*
		 * A null names its column too: a story (or any field) unknown
		 * for the first article must not drop the column for all.
		 */
		if (!v->string || is_known_field(v->string) ||
		    !(cJSON_IsString(v) || cJSON_IsNumber(v) || cJSON_IsNull(v)))
			continue;
		ALLOC_GROW(s->extra_names, s->nextra + 1, alloc);
		s->extra_names[s->nextra++] = xstrdup(v->string);
	}
}

/* A CSV record is named by its number too, as csvin.c's messages name it. */
static int bad_line(const struct source *s, size_t line, const char *what, const char *detail)
{
	return error("%s:%zu: %s%s; skipped", s->name, line, what, detail);
}

static int bad_record(const struct source *s, size_t line, size_t recno, const char *what,
		      const char *detail)
{
	if (!recno)
		return bad_line(s, line, what, detail);
	return error("%s:%zu: record %zu: %s%s; skipped", s->name, line, recno, what, detail);
}

/*
 * Whether s is written in tables as it is. A JSON Lines id that is not (a
 * control character, a bidi control, a byte that is not UTF-8) would be
 * another id in scores.tsv, where "a\u000bb" is "a b", and two articles
 * could become one to framing stats. A corpus folder compares its ids as
 * written (check_corpus_ids), its list being in memory; a stream refuses
 * such ids instead, so that it needs no set of every id seen and stays in
 * constant memory.
 */
static int shown_as_is(const char *s)
{
	struct buf b = BUF_INIT;
	int same;

	buf_add_tsv_field(&b, s, strlen(s));
	same = !strcmp(buf_str(&b), s);
	buf_release(&b);
	return same;
}

static int unprintable_id(const char *where, const char *id)
{
	return error("%s: id '%s' holds a control character or a byte that is not UTF-8, "
		     "which scores.tsv cannot write as it is; skipped", where, id);
}

/*
 * The id of an article without one: the first 64 bits of the SHA-256 of
 * its outlet, date, title and text (as given, an "html" page's markup and
 * all), so that the same article has the same id whichever file, shard or
 * line it comes from, and two articles have two ids without the user's
 * help (a line number is not unique across shards: every shard of
 * "parallel --pipepart" starts at stdin:1). What is read from where stays
 * in the file column (FILE:LINE).
 */
static char *default_id(const struct article *a, const char *text, size_t len)
{
	const char *parts[] = { a->outlet, a->date, a->title };
	unsigned char d[32];
	struct sha256 h;
	struct buf b = BUF_INIT;
	size_t i;

	sha256_init(&h);
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		sha256_update(&h, parts[i], strlen(parts[i]));
		/* A byte UTF-8 never holds: ("ab", "c") and ("a", "bc") hash apart. */
		sha256_update(&h, "\xff", 1);
	}
	sha256_update(&h, text, len);
	sha256_final(&h, d);
	buf_adds(&b, SOURCE_DEFAULT_ID_PREFIX);
	for (i = 0; i < 8; i++)
		buf_addf(&b, "%02x", d[i]);
	return buf_detach(&b);
}

/* Turns the JSON object of line (raw as read) into an article and its text. */
static int article_from_json(const struct source *s, size_t line, size_t recno,
			     const struct buf *raw,
			     const cJSON *obj, struct article *a, char **text, size_t *len)
{
	const cJSON *t = cJSON_GetObjectItemCaseSensitive(obj, "text"), *idv;
	struct buf b = BUF_INIT;
	int bad = 0, html = 0;
	size_t i;

	if (!cJSON_IsObject(obj))
		return bad_record(s, line, recno, "not a JSON object", "");
	if (!t && cJSON_GetObjectItemCaseSensitive(obj, "html")) {
		/* A page instead of its text. */
		t = cJSON_GetObjectItemCaseSensitive(obj, "html");
		if (!cJSON_IsString(t))
			return bad_record(s, line, recno, "\"html\" is not a string", "");
		html = 1;
	}
	if (!cJSON_IsString(t))
		return bad_record(s, line, recno, t ? "\"text\" is not a string" : "no \"text\" field", "");
	*len = strlen(t->valuestring);
	if (s->max_bytes && *len > s->max_bytes)
		return error("%s:%zu: %zu bytes of text, more than --max-article-bytes %zu; skipped",
			     s->name, line, *len, s->max_bytes);
	idv = cJSON_GetObjectItemCaseSensitive(obj, "id");
	if (cJSON_IsString(idv) && !shown_as_is(idv->valuestring)) {
		buf_addf(&b, "%s:%zu", s->name, line);
		unprintable_id(b.data, idv->valuestring);
		buf_release(&b);
		return -1;
	}
	a->id = field_text(s, line, raw, obj, "id", &bad);
	a->outlet = field_text(s, line, raw, obj, "outlet", &bad);
	a->date = field_text(s, line, raw, obj, "date", &bad);
	a->title = field_text(s, line, raw, obj, "title", &bad);
	if (bad || !a->outlet || !*a->outlet) {
		article_release(a, 0);
		if (bad == -2)
			return -1;
		return bad_record(s, line, recno, bad ? "id, outlet, date and title must be strings or numbers"
				       : "no \"outlet\"", "");
	}
	/* Every reader takes the forms import reads (date_normalise), so the two agree. */
	if (a->date && *a->date && !date_valid(a->date)) {
		char iso[11];
		if (date_normalise(a->date, iso) == 0) {
			free(a->date);
			a->date = xstrdup(iso);
		}
	}
	if (a->date && *a->date && !date_valid(a->date)) {
		/*
		 * Shown as given, not as scores.tsv would write it (an ESC as a
		 * space): the one sanitiser of messages shows it as \x1b.
		 */
		const cJSON *dv = cJSON_GetObjectItemCaseSensitive(obj, "date");
		buf_addf(&b, " '%s' %s", cJSON_IsString(dv) ? dv->valuestring : a->date,
			 date_refusal(a->date));
		article_release(a, 0);
		bad_record(s, line, recno, "bad date", b.data);
		buf_release(&b);
		return -1;
	}
	if (!a->date)
		a->date = xstrdup("");
	if (!a->title)
		a->title = xstrdup("");
	if (!a->id)
		a->id = default_id(a, t->valuestring, *len);
	a->extra = xcalloc(s->nextra ? s->nextra : 1, sizeof(*a->extra));
	for (i = 0; i < s->nextra; i++) {
		int other = 0;
		a->extra[i] = field_text(s, line, raw, obj, s->extra_names[i], &other);
		if (other == -2) {
			article_release(a, i);
			return -1;
		}
		if (!a->extra[i])
			a->extra[i] = xstrdup("");
	}
	buf_addf(&b, "%s:%zu", s->name, line);
	a->path = buf_detach(&b);
	a->file = xstrdup(a->path);
	a->line = line;
	*text = xstrndup(t->valuestring, *len);
	if (html && s->keep_markup)
		a->markup = 1;
	else if (html)
		decode_page(a, text, len, 0);
	return 1;
}

static int hex4(const char *p, const char *end, unsigned *v)
{
	int i;

	*v = 0;
	if (end - p < 4)
		return 0;
	for (i = 0; i < 4; i++) {
		char c = p[i];
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
			: c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return 0;
		*v = *v << 4 | (unsigned)d;
	}
	return 1;
}

/*
 * Looks at the \u escapes of a line before cJSON does: returns -1 for an
 * escaped NUL (\u0000), which a C string cannot hold, else the number of
 * lone surrogate escapes (half of a UTF-16 pair, as cut JavaScript strings
 * leave them), which it rewrites in place as \ufffd: cJSON refuses them,
 * and text is never refused for bad characters, only marked.
 */
static long check_escapes(char *p, size_t len)
{
	char *end = p + len;
	long lone = 0;
	unsigned v, w;

	for (; p < end; p++) {
		/* Escapes are rare in news text: jump to the next backslash. */
		p = memchr(p, '\\', (size_t)(end - p));
		if (!p)
			break;
		if (p + 1 >= end || p[1] != 'u' || !hex4(p + 2, end, &v)) {
			p++;	/* another escape: skip the escaped character */
			continue;
		}
		if (v == 0)
			return -1;
		if (v >= 0xD800 && v <= 0xDBFF && end - p >= 12 && p[6] == '\\' && p[7] == 'u'
		    && hex4(p + 8, end, &w) && w >= 0xDC00 && w <= 0xDFFF) {
			p += 11;	/* a whole pair */
			continue;
		}
		if (v >= 0xD800 && v <= 0xDFFF) {
			memcpy(p + 2, "fffd", 4);
			lone++;
		}
		p += 5;
	}
	return lone;
}

/*
 * Parses the line of r; status as source_next. cJSON is used for its
 * speed (about seven times jansson's on news text); it keeps strings
 * NUL-terminated, so a NUL, escaped (\u0000) or raw, is refused rather
 * than cut.
 */
static int parse_record(const struct source *s, struct source_record *r, cJSON **out)
{
	const char *end = NULL;
	struct buf where = BUF_INIT;
	long lone;

	*out = NULL;
	if (r->status < 0)
		return error("%s:%zu: a line of more than --max-article-bytes %zu; skipped",
			     s->name, r->line, s->max_bytes);
	if (memchr(r->raw.data, '\0', r->raw.len))
		return bad_line(s, r->line, "a NUL byte, which JSON cannot hold", "");
	lone = check_escapes(r->raw.data, r->raw.len);
	if (lone < 0)
		return bad_line(s, r->line, "a string holds \\u0000 (NUL), which text cannot hold", "");
	if (lone > 0)
		warning("%s:%zu: %ld lone surrogate escape%s (\\ud800-\\udfff) read as U+FFFD",
			s->name, r->line, lone, lone == 1 ? "" : "s");
	*out = cJSON_ParseWithLengthOpts(r->raw.data, r->raw.len, &end, 0);
	if (*out)
		return 1;
	buf_addf(&where, "at byte %zu", end && end >= r->raw.data
		 ? (size_t)(end - r->raw.data) + 1 : (size_t)1);
	bad_line(s, r->line, "bad JSON ", where.data);
	buf_release(&where);
	return -1;
}

static int is_blank_line(const struct buf *b)
{
	size_t i;
	for (i = 0; i < b->len; i++)
		if (b->data[i] != ' ' && b->data[i] != '\t' && b->data[i] != '\r' && b->data[i] != '\n')
			return 0;
	return 1;
}

/* The next line that is not blank, moved into r without a copy. */
static int read_jsonl_record(struct source *s, struct source_record *r)
{
	int status;
	struct buf swap;

	do {
		if (s->have_first) {
			s->have_first = 0;
			status = s->first_status;
		} else {
			status = read_line(s);
		}
	} while (status == 1 && is_blank_line(&s->linebuf));
	if (status == 0)
		return 0;
	swap = r->raw;
	r->raw = s->linebuf;
	s->linebuf = swap;
	r->line = s->line;
	r->status = status;
	return 1;
}

static int decode_jsonl_record(const struct source *s, struct source_record *r,
			       struct article *a, char **text, size_t *len)
{
	cJSON *obj;
	int status = parse_record(s, r, &obj);

	if (status != 1)
		return status;
	status = article_from_json(s, r->line, 0, &r->raw, obj, a, text, len);
	cJSON_Delete(obj);
	return status;
}

/*
 * CSV: the record's fields as a JSON object of strings, read by
 * article_from_json, so that CSV and JSON Lines have one set of rules. An
 * empty cell is a field not given (a spreadsheet has no null): an empty id
 * gets the default id, an empty text gives way to an html cell.
 */
static int csv_skip_cell(const struct source *s, const char *name, const char *v)
{
	size_t i;

	if (*v)
		return 0;
	if (!strcmp(name, "id") || !strcmp(name, "outlet") || !strcmp(name, "date") ||
	    !strcmp(name, "title"))
		return 1;
	if (strcmp(name, "text"))
		return 0;
	for (i = 0; i < s->ncsv; i++)
		if (!strcmp(s->csv_names[i], "html"))
			return 1;
	return 0;
}

static int decode_csv_record(const struct source *s, struct source_record *r,
			     struct article *a, char **text, size_t *len)
{
	cJSON *obj = cJSON_CreateObject();
	const char *p = r->raw.data;
	size_t i;
	int status;

	for (i = 0; i < s->ncsv; i++) {
		size_t n = strlen(p);
		if (!csv_skip_cell(s, s->csv_names[i], p))
			cJSON_AddItemToObject(obj, s->csv_names[i], cJSON_CreateString(p));
		p += n + 1;
	}
	status = article_from_json(s, r->line, r->recno, NULL, obj, a, text, len);
	cJSON_Delete(obj);
	return status;
}

/*
 * A spreadsheet's header is written by hand: Text, Outlet, ID are the
 * fields text, outlet, id (and Lang the lang column), written lowercase.
 */
static void csv_lower_known(char *n)
{
	static const char *const known[] = { "id", "outlet", "date", "title", "text", "html",
		"lang" };
	size_t i;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (!strcasecmp(n, known[i]))
			memcpy(n, known[i], strlen(known[i]));
}

/* Why a header names no text: a delimiter other than the one given, when it shows. */
static int csv_no_text(const struct source *s)
{
	size_t i;

	for (i = 0; i < s->ncsv; i++) {
		if (strchr(s->csv_names[i], ';'))
			return error("%s:1: the header names no 'text' or 'html' column; it holds "
				     "';': try --delimiter ';'", s->name);
		if (strchr(s->csv_names[i], '\t'))
			return error("%s:1: the header names no 'text' or 'html' column; it holds a "
				     "tab: try --delimiter tab", s->name);
	}
	return error("%s:1: the header names no 'text' or 'html' column", s->name);
}

/* Refuses a header without text or html or outlet, or naming a field twice or not at all. */
static int csv_check_header(struct source *s)
{
	size_t i, j, alloc = 0;
	int text = 0, outlet = 0;

	if (!s->ncsv)
		return error("%s: no header (text, outlet, ...)", s->name);
	for (i = 0; i < s->ncsv; i++) {
		char *n = s->csv_names[i];
		csv_lower_known(n);
		if (!*n)
			return error("%s:1: column %zu of the header has no name", s->name, i + 1);
		for (j = 0; j < i; j++)
			if (!strcmp(n, s->csv_names[j]))
				return error("%s:1: the header names '%s' twice", s->name, n);
		text |= !strcmp(n, "text") || !strcmp(n, "html");
		outlet |= !strcmp(n, "outlet");
		if (!is_known_field(n)) {
			ALLOC_GROW(s->extra_names, s->nextra + 1, alloc);
			s->extra_names[s->nextra++] = xstrdup(n);
		}
	}
	if (!text)
		return csv_no_text(s);
	if (!outlet)
		return error("%s:1: the header names no 'outlet' column", s->name);
	return 0;
}

/* A source reading the stream f (JSON Lines or CSV): its size and start when a regular file. */
static struct source *source_stream(FILE *f, const char *name, size_t max_article_bytes)
{
	struct source *s = source_new(max_article_bytes);
	struct stat st;

	s->f = f;
	s->name = name;
	s->label = name;
	s->start = -1;
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode)) {
		s->total = (uint64_t)st.st_size;
		s->start = ftello(f);
	}
	return s;
}

struct source *source_csv(FILE *f, const char *name, char delim, size_t max_article_bytes)
{
	struct source *s = source_stream(f, name, max_article_bytes);

	/* A record holds an article and its other fields: the limit of a JSON line. */
	s->csv = csvin_open(f, name, (unsigned char)(delim ? delim : ','), s->max_bytes + 4096);
	s->csv_names = csvin_names(s->csv, &s->ncsv);
	if (csv_check_header(s) < 0) {
		source_free(s);
		return NULL;
	}
	s->lang_col = extra_index(s, "lang");
	return s;
}

static int read_csv_record(struct source *s, struct source_record *r)
{
	int status = csvin_next(s->csv, &r->raw, &r->line);

	r->recno = csvin_record(s->csv);

	s->consumed = csvin_bytes_read(s->csv);
	r->status = status;
	return status;
}

int source_file(const char *path, struct article *a, char **text, size_t *len)
{
	memset(a, 0, sizeof(*a));
	*text = read_file(path, len);
	if (!*text)
		return error("%s: %s", path, strerror(errno));
	a->id = xstrdup(path);
	a->outlet = xstrdup("");
	a->date = xstrdup("");
	a->title = xstrdup("");
	a->file = xstrdup(path);
	a->path = xstrdup(path);
	a->size = *len;
	a->extra = xcalloc(1, sizeof(*a->extra));
	if (htmlpage_is_html_name(path))
		decode_page(a, text, len, 1);
	return 0;
}

struct source *source_jsonl(FILE *f, const char *name, size_t max_article_bytes)
{
	struct source *s = source_stream(f, name, max_article_bytes);
	cJSON *obj;

	/* Read the first article ahead: its fields name the extra columns. */
	do
		s->first_status = read_line(s);
	while (s->first_status == 1 && is_blank_line(&s->linebuf));
	s->have_first = 1;
	if (s->first_status == 1) {
		obj = cJSON_ParseWithLength(s->linebuf.data, s->linebuf.len);
		if (cJSON_IsObject(obj))
			learn_columns(s, obj);
		cJSON_Delete(obj);
	}
	s->lang_col = extra_index(s, "lang");
	return s;
}

void source_keep_markup(struct source *s)
{
	s->keep_markup = 1;
}

void source_free(struct source *s)
{
	size_t i;
	if (!s)
		return;
	for (i = 0; i < s->nextra; i++)
		free(s->extra_names[i]);
	free(s->extra_names);
	buf_release(&s->linebuf);
	buf_release(&s->own_label);
	csvin_free(s->csv);
	ids_free(s->ids);
	source_record_release(&s->record);
	if (s->own_corpus) {
		corpus_release(s->own_corpus);
		free(s->own_corpus);
	}
	if (s->own_file)
		fclose(s->own_file);
	warcin_free(s->warc);
	free(s);
}

struct source *source_open(const struct source_options *o)
{
	struct source *s;
	FILE *f;

	if (o->warc.files.n) {
		struct warcin *w = warcin_open(&o->warc, source_max_bytes(o->max_bytes));
		if (!w)
			return NULL;
		s = source_new(o->max_bytes);
		s->warc = w;
		s->label = o->warc.files.items[0];
		if (o->warc.files.n > 1) {
			/* A summary names them all, not the first only. */
			buf_addf(&s->own_label, "%s and %zu other WARC file%s", s->label,
				 o->warc.files.n - 1, o->warc.files.n == 2 ? "" : "s");
			s->label = s->own_label.data;
		}
		s->lang_col = -1;
		return s;
	}
	if (!o->jsonl) {
		struct corpus *c = xcalloc(1, sizeof(*c));
		if (corpus_load(o->dir, c) < 0) {
			corpus_release(c);
			free(c);
			return NULL;
		}
		s = source_corpus(c, o->max_bytes);
		s->own_corpus = c;
		if (check_corpus_ids(s) < 0) {
			source_free(s);
			return NULL;
		}
		return s;
	}
	if (!strcmp(o->jsonl, "-"))
		return o->csv ? source_csv(stdin, "stdin", o->delim, o->max_bytes)
			      : source_jsonl(stdin, "stdin", o->max_bytes);
	f = fopen(o->jsonl, "rb");
	if (!f) {
		error("%s: %s", o->jsonl, strerror(errno));
		return NULL;
	}
	s = o->csv ? source_csv(f, o->jsonl, o->delim, o->max_bytes)
		   : source_jsonl(f, o->jsonl, o->max_bytes);
	if (!s) {
		fclose(f);
		return NULL;
	}
	s->own_file = f;
	return s;
}

const char *source_name(const struct source *s)
{
	return s->label;
}

/* Index of extra column name, or -1. */
static long extra_index(const struct source *s, const char *name)
{
	size_t n, i;
	char *const *names = source_extra_names(s, &n);

	for (i = 0; i < n; i++)
		if (!strcmp(names[i], name))
			return (long)i;
	return -1;
}

static const char *const fixed_columns[] = { "id", "outlet", "date", "title", "file" };
#define NFIXED (sizeof(fixed_columns) / sizeof(fixed_columns[0]))

int source_has_column(const struct source *s, const char *name)
{
	size_t i;

	for (i = 0; i < NFIXED; i++)
		if (!strcmp(name, fixed_columns[i]))
			return 1;
	return extra_index(s, name) >= 0;
}

const char *source_column(const struct source *s, const struct article *a, const char *name)
{
	long x;

	if (!strcmp(name, "id"))
		return a->id;
	if (!strcmp(name, "outlet"))
		return a->outlet;
	if (!strcmp(name, "date"))
		return *a->date ? a->date : "NA";
	if (!strcmp(name, "title"))
		return a->title;
	if (!strcmp(name, "file"))
		return a->file;
	x = extra_index(s, name);
	return x < 0 ? NULL : a->extra[x];
}

const char *source_lang(const struct source *s, const struct article *a)
{
	/* Asked once per article on every thread: the column is looked up once. */
	return s->lang_col < 0 ? NULL : a->extra[s->lang_col];
}

int source_rewindable(const struct source *s)
{
	return s->corpus || s->warc || s->start >= 0;
}

int source_rewind(struct source *s)
{
	if (s->warc) {
		warcin_rewind(s->warc);
	} else if (s->corpus) {
		s->next = 0;
	} else if (s->csv) {
		if (s->start < 0 || csvin_rewind(s->csv) < 0)
			return error("%s: cannot be read a second time", s->label);
	} else {
		if (s->start < 0 || fseeko(s->f, s->start, SEEK_SET) != 0)
			return error("%s: cannot be read a second time", s->label);
		s->rpos = s->rlen = 0;
		s->line = 0;
		s->have_first = 0;
	}
	s->consumed = 0;
	/* A second pass reads the same ids again: they are no repeats. */
	ids_free(s->ids);
	s->ids = NULL;
	return 0;
}

char *const *source_extra_names(const struct source *s, size_t *n)
{
	if (s->warc)
		return warcin_extra_names(s->warc, n);
	if (s->corpus) {
		*n = s->corpus->nextra;
		return s->corpus->extra_names;
	}
	*n = s->nextra;
	return s->extra_names;
}

uint64_t source_total_bytes(const struct source *s)
{
	return s->warc ? warcin_total_bytes(s->warc) : s->total;
}

uint64_t source_bytes_read(const struct source *s)
{
	return s->warc ? warcin_bytes_read(s->warc) : s->consumed;
}

/* Where a's fields come from, for messages: a manifest's or JSON Lines' FILE:LINE, else its file. */
static void article_where(const struct source *s, const struct article *a, struct buf *b)
{
	if (s->corpus && s->corpus->manifest && a->line)
		buf_addf(b, "%s:%zu", s->corpus->manifest, a->line);
	else
		buf_adds(b, a->path);
}

static int too_long(const struct source *s, const struct article *a, const char *what,
		    const char *value, size_t max)
{
	size_t len = strlen(value);
	struct buf where = BUF_INIT;

	if (len <= max)
		return 0;
	article_where(s, a, &where);
	error("%s: %s of %zu bytes, more than %zu; skipped", buf_str(&where), what, len, max);
	buf_release(&where);
	return 1;
}

/* Whether a's id, outlet, title or an extra field is over its limit (after a message). */
static int over_limits(const struct source *s, const struct article *a)
{
	size_t n, i;
	char *const *names = source_extra_names(s, &n);
	struct buf what = BUF_INIT;
	int over = too_long(s, a, "id", a->id, SOURCE_MAX_ID_BYTES) ||
		   too_long(s, a, "outlet", a->outlet, SOURCE_MAX_OUTLET_BYTES) ||
		   too_long(s, a, "title", a->title, SOURCE_MAX_FIELD_BYTES);

	for (i = 0; i < n && !over; i++) {
		buf_reset(&what);
		buf_addf(&what, "column '%s'", names[i]);
		over = too_long(s, a, what.data, a->extra[i], SOURCE_MAX_FIELD_BYTES);
	}
	buf_release(&what);
	return over;
}

struct source_id {
	char *shown;		/* the id as scores.tsv writes it */
	const struct article *a;
};

static int cmp_source_id(const void *x, const void *y)
{
	const struct source_id *a = x, *b = y;
	int c = strcmp(a->shown, b->shown);
	return c ? c : (a->a > b->a) - (a->a < b->a);
}

/*
 * Refuses a corpus two of whose articles have one id as scores.tsv writes
 * it, naming both: folders "Tab<TAB>Out" and "Tab Out", manifest ids "a b"
 * and "a<VT>b", a folder's x.txt and x.html (both OUTLET/x). framing stats
 * would keep one and drop the other. The article list is in memory
 * already; a JSON Lines stream refuses ids that would change instead.
 */
static int check_corpus_ids(const struct source *s)
{
	const struct corpus *c = s->corpus;
	struct source_id *ids = xmalloc((c->n ? c->n : 1) * sizeof(*ids));
	struct buf b = BUF_INIT, w1 = BUF_INIT, w2 = BUF_INIT;
	size_t i;
	int bad = 0;

	for (i = 0; i < c->n; i++) {
		buf_reset(&b);
		buf_add_tsv_field(&b, c->articles[i].id, strlen(c->articles[i].id));
		ids[i].shown = buf_detach(&b);
		ids[i].a = &c->articles[i];
	}
	sort_array(ids, c->n, sizeof(*ids), cmp_source_id);
	for (i = 1; i < c->n; i++) {
		if (strcmp(ids[i].shown, ids[i - 1].shown))
			continue;
		buf_reset(&w1);
		buf_reset(&w2);
		article_where(s, ids[i - 1].a, &w1);
		article_where(s, ids[i].a, &w2);
		bad = error("%s: id '%s' is also the id of %s (ids compare as scores.tsv writes "
			    "them)", buf_str(&w2), ids[i].shown, buf_str(&w1));
	}
	for (i = 0; i < c->n; i++)
		free(ids[i].shown);
	free(ids);
	buf_release(&w1);
	buf_release(&w2);
	return bad;
}

/*
 * Ids given twice in one stream (trial of issue 18, finding 9): scores.tsv
 * had two rows of one id and stats kept the first with a warning. The
 * reading thread, which sees the lines in order, keeps a 64-bit hash of
 * each id given (FNV-1a, finished by a mixer, so neighbouring ids spread)
 * and the line it came from: 12 bytes a slot, at most 80% full, so 15 to
 * 30 bytes an article and no ids in memory. The later line is refused as
 * its article is decoded, naming both lines. Two ids of one hash would be
 * taken for one: about one chance in 3 * 10^5 with ten million ids. The
 * table stops growing at 2^24 slots (201 MB, 13,421,772 ids); ids after
 * that are not checked, which a warning says. Articles without an id get
 * one made of their content (default_id): equal copies of an article get
 * equal ids, one article to stats as before, so only ids given are checked.
 */
#define SOURCE_IDS_MAX_SLOTS (1UL << 24)

struct source_ids {
	uint64_t *hash;		/* 0: an empty slot */
	uint32_t *line;		/* UINT32_MAX when the line number is larger */
	size_t n, cap;
	int full;		/* the table reached its limit */
};

static uint64_t ids_hash(const char *id, size_t len)
{
	uint64_t h = hash_fnv(id, len);

	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h ? h : 1;
}

static void ids_free(struct source_ids *t)
{
	if (!t)
		return;
	free(t->hash);
	free(t->line);
	free(t);
}

/* The slot of h: its own or the empty one where it would go. */
static size_t ids_slot(const struct source_ids *t, uint64_t h)
{
	size_t i = (size_t)h & (t->cap - 1);

	while (t->hash[i] && t->hash[i] != h)
		i = (i + 1) & (t->cap - 1);
	return i;
}

static void ids_grow(struct source_ids *t)
{
	struct source_ids old = *t;
	size_t i;

	t->cap = old.cap ? old.cap * 2 : 1024;
	t->hash = xcalloc(t->cap, sizeof(*t->hash));
	t->line = xcalloc(t->cap, sizeof(*t->line));
	for (i = 0; i < old.cap; i++)
		if (old.hash[i]) {
			size_t k = ids_slot(t, old.hash[i]);
			t->hash[k] = old.hash[i];
			t->line[k] = old.line[i];
		}
	free(old.hash);
	free(old.line);
}

/* The line that gave id first, or 0 after noting that this line does. */
static size_t ids_seen(struct source *s, const char *id, size_t len, size_t line)
{
	struct source_ids *t = s->ids;
	uint64_t h = ids_hash(id, len);
	size_t k;

	if (!t)
		t = s->ids = xcalloc(1, sizeof(*t));
	if (!t->cap)
		ids_grow(t);
	k = ids_slot(t, h);
	if (t->hash[k])
		return t->line[k] == UINT32_MAX ? (size_t)UINT32_MAX : t->line[k];
	if ((t->n + 1) * 5 > t->cap * 4) {
		if (t->cap >= SOURCE_IDS_MAX_SLOTS) {
			if (!t->full)
				warning("%s: more than %zu ids: the ids after line %zu are not "
					"checked for repeats", s->label, t->n, line);
			t->full = 1;
			return 0;
		}
		ids_grow(t);
		k = ids_slot(t, h);
	}
	t->hash[k] = h;
	t->line[k] = line < UINT32_MAX ? (uint32_t)line : UINT32_MAX;
	t->n++;
	return 0;
}

/* Whether the JSON string at [p, end) (its quotes included) escapes half a surrogate pair. */
static int json_lone_surrogate(const char *p, const char *end)
{
	unsigned v, w;

	for (; p < end; p++) {
		if (*p != '\\')
			continue;
		if (p + 1 < end && p[1] == 'u' && hex4(p + 2, end, &v) && v >= 0xD800 && v <= 0xDFFF) {
			if (v <= 0xDBFF && end - p >= 12 && p[6] == '\\' && p[7] == 'u'
			    && hex4(p + 8, end, &w) && w >= 0xDC00 && w <= 0xDFFF) {
				p += 11;
				continue;
			}
			return 1;
		}
		p++;
	}
	return 0;
}

/*
 * The id given on a JSON Lines line, as article_from_json will read it:
 * a string's text (unescaped by cJSON when it holds escapes), a number's
 * digits as written; 0 when there is none or it is not one of those.
 */
static int jsonl_id(struct source_record *r, struct buf *id)
{
	const char *vs, *ve;

	if (!json_member(r->raw.data, r->raw.data + r->raw.len, "id", &vs, &ve) || vs == ve)
		return 0;
	if (*vs == '-' || (*vs >= '0' && *vs <= '9')) {
		buf_add(id, vs, (size_t)(ve - vs));
		return 1;
	}
	if (*vs != '"' || ve - vs < 2)
		return 0;
	if (!memchr(vs, '\\', (size_t)(ve - vs))) {
		buf_add(id, vs + 1, (size_t)(ve - vs) - 2);
		return 1;
	}
	if (json_lone_surrogate(vs, ve)) {
		r->id_lone = 1;
		return 0;
	} else {
		cJSON *v = cJSON_ParseWithLength(vs, (size_t)(ve - vs));
		int ok = cJSON_IsString(v);
		if (ok)
			buf_adds(id, v->valuestring);
		cJSON_Delete(v);
		return ok;
	}
}

/* Notes the id of a JSON Lines or CSV record just read, and whether an earlier line gave it. */
static void note_id(struct source *s, struct source_record *r)
{
	struct buf id = BUF_INIT;
	int have = 0;

	r->id_first = 0;
	r->id_lone = 0;
	if (r->status != 1)
		return;
	if (s->csv) {
		const char *p = r->raw.data;
		size_t i;
		for (i = 0; i < s->ncsv; i++) {
			size_t n = strlen(p);
			if (!strcmp(s->csv_names[i], "id")) {
				buf_add(&id, p, n);
				have = n > 0;
				break;
			}
			p += n + 1;
		}
	} else {
		have = jsonl_id(r, &id);
	}
	if (have)
		r->id_first = ids_seen(s, id.data, id.len, r->line);
	buf_release(&id);
}

int source_read(struct source *s, struct source_record *r)
{
	int got;

	if (s->warc) {
		/* Framed, decoded to UTF-8 and filtered in this thread; parsed by source_decode. */
		free(r->text);
		r->text = NULL;
		r->line = 0;
		r->status = warcin_read(s->warc, &r->a, &r->text, &r->len, &r->html);
		return r->status;
	}
	if (s->corpus) {
		int status;
		memset(&r->a, 0, sizeof(r->a));
		r->text = NULL;
		r->len = 0;
		status = next_from_corpus(s, &r->a, &r->text, &r->len);
		r->status = status;
		return status;
	}
	got = s->csv ? read_csv_record(s, r) : read_jsonl_record(s, r);
	if (got > 0)
		note_id(s, r);
	return got;
}

/*
 * Outlet names that differ only by invisible characters ("Reuters" and
 * "Reuters<U+200B>", a BOM or a word joiner pasted in) looked alike and
 * were five groups: the characters text leaves out of words are left out
 * of outlets too, in every form of input, so they are one group. An
 * outlet of nothing else refuses its article. -1 after a message.
 */
static int strip_outlet(struct article *a)
{
	const unsigned char *p;

	if (!a->outlet)
		return 0;
	for (p = (const unsigned char *)a->outlet; *p && *p < 0x80; p++)
		;
	if (!*p)
		return 0;	/* ASCII, as most outlets are */
	text_strip_invisible(a->outlet);
	if (!*a->outlet)
		return error("%s: the outlet is only invisible characters; skipped",
			     a->path ? a->path : "?");
	return 0;
}

/*
 * A WARC page (warcin.c read it): the page's own title and date, else
 * WARC-Date; an id that scores.tsv could not write as it is is refused,
 * as a JSON Lines id is.
 */
static int decode_warc_record(const struct source *s, const struct source_record *r,
			      struct article *a, char **text, size_t *len)
{
	char *warc_date = a->date;

	if (!shown_as_is(a->id)) {
		size_t n;
		unprintable_id(a->path, a->id);
		source_extra_names(s, &n);
		article_release(a, n);
		free(*text);
		*text = NULL;
		return -1;
	}
	if (!r->html)
		return 0;
	a->date = xstrdup("");
	if (s->keep_markup) {
		/*
		 * framing import writes the page itself, but with the title and
		 * date the page gives, so that the imported folder scores as the
		 * WARC does.
		 */
		char *raw = xstrndup(*text, *len);
		size_t rawlen = *len;
		decode_page(a, text, len, 0);
		htmlpage_release(a->page);
		free(a->page);
		a->page = NULL;
		free(*text);
		*text = raw;
		*len = rawlen;
		a->markup = 1;
	} else {
		decode_page(a, text, len, 0);
	}
	if (*a->date) {
		free(warc_date);
	} else {
		free(a->date);
		a->date = warc_date;
	}
	return 0;
}

int source_decode(const struct source *s, struct source_record *r, struct article *a,
		  char **text, size_t *len)
{
	memset(a, 0, sizeof(*a));
	*text = NULL;
	*len = 0;
	if (s->corpus) {
		/* Read whole by source_read: hand it over. */
		*a = r->a;
		*text = r->text;
		*len = r->len;
		memset(&r->a, 0, sizeof(r->a));
		r->text = NULL;
		/* Parsed here, in the worker threads, not by the one that reads. */
		if (htmlpage_is_html_name(a->path))
			decode_page(a, text, len, 1);
	} else if (s->csv) {
		if (decode_csv_record(s, r, a, text, len) < 0)
			return -1;
	} else if (s->warc) {
		*a = r->a;
		*text = r->text;
		*len = r->len;
		memset(&r->a, 0, sizeof(r->a));
		r->text = NULL;
		if (decode_warc_record(s, r, a, text, len) < 0)
			return -1;
	} else if (r->id_lone) {
		return error("%s:%zu: id holds a lone surrogate escape (\\ud800-\\udfff), "
			     "which scores.tsv cannot write as it is; skipped", s->name, r->line);
	} else if (decode_jsonl_record(s, r, a, text, len) < 0) {
		return -1;
	}
	if (r->id_first && !s->corpus && !s->warc) {
		size_t n;
		if (r->id_first == UINT32_MAX)
			error("%s:%zu: id '%s' given again (first on an earlier line): "
			      "each article needs its own id; skipped", s->name, r->line, a->id);
		else
			error("%s:%zu: id '%s' given again (first on line %zu): "
			      "each article needs its own id; skipped", s->name, r->line, a->id,
			      r->id_first);
		source_extra_names(s, &n);
		article_release(a, n);
		free(*text);
		*text = NULL;
		*len = 0;
		return -1;
	}
	if (strip_outlet(a) < 0 || over_limits(s, a)) {
		size_t n;
		source_extra_names(s, &n);
		article_release(a, n);
		free(*text);
		*text = NULL;
		*len = 0;
		return -1;
	}
	return 1;
}

void source_record_release(struct source_record *r)
{
	buf_release(&r->raw);
	free(r->text);
	r->text = NULL;
}

int source_next(struct source *s, struct article *a, char **text, size_t *len)
{
	int status = source_read(s, &s->record);

	if (status <= 0) {
		memset(a, 0, sizeof(*a));
		*text = NULL;
		*len = 0;
		return status;
	}
	return source_decode(s, &s->record, a, text, len);
}
