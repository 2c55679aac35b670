/*
 * Web pages into lines (see htmlpage.h): the page is converted to UTF-8
 * (charset.c), parsed by libxml2's HTML parser through SAX callbacks, and
 * its text gathered block by block with white space collapsed as a
 * browser does, each byte's place in the file kept.
 */
#define _GNU_SOURCE	/* memrchr */
#include "htmlpage.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "charset.h"
#include "date.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

/*
 * libxml2 looks for the opening tag of every end tag it cannot match down
 * its whole stack of open elements, so stray end tags under deep nesting
 * cost depth x tags. The parse stops, with a message, when that work
 * passes this many steps (a second or so); real pages stay far below.
 */
#define MAX_NESTING_WORK 100000000UL
/* At most this much of <title>, og:title and a JSON-LD block is kept. */
#define MAX_META_TEXT 4096
#define MAX_JSONLD_TEXT (256 * 1024)

enum {
	E_BLOCK = 1,		/* starts and ends a line */
	E_SKIP = 2,		/* its content is not text (script, style, ...) */
	E_SECTION = 4,		/* article, main, section: header and footer inside are the article's */
	E_LINK = 8,		/* <a>: its characters count for link density */
	E_PRE = 16,		/* keeps its white space; its line ends end lines */
	E_BREAK = 32,		/* <br>: ends the line */
};

/* Furniture: the element or ARIA role whose lines the cleaner drops, by name. */
enum context {
	CTX_NONE, CTX_NAV, CTX_HEADER, CTX_FOOTER, CTX_ASIDE, CTX_FORM, CTX_FIGCAPTION,
	CTX_BUTTON, CTX_MENU, CTX_ROLE_NAVIGATION, CTX_ROLE_BANNER, CTX_ROLE_CONTENTINFO,
	CTX_ROLE_COMPLEMENTARY, CTX_ROLE_SEARCH, CTX_ROLE_DIALOG, CTX_ROLE_ALERTDIALOG,
	CTX_ARIA_MODAL,
};

static const char *const context_names[] = {
	NULL, "nav", "header", "footer", "aside", "form", "figcaption", "button", "menu",
	"role navigation", "role banner", "role contentinfo", "role complementary", "role search",
	"role dialog", "role alertdialog", "aria-modal",
};

enum special {
	S_NONE, S_HEAD, S_TITLE, S_H1, S_META, S_TIME, S_SCRIPT, S_HEADER, S_FOOTER, S_TABLE,
	S_CODE, S_ROOT,
};

struct element {
	const char *name;
	unsigned char flags, context, special;
};

