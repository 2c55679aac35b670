/*
 * Measures libxml2's HTML parser (SAX, as src/htmlpage.c drives it)
 * against gumbo (libgumbo-dev): speed, how text callbacks line up with the
 * source, and what text each recovers from broken markup. Not built by
 * make (gumbo is not a dependency); README, Input, has the figures:
 *   cc -O2 -o /tmp/htmlparsers tests/bench/htmlparsers.c \
 *      $(pkg-config --cflags --libs libxml-2.0 gumbo)
 *   tests/bench/htmlpages.pl DIR-OF-TEXT-CORPUS /tmp/pages   # e.g. from build/gencorpus
 *   /tmp/htmlparsers PAGE.html...            # both parsers, timed
 *   /tmp/htmlparsers -show BROKEN.html...    # the text each recovers
 *   /tmp/htmlparsers -xml|-gumbo FILE...     # one parser alone (hostile pages)
 */
#define _GNU_SOURCE
#include <gumbo.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *slurp(const char *p, size_t *n)
{
	FILE *f = fopen(p, "rb"); char *b; long sz;
	if (!f) return NULL;
	fseek(f, 0, SEEK_END); sz = ftell(f); rewind(f);
	b = malloc((size_t)sz + 1); *n = fread(b, 1, (size_t)sz, f); b[*n] = 0; fclose(f);
	return b;
}

/* ---- libxml2 SAX: "exact" when the bytes just before the parser's position are the text, "entity" when they hold a '&' ---- */
struct xs { htmlParserCtxtPtr ctxt; const char *src; size_t last; size_t text, cb, exact, entity, bad; int skip; char out[1 << 16]; size_t olen; };
static size_t xpos(struct xs *x) { xmlParserInputPtr in = x->ctxt->input; return (size_t)in->consumed + (size_t)(in->cur - in->base); }
static void xstart(void *c, const xmlChar *name, const xmlChar **atts) { struct xs *x = ((htmlParserCtxtPtr)c)->_private; (void)atts;
	if (!strcmp((const char *)name, "script") || !strcmp((const char *)name, "style")) x->skip++;
	if (x->olen < sizeof(x->out) - 2 && (!strcmp((const char*)name,"p")||!strcmp((const char*)name,"li")||!strcmp((const char*)name,"div")||!strcmp((const char*)name,"td"))) x->out[x->olen++] = '|';
	x->last = xpos(x); }
static void xend(void *c, const xmlChar *name) { struct xs *x = ((htmlParserCtxtPtr)c)->_private;
	if (!strcmp((const char *)name, "script") || !strcmp((const char *)name, "style")) x->skip--;
	x->last = xpos(x); }
static void xchars(void *c, const xmlChar *ch, int len) { struct xs *x = ((htmlParserCtxtPtr)c)->_private; size_t p = xpos(x), r = p - x->last;
	x->cb++; x->text += (size_t)len;
	(void)r;
	if (p >= (size_t)len && !memcmp(x->src + p - (size_t)len, ch, (size_t)len)) x->exact++;
	else if (x->src[x->last] == '&') x->entity++;
	else x->bad++;
	if (!x->skip && x->olen + (size_t)len < sizeof(x->out)) { memcpy(x->out + x->olen, ch, (size_t)len); x->olen += (size_t)len; }
	x->last = p; }
static void xother(void *c, const xmlChar *a) { struct xs *x = ((htmlParserCtxtPtr)c)->_private; (void)a; x->last = xpos(x); }
static void xother2(void *c, const xmlChar *a, const xmlChar *b) { (void)b; xother(c, a); }

static void run_xml(const char *buf, size_t n, struct xs *x)
{
	htmlSAXHandler sax; htmlParserCtxtPtr ctxt;
	memset(&sax, 0, sizeof(sax));
	sax.startElement = xstart; sax.endElement = xend; sax.characters = xchars; sax.ignorableWhitespace = xchars;
	sax.comment = xother; sax.processingInstruction = xother2; sax.cdataBlock = xchars;
	ctxt = htmlCreateMemoryParserCtxt(buf, (int)n);
	memcpy(ctxt->sax, &sax, sizeof(sax));
	ctxt->_private = x; x->ctxt = ctxt; x->src = buf;
	htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_NOIMPLIED);
	xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
	htmlParseDocument(ctxt);

	htmlFreeParserCtxt(ctxt);
}

