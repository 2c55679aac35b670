/*
 * WARC files as articles, with the filters of a crawl (see warcin.h).
 * Runs in the reading thread: records are framed, decoded and filtered
 * here, so that a page a filter drops costs no worker time and is not a
 * "skipped" article; the HTML is parsed later, in the workers.
 */
#include "warcin.h"

#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "buf.h"
#include "charset.h"
#include "date.h"
#include "http.h"
#include "offmap.h"
#include "outletmap.h"
#include "util.h"
#include "warc.h"
#include "xalloc.h"
#include "banned.h"

/* What is dropped, by reason, for the closing line. */
enum drop {
	DROP_OTHER_TYPE,	/* warcinfo, request, metadata, revisit, ... */
	DROP_NOT_WEB,		/* a URI neither http(s) nor file: wget's metadata://, dns: */
	DROP_ROBOTS,		/* a site's /robots.txt, no article */
	DROP_STATUS,		/* an HTTP status other than 2xx */
	DROP_MEDIA,		/* neither HTML nor plain text */
	DROP_URL,		/* --url-pattern */
	DROP_UNLISTED,		/* --drop-unlisted */
	DROP_LANG,		/* --lang */
	DROP_N
};

static const char *const drop_names[DROP_N] = {
	"not a response or resource", "not a web page", "robots.txt", "HTTP status not 2xx", "not HTML or plain text",
	"--url-pattern", "host not in --outlets", "--lang"
};

struct warcin {
	const struct warcin_options *o;
	size_t max_bytes;
	struct outletmap *map;
	size_t file;		/* index of the open file */
	FILE *f;
	struct warc *w;
	struct warc_record rec;
	struct http_payload http;
	struct buf host;
	uint64_t total, done;	/* bytes of every file; of the files read to their end */
	uint64_t records, articles, drops[DROP_N];
	int reported, stopped;
	char **extra_names;	/* "url", then the --outlets table's own */
	size_t nextra;
};

char *const *warcin_extra_names(const struct warcin *in, size_t *n)
{
	*n = in->nextra;
	return in->extra_names;
}

/* "url", then the extra columns of the --outlets table. */
static void set_extra_names(struct warcin *in)
{
	char *const *names = NULL;
	size_t i, n = 0;

	if (in->map)
		names = outletmap_extra_names(in->map, &n);
	in->extra_names = xcalloc(n + 1, sizeof(*in->extra_names));
	in->extra_names[0] = xstrdup("url");
	for (i = 0; i < n; i++)
		in->extra_names[i + 1] = xstrdup(names[i]);
	in->nextra = n + 1;
}

struct warcin *warcin_open(const struct warcin_options *o, size_t max_bytes)
{
	struct warcin *in = xcalloc(1, sizeof(*in));
	size_t i;
	int bad = 0;

	in->o = o;
	in->max_bytes = max_bytes;
	for (i = 0; i < o->files.n; i++) {
		struct stat st;
		if (!strcmp(o->files.items[i], "-"))
			bad = error("--warc reads files, not standard input (zcat is not needed: "
				    "a .warc.gz is read as it is)");
		else if (stat(o->files.items[i], &st) < 0)
			bad = error("%s: %s", o->files.items[i], strerror(errno));
		else if (!S_ISREG(st.st_mode))
			bad = error("%s: not a WARC file", o->files.items[i]);
		else
			in->total += (uint64_t)st.st_size;
	}
	if (!bad && o->outlets && !(in->map = outletmap_load(o->outlets)))
		bad = -1;
	if (bad) {
		warcin_free(in);
		return NULL;
	}
	set_extra_names(in);
	return in;
}

static void close_file(struct warcin *in)
{
	warc_free(in->w);
	in->w = NULL;
	if (in->f)
		fclose(in->f);
	in->f = NULL;
}

void warcin_free(struct warcin *in)
{
	size_t i;

	if (!in)
		return;
	close_file(in);
	outletmap_free(in->map);
	for (i = 0; i < in->nextra; i++)
		free(in->extra_names[i]);
	free(in->extra_names);
	warc_record_release(&in->rec);
	http_payload_release(&in->http);
	buf_release(&in->host);
	free(in);
}

int warcin_rewind(struct warcin *in)
{
	close_file(in);
	in->file = 0;
	in->done = 0;
	in->stopped = in->reported = 0;
	in->records = in->articles = 0;
	memset(in->drops, 0, sizeof(in->drops));
	return 0;
}

uint64_t warcin_total_bytes(const struct warcin *in)
{
	return in->total;
}

uint64_t warcin_bytes_read(const struct warcin *in)
{
	return in->done + (in->w ? warc_bytes_read(in->w) : 0);
}