/* Sorted by name for bsearch. */
static const struct element elements[] = {
	{ "a", E_LINK, 0, 0 },
	{ "address", E_BLOCK, 0, 0 },
	{ "article", E_BLOCK | E_SECTION, 0, 0 },
	{ "aside", E_BLOCK, CTX_ASIDE, 0 },
	{ "blockquote", E_BLOCK, 0, 0 },
	{ "body", E_BLOCK, 0, S_ROOT },
	{ "br", E_BREAK, 0, 0 },
	{ "button", E_BLOCK, CTX_BUTTON, 0 },
	{ "canvas", E_SKIP, 0, 0 },
	{ "caption", E_BLOCK, 0, 0 },
	{ "center", E_BLOCK, 0, 0 },
	{ "code", 0, 0, S_CODE },
	{ "dd", E_BLOCK, 0, 0 },
	{ "details", E_BLOCK, 0, 0 },
	{ "dialog", E_BLOCK, 0, 0 },
	{ "div", E_BLOCK, 0, 0 },
	{ "dl", E_BLOCK, 0, 0 },
	{ "dt", E_BLOCK, 0, 0 },
	{ "fieldset", E_BLOCK, 0, 0 },
	{ "figcaption", E_BLOCK, CTX_FIGCAPTION, 0 },
	{ "figure", E_BLOCK, 0, 0 },
	{ "footer", E_BLOCK, 0, S_FOOTER },
	{ "form", E_BLOCK, CTX_FORM, 0 },
	{ "h1", E_BLOCK, 0, S_H1 },
	{ "h2", E_BLOCK, 0, 0 },
	{ "h3", E_BLOCK, 0, 0 },
	{ "h4", E_BLOCK, 0, 0 },
	{ "h5", E_BLOCK, 0, 0 },
	{ "h6", E_BLOCK, 0, 0 },
	{ "head", E_BLOCK, 0, S_HEAD },
	{ "header", E_BLOCK, 0, S_HEADER },
	{ "hr", E_BLOCK, 0, 0 },
	{ "html", E_BLOCK, 0, S_ROOT },
	{ "iframe", E_SKIP, 0, 0 },
	{ "legend", E_BLOCK, 0, 0 },
	{ "li", E_BLOCK, 0, 0 },
	{ "main", E_BLOCK | E_SECTION, 0, 0 },
	{ "math", E_SKIP, 0, 0 },
	{ "menu", E_BLOCK, CTX_MENU, 0 },
	{ "meta", 0, 0, S_META },
	{ "nav", E_BLOCK, CTX_NAV, 0 },
	{ "noscript", E_SKIP, 0, 0 },
	{ "object", E_SKIP, 0, 0 },
	{ "ol", E_BLOCK, 0, 0 },
	{ "option", E_BLOCK, 0, 0 },
	{ "p", E_BLOCK, 0, 0 },
	{ "pre", E_BLOCK | E_PRE, 0, 0 },
	{ "script", E_SKIP, 0, S_SCRIPT },
	{ "section", E_BLOCK | E_SECTION, 0, 0 },
	{ "select", E_BLOCK, 0, 0 },
	{ "style", E_SKIP, 0, 0 },
	{ "summary", E_BLOCK, 0, 0 },
	{ "svg", E_SKIP, 0, 0 },
	{ "table", E_BLOCK, 0, S_TABLE },
	{ "tbody", E_BLOCK, 0, 0 },
	{ "td", E_BLOCK, 0, 0 },
	{ "template", E_SKIP, 0, 0 },
	{ "textarea", E_BLOCK | E_PRE, CTX_FORM, 0 },
	{ "tfoot", E_BLOCK, 0, 0 },
	{ "th", E_BLOCK, 0, 0 },
	{ "thead", E_BLOCK, 0, 0 },
	{ "time", 0, 0, S_TIME },
	{ "title", E_BLOCK, 0, S_TITLE },
	{ "tr", E_BLOCK, 0, 0 },
	{ "ul", E_BLOCK, 0, 0 },
};

static const struct element unknown_element = { "", 0, 0, 0 };

static int cmp_element(const void *key, const void *e)
{
	return strcmp(key, ((const struct element *)e)->name);
}

static const struct element *find_element(const char *name)
{
	const struct element *e = bsearch(name, elements, sizeof(elements) / sizeof(elements[0]),
					  sizeof(elements[0]), cmp_element);
	return e ? e : &unknown_element;
}

/* One open element: what it set, to undo when it closes. */
struct frame {
	const struct element *e;
	/* The furniture in force inside it, the reason its lines are dropped: NULL none. */
	const char *why;
	unsigned char section;	/* inside article, main or section */
	unsigned char class_why;	/* why is a class or id reason */
	unsigned char skip, link, pre, head, title, jsonld, table, code;
};

struct reader {
	struct htmlpage *p;
	htmlParserCtxtPtr ctxt;
	const char *where;
	const char *utf8;	/* the page as parsed */
	size_t utf8_len;
	size_t last;		/* where the parser was after the last text */
	size_t *at;		/* per byte of a piece of text, where it came from */
	size_t at_alloc;
	struct frame *stack;
	size_t depth, stack_alloc;
	/* counts of open elements of each kind */
	size_t skip, link, pre, head, title, jsonld, table, code;
	size_t nesting_work;
	int stopped;
	/* the line being gathered */
	struct buf line;
	struct offmap line_map;	/* line byte -> byte of the UTF-8 page */
	int pending_space;
	size_t pending_at;
	const char *line_why;
	size_t line_chars, line_links;
	/* what the page says of itself */
	struct buf title_text, og_title, h1, jsonld_text;
	char *date_meta, *date_jsonld, *date_time;
	int in_h1, h1_done;
	struct buf text;
};

