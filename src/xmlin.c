/* News articles in XML files (see xmlin.h). */
#include "xmlin.h"

#include <errno.h>
#include <limits.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "charset.h"
#include "fsutil.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

int xmlin_fields_parse(const char *spec, struct xmlin_fields *f)
{
	const char *c1 = strchr(spec, ','), *c2 = c1 ? strchr(c1 + 1, ',') : NULL;

	memset(f, 0, sizeof(*f));
	if (!c1 || !c2 || strchr(c2 + 1, ',') || c1 == spec || c2 == c1 + 1 || !c2[1])
		return error("--xml-fields: '%s' is not three element names TITLE,BODY,DATE", spec);
	f->title = xstrndup(spec, (size_t)(c1 - spec));
	f->body = xstrndup(c1 + 1, (size_t)(c2 - c1 - 1));
	f->date = xstrdup(c2 + 1);
	return 0;
}

void xmlin_fields_release(struct xmlin_fields *f)
{
	free(f->title);
	free(f->body);
	free(f->date);
	memset(f, 0, sizeof(*f));
}

/* Where the prolog (declaration, comments, processing instructions, DOCTYPE) ends. */
static size_t prolog_end(const char *s, size_t len)
{
	size_t i = 0;
	const char *e;

	for (;;) {
		while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
			i++;
		if (i + 1 < len && s[i] == '<' && s[i + 1] == '?')
			e = strstr(s + i, "?>");
		else if (i + 3 < len && !strncmp(s + i, "<!--", 4))
			e = strstr(s + i, "-->");
		else if (i + 8 < len && !strncmp(s + i, "<!DOCTYPE", 9)) {
			const char *gt = strchr(s + i, '>'), *br = strchr(s + i, '[');
			e = br && gt && br < gt ? strstr(br, "]") : gt;
			if (e)
				e = strchr(e, '>');
			if (e) {
				i = (size_t)(e - s) + 1;
				continue;
			}
		} else {
			return i;
		}
		if (!e)
			return i;
		i = (size_t)(strchr(e, '>') - s) + 1;
	}
}

static int is_name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}

static int is_name_char(char c)
{
	return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

/* Whether the & at p (< end) starts an entity reference "&name;". */
static int starts_entity(const char *p, const char *end)
{
	const char *q = p + 1;

	if (q >= end || !is_name_start(*q))
		return 0;
	while (q < end && is_name_char(*q))
		q++;
	return q < end && *q == ';';
}

/*
 * Copies s into b without character references to what XML 1.0 cannot
 * hold (&#2; and &#3; start and end every Reuters-21578 text), and with a
 * bare & (Reuters' AT&T, S&P) written &amp;: libxml2 recovers from both,
 * but drops the & and the letters after it (AT&T read as AT) and then
 * leaves out the entities that follow (&lt;PORT&gt; read as PORT).
 */
static void add_without_bad_refs(struct buf *b, const char *s, size_t len)
{
	const char *end = s + len, *p;

	while ((p = memchr(s, '&', (size_t)(end - s)))) {
		const char *q = p + 2;
		unsigned long v = 0;
		int hex = q < end && (*q == 'x' || *q == 'X'), digits = 0;

		if (p + 1 >= end || p[1] != '#') {
			buf_add(b, s, (size_t)(p - s) + 1);
			if (!starts_entity(p, end))
				buf_adds(b, "amp;");
			s = p + 1;
			continue;
		}
		for (q += hex; q < end && digits < 8; q++, digits++) {
			int d = *q >= '0' && *q <= '9' ? *q - '0'
				: hex && *q >= 'a' && *q <= 'f' ? *q - 'a' + 10
				: hex && *q >= 'A' && *q <= 'F' ? *q - 'A' + 10 : -1;
			if (d < 0)
				break;
			v = v * (hex ? 16 : 10) + (unsigned long)d;
		}
		buf_add(b, s, (size_t)(p - s));
		if (digits && q < end && *q == ';' && v < 32 && v != 9 && v != 10 && v != 13) {
			s = q + 1;	/* dropped */
		} else {
			buf_adds(b, digits && q < end && *q == ';' ? "&" : "&amp;");
			s = p + 1;
		}
	}
	buf_add(b, s, (size_t)(end - s));
}

/* In any case: --xml-fields title,body,date finds Reuters' TITLE, BODY, DATE. */
static int is_name(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && !strcasecmp((const char *)n->name, name);
}

/* The first element named name in n's subtree, n aside; NULL when none. */
static const xmlNode *find(const xmlNode *n, const char *name)
{
	const xmlNode *c, *r;

	for (c = n->children; c; c = c->next) {
		if (is_name(c, name))
			return c;
		if (c->type == XML_ELEMENT_NODE && (r = find(c, name)))
			return r;
	}
	return NULL;
}

/* Paragraph elements of NITF, NewsML and HTML in XML: a line of their own. */
static int is_block(const xmlNode *n)
{
	static const char *const blocks[] = { "p", "para", "br", "div", "li", "hl1", "hl2",
		"h1", "h2", "h3", "h4", "h5", "h6", "block", "blockquote" };
	size_t i;

	for (i = 0; i < sizeof(blocks) / sizeof(blocks[0]); i++)
		if (is_name(n, blocks[i]))
			return 1;
	return 0;
}

static void add_text(const xmlNode *n, struct buf *b)
{
	const xmlNode *c;

	for (c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			buf_adds(b, (const char *)c->content);
		} else if (c->type == XML_ELEMENT_NODE) {
			int block = is_block(c);
			if (block && b->len && b->data[b->len - 1] != '\n')
				buf_addch(b, '\n');
			add_text(c, b);
			if (block && b->len && b->data[b->len - 1] != '\n')
				buf_addch(b, '\n');
		}
	}
}