/* The host of a URI, lowercase, without "www.", port and user; "" without one. */
static void uri_host(const char *uri, struct buf *host)
{
	const char *p = strstr(uri, "://"), *e, *at;

	buf_reset(host);
	if (!p)
		return;
	p += 3;
	e = p + strcspn(p, "/?#");
	at = memchr(p, '@', (size_t)(e - p));
	if (at)
		p = at + 1;
	if (p < e && *p == '[') {	/* an IPv6 literal keeps its colons */
		const char *close = memchr(p, ']', (size_t)(e - p));
		if (close)
			e = close + 1;
	} else {
		const char *colon = memchr(p, ':', (size_t)(e - p));
		if (colon)
			e = colon;
	}
	if (e - p > 4 && !strncasecmp(p, "www.", 4))
		p += 4;
	for (; p < e; p++)
		buf_addch(host, *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p);
}

/*
 * Whether a URI can be a page someone published: http, https, or a file
 * archived as a resource (file://); no URI at all is given the benefit of
 * the doubt. wget's own log and arguments (metadata://gnu.org/...) and a
 * crawler's dns: records are not.
 */
static int web_page(const char *uri)
{
	static const char *const schemes[] = { "http:", "https:", "file:" };
	size_t i, n = strspn(uri, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");

	if (!*uri || uri[n] != ':')
		return 1;	/* no scheme: a relative or odd URI, as before */
	for (i = 0; i < sizeof(schemes) / sizeof(*schemes); i++)
		if (!strncasecmp(uri, schemes[i], n + 1))
			return 1;
	return 0;
}

/* Whether the URI is a site's robots.txt (a query or fragment after it too). */
static int is_robots(const char *uri)
{
	const char *p = strstr(uri, "://");
	size_t n;

	if (!p)
		return 0;
	p += 3;
	p += strcspn(p, "/?#");
	n = strcspn(p, "?#");
	return n == 11 && !strncasecmp(p, "/robots.txt", 11);
}

/* Whether the record's headers let it be an article and pass the filters that need no block. */
static int want(const struct warc_record *r, void *ctx)
{
	struct warcin *in = ctx;
	const char *type = buf_str(&r->type);

	if (strcmp(type, "response") && strcmp(type, "resource")) {
		in->drops[DROP_OTHER_TYPE]++;
		return 0;
	}
	if (!web_page(buf_str(&r->uri))) {
		in->drops[DROP_NOT_WEB]++;
		return 0;
	}
	if (is_robots(buf_str(&r->uri))) {
		in->drops[DROP_ROBOTS]++;
		return 0;
	}
	if (in->o->url_pattern && fnmatch(in->o->url_pattern, buf_str(&r->uri), 0) != 0) {
		in->drops[DROP_URL]++;
		return 0;
	}
	uri_host(buf_str(&r->uri), &in->host);
	if (in->map && in->o->drop_unlisted && !outletmap_find(in->map, in->host.data ? in->host.data : "", NULL)) {
		in->drops[DROP_UNLISTED]++;
		return 0;
	}
	return 1;
}

static int is_html(const char *mime)
{
	return !strcmp(mime, "text/html") || !strcmp(mime, "application/xhtml+xml");
}

/* Decodes a UTF-8 sequence at s (< e); returns its code point and length, U+FFFD for a bad byte. */
static unsigned long next_cp(const unsigned char *s, const unsigned char *e, size_t *n)
{
	unsigned long c = s[0];
	size_t k, need = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;

	*n = 1;
	if (c < 0x80 || !need || (size_t)(e - s) <= need)
		return c < 0x80 ? c : 0xFFFD;
	c &= 0x3F >> need;
	for (k = 1; k <= need; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0xFFFD;
		c = c << 6 | (s[k] & 0x3F);
	}
	*n = need + 1;
	return c;
}

/*
 * The language a script names on its own (Han zh, kana ja, Hangul ko,
 * Greek el, Hebrew he, Thai th, Georgian ka, Armenian hy), from the most
 * frequent of these among the first 64 KB; NULL for a script that many
 * languages share (Latin, Cyrillic, Arabic) or none.
 */
static const char *script_lang(const char *text, size_t len)
{
	static const struct { unsigned long lo, hi; const char *lang; } scripts[] = {
		{ 0x0370, 0x03FF, "el" }, { 0x0530, 0x058F, "hy" }, { 0x0590, 0x05FF, "he" },
		{ 0x0E00, 0x0E7F, "th" }, { 0x10A0, 0x10FF, "ka" }, { 0x3040, 0x30FF, "ja" },
		{ 0x3400, 0x4DBF, "zh" }, { 0x4E00, 0x9FFF, "zh" }, { 0xAC00, 0xD7AF, "ko" },
	};
	size_t counts[sizeof(scripts) / sizeof(scripts[0])] = { 0 }, other = 0, i, n, best = 0;
	const unsigned char *s = (const unsigned char *)text, *e = s + (len > 65536 ? 65536 : len);

	while (s < e) {
		unsigned long c = next_cp(s, e, &n);
		s += n;
		if (c < 0x250 || c == 0xFFFD)
			continue;	/* ASCII markup and Latin letters decide nothing */
		for (i = 0; i < sizeof(scripts) / sizeof(scripts[0]); i++)
			if (c >= scripts[i].lo && c <= scripts[i].hi)
				break;
		if (i < sizeof(scripts) / sizeof(scripts[0]))
			counts[i]++;
		else
			other++;
	}
	/* Japanese is written with kanji and kana: some kana make it Japanese. */
	if (counts[5] * 10 > counts[6] + counts[7] && counts[5])
		return "ja";
	for (i = 1; i < sizeof(counts) / sizeof(counts[0]); i++)
		if (counts[i] > counts[best])
			best = i;
	return counts[best] && counts[best] > other ? scripts[best].lang : NULL;
}

/* The lang attribute of <html>, its primary subtag lowercased into b; 0 when found. */
static int html_lang(const char *s, size_t len, struct buf *b)
{
	const char *e = s + (len > 65536 ? 65536 : len), *p, *tag_end;

	for (p = s; (p = memchr(p, '<', (size_t)(e - p))) && e - p > 5; p++) {
		if (strncasecmp(p + 1, "html", 4) || (p[5] != ' ' && p[5] != '\t' && p[5] != '\n' &&
						     p[5] != '\r'))
			continue;
		tag_end = memchr(p, '>', (size_t)(e - p));
		if (!tag_end)
			return -1;
		for (p += 5; p + 5 < tag_end; p++) {
			if (strncasecmp(p, "lang", 4) || (p[-1] != ' ' && p[-1] != ':' && p[-1] != '\t' &&
							 p[-1] != '\n'))
				continue;
			p += 4;
			while (p < tag_end && (*p == ' ' || *p == '='))
				p++;
			if (p < tag_end && (*p == '"' || *p == '\''))
				p++;
			buf_reset(b);
			while (p < tag_end && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
				buf_addch(b, (char)(*p++ | 0x20));
			return b->len ? 0 : -1;
		}
		return -1;
	}
	return -1;
}

/* Whether the page is in --lang: its <html lang>, else Content-Language, else its script. */
static int lang_ok(struct warcin *in, const char *text, size_t len, int html)
{
	struct buf b = BUF_INIT;
	const char *lang = NULL, *want_lang = in->o->lang;
	size_t n;
	int ok;

	if (html && html_lang(text, len, &b) == 0)
		lang = b.data;
	else if (in->http.lang.len)
		lang = in->http.lang.data;
	else
		lang = script_lang(text, len);
	n = strcspn(want_lang, "-_");
	ok = lang && !strncasecmp(lang, want_lang, n) && (lang[n] == '\0' || lang[n] == '-');
	buf_release(&b);
	return ok;
}

/* The payload in UTF-8: the charset of Content-Type, else the page's own (BOM, <meta>). */
static char *to_utf8(struct warcin *in, const char *where, int html, size_t *len)
{
	struct buf label = BUF_INIT, out = BUF_INIT;
	struct offmap map = OFFMAP_INIT;
	const struct buf *body = &in->http.body;
	size_t bom = 0, replaced = 0;

	if (in->http.charset.len)
		buf_adds(&label, in->http.charset.data);
	else if (html)
		charset_sniff(body->data ? body->data : "", body->len, &label, &bom);
	if (!bom && body->len >= 3 && !memcmp(body->data, "\xEF\xBB\xBF", 3))
		bom = 3;
	if (charset_to_utf8(body->data ? body->data + bom : "", body->len - bom,
			    label.len ? label.data : NULL, &out, &map, &replaced) < 0)
		warning("%s: unknown charset '%s'; read as UTF-8 (windows-1252 where it is not)",
			where, label.data);
	offmap_release(&map);
	buf_release(&label);
	*len = out.len;
	return buf_detach(&out);
}

/* Opens the next file when none is open; 0 when all were read. */
static int open_next(struct warcin *in)
{
	const char *name;

	while (!in->w) {
		if (in->file >= in->o->files.n)
			return 0;
		name = in->o->files.items[in->file++];
		in->f = fopen(name, "rb");
		if (!in->f) {
			error("%s: %s", name, strerror(errno));
			continue;
		}
		/* The block holds the HTTP headers too: 64 KB more than an article. */
		in->w = warc_open(in->f, name, in->max_bytes + 65536);
	}
	return 1;
}

static void report(struct warcin *in)
{
	struct buf b = BUF_INIT;
	const char *sep = "; dropped: ";
	size_t i;

	if (in->reported)
		return;
	in->reported = 1;
	buf_addf(&b, "WARC: %llu record%s, %llu article%s", (unsigned long long)in->records,
		 in->records == 1 ? "" : "s", (unsigned long long)in->articles,
		 in->articles == 1 ? "" : "s");
	for (i = 0; i < DROP_N; i++) {
		if (!in->drops[i])
			continue;
		buf_addf(&b, "%s%llu %s", sep, (unsigned long long)in->drops[i], drop_names[i]);
		sep = ", ";
	}
	if (in->stopped)
		buf_addf(&b, "; stopped at --max-articles %zu", in->o->max_articles);
	inform("%s", b.data);
	buf_release(&b);
}

/* Fills a from the record just read and its payload; text and html as warcin_read. */
static int make_article(struct warcin *in, struct article *a, char **text, size_t *len, int *html)
{
	const struct warc_record *r = &in->rec;
	char *const *extra = NULL;
	const char *listed = in->map ? outletmap_find(in->map, buf_str(&in->host), &extra) : NULL;
	const char *id = buf_str(&r->id);
	struct buf b = BUF_INIT;
	size_t idlen = strlen(id), i;

	memset(a, 0, sizeof(*a));
	buf_addf(&b, "%s:%llu", in->o->files.items[in->file - 1], (unsigned long long)r->offset);
	a->path = buf_detach(&b);
	a->file = xstrdup(a->path);
	*html = is_html(in->http.mime.data ? in->http.mime.data : "");
	*text = to_utf8(in, a->path, *html, len);
	if (in->o->lang && !lang_ok(in, *text, *len, *html)) {
		in->drops[DROP_LANG]++;
		free(*text);
		*text = NULL;
		*len = 0;
		article_release(a, 0);
		return 0;
	}
	/* "<urn:uuid:...>": the brackets are the WARC syntax's, not the id's. */
	if (idlen >= 2 && id[0] == '<' && id[idlen - 1] == '>')
		a->id = xstrndup(id + 1, idlen - 2);
	else
		a->id = xstrdup(idlen ? id : a->path);
	a->outlet = xstrdup(listed ? listed : in->host.len ? in->host.data : "unknown");
	a->date = r->date.len >= 10 ? xstrndup(r->date.data, 10) : xstrdup("");
	if (*a->date && !date_valid(a->date)) {
		free(a->date);
		a->date = xstrdup("");
	}
	a->title = xstrdup("");
	a->extra = xcalloc(in->nextra, sizeof(*a->extra));
	a->extra[0] = xstrdup(buf_str(&r->uri));
	for (i = 1; i < in->nextra; i++)
		a->extra[i] = xstrdup(extra ? extra[i - 1] : "");
	return 1;
}

int warcin_read(struct warcin *in, struct article *a, char **text, size_t *len, int *html)
{
	const char *why = NULL;
	int st;

	memset(a, 0, sizeof(*a));
	*text = NULL;
	*len = 0;
	for (;;) {
		if (in->stopped || !open_next(in)) {
			report(in);
			return 0;
		}
		st = warc_next(in->w, &in->rec, want, in);
		if (st == 0) {
			in->done += warc_bytes_read(in->w);
			close_file(in);
			continue;
		}
		in->records++;
		if (st < 0)
			return -1;
		if (in->rec.too_large)
			return error("%s: byte %llu: a record of %llu bytes, more than "
				     "--max-article-bytes %zu; skipped",
				     in->o->files.items[in->file - 1],
				     (unsigned long long)in->rec.offset,
				     (unsigned long long)in->rec.length, in->max_bytes);
		if (!in->rec.kept)
			continue;
		st = http_read(&in->http, in->rec.block.data ? in->rec.block.data : "",
			       in->rec.block.len, !strcmp(buf_str(&in->rec.type), "response"),
			       buf_str(&in->rec.content_type), in->max_bytes, &why);
		if (st < 0)
			return error("%s: byte %llu: %s; skipped", in->o->files.items[in->file - 1],
				     (unsigned long long)in->rec.offset, why);
		if (in->http.status && (in->http.status < 200 || in->http.status > 299)) {
			in->drops[DROP_STATUS]++;
			continue;
		}
		if (!is_html(buf_str(&in->http.mime)) && strcmp(buf_str(&in->http.mime), "text/plain")) {
			in->drops[DROP_MEDIA]++;
			continue;
		}
		if (!make_article(in, a, text, len, html))
			continue;
		in->articles++;
		if (in->o->max_articles && in->articles >= in->o->max_articles)
			in->stopped = 1;
		return 1;
	}
}