static size_t parser_pos(const struct reader *r)
{
	xmlParserInputPtr in = r->ctxt->input;
	if (!in || !in->cur || !in->base)
		return r->last;
	return (size_t)in->consumed + (size_t)(in->cur - in->base);
}

/* The current line, if it has text, becomes a line of the page. */
static void end_line(struct reader *r)
{
	struct htmlpage *p = r->p;
	struct clean_hint *h;
	size_t i;

	r->pending_space = 0;
	if (!r->line.len) {
		r->line_map.n = 0;
		return;
	}
	for (i = 0; i < r->line_map.n; i++)
		offmap_add(&p->text_map, r->text.len + r->line_map.runs[i].text,
			   r->line_map.runs[i].src);
	ALLOC_GROW(p->hints, p->nhints + 1, p->hints_alloc);
	h = &p->hints[p->nhints++];
	memset(h, 0, sizeof(*h));
	h->start = r->text.len;
	h->context = r->line_why;
	clean_hint_links(h, r->line_links, r->line_chars);
	if (r->in_h1 && !r->h1_done) {
		buf_add(&r->h1, r->line.data, r->line.len);
		r->h1_done = 1;
	}
	buf_add(&r->text, r->line.data, r->line.len);
	/* The line end maps to the byte after the line's last one. */
	buf_addch(&r->text, '\n');
	buf_reset(&r->line);
	r->line_map.n = 0;
	r->line_chars = r->line_links = 0;
}

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Appends s[0, n) with white space collapsed to a buffer of at most cap bytes. */
static void add_collapsed(struct buf *b, const char *s, size_t n, size_t cap)
{
	size_t i;

	for (i = 0; i < n && b->len < cap; i++) {
		if (is_space((unsigned char)s[i])) {
			if (b->len && b->data[b->len - 1] != ' ')
				buf_addch(b, ' ');
		} else {
			buf_addch(b, s[i]);
		}
	}
}

/* Adds byte c of the page at page offset at to the line. */
static void line_add(struct reader *r, unsigned char c, size_t at)
{
	if (r->pre) {
		if (c == '\n') {
			end_line(r);
			return;
		}
		if (c == '\r')
			return;
	} else if (is_space(c)) {
		if (r->line.len && !r->pending_space) {
			r->pending_space = 1;
			r->pending_at = at;
		}
		return;
	}
	if (r->pending_space) {
		offmap_add(&r->line_map, r->line.len, r->pending_at);
		buf_addch(&r->line, ' ');
		r->pending_space = 0;
	}
	if (!r->line.len) {
		r->line_why = r->depth ? r->stack[r->depth - 1].why : NULL;
		r->line_chars = r->line_links = 0;
	}
	if ((c & 0xC0) != 0x80) {
		offmap_add(&r->line_map, r->line.len, at);
		if (!is_space(c)) {
			r->line_chars++;
			r->line_links += r->link > 0;
		}
	}
	buf_addch(&r->line, (char)c);
}

/*
 * Finds where each byte of a piece of text ch[0, n) came from in the page
 * bytes [from, to) before the parser's position, walking both backwards:
 * libxml2 drops some bytes of the source (control characters), so the
 * text is a subsequence of them. Returns 0 when it is not (an entity).
 */
static int align_backwards(struct reader *r, const xmlChar *ch, size_t n, size_t from, size_t to)
{
	size_t j = n, sp = to;

	ALLOC_GROW(r->at, n + 1, r->at_alloc);
	while (j > 0) {
		j--;
		while (sp > from && (unsigned char)r->utf8[sp - 1] != ch[j])
			sp--;
		if (sp == from)
			return 0;
		r->at[j] = --sp;
	}
	return 1;
}