/* ---- gumbo ---- */
struct gs { size_t text, nodes, exact, entity; char out[1 << 16]; size_t olen; };
static void run_gumbo(const char *buf, size_t n, struct gs *g)
{
	GumboOptions go = kGumboDefaultOptions; go.max_errors = 0; GumboOutput *o = gumbo_parse_with_options(&go, buf, n);
	GumboNode **stack = malloc(sizeof(*stack) * 1024 * 1024); size_t sp = 0;
	stack[sp++] = o->root;
	while (sp) {
		GumboNode *nd = stack[--sp]; g->nodes++;
		if (nd->type == GUMBO_NODE_ELEMENT) {
			GumboVector *ch = &nd->v.element.children; unsigned i;
			if (nd->v.element.tag == GUMBO_TAG_SCRIPT || nd->v.element.tag == GUMBO_TAG_STYLE) continue;
			if (g->olen < sizeof(g->out) - 2 && (nd->v.element.tag == GUMBO_TAG_P || nd->v.element.tag == GUMBO_TAG_LI || nd->v.element.tag == GUMBO_TAG_DIV|| nd->v.element.tag == GUMBO_TAG_TD)) g->out[g->olen++] = '|';
			for (i = ch->length; i-- > 0;) if (sp < 1024 * 1024) stack[sp++] = ch->data[i];
		} else if (nd->type == GUMBO_NODE_TEXT || nd->type == GUMBO_NODE_WHITESPACE) {
			size_t l = strlen(nd->v.text.text);
			g->text += l;
			if (nd->v.text.original_text.length == l && !memcmp(nd->v.text.original_text.data, nd->v.text.text, l)) g->exact++; else g->entity++;
			if (g->olen + l < sizeof(g->out)) { memcpy(g->out + g->olen, nd->v.text.text, l); g->olen += l; }
		}
	}
	free(stack);
	gumbo_destroy_output(&kGumboDefaultOptions, o);
}

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return (double)t.tv_sec + (double)t.tv_nsec / 1e9; }

int main(int argc, char **argv)
{
	int i, mode = 0; double t0, tx = 0, tg = 0; size_t bytes = 0;
	static struct xs x; static struct gs g; size_t xt = 0, gt = 0, xcb = 0, xex = 0, xen = 0, xbad = 0;
	if (argc > 1 && !strcmp(argv[1], "-show")) mode = 1;
	if (argc > 1 && !strcmp(argv[1], "-xml")) mode = 2;
	if (argc > 1 && !strcmp(argv[1], "-gumbo")) mode = 3;
	for (i = 1 + (mode != 0); i < argc; i++) {
		size_t n; char *b = slurp(argv[i], &n);
		if (!b) continue;
		bytes += n;
		if (mode != 3) { memset(&x, 0, sizeof(x)); t0 = now(); run_xml(b, n, &x); tx += now() - t0; }
		xt += x.text; xcb += x.cb; xex += x.exact; xen += x.entity; xbad += x.bad;
		if (mode != 2) { memset(&g, 0, sizeof(g)); t0 = now(); run_gumbo(b, n, &g); tg += now() - t0; gt += g.text; }
		if (mode == 1) printf("%s\n  libxml2: %.*s\n  gumbo:   %.*s\n", argv[i], (int)x.olen, x.out, (int)g.olen, g.out);
		free(b);
	}
	printf("bytes %zu\nlibxml2: %.3f s %.1f MB/s text %zu callbacks %zu exact %zu entity %zu unaligned %zu\ngumbo:   %.3f s %.1f MB/s text %zu\n",
	       bytes, tx, bytes / 1e6 / tx, xt, xcb, xex, xen, xbad, tg, bytes / 1e6 / tg, gt);
	return 0;
}