/* A title or a date: its text on one line, white space collapsed, trimmed. */
static void add_line(const xmlNode *n, struct buf *b)
{
	struct buf raw = BUF_INIT;
	size_t i;
	int space = 0;

	if (n)
		add_text(n, &raw);
	for (i = 0; i < raw.len; i++) {
		char ch = raw.data[i];
		if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') {
			space = b->len > 0;
			continue;
		}
		if (space)
			buf_addch(b, ' ');
		space = 0;
		buf_addch(b, ch);
	}
	buf_release(&raw);
}

static long each_article(const xmlNode *root, const struct xmlin_fields *f,
			 int (*fn)(void *ctx, const struct xmlin_article *a), void *ctx)
{
	const xmlNode *c;
	struct buf title = BUF_INIT, text = BUF_INIT, date = BUF_INIT;
	struct xmlin_article a;
	size_t count = 0;

	/* Each element at the top of the file is an article: a NewsML file's one, Reuters' many. */
	for (c = root->children; c; c = c->next)
		count += c->type == XML_ELEMENT_NODE;
	memset(&a, 0, sizeof(a));
	a.count = count;
	for (c = root->children; c; c = c->next) {
		const xmlNode *body, *tn, *dn;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		body = is_name(c, f->body) ? c : find(c, f->body);
		tn = is_name(c, f->title) ? c : find(c, f->title);
		dn = is_name(c, f->date) ? c : find(c, f->date);
		buf_reset(&title);
		buf_reset(&text);
		buf_reset(&date);
		add_line(tn, &title);
		add_line(dn, &date);
		a.has_title = tn != NULL;
		a.has_body = body != NULL;
		a.has_date = dn != NULL;
		if (body)
			add_text(body, &text);
		a.title = buf_str(&title);
		a.text = buf_str(&text);
		a.date = buf_str(&date);
		if (fn(ctx, &a))
			break;
		a.index++;
	}
	buf_release(&title);
	buf_release(&text);
	buf_release(&date);
	return (long)a.count;
}

/*
 * A file without an encoding declaration is UTF-8 to XML; Reuters-21578's
 * .sgm files are Latin-1 without one (a u with umlaut read as U+FFFD). As
 * charset.c reads an unlabelled page: UTF-8 when it is valid UTF-8, else
 * windows-1252. Returns data, or its replacement in UTF-8.
 */
static char *undeclared_to_utf8(char *data, size_t *len)
{
	struct buf out = BUF_INIT;
	struct offmap map = OFFMAP_INIT;
	const char *close = *len > 5 && !strncmp(data, "<?xml", 5) ? strstr(data, "?>") : NULL;
	const char *enc = close ? strstr(data, "encoding") : NULL;
	size_t replaced = 0;

	if ((enc && enc < close) || !*len)
		return data;	/* declared: libxml2 reads it */
	charset_to_utf8(data, *len, NULL, &out, &map, &replaced);
	offmap_release(&map);
	free(data);
	*len = out.len;
	return buf_detach(&out);
}

long xmlin_read(const char *path, const struct xmlin_fields *f, size_t max_bytes,
		int (*fn)(void *ctx, const struct xmlin_article *a), void *ctx)
{
	struct buf doc = BUF_INIT;
	struct stat st;
	size_t len, at;
	char *data;
	xmlDoc *d;
	long n;

	if (stat(path, &st) == 0 && max_bytes && (size_t)st.st_size > max_bytes)
		return error("%s: %lld bytes, more than --max-article-bytes %zu; skipped", path,
			     (long long)st.st_size, max_bytes);
	data = read_file(path, &len);
	if (!data)
		return error("%s: %s", path, strerror(errno));
	data = undeclared_to_utf8(data, &len);
	/*
	 * Reuters-21578 writes many <REUTERS> elements to a file with no root
	 * around them, which XML refuses: every file gets one, after its
	 * prolog (so that its declaration still names its encoding).
	 */
	at = prolog_end(data, len);
	buf_add(&doc, data, at);
	buf_adds(&doc, "<framing-import>");
	add_without_bad_refs(&doc, data + at, len - at);
	buf_adds(&doc, "</framing-import>");
	free(data);
	if (doc.len > INT_MAX) {
		buf_release(&doc);
		return error("%s: too large for the XML parser", path);
	}
	d = xmlReadMemory(doc.data, (int)doc.len, path, NULL,
			  XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
			  XML_PARSE_NOWARNING);
	buf_release(&doc);
	if (!d || !xmlDocGetRootElement(d)) {
		xmlFreeDoc(d);
		return error("%s: not XML that can be read", path);
	}
	n = each_article(xmlDocGetRootElement(d), f, fn, ctx);
	xmlFreeDoc(d);
	return n;
}