/*
 * Text from the parser. Where it came from: libxml2 calls this when its
 * position is just past the text, so verbatim text is the bytes before
 * that position; an entity (&amp;, &#8217;) comes alone, and all its
 * bytes map to its '&'; text the parser changed otherwise (it drops
 * control characters) is lined up with the bytes before it.
 */
static void on_text(void *ctx, const xmlChar *ch, int n)
{
	struct reader *r = ((htmlParserCtxtPtr)ctx)->_private;
	size_t pos = parser_pos(r), len = (size_t)n, base = 0, i, from;
	enum { VERBATIM, ALIGNED, AT_ONE } how;
	const char *amp;

	if (r->skip) {
		if (r->jsonld && r->jsonld_text.len < MAX_JSONLD_TEXT)
			buf_add(&r->jsonld_text, ch, len);
		r->last = pos;
		return;
	}
	if (r->title) {
		add_collapsed(&r->title_text, (const char *)ch, len, MAX_META_TEXT);
		r->last = pos;
		return;
	}
	if (r->head) {
		r->last = pos;
		return;
	}
	if (pos > r->utf8_len)
		pos = r->utf8_len;
	from = r->last < pos ? r->last : pos;
	if (pos >= len && !memcmp(r->utf8 + pos - len, ch, len)) {
		how = VERBATIM;
		base = pos - len;
	} else if (align_backwards(r, ch, len, from, pos)) {
		how = ALIGNED;
	} else {
		how = AT_ONE;
		amp = pos > from ? memrchr(r->utf8 + from, '&', pos - from) : NULL;
		base = amp ? (size_t)(amp - r->utf8) : from;
		if (!amp)
			r->p->unaligned++;
		if (base >= r->utf8_len && base)
			base = r->utf8_len - 1;
	}
	for (i = 0; i < len; i++)
		line_add(r, ch[i], how == VERBATIM ? base + i : how == ALIGNED ? r->at[i] : base);
	r->last = pos;
}

static const char *attr(const xmlChar **atts, const char *name)
{
	size_t i;

	for (i = 0; atts && atts[i]; i += 2)
		if (!strcmp((const char *)atts[i], name))
			return atts[i + 1] ? (const char *)atts[i + 1] : "";
	return NULL;
}

static int equals_ci(const char *a, const char *b)
{
	return a && !strcasecmp(a, b);
}

static enum context role_context(const char *role)
{
	static const char *const roles[] = { "navigation", "banner", "contentinfo",
					     "complementary", "search", "dialog", "alertdialog" };
	size_t i;

	for (i = 0; role && i < sizeof(roles) / sizeof(roles[0]); i++)
		if (equals_ci(role, roles[i]))
			return (enum context)(CTX_ROLE_NAVIGATION + i);
	return CTX_NONE;
}

/*
 * Class and id hints, as Mozilla Readability strips "unlikely candidates"
 * (Readability.js 0.6.0, REGEXPS.unlikelyCandidates and
 * okMaybeItsACandidate, tested case-insensitively on className + " " + id):
 * a block whose class or id holds one of these words is the page's, unless
 * they also hold one of the exceptions. Readability's lists, in its order,
 * then the words of trafilatura's OVERALL_DISCARD_XPATH (trafilatura/xpaths.py)
 * for consent layers, newsletter boxes, paywalls and share bars, which
 * Readability leaves to its scoring. No pattern holds a space, so testing
 * class and id apart finds what Readability finds in them joined.
 */
static const char *const unlikely_words[] = {
	"-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community",
	"cover-wrap", "disqus", "extra", "footer", "gdpr", "header", "legends", "menu",
	"related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social",
	"sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
	"yom-remote",
	"cookie", "consent", "newsletter", "paywall", "share",
};
static const char *const maybe_candidate_words[] = {
	"and", "article", "body", "column", "content", "main", "shadow",
};

/* Of a class or id longer than this, the rest is not looked at (a hostile page's 100 MB). */
#define MAX_HINT_ATTR 1024
/* The token shown in the reason is cut to about this many bytes. */
#define MAX_HINT_TOKEN 40

/* a[0, n) lowercased (ASCII) into out, NUL-terminated; n at most MAX_HINT_ATTR. */
static void lower_into(char *out, const char *a, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		out[i] = a[i] >= 'A' && a[i] <= 'Z' ? (char)(a[i] - 'A' + 'a') : a[i];
	out[n] = '\0';
}

static int has_word(const char *s, const char *const *words, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strstr(s, words[i]))
			return 1;
	return 0;
}

enum class_verdict { CLASS_NONE, CLASS_UNLIKELY, CLASS_MAYBE };

/*
 * What a block's class and id say: CLASS_MAYBE when they hold an exception
 * word (whatever else they hold), CLASS_UNLIKELY when they hold one of the
 * unlikely words, with *why set to the reason ("class gdpr-layer": the
 * white-space separated token that holds the word, as written) if why is
 * not NULL; an owned copy kept with the page, since hints point at it.
 */
static enum class_verdict class_hint(struct reader *r, const char *cls, const char *id,
				     const char **why)
{
	static const char *const kinds[2] = { "class", "id" };
	const char *vals[2] = { cls, id };
	char low[2][MAX_HINT_ATTR + 1];
	size_t len[2], k, i, start, end, cut;
	const char *hit = NULL;
	struct buf b = BUF_INIT;

	if (!cls && !id)
		return CLASS_NONE;
	for (k = 0; k < 2; k++) {
		len[k] = vals[k] ? strnlen(vals[k], MAX_HINT_ATTR) : 0;
		lower_into(low[k], vals[k] ? vals[k] : "", len[k]);
		if (has_word(low[k], maybe_candidate_words,
			     sizeof(maybe_candidate_words) / sizeof(maybe_candidate_words[0])))
			return CLASS_MAYBE;
	}
	for (k = 0; k < 2 && !hit; k++)
		for (i = 0; i < sizeof(unlikely_words) / sizeof(unlikely_words[0]) && !hit; i++)
			hit = strstr(low[k], unlikely_words[i]);
	if (!hit)
		return CLASS_NONE;
	if (!why)
		return CLASS_UNLIKELY;
	k--;
	start = end = (size_t)(hit - low[k]);
	while (start && !is_space((unsigned char)low[k][start - 1]))
		start--;
	while (end < len[k] && !is_space((unsigned char)low[k][end]))
		end++;
	cut = end - start;
	if (cut > MAX_HINT_TOKEN) {
		/* Cut before a UTF-8 continuation byte, never inside a character. */
		cut = MAX_HINT_TOKEN;
		while (cut && ((unsigned char)vals[k][start + cut] & 0xC0) == 0x80)
			cut--;
	}
	buf_addf(&b, "%s %.*s", kinds[k], (int)cut, vals[k] + start);
	ALLOC_GROW(r->p->reasons, r->p->nreasons + 1, r->p->reasons_alloc);
	r->p->reasons[r->p->nreasons++] = buf_detach(&b);
	*why = r->p->reasons[r->p->nreasons - 1];
	return CLASS_UNLIKELY;
}

static void keep_date(char **slot, const char *value)
{
	if (*slot || !value || strlen(value) < 10)
		return;
	*slot = xstrndup(value, 10);
	if (!date_valid(*slot)) {
		free(*slot);
		*slot = NULL;
	}
}

static void on_meta(struct reader *r, const xmlChar **atts)
{
	const char *prop = attr(atts, "property"), *name = attr(atts, "name");
	const char *content = attr(atts, "content");
	const char *key = prop ? prop : name;

	if (!key || !content)
		return;
	if (equals_ci(key, "og:title") && !r->og_title.len)
		add_collapsed(&r->og_title, content, strlen(content), MAX_META_TEXT);
	else if (equals_ci(key, "article:published_time"))
		keep_date(&r->date_meta, content);
}

static void on_start(void *ctx, const xmlChar *xname, const xmlChar **atts)
{
	struct reader *r = ((htmlParserCtxtPtr)ctx)->_private;
	const struct element *e = find_element((const char *)xname);
	struct frame *f, *up;
	enum context c = CTX_NONE, role;
	const char *why, *modal;

	/* Grown first: the frame above may move. */
	ALLOC_GROW(r->stack, r->depth + 1, r->stack_alloc);
	up = r->depth ? &r->stack[r->depth - 1] : NULL;
	why = up ? up->why : NULL;
	f = &r->stack[r->depth++];
	memset(f, 0, sizeof(*f));
	f->e = e;
	f->section = (up && up->section) || (e->flags & E_SECTION);
	if (e->flags & (E_BLOCK | E_BREAK))
		end_line(r);
	if (e->context)
		c = (enum context)e->context;
	/* A header or footer is the page's only outside an article or section (ARIA). */
	if (e->special == S_HEADER && !(up && up->section))
		c = CTX_HEADER;
	if (e->special == S_FOOTER && !(up && up->section))
		c = CTX_FOOTER;
	role = role_context(attr(atts, "role"));
	if (role != CTX_NONE)
		c = role;
	modal = attr(atts, "aria-modal");
	if (c == CTX_NONE && equals_ci(modal, "true"))
		c = CTX_ARIA_MODAL;
	f->class_why = up && up->class_why;
	if (c != CTX_NONE) {
		why = context_names[c];
		f->class_why = 0;
	}
	/*
	 * Class and id, once per element: of blocks only (an inline element
	 * would take its whole line along), and where Readability looks: not
	 * html, body, nor inside a table or code, whose cells and spans use
	 * such words for other things. Inside furniture already, the outer
	 * reason stands; but a block whose class or id says it is the
	 * article's (the exceptions: "article-body", "main-content") is kept
	 * even inside a block whose class said otherwise, in place of
	 * Readability's second pass without these rules when the first finds
	 * too little: the article is never dropped for a wrapper's name.
	 */
	else if ((!why || (up && up->class_why)) && (e->flags & E_BLOCK) && e->special != S_ROOT
		 && !r->table && !r->code && !r->pre && atts) {
		enum class_verdict v = class_hint(r, attr(atts, "class"), attr(atts, "id"),
						  why ? NULL : &why);
		if (v == CLASS_MAYBE)
			why = NULL;
		f->class_why = why != NULL;
	}
	f->why = why;
	f->skip = (e->flags & E_SKIP) != 0;
	f->link = (e->flags & E_LINK) != 0;
	f->pre = (e->flags & E_PRE) != 0;
	f->head = e->special == S_HEAD;
	f->title = e->special == S_TITLE && !r->skip;
	f->jsonld = e->special == S_SCRIPT && equals_ci(attr(atts, "type"), "application/ld+json");
	f->table = e->special == S_TABLE;
	f->code = e->special == S_CODE;
	r->skip += f->skip;
	r->link += f->link;
	r->pre += f->pre;
	r->head += f->head;
	r->title += f->title;
	r->jsonld += f->jsonld;
	r->table += f->table;
	r->code += f->code;
	if (e->special == S_META)
		on_meta(r, atts);
	else if (e->special == S_TIME)
		keep_date(&r->date_time, attr(atts, "datetime"));
	else if (e->special == S_H1 && !r->h1_done)
		r->in_h1 = 1;
}

/* The "datePublished" of JSON-LD text, found by its key: no JSON parser needed. */
static void jsonld_date(struct reader *r)
{
	const char *s = buf_str(&r->jsonld_text), *k = strstr(s, "\"datePublished\"");

	if (!k)
		return;
	k += strlen("\"datePublished\"");
	while (*k == ' ' || *k == '\t' || *k == '\n' || *k == '\r' || *k == ':')
		k++;
	if (*k == '"')
		keep_date(&r->date_jsonld, k + 1);
}

static void on_end(void *ctx, const xmlChar *name)
{
	struct reader *r = ((htmlParserCtxtPtr)ctx)->_private;
	struct frame *f;

	(void)name;
	if (!r->depth)
		return;
	f = &r->stack[--r->depth];
	if (f->e->flags & E_BLOCK)
		end_line(r);
	if (f->e->special == S_H1 && r->in_h1) {
		r->in_h1 = 0;
		r->h1_done = r->h1.len > 0;
	}
	if (f->jsonld && !r->date_jsonld) {
		jsonld_date(r);
		buf_reset(&r->jsonld_text);
	}
	r->skip -= f->skip;
	r->link -= f->link;
	r->pre -= f->pre;
	r->head -= f->head;
	r->title -= f->title;
	r->jsonld -= f->jsonld;
	r->table -= f->table;
	r->code -= f->code;
}

/* Every parse error costs the depth: see MAX_NESTING_WORK. */
static void on_error(void *ctx, xmlErrorPtr err)
{
	htmlParserCtxtPtr ctxt = ctx;
	struct reader *r = ctxt ? ctxt->_private : NULL;

	(void)err;
	if (!r || r->stopped)
		return;
	r->nesting_work += r->depth + 1;
	if (r->nesting_work > MAX_NESTING_WORK) {
		r->stopped = 1;
		warning("%s: markup too deeply nested and broken to read whole (%zu open "
			"elements); read up to byte %zu", r->where, r->depth,
			offmap_lookup(&r->p->byte_map, parser_pos(r)));
		xmlStopParser(ctxt);
	}
}

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void init_libxml(void)
{
	xmlInitParser();
}

/* What parts a headline from a site name in a title: | - – — :: · */
static const char *const site_seps[] = { " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ",
					 " \xC2\xB7 " };

/* Drops a site name after the last separator of a <title> or og:title. */
static void strip_site_suffix(struct buf *t)
{
	size_t best = 0, i, seplen = 0;

	for (i = 0; i < sizeof(site_seps) / sizeof(site_seps[0]); i++) {
		const char *s = buf_str(t), *hit = NULL, *q;
		size_t sl = strlen(site_seps[i]);
		for (q = strstr(s, site_seps[i]); q; q = strstr(q + 1, site_seps[i]))
			hit = q;
		if (hit && (size_t)(hit - s) > best) {
			best = (size_t)(hit - s);
			seplen = sl;
		}
	}
	/* A site name is short, and shorter than the headline before it. */
	if (best && t->len - best - seplen <= 40 && t->len - best - seplen < best)
		t->len = best, t->data[best] = '\0';
}

static char *trimmed(const struct buf *b)
{
	const char *s = buf_str(b);
	size_t n = b->len;

	while (n && s[n - 1] == ' ')
		n--;
	while (n && *s == ' ')
		s++, n--;
	return xstrndup(s, n);
}

/*
 * The page's title: og:title, else the first h1, else <title>, a site
 * name after a separator dropped from og:title and <title> alike; and the
 * h1 when the title is the h1 and a separator after it (a site name too
 * long to drop: "Headline - The Harbor Times of Example County").
 */
static char *page_title(const struct reader *r)
{
	struct buf t = BUF_INIT;
	char *title, *h1;
	size_t i, n;

	if (r->og_title.len)
		buf_add(&t, buf_str(&r->og_title), r->og_title.len);
	else if (!r->h1.len)
		buf_add(&t, buf_str(&r->title_text), r->title_text.len);
	else
		buf_add(&t, buf_str(&r->h1), r->h1.len);
	if (r->og_title.len || !r->h1.len)
		strip_site_suffix(&t);
	title = trimmed(&t);
	buf_release(&t);
	h1 = trimmed(&r->h1);
	n = strlen(h1);
	for (i = 0; n && i < sizeof(site_seps) / sizeof(site_seps[0]); i++)
		if (!strncmp(title, h1, n) && !strncmp(title + n, site_seps[i], strlen(site_seps[i]))) {
			free(title);
			return h1;
		}
	free(h1);
	return title;
}

static void parse(struct reader *r)
{
	htmlSAXHandler sax;
	htmlParserCtxtPtr ctxt;

	pthread_once(&init_once, init_libxml);
	memset(&sax, 0, sizeof(sax));
	sax.startElement = on_start;
	sax.endElement = on_end;
	sax.characters = on_text;
	sax.ignorableWhitespace = on_text;
	sax.cdataBlock = on_text;
	sax.initialized = XML_SAX2_MAGIC;
	sax.serror = on_error;
	ctxt = htmlCreateMemoryParserCtxt(r->utf8_len ? r->utf8 : " ", r->utf8_len ? (int)r->utf8_len : 1);
	if (!ctxt)
		die("out of memory");
	memcpy(ctxt->sax, &sax, sizeof(sax));
	ctxt->_private = r;
	r->ctxt = ctxt;
	htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
			   | HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC);
	ctxt->sax->serror = on_error;
	xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
	htmlParseDocument(ctxt);
	end_line(r);
	r->ctxt = NULL;
	htmlFreeParserCtxt(ctxt);
}

void htmlpage_read(struct htmlpage *p, const char *src, size_t len, int sniff, const char *where)
{
	struct reader r;
	struct buf label = BUF_INIT, utf8 = BUF_INIT;
	size_t bom = 0, i;

	memset(p, 0, sizeof(*p));
	memset(&r, 0, sizeof(r));
	r.p = p;
	r.where = where;
	p->date = xstrdup("");
	if (sniff)
		charset_sniff(src, len, &label, &bom);
	else if (len >= 3 && !memcmp(src, "\xEF\xBB\xBF", 3))
		bom = 3;
	/* A JSON string is UTF-8; a page without a label may be windows-1252. */
	if (charset_to_utf8(src + bom, len - bom, label.len ? label.data : sniff ? NULL : "utf-8", &utf8,
			    &p->byte_map, &p->replaced) < 0)
		warning("%s: unknown charset '%s'; read as UTF-8 (windows-1252 where it is not)",
			where, label.data);
	/* The map is of the bytes after the BOM: shift it to the file's. */
	if (bom && !p->byte_map.n)
		offmap_add(&p->byte_map, 0, 0);
	for (i = 0; i < p->byte_map.n; i++)
		p->byte_map.runs[i].src += (uint32_t)bom;
	if (utf8.len > INT_MAX) {
		warning("%s: %zu bytes, more than the HTML parser takes; not read", where, utf8.len);
	} else {
		r.utf8 = buf_str(&utf8);
		r.utf8_len = utf8.len;
		parse(&r);
	}
	p->len = r.text.len;
	p->text = buf_detach(&r.text);
	/* article:published_time, else JSON-LD, else <time>. */
	free(p->date);
	p->date = xstrdup(r.date_meta ? r.date_meta : r.date_jsonld ? r.date_jsonld
			  : r.date_time ? r.date_time : "");
	p->title = page_title(&r);
	buf_release(&label);
	buf_release(&utf8);
	buf_release(&r.line);
	offmap_release(&r.line_map);
	buf_release(&r.title_text);
	buf_release(&r.og_title);
	buf_release(&r.h1);
	buf_release(&r.jsonld_text);
	free(r.date_meta);
	free(r.date_time);
	free(r.date_jsonld);
	free(r.stack);
	free(r.at);
}

size_t htmlpage_offset(const struct htmlpage *p, size_t t)
{
	return offmap_lookup(&p->byte_map, offmap_lookup(&p->text_map, t));
}

char *htmlpage_take_text(struct htmlpage *p, size_t *len)
{
	char *t = p->text;

	*len = p->len;
	p->text = NULL;
	p->len = 0;
	return t ? t : xstrdup("");
}

void htmlpage_release(struct htmlpage *p)
{
	size_t i;

	if (!p)
		return;
	free(p->text);
	free(p->hints);
	for (i = 0; i < p->nreasons; i++)
		free(p->reasons[i]);
	free(p->reasons);
	free(p->title);
	free(p->date);
	offmap_release(&p->text_map);
	offmap_release(&p->byte_map);
	memset(p, 0, sizeof(*p));
}

int htmlpage_is_html_name(const char *path)
{
	size_t n = strlen(path);

	return (n > 5 && !strcasecmp(path + n - 5, ".html"))
	       || (n > 4 && !strcasecmp(path + n - 4, ".htm"));
}
